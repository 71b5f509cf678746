"""miner.slack's client keeps HTTP connections alive, through the real slack-sdk, against the fake
Slack; a connection the server has closed never costs a call, a retry or a wrong answer."""

from __future__ import annotations

import threading
import time

import pytest

from miner.slack import Slack, SlackError
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


def test_calls_share_one_connection(fs):
    slack = Slack(TOKEN, fs.base_url, page_size=7)
    pages = list(slack.fetch_history("C1", "0"))
    for _ in range(10):
        assert slack.auth_test()["ok"]
    assert sum(len(items) for items, _ in pages) == 30 and len(pages) == 5
    assert fs.connections == 1 and fs.workspace(TOKEN).calls["conversations.history"] == 5
    assert slack.retries == {}
    slack.close()


def test_threads_each_get_a_connection_and_give_it_back(fs):
    slack = Slack(TOKEN, fs.base_url)
    got, barrier = [], threading.Barrier(4)

    def work():
        barrier.wait()
        for _ in range(5):
            got.append(slack.auth_test()["ok"])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [True] * 20
    assert 1 <= fs.connections <= 4  # never more than calls at once; reused afterwards
    before = fs.connections
    assert slack.auth_test()["ok"] and fs.connections == before


def test_connection_the_server_closed_while_idle_is_replaced():
    fs = serve(keepalive_idle=0.05)
    try:
        slack = Slack(TOKEN, fs.base_url)
        assert slack.auth_test()["ok"]
        deadline = time.monotonic() + 10
        while fs.open_connections and time.monotonic() < deadline:  # the server closes it meanwhile
            time.sleep(0.01)
        assert fs.open_connections == 0
        assert slack.auth_test()["ok"]
        assert fs.connections == 2 and fs.workspace(TOKEN).calls["auth.test"] == 2 and slack.retries == {}
    finally:
        fs.stop()


def test_request_limit_per_connection():
    fs = serve(keepalive_max=3)
    try:
        slack = Slack(TOKEN, fs.base_url)
        assert all(slack.auth_test()["ok"] for _ in range(7))
        assert fs.connections == 3 and slack.retries == {}
    finally:
        fs.stop()


def test_request_lost_on_a_kept_connection_is_sent_again_at_once(fs):
    """The server closes a kept connection just as a request goes out on it: the request goes
    again on a new connection, once, without a retry (it never reached the server)."""
    slack = Slack(TOKEN, fs.base_url)
    assert slack.auth_test()["ok"]
    fs.drop("conversations.history")
    items, _ = next(slack.fetch_history("C1", "0"))
    assert len(items) == 30 and slack.retries == {} and fs.connections == 2
    assert fs.workspace(TOKEN).calls["conversations.history"] == 1 and slack.calls["conversations.history"] == 1


def test_request_lost_on_a_new_connection_goes_to_the_retry_handler(fs):
    """A fresh connection closed without an answer is a connection error like any other: retried
    with backoff within the budget, counted; beyond the budget, one clear line."""
    slack = Slack(TOKEN, fs.base_url, backoff=0.01)
    assert slack.auth_test()["ok"]
    fs.drop("auth.test", times=2)  # the kept connection, then the new one
    assert slack.auth_test()["ok"]
    assert slack.retries == {"retry_conn": 1} and fs.workspace(TOKEN).calls["auth.test"] == 2
    fs.drop("auth.test", times=20)
    with pytest.raises(SlackError) as exc:
        Slack(TOKEN, fs.base_url, backoff=0.01, retries=2).auth_test()
    assert str(exc.value).startswith("auth.test: cannot reach Slack (") and TOKEN not in str(exc.value)


def test_http_errors_on_a_kept_connection_keep_their_meaning(fs):
    """A 429 and a 5xx arrive on the kept connection: honoured and retried as slack-sdk would."""
    slack = Slack(TOKEN, fs.base_url, backoff=0.01)
    assert slack.auth_test()["ok"]
    fs.rate_limit("auth.test", retry_after=1)
    fs.fail("auth.test", status=503)
    t0 = time.monotonic()
    assert slack.auth_test()["ok"]
    assert time.monotonic() - t0 >= 0.95 and fs.violations == 0
    assert slack.retries == {"retry_429": 1, "retry_5xx": 1} and fs.connections == 1


def test_an_answer_is_decoded_once_and_its_ok_checked(fs, monkeypatch):
    """slack-sdk decodes a 2xx answer twice when retry handlers are set; here it is decoded once,
    by us, and an answer with ok false is still a SlackError with Slack's code."""
    import json

    import slack_sdk.web.base_client as sdk

    decoded = []
    monkeypatch.setattr(sdk, "json", type("J", (), {"loads": staticmethod(lambda s: decoded.append(1) or json.loads(s)),
                                                    "dumps": staticmethod(json.dumps),
                                                    "decoder": json.decoder}))
    slack = Slack(TOKEN, fs.base_url, page_size=10)
    assert sum(len(items) for items, _ in slack.fetch_history("C1", "0")) == 30
    assert decoded == []
    with pytest.raises(SlackError) as exc:
        slack.fetch_history("C404", "0").__next__()
    assert exc.value.code == "channel_not_found" and decoded == []
    slack.upload_file("C1", b"png", "chart.png", "Chart", "hi")  # slack-sdk's own calls still get dicts
    assert decoded and fs.workspace(TOKEN).calls["files.completeUploadExternal"] == 1


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
