"""Held-out set 2: backblasts written AFTER the rules added for held-out set 1 (zz_heldout_1..3.py), to measure
the parser on posts it had not seen once more.  Same method: each copies the header layout of one real published
post no other case copies; names, AOs and narrative invented; truth written by hand.  Notes start with
"held-out 2:"."""

from cases_src import bb

# Salt Lake form with single line breaks; FNG names also in the Pax Names list (one in other capitals); 2.0s in text
bb("f3saltlake", "https://f3saltlake.com/backblasts/new-years-eve-prepping-for-the-year-of-the-rabbit/", """AO: The Foothills
When: 12/31/2023
Number of Pax: 9
Pax Names: Avalanche, Big Horn, Chairlift, Frostbite, KOA, Moguls, Powder Day, Snowplow, Tumbleweed,
Number of FNGS: 2
FNG Names: Koa, Powder Day
QIC: SnowPlow
The BackBlast:
The challenge was to Finish Strong – and 9 PAX + 2 2.0s showed up at The Foothills on New Year’s Eve.
Welcome FNG’s Powder Day and KOA!""",
   q="Snowplow", date="2023-12-31", ao="ao-the-foothills",
   pax=["Avalanche", "Big Horn", "Chairlift", "Frostbite", "Moguls", "Tumbleweed"], un=["KOA", "Powder Day"], fng=2,
   count=9,
   note="held-out 2: web form on single lines; the FNGs are in the Pax Names list too ('KOA' / 'Koa'); '+ 2 2.0s' "
        "in the text are not PAX")

# Chattanooga: title / QIC: / Date: / PAX: ..., (more) Name, ... / AO: ; the Q not in the list
bb("f3chattanooga", "https://www.f3chattanooga.com/2019/09/03/iron-pax-thanks/", """Iron Pax Gratitude

QIC: Sketch

Date: 09/22/2020

PAX: Back Flip, Belly Flop, Calloway, (more) Tambourine, Curfew, Deer Tick, Free Lunch, Hanson, Hobbit, Red Shirt, Ringo, Sinatra, Sunbeam

AO: Pine Hill


Muggy. The calendar says fall. The humidity says otherwise.""",
   q="Sketch", date="2020-09-22", ao="ao-pine-hill",
   pax=["Back Flip", "Belly Flop", "Calloway", "Tambourine", "Curfew", "Deer Tick", "Free Lunch", "Hanson", "Hobbit",
        "Red Shirt", "Ringo", "Sinatra", "Sunbeam"], count=14,
   note="held-out 2: a joke in parens BEFORE a name ('(more) Tambourine'); Q not in the PAX list")

# Chicago form with the QIC field left empty: no Q named (a problem); the FNG counted in 'Number of Pax'
bb("f3chicago", "https://f3chicago.com/backblasts/ignore-the-weather/", """AO: Hawks Nest

When: 06/11/2021


Number of Pax: 7

Pax Names: Alibi, Cleats, Footnote, Gnocchi, Hot Rod, TheDuce,

Number of FNGS: 1

FNG Names: Fogbank


The BackBlast:

Woke up to the wind howling and rain on the roof. Did that stop the pax from hitting the streets? Hell no.

Welcome FNG Fogbank (Hospital Name Matt Nash).""",
   q=None, status="problem", poster="Hot Rod", date="2021-06-11", ao="ao-hawks-nest",
   pax=["Alibi", "Cleats", "Footnote", "Gnocchi", "Hot Rod", "TheDuce"], un=["Fogbank"], fng=1, count=7,
   note="held-out 2: web form without a QIC line and the text never says who led: no Q, a problem; 'Number of "
        "Pax' counts the FNG")

# Jax bullets: (r) markers, 'FNG-Name (Real Name)'; AO only in the text
bb("f3jax", "https://f3jax.com/2019/08/31/and-this-is-the-pre-season/", """And This is Only the “Warm-Up”?

Posted on Posted in Backblasts
  • When: 08/29/2020
  • QIC: Grudge
  • The PAX: FIFO, Gecko (r), Bowtie (r), Rainmaker (r), Maureen (r), Sinus, Butcher (r), D-Lite, Zeno (r), Spud, FNG-Folgers (Carl Pratt), Grudge

12 PAX of F3 Jacksonville, including 1 FNG, descended upon Harbor to find an old familiar face.""",
   q="Grudge", date="2020-08-29", ao="ao-harbor",
   pax=["FIFO", "Gecko", "Bowtie", "Rainmaker", "Maureen", "Sinus", "Butcher", "D-Lite", "Zeno", "Spud"],
   un=["Folgers"], fng=1, count=12,
   note="held-out 2: '(r)' markers; 'FNG-Name (Real Name)'; AO only in the text (posted in its channel)")

