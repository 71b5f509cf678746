"""All Slack I/O: the only module that imports slack_sdk.

One `Slack` per region token. Every call goes through `call()`, which counts calls per method,
retries 429 (honouring Retry-After), 5xx, connection errors and read timeouts within a
per-request time budget, and turns Slack errors into `SlackError` with one clear line.
Paginated reads use our own cursor loop: a page that fails after its retries raises; it is
never silently the end. A short page is not the end either: only an empty cursor is.
"""

from __future__ import annotations

import io
import json
import logging
import random
import re
import select
import socket
import ssl
import threading
import time
import weakref
from collections import Counter
from http.client import HTTPConnection, HTTPSConnection, IncompleteRead, RemoteDisconnected
from typing import Iterator
from urllib.error import HTTPError, URLError
from urllib.request import Request

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.web import SlackResponse

from miner import constants

log = logging.getLogger("miner.slack")
TOKEN_PATTERN = re.compile(r"xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")

FRIENDLY = {
    "not_in_channel": "the bot is not a member of channel {channel}; invite it or let `paxminer channels` join it",
    "channel_not_found": "channel {channel} not found (deleted, or private and the bot is not in it)",
    "invalid_auth": "the region's Slack token is invalid",
    "not_authed": "no Slack token was sent",
    "token_revoked": "the region's Slack token has been revoked",
    "token_expired": "the region's Slack token has expired",
    "account_inactive": "the Slack app's account is inactive (token revoked or app removed)",
    "is_archived": "channel {channel} is archived",
    "user_not_found": "user {user} not found",
    "ratelimited": "Slack kept rate-limiting {method} beyond the retry budget",
    "not_json": "the answer was not valid JSON (cut off, or not from the Slack API)",
}


class SlackError(Exception):
    """A Slack failure as one readable line; never contains the token."""

    def __init__(self, message: str, code: str = "", method: str = ""):
        super().__init__(redact(message))
        self.code = code
        self.method = method

    def __reduce__(self):  # crosses process boundaries (forked miners) with its code intact
        return SlackError, (str(self), self.code, self.method)


def redact(s: str) -> str:
    return TOKEN_PATTERN.sub("xox?-[redacted]", s)


