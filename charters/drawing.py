"""Pure chart drawing: DataFrame -> matplotlib Figure (Agg), Figure -> PNG bytes.

No I/O and no pyplot: every figure is a `Figure` on its own Agg canvas, at a fixed size that
reads on a phone (1080 px wide). Each AO keeps one colour in every chart (`Style`). Every chart
function takes an optional `fig` to draw into, so a worker reuses one figure per size; the PAX
chart, drawn once per PAX, goes further: `PaxCanvas` builds its artists once and updates them per PAX.

PNG bytes come from `png()`: matplotlib's savefig. `PLOTS` names each chart function and its size
for charters.render, which turns (plot name, frame, options) items into PNGs.
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
import warnings
from dataclasses import dataclass
from functools import cached_property

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

DPI = 150
SQUARE = (7.2, 7.2)  # 1080 x 1080
PAX = (7.2, 6.8)  # 1080 x 1020
TALL = (7.2, 12.8)  # 1080 x 1920: leaderboards, the region Q chart, heard
MAX_ROWS = {SQUARE: 24, TALL: 44}  # people per horizontal bar chart before "+N more"

# tab10, then the light half of tab20, then tab20b: distinct neighbours first
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194",
)
KIND_COLORS = {"ao": "#1f77b4", "region": "#ff7f0e", "help": "#2ca02c", "other": "#9e9e9e"}
KIND_LABELS = {"ao": "AO channels", "region": "region channels", "help": "help channels", "other": "other channels"}
INK, MUTED, REGION_BAR = "#222222", "#666666", "#2b4c7e"
RC = {
    "font.family": "DejaVu Sans", "font.size": 12, "text.parse_math": False, "axes.edgecolor": "#999999",
    "axes.spines.top": False, "axes.spines.right": False, "xtick.color": INK, "ytick.color": INK,
    "hatch.color": "white", "hatch.linewidth": 1.5,
}
EMOJI = re.compile("[\U00010000-\U0010ffff\u2600-\u27bf\ufe00-\ufe0f\u200d\u20e3]")


@dataclass(frozen=True)
class Style:
    """Region name and its AOs (ao_id, name) in colour order: the same AO gets the same colour everywhere."""

    region: str
    aos: tuple[tuple[str, str], ...]

    @cached_property
    def _index(self) -> dict:
        return {ao_id: i for i, (ao_id, _) in enumerate(self.aos)}

    def color(self, ao_id: str) -> str:
        i = self._index.get(ao_id)
        return PALETTE[i % len(PALETTE)] if i is not None else "#555555"

    def ao_name(self, ao_id: str) -> str:
        i = self._index.get(ao_id)
        return clean(self.aos[i][1], 28) if i is not None else ao_id


def make_style(region: str, ao_ids: list[str], names: dict[str, str]) -> Style:
    return Style(region, tuple((a, "#" + str(names.get(a, a)).lstrip("#")) for a in ao_ids))


def clean(s: str, width: int | None = None) -> str:
    """Text the font can draw (no emoji), shortened to `width` characters."""
    s = re.sub(r"\s+", " ", EMOJI.sub("", str(s))).strip()
    if width and len(s) > width:
        s = s[: width - 1].rstrip() + "…"
    return s


def _chart(fn):
    """Draw under our rc settings (no mathtext, fixed fonts), without missing-glyph noise."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(RC), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*[Gg]lyph.*missing")
            return fn(*args, **kwargs)

    return wrapper


def new_figure(size) -> Figure:
    fig = Figure(figsize=size, dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _start(fig: Figure | None, size) -> Figure:
    if fig is None:
        return new_figure(size)
    fig.clear()
    if tuple(fig.get_size_inches()) != tuple(size):
        fig.set_size_inches(size)
    return fig


def _head(fig: Figure, title: str, subtitle: str, style: Style):
    """Title and subtitle at the top, the region in the footer; returns the title and subtitle Texts."""
    h = fig.get_size_inches()[1]
    fig.text(0.98, 0.12 / h, f"PAXminer · {clean(style.region, 40)}", fontsize=9, color="#999999", ha="right")
    return (fig.text(0.04, 1 - 0.42 / h, clean(title, 52), fontsize=17, weight="bold", color=INK, va="baseline"),
            fig.text(0.04, 1 - 0.72 / h, clean(subtitle, 80), fontsize=11.5, color=MUTED, va="baseline"))


def _no_data(fig: Figure, message: str, rect=(0.06, 0.1, 0.88, 0.75)) -> None:
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(clean(message), 34)), ha="center", va="center", fontsize=16, color=MUTED)


