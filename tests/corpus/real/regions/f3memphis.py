"""F3 Memphis: a dated pre-blast page with What / Who / When / Where / Why lines (words and names invented)."""

from cases_src import neg

neg("f3memphis", "https://f3memphis.com/2018-q1-vape-session-preblast", """August 9, 2018

2018 Q3 Shield Lock Session Preblast

What: Our first Shield Lock round table of the summer

Who: All F3 Memphis PAX

When: ~0800, Saturday, August 18th – right after the Old Grove beatdown

Where: the coffee shop at Poplar/Ridgeway – map

Why: Small groups keep men from drifting. We’ll pair up, set a time to meet, and hold each other to it.""",
    posted="2018-08-09", note="pre-blast with What / Who / When / Where / Why and a date line on top")
