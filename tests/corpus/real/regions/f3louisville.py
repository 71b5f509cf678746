"""F3 Louisville (f3louisville.com, f3louisville.wordpress.com): a "Back Blast – <date> – <AO>" title, then the
PAX in a sentence or on labelled lines with '-' or ':' separators; the Q often only as '(Q)' or 'Name Q'."""

from cases_src import bb, neg

U = "https://f3louisville.com/backblasts-and-announcements/#bb-the-moonshiner-at-the-boondocks-1-20-22-meter-maid-q"
bb("f3louisville", U, """BB- The Distiller at the Backwoods- 1/16/25- Parking Meter Q

Leading into last night, I thought we would have had a snow day. The only thing the weather people got right was the cold.

Here were the pax who attended: Lamplight, Sprocket, Yankee Doodle (R), Patty Melt, Holy Smokes (R), Honey Badger, Fuzzbuster, Dabber and Parking Meter (Q).

I did a disclaimer and included the black ice warning.""",
   q="Parking Meter", date="2025-01-16", ao="ao-the-backwoods", posted="2025-01-17",
   pax=["Lamplight", "Sprocket", "Yankee Doodle", "Patty Melt", "Holy Smokes", "Honey Badger", "Fuzzbuster", "Dabber"],
   note="'BB-' header; the PAX in a sentence ('Here were the pax who attended: ...'); '(Q)' names the Q; date in "
        "the title only")

U = "https://f3louisville.com/backblasts-and-announcements/#4-08-21-back-blast-tog-at-the-o"
bb("f3louisville", U, """4.10.25 Back Blast – FOG at the Overlook

Weather: 60’s, wet, slight drizzle pulling up to the AO but never really rained

PAX: Jet Ski, Doodlebug (R), Manual, Number 7 (R), Tronix, Gringo Star, Klepto, Lockdown, Violet Hour, Cousin Vinny

Q: Stick Shift

COP: Mosey around from the start and finish on the tennis court closest to the flag.""",
   q="Stick Shift", date="2025-04-10", ao="ao-the-overlook", posted="2025-04-12",
   pax=["Jet Ski", "Doodlebug", "Manual", "Number 7", "Tronix", "Gringo Star", "Klepto", "Lockdown", "Violet Hour",
        "Cousin Vinny"], note="Weather / PAX / Q / COP blocks; a name with a digit; Q after the PAX")

U = "https://f3louisville.wordpress.com/2017/09/21/92117-backblast-the-return-of-the-face-of3louisville/"
bb("f3louisville", U, """9/19/24 BackBlast: The Return of the Mask @OF3Bluegrass


Ahead of this weekend’s rivalry game, 12 Pax emerged from the fog this morning to cheer on the home team.

QIC- Mask

Pax (12)- Diablo Verde, Taco Bell, Mr. Sparkle, Newsman, Kilowatt, Jordache, Red Barn, Pontiff, Scratch Off, Loco Moco, Zeppelin.

Being that any FNGs were still in bed, we got to work and moseyed to the courts.""",
   q="Mask", date="2024-09-19", ao="ao-the-o", posted="2024-09-21", count=12,
   pax=["Diablo Verde", "Taco Bell", "Mr. Sparkle", "Newsman", "Kilowatt", "Jordache", "Red Barn", "Pontiff",
        "Scratch Off", "Loco Moco", "Zeppelin"],
   note="'QIC-' and 'Pax (12)-' with dash separators; the count in the label includes the Q")

U = "https://f3louisville.com/2018/05/22/backblast-the-o-bag-of-wrenches-election-day-loco-bagofwrenches/"
bb("f3louisville", U, """BACKBLAST, The Overlook, Box of Sockets, Primary day. locust #boxofsockets


Primary Day returns:

Back Blast, the Overlook, 5-21

7 pax

Locust, Who Dat, Vinnie (respect), Mayfly, Red Barn, Country Mile, Cutlass Supreme.

Gearlander: thrift store shorts, clearance kicks, good socks.

Locust Q: I arrived at my first Q in several months, and I was excited; after all it was primary day.""",
   q="Locust", date="2025-05-21", posted="2025-05-22", ao="ao-the-overlook", count=7,
   pax=["Who Dat", "Vinnie", "Mayfly", "Red Barn", "Country Mile", "Cutlass Supreme"],
   note="'N pax' on a line of its own, the names on the next; 'Locust Q:' opens the Q's story (he is the Q); "
        "'Back Blast, the Overlook, 5-21' (a second title line) gives the date, no year: May 21")

U = "https://f3louisville.com/2023/10/21/back-blast-10-6-23-to-10-7-23-f3-louisville-2023-bourbon-chase-team-van-1"
bb("f3louisville", U, """Back Blast 10.4.24 to 10.5.24 –  *F3 Bluegrass 2024 Bourbon Relay Team Van 1*

(Side Note:  Please read Cap'n Crunchy's postmortem BB too, also from Van 1's perspective.)

What follows are a few reflections of my overall race experience.

Van 1 PAX (all very much HIM):  Husky Jr, Patty Cake (Q), Saul Badman, Root Beer, Cap'n Crunchy, McNugget, Litter Box).

Defining Weekend Quote:  “Where do I go?”""",
   q="Patty Cake", date="2024-10-04", ao="ao-black-ops", posted="2024-10-21",
   pax=["Husky Jr", "Saul Badman", "Root Beer", "Cap'n Crunchy", "McNugget", "Litter Box"],
   note="'Van 1 PAX (note):' list with a stray ')' at the end; '(Q)' names the Q; posted two weeks after the "
        "race (dates in the title only: a range, its first day)")

neg("f3louisville", "https://f3louisville.com/2018/02/07/black-ops-preblast-joe-creason-park-the-carpenter-getbetter-f3villeblackops/",
    """Black Ops Preblast — Creek Park: the Cabinetmaker #getbetter

I hereby christen the potential AO at Creek Park the Cabinetmaker. I’m Q’ing there on Friday.

Who:  All Pax who want to get better

What:  A beatdown

When:  Friday, February 7, 2025 at 0530 to 0615

Where:  Creek Park; meet at the lot by the parks HQ

Why:  Why not?""", posted="2025-02-05", note="Who/What/When/Where/Why pre-blast")

neg("f3louisville", "https://f3louisville.com/2021/04/23/f3louisville-2021-spring-convergence-04-24-2021-at-the-garden/",
    """F3LOUISVILLE 2022 FALL CONVERGENCE – 10/22/2022 at The Overlook!

Tomorrow looks cold and clear for the Fall Convergence, and it’s the region’s fifth birthday too.

Some details on what this is all about:

  • WHEN: Saturday, October 22 at 0700 to 0800.
  • WHERE: The Overlook, Cherokee Park, Hogan's Fountain lot
  • WHY: To put every AO in one place for a dose of 1st F and 2nd F.

The Qs were all announced during the week, but as a reminder the following will be providing the beatdown:

Gemstone, Lamplight, Tronix and Klepto
  • PARKING: use the upper lot and the road shoulder, not the pavilion spots.""",
    users=["Gemstone", "Lamplight", "Tronix", "Klepto"], posted="2022-10-21",
    note="convergence pre-blast: WHEN / WHERE / WHY bullets, then the day's Qs as a bare list")
