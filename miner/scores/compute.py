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
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from miner.core import known
from miner.core.constants import CHANNEL_KINDS

PERIODS = ("month", "ytd", "90d")

DEFAULT_WEIGHTS: dict = dict(known.SCORING)  # the one table of settings: miner.core.known

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
    return pd.DataFrame({c: np.array([], dtype="datetime64[ns]" if c == "date" else object) for c in columns})


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


def to_dates(values) -> np.ndarray:
    """DATE column values (ISO strings from SQLite, date objects from MySQL) -> datetime64[ns]."""
    values = np.asarray(values, dtype=object)
    first = values[0] if len(values) else ""
    if isinstance(first, str) or (isinstance(first, date) and not isinstance(first, datetime)):
        try:  # numpy parses plain dates much faster than pandas
            return values.astype("datetime64[D]").astype("datetime64[ns]")
        except ValueError:
            pass
    values = pd.Series(values, dtype=object)
    if isinstance(first, str):
        values = pd.to_datetime(values, format="ISO8601", errors="coerce").dt.normalize()
    return pd.to_datetime(values, errors="coerce").to_numpy("datetime64[ns]")


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
    app = users.app.fillna(0).astype(int).to_numpy() == 1
    apps = set(users.user_id[app])
    people = users.loc[~app, ["user_id", "user_name"]].reset_index(drop=True)

    bd = {"user_id": column(beatdowns.q_user_id), "ao_id": column(beatdowns.ao_id), "date": to_dates(beatdowns["date"])}
    bd["q_user_id"] = bd["user_id"]
    att = {c: column(attendance[c]) for c in ("user_id", "ao_id", "q_user_id")} | {"date": to_dates(attendance["date"])}
    coq_row, coq_user = explode(beatdowns.coq_user_ids)
    coq_att = np.flatnonzero(attendance.coq.to_numpy() == 1) if "coq" in attendance else []
    # Qs: each beatdown's Q, the Co-Qs it lists, the attendees marked Co-Q
    qs = {c: np.concatenate([bd[c], bd[c][coq_row], att[c][coq_att]]) for c in bd}
    qs["user_id"] = np.concatenate([bd["user_id"], coq_user, att["user_id"][coq_att]])
    posts = {c: np.concatenate([att[c], qs[c]]) for c in bd}
    posts = take(posts, distinct(posts, ["user_id", "ao_id", "date", "q_user_id"], apps))
    qs = take(qs, distinct(qs, ["user_id", "ao_id", "date"], apps))

    eh_row, eh = explode(beatdowns.ehs)
    if len(eh):
        ehs = {"user_id": np.array([e[0] for e in eh], dtype=object), "fng_user_id": np.array([e[1] for e in eh], dtype=object),
               "ao_id": bd["ao_id"][eh_row], "date": bd["date"][eh_row]}
        ehs = pd.DataFrame(take(ehs, ~is_app(ehs["user_id"], apps)))
    else:
        ehs = empty(["user_id", "fng_user_id", "ao_id", "date"])

    keep = ~is_app(column(activity.user_id), apps)
    act = activity.reset_index(drop=True) if keep.all() else activity[keep].reset_index(drop=True)
    return Frames(users=people, posts=pd.DataFrame(posts, columns=["user_id", "ao_id", "date", "q_user_id"]),
                  qs=pd.DataFrame(qs, columns=["user_id", "ao_id", "date"]), ehs=ehs, activity=act)


def column(values: pd.Series) -> np.ndarray:
    return values.to_numpy(object)


def take(columns: dict, rows: np.ndarray) -> dict:
    return {c: v[rows] for c, v in columns.items()}


