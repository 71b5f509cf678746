"""FakeSlack: an HTTP server on loopback speaking the Slack Web API for one or more workspaces.

Requests arrive as slack_sdk sends them: GET/POST /api/<method>, query string and form-encoded (or
JSON) body, token in `Authorization: Bearer`; a new connection per call (urllib) or kept alive
(HTTP/1.1, as our client does).
Faults (5xx, 429 + Retry-After, slow responses, sustained tier limits) are injected per method and
optionally per token; `violations` counts requests that came back before a Retry-After we sent had
elapsed.

The HTTP layer is small on purpose (benchmarks run this server on the machine they measure, and
real Slack's CPU is not ours): worker threads block in accept() on the listening socket and each
serves one connection (Content-Length bodies, answered with Content-Length). As a real front end
does, an HTTP/1.1 connection is kept alive until the client closes it, it sits idle longer than
`keepalive_idle` (then it is closed without a word, as servers do), or it has served
`keepalive_max` requests (the last answer says `Connection: close`). The pool grows so that one
worker is always waiting: a slow answer or a `latency` sleep (taken outside every lock) never holds
up another client. Pages of messages are spliced from each stored message's cached JSON (see
Workspace.encode).
"""

from __future__ import annotations

import email.parser
import json
import math
import socket
import threading
import time
import traceback
from collections import Counter
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import unquote_plus

from miner.slack.scopes import REQUIRED
from tests.fakeslack.state import ApiError, Workspace, dumps, receive_upload

GRACE = 0.05  # seconds of clock slack before a too-early retry counts as a violation
HTML_5XX = "<html><head><title>{0}</title></head><body><h1>{0}</h1></body></html>"
REASONS = {s.value: s.phrase for s in HTTPStatus}
JSON = "application/json; charset=utf-8"
MAX_HEAD = 65536  # bytes of request line + headers
POOL_START = 4  # worker threads at start; more are added while every one is busy
KEEPALIVE_IDLE = 10.0  # seconds an idle kept-alive connection stays open
KEEPALIVE_MAX = 1000  # requests served on one connection, then it is closed


class _Request:
    """One parsed HTTP request: the connection it came on, and what it said."""

    __slots__ = ("conn", "verb", "path", "query", "version", "headers", "body", "keep")

    def __init__(self, conn: socket.socket, verb: str, target: str, version: str, headers: dict, body: bytes):
        self.conn, self.verb, self.version, self.headers, self.body = conn, verb, version, headers, body
        self.path, _, self.query = target.partition("?")
        self.keep = False  # keep the connection open after the answer


