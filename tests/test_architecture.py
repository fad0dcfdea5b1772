"""The dependency rules that import-linter cannot see: no project import hidden inside a
function in ``services``, ``api`` or ``tasks`` (a deferred import is how a cycle hides), and
no import cycle between the modules of ``services``. Lazy imports of heavy
third-party model code (torch, ultralytics, deepface) stay allowed."""
from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

import conserje

PROJECT = ("conserje", "vision", "training")
PACKAGE = Path(conserje.__file__).parent


def deferred_project_imports(root: Path) -> list[str]:
    """``path:line module`` for every project import made inside a function under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom):
                    names = ["." * node.level + (node.module or "")]
                    relative = node.level > 0
                elif isinstance(node, ast.Import):
                    names, relative = [alias.name for alias in node.names], False
                else:
                    continue
                for name in names:
                    if relative or name.split(".")[0] in PROJECT:
                        found.append(f"{path.relative_to(root.parent)}:{node.lineno} {name}")
    return found


@pytest.mark.parametrize("layer", ["services", "api", "tasks"])
def test_no_project_import_is_hidden_inside_a_function(layer):
    assert deferred_project_imports(PACKAGE / layer) == []


def test_the_check_finds_a_hidden_import(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text(
        "import numpy\n\ndef f():\n    from conserje.services.core import tx\n"
        "    from . import sibling\n    import torch\n    return tx, sibling, torch\n")
    assert deferred_project_imports(tmp_path / "pkg") == [
        "pkg/mod.py:4 conserje.services.core", "pkg/mod.py:5 ."]


def import_cycles(graph, prefix: str) -> list[list[str]]:
    """Groups of modules under ``prefix`` that import each other, directly or not
    (strongly connected components of the import graph with more than one module)."""
    modules = sorted(m for m in graph.modules if m.startswith(prefix))
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m)
                       if i.startswith(prefix)) for m in modules}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:  # Tarjan's algorithm
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in edges[module]:
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in modules:
        if module not in order:
            visit(module)
    return cycles


def test_no_import_cycle_between_modules_of_services():

    graph = grimp.build_graph("conserje")
    assert import_cycles(graph, "conserje.services") == []


def test_the_cycle_check_finds_a_cycle():

    graph = grimp.ImportGraph()
    for module in ("app.a", "app.b", "app.c"):
        graph.add_module(module)
    graph.add_import(importer="app.a", imported="app.b")
    graph.add_import(importer="app.b", imported="app.a")
    graph.add_import(importer="app.c", imported="app.a")
    assert import_cycles(graph, "app") == [["app.a", "app.b"]]
