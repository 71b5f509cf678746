-- PAXminer DDL: the single source of truth for both MySQL/MariaDB and SQLite.
-- Written in the common subset; miner/core/db.py applies two translations for SQLite
-- (AUTO_INCREMENT PRIMARY KEY -> PRIMARY KEY AUTOINCREMENT) and runs each statement
-- on its own. Sections start with "-- schema: control" or "-- schema: region".
-- Names, types and meanings of aos, users, beatdowns, bd_attendance and the three views
-- follow the PAXminer contract (../shared/CONTRACT.md); everything else is ours.
-- This file is the NEWEST shape: it creates what is missing (tables, indexes) and recreates our
-- views on every run. A changed or added COLUMN of an existing table also needs a numbered
-- migration in miner/core/migrations.py (see its docstring), or existing schemas never get it.

-- schema: migrations
-- Applied migrations, one row per migration number, in every control and region schema.
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INT NOT NULL PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  applied_at VARCHAR(32) NOT NULL
);

-- schema: control
CREATE TABLE IF NOT EXISTS regions (
  region VARCHAR(64) NOT NULL PRIMARY KEY,
  slack_token VARCHAR(255) NOT NULL,
  schema_name VARCHAR(64) NOT NULL,
  active TINYINT NOT NULL DEFAULT 1,
  firstf_channel VARCHAR(45),
  contact VARCHAR(255),
  scrape_backblasts TINYINT NOT NULL DEFAULT 1,
  send_pax_charts TINYINT NOT NULL DEFAULT 0,
  send_q_charts TINYINT NOT NULL DEFAULT 0,
  send_ao_leaderboard TINYINT NOT NULL DEFAULT 0,
  send_region_leaderboard TINYINT NOT NULL DEFAULT 0,
  timezone VARCHAR(64) NOT NULL DEFAULT 'America/Chicago',
  date_order VARCHAR(3) NOT NULL DEFAULT 'MDY',
  lookback_days INT,
  feedback_days INT NOT NULL DEFAULT 3,
  log_channel VARCHAR(45),
  admin_channel VARCHAR(45),
  settings LONGTEXT,
  created_at VARCHAR(32),
  comments TEXT
);

CREATE TABLE IF NOT EXISTS run_log (
  id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id VARCHAR(40) NOT NULL,
  region VARCHAR(64) NOT NULL,
  step VARCHAR(32) NOT NULL,
  host VARCHAR(255),
  started VARCHAR(32) NOT NULL,
  finished VARCHAR(32),
  status VARCHAR(16) NOT NULL,
  counts LONGTEXT,
  error TEXT
);

CREATE TABLE IF NOT EXISTS region_locks (
  region VARCHAR(64) NOT NULL PRIMARY KEY,
  owner VARCHAR(255) NOT NULL,
  acquired VARCHAR(32) NOT NULL,
  heartbeat VARCHAR(32) NOT NULL
);

-- schema: region
CREATE TABLE IF NOT EXISTS aos (
  channel_id VARCHAR(45) NOT NULL PRIMARY KEY,
  ao VARCHAR(100) NOT NULL,
  channel_created INT,
  archived TINYINT NOT NULL DEFAULT 0,
  backblast TINYINT NOT NULL DEFAULT 0,
  site_q_user_id VARCHAR(45),
  is_private TINYINT NOT NULL DEFAULT 0,
  is_member TINYINT NOT NULL DEFAULT 0,
  backblast_set_by VARCHAR(16),
  kind VARCHAR(16)
);

CREATE TABLE IF NOT EXISTS users (
  user_id VARCHAR(45) NOT NULL PRIMARY KEY,
  user_name VARCHAR(100) NOT NULL,
  real_name VARCHAR(100),
  phone VARCHAR(100),
  email VARCHAR(100),
  start_date DATE,
  app TINYINT NOT NULL DEFAULT 0,
  deleted TINYINT NOT NULL DEFAULT 0,
  json LONGTEXT
);

