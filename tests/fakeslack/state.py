"""One fake Slack workspace: users, channels, messages, threads, and the Web API semantics over them.

All state lives behind `ws.lock`; the server serialises each response under it, so stored dicts
can be returned by reference. Message ts are canonical strings ("1700000000.000100"), which sort
correctly as strings; per channel, `top` holds the history-visible ts (sorted) and `threads`
maps a parent ts to its sorted reply ts.

Stored messages change only through Workspace methods (treat what `message()` returns as
read-only): every add, change or removal goes through `_changed`, which drops the message's cached
JSON; `encode` splices the cached JSON of stored messages into history and replies pages.
"""

from __future__ import annotations

import base64
import bisect
import json
import threading
import time
import zlib
from collections import Counter, deque

TS_START = 1_700_000_000_000_100  # first auto ts, in microseconds
HISTORY_CAP = 999
LIST_CAP = 1000
dumps = json.JSONEncoder(separators=(",", ":")).encode  # compact, as Slack's answers are
_HOLE = "\x00messages\x00"  # stands in for the messages list while the rest of a body is encoded
_HOLE_JSON = dumps(_HOLE)


class ApiError(Exception):
    def __init__(self, code: str, **extra):
        super().__init__(code)
        self.code, self.extra = code, extra


# -- ts and cursors -------------------------------------------------------------------------------
def us_to_ts(us: int) -> str:
    return f"{us // 1_000_000:010d}.{us % 1_000_000:06d}"


def ts_to_us(ts: str) -> int:
    sec, _, frac = str(ts).strip().partition(".")
    if not sec.isdigit() or (frac and not frac.isdigit()):
        raise ValueError(ts)
    return int(sec) * 1_000_000 + int((frac + "000000")[:6])


def norm_ts(ts) -> str:
    return us_to_ts(ts_to_us(ts))


def encode_cursor(kind: str, value: str) -> str:
    return base64.b64encode(f"{kind}:{value}".encode()).decode()


def decode_cursor(cursor: str, kind: str) -> str:
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
    except Exception:
        raise ApiError("invalid_cursor") from None
    prefix, _, value = text.partition(":")
    if prefix != kind or not value:
        raise ApiError("invalid_cursor")
    return value


def ts_cursor(ts: str) -> str:
    return encode_cursor("next_ts", ts.replace(".", ""))


def ts_from_cursor(cursor: str) -> str:
    raw = decode_cursor(cursor, "next_ts")
    if not raw.isdigit() or len(raw) < 7:
        raise ApiError("invalid_cursor")
    return norm_ts(f"{raw[:-6]}.{raw[-6:]}")


def truthy(v) -> bool:
    return str(v).strip().lower() in ("1", "true", "yes")


def as_int(v, default: int) -> int:
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return default


def json_param(v, error: str):
    """Blocks/metadata/files arrive as JSON strings (form) or as objects (JSON body)."""
    if v is None or v == "":
        return None
    if isinstance(v, (list, dict)):
        return v
    try:
        return json.loads(v)
    except (TypeError, ValueError):
        raise ApiError(error) from None


class Channel:
    __slots__ = ("info", "members", "top", "msgs", "threads")

    def __init__(self, info: dict, members: set):
        self.info, self.members = info, members
        self.top: list[str] = []
        self.msgs: dict[str, dict] = {}
        self.threads: dict[str, list[str]] = {}

    @property
    def id(self) -> str:
        return self.info["id"]


