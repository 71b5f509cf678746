"""dashboard: the static site's figures equal the database's, member text stays text, nothing private
shows, the nightly run rebuilds it; the Home tab and its buttons (Slack-shaped block_actions payloads,
the real slack-sdk against the fake Slack). SQLite and MariaDB."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import text

from dashboard.data import months_back
from dashboard.home import CLOSE, DM, SNOOZE, admins, handle_block_actions, home_view, publish_region
from dashboard.site import build_site, private
from miner.outreach.tickets import ticket_history
from tests.dashboard_region import ADMIN, EMAIL, PHONE, TODAY, TOKEN, XSS, make_region
from tests.helpers import rows
from tests.helpers import run_cli as run


class Tables(HTMLParser):
    """Every <table id=...>: its rows as {"attrs": row attributes, "cells": [text], "cols": {data-col: text}}."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: dict[str, list[dict]] = {}
        self.figures: dict[str, str] = {}
        self._table = self._row = self._cell = self._fig = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id"):
            self._table = self.tables.setdefault(a["id"], [])
        elif tag == "tr" and self._table is not None:
            self._row = {"attrs": a, "cells": [], "cols": {}}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = {"col": a.get("data-col"), "text": ""}
        elif tag == "b" and a.get("data-figure"):
            self._fig = [a["data-figure"], ""]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data
        if self._fig is not None:
            self._fig[1] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            t = " ".join(self._cell["text"].split())
            self._row["cells"].append(t)
            if self._cell["col"]:
                self._row["cols"][self._cell["col"]] = t
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["cols"] or self._row["attrs"]:
                self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "b" and self._fig is not None:
            self.figures[self._fig[0]] = self._fig[1].strip()
            self._fig = None


def q(app, region, sql, **params) -> list[tuple]:
    return rows(app, region.schema_name, sql, **params)


@pytest.fixture
def built(app, tmp_path):
    region = make_region(app)
    out = tmp_path / "site"
    counts = build_site(app, out, today=TODAY)
    return region, out, counts


def page(out: Path, *parts) -> str:
    return out.joinpath(*parts).read_text(encoding="utf-8")


