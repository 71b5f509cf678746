"""Backfill from a Slack workspace export: `paxminer import EXPORT --region NAME`.

An export (the .zip, or the folder it unpacks to) holds `users.json`, `channels.json` (public
channels; `groups.json` for private ones in some plans) and one folder per channel with a JSON
file per day: the messages posted that day, thread replies included (with `thread_ts`).

Everything goes where the miner puts it: users.json -> `users`, channels.json -> `aos` (the same
row builders as the listers), each message -> the raw archive with source 'export' (the miner's
row builder; thread replies stored like the miner's replies), then the beatdown builder parses.
Like the miner, only backblast channels and the channels kept for Slack activity (the region
channel, channels marked region or help) are archived, unless asked for every channel.
The newer version of a message (its edit ts) always wins, whatever order imports and mines come
in: an older export never reverts an edit, and a re-import changes nothing. Each channel's watermark is set to its newest imported message, so the next
`mine` reads only from there (minus the lookback window) instead of the whole history: a new
region brings years in without touching Slack's rate limits. No feedback DMs for imported posts.

Fast: day files are read in order and written in chunks of CHUNK messages per channel, one
transaction per chunk. A file that cannot be read (bad JSON) is reported and skipped; nothing
else is lost.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import stat
import sys
import time
import zipfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import bindparam, text
from sqlalchemy.exc import DBAPIError

from miner.app import App
from miner.archive import store as archive
from miner.core.clean import BadItems, is_ts
from miner.core.db import ensure_tables, is_transient, upsert
from miner.core.errors import PaxminerError, short_error
from miner.core.registry import Region

log = logging.getLogger("miner.archive.export")
CHUNK = 5000  # messages per transaction
MAX_FILE_BYTES = 256 * 1024 * 1024  # one JSON file of an export, unpacked: past this it is refused (zip bombs)


class ExportError(PaxminerError):
    """The export cannot be imported at all (one clear line)."""


# -- reading the export --------------------------------------------------------------------------
class Source:
    """The files of an export, zip or folder, as relative POSIX paths."""

    def __init__(self, path):
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self.links: list[str] = []  # symbolic links in a folder export: never followed
        if self.path.is_dir():
            self.path = self.path.resolve()
            self.files = self._walk()
        elif self.path.is_file():
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ExportError(f"{self.path} is not a Slack export (.zip or its unpacked folder): {exc}") from None
            # a zip written on Windows names members channel\\2016-01-14.json: read as channel/2016-01-14.json
            self._members = {i.filename.replace("\\", "/"): i.filename for i in self._zip.infolist()
                             if not i.is_dir() and i.filename.endswith(".json")}
            sizes = {i.filename: i.file_size for i in self._zip.infolist()}
            self.files = {n: sizes[m] for n, m in self._members.items()}
        else:
            raise ExportError(f"export not found: {self.path}")
        big = [(n, size) for n, size in self.files.items() if size > MAX_FILE_BYTES]
        if big:
            name, size = max(big, key=lambda b: b[1])
            self.close()
            raise ExportError(f"{self.path}: {name} unpacks to {size / 2**20:,.0f} MiB, over the "
                              f"{MAX_FILE_BYTES // 2**20} MiB limit for one file of an export; refusing the export")
        tops = sorted((n for n in self.files if posixpath.basename(n) == "channels.json"), key=lambda n: n.count("/"))
        if not tops:
            raise ExportError(f"{self.path} is not a Slack export: no channels.json in it")
        self.prefix = posixpath.dirname(tops[0])

    def _walk(self) -> dict[str, int]:
        """The folder's JSON files; symbolic links (files or folders) are listed in `links`, never followed."""
        out = {}
        for top, dirs, names in os.walk(self.path, followlinks=False):
            for d in list(dirs):
                if os.path.islink(os.path.join(top, d)):
                    dirs.remove(d)
                    self.links.append(Path(top, d).relative_to(self.path).as_posix())
            for n in names:
                full = Path(top, n)
                if not n.endswith(".json"):
                    continue
                rel = full.relative_to(self.path).as_posix()
                if full.is_symlink():
                    self.links.append(rel)
                    continue
                st = full.lstat()
                if stat.S_ISREG(st.st_mode):
                    out[rel] = st.st_size
        return out

    def name(self, rel: str) -> str:
        return posixpath.join(self.prefix, rel) if self.prefix else rel

    def has(self, rel: str) -> bool:
        return self.name(rel) in self.files

    def read_json(self, full: str):
        if full not in self.files:
            raise KeyError(f"{full} is not a file of this export")
        if self._zip is not None:
            with self._zip.open(self._members[full]) as f:  # zipfile stops at the member's declared size (checked above)
                data = f.read(MAX_FILE_BYTES + 1)
        else:
            fd = os.open(self.path / full, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"over the {MAX_FILE_BYTES // 2**20} MiB limit for one file")
        return json.loads(data.decode("utf-8-sig"))

    def day_files(self) -> dict[str, list[str]]:
        """Folder name -> its day files (full names), in date order."""
        out: dict[str, list[str]] = defaultdict(list)
        base = self.prefix + "/" if self.prefix else ""
        for full in self.files:
            if not full.startswith(base):
                continue
            rel = full[len(base):]
            parts = rel.split("/")
            if len(parts) == 2 and parts[1][:4].isdigit():
                out[parts[0]].append(full)
        return {k: sorted(v) for k, v in out.items()}

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


