"""The catalogue of bad and odd input, typed and pasted into the window as a facilitator would.

Refused text is said in one line and the field goes back to what is saved;
accepted text (any script, emoji, the longest allowed) is saved exactly; a
huge workshop and hostile files never bring the window down. The same
catalogue at the store, JSON, command line and PDF is in tests/unit/test_bad_input.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.goals import GoalsPage
from cxworkshop.gui.pages.setup import SetupPage
from cxworkshop.storage import interchange
from cxworkshop.storage.store import Store
from tests.unit.test_bad_input import ACCEPTED, REFUSED, large_workshop


def saved_title(db_path: Path, workshop_id: int) -> str:
    with Store(db_path) as other:
        return other.workshop(workshop_id).title


def paste_and_enter(field: QLineEdit, value: str) -> None:
    """Paste ``value`` over the field's text from the clipboard, then press Enter."""
    QApplication.clipboard().setText(value)
    field.setFocus()
    field.selectAll()
    QTest.keySequence(field, QKeySequence.StandardKey.Paste)
    assert field.text() == value
    QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture
def setup_page(qtbot, blank_session) -> SetupPage:  # type: ignore[no-untyped-def]
    page = SetupPage()
    qtbot.addWidget(page)
    page.set_session(blank_session)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.mark.parametrize(("value", "words"), REFUSED.values(), ids=REFUSED.keys())
def test_a_refused_title_is_said_in_one_line_and_the_field_shows_the_saved_one(
    qtbot, setup_page: SetupPage, blank_session, db_path: Path, value: str, words: str
):
    field = setup_page.form.titleEdit
    with qtbot.waitSignal(blank_session.sig_error) as refused:
        paste_and_enter(field, value)
    message = refused.args[0]
    assert words in message
    assert "\n" not in message and len(message) < 200
    assert setup_page.error_line.isVisible()
    assert field.text() == "Spring CX workshop"
    assert blank_session.undo_stack.count() == 0
    assert saved_title(db_path, blank_session.workshop_id) == "Spring CX workshop"


@pytest.mark.parametrize("value", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_a_title_in_any_script_is_saved_exactly(
    setup_page: SetupPage, blank_session, db_path: Path, value: str
):
    paste_and_enter(setup_page.form.titleEdit, f"  {value}  ")
    assert saved_title(db_path, blank_session.workshop_id) == value
    assert setup_page.form.titleEdit.text() == value
    assert not setup_page.error_line.isVisible()


def test_a_function_name_that_is_already_there_is_refused(
    qtbot, setup_page: SetupPage, blank_session
):
    before = [f.name for f in blank_session.workshop.functions]
    existing = before[1]
    with qtbot.waitSignal(blank_session.sig_error) as refused:
        paste_and_enter(setup_page.function_entry, f"  {existing.upper()}  ")
    assert "already a function" in refused.args[0]
    assert [f.name for f in blank_session.workshop.functions] == before


def test_goals_pasted_with_a_nul_byte_or_5000_characters_are_refused_on_the_board(
    qtbot, blank_session
):
    page = GoalsPage()
    qtbot.addWidget(page)
    page.set_session(blank_session)
    page.resize(1600, 1000)
    page.show()
    qtbot.waitExposed(page)
    entry = page.columns[Pillar.KEEP].entry
    for value, words in (("Cut\x00churn", "control character"), ("g" * 5000, "5000 characters")):
        with qtbot.waitSignal(blank_session.sig_error) as refused:
            entry.setText(value)
            QTest.keyClick(entry, Qt.Key.Key_Return)
        assert words in refused.args[0]
    assert blank_session.workshop.goals == []
    entry.setText("Cut churn 🎯 顧客")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert [g.title for g in blank_session.workshop.goals] == ["Cut churn 🎯 顧客"]


def test_a_workshop_of_300_goals_and_60_people_opens_at_every_step(
    qtbot, store: Store, tmp_path: Path
):
    created = store.create_workshop(large_workshop())
    assert created.id is not None
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.open_workshop(created.id)
        for step in Step:
            window.go_to(step)
            QApplication.processEvents()
            assert window.current_step() is step
        assert window.windowTitle().startswith("A very large workshop")
    finally:
        window.close()


@pytest.mark.slow
def test_hostile_files_imported_from_the_library_are_refused_and_add_nothing(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    wrong = tmp_path / "wrong.json"
    document = interchange.to_document(demo_workshop())
    document["workshop"]["goals"][0]["title"] = {"not": "text"}
    document["workshop"]["rounds"] = "lots"
    wrong.write_text(json.dumps(document), encoding="utf-8")
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for file in (huge, wrong):
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, f=file: (str(f), ""))
        )
        window.library.import_action.trigger()
    assert len(shown) == 2
    assert "50.0 MB" in shown[0] and "\n" not in shown[0]
    assert all("\n" not in text for text in shown)
    assert store.list_workshops() == []
    window.close()
