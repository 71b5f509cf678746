"""Forked worker processes (mine's channel miners, daily's region processes): when it is safe to
fork, and children that never outlive their parent."""

from __future__ import annotations

import multiprocessing
import signal
import threading


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
