"""Focused tests for header layouts seen on F3 region sites (NE Wake, Omaha, New Bern): where a rule reads
something a person would, and where it must not."""

from __future__ import annotations

import datetime as dt

from miner.backblasts.parse import Context, parse_message
from tests.helpers import parse_on

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
    return parse_on(CTX, text, day, user)


def test_date_line_without_label_is_read():
    p = parse("April 29, 2022 (Friday)\n\nSite: The Canyon\n\nPAX: Kodak, Fish Hook\n\nQ: Baron")
    assert p.bd_date == dt.date(2022, 4, 29) and p.date_flag is None


BODY = "\n\nAO: The Canyon\nPAX: Kodak, Fish Hook\nQ: Baron"


def test_date_in_the_title_is_the_workout_date():
    for title, day in [
        ("Backblast by Baron on 04/29/2022", dt.date(2022, 4, 29)),
        ("Backblast: 5.4.22 AO Canyon, 5:30 AM: Run before you crawl", dt.date(2022, 5, 4)),
        ("5.4.22 Back Blast – 6 year Convergence at The Canyon", dt.date(2022, 5, 4)),
        ("Back-Blast 05.03.2022: Odds and Ends", dt.date(2022, 5, 3)),
        ("Backblast – Flash Bang Friday – School Nine – 5/3/22 – “A gameless Q”", dt.date(2022, 5, 3)),
        ("Canyon – 05.02.22 – “Hoops Tribute”", dt.date(2022, 5, 2)),
        ("Cutting the DECK: Backblast for Canyon ~ 5-4-22", dt.date(2022, 5, 4)),
        ("BackBlast: 7-11 May 2, 2022", dt.date(2022, 5, 2)),  # '7-11' is an AO, not July 11
        ("Backblast Monday May2 Red White and Bang", dt.date(2022, 5, 2)),  # no year: the latest May 2
        ("Back Blast 5.1.22 to 5.2.22 – Relay Team Van 1", dt.date(2022, 5, 1)),  # a range: its first day
        ("New Year’s Day 2022 Convergence – “Feeling 22” – 05.05.22", dt.date(2022, 5, 5)),
        ("*Backblast!* Sandbag Ladder 2022-05-04", dt.date(2022, 5, 4)),
    ]:
        p = parse(title + BODY)
        assert (p.bd_date, p.date_flag) == (day, None), title


def test_title_date_in_the_region_date_order():
    ctx = Context(channel_id="C1", users=USERS, aos={"C1": "ao-the-canyon"}, tz="Europe/London", date_order="DMY")
    ts = dt.datetime(2022, 5, 6, 9, 0, tzinfo=dt.timezone.utc).timestamp()
    p = parse_message({"type": "message", "user": "U1", "ts": f"{ts:.6f}", "text": "Backblast 04.05.22" + BODY}, ctx)
    assert p.bd_date == dt.date(2022, 5, 4) and p.date_flag is None


def test_no_date_in_the_title_is_missing():
    for title in [
        "Backblast: 7-11",  # an AO named 7-11
        "Backblast 810",  # a number
        "Backblast #163 – 8 of Clubs",
        "4 Back Blast – 6 year Convergence, Van 1",
        "Backblast: Canyon, 5:30 AM",  # a time
        "Backblast: 3/4 mile and 1/2 Murph",  # fractions, no year
        "Backblast: may 5 pax join us",  # 'may' the verb
        "Backblast: Murph v1.2.10",  # 2010: long before the post
        "Backblast: the 5/9/22 convergence",  # after the post: a preview, not this workout
        "Backblast Monday",  # a weekday alone is no date written
    ]:
        p = parse(title + BODY)
        assert (p.bd_date, p.date_flag) == (dt.date(2022, 5, 6), "missing"), title


