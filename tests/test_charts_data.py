"""charters.data and the chart builders: the numbers behind every chart, against a hand-made region.

Fixture rows go straight into a region schema (SQLite and MariaDB). March 2024 is charted; every
expected number below is counted by hand from REGION's rows (see the comments next to them).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from charters.data import CHART_KINDS, ChartData, Period, parse_month, plain_text, previous_month
from charters.routing import BUILDERS, ChartContext, build_charts, context, flagged_kinds
from miner.core.db import upsert, utcnow
from miner.core.registry import Region

CHI = ZoneInfo("America/Chicago")
MARCH = Period.of(date(2024, 3, 1), date(2024, 4, 10))

AOS = [  # channel_id, name, backblast, archived, is_private, kind, created
    ("C1", "the-forge", 1, 0, 0, "ao", 100),
    ("C2", "the-yard", 1, 0, 0, None, 200),  # kind unset: a backblast channel counts as an AO channel
    ("C3", "old-ao", 1, 1, 0, "ao", 50),  # archived: colour kept, never posted to
    ("CR", "1st-f", 0, 0, 0, "region", 10),
    ("CH", "help", 0, 0, 0, "help", 11),
    ("CP", "leadership", 0, 0, 1, "other", 12),  # private: never quoted
]
USERS = [  # user_id, user_name (display), real_name, app, deleted
    ("U1", "Alpha", "Al A", 0, 0),
    ("U2", "", "Bravo Real", 0, 0),  # no display name: the real name
    ("U3", "Charlie", "Charles C", 0, 0),
    ("U4", "Delta", "Dee D", 0, 1),  # deactivated: counted, never DMed
    ("U5", "Alpha", "Another Al", 0, 0),  # same display name as U1: both told apart
    ("UB", "slackblast", "Slackblast", 1, 0),  # an app: never a person
]
BEATDOWNS = [  # ao, date, q, coq column, json coq_user_ids, fngs, timestamp
    ("C1", "2023-12-30", "U1", None, None, 3, None),  # last year: out
    ("C1", "2024-01-05", "U1", "U2", ["U2"], 1, None),
    ("C1", "2024-03-01", "U1", None, [], 0, None),
    ("C1", "2024-03-08", "U2", "U1", ["U1", "U3"], 2, "ts-bb"),  # two Co-Qs, from the json list
    ("C2", "2024-03-02", "UB", None, None, 0, None),  # a bot as Q: not a person
    ("C2", "2024-03-09", "U3", "U2", None, 1, None),  # no json: the coq_user_id column
    ("C2", "2024-04-01", "U1", None, None, 5, None),  # after the period: out
]
ATTENDANCE = {  # (ao, date, q) -> people
    ("C1", "2023-12-30", "U1"): ["U1"],
    ("C1", "2024-01-05", "U1"): ["U1", "U2", "U3"],
    ("C1", "2024-03-01", "U1"): ["U1", "U2"],
    ("C1", "2024-03-08", "U2"): ["U2", "U1", "U3", "U4"],
    ("C2", "2024-03-02", "UB"): ["UB", "U3"],
    ("C2", "2024-03-09", "U3"): ["U3", "U2"],
    ("C2", "2024-04-01", "U1"): ["U1"],
}


def ts(y, m, d, hh=12, mm=0) -> str:
    return f"{datetime(y, m, d, hh, mm, tzinfo=CHI).timestamp():.6f}"


BB_TS = ts(2024, 3, 8, 7)
MESSAGES = [  # channel, ts, user, text, reactions [(name, users)], files, extra
    ("C1", ts(2024, 3, 26, 10), "U1", "see you at <#C2|the-yard>", [], 1, {}),
    ("CR", ts(2024, 3, 26, 11), "U2", "2nd F breakfast", [], 0, {}),
    ("CH", ts(2024, 3, 19), "U3", "anyone have a headlamp?", [], 2, {}),
    ("C1", ts(2024, 3, 27), "UB", "bot says hi", [("fire", ["U1"] * 1)], 0, {"bot_id": "B1"}),  # bot: never counted
    ("C1", ts(2024, 3, 27, 13), "U2", "oops", [("x", ["U1"])], 0, {"deleted": 1}),  # deleted
    ("C1", ts(2024, 3, 27, 14), "U3", "<@U3> has joined the channel", [], 0, {"subtype": "channel_join"}),
    ("CP", ts(2024, 3, 28), "U1", "private chatter", [("fire", ["U2", "U3", "U5", "U4", "U1"])] * 2, 0, {}),
    ("C2", ts(2024, 3, 28, 15), "U2", "reply in a thread", [], 0, {"thread_ts": ts(2024, 3, 26, 11)}),
    ("C1", ts(2024, 4, 2), "U1", "April: after the period", [("fire", ["U2"] * 1)] * 9, 0, {}),
    ("C1", ts(2024, 3, 31, 23, 30), "U2", "late Sunday night (Monday UTC)", [], 0, {}),
    # heard: reacted messages in March
    ("C2", ts(2024, 3, 12), "U2", "Great *Q* <@U1>! &amp; thanks", [("fire", ["U1", "U3"]), ("muscle", ["U4", "U5"])], 0, {}),
    ("C1", BB_TS, "U2", "*Backblast! Hills*\nQ: <@U2>\nPAX: <@U1> <@U3> <@U4>", [("fire", ["U1", "U3", "U4"]), ("100", ["U1", "U3", "U4", "U5"])], 0, {}),
    ("C1", ts(2024, 3, 14), "U3", "Who is in for the ruck?", [("+1", ["U1", "U2", "U4", "U5", "U3"])], 0, {}),
    ("C1", ts(2024, 3, 15), "U1", "Preblast: Saturday at the yard", [("fire", ["U2"])], 0, {}),
]


def fill_region(engine) -> None:
    """Insert the hand-made region above."""
    now = utcnow()
    with engine.begin() as conn:
        upsert(conn, "aos", [{"channel_id": c, "ao": n, "backblast": b, "archived": a, "is_private": p, "kind": k,
                              "channel_created": cr} for c, n, b, a, p, k, cr in AOS], ["channel_id"])
        upsert(conn, "users", [{"user_id": u, "user_name": n, "real_name": r, "app": a, "deleted": d}
                               for u, n, r, a, d in USERS], ["user_id"])
        upsert(conn, "beatdowns", [
            {"ao_id": ao, "bd_date": d, "q_user_id": q, "coq_user_id": c, "fng_count": f,
             "timestamp": BB_TS if t == "ts-bb" else None, "pax_count": len(ATTENDANCE[(ao, d, q)]) + f,
             "json": None if j is None else json.dumps({"coq_user_ids": j, "q_user_id": q})}
            for ao, d, q, c, j, f, t in BEATDOWNS], ["ao_id", "bd_date", "q_user_id"])
        upsert(conn, "bd_attendance", [{"user_id": u, "ao_id": ao, "date": d, "q_user_id": q}
                                       for (ao, d, q), people in ATTENDANCE.items() for u in people],
               ["q_user_id", "user_id", "ao_id", "date"])
        msgs = []
        for i, (ch, t, u, txt, reacts, files, extra) in enumerate(MESSAGES):
            reactions = [{"name": n, "count": len(us), "users": us} for n, us in reacts]
            msgs.append({"channel_id": ch, "ts": t, "user_id": u, "text": txt, "file_count": files,
                         "reactions": json.dumps(reactions) if reactions else None,
                         "reaction_count": sum(r["count"] for r in reactions), "bot_id": extra.get("bot_id"),
                         "deleted": extra.get("deleted", 0), "subtype": extra.get("subtype"),
                         "thread_ts": extra.get("thread_ts"), "content_hash": f"h{i}", "first_seen": now, "updated_at": now})
        upsert(conn, "messages", msgs, ["channel_id", "ts"])


@pytest.fixture
def data(app, region_schema) -> ChartData:
    eng = app.db.engine(region_schema)
    fill_region(eng)
    return ChartData(eng, MARCH, "America/Chicago")


def region(schema: str, **kw) -> Region:
    return Region(region="Test Region", schema_name=schema, slack_token="xoxb-test", firstf_channel="CR", **kw)


# -- periods (pure) -------------------------------------------------------------------------------------
def test_periods():
    assert previous_month(date(2024, 1, 15)) == date(2023, 12, 1)
    assert parse_month("2024-3") == date(2024, 3, 1)
    for bad in ("2024-13", "March", "2024-03-01"):
        with pytest.raises(ValueError):
            parse_month(bad)
    assert (MARCH.key, MARCH.label, MARCH.complete) == ("2024-03", "March 2024", True)
    assert MARCH.months == ["2024-01", "2024-02", "2024-03"]
    so_far = Period.of(date(2024, 3, 1), date(2024, 3, 15))
    assert (so_far.key, so_far.label, so_far.through) == ("2024-03-partial", "March 2024 (to 15 Mar)", date(2024, 3, 15))
    with pytest.raises(ValueError):
        Period.of(date(2024, 5, 1), date(2024, 4, 30))
    weeks = MARCH.weeks()
    assert len(weeks) == 13 and weeks[-1] == "2024-03-25" and weeks[0] == "2024-01-01"


def test_plain_text():
    assert plain_text("Great *Q* <@U1>! &amp; <https://x.io|the sheet> <!here> <#C9>", {"U1": "Alpha"}, {"C9": "ao"}) \
        == "Great Q @Alpha! & the sheet @here #ao"


# -- the frames behind each chart ---------------------------------------------------------------------
def test_people_and_colour_order(data):
    users = data.users()
    assert users.loc["U2", "name"] == "Bravo Real"
    assert {users.loc["U1", "name"], users.loc["U5", "name"]} == {"Alpha (U1)", "Alpha (U5)"}
    assert data.ao_order() == ["C3", "C1", "C2"]  # backblast channels by creation, archived included
    assert data.months_with_data() == {"2024-01", "2024-03"}


def test_pax_frames(data):
    frames = dict(data.pax_frames())
    assert sorted(frames) == ["U1", "U2", "U3", "U4"]  # the bot UB never; U4 posted (DMs skip them later)
    assert frames["U1"].to_dict() == {"C1": {"2024-01": 1, "2024-02": 0, "2024-03": 2}}
    assert list(frames["U2"].columns) == ["C1", "C2"]
    assert frames["U2"].to_dict() == {"C1": {"2024-01": 1, "2024-02": 0, "2024-03": 2}, "C2": {"2024-01": 0, "2024-02": 0, "2024-03": 1}}
    assert frames["U3"].to_numpy().sum() == 4  # C1 Jan, C1 Mar 8, C2 Mar 2 (the bot's beatdown still counts for U3), C2 Mar 9
    assert frames["U4"].to_dict() == {"C1": {"2024-01": 0, "2024-02": 0, "2024-03": 1}}


def test_q_frames(data):
    # March: C1 3/1 Q U1; C1 3/8 Q U2 with Co-Qs U1, U3; C2 3/2 Q is the bot (dropped); C2 3/9 Q U3, Co-Q U2
    c1 = data.q_ao_frame("C1")
    assert list(c1.index) == ["Alpha (U1)", "Bravo Real", "Charlie"]
    assert c1.to_dict("index") == {"Alpha (U1)": {"qs": 1, "coqs": 1}, "Bravo Real": {"qs": 1, "coqs": 0},
                                   "Charlie": {"qs": 0, "coqs": 1}}
    assert data.q_ao_frame("C2").to_dict("index") == {"Charlie": {"qs": 1, "coqs": 0}, "Bravo Real": {"qs": 0, "coqs": 1}}
    assert data.q_ao_frame("C3").empty
    region_q = data.q_region_frame()
    assert list(region_q.columns) == ["C1", "C2"]
    assert region_q.to_dict("index") == {"Alpha (U1)": {"C1": 2, "C2": 0}, "Bravo Real": {"C1": 1, "C2": 1},
                                         "Charlie": {"C1": 1, "C2": 1}}
    assert (data.beatdown_count("C1"), data.beatdown_count("C2"), data.beatdown_count()) == (2, 2, 4)


def test_ao_and_fng_frames(data):
    assert data.ao_frame("C1").to_dict("index") == {"2024-01": {"posts": 3, "pax": 3}, "2024-02": {"posts": 0, "pax": 0},
                                                   "2024-03": {"posts": 6, "pax": 4}}
    assert data.ao_frame("C2").to_dict("index")["2024-03"] == {"posts": 3, "pax": 2}  # U3 twice, U2; the bot not
    assert data.ao_year_pax("C1") == 4
    fng = data.fng_frame()
    assert fng.to_dict() == {"C1": {"2024-01": 1, "2024-02": 0, "2024-03": 2}, "C2": {"2024-01": 0, "2024-02": 0, "2024-03": 1}}


def test_leaderboards(data):
    month = data.leaderboard("month")
    assert month[["rank", "name", "posts", "aos"]].values.tolist() == [
        [1, "Bravo Real", 3, 2], [1, "Charlie", 3, 2], [3, "Alpha (U1)", 2, 1], [4, "Delta", 1, 1]]
    year = data.leaderboard("year")
    assert year[["rank", "user_id", "posts", "aos"]].values.tolist() == [
        [1, "U2", 4, 2], [1, "U3", 4, 2], [3, "U1", 3, 1], [4, "U4", 1, 1]]
    at_c2 = data.leaderboard("month", "C2")  # posts at C2, AOs region-wide
    assert at_c2[["rank", "name", "posts", "aos"]].values.tolist() == [[1, "Charlie", 2, 2], [2, "Bravo Real", 1, 2]]
    assert data.leaderboard("month", "C3").empty
    assert len(data.leaderboard("year", top=2)) == 2


def test_activity(data):
    act = data.activity().set_index(["week", "kind"])
    assert len(act) == 13 * 4
    # week of Mon 25 Mar: C1 message (1 file) and the Sunday 23:30 Chicago one (Monday UTC) in AO channels,
    # the 1st-f message, a thread reply in C2; not the bot, the deleted one or the join
    assert act.loc[("2024-03-25", "ao")].to_dict() == {"messages": 3, "files": 1}
    assert act.loc[("2024-03-25", "region")].to_dict() == {"messages": 1, "files": 0}
    assert act.loc[("2024-03-25", "other")].to_dict() == {"messages": 1, "files": 0}  # private chatter counts, unquoted
    assert act.loc[("2024-03-18", "help")].to_dict() == {"messages": 1, "files": 2}
    assert int(act["messages"].sum()) == 10  # those 7 + the reacted ones of 8, 12, 14 and 15 Mar


def test_heard(data):
    heard = data.heard()
    assert heard["text"].tolist() == ["Backblast! Hills", "Who is in for the ruck?", "Great Q @Alpha (U1)! & thanks",
                                      "Preblast: Saturday at the yard"]
    assert heard["reactions"].tolist() == [7, 5, 4, 1]
    assert heard["blast"].tolist() == [True, False, False, True]
    assert heard.loc[1, ["name", "channel", "day", "reactors"]].tolist() == ["Charlie", "the-forge", "2024-03-14", 5]


def test_one_query_per_source(data):
    list(data.pax_frames())
    data.q_region_frame(), data.fng_frame(), data.activity(), data.heard()
    for ao in ("C1", "C2"):
        data.q_ao_frame(ao), data.ao_frame(ao), data.leaderboard("month", ao), data.leaderboard("year", ao)
    assert data.queries == 6  # aos, users, attendance, beatdowns, activity, heard


def test_empty_region(app, region_schema):
    d = ChartData(app.db.engine(region_schema), MARCH)
    assert list(d.pax_frames()) == [] and d.q_region_frame().empty and d.leaderboard("month").empty
    assert d.fng_frame().to_numpy().sum() == 0 and d.heard().empty and d.activity()["messages"].sum() == 0
    cx = context(app, region(region_schema), MARCH)
    charts = build_charts(cx, list(CHART_KINDS))
    assert sorted(c.kind for c in charts) == ["activity", "fng", "heard", "leaderboard", "q-region"]  # no AO is active


# -- who gets what ----------------------------------------------------------------------------------------
def test_builders_recipients(app, region_schema, data):
    cx = context(app, region(region_schema), MARCH)
    assert cx.empty == frozenset({"2024-02"})
    charts = build_charts(cx, list(CHART_KINDS))
    by = {}
    for c in charts:
        by.setdefault(c.kind, []).append(c)
    assert [(c.recipient, c.dm) for c in by["pax"]] == [("U1", True), ("U2", True), ("U3", True)]  # not U4 (deactivated)
    for kind in ("q", "ao", "ao-leaderboard"):
        assert [c.recipient for c in by[kind]] == ["C1", "C2"], kind  # not the archived C3
    for kind in ("q-region", "fng", "leaderboard", "activity", "heard"):
        assert [c.recipient for c in by[kind]] == ["CR"], kind
    assert charts[-1].kind == "pax"  # channels first, DMs last
    assert len({c.filename for c in charts}) == len(charts)
    names = " ".join(c.title + c.comment for c in charts)
    assert "slackblast" not in names and "Slackblast" not in names
    q1 = by["q"][0]
    assert q1.title == "#the-forge: who led, March 2024"
    assert q1.comment == "Who led at <#C1> in March 2024: 2 beatdowns, 2 Qs and 2 Co-Qs. Thank you, Qs!"
    assert by["pax"][1].comment.startswith("Your 2024 in Test Region so far, Bravo Real: *4 posts* at 2 AOs, 3 of them in March 2024")
    assert "1. Bravo Real (3), 1. Charlie (3), 3. Alpha (U1) (2)" in by["leaderboard"][0].comment
    assert by["heard"][0].comment.splitlines()[1] == ">Backblast! Hills"
    lb = by["ao-leaderboard"][1]
    assert lb.data[0]["posts"].tolist() == [2, 1] and lb.options["ao_id"] == "C2"


def test_flags_choose_kinds(region_schema):
    r = region(region_schema, send_q_charts=1, send_region_leaderboard=1,
               settings=json.dumps({"charts": {"heard": False, "pax": True}}))
    assert flagged_kinds(r) == ["pax", "q", "fng", "leaderboard", "activity"]
    assert flagged_kinds(region(region_schema)) == []
    assert set(BUILDERS) == set(CHART_KINDS) and ChartContext is not None


def test_partial_month(app, region_schema, data):
    p = Period.of(date(2024, 3, 1), date(2024, 3, 8))
    d = ChartData(app.db.engine(region_schema), p)
    assert d.leaderboard("month")["posts"].sum() == 2 + 4 + 1  # 3/1, 3/2 (U3 only), 3/8
    assert d.ao_frame("C2").loc["2024-03", "posts"] == 1
    assert int(d.activity()["messages"].sum()) == 1  # only the 8 Mar backblast is before 9 Mar
