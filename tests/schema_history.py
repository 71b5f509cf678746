"""Earlier shapes of the schemas this project (and the retired PAXminer) left on disk, for the
migration and adoption tests. Written from the git history of schema.sql and from the contract's
production column types; only the tables that carry data other code reads are spelled out (the rest
are created by schema.sql when missing, as an upgrade would).

VERSIONS, oldest first:
  v1  the first schema.sql: bd_attendance.date DATE, messages without replies_seen, regions without comments
  v2  + messages.replies_seen, chart_deliveries (month VARCHAR(10)), scores/outreach tables
  v3  chart_deliveries.month VARCHAR(16)
  v4  + region_runs in the control schema, parse_results_status index (the shape before issue 14)
  production  a retired PAXminer region schema and `paxminer.regions` (MySQL types of the contract)
"""

from __future__ import annotations

VERSIONS = ["v1", "v2", "v3", "v4", "production"]

_OUR_REGIONS = """CREATE TABLE regions (
  region VARCHAR(64) NOT NULL PRIMARY KEY, slack_token VARCHAR(255) NOT NULL, schema_name VARCHAR(64) NOT NULL,
  active TINYINT NOT NULL DEFAULT 1, firstf_channel VARCHAR(45), contact VARCHAR(255),
  scrape_backblasts TINYINT NOT NULL DEFAULT 1, send_pax_charts TINYINT NOT NULL DEFAULT 0,
  send_q_charts TINYINT NOT NULL DEFAULT 0, send_ao_leaderboard TINYINT NOT NULL DEFAULT 0,
  send_region_leaderboard TINYINT NOT NULL DEFAULT 0, timezone VARCHAR(64) NOT NULL DEFAULT 'America/Chicago',
  date_order VARCHAR(3) NOT NULL DEFAULT 'MDY', lookback_days INT, feedback_days INT NOT NULL DEFAULT 3,
  log_channel VARCHAR(45), admin_channel VARCHAR(45), settings LONGTEXT, created_at VARCHAR(32))"""

# the retired PAXminer's control table, as slackblast's local copy of it declares it
PRODUCTION_REGIONS = """CREATE TABLE regions (
  region VARCHAR(45) NOT NULL PRIMARY KEY, slack_token VARCHAR(90) NOT NULL, schema_name VARCHAR(45) DEFAULT NULL,
  active TINYINT DEFAULT 1, firstf_channel VARCHAR(45) DEFAULT NULL, contact VARCHAR(45) DEFAULT NULL,
  send_pax_charts TINYINT DEFAULT 0, send_ao_leaderboard TINYINT DEFAULT 0, send_q_charts TINYINT DEFAULT 0,
  send_region_leaderboard TINYINT DEFAULT 0, scrape_backblasts TINYINT DEFAULT 0, comments TEXT)"""

_OUR_SHARED = [
    """CREATE TABLE aos (channel_id VARCHAR(45) NOT NULL PRIMARY KEY, ao VARCHAR(100) NOT NULL, channel_created INT,
      archived TINYINT NOT NULL DEFAULT 0, backblast TINYINT NOT NULL DEFAULT 0, site_q_user_id VARCHAR(45),
      is_private TINYINT NOT NULL DEFAULT 0, is_member TINYINT NOT NULL DEFAULT 0, backblast_set_by VARCHAR(16),
      kind VARCHAR(16))""",
    """CREATE TABLE users (user_id VARCHAR(45) NOT NULL PRIMARY KEY, user_name VARCHAR(100) NOT NULL,
      real_name VARCHAR(100), phone VARCHAR(100), email VARCHAR(100), start_date DATE,
      app TINYINT NOT NULL DEFAULT 0, deleted TINYINT NOT NULL DEFAULT 0, json LONGTEXT)""",
    """CREATE TABLE beatdowns (timestamp VARCHAR(45), ts_edited VARCHAR(45), ao_id VARCHAR(45) NOT NULL,
      bd_date DATE NOT NULL, q_user_id VARCHAR(45) NOT NULL, coq_user_id VARCHAR(45), pax_count INT,
      backblast LONGTEXT, backblast_parsed LONGTEXT, fngs VARCHAR(1000), fng_count INT, json LONGTEXT,
      PRIMARY KEY (ao_id, bd_date, q_user_id))""",
    """CREATE TABLE bd_attendance (timestamp VARCHAR(45), ts_edited VARCHAR(45), user_id VARCHAR(45) NOT NULL,
      ao_id VARCHAR(45) NOT NULL, date DATE NOT NULL, q_user_id VARCHAR(45) NOT NULL, json LONGTEXT,
      PRIMARY KEY (q_user_id, user_id, ao_id, date))""",
]


