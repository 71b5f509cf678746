"""`paxminer listen`: the real slack-sdk Socket Mode client against the fake Slack's websocket, on
SQLite and MariaDB. Every change made through the fake's admin API is pushed as the event Slack
would send; assertions read the rows the miner and the listers write."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from datetime import datetime, timezone

import pytest

from miner.app import App
from miner.archive import coverage
from miner.core import constants
from miner.listen import run as listen_run
from miner.listen.run import Listener
from tests.conftest import MARIADB_ONLY
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
    monkeypatch.setattr(listen_run, "PING_INTERVAL", 2.0)


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

    def start(self, app=None, **kw) -> Listener:
        self.listener = Listener(app or self.app, APP_TOKEN, **kw)
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
    # the broadcast is its own event and may land after the reply's beatdown
    def threaded():
        return live.q("SELECT thread_ts FROM messages WHERE ts IN (:a, :b) ORDER BY ts", a=reply, b=bcast)

    wait_for(lambda: len(threaded()) == 2, what="the broadcast reply")
    assert threaded() == [(parent,), (parent,)]
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
    # a recorded post naming someone who matches no user: its Q is told at once too
    live.ws.post(FORGE, text=f"*Backblast! Burpees*\nDATE: {today()}\nQ: <@{PAX[3]}>\nPAX: <@{PAX[1]}>, Stallone",
                 user=PAX[3])
    wait_for(lambda: len([p for p in live.ws.posted if p["channel"].startswith("D")]) == 2, timeout=3, what="the 2nd DM")
    dm = [p for p in live.ws.posted if p["channel"] == "D" + PAX[3][1:]]
    assert len(dm) == 1 and "Stallone" in dm[0]["text"]


def test_an_alias_added_while_listening_applies_to_the_next_post(live):
    live.start()
    ts1 = live.ws.post(FORGE, text=f"*Backblast! Hills*\nDATE: {today()}\nQ: <@{PAX[0]}>\nPAX: Bucky", user=PAX[0])
    wait_for(lambda: live.beatdowns(), what="the first beatdown")
    assert run(live.app, "alias", "add", "--region", "f3live", "Bucky", PAX[1]).exit_code == 0
    ts2 = live.ws.post(FORGE, text=f"*Backblast! Hills*\nDATE: {today()}\nQ: <@{PAX[2]}>\nPAX: Bucky", user=PAX[2])
    wait_for(lambda: len(live.beatdowns()) == 2, what="the second beatdown")
    att = {ts: [a[0] for a in live.q("SELECT user_id FROM bd_attendance WHERE timestamp = :ts ORDER BY user_id", ts=ts)]
           for ts in (ts1, ts2)}
    assert att == {ts1: [PAX[0]], ts2: sorted([PAX[1], PAX[2]])}  # the first waits for the next mine or reparse


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


def history_windows(ws) -> list[tuple[str, float, float | None]]:
    return [(p["channel"], float(p["oldest"]), float(p["latest"]) if p.get("latest") else None)
            for m, p in ws.requests if m == "conversations.history"]


def test_mine_reads_only_the_gap_and_a_quiet_night_reads_nothing(live, monkeypatch):
    monkeypatch.setattr(coverage, "EDGE_SECONDS", 0.5)
    monkeypatch.setattr(coverage, "LIVE_SECONDS", 3.0)
    ws = live.ws
    old = ws.post(FORGE, text=backblast(PAX[0], PAX[1:3], day="2026-01-02"), user=PAX[0], ts=f"{time.time() - 3600:.6f}")
    res = run(live.app, "mine", "--region", "f3live")
    assert res.exit_code == 0, res.output  # no listener yet: the whole window
    assert coverage.last_full_pass(live.app.db, "f3live") is not None
    time.sleep(1.2)
    live.start()
    a = ws.post(FORGE, text=backblast(PAX[1], PAX[2:4], day="2026-01-03"), user=PAX[1])
    wait_for(lambda: len(live.beatdowns()) == 2, what="the live beatdown")
    live.stop()
    time.sleep(4)  # the listener is down: what happens now is never delivered
    b = ws.post(FORGE, text=backblast(PAX[2], PAX[3:6], day="2026-01-04"), user=PAX[2])
    c = ws.post(GEN, text="Coffeteria at 7", user=PAX[3])
    ws.react(FORGE, old, "fire", [PAX[5]])  # outside the gap: left for the weekly full pass
    time.sleep(1.2)
    live.start()
    d = ws.post(FORGE, text=backblast(PAX[3], PAX[4:6], day="2026-01-05"), user=PAX[3])
    wait_for(lambda: len(live.beatdowns()) == 3, what="the live beatdown after the restart")
    assert b not in {r[0] for r in live.beatdowns()}
    time.sleep(3.5)  # the first mine's pass start is on whole seconds: stay clear of it
    ws.requests.clear()
    res = run(live.app, "mine", "--region", "f3live")
    assert res.exit_code == 0, res.output
    spans = coverage.periods(live.app.db, "f3live")
    assert len(spans) == 2
    (s1, e1), (s2, _e2) = spans
    got = history_windows(ws)
    # per mined channel (the AO, and general, the region channel): the time before the listener
    # first started, and the time it was down; each edge 0.5 s inside the connected periods
    for ch in (FORGE, GEN):
        mine = sorted((oldest, latest) for c_, oldest, latest in got if c_ == ch)
        assert len(mine) == 2, got
        assert mine[0][1] == pytest.approx(s1 + 0.5, abs=1e-3)
        assert mine[1] == (pytest.approx(e1 - 0.5, abs=1e-3), pytest.approx(s2 + 0.5, abs=1e-3))
    assert {r[0] for r in live.beatdowns()} == {old, a, b, d}
    assert live.q("SELECT COUNT(*) FROM messages WHERE ts = :c", c=c) == [("1",)]
    assert live.q("SELECT reaction_count FROM messages WHERE ts = :t", t=old) == [("0",)]
    # a quiet night with the listener up: not one history call
    time.sleep(1.2)
    ws.requests.clear()
    res = run(live.app, "mine", "--region", "f3live")
    assert res.exit_code == 0, res.output
    assert history_windows(ws) == []
    assert [m for m, _ in ws.requests if m in ("conversations.history", "conversations.replies")] == []
    # the weekly full pass reads the whole window and catches what no event said
    live.app.settings.full_pass_days = 0
    res = run(live.app, "mine", "--region", "f3live", env={"PAXMINER_FULL_PASS_DAYS": "0"})
    assert res.exit_code == 0, res.output
    assert live.q("SELECT reaction_count FROM messages WHERE ts = :t", t=old) == [("1",)]


def test_coverage_spans_and_gaps():
    now = 10_000.0
    spans = coverage.covered([(100, 200), (195, 400), (1000, 9_990)], now=now, edge=10, live=30)
    assert spans == [(110, 390), (1010, float("inf"))]
    assert coverage.gaps(0, now, spans) == [(0, 110), (390, 1010)]
    assert coverage.gaps(500, now, spans) == [(500, 1010)]
    assert coverage.gaps(2000, now, spans) == []
    # a period whose heartbeat stopped long ago is closed at its last heartbeat
    assert coverage.covered([(100, 5000)], now=now, edge=10, live=30) == [(110, 4990)]


@MARIADB_ONLY  # the database server is taken away through a TCP proxy
def test_database_away_for_ten_seconds_loses_nothing(live, backend):
    from sqlalchemy.engine import make_url

    from tests.tcpproxy import PausableProxy

    url = make_url(live.app.settings.db_url)
    proxy = PausableProxy((url.host or "127.0.0.1", url.port or 3306))
    port = proxy.start()
    papp = App(dataclasses.replace(live.app.settings, db_url=url.set(host="127.0.0.1", port=port)
                                   .render_as_string(hide_password=False)))
    try:
        lst = live.start(app=papp)
        ws = live.ws
        first = ws.post(FORGE, text=backblast(PAX[0], PAX[1:3], day="2026-02-01"), user=PAX[0])
        wait_for(lambda: len(live.beatdowns()) == 1, what="the first beatdown")
        proxy.pause()
        away = time.monotonic()
        sent_before = set(live.hub.sent)
        posted = [ws.post(FORGE, text=backblast(PAX[i], PAX[4:7], day=f"2026-02-0{i + 2}"), user=PAX[i]) for i in range(1, 4)]
        ws.edit(FORGE, posted[0], text=backblast(PAX[1], PAX[2:8], day="2026-02-03"))  # after its post, in order
        ws.delete(FORGE, posted[2])
        ws.react(FORGE, first, "fire", [PAX[5], PAX[6]])
        chatter = [ws.post(GEN, text=f"while the database is away {i}", user=PAX[i]) for i in range(5)]
        wait_for(lambda: len(set(live.hub.sent) - sent_before) >= 12, what="the envelopes")
        for eid in set(live.hub.sent) - sent_before:  # acknowledged at once, database or not
            assert live.hub.wait_acked(eid) < 3.0
        time.sleep(2)
        assert len(lst.spool) >= 12 and lst.counts["db_waits"] >= 1
        assert live.q("SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=GEN) == [("0",)]
        time.sleep(max(0.0, 10 - (time.monotonic() - away)))
        proxy.resume()
        wait_for(lambda: len(lst.spool) == 0, timeout=40, what="the spool to drain")
        got = {r[0]: r for r in live.beatdowns()}
        assert set(got) == {first, posted[0], posted[1]}
        assert got[posted[0]][3] == "7"  # the edit, applied after its post
        assert live.q("SELECT deleted FROM messages WHERE ts = :t", t=posted[2]) == [("1",)]
        assert live.q("SELECT reaction_count FROM messages WHERE ts = :t", t=first) == [("2",)]
        assert live.q("SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=GEN) == [(str(len(chatter)),)]
    finally:
        live.stop()
        papp.db.dispose()
        proxy.stop()


def test_the_command_exits_cleanly_on_sigterm_and_never_shows_the_app_token(live, backend):
    import os
    import signal
    import subprocess
    import sys

    s = live.app.settings
    env = {**os.environ, "PAXMINER_DATA_DIR": s.data_dir, "PAXMINER_CONTROL_SCHEMA": s.control_schema,
           "SLACK_API_URL": s.slack_api_url, "SLACK_APP_TOKEN": APP_TOKEN, "PAXMINER_DB_URL": s.db_url or "",
           "PAXMINER_RATE_WINDOW_S": str(s.rate_window_s)}
    env.pop("PAXMINER_CONFIG", None)
    proc = subprocess.Popen([sys.executable, "-m", "miner", "-v", "listen"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: live.hub.connected >= 1, timeout=20, what="the command's connection")
        assert APP_TOKEN not in " ".join(proc.args)
        ts = live.ws.post(FORGE, text=backblast(PAX[0], PAX[1:3]), user=PAX[0])
        wait_for(lambda: live.beatdowns(), what="the beatdown")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "1 events applied" in out or "events applied" in out, out
    assert APP_TOKEN not in out + err and "fakeapptoken" not in out + err
    assert live.beatdowns()[0][0] == ts


def test_a_slackblast_bot_post_with_blocks_and_metadata(live):
    live.start()
    day = today()
    post = (f"*Backblast! Ruck*\n*DATE*: {day}\n*AO*: <#{FORGE}>\n*Q*: <@{PAX[2]}>\n"
            f"*PAX*: <@{PAX[3]}> <@{PAX[4]}>\n*FNGs*: None\n*COUNT*: 3")
    payload = {"title": "Ruck", "date": day, "The_AO": FORGE, "the_q": PAX[2], "the_coq": None,
               "the_pax": [PAX[3], PAX[4]], "non_slack_pax": None, "fngs": None, "count": "3",
               "destination": "The_AO", "original_poster": PAX[2]}
    ts = live.ws.post(FORGE, text="moleskine\n\nUse the 'New Backblast' button to create a new backblast",
                      bot_id="B0SLACKBLAST", subtype="bot_message", username="Nick2 (via Slackblast)",
                      blocks=[{"type": "section", "block_id": "msg_text", "text": {"type": "mrkdwn", "text": post}}],
                      metadata={"event_type": "backblast", "event_payload": payload})
    wait_for(lambda: live.beatdowns(), what="the slackblast beatdown")
    assert live.beatdowns() == [(ts, FORGE, PAX[2], "3")]
    stored = live.q("SELECT bot_id, subtype, blocks IS NOT NULL, metadata IS NOT NULL FROM messages WHERE ts = :t", t=ts)
    assert stored == [("B0SLACKBLAST", "bot_message", "1", "1")]
