"""miner.scorer on a real region schema (SQLite and MariaDB): stored scores, weights, AOs, achievements, CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from miner.core.db import upsert
from miner.core.registry import add_region, update_region
from miner.scores.run import read_ranking, score_region
from tests.helpers import run_cli as cli

TZ = "America/Chicago"
USERS = [("U1", "Alpha", 0), ("U2", "Bravo", 0), ("U3", "Charlie", 0), ("B1", "Slackblast", 1)]
AOS = [("AO1", "ao-rock", "ao", 1), ("AO2", "ao-pit", "ao", 1), ("H1", "q-source", "help", 0), ("G1", "general", "region", 0)]
# (ao, date, q, coqs, pax, backblast text)
BEATDOWNS = [
    ("AO2", "2024-02-20", "U2", [], ["U1"], ""),
    ("AO1", "2024-03-02", "U1", [], ["U2", "B1"], ""),
    ("AO1", "2024-03-09", "U2", ["U1"], ["U3"], "Q: <@U2>\nFNGs: <@U3> (EH: <@U2>)\nCOT: prayer"),
    ("AO2", "2024-03-12", "U1", [], ["U2", "U3"], "The thing behind the shed"),
    ("AO1", "2024-03-20", "U1", [], ["U2"], ""),  # after the as-of date
]


def ts_of(day: str, hour: int = 12, seq: int = 0) -> str:
    local = datetime.combine(date.fromisoformat(day), time(hour), ZoneInfo(TZ))
    return f"{local.timestamp():.0f}.{seq:06d}"


def message(channel: str, user: str, day: str, seq: int, files=0, reactions=0, subtype=None, deleted=0) -> dict:
    return {"channel_id": channel, "ts": ts_of(day, seq=seq), "user_id": user, "subtype": subtype, "text": "hi",
            "file_count": files, "reaction_count": reactions, "content_hash": f"h{seq}", "deleted": deleted,
            "first_seen": "2024-01-01 00:00:00", "updated_at": "2024-01-01 00:00:00"}


MESSAGES = [
    message("AO1", "U1", "2024-03-05", 1, files=2, reactions=4), message("AO1", "U1", "2024-03-05", 2),
    message("AO1", "U1", "2024-03-05", 3), message("H1", "U1", "2024-03-06", 4),
    message("AO1", "U1", "2024-03-05", 5, subtype="channel_join"), message("AO1", "U1", "2024-03-05", 6, deleted=1),
    message("AO1", "B1", "2024-03-05", 7), message("G1", "U2", "2024-03-16", 8),  # after the as-of date
]


def load(app, schema: str, beatdowns=BEATDOWNS, messages=MESSAGES) -> None:
    bds, att = [], []
    for ao, day, q, coqs, pax, backblast in beatdowns:
        result = {"coq_user_ids": coqs, "pax_user_ids": pax, "fngs": [], "fng_count": 0}
        bds.append({"timestamp": ts_of(day), "ao_id": ao, "bd_date": day, "q_user_id": q,
                    "coq_user_id": coqs[0] if coqs else None, "pax_count": 1 + len(coqs) + len(pax),
                    "backblast": backblast, "json": json.dumps(result)})
        roles = {q: "q", **{c: "coq" for c in coqs}}  # as miner.beatdowns writes them
        att += [{"timestamp": ts_of(day), "user_id": u, "ao_id": ao, "date": day, "q_user_id": q,
                 "json": json.dumps({"role": roles.get(u, "pax")})} for u in dict.fromkeys([q, *coqs, *pax])]
    with app.db.engine(schema).begin() as conn:
        upsert(conn, "users", [{"user_id": u, "user_name": n, "app": a} for u, n, a in USERS], ["user_id"])
        upsert(conn, "aos", [{"channel_id": c, "ao": n, "kind": k, "backblast": b} for c, n, k, b in AOS], ["channel_id"])
        upsert(conn, "beatdowns", bds, ["ao_id", "bd_date", "q_user_id"])
        upsert(conn, "bd_attendance", att, ["q_user_id", "user_id", "ao_id", "date"])
        upsert(conn, "messages", messages, ["channel_id", "ts"])


@pytest.fixture
def region(app):
    r = add_region(app.db, "f3score", f"pmsc_{app.db.control_schema[-8:]}", "xoxb-1-2-secret", timezone=TZ)
    load(app, r.schema_name)
    return r


def stored(app, schema: str, period: str, scope: str = "") -> dict:
    with app.db.engine(schema).connect() as conn:
        found = conn.execute(text(
            "SELECT user_id, posts, qs, aos, streak_current, fngs_brought, msgs_ao, msgs_help, files, reactions, "
            "score, place, points FROM scores WHERE as_of = :a AND period = :p AND scope = :s"),
            {"a": "2024-03-15", "p": period, "s": scope}).mappings().all()
    return {r["user_id"]: dict(r) for r in found}


def test_scores_stored_with_components(app, region):
    s = score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    assert s["pax"] == {"month": 3, "ytd": 3, "90d": 3} and s["as_of"] == "2024-03-15"
    month = stored(app, region.schema_name, "month")
    assert set(month) == {"U1", "U2", "U3"}  # never the app
    a = month["U1"]
    # hand-computed: 3 posts, 2 Qs + 1 Co-Q, 2 AOs, 4-week streak, 3 AO messages (no join, no deleted), 1 help
    assert (a["posts"], a["qs"], a["aos"], a["streak_current"]) == (3, 3, 2, 4)
    assert (a["msgs_ao"], a["msgs_help"], a["files"], a["reactions"]) == (3, 1, 2, 4)
    assert a["score"] == 99 and a["place"] == 1  # 30 + 45 + 10 + 8 + 5.5, half up
    assert json.loads(a["points"]) == {"activity": 5.5, "aos": 10.0, "fngs": 0.0, "posts": 30.0, "qs": 45.0, "streak": 8.0}
    b = month["U2"]
    assert (b["posts"], b["qs"], b["fngs_brought"], b["score"], b["place"]) == (3, 1, 1, 73, 2)  # EH'd Charlie
    assert month["U3"]["score"] == 34
    ranking = read_ranking(app, app.region("f3score"), date(2024, 3, 15), "month")
    assert [(r["user_name"], r["posts"], r["qs"], r["score"], r["rank"]) for r in ranking] == [
        ("Alpha", 3, 3, 99, 1), ("Bravo", 3, 1, 73, 2), ("Charlie", 2, 0, 34, 3)]


def test_rerun_with_new_weights_rescores_without_mining(app, region):
    score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    update_region(app.db, "f3score", settings=json.dumps({"scoring": {"q": 100, "msg_ao": "0"}}))
    score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    month = stored(app, region.schema_name, "month")
    assert month["U1"]["score"] == 30 + 300 + 10 + 8 + (1 + 2 + 1)
    assert len(month) == 3  # replaced, not added


def test_global_weights_from_config_section(app, region):
    app.settings.sections = {"scoring": {"post": "20"}}
    score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    assert stored(app, region.schema_name, "month")["U3"]["score"] == 40 + 10 + 4


def test_rerun_drops_rows_of_a_period_left_empty(app, region):
    score_region(app, app.region("f3score"), as_of=date(2024, 3, 15), ao="AO1")
    with app.db.engine(region.schema_name).begin() as conn:  # March never happened after all
        for table, col in (("beatdowns", "bd_date"), ("bd_attendance", "`date`")):
            conn.execute(text(f"DELETE FROM {table} WHERE {col} >= '2024-03-01'"))
        conn.execute(text("DELETE FROM messages"))
    s = score_region(app, app.region("f3score"), as_of=date(2024, 3, 15), ao="AO1")
    assert s["pax"] == {"month": 0, "ytd": 2, "90d": 2}  # Feb 20: U2 Q'd, U1 posted
    assert stored(app, region.schema_name, "month") == {} and stored(app, region.schema_name, "month", "AO1") == {}
    assert set(stored(app, region.schema_name, "ytd")) == {"U1", "U2"}


def test_ao_ranking(app, region):
    s = score_region(app, app.region("f3score"), as_of=date(2024, 3, 15), ao="#ao-pit")
    assert s["scope"] == "AO2"
    pit = stored(app, region.schema_name, "month", "AO2")
    assert {u: r["posts"] for u, r in pit.items()} == {"U1": 1, "U2": 1, "U3": 1}
    assert pit["U1"]["msgs_ao"] == 0 and pit["U1"]["score"] == 10 + 15 + 5 + 2
    assert [r["user_id"] for r in read_ranking(app, app.region("f3score"), date(2024, 3, 15), "month", "ao-pit")][0] == "U1"


def test_every_co_q_counts(app, region):
    load(app, region.schema_name, beatdowns=[("AO1", "2024-03-14", "U2", ["U3", "U1"], [], "")], messages=[])
    score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    month = stored(app, region.schema_name, "month")
    assert (month["U3"]["qs"], month["U1"]["qs"], month["U2"]["qs"]) == (1, 4, 2)


def test_achievements_awarded_once(app, region):
    week = [("AO1", f"2024-01-0{d}", "U2", [], ["U1"], "") for d in range(1, 8)]
    load(app, region.schema_name, beatdowns=week, messages=[])
    first = score_region(app, app.region("f3score"), as_of=date(2024, 3, 15))
    again = score_region(app, app.region("f3score"), as_of=date(2024, 3, 16))
    assert first["new_achievements"] == 4 and again["new_achievements"] == 0
    with app.db.engine(region.schema_name).connect() as conn:
        got = sorted(tuple(r) for r in conn.execute(text(
            "SELECT user_id, achievement, period_key, achieved_on FROM achievements")))
    assert [(u, a, k, str(d)[:10]) for u, a, k, d in got] == [
        ("U1", "six_pack", "W2024-01-01", "2024-01-06"), ("U2", "leader_of_men", "2024-01", "2024-01-04"),
        ("U2", "six_pack", "W2024-01-01", "2024-01-06"), ("U2", "the_boss", "2024-01", "2024-01-06")]


def test_cli_json_and_table(app, region):
    res = cli(app, "score", "--region", "f3score", "--as-of", "2024-03-15", "--json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["user_id"], r["user_name"], r["posts"], r["qs"], r["score"]) for r in rows] == [
        ("U1", "Alpha", 3, 3, 99), ("U2", "Bravo", 3, 1, 73), ("U3", "Charlie", 2, 0, 34)]
    assert "scored 3 PAX this month" in res.stderr
    res = cli(app, "score", "--region", "f3score", "--as-of", "2024-03-15", "--period", "ytd", "--ao", "AO1")
    assert res.exit_code == 0 and "Alpha" in res.stdout and res.stdout.strip().splitlines()[-1].startswith("f3score:")
    res = cli(app, "score", "--region", "f3score", "--ao", "nowhere")
    assert res.exit_code == 1 and res.stderr.strip() == "error: no AO channel named 'nowhere' (see `paxminer ao list`)"
    res = cli(app, "score", "--region", "nope")
    assert res.exit_code == 1 and res.stderr.count("\n") == 1


def test_old_daily_rows_pruned_month_ends_kept(app, region):
    for day in ("2024-02-28", "2024-02-29", "2024-03-11", "2024-03-13", "2024-06-10"):
        score_region(app, app.region("f3score"), as_of=date.fromisoformat(day))
    with app.db.engine(region.schema_name).connect() as conn:
        kept = sorted(str(d)[:10] for (d,) in conn.execute(text("SELECT DISTINCT as_of FROM scores")))
    assert kept == ["2024-02-29", "2024-03-13", "2024-06-10"]  # 90 days before Jun 10 is Mar 12
