"""The Set up page: details, the people in the room and the functions at the table.

Driven as a facilitator would drive it, from the keyboard and the mouse; every
edit is checked in a second connection to the database, so "saved" means saved.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QColorDialog,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QStyleOptionViewItem,
    QWidget,
)

from cxworkshop.domain.model import Assignee, Participant, Workshop
from cxworkshop.gui import theme
from cxworkshop.gui.models.people import FUNCTION_MIME_TYPE, FunctionsModel, ParticipantsModel
from cxworkshop.gui.ops import people as people_ops
from cxworkshop.gui.pages.setup import SetupPage
from cxworkshop.gui.roles import SUBTITLE_ROLE
from cxworkshop.storage.store import Store


def saved(db_path: Any, workshop_id: int) -> Workshop:
    """The workshop as a second connection reads it from the file."""
    with Store(db_path) as other:
        return other.workshop(workshop_id)


def contents(ws: Workshop) -> tuple[Any, ...]:
    """Everything the room decided, without the timestamps."""
    return (
        ws.functions,
        ws.participants,
        ws.goals,
        ws.assignments,
        ws.principles,
        ws.rounds,
    )


def function_named(ws: Workshop, name: str) -> Any:
    return next(f for f in ws.functions if f.name == name)


def person_named(ws: Workshop, name: str) -> Participant:
    return next(p for p in ws.participants if p.name == name)


def open_page(qtbot, session) -> SetupPage:
    page = SetupPage()
    qtbot.addWidget(page)
    page.set_session(session)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot, blank_session) -> SetupPage:
    return open_page(qtbot, blank_session)


@pytest.fixture
def demo_page(qtbot, demo_session) -> SetupPage:
    return open_page(qtbot, demo_session)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def wait_for_editor(qtbot, view, row: int, column: int, kind: type[QWidget]) -> QWidget:
    """Wait until the cell at (row, column) is current and its editor has the focus."""

    def ready() -> None:
        assert view.currentIndex().row() == row
        assert view.currentIndex().column() == column
        assert isinstance(QApplication.focusWidget(), kind)

    qtbot.waitUntil(ready)
    return focused()


def type_text(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def press_enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def view_option(view, index) -> QStyleOptionViewItem:
    """The style option a view hands its delegate for ``index``."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    return option


def undo_texts(session) -> list[str]:
    stack = session.undo_stack
    return [stack.text(i) for i in range(stack.count())]


# ----------------------------------------------------------------- models


def test_people_model_passes_the_model_tester(qtmodeltester, demo_session):
    people = ParticipantsModel()
    people.set_session(demo_session)
    qtmodeltester.check(people, force_py=True)
    assert people.rowCount() == len(demo_session.workshop.participants) + 1


def test_functions_model_passes_the_model_tester(qtmodeltester, demo_session):
    functions = FunctionsModel()
    functions.set_session(demo_session)
    qtmodeltester.check(functions, force_py=True)
    assert functions.rowCount() == len(demo_session.workshop.functions)


def edit_people_and_functions(session, people: ParticipantsModel, functions: FunctionsModel):
    """A burst of edits, undos and redos touching both lists."""
    ws = session.workshop
    it = function_named(ws, "IT")
    assert people.setData(people.index(people.new_row(), 0), "Ana Silva")
    assert people.setData(people.index(0, ParticipantsModel.FUNCTION), it.id)
    assert people_ops.add_function(session, "Legal") is not None
    assert people_ops.move_function(session, it.id, 0)
    assert functions.setData(functions.index(0, 0), "Technology")
    assert people_ops.remove_function(session, function_named(ws, "Marketing").id)
    assert people_ops.remove_participant(session, ws.participants[1].id)
    for _ in range(7):
        session.undo_stack.undo()
    for _ in range(7):
        session.undo_stack.redo()


