"""miner.scoring on hand-built frames: scores from hand-computed fixtures, streaks, achievements."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from miner.scoring import (
    DEFAULT_WEIGHTS,
    build_achievements,
    build_activity,
    build_frames,
    build_scores,
    build_streaks,
    merge_settings,
    parse_ehs,
    period_bounds,
)

USERS = pd.DataFrame({
    "user_id": ["U1", "U2", "U3", "B1"], "user_name": ["Alpha", "Bravo", "Charlie", "Slackblast"],
    "app": [0, 0, 0, 1], "deleted": [0, 0, 0, 0],
})


def frames_from(beatdowns: list[tuple], activity: pd.DataFrame | None = None, users=USERS):
    """beatdowns: (ao_id, date, q, [coqs], [pax], [(eh, fng)]) -> Frames, as scorer.read_frames builds them."""
    att, bds = [], []
    for ao, day, q, coqs, pax, ehs in beatdowns:
        bds.append({"ao_id": ao, "date": day, "q_user_id": q, "coq_user_ids": coqs, "ehs": ehs})
        att += [{"user_id": u, "ao_id": ao, "date": day, "q_user_id": q} for u in dict.fromkeys([q, *coqs, *pax])]
    act = activity if activity is not None else pd.DataFrame(
        columns=["user_id", "channel_id", "kind", "date", "messages", "files", "reactions"])
    return build_frames(users, pd.DataFrame(att, columns=["user_id", "ao_id", "date", "q_user_id"]),
                        pd.DataFrame(bds, columns=["ao_id", "date", "q_user_id", "coq_user_ids", "ehs"]), act)


MARCH = [
    ("AO2", "2024-02-20", "U2", [], ["U1"], []),
    ("AO1", "2024-03-02", "U1", [], ["U2", "B1"], []),
    ("AO1", "2024-03-09", "U2", ["U1"], ["U3"], [("U2", "U3")]),
    ("AO2", "2024-03-12", "U1", [], ["U2", "U3"], []),
    ("AO1", "2024-03-20", "U1", [], ["U2"], []),  # after the as-of date: ignored
]
ACTIVITY = pd.DataFrame({
    "user_id": ["U1", "U1", "U1", "B1"], "channel_id": ["AO1", "H1", "AO1", "AO1"],
    "kind": ["ao", "help", "ao", "ao"],
    "date": pd.to_datetime(["2024-03-05", "2024-03-06", "2024-01-02", "2024-03-05"]),
    "messages": [3, 1, 50, 9], "files": [2, 0, 0, 0], "reactions": [4, 0, 0, 0],
})


def by_user(df: pd.DataFrame) -> dict:
    return {r["user_id"]: r for r in df.to_dict("records")}


def test_month_scores_match_hand_computation():
    s = build_scores(frames_from(MARCH, ACTIVITY), date(2024, 3, 15), "month")
    got = by_user(s)
    assert list(s.user_id) == ["U1", "U2", "U3"]  # the app never appears
    a = got["U1"]
    # posts 3 (Q'd ones included), qs 3 (2 Qs + 1 Co-Q), 2 AOs, streak: weeks of Feb 19, Feb 26, Mar 4, Mar 11
    assert (a["posts"], a["qs"], a["aos"], a["streak_current"], a["streak_longest"]) == (3, 3, 2, 4, 4)
    assert (a["msgs_ao"], a["msgs_help"], a["files"], a["reactions"]) == (3, 1, 2, 4)
    # 3*10 + 3*15 + 2*5 + 4*2 + (3*.5 + 1*1 + 2*1 + 4*.25 = 5.5) = 98.5 -> 99 (half up)
    assert a["pts_activity"] == 5.5 and a["score"] == 99 and a["rank"] == 1
    b = got["U2"]
    # posts 3, 1 Q (Mar 9), 2 AOs, streak 4, EH'd 1 FNG who posted only twice (not retained)
    assert (b["posts"], b["qs"], b["aos"], b["streak_current"], b["fngs_brought"], b["fngs_retained"]) == (3, 1, 2, 4, 1, 0)
    assert b["score"] == 30 + 15 + 10 + 8 + 10 and b["rank"] == 2
    c = got["U3"]
    assert (c["posts"], c["qs"], c["streak_current"], c["score"]) == (2, 0, 2, 20 + 10 + 4)
    assert str(c["last_post"]) == "2024-03-12"


def test_periods_and_ytd_counts_february():
    s = by_user(build_scores(frames_from(MARCH, ACTIVITY), date(2024, 3, 15), "ytd"))
    assert s["U1"]["posts"] == 4 and s["U2"]["qs"] == 2 and s["U1"]["msgs_ao"] == 53
    # activity cap: 40 per 30 days of the period (75 days -> 100)
    assert s["U1"]["pts_activity"] == 3 * .5 + 50 * .5 + 1 + 2 + 1
    assert period_bounds(date(2024, 3, 15), "90d") == (date(2023, 12, 17), date(2024, 3, 15))
    with pytest.raises(ValueError):
        period_bounds(date(2024, 3, 15), "week")


def test_weights_change_scores_without_new_data():
    f = frames_from(MARCH, ACTIVITY)
    heavy_q = build_scores(f, date(2024, 3, 15), "month", {"q": "100", "msg_ao": 0})
    u1 = by_user(heavy_q)["U1"]
    assert u1["score"] == 30 + 300 + 10 + 8 + (1 + 2 + 1)


def test_activity_cap():
    act = ACTIVITY.assign(messages=[500, 0, 0, 0])
    u1 = by_user(build_scores(frames_from(MARCH, act), date(2024, 3, 15), "month"))["U1"]
    assert u1["pts_activity"] == 40 * 15 / 30


def test_fng_retention():
    bds = [("AO1", "2024-03-01", "U1", [], ["U3"], [("U1", "U3")])]
    bds += [("AO1", f"2024-03-0{d}", "U2", [], ["U3"], []) for d in (4, 6)]
    got = by_user(build_scores(frames_from(bds), date(2024, 3, 15), "month"))["U1"]
    assert (got["fngs_brought"], got["fngs_retained"]) == (1, 1)
    assert got["score"] == 10 + 15 + 5 + 0 + 10 + 10  # streak broken: no post since the week of Feb 26


def test_ao_scope():
    f = frames_from(MARCH, ACTIVITY).for_ao("AO2")
    s = by_user(build_scores(f, date(2024, 3, 15), "month"))
    assert set(s) == {"U1", "U2", "U3"} and s["U1"]["posts"] == 1 and s["U1"]["msgs_ao"] == 0


def weekly(start: date, weeks: int, user="U1") -> list[tuple]:
    return [("AO1", (start + timedelta(weeks=i)).isoformat(), user, [], [], []) for i in range(weeks)]


def test_streak_across_year_boundary():
    f = frames_from(weekly(date(2023, 12, 4), 6))  # Mondays Dec 4 .. Jan 8
    assert build_streaks(f.posts, date(2024, 1, 10)).loc["U1"].tolist() == [6, 6]
    # the as-of week has no post yet: the streak is still alive
    assert build_streaks(f.posts, date(2024, 1, 17)).loc["U1"].tolist() == [6, 6]
    # a whole week missed: broken
    assert build_streaks(f.posts, date(2024, 1, 22)).loc["U1"].tolist() == [0, 6]
    # ISO week numbers restart in January; ours do not: Sunday Dec 31 and Monday Jan 1 are consecutive weeks
    g = frames_from([("AO1", "2023-12-31", "U1", [], [], []), ("AO1", "2024-01-01", "U1", [], [], [])])
    assert build_streaks(g.posts, date(2024, 1, 2)).loc["U1"].tolist() == [2, 2]


def test_streak_longest_vs_current():
    f = frames_from(weekly(date(2024, 1, 1), 5) + weekly(date(2024, 3, 4), 2))
    assert build_streaks(f.posts, date(2024, 3, 12)).loc["U1"].tolist() == [2, 5]


def test_achievements():
    bds = [("AO1", (date(2024, 1, 1) + timedelta(days=i)).isoformat(), "U2", [], ["U1"], []) for i in range(7)]
    bds += [(f"AO{i}", f"2024-02-{i + 1:02d}", "U1", [], [], []) for i in range(7)]  # Q at 7 AOs in February
    bds += [("AO1", f"2023-{m:02d}-10", "U1", [], [], []) for m in range(1, 13)]
    bds += [("AO1", f"2023-{m:02d}-20", "U1", [], [], []) for m in range(1, 13)]
    bds += [("AO1", "2023-12-28", "U1", [], [], [])]  # 25th post of 2023
    got = build_achievements(frames_from(bds), date(2024, 3, 1))
    keys = {(r.user_id, r.achievement, r.period_key): r for r in got.itertuples()}
    assert keys[("U1", "six_pack", "W2024-01-01")].achieved_on == date(2024, 1, 6)  # 6th post, Jan 1-7 week
    assert keys[("U2", "six_pack", "W2024-01-01")].achieved_on == date(2024, 1, 6)
    assert keys[("U2", "leader_of_men", "2024-01")].achieved_on == date(2024, 1, 4)
    assert keys[("U2", "the_boss", "2024-01")].achieved_on == date(2024, 1, 6)
    assert keys[("U1", "cadre", "2024-02")].achieved_on == date(2024, 2, 7)
    assert keys[("U1", "el_quatro", "2023")].achieved_on == date(2023, 12, 28)
    assert ("U1", "el_quatro", "2024") not in keys
    assert not any(a == "holding_down_the_fort" for _, a, _ in keys)
    # thresholds are configuration; 0 disables
    fewer = build_achievements(frames_from(bds), date(2024, 3, 1), {"holding_down_the_fort": 30, "six_pack": 0})
    fort = fewer[fewer.achievement == "holding_down_the_fort"]
    assert fort.ao_id.tolist() == ["AO1"] and fort.period_key.tolist() == ["AO1"]
    assert "six_pack" not in set(fewer.achievement)
    # nothing after the as-of date counts
    assert build_achievements(frames_from(bds), date(2024, 1, 5)).query("achievement == 'the_boss'").empty


def test_parse_ehs_from_text_and_result():
    names = {"charlie": "U3"}
    text = "Q: <@U1>\nPAX: <@U2>\nFNGs: Charlie (EH: <@U2>), <@U9> (EH'd by <@U1>), Dave eh <@U2>\nCOT"
    assert parse_ehs(text, {}, names) == [("U2", "U3"), ("U1", "U9"), ("U2", None)]
    assert parse_ehs("Behind the eight ball, rehab", {}, names) == []
    assert parse_ehs("", {"ehs": [{"eh_user_id": "U1", "fng_user_id": "U7"}]}, names) == [("U1", "U7")]


def test_build_activity_local_dates_and_kinds():
    # 2024-03-02 03:00 UTC is still March 1 in Chicago
    msgs = pd.DataFrame({"channel_id": ["AO1", "AO1", "X9"], "user_id": ["U1", "U1", "U1"],
                         "ts": ["1709348400.000100", "1709348500.000100", "1709348400.000200"],
                         "file_count": [1, 0, 0], "reaction_count": [2, 3, 0]})
    act = build_activity(msgs, {"AO1": "ao"}, "America/Chicago")
    row = act[act.channel_id == "AO1"].iloc[0]
    assert str(row.date.date()) == "2024-03-01" and (row.messages, row.files, row.reactions) == (2, 1, 5)
    assert act[act.channel_id == "X9"].kind.tolist() == ["other"]


def test_merge_settings_types():
    got = merge_settings(DEFAULT_WEIGHTS, {"post": "12", "msg_ao": "0.75", "bogus": "x"}, {"post": 20, "q": "n/a"})
    assert got["post"] == 20 and got["msg_ao"] == 0.75 and got["q"] == 15 and got["bogus"] == "x"
    assert merge_settings({"on": False}, {"on": "yes"})["on"] is True


def test_empty_region():
    f = frames_from([])
    assert build_scores(f, date(2024, 3, 15), "90d").empty
    assert build_achievements(f, date(2024, 3, 15)).empty