def test_the_figures_equal_the_database(app, built):
    region, out, counts = built
    assert counts["regions"] == 1 and counts["failed"] == 0
    people = "(SELECT user_id FROM users WHERE app = 0)"
    html = page(out, "regions", "test-region", "index.html")
    t = Tables(html)
    # this month so far
    month = ("2024-03-01", TODAY.isoformat())
    bd = q(app, region, "SELECT COUNT(*) FROM beatdowns WHERE bd_date >= :a AND bd_date <= :b", a=month[0], b=month[1])[0][0]
    posts, pax = q(app, region, f"SELECT COUNT(*), COUNT(DISTINCT user_id) FROM bd_attendance WHERE date >= :a AND date <= :b "
                                f"AND user_id IN {people}", a=month[0], b=month[1])[0]
    fngs = q(app, region, "SELECT SUM(fng_count) FROM beatdowns WHERE bd_date >= :a AND bd_date <= :b", a=month[0], b=month[1])[0][0]
    assert t.figures["beatdowns"] == bd and t.figures["posts"] == posts and t.figures["pax"] == pax
    assert t.figures["fngs"] == fngs and int(bd) > 0
    # ... and on the nationwide page
    nation = Tables(page(out, "index.html")).tables["regions"]
    assert [(r["cols"]["beatdowns"], r["cols"]["posts"], r["cols"]["pax"], r["cols"]["fngs"]) for r in nation] == [(bd, posts, pax, fngs)]
    # by month, the last 12
    monthly = {r["attrs"]["data-month"]: r["cols"] for r in t.tables["monthly"]}
    assert list(monthly) == months_back(TODAY)
    for m, cols in monthly.items():
        got = q(app, region, f"SELECT COUNT(*), COUNT(DISTINCT user_id) FROM bd_attendance WHERE date LIKE :m AND user_id IN {people}",
                m=f"{m}%")[0]
        n_bd, n_fng = q(app, region, "SELECT COUNT(*), COALESCE(SUM(fng_count), 0) FROM beatdowns WHERE bd_date LIKE :m", m=f"{m}%")[0]
        assert (cols["posts"], cols["pax"], cols["beatdowns"], cols["fngs"]) == (got[0], got[1], n_bd, n_fng), m
    # each AO over the last 12 months
    aos = {r["attrs"]["data-ao"]: r["cols"] for r in t.tables["ao-table"]}
    assert set(aos) == {"C1", "C2"}
    for ao, cols in aos.items():
        n, = q(app, region, "SELECT COUNT(*) FROM beatdowns WHERE ao_id = :a AND bd_date >= '2023-04-01'", a=ao)[0]
        p, = q(app, region, f"SELECT COUNT(*) FROM bd_attendance WHERE ao_id = :a AND user_id IN {people}", a=ao)[0]
        qs, = q(app, region, "SELECT COUNT(DISTINCT q_user_id) FROM beatdowns WHERE ao_id = :a", a=ao)[0]
        assert (cols["beatdowns"], cols["posts"], cols["qs"]) == (n, p, qs)
        assert float(cols["avg_size"]) == round(int(p) / int(n), 1)
    # each PAX: the stored year-to-date scores, every one of them
    stored = {r[0]: r[1:] for r in q(app, region, "SELECT user_id, posts, qs, aos, streak_current, streak_longest, score, "
                                                  "last_post, place FROM scores WHERE period = 'ytd' AND scope = '' AND as_of = :d",
                                     d=TODAY.isoformat())}
    shown = {r["attrs"]["data-user"]: r["cols"] for r in t.tables["pax-table"]}
    assert set(shown) == set(stored) and len(shown) == 5  # no bot, no admin who never posted
    for uid, c in shown.items():
        assert (c["posts"], c["qs"], c["aos"], c["streak_current"], c["streak_longest"], c["score"], c["last_post"],
                c["place"]) == tuple(str(v)[:10] for v in stored[uid]), uid


def test_every_pax_has_a_page_linked_from_the_tables(app, built):
    region, out, _ = built
    html = page(out, "regions", "test-region", "index.html")
    for uid in ("U1", "U2", "U3", "U4", "U5"):
        assert f'href="pax/{uid}.html"' in html
        p = page(out, "regions", "test-region", "pax", f"{uid}.html")
        t = Tables(p)
        n, = q(app, region, "SELECT COUNT(*) FROM bd_attendance WHERE user_id = :u", u=uid)[0]
        qs, = q(app, region, "SELECT COUNT(*) FROM beatdowns WHERE q_user_id = :u", u=uid)[0]
        assert t.figures["posts_all_time"] == n and t.figures["qs_all_time"] == qs
        march, = q(app, region, "SELECT COUNT(*) FROM bd_attendance WHERE user_id = :u AND date LIKE '2024-03%'", u=uid)[0]
        assert f"<title>2024-03: {march}</title>" in p  # the bar of his posts this month
        score, = q(app, region, "SELECT score FROM scores WHERE user_id = :u AND period = 'ytd' AND scope = ''", u=uid)[0]
        assert t.tables["score-table"][-1]["cols"]["score"] == score
    assert not (out / "regions" / "test-region" / "pax" / "UB.html").exists()


