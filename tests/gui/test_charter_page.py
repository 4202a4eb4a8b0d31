"""The Charter page: the review before export, next steps, the review date, and Export PDF.

Edits are checked in a second connection to the database as well as on
screen, and undone the way the facilitator would. The save dialog is answered
by replacing QFileDialog's static call, as a facilitator's click would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from cxworkshop.charter import Paper
from cxworkshop.domain.model import Step
from cxworkshop.gui.models.charter import CommitmentsModel
from cxworkshop.gui.ops import charter as charter_ops
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.charter import (
    MISSING,
    READY,
    CharterPage,
    default_paper,
    file_name,
    months_later,
)
from tests.helpers.gui import reopened, run_probe, show_page


def open_page(qtbot, session) -> CharterPage:
    page = CharterPage()
    page.set_session(session)
    return show_page(qtbot, page, 1500, 900)


@pytest.fixture
def page(qtbot, blank_session) -> CharterPage:
    return open_page(qtbot, blank_session)


@pytest.fixture
def demo_page(qtbot, demo_session) -> CharterPage:
    return open_page(qtbot, demo_session)


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch):
    """Answer the save dialog with a path (or cancel it with None); records what it offered."""
    offered: list[str] = []

    def answer(path: Path | None) -> list[str]:
        def get_save_file_name(parent: Any, caption: str, start: str, filters: str) -> Any:
            offered.append(start)
            return (str(path) if path else "", "PDF documents (*.pdf)")

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
        return offered

    return answer


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """URLs handed to the system's PDF viewer (which opens them)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True)
    )
    return urls


@pytest.fixture
def no_viewer(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """URLs handed to the system, which has no app to open them with."""
    urls: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) and False)
    )
    return urls


def cell(page: CharterPage, row: int, column: int) -> str:
    return page.commitments_model.data(page.commitments_model.index(row, column))


# ----------------------------------------------------------------- the model


def test_next_steps_model_passes_the_model_tester(qtmodeltester, demo_session):
    model = CommitmentsModel()
    model.set_session(demo_session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Next step",
        "Who",
        "By when",
    ]


def test_next_steps_model_stays_consistent_while_steps_come_and_go(qtmodeltester, blank_session):
    model = CommitmentsModel()
    model.set_session(blank_session)
    qtmodeltester.check(model, force_py=True)
    first = charter_ops.add_commitment(blank_session, "Share the charter with every team")
    assert first is not None
    assert charter_ops.add_commitment(blank_session, "Book the first review") is not None
    assert model.setData(model.index(0, CommitmentsModel.OWNER), "Ana Silva")
    assert model.setData(model.index(1, CommitmentsModel.DUE), "June")
    assert charter_ops.remove_commitment(blank_session, first.id)
    for _ in range(5):
        blank_session.undo_stack.undo()
    assert model.rowCount() == 0
    for _ in range(5):
        blank_session.undo_stack.redo()
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Book the first review"
    ]


# ----------------------------------------------------------------- next steps


def test_a_next_step_typed_and_entered_is_saved_as_one_undo_step(page, blank_session):
    page.commitment_entry.setFocus()
    QTest.keyClicks(page.commitment_entry, "Share the charter with every team")
    QTest.keyClick(page.commitment_entry, Qt.Key.Key_Return)

    texts = [c.text for c in reopened(blank_session).commitments]
    assert texts == ["Share the charter with every team"]
    assert page.commitment_entry.text() == ""
    assert (
        blank_session.undo_stack.undoText() == "Add next step 'Share the charter with every team'"
    )
    # On to who does it, ready to type.
    assert page.commitments_view.currentIndex().column() == CommitmentsModel.OWNER

    blank_session.undo_stack.undo()
    assert reopened(blank_session).commitments == []
    assert page.commitments_model.rowCount() == 0


