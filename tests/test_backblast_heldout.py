"""Focused tests for the rules added after the held-out measurement (tests/corpus/README.md, "Held-out
measurement"): where each reads what a person would, and where it must not fire."""

from __future__ import annotations

import datetime as dt

from miner.backblasts.parse import Context
from tests.helpers import parse_on

NAMES = ["Baron", "Fish Hook", "Kodak", "Pork Chop", "Corn Dog", "Blue Ox", "Wild Dog", "Hinges", "Slaw", "Gumbo",
         "Tater", "Mako"]
USERS = {f"U{i}": {"user_name": n, "real_name": "", "app": 0} for i, n in enumerate(NAMES, 1)}
USERS["U99"] = {"user_name": "ATM", "real_name": "Andy Mott", "app": 0}
UID = {v["user_name"]: k for k, v in USERS.items()}
CTX = Context(channel_id="C1", users=USERS, aos={"C1": "ao-the-canyon"}, tz="America/New_York")


def parse(text: str, user: str = "U1", day: str = "2022-05-06"):
    return parse_on(CTX, text, day, user)


def names(uids):
    return sorted(USERS[u]["user_name"] for u in uids)


def test_struck_through_q_is_taken_back():
    p = parse("Backblast\nDate: 5/5/22\nPAX: Kodak, Slaw, Gumbo\nQ: ~Kodak~ Baron", user="U1")
    assert p.q_user_id == UID["Baron"] and p.status == "ok"
    assert names(p.pax_user_ids) == ["Baron", "Gumbo", "Kodak", "Slaw"]
    # a single tilde is no strike-through: "~ 5-4-22" in a title stays a date
    p = parse("Canyon Backblast ~ 5-4-22\nPAX: Kodak, Slaw\nQ: Baron")
    assert p.bd_date == dt.date(2022, 5, 4)


def test_dash_q_and_at_the_q_close_a_pax_list():
    p = parse("Backblast 5/5/22\nPax: Kodak, Slaw, FNG – Tumbleweed, Gumbo – Q.")
    assert p.q_user_id == UID["Gumbo"] and p.unmatched_names == ["Tumbleweed"] and p.fng_count == 1
    p = parse("Backblast 5/5/22\nPax: Kodak (great to see you), Slaw, Gumbo at the Q")
    assert p.q_user_id == UID["Gumbo"]
    # "Q-Source" in a list item is no marker; the Q stays unnamed
    p = parse("Backblast 5/5/22\nPax: Kodak, Slaw, Gumbo\nAnnouncements: Q-Source tonight")
    assert p.q_user_id is None and p.status == "problem"


def test_aka_names_one_man():
    p = parse("Backblast 5/5/22\nPax: Kodak, Slaw, FNG(Tumbleweed), Attic Dweller aka Wild Dog (Q)")
    assert p.q_user_id == UID["Wild Dog"] and p.unmatched_names == ["Tumbleweed"] and p.pax_count == 4


def test_honorable_mention_is_not_there():
    p = parse("Backblast 5/5/22\nQ: Baron\n4 Pax: Kodak, Slaw, Gumbo and honorable mention Tater.")
    assert names(p.pax_user_ids) == ["Baron", "Gumbo", "Kodak", "Slaw"] and not p.unmatched_names


def test_family_lines_under_the_pax_list_are_not_pax():
    text = ("Backblast\nWhen: 5/5/22\nQIC: Baron\nPAX: Kodak, Slaw, Gumbo,\n    M’s – Speed Racer (Kim Lowe)\n"
            "    2.0’s - Biscuit, Lil Pete\n\nWe ran.")
    p = parse(text)
    assert names(p.pax_user_ids) == ["Baron", "Gumbo", "Kodak", "Slaw"] and not p.unmatched_names
    assert p.pax_count == 4
    # a wrapped PAX list still continues
    p = parse("Backblast\nWhen: 5/5/22\nQIC: Baron\nPAX: Kodak, Slaw,\n Gumbo, Tater\n\nWe ran.")
    assert names(p.pax_user_ids) == ["Baron", "Gumbo", "Kodak", "Slaw", "Tater"]


def test_co_q_label_alone_names_the_q_first():
    p = parse("Backblast 5/5/22\nPax List: Kodak, Slaw, Gumbo, Baron\nCo-Q’s: Gumbo & Slaw", user="U99")
    assert p.q_user_id == UID["Gumbo"] and p.coq_user_ids == [UID["Slaw"]] and p.status == "ok"
    # with a Q line the Co-Q line stays Co-Qs
    p = parse("Backblast 5/5/22\nQ: Baron\nPax: Kodak\nCo-Q: Gumbo & Slaw")
    assert p.q_user_id == UID["Baron"] and sorted(p.coq_user_ids) == sorted([UID["Gumbo"], UID["Slaw"]])


