"""Where charts go: an outbox folder, or Slack through miner.slack with once-only bookkeeping.

Slack delivery keeps one `chart_deliveries` row per (kind, month, recipient). Before drawing,
`pending()` drops what was already sent (one query), so a rerun of the same month draws and
posts nothing twice. Each delivery claims its row (-> sending) with a conditional UPDATE, then
shares the PNG through miner.slack.send (key `chart:<kind>:<month>:<recipient>`; DMs: conversations.open
first), and marks the row sent, or failed with the error. A failed recipient is logged (INFO, and in
its row's error column) and retried by a later run; it never stops the others; the caller reports
failures in its summary. A row left 'sending' by a run that died (or 'unknown': the upload's answer
never came) is taken up by the next run, whose deliverer looks for the file in the conversation
before uploading it again: a chart is never posted twice. Runs that post hold the region's lock.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from miner.core.db import upsert, utcnow
from miner.slack.client import Slack, SlackError
from miner.slack.send import Deliverer, delivery_key

log = logging.getLogger("charters.delivery")


@dataclass
class Chart:
    """One chart for one recipient: what to draw, where it goes, and what it says."""

    kind: str  # bookkeeping kind: pax, q, q-region, ao, fng, leaderboard, ao-leaderboard, activity, heard
    recipient: str  # user ID (dm=True) or channel ID
    title: str
    filename: str
    comment: str
    plot: str  # a plots.Renderer plot name
    data: object  # the DataFrame (or tuple of frames) the plot draws
    options: dict = field(default_factory=dict)
    dm: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.recipient)

    @property
    def item(self) -> tuple:
        return (self.plot, self.data, self.options)


@dataclass
class Tally:
    charted: int = 0
    posted: int = 0
    skipped: int = 0  # already sent (or being sent by another run)
    failed: int = 0
    gave_up: int = 0  # failed too often; only an explicit `paxminer chart` tries again
    errors: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {"charted": self.charted, "posted": self.posted, "skipped": self.skipped, "failed": self.failed,
                "gave_up": self.gave_up, "errors": self.errors[:20], "written": len(self.written)}


def slug(s: str, width: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-")[:width] or "x"


class Outbox:
    """Write PNGs under DIR/<region>/ (plus an index of titles and comments); post nothing."""

    def __init__(self, root: str | Path, region: str, period_key: str):
        self.dir = Path(root) / slug(region, 64)
        self.period_key = period_key
        self.index: list[dict] = []

    def pending(self, charts: list[Chart], tally: Tally) -> list[Chart]:
        return charts

    def deliver(self, chart: Chart, png: bytes, tally: Tally) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir / chart.filename
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(png)
        tmp.replace(path)
        tally.written.append(str(path))
        self.index.append({"file": chart.filename, "kind": chart.kind, "recipient": chart.recipient, "dm": chart.dm,
                           "title": chart.title, "comment": chart.comment})

    def failed(self, chart: Chart, error: str, tally: Tally) -> None:
        tally.failed += 1
        tally.errors.append(f"{chart.kind} {chart.recipient}: {error}")
        log.info("chart %s for %s not written: %s", chart.kind, chart.recipient, error)

    def close(self) -> None:
        if self.index:
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / f"{self.period_key}-index.json").write_text(json.dumps(self.index, indent=1), encoding="utf-8")


class SlackPoster:
    """Post to Slack once per (kind, month, recipient), recording every attempt."""

    def __init__(self, engine: Engine, slack: Slack, period_key: str, max_attempts: int | None = None):
        self.engine, self.slack, self.month = engine, slack, period_key
        self.max_attempts = max_attempts
        self.deliverer = Deliverer(engine, slack)

    def pending(self, charts: list[Chart], tally: Tally) -> list[Chart]:
        """The charts still to post: not sent, not given up. Registers new rows."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT kind, recipient, status, attempts, updated_at FROM chart_deliveries WHERE month = :m"),
                {"m": self.month},
            ).mappings().all()
        known = {(r["kind"], r["recipient"]): r for r in rows}
        todo, new = [], []
        for c in charts:
            row = known.get(c.key)
            if row is None:
                new.append(c)
            elif row["status"] == "sent":
                tally.skipped += 1
                continue
            elif self.max_attempts is not None and row["status"] in ("failed", "unknown") \
                    and row["attempts"] >= self.max_attempts:
                tally.gave_up += 1
                continue
            todo.append(c)
        if new:
            now = utcnow()
            with self.engine.begin() as conn:
                upsert(conn, "chart_deliveries", [
                    {"kind": c.kind, "month": self.month, "recipient": c.recipient, "title": c.title[:255],
                     "status": "pending", "attempts": 0, "created_at": now, "updated_at": now} for c in new
                ], ["kind", "month", "recipient"], update=[])
        return todo

    def _claim(self, chart: Chart) -> bool:
        with self.engine.begin() as conn:
            res = conn.execute(text(
                "UPDATE chart_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = :now"
                " WHERE kind = :kind AND month = :month AND recipient = :recipient"
                " AND status IN ('pending', 'failed', 'sending', 'unknown')"
            ), {"now": utcnow(), "kind": chart.kind, "month": self.month, "recipient": chart.recipient})
            return res.rowcount == 1

    def _finish(self, chart: Chart, status: str, channel: str | None = None, error: str | None = None) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(text(
                "UPDATE chart_deliveries SET status = :status, channel_id = COALESCE(:channel, channel_id),"
                " error = :error, updated_at = :now, sent_at = :sent"
                " WHERE kind = :kind AND month = :month AND recipient = :recipient"
            ), {"status": status, "channel": channel, "error": error, "now": now,
                "sent": now if status == "sent" else None,
                "kind": chart.kind, "month": self.month, "recipient": chart.recipient})

    def deliver(self, chart: Chart, png: bytes, tally: Tally) -> None:
        if not self._claim(chart):
            tally.skipped += 1
            return
        key = delivery_key("chart", chart.kind, self.month, chart.recipient)
        try:
            d = self.deliverer.file(key, "chart", png, chart.filename, chart.title, chart.comment,
                                    channel=None if chart.dm else chart.recipient, user=chart.recipient if chart.dm else None)
        except Exception as exc:  # noqa: BLE001 - one recipient's failure never stops the rest
            error = str(exc) if isinstance(exc, SlackError) else f"{type(exc).__name__}: {exc}"
            self.failed(chart, error.splitlines()[0] if error else type(exc).__name__, tally, claimed=True)
            return
        if d.status == "unknown":  # it may be in Slack: the next run looks before uploading again
            self._finish(chart, "unknown", channel=d.channel, error=(d.error or "")[:1000])
            tally.failed += 1
            tally.errors.append(f"{chart.kind} {chart.recipient}: not known whether it was posted: {d.error}")
            return
        if not d.ok:
            self.failed(chart, (d.error or d.status).splitlines()[0], tally, claimed=True, channel=d.channel)
            return
        self._finish(chart, "sent", channel=d.channel)
        if d.status == "sent":
            tally.posted += 1
        else:  # an earlier run posted it (and died before recording it here)
            tally.skipped += 1

    def failed(self, chart: Chart, error: str, tally: Tally, claimed: bool = False, channel: str | None = None) -> None:
        """Record a failure for this recipient (a later run retries it) and carry on."""
        if claimed or self._claim(chart):
            self._finish(chart, "failed", channel=channel, error=error[:1000])
        tally.failed += 1
        tally.errors.append(f"{chart.kind} {chart.recipient}: {error}")
        log.info("chart %s for %s not posted (retried on a later run): %s", chart.kind, chart.recipient, error)

    def close(self) -> None:
        pass
