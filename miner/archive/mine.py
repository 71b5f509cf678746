"""message-miner: for each mined channel, Slack history since its watermark minus a lookback
window -> raw archive (reconciling edits and deletions) -> thread replies -> beatdowns.

Each page is committed together with the cursor that follows it, so a killed run resumes on
the page where it stopped, in the same pass (the pass id is what deletion reconciliation uses).
New messages are parsed in the page's own transaction (beatdowns.Parser.parse_new) and their
beatdowns built when their channel is done, from the results in hand (beatdowns.resolve_fresh);
edited and deleted ones are re-parsed from the archive afterwards (beatdowns.build_beatdowns).
Channels can be mined in forked processes (`processes`); beatdowns are always built by the calling
process, which receives each channel's fresh results.
Under `daily` a mine parks instead of sleeping through a long wait for Slack's pace (MineCursor,
pace.Parked): what it read is stored, and its next turn resumes each channel where it stopped (a
pass whose history is read goes on with its threads: HISTORY_READ).
"""

from __future__ import annotations

import functools
import json
import logging
import multiprocessing
import os
import queue
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import text

from miner.app import App
from miner.archive import coverage
from miner.archive import store as archive
from miner.archive.forecast import Forecast, Tracker
from miner.core import constants
from miner.core.clock import midnight_ts
from miner.core.concurrency import die_with_parent, fork_safe, prefetch
from miner.core.db import ensure_tables, in_transaction, upsert, utcnow
from miner.core.errors import PaxminerError
from miner.core.registry import Region
from miner.slack.client import Slack, SlackError
from miner.slack.pace import Parked

log = logging.getLogger("miner.archive.mine")
THREAD_BATCH = 100
THREAD_COMMIT_S = 2.0  # a batch of threads is committed at least this often
PARSE_COUNTS = ("parsed", "backblasts", "problems")  # of new messages, parsed as they are stored
FATAL_CODES = {"invalid_auth", "token_revoked", "token_expired", "account_inactive", "not_authed", "missing_scope"}
# channel_state.pass_cursor of a pass whose history is read to the end and whose threads are not
# all read yet: a resumed pass goes straight to the threads (Slack's cursors never start with '~')
HISTORY_READ = "~threads"
HISTORY, REPLIES = "conversations.history", "conversations.replies"


class MineError(PaxminerError):
    pass


def fetch_threads(slack: Slack, channel_id: str, parents: list[dict]) -> Iterator[tuple[dict, list]]:
    """(parent, thread) in order; a few threads are fetched at once (each call still honours 429s)."""

    def one(parent):
        try:
            return parent, slack.fetch_replies(channel_id, parent["ts"])
        except SlackError as exc:
            if exc.code != "thread_not_found":
                raise
            return parent, []

    # one replies call of a workspace is in flight at a time anyway when Slack paces the method
    if len(parents) < 2 or constants.THREAD_FETCH_WORKERS < 2 or slack.pacer.spacing(REPLIES):
        yield from map(one, parents)
        return
    with ThreadPoolExecutor(constants.THREAD_FETCH_WORKERS, thread_name_prefix="replies") as pool:
        yield from pool.map(one, parents)


def pages(slack: Slack, items: Iterator) -> Iterator:
    """History pages read ahead in a background thread (prefetch) when Slack's pace does not space
    them; when it does, the next page is a slot away anyway and storing one takes milliseconds, so
    they are read here, and a region waiting for its slot keeps no extra thread."""
    return iter(items) if slack.pacer.spacing(HISTORY) else prefetch(items)


def mined_channels(conn, region: Region) -> list[dict]:
    """Backblast channels, plus channels an admin marked as region/help (Slack activity). Backblast
    channels come first: their beatdowns are built while the others are still being read."""
    rows = conn.execute(text(
        "SELECT a.channel_id, a.ao, a.archived, a.backblast, s.last_complete FROM aos a "
        "LEFT JOIN channel_state s ON s.channel_id = a.channel_id "
        "WHERE a.backblast = 1 OR a.kind IN ('region', 'help') OR a.channel_id = :firstf ORDER BY a.backblast DESC, a.ao"
    ), {"firstf": region.firstf_channel or ""}).mappings()
    # an archived channel that was read to the end once does not change any more
    return [dict(r) for r in rows if not (r["archived"] and r["last_complete"])]


def window_start(state: dict | None, since, lookback_days: int, tz: ZoneInfo) -> str:
    if since is not None:
        return midnight_ts(since, tz)
    if state and state.get("watermark_ts"):
        return f"{max(0.0, float(state['watermark_ts']) - lookback_days * 86400):.6f}"
    return "0"


def load_state(conn, channel_id: str) -> dict | None:
    row = conn.execute(text(
        "SELECT channel_id, watermark_ts, pass_id, pass_oldest, pass_cursor, pass_started, last_complete "
        "FROM channel_state WHERE channel_id = :c"
    ), {"c": channel_id}).mappings().first()
    return dict(row) if row else None


