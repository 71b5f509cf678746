"""F3 Hampton Roads: archived bullet block (When 20180427 / QIC / The PAX); names and words invented."""

from cases_src import bb, neg

bb("f3hamptonroads", "https://f3hamptonroads.com/colonial200-backblast/", """Archives: Tidewater150 Backblast

  • When: 20180427
  • QIC: Jetliner, MoonPie, Storm Door
  • The PAX: Storm Door, MoonPie, Spittoon, Shotgun, Jetliner, ER Doc, Skydive, 2For1, Deadlines, Rodeo, Frat House (Driver), Dust Bunny (Driver)
  • Disclaimer: This backblast is not a complete recount of the weekend, only YHC’s highlights. PAX, add yours in the comments.""",
   q="Jetliner", coq=["MoonPie", "Storm Door"], date="2018-04-27", ao="ao-the-relay",
   pax=["Spittoon", "Shotgun", "ER Doc", "Skydive", "2For1", "Deadlines", "Rodeo", "Frat House", "Dust Bunny"],
   note="three QICs; (Driver) notes; name starting with a digit; date 20180427")

neg("f3hamptonroads", "https://f3hamptonroads.com/covid-19-update/", """Archives: Hurricane Week Update

  • When: 20190904
  • QIC: All PAX
  • The PAX: All PAX
  • Bottom Line Up Front (BLUF): every AO is closed Thursday and Friday while the storm passes. Check Slack before you drive anywhere.

    1. Fitness: do a solo beatdown at home and post it in the thread.
    2. Fellowship: check on the PAX who live near the water.
    3. Faith: pray for the linemen and the first responders.""",
    posted="2019-09-04", note="an announcement in the backblast form: 'QIC: All PAX', 'The PAX: All PAX' name nobody")
