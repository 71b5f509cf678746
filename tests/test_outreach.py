"""miner.outreach against the fake Slack server and a real region schema (SQLite and MariaDB).

Time travel: every run passes `today`; the fixture's PAX keep posting (or stop) on fixed dates.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from miner.core.db import upsert
from miner.core.registry import add_region, update_region
from miner.outreach.workflows import render, run_outreach
from miner.scores.run import score_region
from tests.helpers import run_cli as cli

TOKEN = "xoxb-9-9-outreachsecret"
START = date(2023, 12, 4)  # a Monday
PEOPLE = {  # user_id: (name, app, deleted, first post, last post)
    "U1": ("Alpha", 0, 0, date(2023, 12, 11), date(2024, 3, 6)),  # a regular who stops
    "U2": ("Bravo", 0, 0, START, date(2024, 4, 30)),  # the Q of every beatdown
    "U3": ("Charlie", 0, 0, date(2023, 12, 11), date(2024, 3, 6)),  # stops, then answers the DM
    "U4": ("Delta", 0, 0, START, date(2024, 4, 30)),  # a regular who never Qs
    "U5": ("Echo", 0, 0, date(2024, 3, 18), date(2024, 3, 20)),  # an FNG
    "U6": ("Foxtrot", 0, 1, START, date(2024, 3, 6)),  # deactivated: never contacted
    "B1": ("Slackblast", 1, 0, START, date(2024, 3, 6)),  # an app: never contacted
    "U9": ("Site Q", 0, 0, None, None),
}


def beatdown_days(until: date) -> list[date]:
    days, d = [], START
    while d <= until:
        days += [d, d + timedelta(days=2)]  # Monday and Wednesday
        d += timedelta(weeks=1)
    return [x for x in days if x <= until]


def load_posts(app, schema: str, until: date, extra: list[tuple] = ()) -> None:
    bds, att = [], []
    for d in beatdown_days(until):
        pax = [u for u, (_n, _a, _x, first, last) in PEOPLE.items() if first and first <= d <= last and u != "U2"]
        bds.append({"ao_id": "AO1", "bd_date": d.isoformat(), "q_user_id": "U2", "pax_count": len(pax) + 1,
                    "json": json.dumps({"coq_user_ids": [], "pax_user_ids": pax})})
        att += [{"user_id": u, "ao_id": "AO1", "date": d.isoformat(), "q_user_id": "U2"} for u in ["U2", *pax]]
    att += [{"user_id": u, "ao_id": ao, "date": d, "q_user_id": "U2"} for u, ao, d in extra]
    with app.db.engine(schema).begin() as conn:
        upsert(conn, "beatdowns", bds, ["ao_id", "bd_date", "q_user_id"])
        upsert(conn, "bd_attendance", att, ["q_user_id", "user_id", "ao_id", "date"])


@pytest.fixture
def world(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url
    ws = fake_slack.add_workspace(TOKEN)
    for uid, (name, is_app, deleted, *_rest) in PEOPLE.items():
        ws.add_user(uid, name.lower(), real_name=name, is_bot=bool(is_app), deleted=bool(deleted))
    ws.add_channel("AO1", "ao-rock")
    ws.add_channel("G1", "general")
    ws.add_channel("CADMIN", "admins", is_private=True)
    opts = {"outreach": {"slipping": True, "mentor": True, "lead": True, "achievements": True}}
    region = add_region(app.db, "f3out", f"pmout_{app.db.control_schema[-8:]}", TOKEN, timezone="America/Chicago",
                        admin_channel="CADMIN", firstf_channel="G1", settings=json.dumps(opts))
    with app.db.engine(region.schema_name).begin() as conn:
        upsert(conn, "users", [{"user_id": u, "user_name": n, "app": a, "deleted": x}
                               for u, (n, a, x, *_r) in PEOPLE.items()], ["user_id"])
        upsert(conn, "aos", [{"channel_id": "AO1", "ao": "ao-rock", "kind": "ao", "backblast": 1, "site_q_user_id": "U9"},
                             {"channel_id": "G1", "ao": "general", "kind": "region", "backblast": 0, "site_q_user_id": None}],
               ["channel_id"])
    load_posts(app, region.schema_name, date(2024, 4, 30))
    ws.schema = region.schema_name
    return ws


def posted(ws, since: int = 0) -> list[tuple[str, str]]:
    return [(p["channel"], p["text"]) for p in ws.posted[since:]]


def run(app, day: str, **kw) -> dict:
    return run_outreach(app, app.region("f3out"), today=date.fromisoformat(day), **kw)


def only(app, ws, **kinds) -> None:
    update_region(app.db, "f3out", settings=json.dumps({"outreach": kinds}))


def tickets(app, ws) -> list[dict]:
    with app.db.engine(ws.schema).connect() as conn:
        return [dict(r) for r in conn.execute(text(
            "SELECT id, kind, user_id, ref, status, stage, other_user_id, closed_by, reply, facts FROM outreach_tickets ORDER BY id"
        )).mappings()]


def test_slipping_steps_in_order_with_time_travel(app, world):
    ws = world
    only(app, ws, slipping=True)
    assert run(app, "2024-03-19")["sent"] == 0  # 13 days: not yet
    s = run(app, "2024-03-20")  # 14 days since Mar 6: the first DM to each regular who stopped
    assert s["sent"] == 2 and s["opened"] == 2
    first = posted(ws)
    assert {c for c, _ in first} == {"D1", "D3"}  # never the app, never the deactivated PAX
    assert "Hey Alpha, we've missed you" in dict(first)["D1"] and "2024-03-06 at #ao-rock" in dict(first)["D1"]
    assert run(app, "2024-03-20")["sent"] == 0 and run(app, "2024-03-26")["sent"] == 0  # no duplicates, not yet
    n = len(ws.posted)
    ws.post("D3", text="Hurt my knee, back in April", user="U3")  # Charlie answers
    s = run(app, "2024-03-26")  # a reply: straight to the admins, no second DM to him
    assert s["replies"] == 1 and posted(ws, n) and posted(ws, n)[0][0] == "CADMIN"
    assert "Hurt my knee" in posted(ws, n)[0][1] and "<@U3>" in posted(ws, n)[0][1]
    n = len(ws.posted)
    s = run(app, "2024-03-27")  # 7 days without post or reply: the second DM to Alpha
    assert posted(ws, n) == [("D1", posted(ws, n)[0][1])] and "checking in once more" in posted(ws, n)[0][1]
    assert run(app, "2024-03-30")["sent"] == 0
    n = len(ws.posted)
    run(app, "2024-04-03")  # 7 more days: the ticket goes to the admins with the facts
    (chan, body), = posted(ws, n)
    assert chan == "CADMIN" and "has not posted since 2024-03-06 (4 weeks)" in body
    assert "Usual AOs: #ao-rock" in body and "dm1 on 2024-03-20 (sent); dm2 on 2024-03-27 (sent)" in body
    assert "Reply: none" in body and "Score trend (30 days, monthly):" in body
    t = {t["user_id"]: t for t in tickets(app, ws)}
    assert t["U1"]["stage"] == "escalated" and t["U3"]["reply"] == "Hurt my knee, back in April"
    assert json.loads(t["U1"]["facts"])["trend"][-1] < json.loads(t["U1"]["facts"])["trend"][0]
    for day in ("2024-04-03", "2024-04-10", "2024-04-20"):  # nothing more, ever
        assert run(app, day)["sent"] == 0
    # Alpha comes back: his ticket closes itself; Charlie's stays for the admins
    load_posts(app, ws.schema, date(2024, 4, 30), extra=[("U1", "AO1", "2024-04-22")])
    s = run(app, "2024-04-23")
    assert s["closed"] == 1 and s["sent"] == 0
    t = {t["user_id"]: t for t in tickets(app, ws)}
    assert (t["U1"]["status"], t["U1"]["closed_by"]) == ("closed", "pax") and t["U3"]["status"] == "open"


def test_dry_run_sends_and_stores_nothing(app, world):
    ws = world
    for day in ("2024-03-20", "2024-03-29"):
        s = run(app, day, dry_run=True)
        assert s["planned"] > 0 and s["sent"] == 0
    assert ws.posted == [] and ws.calls["chat.postMessage"] == 0 and ws.calls["conversations.open"] == 0
    with app.db.engine(ws.schema).connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM outreach_messages")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM outreach_tickets")).scalar() == 0
    # the real run sends exactly what the dry run planned
    planned = run(app, "2024-03-20", dry_run=True)["planned"]
    assert run(app, "2024-03-20")["sent"] == planned


def test_no_duplicates_across_reruns_and_days(app, world):
    ws = world
    score_region(app, app.region("f3out"), as_of=date(2024, 3, 20))
    days = [date(2024, 3, 18) + timedelta(days=i) for i in range(20)]
    for day in days:
        for _ in range(2):
            run_outreach(app, app.region("f3out"), today=day)
    texts = posted(ws)
    assert len(texts) == len(set(texts)) and len(texts) > 5
    with app.db.engine(ws.schema).connect() as conn:
        statuses = {r[0] for r in conn.execute(text("SELECT status FROM outreach_messages"))}
    assert statuses == {"sent"}


def test_mentor_pairing(app, world):
    ws = world
    only(app, ws, mentor=True)
    s = run(app, "2024-03-20")
    assert s["paired"] == 1 and s["sent"] == 2
    msgs = dict(posted(ws))
    assert "Welcome to F3 f3out, Echo!" in msgs["D5"] and "<@U2> is a regular there" in msgs["D5"]
    assert "<@U5> (Echo) posted his first beatdown at #ao-rock on 2024-03-18" in msgs["D2"]
    assert run(app, "2024-03-21")["sent"] == 0
    (t,) = tickets(app, ws)
    assert (t["kind"], t["user_id"], t["other_user_id"], t["status"]) == ("mentor", "U5", "U2", "done")


def test_ready_to_lead_near_month_end(app, world):
    ws = world
    only(app, ws, lead=True)
    assert run(app, "2024-03-28")["sent"] == 0  # not in the last 3 days yet
    s = run(app, "2024-03-29")
    msgs = dict(posted(ws))
    assert s["invited"] == 2 and set(msgs) == {"D4", "D2"}
    assert "Delta, you've been a force lately" in msgs["D4"] and "Ready to lead?" in msgs["D4"]  # never Q'd
    assert "Would you mentor an FNG?" in msgs["D2"]  # Q's all the time: a mentor
    assert run(app, "2024-03-30")["sent"] == 0 and run(app, "2024-03-31")["sent"] == 0
    assert run(app, "2024-04-29")["sent"] == 0  # asked 31 days ago: not again so soon


def test_achievements_announced_once(app, world):
    ws = world
    only(app, ws, achievements=True)
    score_region(app, app.region("f3out"), as_of=date(2024, 3, 20))
    s = run(app, "2024-03-20")
    assert s["announced"] == 2 and {c for c, _ in posted(ws)} == {"G1"}
    assert any("*Leader of Men*" in t and "<@U2>" in t and "(2024-03)" in t for _, t in posted(ws))
    score_region(app, app.region("f3out"), as_of=date(2024, 3, 21))
    assert run(app, "2024-03-21")["sent"] == 0


def test_reply_from_archive_without_dm_scope(app, world):
    ws = world
    only(app, ws, slipping=True)
    ws.set_missing_scope("conversations.history", "im:history")
    run(app, "2024-03-20")
    with app.db.engine(ws.schema).begin() as conn:
        dm_ts = conn.execute(text("SELECT ts FROM outreach_messages WHERE msg_key = 'slipping:U3:2024-03-06:dm1'")).scalar()
        later = f"{float(dm_ts) + 60:.6f}"
        upsert(conn, "messages", [{"channel_id": "G1", "ts": later, "user_id": "U3", "text": "hey all",
                                   "content_hash": "x", "first_seen": "x", "updated_at": "x"}], ["channel_id", "ts"])
    n = len(ws.posted)
    s = run(app, "2024-03-22")
    assert s["replies"] == 1 and s["no_dm_history"] == "missing_scope"
    ((chan, body),) = posted(ws, n)
    assert chan == "CADMIN" and "active in Slack since the DM: 1 message(s)" in body


def test_ticket_to_site_q_without_admin_channel_and_failed_sends(app, world):
    ws = world
    update_region(app.db, "f3out", admin_channel="", settings=json.dumps({"outreach": {"slipping": True, "exclude": "U3"}}))
    del ws.users["U1"]  # Slack no longer knows Alpha: a definite failure, retried on later runs, then given up
    assert run(app, "2024-03-20")["failed"] == 1
    assert run(app, "2024-03-21")["failed"] == 1
    assert run(app, "2024-03-22")["failed"] == 1
    assert run(app, "2024-03-23")["failed"] == 0  # gave up after 3 attempts: never again
    run(app, "2024-03-30")  # the second DM fails 3 times too ...
    run(app, "2024-03-31")
    run(app, "2024-04-01")
    n = len(ws.posted)
    run(app, "2024-04-08")  # ... and the admins hear of it: by DM to the AO's site Q
    ((chan, body),) = posted(ws, n)
    assert chan == "D9" and "dm1 on 2024-03-22 (gave_up)" in body
    assert [t["user_id"] for t in tickets(app, ws)] == ["U1"]  # Charlie is excluded


def test_cli_run_list_close(app, world):
    ws = world
    only(app, ws, slipping=True)
    res = cli(app, "outreach", "run", "--region", "f3out", "--today", "2024-03-20", "--dry-run")
    assert res.exit_code == 0 and "would DM Alpha (U1)" in res.stdout
    assert "DRY RUN (nothing sent or stored): would send 2 message(s), open 2 ticket(s)" in res.stdout
    assert ws.posted == []
    res = cli(app, "outreach", "run", "--region", "f3out", "--today", "2024-03-20")
    assert res.exit_code == 0 and "2 message(s) sent, 0 failed; tickets 2 opened" in res.stdout.splitlines()[-1]
    res = cli(app, "outreach", "list", "--region", "f3out")
    assert res.exit_code == 0 and "Alpha" in res.stdout and res.stdout.splitlines()[-1] == "f3out: 2 open outreach ticket(s)"
    tid = tickets(app, ws)[0]["id"]
    res = cli(app, "outreach", "close", f"#{tid}", "--region", "f3out", "--note", "called him")
    assert res.exit_code == 0 and f"ticket #{tid} (slipping, Alpha) closed" in res.stdout
    assert cli(app, "outreach", "close", "#x", "--region", "f3out").exit_code == 2
    res = cli(app, "outreach", "close", str(tid), "--region", "f3out")
    assert res.exit_code == 1 and res.stderr.strip() == f"error: ticket #{tid} is already closed"
    res = cli(app, "outreach", "list", "--region", "f3out", "--all", "--json")
    rows = json.loads(res.stdout)
    assert res.stderr.strip() == "f3out: 2 outreach ticket(s)"
    assert {r["status"] for r in rows} == {"open", "closed"} and rows[0]["note"] == "called him"
    n = len(ws.posted)
    assert cli(app, "outreach", "run", "--region", "f3out", "--today", "2024-03-27").exit_code == 0
    assert [c for c, _ in posted(ws, n)] == ["D3"]  # the closed ticket gets no second DM


def test_templates_from_configuration(app, world):
    ws = world
    update_region(app.db, "f3out", settings=json.dumps({"outreach": {
        "slipping": True, "slipping_weeks": 3, "templates": {"slipping_1": "Yo {name}, {weeks} weeks! {unknown}"}}}))
    assert run(app, "2024-03-20")["sent"] == 0  # 3 weeks now
    run(app, "2024-03-27")
    assert dict(posted(ws))["D1"] == "Yo Alpha, 3 weeks! {unknown}"
    assert render("{a} {b}", a=1) == "1 {b}"


def test_nothing_enabled(app, world):
    update_region(app.db, "f3out", settings="{}")
    s = run(app, "2024-03-20")
    assert s["kinds"] == [] and s["sent"] == 0 and world.posted == []


def test_a_dm_whose_answer_stalls_past_the_timeout_arrives_once(app, world, fake_slack, monkeypatch):
    """Slack takes the DM but answers after the client gave up: it is looked up, never sent again."""
    from miner.core import constants
    from miner.slack import send

    ws = world
    only(app, ws, slipping=True)
    monkeypatch.setattr(constants, "REQUEST_TIMEOUT", 1)
    monkeypatch.setattr(send, "SETTLE_WAITS", (0.05,))
    fake_slack.timeouts("chat.postMessage", times=2, delay=2.5)
    s = run(app, "2024-03-20")
    assert s["sent"] == 2 and sorted(c for c, _ in posted(ws)) == ["D1", "D3"]
    assert run(app, "2024-03-21")["sent"] == 0 and len(posted(ws)) == 2
    with app.db.engine(ws.schema).connect() as conn:
        ledger = conn.execute(text("SELECT status, attempts FROM outreach_messages ORDER BY msg_key")).all()
    assert [tuple(r) for r in ledger] == [("sent", 1), ("sent", 1)]
