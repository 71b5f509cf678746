"""Held-out set, part 2 (see zz_heldout_1.py): backblasts copying the header layout of real posts no other case
copies; names, AOs and narrative invented; truth written by hand.  Notes start with "held-out:"."""

from cases_src import bb

# Cherokee web form with a title after 'The BackBlast:'; a man on his first visit to the AO is no FNG
bb("f3cherokee", "https://f3cherokee.com/backblasts/tennis-can-baton/", """AO: Tin Man

When: 02/16/2021


Number of Pax: 9

Pax Names: Anchovy, Bunsen, Cornhole, Drifter, Hatbox, Ladle, Mongoose, Quicksand, Zamboni,

Number of FNGS: 0

FNG Names:

QIC: Quicksand

The BackBlast:


Pool Noodle Relay


Mosey toward the creek, through the gate and up for 25 silent count SSH.

Welcome Drifter! His first visit to the Tin Man!! Right out of the gate he tried to lead the pax into the trees.""",
   q="Quicksand", date="2021-02-16", ao="ao-tin-man",
   pax=["Anchovy", "Bunsen", "Cornhole", "Drifter", "Hatbox", "Ladle", "Mongoose", "Zamboni"], count=9,
   note="held-out: web form; a title line after 'The BackBlast:'; 'first visit' is not an FNG")

# Cherokee web form without 'The BackBlast:' (the text follows QIC directly)
bb("f3cherokee", "https://f3cherokee.com/backblasts/rattles-n-ache/", """AO: Copperhead Cove

When: 06/09/2021


Number of Pax: 4

Pax Names: Bilge Pump, Flapjack, Moonpie, Stopwatch,

Number of FNGS: 0

FNG Names:

QIC: Stopwatch

YHC was up and rolling at 0415 to brew coffee, drive the route and get in a short pre-ruck.  Bilge Pump and
Moonpie arrived while I looped the square one last time.""",
   q="Stopwatch", date="2021-06-09", ao="ao-copperhead-cove",
   pax=["Bilge Pump", "Flapjack", "Moonpie"], count=4,
   note="held-out: web form without 'The BackBlast:'; the text starts right after the QIC line")

# NE Wake: slackblast block (AO / Q / PAX with real names in parens / FNGs: None / Count: N) followed by the
# writer's own block (AO / Date: dd-Mon-yyyy / Theme / Pax: short names / Q / Conditions) naming the same men
bb("f3newake", "https://f3newake.com/backblast-by-billy-goat-on-03-14-2024/", """Backblast by Mule Deer on 03/14/2025

Backblast! Pi4 Live Free or Pi Hard

AO: Dial Up
Q: Mule Deer
PAX: ATM Andy, Flap-Jack (Pete), Hinges (Ron Tate), Pac Man (Lou Fisk), Dowel (Dan Wolfe), F3 R and R, Gizmo (Tim), Jay Bird – Shane, Pickle (Sam Hall), Spoke (Geoff)
FNGs: None
Count: 11

AO: Dial Up
Date: 14-Mar-2025
Theme: Pi4 Live Free or Pi Hard
Pax: R&R, ATM, Flapjack, Hinges, Pac Man, Dowel, Gizmo, Jay-Bird, Pickle, Spoke
Q: Mule Deer
Conditions: Cold and clear

Eleven Pax celebrated NE Wake’s 4th Annual “Pi Day” with YHQ at the helm. A circle of 22 cones and 7 coupons
made for a total goat rodeo.""",
   q="Mule Deer", date="2025-03-14", ao="ao-dial-up",
   pax=["ATM", "Flapjack", "Hinges", "Pac Man", "Dowel", "R&R", "Gizmo", "Jay Bird", "Pickle", "Spoke"], count=11,
   real={"ATM": "Andy Mott", "Flapjack": "Pete Rowe", "Hinges": "Ron Tate", "Pac Man": "Lou Fisk",
         "Dowel": "Dan Wolfe", "Gizmo": "Tim Reed", "Jay Bird": "Shane Cole", "Pickle": "Sam Hall",
         "Spoke": "Geoff Lang"},
   mentions=False,
   note="held-out: two header blocks naming the same 11 men two ways: 'Name (Real Name)', 'Name Firstname', "
        "'Name – Firstname', 'F3 R and R' vs 'R&R', 'Flap-Jack' vs 'Flapjack', 'Jay Bird' vs 'Jay-Bird'; "
        "'Date: 14-Mar-2025'; 'FNGs: None'")

