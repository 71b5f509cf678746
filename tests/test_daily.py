"""`paxminer daily`: every region, failures isolated, locks across runs and hosts, charts when due.

Regions are generated workspaces (tests.fakeslack.generate_region) served by the fake Slack to the
real slack-sdk; beatdowns are compared to each workspace's ground truth.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from miner.app import App
from miner.cli.main import main
from miner.core import constants
from miner.core.locks import LockLost, LockManager
from tests.fakeslack import generate_region
from tests.helpers import attendance_by_beatdown as beatdowns_of
from tests.helpers import check_truth, cli_env, rows
from tests.helpers import run_cli as run

ROOT = Path(__file__).resolve().parent.parent
START = date(2023, 1, 2)


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(constants, "RETRY_MAX", 2)
    monkeypatch.setattr(constants, "REQUEST_BUDGET", 5)


def ctl(app, sql, **params):
    return rows(app, app.db.control_schema, sql, **params)


def dump(app, schema) -> dict:
    return {
        "beatdowns": sorted(rows(app, schema, "SELECT timestamp, ts_edited, ao_id, bd_date, q_user_id, coq_user_id, "
                                              "pax_count, fngs, fng_count, backblast FROM beatdowns")),
        "bd_attendance": sorted(rows(app, schema, "SELECT timestamp, user_id, ao_id, date, q_user_id FROM bd_attendance")),
        "messages": sorted(rows(app, schema, "SELECT channel_id, ts, thread_ts, text, deleted, content_hash FROM messages")),
        "users": sorted(rows(app, schema, "SELECT user_id, user_name FROM users")),
    }


class Regions:
    """Generated regions registered in the app: name -> (workspace, schema, token)."""

    def __init__(self, app, fs, n, weeks=3, **kw):
        app.settings.slack_api_url = fs.base_url if fs.origin else fs.start()
        self.ws, self.schema, self.token = {}, {}, {}
        tag = app.db.control_schema[-6:]
        for i in range(n):
            name, token = f"r{i + 1}", f"xoxb-{i + 1}-{tag}-secret"
            ws = fs.add_workspace(token, team=f"T{i}", name=name)
            generate_region(ws, seed=i + 1, users=10, aos=2, weeks=weeks, start=START)
            schema = f"d{tag}_{name}"
            extra = []
            for k, v in kw.get(name, {}).items():
                extra += [f"--{k}", v] if v is not True else [f"--{k}"]
            res = run(app, "region", "add", name, "--schema", schema, "--token", token, *extra)
            assert res.exit_code == 0, res.output
            self.ws[name], self.schema[name], self.token[name] = ws, schema, token


def steps_of(app, region, run_id=None) -> list[tuple]:
    sql = "SELECT step, status FROM run_log WHERE region = :r" + (" AND run_id = :run" if run_id else "") + " ORDER BY id"
    return ctl(app, sql, r=region, run=run_id)


def test_one_region_failing_never_stops_the_others(app, fake_slack):
    regs = Regions(app, fake_slack, 3)
    general = regs.ws["r1"].channel_by_name("general")["id"]
    assert run(app, "region", "update", "r1", "--log-channel", general).exit_code == 0
    regs.ws["r2"].revoke()
    fake_slack.fail("conversations.list", status=500, times=1000, token=regs.token["r3"])
    res = run(app, "daily", "--workers", "3", "--skip-charts")
    out = res.output
    assert res.exit_code == 1, out
    assert "Traceback" not in out and "secret" not in out
    lines = {ln.split(":")[0]: ln for ln in out.splitlines() if ln.startswith("r")}
    assert lines["r1"].startswith("r1: ok in ")
    assert lines["r2"] == "r2: failed at channels: conversations.list: the region's Slack token has been revoked"
    assert lines["r3"].startswith("r3: failed at channels: conversations.list: ") and "internal_error" in lines["r3"]
    assert "daily: 3 region(s): 1 ok, 2 failed, 0 skipped" in out
    assert "error: 2 region(s) failed: r2, r3" in out or "error: 2 region(s) failed: r3, r2" in out
    # the run log: every step of r1, the failed step of the others and nothing after it
    assert steps_of(app, "r1") == [("channels", "ok"), ("users", "ok"), ("mine", "ok"), ("score", "ok"),
                                   ("outreach", "ok"), ("charts", "skipped"), ("home", "ok"), ("site", "ok"),
                                   ("report", "ok")]
    assert steps_of(app, "r2") == [("channels", "failed")]
    assert steps_of(app, "r3") == [("channels", "failed")]
    err = ctl(app, "SELECT error FROM run_log WHERE region = 'r3'")[0][0]
    assert "internal_error" in err
    assert ctl(app, "SELECT region, status, failed_step FROM region_runs ORDER BY region") == [
        ("r1", "ok", None), ("r2", "failed", "channels"), ("r3", "failed", "channels")]
    assert ctl(app, "SELECT COUNT(*) FROM region_locks") == [("0",)]
    check_truth(beatdowns_of(app, regs.schema["r1"]), regs.ws["r1"])
    # the run report went to r1's log channel
    posted = [p for p in regs.ws["r1"].posted if p["channel"] == general]
    assert len(posted) == 1 and posted[0]["text"].startswith("PAXminer nightly run for r1")
    # the rerun, with Slack healthy again: the others complete, nothing lost or doubled
    before = dump(app, regs.schema["r1"])
    regs.ws["r2"].revoked = False
    fake_slack.clear_faults()
    res = run(app, "daily", "--workers", "2", "--skip-charts", "--no-report")
    assert res.exit_code == 0, res.output
    assert "daily: 3 region(s): 3 ok, 0 failed, 0 skipped" in res.output
    for name in ("r2", "r3"):
        check_truth(beatdowns_of(app, regs.schema[name]), regs.ws[name])
    after = dump(app, regs.schema["r1"])
    extra = set(after.pop("messages")) - set(before.pop("messages"))
    assert after == before  # nothing lost or doubled: only the run report posted to general is new
    assert [m[3][:25] for m in extra] == ["PAXminer nightly run for "]
    # a catch-up line (--skip-ok-within) leaves regions that went well alone
    fake_slack.calls.clear()
    res = run(app, "daily", "--skip-ok-within", "20", "--skip-charts")
    assert res.exit_code == 0 and "0 ok, 0 failed, 3 skipped" in res.output, res.output
    assert "r1: skipped, ok at " in res.output and sum(fake_slack.calls.values()) == 0
    assert len([p for p in regs.ws["r1"].posted if p["channel"] == general]) == 1


def test_unknown_region_and_summary_json(app, fake_slack, tmp_path):
    Regions(app, fake_slack, 1)
    path = tmp_path / "summary.json"
    res = run(app, "daily", "--region", "r1", "--region", "nope", "--skip-charts", "--summary-json", str(path))
    assert res.exit_code == 1
    assert "nope: failed at start: no region named 'nope'" in res.output
    s = json.loads(path.read_text())
    assert s["ok"] == 1 and s["failed"] == 1 and s["failed_regions"] == ["nope"]
    r1 = next(r for r in s["results"] if r["region"] == "r1")
    assert r1["messages"] > 100 and r1["api_calls"] > 5 and s["backblasts"] == len(fake_slack.workspaces[0].truth)


def test_two_concurrent_daily_runs_never_process_a_region_twice(app, fake_slack, tmp_path):
    """Two `paxminer daily` processes at once (as two cron lines or two hosts): each region once."""
    regs = Regions(app, fake_slack, 4)
    fake_slack.latency = 0.5  # slow until both runs are up: "at once" even when one starts late on a busy machine
    s = app.settings
    env = cli_env(app)
    argv = [sys.executable, "-m", "miner", "--slack-api-url", s.slack_api_url] + (["--db-url", s.db_url] if s.db_url else [])
    procs = []
    for i in range(2):
        cmd = argv + ["daily", "--workers", "2", "--skip-charts", "--summary-json", str(tmp_path / f"s{i}.json")]
        procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    deadline = time.monotonic() + 120
    while sum(1 for w in regs.ws.values() if w.calls) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)  # each run has claimed 2 regions (2 workers each): both are running
    fake_slack.latency = 0.01
    outs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    runs = [json.loads((tmp_path / f"s{i}.json").read_text()) for i in range(2)]
    for name in regs.ws:
        statuses = sorted(next(r["status"] for r in s_["results"] if r["region"] == name) for s_ in runs)
        assert statuses == ["ok", "skipped"], (name, outs)
        assert ctl(app, "SELECT COUNT(*) FROM run_log WHERE region = :r AND step = 'mine'", r=name) == [("1",)]
        check_truth(beatdowns_of(app, regs.schema[name]), regs.ws[name])
    assert sum(r["ok"] for r in runs) == 4 and sum(r["skipped"] for r in runs) == 4
    # every region starts at once now, so one run may take them all: check the runs that skipped some
    assert all("skipped, running on host" in o or "skipped, done by run" in o for o in outs if ": skipped," in o)


def test_a_run_under_way_keeps_what_it_finished_before_a_late_host_started(app, fake_slack):
    """Host A (a run still holding a lock) finished r1 before host B started: B skips r1 and the
    region A holds; once A's run is over, a later run does r1 again (runs one after another redo)."""
    Regions(app, fake_slack, 3, weeks=1)
    assert run(app, "daily", "--region", "r1", "--skip-charts", "--no-report").exit_code == 0
    with LockManager(app.db, "run-of-host-a", host="host-a") as a:
        assert a.acquire("r2").ok
        with app.db.engine(app.db.control_schema).begin() as conn:  # r1's last run was A's
            conn.execute(text("UPDATE region_runs SET run_id = 'run-of-host-a', host = 'host-a' WHERE region = 'r1'"))
        res = run(app, "daily", "--skip-charts", "--no-report")
        assert res.exit_code == 0, res.output
        assert "r1: skipped, done by run run-of-host-a on host host-a" in res.output
        assert "r2: skipped, running on host host-a" in res.output
        assert "1 ok, 0 failed, 2 skipped" in res.output
    res = run(app, "daily", "--skip-charts", "--no-report")
    assert res.exit_code == 0 and "3 ok, 0 failed, 0 skipped" in res.output, res.output


