"""The base every stage stands on: settings, the database (engines, DDL from schema.sql, upserts, retries), the region registry, the run log, region locks, a region's clock."""
