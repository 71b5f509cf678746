"""F3 Alpha (Atlanta north): AO / When / QIC / PAX (n) blocks, blank-line separated; older posts use
When / Where / The Pax / QIC indented, and a QIC line naming three Qs.  Posts served from the region's
own host (the EC2 address its WordPress answers on) keep the same /backblast/yyyy/mm/dd/ paths."""

from cases_src import bb, neg

EC2 = "https://ec2-34-194-89-34.compute-1.amazonaws.com/backblast"

bb("f3alpha", EC2 + "/2021/07/10/f3gwinnett-crosses-over-pib-on-a-saturday-afternoon/", """Lake Crew Crashes the Saturday Party

AO: Muddy Branch

When: 06/19/2021

QIC: Gomer

PAX (12): Tadpole, Rivet, Quills, Smokehouse, Gruyere, Taco Libre, Pit Crew, Dodge, Slow Roll, Peckerwood, Bungalow, Gomner


Cinder blocks across the road and a long Dora in the lot.""",
   q="Gomer", date="2021-06-19", ao="ao-muddy-branch",
   pax=["Tadpole", "Rivet", "Quills", "Smokehouse", "Gruyere", "Taco Libre", "Pit Crew", "Dodge", "Slow Roll",
        "Peckerwood", "Bungalow"], count=12,
   note="PAX (12) lists the Q himself misspelled (Gomner for Gomer): one-edit spelling of the Q")

bb("f3alpha", EC2 + "/2022/05/03/backblasts-have-value-todays-bd-stolen-from-home/", """Borrowed a Backblast – It Still Counts

AO: 4th Down

When: 04/12/2022

QIC: Lumberjack

PAX (15): Pogo Stick, torque3, Biscotti, HAMMOCK, Hitchhiker, Ironsides, Bootlegger, BlueberryPie, Scar Tissue, Scratch-Ticket, Wetsuit, Tar Pit, spindle, Pepperjack (2.0), Travis (FNG)


4 pre-runners and a 2.0 in tow. Arms, abs, legs with a lap between everything.""",
   q="Lumberjack", date="2022-04-12", ao="ao-4th-down",
   pax=["Pogo Stick", "torque3", "Biscotti", "HAMMOCK", "Hitchhiker", "Ironsides", "Bootlegger", "BlueberryPie",
        "Scar Tissue", "Scratch-Ticket", "Wetsuit", "Tar Pit", "spindle"], un=["Pepperjack", "Travis"], fng=1,
   count=15, note="QIC not in the PAX (n) list; a 2.0 and an FNG with no Slack account; lowercase/caps names")

bb("f3alpha", EC2 + "/2023/08/18/1979/", """Greatest Hits of 1979

AO: The Kiln

When: 07/10/2023

QIC: Rooster

PAX (9): Anvil, BeanBag, Clutch, Flapjack, Gnome, Rooster, Sawdust, TopHat, Yeti


We warmed up. Then a song per exercise, partners flapjacking.""",
   q="Rooster", date="2023-07-10", posted="2023-07-13", ao="ao-the-kiln",
   pax=["Anvil", "BeanBag", "Clutch", "Flapjack", "Gnome", "Sawdust", "TopHat", "Yeti"], count=9,
   note="alphabetical PAX (n) including the Q; written three days later")

bb("f3alpha", "https://f3alpha.com/backblast/2017/05/14/birmingham-week-2/", """Launch Week #3 in Macon

When: 06/03/17

QIC: Sawbuck, Pinwheel, Rusty Gate

PAX (): Cricket (FNG Dale Porter), Sprocket (FNG Luis Ortega), THE Colonel, Okra, Big Muddy, Thimble, Kudzu (F3Savannah), Sawbuck, Pinwheel, Rusty Gate

Quick mosey around the crowd at the park, then the amphitheater steps.""",
   q="Sawbuck", coq=["Pinwheel", "Rusty Gate"], date="2017-06-03", ao="ao-expansion",
   pax=["THE Colonel", "Okra", "Big Muddy", "Thimble"], un=["Cricket", "Sprocket", "Kudzu"], fng=2,
   note="three Qs on one QIC line; (FNG Hospital Name) markers; a visitor marked (F3Region)")

bb("f3alpha", "http://f3alpha.com/wordpress/index.php/2018/03/10/beat-the-dealer/", """Roll the dice…

    When: 02/17/2018

    Where: The Gauntlet

    The Pax: Fiddler, Zip-Tie, Mudflap, Hoedown, Corndog, Tulip, Primo, Sasquatch, Wishbone, Hardhat

    QIC: Éclair

YHC brought a pair of dice and a deck of cards. Quarter mile between hands.""",
   q="Éclair", date="2018-02-17", ao="ao-the-gauntlet", channel="backblasts",
   pax=["Fiddler", "Zip-Tie", "Mudflap", "Hoedown", "Corndog", "Tulip", "Primo", "Sasquatch", "Wishbone", "Hardhat"],
   note="indented labels, Where: as the AO, QIC last with an accented name")

neg("f3alpha", "https://f3alpha.com/backblast/2018/05/20/cherokee-pre-blast-for-the-week-of-5-21/",
    """Pickens Pre-Blast for the week of 9/10

AO: Pickens County

When: 09/10/2018

QIC: Sawbuck

PAX (): All - from FNGs to old goats

Strong showing at the relay this weekend, men. Here is the week:

  • Monday: 5:30 am
    • The Quarry  (Jasper MS)→ Q: Okra
  • Wednesday: 5:30 am
    • The Bunker (Talking Rock ES) → Q: Thimble
  • Saturday: 7:00 am → Q: Sawbuck""", channel="ao-general", posted="2018-09-09",
    users=["Sawbuck", "Okra", "Thimble"], note="weekly pre-blast carrying AO / When / QIC / PAX () labels")

neg("f3alpha", EC2 + "/2015/10/20/mudrun-fall-2015-preblast-race-day/", """Swamp Stomp Spring 2019 #Preblast Race Day

When: 04/13/2019

QIC: Gearbox

PAX (): F3 Nation

Swamp Stomp Fall 2018 #PreBlast

Teams meet at the big tent by the start line by 0700. Bring every shovel flag your AO owns and your signed waiver.""",
    users=["Gearbox"], posted="2019-04-09", note="the site's backblast form used for a race-day preblast (When / QIC / PAX (): F3 Nation)")
neg("f3alpha", "https://f3alpha.com/backblast/2016/09/23/wedding-day-beatdown-pre-blast", """So here we go…YHC turns 40 tomorrow. I can’t think of a better way to start the next decade than a beatdown with the PAX who got me off the couch.

For the beatdown…we’ll be at the Quarry. No SSH, no windmills. A short warm up, then we partner up, because nobody gets through forty alone.

Then the PAX will make our way to the hill for a few reminders of what forty feels like.

Until tomorrow….""", posted="2016-10-14", note="a pre-blast in prose, filed under backblasts")