def test_slipping_tickets_problems_and_the_most_reacted(app, built):
    region, out, _ = built
    t = Tables(page(out, "regions", "test-region", "index.html"))
    assert [r["attrs"]["data-user"] for r in t.tables["slipping-table"]] == ["U4"]
    tickets = {r["attrs"]["data-ticket"]: " ".join(r["cells"]) for r in t.tables["ticket-table"]}
    assert len(tickets) == 2
    open_, closed = sorted(tickets.items(), key=lambda kv: int(kv[0]))
    assert "dm1" in open_[1] and "dm2" in open_[1] and "ticket" in open_[1] and "reply" in open_[1]
    assert "closed by Admin Andy on 2024-02-03" in closed[1] and "talked to him" in closed[1]
    problems = t.tables["problem-table"]
    assert len(problems) == 1 and "no Q found" in problems[0]["cells"][3] and problems[0]["cells"][1] == "#ao-yard"
    html = page(out, "regions", "test-region", "index.html")
    ts_ = problems[0]["attrs"]["data-ts"]
    assert f'href="https://f3test.slack.com/archives/C2/p{ts_.replace(".", "")}"' in html
    # most reacted this month: public channels, people, ranked by reactions; last month and the private channel left out
    heard = t.tables["heard-table"]
    assert [r["cols"]["reactions"] for r in heard] == ["6", "5", "2"]
    assert "Great work this morning @" in heard[0]["cells"][5]
    got = json.loads(page(out, "regions", "test-region", "heard-2024-03.json"))
    assert [h["reactions"] for h in got] == [6, 5, 2] and [h["reactors"] for h in got] == [4, 4, 2]
    with open(out / "regions" / "test-region" / "heard-2024-03.csv", encoding="utf-8") as f:
        assert [int(r["reactions"]) for r in csv.DictReader(f)] == [6, 5, 2]
    assert 'href="heard-2024-03.csv" download' in html and 'href="heard-2024-03.json" download' in html


def test_member_text_is_escaped_and_nothing_private_is_shown(app, built):
    _, out, _ = built
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 8
    for p in files:
        body = p.read_text(encoding="utf-8")
        assert TOKEN not in body and "xoxb-" not in body, p
        assert EMAIL not in body and "@example.com" not in body, p
        assert PHONE not in body and "5551234567" not in body, p
        if p.suffix == ".html":  # (the CSV and JSON downloads hold the plain text, as written)
            assert "<script>alert" not in body, p  # the only script tag is ours
            assert body.count("<script") == 1 and "src=" not in body and "<link" not in body and "@import" not in body, p
            links = re.findall(r'href="(\w+:[^"]*)"', body)  # nothing from a network: only links to the posts
            assert all(u.startswith("https://f3test.slack.com/archives/") for u in links), (p, links)
    html = page(out, "regions", "test-region", "index.html")
    assert "Bravo &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Echo &amp; Sons" in html
    assert "[phone hidden]" in html and "[email hidden]" in html


def test_private_masks_emails_phones_and_tokens_but_not_dates_or_counts():
    assert private("mail bob.smith+f3@example.co.uk now") == "mail [email hidden] now"
    for phone in ("555-867-5309", "(555) 867-5309", "+1 555 867 5309", "555.867.5309", "5558675309"):
        assert private(f"call {phone}!") == "call [phone hidden]!", phone
    for keep in ("2024-03-20", "posted 12 times", "1700000000.123456", "score 1,234", "14:30"):
        assert private(keep) == keep
    assert "xoxb" not in private("token xoxb-123-abc")


def test_the_command_builds_the_site_and_a_rebuild_replaces_it(app, tmp_path):
    make_region(app)
    out = tmp_path / "web"
    res = run(app, "dashboard", "build", "--out", str(out), "--today", TODAY.isoformat())
    assert res.exit_code == 0, res.output
    assert "dashboard: 1 region(s), 7 pages written to" in res.output
    stale = out / "regions" / "gone" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    res = run(app, "dashboard", "build", "--out", str(out), "--region", "Test Region", "--today", TODAY.isoformat())
    assert res.exit_code == 0 and not stale.exists() and (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".web-charts"]  # no half-built folder left
    res = run(app, "dashboard", "build", "--out", str(out), "--region", "nope")
    assert res.exit_code == 1 and "no region named 'nope'" in res.output


