"""`paxminer`: the command group. Each command module registers here, explicitly; commands from other
packages (the charters) through the `paxminer.commands` entry point.

Each command parses options, calls one function, prints one line. Errors are one line on stderr and
a non-zero exit (traceback only with -v).
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

import click

from miner.app import App
from miner.cli import aliases, listen, nightly, registry, scores, steps
from miner.cli.common import fail, setup_logging
from miner.core.config import ConfigError, load_settings
from miner.core.db import DatabaseError

log = logging.getLogger("miner")


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


for cmd in (registry.db, registry.region, steps.channels, steps.users, steps.ao, steps.mine, steps.reparse,
            steps.run_log, nightly.daily, nightly.import_, scores.score, scores.outreach, aliases.alias,
            listen.listen):
    main.add_command(cmd)


def load_plugins() -> None:
    """Commands from other packages (e.g. charters) register via the `paxminer.commands` entry point."""
    for ep in entry_points(group="paxminer.commands"):
        if ep.name not in main.commands:
            try:
                main.add_command(ep.load(), ep.name)
            except (ImportError, AttributeError) as exc:
                log.warning("command %s not available: %s", ep.name, exc)


load_plugins()
