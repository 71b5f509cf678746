"""F3 Greensboro (Natville): Date / Weather / PAX split into groups; names, AOs and words invented."""

from cases_src import bb, neg

bb("f3greensboro", "https://f3greensboro.com/2023/03/17/battlefield-basketball-at-cornwallis-nightmare/", """Date: 3/18/23

Weather: 44 and drizzly, no wind

PAX: Runners (5) – Photocopy, Jitterbug, Sprinkle, Roadrunner, Amigo;  Bootcampers (14): Canton, Ya Know, Biohazard, Bagged, Punctual, Pinwheel (War Daddy), Hiccup, Smog, Dribbles, DC, Phelps (War Baby), Tartan, Ruckus, Bojangles (QIC)

Some chirpy mumblechatter led to a slaughter starter.""",
   q="Bojangles", date="2023-03-18", posted="2023-03-24", ao="ao-redcoat-revenge",
   pax=["Photocopy", "Jitterbug", "Sprinkle", "Roadrunner", "Amigo", "Canton", "Ya Know", "Biohazard", "Bagged",
        "Punctual", "Pinwheel", "Hiccup", "Smog", "Dribbles", "DC", "Phelps", "Tartan", "Ruckus"],
   note="PAX split into 'Runners (5) –' and 'Bootcampers (14):' groups; (War Daddy) / (War Baby) notes")

bb("f3greensboro", "https://f3greensboro.com/2021/08/02/the-olympic-decathlon-comes-to-wakanda/", """Date: August 7, 2021

Weather: Hot & sticky, no breeze

PAX: Bagged, Wonder Boy, T.J. Booker, Benzo, Cocktail Jon, Crow’s Nest, Flo Rida, Kevlar, Bruce Wayne, Pohler, Rooter, Scrappy Doo, Mall Rat, Chewie, Tommy Gun, Ya Know (War Daddy), Limp Noodle, HBO Max, Escrow, Top Dog (War Baby), Bojangles (QIC)

Nothing better than a big event to plan a workout around.""",
   q="Bojangles", date="2021-08-07", posted="2021-08-09", ao="ao-vibranium",
   pax=["Bagged", "Wonder Boy", "T.J. Booker", "Benzo", "Cocktail Jon", "Crow’s Nest", "Flo Rida", "Kevlar",
        "Bruce Wayne", "Pohler", "Rooter", "Scrappy Doo", "Mall Rat", "Chewie", "Tommy Gun", "Ya Know", "Limp Noodle",
        "HBO Max", "Escrow", "Top Dog"], note="'Month D, YYYY' date; (War Daddy) / (War Baby) notes; Q last, (QIC)")

neg("f3greensboro", "https://f3greensboro.com/2017/10/05/themega-2017/", """PRE-BLAST for The Kraken aka #TheKRAKEN: 10/27/2018

The Details:

  • Who can participate? Anyone who can finish a Saturday workout
  • What is this? 6 pain stations with running in between
  • Where? In and around the city park and the greenway
  • When? October 27, 2018. Launch at 7:00 AM.""", posted="2018-10-05", note="event preblast with '? ' bullets")
