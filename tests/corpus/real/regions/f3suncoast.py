"""F3 Suncoast (St. Petersburg): the F3 web form (When / Number of Pax / Pax Names / Number of FNGS /
FNG Names / QIC / The BackBlast), sometimes with AO first; downrange visitors counted but not listed."""

from cases_src import bb

U = "https://f3suncoast.com/backblasts/the-bs-knees-rule/"
bb("f3suncoast", U, """When: 06/30/2021


Number of Pax: 8

Pax Names: Sandpiper, Big Kahuna, Grouper, Mud Flap, Tarpon,

Number of FNGS: 0

FNG Names:

QIC: Sand Piper

The BackBlast:

Blessed with a few downrange visitors today, so we took them the full length of the pier.""",
   q="Sand Piper", date="2021-06-30", ao="ao-the-pier", pax=["Big Kahuna", "Grouper", "Mud Flap", "Tarpon"], count=8,
   note="Sandpiper / Sand Piper are the QIC; visitors counted (8) but not named")

U = "https://f3suncoast.com/backblasts/charitably-stupid-and-utterly-pointless/"
bb("f3suncoast", U, """AO: Sound Booth - Saturday

When: 11/21/2020


Number of Pax: 12

Pax Names: Airhorn, Bongo, Jalapeno, Goober, Sir Lance, Tebow Time, Mr. Fix It, Ember, Rascal, Sir Walter, Tailgate,

Number of FNGS: 0

FNG Names:

QIC: Tailgate / Rascal

The BackBlast:

All for charity: a ruck with tires and a sledgehammer.""",
   q="Tailgate", coq=["Rascal"], date="2020-11-21", ao="ao-sound-booth",
   pax=["Airhorn", "Bongo", "Jalapeno", "Goober", "Sir Lance", "Tebow Time", "Mr. Fix It", "Ember", "Sir Walter"],
   count=12, note="two QICs split by ' / '; AO with a ' - Saturday' suffix; count above the names")

U = "https://f3suncoast.com/backblasts/ladder-of-success-turned-highway-to-hell/"
bb("f3suncoast", U, """AO: Cotton Patch - Monday

When: 10/26/2020


Number of Pax: 7

Pax Names: Cannoli, Gopher, Lug Nut, Maverick, Pinky, Pudding, Wildcard,

Number of FNGS: 0

FNG Names:

QIC: Wildcard

The BackBlast:

The Q arrived hangry and the Pax piled on. Circle of pain, then ladders between the lights.""",
   q="Wildcard", date="2020-10-26", ao="ao-cotton-patch",
   pax=["Cannoli", "Gopher", "Lug Nut", "Maverick", "Pinky", "Pudding"], note="QIC also in Pax Names; AO with weekday suffix")

U = "https://f3suncoast.com/buckeye-beatdown/"
bb("f3suncoast", U, """Badger Beatdown

Weather: 28 degrees and snowing. Oh wait, this isn’t Wisconsin!  It’s actually 70 and sticky here in paradise.


PAX: (12) strong w/(2) FNG’s!  Anchor, Bobcat (FNG), Bongo, Big Mac, Chisel, Clutch, Dingo (FNG), Hercules, Mongoose (DR visitor from Tampa), Sir Lance, Tugboat, Wolverine.

The anthem on a speaker at 5:10 got us going. The QIC had a costume change to a Badgers shirt.""",
   q=None, status="problem", date="2019-11-23", ao="ao-the-pier", poster="Clutch", flag="missing",
   pax=["Anchor", "Bongo", "Big Mac", "Chisel", "Clutch", "Hercules", "Sir Lance", "Tugboat", "Wolverine"],
   un=["Bobcat", "Dingo", "Mongoose"], fng=2, count=12,
   note="no labels but PAX: '(12) strong w/(2) FNG’s!' then the 12 names: an attendance list; the QIC is one of "
        "them but never named: a problem")
