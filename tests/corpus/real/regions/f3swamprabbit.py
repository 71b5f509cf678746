"""F3 Swamp Rabbit (Greenville SC): the site's backblast template is a two-column table (label cell, value
cell: a tab when pasted) with The PAX / Workout Date / A.O. and sometimes Q.I.C.; the writer often repeats
the PAX list in the body."""

from cases_src import bb

U = "http://f3swamprabbit.com/blog/"
bb("f3swamprabbit", U + "#3-11s-at-tot-sans-311", """4 x 7s at the Mill…no Prince

The PAX\tSkillet, Maj. Payne, Hoot, Dos Equis, GPS, Flash Card, Tiny Dancer
Workout Date\t01/22/2020
A.O.\tHaunted Mill

7 came out and laughed at 24 degrees. YHC wore shorts as promised.

PAX:  Skillet, Maj. Payne, Hoot, Dos Equis, GPS, Flash Card, Tiny Dancer

Conditions:  balmy (24 F)""",
   q=None, status="problem", date="2020-01-22", ao="ao-haunted-mill", channel="backblasts", poster="Hoot",
   pax=["Skillet", "Maj. Payne", "Hoot", "Dos Equis", "GPS", "Flash Card", "Tiny Dancer"],
   note="table cells (label<TAB>value); A.O. with dots; the PAX list repeated in the body; no Q anywhere "
        "(the writer, YHC, is one of the seven): a problem")
