"""F3 Chattanooga: title, then QIC / Date / PAX / AO separated by blank lines (QIC often with two spaces);
posted a few days after the workout."""

from cases_src import bb, neg

bb("f3chattanooga", "https://www.f3chattanooga.com/2020/01/31/watch-that-dark-spot/", """Mind the Puddle!

QIC:  Gadget

Date: 02/12/2020

PAX: Nerd Herd, Softtail, Rascal, Buttermilk, Mr. Fixit, Caddyshack

AO: Possum Hollow


Mild and overcast. Boulders for dips and inclines.""",
   q="Gadget", date="2020-02-12", posted="2020-02-14", ao="ao-possum-hollow",
   pax=["Nerd Herd", "Softtail", "Rascal", "Buttermilk", "Mr. Fixit", "Caddyshack"],
   note="QIC not repeated in the PAX; written two days later")

bb("f3chattanooga", "https://www.f3chattanooga.com/2019/04/23/taking-balls-and-kicking-names/", """Bunts and Burpees

QIC: Sheedy

Date: 05/18/2019

PAX: Altar Boy, Banjo, Cinnabon, Cuckoo, Flyswatter, Gravy Train, Kettle, Nickel, Pogo, Sidecar, Tumbleweed, V-Neck

AO: The Quarry


Kickball, 5 burpees per run allowed.""",
   q="Sheedy", date="2019-05-18", posted="2019-05-21", ao="ao-the-quarry",
   pax=["Altar Boy", "Banjo", "Cinnabon", "Cuckoo", "Flyswatter", "Gravy Train", "Kettle", "Nickel", "Pogo",
        "Sidecar", "Tumbleweed", "V-Neck"], note="alphabetical PAX, Q apart; posted three days later")

bb("f3chattanooga", "https://www.f3chattanooga.com/2021/04/07/day-after-easter-beatdown/", """Monday after the Fourth!

QIC:  Tuba

Date: 07/05/2021

PAX: Battering Ram, Sonar, Pablo, Toe Ring, MSN, A.W.O.L., Cedar Chest, Bison, Wax On, Hold ‘Em, Bernard

AO: Anvil


A warm, sticky morning! Ultimate football, the scoring team picks the other team's exercise.""",
   q="Tuba", date="2021-07-05", posted="2021-07-07", ao="ao-anvil",
   pax=["Battering Ram", "Sonar", "Pablo", "Toe Ring", "MSN", "A.W.O.L.", "Cedar Chest", "Bison", "Wax On",
        "Hold 'Em", "Bernard"],
   note="dotted initials name; a curly apostrophe where the Slack name has a straight one; posted two days later")

neg("f3chattanooga", "https://www.f3chattanooga.com/2021/04/07/day-after-easter-beatdown/#announcements",
    """Food bank slots are filled for 5-8.

Creek cleanup this coming Saturday at Riverside with a 7am beatdown scheduled and 8am-11am cleanup. Gloves provided day of.""",
    channel="ao-general", posted="2021-05-03", users=["Tuba"],
    note="announcements block posted on its own: a beatdown time, no Q or PAX")

bb("f3chattanooga", "https://www.f3chattanooga.com/2017/07/04/bottle-rocket-beatdown/", """– Where: Possum Hollow, Chattanooga, TN
– When: 07/04/2018
– QIC: Haggis, Volts, Gamma, Steamroller
– The PAX: Night Owl, Fumble (RESPECT), Drizzle, Mr. Fixit, Gourd, Sheriff, Dingo (Wombat), Landslide, Kazoo, Scorch, Glitter, Strudel
Today 16 PAX stormed the fields with fireworks still popping across the river. Four Qs passed the torch.
CONDITIONS: 78 Degrees F, steady rain, soupy""",
   q="Haggis", coq=["Volts", "Gamma", "Steamroller"], date="2018-07-04", ao="ao-possum-hollow", channel="backblasts",
   pax=["Night Owl", "Fumble", "Drizzle", "Mr. Fixit", "Gourd", "Sheriff", "Dingo", "Landslide", "Kazoo", "Scorch",
        "Glitter", "Strudel"],
   note="the 2017 layout: '– Where / – When / – QIC / – The PAX' dash bullets; four QICs; the AO with city and "
        "state; '(Wombat)' an old name in parens after a man's name")

bb("f3chattanooga", "https://www.f3chattanooga.com/tag/parliament/#a-flair-for-bricks-part-5", """A Knack for Pavers Part 3

QIC: 12-Gauge

Date: 5/2/2023

PAX: Lasso, TrashedEm, Orca, Jolt, Belly Flop, Bison, Chewy, Blanket, Caffeine, Jane Doe

AO: Senate


Two pavers each, a cage match around the tennis courts.""",
   q="12-Gauge", date="2023-05-02", posted="2023-05-03", ao="ao-senate",
   pax=["Lasso", "TrashedEm", "Orca", "Jolt", "Belly Flop", "Bison", "Chewy", "Blanket", "Caffeine", "Jane Doe"],
   note="single-digit month date 5/2/2023; the Q's name starts with digits")
