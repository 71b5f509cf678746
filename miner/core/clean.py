"""Values that cannot be stored as they came: one bad item never fails a region.

Slack (or an export) can hand us text with lone surrogates (not UTF-8: MariaDB and SQLite refuse
it), values longer than their column (an email of 132 characters), JSON nested hundreds deep, a
ts that is not a Slack timestamp. Each such item is stored as well as it can be, and noted in the
region's `bad_items` table: `cleaned` (invalid characters replaced by U+FFFD), `truncated` (the
column holds the start, `original` the whole value), `dropped` (a part left out, e.g. blocks nested
too deep) or `rejected` (not stored: `reason` says why). Steps count them in their summary.
"""

from __future__ import annotations

import json
import re

from miner.core.db import upsert, utcnow

TS = re.compile(r"[0-9]{1,12}(\.[0-9]{1,9})?")  # a Slack timestamp: seconds.microseconds
SURROGATE = re.compile("[\ud800-\udfff]")
ORIGINAL_MAX = 1_000_000  # characters of an item's original value kept in bad_items
ACTIONS = ("cleaned", "truncated", "dropped", "rejected")


def is_ts(value) -> bool:
    return isinstance(value, str) and TS.fullmatch(value) is not None


def encodable(s: str) -> bool:
    """Valid UTF-8 once encoded (no lone surrogates)."""
    if s.isascii():
        return True
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def clean_text(s: str) -> str:
    """Lone surrogates (halves of an emoji split apart) become U+FFFD."""
    return s if encodable(s) else SURROGATE.sub("\ufffd", s)


def depth(obj, stop: int) -> int:
    """How deep lists and dicts nest in obj (without recursion); counting stops past `stop`."""
    deepest, todo = 0, [(obj, 1)]
    while todo:
        o, d = todo.pop()
        if isinstance(o, dict):
            items = o.values()
        elif isinstance(o, list):
            items = o
        else:
            continue
        deepest = max(deepest, d)
        if deepest > stop:
            return deepest
        todo.extend((v, d + 1) for v in items if isinstance(v, (dict, list)))
    return deepest


def scrub(obj):
    """A copy of JSON-like obj with every string cleaned (keys too); no recursion."""
    if isinstance(obj, str):
        return clean_text(obj)
    if not isinstance(obj, (dict, list)):
        return obj
    root = {} if isinstance(obj, dict) else []
    todo = [(obj, root)]
    while todo:
        src, dst = todo.pop()
        pairs = src.items() if isinstance(src, dict) else enumerate(src)
        for k, v in pairs:
            if isinstance(v, (dict, list)):
                child = {} if isinstance(v, dict) else []
                todo.append((v, child))
                v = child
            elif isinstance(v, str):
                v = clean_text(v)
            if isinstance(dst, dict):
                dst[clean_text(k) if isinstance(k, str) else k] = v
            else:
                dst.append(v)
    return root


def safe_dump(value) -> str:
    """JSON of anything (ASCII, so never invalid UTF-8), or its repr when it cannot be encoded."""
    try:
        return json.dumps(value, default=str)
    except (ValueError, TypeError, RecursionError):
        return repr(value)[:ORIGINAL_MAX]


class BadItems:
    """The bad items of one step: noted as they are met, written with save(), counted in counts()."""

    def __init__(self, table: str):
        self.table = table
        self.items: list[dict] = []

    def note(self, key: str, field: str, action: str, reason: str, original=None) -> None:
        if original is not None and not isinstance(original, str):
            original = safe_dump(original)
        self.items.append({"source_table": self.table, "item_key": str(key)[:191], "field": field[:32],
                           "action": action, "reason": reason[:255],
                           "original": None if original is None else clean_text(original[:ORIGINAL_MAX])})

    def fit(self, key: str, field: str, value, width: int):
        """The value cleaned and cut to its column's width (noted); None stays None."""
        if value is None:
            return None
        if not isinstance(value, str):
            value = str(value)
        if not encodable(value):
            self.note(key, field, "cleaned", "text that is not valid UTF-8 (lone surrogates)", value)
            value = clean_text(value)
        if len(value) > width:
            self.note(key, field, "truncated", f"{len(value)} characters, the column holds {width}", value)
            value = value[:width]
        return value

    def counts(self) -> dict:
        out = {a: 0 for a in ACTIONS}
        for keyed in {(i["item_key"], i["action"]) for i in self.items}:
            out[keyed[1]] += 1
        return out

    def reasons(self, limit: int = 20) -> list[str]:
        return [f"{i['item_key']} {i['field']}: {i['action']}, {i['reason']}" for i in self.items[:limit]]

    def save(self, conn) -> None:
        if self.items:  # the table: Database.create_schema, or ensure_tables before the step's transactions
            now = utcnow()
            upsert(conn, "bad_items", [{**i, "noted_at": now} for i in self.items],
                   ["source_table", "item_key", "field"])
