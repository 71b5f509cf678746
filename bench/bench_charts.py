"""Bench: every chart kind for a region of 1,000 PAX, written to an outbox, timed.

    .venv/bin/python bench/bench_charts.py [--pax 1000] [--aos 30] [--workers N] [--mysql URL] [--keep DIR]

Fills a fresh region schema (SQLite in a temp dir, or a MariaDB schema with --mysql) with a year
of beatdowns, attendance and Slack messages, then times `chart_region(all kinds, outbox)`: one
query per source, not per PAX; PaxCanvas reuses one figure per worker; one worker per core.
Target: under 60 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from charters.data import CHART_KINDS, Period  # noqa: E402
from charters.routing import chart_region  # noqa: E402
from miner.app import App  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.db import upsert, utcnow  # noqa: E402
from miner.core.registry import add_region  # noqa: E402

WORDS = ("great work out there men merkins burpees coffeeteria hills rain shine ruck sandbag coupon "
         "gloom q sheet saturday convergence fng welcome prayers 2nd f breakfast mumblechatter").split()


def generate(engine, pax: int = 1000, aos: int = 30, year: int = 2024, seed: int = 7) -> dict:
    """A year (plus last December) of a region with `pax` PAX at `aos` AOs, inserted in bulk."""
    rnd = random.Random(seed)
    channels = [{"channel_id": f"CAO{i:04d}", "ao": f"ao-{i:02d}-{rnd.choice(WORDS)}", "backblast": 1, "archived": 0,
                 "is_private": 0, "kind": "ao", "channel_created": 1500000000 + i} for i in range(aos)]
    channels += [
        {"channel_id": "CREGION", "ao": "1st-f", "backblast": 0, "archived": 0, "is_private": 0, "kind": "region", "channel_created": 1},
        {"channel_id": "CHELP", "ao": "help", "backblast": 0, "archived": 0, "is_private": 0, "kind": "help", "channel_created": 2},
        {"channel_id": "COTHER", "ao": "random", "backblast": 0, "archived": 0, "is_private": 0, "kind": "other", "channel_created": 3},
        {"channel_id": "CPRIV", "ao": "leadership", "backblast": 0, "archived": 0, "is_private": 1, "kind": "other", "channel_created": 4},
    ]
    users = [{"user_id": f"U{i:05d}", "user_name": f"Pax {i:04d}", "real_name": f"Real {i}", "app": 0,
              "deleted": int(i % 97 == 0)} for i in range(pax)]
    users += [{"user_id": f"UBOT{i}", "user_name": f"bot-{i}", "real_name": "Bot", "app": 1, "deleted": 0} for i in range(3)]
    home = {u["user_id"]: rnd.randrange(aos) for u in users[:pax]}
    by_ao: dict[int, list[str]] = {}
    for uid, a in home.items():
        by_ao.setdefault(a, []).append(uid)
    pax_ids = list(home)
    beatdowns, attendance = [], []
    day = date(year - 1, 12, 1)
    while day <= date(year, 12, 31):
        for a in range(aos):
            if (day.weekday() + a) % 7 not in (0, 2, 4, 5):
                continue
            regulars = by_ao.get(a, [])
            crowd = set(rnd.sample(regulars, min(len(regulars), rnd.randint(4, 14))))
            crowd |= set(rnd.sample(pax_ids, rnd.randint(0, 4)))
            if not crowd:
                continue
            crowd_l = sorted(crowd)
            q = rnd.choice(crowd_l)
            coqs = [u for u in rnd.sample(crowd_l, min(2, len(crowd_l))) if u != q][: rnd.choice((0, 0, 0, 1, 2))]
            fngs = rnd.choice((0,) * 12 + (1, 1, 2))
            bd = {"ao_id": f"CAO{a:04d}", "bd_date": day.isoformat(), "q_user_id": q,
                  "coq_user_id": coqs[0] if coqs else None, "pax_count": len(crowd) + fngs, "fng_count": fngs,
                  "fngs": "None" if not fngs else "FNG", "json": json.dumps({"coq_user_ids": coqs})}
            beatdowns.append(bd)
            attendance += [{"user_id": u, "ao_id": bd["ao_id"], "date": bd["bd_date"], "q_user_id": q} for u in crowd_l]
        day += timedelta(days=1)
    messages = []
    start = datetime(year, 9, 1, tzinfo=timezone.utc).timestamp()
    end = datetime(year + 1, 1, 1, tzinfo=timezone.utc).timestamp()
    chan_ids = [c["channel_id"] for c in channels]
    now = utcnow()
    for i in range(40000):
        ts = f"{rnd.uniform(start, end):.6f}"
        n_react = rnd.choice((0,) * 6 + (1, 2, 3, 5, 8, 13))
        uid = rnd.choice(pax_ids) if i % 50 else "UBOT1"
        messages.append({
            "channel_id": rnd.choice(chan_ids), "ts": ts, "user_id": uid, "bot_id": "B1" if uid == "UBOT1" else None,
            "text": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 40))),
            "reactions": json.dumps([{"name": "fire", "count": n_react, "users": rnd.sample(pax_ids, n_react)}]) if n_react else None,
            "reaction_count": n_react, "file_count": int(rnd.random() < 0.05), "deleted": int(rnd.random() < 0.01),
            "content_hash": uuid.uuid4().hex, "first_seen": now, "updated_at": now,
        })
    with engine.begin() as conn:
        upsert(conn, "aos", channels, ["channel_id"])
        upsert(conn, "users", users, ["user_id"])
        for i in range(0, len(beatdowns), 5000):
            upsert(conn, "beatdowns", beatdowns[i:i + 5000], ["ao_id", "bd_date", "q_user_id"])
        for i in range(0, len(attendance), 5000):
            upsert(conn, "bd_attendance", attendance[i:i + 5000], ["q_user_id", "user_id", "ao_id", "date"])
        for i in range(0, len(messages), 5000):
            upsert(conn, "messages", messages[i:i + 5000], ["channel_id", "ts"])
    return {"pax": pax, "aos": aos, "beatdowns": len(beatdowns), "attendance": len(attendance), "messages": len(messages)}


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (the drawing workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pax", type=int, default=1000)
    ap.add_argument("--aos", type=int, default=30)
    ap.add_argument("--workers", type=int, default=None, help="drawing processes (default: one per core)")
    ap.add_argument("--mysql", default="", help="run on this MySQL/MariaDB URL instead of SQLite")
    ap.add_argument("--keep", default="", help="write the PNGs here (default: a temp dir, removed)")
    ap.add_argument("--limit", type=float, default=60.0, help="fail above this many seconds")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=args.mysql, data_dir=str(Path(tmp) / "data"), control_schema=f"bench_ctl_{uuid.uuid4().hex[:6]}")
        app = App(settings)
        schema = f"bench_charts_{uuid.uuid4().hex[:6]}"
        region = add_region(app.db, "Bench Region", schema, "xoxb-bench", firstf_channel="CREGION")
        try:
            t0 = time.perf_counter()
            made = generate(app.db.engine(schema), args.pax, args.aos)
            t1 = time.perf_counter()
            print(f"generated {made} in {t1 - t0:.1f}s on {app.db.describe()}")
            period = Period.of(date(2024, 12, 1), date(2025, 1, 5))
            out = args.keep or str(Path(tmp) / "out")
            load = os.getloadavg()[0]
            cpu0 = cpu_seconds()
            t2 = time.perf_counter()
            s = chart_region(app, region, list(CHART_KINDS), period, outbox=out, workers=args.workers)
            t3 = time.perf_counter()
            secs, cpu = t3 - t2, cpu_seconds() - cpu0
            kinds: dict = {}
            for c in json.loads((Path(s["outbox"]) / f"{period.key}-index.json").read_text()):
                kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
            print(f"charted {s['charted']} charts ({s['failed']} failed; {kinds}) for {args.pax} PAX, {args.aos} AOs "
                  f"with {s['queries']} queries, workers={args.workers or os.cpu_count()} on {os.cpu_count()} cores")
            print(f"wall {secs:.1f}s ({secs / max(s['charted'], 1) * 1000:.0f} ms/chart), CPU {cpu:.1f}s in all processes "
                  f"({cpu / max(s['charted'], 1) * 1000:.0f} ms/chart); load average {load:.1f} when it started")
            ok = secs < args.limit and not s["failed"]
            print(f"{'PASS' if ok else 'FAIL'}: all charts in {secs:.1f}s (limit {args.limit:.0f}s)")
            return 0 if ok else 1
        finally:
            app.db.drop_schema(schema)
            app.db.drop_schema(settings.control_schema)
            app.db.dispose()


if __name__ == "__main__":
    sys.exit(main())
