"""Region schema -> the DataFrames behind each chart: one query per source, never one per person.

`ChartData` reads a region schema for one `Period` and memoises what it read and derived: the
AOs and users (one query each), the year's attendance (one query: pax, ao, leaderboard and
ao-leaderboard charts all derive from it), the year's beatdowns (one query: q and fng), and the
raw archive (one query each for activity and heard): six queries for a region, whatever its size.
Every frame is plain numbers keyed by IDs, months ("YYYY-MM") and weeks ("YYYY-MM-DD", the
Monday); apps and bots are dropped here, so they never appear as people, and people are named by
their display name.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from miner.archive.store import spoken_sql
from miner.core.clock import midnight_ts
from miner.core.constants import CHANNEL_KINDS

CHART_KINDS = ("pax", "q", "ao", "fng", "leaderboard", "ao-leaderboard", "activity", "heard")
TOP = 20  # leaderboard rows
HEARD_TOP = 5  # quotes in "heard around the region"
ACTIVITY_WEEKS = 13  # weeks shown by the activity chart, ending with the period's last week


# -- periods ---------------------------------------------------------------------------------------
def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def previous_month(today: date) -> date:
    first = today.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def parse_month(value: str) -> date:
    """'YYYY-MM' -> the first day of that month (ValueError otherwise)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"{value!r} is not a month in YYYY-MM form")
    return date(int(m.group(1)), int(m.group(2)), 1)


@dataclass(frozen=True)
class Period:
    """A month being charted: a whole month, or the month so far (through `through`)."""

    start: date  # first day of the month
    through: date  # last day included

    @classmethod
    def of(cls, month: date, today: date) -> "Period":
        start = month.replace(day=1)
        if start > today:
            raise ValueError(f"{start:%Y-%m} has not started yet")
        return cls(start, min(month_end(start), today))

    @property
    def complete(self) -> bool:
        return self.through == month_end(self.start)

    @property
    def key(self) -> str:
        """Bookkeeping key: YYYY-MM for a whole month, YYYY-MM-partial for the month so far.

        A month so far is posted once (later runs in the month skip it), and the whole month once more.
        """
        return f"{self.start:%Y-%m}" if self.complete else f"{self.start:%Y-%m}-partial"

    @property
    def label(self) -> str:
        name = f"{self.start:%B %Y}"
        return name if self.complete else f"{name} (to {self.through.day} {self.through:%b})"

    @property
    def month(self) -> str:
        return f"{self.start:%Y-%m}"

    @property
    def year_start(self) -> date:
        return self.start.replace(month=1)

    @property
    def months(self) -> list[str]:
        """January .. this month, as YYYY-MM."""
        return [f"{self.start.year}-{m:02d}" for m in range(1, self.start.month + 1)]

    def weeks(self, n: int = ACTIVITY_WEEKS) -> list[str]:
        """The n Mondays ending with the week that holds `through`, as YYYY-MM-DD."""
        last = self.through - timedelta(days=self.through.weekday())
        return [(last - timedelta(weeks=i)).isoformat() for i in range(n - 1, -1, -1)]


# -- small helpers ---------------------------------------------------------------------------------
def _month_of(values: pd.Series) -> pd.Series:
    """DATE values (date objects from MySQL, 'YYYY-MM-DD' strings from SQLite) -> 'YYYY-MM'."""
    return values.astype(str).str.slice(0, 7)


def _day_of(values: pd.Series) -> pd.Series:
    return values.astype(str).str.slice(0, 10)




def _coq_ids(raw, first) -> list[str]:
    """Co-Qs of a beatdown: the parser's coq_user_ids list, else the coq_user_id column."""
    ids: list[str] = []
    if raw:
        try:
            doc = json.loads(raw)
        except (TypeError, ValueError):
            doc = None
        if isinstance(doc, dict) and isinstance(doc.get("coq_user_ids"), list):
            ids = [str(u) for u in doc["coq_user_ids"] if u]
    if not ids and first:
        ids = [str(first)]
    return list(dict.fromkeys(ids))


MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
CHANNEL_REF = re.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")
LINK = re.compile(r"<(https?://[^>|]+)(?:\|([^>]*))?>")
MARKUP = re.compile(r"(?<![\w*_~])[*_~]+(?=\S)|(?<=\S)[*_~]+(?![\w*_~])")  # *bold* _italic_ ~strike~
BLAST = re.compile(r"^\W*(back|pre)\s*blast", re.I)  # backblasts and preblasts are not "heard around"
SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")


def plain_text(raw: str, names: dict[str, str], channels: dict[str, str]) -> str:
    """Slack mrkdwn -> readable text: mentions become @names, links their labels."""
    s = MENTION.sub(lambda m: "@" + names.get(m.group(1), m.group(1)), raw or "")
    s = CHANNEL_REF.sub(lambda m: "#" + (m.group(2) or channels.get(m.group(1), m.group(1))), s)
    s = LINK.sub(lambda m: m.group(2) or m.group(1), s)
    s = SPECIAL.sub(lambda m: "@" + m.group(1), s)
    s = MARKUP.sub("", s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"\s+", " ", s).strip()


# -- the reader ------------------------------------------------------------------------------------
def memo(fn):
    """Compute once per ChartData (per distinct arguments)."""

    def wrapper(self, *args):
        key = (fn.__name__, *args)
        if key not in self._cache:
            self._cache[key] = fn(self, *args)
        return self._cache[key]

    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    return wrapper


