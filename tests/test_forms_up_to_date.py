"""Every Designer form in ui/ has its Python in cxworkshop/forms/, regenerated and unedited."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted((ROOT / "ui").glob("*.ui"))


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if found is None:
        pytest.fail("pyside6-uic is not installed; install PySide6 (the project's dependency)")
    return found


def without_version(python: str) -> list[str]:
    """The generated code, less the header lines that name the uic version."""
    return [
        line
        for line in python.splitlines()
        if not (line.startswith("##") and "User Interface Compiler" in line)
    ]


def regenerate_command(form: Path) -> str:
    target = ROOT / "cxworkshop" / "forms" / f"{form.stem}.py"
    return f"pyside6-uic {form.relative_to(ROOT)} -o {target.relative_to(ROOT)}"


def test_there_are_forms_to_check():
    assert FORMS, "ui/ holds no .ui files"


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_generated_form_matches_its_ui_file(form: Path, tmp_path: Path):
    committed = ROOT / "cxworkshop" / "forms" / f"{form.stem}.py"
    assert committed.exists(), f"{committed.name} is missing; run: {regenerate_command(form)}"
    fresh = tmp_path / committed.name
    result = subprocess.run(
        [uic(), str(form), "-o", str(fresh)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert without_version(committed.read_text("utf-8")) == without_version(
        fresh.read_text("utf-8")
    ), f"{committed.name} is out of date with {form.name}; run: {regenerate_command(form)}"


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_generated_form_says_it_must_not_be_edited(form: Path):
    committed = ROOT / "cxworkshop" / "forms" / f"{form.stem}.py"
    header = committed.read_text("utf-8").splitlines()[:10]
    assert any("WARNING! All changes made in this file will be lost" in line for line in header)
