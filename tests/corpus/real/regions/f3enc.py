"""F3 Eastern NC: an announcement posted in the bulleted backblast form (When / QIC, no PAX); words invented."""

from cases_src import neg

neg("f3enc", "https://www.f3enc.com/backblasts/general/surrender-the-booty-flag-f3stbflag/", """  • When: 03/06/17
  • QIC: Hacksaw

The Wandering Bell goes on tour next week. She will sit at an AO until five PAX from another AO plan and pull off the steal; then the host AO must give her up.

Follow the region account to know where she is. The reward: you EH’d your brothers to post somewhere new.""",
    users=["Hacksaw"], posted="2017-03-06", note="announcement in the backblast form (When / QIC, no PAX)")
