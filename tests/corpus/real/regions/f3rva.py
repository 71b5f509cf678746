"""F3 RVA: an intro-workout pre-blast in prose with question headings (words invented)."""

from cases_src import neg

neg("f3rva", "https://f3rva.org/2019/06/01/preblast-no-excuses-workout/", """Preblast – No Sleep Required Workout

We are hosting an intro F3 workout on Saturday, July 13th at 8:00 am, the weekend after the Fourth.

Some of the excuses we hear most:

  • “It is too early…”
  • “I’ll get in shape first…”

Where and when is this workout taking place?

We will gather on Saturday, July 13th at 8:00 am in the lot beside the pool at Ashland Station.

What will we be doing?

A short intro to F3, then a beginner-friendly 45 minutes.""", posted="2019-06-20", note="pre-blast in prose")
