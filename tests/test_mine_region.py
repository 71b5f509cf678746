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
