"""`paxminer chart KIND`: registered through the `paxminer.commands` entry point (miner never imports charters)."""

from __future__ import annotations

import click

from charters.data import CHART_KINDS, Period, parse_month
from miner.cli.common import command, fail, region_lock, region_option, summary


def _month(_ctx, _param, value):
    if value is None:
        return None
    try:
        return parse_month(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("chart")
@click.argument("kind", type=click.Choice(list(CHART_KINDS) + ["all"]), metavar="KIND")
@region_option
@click.option("--month", callback=_month, metavar="YYYY-MM",
              help="month to chart (default: the current month so far, in the region's timezone)")
@click.option("--outbox", type=click.Path(file_okay=False), metavar="DIR",
              help="write the PNGs under DIR/<region>/ and post nothing")
@click.option("--dry-run", is_flag=True, help="print every chart it would post and to whom; draw and post nothing")
@click.option("--processes", type=click.IntRange(1, 64), help="processes drawing charts (default: one per core)")
@click.option("--workers", "workers_alias", type=click.IntRange(1, 64), hidden=True)  # the old name of --processes
@click.pass_obj
@command
def chart(app, kind, region, month, outbox, dry_run, processes, workers_alias):
    """Draw a region's charts and post them to Slack (or write them to --outbox).

    KIND is one of pax, q, ao, fng, leaderboard, ao-leaderboard, activity, heard, or all.
    pax goes by DM to each PAX who posted this year; q, ao and ao-leaderboard to each AO
    channel; q (region-wide), fng, leaderboard, activity and heard to the region channel.

    This posts what it is asked for, whatever the region's send_* flags (`paxminer daily`
    follows them). Month: without --month, the current month so far (`paxminer daily` charts
    the previous month instead); --month YYYY-MM charts that month, whole if it is over.
    Every chart is posted once per month and recipient: a rerun skips what was sent and
    retries what failed (a month so far is posted once, and the whole month once more).
    """
    from charters.routing import chart_region, expand
    from miner.core.clock import local_today

    today = local_today(region.timezone)
    try:
        period = Period.of(month or today, today)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from None
    if outbox or dry_run:
        s = chart_region(app, region, expand(kind), period, outbox=outbox, workers=processes or workers_alias,
                         dry_run=dry_run)
    else:
        with region_lock(app, region):  # it posts: never beside another run on the region
            s = chart_region(app, region, expand(kind), period, outbox=outbox, workers=processes or workers_alias,
                             dry_run=dry_run)
    for note in s["notes"]:
        click.echo(f"warning: {note}", err=True)
    if s.get("empty"):
        summary(f"{region.region} {period.label}: no beatdowns, so nothing charted or posted")
        return
    if dry_run:
        for line in s["planned"]:
            click.echo(line)
        summary(f"{region.region} {period.label}: DRY RUN, would post {len(s['planned'])} chart(s) "
                f"(those already sent this month are skipped on a real run); nothing drawn or posted")
        return
    posted = f"posted 0 (wrote {s['written']} PNGs to {s['outbox']})" if outbox else f"posted {s['posted']}"
    summary(f"{region.region} {period.label}: charted {s['charted']}, {posted}, "
            f"skipped {s['skipped']} already sent, {s['failed']} failed")
    if s["failed"]:
        first = s["errors"][0] if s["errors"] else ""
        fail(f"{s['failed']} chart(s) not delivered (a rerun retries them); first: {first}")
