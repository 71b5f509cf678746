"""Pure scoring: frames in; scores, streaks and achievements out. No I/O, no wall clock.

Input frames (pandas; every `date` is a datetime64 at midnight, the region's local date):
  posts     user_id, ao_id, date, q_user_id     one row per beatdown a PAX attended (Q'd ones included)
  qs        user_id, ao_id, date                one row per Q or Co-Q of a beatdown
  ehs       user_id, fng_user_id, ao_id, date   one row per FNG a PAX EH'd (fng_user_id may be empty)
  activity  user_id, channel_id, kind, date, messages, files, reactions
                                                Slack activity per user, channel and day; `kind` is the
                                                channel kind: ao, help, region or other
  users     user_id, user_name                  names (apps are removed before scoring)

Periods, all ending on the as-of date (inclusive): `month` (from the 1st), `ytd` (from 1 January),
`90d` (the 90 days ending on the as-of date); `30d` too, not stored (outreach's score trends).
A score row counts what happened in the period (`last_post` is the last post in it); the streaks
look at all history up to the as-of date.

FNGs a PAX brought: from the parser's `ehs` list in beatdowns.json when it has one, else from the
backblast text ("FNGs: Joe (EH: @Bob)", "EH'd by @Bob"); see parse_ehs.

Score = posts*post + qs*q + distinct_aos*ao + min(current_streak, streak_cap)*streak_week
      + fngs_brought*fng_brought + fngs_retained*fng_retained
      + min(slack activity points, activity_cap * period_days / 30), rounded (half up) to a whole number.

Weights and thresholds (section `scoring`; defaults below, overridable in credentials.ini `[scoring]`
and per region in the region's settings JSON under "scoring"):

  post = 10                  per beatdown attended in the period (Q'd ones included)
  q = 15                     extra, per Q or Co-Q in the period
  ao = 5                     per distinct AO posted at in the period
  streak_week = 2            per week of the current posting streak ...
  streak_cap = 12            ... counting at most this many weeks
  fng_brought = 10           per FNG the PAX EH'd in the period (when the backblast says so)
  fng_retained = 10          extra, per such FNG who stuck: posted at least
  fng_retention_posts = 3    this many times within
  fng_retention_days = 90    this many days of his first post
  msg_ao = 0.5               per message in AO channels
  msg_help = 1               per message in help/resource channels (Q source, asks, resources)
  msg_region = 0.5           per message in region channels (1st F, general, announcements)
  msg_other = 0              per message in other channels
  file = 1                   per file shared
  reaction = 0.25            per reaction received on his messages
  activity_cap = 40          Slack activity points are capped at this per 30 days of the period
  keep_days = 90             stored daily score rows older than this are dropped, month ends kept
                             (0 keeps everything); not a weight, but it lives with them

A posting streak is the number of consecutive weeks (Monday to Sunday) with at least one post; weeks
are counted continuously, so a streak runs across year boundaries. The current streak ends in the
as-of week, or in the week before when the as-of week has no post yet (the week is not over).

Achievements (section `achievements`; each threshold overridable by id, 0 disables one): see
ACHIEVEMENTS. Each is awarded once per PAX per calendar year, month, week or AO (its `per`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd

PERIODS = ("month", "ytd", "90d")
KINDS = ("ao", "help", "region", "other")

DEFAULT_WEIGHTS: dict = {
    "post": 10, "q": 15, "ao": 5, "streak_week": 2, "streak_cap": 12,
    "fng_brought": 10, "fng_retained": 10, "fng_retention_posts": 3, "fng_retention_days": 90,
    "msg_ao": 0.5, "msg_help": 1, "msg_region": 0.5, "msg_other": 0, "file": 1, "reaction": 0.25,
    "activity_cap": 40, "keep_days": 90,
}

# id -> (title, description, counted, per, default threshold)
#   counted: posts | qs | q_aos (distinct AOs Q'd at); per: year | month | week | ao (lifetime at one AO)
ACHIEVEMENTS: dict[str, tuple] = {
    "el_quatro": ("El Quatro", "posted 25 times in a year", "posts", "year", 25),
    "golden_boy": ("Golden Boy", "posted 50 times in a year", "posts", "year", 50),
    "centurion": ("Centurion", "posted 100 times in a year", "posts", "year", 100),
    "karate_kid": ("Karate Kid", "posted 150 times in a year", "posts", "year", 150),
    "crazy_person": ("Crazy Person", "posted 200 times in a year", "posts", "year", 200),
    "six_pack": ("6 Pack", "posted 6 times in one week", "posts", "week", 6),
    "holding_down_the_fort": ("Holding Down the Fort", "posted 50 times at one AO", "posts", "ao", 50),
    "leader_of_men": ("Leader of Men", "Q'd 4 times in a month", "qs", "month", 4),
    "the_boss": ("The Boss", "Q'd 6 times in a month", "qs", "month", 6),
    "el_presidente": ("El Presidente", "Q'd 20 times in a year", "qs", "year", 20),
    "cadre": ("Cadre", "Q'd at 7 different AOs in a month", "q_aos", "month", 7),
}
DEFAULT_THRESHOLDS = {k: v[4] for k, v in ACHIEVEMENTS.items()}

SCORE_COLUMNS = [
    "user_id", "user_name", "posts", "qs", "aos", "streak_current", "streak_longest", "fngs_brought",
    "fngs_retained", "msgs_ao", "msgs_help", "msgs_region", "msgs_other", "files", "reactions", "last_post",
    "pts_posts", "pts_qs", "pts_aos", "pts_streak", "pts_fngs", "pts_activity", "score", "rank",
]
COUNT_COLUMNS = ["posts", "qs", "aos", "fngs_brought", "fngs_retained", "msgs_ao", "msgs_help", "msgs_region",
                 "msgs_other", "files", "reactions"]
EPOCH_MONDAY = np.datetime64("1970-01-05", "D")
TRUE_WORDS = {"1", "true", "yes", "on"}


# -- settings ------------------------------------------------------------------------------------
def merge_settings(defaults: dict, *layers: dict | None) -> dict:
    """Defaults overridden by each layer in turn (ini section, then region JSON), typed like the default.

    Unknown keys are kept as given (templates, lists); a bad number keeps the default.
    """
    out = dict(defaults)
    for layer in layers:
        for key, value in (layer or {}).items():
            base = defaults.get(key)
            out[key] = coerce(value, base) if key in defaults else value
    return out


def coerce(value, like):
    if isinstance(like, bool):
        return value if isinstance(value, bool) else str(value).strip().lower() in TRUE_WORDS
    if isinstance(like, (int, float)) and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return like
        return int(number) if isinstance(like, int) and number.is_integer() else number
    return value


# -- frames --------------------------------------------------------------------------------------
def empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "date" else object) for c in columns})


@dataclass
class Frames:
    users: pd.DataFrame
    posts: pd.DataFrame
    qs: pd.DataFrame
    ehs: pd.DataFrame
    activity: pd.DataFrame
    fng_posts: pd.DataFrame | None = None  # every post, for FNG retention (kept whole by for_ao)

    def for_ao(self, ao_id: str) -> "Frames":
        """The same frames restricted to one AO (its beatdowns and its channel)."""
        return replace(
            self,
            posts=self.posts[self.posts.ao_id == ao_id], qs=self.qs[self.qs.ao_id == ao_id],
            ehs=self.ehs[self.ehs.ao_id == ao_id], activity=self.activity[self.activity.channel_id == ao_id],
            fng_posts=self.all_posts,
        )

    @property
    def all_posts(self) -> pd.DataFrame:
        return self.posts if self.fng_posts is None else self.fng_posts


def to_dates(values) -> pd.Series:
    """DATE column values (ISO strings from SQLite, date objects from MySQL) -> datetime64[ns]."""
    values = pd.Series(values, dtype=object)
    if len(values) and isinstance(values.iloc[0], str):
        return pd.to_datetime(values, format="ISO8601", errors="coerce").dt.normalize().astype("datetime64[ns]")
    return pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")


def parse_list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


EH_RE = re.compile(r"\bEH(?:'?d|ed|'ed)?\b(?:\s+by)?\s*[:\-]?\s*<@([UW][A-Z0-9]+)(?:\|[^>]*)?>", re.I)
MENTION_RE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def parse_ehs(text: str | None, result: dict, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """Who EH'd which FNG, as (eh_user_id, fng_user_id or None).

    From the parser's result when it has an `ehs` list ({"eh_user_id", "fng_user_id"}), else from
    the backblast text: "EH: @x", "EH'd by @x", "(EH @x)" after an FNG's name or mention on the line.
    `names` maps lowercased user names to user ids, to recognise FNGs named in plain text.
    """
    listed = result.get("ehs")
    if isinstance(listed, list):
        out = []
        for item in listed:
            if isinstance(item, dict) and item.get("eh_user_id"):
                out.append((str(item["eh_user_id"]), item.get("fng_user_id") or None))
        return out
    out = []
    for line in (text or "").splitlines():
        start = 0
        for m in EH_RE.finditer(line):
            before = re.split(r"[,;:]", line[start:m.start()])[-1].strip(" ()[]-–")
            start = m.end()
            mention = MENTION_RE.search(before)
            fng = mention.group(1) if mention else names.get(" ".join(before.lower().split()))
            if fng != m.group(1):
                out.append((m.group(1), fng))
    return out


def build_frames(users: pd.DataFrame, attendance: pd.DataFrame, beatdowns: pd.DataFrame,
                 activity: pd.DataFrame) -> Frames:
    """Raw rows -> scoring frames. Apps (users.app = 1) disappear from every frame.

    attendance: user_id, ao_id, date, q_user_id, and optionally coq (1 = this attendee was a Co-Q);
    beatdowns: ao_id, date, q_user_id, coq_user_ids (list), ehs (list of (eh_user_id, fng_user_id));
    activity as described in the module docstring. Qs are the beatdowns' Qs plus every Co-Q either
    frame names.
    """
    apps = set(users.loc[users.app.fillna(0).astype(int) == 1, "user_id"])
    people = users[~users.user_id.isin(apps)][["user_id", "user_name"]].reset_index(drop=True)

    bd = beatdowns.assign(date=to_dates(beatdowns["date"]).values)
    att = attendance.assign(date=to_dates(attendance["date"]).values)
    coqs = bd[["ao_id", "date", "q_user_id", "coq_user_ids"]].explode("coq_user_ids").dropna(subset=["coq_user_ids"])
    qs = pd.concat([
        bd[["ao_id", "date", "q_user_id"]].assign(user_id=bd.q_user_id),
        coqs.rename(columns={"coq_user_ids": "user_id"}),
        att[att.coq == 1] if "coq" in att else None,
    ], ignore_index=True)[["user_id", "ao_id", "date", "q_user_id"]]
    att = att[["user_id", "ao_id", "date", "q_user_id"]]
    posts = pd.concat([att, qs], ignore_index=True).dropna(subset=["user_id", "date"])
    posts = posts.drop_duplicates(["user_id", "ao_id", "date", "q_user_id"])
    posts = posts[~posts.user_id.isin(apps)].reset_index(drop=True)
    qs = qs.dropna(subset=["user_id", "date"]).drop_duplicates(["user_id", "ao_id", "date"])
    qs = qs[~qs.user_id.isin(apps)][["user_id", "ao_id", "date"]].reset_index(drop=True)

    eh = bd[["ao_id", "date", "ehs"]].explode("ehs").dropna(subset=["ehs"])
    ehs = pd.DataFrame({
        "user_id": [e[0] for e in eh.ehs], "fng_user_id": [e[1] for e in eh.ehs],
        "ao_id": eh.ao_id.values, "date": eh.date.values,
    }) if len(eh) else empty(["user_id", "fng_user_id", "ao_id", "date"])
    ehs = ehs[~ehs.user_id.isin(apps)].reset_index(drop=True)

    act = activity[~activity.user_id.isin(apps)].reset_index(drop=True)
    return Frames(users=people, posts=posts, qs=qs, ehs=ehs, activity=act)


def build_activity(messages: pd.DataFrame, kinds: dict[str, str], tz: str) -> pd.DataFrame:
    """Archived messages (channel_id, user_id, ts, file_count, reaction_count) -> activity per user, channel, day."""
    cols = ["user_id", "channel_id", "kind", "date", "messages", "files", "reactions"]
    if messages.empty:
        return empty(cols)
    stamp = pd.to_datetime(pd.to_numeric(messages.ts, errors="coerce"), unit="s", utc=True)
    local = stamp.dt.tz_convert(tz).dt.tz_localize(None).dt.normalize().astype("datetime64[ns]")
    frame = pd.DataFrame({
        "user_id": messages.user_id.values, "channel_id": messages.channel_id.values, "date": local.values,
        "files": pd.to_numeric(messages.file_count).fillna(0).astype(int).values,
        "reactions": pd.to_numeric(messages.reaction_count).fillna(0).astype(int).values,
    })
    out = frame.groupby(["user_id", "channel_id", "date"], as_index=False).agg(
        messages=("files", "size"), files=("files", "sum"), reactions=("reactions", "sum"))
    out["kind"] = out.channel_id.map(kinds).fillna("other")
    out.loc[~out.kind.isin(KINDS), "kind"] = "other"
    return out[cols]


# -- periods and streaks -----------------------------------------------------------------------
def period_bounds(as_of: date, period: str) -> tuple[date, date]:
    if period == "month":
        return as_of.replace(day=1), as_of
    if period == "ytd":
        return as_of.replace(month=1, day=1), as_of
    if period == "90d":
        return as_of - timedelta(days=89), as_of
    if period == "30d":  # not stored; outreach uses it for score trends
        return as_of - timedelta(days=29), as_of
    raise ValueError(f"unknown period {period!r} (use month, ytd or 90d)")


def week_index(dates) -> np.ndarray:
    """Continuous week numbers (weeks start on Monday), so streaks cross year boundaries."""
    days = (np.asarray(dates, dtype="datetime64[D]") - EPOCH_MONDAY).astype(np.int64)
    return days // 7


def build_streaks(posts: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per PAX: current and longest run of consecutive weeks with a post, up to the as-of date."""
    p = posts[posts.date <= pd.Timestamp(as_of)]
    if p.empty:
        return pd.DataFrame({"streak_current": [], "streak_longest": []}, dtype=int).rename_axis("user_id")
    codes, users = pd.factorize(p.user_id)
    span = 1 << 20  # weeks since 1970 stay far below this
    keys = np.unique(codes.astype(np.int64) * span + week_index(p.date.values))  # sorted (user, week) pairs
    user, week = keys // span, keys % span
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = (user[1:] != user[:-1]) | (week[1:] != week[:-1] + 1)
    run_length = np.bincount(np.cumsum(starts) - 1)
    run_user, run_end = user[starts], week[np.r_[np.flatnonzero(starts)[1:] - 1, len(keys) - 1]]
    runs = pd.DataFrame({"user": run_user, "length": run_length, "end": run_end})
    by_user = runs.groupby("user")
    last = by_user.last()
    this_week = week_index([np.datetime64(as_of, "D")])[0]
    current = last.length.where(last.end >= this_week - 1, 0)
    out = pd.DataFrame({"streak_current": current, "streak_longest": by_user.length.max()}).astype(int)
    out.index = pd.Index(np.asarray(users)[out.index], name="user_id")
    return out


