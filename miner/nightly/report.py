"""The nightly run's words: each region's result, its one-line summary, the run report, the total.
Pure formatting: no I/O (the run and its steps are in run.py)."""

from __future__ import annotations

import socket
from dataclasses import asdict, dataclass, field

CORE_STEPS = ("channels", "users", "mine", "score", "outreach", "charts", "home", "site")


@dataclass
class RegionResult:
    region: str
    status: str = "ok"  # ok | partial (something left for the next run) | failed | skipped
    failed_step: str | None = None
    error: str | None = None
    note: str | None = None  # why skipped
    warnings: list[str] = field(default_factory=list)
    steps: dict = field(default_factory=dict)  # step -> counts (or {"not_run": note})
    seconds: float = 0.0
    today: str | None = None

    @property
    def mine(self) -> dict:
        return self.steps.get("mine") or {}

    def total(self, key: str) -> int:
        return sum(int(c.get(key) or 0) for c in self.steps.values() if isinstance(c, dict))

    @property
    def api_calls(self) -> int:
        return self.total("api_calls")

    @property
    def messages(self) -> int:
        return int(self.mine.get("messages") or 0) + int(self.mine.get("replies") or 0)

    def line(self) -> str:
        if self.status == "skipped":
            return f"{self.region}: skipped, {self.note}"
        if self.status == "failed":
            return f"{self.region}: failed at {self.failed_step}: {self.error}"
        parts = []
        ch, us, m = self.steps.get("channels") or {}, self.steps.get("users") or {}, self.mine
        if "channels" in ch:
            parts.append(f"{ch['channels']} channels")
        if "users" in us:
            parts.append(f"{us['users']} users")
        if "messages" in m:
            parts.append(f"{m['messages']} messages read ({m.get('new', 0)} new) and {m.get('replies', 0)} thread replies")
            parts.append(f"{m.get('backblasts', 0)} backblasts, {m.get('problems', 0)} problems")
        elif "not_run" in m:
            parts.append(f"mine skipped ({m['not_run']})")
        sc = self.steps.get("score") or {}
        if "pax" in sc:
            parts.append(f"{pax_scored(sc)} PAX scored")
        parts.append(charts_phrase(self.steps.get("charts") or {}))
        parts.append(f"{self.api_calls} API calls")
        text_ = f"{self.region}: {self.status} in {self.seconds:.1f}s: " + ", ".join(p for p in parts if p)
        if self.status == "partial":
            text_ += "; left for the next run: " + "; ".join((self.mine.get("missing") or [])[:3])
        if self.warnings:
            text_ += "; warning: " + "; ".join(self.warnings)
        return text_

    def public(self) -> dict:
        return {**asdict(self), "api_calls": self.api_calls, "messages": self.messages}


def pax_scored(score: dict) -> int:
    pax = score.get("pax")
    if isinstance(pax, dict):
        return max((int(v or 0) for v in pax.values()), default=0)
    return int(pax or 0)


def charts_phrase(c: dict) -> str:
    if not c:
        return ""
    if "not_run" in c:
        return f"charts {c['not_run']}" if c["not_run"].startswith("not due") else f"charts skipped ({c['not_run']})"
    if c.get("note"):
        return f"charts: {c['note']}"
    if c.get("outbox"):
        return f"{c.get('written', 0)} charts written to {c['outbox']}"
    return f"{c.get('posted', 0)} charts posted ({c.get('skipped', 0)} already sent, {c.get('failed', 0)} failed)"


