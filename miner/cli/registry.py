"""`paxminer db ...` and `paxminer region ...`: the control schema and the region registry."""

from __future__ import annotations

import json

import click

from miner.app import App
from miner.cli.common import command, pass_app, summary
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
    ] + [click.option(f"--{f.replace('_', '-')}/--no-{f.replace('_', '-')}", f, default=None, help=FLAG_HELP[f]) for f in FLAGS]
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
    from miner.core.registry import add_region

    r = add_region(app.db, name, schema, token, **_region_values(kwargs))
    summary(f"region {r.region} ready in schema {r.schema_name}")


@region.command("list")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@pass_app
@command
def region_list(app: App, as_json):
    """List registered regions (tokens are never shown)."""
    from miner.core.registry import list_regions

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
    from miner.core.registry import update_region

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