# Gastonia bullets with an AO line; the Q is not in the PAX list; posted days later
bb("f3gastonia", "https://f3gastonia.com/2022/10/06/161-hour-rule/", """150 Hour Rule

  • Post Type: Backblast
  • When: 04/07/2023
  • AO: Uptown
  • QIC: Provolone
  • FNG's:
  • PAX: Busted (R), Fire Sale (R), KK, Smooth Rider (R), Purple Rain (R), Skipper, Coleslaw

So we here in the region have the understanding that backblasts should be posted within 48 hours. 150 hours ain’t
good. My apologies.""",
   q="Provolone", date="2023-04-07", posted="2023-04-13", ao="ao-uptown",
   pax=["Busted", "Fire Sale", "KK", "Smooth Rider", "Purple Rain", "Skipper", "Coleslaw"], count=8,
   note="held-out: bullets with AO; Q not in the PAX list; posted six days after the workout")

bb("f3gastonia", "https://f3gastonia.com/2019/12/15/the-second-week-of-the-pub-christmas-party", """The Third Week of the Tavern Christmas Party

  • Post Type: Backblast
  • When: 12/17/2020
  • AO: The Tavern
  • QIC: Rascal
  • FNG's:
  • PAX: Gaston, Gumdrop, Diesel, TJ, Brother Act, Clapper (respect), Busted, Coleslaw, Stinkbug

Here is what we did at the Tavern.  We ran.  We ran the reverse of last week's route.""",
   q="Rascal", date="2020-12-17", posted="2020-12-20", ao="ao-the-tavern",
   pax=["Gaston", "Gumdrop", "Diesel", "TJ", "Brother Act", "Clapper", "Busted", "Coleslaw", "Stinkbug"], count=10,
   note="held-out: bullets with AO; '(respect)'; Q not in the PAX list; posted three days later")

# Grand Rapids: "Pax: ..., (FNG) Name, QIC Name (aka Old Name)"; no date; "(record – 12)" in the text
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/2018-6-29-backblast-016-tour-de-grand-rapids/",
   """BackBlast 021 – Tour de Riverside

Pax: LOL, Uncle Jesse, Johnny Rocket, Mad Hatter, Road Rash, Walkie, Frogger, ChillBro, Patrick Star, JB, (FNG) Mr. Know-It-All, QIC Golden Eagle (aka Hawkeye)

With visitors in town, the PAX rallied for a Friday post at a new AO. Based on the turn-out (record – 12), the
region is building momentum.""",
   q="Golden Eagle", date="2018-07-13", ao="ao-black-ops", flag="missing",
   pax=["LOL", "Uncle Jesse", "Johnny Rocket", "Mad Hatter", "Road Rash", "Walkie", "Frogger", "ChillBro",
        "Patrick Star", "JB"], un=["Mr. Know-It-All"], fng=1, count=12,
   note="held-out: '(FNG) Name' marker BEFORE the name; 'QIC Name (aka Old Name)' ends the list; no date")

# Grand Rapids launch: "Pax: a, ..., FNG – Name, ..., Name – Q." after two paragraphs; visitors are not Slack users
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/bb001/", """BackBlast 001 – Launch Day

Shovel Flag - F3RR

Four pax from F3 Snow Belt (our lake-effect brothers) rolled into the lot at 0645, eager to help us get off the
ground. Six River Rouge area pax rolled in just before 0700 and a new shovel got its flag.

The disclaimer was disclaimed, coupons were unloaded and shared, and a brief overview of F3 was given by YHC.

Pax: Jawbreaker, Hollow Tip, Pong, FNG – Cave Troll, Starfish, Shovel, Honey Badger, FNG – Ms. Pac, Rider, Ridge Runner – Q.


