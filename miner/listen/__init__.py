"""`paxminer listen`: Slack's events in real time (Socket Mode), for every region at once."""
