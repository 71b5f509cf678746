"""Parsed backblasts -> `beatdowns` and `bd_attendance`.

Dirty archive rows are parsed; every outcome goes to `parse_results`. Beatdowns are then derived
per key (AO, date, Q): the earliest live backblast with that key wins, later ones are duplicates.
Only keys touched by this batch are rebuilt, so a nightly run does little work.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from operator import itemgetter

from sqlalchemy import bindparam, text

from miner.app import App
from miner.archive import store as archive
from miner.backblasts.parse import PARSER_VERSION, Context, Parsed, parse_message, unescape
from miner.beatdowns.aliases import load_aliases
from miner.core.concurrency import prefetch
from miner.core.db import delete_keys, in_transaction, merge_json, upsert, utcnow
from miner.core.progress import progress
from miner.core.registry import Region

log = logging.getLogger("miner.beatdowns.build")

CHUNK = 5000
KEYS_PER_TRANSACTION = 2000
LIVE_OR_PENDING = ("ok", "duplicate", "pending")
_JSON = json.JSONEncoder(default=str).encode  # = json.dumps(value, default=str), encoder built once
ROLE_JSON = {role: json.dumps({"role": role}) for role in ("q", "coq", "pax")}  # bd_attendance.json
OWN_JSON_KEYS = frozenset(Parsed.__dataclass_fields__) | {"ts", "ts_edited", "non_slack_pax"}  # beatdowns.json keys we write
_ATTENDANCE_KEY = itemgetter("q_user_id", "user_id", "ao_id", "date")
MESSAGE_COLS = "channel_id, ts, thread_ts, user_id, bot_id, username, subtype, text, blocks, metadata, edited_ts, deleted, content_hash"
RESULT_COLS = ["channel_id", "ts", "status", "problem", "ao_id", "bd_date", "q_user_id", "poster_user_id", "content_hash",
               "parser_version", "result", "parsed_at"]  # a result row also carries _result (decoded) and _text


def load_context_parts(conn) -> tuple[dict, dict, set, dict]:
    """The region's users, AOs (channel id -> name), backblast channels and alias list."""
    users = {r.user_id: {"user_name": r.user_name, "real_name": r.real_name or "", "app": r.app}
             for r in conn.execute(text("SELECT user_id, user_name, real_name, app FROM users"))}
    aos, backblast = {}, set()
    for r in conn.execute(text("SELECT channel_id, ao, backblast FROM aos")):
        aos[r.channel_id] = r.ao
        if r.backblast:
            backblast.add(r.channel_id)
    return users, aos, backblast, load_aliases(conn)


