"""The operator's side: the config file checked, settings shown with their sources, database URLs,
the data folder, read-only commands that create nothing, tokens and channels checked with Slack,
region settings merged and validated."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from miner.cli.main import main
from miner.core.config import ConfigError, load_settings
from miner.core.db import Database, DatabaseError, normalize_url
from miner.core.known import SECTIONS
from miner.slack.scopes import METHOD_SCOPES, REQUIRED, manifest_text
from tests.helpers import cli_env, interrupt_when, run_cli

TOKEN = "xoxb-operator-test-SECRET"
CLEAN_ENV = {k: None for k in os.environ if k.startswith("PAXMINER_") or k in ("SLACK_API_URL",)}


def invoke(*args, env=None, cwd=None):
    env = {**CLEAN_ENV, **(env or {})}
    return CliRunner().invoke(main, list(args), env=env)


# -- the config file ---------------------------------------------------------------------------------
@pytest.mark.parametrize("body, line, words", [
    ("[paxminer]\nlookback_days = 3\ndb_ur = mysql://h/\n", 3, ["unknown key 'db_ur'", "did you mean 'db_url'"]),
    ("# comment\n[paxmine]\ndb_url =\n", 2, ["unknown section [paxmine]", "did you mean 'paxminer'"]),
    ("[scoring]\npost = ten\n", 2, ["[scoring] post", "expected a number", "'ten'"]),
    ("[paxminer]\nworkers = 2.5\n", 2, ["[paxminer] workers", "whole number"]),
    ("[outreach]\nslipping = maybe\n", 2, ["[outreach] slipping", "yes/no"]),
])
def test_config_mistakes_name_file_line_and_key(tmp_path, body, line, words):
    ini = tmp_path / "credentials.ini"
    ini.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_settings(str(ini))
    assert str(err.value).startswith(f"{ini}:{line}: ")
    for w in words:
        assert w in str(err.value)
    res = invoke("--config", str(ini), "region", "list")
    assert res.exit_code == 1 and res.output.startswith(f"error: {ini}:{line}: ")
    assert not (tmp_path / "data").exists()


def test_config_values_are_typed_and_env_overrides(tmp_path, monkeypatch):
    ini = tmp_path / "c.ini"
    ini.write_text("[paxminer]\nworkers = 6\n\n[outreach]\nslipping = yes\nexclude = U1,U2\n[daily]\nstale_minutes = 12.5\n")
    monkeypatch.setenv("PAXMINER_WORKERS", "3")
    s = load_settings(str(ini))
    assert s.workers == 3 and s.sources[("paxminer", "workers")] == "environment PAXMINER_WORKERS"
    assert s.section("outreach") == {"slipping": True, "exclude": "U1,U2"}
    assert s.section("daily") == {"stale_minutes": 12.5}
    assert s.sources[("outreach", "slipping")] == f"{ini}:5"
    monkeypatch.setenv("PAXMINER_WORKERS", "many")
    with pytest.raises(ConfigError, match="PAXMINER_WORKERS: expected a whole number"):
        load_settings(str(ini))


def test_every_paxminer_key_is_a_settings_field():
    from dataclasses import fields

    from miner.core.config import Settings

    assert set(SECTIONS["paxminer"]) <= {f.name for f in fields(Settings)}


def test_config_show_sources_and_masks_passwords(tmp_path):
    ini = tmp_path / "c.ini"
    ini.write_text("[paxminer]\ndb_url = mysql://paxuser:hunter2@db.example:3307/\nlookback_days = 9\n[scoring]\npost = 11\n")
    res = invoke("--config", str(ini), "config", "show", env={"PAXMINER_CHART_DAY": "4"})
    assert res.exit_code == 0, res.output
    assert "hunter2" not in res.output
    assert re.search(r"paxminer\.db_url\s+mysql\+pymysql://paxuser:\*\*\*@db\.example:3307/\s+" + re.escape(f"{ini}:2"), res.output)
    assert re.search(r"paxminer\.lookback_days\s+9\s+" + re.escape(f"{ini}:3"), res.output)
    assert re.search(r"paxminer\.chart_day\s+4\s+environment PAXMINER_CHART_DAY", res.output)
    assert re.search(r"scoring\.post\s+11\s+" + re.escape(f"{ini}:5"), res.output)
    assert re.search(r"scoring\.q\s+15\s+default", res.output)
    res = invoke("--config", str(ini), "--db-url", "mysql://other:pw2@h2/", "config", "show", "--json")
    got = {(r["section"], r["key"]): r for r in json.loads(res.stdout)}
    assert got[("paxminer", "db_url")]["source"] == "option --db-url" and "pw2" not in res.output


# -- the data folder ---------------------------------------------------------------------------------
def test_data_folder_follows_the_config_file_not_the_cwd(tmp_path, monkeypatch):
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "credentials.ini").write_text("[paxminer]\ndata_dir = state\n")
    elsewhere = tmp_path / "cron-cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("PAXMINER_DATA_DIR", raising=False)
    assert load_settings(str(etc / "credentials.ini")).data_dir == str(etc.resolve() / "state")
    (etc / "credentials.ini").write_text("[paxminer]\nlookback_days = 7\n")
    assert load_settings(str(etc / "credentials.ini")).data_dir == str(etc.resolve() / "data")
    s = load_settings(None)  # no ./credentials.ini here: the contract's ./data/, made absolute
    assert s.data_dir == str(elsewhere.resolve() / "data") and "current folder" in s.sources[("paxminer", "data_dir")]


def test_daily_from_another_folder_finds_the_regions_or_warns(tmp_path, monkeypatch):
    cfg = tmp_path / "paxminer.ini"
    cfg.write_text("[paxminer]\ndb_url =\nslack_api_url = http://127.0.0.1:9/api/\n")
    monkeypatch.chdir(tmp_path)
    assert invoke("--config", str(cfg), "region", "add", "r1", "--schema", "r1s", "--token", TOKEN, "--no-check",
                  "--no-active").exit_code == 0
    assert (tmp_path / "data" / "r1s.sqlite").exists()
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.chdir(other)
    res = invoke("--config", str(cfg), "region", "list")
    assert res.exit_code == 0 and "r1" in res.stdout and "1 region(s)" in res.stdout
    empty = tmp_path / "empty.ini"
    empty.write_text("[paxminer]\ndata_dir = nowhere\n")
    res = invoke("--config", str(empty), "daily")
    assert "NO REGIONS REGISTERED" in res.output and str(tmp_path / "nowhere") in res.output
    assert not (tmp_path / "nowhere").exists() and not (other / "data").exists()


# -- database URLs and read-only commands ---------------------------------------------------------------
@pytest.mark.parametrize("url, expect", [
    ("mysql://u:p@db:3306/", "mysql+pymysql://u:p@db:3306/"),
    ("mariadb://u:p@db/", "mysql+pymysql://u:p@db/"),
    ("mysql+pymysql://u@db:3307/", "mysql+pymysql://u@db:3307/"),
    ("mariadb+pymysql://u@db/", "mysql+pymysql://u@db/"),
    ("", ""),
])
def test_usual_database_urls(url, expect):
    assert normalize_url(url) == (expect, None)


@pytest.mark.parametrize("url, words", [
    ("postgresql://u@h/", "unsupported database 'postgresql'"),
    ("mysql+mysqldb://u@h/", "driver 'mysql+mysqldb' is not supported"),
    ("db.example:3306", "no scheme"),
    ("mysql://u:secretpw@:3306/", "names no host"),
    ("mysql://u:secretpw@h:99999/", "out of range"),
    ("mysql://u:secretpw@h:port/", "port must be a number"),
    ("sqlite:///data/region.sqlite", "must name a folder"),
])
def test_bad_database_urls_say_what_is_wrong(url, words):
    with pytest.raises(DatabaseError) as err:
        normalize_url(url)
    assert words in str(err.value) and "secretpw" not in str(err.value)


def test_sqlite_url_names_the_folder(tmp_path):
    res = invoke("--db-url", f"sqlite:///{tmp_path}/d", "db", "init")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "d" / "paxminer.sqlite").exists()
    assert Database(f"sqlite:///{tmp_path}/d").data_dir == tmp_path / "d"


def test_read_only_commands_create_nothing(tmp_path):
    folder = tmp_path / "data"
    for args in (["region", "list"], ["log"], ["config", "show"], ["ao", "list", "--region", "x"]):
        res = invoke("--db-url", f"sqlite:///{folder}", *args)
        assert not folder.exists(), args
    assert "no regions are registered" in res.output and res.exit_code == 1


def test_unreachable_mysql_is_one_line_and_creates_nothing():
    res = invoke("--db-url", "mysql://root@127.0.0.1:1/", "region", "list")
    assert res.exit_code == 1
    assert res.output.count("\n") == 1 and "cannot create schema" not in res.output
    assert "error: database error:" in res.output


# -- the Slack app's scopes -----------------------------------------------------------------------------
def test_manifest_asks_for_exactly_the_scopes_the_code_uses():
    text = manifest_text()
    bot = re.search(r"bot:\n((?:\s+- .+\n)+)", text).group(1)
    assert sorted(re.findall(r"- (\S+)", bot)) == list(REQUIRED)
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    called = set()
    for pkg in ("miner", "charters"):
        for path in (root / pkg).rglob("*.py"):
            src = path.read_text(encoding="utf-8")
            called |= set(re.findall(r"""(?:call|response|paged)\(\s*["']([a-z]+\.[A-Za-z.]+)["']""", src))
    assert called and called <= set(METHOD_SCOPES), called - set(METHOD_SCOPES)


# -- tokens and channels checked with Slack -----------------------------------------------------------
@pytest.fixture
def slack_ws(fake_slack):
    ws = fake_slack.add_workspace(TOKEN, name="f3op")
    ws.add_channel("C0FIRSTF1", "1st-f")
    ws.add_channel("C0GENERAL", "general")
    ws.add_channel("C0AOFORGE", "ao-forge")
    ws.add_channel("C0OLDAO01", "ao-old", is_archived=True)
    return fake_slack, ws


def _slack_app(app, fake):
    app.settings.slack_api_url = fake.base_url
    return app


def test_region_add_checks_the_token(app, slack_ws):
    fake, ws = slack_ws
    _slack_app(app, fake)
    schema = "op_" + app.db.control_schema[-8:]
    res = run_cli(app, "region", "add", "op", "--schema", schema, "--token", "xoxb-not-a-token")
    assert res.exit_code == 1 and "Slack refused the token" in res.output and "token is invalid" in res.output
    assert "xoxb-not-a-token" not in res.output
    assert "0 region(s)" in run_cli(app, "region", "list").output
    res = run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN,
                  "--firstf-channel", "1st-f", "--log-channel", "#general", "--admin-channel", "C0AOFORGE")
    assert res.exit_code == 0, res.output
    assert "token ok: workspace f3op" in res.output and "--firstf-channel 1st-f -> C0FIRSTF1" in res.output
    r = app.region("op")
    assert (r.firstf_channel, r.log_channel, r.admin_channel) == ("C0FIRSTF1", "C0GENERAL", "C0AOFORGE")


def test_channels_that_do_not_exist_are_refused(app, slack_ws):
    fake, ws = slack_ws
    _slack_app(app, fake)
    schema = "op_" + app.db.control_schema[-8:]
    res = run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN, "--firstf-channel", "1stf")
    assert res.exit_code == 2 and "no channel 1stf (did you mean 1st-f?)" in res.output
    assert run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN).exit_code == 0
    res = run_cli(app, "region", "update", "op", "--log-channel", "ao-old")
    assert res.exit_code == 2 and "archived" in res.output
    res = run_cli(app, "region", "update", "op", "--log-channel", "C0NOSUCH1")
    assert res.exit_code == 2 and "no channel C0NOSUCH1" in res.output
    assert app.region("op").log_channel is None
    # offline: an ID is taken as typed, a name must be known
    assert run_cli(app, "region", "update", "op", "--no-check", "--log-channel", "C0OFFLINE").exit_code == 0
    assert run_cli(app, "region", "update", "op", "--no-check", "--log-channel", "general").exit_code == 2


