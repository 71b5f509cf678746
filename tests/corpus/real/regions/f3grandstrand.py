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
