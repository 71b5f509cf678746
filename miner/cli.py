"""`paxminer`: a thin click layer. Each command parses options, calls one function, prints one line.

Errors are one line on stderr and a non-zero exit (traceback only with -v).
Commands from other packages (the charters) register through the `paxminer.commands` entry point.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from datetime import date
from importlib.metadata import entry_points

import click
from sqlalchemy.exc import SQLAlchemyError

from miner import constants
from miner.app import App
from miner.config import ConfigError, load_settings
from miner.db import DatabaseError, short_error
from miner.mine import MineError
from miner.registry import FLAGS, RegionError
from miner.runlog import logged_step
from miner.slack import RedactingFilter, SlackError

log = logging.getLogger("miner")
EXPECTED = (ConfigError, DatabaseError, RegionError, SlackError, MineError, click.UsageError)


class StepError(Exception):
    """A step failed in a way worth one clear line (bad export, missing data...)."""


def setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("slack_sdk").setLevel(logging.WARNING)
    logging.getLogger("miner.slack.sdk").setLevel(logging.WARNING)


def fail(message: str, code: int = 1):
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def command(fn):
    """Map expected errors to one clean line; unexpected ones too, unless -v."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        verbose = click.get_current_context().find_root().params.get("verbose")
        try:
            return fn(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except (click.UsageError, click.BadParameter):
            raise
        except EXPECTED + (StepError,) as exc:
            if verbose:
                log.exception("failed")
            fail(str(exc))
        except SQLAlchemyError as exc:
            if verbose:
                log.exception("failed")
            fail(f"database error: {short_error(exc)}")
        except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
            if verbose:
                raise
            fail(f"unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} (rerun with -v for details)")

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="credentials file (default: $PAXMINER_CONFIG or ./credentials.ini)")
@click.option("--db-url", help="mysql+pymysql://USER:PASSWORD@HOST:PORT/ (default: SQLite files under ./data/)")
@click.option("--slack-api-url", help="Slack Web API base URL (default: https://slack.com/api/)")
@click.option("-v", "--verbose", is_flag=True, help="log progress and show tracebacks")
@click.version_option(package_name="paxminer")
@click.pass_context
def main(ctx, config_path, db_url, slack_api_url, verbose):
    """PAXminer: mine F3 backblasts from Slack into region schemas, score, reach out, and chart."""
    setup_logging(verbose)
    try:
        settings = load_settings(config_path, db_url=db_url, slack_api_url=slack_api_url)
        ctx.obj = App(settings)
    except (ConfigError, DatabaseError) as exc:
        fail(str(exc))


pass_app = click.pass_obj


def region_option(fn):
    return click.option("--region", "region_name", required=True, help="region name (see `paxminer region list`)")(fn)


def summary(text: str) -> None:
    click.echo(text)


# -- db and registry ---------------------------------------------------------------------------
@main.group()
def db():
    """The control schema."""


@db.command("init")
@pass_app
@command
def db_init(app: App):
    """Create the control schema `paxminer` (regions, run log) if missing; safe to rerun."""
    from miner.registry import init_control

    init_control(app.db)
    summary(f"control schema ready ({app.db.describe()})")


@main.group()
def region():
    """Register and manage regions."""


def region_settings(fn):
    opts = [
        click.option("--firstf-channel", help="channel ID of the region (1st F) channel"),
        click.option("--timezone", help="IANA timezone (default America/Chicago)"),
        click.option("--date-order", type=click.Choice(["MDY", "DMY"]), help="how numeric dates are read"),
        click.option("--lookback-days", type=click.IntRange(0, 365), help="days re-read behind each watermark"),
        click.option("--feedback-days", type=click.IntRange(0, 60), help="only posts this recent get feedback DMs"),
        click.option("--contact", help="admin contact"),
        click.option("--log-channel", help="channel ID for run reports"),
        click.option("--admin-channel", help="channel ID for outreach tickets"),
        click.option("--settings", "settings_json", help="JSON object of per-region settings"),
    ] + [click.option(f"--{f.replace('_', '-')}/--no-{f.replace('_', '-')}", f, default=None) for f in FLAGS]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _region_values(kwargs: dict) -> dict:
    values = dict(kwargs)
    values["settings"] = values.pop("settings_json", None)
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in values.items() if v is not None}


@region.command("add")
@click.argument("name")
@click.option("--schema", required=True, help="schema (database) name for this region")
@click.option("--token", envvar="PAXMINER_REGION_TOKEN", required=True, help="Slack bot token (or $PAXMINER_REGION_TOKEN)")
@region_settings
@pass_app
@command
def region_add(app: App, name, schema, token, **kwargs):
    """Register a region and create its schema (tables and views); safe to rerun."""
    from miner.registry import add_region

    r = add_region(app.db, name, schema, token, **_region_values(kwargs))
    summary(f"region {r.region} ready in schema {r.schema_name}")


@region.command("list")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@pass_app
@command
def region_list(app: App, as_json):
    """List registered regions (tokens are never shown)."""
    from miner.registry import list_regions

    regions = list_regions(app.db)
    if as_json:
        click.echo(json.dumps([r.public() for r in regions], indent=2, default=str))
        return
    for r in regions:
        flags = ",".join(f for f in FLAGS[1:] if getattr(r, f))
        click.echo(f"{r.region:24} {r.schema_name:24} {'active' if r.active else 'inactive':8} {r.timezone:20} {flags}")
    summary(f"{len(regions)} region(s)")


@region.command("update")
@click.argument("name")
@click.option("--schema", "schema_name", help="new schema name (created if missing)")
@click.option("--token", "slack_token", help="new Slack token")
@region_settings
@pass_app
@command
def region_update(app: App, name, **kwargs):
    """Change a region's settings."""
    from miner.registry import update_region

    values = _region_values(kwargs)
    r = update_region(app.db, name, **values)
    summary(f"region {r.region} updated: {', '.join(sorted(values)) or 'nothing to change'}")


