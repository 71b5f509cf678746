"""F3 MeCa (f3-meca.com): the post title, then WordPress bullets "When: / QIC: / The PAX:"."""

from cases_src import bb

U = "https://f3-meca.com/2020/07/17/wow-is-still-undisputed/"
bb("f3-meca", U, """#WoW is still the champ!

  • When: 7/18/24
  • QIC: Wexford
  • The PAX: Espresso Shot, Flapjack, Practice Squad, Bear Trap, Bird Feeder, Red Cup, SS Guppy, Clueless Joe, Sheep Shape, Exit 38, Wexford

Gather around, take a seat, let me tell you a tale of a humid week of Qs.""",
   q="Wexford", date="2024-07-18", ao="ao-the-wow",
   pax=["Espresso Shot", "Flapjack", "Practice Squad", "Bear Trap", "Bird Feeder", "Red Cup", "SS Guppy", "Clueless Joe",
        "Sheep Shape", "Exit 38"], note="title with '#'; a name ending in digits; Q last in the list")
