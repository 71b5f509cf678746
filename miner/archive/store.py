"""The raw archive: every message as Slack last showed it, keyed by (channel, ts).

A row is `dirty` when it is new or its content changed (text, blocks, metadata, edit, subtype);
the beatdown builder parses dirty rows and clears the flag, so a crash never loses a reparse.
Reactions and reply counts are kept current without making a row dirty.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from miner.core.clean import BadItems, clean_text, depth, encodable, is_ts, safe_dump, scrub
from miner.core.db import upsert, utcnow

COLUMNS = [
    "channel_id", "ts", "thread_ts", "user_id", "bot_id", "username", "subtype", "text", "blocks",
    "metadata", "files", "reactions", "attachments", "file_count", "reaction_count", "edited_ts", "reply_count",
    "latest_reply", "content_hash", "deleted", "dirty", "pass_id", "source", "first_seen", "updated_at",
]


DEFAULTS = {"file_count": 0, "reaction_count": 0, "reply_count": 0, "deleted": 0, "dirty": 1, "source": "api"}  # as schema.sql; others NULL
UPDATED = [c for c in COLUMNS if c not in ("channel_id", "ts", "first_seen")]  # what a stored row takes from Slack

# A person talking: a plain message or one of these subtypes (joins, topic changes and bot posts are not).
SPOKEN_SUBTYPES = ("thread_broadcast", "file_share", "me_message")


def spoken_sql(column: str = "subtype") -> str:
    """SQL condition on a messages column: the message is a person talking (built from constants)."""
    return f"({column} IS NULL OR {column} IN ({', '.join(repr(s) for s in SPOKEN_SUBTYPES)}))"


UNKNOWN = object()  # save_messages(newest=...): the caller does not know the channel's newest ts

# built once: json.dumps with any option builds a new encoder per call (same output either way)
_COMPACT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_SORTED = json.JSONEncoder(sort_keys=True, default=str).encode


def _dump(value) -> str | None:
    return _COMPACT(value) if value else None


def content_hash(msg: dict) -> str:
    parts = (msg.get("text") or "", msg.get("blocks"), msg.get("metadata"), (msg.get("edited") or {}).get("ts"),
             msg.get("subtype"), msg.get("user"), msg.get("thread_ts"))
    if msg.get("attachments"):  # old bot posts carry their content here (the hash of others is unchanged)
        parts += (msg["attachments"],)
    return hashlib.sha1(_SORTED(parts).encode()).hexdigest()


def message_files(msg: dict) -> list:
    """A message's files: `files`, or the single `file` object of older messages and exports."""
    files = msg.get("files") or ([msg["file"]] if isinstance(msg.get("file"), dict) else [])
    return [f for f in files if isinstance(f, dict)]


def build_row(channel_id: str, msg: dict, pass_id: str | None, source: str, now: str) -> dict:
    files = [{"id": f.get("id"), "name": f.get("name"), "mimetype": f.get("mimetype")} for f in message_files(msg)]
    reactions = msg.get("reactions") or []
    return {
        "channel_id": channel_id,
        "ts": msg["ts"],
        "thread_ts": msg.get("thread_ts"),
        "user_id": msg.get("user"),
        "bot_id": msg.get("bot_id"),
        "username": (msg.get("username") or None) and msg["username"][:255],
        "subtype": msg.get("subtype"),
        "text": msg.get("text") or "",
        "blocks": _dump(msg.get("blocks")),
        "metadata": _dump(msg.get("metadata")),
        "files": _dump(files),
        "reactions": _dump(reactions),
        "attachments": _dump(msg.get("attachments")),
        "file_count": len(files),
        "reaction_count": sum(int(r.get("count") or 0) for r in reactions),
        "edited_ts": (msg.get("edited") or {}).get("ts"),
        "reply_count": int(msg.get("reply_count") or 0),
        "latest_reply": msg.get("latest_reply"),
        "content_hash": content_hash(msg),
        "deleted": 0,
        "dirty": 1,
        "pass_id": pass_id,
        "source": source,
        "first_seen": now,
        "updated_at": now,
    }


