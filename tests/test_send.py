"""miner.slack.send: every message and file goes out exactly once, whatever stops a send.

The real slack-sdk against the fake Slack on loopback, the deliveries table on SQLite and MariaDB.
A send is stopped at each of its points by killing the process (SIGKILL, in a subprocess), a
Slack answer is stalled past the client's timeout, and the database is made to fail while the
result is recorded: every time, each recipient ends up with exactly one message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from miner.core import constants
from miner.slack import send
from miner.slack.client import Slack
from miner.slack.send import Deliverer, delivery_key
from tests.conftest import FAST_WINDOW
from tests.helpers import rows

TOKEN = "xoxb-send-test-SECRET"
ROOT = Path(__file__).resolve().parent.parent
MESSAGE_POINTS = ("intent", "sent", "record", "recorded")
FILE_POINTS = ("intent", "upload_url", "sent", "record", "recorded")


class Killed(BaseException):
    """Stands for the process dying at a point of a send (nothing after it runs)."""


def transient() -> OperationalError:
    import pymysql

    return OperationalError("UPDATE deliveries", {}, pymysql.err.OperationalError(2013, "Lost connection to server"))


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(constants, "REQUEST_TIMEOUT", 1)
    monkeypatch.setattr(send, "SETTLE_WAITS", (0.05, 0.1))
    monkeypatch.setattr(send, "RECORD_WAITS", (0.05, 0.1))
    monkeypatch.setattr(send, "fault_hook", None)


@pytest.fixture
def ws(fake_slack):
    w = fake_slack.add_workspace(TOKEN)
    w.add_user("U1", "alpha", real_name="Alpha")
    w.add_user("U2", "bravo", real_name="Bravo")
    w.add_channel("C1", "1st-f")
    w.add_channel("CA", "old", is_archived=True)
    return w


def slack_of(fake_slack) -> Slack:
    return Slack(TOKEN, fake_slack.base_url, window=FAST_WINDOW)  # Slack's minute, scaled down


def dms(ws, user="U1") -> list[dict]:
    return [p for p in ws.posted if p["channel"] == ws.dms.get(user)]


def shares(ws, channel="C1") -> list[dict]:
    return [u for u in ws.uploads if u["channel"] == channel]


def status(app, schema, key) -> tuple:
    return rows(app, schema, "SELECT status, attempts FROM deliveries WHERE delivery_key = :k", k=key)[0]


def die_at(point: str):
    def hook(p, _key):
        if p == point:
            raise Killed(point)

    return hook


def test_a_message_goes_once_with_its_key_in_the_metadata(app, region_schema, ws, fake_slack):
    d = Deliverer(app.db.engine(region_schema), slack_of(fake_slack))
    first = d.message("feedback:C1:1.0:abc", "feedback", "hello", user="U1")
    assert first.status == "sent" and first.ts
    again = Deliverer(app.db.engine(region_schema), slack_of(fake_slack)).message("feedback:C1:1.0:abc", "feedback",
                                                                                   "hello", user="U1")
    assert again.status == "already" and again.ts == first.ts
    (posted,) = dms(ws)
    assert posted["metadata"] == {"event_type": "paxminer_delivery", "event_payload": {"key": "feedback:C1:1.0:abc"}}
    assert status(app, region_schema, "feedback:C1:1.0:abc") == ("sent", "1")


@pytest.mark.parametrize("point", MESSAGE_POINTS)
def test_killed_at_each_point_of_a_message(app, region_schema, ws, fake_slack, point):
    """SIGKILL at the point (a subprocess), then the next run: exactly one DM."""
    proc = run_child(app, region_schema, fake_slack, point, "message")
    assert proc.returncode == -9, proc.stderr
    assert len(dms(ws)) == (0 if point == "intent" else 1)
    d = Deliverer(app.db.engine(region_schema), slack_of(fake_slack)).message("k1", "test", "hello", user="U1")
    assert d.ok
    assert len(dms(ws)) == 1
    assert status(app, region_schema, "k1")[0] == "sent"
    # a settled delivery is not sent again either
    assert Deliverer(app.db.engine(region_schema), slack_of(fake_slack)).message("k1", "test", "hi", user="U1").status == "already"
    assert len(dms(ws)) == 1


@pytest.mark.parametrize("point", FILE_POINTS)
def test_killed_at_each_point_of_a_file_upload(app, region_schema, ws, fake_slack, point):
    proc = run_child(app, region_schema, fake_slack, point, "file")
    assert proc.returncode == -9, proc.stderr
    assert len(shares(ws)) == (1 if point in ("sent", "record", "recorded") else 0)
    d = Deliverer(app.db.engine(region_schema), slack_of(fake_slack)).file(
        "k1", "chart", b"\x89PNG...", "a.png", "A chart", "the comment", channel="C1")
    assert d.ok
    assert len(shares(ws)) == 1
    assert status(app, region_schema, "k1")[0] == "sent"


@pytest.mark.parametrize("point", FILE_POINTS)
def test_stopped_in_process_at_each_point(app, region_schema, ws, fake_slack, point, monkeypatch):
    """The same with the send stopped by an exception (finally blocks run): messages and files."""
    eng = app.db.engine(region_schema)
    monkeypatch.setattr(send, "fault_hook", die_at(point))
    if point != "upload_url":
        with pytest.raises(Killed):
            Deliverer(eng, slack_of(fake_slack)).message("m", "test", "hello", user="U2")
    with pytest.raises(Killed):
        Deliverer(eng, slack_of(fake_slack)).file("f", "chart", b"png", "a.png", "A", "c", channel="C1")
    monkeypatch.setattr(send, "fault_hook", None)
    assert Deliverer(eng, slack_of(fake_slack)).message("m", "test", "hello", user="U2").ok
    assert Deliverer(eng, slack_of(fake_slack)).file("f", "chart", b"png", "a.png", "A", "c", channel="C1").ok
    assert len(dms(ws, "U2")) == 1 and len(shares(ws)) == 1


@pytest.mark.parametrize("method", ["chat.postMessage", "files.completeUploadExternal"])
def test_an_answer_stalled_past_the_timeout_is_looked_up_not_resent(app, region_schema, ws, fake_slack, method):
    fake_slack.timeouts(method, times=5, delay=2.5)  # processed, answered after the client gave up
    slack = slack_of(fake_slack)
    d = Deliverer(app.db.engine(region_schema), slack)
    m = d.message("m", "test", "hello", user="U1")
    f = d.file("f", "chart", b"png", "a.png", "A", "c", channel="C1")
    assert m.ok and f.ok
    assert (m.settled, f.settled) == (method == "chat.postMessage", method != "chat.postMessage")
    assert len(dms(ws)) == 1 and len(shares(ws)) == 1
    assert fake_slack.calls[method] == 1  # Slack got it once: the HTTP layer did not retry the write
    assert slack.calls["chat.postMessage"] == 1 and slack.calls["files.completeUploadExternal"] == 1  # never resent


def test_a_request_lost_on_slacks_side_is_sent_again_after_looking(app, region_schema, ws, fake_slack):
    fake_slack.timeouts("chat.postMessage", times=1, delay=2.5, process=False)  # never processed
    eng = app.db.engine(region_schema)
    d = Deliverer(eng, slack_of(fake_slack)).message("m", "test", "hello", user="U1")
    assert d.status == "unknown" and dms(ws) == []  # not resent on a guess in the same run
    assert status(app, region_schema, "m")[0] == "unknown"
    d = Deliverer(eng, slack_of(fake_slack)).message("m", "test", "hello", user="U1")  # the next run looks, then sends
    assert d.status == "sent" and len(dms(ws)) == 1
    assert status(app, region_schema, "m") == ("sent", "2")


def test_5xx_is_not_retried_blindly_and_429_is(app, region_schema, ws, fake_slack):
    slack = slack_of(fake_slack)
    eng = app.db.engine(region_schema)
    fake_slack.fail("chat.postMessage", status=503, times=1)
    d = Deliverer(eng, slack).message("a", "test", "one", user="U1")
    assert d.status == "unknown" and slack.calls["chat.postMessage"] == 1 and fake_slack.calls["chat.postMessage"] == 1
    assert Deliverer(eng, slack).message("a", "test", "one", user="U1").status == "sent"
    fake_slack.rate_limit("chat.postMessage", times=1, retry_after=1)
    assert Deliverer(eng, slack).message("b", "test", "two", user="U1").status == "sent"  # the 429 was retried
    assert [p["text"] for p in dms(ws)] == ["one", "two"]


def test_a_refused_connection_is_a_definite_failure(app, region_schema, ws, fake_slack, monkeypatch):
    monkeypatch.setattr(constants, "RETRY_MAX", 1)
    dead = Slack(TOKEN, "http://127.0.0.1:9/api/", window=FAST_WINDOW)
    d = Deliverer(app.db.engine(region_schema), dead).message("r", "test", "x", channel="C1")
    assert d.status == "failed" and dead.retries["retry_conn"] == 1  # retried: it surely never arrived
    assert Deliverer(app.db.engine(region_schema), slack_of(fake_slack)).message("r", "test", "x", channel="C1").status == "sent"


def test_the_database_lost_while_recording(app, region_schema, ws, fake_slack, monkeypatch):
    eng = app.db.engine(region_schema)
    calls = {"n": 0}

    def away_once(point, _key):
        if point == "record":
            calls["n"] += 1
            if calls["n"] == 1:
                raise transient()

    monkeypatch.setattr(send, "fault_hook", away_once)
    assert Deliverer(eng, slack_of(fake_slack)).message("a", "test", "one", user="U1").status == "sent"
    assert status(app, region_schema, "a") == ("sent", "1") and len(dms(ws)) == 1

    def away(point, _key):
        if point == "record":
            raise transient()

    monkeypatch.setattr(send, "fault_hook", away)  # the database stays away: the send fails, the row says 'sending'
    with pytest.raises(OperationalError):
        Deliverer(eng, slack_of(fake_slack)).message("b", "test", "two", user="U2")
    assert status(app, region_schema, "b") == ("sending", "1") and len(dms(ws, "U2")) == 1
    monkeypatch.setattr(send, "fault_hook", None)
    d = Deliverer(eng, slack_of(fake_slack)).message("b", "test", "two", user="U2")
    assert d.status == "already" and d.settled and len(dms(ws, "U2")) == 1


def test_refusals_are_retried_up_to_a_cap(app, region_schema, ws, fake_slack):
    eng = app.db.engine(region_schema)
    for attempt, outcome in ((1, "failed"), (2, "gave_up"), (2, "gave_up")):
        assert Deliverer(eng, slack_of(fake_slack), max_attempts=2).message("x", "t", "hi", channel="CA").status == outcome
        assert status(app, region_schema, "x") == (outcome, str(attempt))
    assert fake_slack.calls["chat.postMessage"] == 2  # given up: not tried a third time
    d = Deliverer(eng, slack_of(fake_slack)).message("dm", "t", "hi", user="UNOBODY")  # the DM cannot be opened
    assert d.status == "failed" and "not found" in d.error


def test_long_keys_stay_unique():
    a, b = delivery_key("x" * 300, 1), delivery_key("x" * 300, 2)
    assert a != b and len(a) == len(b) == 191


# -- a subprocess killed at a point -----------------------------------------------------------------
CHILD = """
import json, os
from miner.core.db import Database
from miner.slack.client import Slack
from miner.slack.send import Deliverer
a = json.loads(os.environ["SEND_TEST"])
db = Database(a["db_url"], a["data_dir"], a["control"])
d = Deliverer(db.engine(a["schema"]), Slack(os.environ["SEND_TEST_TOKEN"], a["base_url"], window=a["window"]))
if a["what"] == "message":
    d.message("k1", "test", "hello", user="U1")
