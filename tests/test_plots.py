"""charters.plots: pure DataFrame -> Figure. The tests read the numbers the figures draw, not pixels
(except to check the fast PNG path renders what the figure says, and the fixed sizes)."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from charters import drawing as plots
from charters import render
from charters.data import Period

MARCH = Period.of(date(2024, 3, 1), date(2024, 4, 10))
STYLE = plots.make_style("F3 Test", ["C3", "C1", "C2"], {"C1": "the-forge", "C2": "the-yard", "C3": "old-ao"})


def texts(fig) -> list[str]:
    return [" ".join(t.get_text().split()) for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def bars(fig, ax_index: int = 0) -> list[Rectangle]:
    ax = fig.axes[ax_index]
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_visible() and p.get_height() > 0 and p.get_width() > 0]


def png_size(data: bytes) -> tuple[int, int]:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im.size


def pax_frame() -> pd.DataFrame:
    return pd.DataFrame({"C1": [1, 0, 2], "C2": [0, 0, 1]}, index=pd.Index(MARCH.months, name="month"))


# -- style -----------------------------------------------------------------------------------------------
def test_colours_are_stable_per_ao():
    assert STYLE.color("C3") == plots.PALETTE[0] and STYLE.color("C1") == plots.PALETTE[1]
    assert STYLE.ao_name("C1") == "#the-forge"
    many = plots.make_style("R", [f"C{i}" for i in range(40)], {})
    assert many.color("C35") == plots.PALETTE[35 % len(plots.PALETTE)]
    assert plots.clean("Sparky 🔥 the\nGreat", 12) == "Sparky the…"


# -- pax --------------------------------------------------------------------------------------------------
def test_pax_chart_numbers():
    fig = plots.pax_chart(pax_frame(), STYLE, MARCH, "Bravo", empty_months=frozenset({"2024-02"}))
    got = {}
    for r in bars(fig):
        got.setdefault(to_hex(r.get_facecolor()), []).append((round(r.get_x() + r.get_width() / 2), r.get_y(), r.get_height()))
    assert got == {STYLE.color("C1"): [(0, 0, 1), (2, 0, 2)], STYLE.color("C2"): [(2, 2, 1)]}  # C2 stacked on C1 in March
    t = texts(fig)
    assert "Bravo: posts by month, 2024" in t
    assert "F3 Test · 4 posts at 2 AOs · 3 in March 2024" in t
    assert {"1", "3", "#the-forge 3", "#the-yard 1", "no data"} <= set(t)
    assert "0" not in t  # an empty month has no total label
    assert tuple(fig.get_size_inches()) == plots.PAX


def test_pax_canvas_is_reused_and_png_matches_figure():
    canvas = plots.PaxCanvas(STYLE, MARCH)
    a = canvas.png(pax_frame(), "Bravo")
    b = canvas.png(pd.DataFrame({"C3": [5, 5, 5]}, index=MARCH.months), "Someone Else")
    assert canvas.fig is canvas.draw(pax_frame(), "Bravo")
    assert png_size(a) == png_size(b) == (1080, 1020)
    # the blitted PNG (Pillow texts) looks like a full matplotlib draw of the same figure
    fast = np.asarray(Image.open(io.BytesIO(canvas.png(pax_frame(), "Bravo"))), dtype=float)
    full = np.asarray(Image.open(io.BytesIO(plots.png(canvas.draw(pax_frame(), "Bravo")))), dtype=float)
    assert np.abs(fast - full).mean() < 1.5
    # and drawing another PAX in between leaves nothing behind
    assert canvas.png(pax_frame(), "Bravo") == a


def test_pax_many_aos_fold_into_more():
    frame = pd.DataFrame({f"C{i}": [1, 0, 1] for i in range(12)}, index=MARCH.months)
    style = plots.make_style("R", [f"C{i}" for i in range(12)], {})
    t = texts(plots.pax_chart(frame, style, MARCH, "Roamer"))
    assert "+3 more AOs 6" in t and "F3 Test" not in " ".join(t)


# -- q ----------------------------------------------------------------------------------------------------
def test_q_ao_chart_numbers():
    frame = pd.DataFrame({"qs": [1, 1, 0], "coqs": [1, 0, 1]}, index=pd.Index(["Alpha", "Bravo", "Charlie"], name="name"))
    fig = plots.q_ao_chart(frame, STYLE, MARCH, "C1", beatdowns=2)
    widths = [(r.get_y() + r.get_height() / 2, r.get_x(), r.get_width()) for r in bars(fig)]
    assert sorted(widths) == [(0, 0, 1), (0, 1, 1), (1, 0, 1), (2, 0, 1)]  # Alpha: Q then Co-Q; Charlie: a Co-Q
    t = texts(fig)
    assert "#the-forge: who led, March 2024" in t and "F3 Test · 2 beatdowns · 2 Qs · 2 Co-Qs" in t
    assert ["Alpha", "Bravo", "Charlie"] == [x for x in t if x in ("Alpha", "Bravo", "Charlie")]
    empty = plots.q_ao_chart(frame.iloc[:0], STYLE, MARCH, "C2")
    assert "No Qs recorded at #the-yard in March 2024." in texts(empty)


def test_q_region_chart_stacks_by_ao_colours():
    frame = pd.DataFrame({"C1": [2, 1], "C2": [0, 1]}, index=pd.Index(["Alpha", "Bravo"], name="name"))
    fig = plots.q_region_chart(frame, STYLE, MARCH, beatdowns=4)
    got = sorted((r.get_y() + r.get_height() / 2, r.get_x(), r.get_width(), to_hex(r.get_facecolor())) for r in bars(fig))
    assert got == [(0, 0, 2, STYLE.color("C1")), (1, 0, 1, STYLE.color("C1")), (1, 1, 1, STYLE.color("C2"))]
    assert "4 beatdowns · 4 Qs and Co-Qs · 2 PAX led" in texts(fig)
    many = pd.DataFrame({"C1": range(60, 0, -1)}, index=[f"P{i}" for i in range(60)])
    assert "+16 more PAX" in texts(plots.q_region_chart(many, STYLE, MARCH))


# -- ao, fng ----------------------------------------------------------------------------------------------
def test_ao_chart_numbers_and_no_data_months():
    frame = pd.DataFrame({"posts": [3, 0, 6], "pax": [3, 0, 4]}, index=pd.Index(MARCH.months, name="month"))
    fig = plots.ao_chart(frame, STYLE, MARCH, "C1", year_pax=4, empty_months=frozenset({"2024-02"}))
    heights = sorted((round(r.get_x() + r.get_width() / 2, 2), r.get_height()) for r in bars(fig))
    assert heights == [(-0.19, 3), (0.19, 3), (1.81, 6), (2.19, 4)]
    t = texts(fig)
    assert "#the-forge: posts and PAX, 2024" in t and "F3 Test · through March 2024 · 9 posts · 4 PAX this year" in t
    assert "no data" in t and t.count("3") == 2 and "6" in t and "4" in t
    quiet = plots.ao_chart(frame * 0, STYLE, MARCH, "C1")
    assert "No posts recorded at #the-forge in 2024 through March 2024." in texts(quiet)


def test_fng_chart_totals():
    frame = pd.DataFrame({"C1": [1, 0, 2], "C2": [0, 0, 1]}, index=pd.Index(MARCH.months, name="month"))
    fig = plots.fng_chart(frame, STYLE, MARCH, empty_months=frozenset({"2024-02"}))
    colours = {to_hex(r.get_facecolor()) for r in bars(fig)}
    assert colours == {STYLE.color("C1"), STYLE.color("C2")}  # the same AO colours as every other chart
    t = texts(fig)
    assert "F3 Test: FNGs by month, 2024" in t and "4 FNGs this year · 3 in March 2024" in t
    assert {"1", "3", "#the-forge 3", "#the-yard 1", "no data"} <= set(t)
    none = plots.fng_chart(frame * 0, STYLE, MARCH)
    assert "No FNGs recorded in F3 Test in 2024 through March 2024." in texts(none)


# -- leaderboards -----------------------------------------------------------------------------------------
def board(rows):
    return pd.DataFrame(rows, columns=["rank", "user_id", "name", "posts", "aos"])


def test_leaderboard_chart():
    month = board([[1, "U2", "Bravo", 3, 2], [1, "U3", "Charlie", 3, 2], [3, "U1", "Alpha", 2, 1]])
    year = board([[1, "U2", "Bravo", 4, 2]])
    fig = plots.leaderboard_chart(month, year, STYLE, MARCH)
    assert [r.get_width() for r in bars(fig, 0)] == [3, 3, 2] and [r.get_width() for r in bars(fig, 1)] == [4]
    t = texts(fig)
    assert "F3 Test leaderboard, March 2024" in t
    assert {"1. Bravo", "1. Charlie", "3. Alpha", "3 · 2 AOs", "2 · 1 AO", "4 · 2 AOs", "March 2024", "2024 to date"} <= set(t)
    ao = plots.leaderboard_chart(month, board([]), STYLE, MARCH, ao_id="C2")
    assert "#the-yard leaderboard, March 2024" in texts(ao) and "No posts recorded in 2024 to date." in texts(ao)
    assert {to_hex(r.get_facecolor()) for r in bars(ao, 0)} == {STYLE.color("C2")}


# -- activity, heard --------------------------------------------------------------------------------------
def test_activity_chart():
    weeks = MARCH.weeks()
    rows = [(w, k, 0, 0) for w in weeks for k in ("ao", "region", "help", "other")]
    rows[-4] = (weeks[-1], "ao", 10, 2)
    rows[-3] = (weeks[-1], "region", 5, 0)
    frame = pd.DataFrame(rows, columns=["week", "kind", "messages", "files"])
    fig = plots.activity_chart(frame, STYLE, MARCH)
    msgs = [(round(r.get_x() + r.get_width() / 2), r.get_y(), r.get_height()) for r in bars(fig, 0)]
    assert msgs == [(12, 0, 10), (12, 10, 5)]
    t = texts(fig)
    assert "13 weeks to 31 Mar 2024 · 15 messages · 2 files" in t and "7 days" not in t
    partial = Period.of(date(2024, 3, 1), date(2024, 3, 27))
    frame["week"] = frame["week"].map(dict(zip(weeks, partial.weeks(), strict=False)))
    assert "3 days" in texts(plots.activity_chart(frame, STYLE, partial))
    assert any(x.startswith("No Slack messages") for x in texts(plots.activity_chart(frame.assign(messages=0), STYLE, MARCH)))


def test_heard_chart():
    frame = pd.DataFrame([
        {"name": "Charlie", "channel": "the-forge", "day": "2024-03-14", "text": "Who is in for the ruck? " * 3, "reactions": 5, "blast": False},
        {"name": "Bravo", "channel": "the-forge", "day": "2024-03-08", "text": "Backblast! Hills", "reactions": 7, "blast": True},
    ])
    fig = plots.heard_chart(frame, STYLE, MARCH)
    t = texts(fig)
    assert "Heard around F3 Test" in t and "Charlie in #the-forge · 14 Mar · 5 reactions" in t
    assert "backblast by Bravo in #the-forge · 08 Mar · 7 reactions" in t
    assert tuple(fig.get_size_inches()) == plots.SQUARE
    long = pd.concat([frame.assign(text="word " * 60)] * 3, ignore_index=True)
    assert tuple(plots.heard_chart(long, STYLE, MARCH).get_size_inches()) == plots.TALL
    assert "No reactions in March 2024: nothing to quote this month." in texts(plots.heard_chart(frame.iloc[:0], STYLE, MARCH))


def test_dollar_signs_and_emoji_draw_as_text():
    frame = pd.DataFrame({"qs": [1], "coqs": [0]}, index=["$Money$ $Bags 💰"])
    fig = plots.q_ao_chart(frame, STYLE, MARCH, "C1", beatdowns=1)
    assert "$Money$ $Bags" in texts(fig)
    assert png_size(plots.png(fig)) == (1080, 1080)


# -- rendering ---------------------------------------------------------------------------------------------
def items():
    q = pd.DataFrame({"qs": [1], "coqs": [0]}, index=["Alpha"])
    return [
        ("pax", pax_frame(), {"period": MARCH, "name": "Bravo"}),
        ("q_ao", q, {"period": MARCH, "ao_id": "C1", "beatdowns": 1}),
        ("leaderboard", (board([[1, "U2", "Bravo", 3, 2]]), board([])), {"period": MARCH}),
        ("q_ao", "not a frame", {"period": MARCH, "ao_id": "C1"}),
    ]


def test_renderer_sizes_and_isolated_failures():
    out = list(render.render_all(STYLE, items(), workers=1))
    assert [png_size(p) for p, _ in out[:3]] == [(1080, 1020), (1080, 1080), (1080, 1920)]
    assert out[3][0] is None and out[3][1].startswith("drawing failed:")


@pytest.mark.slow
def test_render_all_uses_worker_processes():
    local = list(render.render_all(STYLE, items(), workers=1))
    pooled = list(render.render_all(STYLE, items(), workers=2, min_parallel=0))
    assert [e is None for _, e in pooled] == [True, True, True, False]
    assert [png_size(p) for p, _ in pooled[:3]] == [png_size(p) for p, _ in local[:3]]
