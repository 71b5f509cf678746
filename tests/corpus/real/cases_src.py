"""Real-format backblast corpus: hand-written cases, one ``bb(...)`` / ``neg(...)`` call each.

Every header keeps the layout of a backblast (or preblast / schedule) that an F3 region published on its
website (labels, separators, spacing, order, markers, date style: see ``url``); the names, AOs and narrative
are invented here.  The expected values are written by hand from reading the post as a person would;
``build.py`` only turns names into Slack ids and writes ``cases.jsonl``.

bb() keywords (names are the Slack users' display names unless noted):
  q / coq / pax   who was there and matched a Slack user (pax: everyone else; Q and Co-Qs are added)
  un              names that match no Slack user, as a person would write them down (markers dropped)
  fng             FNG count;  count: pax_count (default: people + unmatched)
  users           extra Slack users in the region (distractors, near-misses)
  real            display name -> real name
  ao / channel    expected AO channel / channel posted in (default: the AO's)
  date / posted   expected workout date / local date of the post (default: same day)
  flag            expected date_flag ("missing" / "unreadable") when the date came from the post
  alias           normalized alias -> display name (the region's alias table)
  mentions        also emit a copy with the matched names written as Slack mentions
"""

from __future__ import annotations

CASES: list[dict] = []


def bb(region, url, text, *, q, date, ao, coq=(), pax=(), un=(), fng=0, count=None, users=(), real=None,
       channel=None, posted=None, poster=None, flag=None, alias=None, mentions=True, status="ok", note=""):  # fmt: skip
    CASES.append(dict(kind="bb", region=region, url=url, text=text, q=q, coq=list(coq), pax=list(pax), un=list(un),
                      fng=fng, count=count, users=list(users), real=real or {}, ao=ao, channel=channel or ao,
                      date=date, posted=posted or date, poster=poster, flag=flag, alias=alias or {},
                      mentions=mentions, status=status, note=note))  # fmt: skip


def neg(region, url, text, *, channel="ao-general", posted="2024-05-01", users=(), note=""):
    CASES.append(dict(kind="neg", region=region, url=url, text=text, channel=channel, posted=posted,
                      users=list(users), note=note))  # fmt: skip


# ------------------------------------------------------------------ F3 Houston (bulleted WordPress block)
U = "https://f3houston.com/crawling-out-of-death-valley/"
bb("f3houston", U, """  • When: 03/26/2019
  • QIC: Lockbox
  • The PAX: Sponge, Mitten (R), Crouton (R), The Duke (R), Shin-Splint, Pretzel’, GPS, Radar Love, Swamp, Nitro (R), Dry Wall (R), Old Yeller, Toy Box (RR), YHC (QIC)
14 PAX < 0 FNGs posted for a Lockbox-led BD about carrying each other.

Mosey to the embankment, bear crawls up, crab walks down.""",
   q="Lockbox", date="2019-03-26", ao="ao-the-hogg",
   pax=["Sponge", "Mitten", "Crouton", "The Duke", "Shin-Splint", "Pretzel", "GPS", "Radar Love", "Swamp", "Nitro",
        "Dry Wall", "Old Yeller", "Toy Box"], flag=None, note="(R)/(RR) markers, trailing quote, YHC (QIC)")
bb("f3houston", U, """  • When: 07/09/2019
  • QIC: Sandbar
  • The PAX: Biscuit, Gravel (R), Sandbar, Hushpuppy, Tin Cup (R), Spud
6 PAX < 1 FNG posted in the soup.

Humid. Merkins. More humid.""",
   q="Sandbar", date="2019-07-09", ao="ao-the-hogg", pax=["Biscuit", "Gravel", "Hushpuppy", "Tin Cup", "Spud"])
bb("f3houston", U, """  • When: 11/19/2019
  • QIC: Yardstick
  • The PAX: Waffle, Cannonball, Char-Grill (R), Baseline, YHC (QIC)
5 PAX < 0 FNGs posted at 42 degrees.

Elevens on the bridge.""",
   q="Yardstick", date="2019-11-19", ao="ao-the-hogg", pax=["Waffle", "Cannonball", "Chargrill", "Baseline"],
   note="spelling variant Char-Grill / Chargrill")

# ------------------------------------------------------------------ F3 Chattanooga (QIC:, Date:, PAX:, AO: blank-line separated)
U = "https://www.f3chattanooga.com/2020/12/07/dust-in-the-wind-with-master-trumpeteers-and-a-few-curls-for-the-girls/"
bb("f3chattanooga", U, """Hoot and Holler at the Flagpoles

QIC:  Nightlight

Date: 12/7/2020

PAX: Bandit, Seashell, Ooh La La, Bandstand, Surf Wax, Wrecker, Toe Jam, Slim Jim, Bernard, Uncle Buck, M.I.T., AIM, Fitch

AO: Jigsaw


A bit nippy out. Curls, rows and presses with coupons.""",
   q="Nightlight", date="2020-12-07", ao="ao-jigsaw", channel="backblasts",
   pax=["Bandit", "Seashell", "Ooh La La", "Bandstand", "Surf Wax", "Wrecker", "Toe Jam", "Slim Jim", "Bernard",
        "Uncle Buck", "M.I.T.", "AIM", "Fitch"], note="double space after QIC:, AO from text, posted in another channel")
bb("f3chattanooga", "https://www.f3chattanooga.com/category/backblasts/page/87/", """A Grateful Co-Q Anniversary

QIC: Co-Q (Rusty Nail & Skillet)

Date: 11/28/2019

PAX:  Lady Bug, Nomad, FNG-Peepshow, Teddy Bear, Sunspot, Pink Lemonade, Hurricane, Training Day, Whistler, Taco, Carabiner, FNG-Novocaine, Groundhog, Early Riser, Rusty Nail, Skillet

AO: Hill Town


Thankfully not raining.""",
   q="Rusty Nail", coq=["Skillet"], date="2019-11-28", ao="ao-hill-town",
   pax=["Lady Bug", "Nomad", "Teddy Bear", "Sunspot", "Pink Lemonade", "Hurricane", "Training Day", "Whistler",
        "Taco", "Carabiner", "Groundhog", "Early Riser"], un=["Peepshow", "Novocaine"], fng=2,
   note="QIC: Co-Q (A & B); FNG-Name markers counted")
