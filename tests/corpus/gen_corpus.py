#!/usr/bin/env python3
"""Build tests/corpus/cases.jsonl: backblast cases with expected results.

Expectations are derived from how each case is *constructed* (who we put on which line, what number
the Q wrote, which date we rendered), never from running the parser, so the corpus can catch parser
bugs. Hand-written edge cases (hand_cases.py) carry hand-reasoned expectations.

Rules the expectations encode (from the spec):
  * pax_user_ids = Q + Co-Qs + PAX mentions + plain names matching exactly one non-app user
    (display or real name, case-insensitive) + FNG mentions.  App users and <!here>-style tokens never count.
  * unmatched_names = plain-text names on Q/Co-Q/PAX lines, and FNG names, that match no single user.
  * pax_count = the number written on a Count/Total line, else the "(n)" on the PAX label, else the number
    of distinct people named (ids + unmatched names).
  * fng_count = the number written on the FNG line, else the number of FNG names.
  * bd_date = the Date line read relative to the post's local date (ctx.tz); no Date line -> post date.
  * ao_id = channel mention on the AO line / header / a line of its own, else AO text matching a channel
    name (ignoring ao- prefix, dashes/underscores vs spaces, case), else the channel posted in.

Run:  .venv/bin/python tests/corpus/gen_corpus.py
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CTX = json.loads((HERE / "context.json").read_text())
USERS: dict = CTX["users"]
AOS: dict = CTX["aos"]
DEFAULT_CHANNEL = CTX["channel_id"]

PEOPLE = [u for u, i in USERS.items() if not i["app"]]
APPS = [u for u, i in USERS.items() if i["app"]]


def _name_owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for uid in PEOPLE:
        for n in (USERS[uid]["user_name"], USERS[uid]["real_name"]):
            if n:
                owners.setdefault(n.lower(), set()).add(uid)
    return owners


OWNERS = _name_owners()
# plain names a Q might type that match exactly one user: (name, uid)
UNIQUE_NAMES = {
    uid: [n for n in (USERS[uid]["user_name"], USERS[uid]["real_name"]) if n and len(OWNERS[n.lower()]) == 1]
    for uid in PEOPLE
}
AMBIGUOUS = ["John Smith", "Moose", "Jeff Mitchell"]  # each belongs to two users
NON_USERS = [
    "Pickles",
    "Ghost Rider",
    "Cheese Curd",
    "Rooster",
    "Padre",
    "Goose Egg",
    "Rusty",
    "Hambone",
    "Lil Smokie",
    "Drywall",
    "Kevin's Brother",
    "Tumbleweed",
    "Skidmark",
    "Dr. Pepper",
]
FNG_NAMES = ["Carl", "Luis", "Travis", "Big Mike", "Derek", "Bobby T", "Sam W", "Hector", "Dwayne", "Marco"]
AO_CHANNELS = [c for c, n in AOS.items() if n.startswith("ao") or n == "the-yard"]
AO_TEXT = {  # ways a Q types each AO's name
    "C04FORGE001": [
        "The Forge",
        "the forge",
        "Ao-The-Forge",
        "ao the forge",
        "THE FORGE",
        "the-forge",
        "#ao-the-forge",
    ],
    "C04GAUNTLT": ["Gauntlet", "gauntlet", "AO Gauntlet", "ao-gauntlet", "GAUNTLET"],
    "C04THEYARD": ["The Yard", "the yard", "The-Yard", "THE YARD"],
    "C04DARKHRS": ["Dark Horse", "dark-horse", "AO Dark Horse", "DARK HORSE"],
    "C04BRIDGE0": ["The Bridge", "the bridge", "ao-the-bridge"],
    "C04RUCKLIF": ["Ruck Life", "ruck life", "ruck-life", "AO Ruck Life"],
    "C04HILLPAN": ["Hill of Pain", "hill-of-pain", "HILL OF PAIN", "Ao Hill of Pain"],
    "C04MURPHMT": ["Murph Mountain", "murph-mountain", "MURPH MOUNTAIN"],
}
NOWHERE = ["Downtown Park", "Veterans Memorial", "Lakeside", "the parking lot", "Behind the Kroger"]
TITLES = [
    "Murph Madness",
    "Hill Repeats &amp; Heavy Coupons",
    "Sweat Equity",
    "11s in the Rain",
    "Dora Explores",
    "Deck of Death",
    "Blimps and Burpees",
    "Leg Day Lament",
    "The Humid Hundred",
    "Coupon Carnival",
    "Ladder to Nowhere",
    "Cinco de Merkin",
    "Frosty Fartsack Free",
    "Track Attack",
    "Bear Crawl Bonanza",
]
MOLESKINE = [
    "The Thang:",
    "Warm-O-Rama: SSH x20 IC, Imperial Walkers x15, Merkins x10, Windmills x10",
    "Mosey to the parking lot for some Dora 1-2-3: 100 merkins, 200 squats, 300 LBCs",
    "11s on the hill - merkins at the bottom, jump squats at the top",
    "Mary: Flutter kicks, LBCs, American Hammers, Box Cutters",
    "COT: Prayers for the families dealing with the storm damage. Ball of Man.",
    "Announcements: Convergence at <#C04GAUNTLT|ao-gauntlet> next Saturday, 0700. Bring a coupon.",
    "Moleskine: Humid as heck this morning but the PAX pushed through.",
    "Naked-man moleskine: YHC forgot the cones, so we improvised with shoes.",
    "Q-Source: Get Right, Live Third. Great discussion on leadership.",
    "Word of the day: Perseverance",
    "It was an honor to lead this group of HIMs. Aye!",
    "Blimps x10, Burpees x10 OYO, then mosey back to the flag &amp; circle up",
    "Partner up: P1 runs to the light pole, P2 does Big Boys. Flapjack.",
    "Plank-o-rama until the Q got tired. 3 min.",
    "Shoutout to <@U24DIESEL0> for hauling the sandbags (he had the flu, stayed home though)",
    "Next week: 2nd F coffee at <#C04GENERAL|general> - check the thread",
    "Respect to the 50+ crowd who smoked us on the Indian Run.",
    "Thang 2: Deck of cards - hearts merkins, spades squats, clubs LBCs, diamonds burpees",
    "Recover, recover.",
    "Naked man moleskine: the fartsackers missed out. :sweat_smile:",
    "Ended with a few minutes of Mary and a prayer for Tebow's mom.",
    "Link to the Weinke: <https://f3nation.com/exicon|Exicon>",
]
HEADERS = [
    "Backblast",
    "*Backblast*",
    "BACKBLAST",
    "Backblast!",
    "*Backblast!*",
    "Back blast",
    "Back Blast",
    "back-blast",
    "BB",
    "*BB*",
    "Slackblast",
    "Backblast:",
    "#backblast",
    ":fire: Backblast",
    "Backbalst",
    "Bakcblast",
    "Blackblast",
    "Backbast",
    "backblast",
    "*BACKBLAST*",
    "Back Blast:",
    "BB -",
    "_Backblast_",
]
TZS = [("America/Chicago", "MDY")] * 8 + [
    ("America/New_York", "MDY"),
    ("America/Los_Angeles", "MDY"),
    ("America/Denver", "MDY"),
    ("Europe/London", "DMY"),
    ("Australia/Brisbane", "DMY"),
]


# ----------------------------------------------------------------------------- helpers


def ts_of(local: dt.datetime, tz: str, rng: random.Random | None = None) -> str:
    epoch = int(local.replace(tzinfo=ZoneInfo(tz)).timestamp())
    micro = rng.randint(0, 999999) if rng else 100
    return f"{epoch}.{micro:06d}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def mention(uid: str, rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"<@{uid}|{USERS[uid]['user_name'].lower().replace(' ', '')}>"
    return f"<@{uid}>"


def label(rng: random.Random, word: str) -> str:
    style = rng.randrange(12)
    if style == 0:
        return f"*{word}*: "
    if style == 1:
        return f"*{word}:* "
    if style == 2:
        return f"{word} : "
    if style == 3:
        return f"  {word}: "
    if style == 4:
        return f"{word} - "
    if style == 5:
        return f"{word.upper()}: "
    if style == 6:
        return f"{word.lower()}: "
    if style == 7:
        return f"*{word.upper()}*: "
    if style == 8:
        return f"{word}:"
    return f"{word}: "


def rich_blocks(text: str) -> list:
    """Roughly what Slack stores alongside a human's text: a rich_text block."""
    import re

    elements = []
    for piece in re.split(r"(<[@#][A-Z0-9]+(?:\|[^>]*)?>)", text):
        if not piece:
            continue
        if piece.startswith("<@"):
            elements.append({"type": "user", "user_id": piece[2:-1].split("|")[0]})
        elif piece.startswith("<#"):
            elements.append({"type": "channel", "channel_id": piece[2:-1].split("|")[0]})
        else:
            elements.append(
                {"type": "text", "text": piece.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")}
            )
    return [{"type": "rich_text", "block_id": "bb1", "elements": [{"type": "rich_text_section", "elements": elements}]}]


def render_date(rng: random.Random, d: dt.date, post: dt.date, order: str) -> str:
    back = (post - d).days
    opts = []
    if order == "MDY":
        opts += [
            f"{d:%Y-%m-%d}",
            f"{d.month}/{d.day}/{d.year}",
            f"{d:%m/%d/%y}",
            f"{d:%B} {d.day}, {d.year}",
            f"{d:%A}, {d:%B} {ordinal(d.day)} {d.year}",
            f"{d:%a} {d.month}/{d.day}",
            f"{d.month}/{d.day}",
            f"{d:%b} {d.day}",
            f"{d.month}-{d.day}-{d.year}",
            f"{d:%A} {d.month}/{d.day}/{d:%y}",
            f"{d.month}/{d.day}/{d.year} 0530",
            f"{d:%b}. {ordinal(d.day)}, {d.year}",
        ]
    else:
        opts += [
            f"{d:%Y-%m-%d}",
            f"{d.day}/{d.month}/{d.year}",
            f"{d:%d/%m/%y}",
            f"{d.day} {d:%B} {d.year}",
            f"{d:%A} {ordinal(d.day)} {d:%B}",
            f"{d:%a} {d.day}/{d.month}",
            f"{d.day}.{d.month}.{d.year}",
        ]
    if back == 0:
        opts += ["today", "Today", "this morning"]
    if back == 1:
        opts += ["yesterday", "Yesterday"]
    if 0 <= back <= 6:
        opts += [f"{d:%A}", f"{d:%a}"]
    return rng.choice(opts)


def empty_expect() -> dict:
    return {
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


def case(cid, note, msg, expected, ctx=None, **extra) -> dict:
    c = {"id": cid, "note": note, "msg": msg, "expected": expected}
    if ctx:
        c["ctx"] = ctx
    c.update(extra)
    return c


# ----------------------------------------------------------------------------- hand-typed generator


def gen_handtyped(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        out.append(one_handtyped(rng, i))
    return out


def one_handtyped(rng: random.Random, i: int) -> dict:
    notes = []
    channel = rng.choice(AO_CHANNELS)
    tz, order = rng.choice(TZS)
    year = rng.randint(2019, 2026)
    start = dt.date(year, 1, 1)
    post_day = start + dt.timedelta(days=rng.randrange(365 if year < 2026 else 180))
    hour_pick = rng.random()
    if hour_pick < 0.6:
        hh, mm = rng.randint(5, 9), rng.randint(0, 59)
    elif hour_pick < 0.85:
        hh, mm = rng.randint(10, 20), rng.randint(0, 59)
    else:
        hh, mm = rng.randint(21, 23), rng.randint(0, 59)
        notes.append("late-evening post (UTC is next day)")
    post_local = dt.datetime.combine(post_day, dt.time(hh, mm, rng.randint(0, 59)))
    ts = ts_of(post_local, tz, rng)
    back = rng.choices([0, 1, 2, 3, 6], [55, 30, 6, 4, 5])[0]
    bd = post_day - dt.timedelta(days=back)

    chosen = rng.sample(PEOPLE, rng.randint(4, 16))
    q = chosen[0]
    ncoq = rng.choices([0, 1, 2], [70, 25, 5])[0]
    coqs = chosen[1 : 1 + ncoq]
    pax_people = chosen[1 + ncoq : -1]
    spare = chosen[-1]  # never listed; may be the poster, an FNG mention or a moleskine shout-out
    poster = q if rng.random() < 0.75 else (rng.choice(pax_people) if pax_people else q)

    ids = [q] + coqs  # expected people, in order
    unmatched: list[str] = []
    pax_items: list[str] = []  # rendered PAX entries
    plain_pax_names: set[str] = set()

    def pax_render(uid: str) -> str:
        r = rng.random()
        if r < 0.7 or not UNIQUE_NAMES[uid]:
            return mention(uid, rng)
        name = rng.choice(UNIQUE_NAMES[uid])
        plain_pax_names.add(name.lower())
        return name if rng.random() < 0.7 else name.lower()

    if rng.random() < 0.4:
        pax_items.append(pax_render(q))
        notes.append("Q also listed in PAX")
    for uid in pax_people:
        pax_items.append(pax_render(uid))
        ids.append(uid)
    for name in rng.sample(NON_USERS, rng.choices([0, 1, 2, 3], [45, 30, 15, 10])[0]):
        pax_items.append(name)
        unmatched.append(name)
        plain_pax_names.add(name.lower())
    if rng.random() < 0.12:
        amb = rng.choice(AMBIGUOUS)
        pax_items.append(amb)
        unmatched.append(amb)
        plain_pax_names.add(amb.lower())
        notes.append(f"ambiguous plain name {amb!r}")
    if rng.random() < 0.08:
        pax_items.append(f"<@{rng.choice(APPS)}>")
        notes.append("app user mentioned in PAX (not a person)")
    if rng.random() < 0.05:
        pax_items.append("<!here>")
        notes.append("<!here> in PAX")
    if rng.random() < 0.12:
        if poster in ids:
            pax_items.append(rng.choice(["YHC", "yhc", "me"]))
            notes.append("YHC in PAX")
        else:
            pax_items.append("YHC")
            ids.append(poster)
            notes.append("YHC in PAX (poster not otherwise listed)")

    # FNGs
    fng_lines: list[str] = []
    fng_names: list[str] = []
    fng_count = 0
    fstyle = rng.choices(["absent", "none", "names", "numnames", "number", "mention"], [35, 20, 18, 12, 8, 7])[0]
    if fstyle == "none":
        fng_lines.append(
            label(rng, rng.choice(["FNGs", "FNG", "FNG's"]))
            + rng.choice(["None", "none", "0", "-", "N/A", "None :(", "zero", "n/a", "nope"])
        )
    elif fstyle in ("names", "numnames"):
        fng_names = rng.sample(FNG_NAMES, rng.choices([1, 2, 3], [60, 30, 10])[0])
        fng_count = len(fng_names)
        joined = ", ".join(fng_names) if rng.random() < 0.8 else " and ".join(fng_names)
        if fstyle == "numnames":
            sep = rng.choice([" ", " - ", ": "])
            if rng.random() < 0.2:  # Q wrote a number that doesn't match the names
                fng_count = len(fng_names) + 1
                notes.append("FNG number differs from names listed")
            joined = f"{fng_count}{sep}{joined}"
        fng_lines.append(label(rng, rng.choice(["FNGs", "FNG", "FNGs", "fngs"])) + joined)
        if rng.random() < 0.5:
            pax_items.extend(fng_names)
            for nm in fng_names:
                plain_pax_names.add(nm.lower())
            notes.append("FNG names also on PAX line")
        unmatched.extend(fng_names)  # an FNG matches no user: kept, counted and told to the Q like any such name
    elif fstyle == "number":
        fng_count = rng.choice([1, 2, 3, 12])
        fng_lines.append(label(rng, rng.choice(["FNGs", "FNG"])) + str(fng_count))
    elif fstyle == "mention":
        fng_count = 1
        fng_lines.append(label(rng, "FNG") + rng.choice(["", "1 "]) + f"<@{spare}>")
        ids.append(spare)
        notes.append("FNG as a mention")

    named = len(set(ids)) + len(unmatched)

    # Count
    count_line = None
    paren = None
    pax_count = named
    cstyle = rng.choices(["absent", "count", "paren"], [35, 55, 10])[0]
    if cstyle == "count":
        written = named if rng.random() < 0.75 else named + rng.randint(1, 3)
        pax_count = written
        word = rng.choice(["Count", "COUNT", "Total", "Total PAX", "#PAX", "Head count", "PAX count", "Count"])
        tail = rng.choice(["", "", "", f" ({fng_count} FNGs)" if fng_count else " strong", " PAX", " HIMs", "!"])
        count_line = label(rng, word) + f"{written}{tail}"
    elif cstyle == "paren":
        paren = named if rng.random() < 0.7 else named + 1
        pax_count = paren
        notes.append("PAX (n) label")

    # PAX line(s)
    rng.shuffle(pax_items)
    pax_lines = []
    pstyle = rng.choices(["one", "two", "cont", "perline"], [70, 12, 8, 10])[0]
    pword = rng.choice(["PAX", "Pax", "The PAX", "pax", "PAX"])
    plabel = f"{pword} ({paren}): " if paren is not None else label(rng, pword)

    def join(items):
        if all(x.startswith("<") for x in items) and rng.random() < 0.5:
            return " ".join(items)
        return ", ".join(items)

    if pstyle == "two" and len(pax_items) >= 4:
        half = len(pax_items) // 2
        pax_lines = [plabel + join(pax_items[:half]), label(rng, "PAX") + join(pax_items[half:])]
        notes.append("two PAX lines")
    elif pstyle == "cont" and sum(x.startswith("<@") for x in pax_items) >= 4:
        ments = [x for x in pax_items if x.startswith("<@")]
        rest = [x for x in pax_items if not x.startswith("<@")]
        pax_lines = [plabel + join(rest + ments[:2])] + [" ".join(ments[2:])]
        notes.append("PAX continues on a mentions-only line")
    elif pstyle == "perline" and pax_items:
        pax_lines = [plabel.rstrip()] + [rng.choice(["", "- ", "• "]) + x for x in pax_items] + [""]
        notes.append("PAX one per line")
    else:
        pax_lines = [plabel + join(pax_items)]

    # Q / Co-Q lines
    q_lines = []

    def q_ref(uid):
        if uid == poster and rng.random() < 0.1:
            notes.append("Q: YHC")
            return "YHC"
        if rng.random() < 0.15 and UNIQUE_NAMES[uid]:
            notes.append("Q as plain name")
            return rng.choice(UNIQUE_NAMES[uid])
        return mention(uid, rng)

    qword = rng.choice(["Q", "Q", "The Q", "VQ", "QIC", "Q"]) if not coqs else "Q"
    if coqs:
        cs = rng.randrange(5)
        cm = [mention(c, rng) for c in coqs]
        if cs == 0:
            q_lines = [
                label(rng, "Q") + q_ref(q),
                label(rng, rng.choice(["Co-Q", "CoQ", "Co-Qs", "Co Q"])) + ", ".join(cm),
            ]
        elif cs == 1:
            q_lines = [label(rng, "Q") + f"{mention(q, rng)} and " + " and ".join(cm)]
        elif cs == 2:
            q_lines = [label(rng, rng.choice(["Qs", "Q's"])) + ", ".join([mention(q, rng)] + cm)]
        elif cs == 3:
            q_lines = [label(rng, "Q") + f"{mention(q, rng)} & " + " & ".join(cm)]
        else:
            q_lines = [label(rng, "Q") + f"{mention(q, rng)} / " + " / ".join(cm)]
        notes.append(f"{len(coqs)} Co-Q")
    else:
        q_lines = [label(rng, qword) + q_ref(q) + rng.choice(["", "", " (VQ!)", " :muscle:"])]

    # AO
    ao_id = channel
    ao_lines = []
    header_ao = None
    astyle = rng.choices(
        ["none", "mention", "mention_bare", "text", "nomatch", "header", "own_line"], [30, 20, 8, 22, 8, 6, 6]
    )[0]
    other = rng.choice(AO_CHANNELS)
    if astyle == "mention":
        ao_lines = [label(rng, rng.choice(["AO", "AO", "Where"])) + f"<#{other}|{AOS[other]}>"]
        ao_id = other
    elif astyle == "mention_bare":
        ao_lines = [label(rng, "AO") + f"<#{other}>"]
        ao_id = other
    elif astyle == "text":
        ao_lines = [label(rng, rng.choice(["AO", "AO", "Where", "Location"])) + rng.choice(AO_TEXT[other])]
        ao_id = other
        notes.append("AO as text")
    elif astyle == "nomatch":
        ao_lines = [label(rng, "AO") + rng.choice(NOWHERE)]
        notes.append("AO text matches no channel")
    elif astyle == "header":
        header_ao = f"<#{other}|{AOS[other]}>"
        ao_id = other
        notes.append("AO channel in header")
    elif astyle == "own_line":
        ao_lines = [f"<#{other}|{AOS[other]}>" if rng.random() < 0.5 else f"AO <#{other}>"]
        ao_id = other
        notes.append("AO channel mention on its own line")

    # Date
    date_lines = []
    if rng.random() < 0.75:
        shown = render_date(rng, bd, post_day, order)
        date_lines = [label(rng, rng.choice(["Date", "DATE", "Date", "When", "Day"])) + shown]
        notes.append(f"date {shown!r}")
        exp_date = bd
    else:
        exp_date = post_day
        notes.append("no date line")

    # Header
    headerless = rng.random() < 0.08
    title = rng.choice(TITLES)
    head = []
    if not headerless:
        h = rng.choice(HEADERS)
        hs = rng.randrange(4)
        if header_ao:
            head = [f"{h} {header_ao} - {title}"]
        elif hs == 0:
            head = [h]
        elif hs == 1:
            head = [f"{h} {title}" if h.endswith((":", "-")) else f"{h}: {title}"]
        elif hs == 2:
            head = [h, f"*{title}*"]
        else:
            head = [f"{h} - {title}"]
        notes.insert(0, f"header {h!r}")
    else:
        if header_ao:
            ao_lines = [header_ao]
        notes.insert(0, "no header, Q and PAX labels")
        if rng.random() < 0.5:
            head = [f"*{title}*"]

    body = date_lines + ao_lines + q_lines + pax_lines + fng_lines
    multi_line_pax = any(n in notes for n in ("PAX continues on a mentions-only line", "PAX one per line"))
    if rng.random() < 0.15 and not multi_line_pax and astyle != "own_line":  # some Qs use odd orders
        rng.shuffle(body)
        notes.append("label lines shuffled")

    mole = rng.sample(MOLESKINE, rng.randint(2, 7))
    last_count = count_line is not None and rng.random() < 0.3
    lines = head + body
    if count_line and not last_count:
        lines.append(count_line)
    lines += [""] + mole
    if last_count:
        lines.append(count_line)
        notes.append("count on the last line")
    if rng.random() < 0.15:  # leading spaces / blank line noise
        lines = [""] + lines
    text = "\n".join(lines)

    msg = {"type": "message", "user": poster, "ts": ts, "text": text, "team": "T02F3REGN"}
    if rng.random() < 0.5:
        msg["blocks"] = rich_blocks(text)
    r = rng.random()
    if r < 0.08:
        msg["thread_ts"] = ts_of(post_local - dt.timedelta(hours=3), tz)
        msg["parent_user_id"] = rng.choice(PEOPLE)
        notes.append("thread reply")
    elif r < 0.12:
        msg["subtype"] = "thread_broadcast"
        msg["thread_ts"] = ts_of(post_local - dt.timedelta(hours=2), tz)
        notes.append("thread_broadcast")
    elif r < 0.16:
        msg["subtype"] = "file_share"
        msg["files"] = [{"id": "F0PHOTO1", "name": "IMG_2041.jpg", "mimetype": "image/jpeg"}]
        notes.append("file_share (photo)")
    if rng.random() < 0.1:
        msg["edited"] = {"user": poster, "ts": ts_of(post_local + dt.timedelta(minutes=9), tz)}

    expected = {
        "status": "ok",
        "ao_id": ao_id,
        "bd_date": exp_date.isoformat(),
        "q_user_id": q,
        "coq_user_ids": coqs,
        "pax_user_ids": list(dict.fromkeys(ids)),
        "unmatched_names": unmatched,
        "fng_count": fng_count,
        "pax_count": pax_count,
        "poster_user_id": poster,
        "source": "text",
    }
    ctx = {"channel_id": channel}
    if tz != "America/Chicago":
        ctx["tz"] = tz
    if order != "MDY":
        ctx["date_order"] = order
    return case(f"gen-text-{i:03d}", "; ".join(notes), msg, expected, ctx)


# ----------------------------------------------------------------------------- slackblast generator


def gen_slackblast(rng: random.Random, n: int) -> list[dict]:
    return [one_slackblast(rng, i) for i in range(n)]


def one_slackblast(rng: random.Random, i: int) -> dict:
    form = ["old_text", "new_text", "blocks", "metadata", "metadata", "blocks_meta_noq"][i % 6]
    tz = "America/Chicago"
    year = rng.randint(2021, 2026)
    post_day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365 if year < 2026 else 180))
    post_local = dt.datetime.combine(post_day, dt.time(rng.randint(6, 21), rng.randint(0, 59)))
    ts = ts_of(post_local, tz, rng)
    bd = post_day - dt.timedelta(days=rng.choice([0, 0, 1, 2]))
    ao = rng.choice(AO_CHANNELS)
    posted_in = ao if rng.random() < 0.85 else rng.choice(AO_CHANNELS)
    chosen = rng.sample(PEOPLE, rng.randint(3, 14))
    q = chosen[0]
    coqs = chosen[1:2] if rng.random() < 0.25 else []
    pax = [p for p in chosen[1 + len(coqs) :]]
    if rng.random() < 0.7:
        pax = [q] + pax  # the slackblast form usually has the Q in the PAX picker too
    nonslack = rng.sample(NON_USERS, rng.choice([0, 0, 1, 2]))
    matched_nonslack = []
    if rng.random() < 0.15:
        extra = rng.choice([u for u in PEOPLE if u not in chosen and UNIQUE_NAMES[u]])
        matched_nonslack = [extra]
        nonslack = nonslack + [UNIQUE_NAMES[extra][0]]
    fngs = rng.sample(FNG_NAMES, rng.choice([0, 0, 0, 1, 2]))
    title = rng.choice(TITLES)
    mole = rng.sample(MOLESKINE, rng.randint(2, 5))
    mole_text = "\n".join(mole)

    ids = list(dict.fromkeys([q] + coqs + pax + matched_nonslack))
    unmatched_ns = [n for n in nonslack if n not in [UNIQUE_NAMES[u][0] for u in matched_nonslack]]
    auto_count = len(set([q] + coqs + pax)) + len(nonslack) + len(fngs)  # slackblast's own formula
    typed_count = rng.choice([None, None, str(auto_count), str(auto_count + 1)])
    count_shown = typed_count or str(auto_count)

    coq_fmt = (", " + "".join(f"<@{c}> " for c in coqs)) if coqs else ""
    pax_fmt = ", ".join(
        ["".join(f"<@{p}> " for p in pax)]
        + ([", ".join(nonslack)] if nonslack else [])
        + ([", ".join(fngs)] if fngs else [])
    )
    fngs_fmt = f"{len(fngs)} {', '.join(fngs)}" if fngs else "None"
    post_body = (
        f"*DATE*: {bd:%Y-%m-%d}\n*AO*: <#{ao}>\n*Q*: <@{q}>{coq_fmt}\n*PAX*: {pax_fmt}\n"
        f"*FNGs*: {fngs_fmt}\n*COUNT*: {count_shown}"
    )
    qname = USERS[q]["user_name"]
    msg = {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B03SLKBLST",
        "username": f"{qname} (via Slackblast)",
        "icons": {"image_48": "https://avatars.slack-edge.com/2021-01-01/q_48.png"},
        "ts": ts,
    }
    # text-path expectations: names on the PAX line that match no user are unmatched (incl. FNG names)
    exp = {
        "status": "ok",
        "ao_id": ao,
        "bd_date": bd.isoformat(),
        "q_user_id": q,
        "coq_user_ids": coqs,
        "pax_user_ids": ids,
        "unmatched_names": unmatched_ns + fngs,
        "fng_count": len(fngs),
        "pax_count": int(count_shown),
        "poster_user_id": q,
    }
    if form == "old_text":
        msg["text"] = f"*Slackblast*: \n*{title}*\n{post_body}\n{mole_text}"
        exp["source"] = "slackblast_text"
        note = "slackblast (2021) plain-text post"
    elif form == "new_text":
        msg["text"] = f"*Backblast! {title}*\n{post_body}\n{mole_text}"
        exp["source"] = "slackblast_text"
        note = "slackblast plain-text post (region without PAXminer schema)"
    else:
        msg["text"] = f"{mole_text}\n\nUse the 'New Backblast' button to create a new backblast"
        msg["blocks"] = [
            {
                "type": "section",
                "block_id": "msg_text",
                "text": {"type": "mrkdwn", "text": f"*Backblast! {title}*\n{post_body}"},
            },
            rich_blocks(mole_text)[0],
            {
                "type": "actions",
                "block_id": "edit-backblast",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "edit-backblast",
                        "text": {"type": "plain_text", "text": ":pencil: Edit this backblast"},
                        "value": "{}",
                    },
                    {
                        "type": "button",
                        "action_id": "new-backblast",
                        "text": {"type": "plain_text", "text": ":heavy_plus_sign: New backblast"},
                        "value": "new",
                    },
                ],
            },
        ]
        exp["source"] = "slackblast_blocks"
        note = "slackblast linked post: labels in blocks, text is the moleskin"
        if form in ("metadata", "blocks_meta_noq"):
            payload = {
                "title": title.replace("&amp;", "&"),
                "date": f"{bd:%Y-%m-%d}",
                "The_AO": ao,
                "the_q": q,
                "the_coq": coqs or None,
                "the_pax": pax,
                "non_slack_pax": ", ".join(nonslack) or None,
                "fngs": ", ".join(fngs) or None,
                "count": typed_count,
                "destination": "The_AO",
                "email_send": None,
                "original_poster": rng.choice([q] + pax),
                "boyband_file": [],
                "event_id": None,
            }
            if form == "blocks_meta_noq":
                # older payload without structured fields: falls back to the blocks
                payload = {"original_poster": q, "boyband_file": []}
                note += "; metadata payload without the_q (falls back to blocks)"
            else:
                exp["source"] = "slackblast_metadata"
                if typed_count is None:
                    exp["pax_count"] = len(ids) + len(unmatched_ns) + len(fngs)
                note = "slackblast post with metadata.event_payload (preferred)"
            msg["metadata"] = {"event_type": "backblast", "event_payload": payload}
    notes = [
        note,
        f"{len(coqs)} Co-Q",
        f"{len(nonslack)} non-slack PAX",
        f"{len(fngs)} FNGs",
        "typed count" if typed_count else "auto count",
    ]
    if posted_in != ao:
        notes.append("posted in a different channel than the AO")
    return case(f"gen-slackblast-{i:03d}", "; ".join(notes), msg, exp, {"channel_id": posted_in})