class FakeSlack:
    def __init__(self, latency: float = 0.0, host: str = "127.0.0.1", port: int = 0,
                 keepalive_idle: float = KEEPALIVE_IDLE, keepalive_max: int = KEEPALIVE_MAX):
        self.latency, self.host, self.port = latency, host, port
        self.keepalive_idle, self.keepalive_max = keepalive_idle, keepalive_max
        self.connections = 0  # accepted so far (tests count reuse with it)
        self.calls: Counter = Counter()
        self.violations = 0
        self.limited: Counter = Counter()  # 429s answered, per method (injected and enforced alike)
        self.limits: tuple[float, str] | None = None  # limit mode: (window seconds, tier); see limit_mode()
        self.errors: list[str] = []  # server-side exceptions (a test should expect none)
        self._lock = threading.Lock()
        self._by_token: dict[str, Workspace] = {}
        self._by_key: dict[str, Workspace] = {}
        self._faults: list[dict] = []
        self._until: dict[tuple, float] = {}  # (token, method) -> monotonic time the Retry-After ends
        self._sock: socket.socket | None = None
        self._pool_lock = threading.Lock()
        self._idle = 0  # workers waiting in accept()
        self._spawned = 0
        self._open: set[socket.socket] = set()  # connections being served (closed by stop())
        self.origin = ""
        self.socket = None  # a tests.fakeslack.socket.SocketHub once socket_mode() is called

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> str:
        sock = socket.create_server((self.host, self.port), backlog=256)
        self.port = sock.getsockname()[1]
        self.origin = f"http://{self.host}:{self.port}"
        for ws in self._by_token.values():
            ws.origin = self.origin
            ws.warm()  # what is there already is encoded before the clock starts (Slack's CPU is not ours)
        self._sock = sock
        with self._pool_lock:
            for _ in range(POOL_START):
                self._spawn(sock)
        return self.base_url

    def stop(self) -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)  # wakes the workers in accept() (Linux)
        except OSError:
            pass
        for _ in range(self._idle):  # elsewhere: a connection per waiting worker (refused once shut down)
            try:
                socket.create_connection((self.host, self.port), timeout=1).close()
            except OSError:
                break
        with self._pool_lock:
            live = list(self._open)
        for conn in live:  # wakes workers waiting for a kept-alive connection's next request
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        sock.close()
        if self.socket is not None:
            self.socket.stop()

    def socket_mode(self, app_token: str = "xapp-1-A0PAXMINER-1-fakeapptoken"):
        """Turn on Socket Mode for `app_token`: apps.connections.open answers with a loopback ws://
        URL, and every workspace's changes are pushed as events (tests.fakeslack.socket)."""
        from tests.fakeslack.socket import SocketHub

        if self.socket is None:
            self.socket = SocketHub(self.host)
            self.socket.start()
            for ws in self.workspaces:
                ws.on_event = self.socket.push
        self.socket.app_tokens.add(app_token)
        return self.socket

    def _spawn(self, sock: socket.socket) -> None:
        """Start one more worker (caller holds _pool_lock)."""
        self._idle += 1
        self._spawned += 1
        threading.Thread(target=self._worker, args=(sock,), daemon=True, name=f"fakeslack-{self._spawned}").start()

    def _worker(self, sock: socket.socket) -> None:
        while self._sock is sock:
            try:
                conn, _ = sock.accept()
            except OSError:  # the server stopped
                break
            with self._pool_lock:
                self._idle -= 1
                self.connections += 1
                self._open.add(conn)
                if self._idle == 0 and self._sock is sock:
                    self._spawn(sock)  # keep one worker waiting: clients never queue behind a busy one
            try:
                if self._sock is sock:
                    self._serve(conn)
            except Exception as exc:  # a bug in the fake: make it loud
                self.errors.append(f"serving a request: {exc!r}\n{traceback.format_exc()}")
            finally:
                with self._pool_lock:
                    self._open.discard(conn)
                conn.close()
            with self._pool_lock:
                self._idle += 1
        with self._pool_lock:
            self._idle -= 1

    def __enter__(self) -> "FakeSlack":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def open_connections(self) -> int:
        """Connections being served (kept alive or answering) right now."""
        with self._pool_lock:
            return len(self._open)

    @property
    def base_url(self) -> str:
        return f"{self.origin}/api/"

    # -- workspaces -------------------------------------------------------------------------------
    def add_workspace(self, token: str, team: str = "T1", name: str = "f3demo", page_cap: int | None = None) -> Workspace:
        ws = Workspace(token, team=team, name=name, page_cap=page_cap)
        if self.limits:
            _apply_limits(ws, *self.limits)
        with self._lock:
            ws.key = f"w{len(self._by_key) + 1}"
            ws.origin = self.origin
            self._by_token[token] = ws
            self._by_key[ws.key] = ws
        if self.socket is not None:
            ws.on_event = self.socket.push
        return ws

    def workspace(self, token: str) -> Workspace:
        return self._by_token[token]

    @property
    def workspaces(self) -> list[Workspace]:
        return list(self._by_token.values())

    # -- Slack's real rate limits -----------------------------------------------------------------
    def limit_mode(self, window: float = 60.0, tier: str = "distributed") -> None:
        """Enforce Slack's limits per workspace and method, in a minute scaled down to `window`
        seconds: for an app distributed outside the Marketplace ("distributed") one
        conversations.history and one conversations.replies call per window and at most 15
        messages a page; "internal"/"marketplace": 50 a window (Tier 3). Listing methods get Tier 2
        (20), join/open/info Tier 3 (50). Past a limit: 429 with Retry-After (fractional seconds when
        the window is scaled down). Applies to every workspace, present and future."""
        self.limits = (float(window), tier)
        for ws in self.workspaces:
            _apply_limits(ws, float(window), tier)

    # -- fault injection --------------------------------------------------------------------------
    def fail(self, method: str, status: int = 500, times: int = 1, token: str | None = None, body: str | None = None,
             after: int = 0):
        """The next `times` calls of `method` answer HTTP `status` (500: JSON body, 502-504: HTML);
        `after`: once that many calls of it went through (a failure on the second page, say)."""
        self._add_fault(kind="status", method=method, times=times, token=token, status=status, body=body, after=after)

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 1, token: str | None = None):
        """The next `times` calls of `method` answer HTTP 429 with `Retry-After: retry_after`."""
        self._add_fault(kind="429", method=method, times=times, token=token, retry_after=int(retry_after))

    def drop(self, method: str, times: int = 1, token: str | None = None, after: int = 0):
        """The next `times` calls of `method` (after `after` that go through) are not answered: the
        connection closes after the request arrives, as when a server times out an idle kept-alive
        connection just as the client reuses it. Not counted as calls (the server never took them)."""
        self._add_fault(kind="drop", method=method, times=times, token=token, after=after)

    def timeouts(self, method: str, times: int = 1, delay: float = 2.0, token: str | None = None, process: bool = True):
        """The next `times` calls are processed, then the answer is held `delay` seconds (past a client
        timeout). process=False: held and never processed (the request was lost on Slack's side)."""
        self._add_fault(kind="slow", method=method, times=times, token=token, delay=delay, process=process)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._until.clear()

    def _add_fault(self, **fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, token: str | None, kinds: tuple) -> dict | None:
        with self._lock:
            for f in self._faults:
                if f["kind"] in kinds and f["method"] == method and f["token"] in (None, token) and f["times"] > 0:
                    if f.get("after"):  # this call goes through
                        f["after"] -= 1
                        continue
                    f["times"] -= 1
                    return f
        return None

    # -- request handling -------------------------------------------------------------------------
    def _serve(self, conn: socket.socket) -> None:
        """Serve one connection: requests one after another while it is kept alive."""
        pending, served = b"", 0
        while self._sock is not None:
            try:
                h, pending = _read_request(conn, pending)
            except OSError:  # the client hung up, or the connection sat idle too long
                return
            except ValueError:
                return self._send(_Request(conn, "", "", "HTTP/1.0", {}, b""), 400, b"Bad Request", "text/plain")
            if h is None:
                return
            served += 1
            h.keep = (h.version == "HTTP/1.1" and h.headers.get("connection", "").lower() != "close"
                      and served < self.keepalive_max)
            if h.verb not in ("GET", "POST"):
                h.keep = False
                return self._send(h, 501, b"Unsupported method", "text/plain")
            self._handle(h)
            if not h.keep:
                return
            conn.settimeout(self.keepalive_idle)

    def _handle(self, h: _Request) -> None:
        path, raw = h.path, h.body
        if path.startswith("/upload/"):
            return self._upload(h, path, raw)
        if not path.startswith("/api/"):
            return self._send(h, 404, b"not found", "text/plain")
        method = path[len("/api/"):]
        params = _parse_qs(h.query)
        try:
            params.update(_body_params(h.headers.get("content-type", ""), raw))
        except ValueError:
            return self._send_json(h, 200, {"ok": False, "error": "invalid_form_data"})
        auth = h.headers.get("authorization", "")
        token = auth[7:].strip() if auth.startswith("Bearer ") else None
        token = token or params.pop("token", None)
        params.pop("token", None)
        if self._take_fault(method, token, ("drop",)) is not None:
            h.keep = False
            return
        ws = self._by_token.get(token) if token else None
        with self._lock:
            self.calls[method] += 1
        if ws is not None:
            with ws.lock:
                ws.calls[method] += 1
                ws.requests.append((method, dict(params)))
        if self.latency:
            time.sleep(self.latency)

        now = time.monotonic()
        key = (token, method)
        with self._lock:
            until = self._until.get(key, 0.0)
            early = now < until - GRACE
            if early:
                self.violations += 1
        if early:
            return self._send_429(h, key, _retry_seconds(until - now, self.limits), extend=False)
        fault = self._take_fault(method, token, ("status", "429"))
        if fault is not None and fault["kind"] == "status":
            return self._send_5xx(h, fault["status"], fault["body"])
        if fault is not None:
            return self._send_429(h, key, fault["retry_after"])
        if ws is not None and method in ws.tiers:
            retry = _tier_check(ws, method, now, self.limits)
            if retry:
                return self._send_429(h, key, retry)
        slow = self._take_fault(method, token, ("slow",))
        if slow is not None and not slow.get("process", True):
            time.sleep(slow["delay"])
            return self._send_5xx(h, 504, None)

        status, body = 200, self._answer(ws, token, method, params)
        if slow is not None:
            time.sleep(slow["delay"])
        self._send(h, status, body, headers=_scopes_header(ws))

    def _answer(self, ws: Workspace | None, token: str | None, method: str, params: dict) -> bytes:
        if not token:
            return _err("not_authed")
        if method == "apps.connections.open":  # app-level token only, like Slack
            if self.socket is None or token not in self.socket.app_tokens:
                return _err("not_allowed_token_type" if token.startswith("xox") else "invalid_auth")
            return dumps({"ok": True, "url": self.socket.open_url()}).encode()
        if ws is None:
            return _err("invalid_auth")
        if ws.revoked:
            return _err("token_revoked")
        if method in ws.scopes_missing:
            return _err("missing_scope", needed=ws.scopes_missing[method], provided="channels:read,users:read")
        with ws.lock:
            try:
                return ws.encode(ws.api(method, params)).encode()
            except ApiError as exc:
                return _err(exc.code, **exc.extra)
            except Exception as exc:  # a bug in the fake: make it loud
                self.errors.append(f"{method}: {exc!r}\n{traceback.format_exc()}")
                return _err("fake_internal_error", detail=repr(exc))

    def _upload(self, h, path: str, raw: bytes) -> None:
        with self._lock:
            self.calls["upload"] += 1
        parts = path.strip("/").split("/")  # upload / v1 / key / fid
        ws = self._by_key.get(parts[2]) if len(parts) == 4 else None
        if ws is not None:
            with ws.lock:
                ok = receive_upload(ws, parts[3], raw)
            if ok:
                return self._send(h, 200, f"OK - {len(raw)}".encode(), "text/plain")
        self._send(h, 404, b"Not Found", "text/plain")

    # -- responses --------------------------------------------------------------------------------
    def _send_429(self, h, key: tuple, retry_after: float, extend: bool = True) -> None:
        ws = self._by_token.get(key[0]) if key[0] else None
        if ws is not None:
            with ws.lock:
                ws.limited[key[1]] += 1
        with self._lock:
            self.limited[key[1]] += 1
            if extend:
                self._until[key] = time.monotonic() + retry_after
        body = dumps({"ok": False, "error": "ratelimited"}).encode()
        value = str(int(retry_after)) if float(retry_after).is_integer() else f"{retry_after:.3f}"
        self._send(h, 429, body, headers={"Retry-After": value})

    def _send_5xx(self, h, status: int, body: str | None) -> None:
        if body is not None:
            return self._send(h, status, body.encode(), "text/plain")
        if status == 500:
            return self._send_json(h, 500, {"ok": False, "error": "internal_error"})
        self._send(h, status, HTML_5XX.format(f"{status} {REASONS.get(status, '')}".strip()).encode(), "text/html")

    def _send_json(self, h, status: int, obj: dict) -> None:
        self._send(h, status, dumps(obj).encode())

    @staticmethod
    def _send(h: _Request, status: int, body: bytes, ctype: str = JSON, headers=None) -> None:
        version = "HTTP/1.1" if h.version == "HTTP/1.1" else "HTTP/1.0"
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items()) if headers else ""
        head = (f"{version} {status} {REASONS.get(status, '')}\r\nServer: FakeSlack/1.0\r\nDate: {_http_date()}\r\n"
                f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n{extra}"
                f"Connection: {'keep-alive' if h.keep else 'close'}\r\n\r\n")
        try:
            h.conn.sendall(head.encode("latin-1") + body)
        except OSError:  # the client gave up (timeout) or hung up
            pass