CREATE TABLE IF NOT EXISTS beatdowns (
  timestamp VARCHAR(45),
  ts_edited VARCHAR(45),
  ao_id VARCHAR(45) NOT NULL,
  bd_date DATE NOT NULL,
  q_user_id VARCHAR(45) NOT NULL,
  coq_user_id VARCHAR(45),
  pax_count INT,
  backblast LONGTEXT,
  backblast_parsed LONGTEXT,
  fngs VARCHAR(1000),
  fng_count INT,
  json LONGTEXT,
  PRIMARY KEY (ao_id, bd_date, q_user_id)
);

CREATE TABLE IF NOT EXISTS bd_attendance (
  timestamp VARCHAR(45),
  ts_edited VARCHAR(45),
  user_id VARCHAR(45) NOT NULL,
  ao_id VARCHAR(45) NOT NULL,
  date VARCHAR(45) NOT NULL,
  q_user_id VARCHAR(45) NOT NULL,
  json LONGTEXT,
  PRIMARY KEY (q_user_id, user_id, ao_id, date)
);
CREATE INDEX IF NOT EXISTS beatdowns_timestamp ON beatdowns (timestamp);
CREATE INDEX IF NOT EXISTS bd_attendance_ao ON bd_attendance (ao_id);

-- Raw archive: every message and thread reply as Slack last showed it, keyed by (channel, ts).
CREATE TABLE IF NOT EXISTS messages (
  channel_id VARCHAR(45) NOT NULL,
  ts VARCHAR(32) NOT NULL,
  thread_ts VARCHAR(32),
  user_id VARCHAR(45),
  bot_id VARCHAR(45),
  username VARCHAR(255),
  subtype VARCHAR(64),
  text LONGTEXT,
  blocks LONGTEXT,
  metadata LONGTEXT,
  files LONGTEXT,
  reactions LONGTEXT,
  attachments LONGTEXT,
  file_count INT NOT NULL DEFAULT 0,
  reaction_count INT NOT NULL DEFAULT 0,
  edited_ts VARCHAR(32),
  reply_count INT NOT NULL DEFAULT 0,
  latest_reply VARCHAR(32),
  replies_seen VARCHAR(64),
  content_hash VARCHAR(40) NOT NULL,
  deleted TINYINT NOT NULL DEFAULT 0,
  dirty TINYINT NOT NULL DEFAULT 1,
  pass_id VARCHAR(40),
  source VARCHAR(16) NOT NULL DEFAULT 'api',
  first_seen VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (channel_id, ts)
);
CREATE INDEX IF NOT EXISTS messages_dirty ON messages (dirty);
CREATE INDEX IF NOT EXISTS messages_thread ON messages (channel_id, thread_ts);

-- Incremental state per channel: watermark, and the pass in progress (resumable by cursor).
CREATE TABLE IF NOT EXISTS channel_state (
  channel_id VARCHAR(45) NOT NULL PRIMARY KEY,
  watermark_ts VARCHAR(32),
  pass_id VARCHAR(40),
  pass_oldest VARCHAR(32),
  pass_cursor VARCHAR(512),
  pass_started VARCHAR(32),
  last_complete VARCHAR(32)
);

-- Every parse outcome of a message in a backblast channel that looks like a backblast (status ok,
-- duplicate, problem; 'pending' = parsed while mining, beatdown not built yet), and what became of
-- one that was parsed before (deleted, not_backblast). Chatter leaves no row.
CREATE TABLE IF NOT EXISTS parse_results (
  channel_id VARCHAR(45) NOT NULL,
  ts VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  problem TEXT,
  ao_id VARCHAR(45),
  bd_date DATE,
  q_user_id VARCHAR(45),
  poster_user_id VARCHAR(45),
  content_hash VARCHAR(40),
  parser_version VARCHAR(16),
  result LONGTEXT,
  parsed_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (channel_id, ts)
);
CREATE INDEX IF NOT EXISTS parse_results_key ON parse_results (ao_id, bd_date, q_user_id);
CREATE INDEX IF NOT EXISTS parse_results_status ON parse_results (status);

