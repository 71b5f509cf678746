"""`paxminer db upgrade` / `db adopt`: every schema of the server brought to the newest shape.

Adopting a server laid out by the retired PAXminer is the same walk: its `paxminer.regions` gets our
columns (defaults for what it did not have; every row and setting kept) and our control tables; each
region schema it names gets our control columns and tables (migrations.py), its rows untouched. What
happens to the old beatdowns afterwards is the builder's rule: a row stays until a message in our
archive replaces the same beatdown (miner/beatdowns/build.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from miner.core.db import Database, DatabaseError
from miner.core.errors import short_error
from miner.core.registry import list_regions

COUNTED = ("aos", "users", "beatdowns", "bd_attendance")


@dataclass
class SchemaReport:
    schema: str
    region: str | None
    changes: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    note: str | None = None  # skipped, not failed (an inactive region without a schema)

    def line(self, dry_run: bool) -> str:
        who = f"{self.schema}" + (f" (region {self.region})" if self.region else " (control)")
        if self.error or self.note:
            return f"{who}: {self.error or self.note}"
        rows = ", ".join(f"{n} {t}" for t, n in self.rows.items())
        verb = "would change" if dry_run else "changed"
        what = f"{verb}: " + "; ".join(self.changes) if self.changes else "up to date"
        return f"{who}: {what}" + (f" [rows: {rows}]" if rows else "")


def _count(db: Database, schema: str) -> dict[str, int]:
    out = {}
    with db.engine(schema).connect() as conn:
        for t in COUNTED:
            try:
                out[t] = conn.execute(text(f"SELECT COUNT(*) FROM `{t}`")).scalar()
            except DBAPIError:
                conn.rollback()
    return out


def control_plan(db: Database) -> list[str]:
    return db.plan_schema(db.control_schema, "control")


def upgrade_all(db: Database, names: list[str] | None = None, dry_run: bool = False) -> list[SchemaReport]:
    """The control schema, then every registered region's schema (or the named regions'): each
    brought to the newest shape, or with dry_run what would change. One schema's failure is reported
    and the others go on."""
    reports = [SchemaReport(db.control_schema, None)]
    try:
        if dry_run:
            reports[0].changes = control_plan(db)
        else:
            reports[0].changes = db.create_schema(db.control_schema, "control")
    except DatabaseError as exc:
        reports[0].error = str(exc)
        return reports
    if dry_run and reports[0].changes and db.schema_exists(db.control_schema):
        regions = _regions_as_they_are(db)
    else:
        regions = [(r.region, r.schema_name, r.active) for r in list_regions(db)]
    wanted = set(names or [])
    for region, schema, active in regions:
        if wanted and region not in wanted:
            continue
        rep = SchemaReport(schema or "-", region)
        reports.append(rep)
        if not schema:
            msg = "no schema_name in the registry: set one with `paxminer region update --schema` (skipped)"
            if active:
                rep.error = msg
            else:
                rep.note = "inactive, " + msg
            continue
        try:
            if not db.schema_exists(schema):
                rep.changes = [f"create schema {schema}"]
                if dry_run:
                    continue
            rep.changes += db.plan_schema(schema) if dry_run else db.create_schema(schema, "region")
            rep.rows = _count(db, schema)
        except (DatabaseError, DBAPIError) as exc:
            rep.error = f"failed: {short_error(exc)}"
    missing = wanted - {r[0] for r in regions}
    for name in sorted(missing):
        reports.append(SchemaReport("-", name, error="no such region in the registry"))
    return reports


def _regions_as_they_are(db: Database) -> list[tuple]:
    """(region, schema_name, active) read from a control schema not yet upgraded (a dry run changes nothing)."""
    with db.engine(db.control_schema).connect() as conn:
        try:
            return [tuple(r) for r in conn.execute(text("SELECT region, schema_name, active FROM regions ORDER BY region"))]
        except DBAPIError:
            return []