# -- importing -----------------------------------------------------------------------------------
def import_export(app: App, region: Region, path, progress: bool | None = None, chunk: int = CHUNK,
                  parse: bool = True, all_channels: bool = False, dms: bool = False) -> dict:
    """Import a Slack export into a region; returns counts and `errors` (files that could not be read).

    Only the channels the miner archives (backblast channels, the region channel, channels marked
    region or help) unless `all_channels`: then every channel of the export, and its direct and
    group messages (dms.json, mpims.json: Slack activity, never `aos` rows), which `dms` alone
    also adds. `skipped_dms` says how many conversations were left out.
    """
    from miner.listers.channels import build_channel_rows
    from miner.listers.users import build_user_row, valid_id

    t0 = time.perf_counter()
    eng = app.db.engine(region.schema_name)
    src = Source(path)
    errors: list[str] = [f"{link}: a symbolic link, not followed" for link in src.links]
    counts = {"files": 0, "channels": 0, "messages": 0, "new": 0, "changed": 0, "kept": 0, "replies": 0,
              "users": 0, "new_users": 0, "new_channels": 0, "skipped_folders": 0, "skipped_channels": 0,
              "skipped_dms": 0, "users_without_id": 0, **dict.fromkeys(archive.BAD_COUNTS, 0), "bad": []}
    try:
        try:
            channels = src.read_json(src.name("channels.json"))
        except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
            raise ExportError(f"channels.json cannot be read: {_short(exc)}") from None
        if not isinstance(channels, list):
            raise ExportError("channels.json is not a list of channels")
        if src.has("groups.json"):
            try:
                groups = src.read_json(src.name("groups.json"))
                channels += [dict(g, is_private=True) for g in groups if isinstance(g, dict)]
            except (ValueError, OSError, zipfile.BadZipFile) as exc:
                errors.append(f"groups.json: {_short(exc)}")
        channels = [c for c in channels if isinstance(c, dict) and c.get("id")]
        today = datetime.now(timezone.utc).date().isoformat()

        # users and channels: add what is new, never overwrite what the listers stored
        users = []
        if src.has("users.json"):
            try:
                listed = [m for m in src.read_json(src.name("users.json")) if isinstance(m, dict)]
                users = [m for m in listed if m.get("id")]
                if len(users) < len(listed):  # reported in the summary, not an unreadable file
                    counts["users_without_id"] = len(listed) - len(users)
                    log.warning("users.json: %d entries without an id skipped (e.g. %s)", len(listed) - len(users),
                                _who(next(m for m in listed if not m.get("id"))))
            except (ValueError, TypeError, OSError, zipfile.BadZipFile) as exc:
                errors.append(f"users.json: {_short(exc)}")
        conversations = read_conversations(src, errors)  # DMs and group DMs: archived only when asked
        counts["dms"] = len(conversations)
        ensure_tables(eng, "bad_items")
        bad = BadItems("users"), BadItems("aos")
        with eng.begin() as conn:
            have_users = {r[0] for r in conn.execute(text("SELECT user_id FROM users"))}
            existing = {r["channel_id"]: dict(r) for r in conn.execute(text(
                "SELECT channel_id, backblast, backblast_set_by, kind FROM aos")).mappings()}
            for m in users:
                if not valid_id(m["id"]):
                    bad[0].note(str(m["id"])[:100], "user_id", "rejected", "not a Slack user ID that fits (45 characters)", m)
            new_users = [build_user_row(m, today, bad[0]) for m in users if valid_id(m["id"]) and m["id"] not in have_users]
            upsert(conn, "users", new_users, ["user_id"], update=[])
            new_chans = [r for r in build_channel_rows(channels, existing, region, bad[1]) if r["channel_id"] not in existing]
            upsert(conn, "aos", new_chans, ["channel_id"], update=[])
            for b in bad:
                b.save(conn)
        counts.update(users=len(users), new_users=len(new_users), new_channels=len(new_chans))
        for b in bad:
            for k, v in b.counts().items():
                counts[k] += v
            counts["bad"] += b.reasons()

        by_name = {c.get("name") or c["id"]: c for c in channels}
        by_id = {c["id"]: c for c in channels}
        dm_folders = {key: c for c in conversations for key in (c["id"], c.get("name")) if key}
        wanted = None if all_channels else archived_channels(eng, region)
        folders = src.day_files()
        todo = []
        for folder, files in sorted(folders.items()):
            ch = by_name.get(folder) or by_id.get(folder)
            if ch is None and folder in dm_folders:
                if not (all_channels or dms):
                    counts["skipped_dms"] += 1
                    continue
                ch = dm_folders[folder]
            elif ch is None:  # a folder no channel list names
                counts["skipped_folders"] += 1
                continue
            elif wanted is not None and ch["id"] not in wanted:  # the miner does not archive this channel either
                counts["skipped_channels"] += 1
                continue
            todo.append((ch, files))
        total_files = sum(len(f) for _, f in todo)
        bar = _bar(total_files, region.region, progress)
        try:
            for ch, files in todo:
                c = import_channel(eng, src, ch, files, chunk, errors, bar)
                counts["channels"] += 1
                for k in ("files", "messages", "new", "changed", "kept", "replies", *archive.BAD_COUNTS):
                    counts[k] += c[k]
                counts["bad"] = (counts["bad"] + c["bad"])[:20]
        finally:
            bar.close()
    finally:
        src.close()
    counts["load_seconds"] = round(time.perf_counter() - t0, 2)
    counts.update(backblasts=0, problems=0, duplicates=0)
    if parse:
        from miner.beatdowns.build import build_beatdowns

        built = build_beatdowns(app, region, bar=progress)
        counts.update(backblasts=built["backblasts"], problems=built["problems"], duplicates=built["duplicates"],
                      parsed=built["messages"])
    counts["errors"] = errors
    counts["seconds"] = round(time.perf_counter() - t0, 2)
    return counts


