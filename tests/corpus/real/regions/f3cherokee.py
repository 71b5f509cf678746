"""F3 Cherokee (GA): the F3 web form (AO / When / Number of Pax / Pax Names with a trailing comma /
Number of FNGS / FNG Names / QIC / The BackBlast)."""

from cases_src import bb

bb("f3cherokee", "https://f3cherokee.com/backblasts/blackops-brasstown-bald-buster/", """AO: Ghost Ops

When: 05/22/2021


Number of Pax: 5

Pax Names: Hatchet, Lodestar, Vixen, Bandolier, Fuse Box,

Number of FNGS: 0

FNG Names:

QIC: Fuse Box

Five signed up for the ruck division of the hill climb. Rain all the way up.""",
   q="Fuse Box", date="2021-05-22", ao="ao-ghost-ops", pax=["Hatchet", "Lodestar", "Vixen", "Bandolier"], count=5,
   note="web form; QIC also in Pax Names; no 'The BackBlast:' label")

bb("f3cherokee", "https://f3cherokee.com/backblasts/just-catch-the-ball/", """AO: Scrimmage

When: 01/15/2020


Number of Pax: 12

Pax Names: 4-Square, Nearly, Green Bay, Sandman, Provost, Fuzzball, E-Flat, Odie, Clean Hands, Moped, Rubberband, Wildcard,

Number of FNGS: 0

FNG Names:

QIC: Moped

The BackBlast:

Ultimate football in the mud, off hand only for the first half.""",
   q="Moped", date="2020-01-15", ao="ao-scrimmage",
   pax=["4-Square", "Nearly", "Green Bay", "Sandman", "Provost", "Fuzzball", "E-Flat", "Odie", "Clean Hands",
        "Rubberband", "Wildcard"], count=12, note="a name starting with a digit")

bb("f3cherokee", "https://f3cherokee.com/backblasts/antisocial-distances/", """AO: Tin Man

When: 04/06/2020


Number of Pax: 6

Pax Names: Gecko, Snap-Crackle, Homefry, Hermano, Peyton, Tugboat,

Number of FNGS: 0

FNG Names:

QIC: Peyton

The BackBlast:

Three small groups, as far apart as the lot allowed.""",
   q="Peyton", date="2020-04-06", ao="ao-tin-man", pax=["Gecko", "Snap-Crackle", "Homefry", "Hermano", "Tugboat"],
   users=["Homeboy"], count=6, note="Homefry vs a Homeboy in the region")

bb("f3cherokee", "https://f3cherokee.com/backblasts/420-special/", """AO: Amphitheater

When: 03/14/2022


Number of Pax: 8

Pax Names: Air Jordan, Atari, BondsMan, Buick, Dr Pong, GameBoy, Gorgonzola, Last Christmas,

Number of FNGS: 0

FNG Names:

QIC: Gorgonzola

Backblast a few days late, fitting for Pi Day.

Coupons at the four corners of the lot, 20 reps each, sprint when the cops show.""",
   q="Gorgonzola", date="2022-03-14", posted="2022-03-17", ao="ao-amphitheater",
   pax=["Air Jordan", "Atari", "BondsMan", "Buick", "Dr Pong", "GameBoy", "Last Christmas"], count=8,
   note="no 'The BackBlast:' label, narrative right after QIC; written three days later")

bb("f3cherokee", "https://f3cherokee.com/backblasts/canoe-brought-the-van-for-halloween/", """AO: Summit
When: 10/28/2024
Number of Pax: 18
Pax Names: 3 Percent, Boa, Brisket, Chipmunk, Feather Duster, Homie, JackReacher (JR), Kayak, Kielbasa, MEGAZORD, Mouse Trap, Outcast, Red Mile, Slingshot, The Predicament, Tin Can, Zip Line, Zoë,
Number of FNGS: 3
FNG Names: Mermaid, Sinker, Bobber
QIC: Red Mile
A van full of Kayak's relatives and three FNGs, 21 in all, for a Halloween BD. Tombstone carries.""",
   q="Red Mile", date="2024-10-28", ao="ao-summit",
   pax=["3 Percent", "Boa", "Brisket", "Chipmunk", "Feather Duster", "Homie", "JackReacher", "Kayak", "Kielbasa",
        "MEGAZORD", "Mouse Trap", "Outcast", "Slingshot", "The Predicament", "Tin Can", "Zip Line", "Zoë"],
   un=["Mermaid", "Sinker", "Bobber"], fng=3, count=18,
   note="form without blank lines; FNGs only on the FNG line; '(JR)' nickname; accented name. Ambiguous: "
        "'Number of Pax: 18' counts the Pax Names only (the text says 21 with the FNGs); the number written is kept")