class Workspace:
    def __init__(self, token: str, team: str = "T1", name: str = "f3demo", page_cap: int | None = None):
        self.token, self.team, self.name, self.page_cap = token, team, name, page_cap
        self.key = ""  # set by FakeSlack: path segment of upload URLs
        self.origin = ""  # set by FakeSlack: http://127.0.0.1:PORT
        self.lock = threading.RLock()
        self.users: dict[str, dict] = {}
        self.channels: dict[str, Channel] = {}
        self._chan_order: list[str] = []
        self.calls: Counter = Counter()
        self.requests: list[tuple[str, dict]] = []
        self.posted: list[dict] = []
        self.uploads: list[dict] = []
        self.dms: dict = {}  # user ID (or frozenset of a group DM's members) -> DM channel ID
        self.home: dict[str, dict] = {}  # user ID -> the Home tab view published to him
        self.truth: list[dict] = []
        self.revoked = False
        self.scopes_missing: dict[str, str] = {}
        self.scopes: set[str] | None = None  # sent as x-oauth-scopes (None: every scope PAXminer asks for)
        self.tiers: dict[str, list] = {}  # method -> [per_minute, window, deque of times]
        self.limited: Counter = Counter()  # 429s answered to this workspace, per method
        self._clock = TS_START - 100
        self._files: dict[str, dict] = {}
        self._json: dict[int, list] = {}  # id(stored message) -> [message, its JSON or None until asked]
        self._file_seq = 0
        self.bot_user_id, self.bot_id, self.app_id = "U0PAXMINER", "B0PAXMINER", "A0PAXMINER"
        self.realtime = False  # True: new ts follow the wall clock (Socket Mode tests)
        self.on_event = None  # set by FakeSlack with Socket Mode on: on_event(team, event) for each change
        self.add_user("USLACKBOT", "slackbot", real_name="Slackbot", is_bot=False)
        self.users["USLACKBOT"]["is_bot"] = False  # real Slack: slackbot is not flagged as a bot
        self.add_user(self.bot_user_id, "paxminer", real_name="PAXminer", is_bot=True, bot_id=self.bot_id)

    # -- setup ------------------------------------------------------------------------------------
    def add_user(self, user_id, name, real_name="", display_name="", is_bot=False, deleted=False, email=None,
                 phone=None, tz="America/Chicago", bot_id=None, updated=1690000000) -> dict:
        profile = {
            "real_name": real_name or name, "real_name_normalized": real_name or name,
            "display_name": display_name, "display_name_normalized": display_name,
            "first_name": (real_name or name).split(" ")[0], "last_name": " ".join((real_name or "").split(" ")[1:]),
            "title": "", "phone": phone or "", "skype": "", "status_text": "", "status_emoji": "",
            "avatar_hash": f"g{zlib.crc32(user_id.encode()):011x}", "team": self.team,
            "image_72": f"https://avatars.slack-edge.com/{user_id}_72.png",
        }
        if email:
            profile["email"] = email
        if bot_id:
            profile["bot_id"] = bot_id
            profile["api_app_id"] = "A" + bot_id[1:]
        user = {
            "id": user_id, "team_id": self.team, "name": name, "deleted": deleted, "color": "9f69e7",
            "real_name": real_name or name, "tz": tz, "tz_label": "Central Daylight Time", "tz_offset": -18000,
            "profile": profile, "is_admin": False, "is_owner": False, "is_primary_owner": False,
            "is_restricted": False, "is_ultra_restricted": False, "is_bot": is_bot, "is_app_user": False,
            "updated": updated, "is_email_confirmed": bool(email),
        }
        if deleted:  # Slack drops most fields of deactivated users
            for k in ("tz", "tz_label", "tz_offset", "is_admin", "is_owner", "is_primary_owner"):
                user.pop(k, None)
        with self.lock:
            known = user_id in self.users
            self.users[user_id] = user
            if user_id not in ("USLACKBOT", self.bot_user_id):
                self._emit({"type": "user_change" if known else "team_join", "user": user})
        return user

    def add_channel(self, channel_id, name, is_private=False, is_archived=False, bot_is_member=True, created=None,
                    members=(), topic="", purpose="") -> dict:
        info = {
            "id": channel_id, "name": name, "name_normalized": name, "created": created or 1600000000,
            "creator": "USLACKBOT", "is_archived": is_archived, "is_private": is_private, "is_channel": True,
            "is_group": False, "is_im": False, "is_mpim": False, "is_general": name == "general",
            "is_shared": False, "is_ext_shared": False, "is_org_shared": False, "unlinked": 0,
            "context_team_id": self.team, "updated": (created or 1600000000) * 1000,
            "topic": {"value": topic, "creator": "", "last_set": 0},
            "purpose": {"value": purpose, "creator": "", "last_set": 0},
        }
        mem = set(members)
        if bot_is_member:
            mem.add(self.bot_user_id)
        with self.lock:
            if channel_id not in self.channels:
                self._chan_order.append(channel_id)
                self._emit({"type": "channel_created", "channel": {
                    "id": channel_id, "name": name, "created": info["created"], "creator": info["creator"],
                    "is_channel": True, "is_private": is_private}})
            else:  # replaced, messages and all
                for m in self.channels[channel_id].msgs.values():
                    self._changed(m, gone=True)
            self.channels[channel_id] = Channel(info, mem)
            if self.bot_user_id in mem:
                self._emit({"type": "member_joined_channel", "user": self.bot_user_id, "channel": channel_id,
                            "channel_type": "G" if is_private else "C", "team": self.team})
        return info

    def rename_channel(self, channel_id, name) -> None:
        with self.lock:
            info = self._chan(channel_id).info
            info["name"] = info["name_normalized"] = name
            self._emit({"type": "channel_rename", "channel": {"id": channel_id, "name": name,
                                                              "name_normalized": name, "created": info["created"]}})

    def archive_channel(self, channel_id, archived: bool = True) -> None:
        with self.lock:
            self._chan(channel_id).info["is_archived"] = archived
            self._emit({"type": "channel_archive" if archived else "channel_unarchive", "channel": channel_id,
                        "user": "USLACKBOT"})

    def revoke(self) -> None:
        self.revoked = True

    def set_missing_scope(self, method: str, needed: str) -> None:
        self.scopes_missing[method] = needed

    def tier_limit(self, method: str, per_minute: int, window: float = 60.0) -> None:
        self.tiers[method] = [per_minute, window, deque()]

    def _emit(self, event: dict) -> None:
        """The event Slack would send for a change (Socket Mode); a copy, so later changes do not leak in."""
        if self.on_event is not None:
            event.setdefault("event_ts", f"{time.time():.6f}")
            self.on_event(self.team, json.loads(dumps(event)))

    def _message_event(self, ch: "Channel", m: dict) -> None:
        self._emit({**m, "channel": ch.id, "channel_type": "im" if ch.info.get("is_im") else
                    ("group" if ch.info.get("is_private") else "channel"), "event_ts": m["ts"]})

    # -- messages ---------------------------------------------------------------------------------
    def next_ts(self) -> str:
        with self.lock:
            self._clock += 100
            if self.realtime:
                self._clock = max(self._clock, int(time.time() * 1_000_000))
            return us_to_ts(self._clock)

    def arrival_ts(self) -> str:
        """The ts of a message posted through the API: the time it arrives, as Slack stamps it (never
        before what is stored already)."""
        with self.lock:
            self._clock = max(self._clock + 100, int(time.time() * 1_000_000))
            return us_to_ts(self._clock)

    def _chan(self, channel: str) -> Channel:
        ch = self.channels.get(channel)
        if ch is None:
            raise KeyError(f"unknown channel {channel}")
        return ch

    def _build(self, text, user, ts, blocks, metadata, bot_id, username, subtype, reactions, files, extra) -> dict:
        m = {"type": "message"}
        if subtype:
            m["subtype"] = subtype
        if user:
            m["user"] = user
        m["text"] = text or ""
        m["ts"] = ts
        if bot_id:
            m["bot_id"] = bot_id
            m["app_id"] = extra.pop("app_id", "A" + bot_id[1:])
        if username:
            m["username"] = username
        if user and not bot_id and user in self.users:
            m["team"] = self.team
        if blocks is not None:
            m["blocks"] = blocks
        if metadata is not None:
            m["metadata"] = metadata
        if files:
            m["files"] = [self._file_obj(f, user) for f in files]
            m["upload"] = False
        m.update(extra)
        if reactions:
            items = reactions.items() if isinstance(reactions, dict) else [(r["name"], r["users"]) for r in reactions]
            m["reactions"] = [{"name": n, "users": list(u), "count": len(u)} for n, u in items]
        return m

    def _file_obj(self, f: dict, user) -> dict:
        self._file_seq += 1
        fid = f.get("id") or f"F{self._file_seq:09d}"
        name = f.get("name", "IMG_0001.jpg")
        ext = name.rsplit(".", 1)[-1].lower()
        out = {
            "id": fid, "created": f.get("created", 1700000000), "name": name, "title": f.get("title", name),
            "mimetype": f.get("mimetype", "image/jpeg" if ext in ("jpg", "jpeg") else "application/octet-stream"),
            "filetype": ext, "user": user or "", "size": f.get("size", 123456), "mode": "hosted",
            "url_private": f"https://files.slack.com/files-pri/{self.team}-{fid}/{name}",
            "permalink": f"https://{self.name}.slack.com/files/{user}/{fid}/{name}",
        }
        out.update({k: v for k, v in f.items() if k not in out})
        return out

    def _insert(self, ch: Channel, ts: str, m: dict, visible: bool) -> None:
        if ts in ch.msgs:
            raise ValueError(f"duplicate ts {ts} in {ch.id}")
        ch.msgs[ts] = m
        self._changed(m)
        if visible:
            if not ch.top or ch.top[-1] < ts:
                ch.top.append(ts)
            else:
                bisect.insort(ch.top, ts)
        us = ts_to_us(ts)
        if us > self._clock:
            self._clock = us

    def post(self, channel, text="", user=None, ts=None, blocks=None, metadata=None, bot_id=None, username=None,
             subtype=None, reactions=None, files=None, **extra) -> str:
        with self.lock:
            ch = self._chan(channel)
            ts = norm_ts(ts) if ts is not None else self.next_ts()
            m = self._build(text, user, ts, blocks, metadata, bot_id, username, subtype, reactions, files, extra)
            self._insert(ch, ts, m, True)
            self._message_event(ch, m)
            return ts

    def reply(self, channel, thread_ts, text="", user=None, ts=None, blocks=None, metadata=None, bot_id=None,
              username=None, subtype=None, reactions=None, files=None, broadcast=False, **extra) -> str:
        with self.lock:
            ch = self._chan(channel)
            thread_ts = norm_ts(thread_ts)
            parent = ch.msgs.get(thread_ts)
            if parent is None or parent.get("thread_ts", thread_ts) != thread_ts:
                raise KeyError(f"no thread parent {thread_ts} in {channel}")
            ts = norm_ts(ts) if ts is not None else self.next_ts()
            if ts <= thread_ts:
                raise ValueError("a reply must be newer than its parent")
            if broadcast:
                subtype = "thread_broadcast"
            m = self._build(text, user, ts, blocks, metadata, bot_id, username, subtype, reactions, files, extra)
            m["thread_ts"] = thread_ts
            if parent.get("user"):
                m["parent_user_id"] = parent["user"]
            if broadcast:
                m["root"] = {k: parent[k] for k in ("type", "user", "text", "ts", "thread_ts") if k in parent}
                m["root"]["thread_ts"] = thread_ts
            self._insert(ch, ts, m, broadcast)
            bisect.insort(ch.threads.setdefault(thread_ts, []), ts)
            self._refresh_thread(ch, thread_ts)
            self._message_event(ch, m)
            return ts

    def _changed(self, m: dict, gone: bool = False) -> None:
        """A stored message was added or changed (or, gone=True, removed): forget its JSON."""
        if gone:
            self._json.pop(id(m), None)
        else:
            self._json[id(m)] = [m, None]

    def _refresh_thread(self, ch: Channel, parent_ts: str) -> None:
        parent = ch.msgs[parent_ts]
        replies = ch.threads.get(parent_ts) or []
        if not replies:
            ch.threads.pop(parent_ts, None)
            for k in ("thread_ts", "reply_count", "reply_users_count", "latest_reply", "reply_users",
                      "is_locked", "subscribed"):
                parent.pop(k, None)
            if parent.get("subtype") == "tombstone":  # a deleted parent goes once its last reply does
                ch.msgs.pop(parent_ts, None)
                self._remove_top(ch, parent_ts)
                self._changed(parent, gone=True)
            else:
                self._changed(parent)
            return
        users: list[str] = []
        for t in replies:
            u = ch.msgs[t].get("user") or ch.msgs[t].get("bot_id")
            if u and u not in users:
                users.append(u)
        parent.update(thread_ts=parent_ts, reply_count=len(replies), reply_users_count=len(users),
                      latest_reply=replies[-1], reply_users=users[:5], is_locked=False, subscribed=False)
        self._changed(parent)

    def _remove_top(self, ch: Channel, ts: str) -> None:
        i = bisect.bisect_left(ch.top, ts)
        if i < len(ch.top) and ch.top[i] == ts:
            del ch.top[i]

    def edit(self, channel, ts, text=None, blocks=None, metadata=None, user=None, edited_ts=None) -> None:
        with self.lock:
            ch = self._chan(channel)
            m = ch.msgs[norm_ts(ts)]
            before = json.loads(dumps(m))
            if text is not None:
                m["text"] = text
            if blocks is not None:
                m["blocks"] = blocks
            if metadata is not None:
                m["metadata"] = metadata
            when = norm_ts(edited_ts) if edited_ts else self.next_ts()
            m["edited"] = {"user": user or m.get("user") or m.get("bot_id", ""), "ts": when}
            self._changed(m)
            self._emit_changed(ch, m, before)

    def _emit_changed(self, ch: "Channel", m: dict, before: dict) -> None:
        now = f"{time.time():.6f}"
        self._emit({"type": "message", "subtype": "message_changed", "hidden": True, "channel": ch.id,
                    "message": m, "previous_message": before, "ts": now, "event_ts": now,
                    "channel_type": "channel"})

    def delete(self, channel, ts) -> None:
        with self.lock:
            ch = self._chan(channel)
            ts = norm_ts(ts)
            m = ch.msgs[ts]
            before = json.loads(dumps(m))
            now = f"{time.time():.6f}"
            deleted = {"type": "message", "subtype": "message_deleted", "hidden": True, "channel": ch.id,
                       "deleted_ts": ts, "previous_message": before, "ts": now, "event_ts": now,
                       "channel_type": "channel"}
            parent_ts = m.get("thread_ts")
            if parent_ts and parent_ts != ts:  # a reply
                del ch.msgs[ts]
                self._changed(m, gone=True)
                ch.threads[parent_ts].remove(ts)
                self._remove_top(ch, ts)
                self._refresh_thread(ch, parent_ts)
            elif ch.threads.get(ts):  # a parent with replies leaves a tombstone, like Slack
                keep = {k: m[k] for k in ("thread_ts", "reply_count", "reply_users_count", "latest_reply",
                                          "reply_users", "is_locked", "subscribed") if k in m}
                m.clear()
                m.update(type="message", subtype="tombstone", text="This message was deleted.", user="USLACKBOT",
                         hidden=True, ts=ts, **keep)
                self._changed(m)
                self._emit_changed(ch, m, before)
                return
            else:
                del ch.msgs[ts]
                self._changed(m, gone=True)
                ch.threads.pop(ts, None)
                self._remove_top(ch, ts)
            self._emit(deleted)

    def react(self, channel, ts, name, users) -> None:
        with self.lock:
            m = self._chan(channel).msgs[norm_ts(ts)]
            self._changed(m)
            reactions = m.setdefault("reactions", [])
            new = list(dict.fromkeys(users))
            for r in reactions:
                if r["name"] == name:
                    new = [u for u in new if u not in r["users"]]
                    r["users"] += new
                    r["count"] = len(r["users"])
                    break
            else:
                reactions.append({"name": name, "users": new, "count": len(new)})
            for u in new:
                self._emit({"type": "reaction_added", "user": u, "reaction": name, "item_user": m.get("user"),
                            "item": {"type": "message", "channel": channel, "ts": m["ts"]}})

    def unreact(self, channel, ts, name, user) -> None:
        with self.lock:
            m = self._chan(channel).msgs[norm_ts(ts)]
            for r in m.get("reactions") or []:
                if r["name"] == name and user in r["users"]:
                    r["users"].remove(user)
                    r["count"] = len(r["users"])
                    if not r["users"]:
                        m["reactions"].remove(r)
                    if not m["reactions"]:
                        del m["reactions"]
                    self._changed(m)
                    self._emit({"type": "reaction_removed", "user": user, "reaction": name, "item_user": m.get("user"),
                                "item": {"type": "message", "channel": channel, "ts": m["ts"]}})
                    return

    def message(self, channel, ts) -> dict | None:
        with self.lock:
            return self._chan(channel).msgs.get(norm_ts(ts))

    def history_ts(self, channel) -> list[str]:
        with self.lock:
            return list(self._chan(channel).top)

    def thread_ts(self, channel, parent) -> list[str]:
        with self.lock:
            return list(self._chan(channel).threads.get(norm_ts(parent), []))

    def channel_by_name(self, name) -> dict | None:
        with self.lock:
            return next((c.info for c in self.channels.values() if c.info["name"] == name), None)

    # -- Web API ----------------------------------------------------------------------------------
    def api(self, method: str, p: dict) -> dict:
        """Answer one API call (caller holds the lock); raises ApiError for ok:false answers."""
        fn = API.get(method)
        if fn is None:
            raise ApiError("unknown_method", req_method=method)
        return {"ok": True, **fn(self, p)}

    def warm(self) -> None:
        """Encode every stored message now (FakeSlack.start does, so serving a page costs little)."""
        with self.lock:
            for e in self._json.values():
                if e[1] is None:
                    e[1] = dumps(e[0])

    def encode(self, body: dict) -> str:
        """dumps(body), reusing each stored message's encoding until the message changes."""
        msgs = body.get("messages")
        if not msgs:
            return dumps(body)
        parts = []
        for m in msgs:
            e = self._json.get(id(m))
            if e is None or e[0] is not m:  # not a stored message (a view without its metadata)
                parts.append(dumps(m))
                continue
            if e[1] is None:
                e[1] = dumps(m)
            parts.append(e[1])
        return dumps({**body, "messages": _HOLE}).replace(_HOLE_JSON, "[" + ",".join(parts) + "]", 1)

    def _visible(self, channel) -> Channel:
        """A channel the bot can see: private ones only when a member, like Slack."""
        ch = self.channels.get(str(channel or "").strip())
        if ch is None or (ch.info["is_private"] and self.bot_user_id not in ch.members):
            raise ApiError("channel_not_found")
        return ch

    def _readable(self, channel) -> Channel:
        ch = self._visible(channel)
        if self.bot_user_id not in ch.members:
            raise ApiError("not_in_channel")
        return ch

    def _chan_obj(self, ch: Channel) -> dict:
        out = dict(ch.info)
        out["is_member"] = self.bot_user_id in ch.members
        out["num_members"] = len(ch.members)
        return out

    def _view(self, m: dict, meta: bool) -> dict:
        if not meta and "metadata" in m:
            return {k: v for k, v in m.items() if k != "metadata"}
        return m

    @staticmethod
    def _bounds(p: dict) -> tuple[str | None, str | None, bool]:
        try:
            oldest = norm_ts(p["oldest"]) if p.get("oldest") not in (None, "") else None
        except ValueError:
            raise ApiError("invalid_ts_oldest") from None
        try:
            latest = norm_ts(p["latest"]) if p.get("latest") not in (None, "") else None
        except ValueError:
            raise ApiError("invalid_ts_latest") from None
        return oldest, latest, truthy(p.get("inclusive", ""))

    def _limit(self, p: dict, default: int, cap: int) -> int:
        n = as_int(p.get("limit"), default)
        n = default if n <= 0 else min(n, cap)
        if self.page_cap:
            n = min(n, self.page_cap)
        return n


