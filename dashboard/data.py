"""A region schema -> the numbers its dashboard pages show (one query per source).

Every figure is counted from the region's tables the way the rest of PAXminer counts it: posts are
`bd_attendance` rows of people (apps never count), beatdowns are `beatdowns` rows, FNGs their
`fng_count`, scores the scorer's stored rows, tickets `outreach_tickets` with their history, problem
posts `parse_results`, reactions the raw archive's. Nothing here reads a token, an email or a phone
number: the queries name their columns and none of those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from charters.data import ChartData, Period
from miner.app import App
from miner.core.registry import Region
from miner.outreach.tickets import ensure_tables, snoozed_until, ticket_history
from miner.outreach.workflows import build_slipping, list_tickets, outreach_settings
from miner.scores.compute import ACHIEVEMENTS

MONTHS = 12  # months shown in the region's monthly table and charts
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HEARD_TOP = 25  # most-reacted messages listed (all of them go to the CSV/JSON downloads)
PAX_RECENT = 30  # beatdowns listed on a PAX's page


def day(value) -> str:
    """DATE values (date objects from MySQL, text from SQLite or a VARCHAR column) -> 'YYYY-MM-DD'."""
    return str(value)[:10] if value is not None else ""


def months_back(today: date, n: int = MONTHS) -> list[str]:
    """The n months ending with today's, oldest first, as YYYY-MM."""
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{y}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def month_trend(this: int, last: int) -> str:
    """'+12%' / '-5%' / 'new' / '=': this month so far against the same days of last month."""
    if last == 0:
        return "new" if this else "="
    change = round(100 * (this - last) / last)
    return f"{change:+d}%" if change else "="


