"""F3 San Antonio: an event pre-blast page with question headings (words and names invented)."""

from cases_src import neg

neg("f3satx", "https://f3satx.com/?page_id=687", """Hill Country Haul – May 6-8, 2022

IMPORTANT UPDATE: the Hill Country Haul has moved to the weekend of May 6-8, 2022.  More to come.

Hill Country Haul Preblast:

Ever wonder where the long-time PAX learned to lead a crowd of tired men at 3am?

Here’s a breakdown of the details:

What’s the cost?
$120 for local PAX and $100 for anyone driving in.

What do I get for my money?
A night of rucking under a cadre, a patch, and a shirt you will actually wear.""",
    posted="2022-03-15", note="event pre-blast with question headings")
