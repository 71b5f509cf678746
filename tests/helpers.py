"""Helpers shared by the test files: drive the real CLI against a test App, read rows back."""

from __future__ import annotations

import os
import signal
import time

from click.testing import CliRunner
from sqlalchemy import text

from miner.cli.main import main


def run_cli(app, *args, env=None):
    """`paxminer ARGS` in-process, on the test App's database, control schema and fake Slack."""
    s = app.settings
    environ = {"PAXMINER_DATA_DIR": s.data_dir, "PAXMINER_CONTROL_SCHEMA": s.control_schema,
               "SLACK_API_URL": s.slack_api_url,
               "PAXMINER_RATE_WINDOW_S": str(s.rate_window_s), "PAXMINER_CONFIG": None, "PAXMINER_DB_URL": None, **(env or {})}
    argv = (["--db-url", s.db_url] if s.db_url else []) + list(args)
    return CliRunner().invoke(main, argv, env=environ, catch_exceptions=False)


def cli_env(app, **extra) -> dict:
    """The environment of a `paxminer` subprocess on the test App's data folder, control schema and
    pace (none of the caller's own PAXMINER_ settings)."""
    s = app.settings
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAXMINER_") and k != "SLACK_API_URL"}
    env.update(PAXMINER_DATA_DIR=s.data_dir, PAXMINER_CONTROL_SCHEMA=s.control_schema,
               PAXMINER_RATE_WINDOW_S=str(s.rate_window_s))
    env.update(extra)
    return env


def interrupt_when(proc, ready, group: bool = False) -> tuple[str, str, float]:
    """Ctrl-C to `proc` once ready() (or after a minute); its stdout, stderr and seconds to exit.
    group: to its whole process group, as a terminal does."""
    deadline = time.monotonic() + 60
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.05)
    t0 = time.monotonic()
    if group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return out, err, time.monotonic() - t0


def rows(app, schema, sql, **params) -> list[tuple]:
    """Rows as tuples of strings (None stays None), so SQLite and MariaDB compare equal."""
    with app.db.engine(schema).connect() as conn:
        return [tuple(None if v is None else str(v) for v in row) for row in conn.execute(text(sql), params)]


def attendance_by_beatdown(app, schema) -> dict:
    """(AO, date, Q) -> set of user ids in bd_attendance."""
    got: dict = {}
    for ao, d, q, u in rows(app, schema, "SELECT ao_id, date, q_user_id, user_id FROM bd_attendance"):
        got.setdefault((ao, d[:10], q), set()).add(u)
    return got


def truth_of(ws, skip=lambda t: False) -> dict:
    """Ground truth: (AO, date, Q) -> (tagged PAX and Co-Qs, user IDs an FNG's name may match)."""
    names = {}
    for uid, u in ws.users.items():
        for n in (u["profile"].get("display_name"), u["profile"].get("real_name")):
            if n:
                names.setdefault(n, uid)
    return {(t["ao_id"], t["date"], t["q"]): (set(t["pax"]) | set(t["coqs"]), {names.get(n) for n in t["fng_names"]})
            for t in ws.truth if not skip(t)}


def check_truth(got: dict, ws, skip=lambda t: False) -> None:
    truth = truth_of(ws, skip)
    assert set(got) == set(truth), (set(got) ^ set(truth))
    for k, (pax, fng_ids) in truth.items():
        assert pax <= got[k] and got[k] - pax <= fng_ids, (k, got[k], pax)


def feedback_region(app, fake_slack, token: str, ao: str):
    """Region `fb` on the fake Slack: three PAX (U1 Sasquatch, U2 Tin Man, U3 Gumby) and one AO channel."""
    app.settings.slack_api_url = fake_slack.base_url
    w = fake_slack.add_workspace(token=token)
    for uid, name in [("U1", "Sasquatch"), ("U2", "Tin Man"), ("U3", "Gumby")]:
        w.add_user(uid, name.lower(), real_name=name, display_name=name)
    w.add_channel(ao, "ao-the-forge")
    w.schema = "fb_" + app.db.control_schema[-8:]
    assert run_cli(app, "region", "add", "fb", "--schema", w.schema, "--token", token).exit_code == 0
    return w


def parse_on(ctx, text: str, day: str, user: str = "U1"):
    """Parse a plain-text post by `user` at 14:00 UTC on `day` in the context `ctx`."""
    import datetime as dt

    from miner.backblasts.parse import parse_message

    d = dt.date.fromisoformat(day)
    ts = dt.datetime(d.year, d.month, d.day, 14, 0, tzinfo=dt.timezone.utc).timestamp()
    return parse_message({"type": "message", "user": user, "ts": f"{ts:.6f}", "text": text}, ctx)
