"""`paxminer listen`: the real-time listener (Socket Mode), one process for every region."""

from __future__ import annotations

import signal

import click

from miner.app import App
from miner.cli.common import command, pass_app, summary


@click.command()
@click.option("--region", "regions", multiple=True, metavar="NAME",
              help="listen only for these regions (repeatable; default: every active region)")
@pass_app
@command
def listen(app: App, regions):
    """Real time: Slack events (Socket Mode, app token from app_token / $SLACK_APP_TOKEN) -> archive,
    beatdowns and feedback DMs, for every region, until SIGTERM or Ctrl-C."""
    from miner.listen.run import Listener

    listener = Listener(app, app.settings.app_token, list(regions))

    def stop(_signum, _frame):
        listener.stop()

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        click.echo(f"listening (spool {listener.spool.path})", err=True)
        c = listener.run()
    finally:
        for s, h in old.items():
            signal.signal(s, h)
    summary(f"listen: {c['envelopes']} envelopes, {c['applied']} events applied ({c['skipped']} repeated, "
            f"{c['unknown_team']} of unknown teams, {c['failed']} failed), {c['new']} new messages, "
            f"{c['backblasts']} backblasts, {c['left_in_spool']} left in the spool")
