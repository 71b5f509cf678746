"""F3 Salt Lake: the F3 web form (AO / When / Number of Pax / Pax Names / Number of FNGS / FNG Names / QIC /
The BackBlast), blank lines between fields, a trailing comma after the names; the count is typed by hand and
can exceed the names listed (a man missing from the site's drop-down)."""

from cases_src import bb

U = "https://f3saltlake.com/backblasts/quarter-pounder-with-a-side-of-aiken-legs/"
bb("f3saltlake", U, """AO: Pork Belly

When: 01/24/2022


Number of Pax: 4

Pax Names: Long Division, Deuce,

Number of FNGS: 0

FNG Names:

QIC: KneeCap

The BackBlast:

4 PAX fried up a good start to the week. Long Division ran 2 miles just to get there.""",
   q="KneeCap", date="2022-01-24", ao="ao-pork-belly", pax=["Long Division", "Deuce"], count=4,
   note="count typed by hand (4) above the names listed (3 with the QIC): the number written wins")

U = "https://f3saltlake.com/backblasts/santas-revenge-and-little-merkin-boy/"
bb("f3saltlake", U, """AO: Granite Cove

When: 12/15/2021


Number of Pax: 4

Pax Names: Yeti, Ringleader, Stapler, Kneecap,

Number of FNGS: 0

FNG Names:

QIC: KneeCap

The BackBlast:

First big storm of the year. Snurpees in 8 inches of powder.""",
   q="KneeCap", date="2021-12-15", ao="ao-granite-cove", pax=["Yeti", "Ringleader", "Stapler"],
   note="the QIC also in Pax Names, spelled with other capitals")

U = "https://f3saltlake.com/backblasts/amrapping-up-2020/"
bb("f3saltlake", U, """AO: Jetway

When: 12/29/2020


Number of Pax: 3

Pax Names: Warp Drive, Grease Trap, Kneecap,

Number of FNGS: 0

FNG Names:

QIC: KneeCap

The BackBlast:

19 degrees and a slick parking lot. AMRAP while one man runs the loop.""",
   q="KneeCap", date="2020-12-29", ao="ao-jetway", pax=["Warp Drive", "Grease Trap"])

U = "https://f3saltlake.com/backblasts/hundo-blockees-plus-a-few-merkins/"
bb("f3saltlake", U, """AO: The Hollows
When: 01/21/2023
PAX:
Number of Pax: 11
Pax Names: Red Rover, iPod, Slushie, Tomahawk, Kitten Heels, Bulgogi, Ringleader, Havoc, Adobe, PTA, Kneecap,
Number of FNGS: 0
FNG Names:
QIC: KneeCap
The BackBlast:
Dark and cold, but 13 showed up (11 PAX and 2 2.0s).
Partner up for 100 blockees.""",
   q="KneeCap", date="2023-01-21", ao="ao-the-hollows",
   pax=["Red Rover", "iPod", "Slushie", "Tomahawk", "Kitten Heels", "Bulgogi", "Ringleader", "Havoc", "Adobe", "PTA"],
   count=11, note="no blank lines; an empty PAX: line before the form; 2.0s told in the narrative are not in the "
                  "count the form records")

U = "https://f3saltlake.com/backblasts/paula-abdul-mr-cooper-and-time-to-vote/"
bb("f3saltlake", U, """AO: Jetway

When: 11/03/2020


Number of Pax: 4

Pax Names: Yeti, Grease Trap, Kneecap,

Number of FNGS: 0

FNG Names:

QIC: KneeCap

The BackBlast:

Election day at Jetway. (One man isn't in the drop-down yet, will fix.)""",
   q="KneeCap", date="2020-11-03", ao="ao-jetway", pax=["Yeti", "Grease Trap"], count=4,
   note="one man missing from the names (not in the site's drop-down): counted by the number written")

U = "https://f3saltlake.com/backblasts/gun-runner/"
bb("f3saltlake", U, """When: 01/18/2023


Number of Pax: 2

Pax Names: Warp Drive, Grease Trap,

Number of FNGS: 0

FNG Names:

QIC: Warp Drive

The BackBlast:

Fresh snow and only two of us, so we brought coupons. Curls, merkins, a quarter-mile loop, four times.""",
   q="Warp Drive", date="2023-01-18", ao="ao-jetway", pax=["Grease Trap"],
   note="no AO line (the channel); another QIC; two men")