bb("f3chattanooga", "https://f3chattanooga.com/category/backblasts/page/50", """Remembering at the Shot Glass

QIC:  Dundalk

Date: 09/11/2020

PAX: Milk Dud, Holmes, Hatchet, Floyd, Big Ed, Treadmill, Dyson, Tasty Cake

AO: Shot Glass


72 degrees, 81% humidity. Four rounds and a lap.""",
   q="Dundalk", date="2020-09-11", ao="ao-shot-glass",
   pax=["Milk Dud", "Holmes", "Hatchet", "Floyd", "Big Ed", "Treadmill", "Dyson", "Tasty Cake"])
bb("f3chattanooga", "https://www.f3chattanooga.com/category/backblasts/page/87/#53rd-aniversary-of-the-25th-aniversary-of-perl-harbor",
   """Dec the Halls

QIC:  9-Iron

Date: 12/07/2019

PAX: Deep Fry, El Jefe, Mrs Butterworth, Paperclip, Sunroof, Sandwedge, Shotgun, Pork Rind

AO: The Armory


Tastes great, less filling.""",
   q="9-Iron", date="2019-12-07", ao="ao-the-armory",
   pax=["Deep Fry", "El Jefe", "Mrs Butterworth", "Paperclip", "Sunroof", "Sandwedge", "Shotgun", "Pork Rind"],
   note="Q name starts with a digit")

# ------------------------------------------------------------------ F3 Grand Rapids (AO / Workout Date / QIC / PAX / Pre-Blast)
U = "https://www.f3grandrapids.com/backblasts/backblast-backblast-810-jack-of-all-trades/"
bb("f3grandrapids", U, """Backblast #Backblast #812 – Queen of Hearts

AO: The Stairs
Workout Date: 11/09/2021
QIC: Tadpole
PAX: Mad Hatter, Chubbs, Bart, Snoopy
Pre-Blast: Stairs tomorrow at 0530, bring a deck of cards and a coupon. HC below!

5 Core Principles: Free of charge | Open to all men | Held outdoors | Peer led | End w/ a Circle of Trust""",
   q="Tadpole", date="2021-11-09", ao="ao-the-stairs", pax=["Mad Hatter", "Chubbs", "Bart", "Snoopy"],
   note="a Pre-Blast: line inside a backblast")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/backblast-552-back-to-the-basics/", """Backblast #553–Basics Again


DATE: November 14, 2020, 27 degrees and Frosty
AO: Centennial Park
QIC: Hopper
PAX: Red Rover, Lessor, Ralph, The Tulip, Bull Frog (FNG), Sugar Bear (FNG), Disco Ball (FNG)
Pre-Blast: I have the Q tomorrow at Centennial Park. Several FNGs expected, bring some veterans.""",
   q="Hopper", date="2020-11-14", ao="ao-centennial-park", pax=["Red Rover", "Lessor", "Ralph", "The Tulip"],
   un=["Bull Frog", "Sugar Bear", "Disco Ball"], fng=3, note="date with weather after it; (FNG) markers")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/backblast-597-f3-10-year-anniversary-workout/", """Backblast #598 – New Year Original


DATE: 1/1/21
AO: Manhattan Park
QIC: Snooze, Sauerkraut, Mad Cow
PAX: Bald Eagle, Hasselhoff, Toto, Red Eye, Soft Serve, Bart, Miss Daisy""",
   q="Snooze", coq=["Sauerkraut", "Mad Cow"], date="2021-01-01", ao="ao-manhattan-park",
   pax=["Bald Eagle", "Hasselhoff", "Toto", "Red Eye", "Soft Serve", "Bart", "Miss Daisy"], note="three Qs, commas")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/backblast-749-first-date-circuit-of-struggle/", """Backblast # 750 – Second Date Circuit

AO: Manhattan Park
Workout Date: 07/20/2021
QIC: Blind Date
PAX: Catan, Bobby Flay, Leroy, S'mores, Johnny Seed (FNG), Florida Man, Miss Daisy, Crosswalk, Snoopy, Soft Serve, Rainmaker, Blind Date
Pre-Blast: Circuit tomorrow, coupons required.""",
   q="Blind Date", date="2021-07-20", ao="ao-manhattan-park",
   pax=["Catan", "Bobby Flay", "Leroy", "S'mores", "Florida Man", "Miss Daisy", "Crosswalk", "Snoopy",
        "Soft Serve", "Rainmaker"], un=["Johnny Seed"], fng=1)
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2018-5-31-backblast-009-one-step-back-two-steps-forward/",
   """BackBlast 011 – Two Steps Back

PAX: Road Rage (VQ), Ridgeline, Squarepants, Dungeon, and Forest

Lexicon lesson first, then coupons up the hill.""",
   q="Road Rage", date="2018-06-07", ao="ao-the-stairs", pax=["Ridgeline", "Squarepants", "Dungeon", "Forest"],
   flag="missing", note="Q only as (VQ) in the PAX list; no date")
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2019-5-16-backblast-162-7-of-diamonds/", """Backblast #163 – 8 of Clubs

AO – Hospital Hill

Environment – 52 Degrees | 82% Humidity | Beautiful

[0530 – Core Principles recited.  Disclaimer given to 9 PAX] – Hasselhoff, BasicBro, Bald Eagle, Forest, Radio, Road Rage, Pac Man, Stallone (F3 Mint Hill) & Mad Cow (QIC)""",
   q="Mad Cow", date="2019-05-23", ao="ao-hospital-hill", flag="missing",
   pax=["Hasselhoff", "Basic Bro", "Bald Eagle", "Forest", "Radio", "Road Rage", "Pac Man"], un=["Stallone"],
   note="AO with dash separator; BasicBro / Basic Bro; PAX after a bracket; (F3 Mint Hill) visitor")

# ------------------------------------------------------------------ F3 Lowcountry (PAX: N then list; FNG – Name; Name – QIC)
U = "https://f3lowcountry.com/2017/11/14/backblast-or-else/"
bb("f3lowcountry", U, """Backblast or Bust….

48 degrees, clear skies, low humidity, NE 7 mph

PAX: 19