# -- the Home tab and its buttons ---------------------------------------------------------------------------
@pytest.fixture
def slack_region(app, fake_slack):
    ws = fake_slack.add_workspace(TOKEN, team="TDASH", name="f3test")
    for uid, name in (("U1", "alpha"), ("U2", "bravo"), ("U3", "charlie"), ("U4", "delta"), ("U5", "echo"), (ADMIN, "andy")):
        ws.add_user(uid, name)
    app.settings.slack_api_url = fake_slack.base_url
    return make_region(app), ws


def click(user: str, action_id: str, region: str, ticket: int, action_ts: str = "1710950000.000100") -> dict:
    """A Slack block_actions payload, as Socket Mode delivers it for a Home tab button."""
    value = json.dumps({"region": region, "ticket": ticket})
    return {
        "type": "block_actions", "team": {"id": "TDASH", "domain": "f3test"},
        "user": {"id": user, "username": user.lower(), "team_id": "TDASH"}, "api_app_id": "A0PAXMINER",
        "token": "verification-token-unused", "trigger_id": "123.456.abc",
        "container": {"type": "view", "view_id": f"V{user}"},
        "view": {"id": f"V{user}", "type": "home", "team_id": "TDASH", "blocks": []},
        "actions": [{"action_id": action_id, "block_id": f"ticket-actions-{ticket}", "value": value, "type": "button",
                     "text": {"type": "plain_text", "text": "x"}, "action_ts": action_ts}],
    }


def open_ticket(app, region) -> int:
    return int(q(app, region, "SELECT id FROM outreach_tickets WHERE status = 'open'")[0][0])


def test_admins_are_workspace_admins_and_the_regions_list(app, slack_region):
    region, _ = slack_region
    assert admins(app, region) == sorted([ADMIN, "U3"])


def test_the_home_tab_is_published_to_each_admin(app, slack_region):
    region, ws = slack_region
    s = publish_region(app, region, today=TODAY)
    assert s["published"] == 2 and s["failed"] == 0 and s["open_tickets"] == 1
    assert set(ws.home) == {ADMIN, "U3"}
    view = ws.home[ADMIN]
    body = json.dumps(view)
    tid = open_ticket(app, region)
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == [CLOSE, SNOOZE, DM]
    assert all(json.loads(b["value"]) == {"region": "Test Region", "ticket": tid} for b in buttons)
    assert "<@U4>" in body and "Slipping away" in body and "beatdowns" in body
    assert "<script>" not in body and "&lt;script&gt;" in body or XSS not in body
    assert EMAIL not in body and TOKEN not in body


