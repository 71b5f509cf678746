"""The only reader of credentials.ini and the environment.

Lookup order for the file: --config PATH, $PAXMINER_CONFIG, ./credentials.ini (optional).
Every key in the [paxminer] section can be overridden by PAXMINER_<KEY> in the environment;
the Slack API URL also by SLACK_API_URL. Command-line options win over both.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from miner.core import constants
from miner.core.errors import PaxminerError


class ConfigError(PaxminerError):
    """Configuration is missing or malformed (one clear line)."""


@dataclass
class Settings:
    db_url: str = ""  # empty: embedded SQLite files under data_dir
    data_dir: str = "data"
    control_schema: str = constants.CONTROL_SCHEMA
    slack_api_url: str = constants.SLACK_API_URL
    lookback_days: int = constants.LOOKBACK_DAYS
    workers: int = 4
    chart_day: int = 1  # day of the month the monthly charts go out
    outbox: str = ""  # when set, charts are written here and nothing is posted
    history_page_size: int = constants.HISTORY_PAGE_SIZE
    app_token: str = field(default="", repr=False)  # Slack app-level token (xapp-...) for `paxminer listen`
    full_pass_days: int = constants.FULL_PASS_DAYS  # with the listener up, mine reads the whole window this often
    # Slack's rate limits (miner/slack/pace.py): the app's tier (distributed | internal | marketplace;
    # a region's settings JSON can say {"slack_tier": ...}), the length of Slack's rate window in
    # seconds (tests and benches scale it down), where the shared pace lives (default
    # <data_dir>/ratelimits), and how long one region may take in a night before what is left is
    # left for the next run (minutes, 0: no deadline; region setting "deadline_minutes").
    slack_tier: str = "distributed"
    rate_window_s: float = 60.0
    pace_dir: str = ""
    deadline_minutes: float = 360.0
    sections: dict = field(default_factory=dict)  # other sections ([scoring], [outreach], ...)

    def section(self, name: str) -> dict:
        return dict(self.sections.get(name, {}))


ENV_ALIASES = {"slack_api_url": ("SLACK_API_URL",), "app_token": ("SLACK_APP_TOKEN",)}


def _coerce(name: str, value: str):
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if kind == "int":
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"setting {name} must be a whole number, got {value!r}") from None
    if kind == "float":
        try:
            return float(value)
        except ValueError:
            raise ConfigError(f"setting {name} must be a number, got {value!r}") from None
    return value


def load_settings(config_path: str | None = None, **overrides) -> Settings:
    path = config_path or os.environ.get("PAXMINER_CONFIG") or "credentials.ini"
    parser = configparser.ConfigParser(interpolation=None)
    if config_path or os.environ.get("PAXMINER_CONFIG"):
        if not Path(path).is_file():
            raise ConfigError(f"config file not found: {path}")
    if Path(path).is_file():
        try:
            parser.read(path, encoding="utf-8")
        except configparser.Error as exc:
            raise ConfigError(f"cannot read config file {path}: {exc.message}") from None
    settings = Settings()
    known = {f.name for f in fields(Settings)} - {"sections"}
    if parser.has_section("paxminer"):
        for key, value in parser.items("paxminer"):
            if key in known and value.strip():
                setattr(settings, key, _coerce(key, value.strip()))
    settings.sections = {s: dict(parser.items(s)) for s in parser.sections() if s != "paxminer"}
    for key in known:
        for env in (f"PAXMINER_{key.upper()}",) + ENV_ALIASES.get(key, ()):
            if os.environ.get(env):
                setattr(settings, key, _coerce(key, os.environ[env]))
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
    if settings.slack_tier not in constants.SLACK_TIERS:
        raise ConfigError(f"setting slack_tier must be one of {', '.join(constants.SLACK_TIERS)}, "
                          f"got {settings.slack_tier!r}")
    if settings.rate_window_s <= 0:
        raise ConfigError("setting rate_window_s must be more than 0 seconds")
    if not settings.slack_api_url.endswith("/"):
        settings.slack_api_url += "/"
    return settings
