"""Pure backblast parsing: one Slack message plus the region's users and AOs -> a parsed backblast or a problem."""