Bow Ties, Gravy Train, Dave Ramble, Comfort Food, Skeeter, Mr. Crisp, Coach J, Templar, Big Beard, Handy Randy, Big Ladle, Laser Tag, Claw Hammer, Frodo, Hip Hop, Michael Brutus, Dwayne, FNG – Bluegill, Short Stack – QIC.

SSH x 30 IC""",
   q="Short Stack", date="2017-11-14", ao="ao-the-fort", flag="missing",
   pax=["Bow Ties", "Gravy Train", "Dave Ramble", "Comfort Food", "Skeeter", "Mr. Crisp", "Coach J", "Templar", "Big Beard",
        "Handy Randy", "Big Ladle", "Laser Tag", "Claw Hammer", "Frodo", "Hip Hop", "Michael Brutus", "Dwayne"],
   un=["Bluegill"], fng=1, count=19, note="PAX: 19 then the list after a blank line; FNG – Name; Name – QIC")
# ------------------------------------------------------------------ F3 Omaha (Date / AO / PAX wrapped / FNGs / Q / Total Pax)
U = "https://f3omaha.com/2022/02/07/golden-spike-2-4-22-dr-q-from-taps/"
bb("f3omaha", U, """Backblast!  Give me some Mario Kart!
Date: 02/04/2022
AO:   Golden Spike
PAX: Wait List, Folsom, Grillmaster, Sister Act, FDIC, Mother Hen, Safe Bet, Chiclet, Room
Service, Wentworth, Roll Cage, Sparty, Rancho, Vandal, Honey Bun, Doggy Bag, Barn Owl, Skeeter,
Blue Chip, Tin Can, Tugboat, Sweet Pea, Herky, Corn Cob
FNGs:  0
Q:   Tapioca (F3KC)
Total Pax:  25
Conditions: only -4 wind chill and no breeze except what we made.""",
   q="Tapioca", date="2022-02-04", ao="ao-golden-spike", channel="backblasts",
   pax=["Wait List", "Folsom", "Grillmaster", "Sister Act", "FDIC", "Mother Hen", "Safe Bet", "Chiclet",
        "Room Service", "Wentworth", "Roll Cage", "Sparty", "Rancho", "Vandal", "Honey Bun", "Doggy Bag", "Barn Owl",
        "Skeeter", "Blue Chip", "Tin Can", "Tugboat", "Sweet Pea", "Herky", "Corn Cob"], count=25,
   note="PAX list wrapped mid-name over lines; Q from another region in parens")
bb("f3omaha", U, """Backblast!  Hill Sprints
Date: 03/11/2022
AO:   Golden Spike
PAX: Folsom, Grillmaster, Herky, Skeeter
FNGs:  1 Tumbleweed
Q:   Sparty
Total Pax:  6
Conditions: windy.""",
   q="Sparty", date="2022-03-11", ao="ao-golden-spike", pax=["Folsom", "Grillmaster", "Herky", "Skeeter"],
   un=["Tumbleweed"], fng=1, count=6)

# ------------------------------------------------------------------ F3 Gastonia (Post Type / When / AO / QIC / FNG's / PAX bullets)
U = "https://f3gastonia.com/2023/12/02/4q-convergence-at-the-yank/"
bb("f3gastonia", U, """  • Post Type: Backblast
  • When: 12/02/2023
  • AO: The Fighting Yank
  • QIC: Rooster
  • FNG's:
  • PAX: Chili Dog, Tricycle, Slaw, Sargent, JJ, Tesla, Broke, Norway, Wikipedia, Gumbo, Bedbug, Nutria, Timeshare, Mardi Gras, Stogie, Eh Y'all, Dr. Zeuss, Doodle, Sarlacc, Hunchback, Stogie, Rooster

Four Qs for the 4th quarter convergence.""",
   q="Rooster", date="2023-12-02", ao="ao-the-fighting-yank",
   pax=["Chili Dog", "Tricycle", "Slaw", "Sargent", "JJ", "Tesla", "Broke", "Norway", "Wikipedia", "Gumbo", "Bedbug",
        "Nutria", "Timeshare", "Mardi Gras", "Stogie", "Eh Y'all", "Dr. Zeuss", "Doodle", "Sarlacc", "Hunchback"],
   note="a name listed twice; empty FNG's: label")
bb("f3gastonia", "https://f3gastonia.com/2020/09/21/run-ruck-and-coupon-csaup/", """  • Post Type: Backblast
  • When: 09/19/2020
  • QIC: Busted
  • FNG's:
  • PAX: Gold Rush, Stroganoff (R), Sledgehammer (R), Pizza Boy, Buckshot, Medicine Man, Gumdrop, Gavel, Hacksaw (R), Dr. Zeuss (R), Watts Up (R), Achy, Def Jam (R), Round Up

A completely sane and utterly purposeful morning.""",
   q="Busted", date="2020-09-19", ao="ao-the-fighting-yank",
   pax=["Gold Rush", "Stroganoff", "Sledgehammer", "Pizza Boy", "Buckshot", "Medicine Man", "Gumdrop", "Gavel",
        "Hacksaw", "Dr. Zeuss", "Watts Up", "Achy", "Def Jam", "Round Up"], note="Q not in PAX list")
bb("f3gastonia", "https://f3gastonia.com/2020/11/19/big-woman/", """  • Post Type: Backblast
  • When: 11/19/2020
  • AO: Diablo Sammich
  • QIC: Whoopie
  • FNG's:
  • PAX: Dry Rub, Les Paul

Rucks and stories.""",
   q="Whoopie", date="2020-11-19", ao="ao-diablo-sammich", pax=["Dry Rub", "Les Paul"])

# ------------------------------------------------------------------ F3 Alpha (AO / When / QIC / PAX ():)
U = "https://f3alpha.com/backblast/2018/10/11/top-secret-recon-mission-to-the-south/"
bb("f3alpha", U, """Secret Mission Up North

AO: The Norseman

When: 10/10/2018

QIC: Lawman

PAX (): Burnside, Nacho Man, Haha, Cookie, Beaker (FNG), Lawman

Jugs, jugs and more jugs.""",
   q="Lawman", date="2018-10-10", ao="ao-the-norseman", pax=["Burnside", "Nacho Man", "Haha", "Cookie"],
   un=["Beaker"], fng=1, note="PAX (): empty count parens")
bb("f3alpha", "https://f3alpha.com/backblast/2016/11/05/sabbativersary-backblast/", """Sabbatical Backblast