class Parser:
    """Parses archive rows with the region's users and AOs, loaded once per run."""

    def __init__(self, conn, region: Region):
        self.users, self.aos, self.backblast_channels, self.aliases = load_context_parts(conn)
        self.region = region
        self._contexts: dict[str, Context] = {}
        self._fresh: dict[tuple[str, str], dict] = {}  # pending results stored by parse_new (see take_fresh)

    def result(self, row, message: dict, now: str) -> dict | None:
        """The parse result row of a live archive row in a backblast channel; None if it is no backblast.
        An ok one is 'pending': resolve_keys decides between ok and duplicate."""
        cid = row["channel_id"]
        ctx = self._contexts.get(cid)
        if ctx is None:
            ctx = self._contexts[cid] = Context(cid, self.users, self.aos, self.region.timezone, self.region.date_order,
                                                   self.aliases)
        try:
            parsed = parse_message(message, ctx)
        except (RecursionError, ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            # one message the parser cannot read never stops the others: it is no backblast we can record
            log.warning("%s %s: cannot be parsed (%s: %s)", cid, row["ts"], type(exc).__name__, str(exc)[:200])
            return None
        if parsed.status == "not_backblast":
            return None
        res = build_result_row(row, parsed, now)
        if parsed.status == "ok":
            res["status"] = "pending"
        return res

    def parse_new(self, conn, pairs: list[tuple[dict, dict]]) -> dict:
        """For archive.save_messages(on_new=...): messages never seen before have no earlier parse
        result, so they are parsed right away, their results stored in the same transaction and
        their rows stored clean. Beatdowns come later, from the 'pending' results: resolve_fresh
        with take_fresh() after the channel, or resolve_pending from the database."""
        now = utcnow()
        results = []
        for row, msg in pairs:
            row["dirty"] = 0
            if row["channel_id"] in self.backblast_channels:
                res = self.result(row, archive.message_view(row, msg.get("blocks"), msg.get("metadata")), now)
                if res is not None:
                    results.append(res)
        upsert(conn, "parse_results", results, ["channel_id", "ts"], columns=RESULT_COLS)
        for r in results:
            if r["status"] == "pending":  # a retried transaction stores the same again: keyed
                self._fresh[(r["channel_id"], r["ts"])] = r
        return {"parsed": len(pairs), "backblasts": sum(r["status"] == "pending" for r in results),
                "problems": sum(r["status"] == "problem" for r in results)}

    def take_fresh(self) -> list[dict]:
        """The pending results parse_new stored since the last call (without their JSON text,
        which they carry decoded); for resolve_fresh."""
        out = list(self._fresh.values())
        for r in out:
            del r["result"]
        self._fresh.clear()
        return out


def build_result_row(row, parsed, now: str) -> dict:
    result = dict(vars(parsed))  # shallow: Parsed holds only scalars and lists of strings
    result["bd_date"] = parsed.bd_date.isoformat() if parsed.bd_date else None
    result["ts_edited"] = row["edited_ts"]
    text_ = result.pop("text", "")
    if text_ != unescape(row["text"] or ""):  # rendered from blocks: keep it; else messages.text has it
        result["text"] = text_
    return {"_text": text_, "_result": result, **{
        "channel_id": row["channel_id"], "ts": row["ts"], "status": parsed.status, "problem": parsed.problem,
        "ao_id": parsed.ao_id if parsed.status == "ok" else None,
        "bd_date": result["bd_date"] if parsed.status == "ok" else None,
        "q_user_id": parsed.q_user_id if parsed.status == "ok" else None,
        "poster_user_id": parsed.poster_user_id, "content_hash": row["content_hash"],
        "parser_version": PARSER_VERSION, "result": _JSON(result), "parsed_at": now,
    }}


def gone_row(row, status: str, now: str) -> dict:
    return {"channel_id": row["channel_id"], "ts": row["ts"], "status": status, "problem": None, "ao_id": None,
            "bd_date": None, "q_user_id": None, "poster_user_id": None, "content_hash": row["content_hash"],
            "parser_version": PARSER_VERSION, "result": None, "parsed_at": now}


def beatdown_json(result: dict, old_json=None) -> dict:
    """A beatdown's `json`: the parse result, plus the names that matched no user as `non_slack_pax`
    (a comma-separated string, the key and shape slackblast writes), merged into what the row held
    (keys other tools wrote stay)."""
    ours = {k: v for k, v in result.items() if k != "text"}
    names = result.get("unmatched_names") or []
    if names:
        ours["non_slack_pax"] = ", ".join(names)
    return merge_json(old_json, ours, OWN_JSON_KEYS)


def build_beatdown_rows(result: dict, users: dict, old_json=None) -> tuple[dict, list[dict]]:
    """One winning parse result -> (beatdowns row, bd_attendance rows); `old_json`: the json of the row
    it replaces (other tools' keys in it are kept)."""
    key = {"ao_id": result["ao_id"], "q_user_id": result["q_user_id"]}
    coqs = result.get("coq_user_ids") or []
    fngs = result.get("fngs") or []
    parsed_lines = [
        f"Backblast: {result.get('title') or ''}".rstrip(),
        f"Date: {result['bd_date']}",
        f"Q: {users.get(result['q_user_id'], {}).get('user_name', result['q_user_id'])}",
        f"Co-Q: {', '.join(users.get(u, {}).get('user_name', u) for u in coqs) or 'None'}",
        "PAX: " + ", ".join([users.get(u, {}).get("user_name", u) for u in result.get("pax_user_ids") or []]
                            + list(result.get("unmatched_names") or [])),
        f"FNGs: {', '.join(fngs) or 'None'}",
        f"Count: {result.get('pax_count')}",
    ]
    bd = {
        "timestamp": result["ts"], "ts_edited": result.get("ts_edited"), **key, "bd_date": result["bd_date"],
        "coq_user_id": coqs[0] if coqs else None, "pax_count": result.get("pax_count"),
        "backblast": result.get("text") or "", "backblast_parsed": "\n".join(parsed_lines),
        "fngs": (", ".join(fngs) or "None")[:1000], "fng_count": result.get("fng_count") or 0,
        "json": _JSON(beatdown_json(result, old_json)),
    }
    roles = {result["q_user_id"]: "q", **{u: "coq" for u in coqs}}
    attendance = [
        {"timestamp": result["ts"], "ts_edited": result.get("ts_edited"), "user_id": u, "ao_id": key["ao_id"],
         "date": result["bd_date"], "q_user_id": key["q_user_id"], "json": ROLE_JSON[roles.get(u, "pax")]}
        for u in dict.fromkeys([result["q_user_id"], *coqs, *(result.get("pax_user_ids") or [])]) if u
    ]
    return bd, attendance


def _key(ao_id, bd_date, q_user_id) -> tuple:
    return (ao_id, str(bd_date)[:10], q_user_id)


def resolve_keys(conn, keys: set, users: dict, fresh: list[dict] | None = None, known: dict | None = None) -> dict:
    """Rebuild beatdowns for the given (AO, date, Q) keys.

    Candidates are the live or pending parse results in the database plus `fresh` ones (not yet
    stored, status 'pending'); the earliest wins. Fresh rows get their status set in memory, stored
    rows whose status changes are updated (pending ones parsed while mining, and rare others).
    `known`: stored results already in hand, by (channel, ts); a winner among them (same content
    hash as stored) is not read back.
    """
    counts = {"duplicates": 0, "new_duplicates": []}
    if not keys:
        return counts
    fresh = fresh or []
    known = known or {}
    fresh_ids = {(r["channel_id"], r["ts"]) for r in fresh}
    aos = sorted({k[0] for k in keys})
    lo, hi = min(k[1] for k in keys), max(k[1] for k in keys)
    span = {"aos": aos, "lo": lo, "hi": hi}
    cands = defaultdict(list)
    for r in conn.execute(text(
        "SELECT channel_id, ts, status, ao_id, bd_date, q_user_id, content_hash FROM parse_results "
        "WHERE status IN ('ok', 'duplicate', 'pending') AND ao_id IN :aos AND bd_date BETWEEN :lo AND :hi"
    ).bindparams(bindparam("aos", expanding=True)), span).mappings():
        k = _key(r["ao_id"], r["bd_date"], r["q_user_id"])
        ident = (r["channel_id"], r["ts"])
        if k in keys and ident not in fresh_ids:
            row = dict(r)
            hand = known.get(ident)
            if hand is not None and hand["content_hash"] == row["content_hash"]:
                row["_result"], row["_text"] = hand["_result"], hand["_text"]
            cands[k].append(row)
    for r in fresh:
        if r["status"] == "pending":
            cands[_key(r["ao_id"], r["bd_date"], r["q_user_id"])].append(r)
    existing, old_json = [], {}  # old_json: a replaced row's json by key and by timestamp (keys of other tools stay)
    for r in conn.execute(text(
        "SELECT ao_id, bd_date, q_user_id, timestamp, json FROM beatdowns WHERE ao_id IN :aos AND bd_date BETWEEN :lo AND :hi"
    ).bindparams(bindparam("aos", expanding=True)), span):
        k = _key(r.ao_id, r.bd_date, r.q_user_id)
        if k in keys:
            existing.append({"ao_id": r.ao_id, "bd_date": k[1], "q_user_id": r.q_user_id, "date": k[1], "timestamp": r.timestamp})
            if r.json:
                old_json[k] = r.json
                if r.timestamp:
                    old_json.setdefault(r.timestamp, r.json)
    for rows in cands.values():
        rows.sort(key=lambda r: float(r["ts"]))
    gone = replaced_rows(conn, existing, {k: rows[0]["ts"] for k, rows in cands.items()}, old_json)
    delete_keys(conn, "beatdowns", ["ao_id", "bd_date", "q_user_id"], gone)
    delete_keys(conn, "bd_attendance", ["ao_id", "date", "q_user_id"], gone)
    stored = read_winners(conn, [rows[0] for rows in cands.values() if "_result" not in rows[0]])
    beatdowns, attendance, changed = [], [], []
    for k, rows in cands.items():
        winner = rows[0]
        if "_result" in winner:
            result, text_ = dict(winner["_result"]), winner["_text"]
        else:
            result, text_ = stored[(winner["channel_id"], winner["ts"])]
        result["ts"] = winner["ts"]
        result.setdefault("text", text_)
        bd, att = build_beatdown_rows(result, users, old_json.get(k) or old_json.get(winner["ts"]))
        beatdowns.append(bd)
        attendance.extend(att)
        for i, r in enumerate(rows):
            status = "ok" if i == 0 else "duplicate"
            problem = None if i == 0 else f"duplicate of the backblast posted at ts {winner['ts']} in <#{winner['channel_id']}>"
            if r["status"] != status:
                if status == "duplicate":
                    counts["new_duplicates"].append((r["channel_id"], r["ts"]))
                if (r["channel_id"], r["ts"]) in fresh_ids:
                    r["status"], r["problem"] = status, problem
                else:
                    changed.append({"channel_id": r["channel_id"], "ts": r["ts"], "status": status, "problem": problem})
            counts["duplicates"] += i > 0
    set_statuses(conn, changed)
    upsert(conn, "beatdowns", beatdowns, ["ao_id", "bd_date", "q_user_id"])
    attendance.sort(key=_ATTENDANCE_KEY)  # primary key order: InnoDB appends instead of splitting pages
    upsert(conn, "bd_attendance", attendance, ["q_user_id", "user_id", "ao_id", "date"])
    return counts


def _in_chunks(conn, sql: str, values: list):
    for start in range(0, len(values), 1000):
        yield from conn.execute(text(sql).bindparams(bindparam("v", expanding=True)), {"v": values[start:start + 1000]})


def replaced_rows(conn, existing: list[dict], winners: dict, old_json: dict) -> list[dict]:
    """Which stored beatdowns a rebuild of these keys removes (`winners`: key -> winning post's ts).
    Other tools' rows are theirs: a row goes only when a winner replaces the same beatdown (same
    key, or the same post stored under another key, e.g. a retired PAXminer's row an admin fixed)
    or when its post is one we parsed that no longer makes it. A row whose post our archive does
    not know (slackblast's, a retired PAXminer's, an admin's) stays. Rows moved off another key
    give their json to old_json by timestamp (so other tools' keys in it are kept)."""
    stamps = sorted({r["timestamp"] for r in existing if r["timestamp"]} - set(winners.values()))
    ours = {t for (t,) in _in_chunks(conn, "SELECT DISTINCT ts FROM parse_results WHERE ts IN :v", stamps)}
    posts = {(ts, k[0]) for k, ts in winners.items()}  # a ts is unique within a channel only: (ts, AO)
    gone = [r for r in existing if _key(r["ao_id"], r["bd_date"], r["q_user_id"]) in winners
            or r["timestamp"] in ours or (r["timestamp"], r["ao_id"]) in posts]
    taken = {_key(g["ao_id"], g["bd_date"], g["q_user_id"]) for g in gone}
    for r in _in_chunks(conn, "SELECT ao_id, bd_date, q_user_id, timestamp, json FROM beatdowns WHERE timestamp IN :v",
                        sorted(set(winners.values()))):
        k = _key(r.ao_id, r.bd_date, r.q_user_id)
        if (r.timestamp, r.ao_id) in posts and k not in winners and k not in taken:
            taken.add(k)
            gone.append({"ao_id": r.ao_id, "bd_date": k[1], "q_user_id": r.q_user_id, "date": k[1], "timestamp": r.timestamp})
            if r.json:
                old_json.setdefault(r.timestamp, r.json)
    return gone


def set_statuses(conn, changed: list[dict]) -> None:
    """Store new statuses of stored parse results: winners in one UPDATE per channel, duplicates
    (each names its winner) one by one."""
    for cid, tss in _by_channel([r for r in changed if r["status"] == "ok"]).items():
        for start in range(0, len(tss), 1000):
            conn.execute(text("UPDATE parse_results SET status = 'ok', problem = NULL WHERE channel_id = :c AND ts IN :ts")
                         .bindparams(bindparam("ts", expanding=True)), {"c": cid, "ts": tss[start:start + 1000]})
    rest = [r for r in changed if r["status"] != "ok"]
    if rest:
        conn.execute(text("UPDATE parse_results SET status = :status, problem = :problem WHERE channel_id = :channel_id AND ts = :ts"), rest)


def read_winners(conn, winners: list[dict]) -> dict:
    """(decoded result, text read) of winners not in hand, read back: (channel, ts) -> pair. A result
    keeps the text it read only when that is not the message's text unescaped."""
    out = {}
    for cid, tss in _by_channel(winners).items():
        for r in conn.execute(text(
            "SELECT p.ts, p.result, m.text FROM parse_results p LEFT JOIN messages m ON m.channel_id = p.channel_id "
            "AND m.ts = p.ts WHERE p.channel_id = :c AND p.ts IN :ts").bindparams(bindparam("ts", expanding=True)),
                {"c": cid, "ts": tss}):
            out[(cid, r.ts)] = (json.loads(r.result), unescape(r.text or ""))
    return out


def build_beatdowns(app: App, region: Region, bar: bool | None = False) -> dict:
    """Parse every dirty archive row and rebuild the beatdowns it touches, then the beatdowns of
    results parsed while mining ('pending').

    Chunks are read and parsed one ahead in a background thread (keyset order, so chunks are
    disjoint) while this thread writes the previous one: one transaction per chunk. Progress: a bar
    when `bar` (None: on a terminal), else a log line per chunk (-v).
    """


    eng = app.db.engine(region.schema_name)
    totals = {"messages": 0, "backblasts": 0, "problems": 0, "duplicates": 0}
    with eng.connect() as conn:
        parser = Parser(conn, region)

    def parsed_chunks():
        after = ("", "")
        while True:
            with eng.connect() as conn:
                rows = conn.execute(text(
                    f"SELECT {MESSAGE_COLS} FROM messages WHERE dirty = 1 AND (channel_id > :c OR (channel_id = :c AND ts > :t)) "
                    f"ORDER BY channel_id, ts LIMIT {CHUNK}"), {"c": after[0], "t": after[1]}).mappings().all()
                if not rows:
                    return
                after = (rows[-1]["channel_id"], rows[-1]["ts"])
                yield rows, parse_chunk(conn, rows, parser)

    with eng.connect() as conn:
        dirty = conn.execute(text("SELECT COUNT(*) FROM messages WHERE dirty = 1")).scalar() or 0
    chunks = progress(prefetch(parsed_chunks(), depth=1), f"{region.region}: parsing {dirty} messages",
                      total=-(-dirty // CHUNK), unit="chunk", log=log, bar=bar, name=lambda c: f"{len(c[0])} messages")
    for rows, (results, keys) in chunks:
        with eng.begin() as conn:
            c = save_chunk(conn, rows, results, keys, parser.users)
        for k in totals:
            totals[k] += c[k]
    totals["duplicates"] += resolve_pending(eng, parser.users)
    with eng.connect() as conn:
        for status, n in conn.execute(text("SELECT status, COUNT(*) FROM parse_results GROUP BY status")):
            totals[f"total_{status}"] = n
    return totals


def resolve_pending(eng, users: dict) -> int:
    """Beatdowns for every result still pending in the database (parsed while mining, and not
    resolved from memory: a run that stopped early). Returns how many became duplicates."""
    with eng.connect() as conn:
        keys = {_key(*r) for r in conn.execute(text(
            "SELECT DISTINCT ao_id, bd_date, q_user_id FROM parse_results WHERE status = 'pending'"))}
    return _resolve_in_parts(eng, keys, users, {})


def resolve_fresh(eng, users: dict, fresh: list[dict]) -> int:
    """Beatdowns for the results a channel's mining just stored as pending (Parser.take_fresh),
    with those results in hand: nothing is read back but other candidates for the same keys."""
    keys = {_key(r["ao_id"], r["bd_date"], r["q_user_id"]) for r in fresh}
    return _resolve_in_parts(eng, keys, users, {(r["channel_id"], r["ts"]): r for r in fresh})


def _resolve_in_parts(eng, keys: set, users: dict, known: dict) -> int:
    """resolve_keys a date range at a time (one transaction each); returns the new duplicates."""
    ordered = sorted(keys, key=lambda k: (k[1], k[0], k[2]))
    duplicates = 0
    for start in range(0, len(ordered), KEYS_PER_TRANSACTION):
        part = set(ordered[start:start + KEYS_PER_TRANSACTION])
        duplicates += len(in_transaction(eng, lambda conn: resolve_keys(conn, part, users, known=known))["new_duplicates"])  # noqa: B023
    return duplicates


def _by_channel(rows) -> dict[str, list[str]]:
    out = defaultdict(list)
    for r in rows:
        out[r["channel_id"]].append(r["ts"])
    return out


def parse_chunk(conn, rows, parser: Parser) -> tuple[list[dict], set]:
    """Parse a chunk of archive rows: (parse result rows, beatdown keys they touch, old and new)."""
    now = utcnow()
    old = {}
    for cid, tss in _by_channel(rows).items():
        for r in conn.execute(text(
            "SELECT channel_id, ts, status, ao_id, bd_date, q_user_id FROM parse_results WHERE channel_id = :c AND ts IN :ts"
        ).bindparams(bindparam("ts", expanding=True)), {"c": cid, "ts": tss}):
            old[(r.channel_id, r.ts)] = r
    results, keys = [], set()
    for row in rows:
        prev = old.get((row["channel_id"], row["ts"]))
        if prev is not None and (prev.status in LIVE_OR_PENDING or prev.status == "stale"):  # stale: see reparse_region
            keys.add(_key(prev.ao_id, prev.bd_date, prev.q_user_id))
        if row["deleted"]:
            if prev is not None:
                results.append(gone_row(row, "deleted", now))
            continue
        res = parser.result(row, archive.to_message(row), now) if row["channel_id"] in parser.backblast_channels else None
        if res is None:
            if prev is not None:  # it was parsed before: say what it is now
                results.append(gone_row(row, "not_backblast", now))
            continue
        if res["status"] == "pending":
            keys.add(_key(res["ao_id"], res["bd_date"], res["q_user_id"]))
        results.append(res)
    return results, keys


def save_chunk(conn, rows, results, keys, users) -> dict:
    """Write a parsed chunk: beatdowns for the touched keys, parse results, dirty flags cleared."""
    pending = sum(1 for r in results if r["status"] == "pending")
    resolved = resolve_keys(conn, keys, users, results)
    upsert(conn, "parse_results", results, ["channel_id", "ts"], columns=RESULT_COLS)
    for cid, tss in _by_channel(rows).items():
        conn.execute(text("UPDATE messages SET dirty = 0 WHERE channel_id = :c AND ts IN :ts")
                     .bindparams(bindparam("ts", expanding=True)), {"c": cid, "ts": tss})
    return {
        "messages": len(rows),
        "backblasts": pending,
        "problems": sum(1 for r in results if r["status"] == "problem"),
        "duplicates": len(resolved["new_duplicates"]),
    }


def reparse_region(app: App, region: Region) -> dict:
    """Rebuild beatdowns/bd_attendance from the raw archive after a parser change (no Slack calls).

    Every archived message is parsed again; the results stored before become 'stale' and their
    beatdowns are rebuilt (or removed) key by key, so other tools' keys in a beatdown's `json` survive.
    Rows a legacy PAXminer wrote (with no parse result of ours) are left alone.
    """
    eng = app.db.engine(region.schema_name)
    with eng.begin() as conn:
        conn.execute(text("UPDATE parse_results SET status = 'stale' WHERE status IN ('ok', 'duplicate')"))
        conn.execute(text("UPDATE messages SET dirty = 1"))
    totals = build_beatdowns(app, region)
    with eng.connect() as conn:
        totals["duplicates"] = conn.execute(text("SELECT COUNT(*) FROM parse_results WHERE status = 'duplicate'")).scalar()
    return totals
