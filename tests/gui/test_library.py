"""The start screen: finding, opening, adding, copying, renaming, deleting and moving workshops."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Status
from cxworkshop.gui.dialogs.new_workshop import NewWorkshopDialog
from cxworkshop.gui.library.actions import Library, deletion_warning, export_file_name
from cxworkshop.gui.models.library import LibraryModel, last_edited
from cxworkshop.gui.roles import WORKSHOP_ID_ROLE
from cxworkshop.storage import interchange

NOW = dt.datetime.now(dt.UTC)


def add(store, title, organisation="", *, edited=None, status=Status.DRAFT, **details):  # type: ignore[no-untyped-def]
    ws = editing.new_workshop(title, organisation=organisation, status=status, **details)
    ws.updated_at = edited
    created = store.create_workshop(ws)
    return created.id


def add_demo(store, *, edited=None):  # type: ignore[no-untyped-def]
    ws = demo_workshop()
    ws.updated_at = edited
    return store.create_workshop(ws).id


@pytest.fixture
def library(qtbot, store):  # type: ignore[no-untyped-def]
    lib = Library(store)
    qtbot.addWidget(lib.page)
    lib.page.resize(1400, 900)
    with qtbot.waitActive(lib.page):
        lib.page.show()
    lib.page.activateWindow()
    return lib


def shown_titles(library) -> list[str]:  # type: ignore[no-untyped-def]
    model = library.model
    return [model.index(r, LibraryModel.TITLE).data() for r in range(model.rowCount())]


def row_centre(table, row: int) -> QPoint:  # type: ignore[no-untyped-def]
    return table.visualRect(table.model().index(row, LibraryModel.TITLE)).center()


def button(library, text: str):  # type: ignore[no-untyped-def]
    for b in library.page.action_buttons:
        if b.text() == text:
            return b
    raise AssertionError(f"no button {text!r} in {[b.text() for b in library.page.action_buttons]}")


def fill_new_workshop_dialog(qtbot, monkeypatch, title, organisation="", *, blank=False):  # type: ignore[no-untyped-def]
    """Answer the next New workshop dialog by typing into it, as the facilitator would."""
    seen: list[NewWorkshopDialog] = []

    def exec_(dialog: NewWorkshopDialog) -> int:
        seen.append(dialog)
        qtbot.keyClicks(dialog.ui.titleEdit, title)
        qtbot.keyClicks(dialog.ui.organisationEdit, organisation)
        if blank:
            qtbot.mouseClick(dialog.ui.blankRadio, Qt.MouseButton.LeftButton)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewWorkshopDialog, "exec", exec_)
    return seen


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key; letters like ë arrive as a keyboard layout sends them."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            # QTest only simulates ASCII keys; a key event carrying the character
            # is what a keyboard with that letter delivers.
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )


def without_updated_at(ws):  # type: ignore[no-untyped-def]
    return dataclasses.replace(ws, updated_at=None)


# ----------------------------------------------------------------- the table


def test_library_model_passes_the_model_tester(qtmodeltester, store):
    add(store, "Spring CX workshop", "Acme Outdoor")
    add_demo(store)
    model = LibraryModel(store)
    qtmodeltester.check(model)
    model.set_search("acme")
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_rows_are_newest_first_with_words_for_status_and_counts_in_tooltips(store):
    old = add(
        store, "Last year's kick-off", "Fjordline Ferries", edited=NOW - dt.timedelta(days=400)
    )
    demo = add_demo(store, edited=NOW)
    running = add(
        store,
        "Service recovery charter",
        "Halcyon Health",
        edited=NOW - dt.timedelta(days=3),
        status=Status.RUNNING,
        date=dt.date(2026, 11, 3),
    )
    model = LibraryModel(store)
    assert [model.index(r, 0).data(WORKSHOP_ID_ROLE) for r in range(3)] == [
        demo,
        running,
        old,
    ]
    row = model.row_of(running)
    assert model.index(row, LibraryModel.DATE).data() == "3 Nov 2026"
    status = model.index(row, LibraryModel.STATUS).data()
    assert "Running" in status and status != "Running"  # a symbol beside the word
    tip = model.index(model.row_of(demo), LibraryModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "9 goals" in tip and "8 participants" in tip
    edited = model.index(model.row_of(demo), LibraryModel.EDITED).data()
    assert edited.startswith("Today ")


def test_last_edited_reads_today_yesterday_or_the_date():
    now = dt.datetime(2026, 11, 23, 15, 0).astimezone()
    assert last_edited(now.replace(hour=14, minute=5), now) == "Today 14:05"
    assert last_edited(now - dt.timedelta(days=1), now) == "Yesterday"
    assert last_edited(dt.datetime(2026, 11, 12, 9, 30).astimezone(), now) == "12 Nov 2026"
    assert last_edited(None, now) == ""


def test_typing_in_the_search_filters_as_you_type(qtbot, library, store):
    add(store, "Customer experience charter", "Northwind Outdoor Co.")
    add(store, "Board session", "ZOË'S ORGANIC BAKERIES")
    add(store, "Northern lights offsite", "Aurora Travel")
    library.refresh()
    qtbot.keyClicks(library.page.search, "north")
    assert sorted(shown_titles(library)) == [
        "Customer experience charter",
        "Northern lights offsite",
    ]
    library.page.search.clear()
    type_text(qtbot, library.page.search, "zoë")
    assert shown_titles(library) == ["Board session"]
    assert library.page.count_label.text() == "Showing 1 of 3 workshops"
    qtbot.keyClicks(library.page.search, " nothing")
    assert shown_titles(library) == []
    assert library.page.results.currentWidget() is library.page.no_match


# ----------------------------------------------------------------- opening


def test_enter_on_a_row_opens_that_workshop(qtbot, library, store):
    add(store, "Older workshop", edited=NOW - dt.timedelta(days=2))
    newest = add(store, "Newest workshop", edited=NOW)
    library.refresh()
    library.page.search.setFocus()
    qtbot.keyClick(library.page.search, Qt.Key.Key_Down)
    assert library.page.table.hasFocus()
    assert library.page.selected_id() == newest
    with qtbot.waitSignal(library.page.sig_open_requested) as opened:
        qtbot.keyClick(library.page.table, Qt.Key.Key_Return)
    assert opened.args == [newest]


def test_double_click_on_a_row_opens_that_workshop(qtbot, library, store):
    older = add(store, "Older workshop", edited=NOW - dt.timedelta(days=2))
    add(store, "Newest workshop", edited=NOW)
    library.refresh()
    table = library.page.table
    # The rows are on screen once the layout has run, before anyone can click them.
    qtbot.waitUntil(lambda: table.viewport().rect().contains(row_centre(table, 1)))
    with qtbot.waitSignal(library.page.sig_open_requested) as opened:
        # A real double-click arrives as a click, then a double-click event.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(table, 1))
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(table, 1))
    assert opened.args == [older]


def test_the_recent_list_opens_a_workshop_by_click_or_enter(qtbot, library, store):
    first = add(store, "Spring CX workshop")
    second = add(store, "Autumn CX workshop")
    gone = add(store, "Deleted meanwhile")
    store.delete_workshop(gone)
    library.page.set_recent([second, gone, first])
    recent = library.page.recent
    assert recent.ids() == [second, first]
    with qtbot.waitSignal(library.page.sig_open_requested) as opened:
        rect = recent.visualItemRect(recent.item(1))
        qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first]
    recent.setFocus()
    recent.setCurrentRow(0)
    with qtbot.waitSignal(library.page.sig_open_requested) as opened:
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert opened.args == [second]


def test_open_without_a_selection_goes_to_the_search(qtbot, library, store):
    add(store, "Spring CX workshop")
    library.refresh()
    library.page.table.setFocus()
    library.page.table.clearSelection()
    with qtbot.assertNotEmitted(library.page.sig_open_requested):
        library.open_action.trigger()
    assert library.page.search.hasFocus()


def test_ctrl_f_puts_the_keyboard_in_the_search(qtbot, library, store):
    add(store, "Spring CX workshop")
    library.refresh()
    library.page.focus_table()
    qtbot.keyClick(library.page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert library.page.search.hasFocus()


def test_tab_goes_from_search_to_table_to_actions_to_recent(qtbot, library, store):
    first = add(store, "Spring CX workshop")
    library.page.set_recent([first])
    library.page.select(first)  # so that no button is disabled, and so skipped
    library.page.search.setFocus()
    order: list[QWidget] = []
    for _ in range(2 + len(library.page.action_buttons)):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order.append(QApplication.focusWidget())
    page = library.page
    assert order == [page.search, page.table, *page.action_buttons, page.recent]


def test_search_table_recent_and_buttons_have_accessible_names(library):
    page = library.page
    assert page.search.accessibleName() == "Search workshops"
    assert page.search.placeholderText() == "Search workshops…"
    assert page.table.accessibleName() == "Workshops"
    assert page.recent.accessibleName() == "Recently opened workshops"
    assert all(b.accessibleName() for b in page.action_buttons)
    assert page.empty_new_button.accessibleName() == "New workshop"
    assert page.demo_button.accessibleName() == "Open the demo workshop"


# ----------------------------------------------------------------- the empty library


def test_an_empty_library_welcomes_with_new_and_demo_buttons(qtbot, library, store):
    page = library.page
    assert page.body.currentWidget() is page.empty_view
    assert page.empty_new_button.isVisible() and page.demo_button.isVisible()
    with qtbot.waitSignal(page.sig_open_requested) as opened:
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    demo = store.workshop(opened.args[0])
    assert demo.title == demo_workshop().title
    assert page.body.currentWidget() is page.library_view
    library.undo_stack.undo()
    assert store.list_workshops() == []
    assert page.body.currentWidget() is page.empty_view


# ----------------------------------------------------------------- new


def test_new_workshop_starts_with_the_usual_functions_principles_and_goals(
    qtbot, monkeypatch, library, store
):
    fill_new_workshop_dialog(qtbot, monkeypatch, "Spring CX workshop", "Acme Outdoor")
    with qtbot.waitSignal(library.page.sig_open_requested) as opened:
        qtbot.mouseClick(button(library, "New workshop…"), Qt.MouseButton.LeftButton)
    ws = store.workshop(opened.args[0])
    assert (ws.title, ws.organisation) == ("Spring CX workshop", "Acme Outdoor")
    assert len(ws.functions) == 10
    assert len(ws.principles) == 7
    assert len(ws.goals) == 11
    assert library.page.selected_id() == ws.id
    assert library.undo_stack.undoText() == "New workshop 'Spring CX workshop'"
    with qtbot.waitSignal(library.sig_workshop_deleted) as deleted:
        library.undo_stack.undo()
    assert deleted.args == [ws.id]
    assert store.list_workshops() == []


def test_a_blank_new_workshop_has_nothing_in_it(qtbot, monkeypatch, library, store):
    fill_new_workshop_dialog(qtbot, monkeypatch, "Blank slate", blank=True)
    library.new_action.trigger()
    [summary] = store.list_workshops()
    ws = store.workshop(summary.id)
    assert ws.title == "Blank slate"
    assert (ws.functions, ws.principles, ws.goals) == ([], [], [])


def test_cancelling_the_new_workshop_dialog_adds_nothing(monkeypatch, library, store):
    monkeypatch.setattr(NewWorkshopDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    library.new_action.trigger()
    assert store.list_workshops() == []
    assert library.undo_stack.count() == 0


def test_the_new_workshop_dialog_needs_a_title(qtbot):
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.titleEdit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.titleEdit, "Spring CX workshop")
    assert dialog.ok_button.isEnabled()
    assert dialog.ui.prefilledRadio.isChecked()
    choice = dialog.choice()
    assert choice.title == "Spring CX workshop" and choice.prefilled
    assert choice.date == dt.date.today()


def test_the_new_workshop_dialog_explains_a_title_that_is_too_long(qtbot):
    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    dialog.ui.titleEdit.setText("x" * 300)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "limit" in dialog.ui.problemLabel.text()


# ----------------------------------------------------------------- duplicate, rename, delete


def test_actions_on_a_workshop_wait_for_a_selection(library, store):
    workshop = add(store, "Spring CX workshop")
    library.refresh()
    library.page.table.clearSelection()
    needs_one = [
        library.duplicate_action,
        library.rename_action,
        library.delete_action,
        library.export_action,
    ]
    assert not any(a.isEnabled() for a in needs_one)
    assert library.new_action.isEnabled() and library.import_action.isEnabled()
    library.page.select(workshop)
    assert all(a.isEnabled() for a in needs_one)


def test_duplicate_makes_a_copy_for_a_rerun_and_undo_removes_it(qtbot, library, store):
    demo = add_demo(store)
    library.refresh()
    library.page.select(demo)
    qtbot.mouseClick(button(library, "Duplicate"), Qt.MouseButton.LeftButton)
    assert len(store.list_workshops()) == 2
    copy = store.workshop(library.page.selected_id())
    assert copy.id != demo
    assert copy.title == "Customer experience charter 2027 (copy)"
    assert len(copy.goals) == 9 and copy.rounds == [] and copy.status == Status.DRAFT
    library.undo_stack.undo()
    assert [s.id for s in store.list_workshops()] == [demo]


def test_rename_asks_with_the_old_title_and_undo_restores_it(qtbot, monkeypatch, library, store):
    workshop = add(store, "Spring CX workshop")
    library.refresh()
    library.page.select(workshop)
    asked = []

    def get_text(parent, title, label, echo, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Spring CX workshop, day 2", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    library.page.table.setFocus()
    qtbot.keyClick(library.page.table, Qt.Key.Key_F2)
    assert asked == ["Spring CX workshop"]
    assert store.workshop(workshop).title == "Spring CX workshop, day 2"
    assert shown_titles(library) == ["Spring CX workshop, day 2"]
    assert (
        library.undo_stack.undoText()
        == "Rename workshop 'Spring CX workshop' to 'Spring CX workshop, day 2'"
    )
    library.undo_stack.undo()
    assert store.workshop(workshop).title == "Spring CX workshop"
    assert shown_titles(library) == ["Spring CX workshop"]


def test_renaming_to_nothing_is_refused_in_one_sentence(qtbot, monkeypatch, library, store):
    workshop = add(store, "Spring CX workshop")
    library.refresh()
    library.page.select(workshop)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a: ("   ", True)))
    with qtbot.waitSignal(library.sig_error) as error:
        library.rename_action.trigger()
    assert error.args[0] == "Workshop title cannot be empty."
    assert store.workshop(workshop).title == "Spring CX workshop"
    assert library.undo_stack.count() == 0


def test_delete_asks_naming_what_is_lost_and_no_keeps_it(qtbot, monkeypatch, library, store):
    demo = add_demo(store)
    library.refresh()
    library.page.select(demo)
    questions = []

    def answer_no(parent, title, text, buttons, default):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_no))
    library.page.table.setFocus()
    qtbot.keyClick(library.page.table, Qt.Key.Key_Delete)
    assert questions == [
        "Delete 'Customer experience charter 2027'? Its 9 goals, 8 participants, "
        "assignments and votes will be deleted. You can undo this."
    ]
    assert [s.id for s in store.list_workshops()] == [demo]
    assert library.undo_stack.count() == 0


def test_delete_with_yes_removes_it_and_undo_restores_it_exactly(
    qtbot, monkeypatch, library, store
):
    demo = add_demo(store)
    other = add(store, "Spring CX workshop", edited=NOW - dt.timedelta(days=400))
    library.refresh()
    before = without_updated_at(store.workshop(demo))
    library.page.select(demo)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(library.sig_workshop_deleted) as deleted:
        qtbot.mouseClick(button(library, "Delete…"), Qt.MouseButton.LeftButton)
    assert deleted.args == [demo]
    assert [s.id for s in store.list_workshops()] == [other]
    assert library.page.selected_id() == other  # the neighbour, ready for the next key
    assert library.undo_stack.undoText() == "Delete workshop 'Customer experience charter 2027'"
    library.undo_stack.undo()
    store._cache.clear()  # compare what is in the file, not what is in memory
    assert without_updated_at(store.workshop(demo)) == before
    assert library.page.selected_id() == demo
    library.undo_stack.redo()
    assert [s.id for s in store.list_workshops()] == [other]


def test_the_delete_question_for_an_empty_workshop_says_only_that_it_can_be_undone(store):
    ws = editing.new_workshop("Blank slate")
    assert deletion_warning(ws) == "Delete 'Blank slate'? You can undo this."


# ----------------------------------------------------------------- import and export


def test_importing_a_good_file_selects_the_workshop_and_undo_removes_it(
    qtbot, monkeypatch, library, store, tmp_path
):
    add(store, "Spring CX workshop")
    library.refresh()
    source = tmp_path / "northwind.json"
    interchange.write(demo_workshop(), source)
    asked = []

    def get_open_file_name(parent, caption, folder, filter):  # type: ignore[no-untyped-def]
        asked.append(filter)
        return str(source), filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    with qtbot.assertNotEmitted(library.page.sig_open_requested):
        library.import_action.trigger()
    assert asked == ["CX Workshop JSON (*.json)"]
    assert len(store.list_workshops()) == 2
    imported = store.workshop(library.page.selected_id())
    assert imported.title == "Customer experience charter 2027"
    assert len(imported.goals) == 9
    assert library.undo_stack.undoText() == "Import workshop 'Customer experience charter 2027'"
    library.undo_stack.undo()
    assert [s.title for s in store.list_workshops()] == ["Spring CX workshop"]


def test_importing_a_malformed_file_lists_every_problem_and_adds_nothing(
    qtbot, monkeypatch, library, store, tmp_path
):
    add(store, "Spring CX workshop")
    library.refresh()
    bad = tmp_path / "broken.json"
    document = json.loads(interchange.dumps(demo_workshop()))
    document["workshop"]["title"] = ""
    document["workshop"]["goals"][0]["pillar"] = "grow"
    document["workshop"]["colour"] = "teal"
    bad.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(bad), "CX Workshop JSON"))
    )
    shown = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.icon(), box.text(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    library.import_action.trigger()
    [(icon, text, details)] = shown
    assert icon == QMessageBox.Icon.Warning
    with pytest.raises(interchange.ImportProblems) as problems:
        interchange.read(bad)
    assert text == problems.value.summary()
    assert "\n" not in text
    paths = [p.path for p in problems.value.problems]
    assert len(paths) >= 3
    assert all(path in details for path in paths)
    assert len(store.list_workshops()) == 1
    assert library.undo_stack.count() == 0


def test_export_writes_a_file_that_reads_back_the_same(
    qtbot, monkeypatch, library, store, tmp_path
):
    demo = add_demo(store)
    library.refresh()
    library.page.select(demo)
    target = tmp_path / "charter"
    suggested = []

    def get_save_file_name(parent, caption, path, filter):  # type: ignore[no-untyped-def]
        suggested.append(Path(path).name)
        return str(target), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    with qtbot.waitSignal(library.sig_status):
        qtbot.keyClick(
            library.page.table,
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert suggested == ["Customer experience charter 2027.json"]
    assert interchange.read(tmp_path / "charter.json") == store.workshop(demo)


def test_without_a_documents_folder_exports_start_at_home(qtbot, monkeypatch, store, tmp_path):
    from PySide6.QtCore import QStandardPaths

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    real = QStandardPaths.writableLocation

    def writable_location(location):  # type: ignore[no-untyped-def]
        if location == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(home / "Documents")  # named by the desktop, never made
        return real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable_location))
    lib = Library(store)
    qtbot.addWidget(lib.page)
    workshop = add(store, "Spring CX workshop")
    lib.refresh()
    lib.page.select(workshop)
    offered = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda p, c, path, f: offered.append(path) or ("", "")),
    )
    assert not lib.export_workshop()
    assert [Path(path).parent for path in offered] == [home]


def test_export_to_an_unwritable_place_says_why_in_one_sentence(
    monkeypatch, library, store, tmp_path
):
    workshop = add(store, "Spring CX workshop")
    library.refresh()
    library.page.select(workshop)
    nowhere = tmp_path / "no such folder" / "spring.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(nowhere), "JSON"))
    )
    warnings = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: warnings.append(text)),
    )
    library.export_action.trigger()
    [text] = warnings
    assert text.startswith("'Spring CX workshop' could not be saved to ")
    assert text.endswith("no such file or directory.")
    assert "\n" not in text
    assert not nowhere.exists()


def test_export_file_names_leave_out_what_file_systems_refuse():
    assert export_file_name("Q3: who owns CX?") == "Q3- who owns CX.json"
    assert export_file_name("///") == "Workshop.json"


# ----------------------------------------------------------------- status


def status_cell(library, workshop_id: int) -> str:  # type: ignore[no-untyped-def]
    model = library.model
    row = model.keys().index(workshop_id)
    return str(model.index(row, LibraryModel.STATUS).data())


def saved_status(store, workshop_id: int) -> Status:  # type: ignore[no-untyped-def]
    """The status as a fresh open of the file reads it."""
    from cxworkshop.storage.store import Store

    with Store(store.path) as fresh:
        return fresh.workshop(workshop_id).status


def status_action(menu, status: Status):  # type: ignore[no-untyped-def]
    """The action for ``status`` in the menu's Status submenu."""
    submenu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert submenu.title().replace("&", "") == "Status"
    return next(a for a in submenu.actions() if a.text().replace("&", "").endswith(status.label))