When: 10/29/16

QIC: Crackle

PAX (): Moonpie, Nolte (RESPECT), Crackle

Four corners on the pitch.""",
   q="Crackle", date="2016-10-29", ao="ao-the-norseman", pax=["Moonpie", "Nolte"], note="(RESPECT) marker; AO from channel")

# ------------------------------------------------------------------ F3 Wheaton (QIC: + NOR: / CoR-NoR-Cot with @names)
U = "https://f3wheaton.com/2021/07/16/backblast-thursday-7-15-21-sagas-birthday-beatdown-ao-mastodon/"
bb("f3wheaton", U, """BACKBLAST: Thursday 7.15.21 “Sonar’s Birthday Beatdown @ AO Mastodon

Thanks to all the HIMs who came out. Balloons were involved.

CoR/NoR/Cot: 12 PAX in attendance: @Aloe @Bankshot @Beaker @Cookies @Da Vinci @Hotplate @Jolly @Panda Bear @Panhandle @Sonar (Q) @T-Bone (respect) @Whittler

Prayers for the coming move.""",
   q="Sonar", date="2021-07-15", ao="ao-mastodon", posted="2021-07-16",
   pax=["Aloe", "Bankshot", "Beaker", "Cookies", "Da Vinci", "Hotplate", "Jolly", "Panda Bear", "Panhandle",
        "T-Bone", "Whittler"], count=12, note="@names as plain text; (Q) marker; PAX label inside a sentence")
bb("f3wheaton", "https://f3wheaton.com/2021/04/20/backblast-4-20-21-ao-mastodon-530-am-you-have-to-run-before-you-can-crawl/",
   """Backblast: 4.20.21 AO Mastodon, 5:30 AM: Run before you crawl.

QIC: Beaker

11 faithful PAX gathered in the gloom.

NOR: Bankshot, Beaker, Bloomer, Cheese Wiz, Hotplate, Panhandle, Jolly, Sonar, Shiplap, T-Bone, Tortuga""",
   q="Beaker", date="2021-04-20", ao="ao-mastodon", posted="2021-04-21",
   pax=["Bankshot", "Bloomer", "Cheese Wiz", "Hotplate", "Panhandle", "Jolly", "Sonar", "Shiplap", "T-Bone", "Tortuga"],
   note="NOR: as the PAX label")

# ------------------------------------------------------------------ F3 Nashville (place, AO, date line; QIC with a note)
U = "https://f3nashville.com/category/braggs-isle"
bb("f3nashville", U, """Thriller at the Isle

Murfreesboro, Bragg’s Isle, 06/28/2018

QIC: Socrates

PAX: Iditarod, Socrates, Salt and Pepper, Noble Gas, Grohl, and special guest Tallboy (F3 Chattanooga)

Bluetooth troubles, then a moonwalk.""",
   q="Socrates", date="2018-06-28", ao="ao-braggs-isle",
   pax=["Iditarod", "Salt and Pepper", "Noble Gas", "Grohl"], un=["Tallboy"],
   note="a user whose name contains ' and '; guest from another region; the date is on the place line")

# ------------------------------------------------------------------ F3 Columbus (QIC / PAX with (Respect) (hate) FNG(Name))
U = "https://f3columbus.com/category/the-bear/page/2/"
bb("f3columbus", U, """Foundation of a Man : Back-Blast

QIC: Bo Diddley

PAX: Roller Skate, Mortise, Bootleg (Respect), Brain (hate), Mariah, Magnate, Rash, Dimes, FNG(Peaches), Orchardville, and Hack!

Tire flips and water jugs.""",
   q="Bo Diddley", date="2022-08-08", ao="ao-camp-wilder", flag="missing",
   pax=["Roller Skate", "Mortise", "Bootleg", "Brain", "Mariah", "Magnate", "Rash", "Dimes", "Orchardville", "Hack"],
   un=["Peaches"], fng=1, note="FNG(Name); (hate); 'and Hack!'")

# ------------------------------------------------------------------ F3 Hampton Roads (web form)
U = "https://f3hamptonroads.com/backblasts/gas-station-courtesy-of-gas-station/"
bb("f3hamptonroads", U, """AO: Gas Station

When: 10/14/2022


Number of Pax: 3

Pax Names: 2 Wheel, Marvel,

Number of FNGS: 0

FNG Names:

QIC: Waze

The BackBlast:


High 50s and misty. Deck of cards at four corners.""",
   q="Waze", date="2022-10-14", ao="ao-gas-station", pax=["2 Wheel", "Marvel"], count=3,
   note="web form labels; name starting with a digit; Q not in Pax Names")
bb("f3hamptonroads", U, """AO: Gas Station

When: 11/04/2022


Number of Pax: 5

Pax Names: Marvel, Slurpee, Taxi Cab, Kubota,

Number of FNGS: 1

FNG Names: Radiator

QIC: Marvel

The BackBlast:


Cold and dry.""",
   q="Marvel", date="2022-11-04", ao="ao-gas-station", pax=["Slurpee", "Taxi Cab", "Kubota"], un=["Radiator"],
   fng=1, count=5)
bb("f3hamptonroads", "https://f3hamptonroads.com/the-night-we-saw-them-all/", """Archives: The Night We Saw Them All

  • When: 20180413
  • QIC: Splinter, Lockjaw, Rosie, Honeydew, TYA
  • The PAX: Splinter, Lockjaw, Saab, Upchuck, Fudge (LIFO), Marv, EF Button, Kubota, Slurpee, Taxi Cab, Rosie, Honeymoon, TYA, Honeydew
  • A PAX ditched all common sense for about 18 hours.""",
   q="Splinter", coq=["Lockjaw", "Rosie", "Honeydew", "TYA"], date="2018-04-13", ao="ao-the-creek",
   pax=["Saab", "Upchuck", "Fudge", "Marv", "EF Button", "Kubota", "Slurpee", "Taxi Cab", "Honeymoon"],
   note="date 20180413; five Qs on one line")

# ------------------------------------------------------------------ F3 Chicago (web form, no QIC line)
U = "https://f3chicago.com/backblasts/time-hacked/"
bb("f3chicago", U, """AO: Rec Yard

When: 03/20/2021


Number of Pax: 7

Pax Names: Treaty, Chisel, Loose Cannon, Alderman, Chapstick, Flashbulb, TA,

