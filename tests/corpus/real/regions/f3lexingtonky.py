"""F3 Lexington KY (f3lexingtonky.com): a "... BackBlast <date>" title, then "PAX: ... & our FNGs: ..." on one line."""

from cases_src import bb, neg

U = "https://f3lexingtonky.com/f3lexington-launch-backblast-5-12-18/"
bb("f3lexingtonky", U, """F3Bluegrass Launch BackBlast 6.8.24


PAX: Doubletake(Respect) Tumbleweed, Catfish, Hushpuppy, Juice Box, Wham-O, Dogpatch, Soft Close, Detour & our FNGs: Phantom, Bucky Jr, Crab Dip, Tinker Toy and Marcus (to be named later)

Conditions: 70ish degrees and gorgeous.

Hard start at 0700 at the pool parking lot.""",
   q=None, status="problem", date="2024-06-08", ao="ao-the-pool", posted="2024-06-09",
   pax=["Doubletake", "Tumbleweed", "Catfish", "Hushpuppy", "Juice Box", "Wham-O", "Dogpatch", "Soft Close", "Detour"],
   un=["Phantom", "Bucky Jr", "Crab Dip", "Tinker Toy", "Marcus"], fng=5,
   note="'BackBlast' inside the title; '(Respect)' glued with no comma after; '& our FNGs:' inside the PAX line; "
        "no Q named: a problem (the launch Q is only implied)")

neg("f3lexingtonky", "https://f3lexingtonky.com/backblasts/page/42#f3-lexington-the-numbers-and-the-feels-so-far-flexington",
    """F3 Bluegrass – The Numbers and the Feels (So Far) #Flexington

For those of you following along, we just completed Week 4 of the launch.

Week 1:  28 Pax; 14 FNGs

Week 2:  21 Pax; 5 FNGs

Week 3:  25 Pax; 7 FNGs

Week 4:  27 Pax; 6 FNGs

Who’s got a #milkshake? This week the Comz keys get handed to the HIM here.""",
    posted="2024-07-01", note="launch numbers by week")
