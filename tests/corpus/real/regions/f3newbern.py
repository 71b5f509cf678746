"""F3 New Bern: more posts copying the bulleted header of real f3newbern.com backblasts (When / QIC / The Pax),
and a real preblast layout (WHAT / WHERE / WHEN / WHO ...) as a negative.  Names and narrative invented."""

from cases_src import bb, neg

# the Ruck It category page lists several posts: each is its own post (fragment per post)
U = "https://f3newbern.com/category/ruck-it/"
bb("f3newbern", U + "#strollin-backblast", """Strollin’ Backblast

  • When: 09/21/20
  • QIC: Pretty Penny
  • The Pax: @F3PorkChop, Mr. Sprocket, Ledger, Hashbrown, Black Cat, Hinge

It was a lovely morning for a stroll downtown. Seven men posted, two for their first Ruck It. Thanks to @F3PorkChop for carrying the extra sandbag.""",
   q="Pretty Penny", date="2020-09-21", ao="ao-ruck-it",
   pax=["Pork Chop", "Mr. Sprocket", "Ledger", "Hashbrown", "Black Cat", "Hinge"],
   note="'@F3Name' Twitter-style handle for user 'Name'; Q not repeated in The Pax")

neg("f3newbern", U + "#strollin-preblast", """  • WHAT: Ruck It
  • WHERE: Union Point Park
  • WHEN: Gather 0525 Hard start 0530
  • WHO: Any man or FNG
  • WEATHER: Too far out for my app to say. Hopefully nice for a stroll!
  • WHY: Because it’s my first Q, rucking is fun, and the third F matters too.
  • PREVIEW: Good time to try rucking.""", channel="ao-ruck-it", posted="2020-09-19", users=["Pretty Penny"],
    note="preblast with WHAT / WHERE / WHEN / WHO bullets")

U = "https://f3newbern.com/2019/09/16/ruck-it-backblast-catch-me-if-you-can/"
bb("f3newbern", U, """Ruck It BackBlast – Tag, You’re It

  • When: 09/23/19
  • QIC: Ledger
  • The Pax: Hinge, Double Stuf, Tommy H (RESPECT), Ledger (QIC)

A Pax of 4 greeted the new work week. One Pax carried the 40 lb. sandbag until the signal, then 10 cleans while the rest lunge walked ahead.""",
   q="Ledger", date="2019-09-23", ao="ao-ruck-it", pax=["Hinge", "Double Stuf", "Tommy H"],
   note="(RESPECT) marker; Q repeated as 'Name (QIC)'")
