"""`paxminer listen`: the real slack-sdk Socket Mode client against the fake Slack's websocket, on
SQLite and MariaDB. Every change made through the fake's admin API is pushed as the event Slack
would send; assertions read the rows the miner and the listers write."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timezone

import pytest

from miner.archive import coverage
from miner.core import constants
from miner.listen import run as listen_run
from miner.listen.run import Listener
from tests.helpers import rows
from tests.helpers import run_cli as run

TOKEN = "xoxb-5151-LISTEN-abcdef"
APP_TOKEN = "xapp-1-A0PAXMINER-1-fakeapptoken"
FORGE, GEN, CHAT = "C0FORGE", "C0GEN", "C0CHAT"
PAX = [f"U{n:03d}" for n in range(1, 9)]


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(listen_run, "HEARTBEAT", 0.5)
    monkeypatch.setattr(listen_run, "PING_INTERVAL", 0.5)


def today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def backblast(q: str, pax: list[str], ao=FORGE, day: str | None = None) -> str:
    return (f"*Backblast! Merkins*\nDATE: {day or today()}\nAO: <#{ao}|ao-the-forge>\nQ: <@{q}>\n"
            f"PAX: {' '.join(f'<@{p}>' for p in pax)}\nFNGs: None\nCOUNT: {len(set([q] + pax))}\nCOT: done")


class Live:
    """A registered region on the fake Slack, and a listener running in a thread."""

    def __init__(self, app, fs):
        self.app, self.fs = app, fs
        app.settings.slack_api_url = fs.base_url
        app.settings.app_token = APP_TOKEN
        self.hub = fs.socket_mode(APP_TOKEN)
        ws = self.ws = fs.add_workspace(token=TOKEN, team="T0LIVE")
        ws.realtime = True
        for i, uid in enumerate(PAX):
            ws.add_user(uid, f"pax{i}", real_name=f"Real Name {i}", display_name=f"Nick{i}")
        ws.add_channel(FORGE, "ao-the-forge")
        ws.add_channel(GEN, "general")
        ws.add_channel(CHAT, "random")
        self.schema = "f3live_" + app.db.control_schema[-8:]
        for step in (["region", "add", "f3live", "--schema", self.schema, "--token", TOKEN],
                     ["channels", "--region", "f3live"], ["users", "--region", "f3live"]):
            res = run(app, *step)
            assert res.exit_code == 0, res.output
        self.listener = None
        self.thread = None
        self.error = None

    def start(self, **kw) -> Listener:
        self.listener = Listener(self.app, APP_TOKEN, **kw)
        n = self.hub.counts["hello"]

        def go():
            try:
                self.listener.run(connect_timeout=10)
            except BaseException as exc:  # noqa: BLE001 - the test reads it
                self.error = exc

        self.thread = threading.Thread(target=go, daemon=True)
        self.thread.start()
        wait_for(lambda: self.hub.counts["hello"] > n, what="hello")
        wait_for(lambda: self.hub.connected >= 1, what="a connection")
        return self.listener

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.thread.join(30)
            assert not self.thread.is_alive()
            assert self.error is None, self.error
            self.listener = None

    def q(self, sql, **params):
        return rows(self.app, self.schema, sql, **params)

    def beatdowns(self):
        return self.q("SELECT timestamp, ao_id, q_user_id, pax_count FROM beatdowns ORDER BY timestamp")


def wait_for(cond, timeout: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        got = cond()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def live(app, fake_slack):
    lv = Live(app, fake_slack)
    yield lv
    lv.stop()


def test_a_post_becomes_a_beatdown_within_two_seconds(live):
    live.start()
    t0 = time.monotonic()
    ts = live.ws.post(FORGE, text=backblast(PAX[0], PAX[1:4]), user=PAX[0])
    wait_for(lambda: live.beatdowns(), timeout=2.0, what="the beatdown")
    took = time.monotonic() - t0
    assert took < 2.0
    assert live.beatdowns() == [(ts, FORGE, PAX[0], "4")]
    att = live.q("SELECT user_id FROM bd_attendance WHERE timestamp = :ts ORDER BY user_id", ts=ts)
    assert [a[0] for a in att] == PAX[0:4]
    # the archive row is what a mine stores: same key, not dirty, parsed
    assert live.q("SELECT deleted, dirty, source FROM messages WHERE channel_id = :c AND ts = :ts", c=FORGE, ts=ts) == [("0", "0", "api")]
    # chatter in a channel the miner does not archive is not archived
    live.ws.post(CHAT, text="anyone up for coffee", user=PAX[2])
    live.ws.post(GEN, text="Coffeteria at 7", user=PAX[1])
    wait_for(lambda: live.q("SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=GEN) == [("1",)], what="general")
    assert live.q("SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=CHAT) == [("0",)]
    # every envelope was acknowledged, fast
    for eid in list(live.hub.sent):
        assert live.hub.wait_acked(eid) < 3.0


def test_edit_delete_reaction_and_thread_reply(live):
    live.start()
    ws = live.ws
    ts = ws.post(FORGE, text=backblast(PAX[0], PAX[1:3]), user=PAX[0])
    wait_for(lambda: live.beatdowns(), what="beatdown")
    ws.edit(FORGE, ts, text=backblast(PAX[0], PAX[1:6]))
    wait_for(lambda: live.beatdowns() == [(ts, FORGE, PAX[0], "6")], what="the edit")
    assert live.q("SELECT edited_ts IS NOT NULL, dirty FROM messages WHERE ts = :ts", ts=ts) == [("1", "0")]
    ws.react(FORGE, ts, "fire", [PAX[4], PAX[5]])
    ws.react(FORGE, ts, "muscle", [PAX[6]])
    wait_for(lambda: live.q("SELECT reaction_count FROM messages WHERE ts = :ts", ts=ts) == [("3",)], what="reactions")
    ws.unreact(FORGE, ts, "fire", PAX[4])
    wait_for(lambda: live.q("SELECT reaction_count FROM messages WHERE ts = :ts", ts=ts) == [("2",)], what="unreact")
    stored = json.loads(live.q("SELECT reactions FROM messages WHERE ts = :ts", ts=ts)[0][0])
    assert {r["name"]: r["users"] for r in stored} == {"fire": [PAX[5]], "muscle": [PAX[6]]}
    # a backblast posted as a thread reply under a preblast, and a broadcast reply
    parent = ws.post(FORGE, text="Preblast: Forge tomorrow, bring a coupon", user=PAX[3])
    reply = ws.reply(FORGE, parent, text=backblast(PAX[3], PAX[4:6], day="2026-01-05"), user=PAX[3])
    bcast = ws.reply(FORGE, parent, text="great one", user=PAX[5], broadcast=True)
    wait_for(lambda: len(live.beatdowns()) == 2, what="the reply's beatdown")
    assert live.q("SELECT thread_ts FROM messages WHERE ts IN (:a, :b) ORDER BY ts", a=reply, b=bcast) == [(parent,), (parent,)]
    # deleting the first backblast takes its beatdown and attendance away
    ws.delete(FORGE, ts)
    wait_for(lambda: [b[0] for b in live.beatdowns()] == [reply], what="the deletion")
    assert live.q("SELECT deleted FROM messages WHERE ts = :ts", ts=ts) == [("1",)]
    assert live.q("SELECT COUNT(*) FROM bd_attendance WHERE timestamp = :ts", ts=ts) == [("0",)]
    assert live.q("SELECT status FROM parse_results WHERE ts = :ts", ts=ts) == [("deleted",)]


def test_a_redelivered_envelope_changes_nothing(live):
    live.start()
    ws = live.ws
    ts = ws.post(FORGE, text=backblast(PAX[0], PAX[1:3]), user=PAX[0])
    ws.react(FORGE, ts, "fire", [PAX[1]])
    wait_for(lambda: live.q("SELECT reaction_count FROM messages WHERE ts = :ts", ts=ts) == [("1",)], what="reaction")
    ws.unreact(FORGE, ts, "fire", PAX[1])
    wait_for(lambda: live.q("SELECT reaction_count FROM messages WHERE ts = :ts", ts=ts) == [("0",)], what="unreact")
    before = live.q("SELECT * FROM messages"), live.beatdowns(), live.q("SELECT * FROM bd_attendance")
    applied = live.listener.counts["applied"]
    for eid in list(live.hub.sent):  # every envelope again: the post, the reaction added (then removed)
        live.hub.redeliver(eid)
    wait_for(lambda: live.listener.counts["skipped"] >= 3, what="the repeats")
    assert live.listener.counts["applied"] == applied
    assert (live.q("SELECT * FROM messages"), live.beatdowns(), live.q("SELECT * FROM bd_attendance")) == before


def test_directory_events_land_in_aos_and_users(live):
    live.start()
    ws = live.ws
    ws.add_user("U0NEW", "newguy", real_name="New Guy", display_name="Sparky")
    ws.add_channel("C0NEWAO", "ao-new-site", bot_is_member=False)
    wait_for(lambda: live.q("SELECT is_member FROM aos WHERE channel_id = 'C0NEWAO'") == [("1",)], what="joined")
    assert live.q("SELECT ao, backblast, kind FROM aos WHERE channel_id = 'C0NEWAO'") == [("ao-new-site", "1", "ao")]
    wait_for(lambda: live.q("SELECT user_name FROM users WHERE user_id = 'U0NEW'") == [("Sparky",)], what="team_join")
    ws.add_user("U0NEW", "newguy", real_name="New Guy", display_name="Sparky Jr")
    ws.rename_channel(CHAT, "ao-chat-turned-ao")
    ws.archive_channel(GEN)
    wait_for(lambda: live.q("SELECT user_name FROM users WHERE user_id = 'U0NEW'") == [("Sparky Jr",)], what="user_change")
    wait_for(lambda: live.q("SELECT archived FROM aos WHERE channel_id = :c", c=GEN) == [("1",)], what="archive")
    assert live.q("SELECT ao, backblast FROM aos WHERE channel_id = :c", c=CHAT) == [("ao-chat-turned-ao", "1")]
    # the new user is known to the parser at once: a backblast naming them in the new AO
    ts = ws.post("C0NEWAO", text=backblast(PAX[0], ["U0NEW"], ao="C0NEWAO"), user=PAX[0])
    wait_for(lambda: live.q("SELECT user_id FROM bd_attendance WHERE timestamp = :ts ORDER BY user_id", ts=ts)
             == [(PAX[0],), ("U0NEW",)], what="the new AO's beatdown")


def test_unknown_team_is_counted_and_dropped(live):
    live.start()
    live.hub.push("T0STRANGER", {"type": "message", "channel": FORGE, "user": PAX[0], "text": "hi", "ts": "1.000100"})
    wait_for(lambda: live.listener.counts["unknown_team"] == 1, what="the count")
    assert live.q("SELECT COUNT(*) FROM messages") == [("0",)]


def test_feedback_dm_goes_out_at_once(live):
    live.start()
    ts = live.ws.post(FORGE, text=f"*Backblast! Merkins*\nDATE: {today()}\nAO: <#{FORGE}|ao-the-forge>\n"
                      f"PAX: <@{PAX[1]}> <@{PAX[2]}>\nCOUNT: 2", user=PAX[0])
    wait_for(lambda: any(p["channel"].startswith("D") for p in live.ws.posted), timeout=3, what="the DM")
    dm = [p for p in live.ws.posted if p["channel"].startswith("D")]
    assert len(dm) == 1 and dm[0]["channel"] == "D" + PAX[0][1:]
    assert live.q("SELECT status FROM parse_results WHERE ts = :ts", ts=ts) == [("problem",)]


def test_refresh_and_dropped_connection_reconnect_and_lose_nothing(live):
    live.start()
    ws = live.ws
    live.hub.refresh()
    wait_for(lambda: live.hub.counts["hello"] >= 2 and live.hub.connected >= 1, what="the new connection")
    ts1 = ws.post(FORGE, text=backblast(PAX[0], PAX[1:3]), user=PAX[0])
    wait_for(lambda: len(live.beatdowns()) == 1, what="a beatdown after the refresh")
    live.hub.cut()
    wait_for(lambda: live.hub.counts["hello"] >= 3 and live.hub.connected >= 1, timeout=30, what="a reconnect")
    ts2 = ws.post(FORGE, text=backblast(PAX[4], PAX[5:7], day="2026-01-06"), user=PAX[4])
    wait_for(lambda: len(live.beatdowns()) == 2, what="a beatdown after the reconnect")
    assert [b[0] for b in live.beatdowns()] == sorted([ts1, ts2])


def test_sigterm_drains_and_the_spool_is_private(live, tmp_path):
    import os
    import stat

    lst = live.start()
    ws = live.ws
    for i in range(20):
        ws.post(GEN, text=f"message {i}", user=PAX[i % 5])
    wait_for(lambda: live.hub.counts["acks"] >= 20, what="acks")
    live.stop()
    assert live.q("SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=GEN) == [("20",)]
    mode = stat.S_IMODE(os.stat(lst.spool.path).st_mode)
    assert mode == 0o600 and os.path.getsize(lst.spool.path) == 0
    assert stat.S_IMODE(os.stat(lst.spool.folder).st_mode) == 0o700
    # the connected period is recorded for the region
    spans = coverage.periods(live.app.db, "f3live")
    assert len(spans) == 1 and spans[0][1] >= spans[0][0]
