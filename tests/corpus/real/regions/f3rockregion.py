"""F3 The Rock (Little Rock): an event pre-blast in the bulleted backblast form (When / QIC / The PAX: All of F3
Nation); words and names invented."""

from cases_src import neg

neg("f3rockregion", "https://www.f3rockregion.com/2018/01/19/therooster/", """    • When: 02/16/19
    • QIC: The Auctioneer
    • The PAX: All of F3 Nation

Ten days out! Close to 150 signed up so far, which is outstanding.

We start right at 0700, no warm up. Have your first runner ready when the horn goes.""",
    users=["The Auctioneer"], posted="2019-02-06", note="relay pre-blast in the backblast form: 'The PAX: All of F3 Nation'")
