"""The tools around a PAXminer region schema keep working: statements shaped like the ones the
retired PAXminer's charters and listers, slackblast, weaselbot and public stats bots send (written
here in our own words), run on SQLite and MariaDB, checking the Python types they get back.
Statements in MySQL's dialect only (ON DUPLICATE KEY, UPDATE ... LIMIT, YEAR(), DATE_FORMAT, ...)
run on MariaDB only, said at each test. Also: what those tools write stays theirs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from miner.core.registry import Region
from tests import schema_history
from tests.conftest import MARIADB_ONLY

ORDER_AV = ["Date", "AO", "PAX", "Q"]
ORDER_BI = ["Date", "AO", "Q", "Q_Is_App", "CoQ", "pax_count", "fngs", "fng_count"]
ORDER_BB = ["Date", "AO", "Q", "CoQ", "pax_count", "fngs", "fng_count", "backblast"]


def raw(app, schema):
    """A DB-API connection as the clients hold one (PyMySQL / sqlite3 cursors, no SQLAlchemy types)."""
    return app.db.raw_connection(schema)


def q(app, sql: str) -> str:
    return sql if app.db.dialect == "mysql" else sql.replace("%s", "?")


def fetch(app, schema, sql, params=()):
    conn = raw(app, schema)
    try:
        cur = conn.cursor()
        cur.execute(q(app, sql), params)
        names = [d[0] for d in cur.description] if cur.description else []
        out = [dict(zip(names, r, strict=True)) for r in cur.fetchall()] if names else []
        conn.commit()
        return names, out
    finally:
        conn.close()


def execute(app, schema, *stmts):
    conn = raw(app, schema)
    try:
        cur = conn.cursor()
        counts = []
        for sql, params in stmts:
            cur.execute(q(app, sql), params)
            counts.append(cur.rowcount)
        conn.commit()
        return counts
    finally:
        conn.close()


@pytest.fixture
def region_data(app, region_schema):
    """A region as PAXminer and slackblast leave it: three AOs, four PAX, beatdowns over two years."""
    s = region_schema
    execute(app, s,
            ("INSERT INTO aos (channel_id, ao, channel_created, archived, backblast) VALUES "
             "('C1', 'ao-forge', 1500000000, 0, 1), ('C2', 'ao-rock', 1500000001, 0, 1), ('C3', 'paxminer_logs', 1500000002, 0, 0)", ()),
            ("INSERT INTO users (user_id, user_name, real_name, email, app) VALUES "
             "('U1', 'Hammer', 'H One', 'h@x.org', 0), ('U2', 'Nail', 'N Two', 'None', 0), "
             "('U3', 'Saw', 'S Three', 'S@X.ORG', 0), ('B1', 'PAXminer', 'PAXminer', NULL, 1)", ()))
    days = ["2024-12-30", "2024-12-31", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-06"]
    for i, day in enumerate(days):
        ts = f"17{i:02d}000000.000100"
        q_user, coq = ("U1", "U2") if i % 2 == 0 else ("U3", None)
        execute(app, s,
                ("INSERT INTO beatdowns (timestamp, ts_edited, ao_id, bd_date, q_user_id, coq_user_id, pax_count, backblast, "
                 "backblast_parsed, fngs, fng_count, json) VALUES (%s, NULL, 'C1', %s, %s, %s, 3, 'raw text', 'parsed text', 'None', 0, %s)",
                 (ts, day, q_user, coq, json.dumps({"Event Type": "Bootcamp"}))),
                *[("INSERT INTO bd_attendance (timestamp, ts_edited, user_id, ao_id, date, q_user_id, json) VALUES (%s, NULL, %s, 'C1', %s, %s, NULL)",
                   (ts, u, day, q_user)) for u in ("U1", "U2", "U3")])
    return s


# -- reads -------------------------------------------------------------------------------------------
def test_pax_charter_reads_attendance_view_dates_as_text(app, region_data):
    names, rows = fetch(app, region_data, "SELECT * FROM attendance_view WHERE PAX = (SELECT user_name FROM users WHERE user_id = %s)", ("U2",))
    assert names == ORDER_AV
    assert [r["Date"] for r in rows] == ["2025-01-06", "2025-01-04", "2025-01-03", "2025-01-02", "2024-12-31", "2024-12-30"]  # newest first
    assert all(isinstance(r["Date"], str) for r in rows)
    assert [dt.datetime.strptime(r["Date"], "%Y-%m-%d").month for r in rows][:1] == [1]  # the charter's strptime
    assert {r["Q"] for r in rows} == {"Hammer", "Saw"}


def test_stats_bot_compares_attendance_dates_with_strings(app, region_data):
    _, rows = fetch(app, region_data, "SELECT PAX FROM attendance_view WHERE Date = %s ORDER BY PAX", ("2025-01-02",))
    assert [r["PAX"] for r in rows] == ["Hammer", "Nail", "Saw"]
    _, rows = fetch(app, region_data, "SELECT COUNT(*) AS n FROM bd_attendance WHERE date >= %s AND date <= %s", ("2025-01-01", "2025-01-31"))
    assert rows[0]["n"] == 12 and isinstance(rows[0]["n"], int)


def test_q_charter_and_exports_read_beatdown_info(app, region_data):
    names, rows = fetch(app, region_data, "SELECT * FROM beatdown_info")
    assert names == ORDER_BI
    assert [str(r["Date"]) for r in rows] == sorted(str(r["Date"]) for r in rows)  # oldest first
    first = rows[0]
    if app.db.dialect == "mysql":
        assert isinstance(first["Date"], dt.date) and isinstance(first["pax_count"], int) and isinstance(first["Q_Is_App"], int)
    dt.datetime.strptime(str(first["Date"]), "%Y-%m-%d")
    assert (first["Q"], first["CoQ"], first["AO"]) == ("Hammer", "Nail", "ao-forge")
    assert rows[1]["CoQ"] is None


def test_backblast_view_exists_with_production_columns(app, region_data):
    names, rows = fetch(app, region_data, "SELECT * FROM backblast")
    assert names == ORDER_BB and len(rows) == 6
    assert rows[0]["backblast"] == "parsed text" and rows[0]["Q"] == "Hammer" and rows[1]["CoQ"] is None
    if app.db.dialect == "mysql":
        assert isinstance(rows[0]["Date"], dt.date)


def test_region_report_joins_the_three_views(app, region_data):
    _, rows = fetch(app, region_data,
                    "SELECT bd.Date, bd.AO, bd.Q, bb.backblast, COUNT(pax.PAX) AS n FROM beatdown_info bd "
                    "JOIN attendance_view pax ON bd.Date = pax.Date AND bd.AO = pax.AO AND bd.Q = pax.Q "
                    "JOIN backblast bb ON bd.AO = bb.AO AND bd.Date = bb.Date GROUP BY bd.Date, bd.AO, bd.Q, bb.backblast")
    assert len(rows) == 6 and all(r["n"] == 3 for r in rows)


def test_weaselbot_joins_attendance_date_to_beatdown_date(app, region_data):
    _, rows = fetch(app, region_data,
                    "SELECT users.email, bd_attendance.ao_id, aos.ao AS ao, beatdowns.bd_date AS date, "
                    "CASE WHEN (bd_attendance.user_id = beatdowns.q_user_id OR bd_attendance.user_id = beatdowns.coq_user_id) "
                    "THEN 1 ELSE 0 END AS q_flag, beatdowns.backblast FROM users "
                    "JOIN bd_attendance ON bd_attendance.user_id = users.user_id "
                    "JOIN beatdowns ON (bd_attendance.q_user_id = beatdowns.q_user_id OR bd_attendance.q_user_id = beatdowns.coq_user_id) "
                    "AND bd_attendance.ao_id = beatdowns.ao_id AND bd_attendance.date = beatdowns.bd_date "
                    "JOIN aos ON beatdowns.ao_id = aos.channel_id WHERE users.user_name != 'PAXminer' AND beatdowns.q_user_id IS NOT NULL")
    assert len(rows) == 18 and sum(r["q_flag"] for r in rows) == 9
    if app.db.dialect == "mysql":
        assert isinstance(rows[0]["date"], dt.date)
    _, rows = fetch(app, region_data, "SELECT aos.channel_id FROM aos WHERE aos.ao = 'paxminer_logs'")
    assert rows == [{"channel_id": "C3"}]


def test_slackblast_reads_every_regions_column(app):
    from miner.core.registry import add_region

    add_region(app.db, "f3geneva", "f3geneva_" + app.db.control_schema[-6:], "xoxb-1")
    try:
        names, rows = fetch(app, app.db.control_schema,
                            "SELECT region, slack_token, schema_name, active, firstf_channel, contact, send_pax_charts, "
                            "send_ao_leaderboard, send_q_charts, send_region_leaderboard, comments, scrape_backblasts FROM regions")
        assert rows[0]["region"] == "f3geneva" and rows[0]["comments"] is None and rows[0]["active"] == 1
        execute(app, app.db.control_schema, ("UPDATE regions SET comments = %s, send_q_charts = 1 WHERE schema_name = %s",
                                             ("moved to slackblast", rows[0]["schema_name"])))
        from miner.core.registry import get_region

        r = get_region(app.db, "f3geneva")
        assert (r.comments, r.send_q_charts) == ("moved to slackblast", 1)
        if app.db.dialect == "mysql":  # the retired PAXminer's daily selection
            _, rows = fetch(app, app.db.control_schema, "SELECT * FROM regions WHERE active = 1 AND region REGEXP '^[A-Mf]' AND scrape_backblasts = 1")
            assert rows[0]["schema_name"] == r.schema_name
    finally:
        app.db.drop_schema(get_region(app.db, "f3geneva").schema_name)


# -- MySQL-only statements (MariaDB) ----------------------------------------------------------------
@MARIADB_ONLY  # MySQL dialect statements
def test_leaderboard_charter_applies_year_and_month_to_text_dates(app, region_data):
    """MariaDB only: YEAR()/MONTH() on a VARCHAR date."""
    _, rows = fetch(app, region_data,
                    "SELECT PAX, COUNT(DISTINCT AO) AS UniqueAOs, COUNT(1) AS Posts FROM ("
                    "SELECT bd.date AS Date, ao.ao AS AO, u.user_name AS PAX FROM bd_attendance bd "
                    "LEFT JOIN aos ao ON bd.ao_id = ao.channel_id LEFT JOIN users u ON bd.user_id = u.user_id "
                    "WHERE u.app != 1 ORDER BY bd.date DESC, ao.ao) a WHERE MONTH(Date) = %s AND YEAR(Date) = %s "
                    "GROUP BY PAX ORDER BY COUNT(1) DESC LIMIT 20", (1, 2025))
    assert {r["PAX"]: r["Posts"] for r in rows} == {"Hammer": 4, "Nail": 4, "Saw": 4}
    _, rows = fetch(app, region_data, "SELECT DISTINCT AO, MONTHNAME(Date) AS Month, PAX FROM attendance_view WHERE YEAR(Date) = %s", (2024,))
    assert {r["Month"] for r in rows} == {"December"}
    _, rows = fetch(app, region_data, "SELECT * FROM beatdown_info WHERE ao = %s AND YEAR(Date) = %s AND MONTH(Date) = %s ORDER BY Date",
                    ("ao-forge", 2025, 1))
    assert len(rows) == 4


@MARIADB_ONLY  # MySQL dialect statements
def test_stats_bot_week_and_streak_queries(app, region_data):
    """MariaDB only: DATE_FORMAT, DATE_ADD, WEEK(x, 3), DAYOFWEEK on the views' dates."""
    _, rows = fetch(app, region_data,
                    "SELECT DATE_FORMAT(av.date, '%%Y-%%m-%%d') AS date, DATE_FORMAT(av.date, '%%W') AS day, COUNT(av.pax) AS cnt "
                    "FROM attendance_view av WHERE av.date BETWEEN DATE_ADD('2025-01-06', INTERVAL -6 DAY) AND '2025-01-06' "
                    "GROUP BY av.date ORDER BY av.date")
    assert [r["day"] for r in rows] == ["Tuesday", "Thursday", "Friday", "Saturday", "Monday"] and int(rows[0]["cnt"]) == 3
    _, rows = fetch(app, region_data, "SELECT WEEK(av.date, 3) AS wk, COUNT(av.pax) AS n FROM attendance_view av GROUP BY WEEK(av.date, 3) ORDER BY wk")
    assert sum(int(r["n"]) for r in rows) == 18
    _, rows = fetch(app, region_data, "SELECT bi.q, AVG(bi.pax_count) AS a, COUNT(bi.q) AS n FROM beatdown_info bi GROUP BY bi.q HAVING COUNT(bi.q) > 1")
    assert {r[next(k for k in r if k.lower() == "q")] for r in rows} == {"Hammer", "Saw"}


