"""Mining throughput and nightly API calls: fake Slack (zero latency) -> real slack-sdk -> DB.

Usage: python bench/bench_mine.py [--messages 50000] [--channels 10] [--backend mariadb|sqlite|both]
Prints messages/s for a first full mine (parsed and stored), and the API calls of a nightly
rerun with no new messages (the floor: one history call per mined channel + the listers' pages).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from miner.app import App  # noqa: E402
from miner.channels import list_channels  # noqa: E402
from miner.config import Settings  # noqa: E402
from miner.mine import mine_region  # noqa: E402
from miner.registry import add_region  # noqa: E402
from miner.users import list_users  # noqa: E402
from tests.fakeslack.server import FakeSlack  # noqa: E402

MYSQL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")
TOKEN = "xoxb-bench-token"


def build(fs: FakeSlack, n_messages: int, n_channels: int):
    ws = fs.add_workspace(token=TOKEN)
    users = [f"U{i:05d}" for i in range(300)]
    for i, u in enumerate(users):
        ws.add_user(u, f"pax{i}", real_name=f"Pax Person {i}", display_name=f"Nick{i}")
    chans = [f"C{i:05d}" for i in range(n_channels)]
    for i, c in enumerate(chans):
        ws.add_channel(c, f"ao-site-{i}")
    base = 1600000000
    per = n_messages // n_channels
    for ci, c in enumerate(chans):
        for k in range(per):
            ts = f"{base + k * 3600 + ci}.000100"
            if k % 2 == 0:
                q = users[(k + ci) % 300]
                pax = " ".join(f"<@{users[(k * 7 + j) % 300]}>" for j in range(8))
                day = time.strftime("%Y-%m-%d", time.gmtime(base + k * 3600))
                text = (f"*Backblast! Bench {k}*\nDATE: {day}\nAO: <#{c}|ao-site-{ci}>\nQ: <@{q}>\nPAX: {pax}\n"
                        f"FNGs: None\nCOUNT: 9\nWARMUP: SSH, IW, merkins\nTHE THANG: 5 rounds of burpees &amp; lunges")
                ws.post(c, text=text, user=q, ts=ts)
            else:
                ws.post(c, text=f"Nice work men {k}", user=users[k % 300], ts=ts)
    return n_channels * per


def bench(backend: str, n: int, channels: int) -> None:
    with FakeSlack() as fs, tempfile.TemporaryDirectory() as tmp:
        total = build(fs, n, channels)
        settings = Settings(db_url=MYSQL if backend == "mariadb" else "", data_dir=tmp,
                            control_schema=f"pmbench_{uuid.uuid4().hex[:8]}", slack_api_url=fs.base_url)
        app = App(settings)
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        try:
            add_region(app.db, "bench", schema, TOKEN)
            list_channels(app, "bench")
            list_users(app, "bench")
            t0 = time.perf_counter()
            s = mine_region(app, "bench", lookback_days=7)
            dt = time.perf_counter() - t0
            print(f"{backend:8} first mine: {total} messages, {s['backblasts']} backblasts in {dt:.2f}s = {total / dt:,.0f} messages/s ({s['api_calls']} API calls)")
            fs.calls.clear()
            list_channels(app, "bench")
            list_users(app, "bench")
            s = mine_region(app, "bench")
            print(f"{backend:8} nightly rerun, nothing new: {sum(fs.calls.values())} API calls "
                  f"({fs.calls['conversations.history']} history for {channels} channels, "
                  f"{fs.calls['conversations.list']} conversations.list, {fs.calls['users.list']} users.list, "
                  f"{fs.calls['conversations.replies']} replies); {s['new']} new, {s['changed']} changed")
        finally:
            from miner.registry import remove_region
            remove_region(app.db, "bench", drop_schema=True)
            app.db.drop_schema(settings.control_schema)
            app.db.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=50000)
    ap.add_argument("--channels", type=int, default=10)
    ap.add_argument("--backend", default="both", choices=["mariadb", "sqlite", "both"])
    a = ap.parse_args()
    for b in (["mariadb", "sqlite"] if a.backend == "both" else [a.backend]):
        bench(b, a.messages, a.channels)
