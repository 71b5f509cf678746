"""`paxminer import EXPORT`: a Slack export (zip or folder) into the archive, idempotent with `mine`."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from click.testing import CliRunner

from miner.cli.main import main
from miner.core import constants
from tests.fakeslack import generate_region, write_export
from tests.helpers import attendance_by_beatdown as beatdowns_of
from tests.helpers import check_truth, rows, truth_of
from tests.helpers import run_cli as run

START = date(2023, 1, 2)


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    monkeypatch.setattr(constants, "RETRY_MAX", 3)


def parsed(app, schema) -> dict:
    return {
        "beatdowns": sorted(rows(app, schema, "SELECT timestamp, ts_edited, ao_id, bd_date, q_user_id, coq_user_id, "
                                              "pax_count, fngs, fng_count, backblast FROM beatdowns")),
        "bd_attendance": sorted(rows(app, schema, "SELECT timestamp, ts_edited, user_id, ao_id, date, q_user_id FROM bd_attendance")),
    }


def archive(app, schema) -> list:
    return sorted(rows(app, schema, "SELECT channel_id, ts, thread_ts, user_id, text, edited_ts, deleted, content_hash, "
                                    "source FROM messages"))


@pytest.fixture
def region(app, fake_slack):
    """A generated workspace on the fake Slack, registered as region `r` (nothing mined yet)."""
    app.settings.slack_api_url = fake_slack.base_url
    token = f"xoxb-exp-{app.db.control_schema[-8:]}"
    ws = fake_slack.add_workspace(token, team="TEXP", name="exp")
    generate_region(ws, seed=5, users=25, aos=3, weeks=8, start=START)
    schema = "x" + app.db.control_schema[-10:]
    assert run(app, "region", "add", "r", "--schema", schema, "--token", token).exit_code == 0
    ws.schema, ws.token = schema, token
    return ws


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_import_gives_the_ground_truth(app, region, tmp_path, as_zip, fake_slack):
    path = write_export(region, tmp_path / ("export.zip" if as_zip else "export"), as_zip=as_zip)
    fake_slack.calls.clear()
    res = run(app, "import", str(path), "--region", "r")
    assert res.exit_code == 0, res.output
    assert sum(fake_slack.calls.values()) == 0  # not one Slack call
    n = sum(len(c.msgs) for c in archived(region))
    assert f"r: imported {n} messages ({n} new, 0 changed, 0 already stored;" in res.output
    check_truth(beatdowns_of(app, region.schema), region)
    assert rows(app, region.schema, "SELECT DISTINCT source FROM messages") == [("export",)]
    users = rows(app, region.schema, "SELECT COUNT(*) FROM users")[0][0]
    assert int(users) == len(region.users)
    aos = rows(app, region.schema, "SELECT COUNT(*) FROM aos WHERE backblast = 1")[0][0]
    assert aos == "3"
    # each channel is watermarked at its newest message: the next mine starts there
    marks = dict(rows(app, region.schema, "SELECT channel_id, watermark_ts FROM channel_state"))
    assert len(marks) == len(archived(region))
    for c in archived(region):
        assert marks[c.info["id"]] == max(c.msgs, key=float)
    # a second import changes nothing and parses nothing
    before = archive(app, region.schema), parsed(app, region.schema)
    res = run(app, "import", str(path), "--region", "r")
    assert res.exit_code == 0 and f"(0 new, 0 changed, {n} already stored;" in res.output and "0 backblasts" in res.output
    assert (archive(app, region.schema), parsed(app, region.schema)) == before
    log = rows(app, app.db.control_schema, "SELECT step, status FROM run_log WHERE region = 'r'")
    assert log == [("import", "ok"), ("import", "ok")]
    # every channel on request (random too)
    res = run(app, "import", str(path), "--region", "r", "--all-channels")
    everything = sum(len(c.msgs) for c in region.channels.values() if not c.info["is_private"])
    assert res.exit_code == 0 and f"r: imported {everything} messages ({everything - n} new" in res.output


def archived(ws) -> list:
    """The channels the miner archives in a generated region: AOs, general, 1st-f, help-desk (not random)."""
    return [c for c in ws.channels.values() if not c.info["is_private"] and c.info["name"] != "random"]


def full_mine(app, name):
    for step in ("channels", "users", "mine"):
        res = run(app, step, "--region", name)
        assert res.exit_code == 0, res.output
    return res


def test_import_then_mine_equals_mine_only(app, region, tmp_path, fake_slack):
    # reference: a region mined from the API only, into its own schema
    other = "y" + app.db.control_schema[-10:]
    assert run(app, "region", "add", "m", "--schema", other, "--token", region.token).exit_code == 0
    fake_slack.calls.clear()
    full_mine(app, "m")
    mine_only_calls = fake_slack.calls["conversations.history"] + fake_slack.calls["conversations.replies"]
    # a few new posts after the export was taken, and an edit inside the lookback window
    path = write_export(region, tmp_path / "export.zip")
    gen = region.channel_by_name("general")["id"]
    u = next(iter(region.users))
    region.post(gen, text="posted after the export", user=u)
    last_bb = region.truth[-1]
    region.edit(last_bb["channel"], last_bb["ts"], text=region.message(last_bb["channel"], last_bb["ts"])["text"] + "\nedit")
    # mine-only gets those too
    assert run(app, "mine", "--region", "m").exit_code == 0
    # import, then the nightly steps
    assert run(app, "import", str(path), "--region", "r").exit_code == 0
    fake_slack.calls.clear()
    full_mine(app, "r")
    after_import_calls = fake_slack.calls["conversations.history"] + fake_slack.calls["conversations.replies"]
    assert after_import_calls < mine_only_calls / 3  # only the lookback window is read from Slack
    pa, pb = parsed(app, region.schema), parsed(app, other)
    assert pa == pb  # same beatdowns and attendance
    check_truth(beatdowns_of(app, region.schema), region)
    a, b = archive(app, region.schema), archive(app, other)
    # the same messages, nothing doubled; older ones keep source 'export' and, with no metadata in
    # an export, another content hash
    assert [r[:-2] for r in a] == [r[:-2] for r in b]
    assert rows(app, region.schema, "SELECT COUNT(*) FROM messages WHERE text = 'posted after the export'") == [("1",)]
    # importing again after mining never overwrites what the API stored
    res = run(app, "import", str(path), "--region", "r")
    assert res.exit_code == 0, res.output
    assert archive(app, region.schema) == a and parsed(app, region.schema) == pa


def test_a_malformed_day_file_is_reported_and_nothing_else_lost(app, region, tmp_path):
    path = write_export(region, tmp_path / "export", as_zip=False)
    bb = region.truth[len(region.truth) // 2]
    ao = next(c for c in region.channels.values() if c.info["id"] == bb["channel"]).info["name"]
    day = datetime.fromtimestamp(float(bb["ts"]), timezone.utc).date().isoformat()
    bad = path / ao / f"{day}.json"
    bad.write_text(bad.read_text()[:-40] + "\n ,,, oops", encoding="utf-8")
    res = CliRunner().invoke(main, (["--db-url", app.settings.db_url] if app.settings.db_url else []) +
                             ["import", str(path), "--region", "r", "--no-progress"],
                             env={"PAXMINER_DATA_DIR": app.settings.data_dir,
                                  "PAXMINER_CONTROL_SCHEMA": app.settings.control_schema})
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and errors[0].startswith(f"error: 1 export file(s) unreadable and skipped, everything else "
                                                     f"imported: {ao}/{day}.json: ")
    assert "Traceback" not in res.output and "r: imported" in res.stdout

    def lost(t):
        return t["channel"] == bb["channel"] and datetime.fromtimestamp(float(t["ts"]), timezone.utc).date().isoformat() == day

    assert bb["ts"] not in {r[0] for r in rows(app, region.schema, "SELECT ts FROM messages")}
    check_truth(beatdowns_of(app, region.schema), region, skip=lost)
    assert len(truth_of(region, skip=lost)) < len(truth_of(region))


def test_not_an_export_is_one_line(app, region, tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not a zip")
    res = run(app, "import", str(junk), "--region", "r")
    assert res.exit_code == 1
    assert "is not a Slack export" in res.output and "Traceback" not in res.output
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run(app, "import", str(empty), "--region", "r")
    assert res.exit_code == 1 and "no channels.json" in res.output
    res = run(app, "import", str(empty), "--region", "nope")
    assert res.exit_code == 1 and "no region named 'nope'" in res.output


def test_export_with_a_top_folder_and_unknown_folders(app, region, tmp_path):
    """Zips made by hand often have a top folder; folders not in channels.json (DMs) are ignored."""
    import zipfile

    flat = write_export(region, tmp_path / "flat", as_zip=False)
    (flat / "D0SOMEDM").mkdir()
    (flat / "D0SOMEDM" / "2023-01-03.json").write_text(json.dumps([{"type": "message", "ts": "1672750000.000100",
                                                                     "text": "a DM", "user": "U1"}]))
    z = tmp_path / "nested.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in flat.rglob("*.json"):
            zf.write(f, "F3 Export Jan 2024/" + f.relative_to(flat).as_posix())
    res = run(app, "import", str(z), "--region", "r")
    assert res.exit_code == 0, res.output
    check_truth(beatdowns_of(app, region.schema), region)
    assert rows(app, region.schema, "SELECT COUNT(*) FROM messages WHERE text = 'a DM'") == [("0",)]


def test_imported_backblast_deleted_in_slack_goes_on_a_since_mine(app, region, tmp_path, fake_slack):
    path = write_export(region, tmp_path / "export.zip")
    assert run(app, "import", str(path), "--region", "r").exit_code == 0
    gone = region.truth[0]
    region.delete(gone["channel"], gone["ts"])
    full_mine(app, "r")  # the lookback window does not reach back that far: nothing changes yet
    key = (gone["ao_id"], gone["date"], gone["q"])
    assert key in beatdowns_of(app, region.schema)
    assert run(app, "mine", "--region", "r", "--since", START.isoformat()).exit_code == 0
    assert key not in beatdowns_of(app, region.schema)
    check_truth(beatdowns_of(app, region.schema), region, skip=lambda t: t is gone)
    assert rows(app, region.schema, "SELECT deleted, source FROM messages WHERE channel_id = :c AND ts = :t",
                c=gone["channel"], t=gone["ts"]) == [("1", "export")]