# -- methods: each takes (ws, params), returns the ok:true body fields ------------------------------
def auth_test(ws: Workspace, p: dict) -> dict:
    return {"url": f"https://{ws.name}.slack.com/", "team": ws.name, "user": "paxminer", "team_id": ws.team,
            "user_id": ws.bot_user_id, "bot_id": ws.bot_id, "is_enterprise_install": False}


def conversations_list(ws: Workspace, p: dict) -> dict:
    types = {t.strip() for t in str(p.get("types") or "public_channel").split(",") if t.strip()}
    if types - {"public_channel", "private_channel", "im", "mpim"}:
        raise ApiError("invalid_types")
    limit = min(as_int(p.get("limit"), 100) or 100, LIST_CAP)
    start = 0
    if p.get("cursor"):
        cid = decode_cursor(p["cursor"], "team")
        if cid not in ws.channels:
            raise ApiError("invalid_cursor")
        start = ws._chan_order.index(cid)
    window = ws._chan_order[start:start + limit]
    nxt = ws._chan_order[start + limit] if start + limit < len(ws._chan_order) else ""
    out = []
    # Slack filters after paging: pages can be short, even empty, while the cursor goes on.
    for cid in window:
        ch = ws.channels[cid]
        info = ch.info
        if info["is_im"]:
            continue
        kind = "private_channel" if info["is_private"] else "public_channel"
        if kind not in types:
            continue
        if info["is_private"] and ws.bot_user_id not in ch.members:
            continue
        if info["is_archived"] and truthy(p.get("exclude_archived", "")):
            continue
        out.append(ws._chan_obj(ch))
    return {"channels": out, "response_metadata": {"next_cursor": encode_cursor("team", nxt) if nxt else ""}}


