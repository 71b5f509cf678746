"""F3 Metro (Charlotte): an event page with 'Event Q:' / 'PAX:' / 'Where:' lines (words and names invented)."""

from cases_src import neg

neg("f3metro", "https://growruck.com/growruck/growruck-24-metro/", """GrowRuck 31 Metro

Charlotte, NC

Originally posted at

The Grinder – Bring it in 2023

Event Q: Lugwrench
PAX:All F3 Pax!
Where: Charlotte, NC

Circle the weekend now. Friday night 2ndF, Saturday GrowSchool, a ruck until sunrise Sunday.""",
    users=["Lugwrench"], posted="2023-03-01", note="event announcement: Event Q / PAX:All F3 Pax! / Where")
