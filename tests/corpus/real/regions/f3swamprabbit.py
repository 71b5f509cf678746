"""F3 Swamp Rabbit (Greenville SC): the site's backblast template is a two-column table (label cell, value
cell: a tab when pasted) with The PAX / Workout Date / A.O. and sometimes Q.I.C.; the writer often repeats
the PAX list in the body."""

from cases_src import bb, neg

U = "http://f3swamprabbit.com/blog/"
bb("f3swamprabbit", U + "#3-11s-at-tot-sans-311", """4 x 7s at the Mill…no Prince

The PAX\tSkillet, Maj. Payne, Hoot, Dos Equis, GPS, Flash Card, Tiny Dancer
Workout Date\t01/22/2020
A.O.\tHaunted Mill

7 came out and laughed at 24 degrees. YHC wore shorts as promised.

PAX:  Skillet, Maj. Payne, Hoot, Dos Equis, GPS, Flash Card, Tiny Dancer

Conditions:  balmy (24 F)""",
   q=None, status="problem", date="2020-01-22", ao="ao-haunted-mill", channel="backblasts", poster="Hoot",
   pax=["Skillet", "Maj. Payne", "Hoot", "Dos Equis", "GPS", "Flash Card", "Tiny Dancer"],
   note="table cells (label<TAB>value); A.O. with dots; the PAX list repeated in the body; no Q anywhere "
        "(the writer, YHC, is one of the seven): a problem")

U = "http://f3swamprabbit.com/backblast/back-to-our-roots-2/"
bb("f3swamprabbit", U, """Back to the Basics

  • Workout Date - 11/24/2015
  • Q In Charge - Saute
  • The PAX - Plankton, Zinger, Mr. Belvedere, Walrus, Half Windsor (WD), Bulldozer, Frostbite, Hedge Trimmer, 2 Scoops
  • AO -

Coming up on three years since the flag was planted downtown. 30 still show, so we split the early edition.""",
   q="Saute", date="2015-11-24", ao="ao-main-thang",
   pax=["Plankton", "Zinger", "Mr. Belvedere", "Walrus", "Half Windsor", "Bulldozer", "Frostbite", "Hedge Trimmer",
        "2 Scoops"], note="a name that starts with a digit; (WD) note; Q not in the PAX list")

U = "http://f3swamprabbit.com/backblast/burpees/"
bb("f3swamprabbit", U, """Burpees

  • Workout Date - 09/20/2014
  • Q In Charge - Pumpkin Roll
  • The PAX - Number 6, Mayhem, Zigzag, Wiley, Spotify, Warden, Detective Dog, Cinnamon Roll, Pumpkin Roll
  • AO -

9 men at the Depot this morning; low numbers with the new AO opening up the road.""",
   q="Pumpkin Roll", date="2014-09-20", ao="ao-the-depot",
   pax=["Number 6", "Mayhem", "Zigzag", "Wiley", "Spotify", "Warden", "Detective Dog", "Cinnamon Roll"],
   note="a name ending in a digit; the Q last in the PAX list")

U = "http://f3swamprabbit.com/Cat/backblast/page/80/"
neg("f3swamprabbit", U + "#columbia-convergence-2-years-and-counting", """Midlands Convergence – 3 Years and Counting…

Q.I.C.\tBrisket, Logjam, Toboggan, Heartburn
The PAX\tAll pax from the Midlands region and other AOs
Workout Date\t10/17/15

Three years since the thang kicked off in the capital city. We will gather at the mothership: park in the main
lot and arrive by 0645 for an update, the thang at 0700. Coffeeteria to follow.""",
    channel="backblasts", posted="2015-10-12", users=["Brisket", "Logjam", "Toboggan", "Heartburn"],
    note="an invitation in the backblast template: the PAX line invites everyone, names nobody")
neg("f3swamprabbit", U + "#superbowl-of-f3-fall-2014-mud-run-updated", """Super Bowl of F3: Spring 2015 Mud Run UPDATED!

The PAX\tF3Nation
Workout Date\t4/11/2015

Over 500 pax from around the country descended on the course: 6 miles, 30 obstacles, mud. F3 teams took 14 of the
top 20 spots. Results in the thread.""", channel="backblasts", posted="2015-04-13",
    note="a race recap in the backblast template: no Q, the PAX line names the nation")

U = "http://f3swamprabbit.com/backblast/race-day-beatdown-at-thestation/"
bb("f3swamprabbit", U, """Race day beatdown at the Depot

  • Workout Date - 10/24/2015
  • Q In Charge - Podcast
  • The PAX - Zigzag, Wiley, Brrr, Toupee, Deacon, Yoyo, Ooh La La, Silly Putty, GPS, 1 FNG Peach Pit
  • AO -

Fresh out of Q school, YHC led the PAX (11 w/ 1 FNG) around the circle track and the figure 8.""",
   q="Podcast", date="2015-10-24", ao="ao-the-depot",
   pax=["Zigzag", "Wiley", "Brrr", "Toupee", "Deacon", "Yoyo", "Ooh La La", "Silly Putty", "GPS"], un=["Peach Pit"],
   fng=1, note="'1 FNG Name' in the PAX list")