def _scopes_header(ws: Workspace | None) -> dict | None:
    """Slack names a valid token's scopes in x-oauth-scopes on every Web API answer."""
    if ws is None or ws.revoked:
        return None
    if ws.scopes is None:
        return {"x-oauth-scopes": ",".join(REQUIRED)}
    return {"x-oauth-scopes": ",".join(sorted(ws.scopes))}


def _read_request(conn: socket.socket, buf: bytes = b"") -> tuple[_Request | None, bytes]:
    """Read one request: request line, headers, Content-Length body; `buf` holds bytes already read.
    Returns (request, bytes read past it); (None, b"") if the client hung up first.
    ValueError if it is not HTTP/1.x."""
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            break
        if len(buf) > MAX_HEAD:
            raise ValueError("request head too large")
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        buf += chunk
    lines = buf[:end].decode("latin-1").split("\r\n")
    verb, target, version = lines[0].split(" ")
    if not version.startswith("HTTP/1."):
        raise ValueError(f"not HTTP/1.x: {version}")
    headers = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", ""):
        raise ValueError("chunked bodies are not supported (urllib sends Content-Length)")
    n = int(headers.get("content-length") or 0)
    body = buf[end + 4:]
    if len(body) < n:
        parts, got = [body], len(body)
        while got < n:
            chunk = conn.recv(min(n - got, 1 << 20))
            if not chunk:
                return None, b""
            parts.append(chunk)
            got += len(chunk)
        body = b"".join(parts)
    return _Request(conn, verb, target, version, headers, body[:n]), body[n:]


