"""F3 Grand Rapids: numbered 'Backblast #N' posts, each era its own header; names, AOs and words invented."""

from cases_src import bb

bb("f3grandrapids",
   "https://www.f3grandrapids.com/backblasts/backblast-847-anastasia-got-a-beep-but-he-cant-go-allllllll-night/",
   """Backblast #851 – Pager went off, but the party don’t stop

AO: Riverbend Park
Workout Date: 01/27/2022
QIC: Sauerbraten
PAX: Dumpling, Stop Sign, Jimmy Hat, Gator Man, Dorothy
Pre-Blast: YHC is QIC at Riverbend Park for a 90s throwback. Coupons required. HCs? The playlist is loud.

5 Core Principles: Free of charge | Open to all men | Held outdoors, rain or shine, hot or cold | Led by men who participate in the workout in a rotating fashion with no training or certification necessary | End w/ a Circle of Trust""",
   q="Sauerbraten", date="2022-01-27", ao="ao-riverbend-park",
   pax=["Dumpling", "Stop Sign", "Jimmy Hat", "Gator Man", "Dorothy"], note="Pre-Blast line saying 'YHC is QIC'")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2020-5-23-backblast-410-and-were-back/",
   """Backblast #414 – Back in the Gloom.


DATE | May 30, 2020
AO | The Aviary
BEATDOWN | 0700-0800
WEATHER | 58°, and Overcast
Q | Pelican

Pre-Blast | Time to take back the gloom. Nothing fancy tomorrow, just work. 0700 @ the Aviary. HCs below.

PAX: 7
[Mad Hen, Sauerkraut, Gray Owl, Plain Jane, Snuggle Bear, Soft Serve, Pelican (QIC)]

5 Core Principles: Free of charge | Open to all men | Held outdoors, rain or shine, hot or cold | Led by men who participate in the workout in a rotating fashion with no training or certification necessary | End w/ a Circle of Trust""",
   q="Pelican", date="2020-05-30", ao="ao-the-aviary",
   pax=["Mad Hen", "Sauerkraut", "Gray Owl", "Plain Jane", "Snuggle Bear", "Soft Serve"], count=7,
   note="'LABEL | value' lines; PAX: 7 then the list in [brackets] on the next line")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2019-4-22-backblast-145-no-collusion-here/",
   """Backblast #147 – nothing to see here

SLACK pre-workout statement:

@channel – YHC is the QIC tomorrow morning. Bring a coupon and your game face. Who are my hard commits?

AO – Fulton Street Zoo

Environment – 38F with a 12 mph wind out of the NW.

[0700 – Core Principles recited. Disclaimer given to 11 PAX] – Scooter, Miss Kitty, Mad Hatter, Gray Owl, BasicBro, Sauerkraut, Lenin, Baywatch, Soft Serve, Rehab, and Road Hog (QIC)""",
   q="Road Hog", date="2019-04-23", ao="ao-fulton-street-zoo", flag="missing",
   pax=["Scooter", "Miss Kitty", "Mad Hatter", "Gray Owl", "Basic Bro", "Sauerkraut", "Lenin", "Baywatch",
        "Soft Serve", "Rehab"],
   note="quoted Slack preblast inside the backblast; '[... 11 PAX] – list ... and X (QIC)'; BasicBro / Basic Bro")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/#backblast-206-hoffs-ladder-part-2",
   """Backblast #209 – Baywatch’s Ladder part 3


We gathered this morning in the hot and sticky gloom to climb a ladder drawn up by YHC.

AO – Aviary

75 degrees


[0700 – Core Principles recited.  Disclaimer given to 9 PAX] – Timber, Basic Bro,  Cortes, Lessor, Gray Owl, Scooter, Hank the Tank, Soft spot, Baywatch (QIC)""",
   q="Baywatch", date="2019-07-16", ao="ao-the-aviary", flag="missing",
   pax=["Timber", "Basic Bro", "Cortes", "Lessor", "Gray Owl", "Scooter", "Hank the Tank", "Soft Spot"],
   note="listing page post; AO – line; double spaces in the list; 'Soft spot' for user Soft Spot")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/#backblast-205-freedom-ruck-2019",
   """Backblast #208 Liberty Ruck 2019

Sunday July 21st 2019

AO: Millennium Park

Ruck Event

10:30 - 17:00


Liberty Ruck goals recited to 3 PAX

Gray Owl, Scooter, QIC Soft Serve

The Challenge:

Carry the flag 17.76 miles, in as few rucks as possible.""",
   q="Soft Serve", date="2019-07-21", ao="ao-millennium-park", pax=["Gray Owl", "Scooter"],
   note="'... to 3 PAX' then the list on its own line; 'QIC Name' prefix; an unlabelled date line opening with the date")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2019-9-17-backblast-324-the-thunderdome/",
   """BackBlast #331 | The Octagon


DATE | Thursday, January 16, 2020
AO | Hospital Hill aka The Octagon
BEATDOWN | 0530-0615
WEATHER | 18°, and gusty
Q | Sauerkraut

Pre-Blast | 01.15.20 “No struggle, no progress. I have the Q tomorrow morning at the track. Coupons are required. HC below, and join me in The Octagon.”

PAX: 12
Road Rage, Steam Shovel, Gray Owl, Mad Hatter, Timber, Cuddle Bug, Lessor, Gravy Boat, Hockey Mom (F3 KC), Soft Serve, Scooter, Sauerkraut (QIC)""",
   q="Sauerkraut", date="2020-01-16", ao="ao-hospital-hill",
   pax=["Road Rage", "Steam Shovel", "Gray Owl", "Mad Hatter", "Timber", "Cuddle Bug", "Lessor", "Gravy Boat",
        "Soft Serve", "Scooter"], un=["Hockey Mom"], count=12,
   note="'BackBlast #N | Title' header; 'LABEL | value'; weekday date; visitor '(F3 KC)'; PAX: N then the list")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2018-12-20-backblast-074-party-time/",
   """Backblast #079 – Game Night!!!

A long and stressful holiday season, so YHC threw a party in the gloom for the PAX to blow off some steam.

AO – Hospital Hill

38 degrees | Light drizzle

[0530 – Core Principles recited. Disclaimer given to 12 PAX] – Sauerkraut, Scooter, Dungeon Keeper, Timber, Basic Bro, Gray Owl, Mad Hatter, Rehab, Road Rage, Timber, Lenin, Miss Kitty, Baywatch (QIC)""",
   q="Baywatch", date="2018-12-20", ao="ao-hospital-hill", flag="missing",
   pax=["Sauerkraut", "Scooter", "Dungeon Keeper", "Timber", "Basic Bro", "Gray Owl", "Mad Hatter", "Rehab",
        "Road Rage", "Lenin", "Miss Kitty"], note="a name listed twice in '[... 12 PAX] – list'; '38 degrees | ...' line")
