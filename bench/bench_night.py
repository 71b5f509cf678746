"""Bench: a night of N regions under Slack's real rate limits, in a scaled-down minute.

    .venv/bin/python bench/bench_night.py [--regions 300] [--window 10] [--weeks 2] [--db-url mysql://root:@127.0.0.1:3306/]

A fake Slack in its own process serves one generated workspace per region. The regions are
registered and mined once with the limit off (setup), then the fake enforces Slack's limits for an
app distributed outside the Marketplace (one conversations.history and one conversations.replies
call per window per workspace, 15 messages a page; Tier 2/3 for the listers) in a minute scaled
down to --window seconds, and `paxminer daily` runs as cron runs it (its own process, default
settings; SQLite, or MariaDB with --db-url: a schema per region, dropped at the end), with
PAXMINER_RATE_WINDOW_S set to the same window:
  1. a quiet night (nothing new);
  2. a night with new posts and threads (in every region: a new backblast in each AO channel, a new
     reply thread on one of them).
Per night: wall time against the floor (the slowest workspace's paced calls x the window: the
limit's own minimum for the night), the 429s Slack answered, CPU seconds per region-night (the
daily process and its children), and peak memory (RSS of the daily process tree, sampled). On
MariaDB also the connections: the most the daily process tree held open at once (its TCP sockets to
the server, sampled from /proc every 0.1 s), and the server's Max_used_connections after a FLUSH
STATUS before the night (server-wide: other clients of a shared server count too).

--memory 50,150,300: then, for each N, a quiet night of the first N regions alone, with the RSS of
the daily tree sampled; the RSS while every region waits for its next slot (the median of the
samples from the end of the first window to the end of the second) and its growth per region
between the smallest and largest N are what a waiting region costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.procs import db_sockets, tree_pids, tree_rss  # noqa: E402

HISTORY, REPLIES = "conversations.history", "conversations.replies"


# -- the fake Slack's process -----------------------------------------------------------------------
def serve(n: int, weeks: int) -> None:
    """Child: serve n generated workspaces; commands on stdin: `limit W`, `post`, `stats`, `quit`."""
    from tests.fakeslack import FakeSlack, generate_region

    fs = FakeSlack()
    spaces = []
    for i in range(n):
        ws = fs.add_workspace(f"xoxb-night-{i}", team=f"T{i:04d}", name=f"n{i:03d}")
        generate_region(ws, seed=i + 1, users=12, aos=1 + i % 4, weeks=weeks, chatter_per_week=10,
                        start=date.today() - timedelta(weeks=weeks))
        spaces.append(ws)
    print(fs.start(), flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "quit":
            break
        if cmd[0] == "limit":
            fs.limit_mode(float(cmd[1]))
        elif cmd[0] == "post":
            now = time.time()
            for k, ws in enumerate(spaces):
                users = [u for u in ws.users if u.startswith("U") and u not in ("USLACKBOT", ws.bot_user_id)]
                aos = [c for c in ws.channels.values() if c.info["name"].startswith("ao")]
                for j, ch in enumerate(aos):
                    q, pax = users[(k + j) % len(users)], users[(k + j + 1) % len(users)]
                    ts = f"{now + k * 0.001 + j * 0.0001:.6f}"
                    day = date.today().strftime("%m/%d/%Y")
                    ws.post(ch.id, text=f"*Backblast! Night bench*\nDATE: {day}\nQIC: <@{q}>\nPAX: <@{q}> <@{pax}>\n"
                                        "The thang: merkins", user=q, ts=ts)
                    if j == 0:
                        for r in range(2):
                            ws.reply(ch.id, ts, text=f"great work {r}", user=users[r], ts=f"{float(ts) + 1 + r:.6f}")
        elif cmd[0] == "stats":
            calls = {ws.name: {m: ws.calls[m] for m in (HISTORY, REPLIES)} for ws in spaces}
            print(json.dumps({"calls": calls, "limited": dict(fs.limited), "violations": fs.violations}), flush=True)
            continue
        print("ok", flush=True)
    fs.stop()


class Server:
    def __init__(self, n: int, weeks: int):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(n), "--weeks", str(weeks)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def stats(self) -> dict:
        return json.loads(self.ask("stats"))

    def stop(self) -> None:
        try:
            self.ask("quit")
        except (BrokenPipeError, OSError):
            pass
        self.proc.wait(30)


# -- measuring a `paxminer daily` ---------------------------------------------------------------------
def daily(env: dict, summary: Path, db_port: int | None = None, regions: list[str] | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    names = [a for r in regions or [] for a in ("--region", r)]
    proc = subprocess.Popen([sys.executable, "-m", "miner", "daily", "--skip-charts", "--no-report",
                             "--summary-json", str(summary), *names], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, conns, stop, samples = [0], [0], threading.Event(), []

    def sample():
        n = 0
        while not stop.wait(0.1):
            if db_port:
                conns[0] = max(conns[0], db_sockets(tree_pids(proc.pid), db_port))
            if n % 5 == 0:
                rss = tree_rss(proc.pid)
                samples.append((time.monotonic() - t0, rss))
                peak[0] = max(peak[0], rss)
            n += 1

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    err = proc.communicate()[1]
    stop.set()
    t.join()
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    s = json.loads(summary.read_text())
    return {"wall": wall, "cpu": cpu, "peak_rss": peak[0], "conns": conns[0], "code": proc.returncode, "summary": s,
            "stderr": err.strip().splitlines()[-3:], "samples": samples}


def memory(env: dict, tmp: Path, window: float, counts: list[int]) -> list[dict]:
    """Quiet nights of the first N regions: peak RSS, and RSS while they all wait for a slot."""
    out = []
    for n in counts:
        la = os.getloadavg()[0]
        r = daily(env, tmp / f"memory-{n}.json", regions=[f"n{i:03d}" for i in range(n)])
        waiting = sorted(rss for t, rss in r["samples"] if window <= t <= 2 * window)
        out.append({"regions": n, "wall_s": round(r["wall"], 1), "peak_rss_mb": round(r["peak_rss"] / 2**20, 1),
                    "waiting_rss_mb": round(waiting[len(waiting) // 2] / 2**20, 1) if waiting else None,
                    "ok": r["summary"]["ok"], "exit": r["code"], "load": round(la, 1)})
        print(json.dumps(out[-1]), flush=True)
    first, last = out[0], out[-1]
    if len(out) > 1 and first["waiting_rss_mb"] and last["waiting_rss_mb"]:
        per = (last["waiting_rss_mb"] - first["waiting_rss_mb"]) * 1024 / (last["regions"] - first["regions"])
        print(f"memory: {per:.0f} KB of RSS per waiting region ({first['regions']} -> {last['regions']} regions)")
    return out


def night(name: str, server: Server, env: dict, tmp: Path, window: float, db=None) -> dict:
    load = os.getloadavg()[0]
    before = server.stats()
    if db is not None:
        db.flush()
        server_cpu = db.cpu()
    r = daily(env, tmp / f"{name}.json", db.port if db is not None else None)
    after = server.stats()
    calls = {ws: {m: after["calls"][ws][m] - before["calls"][ws][m] for m in (HISTORY, REPLIES)} for ws in after["calls"]}
    paced = {ws: max(c.values()) for ws, c in calls.items()}  # methods run side by side, each on its pace
    slowest = max(paced, key=paced.get)
    floor = paced[slowest] * window
    limited = sum(after["limited"].values()) - sum(before["limited"].values())
    s = r["summary"]
    n = s["regions"]
    out = {
        "night": name, "regions": n, "ok": s["ok"], "partial": s.get("partial"), "failed": s["failed"],
        "wall_s": round(r["wall"], 1), "floor_s": round(floor, 1), "ratio": round(r["wall"] / floor, 2) if floor else None,
        "slowest_paced_calls": paced[slowest], "history_calls": sum(c[HISTORY] for c in calls.values()),
        "replies_calls": sum(c[REPLIES] for c in calls.values()), "429s": limited,
        "violations": after["violations"] - before["violations"],
        "cpu_s_per_region_night": round(r["cpu"] / max(1, n), 3), "cpu_s": round(r["cpu"], 1),
        "peak_rss_mb": round(r["peak_rss"] / 2**20, 1), "exit": r["code"],
        "new_messages": s["new_messages"], "backblasts": s["backblasts"],
        "load_start": round(load, 1), "load_end": round(os.getloadavg()[0], 1),
    }
    if db is not None:
        out.update(db_connections_held=r["conns"], max_used_connections=db.max_used(), max_connections=db.max_connections())
        after_cpu = db.cpu()
        if server_cpu is not None and after_cpu is not None:  # every client's work, if the server is shared
            out["db_server_cpu_s"] = round(after_cpu - server_cpu, 1)
    if r["code"]:
        out["stderr"] = r["stderr"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=300)
    ap.add_argument("--window", type=float, default=10.0, help="seconds in Slack's scaled-down minute")
    ap.add_argument("--weeks", type=int, default=2)
    ap.add_argument("--db-url", default="", help="MariaDB server URL (mysql://USER:PASS@HOST:PORT/); default SQLite")
    ap.add_argument("--memory", help="also: RSS of quiet nights of the first N regions, e.g. 50,150,300")
    ap.add_argument("--skip-nights", action="store_true", help="only the --memory nights")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.serve:
        serve(a.serve, a.weeks)
        return 0
    from miner.app import App
    from miner.core.config import Settings
    from miner.core.registry import add_region

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t0 = time.monotonic()
        server = Server(a.regions, a.weeks)
        ctl = f"night_{uuid.uuid4().hex[:6]}"
        app = App(Settings(db_url=a.db_url, data_dir=str(tmp / "data"), control_schema=ctl, slack_api_url=server.url))
        db = MariaDB(app.db) if app.db.dialect == "mysql" else None
        schemas = [ctl]
        try:
            for i in range(a.regions):
                schemas.append(f"{ctl}_n{i:03d}")
                add_region(app.db, f"n{i:03d}", schemas[-1], f"xoxb-night-{i}")
            app.db.dispose()
            env = {k: v for k, v in os.environ.items() if not k.startswith("PAXMINER_") and k != "SLACK_API_URL"}
            env.update(PAXMINER_DATA_DIR=str(tmp / "data"), PAXMINER_CONTROL_SCHEMA=ctl, SLACK_API_URL=server.url,
                       PAXMINER_RATE_WINDOW_S="0.0001")
            if a.db_url:
                env["PAXMINER_DB_URL"] = a.db_url
            first = daily(env, tmp / "first.json")
            print(f"setup (load average {os.getloadavg()[0]:.1f}): {a.regions} regions generated, registered and mined once with the limit off on "
                  f"{app.db.describe()} in {time.monotonic() - t0:.0f}s (first night {first['wall']:.0f}s, exit "
                  f"{first['code']}{', ' + ' | '.join(first['stderr']) if first['code'] else ''})", flush=True)
            server.ask(f"limit {a.window}")
            env["PAXMINER_RATE_WINDOW_S"] = str(a.window)
            results = []
            if not a.skip_nights:
                results.append(night("quiet", server, env, tmp, a.window, db))
                print(json.dumps(results[-1]), flush=True)
                server.ask("post")
                results.append(night("new posts and threads", server, env, tmp, a.window, db))
                print(json.dumps(results[-1]), flush=True)
            if a.memory:
                memory(env, tmp, a.window, [int(x) for x in a.memory.split(",")])
        finally:
            server.stop()
            if db is not None:
                db.drop(schemas)
    print(f"\n{'night':24} {'regions':>7} {'wall s':>7} {'floor s':>7} {'x floor':>7} {'429s':>5} "
          f"{'CPU s/region':>12} {'peak MB':>8} {'exit':>4}" + (f" {'conns':>5} {'Max_used':>8}" if db else ""))
    for r in results:
        print(f"{r['night']:24} {r['regions']:>7} {r['wall_s']:>7} {r['floor_s']:>7} {r['ratio']:>7} {r['429s']:>5} "
              f"{r['cpu_s_per_region_night']:>12} {r['peak_rss_mb']:>8} {r['exit']:>4}"
              + (f" {r['db_connections_held']:>5} {r['max_used_connections']:>8}" if db else ""))
    return 0


class MariaDB:
    """The MariaDB server the night runs on: its connection counters, and the bench's schemas."""

    def __init__(self, database):
        from sqlalchemy import text

        self.database, self.text = database, text
        self.port = database._url.port or 3306

    def _one(self, sql: str):
        with self.database.server_engine().connect() as conn:
            return conn.execute(self.text(sql)).first()

    def flush(self) -> None:
        with self.database.server_engine().connect() as conn:
            conn.execute(self.text("FLUSH STATUS"))
        self.database.server_engine().dispose()

    def max_used(self) -> int:
        return int(self._one("SHOW STATUS LIKE 'Max_used_connections'")[1])

    def cpu(self) -> float | None:
        """CPU seconds of the server process, when it runs on this machine (its pid file readable)."""
        try:
            pid = Path(self._one("SELECT @@pid_file")[0]).read_text().strip()
            f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError, TypeError):
            return None

    def max_connections(self) -> int:
        return int(self._one("SHOW VARIABLES LIKE 'max_connections'")[1])

    def drop(self, schemas: list[str]) -> None:
        for s in schemas:
            with self.database.server_engine().begin() as conn:
                conn.execute(self.text(f"DROP DATABASE IF EXISTS `{s}`"))


if __name__ == "__main__":
    sys.exit(main())
