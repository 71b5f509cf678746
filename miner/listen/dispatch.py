"""What the listener does with each kind of Socket Mode envelope: a registry by envelope type.

- spooled handlers (`events_api`): the envelope is written to the spool and acknowledged at once;
  the writer thread applies them in arrival order (`Listener` routes events to their region).
- immediate handlers (interactive payloads such as Home tab buttons, slash commands): called on a
  worker thread as the envelope arrives; what they return is sent back as the ack's payload, so
  they must answer well within Slack's 3 seconds (record the intent, do slow work afterwards).

Another feature adds its own with `@register("interactive")` (or `register("interactive", fn)`);
the handler receives (listener, envelope) and can use listener.app, listener.region_for(team_id).
Packages miner must not import (the dashboard's Home tab buttons) register through the entry point
group `paxminer.listen` (name: the envelope type; value: the handler), loaded by `load_plugins()`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable

log = logging.getLogger("miner.listen")


@dataclass(frozen=True)
class Handler:
    fn: Callable | None  # (listener, envelope) -> ack payload (immediate) or None
    spooled: bool


HANDLERS: dict[str, Handler] = {
    "events_api": Handler(None, True),  # applied by the listener's writer, in order
}


def register(envelope_type: str, fn: Callable | None = None, spooled: bool = False):
    """Handle envelopes of this type (usable as a decorator). A later registration replaces one."""

    def add(f: Callable) -> Callable:
        HANDLERS[envelope_type] = Handler(f, spooled)
        return f

    return add(fn) if fn is not None else add


def handler_for(envelope_type: str | None) -> Handler | None:
    return HANDLERS.get(envelope_type or "")


def load_plugins() -> list[str]:
    """Register the handlers other packages declare (entry point group `paxminer.listen`)."""
    loaded = []
    for ep in entry_points(group="paxminer.listen"):
        try:
            register(ep.name, ep.load())
            loaded.append(ep.name)
        except Exception as exc:  # noqa: BLE001 - a broken plugin leaves its envelopes unhandled, nothing else
            log.warning("listen handler %s not available: %s", ep.name, exc)
    return loaded