# ----------------------------------------------------------------------------- not-backblast generator

CHATTER = [
    "Great backblast <@{u}>! Sounds like a beatdown.",
    "Who's writing the backblast for today?",
    "Reminder: post your backblast by noon so PAXminer picks it up",
    "backblast was epic, thanks for leading <@{u}>",
    "Backblast is up in <#C04GAUNTLT|ao-gauntlet>",
    "Does anyone know how to use /backblast ?",
    "BB gun fight at the Yard this weekend? :laughing:",
    "Nice work today gents. Backblast to follow.",
    "Forgot to post the backblast yesterday, will do it tonight",
    "Q: who's taking Saturday at the Forge?",
    "PAX: don't forget the convergence next week!",
    "Anyone have a spare coupon? Left mine at <#C04FORGE001|ao-the-forge>",
    "Happy F3 birthday <@{u}>! :tada:",
    "Coffeeteria after at the usual spot",
    "<!channel> Q sign-up sheet for next month: <https://docs.google.com/spreadsheets/d/abc|sheet>",
    "The backblast from Tuesday has the wrong date, can an admin fix it?",
    "lol <@{u}> you were a beast on the hill",
    "Weather looks rough tomorrow. Still on rain or shine.",
    "Thanks for the EH <@{u}>, see you Saturday",
    "Backblasts are how we keep the stats honest - please post them!",
]
PREBLASTS = [
    "Preblast: {t}\nWhen: Saturday 0530\nWhere: <#{c}|{cn}>\nQ: <@{u}>\nWhat: Bring a coupon",
    "*PREBLAST*\nDate: tomorrow\nQ: <@{u}>\nWhy: Because Murph",
    "Pre-blast for Monday at <#{c}>: YHC has the Q. Bring gloves. Q: <@{u}>",
    "*Pre blast* - {t}\nQ: <@{u}>\nPAX: all welcome, HC below :point_down:",
    "preblast: {t} at {cn}. 0515. <@{u}> on Q",
    ":rotating_light: Preblast :rotating_light:\n*Q*: <@{u}>\n*Time*: 0530-0615\n*Coupons*: yes",
]
TEASERS = [
    "Backblast coming",
    "BB to follow",
    "Backblast incoming!",
    "*Backblast* coming later today",
    "Backblast: coming soon",
    "Backblast to follow, great work <@{u}> and <@{v}>",
    "backblast later - gotta get to work",
    "BB will post tonight :sweat_smile:",
]
SUBTYPES = [
    ("channel_join", "<@{u}> has joined the channel"),
    ("channel_leave", "<@{u}> has left the channel"),
    ("channel_topic", "set the channel topic: Backblasts here please. Q: sign up in the sheet"),
    ("channel_purpose", "set the channel purpose: AO channel for backblasts"),
    ("pinned_item", "<@{u}> pinned a message to this channel."),
    ("bot_add", "added an integration to this channel: <https://x.slack.com/services/B1|PAXminer>"),
    ("channel_name", 'has renamed the channel from "forge" to "ao-the-forge"'),
    ("reminder_add", 'set up a reminder "post your backblast" in this channel at 9AM every day'),
]