def explode(lists: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Row number and item of every item of each row's list (empty and missing ones skipped)."""
    items = pd.Series(column(lists), dtype=object).explode()
    found = items.notna().to_numpy()
    return items.index.to_numpy()[found], column(items)[found]


def distinct(columns: dict, key: list[str], apps: set) -> np.ndarray:
    """Rows with a user and a date, the first of each distinct `key` (missing = missing), not by an app."""
    codes = [pd.factorize(columns[c])[0] + 1 for c in key]  # 0: missing
    rows = np.flatnonzero((codes[0] > 0) & ~np.isnat(columns["date"]))
    combined = np.zeros(len(rows), dtype=np.int64)
    for c in codes:
        combined = combined * (c.max(initial=0) + 1) + c[rows]
    rows = rows[np.sort(np.unique(combined, return_index=True)[1])]
    return rows[~is_app(columns["user_id"][rows], apps)]


def is_app(user_ids: np.ndarray, apps: set) -> np.ndarray:
    codes, uniques = pd.factorize(user_ids)
    return np.array([u in apps for u in uniques] + [False])[codes]  # code -1 (no user): not an app


def build_activity(messages: pd.DataFrame, kinds: dict[str, str], tz: str) -> pd.DataFrame:
    """Archived messages (channel_id, user_id, ts, file_count, reaction_count) -> activity per user, channel, day."""
    cols = ["user_id", "channel_id", "kind", "date", "messages", "files", "reactions"]
    if messages.empty:
        return empty(cols)
    stamp = pd.to_datetime(pd.to_numeric(column(messages.ts), errors="coerce"), unit="s", utc=True)
    day = np.asarray(stamp.tz_convert(tz).tz_localize(None).normalize(), dtype="datetime64[ns]")
    # group on (user, channel, day) numbers: sorted codes keep groupby's order
    user, users = pd.factorize(column(messages.user_id), sort=True)
    channel, channels = pd.factorize(column(messages.channel_id), sort=True)
    when, days = pd.factorize(day, sort=True)
    found = np.flatnonzero((user >= 0) & (channel >= 0) & (when >= 0))
    groups, group = np.unique((user[found] * len(channels) + channel[found]) * len(days) + when[found],
                              return_inverse=True)

    def total(values: pd.Series) -> np.ndarray:
        counts = np.nan_to_num(pd.to_numeric(column(values)).astype(float)).astype(np.int64)[found]
        return np.bincount(group, counts, minlength=len(groups)).astype(np.int64)

    kind = np.array([kinds.get(c) if kinds.get(c) in CHANNEL_KINDS else "other" for c in channels], dtype=object)
    channel = groups // len(days) % len(channels)
    return pd.DataFrame({
        "user_id": users[groups // len(days) // len(channels)], "channel_id": channels[channel],
        "kind": kind[channel], "date": days[groups % len(days)],
        "messages": np.bincount(group, minlength=len(groups)), "files": total(messages.file_count),
        "reactions": total(messages.reaction_count),
    }, columns=cols)


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
    current, longest = streak_weeks(codes, p.date.values, as_of, len(users))
    return pd.DataFrame({"streak_current": current, "streak_longest": longest},
                        index=pd.Index(np.asarray(users), name="user_id"))


def streak_weeks(user: np.ndarray, dates: np.ndarray, as_of: date, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Current and longest streak of users numbered 0..size-1, from their posts (user number, date)."""
    current, longest = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    span = 1 << 20  # weeks since 1970 stay far below this
    keys = np.unique(user.astype(np.int64) * span + week_index(dates))  # sorted (user, week) pairs
    if not len(keys):
        return current, longest
    user, week = keys // span, keys % span
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = (user[1:] != user[:-1]) | (week[1:] != week[:-1] + 1)
    length = np.bincount(np.cumsum(starts) - 1)
    run_user, run_end = user[starts], week[np.r_[np.flatnonzero(starts)[1:] - 1, len(keys) - 1]]
    np.maximum.at(longest, run_user, length)
    last = np.r_[run_user[1:] != run_user[:-1], True]  # each user's last run
    alive = last & (run_end >= week_index([np.datetime64(as_of, "D")])[0] - 1)
    current[run_user[alive]] = length[alive]
    return current, longest


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
def build_scores(frames: Frames, as_of: date, period: str, weights: dict | None = None) -> pd.DataFrame:
    """One row per PAX with any posts, Qs, EHs or Slack activity in the period; SCORE_COLUMNS, ranked."""
    return build_period_scores(frames, as_of, [period], weights)[SCORE_COLUMNS]


def build_period_scores(frames: Frames, as_of: date, periods=PERIODS, weights: dict | None = None) -> pd.DataFrame:
    """build_scores of several periods in one pass: `period` + SCORE_COLUMNS, one period after the other."""
    w = merge_settings(DEFAULT_WEIGHTS, weights)
    bounds = [period_bounds(as_of, p) for p in periods]
    users, counts, last, streaks = count_periods(frames, as_of, bounds, w)
    keep = np.flatnonzero((counts > 0).any(axis=1))  # by period, then user_id
    per, user = keep // len(users), keep % len(users)
    out = dict(zip(COUNT_COLUMNS, counts[keep].T, strict=True))
    out["streak_current"], out["streak_longest"] = streaks[0][user], streaks[1][user]
    out["last_post"] = np.array(last[keep].astype("datetime64[D]").tolist(), dtype=object)
    add_points(out, w, np.array([w["activity_cap"] * ((e - s).days + 1) / 30 for s, e in bounds])[per])

    at = pd.Index(column(frames.users.user_id)).get_indexer(users)
    names = np.append(column(frames.users.user_name), None)[at]  # -1 (not in users): None
    out["user_id"], out["user_name"] = users[user], np.where(pd.isna(names), users, names)[user]
    # best first: score, then posts, then Qs, then name; ties keep user_id order (the sort is stable)
    order = np.lexsort((pd.factorize(out["user_name"], sort=True)[0], -out["qs"], -out["posts"], -out["score"], per))
    per, score = per[order], out["score"][order]
    first = np.searchsorted(per, np.arange(len(periods)))  # where each period starts
    changed = np.flatnonzero(np.r_[True, (per[1:] != per[:-1]) | (score[1:] != score[:-1])])
    rank = np.repeat(changed, np.diff(np.r_[changed, len(per)])) - first[per] + 1  # equal scores: same rank
    return pd.DataFrame({"period": np.array(periods, dtype=object)[per],
                         **{c: out[c][order] for c in SCORE_COLUMNS if c != "rank"}, "rank": rank})


def count_periods(frames: Frames, as_of: date, bounds: list[tuple], w: dict) -> tuple:
    """COUNT_COLUMNS and the last post of every (period, user), numbered period * len(users) + user.

    Returns (users: sorted user_ids, counts, last posts: datetime64, streaks: (current, longest) per user).
    Each row counts once for every period it falls in; np.bincount sums the groups of all periods at once.
    """
    parts = [frames.posts, frames.qs, frames.ehs, frames.activity]
    posts, _, ehs, act = parts
    codes, users = pd.factorize(np.concatenate([column(f.user_id) for f in parts]), sort=True)
    who = np.split(codes, np.cumsum([len(f) for f in parts])[:-1])
    days = [f.date.to_numpy("datetime64[ns]") for f in parts]
    size = len(bounds) * len(users)
    lo = np.array([np.datetime64(s, "ns") for s, _ in bounds])[:, None]
    hi = np.array([np.datetime64(e, "ns") for _, e in bounds])[:, None]

    def keys(i: int) -> tuple[np.ndarray, np.ndarray]:
        """(period, user) number and row of every row of parts[i], once for each period it is in."""
        per, row = np.nonzero((days[i] >= lo) & (days[i] <= hi) & (who[i] >= 0))
        return per * len(users) + who[i][row], row

    def count(key: np.ndarray, values: np.ndarray | None = None, width: int = 1) -> np.ndarray:
        return np.bincount(key, values, minlength=size * width)

    post_key, post_row = keys(0)
    ao = pd.factorize(column(posts.ao_id))[0][post_row]
    width = ao.max(initial=0) + 1
    pairs = np.unique(post_key[ao >= 0] * width + ao[ao >= 0])  # distinct (period, user, AO)
    eh_key, eh_row = keys(2)
    retained = build_retained(ehs, frames.all_posts, as_of, w).to_numpy(bool)[eh_row]
    act_key, act_row = keys(3)
    kind = pd.Index(CHANNEL_KINDS).get_indexer(act.kind)[act_row]
    known = kind >= 0
    messages = count(act_key[known] * len(CHANNEL_KINDS) + kind[known], numbers(act.messages)[act_row][known], len(CHANNEL_KINDS))
    counts = np.column_stack([
        count(post_key), count(keys(1)[0]), count(pairs // width), count(eh_key), count(eh_key[retained]),
        messages.reshape(size, len(CHANNEL_KINDS)), count(act_key, numbers(act.files)[act_row]),
        count(act_key, numbers(act.reactions)[act_row]),
    ]).astype(np.int64)  # COUNT_COLUMNS
    last = np.full(size, np.iinfo(np.int64).min)  # NaT
    np.maximum.at(last, post_key, days[0].view(np.int64)[post_row])
    before = (days[0] <= np.datetime64(as_of, "ns")) & (who[0] >= 0)
    streaks = streak_weeks(who[0][before], days[0][before], as_of, len(users))
    return users, counts, last.view("datetime64[ns]"), streaks


def add_points(out: dict, w: dict, activity_cap: np.ndarray) -> None:
    """The pts_ columns and the score, from the counts in `out` (a dict of arrays)."""
    out["pts_posts"] = out["posts"] * w["post"]
    out["pts_qs"] = out["qs"] * w["q"]
    out["pts_aos"] = out["aos"] * w["ao"]
    out["pts_streak"] = np.minimum(out["streak_current"], int(w["streak_cap"])) * w["streak_week"]
    out["pts_fngs"] = out["fngs_brought"] * w["fng_brought"] + out["fngs_retained"] * w["fng_retained"]
    activity = (sum(out[f"msgs_{k}"] * w[f"msg_{k}"] for k in CHANNEL_KINDS) + out["files"] * w["file"]
                + out["reactions"] * w["reaction"])
    out["pts_activity"] = np.minimum(activity, activity_cap)
    pts = [c for c in SCORE_COLUMNS if c.startswith("pts_")]
    for c in pts:
        out[c] = np.round(np.asarray(out[c], dtype=float), 2)
    out["score"] = np.floor(sum(out[c] for c in pts) + 0.5).astype(np.int64)  # half up, not to even


def numbers(values: pd.Series) -> np.ndarray:
    """A count column as floats, missing = 0 (as a group sum skips it)."""
    return np.nan_to_num(values.to_numpy(float))


def points_json(scores: pd.DataFrame) -> list[str]:
    """The components of each score row, as stored: why this PAX has this score."""
    pts = [c for c in SCORE_COLUMNS if c.startswith("pts_")]
    return [json.dumps(dict(zip([c[4:] for c in pts], map(float, values), strict=True)), sort_keys=True)
            for values in zip(*(scores[c].tolist() for c in pts), strict=True)]


# -- achievements ----------------------------------------------------------------------------------
def build_achievements(frames: Frames, as_of: date, thresholds: dict | None = None) -> pd.DataFrame:
    """Every achievement earned up to the as-of date: user_id, achievement, period_key, achieved_on, ao_id, value.

    `achieved_on` is the day the threshold was reached (the N-th post or Q of that year, month, week or AO).
    """
    limits = merge_settings(DEFAULT_THRESHOLDS, thresholds)
    cols = ["user_id", "achievement", "period_key", "achieved_on", "ao_id", "value"]
    counted = {"posts": _in_date_order(frames.posts, as_of), "qs": _in_date_order(frames.qs, as_of)}
    counted["q_aos"] = counted["qs"]
    found: dict[str, list] = {c: [] for c in cols}
    groups: dict[tuple, list] = {}
    for ach, (_t, _d, what, per, _n) in ACHIEVEMENTS.items():
        if int(limits.get(ach) or 0) > 0:
            groups.setdefault((what, per), []).append(ach)
    for (what, per), achs in groups.items():
        f = counted[what]
        rows = np.flatnonzero((f["who"] >= 0) & ((f["ao"] >= 0) | (per != "ao")))  # AO counts need an AO
        group = _pair(f["who"], f[per])[rows]
        if what == "q_aos":  # each AO once per PAX and month: his first Q there
            first = np.sort(np.unique(_pair(group, f["ao"][rows]), return_index=True)[1])
            rows, group = rows[first], group[first]
        n = _running_count(group)
        for ach in achs:
            hit = rows[n == int(limits[ach])]
            found["user_id"] += f["user_id"][hit].tolist()
            found["achievement"] += [ach] * len(hit)
            found["period_key"] += _period_label(f, hit, per)
            found["achieved_on"] += f["day"][hit].tolist()
            found["ao_id"] += f["ao_id"][hit].tolist() if per == "ao" else [None] * len(hit)
            found["value"] += [int(limits[ach])] * len(hit)
    if not found["user_id"]:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({c: pd.Series(v, dtype=object if c in ("period_key", "ao_id") else None)
                        for c, v in found.items()})
    return out.sort_values(["achieved_on", "user_id", "achievement"]).reset_index(drop=True)


def _in_date_order(frame: pd.DataFrame, as_of: date) -> dict[str, np.ndarray]:
    """Posts or Qs up to the as-of date, in date order (stable), with a number per achievement period."""
    day = frame.date.to_numpy("datetime64[ns]")
    rows = np.flatnonzero(day <= np.datetime64(as_of, "ns"))
    rows = rows[np.argsort(day[rows], kind="stable")]
    day, user, ao = day[rows].astype("datetime64[D]"), column(frame.user_id)[rows], column(frame.ao_id)[rows]
    year = day.astype("datetime64[Y]").astype(np.int64) + 1970
    return {
        "user_id": user, "ao_id": ao, "day": day, "who": pd.factorize(user)[0], "ao": pd.factorize(ao)[0],  # -1: none
        "year": year, "month": year * 100 + day.astype("datetime64[M]").astype(np.int64) % 12 + 1,
        "week": week_index(day),
    }


def _pair(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One number per (a, b) pair (a >= 0)."""
    b = b - b.min(initial=0)
    return a.astype(np.int64) * (b.max(initial=0) + 1) + b


def _running_count(group: np.ndarray) -> np.ndarray:
    """For each row: 1 + how many rows before it are in the same group."""
    order = np.argsort(group, kind="stable")
    starts = np.ones(len(group), dtype=bool)
    starts[1:] = group[order][1:] != group[order][:-1]
    at = np.arange(len(group))
    n = np.empty(len(group), dtype=np.int64)
    n[order] = at - np.maximum.accumulate(np.where(starts, at, 0)) + 1
    return n


def _period_label(f: dict, hit: np.ndarray, per: str) -> list[str]:
    if per == "year":
        return [str(k) for k in f["year"][hit]]
    if per == "month":
        return [f"{k // 100}-{k % 100:02d}" for k in f["month"][hit]]
    if per == "week":  # the Monday that starts the week
        return [f"W{EPOCH_MONDAY + np.timedelta64(int(k) * 7, 'D')}" for k in f["week"][hit]]
    return [str(k) for k in f["ao_id"][hit]]