_date = (0, "")


def _http_date() -> str:
    """The Date header, formatted once a second."""
    global _date
    now = int(time.time())
    if _date[0] != now:
        _date = (now, formatdate(now, usegmt=True))
    return _date[1]


def _parse_qs(query: str) -> dict:
    """parse_qsl(query, keep_blank_values=True) as a dict, without unquoting what needs none."""
    out = {}
    for pair in query.split("&"):
        if pair:
            k, _, v = pair.partition("=")
            if "%" in pair or "+" in pair:
                k, v = unquote_plus(k), unquote_plus(v)
            out[k] = v
    return out


def _err(code: str, **extra) -> bytes:
    return dumps({"ok": False, "error": code, **extra}).encode()


def _tier_check(ws: Workspace, method: str, now: float, limits=None) -> float:
    """Sliding-window limit: 0 if allowed (and recorded), else the Retry-After seconds (whole seconds,
    as Slack sends them, unless limit mode scales the minute down)."""
    with ws.lock:
        per, window, times = ws.tiers[method]
        while times and times[0] <= now - window:
            times.popleft()
        if len(times) >= per:
            return _retry_seconds(times[0] + window - now, limits)
        times.append(now)
        return 0


def _retry_seconds(left: float, limits) -> float:
    if limits and limits[0] < 60:  # a scaled-down minute: Retry-After scaled too
        return max(0.001, math.ceil(left * 1000) / 1000)
    return max(1, math.ceil(left))


