"""F3 Gastonia: WordPress bullet block (Post Type / When / AO / QIC / FNG's / PAX); names, AOs and words invented."""

from cases_src import bb, neg

bb("f3gastonia", "https://f3gastonia.com/2016/08/30/a-little-bit-of-everything-13/", """  • Post Type:
  • When: 8/30/16
  • AO:
  • QIC: Mudflap
  • FNG's:
  • PAX: Coal Bin, Jukebox, Floppy Ear, Switchblade, Lil' Stitch, Big Tuna, Kamikaze (FNG), Mudflap (QIC)

Seven regulars and one FNG skipped the A/C for the hottest AO in the inventory.""",
   q="Mudflap", date="2016-08-30", ao="ao-the-furnace",
   pax=["Coal Bin", "Jukebox", "Floppy Ear", "Switchblade", "Lil' Stitch", "Big Tuna"], un=["Kamikaze"], fng=1,
   note="empty Post Type / AO / FNG's labels; (FNG) and (QIC) in the PAX list; 8/30/16")
bb("f3gastonia", "http://f3gastonia.com/2020/01/23/secret-to-f3-at-the-pub/", """  • Post Type: Backblast
  • When: 01/23/2020
  • AO: The Taproom
  • QIC: Bass Drum
  • FNG's:
  • PAX: Bass Drum, Rustbucket, Over Easy, Pogo, Clipper, KK

Twenty-eight degrees and a run down to the river park and back.""",
   q="Bass Drum", date="2020-01-23", ao="ao-the-taproom", pax=["Rustbucket", "Over Easy", "Pogo", "Clipper", "KK"],
   note="Q listed first in the PAX list too")
bb("f3gastonia", "https://f3gastonia.com/2020/11/01/id-be-honored-to-carry-your-balls-q/", """  • Post Type: Backblast
  • When: 10/29/2020
  • AO: Sakuraba
  • QIC: Tax Lien
  • FNG's:
  • PAX: Dr. Pepper (R), Lil' Salty, Pouches, Panther, Hawkeye, Bluto, Kale, Grape Ape (R), Provolone, Boxcar (G2G 5k)

The forecast was ominous, then the window cleared for the whole field.""",
   q="Tax Lien", date="2020-10-29", posted="2020-11-01", ao="ao-sakuraba",
   pax=["Dr. Pepper", "Lil' Salty", "Pouches", "Panther", "Hawkeye", "Bluto", "Kale", "Grape Ape", "Provolone",
        "Boxcar"],
   note="(R) markers; '(G2G 5k)' note after a name (left early for a 5k, still there); posted 3 days later")
bb("f3gastonia", "https://f3gastonia.com/2022/09/04/04-spe-22-st-bobby-pitchin-woo-crossroads/", """  • Post Type: Backblast
  • When: 09/04/2022
  • AO: Four Corners
  • QIC: Alderman
  • FNG's: Sparkler
  • PAX: Bust (R), Easy Street (R), Leg Lamp (R), Torque, Caboose, Live Wire, Blotto, Coleslaw, Bedrock, Captain Kirk

A good bunch on wheels and a couple of runners; the route went long.""",
   q="Alderman", date="2022-09-04", ao="ao-four-corners",
   pax=["Bust", "Easy Street", "Leg Lamp", "Torque", "Caboose", "Live Wire", "Blotto", "Coleslaw", "Bedrock",
        "Captain Kirk"], un=["Sparkler"], fng=1,
   note="FNG named only on the FNG's line; Q not in the PAX list")
bb("f3gastonia", "https://f3gastonia.com/2022/10/26/the-future/", """  • Post Type: Backblast
  • When: 10/25/2022
  • AO: Sakuraba
  • QIC: Flatbed
  • FNG's:
  • PAX: Pouches, Leg Lamp, Coleslaw, Pokey, Prospector, BiPAP, Bowler, Dump Truck, Bluto, Umpa Lumpa

Blocks from light pole to light pole, then the dog park hill.""",
   q="Flatbed", date="2022-10-25", posted="2022-10-26", ao="ao-sakuraba",
   pax=["Pouches", "Leg Lamp", "Coleslaw", "Pokey", "Prospector", "BiPAP", "Bowler", "Dump Truck", "Bluto",
        "Umpa Lumpa"], note="posted the next day")

bb("f3gastonia", "https://f3gastonia.com/2021/05/28/back-in-the-saddle-3/", """  • Post Type: Backblast
  • When: 06/03/2021
  • AO: Sakuraba
  • QIC: Kale
  • FNG's:
  • PAX: Violet Fog (R), Paddles (R), Dr. Pepper (R), Boxcar, Prospector, BiPAP, Bust (R), Yoyo, Goober, Monterey, Tugboat, Pouches, Leg Lamp

A hot Thursday in June; first and ten on the soccer field.""",
   q="Kale", date="2021-06-03", posted="2021-06-04", ao="ao-sakuraba",
   pax=["Violet Fog", "Paddles", "Dr. Pepper", "Boxcar", "Prospector", "BiPAP", "Bust", "Yoyo", "Goober", "Monterey",
        "Tugboat", "Pouches", "Leg Lamp"], note="(R) markers; Q not in the PAX list; posted the next day")
bb("f3gastonia", "https://f3gastonia.com/2022/07/20/gentlemen-start-your-engines/", """  • Post Type: Backblast
  • When: 07/20/2022
  • AO: The Cal Naughton
  • QIC: Cigarillo
  • FNG's:
  • PAX: Edison, Kilowatt, Big Poppa, Birdshot, Unicycle, K2D, Mallet, Lemon Man, Rosco P

My fourth Q in a row this week, at the best named AO in the region.""",
   q="Cigarillo", date="2022-07-20", ao="ao-the-cal-naughton",
   pax=["Edison", "Kilowatt", "Big Poppa", "Birdshot", "Unicycle", "K2D", "Mallet", "Lemon Man", "Rosco P"],
   note="a name with a digit inside; Q not in the PAX list")

neg("f3gastonia", "https://f3gastonia.com/tag/events-races/page/2/", """4/17/22 – The 2022 Mossback 5k Preblast

It will be held during the Sunday ruck at 6:30 am, starting and finishing at the grocery store lot.

Option 1 – register for the patch through the link and add your F3 name.
Option 2 – bring a cash donation Sunday.""", posted="2022-04-10", note="event preblast with 'Option N –' lines")

neg("f3gastonia", "http://f3gastonia.com/2015/11/29/", """Preblast – 8hr Catawba Crossing Paddle Race 5/14/16 #CSUAP

Gentlemen, the river doesn’t care how many burpees you did this winter.

When: Sat 05/14/16 06:30 – 14:30 Check in the night before required.

Where: Riverbend Landing (20 min W of Belmont)

Who: Anyone who can paddle, portage, and mosey. Open to all PAX, teams of 2 or 3.

Gear: Canoe or kayak, PFD, dry bag, headlamp. Rentals at the landing.

What: Checkpoints up and down twelve miles of river, plotted on a map you get at 0600.""",
    posted="2016-03-02", note="race pre-blast: When / Where / Who / Gear / What")
