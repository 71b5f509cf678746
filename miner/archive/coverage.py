"""What the listener saw, so the nightly mine reads history only where it did not.

`paxminer listen` records, per region, the periods its Socket Mode connection was up (control
table `listen_coverage`, epoch seconds; the open period's `ended` moves with a heartbeat). A
period counts as covering its span shrunk by EDGE_SECONDS at each end (events around a connect or
a drop); a period whose heartbeat is recent counts as still open. `mine` then reads only the gaps:
the listener down, a reconnect, a channel it never saw. Once every `full_pass_days` (and whenever
no pass has been recorded) mine reads the whole lookback window instead, to catch what Slack never
delivered (edits and deletions of older posts, replies while the listener was down).
"""

from __future__ import annotations

import math
import time

from sqlalchemy import text

from miner.core.db import Database, upsert

EDGE_SECONDS = 60.0  # a period covers [started + EDGE, ended - EDGE]
LIVE_SECONDS = 45.0  # a period whose `ended` is this recent is still open (heartbeat: listen.HEARTBEAT)


def record_period(db: Database, regions: list[str], started: float, ended: float, host: str) -> None:
    """Create or extend one connected period for each region (one statement per call)."""
    if not regions:
        return
    rows = [{"region": r, "started": started, "ended": ended, "host": host} for r in regions]
    with db.engine(db.control_schema).begin() as conn:
        upsert(conn, "listen_coverage", rows, ["region", "started"], update=["ended", "host"])


def periods(db: Database, region: str) -> list[tuple[float, float]]:
    with db.engine(db.control_schema).connect() as conn:
        return [(float(r.started), float(r.ended)) for r in conn.execute(text(
            "SELECT started, ended FROM listen_coverage WHERE region = :r ORDER BY started"), {"r": region})]


def covered(spans: list[tuple[float, float]], now: float | None = None, edge: float | None = None,
            live: float | None = None) -> list[tuple[float, float]]:
    """Connected periods -> the spans they cover, merged (the open one runs to infinity)."""
    now = time.time() if now is None else now
    edge = EDGE_SECONDS if edge is None else edge
    live = LIVE_SECONDS if live is None else live
    merged: list[list[float]] = []  # overlapping periods (a new connection before the old one closed) are one
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        a, b = s + edge, (math.inf if now - e <= live else e - edge)
        if b > a:
            out.append((a, b))
    return out


def gaps(start: float, end: float, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of [start, end] outside the covered spans (sorted, merged), in time order."""
    out, at = [], start
    for a, b in spans:
        if b <= at:
            continue
        if a >= end:
            break
        if a > at:
            out.append((at, min(a, end)))
        at = max(at, b)
        if at >= end:
            break
    if at < end:
        out.append((at, end))
    return out


def last_full_pass(db: Database, region: str) -> float | None:
    with db.engine(db.control_schema).connect() as conn:
        v = conn.execute(text("SELECT last_full_pass FROM region_full_passes WHERE region = :r"), {"r": region}).scalar()
    return None if v is None else float(v)


def mark_full_pass(db: Database, region: str, when: float) -> None:
    with db.engine(db.control_schema).begin() as conn:
        upsert(conn, "region_full_passes", [{"region": region, "last_full_pass": when}], ["region"])


def plan(db: Database, region: str, full_pass_days: int, now: float | None = None) -> list[tuple[float, float]] | None:
    """None: mine reads each channel's whole window (no listener coverage, or a full pass is due);
    else the covered spans to leave out."""
    now = time.time() if now is None else now
    spans = periods(db, region)
    if not spans:
        return None
    last = last_full_pass(db, region)
    if last is None or now - last >= full_pass_days * 86400:
        return None
    return covered(spans, now)
