"""Small matplotlib charts as inline SVG (text kept as text, so it is searchable and scales).

Each SVG gets its own id salt, so several on one page never share a clip-path id. Names drawn here
are escaped by matplotlib's SVG writer; mathtext is off (a name with two '$' stays a name).

Drawing is most of a region's site build, and on most nights a region's charts show what they
showed the night before. With a cache folder (the nightly build passes one), a chart is drawn once
for its inputs: the SVG is kept under a key of everything it is drawn from (the chart function and
its arguments, this module's and the charters' drawing source, matplotlib's version and its
rcParams), so a chart read back is byte for byte the one drawing would give.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import threading
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

import charters.drawing  # noqa: E402
from charters.drawing import PALETTE, clean  # noqa: E402

RC = {
    "font.family": "DejaVu Sans", "font.size": 10, "text.parse_math": False, "svg.fonttype": "none",
    "axes.spines.top": False, "axes.spines.right": False, "axes.edgecolor": "#999999",
}
BAR, LINE, FNG = "#2b4c7e", "#e07b39", "#2ca02c"


CACHE_KEEP_S = 7 * 86400  # cached charts not used for this long are removed (prune_cache)
_SOURCE = hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in (charters.drawing,))
                         + Path(__file__).read_bytes()).hexdigest()


def cached(fn):
    """fn(*args) -> SVG text, read from `cache` (a folder, keyword argument) when drawn before with
    the same inputs; without `cache` it is simply drawn."""

    @functools.wraps(fn)
    def draw(*args, cache: str | os.PathLike | None = None) -> str:
        if cache is None:
            return fn(*args)
        rc = repr(sorted((k, repr(v)) for k, v in matplotlib.rcParams.items()))
        key = hashlib.sha256(json.dumps([fn.__name__, args, _SOURCE, matplotlib.__version__, rc], default=repr).encode()).hexdigest()
        path = Path(cache) / f"{key}.svg"
        try:
            svg = path.read_text(encoding="utf-8")
            os.utime(path)  # used: kept by prune_cache
            return svg
        except OSError:
            pass
        svg = fn(*args)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{key}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(svg, encoding="utf-8")
        tmp.replace(path)  # whole or not at all, whoever writes it first
        return svg

    return draw


def prune_cache(cache: str | os.PathLike, keep_s: float = CACHE_KEEP_S) -> int:
    """Remove cached charts not used for keep_s seconds; returns how many."""
    gone, now = 0, time.time()
    for p in Path(cache).glob("*.svg"):
        try:
            if now - p.stat().st_mtime > keep_s:
                p.unlink()
                gone += 1
        except OSError:
            pass
    return gone


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


@cached
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


@cached
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
