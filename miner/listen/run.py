"""The long-running listener: one Socket Mode connection for every region, a spool, one writer.

Receive thread (slack-sdk's, miner.slack.socket): each envelope is appended to the spool and
acknowledged at once, whatever the database is doing (Slack wants the ack within 3 seconds).
Writer (the thread that calls run()): takes spooled envelopes in order, routes each event to its
region by team id (learned from each region's token with auth.test; unknown teams are counted and
dropped) and applies them a batch per region (miner.archive.live). While the database is away
the batch waits and is tried again, in order; nothing is acknowledged that is not in the spool.
The writer also records the periods the connection was up (miner.archive.coverage).
stop() (SIGTERM, Ctrl-C): the connection closes, the spool drains (up to DRAIN_SECONDS; what is
left stays in the spool for the next start), the last period is recorded.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from miner.app import App
from miner.archive import coverage
from miner.archive.live import LiveRegion, prune_events
from miner.core.db import is_transient
from miner.core.errors import PaxminerError, one_line
from miner.core.registry import learn_team, list_regions, region_teams
from miner.listen.dispatch import handler_for, load_plugins
from miner.listen.spool import Spool

log = logging.getLogger("miner.listen")

BATCH = 500  # envelopes taken from the spool at once
HEARTBEAT = 10.0  # seconds between coverage writes while connected (coverage.LIVE_SECONDS > 3x this)
RECONNECT_GRACE = 5.0  # a reconnect this quick continues the connected period (Slack redelivers meanwhile)
DRAIN_SECONDS = 20.0
PING_INTERVAL = 5.0  # seconds between websocket pings; a dead connection is seen within about 4x this
REGISTRY_RELOAD = 60.0  # an unknown team makes the registry be read again, at most this often


class ListenError(PaxminerError):
    pass


class Listener:
    def __init__(self, app: App, app_token: str, region_names: list[str] | None = None,
                 spool_dir: str | Path | None = None, host: str | None = None):
        if not app_token:
            raise ListenError("no app-level token: set app_token in the config or $SLACK_APP_TOKEN")
        self.app, self._app_token, self.region_names = app, app_token, list(region_names or [])
        self.host = host or socket.gethostname()
        self.spool = Spool(spool_dir or Path(app.settings.data_dir) / "listen")
        self.stopping = threading.Event()
        self.counts: Counter = Counter()
        self.live: dict[str, LiveRegion] = {}  # team id -> region writer
        self.conn = None
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="listen-handler")
        self._period: float | None = None  # start of the connected period in progress
        self._prev: float | None = None
        self._down_at: float | None = None
        self._cov_written = 0.0
        self._cov_dirty = False
        self._reloaded = 0.0
        self._outage_logged = False
        load_plugins()  # e.g. the dashboard's Home tab buttons (interactive envelopes)

    def __repr__(self) -> str:
        return f"Listener(regions={sorted(r.region.region for r in self.live.values())})"

    # -- regions ------------------------------------------------------------------------------------
    def load_regions(self) -> None:
        """Every active region (or the chosen ones): its schema is up to date, its team id known."""
        known = region_teams(self.app.db)
        by_region = {v: k for k, v in known.items()}
        live = {}
        for region in list_regions(self.app.db, active_only=True):
            if self.region_names and region.region not in self.region_names:
                continue
            bot = None
            try:
                auth = self.app.slack(region).auth_test()
                team, bot = auth.get("team_id"), auth.get("user_id")
                if team and known.get(team) != region.region:
                    learn_team(self.app.db, region.region, team)
            except PaxminerError as exc:
                team = by_region.get(region.region)
                log.warning("%s: auth.test failed (%s)%s", region, exc, "" if team else "; its events are dropped")
            if not team:
                self.counts["regions_without_team"] += 1
                continue
            self.app.db.ensure_schema(region.schema_name, "region")
            old = self.live.get(team)
            live[team] = old if old is not None and old.region == region else LiveRegion(self.app, region, bot)
        self.live = live
        self._reloaded = time.monotonic()

    def region_for(self, team_id: str | None) -> LiveRegion | None:
        live = self.live.get(team_id or "")
        if live is None and team_id and time.monotonic() - self._reloaded > REGISTRY_RELOAD:
            try:
                self.load_regions()
            except Exception as exc:  # noqa: BLE001 - the database is away: try again later
                log.warning("registry not reloaded: %s", one_line(exc))
                self._reloaded = time.monotonic()
            live = self.live.get(team_id)
        return live

    # -- the receive thread -------------------------------------------------------------------------
    def on_envelope(self, env: dict) -> None:
        self.counts["envelopes"] += 1
        h = handler_for(env.get("type"))
        if h is None:
            self.counts["envelopes_unhandled"] += 1
            self.conn.ack(env["envelope_id"])
        elif h.spooled:
            self.spool.append({"t": time.time(), "envelope": env})
            self.conn.ack(env["envelope_id"])
        else:
            self._pool.submit(self._immediate, h, env)

    def _immediate(self, h, env: dict) -> None:
        payload = None
        try:
            payload = h.fn(self, env)
        except Exception:  # noqa: BLE001 - one bad payload never stops the listener
            self.counts["handler_errors"] += 1
            log.exception("handling a %s envelope failed", env.get("type"))
        self.conn.ack(env["envelope_id"], payload)

    def on_state(self, kind: str, info) -> None:
        self.counts[f"socket_{kind}"] += 1
        if kind == "disconnect":
            log.info("socket mode: Slack asked for a new connection (%s)", info)

    # -- the writer ---------------------------------------------------------------------------------
    def run(self, connect_timeout: float = 60.0) -> Counter:
        from miner.slack.socket import SocketConnection

        self.load_regions()
        if not self.live:
            raise ListenError("no active region with a known Slack team: nothing to listen for")
        for live in self.live.values():
            try:
                prune_events(live.eng)
            except Exception as exc:  # noqa: BLE001 - housekeeping only
                log.warning("%s: old event ids not pruned: %s", live.region, one_line(exc))
        self.conn = SocketConnection(self._app_token, self.app.settings.slack_api_url, self.on_envelope, self.on_state,
                                     ping_interval=PING_INTERVAL)
        if self.spool.replayed:
            log.warning("applying %d event(s) left in the spool by the last run", self.spool.replayed)
        try:
            self.conn.connect(connect_timeout)
            self.loop()
        finally:
            self.conn.close()
            self._coverage(force=True)
            self._pool.shutdown(wait=True)
            self.drain()
            self.spool.close()
        return self.counts

    def stop(self) -> None:
        self.stopping.set()

    def loop(self) -> None:
        wait = 0.5
        while not self.stopping.is_set():
            self._coverage()
            if self._step(timeout=0.2):
                wait = 0.5
            else:
                self.stopping.wait(wait)
                wait = min(wait * 2, 5.0)

    def drain(self, seconds: float = DRAIN_SECONDS) -> None:
        """Apply what is spooled, for up to `seconds` (the rest stays in the spool)."""
        deadline = time.monotonic() + seconds
        while len(self.spool) and time.monotonic() < deadline:
            if not self._step(timeout=0):
                time.sleep(0.5)
        if len(self.spool):
            log.warning("%d event(s) left in the spool %s for the next start", len(self.spool), self.spool.path)
        self.counts["left_in_spool"] = len(self.spool)

    def _step(self, timeout: float) -> bool:
        """Apply one batch from the spool; False if the database is away (the batch stays)."""
        batch = self.spool.take(BATCH, timeout)
        if not batch:
            return True
        try:
            self.apply(batch)
        except Exception as exc:  # noqa: BLE001 - transient: wait and retry the same batch, in order
            if not is_transient(exc):
                raise
            self.counts["db_waits"] += 1
            if not self._outage_logged:
                log.warning("database unavailable (%s): events wait in the spool", one_line(exc))
                self._outage_logged = True
            return False
        if self._outage_logged:
            log.warning("database back: %d event(s) in the spool", len(self.spool))
            self._outage_logged = False
        self.spool.done(len(batch))
        return True

    def apply(self, batch: list[dict]) -> None:
        """Route a batch's events to their regions and apply each region's in order."""
        per_region: dict[str, list] = {}
        for entry in batch:
            env = entry["envelope"]
            h = handler_for(env.get("type"))
            if h is not None and h.fn is not None:  # another feature's spooled envelopes
                h.fn(self, env)
                continue
            payload = env.get("payload") or {}
            team = payload.get("team_id") or next((a.get("team_id") for a in payload.get("authorizations") or []), None)
            live = self.region_for(team)
            if live is None:
                self.counts["unknown_team"] += 1
                continue
            per_region.setdefault(team, []).append((payload.get("event_id"), payload.get("event") or {}))
        for team, events in per_region.items():
            live = self.live[team]
            try:
                got = live.apply(events)
            except Exception as exc:  # noqa: BLE001
                if is_transient(exc):
                    raise
                got = self._one_by_one(live, events, exc)
            for k, v in got.items():
                self.counts[k] += v

    def _one_by_one(self, live: LiveRegion, events: list, first: Exception) -> Counter:
        """A batch failed on something other than the database being away: apply its events one
        at a time, so one bad event costs only itself (logged and counted)."""
        log.warning("%s: a batch of %d event(s) failed (%s); applying them one by one", live.region, len(events),
                    one_line(first))
        total: Counter = Counter()
        for pair in events:
            try:
                total.update(live.apply([pair]))
            except Exception as exc:  # noqa: BLE001
                if is_transient(exc):
                    raise
                total["failed"] += 1
                log.error("%s: event %s (%s) not applied: %s", live.region, pair[0], (pair[1] or {}).get("type"),
                          one_line(exc))
        return total

    # -- coverage -----------------------------------------------------------------------------------
    def _coverage(self, force: bool = False) -> None:
        """Track the connected periods; write them on a change and every HEARTBEAT."""
        now = time.time()
        up = self.conn is not None and self.conn.is_connected() and not (force and self.stopping.is_set())
        if up and self._period is None:
            quick = self._down_at is not None and now - self._down_at <= RECONNECT_GRACE
            self._period = self._prev if quick and self._prev is not None else now
            self._cov_dirty = True
        elif not up and self._period is not None:
            self._prev, self._down_at, self._period = self._period, now, None
            self._cov_dirty = True
        if not (force or self._cov_dirty or now - self._cov_written >= HEARTBEAT):
            return
        start = self._period if self._period is not None else self._prev
        if start is None:
            return
        end = now if self._period is not None else self._down_at
        try:
            coverage.record_period(self.app.db, [lv.region.region for lv in self.live.values()], start, end, self.host)
            self._cov_dirty = False
        except Exception as exc:  # noqa: BLE001 - the database is away: the next tick tries again
            if not is_transient(exc):
                log.warning("coverage not recorded: %s", one_line(exc))
        self._cov_written = now
