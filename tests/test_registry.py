"""Registry, schema creation and the CLI's region commands, on SQLite and MariaDB."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from miner.config import ConfigError, load_settings
from miner.db import DatabaseError, check_identifier, load_ddl, upsert
from miner.registry import RegionError, add_region, get_region, list_regions, remove_region, update_region
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
    assert any(s.startswith("CREATE VIEW attendance_view") for s in region)


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
    res = cli(app, "region", "add", "f3cli", "--schema", "f3cli_t", "--token", TOKEN, "--timezone", "America/Denver")
    assert res.exit_code == 0, res.output
    assert "region f3cli ready" in res.output
    res = cli(app, "region", "list", "--json")
    assert res.exit_code == 0
    listed = json.loads(res.output)
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
    assert (s.lookback_days, s.slack_api_url, s.section("scoring")) == (3, "http://127.0.0.1:1/api/", {"post": "5"})
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


def test_mysql_connections_share_one_default_tls_context(tmp_path):
    """PyMySQL's default (preferred) TLS context is built once per process, not per connection."""
    from miner.db import Database, _PyMySQLConnection
    from tests.conftest import MYSQL_URL, require_mysql, unique

    require_mysql()
    db = Database(MYSQL_URL, str(tmp_path), unique("pmctl"))
    schema = unique("pmreg")
    try:
        contexts = []
        for name, section in ((schema, "region"), (db.control_schema, "control")):
            db.create_schema(name, section)
            with db.engine(name).connect() as conn:
                raw = conn.connection.dbapi_connection
                assert isinstance(raw, _PyMySQLConnection)
                contexts.append(raw.ctx)
        assert contexts[0] is contexts[1] is _PyMySQLConnection._default_ctx
    finally:
        db.drop_schema(schema)
        db.drop_schema(db.control_schema)
        db.dispose()


def _nasty_strings() -> list[str]:
    import random

    alphabet = "ab \\\0\n\r\032'\"`%;é🏋—\t-"
    rnd = random.Random(7)
    samples = ["", "plain", "\\'", "'\\", "\\\\n", "\0\\0", "x" * 1000 + "'", "%s %(x)s", "'; DROP TABLE users; --"]
    return samples + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))) for _ in range(2000)]


def test_quote_string_is_pymysqls_escaping_minus_what_single_quotes_do_not_need():
    """quote_string escapes as PyMySQL does, except `"`, newline and carriage return, which stand
    for themselves inside single quotes (the round trip below proves MariaDB reads them back)."""
    from pymysql.converters import escape_string as pymysql_escape

    from miner.db import quote_string

    for s in _nasty_strings():
        plain = s.replace('"', "").replace("\n", "").replace("\r", "")
        assert quote_string(plain) == "'" + pymysql_escape(plain) + "'", repr(plain)
    assert quote_string('{"a": "b\nc"}') == "'{\"a\": \"b\nc\"}'"  # JSON with a raw newline: nothing escaped