def message_view(row: dict, blocks, metadata) -> dict:
    """The Slack message shape the parser reads, from an archive row (blocks and metadata decoded)."""
    msg = {"type": "message", "ts": row["ts"], "text": row["text"] or ""}
    for col, key in (("thread_ts", "thread_ts"), ("user_id", "user"), ("bot_id", "bot_id"),
                     ("username", "username"), ("subtype", "subtype")):
        if row[col]:
            msg[key] = row[col]
    if blocks:
        msg["blocks"] = blocks
    if metadata:
        msg["metadata"] = metadata
    if row["edited_ts"]:
        msg["edited"] = {"ts": row["edited_ts"]}
    return msg


def to_message(row) -> dict:
    """An archive row read back from the database -> what the parser reads."""
    return message_view(row, json.loads(row["blocks"]) if row["blocks"] else None,
                        json.loads(row["metadata"]) if row["metadata"] else None)


# What a row of `messages` can hold; a message over these is stored cut down (noted in bad_items).
TEXT_MAX = 500_000  # characters of text (Slack's own limit is 40,000)
JSON_MAX = 500_000  # characters of blocks, metadata, files or reactions JSON: larger ones are dropped
DEPTH_MAX = 64  # lists and dicts nested deeper than this in blocks or metadata: dropped
WIDTHS = {"thread_ts": 32, "user_id": 45, "bot_id": 45, "username": 255, "subtype": 64, "edited_ts": 32,
          "latest_reply": 32}
TS_COLUMNS = ("thread_ts", "edited_ts", "latest_reply")
JSON_COLUMNS = ("blocks", "metadata", "files", "reactions")
BAD_COUNTS = ("cleaned", "truncated", "dropped", "rejected")


def row_fits(row: dict) -> bool:
    """The quick check every row passes through: sizes, widths, timestamps, valid UTF-8."""
    for col, width in WIDTHS.items():
        v = row[col]
        if v is not None and (not isinstance(v, str) or len(v) > width or not encodable(v)):
            return False
    for col in TS_COLUMNS:
        if row[col] is not None and not is_ts(row[col]):
            return False
    t = row["text"]
    if not isinstance(t, str) or len(t) > TEXT_MAX or not encodable(t):
        return False
    for col in JSON_COLUMNS:
        v = row[col]
        if v is not None and (len(v) > JSON_MAX or not encodable(v)
                              or (v.count("[") + v.count("{") > DEPTH_MAX and depth(json.loads(v), DEPTH_MAX) > DEPTH_MAX)):
            return False
    return True


