"""The dependency rules that import-linter cannot see: no project import hidden inside a
function in ``services`` (a deferred import is how a cycle hides). Lazy imports of heavy
third-party model code (torch, ultralytics, deepface) stay allowed."""
from __future__ import annotations

import ast
from pathlib import Path

import conserje

PROJECT = ("conserje", "vision", "training")
SERVICES = Path(conserje.__file__).parent / "services"


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


def test_services_hide_no_project_import_inside_a_function():
    assert deferred_project_imports(SERVICES) == []


def test_the_check_finds_a_hidden_import(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text(
        "import numpy\n\ndef f():\n    from conserje.services.core import tx\n"
        "    from . import sibling\n    import torch\n    return tx, sibling, torch\n")
    assert deferred_project_imports(tmp_path / "pkg") == [
        "pkg/mod.py:4 conserje.services.core", "pkg/mod.py:5 ."]
