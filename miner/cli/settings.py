"""`paxminer config show`: the effective settings and where each came from."""

from __future__ import annotations

import json

import click

from miner.app import App
from miner.cli.common import command, pass_app, summary


@click.group()
def config():
    """The configuration PAXminer runs with."""


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="print JSON (a list of section, key, value, source)")
@pass_app
@command
def config_show(app: App, as_json):
    """Print every setting's effective value and where it came from (file:line, environment, option or
    default); passwords and tokens are masked."""
    from miner.core.config import effective

    rows = effective(app.settings)
    where = app.settings.config_file or "none (no --config, $PAXMINER_CONFIG or ./credentials.ini)"
    if as_json:
        click.echo(json.dumps([dict(zip(("section", "key", "value", "source"), r, strict=True)) for r in rows], indent=2))
        click.echo(f"config file: {where}", err=True)
        return
    click.echo(f"config file: {where}")
    click.echo(f"database:    {app.db.describe()}")
    click.echo(f"{'setting':40} {'value':40} source")
    for section, key, value, source in rows:
        click.echo(f"{section + '.' + key:40} {value:40} {source}")
    summary(f"{len(rows)} setting(s)")
