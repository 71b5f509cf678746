"""scorer: a region's beatdowns, attendance and raw archive -> `scores` and `achievements`.

Reads the region schema, builds frames (miner.scoring does the arithmetic), stores one row per PAX
per period (month, ytd, 90d) for the as-of date, awards achievements once, and reads rankings back
for the CLI. Weights come from miner.scoring.DEFAULT_WEIGHTS, overridden by credentials.ini
`[scoring]`, then by the region's settings JSON {"scoring": {...}}; achievement thresholds likewise
from `[achievements]` and {"achievements": {...}}. Rerunning with new weights rescores without
re-mining.
"""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from miner.app import App
from miner.archive.store import spoken_sql
from miner.core.clock import local_today, midnight_ts
from miner.core.db import upsert, utcnow
from miner.core.errors import PaxminerError
from miner.core.registry import Region
from miner.scores.compute import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    PERIODS,
    Frames,
    build_achievements,
    build_activity,
    build_frames,
    build_period_scores,
    merge_settings,
    parse_ehs,
    parse_list,
    period_bounds,
    points_json,
)

log = logging.getLogger("miner.scores")

STORED = ["posts", "qs", "aos", "streak_current", "streak_longest", "fngs_brought", "fngs_retained",
          "msgs_ao", "msgs_help", "msgs_region", "msgs_other", "files", "reactions", "last_post", "score"]


class ScoreError(PaxminerError):
    """A scoring request that cannot be met (unknown AO...), as one line."""




def scoring_weights(app: App, region: Region) -> dict:
    return merge_settings(DEFAULT_WEIGHTS, app.settings.section("scoring"), region.options.get("scoring"))


def achievement_thresholds(app: App, region: Region) -> dict:
    return merge_settings(DEFAULT_THRESHOLDS, app.settings.section("achievements"), region.options.get("achievements"))