-- A region's alias list (`paxminer alias add|list|remove`): a name Qs write -> the PAX it means.
-- `alias` is the name as the parser compares it (lowercase, single spaces); `written` as the admin typed it.
CREATE TABLE IF NOT EXISTS pax_aliases (
  alias VARCHAR(100) NOT NULL PRIMARY KEY,
  written VARCHAR(100) NOT NULL,
  user_id VARCHAR(45) NOT NULL,
  added_at VARCHAR(32) NOT NULL
);

-- Feedback DMs to posters: one per (message, content version), never twice.
CREATE TABLE IF NOT EXISTS feedback (
  channel_id VARCHAR(45) NOT NULL,
  ts VARCHAR(32) NOT NULL,
  content_hash VARCHAR(40) NOT NULL,
  user_id VARCHAR(45),
  problem TEXT,
  status VARCHAR(16) NOT NULL,
  sent_at VARCHAR(32),
  PRIMARY KEY (channel_id, ts, content_hash)
);

-- Every message and file PAXminer sends (miner/slack/send.py), keyed by what it is: the intent is
-- recorded (status 'sending') before Slack is called and the result after ('sent' with its ts,
-- 'failed' when Slack refused it, 'gave_up', 'unknown' when it may have gone out and could not be
-- checked yet). A 'sending'/'unknown' row is settled by looking for it in its conversation (our
-- message metadata carries the key; a file is found by file_id) before anything is sent again;
-- owner (host:pid) says who is sending it: a live owner's send is never taken over.
CREATE TABLE IF NOT EXISTS deliveries (
  delivery_key VARCHAR(191) NOT NULL PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  medium VARCHAR(8) NOT NULL,
  recipient VARCHAR(45) NOT NULL,
  channel_id VARCHAR(45),
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  ts VARCHAR(32),
  file_id VARCHAR(64),
  attempt_at VARCHAR(32),
  owner VARCHAR(255),
  error TEXT,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  sent_at VARCHAR(32)
);

-- Items from Slack or an export that could not be stored as they came: cleaned (invalid text
-- replaced), truncated (the column holds the start; `original` the whole value) or rejected (not
-- stored at all: `original` holds what came, up to 1 MB, `reason` says why).
CREATE TABLE IF NOT EXISTS bad_items (
  source_table VARCHAR(32) NOT NULL,
  item_key VARCHAR(191) NOT NULL,
  field VARCHAR(32) NOT NULL,
  action VARCHAR(16) NOT NULL,
  reason VARCHAR(255),
  original LONGTEXT,
  noted_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (source_table, item_key, field)
);

DROP VIEW IF EXISTS attendance_view;
CREATE VIEW attendance_view AS
SELECT bd.date AS Date, a.ao AS AO, u.user_name AS PAX, q.user_name AS Q
FROM bd_attendance bd
LEFT JOIN aos a ON bd.ao_id = a.channel_id
LEFT JOIN users u ON bd.user_id = u.user_id
LEFT JOIN users q ON bd.q_user_id = q.user_id
ORDER BY bd.date DESC, a.ao;

DROP VIEW IF EXISTS beatdown_info;
CREATE VIEW beatdown_info AS
SELECT b.bd_date AS Date, a.ao AS AO, u1.user_name AS Q, u1.app AS Q_Is_App,
       u2.user_name AS CoQ, b.pax_count, b.fngs, b.fng_count
FROM beatdowns b
LEFT JOIN users u1 ON u1.user_id = b.q_user_id
LEFT JOIN users u2 ON u2.user_id = b.coq_user_id
LEFT JOIN aos a ON b.ao_id = a.channel_id
ORDER BY b.bd_date, a.ao;