@MARIADB_ONLY  # MySQL dialect statements
def test_retired_listers_and_miner_statements(app, region_data):
    """MariaDB only: ON DUPLICATE KEY UPDATE (rowcount 1 / 2), VALUES(), IF(), UPDATE ... LIMIT 1."""
    s = region_data
    counts = execute(app, s,
                     ("INSERT INTO aos (ao, channel_id, channel_created, archived) VALUES (%s, %s, %s, %s) "
                      "ON DUPLICATE KEY UPDATE ao = %s, archived = %s", ("ao-new", "C9", 1600000000, False, "ao-new", False)),
                     ("INSERT INTO aos (ao, channel_id, channel_created, archived) VALUES (%s, %s, %s, %s) "
                      "ON DUPLICATE KEY UPDATE ao = %s, archived = %s", ("ao-forge-2", "C1", 1500000000, False, "ao-forge-2", False)),
                     ("UPDATE aos SET backblast = 0 WHERE backblast IS NULL", ()))
    assert counts[:2] == [1, 2]
    _, rows = fetch(app, s, "SELECT ao, backblast FROM aos WHERE channel_id IN ('C1', 'C9') ORDER BY channel_id")
    assert rows == [{"ao": "ao-forge-2", "backblast": 1}, {"ao": "ao-new", "backblast": 0}]
    execute(app, s, ("INSERT INTO users (user_id, user_name, real_name, phone, email, start_date, app, json) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                     "ON DUPLICATE KEY UPDATE user_name = VALUES(user_name), real_name = VALUES(real_name), phone = VALUES(phone), "
                     "email = VALUES(email), start_date = IF(start_date IS NULL, VALUES(start_date), start_date), json = VALUES(json)",
                     ("U2", "Nail Gun", "N Two", "", "None", "2020-01-01", False, json.dumps({"is_admin": False, "updated": "1700000000"}))))
    _, rows = fetch(app, s, "SELECT user_name, start_date, json FROM users WHERE user_id = 'U2'")
    assert rows[0]["start_date"] == dt.date(2020, 1, 1) and json.loads(rows[0]["json"])["is_admin"] is False
    _, rows = fetch(app, s, "SELECT ao_id, timestamp, ts_edited FROM beatdowns WHERE timestamp >= 1704000000.0001")
    assert all(isinstance(r["timestamp"], str) for r in rows) and len(rows) == 2  # compared as numbers
    execute(app, s,
            ("UPDATE beatdowns SET ts_edited = %s, pax_count = %s WHERE timestamp = %s LIMIT 1", ("1705000000.0001", 2, "1705000000.000100")),
            ("DELETE FROM bd_attendance WHERE timestamp = %s AND timestamp IS NOT NULL", ("1705000000.000100",)),
            ("INSERT INTO bd_attendance (timestamp, ts_edited, user_id, ao_id, date, q_user_id) VALUES (%s, %s, %s, %s, %s, %s)",
             ("1705000000.000100", "1705000000.0001", "U1", "C1", "2025-01-06", "U3")),
            ("UPDATE beatdowns SET fng_count = 0 WHERE fngs IN ('none', 'None', 'NA') AND fng_count IS NULL", ()))
    _, rows = fetch(app, s, "SELECT date FROM bd_attendance WHERE timestamp = '1705000000.000100'")
    assert rows == [{"date": "2025-01-06"}]