Number of FNGS: 0

FNG Names:


The BackBlast:

Rucks, sandbags and two logs.""",
   q=None, date="2021-03-20", ao="ao-rec-yard", status="problem",
   pax=["Treaty", "Chisel", "Loose Cannon", "Alderman", "Chapstick", "Flashbulb", "TA"], count=7,
   note="web form without a QIC line: recorded as a problem (no Q)")
bb("f3chicago", "https://f3chicago.com/backblasts/ode-to-2020/", """AO: Old Town

When: 01/05/2022


Number of Pax: 12

Pax Names: Mustang, Slicer, Drizzle, Two-Step, Hot Sauce, Fuji, My Pal,

Number of FNGS: 0

FNG Names:

QIC: Lucy

The BackBlast:

Four more rolled in late and never made the list. Coupons on the garage ramps, 14 reps each.""",
   q="Lucy", date="2022-01-05", ao="ao-old-town",
   pax=["Mustang", "Slicer", "Drizzle", "Two-Step", "Hot Sauce", "Fuji", "My Pal"], count=12,
   note="QIC not in Pax Names; Number of Pax (12) counts men the list leaves out")

# ------------------------------------------------------------------ F3 Indianapolis (Backblast: / Date 1-5-22 / Pax @names / FNGs / Q / Total)
U = "https://f3indianapolis.com/2022/01/05/through-the-tunnel-and-down-the-tracks/"
bb("f3indianapolis", U, """Backblast: Railroads
Date: 1-5-22
AO: Alleycat
Pax:  @Conductor @Fiddler @Zap-Zap @Tulip @Skiff @Cleaver @Suds
FNGs: 0
Q: @Kay-Jay
Total: 8

33 degrees and breezy""",
   q="Kay-Jay", date="2022-01-05", ao="ao-alleycat",
   pax=["Conductor", "Fiddler", "Zap-Zap", "Tulip", "Skiff", "Cleaver", "Suds"], count=8,
   note="date 1-5-22; @Name plain text")
# ------------------------------------------------------------------ F3 New Bern (When / QIC / The Pax with (RESPECT) and (QIC))
U = "https://f3newbern.com/2019/12/02/rucklek-backblast-organized-mass-chaos/"
bb("f3newbern", U, """Rucklek BackBlast – Organized Chaos

  • When: 12/02/19
  • QIC: Bitcoin
  • The Pax: Pyro, II Fingers, Plan B, Kevorkian (RESPECT), Falconer (RESPECT), Peeping Tom (RESPECT), Oz, Acolyte, Stye, Gander (RESPECT), McRib, Lil Wayne, Blue Hawaii, Bitcoin (QIC)

A super-sized Pax of 14 posted this morning.""",
   q="Bitcoin", date="2019-12-02", ao="ao-ruck-it",
   pax=["Pyro", "II Fingers", "Plan B", "Kevorkian", "Falconer", "Peeping Tom", "Oz", "Acolyte", "Stye", "Gander",
        "McRib", "Lil Wayne", "Blue Hawaii"])
bb("f3newbern", "https://f3newbern.com/category/ruck-it/#ruck-it-backblast-labear-day-byob", """Ruck It BackBlast – BYOB

  • When: 11/08/21
  • QIC: Sandbagger
  • The Pax: Black Dog, Mr. Roboto, Acolyte, Oz, Sandbagger (QIC)

Sandbags in the wind.""",
   q="Sandbagger", date="2021-11-08", ao="ao-ruck-it", pax=["Black Dog", "Mr. Roboto", "Acolyte", "Oz"])

# ------------------------------------------------------------------ F3 NE Wake (Date / AO / Q / PAX (8) with real names; 8-Mar-2023; PAX: 39)
U = "https://f3newake.com/backblast-by-floppy-disk-tom-neal-on-09-29-2023/"
bb("f3newake", U, """Backblast by Floppy Disk (Tom Neal) on 09/29/2023

Date: 9/29/2023
AO: Red Dawn
Q: Floppy Disk
PAX (8): Green Thumb (Ray Perry), Rio (Andy Dee), Flush (Clay Camp), Menthol (Joe Cade), Counterfeit (John Kinn), @TheDude, Gilmore (Jim T), YHC Floppy Disk (Tom Neal)

Ruck with weight, sandbag, cones 25 yards apart.""",
   q="Floppy Disk", date="2023-09-29", ao="ao-red-dawn",
   pax=["Green Thumb", "Rio", "Flush", "Menthol", "Counterfeit", "TheDude", "Gilmore"], count=8,
   real={"Green Thumb": "Ray Perry", "Rio": "Andy Dee", "Floppy Disk": "Tom Neal", "Gilmore": "Jim T"},
   note="Nickname (Real Name); PAX (8); YHC Name (Real)")
bb("f3newake", "https://f3newake.com/backblast-by-billy-goat-on-03-08-2023/", """Backblast by Billy Goat on 03/08/2023

AO: Quarantine

Date: 8-Mar-2023

PAX: Boyz 2 Men, Febreze, Oscar Meyer, Rio, Roscoe P, Snickle (FNG), Spit Valve, Squeaks, Strudel, Thingamajig, Tube Sock

Q: Billy Goat

Theme: Quarter-tine Arcade""",
   q="Billy Goat", date="2023-03-08", ao="ao-quarantine",
   pax=["Boyz 2 Men", "Febreze", "Oscar Meyer", "Rio", "Roscoe P", "Spit Valve", "Squeaks", "Strudel", "Thingamajig",
        "Tube Sock"], un=["Snickle"], fng=1, note="date 8-Mar-2023; Q after PAX")
bb("f3newake", "https://f3newake.com/backblast-by-gilmore-jim-t-on-12-12-2022/", """Backblast by Gilmore (Jim T) on 12/12/2022

AO: The Farm
PAX: 39
Q: Green Thumb and Gilmore

