"""miner.slack.client through the real slack-sdk against the fake Slack: retries, paging, errors."""

from __future__ import annotations

import threading
import time

import pytest

from miner.slack.client import Slack, SlackError
from tests.fakeslack import FakeSlack

TOKEN = "xoxb-keepalive-test"


def serve(**kw) -> FakeSlack:
    fs = FakeSlack(**kw)
    ws = fs.add_workspace(TOKEN)
    ws.add_user("U1", "alpha")
    ws.add_channel("C1", "ao-one")
    for i in range(30):
        ws.post("C1", text=f"m{i}", user="U1", ts=f"{1700000000 + i}.000100")
    fs.start()
    return fs


@pytest.fixture
def fs():
    server = serve()
    yield server
    server.stop()
    assert server.errors == []


def test_429_and_5xx_are_honoured_and_retried(fs):
    """A 429 waits Retry-After, a 5xx backs off; both are retried and the call succeeds."""
    slack = Slack(TOKEN, fs.base_url, backoff=0.01, window=0.001)
    assert slack.auth_test()["ok"]
    fs.rate_limit("auth.test", retry_after=1)
    fs.fail("auth.test", status=503)
    t0 = time.monotonic()
    assert slack.auth_test()["ok"]
    assert time.monotonic() - t0 >= 0.95 and fs.violations == 0
    assert slack.retries == {"retry_429": 1, "retry_5xx": 1}


def test_pages_are_followed_to_the_end_and_ok_false_is_a_slack_error(fs):
    slack = Slack(TOKEN, fs.base_url, page_size=7, window=0.001)
    pages = list(slack.fetch_history("C1", "0"))
    assert [len(items) for items, _ in pages] == [7, 7, 7, 7, 2] and pages[-1][1] == ""
    with pytest.raises(SlackError) as exc:
        list(slack.fetch_history("C404", "0"))
    assert exc.value.code == "channel_not_found" and TOKEN not in str(exc.value)


def test_a_truncated_json_answer_is_one_clear_error():
    """A 200 whose JSON does not parse is an error naming the method, not a traceback."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Broken(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"ok": true, "messages": [{"ts": "1'
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(SlackError) as exc:
            Slack(TOKEN, f"http://127.0.0.1:{server.server_port}/api/").auth_test()
        assert str(exc.value) == "auth.test: the answer was not valid JSON (cut off, or not from the Slack API)"
    finally:
        server.shutdown()
