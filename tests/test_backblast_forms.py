"""Focused tests for site-form layouts (Grand Rapids, Greensboro, Grand Strand, Gastonia-era forms): where a
rule reads what a person would, and where it must not."""

from __future__ import annotations

import datetime as dt

from miner.backblasts.parse import Context
from tests.helpers import parse_on

NAMES = ["Baron", "Fish Hook", "Kodak", "Pelican", "Gray Owl", "Scooter", "Soft Serve", "Corn Dog", "Pothole"]
USERS = {f"U{i}": {"user_name": n, "real_name": "", "app": 0} for i, n in enumerate(NAMES, 1)}
UID = {n: f"U{i}" for i, n in enumerate(NAMES, 1)}
CTX = Context(channel_id="C1", users=USERS, aos={"C1": "ao-the-canyon"}, tz="America/New_York")


def parse(text: str, day: str = "2022-05-06", user: str = "U1"):
    return parse_on(CTX, text, day, user)


def test_pipe_separated_labels_and_bracketed_list_on_the_next_line():
    p = parse("Backblast #414 – Back\n\nDATE | May 30, 2020\nAO | The Canyon\nQ | Pelican\n\nPAX: 4\n"
              "[Kodak, Gray Owl, Scooter, Pelican (QIC)]\n\n5 Core Principles: Free of charge | Open to all men")
    assert p.status == "ok" and p.q_user_id == UID["Pelican"]
    assert p.bd_date == dt.date(2020, 5, 30) and p.pax_count == 4 and not p.unmatched_names


def test_group_headings_inside_a_pax_list_are_not_names():
    p = parse("Date: 3/18/23\n\nPAX: Runners (2) – Kodak, Scooter;  Bootcampers (3): Gray Owl, Fish Hook, Baron (QIC)")
    assert p.q_user_id == UID["Baron"] and not p.unmatched_names and p.pax_count == 5


def test_qic_before_the_name_in_a_list_and_count_line_ending_in_pax():
    p = parse("Backblast #208 Liberty Ruck\n\nAO: The Canyon\n\nGoals recited to 3 PAX\n\nGray Owl, Scooter, QIC Soft Serve\n")
    assert p.q_user_id == UID["Soft Serve"]
    assert set(p.pax_user_ids) == {UID["Gray Owl"], UID["Scooter"], UID["Soft Serve"]} and p.pax_count == 3


def test_label_with_its_value_on_the_next_line():
    p = parse("Tidepool Thursday\nWorkout Date:\n06/03/2021\nQIC:\nPothole\nPAX:\n"
              "Kodak, Gray Owl, Scooter, Fish Hook, Corn Dog, Soft Serve, and a visitor from far away named Ramen\n"
              "The Thang:\nRunning.")
    assert p.q_user_id == UID["Pothole"] and p.bd_date == dt.date(2021, 6, 3) and p.date_flag is None
    assert UID["Corn Dog"] in p.pax_user_ids


def test_empty_label_does_not_take_a_label_line_or_a_list_after_a_blank_line():
    p = parse("  • AO:\n  • QIC: Baron\n  • When: 5/6/22\n  • PAX: Kodak, Fish Hook")
    assert p.q_user_id == UID["Baron"] and p.ao_id == "C1"
    p = parse("Workout Date:\n\n\nKodak, Fish Hook, Baron (QIC)\n\nThe Thang:", day="2022-05-06")
    assert p.date_flag == "missing" and p.q_user_id == UID["Baron"]


def test_unlabelled_list_with_one_qic_is_the_pax_list():
    p = parse("Workout Date:\n\n\n\nKodak, Gray Owl (R), Scooter (AOQ), Corn Dog (QIC), Jalopy(FNG)\n\nThe Thang:\nHills.")
    assert p.status == "ok" and p.q_user_id == UID["Corn Dog"] and p.fng_count == 1 and p.pax_count == 5


def test_schedule_with_several_q_marks_is_not_a_backblast():
    p = parse("Q sign ups for next week:\nMon – Kodak (Q), Tue – Baron (Q), Wed – open, Thu – Scooter (Q)")
    assert p.status == "not_backblast"


def test_dash_left_by_a_mention_before_a_visitor():
    p = parse(f"Q: Pothole\nDate: 6/3/21\nPAX: <@{UID['Kodak']}>, <@{UID['Scooter']}> – Ramen (DR, joined late)")
    assert p.unmatched_names == ["Ramen"] and p.pax_count == 4
