"""Pacing Slack calls per workspace (token) and method, shared by every thread and process of a host.

Slack limits each installation of an app per workspace and method. An app distributed outside the
Marketplace (PAXminer) gets ONE `conversations.history` and ONE `conversations.replies` call per
minute per workspace; internal and Marketplace apps get Tier 3 (about 50 a minute). So calls are
spaced, not retried into a wall: before each call a thread reserves the next free slot of its
(workspace, method) and sleeps until then (a sleeping thread costs no CPU). A caller that can
resume later (`daily`'s mine: park_over set) is told `Parked` instead of sleeping through a long wait.

Where the pace lives: a small state file per (workspace, method) under the pace directory (by
default `<data_dir>/ratelimits`), read and written under `flock`. Every thread, every forked channel
miner and every other `paxminer` process of the host running from the same install reserves slots
in the same file, so none believes it owns the minute. A file lock costs microseconds, needs no
server and never blocks another workspace; a database row would add a round trip (and row-lock
contention on SQLite) per call, and the database is the resource hundreds of waiting regions must
not hold. Hosts sharing one MySQL server work on different regions (region locks), so a workspace
is paced on one host at a time; if another app or host does call it, Slack's 429 tightens the pace.

The file holds `next interval`: wall-clock time of the next free slot and the current spacing. The
next slot is a spacing after the later of the last slot's start and its call's answer (`done`):
Slack may count a call at any moment until it answers, so an answer that came late (a slow network,
or a busy interpreter that sent the call late) pushes the next call back by as much.
A 429's Retry-After moves the next slot to at least now + Retry-After for everyone and widens the
spacing (up to 4x the tier's), which relaxes back by 2% per successful slot. The key is a hash of
the API URL and token: the token itself is never written anywhere.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from miner.core import constants

# calls per window (Slack's "per minute"), per tier; methods not listed are not spaced (a 429 still paces them)
TIERS: dict[str, dict[str, float]] = {
    "distributed": {"conversations.history": 1, "conversations.replies": 1},
    "internal": {"conversations.history": 50, "conversations.replies": 50},
    "marketplace": {"conversations.history": 50, "conversations.replies": 50},
}
COMMON = {  # Slack's published tiers, the same for every kind of app
    "conversations.list": 20, "users.list": 20,  # Tier 2
    "conversations.join": 50, "conversations.info": 50, "conversations.open": 50,  # Tier 3
    "chat.getPermalink": 100, "auth.test": 100, "views.publish": 100,  # Tier 4 / special
}
TIER_NAMES = constants.SLACK_TIERS
assert set(TIERS) == set(TIER_NAMES)
MARGIN = 0.05  # spacing kept above the limit's own, for network and scheduling jitter
MARGIN_MIN = 0.01  # seconds
WIDEN_MAX = 4.0  # a 429 widens the spacing to at most this multiple of the tier's
RELAX = 0.98  # per successful slot, the spacing shrinks back toward the tier's by this factor
_MADE: set = set()  # pace directories made by this process
LONG_WAIT_S = 0.5  # a wait this long (and a quarter window) first calls on_long_wait


class Parked(Exception):
    """A parking pacer's next free slot is a long wait away: nothing was reserved, and the caller
    unwinds to its scheduler, which resumes it at `until` (wall clock) instead of a thread sleeping."""

    def __init__(self, method: str, until: float):
        super().__init__(f"{method}: parked until the next free slot")
        self.method, self.until = method, until


class DeadlineReached(Exception):
    """The next free slot is past the deadline: the call is not made."""

    def __init__(self, method: str, wait: float):
        super().__init__(f"{method}: the night's deadline comes before Slack allows the next call")
        self.method, self.wait = method, wait


def per_window(tier: str, method: str) -> float | None:
    """Calls allowed per rate window for this tier and method (None: not spaced)."""
    return TIERS.get(tier, TIERS["distributed"]).get(method) or COMMON.get(method)


def spacing(tier: str, method: str, window: float) -> float:
    """Seconds between two calls of a method, margin included (0: not spaced)."""
    n = per_window(tier, method)
    if not n:
        return 0.0
    base = window / n
    return base * (1 + MARGIN) + min(MARGIN_MIN, base * MARGIN)


def workspace_key(token: str, base_url: str) -> str:
    return hashlib.sha256(f"{base_url}\n{token}".encode()).hexdigest()[:20]


class Pacer:
    """The pace of one workspace (token), every method. Thread-safe and shared across processes
    through its state files. `sleep`/`clock` are injectable for tests."""

    def __init__(self, key: str, tier: str = "distributed", window: float = 60.0, state_dir: str | os.PathLike = "",
                 deadline: float | None = None, sleep=time.sleep, clock=time.time):
        if tier not in TIERS:
            raise ValueError(f"unknown Slack tier {tier!r} (one of {', '.join(TIER_NAMES)})")
        self.key, self.tier, self.window = key, tier, float(window)
        self.dir = Path(state_dir) if state_dir else None
        self.deadline = deadline  # wall clock; None: wait as long as Slack says
        self.sleep, self.clock = sleep, clock
        self.waited = 0.0  # seconds this pacer's callers slept for slots (progress and benches read it)
        self.limited = 0  # 429s seen
        self.on_long_wait = None  # called (no arguments) before a long wait (LONG_WAIT_S, a quarter window)
        # seconds: a wait longer than this raises Parked instead of sleeping (None: always sleep).
        # `daily` parks its regions: a waiting region is then a small record, not a sleeping thread
        self.park_over: float | None = None
        self._mem: dict[str, list[float]] = {}  # no state_dir: the pace lives in this process only
        self._turns: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        if self.dir is not None and self.dir not in _MADE:  # a client per region turn: once per process
            self.dir.mkdir(parents=True, exist_ok=True)
            _MADE.add(self.dir)

    def spacing(self, method: str) -> float:
        return spacing(self.tier, method, self.window)

    def _open(self, path: Path) -> int:
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except FileNotFoundError:  # the folder was removed since this process made it
            self.dir.mkdir(parents=True, exist_ok=True)
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    # -- the state of one method, under its lock ----------------------------------------------
    def _update(self, method: str, fn):
        """fn(state [next, interval]) -> result, with the state read and written under the lock."""
        if self.dir is None:
            with self._lock:
                state = self._mem.setdefault(method, [0.0, 0.0])
                return fn(state)
        path = self.dir / f"{self.key}.{method}"
        fd = self._open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # per open file: excludes other threads and processes alike
            raw = os.read(fd, 128).split()
            try:
                state = [float(raw[0]), float(raw[1])]
            except (IndexError, ValueError):
                state = [0.0, 0.0]
            before = list(state)
            result = fn(state)
            if state != before:
                os.lseek(fd, 0, os.SEEK_SET)
                data = f"{state[0]:.6f} {state[1]:.6f}\n".encode()
                os.write(fd, data)
                os.ftruncate(fd, len(data))
            return result
        finally:
            os.close(fd)  # closing releases the lock

    @contextmanager
    def turn(self, method: str):
        """One call of a spaced method in flight per workspace at a time (across threads and
        processes): a call sent while another is out could arrive inside the Retry-After of a 429
        the other is about to get. Waiters block in the kernel (flock): no CPU."""
        if not self.spacing(method):
            yield
            return
        if self.dir is None:
            with self._lock:
                lock = self._turns.setdefault(method, threading.Lock())
            if not lock.acquire(blocking=False):
                self._before_waiting(method)
                self._park_if_far(method)
                lock.acquire()
            try:
                yield
            finally:
                lock.release()
            return
        fd = self._open(self.dir / f"{self.key}.{method}.turn")
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # another call of this workspace is out or waiting for its slot
                self._before_waiting(method)
                self._park_if_far(method)
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _before_waiting(self, method: str) -> None:
        """A caller is about to block behind another one's turn: if the next free slot is a long wait
        away, on_long_wait first (the waiting region keeps no idle database connection either)."""
        if self.on_long_wait is None:
            return
        if self._update(method, lambda state: state[0]) - self.clock() >= max(self.window / 4, LONG_WAIT_S):
            try:
                self.on_long_wait()
            except Exception:  # noqa: BLE001 - a courtesy, never fatal
                pass

    def next_slot(self, method: str) -> float:
        """Wall-clock time of the method's next free slot (nothing reserved)."""
        return max(self.clock(), self._update(method, lambda state: state[0]))

    def would_park(self, method: str) -> float | None:
        """When a parking caller would be told to come back for `method` (None: it would not park)."""
        if self.park_over is None or not self.spacing(method):
            return None
        slot = self.next_slot(method)
        if self.deadline is not None and slot > self.deadline:
            return None  # the call itself says DeadlineReached
        return slot if slot - self.clock() > self.park_over else None

    def _park_if_far(self, method: str) -> None:
        until = self.would_park(method)
        if until is not None:
            raise Parked(method, until)

    def reserve(self, method: str, check_deadline: bool = True, park: bool = False) -> float:
        """Reserve the next free slot of `method`; returns seconds to wait for it (0: go now).
        DeadlineReached (nothing reserved) when that slot is past the deadline; with `park` and
        park_over set, Parked (nothing reserved) when it is further away than park_over."""
        base = self.spacing(method)
        now = self.clock()

        def take(state):
            nxt, interval = state
            if nxt - now > max(base, interval) * (WIDEN_MAX + 1) + 3600:  # a corrupt or foreign clock value
                nxt = now
            slot = max(now, nxt)
            if check_deadline and self.deadline is not None and slot > self.deadline:
                raise DeadlineReached(method, slot - now)
            if park and self.park_over is not None and base and slot - now > self.park_over:
                raise Parked(method, slot)
            if base:
                interval = max(base, interval * RELAX) if interval else base
                state[0], state[1] = slot + interval, interval
            return slot - now

        return self._update(method, take)

    def wait(self, method: str, check_deadline: bool = True, park: bool = True) -> float:
        """Wait for the next free slot of `method`; returns the seconds waited. The slot after it is
        counted from the moment this one really starts (a thread woken late moves it on). A parking
        pacer (park_over) raises Parked for a long wait, unless `park` is False (a retry mid-call)."""
        wait = self.reserve(method, check_deadline, park)
        if wait > 0:
            if self.on_long_wait is not None and wait >= max(self.window / 4, LONG_WAIT_S):
                try:
                    self.on_long_wait()
                except Exception:  # noqa: BLE001 - a courtesy (giving back idle connections), never fatal
                    pass
            self.sleep(wait)
            with self._lock:
                self.waited += wait
            if self.spacing(method):
                now = self.clock()

                def started(state):
                    state[0] = max(state[0], now + (state[1] or self.spacing(method)))

                self._update(method, started)
        return wait

    def done(self, method: str) -> None:
        """A call of `method` has come back: the next one goes no sooner than a full spacing from
        now. Slack counts a call when it takes it, somewhere between our send and its answer; a
        slot counted from the send alone lets a call that left late (a busy interpreter between the
        slot and the send, a slow network) land less than a window before the next one."""
        if not self.spacing(method):
            return
        now = self.clock()

        def ended(state):
            state[0] = max(state[0], now + (state[1] or self.spacing(method)))

        self._update(method, ended)

    def penalize(self, method: str, retry_after: float) -> None:
        """Slack said 429 with this Retry-After: nobody calls `method` before it ends, and the
        spacing widens (the pace we kept was not enough: someone else calls this workspace too)."""
        base = self.spacing(method) or self.window / 60.0
        now = self.clock()
        with self._lock:
            self.limited += 1

        def hit(state):
            nxt, interval = state
            widened = min(max(interval, base) * 1.5, base * WIDEN_MAX) if self.spacing(method) else 0.0
            state[0], state[1] = max(nxt, now + max(0.0, retry_after)), widened

        self._update(method, hit)

    def remaining(self) -> float | None:
        """Seconds left before the deadline (None: no deadline)."""
        return None if self.deadline is None else self.deadline - self.clock()

    def estimate(self, calls: dict[str, int]) -> float:
        """Seconds that many calls take at the current pace (methods run side by side)."""
        return max((n * self.spacing(m) for m, n in calls.items() if n > 0), default=0.0)
