"""F3 Omaha: more posts, each copying the header layout of one real f3omaha.com backblast (names, AOs and
narrative invented).  Omaha writers each have their own header: date lines with '/' or '|' separators, 'AO –',
'N PAX:', '(respect)' / '(hate)' markers, 'VQ:' and "The Q's:"."""

from cases_src import bb

# "AO: / Date:  March 17, 2023 / Weather: / PAX: 55 – a, b (Respect), c(Respect, Respect), FNG-Name, ... / The Q’s: ..."
U = "https://f3omaha.com/the-clover-convergence-2023/"
bb("f3omaha", U, """AO: Block Party

Date:  March 17, 2023

Weather: 19 degrees and a north wind that made it Cold as Fook!

PAX: 14 – Mushroom, Longhorn, Schwinn, Vandal (Respect), Lincoln Logs(Respect, Respect), Crab Leg, FNG-Pie Tin, Steeple Chase, FNG-Beamer, Ozarka(Respect), Fish Hook, Sour Patch, Lite Beer, The Baron of Bogus

The Q’s: The Baron of Bogus, his uncle Fish Hook, and long-lost cousin Sour Patch

Three sites converged on the Block Party field for St. Patrick's Day. Lucky clovers and unlucky burpees.""",
   q="The Baron of Bogus", coq=["Fish Hook", "Sour Patch"], date="2023-03-17", ao="ao-block-party",
   pax=["Mushroom", "Longhorn", "Schwinn", "Vandal", "Lincoln Logs", "Crab Leg", "Steeple Chase", "Ozarka",
        "Lite Beer"], un=["Pie Tin", "Beamer"], fng=2, count=14,
   note="'PAX: N – list'; (Respect) glued to the name; FNG-Name; Q line names three Qs with family jokes "
        "('his uncle X') around the names")

# "BACKBLAST (title) / Month Dth, YYYY|place, street | AO – Name | 58° / PAX:  ..., Name (FNG), ..., Q / Q: Name"
U = "https://f3omaha.com/2020/09/23/paradise-island-9-23-20/"
bb("f3omaha", U, """BACKBLAST (11’s or 12’s, nobody counted)

September 30th, 2020|Sunrise Bakery, Regency | AO – Paradise Island | 54°

PAX:  The Flu, Blue Moon, Deep Heat, Biffy, Tofu, Caravan, Shovel, Gunny, Nap Time, Dingo (FNG), Softball, Sawdust

Q: Sawdust

12 PAX welcomed a crisp morning at the island. Burpees at the flag, then a mosey to the corner for warm-a-rama.""",
   q="Sawdust", date="2020-09-30", ao="ao-paradise-island",
   pax=["The Flu", "Blue Moon", "Deep Heat", "Biffy", "Tofu", "Caravan", "Shovel", "Gunny", "Nap Time", "Softball"],
   un=["Dingo"], fng=1, note="date, place and 'AO – Name' on one '|'-separated line; ordinal date '30th'")

# "April 22, 2022 (Friday) / Site:  Name / Weather: / 12 PAX: a (respect), ..., Q / Q: Name"
U = "https://f3omaha.com/2022/05/03/22-april-2022-the-armory-backblast-blades-of-glorys-one-year-anniversary/"
bb("f3omaha", U, """April 29, 2022 (Friday)

Site:  The Armory

Weather:  52 Degrees and drizzle

9 PAX: Golf Clap (respect), Roll Cage, Iced Tea, Pickle Jar (respect), Lincoln Logs (respect), Nosebleeds, Thunder, Gator Bait, Roller Derby

Q: Roller Derby

(warning: this backblast contains typos) Pre-run was dry except for the puddles. Figure-skating drills in the parking lot.""",
   q="Roller Derby", date="2022-04-29", posted="2022-05-06", ao="ao-the-armory",
   pax=["Golf Clap", "Roll Cage", "Iced Tea", "Pickle Jar", "Lincoln Logs", "Nosebleeds", "Thunder", "Gator Bait"],
   count=9, note="'N PAX:' label; 'Site:' for the AO; date line 'April 29, 2022 (Friday)'; posted a week later")

