"""How long a region's mine has left at Slack's pace: its paced calls left x the pace.

Before anything is read, each channel's calls are planned (mine.plan): from what the archive holds
in its window, or, for a channel never read, from its age at a guessed rate (FIRST_MINE_PER_DAY), a
guess that can be several times off either way. The guess is replaced as pages come in: history is
read newest first, so the pages read so far give the channel's messages per second and the time
still to cover down to the window's start, hence the pages left; the thread replies from the
threads among those messages (a first read) and, once its history is read, from the threads really
to read. Events come from the thread mining a channel, or through a queue from a forked miner.
"""

from __future__ import annotations

import math
import threading

HISTORY, REPLIES = "conversations.history", "conversations.replies"


def _number(value) -> float:
    """A ts or count as Slack sent it; 0 for anything unreadable (a bad message never breaks a mine)."""
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def thread_calls(reply_count, page: int) -> int:
    """conversations.replies pages of one thread (Slack repeats the parent on every page)."""
    return max(1, math.ceil((int(_number(reply_count)) + 1) / page))


class Channel:
    def __init__(self, history: int, replies: int, first: bool, created: float | None = None):
        self.planned = {HISTORY: history, REPLIES: replies}
        self.first = first  # never read: its threads are all to read
        self.created = created  # the channel's creation (epoch seconds): nothing older to read
        self.bound: float | None = None  # the window's start (epoch seconds; 0 on a first read)
        self.pages = self.messages = 0
        self.newest: float | None = None
        self.oldest: float | None = None
        self.more = True
        self.thread_calls_seen = 0  # replies calls the threads among the pages read will cost
        self.to_read: int | None = None  # replies calls of the threads to read, once history is done
        self.read = 0  # replies calls made for them
        self.done = False

    def left(self, page: int) -> dict[str, int]:
        if self.done:
            return {HISTORY: 0, REPLIES: 0}
        if self.to_read is not None:  # history read to the end
            return {HISTORY: 0, REPLIES: max(0, self.to_read - self.read)}
        if not self.pages:
            return dict(self.planned)
        bound = max(self.bound or 0.0, self.created or 0.0)
        if not self.more:
            remaining = 0.0
        elif bound > 0 and self.newest is not None and self.oldest is not None and self.newest > self.oldest:
            remaining = max(0.0, self.oldest - bound) * self.messages / (self.newest - self.oldest)
        else:  # nothing to extrapolate from: what was planned, less what was read
            remaining = max(0, self.planned[HISTORY] - self.pages) * page
        history = max(1 if self.more else 0, math.ceil(remaining / page))
        if self.first:  # threads as frequent in what is left as in what was read
            replies = self.thread_calls_seen * (self.messages + remaining) / max(1, self.messages)
        else:  # a rerun reads only the threads that changed: known once its history is read
            replies = self.planned[REPLIES]
        return {HISTORY: history, REPLIES: math.ceil(replies)}


class Forecast:
    """Paced calls a region's mine has left, per method; thread-safe."""

    def __init__(self, page: int):
        self.page_size = max(1, page)
        self.channels: dict[str, Channel] = {}
        self._lock = threading.Lock()

    def plan(self, channel_id: str, history: int, replies: int, first: bool, created: float | None = None) -> None:
        with self._lock:
            self.channels[channel_id] = Channel(history, replies, first, created)

    def read(self) -> tuple[int, int]:
        """History pages and threads' replies calls read so far (forked miners' too)."""
        with self._lock:
            return sum(c.pages for c in self.channels.values()), sum(c.read for c in self.channels.values())

    def event(self, channel_id: str, kind: str, *args) -> None:
        """start(bound) | page(messages, newest, oldest, more, thread_calls) | threads(calls) |
        read(calls) | done()"""
        with self._lock:
            ch = self.channels.get(channel_id)
            if ch is None:
                ch = self.channels[channel_id] = Channel(1, 0, False)
            if kind == "start":
                ch.bound = args[0]
            elif kind == "page":
                messages, newest, oldest, more, calls = args
                ch.pages += 1
                ch.messages += messages
                ch.more = more
                ch.thread_calls_seen += calls
                if newest is not None:
                    ch.newest = max(ch.newest or newest, newest)
                if oldest is not None:
                    ch.oldest = min(ch.oldest or oldest, oldest)
            elif kind == "threads":
                ch.to_read, ch.read = args[0], 0
            elif kind == "read":
                ch.read += args[0]
            elif kind == "done":
                ch.done = True

    def left(self) -> dict[str, int]:
        """Paced calls left per method. Channels of a first mine not yet reached get their guess scaled
        by how the guess compares with what the channels already read turned out to hold."""
        with self._lock:
            out = {HISTORY: 0, REPLIES: 0}
            lefts = {cid: ch.left(self.page_size) for cid, ch in self.channels.items()}
            seen = [(ch, lefts[cid]) for cid, ch in self.channels.items() if ch.first and (ch.pages or ch.done)]
            scale = {}
            for m in (HISTORY, REPLIES):
                planned = sum(ch.planned[m] for ch, _ in seen)
                found = sum(ch.pages + left[m] if m == HISTORY else ch.to_read if ch.to_read is not None
                            else ch.read + left[m] for ch, left in seen)
                scale[m] = found / planned if planned else 1.0
            for cid, ch in self.channels.items():
                unread = ch.first and not ch.pages and not ch.done
                for m, n in lefts[cid].items():
                    out[m] += math.ceil(n * scale[m]) if unread else n
            return out


class Tracker:
    """What a channel's miner tells the forecast (directly, or through a queue from a forked miner)."""

    def __init__(self, channel_id: str, send, page: int):
        self.channel_id, self.send, self.page_size = channel_id, send, page

    def start(self, bound: str) -> None:
        self.send(self.channel_id, "start", float(bound or 0))

    def page(self, messages: list[dict], more: bool) -> None:
        stamps = [t for t in map(_number, (m.get("ts") for m in messages)) if t]
        calls = sum(thread_calls(_number(m.get("reply_count")), self.page_size) for m in messages
                    if _number(m.get("reply_count")) > 0)
        self.send(self.channel_id, "page", len(messages), max(stamps, default=None), min(stamps, default=None), more, calls)

    def threads(self, parents: list[dict]) -> None:
        self.send(self.channel_id, "threads", sum(thread_calls(p.get("reply_count"), self.page_size) for p in parents))

    def read(self, threads: list[tuple[dict, list]]) -> None:
        self.send(self.channel_id, "read", sum(thread_calls(p.get("reply_count"), self.page_size) for p, _ in threads))

    def done(self) -> None:
        self.send(self.channel_id, "done")
