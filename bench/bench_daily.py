"""Bench: `paxminer daily` over 100 regions against a fake Slack with 50 ms of latency per call.

    .venv/bin/python bench/bench_daily.py [--regions 100] [--latency 0.05] [--workers 1,8]
                                          [--backend sqlite|mariadb] [--weeks 3] [--faults]

The fake Slack server runs in its own process (as Slack is remote) serving one generated workspace
per region; a fresh server and a fresh database for every run, so each run does the same work.
Prints the wall time per worker count, the speedup, and checks that every run left the same
database contents (every region's archive, beatdowns, attendance, users, channels and scores,
timestamps of the run itself aside). Target: --workers 8 at least 6x faster than --workers 1.

--faults: a fault run instead (MariaDB needed for the restart part): one region with a revoked
token, one whose Slack answers 500 beyond the retry budget, and the database restarted in the
middle of the run (a private MariaDB server started by this bench, never the shared one); then a
rerun with Slack healthy. Checks the others finished, the rerun completes, and the final contents
equal a clean run's: nothing lost, nothing doubled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from procstat import children_cpu, cpu_seconds, mariadb_pid  # noqa: E402 (bench/ is on sys.path)
from sqlalchemy import text  # noqa: E402

from miner.app import App  # noqa: E402
from miner.core import constants  # noqa: E402
from miner.core.config import Settings  # noqa: E402
from miner.core.registry import add_region, list_regions  # noqa: E402

MYSQL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")
TODAY = date(2023, 1, 25)  # scores as of a day inside the generated data: every run the same
START = date(2023, 1, 2)
PAGE_CAP = 15  # messages per history page: what Slack gives apps outside the Marketplace


def token(i: int) -> str:
    return f"xoxb-bench-{i:03d}"


# -- the fake Slack, in a child process ----------------------------------------------------------
def serve(n: int, latency: float, weeks: int, revoked: int | None = None, failing: int | None = None,
          page_cap: int | None = PAGE_CAP) -> None:
    """Child process: generate `n` workspaces, serve them, print the URL, run until stdin closes."""
    from tests.fakeslack import FakeSlack, generate_region

    fs = FakeSlack(latency=latency)
    for i in range(n):
        ws = fs.add_workspace(token(i), team=f"T{i:03d}", name=f"region{i:03d}", page_cap=page_cap)
        generate_region(ws, seed=i + 1, users=12, aos=3, weeks=weeks, start=START)
        if i == revoked:
            ws.revoke()
        if i == failing:
            fs.fail("conversations.history", status=500, times=10**6, token=token(i))
    print(fs.start(), flush=True)
    sys.stdin.read()
    fs.stop()


def start_server(n: int, latency: float, weeks: int, **faults) -> tuple[subprocess.Popen, str]:
    args = [sys.executable, __file__, "--serve", str(n), "--latency", str(latency), "--weeks", str(weeks)]
    for k, v in faults.items():
        if v is not None:
            args += [f"--{k}", str(v)]
    proc = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    return proc, proc.stdout.readline().strip()


def stop_server(proc: subprocess.Popen) -> None:
    try:
        proc.stdin.close()
        proc.wait(timeout=10)
    except Exception:  # noqa: BLE001
        proc.kill()


# -- one run -------------------------------------------------------------------------------------
CONTENT = {
    "aos": "SELECT channel_id, ao, archived, backblast, is_member, kind FROM aos",
    "users": "SELECT user_id, user_name, real_name, app, deleted FROM users",
    "messages": "SELECT channel_id, ts, thread_ts, user_id, content_hash, deleted, reply_count FROM messages",
    "beatdowns": "SELECT timestamp, ao_id, bd_date, q_user_id, coq_user_id, pax_count, fngs, fng_count FROM beatdowns",
    "bd_attendance": "SELECT timestamp, user_id, ao_id, date, q_user_id FROM bd_attendance",
    "parse_results": "SELECT channel_id, ts, status, ao_id, bd_date, q_user_id FROM parse_results",
    "scores": "SELECT as_of, period, scope, user_id, posts, qs, score, place FROM scores",
}


def contents(app: App) -> dict[str, str]:
    """A digest of every region's tables (timestamps of the run aside)."""
    out = {}
    for r in list_regions(app.db):
        h = hashlib.sha1()
        with app.db.engine(r.schema_name).connect() as conn:
            for name, sql in CONTENT.items():
                rows = sorted(tuple("" if v is None else str(v) for v in row) for row in conn.execute(text(sql)))
                h.update(f"{name}:{len(rows)}:{json.dumps(rows)}".encode())
        app.db.release(r.schema_name)
        out[r.region] = h.hexdigest()
    return out


