"""FakeSlack: an HTTP server on loopback speaking the Slack Web API for one or more workspaces.

Requests arrive as slack_sdk sends them: POST /api/<method>, form-encoded (or JSON) body, token in
`Authorization: Bearer`. Faults (5xx, 429 + Retry-After, slow responses, sustained tier limits) are
injected per method and optionally per token; `violations` counts requests that came back before a
Retry-After we sent had elapsed.
"""

from __future__ import annotations

import email.parser
import json
import math
import threading
import time
import traceback
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

from tests.fakeslack.state import ApiError, Workspace, receive_upload

GRACE = 0.05  # seconds of clock slack before a too-early retry counts as a violation
HTML_5XX = "<html><head><title>{0}</title></head><body><h1>{0}</h1></body></html>"
REASONS = {500: "500 Internal Server Error", 502: "502 Bad Gateway", 503: "503 Service Unavailable",
           504: "504 Gateway Timeout"}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request, client_address):  # clients that hang up are not our problem
        pass


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeSlack/1.0"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.server.fake._handle(self)

    do_GET = do_POST


class FakeSlack:
    def __init__(self, latency: float = 0.0, host: str = "127.0.0.1", port: int = 0):
        self.latency, self.host, self.port = latency, host, port
        self.calls: Counter = Counter()
        self.violations = 0
        self.errors: list[str] = []  # server-side exceptions (a test should expect none)
        self._lock = threading.Lock()
        self._by_token: dict[str, Workspace] = {}
        self._by_key: dict[str, Workspace] = {}
        self._faults: list[dict] = []
        self._until: dict[tuple, float] = {}  # (token, method) -> monotonic time the Retry-After ends
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.origin = ""

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> str:
        self._httpd = _Server((self.host, self.port), _Handler)
        self._httpd.fake = self
        self.port = self._httpd.server_address[1]
        self.origin = f"http://{self.host}:{self.port}"
        for ws in self._by_token.values():
            ws.origin = self.origin
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True, name="fakeslack")
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "FakeSlack":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"{self.origin}/api/"

    # -- workspaces -------------------------------------------------------------------------------
    def add_workspace(self, token: str, team: str = "T1", name: str = "f3demo", page_cap: int | None = None) -> Workspace:
        ws = Workspace(token, team=team, name=name, page_cap=page_cap)
        with self._lock:
            ws.key = f"w{len(self._by_key) + 1}"
            ws.origin = self.origin
            self._by_token[token] = ws
            self._by_key[ws.key] = ws
        return ws

    def workspace(self, token: str) -> Workspace:
        return self._by_token[token]

    @property
    def workspaces(self) -> list[Workspace]:
        return list(self._by_token.values())

    # -- fault injection --------------------------------------------------------------------------
    def fail(self, method: str, status: int = 500, times: int = 1, token: str | None = None, body: str | None = None):
        """The next `times` calls of `method` answer HTTP `status` (500: JSON body, 502-504: HTML)."""
        self._add_fault(kind="status", method=method, times=times, token=token, status=status, body=body)

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 1, token: str | None = None):
        """The next `times` calls of `method` answer HTTP 429 with `Retry-After: retry_after`."""
        self._add_fault(kind="429", method=method, times=times, token=token, retry_after=int(retry_after))

    def timeouts(self, method: str, times: int = 1, delay: float = 2.0, token: str | None = None):
        """The next `times` calls are processed, then the answer is held `delay` seconds (past a client timeout)."""
        self._add_fault(kind="slow", method=method, times=times, token=token, delay=delay)

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
                    f["times"] -= 1
                    return f
        return None

    # -- request handling -------------------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        path, _, query = h.path.partition("?")
        n = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(n) if n else b""
        if path.startswith("/upload/"):
            return self._upload(h, path, raw)
        if not path.startswith("/api/"):
            return self._send(h, 404, b"not found", "text/plain")
        method = path[len("/api/"):]
        params = dict(parse_qsl(query, keep_blank_values=True))
        try:
            params.update(_body_params(h.headers.get("Content-Type") or "", raw))
        except ValueError:
            return self._send_json(h, 200, {"ok": False, "error": "invalid_form_data"})
        auth = h.headers.get("Authorization") or ""
        token = auth[7:].strip() if auth.startswith("Bearer ") else None
        token = token or params.pop("token", None)
        params.pop("token", None)
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
            return self._send_429(h, key, max(1, math.ceil(until - now)), extend=False)
        fault = self._take_fault(method, token, ("status", "429"))
        if fault is not None and fault["kind"] == "status":
            return self._send_5xx(h, fault["status"], fault["body"])
        if fault is not None:
            return self._send_429(h, key, fault["retry_after"])
        if ws is not None and method in ws.tiers:
            retry = _tier_check(ws, method, now)
            if retry:
                return self._send_429(h, key, retry)
        slow = self._take_fault(method, token, ("slow",))

        status, body = 200, self._answer(ws, token, method, params)
        if slow is not None:
            time.sleep(slow["delay"])
        self._send(h, status, body)

    def _answer(self, ws: Workspace | None, token: str | None, method: str, params: dict) -> bytes:
        if not token:
            return _err("not_authed")
        if ws is None:
            return _err("invalid_auth")
        if ws.revoked:
            return _err("token_revoked")
        if method in ws.scopes_missing:
            return _err("missing_scope", needed=ws.scopes_missing[method], provided="channels:read,users:read")
        with ws.lock:
            try:
                return json.dumps(ws.api(method, params)).encode()
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
    def _send_429(self, h, key: tuple, retry_after: int, extend: bool = True) -> None:
        if extend:
            with self._lock:
                self._until[key] = time.monotonic() + retry_after
        body = json.dumps({"ok": False, "error": "ratelimited"}).encode()
        self._send(h, 429, body, headers={"Retry-After": str(retry_after)})

    def _send_5xx(self, h, status: int, body: str | None) -> None:
        if body is not None:
            return self._send(h, status, body.encode(), "text/plain")
        if status == 500:
            return self._send_json(h, 500, {"ok": False, "error": "internal_error"})
        self._send(h, status, HTML_5XX.format(REASONS.get(status, str(status))).encode(), "text/html")

    def _send_json(self, h, status: int, obj: dict) -> None:
        self._send(h, status, json.dumps(obj).encode())

    @staticmethod
    def _send(h, status: int, body: bytes, ctype: str = "application/json; charset=utf-8", headers=None) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        except OSError:  # the client gave up (timeout) or hung up
            pass


def _err(code: str, **extra) -> bytes:
    return json.dumps({"ok": False, "error": code, **extra}).encode()


def _tier_check(ws: Workspace, method: str, now: float) -> int:
    """Sliding-window limit: 0 if allowed (and recorded), else the Retry-After seconds."""
    with ws.lock:
        per, window, times = ws.tiers[method]
        while times and times[0] <= now - window:
            times.popleft()
        if len(times) >= per:
            return max(1, math.ceil(times[0] + window - now))
        times.append(now)
        return 0


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
    return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