def users_list(ws: Workspace, p: dict) -> dict:
    ids = list(ws.users)
    limit = as_int(p.get("limit"), 0)
    limit = len(ids) if limit <= 0 else min(limit, LIST_CAP)
    start = 0
    if p.get("cursor"):
        uid = decode_cursor(p["cursor"], "user")
        if uid not in ws.users:
            raise ApiError("invalid_cursor")
        start = ids.index(uid)
    nxt = ids[start + limit] if start + limit < len(ids) else ""
    return {"members": [ws.users[u] for u in ids[start:start + limit]], "cache_ts": 1700000000,
            "response_metadata": {"next_cursor": encode_cursor("user", nxt) if nxt else ""}}


def conversations_history(ws: Workspace, p: dict) -> dict:
    ch = ws._readable(p.get("channel"))
    oldest, latest, inclusive = ws._bounds(p)
    limit = ws._limit(p, 100, HISTORY_CAP)
    top = ch.top
    lo = 0 if oldest is None else (bisect.bisect_left if inclusive else bisect.bisect_right)(top, oldest)
    if p.get("cursor"):
        hi = bisect.bisect_right(top, ts_from_cursor(p["cursor"]))  # cursor = next ts to return
    elif latest is not None:
        hi = (bisect.bisect_right if inclusive else bisect.bisect_left)(top, latest)
    else:
        hi = len(top)
    start = max(lo, hi - limit)
    meta = truthy(p.get("include_all_metadata", ""))
    msgs = [ws._view(ch.msgs[t], meta) for t in reversed(top[start:hi])]
    more = start > lo
    out = {"messages": msgs, "has_more": more, "pin_count": 0, "channel_actions_ts": None,
           "channel_actions_count": 0}
    out["response_metadata"] = {"next_cursor": ts_cursor(top[start - 1]) if more else ""}
    return out


