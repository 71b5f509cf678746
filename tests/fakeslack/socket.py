"""Socket Mode for the fake Slack: `apps.connections.open` hands out a loopback ws:// URL; a
connection gets `hello`, then envelopes (events_api) that it must acknowledge by envelope id.

Every change the admin API makes to a workspace (post, reply, edit, delete, react, unreact, a new
channel, rename, archive, a new or changed user) is pushed as the event Slack would send, to one
open connection (the newest), in order. As Slack does, an envelope not acknowledged within
`redeliver_after` seconds is sent again (retry_attempt 1, 2, 3), while a connection is open.
Events that happen while no connection is open are dropped and counted (Slack gives up on an app
that is away, which is what the nightly gap mining is for). Tests can redeliver an envelope, ask for a refresh (`disconnect` message) or cut every
connection.

Built on `websockets` (its threaded server), so the fake speaks real RFC 6455 to slack-sdk's client.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from collections import Counter

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve


class SocketHub:
    """The Socket Mode side of a FakeSlack: one websocket server, shared by every workspace."""

    def __init__(self, host: str = "127.0.0.1", app_id: str = "A0PAXMINER", redeliver_after: float = 3.0):
        self.host, self.app_id, self.redeliver_after = host, app_id, redeliver_after
        self.app_tokens: set[str] = set()
        self.port = 0
        self.sent: dict[str, dict] = {}  # envelope_id -> envelope as sent
        self.acks: dict[str, float] = {}  # envelope_id -> monotonic time its ack arrived
        self.sent_at: dict[str, float] = {}
        self.counts: Counter = Counter()  # hello, envelopes, acks, dropped, disconnects, connections
        self.errors: list[str] = []
        self._conns: list = []
        self._lock = threading.Lock()
        self._out: queue.Queue = queue.Queue()
        self._server = None
        self._threads: list[threading.Thread] = []
        self._seq = 0

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> None:
        self._server = serve(self._handler, self.host, 0, compression=None, ping_interval=None, max_size=None)
        self.port = self._server.socket.getsockname()[1]
        for target, name in ((self._server.serve_forever, "fakeslack-ws"), (self._sender, "fakeslack-ws-send")):
            t = threading.Thread(target=target, daemon=True, name=name)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        if self._server is not None:
            self._out.put(None)
            self._server.shutdown()
            self._server = None

    def open_url(self) -> str:
        return f"ws://{self.host}:{self.port}/link/?ticket={uuid.uuid4().hex}&app_id={self.app_id}"

    @property
    def connected(self) -> int:
        with self._lock:
            return len(self._conns)

    def wait_connected(self, n: int = 1, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.connected < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.connected} socket connection(s), wanted {n}")
            time.sleep(0.01)

    # -- the websocket ----------------------------------------------------------------------------
    def _handler(self, conn) -> None:
        with self._lock:
            self._conns.append(conn)
            self.counts["connections"] += 1
        try:
            conn.send(json.dumps({"type": "hello", "num_connections": len(self._conns),
                                  "debug_info": {"host": "fakeslack", "approximate_connection_time": 18060},
                                  "connection_info": {"app_id": self.app_id}}))
            self.counts["hello"] += 1
            for raw in conn:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    self.errors.append(f"not JSON from the client: {raw[:200]!r}")
                    continue
                eid = msg.get("envelope_id")
                if eid:
                    with self._lock:
                        self.acks.setdefault(eid, time.monotonic())
                        self.counts["acks"] += 1
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                if conn in self._conns:
                    self._conns.remove(conn)

    def _sender(self) -> None:
        while True:
            try:
                env = self._out.get(timeout=0.2)
            except queue.Empty:
                self._retry_unacked()
                continue
            if env is None:
                return
            with self._lock:
                conn = self._conns[-1] if self._conns else None
            if conn is None:
                self.counts["dropped"] += 1
                continue
            try:
                conn.send(json.dumps(env))
                with self._lock:
                    self.sent[env["envelope_id"]] = env
                    self.sent_at.setdefault(env["envelope_id"], time.monotonic())
                    self.counts["envelopes"] += 1
            except ConnectionClosed:
                self.counts["dropped"] += 1

    def _retry_unacked(self) -> None:
        now = time.monotonic()
        with self._lock:
            late = [env for eid, env in self.sent.items() if eid not in self.acks and env.get("retry_attempt", 0) < 3
                    and now - self.sent_at.get(eid, now) > self.redeliver_after * (env.get("retry_attempt", 0) + 1)]
            if not self._conns:
                return
        for env in late:
            again = dict(env, retry_attempt=env.get("retry_attempt", 0) + 1, retry_reason="timeout")
            self.counts["redelivered"] += 1
            self._out.put(again)

    # -- what tests and the workspaces call -------------------------------------------------------
    def push(self, team: str, event: dict) -> str:
        """Queue one Events API envelope for `team`; returns its envelope id."""
        with self._lock:
            self._seq += 1
            seq = self._seq
        eid = f"env-{uuid.uuid4().hex[:12]}"
        env = {"envelope_id": eid, "type": "events_api", "accepts_response_payload": False, "retry_attempt": 0,
               "retry_reason": "", "payload": {
                   "token": "verification-token-unused", "team_id": team, "api_app_id": self.app_id,
                   "event": event, "type": "event_callback", "event_id": f"Ev{seq:08d}{team}",
                   "event_time": int(time.time()), "authorizations": [{"team_id": team, "is_bot": True}]}}
        self._out.put(env)
        return eid

    def push_envelope(self, env: dict) -> None:
        """Send any envelope as given (interactive payloads, slash commands, odd shapes)."""
        self._out.put(env)

    def redeliver(self, envelope_id: str) -> None:
        """Send an envelope again, as Slack does when it thinks the ack never came."""
        env = json.loads(json.dumps(self.sent[envelope_id]))
        env["retry_attempt"] = env.get("retry_attempt", 0) + 1
        env["retry_reason"] = "timeout"
        self._out.put(env)

    def refresh(self, reason: str = "refresh_requested") -> None:
        """Slack's `disconnect` message: the client should open a new connection."""
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            try:
                c.send(json.dumps({"type": "disconnect", "reason": reason,
                                   "debug_info": {"host": "fakeslack"}}))
                self.counts["disconnects"] += 1
            except ConnectionClosed:
                pass

    def cut(self) -> None:
        """Close every connection without a word (a network failure)."""
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            try:
                c.socket.shutdown(2)
            except OSError:
                pass

    def wait_acked(self, envelope_id: str, timeout: float = 5.0) -> float:
        """Seconds between sending an envelope and its ack."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if envelope_id in self.acks and envelope_id in self.sent_at:
                    return self.acks[envelope_id] - self.sent_at[envelope_id]
            if time.monotonic() > deadline:
                raise TimeoutError(f"envelope {envelope_id} not acknowledged")
            time.sleep(0.005)
