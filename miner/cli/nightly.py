"""`paxminer daily` and `paxminer import` ."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from miner.app import App
from miner.cli.common import (
    StepError,
    bad_phrase,
    command,
    fail,
    parse_day,
    pass_app,
    prompt_interrupt,
    region_option,
    summary,
    verbose,
)


@click.command()
@click.option("--region", "regions", multiple=True, metavar="NAME",
              help="only this region (repeatable; default: every active region)")
@click.option("--workers", type=click.IntRange(1, 64),
              help="regions in a CPU-heavy step (score, outreach, charts) at once; every region waits on Slack "
                   "at once (default: `workers` in the config, 4)")
@click.option("--as-of", "as_of", callback=parse_day, metavar="YYYY-MM-DD",
              help="run as of this date (charts due day, scores; default: today in each region)")
@click.option("--today", "today_alias", callback=parse_day, hidden=True)  # the old name of --as-of
@click.option("--skip-charts", is_flag=True, help="do not run the charters tonight")
@click.option("--outbox", type=click.Path(file_okay=False), metavar="DIR",
              help="write charts and run reports under DIR/<region>/ and post nothing (no feedback DMs, outreach is a dry run)")
@click.option("--dry-run", is_flag=True,
              help="post and send nothing: print the charts and run reports it would post (mining and scoring still run)")
@click.option("--report/--no-report", default=True, show_default=True,
              help="post a run report to each region's log channel (regions with one set)")
@click.option("--stale-minutes", type=click.FloatRange(0.01, 24 * 60),
              help="take over a region whose lock heartbeat is older than this (default 30, or [daily] stale_minutes)")
@click.option("--skip-ok-within", type=click.FloatRange(0.01, 24 * 30), metavar="HOURS",
              help="skip regions whose last run succeeded within HOURS (a catch-up cron line for failed regions)")
@click.option("--summary-json", type=click.Path(dir_okay=False), metavar="PATH",
              help="also write the nationwide summary (every region's counts) as JSON to PATH")
@click.option("--progress/--no-progress", default=None,
              help="a progress line on stderr every minute: regions done, and the time left at Slack's pace "
                   "(default: when stderr is a terminal)")
@pass_app
@command
def daily(app: App, regions, workers, as_of, today_alias, skip_charts, outbox, dry_run, report, stale_minutes,
          skip_ok_within, summary_json, progress):
    """The nightly run: listers, miner, scorer, outreach and (when due) charts for every active region.

    Regions run concurrently (--workers). A region held by another run (another cron run, another
    host on the same MySQL server) is skipped, not failed; a region whose run died is taken over.
    Every region starts at once: Slack's rate limit, not the CPU, sets the night's length, and a
    region waiting on it costs nothing; --workers bounds the CPU-heavy steps. A region whose deadline
    (deadline_minutes) came first, or with a channel Slack kept failing on, is `partial`: what it
    read is kept, the rest is resumed next run.
    One line per region, a total at the end; exit 1 if any region failed or is partial.
    """
    from miner.cli.registry import warn_no_regions
    from miner.core.registry import list_regions
    from miner.nightly.report import total_line
    from miner.nightly.run import run_daily

    show = sys.stderr.isatty() if progress is None else progress
    if not regions and not list_regions(app.db):
        warn_no_regions(app)
        summary("daily: 0 region(s): 0 ok, 0 failed, 0 skipped (none registered)")
        return
    scratch = tempfile.mkdtemp(prefix="paxminer-dry-run-") if dry_run else None
    try:
        with prompt_interrupt("paxminer daily"):
            s = run_daily(app, list(regions) or None, workers=workers, today=as_of or today_alias,
                          skip_charts=skip_charts, outbox=scratch or outbox, report=report,
                          stale_minutes=stale_minutes, echo=click.echo, verbose=verbose(),
                          summary_json=summary_json, skip_ok_within=skip_ok_within,
                          progress=(lambda line: click.echo(line, err=True)) if show else None)
        if scratch:
            files = sorted(p.relative_to(scratch) for p in Path(scratch).rglob("*") if p.is_file() and p.suffix != ".json")
            for f in files:
                click.echo(f"would post: {f}")
            click.echo(f"DRY RUN: nothing posted or sent ({len(files)} chart(s)/report(s) above; feedback DMs and "
                       f"outreach held back: see `mine --dry-run`, `outreach run --dry-run`)", err=True)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    summary(total_line(s))
    if s["failed"]:
        fail(f"{s['failed']} region(s) failed: {', '.join(s['failed_regions'][:10])}"
             f"{' ...' if s['failed'] > 10 else ''} (details above and in `paxminer log`)")
    if s.get("partial"):
        fail(f"{s['partial']} region(s) partial, the rest is read next run: {', '.join(s['partial_regions'][:10])}"
             f"{' ...' if s['partial'] > 10 else ''} (details above and in `paxminer log`)")


@click.command("import")
@click.argument("export", type=click.Path(exists=True), metavar="EXPORT")
@region_option
@click.option("--progress/--no-progress", default=None, help="progress bar (default: when stderr is a terminal)")
@click.option("--all-channels", is_flag=True,
              help="archive every channel of the export (default: those the miner archives: backblast, region, help)")
@click.option("--dms", is_flag=True,
              help="also archive the export's direct and group messages (dms.json, mpims.json; --all-channels does too)")
@click.option("--stale-minutes", type=click.FloatRange(0.01, 24 * 60), hidden=True)
@pass_app
@command
def import_(app: App, export, region, progress, all_channels, dms, stale_minutes):
    """Backfill a region from a Slack export (the .zip or its unpacked folder), then parse backblasts.

    Safe to rerun and to mix with `mine`: nothing is duplicated, and what the API stored wins.
    The next `mine` reads only what came after the export.
    """
    from miner.archive.export import ExportError, import_export
    from miner.core.locks import LockManager
    from miner.core.runlog import logged_step, new_run_id

    run_id = new_run_id()
    with LockManager(app.db, run_id, stale_minutes=stale_minutes) as locks:
        claim = locks.acquire(region.region)
        if not claim.ok:
            raise StepError(f"{region.region} is busy ({claim.holder.describe()}); try again when that run is done")
        try:
            with logged_step(app.db, region.region, "import", run_id) as counts:
                try:
                    s = import_export(app, region, export, progress=progress, all_channels=all_channels, dms=dms)
                except ExportError as exc:
                    raise StepError(str(exc)) from None
                counts.update({k: v for k, v in s.items() if k != "errors"}, errors=s["errors"][:20])
        finally:
            locks.release(region.region)
    rate = s["messages"] / s["seconds"] if s["seconds"] else 0
    other = (f" ({s['skipped_channels']} other channels not archived, like the miner; --all-channels adds them)"
             if s["skipped_channels"] else "")
    other += (f"; {s['skipped_dms']} direct/group message conversations skipped (--dms adds them)" if s["skipped_dms"] else
              f"; {s['dms']} direct/group message conversations" if s["dms"] else "")
    other += f"; {s['skipped_folders']} folders no channel list names skipped" if s["skipped_folders"] else ""
    other += f"; {s['users_without_id']} users.json entries without an id skipped" if s["users_without_id"] else ""
    summary(f"{region.region}: imported {s['messages']} messages ({s['new']} new, {s['changed']} changed, {s['kept']} already "
            f"stored; {s['replies']} thread replies) from {s['files']} day files in {s['channels']} channels{other}; "
            f"{s['new_users']} new users, {s['new_channels']} new channels; {s['backblasts']} backblasts, "
            f"{s['problems']} problems; {s['seconds']:.1f}s ({rate:,.0f} messages/s){bad_phrase(s)}")
    if s["errors"]:
        more = f" (and {len(s['errors']) - 1} more)" if len(s["errors"]) > 1 else ""
        fail(f"{len(s['errors'])} export file(s) unreadable and skipped, everything else imported: {s['errors'][0]}{more}")