def test_mysql_values_escape_like_pymysql_and_round_trip(tmp_path, monkeypatch):
    """The connection's escape() renders values as PyMySQL does (strings as quote_string), and
    nasty strings survive a round trip through MariaDB byte for byte: bound by PyMySQL, in the
    VALUES lists upsert builds (split into several statements), and with NO_BACKSLASH_ESCAPES."""
    from datetime import date, datetime
    from decimal import Decimal

    import pymysql
    from sqlalchemy import text

    from miner import db as dbmod
    from miner.db import Database, quote_string, upsert
    from tests.conftest import MYSQL_URL, require_mysql, unique

    require_mysql()
    db = Database(MYSQL_URL, str(tmp_path), unique("pmctl"))
    schema = unique("pmreg")
    nasty = _nasty_strings()
    statements = []
    try:
        db.create_schema(schema)
        eng = db.engine(schema)
        with eng.begin() as conn:
            raw = conn.connection.dbapi_connection
            values = [None, 0, -7, 2**40, True, False, 1.5, Decimal("2.50"), date(2026, 1, 2),
                      datetime(2026, 1, 2, 3, 4, 5), b"\x00'bytes"]
            for v in values:
                assert raw.escape(v) == pymysql.connections.Connection.escape(raw, v), repr(v)
            for s in nasty * 2:  # twice: short strings come from the connection's cache the second time
                assert raw.escape(s) == quote_string(s), repr(s)
            bound = [(f"B{i}", f"{i}.000100", s) for i, s in enumerate(nasty)]
            conn.exec_driver_sql("INSERT INTO messages (channel_id, ts, text, content_hash, first_seen, updated_at) "
                                 "VALUES (%s, %s, %s, 'h', 'now', 'now')", bound)
        monkeypatch.setattr(dbmod, "MAX_STATEMENT", 4000)
        built = [{"channel_id": f"V{i}", "ts": f"{i}.000100", "text": s, "content_hash": "h", "first_seen": "now",
                  "updated_at": "now"} for i, s in enumerate(nasty)]
        with eng.begin() as conn:
            real = conn.connection.dbapi_connection.query
            monkeypatch.setattr(conn.connection.dbapi_connection, "query",
                                lambda sql, unbuffered=False: (statements.append(sql), real(sql, unbuffered))[1])
            upsert(conn, "messages", built, ["channel_id", "ts"])
            monkeypatch.undo()
        inserts = [s for s in statements if s.startswith("INSERT")]
        assert len(inserts) > 5 and all(len(s.encode()) <= 4000 for s in inserts)
        with eng.begin() as conn:  # the server's mode changes what a backslash means
            conn.exec_driver_sql("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
            upsert(conn, "messages", [{**r, "channel_id": "N" + r["channel_id"][1:]} for r in built], ["channel_id", "ts"])
            conn.exec_driver_sql("SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')")
        with eng.connect() as conn:
            got = dict(conn.execute(text("SELECT channel_id, text FROM messages")).all())
        assert len(got) == 3 * len(nasty)
        for i, s in enumerate(nasty):
            assert got[f"B{i}"] == got[f"V{i}"] == got[f"N{i}"] == s, repr(s)
    finally:
        db.drop_schema(schema)
        db.drop_schema(db.control_schema)
        db.dispose()


def test_mysql_pool_skips_rollback_after_commit_but_never_leaves_a_transaction_open(tmp_path):
    """The pool's reset on return sends no ROLLBACK after a committed transaction (a round trip
    for nothing), and still rolls back a connection returned with work in progress."""
    from sqlalchemy import text

    from miner.db import Database
    from tests.conftest import MYSQL_URL, require_mysql, unique

    require_mysql()
    db = Database(MYSQL_URL, str(tmp_path), unique("pmctl"))
    schema = unique("pmreg")
    try:
        db.create_schema(schema)
        eng = db.engine(schema)
        sent = []
        with eng.connect() as conn:
            raw = conn.connection.dbapi_connection
        real_rollback = type(raw).rollback
        type(raw).rollback = lambda self: (sent.append("ROLLBACK"), real_rollback(self))[1]
        try:
            with eng.begin() as conn:
                conn.execute(text("INSERT INTO aos (channel_id, ao) VALUES ('C1', 'ao-one')"))
            assert sent == []  # committed: nothing to reset
            with eng.connect() as conn:  # read, then returned: its Connection rolls the read back
                assert conn.execute(text("SELECT COUNT(*) FROM aos")).scalar() == 1
            assert sent == ["ROLLBACK"]
            pooled = eng.raw_connection()  # work the Connection does not know about
            pooled.cursor().execute("INSERT INTO aos (channel_id, ao) VALUES ('C2', 'ao-two')")
            pooled.close()  # back to the pool with the INSERT uncommitted: rolled back
            assert sent == ["ROLLBACK", "ROLLBACK"]
        finally:
            type(raw).rollback = real_rollback
        with eng.connect() as conn:
            assert conn.execute(text("SELECT channel_id FROM aos")).scalars().all() == ["C1"]
    finally:
        db.drop_schema(schema)
        db.drop_schema(db.control_schema)
        db.dispose()


def test_a_failed_bulk_upsert_shows_no_values(tmp_path):
    """upsert sends its values inline on MySQL; an error must still show only placeholders (as
    bound parameters with hide_parameters would): never a region's token."""
    from sqlalchemy.exc import DBAPIError

    from miner.db import Database, upsert
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
