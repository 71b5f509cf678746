"""The Home tab's buttons in `paxminer listen`: Socket Mode `interactive` envelopes, registered with the
listener's dispatch through the entry point `paxminer.listen:interactive` (miner never imports this).

Slack wants the envelope acknowledged within 3 seconds, and the listener acks when the handler
returns: a click is therefore handed to a small pool of its own and the handler returns at once.
The action itself is safe to repeat (an event key per click), so a click lost to a crash is simply
clicked again.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from dashboard.home import ACTIONS, handle_block_actions

log = logging.getLogger("dashboard.listen")
_POOL = ThreadPoolExecutor(2, thread_name_prefix="home-tab")
_recent: list[Future] = []  # the last clicks' futures (tests wait on them)


def on_interactive(listener, envelope: dict) -> None:
    """A Home tab click: routed to the region of its team; other interactive payloads are not ours."""
    payload = envelope.get("payload") or {}
    if payload.get("type") != "block_actions" or not any(
            a.get("action_id") in ACTIONS for a in payload.get("actions") or []):
        return None
    team = (payload.get("team") or {}).get("id") or (payload.get("user") or {}).get("team_id")
    live = listener.region_for(team)
    if live is None:
        listener.counts["unknown_team"] += 1
        return None
    future = _POOL.submit(_act, listener.app, payload, live.region)
    _recent[:] = [*_recent[-19:], future]
    return None


def _act(app, payload: dict, region) -> list[dict]:
    try:
        return handle_block_actions(app, payload, region=region)
    except Exception:  # noqa: BLE001 - logged; the admin can click again
        log.exception("a Home tab click could not be handled")
        raise


def recent() -> list[Future]:
    return list(_recent)
