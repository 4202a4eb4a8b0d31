"""The workshop's language in Set up: picked or typed, saved as one undo step, refused in
one line when it is not a language tag, and named in the exported charter's /Lang.

Edits are checked in a second connection to the database as well as on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from cxworkshop.domain import language
from cxworkshop.gui.dialogs import new_workshop
from cxworkshop.gui.dialogs.new_workshop import NewWorkshopDialog
from cxworkshop.gui.pages.charter import CharterPage
from cxworkshop.gui.pages.setup import SetupPage
from tests.helpers.gui import reopened, show_page


@pytest.fixture
def page(qtbot, blank_session) -> SetupPage:
    page = SetupPage()
    page.set_session(blank_session)
    return show_page(qtbot, page, 1400, 900)


def type_language(qtbot, page: SetupPage, text: str) -> None:
    """Select what the field holds, type ``text`` over it and press Enter."""
    field = page.form.languageCombo.lineEdit()
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def undo_texts(session) -> list[str]:
    stack = session.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def test_a_language_typed_in_set_up_is_saved_in_its_usual_case_as_one_undo_step(
    qtbot, page, blank_session
):
    type_language(qtbot, page, "de-ch")

    assert blank_session.workshop.language == "de-CH"
    assert reopened(blank_session).language == "de-CH"
    assert page.form.languageCombo.currentText() == "de-CH"
    assert undo_texts(blank_session) == ["Set language to 'de-CH'"]

    blank_session.undo_stack.undo()
    assert reopened(blank_session).language == "en"
    assert page.form.languageCombo.currentText() == "en"
    blank_session.undo_stack.redo()
    assert reopened(blank_session).language == "de-CH"


# The offscreen platform says this of every popup it opens: not ours to fix.
@pytest.mark.desktop
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_language_picked_from_the_list_is_saved(qtbot, page, blank_session):
    combo = page.form.languageCombo
    row = combo.findData("pt-BR")
    assert row >= 0 and "Portuguese" in combo.itemText(row)
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(row, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)

    assert reopened(blank_session).language == "pt-BR"
    # The field shows the tag; the list shows the name beside it.
    assert combo.currentText() == "pt-BR"
    assert undo_texts(blank_session) == ["Set language to 'pt-BR'"]


def test_a_language_name_instead_of_a_tag_is_refused_in_one_line_and_kept_to_correct(
    qtbot, page, blank_session
):
    with qtbot.waitSignal(blank_session.sig_error) as refused:
        type_language(qtbot, page, "English")

    message = refused.args[0]
    assert "not a language tag" in message and "\n" not in message
    assert page.error_line.isVisible() and "English" in page.error_line.text()
    assert page.form.languageCombo.currentText() == "English"
    assert blank_session.undo_stack.count() == 0
    assert reopened(blank_session).language == "en"

    # Corrected in place, it is saved.
    type_language(qtbot, page, "en-GB")
    assert reopened(blank_session).language == "en-GB"


def test_finishing_the_language_field_unchanged_adds_no_undo_step(qtbot, page, blank_session):
    type_language(qtbot, page, "en")
    assert blank_session.undo_stack.count() == 0


class _SwissLocale:
    """QLocale as a computer set to Swiss German reports it."""

    @staticmethod
    def system() -> QLocale:
        return QLocale("de_CH")


def test_a_new_workshop_starts_in_the_computers_language(qtbot, monkeypatch):
    monkeypatch.setattr(new_workshop, "QLocale", _SwissLocale)
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.titleEdit, "Zurich workshop")
    assert dialog.choice().build().language == "de-CH"


def test_the_c_locale_gives_english():
    assert language.from_locale(QLocale.c().bcp47Name()) == "en"


def test_the_exported_charter_names_the_language_typed_in_set_up(
    qtbot, page, demo_session, monkeypatch, tmp_path: Path
):
    page.set_session(demo_session)
    type_language(qtbot, page, "fr-ca")
    assert reopened(demo_session).language == "fr-CA"

    target = tmp_path / "charte.pdf"

    def save_as(parent: Any, caption: str, start: str, filters: str) -> Any:
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    charter = CharterPage()
    charter.set_session(demo_session)
    show_page(qtbot, charter, 1400, 900)
    charter.open_check.setChecked(False)
    with qtbot.waitSignal(charter.sig_exported):
        charter.export_button.click()

    with pikepdf.open(target) as pdf:
        assert str(pdf.Root.Lang) == "fr-CA"
        with pdf.open_metadata() as xmp:
            assert "fr-CA" in xmp["dc:language"]
        assert "/StructTreeRoot" in pdf.Root