def test_region_check_lists_missing_scopes(app, slack_ws):
    fake, ws = slack_ws
    _slack_app(app, fake)
    schema = "op_" + app.db.control_schema[-8:]
    assert run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN).exit_code == 0
    res = run_cli(app, "region", "check", "op")
    assert res.exit_code == 0 and "every scope" in res.output
    ws.scopes = set(REQUIRED) - {"files:write", "im:history"}
    res = run_cli(app, "region", "check", "op")
    assert res.exit_code == 1
    assert "lacks the scope files:write (needed by files.getUploadURLExternal, files.completeUploadExternal)" in res.output
    assert "lacks 2 scope(s): files:write, im:history" in res.output
    ws.revoke()
    res = run_cli(app, "region", "check", "op")
    assert res.exit_code == 1 and "revoked" in res.output and TOKEN not in res.output


def test_unreachable_slack_is_one_line(app):
    app.settings.slack_api_url = "http://127.0.0.1:9/api/"
    res = run_cli(app, "region", "add", "op", "--schema", "op_" + app.db.control_schema[-8:], "--token", TOKEN)
    assert res.exit_code == 1
    assert res.output.strip().count("\n") == 0 and "cannot reach Slack" in res.output, res.output


# -- region settings ---------------------------------------------------------------------------------
def test_settings_are_merged_validated_and_shown(app):
    schema = "op_" + app.db.control_schema[-8:]
    res = run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN, "--no-check",
                  "--settings", '{"outreach": {"slipping": true, "mentor": true}}')
    assert res.exit_code == 0, res.output
    res = run_cli(app, "region", "update", "op", "--settings", '{"scoring": {"post": 12}}')
    assert res.exit_code == 0, res.output
    want = {"outreach": {"mentor": True, "slipping": True}, "scoring": {"post": 12}}
    assert app.region("op").options == want
    assert json.dumps(want, sort_keys=True) in res.output
    res = run_cli(app, "region", "update", "op", "--settings", '{"outreach": {"mentor": null}, "charts": {"heard": false}}')
    assert app.region("op").options == {"outreach": {"slipping": True}, "scoring": {"post": 12}, "charts": {"heard": False}}
    for bad, words in [('{"scoring": {"psot": 3}}', "unknown setting scoring.psot (did you mean 'post'?)"),
                       ('{"scoring": {"post": "ten"}}', "scoring.post: expected a number"),
                       ('{"scorng": {}}', "unknown setting 'scorng' (did you mean 'scoring'?)"),
                       ('{"templates": {"lead": "x"}}', "outreach.templates"),
                       ('{"outreach": {"templates": {"leed": "x"}}}', "unknown template outreach.templates.leed"),
                       ('{"charts": {"pie": true}}', "unknown setting charts.pie"),
                       ('[1]', "must be a JSON object"), ("{nope", "not valid JSON")]:
        res = run_cli(app, "region", "update", "op", "--settings", bad)
        assert res.exit_code == 1 and words in res.output, (bad, res.output)
    assert app.region("op").options["scoring"] == {"post": 12}


