"""F3 Nation: a GrowRuck pre-blast on the CSAUP category page (headings and bullets; words invented)."""

from cases_src import neg

neg("f3nation", "https://f3nation.com/category/csaups/#growruck-09-preblast", """GrowRuck 14 Preblast

Men of GrowRuck 14!

We’re still ten weeks out, but a lot is settled, so here are some preblast details.

Registration and Deposits

We have 70 men signed up via a deposit, which fills two classes.

  • Missed the cap? Send a $50 deposit to get on the waiting list.
  • Your final $100 is due by Sunday, August 5th.""", posted="2018-06-01", note="event pre-blast with headings")
