"""Outreach: the automatic, polite first steps that act on scores. Each kind is opt-in per region.

  slipping      a regular who has not posted for `slipping_weeks` weeks gets a friendly DM; if he
                neither posts nor replies within `reply_days` days, a second one; `reply_days` after
                that (or as soon as he replies) a ticket goes to the admins: the region's admin
                channel, else a DM to the site Q of his usual AO. A PAX who posts again closes his own
                ticket; admins close the rest with `paxminer outreach close`.
  lead          in the last `lead_days` days of a month, the `lead_top` best 90-day scores among
                active PAX (posted in the last `active_days` days, `lead_min_posts` posts in 90 days)
                who have not Q'd for `lead_no_q_days` days (or ever) are invited to Q, and the
                `mentor_top` best among those who Q regularly are invited to mentor.
  mentor        each new FNG (first post in the last `fng_days` days) is paired with the best 90-day
                score among the regulars of the AO where he first posted; both are told by DM.
  achievements  new achievements (awarded by the scorer in the last `announce_days` days) are
                announced in `announce_channel` (default: the region's 1st F channel).

Settings: OUTREACH_DEFAULTS, overridden by credentials.ini `[outreach]`, then by the region's settings
JSON {"outreach": {...}}. Wording: TEMPLATES, overridden by `template_<name>` keys in either place or
{"outreach": {"templates": {name: text}}}; placeholders in braces ({name}, {mention}, {ao} ...).

Once only: every message has a key in `outreach_messages`, claimed (committed) before it is sent,
and is sent through miner.slack.send, which records its own intent and result: a rerun, a crash
or a database lost mid-send never sends it twice. A definite Slack refusal is retried on later runs
(at most MAX_ATTEMPTS); an outcome not known (a timeout after the request went out, a crash) is
looked up in the conversation on the next run and sent again only if it is not there.
`dry_run` reads but writes nothing and sends nothing: it reports what would be sent.

Replies: read from the DM channel itself (conversations.history through miner.slack; needs the
im:history scope). Without that scope, any message by the PAX in the raw archive after the first
DM counts as a reply (he is around in Slack) and the ticket says so.
"""

from __future__ import annotations

import calendar
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from miner.app import App
from miner.core import known
from miner.core.clock import local_today
from miner.core.db import utcnow
from miner.core.errors import PaxminerError
from miner.core.registry import Region
from miner.scores.compute import ACHIEVEMENTS, Frames, build_scores, merge_settings
from miner.scores.run import read_frames, scoring_weights
from miner.slack.client import Slack, SlackError
from miner.slack.send import Deliverer, delivery_key

log = logging.getLogger("miner.outreach.workflows")
OUTREACH_KINDS = ("slipping", "mentor", "lead", "achievements")
MAX_ATTEMPTS = 3
DONE = {"sent", "gave_up"}  # never sent (again); 'sending'/'unknown' ones are settled by miner.slack.send

OUTREACH_DEFAULTS: dict = dict(known.OUTREACH)  # the one table of settings: miner.core.known

TEMPLATES = {
    "slipping_1": ("Hey {name}, we've missed you in the gloom! Your last post was {last_post} at {ao}. "
                   "Everything OK? Hope to see you out there soon, and if there's anything we can do, just reply here."),
    "slipping_2": ("Hi {name}, checking in once more. The PAX at {ao} have been asking about you. "
                   "Want a ride or a buddy for your next post? Just reply here."),
    "ticket": ("Outreach ticket #{ticket}: {mention} ({name}) has not posted since {last_post} ({weeks} weeks). "
               "Usual AOs: {aos}. Score trend (30 days, monthly): {trend}. Contact attempts: {attempts}. Reply: {reply}. "
               "When handled: `paxminer outreach close {ticket} --region {region}`"),
    "lead": ("{name}, you've been a force lately: {posts} posts in the last 90 days. Ready to lead? "
             "Grab a Q next month ({ao} would love to have you). Reply here if you'd like a hand getting started."),
    "mentor_invite": ("{name}, you're one of the steadiest men in {region} ({posts} posts in the last 90 days). "
                      "Would you mentor an FNG? Reply here and we'll pair you with the next one at {ao}."),
    "mentor_fng": ("Welcome to F3 {region}, {name}! Glad you posted at {ao} on {first_post}. {mentor_mention} is a "
                   "regular there and will be your mentor: ask him anything."),
    "mentor_mentor": ("{mentor_name}, {mention} ({name}) posted his first beatdown at {ao} on {first_post}. "
                      "Would you look out for him as his mentor? A welcome DM goes a long way."),
    "achievement": ":trophy: {mention} earned *{title}*: {description} ({period}).",
}