def repaired(channel_id: str, msg: dict, bad: BadItems) -> dict:
    """A copy of a message that failed row_fits, cut down to what a row holds; each change noted."""
    key = f"{channel_id}:{msg['ts']}"
    m = dict(msg)
    text_ = m.get("text")
    if text_ is not None and not isinstance(text_, str):
        text_ = str(text_)
    m["text"] = bad.fit(key, "text", text_ or "", TEXT_MAX)
    for field, width in (("user", 45), ("bot_id", 45), ("username", 255), ("subtype", 64)):
        if m.get(field) is not None:
            m[field] = bad.fit(key, field, m[field], width)
    for field in ("thread_ts", "latest_reply"):
        if m.get(field) is not None and not is_ts(m[field]):
            bad.note(key, field, "dropped", "not a Slack timestamp", m.pop(field))
    edited = m.get("edited")
    if edited is not None and not (isinstance(edited, dict) and (edited.get("ts") is None or is_ts(edited["ts"]))):
        bad.note(key, "edited", "dropped", "not an edit with a Slack timestamp", m.pop("edited"))
    try:
        m["reply_count"] = int(m.get("reply_count") or 0)
    except (TypeError, ValueError):
        bad.note(key, "reply_count", "dropped", "not a number", m.pop("reply_count"))
    for field, kind in (("blocks", list), ("metadata", dict), ("files", list), ("reactions", list)):
        v = m.get(field)
        if v is None:
            continue
        if not isinstance(v, kind) or (field in ("files", "reactions") and not all(isinstance(x, dict) for x in v)):
            bad.note(key, field, "dropped", f"not a JSON {kind.__name__} of the expected shape", v)
            m.pop(field)
            continue
        deep = depth(v, DEPTH_MAX)
        if deep > DEPTH_MAX:
            bad.note(key, field, "dropped", f"nested more than {DEPTH_MAX} deep", None)
            m.pop(field)
            continue
        size = len(safe_dump(v))
        if size > JSON_MAX:
            bad.note(key, field, "dropped", f"{size} characters of JSON, over {JSON_MAX}", None)
            m.pop(field)
            continue
        clean = scrub(v)
        if safe_dump(clean) != safe_dump(v):
            bad.note(key, field, "cleaned", "text that is not valid UTF-8 (lone surrogates)", None)
        m[field] = clean
    return m


def checked_row(channel_id: str, msg: dict, pass_id, source: str, now: str, bad: BadItems) -> tuple[dict, dict] | None:
    """(row, message) as stored: the message as it came, or repaired; None if it cannot be stored
    at all (noted as rejected): a ts that is not a Slack timestamp never reaches the archive."""
    ts = msg.get("ts")
    if not is_ts(ts):
        bad.note(f"{channel_id}:{clean_text(str(ts))[:100]}", "ts", "rejected", "not a Slack timestamp", msg)
        return None
    try:
        row = build_row(channel_id, msg, pass_id, source, now)
        if row_fits(row):
            return row, msg
    except (RecursionError, ValueError, TypeError, AttributeError, KeyError):
        pass
    try:
        m = repaired(channel_id, msg, bad)
        row = build_row(channel_id, m, pass_id, source, now)
        if row_fits(row):
            return row, m
        reason = "still too large or malformed after repair"
    except (RecursionError, ValueError, TypeError, AttributeError, KeyError) as exc:
        reason = f"cannot be read: {type(exc).__name__}"
    bad.note(f"{channel_id}:{ts}", "message", "rejected", reason, msg)
    return None


def save_messages(conn: Connection, channel_id: str, messages: list[dict], pass_id: str | None = None,
                  source: str = "api", prefer_existing: bool = False, on_new=None, newest=UNKNOWN) -> dict:
    """Upsert one page of messages; returns counts of new and changed (dirty) rows.

    prefer_existing: an export import never overwrites what the API already stored (the API's state is newer).
    on_new(conn, [(row, message)]): called in the same transaction for rows never seen before, with
    the message as Slack sent it; it may parse them at once and clear their `dirty` flag.
    newest: the channel's newest archived ts, if the caller knows it (None: nothing archived); a page
    entirely newer than it is known to be new, so the archive is not asked.
    """
    counts = {"messages": len(messages), "new": 0, "changed": 0, **dict.fromkeys(BAD_COUNTS, 0)}
    if not messages:
        return counts
    now = utcnow()
    bad = BadItems("messages")
    rows, by_ts = {}, {}
    for m in messages:
        if not m.get("ts"):
            continue
        got = checked_row(channel_id, m, pass_id, source, now, bad)
        if got is not None:
            rows[got[0]["ts"]], by_ts[got[0]["ts"]] = got
    if bad.items:
        bad.save(conn)
        counts.update(bad.counts())
        counts["bad"] = bad.reasons(5)
    known_new = not rows or newest is None or (newest is not UNKNOWN and min(rows) > newest)  # ts strings sort as numbers
    old = {} if known_new else {
        r.ts: r for r in conn.execute(
            text("SELECT ts, content_hash, deleted, dirty, first_seen, source FROM messages "
                 "WHERE channel_id = :c AND ts IN :ts").bindparams(bindparam("ts", expanding=True)),
            {"c": channel_id, "ts": list(rows)},
        )
    }
    out, new = [], []
    for ts, row in rows.items():
        prev = old.get(ts)
        if prev is None:
            counts["new"] += 1
            new.append(row)
        else:
            if prefer_existing and prev.source == "api":
                continue
            row["first_seen"] = prev.first_seen
            same = prev.content_hash == row["content_hash"] and not prev.deleted
            row["dirty"] = prev.dirty if same else 1
            counts["changed"] += 0 if same else 1
        out.append(row)
    if on_new is not None and new:
        counts.update(on_new(conn, [(row, by_ts[row["ts"]]) for row in new]) or {})
    if known_new:  # only the columns some row sets: fewer values to escape, send and parse
        cols = [c for c in COLUMNS if any(r[c] != DEFAULTS.get(c) for r in out)]
        upsert(conn, "messages", out, ["channel_id", "ts"], update=[c for c in UPDATED if c in cols], columns=cols)
    else:
        upsert(conn, "messages", out, ["channel_id", "ts"], update=UPDATED)
    return counts