def conversations_replies(ws: Workspace, p: dict) -> dict:
    ch = ws._readable(p.get("channel"))
    if not p.get("ts"):
        raise ApiError("invalid_arguments")
    try:
        ts = norm_ts(p["ts"])
    except ValueError:
        raise ApiError("thread_not_found") from None
    m = ch.msgs.get(ts)
    if m is None:
        raise ApiError("thread_not_found")
    parent_ts = m.get("thread_ts", ts)  # a reply's ts gives its whole thread
    parent = ch.msgs.get(parent_ts)
    if parent is None:
        raise ApiError("thread_not_found")
    oldest, latest, inclusive = ws._bounds(p)
    limit = ws._limit(p, 1000, 1000)
    replies = ch.threads.get(parent_ts, [])
    lo = 0 if oldest is None else (bisect.bisect_left if inclusive else bisect.bisect_right)(replies, oldest)
    if p.get("cursor"):
        lo = max(lo, bisect.bisect_left(replies, ts_from_cursor(p["cursor"])))
    hi = len(replies) if latest is None else (bisect.bisect_right if inclusive else bisect.bisect_left)(
        replies, latest)
    # Slack repeats the parent first on every page; it counts towards the limit.
    end = min(hi, lo + max(1, limit - 1))
    meta = truthy(p.get("include_all_metadata", ""))
    msgs = [ws._view(parent, meta)] + [ws._view(ch.msgs[t], meta) for t in replies[lo:end]]
    more = end < hi
    return {"messages": msgs, "has_more": more,
            "response_metadata": {"next_cursor": ts_cursor(replies[end]) if more else ""}}