DROP VIEW IF EXISTS backblast;
CREATE VIEW backblast AS
SELECT b.bd_date AS Date, a.ao AS AO, u1.user_name AS Q, u2.user_name AS CoQ,
       b.pax_count, b.fngs, b.fng_count, COALESCE(b.backblast_parsed, b.backblast) AS backblast
FROM beatdowns b
JOIN users u1 ON u1.user_id = b.q_user_id
LEFT JOIN users u2 ON u2.user_id = b.coq_user_id
LEFT JOIN aos a ON b.ao_id = a.channel_id
ORDER BY b.bd_date, a.ao;

-- schema: region_charts
-- Chart deliveries (charters): one row per chart kind, month and recipient, so a chart is posted once.
-- month is YYYY-MM for a whole month, or YYYY-MM-partial for the month so far (posted once too).
-- recipient is the user ID of a DM or the channel ID posted to; status is pending, sending, sent or failed.
CREATE TABLE IF NOT EXISTS chart_deliveries (
  kind VARCHAR(32) NOT NULL,
  month VARCHAR(16) NOT NULL,
  recipient VARCHAR(45) NOT NULL,
  channel_id VARCHAR(45),
  title VARCHAR(255),
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  error TEXT,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  sent_at VARCHAR(32),
  PRIMARY KEY (kind, month, recipient)
);

-- schema: region_scores
-- Scores: one row per PAX per period (month, ytd, 90d) per as-of date, for the region (scope '')
-- or one AO (scope = its channel ID), with the counts behind the score; `points` (JSON) holds
-- the points of each component. Written by miner/scorer.py; weights in miner/scoring.py.
CREATE TABLE IF NOT EXISTS scores (
  as_of DATE NOT NULL,
  period VARCHAR(8) NOT NULL,
  scope VARCHAR(45) NOT NULL,
  user_id VARCHAR(45) NOT NULL,
  period_start DATE NOT NULL,
  posts INT NOT NULL DEFAULT 0,
  qs INT NOT NULL DEFAULT 0,
  aos INT NOT NULL DEFAULT 0,
  streak_current INT NOT NULL DEFAULT 0,
  streak_longest INT NOT NULL DEFAULT 0,
  fngs_brought INT NOT NULL DEFAULT 0,
  fngs_retained INT NOT NULL DEFAULT 0,
  msgs_ao INT NOT NULL DEFAULT 0,
  msgs_help INT NOT NULL DEFAULT 0,
  msgs_region INT NOT NULL DEFAULT 0,
  msgs_other INT NOT NULL DEFAULT 0,
  files INT NOT NULL DEFAULT 0,
  reactions INT NOT NULL DEFAULT 0,
  last_post DATE,
  score INT NOT NULL DEFAULT 0,
  place INT NOT NULL DEFAULT 0,
  points LONGTEXT,
  computed_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (as_of, period, scope, user_id)
);
CREATE INDEX IF NOT EXISTS scores_user ON scores (user_id, period, scope);

-- Achievements: awarded once per PAX per achievement per year/month/week/AO (period_key).
CREATE TABLE IF NOT EXISTS achievements (
  user_id VARCHAR(45) NOT NULL,
  achievement VARCHAR(45) NOT NULL,
  period_key VARCHAR(45) NOT NULL,
  achieved_on DATE NOT NULL,
  ao_id VARCHAR(45),
  value INT,
  awarded_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, achievement, period_key)
);
CREATE INDEX IF NOT EXISTS achievements_date ON achievements (achieved_on);

-- Outreach tickets: one per slipping-away episode (ref = the last post before it) or per
-- FNG pairing (kind mentor); admins close them with `paxminer outreach close`.
CREATE TABLE IF NOT EXISTS outreach_tickets (
  id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  user_id VARCHAR(45) NOT NULL,
  ref VARCHAR(45) NOT NULL,
  status VARCHAR(16) NOT NULL,
  stage VARCHAR(16) NOT NULL,
  other_user_id VARCHAR(45),
  ao_id VARCHAR(45),
  opened_on DATE NOT NULL,
  stage_on DATE NOT NULL,
  closed_on DATE,
  closed_by VARCHAR(45),
  note LONGTEXT,
  reply LONGTEXT,
  facts LONGTEXT,
  updated_at VARCHAR(32) NOT NULL,
  UNIQUE (kind, user_id, ref)
);

