"""F3 NOLA: a post copying the header of a real f3nola.com backblast (Date:/QIC:/PAX: with no space after the
colon, visitors marked with their home region in parens, the Q inside the PAX list).  Names and narrative
invented; this replaces the borrowed header the corpus used to carry for NOLA."""

from cases_src import bb

U = "https://www.f3nola.com/2018/04/14/carpe-diem-convergence/"
bb("f3nola", U, """Seize the Day Convergence

Date:04/20/19
QIC:Refund
PAX:Weedeater, Captain Glitter, Rideshare (Houston), Wookie, Moo Moo, Genius, Grumpy, Top Gun, Sharpshooter, Stevie, THE Mannequin, Double Shift (NOLA), Refund, Earthworm (Baton Rouge)

The Northshore PAX turned three this morning. Rain or shine, they post, and post they did.""",
   q="Refund", date="2019-04-20", ao="ao-northshore",
   pax=["Weedeater", "Captain Glitter", "Wookie", "Moo Moo", "Genius", "Grumpy", "Top Gun", "Sharpshooter", "Stevie",
        "THE Mannequin", "Double Shift"], un=["Rideshare", "Earthworm"],
   note="no space after the colons; visitors from other regions (not in this Slack) marked '(Houston)'; "
        "'(NOLA)' on a local man; Q inside the PAX list")
