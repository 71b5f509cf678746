"""Bench: `paxminer import` of a multi-year Slack export of a large region (100,000+ messages).

    .venv/bin/python bench/bench_import.py [--weeks 156] [--users 400] [--aos 16] [--chatter 600]
                                           [--backend sqlite|mariadb|both] [--mysql URL]

Generates a region (3 years, 400 PAX, 16 AOs, heavy chatter, threads), writes it as a standard
Slack export zip, then times `import_export` into a fresh region on SQLite and on MariaDB: the load
into the raw archive (messages/s), the backblast parse, and the total. Then a second import of the
same zip (nothing new: idempotent). Target: well under a minute for 100,000+ messages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from miner.app import App  # noqa: E402
from miner.archive.export import import_export  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.registry import add_region  # noqa: E402
from tests.fakeslack import generate_region, write_export  # noqa: E402
from tests.fakeslack.state import Workspace  # noqa: E402

MYSQL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")


def bench(backend: str, db_url: str, export: Path, truth: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Settings(db_url=db_url, data_dir=tmp, control_schema=f"pmbi_{uuid.uuid4().hex[:8]}"))
        schema = f"bimp_{uuid.uuid4().hex[:8]}"
        try:
            add_region(app.db, "big", schema, "xoxb-bench-import")
            t0 = time.perf_counter()
            s = import_export(app, app.region("big"), export, progress=None)
            total = time.perf_counter() - t0
            load, n = s["load_seconds"], s["messages"]
            print(f"{backend:8} import: {n:,} messages ({s['replies']:,} thread replies, {s['files']:,} day files, "
                  f"{s['channels']} channels) loaded in {load:.1f}s = {n / load:,.0f} messages/s; "
                  f"parsed {s['backblasts']:,} backblasts ({s['problems']} problems) in {total - load:.1f}s; "
                  f"total {total:.1f}s = {n / total:,.0f} messages/s", flush=True)
            t1 = time.perf_counter()
            again = import_export(app, app.region("big"), export, progress=False)
            print(f"{backend:8} second import of the same export: {again['new']} new, {again['changed']} changed, "
                  f"{again['backblasts']} reparsed in {time.perf_counter() - t1:.1f}s")
            ok = s["backblasts"] >= truth * 0.99 and again["new"] == 0 and again["changed"] == 0 and not s["errors"]
            if s["backblasts"] < truth * 0.99:
                print(f"  only {s['backblasts']} of {truth} generated backblasts were parsed")
            return ok and n >= 100_000 and total < 60
        finally:
            app.db.drop_schema(schema)
            app.db.drop_schema(app.db.control_schema)
            app.db.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weeks", type=int, default=156)
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--aos", type=int, default=16)
    ap.add_argument("--chatter", type=int, default=600, help="chatter messages per week")
    ap.add_argument("--backend", default="both", choices=["sqlite", "mariadb", "both"])
    ap.add_argument("--mysql", default=MYSQL)
    a = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    t = time.perf_counter()
    ws = Workspace("xoxb-bench-import")
    g = generate_region(ws, seed=3, users=a.users, aos=a.aos, weeks=a.weeks, chatter_per_week=a.chatter,
                        start=date(2021, 1, 4))
    with tempfile.TemporaryDirectory() as d:
        export = write_export(ws, Path(d) / "export.zip")
        print(f"export: {g['messages']:,} messages in {g['channels']} channels ({g['backblasts']:,} backblasts), "
              f"{export.stat().st_size / 1e6:.0f} MB zip, generated in {time.perf_counter() - t:.0f}s")
        # the backblasts the import can see: public channels (a standard export has no private ones)
        private = {c.info["id"] for c in ws.channels.values() if c.info["is_private"]}
        truth = sum(1 for t_ in ws.truth if t_["channel"] not in private)
        ok = True
        for b in (["sqlite", "mariadb"] if a.backend == "both" else [a.backend]):
            ok = bench(b, a.mysql if b == "mariadb" else "", export, truth) and ok
    sys.exit(0 if ok else 1)
