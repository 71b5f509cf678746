"""Focused tests for header layouts seen on F3 region sites (NE Wake, Omaha, New Bern): where a rule reads
something a person would, and where it must not."""

from __future__ import annotations

import datetime as dt

from miner.backblasts.parse import Context, parse_message

USERS = {
    "U1": {"user_name": "Baron", "real_name": "", "app": 0},
    "U2": {"user_name": "Fish Hook", "real_name": "", "app": 0},
    "U3": {"user_name": "5k", "real_name": "Tom Rich", "app": 0},
    "U4": {"user_name": "Pork Chop", "real_name": "", "app": 0},
    "U5": {"user_name": "Al", "real_name": "", "app": 0},
    "U6": {"user_name": "Corn Dog", "real_name": "", "app": 0},
    "U7": {"user_name": "Kodak", "real_name": "", "app": 0},
}
CTX = Context(channel_id="C1", users=USERS, aos={"C1": "ao-the-canyon"}, tz="America/New_York")


def parse(text: str, day: str = "2022-05-06", user: str = "U1"):
    d = dt.date.fromisoformat(day)
    ts = dt.datetime(d.year, d.month, d.day, 14, 0, tzinfo=dt.timezone.utc).timestamp()
    return parse_message({"type": "message", "user": user, "ts": f"{ts:.6f}", "text": text}, CTX)


def test_date_line_without_label_is_read():
    p = parse("April 29, 2022 (Friday)\n\nSite: The Canyon\n\nPAX: Kodak, Fish Hook\n\nQ: Baron")
    assert p.bd_date == dt.date(2022, 4, 29) and p.date_flag is None


def test_title_line_date_is_not_a_date_line():
    p = parse("Backblast by Baron on 04/29/2022\n\nAO: The Canyon\nPAX: Kodak, Fish Hook\nQ: Baron")
    assert p.bd_date == dt.date(2022, 5, 6) and p.date_flag == "missing"


def test_narrative_date_far_down_is_not_read():
    p = parse("Q: Baron\nPAX: Kodak, Fish Hook\nAO: The Canyon\n\nWe talked about May 1, 2019, the day it all began.")
    assert p.date_flag == "missing"


def test_prose_before_a_name():
    p = parse("The Q’s: Baron, his uncle Fish Hook\nPAX: Kodak\nDate: 5/6/2022")
    assert p.q_user_id == "U1" and p.coq_user_ids == ["U2"]


def test_capitalised_unknown_name_is_not_cut_to_a_user():
    p = parse("Q: Baron\nPAX: Kodak, Big Al\nDate: 5/6/2022")
    assert "U5" not in p.pax_user_ids and p.unmatched_names == ["Big Al"]


def test_name_followed_by_its_real_name():
    p = parse("Q: Baron\nPAX: Kodak, 5k Tom Rich, 5k Tom\nDate: 5/6/2022")
    assert "U3" in p.pax_user_ids
    assert p.pax_user_ids.count("U3") == 1


def test_f3_prefixed_handle():
    p = parse("Q: Baron\nPAX: @F3PorkChop, Kodak\nDate: 5/6/2022")
    assert "U4" in p.pax_user_ids and not p.unmatched_names


def test_q_at_the_end_of_a_dashed_header():
    p = parse("Backblast – The Canyon – Riverfront – 8/15/20 – Corn Dog\n\nPAX: Kodak, Fish Hook and Corn Dog.",
              day="2020-08-15", user="U6")
    assert p.status == "ok" and p.q_user_id == "U6"


def test_dashed_header_not_ending_with_a_user_names_no_q():
    p = parse("Backblast – The Canyon – Riverfront – Hill Day\n\nPAX: Kodak, Fish Hook", day="2020-08-15")
    assert p.q_user_id is None and p.status == "problem"


def test_sentence_with_a_date_above_the_labels_is_not_a_date_line():
    p = parse("Great morning.\n\nWe talked about May 1, 2019, the day it all began.\n\nQ: Baron\nPAX: Kodak, Fish Hook")
    assert p.date_flag == "missing"


def test_place_then_date_line():
    p = parse("Hill Day\n\nOmaha, The Canyon, 04/29/2022\n\nQ: Baron\nPAX: Kodak, Fish Hook")
    assert p.bd_date == dt.date(2022, 4, 29) and p.date_flag is None
