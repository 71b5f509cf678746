"""Concurrency helpers: when it is safe to fork (mine's channel miners, daily's region processes),
children that never outlive their parent, and a background producer that keeps I/O ahead of its consumer."""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from collections.abc import Iterator


def fork_safe() -> bool:
    """Forking is safe only from a process with no other threads (a thread holding a lock at fork
    time leaves it locked in the child), where fork exists."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def die_with_parent() -> None:
    """In a forked child (Linux): killed when the parent dies, so a killed run leaves nothing behind."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def prefetch(items: Iterator, depth: int = 2) -> Iterator:
    """Iterate `items` in a background thread, `depth` ahead, so Slack I/O overlaps DB writes.

    Errors raised by the producer are re-raised here, in order; nothing is silently dropped.
    Closing the consumer early stops the producer at its next item.
    """
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce():
        try:
            for item in items:
                if stop.is_set():
                    return
                q.put((item, None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            q.put((None, exc))
            return
        q.put((done, None))

    worker = threading.Thread(target=produce, daemon=True, name="prefetch")
    worker.start()
    try:
        while True:
            item, exc = q.get()
            if exc is not None:
                raise exc
            if item is done:
                return
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            try:
                q.get_nowait()
            except queue.Empty:
                worker.join(0.05)
