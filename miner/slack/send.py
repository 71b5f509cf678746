"""The one way PAXminer sends anything to Slack: feedback and outreach DMs, achievement
announcements, charts and run reports all go through `Deliverer`.

Every delivery has a key naming what it is (`feedback:C1:1700000000.000100:<hash>`,
`chart:leaderboard:2024-03:C9`, ...) and a row in the region's `deliveries` table. A send is:

1. record the intent (status 'sending', committed) with the conversation it goes to;
2. send: chat.postMessage carrying the key in our message metadata (event_type
   `paxminer_delivery`), or for a file: files.getUploadURLExternal (its file ID recorded), the
   bytes, then files.completeUploadExternal, which shares it;
3. record the result: 'sent' (with the message ts), or 'failed' when Slack refused it.

Nothing is ever sent twice blindly. The write client retries only what surely did not arrive
(429, connection refused: miner.slack.client.WriteRetryHandler). When the outcome is unknown (the
answer timed out after the request went out, a 5xx, a dropped connection, or a run that died or
lost its database between sending and recording), the conversation is read back first: a
message with our key in its metadata, or the message sharing our file ID, means it went out and is
recorded as sent; only if it is not there is it sent again. If it cannot be checked (Slack away,
no history scope), it is left for a later run and never resent on a guess ('unknown').

Tests stop a send at each point (fault_hook, or $PAXMINER_FAULT=<point> to kill the process):
intent (recorded, not sent), upload_url (file ID recorded, not shared), sent (Slack answered,
not recorded), record (the result being recorded: the database may be away), recorded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import socket
import threading
import time
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from miner.core.db import ensure_tables, utcnow, with_retries
from miner.core.locks import pid_alive
from miner.slack.client import Slack, SlackError

log = logging.getLogger("miner.slack.send")

POINTS = ("intent", "upload_url", "sent", "record", "recorded")
FAULT_ENV = "PAXMINER_FAULT"  # tests: "<point>" kills this process (SIGKILL) the first time a send reaches it
fault_hook: Callable[[str, str], None] | None = None  # tests: called with (point, key) at each point
RECORD_WAITS = (1, 2, 4, 8)  # seconds between attempts to record a result while the database is away
SETTLE_WAITS = (0.5, 2.0)  # after an unknown outcome: look for the message after each of these pauses
LOOK_BACK = 600  # seconds before an attempt that a search of the conversation starts from (clock skew)
# Slack's answers that mean "not sent" yet may go through later: the write was not accepted
UNKNOWN_CODES = {"timeout", "connection", "not_json", "request", "fake_internal_error", "internal_error"}
KEY_WIDTH = 191
STALE_SECONDS = 600  # a 'sending' row of another host's process is taken over after this long
_in_flight: set[str] = set()  # keys this process is sending right now
_flight_lock = threading.Lock()


def owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:255]


def busy(row: dict) -> bool:
    """Is a live process sending this delivery right now? (then it is left alone: never sent twice)"""
    host, _, pid = (row.get("owner") or "").rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        if int(pid) == os.getpid():
            with _flight_lock:
                return row["delivery_key"] in _in_flight
        return pid_alive(int(pid))
    return time.time() - float(row.get("attempt_at") or 0) < STALE_SECONDS


def checkpoint(point: str, key: str) -> None:
    """A named point of a send, where tests stop the process or the database."""
    if fault_hook is not None:
        fault_hook(point, key)
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def delivery_key(*parts) -> str:
    """A delivery key from its parts; long ones keep a readable head and a hash of the whole."""
    key = ":".join(str(p) for p in parts)
    if len(key) <= KEY_WIDTH:
        return key
    return key[:KEY_WIDTH - 41] + "#" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Delivery:
    """What became of one send: sent (now), already (sent before), failed (Slack refused it; a later
    run may try again), gave_up (failed too often), unknown (may have gone out; checked later)."""

    status: str
    channel: str | None = None
    ts: str | None = None
    error: str | None = None
    attempts: int = 0
    settled: bool = False  # found in Slack after an unknown outcome, not sent again

    @property
    def ok(self) -> bool:
        return self.status in ("sent", "already")


class Deliverer:
    """Sends through a region's `deliveries` table; `slack` is a Slack or a function making one when needed."""

    def __init__(self, eng: Engine, slack, max_attempts: int | None = None):
        self.eng = eng
        ensure_tables(eng, "deliveries")  # a region schema made before the table existed gets it
        self._slack = slack
        self.max_attempts = max_attempts
        self.counts = {"sent": 0, "already": 0, "failed": 0, "gave_up": 0, "unknown": 0, "settled": 0}

    @property
    def slack(self) -> Slack:
        if callable(self._slack) and not isinstance(self._slack, Slack):
            self._slack = self._slack()
        return self._slack

    # -- the two kinds of sends ---------------------------------------------------------------------
    def message(self, key: str, kind: str, body: str, *, channel: str | None = None, user: str | None = None,
                max_attempts: int | None = None, **extra) -> Delivery:
        """Post `body` once to `channel`, or by DM to `user`."""

        def send(conv: str) -> str:
            return self.slack.post_message(conv, body, key=key, **extra)

        return self._deliver(key, kind, "message", channel, user, max_attempts, send)

    def file(self, key: str, kind: str, content: bytes, filename: str, title: str, comment: str, *,
             channel: str | None = None, user: str | None = None, max_attempts: int | None = None) -> Delivery:
        """Share a file once in `channel`, or by DM to `user`."""

        def send(conv: str) -> str:
            url, file_id = self.slack.upload_start(filename, len(content))
            self._update(key, file_id=file_id)  # before it can be shared: how we find it again
            checkpoint("upload_url", key)
            self.slack.upload_bytes(url, content)
            self.slack.upload_complete(file_id, title, conv, comment)
            return ""

        return self._deliver(key, kind, "file", channel, user, max_attempts, send)

    # -- the protocol ---------------------------------------------------------------------------------
    def _deliver(self, key, kind, medium, channel, user, max_attempts, send) -> Delivery:
        key = delivery_key(key)
        cap = max_attempts if max_attempts is not None else self.max_attempts
        row = self._row(key)
        if row is not None and row["status"] == "sent":
            return self._count(Delivery("already", row["channel_id"], row["ts"], attempts=row["attempts"]))
        if row is not None and row["status"] == "sending" and busy(row):
            return self._count(Delivery("unknown", row["channel_id"], error="another process is sending it now",
                                        attempts=row["attempts"]))
        if row is not None and row["status"] in ("sending", "unknown"):  # an earlier outcome is not known: ask Slack
            found = self._look(row)
            if found is None:
                return self._count(Delivery("unknown", row["channel_id"], error="cannot check whether it was sent yet",
                                            attempts=row["attempts"]))
            if found:
                self._record(key, "sent", ts=found)
                return self._count(Delivery("already", row["channel_id"], found, attempts=row["attempts"], settled=True))
        if row is not None and row["status"] in ("failed", "gave_up") and cap is not None and row["attempts"] >= cap:
            if row["status"] != "gave_up":
                self._record(key, "gave_up", error=row["error"])
            return self._count(Delivery("gave_up", row["channel_id"], error=row["error"], attempts=row["attempts"]))
        conv = channel = channel or None
        if conv is None:
            try:
                conv = self.slack.open_dm(user)
            except SlackError as exc:  # nothing was sent: a definite failure
                return self._failed(key, kind, medium, user, row, None, exc, cap)
        attempts = self._claim(key, kind, medium, channel or user, conv, row)
        if attempts is None:
            return self._count(Delivery("unknown", conv, error="another run is sending it"))
        with _flight_lock:
            _in_flight.add(key)
        try:
            checkpoint("intent", key)
            try:
                ts = send(conv)
            except SlackError as exc:
                if exc.code in UNKNOWN_CODES or exc.code.startswith("http_5"):
                    return self._unknown(key, conv, attempts, exc)
                return self._failed(key, kind, medium, channel or user, {"attempts": attempts}, conv, exc, cap)
            checkpoint("sent", key)
            self._record(key, "sent", ts=ts or None)  # a file's message ts is not known: not needed
            checkpoint("recorded", key)
            return self._count(Delivery("sent", conv, ts or None, attempts=attempts))
        finally:
            with _flight_lock:
                _in_flight.discard(key)

    def _unknown(self, key: str, conv: str, attempts: int, exc: SlackError) -> Delivery:
        """The write may have gone out: look for it (a few times) before deciding anything."""
        log.info("%s: outcome unknown (%s); looking it up in the conversation", key, exc)
        for pause in SETTLE_WAITS:
            time.sleep(pause)
            found = self._look(self._row(key))
            if found:
                self._record(key, "sent", ts=found)
                checkpoint("recorded", key)
                return self._count(Delivery("sent", conv, found, attempts=attempts, settled=True))
        self._record(key, "unknown", error=str(exc)[:1000])
        return self._count(Delivery("unknown", conv, error=str(exc), attempts=attempts))

    def _failed(self, key, kind, medium, to, row, conv, exc: SlackError, cap) -> Delivery:
        attempts = (row or {}).get("attempts") or 0
        status = "gave_up" if cap is not None and attempts >= cap else "failed"
        if row is None:  # nothing recorded yet (the DM could not be opened)
            self._insert(key, kind, medium, to, conv, status, 0, error=str(exc)[:1000])
        else:
            self._record(key, status, error=str(exc)[:1000], channel=conv)
        log.info("%s not sent (%s): %s", key, status, exc)
        return self._count(Delivery(status, conv, error=str(exc), attempts=attempts))

    def _look(self, row: dict) -> str | None | bool:
        """Is this delivery in its conversation? its ts; False if surely not; None if it cannot be told."""
        if not row.get("channel_id"):
            return False
        is_file = row["medium"] == "file"
        if is_file and not row.get("file_id"):
            return False  # the file never got an ID: it cannot have been shared
        oldest = f"{max(0.0, float(row.get('attempt_at') or 0) - LOOK_BACK):.6f}"
        try:
            ts = self.slack.find_delivery(row["channel_id"], oldest, key=None if is_file else row["delivery_key"],
                                          file_id=row["file_id"] if is_file else None)
        except SlackError as exc:
            log.info("%s: cannot tell whether it was sent (%s); left for a later run", row["delivery_key"], exc)
            return None
        if ts:
            self.counts["settled"] += 1
            return ts
        return False

    # -- the table --------------------------------------------------------------------------------------
    def _row(self, key: str) -> dict | None:
        with self.eng.connect() as conn:
            row = conn.execute(text(
                "SELECT delivery_key, kind, medium, recipient, channel_id, status, attempts, ts, file_id, attempt_at, "
                "owner, error "
                "FROM deliveries WHERE delivery_key = :k"), {"k": key}).mappings().first()
        return dict(row) if row is not None else None

    def _insert(self, key, kind, medium, to, conv, status, attempts, error=None) -> bool:
        now = utcnow()
        try:
            with self.eng.begin() as conn:
                conn.execute(text(
                    "INSERT INTO deliveries (delivery_key, kind, medium, recipient, channel_id, status, attempts, "
                    "attempt_at, owner, error, created_at, updated_at) "
                    "VALUES (:k, :kind, :m, :to, :c, :s, :a, :at, :o, :e, :now, :now)"),
                    {"k": key, "kind": kind[:32], "m": medium, "to": (to or "")[:45], "c": conv, "s": status, "a": attempts,
                     "at": f"{time.time():.6f}", "o": owner(), "e": error, "now": now})
            return True
        except IntegrityError:
            return False

    def _claim(self, key, kind, medium, to, conv, row) -> int | None:
        """Record the intent (committed before anything is sent); None if another run got there first."""
        if row is None:
            return 1 if self._insert(key, kind, medium, to, conv, "sending", 1) else None
        with self.eng.begin() as conn:
            res = conn.execute(text(
                "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, channel_id = :c, file_id = NULL, "
                "attempt_at = :at, owner = :o, updated_at = :now "
                "WHERE delivery_key = :k AND status = :was AND attempts = :n"),
                {"c": conv, "at": f"{time.time():.6f}", "o": owner(), "now": utcnow(), "k": key, "was": row["status"],
                 "n": row["attempts"]})
        return row["attempts"] + 1 if res.rowcount == 1 else None

    def _update(self, key: str, **values) -> None:
        sets = ", ".join(f"{k} = :{k}" for k in values)
        with self.eng.begin() as conn:
            conn.execute(text(f"UPDATE deliveries SET {sets}, updated_at = :now WHERE delivery_key = :key"),
                         {**values, "now": utcnow(), "key": key})

    def _record(self, key: str, status: str, ts: str | None = None, error: str | None = None,
                channel: str | None = None) -> None:
        """The result, retried while the database is away; if it stays away the row stays 'sending'
        and the next run settles it by asking Slack (never by sending again)."""

        def write():
            checkpoint("record", key)
            now = utcnow()
            with self.eng.begin() as conn:
                conn.execute(text(
                    "UPDATE deliveries SET status = :s, ts = COALESCE(:ts, ts), error = :e, "
                    "channel_id = COALESCE(:c, channel_id), updated_at = :now, sent_at = :sent WHERE delivery_key = :k"),
                    {"s": status, "ts": ts, "e": error, "c": channel, "now": now,
                     "sent": now if status == "sent" else None, "k": key})

        with_retries(write, f"recording delivery {key}", waits=RECORD_WAITS)

    def _count(self, d: Delivery) -> Delivery:
        self.counts[d.status] += 1
        return d