LIMITS = {  # calls per window by tier (limit mode); page cap
    "distributed": {"conversations.history": 1, "conversations.replies": 1},
    "internal": {"conversations.history": 50, "conversations.replies": 50},
    "marketplace": {"conversations.history": 50, "conversations.replies": 50},
}
COMMON_LIMITS = {"conversations.list": 20, "users.list": 20, "conversations.join": 50, "conversations.open": 50,
                 "conversations.info": 50}


def _apply_limits(ws: Workspace, window: float, tier: str) -> None:
    for method, per in {**COMMON_LIMITS, **LIMITS[tier]}.items():
        ws.tier_limit(method, per, window)
    if tier == "distributed":
        ws.page_cap = min(ws.page_cap or 15, 15)


def _body_params(ctype: str, raw: bytes) -> dict:
    if not raw:
        return {}
    low = ctype.lower()
    if low.startswith("application/json"):
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("json body must be an object")
        return data
    if low.startswith("multipart/form-data"):
        msg = email.parser.BytesParser().parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + raw)
        out = {}
        for part in msg.get_payload() or []:
            name = part.get_param("name", header="content-disposition")
            if name:
                payload = part.get_payload(decode=True) or b""
                out[name] = payload if part.get_filename() else payload.decode("utf-8", "replace")
        return out
    return _parse_qs(raw.decode("utf-8"))
