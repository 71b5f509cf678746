"""`paxminer alias add|list|remove`: the region's alias list (names Qs write -> the PAX they mean)."""

from __future__ import annotations

import json

import click

from miner.app import App
from miner.cli.common import command, pass_app, region_option, summary

_APPLY = "the next `paxminer mine` applies it (or `paxminer reparse --region {r}` now)"


@click.group()
def alias():
    """Names Qs write for a PAX that are not his Slack name (matched like his own name)."""


@alias.command("add")
@region_option
@click.argument("name")
@click.argument("user")
@pass_app
@command
def alias_add(app: App, region, name, user):
    """NAME (as Qs write it) means USER (a user ID, @display-name, or display / real name)."""
    from miner.beatdowns.aliases import add_alias

    s = add_alias(app, region, name, user)
    was = f" (was {s['previous']})" if s["previous"] and s["previous"] != s["user_id"] else ""
    summary(f"{region}: alias '{s['alias']}' -> {s['user_id']} ({s['user_name']}){was}; "
            f"{s['marked']} backblasts to read again: " + _APPLY.format(r=region))


@alias.command("remove")
@region_option
@click.argument("name")
@pass_app
@command
def alias_remove(app: App, region, name):
    """Remove the alias NAME."""
    from miner.beatdowns.aliases import remove_alias

    s = remove_alias(app, region, name)
    summary(f"{region}: alias '{s['alias']}' (-> {s['user_id']}) removed; "
            f"{s['marked']} backblasts to read again: " + _APPLY.format(r=region))


@alias.command("list")
@region_option
@click.option("--json", "as_json", is_flag=True, help="print a JSON array on stdout (the summary goes to stderr)")
@pass_app
@command
def alias_list(app: App, region, as_json):
    """The region's aliases and the users they mean."""
    from miner.beatdowns.aliases import list_aliases

    rows = list_aliases(app, region)
    if as_json:
        click.echo(json.dumps([{"alias": r["written"], "key": r["alias"], "user_id": r["user_id"],
                                "user_name": r["user_name"], "real_name": r["real_name"]} for r in rows], indent=1))
        click.echo(f"{region}: {len(rows)} alias(es)", err=True)
        return
    click.echo(f"{'ALIAS':24} {'USER ID':12} USER")
    for r in rows:
        who = r["user_name"] or r["real_name"] or "(not in users)"
        click.echo(f"{r['written']:24} {r['user_id']:12} {who}")
    summary(f"{region}: {len(rows)} alias(es)")
