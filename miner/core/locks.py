"""Region locks held in the database: one `region_locks` row per region being worked on.

A lock is claimed atomically: INSERT the row (only one inserter wins), or, when a row is there,
take it over with a compare-and-set UPDATE if its holder is gone: its heartbeat is older than the
stale timeout (any host), or it was held by a process of this host that no longer exists. The
same SQL works on SQLite (processes of one machine, serialised by the file lock) and on MySQL /
MariaDB (any number of hosts). Times come from the database server's clock, so hosts with skewed
clocks still agree on what is stale.

A `LockManager` belongs to one run; a background thread refreshes the heartbeat of every lock it
holds, so a long step (a first mine of a big channel) never looks dead. If a heartbeat finds the
row owned by someone else, the lock is marked lost and `check()` raises `LockLost` at the next
step boundary.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import text

from miner.core.db import Database
from miner.core.errors import PaxminerError

log = logging.getLogger("miner.core.locks")
STALE_MINUTES = 30  # a lock whose heartbeat is older than this is free to take over
RELEASE_SECONDS = 30  # how long stop() keeps trying to give back locks while the database is away
FMT = "%Y-%m-%d %H:%M:%S"
_LIVE_RUNS: set[str] = set()  # run ids of this process's live lock managers
_LIVE_MUTEX = threading.Lock()


class LockLost(PaxminerError):
    """Another run took this region over (our heartbeat was judged stale)."""


@dataclass
class Holder:
    """Who holds a lock: parsed from the owner column `host:pid:run_id`."""

    owner: str
    acquired: str
    heartbeat: str

    @property
    def host(self) -> str:
        return self.owner.rsplit(":", 2)[0] if self.owner.count(":") >= 2 else self.owner

    @property
    def pid(self) -> int | None:
        parts = self.owner.rsplit(":", 2)
        try:
            return int(parts[1]) if len(parts) == 3 else None
        except ValueError:
            return None

    @property
    def run_id(self) -> str:
        parts = self.owner.rsplit(":", 2)
        return parts[2] if len(parts) == 3 else ""

    def describe(self) -> str:
        return f"running on host {self.host} since {self.acquired[:19]} UTC"


@dataclass
class Claim:
    """The answer of `acquire`: got it (maybe by taking over `previous`), or held by `holder`."""

    ok: bool
    holder: Holder | None = None
    previous: Holder | None = None  # set when a stale or dead holder was taken over


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def db_now(db: Database, conn=None) -> datetime:
    """The database server's UTC time (SQLite: this machine's)."""
    if db.dialect == "sqlite":
        return datetime.now(timezone.utc).replace(tzinfo=None)
    if conn is None:
        with db.engine(db.control_schema).connect() as c:
            value = c.execute(text("SELECT UTC_TIMESTAMP(6)")).scalar()
    else:
        value = conn.execute(text("SELECT UTC_TIMESTAMP(6)")).scalar()
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value


def stamp(dt: datetime, micro: bool = False) -> str:
    return dt.strftime(FMT + (".%f" if micro else ""))


class LockManager:
    """The locks of one run (owner `host:pid:run_id`), with a heartbeat thread."""

    def __init__(self, db: Database, run_id: str, stale_minutes: float | None = None,
                 heartbeat_seconds: float | None = None, host: str | None = None):
        self.db = db
        self.run_id = run_id
        self.host = host or socket.gethostname()
        self.owner = f"{self.host}:{os.getpid()}:{run_id}"[:255]
        self.stale = timedelta(minutes=stale_minutes if stale_minutes is not None else STALE_MINUTES)
        beat = heartbeat_seconds if heartbeat_seconds is not None else self.stale.total_seconds() / 6
        self.interval = max(0.2, min(beat, 60.0))
        self._held: dict[str, str] = {}  # region -> acquired
        self._lost: set[str] = set()
        self._unreleased: set[str] = set()  # releases that failed (database away): retried
        self._mutex = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------------
    def __enter__(self) -> "LockManager":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, thread: bool = True) -> None:
        """Register the run; thread=False: no heartbeat thread (a process about to fork, like `paxminer
        mine`, must have no other thread): its owner calls beat() itself, often enough."""
        with _LIVE_MUTEX:
            _LIVE_RUNS.add(self.run_id)
        if self._thread is None and thread:
            self._stop.clear()
            self._thread = threading.Thread(target=self._beat_loop, name="paxminer-heartbeat", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        for region in list(self._held):
            self.release(region)
        deadline = time.monotonic() + RELEASE_SECONDS
        while self._unreleased and time.monotonic() < deadline:
            time.sleep(1.0)
            self._retry_releases()
        for region in sorted(self._unreleased):
            log.warning("%s: could not release the lock; it frees itself after %d minutes (at once for the "
                        "next run on this host)", region, self.stale.total_seconds() // 60)
        with _LIVE_MUTEX:
            _LIVE_RUNS.discard(self.run_id)

    @property
    def eng(self):
        return self.db.engine(self.db.control_schema)

    # -- claiming -----------------------------------------------------------------------------------
    def acquire(self, region: str) -> Claim:
        """Claim a region: insert its lock row, or take over a stale or dead holder's row."""
        now = db_now(self.db)
        now_s = stamp(now, micro=True)
        params = {"r": region, "o": self.owner, "now": now_s}
        insert = ("INSERT IGNORE INTO region_locks (region, owner, acquired, heartbeat) VALUES (:r, :o, :now, :now)"
                  if self.db.dialect == "mysql" else
                  "INSERT INTO region_locks (region, owner, acquired, heartbeat) VALUES (:r, :o, :now, :now) "
                  "ON CONFLICT (region) DO NOTHING")
        with self.eng.begin() as conn:
            got = conn.execute(text(insert), params).rowcount == 1
        if got:
            return self._won(region, now_s)
        with self.eng.connect() as conn:
            row = conn.execute(text("SELECT owner, acquired, heartbeat FROM region_locks WHERE region = :r"),
                               {"r": region}).first()
        if row is None:  # released between our insert and our read: try once more
            return self.acquire(region)
        holder = Holder(row.owner, row.acquired, row.heartbeat)
        if holder.owner == self.owner:
            return self._won(region, holder.acquired)
        if not self._is_free(holder, now):
            return Claim(False, holder=holder)
        with self.eng.begin() as conn:  # compare-and-set: only one taker wins
            res = conn.execute(text(
                "UPDATE region_locks SET owner = :o, acquired = :now, heartbeat = :now "
                "WHERE region = :r AND owner = :old AND heartbeat = :old_hb"
            ), {**params, "old": holder.owner, "old_hb": holder.heartbeat})
        if res.rowcount == 1:
            log.info("%s: took over the lock of %s (last heartbeat %s UTC)", region, holder.owner, holder.heartbeat)
            claim = self._won(region, now_s)
            claim.previous = holder
            return claim
        with self.eng.connect() as conn:
            row = conn.execute(text("SELECT owner, acquired, heartbeat FROM region_locks WHERE region = :r"),
                               {"r": region}).first()
        return Claim(False, holder=Holder(row.owner, row.acquired, row.heartbeat) if row else holder)

    def _is_free(self, holder: Holder, now: datetime) -> bool:
        """Stale heartbeat, or a holder of this host that is gone (dead process, or a finished run of ours)."""
        if holder.heartbeat < stamp(now - self.stale, micro=True):
            return True
        pid = holder.pid
        if holder.host != self.host or pid is None:
            return False
        if pid == os.getpid():
            with _LIVE_MUTEX:
                return holder.run_id not in _LIVE_RUNS
        return not pid_alive(pid)

    def _won(self, region: str, acquired: str) -> Claim:
        with self._mutex:
            self._held[region] = acquired
            self._lost.discard(region)
            self._unreleased.discard(region)
        return Claim(True)

    def release(self, region: str) -> None:
        """Give the region back; if the database is away, it is retried (heartbeat thread, stop())."""
        with self._mutex:
            self._held.pop(region, None)
        if not self._delete(region):
            with self._mutex:
                self._unreleased.add(region)

    def _delete(self, region: str) -> bool:
        try:
            with self.eng.begin() as conn:
                conn.execute(text("DELETE FROM region_locks WHERE region = :r AND owner = :o"),
                             {"r": region, "o": self.owner})
            return True
        except Exception as exc:  # noqa: BLE001 - a lock left behind goes stale; never fail a run for it
            log.info("%s: lock release failed, will retry: %s", region, _short(exc))
            return False

    def _retry_releases(self) -> None:
        with self._mutex:
            todo = [r for r in self._unreleased if r not in self._held]
        for region in todo:
            if self._delete(region):
                with self._mutex:
                    self._unreleased.discard(region)

    # -- heartbeat ----------------------------------------------------------------------------------
    def held(self) -> list[str]:
        with self._mutex:
            return list(self._held)

    def beat(self, regions: list[str] | None = None) -> None:
        """Refresh the heartbeat of our locks; a row no longer ours means the lock was lost."""
        regions = self.held() if regions is None else regions
        if not regions:
            return
        now_s = stamp(db_now(self.db), micro=True)
        with self.eng.begin() as conn:
            for region in regions:
                res = conn.execute(text("UPDATE region_locks SET heartbeat = :now WHERE region = :r AND owner = :o"),
                                   {"now": now_s, "r": region, "o": self.owner})
                if res.rowcount == 0:
                    with self._mutex:
                        if region in self._held:
                            self._lost.add(region)
                    log.warning("%s: lock lost (another run took the region over)", region)

    def check(self, region: str) -> None:
        """Raise LockLost if another run took the region over."""
        with self._mutex:
            lost = region in self._lost
        if lost:
            raise LockLost(f"lock lost: another run took {region} over (our heartbeat looked stale)")

    def _beat_loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.beat()
                self._retry_releases()
            except Exception as exc:  # noqa: BLE001 - the database may be restarting; try again next beat
                log.info("heartbeat failed: %s", _short(exc))


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", ())
    if len(args) >= 2 and isinstance(args[0], int):
        return f"{args[1]} (error {args[0]})"
    return str(orig).splitlines()[0][:200] if str(orig) else type(orig).__name__


def current_locks(db: Database) -> list[dict]:
    """Every lock row (for `paxminer daily --status` style listings and tests)."""
    with db.engine(db.control_schema).connect() as conn:
        return [dict(r) for r in conn.execute(text("SELECT region, owner, acquired, heartbeat FROM region_locks ORDER BY region")).mappings()]
