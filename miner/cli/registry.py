"""`paxminer db ...` and `paxminer region ...`: the control schema and the region registry."""

from __future__ import annotations

import json
import re

import click

from miner.app import App
from miner.cli.common import StepError, command, listing, pass_app, summary
from miner.core.registry import FLAGS

FLAG_HELP = {
    "active": "run this region in `paxminer daily`",
    "scrape_backblasts": "mine its backblasts",
    "send_pax_charts": "DM each PAX their monthly chart",
    "send_q_charts": "post the Q charts to AO and region channels",
    "send_ao_leaderboard": "post the AO charts and leaderboards to AO channels",
    "send_region_leaderboard": "post the region's leaderboard, FNG, activity and heard charts",
}


@click.group()
def db():
    """The control schema."""


@db.command("init")
@pass_app
@command
def db_init(app: App):
    """Create the control schema `paxminer` (regions, run log) if missing; safe to rerun."""
    from miner.core.registry import init_control

    init_control(app.db)
    summary(f"control schema ready ({app.db.describe()})")


@click.group()
def region():
    """Register and manage regions."""


CHANNEL_OPTIONS = ("firstf_channel", "log_channel", "admin_channel")


def region_settings(fn):
    opts = [
        click.option("--firstf-channel", metavar="CHANNEL",
                     help="the region (1st F) channel: name, #name or ID, checked against Slack"),
        click.option("--timezone", help="IANA timezone (default America/Chicago)"),
        click.option("--date-order", type=click.Choice(["MDY", "DMY"]), help="how numeric dates are read"),
        click.option("--lookback-days", type=click.IntRange(0, 365), help="days re-read behind each watermark"),
        click.option("--feedback-days", type=click.IntRange(0, 60), help="only posts this recent get feedback DMs"),
        click.option("--contact", help="admin contact"),
        click.option("--log-channel", metavar="CHANNEL", help="channel for run reports: name, #name or ID"),
        click.option("--admin-channel", metavar="CHANNEL", help="channel for outreach tickets: name, #name or ID"),
        click.option("--settings", "settings_json", metavar="JSON",
                     help='per-region settings, merged into the current ones and checked, e.g. '
                          '\'{"scoring": {"post": 12}}\' (null resets a key)'),
        click.option("--check/--no-check", default=True, show_default=True,
                     help="check the token (auth.test) and channels against Slack; --no-check works offline "
                          "(channels must then be IDs or listed names)"),
    ] + [click.option(f"--{f.replace('_', '-')}/--no-{f.replace('_', '-')}", f, default=None, help=FLAG_HELP[f]) for f in FLAGS]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _region_values(kwargs: dict) -> dict:
    values = dict(kwargs)
    values["settings"] = values.pop("settings_json", None)
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in values.items() if v is not None}


CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")


def _slack(app: App, token: str):
    from miner.slack.client import Slack

    return Slack(token, app.settings.slack_api_url, retries=1, budget=20)


def check_token(app: App, token: str) -> set[str] | None:
    """auth.test with the token: a refused token is a one-line error; returns the token's scopes."""
    from miner.slack.client import SlackError

    try:
        info, scopes = _slack(app, token).token_info()
    except SlackError as exc:
        if exc.code in ("connection", "not_json") or exc.code.startswith("http_"):
            raise StepError(f"cannot check the token: {exc} (--no-check registers it without checking)") from None
        raise StepError(f"Slack refused the token ({exc}); give the app's Bot User OAuth Token (xoxb-...), "
                        f"or --no-check to register it without checking") from None
    click.echo(f"token ok: workspace {info.get('team', '?')}, bot user {info.get('user', '?')} ({info.get('user_id', '?')})")
    return scopes


def warn_missing_scopes(scopes: set[str] | None) -> list[str]:
    from miner.slack.scopes import REQUIRED, WHY

    if scopes is None:
        click.echo("warning: Slack did not say which scopes the token has", err=True)
        return []
    missing = [s for s in REQUIRED if s not in scopes]
    for s in missing:
        click.echo(f"warning: the app lacks the scope {s} (needed by {WHY[s]}); add it and reinstall the app "
                   f"(see miner/slack/manifest.yml)", err=True)
    return missing


def resolve_channels(app: App, values: dict, token: str | None, schema: str | None, check: bool) -> None:
    """--firstf-channel/--log-channel/--admin-channel by name or ID -> IDs that exist: the region's
    `aos` first, then Slack's directory (unless --no-check, when an unlisted one must look like an ID)."""
    from miner.listers.channels import ChannelError, resolve_channel

    wanted = {k: values[k] for k in CHANNEL_OPTIONS if values.get(k)}
    if not wanted:
        return
    rows: list[dict] = []
    if schema and app.db.schema_exists(schema):
        from sqlalchemy import text

        with app.db.engine(schema).connect() as conn:
            rows = [dict(r) for r in conn.execute(text("SELECT channel_id, ao, archived FROM aos")).mappings()]
    slack = _slack(app, token) if check and token else None
    for key, value in wanted.items():
        option = "--" + key.replace("_", "-")
        try:
            values[key] = resolve_channel(value, rows, slack, where="in the region's channels")
        except ChannelError as exc:
            if slack is None and CHANNEL_ID.match(value):
                values[key] = value  # offline: taken as typed
                continue
            raise click.BadParameter(str(exc), param_hint=option) from None
        if values[key] != value:
            click.echo(f"{option} {value} -> {values[key]}")