Battle ball, then the Dirty Santa party.""",
   q="Green Thumb", coq=["Gilmore"], date="2022-12-12", ao="ao-the-farm", count=39, poster="Gilmore",
   posted="2022-12-14", note="bare PAX: 39 with only the Qs named; no date line")

# ------------------------------------------------------------------ F3 South Charlotte (When:08/10/2017 no space)
U = "http://f3southcharlotte.com/2017/08/14/blame-it-on-f3-dads-camp/"
bb("f3southcharlotte", U, """Blame it on Dads Camp

  • When:08/10/2017
  • QIC: JRR Token
  • The PAX: JRR Token, Hopsy, Escobar, Nemo, Marlin (R), Heartburn, Kirby, Halley's Comet (R), Outback, BillyGoat, Fireman Ted, Huggy Bear, Morning After, Toolbox, Garbage Pail, Long Haul (R)

Racing chairs and theraband.""",
   q="JRR Token", date="2017-08-10", ao="ao-the-bull-ring",
   pax=["Hopsy", "Escobar", "Nemo", "Marlin", "Heartburn", "Kirby", "Halley's Comet", "Outback", "Billy Goat",
        "Fireman Ted", "Huggy Bear", "Morning After", "Toolbox", "Garbage Pail", "Long Haul"],
   note="BillyGoat / Billy Goat")

# ------------------------------------------------------------------ F3 Kernersville (Pax: ..., Name (QIC); Pax then QIC)
U = "https://f3kernersville.com/2018/03/12/backblast-monday-march12-red-white-and-boom/"
bb("f3kernersville", U, """Backblast Monday March12 Red White and Bang

Pax: Sirloin, Provost, Kettle Corn, Sufferance, Cobol, Tagalong, Elle, Gremlin, Latecomer, Einstein, Mudbug, Do Over, Ledger, Red Hen, Happy G, Dr. Doom, CaroLina (QIC)

17 drip-dry pax posted to a dry refuge.""",
   q="CaroLina", date="2018-03-12", ao="ao-school-nine",
   pax=["Sirloin", "Provost", "Kettle Corn", "Sufferance", "Cobol", "Tagalong", "Elle", "Gremlin", "Latecomer", "Einstein",
        "Mudbug", "Do Over", "Ledger", "Red Hen", "Happy G", "Dr. Doom"], posted="2018-03-13",
   note="Q as (QIC) in the PAX list; date only in the title ('March12', no year: the latest one)")
bb("f3kernersville", "https://f3kernersville.com/2020/12/04/backblast-flash-bang-friday-school-six-2-4-20-a-boardgameless-q-a-parker-bros-crawdaddy-venture/",
   """Backblast – Flash Bang Friday – School Nine – 2/4/20 – “A gameless Q”

Pax: Provost, Ponzi, Do Over, Elmer, Kramer, Woodchip, Pool Noodle, Slurry, Gramps, Mudbug

QIC: Mudbug

A group of 10 gathered under falling skies.""",
   q="Mudbug", date="2020-02-04", ao="ao-school-nine", posted="2020-02-07",
   pax=["Provost", "Ponzi", "Do Over", "Elmer", "Kramer", "Woodchip", "Pool Noodle", "Slurry", "Gramps"])
bb("f3kernersville", "https://f3kernersville.com/2020/05/09/backblast-7-11-may-9-2020/", """BackBlast: 7-11 May 9, 2020

Seven escapees stared down a late frost.

The Pax: Elle, Comforter, Latecomer, FNG Quincy, Frosted Flakes, Dr. Doom and CaroLina (QIC).

Warmarama: 15 SSH, 10 Chinooks.""",
   q="CaroLina", date="2020-05-09", ao="ao-school-nine", posted="2020-05-10",
   pax=["Elle", "Comforter", "Latecomer", "Frosted Flakes", "Dr. Doom"], un=["Quincy"], fng=1, note="FNG Name; 'and X (QIC).'")

# ------------------------------------------------------------------ F3 Greensboro (Pax: only, (FNG))
U = "https://f3greensboro.com/2020/03/13/birthday-bash-cougartown/"
bb("f3greensboro", U, """Backblast: Birthday Bash at Cougartown

Pax: Red Dragon, Bobby Knight, TPS, Hall Pass, Airball, See Thru, Matlock, Cupcake (FNG), Patch, Xerox

QIC: Slumlord

We planked, while giving the mission and disclaimer.""",
   q="Slumlord", date="2020-03-13", ao="ao-cougartown", flag="missing",
   pax=["Red Dragon", "Bobby Knight", "TPS", "Hall Pass", "Airball", "See Thru", "Matlock", "Patch", "Xerox"],
   un=["Cupcake"], fng=1)
bb("f3greensboro", U, """Backblast: Track Stations

Pax: Matlock, Xerox, Canary, Centerfold, Hoosier

We ended with a tunnel of love.""",
   q=None, date="2020-03-20", ao="ao-cougartown", flag="missing", status="problem",
   pax=["Matlock", "Xerox", "Canary", "Centerfold", "Hoosier"], note="no Q anywhere: a problem")

# ------------------------------------------------------------------ F3 Suncoast (web form, two QICs, spelling variant)
U = "https://f3suncoast.com/backblasts/two-are-much-better-than-none/"
bb("f3suncoast", U, """When: 10/20/2021


Number of Pax: 7

Pax Names: Birdhole, El Capitan, Freestyle, Peach, Smudge,

Number of FNGS: 1

FNG Names:

QIC: Bird Hole and El Capitan

The BackBlast:

Two subs stood up.""",
   q="Bird Hole", coq=["El Capitan"], date="2021-10-20", ao="ao-the-pier", pax=["Freestyle", "Peach", "Smudge"],
   fng=1, count=7, note="Birdhole / Bird Hole; FNG count with no names")

# ------------------------------------------------------------------ F3 Thibodaux (PAX / AO+date / By)
U = "https://f3thibodaux.com/signposts-strength-and-synchronicity-peter-gabriel-too"
bb("f3thibodaux", U, """PAX: Goose, Popeye, Pope, Paradox, Lil Cuz, Safety Pin, Roxbury, Maneater, Honeysuckle, Yelnats, Duke, BamBam
AO: The Peltch, 01-17-2026
By: America’s Finest
This beat down was formed over a year in my phone notes.""",
   q=None, date="2026-01-17", ao="ao-the-peltch", status="problem",
   pax=["Goose", "Popeye", "Pope", "Paradox", "Lil Cuz", "Safety Pin", "Roxbury", "Maneater", "Honeysuckle", "Yelnats",
        "Duke", "BamBam"], note="AO and date on one line; no Q label (By: is the writer): a problem")

# ------------------------------------------------------------------ F3 Louisville (Back Blast – date – title; Co Q's)
U = "https://f3louisville.com/2022/06/28/4-23-22-back-blast-5-year-convergence-at-the-o-riginal/"
bb("f3louisville", U, """4.23.22 Back Blast – 6 year Convergence at The P-rimary

