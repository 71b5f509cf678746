"""Engines, schema creation from schema.sql, and the one bulk upsert helper.

MySQL/MariaDB: one database per schema on the server named by the URL.
SQLite (default): one file per schema under the data directory.
All SQL quotes identifiers with backticks, which both dialects accept.
"""

from __future__ import annotations

import random
import re
import threading
import time
from datetime import datetime, timezone
from operator import itemgetter
from pathlib import Path

import pymysql
from pymysql.constants.SERVER_STATUS import SERVER_STATUS_NO_BACKSLASH_ESCAPES
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError

from miner.constants import CONTROL_SCHEMA

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.sql"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


class DatabaseError(Exception):
    """A database problem worth one clear line (never carries bound parameters)."""


def quote_string(value: str) -> str:
    """A single-quoted MySQL string literal (backslash escapes on): only what must be escaped is.

    PyMySQL also escapes `"`, newlines and carriage returns, which inside single quotes stand for
    themselves. Left as they are, most JSON and text needs no escape at all: fewer bytes to send,
    and MariaDB's lexer takes its path for literals without escapes (no unescaping copy). Made of
    str.replace calls: PyMySQL's str.translate maps one character to two, for which CPython does a dict
    lookup per character (~25 us for a 500-character backblast)."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")  # first: the others add backslashes
    if "'" in value:
        value = value.replace("'", "\\'")
    if "\0" in value:
        value = value.replace("\0", "\\0")
    if "\032" in value:
        value = value.replace("\032", "\\Z")
    return "'" + value + "'"


MAX_STATEMENT = 1_024_000  # bytes of one multi-row INSERT (PyMySQL's limit; MySQL's packet default is 4-64 MB)


class _PyMySQLConnection(pymysql.connections.Connection):
    """PyMySQL with its hot spots fixed.

    - PyMySQL tries TLS by default ("preferred") and builds a new SSLContext for every connection,
      loading the system CA store each time (~30 ms of CPU). The default context is the same every
      time, so it is built once per process; explicit TLS options are left to PyMySQL.
    - It knows when it has nothing to reset: `clean` is set by a commit or rollback and cleared by
      the next statement, so the pool's reset on return skips a ROLLBACK round trip after a
      committed transaction (`_reset_if_used`).
    - Bound values are escaped in pure Python, ~50 values per archived message (its row, its parse
      result, its beatdown's attendance): strings, None and ints take a short path (quote_string
      above; short strings, mostly ids, ts and dates that recur, are escaped once per connection),
      anything else PyMySQL's own encoders. Bulk inserts build their VALUES lists here
      (`values_lists`), not through the cursor's executemany.
    """

    _default_ctx = None
    _ctx_lock = threading.Lock()
    clean = False  # no statement since the last commit or rollback

    def __init__(self, *args, **kwargs):
        self._literals: dict[str, str] = {}  # short strings already escaped (ids, ts, dates recur)
        super().__init__(*args, **kwargs)

    def query(self, sql, unbuffered=False):
        self.clean = False
        return super().query(sql, unbuffered)

    def commit(self):
        super().commit()
        self.clean = True

    def rollback(self):
        super().rollback()
        self.clean = True

    def _create_ssl_ctx(self, sslp):
        if sslp != {}:
            return super()._create_ssl_ctx(sslp)
        with self._ctx_lock:
            if _PyMySQLConnection._default_ctx is None:
                _PyMySQLConnection._default_ctx = super()._create_ssl_ctx({})
            return _PyMySQLConnection._default_ctx

    def _escape_string(self, s: str) -> str:  # PyMySQL's, for str subclasses
        if self.server_status & SERVER_STATUS_NO_BACKSLASH_ESCAPES:
            return s.replace("'", "''")
        return quote_string(s)[1:-1]

    def escape(self, obj, mapping=None) -> str:
        if obj.__class__ is str:
            if self.server_status & SERVER_STATUS_NO_BACKSLASH_ESCAPES:
                return "'" + obj.replace("'", "''") + "'"
            cache = self._literals
            lit = cache.get(obj)
            if lit is None:
                lit = quote_string(obj)
                if len(obj) <= 32:  # ids, ts, dates, pass ids; not content hashes or text
                    if len(cache) >= 50_000:
                        cache.clear()
                    cache[obj] = lit
            return lit
        if obj is None:
            return "NULL"
        if obj.__class__ is int:
            return str(obj)
        return super().escape(obj, mapping)

    def values_lists(self, rows: list[tuple], limit: int) -> list[str]:
        """The rows as multi-row VALUES lists, "(..),(..)", each at most `limit` bytes (or one row).

        What PyMySQL's executemany builds, without its per-row formatting and two method calls per
        value: ~40,000 rows and ~460,000 values per mine. A column at a time: the short strings
        (ids, dates, ts) are looked up in the cache at C speed, only the rest is escaped."""
        get, escape = self._literals.get, self.escape
        if self.server_status & SERVER_STATUS_NO_BACKSLASH_ESCAPES:
            get = {}.get  # the cache holds backslash-escaped literals
        columns = []
        for col in zip(*rows, strict=True):
            try:
                lits = list(map(get, col))  # only strings are keys: None, numbers, dates miss
            except TypeError:  # an unhashable value: escape() says what it makes of it
                lits = [None] * len(col)
            if None in lits:
                lits = [lit if lit is not None else escape(v) for lit, v in zip(lits, col, strict=True)]
            columns.append(lits)
        lists, part, size = [], [], 0
        for lits in zip(*columns, strict=True):
            s = "(" + ",".join(lits) + ")"
            n = len(s) if s.isascii() else len(s.encode("utf-8", "surrogateescape"))
            if part and size + n > limit:
                lists.append(",".join(part))
                part, size = [], 0
            part.append(s)
            size += n + 1
        if part:
            lists.append(",".join(part))
        return lists


def _connect_pymysql(dialect, conn_rec, cargs, cparams):
    return _PyMySQLConnection(*cargs, **cparams)


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
    text_ = SCHEMA_FILE.read_text(encoding="utf-8")
    parts = re.split(r"^-- schema: (\w+)\s*$", text_, flags=re.M)
    # "region" also takes every later "region_<feature>" section (scores, charts, ...)
    chosen = [body for name, body in zip(parts[1::2], parts[2::2], strict=True) if name == section or name.startswith(section + "_")]
    body = "\n".join(
        line for chunk in chosen for line in chunk.splitlines() if not line.lstrip().startswith("--")
    )
    if dialect == "sqlite":
        body = body.replace("AUTO_INCREMENT PRIMARY KEY", "PRIMARY KEY AUTOINCREMENT")
    return [s.strip() for s in body.split(";") if s.strip()]


class Database:
    """Hands out one engine per schema; creates schemas from schema.sql."""

    def __init__(self, db_url: str = "", data_dir: str = "data", control_schema: str = CONTROL_SCHEMA):
        self.db_url = db_url or ""
        self.control_schema = check_identifier(control_schema)
        self.data_dir = Path(data_dir)
        self._engines: dict[str, Engine] = {}
        self._ensured: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        if self.db_url:
            try:
                url = make_url(self.db_url)
            except ArgumentError:
                raise DatabaseError("database URL is not valid (expected mysql+pymysql://USER:PASSWORD@HOST:PORT/)") from None
            if not url.drivername.startswith(("mysql", "mariadb")):
                raise DatabaseError(f"unsupported database {url.drivername!r}: use mysql+pymysql:// or leave empty for SQLite")
            self._url = url
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
            self.data_dir.mkdir(parents=True, exist_ok=True)
            eng = create_engine(
                f"sqlite:///{self.data_dir / (schema + '.sqlite')}",
                hide_parameters=True,
                connect_args={"timeout": 60, "check_same_thread": False},
            )

            @event.listens_for(eng, "connect")
            def _pragmas(dbapi_conn, _record):
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA busy_timeout=60000")
                cur.close()

            return eng
        url = self._url.set(database=schema, query={**self._url.query, "charset": "utf8mb4"})
        return _mysql_engine(url, pool_recycle=1800)

    def server_engine(self) -> Engine:
        with self._lock:
            if "" not in self._engines:
                url = self._url.set(database=None, query={**self._url.query, "charset": "utf8mb4"})
                self._engines[""] = _mysql_engine(url)
            return self._engines[""]

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

    def create_schema(self, schema: str, section: str = "region") -> None:
        """Create the schema (database) if missing and apply its DDL; safe to rerun."""
        check_identifier(schema)
        try:
            if self.dialect == "mysql":
                with self.server_engine().begin() as conn:
                    conn.execute(text(f"CREATE DATABASE IF NOT EXISTS `{schema}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
            with self.engine(schema).begin() as conn:
                for stmt in load_ddl(section, self.dialect):
                    conn.execute(text(stmt))
        except DBAPIError as exc:
            raise DatabaseError(f"cannot create schema {schema}: {short_error(exc)}") from None

    def ensure_schema(self, schema: str, section: str = "region") -> None:
        """create_schema once per process (it is idempotent, this only saves the round trips)."""
        if (schema, section) not in self._ensured:
            self.create_schema(schema, section)
            self._ensured.add((schema, section))

    def drop_schema(self, schema: str) -> None:
        check_identifier(schema)
        self._ensured = {e for e in self._ensured if e[0] != schema}
        eng = self._engines.pop(schema, None)
        if eng is not None:
            eng.dispose()
        if self.dialect == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                p = self.data_dir / f"{schema}.sqlite{suffix}"
                if p.exists():
                    p.unlink()
        else:
            with self.server_engine().begin() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{schema}`"))

    def dispose(self, close: bool = True) -> None:
        """Drop every engine; close=False (in a forked child) leaves the parent's connections alone."""
        with self._lock:
            for eng in self._engines.values():
                eng.dispose(close=close)
            self._engines.clear()


