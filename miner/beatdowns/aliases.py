"""A region's alias list: names Qs write for a PAX that are not his Slack name ("Basic", "Doc H").

Admins edit it with `paxminer alias add|list|remove`; the beatdown builder hands it to the parser
(`Context.aliases`). A change marks the region's backblasts to be read again, so the next `mine` (or
a `reparse` at once) applies it.
"""

from __future__ import annotations

import re

from sqlalchemy import text

from miner.app import App
from miner.backblasts.parse import alias_key
from miner.core.db import has_table, utcnow
from miner.core.errors import PaxminerError
from miner.core.registry import Region

TABLE = "pax_aliases"
_ID_RE = re.compile(r"^<?@?([UW][A-Z0-9]+)(?:\|[^>]*)?>?$")
LIVE = ("ok", "duplicate", "problem", "pending")


class AliasError(PaxminerError):
    """An alias that cannot be added or removed as asked (unknown or ambiguous user, unknown alias)."""


def load_aliases(conn) -> dict[str, str]:
    """alias key -> user id, for Context.aliases; {} for a schema created before the table existed."""
    if not has_table(conn, TABLE):
        return {}
    return {r.alias: r.user_id for r in conn.execute(text(f"SELECT alias, user_id FROM {TABLE}"))}


def _users(conn) -> dict[str, dict]:
    return {r.user_id: {"user_name": r.user_name or "", "real_name": r.real_name or "", "app": r.app}
            for r in conn.execute(text("SELECT user_id, user_name, real_name, app FROM users"))}


def _label(uid: str, info: dict) -> str:
    return f"{uid} ({info['user_name'] or info['real_name'] or '?'})"


def resolve_user(users: dict[str, dict], who: str) -> str:
    """A user given as an ID (U0123, <@U0123>), @display-name, or display / real name -> user ID.
    Refuses names that fit nobody or more than one person."""
    who = who.strip()
    m = _ID_RE.match(who)
    if m and m.group(1) in users:
        uid = m.group(1)
    else:
        key = alias_key(who)
        hits = sorted(u for u, info in users.items()
                      if key and key in (alias_key(info["user_name"]), alias_key(info["real_name"])))
        people = [u for u in hits if not users[u]["app"]]
        if len(people) > 1:
            raise AliasError(f"'{who}' fits more than one user: {', '.join(_label(u, users[u]) for u in people)}; "
                             "give the user ID")
        if not people:
            if hits:
                raise AliasError(f"'{who}' is an app ({_label(hits[0], users[hits[0]])}), not a PAX")
            raise AliasError(f"no user '{who}' in the region (IDs and names from `paxminer users`)")
        uid = people[0]
    if users[uid]["app"]:
        raise AliasError(f"{_label(uid, users[uid])} is an app, not a PAX")
    return uid


def _mark_backblasts_dirty(conn) -> int:
    """Every post parsed as a backblast is read again by the next build (mine or reparse)."""
    marks = ", ".join(f"'{s}'" for s in LIVE)
    return conn.execute(text(
        "UPDATE messages SET dirty = 1 WHERE dirty = 0 AND EXISTS (SELECT 1 FROM parse_results p WHERE "
        f"p.channel_id = messages.channel_id AND p.ts = messages.ts AND p.status IN ({marks}))")).rowcount or 0


def add_alias(app: App, region: Region, alias: str, who: str) -> dict:
    """Add (or repoint) an alias. -> {alias, user_id, user_name, previous, marked}"""
    key = alias_key(alias)
    if not key:
        raise AliasError(f"'{alias}' is not a name")
    app.db.ensure_schema(region.schema_name)  # a region created before the alias table existed gets it
    with app.db.engine(region.schema_name).begin() as conn:
        users = _users(conn)
        uid = resolve_user(users, who)
        owners = [u for u, info in users.items() if not info["app"]
                  and key in (alias_key(info["user_name"]), alias_key(info["real_name"]))]
        if len(owners) == 1 and owners[0] != uid:  # a unique name is always that user's: the alias would never apply
            raise AliasError(f"'{alias}' is the name of {_label(owners[0], users[owners[0]])}; an alias cannot take it")
        prev = conn.execute(text(f"SELECT user_id FROM {TABLE} WHERE alias = :a"), {"a": key}).scalar()
        if prev is None:
            conn.execute(text(f"INSERT INTO {TABLE} (alias, written, user_id, added_at) VALUES (:a, :w, :u, :t)"),
                         {"a": key, "w": alias.strip()[:100], "u": uid, "t": utcnow()})
        else:
            conn.execute(text(f"UPDATE {TABLE} SET written = :w, user_id = :u, added_at = :t WHERE alias = :a"),
                         {"a": key, "w": alias.strip()[:100], "u": uid, "t": utcnow()})
        marked = _mark_backblasts_dirty(conn) if prev != uid else 0
    return {"alias": key, "user_id": uid, "user_name": users[uid]["user_name"] or users[uid]["real_name"],
            "previous": prev, "marked": marked}


def remove_alias(app: App, region: Region, alias: str) -> dict:
    """Remove an alias. -> {alias, user_id, marked}"""
    key = alias_key(alias)
    app.db.ensure_schema(region.schema_name)
    with app.db.engine(region.schema_name).begin() as conn:
        uid = conn.execute(text(f"SELECT user_id FROM {TABLE} WHERE alias = :a"), {"a": key}).scalar()
        if uid is None:
            raise AliasError(f"no alias '{alias}' in {region} (see `paxminer alias list --region {region}`)")
        conn.execute(text(f"DELETE FROM {TABLE} WHERE alias = :a"), {"a": key})
        marked = _mark_backblasts_dirty(conn)
    return {"alias": key, "user_id": uid, "marked": marked}


def list_aliases(app: App, region: Region) -> list[dict]:
    """Every alias with its user's current names, alphabetical."""
    with app.db.engine(region.schema_name).connect() as conn:
        if not has_table(conn, TABLE):
            return []
        return [dict(r) for r in conn.execute(text(
            f"SELECT a.alias, a.written, a.user_id, u.user_name, u.real_name, a.added_at FROM {TABLE} a "
            "LEFT JOIN users u ON u.user_id = a.user_id ORDER BY a.alias")).mappings()]
