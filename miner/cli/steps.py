"""The steps one at a time: `channels`, `users`, `ao ...`, `mine`, `reparse`, `log`."""

from __future__ import annotations

import json
import logging
import sys

import click

from miner.app import App
from miner.cli.common import (
    bad_phrase,
    command,
    fail,
    listing,
    parse_day,
    pass_app,
    prompt_interrupt,
    region_lock,
    region_option,
    summary,
    verbose,
)
from miner.core import constants
from miner.core.constants import CHANNEL_KINDS
from miner.core.runlog import logged_step

log = logging.getLogger("miner.cli")


@click.command()
@region_option
@pass_app
@command
def channels(app: App, region):
    """channel-lister: Slack channels -> aos (joins backblast channels it is not in)."""
    from miner.listers.channels import list_channels

    with logged_step(app.db, region.region, "channels") as counts:
        s = list_channels(app, region)
        counts.update(s)
    summary(f"{region}: {s['channels']} channels ({s['backblast']} backblast, {s['archived']} archived, {s['joined']} joined){bad_phrase(s)}")


@click.command()
@region_option
@pass_app
@command
def users(app: App, region):
    """user-lister: Slack users -> users."""
    from miner.listers.users import list_users

    with logged_step(app.db, region.region, "users") as counts:
        s = list_users(app, region)
        counts.update(s)
    summary(f"{region}: {s['users']} users ({s['new']} new, {s['changed']} changed, {s['apps']} apps, {s['deactivated']} deactivated){bad_phrase(s)}")


@click.group()
def ao():
    """Which channels hold backblasts, and other per-channel settings."""


@ao.command("list")
@region_option
@click.option("--json", "as_json", is_flag=True, help="print JSON (the summary goes to stderr)")
@pass_app
@command
def ao_list(app: App, region, as_json):
    """List channels with their backblast flag."""
    from miner.listers.channels import channel_rows

    rows = channel_rows(app, region)
    line = f"{len(rows)} channel(s), {sum(1 for r in rows if r['backblast'])} holding backblasts"
    if not rows:
        click.echo(f"no channels listed yet: run `paxminer channels --region {region}`", err=True)
    listing(as_json, rows, line, f"{'CHANNEL':12} {'NAME':32} {'BACKBLAST':10} {'ARCHIVED':8} KIND",
            lambda r: f"{r['channel_id']:12} {r['ao']:32} {'backblast' if r['backblast'] else '-':10} "
                      f"{'archived' if r['archived'] else '-':8} {r['kind'] or ''}")


@ao.command("set")
@region_option
@click.argument("channels", nargs=-1, required=True)
@click.option("--backblast/--no-backblast", default=None, help="does this channel hold backblasts")
@click.option("--kind", type=click.Choice(CHANNEL_KINDS), help="channel kind (for activity scores)")
@click.option("--site-q", help="user ID of the AO's site Q")
@pass_app
@command
def ao_set(app: App, region, channels, backblast, kind, site_q):
    """Set channels (IDs or names) as backblast channels or not; an admin's choice sticks."""
    from miner.listers.channels import set_channels

    if backblast is None and not kind and not site_q:
        raise click.UsageError("nothing to set: give --backblast/--no-backblast, --kind or --site-q")
    n = set_channels(app, region, list(channels), backblast=backblast, kind=kind, site_q=site_q)
    summary(f"{region}: {n} channel(s) updated")


@click.command()
@region_option
@click.option("--since", callback=parse_day, help="re-read and reconcile from this date (YYYY-MM-DD), whatever the watermark")
@click.option("--lookback-days", type=click.IntRange(0, 3650), help="days re-read behind each channel's watermark (default 7)")
@click.option("--processes", type=click.IntRange(1, 32), default=constants.MINE_PROCESSES, show_default=True,
              help="channels mined at once, each in its own process (all share the workspace's Slack pace)")
@click.option("--deadline-minutes", type=click.FloatRange(0), metavar="MINUTES",
              help="stop waiting on Slack after this long and leave the rest for the next run "
                   "(default: the region's deadline_minutes setting, else the config's, 360; 0: none)")
@click.option("--progress/--no-progress", default=None,
              help="progress lines on stderr with an estimate of what is left at Slack's pace (default: when "
                   "stderr is a terminal; a first mine's forecast of over an hour is always shown)")
@click.option("--dry-run", is_flag=True,
              help="mine and parse, but send no feedback DMs: print the ones it would send (a later run sends them)")
