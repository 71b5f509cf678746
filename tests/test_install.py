"""A built wheel works as installed: no file is read from the source tree.

The wheel is built from a copy of the sources, installed (without dependencies) into a fresh venv
that borrows the test venv's third-party packages through a .pth file, and run from an empty
folder: `--version`, `db init`, `region add` (its token checked against the fake Slack), `region
check`, and the shipped Slack app manifest.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from miner import __version__

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "xoxb-wheel-install-test"
SHIPPED = ("setup.cfg", "pyproject.toml", "README.md", "schema.sql", "miner", "charters", "dashboard")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SHIPPED:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp / "dist"
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    (wheel,) = dist.glob("paxminer-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    # the test venv's third-party packages, but not its editable paxminer (a path line, no finder)
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    res = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index", "-q",
                          str(wheel)], capture_output=True, text=True, timeout=600)
    if res.returncode != 0:  # pip older than --python: install with the unpacked wheel's files
        import zipfile

        zipfile.ZipFile(wheel).extractall(site)
    return env_dir


def paxminer(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run([str(env_dir / "bin" / "python"), "-m", "miner", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_installed_wheel_runs_db_init_and_region_add(installed, tmp_path, fake_slack):
    ws = fake_slack.add_workspace(TOKEN, name="wheeltown")
    ws.add_channel("C0FIRSTF1", "1st-f")
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import miner; print(miner.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True).stdout
    assert str(installed) in where and str(ROOT) not in where, where
    res = paxminer(installed, tmp_path, "--version")
    assert res.returncode == 0 and res.stdout.strip() == f"paxminer {__version__}"
    url = f"sqlite:///{tmp_path / 'db'}"
    res = paxminer(installed, tmp_path, "--db-url", url, "db", "init")
    assert res.returncode == 0, res.stderr
    args = ("--db-url", url, "--slack-api-url", fake_slack.base_url)
    res = paxminer(installed, tmp_path, *args, "region", "add", "wheel", "--schema", "wheel", "--token", TOKEN,
                   "--firstf-channel", "1st-f")
    assert res.returncode == 0, res.stderr
    assert "token ok: workspace wheeltown" in res.stdout and (tmp_path / "db" / "wheel.sqlite").exists()
    res = paxminer(installed, tmp_path, *args, "region", "check", "wheel")
    assert res.returncode == 0, res.stderr
    res = paxminer(installed, tmp_path, *args, "region", "list", "--json")
    assert '"firstf_channel": "C0FIRSTF1"' in res.stdout
    manifest = subprocess.run([str(installed / "bin" / "python"), "-c",
                               "from miner.slack.scopes import manifest_text; print(manifest_text())"],
                              cwd=tmp_path, capture_output=True, text=True)
    assert "chat:write" in manifest.stdout
    shipped = subprocess.run([str(installed / "bin" / "python"), "-c",
                              "from importlib import resources; t = resources.files('dashboard') / 'templates'; "
                              "print(sorted(p.name for p in t.iterdir()))"], cwd=tmp_path, capture_output=True, text=True)
    assert ".html" in shipped.stdout, shipped.stderr
