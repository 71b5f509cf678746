"""One bad message (or user, or channel) never fails a region: stored as well as it can be, or
rejected with its reason, and counted; everything else goes on. SQLite and MariaDB."""

from __future__ import annotations

import bisect
import json

import pytest

from miner.archive import store
from miner.core import constants
from tests.helpers import rows
from tests.helpers import run_cli as run

TOKEN = "xoxb-bad-items-SECRET"
SURROGATE = "\ud800"


@pytest.fixture(autouse=True)
def fast(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)


def nested(levels: int) -> list:
    """rich_text blocks whose sections nest `levels` deep (twice as deep in JSON)."""
    top = {"type": "rich_text", "elements": []}
    cur = top
    for _ in range(levels):
        nxt = {"type": "rich_text_section", "elements": []}
        cur["elements"].append(nxt)
        cur = nxt
    cur["elements"].append({"type": "text", "text": "deep down"})
    return [top]


def raw_post(ws, channel: str, ts: str, **fields) -> None:
    """Store a message whose ts Slack would never make (the fake's own post() checks ts)."""
    with ws.lock:
        ch = ws.channels[channel]
        m = {"type": "message", "ts": ts, **fields}
        ch.msgs[ts] = m
        ws._changed(m)
        bisect.insort(ch.top, ts)


BACKBLAST = "*Backblast!* {title}\nDATE: 03/01/2024\nQ: <@U1>\nPAX: <@U2> <@U3>\nCOUNT: 3"


@pytest.fixture
def region(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url
    ws = fake_slack.add_workspace(TOKEN)
    ws.add_user("U1", "one", real_name="One")
    ws.add_user("U2", "two", real_name="Two", email="x" * 120 + "@example.com", phone="+1 " + "5" * 150)
    ws.add_user("U3", "three", real_name="Three" + SURROGATE)
    ws.add_channel("C1", "ao-alpha")
    ws.add_channel("C2", "ao-bravo")
    ws.add_channel("C3", "ao-" + "c" * 120)
    ws.schema = "bad_" + app.db.control_schema[-8:]
    assert run(app, "region", "add", "r", "--schema", ws.schema, "--token", TOKEN).exit_code == 0
    return ws


def test_listers_store_long_values_cut_and_noted(app, region):
    res = run(app, "users", "--region", "r")
    assert res.exit_code == 0, res.output
    assert "truncated" in res.output
    (email, phone), = rows(app, region.schema, "SELECT email, phone FROM users WHERE user_id = 'U2'")
    assert len(email) == 100 and len(phone) == 100
    full = dict(rows(app, region.schema, "SELECT field, original FROM bad_items WHERE source_table = 'users' "
                                         "AND item_key = 'U2'"))
    assert full["email"] == "x" * 120 + "@example.com" and full["phone"] == "+1 " + "5" * 150
    assert rows(app, region.schema, "SELECT real_name FROM users WHERE user_id = 'U3'") == [("Three\ufffd",)]
    res = run(app, "channels", "--region", "r")
    assert res.exit_code == 0, res.output
    assert rows(app, region.schema, "SELECT LENGTH(ao) FROM aos WHERE channel_id = 'C3'") == [("100",)]
    assert rows(app, region.schema, "SELECT original FROM bad_items WHERE item_key = 'C3'") == [("ao-" + "c" * 120,)]
    log = rows(app, app.db.control_schema, "SELECT step, counts FROM run_log ORDER BY id")
    assert json.loads(log[0][1])["truncated"] == 1 and json.loads(log[1][1])["truncated"] == 1


def test_mine_stores_or_rejects_each_bad_message_and_reads_every_channel(app, region):
    ws = region
    ok1 = ws.post("C1", text=BACKBLAST.format(title="one"), user="U1", ts="1709300000.000100")
    lone = ws.post("C1", text="hello " + SURROGATE + " world", user="U2", ts="1709300100.000100")
    in_blocks = ws.post("C1", text="blocks", user="U2", ts="1709300200.000100",
                        blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "x" + SURROGATE}}])
    deep = ws.post("C1", text=BACKBLAST.format(title="deep"), user="U3", ts="1709300300.000100", blocks=nested(900))
    huge = ws.post("C1", text="y" * (20 * 2**20), user="U2", ts="1709300400.000100")
    raw_post(ws, "C1", "not-a-ts", text="a message with a broken ts", user="U2")
    ok2 = ws.post("C2", text=BACKBLAST.format(title="two"), user="U1", ts="1709400000.000100")
    assert run(app, "channels", "--region", "r").exit_code == 0
    assert run(app, "users", "--region", "r").exit_code == 0
    for _attempt in (1, 2):  # and the next run too: nothing bad sticks
        res = run(app, "mine", "--region", "r", "--since", "2024-01-01", "--processes", "1")
        assert res.exit_code == 0, res.output
        assert "1 rejected" in res.output, res.output
    stored = dict(rows(app, ws.schema, "SELECT ts, text FROM messages"))
    assert set(stored) == {ok1, lone, in_blocks, deep, huge, ok2}
    assert stored[lone] == "hello \ufffd world"
    assert len(stored[huge]) == store.TEXT_MAX
    blocks = dict(rows(app, ws.schema, "SELECT ts, blocks FROM messages"))
    assert blocks[deep] is None and "x\ufffd" in json.loads(blocks[in_blocks])[0]["text"]["text"]
    assert rows(app, ws.schema, "SELECT channel_id, watermark_ts FROM channel_state WHERE channel_id <> 'C3' ORDER BY channel_id") == [
        ("C1", huge), ("C2", ok2)]  # the broken ts never became a watermark
    bad = {(k, f): a for k, f, a in rows(app, ws.schema, "SELECT item_key, field, action FROM bad_items "
                                                           "WHERE source_table = 'messages'")}
    assert bad == {(f"C1:{lone}", "text"): "cleaned", (f"C1:{in_blocks}", "blocks"): "cleaned",
                   (f"C1:{deep}", "blocks"): "dropped", (f"C1:{huge}", "text"): "truncated",
                   ("C1:not-a-ts", "ts"): "rejected"}
    # both backblasts became beatdowns; the deep one was parsed from its text (same AO, date and Q: a duplicate)
    assert len(rows(app, ws.schema, "SELECT * FROM beatdowns")) == 2
    assert rows(app, ws.schema, "SELECT status FROM parse_results WHERE ts = :t", t=deep) == [("duplicate",)]
    counts = json.loads(rows(app, app.db.control_schema, "SELECT counts FROM run_log WHERE step = 'mine' "
                                                          "ORDER BY id DESC")[0][0])
    assert (counts["rejected"], counts["cleaned"], counts["truncated"], counts["dropped"]) == (1, 2, 1, 1)
    assert any("not a Slack timestamp" in b for b in counts["bad"])