def test_the_buttons_close_snooze_and_dm_recorded_in_the_history(app, slack_region):
    region, ws = slack_region
    tid = open_ticket(app, region)
    # a PAX who is no admin clicks: nothing happens
    res = handle_block_actions(app, click("U1", CLOSE, region.region, tid), today=TODAY)
    assert res[0]["ok"] is False and "not an admin" in res[0]["error"]
    # snooze: the ticket leaves the Home tab for a week, and says so in its history
    res = handle_block_actions(app, click(ADMIN, SNOOZE, region.region, tid, "1.1"), today=TODAY)
    assert res[0]["ok"] and res[0]["until"] == (TODAY + timedelta(days=7)).isoformat()
    assert "No open tickets. (1 snoozed)" in json.dumps(ws.home[ADMIN])  # his Home tab was refreshed
    # DM the PAX: a group DM of the admin, the PAX and the bot, with one opener, even if the click comes twice
    for _ in range(2):
        res = handle_block_actions(app, click("U3", DM, region.region, tid, "2.2"), today=TODAY)
        assert res[0]["ok"]
    sent = [p for p in ws.posted if p["channel"].startswith("G")]
    assert len(sent) == 1 and "<@U4>" in sent[0]["text"] and "<@U3>" in sent[0]["text"]
    # close
    res = handle_block_actions(app, click(ADMIN, CLOSE, region.region, tid, "3.3"), today=TODAY)
    assert res[0]["ok"] and res[0]["done"]
    assert q(app, region, "SELECT status, closed_by, closed_on FROM outreach_tickets WHERE id = :i", i=tid) == [
        ("closed", ADMIN, "2024-03-20")]
    again = handle_block_actions(app, click(ADMIN, CLOSE, region.region, tid, "3.3"), today=TODAY)  # redelivered
    assert again[0]["ok"] and not again[0]["done"]
    with app.db.engine(region.schema_name).connect() as conn:
        t = dict(conn.execute(text("SELECT * FROM outreach_tickets WHERE id = :i"), {"i": tid}).mappings().first())
        history = ticket_history(conn, [t])[tid]
    whats = [(e["what"], e["by"]) for e in history]
    assert ("snooze", ADMIN) in whats and ("dm", "U3") in whats and ("close", ADMIN) in whats
    assert [w for w, _ in whats].count("close") == 1 and {"dm1", "dm2", "ticket", "reply"} <= {w for w, _ in whats}
    # the dashboard shows the same history
    out = Path(app.settings.data_dir).parent / "site-after"
    build_site(app, out, today=TODAY)
    row = next(r for r in Tables(page(out, "regions", "test-region", "index.html")).tables["ticket-table"]
               if r["attrs"]["data-ticket"] == str(tid))
    cells = " ".join(row["cells"])
    assert "closed by Admin Andy on 2024-03-20" in cells and "snoozed until 2024-03-27" in cells and "dm by Charlie" in cells


def test_a_button_of_another_region_or_a_bad_value_changes_nothing(app, slack_region):
    region, _ = slack_region
    tid = open_ticket(app, region)
    bad = click(ADMIN, CLOSE, "Other Region", tid)
    assert handle_block_actions(app, bad, region=region, today=TODAY)[0]["ok"] is False
    broken = click(ADMIN, CLOSE, region.region, tid)
    broken["actions"][0]["value"] = "not json"
    assert handle_block_actions(app, broken, today=TODAY)[0]["ok"] is False
    assert handle_block_actions(app, {**broken, "actions": [{"action_id": "someone_elses"}]}) == []
    assert q(app, region, "SELECT status FROM outreach_tickets WHERE id = :i", i=tid) == [("open",)]


def test_the_view_without_tickets_or_slipping(app):
    region = make_region(app)
    from dashboard.data import RegionData

    view = home_view(RegionData(app, region, date(2024, 6, 1)))
    assert view["type"] == "home" and len(view["blocks"]) <= 100