def gen_not_backblasts(rng: random.Random) -> list[dict]:
    out = []
    k = 0

    def add(note, msg, ctx=None):
        nonlocal k
        out.append(case(f"gen-not-{k:03d}", note, msg, empty_expect(), ctx))
        k += 1

    def base_msg(text, user=None):
        year = rng.randint(2019, 2026)
        local = dt.datetime(year, rng.randint(1, 6), rng.randint(1, 28), rng.randint(5, 22), rng.randint(0, 59))
        return {
            "type": "message",
            "user": user or rng.choice(PEOPLE),
            "ts": ts_of(local, "America/Chicago", rng),
            "text": text,
        }

    def fill(t):
        c = rng.choice(AO_CHANNELS)
        return t.format(u=rng.choice(PEOPLE), v=rng.choice(PEOPLE), t=rng.choice(TITLES), c=c, cn=AOS[c])

    for t in CHATTER:
        add("chatter mentioning backblast / labels in a sentence", base_msg(fill(t)))
    for t in PREBLASTS:
        add("hand-typed preblast", base_msg(fill(t)))
    for t in TEASERS:
        add("backblast-coming teaser", base_msg(fill(t)))
    for st, t in SUBTYPES:
        m = base_msg(fill(t))
        m["subtype"] = st
        add(f"subtype {st}", m)
    # a join whose text looks like a backblast must still be ignored
    m = base_msg("Backblast\nQ: <@U01SASQUAT>\nPAX: <@U03HOOPS00> <@U04MUDFLAP>")
    m["subtype"] = "channel_join"
    add("channel_join subtype even with backblast-looking text", m)
    return out


