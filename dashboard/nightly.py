"""The dashboard's part of `paxminer daily`, reached through entry points (miner never imports it):

  paxminer.steps:home              per region, after the charts: publish the Home tab to its admins
  paxminer.steps:site              per region, last: its pages of the static site, into the run's
                                   parts folder (built while other regions still wait on Slack)
  paxminer.after_daily:dashboard   once, after every region: the site from those parts (a region
                                   without one is built then) and the nationwide page, swapped in

Settings ([dashboard] in the config): folder (default ./site), build = 0 to not rebuild the site
nightly, home = 0 to not publish Home tabs. With `daily --outbox DIR` nothing is published: the
Home tabs are written as JSON under DIR/<region>/.
"""

from __future__ import annotations

from datetime import date

from dashboard.home import publish_region
from dashboard.site import build_region_part, build_site, parts_folder, site_folder
from miner.app import App
from miner.core.db import is_transient
from miner.core.errors import one_line
from miner.core.registry import Region

OFF = {"0", "false", "no", "off"}


def run_home(app: App, region: Region, today: date, outbox: str | None = None) -> dict:
    """The nightly Home tab step: counts for the run log; a Slack refusal is a warning, not a failure."""
    if str(app.settings.section("dashboard").get("home", "1")).strip().lower() in OFF:
        return {"note": "home = 0 in [dashboard]"}
    try:
        counts = publish_region(app, region, today=today, outbox=outbox)
    except Exception as exc:  # noqa: BLE001 - the Home tab never costs a region its night
        if is_transient(exc):
            raise  # the database went away: the run waits and retries the step
        return {"warnings": [f"Home tab not published: {one_line(exc)}"]}
    if counts["failed"]:
        counts["warnings"] = [f"Home tab not published for {counts['failed']} admin(s): {counts['errors'][0]}"]
    return counts


def building(app: App) -> bool:
    return str(app.settings.section("dashboard").get("build", "1")).strip().lower() not in OFF


def run_site(app: App, region: Region, today: date, outbox: str | None = None, run_id: str = "") -> dict:
    """The nightly site step: the region's pages, for after_daily to take. A failure is a warning:
    the build after the run builds the region itself."""
    if not building(app):
        return {"note": "build = 0 in [dashboard]"}
    try:
        return build_region_part(app, region, site_folder(app), run_id, today=today)
    except Exception as exc:  # noqa: BLE001 - the site never costs a region its night
        if is_transient(exc):
            raise  # the database went away: the run waits and retries the step
        return {"warnings": [f"site pages not built now (the build after the run tries again): {one_line(exc)}"]}


def after_daily(app: App, summary: dict, outbox: str | None = None) -> dict:
    """Rebuild the site for every active region once the night's regions are done: the regions'
    pages their `site` steps built, the others built now."""
    if not building(app):
        return {"note": "build = 0 in [dashboard]"}
    out = site_folder(app)
    run_id = summary.get("run_id")
    return build_site(app, out, parts=parts_folder(out, run_id) if run_id else None)