def _who(member: dict) -> str:
    return str(member.get("name") or (member.get("profile") or {}).get("real_name") or "an unnamed entry")[:40]


def read_conversations(src: Source, errors: list[str]) -> list[dict]:
    """The export's direct messages (dms.json, folders named by the DM's id) and group DMs
    (mpims.json, folders named by the group's name)."""
    out = []
    for name in ("dms.json", "mpims.json"):
        if not src.has(name):
            continue
        try:
            listed = src.read_json(src.name(name))
        except (ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
            errors.append(f"{name}: {_short(exc)}")
            continue
        out += [dict(c, is_private=True) for c in listed or [] if isinstance(c, dict) and c.get("id")]
    return out


def archived_channels(eng, region) -> set[str]:
    """The channels the miner archives (miner.mine.mined_channels, archived ones included)."""
    with eng.connect() as conn:
        return {r[0] for r in conn.execute(text(
            "SELECT channel_id FROM aos WHERE backblast = 1 OR kind IN ('region', 'help') OR channel_id = :firstf"
        ), {"firstf": region.firstf_channel or ""})}


def _bar(total: int, region: str, progress: bool | None):
    from tqdm import tqdm

    disable = (not sys.stderr.isatty()) if progress is None else not progress
    return tqdm(total=total, unit="day", desc=f"{region}: importing", disable=disable, file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)


def import_channel(eng, src: Source, ch: dict, files: list[str], chunk: int, errors: list[str], bar) -> dict:
    """One channel's day files -> archive, in chunks; then its watermark and thread states."""
    cid = ch["id"]
    counts = {"files": 0, "messages": 0, "new": 0, "changed": 0, "kept": 0, "replies": 0,
              **dict.fromkeys(archive.BAD_COUNTS, 0), "bad": []}
    buf: list[dict] = []
    newest = None
    threads: dict[str, dict] = {}  # parent ts -> {"reply_count", "latest_reply", "seen"}

    def save(part: list[dict]) -> dict:
        with eng.begin() as conn:
            todo = not_stored(conn, cid, part)
            return archive.save_messages(conn, cid, todo, None, "export")  # not_stored chose: newer versions only

    def flush():
        if not buf:
            return
        try:
            parts = [save(buf)]
        except DBAPIError as exc:  # one message the database refuses never costs the chunk: one at a time
            if is_transient(exc):
                raise
            parts = []
            for m in buf:
                try:
                    parts.append(save([m]))
                except DBAPIError as one:
                    if is_transient(one):
                        raise
                    bad = BadItems("messages")
                    bad.note(f"{cid}:{m.get('ts')}", "message", "rejected", f"the database refused it: {short_error(one)}", m)
                    with eng.begin() as conn:
                        bad.save(conn)
                    parts.append({"new": 0, "changed": 0, "rejected": 1, "bad": bad.reasons()})
        for c in parts:
            counts["new"] += c["new"]
            counts["changed"] += c["changed"]
            for k in archive.BAD_COUNTS:
                counts[k] += c.get(k, 0)
            counts["bad"] += c.get("bad", [])
            counts["kept"] -= c["new"] + c["changed"] + c.get("rejected", 0)
        counts["kept"] += len(buf)
        buf.clear()

    for full in files:
        try:
            day = src.read_json(full)
            if not isinstance(day, list):
                raise ValueError("not a list of messages")
        except (ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
            errors.append(f"{full}: {_short(exc)}")
            log.info("%s: skipped: %s", full, _short(exc))
            bar.update(1)
            continue
        counts["files"] += 1
        for m in day:
            if not isinstance(m, dict) or not m.get("ts"):
                continue
            ts = m["ts"]
            if not isinstance(ts, str):
                try:
                    ts = m["ts"] = f"{float(ts):.6f}"
                except (TypeError, ValueError, OverflowError):
                    ts = m["ts"] = str(ts)
            counts["messages"] += 1
            if not is_ts(ts):  # the archive rejects it (noted with its reason); it never becomes a watermark
                buf.append(m)
                continue
            thread = m.get("thread_ts")
            if thread and thread != ts:
                counts["replies"] += 1
                threads.setdefault(thread, {"reply_count": None, "latest_reply": None, "seen": 0})["seen"] += 1
            elif isinstance(m.get("reply_count"), int) and m["reply_count"] > 0:
                t = threads.setdefault(ts, {"reply_count": None, "latest_reply": None, "seen": 0})
                t.update(reply_count=m["reply_count"], latest_reply=m.get("latest_reply"))
            if newest is None or float(ts) > float(newest):
                newest = ts
            buf.append(m)
        if len(buf) >= chunk:
            flush()
        bar.update(1)
    flush()
    finish_channel(eng, ch, newest, threads)
    return counts


def _edit_stamp(edited_ts) -> float:
    try:
        return float(edited_ts or 0)
    except (TypeError, ValueError):
        return 0.0


def not_stored(conn, channel_id: str, messages: list[dict]) -> list[dict]:
    """The messages worth writing: not stored yet, or a newer version of a stored one, or stored from
    an export and different now. The newer version of a message always wins (its edit ts), whatever
    order exports are imported and mines run in: an older export never reverts an edit. What the API
    stored is touched only by a newer edit (an export taken after the mine) and never once deleted;
    a re-import of the same export writes nothing."""
    have = {
        r.ts: r for r in conn.execute(text(
            "SELECT ts, source, content_hash, deleted, reaction_count, reply_count, latest_reply, file_count, edited_ts "
            "FROM messages WHERE channel_id = :c AND ts IN :ts").bindparams(bindparam("ts", expanding=True)),
            {"c": channel_id, "ts": [m["ts"] for m in messages]})
    }
    if not have:
        return messages
    out = []
    for m in messages:
        r = have.get(m["ts"])
        if r is None:
            out.append(m)
            continue
        incoming, stored = _edit_stamp((m.get("edited") or {}).get("ts")), _edit_stamp(r.edited_ts)
        if incoming < stored:  # an older version than the one we have
            continue
        if r.source == "api" and (incoming == stored or r.deleted):
            continue
        try:
            same = (r.content_hash == archive.content_hash(m) and not r.deleted
                    and r.reaction_count == sum(int(x.get("count") or 0) for x in m.get("reactions") or [])
                    and r.reply_count == int(m.get("reply_count") or 0) and r.latest_reply == m.get("latest_reply")
                    and r.file_count == len(archive.message_files(m)))
        except (RecursionError, ValueError, TypeError, AttributeError):  # malformed: save_messages repairs it
            same = False
        if not same:
            out.append(m)
    return out


def finish_channel(eng, ch: dict, newest: str | None, threads: dict[str, dict]) -> None:
    """Watermark the channel at its newest imported message (never backwards), and mark threads whose
    replies all came with the export as read, so the next mine neither re-reads history nor threads."""
    cid = ch["id"]
    complete = [
        {"s": archive.thread_state(t["reply_count"], t["latest_reply"]), "c": cid, "p": p}
        for p, t in threads.items() if t["reply_count"] and t["seen"] >= t["reply_count"]
    ]
    with eng.begin() as conn:
        if complete:
            conn.execute(text("UPDATE messages SET replies_seen = :s WHERE channel_id = :c AND ts = :p "
                              "AND source = 'export' AND replies_seen IS NULL"), complete)
        if newest is None:
            return
        row = conn.execute(text("SELECT watermark_ts, last_complete FROM channel_state WHERE channel_id = :c"),
                           {"c": cid}).first()
        mark = newest
        if row is not None and row.watermark_ts and float(row.watermark_ts) > float(newest):
            mark = row.watermark_ts
        values = {"channel_id": cid, "watermark_ts": mark}
        if ch.get("is_archived") and (row is None or not row.last_complete):
            values["last_complete"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        upsert(conn, "channel_state", [values], ["channel_id"])
