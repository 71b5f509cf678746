"""The dashboard's part of `paxminer daily`, reached through entry points (miner never imports it):

  paxminer.steps:home              per region, after the charts: publish the Home tab to its admins
  paxminer.after_daily:dashboard   once, after every region: rebuild the static site

Settings ([dashboard] in the config): folder (default ./site), build = 0 to not rebuild the site
nightly, home = 0 to not publish Home tabs. With `daily --outbox DIR` nothing is published: the
Home tabs are written as JSON under DIR/<region>/.
"""

from __future__ import annotations

from datetime import date

from dashboard.home import publish_region
from dashboard.site import build_site, site_folder
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


def after_daily(app: App, summary: dict, outbox: str | None = None) -> dict:
    """Rebuild the site for every active region once the night's regions are done."""
    if str(app.settings.section("dashboard").get("build", "1")).strip().lower() in OFF:
        return {"note": "build = 0 in [dashboard]"}
    return build_site(app, site_folder(app))