def mark_missing_deleted(conn: Connection, channel_id: str, oldest: str, pass_id: str, latest: str | None = None) -> int:
    """Top-level messages in the window (from `oldest`, up to `latest` if given) that this pass did
    not see are gone from Slack (imported ones too: a pass that covered them and did not see them proves it)."""
    res = conn.execute(text(
        "UPDATE messages SET deleted = 1, dirty = 1, updated_at = :now "
        "WHERE channel_id = :c AND ts >= :oldest AND ts <= :latest AND deleted = 0 "
        "AND (thread_ts IS NULL OR thread_ts = ts OR subtype = 'thread_broadcast') "
        "AND (pass_id IS NULL OR pass_id <> :p)"
    ), {"c": channel_id, "oldest": oldest, "latest": latest or "9999999999.999999", "p": pass_id, "now": utcnow()})
    gone = res.rowcount or 0
    if gone:  # replies of a vanished parent go with it
        conn.execute(text(
            "UPDATE messages SET deleted = 1, dirty = 1, updated_at = :now WHERE channel_id = :c AND deleted = 0 "
            "AND thread_ts IS NOT NULL AND thread_ts <> ts AND thread_ts IN "
            "(SELECT ts FROM (SELECT ts FROM messages WHERE channel_id = :c AND deleted = 1 AND ts >= :oldest) AS gone)"
        ), {"c": channel_id, "oldest": oldest, "now": utcnow()})
    return gone


def thread_state(reply_count: int, latest_reply: str | None) -> str:
    return f"{reply_count}:{latest_reply or ''}"


def threads_to_sync(conn: Connection, channel_id: str, oldest: str) -> list[dict]:
    """Parents whose reply count or latest reply changed since their thread was last read."""
    rows = conn.execute(text(
        "SELECT ts, reply_count, latest_reply, replies_seen FROM messages WHERE channel_id = :c AND ts >= :oldest "
        "AND deleted = 0 AND (reply_count > 0 OR replies_seen IS NOT NULL)"
    ), {"c": channel_id, "oldest": oldest}).mappings()
    return [dict(r) for r in rows if r["replies_seen"] != thread_state(r["reply_count"], r["latest_reply"])]