@dataclass
class RegionData:
    """Reads one region schema once; every page of the region is drawn from this."""

    app: App
    region: Region
    today: date
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def engine(self) -> Engine:
        return self.app.db.engine(self.region.schema_name)

    def _rows(self, sql: str, **params) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(text(sql), params).mappings()]

    def _once(self, key, fn):
        if key not in self._cache:
            self._cache[key] = fn()
        return self._cache[key]

    # -- sources -----------------------------------------------------------------------------------
    def users(self) -> dict[str, dict]:
        """user_id -> {name, app, deleted}: the display name, else the real name, else the ID."""
        def read():
            out = {}
            for r in self._rows("SELECT user_id, user_name, real_name, app, deleted FROM users"):
                name = (r["user_name"] or "").strip() or (r["real_name"] or "").strip() or r["user_id"]
                out[r["user_id"]] = {"name": name, "app": int(r["app"] or 0), "deleted": int(r["deleted"] or 0)}
            return out
        return self._once("users", read)

    def name(self, user_id: str | None) -> str:
        return self.users().get(user_id or "", {}).get("name") or (user_id or "")

    def aos(self) -> dict[str, dict]:
        """channel_id -> {name, backblast, archived, is_private}."""
        return self._once("aos", lambda: {
            r["channel_id"]: {"name": r["ao"], "backblast": int(r["backblast"] or 0), "archived": int(r["archived"] or 0),
                              "is_private": int(r["is_private"] or 0)}
            for r in self._rows("SELECT channel_id, ao, backblast, archived, is_private FROM aos")})

    def ao_name(self, ao_id: str | None) -> str:
        return self.aos().get(ao_id or "", {}).get("name") or (ao_id or "")

    def attendance(self) -> pd.DataFrame:
        """Every post of a person: user_id, ao_id, q_user_id, day (YYYY-MM-DD), month (YYYY-MM)."""
        def read():
            rows = self._rows(
                "SELECT a.user_id, a.ao_id, a.q_user_id, a.date FROM bd_attendance a "
                "LEFT JOIN users u ON u.user_id = a.user_id WHERE (u.app IS NULL OR u.app = 0)")
            df = pd.DataFrame(rows, columns=["user_id", "ao_id", "q_user_id", "date"], dtype=object)
            df["day"] = pd.Series([day(d) for d in df.pop("date")], index=df.index, dtype=object)
            df["month"] = df["day"].str.slice(0, 7)
            return df
        return self._once("attendance", read)

    def beatdowns(self) -> pd.DataFrame:
        """Every beatdown: ao_id, q_user_id, coq_user_id, day, month, fngs, pax (attendance rows of people)."""
        def read():
            rows = self._rows("SELECT ao_id, bd_date, q_user_id, coq_user_id, fng_count FROM beatdowns")
            df = pd.DataFrame(rows, columns=["ao_id", "bd_date", "q_user_id", "coq_user_id", "fng_count"], dtype=object)
            df["day"] = pd.Series([day(d) for d in df.pop("bd_date")], index=df.index, dtype=object)
            df["month"] = df["day"].str.slice(0, 7)
            df["fngs"] = pd.to_numeric(df.pop("fng_count")).fillna(0).astype(int)
            att = self.attendance()
            size = att.groupby(["ao_id", "day", "q_user_id"]).size()
            keys = list(zip(df["ao_id"], df["day"], df["q_user_id"], strict=True))
            df["pax"] = [int(size.get(k, 0)) for k in keys]
            return df
        return self._once("beatdowns", read)

    # -- the region's numbers -------------------------------------------------------------------------
    def monthly(self) -> pd.DataFrame:
        """The last MONTHS months: month, beatdowns, posts, pax (unique), fngs."""
        months = months_back(self.today)
        att, bd = self.attendance(), self.beatdowns()
        att, bd = att[att["month"].isin(months)], bd[bd["month"].isin(months)]
        out = pd.DataFrame({
            "beatdowns": bd.groupby("month").size(),
            "posts": att.groupby("month").size(),
            "pax": att.groupby("month")["user_id"].nunique(),
            "fngs": bd.groupby("month")["fngs"].sum(),
        }).reindex(months).fillna(0).astype(int)
        return out.rename_axis("month").reset_index()

    def this_month(self) -> dict:
        """Beatdowns, posts, PAX and FNGs this month so far, and the posts trend against last month's same days."""
        start = self.today.replace(day=1)
        last_start = (start - timedelta(days=1)).replace(day=1)
        last_end = min(last_start + timedelta(days=self.today.day - 1), start - timedelta(days=1))
        att, bd = self.attendance(), self.beatdowns()
        now_att = att[(att["day"] >= start.isoformat()) & (att["day"] <= self.today.isoformat())]
        now_bd = bd[(bd["day"] >= start.isoformat()) & (bd["day"] <= self.today.isoformat())]
        then = att[(att["day"] >= last_start.isoformat()) & (att["day"] <= last_end.isoformat())]
        return {"month": f"{start:%Y-%m}", "beatdowns": len(now_bd), "posts": len(now_att),
                "pax": int(now_att["user_id"].nunique()), "fngs": int(now_bd["fngs"].sum()),
                "posts_last_month_same_days": len(then), "trend": month_trend(len(now_att), len(then)),
                "trend_pct": round(100 * (len(now_att) - len(then)) / len(then)) if len(then) else (1000 if len(now_att) else 0)}

    def ao_stats(self) -> list[dict]:
        """Each AO over the last MONTHS months: beatdowns, average size, Qs, Q rotation, busiest days."""
        months = months_back(self.today)
        bd = self.beatdowns()
        bd = bd[bd["month"].isin(months)]
        out = []
        for ao_id, g in bd.groupby("ao_id"):
            qs = g["q_user_id"].map(lambda u: self.users().get(u, {}).get("app", 0) == 0)
            people_q = g.loc[qs, "q_user_id"]
            top = people_q.value_counts()
            weekdays = pd.to_datetime(g["day"]).dt.day_of_week.value_counts()
            busiest = [f"{WEEKDAYS[d]} ({n})" for d, n in sorted(weekdays.items(), key=lambda x: (-x[1], x[0]))[:3]]
            out.append({
                "ao_id": ao_id, "name": self.ao_name(ao_id), "beatdowns": len(g), "posts": int(g["pax"].sum()),
                "avg_size": round(float(g["pax"].mean()), 1) if len(g) else 0.0,
                "qs": int(people_q.nunique()),
                "q_rotation": round(people_q.nunique() / len(people_q), 2) if len(people_q) else 0.0,
                "top_qs": [{"user_id": u, "name": self.name(u), "qs": int(n)}
                           for u, n in sorted(top.items(), key=lambda x: (-x[1], self.name(x[0])))[:3]],
                "busiest": busiest, "last": g["day"].max(),
            })
        return sorted(out, key=lambda a: (-a["beatdowns"], a["name"]))

    def scores_as_of(self) -> str | None:
        def read():
            rows = self._rows("SELECT MAX(as_of) AS a FROM scores WHERE period = 'ytd' AND scope = ''")
            return day(rows[0]["a"]) if rows and rows[0]["a"] else None
        return self._once("as_of", read)

    def pax(self) -> list[dict]:
        """Each PAX's stored year-to-date score row (the latest as-of date) with its components."""
        as_of = self.scores_as_of()
        if not as_of:
            return []
        rows = self._rows(
            "SELECT user_id, posts, qs, aos, streak_current, streak_longest, fngs_brought, fngs_retained, "
            "last_post, score, place, points FROM scores WHERE as_of = :a AND period = 'ytd' AND scope = ''", a=as_of)
        out = []
        for r in rows:
            if self.users().get(r["user_id"], {}).get("app"):
                continue
            try:
                points = json.loads(r["points"] or "{}")
            except ValueError:
                points = {}
            out.append({**r, "name": self.name(r["user_id"]), "last_post": day(r["last_post"]),
                        "points": {k: round(float(v), 2) for k, v in sorted(points.items())}})
        return sorted(out, key=lambda p: (int(p["place"] or 0), p["name"]))

    def slipping(self) -> list[dict]:
        """Regulars who stopped posting (the outreach rules, whether or not the region opted in)."""
        att = self.attendance()
        posts = pd.DataFrame({"user_id": att["user_id"], "ao_id": att["ao_id"], "date": pd.to_datetime(att["day"])})
        found = build_slipping(posts, self.today, outreach_settings(self.app, self.region))
        out = []
        for r in found.itertuples():
            if self.users().get(r.user_id, {}).get("deleted"):
                continue
            out.append({"user_id": r.user_id, "name": self.name(r.user_id), "last_post": r.last_post.isoformat(),
                        "weeks": (self.today - r.last_post).days // 7, "recent": int(r.recent),
                        "aos": [self.ao_name(a) for a in r.aos]})
        return sorted(out, key=lambda s: (s["last_post"], s["name"]))

    def tickets(self) -> list[dict]:
        """Every outreach ticket, newest first, with its history and whether it is snoozed."""
        def read():
            ensure_tables(self.app, self.region)
            found = list_tickets(self.app, self.region, everything=True)
            with self.engine.connect() as conn:
                history = ticket_history(conn, found)
                snoozed = snoozed_until(conn, self.today)
            out = []
            for t in found:
                events = [{**e, "by_name": self.name(e["by"]) if e["by"] not in (None, "pax", "admin") else e["by"]}
                          for e in history.get(int(t["id"]), [])]
                out.append({
                    "id": int(t["id"]), "kind": t["kind"], "user_id": t["user_id"], "name": self.name(t["user_id"]),
                    "status": t["status"], "stage": t["stage"], "opened_on": t["opened_on"], "ref": t["ref"],
                    "closed_on": t["closed_on"], "closed_by": t["closed_by"],
                    "closed_by_name": self.name(t["closed_by"]) if t["closed_by"] not in (None, "pax", "admin") else t["closed_by"],
                    "other": self.name(t["other_user_id"]) if t["other_user_id"] else "", "ao": self.ao_name(t["ao_id"]),
                    "reply": t["reply"], "snoozed_until": snoozed.get(int(t["id"])), "history": events,
                })
            return sorted(out, key=lambda t: -t["id"])
        return self._once("tickets", read)

    def problems(self) -> list[dict]:
        """Backblasts that could not be recorded (parse_results status 'problem'), newest first."""
        rows = self._rows(
            "SELECT channel_id, ts, problem, bd_date, q_user_id, poster_user_id, parsed_at FROM parse_results "
            "WHERE status = 'problem' ORDER BY ts DESC")
        base = slack_url(self.region)
        return [{"channel": self.ao_name(r["channel_id"]), "ts": r["ts"], "problem": r["problem"] or "",
                 "date": posted_day(r["ts"], self.region.timezone), "poster": self.name(r["poster_user_id"] or r["q_user_id"]),
                 "link": permalink(base, r["channel_id"], r["ts"])} for r in rows]

    def heard(self, top: int | None = None) -> pd.DataFrame:
        """This month's most-reacted messages (public channels, people only), as the heard chart ranks them."""
        def read():
            data = ChartData(self.engine, Period.of(self.today, self.today), tz=self.region.timezone)
            df = data.heard(top=10_000)
            base = slack_url(self.region)
            df["link"] = [permalink(base, c, t) for c, t in zip(df["channel_id"], df["ts"], strict=True)]
            return df
        df = self._once("heard", read)
        return df if top is None else df.head(top)

    # -- one PAX --------------------------------------------------------------------------------------
    def _by_user(self) -> dict:
        """Per PAX (one pass each): his posts, the beatdowns he led, his achievements, his score row."""
        def read():
            att, bd = self.attendance(), self.beatdowns()
            awards: dict[str, list] = {}
            for r in self._rows("SELECT user_id, achievement, period_key, achieved_on FROM achievements "
                                "ORDER BY achieved_on DESC, achievement"):
                awards.setdefault(r["user_id"], []).append(r)
            return {"posts": dict(iter(att.groupby("user_id"))), "qs": bd.groupby("q_user_id").size().to_dict(),
                    "awards": awards, "scores": {p["user_id"]: p for p in self.pax()}}
        return self._once("by_user", read)

    def pax_page(self, user_id: str) -> dict:
        by = self._by_user()
        mine = by["posts"].get(user_id, self.attendance().iloc[0:0])
        months = months_back(self.today)
        by_month = mine[mine["month"].isin(months)].groupby("month").size().reindex(months, fill_value=0)
        recent = mine.sort_values(["day", "ao_id"], ascending=[False, True]).head(PAX_RECENT)
        awards = by["awards"].get(user_id, [])
        return {
            "user_id": user_id, "name": self.name(user_id),
            "posts_all_time": len(mine), "qs_all_time": int(by["qs"].get(user_id, 0)),
            "first_post": mine["day"].min() if len(mine) else "",
            "last_post": mine["day"].max() if len(mine) else "",
            "by_month": [{"month": m, "posts": int(n)} for m, n in by_month.items()],
            "by_ao": [{"name": self.ao_name(a), "posts": int(n)}
                      for a, n in sorted(mine.groupby("ao_id").size().items(), key=lambda x: (-x[1], self.ao_name(x[0])))],
            "recent": [{"day": r.day, "ao": self.ao_name(r.ao_id), "q": self.name(r.q_user_id)} for r in recent.itertuples()],
            "achievements": [{"achievement": ACHIEVEMENTS.get(a["achievement"], (a["achievement"], ""))[0],
                              "about": ACHIEVEMENTS.get(a["achievement"], ("", ""))[1], "period": a["period_key"],
                              "on": day(a["achieved_on"])} for a in awards],
            "score": by["scores"].get(user_id),
            "tickets": [t for t in self.tickets() if t["user_id"] == user_id],
        }

    def people(self) -> list[str]:
        """Everyone with a page: each PAX who ever posted or has a score row."""
        ids = set(self.attendance()["user_id"]) | {p["user_id"] for p in self.pax()}
        return sorted(u for u in ids if not self.users().get(u, {}).get("app"))


