"""What every command needs: settings, the database, and a Slack client per region."""

from __future__ import annotations

from dataclasses import dataclass, field

from miner.core.config import Settings
from miner.core.db import Database
from miner.core.registry import Region
from miner.slack.client import Slack


@dataclass
class App:
    settings: Settings
    db: Database = field(init=False)

    def __post_init__(self):
        self.db = Database(self.settings.db_url, self.settings.data_dir, self.settings.control_schema)

    def region(self, name: str) -> Region:
        """The registered region of that name (RegionError if there is none)."""
        from miner.core.registry import get_region

        return get_region(self.db, name)

    def slack(self, region: Region) -> Slack:
        return Slack(region.slack_token, self.settings.slack_api_url, page_size=self.settings.history_page_size)

    def lookback_days(self, region: Region) -> int:
        return region.lookback_days if region.lookback_days is not None else self.settings.lookback_days
