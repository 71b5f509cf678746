"""F3 Crossroads (Illinois): the F3 web form, some posts with a title line; Pax Names may list a man twice
under two spellings, and 'Number of Pax' may exceed the names listed."""

from cases_src import bb

bb("f3crossroadsil", "https://f3crossroadsil.info/backblasts/dots/", """AO: The Arena

When: 06/11/2021


Number of Pax: 11

Pax Names: Siri, Boy Band, Call Me Maybe, Toolman, Dugout, Ski Lift, SkiLift, Twister, Yogi Bear, Fixer Upper, FixerUpper, Yo-Yo,

Number of FNGS: 0

FNG Names:

QIC: Siri

The BackBlast:

Sun coming up, about 50°. Partner DOTs and big boys, sprints between.""",
   q="Siri", date="2021-06-11", ao="ao-the-arena",
   pax=["Boy Band", "Call Me Maybe", "Toolman", "Dugout", "Ski Lift", "Twister", "Yogi Bear", "Fixer Upper", "Yo-Yo"],
   count=11, note="two men each listed twice under two spellings (Ski Lift / SkiLift); count written 11")

bb("f3crossroadsil", "https://f3crossroadsil.info/backblasts/backup/", """AO: The Arena

When: 04/20/2021


Number of Pax: 8

Pax Names: Siri, Toolman, Dr. Phil, Happy Trails, Holstein, Hot Pockett, RainMaker,

Number of FNGS: 0

FNG Names:

QIC: Yogi Bear

The BackBlast:

48°, feels like 44°. Substitute Q this morning, be nice.""",
   q="Yogi Bear", date="2021-04-20", ao="ao-the-arena",
   pax=["Siri", "Toolman", "Dr. Phil", "Happy Trails", "Holstein", "Hot Pockett", "RainMaker"], count=8,
   note="QIC not in Pax Names; a name with a dot")

bb("f3crossroadsil", "https://f3crossroadsil.info/backblasts/a-bridge-a-ball-and-dora/", """A hill, a tarp and Mary.

AO: The Arena

When: 05/04/2021


Number of Pax: 15

Pax Names: Tim Taylor, Heel Spur, Pork Butt, Dilly Bar, Banjo Bill, Shooter Mcgee, Fixer Upper, Skipper, Twister, Ghost, Verne,

Number of FNGS: 0

FNG Names:

QIC: Call Me Maybe

The BackBlast:

Coupons to the top of the hill, three groups, Indian run to the bridge.""",
   q="Call Me Maybe", date="2021-05-04", ao="ao-the-arena",
   pax=["Tim Taylor", "Heel Spur", "Pork Butt", "Dilly Bar", "Banjo Bill", "Shooter Mcgee", "Fixer Upper", "Skipper",
        "Twister", "Ghost", "Verne"], count=15,
   note="title line ending in '.'; Number of Pax (15) is more than the 12 men named: the number written counts")

bb("f3crossroadsil", "https://f3crossroadsil.info/backblasts/sierra-leone-black-diamond/", """Sri Lanka “Blue Sapphire”

AO: The Arena

When: 04/06/2021


Number of Pax: 9

Pax Names: Call Me Maybe, Tim Taylor, Pork Butt, Mirror Ball, Bedrock, Banjo Bill, Second Shift, Shooter Mcgee, Ghost,

Number of FNGS: 0

FNG Names:

QIC: Tim Taylor

The BackBlast:

Conditions: 45 and breezy. Coupons in the truck bed, tabata under the amphitheater.""",
   q="Tim Taylor", date="2021-04-06", ao="ao-the-arena",
   pax=["Call Me Maybe", "Pork Butt", "Mirror Ball", "Bedrock", "Banjo Bill", "Second Shift", "Shooter Mcgee",
        "Ghost"], count=9, note="title in curly quotes; a Conditions: line after The BackBlast:")