def test_a_click_through_paxminer_listen_closes_the_ticket_and_is_acked_at_once(app, slack_region, fake_slack):
    """The real listener, on the fake Slack's Socket Mode: an interactive envelope as Slack sends it."""
    import threading
    import time

    from dashboard.listen import recent
    from miner.listen.run import Listener

    region, ws = slack_region
    app_token = "xapp-1-A0PAXMINER-1-dashboardtest"
    hub = fake_slack.socket_mode(app_token)
    app.settings.app_token = app_token
    tid = open_ticket(app, region)
    listener = Listener(app, app_token)
    errors = []
    thread = threading.Thread(target=lambda: _run(listener, errors), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while hub.connected < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert hub.connected >= 1
        hub.push_envelope({"envelope_id": "env-click-1", "type": "interactive", "accepts_response_payload": False,
                           "payload": click(ADMIN, CLOSE, region.region, tid, "1711000000.000001")})
        while "env-click-1" not in hub.acks and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "env-click-1" in hub.acks
        assert hub.acks["env-click-1"] - hub.sent_at["env-click-1"] < 3.0  # within Slack's 3 seconds
        for f in recent():
            f.result(timeout=15)
        assert q(app, region, "SELECT status, closed_by FROM outreach_tickets WHERE id = :i", i=tid) == [("closed", ADMIN)]
        assert "No open tickets." in json.dumps(ws.home[ADMIN])  # his Home tab was refreshed
    finally:
        listener.stop()
        thread.join(30)
    assert errors == []


def _run(listener, errors):
    try:
        listener.run(connect_timeout=10)
    except BaseException as exc:  # noqa: BLE001 - the test reads it
        errors.append(exc)


def test_daily_publishes_the_home_tab_and_rebuilds_the_site(app, fake_slack, tmp_path, monkeypatch):
    """The nightly run on a generated region: the Home tab reaches the workspace's admin, the site is
    rebuilt into the configured folder (through the entry points: miner never imports the dashboard)."""
    from miner.core import constants
    from miner.core.registry import add_region
    from miner.nightly.run import run_daily
    from tests.fakeslack import generate_region

    monkeypatch.setattr(constants, "BACKOFF_BASE", 0.01)
    ws = fake_slack.add_workspace("xoxb-99-daily-dash-secret", team="TDAILY", name="f3daily")
    generate_region(ws, seed=3, users=12, aos=2, weeks=3, start=date(2023, 1, 2))
    admin = next(u for u, m in ws.users.items() if not m.get("is_bot") and u not in ("USLACKBOT",))
    ws.users[admin]["is_admin"] = True
    app.settings.slack_api_url = fake_slack.base_url
    app.settings.sections["dashboard"] = {"folder": str(tmp_path / "web")}
    add_region(app.db, "f3daily", f"dd{app.db.control_schema[-8:]}", "xoxb-99-daily-dash-secret")
    summary = run_daily(app, today=date(2023, 1, 23), skip_charts=True, report=False)
    assert summary["ok"] == 1, summary
    assert summary["after"]["dashboard"]["regions"] == 1
    assert summary["after"]["dashboard"]["prebuilt"] == 1  # by the region's own step, during the night
    assert summary["results"][0]["steps"]["site"]["pages"] > 1
    assert not [p.name for p in tmp_path.iterdir() if "parts" in p.name]  # no parts folder left beside the site
    assert list(ws.home) == [admin] and ws.home[admin]["type"] == "home"
    home = summary["results"][0]["steps"]["home"]
    assert home["published"] == 1 and home["admins"] == 1
    index = (tmp_path / "web" / "index.html").read_text(encoding="utf-8")
    assert "f3daily" in index and 'class="status-ok"' in index  # last night's run, from the run log
    assert (tmp_path / "web" / "regions" / "f3daily" / "index.html").exists()
    assert "secret" not in index


def test_a_schema_from_before_ticket_events_gets_it(app):
    region = make_region(app)
    with app.db.engine(region.schema_name).begin() as conn:
        conn.execute(text("DROP TABLE ticket_events"))
    app.db._ensured.clear()
    from dashboard.data import RegionData

    assert len(RegionData(app, region, TODAY).tickets()) == 2
    assert q(app, region, "SELECT COUNT(*) FROM ticket_events") == [("0",)]


def test_a_region_with_no_data_yet_builds_and_has_a_home_tab(app, tmp_path):
    from dashboard.data import RegionData
    from miner.core.registry import add_region

    region = add_region(app.db, "Empty", unique_schema(), "xoxb-empty-secret")
    counts = build_site(app, tmp_path / "site", today=TODAY)
    assert counts["failed"] == 0 and counts["regions"] == 1
    t = Tables(page(tmp_path / "site", "regions", "empty", "index.html"))
    assert t.figures["posts"] == "0" and t.figures["trend"] == "="
    view = home_view(RegionData(app, region, TODAY))
    assert "No open tickets." in json.dumps(view) and "Nobody right now." in json.dumps(view)


def unique_schema() -> str:
    from tests.conftest import unique

    return unique("empty")


def test_building_one_region_keeps_the_others(app, tmp_path):
    from miner.core.registry import add_region

    make_region(app)
    add_region(app.db, "Other", unique_schema(), "xoxb-other-secret")
    out = tmp_path / "site"
    assert build_site(app, out, today=TODAY)["regions"] == 2
    before = page(out, "regions", "test-region", "index.html")
    counts = build_site(app, out, regions=["Other"], today=TODAY)
    assert counts["regions"] == 1
    assert page(out, "regions", "test-region", "index.html") == before  # kept as it was
    nation = Tables(page(out, "index.html")).tables["regions"]
    assert [r["attrs"]["data-region"] for r in nation] == ["Other", "Test Region"]
    assert nation[1]["cols"]["posts"] == Tables(before).figures["posts"]
    assert json.loads(page(out, "index.json"))[1]["region"] == "Test Region"


def test_pages_built_during_the_night_are_those_the_build_writes(app, tmp_path):
    """A region's `site` step writes its pages into the run's parts folder; the build after the run
    takes them as they are and builds the regions that have none: the same site as one build."""
    from dashboard.site import build_region_part, parts_folder
    from miner.core.registry import add_region

    region = make_region(app)
    add_region(app.db, "Other", unique_schema(), "xoxb-other-secret")
    whole = tmp_path / "whole"
    build_site(app, whole, today=TODAY)
    out = tmp_path / "site"
    assert build_region_part(app, region, out, "run1", today=TODAY)["pages"] > 1
    assert build_region_part(app, region, out, "run1", today=TODAY)["pages"] > 1  # a retried step starts over
    counts = build_site(app, out, today=TODAY, parts=parts_folder(out, "run1"))
    assert counts["prebuilt"] == 1 and counts["regions"] == 2 and counts["failed"] == 0
    assert not parts_folder(out, "run1").exists()
    stamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # when each page was built
    files = sorted(p.relative_to(whole) for p in whole.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file()) and len(files) > 10
    for f in files:
        assert stamp.sub("T", page(out, f)) == stamp.sub("T", page(whole, f)), f


def test_a_chart_is_drawn_once_for_its_inputs(tmp_path):
    """With a cache folder a chart is read back when drawn before from the same inputs: the same
    SVG as drawing it; other inputs draw anew."""
    from dashboard import charts

    args = (["2023-01", "2023-02"], [5, 7], [3, 4], [1, 0], "salt-months")
    drawn = charts.monthly(*args)
    cache = tmp_path / "charts"
    assert charts.monthly(*args, cache=cache) == drawn
    assert len(list(cache.glob("*.svg"))) == 1
    assert charts.monthly(*args, cache=cache) == drawn  # read back
    assert len(list(cache.glob("*.svg"))) == 1
    other = charts.monthly(["2023-01", "2023-02"], [5, 8], [3, 4], [1, 0], "salt-months", cache=cache)
    assert other != drawn and len(list(cache.glob("*.svg"))) == 2
    assert charts.ao_bars(["ao-one"], [4], "salt-aos", cache=cache) == charts.ao_bars(["ao-one"], [4], "salt-aos")
    assert charts.prune_cache(cache, keep_s=3600) == 0 and charts.prune_cache(cache, keep_s=-1) == 3


def test_a_rebuild_reads_its_charts_back(app, tmp_path):
    from dashboard.site import chart_cache

    make_region(app)
    out = tmp_path / "site"
    build_site(app, out, today=TODAY)
    cached = sorted(chart_cache(out).glob("*.svg"))
    first = page(out, "regions", "test-region", "index.html")
    assert len(cached) == 2 and all(c.read_text(encoding="utf-8") in first for c in cached)
    build_site(app, out, today=TODAY)
    assert sorted(chart_cache(out).glob("*.svg")) == cached
    assert re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "T", page(out, "regions", "test-region", "index.html")) == \
        re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "T", first)
