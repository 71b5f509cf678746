"""Engines, schema creation from schema.sql, the one bulk upsert helper and the one retry policy.

MySQL/MariaDB: one database per schema on the server named by the URL, all reached through one
bounded pool of connections per process (`connections`: the setting `db_connections`): a schema's
engine is a view of that pool whose statements run in its database (USE, once per connection and
schema). So hundreds of regions cost no connection each: what a process holds open is its pool's
size at most, whatever number of regions are under way or waiting on Slack.
SQLite (default): one file per schema under the data directory.
All SQL quotes identifiers with backticks, which both dialects accept.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import threading
import time
from datetime import datetime, timezone
from importlib import resources
from operator import itemgetter
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from miner.core import migrations
from miner.core.constants import CONTROL_SCHEMA, DB_CONNECTIONS
from miner.core.errors import PaxminerError, short_error

log = logging.getLogger("miner.db")

SCHEMA_RESOURCE = ("miner.core", "schema.sql")  # package data: a link to the top-level schema.sql, the one DDL source
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


class DatabaseError(PaxminerError):
    """A database problem worth one clear line (never carries bound parameters)."""


def utcnow() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def check_identifier(name: str, what: str = "schema name") -> str:
    if not isinstance(name, str) or not IDENTIFIER.match(name):
        raise DatabaseError(
            f"invalid {what} {name!r}: use letters, digits and underscores, starting with a letter"
        )
    return name


def q(name: str) -> str:
    """Quote a column or table name that comes from our own code."""
    return f"`{name}`"


def load_ddl(section: str, dialect: str) -> list[str]:
    """The statements of one section ('control' or 'region') of schema.sql, for a dialect."""
    text_ = resources.files(SCHEMA_RESOURCE[0]).joinpath(SCHEMA_RESOURCE[1]).read_text(encoding="utf-8")
    parts = re.split(r"^-- schema: (\w+)\s*$", text_, flags=re.M)
    # "region" also takes every later "region_<feature>" section (scores, charts, ...)
    chosen = [body for name, body in zip(parts[1::2], parts[2::2], strict=True) if name == section or name.startswith(section + "_")]
    body = "\n".join(
        line for chunk in chosen for line in chunk.splitlines() if not line.lstrip().startswith("--")
    )
    if dialect == "sqlite":
        body = body.replace("AUTO_INCREMENT PRIMARY KEY", "PRIMARY KEY AUTOINCREMENT")
    stmts = [s.strip() for s in body.split(";") if s.strip()]
    if dialect == "mysql":  # views replaced in one statement: a client querying one never finds it missing
        stmts = [re.sub(r"^CREATE VIEW", "CREATE OR REPLACE VIEW", s) for s in stmts if not s.startswith("DROP VIEW IF EXISTS")]
    return stmts


MYSQL_FORMS = {"mysql", "mariadb", "mysql+pymysql", "mariadb+pymysql"}
URL_HELP = "mysql://USER:PASSWORD@HOST:PORT/, or sqlite:///FOLDER, or empty for SQLite"


def normalize_url(db_url: str) -> tuple[str, str | None]:
    """A database URL in any usual form -> (the mysql+pymysql URL or "" for SQLite, the SQLite folder
    when the URL names one). mysql://, mariadb://, mysql+pymysql:// and mariadb+pymysql:// all mean
    MySQL/MariaDB through PyMySQL; sqlite:///FOLDER means SQLite files (one per schema) in FOLDER.
    A DatabaseError says what is wrong with anything else (never showing the password)."""
    db_url = (db_url or "").strip()
    if not db_url:
        return "", None
    if db_url.startswith("sqlite:"):
        m = re.match(r"^sqlite:///(.+)$", db_url)
        if not m:
            raise DatabaseError("database URL: SQLite is sqlite:///FOLDER (relative) or sqlite:////FOLDER (absolute)")
        folder = m.group(1)
        if Path(folder).is_file() or folder.endswith((".sqlite", ".db")):
            raise DatabaseError(f"database URL: sqlite:///{folder} must name a folder (one SQLite file per schema "
                                f"goes in it), not a file")
        return "", folder
    if "://" not in db_url:
        raise DatabaseError(f"database URL has no scheme: expected {URL_HELP}")
    try:
        url = make_url(db_url)
    except (ArgumentError, ValueError) as exc:
        reason = "the port must be a number" if "port" in str(exc).lower() or isinstance(exc, ValueError) else "it does not parse"
        raise DatabaseError(f"database URL is not valid ({reason}): expected {URL_HELP}") from None
    if url.drivername not in MYSQL_FORMS:
        if url.drivername.split("+")[0] in ("mysql", "mariadb"):
            raise DatabaseError(f"database URL: driver {url.drivername!r} is not supported; use mysql:// "
                                f"(PyMySQL, installed with PAXminer)")
        raise DatabaseError(f"database URL: unsupported database {url.drivername!r}; PAXminer runs on MySQL/MariaDB "
                            f"(mysql://...) or SQLite (sqlite:///FOLDER or empty)")
    if not url.host:
        raise DatabaseError(f"database URL {mask_url(db_url)} names no host: expected {URL_HELP}")
    if url.port is not None and not 0 < url.port < 65536:
        raise DatabaseError(f"database URL {mask_url(db_url)}: port {url.port} is out of range")
    return url.set(drivername="mysql+pymysql").render_as_string(hide_password=False), None


def mask_url(db_url: str) -> str:
    """A database URL with its password as ***."""
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "[unparsable URL]"


_tables_ensured: set[tuple[str, str]] = set()
_tables_lock = threading.Lock()


def ensure_tables(eng: Engine, *tables: str) -> None:
    """Create these region tables (schema.sql's CREATE TABLE IF NOT EXISTS) if a schema made before
    they existed lacks them; once per engine and table per process. For tables a command writes
    without the schema having been upgraded first (deliveries, bad_items)."""
    key = f"{eng.url} {eng.get_execution_options().get(SCHEMA_OPTION, '')}"
    todo = [t for t in tables if (key, t) not in _tables_ensured]
    if not todo:
        return
    stmts = [s for s in load_ddl("region", eng.dialect.name)
             if any(s.startswith(f"CREATE TABLE IF NOT EXISTS {t} ") for t in todo)]
    with eng.begin() as conn:
        for stmt in stmts:
            conn.execute(text(stmt))
    with _tables_lock:
        _tables_ensured.update((key, t) for t in todo)


SCHEMA_OPTION = "paxminer_schema"  # execution option of a MySQL schema engine: (schema, serial)
POOL_WAIT_S = 600  # a thread waits this long for a pooled connection before giving up (a stuck process)


def table_names(conn: Connection) -> set[str]:
    """The tables (not views) of the connection's schema. (SQLAlchemy's inspector asks MySQL for the
    database the engine was opened on; a schema's engine here opens none and USEs its own.)"""
    if conn.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    else:
        sql = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
    return {r[0] for r in conn.execute(text(sql))}


def has_table(conn: Connection, table: str) -> bool:
    return table in table_names(conn)


class Database:
    """Hands out one engine per schema; creates schemas from schema.sql.

    connections: on MySQL, the most connections this process holds open to the server (its one
    pool's size; every schema's engine draws from it). `paxminer daily` shares the setting
    `db_connections` out between its processes (miner/nightly/run.py)."""

    def __init__(self, db_url: str = "", data_dir: str = "data", control_schema: str = CONTROL_SCHEMA,
                 connections: int | None = None):
        self.connections = max(1, int(connections or DB_CONNECTIONS))
        self._serial = 0
        self.db_url, sqlite_dir = normalize_url(db_url)
        self.control_schema = check_identifier(control_schema)
        self.data_dir = Path(sqlite_dir or data_dir)
        self._engines: dict[str, Engine] = {}
        self._ensured: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        if self.db_url:
            self._url = make_url(self.db_url)
        self.dialect = "mysql" if self.db_url else "sqlite"

    def describe(self) -> str:
        if self.dialect == "sqlite":
            return f"SQLite files in {self.data_dir}/"
        u = self._url
        return f"MySQL {u.host}:{u.port or 3306} as {u.username}"

    def engine(self, schema: str) -> Engine:
        check_identifier(schema)
        with self._lock:
            if schema not in self._engines:
                self._engines[schema] = self._make_engine(schema)
            return self._engines[schema]

    def _make_engine(self, schema: str) -> Engine:
        if self.dialect == "sqlite":
            path = self.data_dir / (schema + ".sqlite")
            eng = create_engine(
                f"sqlite:///{path}",
                hide_parameters=True,
                connect_args={"timeout": 60, "check_same_thread": False},
            )

            @event.listens_for(eng, "do_connect")
            def _private(_dialect, _record, _cargs, _cparams):  # before sqlite3 creates the file
                private_file(path, self.data_dir)

            @event.listens_for(eng, "connect")
            def _pragmas(dbapi_conn, _record):
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA busy_timeout=60000")
                cur.close()

            return eng
        # a view of the process's one pool; the serial tells a recreated schema from a dropped one
        self._serial += 1
        return self._server_engine().execution_options(**{SCHEMA_OPTION: (schema, self._serial)})

    def server_engine(self) -> Engine:
        """The server's engine (no database selected): the process's one pool of connections."""
        with self._lock:
            return self._server_engine()

    def _server_engine(self) -> Engine:
        if "" not in self._engines:
            url = self._url.set(database=None, query={**self._url.query, "charset": "utf8mb4"})
            eng = _mysql_engine(url, pool_recycle=1800, pool_size=self.connections, max_overflow=0,
                                pool_timeout=POOL_WAIT_S)
            event.listen(eng, "before_cursor_execute", _use_schema)
            self._engines[""] = eng
        return self._engines[""]

    def raw_connection(self, schema: str):
        """A DB-API connection (pooled) in that schema, for code that talks DB-API as other tools do.
        On MySQL it may come from another schema's work: it is switched here, and whatever it is
        switched to by its user, the next statement through SQLAlchemy switches it back."""
        eng = self.engine(schema)
        conn = eng.raw_connection()
        if self.dialect == "mysql":
            cur = conn.cursor()
            cur.execute(f"USE `{check_identifier(schema)}`")
            cur.close()
            conn.info.pop(SCHEMA_OPTION, None)  # its user may USE another database
        return conn

    def release(self, schema: str) -> None:
        """A schema's work is done for now (a region finished, or is waiting on Slack): SQLite closes
        its idle connections to the file; on MySQL the connections belong to the process's pool,
        bounded as a whole, so there is nothing of the schema's own to give back.
        SQLite keeps the pool object: a connection another thread of the region has out at that
        moment comes back to it and is closed at the next release (Engine.dispose would leave it
        open in the replaced pool until garbage collection: about one open file per waiting region)."""
        if self.dialect != "sqlite":
            return
        with self._lock:
            eng = self._engines.get(schema)
        if eng is not None:
            eng.pool.dispose()

    def forget(self, schema: str) -> None:
        """release, and drop the schema's engine too (SQLite: its own, with its cache of compiled
        statements; MySQL: its view of the shared pool): a region parked by `daily` keeps nothing
        here, and its next turn makes the engine again (a millisecond). Only when none of the
        schema's connections is out."""
        with self._lock:
            eng = self._engines.pop(schema, None)
        if eng is not None and self.dialect == "sqlite":
            eng.dispose()

    def schema_exists(self, schema: str) -> bool:
        check_identifier(schema)
        if self.dialect == "sqlite":
            return (self.data_dir / f"{schema}.sqlite").exists()
        with self.server_engine().connect() as conn:
            row = conn.execute(
                text("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :s"),
                {"s": schema},
            ).first()
        return row is not None

    def create_schema(self, schema: str, section: str = "region") -> list[str]:
        """Create the schema (database) if missing and bring it to the newest shape: its pending
        migrations (miner/core/migrations.py), then its DDL. Safe to rerun and to interrupt.
        Returns the migrations applied now."""
        check_identifier(schema)
        try:
            if self.dialect == "mysql":
                with self.server_engine().begin() as conn:
                    conn.execute(text(f"CREATE DATABASE IF NOT EXISTS `{schema}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
                with self._lock:  # (re)created, maybe by another process: every connection USEs it anew
                    self._engines.pop(schema, None)
            return migrations.upgrade(self.engine(schema), section, load_ddl("migrations", self.dialect),
                                      load_ddl(section, self.dialect), schema)
        except (DBAPIError, RuntimeError) as exc:
            raise DatabaseError(f"cannot create or upgrade schema {schema}: {short_error(exc)}") from None

    def plan_schema(self, schema: str, section: str = "region") -> list[str]:
        """What create_schema would change in an existing schema, changing nothing (--dry-run)."""
        if not self.schema_exists(schema):
            return [f"create schema {schema}"]
        with self.engine(schema).connect() as conn:
            return migrations.plan(conn, section, load_ddl(section, self.dialect))

    def ensured(self, schema: str, section: str) -> bool:
        """Has this process created or checked that schema already?"""
        return (schema, section) in self._ensured

    def ensure_schema(self, schema: str, section: str = "region") -> None:
        """create_schema once per process (it is idempotent, this only saves the round trips)."""
        if (schema, section) not in self._ensured:
            self.create_schema(schema, section)
            self._ensured.add((schema, section))

    def drop_schema(self, schema: str) -> None:
        check_identifier(schema)
        self._ensured = {e for e in self._ensured if e[0] != schema}
        with self._lock:
            eng = self._engines.pop(schema, None)
        if eng is not None and self.dialect == "sqlite":  # on MySQL a view of the shared pool
            eng.dispose()
        if self.dialect == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                p = self.data_dir / f"{schema}.sqlite{suffix}"
                if p.exists():
                    p.unlink()
        else:
            with self.server_engine().begin() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{schema}`"))

    def dispose(self, close: bool = True, connections: int | None = None) -> None:
        """Drop every engine; close=False (in a forked child) leaves the parent's connections alone.
        connections: this process's bound from now on (MySQL; a forked child's share)."""
        with self._lock:
            for name, eng in self._engines.items():
                if self.dialect == "sqlite" or name == "":  # MySQL schema engines are views of ""
                    eng.dispose(close=close)
            self._engines.clear()
            if connections:
                self.connections = max(1, int(connections))


def private_file(path: Path, folder: Path) -> None:
    """The data folder (0700) and a SQLite file (0600) hold tokens: readable by their owner only,
    whatever the umask. SQLite creates the -wal and -shm files with the database file's mode.

    Never opens an existing database file: closing any descriptor of a file drops every POSIX lock
    this process holds on it, SQLite's included (its connections would then lose writes)."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # new: nobody has it open yet
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)


def _mysql_engine(url, **kw) -> Engine:
    # READ COMMITTED: no gap locks, so miners writing different channels of one table side by
    # side do not block each other at the edges of their key ranges. pool_pre_ping: a server
    # restart or timeout shows on checkout, not in the middle of a step.
    return create_engine(url, hide_parameters=True, isolation_level="READ COMMITTED", pool_pre_ping=True, **kw)


def _use_schema(conn, cursor, _statement, _parameters, _context, _executemany) -> None:
    """Before a statement of a schema's engine (MySQL): its connection is in that database. Tracked
    per pooled connection (its info, cleared when it reconnects), so USE is sent only when the
    connection last served another schema."""
    want = conn.get_execution_options().get(SCHEMA_OPTION)
    if want is None:
        return
    info = conn.connection.info
    if info.get(SCHEMA_OPTION) != want:
        cursor.execute(f"USE `{check_identifier(want[0])}`")
        info[SCHEMA_OPTION] = want


# MySQL/MariaDB error codes of a failure worth waiting out: shutdown in progress, lock wait timeout,
# deadlock, can't connect, server gone away, lost connection, out of sync on reconnect, idle timeout.
TRANSIENT_CODES = {1053, 1205, 1213, 2002, 2003, 2006, 2013, 2055, 4031}
CONFLICT_CODES = {1205, 1213}  # a concurrent writer rolled the transaction back: run it again at once
RETRY_WAITS = (2, 4, 8, 16)  # seconds between attempts of work that lost the database (restart, failover)


def _code(exc: BaseException):
    args = getattr(getattr(exc, "orig", None), "args", ())
    return args[0] if args and isinstance(args[0], int) else None


def is_transient(exc: BaseException) -> bool:
    """A database hiccup worth waiting out: server restarting or gone away, connection lost, deadlock."""
    if not isinstance(exc, SQLAlchemyError):
        return False
    if getattr(exc, "connection_invalidated", False) or _code(exc) in TRANSIENT_CODES:
        return True
    return "database is locked" in str(getattr(exc, "orig", None) or "")


def with_retries(fn, what: str, stopping=None, waits: tuple = RETRY_WAITS):
    """The one retry policy for work that lost the database: call fn(); while it fails on a transient
    error, wait and call it again (bounded by `waits`; a set `stopping` event ends it early)."""
    for wait in tuple(waits) + (None,):
        try:
            return fn()
        except Exception as exc:
            if wait is None or not is_transient(exc) or (stopping is not None and stopping.is_set()):
                raise
            log.warning("%s: database unavailable (%s); retrying in %ds", what, short_error(exc), wait)
            time.sleep(wait)


def in_transaction(eng: Engine, fn, attempts: int = 6):
    """fn(conn) in one transaction. When the database rolls it back because of a concurrent writer
    (a MySQL deadlock or lock wait, SQLite's "database is locked") or a dropped connection, it runs
    again at once: fn must be safe to repeat."""
    for attempt in range(attempts):
        try:
            with eng.begin() as conn:
                return fn(conn)
        except OperationalError as exc:
            if attempt == attempts - 1 or not (_code(exc) in CONFLICT_CODES | {2006, 2013} or "database is locked" in str(exc.orig)):
                raise
            time.sleep(0.02 * 2 ** attempt * random.uniform(0.5, 1.5))


def upsert(conn: Connection, table: str, rows: list[dict], keys: list[str], update: list[str] | None = None,
           columns: list[str] | None = None) -> int:
    """Insert rows, or update the non-key columns (or `update`) where the key exists.
    `columns`: the rows' keys to store (default: all of the first row's).

    One driver-level executemany with positional bound parameters (PyMySQL turns it into
    multi-row INSERTs); this skips per-row parameter processing in SQLAlchemy, the hot path of a mine.
    """
    if not rows:
        return 0
    cols = columns or list(rows[0])
    if update is None:
        update = [c for c in cols if c not in keys]
    mysql = conn.dialect.name == "mysql"
    mark = "%s" if mysql else "?"
    sql = f"INSERT INTO {q(table)} ({', '.join(q(c) for c in cols)}) VALUES ({', '.join([mark] * len(cols))})"
    if mysql:
        if update:
            sql += " ON DUPLICATE KEY UPDATE " + ", ".join(f"{q(c)} = VALUES({q(c)})" for c in update)
        else:
            sql = sql.replace("INSERT INTO", "INSERT IGNORE INTO", 1)
    else:
        sql += f" ON CONFLICT ({', '.join(q(k) for k in keys)}) DO "
        sql += ("UPDATE SET " + ", ".join(f"{q(c)} = excluded.{q(c)}" for c in update)) if update else "NOTHING"
    get = itemgetter(*cols)
    values = [get(r) for r in rows] if len(cols) > 1 else [(get(r),) for r in rows]
    try:
        # the driver's executemany: PyMySQL sends multi-row INSERTs, escaping each value itself
        conn.exec_driver_sql(sql, values)
    except DBAPIError as exc:
        exc.statement = sql  # an error shows the statement with placeholders: no values (a token, an email)
        raise
    return len(rows)


def merge_json(old: str | dict | None, ours: dict, owned=()) -> dict:
    """A row's `json` column shared with other tools (slackblast's custom fields, ...): their keys in
    `old` stay; ours (`ours`, plus any key named in `owned` that we no longer set) are replaced."""
    if isinstance(old, str):
        try:
            old = json.loads(old) if old.strip() else None
        except ValueError:
            old = None
    if not isinstance(old, dict):
        return dict(ours)
    mine = set(ours).union(owned)
    return {**{k: v for k, v in old.items() if k not in mine}, **ours}


def delete_keys(conn: Connection, table: str, keys: list[str], rows: list[dict]) -> None:
    """Delete the rows whose key columns match any of `rows` (executemany)."""
    if not rows:
        return
    where = " AND ".join(f"{q(k)} = :{k}" for k in keys)
    conn.execute(text(f"DELETE FROM {q(table)} WHERE {where}"), [{k: r[k] for k in keys} for r in rows])


