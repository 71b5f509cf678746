"""F3 Jacksonville (f3jax.com): WordPress bullets "When: / QIC: / The PAX:" under the post title."""

from cases_src import bb, neg

U = "https://f3jax.com/2022/04/30/happy-7th-anniversary-f3-jacksonville-now-be-the-buffalo/"
bb("f3jax", U, """Happy 4th Anniversary F3 Riverside- Now Be the Heron

  • When: 04/27/2024
  • QIC: Gatorback, Tin Roof, Shrimp Boat, Palmetto
  • The PAX: Seawall, Porch Light (Dale Witt-FNG), Kudzu (Rob Kane-FNG), Sandspur (FNG), Lug Nut, Cast Net, Dockhand, Pelican Brief


12 HIM descended on the river in the gloom to celebrate four years of F3 in town.  Four OGs shared the Q.""",
   q="Gatorback", coq=["Tin Roof", "Shrimp Boat", "Palmetto"], date="2024-04-27", ao="ao-the-landing",
   pax=["Seawall", "Lug Nut", "Cast Net", "Dockhand", "Pelican Brief"], un=["Porch Light", "Kudzu", "Sandspur"], fng=3,
   note="four QICs on one line; FNG markers '(Real Name-FNG)' and '(FNG)' after the F3 name")

U = "https://f3jax.com/2023/01/23/launching-the-frontier-new-ao-at-crosswater-park/"
bb("f3jax", U, """Launching “The Outpost” New AO at Heron Lake Park

  • When: 01/21/2024
  • QIC: Sandbar
  • The PAX: Gumbo, Wet Willie, Half Hitch, Gator Tail, Spanish Moss, Hot Sauce, Bilge, Crab Trap

For the first time on a Sunday morning men gathered at the new AO in the parking lot by the lake.

Count O Rama: 9

Name O Rama: Gumbo, Wet Willie, Half Hitch, Gator Tail, Spanish Moss, Hot Sauce, Bilge, Crab Trap, Sandbar""",
   q="Sandbar", date="2024-01-21", posted="2024-01-22", ao="ao-the-outpost",
   pax=["Gumbo", "Wet Willie", "Half Hitch", "Gator Tail", "Spanish Moss", "Hot Sauce", "Bilge", "Crab Trap"],
   note="posted the next day; Count O Rama / Name O Rama repeat the header in the COT")

U = "https://f3jax.com/2019/02/02/where-have-the-defenses-gone/"
bb("f3jax", U, """Where Did the Offense Go?

  • When: 02/03/2024
  • QIC: Bluefin
  • The PAX: Tarpon, Mr. Jekyll, Marlin (R), Pinfish (R), 40-oz, Duct Tape, Snook (R), Salt & Pepper (Rx2), Sculpin (R), Kingfish (FNG - Brad Tolle), FNG-Kyle Norwood (left early so name pending), Bluefin

Lucky 12 HIM muddled through the soggy gloom before the big game.""",
   q="Bluefin", date="2024-02-03", ao="ao-the-anchor",
   pax=["Tarpon", "Mr. Jekyll", "Marlin", "Pinfish", "40-oz", "Duct Tape", "Snook", "Salt & Pepper", "Sculpin"],
   un=["Kingfish", "Kyle Norwood"], fng=2,
   note="(R)/(Rx2); a name with ' & '; 'Name (FNG - real name)'; 'FNG-Real Name (note)' (no F3 name yet); Q last")

U = "https://f3jax.com/2018/11/06/election-day-beatdown/"
bb("f3jax", U, """Primary Day Beatdown

  • When: 03/19/2024
  • QIC: Riptide
  • The PAX: Puddle, Dial Tone (respect), Ember, Hydrant, Bilge Rat (respect), Osprey, Low Tide (respect), The Barnacle (Respect), Manatee, Zinc (respect), Tox (double respect), Conch, Riptide

13 PAX woke early to do their civic duty and post at the library.""",
   q="Riptide", date="2024-03-19", ao="ao-the-library",
   pax=["Puddle", "Dial Tone", "Ember", "Hydrant", "Bilge Rat", "Osprey", "Low Tide", "The Barnacle", "Manatee", "Zinc",
        "Tox", "Conch"], note="(respect) / (double respect) markers; Q last in the list")

U = "https://f3jax.com/2015/05/24/jacksonville-fieldtrips-with-the-red-white-blue/"
bb("f3jax", U, """Riverside Field Trips with the Red, White & Blue

  • When: 05/25/24
  • QIC: Palm Frond
  • The PAX: Tugboat, Ark, Band Saw, Heads Up, Cousin Ray, Driftwood, LIFO, Temple Run, Deputy, Hollywood Ave, Bernadette, Ketchup, OTC, Double Tap, Big Heron, Palm Frond

16 PAX rallied at the flag, two of them visiting from up north.""",
   q="Palm Frond", date="2024-05-25", ao="ao-southside",
   pax=["Tugboat", "Ark", "Band Saw", "Heads Up", "Cousin Ray", "Driftwood", "LIFO", "Temple Run", "Deputy",
        "Hollywood Ave", "Bernadette", "Ketchup", "OTC", "Double Tap", "Big Heron"], note="two-digit year 05/25/24")

U = "https://f3jax.com/2017/12/09/practice-makes-us-sore/"
bb("f3jax", U, """Practice Makes… Us Stiff…

  • When: 12/7/2024
  • QIC: Hushpuppy
  • The PAX: Flounder, Bing Bong, Toxic Avenger, Fishhook, Xenon, Hushpuppy

6 PAX posted at ANCHOR and embraced a cold and rainy gloom.""",
   q="Hushpuppy", date="2024-12-07", ao="ao-the-anchor", pax=["Flounder", "Bing Bong", "Toxic Avenger", "Fishhook", "Xenon"],
   note="single-digit month day 12/7/2024")

neg("f3jax", "https://f3jax.com/2019/11/07/january-18-2020-release-the-kraken/", """March 8, 2025 – Wake the Leviathan

  • When: 3/8/2025
  • The PAX: F3 Riverside

In the dark before the dawn, old sailors whispered about what hides below the waves.

On March 8th you can step out of the comfort zone: 14 miles from the pier to the lighthouse and back, with beatdown stations along the way. Ruck it, run it, bear-crawl it.""",
    posted="2025-01-10", note="pre-blast in the backblast bullet layout (When / The PAX: the whole region)")
