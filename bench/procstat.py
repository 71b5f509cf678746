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


class Steal:
    """Share of the machine's CPU time the hypervisor gave to others (steal) between start and
    stop, from /proc/stat; on a shared VM it explains much of the run-to-run spread."""

    def __init__(self):
        self.start = self._read()

    @staticmethod
    def _read() -> tuple[int, int]:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return 0, 0
        return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])

    def percent(self) -> float:
        steal, total = self._read()
        d_total = total - self.start[1]
        return 100.0 * (steal - self.start[0]) / d_total if d_total > 0 else 0.0
