"""channel-lister: Slack channels -> `aos`; joins backblast channels the bot is not in."""

from __future__ import annotations

import difflib
import logging

from sqlalchemy import text

from miner.app import App
from miner.core.clean import BadItems
from miner.core.db import ensure_tables, upsert
from miner.core.errors import PaxminerError
from miner.core.registry import Region
from miner.listers.users import valid_id
from miner.slack.client import SlackError

log = logging.getLogger("miner.listers.channels")
REGION_NAMES = {"general", "1st-f", "1stf", "first-f", "announcements"}
HELP_WORDS = ("help", "resource", "q-school", "qsource", "ask")


def build_kind(name: str, channel_id: str, region: Region, backblast: int) -> str:
    """Default channel kind for activity scores: ao, region, help or other."""
    if backblast or name.startswith("ao"):
        return "ao"
    if channel_id == region.firstf_channel or name in REGION_NAMES:
        return "region"
    if any(w in name for w in HELP_WORDS):
        return "help"
    return "other"


def build_channel_rows(channels: list[dict], existing: dict[str, dict], region: Region,
                       bad: BadItems | None = None) -> list[dict]:
    """Slack channel objects -> aos rows. An admin's backblast choice and kind are kept, and so is a
    flag another tool set (slackblast's settings form, a retired PAXminer's admin, a hand UPDATE):
    a row we did not write (backblast_set_by NULL) or whose flag is no longer what our default gave
    it becomes 'other' and keeps its flag. A name longer than its column is cut (noted in `bad`); a
    channel whose ID does not fit is left out (noted)."""
    bad = bad if bad is not None else BadItems("aos")
    rows = []
    for ch in channels:
        cid = ch.get("id")
        if not valid_id(cid):
            bad.note(str(cid)[:100], "channel_id", "rejected", "not a Slack channel ID that fits (45 characters)", ch)
            continue
        name = bad.fit(cid, "ao", str(ch.get("name") or cid), 100)
        old = existing.get(cid)
        set_by = (old or {}).get("backblast_set_by") or None
        if old and old.get("backblast") is not None and (
                set_by in ("admin", "other", None)
                or int(old["backblast"]) != int(str(old.get("ao") or "").lower().startswith("ao"))):
            backblast = int(old["backblast"])
            set_by = set_by if set_by in ("admin", "other") else "other"
        else:
            backblast = int(name.lower().startswith("ao"))
        rows.append({
            "channel_id": cid,
            "ao": name,
            "channel_created": ch.get("created"),
            "archived": int(bool(ch.get("is_archived"))),
            "backblast": backblast,
            "is_private": int(bool(ch.get("is_private"))),
            "is_member": int(bool(ch.get("is_member"))),
            "backblast_set_by": set_by or "default",
            "kind": (old or {}).get("kind") or ("region" if ch.get("is_general") and not backblast else None)
            or build_kind(name.lower(), cid, region, backblast),
        })
    return rows


def save_channel_rows(conn, rows: list[dict]) -> None:
    """aos rows from build_channel_rows; an admin's site Q (and anything else not listed) stays."""
    upsert(conn, "aos", rows, ["channel_id"],
           update=["ao", "channel_created", "archived", "is_private", "is_member", "backblast", "backblast_set_by", "kind"])


def channel_rows(app: App, region: Region) -> list[dict]:
    with app.db.engine(region.schema_name).connect() as conn:
        return [dict(r) for r in conn.execute(text(
            "SELECT channel_id, ao, channel_created, archived, backblast, site_q_user_id, is_private, is_member, "
            "backblast_set_by, kind FROM aos ORDER BY ao"
        )).mappings()]


