"""F3 Boone: title with the AO and a dashed date, optional Mood Tune, then AO / Conditions (with an
'n/10 Al Rokers' rating) / PAX ending in 'Name (Q) = count'."""

from cases_src import bb

bb("f3boone", "https://f3boone.wordpress.com/category/backblast/#stacking-the-deck", """Cutting the DECK: Backblast for Flintlock ~ 9-18-19

Mood Tune: Ace of Spades by Motorhead

AO: Flintlock
Conditions: 61 F, foggy, damp, first real hint of Fall, 6/10 Al Rokers
PAX: Gristle, Bunsen, COBRA, Hush Puppy, Ladle, Skeeter, Polaroid (Q) = 7

Six on the dot, then Skeeter rolled in hot. Partner work with an odd number.""",
   q="Polaroid", date="2019-09-18", ao="ao-flintlock", posted="2019-09-19",
   pax=["Gristle", "Bunsen", "COBRA", "Hush Puppy", "Ladle", "Skeeter"], count=7,
   note="date only in the title; '6/10 Al Rokers' is a rating, not a date; '(Q) = 7' closes the PAX line")

bb("f3boone", "https://f3boone.wordpress.com/author/kodakford/#making-room-for-the-feast", """Clearing the Table~ A Flintlock BackBlast ~12-18-19

AO: Flintlock
Conditions: 38 degrees F, drizzly, raw, 3/10 Al Rokers
PAX: Gristle, Salt’N’Pepa, Triple B, Ladle, Polaroid (Q) = 5

Post-it notes with an exercise each, 21s down to 1 with merkins at the far end.""",
   q="Polaroid", date="2019-12-18", ao="ao-flintlock", posted="2019-12-20",
   pax=["Gristle", "Salt'N'Pepa", "Triple B", "Ladle"], count=5,
   note="curly apostrophes in a name the Slack user writes with straight ones; date only in the title")
