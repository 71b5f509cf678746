"""F3 Hartsville: an event announcement with When / Where / The Thang (a negative); words invented."""

from cases_src import neg

neg("f3hartsville", "https://www.f3hartsville.com/tag/f3/", """2019 Mud Run

When: May 18th 2019

Where: 1400 Ridge Road, Gaston, SC

The Thang:

Time for another CSAUP. Sign up a team of four, or sign up alone and we will place you on one.""",
    posted="2019-04-20", note="event announcement: When / Where / The Thang, no people")
