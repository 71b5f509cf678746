"""Backblast parser: one raw Slack message -> :class:`Parsed`.

Pure: no I/O, no DB, no Slack calls, and never the wall clock (dates are read relative to the
message's own ``ts`` so backfills of old posts parse the same as fresh ones).

Reads three shapes of post:
  * hand-typed backblasts (labelled lines: Q / Co-Q / PAX / FNGs / Count / Date / AO ...);
  * slackblast app posts whose labelled lines are in ``text`` (older app versions);
  * slackblast app posts whose labelled lines live in ``blocks`` and whose structured data is in
    ``metadata.event_payload`` (``event_type == "backblast"``; the payload is preferred).

Speed (>= 20k messages/s on one core is required): labelled lines are found with one regex scan of
"\n" + the lowercased text, so moleskine lines never reach Python code; regexes are case-sensitive on
lowercased text (``re.I`` defeats the engine's literal optimisations) and avoid "(?:...)?" repeats (see
the regex notes); name / AO indexes are built once per Context and cached on it, and resolved name tokens
and AO texts are memoised per Context (the same PAX and AOs recur week after week).

Contract for callers: don't mutate ``ctx.users`` / ``ctx.aos`` in place after building a Context; build a
new Context (with new mappings) when the users or channels change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Mapping
from zoneinfo import ZoneInfo

PARSER_VERSION = "4"  # bump when output changes

__all__ = ["PARSER_VERSION", "Context", "Parsed", "alias_key", "parse_message", "parse_date", "parse_blocks_text"]


@dataclass(frozen=True)
class Context:
    channel_id: str  # channel the message was posted in
    users: Mapping[str, Mapping]  # user_id -> {"user_name", "real_name", "app": 0|1}
    aos: Mapping[str, str]  # channel_id -> channel name, for every known channel
    tz: str = "America/Chicago"  # region timezone (post ts -> local date)
    date_order: str = "MDY"  # or "DMY"
    aliases: Mapping[str, str] = field(default_factory=dict)  # normalized alias -> user_id (the region's table)


@dataclass
class Parsed:
    status: str  # "ok" | "not_backblast" | "problem"
    problem: str | None = None
    intended: bool = False
    ao_id: str | None = None
    bd_date: dt.date | None = None
    q_user_id: str | None = None
    coq_user_ids: list[str] = field(default_factory=list)
    pax_user_ids: list[str] = field(default_factory=list)
    unmatched_names: list[str] = field(default_factory=list)
    fngs: list[str] = field(default_factory=list)
    fng_count: int = 0
    pax_count: int = 0
    title: str | None = None
    poster_user_id: str | None = None
    source: str = "text"
    text: str = ""
    date_flag: str | None = None  # "missing" / "unreadable": bd_date is the post's local date
    warnings: list[str] = field(default_factory=list)  # things to tell the Q (unreadable date, unmatched names)

    def as_dict(self) -> dict:
        """JSON-ready dict (bd_date as ISO string)."""
        d = asdict(self)
        d["bd_date"] = self.bd_date.isoformat() if self.bd_date else None
        return d


# --------------------------------------------------------------------------- regexes
# fmt: off

# Note: optional parts are written "(?:X|)" rather than "(?:X)?": same meaning, but CPython's regex engine
# allocates a repeat context for every "(?:...)?" / "(?:...)*" attempt, which dominates these hot patterns.
_USER_RE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*|)>")
_CHAN_RE = re.compile(r"<#(C[A-Z0-9]+)(?:\|([^>]*)|)>")
_TOKEN_RE = re.compile(r"<[^>]*>")  # any other <...>: <!here>, <!subteam^..>, links
_URL_RE = re.compile(r"\bhttps?://\S+", re.I)
_EMOJI_RE = re.compile(r":[a-zA-Z0-9_+'\-]+:")
_PAREN_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PAX_TOKEN_RE = re.compile(  # one pass over a PAX value -> (mention uid, name chunk); other tokens give ("", "")
    r"[\s,;|+/&]*(?:<@([UW][A-Z0-9]+)(?:\|[^>]*|)>|<[^>]*>|https?://[^\s,]+|([^<,;|+/&\n]+))"
)
_MARKUP = "*_~` \t\r\u00a0"
_NAME_STRIP = _MARKUP + "@\"'.!?:·•\n"

# Label words, grouped by field.  Matched case-insensitively (on lowercased text), longest first.
_LABELS = {
    "q": ["the q", "q", "qs", "q's", "q’s", "q(s)", "vq", "v-q", "virgin q", "qic", "the qic", "q in charge", "qics",
          "q.i.c.", "the qs", "the q's", "the q’s"],
    "coq": ["co-q", "co q", "coq", "co-qs", "co qs", "coqs", "co-q's", "co-q’s", "co-q(s)", "co-qic", "co-qic's",
            "co q's", "co q’s"],
    "pax": ["pax", "the pax", "pax list", "attendees", "hims", "pax in attendance", "pax names", "nor"],
    "fng": ["fng", "fngs", "fng's", "fng’s", "fng(s)", "new guys", "fngz", "fng names", "number of fngs",
            "number of fng's", "# of fngs"],
    "count": ["count", "pax count", "total", "total pax", "total count", "total pax count", "#pax", "# pax",
              "# of pax", "#of pax", "headcount", "head count", "number of pax", "num pax", "paxcount", "pax total"],
    "date": ["date", "when", "day", "workout date", "bd date", "beatdown date"],
    "ao": ["ao", "the ao", "where", "location", "ao name", "a.o.", "posted in"],
    "title": ["title", "bb title", "backblast title"],
}
_LABEL_OF = {w: k for k, ws in _LABELS.items() for w in ws}


def _trie_regex(words) -> str:
    """Alternation of literal words as a trie ("q(?:ic|s|'s)?|..."): the regex engine then checks one
    branch per character instead of every word, with the same longest-first matching."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:  # a word may end here: try the longer words first, then stop
            return "(?:" + "|".join(alts) + "|)"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


_SP = r"[ \t\u00a0]"  # spaces that never cross a line
_PREFIX = r"[ \t\u00a0>*_~•·\-–]*"  # bullets, quote marks ("&gt;" is blanked to "   >" first), bold
_LABEL_RE = re.compile(  # searched in "\n" + lowercased text: the literal "\n" makes scanning fast
    rf"\n{_PREFIX}(?::[a-z0-9_+'\-]+:{_PREFIX}|)"  # ... and one leading :emoji:
    r"(?P<label>" + _trie_regex(_LABEL_OF) + r")"
    r"(?![a-z0-9'’])"
    rf"[ \t*_~]*(?:\({_SP}*(?P<n>\d+)[^)\n]{{0,40}}\)|\([^)\n]{{0,40}}\)|)[ \t*_~]*"  # "(8)", "(50, 2 FNGs)", "()"
    r"(?:[:=]|(?<=[ \t])[-–—|]|[-–—](?=[ \t])|(?=<[@#])|(?<=\t)(?=[^\s]))"  # separator ("DATE | ..." too),
    # a mention straight after, or a tab (a pasted table row: "The PAX<TAB>A, B")
    r"[ \t*_~]*(?P<value>[^\n]*)",
)
_GENERIC_LABEL_RE = re.compile(r"^[ \t*_~]*[a-z#][\w '’#/&\-]{0,30}[*_~]*[ \t]*:")
_HEADER_WORD_RE = re.compile(  # first word of a line (lowercased); group 1 set for "preblast"
    r"^[\W_]*?(?::[a-z0-9_+'\-]+:[\W_]*)*(?:(pre[\s\-]?blast)|([a-z]+(?:[ \-][a-z]*?bl?ast(?![a-z]))?))"
)
_TEASER_RE = re.compile(
    r"\b(coming|to follow|incoming|later|soon|pending|tbd|tonight|will post|on (its|the) way|forthcoming|"
    r"delayed|tomorrow|in a bit|shortly|en route)\b"
)
_SPLIT_RE = re.compile(r"[,;|+/&\n]|\s+(?:[Aa][Nn][Dd]|[-–—])\s+|\s+(?=@)|\b[Ww]/")
_ALPHA_RE = re.compile(r"[^\W\d_]")
_LEAD_NUM_RE = re.compile(  # "8 - A, B", "(8): A", "8 <@U..>"; not "4-Square" (a hyphenated name)
    r"^\(?\s*(\d{1,3})\s*\)?\s*(?::\s*|[\-–—](?=[\s<@]|$)\s*|(?<=\s)[\-–—]\s*|(?=<@)|$)")
