"""Migrations: every earlier schema shape, with data in it, reaches the newest shape; each migration
is recorded once; an interrupted upgrade finishes when run again; `paxminer db upgrade`."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from miner.core import migrations
from miner.core.migrations import columns
from tests import schema_history
from tests.conftest import unique
from tests.helpers import run_cli

SHARED = ("aos", "users", "beatdowns", "bd_attendance")


def build_old(app, schema: str, version: str, weaselbot: bool = False) -> None:
    """An old region schema with a few rows in it."""
    db = app.db
    if db.dialect == "mysql":
        with db.server_engine().begin() as conn:
            conn.execute(text(f"CREATE DATABASE `{schema}`"))
    stmts = schema_history.region_ddl(version, db.dialect)
    if weaselbot:
        stmts += schema_history.WEASELBOT
    if db.dialect == "sqlite":
        stmts = schema_history.sqlite(stmts)
    with db.engine(schema).begin() as conn:
        for s in stmts:
            conn.execute(text(s))
        conn.execute(text("INSERT INTO aos (channel_id, ao, channel_created, archived, backblast) VALUES "
                          "('C1', 'ao-forge', 1500000000, 0, 1), ('C2', 'ao-rock', 1500000001, 0, 0)"))
        conn.execute(text("INSERT INTO users (user_id, user_name, real_name, app) VALUES "
                          "('U1', 'Hammer', 'H One', 0), ('U2', 'Nail', 'N Two', 0), ('U3', 'Saw', 'S Three', 0)"))
        for i, day in enumerate(["2023-03-04", "2024-07-09", "2025-01-02"]):
            ts = f"17000000{i}0.000100"
            conn.execute(text("INSERT INTO beatdowns (timestamp, ts_edited, ao_id, bd_date, q_user_id, pax_count, backblast, fngs, fng_count, json) "
                              "VALUES (:ts, 'NA', 'C1', :d, 'U1', 3, 'text', 'None', 0, :j)"),
                         {"ts": ts, "d": day, "j": '{"Event Type": "Ruck"}'})
            for u in ("U1", "U2", "U3"):
                conn.execute(text("INSERT INTO bd_attendance (timestamp, user_id, ao_id, date, q_user_id) "
                                  "VALUES (:ts, :u, 'C1', :d, 'U1')"), {"ts": ts, "u": u, "d": day})
        if "messages" in columns(conn, "messages") or columns(conn, "messages"):
            conn.execute(text("INSERT INTO messages (channel_id, ts, text, content_hash, first_seen, updated_at) "
                              "VALUES ('C1', '1700000000.000100', 'hello', 'h', 'x', 'x')"))
        if columns(conn, "chart_deliveries"):
            conn.execute(text("INSERT INTO chart_deliveries (kind, month, recipient, status, created_at, updated_at) "
                              "VALUES ('pax', '2025-01', 'U1', 'sent', 'x', 'x')"))
        if weaselbot:
            conn.execute(text("INSERT INTO achievements_list (name, description, verb, code) VALUES ('Priest', 'd', 'v', 'the_priest')"))
            conn.execute(text("INSERT INTO achievements_awarded (achievement_id, pax_id, date_awarded) VALUES (1, 'U2', '2025-01-05')"))


def shape(app, schema: str) -> dict:
    """table -> column -> (type, length, nullable) of every table schema.sql creates in a region."""
    from miner.core.db import load_ddl

    tables = migrations.table_names(load_ddl("region", app.db.dialect))
    with app.db.engine(schema).connect() as conn:
        out = {}
        for t in tables:
            cols = columns(conn, t)
            out[t] = {c: (v["type"], v["length"], v["nullable"]) for c, v in cols.items()}
    return out


@pytest.fixture
def schema(app):
    name = unique("pmold")
    yield name
    app.db.drop_schema(name)


@pytest.mark.parametrize("version", schema_history.VERSIONS)
def test_every_earlier_region_schema_reaches_the_newest_shape_with_its_data(app, schema, version):
    weaselbot = version == "production" and app.db.dialect == "mysql"
    build_old(app, schema, version, weaselbot=weaselbot)
    done = app.db.create_schema(schema, "region")
    assert "change column bd_attendance.date from date to VARCHAR(45) NOT NULL ('YYYY-MM-DD')" in done or version == "production"
    assert app.db.create_schema(schema, "region") == []  # recorded: nothing runs twice, nothing left to do
    with app.db.engine(schema).connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_migrations ORDER BY version")).scalars().all() == [m.version for m in migrations.REGION]
        dates = conn.execute(text("SELECT DISTINCT date FROM bd_attendance ORDER BY date")).scalars().all()
        assert dates == ["2023-03-04", "2024-07-09", "2025-01-02"]  # text, on both backends
        bd = conn.execute(text("SELECT bd_date, json, ts_edited FROM beatdowns ORDER BY bd_date")).all()
        assert [str(r[0]) for r in bd] == dates and all(r[1] == '{"Event Type": "Ruck"}' and r[2] == "NA" for r in bd)
        if app.db.dialect == "mysql":
            assert isinstance(bd[0][0], dt.date)
        assert conn.execute(text("SELECT COUNT(*) FROM bd_attendance")).scalar() == 9
        av = conn.execute(text("SELECT * FROM attendance_view")).mappings().all()
        assert av[0]["Date"] == "2025-01-02" and isinstance(av[0]["Date"], str)  # newest first, text
        assert conn.execute(text("SELECT COUNT(*) FROM backblast")).scalar() == 3
        assert conn.execute(text("SELECT ao, backblast FROM aos ORDER BY ao")).all() == [("ao-forge", 1), ("ao-rock", 0)]
        if version not in ("production",):
            assert conn.execute(text("SELECT replies_seen FROM messages")).all() == [(None,)]
        if weaselbot:
            assert conn.execute(text("SELECT pax, name FROM achievements_view")).all() == [("Nail", "Priest")]
    fresh = unique("pmnew")
    app.db.create_schema(fresh, "region")
    try:
        new, old = shape(app, fresh), shape(app, schema)
    finally:
        app.db.drop_schema(fresh)
    for table, cols in new.items():
        assert set(cols) <= set(old[table]), (table, set(cols) - set(old[table]))
        if version != "production":  # our own earlier shapes become exactly the newest one
            if app.db.dialect == "sqlite":  # (SQLite ignores VARCHAR widths: migrations leave them)
                cols = {c: (t, n) for c, (t, _w, n) in cols.items()}
                old[table] = {c: (t, n) for c, (t, _w, n) in old[table].items()}
            assert old[table] == cols, table
        else:  # production keeps its own column types where they are what we need (or wider)
            for c, (typ, length, _nullable) in cols.items():
                if app.db.dialect == "mysql" and typ == "varchar" and old[table][c][0] == "varchar":
                    assert old[table][c][1] >= length, (table, c)


@pytest.mark.parametrize("version", ["v1", "production"])
def test_control_schema_upgrade_keeps_every_region_row(app, version):
    db = app.db
    name = db.control_schema
    if db.dialect == "mysql":
        with db.server_engine().begin() as conn:
            conn.execute(text(f"CREATE DATABASE `{name}`"))
    with db.engine(name).begin() as conn:
        for s in schema_history.control_ddl(version):
            conn.execute(text(s))
        conn.execute(text("INSERT INTO regions (region, slack_token, schema_name, active, firstf_channel, send_pax_charts) "
                          "VALUES ('Geneva', 'xoxb-1', 'f3geneva', 1, 'C9', 1), ('Old', 'xoxb-2', 'f3old', 0, NULL, 0)"))
    from miner.core.upgrade import upgrade_all

    plan = upgrade_all(db, dry_run=True)
    assert any("add column regions.comments" in c for c in plan[0].changes) == (version != "production")
    assert any("add column regions.timezone" in c for c in plan[0].changes) == (version == "production")
    assert any("create table run_log" in c for c in plan[0].changes)
    with db.engine(name).connect() as conn:  # a dry run changes nothing
        assert "comments" not in columns(conn, "regions") or version == "production"
        assert not columns(conn, "run_log")
    reports = upgrade_all(db)
    assert reports[0].error is None
    from miner.core.registry import list_regions

    regions = {r.region: r for r in list_regions(db)}
    assert set(regions) == {"Geneva", "Old"}
    g = regions["Geneva"]
    assert (g.schema_name, g.active, g.firstf_channel, g.send_pax_charts, g.timezone, g.comments) == \
        ("f3geneva", 1, "C9", 1, "America/Chicago", None)
    assert regions["Old"].active == 0
    with db.engine(name).connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_migrations")).scalars().all() == [1]
        assert "comments" in columns(conn, "regions")


def test_an_interrupted_upgrade_finishes_when_run_again(app, schema, monkeypatch):
    build_old(app, schema, "v1")
    real = list(migrations.REGION)

    def crash_after(conn, ctx):
        real[3].apply(conn, ctx)  # the change is made (on MySQL: committed) ...
        raise KeyboardInterrupt("killed before it was recorded")  # ... and the process dies

    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS,
                        "region": real[:3] + [migrations.Migration(4, real[3].name, crash_after)] + real[4:]})
    with pytest.raises(KeyboardInterrupt):
        app.db.create_schema(schema, "region")
    app.db.dispose()
    with app.db.engine(schema).connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_migrations ORDER BY version")).scalars().all() == [1, 2, 3]
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, "region": real})
    done = app.db.create_schema(schema, "region")
    # MySQL committed the change before the crash (only recorded now); SQLite rolled it back (made now)
    assert any("bd_attendance.date" in d for d in done) == (app.db.dialect == "sqlite")
    assert "create table channel_state" in done
    with app.db.engine(schema).connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_migrations ORDER BY version")).scalars().all() == \
            [m.version for m in real]
        assert conn.execute(text("SELECT COUNT(*) FROM bd_attendance")).scalar() == 9
        assert conn.execute(text("SELECT MIN(date) FROM bd_attendance")).scalar() == "2023-03-04"


def test_db_upgrade_command(app, schema):
    build_old(app, schema, "v2")
    app.db.create_schema(app.db.control_schema, "control")
    with app.db.engine(app.db.control_schema).begin() as conn:
        conn.execute(text("INSERT INTO regions (region, slack_token, schema_name) VALUES ('f3x', 'xoxb-x', :s)"), {"s": schema})
    res = run_cli(app, "db", "upgrade", "--dry-run")
    assert res.exit_code == 0, res.output
    assert "change column bd_attendance.date" in res.output and "(region f3x)" in res.output
    assert "would change" in res.output.splitlines()[-1]
    with app.db.engine(schema).connect() as conn:
        assert columns(conn, "bd_attendance")["date"]["type"] == "date"  # dry run: nothing changed
    res = run_cli(app, "db", "upgrade")
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if "(region f3x)" in ln)
    assert "replies_seen" not in line and "change column bd_attendance.date" in line and "9 bd_attendance" in line
    res = run_cli(app, "db", "upgrade", "--region", "f3x")
    assert res.exit_code == 0 and "(region f3x): up to date" in res.output, res.output
    res = run_cli(app, "db", "upgrade", "--region", "nope")
    assert res.exit_code == 1 and "no such region" in res.output