def test_known_region_settings_match_the_code():
    from charters.data import CHART_KINDS as KINDS
    from miner.core import known
    from miner.outreach.workflows import OUTREACH_DEFAULTS, TEMPLATES
    from miner.scores.compute import ACHIEVEMENTS, DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS

    assert tuple(KINDS) == known.CHART_KINDS
    assert set(TEMPLATES) == set(known.TEMPLATE_NAMES)
    assert DEFAULT_THRESHOLDS == known.ACHIEVEMENTS and set(ACHIEVEMENTS) == set(known.ACHIEVEMENTS)
    assert DEFAULT_WEIGHTS == known.SCORING and OUTREACH_DEFAULTS == known.OUTREACH


def test_manifest_subscribes_to_the_events_the_listener_applies():
    from miner.slack.scopes import EVENT_SCOPES

    text = manifest_text()
    events = re.search(r"bot_events:\n((?:\s+- .+\n)+)", text).group(1)
    assert sorted(re.findall(r"- (\S+)", events)) == sorted(EVENT_SCOPES)
    live = (Path(__file__).resolve().parent.parent / "miner" / "archive" / "live.py").read_text(encoding="utf-8")
    for event in EVENT_SCOPES:
        assert f'"{event.split(".")[0]}"' in live, event


def test_the_template_config_is_a_valid_config(tmp_path):
    root = Path(__file__).resolve().parent.parent
    s = load_settings(str(root / "credentials_template.ini"))
    assert s.section("scoring")["post"] == 10 and s.section("outreach")["slipping"] is False


