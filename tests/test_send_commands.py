"""Every sender goes through miner.slack.send, and every command that can send holds the region lock.

Feedback DMs end to end: `paxminer mine` killed (SIGKILL) at each point of a send, a `paxminer
daily` whose database fails while a DM's result is recorded, an answer stalled past the timeout,
two commands at once: each poster gets exactly one DM.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from miner.core import constants
from miner.core.locks import LockManager
from miner.slack import send
from tests.helpers import feedback_region, rows
from tests.helpers import run_cli as run
from tests.test_feedback import AO, DAY, TOKEN, ts_ago
from tests.test_send import MESSAGE_POINTS, transient

ROOT = Path(__file__).resolve().parent.parent
PROBLEM = "*Backblast!*\nDATE: " + DAY + "\nPAX: <@U2> <@U3>\nCOUNT: 3"  # no Q: its poster gets a DM


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(send, "SETTLE_WAITS", (0.05, 0.1))
    monkeypatch.setattr(send, "RECORD_WAITS", (0.05,))
    monkeypatch.setattr(send, "fault_hook", None)


@pytest.fixture
def world(app, fake_slack):
    """test_feedback's region (`fb`), listed, with two problem posts by two posters."""
    ws = feedback_region(app, fake_slack, TOKEN, AO)
    for step in ("channels", "users"):
        assert run(app, step, "--region", "fb").exit_code == 0
    ws.post(AO, text=PROBLEM, user="U1", ts=ts_ago(5, 1))
    ws.post(AO, text=PROBLEM.replace("<@U2> ", ""), user="U2", ts=ts_ago(4, 2))
    return ws


def dms(ws) -> dict:
    out: dict = {}
    for p in ws.posted:
        if p["channel"].startswith("D"):
            out[p["channel"]] = out.get(p["channel"], 0) + 1
    return out


def once_each(ws) -> bool:
    return dms(ws) == {ws.dms["U1"]: 1, ws.dms["U2"]: 1}


def mine_killed_at(app, point) -> subprocess.CompletedProcess:
    s = app.settings
    env = {**os.environ, "PAXMINER_FAULT": point, "PAXMINER_DATA_DIR": s.data_dir,
           "PAXMINER_CONTROL_SCHEMA": s.control_schema, "SLACK_API_URL": s.slack_api_url,
           "PAXMINER_RATE_WINDOW_S": str(s.rate_window_s)}  # the suite's scaled-down minute, shared by both
    env.pop("PAXMINER_CONFIG", None)
    argv = [sys.executable, "-m", "miner"] + (["--db-url", s.db_url] if s.db_url else []) + ["mine", "--region", "fb"]
    return subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("point", MESSAGE_POINTS)
def test_mine_killed_at_each_point_of_a_feedback_dm(app, world, point):
    proc = mine_killed_at(app, point)
    assert proc.returncode == -9, proc.stderr
    assert sum(dms(world).values()) == (0 if point == "intent" else 1)
    res = run(app, "mine", "--region", "fb")  # the next run: the lock of the killed one is taken over at once
    assert res.exit_code == 0, res.output
    assert once_each(world)
    run(app, "mine", "--region", "fb")
    assert once_each(world)
    assert rows(app, world.schema, "SELECT status, COUNT(*) FROM feedback GROUP BY status") == [("sent", "2")]


def test_daily_with_the_database_lost_while_recording_a_dm(app, world, monkeypatch):
    from miner.nightly.run import run_daily

    failures = {"n": 0}

    def away(point, _key):
        if point == "record" and failures["n"] < 3:  # past the deliverer's own retries: the mine step fails
            failures["n"] += 1
            raise transient()

    monkeypatch.setattr(send, "fault_hook", away)
    s = run_daily(app, workers=1, skip_charts=True, report=False)
    assert s["ok"] == 1, s["results"]
    assert once_each(world)  # the step was retried; the DM sent before the failure was found, not resent
    assert rows(app, app.db.control_schema, "SELECT status FROM run_log WHERE step = 'mine' ORDER BY id") == [
        ("failed",), ("ok",)]
    assert rows(app, world.schema, "SELECT status, COUNT(*) FROM deliveries GROUP BY status") == [("sent", "2")]


def test_a_stalled_answer_is_looked_up_not_sent_twice(app, world, fake_slack, monkeypatch):
    monkeypatch.setattr(constants, "REQUEST_TIMEOUT", 1)
    fake_slack.timeouts("chat.postMessage", times=2, delay=2.5)
    assert run(app, "mine", "--region", "fb").exit_code == 0
    assert once_each(world)
    assert fake_slack.calls["chat.postMessage"] == 2


def test_commands_that_send_hold_the_region_lock(app, world):
    with LockManager(app.db, "otherrun", host="elsewhere") as other:
        assert other.acquire("fb").ok
        for argv in (["mine", "--region", "fb"], ["outreach", "run", "--region", "fb"],
                     ["chart", "leaderboard", "--region", "fb"]):
            res = run(app, *argv)
            assert res.exit_code == 1 and "region fb is busy: running on host elsewhere" in res.output, (argv, res.output)
        assert run(app, "outreach", "run", "--region", "fb", "--dry-run").exit_code == 0  # sends nothing: no lock
    assert dms(world) == {}
    assert run(app, "mine", "--region", "fb").exit_code == 0 and once_each(world)
    assert rows(app, app.db.control_schema, "SELECT COUNT(*) FROM region_locks") == [("0",)]
