"""F3 Chattanooga: title, then QIC / Date / PAX / AO separated by blank lines (QIC often with two spaces);
posted a few days after the workout."""

from cases_src import bb

bb("f3chattanooga", "https://www.f3chattanooga.com/2020/01/31/watch-that-dark-spot/", """Mind the Puddle!

QIC:  Gadget

Date: 02/12/2020

PAX: Nerd Herd, Softtail, Rascal, Buttermilk, Mr. Fixit, Caddyshack

AO: Possum Hollow


Mild and overcast. Boulders for dips and inclines.""",
   q="Gadget", date="2020-02-12", posted="2020-02-14", ao="ao-possum-hollow",
   pax=["Nerd Herd", "Softtail", "Rascal", "Buttermilk", "Mr. Fixit", "Caddyshack"],
   note="QIC not repeated in the PAX; written two days later")

bb("f3chattanooga", "https://www.f3chattanooga.com/2019/04/23/taking-balls-and-kicking-names/", """Bunts and Burpees

QIC: Sheedy

Date: 05/18/2019

PAX: Altar Boy, Banjo, Cinnabon, Cuckoo, Flyswatter, Gravy Train, Kettle, Nickel, Pogo, Sidecar, Tumbleweed, V-Neck

AO: The Quarry


Kickball, 5 burpees per run allowed.""",
   q="Sheedy", date="2019-05-18", posted="2019-05-21", ao="ao-the-quarry",
   pax=["Altar Boy", "Banjo", "Cinnabon", "Cuckoo", "Flyswatter", "Gravy Train", "Kettle", "Nickel", "Pogo",
        "Sidecar", "Tumbleweed", "V-Neck"], note="alphabetical PAX, Q apart; posted three days later")
