"""`paxminer listen`: post-to-beatdown latency and events per second sustained into the database.

Usage: python bench/bench_listen.py [--backend mariadb|sqlite|both] [--posts 200] [--rate 10] [--events 5000]
                                   [--events-rate 1000 | --flood]
The fake Slack (tests/fakeslack, Socket Mode on) and the listener run in this process, on loopback,
with the real slack-sdk Socket Mode client. Two phases:
  latency: backblasts posted at --rate per second (each a new beatdown); the time from the post
           (the fake's admin call) to its `beatdowns` row being visible to another connection,
           p50/p99/max; and the envelopes' ack times;
  throughput: --events changes made at --events-rate per second (--flood: as fast as the fake
           can; 65% chatter in a mined channel, 20% reactions, 10% edits, 5% backblasts); events
           applied per second from the first change to the last event applied, and the ack times.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from sqlalchemy import text  # noqa: E402

from miner.app import App  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.registry import add_region  # noqa: E402
from miner.listen.run import Listener  # noqa: E402
from miner.listers.channels import list_channels  # noqa: E402
from miner.listers.users import list_users  # noqa: E402
from tests.fakeslack.server import FakeSlack  # noqa: E402

MYSQL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")
TOKEN, APP_TOKEN = "xoxb-bench-listen", "xapp-1-A0PAXMINER-1-bench"
AOS = [f"C0AO{i:02d}" for i in range(8)]
GEN = "C0GEN"
PAX = [f"U{n:04d}" for n in range(1, 151)]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def backblast(ao: str, day: date, q: str, pax: list[str]) -> str:
    return (f"*Backblast! Bench*\nDATE: {day.isoformat()}\nAO: <#{ao}|ao>\nQ: <@{q}>\n"
            f"PAX: {' '.join(f'<@{p}>' for p in pax)}\nFNGs: None\nCOUNT: {len(pax) + 1}\nCOT: done")


def setup(backend: str, tmp: str):
    fs = FakeSlack()
    url = fs.start()
    hub = fs.socket_mode(APP_TOKEN)
    ws = fs.add_workspace(token=TOKEN, team="T0BENCH")
    ws.realtime = True
    for i, uid in enumerate(PAX):
        ws.add_user(uid, f"pax{i}", real_name=f"Real Name {i}", display_name=f"Nick{i}")
    for i, cid in enumerate(AOS):
        ws.add_channel(cid, f"ao-site-{i}")
    ws.add_channel(GEN, "general")
    settings = Settings(db_url=MYSQL if backend == "mariadb" else "", data_dir=tmp, slack_api_url=url,
                        control_schema=f"pmbench_{uuid.uuid4().hex[:8]}", app_token=APP_TOKEN)
    app = App(settings)
    schema = f"benchlive_{uuid.uuid4().hex[:8]}"
    add_region(app.db, "bench", schema, TOKEN)
    region = app.region("bench")
    list_channels(app, region)
    list_users(app, region)
    return fs, hub, ws, app, schema


def run(backend: str, posts: int, rate: float, events: int, events_rate: float | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        fs, hub, ws, app, schema = setup(backend, tmp)
        listener = Listener(app, APP_TOKEN)
        thread = threading.Thread(target=listener.run, daemon=True)
        thread.start()
        while hub.connected < 1:
            time.sleep(0.01)
        eng = app.db.engine(schema)
        try:
            # -- latency ---------------------------------------------------------------------------
            seen: dict[str, float] = {}
            posted: dict[str, float] = {}
            where: dict[str, str] = {}
            stop = threading.Event()

            def poll():
                while not stop.is_set():
                    with eng.connect() as conn:
                        now = time.monotonic()
                        for (ts,) in conn.execute(text("SELECT timestamp FROM beatdowns")):
                            seen.setdefault(ts, now)
                    time.sleep(0.005)

            poller = threading.Thread(target=poll, daemon=True)
            poller.start()
            first_day = date(2025, 1, 1)
            t0 = time.monotonic()
            for i in range(posts):
                q = PAX[i % len(PAX)]
                text_ = backblast(AOS[i % len(AOS)], first_day + timedelta(days=i), q, PAX[(i + 1) % 150:(i + 1) % 150 + 8])
                t = time.monotonic()
                ts = ws.post(AOS[i % len(AOS)], text=text_, user=q)
                posted[ts] = t
                where[ts] = AOS[i % len(AOS)]
                time.sleep(max(0.0, t0 + (i + 1) / rate - time.monotonic()))
            deadline = time.monotonic() + 60
            while len(set(posted) & set(seen)) < posts and time.monotonic() < deadline:
                time.sleep(0.01)
            stop.set()
            poller.join()
            lat = [seen[ts] - posted[ts] for ts in posted if ts in seen]
            acks = [hub.acks[e] - hub.sent_at[e] for e in list(hub.acks) if e in hub.sent_at]
            out = {"backend": backend, "posts": posts, "built": len(lat), "p50": pct(lat, 50), "p99": pct(lat, 99),
                   "max": max(lat), "ack_p99_latency_phase": pct(acks, 99)}

            # -- throughput ------------------------------------------------------------------------
            applied0 = listener.counts["applied"] + listener.counts["skipped"]
            acked0 = set(hub.acks)
            dropped0 = hub.counts["dropped"]
            targets = list(posted)
            start = time.monotonic()
            seq0 = hub._seq
            for i in range(events):
                if events_rate:
                    time.sleep(max(0.0, start + i / events_rate - time.monotonic()))
                k = i % 20
                if k < 13:
                    ws.post(GEN, text=f"chatter {i} about the weekend", user=PAX[i % 150])
                elif k < 17:
                    ts = targets[i % len(targets)]
                    ws.react(where[ts], ts, f"r{i % 7}", [PAX[(i * 7) % 150]])
                elif k < 19:
                    ts = targets[i % len(targets)]
                    ws.edit(where[ts], ts, text=ws.message(where[ts], ts)["text"] + " ")
                else:
                    day = first_day + timedelta(days=posts + i)
                    ws.post(AOS[i % len(AOS)], text=backblast(AOS[i % len(AOS)], day, PAX[i % 150], PAX[:5]), user=PAX[i % 150])
            n = hub._seq - seq0  # events the changes caused (a reaction already there causes none)
            pushed = time.monotonic()
            deadline = time.monotonic() + 300
            while listener.counts["applied"] + listener.counts["skipped"] - applied0 < n and time.monotonic() < deadline:
                time.sleep(0.005)
            done = time.monotonic()
            acks = [hub.acks[e] - hub.sent_at[e] for e in list(hub.acks) if e not in acked0 and e in hub.sent_at]
            out.update(events=n, applied=listener.counts["applied"] + listener.counts["skipped"] - applied0,
                       seconds=done - start, push_seconds=pushed - start, events_per_s=n / (done - start),
                       ack_p50=pct(acks, 50), ack_p99=pct(acks, 99), ack_max=max(acks), dropped=hub.counts["dropped"] - dropped0)
        finally:
            listener.stop()
            thread.join(60)
            fs.stop()
            for s in (schema, app.db.control_schema):
                try:
                    app.db.drop_schema(s)
                except Exception:  # noqa: BLE001 - best effort
                    pass
            app.db.dispose()
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["mariadb", "sqlite", "both"], default="both", help="database(s) to bench")
    ap.add_argument("--posts", type=int, default=200, help="backblasts posted in the latency phase")
    ap.add_argument("--rate", type=float, default=10.0, help="backblasts per second in the latency phase")
    ap.add_argument("--events", type=int, default=5000, help="changes made in the throughput phase")
    ap.add_argument("--events-rate", type=float, default=1000.0, help="changes per second in the throughput phase")
    ap.add_argument("--flood", action="store_true", help="throughput phase: changes as fast as the fake can make them")
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    for backend in (["mariadb", "sqlite"] if args.backend == "both" else [args.backend]):
        r = run(backend, args.posts, args.rate, args.events, None if args.flood else args.events_rate)
        print(f"{backend}: post -> beatdown p50 {r['p50'] * 1000:.0f} ms, p99 {r['p99'] * 1000:.0f} ms, "
              f"max {r['max'] * 1000:.0f} ms ({r['built']}/{r['posts']} built at {args.rate}/s); "
              f"acks p99 {r['ack_p99_latency_phase'] * 1000:.1f} ms")
        print(f"{backend}: {r['events']} events in {r['seconds']:.2f} s = {r['events_per_s']:.0f} events/s sustained "
              f"(pushed in {r['push_seconds']:.2f} s; {r['applied']} applied); acks p50 {r['ack_p50'] * 1000:.1f} ms, "
              f"p99 {r['ack_p99'] * 1000:.1f} ms, max {r['ack_max'] * 1000:.0f} ms; dropped {r['dropped']}")


if __name__ == "__main__":
    main()
