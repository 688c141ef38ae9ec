"""The tree follows the data: sources → render → publish, tools apart, no import cycles.

The imports are read from the code as written (every `import` and `from … import`,
including those inside functions), not by running it; the rules are the README's.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from explainer import ROOT

SCRIPTS = ROOT / "scripts"
PACKAGE = SCRIPTS / "explainer"
STAGES = ["sources", "render", "publish"]  # each may import only those before it


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SCRIPTS).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imported(path: Path, modules: set[str]) -> set[str]:
    """The explainer modules (and third-party top-level names) that a file imports."""
    name = module_name(path)
    package = name if is_package(path) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py")) + [SCRIPTS / "mkdocs_hooks.py"]
    modules = {module_name(path) for path in files}
    return {module_name(path): imported(path, modules) for path in files}


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "explainer" else None


def test_the_reader_of_the_imports_sees_them(graph):
    """Hand-read facts of three files, so that a reader that finds nothing cannot pass."""
    assert "explainer.sources.project" in graph["explainer.publish.site"]
    assert "explainer.render.markup" in graph["explainer.publish.site"]
    assert "explainer.tools" in graph["explainer.tools.bench"]  # `from . import PUBLISHED`
    assert "mkdocs.plugins" in graph["mkdocs_hooks"]


def test_no_import_cycles(graph):
    internal = {name: {m for m in targets if m in graph and m != name} for name, targets in graph.items()}
    done, path = set(), []

    def visit(name):
        if name in path:
            pytest.fail("import cycle: " + " → ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        path.append(name)
        for target in sorted(internal[name]):
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(internal):
        visit(name)


def test_the_build_imports_no_tool(graph):
    build = [name for name in graph if name == "mkdocs_hooks" or stage(name) in STAGES
             or name.count(".") == 1 and name != "explainer.__main__" and stage(name) is None]
    assert "explainer.languages" in build and "explainer.sources.project" in build
    offenders = {name: sorted(m for m in graph[name] if m.startswith("explainer.tools")) for name in build}
    assert not {name: found for name, found in offenders.items() if found}


@pytest.mark.parametrize("later", STAGES[:-1])
def test_a_stage_imports_only_the_stages_before_it(graph, later):
    position = STAGES.index(later)
    for name, targets in graph.items():
        if stage(name) == later:
            ahead = sorted(m for m in targets if stage(m) in STAGES[position + 1:] + ["tools"])
            assert not ahead, f"{name} imports {ahead}"


@pytest.mark.parametrize("package", ["sources", "render"])
def test_sources_and_render_know_nothing_of_mkdocs(graph, package):
    for name, targets in graph.items():
        if stage(name) == package:
            assert not [m for m in targets if m == "mkdocs" or m.startswith("mkdocs.")], name
