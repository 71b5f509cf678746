"""F3 Columbus (OH), front page posts: 'AO Name Backblast mm.dd.yyyy' title, QIC / PAX with ';' between
names; pre-blasts with Who / When / Where / Weather / Why / What."""

from cases_src import bb, neg

bb("f3columbus", "https://f3columbus.com/#ao-westgate-backblast-10-18-2018", """AO Eastgate Backblast 11.08.2018

QIC: Roller Chain
PAX: Dovetail; Spritz; Pontiac; Blazer; Skylark

A lap of the lot, then steps at the rec center until the clock ran out.""",
   q="Roller Chain", date="2018-11-08", ao="ao-eastgate", channel="backblasts", posted="2018-11-09",
   pax=["Dovetail", "Spritz", "Pontiac", "Blazer", "Skylark"],
   note="names separated by ';'; the AO only in the title ('AO Eastgate Backblast'); date only in the title")

neg("f3columbus", "https://f3columbus.com/#west-side-best-side-pre-blast-10-15-2018",
    """North End Strong Pre-Blast 11.05.2018

Who: Every man who wants to get better
When: 0545-0630
Where: NEW SPOT Linden Park shelter house and ball fields 1400 Briarwood Ave
Weather: Irrelevant…
Why: Because “it’s too far” is not an excuse on the North End anymore.
What: 45 minutes of a little of everything. Bring gloves.""", channel="ao-general", posted="2018-11-04",
    note="pre-blast with Who / When / Where labels")

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