def test_people_model_stays_consistent_while_the_workshop_is_edited(qtmodeltester, demo_session):
    people, functions = ParticipantsModel(), FunctionsModel()
    people.set_session(demo_session)
    functions.set_session(demo_session)
    qtmodeltester.check(people, force_py=True)
    edit_people_and_functions(demo_session, people, functions)
    ws = demo_session.workshop
    assert people.rowCount() == len(ws.participants) + 1
    assert [people.data(people.index(r, 0)) for r in range(len(ws.participants))] == [
        p.name for p in ws.participants
    ]
    assert people.data(people.index(0, ParticipantsModel.FUNCTION)) == "Technology"


def test_functions_model_stays_consistent_while_the_workshop_is_edited(qtmodeltester, demo_session):
    people, functions = ParticipantsModel(), FunctionsModel()
    people.set_session(demo_session)
    functions.set_session(demo_session)
    qtmodeltester.check(functions, force_py=True)
    edit_people_and_functions(demo_session, people, functions)
    assert [functions.data(functions.index(r, 0)) for r in range(functions.rowCount())] == [
        f.name for f in demo_session.workshop.functions
    ]


def test_the_last_row_invites_the_next_person(blank_session):
    people = ParticipantsModel()
    people.set_session(blank_session)
    new = people.index(people.new_row(), ParticipantsModel.NAME)
    assert people.data(new) == "Add a person…"
    assert people.data(new, Qt.ItemDataRole.EditRole) == ""
    assert people.flags(new) & Qt.ItemFlag.ItemIsEditable
    function_cell = people.index(people.new_row(), ParticipantsModel.FUNCTION)
    assert not people.flags(function_cell) & Qt.ItemFlag.ItemIsEditable


# ----------------------------------------------------------------- details


def test_sponsor_typed_in_is_saved_as_one_undo_step(page, blank_session, db_path):
    field = page.form.sponsorNameEdit
    field.setFocus()
    type_text(field, "Dana Cruz")
    press_enter(field)

    assert blank_session.workshop.sponsor_name == "Dana Cruz"
    assert saved(db_path, blank_session.workshop_id).sponsor_name == "Dana Cruz"
    assert undo_texts(blank_session) == ["Set sponsor to 'Dana Cruz'"]

    blank_session.undo_stack.undo()
    assert field.text() == ""
    assert saved(db_path, blank_session.workshop_id).sponsor_name == ""
    blank_session.undo_stack.redo()
    assert field.text() == "Dana Cruz"
    assert saved(db_path, blank_session.workshop_id).sponsor_name == "Dana Cruz"


def test_finishing_a_field_without_changing_it_adds_no_undo_step(page, blank_session):
    field = page.form.organisationEdit
    field.setFocus()
    press_enter(field)
    page.form.facilitatorEdit.setFocus()
    assert blank_session.undo_stack.count() == 0


def test_an_empty_title_is_refused_and_the_field_shows_the_saved_one(
    qtbot, page, blank_session, db_path
):
    field = page.form.titleEdit
    field.setFocus()
    field.selectAll()
    with qtbot.waitSignal(blank_session.sig_error) as refused:
        QTest.keyClick(field, Qt.Key.Key_Delete)
        press_enter(field)

    assert "cannot be empty" in refused.args[0]
    assert field.text() == "Spring CX workshop"
    assert page.error_line.isVisible()
    assert "cannot be empty" in page.error_line.text()
    assert blank_session.undo_stack.count() == 0
    assert saved(db_path, blank_session.workshop_id).title == "Spring CX workshop"


def test_undo_never_overwrites_a_field_being_typed_in(page, blank_session):
    page.form.sponsorNameEdit.setFocus()
    type_text(page.form.sponsorNameEdit, "Dana Cruz")
    press_enter(page.form.sponsorNameEdit)
    organisation = page.form.organisationEdit
    organisation.setFocus()
    organisation.selectAll()
    type_text(organisation, "Acme Rebrand")

    blank_session.undo_stack.undo()

    assert page.form.sponsorNameEdit.text() == ""
    assert organisation.text() == "Acme Rebrand"
    press_enter(organisation)
    assert blank_session.workshop.organisation == "Acme Rebrand"
    assert undo_texts(blank_session) == ["Set organisation to 'Acme Rebrand'"]


