"""Numbered schema migrations: each applied once per schema and recorded in it (`schema_migrations`).

How a schema gets to the newest shape (Database.create_schema, run by `paxminer db upgrade`,
`db adopt`, `region add`, and for every region at the start of `paxminer daily`):
  1. `schema_migrations` is created if missing (section "migrations" of schema.sql);
  2. every migration of the schema's kind ("control" or "region") not recorded there runs, in
     number order, and is recorded right after it ran;
  3. schema.sql's section runs (CREATE ... IF NOT EXISTS, our views recreated).
A schema built before migrations existed (or by the retired PAXminer) simply has none recorded:
each migration looks at what is there and changes only what differs, so running all of them on
any earlier shape is right, and on a brand-new schema (no tables yet) they do nothing.

ADDING A MIGRATION (for everyone changing schema.sql):
  - A new table, index or view: add it to schema.sql only (step 3 creates it everywhere).
  - A new column, or a changed type/width/NULL-ness of an existing column: change schema.sql AND
    append a Migration to CONTROL or REGION below with the next number (never renumber, never edit
    one that has landed; a fix is a new migration). Use the helpers: add_column, widen_column.
  - A step must be safe to run again after an interruption at any point: check the current state
    first (MySQL commits every DDL statement at once, so a half-done migration reruns from its
    start). Backfills are UPDATEs that are correct to repeat.
  - Never DROP or recreate a table other tools read or write (aos, users, beatdowns, bd_attendance
    on MySQL: weaselbot's achievements_view depends on users); ALTER them in place. Tables and
    views we do not know (weaselbot's achievements_*) are never touched.
  - Add the earlier shape to tests/test_migrations.py if your change makes a new one.

Why not Alembic: hundreds of region schemas of two kinds on MySQL and SQLite; Alembic keeps one
version head per database but its DDL on SQLite is batch mode (copy the table, drop, rename: which
would drop `users` under weaselbot's view), its transactional guarantee does not hold on MySQL
(DDL commits), and our DDL lives in schema.sql, not in ORM models it could compare. What we need is
a list of idempotent steps and a per-schema ledger: this module, one SELECT per up-to-date schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError


@dataclass
class Ctx:
    """What a migration gets besides the connection: schema.sql's CREATE TABLE statements by table
    name, and in a dry run the list its helpers describe their changes into instead of making them."""

    ddl: dict[str, str]
    dry: list[str] | None = None
    made: list[str] = field(default_factory=list)

    def change(self, conn: Connection, what: str, *statements: str) -> None:
        if self.dry is not None:
            self.dry.append(what)
            return
        for stmt in statements:
            conn.exec_driver_sql(stmt)
        self.made.append(what)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection, Ctx], None]


# -- helpers ---------------------------------------------------------------------------------------
def columns(conn: Connection, table: str) -> dict[str, dict]:
    """column name (lower case) -> {type, length, nullable} of a table; {} when it does not exist."""
    if conn.dialect.name == "mysql":
        rows = conn.execute(text(
            "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t"), {"t": table}).all()
        return {r[0].lower(): {"type": r[1].lower(), "length": r[2], "nullable": r[3] == "YES"} for r in rows}
    rows = conn.exec_driver_sql(f"PRAGMA table_info(`{table}`)").all()
    out = {}
    for r in rows:
        m = re.match(r"\s*(\w+)\s*(?:\((\d+)\))?", r[2] or "")
        out[r[1].lower()] = {"type": (m[1] if m else "").lower(), "length": int(m[2]) if m and m[2] else None,
                             "nullable": not r[3]}
    return out


def _duplicate_column(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "args", [None])[0]
    return code == 1060 or "duplicate column name" in str(exc.orig).lower()


def add_column(conn: Connection, ctx: Ctx, table: str, column: str, definition: str) -> bool:
    """ALTER TABLE ... ADD a column if the table exists and lacks it (another process adding it at the
    same moment is fine). True if added."""
    have = columns(conn, table)
    if not have or column.lower() in have:
        return False
    try:
        ctx.change(conn, f"add column {table}.{column} {definition}",
                   f"ALTER TABLE `{table}` ADD COLUMN `{column}` {definition}")
    except DBAPIError as exc:
        if not _duplicate_column(exc):
            raise
        return False
    return True


def widen_column(conn: Connection, ctx: Ctx, table: str, column: str, definition: str, length: int | None,
                 nullable: bool | None = None) -> bool:
    """MySQL: MODIFY a column to `definition` where it is narrower than `length` or NOT NULL where
    we need NULLs. (SQLite ignores VARCHAR lengths; its NOT NULLs are our own tables' from the start.)"""
    if conn.dialect.name != "mysql":
        return False
    col = columns(conn, table).get(column.lower())
    if col is None:
        return False
    narrow = length is not None and col["length"] is not None and col["length"] < length
    if not narrow and not (nullable and not col["nullable"]):
        return False
    was = f"{col['type']}({col['length']})" if col["length"] else col["type"]
    ctx.change(conn, f"change column {table}.{column} from {was}{'' if col['nullable'] else ' NOT NULL'} to {definition}",
               f"ALTER TABLE `{table}` MODIFY `{column}` {definition}")
    return True


# -- control schema ----------------------------------------------------------------------------------
REGIONS_COLUMNS = [  # every column slackblast's ORM and the retired PAXminer's scripts name, then ours
    ("active", "TINYINT NOT NULL DEFAULT 1"), ("firstf_channel", "VARCHAR(45)"), ("contact", "VARCHAR(255)"),
    ("scrape_backblasts", "TINYINT NOT NULL DEFAULT 1"), ("send_pax_charts", "TINYINT NOT NULL DEFAULT 0"),
    ("send_q_charts", "TINYINT NOT NULL DEFAULT 0"), ("send_ao_leaderboard", "TINYINT NOT NULL DEFAULT 0"),
    ("send_region_leaderboard", "TINYINT NOT NULL DEFAULT 0"), ("comments", "TEXT"),
    ("timezone", "VARCHAR(64) NOT NULL DEFAULT 'America/Chicago'"), ("date_order", "VARCHAR(3) NOT NULL DEFAULT 'MDY'"),
    ("lookback_days", "INT"), ("feedback_days", "INT NOT NULL DEFAULT 3"), ("log_channel", "VARCHAR(45)"),
    ("admin_channel", "VARCHAR(45)"), ("settings", "LONGTEXT"), ("created_at", "VARCHAR(32)"),
]


def _regions_columns(conn: Connection, ctx: Ctx) -> None:
    for column, definition in REGIONS_COLUMNS:
        add_column(conn, ctx, "regions", column, definition)
    widen_column(conn, ctx, "regions", "slack_token", "VARCHAR(255) NOT NULL", 255)
    widen_column(conn, ctx, "regions", "contact", "VARCHAR(255)", 255)


CONTROL = [
    Migration(1, "regions: every column PAXminer's tools name (comments ...) and ours", _regions_columns),
]


# -- region schemas ------------------------------------------------------------------------------------
def _replies_seen(conn: Connection, ctx: Ctx) -> None:
    add_column(conn, ctx, "messages", "replies_seen", "VARCHAR(64)")


def _chart_month(conn: Connection, ctx: Ctx) -> None:
    widen_column(conn, ctx, "chart_deliveries", "month", "VARCHAR(16) NOT NULL", 16)


SHARED_COLUMNS = {  # the contract's columns (older PAXminer schemas lack some) and our control columns
    "aos": [("site_q_user_id", "VARCHAR(45)"), ("is_private", "TINYINT NOT NULL DEFAULT 0"),
            ("is_member", "TINYINT NOT NULL DEFAULT 0"), ("backblast_set_by", "VARCHAR(16)"), ("kind", "VARCHAR(16)")],
    "users": [("json", "LONGTEXT"), ("deleted", "TINYINT NOT NULL DEFAULT 0")],
    "beatdowns": [("timestamp", "VARCHAR(45)"), ("ts_edited", "VARCHAR(45)"), ("backblast_parsed", "LONGTEXT"),
                  ("fng_count", "INT"), ("json", "LONGTEXT")],
    "bd_attendance": [("timestamp", "VARCHAR(45)"), ("ts_edited", "VARCHAR(45)"), ("json", "LONGTEXT")],
}
WIDER = [  # (table, column, our definition, width, needs NULLs): what we write does not fit a production column
    ("aos", "ao", "VARCHAR(100) NOT NULL", 100, False),
    ("aos", "channel_created", "INT", None, True),
    ("users", "user_name", "VARCHAR(100) NOT NULL", 100, False),
    ("users", "real_name", "VARCHAR(100)", 100, True),
    ("users", "phone", "VARCHAR(100)", 100, True),
    ("users", "email", "VARCHAR(100)", 100, True),
    ("beatdowns", "fngs", "VARCHAR(1000)", 1000, True),
]


def _shared_columns(conn: Connection, ctx: Ctx) -> None:
    for table, cols in SHARED_COLUMNS.items():
        for column, definition in cols:
            add_column(conn, ctx, table, column, definition)
    for table, column, definition, width, nullable in WIDER:
        widen_column(conn, ctx, table, column, definition, width, nullable)


def _attendance_date_text(conn: Connection, ctx: Ctx) -> None:
    """bd_attendance.date holds 'YYYY-MM-DD' text (VARCHAR(45)), as in production, not a DATE."""
    col = columns(conn, "bd_attendance").get("date")
    if col is None or col["type"] != "date":
        return
    what = "change column bd_attendance.date from date to VARCHAR(45) NOT NULL ('YYYY-MM-DD')"
    if conn.dialect.name == "mysql":  # in place: DATE values become their 'YYYY-MM-DD' text
        ctx.change(conn, what, "ALTER TABLE bd_attendance MODIFY `date` VARCHAR(45) NOT NULL")
        return
    # SQLite cannot change a column's type: copy into a table of the new shape (our own file;
    # values are the same text), in one transaction. attendance_view is recreated by schema.sql.
    names = ", ".join(f"`{c}`" for c in columns(conn, "bd_attendance"))
    create = ctx.ddl["bd_attendance"].replace("IF NOT EXISTS bd_attendance", "bd_attendance__new", 1)
    ctx.change(conn, what, "DROP VIEW IF EXISTS attendance_view", "DROP TABLE IF EXISTS bd_attendance__new", create,
               f"INSERT INTO bd_attendance__new ({names}) SELECT {names} FROM bd_attendance",
               "DROP TABLE bd_attendance", "ALTER TABLE bd_attendance__new RENAME TO bd_attendance")


REGION = [
    Migration(1, "messages.replies_seen", _replies_seen),
    Migration(2, "chart_deliveries.month VARCHAR(16)", _chart_month),
    Migration(3, "aos/users/beatdowns/bd_attendance: the contract's columns and our control columns", _shared_columns),
    Migration(4, "bd_attendance.date is 'YYYY-MM-DD' text", _attendance_date_text),
    Migration(5, "messages.attachments (old bot posts)", lambda conn, ctx: add_column(conn, ctx, "messages", "attachments", "LONGTEXT")),
]

MIGRATIONS = {"control": CONTROL, "region": REGION}


# -- runner ----------------------------------------------------------------------------------------------
def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def table_names(ddl: list[str]) -> dict[str, str]:
    """table name -> its CREATE TABLE statement, from a section's statements."""
    out = {}
    for stmt in ddl:
        m = re.match(r"CREATE TABLE IF NOT EXISTS (\w+)", stmt)
        if m:
            out[m[1]] = stmt
    return out


def applied(conn: Connection) -> set[int]:
    """The migration numbers recorded in this schema (empty if it has no ledger)."""
    if not columns(conn, "schema_migrations"):
        return set()
    return {int(r[0]) for r in conn.execute(text("SELECT version FROM schema_migrations"))}


def pending(conn: Connection, kind: str) -> list[Migration]:
    done = applied(conn)
    return [m for m in MIGRATIONS[kind] if m.version not in done]


def upgrade(eng: Engine, kind: str, ledger_ddl: list[str], ddl: list[str], schema: str) -> list[str]:
    """Bring one schema to the newest shape (see the module docstring); returns what changed (columns
    added or changed, tables created). On MySQL a named lock keeps two hosts from upgrading one
    schema at once."""
    with eng.connect() as conn:
        mysql = conn.dialect.name == "mysql"
        if mysql:
            got = conn.execute(text("SELECT GET_LOCK(:n, 300)"), {"n": f"paxminer.upgrade.{schema}"[:64]}).scalar()
            conn.commit()
            if got != 1:
                raise RuntimeError(f"another process is upgrading schema {schema}; try again later")
        try:
            # DDL goes to the driver as it is: compiled and cached, it would sit in every region
            # engine's statement cache (tens of KB per region of a nightly run) for nothing
            with conn.begin():
                for stmt in ledger_ddl:
                    conn.exec_driver_sql(stmt)
            ctx = Ctx(table_names(ddl))
            todo = sorted(pending(conn, kind), key=lambda m: m.version)
            conn.commit()
            for m in todo:
                with conn.begin():
                    m.apply(conn, ctx)
                    conn.execute(text("DELETE FROM schema_migrations WHERE version = :v"), {"v": m.version})
                    conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)"),
                                 {"v": m.version, "n": m.name[:255], "a": _now()})
            creates = [f"create table {t}" for t in ctx.ddl if not columns(conn, t)]
            conn.commit()
            with conn.begin():
                for stmt in ddl:
                    conn.exec_driver_sql(stmt)
        finally:
            if mysql:
                conn.execute(text("SELECT RELEASE_LOCK(:n)"), {"n": f"paxminer.upgrade.{schema}"[:64]})
                conn.commit()
    return ctx.made + creates


def plan(conn: Connection, kind: str, ddl: list[str]) -> list[str]:
    """What upgrade would change in this schema, changing nothing (for --dry-run): each column a
    pending migration would add or change, and each table schema.sql would create."""
    ctx = Ctx(table_names(ddl), dry=[])
    for m in sorted(pending(conn, kind), key=lambda m: m.version):
        m.apply(conn, ctx)
    creates = [f"create table {t}" for t in ["schema_migrations", *ctx.ddl] if not columns(conn, t)]
    return ctx.dry + creates
