"""`paxminer daily`: the nightly run over every active region (or those named).

Per region, in order: channel-lister, user-lister, message-miner, scorer, outreach, the
charters when they are due (from `chart_day` of the month, per the region's send_* flags), the
dashboard's Home tab and the region's pages of its static site, then an optional run report to the
region's log channel. Each step is one run_log row. The first failing
step ends the region's run (the report still goes out); the other regions carry on.

Slack, not the CPU, sets a night's length: each workspace gets one conversations.history and one
conversations.replies call a minute (miner/slack/pace.py). So every region is under way at once,
each on its own workspace's pace, and a region waiting for its next slot is parked: a RegionNight
in the Scheduler's heap (a few KB: no thread, engine, connection, Slack client or parser), turned
again by one of a few worker threads (REGION_WORKERS per process) when its slot comes. Hundreds
wait side by side at no CPU and a small constant of memory each. The CPU-heavy steps (score,
outreach, charts, site) take one of `workers` slots, so parsing and scoring still get the cores.
With 4 or more workers and 8 or more regions the regions are shared by forked processes (one per 2
workers, up to 2 per core), taking the next region from a shared counter: one process's threads
would queue on its GIL. Tokens never leave memory (the children get them by fork). Before touching a region a worker claims it in `region_locks` (miner/locks.py):
a region held by a live run elsewhere (another cron run, another host) is skipped and not counted
as a failure; a region whose run died is taken over. A region that another run finished after this
run started is skipped too, and so is one done by a run that was already under way when this one
started (a host that starts a few seconds late), so hosts started together by the same cron line
share the regions between them without doing any twice.

The charters and the dashboard's Home tab and site pages are reached only through the
`paxminer.steps` entry points `charts`, `home` and `site`, and the dashboard's site build through
`paxminer.after_daily` (miner never imports them). A region's pages are built by its own step, as soon
as its Slack work is done, so that CPU work overlaps the other regions' waiting; the build after the
run only assembles them.
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import json
import logging
import os
import queue
import re
import signal
import socket
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.metadata import entry_points
from multiprocessing import get_context
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from sqlalchemy import text

from miner.app import App
from miner.core.clock import local_today
from miner.core.concurrency import die_with_parent, fork_safe
from miner.core.db import upsert, utcnow, with_retries
from miner.core.errors import PaxminerError, one_line
from miner.core.locks import Holder, LockLost, LockManager, db_now, stamp
from miner.core.registry import Region, find_region, init_control, list_regions
from miner.core.runlog import close_step, logged_step, new_run_id, open_step
from miner.nightly.report import CORE_STEPS, RegionResult, report_text, summarize
from miner.outreach.workflows import run_outreach
from miner.scores.run import score_region
from miner.slack.pace import Parked
from miner.slack.send import Deliverer, delivery_key

if TYPE_CHECKING:
    from miner.archive.mine import MineCursor

log = logging.getLogger("miner.nightly.run")
POOL_MIN_REGIONS = 8  # fewer regions than this: not worth starting scoring processes
CHART_SLOTS = threading.Semaphore(1)  # the charters draw on every core: one region charts at a time
CPU_STEPS = ("score", "outreach", "charts", "site")  # steps that take one of the `workers` slots (the rest wait on Slack)
# worker threads per region process. They turn regions, not wait for Slack with them (a region parked
# on its workspace's pace is a record in the Scheduler's heap), so a few keep hundreds of regions going:
# what holds a worker is a call in flight, a short wait (under a second), database work or a CPU step
REGION_WORKERS = 8
PARENT_CONNECTIONS = 2  # MySQL: the parent of region processes (registry reads before, the summary after)
SCORER_CONNECTIONS = 2  # MySQL: a scoring process (the registry, then the region's schema)
PROGRESS_EVERY = 60.0  # seconds between `daily` progress lines


class StepFailed(PaxminerError):
    """A step ran to its end but did not do its job (e.g. some channels could not be read)."""


class Interrupted(PaxminerError):
    """The run is stopping (Ctrl-C): regions not yet started are left for the next run."""


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-")[:64] or "x"


# -- the run -------------------------------------------------------------------------------------
@dataclass
class Run:
    app: App
    run_id: str
    locks: LockManager
    today: date | None = None
    skip_charts: bool = False
    outbox: str | None = None
    report: bool = True
    verbose: bool = False
    host: str = field(default_factory=socket.gethostname)
    started: str = ""  # database clock, microseconds
    overlapping: frozenset = frozenset()  # runs under way (elsewhere) when this one started
    stopping: threading.Event = field(default_factory=threading.Event)
    cpu: "CpuPool | None" = None  # processes for the CPU-bound scorer (None: in the worker thread)
    skip_ok_within: float | None = None  # hours: regions with a successful run that recent are skipped
    attempt_started: dict = field(default_factory=dict)  # (region, step) -> when its first attempt started
    cpu_slots: int = 2  # regions in a CPU-heavy step at once (in this process)
    progress: "Callable[[str, float | None], None] | None" = None  # (region, seconds left at Slack's pace)

    def __post_init__(self):
        self.cpu_gate = threading.BoundedSemaphore(max(1, self.cpu_slots))

    @property
    def db(self):
        return self.app.db

    def region_today(self, region: Region) -> date:
        return self.today or local_today(region.timezone)

    # -- bookkeeping in region_runs ---------------------------------------------------------------
    def finished_elsewhere(self, name: str) -> dict | None:
        with self.db.engine(self.db.control_schema).connect() as conn:
            row = conn.execute(text(
                "SELECT run_id, host, finished, status FROM region_runs WHERE region = :r AND finished IS NOT NULL "
                "AND run_id <> :run"
            ), {"r": name, "run": self.run_id}).mappings().first()
        if row is None or not (row["finished"] > self.started or row["run_id"] in self.overlapping):
            return None
        return dict(row)

    def runs_under_way(self, now) -> frozenset:
        """Other runs working now: those holding a region lock with a fresh heartbeat."""
        with self.db.engine(self.db.control_schema).connect() as conn:
            owners = [Holder(r.owner, "", "").run_id for r in conn.execute(
                text("SELECT owner FROM region_locks WHERE heartbeat > :fresh"),
                {"fresh": stamp(now - self.locks.stale, True)})]
        return frozenset(owners) - {self.run_id, ""}

    def ok_recently(self, name: str) -> dict | None:
        """The region's last run, if it succeeded within `skip_ok_within` hours (catch-up runs skip it)."""
        if not self.skip_ok_within:
            return None
        since = stamp(db_now(self.db) - timedelta(hours=self.skip_ok_within), True)
        with self.db.engine(self.db.control_schema).connect() as conn:
            row = conn.execute(text(
                "SELECT run_id, host, finished FROM region_runs WHERE region = :r AND status = 'ok' AND finished > :since"
            ), {"r": name, "since": since}).mappings().first()
        return dict(row) if row else None

    def record_start(self, name: str) -> None:
        with self.db.engine(self.db.control_schema).begin() as conn:  # one connection at a time per thread
            upsert(conn, "region_runs", [{
                "region": name, "run_id": self.run_id, "host": self.host, "started": stamp(db_now(self.db, conn), True),
                "finished": None, "status": "running", "failed_step": None, "error": None, "counts": None,
            }], ["region"])

    def record_finish(self, res: RegionResult) -> None:
        try:
            with_retries(lambda: self._record_finish(res), res.region)
        except Exception as exc:  # noqa: BLE001 - the run log still has the steps
            log.warning("%s: could not record the run's end: %s", res.region, one_line(exc))

    def _record_finish(self, res: RegionResult) -> None:
        with self.db.engine(self.db.control_schema).begin() as conn:
            conn.execute(text(
                "UPDATE region_runs SET finished = :f, status = :s, failed_step = :step, error = :e, "
                "seconds = :sec, counts = :c WHERE region = :r AND run_id = :run"
            ), {"f": stamp(db_now(self.db, conn), True), "s": res.status, "step": res.failed_step,
                "e": (res.error or "")[:1000] or None, "sec": round(res.seconds, 3),
                "c": json.dumps(res.steps, default=str)[:1_000_000], "r": res.region, "run": self.run_id})

    def log_skipped(self, name: str, step: str, note: str) -> None:
        try:
            with self.db.engine(self.db.control_schema).begin() as conn:
                conn.execute(text(
                    "INSERT INTO run_log (run_id, region, step, host, started, finished, status, counts) "
                    "VALUES (:run, :r, :step, :host, :t, :t, 'skipped', :c)"
                ), {"run": self.run_id, "r": name, "step": step, "host": self.host,
                    "t": utcnow(), "c": json.dumps({"note": note})})
        except Exception as exc:  # noqa: BLE001
            log.warning("%s: could not log skipped step %s: %s", name, step, one_line(exc))