@region.command("remove")
@click.argument("name")
@click.option("--drop-schema", is_flag=True, help="also drop the region's schema and all its data")
@pass_app
@command
def region_remove(app: App, name, drop_schema):
    """Remove a region from the registry (its data stays unless --drop-schema)."""
    from miner.registry import remove_region

    r = remove_region(app.db, name, drop_schema)
    summary(f"region {r.region} removed{' and schema ' + r.schema_name + ' dropped' if drop_schema else ''}")


# -- listers and the miner ---------------------------------------------------------------------
@main.command()
@region_option
@pass_app
@command
def channels(app: App, region_name):
    """channel-lister: Slack channels -> aos (joins backblast channels it is not in)."""
    from miner.channels import list_channels

    with logged_step(app.db, region_name, "channels") as counts:
        s = list_channels(app, region_name)
        counts.update(s)
    summary(f"{region_name}: {s['channels']} channels ({s['backblast']} backblast, {s['archived']} archived, {s['joined']} joined)")


@main.command()
@region_option
@pass_app
@command
def users(app: App, region_name):
    """user-lister: Slack users -> users."""
    from miner.users import list_users

    with logged_step(app.db, region_name, "users") as counts:
        s = list_users(app, region_name)
        counts.update(s)
    summary(f"{region_name}: {s['users']} users ({s['new']} new, {s['changed']} changed, {s['apps']} apps, {s['deactivated']} deactivated)")


@main.group()
def ao():
    """Which channels hold backblasts, and other per-channel settings."""


@ao.command("list")
@region_option
@pass_app
@command
def ao_list(app: App, region_name):
    """List channels with their backblast flag."""
    from miner.channels import channel_rows

    rows = channel_rows(app, region_name)
    for r in rows:
        mark = "backblast" if r["backblast"] else "-"
        click.echo(f"{r['channel_id']:12} {r['ao']:32} {mark:10} {'archived' if r['archived'] else ''} {r['kind'] or ''}")
    summary(f"{len(rows)} channel(s), {sum(1 for r in rows if r['backblast'])} holding backblasts")


@ao.command("set")
@region_option
@click.argument("channels", nargs=-1, required=True)
@click.option("--backblast/--no-backblast", default=None, help="does this channel hold backblasts")
@click.option("--kind", type=click.Choice(["ao", "help", "region", "other"]), help="channel kind (for activity scores)")
@click.option("--site-q", help="user ID of the AO's site Q")
@pass_app
@command
def ao_set(app: App, region_name, channels, backblast, kind, site_q):
    """Set channels (IDs or names) as backblast channels or not; an admin's choice sticks."""
    from miner.channels import set_channels

    n = set_channels(app, region_name, list(channels), backblast=backblast, kind=kind, site_q=site_q)
    summary(f"{region_name}: {n} channel(s) updated")


def parse_day(_ctx, _param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@main.command()
@region_option
@click.option("--since", callback=parse_day, help="re-read and reconcile from this date (YYYY-MM-DD), whatever the watermark")
@click.option("--lookback-days", type=click.IntRange(0, 3650), help="days re-read behind each channel's watermark (default 7)")
@click.option("--processes", type=click.IntRange(1, 32), default=constants.MINE_PROCESSES, show_default=True,
              help="channels mined at once, each in its own process")
@pass_app
@command
def mine(app: App, region_name, since, lookback_days, processes):
    """message-miner: Slack history -> raw archive -> beatdowns, bd_attendance."""
    from miner.mine import mine_region

    with logged_step(app.db, region_name, "mine") as counts:
        s = mine_region(app, region_name, since=since, lookback_days=lookback_days, processes=processes)
        counts.update(s)
    summary(
        f"{region_name}: {s['channels']} channels, {s['messages']} messages read ({s['new']} new, {s['changed']} changed, "
        f"{s['deleted']} deleted, {s['replies']} replies), {s['backblasts']} backblasts, {s['problems']} problems, {s['api_calls']} API calls"
    )


@main.command()
@region_option
@pass_app
@command
def reparse(app: App, region_name):
    """Rebuild beatdowns and bd_attendance from the raw archive (no Slack calls)."""
    from miner.beatdowns import reparse_region

    with logged_step(app.db, region_name, "reparse") as counts:
        s = reparse_region(app, region_name)
        counts.update(s)
    summary(f"{region_name}: {s['messages']} messages reparsed, {s['backblasts']} backblasts, {s['duplicates']} duplicates, {s['problems']} problems")


@main.command("log")
@click.option("--region", "region_name", help="only this region")
@click.option("--limit", default=30, show_default=True)
@pass_app
@command
def run_log(app: App, region_name, limit):
    """Show the run log (newest first)."""
    from miner.runlog import recent

    rows = recent(app.db, region_name, limit)
    for r in rows:
        click.echo(f"{r['started']} {r['region']:20} {r['step']:10} {r['status']:8} {r['counts'] or ''} {r['error'] or ''}")
    summary(f"{len(rows)} run log row(s)")


def load_plugins() -> None:
    """Commands from other packages (e.g. charters) register via the `paxminer.commands` entry point."""
    for ep in entry_points(group="paxminer.commands"):
        if ep.name not in main.commands:
            try:
                main.add_command(ep.load(), ep.name)
            except (ImportError, AttributeError) as exc:
                log.warning("command %s not available: %s", ep.name, exc)


load_plugins()
# commands kept in their own modules register themselves on `main` when imported
from miner import cli_daily, cli_scores  # noqa: E402,F401,I001