def test_the_status_is_set_by_hand_from_the_workshops_menu_and_undo_restores_it(library, store):
    workshop = add(store, "Spring CX workshop")
    other = add(store, "Autumn CX workshop", status=Status.DONE)
    library.refresh()
    library.page.select(workshop)
    assert status_cell(library, workshop) == "○ Draft"
    menu = library.context_menu()
    assert status_action(menu, Status.DRAFT).isChecked()

    status_action(menu, Status.RUNNING).trigger()
    assert saved_status(store, workshop) is Status.RUNNING
    assert saved_status(store, other) is Status.DONE
    assert status_cell(library, workshop) == "◐ Running"
    assert library.undo_stack.undoText() == "Mark workshop 'Spring CX workshop' as Running"
    assert status_action(library.context_menu(), Status.RUNNING).isChecked()

    library.undo_stack.undo()
    assert saved_status(store, workshop) is Status.DRAFT
    assert status_cell(library, workshop) == "○ Draft"
    library.undo_stack.redo()
    assert saved_status(store, workshop) is Status.RUNNING


def test_a_done_workshop_can_be_moved_back(library, store):
    workshop = add(store, "Spring CX workshop", status=Status.DONE)
    library.refresh()
    library.page.select(workshop)
    status_action(library.context_menu(), Status.RUNNING).trigger()
    assert saved_status(store, workshop) is Status.RUNNING
    assert library.undo_stack.undoText() == ("Move workshop 'Spring CX workshop' back to Running")


