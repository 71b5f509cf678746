"""The run log: one row per step per region (started, finished, status, counts, error).

A row is 'running' while its step runs. Its end is recorded even when the database went away
mid-step: the final update is retried for a while, and if the database is still away it is kept
and written before this process's next step. A row whose process died without recording its end
(killed, or the database never came back) is shown, and then recorded, as 'died': its process is
gone from this host, or (another host's) it has been running longer than STALE_HOURS.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from sqlalchemy import text

from miner.core.db import Database, utcnow, with_retries
from miner.core.errors import one_line

log = logging.getLogger("miner.core.runlog")
FINISH_WAITS = (1, 2, 4, 8)  # seconds between attempts to record a step's end while the database is away
STALE_HOURS = 24  # another host's row still 'running' after this long: its run died
_unfinished: list[tuple[Database, dict]] = []  # ends not recorded yet (the database was away)
_unfinished_lock = threading.Lock()


def new_run_id() -> str:
    return uuid.uuid4().hex[:16]


def _finish(db: Database, params: dict) -> None:
    with db.engine(db.control_schema).begin() as conn:
        conn.execute(
            text("UPDATE run_log SET finished = :f, status = :s, counts = :c, error = :e WHERE id = :id AND status = 'running'"),
            params,
        )


def flush_unfinished() -> None:
    """Record the ends that could not be written when their step ended."""
    with _unfinished_lock:
        todo = list(_unfinished)
        _unfinished.clear()
    for db, params in todo:
        try:
            _finish(db, params)
        except Exception:  # noqa: BLE001 - still away: keep it for the next step
            with _unfinished_lock:
                _unfinished.append((db, params))


@contextmanager
def logged_step(db: Database, region: str, step: str, run_id: str | None = None):
    """Record a step; yields a dict the step fills with counts. Errors are recorded, then re-raised.
    A step that sets counts["partial"] is recorded as 'partial' with its counts["missing"] as the error."""
    counts: dict = {}
    row_id = open_step(db, region, step, run_id)
    try:
        yield counts
    except BaseException as exc:
        close_step(db, region, step, row_id, counts, exc)
        raise
    close_step(db, region, step, row_id, counts)


def open_step(db: Database, region: str, step: str, run_id: str | None = None) -> int:
    """A step's run_log row, 'running' until close_step (a step that parks keeps it open across turns)."""
    db.ensure_schema(db.control_schema, "control")
    flush_unfinished()
    eng = db.engine(db.control_schema)
    with eng.begin() as conn:
        res = conn.execute(
            text("INSERT INTO run_log (run_id, region, step, host, started, status, counts) "
                 "VALUES (:run, :region, :step, :host, :started, 'running', :c)"),
            {"run": run_id or new_run_id(), "region": region, "step": step, "host": socket.gethostname(),
             "started": utcnow(), "c": json.dumps({"pid": os.getpid()})},
        )
        return res.lastrowid


def close_step(db: Database, region: str, step: str, row_id: int, counts: dict, exc: BaseException | None = None) -> None:
    """The step's end: ok, 'partial' (counts["partial"], its counts["missing"] as the error) or failed (exc)."""
    status, error = "ok", None
    if exc is not None:
        status, error = "failed", str(exc).splitlines()[0][:1000] if str(exc) else type(exc).__name__
    elif counts.get("partial"):  # done, but something was left for the next run (e.g. Slack's pace)
        status = "partial"
        error = "; ".join(str(m) for m in counts.get("missing") or [])[:1000] or None
    params = {"f": utcnow(), "s": status, "c": json.dumps(counts, default=str), "e": error, "id": row_id}
    try:
        with_retries(lambda: _finish(db, params), f"{region}: recording the end of {step}", waits=FINISH_WAITS)
    except Exception as err:  # noqa: BLE001 - never hide the step's own outcome behind the log's
        log.warning("%s: the end of step %s could not be recorded yet (%s); it will be", region, step, one_line(err))
        with _unfinished_lock:
            _unfinished.append((db, params))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def died(row: dict, host: str | None = None, now: datetime | None = None) -> bool:
    """A 'running' row whose process is gone: dead on this host, or running for over STALE_HOURS."""
    if row.get("status") != "running":
        return False
    host = host or socket.gethostname()
    try:
        pid = int(json.loads(row.get("counts") or "{}").get("pid"))
    except (TypeError, ValueError, AttributeError):
        pid = None
    if row.get("host") == host and pid is not None and pid != os.getpid():
        return not _pid_alive(pid)
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        started = datetime.strptime(str(row["started"])[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return False
    return now - started > timedelta(hours=STALE_HOURS)


def recent(db: Database, region: str | None = None, limit: int = 50) -> list[dict]:
    """The newest rows; a step whose process died without recording its end shows (and is recorded) as 'died'."""
    sql = "SELECT id, run_id, region, step, host, started, finished, status, counts, error FROM run_log"
    params: dict = {"n": limit}
    if not db.schema_exists(db.control_schema):
        return []
    if region:
        sql += " WHERE region = :r"
        params["r"] = region
    with db.engine(db.control_schema).connect() as conn:
        rows = [dict(r) for r in conn.execute(text(sql + " ORDER BY id DESC LIMIT :n"), params).mappings()]
    dead = [r for r in rows if died(r)]
    for r in dead:
        r["status"], r["error"] = "died", "the step's process ended without recording its end"
    if dead:
        try:
            with db.engine(db.control_schema).begin() as conn:
                conn.execute(text("UPDATE run_log SET status = 'died', error = :e WHERE id = :id AND status = 'running'"),
                             [{"e": r["error"], "id": r["id"]} for r in dead])
        except Exception as exc:  # noqa: BLE001 - shown as died either way
            log.info("could not record dead steps: %s", one_line(exc))
    for r in rows:
        r.pop("id", None)
    return rows