def previous_seconds(app: App) -> dict[str, float]:
    with app.db.engine(app.db.control_schema).connect() as conn:
        return {r.region: r.seconds for r in conn.execute(text("SELECT region, seconds FROM region_runs"))
                if r.seconds is not None}


def run_daily(app: App, regions: list[str] | None = None, workers: int | None = None, today: date | None = None,
              skip_charts: bool = False, outbox: str | None = None, report: bool = True,
              stale_minutes: float | None = None, echo: Callable[[str], None] | None = None,
              verbose: bool = False, summary_json: str | None = None, skip_ok_within: float | None = None,
              progress: Callable[[str], None] | None = None) -> dict:
    """Run every active region (or `regions`); returns the nationwide summary (see `summarize`).
    progress(line): every PROGRESS_EVERY seconds, regions done and the time left at Slack's pace."""
    t0 = time.monotonic()
    echo = echo or (lambda _line: None)
    init_control(app.db)
    run_id = new_run_id()
    workers = max(1, int(workers or app.settings.workers or 4))
    if stale_minutes is None:
        stale_minutes = float(app.settings.section("daily").get("stale_minutes") or 0) or None
    todo, missing = select_regions(app, regions)
    results: list[RegionResult] = [
        RegionResult(n, status="failed", failed_step="start", error=f"no region named {n!r} (see `paxminer region list`)")
        for n in missing]
    for r in results:
        echo(r.line())
    # every region at once: a region waiting on Slack is parked (a record, no thread); `workers`
    # bounds the CPU-heavy steps
    processes = region_processes(workers, len(todo))
    threads = max(1, min(len(todo), REGION_WORKERS * processes))
    opts = {"today": today, "skip_charts": skip_charts, "outbox": outbox or app.settings.outbox or None, "report": report,
            "verbose": verbose, "skip_ok_within": skip_ok_within, "cpu_slots": max(1, workers // processes)}
    board = Progress(len(todo), progress) if progress else None
    cpu_pool = processes == 1 and len(todo) >= POOL_MIN_REGIONS
    opts["connections"] = connection_shares(app, processes, CpuPool.size(threads) if cpu_pool else 0)
    if processes > 1:
        preload_plugins()
        done = run_in_processes(app, run_id, todo, threads, processes, stale_minutes, opts, board)
    else:
        names = iter(todo)
        lock = threading.Lock()

        def take() -> str | None:
            with lock:
                name = next(names, None)
            if board is not None and name is not None:
                board.start(name)
            return name

        if board is not None:
            opts["progress"] = board.left
        app.db.dispose(connections=opts["connections"])
        done = run_regions(app, run_id, take, threads, stale_minutes, opts, cpu_pool=cpu_pool)
    if board is not None:
        done = board.follow(done)
    for res in done:
        results.append(res)
        echo(res.line())
    summary = summarize(run_id, results, time.monotonic() - t0, workers, todo + missing)
    summary["processes"] = processes
    after_daily(app, summary, opts["outbox"])
    if summary_json:
        Path(summary_json).parent.mkdir(parents=True, exist_ok=True)
        Path(summary_json).write_text(json.dumps(summary, indent=1, default=str), encoding="utf-8")
    return summary


def connection_shares(app: App, processes: int, scorers: int) -> int:
    """MySQL: the setting db_connections (connections the whole run may hold open) shared out: the
    parent of region processes keeps PARENT_CONNECTIONS, a scoring process SCORER_CONNECTIONS, and
    each process running regions the rest (its pool's size: every region thread in it draws from
    that pool only while it talks to the database). Returns a region process's share."""
    total = app.settings.db_connections
    rest = total - (PARENT_CONNECTIONS if processes > 1 else 0) - scorers * SCORER_CONNECTIONS
    share = rest // processes
    if share < 2:
        share = 2
        if app.db.dialect == "mysql":
            log.warning("db_connections %d is too few for %d region process(es) and %d scoring process(es); "
                        "each region process opens up to %d", total, processes, scorers, share)
    return share


class Progress:
    """What `daily` has done and what is left: regions started/done, and for each region being mined
    its estimate of the time left (paced calls left x its workspace's pace). A line every
    PROGRESS_EVERY seconds through `emit`."""

    def __init__(self, total: int, emit: Callable[[str], None], every: float | None = None):
        self.total, self.emit, self.every = total, emit, PROGRESS_EVERY if every is None else every
        self.started, self.done, self.partial, self.failed = 0, 0, 0, 0
        self.estimates: dict[str, float] = {}
        self._lock = threading.Lock()
        self.t0 = time.monotonic()

    def start(self, _name: str) -> None:
        with self._lock:
            self.started += 1

    def left(self, name: str, seconds: float | None) -> None:
        with self._lock:
            if seconds is None:
                self.estimates.pop(name, None)
            else:
                self.estimates[name] = float(seconds)

    def finish(self, res: "RegionResult") -> None:
        with self._lock:
            self.done += 1
            self.partial += res.status == "partial"
            self.failed += res.status == "failed"
            self.estimates.pop(res.region, None)

    def line(self) -> str:
        from miner.archive.mine import describe_wait

        with self._lock:
            slowest = max(self.estimates.items(), key=lambda kv: kv[1], default=None)
            text_ = (f"daily: {self.done} of {self.total} regions done ({self.partial} partial, {self.failed} failed), "
                     f"{self.started - self.done} under way after {describe_wait(time.monotonic() - self.t0)}")
        if slowest:
            text_ += f"; the slowest ({slowest[0]}) needs about {describe_wait(slowest[1])} more at Slack's pace"
        return text_

    def follow(self, results: Iterator["RegionResult"]) -> Iterator["RegionResult"]:
        stop = threading.Event()

        def tick():
            while not stop.wait(self.every):
                self.emit(self.line())

        ticker = threading.Thread(target=tick, daemon=True, name="daily-progress")
        ticker.start()
        try:
            for res in results:
                self.finish(res)
                yield res
        finally:
            stop.set()


def run_regions(app: App, run_id: str, take: Callable[[], str | None], threads: int, stale_minutes: float | None,
                opts: dict, cpu_pool: bool = False, stopping=None) -> Iterator[RegionResult]:
    """Regions taken one by one from `take()` and turned by `threads` worker threads (Scheduler);
    results as they finish."""
    opts = {k: v for k, v in opts.items() if k != "connections"}
    with LockManager(app.db, run_id, stale_minutes=stale_minutes) as locks:
        run = Run(app, run_id, locks, **opts)
        if stopping is not None:
            run.stopping = stopping
        now = db_now(app.db)
        run.started = stamp(now, True)
        run.overlapping = run.runs_under_way(now)
        run.cpu = CpuPool.for_run(app, threads) if cpu_pool else None  # CpuPool.size(threads) processes
        try:
            yield from Scheduler(run, take, threads).results()
        finally:
            if run.cpu is not None:
                run.cpu.close()


class Scheduler:
    """A few worker threads turn the regions (RegionNight.turn): a region whose mine parks on Slack's
    pace goes into a heap by the time its slot comes, and a worker turns it again then; a worker
    with nothing due starts the next region from `take()`. So hundreds of regions wait for their
    workspaces at once at a few KB each, while the threads (and the database connections they
    borrow) stay few. A region due again goes before a new one: its slot is now. On `stopping`
    (Ctrl-C) no region starts, and the parked ones are turned at once to end their night."""

    def __init__(self, run: Run, take: Callable[[], str | None], workers: int):
        self.run, self.take, self.workers = run, take, max(1, workers)
        self.parked: list[tuple[float, RegionNight]] = []
        self.cond = threading.Condition()
        self.busy = 0  # regions in a worker's hands now
        self.exhausted = False  # take() said there is none left
        self.out: queue.Queue = queue.Queue()

    def _next(self) -> "RegionNight | None":
        """The next region to turn (None: nothing is left for this worker)."""
        while True:
            with self.cond:
                while True:
                    stopping = self.run.stopping.is_set()
                    if self.parked and (stopping or self.parked[0][0] <= time.time()):
                        self.busy += 1
                        return heapq.heappop(self.parked)[1]
                    if not self.exhausted and not stopping:
                        self.busy += 1
                        break  # take a new region, outside the lock (take may talk to other processes)
                    if not self.parked and self.busy == 0:
                        self.cond.notify_all()
                        return None
                    # at most a second: a stop (a signal sets the event) turns the parked regions soon
                    self.cond.wait(1.0 if not self.parked else min(1.0, max(0.0, self.parked[0][0] - time.time())))
            name = self.take()
            if name is not None:
                return RegionNight(name)
            with self.cond:
                self.exhausted = True
                self.busy -= 1
                self.cond.notify_all()

    def _work(self) -> None:
        try:
            while (night := self._next()) is not None:
                try:
                    until = night.turn(self.run)
                except BaseException as exc:  # noqa: BLE001 - turn never raises; if it does, the region fails
                    night.res.status, night.res.error = "failed", one_line(exc)
                    until = None
                with self.cond:
                    self.busy -= 1
                    if until is not None:
                        heapq.heappush(self.parked, (until, night))
                    self.cond.notify_all()
                if until is None:
                    self.out.put(night.res)
        finally:
            self.out.put(None)

    def results(self) -> Iterator[RegionResult]:
        pool = [threading.Thread(target=self._work, name=f"paxminer-region-{i}", daemon=True)
                for i in range(self.workers)]
        for t in pool:
            t.start()
        try:
            live = len(pool)
            while live:
                res = self.out.get()
                if res is None:
                    live -= 1
                else:
                    yield res
        except BaseException:  # Ctrl-C (or the caller stopped): no new region starts, the parked ones end
            self.run.stopping.set()
            with self.cond:
                self.cond.notify_all()
            for t in pool:
                t.join()
            raise


# -- regions in several processes ----------------------------------------------------------------
THREADS_PER_PROCESS = 2  # worker threads per process when the regions are shared by processes


def region_processes(threads: int, regions: int) -> int:
    """How many processes share the regions: one per THREADS_PER_PROCESS workers (CPU slots), up to two per core,
    when there are enough regions and forking is safe. In one process the worker threads queue on its
    GIL once the work gets CPU-heavy (measured: 100 regions, 8 workers, 2 cores: 31 s in one
    process, 23 s in 2 x 4 threads, 21 s in 4 x 2)."""
    cores = os.cpu_count() or 1
    n = min(2 * cores, threads // THREADS_PER_PROCESS)
    return n if n >= 2 and regions >= POOL_MIN_REGIONS and fork_safe() else 1


def run_in_processes(app: App, run_id: str, todo: list[str], threads: int, processes: int,
                     stale_minutes: float | None, opts: dict, board: "Progress | None" = None) -> Iterator[RegionResult]:
    """The regions shared by forked processes, each with its share of the worker threads, taking
    the next region from a shared counter. A region whose process died is reported failed."""
    ctx = get_context("fork")
    counter, stopping = ctx.Value("i", 0), ctx.Event()
    app.db.dispose(connections=PARENT_CONNECTIONS)  # no connection of the parent's goes into the children
    readers, procs = [], []
    for i in range(processes):
        share = threads // processes + (1 if i < threads % processes else 0)
        r, w = ctx.Pipe(duplex=False)
        p = ctx.Process(target=_region_process, name=f"paxminer-regions-{i}",
                        args=(app, run_id, todo, counter, stopping, w, share, stale_minutes, opts))
        p.start()
        w.close()
        readers.append(r)
        procs.append(p)
    started, finished = [], set()
    try:
        open_ = list(readers)
        while open_:
            for r in mp_wait(open_):
                try:
                    kind, value = r.recv()
                except EOFError:
                    open_.remove(r)
                    continue
                if kind == "start":
                    started.append(value)
                    if board is not None:
                        board.start(value)
                elif kind == "left":
                    if board is not None:
                        board.left(*value)
                else:
                    finished.add(value.region)
                    yield value
    except BaseException:
        stopping.set()
        raise
    finally:
        for p in procs:
            p.join()
    for name in started:
        if name not in finished:
            yield RegionResult(name, status="failed", failed_step="start",
                               error="the process running this region died (see the run log)")
    for name in todo[counter.value:]:  # every process ended before taking these
        yield RegionResult(name, status="failed", failed_step="start", error="not run: the region processes ended early")


def _region_process(app: App, run_id: str, todo: list[str], counter, stopping, conn, threads: int,
                    stale_minutes: float | None, opts: dict) -> None:
    """In a forked child: run regions until none is left; results go back through `conn`."""
    die_with_parent()
    signal.signal(signal.SIGINT, lambda *_: stopping.set())  # Ctrl-C: finish the regions under way
    app.db.dispose(close=False, connections=opts.get("connections"))  # the parent's connections stay the parent's
    send = threading.Lock()

    def take() -> str | None:
        with counter.get_lock():
            i = counter.value
            if i >= len(todo) or stopping.is_set():
                return None
            counter.value = i + 1
        with send:
            conn.send(("start", todo[i]))
        return todo[i]

    def left(name: str, seconds: float | None) -> None:
        with send:
            conn.send(("left", (name, seconds)))

    for res in run_regions(app, run_id, take, threads, stale_minutes, {**opts, "progress": left}, stopping=stopping):
        with send:
            conn.send(("done", res))
    conn.close()


def select_regions(app: App, names: list[str] | None) -> tuple[list[str], list[str]]:
    """Names to run (longest previous run first, new regions before all) and names not registered."""
    if names:
        wanted = list(dict.fromkeys(names))
        missing = [n for n in wanted if find_region(app.db, n) is None]
        todo = [n for n in wanted if n not in missing]
    else:
        todo, missing = [r.region for r in list_regions(app.db, active_only=True)], []
    prev = previous_seconds(app)
    todo.sort(key=lambda n: (n in prev, -(prev.get(n) or 0.0), n))
    return todo, missing


# -- one region ----------------------------------------------------------------------------------
class RegionNight:
    """One region's night as a resumable state machine: `turn` runs it until it is done or its mine
    parks on Slack's pace (miner.slack.pace.Parked: its next slot is a long wait away). A parked
    region is this object alone (its result so far, the step it is in, the mine's MineCursor and the
    step's open run_log row): no thread, engine, Slack client or parser, so hundreds wait for
    their workspaces' slots in a few KB each, while a few worker threads (Scheduler) turn the ones
    whose slot has come."""

    def __init__(self, name: str):
        self.name = name
        self.res = RegionResult(name)
        self.region: Region | None = None
        self.t0 = time.monotonic()
        self.index: int | None = None  # the step under way (None: not started)
        self.claimed = False
        self.mine: MineCursor | None = None  # the mine step's place while it is parked
        self.row: int | None = None  # the parked step's run_log row (open: 'running')

    def __lt__(self, other: "RegionNight") -> bool:  # ties in the scheduler's heap
        return self.name < other.name

    def turn(self, run: Run) -> float | None:
        """Run on until the night is done (None; `res` is final) or parked (when to turn it again)."""
        res = self.res
        try:
            if self.index is None:
                if not self._begin(run):
                    return self._end(run)
                self.index = 0
            while self.index < len(CORE_STEPS):
                step = CORE_STEPS[self.index]
                if run.stopping.is_set():
                    res.failed_step = step if self.row is not None else None
                    raise Interrupted("the run was interrupted")
                try:
                    run.locks.check(self.name)
                except LockLost:
                    res.failed_step = step
                    raise
                outcome = run_step(run, self.region, step, res, self)
                if isinstance(outcome, float):  # parked: keep nothing of the region's but this object
                    run.db.forget(self.region.schema_name)
                    return outcome
                if not outcome:
                    break
                self.index += 1
            if run.report:
                send_report(run, self.region, res, self.t0)
        except Exception as exc:  # noqa: BLE001 - lock, registry or bookkeeping trouble: this region fails
            res.status, res.failed_step, res.error = "failed", res.failed_step or "start", one_line(exc)
            if self.row is not None:  # a parked step stopped: its row says so
                close_step(run.db, self.name, res.failed_step, self.row, {}, exc)
                self.row = None
            if run.verbose:
                log.exception("%s failed", self.name)
        return self._end(run)

    def _begin(self, run: Run) -> bool:
        """Claim the region and check it can run (False: done already, res says why)."""
        name, res = self.name, self.res
        try:
            if run.stopping.is_set():
                raise Interrupted("the run was interrupted before this region started")
            claim = with_retries(lambda: run.locks.acquire(name), name, run.stopping)
        except Exception as exc:  # noqa: BLE001
            res.status, res.failed_step, res.error = "failed", "lock", one_line(exc)
            if run.verbose:
                log.exception("%s: cannot claim the region", name)
            return False
        if not claim.ok:
            res.status, res.note = "skipped", claim.holder.describe()
            run.log_skipped(name, "daily", res.note)
            return False
        self.claimed = True
        done = with_retries(lambda: run.finished_elsewhere(name), name, run.stopping)
        if done:
            res.status = "skipped"
            res.note = f"done by run {done['run_id']} on host {done['host']} at {done['finished'][:19]} UTC ({done['status']})"
            run.log_skipped(name, "daily", res.note)
            return False
        recent = with_retries(lambda: run.ok_recently(name), name, run.stopping)
        if recent:
            res.status = "skipped"
            res.note = (f"ok at {recent['finished'][:19]} UTC on host {recent['host']} "
                        f"(within {run.skip_ok_within:g} hours)")
            return False
        if claim.previous is not None:
            res.warnings.append(f"took over from {claim.previous.host} (its run stopped at {claim.previous.heartbeat[:19]} UTC)")
        with_retries(lambda: run.record_start(name), name, run.stopping)
        region = with_retries(lambda: find_region(run.db, name), name, run.stopping)
        if region is None:
            raise StepFailed(f"region {name} was removed from the registry")
        if not region.schema_name:
            raise StepFailed(f"region {name} has no schema_name in the registry")
        self.region = region
        res.failed_step = "upgrade"  # pending schema migrations first (miner/core/migrations.py)
        if not with_retries(lambda: run.db.schema_exists(region.schema_name), name, run.stopping):
            raise StepFailed(f"schema {region.schema_name} does not exist (`paxminer db upgrade` creates it)")
        with_retries(lambda: run.db.ensure_schema(region.schema_name, "region"), name, run.stopping)
        res.failed_step = None
        res.today = run.region_today(region).isoformat()
        run.app.start_deadline(region)  # from now, the region's deadline_minutes for the night
        return True

    def _end(self, run: Run) -> None:
        res = self.res
        res.seconds = time.monotonic() - self.t0
        if not self.claimed:
            return None
        if self.region is not None:  # SQLite: a pool per region file; idle handles of 100s of regions add up
            try:
                run.db.forget(self.region.schema_name)
            except Exception:  # noqa: BLE001
                pass
        if res.status != "skipped":  # before the lock goes: a run taking it next sees the region done
            run.record_finish(res)
        run.locks.release(self.name)
        run.app.deadlines.pop(self.name, None)
        return None


def run_step(run: Run, region: Region, step: str, res: RegionResult, night: RegionNight) -> bool | float:
    """One step in a run_log row; False when it failed (the region stops there). A step that parks
    (the mine, on Slack's pace: `night` keeps its place) returns when to turn it again, its row
    left open ('running') until it ends."""
    fn, pre = STEP_FUNCTIONS[step]
    note = pre(run, region) if pre and night.row is None else None
    if note:
        res.steps[step] = {"not_run": note}
        run.log_skipped(region.region, step, note)
        return True
    counts: dict = {}

    def attempt():
        nonlocal counts
        counts = {}
        if night.row is None:
            night.row = open_step(run.db, region.region, step, run.run_id)
        try:
            if step in CPU_STEPS:
                with run.cpu_gate:
                    fn(run, region, counts)
            elif step == "mine":
                fn(run, region, counts, night)
            else:
                fn(run, region, counts)
        except Parked:
            raise
        except BaseException as exc:
            row, night.row = night.row, None
            close_step(run.db, region.region, step, row, counts, exc)
            raise
        row, night.row = night.row, None
        close_step(run.db, region.region, step, row, counts)

    try:
        # steps are safe to run again (upserts, resumable mining, once-only ledgers): a database
        # restart in the middle costs a wait, not the region's night
        with_retries(attempt, f"{region.region}: {step}", run.stopping)
    except Parked as parked:
        return float(parked.until)
    except Exception as exc:  # noqa: BLE001
        res.steps[step] = dict(counts)
        res.status, res.failed_step, res.error = "failed", step, one_line(exc)
        if run.verbose:
            log.exception("%s: %s failed", region.region, step)
        return False
    res.steps[step] = dict(counts)
    if counts.get("partial"):  # done, with something left for the next run: the region is partial
        res.status = "partial"
    for w in counts.get("warnings") or []:
        res.warnings.append(f"{step}: {w}")
    bad = [f"{counts[k]} {k}" for k in ("rejected", "truncated", "cleaned", "dropped") if counts.get(k)]
    if bad:  # one bad message never fails a region: it is said, and each one is in bad_items
        res.warnings.append(f"{step}: bad items {', '.join(bad)} (see the region's bad_items table)")
    try:
        run.locks.beat([region.region])
    except Exception:  # noqa: BLE001 - the heartbeat thread tries again
        pass
    return True


# -- the steps -----------------------------------------------------------------------------------
def step_channels(run: Run, region: Region, counts: dict) -> None:
    from miner.listers.channels import list_channels

    counts.update(list_channels(run.app, region))


def step_users(run: Run, region: Region, counts: dict) -> None:
    from miner.listers.users import list_users

    counts.update(list_users(run.app, region))


def pre_mine(run: Run, region: Region) -> str | None:
    return None if region.scrape_backblasts else "scrape_backblasts is off for this region"


def step_mine(run: Run, region: Region, counts: dict, night: RegionNight) -> None:
    """The mine parks (pace.Parked) through long waits for Slack's slots; `night` keeps its place."""
    from miner.archive.mine import MineCursor, mine_region, new_since

    def progress(_line: str, _important: bool = False, left: float | None = None) -> None:
        if run.progress is not None and left is not None:
            run.progress(region.region, left)

    # --outbox posts nothing: no feedback DMs either (a later run sends them). An attempt the
    # database cut short stored pages that the retry then finds already there: new messages are
    # counted from the first attempt's start
    since = run.attempt_started.setdefault((region.region, "mine"), utcnow())
    night.mine = night.mine or MineCursor()
    s = mine_region(run.app, region, feedback=not run.outbox, progress=progress, cursor=night.mine)
    night.mine = None
    s["new"] = max(int(s.get("new") or 0), new_since(run.app.db.engine(region.schema_name), since))
    if run.progress is not None:
        run.progress(region.region, None)
    s["errors"] = list(s.get("errors") or [])[:20]
    counts.update(s)
    if s.get("missing"):  # the deadline came first, or Slack kept failing on a channel: resumed next run
        counts["partial"] = True


def step_score(run: Run, region: Region, counts: dict) -> None:
    as_of = run.region_today(region)
    if run.cpu is not None:
        result = run.cpu.score(region.region, as_of)
        if result is not None:
            counts.update(result)
            return
    counts.update(score_region(run.app, region, as_of=as_of))


# -- CPU-bound work in processes -----------------------------------------------------------------
class CpuPool:
    """A few processes for the scorer (pandas: CPU-bound, so threads would queue on the GIL).

    Children are spawned (never forked from a process holding connections), get the settings
    through the pool's pipe (never argv), open their own connections and score one region per
    call. Used when regions run in parallel on a machine with more than one core; if the pool
    breaks, scoring goes back to the worker threads.
    """

    def __init__(self, settings, processes: int):
        settings = dataclasses.replace(settings, db_connections=SCORER_CONNECTIONS)
        self._ex = ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn"),
                                       initializer=_child_init, initargs=(settings,))
        self.broken = False

    @staticmethod
    def size(threads: int) -> int:
        """Scoring processes for a run of `threads` region threads (0: none, score in the threads)."""
        n = min(os.cpu_count() or 1, threads)
        return n if n >= 2 else 0

    @classmethod
    def for_run(cls, app: App, threads: int) -> "CpuPool | None":
        n = cls.size(threads)
        return cls(app.settings, n) if n else None

    def score(self, region_name: str, as_of: date) -> dict | None:
        """The scorer's result, or None when the pool is unusable (the caller scores in-thread)."""
        if self.broken:
            return None
        try:
            ok, value = self._ex.submit(_child_score, region_name, as_of).result()
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            self.broken = True
            log.warning("scoring processes unavailable (%s); scoring in threads", one_line(exc))
            return None
        if not ok:
            raise StepFailed(value)
        return value

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)


_CHILD_APP: App | None = None


def _child_init(settings) -> None:
    global _CHILD_APP
    import logging as _logging

    _logging.getLogger().setLevel(_logging.WARNING)
    _CHILD_APP = App(settings)


def _child_score(region_name: str, as_of: date) -> tuple[bool, object]:
    """In a child process: score one region; errors come back as one line (exceptions may not pickle)."""
    try:
        return True, score_region(_CHILD_APP, _CHILD_APP.region(region_name), as_of=as_of)
    except Exception as exc:  # noqa: BLE001
        return False, one_line(exc)
    finally:  # a child scores many regions: keep no idle connection per region schema
        _CHILD_APP.db.dispose()


def step_outreach(run: Run, region: Region, counts: dict) -> None:
    s = run_outreach(run.app, region, today=run.region_today(region), dry_run=bool(run.outbox))
    counts.update(s)
    if s.get("failed"):
        counts["warnings"] = [f"{s['failed']} message(s) not sent (retried on a later run)"]


@functools.lru_cache(maxsize=None)
def plugin_step(name: str, group: str = "paxminer.steps"):
    """A step from another package (charters, dashboard), through its entry point (never imported directly)."""
    for ep in entry_points(group=group):
        if ep.name == name:
            try:
                return ep.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin is a skipped step, not a crash
                log.warning("the %s step cannot be loaded: %s", name, one_line(exc))
                return None
    return None


def chart_step():
    return plugin_step("charts")


def pre_charts(run: Run, region: Region) -> str | None:
    if run.skip_charts:
        return "--skip-charts"
    day = run.region_today(region)
    chart_day = int(run.app.settings.chart_day or 1)
    if day.day < chart_day:
        return f"not due (they go out from day {chart_day} of the month)"
    if chart_step() is None:
        return "the charters (entry point paxminer.steps:charts) are not installed"
    return None


def step_charts(run: Run, region: Region, counts: dict) -> None:
    fn = chart_step()
    with CHART_SLOTS:
        s = fn(run.app, region, run.region_today(region), outbox=run.outbox)
    counts.update(s)
    failed, done = int(s.get("failed") or 0), int(s.get("posted") or 0) + int(s.get("written") or 0)
    if failed and not done:
        first = (s.get("errors") or [""])[0]
        raise StepFailed(f"no chart could be delivered ({failed} failed; a later run retries them); first: {first}")
    if failed:
        counts["warnings"] = [f"{failed} chart(s) not delivered (retried on a later run)"]


def pre_home(run: Run, region: Region) -> str | None:
    return None if plugin_step("home") else "the dashboard (entry point paxminer.steps:home) is not installed"


def step_home(run: Run, region: Region, counts: dict) -> None:
    counts.update(plugin_step("home")(run.app, region, run.region_today(region), outbox=run.outbox))


def pre_site(run: Run, region: Region) -> str | None:
    return None if plugin_step("site") else "the dashboard (entry point paxminer.steps:site) is not installed"


def step_site(run: Run, region: Region, counts: dict) -> None:
    counts.update(plugin_step("site")(run.app, region, run.region_today(region), outbox=run.outbox, run_id=run.run_id))


def preload_plugins() -> None:
    """Import the plugin steps now: forked region processes then share them instead of each importing
    them (matplotlib, jinja2...) on its own."""
    for name in ("charts", "home", "site"):
        plugin_step(name)


def after_daily(app: App, summary: dict, outbox: str | None) -> None:
    """Hooks run once after every region (the dashboard's site build); their failure is a warning."""
    for ep in entry_points(group="paxminer.after_daily"):
        fn = plugin_step(ep.name, "paxminer.after_daily")
        if fn is None:
            continue
        try:
            summary.setdefault("after", {})[ep.name] = fn(app, summary, outbox=outbox)
        except Exception as exc:  # noqa: BLE001
            log.warning("after the run, %s failed: %s", ep.name, one_line(exc))
            summary.setdefault("after", {})[ep.name] = {"error": one_line(exc)}


STEP_FUNCTIONS = {
    "channels": (step_channels, None),
    "users": (step_users, None),
    "mine": (step_mine, pre_mine),
    "score": (step_score, None),
    "outreach": (step_outreach, None),
    "charts": (step_charts, pre_charts),
    "home": (step_home, pre_home),
    "site": (step_site, pre_site),
}


def send_report(run: Run, region: Region, res: RegionResult, t0: float) -> None:
    """Post the run report to the region's log channel (or write it to the outbox); never fails the region."""
    if not region.log_channel and not run.outbox:
        return
    body = report_text(region.region, res, time.monotonic() - t0, run.host, run.run_id)
    counts: dict = {}
    try:
        with logged_step(run.db, region.region, "report", run.run_id) as counts:
            if run.outbox:
                d = Path(run.outbox) / slug(region.region)
                d.mkdir(parents=True, exist_ok=True)
                path = d / f"daily-report-{res.today}.txt"
                path.write_text(body + "\n", encoding="utf-8")
                counts.update(written=str(path), channel=region.log_channel)
            else:
                slack = run.app.slack(region)
                d = Deliverer(run.db.engine(region.schema_name), slack).message(
                    delivery_key("report", run.run_id, region.region), "report", body, channel=region.log_channel)
                if not d.ok:
                    raise StepFailed(f"run report {d.status}: {d.error}")
                counts.update(posted=1, channel=region.log_channel, api_calls=sum(slack.calls.values()))
    except Exception as exc:  # noqa: BLE001
        res.warnings.append(f"report not posted: {one_line(exc)}")
    res.steps["report"] = dict(counts)