# -- reads ---------------------------------------------------------------------------------------
def tuples(conn: Connection, sql: str, **params) -> list[tuple]:
    """The driver's plain tuples (SQLAlchemy Row objects are slow in bulk)."""
    result = conn.execute(text(sql), params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def rows(conn: Connection, sql: str, columns: list[str], **params) -> pd.DataFrame:
    """Raw rows for build_frames: object columns (inferring str types here would be wasted work)."""
    return pd.DataFrame(tuples(conn, sql, **params), columns=columns, dtype=object)


def read_users(conn: Connection) -> pd.DataFrame:
    users = tuples(conn, "SELECT user_id, user_name, app, deleted FROM users")
    return pd.DataFrame(users, columns=["user_id", "user_name", "app", "deleted"]).astype({"app": int, "deleted": int})


def read_frames(conn: Connection, region: Region, as_of: date, since: date) -> Frames:
    """Everything scoring needs up to the as-of date; Slack activity from `since` on."""
    users = read_users(conn)
    kinds = {c: "other" if k is None else k for c, k in tuples(conn, "SELECT channel_id, kind FROM aos")}
    attendance = read_attendance(conn, as_of)
    # only what can matter comes back: the parser's JSON when it lists EHs, the text when it says EH
    raw = tuples(
        conn, "SELECT ao_id, bd_date, q_user_id, coq_user_id, CASE WHEN backblast LIKE :eh THEN backblast END, "
        "CASE WHEN json LIKE :ehs THEN json END FROM beatdowns WHERE bd_date <= :d",
        d=as_of.isoformat(), eh="%eh%", ehs='%"ehs"%')
    names = {n.lower(): u for u, n in zip(users.user_id, users.user_name, strict=True) if isinstance(n, str)}
    beatdowns = pd.DataFrame([parse_beatdown(r, names) for r in raw],
                             columns=["ao_id", "date", "q_user_id", "coq_user_ids", "ehs"], dtype=object)
    messages = rows(
        conn,
        "SELECT channel_id, user_id, ts, file_count, reaction_count FROM messages "
        "WHERE deleted = 0 AND user_id IS NOT NULL AND ts >= :lo AND ts < :hi "
        f"AND {spoken_sql()}",
        ["channel_id", "user_id", "ts", "file_count", "reaction_count"],
        lo=midnight_ts(since, region.timezone), hi=midnight_ts(as_of + timedelta(days=1), region.timezone),
    )
    return build_frames(users, attendance, beatdowns, build_activity(messages, kinds, region.timezone))


def read_attendance(conn: Connection, as_of: date) -> pd.DataFrame:
    """bd_attendance up to the as-of date: user_id, ao_id, date, q_user_id, coq (1 = a Co-Q).

    One row per beatdown comes back, its PAX joined by GROUP_CONCAT: a tenth of the rows, which is
    what a MySQL driver spends its time on. The miner marks roles in bd_attendance.json
    ({"role": "q" | "coq" | "pax"}). Dates come as text (date objects cost PyMySQL more).
    """
    if conn.dialect.name == "mysql":  # MySQL's default cap (1 KB) would cut a convergence's PAX list short
        conn.execute(text("SET SESSION group_concat_max_len = 1048576"))
    found = tuples(
        conn, "SELECT ao_id, CAST(`date` AS CHAR), q_user_id, GROUP_CONCAT(user_id), "
        "GROUP_CONCAT(CASE WHEN json LIKE :coq THEN user_id END) FROM bd_attendance WHERE `date` <= :d "
        "GROUP BY ao_id, `date`, q_user_id", d=as_of.isoformat(), coq='%"coq"%')
    people = [pax.split(",") for _, _, _, pax, _ in found]
    coqs = [set(c.split(",")) if c else set() for *_, c in found]
    sizes = [len(p) for p in people]

    def repeat(i: int) -> np.ndarray:
        return np.repeat(np.array([r[i] for r in found], dtype=object), sizes)

    return pd.DataFrame({
        "user_id": [u for p in people for u in p], "ao_id": repeat(0), "date": repeat(1), "q_user_id": repeat(2),
        "coq": [int(u in c) for p, c in zip(people, coqs, strict=True) for u in p],
    }, dtype=object)


def parse_beatdown(row: tuple, names: dict[str, str]) -> tuple:
    """(ao_id, date, q_user_id, coq_user_id, backblast, json) -> (ao_id, date, q_user_id, Co-Q ids, EHs).

    More Co-Qs come from bd_attendance; the text and JSON are only there when they may hold EHs.
    """
    ao_id, day, q, coq, backblast, raw = row
    try:
        result = json.loads(raw) if raw else {}
    except ValueError:
        result = {}
    result = result if isinstance(result, dict) else {}
    coqs = parse_list(result.get("coq_user_ids")) or ([coq] if coq else [])
    ehs = parse_ehs(backblast, result, names) if backblast or "ehs" in result else []
    return ao_id, day, q, coqs, ehs


def resolve_ao(conn: Connection, value: str) -> str:
    """An AO given as channel ID, name or #name -> its channel ID."""
    name = value.lstrip("#")
    row = conn.execute(text("SELECT channel_id FROM aos WHERE channel_id = :v OR ao = :v ORDER BY archived"),
                       {"v": name}).first()
    if row is None:
        raise ScoreError(f"no AO channel named {value!r} (see `paxminer ao list`)")
    return row[0]


# -- writes --------------------------------------------------------------------------------------
def save_scores(conn: Connection, scores: pd.DataFrame, as_of: date, scope: str, now: str,
                periods=PERIODS) -> dict[str, int]:
    """Replace the stored scores of one as-of date and scope, for each period, with these (build_period_scores)."""
    conn.execute(text("DELETE FROM scores WHERE as_of = :a AND scope = :s AND period IN :p").bindparams(
        bindparam("p", expanding=True)), {"a": as_of.isoformat(), "s": scope, "p": list(periods)})
    cols = {c: scores[c].tolist() for c in ["period", "user_id", *STORED, "rank"]}  # plain Python values
    cols["place"] = cols.pop("rank")
    cols["last_post"] = [d.isoformat() if d else None for d in cols["last_post"]]
    cols["points"] = points_json(scores)
    starts = {p: period_bounds(as_of, p)[0].isoformat() for p in periods}
    cols["period_start"] = [starts[p] for p in cols["period"]]
    fixed = {"as_of": as_of.isoformat(), "scope": scope, "computed_at": now}
    out = [{**fixed, **dict(zip(cols, values, strict=True))} for values in zip(*cols.values(), strict=True)]
    upsert(conn, "scores", out, ["as_of", "period", "scope", "user_id"])
    return {p: cols["period"].count(p) for p in periods}


def prune_scores(conn: Connection, as_of: date, keep_days: int) -> int:
    """Drop daily score rows older than `keep_days` before the as-of date, except month ends (kept for trends)."""
    if keep_days <= 0:
        return 0
    cutoff = as_of - timedelta(days=keep_days)
    old = [str(d)[:10] for (d,) in conn.execute(text("SELECT DISTINCT as_of FROM scores WHERE as_of < :c"),
                                                {"c": cutoff.isoformat()})]
    drop = [d for d in old if (date.fromisoformat(d) + timedelta(days=1)).day != 1]
    for d in drop:
        conn.execute(text("DELETE FROM scores WHERE as_of = :d"), {"d": d})
    return len(drop)


def save_achievements(conn: Connection, awards: pd.DataFrame, now: str) -> list[dict]:
    """Store achievements not yet awarded; returns the new ones (awarded once, never again)."""
    have = {tuple(r) for r in conn.execute(text("SELECT user_id, achievement, period_key FROM achievements"))}
    new = []
    for rec in awards.to_dict("records"):
        if (rec["user_id"], rec["achievement"], rec["period_key"]) not in have:
            new.append({**rec, "achieved_on": rec["achieved_on"].isoformat(), "awarded_at": now})
    upsert(conn, "achievements", new, ["user_id", "achievement", "period_key"], update=[])
    return new


# -- the step ------------------------------------------------------------------------------------
def score_region(app: App, region: Region, as_of: date | None = None, ao: str | None = None) -> dict:
    """Score every PAX for each period as of a date (default: today in the region), store, award.

    With `ao` (channel ID or name), that AO's ranking is scored and stored too (scope = its ID).
    """
    as_of = as_of or local_today(region.timezone)
    weights, thresholds = scoring_weights(app, region), achievement_thresholds(app, region)
    since = min(as_of.replace(month=1, day=1), period_bounds(as_of, "90d")[0])
    eng = app.db.engine(region.schema_name)
    with eng.connect() as conn:
        frames = read_frames(conn, region, as_of, since)
        scope = resolve_ao(conn, ao) if ao else ""
    log.info("%s: scoring as of %s from %s (%d posts read)", region, as_of, since, len(frames.posts))
    now = utcnow()
    scores = build_period_scores(frames, as_of, PERIODS, weights)
    log.info("%s: scores computed for %s", region, ", ".join(PERIODS))
    ao_scores = build_period_scores(frames.for_ao(scope), as_of, PERIODS, weights) if scope else None
    with eng.begin() as conn:
        counts = save_scores(conn, scores, as_of, "", now)
        if scope:
            save_scores(conn, ao_scores, as_of, scope, now)
        new = save_achievements(conn, build_achievements(frames, as_of, thresholds), now)
        pruned = prune_scores(conn, as_of, int(weights["keep_days"]))
    log.info("%s: scores stored (%s), %d new achievement(s)", region, counts, len(new))
    return {"region": region.region, "as_of": as_of.isoformat(), "scope": scope, "pax": counts,
            "new_achievements": len(new), "pruned_days": pruned}


def read_ranking(app: App, region: Region, as_of: date, period: str, scope: str = "") -> list[dict]:
    """The stored ranking, best first, as the CONTRACT's JSON objects (plus every component)."""
    cols = ", ".join(f"s.{c}" for c in STORED)
    with app.db.engine(region.schema_name).connect() as conn:
        if scope:
            scope = resolve_ao(conn, scope)
        found = conn.execute(text(
            f"SELECT s.user_id, COALESCE(u.user_name, s.user_id) AS user_name, {cols}, s.place, s.points, "
            "s.period_start FROM scores s LEFT JOIN users u ON u.user_id = s.user_id "
            "WHERE s.as_of = :a AND s.period = :p AND s.scope = :s ORDER BY s.place, s.score DESC, user_name"
        ), {"a": as_of.isoformat(), "p": period, "s": scope}).mappings().all()
    out = []
    for r in found:
        rec = dict(r)
        rec["rank"] = rec.pop("place")
        rec["points"] = json.loads(rec["points"] or "{}")
        for key in ("last_post", "period_start"):
            rec[key] = str(rec[key])[:10] if rec[key] else None
        out.append({**rec, "period": period, "as_of": as_of.isoformat(), "scope": scope})
    return out
