"""A region waiting for its workspace's next slot is parked, not a sleeping thread.

`daily` turns regions with a few worker threads (miner.nightly.run.Scheduler): a region whose mine
would wait a long time for Slack's pace (pace.Parked) keeps its place (a MineCursor, the channel's
pass in channel_state) and gives its thread, engine and connections back; a worker turns it again
when its slot comes. Shown here: a mine turned that way stores exactly what an unlimited one does
(history pages, and threads read after a channel's history); a night of many regions waits on all
of them with two worker threads and no open region file; Ctrl-C ends the parked regions promptly,
their run_log rows closed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time

import pytest

from miner.slack.pace import Parked
from tests.fakeslack import FakeSlack
from tests.helpers import cli_env, interrupt_when, rows, run_cli
from tests.test_rate_limits import ROOT, contents, limited_region, open_files

HISTORY, REPLIES = "conversations.history", "conversations.replies"


def test_a_mine_parked_between_its_slots_stores_what_an_unlimited_one_does(app):
    from miner.archive.mine import MineCursor, mine_region

    window = 0.3
    with FakeSlack() as free, FakeSlack() as limited:
        app.settings.slack_api_url = free.base_url
        _, ref = limited_region(app, free, "free", "xoxb-free", weeks=3)
        assert run_cli(app, "mine", "--region", "free").exit_code == 0
        limited.limit_mode(window=window)
        app.settings.slack_api_url = limited.base_url
        app.settings.rate_window_s = window
        ws, schema = limited_region(app, limited, "parked", "xoxb-parked", weeks=3)
        region = app.region("parked")
        cursor, turns, threads_while_parked = MineCursor(), 0, []
        before = set(threading.enumerate())
        while True:
            turns += 1
            try:
                total = mine_region(app, region, feedback=False, cursor=cursor)
                break
            except Parked as parked:
                assert parked.until > time.time() - 1
                threads_while_parked.append(len([t for t in threading.enumerate() if t not in before]))
                app.db.forget(schema)
                time.sleep(max(0.0, parked.until - time.time()))
        assert contents(app, schema) == contents(app, ref)
        history, replies = ws.calls[HISTORY], ws.calls[REPLIES]
        assert history > 8 and replies > 8  # many pages, then the threads: both resumed across turns
        assert turns >= max(history, replies) - 2  # about a turn per slot: each parked in between
        assert set(threads_while_parked) == {0}  # nothing of the mine runs while it is parked
        assert total["api_calls"] >= history + replies and total["new"] > 100
        assert sum(ws.limited.values()) <= 2 and limited.violations == 0
        # a parked mine's pass is open in channel_state: what a killed run would resume too
        assert rows(app, schema, "SELECT COUNT(*) FROM channel_state WHERE pass_id IS NOT NULL") == [("0",)]


def _night_regions(app, fs, n: int, weeks: int = 2) -> list[str]:
    from datetime import date, timedelta

    from tests.fakeslack import generate_region

    names = []
    for i in range(n):
        name, token = f"p{i + 1}", f"xoxb-park-{i + 1}"
        ws = fs.add_workspace(token, team=f"T{i}", name=name)
        generate_region(ws, seed=i + 1, users=10, aos=2 + i % 3, weeks=weeks, start=date.today() - timedelta(weeks=weeks))
        assert run_cli(app, "region", "add", name, "--schema", f"{name}_{app.db.control_schema[-8:]}",
                       "--token", token).exit_code == 0
        names.append(name)
    return names


def region_files() -> list[str]:
    """The region SQLite files (p1_..., p2_...) this process has open."""
    return [f for f in open_files() if re.fullmatch(r"p\d+_\w+\.sqlite", os.path.basename(f))]


def test_a_night_waits_on_every_region_with_two_worker_threads(app, monkeypatch):
    """12 regions under a 1.5 s minute, turned by 2 worker threads: while most of them wait for
    their next slot, the run has no more threads than its workers and helpers, holds no region's
    SQLite file open, and every region ends ok (each about its own floor, all side by side)."""
    from miner.nightly.run import run_daily

    window = 1.5
    monkeypatch.setattr("miner.nightly.run.POOL_MIN_REGIONS", 10_000)  # one process, scoring in it
    monkeypatch.setattr("miner.nightly.run.REGION_WORKERS", 2)
    with FakeSlack() as fs:
        app.settings.slack_api_url = fs.base_url
        names = _night_regions(app, fs, 12)
        first = run_daily(app, skip_charts=True, report=False)
        assert first["ok"] == 12, first
        fs.limit_mode(window=window)
        app.settings.rate_window_s = window
        before = set(threading.enumerate())
        held = len(region_files())
        assert held == 0  # the first night left no region file open
        done: list = []
        night = threading.Thread(target=lambda: done.append(run_daily(app, skip_charts=True, report=False)))
        t0 = time.monotonic()
        night.start()
        samples = []
        while night.is_alive():
            time.sleep(0.25)
            mining = rows(app, app.db.control_schema,
                          "SELECT COUNT(*) FROM run_log WHERE step = 'mine' AND status = 'running'")[0][0]
            # the run's threads (the fake Slack starts server threads of its own as connections come)
            threads = len([t for t in threading.enumerate() if t not in before and not t.name.startswith("fakeslack")])
            files = len(region_files())
            samples.append((int(mining), threads, files))
        took = time.monotonic() - t0
        night.join()
        summary = done[0]
        assert summary["ok"] == 12, [(r["region"], r["status"], r["error"]) for r in summary["results"]]
        waiting = [s for s in samples if s[0] >= 8]  # most regions in their mine at once
        assert len(waiting) >= 4, samples
        # the run's threads: 2 workers, the lock heartbeat and the run's helpers; never one per
        # waiting region
        assert max(s[1] for s in waiting) <= 4, samples
        assert max(s[2] for s in waiting) <= 2, samples  # at most the two workers' regions have a file open
        calls = max(ws.calls[HISTORY] for ws in fs.workspaces)
        assert took < 12 * window * 0.6 * calls, (took, calls)  # not region after region
        assert set(names) <= {r["region"] for r in summary["results"]}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_ctrl_c_ends_the_parked_regions_promptly(app, tmp_path):
    """Regions parked for a 20 s minute: Ctrl-C ends the run in seconds, not at their next slot; each
    region's open mine row is closed (failed: interrupted)."""
    with FakeSlack() as fs:
        app.settings.slack_api_url = fs.base_url
        _night_regions(app, fs, 3, weeks=6)
        for name in ("p1", "p2", "p3"):
            for step in ("channels", "users"):
                assert run_cli(app, step, "--region", name).exit_code == 0
        fs.limit_mode(window=20.0)
        proc = subprocess.Popen([sys.executable, "-m", "miner", "--slack-api-url", app.settings.slack_api_url, "daily",
                                 "--skip-charts", "--no-report"], cwd=ROOT, env=cli_env(app, PAXMINER_RATE_WINDOW_S="20"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def parked() -> bool:  # each region has read its first page: the next is 20 s away
            if sum(ws.calls[HISTORY] for ws in fs.workspaces) < 3:
                return False
            time.sleep(0.5)
            return True

        out, err, took = interrupt_when(proc, parked)
        assert proc.returncode == 130, (out, err)
        assert took < 8, took
        assert "Traceback" not in err
        mines = rows(app, app.db.control_schema, "SELECT region, status, error FROM run_log WHERE step = 'mine'")
        assert len(mines) == 3 and {m[1] for m in mines} == {"failed"}, mines
        assert all("interrupted" in m[2] for m in mines), mines


def test_a_gap_pass_parked_mid_gap_resumes_where_it_stopped(app):
    """With the listener up, a night reads only the gaps in what it saw (mine_gaps). Parked between
    pages and between gaps, the pass resumes at the same gap and page: no history page is asked
    for twice, and every message posted in the gaps is stored."""
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from sqlalchemy import text

    from miner.archive.mine import mine_gaps

    window = 0.4
    with FakeSlack() as fs:
        app.settings.slack_api_url = fs.base_url
        ws, schema = limited_region(app, fs, "gaps", "xoxb-gaps", weeks=1, aos=1)
        assert run_cli(app, "mine", "--region", "gaps").exit_code == 0  # a complete pass first
        region = app.region("gaps")
        channel = rows(app, schema, "SELECT channel_id FROM aos WHERE backblast = 1")[0][0]
        user = next(u for u in ws.users if u.startswith("U") and u != ws.bot_user_id)
        now = time.time()
        # two gaps the listener did not see (40 messages each: 3 pages of 15), and a span it did
        posted = [ws.post(channel, text=f"gap message {i}", user=user, ts=f"{now - 900 + i:.6f}") for i in range(40)]
        posted += [ws.post(channel, text=f"gap message {i}", user=user, ts=f"{now - 300 + i:.6f}") for i in range(40)]
        covered = [(now - 700, now - 400)]
        began = datetime.fromtimestamp(now - 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        with app.db.engine(schema).begin() as conn:  # the last complete pass began before the gaps
            conn.execute(text("UPDATE channel_state SET pass_started = :t WHERE channel_id = :c"), {"t": began, "c": channel})
        fs.limit_mode(window=window)
        app.settings.rate_window_s = window
        slack = app.slack(region)
        slack.pacer.park_over = 0.05
        eng, spot, turns = app.db.engine(schema), {}, 0
        ws.requests.clear()
        while True:
            turns += 1
            counts = mine_gaps(eng, slack, channel, 14, ZoneInfo(region.timezone), covered, None, spot)
            if counts.get("parked") is None:
                break
            time.sleep(max(0.0, counts["parked"] - time.time()))
        asked = [(p["oldest"], p.get("latest"), p.get("cursor")) for m, p in ws.requests if m == HISTORY]
        assert len(asked) >= 6 and len(set(asked)) == len(asked), asked  # 2 gaps x 3 pages, none twice
        assert len({a[:2] for a in asked}) == 2  # the two gaps
        assert turns >= len(asked)  # parked between pages
        stored = {r[0] for r in rows(app, schema, "SELECT ts FROM messages WHERE channel_id = :c", c=channel)}
        assert set(posted) <= stored
        assert fs.violations == 0


def test_a_parked_mine_sends_its_feedback_dms_once_and_ends(app, fake_slack, monkeypatch):
    """Parking stops at the channels: a mine's feedback DMs (conversations.open at Tier 3) after
    them are sent to the end, each once, even when a Tier-3 wait is longer than the parking bound
    (at Slack's own minute it is: 1.26 s against 1 s). Parked there, each turn would start the
    DMs again: three problem posts, a tiny bound, and the night must end with three DMs."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from miner.core import constants
    from miner.nightly.run import run_daily
    from tests.helpers import feedback_region

    monkeypatch.setattr("miner.archive.mine.park_over", lambda window: 0.002)
    ws = feedback_region(app, fake_slack, "xoxb-parked-dms", "C0FB")
    now = time.time()
    day = (datetime.fromtimestamp(now, ZoneInfo(constants.DEFAULT_TIMEZONE)) - timedelta(days=1)).strftime("%m/%d/%Y")
    for i, user in enumerate(("U1", "U2", "U3")):  # no Q: a problem each, a DM to each poster
        ws.post("C0FB", text=f"*Backblast!*\nDATE: {day}\nPAX: <@U2> <@U3>\nCOUNT: {3 + i}", user=user,
                ts=f"{now - 3600 * (5 - i):.6f}")
    fake_slack.limit_mode(window=1.0)
    app.settings.rate_window_s = 1.0
    done: list = []
    night = threading.Thread(target=lambda: done.append(run_daily(app, skip_charts=True, report=False)), daemon=True)
    night.start()
    night.join(90)
    assert not night.is_alive(), "the night did not end"
    assert done[0]["ok"] == 1, done[0]["results"]
    dms = [p for p in ws.posted if p["channel"].startswith("D")]
    assert sorted(d["channel"] for d in dms) == sorted(ws.dms[u] for u in ("U1", "U2", "U3"))
    mine = rows(app, app.db.control_schema, "SELECT counts FROM run_log WHERE step = 'mine'")
    assert len(mine) == 1 and '"feedback": 3' in mine[0][0]
