"""message-miner: for each mined channel, Slack history since its watermark minus a lookback
window -> raw archive (reconciling edits and deletions) -> thread replies -> beatdowns.

Each page is committed together with the cursor that follows it, so a killed run resumes on
the page where it stopped, in the same pass (the pass id is what deletion reconciliation uses).
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import text

from miner import archive, constants
from miner.app import App
from miner.db import upsert, utcnow
from miner.registry import Region, get_region
from miner.slack import Slack, SlackError

log = logging.getLogger("miner.mine")
THREAD_BATCH = 50
FATAL_CODES = {"invalid_auth", "token_revoked", "token_expired", "account_inactive", "not_authed", "missing_scope"}


class MineError(Exception):
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


def fetch_threads(slack: Slack, channel_id: str, parents: list[dict]) -> Iterator[tuple[dict, list]]:
    """(parent, thread) in order; a few threads are fetched at once (each call still honours 429s)."""

    def one(parent):
        try:
            return parent, slack.fetch_replies(channel_id, parent["ts"])
        except SlackError as exc:
            if exc.code != "thread_not_found":
                raise
            return parent, []

    if len(parents) < 2 or constants.THREAD_FETCH_WORKERS < 2:
        yield from map(one, parents)
        return
    with ThreadPoolExecutor(constants.THREAD_FETCH_WORKERS, thread_name_prefix="replies") as pool:
        yield from pool.map(one, parents)


def mined_channels(conn, region: Region) -> list[dict]:
    """Backblast channels, plus channels an admin marked as region/help (Slack activity)."""
    rows = conn.execute(text(
        "SELECT a.channel_id, a.ao, a.archived, a.backblast, s.last_complete FROM aos a "
        "LEFT JOIN channel_state s ON s.channel_id = a.channel_id "
        "WHERE a.backblast = 1 OR a.kind IN ('region', 'help') OR a.channel_id = :firstf ORDER BY a.ao"
    ), {"firstf": region.firstf_channel or ""}).mappings()
    # an archived channel that was read to the end once does not change any more
    return [dict(r) for r in rows if not (r["archived"] and r["last_complete"])]


def window_start(state: dict | None, since, lookback_days: int, tz: ZoneInfo) -> str:
    if since is not None:
        return archive.ts_from_datetime(datetime.combine(since, time.min, tzinfo=tz))
    if state and state.get("watermark_ts"):
        return f"{max(0.0, float(state['watermark_ts']) - lookback_days * 86400):.6f}"
    return "0"


def load_state(conn, channel_id: str) -> dict | None:
    row = conn.execute(text(
        "SELECT channel_id, watermark_ts, pass_id, pass_oldest, pass_cursor FROM channel_state WHERE channel_id = :c"
    ), {"c": channel_id}).mappings().first()
    return dict(row) if row else None


def save_state(conn, channel_id: str, **values) -> None:
    upsert(conn, "channel_state", [{"channel_id": channel_id, **values}], ["channel_id"])


def mine_channel(eng, slack: Slack, channel_id: str, since, lookback_days: int, tz: ZoneInfo) -> dict:
    counts = {"messages": 0, "new": 0, "changed": 0, "deleted": 0, "replies": 0, "threads": 0}
    with eng.begin() as conn:
        state = load_state(conn, channel_id)
        oldest = window_start(state, since, lookback_days, tz)
        resume = bool(state and state["pass_id"] and state["pass_oldest"] is not None and state["pass_oldest"] <= oldest)
        if resume:
            pass_id, oldest, cursor = state["pass_id"], state["pass_oldest"], state["pass_cursor"]
        else:
            pass_id, cursor = uuid.uuid4().hex, None
            save_state(conn, channel_id, pass_id=pass_id, pass_oldest=oldest, pass_cursor=None, pass_started=utcnow())
    try:
        for messages, next_cursor in prefetch(slack.fetch_history(channel_id, oldest, cursor)):
            with eng.begin() as conn:
                page = archive.save_messages(conn, channel_id, messages, pass_id)
                save_state(conn, channel_id, pass_cursor=next_cursor or None)
            for k in ("messages", "new", "changed"):
                counts[k] += page[k]
    except SlackError as exc:
        if exc.code != "invalid_cursor" or not cursor:
            raise
        with eng.begin() as conn:  # the saved cursor expired: start this pass again from the top
            save_state(conn, channel_id, pass_cursor=None)
        return mine_channel(eng, slack, channel_id, since, lookback_days, tz)
    with eng.begin() as conn:
        counts["deleted"] += archive.mark_missing_deleted(conn, channel_id, oldest, pass_id)
    with eng.connect() as conn:
        parents = archive.threads_to_sync(conn, channel_id, oldest)
    batch: list[tuple[dict, list]] = []
    for i, item in enumerate(prefetch(fetch_threads(slack, channel_id, parents), depth=THREAD_BATCH)):
        batch.append(item)
        if len(batch) >= THREAD_BATCH or i == len(parents) - 1:
            with eng.begin() as conn:  # one commit per batch of threads, not per thread
                t = archive.save_threads(conn, channel_id, batch)
            counts["threads"] += len(batch)
            counts["replies"] += t["new"] + t["changed"]
            counts["deleted"] += t["deleted"]
            batch = []
    with eng.begin() as conn:
        newest = conn.execute(text("SELECT MAX(ts) FROM messages WHERE channel_id = :c AND source = 'api'"),
                              {"c": channel_id}).scalar()
        if state and state.get("watermark_ts") and (newest is None or state["watermark_ts"] > newest):
            newest = state["watermark_ts"]
        save_state(conn, channel_id, watermark_ts=newest, pass_id=None, pass_oldest=None, pass_cursor=None,
                   last_complete=utcnow())
    return counts


def mine_region(app: App, region_name: str, since=None, lookback_days: int | None = None, parse: bool = True) -> dict:
    """Mine every mined channel of a region, then build beatdowns from what changed."""
    from miner.beatdowns import build_beatdowns
    from miner.feedback import send_feedback

    region = get_region(app.db, region_name)
    if not region.scrape_backblasts:
        raise MineError(f"region {region_name} has scrape_backblasts off")
    lookback = lookback_days if lookback_days is not None else app.lookback_days(region)
    tz = ZoneInfo(region.timezone)
    slack = app.slack(region)
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        channels = mined_channels(conn, region)
        known = conn.execute(text("SELECT COUNT(*) FROM aos")).scalar()
    if not known:
        raise MineError(f"no channels known for {region_name}: run `paxminer channels --region {region_name}` first")
    total = {"channels": len(channels), "messages": 0, "new": 0, "changed": 0, "deleted": 0, "replies": 0,
             "threads": 0, "channel_errors": 0}
    errors = []
    for ch in channels:
        try:
            c = mine_channel(eng, slack, ch["channel_id"], since, lookback, tz)
        except SlackError as exc:
            if exc.code in FATAL_CODES:
                raise
            errors.append(f"#{ch['ao']}: {exc}")
            log.warning("%s: #%s: %s", region_name, ch["ao"], exc)
            continue
        for k, v in c.items():
            total[k] += v
    total["channel_errors"] = len(errors)
    total["errors"] = errors
    total.update(backblasts=0, problems=0, duplicates=0, parsed=0, feedback=0)
    if parse:
        built = build_beatdowns(app, region)
        total.update(backblasts=built["backblasts"], problems=built["problems"], duplicates=built["duplicates"],
                     parsed=built["messages"])
        total["feedback"] = send_feedback(eng, region, slack)["sent"]
    total["api_calls"] = sum(slack.calls.values())
    total["retries"] = dict(slack.retries)
    if errors and len(errors) == len(channels):
        raise MineError(f"{region_name}: every channel failed; first: {errors[0]}")
    return total