class OutreachError(PaxminerError):
    """An outreach request that cannot be met (unknown ticket...), as one line."""


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, **values) -> str:
    """Fill a template; unknown placeholders stay as written, so a typo never loses a message."""
    return template.format_map(_Blank({k: ("" if v is None else v) for k, v in values.items()}))


def outreach_settings(app: App, region: Region) -> dict:
    """OUTREACH_DEFAULTS < credentials.ini [outreach] < the region's {"outreach": {...}}; plus "templates"."""
    ini, mine = app.settings.section("outreach"), dict(region.options.get("outreach") or {})
    cfg = merge_settings(OUTREACH_DEFAULTS, ini, mine)
    templates = dict(TEMPLATES)
    for layer in (ini, mine, {f"template_{k}": v for k, v in (mine.get("templates") or {}).items()}):
        templates.update({k[9:]: v for k, v in layer.items()
                          if k.startswith("template_") and k[9:] in TEMPLATES and isinstance(v, str)})
    cfg["templates"] = templates
    excl = cfg["exclude"]
    cfg["exclude"] = set(excl) if isinstance(excl, list) else {u.strip() for u in str(excl).split(",") if u.strip()}
    return cfg


# -- pure selections -------------------------------------------------------------------------------
def build_slipping(posts: pd.DataFrame, today: date, cfg: dict) -> pd.DataFrame:
    """Regulars whose last post is between `slipping_weeks` and `slipping_max_weeks` weeks ago.

    Columns: user_id, last_post (date), recent (posts in the `regular_days` up to it), aos (usual AO IDs).
    """
    cols = ["user_id", "last_post", "recent", "aos"]
    p = posts[posts.date <= pd.Timestamp(today)]
    if p.empty:
        return pd.DataFrame(columns=cols)
    last = p.groupby("user_id").date.transform("max")
    gap = (pd.Timestamp(today) - last).dt.days
    chosen = p[(gap >= 7 * cfg["slipping_weeks"]) & (gap < 7 * cfg["slipping_max_weeks"])
               & (p.date > last - pd.Timedelta(days=cfg["regular_days"]))]
    recent = chosen.assign(last=last[chosen.index]).groupby("user_id").agg(
        last_post=("last", "max"), recent=("date", "size"))
    recent = recent[recent.recent >= cfg["regular_posts"]]
    usual = (chosen[chosen.user_id.isin(recent.index)].groupby(["user_id", "ao_id"]).size()
             .rename("n").reset_index().sort_values(["user_id", "n", "ao_id"], ascending=[True, False, True]))
    recent["aos"] = usual.groupby("user_id").ao_id.agg(lambda s: list(s)[:3])
    recent["last_post"] = recent.last_post.dt.date
    return recent.reset_index()[cols]


def build_new_fngs(posts: pd.DataFrame, today: date, days: int) -> pd.DataFrame:
    """PAX whose first post ever is within `days` days up to today: user_id, first_post, ao_id."""
    p = posts[posts.date <= pd.Timestamp(today)].sort_values(["date", "ao_id"])
    first = p.groupby("user_id").head(1)
    first = first[first.date >= pd.Timestamp(today - timedelta(days=days))]
    return pd.DataFrame({"user_id": first.user_id.values, "first_post": first.date.dt.date.values,
                         "ao_id": first.ao_id.values})


def build_mentor(posts: pd.DataFrame, scores: pd.DataFrame, ao_id: str, fng: str, today: date, cfg: dict,
                 busy: dict, allowed: set) -> str | None:
    """The best-scoring regular of the AO (not new himself, not already mentoring too many)."""
    since = pd.Timestamp(today - timedelta(days=90))
    at_ao = posts[(posts.ao_id == ao_id) & (posts.date >= since) & (posts.date <= pd.Timestamp(today))]
    counts = at_ao.groupby("user_id").size()
    first = posts.groupby("user_id").date.min()
    regulars = [u for u in counts[counts >= cfg["mentor_min_ao_posts"]].index
                if u != fng and u in allowed and first[u] < since and busy.get(u, 0) < cfg["mentor_max_mentees"]]
    if not regulars:
        return None
    ranked = scores.set_index("user_id").score.reindex(regulars).fillna(0)
    return sorted(regulars, key=lambda u: (-ranked[u], busy.get(u, 0), u))[0]


