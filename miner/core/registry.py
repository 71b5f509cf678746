"""The region registry: `regions` in the control schema `paxminer`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import text

from miner.core import constants, known
from miner.core.constants import CONTROL_SCHEMA
from miner.core.db import Database, DatabaseError, check_identifier, table_names, upsert, utcnow
from miner.core.errors import PaxminerError

FLAGS = ("active", "scrape_backblasts", "send_pax_charts", "send_q_charts", "send_ao_leaderboard", "send_region_leaderboard")


class RegionError(PaxminerError):
    pass


@dataclass
class Region:
    region: str
    schema_name: str
    slack_token: str = field(repr=False)
    active: int = 1
    firstf_channel: str | None = None
    contact: str | None = None
    scrape_backblasts: int = 1
    send_pax_charts: int = 0
    send_q_charts: int = 0
    send_ao_leaderboard: int = 0
    send_region_leaderboard: int = 0
    timezone: str = constants.DEFAULT_TIMEZONE
    date_order: str = "MDY"
    lookback_days: int | None = None
    feedback_days: int = constants.FEEDBACK_DAYS
    log_channel: str | None = None
    admin_channel: str | None = None
    settings: str | None = None  # JSON: per-region overrides (scoring weights, outreach opt-ins, templates)
    created_at: str | None = None
    comments: str | None = None  # free text (slackblast's and the retired PAXminer's column)

    def __str__(self) -> str:  # a region reads as its name in messages and logs
        return self.region

    @property
    def options(self) -> dict:
        try:
            return json.loads(self.settings or "{}")
        except ValueError:
            return {}

    def public(self) -> dict:
        """Everything but the token (for listing and logs)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "slack_token"}


COLUMNS = [f.name for f in fields(Region)]


def init_control(db: Database) -> None:
    db.ensure_schema(db.control_schema, "control")


SYSTEM_SCHEMAS = {CONTROL_SCHEMA, "mysql", "information_schema", "performance_schema", "sys", "test"}


def reserved_schemas(db: Database) -> set[str]:
    """Names no region may use: the server's own schemas and the control schema, whatever it is called."""
    return SYSTEM_SCHEMAS | {db.control_schema.lower()}


def validate(values: dict, db: Database | None = None) -> None:
    if "schema_name" in values:
        check_identifier(values["schema_name"])
        if values["schema_name"].lower() in (reserved_schemas(db) if db is not None else SYSTEM_SCHEMAS):
            raise RegionError(f"schema name {values['schema_name']!r} is reserved")
    if values.get("timezone"):
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise RegionError(f"unknown timezone {values['timezone']!r} (use an IANA name like America/Chicago)") from None
    if values.get("date_order") and values["date_order"] not in ("MDY", "DMY"):
        raise RegionError("date order must be MDY or DMY")
    if values.get("settings"):
        check_settings(parse_settings(values["settings"]))
    if "region" in values and not (0 < len(values["region"]) <= 64):
        raise RegionError("region name must be 1-64 characters")


