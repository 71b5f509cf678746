"""All Slack I/O: the only module that imports slack_sdk.

One `Slack` per region token. Every call goes through `call()`, which counts calls per method, waits
for the workspace's pace (miner/slack/pace.py: Slack's limit per workspace and method, shared by every
thread and process of the host), waits out 429s for as long as Slack says (never "out of retries":
only the region's deadline for the night stops it, as SlackError code `deadline`), retries 5xx,
connection errors and read timeouts within a per-request time budget, and turns Slack errors into
`SlackError` with one clear line.
Paginated reads use our own cursor loop: a page that fails after its retries raises; it is
never silently the end. A short page is not the end either: only an empty cursor is.
"""

from __future__ import annotations

import json
import logging
import random
import re
import socket
import sys
import threading
import time
import urllib.request
from collections import Counter
from http.client import IncompleteRead, RemoteDisconnected
from typing import Iterator
from urllib.error import HTTPError, URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry import RetryHandler

from miner.core import constants
from miner.core.errors import PaxminerError
from miner.slack.pace import DeadlineReached, Pacer, workspace_key

log = logging.getLogger("miner.slack.client")
# A message whose blocks nest a thousand deep must not make its whole history page unreadable (the
# JSON decoder counts nesting against the recursion limit): pages up to this depth are read, and the
# archive keeps such blocks out (miner.archive.store.DEPTH_MAX).
JSON_DEPTH = 6000
if sys.getrecursionlimit() < JSON_DEPTH:
    sys.setrecursionlimit(JSON_DEPTH)
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
    "deadline": "stopped at the region's deadline for the night while waiting for Slack's rate limit (resumed next run)",
    "not_json": "the answer was not valid JSON (cut off, or not from the Slack API)",
}


class SlackError(PaxminerError):
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
    """5xx, connection errors and read timeouts, bounded by attempts and by a time budget; each retry
    also waits for the workspace's pace (a retried call is a call). 429 is not retried here:
    `Slack.call` waits it out as long as Slack says.

    Passing our own handlers replaces slack-sdk's defaults (which retry only connection errors).
    """

    RETRY_STATUS = {500, 502, 503, 504}
    RETRY_ERRORS = (URLError, ConnectionError, RemoteDisconnected, IncompleteRead, socket.timeout, TimeoutError)

    def __init__(self, max_retry_count: int, budget: float, base: float, stats: Counter, sleep=time.sleep,
                 pacer: Pacer | None = None):
        super().__init__(max_retry_count=max_retry_count)
        self.budget, self.base, self.stats, self.sleep, self.pacer = budget, base, stats, sleep, pacer

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        started = (state.custom_values or {}).get("started")
        if started is None:
            state.custom_values = {**(state.custom_values or {}), "started": time.monotonic()}
            started = state.custom_values["started"]
        if time.monotonic() - started > self.budget:
            return False
        if self.pacer is not None and self.pacer.remaining() is not None and self.pacer.remaining() <= 0:
            return False
        if response is not None:
            return response.status_code in self.RETRY_STATUS
        return isinstance(error, self.RETRY_ERRORS)

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        state.next_attempt_requested = True
        wait = self.base * (2 ** state.current_attempt) * (0.5 + random.random())
        self.stats["retry_5xx" if response is not None else "retry_conn"] += 1
        started = state.custom_values.get("started", time.monotonic())
        remaining = self.budget - (time.monotonic() - started)
        self.sleep(max(0.0, min(wait, remaining)))
        if self.pacer is not None:
            self.pacer.wait(api_method(request.url), check_deadline=False, park=False)  # inside slack-sdk's call
        state.increment_current_attempt()


class WriteRetryHandler(BudgetedRetryHandler):
    """For writes (a message posted, a file shared): retries only what surely did not arrive.

    A refused connection (the request never left) is retried (a 429 is waited out by `Slack.call`:
    Slack did not take the call); a read timeout, a dropped connection or a 5xx after the request
    went out are not: the message may have been posted, and sending it again would post it twice
    (miner.slack.send finds out instead).
    """

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if response is not None or error is None or not refused(error):
            return False
        return super()._can_retry(state=state, request=request, response=response, error=error)


def refused(error: BaseException) -> bool:
    """The connection was refused: the request surely never reached Slack."""
    reason = getattr(error, "reason", error)
    return isinstance(reason, ConnectionRefusedError) or isinstance(error, ConnectionRefusedError)