20 – SSH – IC""",
   q="Ridge Runner", date="2019-05-04", ao="ao-the-hill", flag="missing",
   pax=["Jawbreaker", "Starfish", "Shovel"], un=["Hollow Tip", "Pong", "Honey Badger", "Rider", "Cave Troll", "Ms. Pac"],
   fng=2, count=10,
   note="held-out: PAX list after two paragraphs; 'FNG – Name' items; 'Name – Q.' ends the list; four visitors "
        "from another region are in no Slack here (unmatched, counted); no date")

# Grand Rapids: AO / Workout Date / PAX / Pre-Blast: ... 'with a NAME at the reigns' / principles; no QIC line
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/backblast-905-happy-4th-anniversary-f3-grand-rapids/",
   """Backblast #1012 – Happy 5th Anniversary F3 River Rouge

AO: Foundry Hill
Workout Date: 06/01/2023
PAX: Tank Engine, Chunks, Hoffa, Kokopelli, Deep Dish, Lessor, Homer Simpson, Guy Fieri, Gravy Boat, Ponzi, Golden Eagle
Pre-Blast: Five years ago this week F3 River Rouge was born. Let's celebrate @ Foundry Hill with a BLUE OX at the reigns.

5 Core Principles: Free of charge | Open to all men | Held outdoors, rain or shine, hot or cold | Led by men who participate in the workout in a rotating fashion with no training or certification necessary | End w/ a Circle of Trust


YHC was supposed to scout out Foundry Hill before the beatdown, but that never happened.""",
   q="Blue Ox", date="2023-06-01", ao="ao-foundry-hill",
   pax=["Tank Engine", "Chunks", "Hoffa", "Kokopelli", "Deep Dish", "Lessor", "Homer Simpson", "Guy Fieri",
        "Gravy Boat", "Ponzi", "Golden Eagle"], count=12,
   note="held-out: no QIC line; the Q is named only in the Pre-Blast line ('with a BLUE OX at the reigns', in "
        "capitals) and writes as YHC (he is the poster, not in the PAX list)")

# Grand Rapids: short intro, "Pax: ..., Name (Other Region), ..., Q (QIC)." ; no date
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts/tag/workouts#backblast-208-into-the-woods-with-a-frisbee",
   """Backblast #231 - Down the Trail with a Football

With Sheriff and Muddy in town from F3 Lansing for the day only, ChillBro suggested a Black Ops workout and YHC stepped up to Q it.

Pax: Lessor, Tank Engine, Road Rash, Chill Bro, Soft Serve, Muddy (Lansing), Sheriff (Lansing), Golden Eagle (QIC).

The pax gathered after some minor challenges locating the new AO and jumped right into it""",
   q="Golden Eagle", date="2019-07-19", ao="ao-black-ops", flag="missing",
   pax=["Lessor", "Tank Engine", "Road Rash", "Chill Bro", "Soft Serve"], un=["Muddy", "Sheriff"], count=8,
   note="held-out: visitors marked with their home region in parens (not Slack users); 'Q (QIC).' ends the list; "
        "no date")

# EC2-hosted Alpha form: title / AO / When: yyyy-mm-dd / QIC / PAX (n): list incl. the Q
bb("f3alpha", "https://ec2-34-194-89-34.compute-1.amazonaws.com/backblast/2024/03/17/are-you-ready-for-some-football/",
   """Who wants some Dodgeball?

AO: Paradiso

When: 2024-04-13

QIC: Allemande

PAX (9): Allemande, Birdshot, CoorsLight, Cupcake, Double D, Kite, Ratchet, Shortstop, Wrangler


QIC promised some play-time if we put in the work first.""",
   q="Allemande", date="2024-04-13", posted="2024-04-14", ao="ao-paradiso",
   pax=["Birdshot", "CoorsLight", "Cupcake", "Double D", "Kite", "Ratchet", "Shortstop", "Wrangler"], count=9,
   note="held-out: ISO date; 'PAX (9):' count in the label; Q in the list")

# Jax bullets: QIC names four men; The PAX with irregular spacing around commas, (r)/(rr) glued to names
bb("f3jax", "https://f3jax.com/2023/01/14/no-q-and-its-freezing/", """No Q and it’s pouring

Posted on Posted in Backblasts
  • When: 02/04/2023
  • QIC: Hercules, Nickel Back, Grandpa Smurf, Recliner
  • The PAX: Hercules, Recliner, Lasso ,Nickel Back,Misdemeanor,Upside down(r),Doghouse(r),C for Carl(r),Maid Service(r),Grandpa Smurf(rr),