@region.command("add")
@click.argument("name")
@click.option("--schema", required=True, help="schema (database) name for this region")
@click.option("--token", envvar="PAXMINER_REGION_TOKEN", required=True, help="Slack bot token (or $PAXMINER_REGION_TOKEN)")
@region_settings
@pass_app
@command
def region_add(app: App, name, schema, token, check, **kwargs):
    """Register a region and create its schema (tables and views); safe to rerun.

    The token is checked with Slack (auth.test) and the channels are looked up by name or ID
    (--no-check skips both).
    """
    from miner.core.registry import add_region, validate

    values = _region_values(kwargs)
    validate({"region": name, "schema_name": schema, **values}, app.db)
    if check:
        warn_missing_scopes(check_token(app, token))
    resolve_channels(app, values, token, schema, check)
    r = add_region(app.db, name, schema, token, **values)
    summary(f"region {r.region} ready in schema {r.schema_name}")


@region.command("list")
@click.option("--json", "as_json", is_flag=True, help="print JSON (the summary goes to stderr)")
@pass_app
@command
def region_list(app: App, as_json):
    """List registered regions (tokens are never shown)."""
    from miner.core.registry import list_regions

    regions = list_regions(app.db)
    line = f"{len(regions)} region(s) in {app.db.describe()}"
    if not regions:
        warn_no_regions(app)

    def row(r) -> str:
        flags = ",".join(f for f in FLAGS[1:] if getattr(r, f))
        return f"{r.region:24} {r.schema_name:24} {'active' if r.active else 'inactive':8} {r.timezone:20} {flags}"

    listing(as_json, regions, line, f"{'REGION':24} {'SCHEMA':24} {'STATE':8} {'TIMEZONE':20} FLAGS", row,
            data=[r.public() for r in regions])


def warn_no_regions(app: App) -> None:
    """The loud warning when the registry is empty or missing (a wrong folder, URL or config)."""
    where = app.settings.config_file or "no config file"
    click.echo(f"warning: NO REGIONS REGISTERED in {app.db.describe()} (config: {where}); check --config, "
               f"--db-url or data_dir (`paxminer config show`), or register one with `paxminer region add`", err=True)


@region.command("update")
@click.argument("name")
@click.option("--schema", "schema_name", help="new schema name (created if missing)")
@click.option("--token", "slack_token", envvar="PAXMINER_REGION_TOKEN",
              help="new Slack bot token (or $PAXMINER_REGION_TOKEN), checked with auth.test")
@region_settings
@pass_app
@command
def region_update(app: App, name, check, **kwargs):
    """Change a region's settings (--settings is merged into the current ones and the result shown)."""
    from miner.core.registry import check_settings, get_region, merge_settings, parse_settings, update_region

    values = _region_values(kwargs)
    current = get_region(app.db, name)
    if check and values.get("slack_token"):
        warn_missing_scopes(check_token(app, values["slack_token"]))
    resolve_channels(app, values, values.get("slack_token") or current.slack_token, current.schema_name, check)
    if "settings" in values:  # merged into the current settings, never replacing them
        check_settings(parse_settings(values["settings"]))
        values["settings"] = json.dumps(merge_settings(current.options, parse_settings(values["settings"])), sort_keys=True)
    r = update_region(app.db, name, **values)
    if "settings" in values:
        click.echo(f"settings of {r.region} now: {json.dumps(r.options, sort_keys=True)}")
    summary(f"region {r.region} updated: {', '.join(sorted(values)) or 'nothing to change'}")


@region.command("check")
@click.argument("name")
@pass_app
@command
def region_check(app: App, name):
    """Check a region's Slack token (auth.test) and list the scopes its app lacks; exit 1 on a problem."""
    from miner.core.registry import get_region

    r = get_region(app.db, name)
    missing = warn_missing_scopes(check_token(app, r.slack_token))
    if missing:
        raise StepError(f"{r.region}: the Slack app lacks {len(missing)} scope(s): {', '.join(missing)}")
    summary(f"{r.region}: token ok, every scope PAXminer needs is granted")


@region.command("remove")
@click.argument("name")
@click.option("--drop-schema", is_flag=True, help="also drop the region's schema and all its data")
@pass_app
@command
def region_remove(app: App, name, drop_schema):
    """Remove a region from the registry (its data stays unless --drop-schema)."""
    from miner.core.registry import remove_region

    r = remove_region(app.db, name, drop_schema)
    summary(f"region {r.region} removed{' and schema ' + r.schema_name + ' dropped' if drop_schema else ''}")




def _upgrade(app: App, names, dry_run: bool, what: str) -> None:
    from miner.core.upgrade import upgrade_all

    reports = upgrade_all(app.db, list(names), dry_run)
    for rep in reports:
        click.echo(rep.line(dry_run))
    failed = [r for r in reports if r.error]
    changed = [r for r in reports if r.changes]
    verb = "would change" if dry_run else "changed"
    summary(f"{what}: {len(reports)} schema(s), {len(changed)} {verb}, {len(failed)} failed or skipped")
    if failed:
        raise SystemExit(1)


@db.command("upgrade")
@click.option("--region", "regions", multiple=True, help="only this region's schema (repeatable; default: all)")
@click.option("--dry-run", is_flag=True, help="list what would change, change nothing")
@pass_app
@command
def db_upgrade(app: App, regions, dry_run):
    """Apply pending schema migrations to the control schema and every region schema; safe to rerun."""
    _upgrade(app, regions, dry_run, "upgrade")


@db.command("adopt")
@click.option("--dry-run", is_flag=True, help="list what would change, change nothing")
@pass_app
@command
def db_adopt(app: App, dry_run):
    """Take over a server laid out by the retired PAXminer: add our columns and tables, keep every row."""
    _upgrade(app, (), dry_run, "adopt")
