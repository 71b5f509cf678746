"""The only reader of credentials.ini and the environment.

Lookup order for the file: --config PATH, $PAXMINER_CONFIG, ./credentials.ini (optional).
Every key in the [paxminer] section can be overridden by PAXMINER_<KEY> in the environment;
the Slack API URL also by SLACK_API_URL. Command-line options win over both.

The file is checked against miner.core.known.SECTIONS: an unknown section or key, or a value of the
wrong type, is a ConfigError naming the file, line and key. Each setting remembers where it came
from (`paxminer config show`).

The SQLite data folder never depends on the current directory by accident: a relative `data_dir`
in the file is taken from the file's folder; without one it is `data/` beside the config file, and
with no config file at all it is ./data/ in the folder the command started in, as the contract says
(other tools and cron lines that `cd` first rely on it), made absolute at startup so no later chdir moves it.
"""

from __future__ import annotations

import configparser
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from miner.core import constants
from miner.core.errors import PaxminerError
from miner.core.known import SECTIONS, Key, parse_value


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
    db_connections: int = constants.DB_CONNECTIONS  # MySQL: connections one command holds open at most
    sections: dict = field(default_factory=dict)  # other sections ([scoring], [outreach], ...), typed
    config_file: str = ""  # the file read ("" when none)
    sources: dict = field(default_factory=dict)  # (section, key) -> where its value came from

    def section(self, name: str) -> dict:
        return dict(self.sections.get(name, {}))


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_SECTION_LINE = re.compile(r"^\s*\[([^\]]+)\]")
_KEY_LINE = re.compile(r"^([^\s#;=:\[][^=:]*?)\s*[=:]")


def _line_numbers(path: Path) -> dict:
    """(section, key) and (section, None) -> the line it is on (configparser does not keep them)."""
    lines: dict = {}
    section = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _SECTION_LINE.match(line)
        if m:
            section = m.group(1).strip()
            lines.setdefault((section, None), n)
            continue
        m = _KEY_LINE.match(line)
        if m and section is not None:
            lines.setdefault((section, m.group(1).strip().lower()), n)
    return lines


def read_file(path: Path) -> tuple[dict, dict]:
    """The file's sections as {section: {key: typed value}} and {(section, key): "file:line"}; every
    unknown section or key and every bad value is a ConfigError naming the file, line and key."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.message.splitlines()[0]}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read config file {path}: not UTF-8 text") from None
    lines = _line_numbers(path)
    values: dict = {}
    sources: dict = {}
    for section in parser.sections():
        where = f"{path}:{lines.get((section, None), '?')}"
        known = SECTIONS.get(section)
        if known is None:
            raise ConfigError(f"{where}: unknown section [{section}]{_suggest(section, SECTIONS)}; "
                              f"known: {', '.join(SECTIONS)}")
        for key, raw in parser.items(section):
            where = f"{path}:{lines.get((section, key), '?')}"
            if key not in known:
                raise ConfigError(f"{where}: unknown key {key!r} in [{section}]{_suggest(key, known)}")
            if not raw.strip() and known[key].type is not str:
                continue  # `lookback_days =` means the default
            try:
                values.setdefault(section, {})[key] = parse_value(known[key], raw)
            except ValueError as exc:
                raise ConfigError(f"{where}: [{section}] {key}: {exc}") from None
            sources[(section, key)] = where
    return values, sources


def _env_names(key: str, spec: Key) -> tuple[str, ...]:
    return (f"PAXMINER_{key.upper()}",) + spec.env


def load_settings(config_path: str | None = None, **overrides) -> Settings:
    """Settings from the defaults, the config file, the environment and `overrides` (command-line
    options; None means not given), in that order."""
    explicit = config_path or os.environ.get("PAXMINER_CONFIG")
    path = Path(explicit or "credentials.ini")
    if explicit and not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    settings = Settings()
    values: dict = {}
    if path.is_file():
        values, sources = read_file(path)
        settings.config_file = str(path.resolve())
        settings.sources.update(sources)
    base = Path(settings.config_file).parent if settings.config_file else None
    ours = SECTIONS["paxminer"]
    for key, spec in ours.items():
        settings.sources.setdefault(("paxminer", key), "default")
        if key in values.get("paxminer", {}):
            setattr(settings, key, values["paxminer"][key])
        for env in _env_names(key, spec):
            if os.environ.get(env):
                try:
                    setattr(settings, key, parse_value(spec, os.environ[env]))
                except ValueError as exc:
                    raise ConfigError(f"environment variable {env}: {exc}") from None
                settings.sources[("paxminer", key)] = f"environment {env}"
                break
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
            settings.sources[("paxminer", key)] = f"option --{key.replace('_', '-')}"
    settings.sections = {s: v for s, v in values.items() if s != "paxminer"}
    for section in SECTIONS:
        if section != "paxminer":
            for key in SECTIONS[section]:
                settings.sources.setdefault((section, key), "default")
    _resolve_database(settings, base)
    if settings.slack_tier not in constants.SLACK_TIERS:
        raise ConfigError(f"setting slack_tier must be one of {', '.join(constants.SLACK_TIERS)}, "
                          f"got {settings.slack_tier!r}")
    if settings.db_connections < 1:
        raise ConfigError("setting db_connections must be 1 or more")
    if settings.rate_window_s <= 0:
        raise ConfigError("setting rate_window_s must be more than 0 seconds")
    if not settings.slack_api_url.endswith("/"):
        settings.slack_api_url += "/"
    return settings


def _resolve_database(settings: Settings, base: Path | None) -> None:
    """A sqlite:///DIR URL names the data folder; a relative data_dir from the file is taken from the
    file's folder; no data_dir at all: data/ beside the config file, else ./data/ (the contract's default)."""
    from miner.core.db import DatabaseError, normalize_url

    try:
        url, sqlite_dir = normalize_url(settings.db_url)
    except DatabaseError as exc:
        raise ConfigError(f"{exc} (from {settings.sources.get(('paxminer', 'db_url'), 'default')})") from None
    settings.db_url = url
    if sqlite_dir is not None:
        settings.data_dir = sqlite_dir
        settings.sources[("paxminer", "data_dir")] = settings.sources[("paxminer", "db_url")]
    source = settings.sources.get(("paxminer", "data_dir"), "default")
    if source == "default" or not settings.data_dir:
        if base is not None:
            settings.data_dir = str(base / "data")
            settings.sources[("paxminer", "data_dir")] = "default: data/ beside the config file"
        else:
            settings.data_dir = str(Path.cwd() / "data")
            settings.sources[("paxminer", "data_dir")] = "default: ./data in the current folder (no config file)"
    elif base is not None and not source.startswith(("environment", "option")):
        settings.data_dir = str(base / Path(settings.data_dir).expanduser())
    else:
        settings.data_dir = str(Path(settings.data_dir).expanduser().absolute())


def effective(settings: Settings) -> list[tuple[str, str, str, str]]:
    """(section, key, value as shown, where it came from) for every known key; secrets masked."""
    from miner.core.db import mask_url

    out = []
    for section, keys in SECTIONS.items():
        for key, spec in keys.items():
            if section == "paxminer":
                value = getattr(settings, key)
            else:
                value = settings.sections.get(section, {}).get(key, spec.default)
            shown = "" if value is None else str(value)
            if spec.secret and shown:
                shown = mask_url(shown) if "://" in shown else "********"
            out.append((section, key, shown, settings.sources.get((section, key), "default")))
    return out