def save_threads(conn: Connection, channel_id: str, threads: list[tuple[dict, list[dict]]], source: str = "api",
                 on_new=None, stored: set | None = None) -> dict:
    """Store a batch of threads (parent, its messages): replies upserted, replies no longer there
    marked deleted, each parent's thread state remembered. A handful of statements per batch.
    stored: when the caller knows every ts of the channel's archive (a channel first read in this
    pass: the broadcasts its history pages held), replies outside it are known to be new."""
    replies = [m for parent, msgs in threads for m in msgs if m.get("ts") != parent["ts"]]
    known_new = stored is not None and not any(m.get("ts") in stored for m in replies)
    counts = save_messages(conn, channel_id, replies, None, source, on_new=on_new, newest=None if known_new else UNKNOWN)
    parents = [p["ts"] for p, _ in threads]
    seen = {m["ts"] for m in replies}
    gone = [
        r.ts for r in conn.execute(text(
            "SELECT ts FROM messages WHERE channel_id = :c AND thread_ts IN :p AND ts <> thread_ts AND deleted = 0"
        ).bindparams(bindparam("p", expanding=True)), {"c": channel_id, "p": parents})
        if r.ts not in seen
    ]
    mark_deleted(conn, channel_id, gone)
    set_replies_seen(conn, channel_id, {p["ts"]: thread_state(p["reply_count"], p["latest_reply"]) for p, _ in threads})
    counts["deleted"] = len(gone)
    return counts


def mark_deleted(conn: Connection, channel_id: str, tss: list[str]) -> int:
    """These messages are gone from Slack: deleted and dirty (their beatdowns go on the next build)."""
    if not tss:
        return 0
    res = conn.execute(text("UPDATE messages SET deleted = 1, dirty = 1, updated_at = :now "
                            "WHERE channel_id = :c AND ts IN :ts AND deleted = 0")
                       .bindparams(bindparam("ts", expanding=True)), {"c": channel_id, "ts": list(tss), "now": utcnow()})
    return res.rowcount or 0


def set_reaction(conn: Connection, channel_id: str, ts: str, name: str, user: str, added: bool) -> bool:
    """One user's reaction added or removed on an archived message (as Slack's reaction events
    say); the row's reactions and count change, its content does not (not dirty). Adding what is
    there, or removing what is not, changes nothing. False if the message is not archived."""
    row = conn.execute(text("SELECT reactions FROM messages WHERE channel_id = :c AND ts = :ts"),
                       {"c": channel_id, "ts": ts}).first()
    if row is None:
        return False
    reactions = json.loads(row.reactions) if row.reactions else []
    entry = next((r for r in reactions if r.get("name") == name), None)
    if added:
        if entry is None:
            entry = {"name": name, "users": [], "count": 0}
            reactions.append(entry)
        if user in entry.setdefault("users", []):
            return True
        entry["users"].append(user)
        entry["count"] = int(entry.get("count") or 0) + 1
    else:
        if entry is None or user not in (entry.get("users") or []):
            return True
        entry["users"].remove(user)
        entry["count"] = max(0, int(entry.get("count") or 0) - 1)
        if entry["count"] == 0:
            reactions.remove(entry)
    conn.execute(text("UPDATE messages SET reactions = :r, reaction_count = :n, updated_at = :now "
                      "WHERE channel_id = :c AND ts = :ts"),
                 {"r": _dump(reactions), "n": sum(int(r.get("count") or 0) for r in reactions), "now": utcnow(),
                  "c": channel_id, "ts": ts})
    return True


def set_replies_seen(conn: Connection, channel_id: str, states: dict[str, str]) -> None:
    """Remember each parent's thread state: one UPDATE per batch (a CASE over the parents' ts),
    not one round trip per parent."""
    items = list(states.items())
    for start in range(0, len(items), 200):
        part = items[start:start + 200]
        params: dict = {"c": channel_id}
        for i, (ts, state) in enumerate(part):
            params[f"t{i}"], params[f"s{i}"] = ts, state
        conn.execute(text(
            f"UPDATE messages SET replies_seen = CASE ts {' '.join(f'WHEN :t{i} THEN :s{i}' for i in range(len(part)))} END "
            f"WHERE channel_id = :c AND ts IN ({', '.join(f':t{i}' for i in range(len(part)))})"
        ), params)