def test_import_goes_on_past_bad_messages(app, region, tmp_path):
    ws = region
    export = tmp_path / "export"
    (export / "ao-alpha").mkdir(parents=True)
    (export / "channels.json").write_text(json.dumps([{"id": "C1", "name": "ao-alpha"}]))
    (export / "users.json").write_text(json.dumps([{"id": "U1", "name": "one"}, {"id": "U" * 60, "name": "long id"}]))
    day = [
        {"type": "message", "ts": "1709300000.000100", "user": "U1", "text": BACKBLAST.format(title="one")},
        {"type": "message", "ts": "1709300100.000100", "user": "U1", "text": "bad " + SURROGATE},
        {"type": "message", "ts": "garbage", "user": "U1", "text": "broken ts"},
        {"type": "message", "ts": "1709300200.000100", "user": "U1", "text": "deep", "blocks": nested(900)},
        {"type": "message", "ts": "1709300300.000100", "user": "U1", "text": "edited badly", "edited": "yesterday",
         "reply_count": "many"},
        {"type": "message", "ts": "1709300400.000100", "user": "U1", "text": "the last one"},
    ]
    # json.dumps escapes the surrogate and (past its own recursion limit) cannot write 1800 levels: by hand
    body = "[" + ",".join(json.dumps({k: v for k, v in m.items() if k != "blocks"})[:-1]
                          + (', "blocks": ' + "[" + '{"type": "rich_text", "elements": [' * 900 + "]}" * 900 + "]"
                             if "blocks" in m else "") + "}" for m in day) + "]"
    (export / "ao-alpha" / "2024-03-01.json").write_text(body)
    assert run(app, "channels", "--region", "r").exit_code == 0
    res = run(app, "import", str(export), "--region", "r")
    assert res.exit_code == 0, res.output
    assert "bad items: 2 rejected, 1 cleaned, 2 dropped" in res.output  # the long user ID and the broken ts
    assert [r[0] for r in rows(app, ws.schema, "SELECT ts FROM messages ORDER BY ts")] == [
        "1709300000.000100", "1709300100.000100", "1709300200.000100", "1709300300.000100", "1709300400.000100"]
    assert rows(app, ws.schema, "SELECT watermark_ts FROM channel_state WHERE channel_id = 'C1'") == [("1709300400.000100",)]
    assert len(rows(app, ws.schema, "SELECT * FROM beatdowns")) == 1
    assert sorted(r[0] for r in rows(app, ws.schema, "SELECT item_key FROM bad_items WHERE action = 'rejected'")) == [
        "C1:garbage", "U" * 60]