def build_invitations(scores: pd.DataFrame, frames: Frames, today: date, cfg: dict, allowed: set) -> tuple[list, list]:
    """(invited to Q, invited to mentor): the best 90-day scores among active, contactable PAX."""
    active = scores[scores.user_id.isin(allowed) & scores.last_post.notna() & (scores.posts >= cfg["lead_min_posts"])]
    active = active[active.last_post.map(lambda d: d >= today - timedelta(days=cfg["active_days"]))]
    last_q = frames.qs[frames.qs.date <= pd.Timestamp(today)].groupby("user_id").date.max()
    cutoff = pd.Timestamp(today - timedelta(days=cfg["lead_no_q_days"]))
    no_q = active.user_id.map(lambda u: u not in last_q.index or last_q[u] < cutoff)
    return list(active[no_q].user_id[: cfg["lead_top"]]), list(active[~no_q].user_id[: cfg["mentor_top"]])


# -- once-only sending ------------------------------------------------------------------------------
@dataclass
class Sender:
    """Sends through the `outreach_messages` ledger: a key is claimed (committed) before its message goes."""

    eng: Engine
    connect: object  # () -> Slack, called once when first needed
    today: date
    dry_run: bool
    ledger: dict = field(default_factory=dict)
    actions: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {"sent": 0, "planned": 0, "failed": 0})
    label: Callable[[str], str] = str  # a user or channel ID as a person reads it (the Run sets it)
    _slack: Slack | None = None
    _deliverer: Deliverer | None = None

    @property
    def slack(self) -> Slack:
        if self._slack is None:
            self._slack = self.connect()
        return self._slack

    @property
    def deliverer(self) -> Deliverer:
        if self._deliverer is None:
            self._deliverer = Deliverer(self.eng, lambda: self.slack)
        return self._deliverer

    def done(self, key: str) -> bool:
        row = self.ledger.get(key)
        return row is not None and row["status"] in DONE

    def send(self, key: str, kind: str, body: str, subject: str, *, dm: str | None = None,
             channel: str | None = None, ticket_id=None) -> str:
        """Send once; returns sent | failed | gave_up | unknown | dry_run | already."""
        if self.done(key):
            return "already"
        to = channel or dm
        if self.dry_run:
            self.counts["planned"] += 1
            self.actions.append(f"would {'DM' if dm and not channel else 'post to'} {self.label(to)}: {body}")
            return "dry_run"
        attempts = self._claim(key, kind, body, subject, to, ticket_id)
        if attempts is None:
            return "already"
        d = self.deliverer.message(delivery_key("outreach", key), kind, body, channel=channel or None,
                                   user=None if channel else dm)
        if d.ok:
            status = "sent"
        elif d.status == "unknown":  # may have gone out: the next run looks for it before sending again
            status = "unknown"
        else:
            status = "failed" if attempts < MAX_ATTEMPTS else "gave_up"
        error, target, ts = (None if d.ok else d.error), d.channel or channel, d.ts
        if error:
            log.warning("outreach %s not sent (%s): %s", key, status, error)
        with self.eng.begin() as conn:
            conn.execute(text(
                "UPDATE outreach_messages SET status = :s, error = :e, channel_id = :c, ts = :ts, sent_at = :at "
                "WHERE msg_key = :k"), {"s": status, "e": error, "c": target, "ts": ts,
                                        "at": utcnow() if status == "sent" else None, "k": key})
        self.ledger[key] = {"msg_key": key, "status": status, "channel_id": target, "ts": ts,
                            "sent_on": self.today.isoformat(), "user_id": subject, "kind": kind}
        self.counts["sent" if status == "sent" else "failed"] += 1
        self.actions.append(f"{'sent' if status == 'sent' else status}: {kind} to {self.label(to)}" + (f" ({error})" if error else ""))
        return status

    def _claim(self, key, kind, body, subject, to, ticket_id) -> int | None:
        row = {"k": key, "kind": kind, "t": ticket_id, "u": subject, "r": to, "x": body,
               "on": self.today.isoformat(), "now": utcnow()}
        with self.eng.begin() as conn:
            try:
                conn.execute(text(
                    "INSERT INTO outreach_messages (msg_key, kind, ticket_id, user_id, recipient, text, status, attempts, "
                    "sent_on, created_at) VALUES (:k, :kind, :t, :u, :r, :x, 'sending', 1, :on, :now)"), row)
                return 1
            except IntegrityError:
                pass
        with self.eng.begin() as conn:  # a refusal, or an outcome not known yet (the deliverer finds out): again
            res = conn.execute(text(
                "UPDATE outreach_messages SET status = 'sending', attempts = attempts + 1, text = :x, sent_on = :on "
                "WHERE msg_key = :k AND status IN ('failed', 'sending', 'unknown')"), row)
            if res.rowcount != 1:
                return None
            return conn.execute(text("SELECT attempts FROM outreach_messages WHERE msg_key = :k"), row).scalar()


