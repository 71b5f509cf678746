"""A region's clock: its "today" and local midnight as a Slack ts (the one definition of each)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo


def zone(tz: str | ZoneInfo) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def local_today(tz: str | ZoneInfo, now: datetime | None = None) -> date:
    """Today's date in the region's timezone."""
    return (now or datetime.now(timezone.utc)).astimezone(zone(tz)).date()


def ts_of(dt: datetime) -> str:
    """A Slack ts string ("1700000000.000000") for an aware datetime; ts strings of equal length sort like numbers."""
    return f"{dt.astimezone(timezone.utc).timestamp():.6f}"


def midnight_ts(day: date, tz: str | ZoneInfo) -> str:
    """Slack ts of local midnight at the start of `day` in the region's timezone."""
    return ts_of(datetime.combine(day, time.min, tzinfo=zone(tz)))
