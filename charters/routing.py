"""Which charts go where, and the nightly step.

`chart_region()` builds every chart of the asked kinds for one region and period (recipients,
titles, comments, the frames to draw), drops what was already delivered, draws the rest on every
core, and delivers each chart as it comes back. `run_charts()` is the nightly step
(entry point group `paxminer.steps`): from `settings.chart_day` on, it charts the previous month
with the kinds the region's send_* flags ask for; later nights retry only what failed.

Where each kind goes:
  pax             DM to every PAX who posted this year (not deactivated; apps never)
  q               each AO channel (Qs and Co-Qs at that AO) and the region channel (kind q-region)
  ao, ao-leaderboard   each AO channel (backblast, not archived, active this year)
  fng, leaderboard, activity, heard   the region channel (firstf_channel)
"""

from __future__ import annotations

import logging
import shlex
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from charters.data import CHART_KINDS, ChartData, Period, previous_month
from charters.delivery import Chart, Outbox, SlackPoster, Tally, slug
from charters.drawing import Style, make_style
from charters.render import render_all
from miner.app import App
from miner.core.progress import progress
from miner.core.registry import Region

log = logging.getLogger("charters")

FLAGS = {
    "pax": "send_pax_charts",
    "q": "send_q_charts",
    "ao": "send_ao_leaderboard",
    "ao-leaderboard": "send_ao_leaderboard",
    "leaderboard": "send_region_leaderboard",
    "fng": "send_region_leaderboard",
    "activity": "send_region_leaderboard",
    "heard": "send_region_leaderboard",
}
MAX_ATTEMPTS = 5  # the nightly run stops retrying a recipient after this many failures
REGION_CHANNEL = "region-channel"  # recipient placeholder when the region has no firstf_channel


def flagged_kinds(region: Region) -> list[str]:
    """Kinds the nightly run posts: the send_* flags, overridden per kind by settings {"charts": {"heard": false}}."""
    overrides = region.options.get("charts") if isinstance(region.options.get("charts"), dict) else {}
    return [k for k in CHART_KINDS if bool(overrides[k] if k in overrides else getattr(region, FLAGS[k]))]


def expand(kind: str) -> list[str]:
    return list(CHART_KINDS) if kind == "all" else [kind]


def esc(s: str) -> str:
    """Escape text for Slack mrkdwn."""
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'PAX' else 's'}"


@dataclass
class ChartContext:
    region: Region
    period: Period
    data: ChartData
    style: Style
    empty: frozenset  # months of the year with no data at all

    @property
    def region_channel(self) -> str:
        return self.region.firstf_channel or REGION_CHANNEL

    def file(self, *parts: str) -> str:
        return "-".join([self.period.key, *[slug(p) for p in parts]]) + ".png"

    @cached_property
    def post_aos(self) -> list[str]:
        """AO channels that get AO charts: backblast, not archived, with a post or beatdown this year."""
        aos = self.data.aos()
        live = set(aos.loc[(aos["backblast"] == 1) & (aos["archived"] == 0), "ao_id"])
        return [a for a in self.data.ao_order() if a in live and a in self.data.active_aos()]


# -- one builder per kind -------------------------------------------------------------------------------
def build_pax(cx: ChartContext) -> list[Chart]:
    users = cx.data.users()
    p, year = cx.period, cx.period.start.year
    out = []
    for user_id, frame in cx.data.pax_frames():
        if user_id not in users.index or users.at[user_id, "deleted"]:
            continue  # no DM for unknown or deactivated accounts
        name = users.at[user_id, "name"]
        total, month = int(frame.to_numpy().sum()), int(frame.loc[p.month].sum())
        comment = (f"Your {year} in {esc(cx.region.region)} so far, {esc(name)}: *{plural(total, 'post')}* at "
                   f"{plural(frame.shape[1], 'AO')}, {month} of them in {p.label}. See you in the gloom!")
        out.append(Chart("pax", user_id, f"{name}: posts by month, {year}", cx.file("pax", name, user_id), comment,
                         "pax", frame, {"period": p, "name": name, "empty_months": cx.empty}, dm=True))
    return out


def build_q(cx: ChartContext) -> list[Chart]:
    p, out = cx.period, []
    for ao_id in cx.post_aos:
        frame, n = cx.data.q_ao_frame(ao_id), cx.data.beatdown_count(ao_id)
        ao = cx.style.ao_name(ao_id)
        if frame.empty:
            comment = f"No Qs recorded at <#{ao_id}> in {p.label}. Post those backblasts!"
        else:
            comment = (f"Who led at <#{ao_id}> in {p.label}: {plural(n, 'beatdown')}, {plural(int(frame['qs'].sum()), 'Q')}"
                       f" and {plural(int(frame['coqs'].sum()), 'Co-Q')}. Thank you, Qs!")
        out.append(Chart("q", ao_id, f"{ao}: who led, {p.label}", cx.file("q", ao), comment, "q_ao", frame,
                         {"period": p, "ao_id": ao_id, "beatdowns": n}))
    frame, n = cx.data.q_region_frame(), cx.data.beatdown_count()
    top = ", ".join(f"{esc(name)} ({int(v)})" for name, v in frame.sum(axis=1).head(3).items())
    comment = (f"Who led in {esc(cx.region.region)} in {p.label}: {plural(len(frame), 'PAX')} took the Q at "
               f"{plural(n, 'beatdown')}. Most Qs: {top}." if len(frame) else f"No Qs recorded in {p.label}.")
    out.append(Chart("q-region", cx.region_channel, f"{cx.region.region}: who led, {p.label}", cx.file("q", "region"),
                     comment, "q_region", frame, {"period": p, "beatdowns": n}))
    return out