def list_channels(app: App, region: Region) -> dict:
    slack = app.slack(region)
    log.info("%s: listing channels from Slack", region)
    channels = list(slack.fetch_channels())
    log.info("%s: %d channels listed", region, len(channels))
    existing = {r["channel_id"]: r for r in channel_rows(app, region)}
    bad = BadItems("aos")
    rows = build_channel_rows(channels, existing, region, bad)
    ensure_tables(app.db.engine(region.schema_name), "bad_items")
    joined, join_errors = 0, []
    for row in rows:
        if row["backblast"] and not row["is_member"] and not row["archived"] and not row["is_private"]:
            try:
                slack.join(row["channel_id"])
                log.info("%s: joined #%s", region, row["ao"])
                row["is_member"] = 1
                joined += 1
            except SlackError as exc:
                join_errors.append(str(exc))
                log.warning("%s: %s", region, exc)
    with app.db.engine(region.schema_name).begin() as conn:
        save_channel_rows(conn, rows)
        bad.save(conn)
    return {**bad.counts(), "bad": bad.reasons(),
        "channels": len(rows), "backblast": sum(r["backblast"] for r in rows),
        "archived": sum(r["archived"] for r in rows), "joined": joined,
        "join_errors": len(join_errors), "api_calls": sum(slack.calls.values()),
    }


class ChannelError(PaxminerError):
    """A channel an admin named does not exist (as one line, with the nearest names)."""


def find_channels(rows: list[dict], names_or_ids: list[str], where: str) -> list[dict]:
    """The rows (`channel_id`, `ao`) named by ID, name or #name, in order; ChannelError naming every
    one that is not there, with the closest names."""
    by_key = {r["channel_id"]: r for r in rows} | {r["ao"]: r for r in rows} | {r["ao"].lower(): r for r in rows}
    found, missing = [], []
    for n in names_or_ids:
        key = n.strip().lstrip("#")
        row = by_key.get(key) or by_key.get(key.lower())
        if row is None:
            close = difflib.get_close_matches(key, [r["ao"] for r in rows], n=1, cutoff=0.6)
            missing.append(f"{n} (did you mean {close[0]}?)" if close else n)
        else:
            found.append(row)
    if missing:
        raise ChannelError(f"no channel {', '.join(missing)} {where}")
    return found


def slack_channel_rows(slack) -> list[dict]:
    """Slack's channel directory as rows like `aos` (channel_id, ao, archived)."""
    return [{"channel_id": c["id"], "ao": c.get("name") or c["id"], "archived": int(bool(c.get("is_archived")))}
            for c in slack.fetch_channels()]


def resolve_channel(value: str, rows: list[dict], slack=None, where: str = "") -> str:
    """A channel given by name, #name or ID -> its ID: from `rows` (the region's `aos`), else from
    Slack's directory (when `slack` is given); ChannelError if neither has it or it is archived."""
    try:
        row = find_channels(rows, [value], where)[0]
    except ChannelError:
        if slack is None:
            raise
        row = find_channels(slack_channel_rows(slack), [value], "in the Slack workspace")[0]
    if row.get("archived"):
        raise ChannelError(f"channel {value} ({row['channel_id']}) is archived")
    return row["channel_id"]


def set_channels(app: App, region: Region, names_or_ids: list[str], backblast=None, kind=None, site_q=None) -> int:
    """An admin's choice: mark channels as backblast channels (or not), set kind or site Q."""
    rows = channel_rows(app, region)
    if not rows:
        raise ChannelError(f"{region} has no channels listed yet: run `paxminer channels --region {region}` first")
    by_key = {n: r for n, r in zip(names_or_ids, find_channels(rows, names_or_ids, f"in {region}'s channels "
                                   f"(names as in `paxminer ao list --region {region}`)"), strict=True)}
    changes: dict = {}
    if backblast is not None:
        changes.update(backblast=int(backblast), backblast_set_by="admin")
    if kind:
        changes["kind"] = kind
    if site_q:
        changes["site_q_user_id"] = site_q
    if not changes:
        return 0
    sets = ", ".join(f"`{k}` = :{k}" for k in changes)
    with app.db.engine(region.schema_name).begin() as conn:
        for n in names_or_ids:
            conn.execute(text(f"UPDATE aos SET {sets} WHERE channel_id = :cid"), {**changes, "cid": by_key[n]["channel_id"]})
    return len(names_or_ids)