class RedactingFilter(logging.Filter):
    """Attach to log handlers: tokens never reach a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        if TOKEN_PATTERN.search(msg):
            record.msg, record.args = redact(msg), ()
        return True


class BudgetedRetryHandler(RetryHandler):
    """One handler for everything retryable, bounded by attempts and by a time budget.

    Passing our own handlers replaces slack-sdk's defaults (which retry only connection errors).
    """

    RETRY_STATUS = {429, 500, 502, 503, 504}
    RETRY_ERRORS = (URLError, ConnectionError, RemoteDisconnected, IncompleteRead, socket.timeout, TimeoutError)

    def __init__(self, max_retry_count: int, budget: float, base: float, stats: Counter, sleep=time.sleep):
        super().__init__(max_retry_count=max_retry_count)
        self.budget, self.base, self.stats, self.sleep = budget, base, stats, sleep

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        started = (state.custom_values or {}).get("started")
        if started is None:
            state.custom_values = {**(state.custom_values or {}), "started": time.monotonic()}
            started = state.custom_values["started"]
        if time.monotonic() - started > self.budget:
            return False
        if response is not None:
            return response.status_code in self.RETRY_STATUS
        return isinstance(error, self.RETRY_ERRORS)

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        state.next_attempt_requested = True
        if response is not None and response.status_code == 429:
            header = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), None)
            value = header[0] if isinstance(header, list) else header
            try:
                wait = float(value) if value is not None else 1.0
            except ValueError:
                wait = 1.0
            self.stats["retry_429"] += 1
        else:
            wait = self.base * (2 ** state.current_attempt) * (0.5 + random.random())
            self.stats["retry_5xx" if response is not None else "retry_conn"] += 1
        started = state.custom_values.get("started", time.monotonic())
        remaining = self.budget - (time.monotonic() - started)
        self.sleep(max(0.0, min(wait, remaining)))
        state.increment_current_attempt()


class KeepAliveClient(WebClient):
    """A WebClient that keeps its HTTP connections open between calls.

    slack-sdk sends each call through urllib, which opens a new connection (against Slack, a new TLS
    handshake) every time. Here a call borrows an idle connection to the host, or opens one, and
    gives it back when the answer has been read. Everything else is slack-sdk's: the request it
    built, its retry handlers, its response handling. Answers look as urllib's do: a status outside
    2xx raises HTTPError, a failure to connect or send raises URLError. A kept connection the server
    has meanwhile closed is replaced once at no cost; any other failure goes to the retry handlers.
    """

    MAX_IDLE = 8  # idle connections kept per host

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._undecoded = threading.local()  # see undecoded_call()
        self._idle: dict[tuple[str, str], list[HTTPConnection]] = {}
        self._idle_lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None
        weakref.finalize(self, _close_all, self._idle)

    def close(self) -> None:
        with self._idle_lock:
            _close_all(self._idle)

    def undecoded_call(self, method: str, params: dict) -> SlackResponse:
        """api_call, but a 2xx JSON answer comes back as bytes in `.data`, not yet decoded.

        With retry handlers set, slack-sdk decodes every 2xx answer twice: once for the handlers,
        once for the response. Ours look only at the status of a 2xx answer, so the caller
        decodes it once (and checks `ok`, which slack-sdk does not for bytes)."""
        self._undecoded.on = True
        try:
            return self.api_call(method, params=params)
        finally:
            self._undecoded.on = False

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict:
        if self.proxy is not None or req.type not in ("http", "https"):
            return super()._perform_urllib_http_request_internal(url, req)
        key = (req.type, req.host)
        headers = dict(req.header_items())
        for attempt in (1, 2):
            conn, reused = self._checkout(key)
            try:
                conn.request(req.get_method(), req.selector, body=req.data, headers=headers)
            except OSError as exc:
                conn.close()
                if reused and attempt == 1:
                    continue
                raise URLError(exc) from None
            try:
                resp = conn.getresponse()
                body = resp.read()
            except ConnectionError:  # includes RemoteDisconnected: closed before answering
                conn.close()
                if reused and attempt == 1:
                    continue
                raise
            except BaseException:
                conn.close()
                raise
            break
        if resp.will_close:
            conn.close()
        else:
            self._checkin(key, conn)
        if not 200 <= resp.status < 300:
            raise HTTPError(req.full_url, resp.status, resp.reason, resp.msg, io.BytesIO(body))
        kind = resp.msg.get_content_type()
        if kind == "application/gzip" or (kind == "application/json" and getattr(self._undecoded, "on", False)):
            return {"status": resp.status, "headers": resp.msg, "body": body}
        return {"status": resp.status, "headers": resp.msg, "body": body.decode(resp.msg.get_content_charset() or "utf-8")}

    def _checkout(self, key: tuple[str, str]) -> tuple[HTTPConnection, bool]:
        """An idle connection still open (the server may have closed it while idle), or a new one."""
        while True:
            with self._idle_lock:
                idle = self._idle.get(key)
                conn = idle.pop() if idle else None
            if conn is None:
                break
            if conn.sock is not None and not _readable(conn.sock):
                return conn, True
            conn.close()  # readable while idle: the server closed it (or sent junk)
        scheme, host = key
        if scheme == "https":
            if self._tls is None:
                self._tls = self.ssl or ssl.create_default_context()
            return HTTPSConnection(host, timeout=self.timeout, context=self._tls), False
        return HTTPConnection(host, timeout=self.timeout), False

    def _checkin(self, key: tuple[str, str], conn: HTTPConnection) -> None:
        with self._idle_lock:
            idle = self._idle.setdefault(key, [])
            if len(idle) < self.MAX_IDLE:
                idle.append(conn)
                return
        conn.close()


def _readable(sock: socket.socket) -> bool:
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


def _close_all(idle: dict) -> None:
    for conns in idle.values():
        while conns:
            conns.pop().close()
    idle.clear()


class Slack:
    """A region's Slack connection. `calls` counts API calls per method (tests and benches read it)."""

    def __init__(
        self,
        token: str,
        base_url: str = constants.SLACK_API_URL,
        *,
        page_size: int | None = None,
        retries: int | None = None,
        timeout: int | None = None,
        budget: float | None = None,
        backoff: float | None = None,
    ):
        c = constants  # read at call time, so tests and benches can tune them
        self._count_lock = threading.Lock()
        self.calls: Counter = Counter()
        self.retries: Counter = Counter()
        self.page_size = page_size or c.HISTORY_PAGE_SIZE
        timeout = timeout or c.REQUEST_TIMEOUT
        handler = BudgetedRetryHandler(
            c.RETRY_MAX if retries is None else retries, budget or c.REQUEST_BUDGET,
            c.BACKOFF_BASE if backoff is None else backoff, self.retries,
        )
        self._client = KeepAliveClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[handler])
        self._client._logger = logging.getLogger("miner.slack.sdk")  # never logs headers at our levels

    def __repr__(self) -> str:
        return "Slack(token=[redacted])"

    def close(self) -> None:
        """Close the kept-alive connections (they close by themselves when this object goes)."""
        self._client.close()

    # -- the one door -------------------------------------------------------------------------
    def call(self, method: str, context: dict | None = None, **params) -> dict:
        with self._count_lock:
            self.calls[method] += 1
        params = {k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in params.items()}
        try:
            resp = self._client.undecoded_call(method, params)
            if not isinstance(resp.data, bytes):
                return resp.data  # type: ignore[return-value]
            try:
                resp.data = json.loads(resp.data)
            except ValueError:
                resp.data = {"ok": False, "error": "not_json"}
            if not resp.data.get("ok"):
                raise SlackApiError(f"The request to the Slack API failed. (url: {resp.api_url})", resp)
            return resp.data
        except SlackApiError as exc:
            code, data = error_code(exc)
            raise SlackError(describe(method, code, data, context or params), code, method) from None
        except SlackRequestError as exc:
            raise SlackError(f"{method}: bad request ({exc})", "request", method) from None
        except (URLError, OSError, IncompleteRead) as exc:
            reason = getattr(exc, "reason", exc)
            raise SlackError(f"{method}: cannot reach Slack ({reason})", "connection", method) from None

    def paged(self, method: str, key: str, cursor: str | None = None, **params) -> Iterator[tuple[list, str]]:
        """Yield (items, next_cursor) per page until Slack returns an empty cursor."""
        while True:
            args = dict(params)
            if cursor:
                args["cursor"] = cursor
            data = self.call(method, **args)
            cursor = (data.get("response_metadata") or {}).get("next_cursor") or ""
            yield data.get(key) or [], cursor
            if not cursor:
                return

    # -- reads ----------------------------------------------------------------------------------
    def auth_test(self) -> dict:
        return self.call("auth.test")

    def fetch_channels(self) -> Iterator[dict]:
        for items, _ in self.paged(
            "conversations.list", "channels", types="public_channel,private_channel",
            exclude_archived="false", limit=constants.LIST_PAGE_SIZE,
        ):
            yield from items

    def fetch_users(self) -> Iterator[dict]:
        for items, _ in self.paged("users.list", "members", limit=constants.LIST_PAGE_SIZE):
            yield from items

    def fetch_history(self, channel: str, oldest: str, cursor: str | None = None) -> Iterator[tuple[list, str]]:
        """Pages of a channel's history newer than `oldest`, newest first; resumable by cursor."""
        yield from self.paged(
            "conversations.history", "messages", cursor=cursor, channel=channel, oldest=oldest,
            inclusive="true", limit=self.page_size, include_all_metadata="true",
        )

    def fetch_replies(self, channel: str, thread_ts: str) -> list[dict]:
        """The whole thread (parent first), across pages; Slack repeats the parent on every page."""
        out: dict[str, dict] = {}
        for items, _ in self.paged(
            "conversations.replies", "messages", channel=channel, ts=thread_ts,
            limit=self.page_size, include_all_metadata="true",
        ):
            out.update((m["ts"], m) for m in items if m.get("ts"))
        return list(out.values())

    def permalink(self, channel: str, ts: str) -> str:
        return self.call("chat.getPermalink", channel=channel, message_ts=ts).get("permalink", "")

    # -- writes ---------------------------------------------------------------------------------
    def join(self, channel: str) -> None:
        self.call("conversations.join", channel=channel)

    def open_dm(self, user_id: str) -> str:
        return self.call("conversations.open", users=user_id)["channel"]["id"]

    def post_message(self, channel: str, text: str, **extra) -> str:
        return self.call("chat.postMessage", channel=channel, text=text, **extra).get("ts", "")

    def upload_file(self, channel: str, content: bytes, filename: str, title: str, comment: str) -> None:
        """files_upload_v2 with a channel ID (files.upload is gone)."""
        self.calls["files_upload_v2"] += 1
        try:
            self._client.files_upload_v2(
                channel=channel, content=content, filename=filename, title=title, initial_comment=comment,
            )
        except SlackApiError as exc:
            code, data = error_code(exc)
            raise SlackError(describe("files_upload_v2", code, data, {"channel": channel}), code) from None
        except (SlackRequestError, URLError, OSError) as exc:
            raise SlackError(f"files_upload_v2: upload failed ({exc})", "connection") from None


def error_code(exc: SlackApiError) -> tuple[str, dict]:
    """Slack's error code; a 5xx (JSON or an HTML error page) is `http_<status>` with Slack's code kept."""
    data = exc.response.data if isinstance(exc.response.data, dict) else {}
    status = exc.response.status_code
    if status >= 500:
        error = str(data.get("error") or "")
        return f"http_{status}", {**data, "detail": "" if error.startswith("Received a response") else error}
    return data.get("error") or f"http_{status}", data


def describe(method: str, code: str, data: dict, context: dict) -> str:
    if code == "missing_scope":
        return f"{method}: the Slack app lacks the scope {data.get('needed', '?')}; add it and reinstall the app"
    template = FRIENDLY.get(code)
    if template:
        safe = {"channel": context.get("channel", "?"), "user": context.get("user", "?"), "method": method}
        return f"{method}: " + template.format(**safe)
    if code.startswith("http_5"):
        detail = f" {data['detail']}" if data.get("detail") else ""
        return f"{method}: Slack kept failing (HTTP {code[5:]}{detail}) beyond the retry budget"
    return f"{method}: Slack error {code}"