# ----------------------------------------------------------------------------- problems / header-only

BAD_DATES = ["Blursday", "the 32nd", "13/45/2024", "2/30/2025", "last week sometime", "31/31/2023", "TBD", "Smarch 3rd"]


def gen_problems(rng: random.Random, n: int) -> list[dict]:
    """Clearly backblasts (header + labels) with something required missing or unreadable."""
    out = []
    for i in range(n):
        kind = ["noq", "baddate", "qplain", "qamb"][i % 4]
        channel = rng.choice(AO_CHANNELS)
        post_day = dt.date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
        local = dt.datetime.combine(post_day, dt.time(rng.randint(5, 20), rng.randint(0, 59)))
        people = rng.sample(PEOPLE, rng.randint(3, 9))
        q, pax = people[0], people[1:]
        plain = rng.sample(NON_USERS, rng.choice([0, 1]))
        header = rng.choice(HEADERS)
        lines = [f"{header} {rng.choice(TITLES)}" if not header.endswith(("!", ":", "-")) else header]
        exp_date = post_day.isoformat()
        problem = "no Q"
        q_line = f"Q: <@{q}>"
        ids = [q] + pax
        unmatched = list(plain)
        if kind == "noq":
            q_line = None
            ids = pax
        elif kind == "baddate":
            bad = rng.choice(BAD_DATES)
            lines.append(label(rng, rng.choice(["Date", "DATE", "When"])) + bad)
            problem = None  # an unreadable date falls back to the post's date (flagged): not a problem
        elif kind == "qplain":
            who = rng.choice(["Sir Sweats-a-lot", "Coach K", "Big Papi", "Mr. Miyagi"])
            q_line, problem = f"Q: {who}", who
            ids = pax
            unmatched = [who] + unmatched
        else:
            who = rng.choice(AMBIGUOUS)
            q_line, problem = f"Q: {who}", "more than one"
            ids = pax
            unmatched = [who] + unmatched
        if q_line:
            lines.append(q_line)
        lines.append(label(rng, "PAX") + ", ".join([f"<@{u}>" for u in pax] + plain))
        count = None
        if rng.random() < 0.5:
            count = len(ids) + len(unmatched) + rng.choice([0, 0, 2])
            lines.append(f"Count: {count}")
        lines += ["", rng.choice(MOLESKINE)]
        msg = {"type": "message", "user": q, "ts": ts_of(local, "America/Chicago", rng), "text": "\n".join(lines)}
        exp = {
            "status": "problem" if problem else "ok",
            "ao_id": channel,
            "bd_date": exp_date,
            "q_user_id": None if kind != "baddate" else q,
            "coq_user_ids": [],
            "pax_user_ids": ids,
            "unmatched_names": unmatched,
            "fng_count": 0,
            "pax_count": count if count is not None else len(ids) + len(unmatched),
        }
        if problem:
            exp["problem_contains"] = problem
        out.append(case(f"gen-problem-{i:03d}", f"problem: {kind}", msg, exp, {"channel_id": channel}))
    return out


