"""The Slack app's Home tab for a region's admins, and what its buttons do.

Admins are the workspace's admins and owners (users.list `is_admin` / `is_owner`, kept by the
user-lister in users.json) plus the region's own list, settings {"dashboard": {"admins": ["U..."]}}.
Each admin's Home tab (views.publish) shows the month's numbers, who is slipping away, and the open
outreach tickets (snoozed ones hidden until their snooze ends) with three buttons: close, snooze,
DM the PAX. `paxminer listen` hands a click (a Socket Mode `block_actions` payload) to
`handle_block_actions`, which checks the clicker is an admin, acts through miner.outreach.tickets
(recorded in the ticket's history; a redelivered click changes nothing) and refreshes his Home tab.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

from sqlalchemy import text

from dashboard.data import RegionData
from dashboard.site import slug
from miner.app import App
from miner.core.clock import local_today
from miner.core.errors import PaxminerError, one_line
from miner.core.registry import Region
from miner.outreach import tickets as ticket_actions
from miner.slack.client import SlackError

log = logging.getLogger("dashboard.home")
CLOSE, SNOOZE, DM = "paxminer_ticket_close", "paxminer_ticket_snooze", "paxminer_ticket_dm"
MAX_TICKETS = 20  # tickets shown (a Home view holds at most 100 blocks)
MAX_SLIPPING = 15


class HomeError(PaxminerError):
    """A click that cannot be acted on (not an admin, unknown ticket...), as one line."""


def mrkdwn(s) -> str:
    """Member-written text shown as text in Slack mrkdwn (no mentions, links or markup smuggled in)."""
    return str(s if s is not None else "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- who sees it ---------------------------------------------------------------------------------------
def admins(app: App, region: Region) -> list[str]:
    """The workspace's admins and owners (from the user-lister's users.json) and the region's own list."""
    listed = (region.options.get("dashboard") or {}).get("admins") or []
    listed = [u.strip() for u in (listed.split(",") if isinstance(listed, str) else listed) if str(u).strip()]
    found = []
    with app.db.engine(region.schema_name).connect() as conn:
        for user_id, raw, app_flag, deleted in conn.execute(text(
                "SELECT user_id, json, app, deleted FROM users")):
            if int(app_flag or 0) or int(deleted or 0):
                if user_id in listed:
                    listed.remove(user_id)
                continue
            try:
                member = json.loads(raw or "{}")
            except ValueError:
                member = {}
            if isinstance(member, dict) and (member.get("is_admin") or member.get("is_owner")):
                found.append(user_id)
    return sorted(set(found) | set(listed))


# -- the view ------------------------------------------------------------------------------------------
def home_view(data: RegionData) -> dict:
    """The Home tab (Block Kit) of one region, the same for each of its admins."""
    m = data.this_month()
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"PAXminer: {data.region.region}"[:150]}},
        {"type": "section", "text": {"type": "mrkdwn", "text": (
            f"*{data.today:%B %Y} so far* (to {data.today.isoformat()}): *{m['beatdowns']}* beatdowns, "
            f"*{m['posts']}* posts, *{m['pax']}* PAX, *{m['fngs']}* FNGs; posts {m['trend']} against the same "
            f"days of last month ({m['posts_last_month_same_days']}).")}},
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Slipping away"}},
    ]
    slipping = data.slipping()
    if slipping:
        lines = [f"• <@{s['user_id']}> ({mrkdwn(s['name'])}): last post {s['last_post']} ({s['weeks']} weeks), "
                 f"{s['recent']} posts before, usually at {mrkdwn(', '.join(s['aos']) or 'no AO')}"
                 for s in slipping[:MAX_SLIPPING]]
        if len(slipping) > MAX_SLIPPING:
            lines.append(f"…and {len(slipping) - MAX_SLIPPING} more (see the dashboard)")
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:3000]}})
    else:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "Nobody right now."}})
    blocks += [{"type": "divider"}, {"type": "header", "text": {"type": "plain_text", "text": "Open tickets"}}]
    open_ = [t for t in data.tickets() if t["status"] == "open"]
    shown = [t for t in open_ if not t["snoozed_until"]]
    snoozed = len(open_) - len(shown)
    if not shown:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "No open tickets."
                       + (f" ({snoozed} snoozed)" if snoozed else "")}})
    for t in sorted(shown, key=lambda t: t["id"])[:MAX_TICKETS]:
        blocks += ticket_blocks(data.region, t)
    if len(shown) > MAX_TICKETS:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"{len(shown) - MAX_TICKETS} more open tickets: see the dashboard"}]})
    note = f"Updated for {data.today.isoformat()}."
    if snoozed and shown:
        note += f" {snoozed} snoozed ticket(s) hidden."
    url = (data.region.options.get("dashboard") or {}).get("url")
    if isinstance(url, str) and url.startswith("https://"):
        note += f" <{url}|The full dashboard>"
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    return {"type": "home", "blocks": blocks[:100]}


