"""F3 Chicago: the F3 web form (optional title line, AO / When / Number of Pax / Pax Names with a trailing
comma / Number of FNGS / FNG Names / QIC / The BackBlast), often a dated first line and CONDITIONS below."""

from cases_src import bb, neg

bb("f3chicago", "https://f3chicago.com/backblasts/touch-and-hump-them-all/", """AO: Rust Belt

When: 02/05/2022


Number of Pax: 5

Pax Names: Mustang, Snipper, Tres, Two-Step, Copper Pipe,

Number of FNGS: 0

FNG Names:

QIC: Mustang

The BackBlast:

Saturday, February 5, 2022

CONDITIONS: Low 20s; ice on the lot

Ladders of burpees, BBSUs, squats and merkins with a run to the 50 between sets.""",
   q="Mustang", date="2022-02-05", ao="ao-rust-belt", pax=["Snipper", "Tres", "Two-Step", "Copper Pipe"], count=5,
   note="web form; the body repeats the date in words and has its own CONDITIONS: label")

bb("f3chicago", "https://f3chicago.com/backblasts/two-thousand-twenty-three/", """Twenty Twenty Four

AO: Outskirts

When: 01/01/2024


Number of Pax: 7

Pax Names: Drizzle, Hacky Sock, Ponzi, Mr. Rogers, Smurf, MemoryLane,

Number of FNGS: 0

FNG Names:

QIC: Deputy

The BackBlast:

Thick fog, lights out on the field. 20 stations of 100 reps, 2000 as a team.""",
   q="Deputy", date="2024-01-01", ao="ao-outskirts",
   pax=["Drizzle", "Hacky Sock", "Ponzi", "Mr. Rogers", "Smurf", "MemoryLane"], count=7,
   note="title line above the form; QIC not in Pax Names (6 names + Q = 7)")

bb("f3chicago", "https://f3chicago.com/backblasts/runish-club/", """AO: The Permafrost

When: 07/22/2022


Number of Pax: 9

Pax Names: Brass Pipe, Eugene, Flask, JoJo, Maroon, Ogre, Packing Peanut, Rosco, Uno,

Number of FNGS: 0

FNG Names:

QIC: Ogre

The BackBlast:


80s, muggy, clear

Groups of three on the field: one runs across, the rest work down the list.""",
   q="Ogre", date="2022-07-22", ao="ao-the-permafrost",
   pax=["Brass Pipe", "Eugene", "Flask", "JoJo", "Maroon", "Packing Peanut", "Rosco", "Uno"], count=9,
   note="alphabetical Pax Names including the QIC")

bb("f3chicago", "https://f3chicago.com/backblasts/snow-go-round/", """AO: Falcon Ridge

When: 01/27/2023


Number of Pax: 10

Pax Names: Coalition, Fuji, Goose Honk, Gold Fork, Palomino, Pogo, Pot Roast, Shortpants, Slicer, Snorkel,

Number of FNGS: 1

FNG Names: Short Pants

QIC: Palomino

The BackBlast:

CONDITIONS: Brisk (9 degrees of mercury)

Laps on the street, stairs with merkins, sled down the hill to get out.""",
   q="Palomino", date="2023-01-27", ao="ao-falcon-ridge",
   pax=["Coalition", "Fuji", "Goose Honk", "Gold Fork", "Pogo", "Pot Roast", "Slicer", "Snorkel"],
   un=["Short Pants"], fng=1, count=10,
   note="the FNG is in Pax Names as 'Shortpants' and in FNG Names as 'Short Pants': one man, no Slack account yet")

bb("f3chicago", "https://f3chicago.com/backblasts/smorgasbord-ruck/", """AO: Setting Sun

When: 06/11/2022


Number of Pax: 6

Pax Names: Palomino, Corpse, Rudyard, Mr. Dressup, Dagwood, Cub Scout,

Number of FNGS: 1

FNG Names: Corpse

QIC: Mr. Dressup

The BackBlast:

75° and pleasant. Two miles of rucking with stops at every park.""",
   q="Mr. Dressup", date="2022-06-11", ao="ao-setting-sun", pax=["Palomino", "Rudyard", "Dagwood", "Cub Scout"],
   un=["Corpse"], fng=1, count=6, note="the FNG named in both Pax Names and FNG Names")

neg("f3chicago", "https://f3chicago.com/backblasts/touch-and-hump-them-all/#announcements",
    """ANNOUNCEMENTS: Rust Belt Relay – Sunday, March 12 – Mark Your Calendar! Get your team of 4 lined up

COFFEE: after every Saturday BD at the bakery on Lake""", channel="ao-general", posted="2023-02-20",
    note="announcement lines with labels, posted on their own")