def build_ao(cx: ChartContext) -> list[Chart]:
    p, out = cx.period, []
    for ao_id in cx.post_aos:
        frame, year_pax = cx.data.ao_frame(ao_id), cx.data.ao_year_pax(ao_id)
        ao = cx.style.ao_name(ao_id)
        posts, pax = int(frame.at[p.month, "posts"]), int(frame.at[p.month, "pax"])
        comment = (f"<#{ao_id}> in {p.start.year}: {plural(int(frame['posts'].sum()), 'post')} by "
                   f"{plural(year_pax, 'PAX')} so far; {p.label}: {plural(posts, 'post')} by {plural(pax, 'PAX')}.")
        out.append(Chart("ao", ao_id, f"{ao}: posts and PAX, {p.start.year}", cx.file("ao", ao), comment, "ao", frame,
                         {"period": p, "ao_id": ao_id, "year_pax": year_pax, "empty_months": cx.empty}))
    return out


def build_fng(cx: ChartContext) -> list[Chart]:
    p, frame = cx.period, cx.data.fng_frame()
    total, month = int(frame.to_numpy().sum()), int(frame.loc[p.month].sum()) if frame.shape[1] else 0
    comment = f"FNGs in {esc(cx.region.region)}: {total} in {p.start.year} so far, {month} in {p.label}. Keep up the EH!"
    return [Chart("fng", cx.region_channel, f"{cx.region.region}: FNGs by month, {p.start.year}", cx.file("fng"), comment,
                  "fng", frame, {"period": p, "empty_months": cx.empty})]


def _board_comment(where: str, label: str, frame) -> str:
    if frame.empty:
        return f"{where} leaderboard for {label}: no posts recorded."
    top = ", ".join(f"{r}. {esc(n)} ({int(v)})" for r, n, v in frame[["rank", "name", "posts"]].head(3).itertuples(index=False))
    return f"{where} leaderboard for {label}: {top}."


def build_leaderboard(cx: ChartContext) -> list[Chart]:
    p = cx.period
    month, year = cx.data.leaderboard("month"), cx.data.leaderboard("year")
    return [Chart("leaderboard", cx.region_channel, f"{cx.region.region} leaderboard, {p.label}", cx.file("leaderboard"),
                  _board_comment(esc(cx.region.region), p.label, month), "leaderboard", (month, year), {"period": p})]


def build_ao_leaderboard(cx: ChartContext) -> list[Chart]:
    p, out = cx.period, []
    for ao_id in cx.post_aos:
        month, year = cx.data.leaderboard("month", ao_id), cx.data.leaderboard("year", ao_id)
        ao = cx.style.ao_name(ao_id)
        out.append(Chart("ao-leaderboard", ao_id, f"{ao} leaderboard, {p.label}", cx.file("ao-leaderboard", ao),
                         _board_comment(f"<#{ao_id}>", p.label, month), "leaderboard", (month, year),
                         {"period": p, "ao_id": ao_id}))
    return out


def build_activity(cx: ChartContext) -> list[Chart]:
    p, frame = cx.period, cx.data.activity()
    weeks = frame["week"].nunique() if len(frame) else 0
    comment = (f"Slack activity in {esc(cx.region.region)}: {int(frame['messages'].sum())} messages and "
               f"{int(frame['files'].sum())} files in the {weeks} weeks to {p.through:%d %b %Y}.")
    return [Chart("activity", cx.region_channel, f"{cx.region.region}: Slack activity by week", cx.file("activity"),
                  comment, "activity", frame, {"period": p})]


def build_heard(cx: ChartContext) -> list[Chart]:
    p, frame = cx.period, cx.data.heard()
    lines = [f"*Heard around {esc(cx.region.region)} in {p.label}*"]
    for row in frame.itertuples(index=False):
        quote = row.text if len(row.text) <= 280 else row.text[:279].rstrip() + "…"
        lines.append(f">{esc(quote)}\n— {esc(row.name)} in <#{row.channel_id}>, {plural(int(row.reactions), 'reaction')}")
    if frame.empty:
        lines.append("No reactions this month: nothing to quote.")
    return [Chart("heard", cx.region_channel, f"Heard around {cx.region.region}, {p.label}", cx.file("heard"),
                  "\n".join(lines), "heard", frame, {"period": p})]


