"""Every setting PAXminer knows: one table of sections, keys, types, defaults and help.

`credentials.ini` is checked against SECTIONS (an unknown section or key, or a value of the wrong
type, is an error naming the file, line and key), and so is a region's settings JSON
(`paxminer region update R --settings '{...}'`) against REGION_SETTINGS. To add a setting, add one
line here (and, for a `[paxminer]` key, the field of the same name on `config.Settings`).

Types: int, float (an int is fine), bool (1/0, true/false, yes/no, on/off), str. `secret` values are
masked by `paxminer config show`; `env` names the environment variables that override a key (every
`[paxminer]` key also has PAXMINER_<KEY>).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miner.core import constants


@dataclass(frozen=True)
class Key:
    type: type
    default: object
    help: str = ""
    secret: bool = False
    env: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # for str keys: the only values allowed


def _numbers(defaults: dict, help_: str, whole: tuple = ()) -> dict[str, Key]:
    """Number keys: whole numbers for `whole` (counts, days), any number for the rest (weights)."""
    return {k: Key(int if k in whole else float, v, help_) for k, v in defaults.items()}


SCORING = {
    "post": 10, "q": 15, "ao": 5, "streak_week": 2, "streak_cap": 12,
    "fng_brought": 10, "fng_retained": 10, "fng_retention_posts": 3, "fng_retention_days": 90,
    "msg_ao": 0.5, "msg_help": 1, "msg_region": 0.5, "msg_other": 0, "file": 1, "reaction": 0.25,
    "activity_cap": 40, "keep_days": 90,
}
ACHIEVEMENTS = {
    "el_quatro": 25, "golden_boy": 50, "centurion": 100, "karate_kid": 150, "crazy_person": 200, "six_pack": 6,
    "holding_down_the_fort": 50, "leader_of_men": 4, "the_boss": 6, "el_presidente": 20, "cadre": 7,
}
OUTREACH = {
    "slipping": False, "lead": False, "mentor": False, "achievements": False,  # the opt-ins
    "slipping_weeks": 2,  # no post for this many weeks ...
    "slipping_max_weeks": 6,  # ... but fewer than this (older absences are not chased)
    "regular_posts": 8,  # a regular posted at least this many times ...
    "regular_days": 84,  # ... in this many days up to his last post
    "reply_days": 7,  # days to wait for a post or a reply before the next step
    "lead_days": 3,  # invitations go out in the last N days of the month
    "lead_top": 3, "lead_no_q_days": 60, "mentor_top": 3,
    "active_days": 14,  # invitees posted within this many days ...
    "lead_min_posts": 6,  # ... and at least this often in the last 90 days
    "invite_repeat_days": 90,  # the same invitation to the same PAX at most this often
    "fng_days": 14,  # an FNG is paired if his first post is this recent
    "mentor_min_ao_posts": 4,  # a mentor posted at least this often at the FNG's AO in 90 days
    "mentor_max_mentees": 2,  # mentees paired in the last 90 days before a mentor is skipped
    "announce_days": 7, "announce_channel": "",
    "exclude": "",  # user IDs (comma-separated) never contacted
}
TEMPLATE_NAMES = ("slipping_1", "slipping_2", "ticket", "lead", "mentor_invite", "mentor_fng", "mentor_mentor",
                  "achievement")
CHART_KINDS = ("pax", "q", "ao", "fng", "leaderboard", "ao-leaderboard", "activity", "heard")

SECTIONS: dict[str, dict[str, Key]] = {
    "paxminer": {
        "db_url": Key(str, "", "database: empty for SQLite files under data_dir; mysql://USER:PASSWORD@HOST:PORT/",
                      secret=True),
        "data_dir": Key(str, "", "folder of the SQLite files (relative: to the config file's folder; "
                                 "default: data/ beside the config file, else ./data/)"),
        "control_schema": Key(str, constants.CONTROL_SCHEMA, "schema holding the region registry"),
        "slack_api_url": Key(str, constants.SLACK_API_URL, "Slack Web API base URL", env=("SLACK_API_URL",)),
        "lookback_days": Key(int, constants.LOOKBACK_DAYS, "days re-read behind each channel's watermark"),
        "workers": Key(int, 4, "regions worked on at once by `paxminer daily`"),
        "chart_day": Key(int, 1, "day of the month the monthly charts go out"),
        "outbox": Key(str, "", "when set, charts are written here and nothing is posted"),
        "history_page_size": Key(int, constants.HISTORY_PAGE_SIZE, "messages asked per history page"),
        "app_token": Key(str, "", "Slack app-level token (xapp-...) for `paxminer listen`", secret=True,
                         env=("SLACK_APP_TOKEN",)),
        "slack_tier": Key(str, "distributed", "the app's Slack rate-limit tier", choices=constants.SLACK_TIERS),
        "rate_window_s": Key(float, 60.0, "length of Slack's rate window in seconds"),
        "pace_dir": Key(str, "", "where the shared Slack pace lives (default <data_dir>/ratelimits)"),
        "deadline_minutes": Key(float, 360.0, "how long one region may take in a night (0: no deadline)"),
        "full_pass_days": Key(int, constants.FULL_PASS_DAYS, "with the listener up, mine reads the whole window this often"),
        "db_connections": Key(int, constants.DB_CONNECTIONS, "MySQL: the most connections one command (`daily` with "
                                                              "all its processes) holds open to the server"),
    },
    "daily": {
        "stale_minutes": Key(float, 30.0, "take over a region whose lock heartbeat is older than this"),
    },
    "dashboard": {
        "folder": Key(str, "", "where the static site is written (default: site/ beside the data folder)"),
        "build": Key(bool, True, "rebuild the site after the nightly run"),
        "home": Key(bool, True, "publish the Slack Home tab to region admins each night"),
    },
    "scoring": _numbers(SCORING, "scoring weight", whole=("streak_cap", "fng_retention_posts", "fng_retention_days",
                                                             "keep_days")),
    "achievements": _numbers(ACHIEVEMENTS, "achievement threshold (0: off)", whole=tuple(ACHIEVEMENTS)),
    "outreach": {**{k: Key(type(v), v, "outreach setting") for k, v in OUTREACH.items()},
                 **{f"template_{n}": Key(str, "", "outreach wording") for n in TEMPLATE_NAMES}},
}

# A region's settings JSON: section -> known keys (values typed like SECTIONS); "charts": kind -> bool;
# "outreach" also takes "templates": {name: text}.
REGION_SETTINGS: dict[str, dict[str, Key]] = {
    "scoring": SECTIONS["scoring"],
    "achievements": SECTIONS["achievements"],
    "outreach": {**SECTIONS["outreach"], "templates": Key(dict, {}, "outreach wording by template name"),
                 "snooze_days": Key(int, 7, "days an admin's snooze holds a ticket")},
    "charts": {k: Key(bool, None, "post this chart kind (overrides the send_* flag)") for k in CHART_KINDS},
    "dashboard": {"admins": Key(list, [], "user IDs who see the Home tab besides workspace admins"),
                  "url": Key(str, "", "where the region's static site is served"),
                  "slack_url": Key(str, "", "the workspace's Slack URL (links to posts)")},
}
# ... and single values at the top level of a region's settings JSON (overriding [paxminer] keys)
REGION_KEYS: dict[str, Key] = {
    "slack_tier": SECTIONS["paxminer"]["slack_tier"],
    "deadline_minutes": SECTIONS["paxminer"]["deadline_minutes"],
}

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def defaults(section: str) -> dict:
    return {k: key.default for k, key in SECTIONS[section].items() if not k.startswith("template_")}


def parse_value(key: Key, raw: str):
    """A config-file string as the key's type; ValueError with a readable reason."""
    raw = raw.strip()
    if key.type is bool:
        if raw.lower() in TRUE | FALSE:
            return raw.lower() in TRUE
        raise ValueError(f"expected yes/no (1/0, true/false, on/off), got {raw!r}")
    if key.type is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"expected a whole number, got {raw!r}") from None
    if key.type is float:
        try:
            return int(raw) if re.fullmatch(r"[-+]?\d+", raw) else float(raw)
        except ValueError:
            raise ValueError(f"expected a number, got {raw!r}") from None
    if key.choices and raw not in key.choices:
        raise ValueError(f"expected one of {', '.join(key.choices)}, got {raw!r}")
    return raw


def check_json_value(key: Key, value) -> str | None:
    """Why a JSON value does not fit the key's type (None when it fits). Text that reads as the type
    ("12", "yes") is fine, as in the config file."""
    if isinstance(value, str) and key.type in (bool, int, float):
        try:
            parse_value(key, value)
            return None
        except ValueError as exc:
            return str(exc)
    if key.type is bool:
        ok = isinstance(value, bool) or value in (0, 1)
        want = "true or false"
    elif key.type is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        want = "a whole number"
    elif key.type is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        want = "a number"
    elif key.type is dict:
        ok = isinstance(value, dict)
        want = "an object"
    elif key.type is list:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        want = "a list of text"
    else:
        ok = isinstance(value, str) and (not key.choices or value in key.choices)
        want = f"one of {', '.join(key.choices)}" if key.choices else "text"
    return None if ok else f"expected {want}, got {value!r}"
