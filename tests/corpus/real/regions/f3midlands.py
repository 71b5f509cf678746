"""F3 Midlands (f3midlands.com: Columbia, Lake Murray, Lexington SC): WordPress bullets "When: / QIC: / The PAX:"
first, the post title after them. Dates as 01/23/16 or 2019-10-29."""

from cases_src import bb, neg

U = "https://www.f3midlands.com/columbia-sc/the-cottonmouth-gets-frostbitten"
bb("f3midlands", U, """  • When: 01/20/24
  • QIC: Sinkhole
  • The PAX: Dynamite, Crater, Hacksaw, Lil Tardy, Gopher, Marsh Hen, Ringo, Tadpole, Grits, Hot Tamale (FNG), Wishbone, Pinecone,Sardine (FNG) ,Gullah, Sinkhole

The Swamp Rat Gets Iced

Not snow, not ice, not several push backs could keep 15 PAX away from the frozen edition.""",
   q="Sinkhole", date="2024-01-20", ao="ao-brickyard",
   pax=["Dynamite", "Crater", "Hacksaw", "Lil Tardy", "Gopher", "Marsh Hen", "Ringo", "Tadpole", "Grits", "Wishbone",
        "Pinecone", "Gullah"], un=["Hot Tamale", "Sardine"], fng=2,
   note="bullets before the title; uneven comma spacing 'Pinecone,Sardine (FNG) ,Gullah'; Q last in the list")

U = "https://www.f3midlands.com/lexington-sc/5-year-anniversary-convergence"
bb("f3midlands", U, """  • When: 2024-03-02
  • QIC: Bullpen, Floppy Ear, Ken Doll, Mac Daddy, No Help
  • The PAX: Bullpen, Floppy Ear, Ken Doll, Mac Daddy, No Help, Ranger, Rocking Horse, Swabbie, Good Hands, Say What!?, Ctrl-Alt-Delete, Fool's Errand, FNG-Hamhock, Wee Bit, GED, FNG-Dorothea, Knozit

5-Year Anniversary Convergence

Five years ago men converged at the high school to launch what became the Graveyard.""",
   q="Bullpen", coq=["Floppy Ear", "Ken Doll", "Mac Daddy", "No Help"], date="2024-03-02", ao="ao-graveyard",
   pax=["Ranger", "Rocking Horse", "Swabbie", "Good Hands", "Say What!?", "Ctrl-Alt-Delete", "Fool's Errand", "Wee Bit",
        "GED", "Knozit"], un=["Hamhock", "Dorothea"], fng=2,
   note="ISO date; five QICs also listed first in The PAX; names with '!?', hyphens, apostrophe; FNG-Name")

U = "https://www.f3midlands.com/lake-murray-sc/what-is-your-legacy"
bb("f3midlands", U, """  • When: 2024-10-29
  • QIC: Copper Top
  • The PAX: Walrus (knuckle), Gravel Pit, Odin, Fudge Pop, Flip Flop, Drizzle, Leonard, Biscuit Jr, Sunblock, QTip, Marla, Phone Tag, Lover Boy, Copper Top (QIC)

What Will They Remember?

Sixty degrees and clear until the fog rolled in; 14 #MenOfTheDock added to it.""",
   q="Copper Top", date="2024-10-29", ao="ao-the-dock",
   pax=["Walrus", "Gravel Pit", "Odin", "Fudge Pop", "Flip Flop", "Drizzle", "Leonard", "Biscuit Jr", "Sunblock", "QTip",
        "Marla", "Phone Tag", "Lover Boy"], note="a note in parens after a name; 'Name (QIC)' last in the list")

U = "https://www.f3midlands.com/columbia-sc/welcome-to-lake-murray"
bb("f3midlands", U, """  • When: 08/03/24
  • QIC: Neck Roll, Havoc, Smokestack, Brother Bo, A1 Sauce, Aristotle
  • The PAX: Altar Call, Burglar, Sinkhole, Reactor, Roomie, Quicksilver, Woodchuck, Booth, Mission Creep, Scotch Tape, Clipboard, Neck Roll, Havoc, Smokestack, Brother Bo, A1 Sauce, Aristotle, Gus Palmer FNG (Higgins), Dan Hassle FNG (Tackle Box)

Welcome to the Lake!

19 PAX (2 FNGs) descended upon the hallowed ground of the new AO.""",
   q="Neck Roll", coq=["Havoc", "Smokestack", "Brother Bo", "A1 Sauce", "Aristotle"], date="2024-08-03",
   ao="ao-the-strut",
   pax=["Altar Call", "Burglar", "Sinkhole", "Reactor", "Roomie", "Quicksilver", "Woodchuck", "Booth", "Mission Creep",
        "Scotch Tape", "Clipboard"], un=["Higgins", "Tackle Box"], fng=2,
   note="six QICs; FNG as 'Real Name FNG (F3 name)': the F3 name is the man")

U = "https://www.f3midlands.com/lake-murray-sc/back-in-black"
bb("f3midlands", U, """  • When: 2024-07-25
  • QIC: Copper Top
  • The PAX: Gravel Pit, Leonard, Whitney, Soft Serve, Sunblock, Stagehand, Box Fan, Tramp Steamer, Neck Roll, Milk Crate, Copper Top (QIC)

Back in Black

The buzz after last week's manifesto was still in the air, and 11 PAX showed up in full blackout attire.""",
   q="Copper Top", date="2024-07-25", ao="ao-the-dock",
   pax=["Gravel Pit", "Leonard", "Whitney", "Soft Serve", "Sunblock", "Stagehand", "Box Fan", "Tramp Steamer",
        "Neck Roll", "Milk Crate"])

neg("f3midlands", "https://www.f3midlands.com/columbia-sc/f3-columbia-6th-anniversary-pre-blast", """  • When: 2024-10-19
  • QIC: F3 Capital City
  • The PAX: All PAX are encouraged to bring an FNG and participate.

F3 Capital City 12th Anniversary Pre-Blast

October 2012 was the beginning of it all downtown. Join us at the original AO at 0700 for a convergence, coffeeteria to follow.""",
    posted="2024-10-10", note="pre-blast in the backblast bullet layout; the title after the bullets says Pre-Blast")
neg("f3midlands", "https://www.f3midlands.com/other/cottonmouth-2021-pre-blast-event-details-3-13-21", """  • When: 2025-03-15
  • QIC: Secret Squirrel Committee
  • The PAX: F3 Dockside F3 Capital City F3 Red Bank

Swamp Rat 2025 Pre-Blast – Event Details (3/15/25)

Attention PAX! The annual lake CSAUP is back, with camping on Friday night. Launch at 0730, done by noon.""",
    posted="2025-02-20", users=["Copper Top", "Sinkhole"], note="event pre-blast: QIC a committee, PAX three regions")