def parse_settings(raw: str) -> dict:
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise RegionError(f"settings are not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise RegionError('settings must be a JSON object, like {"scoring": {"post": 12}}')
    return value


def _near(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_settings(options: dict) -> None:
    """A region's settings JSON against miner.core.known.REGION_SETTINGS: known sections and keys,
    values of the right type (RegionError naming the first that is not)."""
    for section, values in options.items():
        if section in known.REGION_KEYS:
            problem = None if values is None else known.check_json_value(known.REGION_KEYS[section], values)
            if problem:
                raise RegionError(f"setting {section}: {problem}")
            continue
        keys = known.REGION_SETTINGS.get(section)
        if keys is None:
            names = [*known.REGION_SETTINGS, *known.REGION_KEYS]
            hint = " (outreach wording goes under outreach.templates)" if section == "templates" else _near(section, names)
            raise RegionError(f"unknown setting {section!r}{hint}; known: {', '.join(names)}")
        if not isinstance(values, dict):
            raise RegionError(f"settings {section}: expected an object of settings, got {values!r}")
        for key, value in values.items():
            if key not in keys:
                raise RegionError(f"unknown setting {section}.{key}{_near(key, keys)}")
            if value is None:
                continue  # null: back to the default (merge removes it)
            problem = known.check_json_value(keys[key], value)
            if problem:
                raise RegionError(f"setting {section}.{key}: {problem}")
            if section == "outreach" and key == "templates":
                for name, text_ in value.items():
                    if name not in known.TEMPLATE_NAMES:
                        raise RegionError(f"unknown template outreach.templates.{name}{_near(name, known.TEMPLATE_NAMES)}; "
                                          f"known: {', '.join(known.TEMPLATE_NAMES)}")
                    if not isinstance(text_, str):
                        raise RegionError(f"template outreach.templates.{name}: expected text, got {text_!r}")


def merge_settings(current: dict, change: dict) -> dict:
    """`change` laid over `current` a key at a time (a section is merged, not replaced); a null value
    removes the key (back to the default), and a section left empty is dropped."""
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in current.items()}
    for section, values in change.items():
        if not isinstance(values, dict):  # a single value at the top level; null removes it
            if values is None:
                out.pop(section, None)
            else:
                out[section] = values
            continue
        merged = dict(out.get(section) or {}) if isinstance(out.get(section), dict) else {}
        for key, value in values.items():
            if value is None:
                merged.pop(key, None)
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
        if merged:
            out[section] = merged
        else:
            out.pop(section, None)
    return out


def add_region(db: Database, name: str, schema: str, token: str, **options) -> Region:
    """Register (or re-register) a region and create its schema; safe to rerun."""
    values = {"region": name, "schema_name": schema, "slack_token": token, **{k: v for k, v in options.items() if v is not None}}
    validate(values, db)
    if values.get("settings"):
        values["settings"] = json.dumps(merge_settings({}, parse_settings(values["settings"])), sort_keys=True)
    init_control(db)
    existing = find_region(db, name)
    if existing is None:
        for other in list_regions(db):
            if other.schema_name.lower() == schema.lower():
                raise RegionError(f"schema {schema} already belongs to region {other.region}")
        values["created_at"] = utcnow()
    db.create_schema(schema, "region")
    with db.engine(db.control_schema).begin() as conn:
        upsert(conn, "regions", [values], ["region"])
    return get_region(db, name)


def control_exists(db: Database) -> bool:
    """Is there a registry? Reading it never creates one (a typo'd URL or folder must not)."""
    if db.ensured(db.control_schema, "control"):
        return True
    if not db.schema_exists(db.control_schema):
        return False
    init_control(db)  # an existing control schema gets tables added since it was made
    return True


def list_regions(db: Database, active_only: bool = False) -> list[Region]:
    if not control_exists(db):
        return []
    sql = f"SELECT {', '.join(COLUMNS)} FROM regions"
    if active_only:
        sql += " WHERE active = 1"
    with db.engine(db.control_schema).connect() as conn:
        rows = conn.execute(text(sql + " ORDER BY region")).mappings().all()
    return [Region(**dict(r)) for r in rows]


def find_region(db: Database, name: str) -> Region | None:
    if not control_exists(db):
        return None
    with db.engine(db.control_schema).connect() as conn:
        row = conn.execute(
            text(f"SELECT {', '.join(COLUMNS)} FROM regions WHERE region = :r"), {"r": name}
        ).mappings().first()
    return Region(**dict(row)) if row else None


def get_region(db: Database, name: str) -> Region:
    region = find_region(db, name)
    if region is None:
        if not control_exists(db):
            raise RegionError(f"no region named {name!r}: no regions are registered in {db.describe()} "
                              f"(`paxminer db init`, then `paxminer region add`; or check --config/--db-url)")
        raise RegionError(f"no region named {name!r} (see `paxminer region list`)")
    return region


def update_region(db: Database, name: str, **changes) -> Region:
    changes = {k: v for k, v in changes.items() if v is not None}
    unknown = set(changes) - set(COLUMNS)
    if unknown:
        raise RegionError(f"unknown region setting(s): {', '.join(sorted(unknown))}")
    validate(changes, db)
    region = get_region(db, name)
    if "schema_name" in changes and changes["schema_name"].lower() != region.schema_name.lower():
        for other in list_regions(db):
            if other.region != name and other.schema_name.lower() == changes["schema_name"].lower():
                raise RegionError(f"schema {changes['schema_name']} already belongs to region {other.region}")
    if not changes:
        return region

    if "schema_name" in changes and changes["schema_name"] != region.schema_name:
        db.create_schema(changes["schema_name"], "region")
    sets = ", ".join(f"`{k}` = :{k}" for k in changes)
    with db.engine(db.control_schema).begin() as conn:
        conn.execute(text(f"UPDATE regions SET {sets} WHERE region = :region_key"), {**changes, "region_key": name})
    return get_region(db, name)


REGION_TABLES = ("aos", "users", "beatdowns", "bd_attendance", "messages")


def droppable(db: Database, region: Region) -> str | None:
    """Why this region's schema must not be dropped (None: it may): it is reserved (the control
    schema, the server's own), another region uses it too, or it does not hold a region's tables."""
    schema = region.schema_name
    if schema.lower() in reserved_schemas(db):
        return f"schema {schema} is reserved (the control schema or the server's own), not a region's"
    shared = [r.region for r in list_regions(db) if r.region != region.region and r.schema_name.lower() == schema.lower()]
    if shared:
        return f"schema {schema} is also region {shared[0]}'s"
    if not db.schema_exists(schema):
        return None
    with db.engine(schema).connect() as conn:
        tables = table_names(conn)
    if "regions" in tables or not set(REGION_TABLES) <= tables:
        return f"schema {schema} does not look like a region's schema (its tables are not a region's)"
    return None


def remove_region(db: Database, name: str, drop_schema: bool = False) -> Region:
    region = get_region(db, name)
    if drop_schema:
        why = droppable(db, region)
        if why:
            raise RegionError(f"not removing region {name}: {why}; remove it without --drop-schema")
    with db.engine(db.control_schema).begin() as conn:
        conn.execute(text("DELETE FROM regions WHERE region = :r"), {"r": name})
        conn.execute(text("DELETE FROM region_locks WHERE region = :r"), {"r": name})
        conn.execute(text("DELETE FROM region_teams WHERE region = :r"), {"r": name})
    if drop_schema:
        try:
            db.drop_schema(region.schema_name)
        except Exception as exc:  # noqa: BLE001 - report, registry change already done
            raise DatabaseError(f"region removed but schema {region.schema_name} not dropped: {exc}") from None
    return region


def region_teams(db: Database) -> dict[str, str]:
    """Slack team id -> region name, as learned (learn_team) from each region's token."""
    init_control(db)
    with db.engine(db.control_schema).connect() as conn:
        return {r.team_id: r.region for r in conn.execute(text("SELECT region, team_id FROM region_teams"))}


def learn_team(db: Database, region: str, team_id: str) -> None:
    """Remember which Slack team (workspace) a region's token belongs to (from auth.test)."""
    with db.engine(db.control_schema).begin() as conn:
        upsert(conn, "region_teams", [{"region": region, "team_id": team_id, "learned_at": utcnow()}], ["region"])