else:
    d.file("k1", "chart", b"\\x89PNG...", "a.png", "A chart", "the comment", channel="C1")
"""


def run_child(app, schema, fake_slack, point, what) -> subprocess.CompletedProcess:
    s = app.settings
    env = {**os.environ, "PAXMINER_FAULT": point, "SEND_TEST_TOKEN": TOKEN,
           "SEND_TEST": json.dumps({"db_url": s.db_url, "data_dir": s.data_dir, "control": app.db.control_schema,
                                    "schema": schema, "base_url": fake_slack.base_url, "what": what,
                                    "window": FAST_WINDOW})}
    return subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_fake_slack_returns_our_metadata_only_when_asked(ws, fake_slack):
    slack = slack_of(fake_slack)
    dm = slack.open_dm("U1")
    ts = slack.post_message(dm, "hi", key="k")
    assert slack.find_delivery(dm, "0", key="k") == ts and slack.find_delivery(dm, "0", key="other") is None
    plain = slack.call("conversations.history", channel=dm)["messages"][0]
    assert "metadata" not in plain
    with ws.lock:
        assert json.dumps(ws.posted[-1]["metadata"]) == json.dumps({"event_type": "paxminer_delivery",
                                                                    "event_payload": {"key": "k"}})


def test_no_delivery_row_without_schema(app, region_schema):
    with app.db.engine(region_schema).connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM deliveries")).scalar() == 0


def test_a_send_under_way_in_a_live_process_is_never_taken_over(app, region_schema, ws, fake_slack, monkeypatch):
    """Another live process (the listener, say) has the intent recorded and is sending: left alone."""
    import socket
    import time

    eng = app.db.engine(region_schema)
    monkeypatch.setattr(send, "fault_hook", die_at("sent"))
    with pytest.raises(Killed):
        Deliverer(eng, slack_of(fake_slack)).message("k", "test", "hello", user="U1")
    monkeypatch.setattr(send, "fault_hook", None)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with eng.begin() as conn:
            conn.execute(text("UPDATE deliveries SET owner = :o"), {"o": f"{socket.gethostname()}:{sleeper.pid}"})
        d = Deliverer(eng, slack_of(fake_slack)).message("k", "test", "hello", user="U1")
        assert d.status == "unknown" and "another process" in d.error
        with eng.begin() as conn:  # another host's send, just started: left alone too; 20 minutes old: taken up
            conn.execute(text("UPDATE deliveries SET owner = 'elsewhere:1', attempt_at = :t"), {"t": f"{time.time():.6f}"})
        assert Deliverer(eng, slack_of(fake_slack)).message("k", "test", "hello", user="U1").status == "unknown"
    finally:
        sleeper.kill()
        sleeper.wait()
    with eng.begin() as conn:
        conn.execute(text("UPDATE deliveries SET attempt_at = :t"), {"t": f"{time.time() - 1200:.6f}"})
    d = Deliverer(eng, slack_of(fake_slack)).message("k", "test", "hello", user="U1")
    assert d.status == "already" and d.settled and len(dms(ws)) == 1
