"""Progress of a long step: a tqdm bar on a terminal, a log line per item otherwise (shown with -v)."""

from __future__ import annotations

import logging
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def progress(items: Iterable[T], what: str, total: int | None = None, unit: str = "item",
             log: logging.Logger | None = None, name=str, bar: bool | None = None) -> Iterator[T]:
    """Yield `items`; with a bar (default: on a terminal) a tqdm bar on stderr, otherwise an INFO line
    per item (`name(item)`)."""
    if on_terminal() if bar is None else bar:
        from tqdm import tqdm

        yield from tqdm(items, desc=what, total=total, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True)
        return
    log = log or logging.getLogger("miner.progress")
    for i, item in enumerate(items, 1):
        yield item
        log.info("%s: %d%s %s done (%s)", what, i, f"/{total}" if total else "", unit, name(item))
