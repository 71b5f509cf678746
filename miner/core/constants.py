"""Tunable numbers in one place (page sizes, windows, retry budgets)."""

SLACK_API_URL = "https://slack.com/api/"
HISTORY_PAGE_SIZE = 200  # Slack caps non-Marketplace apps at 15 silently; we keep paging either way
LIST_PAGE_SIZE = 200  # conversations.list / users.list
MINE_PROCESSES = 2  # `paxminer mine`: channels mined at once, each in a forked process (daily: 1 per region)
MINE_CHANNEL_THREADS = 2  # channels of a region mined at once on threads (mine_region's callers; daily parks instead)
SLACK_PAGE_CAP = 15  # messages a page Slack gives a non-Marketplace app, whatever the limit asked
FIRST_MINE_PER_DAY = 3.0  # estimate only: messages a day in a channel never read (first-mine forecast)
FIRST_MINE_THREAD_SHARE = 0.15  # estimate only: share of those messages that start a thread
MINE_PROGRESS_EVERY = 60.0  # seconds between `mine` progress lines while pages come in (at most Slack's window)
THREAD_FETCH_WORKERS = 4  # threads fetched at once when many changed (first mine, --since)
LOOKBACK_DAYS = 7  # re-read this many days behind each channel's watermark
FULL_PASS_DAYS = 7  # with `paxminer listen` up, mine reads only gaps, and the whole lookback window this often
FEEDBACK_DAYS = 3  # only posts this recent get a feedback DM
RETRY_MAX = 6  # retries per request (429, 5xx, connection errors, timeouts)
REQUEST_TIMEOUT = 30  # seconds per HTTP attempt
REQUEST_BUDGET = 600  # seconds one request may take across all its retries
BACKOFF_BASE = 0.5  # seconds; doubled per retry for 5xx/connection errors
SLACK_TIERS = ("distributed", "internal", "marketplace")  # how Slack limits the app (miner/slack/pace.py)
DEFAULT_TIMEZONE = "America/Chicago"
CONTROL_SCHEMA = "paxminer"
DB_CONNECTIONS = 32  # MySQL: connections one command (daily: all its processes) holds open at most (MariaDB allows 151)
CHANNEL_KINDS = ("ao", "help", "region", "other")  # what a channel is for: activity scores and charts by kind
