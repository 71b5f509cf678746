"""Real-format corpus (tests/corpus/real): headers laid out as F3 regions publish them, names invented.

Prints per-field accuracy and lists every failing case; floors: >= 97% field accuracy, 0 false positives.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from miner.backblasts.parse import Context, Parsed, parse_message

REAL = Path(__file__).parent / "corpus" / "real"
FIELDS = ["status", "ao_id", "bd_date", "q_user_id", "coq_user_ids", "pax_user_ids", "unmatched_names",
          "fng_count", "pax_count", "date_flag"]  # fmt: skip
SET_FIELDS = {"pax_user_ids", "unmatched_names"}


def load_real() -> list[dict]:
    with open(REAL / "cases.jsonl") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = load_real()
_CTX: dict[str, Context] = {}


def make_ctx(case: dict) -> Context:
    c = case["ctx"]
    key = case["id"].removesuffix("-m")
    if key not in _CTX:
        _CTX[key] = Context(channel_id=c["channel_id"], users=c["users"], aos=c["aos"], tz=c["tz"],
                            date_order=c["date_order"], aliases=c.get("aliases") or {})  # fmt: skip
    return _CTX[key]


def _norm(names) -> list[str]:
    return sorted(" ".join(n.lower().split()) for n in names)


def checks(case: dict, got: Parsed) -> dict[str, tuple[bool, object, object]]:
    exp = case["expected"]
    if exp["status"] == "not_backblast":
        return {"status": (got.status == "not_backblast", "not_backblast", got.status)}
    out = {}
    for f in FIELDS:
        want, have = exp[f], getattr(got, f)
        if f == "bd_date":
            have = have.isoformat() if have else None
        if f == "unmatched_names":
            ok = _norm(have) == _norm(want) and len(set(_norm(have))) == len(have)
        elif f in SET_FIELDS:
            ok = sorted(have) == sorted(want) and len(set(have)) == len(have)
        else:
            ok = have == want
        out[f] = (ok, want, have)
    return out


def run() -> tuple[dict[str, list[int]], list[str], int]:
    totals: dict[str, list[int]] = {}
    failures: list[str] = []
    false_pos = 0
    for case in CASES:
        got = parse_message(case["msg"], make_ctx(case))
        if case["expected"]["status"] == "not_backblast" and got.status != "not_backblast":
            false_pos += 1
        for f, (ok, want, have) in checks(case, got).items():
            t = totals.setdefault(f, [0, 0])
            t[0] += ok
            t[1] += 1
            if not ok:
                failures.append(f"{case['id']} [{case['note']}] {f}: expected {want!r}, got {have!r}")
    return totals, failures, false_pos


def _bare_homepage(url: str) -> bool:
    """A site's front page (no path, no query): it names no post, so it cannot be the source of a header."""
    u = urlsplit(url)
    return u.path in ("", "/") and not u.query


def test_real_corpus_shape():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    pos = [c for c in CASES if c["expected"]["status"] != "not_backblast"]
    neg = [c for c in CASES if c["expected"]["status"] == "not_backblast"]
    hand = [c for c in pos if not c["id"].endswith("-m")]  # "-m": the same post with its names as mentions
    assert len({c["source_url"] for c in hand}) >= 150  # hand-written backblasts, each copying a distinct post
    assert len({c["region"] for c in pos}) >= 30
    assert len({c["source_url"] for c in neg}) >= 40  # look-alikes, each from a distinct real post
    assert all(c["source_url"].startswith("http") for c in CASES)
    assert [c["id"] for c in CASES if _bare_homepage(c["source_url"])] == []
    assert sum("<@" in c["msg"]["text"] for c in pos) >= 40  # some posts use Slack mentions


def test_real_corpus_accuracy(capsys):
    totals, failures, false_pos = run()
    good = sum(t[0] for t in totals.values())
    n = sum(t[1] for t in totals.values())
    with capsys.disabled():
        print(f"\nreal-format corpus: {len(CASES)} cases, field accuracy {100.0 * good / n:.2f}% ({good}/{n}), "
              f"false positives {false_pos}")
        for f, (g, k) in totals.items():
            print(f"  {f:16s} {g:4d}/{k:<4d} {100.0 * g / k:6.2f}%")
        for line in failures:
            print("  FAIL " + line)
    assert false_pos == 0
    assert good / n >= 0.97, f"{len(failures)} wrong fields"
