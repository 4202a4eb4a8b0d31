"""The Charter step's asks of the sponsor, the sponsor's signature and the review cadence:
typed and chosen as a facilitator would, checked in a second connection, and undone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from cxworkshop.domain.model import AskKind, Cadence
from cxworkshop.gui.models.charter import AsksModel
from cxworkshop.gui.ops import charter as charter_ops
from cxworkshop.gui.pages.charter import CharterPage
from tests.helpers.gui import reopened, show_page


@pytest.fixture
def page(qtbot, blank_session) -> CharterPage:
    p = CharterPage()
    p.set_session(blank_session)
    return show_page(qtbot, p, 1500, 900)


@pytest.fixture
def demo_page(qtbot, demo_session) -> CharterPage:
    p = CharterPage()
    p.set_session(demo_session)
    return show_page(qtbot, p, 1500, 900)


def cell(page: CharterPage, row: int, column: int) -> str:
    return page.asks_model.data(page.asks_model.index(row, column))


def test_asks_model_passes_the_model_tester(qtmodeltester, demo_session):
    model = AsksModel()
    model.set_session(demo_session)
    qtmodeltester.check(model, force_py=True)


def test_an_ask_typed_and_entered_is_saved_with_its_kind_as_one_undo_step(page, blank_session):
    page.ask_kind_combo.setCurrentIndex(page.ask_kind_combo.findData(AskKind.BUDGET.value))
    page.ask_entry.setFocus()
    QTest.keyClicks(page.ask_entry, "Fund the onboarding journey")
    QTest.keyClick(page.ask_entry, Qt.Key.Key_Return)

    asks = reopened(blank_session).asks
    assert [(a.text, a.kind) for a in asks] == [("Fund the onboarding journey", AskKind.BUDGET)]
    assert page.ask_entry.text() == ""
    assert cell(page, 0, AsksModel.KIND) == "Budget"
    assert blank_session.undo_stack.undoText() == (
        "Add ask of the sponsor 'Fund the onboarding journey'"
    )
    # On to by when, ready to type.
    assert page.asks_view.currentIndex().column() == AsksModel.DUE

    blank_session.undo_stack.undo()
    assert reopened(blank_session).asks == []
    assert page.asks_model.rowCount() == 0
    blank_session.undo_stack.redo()
    assert [a.text for a in reopened(blank_session).asks] == ["Fund the onboarding journey"]


def test_by_when_is_typed_into_its_cell_and_undone(qtbot, page, blank_session):
    charter_ops.add_ask(page.session, "Name a data owner", AskKind.PEOPLE)
    page.asks_view.setFocus()
    page.asks_view.setCurrentIndex(page.asks_model.index(0, AsksModel.DUE))
    QTest.keyClick(page.asks_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "30 April 2027")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(page, 0, AsksModel.DUE) == "30 April 2027")

    assert reopened(blank_session).asks[0].due == "30 April 2027"
    assert blank_session.undo_stack.undoText() == (
        "Set when ask 'Name a data owner' is due to '30 April 2027'"
    )
    blank_session.undo_stack.undo()
    assert reopened(blank_session).asks[0].due == ""


def test_the_kind_is_chosen_from_a_list_in_its_cell(qtbot, page, blank_session):
    charter_ops.add_ask(page.session, "Decide on store targets")
    page.asks_view.setFocus()
    page.asks_view.setCurrentIndex(page.asks_model.index(0, AsksModel.KIND))
    QTest.keyClick(page.asks_view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(AskKind.OTHER.value))
    QTest.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(page, 0, AsksModel.KIND) == "Other")
    assert reopened(blank_session).asks[0].kind is AskKind.OTHER
    assert blank_session.undo_stack.undoText() == "Make ask 'Decide on store targets' a other"


def test_an_ask_cannot_be_emptied_and_says_why(page, blank_session):
    charter_ops.add_ask(page.session, "Approve the budget")
    count = blank_session.undo_stack.count()
    assert not page.asks_model.setData(page.asks_model.index(0, AsksModel.TEXT), "  ")
    assert "Ask cannot be empty" in page.error_line.text()
    assert blank_session.undo_stack.count() == count
    assert reopened(blank_session).asks[0].text == "Approve the budget"


def test_delete_removes_the_selected_ask_and_undo_puts_it_back(demo_page, demo_session):
    second = demo_session.workshop.asks[1]
    demo_page.asks_view.setFocus()
    demo_page.asks_view.setCurrentIndex(demo_page.asks_model.index(1, 0))
    QTest.keyClick(demo_page.asks_view, Qt.Key.Key_Delete)
    assert second.id not in [a.id for a in reopened(demo_session).asks]
    assert demo_session.undo_stack.undoText().startswith("Remove ask 'Lend two IT analysts")
    demo_session.undo_stack.undo()
    assert [a.id for a in reopened(demo_session).asks][1] == second.id


def test_ticking_signed_records_today_and_the_status_says_so(page, blank_session):
    assert "To be signed by the sponsor" in page.sign_off_status.text()
    page.signed_date.check.click()
    today = dt.date.today()
    assert reopened(blank_session).signed_on == today
    assert page.signed_date.edit.isEnabled()
    assert "Signed by the sponsor on" in page.sign_off_status.text()
    assert blank_session.undo_stack.undoText().startswith("Set when the sponsor signed to ")
    blank_session.undo_stack.undo()
    assert reopened(blank_session).signed_on is None
    assert not page.signed_date.check.isChecked()


def test_a_sign_by_date_picked_in_its_field_is_saved(page, blank_session):
    blank_session.store.update_details(blank_session.workshop_id, date=dt.date(2027, 3, 18))
    page.refresh()
    page.sign_by_date.check.click()
    assert reopened(blank_session).sign_by == dt.date(2027, 4, 1)
    page.sign_by_date.edit.setFocus()
    page.sign_by_date.edit.setDate(page.sign_by_date.edit.date().addDays(7))
    page.sign_by_date.edit.editingFinished.emit()
    assert reopened(blank_session).sign_by == dt.date(2027, 4, 8)
    assert blank_session.undo_stack.undoText() == (
        "Set when the sponsor is to sign by to 8 April 2027"
    )


def test_the_cadence_is_chosen_from_its_list_and_undone(page, blank_session):
    combo = page.cadence_combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    # A closed combo box changes on the arrow keys and says so with activated().
    assert reopened(blank_session).review_cadence is Cadence(combo.currentData())
    assert blank_session.undo_stack.undoText().startswith("Review progress ")
    combo.setCurrentIndex(combo.findData(Cadence.QUARTERLY.value))
    combo.activated.emit(combo.currentIndex())
    assert reopened(blank_session).review_cadence is Cadence.QUARTERLY
    assert blank_session.undo_stack.undoText() == (
        "Review progress quarterly after the next review"
    )
    blank_session.undo_stack.undo()
    assert page.cadence_combo.currentData() != Cadence.QUARTERLY.value
    blank_session.undo_stack.undo()
    assert reopened(blank_session).review_cadence is None
    assert page.cadence_combo.currentData() == ""
