"""F3 Houston: WordPress bullet block (When / QIC / The PAX); names, AOs and words invented."""

from cases_src import bb

bb("f3houston", "https://f3houston.com/elevation-at-the-marathon/", """  • When: 12/06/17
  • QIC: Spears
  • The PAX: Z-Bomb, Drowsy, Spears (YHC)

3 PAX descended on The Sprint for an exploratory beatdown. Fog; we couldn't see anything.""",
   q="Spears", date="2017-12-06", ao="ao-the-sprint", pax=["Z-Bomb", "Drowsy"],
   note="'(YHC)' after the Q's own name in The PAX; 12/06/17")