def conversations_join(ws: Workspace, p: dict) -> dict:
    ch = ws._visible(p.get("channel"))
    info = ch.info
    if info["is_im"] or info["is_private"]:
        raise ApiError("method_not_supported_for_channel_type")
    if info["is_archived"]:
        raise ApiError("is_archived")
    out = {}
    if ws.bot_user_id in ch.members:
        out["warning"] = "already_in_channel"
        out["response_metadata"] = {"warnings": ["already_in_channel"]}
    else:
        ch.members.add(ws.bot_user_id)
        ts = ws.next_ts()
        ws._insert(ch, ts, {"type": "message", "subtype": "channel_join", "user": ws.bot_user_id,
                            "text": f"<@{ws.bot_user_id}> has joined the channel", "ts": ts}, True)
        ws._emit({"type": "member_joined_channel", "user": ws.bot_user_id, "channel": ch.id, "channel_type": "C",
                  "team": ws.team})
    return {"channel": ws._chan_obj(ch), **out}


def conversations_open(ws: Workspace, p: dict) -> dict:
    users = [u.strip() for u in str(p.get("users") or "").split(",") if u.strip()]
    if not users:
        raise ApiError("users_list_not_supplied")
    if len(users) > 1:
        return _open_group(ws, users)
    uid = users[0]
    user = ws.users.get(uid)
    if user is None:
        raise ApiError("user_not_found")
    if user.get("deleted"):
        raise ApiError("user_disabled")
    if user.get("is_bot") or uid == "USLACKBOT":
        raise ApiError("cannot_dm_bot")
    out = {}
    if uid in ws.dms:
        out = {"no_op": True, "already_open": True}
    else:
        did = "D" + uid[1:]
        ws.dms[uid] = did
        info = {"id": did, "created": 1700000000, "is_im": True, "is_org_shared": False, "user": uid,
                "is_archived": False, "is_private": True, "is_channel": False, "name": did, "is_group": False,
                "is_mpim": False}
        ws.channels[did] = Channel(info, {uid, ws.bot_user_id})
        ws._chan_order.append(did)
    return {"channel": {"id": ws.dms[uid]}, **out}