# -- the run ------------------------------------------------------------------------------------------
@dataclass
class OutreachRun:
    app: App
    region: Region
    cfg: dict
    today: date
    sender: Sender
    frames: Frames
    users: pd.DataFrame  # user_id -> user_name, deleted (apps excluded)
    aos: dict  # channel_id -> {"ao", "site_q_user_id"}
    tickets: list
    summary: dict
    _scores: dict = field(default_factory=dict)

    @property
    def eng(self) -> Engine:
        return self.sender.eng

    def scores(self, as_of: date | None = None, period: str = "90d") -> pd.DataFrame:
        key = (as_of or self.today, period)
        if key not in self._scores:
            self._scores[key] = build_scores(self.frames, key[0], period, scoring_weights(self.app, self.region))
        return self._scores[key]

    def allowed(self) -> set:
        """PAX that may be contacted: known, not apps, not deactivated, not excluded."""
        ok = self.users[self.users.deleted == 0].user_id
        return set(ok) - self.cfg["exclude"]

    def name(self, user_id: str) -> str:
        found = self.users.loc[self.users.user_id == user_id, "user_name"]
        return str(found.iloc[0]) if len(found) else user_id

    def ao_name(self, ao_id: str | None) -> str:
        return f"#{self.aos.get(ao_id, {}).get('ao') or ao_id}" if ao_id else "the AO"

    def label(self, some_id: str) -> str:
        """A user as "Name (U...)", a channel as "#name"."""
        if some_id in self.aos:
            return self.ao_name(some_id)
        name = self.name(some_id)
        return f"{name} ({some_id})" if name != some_id else some_id

    def values(self, user_id: str, **extra) -> dict:
        return {"name": self.name(user_id), "mention": f"<@{user_id}>", "region": self.region.region, **extra}

    def template(self, name: str, user_id: str, **extra) -> str:
        return render(self.cfg["templates"][name], **self.values(user_id, **extra))

    # -- tickets --------------------------------------------------------------------------------
    def open_ticket(self, kind: str, user_id: str, ref: str, **values) -> int | None:
        if self.sender.dry_run:
            return None
        row = {"kind": kind, "user_id": user_id, "ref": ref, "status": "open", "stage": "new", "other_user_id": None,
               "ao_id": None, "opened_on": self.today.isoformat(), "stage_on": self.today.isoformat(),
               "facts": None, "updated_at": utcnow(), **values}
        with self.eng.begin() as conn:
            conn.execute(text(f"INSERT INTO outreach_tickets ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"), row)
            tid = conn.execute(text("SELECT id FROM outreach_tickets WHERE kind = :kind AND user_id = :user_id AND ref = :ref"),
                               row).scalar()
        self.tickets.append({**row, "id": tid, "reply": None, "note": None})
        return tid

    def update_ticket(self, ticket: dict, **changes) -> None:
        ticket.update(changes)
        if self.sender.dry_run or ticket.get("id") is None:
            return
        changes["updated_at"] = utcnow()
        sets = ", ".join(f"{k} = :{k}" for k in changes)
        with self.eng.begin() as conn:
            conn.execute(text(f"UPDATE outreach_tickets SET {sets} WHERE id = :ticket_id"), {**changes, "ticket_id": ticket["id"]})

    def advance(self, ticket: dict, stage: str, note: str | None = None) -> None:
        changes = {"stage": stage, "stage_on": self.today.isoformat()}
        if note:
            changes["note"] = note
        self.update_ticket(ticket, **changes)