def make_app(db_url: str, tmp: str) -> App:
    return App(Settings(db_url=db_url, data_dir=tmp, control_schema=f"pmbd_{uuid.uuid4().hex[:8]}",
                        rate_window_s=1e-4))  # a cost figure: Slack's pace scaled to nothing (bench_night: the pace)


def register(app: App, n: int, url: str) -> None:
    app.settings.slack_api_url = url
    for i in range(n):
        r = add_region(app.db, f"region{i:03d}", f"{app.db.control_schema}_r{i:03d}", token(i))
        app.db.release(r.schema_name)  # no idle connection per region


def cleanup(app: App) -> None:
    for r in list_regions(app.db):
        app.db.drop_schema(r.schema_name)
    app.db.drop_schema(app.db.control_schema)
    app.db.dispose()


def timed_run(db_url: str, n: int, latency: float, weeks: int, workers: int) -> tuple[float, dict, dict, dict]:
    """One daily run on a fresh server and database: (seconds, summary, contents, CPU seconds by process)."""
    from miner.nightly.run import run_daily

    proc, url = start_server(n, latency, weeks)
    tmp = tempfile.mkdtemp(prefix="bench_daily_")
    app = make_app(db_url, tmp)
    db_pid = mariadb_pid() if db_url else None
    try:
        register(app, n, url)
        before = (time.process_time(), children_cpu(), cpu_seconds(proc.pid), cpu_seconds(db_pid))
        t0 = time.perf_counter()
        s = run_daily(app, workers=workers, today=TODAY, skip_charts=True, report=False)
        dt = time.perf_counter() - t0
        cpu = {"paxminer": time.process_time() - before[0], "child processes": children_cpu() - before[1],
               "fake Slack": cpu_seconds(proc.pid) - before[2]}
        if db_pid:
            cpu["MariaDB"] = cpu_seconds(db_pid) - before[3]
        return dt, s, contents(app), cpu
    finally:
        stop_server(proc)
        cleanup(app)
        shutil.rmtree(tmp, ignore_errors=True)