def summarize(run_id: str, results: list[RegionResult], seconds: float, workers: int, order: list[str]) -> dict:
    rank = {n: i for i, n in enumerate(order)}
    results = sorted(results, key=lambda r: rank.get(r.region, 0))
    by = {s: [r.region for r in results if r.status == s] for s in ("ok", "partial", "failed", "skipped")}
    charts = [r.steps.get("charts") or {} for r in results]
    return {
        "run_id": run_id, "host": socket.gethostname(), "workers": workers, "seconds": round(seconds, 2),
        "regions": len(results), "ok": len(by["ok"]), "failed": len(by["failed"]), "skipped": len(by["skipped"]),
        "failed_regions": by["failed"], "skipped_regions": by["skipped"],
        "partial": len(by["partial"]), "partial_regions": by["partial"],
        "retry_429": sum(int((r.mine.get("retries") or {}).get("retry_429") or 0) for r in results),
        "messages": sum(r.messages for r in results), "new_messages": sum(int(r.mine.get("new") or 0) for r in results),
        "backblasts": sum(int(r.mine.get("backblasts") or 0) for r in results),
        "problems": sum(int(r.mine.get("problems") or 0) for r in results),
        "pax_scored": sum(pax_scored(r.steps.get("score") or {}) for r in results),
        "charts_posted": sum(int(c.get("posted") or 0) for c in charts),
        "charts_written": sum(int(c.get("written") or 0) for c in charts if c.get("outbox")),
        "api_calls": sum(r.api_calls for r in results),
        "results": [r.public() for r in results],
    }


def total_line(s: dict) -> str:
    partial = f"{s['partial']} partial (left for the next run), " if s.get("partial") else ""
    line = (f"daily: {s['regions']} region(s): {s['ok']} ok, {partial}{s['failed']} failed, {s['skipped']} skipped; "
            f"{s['messages']} messages and thread replies read ({s['new_messages']} new messages), "
            f"{s['backblasts']} backblasts, {s['api_calls']} API calls")
    if s["charts_posted"] or s["charts_written"]:
        line += f", {s['charts_posted']} charts posted" + (f", {s['charts_written']} written" if s["charts_written"] else "")
    return line + f"; {s['seconds']:.1f}s with {s['workers']} worker(s) (run {s['run_id']})"


def describe_step(step: str, c: dict) -> str:
    if "not_run" in c:
        return f"skipped ({c['not_run']})"
    if step == "channels" and "channels" in c:
        return f"{c['channels']} channels ({c.get('backblast', 0)} backblast, {c.get('joined', 0)} joined)"
    if step == "users" and "users" in c:
        return f"{c['users']} users ({c.get('new', 0)} new, {c.get('changed', 0)} changed)"
    if step == "mine" and "messages" in c:
        return (f"{c['messages']} messages read ({c.get('new', 0)} new, {c.get('changed', 0)} changed, "
                f"{c.get('deleted', 0)} deleted) and {c.get('replies', 0)} thread replies, {c.get('backblasts', 0)} backblasts, "
                f"{c.get('problems', 0)} problems, {c.get('feedback', 0)} feedback DMs")
    if step == "score" and "pax" in c:
        return f"{pax_scored(c)} PAX scored, {c.get('new_achievements', 0)} new achievements"
    if step == "outreach" and "kinds" in c:
        if not c["kinds"]:
            return "nothing opted in"
        verb = "planned" if c.get("dry_run") else "sent"
        return f"{c.get('sent', 0) if not c.get('dry_run') else c.get('planned', 0)} message(s) {verb} ({', '.join(c['kinds'])})"
    if step == "charts":
        return charts_phrase(c) or "nothing"
    if step == "home" and "published" in c:
        return f"Home tab {'written' if c.get('outbox') else 'published'} for {c['published']} admin(s)"
    return "done" if c else "not run"


def report_text(region: str, res: RegionResult, seconds: float, host: str, run_id: str) -> str:
    if res.status == "ok":
        head = "ok"
    elif res.status == "partial":
        head = "PARTIAL, left for the next run: " + "; ".join((res.mine.get("missing") or [])[:3])
    else:
        head = f"FAILED at {res.failed_step}: {res.error}"
    lines = [f"PAXminer nightly run for {region}, {res.today} (host {host}, run {run_id}): "
             f"{head} in {seconds:.1f}s"]
    for step in CORE_STEPS:
        if step in res.steps:
            lines.append(f"• {step}: {describe_step(step, res.steps[step])}")
    for w in res.warnings:
        lines.append(f"• warning: {w}")
    lines.append(f"• {res.api_calls} Slack API calls")
    return "\n".join(lines)
