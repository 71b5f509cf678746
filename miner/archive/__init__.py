"""The raw archive: every message keyed by (channel, ts), filled from the API (mine) or an export (import)."""
