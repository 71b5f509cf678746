"""`paxminer db adopt` on a MariaDB server laid out by the retired PAXminer: three years of beatdowns
(some hand-corrected), weaselbot's objects, the old `paxminer.regions`; then `daily` runs the region.
MariaDB only: the retired PAXminer ran on MySQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from tests import schema_history
from tests.conftest import MARIADB_ONLY
from tests.helpers import run_cli
from tests.test_mine import FORGE, GAUNT, GEN, PAX, TOKEN, YARD, Region, day_of, ts_of

LEGACY_START = dt.date(2022, 1, 3)
LEGACY_WEEKS = 156  # three years of Monday beatdowns at the Forge


@pytest.fixture
def legacy(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url if getattr(fake_slack, "base_url", None) else fake_slack.start()
    region = Region(fake_slack)
    schema = "f3adopt_" + app.db.control_schema[-8:]
    with app.db.server_engine().begin() as conn:
        conn.execute(text(f"CREATE DATABASE `{app.db.control_schema}`"))
        conn.execute(text(f"CREATE DATABASE `{schema}`"))
    with app.db.engine(app.db.control_schema).begin() as conn:
        conn.execute(text(schema_history.PRODUCTION_REGIONS))
        conn.execute(text("INSERT INTO regions (region, slack_token, schema_name, active, contact, send_pax_charts, "
                          "scrape_backblasts, comments) VALUES ('f3adopt', :t, :s, 1, 'Nantan', 1, 1, 'set up by hand in 2021'), "
                          "('f3gone', 'xoxb-old', NULL, 0, NULL, 0, 0, NULL)"), {"t": TOKEN, "s": schema})
    with app.db.engine(schema).begin() as conn:
        for stmt in schema_history.PRODUCTION_REGION + schema_history.WEASELBOT:
            conn.execute(text(stmt))
        conn.execute(text("INSERT INTO aos (channel_id, ao, channel_created, archived, backblast) VALUES "
                          f"('{FORGE}', 'ao-the-forge', 1600000000, 0, 1), ('{GAUNT}', 'ao-gauntlet', 1600000000, 0, 1), "
                          f"('{YARD}', 'ao-the-yard', 1600000000, 0, 0), ('{GEN}', 'general', 1600000000, 0, NULL)"))
        conn.execute(text("INSERT INTO users (user_id, user_name, real_name, email, app, json) VALUES " + ", ".join(
            f"('{u}', 'Nick{i}', 'Real Name {i}', 'None', 0, '{{\"is_admin\": false}}')" for i, u in enumerate(PAX))))
        bd, att = [], []
        for w in range(LEGACY_WEEKS):
            day = (LEGACY_START + dt.timedelta(weeks=w)).isoformat()
            ts = f"{1641200000 + w * 604800}.000200"
            q = PAX[w % 4]
            bd.append({"ts": ts, "d": day, "q": q, "j": '{"Event Type": "Bootcamp"}' if w % 10 == 0 else None})
            att += [{"ts": ts, "u": u, "d": day, "q": q} for u in {q, PAX[4], PAX[5]}]
        conn.execute(text("INSERT INTO beatdowns (timestamp, ts_edited, ao_id, bd_date, q_user_id, pax_count, backblast, fngs, json) "
                          f"VALUES (:ts, 'NA', '{FORGE}', :d, :q, 3, 'legacy text', 'None', :j)"), bd)
        conn.execute(text(f"INSERT INTO bd_attendance (timestamp, ts_edited, user_id, ao_id, date, q_user_id) VALUES (:ts, 'NA', :u, '{FORGE}', :d, :q)"), att)
        # the retired PAXminer mined day 0 of the fake workspace too; an admin fixed its PAX count by hand
        conn.execute(text("INSERT INTO beatdowns (timestamp, ts_edited, ao_id, bd_date, q_user_id, pax_count, backblast, fngs, json) "
                          f"VALUES (:ts, 'NA', '{FORGE}', :d, :q, 99, 'old copy', 'None', '{{\"Event Type\": \"Ruck\"}}')"),
                     {"ts": ts_of(0), "d": day_of(0), "q": PAX[0]})
        conn.execute(text("INSERT INTO achievements_list (name, description, verb, code) VALUES ('The Priest', 'd', 'v', 'the_priest')"))
        conn.execute(text(f"INSERT INTO achievements_awarded (achievement_id, pax_id, date_awarded) VALUES (1, '{PAX[4]}', '2024-02-01')"))
    yield region, schema
    app.db.drop_schema(schema)


def count(app, schema, sql):
    with app.db.engine(schema).connect() as conn:
        return conn.execute(text(sql)).scalar()


@MARIADB_ONLY  # the retired PAXminer's server is MySQL
def test_adopt_keeps_every_row_and_setting_and_daily_runs_the_region(app, legacy):
    region, schema = legacy
    legacy_rows = LEGACY_WEEKS + 1

    res = run_cli(app, "db", "adopt", "--dry-run")
    assert res.exit_code == 0, res.output
    out = res.output
    assert "add column regions.timezone" in out and "create table run_log" in out
    assert "add column aos.backblast_set_by" in out and "create table messages" in out
    assert "change column beatdowns.fngs from varchar(45)" in out and "bd_attendance.date" not in out  # already text
    assert "(region f3gone): inactive, no schema_name" in out
    with app.db.engine(schema).connect() as conn:  # nothing changed
        assert "is_private" not in [r[0] for r in conn.execute(text("SHOW COLUMNS FROM aos"))]
        assert conn.execute(text("SHOW TABLES LIKE 'messages'")).first() is None

    res = run_cli(app, "db", "adopt")
    assert res.exit_code == 0, res.output
    assert f"{schema} (region f3adopt): changed:" in res.output and f"{legacy_rows} beatdowns" in res.output
    assert run_cli(app, "db", "adopt").output.count("up to date") == 2  # control and f3adopt: nothing left

    from miner.core.registry import list_regions

    regions = {r.region: r for r in list_regions(app.db)}
    assert regions["f3adopt"].comments == "set up by hand in 2021" and regions["f3adopt"].send_pax_charts == 1
    assert regions["f3adopt"].timezone == "America/Chicago" and regions["f3gone"].active == 0

    res = run_cli(app, "daily", "--skip-charts", "--no-report")
    assert res.exit_code == 0, res.output
    assert "f3adopt: ok" in res.output
    # every legacy beatdown is still there; the one our archive now has is replaced by the mined post
    assert count(app, schema, "SELECT COUNT(*) FROM beatdowns WHERE bd_date < '2025-01-01'") == LEGACY_WEEKS
    assert count(app, schema, "SELECT COUNT(*) FROM bd_attendance WHERE date < '2025-01-01'") == 3 * LEGACY_WEEKS
    with app.db.engine(schema).connect() as conn:
        row = conn.execute(text("SELECT pax_count, json, backblast FROM beatdowns WHERE timestamp = :t"), {"t": ts_of(0)}).one()
        assert row.pax_count != 99 and json.loads(row.json)["Event Type"] == "Ruck" and "Merkins" in row.backblast
        got = {(r[0], str(r[1]), r[2]) for r in conn.execute(text("SELECT ao_id, bd_date, q_user_id FROM beatdowns WHERE bd_date >= '2025-01-01'"))}
        # the Yard was switched off by an admin in the old PAXminer: it stays off, its posts are not beatdowns
        assert got == {k for k in region.truth if k[0] != YARD}
        assert conn.execute(text(f"SELECT backblast, backblast_set_by FROM aos WHERE channel_id = '{YARD}'")).one() == (0, "other")
        assert conn.execute(text("SELECT pax, name FROM achievements_view")).all() == [("Nick4", "The Priest")]
        assert conn.execute(text("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                                 "AND TABLE_NAME = 'bd_attendance' AND COLUMN_NAME = 'date'")).scalar() == "varchar"
        assert isinstance(conn.execute(text("SELECT Date FROM attendance_view LIMIT 1")).scalar(), str)
