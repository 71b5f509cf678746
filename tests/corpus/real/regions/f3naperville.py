"""F3 Naperville: a CSAUP challenge page in question-and-answer form; words invented."""

from cases_src import neg

neg("f3naperville", "https://f3naperville.com/f3-naperville-presents-the-odyssey-relay-csaup-challenge-2023/",
    """The Low Down on the Ironman Relay CSAUP Challenge
As part of the region’s CSAUP calendar, teams of six do a run-ruck-bike relay to every AO in one day. That is 11 AOs in about 50 miles.
Still here? A few more details:
How many PAX in a team?
Six PAX each.
How do I sign up?
Sign up your team at the survey link.
Can I start at any AO?
No, every team starts at the first AO on the map.""", posted="2024-07-15", note="challenge page, questions and answers")