The Pax met uncertainty head on this morning in the sideways rain. Sometimes signing up to Q is a chore for the
men of Neptune, but 4 brave souls leapt to the front of the group and got after it.""",
   q="Hercules", coq=["Nickel Back", "Grandpa Smurf", "Recliner"], date="2023-02-04", ao="ao-neptune",
   pax=["Lasso", "Misdemeanor", "Upside Down", "Doghouse", "C for Carl", "Maid Service"], count=10,
   note="held-out: four Qs on the QIC line; PAX list with ' ,' and no spaces after commas, '(r)'/'(rr)' glued to "
        "names, trailing comma; 'Upside down' vs Slack 'Upside Down'")

# "TITLE with date and @handles" / Q: Name (long note) / Pax (N, 2 FNGs, or was it M?): a (YHC), ..., b (FNG), ...
bb("f3louisville", "https://f3louisville.com/2017/12/09/you-should-read-12-9-q-lead-convergence-backblast-from-f3louisville-darkhelmetf3-getbetter-isi/",
   """YOU SHOULD READ: 3/10 Q/Lead/Convergence Backblast from @F3Riverbend @snowplowF3 #getbetter #ISI

Q: Snowplow (DR, NC F3Nation Royalty on a mission to GROW)

Pax (20, 2 FNGs, or was it 30?): Captain Crunch (YHC), Mug, Wedding Crasher, Triple Dog (respect), Red Barn, Hazard, Cataract, Tombstone, Swifty, Water Boy, Bumblebee (respect), Kilowatt, Tron, Altar Boy (FNG), Mr. Bowtie, Hobbit, Preterm (FNG), Abacus, Spinal Tap (Yanni), Snowplow

There are many moments from today that I hope my over-taxed, tiny brain can remember.""",
   q="Snowplow", date="2018-03-10", ao="ao-convergence", poster="Captain Crunch",
   pax=["Captain Crunch", "Mug", "Wedding Crasher", "Triple Dog", "Red Barn", "Hazard", "Cataract", "Tombstone",
        "Swifty", "Water Boy", "Bumblebee", "Kilowatt", "Tron", "Mr. Bowtie", "Hobbit", "Abacus", "Spinal Tap"],
   un=["Altar Boy", "Preterm"], fng=2, count=20,
   note="held-out: date without a year and '@handles' in the title; a long note in parens after the Q; "
        "'Pax (20, 2 FNGs, or was it 30?):' (the count is 20, as listed); '(YHC)' after the writer's own name; "
        "'(Yanni)' nickname note")

# Boone, posted on behalf of the Qs: "F3 Boone – AO – m/d/yy" / Pax List:   ... / Co-Q’s: A & B
bb("f3boone", "https://f3boone.wordpress.com/news/page/2/#maybe-hops-double-play-co-qic-festival-of-pain",
   """Sometimes/Barley Double Play Co-QIC Festival of Pain

Posted on behalf of Barley (and Sometimes kinda sorta):

F3 Boone – The Homestead – 8/17/19

Pax List:   Thunder Road, Fingers (FNG), Butcher Block, Outback, Polaroid, Thelma, Kazoo, Bobcat, Zipline, Rock & Roll, DIY, Armor, Sometimes, Barley

Co-Q’s: Sometimes & Barley

Ye Olde Moleskinny Thang:

YHC pulled in to the launch lot about 0645 and it warmed my soul to see the Shovel Flag flying.""",
   q="Sometimes", coq=["Barley"], date="2019-08-17", ao="ao-the-homestead", poster="Webmaster",
   pax=["Thunder Road", "Butcher Block", "Outback", "Polaroid", "Thelma", "Kazoo", "Bobcat", "Zipline", "Rock & Roll",
        "DIY", "Armor"], un=["Fingers"], fng=1, count=14,
   note="held-out: posted by someone else on behalf of the Qs; region – AO – date line; 'Pax List:' with extra "
        "spaces; 'Co-Q’s: A & B' (first named taken as the Q); 'Rock & Roll' is one man")

# Boone: "Title ~ mm/dd/yyyy" / caption / AO / Conditions / PAX: ..., Visitor (Home Region), ..., Q (Q) = N
bb("f3boone", "https://f3boone.wordpress.com/2021/10/18/god-loves-f3-boone-a-homestead-backblast-1-16-2021/",
   """Rain Check, Boone: A homestead backblast ~ 11/13/2021