def read_run(app: App, region: Region, cfg: dict, today: date, dry_run: bool) -> OutreachRun:
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        frames = read_frames(conn, region, today, today - timedelta(days=180))
        users = pd.DataFrame(conn.execute(text("SELECT user_id, user_name, deleted FROM users WHERE app = 0")).fetchall(),
                             columns=["user_id", "user_name", "deleted"]).astype({"deleted": int})
        aos = {r.channel_id: {"ao": r.ao, "site_q_user_id": r.site_q_user_id}
               for r in conn.execute(text("SELECT channel_id, ao, site_q_user_id FROM aos"))}
        tickets = [dict(r) for r in conn.execute(text(
            "SELECT id, kind, user_id, ref, status, stage, other_user_id, ao_id, opened_on, stage_on, reply, note, facts "
            "FROM outreach_tickets")).mappings()]
        ledger = {r["msg_key"]: dict(r) for r in conn.execute(text(
            "SELECT msg_key, kind, user_id, status, channel_id, ts, sent_on FROM outreach_messages")).mappings()}
    for t in tickets:
        for key in ("opened_on", "stage_on"):
            t[key] = str(t[key])[:10]
    sender = Sender(eng, lambda: app.slack(region), today, dry_run, ledger)
    summary = {"region": region.region, "today": today.isoformat(), "dry_run": dry_run,
               "kinds": [k for k in OUTREACH_KINDS if cfg[k]], "opened": 0, "closed": 0, "escalated": 0, "replies": 0,
               "paired": 0, "unpaired": 0, "invited": 0, "announced": 0}
    run = OutreachRun(app, region, cfg, today, sender, frames, users, aos, tickets, summary)
    sender.label = run.label
    return run


def run_outreach(app: App, region: Region, today: date | None = None, dry_run: bool = False) -> dict:
    """One outreach pass for a region: every opted-in kind, in order. Returns counts and the actions."""
    cfg = outreach_settings(app, region)
    today = today or local_today(region.timezone)
    if not any(cfg[k] for k in OUTREACH_KINDS):
        return {"region": region.region, "today": today.isoformat(), "dry_run": dry_run, "kinds": [],
                "sent": 0, "planned": 0, "failed": 0, "actions": []}
    run = read_run(app, region, cfg, today, dry_run)
    if cfg["slipping"]:
        step_slipping(run)
    if cfg["mentor"]:
        step_mentors(run)
    if cfg["lead"]:
        step_invitations(run)
    if cfg["achievements"]:
        step_announcements(run)
    return {**run.summary, **run.sender.counts, "actions": run.sender.actions}


# -- slipping away ------------------------------------------------------------------------------------
def step_slipping(run: OutreachRun) -> None:
    posts = run.frames.posts
    last_post = posts[posts.date <= pd.Timestamp(run.today)].groupby("user_id").date.max()
    open_for = set()
    for t in [t for t in run.tickets if t["kind"] == "slipping" and t["status"] == "open"]:
        back = last_post.get(t["user_id"])
        if back is not None and back.date() > date.fromisoformat(t["ref"]):
            run.update_ticket(t, status="closed", stage="back", closed_on=run.today.isoformat(), closed_by="pax",
                              note=f"posted again on {back.date()}")
            run.summary["closed"] += 1
            run.sender.actions.append(f"{'would close' if run.sender.dry_run else 'closed'} ticket #{t['id']}: "
                                      f"{run.name(t['user_id'])} posted again on {back.date()}")
            continue
        open_for.add(t["user_id"])
        step_ticket(run, t)
    known = {(t["user_id"], t["ref"]) for t in run.tickets if t["kind"] == "slipping"}
    allowed = run.allowed()
    for c in build_slipping(posts, run.today, run.cfg).itertuples():
        if c.user_id in open_for or (c.user_id, c.last_post.isoformat()) in known or c.user_id not in allowed:
            continue
        facts = {"last_post": c.last_post.isoformat(), "recent_posts": int(c.recent), "aos": c.aos}
        tid = run.open_ticket("slipping", c.user_id, c.last_post.isoformat(), ao_id=c.aos[0] if c.aos else None,
                              facts=json.dumps(facts))
        run.summary["opened"] += 1
        t = {"id": tid, "kind": "slipping", "user_id": c.user_id, "ref": c.last_post.isoformat(), "status": "open",
             "stage": "new", "ao_id": c.aos[0] if c.aos else None, "stage_on": run.today.isoformat(), "reply": None,
             "facts": json.dumps(facts)}
        step_ticket(run, t)


