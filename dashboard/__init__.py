"""The admins' dashboard: a static site per region and the Slack Home tab (imports miner, never the reverse)."""
