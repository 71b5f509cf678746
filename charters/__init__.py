"""Charters: monthly stats charts built from a region schema and posted back to Slack."""