def slack_url(region: Region) -> str:
    """The workspace's address for links to posts: settings {"dashboard": {"slack_url": ...}}."""
    url = str((region.options.get("dashboard") or {}).get("slack_url") or "https://slack.com").rstrip("/")
    return url if url.startswith("https://") else "https://slack.com"


def permalink(base: str, channel_id: str, ts: str) -> str:
    return f"{base}/archives/{channel_id}/p{str(ts).replace('.', '')}"


def posted_day(ts: str, tz: str) -> str:
    try:
        return pd.Timestamp(float(ts), unit="s", tz="UTC").tz_convert(tz).strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        return ""


# -- nationwide ------------------------------------------------------------------------------------------
def last_runs(app: App) -> dict[str, dict]:
    """region -> its last nightly run (region_runs) and the steps of that run (run_log)."""
    ctl = app.db.engine(app.db.control_schema)
    with ctl.connect() as conn:
        try:
            runs = {r["region"]: dict(r) for r in conn.execute(text(
                "SELECT region, run_id, host, started, finished, status, failed_step, error FROM region_runs")).mappings()}
        except Exception:  # noqa: BLE001 - no nightly run yet on this control schema
            runs = {}
        for name, run in runs.items():
            run["steps"] = [dict(s) for s in conn.execute(text(
                "SELECT step, status, error FROM run_log WHERE region = :r AND run_id = :run ORDER BY id"),
                {"r": name, "run": run["run_id"]}).mappings()]
    return runs