@pass_app
@command
def mine(app: App, region, since, lookback_days, processes, deadline_minutes, progress, dry_run):
    """message-miner: Slack history -> raw archive -> beatdowns, bd_attendance.

    Slack allows this app one history and one replies call a minute per workspace: a first mine of a
    big region takes hours (an export is faster: `paxminer import`). Exits non-zero if anything was
    left unread (a channel failed, or the deadline came first; the next run resumes it)."""
    from miner.archive.mine import mine_region

    app.start_deadline(region, deadline_minutes)
    show = sys.stderr.isatty() if progress is None else progress

    def echo(line: str, important: bool = False, _left: float | None = None) -> None:
        if show or important:
            click.echo(line, err=True)
        elif verbose():  # -v: the progress lines as log lines
            log.info("%s", line)

    # it sends feedback DMs: the region's lock, without a heartbeat thread (channels are mined in
    # forked processes), beaten as channels finish
    with prompt_interrupt(f"paxminer mine --region {region}"), region_lock(app, region, thread=False) as locks, \
            logged_step(app.db, region.region, "mine") as counts:
        s = mine_region(app, region, since=since, lookback_days=lookback_days, processes=processes, progress=echo,
                        feedback=not dry_run, heartbeat=lambda: locks.beat([region.region]))
        counts.update(s)
        if s["missing"]:
            counts["partial"] = True
    if dry_run:
        from sqlalchemy import text

        from miner.beatdowns.feedback import due_feedback

        eng = app.db.engine(region.schema_name)
        due = due_feedback(eng, region)
        with eng.connect() as conn:
            names = dict(conn.execute(text("SELECT user_id, user_name FROM users")).all())
            names |= {cid: f"#{ao}" for cid, ao in conn.execute(text("SELECT channel_id, ao FROM aos")).all()}
        for r in due:
            who = f"{names.get(r['poster_user_id'], r['poster_user_id'])} ({r['poster_user_id']})" if r["poster_user_id"] else "nobody (no poster)"
            click.echo(f"would DM {who} about their post in {names.get(r['channel_id'], r['channel_id'])} "
                       f"at {r['ts']}: {r['problem'] or 'it could not be read'}")
        click.echo(f"{region}: DRY RUN: {len(due)} feedback DM(s) not sent", err=True)
    summary(
        f"{region}: {s['channels']} channels, {s['messages']} messages read ({s['new']} new, {s['changed']} changed, "
        f"{s['deleted']} deleted, {s['replies']} replies), {s['backblasts']} backblasts, {s['problems']} problems, {s['api_calls']} API calls"
        f"{bad_phrase(s)}"
    )
    gaps = s["missing"]  # the deadline's and the channels that failed
    if gaps:
        more = f" (and {len(gaps) - 1} more)" if len(gaps) > 1 else ""
        fail(f"{region}: not everything was read, the next run resumes it: {gaps[0]}{more}")


@click.command()
@region_option
@pass_app
@command
def reparse(app: App, region):
    """Rebuild beatdowns and bd_attendance from the raw archive (no Slack calls)."""
    from miner.beatdowns.build import reparse_region

    with logged_step(app.db, region.region, "reparse") as counts:
        s = reparse_region(app, region)
        counts.update(s)
    summary(f"{region}: {s['messages']} messages reparsed, {s['backblasts']} backblasts, {s['duplicates']} duplicates, {s['problems']} problems")


@click.command("log")
@click.option("--region", "region_name", help="only this region")
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True, help="rows to show")
@click.option("--json", "as_json", is_flag=True, help="print JSON, counts as objects (the summary goes to stderr)")
@pass_app
@command
def run_log(app: App, region_name, limit, as_json):
    """Show the run log (newest first)."""
    from miner.core.runlog import recent

    rows = recent(app.db, region_name, limit)
    for r in rows:
        try:
            r["counts"] = json.loads(r["counts"]) if r["counts"] else {}
        except ValueError:
            r["counts"] = {"raw": r["counts"]}
    listing(as_json, rows, f"{len(rows)} run log row(s)",
            f"{'STARTED':19} {'REGION':20} {'STEP':10} {'STATUS':8} {'TOOK':>6}  DETAILS",
            lambda r: f"{str(r['started'])[:19]:19} {r['region']:20} {r['step']:10} {r['status']:8} "
                      f"{took(r['started'], r['finished']):>6}  {r['error'] or counts_text(r['counts'])}")


def counts_text(counts: dict) -> str:
    """A step's counts as "channels 12, messages 340": the non-zero numbers, no JSON."""
    parts = [f"{k.replace('_', ' ')} {v:g}" if isinstance(v, float) else f"{k.replace('_', ' ')} {v}"
             for k, v in counts.items() if isinstance(v, (int, float)) and not isinstance(v, bool) and v]
    return ", ".join(parts[:12]) + (" ..." if len(parts) > 12 else "")


def took(started, finished) -> str:
    from datetime import datetime

    try:
        a, b = (datetime.fromisoformat(str(x)[:19]) for x in (started, finished))
    except (TypeError, ValueError):
        return "-"
    sec = (b - a).total_seconds()
    return f"{sec:.0f}s" if sec < 120 else f"{sec / 60:.0f}m"


