"""Small matplotlib charts as inline SVG (text kept as text, so it is searchable and scales).

Each SVG gets its own id salt, so several on one page never share a clip-path id. Names drawn here
are escaped by matplotlib's SVG writer; mathtext is off (a name with two '$' stays a name).
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from charters.drawing import PALETTE, clean  # noqa: E402

RC = {
    "font.family": "DejaVu Sans", "font.size": 10, "text.parse_math": False, "svg.fonttype": "none",
    "axes.spines.top": False, "axes.spines.right": False, "axes.edgecolor": "#999999",
}
BAR, LINE, FNG = "#2b4c7e", "#e07b39", "#2ca02c"


def to_svg(fig, salt: str) -> str:
    """The figure as an <svg> element for inlining (XML prolog and DOCTYPE dropped)."""
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1', svg, count=1)  # scales with its box
    return svg.replace("<svg ", f'<svg role="img" aria-label="{salt}" class="chart" ', 1)


def monthly(months: list[str], posts: list[int], pax: list[int], fngs: list[int], salt: str) -> str:
    """Posts by month (bars), unique PAX (line) and FNGs (line)."""
    with matplotlib.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 3.2))
        x = range(len(months))
        ax.bar(x, posts, color=BAR, label="posts")
        for i, v in zip(x, posts, strict=True):
            if v:
                ax.annotate(str(v), (i, v), ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
        ax.plot(x, pax, color=LINE, marker="o", label="unique PAX")
        ax.plot(x, fngs, color=FNG, marker="s", label="FNGs")
        ax.set_xticks(list(x), [m[2:] for m in months], fontsize=8)
        ax.legend(frameon=False, fontsize=8, ncols=3, loc="upper left", bbox_to_anchor=(0, 1.15))
        ax.set_ylim(0, max([1, *posts]) * 1.15)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        return to_svg(fig, salt)


def ao_bars(names: list[str], values: list[int], salt: str) -> str:
    """Horizontal bars, one per AO, in the charters' AO colours by position."""
    with matplotlib.rc_context(RC):
        fig, ax = plt.subplots(figsize=(8, 0.45 * max(2, len(names)) + 0.6))
        y = list(range(len(names)))[::-1]
        ax.barh(y, values, color=[PALETTE[i % len(PALETTE)] for i in range(len(names))])
        for yi, v in zip(y, values, strict=True):
            ax.annotate(str(v), (v, yi), va="center", fontsize=8, xytext=(3, 0), textcoords="offset points")
        ax.set_yticks(y, [clean(n, 30) for n in names])
        ax.set_xlim(0, max([1, *values]) * 1.15)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        return to_svg(fig, salt)
