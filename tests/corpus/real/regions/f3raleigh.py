"""F3 Raleigh: event pages (a custom CSAUP with Date / Time / Cost lines, a GoRuck announcement listing its own
questions, an F3 Dads pre-blast in question-and-answer form); words and names invented."""

from cases_src import neg

neg("f3raleigh", "https://f3raleigh.com/the-gambler", """An F3 Raleigh Custom CSAUP Event
Date: October 9, 2021
Time: 0600 – 1300
Cost: $160/team of 4
What is it?
A scavenger ruck across the city: teams pick their next checkpoint from three sealed envelopes and race the clock back to the start.""",
    posted="2021-08-20", note="event page: Date / Time / Cost, then 'What is it?'")
neg("f3raleigh", "https://f3raleigh.com/goruck-challenge-set-for-5314", """Announcement to all Pax of F3 Raleigh/Durham,
The time has come to announce the 2015 GoRuck Custom. We’ve picked October 10, 2015. This post covers the basics:
What is GoRuck?
Why do we do it?
What is the cost and time commitment?
What gear will I need?
What is GoRuck?
A 10-12 hour team challenge around the city under an assigned Cadre. It is not a race.""",
    posted="2015-07-01", note="announcement listing its own questions")
neg("f3raleigh", "https://f3raleigh.com/pre-blast-f3-dads-in-raleigh", """Plenty of questions have come in about F3 Kids, and this pre-blast should answer most of them.

What is F3 Kids?             Getting our kids moving with their dads, and seeing that exercise with friends is fun.

When and where is it?  First one is Saturday, April 12 at 9:30am at Laurel Park. Plan to meet at 9:15.

How often will there be an F3 Kids workout?   Once a month through the summer for now.

Is there an age limit?     No set limit. Most kids will be 6 to 14.""",
    posted="2025-04-01", note="pre-blast in question-and-answer form")