BUILDERS = {
    "pax": build_pax, "q": build_q, "ao": build_ao, "fng": build_fng, "leaderboard": build_leaderboard,
    "ao-leaderboard": build_ao_leaderboard, "activity": build_activity, "heard": build_heard,
}
ORDER = ("leaderboard", "q-region", "fng", "activity", "heard", "q", "ao", "ao-leaderboard", "pax")  # DMs last


def build_charts(cx: ChartContext, kinds: list[str]) -> list[Chart]:
    charts = [c for kind in dict.fromkeys(kinds) for c in BUILDERS[kind](cx)]
    return sorted(charts, key=lambda c: ORDER.index(c.kind))


def context(app: App, region: Region, period: Period) -> ChartContext:
    data = ChartData(app.db.engine(region.schema_name), period, region.timezone)
    names = data.aos().set_index("ao_id")["name"].to_dict()
    style = make_style(region.region, data.ao_order(), names)
    return ChartContext(region, period, data, style, frozenset(set(period.months) - data.months_with_data()))


def chart_region(app: App, region: Region, kinds: list[str], period: Period, outbox: str | None = None,
                 workers: int | None = None, max_attempts: int | None = None, dry_run: bool = False) -> dict:
    """Chart `kinds` for one region and period; post them (once) or write them to `outbox`.

    A month with no beatdowns charts and posts nothing (a note says so). `dry_run`: draw and post
    nothing; "planned" lists what would go where."""
    cx = context(app, region, period)
    result = {"region": region.region, "month": period.key, "label": period.label, "kinds": list(kinds),
              "queries": cx.data.queries, "outbox": None, "planned": []}
    if f"{period.start:%Y-%m}" not in cx.data.months_with_data():
        return {**result, **Tally().summary(), "empty": True,
                "notes": [f"no beatdowns in {period.label}: nothing charted, nothing posted"]}
    charts = build_charts(cx, kinds)
    notes: list[str] = []
    if not outbox and not region.firstf_channel:
        dropped = [c for c in charts if c.recipient == REGION_CHANNEL]
        if dropped:
            kinds_dropped = ", ".join(dict.fromkeys(c.kind for c in dropped))
            notes.append(f"no region channel set (paxminer region update {shlex.quote(region.region)} --firstf-channel ID): "
                         f"not posting {kinds_dropped}")
            charts = [c for c in charts if c.recipient != REGION_CHANNEL]
    if dry_run:
        names = cx.data.aos().set_index("ao_id")["name"].to_dict()
        where = {c.key: (f"DM {c.options.get('name') or c.recipient} ({c.recipient})" if c.dm
                         else f"#{names.get(c.recipient, c.recipient)}") for c in charts}
        planned = [f"would {'send' if c.dm else 'post to'} {where[c.key]}: {c.kind} \"{c.title}\"" for c in charts]
        return {**result, **Tally().summary(), "notes": notes, "planned": planned}
    tally = Tally()
    sink = Outbox(outbox, region.region, period.key) if outbox else SlackPoster(
        cx.data.engine, app.slack(region), period.key, max_attempts)
    todo = sink.pending(charts, tally)
    try:
        drawn = zip(todo, render_all(cx.style, [c.item for c in todo], workers), strict=True)
        for chart, (png, error) in progress(drawn, f"{region.region}: charts", total=len(todo), unit="chart", log=log,
                                            name=lambda pair: f"{pair[0].kind} {pair[0].title}"):
            if png is None:
                sink.failed(chart, error, tally)
                continue
            tally.charted += 1
            sink.deliver(chart, png, tally)
    finally:
        sink.close()
    return {"region": region.region, "month": period.key, "label": period.label, "kinds": list(kinds),
            **tally.summary(), "notes": notes, "queries": cx.data.queries,
            "outbox": str(sink.dir) if outbox else None}




def run_charts(app: App, region: Region, today: date, kinds: list[str] | None = None,
               outbox: str | None = None) -> dict:
    """Nightly step: from day `chart_day` of a month on, chart the previous month per the send_* flags.

    The first run of the month draws and posts everything; later runs skip what was sent and retry
    what failed (up to MAX_ATTEMPTS per recipient). With `outbox`, PNGs go there instead.
    """
    period = Period.of(previous_month(today), today)
    idle = {"region": region.region, "month": period.key, "charted": 0, "posted": 0, "skipped": 0, "failed": 0}
    if today.day < app.settings.chart_day:
        return {**idle, "note": f"charts go out from day {app.settings.chart_day} of the month"}
    kinds = list(kinds) if kinds else flagged_kinds(region)
    if not kinds:
        return {**idle, "note": "no send_* chart flag is set for this region"}
    s = chart_region(app, region, kinds, period, outbox=outbox, max_attempts=MAX_ATTEMPTS)
    for note in s["notes"]:
        log.warning("%s: %s", region.region, note)
    return s