PING_AFTER_IDLE = 2.0  # seconds a pooled connection may sit unused before it is checked on checkout


def _mysql_engine(url, **kw) -> Engine:
    # READ COMMITTED: no gap locks, so miners writing different channels of one table side by
    # side do not block each other at the edges of their key ranges
    eng = create_engine(url, hide_parameters=True, isolation_level="READ COMMITTED", pool_reset_on_return=None, **kw)
    if url.drivername.endswith("pymysql"):
        event.listen(eng, "do_connect", _connect_pymysql)
    event.listen(eng, "reset", _reset_if_used)
    event.listen(eng, "connect", _mark_used)
    event.listen(eng, "checkout", _ping_if_idle)
    event.listen(eng, "checkin", _mark_used)
    return eng


def _ping_if_idle(dbapi_conn, record, _proxy) -> None:
    """pool_pre_ping, but only for a connection idle a while (a server restart or timeout shows
    there); one in steady use is not pinged before every transaction (a round trip each)."""
    if time.monotonic() - record.info.get("used", 0.0) < PING_AFTER_IDLE:
        return
    try:
        dbapi_conn.ping(reconnect=False)
    except Exception:  # noqa: BLE001 - the pool replaces it with a fresh connection
        raise DisconnectionError() from None


def _reset_if_used(dbapi_conn, _record, state) -> None:
    """The pool's rollback on return (pool_reset_on_return=None hands it to us), skipped when it
    would be a round trip for nothing: the Connection just ended its transaction, or no statement
    ran since the last commit (our PyMySQL connection knows; any other driver is rolled back)."""
    if not state.transaction_was_reset and not getattr(dbapi_conn, "clean", False):
        dbapi_conn.rollback()