def test_title_date_only_when_no_line_gives_one():
    p = parse("Backblast 5.1.22: Hill repeats" + BODY + "\nDate: 5/3/2022")
    assert p.bd_date == dt.date(2022, 5, 3)
    p = parse("Backblast 5.1.22: Hill repeats\n\nAO: The Canyon, 05-02-2022\nPAX: Kodak, Fish Hook\nQ: Baron")
    assert p.bd_date == dt.date(2022, 5, 2)


def test_bare_month_day_in_the_title_only_close_before_the_post():
    for title, day in [("Backblast: Red, White & Boom – 5/5", dt.date(2022, 5, 5)),
                       ("YOU SHOULD READ: 5/6 Q/Lead/Convergence Backblast", dt.date(2022, 5, 6))]:
        p = parse(title + BODY)
        assert (p.bd_date, p.date_flag) == (day, None), title
    for title in ["Backblast: 3/4 mile and 1/2 Murph",  # March 4 / January 2: far before the post, fractions
                  "Backblast: 5/9 preview",  # after the post
                  "Backblast: 7-11 run",  # no slash: an AO's name
                  "Backblast 4/20 4/21"]:  # April 20: more than two weeks before the post
        p = parse(title + BODY)
        assert (p.bd_date, p.date_flag) == (dt.date(2022, 5, 6), "missing"), title


def test_bare_month_dash_day_ends_a_backblast_line_and_is_no_ao_name():
    p = parse("Primary Day\n\nBack Blast, the Canyon, 5-4" + BODY)
    assert p.bd_date == dt.date(2022, 5, 4) and p.date_flag is None
    p = parse("Backblast: 5-4 mile run" + BODY)  # not ending the line: a range, a distance
    assert p.date_flag == "missing"
    ctx = Context(channel_id="C1", users=USERS, aos={"C1": "ao-the-canyon", "C2": "ao-7-11"}, tz="America/New_York")
    ts = dt.datetime(2022, 7, 12, 14, 0, tzinfo=dt.timezone.utc).timestamp()
    p = parse_message({"type": "message", "user": "U1", "ts": f"{ts:.6f}", "text": "Backblast – 7-11" + BODY}, ctx)
    assert p.date_flag == "missing"  # the AO called 7-11, not July 11


def test_region_ao_date_line_under_the_title():
    p = parse("Double Play Festival of Pain\n\nPosted on behalf of Baron:\n\nF3 Boone – The Canyon – 5/4/22\n\n"
              "PAX: Kodak, Fish Hook\nQ: Baron")
    assert p.bd_date == dt.date(2022, 5, 4) and p.date_flag is None
    p = parse("Double Play Festival of Pain\n\nwe ran out to the far side of the canyon on 5/4/22\n\n"
              "PAX: Kodak, Fish Hook\nQ: Baron")  # a sentence, not a date line
    assert p.date_flag == "missing"


def test_title_date_when_the_date_line_holds_only_a_time():
    p = parse("Back-Blast 05.03.2022: Odds and Ends\n\nWhere: The Canyon\nWhen: 0700-0800\n\nQIC: Baron\nPAX: Kodak")
    assert p.bd_date == dt.date(2022, 5, 3) and p.date_flag is None
    p = parse("Back-Blast: Odds and Ends\n\nWhere: The Canyon\nWhen: 0700-0800\n\nQIC: Baron\nPAX: Kodak")
    assert p.bd_date == dt.date(2022, 5, 6) and p.date_flag == "missing"


def test_date_in_a_later_line_only_when_it_calls_itself_a_backblast():
    p = parse("Hill repeats\nBackblast for The Canyon 5.3.22" + BODY)
    assert p.bd_date == dt.date(2022, 5, 3)
    p = parse("Hill repeats\nWe said 5.3.22 would be the day" + BODY)
    assert p.date_flag == "missing"
    p = parse("Q: Baron\nPAX: Kodak, Fish Hook\nBackblast for The Canyon 5.3.22")  # below the first label
    assert p.date_flag == "missing"


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
