"""Slack exports as users have them: zips written on Windows, direct and group messages, an older
export imported after a newer one, the legacy `file` object, `attachments`, a users.json entry
without an id, a general channel not named 'general'. The exports are built here, from the fake
workspace (tests/fakeslack/export.py) reshaped the way those exports are."""

from __future__ import annotations

import json
import zipfile

import pytest

from miner.core import constants
from tests.fakeslack.export import _export_files
from tests.helpers import rows
from tests.helpers import run_cli as run
from tests.test_mine import BASE, FORGE, GEN, PAX, TOKEN, Region, backblast, day_of, ts_of


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)


@pytest.fixture
def region(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url
    r = Region(fake_slack)
    r.schema = "xs" + app.db.control_schema[-10:]
    assert run(app, "region", "add", "r", "--schema", r.schema, "--token", TOKEN).exit_code == 0
    return r


def write_zip(path, files: dict[str, str], sep: str = "/", top: str = "") -> str:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr((top + sep if top else "") + name.replace("/", sep), data)
    return str(path)


def imported(app, schema) -> int:
    return int(rows(app, schema, "SELECT COUNT(*) FROM messages")[0][0])


@pytest.mark.parametrize("top", ["", "F3 Export Jan 2025"])
def test_a_zip_written_on_windows_imports_like_any_other(app, region, tmp_path, top):
    files = _export_files(region.ws)
    path = write_zip(tmp_path / "win.zip", files, sep="\\", top=top)
    res = run(app, "import", path, "--region", "r")
    assert res.exit_code == 0, res.output
    n = imported(app, region.schema)
    assert n > 40 and f"imported {n} messages ({n} new" in res.output
    got = {(a, d, q) for a, d, q in rows(app, region.schema, "SELECT ao_id, bd_date, q_user_id FROM beatdowns")}
    assert got == set(region.truth)


def test_direct_and_group_messages_are_read_when_asked_and_always_counted(app, region, tmp_path):
    files = _export_files(region.ws)
    files["dms.json"] = json.dumps([{"id": "D0001", "created": BASE, "members": [PAX[0], PAX[1]]}])
    files["mpims.json"] = json.dumps([{"id": "G0001", "name": "mpdm-pax0--pax1--pax2-1", "created": BASE,
                                       "members": PAX[:3]}])
    files[f"D0001/{day_of(1)}.json"] = json.dumps([{"type": "message", "user": PAX[0], "text": "see you at the Forge", "ts": ts_of(1, 5)}])
    files[f"mpdm-pax0--pax1--pax2-1/{day_of(2)}.json"] = json.dumps(
        [{"type": "message", "user": PAX[1], "text": "who has the Q?", "ts": ts_of(2, 5)},
         {"type": "message", "user": PAX[2], "text": "me", "ts": ts_of(2, 6)}])
    path = write_zip(tmp_path / "dms.zip", files)
    res = run(app, "import", path, "--region", "r")
    assert res.exit_code == 0, res.output
    assert "2 direct/group message conversations skipped (--dms adds them)" in res.output
    assert rows(app, region.schema, "SELECT COUNT(*) FROM messages WHERE channel_id IN ('D0001', 'G0001')") == [("0",)]
    res = run(app, "import", path, "--region", "r", "--dms")
    assert res.exit_code == 0, res.output
    assert "skipped" not in res.output.split("direct/group")[0][-40:] and "2 direct/group message conversations" in res.output
    assert sorted(rows(app, region.schema, "SELECT channel_id, COUNT(*) FROM messages WHERE channel_id IN ('D0001', 'G0001') "
                                           "GROUP BY channel_id")) == [("D0001", "1"), ("G0001", "2")]
    assert rows(app, region.schema, "SELECT COUNT(*) FROM aos WHERE channel_id IN ('D0001', 'G0001')") == [("0",)]  # not AOs


def test_the_newer_version_of_a_message_wins_whatever_the_order(app, region, tmp_path):
    q = PAX[0]
    old_files = _export_files(region.ws)
    # after that export, the Q edits day 0's backblast: one more PAX
    region.ws.edit(FORGE, ts_of(0), text=backblast(FORGE, "ao-the-forge", 0, q, PAX[4:7] + [PAX[11]]))
    new_files = _export_files(region.ws)
    older = write_zip(tmp_path / "older.zip", old_files)
    newer = write_zip(tmp_path / "newer.zip", new_files)

    def state():
        msg = rows(app, region.schema, f"SELECT edited_ts, text FROM messages WHERE channel_id = '{FORGE}' AND ts = '{ts_of(0)}'")
        att = rows(app, region.schema, f"SELECT user_id FROM bd_attendance WHERE timestamp = '{ts_of(0)}' ORDER BY user_id")
        return msg, att

    assert run(app, "import", newer, "--region", "r").exit_code == 0
    after_newer = state()
    assert after_newer[0][0][0] is not None and (PAX[11],) in after_newer[1]
    assert run(app, "import", older, "--region", "r").exit_code == 0  # an older export later: nothing reverts
    assert state() == after_newer
    # the other way round, in a fresh region: older first, then newer, then a mine, then older again
    app.db.drop_schema(region.schema)
    assert run(app, "region", "add", "r", "--schema", region.schema, "--token", TOKEN).exit_code == 0
    assert run(app, "import", older, "--region", "r").exit_code == 0
    assert state()[0][0][0] is None
    assert run(app, "import", newer, "--region", "r").exit_code == 0
    assert state() == after_newer
    assert run(app, "channels", "--region", "r").exit_code == 0
    res = run(app, "mine", "--region", "r")
    assert res.exit_code == 0, res.output
    assert state() == after_newer
    assert run(app, "import", older, "--region", "r").exit_code == 0
    assert state() == after_newer


def test_legacy_file_object_attachments_users_without_id_and_a_general_channel(app, region, tmp_path):
    files = _export_files(region.ws)
    chans = json.loads(files["channels.json"])
    for c in chans:
        if c["id"] == GEN:
            c["name"], c["is_general"] = "the-lobby", True
    files["channels.json"] = json.dumps(chans)
    files = {k.replace("general/", "the-lobby/"): v for k, v in files.items()}
    users = json.loads(files["users.json"]) + [{"name": "ghost", "profile": {"real_name": "No Id"}}]
    files["users.json"] = json.dumps(users)
    day = f"the-lobby/{day_of(3)}.json"
    msgs = json.loads(files[day])
    msgs += [{"type": "message", "subtype": "file_share", "user": PAX[1], "ts": ts_of(3, 50), "text": "pic",
              "file": {"id": "F1", "name": "cot.jpg", "mimetype": "image/jpeg"}},
             {"type": "message", "subtype": "bot_message", "bot_id": "B1", "ts": ts_of(3, 51), "text": "",
              "attachments": [{"fallback": "Backblast: Forge", "text": "Q: someone", "color": "36a64f"}]}]
    files[day] = json.dumps(msgs)
    res = run(app, "import", write_zip(tmp_path / "odd.zip", files), "--region", "r")
    assert res.exit_code == 0, res.output
    assert "1 users.json entries without an id skipped" in res.output
    assert rows(app, region.schema, f"SELECT kind, backblast FROM aos WHERE channel_id = '{GEN}'") == [("region", "0")]
    got = rows(app, region.schema, f"SELECT ts, file_count, attachments FROM messages WHERE channel_id = '{GEN}' AND ts IN "
                                   f"('{ts_of(3, 50)}', '{ts_of(3, 51)}') ORDER BY ts")
    assert got[0][1] == "1" and got[0][2] is None
    assert json.loads(got[1][2])[0]["fallback"] == "Backblast: Forge"
