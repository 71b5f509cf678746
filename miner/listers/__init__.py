"""Slack's directory into the region schema: channels -> `aos`, users -> `users`."""