def test_workshop_date_is_set_changed_and_cleared(page, blank_session, db_path):
    check, date_edit = page.form.hasDateCheck, page.form.dateEdit
    assert not check.isChecked()
    assert not date_edit.isEnabled()
    assert date_edit.text() == "No date set"

    check.click()
    assert blank_session.workshop.date == dt.date.today()
    assert date_edit.isEnabled()

    date_edit.setFocus()
    date_edit.setDate(QDate(2027, 5, 4))
    press_enter(date_edit)
    assert saved(db_path, blank_session.workshop_id).date == dt.date(2027, 5, 4)
    assert blank_session.undo_stack.undoText() == "Set workshop date to 4 May 2027"

    check.click()
    assert saved(db_path, blank_session.workshop_id).date is None
    assert blank_session.undo_stack.undoText() == "Clear workshop date"
    blank_session.undo_stack.undo()
    assert check.isChecked()
    assert date_edit.date() == QDate(2027, 5, 4)


def test_a_date_picked_in_the_calendar_is_saved(page, blank_session, db_path):
    page.form.hasDateCheck.click()
    calendar = page.form.dateEdit.calendarWidget()
    calendar.clicked.emit(QDate(2027, 6, 1))
    assert saved(db_path, blank_session.workshop_id).date == dt.date(2027, 6, 1)
    assert page.form.dateEdit.date() == QDate(2027, 6, 1)
    assert blank_session.undo_stack.undoText() == "Set workshop date to 1 June 2027"
    assert blank_session.undo_stack.count() == 2


# ----------------------------------------------------------------- people


def test_a_facilitator_types_three_people_without_touching_the_mouse(
    qtbot, page, blank_session, db_path
):
    view = page.participants_view
    page.add_person()
    team = [
        ("Ana Silva", "Sales", "Head of Sales"),
        ("Ben Okafor", "IT", "CIO"),
        ("Chloe Martin", "Customer", "Head of Care"),
    ]
    for row, (name, function, title) in enumerate(team):
        editor = wait_for_editor(qtbot, view, row, ParticipantsModel.NAME, QLineEdit)
        qtbot.keyClicks(editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        combo = wait_for_editor(qtbot, view, row, ParticipantsModel.FUNCTION, QComboBox)
        qtbot.keyClicks(combo, function)
        qtbot.keyClick(combo, Qt.Key.Key_Tab)
        editor = wait_for_editor(qtbot, view, row, ParticipantsModel.ROLE_TITLE, QLineEdit)
        qtbot.keyClicks(editor, title)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Enter on the last title opened the fourth row's name, ready for the next person.
    wait_for_editor(qtbot, view, 3, ParticipantsModel.NAME, QLineEdit)

    team_now = [
        ("Ana Silva", "Sales", "Head of Sales"),
        ("Ben Okafor", "IT", "CIO"),
        ("Chloe Martin", "Customer Service", "Head of Care"),
    ]
    for ws in (blank_session.workshop, saved(db_path, blank_session.workshop_id)):
        names = {f.id: f.name for f in ws.functions}
        typed = [(p.name, names.get(p.function_id or ""), p.role_title) for p in ws.participants]
        assert typed == team_now
    assert [p.name for p in blank_session.workshop.participants] == [t[0] for t in team_now]
    assert undo_texts(blank_session)[:3] == [
        "Add participant 'Ana Silva'",
        "Change Ana Silva's function to Sales",
        "Set Ana Silva's role title to 'Head of Sales'",
    ]
    assert blank_session.undo_stack.count() == 9
    assert page.people_count.text() == "3 people"


def test_enter_after_a_new_name_goes_straight_to_the_next_name(qtbot, page, blank_session):
    view = page.participants_view
    page.add_person()
    for row, name in enumerate(["Ana Silva", "Ben Okafor"]):
        editor = wait_for_editor(qtbot, view, row, ParticipantsModel.NAME, QLineEdit)
        qtbot.keyClicks(editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_for_editor(qtbot, view, 2, ParticipantsModel.NAME, QLineEdit)
    assert [p.name for p in blank_session.workshop.participants] == ["Ana Silva", "Ben Okafor"]


def test_tab_on_an_empty_new_row_leaves_the_table(qtbot, page, blank_session):
    page.add_person()
    editor = wait_for_editor(qtbot, page.participants_view, 0, 0, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.add_person_button)
    assert blank_session.workshop.participants == []
    assert blank_session.undo_stack.count() == 0


def test_a_person_moved_to_another_function_in_place(qtbot, demo_page, demo_session, db_path):
    view, model = demo_page.participants_view, demo_page.participants_model
    ws = demo_session.workshop
    lan = person_named(ws, "Nguyễn Thị Lan")
    cell = model.index(model.row_of(lan.id), ParticipantsModel.FUNCTION)
    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    combo = wait_for_editor(qtbot, view, cell.row(), cell.column(), QComboBox)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Operations"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_session.undo_stack.count() == 1)

    assert demo_session.undo_stack.undoText() == "Change Nguyễn Thị Lan's function to Operations"
    again = person_named(saved(db_path, demo_session.workshop_id), "Nguyễn Thị Lan")
    assert again.function_id == function_named(ws, "Operations").id
    assert model.data(cell) == "Operations"


def test_removing_someone_without_assignments_does_not_ask(qtbot, page, blank_session, monkeypatch):
    model = page.participants_model
    people_ops.add_participant(blank_session, "Ana Silva")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: pytest.fail("nothing to lose, nothing to ask")
    )
    page.participants_view.setFocus()
    page.participants_view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.participants_view, Qt.Key.Key_Delete)
    assert blank_session.workshop.participants == []
    assert blank_session.undo_stack.undoText() == "Remove participant 'Ana Silva'"


