"""`paxminer dashboard build|home`: registered through the `paxminer.commands` entry point (miner never
imports the dashboard)."""

from __future__ import annotations

import click

from miner.cli.common import command, fail, parse_day, region_option, summary


@click.group("dashboard")
def dashboard():
    """The admins' dashboard: a static site per region, and the Slack app's Home tab."""


@dashboard.command("build")
@click.option("--region", "regions", multiple=True, metavar="NAME",
              help="build only this region's pages (repeatable; default: every active region)")
@click.option("--out", type=click.Path(file_okay=False), metavar="DIR",
              help="folder to write the site to (default: [dashboard] folder in the config, else site/ beside the data folder)")
@click.option("--as-of", "as_of", callback=parse_day, metavar="YYYY-MM-DD",
              help="the day the site is built for (default: today)")
@click.option("--today", "today_alias", callback=parse_day, hidden=True)  # the old name of --as-of
@click.pass_obj
@command
def build(app, regions, out, as_of, today_alias):
    """Write the static dashboard: every region's numbers, AOs, PAX, tickets, problem posts and
    most-reacted messages, as HTML that works opened from disk. The pages hold members' names and
    activity: serve them only behind the region's own access control."""
    from dashboard.site import build_site, site_folder

    s = build_site(app, out or site_folder(app), list(regions) or None, today=as_of or today_alias)
    summary(f"dashboard: {s['regions']} region(s), {s['pages']} pages written to {s['out']}"
            + (f"; {s['failed']} region(s) failed" if s["failed"] else ""))
    if s["failed"]:
        fail(s["errors"][0])


@dashboard.command("home")
@region_option
@click.option("--outbox", type=click.Path(file_okay=False), metavar="DIR",
              help="write each admin's Home tab as JSON under DIR/<region>/ and publish nothing")
@click.pass_obj
@command
def home(app, region, outbox):
    """Publish the Slack app's Home tab to the region's admins (workspace admins and the region's
    {"dashboard": {"admins": [...]}} list): the month's numbers, who is slipping away, open tickets
    with buttons to close or snooze them and to DM the PAX."""
    from dashboard.home import publish_region

    s = publish_region(app, region, outbox=outbox)
    where = f"written to {s['outbox']}" if outbox else "published"
    summary(f"{region.region}: Home tab {where} for {s['published']} admin(s), {s['open_tickets']} open ticket(s)"
            + (f"; {s['failed']} failed" if s["failed"] else ""))
    if s["failed"] and not s["published"]:
        fail(s["errors"][0])
