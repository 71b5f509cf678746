"""What admins do with outreach tickets, and each ticket's history.

A ticket's history is read from three places: the once-only ledger (`outreach_messages`: the DMs to
the PAX and the ticket sent to the admins), the ticket itself (his reply, who closed it and when), and
`ticket_events` (what an admin did: closed it, snoozed it, opened a DM with the PAX). The admin
actions here are plain functions: the Slack Home tab's buttons call them (dashboard.home), and so can
a command. Each takes an `event_key` (for a click: the user, the action and Slack's action_ts), so a
redelivered click changes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from miner.app import App
from miner.core.clock import local_today
from miner.core.db import utcnow
from miner.core.registry import Region
from miner.outreach.workflows import OutreachError, Sender, close_ticket, outreach_settings, render

SNOOZE_DAYS = 7  # default; region settings {"outreach": {"snooze_days": N}}
DM_TEMPLATE = ("Hi {mention}, {admin_mention} from F3 {region} here with you in this DM: "
               "we'd love to catch up. How are things going?")


def ensure_tables(app: App, region: Region) -> None:
    """A region schema from before ticket_events gets it (the usual upgrade), before `daily` or
    `db upgrade` has run there; a schema that has it is left alone (no DDL on every read)."""
    try:
        with app.db.engine(region.schema_name).connect() as conn:
            conn.execute(text("SELECT 1 FROM ticket_events WHERE 1 = 0")).fetchall()
    except DBAPIError:
        app.db.ensure_schema(region.schema_name, "region")


def _day(value) -> str | None:
    return str(value)[:10] if value else None


# -- reads ------------------------------------------------------------------------------------------
def snoozed_until(conn: Connection, today: date) -> dict[int, str]:
    """ticket id -> the last day of its snooze, for tickets snoozed past today (latest snooze wins)."""
    out: dict[int, str] = {}
    for tid, until in conn.execute(text(
            "SELECT ticket_id, until_on FROM ticket_events WHERE action = 'snooze' ORDER BY id")):
        out[int(tid)] = _day(until)
    return {t: u for t, u in out.items() if u and u >= today.isoformat()}


def ticket_history(conn: Connection, tickets: list[dict]) -> dict[int, list[dict]]:
    """ticket id -> its events, oldest first: {day, what, by, detail}.

    what: opened, dm1 / dm2 (DMs to the PAX), ticket (sent to the admins), reply, snooze, dm (an admin
    opened a DM with the PAX), closed. `by` is a user ID, 'pax' or 'admin' (closed from the CLI).
    """
    ids = [int(t["id"]) for t in tickets if t.get("id") is not None]
    out: dict[int, list[dict]] = {i: [] for i in ids}
    if not ids:
        return out
    for t in tickets:
        out[int(t["id"])].append({"day": _day(t.get("opened_on")), "what": "opened", "by": None,
                                  "detail": f"{t.get('kind')} ticket opened"})
    msgs = conn.execute(text(
        "SELECT ticket_id, msg_key, kind, status, sent_on, sent_at FROM outreach_messages WHERE ticket_id IN :ids "
        "ORDER BY created_at, msg_key").bindparams(bindparam("ids", expanding=True)), {"ids": ids}).mappings()
    for m in msgs:
        step = m["msg_key"].rsplit(":", 1)[-1] if m["msg_key"].count(":") >= 3 else m["kind"]
        what = step if step in ("dm1", "dm2", "ticket") else m["kind"]
        out[int(m["ticket_id"])].append({"day": _day(m["sent_at"] or m["sent_on"]), "what": what, "by": None,
                                         "detail": f"message {m['status']}"})
    events = conn.execute(text(
        "SELECT ticket_id, action, by_user, until_on, detail, created_at FROM ticket_events WHERE ticket_id IN :ids "
        "ORDER BY id").bindparams(bindparam("ids", expanding=True)), {"ids": ids}).mappings()
    for e in events:
        detail = e["detail"] or ""
        if e["action"] == "snooze":
            detail = f"snoozed until {_day(e['until_on'])}" + (f": {detail}" if detail else "")
        out[int(e["ticket_id"])].append({"day": _day(e["created_at"]), "what": e["action"], "by": e["by_user"],
                                         "detail": detail})
    logged_close = {i for i, evs in out.items() if any(e["what"] == "close" for e in evs)}
    for t in tickets:
        tid = int(t["id"])
        if t.get("reply"):
            out[tid].append({"day": _day(t.get("stage_on")), "what": "reply", "by": t.get("user_id"),
                             "detail": str(t["reply"])})
        if t.get("status") == "closed" and tid not in logged_close:
            out[tid].append({"day": _day(t.get("closed_on")), "what": "close", "by": t.get("closed_by"),
                             "detail": t.get("note") or ""})
    for evs in out.values():
        evs.sort(key=lambda e: e["day"] or "")
    return out


def get_ticket(conn: Connection, ticket_id: int) -> dict:
    row = conn.execute(text(
        "SELECT id, kind, user_id, ref, status, stage, ao_id, opened_on, stage_on, closed_on, closed_by, note, reply "
        "FROM outreach_tickets WHERE id = :i"), {"i": ticket_id}).mappings().first()
    if row is None:
        raise OutreachError(f"no outreach ticket #{ticket_id}")
    return dict(row)


# -- admin actions ------------------------------------------------------------------------------------
def _record(eng: Engine, ticket_id: int, action: str, by: str | None, key: str, detail: str | None = None,
             until: str | None = None) -> bool:
    """One event, in its own transaction; False when this event_key was recorded before (a repeated click)."""
    try:
        with eng.begin() as conn:
            conn.execute(text(
                "INSERT INTO ticket_events (ticket_id, action, by_user, until_on, detail, event_key, created_at) "
                "VALUES (:t, :a, :b, :u, :d, :k, :now)"),
                {"t": ticket_id, "a": action, "b": by, "u": until, "d": detail, "k": key[:191], "now": utcnow()})
        return True
    except IntegrityError:
        return False


def _seen(app: App, region: Region, key: str) -> bool:
    with app.db.engine(region.schema_name).connect() as conn:
        return conn.execute(text("SELECT 1 FROM ticket_events WHERE event_key = :k"), {"k": key[:191]}).first() is not None


def close(app: App, region: Region, ticket_id: int, by: str, event_key: str, note: str | None = None,
          today: date | None = None) -> dict:
    """Close an open ticket as `by` (a user ID); returns {"id", "done": bool, "note"}."""
    ensure_tables(app, region)
    if _seen(app, region, event_key):
        return {"id": ticket_id, "done": False, "note": "already done"}
    close_ticket(app, region, ticket_id, note, by=by, today=today)
    _record(app.db.engine(region.schema_name), ticket_id, "close", by, event_key, note)
    return {"id": ticket_id, "done": True, "note": "closed"}


def snooze(app: App, region: Region, ticket_id: int, by: str, event_key: str, days: int | None = None,
           today: date | None = None) -> dict:
    """Hide an open ticket from the admins' lists for `days` days (region setting outreach.snooze_days)."""
    ensure_tables(app, region)
    today = today or local_today(region.timezone)
    days = int(days or (region.options.get("outreach") or {}).get("snooze_days") or SNOOZE_DAYS)
    until = (today + timedelta(days=days)).isoformat()
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        t = get_ticket(conn, ticket_id)
    if t["status"] != "open":
        raise OutreachError(f"ticket #{ticket_id} is already {t['status']}")
    done = _record(eng, ticket_id, "snooze", by, event_key, None, until)
    return {"id": ticket_id, "done": done, "until": until, "note": f"snoozed until {until}" if done else "already done"}


def open_dm(app: App, region: Region, ticket_id: int, by: str, event_key: str, today: date | None = None) -> dict:
    """Open a DM between the admin, the PAX and the bot, with a short opener (sent once per click)."""
    ensure_tables(app, region)
    today = today or local_today(region.timezone)
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        t = get_ticket(conn, ticket_id)
    if _seen(app, region, event_key):
        return {"id": ticket_id, "done": False, "note": "already done"}
    slack = app.slack(region)
    channel = slack.open_group_dm([by, t["user_id"]])
    templates = outreach_settings(app, region)["templates"]
    body = render(templates.get("ticket_dm") or DM_TEMPLATE, mention=f"<@{t['user_id']}>",
                  admin_mention=f"<@{by}>", region=region.region)
    sender = Sender(eng, lambda: slack, today, False)
    status = sender.send(f"ticket:{ticket_id}:dm:{event_key}", "ticket_dm", body, t["user_id"],
                         channel=channel, ticket_id=ticket_id)
    _record(eng, ticket_id, "dm", by, event_key, f"DM with the PAX opened ({channel}), opener {status}")
    return {"id": ticket_id, "done": status == "sent", "channel": channel, "note": f"DM {status}"}
