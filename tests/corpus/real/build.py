#!/usr/bin/env python3
"""Turn the hand-written cases in ``cases_src.py`` into ``cases.jsonl`` (run: python tests/corpus/real/build.py).

Only bookkeeping happens here: Slack ids are derived from names, each case gets a Slack context (users carrying
the names as written, the region's channels), post times are made from the local post date, and a second copy
of a case is written with the matched names as ``<@U..>`` mentions (same people, same expectations).
The expected values are the ones written in ``cases_src.py``; the parser is never run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import importlib  # noqa: E402

from cases_src import CASES  # noqa: E402

# more posts, one module per region (regions/<region>.py calls cases_src.bb / neg), in name order
for _mod in sorted((HERE / "regions").glob("*.py")):
    importlib.import_module(f"regions.{_mod.stem}")

TZ = "America/New_York"
DISTRACTORS = ["Moose", "Tebow", "Nacho", "Wingman", "Sparky"]  # region users who were not there


def uid(name: str) -> str:
    return "U" + hashlib.sha1(name.encode()).hexdigest()[:9].upper()


def cid(name: str) -> str:
    return "C" + hashlib.sha1(name.encode()).hexdigest()[:9].upper()


def ts(day: str, seq: int) -> str:
    d = dt.date.fromisoformat(day)
    local = dt.datetime(d.year, d.month, d.day, 9, 30, seq % 60, tzinfo=ZoneInfo(TZ))
    return f"{local.timestamp():.0f}.{seq:06d}"


def norm_alias(s: str) -> str:
    return " ".join(s.lower().split())


def mention_text(text: str, names: list[str]) -> str:
    """Write each matched user's name (as it appears, optionally after '@') as a Slack mention."""
    for name in sorted(names, key=len, reverse=True):
        pat = re.compile(r"@?(?<![\w@<])" + re.escape(name) + r"(?![\w'’-])", re.I)
        text = pat.sub(f"<@{uid(name)}>", text)
    return text


def build() -> list[dict]:
    out = []
    counts: dict[str, int] = {}
    for seq, c in enumerate(CASES):
        region = c["region"]
        counts[region] = counts.get(region, 0) + 1
        base_id = f"real-{region}-{counts[region]:02d}"
        if c["kind"] == "neg":
            names = c["users"] + DISTRACTORS
            users = {uid(n): {"user_name": n, "real_name": "", "app": 0} for n in names}
            channels = {cid(c["channel"]): c["channel"], cid("ao-general"): "ao-general"}
            msg = {"type": "message", "user": uid(names[0]), "ts": ts(c["posted"], seq), "text": c["text"]}
            out.append({"id": base_id, "region": region, "source_url": c["url"], "note": c["note"] or "negative",
                        "msg": msg, "ctx": {"channel_id": cid(c["channel"]), "tz": TZ, "date_order": "MDY",
                                            "users": users, "aos": channels, "aliases": {}},
                        "expected": {"status": "not_backblast"}})
            continue
        people = ([c["q"]] if c["q"] else []) + c["coq"] + c["pax"]
        names = list(dict.fromkeys(people + c["users"] + [d for d in DISTRACTORS if d not in people]))
        if c["poster"] and c["poster"] not in names:
            names.append(c["poster"])
        users = {uid(n): {"user_name": n, "real_name": c["real"].get(n, ""), "app": 0} for n in names}
        chans = [c["ao"], c["channel"], "ao-general", "ao-the-rock"]
        aos = {cid(ch): ch for ch in dict.fromkeys(chans)}
        poster = c["poster"] or c["q"] or c["pax"][0]
        count = c["count"] if c["count"] is not None else len(people) + len(c["un"])
        expected = {
            "status": c["status"],
            "ao_id": cid(c["ao"]),
            "bd_date": c["date"],
            "q_user_id": uid(c["q"]) if c["q"] else None,
            "coq_user_ids": [uid(n) for n in c["coq"]],
            "pax_user_ids": [uid(n) for n in people],
            "unmatched_names": c["un"],
            "fng_count": c["fng"],
            "pax_count": count,
            "date_flag": c["flag"],
        }
        ctx = {"channel_id": cid(c["channel"]), "tz": TZ, "date_order": "MDY", "users": users, "aos": aos,
               "aliases": {norm_alias(k): uid(v) for k, v in c["alias"].items()}}
        msg = {"type": "message", "user": uid(poster), "ts": ts(c["posted"], seq), "text": c["text"]}
        out.append({"id": base_id, "region": region, "source_url": c["url"], "note": c["note"] or "as written",
                    "msg": msg, "ctx": ctx, "expected": expected})
        if c["mentions"]:
            mtext = mention_text(c["text"], people)
            if mtext != c["text"]:
                m2 = dict(msg, text=mtext, ts=ts(c["posted"], seq + 1000))
                out.append({"id": base_id + "-m", "region": region, "source_url": c["url"],
                            "note": (c["note"] or "as written") + " (names as mentions)", "msg": m2, "ctx": ctx,
                            "expected": expected})
    return out


def main() -> None:
    cases = build()
    with open(HERE / "cases.jsonl", "w") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    pos = sum(c["expected"]["status"] != "not_backblast" for c in cases)
    print(f"{len(cases)} cases ({pos} backblasts, {len(cases) - pos} negatives) from "
          f"{len({c['region'] for c in cases})} regions")


if __name__ == "__main__":
    main()
