"""The run log: one row per step per region (started, finished, status, counts, error)."""

from __future__ import annotations

import json
import socket
import uuid
from contextlib import contextmanager

from sqlalchemy import text

from miner.core.db import Database, utcnow


def new_run_id() -> str:
    return uuid.uuid4().hex[:16]


@contextmanager
def logged_step(db: Database, region: str, step: str, run_id: str | None = None):
    """Record a step; yields a dict the step fills with counts. Errors are recorded, then re-raised."""
    counts: dict = {}
    db.ensure_schema(db.control_schema, "control")
    eng = db.engine(db.control_schema)
    with eng.begin() as conn:
        res = conn.execute(
            text("INSERT INTO run_log (run_id, region, step, host, started, status) VALUES (:run, :region, :step, :host, :started, 'running')"),
            {"run": run_id or new_run_id(), "region": region, "step": step, "host": socket.gethostname(), "started": utcnow()},
        )
        row_id = res.lastrowid
    status, error = "ok", None
    try:
        yield counts
    except BaseException as exc:
        status, error = "failed", str(exc).splitlines()[0][:1000] if str(exc) else type(exc).__name__
        raise
    finally:
        with eng.begin() as conn:
            conn.execute(
                text("UPDATE run_log SET finished = :f, status = :s, counts = :c, error = :e WHERE id = :id"),
                {"f": utcnow(), "s": status, "c": json.dumps(counts, default=str), "e": error, "id": row_id},
            )


def recent(db: Database, region: str | None = None, limit: int = 50) -> list[dict]:
    sql = "SELECT run_id, region, step, host, started, finished, status, counts, error FROM run_log"
    params: dict = {"n": limit}
    if region:
        sql += " WHERE region = :r"
        params["r"] = region
    with db.engine(db.control_schema).connect() as conn:
        return [dict(r) for r in conn.execute(text(sql + " ORDER BY id DESC LIMIT :n"), params).mappings()]