def _messages(with_replies_seen: bool) -> str:
    return f"""CREATE TABLE messages (channel_id VARCHAR(45) NOT NULL, ts VARCHAR(32) NOT NULL, thread_ts VARCHAR(32),
      user_id VARCHAR(45), bot_id VARCHAR(45), username VARCHAR(255), subtype VARCHAR(64), text LONGTEXT,
      blocks LONGTEXT, metadata LONGTEXT, files LONGTEXT, reactions LONGTEXT, file_count INT NOT NULL DEFAULT 0,
      reaction_count INT NOT NULL DEFAULT 0, edited_ts VARCHAR(32), reply_count INT NOT NULL DEFAULT 0,
      latest_reply VARCHAR(32), {'replies_seen VARCHAR(64),' if with_replies_seen else ''}
      content_hash VARCHAR(40) NOT NULL, deleted TINYINT NOT NULL DEFAULT 0, dirty TINYINT NOT NULL DEFAULT 1,
      pass_id VARCHAR(40), source VARCHAR(16) NOT NULL DEFAULT 'api', first_seen VARCHAR(32) NOT NULL,
      updated_at VARCHAR(32) NOT NULL, PRIMARY KEY (channel_id, ts))"""


def _charts(month_width: int) -> str:
    return f"""CREATE TABLE chart_deliveries (kind VARCHAR(32) NOT NULL, month VARCHAR({month_width}) NOT NULL,
      recipient VARCHAR(45) NOT NULL, channel_id VARCHAR(45), title VARCHAR(255), status VARCHAR(16) NOT NULL,
      attempts INT NOT NULL DEFAULT 0, error TEXT, created_at VARCHAR(32) NOT NULL, updated_at VARCHAR(32) NOT NULL,
      sent_at VARCHAR(32), PRIMARY KEY (kind, month, recipient))"""


_OLD_VIEW = """CREATE VIEW attendance_view AS SELECT bd.date AS Date, a.ao AS AO, u.user_name AS PAX, q.user_name AS Q
    FROM bd_attendance bd LEFT JOIN aos a ON bd.ao_id = a.channel_id LEFT JOIN users u ON bd.user_id = u.user_id
    LEFT JOIN users q ON bd.q_user_id = q.user_id ORDER BY bd.date, a.ao"""

