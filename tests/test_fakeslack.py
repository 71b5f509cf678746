"""The fake Slack server, exercised through the real slack_sdk WebClient."""

from __future__ import annotations

import base64
import itertools
import json
import socket
import threading
import time
import zipfile
from datetime import date

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from tests.fakeslack import FakeSlack, generate_region, write_export
from tests.fakeslack.state import conversations_history, dumps

_seq = itertools.count(1)


@pytest.fixture(scope="module")
def fs():
    with FakeSlack() as server:
        yield server
        assert server.errors == []


def new_ws(fs, page_cap=None, **kw):
    n = next(_seq)
    return fs.add_workspace(f"xoxb-test-{n}", team=f"T{n:04d}", name=f"region{n}", page_cap=page_cap, **kw)


def client(fs, ws_or_token, retries=(), timeout=5):
    token = ws_or_token if isinstance(ws_or_token, str) else ws_or_token.token
    return WebClient(token=token, base_url=fs.base_url, timeout=timeout, retry_handlers=list(retries))


def api_error(fn, *a, **kw) -> SlackApiError:
    with pytest.raises(SlackApiError) as exc:
        fn(*a, **kw)
    return exc.value


def small_ws(fs, page_cap=None):
    """general (member), ao-x (member), ao-new (public, not member), ao-old (archived), secret (private, not in)."""
    ws = new_ws(fs, page_cap=page_cap)
    ws.add_user("U1", "alpha", real_name="Al Pha", display_name="Alpha")
    ws.add_user("U2", "bravo")
    ws.add_user("U3", "charlie", deleted=True)
    ws.add_channel("C1", "general")
    ws.add_channel("C2", "ao-x")
    ws.add_channel("C3", "ao-new", bot_is_member=False)
    ws.add_channel("C4", "ao-old", is_archived=True)
    ws.add_channel("C5", "secret", is_private=True, bot_is_member=False)
    ws.add_channel("C6", "ao-private", is_private=True)
    return ws


def fill(ws, channel, n, start=1700000000):
    return [ws.post(channel, text=f"m{i}", user="U1", ts=f"{start + i}.000100") for i in range(n)]


def history(c, channel, **kw):
    """All pages, following cursors; returns (messages, pages)."""
    out, pages, cursor = [], 0, None
    while True:
        r = c.conversations_history(channel=channel, cursor=cursor, **kw)
        out += r["messages"]
        pages += 1
        cursor = r["response_metadata"]["next_cursor"]
        assert bool(cursor) == r["has_more"]
        if not cursor:
            return out, pages


# -- auth and errors --------------------------------------------------------------------------------
def test_auth(fs):
    ws = small_ws(fs)
    r = client(fs, ws).auth_test()
    assert r["team_id"] == ws.team and r["user_id"] == ws.bot_user_id and r["bot_id"] and r["url"]
    assert api_error(client(fs, "xoxb-nope").auth_test).response["error"] == "invalid_auth"
    assert api_error(WebClient(base_url=fs.base_url).auth_test).response["error"] == "not_authed"
    ws.revoke()
    e = api_error(client(fs, ws).conversations_list)
    assert e.response.status_code == 200 and e.response["error"] == "token_revoked"
    assert ws.calls["conversations.list"] == 1 and fs.calls["auth.test"] >= 3


def test_missing_scope_and_unknown_method(fs):
    ws = small_ws(fs)
    ws.set_missing_scope("users.list", "users:read")
    e = api_error(client(fs, ws).users_list)
    assert e.response["error"] == "missing_scope" and e.response["needed"] == "users:read"
    assert api_error(client(fs, ws).api_call, "nope.nothing").response["error"] == "unknown_method"