@dataclass
class ChartData:
    """Reads one region schema for one period; each source is queried at most once."""

    engine: Engine
    period: Period
    tz: str = "America/Chicago"
    queries: int = 0
    _cache: dict = field(default_factory=dict, repr=False)

    def _read(self, sql: str, params: dict | None = None, columns: list[str] | None = None) -> pd.DataFrame:
        self.queries += 1
        with self.engine.connect() as conn:
            res = conn.execute(text(sql), params or {})
            names = columns or list(res.keys())
            rows = res.fetchall()
        cols = list(zip(*rows, strict=False)) if rows else [()] * len(names)
        return pd.DataFrame({n: pd.Series(c, dtype=object) for n, c in zip(names, cols, strict=False)})

    @property
    def _year(self) -> dict:
        return {"start": self.period.year_start.isoformat(), "end": self.period.through.isoformat()}

    # -- sources (one query each) ------------------------------------------------------------------
    @memo
    def aos(self) -> pd.DataFrame:
        """Every channel: ao_id, name, backblast, archived, is_private, kind, created (ordered for colours)."""
        df = self._read(
            "SELECT channel_id, ao, backblast, archived, is_private, kind, channel_created FROM aos",
            columns=["ao_id", "name", "backblast", "archived", "is_private", "kind", "created"],
        )
        for c in ("backblast", "archived", "is_private"):
            df[c] = pd.to_numeric(df[c]).fillna(0).astype(int)
        df["kind"] = [k if k in CHANNEL_KINDS else ("ao" if bb else "other") for k, bb in zip(df["kind"], df["backblast"], strict=False)]
        df["created"] = pd.to_numeric(df["created"]).fillna(0)
        return df.sort_values(["created", "ao_id"]).reset_index(drop=True)

    @memo
    def users(self) -> pd.DataFrame:
        """user_id -> name (display name, else real name, else ID; duplicates told apart), app, deleted."""
        df = self._read(
            "SELECT user_id, user_name, real_name, app, deleted FROM users",
            columns=["user_id", "user_name", "real_name", "app", "deleted"],
        )
        for c in ("app", "deleted"):
            df[c] = pd.to_numeric(df[c]).fillna(0).astype(int)
        name = df["user_name"].fillna("").str.strip()
        real = df["real_name"].fillna("").str.strip()
        name = name.where(name != "", real).where(lambda s: s != "", df["user_id"])
        dup = name.duplicated(keep=False) & (df["app"] == 0)
        name = name.where(~dup, name + " (" + df["user_id"].str[-4:] + ")")
        df["name"] = name
        return df.set_index("user_id")[["name", "app", "deleted"]]

    @memo
    def attendance(self) -> pd.DataFrame:
        """The year's posts through the period: user_id, ao_id, day, month (people only)."""
        df = self._read(
            "SELECT a.user_id, a.ao_id, a.date FROM bd_attendance a"
            " LEFT JOIN users u ON u.user_id = a.user_id"
            " WHERE a.date >= :start AND a.date <= :end AND (u.app IS NULL OR u.app = 0)",
            self._year, ["user_id", "ao_id", "date"],
        )
        df["day"] = _day_of(df.pop("date"))
        df["month"] = df["day"].str.slice(0, 7)
        return df

    @memo
    def beatdowns(self) -> pd.DataFrame:
        """The year's beatdowns: ao_id, day, month, q_user_id, coq_user_ids (list), fngs."""
        df = self._read(
            "SELECT ao_id, bd_date, q_user_id, coq_user_id, fng_count, json FROM beatdowns"
            " WHERE bd_date >= :start AND bd_date <= :end",
            self._year, ["ao_id", "bd_date", "q_user_id", "coq_user_id", "fng_count", "json"],
        )
        df["day"] = _day_of(df.pop("bd_date"))
        df["month"] = df["day"].str.slice(0, 7)
        df["coq_user_ids"] = [_coq_ids(j, c) for j, c in zip(df.pop("json"), df.pop("coq_user_id"), strict=False)]
        df["fngs"] = pd.to_numeric(df.pop("fng_count")).fillna(0).astype(int)
        return df

    def _people(self, ids: pd.Series) -> pd.Series:
        """Mask of IDs that are people (not apps); unknown IDs count as people."""
        users = self.users()
        return ~ids.map(users["app"]).fillna(0).astype(bool)

    def names(self, ids) -> list[str]:
        """Display names for user IDs (an unknown ID stands for itself)."""
        ids = pd.Series(list(ids), dtype=object)
        return ids.map(self.users()["name"]).fillna(ids).tolist()

    @memo
    def ao_order(self) -> list[str]:
        """AO IDs in colour order: backblast channels by creation, then any other AO seen in the data."""
        aos = self.aos()
        order = aos.loc[aos["backblast"] == 1, "ao_id"].tolist()
        return order + sorted(self.active_aos() - set(order))

    @memo
    def active_aos(self) -> set[str]:
        """AOs with a post or a beatdown this year."""
        return set(self.attendance()["ao_id"].unique()) | set(self.beatdowns()["ao_id"].unique())

    # -- chart frames ------------------------------------------------------------------------------
    @memo
    def months_with_data(self) -> set[str]:
        """Months of the year in which the region logged any beatdown."""
        return set(self.beatdowns()["month"].unique()) | set(self.attendance()["month"].unique())

    @memo
    def pax_posts(self) -> pd.DataFrame:
        """pax: posts per person, month and AO for the year (long: user_id, month, ao_id, posts)."""
        att = self.attendance()
        out = att.groupby(["user_id", "month", "ao_id"]).size().rename("posts").reset_index()
        return out.sort_values(["user_id", "month", "ao_id"]).reset_index(drop=True)

    @memo
    def q_counts(self) -> pd.DataFrame:
        """q: Qs and Co-Qs per AO and person in the month (ao_id, user_id, qs, coqs); apps dropped."""
        bd = self.beatdowns()
        bd = bd[bd["month"] == self.period.month]
        q = bd[["ao_id", "q_user_id"]].rename(columns={"q_user_id": "user_id"}).assign(qs=1, coqs=0)
        co = bd[["ao_id", "coq_user_ids", "q_user_id"]].explode("coq_user_ids").dropna(subset=["coq_user_ids"])
        co = co[co["coq_user_ids"] != co["q_user_id"]]
        co = co[["ao_id", "coq_user_ids"]].rename(columns={"coq_user_ids": "user_id"}).assign(qs=0, coqs=1)
        both = pd.concat([q, co], ignore_index=True)
        both = both[self._people(both["user_id"])]
        out = both.groupby(["ao_id", "user_id"], as_index=False)[["qs", "coqs"]].sum()
        return out.sort_values(["ao_id", "user_id"]).reset_index(drop=True).astype({"qs": int, "coqs": int})

    @memo
    def ao_monthly(self) -> pd.DataFrame:
        """ao: posts and unique PAX per AO and month for the year (ao_id, month, posts, pax)."""
        att = self.attendance()
        g = att.groupby(["ao_id", "month"])
        out = pd.DataFrame({"posts": g.size(), "pax": g["user_id"].nunique()}).reset_index()
        return out.sort_values(["ao_id", "month"]).reset_index(drop=True)

    @memo
    def fng_monthly(self) -> pd.DataFrame:
        """fng: FNGs per AO and month for the year (ao_id, month, fngs), months with none left out."""
        bd = self.beatdowns()
        out = bd.groupby(["ao_id", "month"], as_index=False)["fngs"].sum()
        return out[out["fngs"] > 0].sort_values(["ao_id", "month"]).reset_index(drop=True)

    @memo
    def _user_ao_posts(self, scope: str) -> pd.DataFrame:
        """Posts per (user_id, ao_id) in the month or the year to date."""
        att = self.attendance()
        if scope == "month":
            att = att[att["month"] == self.period.month]
        elif scope != "year":
            raise ValueError(f"unknown leaderboard scope {scope!r}")
        return att.groupby(["user_id", "ao_id"]).size().rename("posts").reset_index()

    def leaderboard(self, scope: str, ao_id: str | None = None, top: int = TOP) -> pd.DataFrame:
        """leaderboard / ao-leaderboard: rank, user_id, name, posts, aos for the month or the year to date.

        posts count at the AO when ao_id is given; aos is always the distinct AOs the PAX posted at
        region-wide in the same window. Ties share a rank (1, 2, 2, 4); order is posts, AOs, name.
        """
        counts = self._user_ao_posts(scope)
        if ao_id is None:
            out = counts.groupby("user_id", as_index=False)["posts"].sum()
        else:
            out = counts.loc[counts["ao_id"] == ao_id, ["user_id", "posts"]]
        aos = counts.groupby("user_id").size()
        out = out.assign(aos=out["user_id"].map(aos).astype(int), name=self.names(out["user_id"]))
        out = out.sort_values(["posts", "aos", "name"], ascending=[False, False, True]).reset_index(drop=True)
        out.insert(0, "rank", out["posts"].rank(method="min", ascending=False).astype(int))
        return out.head(top)[["rank", "user_id", "name", "posts", "aos"]]

    # -- chart-ready frames (what each figure draws) ------------------------------------------------
    def _ordered(self, ao_ids) -> list[str]:
        rank = {a: i for i, a in enumerate(self.ao_order())}
        return sorted(ao_ids, key=lambda a: (rank.get(a, len(rank)), a))

    def pax_frames(self):
        """pax: (user_id, frame) per PAX who posted this year; frame = months x their AOs, posts."""
        posts = self.pax_posts()
        if posts.empty:
            return
        users, u_idx = np.unique(posts["user_id"].to_numpy(dtype=object), return_inverse=True)
        aos = self._ordered(posts["ao_id"].unique())
        a_idx = pd.Index(aos).get_indexer(posts["ao_id"])
        months = self.period.months
        m_idx = pd.Index(months).get_indexer(posts["month"])
        cube = np.zeros((len(users), len(months), len(aos)), dtype=int)
        np.add.at(cube, (u_idx, m_idx, a_idx), posts["posts"].to_numpy())
        month_index = pd.Index(months, name="month")
        for i, user_id in enumerate(users):
            cols = np.flatnonzero(cube[i].sum(axis=0))
            yield user_id, pd.DataFrame(cube[i][:, cols], index=month_index,
                                        columns=pd.Index([aos[c] for c in cols], name="ao_id"))

    def q_ao_frame(self, ao_id: str) -> pd.DataFrame:
        """q (AO): name -> qs, coqs for the month at one AO, most first."""
        q = self.q_counts()
        q = q[q["ao_id"] == ao_id].copy()
        q["name"] = self.names(q["user_id"])
        q["total"] = q["qs"] + q["coqs"]
        q = q.sort_values(["total", "qs", "name"], ascending=[False, False, True])
        return q.set_index("name")[["qs", "coqs"]]

    def q_region_frame(self) -> pd.DataFrame:
        """q (region): name x AO -> Qs (a Co-Q counts as a Q) for the month, most first."""
        q = self.q_counts()
        if q.empty:
            return pd.DataFrame(index=pd.Index([], name="name"), dtype=int)
        q = q.assign(n=q["qs"] + q["coqs"], name=self.names(q["user_id"]))
        wide = q.pivot_table(index="name", columns="ao_id", values="n", fill_value=0, aggfunc="sum")
        wide = wide[self._ordered(wide.columns)].astype(int)
        total = wide.sum(axis=1)
        order = sorted(wide.index, key=lambda n: (-total[n], n))
        return wide.loc[order]

    def beatdown_count(self, ao_id: str | None = None) -> int:
        """Beatdowns in the month (at one AO, or region-wide)."""
        bd = self.beatdowns()
        bd = bd[bd["month"] == self.period.month]
        return int(len(bd) if ao_id is None else (bd["ao_id"] == ao_id).sum())

    def ao_frame(self, ao_id: str) -> pd.DataFrame:
        """ao: month -> posts, pax (unique PAX) at one AO for the year; months without posts are 0."""
        m = self.ao_monthly()
        m = m[m["ao_id"] == ao_id].set_index("month")[["posts", "pax"]]
        return m.reindex(self.period.months, fill_value=0).astype(int).rename_axis("month")

    def ao_year_pax(self, ao_id: str) -> int:
        att = self.attendance()
        return int(att.loc[att["ao_id"] == ao_id, "user_id"].nunique())

    def fng_frame(self) -> pd.DataFrame:
        """fng: month x AO -> FNGs for the year (AOs with none left out; months with none are 0)."""
        f = self.fng_monthly()
        wide = f.pivot_table(index="month", columns="ao_id", values="fngs", fill_value=0, aggfunc="sum")
        wide = wide[self._ordered(wide.columns)] if len(wide.columns) else wide
        return wide.reindex(self.period.months, fill_value=0).astype(int).rename_axis("month")

    @memo
    def _activity_messages(self) -> pd.DataFrame:
        """People's messages of the activity window (one query)."""
        tz = ZoneInfo(self.tz)
        weeks = self.period.weeks()
        start = date.fromisoformat(weeks[0])
        end = date.fromisoformat(weeks[-1]) + timedelta(days=7)
        return self._read(
            "SELECT m.channel_id, m.ts, m.user_id, m.file_count FROM messages m"
            " LEFT JOIN users u ON u.user_id = m.user_id"
            " WHERE m.ts >= :start AND m.ts < :end AND m.deleted = 0 AND m.bot_id IS NULL"
            " AND m.user_id IS NOT NULL AND (u.app IS NULL OR u.app = 0)"
            f" AND {spoken_sql('m.subtype')}",
            {"start": midnight_ts(start, tz), "end": midnight_ts(end, tz)},
            ["channel_id", "ts", "user_id", "file_count"],
        )

    def activity(self) -> pd.DataFrame:
        """activity: messages and files per week and channel kind (week, kind, messages, files).

        Counts people's messages and thread replies in the archive (not deleted, no bots, no joins
        or other system subtypes) for the ACTIVITY_WEEKS weeks ending with the period's last week.
        """
        msgs = self._activity_messages()
        weeks = self.period.weeks()
        kinds = self.aos().set_index("ao_id")["kind"]
        local = pd.to_datetime(pd.to_numeric(msgs["ts"]), unit="s", utc=True).dt.tz_convert(self.tz)
        day = local.dt.normalize().dt.tz_localize(None)
        week = (day - pd.to_timedelta(day.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
        df = pd.DataFrame({
            "week": week,
            "kind": msgs["channel_id"].map(kinds).fillna("other"),
            "messages": 1,
            "files": pd.to_numeric(msgs["file_count"]).fillna(0).astype(int),
        })
        grid = pd.MultiIndex.from_product([weeks, list(CHANNEL_KINDS)], names=["week", "kind"])
        out = df.groupby(["week", "kind"])[["messages", "files"]].sum().reindex(grid, fill_value=0)
        return out.reset_index().astype({"messages": int, "files": int})

    @memo
    def _heard_messages(self) -> pd.DataFrame:
        """The month's reacted messages in public channels, most reacted first (one query)."""
        tz = ZoneInfo(self.tz)
        return self._read(
            "SELECT m.channel_id, a.ao, m.ts, m.user_id, m.text, m.reactions, m.reaction_count, b.ao_id"
            " FROM messages m JOIN aos a ON a.channel_id = m.channel_id"
            " LEFT JOIN users u ON u.user_id = m.user_id"
            " LEFT JOIN beatdowns b ON b.ao_id = m.channel_id AND b.timestamp = m.ts"
            " WHERE m.ts >= :start AND m.ts < :end AND m.deleted = 0 AND m.bot_id IS NULL"
            " AND m.user_id IS NOT NULL AND (u.app IS NULL OR u.app = 0) AND a.is_private = 0"
            f" AND m.reaction_count > 0 AND {spoken_sql('m.subtype')}"
            " ORDER BY m.reaction_count DESC, m.ts LIMIT 200",
            {"start": midnight_ts(self.period.start, tz), "end": midnight_ts(self.period.through + timedelta(days=1), tz)},
            ["channel_id", "channel", "ts", "user_id", "text", "reactions", "reactions_total", "beatdown"],
        )

    def heard(self, top: int = HEARD_TOP) -> pd.DataFrame:
        """heard: the month's most-reacted messages in public channels (no bots, not deleted).

        Columns: channel_id, channel, ts, day, user_id, name, text (plain), reactions, reactors, blast.
        Ranked by reactions, then distinct reactors, then oldest first. A backblast or preblast is
        quoted by its first line only (blast = True).
        """
        raw = self._heard_messages()
        names = self.users()["name"].to_dict()
        channels = self.aos().set_index("ao_id")["name"].to_dict()
        rows = []
        for r in raw.itertuples(index=False):
            first = (r.text or "").strip().split("\n", 1)[0]
            blast = r.beatdown is not None or bool(BLAST.match(plain_text(first, names, channels)))
            text_ = plain_text(first if blast else r.text, names, channels)
            if text_:
                rows.append({"channel_id": r.channel_id, "channel": r.channel, "ts": r.ts, "user_id": r.user_id,
                             "text": text_, "reactions": int(r.reactions_total or 0), "reactors": _reactors(r.reactions),
                             "blast": blast})
        cols = ["channel_id", "channel", "ts", "day", "user_id", "name", "text", "reactions", "reactors", "blast"]
        if not rows:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        df = pd.DataFrame(rows)
        df["name"] = self.names(df["user_id"])
        t = pd.to_numeric(df["ts"])
        df["day"] = pd.to_datetime(t, unit="s", utc=True).dt.tz_convert(self.tz).dt.strftime("%Y-%m-%d")
        df = df.assign(_t=t).sort_values(["reactions", "reactors", "_t"], ascending=[False, False, True]).head(top)
        return df[cols].reset_index(drop=True)


def _reactors(raw) -> int:
    """Distinct people who reacted, from the reactions JSON ([{name, count, users}])."""
    try:
        doc = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return 0
    users = {u for r in doc if isinstance(r, dict) for u in (r.get("users") or [])}
    return len(users)
