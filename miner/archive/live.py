"""Slack's events -> the same rows the miner and the listers write, for one region.

`paxminer listen` (miner/listen) hands each region's events here in arrival order, a batch at a
time. A batch is one transaction: events already applied (by Slack's event id, table
`listen_events`) are skipped, so a redelivered envelope or a replayed spool changes nothing.

- message (posts, thread replies, broadcasts, bot posts with blocks and metadata), and
  message_changed / message_replied: the message as Slack now shows it goes through
  archive.save_messages (same key, content hash and dirty rule as a mine); a new one is parsed at
  once (beatdowns.Parser.parse_new) and its beatdown built right after the commit
  (resolve_fresh); an edited one is re-parsed by build_beatdowns.
- message_deleted: the archived message is marked deleted (store.mark_deleted), its beatdown goes.
- reaction_added / reaction_removed: the message's reactions (store.set_reaction; not dirty).
- channel_created / channel_rename / channel_archive / channel_unarchive / member_joined_channel
  (the bot): `aos` rows by the channel-lister's rules (listers.channels.build_channel_rows; an
  admin's choices stay); a new backblast channel is joined, as the lister does.
- team_join / user_change: `users` rows by the user-lister's rules.
Only channels the miner archives are archived. Feedback DMs about problem backblasts go out
right after their batch, through feedback.send_feedback.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from sqlalchemy import bindparam, text

from miner.app import App
from miner.archive import store
from miner.core.db import in_transaction, upsert, utcnow
from miner.core.registry import Region

log = logging.getLogger("miner.archive.live")

EVENT_ONLY_KEYS = ("channel", "event_ts", "channel_type", "hidden")  # in a message event, not in history
STORED_SUBTYPES_SKIP = {"message_changed", "message_deleted", "message_replied"}


class LiveRegion:
    """One region's writer; not thread-safe (the listener has one writer thread)."""

    def __init__(self, app: App, region: Region, bot_user_id: str | None = None):
        self.app, self.region = app, region
        if bot_user_id:
            self._bot = bot_user_id
        self.eng = app.db.engine(region.schema_name)
        self._parser = None
        self._channels: dict | None = None
        self._slack = None

    # -- what the listener calls ----------------------------------------------------------------
    def apply(self, events: list[tuple[str, dict]]) -> dict:
        """Apply (event_id, event) pairs in order, then build beatdowns and send feedback."""
        from miner.beatdowns.build import build_beatdowns, resolve_fresh
        from miner.beatdowns.feedback import send_feedback

        work = {"applied": 0, "skipped": 0, "dirty": 0, "new": 0, "problems": 0, "backblasts": 0, "join": [],
                "directory": False}
        parser = self.parser(check_aliases=True)

        def tx(conn):
            for k in work:
                work[k] = [] if k == "join" else (False if k == "directory" else 0)
            ids = [e for e, _ in events if e]
            seen = set()
            if ids:
                seen = {r.event_id for r in conn.execute(text(
                    "SELECT event_id FROM listen_events WHERE event_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)), {"ids": ids})}
            now, fresh_ids, run = utcnow(), [], []
            for event_id, event in events:
                if event_id and (event_id in seen or event_id in fresh_ids):
                    work["skipped"] += 1
                    continue
                posted = _posted(event)
                if run and (posted is None or posted[0] != run[0][0]):
                    self._messages(conn, run, work)  # a run of posts in one channel: one upsert
                    run = []
                if posted is not None:
                    run.append(posted)
                else:
                    self._one(conn, event, work)
                work["applied"] += 1
                if event_id:
                    fresh_ids.append(event_id)
            if run:
                self._messages(conn, run, work)
            upsert(conn, "listen_events", [{"event_id": e, "applied_at": now} for e in fresh_ids], ["event_id"])
            return work

        try:
            in_transaction(self.eng, tx)
        except Exception:
            parser.take_fresh()  # results of a rolled-back transaction: the retry parses again
            self._channels = None
            raise
        fresh = parser.take_fresh()
        out = {k: v for k, v in work.items() if k not in ("join", "directory")}
        if work["directory"]:
            self._parser = None  # users or channels changed: the next parse sees them
        if fresh:
            out["duplicates"] = resolve_fresh(self.eng, parser.users, fresh)
        if work["dirty"]:
            built = build_beatdowns(self.app, self.region)
            out["duplicates"] = out.get("duplicates", 0) + built["duplicates"]
            out["problems"] += built["problems"]
        # problems and duplicates; and recorded posts with names that matched nobody or an unread date
        if (out["problems"] or out.get("duplicates") or fresh or work["dirty"]) and self.region.feedback_days > 0:
            out["feedback"] = send_feedback(self.eng, self.region, self.slack())["sent"]
        for cid in work["join"]:
            self._join(cid)
        return out

    def parser(self, check_aliases: bool = False):
        """The region's parser, kept between batches; `check_aliases`: first make sure the region's alias
        list is still the one it holds (an admin's `paxminer alias add|remove` applies to the next post)."""
        from miner.beatdowns.aliases import load_aliases
        from miner.beatdowns.build import Parser

        if self._parser is not None and check_aliases:
            with self.eng.connect() as conn:
                if load_aliases(conn) != self._parser.aliases:
                    self._parser = None
        if self._parser is None:
            with self.eng.connect() as conn:
                self._parser = Parser(conn, self.region)
        return self._parser

    def slack(self):
        if self._slack is None:
            self._slack = self.app.slack(self.region)
        return self._slack

    # -- one event, inside the batch's transaction ----------------------------------------------
    def _one(self, conn, event: dict, work: dict) -> None:
        kind = event.get("type")
        if kind == "message":
            sub = event.get("subtype")
            if sub in ("message_changed", "message_replied"):
                if isinstance(event.get("message"), dict):
                    self._messages(conn, [(event.get("channel"), event["message"])], work)
            elif sub == "message_deleted":
                cid, ts = event.get("channel"), event.get("deleted_ts")
                if cid and ts and self._mined(conn, cid):
                    work["dirty"] += store.mark_deleted(conn, cid, [ts])
            elif not event.get("hidden"):
                self._messages(conn, [(event.get("channel"), event)], work)
        elif kind in ("reaction_added", "reaction_removed"):
            item = event.get("item") or {}
            if item.get("type") == "message" and event.get("user") and event.get("reaction"):
                if self._mined(conn, item.get("channel")):
                    store.set_reaction(conn, item["channel"], item.get("ts"), event["reaction"], event["user"],
                                       kind == "reaction_added")
        elif kind in ("channel_created", "channel_rename"):
            ch = event.get("channel") or {}
            if ch.get("id"):
                self._channel(conn, ch["id"], work, name=ch.get("name"), created=ch.get("created"),
                              is_private=ch.get("is_private"))
        elif kind in ("channel_archive", "channel_unarchive"):
            self._channel(conn, event.get("channel"), work, is_archived=kind == "channel_archive")
        elif kind == "member_joined_channel":
            if event.get("user") == self._bot_user_id():
                self._channel(conn, event.get("channel"), work, is_member=True)
        elif kind in ("team_join", "user_change"):
            from miner.listers.users import build_user_row, save_user_rows

            if isinstance(event.get("user"), dict) and event["user"].get("id"):
                today = datetime.now(timezone.utc).date().isoformat()
                save_user_rows(conn, [build_user_row(event["user"], today)])
                work["directory"] = True

    def _messages(self, conn, pairs: list[tuple], work: dict) -> None:
        """(channel, message) pairs of one channel, in order (a later version of a ts wins)."""
        channel_id = pairs[0][0]
        if not channel_id or not self._mined(conn, channel_id):
            return
        messages = {}
        for _, msg in pairs:
            if msg.get("ts") and msg.get("subtype") not in STORED_SUBTYPES_SKIP:
                messages[msg["ts"]] = {k: v for k, v in msg.items() if k not in EVENT_ONLY_KEYS}
        if not messages:
            return
        counts = store.save_messages(conn, channel_id, list(messages.values()), None, on_new=self.parser().parse_new)
        work["new"] += counts["new"]
        work["dirty"] += counts["changed"]
        work["problems"] += counts.get("problems", 0)
        work["backblasts"] += counts.get("backblasts", 0)

    def _channel(self, conn, channel_id, work: dict, **changes) -> None:
        """A channel event -> its aos row, by the channel-lister's rules (build_channel_rows)."""
        from miner.listers.channels import build_channel_rows, save_channel_rows

        if not channel_id:
            return
        old = conn.execute(text(
            "SELECT channel_id, ao, channel_created, archived, backblast, is_private, is_member, backblast_set_by, kind "
            "FROM aos WHERE channel_id = :c"), {"c": channel_id}).mappings().first()
        old = dict(old) if old else None
        if old is None and not changes.get("name"):
            return  # an archive/join of a channel never listed: the next channel-lister run has it
        ch = {"id": channel_id, "name": (old or {}).get("ao"), "created": (old or {}).get("channel_created"),
              "is_archived": bool((old or {}).get("archived")), "is_private": bool((old or {}).get("is_private")),
              "is_member": bool((old or {}).get("is_member"))}
        for key, value in changes.items():
            if value is not None:
                ch[key] = value
        row = build_channel_rows([ch], {channel_id: old} if old else {}, self.region)[0]
        save_channel_rows(conn, [row])
        if row["backblast"] and not row["is_member"] and not row["archived"] and not row["is_private"]:
            work["join"].append(channel_id)
        work["directory"] = True
        self._channels = None

    def _mined(self, conn, channel_id) -> bool:
        """The channels mine archives (mine.mined_channels): backblast channels, channels an admin
        marked region/help, the region channel."""
        if self._channels is None:
            self._channels = {r.channel_id: bool(r.backblast) or r.kind in ("region", "help")
                              or r.channel_id == self.region.firstf_channel
                              for r in conn.execute(text("SELECT channel_id, backblast, kind FROM aos"))}
        return bool(channel_id) and self._channels.get(channel_id, False)

    def _bot_user_id(self) -> str | None:
        if not hasattr(self, "_bot"):
            try:
                self._bot = self.slack().auth_test().get("user_id")
            except Exception as exc:  # noqa: BLE001 - without it, member events of the bot are missed
                log.warning("%s: auth.test failed: %s", self.region, exc)
                return None
        return self._bot

    def _join(self, channel_id: str) -> None:
        from miner.slack.client import SlackError

        try:
            self.slack().join(channel_id)
        except SlackError as exc:
            log.warning("%s: %s", self.region, exc)
            return
        with self.eng.begin() as conn:
            conn.execute(text("UPDATE aos SET is_member = 1 WHERE channel_id = :c"), {"c": channel_id})
        self._channels = None


PLAIN_SUBTYPES = {None, "bot_message", "thread_broadcast", "file_share", "me_message"}


def _posted(event: dict) -> tuple | None:
    """(channel, message) of a new post (a run of them in one channel is one upsert), else None."""
    if event.get("type") == "message" and event.get("subtype") in PLAIN_SUBTYPES and not event.get("hidden"):
        return event.get("channel"), event
    return None


def prune_events(eng, older_than_days: int = 3) -> None:
    """Forget applied event ids older than Slack ever redelivers (it gives up within hours)."""
    cutoff = datetime.fromtimestamp(datetime.now(timezone.utc).timestamp() - older_than_days * 86400,
                                    timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    with eng.begin() as conn:
        conn.execute(text("DELETE FROM listen_events WHERE applied_at < :c"), {"c": cutoff})
