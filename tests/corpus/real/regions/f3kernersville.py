"""F3 Kernersville (f3kernersville.com): "Backblast – <AO> – <title> <date>", then "Pax: ..." and "QIC: ..."."""

from cases_src import bb, neg

U = ("https://f3kernersville.com/2020/10/09/backblast-fbf-bus-benches-all-hail-the-king-tribute-to-evh-a-crawdaddy-"
     "livenation-production-10-9-20/")
bb("f3kernersville", U, """Backblast – FBF – Bus Benches “All hail the Riff – Tribute to a Guitar Legend – a Crayfish / Stagehand production 10/11/24

Pax: Whammy, Wet Paint, Manet, Blue Jay, Change Up, Handbrake, Deliverance Jr, Mulch, Red Alert, Chipmunk, Duvet Cover and Crayfish

QIC: Crayfish

12 hard rockin’ fans of the fret board showed for what was to be a boxed-wine beatdown.""",
   q="Crayfish", date="2024-10-11", ao="ao-bus-benches",
   pax=["Whammy", "Wet Paint", "Manet", "Blue Jay", "Change Up", "Handbrake", "Deliverance Jr", "Mulch", "Red Alert",
        "Chipmunk", "Duvet Cover"], note="unbalanced quote in the title; Q also last in the Pax list; date in the title")

U = "https://f3kernersville.com/2018/04/12/backblast-baseball-at-ivey/"
bb("f3kernersville", U, """Backblast – Kickball at Ivey

PAX:  Gilmore Jr, Tardis, Spicy, Fortune, Lucky Penny, Deliverance Jr, Tenderfoot, Sludge Pump, Sprinkles, Epsom, Bondo, Crank Shaft, Thin Crust, Dean Machine, Red Alert, Crayfish, Chipmunk, Flounder Jr, Mall Rat, FNG, & Muskrat (QIC)

20 plus your VQ arrived at the ball park for an early morning game.""",
   q="Muskrat", date="2024-04-11", ao="ao-ivey", flag="missing", fng=1, count=21,
   pax=["Gilmore Jr", "Tardis", "Spicy", "Fortune", "Lucky Penny", "Deliverance Jr", "Tenderfoot", "Sludge Pump",
        "Sprinkles", "Epsom", "Bondo", "Crank Shaft", "Thin Crust", "Dean Machine", "Red Alert", "Crayfish", "Chipmunk",
        "Flounder Jr", "Mall Rat"],
   note="an unnamed 'FNG' in the list is one more man (20 plus the VQ = 21); '& Name (QIC)' ends the list")


U = "https://f3kernersville.com/2020/02/17/fbf-backblast-celebrating-love/"
bb("f3kernersville", U, """FBF Backblast – Celebrating Friendship

Nineteen PAX gathered on Galentine's Day in the gloom to work on the love handles. After a short mosey and disclaimer and having no FNG’s, we circled up in the cul-de-sac to warm up.

Warm-o-Rama: Frankensteins x 15 (IC), Chinooks x 10 (IC), Moroccan Night Clubs x 20 (IC)

The PAX (some of whom should sign up to Q): Cobol, Flounder Jr, Red Hen, Crank Shaft, Kramer, Ledger, Pool Noodle, Change Up, Happy G, Elmer, Ponzi, Elle, Dr. Doom, Mudbug, Boxed Wine, Sufferance, Provost, Gremlin, Einstein

It is always an honor and a privilege gentlemen. Thanks for letting me lead!""",
   q=None, status="problem", date="2024-02-16", ao="ao-school-nine", flag="missing",
   pax=["Cobol", "Flounder Jr", "Red Hen", "Crank Shaft", "Kramer", "Ledger", "Pool Noodle", "Change Up", "Happy G",
        "Elmer", "Ponzi", "Elle", "Dr. Doom", "Mudbug", "Boxed Wine", "Sufferance", "Provost", "Gremlin", "Einstein"],
   note="'FBF Backblast – title'; the PAX label with a note in parens, at the end of the post; the writer thanks "
        "the PAX for letting him lead but never names himself: no Q, a problem")

neg("f3kernersville", "https://f3kernersville.com/2018/10/19/pre-blast-pain-in-the-park-barkleys-revenge/",
    """Pre-blast, Pain in the Park, Barkley’s Revenge

Back by popular demand b/c the Q sheet was open and I had this one in my bag.
Who: Those who aspire to one day run the real thing….and those that don’t.
What: An F3 scale version of the famous trail race.
Where: Fourth of July Park.
When: Gather at the cul-de-sac gate @ 0625.
Weather: potentially moist.""", posted="2024-10-18", users=["Crayfish"], note="Who/What/Where/When pre-blast")
