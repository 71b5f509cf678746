"""F3 Gwinnett: compact web form (AO / When / Number of PAX / PAX Names / FNGs / QIC); names and words invented."""

from cases_src import bb

bb("f3gwinnett", "https://www.f3gwinnett.com/ghost-town-beat-down/", """Empty Lot Beat Down

AO: Depot
When: 08/05/2021
Number of PAX: 3
PAX Names: Shagger, Molasses, Pinwheel,
Number of FNGS: 0
FNG Names:
QIC: Molasses

YHC hadn't stepped up to Q in a while, and the AO was a ghost town again.""",
   q="Molasses", date="2021-08-05", ao="ao-depot", pax=["Shagger", "Pinwheel"], count=3,
   note="title line, no 'Backblast' word; trailing comma; Q also in PAX Names")
bb("f3gwinnett", "https://ec2-34-194-89-34.compute-1.amazonaws.com/backblast/2021/04/20/dora-1-1-2-2-3-3/", """AO: Watchtower

When: 04/27/2021

QIC: Ace

PAX (4): Honey, Podcast, Gardenia, Ace


It was odd driving up to the park this morning; the stage was dark and nobody was there.""",
   q="Ace", date="2021-04-27", ao="ao-watchtower", pax=["Honey", "Podcast", "Gardenia"], count=4,
   note="the region's posts on a bare EC2 host (Suwanee AO, 'F3Gwinnett Convergence', Sugar posts on both); "
        "'PAX (4):' count in the label; Q also in the list")
