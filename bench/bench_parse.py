#!/usr/bin/env python3
"""Backblast parser benchmark: throughput (messages/s, one core, pure parsing) and per-field corpus accuracy.

Usage:  .venv/bin/python bench/bench_parse.py [--seconds 3] [--min-rate 20000]
Exit status 1 when the whole-corpus throughput (best round, CPU time) is under --min-rate or any corpus
field is wrong. Rates are also printed for the backblasts alone, as medians, and as wall-clock rates.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_backblast import CASES, field_checks, make_ctx  # noqa: E402
from test_real_corpus import CASES as REAL_CASES  # noqa: E402
from test_real_corpus import make_ctx as real_ctx  # noqa: E402
from test_real_corpus import run as real_run  # noqa: E402

from miner.backblasts.parse import PARSER_VERSION, Context, parse_message  # noqa: E402


def accuracy() -> tuple[dict[str, list[int]], int]:
    totals: dict[str, list[int]] = {}
    bad_cases = 0
    for case in CASES:
        got = parse_message(case["msg"], make_ctx(case))
        checks = field_checks(case, got)
        bad_cases += not all(ok for ok, *_ in checks.values())
        for f, (ok, *_rest) in checks.items():
            t = totals.setdefault(f, [0, 0])
            t[0] += ok
            t[1] += 1
    return totals, bad_cases


def _pairs(kind: str) -> list[tuple[dict, Context]]:
    """Corpus messages with their contexts; contexts are built once, as the pipeline does."""
    pairs: list[tuple[dict, Context]] = []
    ctx_cache: dict[tuple, Context] = {}
    for case in CASES:
        if kind == "backblasts" and case["expected"]["status"] == "not_backblast":
            continue
        c = make_ctx(case)
        pairs.append((case["msg"], ctx_cache.setdefault((c.channel_id, c.tz, c.date_order), c)))
    return pairs


def throughput(seconds: float, kind: str) -> dict[str, float]:
    """Parse the corpus in short rounds for ~seconds (timeit-style).

    Rates use the process's CPU time (one core, immune to other processes' CPU use) and wall time;
    best round = least disturbed by a shared machine, median = typical.
    """
    pairs = _pairs(kind)
    cpu_rates, wall_rates = [], []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(cpu_rates) < 5:
        c0, w0 = time.process_time(), time.perf_counter()
        for m, c in pairs:
            parse_message(m, c)
        c1, w1 = time.process_time(), time.perf_counter()
        cpu_rates.append(len(pairs) / max(c1 - c0, 1e-9))
        wall_rates.append(len(pairs) / max(w1 - w0, 1e-9))
    return {
        "n": len(pairs) * len(cpu_rates),
        "cpu_best": max(cpu_rates),
        "cpu_median": statistics.median(cpu_rates),
        "wall_best": max(wall_rates),
        "wall_median": statistics.median(wall_rates),
    }


def real_throughput(seconds: float) -> float:
    """Messages/s (CPU time, best round) over the real-format corpus (tests/corpus/real)."""
    pairs = [(c["msg"], real_ctx(c)) for c in REAL_CASES]
    best = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        c0 = time.process_time()
        for m, c in pairs:
            parse_message(m, c)
        best = max(best, len(pairs) / max(time.process_time() - c0, 1e-9))
    return best


def reference_loop_ms() -> float:
    """A fixed pure-Python loop, so numbers from a loaded/slow machine can be put in context."""
    best = float("inf")
    for _ in range(7):
        t0 = time.process_time()
        x = 0
        for i in range(200_000):
            x += i
        best = min(best, time.process_time() - t0)
    return best * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--min-rate", type=float, default=20000.0)
    args = ap.parse_args()

    totals, bad = accuracy()
    print(f"parser version {PARSER_VERSION}; corpus {len(CASES)} cases; {bad} case(s) with a wrong field")
    print("per-field accuracy:")
    for f, (good, n) in totals.items():
        print(f"  {f:18s} {good:4d}/{n:<4d} {100.0 * good / n:6.2f}%")

    parse_message(CASES[0]["msg"], make_ctx(CASES[0]))  # warm the per-Context lookup cache
    ref = reference_loop_ms()
    res = {kind: throughput(args.seconds, kind) for kind in ("all", "backblasts")}
    for kind, r in res.items():
        print(
            f"throughput, {kind:10s} (one core, CPU time): best {r['cpu_best']:9,.0f} msgs/s, "
            f"median {r['cpu_median']:9,.0f} msgs/s  | wall: best {r['wall_best']:9,.0f}, median {r['wall_median']:9,.0f}"
            f"  ({r['n']:,} parses)"
        )
    totals_r, failures_r, fp_r = real_run()
    good, n = sum(t[0] for t in totals_r.values()), sum(t[1] for t in totals_r.values())
    rate_r = real_throughput(args.seconds)
    print(f"real-format corpus: {len(REAL_CASES)} cases, field accuracy {100.0 * good / n:.2f}%, "
          f"false positives {fp_r}; throughput {rate_r:,.0f} msgs/s (one core, CPU time, best round)")
    print(
        f"reference pure-Python loop (200k adds): {ref:.1f} ms  (context for the rates above: it grows with a slower or busier machine)"
    )
    # the requirement is for typical messages: the whole corpus (already ~85% backblasts; a real AO channel
    # also carries much more chatter, joins and preblasts, which parse several times faster)
    rate = res["all"]["cpu_best"]
    ok = rate >= args.min_rate and bad == 0
    print("PASS" if ok else f"FAIL (need >= {args.min_rate:,.0f} msgs/s and no wrong fields)")
    summary = {kind: round(r["cpu_best"]) for kind, r in res.items()}
    print(json.dumps({"msgs_per_s": summary, "reference_loop_ms": round(ref, 1), "bad_cases": bad}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
