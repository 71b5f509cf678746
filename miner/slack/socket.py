"""Socket Mode: one websocket from the app (all workspaces it is installed in) to Slack.

slack-sdk's built-in client does the websocket work: `apps.connections.open` with the app-level
token, the handshake, ping/pong, reconnecting when a connection drops, and a new connection when
Slack sends `disconnect` (refresh). We read each raw frame as it arrives, in order, on the
client's receive thread (its `on_message_listeners`), hand envelopes to the caller, and send the
acknowledgements the caller asks for. The app token never reaches a log line or an error.

Known limit: the built-in client's frame reader recurses once per frame and per read, so a
sustained flood of frames with no pause (thousands of events a second, bench/bench_listen.py
--flood) can end in a RecursionError and a reconnect; Slack then redelivers what was not
acknowledged. slack-sdk's websocket-client based client avoids that, but its reconnect on
`disconnect` raced the session it had just opened in our tests (kept for a later look).
"""

from __future__ import annotations

import json
import logging
import threading
import time

from slack_sdk import WebClient
from slack_sdk.socket_mode.builtin import SocketModeClient

from miner.slack.client import SlackError, redact

log = logging.getLogger("miner.slack.socket")


class SocketConnection:
    """on_envelope(envelope dict) gets every envelope (events_api, interactive, slash_commands, ...)
    in arrival order on the receive thread; it must return quickly (spool, then ack).
    on_state(kind, info) gets "hello" (a connection is ready), "disconnect" (Slack asked us to
    reconnect: info = reason) and "closed" (a connection ended)."""

    def __init__(self, app_token: str, base_url: str, on_envelope, on_state, ping_interval: float = 10):
        if not app_token or not app_token.startswith("xapp-"):
            raise SlackError("the app-level token (app_token / $SLACK_APP_TOKEN) must be an xapp- token "
                             "with the connections:write scope", "app_token")
        self.on_envelope, self.on_state = on_envelope, on_state
        sdk_log = logging.getLogger("miner.slack.sdk")
        web = WebClient(base_url=base_url, timeout=10, logger=sdk_log)
        self._client = SocketModeClient(
            app_token=app_token, web_client=web, logger=sdk_log, auto_reconnect_enabled=True,
            ping_interval=ping_interval, receive_buffer_size=65536, concurrency=2,
            on_message_listeners=[self._frame], on_close_listeners=[self._closed],
            on_error_listeners=[lambda exc: self.on_state("error", type(exc).__name__)],
        )
        self._send_lock = threading.Lock()

    def __repr__(self) -> str:
        return "SocketConnection(app_token=[redacted])"

    def connect(self, timeout: float = 30.0) -> None:
        """Open the first connection; retried with backoff until `timeout` (then SlackError)."""
        deadline, wait = time.monotonic() + timeout, 0.5
        while True:
            try:
                self._client.connect_to_new_endpoint(force=False)
            except Exception as exc:  # noqa: BLE001 - slack-sdk raises several kinds; one clear line
                code = getattr(getattr(exc, "response", None), "get", lambda *_: None)("error") or ""
                if code in ("invalid_auth", "not_allowed_token_type", "not_authed"):
                    raise SlackError(f"apps.connections.open: the app-level token was refused ({code})", code) from None
                if time.monotonic() > deadline:
                    raise SlackError(f"apps.connections.open: cannot connect ({redact(str(exc))[:200]})", "connection") from None
                log.warning("socket mode: cannot connect (%s); retrying in %.1fs", redact(str(exc))[:200], wait)
            if self._client.is_connected():
                return
            if time.monotonic() > deadline:
                raise SlackError("socket mode: no connection to Slack", "connection")
            time.sleep(wait)
            wait = min(wait * 2, 10.0)

    def is_connected(self) -> bool:
        return self._client.is_connected()

    def ack(self, envelope_id: str, payload: dict | None = None) -> bool:
        """Acknowledge an envelope (with a response payload for interactive ones); False if the
        connection is gone (Slack then redelivers it, which changes nothing)."""
        body = {"envelope_id": envelope_id}
        if payload:
            body["payload"] = payload
        try:
            with self._send_lock:
                self._client.send_socket_mode_response(body)
            return True
        except Exception as exc:  # noqa: BLE001 - a dead connection; the client reconnects
            log.info("socket mode: ack of %s not sent (%s)", envelope_id, type(exc).__name__)
            return False

    def close(self) -> None:
        self._client.close()

    # -- the receive thread ---------------------------------------------------------------------
    def _frame(self, raw: str) -> None:
        try:
            msg = json.loads(raw)
        except ValueError:
            log.warning("socket mode: a frame that is not JSON (%d bytes) ignored", len(raw))
            return
        kind = msg.get("type")
        try:
            if kind == "hello":
                self.on_state("hello", msg)
            elif kind == "disconnect":  # slack-sdk opens a new connection on its own
                self.on_state("disconnect", msg.get("reason") or "")
            elif msg.get("envelope_id"):
                self.on_envelope(msg)
        except Exception:  # noqa: BLE001 - never kill the receive thread
            log.exception("socket mode: handling a %s frame failed", kind)

    def _closed(self, code: int, reason: str | None) -> None:
        self.on_state("closed", f"{code} {reason or ''}".strip())
