"""F3 Columbus (OH), front page and author page posts: 'AO Name Backblast mm.dd.yyyy' title, QIC / PAX with ';' between
names; pre-blasts on the listing pages with AO / QIC / When / Who / Business or Where / When / QIC / Who / What /
Weather blocks."""

from cases_src import bb, neg

bb("f3columbus", "https://f3columbus.com/author/murfmurphy/#ao-westgate-backblast-10-18-2018", """AO Eastgate Backblast 11.08.2018

QIC: Roller Chain
PAX: Dovetail; Seltzer; Pontiac; Blazer; Skylark

A lap of the lot, then steps at the rec center until the clock ran out.""",
   q="Roller Chain", date="2018-11-08", ao="ao-eastgate", channel="backblasts", posted="2018-11-09",
   pax=["Dovetail", "Seltzer", "Pontiac", "Blazer", "Skylark"],
   note="names separated by ';'; the AO only in the title ('AO Eastgate Backblast'); date only in the title")


bb("f3columbus", "https://f3columbus.com/page/38/#columbus-day-10-9-back-blast", """Veterans Day 11.11 Back-Blast


What: The Badger @F3Fortgray (Lincoln Middle School)

When: Monday (Veterans Day) 11.11.19 0530-0615

QIC: Woody Hayes

PAX: Buckeye Nut, Prudence, Hack Saw, 7-11, Roller Chain, Tycoon, Dovetail, Ohhh

Flag planted at 0530 sharp, a mosey down Arlington to the five-way and back.""",
   q="Woody Hayes", date="2019-11-11", ao="ao-the-badger", channel="backblasts",
   pax=["Buckeye Nut", "Prudence", "Hack Saw", "7-11", "Roller Chain", "Tycoon", "Dovetail", "Ohhh"],
   note="'What:' names the AO with its @handle and the school in parens; 'When:' holds weekday, holiday, "
        "a dotted date with a two-digit year and the time; a name '7-11'")

bb("f3columbus", "https://f3columbus.com/page/38/#back-blast-10-07-2017-this-and-that", """Back-Blast 11.16.2019: Odds and Ends

Where: The Playhouse (aka Whetstone Park)
When: 0700-0800

QIC: Parachute

PAX: Lion, Bo, Jamie Farr, Minnow, Nickel, 7-11, Rip-Tide, Sharapova, Van-Halen (Respect), Sloppy Joe (Dayton), Tycoon

Saturday, so an hour: a run through the park with stops for coupons.""",
   q="Parachute", date="2019-11-16", ao="ao-the-playhouse", channel="backblasts", posted="2019-11-19",
   pax=["Lion", "Bo", "Jamie Farr", "Minnow", "Nickel", "7-11", "Rip-Tide", "Sharapova", "Van-Halen", "Tycoon"],
   un=["Sloppy Joe"],
   note="'When:' holds only the time (date only in the title); '(aka ...)' after the AO; a visitor marked (City)")

neg("f3columbus", "https://f3columbus.com/page/38/#columbus-day-10-9-pre-blast", """Veterans Day 11.11 : Pre-Blast

They stood the watch so we could sleep; the least we owe is an hour in the gloom.

Who: every able man of the PAX

Where: Fort Gray (Lincoln Middle School)

What: a march through the gloom for those who served!

weather: irrelevant, dress for it!

QIC: Woody Hayes""", channel="ao-general", posted="2019-11-10", users=["Woody Hayes"],
    note="pre-blast with Who / Where / What / QIC")

neg("f3columbus", "https://f3columbus.com/page/38/#pre-blast-9-27-2017-first-timer-fun", """Pre-Blast 3.14.2018: Pi Day Pain

AO: The Quarry aka Hilltop Park (1200 Ridge Rd)

QIC: Lugnut (VQ – HERE WE GO!)

When: 0530 – 0615

Who: PAX and FNGs

Business: Circles all morning. Bring a coupon and your best 3.14 jokes.""",
    users=["Lugnut"], posted="2018-03-13", note="pre-blast: AO / QIC / When / Who / Business, blank-line separated")
neg("f3columbus", "https://f3columbus.com/category/columbus-wo/page/2/#pre-blast-10-28-17-monster-mash",
    """Pre-Blast 12.23.17: “Ugly Sweater Shuffle”

Where: The Foundry (Schiller Park; 1000 City Park Ave)

When: 0700 – 0800

QIC: 4-Square

Who: All PAX and FNGs

What: Wear the ugliest sweater you own over your gear. Coupons and carols, no mercy.

Weather: Cold with a chance of flurries, low 20s""",
    users=["4-Square"], posted="2017-12-22", note="pre-blast: Where / When / QIC / Who / What / Weather")
