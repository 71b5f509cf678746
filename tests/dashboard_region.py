"""A hand-made region for the dashboard's tests (SQLite and MariaDB): rows inserted directly, scored
by the real scorer, with tickets, a problem post and reacted messages. TODAY is the day built for.

What the pages must show is counted from the database by the tests themselves; the rows here only
make every section non-trivial: a PAX who stopped posting (slipping), names with markup in them,
an email and a phone number in a user's profile and in a message, a bot, a private channel.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from miner.core.db import upsert, utcnow
from miner.core.registry import add_region
from miner.scores.run import score_region
from tests.conftest import unique

TODAY = date(2024, 3, 20)
CHI = ZoneInfo("America/Chicago")
TOKEN = "xoxb-1234-dashboard-secret-token"
EMAIL, PHONE = "alpha.secret@example.com", "555-123-4567"
XSS = "Bravo <script>alert('x')</script>"
ADMIN = "UADMIN"

AOS = [("C1", "ao-forge", 1, 0, 0, "ao", 100), ("C2", "ao-yard", 1, 0, 0, "ao", 200),
       ("CR", "1st-f", 0, 0, 0, "region", 10), ("CP", "leadership", 0, 0, 1, "other", 20)]
USERS = [  # user_id, user_name, real_name, app, deleted, json extras
    ("U1", "Alpha", "Al A", 0, 0, {}), ("U2", XSS, "Bravo B", 0, 0, {}), ("U3", "Charlie", "", 0, 0, {}),
    ("U4", "Delta", "Dee", 0, 0, {}), ("U5", "Echo & Sons", "", 0, 0, {}),
    ("UB", "slackblast", "Slackblast", 1, 0, {"is_bot": True}), (ADMIN, "Admin Andy", "", 0, 0, {"is_admin": True}),
]


def ts(d: date, hour: int = 12) -> str:
    return f"{datetime(d.year, d.month, d.day, hour, tzinfo=CHI).timestamp():.6f}"


def beatdown_plan() -> list[tuple]:
    """(ao, day, q, pax) from 2023-11-06 to the day before TODAY: C1 on Mondays and Wednesdays, C2 on Saturdays."""
    out = []
    d = date(2023, 11, 6)
    qs = ["U1", "U2", "U3", "U5"]
    i = 0
    while d < TODAY:
        for ao, days in (("C1", (0, 2)), ("C2", (5,))):
            if d.weekday() in days:
                q = qs[i % len(qs)]
                i += 1
                pax = ["U1", "U2", "U3"] + (["U4"] if d <= date(2024, 2, 20) else []) + (["U5"] if d.day % 3 == 0 else [])
                pax = sorted(set(pax) | {q})
                out.append((ao, d, q, pax))
        d += timedelta(days=1)
    return out


def make_region(app, name: str = "Test Region") -> object:
    """Register the region, fill it, score it; returns the Region."""
    region = add_region(app.db, name, unique("dash"), TOKEN, timezone="America/Chicago",
                        settings=json.dumps({"dashboard": {"admins": ["U3"], "slack_url": "https://f3test.slack.com"}}))
    eng = app.db.engine(region.schema_name)
    now = utcnow()
    with eng.begin() as conn:
        upsert(conn, "aos", [dict(zip(["channel_id", "ao", "backblast", "archived", "is_private", "kind", "channel_created"], a,
                                      strict=True)) for a in AOS], ["channel_id"])
        users = []
        for uid, uname, real, app_, deleted, extra in USERS:
            member = {"id": uid, "name": uname, "deleted": bool(deleted), "is_admin": False, "is_owner": False, **extra}
            users.append({"user_id": uid, "user_name": uname, "real_name": real or None, "app": app_, "deleted": deleted,
                          "email": EMAIL if uid == "U1" else None, "phone": PHONE if uid == "U1" else None,
                          "json": json.dumps(member)})
        upsert(conn, "users", users, ["user_id"])
        bds, att = [], []
        for k, (ao, d, q, pax) in enumerate(beatdown_plan()):
            fngs = 1 if k % 7 == 0 else 0
            bds.append({"timestamp": ts(d, 7), "ao_id": ao, "bd_date": d.isoformat(), "q_user_id": q, "coq_user_id": None,
                        "pax_count": len(pax) + fngs, "backblast": f"Backblast {ao} {d}", "fng_count": fngs,
                        "fngs": "FNG" if fngs else None, "json": json.dumps({"coq_user_ids": []})})
            att += [{"timestamp": ts(d, 7), "user_id": u, "ao_id": ao, "date": d.isoformat(), "q_user_id": q,
                     "json": json.dumps({"role": "q" if u == q else "pax"})} for u in pax]
        upsert(conn, "beatdowns", bds, ["ao_id", "bd_date", "q_user_id"])
        upsert(conn, "bd_attendance", att, ["q_user_id", "user_id", "ao_id", "date"])
        # a backblast that could not be recorded
        upsert(conn, "parse_results", [{
            "channel_id": "C2", "ts": ts(date(2024, 3, 16), 8), "status": "problem", "problem": "no Q found (add 'Q: @name')",
            "ao_id": "C2", "bd_date": "2024-03-16", "q_user_id": None, "poster_user_id": "U2", "content_hash": "h1",
            "parser_version": "3", "result": None, "parsed_at": now}, {
            "channel_id": "C1", "ts": ts(date(2024, 3, 18), 8), "status": "ok", "problem": None,
            "ao_id": "C1", "bd_date": "2024-03-18", "q_user_id": "U1", "poster_user_id": "U1", "content_hash": "h2",
            "parser_version": "3", "result": None, "parsed_at": now}], ["channel_id", "ts"])
        msgs = [  # channel, day, hour, user, text, reactions {name: users}
            ("CR", date(2024, 3, 5), 9, "U3", f"Call me at {PHONE} or mail {EMAIL} about the convergence",
             {"fire": ["U1", "U2"], "muscle": ["U1", "U4", "U5"]}),
            ("CR", date(2024, 3, 6), 9, "U2", "<b>not bold</b> & a <script>alert(1)</script> test", {"fire": ["U1", "U3"]}),
            ("C1", date(2024, 3, 7), 9, "U1", "Great work this morning <@U2>!", {"+1": ["U2", "U3", "U4", "U5"],
                                                                              "fire": ["U2", "U3"]}),
            ("CP", date(2024, 3, 8), 9, "U1", "private: never shown", {"fire": ["U2", "U3", "U4", "U5", "U1"] * 2}),
            ("CR", date(2024, 2, 28), 9, "U1", "last month: not this month's", {"fire": ["U2"] * 9}),
        ]
        rows = []
        for ch, d, hour, user, body, reacts in msgs:
            reactions = [{"name": n, "users": u, "count": len(u)} for n, u in reacts.items()]
            rows.append({"channel_id": ch, "ts": ts(d, hour), "user_id": user, "text": body,
                         "reactions": json.dumps(reactions), "reaction_count": sum(len(u) for u in reacts.values()),
                         "content_hash": f"m{d}{hour}", "first_seen": now, "updated_at": now, "deleted": 0, "dirty": 0})
        upsert(conn, "messages", rows, ["channel_id", "ts"])
        # tickets: U4 slipping (open, escalated, DM'd twice and he replied); U5's older one closed by an admin
        conn.execute(text(
            "INSERT INTO outreach_tickets (kind, user_id, ref, status, stage, ao_id, opened_on, stage_on, reply, facts, updated_at) "
            "VALUES ('slipping', 'U4', '2024-02-20', 'open', 'escalated', 'C1', '2024-03-05', '2024-03-19', "
            ":reply, '{}', :now)"), {"reply": f"busy with work, text me at {PHONE}", "now": now})
        conn.execute(text(
            "INSERT INTO outreach_tickets (kind, user_id, ref, status, stage, ao_id, opened_on, stage_on, closed_on, closed_by, "
            "note, facts, updated_at) VALUES ('slipping', 'U5', '2024-01-10', 'closed', 'escalated', 'C2', '2024-01-25', "
            "'2024-02-01', '2024-02-03', :admin, 'talked to him', '{}', :now)"), {"admin": ADMIN, "now": now})
        ids = {u: i for u, i in conn.execute(text("SELECT user_id, id FROM outreach_tickets"))}
        for key, day, tid, user in (("slipping:U4:2024-02-20:dm1", "2024-03-05", ids["U4"], "U4"),
                                    ("slipping:U4:2024-02-20:dm2", "2024-03-12", ids["U4"], "U4"),
                                    ("slipping:U4:2024-02-20:ticket", "2024-03-19", ids["U4"], "U4"),
                                    ("slipping:U5:2024-01-10:dm1", "2024-01-25", ids["U5"], "U5")):
            conn.execute(text(
                "INSERT INTO outreach_messages (msg_key, kind, ticket_id, user_id, recipient, text, status, attempts, sent_on, "
                "created_at, sent_at) VALUES (:k, 'slipping', :t, :u, :u, 'hello', 'sent', 1, :d, :c, :c)"),
                {"k": key, "t": tid, "u": user, "d": day, "c": f"{day} 12:00:00"})
    score_region(app, region, as_of=TODAY)
    return region
