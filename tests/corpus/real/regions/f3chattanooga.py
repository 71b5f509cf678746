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
