"""F3 Waxhaw: Slack-era backblasts copied to the site (2022-): AO as the Slack channel name (Off__Chain, _bike),
Q (several Qs comma-separated), PAX with 'F3 name – real name' / 'handle – F3 nick' / 'Name/Real' notes, FNGs
('1 Name' or None), then WARMUP: / 'What had happened was:' free text; no date line (the post's date)."""

from cases_src import bb

U = "https://f3waxhaw.com/2022/09/07/all-i-need-are-some-tasty-waves-a-cool-buzz-and-im-fine-2/"
bb("f3waxhaw", U, """Some gnarly roots, a cold drink, and we're good

AO: Off__Chain
Q: Carbon Fork
PAX: Gopher, Sassafras, Kingpin, TBrandt – F3 tiptoe, Flintlock, Wipeout, Boondocks, Spark Plug
FNGs: 1 Spark Plug
WARMUP: warm up? nope

THE THANG: dropped in off the knoll and rode the new log line. Two over the bars, nobody hurt.""",
   q="Carbon Fork", date="2022-09-07", ao="ao-off-chain", flag="missing",
   pax=["Gopher", "Sassafras", "Kingpin", "TBrandt", "Flintlock", "Wipeout", "Boondocks"], un=["Spark Plug"], fng=1,
   note="'handle – F3 nick' is one man (the Slack handle); the FNG also in the PAX list; AO 'Off__Chain'")

U = "https://f3waxhaw.com/_bike-the-real-slim-shady"
bb("f3waxhaw", U, """AO: _bike
Q: Sprocket , Chain Ring, Rock Garden, Neon
PAX: Contraband, Relish, Squeeze, Pasta Load, Chain Ring, Pancake, Rock Garden, Prancer – Tom Gray, Brake Pad, Kielbasa, Neon, Mohawk/Steve, Tippy toes, Cal Naughton – Brian Ross, Cheval, Tatters, Hoover, Smorgasbord, Gurney, Apricot, Sprocket, Clover, Kelsey, Wookiee
FNGs: None
What had happened was: 24 riders on a shady afternoon. Group A hit the jump line, Group B fixed a bridge.""",
   q="Sprocket", coq=["Chain Ring", "Rock Garden", "Neon"], date="2023-04-20", ao="ao-bike", flag="missing",
   pax=["Contraband", "Relish", "Squeeze", "Pasta Load", "Pancake", "Prancer", "Brake Pad", "Kielbasa", "Mohawk",
        "Tippy toes", "Cal Naughton", "Cheval", "Tatters", "Hoover", "Smorgasbord", "Gurney", "Apricot", "Clover",
        "Kelsey", "Wookiee"],
   note="four Qs (first is the Q); 'F3 name – real name' and 'Name/Real' are one man each; AO '_bike'")

U = "https://f3waxhaw.com/2022/08/17/hump-day-hurray-2/"
bb("f3waxhaw", U, """Midweek woohoo!

AO: Off__Chain
Q: Carbon Fork
PAX: Contraband, Northern Lights – Dave, Sassafras, Merlot, Sprocket, Prancer – Tom Gray, Tatters, Polaroid, Gurney
FNGs: None
WARMUP: disclaimer and drop in


Ten grown men with silly nicknames rode bikes in the woods. Two first-timers to this AO, long-time F3 men both:
Merlot and Prancer.""",
   q="Carbon Fork", date="2022-08-17", ao="ao-off-chain", flag="missing",
   pax=["Contraband", "Northern Lights", "Sassafras", "Merlot", "Sprocket", "Prancer", "Tatters", "Polaroid", "Gurney"],
   note="first-timers to the AO are not FNGs (FNGs: None)")


U = "https://f3waxhaw.com/_bike-hotter-than-a-mud-duck"
bb("f3waxhaw", U, """AO: _bike
Q: Sprocket
PAX: Cal Naughton – Brian Ross, Brake Pad, Jericho, Chain Ring, Neon, Lineman, Apricot, Tatters, Sprocket, Thumb Drive
FNGs: None
What had happened was: the declines rolled in once it hit 99 degrees :laughing:. Chain Ring kissed a tree after a jump and rode on.""",
   q="Sprocket", date="2023-07-27", ao="ao-bike", flag="missing",
   pax=["Cal Naughton", "Brake Pad", "Jericho", "Chain Ring", "Neon", "Lineman", "Apricot", "Tatters", "Thumb Drive"],
   note="'F3 name – real name' first in the list; an :emoji: in the text")