def test_top_level_region_settings(app):
    schema = "op_" + app.db.control_schema[-8:]
    assert run_cli(app, "region", "add", "op", "--schema", schema, "--token", TOKEN, "--no-check").exit_code == 0
    assert run_cli(app, "region", "update", "op", "--settings", '{"slack_tier": "internal"}').exit_code == 0
    assert run_cli(app, "region", "update", "op", "--settings", '{"deadline_minutes": 90}').exit_code == 0
    assert app.region("op").options == {"slack_tier": "internal", "deadline_minutes": 90}
    res = run_cli(app, "region", "update", "op", "--settings", '{"slack_tier": "gold"}')
    assert res.exit_code == 1 and "slack_tier: expected one of" in res.output
    assert run_cli(app, "region", "update", "op", "--settings", '{"slack_tier": null}').exit_code == 0
    assert app.region("op").options == {"deadline_minutes": 90}


# -- Ctrl-C ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_ctrl_c_stops_daily_promptly_with_130(app, fake_slack, tmp_path):
    import subprocess
    import sys

    from tests.test_daily import ROOT, Regions

    regs = Regions(app, fake_slack, 2)
    fake_slack.latency = 0.3  # every Slack call slow: the run is mid-region when Ctrl-C comes
    proc = subprocess.Popen([sys.executable, "-m", "miner", "--slack-api-url", app.settings.slack_api_url, "daily",
                             "--workers", "2", "--skip-charts"], cwd=ROOT, env=cli_env(app), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    # both regions under way
    out, err, took = interrupt_when(proc, lambda: sum(w.calls["conversations.list"] for w in regs.ws.values()) >= 2)
    assert proc.returncode == 130, (out, err)
    assert took < 14, took
    assert "interrupted: stopping paxminer daily" in err and "safe" in err
    assert "Traceback" not in err and "Aborted!" not in err


# -- progress -------------------------------------------------------------------------------------
def test_verbose_shows_progress_of_each_step(app, fake_slack, tmp_path):
    from tests.test_daily import Regions

    Regions(app, fake_slack, 1)
    for step, words in (("channels", ["listing channels from Slack", "channels listed"]),
                        ("users", ["listing users from Slack", "users listed"]),
                        ("mine", ["r1: "]),
                        ("score", ["scoring as of", "scores stored"])):
        quiet = run_cli(app, step, "--region", "r1")
        loud = run_cli(app, "-v", step, "--region", "r1")
        assert quiet.exit_code == 0 and loud.exit_code == 0, loud.output
        assert " INFO " not in quiet.stderr
        for w in words:
            assert w in loud.stderr, (step, loud.stderr)
        assert loud.stderr.count(" INFO ") >= 1
    res = run_cli(app, "-v", "chart", "fng", "--region", "r1", "--month", "2023-01", "--outbox", str(tmp_path / "o"))
    assert res.exit_code == 0, res.output
    assert "r1: charts: 1/1 chart done" in res.stderr or "nothing charted" in res.output


def test_empty_month_charts_nothing_and_dry_run_prints(app, fake_slack, tmp_path):
    from tests.test_daily import Regions

    Regions(app, fake_slack, 1)
    for step in ("channels", "users", "mine"):
        assert run_cli(app, step, "--region", "r1").exit_code == 0
    res = run_cli(app, "chart", "all", "--region", "r1", "--month", "2020-01")
    assert res.exit_code == 0 and "no beatdowns, so nothing charted or posted" in res.stdout
    assert not fake_slack.calls["files.getUploadURLExternal"]
    res = run_cli(app, "chart", "ao", "--region", "r1", "--month", "2023-01", "--dry-run")
    assert res.exit_code == 0, res.output
    assert "would post to #ao" in res.stdout and "DRY RUN, would post 2 chart(s)" in res.stdout
    assert not fake_slack.calls["files.getUploadURLExternal"] and not fake_slack.calls["chat.postMessage"]


# -- output a person can act on -------------------------------------------------------------------------
def test_listings_have_headers_and_json_and_ao_set_is_precise(app, fake_slack):
    from tests.test_daily import Regions

    Regions(app, fake_slack, 1)
    assert run_cli(app, "channels", "--region", "r1").exit_code == 0
    res = run_cli(app, "region", "list")
    assert res.stdout.splitlines()[0].split()[:3] == ["REGION", "SCHEMA", "STATE"]
    res = run_cli(app, "ao", "list", "--region", "r1")
    assert res.stdout.splitlines()[0].split()[:3] == ["CHANNEL", "NAME", "BACKBLAST"]
    listed = json.loads(run_cli(app, "ao", "list", "--region", "r1", "--json").stdout)
    name = next(r["ao"] for r in listed if r["ao"].startswith("ao"))
    res = run_cli(app, "ao", "set", "--region", "r1", name + "x", "--no-backblast")
    assert res.exit_code == 1 and f"no channel {name}x (did you mean {name}?)" in res.output
    assert "run `paxminer channels" not in res.output
    res = run_cli(app, "ao", "set", "--region", "r1", name)
    assert res.exit_code == 2 and "nothing to set" in res.output
    assert run_cli(app, "ao", "set", "--region", "r1", "#" + name, "--no-backblast").exit_code == 0
    res = run_cli(app, "log")
    assert res.stdout.splitlines()[0].split()[:4] == ["STARTED", "REGION", "STEP", "STATUS"]
    assert "{" not in res.stdout and "channels " in res.stdout
    rows = json.loads(run_cli(app, "log", "--json").stdout)
    assert rows[0]["step"] == "channels" and isinstance(rows[0]["counts"], dict) and rows[0]["counts"]["channels"] > 0


def test_help_names_the_environment_and_version(app):
    res = run_cli(app, "--help")
    for var in ("PAXMINER_CONFIG", "PAXMINER_DB_URL", "SLACK_API_URL", "PAXMINER_REGION_TOKEN", "PAXMINER_<KEY>"):
        assert var in res.stdout
    from miner import __version__

    assert run_cli(app, "--version").stdout.strip() == f"paxminer {__version__}"


def test_one_name_per_idea_with_the_old_names_hidden(app):
    for path in (["daily"], ["outreach", "run"], ["dashboard", "build"]):
        res = run_cli(app, *path, "--help")
        assert "--as-of" in res.stdout and "--today" not in res.stdout, path
    res = run_cli(app, "chart", "--help")
    assert "--processes" in res.stdout and "--workers" not in res.stdout


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_ctrl_c_stops_mine_and_its_processes_with_one_message(app, fake_slack):
    import subprocess
    import sys

    from tests.test_daily import ROOT, Regions

    regs = Regions(app, fake_slack, 1, weeks=8)
    for step in ("channels", "users"):
        assert run_cli(app, step, "--region", "r1").exit_code == 0
    fake_slack.latency = 0.3
    proc = subprocess.Popen([sys.executable, "-m", "miner", "--slack-api-url", app.settings.slack_api_url, "mine",
                             "--region", "r1", "--processes", "2"], cwd=ROOT, env=cli_env(app), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    # as a terminal does: to the command and its worker processes
    out, err, _ = interrupt_when(proc, lambda: regs.ws["r1"].calls["conversations.history"] >= 2, group=True)
    assert proc.returncode == 130, (out, err)
    assert err.count("interrupted: stopping paxminer mine") == 1, err
    assert "`paxminer mine` stopped by Ctrl-C" in err and "rerunning it is safe" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_import_shows_its_parsing_phase(app, fake_slack, tmp_path):
    from tests.test_export import write_export

    app.settings.slack_api_url = fake_slack.base_url
    ws = fake_slack.add_workspace(TOKEN, team="TIMP", name="imp")
    from tests.fakeslack.workspace import generate_region
    from tests.test_daily import START

    generate_region(ws, seed=3, users=10, aos=2, weeks=4, start=START)
    assert run_cli(app, "region", "add", "imp", "--schema", "imp_" + app.db.control_schema[-6:], "--token", TOKEN).exit_code == 0
    path = write_export(ws, tmp_path / "export.zip", as_zip=True)
    res = run_cli(app, "-v", "import", str(path), "--region", "imp", "--no-progress")
    assert res.exit_code == 0, res.output
    assert re.search(r"imp: parsing \d+ messages: 1/1 chunk done", res.stderr), res.stderr[-2000:]