# -- lists ------------------------------------------------------------------------------------------
def test_conversations_list(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    names, cursor, pages = [], None, 0
    while True:
        r = c.conversations_list(types="public_channel,private_channel", limit=2, cursor=cursor,
                                 exclude_archived=True)
        names += [ch["name"] for ch in r["channels"]]
        pages += 1
        cursor = r["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert names == ["general", "ao-x", "ao-new", "ao-private"]  # no archived, no private non-member
    assert pages == 3  # one page came back short (filtered after paging), yet the cursor went on
    r = c.conversations_list(limit=1000)
    assert [ch["name"] for ch in r["channels"]] == ["general", "ao-x", "ao-new", "ao-old"]  # default: public only
    ch = r["channels"][2]
    assert ch["is_member"] is False and ch["is_channel"] and ch["num_members"] == 0 and ch["created"]
    assert api_error(c.conversations_list, cursor="garbage").response["error"] == "invalid_cursor"


def test_users_list(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    ids, cursor = [], None
    while True:
        r = c.users_list(limit=2, cursor=cursor)
        assert len(r["members"]) <= 2
        ids += [u["id"] for u in r["members"]]
        cursor = r["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert ids == ["USLACKBOT", ws.bot_user_id, "U1", "U2", "U3"]
    users = {u["id"]: u for u in c.users_list()["members"]}
    assert users["U1"]["profile"]["display_name"] == "Alpha" and users["U1"]["real_name"] == "Al Pha"
    assert users["U3"]["deleted"] is True and users[ws.bot_user_id]["is_bot"] is True
    assert base64.b64decode(c.users_list(limit=1)["response_metadata"]["next_cursor"]).startswith(b"user:")


# -- history ----------------------------------------------------------------------------------------
def test_history_paging_and_bounds(fs):
    ws = small_ws(fs)
    ts = fill(ws, "C2", 25)
    c = client(fs, ws)
    r = c.conversations_history(channel="C2")
    assert [m["ts"] for m in r["messages"]] == ts[::-1] and r["has_more"] is False
    msgs, pages = history(c, "C2", limit=10)
    assert [m["ts"] for m in msgs] == ts[::-1] and pages == 3
    # oldest/latest are exclusive unless inclusive
    got = c.conversations_history(channel="C2", oldest=ts[5], latest=ts[10])["messages"]
    assert [m["ts"] for m in got] == ts[6:10][::-1]
    got = c.conversations_history(channel="C2", oldest=ts[5], latest=ts[10], inclusive=True)["messages"]
    assert [m["ts"] for m in got] == ts[5:11][::-1]
    msgs, pages = history(c, "C2", oldest=ts[3], inclusive=True, limit=7)
    assert [m["ts"] for m in msgs] == ts[3:][::-1] and pages == 4
    assert c.conversations_history(channel="C2", oldest="1700000030")["messages"] == []
    assert api_error(c.conversations_history, channel="C2", oldest="abc").response["error"] == "invalid_ts_oldest"


def test_history_page_cap(fs):
    ws = small_ws(fs, page_cap=15)
    ts = fill(ws, "C2", 40)
    c = client(fs, ws)
    r = c.conversations_history(channel="C2", limit=200)
    assert len(r["messages"]) == 15 and r["has_more"]
    msgs, pages = history(c, "C2", limit=200)
    assert [m["ts"] for m in msgs] == ts[::-1] and pages == 3


def test_history_cursor_survives_changes(fs):
    ws = small_ws(fs)
    ts = fill(ws, "C2", 30)
    c = client(fs, ws)
    r = c.conversations_history(channel="C2", limit=10)
    first = [m["ts"] for m in r["messages"]]
    assert first == ts[20:][::-1]
    ws.delete("C2", ts[19])  # the next message due
    ws.delete("C2", ts[25])  # one already read
    ws.post("C2", text="new", user="U2")  # newer than everything
    r2 = c.conversations_history(channel="C2", limit=10, cursor=r["response_metadata"]["next_cursor"])
    assert [m["ts"] for m in r2["messages"]] == ts[9:19][::-1]


def test_history_shapes(fs):
    ws = small_ws(fs)
    p = ws.post("C2", text="Backblast &amp; stuff <@U2>", user="U1", ts="1700000100.000001",
                reactions={"fire": ["U2"]}, files=[{"name": "IMG_1.jpg"}])
    ws.reply("C2", p, text="r1", user="U2")
    b = ws.reply("C2", p, text="broadcast", user="U1", broadcast=True)
    ws.reply("C2", p, text="r3", user="U2")
    bot = ws.post("C2", text="via bot", bot_id="B9", username="Alpha (via Slackblast)", subtype="bot_message",
                  blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "*PAX*: <@U1>"}}],
                  metadata={"event_type": "backblast", "event_payload": {"the_q": "U1", "count": "3"}})
    ws.edit("C2", bot, text="via bot, edited")
    c = client(fs, ws)
    msgs = c.conversations_history(channel="C2")["messages"]
    assert [m["ts"] for m in msgs] == [bot, b, p]  # plain replies are not in history; broadcasts are
    top, bc, parent = msgs
    assert "metadata" not in top and top["edited"]["ts"] > bot and top["text"] == "via bot, edited"
    assert top["subtype"] == "bot_message" and top["bot_id"] == "B9" and top["blocks"][0]["type"] == "section"
    assert bc["subtype"] == "thread_broadcast" and bc["thread_ts"] == p
    assert parent["reply_count"] == 3 and parent["reply_users"] == ["U2", "U1"] and parent["reply_users_count"] == 2
    assert parent["latest_reply"] > b and parent["thread_ts"] == p
    assert parent["reactions"] == [{"name": "fire", "users": ["U2"], "count": 1}] and parent["files"][0]["id"]
    meta = c.conversations_history(channel="C2", include_all_metadata=True)["messages"][0]["metadata"]
    assert meta["event_type"] == "backblast" and meta["event_payload"]["the_q"] == "U1"


def test_history_errors(fs):
    ws = small_ws(fs)
    fill(ws, "C4", 3)
    c = client(fs, ws)
    assert api_error(c.conversations_history, channel="CNOPE").response["error"] == "channel_not_found"
    assert api_error(c.conversations_history, channel="C3").response["error"] == "not_in_channel"
    assert api_error(c.conversations_history, channel="C5").response["error"] == "channel_not_found"
    assert api_error(c.conversations_history, channel="ao-x").response["error"] == "channel_not_found"
    assert len(c.conversations_history(channel="C4")["messages"]) == 3  # archived is still readable
    assert c.conversations_history(channel="C6")["messages"] == []


# -- threads ----------------------------------------------------------------------------------------
def test_replies_paging_edits_deletes(fs):
    ws = small_ws(fs, page_cap=15)
    p = ws.post("C2", text="parent", user="U1", ts="1700000000.000100")
    rs = [ws.reply("C2", p, text=f"r{i}", user="U2" if i % 2 else "U1") for i in range(40)]
    c = client(fs, ws)
    seen, cursor, pages = [], None, 0
    while True:
        r = c.conversations_replies(channel="C2", ts=p, cursor=cursor, limit=200)
        assert r["messages"][0]["ts"] == p and len(r["messages"]) <= 15  # parent first on every page
        seen += [m["ts"] for m in r["messages"][1:]]
        pages += 1
        cursor = r["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert seen == rs and pages == 3
    assert c.conversations_replies(channel="C2", ts=rs[3])["messages"][0]["ts"] == p  # a reply's ts: its thread
    ws.edit("C2", rs[0], text="r0 fixed")
    ws.delete("C2", rs[-1])
    msgs = c.conversations_replies(channel="C2", ts=p)["messages"]
    assert msgs[1]["text"] == "r0 fixed" and "edited" in msgs[1] and msgs[1]["parent_user_id"] == "U1"
    assert msgs[0]["reply_count"] == 39 and msgs[0]["latest_reply"] == rs[-2]
    got = c.conversations_replies(channel="C2", ts=p, oldest=rs[10], latest=rs[13])["messages"]
    assert [m["ts"] for m in got] == [p, rs[11], rs[12]]
    assert api_error(c.conversations_replies, channel="C2", ts="1600000000.000000").response["error"] == \
        "thread_not_found"


def test_deleted_parent_leaves_tombstone(fs):
    ws = small_ws(fs)
    p = ws.post("C2", text="parent", user="U1")
    r1 = ws.reply("C2", p, text="r1", user="U2")
    lone = ws.post("C2", text="lone", user="U1")
    ws.delete("C2", lone)
    ws.delete("C2", p)
    c = client(fs, ws)
    (m,) = c.conversations_history(channel="C2")["messages"]
    assert m["subtype"] == "tombstone" and m["reply_count"] == 1
    ws.delete("C2", r1)
    assert c.conversations_history(channel="C2")["messages"] == []


# -- writes -----------------------------------------------------------------------------------------
def test_join(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    assert api_error(c.conversations_history, channel="C3").response["error"] == "not_in_channel"
    r = c.conversations_join(channel="C3")
    assert r["channel"]["is_member"] is True and "warning" not in r
    (m,) = c.conversations_history(channel="C3")["messages"]
    assert m["subtype"] == "channel_join" and m["user"] == ws.bot_user_id
    assert c.conversations_join(channel="C3")["warning"] == "already_in_channel"
    assert api_error(c.conversations_join, channel="C6").response["error"] == "method_not_supported_for_channel_type"
    assert api_error(c.conversations_join, channel="C4").response["error"] == "is_archived"
    assert api_error(c.conversations_join, channel="C5").response["error"] == "channel_not_found"


@pytest.mark.filterwarnings("ignore:The top-level `text`")
def test_open_post_permalink(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    dm = c.conversations_open(users="U1")["channel"]["id"]
    assert dm.startswith("D") and c.conversations_open(users="U1")["channel"]["id"] == dm and ws.dms == {"U1": dm}
    assert api_error(c.conversations_open, users="U3").response["error"] == "user_disabled"
    assert api_error(c.conversations_open, users="U404").response["error"] == "user_not_found"
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}]
    ts = c.chat_postMessage(channel=dm, text="hello", blocks=blocks)["ts"]
    assert ws.posted[-1]["channel"] == dm and ws.posted[-1]["blocks"] == blocks and ws.posted[-1]["ts"] == ts
    assert c.conversations_history(channel=dm)["messages"][0]["text"] == "hello"
    ts_c2 = c.chat_postMessage(channel="C2", text="in channel")["ts"]
    link = c.chat_getPermalink(channel="C2", message_ts=ts_c2)["permalink"]
    assert link.startswith(f"https://{ws.name}.slack.com/archives/C2/p")
    for channel, code in (("general", "channel_not_found"), ("#general", "channel_not_found"),
                          ("C3", "not_in_channel"), ("C4", "is_archived"), ("C5", "channel_not_found")):
        assert api_error(c.chat_postMessage, channel=channel, text="x").response["error"] == code
    assert api_error(c.chat_postMessage, channel="C2", text="").response["error"] == "no_text"
    # blocks must be JSON: a Python repr (what urlencoding a list gives) is rejected, like Slack
    e = api_error(c.api_call, "chat.postMessage", params={"channel": "C2", "text": "x", "blocks": blocks})
    assert e.response["error"] == "invalid_blocks_format"
    assert api_error(c.chat_getPermalink, channel="C2", message_ts="1.000000").response["error"] == "message_not_found"
    # a threaded post updates its parent
    c.chat_postMessage(channel="C2", text="reply", thread_ts=ts_c2)
    assert ws.message("C2", ts_c2)["reply_count"] == 1


def test_files_upload_v2(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    r = c.files_upload_v2(channel="C2", content=b"\x89PNG chart", filename="chart.png", title="June",
                          initial_comment="Monthly chart")
    assert r["file"]["id"] and r["file"]["title"] == "June"
    (up,) = ws.uploads
    assert up == {"channel": "C2", "filename": "chart.png", "title": "June", "initial_comment": "Monthly chart",
                  "content": b"\x89PNG chart", "file_id": r["file"]["id"], "thread_ts": None}
    assert fs.calls["files.getUploadURLExternal"] >= 1 and fs.calls["files.completeUploadExternal"] >= 1
    m = c.conversations_history(channel="C2")["messages"][0]
    assert m["files"][0]["id"] == r["file"]["id"] and m["text"] == "Monthly chart"
    e = api_error(c.files_upload_v2, channel="ao-x", content=b"x", filename="a.png", title="a")
    assert e.response["error"] == "channel_not_found"
    assert len(ws.uploads) == 1
    e = api_error(c.files_completeUploadExternal, files=[{"id": "FNOPE", "title": "x"}], channel_id="C2")
    assert e.response["error"] == "file_not_found"


# -- faults -----------------------------------------------------------------------------------------
def test_rate_limit_retry_after(fs):
    ws = small_ws(fs)
    fill(ws, "C2", 3)
    # a client that gives up shows the 429 and its Retry-After
    fs.rate_limit("conversations.history", times=1, retry_after=1, token=ws.token)
    e = api_error(client(fs, ws).conversations_history, channel="C2")
    assert e.response.status_code == 429 and e.response["error"] == "ratelimited"
    assert e.response.headers["Retry-After"] == "1"
    v = fs.violations
    e = api_error(client(fs, ws).conversations_history, channel="C2")  # came back at once: a violation
    assert e.response.status_code == 429 and fs.violations == v + 1
    time.sleep(1.05)
    # a client that honours Retry-After gets through with no violation
    fs.rate_limit("conversations.history", times=1, retry_after=1, token=ws.token)
    before, t0 = ws.calls["conversations.history"], time.monotonic()
    r = client(fs, ws, [RateLimitErrorRetryHandler(max_retry_count=2)]).conversations_history(channel="C2")
    assert len(r["messages"]) == 3 and time.monotonic() - t0 >= 1.0
    assert ws.calls["conversations.history"] == before + 2 and fs.violations == v + 1


def test_server_errors(fs):
    ws = small_ws(fs)
    c = client(fs, ws)
    fs.fail("users.list", status=503, times=1, token=ws.token)
    e = api_error(c.users_list)
    assert e.response.status_code == 503
    fs.fail("users.list", status=502, times=1, token=ws.token)
    assert api_error(c.users_list).response.status_code == 502  # HTML body
    fs.fail("users.list", status=500, times=2, token=ws.token)
    before = ws.calls["users.list"]
    quick = ServerErrorRetryHandler(max_retry_count=2, interval_calculator=FixedValueRetryIntervalCalculator(0.01))
    r = client(fs, ws, [quick]).users_list()
    assert r["ok"] and ws.calls["users.list"] == before + 3
    other = small_ws(fs)
    fs.fail("auth.test", status=500, times=1, token=ws.token)
    assert client(fs, other).auth_test()["ok"]  # token-scoped fault leaves other workspaces alone


def test_tier_limit_sliding_window(fs):
    ws = small_ws(fs)
    ws.tier_limit("users.list", per_minute=3, window=0.5)
    c = client(fs, ws)
    for _ in range(3):
        c.users_list()
    e = api_error(c.users_list)
    assert e.response.status_code == 429 and int(e.response.headers["Retry-After"]) >= 1
    time.sleep(1.05)
    assert c.users_list()["ok"]


def test_slow_response_times_out(fs):
    ws = small_ws(fs)
    fs.timeouts("auth.test", times=1, delay=0.8, token=ws.token)
    with pytest.raises(Exception) as exc:
        client(fs, ws, timeout=0.3).auth_test()
    assert "timed out" in str(exc.value).lower()
    assert client(fs, ws, timeout=0.3).auth_test()["ok"]



# -- the HTTP layer and the JSON cache ----------------------------------------------------------------
def raw_http(fs, *chunks: bytes) -> bytes:
    """Send a request in the given pieces over one connection; return all the server answered."""
    with socket.create_connection((fs.host, fs.port), timeout=5) as s:
        for c in chunks:
            s.sendall(c)
            time.sleep(0.01)
        s.shutdown(socket.SHUT_WR)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    return out


def test_http_wire(fs):
    ws = small_ws(fs)
    body = b"channel=C2&limit=5&note=a+b%26c"
    head = (f"POST /api/conversations.history HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ws.token}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    out = raw_http(fs, head[:20], head[20:], body[:7], body[7:])  # split anywhere, body apart from headers
    status, _, rest = out.partition(b"\r\n")
    headers, _, payload = rest.partition(b"\r\n\r\n")
    assert status == b"HTTP/1.1 200 OK"
    hs = dict(line.split(b": ", 1) for line in headers.split(b"\r\n"))
    assert hs[b"Content-Type"] == b"application/json; charset=utf-8" and hs[b"Connection"] == b"keep-alive"
    assert int(hs[b"Content-Length"]) == len(payload) and json.loads(payload)["ok"] is True
    assert payload.startswith(b'{"ok":true,') and b'", "' not in payload  # compact JSON, as Slack answers
    assert ws.requests[-1] == ("conversations.history", {"channel": "C2", "limit": "5", "note": "a b&c"})
    out = raw_http(fs, f"GET /api/auth.test?token={ws.token} HTTP/1.0\r\n\r\n".encode())
    assert out.startswith(b"HTTP/1.0 200 OK\r\n") and json.loads(out.partition(b"\r\n\r\n")[2])["ok"]
    assert raw_http(fs, b"GET /nope HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 404 ")
    assert raw_http(fs, b"PUT /api/auth.test HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 501 ")
    assert raw_http(fs, b"garbage\r\n\r\n").startswith(b"HTTP/1.0 400 ")
    assert raw_http(fs, b"GET /api/auth.test HTTP/1.1\r\n") == b""  # hung up half way: nothing, no error


def read_response(s: socket.socket, buf: bytes = b"") -> tuple[bytes, dict, bytes, bytes]:
    """One HTTP response off a socket: (status line, headers, body, bytes read past it)."""
    while b"\r\n\r\n" not in buf:
        buf += s.recv(65536)
    head, _, rest = buf.partition(b"\r\n\r\n")
    status, _, hdrs = head.partition(b"\r\n")
    hs = dict(line.split(b": ", 1) for line in hdrs.split(b"\r\n"))
    n = int(hs[b"Content-Length"])
    while len(rest) < n:
        rest += s.recv(65536)
    return status, hs, rest[:n], rest[n:]


def test_http_keep_alive_wire():
    """HTTP/1.1 connections stay open for the next request; `Connection: close`, HTTP/1.0, the
    request limit and the idle timeout each end one."""
    with FakeSlack(keepalive_idle=0.3, keepalive_max=3) as server:
        ws = small_ws(server)
        req = f"GET /api/auth.test HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ws.token}\r\n".encode()
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(req + b"\r\n" + req + b"\r\n")  # two at once (pipelined): both answered, in order
            first = read_response(s)
            second = read_response(s, first[3])
            assert [first[1][b"Connection"], second[1][b"Connection"]] == [b"keep-alive", b"keep-alive"]
            assert json.loads(first[2])["ok"] and json.loads(second[2])["ok"]
            s.sendall(req + b"\r\n")  # the third request on this connection: the last one
            status, hs, body, _ = read_response(s, second[3])
            assert status == b"HTTP/1.1 200 OK" and hs[b"Connection"] == b"close" and s.recv(10) == b""
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(req + b"Connection: close\r\n\r\n")
            assert read_response(s)[1][b"Connection"] == b"close" and s.recv(10) == b""
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(req + b"\r\n")
            read_response(s)
            t0 = time.monotonic()
            assert s.recv(10) == b"" and time.monotonic() - t0 > 0.2  # idle too long: closed, no answer
        assert server.connections == 3 and ws.calls["auth.test"] == 5 and server.errors == []


def test_latency_sleeps_overlap():
    with FakeSlack(latency=0.3) as server:
        ws = small_ws(server)
        got, t0 = [], time.monotonic()
        threads = [threading.Thread(target=lambda: got.append(client(server, ws).auth_test()["ok"]))
                   for _ in range(24)]  # many more clients than the pool starts with
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert got == [True] * 24 and time.monotonic() - t0 < 1.0  # 1.8 s on 4 threads, 7.2 s on 1
        assert server.errors == []


def assert_json_cache_fresh(ws):
    """Every stored message is in the cache, its cached JSON (if any) is current, and nothing else is."""
    stored = {id(m): m for ch in ws.channels.values() for m in ch.msgs.values()}
    assert set(ws._json) == set(stored)
    for key, (m, enc) in ws._json.items():
        assert m is stored[key] and enc in (None, dumps(m))


def test_json_cache_follows_every_change(fs):
    ws = new_ws(fs)
    generate_region(ws, seed=5, users=30, aos=3, weeks=6, start=date(2024, 1, 1))
    ws.warm()
    assert_json_cache_fresh(ws)
    c = client(fs, ws)
    chans = [ch["id"] for ch in c.conversations_list(types="public_channel,private_channel")["channels"]
             if ch["is_member"]]

    def read_all():
        """Every page the miner would read, checked against a fresh encoding of the same answer."""
        out = {}
        for cid in chans:
            msgs, _ = out[cid] = history(c, cid, limit=50, include_all_metadata=True)
            plain = c.conversations_history(channel=cid, limit=999)["messages"]
            assert all("metadata" not in m for m in plain) and len(plain) == len(msgs[:999])
            for m in msgs:
                if m.get("reply_count"):
                    r = c.conversations_replies(channel=cid, ts=m["ts"], limit=3, include_all_metadata=True)
                    assert r["messages"][0] == m
            with ws.lock:
                for p in ({"channel": cid, "limit": "999", "include_all_metadata": "1"}, {"channel": cid}):
                    body = ws.api("conversations.history", p)
                    assert ws.encode(body) == dumps(body)
        assert_json_cache_fresh(ws)
        return out

    cid, (msgs, _) = max(read_all().items(), key=lambda kv: sum(m.get("reply_count", 0) >= 2 for m in kv[1][0]))
    top = [m for m in msgs if not m.get("thread_ts") and m.get("user")]
    parent = next(m for m in msgs if m.get("reply_count", 0) >= 2)
    ws.react(cid, top[0]["ts"], "fire", ["U1"])
    ws.react(cid, top[0]["ts"], "fire", ["U2"])
    ws.edit(cid, top[1]["ts"], text="edited")
    r = ws.reply(cid, top[2]["ts"], text="first reply", user="U1")
    lone = ws.reply(cid, top[3]["ts"], text="a reply soon deleted", user="U2")
    ws.reply(cid, parent["ts"], text="one more", user="U1", broadcast=True)
    ws.delete(cid, ws.thread_ts(cid, parent["ts"])[0])
    read_all()
    ws.delete(cid, top[2]["ts"])  # a parent with a reply: a tombstone
    ws.delete(cid, lone)  # its parent is a plain message again
    c.chat_postMessage(channel=cid, text="threaded", thread_ts=parent["ts"])
    c.conversations_join(channel=next(ch["id"] for ch in c.conversations_list()["channels"] if not ch["is_member"]))
    c.files_upload_v2(channel=cid, content=b"png", filename="c.png", title="c")
    read_all()
    ws.delete(cid, r)  # the tombstone's last reply: both go
    ws.add_channel(cid, "replaced")
    assert_json_cache_fresh(ws)
    got = c.conversations_history(channel=cid)["messages"]
    assert got == [] and fs.errors == []

# -- scale ------------------------------------------------------------------------------------------
def test_many_workspaces_concurrent_clients(fs):
    spaces = [new_ws(fs) for _ in range(100)]
    for i, ws in enumerate(spaces):
        ws.add_channel("C1", "general")
        fill(ws, "C1", 30 + i % 7)
    errors = []

    def work(k):
        try:
            for ws in spaces[k::8]:
                msgs, _ = history(client(fs, ws), "C1", limit=10)
                assert len(msgs) == 30 + spaces.index(ws) % 7
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(ws.calls["conversations.history"] == -(-(30 + i % 7) // 10) for i, ws in enumerate(spaces))


def test_history_pages_of_a_large_channel_are_exact():
    """Pages anywhere in a large channel hold exactly `limit` messages, newest first, below `latest`.
    (Speed is measured in bench/, not asserted here.)"""
    with FakeSlack() as fs:
        ws = fs.add_workspace("xoxb-fast")
        summary = generate_region(ws, seed=3, users=80, aos=3, weeks=20, chatter_per_week=400)
        ch = max(ws.channels.values(), key=lambda c: len(c.top))
        assert len(ch.top) > 2000 and summary["messages"] > 8000
        for i in range(0, 1500, 300):
            latest = ch.top[-1 - i]
            with ws.lock:
                page = json.loads(json.dumps(conversations_history(
                    ws, {"channel": ch.id, "limit": "200", "latest": latest, "include_all_metadata": "true"})))
            got = [m["ts"] for m in page["messages"]]
            assert got == list(reversed(ch.top[-1 - i - 200:-1 - i]))  # latest itself is exclusive
            assert page["has_more"] is True


# -- generator and export ---------------------------------------------------------------------------
def test_generate_region_deterministic_and_truthful(fs):
    a, b = new_ws(fs), new_ws(fs)
    sa = generate_region(a, seed=7, users=60, aos=5, weeks=12, start=date(2024, 1, 1))
    sb = generate_region(b, seed=7, users=60, aos=5, weeks=12, start=date(2024, 1, 1))
    assert sa == sb and a.truth == b.truth and len(a.truth) == sa["backblasts"] > 50
    assert set(sa["formats"]) == {"hand", "slackblast", "linked"}
    c = client(fs, a)
    names = {ch["name"] for ch in c.conversations_list(types="public_channel,private_channel")["channels"]}
    assert {"general", "1st-f", "help-desk", "random", "ao-blackops"} <= names and "leadership" not in names
    for t in a.truth:
        m = a.message(t["channel"], t["ts"])
        assert m is not None and t["q"] in t["pax"]
        body = m["text"] + json.dumps(m.get("blocks", []))
        assert all(f"<@{p}>" in body for p in t["pax"] if p != t["q"])
        if t["format"] == "linked":
            payload = m["metadata"]["event_payload"]
            assert payload["the_q"] == t["q"] and payload["The_AO"] == t["ao_id"] and payload["date"] == t["date"]
            assert m["metadata"]["event_type"] == "backblast" and m["username"].endswith("(via Slackblast)")
        if t["thread_ts"]:
            assert m["thread_ts"] == t["thread_ts"]
    fng = sum(t["fngs"] for t in a.truth)
    assert fng > 0


def test_write_export(tmp_path):
    from tests.fakeslack import Workspace
    ws = Workspace("xoxb-x")
    generate_region(ws, seed=2, users=30, aos=3, weeks=4, start=date(2024, 3, 4))
    p = ws.post(ws.channel_by_name("general")["id"], text="parent", user="USLACKBOT", ts="1709700000.000100")
    ws.reply(ws.channel_by_name("general")["id"], p, text="late reply", user="USLACKBOT", ts="1709800000.000100")
    z = write_export(ws, tmp_path / "export.zip")
    with zipfile.ZipFile(z) as zf:
        names = zf.namelist()
        assert "channels.json" in names and "users.json" in names
        chans = {c["name"] for c in json.loads(zf.read("channels.json"))}
        assert "general" in chans and "leadership" not in chans and "ao-blackops" not in chans
        day1 = json.loads(zf.read("general/2024-03-06.json"))
        day2 = json.loads(zf.read("general/2024-03-07.json"))
    parent = next(m for m in day1 if m["ts"] == p)
    assert parent["reply_count"] == 1 and parent["replies"][0]["ts"] == "1709800000.000100"
    assert any(m["ts"] == "1709800000.000100" and m["thread_ts"] == p for m in day2)
    assert all(day1[i]["ts"] < day1[i + 1]["ts"] for i in range(len(day1) - 1))
    d = write_export(ws, tmp_path / "dir", as_zip=False)
    assert (d / "channels.json").exists() and (d / "general" / "2024-03-06.json").exists()
