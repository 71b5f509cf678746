"""Hand-written backblast cases with hand-reasoned expectations (imported by gen_corpus.py)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

FORGE, GAUNT, YARD, GENERAL, FIRSTF = "C04FORGE001", "C04GAUNTLT", "C04THEYARD", "C04GENERAL", "C041STF000"
DARK, BRIDGE, RUCK, HILL, MURPH = "C04DARKHRS", "C04BRIDGE0", "C04RUCKLIF", "C04HILLPAN", "C04MURPHMT"
SASQ, TIN, HOOPS, MUD, GATOR, TEBOW, CHOW = (
    "U01SASQUAT",
    "U02TINMAN0",
    "U03HOOPS00",
    "U04MUDFLAP",
    "U05GATOR00",
    "U06TEBOW00",
    "U07CHOWDER",
)
FROG, SPARKY, TUNA, GUMBY, LUMBER = "U08FROGGER", "U09SPARKY0", "U10BIGTUNA", "U11GUMBY00", "U12LUMBERJ"
DIESEL, MOOSE1, MOOSE2, TATER, PEANUT = "U24DIESEL0", "U34MOOSE01", "U35MOOSE02", "U37TATERTT", "U38PEANUT0"
PAXMINER = "U39PAXMINR"


def ts(local: str, tz: str = "America/Chicago") -> str:
    d = dt.datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz))
    return f"{int(d.timestamp())}.004200"


def m(u: str) -> str:
    return f"<@{u}>"


_cases: list[dict] = []


def H(cid, note, text, *, user=SASQ, at="2024-03-02 07:15", tz=None, channel=FORGE, order=None, msg=None, **exp):
    """One human-posted case. exp: expected fields (defaults: ok, posted channel, local post date)."""
    message = {"type": "message", "user": user, "ts": ts(at, tz or "America/Chicago"), "text": text}
    message.update(msg or {})
    if exp.get("status") == "not_backblast":
        expected = {
            "status": "not_backblast",
            "ao_id": None,
            "bd_date": None,
            "q_user_id": None,
            "coq_user_ids": [],
            "pax_user_ids": [],
            "unmatched_names": [],
            "fng_count": 0,
            "pax_count": 0,
        }
    else:
        expected = {
            "status": "ok",
            "ao_id": channel,
            "bd_date": at[:10],
            "q_user_id": None,
            "coq_user_ids": [],
            "pax_user_ids": [],
            "unmatched_names": [],
            "fng_count": 0,
            "pax_count": 0,
        }
    expected.update(exp)
    ctx = {"channel_id": channel}
    if tz:
        ctx["tz"] = tz
    if order:
        ctx["date_order"] = order
    _cases.append({"id": f"hand-{cid}", "note": note, "msg": message, "ctx": ctx, "expected": expected})


def B(cid, note, message, channel=FORGE, **exp):
    """A bot / slackblast case with a fully specified message."""
    expected = {
        "status": "ok",
        "ao_id": channel,
        "bd_date": None,
        "q_user_id": None,
        "coq_user_ids": [],
        "pax_user_ids": [],
        "unmatched_names": [],
        "fng_count": 0,
        "pax_count": 0,
    }
    if exp.get("status") == "not_backblast":
        expected["ao_id"] = None
    expected.update(exp)
    _cases.append(
        {"id": f"hand-{cid}", "note": note, "msg": message, "ctx": {"channel_id": channel}, "expected": expected}
    )


# ------------------------------------------------------------------ Q / Co-Q lines
H(
    "q-and-coq",
    "Q: @a and @b -> second is Co-Q",
    f"Backblast\nQ: {m(SASQ)} and {m(TIN)}\nPAX: {m(HOOPS)} {m(MUD)}",
    q_user_id=SASQ,
    coq_user_ids=[TIN],
    pax_user_ids=[SASQ, TIN, HOOPS, MUD],
    pax_count=4,
)
H(
    "q-plain-names",
    "Q written as plain names; second is Co-Q",
    "BB: Murph\nQ: Hoops and Gator\nPAX: Mudflap, Tebow, Chowder",
    q_user_id=HOOPS,
    coq_user_ids=[GATOR],
    pax_user_ids=[HOOPS, GATOR, MUD, TEBOW, CHOW],
    pax_count=5,
)
H(
    "q-yhc",
    "Q: YHC means the poster led",
    f"Backblast\nQ: YHC\nPAX: {m(TEBOW)}, {m(CHOW)}",
    user=GATOR,
    q_user_id=GATOR,
    pax_user_ids=[GATOR, TEBOW, CHOW],
    pax_count=3,
    poster_user_id=GATOR,
)
H(
    "q-at-typed",
    "Q typed as @Name without autocomplete",
    "Backblast\nQ: @Sasquatch\nPAX: @Hoops @Gator @Tin Man",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, GATOR, TIN],
    pax_count=4,
)
H(
    "q-assist",
    "Q line with stray words between mentions",
    f"Backblast\nQ: {m(SASQ)} with an assist from {m(LUMBER)}\nPAX: {m(HOOPS)}",
    q_user_id=SASQ,
    coq_user_ids=[LUMBER],
    pax_user_ids=[SASQ, LUMBER, HOOPS],
    pax_count=3,
)
H(
    "q-vq-note",
    "VQ label with parenthetical",
    f"*Backblast*\nVQ: {m(TATER)} (VQ!!)\nPAX: {m(HOOPS)}, {m(PEANUT)}",
    user=TATER,
    q_user_id=TATER,
    pax_user_ids=[TATER, HOOPS, PEANUT],
    pax_count=3,
)
H(
    "coq-line-mixed",
    "Co-Qs line with a user name and a non-user",
    f"Backblast\nQ: {m(SASQ)}\nCo-Qs: Hoops, Pickles\nPAX: {m(MUD)}",
    q_user_id=SASQ,
    coq_user_ids=[HOOPS],
    pax_user_ids=[SASQ, HOOPS, MUD],
    unmatched_names=["Pickles"],
    pax_count=4,
)
H(
    "qs-label",
    "Qs: label with two mentions",
    f"Backblast\nQs: {m(GUMBY)} {m(FROG)}\nPAX: {m(SPARKY)}",
    q_user_id=GUMBY,
    coq_user_ids=[FROG],
    pax_user_ids=[GUMBY, FROG, SPARKY],
    pax_count=3,
)
H(
    "q-label-last-line",
    "Q label on the very last line",
    f"Backblast - Sweat Equity\nPAX: {m(HOOPS)} {m(MUD)}\n\nThe Thang: 11s\nCOT: prayers\nQ: {m(SASQ)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=3,
)
H(
    "q-space-colon",
    "label with leading spaces and space before colon",
    f"Backblast\n   Q : {m(SASQ)}\n  PAX : {m(HOOPS)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "q-bold-colon-inside",
    "*Q:* bold with colon inside",
    f"*Backblast*\n*Q:* {m(SASQ)}\n*PAX:* {m(HOOPS)}, {m(TIN)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, TIN],
    pax_count=3,
)
H(
    "q-source-moleskine",
    "a Q-Source line in the moleskine is not a Q line",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\n\nQ-Source: Get right. Live third.",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)

# ------------------------------------------------------------------ problems
H(
    "q-unmatched",
    "plain-text Q that matches nobody -> problem",
    f"Backblast\nQ: Sir Sweats-a-lot\nPAX: {m(HOOPS)}, {m(MUD)}",
    status="problem",
    pax_user_ids=[HOOPS, MUD],
    unmatched_names=["Sir Sweats-a-lot"],
    pax_count=3,
    problem_contains="Sir Sweats-a-lot",
)
H(
    "q-ambiguous",
    "plain-text Q matching two users' real names -> problem",
    f"Backblast\nQ: John Smith\nPAX: {m(HOOPS)}",
    status="problem",
    pax_user_ids=[HOOPS],
    unmatched_names=["John Smith"],
    pax_count=2,
    problem_contains="more than one",
)
H(
    "no-q",
    "header, PAX, count but no Q line -> problem",
    f"Backblast! Hill repeats\nDate: 3/1/2024\nPAX: {m(HOOPS)} {m(MUD)} {m(GATOR)}\nCount: 3",
    status="problem",
    bd_date="2024-03-01",
    pax_user_ids=[HOOPS, MUD, GATOR],
    pax_count=3,
    problem_contains="no Q",
)
H(
    "blursday",
    "unreadable date -> the post's date (flagged), never dropped",
    f"Backblast\nDate: Blursday\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "feb30",
    "impossible date -> the post's date (flagged), never dropped",
    f"Backblast\nDate: 2/30/2025\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}",
    at="2025-03-01 07:00",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "q-is-app",
    "Q mention of an app user is not a person -> no Q",
    f"Backblast\nQ: {m(PAXMINER)}\nPAX: {m(HOOPS)}",
    status="problem",
    pax_user_ids=[HOOPS],
    pax_count=1,
    problem_contains="no Q",
)
H(
    "header-mentions-only",
    "clearly a backblast (header + PAX mentions) but no labels -> no Q",
    f"Backblast! Great beatdown this morning with {m(HOOPS)} {m(MUD)} {m(GATOR)}. Aye!",
    status="problem",
    problem_contains="no Q",
)
H(
    "no-q-and-bad-date",
    "two problems in one line",
    f"Backblast\nWhen: the 32nd\nPAX: {m(HOOPS)}",
    status="problem",
    pax_user_ids=[HOOPS],
    pax_count=1,
    problem_contains="no Q",
)

# ------------------------------------------------------------------ PAX lines and names
H(
    "special-mentions",
    "<!here>, <!channel>, <!subteam>, channels and URLs are never people",
    f"Backblast\nQ: {m(SASQ)}\nPAX: <!here> {m(HOOPS)} <!channel> <!subteam^S0123ABCD|@forge-regulars> "
    f"<#C04GAUNTLT|ao-gauntlet> <https://f3nation.com|f3nation.com> https://example.com/pic.jpg, Hoops",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "mention-with-label",
    "old <@U|name> mention form",
    f"Backblast\nQ: <@{SASQ}|sasquatch>\nPAX: <@{TIN}|tinman>, <@{HOOPS}|hoops>",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, TIN, HOOPS],
    pax_count=3,
)
H(
    "unknown-mention",
    "mention of a user not (yet) in the users table still counts",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)} <@U99NEWGUY1>",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, "U99NEWGUY1"],
    pax_count=3,
)
H(
    "segmentation",
    "space-separated plain names split into known users",
    f"Backblast\nQ: {m(MUD)}\nPAX: Sasquatch Tin Man Hoops",
    q_user_id=MUD,
    pax_user_ids=[MUD, SASQ, TIN, HOOPS],
    pax_count=4,
)
H(
    "segment-fail",
    "unknown multi-word name stays one unmatched name",
    f"Backblast\nQ: {m(MUD)}\nPAX: Tin Man Jr, Big Tuna",
    q_user_id=MUD,
    pax_user_ids=[MUD, TUNA],
    unmatched_names=["Tin Man Jr"],
    pax_count=3,
)
H(
    "moose-ambiguous",
    "display name shared by two users is unmatched; unique real name matches",
    f"Backblast\nQ: {m(MUD)}\nPAX: Moose, Rick Sanchez",
    q_user_id=MUD,
    pax_user_ids=[MUD, MOOSE1],
    unmatched_names=["Moose"],
    pax_count=3,
)
H(
    "case-insensitive",
    "plain names match display/real names in any case",
    f"Backblast\nQ: {m(MUD)}\nPAX: SASQUATCH, tin man, mike jones",
    q_user_id=MUD,
    pax_user_ids=[MUD, SASQ, TIN, HOOPS],
    pax_count=4,
)
H(
    "amp-escape",
    "&amp; between names (Slack escaping)",
    f"Backblast\nQ: {m(MUD)}\nPAX: Pickles &amp; Rooster, {m(HOOPS)}",
    q_user_id=MUD,
    pax_user_ids=[MUD, HOOPS],
    unmatched_names=["Pickles", "Rooster"],
    pax_count=4,
)
H(
    "pax-dash",
    "PAX - label",
    f"Backblast\nQ - {m(SASQ)}\nPAX - {m(HOOPS)}, {m(MUD)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=3,
)
H(
    "pax-paren-nospace",
    "Pax(5): count on the label",
    f"Backblast\nQ: {m(SASQ)}\nPax(5): {m(HOOPS)}, {m(MUD)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=5,
)
H(
    "pax-number-only",
    "PAX: 8 is a head count",
    f"Backblast\nQ: {m(SASQ)}\nPAX: 8",
    q_user_id=SASQ,
    pax_user_ids=[SASQ],
    pax_count=8,
)
H(
    "pax-continuation",
    "mention-only line continues the PAX list",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)} {m(MUD)}\n{m(GATOR)} {m(TEBOW)}\n\nThe Thang: burpees",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD, GATOR, TEBOW],
    pax_count=5,
)
H(
    "pax-per-line",
    "PAX: then one name per line, blank line, moleskine with a mention",
    f"Backblast\nQ: {m(SASQ)}\nPAX:\nHoops\n- Gator\nPickles\n\nShout out to {m(DIESEL)} for the EH",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, GATOR],
    unmatched_names=["Pickles"],
    pax_count=4,
)
H(
    "moleskine-mention",
    "mentions in the moleskine are not PAX",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)} {m(MUD)}\nThe Thang: {m(DIESEL)} brought the sandbags\nCOT: {m(TIN)} injury",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=3,
)
H(
    "two-pax-lines",
    "several PAX lines",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, Pickles\nPAX: {m(MUD)}, Rooster",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    unmatched_names=["Pickles", "Rooster"],
    pax_count=5,
)
H(
    "yhc-not-q",
    "YHC in PAX when the poster isn't the Q adds the poster",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, YHC",
    user=GUMBY,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, GUMBY],
    pax_count=3,
    poster_user_id=GUMBY,
)
H(
    "app-in-pax",
    "app user mentioned in PAX is ignored",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)} {m(PAXMINER)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "bluto-no-realname",
    "user with empty real name matches by display name",
    f"Backblast\nQ: {m(SASQ)}\nPAX: Bluto, Peanut",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, "U36BLUTO00", PEANUT],
    pax_count=3,
)
H(
    "emoji-in-pax",
    "emoji between names are ignored",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)} :muscle:, Tater Tot :fire:",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, TATER],
    pax_count=3,
)

# ------------------------------------------------------------------ FNGs and counts
H(
    "fng-name-matches-one-user",
    "FNG named as written who joined Slack under that name counts as that user",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: 1 Gator",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, GATOR],
    fng_count=1,
    pax_count=3,
    fngs=["Gator"],
)
H(
    "fng-name-ambiguous",
    "FNG name shared by two users' real names matches no single user: an unmatched name",
    f"Backblast\nQ: {m(HOOPS)}\nPAX: {m(GATOR)}\nFNGs: John Smith",
    user=HOOPS,
    q_user_id=HOOPS,
    pax_user_ids=[HOOPS, GATOR],
    unmatched_names=['John Smith'],
    fng_count=1,
    pax_count=3,
    fngs=["John Smith"],
)
H(
    "fng-mention-and-matching-name",
    "FNG line with a mention and a name that matches one user",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: {m(TEBOW)}, gator\nCount: 4",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, TEBOW, GATOR],
    fng_count=2,
    pax_count=4,
)
H(
    "fng-num-names",
    "FNGs: 2 Bob, Joe",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: 2 Bob, Joe",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=['Bob', 'Joe'],
    fng_count=2,
    pax_count=4,
    fngs=["Bob", "Joe"],
)
H(
    "fng-names",
    "FNG names only",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNG: Bob, Joe, Travis",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=['Bob', 'Joe', 'Travis'],
    fng_count=3,
    pax_count=5,
)
H(
    "fng-number",
    "FNG: 12 (number only, not named)",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: 12",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    fng_count=12,
    pax_count=2,
)
for i, v in enumerate(["None", "0", "-", "N/A", "none :(", "Zero"]):
    H(
        f"fng-none-{i}",
        f"FNG: {v}",
        f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: {v}",
        q_user_id=SASQ,
        pax_user_ids=[SASQ, HOOPS],
        fng_count=0,
        pax_count=2,
    )
H(
    "fng-mentions",
    "FNGs as mentions count as PAX and FNGs",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, {m(TATER)}\nFNGs: {m(TATER)} and {m(PEANUT)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, TATER, PEANUT],
    fng_count=2,
    pax_count=4,
    fngs=["Tater Tot", "Peanut"],
)
H(
    "fng-per-line",
    "FNGs: label with the names on the following lines",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs:\n- Carl\n- Luis\n\nThe Thang: Dora",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=['Carl', 'Luis'],
    fng_count=2,
    pax_count=4,
    fngs=["Carl", "Luis"],
)
H(
    "fng-empty",
    "FNGs: with nothing after it",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs:\n\nCOT",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    fng_count=0,
    pax_count=2,
)
H(
    "fng-in-pax-too",
    "FNG plain names listed on PAX line too are not double counted",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, Carl, Luis\nFNGs: 2 Carl, Luis",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=["Carl", "Luis"],
    fng_count=2,
    pax_count=4,
)
H(
    "fng-dash-note",
    "FNGs: 1 - Travis (Gator's neighbor)",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: 1 - Travis (Gator's neighbor)",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=['Travis'],
    fng_count=1,
    pax_count=3,
    fngs=["Travis"],
)
H(
    "count-trailing",
    "Count: 12 (2 FNGs) is 12",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nFNGs: 2 Bob, Joe\nCount: 12 (2 FNGs)",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    unmatched_names=['Bob', 'Joe'],
    fng_count=2,
    pax_count=12,
)
H(
    "count-last-line",
    "Count on the last line after the moleskine",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\n\nThe Thang: Murph\nCOT\nTotal: 9",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=9,
)
H(
    "count-words",
    "Count with no number falls back to the people named",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, {m(MUD)}\nCount: a bunch",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=3,
)
H(
    "count-sum",
    "Total: 10 + 2 FNGs = 12",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\nTotal: 10 + 2 FNGs = 12",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=12,
)
H(
    "count-beats-paren",
    "Count line wins over the PAX (n)",
    f"Backblast\nQ: {m(SASQ)}\nPAX (6): {m(HOOPS)}\nCOUNT: 7",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=7,
)
H(
    "count-hash",
    "#PAX: label",
    f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}\n#PAX: 14",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=14,
)

# ------------------------------------------------------------------ dates
D = f"\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}"
for i, (val, at, want) in enumerate(
    [
        ("2025-03-01", "2025-03-01 08:00", "2025-03-01"),
        ("3/1/2025", "2025-03-02 08:00", "2025-03-01"),
        ("03/01/25", "2025-03-01 08:00", "2025-03-01"),
        ("March 1, 2025", "2025-03-03 08:00", "2025-03-01"),
        ("Saturday, March 1st 2025", "2025-03-01 09:00", "2025-03-01"),
        ("Sat 3/1", "2025-03-02 08:00", "2025-03-01"),
        ("12/31", "2025-01-01 08:00", "2024-12-31"),
        ("Tue 12/31", "2025-01-02 08:00", "2024-12-31"),
        ("1/2", "2024-12-31 20:00", "2024-01-02"),  # no year: the latest such date not after the post
        ("yesterday", "2024-01-01 07:00", "2023-12-31"),
        ("today", "2020-02-29 07:00", "2020-02-29"),
        ("Saturday", "2024-03-04 07:00", "2024-03-02"),
        ("Monday", "2024-03-04 07:00", "2024-03-04"),
        ("1 March 2025", "2025-03-01 07:00", "2025-03-01"),
        ("6/15", "2019-06-15 07:00", "2019-06-15"),
        ("1/5/2019", "2024-06-01 07:00", "2019-01-05"),
        ("3/1/2025 @ 0530", "2025-03-01 07:00", "2025-03-01"),
        ("Feb. 29th", "2024-03-01 07:00", "2024-02-29"),
        ("2026/01/10", "2026-01-10 07:00", "2026-01-10"),
        ("Thurs 11-7-2019", "2019-11-07 07:00", "2019-11-07"),
    ]
):
    H(
        f"date-{i:02d}",
        f"date {val!r} posted {at}",
        f"Backblast\nDate: {val}{D}",
        at=at,
        bd_date=want,
        q_user_id=SASQ,
        pax_user_ids=[SASQ, HOOPS],
        pax_count=2,
    )
H(
    "date-dmy",
    "DMY region: 3/1/2025 is 3 January",
    f"Backblast\nDate: 3/1/2025{D}",
    at="2025-01-04 08:00",
    tz="Europe/London",
    order="DMY",
    bd_date="2025-01-03",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "date-dmy-2",
    "DMY region: 03/01/25",
    f"Backblast\nDate: 03/01/25{D}",
    at="2025-01-03 08:00",
    tz="Europe/London",
    order="DMY",
    bd_date="2025-01-03",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "date-none-late",
    "no date line, posted 23:30 Chicago (next day in UTC) -> local date",
    f"Backblast{D}",
    at="2023-07-04 23:30",
    bd_date="2023-07-04",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "date-none-la",
    "no date line, posted 22:15 in Los Angeles",
    f"Backblast{D}",
    at="2022-11-05 22:15",
    tz="America/Los_Angeles",
    bd_date="2022-11-05",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "date-time-only",
    "When: 0530 (a time, not a date) -> post date",
    f"Backblast\nWhen: 0530{D}",
    at="2021-05-08 07:00",
    bd_date="2021-05-08",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "date-bold",
    "*DATE*: bold label",
    f"*Backblast*\n*DATE*: 2022-08-13\n*Q*: {m(SASQ)}\n*PAX*: {m(HOOPS)}",
    at="2022-08-13 09:00",
    bd_date="2022-08-13",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)

# ------------------------------------------------------------------ AO
A = f"\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}"
H(
    "ao-mention",
    "AO channel mention beats the posted channel",
    f"Backblast\nAO: <#{GAUNT}|ao-gauntlet>{A}",
    channel=FORGE,
    ao_id=GAUNT,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-mention-bare",
    "AO: <#C> without name",
    f"Backblast\nAO: <#{HILL}>{A}",
    ao_id=HILL,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-unknown-channel",
    "AO mention of a channel not in the list still names the AO",
    f"Backblast\nAO: <#C09NEWSITE|ao-new-site>{A}",
    ao_id="C09NEWSITE",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-text-prefix",
    "AO text with ao- prefix and dashes",
    f"Backblast\nAO: Ao-Hill-Of-Pain{A}",
    ao_id=HILL,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-text-underscore",
    "AO text vs channel with underscores",
    f"Backblast\nAO: ruck life{A}",
    ao_id=RUCK,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-text-paren",
    "AO text with a parenthetical",
    f"Backblast\nAO - The Yard (behind the church){A}",
    ao_id=YARD,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-text-nomatch",
    "AO text matching nothing -> posted channel",
    f"Backblast\nAO: Narnia{A}",
    channel=GAUNT,
    ao_id=GAUNT,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-own-line",
    "channel mention on a line of its own",
    f"Backblast\n<#{DARK}|ao-dark-horse>{A}",
    ao_id=DARK,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-header",
    "channel mention in the header line",
    f"Backblast - <#{BRIDGE}|ao-the-bridge> - Murph{A}",
    ao_id=BRIDGE,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-moleskine-channel",
    "channel mention inside the moleskine is not the AO",
    f"Backblast{A}\n\nAnnouncements: convergence at <#{GAUNT}|ao-gauntlet> next week",
    channel=YARD,
    ao_id=YARD,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-from-general",
    "posted in #general naming the AO as text",
    f"Backblast\nAO: The Forge{A}",
    channel=GENERAL,
    ao_id=FORGE,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-general-default",
    "posted in #general with no AO line -> #general",
    f"Backblast{A}",
    channel=GENERAL,
    ao_id=GENERAL,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "ao-where",
    "Where: label with channel in 1st-f",
    f"Backblast\nWhere: <#{MURPH}|ao-murph-mountain>{A}",
    channel=FIRSTF,
    ao_id=MURPH,
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)

# ------------------------------------------------------------------ headers / intent
for i, h in enumerate(
    [
        "Back blast",
        "Slackblast",
        "BB",
        "Bacblast",
        "BACK-BLAST!",
        "*Back Blast*: The Humid Hundred",
        ":fire: *BACKBLAST* :fire:",
        "Blackblast",
    ]
):
    H(f"header-{i}", f"header {h!r}", f"{h}{A}", q_user_id=SASQ, pax_user_ids=[SASQ, HOOPS], pax_count=2)
H(
    "headerless",
    "no header but Q and PAX labels",
    f"Murph at the Forge\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, {m(MUD)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS, MUD],
    pax_count=3,
)
H(
    "title-then-header",
    "title line, then Backblast on the second line",
    f"*Murph Madness*\nBackblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "headerless-no-pax",
    "Q line alone without header is chatter",
    f"Q: {m(SASQ)} has Saturday\nCount: 12",
    status="not_backblast",
)
H(
    "teaser-mentions",
    "teaser with mentions is still a teaser",
    f"Backblast coming later, great work {m(HOOPS)} {m(MUD)}",
    status="not_backblast",
)
H(
    "preblast-with-labels",
    "preblast with Q and PAX labels",
    f"Preblast: Murph\nQ: {m(SASQ)}\nPAX: HC below\nWhen: Saturday 0530",
    status="not_backblast",
)
H(
    "sentence",
    "backblast in a sentence",
    "I think the backblast from Tuesday had the wrong Q: can someone fix?",
    status="not_backblast",
)
H(
    "quote-prefix",
    "labels inside a Slack quote (&gt;)",
    f"Backblast\n&gt; Q: {m(SASQ)}\n&gt; PAX: {m(HOOPS)}",
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)

# ------------------------------------------------------------------ message shapes
H(
    "thread-reply",
    "backblast posted as a thread reply",
    f"Backblast{A}",
    msg={"thread_ts": ts("2024-03-02 05:00"), "parent_user_id": HOOPS},
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "thread-broadcast",
    "thread_broadcast subtype",
    f"Backblast{A}",
    msg={"subtype": "thread_broadcast", "thread_ts": ts("2024-03-02 05:00")},
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "edited",
    "edited message",
    f"Backblast{A}",
    msg={"edited": {"user": SASQ, "ts": ts("2024-03-02 09:00")}},
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
)
H(
    "join-subtype",
    "channel_join",
    f"<@{SASQ}> has joined the channel",
    msg={"subtype": "channel_join"},
    status="not_backblast",
)
H(
    "empty-text",
    "file-only message with no text",
    "",
    msg={"subtype": "file_share", "files": [{"id": "F1"}]},
    status="not_backblast",
)
H(
    "human-blocks-ignored",
    "human message: text is canonical, blocks ignored",
    f"Backblast{A}",
    msg={
        "blocks": [
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "Backblast\nQ: "},
                            {"type": "user", "user_id": SASQ},
                            {"type": "text", "text": "\nPAX: "},
                            {"type": "user", "user_id": HOOPS},
                        ],
                    }
                ],
            }
        ]
    },
    q_user_id=SASQ,
    pax_user_ids=[SASQ, HOOPS],
    pax_count=2,
    source="text",
)

# ------------------------------------------------------------------ bots / slackblast
SB = {"type": "message", "subtype": "bot_message", "bot_id": "B03SLKBLST"}
B(
    "bot-reminder",
    "another bot's reminder is not a backblast",
    {
        **SB,
        "bot_id": "B05REMINDR",
        "username": "F3 Reminders",
        "ts": ts("2024-03-02 12:00"),
        "text": "Don't forget to post your backblast! Q: sign up for next week",
    },
    status="not_backblast",
)
B(
    "bot-other-metadata",
    "metadata from another app is ignored",
    {
        **SB,
        "bot_id": "B06WEASEL",
        "username": "Weaselbot",
        "ts": ts("2024-03-02 12:00"),
        "text": "Congrats <@U03HOOPS00> on 100 posts!",
        "metadata": {"event_type": "achievement", "event_payload": {"user": HOOPS}},
    },
    status="not_backblast",
)
B(
    "sb-preblast-meta",
    "slackblast preblast (posted with event_type backblast and preblast fields)",
    {
        **SB,
        "username": "Sasquatch (via Slackblast)",
        "ts": ts("2024-03-01 18:00"),
        "text": "*Preblast: Murph*\n*Date*: 2024-03-02\n*Time*: 0530\n*Where*: <#C04FORGE001>\n*Q*: <@U01SASQUAT>",
        "blocks": [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "*Preblast: Murph*\n*Date*: 2024-03-02\n*Time*: 0530\n"
                    "*Where*: <#C04FORGE001>\n*Q*: <@U01SASQUAT>",
                },
            }
        ],
        "metadata": {
            "event_type": "backblast",
            "event_payload": {
                "title": "Murph",
                "date": "2024-03-02",
                "The_AO": FORGE,
                "the_q": SASQ,
                "the_why": "Because",
                "coupons": "No",
                "fngs": "Always",
                "time": "0530",
                "destination": "The_AO",
                "preblast_original_poster": SASQ,
            },
        },
    },
    status="not_backblast",
)
B(
    "sb-meta-none-strings",
    "slackblast payload with 'None' strings and an int count",
    {
        **SB,
        "username": "Gator (via Slackblast)",
        "ts": ts("2023-09-09 08:10"),
        "text": "Great work men",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Backblast! Leg Day*\n*DATE*: 2023-09-09"}}],
        "metadata": {
            "event_type": "backblast",
            "event_payload": {
                "title": "Leg Day",
                "date": "2023-09-09",
                "The_AO": YARD,
                "the_q": GATOR,
                "the_coq": [],
                "the_pax": [GATOR, HOOPS, MUD],
                "non_slack_pax": "None",
                "fngs": "None",
                "count": 3,
                "original_poster": HOOPS,
            },
        },
    },
    ao_id=YARD,
    bd_date="2023-09-09",
    q_user_id=GATOR,
    pax_user_ids=[GATOR, HOOPS, MUD],
    pax_count=3,
    source="slackblast_metadata",
    poster_user_id=GATOR,
)
B(
    "sb-meta-nonslack-match",
    "payload non_slack_pax names that match users count as those users",
    {
        **SB,
        "username": "Hoops (via Slackblast)",
        "ts": ts("2025-05-10 07:45"),
        "text": "moleskin",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Backblast! Rucks*"}}],
        "metadata": {
            "event_type": "backblast",
            "event_payload": {
                "title": "Rucks",
                "date": "2025-05-10",
                "The_AO": RUCK,
                "the_q": HOOPS,
                "the_coq": [TIN],
                "the_pax": [MUD],
                "non_slack_pax": "Big Tuna, Pickles",
                "fngs": "Carl",
                "count": None,
            },
        },
    },
    ao_id=RUCK,
    bd_date="2025-05-10",
    q_user_id=HOOPS,
    coq_user_ids=[TIN],
    pax_user_ids=[HOOPS, TIN, MUD, TUNA],
    unmatched_names=["Pickles", "Carl"],
    fng_count=1,
    pax_count=6,
    source="slackblast_metadata",
    fngs=["Carl"],
)
B(
    "sb-old-text-thread",
    "2021 slackblast text post, in a thread, FNGs None",
    {
        **SB,
        "username": "Tin Man (via Slackblast)",
        "ts": ts("2021-10-16 09:30"),
        "thread_ts": ts("2021-10-16 05:00"),
        "text": f"*Slackblast*: \n*Frosty*\n*DATE*: 2021-10-16\n*AO*: <#{GAUNT}>\n*Q*: <@{TIN}>, <@{SASQ}> \n"
        f"*PAX*: <@{HOOPS}> <@{MUD}> \n*FNGs*: None\n*COUNT*: 4\nThe Thang: hills",
    },
    channel=GAUNT,
    ao_id=GAUNT,
    bd_date="2021-10-16",
    q_user_id=TIN,
    coq_user_ids=[SASQ],
    pax_user_ids=[TIN, SASQ, HOOPS, MUD],
    pax_count=4,
    source="slackblast_text",
    poster_user_id=TIN,
)


# ------------------------------------------------------------------ thickening: preblasts, segmentation, stray words
for i, t in enumerate(
    [
        f"PREBLAST: Murph\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}, {m(MUD)}\nCount: 3",
        f"*Pre-blast*\nDate: Saturday\nQ: {m(GATOR)}\nPAX: open to all",
        f":rotating_light: Pre Blast :rotating_light:\nQ: {m(TEBOW)}\nPAX: {m(CHOW)}",
        f"Preblast - Ruck\nAO: <#{RUCK}>\nQ: {m(TIN)}\nPAX: HC below",
    ]
):
    H(f"preblast-labels-{i}", "preblast with Q and PAX labels is not a backblast", t, status="not_backblast")
for i, (names, ids) in enumerate(
    [
        ("Big Tuna Hoops", [TUNA, HOOPS]),
        ("Short Sale Tater Tot Gumby", ["U17SHORTSL", TATER, GUMBY]),
        ("mike jones tin man", [HOOPS, TIN]),
    ]
):
    H(
        f"segment-{i}",
        "space-separated names split into known users",
        f"Backblast\nQ: {m(MUD)}\nPAX: {names}",
        q_user_id=MUD,
        pax_user_ids=[MUD] + ids,
        pax_count=1 + len(ids),
    )
for i, q in enumerate(
    [f"{m(SASQ)} (with help from {m(TIN)})", f"{m(SASQ)} aka the Big Guy", f"{m(SASQ)}, Co-Q {m(TIN)}"]
):
    coq = [TIN] if TIN in q else []
    H(
        f"q-stray-{i}",
        "words next to Q mentions are not people",
        f"Backblast\nQ: {q}\nPAX: {m(HOOPS)}",
        q_user_id=SASQ,
        coq_user_ids=coq,
        pax_user_ids=[SASQ] + coq + [HOOPS],
        pax_count=2 + len(coq),
    )
for st in ("channel_leave", "message_deleted", "tombstone", "channel_archive", "bot_remove"):
    H(
        f"subtype-{st}",
        f"subtype {st} with backblast text is ignored",
        f"Backblast\nQ: {m(SASQ)}\nPAX: {m(HOOPS)}",
        msg={"subtype": st},
        status="not_backblast",
    )


def hand_cases() -> list[dict]:
    return list(_cases)
