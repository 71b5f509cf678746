"""Backblast parser: every corpus case field by field, plus focused unit tests."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

from miner.backblasts import parse as bb
from miner.backblasts.parse import Context, Parsed, parse_date, parse_message

CORPUS = Path(__file__).parent / "corpus"
FIELDS = [
    "status",
    "intended",
    "ao_id",
    "bd_date",
    "q_user_id",
    "coq_user_ids",
    "pax_user_ids",
    "unmatched_names",
    "fng_count",
    "pax_count",
]
OPTIONAL = ["source", "poster_user_id", "fngs", "problem_contains"]


def load_context() -> dict:
    return json.loads((CORPUS / "context.json").read_text())


def load_cases() -> list[dict]:
    with open(CORPUS / "cases.jsonl") as fh:
        return [json.loads(line) for line in fh if line.strip()]


BASE = load_context()
CASES = load_cases()


def make_ctx(case: dict) -> Context:
    over = case.get("ctx") or {}
    return Context(
        channel_id=over.get("channel_id", BASE["channel_id"]),
        users=BASE["users"],
        aos=BASE["aos"],
        tz=over.get("tz", BASE["tz"]),
        date_order=over.get("date_order", BASE["date_order"]),
    )


def field_checks(case: dict, got: Parsed) -> dict[str, tuple[bool, object, object]]:
    """field -> (ok, expected, got) for every expected field of one case."""
    exp = dict(case["expected"])
    exp.setdefault("intended", exp["status"] != "not_backblast")
    out = {}
    for f in FIELDS + [k for k in OPTIONAL if k in exp]:
        want = exp.get(f)
        if f == "problem_contains":
            have = got.problem or ""
            out[f] = (want.lower() in have.lower(), want, have)
            continue
        have = getattr(got, f)
        if f == "bd_date":
            have = have.isoformat() if have else None
        if f in ("pax_user_ids", "unmatched_names", "fngs"):
            ok = sorted(have) == sorted(want or []) and len(set(have)) == len(have)
        else:
            ok = have == want
        out[f] = (ok, want, have)
    return out


def test_corpus_size_and_shape():
    assert len(CASES) >= 300
    assert len({c["id"] for c in CASES}) == len(CASES)
    statuses = {c["expected"]["status"] for c in CASES}
    assert statuses == {"ok", "not_backblast", "problem"}
    assert len(BASE["users"]) >= 40 and len(BASE["aos"]) >= 10
    for c in CASES:
        assert c["note"] and isinstance(c["msg"], dict)


def test_corpus_all_fields(capsys):
    """Every field of every case must match; prints a per-field accuracy table."""
    totals: dict[str, list[int]] = {}
    failures = []
    for case in CASES:
        got = parse_message(case["msg"], make_ctx(case))
        for f, (ok, want, have) in field_checks(case, got).items():
            t = totals.setdefault(f, [0, 0])
            t[0] += ok
            t[1] += 1
            if not ok:
                failures.append(f"{case['id']} [{case['note']}] {f}: expected {want!r}, got {have!r}")
    with capsys.disabled():
        print(f"\nper-field accuracy over {len(CASES)} cases:")
        for f, (good, n) in totals.items():
            print(f"  {f:18s} {good:4d}/{n:<4d} {100.0 * good / n:6.2f}%")
    assert not failures, f"{len(failures)} mismatches:\n" + "\n".join(failures[:60])


def test_parser_is_pure():
    """No I/O libraries, no wall clock."""
    src = Path(bb.__file__).read_text()
    tree = ast.parse(src)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert not imported & {"slack_sdk", "sqlalchemy", "requests", "os", "socket", "time", "pymysql"}
    for banned in ("datetime.now", "date.today", "dt.datetime.now", "dt.date.today", "time.time", "utcnow"):
        assert banned not in src


# ----------------------------------------------------------------------------- focused unit tests

USERS = BASE["users"]
AOS = BASE["aos"]
CTX = Context(channel_id="C04FORGE001", users=USERS, aos=AOS)
TS = "1740837600.000100"  # 2025-03-01 08:00 America/Chicago


def msg(text: str, **kw) -> dict:
    return {"type": "message", "user": "U01SASQUAT", "ts": TS, "text": text, **kw}


@pytest.mark.parametrize(
    "value,post,order,want",
    [
        ("2025-03-01", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("3/1/2025", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("3/1/2025", dt.date(2025, 1, 4), "DMY", dt.date(2025, 1, 3)),
        ("03/01/25", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("March 1, 2025", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("Saturday, March 1st 2025", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("Sat 3/1", dt.date(2025, 3, 2), "MDY", dt.date(2025, 3, 1)),
        ("12/30", dt.date(2026, 1, 2), "MDY", dt.date(2025, 12, 30)),
        ("today", dt.date(2019, 5, 4), "MDY", dt.date(2019, 5, 4)),
        ("yesterday", dt.date(2019, 3, 1), "MDY", dt.date(2019, 2, 28)),
        ("Friday", dt.date(2025, 3, 3), "MDY", dt.date(2025, 2, 28)),
        ("1st of March 2025", dt.date(2025, 3, 2), "DMY", dt.date(2025, 3, 1)),
        ("Blursday", dt.date(2025, 3, 2), "MDY", None),
        ("13/13/2025", dt.date(2025, 3, 2), "MDY", None),
    ],
)
def test_parse_date(value, post, order, want):
    assert parse_date(value, post, order) == want


@pytest.mark.parametrize("when", ["0530", "5:30am", "0530-0615", "5:15 to 6:00 am", "@ 0600 hrs", "6 am"])
def test_time_only_date_line_means_post_date(when):
    got = parse_message(msg(f"Backblast\nWhen: {when}\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00>"), CTX)
    assert got.status == "ok" and got.bd_date == dt.date(2025, 3, 1)


def test_old_dates_never_rejected():
    got = parse_message(msg("Backblast\nDate: 4/1/2019\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00>"), CTX)
    assert got.status == "ok" and got.bd_date == dt.date(2019, 4, 1)


def test_q_and_coq_and_poster():
    got = parse_message(msg("Backblast\nQ: <@U02TINMAN0> and <@U03HOOPS00>\nPAX: <@U04MUDFLAP>"), CTX)
    assert got.q_user_id == "U02TINMAN0" and got.coq_user_ids == ["U03HOOPS00"]
    assert got.pax_user_ids[:2] == ["U02TINMAN0", "U03HOOPS00"]  # Q, Co-Qs first
    assert got.poster_user_id == "U01SASQUAT" and got.source == "text"


def test_problem_is_one_line_and_intended():
    got = parse_message(msg("Backblast\nDate: Blursday\nPAX: <@U03HOOPS00>"), CTX)
    assert got.status == "problem" and got.intended
    assert "\n" not in got.problem and "no Q" in got.problem
    # an unreadable date is no problem: the post's date, flagged and reported
    assert got.bd_date == dt.date(2025, 3, 1) and got.date_flag == "unreadable"
    assert any("Blursday" in w for w in got.warnings)


def test_not_backblast_defaults():
    got = parse_message(msg("Backblast coming later"), CTX)
    assert got.status == "not_backblast" and not got.intended and got.pax_user_ids == [] and got.problem is None


def test_subtypes_filtered():
    text = "Backblast\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00>"
    for st in ("channel_join", "channel_leave", "channel_topic", "message_deleted", "tombstone"):
        assert parse_message(msg(text, subtype=st), CTX).status == "not_backblast"
    for st in ("bot_message", "thread_broadcast", "file_share"):
        assert parse_message(msg(text, subtype=st), CTX).status == "ok"


@pytest.mark.parametrize(
    "head", ["🔥 Backblast 🔥", ":fire: BACKBLAST", "> *Back-Blast*", "(Backblast) Murph", "Bakcblast"]
)
def test_header_variants(head):
    got = parse_message(
        msg(f"{head}\nQ: <@U01SASQUAT>\nCount: 5"), CTX
    )  # no PAX line: only the header makes it a backblast
    assert got.status == "ok" and got.pax_count == 5


@pytest.mark.parametrize(
    "text",
    [
        "Preblast: Murph\nQ: <@U01SASQUAT>\nPAX: HC",
        ":rotating_light: PRE-BLAST\nQ: <@U01SASQUAT>",
        "Great backblast <@U01SASQUAT>!",
        "Backblast coming soon",
        "BB gun fight Saturday",
    ],
)
def test_not_backblast_texts(text):
    assert parse_message(msg(text), CTX).status == "not_backblast"


def test_fng_values():
    def fng(v):
        got = parse_message(msg(f"Backblast\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00>\nFNGs: {v}"), CTX)
        return got.fng_count, got.fngs

    assert fng("None") == (0, [])
    assert fng("2 Bob, Joe") == (2, ["Bob", "Joe"])
    assert fng("Bob, Joe") == (2, ["Bob", "Joe"])
    assert fng("12") == (12, [])
    assert fng("<@U37TATERTT>") == (1, ["Tater Tot"])


def test_slackblast_metadata_preferred_over_blocks():
    payload = {
        "title": "Murph",
        "date": "2024-05-27",
        "The_AO": "C04GAUNTLT",
        "the_q": "U05GATOR00",
        "the_coq": None,
        "the_pax": ["U05GATOR00", "U06TEBOW00"],
        "non_slack_pax": None,
        "fngs": None,
        "count": None,
    }
    blocks_text = (
        "*Backblast! Murph*\n*DATE*: 2024-05-20\n*AO*: <#C04FORGE001>\n*Q*: <@U03HOOPS00>\n*PAX*: <@U03HOOPS00>"
    )
    m = {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B1",
        "username": "Gator (via Slackblast)",
        "ts": "1716822000.000100",
        "text": "hooyah\n\nUse the 'New Backblast' button to create a new backblast",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": blocks_text}}],
        "metadata": {"event_type": "backblast", "event_payload": payload},
    }
    got = parse_message(m, CTX)
    assert got.source == "slackblast_metadata" and got.q_user_id == "U05GATOR00"
    assert got.bd_date == dt.date(2024, 5, 27) and got.ao_id == "C04GAUNTLT" and got.pax_count == 2
    assert got.poster_user_id == "U05GATOR00" and got.title == "Murph"
    del m["metadata"]
    got = parse_message(m, CTX)
    assert got.source == "slackblast_blocks" and got.q_user_id == "U03HOOPS00" and got.bd_date == dt.date(2024, 5, 20)


def test_each_context_matches_against_its_own_users():
    assert parse_message(msg("Backblast\nQ: Sasquatch\nPAX: Hoops"), CTX).q_user_id == "U01SASQUAT"
    other = Context(channel_id="C1", users={"U1": {"user_name": "Zed", "real_name": "", "app": 0}}, aos={})
    got = parse_message(msg("Backblast\nQ: Zed\nPAX: Sasquatch"), other)
    assert got.q_user_id == "U1" and got.unmatched_names == ["Sasquatch"]


def test_as_dict_is_json_ready():
    got = parse_message(msg("Backblast\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00>"), CTX)
    d = got.as_dict()
    assert d["bd_date"] == "2025-03-01"
    json.dumps(d)


def test_garbage_never_raises():
    weird = [
        {},
        {"text": None},
        {"type": "message", "text": "Backblast", "ts": "nope"},
        {"type": "message", "text": "Backblast\nQ: <@>\nPAX: <@", "ts": TS},
        {
            "type": "message",
            "subtype": "bot_message",
            "blocks": [None, {"type": "rich_text", "elements": [1]}],
            "text": "",
            "ts": TS,
            "metadata": {"event_type": "backblast", "event_payload": "junk"},
        },
        {"type": "message", "text": "Backblast\nDate: 99/99/9999\nQ: <@U01SASQUAT>", "ts": TS},
    ]
    for m in weird:
        got = parse_message(m, CTX)
        assert isinstance(got, Parsed) and got.status in ("ok", "problem", "not_backblast"), m
        if got.status == "problem":
            assert got.problem and "\n" not in got.problem
