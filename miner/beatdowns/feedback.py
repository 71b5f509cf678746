"""Feedback to posters: one DM per problem backblast version, only for recent posts.

A post that is clearly a backblast but cannot be recorded (no Q, unreadable date, duplicate)
gets its poster (for slackblast posts, the Q) one DM linking it. The `feedback` table is keyed by
(channel, ts, content hash): an edit is a new version; nothing is ever sent twice; old posts
(a backfill or an import) are never DM'd. Failed sends are retried on the next run.
"""

from __future__ import annotations

import json
import logging
import time

from sqlalchemy import text

from miner.core.db import upsert, utcnow
from miner.core.registry import Region
from miner.slack.client import Slack, SlackError

log = logging.getLogger("miner.beatdowns.feedback")

TEMPLATE = (
    "Hi! PAXminer could not record your backblast in <#{channel}>: {problem}. "
    "Edit the post to fix it and the next run will pick it up: {link}"
)


def pending_feedback(conn, cutoff_ts: str) -> list[dict]:
    rows = conn.execute(text(
        "SELECT p.channel_id, p.ts, p.status, p.problem, p.poster_user_id, p.content_hash, p.result, "
        "f.status AS sent_status FROM parse_results p "
        "LEFT JOIN feedback f ON f.channel_id = p.channel_id AND f.ts = p.ts AND f.content_hash = p.content_hash "
        "WHERE p.status IN ('problem', 'duplicate') AND p.ts >= :cutoff AND (f.status IS NULL OR f.status = 'failed')"
    ), {"cutoff": cutoff_ts}).mappings()
    out = []
    for r in rows:
        result = json.loads(r["result"] or "{}")
        if r["status"] == "problem" and not result.get("intended", True):
            continue
        out.append(dict(r))
    return out


def send_feedback(eng, region: Region, slack: Slack, now: float | None = None, template: str = TEMPLATE) -> dict:
    cutoff = f"{(now or time.time()) - region.feedback_days * 86400:.6f}"
    with eng.connect() as conn:
        todo = pending_feedback(conn, cutoff)
    counts = {"sent": 0, "failed": 0, "no_recipient": 0}
    for r in todo:
        row = {"channel_id": r["channel_id"], "ts": r["ts"], "content_hash": r["content_hash"],
               "user_id": r["poster_user_id"], "problem": r["problem"], "sent_at": utcnow()}
        if not r["poster_user_id"]:
            row["status"] = "no_recipient"
            counts["no_recipient"] += 1
        else:
            try:
                link = slack.permalink(r["channel_id"], r["ts"])
                dm = slack.open_dm(r["poster_user_id"])
                slack.post_message(dm, template.format(channel=r["channel_id"], problem=r["problem"] or "it could not be read", link=link))
                row["status"] = "sent"
                counts["sent"] += 1
            except SlackError as exc:
                log.warning("%s: feedback to %s failed: %s", region.region, r["poster_user_id"], exc)
                row["status"] = "failed"
                counts["failed"] += 1
        with eng.begin() as conn:
            upsert(conn, "feedback", [row], ["channel_id", "ts", "content_hash"])
    return counts
