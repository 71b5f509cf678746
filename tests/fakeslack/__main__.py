"""Serve a generated demo region: python -m tests.fakeslack --port 8765 --seed 1 --token xoxb-demo"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from datetime import date, timedelta

from tests.fakeslack import FakeSlack, generate_region


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fakeslack", description=__doc__)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--token", default="xoxb-demo")
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--users", type=int, default=150)
    ap.add_argument("--aos", type=int, default=8)
    ap.add_argument("--latency", type=float, default=0.0, help="seconds of delay per request")
    ap.add_argument("--page-cap", type=int, default=None, help="max messages per history page (15 = non-Marketplace)")
    ap.add_argument("--limit-window", type=float, default=None,
                    help="limit mode: enforce Slack's rate limits per workspace and method in a minute of this many seconds")
    ap.add_argument("--tier", default="distributed", help="limit mode: distributed | internal | marketplace")
    args = ap.parse_args(argv)
    fs = FakeSlack(latency=args.latency, port=args.port)
    if args.limit_window:
        fs.limit_mode(args.limit_window, args.tier)
    ws = fs.add_workspace(args.token, team="T0DEMO", name="f3demo", page_cap=args.page_cap)
    start = date.today() - timedelta(weeks=args.weeks)
    summary = generate_region(ws, seed=args.seed, users=args.users, aos=args.aos, weeks=args.weeks, start=start)
    url = fs.start()

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # terminate(): print the 429 count on the way out
    print(f"fake Slack serving {summary['messages']} messages, {summary['backblasts']} backblasts, "
          f"{summary['users']} users, {summary['channels']} channels", file=sys.stderr)
    print(url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        fs.stop()
        print(f"429s: {sum(fs.limited.values())} {dict(fs.limited)}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