def _mark_used(_dbapi_conn, record) -> None:
    if record is not None:
        record.info["used"] = time.monotonic()


RETRY_CODES = {1205, 1213, 2006, 2013}  # MySQL: lock wait timeout, deadlock, connection lost (rolled back)


def in_transaction(eng: Engine, fn, attempts: int = 6):
    """fn(conn) in one transaction. When the database rolls it back because of a concurrent writer
    (a MySQL deadlock, SQLite's "database is locked"), it runs again: fn must be safe to repeat."""
    for attempt in range(attempts):
        try:
            with eng.begin() as conn:
                return fn(conn)
        except OperationalError as exc:
            code = (getattr(exc.orig, "args", None) or (None,))[0]
            if attempt == attempts - 1 or not (code in RETRY_CODES or "database is locked" in str(exc.orig)):
                raise
            time.sleep(0.02 * 2 ** attempt * random.uniform(0.5, 1.5))


def short_error(exc: BaseException) -> str:
    """First line of a DB-API error, without SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", ())
    if len(args) >= 2 and isinstance(args[0], int):
        return f"{args[1]} (error {args[0]})"
    return str(orig).splitlines()[0][:300]


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
    raw = conn.connection.dbapi_connection if mysql else None
    if isinstance(raw, _PyMySQLConnection):  # literal VALUES lists built here: no parameters to format
        head, _, tail = sql.partition(" VALUES (")
        tail = tail.partition(")")[2]
        try:
            for lst in raw.values_lists(values, MAX_STATEMENT - len(head) - len(tail) - 8):
                conn.exec_driver_sql(f"{head} VALUES {lst}{tail}", execution_options=_NO_PARAMETERS)
        except DBAPIError as exc:
            exc.statement = sql  # an error shows the statement with placeholders: no values (a token, an email)
            raise
    else:
        conn.exec_driver_sql(sql, values)
    return len(rows)


_NO_PARAMETERS = {"no_parameters": True}  # the statement goes to cursor.execute as it is (a % in it stays)


def delete_keys(conn: Connection, table: str, keys: list[str], rows: list[dict]) -> None:
    """Delete the rows whose key columns match any of `rows` (executemany)."""
    if not rows:
        return
    where = " AND ".join(f"{q(k)} = :{k}" for k in keys)
    conn.execute(text(f"DELETE FROM {q(table)} WHERE {where}"), [{k: r[k] for k in keys} for r in rows])


