"""MySQL connections of a night (issue 18): hundreds of regions, a server allowing 151 connections.

Every schema's engine draws from one bounded pool per process (miner/core/db.py), `daily` shares the
setting db_connections out between its processes, and no thread ever holds two connections at once
(with a bounded pool, threads each holding one and waiting for a second would wait for each other)
or one while it waits on Slack. Counted from outside: the sockets the `daily` process tree holds
open to the server, read from /proc.
"""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

from sqlalchemy import event
from sqlalchemy.pool import Pool

from tests.conftest import MARIADB_ONLY
from tests.fakeslack import FakeSlack, generate_region
from tests.helpers import run_cli
from tests.procs import db_sockets, tree_pids
from tests.test_mine_processes import paxminer

PACED = ("conversations.history", "conversations.replies")


def regions(app, fs: FakeSlack, n: int) -> list:
    app.settings.slack_api_url = fs.base_url
    spaces = []
    for i in range(n):
        name, token = f"c{i}", f"xoxb-conn-{i}"
        ws = fs.add_workspace(token, team=f"T{i}", name=name)
        generate_region(ws, seed=i + 1, users=10, aos=2 + i % 3, weeks=2, start=date.today() - timedelta(weeks=2))
        assert run_cli(app, "region", "add", name, "--schema", f"{name}_{app.db.control_schema[-8:]}",
                       "--token", token).exit_code == 0
        spaces.append(ws)
    return spaces


@MARIADB_ONLY
def test_no_thread_holds_two_connections_or_one_while_it_waits_on_slack(app, monkeypatch, tmp_path):
    from miner.nightly.run import run_daily
    from miner.slack.client import Slack

    held = threading.local()
    nested, waiting = [], []

    def checkout(_dbapi, _record, _proxy):
        held.n = getattr(held, "n", 0) + 1
        if held.n > 1:
            nested.append(threading.current_thread().name)

    def checkin(_dbapi, _record):
        held.n = max(0, getattr(held, "n", 1) - 1)

    response = Slack.response

    def call(self, method, *args, **kw):
        if method in PACED and getattr(held, "n", 0):
            waiting.append(method)
        return response(self, method, *args, **kw)

    monkeypatch.setattr(Slack, "response", call)
    event.listen(Pool, "checkout", checkout)
    event.listen(Pool, "checkin", checkin)
    try:
        with FakeSlack() as fs:
            regions(app, fs, 3)
            # every step, the plugins' too (charts, Home tab, site: written to an outbox)
            first = run_daily(app, report=True, workers=1, outbox=str(tmp_path / "outbox"))
            assert first["ok"] == 3, first
            assert all("not_run" not in r["steps"][step] for r in first["results"] for step in ("charts", "home")), \
                first["results"][0]["steps"]
            assert run_cli(app, "mine", "--region", "c0", "--processes", "1").exit_code == 0
    finally:
        event.remove(Pool, "checkout", checkout)
        event.remove(Pool, "checkin", checkin)
    assert nested == [] and waiting == []


@MARIADB_ONLY
def test_a_daily_run_holds_at_most_db_connections(app):
    """12 regions, default workers (2 region processes): with db_connections 6 the whole process tree
    never holds more than 6 connections to the server, and every region is done."""
    with FakeSlack() as fs:
        regions(app, fs, 12)
        port = app.db._url.port or 3306
        proc = paxminer(app, "daily", "--skip-charts", "--no-report", env={"PAXMINER_DB_CONNECTIONS": "6"}, wait=False)
        most = 0
        while proc.poll() is None:
            most = max(most, db_sockets(tree_pids(proc.pid), port))
            time.sleep(0.01)
        out = proc.communicate()[0]
        assert proc.returncode == 0, out
        assert "12 region(s): 12 ok" in out
        assert 2 <= most <= 6, most