@MARIADB_ONLY  # MySQL dialect statements
def test_weaselbot_objects_survive_every_paxminer_command(app, fake_slack):
    """MariaDB only (weaselbot runs on MySQL): its tables and view in a region schema outlive
    region add (rerun), db upgrade, channels, users, mine, reparse, score and daily; its ALTER of a
    column that is already there fails with error 1060 only."""
    from tests.helpers import run_cli

    schema = "f3w_" + app.db.control_schema[-8:]
    ws = fake_slack.add_workspace("xoxb-weasel", team="TW", name="weasel")
    ws.add_channel("C0FORGE", "ao-forge")
    for uid in ("U7", "U8"):
        ws.add_user(uid, uid.lower(), real_name=f"Real {uid}")
    ws.post("C0FORGE", text="hello", user="U7")
    ws.post("C0FORGE", user="U7", text="*Backblast! Ruck*\nDATE: 2025-01-04\nAO: <#C0FORGE|ao-forge>\nQ: <@U7>\nPAX: <@U8>\nCOUNT: 2")
    app.settings.slack_api_url = fake_slack.base_url
    res = run_cli(app, "region", "add", "weasel", "--schema", schema, "--token", "xoxb-weasel")
    assert res.exit_code == 0, res.output
    execute(app, schema, *[(s, ()) for s in schema_history.WEASELBOT])
    execute(app, schema, ("INSERT INTO users (user_id, user_name, real_name, app) VALUES ('U9', 'Kotter', 'K', 0)", ()),
            ("INSERT INTO achievements_list (name, description, verb, code) VALUES ('The Priest', 'd', 'v', 'the_priest')", ()),
            ("INSERT INTO achievements_awarded (achievement_id, pax_id, date_awarded) VALUES (1, 'U9', '2025-01-05')", ()))
    with pytest.raises(Exception) as err:  # noqa: B017 - the driver's own error class, as weaselbot sees it
        execute(app, schema, ("ALTER TABLE aos ADD site_q_user_id VARCHAR(45) NULL", ()))
    assert err.value.args[0] == 1060
    for args in (["region", "add", "weasel", "--schema", schema, "--token", "xoxb-weasel"], ["db", "upgrade"],
                 ["--slack-api-url", fake_slack.base_url, "channels", "--region", "weasel"],
                 ["--slack-api-url", fake_slack.base_url, "mine", "--region", "weasel"], ["reparse", "--region", "weasel"],
                 ["score", "--region", "weasel"], ["--slack-api-url", fake_slack.base_url, "daily", "--skip-charts", "--no-report"]):
        res = run_cli(app, *args)
        assert res.exit_code == 0, (args, res.output)
        _, rows = fetch(app, schema, "SELECT pax, name, date_awarded FROM achievements_view")
        assert rows == [{"pax": "Kotter", "name": "The Priest", "date_awarded": dt.date(2025, 1, 5)}], args


