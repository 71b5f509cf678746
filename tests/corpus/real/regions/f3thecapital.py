"""F3 The Capital: an event page (title, a date-range line, prose); words invented."""

from cases_src import neg

neg("f3thecapital", "https://f3thecapital.com/gte35/", """GrowRuck Training Event 41

October 13-15, 2023

“Carry Your Share” is the credo for the weekend.

Start under the oaks at the cemetery gate, cross the river by night, finish at the monument at sunrise. Cadre will decide the rest.""",
    posted="2023-08-01", note="event page with a date-range line")
