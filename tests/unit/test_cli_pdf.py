"""`cxworkshop export-pdf`: the charter from the command line, headless."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cxworkshop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_id(capsys: pytest.CaptureFixture[str], db_path: Path) -> str:
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0
    match = re.search(r"workshop (\d+)", out)
    assert match
    return match.group(1)


@pytest.fixture(autouse=True)
def _a4_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says which paper it expects; the machine's own locale plays no part."""
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def width(path: Path) -> int:
    return round(float(PdfReader(path).pages[0].mediabox.width))


def test_export_pdf_writes_the_charter_and_says_so(capsys, db_path, demo_id, tmp_path):
    target = tmp_path / "charter.pdf"
    code, out, err = run(capsys, "--db", str(db_path), "export-pdf", demo_id, str(target))
    assert code == 0 and err == ""
    reader = PdfReader(target)
    assert reader.metadata is not None
    assert reader.metadata.title == "Customer experience charter 2027"
    assert out.strip() == (
        f"Exported the charter of workshop {demo_id} to {target} ({len(reader.pages)} pages, A4)"
    )
    assert width(target) == 595


def test_paper_can_be_chosen_or_follows_the_locale(
    capsys, db_path, demo_id, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    letter = tmp_path / "letter.pdf"
    assert (
        run(capsys, "--db", str(db_path), "export-pdf", demo_id, str(letter), "--paper", "letter")[
            0
        ]
        == 0
    )
    assert width(letter) == 612
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    local = tmp_path / "local.pdf"
    code, out, _ = run(capsys, "--db", str(db_path), "export-pdf", demo_id, str(local))
    assert code == 0 and "US Letter" in out
    assert width(local) == 612


def test_an_unknown_workshop_is_one_line_and_a_non_zero_exit(capsys, db_path, demo_id, tmp_path):
    code, out, err = run(capsys, "--db", str(db_path), "export-pdf", "999", str(tmp_path / "x.pdf"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "999" in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_path_is_one_line_and_writes_nothing(capsys, db_path, demo_id, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    code, out, err = run(
        capsys, "--db", str(db_path), "export-pdf", demo_id, str(blocker / "charter.pdf")
    )
    assert code == 1 and out == ""
    assert err.startswith("cxworkshop: Could not save the charter") and err.count("\n") == 1
    assert blocker.read_text() == "a file, not a folder"


def test_an_unknown_paper_size_is_refused(capsys, db_path, demo_id, tmp_path):
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "export-pdf",
        demo_id,
        str(tmp_path / "x.pdf"),
        "--paper",
        "a5",
    )
    assert code == 1 and "--paper" in err and err.count("\n") == 1


def test_an_unfinished_workshop_exports_as_a_draft(capsys, db_path, tmp_path):
    from cxworkshop.domain import editing
    from cxworkshop.storage.store import Store

    with Store(db_path) as store:
        created = store.create_workshop(editing.new_workshop("Spring CX workshop"))
    target = tmp_path / "draft.pdf"
    code, out, _ = run(capsys, "--db", str(db_path), "export-pdf", str(created.id), str(target))
    assert code == 0 and "marked as a draft" in out
    assert "DRAFT" in PdfReader(target).pages[0].extract_text()


def test_other_commands_start_without_loading_the_pdf_library(db_path):
    code = (
        "import sys; from cxworkshop.cli import main; "
        f"main(['--db', {str(db_path)!r}, 'list']); "
        "print('reportlab' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
