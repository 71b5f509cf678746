"""Bench: scoring a region of 2,000 PAX with 5 years of beatdowns (target: under 5 s).

    .venv/bin/python bench/bench_score.py [--pax 2000] [--years 5] [--aos 20] [--backend sqlite|mariadb|both]
                                          [--mysql URL] [--limit 5]

Fills a fresh region schema with 5 years of beatdowns (Qs, Co-Qs, EH'd FNGs), attendance and a raw
archive of Slack messages, then times `score_region` end to end: read everything, score month, ytd
and 90d, store every row, award achievements. Then a rerun (same day: rows replaced, no new
awards) and an outreach dry run (every kind on) over the same region.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from miner.app import App  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.db import upsert, utcnow  # noqa: E402
from miner.core.registry import add_region  # noqa: E402
from miner.outreach.workflows import run_outreach  # noqa: E402
from miner.scores.run import score_region  # noqa: E402

AS_OF = date(2024, 12, 30)


def generate(engine, pax: int, years: int, aos: int, seed: int = 11) -> dict:
    rnd = random.Random(seed)
    channels = [{"channel_id": f"CAO{i:03d}", "ao": f"ao-{i:03d}", "backblast": 1, "kind": "ao"} for i in range(aos)]
    channels += [{"channel_id": c, "ao": n, "backblast": 0, "kind": k}
                 for c, n, k in (("CREG", "1st-f", "region"), ("CHELP", "q-source", "help"), ("CRAND", "random", "other"))]
    users = [{"user_id": f"U{i:05d}", "user_name": f"Pax {i:04d}", "app": 0, "deleted": int(i % 101 == 0)} for i in range(pax)]
    users.append({"user_id": "UBOT", "user_name": "slackblast", "app": 1, "deleted": 0})
    ids = [u["user_id"] for u in users[:pax]]
    # PAX join over the years; each has a home AO and a habit (posts per week)
    joined = {u: AS_OF - timedelta(days=rnd.randint(0, 365 * years)) for u in ids}
    home = {u: rnd.randrange(aos) for u in ids}
    by_ao: dict[int, list[str]] = {}
    for u in ids:
        by_ao.setdefault(home[u], []).append(u)
    beatdowns, attendance = [], []
    day = AS_OF - timedelta(days=365 * years)
    while day <= AS_OF:
        for a in range(aos):
            if (day.weekday() + a) % 7 not in (0, 2, 5):
                continue
            regulars = [u for u in by_ao.get(a, []) if joined[u] <= day]
            crowd = set(rnd.sample(regulars, min(len(regulars), rnd.randint(6, 16))))
            crowd |= {u for u in rnd.sample(ids, 3) if joined[u] <= day}
            if not crowd:
                continue
            crowd_l = sorted(crowd)
            q = rnd.choice(crowd_l)
            coqs = [u for u in rnd.sample(crowd_l, min(2, len(crowd_l))) if u != q][: rnd.choice((0, 0, 0, 1, 2))]
            text = f"Q: <@{q}>\nPAX: " + " ".join(f"<@{u}>" for u in crowd_l)
            fresh = [u for u in crowd_l if joined[u] == day]
            if fresh:
                text += "\nFNGs: " + ", ".join(f"<@{u}> (EH: <@{rnd.choice(crowd_l)}>)" for u in fresh)
            bd = {"ao_id": f"CAO{a:03d}", "bd_date": day.isoformat(), "q_user_id": q, "timestamp": f"{day:%s}",
                  "coq_user_id": coqs[0] if coqs else None, "pax_count": len(crowd), "fng_count": len(fresh),
                  "backblast": text, "json": json.dumps({"coq_user_ids": coqs, "pax_user_ids": crowd_l, "fngs": fresh})}
            beatdowns.append(bd)
            role = {q: "q", **{c: "coq" for c in coqs}}
            attendance += [{"user_id": u, "ao_id": bd["ao_id"], "date": bd["bd_date"], "q_user_id": q,
                            "json": json.dumps({"role": role.get(u, "pax")})} for u in crowd_l]
        day += timedelta(days=1)
    messages = []
    start = datetime.combine(AS_OF - timedelta(days=365 * years), datetime.min.time(), timezone.utc).timestamp()
    end = datetime.combine(AS_OF, datetime.min.time(), timezone.utc).timestamp()
    chans = [c["channel_id"] for c in channels]
    now = utcnow()
    for _ in range(150 * 365 * years):  # 150 messages a day
        messages.append({
            "channel_id": rnd.choice(chans), "ts": f"{rnd.uniform(start, end):.6f}", "user_id": rnd.choice(ids),
            "text": "mumblechatter", "reaction_count": rnd.choice((0, 0, 0, 1, 2, 5)), "file_count": int(rnd.random() < .05),
            "deleted": 0, "content_hash": uuid.uuid4().hex[:12], "first_seen": now, "updated_at": now,
        })
    with engine.begin() as conn:
        upsert(conn, "aos", channels, ["channel_id"])
        upsert(conn, "users", users, ["user_id"])
        for table, rows, keys in (("beatdowns", beatdowns, ["ao_id", "bd_date", "q_user_id"]),
                                  ("bd_attendance", attendance, ["q_user_id", "user_id", "ao_id", "date"]),
                                  ("messages", messages, ["channel_id", "ts"])):
            for i in range(0, len(rows), 5000):
                upsert(conn, table, rows[i:i + 5000], keys)
    return {"pax": pax, "beatdowns": len(beatdowns), "attendance": len(attendance), "messages": len(messages)}


def bench(db_url: str, args) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=db_url, data_dir=str(Path(tmp) / "data"), control_schema=f"bench_ctl_{uuid.uuid4().hex[:6]}")
        app = App(settings)
        schema = f"bench_score_{uuid.uuid4().hex[:6]}"
        opts = {"outreach": {"slipping": True, "mentor": True, "lead": True, "achievements": True}}
        add_region(app.db, "bench", schema, "xoxb-bench", firstf_channel="CREG", admin_channel="CREG",
                   settings=json.dumps(opts))
        try:
            t0 = time.perf_counter()
            made = generate(app.db.engine(schema), args.pax, args.years, args.aos)
            print(f"generated {made} in {time.perf_counter() - t0:.1f}s on {app.db.describe()}")
            t1, c1 = time.perf_counter(), time.process_time()
            s = score_region(app, app.region("bench"), as_of=AS_OF)
            secs, cpu = time.perf_counter() - t1, time.process_time() - c1
            t2 = time.perf_counter()
            again = score_region(app, app.region("bench"), as_of=AS_OF)
            rerun = time.perf_counter() - t2
            t3 = time.perf_counter()
            o = run_outreach(app, app.region("bench"), today=AS_OF, dry_run=True)
            outreach = time.perf_counter() - t3
            print(f"score_region: {secs:.2f}s wall, {cpu:.2f}s CPU in this process (PAX scored {s['pax']}, {s['new_achievements']} achievements awarded); "
                  f"rerun {rerun:.2f}s ({again['new_achievements']} new); outreach dry run {outreach:.2f}s "
                  f"({o['planned']} messages planned)")
            ok = secs < args.limit
            print(f"{'PASS' if ok else 'FAIL'}: scored {args.pax} PAX x {args.years} years in {secs:.2f}s (limit {args.limit:.0f}s)")
            return ok
        finally:
            app.db.drop_schema(schema)
            app.db.drop_schema(settings.control_schema)
            app.db.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pax", type=int, default=2000)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--aos", type=int, default=20)
    ap.add_argument("--backend", choices=["sqlite", "mariadb", "both"], default="sqlite")
    ap.add_argument("--mysql", default=os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/"))
    ap.add_argument("--limit", type=float, default=5.0, help="fail above this many seconds")
    args = ap.parse_args()
    urls = {"sqlite": [""], "mariadb": [args.mysql], "both": ["", args.mysql]}[args.backend]
    return 0 if all([bench(url, args) for url in urls]) else 1


if __name__ == "__main__":
    sys.exit(main())
