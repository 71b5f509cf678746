"""Feedback to posters: one DM per backblast version that needs one, only for recent posts.

A post that is clearly a backblast but cannot be recorded (no Q, duplicate) gets its poster (for
slackblast posts, the Q) one DM linking it. A recorded post that names people who match no Slack
user, or whose date could not be read (the post's date was used), gets its Q one DM saying so; a
problem DM mentions those too. The `feedback` table is keyed by (channel, ts, content hash): an
edit is a new version; nothing is ever sent twice; old posts (a backfill or an import) are never
DM'd. Failed sends are retried on the next run.

Sending goes through miner.slack.send (key `feedback:<channel>:<ts>:<content hash>`): a DM whose
fate is unknown (a timeout, a crash, the database lost mid-send) is looked up in the DM before it is
ever sent again. The wording is built by `dm_text`, apart from the sending.
"""

from __future__ import annotations

import json
import logging
import time

from sqlalchemy import text

from miner.core.db import upsert, utcnow
from miner.core.registry import Region
from miner.slack.client import Slack, SlackError
from miner.slack.send import Deliverer, delivery_key

log = logging.getLogger("miner.beatdowns.feedback")

TEMPLATE = (
    "Hi! PAXminer could not record your backblast in <#{channel}>: {problem}. "
    "Edit the post to fix it and the next run will pick it up: {link}"
)
RECORDED = "Hi! PAXminer recorded your backblast in <#{channel}> ({date}, {count} PAX), with {notes_intro}: {notes}. {link}"
NOTES_INTRO = {1: "one thing to check", 2: "two things to check"}
NAMES_NOTE = ("{names} matched nobody in Slack: counted in the PAX count, but credited to no one. "
              "Tag them with @ if they are in Slack, or ask a region admin to add an alias for them")
DATE_NOTES = {"unreadable": "the date '{value}' could not be read, so the post's own date ({date}) was used",
              "missing": "no date was found, so the post's own date ({date}) was used"}


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def notes_for(result: dict, status: str) -> list[str]:
    """What to tell the Q about a post that was read: names that matched nobody (on a recorded post; on
    a problem post they are part of the problem), a date that was not read."""
    notes = []
    names = result.get("unmatched_names") or []
    if names and status == "ok":
        shown = [f"'{n}'" for n in names[:12]] + ([f"{len(names) - 12} more"] if len(names) > 12 else [])
        notes.append(NAMES_NOTE.format(names=_and_list(shown)))
    flag = result.get("date_flag")
    if flag in DATE_NOTES and not (flag == "missing" and str(result.get("source", "")).startswith("slackblast")):
        value = next((w.split("'")[1] for w in result.get("warnings") or () if w.startswith("date '")), "?")
        notes.append(DATE_NOTES[flag].format(value=value, date=result.get("bd_date") or "?"))
    return notes


def dm_text(r: dict, link: str, template: str = TEMPLATE) -> str:
    """The DM for one post: why it was not recorded (problem, duplicate), or what to check in one that was."""
    result = r["_result"]
    notes = notes_for(result, r["status"])
    if r["status"] in ("problem", "duplicate"):
        text_ = template.format(channel=r["channel_id"], problem=r["problem"] or "it could not be read", link=link)
        return text_ + ("" if not notes else " Also: " + "; ".join(notes) + ".")
    return RECORDED.format(channel=r["channel_id"], date=result.get("bd_date"), count=result.get("pax_count"),
                           notes_intro=NOTES_INTRO.get(len(notes), "things to check"), notes="; ".join(notes),
                           link=f"Edit the post to fix it and the next run will pick it up: {link}")


def recipient(r: dict) -> str | None:
    """Problems go to the poster (for slackblast posts, the Q); notes on a recorded post to its Q."""
    if r["status"] == "ok":
        return r["q_user_id"] or r["poster_user_id"]
    return r["poster_user_id"]


def pending_feedback(conn, cutoff_ts: str) -> list[dict]:
    """Recent post versions due a DM and not yet sent one: problems and duplicates of posts meant as
    backblasts, and recorded posts with names that matched nobody or a date that was not read."""
    rows = conn.execute(text(
        "SELECT p.channel_id, p.ts, p.status, p.problem, p.poster_user_id, p.q_user_id, p.content_hash, p.result, "
        "f.status AS sent_status FROM parse_results p "
        "LEFT JOIN feedback f ON f.channel_id = p.channel_id AND f.ts = p.ts AND f.content_hash = p.content_hash "
        "WHERE p.status IN ('problem', 'duplicate', 'ok') AND p.ts >= :cutoff "
        "AND (f.status IS NULL OR f.status IN ('failed', 'sending', 'unknown'))"
    ), {"cutoff": cutoff_ts}).mappings()
    out = []
    for r in rows:
        result = json.loads(r["result"] or "{}")
        if r["status"] == "problem" and not result.get("intended", True):
            continue
        if r["status"] == "ok" and not notes_for(result, "ok"):
            continue
        out.append({**r, "_result": result})
    return out


def due_feedback(eng, region: Region, now: float | None = None) -> list[dict]:
    """The problem posts whose poster is due a DM (what send_feedback would send now)."""
    cutoff = f"{(now or time.time()) - region.feedback_days * 86400:.6f}"
    with eng.connect() as conn:
        return pending_feedback(conn, cutoff)


def send_feedback(eng, region: Region, slack: Slack, now: float | None = None, template: str = TEMPLATE) -> dict:
    todo = due_feedback(eng, region, now)
    counts = {"sent": 0, "failed": 0, "no_recipient": 0, "unknown": 0}
    deliver = Deliverer(eng, slack)
    for r in todo:
        to = recipient(r)
        row = {"channel_id": r["channel_id"], "ts": r["ts"], "content_hash": r["content_hash"],
               "user_id": to, "problem": r["problem"] or "; ".join(notes_for(r["_result"], r["status"])), "sent_at": utcnow()}
        if not to:
            row["status"] = "no_recipient"
            counts["no_recipient"] += 1
        else:
            try:
                link = slack.permalink(r["channel_id"], r["ts"])
            except SlackError as exc:
                log.warning("%s: feedback to %s failed: %s", region.region, to, exc)
                link = None
            if link is None:
                row["status"] = "failed"
            else:
                key = delivery_key("feedback", r["channel_id"], r["ts"], r["content_hash"])
                d = deliver.message(key, "feedback", dm_text(r, link, template), user=to)
                row["status"] = "sent" if d.ok else "unknown" if d.status == "unknown" else "failed"
            counts[row["status"]] += 1
        with eng.begin() as conn:
            upsert(conn, "feedback", [row], ["channel_id", "ts", "content_hash"])
    return counts