Q: Gemstone
Co Q’s: Grub, Candlestick, Harry Hurry.
PAX: Bellyflop, Cormorant, Toll Booth, Pampers, Furlough, McNorton

A back blast matters; here is ours.""",
   q="Gemstone", coq=["Grub", "Candlestick", "Harry Hurry"], date="2022-04-23", ao="ao-the-o", posted="2022-06-28",
   pax=["Bellyflop", "Cormorant", "Toll Booth", "Pampers", "Furlough", "McNorton"], note="Co Q’s with curly quote")

# ------------------------------------------------------------------ F3 San Antonio (PAX with (Beer Q) / (Event Q))
U = "https://f3satx.com/?page_id=859"
bb("f3satx", U, """F3 San Antonio CSAUP Backblast: September 17 – 19, 2021

Here’s a brief summary of each event:

Fellowship @ The Brickyard District AO

PAX: Newsboy (Beer Q), The Friar, Blowtorch, Knotty, Sousaphone, Merrow, Detour, Rusty, Lady Luck, Olive Oyl, Stirrup, Hatchling (Event Q)

  • The brisket was outstanding and the weather held.""",
   q="Hatchling", date="2021-09-17", posted="2021-09-20", ao="ao-the-brickyard",
   pax=["Newsboy", "The Friar", "Blowtorch", "Knotty", "Sousaphone", "Merrow", "Detour", "Rusty", "Lady Luck",
        "Olive Oyl", "Stirrup"],
   note="(Event Q) marks the Q; (Beer Q) does not; a weekend range in the title: the fellowship was its first "
        "day (Friday)")

# ------------------------------------------------------------------ F3 RVA / The Fort (COT numberama, QIC named in COT)
U = "https://f3rva.org/2019/07/24/waaay-soj-for-a-pre-roller-coaster-beatdown/"
bb("f3rva", U, """Backblast: Way SOJ Before the Coasters

QIC: Deacon (F3TheFort)
PAX: Punch List, Dirty Harry, Sasquatch, Spiderman, Double Mint

COP: IW, SSH, Hillbillies, Flutter Kicks""",
   q="Deacon", date="2019-07-24", ao="ao-the-coop", flag="missing",
   pax=["Punch List", "Dirty Harry", "Sasquatch", "Spiderman"], un=["Double Mint"], note="visitor not in region")

# ------------------------------------------------------------------ Slack-era posts in each region's label style (plain-text paste)

U = "https://f3hamptonroads.com/backblasts/drop-the-cone-relay-race/"
bb("f3hamptonroads", U, """AO: Down the Creek

When: 03/08/2021


Number of Pax: 9

Pax Names: Cash Cow, Dirt Road, Double Dribble, Jetliner, Gecko, Marketplace, Marvel, Moneybags, Musketeer,

Number of FNGS: 0

FNG Names:

QIC: Jetliner

The BackBlast:

Conditions: cold and clear. Two teams of five, one relay.""",
   q="Jetliner", date="2021-03-08", ao="ao-down-the-creek",
   pax=["Cash Cow", "Dirt Road", "Double Dribble", "Gecko", "Marketplace", "Marvel", "Moneybags", "Musketeer"],
   count=9, note="web form; Q in Pax Names too; count written")

# ------------------------------------------------------------------ alias table (phase 2 loads it from the DB)
U = "https://f3newake.com/backblast-by-billy-goat-on-03-08-2023/"
bb("f3newake", U, """Backblast by Billy Goat on 04/12/2023

AO: Quarantine

Date: 12-Apr-2023

PAX: Boyz II Men, Oscar, Squeaks, Tubesock

Q: Billy Goat""",
   q="Billy Goat", date="2023-04-12", ao="ao-quarantine", pax=["Boyz 2 Men", "Oscar Meyer", "Squeaks", "Tube Sock"],
   alias={"boyz ii men": "Boyz 2 Men", "oscar": "Oscar Meyer"}, mentions=False,
   note="alias table: Boyz II Men, Oscar; Tubesock by spacing")

# ------------------------------------------------------------------ more regions (their narrative; a header style seen on F3 sites)
bb("f3grandstrand", "http://f3grandstrand.myrtlebeacheventmaps.com/backblast/11658/", """Tidepool Thursday
Workout Date:
06/03/2021
QIC:
Pothole
PAX:
Clippers, Gumdrop, Kismet, Strobe, Sand n’ Surf – Ramen (DR from Beaufort, he was late and joined at the end)
The Thang:
Our scheduled Q couldn't make it, so YHC took it and borrowed a page from yesterday's backblast.""",
   q="Pothole", date="2021-06-03", ao="ao-tidepool", pax=["Clippers", "Gumdrop", "Kismet", "Strobe", "Sand n’ Surf"],
   un=["Ramen"], note="each label on its own line, its value on the next; '– Name (DR from ...)' visitor")
bb("f3grandstrand", "http://f3grandstrand.myrtlebeacheventmaps.com/backblast/12/", """01/04/23 Depth Charge, Blocks and Loops

01/04/23 Depth Charge, Blocks and Loops

Workout Date:





Hem Stitch (AOQ), Pot Roast, Gluestick (R), Cheetah, EMT, Freight Car, Tumbleweed, Peppermint, Pizza Dough, Rumble Strip (QIC)

The Thang:

-Conditions: 31 degrees, calm, dark, dry.""",
   q="Rumble Strip", date="2023-01-04", ao="ao-depth-charge",
   pax=["Hem Stitch", "Pot Roast", "Gluestick", "Cheetah", "EMT", "Freight Car", "Tumbleweed", "Peppermint",
        "Pizza Dough"],
   note="title twice, opening with the date; empty 'Workout Date:'; unlabelled PAX list, (QIC) names the Q, "
        "(AOQ) is the site Q")
# F3 Swamp Rabbit: its own bullet layout (Workout Date - / Q In Charge - / The PAX - / AO -); more in regions/f3swamprabbit.py
bb("f3swamprabbit", "http://f3swamprabbit.com/backblast/what-happens-when-half-your-pax-q/", """What happens when three of six Q?

  • Workout Date - 01/10/2015
  • Q In Charge - Hot Sauce, Plunger & YHC, Crumb
  • The PAX - Gator, Flip Phone, FNG Dale Short - Cold Snap (WB), Hot Sauce (Q1), Plunger (Q2) and Crumb (WD)
  • AO -