def build_retained(ehs: pd.DataFrame, posts: pd.DataFrame, as_of: date, weights: dict) -> pd.Series:
    """For each EH row: did the FNG stick (enough posts soon after his first one, by the as-of date)?"""
    fngs = set(ehs.fng_user_id.dropna())
    if not fngs:
        return pd.Series(False, index=ehs.index)
    p = posts[posts.user_id.isin(fngs) & (posts.date <= pd.Timestamp(as_of))]
    first = p.groupby("user_id").date.transform("min")
    soon = p[p.date <= first + pd.Timedelta(days=int(weights["fng_retention_days"]))]
    counts = soon.groupby("user_id").size()
    stuck = set(counts[counts >= int(weights["fng_retention_posts"])].index)
    return ehs.fng_user_id.isin(stuck)


# -- scores --------------------------------------------------------------------------------------
def build_scores(frames: Frames, as_of: date, period: str, weights: dict | None = None,
                 streaks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per PAX with any posts, Qs, EHs or Slack activity in the period; SCORE_COLUMNS, ranked.

    `streaks` (build_streaks of the same frames and date) may be passed in when scoring several periods.
    """
    w = merge_settings(DEFAULT_WEIGHTS, weights)
    start, end = (pd.Timestamp(d) for d in period_bounds(as_of, period))

    def within(df: pd.DataFrame) -> pd.DataFrame:
        return df[(df.date >= start) & (df.date <= end)]

    posts, qs, ehs, act = within(frames.posts), within(frames.qs), within(frames.ehs), within(frames.activity)
    parts = {
        "posts": posts.groupby("user_id").size(),
        "qs": qs.groupby("user_id").size(),
        "aos": posts.groupby("user_id").ao_id.nunique(),
        "fngs_brought": ehs.groupby("user_id").size(),
        "fngs_retained": ehs[build_retained(ehs, frames.all_posts, as_of, w)].groupby("user_id").size(),
        "files": act.groupby("user_id").files.sum(),
        "reactions": act.groupby("user_id").reactions.sum(),
    }
    by_kind = act.pivot_table(index="user_id", columns="kind", values="messages", aggfunc="sum") if len(act) else None
    for kind in KINDS:
        parts[f"msgs_{kind}"] = by_kind[kind] if by_kind is not None and kind in by_kind else pd.Series(dtype=int)
    out = pd.DataFrame(parts).fillna(0)
    out = out[(out[COUNT_COLUMNS] > 0).any(axis=1)]
    streaks = build_streaks(frames.posts, as_of) if streaks is None else streaks
    out = out.join(streaks).fillna({"streak_current": 0, "streak_longest": 0})
    for col in COUNT_COLUMNS + ["streak_current", "streak_longest"]:
        out[col] = out[col].astype(int)
    last = posts.groupby("user_id").date.max().reindex(out.index)  # his last post in the period
    out["last_post"] = [d.date() if pd.notna(d) else None for d in last]

    out["pts_posts"] = out.posts * w["post"]
    out["pts_qs"] = out.qs * w["q"]
    out["pts_aos"] = out.aos * w["ao"]
    out["pts_streak"] = out.streak_current.clip(upper=int(w["streak_cap"])) * w["streak_week"]
    out["pts_fngs"] = out.fngs_brought * w["fng_brought"] + out.fngs_retained * w["fng_retained"]
    activity = sum(out[f"msgs_{k}"] * w[f"msg_{k}"] for k in KINDS) + out.files * w["file"] + out.reactions * w["reaction"]
    days = (end - start).days + 1
    out["pts_activity"] = activity.clip(upper=w["activity_cap"] * days / 30)
    pts = [c for c in out.columns if c.startswith("pts_")]
    out[pts] = out[pts].astype(float).round(2)
    out["score"] = np.floor(out[pts].sum(axis=1) + 0.5).astype(int)  # half up, not to even

    names = frames.users.set_index("user_id").user_name
    out = out.rename_axis("user_id").reset_index()
    out["user_name"] = out.user_id.map(names).fillna(out.user_id)
    return rank(out)[SCORE_COLUMNS]


def rank(scores: pd.DataFrame) -> pd.DataFrame:
    """Best first: score, then posts, then Qs, then name; equal scores share a rank."""
    out = scores.sort_values(["score", "posts", "qs", "user_name"], ascending=[False, False, False, True])
    out = out.reset_index(drop=True)
    out["rank"] = out.score.rank(method="min", ascending=False).astype(int) if len(out) else pd.Series(dtype=int)
    return out


def points_json(scores: pd.DataFrame) -> list[str]:
    """The components of each score row, as stored: why this PAX has this score."""
    pts = [c for c in SCORE_COLUMNS if c.startswith("pts_")]
    return [json.dumps(dict(zip([c[4:] for c in pts], map(float, values), strict=True)), sort_keys=True)
            for values in zip(*(scores[c].tolist() for c in pts), strict=True)]


# -- achievements ----------------------------------------------------------------------------------
def _period_key(f: pd.DataFrame, per: str) -> pd.Series:
    """A grouping key per row (numbers: fast to group); _period_label turns the winners into text."""
    if per == "year":
        return f.date.dt.year
    if per == "month":
        return f.date.dt.year * 100 + f.date.dt.month
    if per == "week":
        return pd.Series(week_index(f.date.values), index=f.index)
    if per == "ao":
        return f.ao_id
    raise ValueError(f"unknown achievement period {per!r}")


def _period_label(hit: pd.DataFrame, per: str) -> list[str]:
    if per == "year":
        return [str(k) for k in hit.key]
    if per == "month":
        return [f"{k // 100}-{k % 100:02d}" for k in hit.key]
    if per == "week":  # the Monday that starts the week
        return [f"W{EPOCH_MONDAY + np.timedelta64(int(k) * 7, 'D')}" for k in hit.key]
    return [str(k) for k in hit.key]


def build_achievements(frames: Frames, as_of: date, thresholds: dict | None = None) -> pd.DataFrame:
    """Every achievement earned up to the as-of date: user_id, achievement, period_key, achieved_on, ao_id, value.

    `achieved_on` is the day the threshold was reached (the N-th post or Q of that year, month, week or AO).
    """
    limits = merge_settings(DEFAULT_THRESHOLDS, thresholds)
    cols = ["user_id", "achievement", "period_key", "achieved_on", "ao_id", "value"]
    cutoff = pd.Timestamp(as_of)
    counted = {"posts": frames.posts[frames.posts.date <= cutoff], "qs": frames.qs[frames.qs.date <= cutoff]}
    counted["q_aos"] = counted["qs"]
    codes = {k: pd.factorize(f.user_id)[0] for k, f in counted.items()}  # group on numbers, not strings
    found = []
    groups: dict[tuple, list] = {}
    for ach, (_t, _d, what, per, _n) in ACHIEVEMENTS.items():
        if int(limits.get(ach) or 0) > 0:
            groups.setdefault((what, per), []).append(ach)
    for (what, per), achs in groups.items():
        f = counted[what]
        if f.empty:
            continue
        f = f.assign(key=_period_key(f, per), who=codes[what]).sort_values("date", kind="stable")
        if what == "q_aos":
            f = f.drop_duplicates(["who", "key", "ao_id"])
        f = f.assign(n=f.groupby(["who", "key"]).cumcount() + 1)  # in date order within each group
        for ach in achs:
            hit = f[f.n == int(limits[ach])]
            found.append(pd.DataFrame({
                "user_id": hit.user_id.values, "achievement": ach, "period_key": _period_label(hit, per),
                "achieved_on": hit.date.dt.date.values, "ao_id": hit.ao_id.values if per == "ao" else None,
                "value": int(limits[ach]),
            }))
    if not found:
        return pd.DataFrame(columns=cols)
    return pd.concat(found, ignore_index=True)[cols].sort_values(["achieved_on", "user_id", "achievement"]).reset_index(drop=True)