def step_ticket(run: OutreachRun, t: dict) -> None:
    """Move one open slipping ticket along: DM 1, DM 2, then the admins (sooner if he replied)."""
    key = f"slipping:{t['user_id']}:{t['ref']}"
    facts = json.loads(t.get("facts") or "{}")
    words = {"last_post": t["ref"], "ao": run.ao_name(t.get("ao_id")),
             "weeks": (run.today - date.fromisoformat(t["ref"])).days // 7}
    waited = (run.today - date.fromisoformat(t["stage_on"])).days >= run.cfg["reply_days"]
    if not run.sender.done(f"{key}:dm1"):
        status = run.sender.send(f"{key}:dm1", "slipping", run.template("slipping_1", t["user_id"], **words),
                                 t["user_id"], dm=t["user_id"], ticket_id=t["id"])
        if status in DONE:
            run.advance(t, "dm1")
        return
    if t["stage"] == "escalated":
        return
    if not t.get("reply"):
        reply = find_reply(run, t["user_id"], run.sender.ledger.get(f"{key}:dm1"))
        if reply:
            run.summary["replies"] += 1
            run.update_ticket(t, reply=reply)
    if not t.get("reply") and not run.sender.done(f"{key}:dm2"):
        if waited:
            status = run.sender.send(f"{key}:dm2", "slipping", run.template("slipping_2", t["user_id"], **words),
                                     t["user_id"], dm=t["user_id"], ticket_id=t["id"])
            if status in DONE:
                run.advance(t, "dm2")
        return
    if t.get("reply") or waited:
        escalate(run, t, key, facts, words)


def escalate(run: OutreachRun, t: dict, key: str, facts: dict, words: dict) -> None:
    """The ticket goes to the admins with the facts: the admin channel, else the usual AO's site Q."""
    attempts = [f"{n} on {str(row['sent_on'])[:10]} ({row['status']})" for n in ("dm1", "dm2")
                if (row := run.sender.ledger.get(f"{key}:{n}"))]
    trend = score_trend(run, t["user_id"])
    aos = ", ".join(run.ao_name(a) for a in facts.get("aos") or []) or "none"
    facts.update({"trend": trend, "attempts": attempts, "reply": t.get("reply")})
    body = run.template("ticket", t["user_id"], ticket=t["id"], aos=aos, trend=" -> ".join(map(str, trend)),
                        attempts="; ".join(attempts) or "none", reply=t.get("reply") or "none", **words)
    channel = run.region.admin_channel
    dm = None if channel else run.aos.get(t.get("ao_id"), {}).get("site_q_user_id")
    note = None
    if channel or dm:
        status = run.sender.send(f"{key}:ticket", "ticket", body, t["user_id"], channel=channel, dm=dm, ticket_id=t["id"])
        if status not in DONE:
            return
    else:
        note = "no admin channel or site Q to tell: see `paxminer outreach list`"
        run.sender.actions.append(f"ticket #{t['id']} for {run.name(t['user_id'])}: {note}")
    run.summary["escalated"] += 1
    run.update_ticket(t, facts=json.dumps(facts, default=str))
    run.advance(t, "escalated", note)


def score_trend(run: OutreachRun, user_id: str) -> list[int]:
    """His 30-day score 90, 60 and 30 days ago and today."""
    out = []
    for back in (90, 60, 30, 0):
        s = run.scores(run.today - timedelta(days=back), "30d")
        found = s.loc[s.user_id == user_id, "score"]
        out.append(int(found.iloc[0]) if len(found) else 0)
    return out


def find_reply(run: OutreachRun, user_id: str, dm: dict | None) -> str | None:
    """His words in our DM channel since the first DM; without DM access, his activity in the archive."""
    if not dm or dm.get("status") != "sent" or not dm.get("ts"):
        return None
    if not run.summary.get("no_dm_history"):
        try:
            said = [m.get("text") or "" for items, _ in run.sender.slack.fetch_history(dm["channel_id"], dm["ts"])
                    for m in items if m.get("user") == user_id and float(m.get("ts", 0)) > float(dm["ts"])]
            return " / ".join(reversed(said))[:1000] or None
        except SlackError as exc:
            if exc.code not in ("missing_scope", "not_in_channel", "channel_not_found"):
                log.warning("cannot read the DM with %s, will look again next run: %s", user_id, exc)
                return None
            run.summary["no_dm_history"] = exc.code
    with run.eng.connect() as conn:
        row = conn.execute(text(
            "SELECT COUNT(*) AS n, MIN(ts) AS first_ts FROM messages WHERE user_id = :u AND ts > :ts AND deleted = 0"),
            {"u": user_id, "ts": dm["ts"]}).first()
    return f"(no access to DMs) active in Slack since the DM: {row.n} message(s)" if row and row.n else None


# -- mentors ----------------------------------------------------------------------------------------------
def step_mentors(run: OutreachRun) -> None:
    paired = {t["user_id"] for t in run.tickets if t["kind"] == "mentor"}
    recent = run.today - timedelta(days=90)
    busy: dict = {}
    for t in run.tickets:
        if t["kind"] == "mentor" and t.get("other_user_id") and str(t["opened_on"])[:10] >= recent.isoformat():
            busy[t["other_user_id"]] = busy.get(t["other_user_id"], 0) + 1
    allowed = run.allowed()
    for f in build_new_fngs(run.frames.posts, run.today, run.cfg["fng_days"]).itertuples():
        if f.user_id in paired or f.user_id not in allowed:
            continue
        mentor = build_mentor(run.frames.posts, run.scores(), f.ao_id, f.user_id, run.today, run.cfg, busy, allowed)
        if mentor is None:
            run.summary["unpaired"] += 1
            continue
        busy[mentor] = busy.get(mentor, 0) + 1
        tid = run.open_ticket("mentor", f.user_id, "pairing", status="done", stage="paired", other_user_id=mentor,
                              ao_id=f.ao_id)
        words = {"ao": run.ao_name(f.ao_id), "first_post": f.first_post.isoformat(), "mentor_mention": f"<@{mentor}>",
                 "mentor_name": run.name(mentor)}
        key = f"mentor:{f.user_id}"
        run.sender.send(f"{key}:fng", "mentor", run.template("mentor_fng", f.user_id, **words), f.user_id,
                        dm=f.user_id, ticket_id=tid)
        run.sender.send(f"{key}:mentor", "mentor", run.template("mentor_mentor", f.user_id, **words), mentor,
                        dm=mentor, ticket_id=tid)
        run.summary["paired"] += 1


# -- invitations to Q and to mentor -------------------------------------------------------------------------
def step_invitations(run: OutreachRun) -> None:
    """Once a month, near its end: invitations to Q and to mentor (not the same PAX too often)."""
    last_day = calendar.monthrange(run.today.year, run.today.month)[1]
    if run.today.day <= last_day - run.cfg["lead_days"]:
        return
    month = run.today.strftime("%Y-%m")
    since = (run.today - timedelta(days=run.cfg["invite_repeat_days"])).isoformat()
    sent = [r for r in run.sender.ledger.values() if r["kind"] in ("lead", "mentor_invite") and r["status"] in DONE]
    scores = run.scores()
    slipping = {t["user_id"] for t in run.tickets if t["kind"] == "slipping" and t["status"] == "open"}
    lead, mentor = build_invitations(scores, run.frames, run.today, run.cfg, run.allowed() - slipping)
    posts = dict(zip(scores.user_id, scores.posts, strict=True))
    for kind, users in (("lead", lead), ("mentor_invite", mentor)):
        if any(r["kind"] == kind and r["msg_key"].startswith(f"{kind}:{month}:") for r in sent):
            continue  # this month's invitations are out
        recently = {r["user_id"] for r in sent if r["kind"] == kind and str(r["sent_on"])[:10] >= since}
        for u in users:
            if u in recently:
                continue
            mine = run.frames.posts.loc[run.frames.posts.user_id == u, "ao_id"]
            body = run.template(kind, u, posts=posts.get(u, 0), ao=run.ao_name(mine.mode().iloc[0] if len(mine) else None))
            if run.sender.send(f"{kind}:{month}:{u}", kind, body, u, dm=u) in ("sent", "dry_run"):
                run.summary["invited"] += 1


# -- achievements ----------------------------------------------------------------------------------------------
def step_announcements(run: OutreachRun) -> None:
    channel = run.cfg["announce_channel"] or run.region.firstf_channel
    if not channel:
        run.sender.actions.append("achievements: no announce_channel and no 1st F channel set; nothing announced")
        return
    since = run.today - timedelta(days=run.cfg["announce_days"])
    with run.eng.connect() as conn:
        awards = conn.execute(text(
            "SELECT user_id, achievement, period_key, achieved_on FROM achievements "
            "WHERE achieved_on >= :a AND achieved_on <= :b ORDER BY achieved_on, user_id, achievement"),
            {"a": since.isoformat(), "b": run.today.isoformat()}).fetchall()
    allowed = run.allowed()
    for a in awards:
        if a.user_id not in allowed or a.achievement not in ACHIEVEMENTS:
            continue
        title, description = ACHIEVEMENTS[a.achievement][:2]
        key = a.period_key
        period = run.ao_name(key) if key in run.aos else f"week of {key[1:]}" if key.startswith("W") else key
        body = run.template("achievement", a.user_id, title=title, description=description, period=period)
        if run.sender.send(f"achievement:{a.user_id}:{a.achievement}:{a.period_key}", "achievement", body, a.user_id,
                           channel=channel) in ("sent", "dry_run"):
            run.summary["announced"] += 1


# -- the admins' view --------------------------------------------------------------------------------------------
def list_tickets(app: App, region: Region, everything: bool = False, kind: str | None = None) -> list[dict]:
    sql = ("SELECT t.id, t.kind, t.user_id, COALESCE(u.user_name, t.user_id) AS user_name, t.ref, t.status, t.stage, "
           "t.other_user_id, COALESCE(o.user_name, t.other_user_id) AS other_name, t.ao_id, a.ao AS ao_name, "
           "t.opened_on, t.stage_on, t.closed_on, t.closed_by, t.note, t.reply, t.facts "
           "FROM outreach_tickets t LEFT JOIN users u ON u.user_id = t.user_id "
           "LEFT JOIN users o ON o.user_id = t.other_user_id LEFT JOIN aos a ON a.channel_id = t.ao_id WHERE 1 = 1")
    params: dict = {}
    if not everything:
        sql += " AND t.status = 'open'"
    if kind:
        sql += " AND t.kind = :kind"
        params["kind"] = kind
    with app.db.engine(region.schema_name).connect() as conn:
        found = [dict(r) for r in conn.execute(text(sql + " ORDER BY t.id"), params).mappings()]
    for r in found:
        for key in ("opened_on", "stage_on", "closed_on"):
            r[key] = str(r[key])[:10] if r[key] else None
        r["facts"] = json.loads(r["facts"] or "{}")
    return found


def close_ticket(app: App, region: Region, ticket_id: int, note: str | None = None, by: str = "admin",
                 today: date | None = None) -> dict:
    today = today or local_today(region.timezone)
    with app.db.engine(region.schema_name).begin() as conn:
        row = conn.execute(text("SELECT t.id, t.status, t.user_id, t.kind, u.user_name FROM outreach_tickets t "
                                "LEFT JOIN users u ON u.user_id = t.user_id WHERE t.id = :i"), {"i": ticket_id}).first()
        if row is None:
            raise OutreachError(f"no outreach ticket #{ticket_id} in region {region.region} (see `paxminer outreach list`)")
        if row.status != "open":
            raise OutreachError(f"ticket #{ticket_id} is already {row.status}")
        conn.execute(text(
            "UPDATE outreach_tickets SET status = 'closed', closed_on = :d, closed_by = :by, "
            "note = COALESCE(:note, note), updated_at = :now WHERE id = :i"),
            {"d": today.isoformat(), "by": by, "note": note, "now": utcnow(), "i": ticket_id})
    return {"id": ticket_id, "user_id": row.user_id, "user_name": row.user_name or row.user_id, "kind": row.kind}
