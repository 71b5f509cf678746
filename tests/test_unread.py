"""Nothing lost silently (issue 18): a page or thread Slack would not give us (a 5xx past the retry
budget, a connection that kept dropping) leaves its channel's pass open with what was read stored,
and the step says so: `mine` exits non-zero, `daily` reports the region partial (its other channels
and later steps still run), the run log records what is missing, and the next run completes it to
exactly what a mine that met no failure stores."""

from __future__ import annotations

import json

import pytest

from miner.core import constants
from tests.fakeslack import FakeSlack
from tests.helpers import rows, run_cli
from tests.test_rate_limits import contents, last_mine, limited_region

HISTORY, REPLIES = "conversations.history", "conversations.replies"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    """Slack's failures outlast the retry budget quickly: 3 attempts, ms apart."""
    monkeypatch.setattr(constants, "RETRY_MAX", 2)
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.001)


def reference(app, fs: FakeSlack) -> str:
    """A region mined with no failure: what every rerun must end up storing."""
    app.settings.slack_api_url = fs.base_url
    _, schema = limited_region(app, fs, "ref", "xoxb-ref", weeks=3)
    assert run_cli(app, "mine", "--region", "ref", "--processes", "1").exit_code == 0
    return schema


def open_passes(app, schema) -> list[tuple]:
    return rows(app, schema, "SELECT s.channel_id, s.pass_cursor FROM channel_state s WHERE s.pass_id IS NOT NULL")


@pytest.mark.parametrize("fault", ["page 500", "page dropped", "thread 500"])
def test_what_slack_would_not_give_is_left_open_and_said(app, fault):
    with FakeSlack() as free, FakeSlack() as fs:
        ref = reference(app, free)
        app.settings.slack_api_url = fs.base_url
        ws, schema = limited_region(app, fs, "flaky", "xoxb-ref", weeks=3)
        pages = {"PAXMINER_HISTORY_PAGE_SIZE": "10"}  # several history pages per channel
        attempts = constants.RETRY_MAX + 1  # one call's every attempt, so only the first channel fails
        if fault == "page 500":  # the first channel's second page
            fs.fail(HISTORY, status=500, times=attempts, after=1)
        elif fault == "page dropped":
            fs.drop(HISTORY, times=attempts, after=1)
        else:  # the first channel's first thread
            fs.fail(REPLIES, status=503, times=attempts)
        res = run_cli(app, "mine", "--region", "flaky", "--processes", "1", env=pages)
        assert res.exit_code == 1, res.output
        assert "not everything was read, the next run resumes it" in res.stderr
        status, counts, error = last_mine(app, "flaky")
        assert status == "partial" and counts["channel_errors"] == 1 and len(counts["missing"]) == 1
        assert "resumed next run" in error and error.startswith("#")
        (channel, cursor), = open_passes(app, schema)  # that channel's pass only, open
        stored = int(rows(app, schema, "SELECT COUNT(*) FROM messages WHERE channel_id = :c", c=channel)[0][0])
        assert stored > 0  # what was read before the failure is kept
        if fault.startswith("page"):
            assert cursor is not None  # resumed from the page that failed
        assert contents(app, schema) != contents(app, ref)
        res = run_cli(app, "mine", "--region", "flaky", "--processes", "1", env=pages)
        assert res.exit_code == 0, res.output
        assert last_mine(app, "flaky")[0] == "ok" and open_passes(app, schema) == []
        assert contents(app, schema) == contents(app, ref)


def test_daily_reports_the_region_partial_and_the_next_night_completes_it(app, tmp_path):
    from miner.nightly.run import run_daily

    with FakeSlack() as free, FakeSlack() as fs:
        ref = reference(app, free)
        app.settings.slack_api_url = fs.base_url
        ws, schema = limited_region(app, fs, "flaky", "xoxb-ref", weeks=3)
        _, other = limited_region(app, fs, "fine", "xoxb-fine", weeks=3, seed=2)
        # one thread of one channel (every attempt of that call), the rest of the night goes well
        fs.fail(REPLIES, status=500, times=constants.RETRY_MAX + 1, token="xoxb-ref")
        outbox = tmp_path / "outbox"
        night = run_daily(app, skip_charts=True, outbox=str(outbox))
        assert night["partial_regions"] == ["flaky"] and night["ok"] == 2 and night["failed"] == 0, night
        res = next(r for r in night["results"] if r["region"] == "flaky")
        assert res["status"] == "partial" and res["steps"]["score"]  # its later steps ran on what was read
        assert all("resumed next run" in m for m in res["steps"]["mine"]["missing"])
        status, error = rows(app, app.db.control_schema, "SELECT status, error FROM run_log WHERE region = 'flaky' "
                             "AND step = 'mine' AND run_id = :r", r=night["run_id"])[0]
        assert status == "partial" and "not read to the end" in error
        (report,) = (outbox / "flaky").glob("daily-report-*.txt")
        assert "PARTIAL, left for the next run: #" in report.read_text()
        assert open_passes(app, schema)
        fs.clear_faults()
        again = run_daily(app, skip_charts=True, outbox=str(outbox))
        assert again["ok"] == 3, again
        assert open_passes(app, schema) == [] and contents(app, schema) == contents(app, ref)
        counts = json.loads(rows(app, app.db.control_schema, "SELECT counts FROM run_log WHERE region = 'flaky' "
                                 "AND step = 'mine' AND run_id = :r", r=again["run_id"])[0][0])
        assert counts["missing"] == [] and counts["channel_errors"] == 0
        assert contents(app, other)["messages"]