def test_writer_is_the_q_only_when_he_says_he_led():
    body = "Backblast 5/5/22\nThe PAX\tKodak, Slaw, Gumbo, Baron\n\n"
    assert parse(body + "11 men took part in YHC’s VQ.").q_user_id == UID["Baron"]
    assert parse(body + "Good work.\n\nAn honor to lead, Baron").q_user_id == UID["Baron"]
    p = parse(body + "Thanks for letting me out there with you.")  # the writer listed, never says he led
    assert p.q_user_id is None and p.status == "problem"


def test_q_at_the_helm_or_q_dash_name():
    p = parse("Backblast #9\nAO: Canyon\nWorkout Date: 05/05/2022\nPAX: Kodak, Slaw\n"
              "Pre-Blast: Let's celebrate with a BLUE OX at the reigns.", user="U6")
    assert p.q_user_id == UID["Blue Ox"]
    p = parse("Backblast: Canyon 5/5/2022, Answer the bell\n\nQ-Pork Chop\n\n3 Pax: Kodak, Slaw, Pork Chop")
    assert p.q_user_id == UID["Pork Chop"]
    p = parse("Backblast: Canyon 5/5/2022\n\nQ-Source at the brewery\n\n3 Pax: Kodak, Slaw, Gumbo")
    assert p.q_user_id is None  # "Q-Source ..." names nobody


def test_a_long_pax_list_without_q_is_a_roll_call():
    p = parse("Q for Rent – from Kodak\n\nPAX:Kodak, Slaw, Gumbo, Tater, Hinges, Corn Dog\n\nThe Mothership needed"
              " a Q, so YHC stepped up.", user="U3")
    assert p.status == "ok" and p.q_user_id == UID["Kodak"] and p.pax_count == 6
    # two names and no Q is chatter, not a backblast
    assert parse("PAX: Kodak, Slaw\n\nsee you all Saturday").status == "not_backblast"
    # a pre-blast inviting the PAX is no roll call
    assert parse("Preblast: Saturday\nPAX: Kodak, Slaw, Gumbo, Tater, Hinges, Corn Dog").status == "not_backblast"


def test_counted_pax_sentence_with_two_groups():
    text = ("Backblast: Red, White & Boom – 5/5/22\n\n7 PAX gathered for a humid Monday morning beatdown, RW&B: "
            "Kodak, Slaw and YHC – FOS: Gumbo, Tater, Hinges and Corn Dog.\n\nAn honor to lead, Baron")
    p = parse(text)
    assert names(p.pax_user_ids) == ["Baron", "Corn Dog", "Gumbo", "Hinges", "Kodak", "Slaw", "Tater"]
    assert p.q_user_id == UID["Baron"] and p.pax_count == 7


def test_nickname_and_first_name_is_one_user():
    p = parse("Backblast 5/5/22\nQ: Baron\nPAX: ATM Andy, Kodak, Slaw")
    assert names(p.pax_user_ids) == ["ATM", "Baron", "Kodak", "Slaw"] and not p.unmatched_names


def test_region_ao_date_line_below_the_title():
    p = parse("Double Play Festival of Pain\n\nPosted on behalf of Gumbo:\n\nF3 Canyon – The Homestead – 5/3/22\n\n"
              "Pax List: Kodak, Slaw, Gumbo\n\nQ: Gumbo")
    assert p.bd_date == dt.date(2022, 5, 3) and p.date_flag is None


def test_name_qic_without_parens_and_a_wife_in_the_list():
    p = parse("Backblast 5/5/22\n\nDisclaimer recited to 3 PAX\n\nKodak, Slaw, Gumbo QIC\n\nSSH x20")
    assert p.q_user_id == UID["Gumbo"] and names(p.pax_user_ids) == ["Gumbo", "Kodak", "Slaw"]
    p = parse("Backblast 5/5/22\n[Disclaimer given to 3 PAX + 1 M] – Kodak, Slaw, GUMBO’s M & GUMBO (QIC)")
    assert p.q_user_id == UID["Gumbo"] and not p.unmatched_names and p.pax_count == 3
    # a man whose name merely ends in 's' and an initial stays a man
    p = parse("Backblast 5/5/22\nQ: Baron\nPAX: Kodak, Slaw, Jones M")
    assert p.unmatched_names == ["Jones M"]