# -- what other tools write stays theirs -----------------------------------------------------------
def test_backblast_flag_set_by_another_tool_stays_across_channel_listing(app, region_schema):
    from miner.listers.channels import build_channel_rows, channel_rows, save_channel_rows

    region = Region(region="r", schema_name=region_schema, slack_token="x")
    slack = [{"id": "C1", "name": "ao-forge"}, {"id": "C2", "name": "coffeeteria"}, {"id": "C3", "name": "ao-rock"}]
    eng = app.db.engine(region_schema)
    with eng.begin() as conn:
        save_channel_rows(conn, build_channel_rows(slack, {}, region))
    # slackblast's settings form: C2 holds backblasts, C3 does not
    execute(app, region_schema, ("UPDATE aos SET backblast = 1 WHERE channel_id = %s", ("C2",)),
            ("UPDATE aos SET backblast = 0 WHERE channel_id = %s", ("C3",)))
    for _ in range(2):
        with eng.begin() as conn:
            save_channel_rows(conn, build_channel_rows(slack, {r["channel_id"]: r for r in channel_rows(app, region)}, region))
        flags = {r["channel_id"]: (r["backblast"], r["backblast_set_by"]) for r in channel_rows(app, region)}
        assert flags == {"C1": (1, "default"), "C2": (1, "other"), "C3": (0, "other")}