def ticket_blocks(region: Region, t: dict) -> list[dict]:
    last = t["history"][-1] if t["history"] else None
    lines = [f"*#{t['id']} {mrkdwn(t['kind'])}*: <@{t['user_id']}> ({mrkdwn(t['name'])}), opened {t['opened_on']}, "
             f"stage {mrkdwn(t['stage'])}"]
    if t.get("reply"):
        lines.append(f"Reply: _{mrkdwn(str(t['reply'])[:300])}_")
    if last:
        lines.append(f"Last: {last['day']} {mrkdwn(last['what'])}" + (f" ({mrkdwn(str(last['detail'])[:200])})" if last["detail"] else ""))
    value = json.dumps({"region": region.region, "ticket": t["id"]})
    return [
        {"type": "section", "block_id": f"ticket-{t['id']}", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:3000]}},
        {"type": "actions", "block_id": f"ticket-actions-{t['id']}", "elements": [
            {"type": "button", "action_id": CLOSE, "value": value, "style": "primary",
             "text": {"type": "plain_text", "text": "Close"},
             "confirm": {"title": {"type": "plain_text", "text": f"Close ticket #{t['id']}?"},
                         "text": {"type": "mrkdwn", "text": "Close it once you have followed up."},
                         "confirm": {"type": "plain_text", "text": "Close"}, "deny": {"type": "plain_text", "text": "Cancel"}}},
            {"type": "button", "action_id": SNOOZE, "value": value, "text": {"type": "plain_text", "text": "Snooze a week"}},
            {"type": "button", "action_id": DM, "value": value, "text": {"type": "plain_text", "text": "DM the PAX"}},
        ]},
    ]


def publish_region(app: App, region: Region, today: date | None = None, outbox: str | None = None) -> dict:
    """Publish the Home tab to each admin (or write it under outbox/<region>/); never raises on Slack errors."""
    data = RegionData(app, region, today or local_today(region.timezone))
    view = home_view(data)
    people = admins(app, region)
    counts = {"admins": len(people), "published": 0, "failed": 0, "errors": [],
              "open_tickets": sum(1 for t in data.tickets() if t["status"] == "open")}
    if outbox:
        folder = Path(outbox) / slug(region.region)
        folder.mkdir(parents=True, exist_ok=True)
        for user_id in people:
            (folder / f"home-{user_id}.json").write_text(json.dumps(view, indent=1), encoding="utf-8")
            counts["published"] += 1
        counts["outbox"] = str(folder)
        return counts
    if not people:
        return counts
    slack = app.slack(region)
    for user_id in people:
        try:
            slack.publish_home(user_id, view)
            counts["published"] += 1
        except SlackError as exc:
            counts["failed"] += 1
            counts["errors"].append(one_line(exc))
    counts["api_calls"] = sum(slack.calls.values())
    return counts


# -- the buttons -----------------------------------------------------------------------------------------
ACTIONS = {CLOSE: "close", SNOOZE: "snooze", DM: "dm"}


def handle_block_actions(app: App, payload: dict, region: Region | None = None, today: date | None = None,
                         republish: bool = True) -> list[dict]:
    """Act on a Home tab click (a Slack `block_actions` payload); returns one result per action of ours.

    `region`: the region the listener routed the payload to (by team); without it, the region named in
    the button's value. A click by someone who is not the region's admin changes nothing.
    """
    user = (payload.get("user") or {}).get("id") or ""
    results: list[dict] = []
    touched: dict[str, Region] = {}
    for action in payload.get("actions") or []:
        kind = ACTIONS.get(action.get("action_id"))
        if kind is None:
            continue
        try:
            value = json.loads(action.get("value") or "{}")
            ticket_id = int(value["ticket"])
            target = region or app.region(str(value["region"]))
            if region is not None and str(value.get("region")) != region.region:
                raise HomeError(f"the button belongs to region {value.get('region')!r}, not {region.region}")
            if user not in admins(app, target):
                raise HomeError(f"{user or 'someone'} is not an admin of {target.region}")
            key = f"{user}:{kind}:{action.get('action_ts') or payload.get('trigger_id') or ''}"
            day = today or local_today(target.timezone)
            if kind == "close":
                done = ticket_actions.close(app, target, ticket_id, user, key, note=f"closed from the Slack Home tab by {user}", today=day)
            elif kind == "snooze":
                done = ticket_actions.snooze(app, target, ticket_id, user, key, today=day)
            else:
                done = ticket_actions.open_dm(app, target, ticket_id, user, key, today=day)
            results.append({"action": kind, "ticket": ticket_id, "ok": True, **done})
            touched[target.region] = target
        except (PaxminerError, KeyError, ValueError, TypeError) as exc:
            log.warning("home tab action %s by %s refused: %s", kind, user, one_line(exc))
            results.append({"action": kind, "ok": False, "error": one_line(exc)})
    if republish:
        for target in touched.values():
            try:
                data = RegionData(app, target, today or local_today(target.timezone))
                app.slack(target).publish_home(user, home_view(data))
            except Exception as exc:  # noqa: BLE001 - the action is done; the view catches up tonight
                log.warning("home tab of %s not refreshed: %s", user, one_line(exc))
    return results