def save_state(conn, channel_id: str, **values) -> None:
    upsert(conn, "channel_state", [{"channel_id": channel_id, **values}], ["channel_id"])


def mine_channel(eng, slack: Slack, channel_id: str, since, lookback_days: int, tz: ZoneInfo, on_new=None,
                 track: Tracker | None = None) -> dict:
    """One channel's pass; on_new (beatdowns.Parser.parse_new) parses new messages as they are stored;
    track (forecast.Tracker) hears of each page and thread batch (the time-left estimate).
    When Slack's pace parks the caller (pace.Parked: `daily`), what was read is stored, the pass stays
    open where it stopped, and counts["parked"] says when to come back; calling again resumes it."""
    counts = {"messages": 0, "new": 0, "changed": 0, "deleted": 0, "replies": 0, "threads": 0,
              "parsed": 0, "backblasts": 0, "problems": 0, "pages": 0}

    def start(conn):  # newest: what the archive holds of this channel; a page newer than it is all new
        newest = conn.execute(text("SELECT MAX(ts) FROM messages WHERE channel_id = :c"), {"c": channel_id}).scalar()
        return (*begin(conn), newest)

    def begin(conn):
        state = load_state(conn, channel_id)
        oldest = window_start(state, since, lookback_days, tz)
        if state and state["pass_id"] and state["pass_oldest"] is not None and state["pass_oldest"] <= oldest:
            return state, state["pass_id"], state["pass_oldest"], state["pass_cursor"]  # resume that pass
        pass_id = uuid.uuid4().hex
        save_state(conn, channel_id, pass_id=pass_id, pass_oldest=oldest, pass_cursor=None, pass_started=utcnow())
        return state, pass_id, oldest, None

    state, pass_id, oldest, cursor, newest = in_transaction(eng, start)
    if track is not None:
        track.start(oldest)

    # a channel with nothing archived yet holds, as replies, only the broadcasts read from its history
    broadcasts = set() if newest is None else None

    def save_page(conn, messages, next_cursor):
        if broadcasts is not None:
            broadcasts.update(m["ts"] for m in messages if m.get("subtype") == "thread_broadcast" and m.get("ts"))
        page = archive.save_messages(conn, channel_id, messages, pass_id, on_new=on_new, newest=newest)
        save_state(conn, channel_id, pass_cursor=next_cursor or HISTORY_READ)
        if not next_cursor:  # the last page: what this pass did not see is gone; which threads to read
            page["deleted"] = archive.mark_missing_deleted(conn, channel_id, oldest, pass_id)
            page["parents"] = archive.threads_to_sync(conn, channel_id, oldest)
        return page

    parents = None
    if cursor == HISTORY_READ:  # resumed after its history was read: only threads are left
        parents = in_transaction(eng, lambda conn: archive.threads_to_sync(conn, channel_id, oldest))
        cursor, broadcasts = None, None
    try:
        for messages, next_cursor in () if parents is not None else pages(slack, slack.fetch_history(channel_id, oldest, cursor)):
            page = in_transaction(eng, lambda conn: save_page(conn, messages, next_cursor))  # noqa: B023 - called at once
            if track is not None:
                track.page(messages, bool(next_cursor))
            counts["pages"] += 1
            for k in ("messages", "new", "changed", "deleted", *PARSE_COUNTS):
                counts[k] += page.get(k, 0)
            add_bad(counts, page)
            parents = page.get("parents", parents)
    except Parked as exc:  # the pass stays open at the page reached: the scheduler resumes it
        counts["parked"], counts["parked_on"] = exc.until, exc.method
        return counts
    except SlackError as exc:
        if exc.code == "deadline":  # the pass stays open at the page reached: the next run resumes it
            counts["missing"] = f"history after {counts['pages']} page(s) this run (pass left open, resumed next run)"
            return counts
        if exc.code != "invalid_cursor" or not cursor:
            raise
        # the saved cursor expired: start this pass again from the top
        in_transaction(eng, lambda conn: save_state(conn, channel_id, pass_cursor=None))
        return mine_channel(eng, slack, channel_id, since, lookback_days, tz, on_new, track)
    if parents is None:  # no last page seen (Slack.paged always yields one): reconcile on its own
        page = in_transaction(eng, lambda conn: save_page(conn, [], None))
        counts["deleted"] += page["deleted"]
        parents = page["parents"]
    if track is not None:
        track.threads(parents)
    try:
        gap = sync_threads(eng, slack, channel_id, parents, on_new, broadcasts, counts, track)
    except Parked as exc:  # the threads read are stored; the rest are found again on resuming
        counts["parked"], counts["parked_on"] = exc.until, exc.method
        return counts
    if gap:  # the deadline came first: the pass stays open, the next run resumes it
        counts["missing"] = gap
        return counts

    def finish(conn):
        newest = conn.execute(text("SELECT MAX(ts) FROM messages WHERE channel_id = :c AND source = 'api'"),
                              {"c": channel_id}).scalar()
        if state and state.get("watermark_ts") and (newest is None or state["watermark_ts"] > newest):
            newest = state["watermark_ts"]
        save_state(conn, channel_id, watermark_ts=newest, pass_id=None, pass_oldest=None, pass_cursor=None,
                   last_complete=utcnow())

    in_transaction(eng, finish)
    return counts


