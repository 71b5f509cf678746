"""user-lister: Slack users -> `users` (profile changes and deactivations kept current)."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from sqlalchemy import text

from miner.app import App
from miner.core.clean import BadItems, encodable
from miner.core.db import ensure_tables, upsert
from miner.core.registry import Region

APP_IDS = {"USLACKBOT"}

log = logging.getLogger("miner.listers.users")


def valid_id(value) -> bool:
    """A Slack ID that fits its column (VARCHAR(45)) as it is."""
    return isinstance(value, str) and 0 < len(value) <= 45 and encodable(value)


def build_user_row(member: dict, today: str, bad: BadItems | None = None) -> dict:
    """A `users` row; values longer than their column are cut (noted in `bad`; users.json keeps all)."""
    bad = bad if bad is not None else BadItems("users")
    uid = member["id"]
    profile = member.get("profile") if isinstance(member.get("profile"), dict) else {}
    real = str(profile.get("real_name") or member.get("real_name") or "").strip()
    display = str(profile.get("display_name") or "").strip()
    return {
        "user_id": uid,
        "user_name": bad.fit(uid, "user_name", display or real or member.get("name") or uid, 100),
        "real_name": bad.fit(uid, "real_name", real, 100) or None,
        "phone": bad.fit(uid, "phone", profile.get("phone") or None, 100),
        "email": bad.fit(uid, "email", profile.get("email") or None, 100),
        "start_date": today,
        "app": int(bool(member.get("is_bot") or member.get("is_app_user") or member["id"] in APP_IDS)),
        "deleted": int(bool(member.get("deleted"))),
        "json": json.dumps(member, sort_keys=True, separators=(",", ":")),
    }


def save_user_rows(conn, rows: list[dict]) -> None:
    """users rows from build_user_row; start_date is set once, on first sight, and never clobbered."""
    upsert(conn, "users", rows, ["user_id"], update=["user_name", "real_name", "phone", "email", "app", "deleted", "json"])


def list_users(app: App, region: Region) -> dict:
    slack = app.slack(region)
    today = datetime.now(timezone.utc).date().isoformat()
    log.info("%s: listing users from Slack", region)
    bad = BadItems("users")
    rows = []
    for m in slack.fetch_users():
        if not isinstance(m, dict) or not valid_id(m.get("id")):
            bad.note(str(m.get("id") if isinstance(m, dict) else m)[:100], "user_id", "rejected",
                     "not a Slack user ID that fits (45 characters)", m)
            continue
        rows.append(build_user_row(m, today, bad))
    log.info("%s: %d users listed", region, len(rows))
    eng = app.db.engine(region.schema_name)
    ensure_tables(eng, "bad_items")
    with eng.connect() as conn:
        old = {r.user_id: r for r in conn.execute(text("SELECT user_id, json, deleted FROM users"))}
    new = [r for r in rows if r["user_id"] not in old]
    changed = [r for r in rows if r["user_id"] in old and old[r["user_id"]].json != r["json"]]
    deactivated = sum(1 for r in changed if r["deleted"] and not old[r["user_id"]].deleted)
    with eng.begin() as conn:
        save_user_rows(conn, new + changed)
        bad.save(conn)
    return {**bad.counts(), "bad": bad.reasons(),
        "users": len(rows), "new": len(new), "changed": len(changed) - 0, "deactivated": deactivated,
        "apps": sum(r["app"] for r in rows), "api_calls": sum(slack.calls.values()),
    }
