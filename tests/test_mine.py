"""The mining pipeline end to end: real slack-sdk -> fake Slack on loopback -> SQLite / MariaDB.

Every region here is built with a known ground truth; assertions compare database rows to it.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import text

from miner.archive import store as archive
from miner.core import constants
from tests.helpers import attendance_by_beatdown as beatdown_truth
from tests.helpers import rows
from tests.helpers import run_cli as run

TOKEN = "xoxb-4242-TOPSECRET-abcdef"
BASE = 1740042000  # 2025-02-20 09:00 UTC
DAYS = 20
FORGE, GAUNT, YARD, GEN = "C0FORGE", "C0GAUNT", "C0YARD", "C0GEN"
PAX = [f"U{n:03d}" for n in range(1, 13)]


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(constants, "RETRY_MAX", 8)


def ts_of(day: int, minute: int = 0) -> str:
    return f"{BASE + day * 86400 + minute * 60}.000100"


def day_of(day: int) -> str:
    return datetime.fromtimestamp(BASE + day * 86400, timezone.utc).date().isoformat()


def backblast(ao: str, ao_name: str, day: int, q: str, pax: list[str], title="Merkins and Mosey") -> str:
    return (f"*Backblast! {title}*\nDATE: {day_of(day)}\nAO: <#{ao}|{ao_name}>\nQ: <@{q}>\n"
            f"PAX: {' '.join(f'<@{p}>' for p in pax)}\nFNGs: None\nCOUNT: {len(set([q] + pax))}\n"
            "The Thang: 10 rounds of merkins &amp; squats\nCOT: prayers for the injured")


class Region:
    """A fake workspace plus the beatdowns it should produce."""

    def __init__(self, fs, token=TOKEN, page_cap=15):
        self.ws = fs.add_workspace(token=token, page_cap=page_cap)
        self.truth: dict[tuple, set] = {}
        ws = self.ws
        for i, uid in enumerate(PAX):
            ws.add_user(uid, f"pax{i}", real_name=f"Real Name {i}", display_name=f"Nick{i}")
        ws.add_user("UBOT", "slackblast", is_bot=True)
        ws.add_channel(FORGE, "ao-the-forge")
        ws.add_channel(GAUNT, "ao-gauntlet")
        ws.add_channel(YARD, "ao-the-yard", bot_is_member=False)
        ws.add_channel(GEN, "general")
        for d in range(DAYS):
            q = PAX[d % 4]
            pax = [p for p in PAX[4:10] if (d + int(p[1:])) % 3]
            self.post_backblast(FORGE, "ao-the-forge", d, q, pax)
            ws.post(FORGE, text=f"Great work today men, day {d}", user=PAX[5], ts=ts_of(d, 30))
            if d % 2 == 0:
                self.post_backblast(YARD, "ao-the-yard", d, PAX[8], PAX[0:3])
            ws.post(GEN, text="Coffeteria at 7", user=PAX[1], ts=ts_of(d, 45))
        # a backblast posted as a thread reply under a preblast
        parent = ws.post(GAUNT, text="Preblast: Gauntlet tomorrow 0530, bring a coupon", user=PAX[2], ts=ts_of(DAYS - 3))
        self.thread_parent = parent
        self.reply_bb = ws.reply(GAUNT, parent, text=backblast(GAUNT, "ao-gauntlet", DAYS - 2, PAX[2], PAX[3:6]),
                                 user=PAX[2], ts=ts_of(DAYS - 2))
        self.truth[(GAUNT, day_of(DAYS - 2), PAX[2])] = {PAX[2], *PAX[3:6]}

    def post_backblast(self, ao, name, d, q, pax, minute=0):
        ts = self.ws.post(ao, text=backblast(ao, name, d, q, pax), user=q, ts=ts_of(d, minute))
        self.truth[(ao, day_of(d), q)] = {q, *pax}
        return ts


@pytest.fixture
def region(app, fake_slack):
    app.settings.slack_api_url = fake_slack.start() if not getattr(fake_slack, "base_url", None) else fake_slack.base_url
    r = Region(fake_slack)
    res = run(app, "region", "add", "f3test", "--schema", "f3test_" + app.db.control_schema[-8:], "--token", TOKEN)
    assert res.exit_code == 0, res.output
    r.schema = "f3test_" + app.db.control_schema[-8:]
    return r


def dump(app, schema) -> dict:
    return {
        "beatdowns": sorted(rows(app, schema, "SELECT timestamp, ts_edited, ao_id, bd_date, q_user_id, coq_user_id, pax_count, fngs, fng_count, backblast FROM beatdowns")),
        "bd_attendance": sorted(rows(app, schema, "SELECT timestamp, user_id, ao_id, date, q_user_id FROM bd_attendance")),
        "messages": sorted(rows(app, schema, "SELECT channel_id, ts, thread_ts, user_id, text, edited_ts, reply_count, latest_reply, deleted, dirty, content_hash FROM messages")),
        "parse_results": sorted(rows(app, schema, "SELECT channel_id, ts, status, problem, ao_id, bd_date, q_user_id FROM parse_results")),
        "aos": sorted(rows(app, schema, "SELECT channel_id, ao, archived, backblast, is_member FROM aos")),
        "users": sorted(rows(app, schema, "SELECT user_id, user_name, real_name, app, deleted FROM users")),
    }


def full_run(app, since=None):
    for step in (["channels"], ["users"], ["mine"] + (["--since", since] if since else [])):
        res = run(app, *step, "--region", "f3test")
        assert res.exit_code == 0, res.output
    return res


def test_first_full_mine_matches_ground_truth(app, region, fake_slack):
    res = full_run(app)
    assert "0 problems" in res.output
    assert beatdown_truth(app, region.schema) == region.truth
    # the bot joined the backblast channel it was not in; general is not a backblast channel
    aos = {r[0]: r for r in rows(app, region.schema, "SELECT channel_id, backblast, is_member FROM aos")}
    assert aos[YARD] == (YARD, "1", "1") and aos[GEN][1] == "0"
    assert fake_slack.calls["conversations.join"] == 1
    # page cap of 15: every page was followed (20 backblasts + 20 chatter in the forge)
    n = rows(app, region.schema, f"SELECT COUNT(*) FROM messages WHERE channel_id = '{FORGE}'")[0][0]
    assert n == str(2 * DAYS)
    # the view other F3 tools query
    got = rows(app, region.schema, "SELECT Date, AO, PAX, Q FROM attendance_view WHERE AO = 'ao-gauntlet' ORDER BY PAX")
    assert [g[2] for g in got] == sorted(["Nick2", "Nick3", "Nick4", "Nick5"])
    assert rows(app, region.schema, "SELECT COUNT(*) FROM beatdown_info")[0][0] == str(len(region.truth))


def test_second_run_changes_nothing_with_minimum_calls(app, region, fake_slack):
    full_run(app)
    before = dump(app, region.schema)
    fake_slack.calls.clear()
    res = run(app, "mine", "--region", "f3test")
    assert res.exit_code == 0, res.output
    assert dump(app, region.schema) == before
    # one history call per mined channel (3 backblast + general, the region channel), no thread re-reads
    assert fake_slack.calls["conversations.history"] == 4
    assert fake_slack.calls["conversations.replies"] == 0
    assert sum(fake_slack.calls.values()) == 4
    assert "0 new, 0 changed, 0 deleted" in res.output


def test_edit_delete_and_late_reply_are_reconciled(app, region, fake_slack):
    full_run(app)
    ws = region.ws
    d_edit, d_del = DAYS - 1, DAYS - 2
    q_edit, q_del = PAX[d_edit % 4], PAX[d_del % 4]
    ws.edit(FORGE, ts_of(d_edit), text=backblast(FORGE, "ao-the-forge", d_edit, q_edit, [PAX[10], PAX[11]]))
    region.truth[(FORGE, day_of(d_edit), q_edit)] = {q_edit, PAX[10], PAX[11]}
    ws.delete(FORGE, ts_of(d_del))
    del region.truth[(FORGE, day_of(d_del), q_del)]
    late = ws.reply(FORGE, ts_of(DAYS - 4, 30), text=backblast(FORGE, "ao-the-forge", DAYS - 4, PAX[11], [PAX[9]]),
                    user=PAX[11], ts=ts_of(DAYS, 5))
    region.truth[(FORGE, day_of(DAYS - 4), PAX[11])] = {PAX[11], PAX[9]}
    res = run(app, "mine", "--region", "f3test")
    assert res.exit_code == 0, res.output
    assert beatdown_truth(app, region.schema) == region.truth
    bd = rows(app, region.schema, f"SELECT ts_edited FROM beatdowns WHERE timestamp = '{ts_of(d_edit)}'")
    assert bd[0][0] is not None
    assert rows(app, region.schema, f"SELECT deleted FROM messages WHERE channel_id = '{FORGE}' AND ts = '{ts_of(d_del)}'") == [("1",)]
    assert rows(app, region.schema, f"SELECT thread_ts FROM messages WHERE ts = '{late}'") == [(ts_of(DAYS - 4, 30),)]
    # the deleted reply goes too, and the thread is re-read only when it changed
    ws.delete(FORGE, late)
    del region.truth[(FORGE, day_of(DAYS - 4), PAX[11])]
    fake_slack.calls.clear()
    assert run(app, "mine", "--region", "f3test").exit_code == 0
    assert fake_slack.calls["conversations.replies"] == 1
    assert beatdown_truth(app, region.schema) == region.truth


def test_since_rereads_and_reconciles_old_edits(app, region, fake_slack):
    full_run(app)
    ws = region.ws
    q = PAX[1 % 4]
    ws.edit(FORGE, ts_of(1), text=backblast(FORGE, "ao-the-forge", 1, q, [PAX[11]]))
    ws.delete(FORGE, ts_of(2))
    assert run(app, "mine", "--region", "f3test").exit_code == 0  # outside the 7-day window: not seen
    assert beatdown_truth(app, region.schema) == region.truth
    full_run(app, since=day_of(0))
    region.truth[(FORGE, day_of(1), q)] = {q, PAX[11]}
    del region.truth[(FORGE, day_of(2), PAX[2])]
    assert beatdown_truth(app, region.schema) == region.truth


def test_injected_429s_and_500s_give_the_same_database(app, region, fake_slack, tmp_path):
    full_run(app)
    clean = dump(app, region.schema)
    app.db.drop_schema(region.schema)
    run(app, "region", "add", "f3test", "--schema", region.schema, "--token", TOKEN)
    fake_slack.rate_limit("conversations.history", times=2, retry_after=1)
    fake_slack.fail("conversations.history", status=500, times=2)
    fake_slack.fail("users.list", status=503, times=1)
    fake_slack.fail("conversations.replies", status=502, times=1)
    fake_slack.rate_limit("conversations.list", times=1, retry_after=1)
    full_run(app)
    assert dump(app, region.schema) == clean
    assert fake_slack.violations == 0  # Retry-After was honoured


def test_run_killed_mid_channel_resumes_to_the_same_database(app, region, fake_slack, monkeypatch):
    full_run(app)
    clean = dump(app, region.schema)
    app.db.drop_schema(region.schema)
    run(app, "region", "add", "f3test", "--schema", region.schema, "--token", TOKEN)
    assert run(app, "channels", "--region", "f3test").exit_code == 0
    assert run(app, "users", "--region", "f3test").exit_code == 0
    real = archive.save_messages
    calls = {"n": 0}

    def dying(*a, **kw):
        calls["n"] += 1
        if calls["n"] == 4:  # gauntlet page, gauntlet thread, forge page 1, then killed on forge page 2
            raise KeyboardInterrupt("killed")
        return real(*a, **kw)

    monkeypatch.setattr(archive, "save_messages", dying)
    killed = run(app, "mine", "--region", "f3test")  # click turns the interrupt into an abort
    assert killed.exit_code != 0 and calls["n"] == 4
    monkeypatch.setattr(archive, "save_messages", real)
    state = rows(app, region.schema, "SELECT pass_cursor FROM channel_state WHERE pass_id IS NOT NULL")
    assert state and state[0][0]  # a saved cursor to resume from
    fake_slack.calls.clear()
    assert run(app, "mine", "--region", "f3test").exit_code == 0
    assert dump(app, region.schema) == clean
    assert beatdown_truth(app, region.schema) == region.truth


def test_sql_metacharacters_in_messages_do_no_harm(app, region, fake_slack):
    nasty = "Robert'); DROP TABLE beatdowns; -- `x` \\' %s :q \" &amp;"
    region.ws.post(FORGE, text=nasty, user=PAX[1], ts=ts_of(DAYS, 10))
    full_run(app)
    assert rows(app, region.schema, f"SELECT text FROM messages WHERE ts = '{ts_of(DAYS, 10)}'") == [(nasty,)]
    assert beatdown_truth(app, region.schema) == region.truth


def test_token_never_in_output_or_logs(app, region, fake_slack, caplog):
    caplog.set_level(logging.DEBUG)
    ok = run(app, "-v", "channels", "--region", "f3test")
    region.ws.revoke()
    bad = run(app, "-v", "mine", "--region", "f3test")
    assert ok.exit_code == 0 and bad.exit_code != 0
    assert "revoked" in bad.output
    everything = ok.output + bad.output + caplog.text + json.dumps(rows(app, region.schema, "SELECT * FROM channel_state"))
    assert TOKEN not in everything and "TOPSECRET" not in everything
    log_rows = rows(app, app.db.control_schema, "SELECT step, status, error, counts FROM run_log")
    assert ("mine", "failed") in [r[:2] for r in log_rows]
    assert TOKEN not in json.dumps(log_rows)


def test_slack_errors_become_one_clear_line(app, region, fake_slack):
    full_run(app)
    region.ws.set_missing_scope("conversations.history", "channels:history")
    res = run(app, "mine", "--region", "f3test")
    assert res.exit_code != 0
    assert res.output.strip().splitlines()[-1] == (
        "error: conversations.history: the Slack app lacks the scope channels:history; add it and reinstall the app")
    res = run(app, "mine", "--region", "nope")
    assert res.exit_code != 0 and "no region named 'nope'" in res.output


def test_malformed_backblast_is_recorded_not_fatal(app, region, fake_slack):
    region.ws.post(FORGE, text="*Backblast!*\nDATE: Blursday\nAO: forge\nPAX: <@U005>", user=PAX[5], ts=ts_of(DAYS, 20))
    res = full_run(app)
    assert "1 problems" in res.output
    status = rows(app, region.schema, f"SELECT status, problem FROM parse_results WHERE ts = '{ts_of(DAYS, 20)}'")
    assert status[0][0] == "problem" and status[0][1]
    assert beatdown_truth(app, region.schema) == region.truth


def test_duplicate_backblast_first_one_wins(app, region, fake_slack):
    q = PAX[3 % 4]
    dup = region.ws.post(FORGE, text=backblast(FORGE, "ao-the-forge", 3, q, [PAX[11]]), user=q, ts=ts_of(3, 50))
    full_run(app)
    assert beatdown_truth(app, region.schema) == region.truth
    assert rows(app, region.schema, f"SELECT status FROM parse_results WHERE ts = '{dup}'") == [("duplicate",)]
    # deleting the first makes the second the beatdown
    region.ws.delete(FORGE, ts_of(3))
    full_run(app, since=day_of(0))
    region.truth[(FORGE, day_of(3), q)] = {q, PAX[11]}
    assert beatdown_truth(app, region.schema) == region.truth


def test_reparse_rebuilds_from_archive_without_slack(app, region, fake_slack):
    full_run(app)
    before = dump(app, region.schema)
    fake_slack.calls.clear()
    with app.db.engine(region.schema).begin() as conn:
        conn.execute(text("DELETE FROM bd_attendance"))
    res = run(app, "reparse", "--region", "f3test")
    assert res.exit_code == 0, res.output
    assert sum(fake_slack.calls.values()) == 0
    after = dump(app, region.schema)
    assert after["beatdowns"] == before["beatdowns"] and after["bd_attendance"] == before["bd_attendance"]


def test_beatdowns_from_results_read_back_equal_those_from_results_in_hand(app, region, fake_slack):
    """A mine builds beatdowns from the results in hand; a run that finds results left pending
    (stopped before building) reads them back, text from the archive: the same rows either way."""
    from miner.beatdowns.build import load_context_parts, resolve_pending

    full_run(app)
    full = "SELECT timestamp, ts_edited, ao_id, bd_date, q_user_id, backblast, backblast_parsed, json FROM beatdowns"
    before = dump(app, region.schema), sorted(rows(app, region.schema, full))
    assert any("&amp;" in r[0] for r in rows(app, region.schema, "SELECT m.text FROM messages m JOIN beatdowns b ON b.timestamp = m.ts"))
    eng = app.db.engine(region.schema)
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM beatdowns"))
        conn.execute(text("DELETE FROM bd_attendance"))
        conn.execute(text("UPDATE parse_results SET status = 'pending' WHERE status IN ('ok', 'duplicate')"))
    with eng.connect() as conn:
        users = load_context_parts(conn)[0]
    resolve_pending(eng, users)
    assert (dump(app, region.schema), sorted(rows(app, region.schema, full))) == before


def test_new_pages_store_the_same_rows_with_fewer_columns(app, region):
    """A page known to be new is inserted naming only the columns some row sets; the rows stored
    equal those of the full upsert (schema defaults fill the rest)."""
    msgs = [{"ts": "1700000001.000100", "text": "plain", "user": "U1"},
            {"ts": "1700000002.000100", "text": "", "user": "U1", "subtype": "thread_broadcast",
             "thread_ts": "1700000001.000100", "reply_count": 2, "latest_reply": "1700000009.000100",
             "reactions": [{"name": "fire", "count": 2}], "edited": {"ts": "1700000005.000100"},
             "files": [{"id": "F1", "name": "a.png", "mimetype": "image/png"}], "bot_id": "B1", "username": "bot"}]
    cols = [c for c in archive.COLUMNS if c not in ("channel_id", "first_seen", "updated_at")]
    got = {}
    for page, batch in enumerate((msgs[:1], msgs)):  # a plain message alone: most columns left out
        for kind, newest in (("new", None), ("old", archive.UNKNOWN)):
            channel = f"C{kind}{page}"
            with app.db.engine(region.schema).begin() as conn:
                archive.save_messages(conn, channel, batch, "p1", newest=newest)
            got[kind, page] = rows(app, region.schema, f"SELECT {', '.join(cols)} FROM messages WHERE channel_id = '{channel}' ORDER BY ts")
    assert got["new", 0] == got["old", 0] and len(got["new", 0]) == 1
    assert got["new", 1] == got["old", 1] and len(got["new", 1]) == 2


def test_archive_defaults_are_the_schema_defaults():
    """archive.DEFAULTS (what a left-out column gets) says what schema.sql says."""
    import re

    from miner.core.db import load_ddl

    ddl = next(s for s in load_ddl("region", "mysql") if "TABLE IF NOT EXISTS messages" in s)
    declared = {}
    for col in archive.COLUMNS:
        line = next(ln for ln in ddl.splitlines() if ln.strip().startswith(col + " "))
        m = re.search(r"DEFAULT ('?)([^',]*)\1", line)
        declared[col] = None if m is None else (m.group(2) if m.group(1) else int(m.group(2)))
    assert declared == {c: archive.DEFAULTS.get(c) for c in archive.COLUMNS}


def test_date_helpers():
    assert date.fromisoformat(day_of(0)) == date(2025, 2, 20)


def test_prefetch_keeps_order_and_reraises_producer_errors():
    from miner.core.concurrency import prefetch

    def items():
        yield from range(5)
        raise RuntimeError("page 6 failed")

    got = []
    with pytest.raises(RuntimeError, match="page 6 failed"):
        for x in prefetch(items(), depth=2):
            got.append(x)
    assert got == [0, 1, 2, 3, 4]
    gen = prefetch(iter(range(1000)), depth=2)
    assert [next(gen), next(gen)] == [0, 1]
    gen.close()  # stopping early does not hang


def test_listers_keep_profiles_current_without_clobbering_start_date(app, region, fake_slack):
    full_run(app)
    with app.db.engine(region.schema).begin() as conn:
        conn.execute(text("UPDATE users SET start_date = '2019-05-04' WHERE user_id = :u"), {"u": PAX[0]})
    user = region.ws.users[PAX[0]]
    user["profile"]["display_name"] = "Renamed"
    region.ws.users[PAX[1]]["deleted"] = True
    region.ws.channels[GAUNT].info["is_archived"] = True
    res = run(app, "users", "--region", "f3test")
    assert res.exit_code == 0 and "2 changed" in res.output and "1 deactivated" in res.output
    assert run(app, "channels", "--region", "f3test").exit_code == 0
    got = rows(app, region.schema, f"SELECT user_id, user_name, start_date, deleted FROM users WHERE user_id IN ('{PAX[0]}', '{PAX[1]}') ORDER BY user_id")
    assert got == [(PAX[0], "Renamed", "2019-05-04", "0"), (PAX[1], "Nick1", got[1][2], "1")]
    assert rows(app, region.schema, f"SELECT archived FROM aos WHERE channel_id = '{GAUNT}'") == [("1",)]
    # every step left a run log row
    steps = rows(app, app.db.control_schema, "SELECT step, status FROM run_log ORDER BY id")
    assert ("mine", "ok") in steps and steps[-1] == ("channels", "ok")


def test_slack_5xx_beyond_budget_is_one_readable_line(app, region, fake_slack, monkeypatch):
    monkeypatch.setattr(constants, "RETRY_MAX", 2)
    fake_slack.fail("conversations.list", status=502, times=10)  # an HTML error page, like Slack's edge
    res = run(app, "channels", "--region", "f3test")
    assert res.exit_code != 0
    line = res.output.strip().splitlines()[-1]
    assert line == "error: conversations.list: Slack kept failing (HTTP 502) beyond the retry budget"
    fake_slack.clear_faults()
    fake_slack.fail("conversations.list", status=500, times=10)  # a JSON body with Slack's own code
    res = run(app, "channels", "--region", "f3test")
    assert res.output.strip().splitlines()[-1] == (
        "error: conversations.list: Slack kept failing (HTTP 500 internal_error) beyond the retry budget")


def test_mine_before_channels_is_one_clear_line(app, region):
    res = run(app, "mine", "--region", "f3test")
    assert res.exit_code == 1
    assert res.output.strip() == "error: no channels known for f3test: run `paxminer channels --region f3test` first"