A triple Q for a pax of six. Hot Sauce led off with SSH and a disclaimer for the FNG.""",
   q="Hot Sauce", coq=["Plunger", "Crumb"], date="2015-01-10", ao="ao-powder-room", poster="Crumb",
   pax=["Gator", "Flip Phone"], un=["Cold Snap"], fng=1,
   note="' - ' separators; 'YHC, Crumb' is the poster; FNG 'real name - F3 name' is one man (named Cold Snap); "
        "(WB)/(Q1)/(Q2)/(WD) notes; empty AO line")

# ------------------------------------------------------------------ negatives: preblasts, sign-ups, schedules, announcements
U = "http://f3southcharlotte.com/2020/07/07/impact-local-5k-10k/"
neg("f3southcharlotte", U, """Impact Local 5k/10K Preblast!

  • When:07/18/2020
  • QIC: Strawberry and Kirby

We always wondered how many 5K races happen on a weekend. Bring your own hydration.""", users=["Strawberry", "Kirby"])
neg("f3thefort", "https://f3thefort.com/category/golden-corral/page/22", """PRE BLAST F3 The Fort 6th Annual Invergence

What:  Fort Mill Invergence (6th anniversary party)
When:  Friday, September 21, 5:30pm – 10:00pm
Where:  Rush Pavilion at the Greenway
Bring:  Food, drink, chair, cash""")
neg("f3raleigh", "https://f3raleigh.com/convergence-whats-a-convergence", """Memorial Day will be the region’s first convergence.

Site: Garner Station, at Garner Recreational Park
Date: Memorial Day, 2021, May 31
Time: 5:30-6:30am""")
neg("f3louisville", "https://f3louisville.com/author/backdraft2/#07-13-19-pre-blast", """07-13-19 Pre-blast – Tailwind/Pinocchio (Ghost) Q – 2 Year Postiversary @ Le Hound

Tomorrow is our 2 year postiversary at The Hound!
Q: Tailwind
AO: Le Hound
When: 0530""", users=["Tailwind"])
neg("f3louisville", "https://f3louisville.com/author/backdraft2/#pre-blast-the-mutt-09-11-18", """Pre-Blast – The Hound – 09/11/18 – 17th Anniversary of 9/11

The four Qs at each AO put our heads together.
Q: Tailwind
PAX: all welcome, bring a ruck""", users=["Tailwind"])
neg("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2019-5-16-backblast-162-7-of-diamonds/", """Preblast via Slack 5/15/19

Mad Cow on the Q – Thursday morning. Who’s ready to play the ‘7 of Diamonds’ card?

AO – Hospital Hill""", users=["Mad Cow"])
neg("f3grandrapids", "https://www.f3grandrapids.com/backblasts/backblast-749-first-date-circuit-of-struggle/", """Pre-Blast: First date Q tomorrow morning at Manhattan Park. HC here, coupons required.
AO: Manhattan Park
QIC: Prom Date""", users=["Prom Date"])
neg("f3louisville", "https://f3louisville.com/author/backdraft2/#11-06-19-the-heavy-blender-go-cats", """11-06-19 – The Heavy Mixer – Go BIRDS!!

It should be perfect weather for The Heavy Mixer tomorrow morning. Come out to The Hound.
Q: Tailwind
When: Wednesday 0530
Where: The Hound""", users=["Tailwind"])
neg("f3gastonia", "https://f3gastonia.com/tag/csaup/page/6", """  • Post Type: Preblast
  • When: 04/08/2017
  • AO: Rankin Lake
  • QIC: Freight
Burpeethon for Special Olympics, preregister at any AO this week.""", users=["Freight"])
neg("f3rva", "https://f3rva.org/2023/04/29/coupon-count-10-err-9/", """CSAUP May 6 at Currahee – see the pre-Blast
Ruck 6am, Bootcamp 7am, Relay Run 8am
Q: Gomer Pyle""", users=["Gomer Pyle"])
neg("f3jax", "https://f3jax.com/author/bowzer/", """Poll for Saturday's Q at Ant Farm: 1. cinderblocks 2. pearls on a string 3. make it up
Q: Koopa
When: Saturday 0630""", users=["Koopa"])
neg("f3swamprabbit", "http://f3swamprabbit.com/Cat/backblast/page/82/", """F3 Golf Classic – Update
ONLINE REGISTRATION IS CLOSED.
When: May 29 at 1pm
Where: Olde Sycamore Golf Club""")
neg("f3waxhaw", "https://f3waxhaw.com/2020/02/21/paybacks-a-actually-the-title-is-persistence/", """Announcement: F3 Waxhaw event this Saturday at the high school, I think… reach out to one of the Pax for more info.

Prayers for Frack""", users=["Bottle Cap", "Frack"], note="the announcement line of a narrative-only Waxhaw post")
neg("f3cleveland", "https://f3cleveland.com/f3maychallenge/", """2024 F3 May Challenge
Teams of four PAX compete for supremacy.
When: May 1-31
Sign up: link in the thread""")
neg("f3thefort", "http://f3thefort.com/category/beyond/", """F3 The Fort – Adopt a Highway (#2)

****April 9th 2022- 7:30am – 7:45am****

Men,

We signed up for the Adopt-A-Highway pick-up: 2 miles of US21. Vests and bags provided, just show up.

Halfpipe will be the main contact for this event.""", users=["Halfpipe"], note="announcement with a starred date line")
bb("f3omaha", "https://f3omaha.com/2022/02/07/golden-spike-2-4-22-dr-q-from-taps/", """Backblast!  Stadium Steps
Date: 04/22/2022
AO:   Golden Spike
PAX: Herky, Chiclet, Barn Owl
FNGs:  0
Q:   Folsom
Total Pax:  4""",
   q="Folsom", date="2022-04-22", ao="ao-golden-spike", pax=["Herky", "Chiclet", "Barn Owl"], count=4)
