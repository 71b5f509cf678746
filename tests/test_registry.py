"""Registry, schema creation and the CLI's region commands, on SQLite and MariaDB."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from miner.core.config import ConfigError, load_settings
from miner.core.db import DatabaseError, check_identifier, load_ddl, upsert
from miner.core.registry import RegionError, add_region, get_region, list_regions, remove_region, update_region
from tests.helpers import run_cli as cli

TOKEN = "xoxb-1111-2222-secretsecret"


def test_identifiers_rejected():
    for bad in ["", "1abc", "a-b", "x;drop table users", "a" * 65, "`x`", "a b", "ñ"]:
        with pytest.raises(DatabaseError):
            check_identifier(bad)
    assert check_identifier("f3_region_2") == "f3_region_2"


def test_ddl_sections_translate_for_sqlite():
    control = load_ddl("control", "sqlite")
    assert any("PRIMARY KEY AUTOINCREMENT" in s for s in control)
    assert not any("AUTO_INCREMENT" in s for s in control)
    region = load_ddl("region", "mysql")
    assert any(s.startswith("CREATE TABLE IF NOT EXISTS beatdowns") for s in region)
    assert any(s.startswith("CREATE OR REPLACE VIEW attendance_view") for s in region)  # MySQL: replaced in one statement
    assert not any(s.startswith("DROP VIEW") for s in region)
    assert any(s.startswith("CREATE VIEW attendance_view") for s in load_ddl("region", "sqlite"))


def test_add_region_creates_schema_and_is_rerunnable(app):
    r = add_region(app.db, "f3alpha", "f3alpha_t", TOKEN)
    add_region(app.db, "f3alpha", "f3alpha_t", TOKEN, timezone="America/New_York")
    assert [x.region for x in list_regions(app.db)] == ["f3alpha"]
    assert get_region(app.db, "f3alpha").timezone == "America/New_York"
    with app.db.engine(r.schema_name).connect() as conn:
        for table in ["aos", "users", "beatdowns", "bd_attendance", "attendance_view", "beatdown_info", "messages"]:
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0
    assert TOKEN not in repr(r)


def test_region_update_remove_and_errors(app):
    add_region(app.db, "f3beta", "f3beta_t", TOKEN)
    r = update_region(app.db, "f3beta", send_pax_charts=1, date_order="DMY")
    assert (r.send_pax_charts, r.date_order) == (1, "DMY")
    with pytest.raises(RegionError):
        update_region(app.db, "f3beta", timezone="Mars/Olympus")
    with pytest.raises(RegionError):
        add_region(app.db, "other", "f3beta_t", TOKEN)  # schema taken
    with pytest.raises(RegionError):
        get_region(app.db, "nope")
    remove_region(app.db, "f3beta", drop_schema=True)
    assert list_regions(app.db) == []
    assert not app.db.schema_exists("f3beta_t")


def test_upsert_with_sql_metacharacters(app, region_schema):
    nasty = "Robert'); DROP TABLE users;-- `x` \\ \"q\" %s :name"
    with app.db.engine(region_schema).begin() as conn:
        upsert(conn, "users", [{"user_id": "U1", "user_name": nasty, "app": 0}], ["user_id"])
        upsert(conn, "users", [{"user_id": "U1", "user_name": nasty + "!", "app": 0}], ["user_id"])
    with app.db.engine(region_schema).connect() as conn:
        assert conn.execute(text("SELECT user_name FROM users")).scalar() == nasty + "!"


def test_cli_region_roundtrip_never_prints_token(app):
    res = cli(app, "region", "add", "f3cli", "--schema", "f3cli_t", "--token", TOKEN, "--timezone", "America/Denver", "--no-check")
    assert res.exit_code == 0, res.output
    assert "region f3cli ready" in res.output
    res = cli(app, "region", "list", "--json")
    assert res.exit_code == 0
    listed = json.loads(res.stdout)
    assert listed[0]["region"] == "f3cli" and listed[0]["timezone"] == "America/Denver"
    assert TOKEN not in res.output
    res = cli(app, "region", "update", "f3cli", "--send-q-charts")
    assert res.exit_code == 0 and "send_q_charts" in res.output
    res = cli(app, "region", "add", "evil", "--schema", "x`; DROP DATABASE mysql; --", "--token", TOKEN)
    assert res.exit_code != 0
    assert res.output.strip().startswith("error: invalid schema name")
    assert TOKEN not in res.output
    assert "Traceback" not in res.output


def test_config_file_and_env(tmp_path, monkeypatch):
    ini = tmp_path / "c.ini"
    ini.write_text("[paxminer]\nlookback_days = 3\nslack_api_url = http://127.0.0.1:1/api\n[scoring]\npost = 5\n")
    s = load_settings(str(ini))
    assert (s.lookback_days, s.slack_api_url, s.section("scoring")) == (3, "http://127.0.0.1:1/api/", {"post": 5})
    monkeypatch.setenv("PAXMINER_LOOKBACK_DAYS", "9")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:2/api/")
    s = load_settings(str(ini))
    assert (s.lookback_days, s.slack_api_url) == (9, "http://127.0.0.1:2/api/")
    assert load_settings(str(ini), slack_api_url="http://x/api/").slack_api_url == "http://x/api/"
    with pytest.raises(ConfigError):
        load_settings(str(tmp_path / "missing.ini"))
    monkeypatch.setenv("PAXMINER_LOOKBACK_DAYS", "many")
    with pytest.raises(ConfigError):
        load_settings(str(ini))


def _nasty_strings() -> list[str]:
    import random

    alphabet = "ab \\\0\n\r\032'\"`%;é🏋—\t-"
    rnd = random.Random(7)
    samples = ["", "plain", "\\'", "'\\", "\\\\n", "\0\\0", "x" * 1000 + "'", "%s %(x)s", "'; DROP TABLE users; --"]
    return samples + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))) for _ in range(500)]


def test_nasty_strings_round_trip_through_upsert(app, region_schema):
    """Quotes, backslashes, NULs, %-formats and emoji survive a bulk upsert byte for byte (the
    driver escapes them), and an update with the same keys replaces them."""
    from sqlalchemy import text

    from miner.core.db import upsert

    nasty = _nasty_strings()
    rows = [{"channel_id": f"V{i}", "ts": f"{i}.000100", "text": s, "content_hash": "h", "first_seen": "now",
             "updated_at": "now"} for i, s in enumerate(nasty)]
    eng = app.db.engine(region_schema)
    with eng.begin() as conn:
        upsert(conn, "messages", rows, ["channel_id", "ts"])
    with eng.begin() as conn:
        upsert(conn, "messages", [{**r, "text": r["text"] + "!"} for r in rows[:50]], ["channel_id", "ts"])
    with eng.connect() as conn:
        got = dict(conn.execute(text("SELECT channel_id, text FROM messages")).all())
    assert len(got) == len(nasty)
    for i, s in enumerate(nasty):
        assert got[f"V{i}"] == (s + "!" if i < 50 else s), repr(s)


def test_a_failed_bulk_upsert_shows_no_values(tmp_path):
    """An error from a bulk upsert shows the statement with placeholders: never a region's token."""
    from sqlalchemy.exc import DBAPIError

    from miner.core.db import Database, upsert
    from tests.conftest import MYSQL_URL, require_mysql, unique

    require_mysql()
    db = Database(MYSQL_URL, str(tmp_path), unique("pmctl"))
    token = "xoxb-1111-2222-secretsecret"
    try:
        db.create_schema(db.control_schema, "control")
        with pytest.raises(DBAPIError) as exc, db.engine(db.control_schema).begin() as conn:
            upsert(conn, "regions", [{"region": "r1", "slack_token": token, "schema_name": "s" * 500}], ["region"])
        text_ = str(exc.value)
        assert "Data too long" in text_ and "VALUES (%s, %s, %s)" in text_
        assert token not in text_ and "sss" not in text_
    finally:
        db.drop_schema(db.control_schema)
        db.dispose()
