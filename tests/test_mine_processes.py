"""`paxminer mine --processes N`: channels mined in forked processes give the same database as one
process, errors from a child are one clean line, and a killed run leaves no miner behind.

The fake Slack runs in its own process here (as in bench/): forking is only done from a process
with no other threads, and the in-thread fake server of the other tests would prevent it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers import cli_env, rows, run_cli

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "xoxb-processes-test"
CONTENT = {
    "messages": "SELECT channel_id, ts, thread_ts, user_id, content_hash, deleted, dirty, replies_seen FROM messages",
    "parse_results": "SELECT channel_id, ts, status, problem, ao_id, bd_date, q_user_id FROM parse_results",
    "beatdowns": "SELECT timestamp, ao_id, bd_date, q_user_id, coq_user_id, pax_count, fngs, fng_count, backblast FROM beatdowns",
    "bd_attendance": "SELECT timestamp, user_id, ao_id, date, q_user_id, json FROM bd_attendance",
    "channel_state": "SELECT channel_id, watermark_ts, pass_id, pass_cursor FROM channel_state",
}


def serve(*extra: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fakeslack", "--port", "0", "--token", TOKEN, "--weeks", "10", "--aos", "4",
         "--users", "40", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stderr.readline()
    return proc, proc.stdout.readline().strip()


@pytest.fixture
def slack_process(app):
    proc, url = serve()
    app.settings.slack_api_url = url
    yield url
    proc.terminate()
    proc.wait(10)


def contents(app, schema) -> dict:
    return {name: sorted(rows(app, schema, sql), key=str) for name, sql in CONTENT.items()}


def add_region(app, name: str) -> str:
    schema = f"{name}_{app.db.control_schema[-8:]}"
    assert run_cli(app, "region", "add", name, "--schema", schema, "--token", TOKEN).exit_code == 0
    for step in ("channels", "users"):
        res = run_cli(app, step, "--region", name)
        assert res.exit_code == 0, res.output
    return schema


def paxminer(app, *args: str, env: dict | None = None, wait: bool = True):
    """The real `paxminer` command in its own process (a fresh process: nothing keeps it from forking)."""
    environ = cli_env(app, SLACK_API_URL=app.settings.slack_api_url, **(env or {}))
    argv = [sys.executable, "-m", "miner"] + (["--db-url", app.settings.db_url] if app.settings.db_url else [])
    proc = subprocess.Popen(argv + list(args), cwd=ROOT, env=environ, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if not wait:
        return proc
    out = proc.communicate(timeout=300)[0]
    return proc.returncode, out


def last_counts(app, region: str) -> dict:
    (c,) = rows(app, app.db.control_schema,
                "SELECT counts FROM run_log WHERE region = :r AND step = 'mine' ORDER BY id DESC LIMIT 1", r=region)[0]
    return json.loads(c)


def test_two_processes_same_database_as_one(app, slack_process):
    one, two = add_region(app, "one"), add_region(app, "two")
    for name, n in (("one", 1), ("two", 2)):
        code, out = paxminer(app, "mine", "--region", name, "--processes", str(n))
        assert code == 0, out
    c1, c2 = last_counts(app, "one"), last_counts(app, "two")
    assert (c1["processes"], c2["processes"]) == (1, 2)
    assert c1["api_calls"] == c2["api_calls"] and c1["new"] == c2["new"] > 300
    assert c1["backblasts"] == c2["backblasts"] > 20
    got1, got2 = contents(app, one), contents(app, two)
    assert got1 == got2
    assert len(got1["beatdowns"]) > 20 and len(got1["bd_attendance"]) > 100
    assert rows(app, two, "SELECT COUNT(*) FROM messages WHERE dirty = 1") == [("0",)]
    assert rows(app, two, "SELECT COUNT(*) FROM parse_results WHERE status = 'pending'") == [("0",)]
    # a second run in two processes changes nothing and reads each channel once
    code, out = paxminer(app, "mine", "--region", "two", "--processes", "2")
    assert code == 0, out
    again = last_counts(app, "two")
    assert (again["new"], again["changed"], again["api_calls"]) == (0, 0, again["channels"])
    assert contents(app, two) == got2


def test_fatal_slack_error_in_a_child_is_one_line(app, slack_process):
    add_region(app, "bad")
    assert run_cli(app, "region", "update", "bad", "--token", "xoxb-not-a-known-token", "--no-check").exit_code == 0
    code, out = paxminer(app, "mine", "--region", "bad", "--processes", "2")
    assert code != 0
    assert "token is invalid" in out and "Traceback" not in out and len(out.strip().splitlines()) == 1, out
    assert "xoxb-not-a-known-token" not in out


def miners_with(marker: str) -> list[int]:
    """Live processes whose environment carries `marker` (the killed CLI and any child it forked)."""
    found = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            if marker.encode() in (d / "environ").read_bytes() and (d / "stat").read_text().split()[2] != "Z":
                found.append(int(d.name))
        except OSError:
            continue
    return found


def test_killed_run_leaves_no_child_and_rerun_completes(app):
    proc, url = serve("--latency", "0.02")
    app.settings.slack_api_url = url
    try:
        schema = add_region(app, "killed")
        reference = add_region(app, "clean")
        marker = f"PAXMINER_TEST_RUN={uuid.uuid4().hex}"
        cli = paxminer(app, "mine", "--region", "killed", "--processes", "2", wait=False,
                       env={marker.split("=")[0]: marker.split("=")[1]})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # kill it once some pages are stored, mid-run
            if int(rows(app, schema, "SELECT COUNT(*) FROM messages")[0][0]) > 100:
                break
            time.sleep(0.05)
        assert len(miners_with(marker)) >= 3  # the CLI and its two miner processes
        cli.send_signal(signal.SIGKILL)
        cli.wait(10)
        deadline = time.monotonic() + 2  # they die with it, not after finishing their channel
        while miners_with(marker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert miners_with(marker) == []
        # it died mid-run: some channel's pass was left open (the rerun resumes it)
        assert int(rows(app, schema, "SELECT COUNT(*) FROM channel_state WHERE pass_id IS NOT NULL")[0][0]) > 0
        for name in ("killed", "clean"):
            code, out = paxminer(app, "mine", "--region", name, "--processes", "2")
            assert code == 0, out
        assert contents(app, schema) == contents(app, reference)
    finally:
        proc.terminate()
        proc.wait(10)