…No thanks, weatherman.

AO: Homestead
Conditions: 45 degrees, threatened with sleet, treated with sunshine, 9/10 Al Rokers
PAX: FERPA, T.B.D., Alfonso, Bake’N Shake, Yoda, Happy Trees (Mooresville), Triple D (The Fort), Polaroid (Q) = 8

It’s a tale as old as time: You just can’t trust the weatherman.""",
   q="Polaroid", date="2021-11-13", posted="2021-11-15", ao="ao-homestead",
   pax=["FERPA", "TBD", "Alfonso", "Bake’N Shake", "Yoda"], un=["Happy Trees", "Triple D"], count=8,
   note="held-out: '= 8' count after the list; visitors with their home region in parens (no Slack users here); "
        "'T.B.D.' for Slack 'TBD'; a '~ mm/dd/yyyy' date in the title; posted two days later")

# NE Wake: "F3: Theme" / Date: dd-Mon-yyyy / AO / PAX / Q: ~Old~ New (the planned Q struck through in Slack)
bb("f3newake", "https://f3newake.com/backblast-by-billy-goat-on-04-20-2023/", """Backblast by Mule Deer on 10/31/2023

F3: The Headless Horseman

Date: 31-Oct-2023

AO: Dial Up

PAX: R&R, Work Order, Hinges, Elmo, Plunger, Heretic, Sleigh Bell, Pickle, Spoke, Squeegee, Halter Top, Wrigley Field

Q: ~Halter Top~ Mule Deer

Less than a minute into the preamble, Halter Top was replaced by a headless rider of indeterminate age (aka YHQ,
Mule Deer).""",
   q="Mule Deer", date="2023-10-31", ao="ao-dial-up",
   pax=["R&R", "Work Order", "Hinges", "Elmo", "Plunger", "Heretic", "Sleigh Bell", "Pickle", "Spoke", "Squeegee",
        "Halter Top", "Wrigley Field"], count=13,
   note="held-out: Q line with the planned Q struck through (Slack '~Name~') and the real Q after it; the "
        "struck-through man is in the PAX list, the Q is not")

# NOLA: title repeated, "PAX:list" without QIC; the writer led ('YHC made it ten'); the FNG is only identified in
# the text (the one man not among the named others), unmarked in the list
bb("f3nola", "https://f3nola.com/2022/10/29/q-for-sale-from-fracsac", """Q for Rent – from Backspin
Q for Rent – from Backspin

Q for Rent – from Backspin

PAX:Redfish, Backspin, Mudboat, Professor, Blueprint, Rowdy, Double Shift, Ogre, Spatula, Bear Claw

The Mothership needed a Q, so YHC stepped up around T minus 12 hours. Ogre and Spatula posted, with the latter
bringing an FNG. The six others were Mudboat, Rowdy, Professor, Redfish, Double Shift and Blueprint. YHC made it ten.""",
   q="Backspin", date="2022-10-29", ao="ao-the-mothership", flag="missing",
   pax=["Redfish", "Mudboat", "Professor", "Blueprint", "Rowdy", "Double Shift", "Ogre", "Spatula"],
   un=["Bear Claw"], fng=1, count=10,
   note="held-out: no QIC line, the writer (in the list) led; the FNG is unmarked in the list and identified only "
        "by the text; title line repeated three times; no date")

# Greensboro: "Month D, YYYY" / AO: / Pax: ..., FNG(Name), Old Name aka Name (Q)
bb("f3greensboro", "https://f3greensboro.com/2021/10/30/nordic-halloween/", """November 20, 2021
AO: Ski Lift
Pax: White Stork, Misfit, Bleep, Stick Shift, FNG(Shuttlecock), Attic Dweller aka Wild Dog (Q)

I had my plans all laid out for a fun Thanksgiving beatdown. Plan A was changed due to a band using the field. No
big deal, learn to adjust and move on.""",
   q="Wild Dog", date="2021-11-20", ao="ao-ski-lift",
   pax=["White Stork", "Misfit", "Bleep", "Stick Shift"], un=["Shuttlecock"], fng=1, count=6,
   note="held-out: date line 'Month D, YYYY' first; 'FNG(Name)' glued; the Q as 'Old Name aka Name (Q)'")