def gen_header_only(rng: random.Random) -> list[dict]:
    """Backblasts whose only signal is the (often misspelled) header: Q line and count, no PAX line."""
    out = []
    for i, h in enumerate(
        [
            "Backbalst",
            "Bakcblast",
            "Blackblast",
            "Backbast",
            "Back blast",
            "BACK-BLAST",
            "BB:",
            "Slackblast:",
            "*Backblast*",
            ":muscle: Backblast",
            "Backblasst",
            "backblast!!!",
        ]
    ):
        q = rng.choice(PEOPLE)
        n = rng.randint(5, 25)
        local = dt.datetime(rng.randint(2019, 2026), rng.randint(1, 6), rng.randint(1, 28), 7, 30)
        text = f"{h} {rng.choice(TITLES)}\nQ: <@{q}>\n{rng.choice(['Count', 'Total', '#PAX'])}: {n}\n\n{rng.choice(MOLESKINE)}"
        msg = {"type": "message", "user": q, "ts": ts_of(local, "America/Chicago", rng), "text": text}
        exp = {
            "status": "ok",
            "ao_id": DEFAULT_CHANNEL,
            "bd_date": local.date().isoformat(),
            "q_user_id": q,
            "coq_user_ids": [],
            "pax_user_ids": [q],
            "unmatched_names": [],
            "fng_count": 0,
            "pax_count": n,
        }
        out.append(case(f"gen-header-{i:03d}", f"header {h!r} is the only backblast signal (no PAX line)", msg, exp))
    return out


# ----------------------------------------------------------------------------- main


def main() -> None:
    from hand_cases import hand_cases

    rng = random.Random(20250301)
    cases = (
        gen_handtyped(rng, 230)
        + gen_slackblast(rng, 42)
        + gen_not_backblasts(rng)
        + gen_problems(rng, 24)
        + gen_header_only(rng)
        + hand_cases()
    )
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    with open(HERE / "cases.jsonl", "w") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {HERE / 'cases.jsonl'}")


if __name__ == "__main__":
    main()