def _pending_result(conn, ts, ao, day, q, pax, title="Merkins"):
    result = {"status": "ok", "ao_id": ao, "bd_date": day, "q_user_id": q, "coq_user_ids": [], "pax_user_ids": pax,
              "fngs": [], "fng_count": 0, "pax_count": len(pax) + 1, "title": title, "ts_edited": None}
    conn.execute(text("INSERT INTO messages (channel_id, ts, user_id, text, content_hash, first_seen, updated_at, dirty) "
                      "VALUES (:c, :ts, :q, 'Backblast', :ts, 'x', 'x', 0)"), {"c": ao, "ts": ts, "q": q})
    conn.execute(text("INSERT INTO parse_results (channel_id, ts, status, ao_id, bd_date, q_user_id, content_hash, parser_version, result, parsed_at) "
                      "VALUES (:c, :ts, 'pending', :c, :d, :q, :ts, '1', :r, 'x')"), {"c": ao, "ts": ts, "d": day, "q": q, "r": json.dumps(result)})


def test_rebuilt_beatdown_keeps_other_tools_json_keys_and_their_rows(app, region_data):
    """slackblast's custom fields survive a rebuild of its beatdown; rows for posts our archive does
    not know are never deleted; a legacy row of the same post under a corrected key is replaced."""
    from miner.beatdowns.build import load_context_parts, resolve_keys, resolve_pending

    eng = app.db.engine(region_data)
    with eng.begin() as conn:
        # our archive knows the post of 2025-01-02 (ts 1702000000.000100) and one new post
        _pending_result(conn, "1702000000.000100", "C1", "2025-01-02", "U1", ["U2"])
        _pending_result(conn, "1710000000.000100", "C1", "2025-01-10", "U2", ["U1", "U3"])
        # an admin had moved the 2025-01-10 post to the 9th by hand, in the retired PAXminer
        conn.execute(text("INSERT INTO beatdowns (timestamp, ao_id, bd_date, q_user_id, pax_count, json) "
                          "VALUES ('1710000000.000100', 'C1', '2025-01-09', 'U2', 3, :j)"), {"j": json.dumps({"Event Type": "Ruck"})})
    with eng.connect() as conn:
        users = load_context_parts(conn)[0]
    resolve_pending(eng, users)
    _, rows = fetch(app, region_data, "SELECT timestamp, bd_date, q_user_id, pax_count, json FROM beatdowns ORDER BY bd_date")
    by_ts = {r["timestamp"]: r for r in rows}
    assert len(rows) == 7  # 6 + the new post; the hand-moved duplicate is gone
    mine = json.loads(by_ts["1702000000.000100"]["json"])
    assert mine["Event Type"] == "Bootcamp" and mine["title"] == "Merkins" and by_ts["1702000000.000100"]["pax_count"] == 2
    moved = json.loads(by_ts["1710000000.000100"]["json"])
    assert str(by_ts["1710000000.000100"]["bd_date"]) == "2025-01-10" and moved["Event Type"] == "Ruck"
    assert json.loads(by_ts["1703000000.000100"]["json"]) == {"Event Type": "Bootcamp"}  # not ours: untouched
    # a rebuild of a key that holds a row of a post we never saw: the row stays, with its attendance
    with eng.begin() as conn:
        resolve_keys(conn, {("C1", "2025-01-03", "U3")}, users)
    _, rows = fetch(app, region_data, "SELECT COUNT(*) AS n FROM bd_attendance WHERE date = '2025-01-03'")
    assert rows[0]["n"] == 3
    _, rows = fetch(app, region_data, "SELECT date FROM bd_attendance WHERE timestamp = '1710000000.000100' ORDER BY user_id")
    assert [r["date"] for r in rows] == ["2025-01-10"] * 3