def test_removing_someone_with_assignments_asks_and_undo_brings_it_all_back(
    qtbot, demo_page, demo_session, db_path, monkeypatch
):
    asked: list[str] = []

    def answer_yes(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    ws = demo_session.workshop
    before = copy.deepcopy(contents(ws))
    amara = person_named(ws, "Amara Okonkwo")
    held = sum(1 for a in ws.assignments if a.assignee == Assignee.participant(amara.id))
    assert held > 0, "the demo gives its CEO assignments"
    model = demo_page.participants_model
    demo_page.participants_view.setFocus()
    demo_page.participants_view.setCurrentIndex(model.index(model.row_of(amara.id), 0))
    demo_page.remove_person_button.click()

    assert len(asked) == 1
    assert f"{held} assignment" in asked[0]
    assert all(p.name != "Amara Okonkwo" for p in saved(db_path, ws.id or 0).participants)
    demo_session.undo_stack.undo()
    assert contents(ws) == before
    assert contents(saved(db_path, demo_session.workshop_id)) == before


# ----------------------------------------------------------------- functions


def test_ticking_a_function_marks_it_customer_facing(qtbot, page, blank_session, db_path):
    view, model = page.functions_view, page.functions_model
    hr = function_named(blank_session.workshop, "HR")
    index = model.index(model.row_of(hr.id), 0)
    assert model.data(index, SUBTITLE_ROLE) == "Back office"

    # A click on the check box...
    rect = view.visualRect(index)
    box = view.itemDelegate().geometry(view_option(view, index), index).check
    assert box is not None and rect.contains(box.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert function_named(saved(db_path, blank_session.workshop_id), "HR").customer_facing
    assert blank_session.undo_stack.undoText() == "Mark HR as customer-facing"
    assert model.data(index, SUBTITLE_ROLE) == "Front office"
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    # ...and Space on the selected row, which puts it back.
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not function_named(saved(db_path, blank_session.workshop_id), "HR").customer_facing
    assert blank_session.undo_stack.undoText() == "Mark HR as back office"
    assert blank_session.undo_stack.count() == 2


def test_clicking_a_function_name_does_not_tick_it(qtbot, page, blank_session):
    view, model = page.functions_view, page.functions_model
    index = model.index(0, 0)
    text = view.itemDelegate().geometry(view_option(view, index), index).text
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text.center())
    assert blank_session.undo_stack.count() == 0


def test_renaming_a_function_in_place_renames_it_everywhere(
    qtbot, demo_page, demo_session, db_path
):
    view, model = demo_page.functions_view, demo_page.functions_model
    ws = demo_session.workshop
    it = function_named(ws, "IT")
    view.setFocus()
    view.setCurrentIndex(model.index(model.row_of(it.id), 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Technology")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_session.undo_stack.count() == 1)

    assert demo_session.undo_stack.undoText() == "Rename function 'IT' to 'Technology'"
    assert function_named(saved(db_path, demo_session.workshop_id), "Technology").id == it.id
    people = demo_page.participants_model
    lan = person_named(ws, "Nguyễn Thị Lan")
    assert people.data(people.index(people.row_of(lan.id), 1)) == "Technology"


def test_a_second_function_with_the_same_name_is_refused(qtbot, page, blank_session):
    model = page.functions_model
    with qtbot.waitSignal(blank_session.sig_error):
        assert not model.setData(model.index(0, 0), "marketing")
    assert model.data(model.index(0, 0)) == "Executive leadership"
    assert blank_session.undo_stack.count() == 0


def test_a_function_typed_into_the_entry_is_added(qtbot, page, blank_session, db_path):
    entry = page.function_entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Legal")
    qtbot.keyClick(entry, Qt.Key.Key_Return)

    legal = function_named(saved(db_path, blank_session.workshop_id), "Legal")
    assert entry.text() == ""
    assert blank_session.undo_stack.undoText() == "Add function 'Legal'"
    assert page.functions_view.current_function_id() == legal.id
    blank_session.undo_stack.undo()
    assert all(f.name != "Legal" for f in saved(db_path, blank_session.workshop_id).functions)


def test_a_function_is_recoloured_from_the_colour_dialog(page, blank_session, db_path, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    page.functions_view.setCurrentIndex(page.functions_model.index(1, 0))
    page.colour_button.click()
    assert function_named(saved(db_path, blank_session.workshop_id), "Marketing").colour == (
        "#123456"
    )
    assert blank_session.undo_stack.undoText() == "Change the colour of Marketing"


def test_dragging_a_function_moves_it_in_one_undo_step(page, blank_session, db_path):
    model = page.functions_model
    ws = blank_session.workshop
    order = [f.name for f in ws.functions]
    it_row = order.index("IT")
    data = model.mimeData([model.index(it_row, 0)])
    assert data.hasFormat(FUNCTION_MIME_TYPE)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())

    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())

    expected = ["IT", *[n for n in order if n != "IT"]]
    assert [f.name for f in saved(db_path, blank_session.workshop_id).functions] == expected
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == expected
    assert blank_session.undo_stack.undoText() == "Move function 'IT'"
    blank_session.undo_stack.undo()
    assert [f.name for f in saved(db_path, blank_session.workshop_id).functions] == order


def test_dropping_a_function_below_itself_moves_it_down(page, blank_session):
    model = page.functions_model
    data = model.mimeData([model.index(0, 0)])
    # Dropped between rows 3 and 4: it lands third once it has left its old place.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [f.name for f in blank_session.workshop.functions][:4] == [
        "Marketing",
        "Sales",
        "Executive leadership",
        "Customer Service",
    ]


def test_the_list_never_deletes_a_function_after_a_drag(page):
    # A view removes the source rows after a move unless the model refuses.
    assert not page.functions_model.removeRows(0, 1)
    assert page.functions_model.rowCount() == 10


def test_ctrl_arrows_move_the_selected_function(qtbot, page, blank_session, db_path):
    view, model = page.functions_view, page.functions_model
    sales = function_named(blank_session.workshop, "Sales")
    view.setFocus()
    view.setCurrentIndex(model.index(model.row_of(sales.id), 0))

    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [f.name for f in saved(db_path, blank_session.workshop_id).functions][:3] == [
        "Executive leadership",
        "Sales",
        "Marketing",
    ]
    assert view.current_function_id() == sales.id
    assert blank_session.undo_stack.undoText() == "Move function 'Sales' up"

    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [f.name for f in blank_session.workshop.functions][1:4] == [
        "Marketing",
        "Customer Service",
        "Sales",
    ]
    assert blank_session.undo_stack.count() == 3


def test_deleting_a_function_used_by_participants_asks_first_and_undo_restores_everything(
    qtbot, demo_page, demo_session, db_path, monkeypatch
):
    asked: list[tuple[str, str]] = []

    def answer_yes(parent, title, text, *rest):
        asked.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    ws = demo_session.workshop
    before = copy.deepcopy(contents(ws))
    marketing = function_named(ws, "Marketing")
    members = [p for p in ws.participants if p.function_id == marketing.id]
    held = [a for a in ws.assignments if a.assignee == Assignee.function(marketing.id)]
    assert members and held, "the demo's Marketing has people and assignments"

    view, model = demo_page.functions_view, demo_page.functions_model
    view.setFocus()
    view.setCurrentIndex(model.index(model.row_of(marketing.id), 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)

    assert len(asked) == 1
    title, text = asked[0]
    assert title == "Remove Marketing?"
    people = "participant" if len(members) == 1 else "participants"
    assert f"{len(members)} {people} losing their function" in text
    assert f"{len(held)} assignment" in text
    after = saved(db_path, demo_session.workshop_id)
    assert all(f.name != "Marketing" for f in after.functions)
    assert all(p.function_id != marketing.id for p in after.participants)
    assert all(a.assignee != Assignee.function(marketing.id) for a in after.assignments)
    assert demo_session.undo_stack.undoText() == "Remove function 'Marketing'"

    demo_session.undo_stack.undo()

    assert contents(ws) == before
    assert contents(saved(db_path, demo_session.workshop_id)) == before
    assert model.data(model.index(model.row_of(marketing.id), 0)) == "Marketing"


def test_answering_no_keeps_the_function_and_everything_on_it(
    qtbot, demo_page, demo_session, db_path, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    ws = demo_session.workshop
    before = copy.deepcopy(contents(ws))
    view, model = demo_page.functions_view, demo_page.functions_model
    view.setCurrentIndex(model.index(model.row_of(function_named(ws, "Marketing").id), 0))
    demo_page.remove_function_button.click()

    assert contents(ws) == before
    assert contents(saved(db_path, demo_session.workshop_id)) == before
    assert demo_session.undo_stack.count() == 0


def test_an_unused_function_goes_without_a_question(page, blank_session, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: pytest.fail("nothing to lose, nothing to ask")
    )
    page.functions_view.setCurrentIndex(page.functions_model.index(8, 0))
    page.remove_function_button.click()
    assert all(f.name != "HR" for f in blank_session.workshop.functions)
    assert blank_session.undo_stack.undoText() == "Remove function 'HR'"


def test_every_input_has_an_accessible_name(page):
    inputs = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isVisibleTo(page)
        # Qt's own parts of a composite input (a date edit's text) are named by their owner.
        and not widget.objectName().startswith("qt_")
    ]
    assert len(inputs) >= 15
    for widget in inputs:
        assert widget.accessibleName(), widget.objectName() or type(widget).__name__


def test_tab_order_follows_the_layout(page):
    expected = [
        page.form.titleEdit,
        page.form.organisationEdit,
        page.form.hasDateCheck,
        page.form.dateEdit,
        page.form.facilitatorEdit,
        page.form.sponsorNameEdit,
        page.form.sponsorTitleEdit,
        page.form.languageCombo,
        page.participants_view,
        page.add_person_button,
        page.remove_person_button,
        page.functions_view,
        page.function_entry,
        page.add_function_button,
        page.colour_button,
        page.remove_function_button,
    ]
    chain, widget = [], expected[0]
    for _ in expected:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget not in expected and widget is not expected[0]:
            widget = widget.nextInFocusChain()
    assert chain == expected


def test_an_edited_function_keeps_its_place_in_the_saved_list(page, blank_session, db_path):
    model = page.functions_model
    hr_row = model.row_of(function_named(blank_session.workshop, "HR").id)
    assert model.setData(
        model.index(hr_row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert [f.name for f in saved(db_path, blank_session.workshop_id).functions] == [
        f.name for f in blank_session.workshop.functions
    ]


def test_a_function_row_reads_check_box_then_colour_then_name(page):
    view, model = page.functions_view, page.functions_model
    index = model.index(0, 0)
    row = view.itemDelegate().geometry(view_option(view, index), index)
    assert row.check is not None and row.swatch is not None
    assert row.check.right() < row.swatch.left() < row.text.left()
    assert view.visualRect(index).contains(QPoint(row.check.center()))


# ----------------------------------------------------------------- on the screen


@pytest.fixture
def themed(qtbot):
    """The light theme at 100 %, as the main window dresses the app; undone afterwards."""
    app = QApplication.instance()
    sheet, palette = app.styleSheet(), app.palette()
    theme.apply(app, theme.ThemeName.LIGHT)
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)


def themed_page(qtbot, session, width: int, height: int) -> SetupPage:
    page = SetupPage()
    theme.mark_content(page)
    qtbot.addWidget(page)
    page.set_session(session)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    return page


def rows_in_view(view, rows: int, column: int = 0) -> int:
    """How many of the first ``rows`` rows the view shows whole."""
    area = view.viewport().rect()
    return sum(
        area.contains(view.visualRect(view.model().index(row, column))) for row in range(rows)
    )


def test_the_whole_room_fits_on_a_large_screen(qtbot, themed, demo_session):
    # The room a 1600×1000 window leaves below the workshop's title and step bar.
    page = themed_page(qtbot, demo_session, 1552, 740)
    ws = demo_session.workshop
    assert not page._scroll.verticalScrollBar().isVisible()
    assert rows_in_view(page.participants_view, len(ws.participants)) == len(ws.participants)
    assert rows_in_view(page.functions_view, len(ws.functions)) == len(ws.functions)


def test_a_laptop_screen_scrolls_the_lists_down_to_three_people(qtbot, themed, demo_session):
    # A 1366×768 laptop: less room than the lists want. They give up rows first, but
    # never show fewer than three people whole, however their names and titles wrap.
    page = themed_page(qtbot, demo_session, 1318, 520)
    assert rows_in_view(page.participants_view, 3) == 3
    assert page.participants_view.verticalScrollBar().isVisible()
    assert page.functions_view.verticalScrollBar().isVisible()
    for edit in (page.form.titleEdit, page.form.organisationEdit, page.form.sponsorTitleEdit):
        # Every detail still shows whole.
        needed = edit.fontMetrics().horizontalAdvance(edit.text())
        assert edit.cursorRect().height() and needed < edit.width() - 16


def test_a_cell_being_typed_in_is_as_large_as_the_table(qtbot, themed, demo_session):
    page = themed_page(qtbot, demo_session, 1552, 740)
    view = page.participants_view
    for column in (ParticipantsModel.NAME, ParticipantsModel.FUNCTION):
        index = page.participants_model.index(0, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) or QApplication.focusWidget()
        assert editor is not None and editor is not view
        assert editor.font().pointSizeF() == pytest.approx(view.font().pointSizeF())
        assert editor.font().pointSizeF() >= theme.BASE_POINT_SIZE
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
