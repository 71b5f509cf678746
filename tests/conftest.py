"""Shared fixtures: every DB test runs on SQLite and on the MariaDB of this machine.

MariaDB: $PAXMINER_TEST_MYSQL_URL (default mysql+pymysql://root:@127.0.0.1:3306/). Each test gets
its own control schema and region schemas (unique names), dropped afterwards. If MariaDB is not
reachable, its half of the suite fails under CI and is skipped loudly elsewhere.
"""

from __future__ import annotations

import os
import uuid
import warnings

import pytest
from sqlalchemy import create_engine, text

from miner.app import App
from miner.core.config import Settings

MYSQL_URL = os.environ.get("PAXMINER_TEST_MYSQL_URL", "mysql+pymysql://root:@127.0.0.1:3306/")
_mysql_ok: bool | None = None
# Slack's rate window in tests that are not about rate limits: the pace is kept, a minute lasts 2 ms
# (tests/test_rate_limits.py runs a fake Slack enforcing the limits on a longer scaled-down minute)
FAST_WINDOW = 0.002


def mysql_available() -> bool:
    global _mysql_ok
    if _mysql_ok is None:
        try:
            eng = create_engine(MYSQL_URL, connect_args={"connect_timeout": 3})
            with eng.connect() as conn:
                conn.execute(text("SELECT 1"))
            eng.dispose()
            _mysql_ok = True
        except Exception:  # noqa: BLE001
            _mysql_ok = False
    return _mysql_ok


def require_mysql() -> None:
    if mysql_available():
        return
    msg = f"MariaDB NOT REACHABLE at {MYSQL_URL.split('@')[-1]}: the MariaDB half of the suite did not run"
    if os.environ.get("CI"):
        pytest.fail(msg)
    warnings.warn(msg, stacklevel=2)
    pytest.skip(msg)


def unique(prefix: str = "t") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


# for a test of something only a MySQL/MariaDB server has: it runs once, on MariaDB (not skipped on SQLite)
MARIADB_ONLY = pytest.mark.parametrize("backend", ["mariadb"], indirect=True)


@pytest.fixture(params=["sqlite", "mariadb"])
def backend(request) -> str:
    if request.param == "mariadb":
        require_mysql()
    return request.param


@pytest.fixture
def settings(backend, tmp_path) -> Settings:
    return Settings(
        db_url=MYSQL_URL if backend == "mariadb" else "",
        data_dir=str(tmp_path / "data"),
        control_schema=unique("pmctl"),
        slack_api_url="http://127.0.0.1:9/api/",
        rate_window_s=FAST_WINDOW,
    )


@pytest.fixture
def app(settings):
    """An App on a fresh control schema; every schema it created is dropped afterwards."""
    a = App(settings)
    yield a
    _drop_all(a)


def _drop_all(a: App) -> None:
    from miner.core.registry import list_regions

    try:
        schemas = [r.schema_name for r in list_regions(a.db)]
    except Exception:  # noqa: BLE001
        schemas = []
    for name in schemas + [a.db.control_schema]:
        try:
            a.db.drop_schema(name)
        except Exception:  # noqa: BLE001
            pass
    a.db.dispose()


@pytest.fixture
def region_schema(app) -> str:
    """A bare region schema (no registry row) for tests that insert fixture rows directly."""
    name = unique("pmreg")
    app.db.create_schema(name, "region")
    yield name
    app.db.drop_schema(name)


@pytest.fixture
def fake_slack():
    from tests.fakeslack.server import FakeSlack

    fs = FakeSlack()
    fs.start()
    yield fs
    fs.stop()
