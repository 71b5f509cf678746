"""Mining throughput and nightly API calls: fake Slack (zero latency) -> real slack-sdk -> DB.

Usage: python bench/bench_mine.py [--weeks 52] [--aos 12] [--users 300] [--backend mariadb|sqlite|both] [--repeat N]
The fake Slack server runs in its own process (as Slack would be remote) serving a generated
region (realistic mix of hand-typed and slackblast backblasts, chatter, threads, reactions).
Prints messages/s for a first full mine (parsed and stored), and the API calls of a nightly
rerun with no new messages (the floor: one history call per mined channel + the listers' pages).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from procstat import Steal, children_cpu, cpu_seconds, mariadb_pid  # noqa: E402 (bench/ is on sys.path)

from miner.app import App  # noqa: E402
from miner.archive.mine import mine_region  # noqa: E402
from miner.core import constants  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.registry import add_region, remove_region  # noqa: E402
from miner.listers.channels import list_channels  # noqa: E402
from miner.listers.users import list_users  # noqa: E402

MYSQL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")
TOKEN = "xoxb-bench-token"
PROCESSES = 2


def serve(weeks: int, aos: int, users: int):
    """Start the fake Slack server in a child process; returns (process, base_url, summary line)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fakeslack", "--port", "0", "--token", TOKEN, "--weeks", str(weeks),
         "--aos", str(aos), "--users", str(users)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    info = proc.stderr.readline().strip()
    url = proc.stdout.readline().strip()
    return proc, url, info


def bench(backend: str, url: str, server_pid: int, nightly: bool = True) -> float:
    """One first mine (and, with `nightly`, a rerun with nothing new); returns messages/s."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=MYSQL if backend == "mariadb" else "", data_dir=tmp,
                            control_schema=f"pmbench_{uuid.uuid4().hex[:8]}", slack_api_url=url,
                            rate_window_s=1e-4)  # a cost figure: Slack's pace scaled to nothing
        app = App(settings)
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        try:
            add_region(app.db, "bench", schema, TOKEN)
            list_channels(app, app.region("bench"))
            list_users(app, app.region("bench"))
            db_pid = mariadb_pid() if backend == "mariadb" else None
            others0 = (cpu_seconds(server_pid), cpu_seconds(db_pid))
            t0, c0, k0, steal = time.perf_counter(), time.process_time(), children_cpu(), Steal()
            s = mine_region(app, app.region("bench"), lookback_days=7, processes=PROCESSES)
            dt = time.perf_counter() - t0
            stolen = steal.percent()
            cpu = time.process_time() - c0 + children_cpu() - k0  # the miner and its forked miners
            fake_cpu, db_cpu = (cpu_seconds(p) - c for p, c in zip((server_pid, db_pid), others0, strict=True))
            total = s["messages"] + s["replies"]
            print(f"{backend:8} first mine: {total} messages ({s['replies']} thread replies), {s['backblasts']} backblasts, "
                  f"{s['problems']} problems in {dt:.2f}s = {total / dt:,.0f} messages/s ({s['api_calls']} API calls; "
                  f"miner CPU {cpu:.2f}s = {total / cpu:,.0f} messages per CPU-second)")
            print(f"{backend:8} CPU during the mine: miner {cpu:.2f}s ({s['processes']} process(es)), fake Slack server {fake_cpu:.2f}s"
                  + (f", MariaDB server {db_cpu:.2f}s" if db_pid else "")
                  + f"; wall {dt:.2f}s on {os.cpu_count()} cores, {stolen:.0f}% of their time stolen by the hypervisor")
            rate = total / dt
            if nightly:
                c = list_channels(app, app.region("bench"))
                u = list_users(app, app.region("bench"))
                s = mine_region(app, app.region("bench"))
                print(f"{backend:8} nightly rerun, nothing new: {c['api_calls'] + u['api_calls'] + s['api_calls']} API calls "
                      f"({s['api_calls']} for mining {s['channels']} channels, {c['api_calls']} channel-lister, "
                      f"{u['api_calls']} user-lister); {s['new']} new, {s['changed']} changed")
            return rate
        finally:
            remove_region(app.db, "bench", drop_schema=True)
            app.db.drop_schema(settings.control_schema)
            app.db.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--aos", type=int, default=12)
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--backend", default="both", choices=["mariadb", "sqlite", "both"])
    ap.add_argument("--processes", type=int, default=2, help="miner processes (as `paxminer mine --processes`)")
    ap.add_argument("--repeat", type=int, default=1, help="first mines per backend, each against a fresh fake Slack; "
                                                           "prints the median (the host's load varies from run to run)")
    a = ap.parse_args()
    PROCESSES = a.processes
    constants.HISTORY_PAGE_SIZE = 200
    for b in (["mariadb", "sqlite"] if a.backend == "both" else [a.backend]):
        rates = []
        for i in range(a.repeat):
            proc, url, info = serve(a.weeks, a.aos, a.users)
            if i == 0:
                print(info)
            try:
                rates.append(bench(b, url, proc.pid, nightly=i == a.repeat - 1))
            finally:
                proc.terminate()
                proc.wait()
        if a.repeat > 1:
            rates.sort()
            print(f"{b:8} first mine over {a.repeat} runs: median {statistics.median(rates):,.0f} messages/s "
                  f"(min {rates[0]:,.0f}, max {rates[-1]:,.0f}); {sum(r >= 5000 for r in rates)} of {a.repeat} at 5,000 or more")
