"""Held-out set, part 3 (see zz_heldout_1.py): look-alikes that are NOT backblasts (pre-blasts, event
announcements), each copying the layout of a real post no other case copies; words invented."""

from cases_src import neg

# Midlands pre-blast on the backblast form: When / QIC bullets, then "(Pre-Blast)" title, When:, QIC-, The PAX-, Where:
neg("f3midlands", "https://www.f3midlands.com/other/f3-cola-8-year-anniversary-halloween-explosion-extravaganza-convergence-pre-blast",
    """  • When: 2021-11-06
  • QIC: F3 Congaree

F3 Congaree 9-Year Anniversary Fall Back Convergence (Pre-Blast)

When: 2021-11-06 0700

QIC- F3 Congaree

The PAX- All who choose to attend

Where: Riverbank Stadium-400 Ball Park Drive, Columbia, SC 29201

Nine years ago the shovel flag was planted here. There will be 4 stations, led by 4 different Qs, and a run group
for the runners. We'll converge at the end for a COT like we always do.

Be there to join with your brothers. Bring an FNG.""",
    channel="ao-general", posted="2021-11-01",
    note="held-out: convergence pre-blast on the backblast form (When / QIC bullets, 'The PAX- All who choose to "
         "attend'); a region, not a man, as QIC")

# Swamp Rabbit race announcement: What: / When: mm/dd/yyyy, time / Why: / How to register:
neg("f3swamprabbit", "http://f3swamprabbit.com/Cat/backblast/page/81/#asheville-beer-race-7-12-2014",
    """Brevard Cider Run- 9/20/2014


The title about says it all, but in case:

What: 5 mile evening race in Brevard finishing at the cider house.

When: 09/20/2014, 7pm start

Why: Cold cider at the finish. Great chance for 2nd F with PAX from around the Nation. Family friendly.

How to register:

Sign up on the race site; it will be capped at 600 runners.

— Spur""",
    channel="ao-general", posted="2014-08-25",
    note="held-out: race announcement filed under backblasts, What: / When: / Why: labels")

# Gastonia CSAUP announcement: Who / What / Where / When / Why bullets
neg("f3gastonia", "http://f3gastonia.com/2015/04/10/#the-bear", """The Gaston region is honored to host the 2016 edition of The Badger, the premier west-side #CSAUP event.

  •  Who can participate? F3 Nation
  •  What is it? A 12 mile course, with Pain Stations, winding through our AOs
  • Where is it? Starts at Lakewood Elementary and ends at the river greenway lot.
  • When is it? May 21, 2016.  We will start at 6:00 AM and end at approximately 11:30 AM
  • Why do it? It’s FREE, because you are a man, and it is there.

Questions? Direct them to Gravy Boat.""",
    channel="ao-general", posted="2016-04-20", users=["Gravy Boat"],
    note="held-out: event announcement, Who/What/Where/When/Why questions as bullets")

# Gastonia pre-blast with the AO and date in the title
neg("f3gastonia", "http://f3gastonia.com/2015/04/10/#gashouse-islands-of-adventure-preblast-4-11-2015",
    """Foundry Fun House – Preblast 5/14/2016

It’s not Six Flags!  But it still might be fun.

We will visit four stations around the Foundry lot. Bring a coupon and a friend.""",
    channel="ao-foundry", posted="2016-05-13",
    note="held-out: pre-blast, AO and date in the title")

# Louisville author page: "mm-dd-yy Preblast-The (Inaugural) Name @ AO"
neg("f3louisville", "https://f3louisville.com/author/backdraft2/#08-14-19-preblast-the-inaugural-heavy-blender-the-mutt",
    """05-20-20 Preblast-The (Inaugural) Iron Skillet @ The Hound

Join us at The Hound tomorrow for our kickoff to The Iron Skillet. This is a permanent change to The Skillet. We are
borrowing a page from our brothers at The Den who have done weights for years. Bring a kettlebell if you have one.""",
    channel="ao-the-hound", posted="2020-05-19",
    note="held-out: pre-blast, 'mm-dd-yy Preblast-Name @ AO' title")

# Louisville: "mm-dd-yy – PreBlast – Name @ AO – Theme!"
neg("f3louisville", "https://f3louisville.com/author/backdraft2/#09-27-19-preblast-the-chopper-the-vet-school-spirit-friday",
    """10-16-20 – PreBlast – The Grinder @ The Den – Team Colors Friday!

Tomorrow night is the big crosstown game. In honor of this, I am declaring tomorrow team colors day at The Grinder.
Wear your favorite school colors, whatever school that may be, and be ready for a proper beat down.""",
    channel="ao-the-den", posted="2020-10-15",
    note="held-out: pre-blast, 'mm-dd-yy – PreBlast – Name @ AO – theme' title")

# Naperville (a region new to the corpus): CSAUP challenge FAQ with 'How many PAX ...?' questions
neg("f3naperville", "https://f3naperville.com/f3-naperville-presents-the-odyssey-relay-csaup-challenge-2023/",
    """The Low Down on the Prairie Relay CSAUP Challenge
As part of F3 Naperville's completely stupid and utterly pointless (CSAUP) challenges we present to PAX in teams of four a run-ruck-bike relay to every AO in one day. That is 11 AOs in about 50 miles.
Still here? A few more details for you.
Nitty Gritty and Questions Everyone is asking us
How many PAX in a team?
Each team must have four PAX.
How do I sign up?
Sign up your team with the form pinned in Slack.
How many PAX per leg?
Two PAX from each team go together to keep each other safe and accountable.
Can I start at any AO?
No, someone from your team must start at Foxhole.""",
    channel="ao-general", posted="2023-08-01",
    note="held-out: CSAUP challenge FAQ ('How many PAX in a team?' ...)")

# The Rock (a region new to the corpus): relay pre-blast on the backblast form: When / QIC / The PAX: All of F3 Nation
neg("f3therock", "https://www.f3rockregion.com/2018/01/19/therooster/", """    • When: 02/16/19
    • QIC: The Joker
    • The PAX: All of F3 Nation

One week and a few days! We have about 140 folks signed up at the moment which is amazing!

We will be looking to get started right around 7am, there will not be a warm up.

The Hen House Relay
Each person on your team will complete four solo laps over the course of the race. Then your whole team runs one
final lap together.

REMEMBER THIS EVENT IS RUN AT YOUR OWN RISK! Please clown car in, the fewer cars the better.""",
    channel="ao-general", posted="2019-02-05", users=["The Joker"],
    note="held-out: relay pre-blast on the backblast form (When / QIC / 'The PAX: All of F3 Nation')")
