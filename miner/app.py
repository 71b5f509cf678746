"""What every command needs: settings, the database, and a Slack client per region."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from miner.core.config import Settings
from miner.core.db import Database
from miner.core.registry import Region
from miner.slack.client import Slack


@dataclass
class App:
    settings: Settings
    db: Database = field(init=False)
    # region name -> wall-clock time its work for the night must stop by (set by `mine` and `daily`)
    deadlines: dict = field(default_factory=dict, init=False)

    def __post_init__(self):
        self.db = Database(self.settings.db_url, self.settings.data_dir, self.settings.control_schema,
                           self.settings.db_connections)

    def region(self, name: str) -> Region:
        """The registered region of that name (RegionError if there is none)."""
        from miner.core.registry import get_region

        return get_region(self.db, name)

    def slack(self, region: Region) -> Slack:
        """The region's Slack client, paced per the region's tier (shared with every other client of
        its workspace on this host), stopping at the region's deadline if one is set."""
        s = self.settings
        return Slack(region.slack_token, s.slack_api_url, page_size=s.history_page_size, tier=self.slack_tier(region),
                     window=s.rate_window_s, pace_dir=self.pace_dir(), deadline=self.deadlines.get(region.region))

    def slack_tier(self, region: Region) -> str:
        return str(region.options.get("slack_tier") or self.settings.slack_tier)

    def pace_dir(self) -> str:
        return self.settings.pace_dir or str(Path(self.settings.data_dir) / "ratelimits")

    def start_deadline(self, region: Region, minutes: float | None = None) -> float | None:
        """From now, the region has `minutes` (default: its setting, else the config's; 0: no limit)."""
        if minutes is None:
            minutes = region.options.get("deadline_minutes")
        if minutes is None:
            minutes = self.settings.deadline_minutes
        minutes = float(minutes or 0)
        self.deadlines[region.region] = time.time() + minutes * 60 if minutes > 0 else None
        return self.deadlines[region.region]

    def lookback_days(self, region: Region) -> int:
        return region.lookback_days if region.lookback_days is not None else self.settings.lookback_days
