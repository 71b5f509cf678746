"""user-lister: Slack users -> `users` (profile changes and deactivations kept current)."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from sqlalchemy import text

from miner.app import App
from miner.core.db import upsert
from miner.core.registry import Region

APP_IDS = {"USLACKBOT"}

log = logging.getLogger("miner.listers.users")


def build_user_row(member: dict, today: str) -> dict:
    profile = member.get("profile") or {}
    real = (profile.get("real_name") or member.get("real_name") or "").strip()
    display = (profile.get("display_name") or "").strip()
    return {
        "user_id": member["id"],
        "user_name": (display or real or member.get("name") or member["id"])[:100],
        "real_name": real[:100] or None,
        "phone": (profile.get("phone") or None),
        "email": (profile.get("email") or None),
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
    rows = [build_user_row(m, today) for m in slack.fetch_users()]
    log.info("%s: %d users listed", region, len(rows))
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        old = {r.user_id: r for r in conn.execute(text("SELECT user_id, json, deleted FROM users"))}
    new = [r for r in rows if r["user_id"] not in old]
    changed = [r for r in rows if r["user_id"] in old and old[r["user_id"]].json != r["json"]]
    deactivated = sum(1 for r in changed if r["deleted"] and not old[r["user_id"]].deleted)
    with eng.begin() as conn:
        save_user_rows(conn, new + changed)
    return {
        "users": len(rows), "new": len(new), "changed": len(changed) - 0, "deactivated": deactivated,
        "apps": sum(r["app"] for r in rows), "api_calls": sum(slack.calls.values()),
    }
