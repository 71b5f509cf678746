"""Mine a generated region (every backblast format, threads, edits, deletions) and compare with
the generator's ground truth, field by field."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from tests.fakeslack import generate_region
from tests.test_mine import run

TOKEN = "xoxb-generated-region"


def test_generated_region_matches_ground_truth(app, fake_slack):
    app.settings.slack_api_url = fake_slack.base_url
    ws = fake_slack.add_workspace(token=TOKEN, page_cap=15)
    summary = generate_region(ws, seed=7, users=60, aos=4, weeks=16, start=date(2024, 12, 2))
    schema = "gen_" + app.db.control_schema[-8:]
    assert run(app, "region", "add", "gen", "--schema", schema, "--token", TOKEN).exit_code == 0
    for step in ("channels", "users", "mine"):
        res = run(app, step, "--region", "gen")
        assert res.exit_code == 0, res.output
    truth = {(t["ao_id"], t["date"], t["q"]): t for t in ws.truth}
    assert len(truth) == summary["backblasts"] > 50
    with app.db.engine(schema).connect() as conn:
        bds = {(r.ao_id, str(r.bd_date)[:10], r.q_user_id): r for r in conn.execute(text(
            "SELECT ao_id, bd_date, q_user_id, coq_user_id, pax_count, fng_count FROM beatdowns"))}
        att: dict = {}
        for r in conn.execute(text("SELECT ao_id, date, q_user_id, user_id FROM bd_attendance")):
            att.setdefault((r.ao_id, str(r.date)[:10], r.q_user_id), set()).add(r.user_id)
        problems = conn.execute(text("SELECT COUNT(*) FROM parse_results WHERE status = 'problem'")).scalar()
    assert set(bds) == set(truth)
    assert problems == 0
    # the spec's rule for plain names: one that matches exactly one user's display or real name is that user
    names: dict = {}
    for u in ws.users.values():
        for n in {u["profile"].get("display_name", "").lower(), u["profile"].get("real_name", "").lower()} - {""}:
            names.setdefault(n, set()).add(u["id"])
    formats = set()
    for k, t in truth.items():
        formats.add(t["format"])
        named = {next(iter(names[n.lower()])) for n in t["fng_names"] + t["non_slack"] if len(names.get(n.lower(), ())) == 1}
        assert att[k] == set(t["pax"]) | named, (k, t["format"])
        assert bds[k].coq_user_id == (t["coqs"][0] if t["coqs"] else None), k
        assert bds[k].fng_count == t["fngs"], k
        if t["count"] is not None:
            assert bds[k].pax_count == int(t["count"]), k
    assert formats >= {"hand", "slackblast", "linked"}


def test_first_mine_counts_a_broadcast_reply_once(app, fake_slack):
    """A reply also sent to the channel is read twice (history, then its thread): stored once,
    counted once, parsed once, whether or not the channel had anything archived before."""
    from miner.archive.mine import mine_region

    app.settings.slack_api_url = fake_slack.base_url
    token = "xoxb-broadcast"
    ws = fake_slack.add_workspace(token=token)
    ws.add_user("U1", "alpha")
    ws.add_channel("C1", "ao-one")
    parent = ws.post("C1", text="Preblast: tomorrow 0530", user="U1", ts="1700000000.000100")
    ws.reply("C1", parent, text="see you there", user="U1", ts="1700000100.000100")
    ws.reply("C1", parent, text="me too, posting this to the channel", user="U1", ts="1700000200.000100", broadcast=True)
    schema = "bc_" + app.db.control_schema[-8:]
    assert run(app, "region", "add", "bc", "--schema", schema, "--token", token).exit_code == 0
    assert run(app, "channels", "--region", "bc").exit_code == 0
    first = mine_region(app, app.region("bc"))
    assert (first["messages"], first["new"], first["replies"], first["threads"]) == (2, 2, 1, 1)
    with app.db.engine(schema).connect() as conn:
        got = conn.execute(text("SELECT ts, thread_ts, subtype, dirty FROM messages ORDER BY ts")).all()
    assert [tuple(r) for r in got] == [("1700000000.000100", "1700000000.000100", None, 0),
                                       ("1700000100.000100", "1700000000.000100", None, 0),
                                       ("1700000200.000100", "1700000000.000100", "thread_broadcast", 0)]
    ws.reply("C1", parent, text="late one", user="U1", ts="1700000300.000100")
    again = mine_region(app, app.region("bc"))  # now the channel has an archive: the lookup path, same counting
    assert (again["new"], again["replies"], again["threads"]) == (0, 1, 1)
