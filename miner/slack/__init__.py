"""The only package that imports slack_sdk: the Slack Web API client (paging, retries, errors)."""