def new_since(eng, since: str) -> int:
    """Top-level messages first stored from the API at or after `since` (a utcnow() stamp)."""
    with eng.connect() as conn:
        return int(conn.execute(text(
            "SELECT COUNT(*) FROM messages WHERE first_seen >= :t AND source = 'api' "
            "AND (thread_ts IS NULL OR thread_ts = ts OR subtype = 'thread_broadcast')"), {"t": since}).scalar() or 0)


def sync_threads(eng, slack: Slack, channel_id: str, parents: list[dict], on_new, stored, counts: dict,
                 track: Tracker | None = None) -> str | None:
    """Read the threads whose state changed and store them, a batch per commit. Under Slack's pace
    (a thread a minute) a batch is also committed every THREAD_COMMIT_S, so a deadline or a crash
    loses no thread already read. Returns what the region's deadline left unread (None: nothing)."""
    batch: list[tuple[dict, list]] = []

    def commit() -> None:
        nonlocal batch
        if not batch:
            return
        t = in_transaction(eng, lambda conn: archive.save_threads(conn, channel_id, batch, on_new=on_new,
                                                                stored=stored))
        counts["threads"] += len(batch)
        for k in PARSE_COUNTS:
            counts[k] += t.get(k, 0)
        add_bad(counts, t)
        counts["replies"] += t["new"] + t["changed"]
        counts["deleted"] += t["deleted"]
        if track is not None:
            track.read(batch)
        batch = []

    last, done = time.monotonic(), counts["threads"]
    fetched = fetch_threads(slack, channel_id, parents)
    try:  # under Slack's pace the next thread is a slot away anyway: no read-ahead thread
        for item in fetched if slack.pacer.spacing(REPLIES) else prefetch(fetched, depth=THREAD_BATCH):
            batch.append(item)
            if len(batch) >= THREAD_BATCH or time.monotonic() - last >= THREAD_COMMIT_S:
                commit()
                last = time.monotonic()
    except Parked:
        commit()
        raise
    except SlackError as exc:
        commit()
        if exc.code != "deadline":
            raise
        left = len(parents) - (counts["threads"] - done)
        return f"{left} of {len(parents)} thread(s) not read (pass left open, resumed next run)"
    commit()
    return None


def add_bad(counts: dict, part: dict) -> None:
    """Add a page's bad items (archive.BAD_COUNTS, and the first reasons) to a channel's counts."""
    for k in archive.BAD_COUNTS:
        if part.get(k):
            counts[k] = counts.get(k, 0) + part[k]
    if part.get("bad"):
        counts["bad"] = (counts.get("bad") or []) + part["bad"]


