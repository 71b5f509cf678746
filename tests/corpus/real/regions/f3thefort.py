"""F3 The Fort (Fort Mill SC): most posts are narrative only; the 2017 template had bullets QIC / When / Pax /
Posted In (the AO as the post's category)."""

from cases_src import bb, neg

U = "https://f3thefort.com/category/the-ballroom/page/23"
bb("f3thefort", U + "#a-backblast-when-only-2-pax-show", """A Backblast when only 3 Pax show? Sure.

  • QIC: Space Ghost
  • When: 02/21/17
  • Pax: Neil Diamond, Tater Salad, Space Ghost (QIC)
  • Posted In: The Ballroom

Cold and wet, but three worked instead of one. 4 corners escalator at the grocery store.""",
   q="Space Ghost", date="2017-02-21", ao="ao-the-ballroom", channel="backblasts",
   pax=["Neil Diamond", "Tater Salad"], note="'Posted In:' names the AO; the QIC again in the Pax list with (QIC)")

neg("f3thefort", "https://f3thefort.com/category/sea-legs/page/4", """In just under a month we get to run the best race of the year, our Signature Fort Race, the Run for Recovery.

This year we are adding race chariots for SPEED FOR NEED.

If you know a child who would love a ride, DM Top Gun and let him know. If you would like to help push, let him know.

Up to 6 chairs this year. Register, find a Track Commander to push, and let's get after it!

TClap |""", users=["Top Gun"], note="race announcement, names a contact, no labels")

neg("f3thefort", "https://f3thefort.com/category/csaup", """Slow and Steady 2026

Preblast: Slow And Steady
Date: 2026-06-13
Time: 08:00
Q: @Halfpipe


30# Ruck
A relay CSAUP, ruckers and runners alternating laps on the track; teams of 2 or 4. No team? Show up and you'll be
put on one. Register at the link.""", channel="ao-general", posted="2026-05-20", users=["Halfpipe"],
    note="slackblast preblast under a title line")