-- The once-only ledger of every outreach message (DMs, tickets, invitations, announcements):
-- a key is claimed before sending, so nothing is ever sent twice.
CREATE TABLE IF NOT EXISTS outreach_messages (
  msg_key VARCHAR(191) NOT NULL PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  ticket_id INT,
  user_id VARCHAR(45),
  recipient VARCHAR(45),
  channel_id VARCHAR(45),
  ts VARCHAR(32),
  text LONGTEXT,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  error LONGTEXT,
  sent_on DATE NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  sent_at VARCHAR(32)
);
CREATE INDEX IF NOT EXISTS outreach_messages_user ON outreach_messages (user_id, kind);

-- schema: region_tickets
-- What admins did with an outreach ticket (closed, snoozed, opened a DM with the PAX), from the Slack
-- Home tab or the CLI: the ticket's history next to outreach_messages. event_key makes a redelivered
-- click (same user, action and action_ts) change nothing. until_on: a snooze's last day.
CREATE TABLE IF NOT EXISTS ticket_events (
  id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id INT NOT NULL,
  action VARCHAR(16) NOT NULL,
  by_user VARCHAR(45),
  until_on DATE,
  detail TEXT,
  event_key VARCHAR(191) NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  UNIQUE (event_key)
);
CREATE INDEX IF NOT EXISTS ticket_events_ticket ON ticket_events (ticket_id);

-- schema: control_daily
-- The nightly orchestrator (miner/daily.py, miner/locks.py). region_locks (above) is the live
-- claim on a region; region_runs remembers each region's last run, so several hosts sharing the
-- regions never redo a region another host finished after their own run began, and the longest
-- regions are started first. Times are the database server's UTC clock.
CREATE TABLE IF NOT EXISTS region_runs (
  region VARCHAR(64) NOT NULL PRIMARY KEY,
  run_id VARCHAR(40) NOT NULL,
  host VARCHAR(255),
  started VARCHAR(32) NOT NULL,
  finished VARCHAR(32),
  status VARCHAR(16) NOT NULL,
  failed_step VARCHAR(32),
  error TEXT,
  seconds DOUBLE,
  counts LONGTEXT
);

-- schema: control_listen
-- `paxminer listen` (miner/listen): each region's Slack team (learned from auth.test) routes the
-- app's events to it; the periods the listener was connected (epoch seconds; `ended` moves with a
-- heartbeat), so the nightly mine reads history only for the gaps; when mine last read a region's
-- whole lookback window (a full pass, once a week).
CREATE TABLE IF NOT EXISTS region_teams (
  region VARCHAR(64) NOT NULL PRIMARY KEY,
  team_id VARCHAR(32) NOT NULL,
  learned_at VARCHAR(32) NOT NULL
);
CREATE INDEX IF NOT EXISTS region_teams_team ON region_teams (team_id);

CREATE TABLE IF NOT EXISTS listen_coverage (
  region VARCHAR(64) NOT NULL,
  started DOUBLE NOT NULL,
  ended DOUBLE NOT NULL,
  host VARCHAR(255),
  PRIMARY KEY (region, started)
);

CREATE TABLE IF NOT EXISTS region_full_passes (
  region VARCHAR(64) NOT NULL PRIMARY KEY,
  last_full_pass DOUBLE NOT NULL
);

-- schema: region_listen
-- Events the listener applied, by Slack's event id: a redelivered event changes nothing.
CREATE TABLE IF NOT EXISTS listen_events (
  event_id VARCHAR(64) NOT NULL PRIMARY KEY,
  applied_at VARCHAR(32) NOT NULL
);