_LEAD_PHRASE_RE = re.compile(r"^\(\s*(\d{1,3})\s*\)[^,:!\n<]{0,40}[!:]\s*")  # "(27) strong w/(5) FNG's!  Ace, .."
_LEAD_NUM_WORD_RE = re.compile(r"^(\d{1,3})\s+(?=\D)")
_INT_RE = re.compile(r"\d+")
_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NONE_RE = re.compile(r"^(none|no|nope|zero|0|-+|n/?a|nil|nada|negative|zilch|nobody|null)(?!\w)")
_STOP_NAMES = frozenset(
    "and none n/a na others other etc fng fngs pax all everyone nobody tbd - -- ... with plus".split()
) | {"the pax"}
_SELF_NAMES = frozenset({"yhc", "me", "myself", "yours truly", "your humble correspondent"})

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUM_DATE_RE = re.compile(  # ISO 2025-03-01 (groups 1-3) or 3/1[/2025] (groups 4-6), in one search
    r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"
    r"|(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2})|)(?![\d/])"
)
_MD_NAME_RE = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th|)\b(?:,?\s*(\d{{4}}|'\d{{2}})\b|)")
_DM_NAME_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|)\s+(?:of\s+|)({_MONTH_ALT})\b\.?(?:,?\s*(\d{{4}}|'\d{{2}})\b|)")
_REL_RE = re.compile(r"\b(today|this morning|tonight|this am|yesterday|yday|y'day|yest)\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b")
_TIME_ONLY_RE = re.compile(  # "0530", "5:30am", "0530-0615", "5:15 to 6:00 am": a time, not a date
    r"^(?:[\s@,\-–]|to\b|\d{1,2}:\d{2}\s*(?:am|pm|a|p|)\b|\d{4}\s*(?:hrs?|)\b|\d{1,2}\s*(?:am|pm)\b)*$"
)
_AO_FILLER_RE = re.compile(r"\b(ao|at|the|in)\b|[^\w]")

_ALLOWED_SUBTYPES = frozenset({None, "", "bot_message", "thread_broadcast", "file_share"})
_LIST_LABELS = frozenset({"pax", "coq", "fng"})
_NONE_VALUES = frozenset({"None", "none", "NONE", "0", "-", "N/A", "n/a", "NA", "na", "Zero", "zero", "Nope", "nope"})
# fmt: on


# --------------------------------------------------------------------------- context lookups


class _Lookup:
    """Per-Context indexes (names -> user, channel names -> AO), built once and cached."""

    __slots__ = ("users", "aos", "apps", "name_to_uid", "user_keys", "ao_by_name", "ao_by_short", "name_memo",
                 "ao_memo", "squashed", "aliases", "alias_squashed", "alias_src", "joined")  # fmt: skip

    def __init__(self, ctx: Context):
        self.users = ctx.users
        self.aos = ctx.aos
        self.name_memo: dict[str, tuple] = {}  # raw name token -> resolved names (names repeat week to week)
        self.ao_memo: dict[str, str | None] = {}  # AO text -> channel id
        self.apps: set[str] = set()
        self.user_keys: dict[str, tuple[str, ...]] = {}  # uid -> normalised names (FNG de-duplication)
        by_name: dict[str, set[str]] = {}
        for uid, info in ctx.users.items():
            if info.get("app"):
                self.apps.add(uid)
                continue
            keys = tuple(
                k for k in (_norm_name(info.get("user_name") or ""), _norm_name(info.get("real_name") or "")) if k
            )
            self.user_keys[uid] = keys
            for key in keys:
                by_name.setdefault(key, set()).add(uid)
        # normalised name -> uid when exactly one user has it, None when ambiguous
        self.name_to_uid = {k: (next(iter(v)) if len(v) == 1 else None) for k, v in by_name.items()}
        # names that contain a list separator ("Salt and Pepper", "T&C"): looked for before a list is split
        self.joined = {k: v for k, v in self.name_to_uid.items() if v and ("&" in k or " and " in k or "/" in k)}
        self.alias_src = ctx.aliases
        self.aliases = {alias_key(k): v for k, v in (ctx.aliases or {}).items() if v not in self.apps}
        self.alias_squashed = {_squash(k): v for k, v in self.aliases.items() if _squash(k)}
        squashed: dict[str, set[str]] = {}  # names without case, spaces, hyphens, dots, quotes
        for k, v in by_name.items():
            squashed.setdefault(_squash(k), set()).update(v)
        self.squashed = {k: (next(iter(v)) if len(v) == 1 else None) for k, v in squashed.items() if k}
        self.ao_by_name: dict[str, str | None] = {}
        self.ao_by_short: dict[str, str | None] = {}  # same, ignoring a leading "the"
        for cid, name in ctx.aos.items():
            key = _norm_ao(name)
            self.ao_by_name[key] = cid if key not in self.ao_by_name else None
            short = _strip_the(key)
            self.ao_by_short[short] = cid if short not in self.ao_by_short else None


_LOOKUPS: dict[tuple[int, int, int], tuple[Context, _Lookup]] = {}


def _lookup(ctx: Context) -> _Lookup:
    """Per-Context indexes, cached on the (frozen) Context itself and, for new Context objects over the same
    users/aos/aliases mappings, in a module cache keyed by their identity (the stored Context keeps them alive)."""
    lk = ctx.__dict__.get("_bb_lookup")
    if lk is not None and lk.users is ctx.users and lk.aos is ctx.aos and lk.alias_src is ctx.aliases:
        return lk
    key = (id(ctx.users), id(ctx.aos), id(ctx.aliases))
    hit = _LOOKUPS.get(key)
    if hit is not None and hit[0].users is ctx.users and hit[0].aos is ctx.aos and hit[0].aliases is ctx.aliases:
        lk = hit[1]
    else:
        if len(_LOOKUPS) > 64:
            _LOOKUPS.clear()
        lk = _Lookup(ctx)
        _LOOKUPS[key] = (ctx, lk)
    object.__setattr__(ctx, "_bb_lookup", lk)  # a cache, not state: Context fields are untouched
    return lk


def _norm_name(s: str) -> str:
    return " ".join(s.lower().split())


def alias_key(written: str) -> str:
    """How an alias is stored and looked up: as a name token reads in a post (case, outer punctuation,
    '@' and repeated spaces ignored). The region's alias table is keyed by it."""
    return _norm_name(written.strip(_NAME_STRIP))


_SQUASH_RE = re.compile(r"[\s\-–—_.'’`@!]+")


def _squash(s: str) -> str:
    return _SQUASH_RE.sub("", s.lower())


def _close_match(key: str, lk: _Lookup) -> str | None:
    """A close spelling (one edit, names of 5+ letters) of exactly one user's squashed name."""
    if len(key) < 5:
        return None
    hit = None
    for k, uid in lk.squashed.items():
        if uid and abs(len(k) - len(key)) <= 1 and k[0] == key[0] and _edit_distance(k, key) <= 1:
            if hit is not None and hit != uid:
                return None
            hit = uid
    return hit


def _norm_ao(s: str) -> str:
    s = " ".join(s.lower().strip().lstrip("#").replace("_", " ").replace("-", " ").split())
    return s[3:] if s.startswith("ao ") else s


def _strip_the(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


# --------------------------------------------------------------------------- small helpers


def unescape(s: str) -> str:
    """Slack's text escaping undone (&lt; &gt; &amp;)."""
    if "&" in s:
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return s



def _lower(s: str) -> str:
    """Lowercase with indexes kept aligned to ``s`` (a few Unicode letters change length)."""
    low = s.lower()
    if len(low) != len(s):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    return low


def _first_int(s: str) -> int | None:
    m = _INT_RE.search(s)
    if m:
        return int(m.group())
    return _NUM_WORDS.get(s.strip(_MARKUP + ".!").split(" ", 1)[0].lower())


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


@lru_cache(maxsize=65536)
def _hour_offset(tz: str, hour: int) -> int | None:
    """Seconds east of UTC in ``tz`` for a whole epoch hour; None if the offset changes inside it."""
    z = _zone(tz)
    a = dt.datetime.fromtimestamp(hour * 3600, z).utcoffset()
    b = dt.datetime.fromtimestamp(hour * 3600 + 3599, z).utcoffset()
    return int(a.total_seconds()) if a == b else None


_HOUR_DATES: dict[str, dict[int, dt.date | None]] = {}  # tz -> epoch hour -> local date (None: ambiguous)


def _post_date(ts: Any, tz: str) -> dt.date | None:
    """The post's local calendar date in the region's timezone."""
    try:
        secs = int(float(ts))
        hour = secs // 3600
        memo = _HOUR_DATES.get(tz)
        if memo is None or len(memo) > 100000:
            memo = _HOUR_DATES[tz] = {}
        day = memo.get(hour, 0)
        if day == 0:
            day = memo[hour] = _hour_date(tz, hour)
        return day or dt.datetime.fromtimestamp(secs, _zone(tz)).date()
    except (TypeError, ValueError, KeyError, OverflowError, OSError):
        return None


def _hour_date(tz: str, hour: int) -> dt.date | None:
    """Local date of a whole epoch hour, or None when the offset or the local date changes within it."""
    off = _hour_offset(tz, hour)
    if off is None:
        return None
    first = (hour * 3600 + off) // 86400
    last = (hour * 3600 + 3599 + off) // 86400
    return dt.date.fromordinal(_EPOCH_ORDINAL + first) if first == last else None


def _user_name(uid: str, lk: _Lookup) -> str:
    info = lk.users.get(uid)
    return (info.get("user_name") or info.get("real_name") or uid) if info else uid


# --------------------------------------------------------------------------- blocks


def parse_blocks_text(blocks: Any) -> str:
    """Render Slack blocks (section / header / context / rich_text) back into mrkdwn-ish lines."""
    out: list[str] = []
    for b in blocks or ():
        if not isinstance(b, dict):
            continue
        t = b.get("type")
        if t in ("section", "header"):
            txt = b.get("text")
            if isinstance(txt, dict) and txt.get("text"):
                out.append(txt["text"])
            for f in b.get("fields") or ():
                if isinstance(f, dict) and f.get("text"):
                    out.append(f["text"])
        elif t == "context":
            out.extend(e.get("text", "") for e in b.get("elements") or () if isinstance(e, dict))
        elif t == "rich_text":
            out.append(_render_rich(b.get("elements") or ()))
    return "\n".join(x for x in out if x)


def _render_rich(elements: Any) -> str:
    parts: list[str] = []
    for el in elements:
        if not isinstance(el, dict):
            continue
        t = el.get("type")
        if t == "text":
            parts.append(el.get("text", ""))
        elif t == "user":
            parts.append(f"<@{el.get('user_id', '')}>")
        elif t == "channel":
            parts.append(f"<#{el.get('channel_id', '')}>")
        elif t == "link":
            parts.append(el.get("text") or el.get("url", ""))
        elif t == "emoji":
            parts.append(f":{el.get('name', '')}:")
        elif t == "broadcast":
            parts.append(f"<!{el.get('range', 'here')}>")
        elif t == "usergroup":
            parts.append(f"<!subteam^{el.get('usergroup_id', '')}>")
        elif t == "rich_text_list":
            items = (_render_rich(i.get("elements") or ()) for i in el.get("elements") or () if isinstance(i, dict))
            parts.append("\n".join("- " + i for i in items) + "\n")
        elif "elements" in el:  # rich_text_section / preformatted / quote
            parts.append(_render_rich(el["elements"]))
            if t != "rich_text_section":
                parts.append("\n")
    return "".join(parts)


# --------------------------------------------------------------------------- header


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_HEADER_EXACT = frozenset({"backblast", "slackblast", "bb", "backblasts", "bbs"})


_HEADER_MEMO: dict[str, bool] = {}
_HEAD_SKIP = " \t*_~`#>!\"'-–—.([{"  # leading punctuation before a header word
_HEAD_FIRST = frozenset("bsp:&")  # backblast / slackblast / bb / preblast, or an :emoji: first


def _is_header_word(word: str) -> bool:
    """'backblast' and friends, including common misspellings (edit distance <= 2)."""
    hit = _HEADER_MEMO.get(word)
    if hit is None:
        hit = word in _HEADER_EXACT or (
            7 <= len(word) <= 12
            and word[0] in "bs"
            and word.endswith("st")
            and min(_edit_distance(word, "backblast"), _edit_distance(word, "slackblast")) <= 2
        )
        if len(_HEADER_MEMO) < 10000:
            _HEADER_MEMO[word] = hit
    return hit


# --------------------------------------------------------------------------- names


def parse_names(chunk: str, lk: _Lookup, self_uid: str | None = None) -> list[tuple[str, str | None, bool]]:
    """Split plain text into names -> [(name, uid or None, ambiguous)]. "YHC"/"me" -> self_uid."""
    if not _ALPHA_RE.search(chunk):
        return []
    if ":" in chunk or "(" in chunk or "[" in chunk or "&" in chunk:
        chunk = _EMOJI_RE.sub(" ", _PAREN_RE.sub(" ", unescape(chunk)))
    out: list[tuple[str, str | None, bool]] = []
    memo = lk.name_memo
    for raw in _SPLIT_RE.split(chunk):
        got = memo.get(raw)
        if got is None:
            got = _memo_names(raw, lk)
        for item in got:
            if item[1] != "":
                out.append(item)
            elif self_uid:  # "YHC" / "me": whoever posted
                out.append((item[0], self_uid, False))
    return out


def _memo_names(chunk: str, lk: _Lookup) -> tuple[tuple[str, str | None, bool], ...]:
    """Resolve a plain-text chunk (may hold several names) once per Context; names repeat week to week."""
    memo = lk.name_memo
    if len(memo) > 50000:
        memo.clear()
    clean = _EMOJI_RE.sub(" ", chunk) if ":" in chunk else chunk
    parts = _SPLIT_RE.split(clean)
    got = _resolve_name(parts[0], lk) if len(parts) == 1 else tuple(x for p in parts for x in _resolve_name(p, lk))
    memo[chunk] = got
    return got


def _resolve_name(raw: str, lk: _Lookup) -> tuple[tuple[str, str | None, bool], ...]:
    """One raw name token -> ((name, uid|None, ambiguous), ...); uid "" marks a self-reference."""
    name = raw.strip(_NAME_STRIP + "–—")  # "@A – B": a dash left before B by the mention
    if name[-1:] == ")" and "(" not in name:  # "Litter Box)." closing a parenthesis opened before the list
        name = name.rstrip(")").strip(_NAME_STRIP + "–—")
    if not name or (not _ALPHA_RE.search(name) and name.lower() not in lk.name_to_uid):  # "7-11" may be a user
        return ()
    if name[0].isdigit() and name.lower() not in lk.name_to_uid:
        uid = _name_and_real(_norm_name(name), lk) if " " in name else None  # "10k John Martin"
        return ((name, uid, False),) if uid else ()
    if "  " in name or "\t" in name:
        name = " ".join(name.split())
    key = name.lower()
    if key in _SELF_NAMES:
        return ((name, "", False),)
    if key in lk.name_to_uid:
        uid = lk.name_to_uid[key] or lk.aliases.get(key)  # an admin's alias settles a shared name
        return ((name, uid, uid is None),)
    if key in _STOP_NAMES or _ABSENT_RE.match(key):  # "honorable mention Ace": named, not there
        return ()
    if key[-1:] in "ms" and _FAMILY_ITEM_RE.match(name):  # "Blue Ox’s M", "Kodak's 2.0": family, not PAX
        return ()
    if " aka" in key or key.startswith("aka ") or "a.k.a" in key:  # "Old Name aka New Name": one man
        halves = [h.strip(_NAME_STRIP) for h in _AKA_RE.split(name)]
        halves = [h for h in halves if h]
        if len(halves) < 2:  # "Old Name aka" left beside a mention of the same man
            return ()
        known = [g for h in halves for g in _resolve_name(h, lk) if g[1]]
        return (known[-1],) if known else ((halves[-1], None, False),)
    for lead in ("and ", "special guest ", "guest "):
        if key.startswith(lead):
            return _resolve_name(name[len(lead) :], lk)
    sq = _squash(key)
    uid = lk.aliases.get(key) or lk.squashed.get(sq) or lk.alias_squashed.get(sq)
    if not uid and sq[:2] == "f3" and len(sq) > 4:  # "@F3PorkChop": a handle with the F3 prefix
        uid = lk.squashed.get(sq[2:])
    if uid:
        return ((name, uid, False),)
    if key.startswith("yhc "):  # "YHC Floppy Disk"
        return _resolve_name(name[4:], lk)
    if "@" in key:  # "@A@B C@D" written as text
        parts = [p for p in name.split("@") if p.strip()]
        if len(parts) > 1:
            return tuple(x for p in parts for x in _resolve_name(p, lk))
    seg = _segment(key, lk) if " " in key else None
    if seg:
        return tuple((n, uid, False) for n, uid in seg)
    uid = _close_match(sq, lk)
    if uid:
        return ((name, uid, False),)
    if " " in key:
        uid = _name_and_real(key, lk)  # "Nickname Real Name"
        if uid:
            return ((name, uid, False),)
        got = _after_prose(name, lk)  # "his uncle Fish Hook", "long-lost cousin Sour Patch"
        if got:
            return got
    return ((name, None, False),)


_ABSENT_RE = re.compile(r"(?:honou?rable mentions?|in spirit|absent|not present)\b")
_AKA_RE = re.compile(r"(?:^|\s)(?:aka|a\.k\.a\.?)(?:\s|$)", re.I)


def _name_and_real(key: str, lk: _Lookup) -> str | None:
    """'5k tom rich': a user's name followed by that same user's real name (no parentheses) is that user."""
    words = key.split(" ")
    for i in range(1, len(words)):
        uid = lk.name_to_uid.get(" ".join(words[:i]))
        if uid:
            keys = lk.user_keys.get(uid, ())
            rest = " ".join(words[i:])
            if len(keys) > 1 and (keys[1] == rest or (" " not in rest and keys[1].split(" ")[0] == rest)):
                return uid  # "5k tom rich", "atm andy" (his first name)
    return None


def _after_prose(name: str, lk: _Lookup) -> tuple[tuple[str, str | None, bool], ...]:
    """Lowercase words of prose before a capitalised name ("his uncle Fish Hook"): the name is that user's."""
    words = name.split(" ")
    for i in range(1, len(words)):
        if not words[i - 1][:1].islower():
            return ()
        if words[i][:1].isupper():
            rest = " ".join(words[i:])
            key = rest.lower()
            uid = lk.name_to_uid.get(key) or lk.aliases.get(key) or lk.squashed.get(_squash(key))
            return ((rest, uid, False),) if uid else ()
    return ()


def _segment(key: str, lk: _Lookup) -> list[tuple[str, str]] | None:
    """Split 'sasquatch tin man' into known unique names; None unless every word is used."""
    words = key.split(" ")
    if len(words) > 12:
        return None
    best: list[list[tuple[str, str]] | None] = [None] * (len(words) + 1)
    best[0] = []
    for i in range(len(words)):
        if best[i] is None:
            continue
        for j in range(len(words), i, -1):
            cand = " ".join(words[i:j])
            uid = lk.name_to_uid.get(cand)
            if uid and best[j] is None:
                best[j] = best[i] + [(cand, uid)]
    return best[-1] if best[-1] and len(best[-1]) > 1 else None


def _split_tokens(value: str) -> tuple[list[str], str]:
    """Pull user mentions out of ``value``; drop channel/special tokens and URLs. -> (uids, plain text)."""
    if "<" not in value:
        return [], (_URL_RE.sub(",", value) if "http" in value else value)
    uids = _USER_RE.findall(value)
    plain = _TOKEN_RE.sub(",", value)  # user, channel and special tokens alike
    if "http" in plain:
        plain = _URL_RE.sub(",", plain)
    return uids, plain


# --------------------------------------------------------------------------- dates


def parse_date(value: str, post: dt.date | None, order: str = "MDY") -> dt.date | None:
    """Read a date as Qs write it; relative forms are relative to ``post``. None when unreadable."""
    parts = value.replace("-", "/").split("/")
    if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit() and parts[2].isdigit():  # fast path
        try:
            if len(parts[0]) == 4:  # ISO 2025-03-01
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            if len(parts[0]) <= 2 and len(parts[1]) <= 2 and len(parts[2]) in (2, 4):
                a, b = int(parts[0]), int(parts[1])
                return _with_year(*((b, a) if order in ("DMY", "dmy") else (a, b)), parts[2], post)
        except ValueError:
            return None
    v = _lower(unescape(value) if "&" in value else value)
    if "(" in v:
        v = _PAREN_RE.sub(" ", v)
    try:
        m = _NUM_DATE_RE.search(v)
        if m:
            if m.start(1) >= 0:  # ISO
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            a, b = int(m[4]), int(m[5])
            mon, day = (b, a) if order in ("DMY", "dmy") else (a, b)
            return _with_year(mon, day, m[6], post)
        if _ALPHA_RE.search(v) is None:
            return _dateutil_date(v, post, order)
        m = _MD_NAME_RE.search(v)
        if m:
            return _with_year(_MONTHS[m[1]], int(m[2]), m[3], post)
        m = _DM_NAME_RE.search(v)
        if m:
            return _with_year(_MONTHS[m[2]], int(m[1]), m[3], post)
    except ValueError:
        return None
    if post is None:
        return None
    got = _dateutil_date(v, post, order)
    if got is not None:
        return got
    m = _REL_RE.search(v)
    if m:
        return post if m[1] in ("today", "this morning", "tonight", "this am") else post - dt.timedelta(1)
    m = _WEEKDAY_RE.search(v)
    if m:  # the most recent such day, on or before the post date
        return post - dt.timedelta((post.weekday() - _WEEKDAYS[m[1]]) % 7)
    return None


_MONTH_WORD_RE = re.compile(rf"\b({_MONTH_ALT})\b")
_COMPACT_RE = re.compile(r"\b(\d{4})(\d{2})(\d{2})\b")  # 20180413
_DU_DEFAULT = dt.datetime(1900, 1, 1)


def _dateutil_date(v: str, post: dt.date | None, order: str) -> dt.date | None:
    """What the fast readers miss (26-apr-2024, 3.27.15, 20180413, jan 06, 2023 ...), read by dateutil with the
    region's date order; a date with no year is the latest such date not after the post."""
    m = _COMPACT_RE.search(v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if len(_INT_RE.findall(v)) < (1 if _MONTH_WORD_RE.search(v) else 2):  # a month and a day, at least
        return None
    from dateutil import parser as du  # imported on first use: most posts never get here

    try:
        got, _rest = du.parse(v, fuzzy_with_tokens=True, dayfirst=order in ("DMY", "dmy"), default=_DU_DEFAULT)
    except (ValueError, OverflowError, TypeError):
        return None
    if got.year == 1900:  # no year written
        return _with_year(got.month, got.day, None, post) if post else None
    if got.year < 2000 or got.year > 2100:
        return None
    return got.date()


def _with_year(mon: int, day: int, year: str | None, post: dt.date | None) -> dt.date:
    if year:
        y = int(year.lstrip("'"))
        return dt.date(y + 2000 if y < 100 else y, mon, day)
    if post is None:
        raise ValueError("no year and no post date")
    best = None  # no year written: the latest such date not after the post (a day of slack for time zones)
    for y in (post.year + 1, post.year, post.year - 1, post.year - 2):
        try:
            cand = dt.date(y, mon, day)
        except ValueError:
            continue
        if cand <= post + dt.timedelta(1):
            best = cand
            break
    if best is None:
        raise ValueError("bad day")
    return best


# --------------------------------------------------------------------------- AO


def parse_ao_text(value: str, lk: _Lookup) -> str | None:
    """Match an AO written as text against known channel names (ignoring ao- prefix, dashes, case, 'the')."""
    if value not in lk.ao_memo:
        if len(lk.ao_memo) > 20000:
            lk.ao_memo.clear()
        lk.ao_memo[value] = _match_ao_text(value, lk)
    return lk.ao_memo[value]


def _match_ao_text(value: str, lk: _Lookup) -> str | None:
    v = _EMOJI_RE.sub(" ", unescape(value))
    cands = [v, _PAREN_RE.sub(" ", v)]
    for sep in (" - ", " – ", " @ ", "/", ",", " at "):
        if sep in v:
            cands.extend(v.split(sep))
    if " @" in v:  # "The Bear @F3Campwillis (Jones MS)": the AO's handle after its name
        cands.append(_PAREN_RE.sub(" ", v).split(" @", 1)[0])
    for c in cands:
        key = _norm_ao(c.strip(_MARKUP + "#.!"))
        if key:
            cid = lk.ao_by_name.get(key) or lk.ao_by_short.get(_strip_the(key))
            if cid:
                return cid
    return None


def _ao_only_line(line: str) -> str | None:
    """A line that is nothing but a channel mention (plus filler like 'AO' / 'at') names the AO."""
    m = _CHAN_RE.search(line)
    if not m:
        return None
    rest = _AO_FILLER_RE.sub("", _lower(_CHAN_RE.sub("", _EMOJI_RE.sub("", line))))
    return None if rest else m.group(1)


# --------------------------------------------------------------------------- FNGs


def parse_fngs(value: str, lk: _Lookup) -> tuple[int | None, list[str], list[str], bool]:
    """FNG value -> (number written or None, names as written, mentioned uids, said-none)."""
    v = value.strip(_MARKUP)
    if not v:  # "FNGs:" with the names on the following lines (or nothing at all)
        return None, [], [], False
    if _NONE_RE.match(v.lower()):
        return 0, [], [], True
    n = None
    m = _LEAD_NUM_RE.match(v) or _LEAD_NUM_WORD_RE.match(v)
    if m:
        n = int(m.group(1))
        v = v[m.end() :]
    else:
        w = v.split(" ", 1)[0].lower().strip(",:-")
        if w in _NUM_WORDS:
            n = _NUM_WORDS[w]
            v = v[len(w) :]
    v = v.strip()
    if v.startswith("(") and v.endswith(")"):
        v = v[1:-1]
    uids, plain = _split_tokens(v)
    uids = [u for u in uids if u not in lk.apps]
    names = [_user_name(u, lk) for u in uids]
    if _ALPHA_RE.search(plain):
        for raw in _SPLIT_RE.split(_EMOJI_RE.sub(" ", _PAREN_RE.sub(" ", unescape(plain)))):
            name = " ".join(raw.strip(_MARKUP + "@\"'.!?:·•").split())
            key = name.lower()
            if key and key not in _STOP_NAMES and not key[0].isdigit():
                names.append(name)
    return n, names, uids, False


# --------------------------------------------------------------------------- the accumulator


class _Acc:
    """Collects people and numbers while lines are read."""

    # scalars default at class level (only set when a message has them)
    q: str | None = None
    fng_n: int | None = None  # the FNG number written
    fng_line = False
    count: int | None = None  # the Count/Total number written
    paren_count: int | None = None  # "PAX (8):"
    q_problem: str | None = None
    anon_fngs = 0  # "FNG" items with no name in a PAX list: men counted, not named
    fng_placed: frozenset | set = frozenset()  # FNG names (normalised) that turned out to be users

    def __init__(self, lk: _Lookup):
        self.lk = lk
        self.coqs: list[str] = []
        self.pax: list[str] = []  # everyone else, first-seen order
        self.seen: set[str] = set()  # every uid already placed
        self.unmatched: dict[str, str] = {}  # lowercased -> name as first written
        self.fng_names: dict[str, str] = {}
        self.q_marked: list[str] = []  # uids marked (QIC) in a PAX list ("" = the poster)

    def add_user(self, uid: str, role: str = "pax") -> None:
        if uid in self.lk.apps:  # apps and bots are never people
            return
        if role == "pax":
            if uid not in self.seen:
                self.seen.add(uid)
                self.pax.append(uid)
        elif role == "q" and self.q is None:
            if uid in self.coqs:
                self.coqs.remove(uid)
            self.q = uid
            self.seen.add(uid)
        elif uid != self.q and uid not in self.coqs:
            self.coqs.append(uid)
            self.seen.add(uid)

    def add_unmatched(self, name: str, prefer: bool = False) -> None:
        """A name that matches no user, kept once: 'SkiLift' and 'Ski Lift' are one man (first spelling kept,
        or this one when ``prefer``: the FNG line names him)."""
        key = name.lower()
        if key not in self.unmatched:
            sq = _squash(key)
            for k in self.unmatched:
                if _squash(k) == sq:
                    if not prefer:
                        return
                    del self.unmatched[k]
                    break
        self.unmatched.setdefault(key, name)

    def add_names(self, plain: str, self_uid: str | None = None) -> None:
        for name, uid, _amb in parse_names(plain, self.lk, self_uid):
            if uid:
                self.add_user(uid)
            else:
                self.add_unmatched(name)

    def people(self) -> list[str]:
        out = [self.q] if self.q else []
        out += self.coqs
        placed = set(out)
        out += [u for u in self.pax if u not in placed]
        return out

    def named_count(self, people: list[str]) -> int:
        """Distinct people named: users + unmatched names + FNG names not already named."""
        extra = 0
        if self.fng_names:
            seen = set(self.unmatched) | self.fng_placed
            for u in people:
                seen.update(self.lk.user_keys.get(u, ()))
            for n in self.fng_names.values():
                k = _norm_name(n)
                if k not in seen:
                    seen.add(k)
                    extra += 1
        return len(people) + len(self.unmatched) + extra + self.anon_fngs


# --------------------------------------------------------------------------- line readers


def parse_q_line(value: str, label: str, acc: _Acc, poster: str | None) -> None:
    """'Q: @a and @b' -> Q a, Co-Q b; 'Co-Q: @c' -> Co-Q c; plain names matched to users; 'Q: YHC' -> poster."""
    if value[:2] == "<@" and value[-1:] == ">" and value.count("<") == 1:  # fast path: "Q: <@U123>"
        uid = value[2:-1].partition("|")[0]
        if uid[:1] in ("U", "W") and uid.isalnum() and uid.isupper():
            if acc.q is None and label != "coq" and not acc.coqs and uid not in acc.lk.apps:
                acc.q = uid  # inlined acc.add_user(uid, "q")
                acc.seen.add(uid)
            else:
                acc.add_user(uid, "q" if label != "coq" and acc.q is None else "coq")
            return
    if value[:2].lower() == "co" and "(" in value and value.rstrip().endswith(")"):  # "QIC: Co-Q (A & B)"
        value = value[value.index("(") + 1 : value.rstrip().rindex(")")]
    any_mention = "<@" in value
    if any_mention:  # mentions in written order, then plain names that match users
        uids, plain = _split_tokens(value)
        people = [("", u, False) for u in uids] + parse_names(plain, acc.lk, poster)
    else:
        people = parse_names(_split_tokens(value)[1], acc.lk, poster)
    first = label != "coq" and acc.q is None
    for name, uid, amb in people:
        if uid:
            acc.add_user(uid, "q" if first else "coq")
            first = first and acc.q is None
        elif any_mention:
            continue  # stray words next to mentions ("with an assist from")
        else:
            if first and acc.q_problem is None:
                why = "matches more than one Slack user" if amb else "doesn't match a Slack user"
                acc.q_problem = f"Q '{name}' {why} - tag the Q with @"
            first = False
            acc.add_unmatched(name)


_INLINE_FNG_RE = re.compile(  # "Detour & our FNGs: Phantom, Bucky" inside a PAX value
    r"(?:[,;&]|\band\b|\bplus\b|^)\s*(?:(?:our|the|and|plus|with)\s+)*fng(?:s|'s|’s|\(s\)|)\s*:\s*",
    re.I)


def parse_pax_value(value: str, n: str | None, acc: _Acc, poster: str | None) -> None:
    """PAX value: mentions, plain names, and an optional leading head count ('PAX: 8 - ...')."""
    if n and acc.paren_count is None:
        acc.paren_count = int(n)
    v = value.strip(_MARKUP)
    if ("fng" in v or "FNG" in v) and (fm := _INLINE_FNG_RE.search(v)) is not None and fm.start() > 0:
        parse_fng_value(v[fm.end() :], acc)  # the rest of the line lists the FNGs
        v = v[: fm.start()]
    if v[:1] == "[" and v[-1:] == "]":  # the whole list in brackets: "[A, B, C (QIC)]"
        v = v[1:-1]
    if v[:1].isdigit() or v[:1] == "(":
        m = _LEAD_NUM_RE.match(v) or _LEAD_PHRASE_RE.match(v)
        if m:
            if acc.paren_count is None:
                acc.paren_count = int(m.group(1))
            v = v[m.end() :]
    if "=" in v:  # "..., Kodak (Q) = 7": the head count closes the list
        m = _TRAIL_COUNT_RE.search(v)
        if m:
            if acc.paren_count is None:
                acc.paren_count = int(m.group(1))
            v = v[: m.start()]
    if acc.lk.joined and ("&" in v or " and " in v.lower() or "/" in v):
        low = v.lower()
        for k, u in acc.lk.joined.items():
            i = low.find(k)
            if i >= 0:
                acc.add_user(u)
                v, low = v[:i] + "," + v[i + len(k) :], low[:i] + "," + low[i + len(k) :]
    if ":" in v or "(" in v:  # group headings inside the list: "Runners (5) – A, B; Bootcampers (14): C"
        v = _GROUP_HEAD_RE.sub(r"\1 ", v)
        if ":" in v:  # "..., Dean and YHC – FOS: Tarde, ...": a second group after a dash
            v = _DASH_GROUP_RE.sub(", ", v)
    if "(" in v or "qic" in v.lower() or "fng" in v.lower() or _Q_MARK_HINT_RE.search(v):
        v = _pax_markers(v, acc, poster)
    if v.count(",") >= 2 and ("/" in v or " – " in v or " - " in v or " — " in v):
        v = _name_pairs(v, acc.lk)
    if "&" in v or "(" in v or "[" in v:
        v = _PAREN_RE.sub(" ", unescape(v))
    lk = acc.lk
    seen, apps, pax, memo = acc.seen, lk.apps, acc.pax, lk.name_memo
    for uid, chunk in _PAX_TOKEN_RE.findall(v):  # the hot loop: acc.add_user / add_names inlined
        if uid:
            if uid not in seen and uid not in apps:
                seen.add(uid)
                pax.append(uid)
        elif chunk:
            got = memo.get(chunk)
            if got is None:
                got = _memo_names(chunk, lk)
            for name, u, _amb in got:
                if u == "":  # "YHC": the poster
                    u = poster
                    if not u:
                        continue
                if not u:
                    acc.add_unmatched(name)
                elif u not in seen and u not in apps:
                    seen.add(u)
                    pax.append(u)


_TRAIL_COUNT_RE = re.compile(r"\s*=\s*(\d{1,3})\s*(?:pax\b)?[\s.!]*$", re.I)
_GROUP_HEAD_RE = re.compile(  # a group heading starting a list item: "Runners (5) –", "Bootcampers (14):", "Ruck:"
    r"(^|[,;\n])[ \t]*[^\W\d_][\w'’ ]{0,20}?[ \t]*(?:\([ \t]*\d{1,3}[ \t]*\)[ \t]*[:\-–—]|:)(?=[ \t])")
_DASH_GROUP_RE = re.compile(r"[ \t][-–—][ \t]*[^\W\d_][\w'’&]{0,12}(?:[ \t][\w'’&]{1,12})?[ \t]*:(?=[ \t])")
_Q_PREFIX_RE = re.compile(r"^[ \t]*(?:and[ \t]+)?qic\b[ \t:\-–—]*(?=\S)", re.I)  # "..., QIC Soft Serve"
_PAIR_SEP_RE = re.compile(r"\s[-–—]\s|(?<=[\w>])/(?=\w)")


def _known(name: str, lk: _Lookup) -> bool:
    if "<@" in name:
        return True
    got = _resolve_name(name, lk)
    return len(got) == 1 and bool(got[0][1])


def _name_pairs(v: str, lk: _Lookup) -> str:
    """In a comma list, an item "A – B" or "A/B" names one man twice (F3 name and real name, Slack handle and
    F3 nick: "Dasher – Jeff Green", "PSenick – F3 twinkle toes", "Mullet/David"): keep the half that is a known
    user (the first when neither is). Both halves known users: two men. "A/B" with neither known: two names.
    A note in parentheses on the second half makes it a man of his own ("Sand n' Surf – Ramen (DR from ...)")."""
    items = v.split(",")
    for i, item in enumerate(items):
        parts = _PAIR_SEP_RE.split(item)
        if len(parts) != 2 or "(" in parts[1] or "[" in parts[1]:
            continue
        a, b = _PAREN_RE.sub(" ", parts[0]).strip(_NAME_STRIP), parts[1].strip(_NAME_STRIP)
        if not a or not b:
            continue
        b_name = b[3:] if b.lower().startswith("f3 ") else b
        ka, kb = _known(a, lk), _known(b_name, lk)
        if ka and kb:
            continue
        if kb:
            items[i] = " " + b_name
        elif ka or "/" not in item:
            items[i] = " " + a
    return ",".join(items)


_Q_MARK_RE = re.compile(
    r"\(\s*(?:qic|q|vq|v-q|event q|the q)\s*!?\)|\s[-–—]\s*qic\b\.?"
    r"|\s[-–—]\s*q\b\.?(?=\s*$)|\s+at\s+the\s+q\b\.?(?=\s*$)|\s+qic\b\.?(?=\s*$)",  # "Name – Q.", "Name at
    re.I)  # the Q", "Name QIC" ending an item
_Q_MARK_HINT_RE = re.compile(r"(?:[-–—]\s*|\bat\s+the\s+)q\b", re.I)
_FAMILY_ITEM_RE = re.compile(r"^\S.{0,40}?['’]s\s+(?:m|2\.0s?|kids?|son|daughter)$", re.I)  # "Q's M": his wife
_FNG_MARK_RE = re.compile(r"\(\s*fng\b[^)]*\)|^\s*(?:\d{1,2}\s+)?fng\s*(?:[-–—:]\s*|\((?=[^)]*\)\s*$)|\s+(?=\w))", re.I)
_ITEM_SPLIT_RE = re.compile(r"(,|;|\n)")


def _pax_markers(v: str, acc: _Acc, poster: str | None) -> str:
    """Markers on PAX list items: "Name (QIC)" / "Name - QIC" lead; "Name (FNG)", "FNG-Name", "FNG Name",
    "FNG(Name)" are FNGs (counted); returns the value with the markers removed."""
    parts = _ITEM_SPLIT_RE.split(v)
    for i in range(0, len(parts), 2):
        item = parts[i]
        low = item.lower()
        if "q" in low:
            m = _Q_PREFIX_RE.match(item)
            if m:  # "QIC Name": the marker names the person after it
                rest = item[m.end() :].strip(_NAME_STRIP)
                got = _USER_RE.findall(rest)[:1] or [u for _n, u, _a in parse_names(rest, acc.lk, None)]
                if got and got[-1]:
                    acc.q_marked.append(got[-1])
                item = " " + item[m.end() :]
            m = _Q_MARK_RE.search(item)
            if m:
                # the marker names the person just before it ("Dr. Evil and FloRida (QIC)", "@A @B (Q) @C")
                name = item[: m.start()].strip(_NAME_STRIP + "-–—")
                item = item[: m.start()] + item[m.end() :]
                if name.lower().startswith("and "):
                    name = name[4:]
                if name:
                    got = [(n, u) for n, u, _a in parse_names(name, acc.lk, None)]
                    last = _USER_RE.findall(name)[-1:] if name.endswith(">") else []
                    if name.lower() in _SELF_NAMES or _SPLIT_RE.split(name)[-1].strip(_NAME_STRIP).lower() in _SELF_NAMES:
                        acc.q_marked.append("")
                    elif last:
                        acc.q_marked.extend(last)
                    elif got and got[-1][1]:
                        acc.q_marked.append(got[-1][1])
                    elif "<@" in name:
                        acc.q_marked.extend(_USER_RE.findall(name)[-1:])
        if "fng" in item.lower():
            if item.strip(_NAME_STRIP + "&-–—").lower() in ("fng", "an fng", "1 fng", "one fng"):  # "..., FNG, & Q"
                acc.anon_fngs += 1
                parts[i] = " "
                continue
            m = _FNG_MARK_RE.search(item)
            if m and len(_PAREN_FNG_RE.findall(item)) > 1:  # "@A @B Tinsel (FNG) Wingnut (FNG)"
                item = _several_fngs(item, acc)
            else:
                if m:
                    item = item[: m.start()] + " " + item[m.end() :]
                elif (m := _FNG_NOTE_RE.search(item)) is not None:  # "Kudzu (Rob Kane-FNG)": his real name
                    item = item[: m.start()] + " " + item[m.end() :]
                elif (m := _FNG_REAL_RE.search(item)) is not None:  # "Gus Palmer FNG (Higgins)": F3 name after
                    item = " " + m.group(1)
                else:
                    parts[i] = item
                    continue
                if _PAREN_RE.sub("", item).strip(_NAME_STRIP):  # "Cold Snap (WB)": a note after the name
                    item = _PAREN_RE.sub(" ", item)
                name = " ".join(item.replace("(", " ").replace(")", " ").split()).strip(_NAME_STRIP)  # "FNG(Name)"
                if name.lower().startswith("and "):
                    name = name[4:]
                name = _FNG_LEAD_RE.sub("", name)  # "FNG – dubbed Little Baker"
                named = _FNG_NAMED_RE.split(name)  # "Wes King - Cabin Fever", "Quinn aka G.L.O.W.": the F3 name
                if len(named) > 1 and named[-1].strip(_NAME_STRIP):
                    name = named[-1].strip(_NAME_STRIP)
                if name and not name[0].isdigit():
                    acc.fng_names.setdefault(name.lower(), name)
                    if acc.fng_n is None or not acc.fng_line:
                        acc.fng_n = None
                item = " " + name
        parts[i] = item
    return "".join(parts)


_PAREN_FNG_RE = re.compile(r"\(\s*fng\b[^)]*\)", re.I)  # "(FNG)", "(FNG Dale Porter)"
_FNG_NOTE_RE = re.compile(r"\((?=[^)]*\bfngs?\b)[^)]*\)", re.I)  # a note in parens that says FNG
_FNG_REAL_RE = re.compile(r"\bfng\s*\(([^)]+)\)\s*$", re.I)  # "... FNG (F3 name)" ending the item
_FNG_LEAD_RE = re.compile(r"^(?:dubbed|named|now|aka|a\.k\.a\.?)\s+", re.I)
_FNG_NAMED_RE = re.compile(r"\s+(?:[-–—]|aka|a\.k\.a\.?|now|dubbed|named|=>|->|→)\s+", re.I)  # FNG's new name


def _several_fngs(item: str, acc: _Acc) -> str:
    """A list item holding several "Name (FNG)" (space-separated names): each marker names the words just
    before it, less any leading words that are already a known name ("Boucher Tinsel (FNG)": Boucher is a
    user, Tinsel the FNG). Returns the item with the markers replaced by separators."""
    pieces = _PAREN_FNG_RE.split(item)
    out = []
    for piece in pieces[:-1]:
        cut = piece.rfind("@")
        head, tail = (piece[: cut + 1], piece[cut + 1 :]) if cut >= 0 else ("", piece)
        words = tail.split()
        known = 0
        for k in range(len(words) - 1, 0, -1):  # the longest run of leading words that is one user's name
            got = _resolve_name(" ".join(words[:k]), acc.lk)
            if len(got) == 1 and got[0][1]:
                known = k
                break
        name = " ".join(words[known:]).strip(_NAME_STRIP)
        if name and not name[0].isdigit():
            acc.fng_names.setdefault(name.lower(), name)
            if acc.fng_n is None or not acc.fng_line:
                acc.fng_n = None
        out.append(head + " ".join(words[:known]) + (", " if known else "") + name)
    out.append(pieces[-1])
    return ", ".join(out)


def parse_fng_value(value: str, acc: _Acc) -> None:
    k, names, uids, said_none = parse_fngs(value, acc.lk)
    if said_none and not acc.fng_line:
        acc.fng_n = 0
    acc.fng_line = True
    if k is not None and not acc.fng_n:
        acc.fng_n = k
    for u in uids:
        acc.add_user(u)
    mentioned = {_user_name(u, acc.lk) for u in uids}
    for nm in names:
        acc.fng_names.setdefault(nm.lower(), nm)
        if nm in mentioned:
            continue
        key = _norm_name(nm)
        uid = acc.lk.name_to_uid.get(key) or acc.lk.aliases.get(key) or acc.lk.alias_squashed.get(_squash(key))
        if uid:  # an FNG named as written who (later) joined Slack under that name (or an alias) is that user
            acc.add_user(uid)
            acc.fng_placed = acc.fng_placed | {key}  # counted as that user, not again as a name
        else:  # kept like any name that matches nobody: counted, stored, told to the Q
            acc.add_unmatched(nm, prefer=True)


# --------------------------------------------------------------------------- main text reader


class _Fields:  # class-level defaults: only the fields a message sets are stored
    header: bool = False
    preblast: bool = False
    title: str | None = None
    labels: int = 0  # number of recognised label lines
    has_q_label: bool = False  # a Q or a Co-Q label
    has_lead_label: bool = False  # a Q label (not Co-Q)
    has_pax_label: bool = False
    date_value: str | None = None
    ao_id: str | None = None
    ao_line_id: str | None = None
    ao_date: str | None = None  # a date written on the AO line, for a post with no date line
    head_date: str | None = None  # a date with its year opening one of the first lines, for a post with no date line
    title_date: str | None = None  # a date written in the title / backblast header line, for a post with no other
    pax_invite: bool = False  # the PAX line invites everyone ("All pax welcome") instead of naming men
    mentions: int = 0


_STRIKE_RE = re.compile(r"(?<![\w~])~(?=[^\s~])[^~\n]*?[^\s~]~(?![\w~])")  # Slack strike-through: "~Old Q~"


def parse_text(text: str, acc: _Acc, poster: str | None) -> _Fields:
    """Read a backblast's text: header, labelled lines (into ``acc``) and the other fields."""
    f = _Fields()
    if "~" in text:  # struck-through words were taken back by the writer ("Q: ~Planned Q~ Real Q")
        text = _STRIKE_RE.sub(lambda m: " " * len(m.group()), text)
    low = _lower(text)
    if "&gt;" in low:  # Slack-escaped quote marks: same length, so offsets stay aligned with text
        low = low.replace("&gt;", "   >")
    parse_head(text, low, f)
    f.mentions = text.count("<@")
    matches = list(_LABEL_RE.finditer("\n" + low))  # offsets are +1 against text; m.start() is the line start
    f.labels = len(matches)
    starts = None  # label line starts, built only if needed
    n_text = len(text)
    for m in matches:
        word, n = m.group("label", "n")
        label = _LABEL_OF[word]
        a, e = m.span("value")  # e - 1 is the end of the line in text; e the start of the next line
        value = text[a - 1 : e - 1].rstrip(_MARKUP)
        if label in _NEXT_LINE_LABELS and e < n_text and text[e] != "\n" and not value.strip(_MARKUP):
            if starts is None:
                starts = {x.start() for x in matches}
            value = _next_line_value(text, e, starts) or value  # "QIC:" with the name on the next line
        _read_value(label, value, n, acc, f, poster)
        if label in _LIST_LABELS and e < n_text and (text[e] != "\n" or (label == "pax" and (
                not value.strip(_MARKUP) or value.strip(_MARKUP).isdigit()))):  # fmt: skip
            if starts is None:
                starts = {x.start() for x in matches}
            if e not in starts:
                _read_continuation(text, e, starts, label, value, acc, f, poster)
    if f.ao_id is None and "<#" in text:
        parse_ao_lines(text, starts if starts is not None else {x.start() for x in matches}, f)
    if not f.has_pax_label and "pax" in low:
        _counted_pax(text, low, acc, f, poster)
    if not f.has_pax_label and "(" in text and "," in text:
        _marked_list(text, starts if starts is not None else {x.start() for x in matches}, acc, f, poster)
    if acc.q is None and not acc.q_marked and not f.has_q_label and f.header and " q" in low:
        _name_q_line(text, acc)
    if f.ao_id is None and f.ao_line_id is None and f.header and matches:
        _ao_name_line(text, matches[0].start(), f, acc.lk)
    if f.ao_id is None and f.ao_line_id is None and "ao" in low[:200]:
        _ao_in_title(text, f, acc.lk)
    if f.ao_id is None and f.ao_line_id is None and "what" in low:
        _ao_what_line(text, low, f, acc.lk)
    if f.ao_date is None and (f.date_value is None or _time_only(f.date_value)):
        if starts is None:
            starts = {x.start() for x in matches}
        if f.date_value is None:
            _head_date(text, low, starts, f)
        if f.head_date is None:  # no date line (or one with only a time, "When: 0700-0800"): the title's date
            _title_date(text, low, starts, f)
    return f


def _time_only(value: str) -> bool:
    """A date line holding only a time ("0530", "5:30am", "0700-0800"): no date written."""
    return "/" not in value and _TIME_ONLY_RE.match(value.lower()) is not None


_HEAD_DATE_RE = re.compile(  # a date written with its year: 4/29/2022, 2022-04-29, April 29, 2022, 29th of April 2022
    r"(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d/])|\b\d{4}-\d{1,2}-\d{1,2}\b"
    rf"|\b(?:{_MONTH_ALT})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th|)\b,?[ \t]*\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th|)[ \t]+(?:of[ \t]+|)(?:{_MONTH_ALT})\b\.?,?[ \t]*\d{{4}}\b"
)


def _head_date(text: str, low: str, starts: set[int], f: _Fields) -> None:
    """No date line: a date with its year near the start of one of the first lines names the day
    ("April 22, 2022 (Friday)", "September 23rd, 2020|Place | AO – Name", "F3 Omaha December 23, 2020 – AO – X").
    Only lines above the first label count, and only when a few capitalised words at most come before the date
    (a place, "F3 Omaha"; not a sentence); a backblast header or title line is not a date line; the first line is
    one only when it opens with the date."""
    for p, line, seen in _lines_above_labels(low, starts):
        if len(line) <= 120 and "blast" not in line:
            m = _HEAD_DATE_RE.search(line)
            if m:
                before = [w for w in text[p : p + m.start()].strip(_MARKUP).split() if any(c.isalnum() for c in w)]
                if not before if seen == 1 else (len(before) <= 4 and all(not w[0].islower() for w in before)):
                    f.head_date = m.group()
                    return


def _lines_above_labels(low: str, starts: set[int]):
    """(offset, line, n-th non-blank line) for the first four non-blank lines above the first label."""
    first_label = min(starts) if starts else len(low)
    p, seen = 0, 0
    for line in low.split("\n", 10)[:10]:
        if p >= first_label:
            return
        if line.strip(_MARKUP):
            seen += 1
            if seen > 4:
                return
            yield p, line, seen
        p += len(line) + 1


_TITLE_NUM_DATE_RE = re.compile(  # 4.20.21, 2/4/20, ~12-18-19, 2022-04-29: a year written (7-11, 3/4: no)
    r"(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d/]|[.\-]\d)|\b\d{4}-\d{1,2}-\d{1,2}\b"
)
_TITLE_MD_RE = re.compile(  # May 9, 2020 / March12 / Sept. 3rd (a capitalised month and a day)
    rf"(?<![\w'’])({_MONTH_ALT})\.?[ \t]*(\d{{1,2}})(?:st|nd|rd|th|)(?!\w|[./\-]\d)(?:,?[ \t]*(\d{{4}})\b|)",
    re.I,
)
_TITLE_DM_RE = re.compile(  # 9th of May 2020 / 9 May
    rf"(?<![\w/.\-])(\d{{1,2}})(?:st|nd|rd|th|)[ \t]+(?:of[ \t]+|)({_MONTH_ALT})\b\.?(?:,?[ \t]*(\d{{4}})\b|)", re.I
)


def _title_date(text: str, low: str, starts: set[int], f: _Fields) -> None:
    """No date line anywhere: a date written in the title names the day, as a reader takes it from
    "Backblast: 4.20.21 AO Mastodon, 5:30 AM", "Westeros – 02.10.20 – ...", "BackBlast: 7-11 May 9, 2020",
    "Backblast Monday March12 ...". The title is the first non-blank line; a later line above the first label
    that calls itself a backblast counts too. A number date needs its year (an AO "7-11", "3/4 mile", "Backblast
    810" are no dates); a month name must be capitalised (the verb "may"); the first date of a range is the day.
    The date is checked against the post's date when the post is read (``_finish``)."""
    for p, line, seen in _lines_above_labels(low, starts):
        if (seen == 1 or "blast" in line) and len(line) <= 200:
            got = _line_date(text[p : p + len(line)])
            if got:
                f.title_date = got
                return


def _line_date(line: str) -> str | None:
    """The first date written in a title line, as a string parse_date reads."""
    best: tuple[int, str] | None = None
    m = _TITLE_NUM_DATE_RE.search(line)
    if m:
        best = (m.start(), m.group())
    for rx, mon_g, day_g in ((_TITLE_MD_RE, 1, 2), (_TITLE_DM_RE, 2, 1)):
        for m in rx.finditer(line):
            if best is not None and m.start() > best[0]:
                break
            if line[m.start(mon_g)].isupper():
                got = f"{m[mon_g]} {m[day_g]}" + (f", {m[3]}" if m[3] else "")
                best = (m.start(), got)
                break
    if best is None:  # no fuller date: a bare m/d ("... – 6/28") or an m-d ending the line ("the Overlook, 5-21")
        m = _TITLE_SLASH_MD_RE.search(line) if "/" in line else None
        m = m or _TITLE_DASH_MD_RE.search(line)
        if m:  # checked closely in _checked_title_date (near the post, not an AO's or a man's name: "7-11")
            return m.group()
    return best[1] if best else None


_TITLE_SLASH_MD_RE = re.compile(r"(?<![\w/.\-])\d{1,2}/\d{1,2}(?![\w/]|[.\-]\d)")
_TITLE_DASH_MD_RE = re.compile(r"(?<![\w/.\-])\d{1,2}-\d{1,2}(?=[ \t]*(?:$|[,;:|)]|[–—-][ \t]))")
_BARE_MD_RE = re.compile(r"\d{1,2}[/-]\d{1,2}")
_BARE_MD_SPAN = dt.timedelta(days=14)  # a bare m/d in a title is the workout only close before the post (not "3/4 mile")


_TITLE_DATE_SPAN = dt.timedelta(days=366)  # a title date more than a year before the post is no workout date


_NEXT_LINE_LABELS = frozenset({"q", "coq", "date", "ao", "count"})


def _next_line_value(text: str, p: int, starts: set[int]) -> str | None:
    """A label with nothing after it ("Workout Date:" / "QIC:") and its value alone on the very next line."""
    if p in starts:
        return None
    e = text.find("\n", p)
    line = text[p : e if e >= 0 else len(text)].strip()
    if not line.strip(_MARKUP) or len(line) > 80 or (":" in line and _GENERIC_LABEL_RE.match(_lower(line))):
        return None
    return line


def _marked_list(text: str, starts: set[int], acc: _Acc, f: _Fields, poster: str | None) -> None:
    """No PAX label: a line near the top listing three or more names, one of them marked (QIC) / (Q),
    is the PAX list ("Workout Date:\n\nA, B (R), C (QIC)")."""
    p = 0
    for line in text.split("\n", 15)[:15]:
        if p not in starts and line.count(",") >= 2 and len(_Q_MARK_RE.findall(line)) == 1 \
                and not (":" in line and _GENERIC_LABEL_RE.match(_lower(line))):  # fmt: skip
            f.has_pax_label = True
            f.labels += 1
            parse_pax_value(line.strip(), None, acc, poster)
            return
        p += len(line) + 1


_COUNTED_PAX_RE = re.compile(  # "12 PAX in attendance: A, B", "[... given to 9 PAX] – A, B" (no PAX label)
    r"\b(\d{1,3})\s+pax\b[^:\n\]\).!?]{0,60}[\]\)]?[ \t]*(?::|[-–—](?=[ \t]))[ \t]*(?P<value>[^\n]+)")


_COUNTED_PAX_EOL_RE = re.compile(  # "... given to 3 PAX", then (maybe after a blank line) the list alone on a line
    r"\b(\d{1,3})\s+pax[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<value>[^\n:]+)(?=\n|$)")


_PAX_LEADIN_RE = re.compile(  # a header's post: "Here were the pax who attended: A, B", "Van 1 PAX (note): A, B"
    r"(?m)^[ \t*_~>]*(?:[^\n:]{0,40}?[\s(])?pax\b[^\n:]{0,40}:[ \t]*(?P<value>[^\n]+)")
_GROUP_NUMBER_RE = re.compile(r"\b(?:van|group|team|week|car|squad|wave|heat|round|station|day|pod|crew)\s*$")


def _counted_pax(text: str, low: str, acc: _Acc, f: _Fields, poster: str | None) -> None:
    """No PAX label: "N PAX ...:" or "N PAX] –" followed by a list of two or more names is the PAX list; in a
    post with a backblast header, so is a short lead-in naming the pax ("Here were the pax who attended: ...")."""
    m = _COUNTED_PAX_RE.search(low) or _COUNTED_PAX_EOL_RE.search(low)
    n = m.group(1) if m is not None else None
    if m is not None and _GROUP_NUMBER_RE.search(low, 0, m.start()):  # "Van 1 PAX": a name, not a head count
        n = None
    if m is None and f.header:
        m = _PAX_LEADIN_RE.search(low)
    if m is None:
        return
    value = text[m.start("value") : m.end("value")].rstrip(_MARKUP)
    if value.count(",") + value.count("@") + value.count("<@") < 2:
        return
    f.has_pax_label = True
    f.labels += 1
    parse_pax_value(value, n, acc, poster)


_NAME_Q_RE = re.compile(  # "Loco Q: I arrived at my first Q in months" - a line opened by the Q's name
    r"(?m)^[ \t*_~>]*(<@[UW][A-Z0-9]+(?:\|[^>]*)?>|[^\W\d_][^\n:<,]{0,30}?)[ \t]+(?:Q|QIC)[ \t]*:")


def _name_q_line(text: str, acc: _Acc) -> None:
    """No Q label or marker: a line opened by "<a user's name> Q:" names the Q."""
    for m in _NAME_Q_RE.finditer(text):
        who = m.group(1)
        if who.startswith("<@"):
            uid = _USER_RE.match(who).group(1)
        else:
            got = _resolve_name(who, acc.lk)
            uid = got[0][1] if len(got) == 1 and got[0][1] else None
        if uid:
            acc.add_user(uid, "q")
            return


def _ao_name_line(text: str, first_label: int, f: _Fields, lk: _Lookup) -> None:
    """No AO label: a short line between the header and the first label that names an AO as text
    ("The Hogg - Monday") names the AO."""
    lines = [ln for ln in text[:first_label].split("\n")[1:4] if ln.strip(_MARKUP)]
    for line in lines[:2]:
        if len(line) <= 60 and ":" not in line and "<" not in line:
            cid = parse_ao_text(line, lk)
            if cid:
                f.ao_line_id = cid
                return


_TITLE_AO_RE = re.compile(r"(?<![\w#-])ao\b[ \t:]*", re.I)


def _ao_in_title(text: str, f: _Fields, lk: _Lookup) -> None:
    """No AO label: 'AO Westgate Backblast 10.18.2018' - the words after 'AO' on the first line (up to a
    header word or a number) name an AO when they match one."""
    line = text.lstrip().split("\n", 1)[0]
    for m in _TITLE_AO_RE.finditer(line):
        words = []
        for w in line[m.end() :].split()[:6]:
            if any(ch.isdigit() for ch in w) or _is_header_word(w.lower().strip(_HEAD_SKIP + ":,")):
                break
            words.append(w)
        for k in range(len(words), 0, -1):
            cid = parse_ao_text(" ".join(words[:k]), lk)
            if cid:
                f.ao_line_id = cid
                return


_WHAT_LINE_RE = re.compile(r"^[ \t*_~•·\-]*what[ \t]*:[ \t]*(\S[^\n]*)", re.M)


def _ao_what_line(text: str, low: str, f: _Fields, lk: _Lookup) -> None:
    """No AO found: a 'What:' line naming a known AO ('What: The Bear @F3Campwillis (Jones MS)') is the AO."""
    for m in _WHAT_LINE_RE.finditer(low):
        cid = parse_ao_text(text[m.start(1) : m.end(1)], lk)
        if cid:
            f.ao_line_id = cid
            return


def parse_head(text: str, low: str, f: _Fields) -> None:
    """Header checks on the first two non-blank lines: backblast header (+ title) or preblast."""
    body = low.lstrip()
    off = len(low) - len(body)  # offset of ``body`` in text
    for _ in range(2):
        if not body:
            return
        e = body.find("\n")
        lw = body if e < 0 else body[:e]
        if _head_line(text[off : off + len(lw)], lw, f):
            if f.header and f.title is None and e >= 0:  # "*Slackblast*:\n*Title*"
                nxt = body[e + 1 :].lstrip()
                k = nxt.find("\n")
                nl = nxt if k < 0 else nxt[:k]
                if nl and len(nl) < 100 and ":" not in nl and "<" not in nl:  # a title line, not a label
                    a = off + len(body) - len(nxt)
                    f.title = text[a : a + len(nl)].strip(_MARKUP) or None
            return
        if _ == 0 and _title_header(text[off : off + len(lw)], lw, f):
            return
        if e < 0:
            return
        rest = body[e + 1 :]
        body = rest.lstrip()
        off += len(lw) + 1 + len(rest) - len(body)


_TITLE_HEADER_RE = re.compile(  # "F3Lex Launch BackBlast 6.8.24", "Paradise Island Backblast: Reindeer"
    r"^(?P<before>.{0,60}?)(?:^|(?<=[\s:\-–—~|]))back[ \-]?blast(?![a-z])[ \t*_~]*"
    r"(?P<after>$|[:\-–—~|]|\d{1,2}[./\-]\d{1,2}(?:[./\-]\d{2,4}|)\b)")
_NOT_TITLE_WORDS = frozenset(  # "the backblast", "your backblast", "great backblast": a sentence about one
    "the a an your my his our their this that great nice good post posting posted write writing wrote no any "
    "for".split())


def _title_header(ln: str, lw: str, f: _Fields) -> bool:
    """A first line that calls itself a backblast inside its title ("... Launch BackBlast 5.12.18",
    "Flintlock BackBlast ~12-18-19"): a header, the whole line the title. Not a question or chatter."""
    if "blast" not in lw or "?" in lw or len(lw) > 120:
        return False
    m = _TITLE_HEADER_RE.search(lw)
    if m is None:
        return False
    before = m.group("before").split()
    if before and before[-1].strip("*_~:-–—") in _NOT_TITLE_WORDS:
        return False
    f.header = True
    f.title = ln.strip(_MARKUP) or None
    return True


def _head_line(ln: str, lw: str, f: _Fields) -> bool:
    """One header candidate line (``lw`` lowercased). True when it decided: a backblast header or a preblast."""
    if "&gt;" in lw:
        ln, lw = ln.replace("&gt;", ""), lw.replace("&gt;", "")
    h = lw.lstrip(_HEAD_SKIP)
    if h[:9] == "backblast" and not h[9:10].isalpha():  # fast path for the usual opener
        end = len(lw) - len(h) + 9
    else:
        c = h[:1]
        if c.isalnum() and c not in _HEAD_FIRST:  # a word that can't be a header (emoji etc. go on)
            return False
        m = _HEADER_WORD_RE.match(lw)
        if m is None:
            return False
        if m.group(1):
            f.preblast = True
            return True
        if not _is_header_word(m.group(2).replace(" ", "").replace("-", "")):
            return False
        end = m.end()
    rest = ln[end:].strip(_MARKUP + "!:-–—.,|")
    f.header = True
    if "<#" in rest:  # "Backblast - #ao-gauntlet - Murph"
        cm = _CHAN_RE.search(rest)
        if cm:
            f.ao_line_id = cm.group(1)
            rest = _CHAN_RE.sub(lambda c: "#" + (c.group(2) or c.group(1)), rest)
    f.title = rest.strip(_MARKUP) or None
    return True


def _read_continuation(text: str, p: int, starts: set[int], label: str, value: str, acc: _Acc, f: _Fields,
                       poster: str | None) -> None:  # fmt: skip
    """Lines after a PAX/Co-Q/FNG label that continue its list (until a blank line or another label)."""
    bare = value.strip(_MARKUP)
    open_list = not bare or value.rstrip().endswith(",")
    n = len(text)
    more = []
    if label == "pax" and (not bare or bare.isdigit()):  # "PAX: 19" / "PAX:", maybe a blank line, then the list
        e = text.find("\n", p)
        if e >= p and not text[p:e].strip() and e + 1 not in starts:
            nxt = text.find("\n", e + 1)
            line = text[e + 1 : nxt if nxt >= 0 else n]
        elif p not in starts:
            e = text.find("\n", p)
            line = text[p : e if e >= 0 else n]
        else:
            line = ""
        if line:
            if line.count(",") >= 2 and not _GENERIC_LABEL_RE.match(_lower(line)):
                _read_value(label, line.strip(), None, acc, f, poster)
                return
    if label == "pax" and not open_list and value.count(",") >= 2 and _wrapped(text, p, starts, value, acc, poster):
        return
    while p < n and p not in starts:
        e = text.find("\n", p)
        e = n if e < 0 else e
        line = text[p:e].strip()
        if not line.strip(_MARKUP) or not _continues(line, open_list):
            break
        more.append(line.lstrip("-•·* "))
        p = e + 1
    if more:  # read the continued list in one go
        _read_value(label, ", ".join(more), None, acc, f, poster)


def _wrapped(text: str, p: int, starts: set[int], value: str, acc: _Acc, poster: str | None = None) -> bool:
    """A comma list wrapped mid-name onto the next lines ("..., Chiclet, Room\nService, Wentworth, ...")
    when its last item matched nobody: that item and the lines that go on with commas are read again
    as one list. True when it was."""
    tail = value.rsplit(",", 1)[1].strip(_NAME_STRIP)
    key = tail.lower()
    if not tail or key not in acc.unmatched or " " in tail:
        return False
    lines, n = [], len(text)
    while p < n and p not in starts:
        e = text.find("\n", p)
        e = n if e < 0 else e
        line = text[p:e].strip()
        if not line.strip(_MARKUP) or "," not in line or len(line) > 300 or line.endswith((".", ":", "!", "?")) \
                or (":" in line and _GENERIC_LABEL_RE.match(_lower(line))):  # fmt: skip
            break
        lines.append(line)
        p = e + 1
    if not lines:
        return False
    del acc.unmatched[key]
    parse_pax_value(tail + " " + " ".join(lines), None, acc, poster)
    return True


_FAMILY_LINE_RE = re.compile(  # "M’s – Jane (Amy Little)", "2.0’s - Omaha, Yo Pauly": wives and children, not PAX
    r"^[ \t•·*\-]*(?:m['’]?s|2\.0['’]?s|2\.0|kids|wives|children|sons|daughters)[ \t]*[-–—:]", re.I)


def _continues(line: str, open_list: bool) -> bool:
    if ":" in line and _GENERIC_LABEL_RE.match(_lower(line)):
        return False  # "The Thang: ..." starts the moleskine
    if _FAMILY_LINE_RE.match(line):
        return False
    if "<@" in line and not _USER_RE.sub("", line).strip(" ,&.-•·*_"):
        return True  # a line of nothing but mentions
    return open_list and len(line) <= 60 and line[-1:] != ":"


def parse_ao_lines(text: str, starts: set[int], f: _Fields) -> None:
    """No AO label: a channel mention alone on one of the first lines names the AO."""
    p, seen = 0, 0
    for line in text.split("\n", 12)[:12]:
        if line.strip(_MARKUP):
            seen += 1
            if seen > 8:
                return
            if p not in starts and "<#" in line:
                cid = _ao_only_line(line)
                if cid:
                    f.ao_line_id = f.ao_line_id or cid
                    return
        p += len(line) + 1


_INVITE_RE = re.compile(r"(?:all|any|every)(?:one|body)?\b(?!\s+(?:of\s+us|\d))")  # not "all 12", "all of us"


def _read_value(label: str, value: str, n: str | None, acc: _Acc, f: _Fields, poster: str | None) -> None:
    if label == "pax":
        f.has_pax_label = True
        if _INVITE_RE.match(value.strip(_MARKUP).lower()):  # "PAX: all pax from the region": an invitation
            f.pax_invite = True
            return
        parse_pax_value(value, n, acc, poster)
    elif label == "q" or label == "coq":
        f.has_q_label = True
        if label == "q":
            f.has_lead_label = True
        parse_q_line(value, label, acc, poster)
    elif label == "fng":
        if value in _NONE_VALUES and not acc.fng_line:  # fast path: "FNGs: None"
            acc.fng_line, acc.fng_n = True, 0
        else:
            parse_fng_value(value, acc)
    elif label == "count":
        if acc.count is None:
            acc.count = _first_int(value.rsplit("=", 1)[-1] if "=" in value else value)  # "10 + 2 = 12" -> 12
    elif label == "date":
        if f.date_value is None and value.strip(_MARKUP):
            f.date_value = value.strip(_MARKUP)
    elif label == "ao":
        if f.ao_id is None:
            cm = _CHAN_RE.search(value)
            if cm:
                f.ao_id = cm.group(1)
            elif value.strip(_MARKUP):
                f.ao_id = parse_ao_text(value, acc.lk)
        if f.ao_date is None and ("," in value or " - " in value):  # "AO: The Peltch, 01-17-2026"
            dm = _NUM_DATE_RE.search(value)
            if dm:
                f.ao_date = dm.group()
    elif label == "title":
        if value.strip(_MARKUP):
            f.title = value.strip(_MARKUP)


# --------------------------------------------------------------------------- slackblast payload


def _is_preblast_payload(p: Mapping) -> bool:
    return "the_pax" not in p and any(k in p for k in ("the_why", "coupons", "preblast_original_poster", "time"))


def parse_payload(p: Mapping, acc: _Acc) -> tuple[str | None, str | None, str | None]:
    """slackblast metadata.event_payload -> fills acc; returns (ao_id, date string, title).

    Keys (slackblast utilities/slack/actions.py): title, date (YYYY-MM-DD), The_AO (channel id), the_q,
    the_coq (list), the_pax (list), non_slack_pax (comma list), fngs (comma list), count (as typed or None).
    """
    q = p.get("the_q")
    if isinstance(q, str) and q:
        acc.add_user(q, "q")
    for key, role in (("the_coq", "coq"), ("the_pax", "pax")):
        v = p.get(key) or []
        for u in [v] if isinstance(v, str) else v:
            if isinstance(u, str) and u:
                acc.add_user(u, role)
    nsp = p.get("non_slack_pax")
    if isinstance(nsp, str) and nsp.strip() and nsp.strip().lower() != "none":
        acc.add_names(nsp)
    fngs = p.get("fngs")
    if isinstance(fngs, str) and fngs.strip():
        parse_fng_value(fngs, acc)
    cnt = p.get("count")
    if isinstance(cnt, (int, float)) and not isinstance(cnt, bool):
        acc.count = int(cnt)
    elif isinstance(cnt, str) and cnt.strip():
        acc.count = _first_int(cnt)
    ao, date, title = p.get("The_AO") or p.get("the_ao"), p.get("date"), p.get("title")
    return (
        ao if isinstance(ao, str) and ao else None,
        date if isinstance(date, str) and date else None,
        title if isinstance(title, str) and title else None,
    )


# --------------------------------------------------------------------------- entry point


def _is_slackblast(msg: Mapping) -> bool:
    if "slackblast" in (msg.get("username") or "").lower():
        return True
    bp = msg.get("bot_profile")
    return isinstance(bp, dict) and "slackblast" in str(bp.get("name", "")).lower()


_PREBLAST_RE = re.compile(r"\bpre[\s\-]?blast\b", re.I)


def _first_line(text: str) -> str:
    for line in text.split("\n", 3)[:3]:
        if line.strip():
            return line
    return ""


def _apply_markers(acc: _Acc, poster: str | None) -> None:
    """No Q line: the people marked (QIC) / (Q) / (VQ) / - QIC in the PAX list lead."""
    if acc.q is not None or not acc.q_marked:
        return
    for u in acc.q_marked:
        acc.add_user(u if u else poster, "q" if acc.q is None else "coq") if (u or poster) else None


_TITLE_SEP_RE = re.compile(r"\s+[-–—|]\s+")


def _q_in_title(title: str, acc: _Acc) -> None:
    """No Q line and no (QIC) marker: a header written 'Backblast – AO – date – Name' ends with the Q's name
    (the last dash-separated part, when it is exactly one user's name)."""
    parts = _TITLE_SEP_RE.split(title)
    if len(parts) < 3:
        return
    uid = _one_user(parts[-1].strip(_MARKUP), acc.lk)
    if uid:
        acc.add_user(uid, "q")


def _one_user(value: str, lk: _Lookup) -> str | None:
    """The user a value names: a whole mention, or a name that fits exactly one user."""
    m = _USER_RE.fullmatch(value)
    if m:
        return m.group(1)
    got = _resolve_name(value, lk)
    return got[0][1] if len(got) == 1 and got[0][1] else None


_SELF_LED_RE = re.compile(  # the writer says he led: "YHC's VQ", "YHC stepped up", "an honor to lead", "my VQ"
    r"\b(?:yhc|i)(?:['’]s)?\s+(?:v?q\b|stepped up\b|had the q\b|q['’]?d\b|qed\b)"
    r"|\b(?:honou?r|privilege) to (?:lead|q)\b|\bmy v?q\b")


_HELM_RE = re.compile(  # "with a BLUE OX at the reigns", "Cherie Berry at the helm": that man leads
    r"([^\W\d_][^\n,.;:!?()]{0,40}?|<@[UW][A-Z0-9]+(?:\|[^>]*)?>)[ \t]+at[ \t]+the[ \t]+(?:helm|reins|reigns|controls)\b",
    re.I)


_Q_DASH_LINE_RE = re.compile(r"(?mi)^[ \t*_~>]*(?:q|qic)[ \t]*[-–—][ \t]*(\S[^\n]{0,40}?)[ \t*_~]*$")


def _q_dash_line(text: str, acc: _Acc) -> None:
    """A line that is only "Q-Name" (a hyphen instead of a colon) names the Q when Name is exactly one user
    ("Q-Source", "Q-School" are no users)."""
    for m in _Q_DASH_LINE_RE.finditer(text):
        uid = _one_user(m.group(1), acc.lk)
        if uid:
            acc.add_user(uid, "q")
            return


def _q_at_helm(text: str, acc: _Acc) -> None:
    """No Q named by a label or marker: "... with a NAME at the reins/helm" names him (the longest run of last
    words that is exactly one user's name, or a mention)."""
    for m in _HELM_RE.finditer(text):
        got = m.group(1)
        um = _USER_RE.findall(got)[-1:] if got.endswith(">") else []
        if um:
            acc.add_user(um[0], "q")
            return
        words = got.split()
        for i in range(len(words)):
            cand = _resolve_name(" ".join(words[i:]), acc.lk)
            if len(cand) == 1 and cand[0][1]:
                acc.add_user(cand[0][1], "q")
                return


def _not_backblast(msg: Mapping, text: str) -> Parsed:
    return Parsed(status="not_backblast", text=unescape(text), poster_user_id=msg.get("user"))


def parse_message(msg: Mapping, ctx: Context) -> Parsed:
    """Parse one raw Slack message (as conversations.history returns it) into a :class:`Parsed`."""
    raw_text = msg.get("text") or ""
    if msg.get("subtype") not in _ALLOWED_SUBTYPES or msg.get("type", "message") != "message":
        return _not_backblast(msg, raw_text)
    lk = _lookup(ctx)
    is_bot = bool(msg.get("bot_id")) or msg.get("subtype") == "bot_message"
    human = None if is_bot else msg.get("user")
    slackblast = is_bot and _is_slackblast(msg)
    meta = msg.get("metadata")
    payload = meta.get("event_payload") if isinstance(meta, dict) and meta.get("event_type") == "backblast" else None
    if not isinstance(payload, dict):
        payload = None

    # the text to read: the message text, or the blocks when a bot put the labels there
    text, source = raw_text, ("slackblast_text" if slackblast else "text")
    if is_bot and msg.get("blocks") and (payload is not None or not _LABEL_RE.search("\n" + _lower(raw_text))):
        btext = parse_blocks_text(msg.get("blocks"))
        if btext and (payload is not None or _LABEL_RE.search("\n" + _lower(btext))):
            text, source = btext, "slackblast_blocks"
    if payload is not None and _is_preblast_payload(payload):
        return _not_backblast(msg, text)

    acc = _Acc(lk)
    q = payload.get("the_q") if payload is not None else None
    if isinstance(q, str) and q:  # structured slackblast data: preferred over any text
        ao_id, date_value, title = parse_payload(payload, acc)
        if ao_id and date_value:  # only the header (preblast? title?) is needed from the text
            f = _Fields()
            parse_head(text, _lower(text), f)
        else:  # fall back to the labelled lines for what the payload lacks
            f = parse_text(text, _Acc(lk), human)
        if f.preblast:
            return _not_backblast(msg, text)
        f.date_value = date_value or f.date_value
        f.ao_id, f.title = ao_id or f.ao_id, title or f.title
        source = "slackblast_metadata"
    else:
        f = parse_text(text, acc, human)
        if f.preblast or _PREBLAST_RE.search(_first_line(text)):
            return _not_backblast(msg, text)
        _apply_markers(acc, human)
        if acc.q is None and f.header and f.title and not f.has_q_label:
            _q_in_title(f.title, acc)
        if acc.q is None and acc.coqs and not f.has_lead_label:  # "Co-Q’s: A & B" and no Q line: A leads
            acc.q = acc.coqs.pop(0)
        if acc.q is None and not f.has_q_label and human and (human in acc.pax or f.header) \
                and _SELF_LED_RE.search(_lower(text)):  # fmt: skip
            acc.q = human  # no Q named, but the writer says he led ("YHC's VQ", "an honor to lead")
        if acc.q is None and not f.has_lead_label and " at the " in text:
            _q_at_helm(text, acc)
        if acc.q is None and not f.has_lead_label:
            _q_dash_line(text, acc)
        named = bool(acc.q or acc.coqs or acc.pax)
        if f.header:  # a header plus labels; or plenty of mentions and no "coming later" teaser
            teaser = _TEASER_RE.search(_lower(f.title or "")) and not f.has_pax_label
            intended = (f.labels > 0 and not teaser) or (f.mentions >= 2 and not _TEASER_RE.search(_lower(text)))
        else:  # no header: the labelled lines must name people (a Q and a PAX line, or a PAX list and more)
            intended = not f.pax_invite and (
                (f.has_q_label and f.has_pax_label and (named or acc.count is not None))
                or (f.has_pax_label and len(acc.pax) >= 2 and f.labels >= 2)
                or (slackblast and f.labels > 0)
                or (f.has_pax_label and acc.paren_count is not None and len(acc.pax) >= 3
                    and acc.paren_count == acc.named_count(acc.people()))  # "PAX: (12) ...": 12 names, a roll call
                or (f.has_pax_label and len(acc.pax) >= 5 and len(acc.unmatched) * 4 <= len(acc.pax))
            )  # a PAX list naming five or more of the region's men (few unknown names): a roll call
        if not intended:
            return _not_backblast(msg, text)
    return _finish(msg, f, acc, ctx, source, text, human, slackblast or source == "slackblast_metadata")


def _checked_title_date(value: str, post: dt.date | None, order: str, lk: _Lookup) -> dt.date | None:
    """A title's date, read relative to the post; not one after the post or long before it (a version, a score).
    A bare m/d or m-d counts only within two weeks before the post and when no AO or man is called that ("7-11")."""
    bare = _BARE_MD_RE.fullmatch(value) is not None
    if bare and (post is None or _norm_name(value) in lk.name_to_uid or parse_ao_text(value, lk) is not None):
        return None
    got = parse_date(value, post, order)
    span = _BARE_MD_SPAN if bare else _TITLE_DATE_SPAN
    if got is None or (post is not None and not post - span <= got <= post + dt.timedelta(1)):
        return None
    return got


def _finish(msg: Mapping, f: _Fields, acc: _Acc, ctx: Context, source: str, text: str, human: str | None,
            bot_post: bool) -> Parsed:  # fmt: skip
    problems = []
    if acc.q is None:
        problems.append(acc.q_problem or "no Q found - add a line like 'Q: @yourname'")
    post = _post_date(msg.get("ts"), ctx.tz)
    bd_date, date_flag, warnings = post, None, []
    dv = f.date_value = f.date_value or f.ao_date or f.head_date
    if dv and not _time_only(dv):
        bd_date = parse_date(f.date_value, post, ctx.date_order)
        if bd_date is None:  # never drop the beatdown: the post's date, flagged
            bd_date, date_flag = post, "unreadable"
            shown = f.date_value if len(f.date_value) <= 40 else f.date_value[:37] + "..."
            warnings.append(f"date '{shown}' unreadable - used the post's date; write it like 3/1/2025")
    elif f.title_date and (got := _checked_title_date(f.title_date, post, ctx.date_order, acc.lk)):
        bd_date = got
    else:
        date_flag = "missing"
        if not source.startswith("slackblast"):
            warnings.append("no date found - used the post's date; add a line like 'Date: 3/1/2025'")
    if bd_date is None:
        problems.append("no date found - add a line like 'Date: 3/1/2025'")

    people = acc.people()
    if acc.count is not None:
        pax_count = acc.count
    elif acc.paren_count is not None:
        pax_count = acc.paren_count
    else:
        pax_count = acc.named_count(people)
    return Parsed(  # positional (field order of Parsed): noticeably cheaper than 16 keywords
        "problem" if problems else "ok",
        "; ".join(problems) if problems else None,
        True,  # intended
        f.ao_id or f.ao_line_id or ctx.channel_id,
        bd_date,
        acc.q,
        acc.coqs,
        people,
        list(acc.unmatched.values()),
        list(acc.fng_names.values()),
        acc.fng_n if acc.fng_n is not None else len(acc.fng_names) + acc.anon_fngs,
        pax_count,
        f.title,
        (acc.q or human) if bot_post else (human or msg.get("user")),
        source,
        unescape(text),
        date_flag,
        warnings + [f"'{n}' matches no Slack user" for n in acc.unmatched.values()],
    )
