"""F3 Nashville: more posts copying the header layout of real f3nashville.com backblasts ('AO – date – "title"'
line, an opening sentence, QIC: / PAX:), and a real announcement layout as a negative.  Names and narrative
invented.  Title-only dates are annotated as the corpus's other title-only dates (flag 'missing'; the post is
from the same day)."""

from cases_src import bb, neg

U = "https://f3nashville.com/author/princessaurora/page/3"
bb("f3nashville", U + "#westeros-remembering-mamba", """Westeros – 02.10.20 – “Hoops Tribute”

12 PAX took the metaphorical court at Westeros for a tribute full of reps, mumblechatter, and pain.

QIC: Sleeping Beauty

PAX: Coal Dust, PnJ, Tambourine, Crab Cakes, Crawl Space, Drogo, Harvey Wallbanger, Tire Man, Pick-A-Lock, Porcelain, Vortex

Medium mosey to the steps for a COP, all IC.""",
   q="Sleeping Beauty", date="2020-02-10", ao="ao-westeros", posted="2020-02-11",
   pax=["Coal Dust", "PnJ", "Tambourine", "Crab Cakes", "Crawl Space", "Drogo", "Harvey Wallbanger", "Tire Man",
        "Pick-A-Lock", "Porcelain", "Vortex"],
   note="'AO – date – title' line; QIC not repeated in the PAX list")

neg("f3nashville", U + "#ironclad-challenge-2020", """The Ironclad Challenge is back!

For the uninitiated, the Ironclad Challenge holds each other accountable during these climatically trying months. Should you accept the challenge, you will take part in all three Fs: Fitness, Fellowship, and Faith.

The challenge runs until 3/31/2021. Sign up in the thread, PAX.""", channel="ao-general", posted="2021-01-04",
    note="challenge announcement with a date and PAX, no Q")

U = "https://f3nashville.com/category/franklin"
bb("f3nashville", U + "#new-years-day-2022-convergence", """New Year’s Day 2023 Convergence – “Feeling 23” – 01.01.23

14 PAX from across the region descended on Stonewall for a New Year convergence as only the dynamic duo of Tango Talks Plenty and Sleeping Beauty (YHC) could deliver it.

Conditions: Cold and perfect.

QIC: Tango Talks Plenty & Sleeping Beauty

PAX: Bad Apple, Bag Boy, Black Cat, Care Package, Cinder, Cocoa, Cowpoke, Crab Cakes, Cross Fit, Pumpkin Pie (PP), Red Baron, Rug Burn

Happy New Year welcome and disclaimer, then a medium mosey up and around the mansion.""",
   q="Tango Talks Plenty", coq=["Sleeping Beauty"], date="2023-01-01", ao="ao-stonewall",
   pax=["Bad Apple", "Bag Boy", "Black Cat", "Care Package", "Cinder", "Cocoa", "Cowpoke", "Crab Cakes", "Cross Fit",
        "Pumpkin Pie", "Red Baron", "Rug Burn"],
   note="two QICs joined with '&'; '(PP)' marker; a Conditions: line between the sentence and the labels")
