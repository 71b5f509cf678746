"""F3 NE Wake: more posts, each copying the header layout of one real f3newake.com backblast (names, AOs and
narrative invented).  The site wraps each Slack post in a "Backblast by <poster> on <date>" page title; the
Slack message itself starts below it, so the title is not part of the text here."""

from cases_src import bb, neg

# "Backblast! title / AO / Q / PAX: Name (Real), ..., handle , ... / FNGs: 1 Name / Count: N (n Ruckers)" then a
# second block "AO / Date: 26-Apr-2024 / Conditions / Theme"
U = "https://f3newake.com/backblast-by-billy-goat-on-04-26-2024/"
bb("f3newake", U, """Backblast! Bug Hunt

AO: Boiler Room
Q: Tater Hut
PAX: Tiki (Andy Dee), Brisket (Pete), Dowel (Dave Wolf), Kazoo (Geoff), Lil Tugboat (Jim Amos), Tendril (Ilya Kos), 5k Tom Rich, marcusreyes22 , Swerve (Aaron Stork), Stick Shift
FNGs: 1 Stick Shift
Count: 31 (7 Ruckers)

AO: Boiler Room
Date: 3-May-2024
Conditions: Muggy, low fog, very drinkable
Theme: Bug Hunt (movie night)

Twenty-some PAX and seven ruckers in the gloom. Plyo drills on the parking grid, then cinder block carries.""",
   q="Tater Hut", date="2024-05-03", ao="ao-boiler-room",
   pax=["Tiki", "Brisket", "Dowel", "Kazoo", "Lil Tugboat", "Tendril", "5k", "marcusreyes22", "Swerve", "Stick Shift"],
   fng=1, count=31,
   real={"Tiki": "Andy Dee", "Dowel": "Dave Wolf", "Lil Tugboat": "Jim Amos", "Tendril": "Ilya Kos", "5k": "Tom Rich",
         "Swerve": "Aaron Stork"},
   note="Name (Real) items, 'Name Real Name' item, bare Slack handle, FNG named in PAX too, Count with a note, "
        "AO written twice, date 3-May-2024")

# "Backblast! title / AO / Q: Name (Real) / PAX: ..., Name – Real Name, ..., F3 Name (Real) / FNGs: None / Count: N"
U = "https://f3newake.com/backblast-by-green-thumb-ray-perry-on-05-10-2024/"
bb("f3newake", U, """Backblast! Sandbag Ladder, Why Not

AO: Red Dawn
Q: Hedge Row (Ray Pratt)
PAX: Mothball (Joel Cane), Corolla – Ryan Mack, Pogo (Jeff Christie), Billy Club, Peeps (Neal), F3 Funnel (Kip Lowe), Zip Drive (Tom Nash), Knockoff (John Kerr)
FNGs: None
Count: 10

Warm-up: SSH and windmills. Ruckers took the big lap around the school with stops for deadlifts and rows.""",
   q="Hedge Row", date="2024-05-10", ao="ao-red-dawn", flag="missing",
   pax=["Mothball", "Corolla", "Pogo", "Billy Club", "Peeps", "F3 Funnel", "Zip Drive", "Knockoff"], count=10,
   real={"Hedge Row": "Ray Pratt", "Mothball": "Joel Cane", "Corolla": "Ryan Mack", "Pogo": "Jeff Christie",
         "F3 Funnel": "Kip Lowe", "Zip Drive": "Tom Nash", "Knockoff": "John Kerr"},
   note="'Name – Real Name' item; Q with real name; Count larger than the names; no date line")

# "Site: / Q: / PAX: 7" then the names on the next line (Q not repeated)
U = "https://f3newake.com/backblast-from-slack-by-green-thumb-2/"
bb("f3newake", U, """Site: The Farm
Q: Sprout
PAX: 7
Pogo, Tin Man, Formica, Screwz, Dustpan, Clover

Warmup: SSH, imperial walkers, hillbillies. Partner Dora around the baseball field, then F3 dice.""",
   q="Sprout", date="2022-08-27", ao="ao-the-farm", flag="missing",
   pax=["Pogo", "Tin Man", "Formica", "Screwz", "Dustpan", "Clover"], count=7,
   note="Site: for the AO; 'PAX: 7' is the count, the names follow on the next line")

