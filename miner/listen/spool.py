"""The listener's spool: every envelope is appended here before it is acknowledged, so an
acknowledged event survives a database that is away, a crash or a restart.

One JSON line per envelope in a file readable by its owner only (0600, in a 0700 folder under the
data dir). The writer takes entries in order and marks how far it has applied them; when it has
caught up, the file is emptied. On start, whatever the file still holds is applied first (applying
an entry twice changes nothing: events are deduplicated by event id).
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections import deque
from pathlib import Path

from miner.core.errors import PaxminerError


class SpoolBusy(PaxminerError):
    pass


class Spool:
    def __init__(self, folder: str | Path, name: str = "spool.jsonl"):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        self.path = self.folder / name
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)
        self._queue: deque = deque()
        self.appended = 0
        self.replayed = 0
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)  # whatever the umask, and whoever created it before
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise SpoolBusy(f"another listener is using the spool {self.path}") from None
        self._fd = fd
        for line in self.path.read_bytes().splitlines():
            try:
                self._queue.append(json.loads(line))
                self.replayed += 1
            except ValueError:  # a line cut short by a crash mid-write: it was never acknowledged
                continue

    def append(self, entry: dict) -> None:
        """Durably queue one entry (written to the file before this returns)."""
        data = (json.dumps(entry, separators=(",", ":")) + "\n").encode()
        with self._lock:
            os.write(self._fd, data)
            self._queue.append(entry)
            self.appended += 1
            self._ready.notify()

    def take(self, limit: int, timeout: float) -> list[dict]:
        """The first `limit` entries, in order, without removing them (waiting up to `timeout` for
        one); the single writer calls done(n) once the first n are applied, or takes them again."""
        with self._lock:
            if not self._queue:
                self._ready.wait(timeout)
            return [self._queue[i] for i in range(min(limit, len(self._queue)))]

    def done(self, n: int) -> None:
        """The first n entries are applied: drop them; empty the file once all are."""
        with self._lock:
            for _ in range(n):
                self._queue.popleft()
            if not self._queue:
                os.ftruncate(self._fd, 0)

    def __len__(self) -> int:
        with self._lock:
            return len(self._queue)

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.fsync(self._fd)
                os.close(self._fd)
                self._fd = None
