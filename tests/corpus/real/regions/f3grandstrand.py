"""F3 Grand Strand: site form whose labels may not show (title twice, Workout Date:, the list); words invented."""

from cases_src import bb

bb("f3grandstrand", "http://f3grandstrand.myrtlebeacheventmaps.com/backblast/is-this-much-running-necessary/",
   """Do we really need this many miles?

Do we really need this many miles?

Workout Date:





Mudflap, Runoff, Hoedown, Doodle Pad, High Tide, Isobar, Quaker Oats, Magnet, Tag Along, Moth, Podcaster, Bob Vila, Crabgrass, Bondo, Clunker(FNG), Banjo (QIC)

The Thang:

YHC filled in for the Tuesday Q; sixteen PAX including an FNG.""",
   q="Banjo", date="2021-08-17", ao="ao-seaside", flag="missing",
   pax=["Mudflap", "Runoff", "Hoedown", "Doodle Pad", "High Tide", "Isobar", "Quaker Oats", "Magnet", "Tag Along",
        "Moth", "Podcaster", "Bob Vila", "Crabgrass", "Bondo"], un=["Clunker"], fng=1,
   note="unlabelled list with Name(FNG) glued and (QIC); empty Workout Date:")
bb("f3grandstrand", "http://f3grandstrand.myrtlebeacheventmaps.com/backblast/yeeeeee-yeeeeeeeeeeeeeee/", """Workout Date:





Sundance (QIC), Bedrock, Columbo, Bob Vila, Motel Six, Hard Hat, Sand n’ Surf, Kismet (R), Bonfire, Benjamin, Jeff Spicoli, Heisman (R), Peppermint (AOQ), Tumbleweed, Twinkle Toes, Tornado, Paper Bag (R), Lone Star, Piedmont (DR)

The Thang:

Nineteen on this fine morning, and only seven coupons in the truck.""",
   q="Sundance", date="2021-09-14", ao="ao-surfside", flag="missing",
   pax=["Bedrock", "Columbo", "Bob Vila", "Motel Six", "Hard Hat", "Sand n’ Surf", "Kismet", "Bonfire", "Benjamin",
        "Jeff Spicoli", "Heisman", "Peppermint", "Tumbleweed", "Twinkle Toes", "Tornado", "Paper Bag", "Lone Star"],
   un=["Piedmont"], note="unlabelled list, Q first with (QIC); (R), (AOQ) and a (DR) visitor")
