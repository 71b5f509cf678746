"""The region's alias list (`paxminer alias add|list|remove`), names that match nobody, and the Q's DM
about them: CLI on SQLite and MariaDB, real slack-sdk against the fake Slack."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from miner.core import constants
from tests.helpers import rows
from tests.helpers import run_cli as run

TOKEN = "xoxb-alias-SECRET"
AO = "C0AL"
NOW = time.time()
DAY = (datetime.fromtimestamp(NOW, ZoneInfo(constants.DEFAULT_TIMEZONE)) - timedelta(days=1))
USERS = [("U1", "Sasquatch", "Sam Squire"), ("U2", "Tin Man", "Tim Mann"), ("U3", "Gumby", "Gus Bee"),
         ("U4", "Doc Holliday", "John Doe"), ("U5", "Doc", "Dan Doe"), ("U6", "Doc", "Dave Doe")]


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)


def ts_ago(hours: float, n: int = 1) -> str:
    return f"{int(NOW - hours * 3600)}.{n:06d}"


@pytest.fixture
def ws(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url
    w = fake_slack.add_workspace(token=TOKEN)
    for uid, name, real in USERS:
        w.add_user(uid, name.lower().replace(" ", ""), real_name=real, display_name=name)
    w.add_user("UBOT", "slackblast", is_bot=True)
    w.add_channel(AO, "ao-the-forge")
    w.schema = "al_" + app.db.control_schema[-8:]
    assert run(app, "region", "add", "al", "--schema", w.schema, "--token", TOKEN).exit_code == 0
    for step in ("channels", "users"):
        assert run(app, step, "--region", "al").exit_code == 0
    return w


def ok(res):
    assert res.exit_code == 0, res.output
    return res.output


def test_add_list_remove(app, ws):
    out = ok(run(app, "alias", "add", "--region", "al", "Squatch", "U1"))
    assert "'squatch' -> U1 (Sasquatch)" in out and "reparse" in out
    ok(run(app, "alias", "add", "--region", "al", "The Tin One", "@Tin Man"))  # @display name
    ok(run(app, "alias", "add", "--region", "al", "Gus", "gus bee"))  # real name, any case
    ok(run(app, "alias", "add", "--region", "al", "Doc H", "<@U4>"))  # a mention as Slack shows it
    listing = ok(run(app, "alias", "list", "--region", "al"))
    lines = listing.splitlines()
    assert lines[0].split() == ["ALIAS", "USER", "ID", "USER"]
    assert [ln.split()[0] for ln in lines[1:5]] == ["Doc", "Gus", "Squatch", "The"]
    assert "U2" in lines[4] and "Tin Man" in lines[4]
    assert lines[-1] == "al: 4 alias(es)"
    got = json.loads(run(app, "alias", "list", "--region", "al", "--json").stdout)
    assert {(a["alias"], a["user_id"]) for a in got} == {("Squatch", "U1"), ("The Tin One", "U2"), ("Gus", "U3"),
                                                         ("Doc H", "U4")}
    out = ok(run(app, "alias", "add", "--region", "al", "squatch", "U3"))  # repointed, same key
    assert "(was U1)" in out
    out = ok(run(app, "alias", "remove", "--region", "al", "  SQUATCH "))
    assert "removed" in out
    assert rows(app, ws.schema, "SELECT alias, user_id FROM pax_aliases ORDER BY alias") == [
        ("doc h", "U4"), ("gus", "U3"), ("the tin one", "U2")]


@pytest.mark.parametrize("args, why", [
    (("Dr", "Doc"), "more than one user"),  # two users are called Doc
    (("Dr", "Nobody Here"), "no user"),
    (("Dr", "U999"), "no user"),
    (("Bot", "slackblast"), "app"),
    (("Gumby", "U1"), "the name of U3"),  # another PAX's own name
])
def test_add_refuses_unknown_ambiguous_and_taken(app, ws, args, why):
    res = run(app, "alias", "add", "--region", "al", *args)
    assert res.exit_code == 1
    assert why in res.output and "Traceback" not in res.output
    assert rows(app, ws.schema, "SELECT COUNT(*) FROM pax_aliases") == [("0",)]


def test_remove_unknown_alias_fails(app, ws):
    res = run(app, "alias", "remove", "--region", "al", "Ghost")
    assert res.exit_code == 1 and "no alias 'Ghost'" in res.output


def test_alias_settles_a_shared_name(app, ws):
    """'Doc' is two users' display name: no alias can be refused for it, and one settles who it means."""
    ok(run(app, "alias", "add", "--region", "al", "Doc", "U5"))
    ws.post(AO, text=f"Backblast! Hills\nDate: {DAY:%m/%d/%Y}\nQ: <@U1>\nPAX: Doc, Gumby", user="U1", ts=ts_ago(30))
    ok(run(app, "mine", "--region", "al"))
    assert rows(app, ws.schema, "SELECT user_id FROM bd_attendance ORDER BY user_id") == [("U1",), ("U3",), ("U5",)]


