"""F3 Columbus (OH), front page posts: 'AO Name Backblast mm.dd.yyyy' title, QIC / PAX with ';' between
names; pre-blasts with Who / When / Where / Weather / Why / What."""

from cases_src import bb, neg

bb("f3columbus", "https://f3columbus.com/#ao-westgate-backblast-10-18-2018", """AO Eastgate Backblast 11.08.2018

QIC: Roller Chain
PAX: Dovetail; Spritz; Pontiac; Blazer; Skylark

A lap of the lot, then steps at the rec center until the clock ran out.""",
   q="Roller Chain", date="2018-11-08", ao="ao-eastgate", channel="backblasts", flag="missing",
   pax=["Dovetail", "Spritz", "Pontiac", "Blazer", "Skylark"],
   note="names separated by ';'; the AO only in the title ('AO Eastgate Backblast'); date only in the title")

neg("f3columbus", "https://f3columbus.com/#west-side-best-side-pre-blast-10-15-2018",
    """North End Strong Pre-Blast 11.05.2018

Who: Every man who wants to get better
When: 0545-0630
Where: NEW SPOT Linden Park shelter house and ball fields 1400 Briarwood Ave
Weather: Irrelevant…
Why: Because “it’s too far” is not an excuse on the North End anymore.
What: 45 minutes of a little of everything. Bring gloves.""", channel="ao-general", posted="2018-11-04",
    note="pre-blast with Who / When / Where labels")