# "Date: 4/4/2023 / AO / Q / PAX (18 Total): a, b, ..., z."  (spelling variant, trailing period)
U = "https://f3newake.com/backblast-by-elton-tim-on-04-04-2023/"
bb("f3newake", U, """Date: 4/11/2023
AO: Bandwidth
Q: Crooner
PAX (10 Total): Ham Hock, Tubavalve, Swerve, Ringz, Nanny Goat, Doohickey, Tank Top, Bosco P, Peat Bog.

Warm-Up: SSH, Good Mornings, Willie Mays Hayes, Merkins.

Relay race around the elementary school with medicine balls for batons.""",
   q="Crooner", date="2023-04-11", ao="ao-bandwidth",
   pax=["Ham Hock", "Tuba Valve", "Swerve", "Ringz", "Nanny Goat", "Doohickey", "Tank Top", "Bosco P", "Peat Bog"],
   count=10, note="PAX (N Total) counts the Q; 'Tubavalve' is user 'Tuba Valve'; list ends with a period")

# "Backblast! title / AO / Q: Name (Real) / PAX: ..., Real Name (F3 Name), ... / FNGs: None / Count: 6"
U = "https://f3newake.com/backblast-by-sharkbait-jarrod-scott-on-03-28-2024/"
bb("f3newake", U, """Backblast! Hill Repeats and Ladders

AO: Excalibur
Q: Chum (Jared Stone)
PAX: Drill Sgt (Don Conner), Backhoe (Brandon Lyle), Vine Swing, Troy Fuller (Lab Coat), Puffin
FNGs: None
Count: 6

Typical warm-up, then seven pull-ups at the playground and the agility ladder.""",
   q="Chum", date="2024-04-04", ao="ao-excalibur", flag="missing",
   pax=["Drill Sgt", "Backhoe", "Vine Swing", "Lab Coat", "Puffin"], count=6,
   real={"Chum": "Jared Stone", "Drill Sgt": "Don Conner", "Backhoe": "Brandon Lyle", "Lab Coat": "Troy Fuller"},
   note="one item written 'Real Name (F3 name)'; no date line")

# "Site: / Q: / PAX: a, b, ..." inline, then "Warmup:" / "Thing:" and a numbered-grade list
U = "https://f3newake.com/backblast-by-gilmore-jim-t-on-03-13-2023/"
bb("f3newake", U, """Site: The Farm
Q: Wetlands
PAX: Formica, Fish Fry, Twelve Pack, Dustpan, Tin Man, Floppy Ear, Clover, Ham Bone

Warmup: SSH, Hillbillies, Willie Mays. YHC tried a new one on the PAX, which was met with lukewarm acceptance.

Thing: help Billy Madison graduate. One PAX leads a 12-count exercise, then a lap per grade.
K – Stair Climbers
1st – Imperial Walkers
2nd – Sumo Squats""",
   q="Wetlands", date="2023-03-20", ao="ao-the-farm", flag="missing",
   pax=["Formica", "Fish Fry", "Twelve Pack", "Dustpan", "Tin Man", "Floppy Ear", "Clover", "Ham Bone"],
   note="Site: for the AO; 'K – ...' / '1st – ...' lines after the list are the workout, not people")

# the end of real NE Wake posts: announcements with dates and Q openings, posted on their own (not backblasts)
neg("f3newake", "https://f3newake.com/backblast-by-green-thumb-ray-perry-on-05-10-2024/#announcements",
    """Tonight: Friday Night Lights
Next Week: VQ week (or rarely Q). The Dooley, The Armory, Red Dawn and Dark Knight have openings.
Next Friday, May 24: Fellowship Lunch at the taqueria in Wake Forest
Saturday, June 1: Brew Ruck
Saturday, June 8: Roadside Clean Up""", channel="ao-red-dawn", posted="2024-05-17",
    note="announcement block: dated lines and Q openings, no Q or PAX")
neg("f3newake", "https://f3newake.com/backblast-by-gilmore-jim-t-on-03-13-2023/#announcements",
    """Announcements: Reminder that Mar 25 Clarion and the Farm are closed and we’ll be meeting at 7A at Knightdale Station Park for a convergence, then PAX run the Pot of Gold 5K. Looking at a rucking AO on Tuesday at Joyner Park.

Prayers: for those injured, and for Twelve Pack's neighbor.""", channel="ao-the-farm", posted="2023-03-21",
    users=["Twelve Pack"], note="announcements and prayers posted on their own")
