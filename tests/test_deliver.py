"""Delivery: outbox or Slack (the fake Slack server through the real slack_sdk), posted once.

Uploads go through files.getUploadURLExternal + files.completeUploadExternal to channel IDs, DMs through conversations.open; a rerun posts
nothing twice; a failing recipient is recorded, the rest still delivered, and a later run retries it.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from charters.data import CHART_KINDS, Period
from charters.routing import chart_region, run_charts
from miner.core import constants
from miner.core.registry import add_region, update_region
from tests.helpers import run_cli as cli
from tests.test_charts_data import MARCH, fill_region

TOKEN = "xoxb-charts-test"
DMS = ["U1", "U2", "U3"]  # PAX who posted in 2024 (U4 is deactivated, UB an app)
CHANNEL_CHARTS = {"C1": 3, "C2": 3, "CR": 5}  # q, ao, ao-leaderboard per AO; q-region, fng, leaderboard, activity, heard


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(constants, "RETRY_MAX", 0)
    monkeypatch.setattr(constants, "REQUEST_BUDGET", 5)


@pytest.fixture
def slack(fake_slack):
    ws = fake_slack.add_workspace(TOKEN, team="T0CHART")
    for uid, name, deleted in [("U1", "alpha", False), ("U2", "bravo", False), ("U3", "charlie", False),
                               ("U4", "delta", True), ("U5", "alpha2", False)]:
        ws.add_user(uid, name, deleted=deleted)
    ws.add_user("UB", "slackblast", is_bot=True)
    for cid, name, archived in [("C1", "the-forge", False), ("C2", "the-yard", False), ("C3", "old-ao", True),
                                ("CR", "1st-f", False), ("CH", "help", False)]:
        ws.add_channel(cid, name, is_archived=archived)
    return fake_slack, ws


@pytest.fixture
def region(app, slack):
    fs, _ = slack
    app.settings.slack_api_url = fs.base_url
    schema = f"{app.db.control_schema}_r"
    r = add_region(app.db, "Test Region", schema, TOKEN, firstf_channel="CR")
    fill_region(app.db.engine(schema))
    return r


def deliveries(app, r) -> dict:
    with app.db.engine(r.schema_name).connect() as conn:
        rows = conn.execute(text("SELECT kind, month, recipient, channel_id, status, attempts, error FROM chart_deliveries"))
        return {(k, m, rc): (ch, st, at, err) for k, m, rc, ch, st, at, err in rows}


def test_posts_everything_once_with_channel_ids(app, region, slack):
    fs, ws = slack
    s = chart_region(app, region, list(CHART_KINDS), MARCH, workers=1)
    assert (s["charted"], s["posted"], s["skipped"], s["failed"]) == (14, 14, 0, 0), s["errors"]
    by_channel: dict = {}
    for u in ws.uploads:
        by_channel.setdefault(u["channel"], []).append(u)
    assert {c: len(v) for c, v in by_channel.items() if c.startswith("C")} == CHANNEL_CHARTS
    dms = {ch: v for ch, v in by_channel.items() if ch.startswith("D")}
    assert sorted(dms) == sorted(ws.dms[u] for u in DMS) and all(len(v) == 1 for v in dms.values())
    assert ws.calls["conversations.open"] == 3 and "files.upload" not in ws.calls
    completes = [p for m, p in ws.requests if m == "files.completeUploadExternal"]
    assert len(completes) == 14 and all(p.get("channel_id", "").startswith(("C", "D")) for p in completes)
    assert all(u["content"].startswith(b"\x89PNG") and u["initial_comment"] and u["title"] for u in ws.uploads)
    lb = next(u for u in ws.uploads if u["title"] == "Test Region leaderboard, March 2024")
    assert lb["channel"] == "CR" and lb["filename"] == "2024-03-leaderboard.png"
    assert lb["initial_comment"].startswith("Test Region leaderboard for March 2024: 1. Bravo Real (3)")
    rows = deliveries(app, region)
    assert len(rows) == 14 and {st for _, st, _, _ in rows.values()} == {"sent"}
    assert rows[("pax", "2024-03", "U1")][0] == ws.dms["U1"]
    assert fs.errors == []

    again = chart_region(app, region, list(CHART_KINDS), MARCH, workers=1)  # a rerun of the same month
    assert (again["charted"], again["posted"], again["skipped"], again["failed"]) == (0, 0, 14, 0)
    assert len(ws.uploads) == 14


def test_failing_recipient_is_retried_by_the_next_run(app, region, slack):
    fs, ws = slack
    fs.fail("files.completeUploadExternal", status=500, times=1)  # the first upload (the leaderboard) fails
    s = chart_region(app, region, ["leaderboard", "ao"], MARCH, workers=1)
    assert (s["posted"], s["failed"]) == (2, 1)
    # a 5xx after the request went out: it may have been shared, so it is looked up, never resent blindly
    assert s["errors"][0].startswith("leaderboard CR: not known whether it was posted: files.completeUploadExternal")
    assert sorted(u["channel"] for u in ws.uploads) == ["C1", "C2"]
    _, status, attempts, error = deliveries(app, region)[("leaderboard", "2024-03", "CR")]
    assert (status, attempts) == ("unknown", 1) and "internal_error" in error

    s = chart_region(app, region, ["leaderboard", "ao"], MARCH, workers=1)
    assert (s["charted"], s["posted"], s["skipped"], s["failed"]) == (1, 1, 2, 0)
    assert sorted(u["channel"] for u in ws.uploads) == ["C1", "C2", "CR"]
    assert deliveries(app, region)[("leaderboard", "2024-03", "CR")][1:3] == ("sent", 2)


def test_one_bad_dm_does_not_stop_the_rest_and_the_cli_exits_nonzero(app, region, slack):
    fs, ws = slack
    ws.users["U2"]["deleted"] = True  # deactivated in Slack since the last users sync: conversations.open fails
    res = cli(app, "chart", "pax", "--region", "Test Region", "--month", "2024-03")
    assert res.exit_code == 1
    assert res.stdout.strip() == "Test Region March 2024: charted 3, posted 2, skipped 0 already sent, 1 failed"
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: 1 chart(s) not delivered") and "pax U2" in err[0]
    assert sorted(u["channel"] for u in ws.uploads) == sorted([ws.dms["U1"], ws.dms["U3"]])
    ws.users["U2"]["deleted"] = False
    res = cli(app, "chart", "pax", "--region", "Test Region", "--month", "2024-03")
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == "Test Region March 2024: charted 1, posted 1, skipped 2 already sent, 0 failed"


def test_outbox_writes_pngs_and_posts_nothing(app, region, slack, tmp_path):
    fs, ws = slack
    res = cli(app, "chart", "all", "--region", "Test Region", "--month", "2024-03", "--outbox", str(tmp_path))
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().endswith("charted 14, posted 0 (wrote 14 PNGs to "
                                       f"{tmp_path / 'test-region'}), skipped 0 already sent, 0 failed")
    pngs = sorted(p.name for p in (tmp_path / "test-region").glob("*.png"))
    assert len(pngs) == 14 and "2024-03-pax-bravo-real-u2.png" in pngs and "2024-03-q-region.png" in pngs
    index = json.loads((tmp_path / "test-region" / "2024-03-index.json").read_text())
    assert {c["kind"] for c in index} == {"pax", "q", "q-region", "ao", "fng", "leaderboard", "ao-leaderboard", "activity", "heard"}
    assert sum(ws.calls.values()) == 0 and deliveries(app, region) == {}


def test_cli_errors_are_one_line(app, region):
    res = cli(app, "chart", "pax", "--region", "Nowhere")
    assert res.exit_code == 1 and res.stderr.strip().startswith("error: no region named 'Nowhere'")
    res = cli(app, "chart", "pax", "--region", "Test Region", "--month", "2099-01")
    assert res.exit_code == 2 and "has not started yet" in res.stderr
    res = cli(app, "chart", "pax", "--region", "Test Region", "--month", "March")
    assert res.exit_code == 2 and "YYYY-MM" in res.stderr


def test_without_region_channel_the_ao_charts_still_go(app, region, slack):
    fs, ws = slack
    r = update_region(app.db, "Test Region", firstf_channel="")
    s = chart_region(app, r, ["q", "leaderboard"], MARCH, workers=1)
    assert (s["posted"], s["failed"]) == (2, 0)
    assert s["notes"] and "no region channel set" in s["notes"][0] and "not posting leaderboard, q-region" in s["notes"][0]
    assert sorted(u["channel"] for u in ws.uploads) == ["C1", "C2"]


def test_month_so_far_is_posted_once_then_the_whole_month(app, region, slack):
    fs, ws = slack
    so_far = Period.of(date(2024, 3, 1), date(2024, 3, 20))
    assert chart_region(app, region, ["fng"], so_far, workers=1)["posted"] == 1
    assert chart_region(app, region, ["fng"], Period.of(date(2024, 3, 1), date(2024, 3, 25)), workers=1)["skipped"] == 1
    assert chart_region(app, region, ["fng"], MARCH, workers=1)["posted"] == 1
    assert [u["filename"] for u in ws.uploads] == ["2024-03-partial-fng.png", "2024-03-fng.png"]


def test_a_row_left_sending_is_settled_not_posted_twice(app, region, slack):
    """A run that died mid-upload leaves its row 'sending': the next run looks for the file in the
    channel first; only what is not there is uploaded again."""
    fs, ws = slack
    chart_region(app, region, ["fng", "leaderboard"], MARCH, workers=1)
    assert len(ws.uploads) == 2
    eng = app.db.engine(region.schema_name)
    with eng.begin() as conn:  # it died after the upload went out, before anything was recorded as sent
        conn.execute(text("UPDATE chart_deliveries SET status = 'sending'"))
        conn.execute(text("UPDATE deliveries SET status = 'sending'"))
        # ... and for the leaderboard, before the upload was ever completed (its file never shared)
        conn.execute(text("UPDATE deliveries SET file_id = 'FNEVERSHARED' WHERE delivery_key LIKE 'chart:leaderboard:%'"))
    s = chart_region(app, region, ["fng", "leaderboard"], MARCH, workers=1)
    assert (s["posted"], s["skipped"], s["failed"]) == (1, 1, 0)
    assert sorted(u["title"] for u in ws.uploads) == ["Test Region leaderboard, March 2024",
                                                      "Test Region leaderboard, March 2024",
                                                      "Test Region: FNGs by month, 2024"]
    assert {k[0]: v[1] for k, v in deliveries(app, region).items()} == {"fng": "sent", "leaderboard": "sent"}
    assert chart_region(app, region, ["fng", "leaderboard"], MARCH, workers=1)["skipped"] == 2
    assert len(ws.uploads) == 3


def test_nightly_step_follows_flags_and_chart_day(app, region, slack):
    fs, ws = slack
    app.settings.chart_day = 3
    assert run_charts(app, app.region("Test Region"), date(2024, 4, 2))["note"] == "charts go out from day 3 of the month"
    assert run_charts(app, app.region("Test Region"), date(2024, 4, 5))["note"] == "no send_* chart flag is set for this region"
    update_region(app.db, "Test Region", send_region_leaderboard=1, settings=json.dumps({"charts": {"heard": False}}))
    s = run_charts(app, app.region("Test Region"), date(2024, 4, 5))
    assert (s["month"], s["kinds"], s["posted"]) == ("2024-03", ["fng", "leaderboard", "activity"], 3)
    assert sorted(u["title"] for u in ws.uploads) == [
        "Test Region leaderboard, March 2024", "Test Region: FNGs by month, 2024", "Test Region: Slack activity by week"]
    assert run_charts(app, app.region("Test Region"), date(2024, 4, 6))["skipped"] == 3  # the next night: nothing twice

    fs.fail("files.completeUploadExternal", status=500, times=100)  # a recipient failing night after night
    update_region(app.db, "Test Region", send_q_charts=1)
    for night in range(6, 13):
        s = run_charts(app, app.region("Test Region"), date(2024, 4, night))
    assert s["gave_up"] == 3 and s["failed"] == 0  # 5 attempts, then only an explicit `paxminer chart` retries
    fs.clear_faults()
    assert chart_region(app, region, ["q"], MARCH, workers=1)["posted"] == 3


def test_nightly_step_writes_to_an_outbox_and_posts_nothing(app, region, slack, tmp_path):
    fs, ws = slack
    update_region(app.db, "Test Region", send_pax_charts=1)
    s = run_charts(app, app.region("Test Region"), date(2024, 4, 1), outbox=str(tmp_path))
    assert (s["written"], s["posted"], s["outbox"]) == (3, 0, str(tmp_path / "test-region"))
    assert sum(ws.calls.values()) == 0