def _legend(fig: Figure, items: list[tuple[str, str]], top: float, cols: int = 2, hatch_last: bool = False) -> None:
    """Colour keys laid out in rows from `top` (figure fraction) down."""
    h = fig.get_size_inches()[1]
    row = 0.3 / h
    for i, (color, label) in enumerate(items):
        x = 0.05 + (i % cols) * (0.92 / cols)
        y = top - (i // cols) * row
        hatched = hatch_last and i == len(items) - 1
        fig.add_artist(Rectangle((x, y), 0.025, 0.16 / h, transform=fig.transFigure, facecolor=color,
                                 alpha=0.55 if hatched else None, hatch="///" if hatched else None, edgecolor="white"))
        fig.text(x + 0.035, y + 0.01 / h, clean(label, 40 // cols * 2 - 6), fontsize=11.5, color=INK)


def _month_ticks(ax, months: list[str]) -> None:
    labels = [pd.Timestamp(m + "-01").strftime("%b") for m in months]
    ax.set_xticks(range(len(months)), labels, fontsize=12)
    ax.set_xlim(-0.6, max(len(months), 6) - 0.4)
    ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)


def _mark_no_data(ax, months: list[str], empty: frozenset) -> None:
    for x, m in enumerate(months):
        if m in empty:
            ax.text(x, 0.03, "no data", transform=ax.get_xaxis_transform(), rotation=90, ha="center", va="bottom",
                    fontsize=10, color="#aaaaaa", style="italic")


# -- pax: one per PAX, blitted ------------------------------------------------------------------------
class PaxCanvas:
    """The PAX chart for one region and period: artists built once, updated per PAX (one figure
    serves every PAX of a region, instead of a new figure each)."""

    SLOTS = 10

    @_chart
    def __init__(self, style: Style, period, empty_months: frozenset = frozenset()):
        self.style, self.period, self.months = style, period, period.months
        self.ao_ids = [a for a, _ in style.aos]
        fig = self.fig = new_figure(PAX)
        h = PAX[1]
        ax = self.ax = fig.add_axes((0.05, 0.33, 0.9, 0.52))
        _month_ticks(ax, self.months)
        _mark_no_data(ax, self.months, empty_months)
        n = len(self.months)
        self.bars = {
            a: list(ax.bar(range(n), np.zeros(n), width=0.72, color=style.color(a), edgecolor="white", linewidth=0.8))
            for a in self.ao_ids
        }
        self.totals = [ax.text(x, 0, "", ha="center", va="bottom", fontsize=12.5, weight="bold", color=INK) for x in range(n)]
        self.title, self.subtitle = _head(fig, "", "", style)
        self.keys, self.labels = [], []
        for i in range(self.SLOTS):
            x, y = 0.05 + (i % 2) * 0.46, 0.235 - (i // 2) * (0.3 / h)
            self.keys.append(fig.add_artist(Rectangle((x, y), 0.025, 0.16 / h, transform=fig.transFigure, edgecolor="white")))
            self.labels.append(fig.text(x + 0.035, y + 0.01 / h, "", fontsize=11.5, color=INK))
        self.dynamic = [r for rs in self.bars.values() for r in rs] + self.totals + [self.title, self.subtitle] + self.keys + self.labels
        for a in self.dynamic:
            a.set_visible(False)

    @_chart
    def draw(self, frame: pd.DataFrame, name: str) -> Figure:
        """Update the artists for one PAX: frame = months x AO IDs -> posts."""
        for a in self.dynamic:
            a.set_visible(False)
        frame = frame.reindex(self.months, fill_value=0)
        cols = [a for a in self.ao_ids if a in frame.columns and frame[a].sum() > 0]
        cols += [a for a in frame.columns if a not in self.bars and frame[a].sum() > 0]
        totals = frame[cols].sum(axis=1).to_numpy() if cols else np.zeros(len(self.months))
        top = max(float(totals.max()), 1.0)
        self.ax.set_ylim(0, top * 1.16)
        bottom = np.zeros(len(self.months))
        for a in cols:
            if a not in self.bars:  # an AO the style does not know: one more set of bars
                self.bars[a] = list(self.ax.bar(range(len(self.months)), np.zeros(len(self.months)), width=0.72,
                                                color=self.style.color(a), edgecolor="white", linewidth=0.8))
                self.dynamic += self.bars[a]
            values = frame[a].to_numpy()
            for x, r in enumerate(self.bars[a]):
                if values[x] > 0:
                    r.set_y(bottom[x])
                    r.set_height(values[x])
                    r.set_visible(True)
            bottom += values
        for x, t in enumerate(self.totals):
            t.set_text(str(int(totals[x])))
            t.set_y(totals[x] + top * 0.01)
            t.set_visible(totals[x] > 0)
        year_total, this_month = int(totals.sum()), int(totals[-1])
        self.title.set_text(clean(f"{name}: posts by month, {self.period.start.year}", 52))
        self.subtitle.set_text(clean(
            f"{self.style.region} · {year_total} posts at {len(cols)} AO{'s' if len(cols) != 1 else ''}"
            f" · {this_month} in {self.period.label}", 80))
        self.title.set_visible(True)
        self.subtitle.set_visible(True)
        shown = cols if len(cols) <= self.SLOTS else cols[: self.SLOTS - 1]
        for i, a in enumerate(shown):
            self.keys[i].set_facecolor(self.style.color(a))
            self.labels[i].set_text(f"{self.style.ao_name(a)}  {int(frame[a].sum())}")
        if len(shown) < len(cols):
            i = len(shown)
            self.keys[i].set_facecolor("#dddddd")
            self.labels[i].set_text(f"+{len(cols) - len(shown)} more AOs  {int(frame[cols[i:]].to_numpy().sum())}")
            shown = shown + ["more"]
        for i in range(len(shown)):
            self.keys[i].set_visible(True)
            self.labels[i].set_visible(True)
        return self.fig

    def png(self, frame: pd.DataFrame, name: str) -> bytes:
        return png(self.draw(frame, name))


def pax_chart(frame: pd.DataFrame, style: Style, period, name: str, empty_months: frozenset = frozenset()) -> Figure:
    """One PAX's posts by month, stacked by AO, with totals (frame: months x AO IDs)."""
    return PaxCanvas(style, period, frozenset(empty_months)).draw(frame, name)


# -- charts drawn once per AO or region ----------------------------------------------------------------
def _hbars(ax, names: list[str], rows: int, fontsize: float = 12) -> None:
    """Row labels left of a horizontal bar chart (plain texts: ticks cost ten artists apiece)."""
    ax.set_ylim(rows - 0.5, -0.6)
    ax.set_yticks([])
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    for i, n in enumerate(names):
        ax.text(-0.015, i, clean(n, 22), transform=ax.get_yaxis_transform(), ha="right", va="center",
                fontsize=fontsize, color=INK)


def _more_note(ax, hidden: int, what: str) -> None:
    if hidden > 0:
        ax.text(0, -0.02, f"+{hidden} more {what}", transform=ax.transAxes, ha="left", va="top", fontsize=11, color=MUTED)


@_chart
def q_ao_chart(frame: pd.DataFrame, style: Style, period, ao_id: str, beatdowns: int = 0, fig: Figure | None = None) -> Figure:
    """Qs and Co-Qs per person at one AO for the month (frame: name -> qs, coqs)."""
    fig = _start(fig, SQUARE)
    ao = style.ao_name(ao_id)
    qs, coqs = int(frame["qs"].sum()) if len(frame) else 0, int(frame["coqs"].sum()) if len(frame) else 0
    _head(fig, f"{ao}: who led, {period.label}", f"{style.region} · {beatdowns} beatdown{'s' if beatdowns != 1 else ''}"
          f" · {qs} Q{'s' if qs != 1 else ''} · {coqs} Co-Q{'s' if coqs != 1 else ''}", style)
    if frame.empty:
        _no_data(fig, f"No Qs recorded at {ao} in {period.label}.")
        return fig
    rows = MAX_ROWS[SQUARE]
    shown = frame.head(rows)
    ax = fig.add_axes((0.3, 0.14, 0.62, 0.74))
    y = np.arange(len(shown))
    color = style.color(ao_id)
    ax.barh(y, shown["qs"], color=color, height=0.7, label="Q")
    ax.barh(y, shown["coqs"], left=shown["qs"], color=color, alpha=0.55, hatch="///", height=0.7, label="Co-Q")
    total = shown["qs"] + shown["coqs"]
    for i, t in enumerate(total):
        ax.text(t + total.max() * 0.015, i, str(int(t)), va="center", fontsize=12, weight="bold", color=INK)
    ax.set_xlim(0, total.max() * 1.12)
    _hbars(ax, list(shown.index), max(len(shown), 8))
    _more_note(ax, len(frame) - len(shown), "PAX")
    _legend(fig, [(color, "Q"), (color, "Co-Q")], top=0.055, cols=2, hatch_last=True)
    return fig


@_chart
def q_region_chart(frame: pd.DataFrame, style: Style, period, beatdowns: int = 0, fig: Figure | None = None) -> Figure:
    """Qs per person for the month, stacked by AO (frame: name x AO IDs; a Co-Q counts as a Q)."""
    fig = _start(fig, TALL)
    total_qs = int(frame.to_numpy().sum()) if frame.size else 0
    _head(fig, f"{style.region}: who led, {period.label}",
          f"{beatdowns} beatdowns · {total_qs} Qs and Co-Qs · {len(frame)} PAX led", style)
    if frame.empty:
        _no_data(fig, f"No Qs recorded in {style.region} in {period.label}.")
        return fig
    rows = MAX_ROWS[TALL]
    shown = frame.head(rows)
    cols = [a for a in shown.columns if shown[a].sum() > 0]
    n_leg = (len(cols) + 1) // 2
    h = TALL[1]
    bottom_ax = 0.05 + (n_leg * 0.3 + 0.35) / h
    ax = fig.add_axes((0.3, bottom_ax, 0.62, 0.915 - bottom_ax))
    y = np.arange(len(shown))
    left = np.zeros(len(shown))
    for a in cols:
        ax.barh(y, shown[a], left=left, color=style.color(a), height=0.72, edgecolor="white", linewidth=0.6)
        left += shown[a].to_numpy()
    for i, t in enumerate(left):
        ax.text(t + left.max() * 0.015, i, str(int(t)), va="center", fontsize=11.5, weight="bold", color=INK)
    ax.set_xlim(0, left.max() * 1.12)
    _hbars(ax, list(shown.index), max(len(shown), 12))
    _more_note(ax, len(frame) - len(shown), "PAX")
    _legend(fig, [(style.color(a), style.ao_name(a)) for a in cols], top=0.05 + (n_leg - 1) * 0.3 / h + 0.1 / h)
    return fig


@_chart
def ao_chart(frame: pd.DataFrame, style: Style, period, ao_id: str, year_pax: int = 0,
             empty_months: frozenset = frozenset(), fig: Figure | None = None) -> Figure:
    """One AO's posts and unique PAX by month for the year (frame: months -> posts, pax)."""
    fig = _start(fig, SQUARE)
    ao = style.ao_name(ao_id)
    posts = int(frame["posts"].sum())
    _head(fig, f"{ao}: posts and PAX, {period.start.year}",
          f"{style.region} · through {period.label} · {posts} posts · {year_pax} PAX this year", style)
    if posts == 0:
        _no_data(fig, f"No posts recorded at {ao} in {period.start.year} through {period.label}.")
        return fig
    ax = fig.add_axes((0.05, 0.16, 0.9, 0.7))
    months = list(frame.index)
    _month_ticks(ax, months)
    color = style.color(ao_id)
    x = np.arange(len(months))
    w = 0.38
    ax.bar(x - w / 2, frame["posts"], width=w, color=color)
    ax.bar(x + w / 2, frame["pax"], width=w, color=color, alpha=0.5, hatch="///")
    top = max(int(frame["posts"].max()), 1)
    ax.set_ylim(0, top * 1.12)
    for i, m in enumerate(months):
        if m in empty_months and frame.at[m, "posts"] == 0:
            continue
        ax.text(i - w / 2, frame.at[m, "posts"] + top * 0.01, str(int(frame.at[m, "posts"])), ha="center", va="bottom",
                fontsize=10.5 if len(months) > 8 else 12, weight="bold", color=INK)
        ax.text(i + w / 2, frame.at[m, "pax"] + top * 0.01, str(int(frame.at[m, "pax"])), ha="center", va="bottom",
                fontsize=10.5 if len(months) > 8 else 12, color=MUTED)
    _mark_no_data(ax, months, empty_months)
    _legend(fig, [(color, "posts"), (color, "unique PAX")], top=0.055, cols=2, hatch_last=True)
    return fig


@_chart
def fng_chart(frame: pd.DataFrame, style: Style, period, empty_months: frozenset = frozenset(),
              fig: Figure | None = None) -> Figure:
    """FNGs by month for the year, stacked by AO (frame: months x AO IDs)."""
    fig = _start(fig, SQUARE)
    total = int(frame.to_numpy().sum()) if frame.size else 0
    this_month = int(frame.loc[period.month].sum()) if frame.size and period.month in frame.index else 0
    _head(fig, f"{style.region}: FNGs by month, {period.start.year}",
          f"{total} FNGs this year · {this_month} in {period.label}", style)
    if total == 0:
        _no_data(fig, f"No FNGs recorded in {style.region} in {period.start.year} through {period.label}.")
        return fig
    cols = list(frame.columns)
    n_leg = (len(cols) + 1) // 2
    h = SQUARE[1]
    bottom_ax = 0.06 + (n_leg * 0.3 + 0.35) / h
    ax = fig.add_axes((0.05, bottom_ax, 0.9, 0.87 - bottom_ax))
    months = list(frame.index)
    _month_ticks(ax, months)
    bottom = np.zeros(len(months))
    for a in cols:
        ax.bar(range(len(months)), frame[a], bottom=bottom, width=0.72, color=style.color(a), edgecolor="white", linewidth=0.8)
        bottom += frame[a].to_numpy()
    top = max(bottom.max(), 1)
    ax.set_ylim(0, top * 1.14)
    for i, m in enumerate(months):
        if m in empty_months and bottom[i] == 0:
            continue
        ax.text(i, bottom[i] + top * 0.01, str(int(bottom[i])), ha="center", va="bottom", fontsize=12.5, weight="bold", color=INK)
    _mark_no_data(ax, months, empty_months)
    _legend(fig, [(style.color(a), f"{style.ao_name(a)}  {int(frame[a].sum())}") for a in cols],
            top=0.06 + (n_leg - 1) * 0.3 / h + 0.1 / h)
    return fig


@_chart
def leaderboard_chart(month: pd.DataFrame, year: pd.DataFrame, style: Style, period, ao_id: str | None = None,
                      fig: Figure | None = None) -> Figure:
    """Top PAX by posts for the month and the year to date (frames: rank, name, posts, aos)."""
    fig = _start(fig, TALL)
    where = style.ao_name(ao_id) if ao_id else style.region
    color = style.color(ao_id) if ao_id else REGION_BAR
    sub = f"{style.region} · " if ao_id else ""
    _head(fig, f"{where} leaderboard, {period.label}",
          f"{sub}top {max(len(month), len(year))} PAX by posts{' here' if ao_id else ''}, with the AOs they posted at", style)
    panels = [(month, period.label), (year, f"{period.start.year} to date")]
    for i, (frame, label) in enumerate(panels):
        ax = fig.add_axes((0.36, 0.5 - i * 0.455, 0.56, 0.385))
        ax.set_title(label, loc="left", fontsize=14, weight="bold", color=INK, x=-0.58)
        if frame.empty:
            ax.set_axis_off()
            ax.text(0.0, 0.5, f"No posts recorded in {label}.", transform=ax.transAxes, fontsize=14, color=MUTED,
                    ha="center")
            continue
        y = np.arange(len(frame))
        ax.barh(y, frame["posts"], color=color, height=0.72)
        top = frame["posts"].max()
        for j, (p, n) in enumerate(zip(frame["posts"], frame["aos"], strict=False)):
            ax.text(p + top * 0.015, j, f"{int(p)} · {int(n)} AO{'s' if n != 1 else ''}", va="center", fontsize=10.5, color=INK)
        ax.set_xlim(0, top * 1.32)
        names = [f"{r}. {clean(n, 18)}" for r, n in zip(frame["rank"], frame["name"], strict=False)]
        _hbars(ax, names, 20)
    return fig


@_chart
def activity_chart(frame: pd.DataFrame, style: Style, period, fig: Figure | None = None) -> Figure:
    """Messages and files per week by channel kind (frame: week, kind, messages, files)."""
    fig = _start(fig, SQUARE)
    weeks = sorted(frame["week"].unique()) if len(frame) else period.weeks()
    msgs = frame.pivot_table(index="week", columns="kind", values="messages", aggfunc="sum", fill_value=0).reindex(weeks, fill_value=0)
    files = frame.pivot_table(index="week", columns="kind", values="files", aggfunc="sum", fill_value=0).reindex(weeks, fill_value=0)
    last = pd.Timestamp(weeks[-1]) + pd.Timedelta(days=6)
    _head(fig, f"{style.region}: Slack activity by week",
          f"{len(weeks)} weeks to {min(last.date(), period.through):%d %b %Y} · {int(msgs.to_numpy().sum())} messages"
          f" · {int(files.to_numpy().sum())} files", style)
    if msgs.to_numpy().sum() == 0:
        _no_data(fig, f"No Slack messages archived in the {len(weeks)} weeks to {period.through:%d %b %Y}.")
        return fig
    kinds = [k for k in KIND_COLORS if k in msgs.columns and (msgs[k].sum() or files[k].sum())]
    labels = [pd.Timestamp(w).strftime("%d %b") for w in weeks]
    partial = (period.through - pd.Timestamp(weeks[-1]).date()).days + 1  # days of the last week charted
    for i, (wide, what) in enumerate(((msgs, "messages"), (files, "files"))):
        ax = fig.add_axes((0.09, 0.56 - i * 0.36, 0.87, 0.28))
        bottom = np.zeros(len(weeks))
        for k in kinds:
            ax.bar(range(len(weeks)), wide[k], bottom=bottom, width=0.75, color=KIND_COLORS[k])
            bottom += wide[k].to_numpy()
        top = max(bottom.max(), 1)
        if partial < 7:
            ax.text(len(weeks) - 1, bottom[-1] + top * 0.02, f"{partial} day{'s' if partial != 1 else ''}",
                    ha="center", va="bottom", fontsize=10, color=MUTED)
        ax.set_title(f"{what} per week", loc="left", fontsize=13, weight="bold", color=INK)
        ax.set_xticks(range(len(weeks)), labels if i == 1 else [], fontsize=10, rotation=45, ha="right")
        ax.tick_params(axis="x", length=0)
        ax.tick_params(axis="y", labelsize=10.5)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.set_ylim(0, top * 1.12)
        ax.grid(axis="y", color="#eeeeee")
        ax.set_axisbelow(True)
    _legend(fig, [(KIND_COLORS[k], KIND_LABELS[k]) for k in kinds], top=0.075, cols=2)
    return fig


@_chart
def heard_chart(frame: pd.DataFrame, style: Style, period, fig: Figure | None = None) -> Figure:
    """The month's most-reacted messages, quoted (frame: name, channel, day, text, reactions).

    Square when the quotes fit, tall otherwise."""
    quotes = []
    for _, row in frame.iterrows():
        lines = textwrap.wrap(clean(row["text"]), 46) or [""]
        if len(lines) > 6:
            lines = lines[:6]
            lines[-1] = lines[-1][:43].rstrip() + "…"
        quotes.append((lines, row))
    need = 1.3 + sum(0.79 + len(lines) * 0.27 for lines, _ in quotes) + 0.3
    size = SQUARE if need <= SQUARE[1] else TALL
    fig = _start(fig, size)
    _head(fig, f"Heard around {style.region}", f"{period.label} · the most-reacted messages", style)
    if frame.empty:
        _no_data(fig, f"No reactions in {period.label}: nothing to quote this month.")
        return fig
    h = size[1]
    y = 1 - 1.3 / h
    for lines, row in quotes:
        fig.text(0.05, y, "“", fontsize=40, color="#cccccc", va="top", weight="bold")
        fig.text(0.11, y - 0.05 / h, "\n".join(lines), fontsize=14, color=INK, va="top", linespacing=1.35)
        y -= (0.05 + len(lines) * 0.27 + 0.12) / h
        day = pd.Timestamp(row["day"]).strftime("%d %b")
        what = "backblast by " if row.get("blast") else ""
        fig.text(0.11, y, f"{what}{clean(row['name'], 24)} in #{clean(str(row['channel']).lstrip('#'), 24)} · {day}"
                 f" · {int(row['reactions'])} reactions", fontsize=11.5, color=MUTED, va="top")
        y -= 0.62 / h
        if y < 0.6 / h:
            break
    return fig


# -- PNG ---------------------------------------------------------------------------------------------
@_chart
def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, through matplotlib's own savefig."""
    buf = io.BytesIO()
    # Pillow's fastest compression: ~17% less CPU a chart than its default, for PNGs ~1.5x larger
    fig.savefig(buf, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


PLOTS = {
    "q_ao": (q_ao_chart, SQUARE), "q_region": (q_region_chart, TALL), "ao": (ao_chart, SQUARE),
    "fng": (fng_chart, SQUARE), "leaderboard": (leaderboard_chart, TALL), "activity": (activity_chart, SQUARE),
    "heard": (heard_chart, TALL),
}