# "Month D, YYYY / AO – Name / Weather: ... @Handle" then "PAX: ... (respect) (hate)" and "VQ: Name (hate)"
U = "https://f3omaha.com/2020/09/14/f3-canyon-fairy-tales/"
bb("f3omaha", U, """September 19, 2020 / AO – The Canyon / Weather: 61 degrees, windy @F3Canyon

PAX: Tornado (respect), Biggie Fries, TP (respect), Kodak, Mac Attack (hate), Waffle Iron (respect), FICO, Side Salad (hate)

VQ: Bed Time (hate)

YHC arrived early to set up cones and station sheets. The PAX moseyed to the memorial for Warm-O-Rama.""",
   q="Bed Time", date="2020-09-19", posted="2020-09-21", ao="ao-the-canyon",
   pax=["Tornado", "Biggie Fries", "TP", "Kodak", "Mac Attack", "Waffle Iron", "FICO", "Side Salad"],
   note="date / AO – Name / Weather on one line with a Twitter handle; 'VQ:' names the Q; (hate) marker")

# "Title / F3 Omaha Month D, YYYY – AO – Name / Q: / PAX: ... (one name listed twice)"
U = "https://f3omaha.com/2020/12/23/paradise-12-23-20-wheres-the-christmas-lights/"
bb("f3omaha", U, """Paradise Island Backblast: Looking for Reindeer

F3 Omaha December 16, 2020 – AO – Paradise

Q: Bratwurst

PAX: LBC, Big Wheel, Hashbrown, Chinos, Nedward, Gunny, Caravan, Big Wheel, Ice Pack, Gobbler, The Flu, Scraps, Hot Sauce

Welcome, F3 stands for Fitness, Fellowship and Faith. No FNGs, so we split into two groups and ran the neighborhood loop.""",
   q="Bratwurst", date="2020-12-16", ao="ao-paradise",
   pax=["LBC", "Big Wheel", "Hashbrown", "Chinos", "Nedward", "Gunny", "Caravan", "Ice Pack", "Gobbler", "The Flu",
        "Scraps", "Hot Sauce"],
   note="'F3 Omaha <date> – AO – Name' line; a name listed twice counts once; Q not in the PAX list")

# "Backblast – AO – place – m/d/yy – Q" header, a paragraph, then "PAX: ... (Respect) (FNG) (Hate) ... and Q."
U = "https://f3omaha.com/2020/08/09/backblast-the-canyon-lewis-and-clark-landing-8-8-20-tater-tot/"
bb("f3omaha", U, """Backblast – The Canyon – Lewis and Clark Landing – 8/15/20 – Corn Dog

18 PAX (5 pre-runners) kicked off the weekend in 300% humidity by the riverfront. Veteran and FNG PAX were greeted with a smile and a disclaimer full of the word “modify” because of the heat.

PAX: Pancake House (Respect), Crawdad, Side Car (FNG), Fairy Dust, Kodak, Tornado (Respect), Quick Draw (FNG), T-Bone, TP (Respect), Spreadsheet (Hate), Haggis (Hate), Ponzi (left a touch early for 2-club), Baby Grand, Pony Keg (Hate), Two Step, Rancid, Smash Bros and Corn Dog.

Warm a Rama – all exercises in a deep Al Gore squat.""",
   q="Corn Dog", date="2020-08-15", ao="ao-the-canyon", posted="2020-08-16",
   pax=["Pancake House", "Crawdad", "Fairy Dust", "Kodak", "Tornado", "T-Bone", "TP", "Spreadsheet", "Haggis",
        "Ponzi", "Baby Grand", "Pony Keg", "Two Step", "Rancid", "Smash Bros"], un=["Side Car", "Quick Draw"], fng=2,
   note="no Q line: the Q ends the dashed header and the PAX list; a note in parens after a name; the only date is "
        "in the header (read from it; posted the next day)")