def test_many_workers_share_the_regions_across_processes(app, tmp_path):
    """`daily --workers 8`: the regions are shared by forked processes (2 worker threads each, up to
    2 per core); every region once, right, its run logged, no lock left behind, a line per region."""
    from tests.fakeslack.server import FakeSlack

    fs = FakeSlack(latency=0.005)
    regs = Regions(app, fs, 10, weeks=1)
    try:
        s = app.settings
        env = cli_env(app)
        argv = [sys.executable, "-m", "miner", "--slack-api-url", s.slack_api_url] + (["--db-url", s.db_url] if s.db_url else [])
        out = subprocess.run(argv + ["daily", "--workers", "8", "--skip-charts", "--summary-json", str(tmp_path / "s.json")],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
        assert out.returncode == 0, out.stdout + out.stderr
        summary = json.loads((tmp_path / "s.json").read_text())
        assert (summary["processes"], summary["ok"], summary["failed"]) == (min(4, 2 * (os.cpu_count() or 1)), 10, 0)
        for name in regs.ws:
            assert f"{name}: ok in " in out.stdout
            assert ctl(app, "SELECT COUNT(*) FROM run_log WHERE region = :r AND step = 'mine' AND status = 'ok'", r=name) == [("1",)]
            check_truth(beatdowns_of(app, regs.schema[name]), regs.ws[name])
        assert ctl(app, "SELECT COUNT(*) FROM region_locks") == [("0",)]
    finally:
        fs.stop()


def test_threads_racing_for_regions_share_them(app, fake_slack):
    """The same race inside one process: two runs, each with its own connections, 3 workers each."""
    regs = Regions(app, fake_slack, 5, weeks=2)
    from miner.nightly.run import run_daily

    fake_slack.latency = 0.005
    out: list = []

    def go():
        other = App(app.settings)
        try:
            out.append(run_daily(other, workers=3, skip_charts=True, report=False))
        finally:
            other.db.dispose()

    threads = [threading.Thread(target=go) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    said = [r for s in out for r in s["results"]]  # shown if it fails: which run did what, and why
    assert sum(s["ok"] for s in out) == 5 and sum(s["skipped"] for s in out) == 5 and not any(s["failed"] for s in out), said
    for name in regs.ws:
        assert ctl(app, "SELECT COUNT(*) FROM run_log WHERE region = :r AND step = 'channels'", r=name) == [("1",)], said


def test_a_region_is_not_run_again_between_its_end_and_its_bookkeeping(app, fake_slack, monkeypatch):
    """A run that reaches a region just as another run finishes it (steps done, end not yet
    recorded) must not run it again: the lock is held until the end is recorded."""
    import miner.nightly.run as daily
    from miner.nightly.run import run_daily

    Regions(app, fake_slack, 1, weeks=1)
    real = daily.Run.record_finish
    second: list = []
    arrived = threading.Event()

    def finish(self, res):
        if not arrived.is_set():  # another run arrives at this very moment
            arrived.set()
            other = App(app.settings)
            try:
                second.append(run_daily(other, workers=1, skip_charts=True, report=False))
            finally:
                other.db.dispose()
        return real(self, res)

    monkeypatch.setattr(daily.Run, "record_finish", finish)
    first = run_daily(app, workers=1, skip_charts=True, report=False)
    assert first["ok"] == 1 and second[0]["ok"] == 0 and second[0]["skipped"] == 1, second[0]["results"]
    assert ctl(app, "SELECT COUNT(*) FROM run_log WHERE region = 'r1' AND step = 'channels'") == [("1",)]


def test_scoring_processes_score_like_the_threads(app, fake_slack, monkeypatch):
    """With many regions the scorer runs in spawned processes; the scores are the same."""
    import miner.nightly.run as daily

    regs = Regions(app, fake_slack, 3, weeks=2)
    query = "SELECT as_of, period, scope, user_id, posts, qs, score, place FROM scores"
    assert run(app, "daily", "--workers", "1", "--skip-charts", "--today", "2023-01-14").exit_code == 0
    in_threads = {n: sorted(rows(app, regs.schema[n], query)) for n in regs.ws}
    for n in regs.ws:
        with app.db.engine(regs.schema[n]).begin() as conn:
            conn.execute(text("DELETE FROM scores"))
    monkeypatch.setattr(daily, "POOL_MIN_REGIONS", 1)
    pools = []
    real = daily.CpuPool.for_run.__func__

    def spy(cls, app_, threads):
        pools.append(real(cls, app_, threads))
        return pools[-1]

    monkeypatch.setattr(daily.CpuPool, "for_run", classmethod(spy))
    res = run(app, "daily", "--workers", "3", "--skip-charts", "--today", "2023-01-14")
    assert res.exit_code == 0, res.output
    if (os.cpu_count() or 1) > 1:
        assert pools and pools[0] is not None and not pools[0].broken
    assert {n: sorted(rows(app, regs.schema[n], query)) for n in regs.ws} == in_threads
    assert all(len(v) > 10 for v in in_threads.values())


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_stale_and_dead_locks_are_taken_over_live_ones_respected(app, fake_slack):
    import socket

    regs = Regions(app, fake_slack, 3, weeks=2)
    with app.db.engine(app.db.control_schema).begin() as conn:
        conn.execute(text("INSERT INTO region_locks (region, owner, acquired, heartbeat) VALUES "
                          "('r1', 'elsewhere:4242:deadrun', '2020-01-01 00:00:00', '2020-01-01 00:10:00'), "
                          "('r2', 'elsewhere:4343:liverun', '2099-01-01 00:00:00', '2099-01-01 00:00:00'), "
                          f"('r3', '{socket.gethostname()}:{_dead_pid()}:crashed', '2099-01-01 00:00:00', "
                          "'2099-01-01 00:00:00')"))
    res = run(app, "daily", "--skip-charts")
    assert res.exit_code == 0, res.output
    lines = {ln.split(":")[0]: ln for ln in res.output.splitlines() if ln.startswith("r")}
    assert lines["r1"].startswith("r1: ok in ") and "took over from elsewhere" in lines["r1"]
    assert lines["r2"] == "r2: skipped, running on host elsewhere since 2099-01-01 00:00:00 UTC"
    assert lines["r3"].startswith("r3: ok in ")
    assert "2 ok, 0 failed, 1 skipped" in res.output
    check_truth(beatdowns_of(app, regs.schema["r1"]), regs.ws["r1"])
    assert ctl(app, "SELECT region, owner FROM region_locks") == [("r2", "elsewhere:4343:liverun")]
    assert steps_of(app, "r2") == [("daily", "skipped")]
    # import waits its turn too
    res = run(app, "import", str(ROOT / "nonexistent.zip"), "--region", "r2")
    assert res.exit_code != 0


def test_lock_manager_heartbeat_keeps_a_lock_and_a_dead_one_is_lost(app):
    from miner.core.registry import init_control

    init_control(app.db)
    a = LockManager(app.db, "runa", stale_minutes=0.02, host="hosta")  # 1.2 s stale, heartbeat every 0.2 s
    b = LockManager(app.db, "runb", stale_minutes=0.02, host="hostb")
    a.start()
    try:
        assert a.acquire("x").ok
        time.sleep(1.6)
        claim = b.acquire("x")
        assert not claim.ok and claim.holder.host == "hosta"
        a._stop.set()  # a's process "hangs": no more heartbeats
        a._thread.join()
        time.sleep(1.5)
        claim = b.acquire("x")
        assert claim.ok and claim.previous.host == "hosta"
        a.beat()
        with pytest.raises(LockLost):
            a.check("x")
    finally:
        a._thread = None
        a.stop()
        b.stop()
    assert ctl(app, "SELECT COUNT(*) FROM region_locks") == [("0",)]


def test_charts_when_due_to_the_outbox_and_not_before(app, fake_slack, tmp_path):
    regs = Regions(app, fake_slack, 1, weeks=9, r1={"send-q-charts": True, "send-region-leaderboard": True})
    ws = regs.ws["r1"]
    first_f = ws.channel_by_name("1st-f")["id"]
    assert run(app, "region", "update", "r1", "--firstf-channel", first_f).exit_code == 0
    out = tmp_path / "out"
    s = app.settings
    env = {"PAXMINER_DATA_DIR": s.data_dir, "PAXMINER_CONTROL_SCHEMA": s.control_schema,
           "SLACK_API_URL": s.slack_api_url, "PAXMINER_CHART_DAY": "5",
           "PAXMINER_RATE_WINDOW_S": str(s.rate_window_s)}
    argv = (["--db-url", s.db_url] if s.db_url else [])
    res = CliRunner().invoke(main, argv + ["daily", "--today", "2023-03-02", "--outbox", str(out)], env=env)
    assert res.exit_code == 0, res.output
    assert "charts not due (they go out from day 5 of the month)" in res.output
    assert not list(out.glob("r1/*.png"))
    res = CliRunner().invoke(main, argv + ["daily", "--today", "2023-03-06", "--outbox", str(out)], env=env)
    assert res.exit_code == 0, res.output
    pngs = list(out.glob("r1/*.png"))
    assert pngs and "charts written to" in res.output
    assert fake_slack.calls["files.getUploadURLExternal"] == 0 and not ws.uploads
    # the run report went to the outbox, not to Slack
    assert (out / "r1" / "daily-report-2023-03-06.txt").read_text().startswith("PAXminer nightly run for r1, 2023-03-06")


def test_workers_default_from_settings_and_no_regions(app):
    res = run(app, "daily")
    assert res.exit_code == 0, res.output
    assert "daily: 0 region(s): 0 ok, 0 failed, 0 skipped" in res.output


def test_region_schema_problem_is_one_line(app, fake_slack):
    regs = Regions(app, fake_slack, 2, weeks=1)
    app.db.drop_schema(regs.schema["r2"])  # the region's schema is gone
    res = run(app, "daily", "--skip-charts")
    assert res.exit_code == 1
    line = next(ln for ln in res.output.splitlines() if ln.startswith("r2:"))
    assert line.startswith("r2: failed at upgrade: schema ") and "does not exist" in line, line
    assert "Traceback" not in res.output and "r1: ok" in res.output
