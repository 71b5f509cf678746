"""The bot scopes PAXminer needs, by the Slack call that needs them (the shipped manifest.yml lists
exactly these; tests check both against the calls the code makes)."""

from __future__ import annotations

from importlib import resources

# Slack Web API method -> the bot scopes it needs from PAXminer's app (empty: none)
METHOD_SCOPES: dict[str, tuple[str, ...]] = {
    "auth.test": (),
    "conversations.list": ("channels:read", "groups:read"),  # public and private channels
    "conversations.history": ("channels:history", "groups:history", "im:history"),  # AO channels; outreach DM replies
    "conversations.replies": ("channels:history", "groups:history"),
    "conversations.join": ("channels:join",),
    "conversations.open": ("im:write", "mpim:write"),  # a DM; a group DM (outreach: the admins with a PAX)
    "users.list": ("users:read", "users:read.email"),  # users.email is stored
    "chat.postMessage": ("chat:write",),
    "chat.getPermalink": (),
    "views.publish": (),  # the dashboard's Home tab (features.app_home in the manifest)
    "files.getUploadURLExternal": ("files:write",),  # a chart upload: its URL and file ID, then the bytes
    "files.completeUploadExternal": ("files:write",),  # shares the uploaded file in a channel or DM
}
# `paxminer listen`: events (Socket Mode) -> the bot scopes Slack needs to deliver them
EVENT_SCOPES: dict[str, tuple[str, ...]] = {
    "message.channels": ("channels:history",), "message.groups": ("groups:history",),
    "reaction_added": ("reactions:read",), "reaction_removed": ("reactions:read",),
    "channel_created": ("channels:read",), "channel_rename": ("channels:read",), "channel_archive": ("channels:read",),
    "channel_unarchive": ("channels:read",), "member_joined_channel": ("channels:read", "groups:read"),
    "team_join": ("users:read",), "user_change": ("users:read",),
}
NEEDS = {**METHOD_SCOPES, **{f"{e} events": s for e, s in EVENT_SCOPES.items()}}
REQUIRED = tuple(sorted({s for scopes in NEEDS.values() for s in scopes}))
WHY = {s: ", ".join(m for m, scopes in NEEDS.items() if s in scopes) for s in REQUIRED}


def manifest_text() -> str:
    """The Slack app manifest shipped with the package (miner/slack/manifest.yml)."""
    return resources.files("miner.slack").joinpath("manifest.yml").read_text(encoding="utf-8")
