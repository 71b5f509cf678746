"""Deterministic generator of an F3 region's Slack workspace: users, AO channels, beatdowns.

Every beatdown is posted as a backblast in its AO channel in one of three formats (hand-typed,
slackblast plain text, slackblast with blocks + metadata) and recorded in `ws.truth`. Around them:
preblasts, "backblast coming" teasers, chatter, threads, reactions, files, joins, edits, deletes.
Everything comes from random.Random(seed); messages are planned, sorted by ts, then posted.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.fakeslack.state import Workspace, us_to_ts

NICKS = (
    "Sparky Mulligan Tinkerbell Hasselhoff Gumby Brisket Torque Meatloaf Sasquatch Pothole Fumble Hoosier "
    "Cornhole Dingo Shrek Waldo Taco Voodoo Moneypenny Blobfish Tailgate Zamboni Goose Maverick Iceman Chewie "
    "Yoda Gizmo Pebbles Bamm-Bamm Snooki Frogger Pacman Bullseye Jukebox Hotwheels Mudflap Kielbasa Pretzel "
    "Schnitzel Tumbleweed Dewey Roadkill Gator Possum Chipotle Sriracha Nacho Quesadilla Burrito Hammertime "
    "Tonka Lincoln Sherpa Ziggy Stardust Bluegrass Banjo Fiddler Kazoo Bagpipes Dozer Backhoe Forklift Rebar "
    "Drywall Caulk Grout Spackle Plunger Wrench Socket Ratchet Sawzall Skilsaw Lugnut Hubcap Tailpipe Muffler "
    "O'Doyle Honeybadger Wombat Narwhal Platypus Axolotl Manatee Walrus Chupacabra Yeti Nessie Krampus Grinch "
    "Rudolph Frosty Elfie Tiny-Tim Scrooge Marley Sparrow Condor Osprey Pelican Dodo"
).split()
ADJ = "Rusty Lucky Mighty Sneaky Dusty Soggy Crusty Jolly Grumpy Salty Spicy Shaky Lazy Hasty Fuzzy Nifty".split()
FIRST = ("James John Robert Michael William David Richard Joseph Thomas Chris Daniel Matt Tony Mark Steve Paul "
         "Andrew Josh Kevin Brian George Tim Ron Jason Ed Jeff Ryan Jacob Gary Nick Eric Jon Scott Justin Brandon "
         "Ben Sam Greg Frank Alex Ray Pat Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nate Doug Zach Peter Kyle "
         "Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse "
         "Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabe Logan Alan Juan Wayne Roy Ralph Randy Eugene Vince "
         "Russell Elijah Louis Bobby Philip Johnny").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall "
        "Rivera Campbell Mitchell Carter Roberts").split()
AO_NAMES = ("the-forge gauntlet iron-mountain the-yard bedrock the-pit swamp-fox blackhawk lighthouse the-grind "
            "rucking-dead highlander the-quarry boneyard the-bunker crossroads the-citadel ironclad outpost "
            "the-foundry rampart the-anvil stonewall thunderdome").split()
EXERCISES = [e for e in "SSH|Imperial Walkers|Merkins|Burpees|Mountain Climbers|LBCs|Dips|Step-ups|Squats|Lunges|"
             "Monkey Humpers|Freddie Mercury|Big Boy Sit-ups|Flutter Kicks|American Hammers|Peter Parkers|"
             "Bear Crawls|Crab Walks|Moroccan Night Clubs|Hillbillies|Copperheads|Carolina Dry Docks".split("|")]
TITLES = ("Hills & Thrills", "Merkin Madness", "Coupon Chaos", "The Grinder", "Burpees > Sleep", "Sweat Equity",
          "Deck of Death", "Dora 1-2-3", "Bear Crawl Bonanza", "Murph Lite", "Ladder to Nowhere", "11s on the Hill",
          "Triple Nickel", "Cinder Block Party", "Run & Gun", "Q School", "Birthday Q", "VQ!", "Pain Station",
          "Sandbag Shuffle", "The Suck", "Partner Up", "Rucksack Rumble", "Iron Sharpens Iron", "<3 Day")
NONSLACK = ("Bob", "Dave's neighbor", "Tim (FNG last week)", "Big Mike", "Coach", "Ricky", "Kyle's brother")
REACTIONS = ("fire", "muscle", "+1", "flag-us", "100", "raised_hands", "f3", "sweat_drops")
CHATTER = (
    "Great work out there this morning men!", "Who's got the Q for Saturday?", "Coffeeteria at the usual spot after.",
    "<!here> reminder: 2nd F breakfast Friday at 0700", "Anyone up for a ruck this weekend?",
    "Prayers for <@{u}> and family this week.", "Welcome <@{u}>! Glad you posted.",
    "Shoutout to <@{u}> for the EH on two FNGs", "Did anyone see who posted the backblast for Tuesday?",
    "Convergence next month at <#{c}|{cn}> - be there", "Q sign-up sheet: <https://example.com/qsheet|Q sheet>",
    "Rain or shine & cold or hot, we post.", "What time is the 2.0 workout?", "I'll bring the coupons tomorrow",
    "F3 Dads campout sign-up is open", "HC for tomorrow? <@{u}> <@{u2}>", "Sad clown this morning, back next week",
    "Mumblechatter was strong today", "Anyone have a spare headlamp?", "Lost a glove at <#{c}>, anyone see it?",
)
REPLIES = ("Great Q <@{q}>!", "Thanks for the push this morning", "That was a beatdown :sweat_drops:", "HC next week",
           "Good stuff", "My legs are toast", "I was there too - add me?", "Those hills & burpees though",
           "Aye", "Strong work men", "<@{u}> you were a beast today")
WHY = ("Iron sharpens iron", "Accelerate the FNGs", "Because sleep is overrated", "Get better together")


def generate_region(ws: Workspace, seed: int = 1, users: int = 150, aos: int = 8, weeks: int = 104,
                    start: date = date(2023, 1, 2), slackblast_share: float = 0.4, linked_share: float = 0.6,
                    chatter_per_week: int = 40, thread_share: float = 0.15, reply_backblast_share: float = 0.05,
                    preblast_share: float = 0.25, teaser_share: float = 0.08, reaction_share: float = 0.4,
                    file_share: float = 0.05, edit_share: float = 0.04, delete_share: float = 0.01,
                    tz: str = "America/Chicago") -> dict:
    """Fill `ws` with a region; returns a summary of what was generated. ws.truth gets the beatdowns."""
    gen = _Gen(ws, random.Random(seed), start - timedelta(days=start.weekday()), ZoneInfo(tz))
    gen.make_users(users, weeks)
    gen.make_channels(aos, weeks)
    gen.joins()
    shares = dict(slackblast=slackblast_share, linked=linked_share, thread=thread_share,
                  reply_bb=reply_backblast_share, preblast=preblast_share, teaser=teaser_share,
                  reaction=reaction_share, file=file_share, edit=edit_share, delete=delete_share)
    for week in range(weeks):
        gen.beatdowns(week, shares)
        gen.chatter(week, chatter_per_week, thread_share)
    return gen.apply()


class _Gen:
    def __init__(self, ws: Workspace, rng: random.Random, monday: date, tz: ZoneInfo):
        self.ws, self.rng, self.monday, self.tz = ws, rng, monday, tz
        self.ids: set[str] = set()
        self.used_us: set[int] = set()
        self.plan: list[tuple] = []  # (us, kind, channel, kwargs, extra)
        self.edits: list[tuple] = []
        self.deletes: list[tuple] = []
        self.truth: list[dict] = []
        self.formats: Counter = Counter()
        self._day_epoch: dict[date, int] = {}
        self.seen: set[str] = set()  # PAX who have posted (later ones are not FNGs)

    # -- ids, clocks ------------------------------------------------------------------------------
    def new_id(self, prefix: str) -> str:
        while True:
            i = prefix + "0" + "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
            if i not in self.ids:
                self.ids.add(i)
                return i

    def day(self, week: int, dow: int) -> date:
        return self.monday + timedelta(days=week * 7 + dow)

    def at(self, d: date, hour: float) -> int:
        """Microseconds since epoch of local `hour` on day `d`, made unique."""
        base = self._day_epoch.get(d)
        if base is None:
            base = int(datetime(d.year, d.month, d.day, tzinfo=self.tz).timestamp())
            self._day_epoch[d] = base
        us = int((base + hour * 3600) * 1_000_000) + self.rng.randrange(1, 999_999)
        while us in self.used_us:
            us += 1
        self.used_us.add(us)
        return us

    def later(self, us: int, lo_min: float, hi_min: float) -> int:
        us2 = us + int(self.rng.uniform(lo_min, hi_min) * 60_000_000) + self.rng.randrange(1, 999)
        while us2 in self.used_us:
            us2 += 1
        self.used_us.add(us2)
        return us2

    def add(self, us: int, channel: str, parent_us: int | None = None, **kw) -> int:
        self.plan.append((us, channel, parent_us, kw))
        return us

    # -- people and places ------------------------------------------------------------------------
    def make_users(self, n: int, weeks: int) -> None:
        rng, ws = self.rng, self.ws
        nicks = list(NICKS)
        rng.shuffle(nicks)
        while len(nicks) < n:
            nicks += [f"{a} {b}" for a in ADJ for b in NICKS][: n - len(nicks)]
        self.pax: list[dict] = []
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            uid = self.new_id("U")
            r = rng.random()
            tier = "core" if r < 0.15 else "regular" if r < 0.4 else "casual" if r < 0.75 else "rare"
            join = 0 if rng.random() < 0.7 else rng.randrange(1, max(2, weeks))
            person = {"id": uid, "nick": nicks[i], "tier": tier, "join": join, "leave": 10**9,
                      "p": {"core": 0.85, "regular": 0.55, "casual": 0.25, "rare": 0.08}[tier]}
            if rng.random() < 0.15:
                person["leave"] = join + rng.randrange(4, 60)
            deleted = person["leave"] < 10**9 and rng.random() < 0.4
            ws.add_user(uid, f"{first.lower()}.{last.lower()}{i}", real_name=f"{first} {last}",
                        display_name=nicks[i] if rng.random() < 0.9 else "", deleted=deleted,
                        email=f"{first.lower()}.{last.lower()}{i}@example.com" if rng.random() < 0.7 else None,
                        phone=f"555-01{i % 100:02d}" if rng.random() < 0.3 else None,
                        updated=1690000000 + i)
            self.pax.append(person)
        self.sb_bot = self.new_id("B")
        self.sb_user = self.new_id("U")
        ws.add_user(self.sb_user, "slackblast", real_name="Slackblast", is_bot=True, bot_id=self.sb_bot)
        for name, deleted in (("weaselbot", False), ("google_calendar", False), ("old_backblast_bot", True)):
            ws.add_user(self.new_id("U"), name, real_name=name.replace("_", " ").title(), is_bot=True,
                        deleted=deleted, bot_id=self.new_id("B"))

    def make_channels(self, aos: int, weeks: int) -> None:
        rng, ws = self.rng, self.ws
        created = int(datetime.combine(self.monday, datetime.min.time(), self.tz).timestamp()) - 86400 * 30
        self.aos: list[dict] = []
        for a in range(aos):
            name = "ao-" + (AO_NAMES[a] if a < len(AO_NAMES) else f"site-{a}")
            ao = {"id": self.new_id("C"), "name": name, "days": sorted(rng.sample(range(6), rng.choice((2, 3, 3)))),
                  "first": 0, "last": weeks, "private": False, "member": True, "archived": False}
            if aos >= 4 and a == aos - 1:
                ao.update(private=True, name="ao-blackops")
            elif aos >= 4 and a == aos - 2:
                ao.update(first=weeks // 3, member=False)  # launched later; the bot was never invited
            elif aos >= 4 and a == aos - 3:
                ao.update(last=(2 * weeks) // 3, archived=True)
            self.aos.append(ao)
        for p in self.pax:
            p["home"] = rng.randrange(aos)
            p["alt"] = rng.randrange(aos) if p["tier"] in ("core", "regular") and rng.random() < 0.6 else None
        everyone = [p["id"] for p in self.pax]
        for ao in self.aos:
            i = self.aos.index(ao)
            members = [p["id"] for p in self.pax if i in (p["home"], p["alt"])]
            ws.add_channel(ao["id"], ao["name"], is_private=ao["private"], is_archived=ao["archived"],
                           bot_is_member=ao["member"], created=created + 7 * 86400 * ao["first"], members=members,
                           purpose=f"Beatdowns at {ao['name'][3:].replace('-', ' ').title()}")
        self.other: dict[str, str] = {}
        for name, private, member in (("general", False, True), ("1st-f", False, True), ("help-desk", False, True),
                                      ("random", False, False), ("leadership", True, False)):
            cid = self.new_id("C")
            self.other[name] = cid
            ws.add_channel(cid, name, is_private=private, bot_is_member=member, created=created,
                           members=everyone if name in ("general", "random") else everyone[: len(everyone) // 3])

    def joins(self) -> None:
        for p in self.pax:
            week = p["join"]
            d = self.day(week, 2) if week else self.monday - timedelta(days=self.rng.randrange(1, 25))
            us = self.at(d, self.rng.uniform(7, 21))
            home = self.aos[p["home"]]
            chans = [self.other["general"]] + ([home["id"]] if home["first"] <= week < home["last"] else [])
            for cid in chans:
                us = self.later(us, 0.01, 0.5)
                self.add(us, cid, user=p["id"], subtype="channel_join", text=f"<@{p['id']}> has joined the channel")

    # -- beatdowns --------------------------------------------------------------------------------
    def beatdowns(self, week: int, s: dict) -> None:
        rng = self.rng
        active = [p for p in self.pax if p["join"] <= week < p["leave"]]
        if not active:
            return
        for i, ao in enumerate(self.aos):
            if not ao["first"] <= week < ao["last"]:
                continue
            local = [(p, p["p"] if p["home"] == i else p["p"] * 0.3) for p in active if i in (p["home"], p["alt"])]
            for dow in ao["days"]:
                came = [p for p, prob in local if rng.random() < prob]
                if rng.random() < 0.3:  # a visitor from another AO
                    v = rng.choice(active)
                    if v not in came:
                        came.append(v)
                if len(came) < 3:
                    pool = [p for p, _ in local if p not in came] or [p for p in active if p not in came]
                    came += rng.sample(pool, min(3 - len(came), len(pool)))
                if len(came) >= 2:
                    self.beatdown(ao, self.day(week, dow), came, s)

    def beatdown(self, ao: dict, d: date, came: list[dict], s: dict) -> None:
        rng = self.rng
        fngs = [p for p in came if p["id"] not in self.seen and p["join"] > 0]
        vets = [p for p in came if p not in fngs]
        if not vets:
            vets, fngs = fngs[:1], fngs[1:]
        for p in came:
            self.seen.add(p["id"])
        weights = [3 if p["tier"] == "core" else 2 if p["tier"] == "regular" else 1 for p in vets]
        q = rng.choices(vets, weights)[0]
        coqs = [p for p in vets if p is not q][:1] if rng.random() < 0.1 and len(vets) > 2 else []
        tagged = [p["id"] for p in vets]
        nonslack = rng.sample(NONSLACK, rng.choice((1, 1, 2))) if rng.random() < 0.08 else []
        fng_names = [p["nick"] for p in fngs]
        count = len(tagged) + len(nonslack) + len(fng_names)
        title = rng.choice(TITLES)
        mole = self.moleskine(q["id"])
        pre_us = self.at(d - timedelta(days=1), rng.uniform(17, 21.5)) if rng.random() < s["preblast"] else None
        r = rng.random()
        hour = rng.uniform(6.3, 20) if r < 0.8 else rng.uniform(24 + 6, 24 + 21) if r < 0.95 else rng.uniform(48, 120)
        bb_us = self.at(d, hour)
        if pre_us is not None:
            self.preblast(pre_us, ao, d, q["id"], title)
        if rng.random() < s["teaser"]:
            self.add(self.at(d, rng.uniform(6.0, 6.25)), ao["id"], user=q["id"],
                     text=rng.choice(("Backblast coming!", "backblast to follow", "BB coming later today",
                                      "Backblast: coming soon, great work men")))
        fmt = ("linked" if rng.random() < s["linked"] else "slackblast") if rng.random() < s["slackblast"] else "hand"
        self.formats[fmt] += 1
        stated = count + rng.choice((-1, 1)) if fmt == "hand" and rng.random() < 0.05 else count
        bb = dict(ao=ao, d=d, title=title, q=q, coqs=coqs, nonslack=nonslack, fng_names=fng_names, count=stated,
                  mole=mole, opts=self.options())
        kw = self.backblast(fmt, tagged, **bb)
        if rng.random() < s["reaction"]:
            kw["reactions"] = [{"name": n, "users": [p["id"] for p in rng.sample(came, min(len(came), rng.randint(1, 5)))]}
                               for n in rng.sample(REACTIONS, rng.randint(1, 3))]
        if rng.random() < s["file"]:
            kw["files"] = [{"name": f"IMG_{rng.randrange(1000, 9999)}.jpg", "created": bb_us // 1_000_000}]
        parent = None
        if pre_us is not None and rng.random() < s["reply_bb"] / max(s["preblast"], 0.01):
            parent = pre_us
            if rng.random() < 0.3:
                kw["subtype"] = "thread_broadcast"
        if fmt == "hand" and len(tagged) >= 3 and rng.random() < s["edit"]:  # first posted missing a PAX
            missing = rng.choice([t for t in tagged if t != q["id"]])
            final = kw["text"]
            kw["text"] = self.backblast(fmt, [t for t in tagged if t != missing], **bb)["text"]
            self.edits.append((ao["id"], bb_us, final, self.later(bb_us, 20, 240)))
        self.add(bb_us, ao["id"], parent, **kw)
        self.truth.append({"channel": ao["id"], "ts": us_to_ts(bb_us), "ao_id": ao["id"], "date": d.isoformat(),
                           "q": q["id"], "coqs": [c["id"] for c in coqs], "pax": sorted(tagged), "fngs": len(fngs),
                           "fng_names": fng_names, "non_slack": nonslack, "count": stated, "format": fmt,
                           "title": title, "thread_ts": us_to_ts(parent) if parent else None})
        if rng.random() < s["delete"]:  # a double post, deleted a few minutes later
            dup = self.later(bb_us, 0.5, 3)
            self.add(dup, ao["id"], parent, **dict(kw, reactions=None, files=None))
            self.deletes.append((ao["id"], dup))
        if parent is None and rng.random() < s["thread"]:
            us = bb_us
            for _ in range(rng.randint(1, 6)):
                us = self.later(us, 2, 300)
                text = rng.choice(REPLIES).format(q=q["id"], u=rng.choice(came)["id"])
                self.add(us, ao["id"], bb_us, user=rng.choice(came)["id"], text=_esc_amp(text))

    def moleskine(self, q: str) -> str:
        rng = self.rng
        lines = ["WARMUP: " + ", ".join(f"{e} x {rng.choice((10, 15, 20, 25))}" for e in rng.sample(EXERCISES, 3)),
                 "THE THANG: " + rng.choice(("Dora 1-2-3", "11s", "Deck of cards", "Ladder", "Partner carry")) +
                 " with " + " & ".join(rng.sample(EXERCISES, 2)),
                 "MARY: " + ", ".join(rng.sample(EXERCISES, 2)),
                 "COT: Prayers for " + (f"<@{rng.choice(self.pax)['id']}>'s family" if rng.random() < 0.3 else
                                        "the sick & injured") + f". Q <@{q}> took us out in prayer."]
        if rng.random() < 0.2:
            lines.insert(0, "Announcements: 2nd F at the brewery Friday; HC with <!here>")
        return "\n".join(lines)

    def options(self) -> dict:
        """The random choices of one hand-typed post, fixed so an edit can re-render it."""
        rng = self.rng
        return {"style": rng.randrange(4), "sep": rng.choice((" ", ", ", " ,")), "q_in_pax": rng.random() < 0.7,
                "none": rng.choice(("None", "0", "none", "-")), "ao_label": rng.random() < 0.6}

    def backblast(self, fmt, tagged, ao, d, title, q, coqs, nonslack, fng_names, count, mole, opts) -> dict:
        title_esc, mole_esc = _esc(title), _esc_amp(mole)
        pax_list = [t for t in tagged if t != q["id"] or opts["q_in_pax"]]
        if fmt == "hand":
            style, sep = opts["style"], opts["sep"]
            pax = sep.join(f"<@{t}>" for t in pax_list) + "".join(f", {n}" for n in nonslack)
            fng = (f"{len(fng_names)} " + ", ".join(fng_names)) if fng_names else opts["none"]
            aotag = f"<#{ao['id']}|{ao['name']}>" if opts["ao_label"] else f"<#{ao['id']}>"
            qline = f"<@{q['id']}>" + "".join(f", <@{c['id']}>" for c in coqs)
            if style == 0:
                text = (f"*Backblast! {title_esc}*\nDATE: {d.month}/{d.day}/{d.year}\nAO: {aotag}\nQ: {qline}\n"
                        f"PAX: {pax}\nFNGs: {fng}\nCOUNT: {count}\n\n{mole_esc}")
            elif style == 1:
                text = (f"Backblast: {title_esc}\n*Date*: {d.isoformat()}\n*AO*: {aotag}\n*Q*: <@{q['id']}>\n"
                        + "".join(f"*CoQ*: <@{c['id']}>\n" for c in coqs)
                        + f"*PAX*: {pax}\n*FNGs*: {fng}\n*Count*: {count}\n{mole_esc}")
            elif style == 2:
                text = (f"backblast - {title_esc}\ndate: {d.strftime('%B')} {d.day}, {d.year}\nao: {aotag}\n"
                        f"q: {qline}\npax: {pax}\nfngs: {fng}\ncount: {count}\n\n{mole_esc}")
            else:
                text = (f"*BACKBLAST* - {title_esc}\n*DATE:* {d.month}/{d.day}/{d.year % 100:02d}\n*AO:* {aotag}\n"
                        f"*Q:* {qline}\n*PAX:* {pax}\n*FNG:* {fng}\n*COUNT:* {count}\n{mole_esc}")
            return {"user": q["id"], "text": text}
        coq_fmt = "".join(f", <@{c['id']}>" for c in coqs)
        pax_full = ", ".join([" ".join(f"<@{t}>" for t in pax_list)] + nonslack + fng_names)
        fngs_str = ", ".join(fng_names) if fng_names else None
        fng = f"{len(fng_names)} {fngs_str}" if fng_names else "None"
        post = (f"*Backblast! {title_esc}*\n*DATE*: {d.isoformat()}\n*AO*: <#{ao['id']}>\n*Q*: <@{q['id']}>{coq_fmt}\n"
                f"*PAX*: {pax_full}\n*FNGs*: {fng}\n*COUNT*: {count}")
        bot = {"bot_id": self.sb_bot, "app_id": "A" + self.sb_bot[1:], "subtype": "bot_message",
               "username": f"{q['nick']} (via Slackblast)"}
        if fmt == "slackblast":
            return dict(bot, text=f"{post}\n{mole_esc}")
        payload = {"title": title, "date": d.isoformat(), "The_AO": ao["id"], "the_q": q["id"],
                   "the_coq": [c["id"] for c in coqs] or None, "the_pax": pax_list,
                   "non_slack_pax": ", ".join(nonslack) or None, "fngs": fngs_str, "count": str(count),
                   "destination": "The_AO", "email_send": None, "boyband_file": [], "original_poster": q["id"],
                   "event_id": None}
        blocks = [
            {"type": "section", "block_id": "msg_text", "text": {"type": "mrkdwn", "text": post}},
            {"type": "rich_text", "block_id": "moleskine", "elements": [
                {"type": "rich_text_section", "elements": _rich(mole)}]},
            {"type": "actions", "block_id": "edit-backblast", "elements": [
                {"type": "button", "action_id": "edit-backblast", "value": json.dumps(payload),
                 "text": {"type": "plain_text", "text": ":pencil: Edit this backblast", "emoji": True}},
                {"type": "button", "action_id": "new-backblast", "value": "new",
                 "text": {"type": "plain_text", "text": ":heavy_plus_sign: New backblast", "emoji": True}}]},
        ]
        return dict(bot, text=f"{mole_esc}\n\nUse the 'New Backblast' button to create a new backblast",
                    blocks=blocks, metadata={"event_type": "backblast", "event_payload": payload})

    def preblast(self, us: int, ao: dict, d: date, q: str, title: str) -> None:
        rng = self.rng
        why = rng.choice(WHY)
        if rng.random() < 0.5:
            text = (f"*Preblast: {_esc(title)}*\nWhen: {d.month}/{d.day} 0530-0615\nWhere: <#{ao['id']}|{ao['name']}>\n"
                    f"Q: <@{q}>\nWhy: {why}\nCoupons: bring one")
            self.add(us, ao["id"], user=q, text=text)
            return
        payload = {"title": title, "date": d.isoformat(), "time": "0530", "The_AO": ao["id"], "the_q": q,
                   "the_why": why, "coupons": "Yes", "fngs": "Always", "destination": "The_AO",
                   "preblast_original_poster": q}
        post = (f"*Preblast: {_esc(title)}*\n*Date*: {d.isoformat()}\n*Time*: 0530\n*Where*: <#{ao['id']}>\n"
                f"*Q*: <@{q}>\n*Why*: {why}\n*Coupons*: Yes\n*FNGs*: Always")
        self.add(us, ao["id"], text=post, bot_id=self.sb_bot, app_id="A" + self.sb_bot[1:], subtype="bot_message",
                 username=f"{self._nick(q)} (via Slackblast)",
                 blocks=[{"type": "section", "block_id": "msg_text", "text": {"type": "mrkdwn", "text": post}}],
                 metadata={"event_type": "preblast", "event_payload": payload})

    def _nick(self, uid: str) -> str:
        return next((p["nick"] for p in self.pax if p["id"] == uid), "PAX")

    # -- chatter ----------------------------------------------------------------------------------
    def chatter(self, week: int, n: int, thread_share: float) -> None:
        rng = self.rng
        active = [p for p in self.pax if p["join"] <= week < p["leave"]] or self.pax
        chans = [(self.other["general"], 30), (self.other["random"], 10), (self.other["1st-f"], 10),
                 (self.other["help-desk"], 5), (self.other["leadership"], 5)]
        chans += [(ao["id"], 40 / len(self.aos)) for ao in self.aos if ao["first"] <= week < ao["last"]]
        ids, weights = zip(*chans, strict=True)
        targets = rng.choices(ids, weights, k=n)
        for cid in targets:
            u = rng.choice(active)["id"]
            c = rng.choice(self.aos)
            text = rng.choice(CHATTER).format(u=rng.choice(active)["id"], u2=rng.choice(active)["id"], c=c["id"],
                                              cn=c["name"])
            us = self.at(self.day(week, rng.randrange(7)), rng.uniform(5, 22.5))
            self.add(us, cid, user=u, text=_esc_amp(text))
            if rng.random() < thread_share * 0.6:
                r_us = us
                for _ in range(rng.randint(1, 4)):
                    r_us = self.later(r_us, 1, 180)
                    self.add(r_us, cid, us, user=rng.choice(active)["id"],
                             text=rng.choice(("Aye", "Count me in", "+1", "HC", "Same here", "I'll be there")))

    # -- posting ----------------------------------------------------------------------------------
    def apply(self) -> dict:
        ws = self.ws
        self.plan.sort(key=lambda e: e[0])
        replies = 0
        with ws.lock:
            for us, channel, parent_us, kw in self.plan:
                kw = {k: v for k, v in kw.items() if v is not None}
                if parent_us is None:
                    ws.post(channel, ts=us_to_ts(us), **kw)
                else:
                    broadcast = kw.pop("subtype", None) == "thread_broadcast"
                    ws.reply(channel, us_to_ts(parent_us), ts=us_to_ts(us), broadcast=broadcast, **kw)
                    replies += 1
            for channel, us, text, edit_us in self.edits:
                ws.edit(channel, us_to_ts(us), text=text, edited_ts=us_to_ts(edit_us))
            for channel, us in self.deletes:
                ws.delete(channel, us_to_ts(us))
            ws.truth.extend(sorted(self.truth, key=lambda t: (t["ts"], t["channel"])))
            total = sum(len(c.msgs) for c in ws.channels.values())
        return {"users": len(ws.users), "pax": len(self.pax), "channels": len(ws.channels),
                "ao_channels": [a["id"] for a in self.aos], "messages": total, "replies": replies,
                "backblasts": len(self.truth), "formats": dict(self.formats), "edits": len(self.edits),
                "deletes": len(self.deletes), "slackblast_bot_id": self.sb_bot, "channel_ids": dict(self.other)}


def _rich(text: str) -> list[dict]:
    """Plain text with <@U..>/<!here> as rich_text_section elements (rich text is not escaped)."""
    out = []
    for part in re.split(r"(<@[A-Z0-9]+>|<!here>)", text):
        if part.startswith("<@"):
            out.append({"type": "user", "user_id": part[2:-1]})
        elif part == "<!here>":
            out.append({"type": "broadcast", "range": "here"})
        elif part:
            out.append({"type": "text", "text": part})
    return out


def _esc_amp(text: str) -> str:
    return text.replace("&", "&amp;")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