def dms(ws) -> list[dict]:
    return [p for p in ws.posted if p["channel"].startswith("D")]


def test_end_to_end_alias_and_unknown_name(app, ws):
    """An alias and an unknown name in a post -> the alias's user attends, the unknown name is counted and
    kept in json, the Q's DM names it; removing the alias and reparsing takes the user out again."""
    ok(run(app, "alias", "add", "--region", "al", "Squatch", "Sasquatch"))
    ts = ws.post(AO, text=f"Backblast! Merkin Mania\nDate: {DAY:%m/%d/%Y}\nQ: <@U2>\nPAX: Squatch, Gumby, Stallone\n"
                          "The Thang: merkins", user="U2", ts=ts_ago(5))
    ok(run(app, "mine", "--region", "al"))
    assert rows(app, ws.schema, "SELECT user_id FROM bd_attendance ORDER BY user_id") == [("U1",), ("U2",), ("U3",)]
    (count, blob), = rows(app, ws.schema, "SELECT pax_count, json FROM beatdowns WHERE timestamp = :t", t=ts)
    assert count == "4"
    doc = json.loads(blob)
    assert doc["non_slack_pax"] == "Stallone"
    sent = dms(ws)
    assert len(sent) == 1 and sent[0]["channel"] == ws.dms["U2"]
    assert "Stallone" in sent[0]["text"] and "alias" in sent[0]["text"] and "http" in sent[0]["text"]
    ok(run(app, "mine", "--region", "al"))
    assert len(dms(ws)) == 1  # the same version of the post: never twice

    ok(run(app, "alias", "remove", "--region", "al", "squatch"))
    out = ok(run(app, "reparse", "--region", "al"))
    assert "1 backblasts" in out
    assert rows(app, ws.schema, "SELECT user_id FROM bd_attendance ORDER BY user_id") == [("U2",), ("U3",)]
    doc = json.loads(rows(app, ws.schema, "SELECT json FROM beatdowns")[0][0])
    assert doc["non_slack_pax"] == "Squatch, Stallone"
    assert len(dms(ws)) == 1


def test_alias_applied_by_the_next_mine(app, ws):
    ws.post(AO, text=f"Backblast! Hills\nDate: {DAY:%m/%d/%Y}\nQ: <@U2>\nPAX: Squatch, Gumby", user="U2", ts=ts_ago(100))
    ok(run(app, "mine", "--region", "al"))
    assert ("U1",) not in rows(app, ws.schema, "SELECT user_id FROM bd_attendance")
    out = ok(run(app, "alias", "add", "--region", "al", "Squatch", "U1"))
    assert "1 backblasts to read again" in out
    ok(run(app, "mine", "--region", "al"))
    assert rows(app, ws.schema, "SELECT user_id FROM bd_attendance ORDER BY user_id") == [("U1",), ("U2",), ("U3",)]
    doc = json.loads(rows(app, ws.schema, "SELECT json FROM beatdowns")[0][0])
    assert "non_slack_pax" not in doc


