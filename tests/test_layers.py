"""DESIGN.md's layers, enforced: the import contracts in pyproject.toml, and what they miss."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cxworkshop"


def test_the_import_contracts_are_kept():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.fail("lint-imports is not installed; install the project with its [test] extra")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# Modules named in strings (lazy_module("..."), importlib) are imports the contracts
# cannot see; the same rules apply to them.
_BELOW_THE_WINDOW = r"PySide6|shiboken6|cxworkshop\.(gui|forms|cli|self_test)"
NAMED_IN_STRINGS = {
    "domain": rf"({_BELOW_THE_WINDOW}|cxworkshop\.(storage|charter|safe_write)"
    r"|sqlite3|sqlite_utils|reportlab)",
    "storage": rf"({_BELOW_THE_WINDOW}|cxworkshop\.charter|reportlab)",
    "charter": rf"({_BELOW_THE_WINDOW}|cxworkshop\.storage|sqlite3|sqlite_utils)",
}


def modules_named_in_strings(layer: str) -> list[str]:
    pattern = re.compile(rf"^{NAMED_IN_STRINGS[layer]}(\.|$)")
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and pattern.match(node.value)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    return found


@pytest.mark.parametrize("layer", sorted(NAMED_IN_STRINGS))
def test_no_layer_loads_by_name_what_it_may_not_import(layer: str):
    assert modules_named_in_strings(layer) == []


def test_a_module_loaded_by_name_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    fake = tmp_path / "cxworkshop"
    (fake / "storage").mkdir(parents=True)
    (fake / "storage" / "late.py").write_text(
        'from ..lazy import lazy_module\nwindow = lazy_module("cxworkshop.gui.app")\n', "utf-8"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert modules_named_in_strings("storage") == [
        "cxworkshop/storage/late.py:2 cxworkshop.gui.app"
    ]
