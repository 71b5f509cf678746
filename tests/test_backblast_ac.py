"""Focused tests for layout rules met in the A-C regions' posts (Alpha, Boone, Cherokee, Chattanooga, Chicago,
Columbus, Crossroads): where a rule reads what a person would, and where it must not."""

from __future__ import annotations

import datetime as dt

from miner.backblasts.parse import Context
from tests.helpers import parse_on

NAMES = ["Polaroid", "Gristle", "Ladle", "4-Square", "7-11", "Palomino", "Fuji", "Sawbuck", "Okra", "Roller Chain"]
USERS = {f"U{i}": {"user_name": n, "real_name": "", "app": 0} for i, n in enumerate(NAMES, 1)}
UID = {n: f"U{i}" for i, n in enumerate(NAMES, 1)}
AOS = {"C1": "backblasts", "C2": "ao-eastgate", "C3": "ao-the-badger"}
CTX = Context(channel_id="C1", users=USERS, aos=AOS, tz="America/New_York")


def parse(text: str, day: str = "2019-11-11"):
    return parse_on(CTX, text, day, "U1")


def test_count_closing_the_pax_list_and_a_rating_that_is_no_date():
    p = parse("Backblast for Flintlock ~ 9-18-19\n\nAO: Flintlock\nConditions: 61 F, foggy, 6/10 Al Rokers\n"
              "PAX: Gristle, Ladle, Polaroid (Q) = 3")
    assert p.q_user_id == UID["Polaroid"] and p.pax_count == 3 and not p.unmatched_names
    assert p.bd_date == dt.date(2019, 9, 18) and p.date_flag is None  # the title's date, not June 10


def test_fng_marker_with_the_hospital_name():
    p = parse("When: 06/03/17\n\nQIC: Sawbuck\n\nPAX (): Cricket (FNG Dale Porter), Okra, Sawbuck")
    assert p.fng_count == 1 and [n.lower() for n in p.unmatched_names] == ["cricket"] and p.pax_count == 3


def test_a_name_starting_with_digits_is_no_head_count():
    p = parse("AO: Eastgate\nWhen: 01/15/2020\nPax Names: 4-Square, Gristle, 7-11, Ladle,\nQIC: Ladle")
    assert set(p.pax_user_ids) == {UID["4-Square"], UID["Gristle"], UID["7-11"], UID["Ladle"]}
    assert not p.unmatched_names and p.pax_count == 4
    p = parse("Backblast\nQ: Ladle\nPAX: 4 - Gristle, Okra, Fuji")  # a real head count still reads
    assert p.pax_count == 4


def test_ao_named_in_the_title_or_on_a_what_line():
    p = parse("AO Eastgate Backblast 11.08.2018\n\nQIC: Roller Chain\nPAX: Gristle; Ladle; Fuji")
    assert p.ao_id == "C2" and set(p.pax_user_ids) >= {UID["Gristle"], UID["Ladle"], UID["Fuji"]}
    p = parse("Back-Blast\n\nWhat: The Badger @F3Fortgray (Lincoln Middle School)\nWhen: Monday 11.11.19 0530-0615\n"
              "QIC: Roller Chain\nPAX: Gristle, Ladle")
    assert p.ao_id == "C3" and p.bd_date == dt.date(2019, 11, 11)


def test_title_and_what_line_that_name_no_ao_leave_the_channel():
    p = parse("AO tour backblast: we hit every park\n\nWhat: a 45 minute workout\nQIC: Roller Chain\nPAX: Gristle, Ladle")
    assert p.ao_id == "C1"


def test_an_unmatched_man_is_kept_once_whatever_his_spacing():
    p = parse("AO: Eastgate\nWhen: 01/27/2023\nPax Names: Fuji, Shortpants, Palomino,\nNumber of FNGS: 1\n"
              "FNG Names: Short Pants\nQIC: Palomino", day="2023-01-27")
    assert p.unmatched_names == ["Short Pants"] and p.fng_count == 1 and p.pax_count == 3
