"""F3 Knoxville (f3knoxville.com): the post title, then "AO: <slack channel> / Q: / PAX: / FNGs:" lines."""

from cases_src import bb, neg

U = "https://f3knoxville.com/category/thequacken/page/12#falcon-tribute"
bb("f3knoxville", U, """HAWK Tribute

AO: thebunker
Q: Zip Tie
PAX: Fixer Upper, Cole Bradley
FNGs: None

Abe Vigodas

Cherry Pickers IC""",
   q="Zip Tie", date="2024-05-27", ao="thebunker", flag="missing", pax=["Fixer Upper", "Cole Bradley"],
   note="AO written as its Slack channel name; a man under his real name; no date line")

U = "https://f3knoxville.com/category/thequacken/page/12#cmus-and-stairs"
bb("f3knoxville", U, """Blocks and Bleachers

AO: thebunker
Q: Zip Tie
PAX: Cole Bradley
FNGs: None
Standard Zip Tie Warmup
Abe Vigoda
Cherry Pickers IC""",
   q="Zip Tie", date="2024-06-03", ao="thebunker", channel="backblasts", flag="missing", pax=["Cole Bradley"],
   users=["Fixer Upper"], note="one PAX; the workout starts right under the FNGs line; posted in another channel")

neg("f3knoxville", "https://f3knoxville.com/tag/blindside/page/9", """F3 Smokies State of the Region: Part 1

Beyond The COT Podcast – SOTR Part 1

Publish Date: Monday, June 24th

Season: 5

Episode: 2

Kickstand, Blind Spot, Steamer, Wax Paper and Onboard cover the first half of the year.

  • Two new AOs
  • Four new AOQs
  • 1st F Q: Onboard
  • 2nd F Q: Merman
  • 3rd F Q: Eight Ball""", posted="2024-06-24", users=["Onboard", "Merman", "Eight Ball", "Kickstand"],
    note="podcast post listing the region's Qs")
