"""`paxminer`: the command group. Each command module registers here, explicitly; commands from other
packages (the charters) through the `paxminer.commands` entry point.

Each command parses options, calls one function, prints one line. Errors are one line on stderr and
a non-zero exit (traceback only with -v).
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

import click

from miner import __version__
from miner.app import App
from miner.cli import aliases, listen, nightly, registry, scores, settings, steps
from miner.cli.common import fail, setup_logging
from miner.core.config import ConfigError, load_settings
from miner.core.db import DatabaseError

log = logging.getLogger("miner")


ENVIRONMENT = """\b
Environment variables:
  PAXMINER_CONFIG         the config file (instead of --config)
  PAXMINER_DB_URL         the database URL (instead of --db-url)
  SLACK_API_URL           the Slack Web API base URL (instead of --slack-api-url)
  PAXMINER_<KEY>          any [paxminer] key of the config file (PAXMINER_DATA_DIR, PAXMINER_WORKERS, ...)
  PAXMINER_REGION_TOKEN   the token for `region add` / `region update` (instead of --token)
See `paxminer config show` for the effective settings and where each comes from."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=ENVIRONMENT)
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="config file (default: $PAXMINER_CONFIG, else ./credentials.ini if present)")
@click.option("--db-url", help="mysql://USER:PASSWORD@HOST:PORT/ or sqlite:///FOLDER (default: $PAXMINER_DB_URL, "
                               "else the config, else SQLite files in data/ beside the config file, or in "
                               "./data/ without one)")
@click.option("--slack-api-url", help="Slack Web API base URL (default: $SLACK_API_URL, else https://slack.com/api/)")
@click.option("-v", "--verbose", is_flag=True, help="log progress and show tracebacks")
@click.version_option(__version__, "--version", "-V", prog_name="paxminer", message="%(prog)s %(version)s",
                      help="print the version and exit")
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
            listen.listen, settings.config):
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