def test_who_does_a_step_is_typed_into_its_cell(qtbot, page, blank_session):
    charter_ops.add_commitment(page.session, "Book the first review")
    index = page.commitments_model.index(0, CommitmentsModel.OWNER)
    page.commitments_view.setFocus()
    page.commitments_view.setCurrentIndex(index)
    QTest.keyClick(page.commitments_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    # QTest types ASCII only; the name comes in as a paste would.
    editor.insert("Zoë Ødegård")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The view commits the editor's text once the key press is over.
    qtbot.waitUntil(lambda: cell(page, 0, CommitmentsModel.OWNER) == "Zoë Ødegård")

    assert reopened(blank_session).commitments[0].owner == "Zoë Ødegård"
    assert cell(page, 0, CommitmentsModel.OWNER) == "Zoë Ødegård"
    assert (
        blank_session.undo_stack.undoText()
        == "Set who does 'Book the first review' to 'Zoë Ødegård'"
    )
    blank_session.undo_stack.undo()
    assert cell(page, 0, CommitmentsModel.OWNER) == ""


def test_a_step_cannot_be_emptied_and_says_why(page, blank_session):
    charter_ops.add_commitment(page.session, "Book the first review")
    count = blank_session.undo_stack.count()
    assert not page.commitments_model.setData(page.commitments_model.index(0, 0), "   ")
    assert page.error_line.isVisible()
    assert "cannot be empty" in page.error_line.text()
    assert blank_session.undo_stack.count() == count
    assert reopened(blank_session).commitments[0].text == "Book the first review"


def test_delete_removes_the_selected_step_and_undo_puts_it_back(demo_page, demo_session):
    second = demo_session.workshop.commitments[1]
    demo_page.commitments_view.setFocus()
    demo_page.commitments_view.setCurrentIndex(demo_page.commitments_model.index(1, 0))
    QTest.keyClick(demo_page.commitments_view, Qt.Key.Key_Delete)

    ids = [c.id for c in reopened(demo_session).commitments]
    assert second.id not in ids and len(ids) == 2
    assert demo_session.undo_stack.undoText().startswith("Remove next step 'Build one CX")
    demo_session.undo_stack.undo()
    restored = reopened(demo_session).commitments
    assert [c.id for c in restored][1] == second.id


# ----------------------------------------------------------------- the review date


def test_ticking_review_sets_a_date_three_months_after_the_workshop(page, blank_session):
    blank_session.store.update_details(blank_session.workshop_id, date=dt.date(2027, 3, 18))
    page.refresh()
    page.review_check.click()

    assert reopened(blank_session).review_date == dt.date(2027, 6, 18)
    assert blank_session.undo_stack.undoText() == "Set review date to 18 June 2027"
    assert page.review_edit.isEnabled()
    page.review_check.click()
    assert reopened(blank_session).review_date is None
    assert blank_session.undo_stack.undoText() == "Clear review date"
    blank_session.undo_stack.undo()
    assert page.review_check.isChecked()
    assert page.review_edit.date().toPython() == dt.date(2027, 6, 18)


def test_a_date_picked_in_the_date_field_is_saved(demo_page, demo_session):
    demo_page.review_edit.setFocus()
    demo_page.review_edit.setDate(demo_page.review_edit.date().addDays(14))
    demo_page.review_edit.editingFinished.emit()
    assert reopened(demo_session).review_date == dt.date(2027, 7, 1)
    assert demo_session.undo_stack.undoText() == "Set review date to 1 July 2027"


def test_three_months_later_keeps_to_the_end_of_a_short_month():
    assert months_later(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert months_later(dt.date(2027, 3, 18), 3) == dt.date(2027, 6, 18)


# ----------------------------------------------------------------- the review of the charter


def test_a_finished_workshop_shows_every_section_ready_and_no_gaps(demo_page):
    marks = [mark.text() for mark, _, _ in demo_page.section_rows]
    assert marks == [READY] * len(marks)
    assert demo_page.gaps_list.count() == 0 and not demo_page.gaps_list.isVisible()
    assert "ready to send" in demo_page.gaps_heading.text()
    assert "final charter" in demo_page.draft_note.text()
    names = demo_page.sign_off_list.text()
    for name in ("Amara Okonkwo", "Zoë Ødegård", "Nguyễn Thị Lan"):
        assert name in names
    assert names.count("Amara Okonkwo") == 1


def test_gaps_are_listed_and_lead_to_the_step_that_fills_them(qtbot, page, blank_session):
    assert page.gaps_list.count() > 0
    assert MISSING in page.section_rows[0][0].text()
    assert "draft" in page.draft_note.text()
    texts = [page.gaps_list.item(i).text() for i in range(page.gaps_list.count())]
    assert any("No review date" in t for t in texts)
    goal_gap = next(i for i, t in enumerate(texts) if t.startswith(f"{MISSING}  Goals"))
    page.gaps_list.setFocus()
    page.gaps_list.setCurrentRow(goal_gap)
    with qtbot.waitSignal(page.sig_step_requested) as chosen:
        QTest.keyClick(page.gaps_list.viewport(), Qt.Key.Key_Return)
    assert chosen.args == [Step.GOALS.value]


def test_the_review_follows_edits_made_elsewhere(page, blank_session):
    before = page.gaps_list.count()
    blank_session.edit(
        "Set review date",
        lambda: blank_session.store.update_details(
            blank_session.workshop_id, review_date=dt.date(2027, 6, 1)
        ),
        lambda previous: blank_session.store.update_details(blank_session.workshop_id, **previous),
    )
    assert page.gaps_list.count() == before - 1
    assert page.review_check.isChecked()


# ----------------------------------------------------------------- export


def test_ctrl_e_exports_the_charter_and_opens_it(demo_page, save_as, opened, tmp_path, qtbot):
    target = tmp_path / "Northwind charter.pdf"
    offered = save_as(target)
    with qtbot.waitSignal(demo_page.sig_exported) as exported:
        QTest.keyClick(demo_page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported.args == [str(target)]
    assert offered and offered[0].endswith("Customer experience charter 2027.pdf")
    reader = PdfReader(target)
    assert (
        reader.metadata is not None and reader.metadata.title == "Customer experience charter 2027"
    )
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert "Saved Northwind charter.pdf" in demo_page.export_status.text()
    assert f"{len(reader.pages)} pages" in demo_page.export_status.text()


def test_the_button_exports_on_the_chosen_paper_without_opening(
    demo_page, save_as, opened, tmp_path
):
    save_as(tmp_path / "letter")
    demo_page.paper_combo.setCurrentIndex(demo_page.paper_combo.findData(Paper.LETTER.value))
    demo_page.open_check.setChecked(False)
    demo_page.export_button.click()
    target = tmp_path / "letter.pdf"  # the suffix is added when it was left off
    assert round(float(PdfReader(target).pages[0].mediabox.width)) == 612
    assert opened == []


def test_cancelling_the_dialog_saves_nothing(demo_page, save_as, tmp_path):
    before = sorted(tmp_path.iterdir())
    save_as(None)
    assert demo_page.export_pdf() is None
    assert sorted(tmp_path.iterdir()) == before
    assert demo_page.export_status.text() == ""


def test_an_unwritable_place_is_reported_in_one_line(demo_page, demo_session, save_as, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "a file"
    blocker.write_text("not a folder")
    save_as(blocker / "charter.pdf")
    errors: list[str] = []
    demo_session.sig_error.connect(errors.append)
    assert demo_page.export_pdf() is None
    assert len(errors) == 1 and "\n" not in errors[0]
    assert "Could not save the charter" in errors[0]
    assert demo_page.error_line.isVisible()
    assert [p.name for p in out.iterdir()] == ["a file"]


def test_an_unfinished_workshop_exports_as_a_draft(page, save_as, opened, tmp_path):
    save_as(tmp_path / "draft.pdf")
    assert page.export_pdf() == tmp_path / "draft.pdf"
    assert "marked as a draft" in page.export_status.text()
    assert "DRAFT" in PdfReader(tmp_path / "draft.pdf").pages[0].extract_text()


def test_a_pdf_with_no_app_to_open_it_says_where_it_was_saved(
    demo_page, save_as, no_viewer, tmp_path
):
    target = tmp_path / "out" / "charter.pdf"
    target.parent.mkdir()
    save_as(target)
    notices: list[str] = []
    demo_page.sig_notice.connect(notices.append)
    assert demo_page.export_pdf() == target
    assert target.exists()
    assert no_viewer == [QUrl.fromLocalFile(str(target))]
    status = demo_page.export_status.text()
    assert f"saved at {target}" in status and "could not be opened" in status
    assert len(notices) == 1 and "\n" not in notices[0]
    assert str(target) in notices[0] and "could not be opened" in notices[0]
    # Its folder is one click away.
    assert demo_page.folder_button.isVisible()
    demo_page.folder_button.click()
    assert no_viewer[-1] == QUrl.fromLocalFile(str(target.parent))
    assert f"the PDF is at {target}" in demo_page.export_status.text()


def test_a_pdf_that_opens_needs_no_warning(demo_page, save_as, opened, tmp_path):
    save_as(tmp_path / "charter.pdf")
    notices: list[str] = []
    demo_page.sig_notice.connect(notices.append)
    demo_page.export_pdf()
    assert notices == []
    assert "could not be opened" not in demo_page.export_status.text()
    demo_page.folder_button.click()
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))


def documents_at(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` the user's Documents folder, as the desktop says."""
    real = QStandardPaths.writableLocation

    def writable_location(location: QStandardPaths.StandardLocation) -> str:
        if location == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable_location))


def test_the_first_export_starts_in_the_documents_folder(
    demo_page, save_as, opened, tmp_path, monkeypatch
):
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents_at(monkeypatch, documents)
    demo_page.options = Options(tmp_path / "settings.ini")
    offered = save_as(None)
    demo_page.export_pdf()
    assert Path(offered[0]).parent == documents


def test_without_a_documents_folder_the_export_starts_at_home(
    demo_page, save_as, opened, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    documents_at(monkeypatch, home / "Documents")  # named by the desktop, never made
    demo_page.options = Options(tmp_path / "settings.ini")
    offered = save_as(None)
    demo_page.export_pdf()
    assert Path(offered[0]).parent == home


def test_the_export_starts_where_the_last_one_went_even_after_a_restart(
    qtbot, demo_session, save_as, opened, tmp_path, monkeypatch
):
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents_at(monkeypatch, documents)
    first = open_page(qtbot, demo_session)
    first.options = Options(tmp_path / "settings.ini")
    chosen = tmp_path / "board pack"
    chosen.mkdir()
    save_as(chosen / "charter.pdf")
    first.export_pdf()
    first.options.sync()

    # The app is started again: a new page, the settings read afresh.
    later = open_page(qtbot, demo_session)
    later.options = Options(tmp_path / "settings.ini")
    offered = save_as(None)
    later.export_pdf()
    assert Path(offered[-1]).parent == chosen


def test_the_export_action_is_disabled_without_a_workshop(page):
    page.set_session(None)
    assert not page.export_action.isEnabled()
    assert page.export_pdf() is None


def test_paper_follows_the_locale():
    english = QLocale.Language.English
    assert default_paper(QLocale(english, QLocale.Country.UnitedStates)) is Paper.LETTER
    assert default_paper(QLocale(english, QLocale.Country.Canada)) is Paper.LETTER
    assert default_paper(QLocale(english, QLocale.Country.UnitedKingdom)) is Paper.A4
    assert default_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) is Paper.A4


def test_the_suggested_file_name_is_the_title_without_characters_files_cannot_have():
    assert file_name("CX charter: 2027/28?") == "CX charter 2027 28.pdf"
    assert file_name("   ") == "Charter.pdf"
    assert file_name("Zoë's plan") == "Zoë's plan.pdf"


def test_the_page_loads_without_the_pdf_library():
    # Opening a workshop builds every page; reportlab waits for the first export.
    code = "import sys; import cxworkshop.gui.pages.charter; print('reportlab' in sys.modules)"
    assert run_probe(code) == "False"
