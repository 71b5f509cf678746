"""`make demo`: the nightly job end to end on a generated sample region, with nothing configured.

Starts the local Slack sandbox (the FakeSlack server the tests use) on a free loopback port,
generates a realistic region into it (a year of beatdowns, ~150 PAX, 8 AOs, chatter, threads),
registers it on the embedded SQLite default under ./demo/data, turns its chart flags on, and runs
the same `paxminer daily` command cron runs (in this process, pointed at the sandbox with
--slack-api-url), with the monthly charts due and written to ./out/ instead of posted. Then prints
what it mined, scored and would have posted. Rerunnable: it wipes ./demo and ./out/<region> first.

    python -m tests.fakeslack.demo [--weeks 52] [--users 150] [--aos 8] [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sqlite3
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from tests.fakeslack import FakeSlack, generate_region

REGION, SCHEMA, TOKEN = "f3demo", "f3demo", "xoxb-demo-not-a-real-token"
OUTREACH = {"outreach": {"slipping": True, "mentor": True, "lead": True, "achievements": True}}


def paxminer(cfg: Path, url: str, *args: str, quiet: bool = False) -> tuple[int, str]:
    """Run a paxminer command in this process, as cron would run it; returns (exit code, output)."""
    from miner.cli.main import main

    argv = ["--config", str(cfg), "--db-url", "", "--slack-api-url", url, *args]
    shown = " ".join(a if " " not in a else repr(a) for a in args)
    print(f"$ paxminer {shown}", flush=True)
    buf = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            main.main(args=argv, prog_name="paxminer", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    out = buf.getvalue()
    if not quiet:
        for line in out.splitlines():
            print(f"  {line}")
    return code, out


DEMO_WINDOW = 0.01  # seconds: Slack's one-call-a-minute limit, enforced by the sandbox, a minute lasting this long


def clean_environment() -> None:
    """The demo never touches a configured database or Slack: drop PAXminer's variables here."""
    for k in list(os.environ):
        if k.startswith("PAXMINER_") or k == "SLACK_API_URL":
            del os.environ[k]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fakeslack.demo", description=__doc__.splitlines()[0])
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--users", type=int, default=150)
    ap.add_argument("--aos", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", default="demo", help="the demo's own folder (wiped first)")
    ap.add_argument("--out", default="out", help="where the charts go")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    clean_environment()
    demo, out = Path(a.dir), Path(a.out)
    shutil.rmtree(demo, ignore_errors=True)
    shutil.rmtree(out / REGION, ignore_errors=True)
    demo.mkdir(parents=True)

    fs = FakeSlack()
    fs.limit_mode(window=DEMO_WINDOW)  # Slack's real limits, in a minute of DEMO_WINDOW seconds
    ws = fs.add_workspace(TOKEN, team="T0DEMO", name="f3demo")
    gen = generate_region(ws, seed=a.seed, users=a.users, aos=a.aos, weeks=a.weeks,
                          start=date.today() - timedelta(weeks=a.weeks))
    url = fs.start()
    print(f"Local Slack sandbox at {url}: generated region {REGION} with {gen['pax']} PAX, {gen['channels']} channels, "
          f"{gen['messages']} messages, {gen['backblasts']} backblasts over {a.weeks} weeks "
          f"(nothing leaves this machine)\n")
    cfg = demo / "credentials.ini"
    cfg.write_text(f"[paxminer]\ndb_url =\ndata_dir = {(demo / 'data').resolve()}\nslack_api_url = {url}\nchart_day = 1\n"
                   f"workers = 2\nrate_window_s = {DEMO_WINDOW}\n", encoding="utf-8")
    try:
        code, _ = paxminer(cfg, url, "db", "init")
        os.environ["PAXMINER_REGION_TOKEN"] = TOKEN  # tokens never on a command line
        code = code or paxminer(
            cfg, url, "region", "add", REGION, "--schema", SCHEMA, "--firstf-channel", gen["channel_ids"]["1st-f"],
            "--log-channel", gen["channel_ids"]["general"], "--send-pax-charts", "--send-q-charts",
            "--send-ao-leaderboard", "--send-region-leaderboard", "--settings", json.dumps(OUTREACH))[0]
        del os.environ["PAXMINER_REGION_TOKEN"]
        if code:
            print("demo: setting up the region failed (see above)", file=sys.stderr)
            return 1
        summary_path = demo / "summary.json"
        code, _ = paxminer(cfg, url, "daily", "--outbox", str(out), "--summary-json", str(summary_path))
        print()
        if not summary_path.exists():
            print("demo: the nightly run did not finish (see above)", file=sys.stderr)
            return 1
        report(json.loads(summary_path.read_text()), ws, gen, demo, out, time.perf_counter() - t0)
        return code
    finally:
        fs.stop()


def report(s: dict, ws, gen: dict, demo: Path, out: Path, seconds: float) -> None:
    r = s["results"][0]
    steps = r["steps"]
    mine, score, charts = steps.get("mine") or {}, steps.get("score") or {}, steps.get("charts") or {}
    db = demo / "data" / f"{SCHEMA}.sqlite"
    with sqlite3.connect(db) as conn:
        keys = {tuple(str(v)[:10] if i == 1 else v for i, v in enumerate(row))
                for row in conn.execute("SELECT ao_id, bd_date, q_user_id FROM beatdowns")}
        n_att = conn.execute("SELECT COUNT(*) FROM bd_attendance").fetchone()[0]
        as_of = conn.execute("SELECT MAX(as_of) FROM scores").fetchone()[0]
        top = conn.execute(
            "SELECT u.user_name, s.score, s.posts FROM scores s JOIN users u ON u.user_id = s.user_id "
            "WHERE s.as_of = ? AND s.period = 'ytd' AND s.scope = '' ORDER BY s.score DESC LIMIT 5", (as_of,)).fetchall()
    truth = {(t["ao_id"], t["date"], t["q"]) for t in ws.truth}
    visible = {t for t in truth if t[0] not in _private_unjoined(ws)}
    found = len(keys & visible)
    line = "=" * 78
    print(line)
    print(f"PAXminer demo: the nightly run of region {REGION} ({r['status']}) in {seconds:.0f}s")
    print(line)
    print(f"mined     {mine.get('messages', 0) + mine.get('replies', 0)} messages ({mine.get('replies', 0)} thread replies) "
          f"from {mine.get('channels', 0)} channels with {r['api_calls']} Slack API calls")
    print(f"parsed    {len(keys)} beatdowns, {n_att} attendance rows, {mine.get('problems', 0)} backblasts with problems; "
          f"{found} of the {len(visible)} generated beatdowns the bot can see were found")
    if score:
        names = ", ".join(f"{n} ({sc})" for n, sc, _ in top)
        print(f"scored    {max((score.get('pax') or {}).values() or [0])} PAX as of {as_of}; top year to date: {names}")
    index = _chart_index(out)
    pngs = sorted((out / REGION).glob("*.png")) if (out / REGION).exists() else []
    print(f"charted   {len(pngs)} PNG charts for {charts.get('label', 'last month')} written to ./{out / REGION}/")
    kinds = Counter(c["kind"] for c in index)
    dms = sum(1 for c in index if c.get("dm"))
    print("would have posted (nothing was posted):")
    if index:
        parts = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
        print(f"  - {len(index)} charts ({parts}): {dms} as DMs to PAX, the rest to AO and region channels")
        example = next((c for c in index if c["kind"] == "leaderboard"), index[0])
        print(f"    e.g. to <#{example['recipient']}>: {example['comment'][:150]}")
    o = steps.get("outreach") or {}
    actions = o.get("actions") or []
    if o.get("kinds"):
        print(f"  - outreach ({', '.join(o['kinds'])}): {len(actions)} message(s) planned")
        for act in actions[:3]:
            print(f"    e.g. {str(act)[:150]}")
    rep = sorted((out / REGION).glob("daily-report-*.txt")) if (out / REGION).exists() else []
    if rep:
        print(f"  - the run report to the log channel ({rep[-1]}):")
        for ln in rep[-1].read_text().splitlines():
            print(f"      {ln}")
    fb = mine.get("feedback", 0)
    if fb:
        print(f"  - {fb} feedback DM(s) to posters of recent backblasts that need fixing (delivered to the sandbox)")
    site = demo / "site" / "index.html"
    if site.exists():
        print(f"dashboard {site} (the admins' static site: open it in a browser)")
    print(f"database  {db} (SQLite); try: sqlite3 {db} 'SELECT * FROM beatdown_info ORDER BY Date DESC LIMIT 5'")
    print("next      for real: copy credentials_template.ini to credentials.ini, `paxminer region add ...`, "
          "then cron `paxminer daily` (README)")


def _private_unjoined(ws) -> set:
    return {c.info["id"] for c in ws.channels.values() if c.info["is_private"] and ws.bot_user_id not in c.members}


def _chart_index(out: Path) -> list[dict]:
    items = []
    for f in sorted((out / REGION).glob("*-index.json")) if (out / REGION).exists() else []:
        try:
            items += json.loads(f.read_text())
        except ValueError:
            pass
    return items


if __name__ == "__main__":
    sys.exit(main())
