"""Charts to PNGs: items (plot name, frame, options) drawn with reused figures, fanned out over
processes when there are many (a region's PAX charts)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from matplotlib.figure import Figure

from charters.drawing import PLOTS, PaxCanvas, Style, new_figure, png


class Renderer:
    """Draws items to PNG, reusing one figure per size and one PaxCanvas per period."""

    def __init__(self, style: Style):
        self.style = style
        self.figs: dict = {}
        self.pax: dict = {}

    def figure(self, plot: str, data, **options) -> Figure:
        if plot == "pax":
            return self._pax(options).draw(data, options["name"])
        fn, size = PLOTS[plot]
        if size not in self.figs:
            self.figs[size] = new_figure(size)
        fig = self.figs[size]
        args = data if isinstance(data, tuple) else (data,)
        return fn(*args, self.style, fig=fig, **options)

    def _pax(self, options: dict) -> PaxCanvas:
        key = (options["period"], frozenset(options.get("empty_months", ())))
        if key not in self.pax:
            self.pax[key] = PaxCanvas(self.style, *key)
        return self.pax[key]

    def png(self, plot: str, data, **options) -> bytes:
        if plot == "pax":
            return self._pax(options).png(data, options["name"])
        return png(self.figure(plot, data, **options))

    def safe_png(self, item) -> tuple[bytes | None, str | None]:
        plot, data, options = item
        try:
            return self.png(plot, data, **options), None
        except Exception as exc:  # noqa: BLE001 - one bad chart must not stop the others
            return None, f"drawing failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


_worker: Renderer | None = None


def _init_worker(style: Style) -> None:
    global _worker
    _worker = Renderer(style)


def _work(item):
    return _worker.safe_png(item)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def render_all(style: Style, items: list, workers: int | None = None, min_parallel: int = 24):
    """Yield (png, error) per item, in order. Many items fan out over `workers` processes."""
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(items) < min_parallel:
        local = Renderer(style)
        for item in items:
            yield local.safe_png(item)
        return
    ctx = get_context("spawn")  # never fork a process holding DB connections
    chunk = max(1, min(32, len(items) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(style,)) as ex:
        yield from ex.map(_work, items, chunksize=chunk)