def _open_group(ws: Workspace, users: list[str]) -> dict:
    """A group DM (mpim) of these people and the bot: the same one for the same people."""
    for uid in users:
        user = ws.users.get(uid)
        if user is None:
            raise ApiError("user_not_found")
        if user.get("deleted"):
            raise ApiError("user_disabled")
    members = frozenset(users) | {ws.bot_user_id}
    gid = ws.dms.get(members)
    if gid is None:
        gid = ws.dms[members] = f"G{len(ws.dms) + 1:08d}"
        info = {"id": gid, "created": 1700000000, "is_im": False, "is_mpim": True, "is_group": False,
                "is_private": True, "is_channel": False, "is_archived": False, "name": "mpdm-" + "--".join(sorted(users))}
        ws.channels[gid] = Channel(info, set(members))
        ws._chan_order.append(gid)
    return {"channel": {"id": gid}}


def views_publish(ws: Workspace, p: dict) -> dict:
    """The app's Home tab for one user: kept in ws.home[user_id] (the last one published)."""
    uid = p.get("user_id") or ""
    user = ws.users.get(uid)
    if user is None:
        raise ApiError("user_not_found")
    view = json_param(p.get("view"), "invalid_arguments")
    if not isinstance(view, dict) or view.get("type") != "home":
        raise ApiError("invalid_arguments")
    blocks = view.get("blocks")
    if not isinstance(blocks, list) or len(blocks) > 100 or not all(isinstance(b, dict) and b.get("type") for b in blocks):
        raise ApiError("invalid_blocks")
    ws.home[uid] = view
    return {"view": {"id": f"V{uid}", "type": "home", "blocks": blocks}}


def _target(ws: Workspace, channel) -> Channel:
    """A channel the bot may write to: an ID it can see and is in; names are not accepted."""
    ch = ws._visible(channel)
    if ch.info["is_archived"]:
        raise ApiError("is_archived")
    if ws.bot_user_id not in ch.members:
        raise ApiError("not_in_channel")
    return ch