@pytest.mark.desktop
# Offscreen, a popup cannot raise itself or take the keyboard; on a desktop it does.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_right_click_on_a_workshop_selects_it_and_offers_its_status(qtbot, library, store):
    from PySide6.QtGui import QContextMenuEvent

    first = add(store, "Spring CX workshop", edited=NOW)
    second = add(store, "Autumn CX workshop", edited=NOW - dt.timedelta(days=1))
    library.refresh()
    library.page.select(first)
    table = library.page.table
    rect = table.visualRect(library.model.index(library.model.keys().index(second), 0))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), table.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert library.page.selected_id() == second
    status_action(menu, Status.DONE).trigger()
    menu.close()
    assert saved_status(store, second) is Status.DONE
    assert saved_status(store, first) is Status.DRAFT


@pytest.mark.desktop
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_menu_key_opens_the_selected_workshops_menu(qtbot, library, store):
    from PySide6.QtGui import QContextMenuEvent

    first = add(store, "Spring CX workshop", edited=NOW)
    second = add(store, "Autumn CX workshop", edited=NOW - dt.timedelta(days=1))
    library.refresh()
    library.page.select(second)
    table = library.page.table
    table.setFocus()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, table.rect().center(), table.mapToGlobal(QPoint())
    )
    QApplication.sendEvent(table, event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert library.page.selected_id() == second
    status_action(menu, Status.RUNNING).trigger()
    menu.close()
    assert saved_status(store, second) is Status.RUNNING
    assert saved_status(store, first) is Status.DRAFT


# ----------------------------------------------------------------- changes made elsewhere


def another_process(*argv: str) -> None:
    """Run the command line, as someone at a terminal would while the app is open."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "cxworkshop.cli", *argv],
        check=True,
        capture_output=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )


def test_the_shown_library_lists_workshops_the_command_line_adds(qtbot, library, store):
    add(store, "Charter 2027")
    library.refresh()
    another_process("--db", str(store.path), "demo")
    qtbot.waitUntil(lambda: len(shown_titles(library)) == 2, timeout=5000)
    assert demo_workshop().title in shown_titles(library)
    assert library.page.count_label.text() == "2 workshops"


def test_the_shown_library_follows_renames_and_deletions_made_elsewhere(qtbot, library, store):
    kept = add(store, "Charter 2027")
    gone = add(store, "Old charter")
    library.refresh()
    with type(store)(store.path) as elsewhere:
        elsewhere.rename_workshop(kept, "Charter 2028")
        elsewhere.delete_workshop(gone)
    qtbot.waitUntil(lambda: shown_titles(library) == ["Charter 2028"], timeout=5000)


def test_a_hidden_library_does_not_look_until_it_is_shown_again(qtbot, library, store):
    add(store, "Charter 2027")
    library.refresh()
    library.page.hide()
    with type(store)(store.path) as elsewhere:
        elsewhere.create_workshop(editing.new_workshop("Added while hidden"))
    qtbot.wait(1500)
    assert shown_titles(library) == ["Charter 2027"], "no reading while out of sight"
    library.page.show()
    qtbot.waitUntil(lambda: "Added while hidden" in shown_titles(library), timeout=5000)


def test_a_library_that_cannot_be_read_again_stops_looking_instead_of_failing_each_second(
    qtbot, library, store, monkeypatch
):
    from cxworkshop.storage.errors import DamagedDatabase

    add(store, "Charter 2027")
    library.refresh()

    def damaged(*_a, **_k):  # type: ignore[no-untyped-def]
        raise DamagedDatabase(f"{store.path} is damaged: the list cannot be read.")

    monkeypatch.setattr(store, "list_workshops", damaged)
    with type(store)(store.path) as elsewhere:
        elsewhere.create_workshop(editing.new_workshop("Added elsewhere"))
    # What the timer runs each second: it must neither raise nor keep trying.
    library.page._look_for_changes_elsewhere()
    assert not library.page._watch.isActive()
    assert shown_titles(library) == ["Charter 2027"]
