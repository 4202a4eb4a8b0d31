"""Lint, format and strict typing are part of the suite, so a red CI says which line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> list[str]:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the project with its [test] extra")
    return [found]


def test_ruff_finds_no_problems():
    result = subprocess.run(
        [*tool("ruff"), "check", "cxworkshop", "tests", "benchmarks", "docs", "resources"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = subprocess.run(
        [
            *tool("ruff"),
            "format",
            "--check",
            "cxworkshop",
            "tests",
            "benchmarks",
            "docs",
            "resources",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_passes_strict_type_checks():
    result = subprocess.run([*tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_gui_asks_the_store_and_never_reaches_for_sql():
    """Only storage/ writes SQL: the window goes through the Store's methods."""
    import ast

    offenders = []
    for path in sorted((ROOT / "cxworkshop" / "gui").rglob("*.py")):
        where = path.relative_to(ROOT)
        tree = ast.parse(path.read_text("utf-8"), str(where))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                names = []
            for name in names:
                if name.split(".")[0] in {"sqlite3", "sqlite_utils", "apsw"}:
                    offenders.append(f"{where}:{node.lineno} imports {name}")
            if isinstance(node, ast.Attribute) and node.attr in {"conn", "db", "execute"}:
                offenders.append(f"{where}:{node.lineno} uses .{node.attr}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP)\s", node.value)
            ):
                offenders.append(f"{where}:{node.lineno} holds SQL: {node.value[:40]!r}")
    assert offenders == []
