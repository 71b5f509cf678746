"""Feedback DMs: one per problem post version, recent posts only, never twice."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from miner.core import constants
from tests.helpers import feedback_region
from tests.test_mine import run

TOKEN = "xoxb-feedback-SECRET"
AO = "C0FB"
NOW = time.time()
# an explicit date, not "yesterday": two posts a few hours apart can fall on either side of midnight
DAY = (datetime.fromtimestamp(NOW, ZoneInfo(constants.DEFAULT_TIMEZONE)) - timedelta(days=1)).strftime("%m/%d/%Y")


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)


def ts_ago(hours: float, n: int = 1) -> str:
    return f"{int(NOW - hours * 3600)}.{n:06d}"


@pytest.fixture
def ws(app, fake_slack):
    return feedback_region(app, fake_slack, TOKEN, AO)


def mine(app):
    for step in ("channels", "users", "mine"):
        res = run(app, step, "--region", "fb")
        assert res.exit_code == 0, res.output
    return res


def dms(ws) -> list[dict]:
    return [p for p in ws.posted if p["channel"].startswith("D")]


def test_problem_post_gets_one_dm_and_fix_is_picked_up(app, ws):
    bad = ws.post(AO, text="*Backblast!*\nDATE: " + DAY + "\nPAX: <@U2> <@U3>\nCOUNT: 3", user="U1", ts=ts_ago(5))
    res = mine(app)
    assert "1 problems" in res.output
    sent = dms(ws)
    assert len(sent) == 1
    assert sent[0]["channel"] == ws.dms["U1"]
    assert "Q" in sent[0]["text"] and "http" in sent[0]["text"]  # says what is wrong and links the post
    mine(app)
    assert len(dms(ws)) == 1  # same version: never twice
    ws.edit(AO, bad, text="*Backblast!*\nDATE: " + DAY + "\nQ: <@U1>\nPAX: <@U2> <@U3>\nCOUNT: 3")
    mine(app)
    assert len(dms(ws)) == 1
    schema = "fb_" + app.db.control_schema[-8:]
    with app.db.engine(schema).connect() as conn:
        assert conn.execute(text("SELECT q_user_id, pax_count FROM beatdowns")).all() == [("U1", 3)]


def test_old_posts_and_duplicates(app, ws):
    ws.post(AO, text="*Backblast!*\nDATE: 1/5/2024\nPAX: <@U2>", user="U1", ts=ts_ago(24 * 30))  # old: no DM
    first = ws.post(AO, text="*Backblast!*\nDATE: " + DAY + "\nQ: <@U1>\nPAX: <@U2>", user="U1", ts=ts_ago(3, 1))
    ws.post(AO, text="*Backblast!*\nDATE: " + DAY + "\nQ: <@U1>\nPAX: <@U3>", user="U3", ts=ts_ago(2, 2))
    mine(app)
    sent = dms(ws)
    assert [d["channel"] for d in sent] == [ws.dms["U3"]]  # only the duplicate's poster, not the old post
    assert "duplicate" in sent[0]["text"]
    schema = "fb_" + app.db.control_schema[-8:]
    with app.db.engine(schema).connect() as conn:
        assert conn.execute(text("SELECT timestamp FROM beatdowns")).scalar() == first
        statuses = dict(conn.execute(text("SELECT status, COUNT(*) FROM parse_results GROUP BY status")).all())
    assert statuses == {"ok": 1, "duplicate": 1, "problem": 1}


def test_failed_dm_is_retried_next_run(app, ws, fake_slack):
    ws.post(AO, text="*Backblast!*\nDATE: " + DAY + "\nPAX: <@U2>", user="U2", ts=ts_ago(1))
    fake_slack.fail("chat.postMessage", status=500, times=50)
    mine(app)  # the run still succeeds
    assert dms(ws) == []
    fake_slack.clear_faults()
    mine(app)
    assert len(dms(ws)) == 1