def chat_post_message(ws: Workspace, p: dict) -> dict:
    ch = _target(ws, p.get("channel"))
    blocks = json_param(p.get("blocks"), "invalid_blocks_format")
    if blocks is not None and (not isinstance(blocks, list) or len(blocks) > 50
                               or not all(isinstance(b, dict) and b.get("type") for b in blocks)):
        raise ApiError("invalid_blocks")
    meta = json_param(p.get("metadata"), "invalid_metadata_format")
    if meta is not None and not (isinstance(meta, dict) and meta.get("event_type")
                                 and isinstance(meta.get("event_payload"), dict)):
        raise ApiError("invalid_metadata_schema")
    text = p.get("text") or ""
    if not text and not blocks:
        raise ApiError("no_text")
    if len(text) > 40000:
        raise ApiError("msg_too_long")
    thread = p.get("thread_ts") or None
    ts = ws.arrival_ts()
    m = ws._build(text, ws.bot_user_id, ts, blocks, meta, ws.bot_id, p.get("username"), None, None, None,
                  {"app_id": ws.app_id, "team": ws.team})
    if thread:
        try:
            thread = norm_ts(thread)
        except ValueError:
            raise ApiError("thread_not_found") from None
        parent = ch.msgs.get(thread)
        if parent is None:
            raise ApiError("thread_not_found")
        thread = parent.get("thread_ts", thread)
        m["thread_ts"] = thread
        ws._insert(ch, ts, m, truthy(p.get("reply_broadcast", "")))
        bisect.insort(ch.threads.setdefault(thread, []), ts)
        ws._refresh_thread(ch, thread)
    else:
        ws._insert(ch, ts, m, True)
    ws._message_event(ch, m)
    ws.posted.append({"channel": ch.id, "text": text, "blocks": blocks, "ts": ts, "thread_ts": thread,
                      "metadata": meta, "username": p.get("username"), "params": dict(p)})
    return {"channel": ch.id, "ts": ts, "message": ws._view(m, False)}


def chat_get_permalink(ws: Workspace, p: dict) -> dict:
    ch = ws._visible(p.get("channel"))
    try:
        ts = norm_ts(p.get("message_ts") or "")
    except ValueError:
        raise ApiError("message_not_found") from None
    m = ch.msgs.get(ts)
    if m is None:
        raise ApiError("message_not_found")
    url = f"https://{ws.name}.slack.com/archives/{ch.id}/p{ts.replace('.', '')}"
    if m.get("thread_ts") and m["thread_ts"] != ts:
        url += f"?thread_ts={m['thread_ts']}&cid={ch.id}"
    return {"channel": ch.id, "permalink": url}


def files_get_upload_url(ws: Workspace, p: dict) -> dict:
    filename = p.get("filename")
    length = as_int(p.get("length"), -1)
    if not filename or length < 0:
        raise ApiError("invalid_arguments")
    ws._file_seq += 1
    fid = f"F{ws.team[-3:]}{ws._file_seq:07d}".upper()
    ws._files[fid] = {"filename": filename, "length": length, "content": None}
    return {"upload_url": f"{ws.origin}/upload/v1/{ws.key}/{fid}", "file_id": fid}


def receive_upload(ws: Workspace, fid: str, data: bytes) -> bool:
    f = ws._files.get(fid)
    if f is None:
        return False
    f["content"] = data
    return True


def files_complete_upload(ws: Workspace, p: dict) -> dict:
    files = json_param(p.get("files"), "invalid_arguments")
    if not isinstance(files, list) or not files or not all(isinstance(f, dict) and f.get("id") for f in files):
        raise ApiError("invalid_arguments")
    for f in files:
        got = ws._files.get(f["id"])
        if got is None or got["content"] is None:
            raise ApiError("file_not_found")
    channel = p.get("channel_id") or (str(p.get("channels") or "").split(",")[0] or None)
    ch = _target(ws, channel) if channel else None
    comment = p.get("initial_comment") or ""
    objs = []
    for f in files:
        got = ws._files[f["id"]]
        title = f.get("title") or got["filename"]
        objs.append(ws._file_obj({"id": f["id"], "name": got["filename"], "title": title,
                                  "size": len(got["content"])}, ws.bot_user_id))
        if ch is not None:
            ws.uploads.append({"channel": ch.id, "filename": got["filename"], "title": title,
                               "initial_comment": comment, "content": got["content"], "file_id": f["id"],
                               "thread_ts": p.get("thread_ts")})
    if ch is not None:
        ts = ws.arrival_ts()
        m = {"type": "message", "text": comment, "user": ws.bot_user_id, "bot_id": ws.bot_id, "app_id": ws.app_id,
             "ts": ts, "files": objs, "upload": True}
        ws._insert(ch, ts, m, True)
    return {"files": [{"id": o["id"], "title": o["title"]} for o in objs]}


API = {
    "auth.test": auth_test,
    "conversations.list": conversations_list,
    "users.list": users_list,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "conversations.join": conversations_join,
    "conversations.open": conversations_open,
    "chat.postMessage": chat_post_message,
    "views.publish": views_publish,
    "chat.getPermalink": chat_get_permalink,
    "files.getUploadURLExternal": files_get_upload_url,
    "files.completeUploadExternal": files_complete_upload,
}