def bench(args) -> int:
    db_url = MYSQL if args.backend == "mariadb" else ""
    workers = [int(w) for w in args.workers.split(",")]
    print(f"{args.regions} regions x ({args.weeks} weeks, 12 PAX, 3 AOs) on {args.backend}, fake Slack latency "
          f"{args.latency * 1000:.0f} ms per call; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    times, digests = {}, {}
    for w in workers:
        dt, s, digest, cpu = timed_run(db_url, args.regions, args.latency, args.weeks, w)
        times[w], digests[w] = dt, digest
        print(f"--workers {w:<2}: {dt:6.1f}s  ({s['ok']} ok, {s['failed']} failed, {s['messages']} messages, "
              f"{s['backblasts']} backblasts, {s['api_calls']} API calls = {s['api_calls'] / dt:,.0f} calls/s)", flush=True)
        print("             CPU seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()), flush=True)
        if s["failed"]:
            print("  failed:", [r["error"] for r in s["results"] if r["status"] == "failed"][:3])
    same = all(d == digests[workers[0]] for d in digests.values())
    print(f"same database contents in every run: {'yes' if same else 'NO'}")
    ok = same
    if len(workers) > 1:
        lo, hi = min(workers), max(workers)
        speedup = times[lo] / times[hi]
        print(f"speedup --workers {hi} vs --workers {lo}: {speedup:.1f}x (target >= 6x)")
        ok = ok and (speedup >= 6 or args.no_check)
    return 0 if ok else 1


# -- the fault run -------------------------------------------------------------------------------
class PrivateMariaDB:
    """A throwaway MariaDB server on its own port and data directory (never the shared one)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="bench_mariadb_"))
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.proc: subprocess.Popen | None = None
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={self.dir / 'data'}", "--auth-root-authentication-method=normal",
                        "--skip-test-db", f"--user={os.environ.get('USER') or 'root'}"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @property
    def url(self) -> str:
        return f"mysql+pymysql://root:@127.0.0.1:{self.port}/"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--datadir={self.dir / 'data'}", f"--port={self.port}",
             "--bind-address=127.0.0.1", f"--socket={self.dir / 'sock'}", f"--pid-file={self.dir / 'pid'}",
             f"--user={os.environ.get('USER') or 'root'}", "--innodb-buffer-pool-size=64M", "--skip-log-bin"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("private MariaDB did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=60)
            self.proc = None

    def restart(self, down: float = 2.0) -> None:
        self.stop()
        time.sleep(down)
        self.start()

    def destroy(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def faults(args) -> int:
    from miner.nightly.run import run_daily

    n, weeks = args.regions, args.weeks
    constants.RETRY_MAX, constants.BACKOFF_BASE = 2, 0.05
    revoked, failing = 1, 2
    maria = None
    if args.backend == "mariadb":
        maria = PrivateMariaDB()
        maria.start()
        db_url = maria.url
    else:
        db_url = ""
    print(f"fault run: {n} regions on {args.backend}{' (private server, port %d)' % maria.port if maria else ''}; "
          f"region{revoked:03d} has a revoked token, region{failing:03d} gets HTTP 500 on every history call"
          + ("; the database is restarted mid-run" if maria else ""))
    tmp = tempfile.mkdtemp(prefix="bench_faults_")
    ok = True
    try:
        # reference: a clean run of the same regions
        proc, url = start_server(n, args.latency, weeks)
        clean = make_app(db_url, tmp + "/clean")
        register(clean, n, url)
        run_daily(clean, workers=8, today=TODAY, skip_charts=True, report=False)
        reference = contents(clean)
        stop_server(proc)
        # the faulty night
        proc, url = start_server(n, args.latency, weeks, revoked=revoked, failing=failing)
        app = make_app(db_url, tmp + "/faulty")
        register(app, n, url)
        restarter = None
        if maria is not None:
            def restart_later():
                time.sleep(args.restart_after)
                print(f"  ... restarting the database at {args.restart_after:.1f}s", flush=True)
                maria.restart()
            restarter = threading.Thread(target=restart_later)
            restarter.start()
        t0 = time.perf_counter()
        s = run_daily(app, workers=8, today=TODAY, skip_charts=True, report=False)
        if restarter:
            restarter.join()
        failed = {r["region"]: f"{r['failed_step']}: {r['error']}" for r in s["results"] if r["status"] == "failed"}
        print(f"night 1: {time.perf_counter() - t0:.1f}s, {s['ok']} ok, {s['failed']} failed, {s['skipped']} skipped")
        for name, err in sorted(failed.items()):
            print(f"  {name}: failed at {err[:150]}")
        ok = ok and f"region{revoked:03d}" in failed and f"region{failing:03d}" in failed
        ok = ok and s["ok"] + s["failed"] == n
        stop_server(proc)
        # the rerun, Slack healthy
        proc, url = start_server(n, args.latency, weeks)
        app.settings.slack_api_url = url
        s2 = run_daily(app, workers=8, today=TODAY, skip_charts=True, report=False)
        print(f"rerun:   {s2['ok']} ok, {s2['failed']} failed, {s2['skipped']} skipped")
        got = contents(app)
        same = got == reference
        print(f"after the rerun, contents equal a clean run's (nothing lost or doubled): {'yes' if same else 'NO'}")
        if not same:
            print("  differing regions:", sorted(k for k in reference if reference[k] != got.get(k))[:10])
        ok = ok and s2["failed"] == 0 and same
        stop_server(proc)
        cleanup(clean)
        cleanup(app)
    finally:
        if maria is not None:
            maria.destroy()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=100)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--weeks", type=int, default=3)
    ap.add_argument("--workers", default="1,8")
    ap.add_argument("--backend", default="sqlite", choices=["sqlite", "mariadb"])
    ap.add_argument("--faults", action="store_true", help="the fault run instead of the timing")
    ap.add_argument("--restart-after", type=float, default=3.0, help="seconds into the fault run to restart MariaDB")
    ap.add_argument("--no-check", action="store_true", help="print, but do not fail below the target")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--revoked", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--failing", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.serve is not None:
        serve(a.serve, a.latency, a.weeks, a.revoked, a.failing)
        sys.exit(0)
    sys.exit(faults(a) if a.faults else bench(a))