# a retired PAXminer region schema: the contract's production column types
PRODUCTION_REGION = [
    """CREATE TABLE aos (channel_id VARCHAR(45) NOT NULL PRIMARY KEY, ao VARCHAR(45) NOT NULL,
      channel_created INT NOT NULL, archived TINYINT NOT NULL, backblast TINYINT, site_q_user_id VARCHAR(45))""",
    """CREATE TABLE users (user_id VARCHAR(45) NOT NULL PRIMARY KEY, user_name VARCHAR(45) NOT NULL,
      real_name VARCHAR(45) NOT NULL, phone VARCHAR(45), email VARCHAR(45), start_date DATE,
      app TINYINT NOT NULL DEFAULT 0, json JSON)""",
    """CREATE TABLE beatdowns (timestamp VARCHAR(45), ts_edited VARCHAR(45), ao_id VARCHAR(45) NOT NULL,
      bd_date DATE NOT NULL, q_user_id VARCHAR(45) NOT NULL, coq_user_id VARCHAR(45), pax_count INT,
      backblast LONGTEXT, backblast_parsed LONGTEXT, fngs VARCHAR(45), fng_count INT, json JSON,
      PRIMARY KEY (ao_id, bd_date, q_user_id))""",
    "CREATE INDEX fk_beatdowns_users1_idx ON beatdowns (q_user_id)",
    """CREATE TABLE bd_attendance (timestamp VARCHAR(45), ts_edited VARCHAR(45), user_id VARCHAR(45) NOT NULL,
      ao_id VARCHAR(45) NOT NULL, date VARCHAR(45) NOT NULL, q_user_id VARCHAR(45) NOT NULL, json JSON,
      PRIMARY KEY (q_user_id, user_id, ao_id, date))""",
    "CREATE INDEX fk_bd_attendance_aos1_idx ON bd_attendance (ao_id)",
    """CREATE VIEW attendance_view AS SELECT bd.date AS Date, ao.ao AS AO, u.user_name AS PAX, q.user_name AS Q
      FROM bd_attendance bd LEFT JOIN aos ao ON bd.ao_id = ao.channel_id LEFT JOIN users u ON bd.user_id = u.user_id
      LEFT JOIN users q ON bd.q_user_id = q.user_id ORDER BY bd.date DESC, ao.ao""",
    """CREATE VIEW beatdown_info AS SELECT B.bd_date AS Date, a.ao AS AO, U1.user_name AS Q, U1.app AS Q_Is_App,
      U2.user_name AS CoQ, B.pax_count, B.fngs, B.fng_count FROM beatdowns B
      LEFT JOIN users U1 ON U1.user_id = B.q_user_id LEFT JOIN users U2 ON U2.user_id = B.coq_user_id
      LEFT JOIN aos a ON a.channel_id = B.ao_id ORDER BY B.bd_date, a.ao""",
    """CREATE VIEW backblast AS SELECT B.bd_date AS Date, a.ao AS AO, U1.user_name AS Q, U2.user_name AS CoQ,
      B.pax_count, B.fngs, B.fng_count, B.backblast FROM beatdowns B JOIN users U1 ON U1.user_id = B.q_user_id
      LEFT JOIN users U2 ON U2.user_id = B.coq_user_id LEFT JOIN aos a ON a.channel_id = B.ao_id
      ORDER BY B.bd_date, a.ao""",
]

# weaselbot's own objects in a region schema (its DDL, in short): they must survive everything
WEASELBOT = [
    """CREATE TABLE achievements_list (id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) NOT NULL,
      description VARCHAR(255) NOT NULL, verb VARCHAR(255) NOT NULL, code VARCHAR(255) NOT NULL)""",
    """CREATE TABLE achievements_awarded (id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY, achievement_id INTEGER NOT NULL,
      pax_id VARCHAR(255) NOT NULL, date_awarded DATE NOT NULL,
      created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, updated DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
      FOREIGN KEY (achievement_id) REFERENCES achievements_list (id))""",
    """CREATE VIEW achievements_view AS SELECT users.user_name AS pax, users.user_id AS pax_id, achievements_list.name,
      achievements_list.description, achievements_awarded.date_awarded FROM users
      JOIN achievements_awarded ON users.user_id = achievements_awarded.pax_id
      JOIN achievements_list ON achievements_awarded.achievement_id = achievements_list.id""",
]


def region_ddl(version: str, dialect: str) -> list[str]:
    if version == "production":
        return list(PRODUCTION_REGION)
    stmts = list(_OUR_SHARED) + [_messages(version != "v1"), _OLD_VIEW]
    if version != "v1":
        stmts.append(_charts(10 if version == "v2" else 16))
    return stmts


def control_ddl(version: str) -> list[str]:
    return [PRODUCTION_REGIONS if version == "production" else _OUR_REGIONS]


def sqlite(stmts: list[str]) -> list[str]:
    return [s.replace("AUTO_INCREMENT PRIMARY KEY", "PRIMARY KEY AUTOINCREMENT") for s in stmts]