def _epoch(utc: str) -> float:
    return datetime.strptime(utc, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()


def mine_gaps(eng, slack: Slack, channel_id: str, lookback_days: int, tz: ZoneInfo, covered: list, on_new=None,
              spot: dict | None = None) -> dict:
    """A channel's pass when `paxminer listen` covered most of the window (miner.archive.coverage):
    history is read only for the gaps between what the listener saw. The window starts where the
    last complete pass started (everything before it was read then); a channel never read to the
    end, or with a pass in progress, gets the whole-window pass (mine_channel).
    spot: where a parked pass stopped (its gaps, the gap and page reached), kept by the caller
    between turns: the pass resumes there (counts["parked"] says when; without it, a new plan)."""
    spot = {} if spot is None else spot
    if not spot:
        state = in_transaction(eng, lambda conn: load_state(conn, channel_id))
        if not state or not state.get("last_complete") or state.get("pass_id") or not state.get("pass_started"):
            return mine_channel(eng, slack, channel_id, None, lookback_days, tz, on_new)
        start = max(float(window_start(state, None, lookback_days, tz)), _epoch(state["pass_started"]) - coverage.EDGE_SECONDS)
        spot.update(state=state, started=utcnow(), start=start, windows=coverage.gaps(start, time.time(), covered),
                    done=0, pass_id=uuid.uuid4().hex, cursor=None)
    state, windows, start = spot["state"], spot["windows"], spot["start"]
    counts = {"messages": 0, "new": 0, "changed": 0, "deleted": 0, "replies": 0, "threads": 0,
              "parsed": 0, "backblasts": 0, "problems": 0, "windows": 0}
    while spot["done"] < len(windows):
        a, b = windows[spot["done"]]
        oldest, latest, pass_id = f"{a:.6f}", f"{b:.6f}", spot["pass_id"]

        def save_page(conn, messages, next_cursor):
            page = archive.save_messages(conn, channel_id, messages, pass_id, on_new=on_new)  # noqa: B023
            if not next_cursor:  # what this window's pass did not see is gone
                page["deleted"] = archive.mark_missing_deleted(conn, channel_id, oldest, pass_id, latest)  # noqa: B023
            return page

        try:
            for messages, next_cursor in pages(slack, slack.fetch_history(channel_id, oldest, spot["cursor"], latest)):
                page = in_transaction(eng, lambda conn: save_page(conn, messages, next_cursor))  # noqa: B023
                spot["cursor"] = next_cursor or None
                for k in ("messages", "new", "changed", "deleted", *PARSE_COUNTS):
                    counts[k] += page.get(k, 0)
                add_bad(counts, page)
        except Parked as exc:
            counts["parked"], counts["parked_on"] = exc.until, exc.method
            return counts
        except SlackError as exc:
            if exc.code != "deadline":
                raise
            counts["missing"] = f"history of {len(windows) - spot['done']} gap(s) not read (resumed next run)"
            return counts  # not finished: the next run plans the same gaps again
        counts["windows"] += 1
        spot.update(done=spot["done"] + 1, pass_id=uuid.uuid4().hex, cursor=None)
    if windows:
        parents = in_transaction(eng, lambda conn: archive.threads_to_sync(conn, channel_id, f"{start:.6f}"))
        try:
            gap = sync_threads(eng, slack, channel_id, parents, on_new, None, counts)
        except Parked as exc:
            counts["parked"], counts["parked_on"] = exc.until, exc.method
            return counts
        if gap:
            counts["missing"] = gap
            return counts

    def finish(conn):
        newest = conn.execute(text("SELECT MAX(ts) FROM messages WHERE channel_id = :c AND source = 'api'"),
                              {"c": channel_id}).scalar()
        if state.get("watermark_ts") and (newest is None or state["watermark_ts"] > newest):
            newest = state["watermark_ts"]
        save_state(conn, channel_id, watermark_ts=newest, pass_started=spot["started"], last_complete=utcnow())

    in_transaction(eng, finish)
    return counts


def mine_region(app: App, region: Region, since=None, lookback_days: int | None = None, parse: bool = True,
                feedback: bool = True, processes: int = 1, threads: int = 1, progress=None,
                heartbeat=None, cursor: MineCursor | None = None) -> dict:
    """Mine every mined channel of a region, then build beatdowns from what changed.

    parse=False only archives (messages stay dirty for a later build); feedback=False sends no DMs.
    processes > 1 mines channels in that many forked processes (each channel's pages are
    independent); otherwise `threads` channels are mined at once on threads (so one channel's thread
    replies are read while another's history is, each method on its own pace; `daily` parks instead,
    see `cursor`). The beatdowns are built here, by one writer, as each channel finishes.
    Every Slack call of the region shares its workspace's pace (miner/slack/pace.py).
    A channel stopped by the region's deadline (app.deadlines), or by a Slack error that is not the
    region's own (a page or thread Slack kept failing on), keeps its pass open for the next run and
    is listed in `missing` (its work so far is stored); the errors are also in `errors`. A token
    Slack refuses (FATAL_CODES) raises, and so does every channel failing.
    progress(line, important, seconds_left) is called with lines on what is done and what is left (an
    estimate at the pace); important=True for a first mine's forecast of over an hour.
    heartbeat(): called as each channel finishes (the caller keeps its region lock alive).
    cursor (`daily`): the mine parks instead of sleeping through a long wait for a slot: it stores
    what it read, keeps its place in `cursor` and raises pace.Parked (until: when to call again with
    the same cursor, which resumes it); the last call returns the totals of all of them.
    """
    return _mine_region(app, region, since, lookback_days, parse, feedback, processes, threads, progress, heartbeat,
                        cursor)


def plan(conn, channels: list[dict], since, lookback_days: int, tz: ZoneInfo, page_size: int,
         forecast: Forecast | None = None) -> dict:
    """Calls the region's channels will cost (an estimate): history pages from what the archive holds
    in each channel's window; a channel never read is guessed from its age (FIRST_MINE_PER_DAY).
    Each channel's numbers also go to `forecast`, which refines them as the pages come in."""
    history = replies = first = 0
    now = time.time()
    for ch in channels:
        state = load_state(conn, ch["channel_id"])
        created = None
        if state is None or not state.get("watermark_ts"):
            first += 1
            created = conn.execute(text("SELECT channel_created FROM aos WHERE channel_id = :c"),
                                   {"c": ch["channel_id"]}).scalar() or now - 365 * 86400
            messages = max(0.0, (now - float(created)) / 86400) * constants.FIRST_MINE_PER_DAY
            h, r = max(1, -(-int(messages) // page_size)), int(messages * constants.FIRST_MINE_THREAD_SHARE)
        else:
            oldest = window_start(state, since, lookback_days, tz)
            n = conn.execute(text("SELECT COUNT(*) FROM messages WHERE channel_id = :c AND ts >= :o AND deleted = 0 "
                                  "AND (thread_ts IS NULL OR thread_ts = ts)"), {"c": ch["channel_id"], "o": oldest}).scalar()
            h, r = 1 + int(n or 0) // page_size, 0
        history, replies = history + h, replies + r
        if forecast is not None:
            forecast.plan(ch["channel_id"], h, r, first=created is not None, created=float(created or 0) or None)
    return {"conversations.history": history, "conversations.replies": replies, "first": first}


def describe_wait(seconds: float) -> str:
    if seconds >= 5400:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 90:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"


PARK_OVER_MAX = 1.0  # seconds: a parked region's wait for its slot longer than this frees its thread


@dataclass
class MineCursor:
    """A region's mine between two turns of `daily`'s scheduler: all a region waiting for its next
    slot keeps in memory (a few KB: no engine, Slack client, parser or thread). Each channel's pass
    is in channel_state (a page's cursor is committed with the page); what is here is the night's
    plan and tallies, the channels done this night, and where gap passes stopped."""

    started: bool = False
    began: float = 0.0
    t0: float = 0.0
    channels: list = field(default_factory=list)
    done: set = field(default_factory=set)  # channel ids read to the end (or failed) this night
    lanes: dict = field(default_factory=dict)  # channel id -> the method it parked on
    spots: dict = field(default_factory=dict)  # channel id -> mine_gaps' spot
    total: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    calls: Counter = field(default_factory=Counter)
    retries: Counter = field(default_factory=Counter)
    covered: list | None = None
    forecast: Forecast | None = None
    parked_s: float = 0.0  # seconds parked (waiting for slots with no thread)
    until: float | None = None  # when to resume (wall clock); None: finished


def park_over(window: float) -> float:
    """Parked rather than slept: a wait for a slot longer than this (a second, less on a scaled-down minute)."""
    return min(PARK_OVER_MAX, window / 8)


def _mine_region(app: App, region: Region, since, lookback_days: int | None, parse: bool, feedback: bool,
                 processes: int, threads: int, progress, heartbeat=None, cursor: MineCursor | None = None) -> dict:
    from miner.beatdowns.build import build_beatdowns, load_context_parts, resolve_fresh
    from miner.beatdowns.feedback import send_feedback

    if not region.scrape_backblasts:
        raise MineError(f"region {region} has scrape_backblasts off")
    lookback = lookback_days if lookback_days is not None else app.lookback_days(region)
    slack = app.slack(region)
    eng = app.db.engine(region.schema_name)
    # a long wait for Slack's pace gives the region's idle connections back (hundreds of regions wait at once)
    slack.pacer.on_long_wait = functools.partial(app.db.release, region.schema_name)
    page = min(slack.page_size, constants.SLACK_PAGE_CAP)
    c = cursor if cursor is not None else MineCursor()
    if cursor is not None:  # a long wait for a slot parks the region instead of sleeping in a thread
        slack.pacer.park_over = park_over(slack.pacer.window)
        processes, threads = 1, 1  # a turn makes at most a call or two per method: no helpers
    if not c.started:
        _start_mine(app, region, since, lookback, eng, slack, page, progress, c)
    channels, total, forecast = c.channels, c.total, c.forecast
    reporter = Reporter(region, slack, forecast, progress, len(channels), t0=c.t0)
    job = ChannelJob(app, region, since, lookback, parse, c.covered, reporter.event, page)
    left = [ch for ch in channels if ch["channel_id"] not in c.done]
    forked = can_fork(processes, len(left))
    total["processes"] = min(processes, len(left)) if forked else 1
    runs = job.in_processes(left, processes) if forked else job.here(left, slack, threads, c if cursor else None)
    users = None
    c.until = None
    try:
        for ch, outcome in runs:
            if isinstance(outcome, SlackError):
                c.done.add(ch["channel_id"])
                if outcome.code in FATAL_CODES:
                    raise outcome
                c.errors.append(f"#{ch['ao']}: {outcome}")
                # what it stored is kept; the channel's pass stays open and the next run resumes it
                c.missing.append(f"#{ch['ao']}: not read to the end ({outcome}); resumed next run")
                log.warning("%s: #%s: %s", region, ch["ao"], outcome)
            else:
                slack.calls.update(outcome.pop("calls", {}))
                slack.retries.update(outcome.pop("retries", {}))
                fresh = outcome.pop("fresh", None)
                until, lane = outcome.pop("parked", None), outcome.pop("parked_on", None)
                if until is not None:  # resumed on a later turn, at its method's next slot
                    c.until = until if c.until is None else min(c.until, until)
                    c.lanes[ch["channel_id"]] = lane
                else:
                    c.done.add(ch["channel_id"])
                    c.lanes.pop(ch["channel_id"], None)
                    c.spots.pop(ch["channel_id"], None)
                if outcome.get("missing"):
                    c.missing.append(f"#{ch['ao']}: {outcome.pop('missing')}")
                for k, v in outcome.items():
                    total[k] = total.get(k, 0) + v
                if parse and fresh:
                    if users is None:
                        with eng.connect() as conn:
                            users = load_context_parts(conn)[0]
                    total["duplicates"] += resolve_fresh(eng, users, fresh)
            if ch["channel_id"] in c.done:
                if heartbeat is not None:
                    heartbeat()
                reporter.channel_done(len(c.done))
    finally:
        runs.close()  # on a fatal error: the miner processes stop now, not when garbage-collected
        # only a channel's pass can stop anywhere and resume: what follows (beatdowns, feedback DMs
        # paced at Tier 3) runs to its end, its short waits slept
        slack.pacer.park_over = None
        c.calls.update(slack.calls)
        c.retries.update(slack.retries)
        slack.calls.clear()
        slack.retries.clear()
    if c.until is not None:
        c.parked_s += max(0.0, c.until - time.time())
        raise Parked("mine", c.until)
    errors, missing = c.errors, c.missing
    total["bad"] = total["bad"][:20]  # the first reasons; every one is in the region's bad_items table
    total["channel_errors"] = len(errors)
    total["errors"] = errors
    total["missing"] = missing
    if parse:
        built = build_beatdowns(app, region)
        total["backblasts"] += built["backblasts"]
        total["problems"] += built["problems"]
        total["parsed"] += built["messages"]
        total["duplicates"] += built["duplicates"]
        if feedback and not missing:
            total["feedback"] = send_feedback(eng, region, slack)["sent"]
    c.calls.update(slack.calls)
    c.retries.update(slack.retries)
    total["api_calls"] = sum(c.calls.values())
    total["retries"] = dict(c.retries)
    total["waited_s"] = round(slack.pacer.waited + c.parked_s, 1)
    if errors and len(errors) == len(channels):
        raise MineError(f"{region}: every channel failed; first: {errors[0]}")
    if c.covered is None and since is None and not errors and not missing:
        coverage.mark_full_pass(app.db, region.region, c.began)
    return total


def _start_mine(app: App, region: Region, since, lookback: int, eng, slack: Slack, page: int, progress,
                c: MineCursor) -> None:
    """A region's mine begins: the channels, the plan (and its forecast), the tallies; said up front."""
    tz = ZoneInfo(region.timezone)
    ensure_tables(eng, "bad_items", "deliveries")  # a schema made before they existed gets them
    forecast = Forecast(page)
    with eng.connect() as conn:
        channels = mined_channels(conn, region)
        known = conn.execute(text("SELECT COUNT(*) FROM aos")).scalar()
        todo = plan(conn, channels, since, lookback, tz, page, forecast) if channels else {}
    if not known:
        raise MineError(f"no channels known for {region}: run `paxminer channels --region {region}` first")
    total = {"channels": len(channels), "messages": 0, "new": 0, "changed": 0, "deleted": 0, "replies": 0,
             "threads": 0, "pages": 0, "channel_errors": 0, "parsed": 0, "backblasts": 0, "problems": 0,
             "duplicates": 0, "feedback": 0, "windows": 0, **dict.fromkeys(archive.BAD_COUNTS, 0), "bad": []}
    paced = {m: n for m, n in todo.items() if m != "first"}
    total["estimate_s"] = round(slack.pacer.estimate(paced), 1)
    if progress and todo.get("first"):
        est = total["estimate_s"]
        line = (f"{region}: first mine of {todo['first']} channel(s) through the Slack API: about "
                f"{sum(paced.values())} paced calls, roughly {describe_wait(est)} at Slack's limit for this app "
                f"(a guess from the channels' ages, refined as pages come in)")
        if est > 3600:
            line += (f"; a Slack export loads in minutes instead: `paxminer import EXPORT.zip --region {region}`, "
                     "then `paxminer mine` reads only what came after it")
        progress(line, est > 3600, est)  # over an hour: said even without progress lines
    elif progress:
        progress(f"{region}: {len(channels)} channel(s) to mine, about {sum(paced.values())} paced calls "
                 f"(~{describe_wait(total['estimate_s'])} at Slack's pace)", False, total["estimate_s"])
    # with `paxminer listen` up, only the gaps in what it saw are read (a whole-window pass when due)
    covered = None if since is not None else coverage.plan(app.db, region.region, app.settings.full_pass_days)
    total["pass"] = "gaps" if covered is not None else "full"
    c.started, c.began, c.t0 = True, time.time(), time.monotonic()
    c.channels, c.total, c.forecast, c.covered = channels, total, forecast, covered


class Reporter:
    """Progress of a region's mine: a line as each channel finishes, and as pages and threads come
    in at most every `every` seconds (Slack's window, at most a minute), each with the time left:
    the forecast's paced calls left x the workspace's pace."""

    def __init__(self, region, slack: Slack, forecast: Forecast, progress, channels: int, every: float | None = None,
                 t0: float | None = None):
        self.region, self.slack, self.forecast, self.progress, self.channels = region, slack, forecast, progress, channels
        self.every = min(constants.MINE_PROGRESS_EVERY, slack.pacer.window) if every is None else every
        self.t0 = self.last = time.monotonic()
        self.t0 = t0 or self.t0  # a parked mine's turns report the time since it began
        self.done = 0
        self._lock = threading.Lock()

    def event(self, channel_id: str, kind: str, *args) -> None:
        try:
            self.forecast.event(channel_id, kind, *args)
            if self.progress and kind in ("page", "read") and time.monotonic() - self.last >= self.every:
                self.emit()
        except Exception as exc:  # noqa: BLE001 - an estimate is never worth a mine
            log.debug("%s: progress estimate: %s", self.region, exc)

    def channel_done(self, done: int) -> None:
        self.done = done
        if self.progress:
            self.emit()

    def emit(self) -> None:
        with self._lock:
            self.last = time.monotonic()
            left = self.forecast.left()
            est = self.slack.pacer.estimate(left)
            pages, threads = self.forecast.read()
            line = (f"{self.region}: {self.done}/{self.channels} channels mined, {pages} history page(s) and "
                    f"{threads} thread page(s) read in {describe_wait(self.last - self.t0)}; about "
                    f"{sum(left.values())} paced call(s) left (~{describe_wait(est)})")
        self.progress(line, False, est)


def can_fork(processes: int, channels: int) -> bool:
    """Miner processes are forked from `paxminer mine`, not from `daily`'s region threads (fork_safe)."""
    return processes > 1 and channels > 1 and fork_safe()


class ChannelJob:
    """Mines channels of one region: here, or in forked processes (one channel per task)."""

    def __init__(self, app: App, region: Region, since, lookback: int, parse: bool, covered: list | None = None,
                 send=None, page: int = constants.SLACK_PAGE_CAP):
        self.app, self.region, self.since, self.lookback, self.parse = app, region, since, lookback, parse
        self.covered = covered  # spans the listener saw (coverage.plan): only the gaps are read
        self.send, self.page = send, page  # forecast events (channel, kind, *args); in a forked miner: a pipe
        self.spot: dict | None = None  # a parked gap pass's place (MineCursor.spots), for the next _mine

    def here(self, channels: list[dict], slack: Slack, threads: int = 1,
             cursor: MineCursor | None = None) -> Iterator[tuple[dict, object]]:
        """Channels mined in this process, `threads` at once (each thread with its own parser). With
        a parked mine's `cursor`, one at a time, and a channel whose method (history, or replies once
        its history is read) would park anyway is not opened: it is parked until that slot."""
        eng = self.app.db.engine(self.region.schema_name)
        if threads < 2 or len(channels) < 2:
            parser = LazyParser(self) if self.parse else None
            for ch in channels:
                if cursor is not None:
                    lane = cursor.lanes.get(ch["channel_id"]) or HISTORY
                    until = slack.pacer.would_park(lane)
                    if until is not None:
                        yield ch, {"parked": until, "parked_on": lane}
                        continue
                    self.spot = cursor.spots.setdefault(ch["channel_id"], {})
                yield ch, self._one(eng, slack, ch, parser)
            return
        pending = iter(channels)
        lock, stop = threading.Lock(), threading.Event()
        out: queue.Queue = queue.Queue()

        def work():
            try:
                parser = self._parser(eng)
                while not stop.is_set():
                    with lock:
                        ch = next(pending, None)
                    if ch is None:
                        return
                    out.put((ch, self._one(eng, slack, ch, parser)))
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                out.put((None, exc))
            finally:
                out.put(None)

        pool = [threading.Thread(target=work, daemon=True, name=f"channels-{i}") for i in range(min(threads, len(channels)))]
        for t in pool:
            t.start()
        live = len(pool)
        try:
            while live:
                item = out.get()
                if item is None:
                    live -= 1
                elif item[0] is None:
                    raise item[1]
                else:
                    yield item
        finally:
            stop.set()
            for t in pool:
                t.join()

    def _one(self, eng, slack: Slack, ch: dict, parser):
        try:
            return self._mine(eng, slack, ch["channel_id"], parser)
        except SlackError as exc:
            return exc

    def _tracker(self, channel_id: str) -> Tracker | None:
        if self.send is None:
            return None
        if not _CHILD:
            return Tracker(channel_id, self.send, self.page)
        w = self._events_w

        def send(*event):
            try:
                os.write(w, (json.dumps(event) + "\n").encode())
            except OSError:
                pass

        return Tracker(channel_id, send, self.page)

    def in_processes(self, channels: list[dict], processes: int) -> Iterator[tuple[dict, object]]:
        global _JOB
        _JOB = self  # the children get it by fork: the token never travels through a pipe or argv
        self.processes = min(processes, len(channels))
        listener = self._listen() if self.send is not None else None
        pool = ProcessPoolExecutor(min(processes, len(channels)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_child_start)
        finished = False
        try:
            futures = {pool.submit(_child_mine, ch["channel_id"]): ch for ch in channels}
            for f in as_completed(futures):
                try:
                    yield futures[f], f.result()
                except SlackError as exc:
                    yield futures[f], exc
            finished = True
        finally:
            if not finished:  # stopped early (fatal error, Ctrl-C): end the children mid-page, a rerun resumes
                for proc in list((getattr(pool, "_processes", None) or {}).values()):
                    proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
            _JOB = None
            if listener is not None:
                os.close(self._events_w)  # the reader sees the end once every miner is gone too
                listener.join(5)

    def _listen(self) -> threading.Thread:
        """Forecast events from forked miners: a line of JSON each on a pipe (writes under PIPE_BUF
        are atomic, so miners need no lock a killed one could leave held)."""
        r, self._events_w = os.pipe()
        send = self.send

        def read():
            with os.fdopen(r, "r", encoding="utf-8") as f:
                for line in f:
                    try:
                        send(*json.loads(line))
                    except Exception:  # noqa: BLE001 - an estimate, never worth a mine
                        pass

        t = threading.Thread(target=read, daemon=True, name="forecast-events")
        t.start()
        return t

    def _parser(self, eng):
        from miner.beatdowns.build import Parser

        if not self.parse:
            return None
        with eng.connect() as conn:
            return Parser(conn, self.region)

    def _mine(self, eng, slack: Slack, channel_id: str, parser) -> dict:
        """One channel; its counts carry the results parsed and stored as pending ("fresh")."""
        before_calls, before_retries = Counter(slack.calls), Counter(slack.retries)
        counts: dict = {}
        try:
            tz, on_new = ZoneInfo(self.region.timezone), parser.parse_new if parser else None
            track = self._tracker(channel_id)
            if self.covered is not None:
                counts = mine_gaps(eng, slack, channel_id, self.lookback, tz, self.covered, on_new, self.spot)
            else:
                counts = mine_channel(eng, slack, channel_id, self.since, self.lookback, tz, on_new, track)
        finally:
            fresh = parser.take_fresh() if parser else []  # a failed channel's pending ones: resolve_pending
            if self.send is not None and not counts.get("parked"):
                self._tracker(channel_id).done()
        counts["fresh"] = fresh
        if _CHILD:  # the parent adds these to its own Slack's counts
            counts["calls"] = dict(slack.calls - before_calls)
            counts["retries"] = dict(slack.retries - before_retries)
        return counts


class LazyParser:
    """A channel's parser, made (users, AOs, aliases loaded) only when a page brings a new message:
    most pages of a quiet night bring none, and a parked mine makes one per turn."""

    def __init__(self, job: ChannelJob):
        self.job, self.parser = job, None

    def parse_new(self, conn, pairs):
        if self.parser is None:
            from miner.beatdowns.build import Parser

            self.parser = Parser(conn, self.job.region)
        return self.parser.parse_new(conn, pairs)

    def take_fresh(self) -> list[dict]:
        return self.parser.take_fresh() if self.parser is not None else []


_JOB: ChannelJob | None = None
_CHILD: dict = {}


def _child_start() -> None:
    """In a forked child: own connections (the parent's pooled ones are left alone), own Slack
    client, and the child dies with its parent (a killed run leaves no miner behind)."""
    die_with_parent()
    job = _JOB
    # the parent's pooled connections stay the parent's (it uses 2 at most: one thread, the lock's
    # beats between channels); the miners share the rest of db_connections
    job.app.db.dispose(close=False, connections=max(2, (job.app.settings.db_connections - 2) // job.processes))
    eng = job.app.db.engine(job.region.schema_name)
    _CHILD.update(job=job, eng=eng, slack=job.app.slack(job.region), parser=job._parser(eng))


def _child_mine(channel_id: str) -> dict:
    c = _CHILD
    try:
        return c["job"]._mine(c["eng"], c["slack"], channel_id, c["parser"])
    except SlackError:
        raise
    except Exception as exc:  # noqa: BLE001 - database errors may not pickle: one clear line instead
        from miner.core.db import short_error

        raise MineError(f"channel {channel_id}: {type(exc).__name__}: {short_error(exc)}") from None
