"""Lint, format and strict typing are part of the suite, so a red CI says which line."""

from __future__ import annotations

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
        [*tool("ruff"), "check", "cxworkshop", "tests", "benchmarks", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = subprocess.run(
        [*tool("ruff"), "format", "--check", "cxworkshop", "tests", "benchmarks", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_storage_and_charter_pass_strict_type_checks():
    result = subprocess.run([*tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_storage_charter_and_the_phones_server_never_import_qt():
    offenders = [
        str(path.relative_to(ROOT))
        for layer in ("domain", "storage", "charter", "phones")
        for path in (ROOT / "cxworkshop" / layer).rglob("*.py")
        if "PySide6" in path.read_text("utf-8")
    ]
    assert offenders == []
