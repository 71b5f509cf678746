"""F3 Wheaton: Slack-era posts copied to the site: Date / AO as #channel text / PAX as @names run together /
FNGs / Total."""

from cases_src import bb

U = "https://f3wheaton.com/backblasts/page/2/"
bb("f3wheaton", U + "#tribute-to-cardinal-bombs", """Backblast: Salute to Dynamo + S.P.A.M.

Date: 02/11/23
AO: #ao_mastodon
PAX: @Gristle@Captain Obvious@Sprout@Mayhem@Ledger@J.J.@BBQ@Shelf life@Houdini@Dial Tone
FNGs: 0
Total: 10

Dynamo's VQ routine in his honor, then S.P.A.M. at the corners.""",
   q=None, status="problem", date="2023-02-11", ao="ao-mastodon", channel="backblasts", poster="Gristle",
   pax=["Gristle", "Captain Obvious", "Sprout", "Mayhem", "Ledger", "J.J.", "BBQ", "Shelf life", "Houdini",
        "Dial Tone"], count=10,
   note="AO as '#ao_mastodon' text; @names with no spaces between; no Q line (as published): a problem")
