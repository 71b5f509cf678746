"""CPU accounting shared by the benches: ours, our children's, and other processes' (Linux /proc)."""

from __future__ import annotations

import os
import resource
from pathlib import Path


def cpu_seconds(pid: int | None) -> float:
    """User+system CPU seconds of a process so far (0 if it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, IndexError, ValueError):
        return 0.0


def children_cpu() -> float:
    """CPU seconds of this process's finished (joined) children."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def mariadb_pid() -> int | None:
    """The local MariaDB/MySQL server's pid, to read its CPU time."""
    for d in Path("/proc").iterdir():
        try:
            if d.name.isdigit() and (d / "comm").read_text().strip() in ("mariadbd", "mysqld"):
                return int(d.name)
        except OSError:
            continue
    return None