def test_other_tools_json_keys_survive_rebuilds(app, ws):
    """non_slack_pax is merged into the beatdown's json: a key another tool wrote stays through an edit
    and a reparse, and non_slack_pax goes once every name matches someone."""
    ts = ws.post(AO, text=f"Backblast! Hills\nDate: {DAY:%m/%d/%Y}\nQ: <@U2>\nPAX: Gumby, Rambo", user="U2", ts=ts_ago(50))
    ok(run(app, "mine", "--region", "al"))
    doc = json.loads(rows(app, ws.schema, "SELECT json FROM beatdowns")[0][0])
    assert doc["non_slack_pax"] == "Rambo"
    doc["Event Type"] = "Ruck"  # as slackblast writes a region's custom field
    with app.db.engine(ws.schema).begin() as conn:
        conn.execute(text("UPDATE beatdowns SET json = :j"), {"j": json.dumps(doc)})
    ws.edit(AO, ts, text=f"Backblast! Hills\nDate: {DAY:%m/%d/%Y}\nQ: <@U2>\nPAX: Gumby, <@U1>")
    ok(run(app, "mine", "--region", "al"))
    (count, blob), = rows(app, ws.schema, "SELECT pax_count, json FROM beatdowns")
    doc = json.loads(blob)
    assert count == "3" and doc["Event Type"] == "Ruck" and "non_slack_pax" not in doc
    ok(run(app, "reparse", "--region", "al"))
    doc = json.loads(rows(app, ws.schema, "SELECT json FROM beatdowns")[0][0])
    assert doc["Event Type"] == "Ruck" and doc["pax_user_ids"] == ["U2", "U3", "U1"]


# ----------------------------------------------------------------------------- the parser's use of aliases (pure)

def _parse(text_, aliases):
    from miner.backblasts.parse import Context, parse_message

    users = {u: {"user_name": n, "real_name": r, "app": 0} for u, n, r in USERS}
    ctx = Context("C0AL", users, {"C0AL": "ao-the-forge"}, aliases=aliases)
    return parse_message({"type": "message", "user": "U1", "ts": "1733580000.000100", "text": text_}, ctx)


def test_parser_alias_spellings_shared_names_and_fngs():
    from miner.backblasts.parse import alias_key

    aliases = {alias_key("Doc H."): "U4", alias_key("Doc"): "U6", alias_key("Tin-Can"): "U2"}
    got = _parse("Backblast! Hills\nQ: Sasquatch\nPAX: @doc h, DOC, Tin Can, Rambo\nFNGs: 1 Tincan", aliases)
    assert got.status == "ok"
    assert got.pax_user_ids == ["U1", "U4", "U6", "U2"]  # case, dots, '@', a shared name, hyphen/space slips
    assert got.unmatched_names == ["Rambo"]
    assert got.pax_count == 5  # four users and a name that matches nobody
    no_alias = _parse("Backblast! Hills\nQ: Sasquatch\nPAX: Doc, Gumby\nFNGs: 1 Stallone", {})
    assert no_alias.pax_user_ids == ["U1", "U3"]  # "Doc" is two users: nobody's without an alias
    assert no_alias.unmatched_names == ["Doc", "Stallone"]  # an FNG who matches no user is kept too
    assert no_alias.pax_count == 4 and no_alias.fng_count == 1


def test_flagged_dates_are_told_to_the_q_once(app, ws):
    """A date that could not be read, or none at all: the beatdown is recorded on the post's date and the Q
    (not the poster) hears about it once per version; a post with nothing to say gets no DM."""
    ws.post(AO, text="Backblast! Hills\nDate: after the big storm\nQ: <@U3>\nPAX: <@U1>", user="U1", ts=ts_ago(4, 1))
    ws.post(AO, text="Backblast! Sprints\nQ: <@U2>\nPAX: <@U1>, <@U3>", user="U2", ts=ts_ago(3, 2))
    ws.post(AO, text=f"Backblast! Clean\nDate: {DAY:%m/%d/%Y}\nQ: <@U4>\nPAX: <@U1>", user="U4", ts=ts_ago(2, 3))
    ok(run(app, "mine", "--region", "al"))
    sent = {d["channel"]: d["text"] for d in dms(ws)}
    assert set(sent) == {ws.dms["U3"], ws.dms["U2"]}
    assert "'after the big storm' could not be read" in sent[ws.dms["U3"]]
    assert "no date was found" in sent[ws.dms["U2"]]
    assert rows(app, ws.schema, "SELECT COUNT(*) FROM beatdowns") == [("3",)]
    ok(run(app, "mine", "--region", "al"))
    assert len(dms(ws)) == 2
