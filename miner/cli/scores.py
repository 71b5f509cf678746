"""`paxminer score` and `paxminer outreach ...` ."""

from __future__ import annotations

import json
from datetime import date

import click

from miner.app import App
from miner.cli.common import command, listing, parse_day, pass_app, region_lock, region_option, summary

PERIODS = ("month", "ytd", "90d")  # miner.scoring.PERIODS, without importing pandas for every command


def ranking_table(rows: list[dict], limit: int) -> str:
    head = f"{'rank':>4}  {'PAX':24} {'score':>6} {'posts':>5} {'Qs':>3} {'AOs':>3} {'streak':>6} {'best':>4} {'FNGs':>4} {'msgs':>5}"
    lines = [head, "-" * len(head)]
    for r in rows[: limit or None]:
        msgs = r["msgs_ao"] + r["msgs_help"] + r["msgs_region"] + r["msgs_other"]
        lines.append(f"{r['rank']:>4}  {r['user_name'][:24]:24} {r['score']:>6} {r['posts']:>5} {r['qs']:>3} {r['aos']:>3} "
                     f"{r['streak_current']:>6} {r['streak_longest']:>4} {r['fngs_brought']:>4} {msgs:>5}")
    return "\n".join(lines)


@click.command()
@region_option
@click.option("--as-of", callback=parse_day, help="score as of this date (YYYY-MM-DD; default today in the region)")
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True, help="ranking to print")
@click.option("--ao", help="also score and print the ranking of this AO (channel ID or name)")
@click.option("--json", "as_json", is_flag=True, help="print the ranking as a JSON array (summary goes to stderr)")
@click.option("--limit", type=click.IntRange(0), default=25, show_default=True, help="rows in the table (0: all)")
@pass_app
@command
def score(app: App, region, as_of, period, ao, as_json, limit):
    """scorer: compute and store every PAX's scores (month, ytd, 90d) and achievements; print a ranking."""
    from miner.scores.run import read_ranking, score_region

    s = score_region(app, region, as_of=as_of, ao=ao)
    rows = read_ranking(app, region, date.fromisoformat(s["as_of"]), period, s["scope"])
    where = f"AO {ao}" if ao else region
    line = (f"{region}: scored {s['pax']['month']} PAX this month, {s['pax']['ytd']} this year, "
            f"{s['pax']['90d']} in 90 days as of {s['as_of']}; {s['new_achievements']} new achievement(s); "
            f"ranking of {where}, {period}: {len(rows)} PAX")
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        click.echo(line, err=True)
        return
    if rows:
        click.echo(ranking_table(rows, limit))
    summary(line)


@click.group()
def outreach():
    """Automatic outreach (slipping away, ready to lead, mentors, achievements) and its tickets."""


@outreach.command("run")
@region_option
@click.option("--as-of", "as_of", callback=parse_day, metavar="YYYY-MM-DD",
              help="act as if today were this date (default: today in the region)")
@click.option("--today", "today_alias", callback=parse_day, hidden=True)  # the old name of --as-of
@click.option("--dry-run", is_flag=True, help="print every message it would send; send and store nothing")
@pass_app
@command
def outreach_run(app: App, region, as_of, today_alias, dry_run):
    """Run every outreach kind the region opted into; nothing is ever sent twice."""
    from miner.outreach.workflows import run_outreach

    if dry_run:
        s = run_outreach(app, region, today=as_of or today_alias, dry_run=True)
    else:
        with region_lock(app, region):  # it sends: never beside another run on the region
            s = run_outreach(app, region, today=as_of or today_alias, dry_run=False)
    for action in s["actions"]:
        click.echo(action)
    if not s["kinds"]:
        summary(f"{region}: no outreach enabled (settings JSON \"outreach\": {{\"slipping\": true, ...}})")
        return
    if dry_run:
        summary(f"{region}: outreach {', '.join(s['kinds'])} as of {s['today']}, DRY RUN (nothing sent or stored): "
                f"would send {s['planned']} message(s), open {s['opened']} ticket(s), escalate {s['escalated']}, "
                f"close {s['closed']}; would pair {s['paired']} FNG(s), invite {s['invited']}, "
                f"announce {s['announced']} achievement(s)")
        return
    summary(f"{region}: outreach {', '.join(s['kinds'])} as of {s['today']}: {s['sent']} message(s) sent, "
            f"{s['failed']} failed; tickets {s['opened']} opened, {s['escalated']} escalated, {s['closed']} closed; "
            f"{s['paired']} FNG(s) paired, {s['invited']} invited, {s['announced']} achievement(s) announced")


@outreach.command("list")
@region_option
@click.option("--all", "everything", is_flag=True, help="closed and done tickets too")
@click.option("--kind", type=click.Choice(["slipping", "mentor"]), help="only this kind")
@click.option("--json", "as_json", is_flag=True, help="print JSON (summary goes to stderr)")
@pass_app
@command
def outreach_list(app: App, region, everything, kind, as_json):
    """The admins' view of outreach tickets (open ones unless --all)."""
    from miner.outreach.workflows import list_tickets

    rows = list_tickets(app, region, everything, kind)
    line = f"{region}: {len(rows)} {'' if everything else 'open '}outreach ticket(s)"

    def row(r) -> str:
        extra = f"last post {r['ref']}" if r["kind"] == "slipping" else f"mentor {r['other_name'] or '-'}"
        if r.get("ao_name"):
            extra += f" at #{r['ao_name']}"
        if r["facts"].get("trend"):
            extra += f", score trend {' -> '.join(map(str, r['facts']['trend']))}"
        if r["reply"]:
            extra += f", replied: {r['reply'][:80]}"
        return (f"#{r['id']:<5} {r['kind']:9} {r['status']:7} {r['stage']:10} {r['user_name'][:24]:24} "
                f"opened {r['opened_on']}  {extra}" + (f"  [{r['note']}]" if r["note"] else ""))

    listing(as_json, rows, line, f"{'TICKET':6} {'KIND':9} {'STATUS':7} {'STAGE':10} {'PAX':24} {'OPENED':17}  DETAILS", row)


class TicketId(click.ParamType):
    """A ticket number as `outreach list` prints it: 2 or #2."""

    name = "TICKET"

    def convert(self, value, param, ctx):
        text = str(value).strip().lstrip("#")
        if text.isdigit():
            return int(text)
        self.fail(f"{value!r} is not a ticket number (like 2 or #2, from `paxminer outreach list`)", param, ctx)


@outreach.command("close")
@click.argument("ticket_id", type=TicketId())
@region_option
@click.option("--note", help="what was done (kept on the ticket)")
@pass_app
@command
def outreach_close(app: App, ticket_id, region, note):
    """Close an outreach ticket (an admin has followed up)."""
    from miner.outreach.workflows import close_ticket

    t = close_ticket(app, region, ticket_id, note)
    summary(f"{region}: ticket #{t['id']} ({t['kind']}, {t['user_name']}) closed")
