"""Imports and schemas are safe; the run log never keeps a dead step 'running' (SQLite and MariaDB)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from miner.archive import export as export_mod
from miner.core import runlog
from miner.core.registry import RegionError, add_region, list_regions, remove_region, update_region
from miner.core.runlog import logged_step, recent
from tests.helpers import rows
from tests.helpers import run_cli as cli

TOKEN = "xoxb-9999-8888-safetysecret"
ROOT = Path(__file__).resolve().parent.parent


def transient() -> OperationalError:
    import pymysql

    return OperationalError("UPDATE run_log", {}, pymysql.err.OperationalError(2013, "Lost connection to server"))


# -- schemas -----------------------------------------------------------------------------------
def test_the_configured_control_schema_is_reserved(app):
    ctl = app.db.control_schema  # a unique name per test, not the default "paxminer"
    for name in (ctl, ctl.upper(), "paxminer", "mysql"):
        with pytest.raises(RegionError, match="reserved"):
            add_region(app.db, "evil", name, TOKEN)
    add_region(app.db, "good", ctl + "_r", TOKEN)
    with pytest.raises(RegionError, match="reserved"):
        update_region(app.db, "good", schema_name=ctl)
    res = cli(app, "region", "add", "evil2", "--schema", ctl, "--token", TOKEN)
    assert res.exit_code == 1 and "reserved" in res.output and TOKEN not in res.output
    assert [r.region for r in list_regions(app.db)] == ["good"]


def test_drop_schema_refuses_what_is_not_a_regions(app):
    ctl = app.db.control_schema
    add_region(app.db, "good", ctl + "_r", TOKEN)
    # a registry row pointing at the control schema (an older version let it in): never dropped
    with app.db.engine(ctl).begin() as conn:
        conn.execute(text("INSERT INTO regions (region, slack_token, schema_name) VALUES ('bad', :t, :s)"),
                     {"t": TOKEN, "s": ctl})
    res = cli(app, "region", "remove", "bad", "--drop-schema")
    assert res.exit_code == 1 and "reserved" in res.output, res.output
    assert sorted(r.region for r in list_regions(app.db)) == ["bad", "good"]  # nothing removed, tokens kept
    # a schema that is not a region's (no region tables): refused too
    other = ctl + "_x"
    app.db.create_schema(other, "control")
    with app.db.engine(ctl).begin() as conn:
        conn.execute(text("UPDATE regions SET schema_name = :s WHERE region = 'bad'"), {"s": other})
    with pytest.raises(RegionError, match="does not look like a region"):
        remove_region(app.db, "bad", drop_schema=True)
    assert app.db.schema_exists(other)
    # a schema two regions share: refused
    with app.db.engine(ctl).begin() as conn:
        conn.execute(text("UPDATE regions SET schema_name = :s WHERE region = 'bad'"), {"s": ctl + "_r"})
    with pytest.raises(RegionError, match="also region"):
        remove_region(app.db, "bad", drop_schema=True)
    remove_region(app.db, "bad")  # without --drop-schema: fine
    assert cli(app, "region", "remove", "good", "--drop-schema").exit_code == 0
    assert not app.db.schema_exists(ctl + "_r")
    app.db.drop_schema(other)


def test_sqlite_files_and_folder_are_private_whatever_the_umask(tmp_path):
    data = tmp_path / "deep" / "data"
    code = ("import os; os.umask(0o000); from miner.core.db import Database; from miner.core.registry import add_region; "
            f"db = Database('', {str(data)!r}, 'pmctl'); add_region(db, 'r', 'r_s', 'xoxb-1-2-x')")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = sorted(p.name for p in data.iterdir())
    assert "pmctl.sqlite" in files and "r_s.sqlite" in files
    for p in data.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name  # -wal and -shm too


# -- imports -----------------------------------------------------------------------------------
def minimal_export(folder: Path) -> Path:
    (folder / "ao-one").mkdir(parents=True)
    (folder / "channels.json").write_text(json.dumps([{"id": "C1", "name": "ao-one"}]))
    (folder / "users.json").write_text(json.dumps([{"id": "U1", "name": "one"}]))
    (folder / "ao-one" / "2024-01-01.json").write_text(json.dumps([{"type": "message", "ts": "1704100000.000100",
                                                                   "user": "U1", "text": "hello"}]))
    return folder


@pytest.fixture
def region(app):
    return add_region(app.db, "r", app.db.control_schema + "_r", TOKEN)


def test_a_zip_bomb_member_is_refused_in_one_line(app, region, tmp_path, monkeypatch):
    monkeypatch.setattr(export_mod, "MAX_FILE_BYTES", 4 * 2**20)
    src = minimal_export(tmp_path / "src")
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for p in src.rglob("*.json"):
            z.write(p, p.relative_to(src).as_posix())
        z.writestr("ao-one/2024-01-02.json", b"[" + b" " * (8 * 2**20) + b"]")  # 8 MiB of blanks, a few KB zipped
    assert path.stat().st_size < 100_000
    res = cli(app, "import", str(path), "--region", "r")
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "ao-one/2024-01-02.json unpacks to 8 MiB, over the 4 MiB limit" in lines[0], res.output
    assert rows(app, region.schema_name, "SELECT COUNT(*) FROM messages") == [("0",)]


def test_a_folder_export_never_follows_a_symlink_out(app, region, tmp_path):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "2024-01-03.json").write_text(json.dumps([{"type": "message", "ts": "1704300000.000100", "user": "U1",
                                                           "text": "from outside the export"}]))
    src = minimal_export(tmp_path / "export")
    os.symlink(outside / "2024-01-03.json", src / "ao-one" / "2024-01-03.json")
    os.symlink(outside, src / "ao-linked")
    res = cli(app, "import", str(src), "--region", "r", "--all-channels")
    texts = [r[0] for r in rows(app, region.schema_name, "SELECT text FROM messages")]
    assert texts == ["hello"], texts
    assert "symbolic link, not followed" in res.output and res.exit_code == 1


# -- the run log -------------------------------------------------------------------------------
def test_a_step_whose_database_died_does_not_stay_running(app, monkeypatch):
    monkeypatch.setattr(runlog, "FINISH_WAITS", (0.01,))
    real = runlog._finish
    calls = {"n": 0}

    def flaky(db, params):
        calls["n"] += 1
        if calls["n"] <= 2:  # the database is away when the step ends (and on the retry)
            raise transient()
        return real(db, params)

    monkeypatch.setattr(runlog, "_finish", flaky)
    with pytest.raises(RuntimeError):
        with logged_step(app.db, "r", "mine") as counts:
            counts["new"] = 3
            raise RuntimeError("the step lost its database")
    assert rows(app, app.db.control_schema, "SELECT status FROM run_log") == [("running",)]
    with logged_step(app.db, "r", "score"):  # the next step records the earlier end first
        pass
    got = rows(app, app.db.control_schema, "SELECT step, status, error FROM run_log ORDER BY id")
    assert got == [("mine", "failed", "the step lost its database"), ("score", "ok", None)]


def test_a_step_whose_process_died_shows_as_died(app):
    code = ("import os; from miner.core.db import Database; from miner.core.runlog import logged_step\n"
            f"db = Database({app.settings.db_url!r}, {app.settings.data_dir!r}, {app.db.control_schema!r})\n"
            "with logged_step(db, 'r', 'mine'):\n    os._exit(9)\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT)
    assert rows(app, app.db.control_schema, "SELECT status FROM run_log") == [("running",)]
    got = recent(app.db)
    assert [(r["step"], r["status"]) for r in got] == [("mine", "died")]
    assert rows(app, app.db.control_schema, "SELECT status FROM run_log") == [("died",)]
    res = cli(app, "log")
    assert "died" in res.output


def test_a_retried_mine_still_counts_its_new_messages(app, fake_slack, monkeypatch):
    from miner.archive import store
    from miner.core import constants
    from miner.nightly.run import run_daily
    from tests.test_daily import Regions

    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    # channels one after another: the six failures hit consecutive pages of one channel (with two
    # channel threads they are spread over two, each page's own retries absorb them and no step fails)
    monkeypatch.setattr(constants, "MINE_CHANNEL_THREADS", 1)
    regs = Regions(app, fake_slack, 1)
    real, calls = store.save_messages, {"n": 0}

    def flaky(*a, **kw):  # the database goes away after a few pages were committed
        calls["n"] += 1
        if 4 <= calls["n"] < 16:  # many times: past the page transaction's own retries
            raise transient()
        return real(*a, **kw)

    monkeypatch.setattr(store, "save_messages", flaky)
    lines: list[str] = []
    s = run_daily(app, workers=1, skip_charts=True, report=False, echo=lines.append)
    assert s["ok"] == 1, lines
    top = rows(app, regs.schema["r1"], "SELECT COUNT(*) FROM messages WHERE thread_ts IS NULL OR thread_ts = ts "
                                       "OR subtype = 'thread_broadcast'")[0][0]
    assert f"({top} new)" in lines[0] and int(top) > 50, lines[0]
    assert s["new_messages"] == int(top)
    got = [r[0] for r in rows(app, app.db.control_schema, "SELECT status FROM run_log WHERE step = 'mine' ORDER BY id")]
    assert got[-1] == "ok" and "failed" in got[:-1]  # the step was retried
