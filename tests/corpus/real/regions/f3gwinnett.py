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