def is_timeout(error: BaseException) -> bool:
    reason = getattr(error, "reason", error)
    return isinstance(reason, (socket.timeout, TimeoutError)) or isinstance(error, (socket.timeout, TimeoutError))


# methods whose repetition would post twice: sent by the write client, never retried blindly
WRITE_METHODS = frozenset({"chat.postMessage", "files.completeUploadExternal"})
DELIVERY_EVENT = "paxminer_delivery"  # our message metadata's event_type; its payload carries the delivery key


def api_method(url: str) -> str:
    return url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def retry_after(headers) -> float:
    """Seconds from a 429's Retry-After header (1 when missing or unreadable)."""
    for k, v in (headers or {}).items():
        if k.lower() == "retry-after":
            value = v[0] if isinstance(v, list) else v
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


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
        tier: str = "distributed",
        window: float = 60.0,
        pace_dir: str = "",
        deadline: float | None = None,
    ):
        c = constants  # read at call time, so tests and benches can tune them
        # the workspace's pace: shared through files under pace_dir by every thread and process
        self.pacer = Pacer(workspace_key(token, base_url), tier, window, pace_dir, deadline)
        self._count_lock = threading.Lock()
        self.calls: Counter = Counter()
        self.retries: Counter = Counter()
        self.page_size = page_size or c.HISTORY_PAGE_SIZE
        timeout = timeout or c.REQUEST_TIMEOUT
        handler = BudgetedRetryHandler(
            c.RETRY_MAX if retries is None else retries, budget or c.REQUEST_BUDGET,
            c.BACKOFF_BASE if backoff is None else backoff, self.retries, pacer=self.pacer,
        )
        # slack-sdk logs request headers at DEBUG: its own logger, kept at WARNING by the CLI
        self._client = WebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[handler],
                                 logger=logging.getLogger("miner.slack.sdk"))
        writes = WriteRetryHandler(
            c.RETRY_MAX if retries is None else retries, budget or c.REQUEST_BUDGET,
            c.BACKOFF_BASE if backoff is None else backoff, self.retries, pacer=self.pacer,
        )
        self._writer = WebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[writes],
                                 logger=logging.getLogger("miner.slack.sdk"))
        self.timeout = timeout

    def __repr__(self) -> str:
        return "Slack(token=[redacted])"

    def close(self) -> None:
        """Nothing to close: slack-sdk opens a connection per call."""

    # -- the one door -------------------------------------------------------------------------
    def call(self, method: str, context: dict | None = None, **params) -> dict:
        return self.response(method, context, **params).data  # type: ignore[return-value]

    def response(self, method: str, context: dict | None = None, **params):
        """`call`, returning slack-sdk's response (its headers too)."""
        params = {k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in params.items()}
        client = self._writer if method in WRITE_METHODS else self._client
        with self.pacer.turn(method):
            while True:
                try:
                    self.pacer.wait(method)
                except DeadlineReached:
                    raise SlackError(describe(method, "deadline", {}, context or params), "deadline", method) from None
                with self._count_lock:
                    self.calls[method] += 1
                try:
                    try:
                        return client.api_call(method, params=params)
                    finally:  # the next call of the method is spaced from this one's answer
                        self.pacer.done(method)
                except SlackApiError as exc:
                    if exc.response.status_code == 429:  # held back: wait as long as Slack says, then again
                        with self._count_lock:
                            self.retries["retry_429"] += 1
                        self.pacer.penalize(method, retry_after(exc.response.headers))
                        continue
                    code, data = error_code(exc)
                    raise SlackError(describe(method, code, data, context or params), code, method) from None
                except SlackRequestError as exc:
                    raise SlackError(f"{method}: bad request ({exc})", "request", method) from None
                except ValueError:  # a 2xx answer whose JSON does not parse (cut off, or not Slack's)
                    raise SlackError(describe(method, "not_json", {}, context or params), "not_json", method) from None
                except (URLError, OSError, IncompleteRead) as exc:
                    reason = getattr(exc, "reason", exc)
                    code = "refused" if refused(exc) else "timeout" if is_timeout(exc) else "connection"
                    raise SlackError(f"{method}: cannot reach Slack ({reason})", code, method) from None

    @property
    def deadline(self) -> float | None:
        return self.pacer.deadline

    @deadline.setter
    def deadline(self, value: float | None) -> None:
        self.pacer.deadline = value

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

    def token_info(self) -> tuple[dict, set[str] | None]:
        """auth.test's answer and the token's scopes (Slack's x-oauth-scopes header; None if not sent)."""
        resp = self.response("auth.test")
        header = next((v for k, v in (resp.headers or {}).items() if k.lower() == "x-oauth-scopes"), None)
        if isinstance(header, list):
            header = ",".join(header)
        scopes = None if header is None else {s.strip() for s in header.split(",") if s.strip()}
        return resp.data, scopes

    def fetch_channels(self) -> Iterator[dict]:
        for items, _ in self.paged(
            "conversations.list", "channels", types="public_channel,private_channel",
            exclude_archived="false", limit=constants.LIST_PAGE_SIZE,
        ):
            yield from items

    def fetch_users(self) -> Iterator[dict]:
        for items, _ in self.paged("users.list", "members", limit=constants.LIST_PAGE_SIZE):
            yield from items

    def fetch_history(self, channel: str, oldest: str, cursor: str | None = None,
                      latest: str | None = None) -> Iterator[tuple[list, str]]:
        """Pages of a channel's history newer than `oldest` (and not newer than `latest`), newest
        first; resumable by cursor."""
        bound = {"latest": latest} if latest else {}
        yield from self.paged(
            "conversations.history", "messages", cursor=cursor, channel=channel, oldest=oldest,
            inclusive="true", limit=self.page_size, include_all_metadata="true", **bound,
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

    def open_group_dm(self, user_ids: list[str]) -> str:
        """A DM between the bot and these people (a group DM for two or more; needs mpim:write)."""
        return self.call("conversations.open", users=",".join(user_ids))["channel"]["id"]

    def publish_home(self, user_id: str, view: dict) -> None:
        """The app's Home tab as this user sees it (views.publish; the Home tab must be on in the app)."""
        self.call("views.publish", {"user": user_id}, user_id=user_id, view=view)

    def post_message(self, channel: str, text: str, key: str | None = None, **extra) -> str:
        """Post; with a delivery `key`, the message carries it in our metadata (see find_delivery)."""
        if key is not None:
            extra["metadata"] = {"event_type": DELIVERY_EVENT, "event_payload": {"key": key}}
        return self.call("chat.postMessage", channel=channel, text=text, **extra).get("ts", "")

    def upload_start(self, filename: str, length: int) -> tuple[str, str]:
        """files.getUploadURLExternal: (upload URL, file ID). Nothing is shared until upload_complete."""
        data = self.call("files.getUploadURLExternal", filename=filename, length=length)
        return data["upload_url"], data["file_id"]

    def upload_bytes(self, url: str, content: bytes) -> None:
        """POST the file's bytes to its upload URL (as slack-sdk's files_upload_v2 does); safe to repeat."""
        with self._count_lock:
            self.calls["upload"] += 1
        req = urllib.request.Request(url, data=content, method="POST")
        for attempt in range(3):
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - Slack's upload URL
                    resp.read()
                    if resp.status == 200:
                        return
                    raise SlackError(f"file upload: HTTP {resp.status}", f"http_{resp.status}", "upload")
            except HTTPError as exc:
                raise SlackError(f"file upload: HTTP {exc.code}", f"http_{exc.code}", "upload") from None
            except (URLError, OSError) as exc:
                if attempt == 2:
                    raise SlackError(f"file upload: cannot reach Slack ({getattr(exc, 'reason', exc)})",
                                     "connection", "upload") from None
                time.sleep(constants.BACKOFF_BASE * 2 ** attempt)

    def upload_complete(self, file_id: str, title: str, channel: str, comment: str) -> None:
        """files.completeUploadExternal: shares the file in `channel` (a write: never retried blindly)."""
        self.call("files.completeUploadExternal", files=[{"id": file_id, "title": title}], channel_id=channel,
                  initial_comment=comment)

    def find_delivery(self, channel: str, oldest: str, key: str | None = None, file_id: str | None = None) -> str | None:
        """The ts of the message in `channel` since `oldest` that carries delivery `key` in our metadata,
        or that shared file `file_id`; None if there is none."""
        for items, _ in self.fetch_history(channel, oldest):
            for m in items:
                meta = m.get("metadata") or {}
                if key is not None and meta.get("event_type") == DELIVERY_EVENT \
                        and (meta.get("event_payload") or {}).get("key") == key:
                    return m.get("ts")
                if file_id is not None and any(f.get("id") == file_id for f in m.get("files") or []):
                    return m.get("ts")
        return None


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