bb("f3jax", "https://f3jax.com/2021/02/06/getting-down-with-a-pre-super-bowl-party/", """Tuning Up with a Pre-Playoff “Party”

Posted on Posted in Backblasts
  • When: 01/15/2022
  • QIC: Grudge
  • The PAX: Rowdy, Bigfoot, Pantsless, Grudge

4 HIM of Orange Park fought off the fartsack and posted in the soggy, cold gloom.""",
   q="Grudge", date="2022-01-15", ao="ao-valhalla", pax=["Rowdy", "Bigfoot", "Pantsless"], count=4,
   note="held-out 2: plain bullets")

# Cherokee form: 'Number of Pax' one more than the names listed (one man not named); no 'The BackBlast:'
bb("f3cherokee", "https://f3cherokee.com/backblasts/smr/", """AO: 3rd F

When: 04/21/2023


Number of Pax: 10

Pax Names: Beagle, Cocoa, Couch Surfer, Dandelion, Fudge, Happy Hour, Leaky Faucet, Moon Boot, Pinecone,

Number of FNGS: 0

FNG Names:

QIC: Pinecone

There are two types of men. Doers and not doers.  10 brave souls were doers and took on the relay.""",
   q="Pinecone", date="2023-04-21", ao="ao-3rd-f",
   pax=["Beagle", "Cocoa", "Couch Surfer", "Dandelion", "Fudge", "Happy Hour", "Leaky Faucet", "Moon Boot"], count=10,
   note="held-out 2: 'Number of Pax: 10' with nine names listed (the count as written); an AO named '3rd F'")

# Grand Rapids: date line, a 'Preblast via Slack' section INSIDE the backblast, 'AO – Name', then
# "[time - ... given to N PAX + 1 M] – a, ..., Q's M & Q (QIC)": the M (his wife) is no PAX
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts#backblast-183-mini-star-course", """Backblast #214 - Mini Scavenger Ruck

July 7, 2019

YHC has been reading about the GORUCK Star Course a lot lately, so why not run our own as part of our Sunday rucks?

Preblast via Slack 7/6/19

It’s the 1st Sunday (tomorrow) and we’re RUCKING. Taking HC’s in the thread below.

AO – Brewery Row

Environment - 71 Degrees | 40% Humidity | Perfect

[17:30 - Core Principles recited.  Disclaimer given to 5 PAX + 1 M] – Chill Bro, Golden Eagle, Snoopy, Soft Serve, BLUE OX’s M & BLUE OX (QIC)

The Thang

YHC explained what a Star Course entailed.""",
   q="Blue Ox", date="2019-07-07", ao="ao-brewery-row",
   pax=["Chill Bro", "Golden Eagle", "Snoopy", "Soft Serve"], count=5,
   note="held-out 2: a pre-blast quoted inside the backblast; 'given to 5 PAX + 1 M'; 'Q's M & Q (QIC)': his wife "
        "is no PAX; the Q written in capitals")

# Grand Rapids: weekday date line, AO:, then an unlabelled line of names ending 'Name QIC'
bb("f3grandrapids", "https://www.f3grandrapids.com/backblasts#backblast-180-5k-wednesday", """Backblast #209 - 5K Thursday

Thursday July 11, 2019

AO: Rosa Square


Disclaimer and Core Principles recited to 3 PAX

Blue Ox, Soft Serve, Forrest Gump QIC


25 SSH (IC)""",
   q="Forrest Gump", date="2019-07-11", ao="ao-rosa-square", pax=["Blue Ox", "Soft Serve"], count=3,
   note="held-out 2: 'recited to 3 PAX' then the names alone on a line after a blank line; 'Name QIC' with no "
        "parens or dash")
