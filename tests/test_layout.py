"""The tree's promises: no import cycles, dependencies point down the flow, every command documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click

from miner.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("miner", "charters", "dashboard")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the project modules it imports (anywhere in the file, late imports included)."""
    files = {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name in files and name != mod:
                    deps.add(name)
                    break
        graph[mod] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    assert find_cycle(import_graph()) is None


def test_dependencies_point_down_the_flow():
    graph = import_graph()
    for mod, deps in graph.items():
        if mod.startswith("miner"):
            assert not [d for d in deps if d.startswith("charters")], f"{mod} imports the charters"
            assert not [d for d in deps if d.startswith("dashboard")], f"{mod} imports the dashboard"
        if mod.startswith("charters"):
            assert not [d for d in deps if d.startswith("dashboard")], f"{mod} imports the dashboard"
        if not mod.startswith(("miner.cli", "charters.cli", "dashboard.cli", "miner.__main__")):
            assert not [d for d in deps if d.startswith("miner.cli")], f"{mod} imports the CLI"
        if mod.startswith("miner.core"):
            assert all(d.startswith("miner.core") for d in deps), f"{mod} (core) imports {deps}"


def test_only_the_slack_package_imports_slack_sdk():
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            if re.search(r"^\s*(from|import) slack_sdk", path.read_text(encoding="utf-8"), re.M):
                assert module_name(path).startswith("miner.slack"), path


def walk(cmd: click.Command, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from walk(sub, path + (name,))


def test_every_command_is_in_the_readme_and_every_option_has_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing, undocumented = [], []
    for path, cmd in walk(main):
        if not path:
            continue
        if f"paxminer {' '.join(path)}" not in readme:
            missing.append(" ".join(path))
        if not (cmd.help or cmd.short_help):
            undocumented.append(" ".join(path))
        for p in cmd.params:
            if isinstance(p, click.Option) and not p.hidden and not p.help:
                undocumented.append(f"{' '.join(path)} {p.opts[0]}")
    assert missing == [], f"commands not shown in README.md: {missing}"
    assert undocumented == [], f"commands or options with no help text: {undocumented}"
