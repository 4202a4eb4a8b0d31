"""What changed between two workshops, in a window: open it, pick the workshops, read the
rows, save them as a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Goal, Pillar, ReviewDecision
from cxworkshop.gui.changes import CHOOSE, ChangesWindow
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.changes import KIND_ROLE, ChangesModel
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
from tests.helpers.gui import make_active


@pytest.fixture
def linked(store: Store) -> dict[str, object]:
    """The demo after a June review (one goal dropped, one retargeted, one reassigned),
    the next quarter's workshop started from it, and a goal added there."""
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    goals = ws.goals
    june = store.add_review(ws.id, dt.date(2027, 6, 17))
    new_accountable = editing.accountable(ws, goals[0].id)
    assert new_accountable is not None
    store.record_review(ws.id, june.id, goals[2].id, decision=ReviewDecision.DROP)
    store.record_review(
        ws.id, june.id, goals[3].id, decision=ReviewDecision.RETARGET, new_target="1.5%"
    )
    store.record_review(
        ws.id,
        june.id,
        goals[5].id,
        decision=ReviewDecision.REASSIGN,
        new_accountable=new_accountable,
    )
    new = store.create_next_workshop(ws.id, "Q3 2027 — Customer experience charter")
    assert new.id is not None
    store.add_goal(new.id, Goal(Pillar.KEEP, "Answer every complaint within a day"))
    return {
        "before": ws.id,
        "after": new.id,
        "dropped": goals[2].title,
        "retargeted": (goals[3].title, goals[3].target),
        "reassigned": (
            goals[5].title,
            editing.assignee_name(ws, editing.accountable(ws, goals[5].id)),  # type: ignore[arg-type]
            editing.assignee_name(ws, new_accountable),
        ),
    }


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, linked) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    main.open_workshop(linked["after"])
    qtbot.waitUntil(lambda: main.session is not None)
    return main


def rows(model: ChangesModel) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def open_changes(qtbot, window: MainWindow) -> ChangesWindow:  # type: ignore[no-untyped-def]
    window.changes_action.trigger()
    changes = window.changes_window
    assert changes is not None
    qtbot.waitExposed(changes)
    return changes


def test_the_next_workshop_is_compared_with_the_one_it_carries_on_from(
    qtbot, window: MainWindow, linked
):
    changes = open_changes(qtbot, window)
    assert changes.before_picker.currentData() == linked["before"]
    assert changes.after_picker.currentData() == linked["after"]
    title, target = linked["retargeted"]
    goal, was, now = linked["reassigned"]
    assert rows(changes.model) == [
        ("+ Goal added", "Answer every complaint within a day", "–", "on the charter"),
        ("− Goal dropped", linked["dropped"], "on the charter", "–"),
        ("✎ New target", title, target, "1.5%"),
        ("▲ Became Accountable", goal, "–", now),
        ("▽ No longer Accountable", goal, was, "–"),
    ]
    assert changes.summary.text() == (
        "1 goal added, 1 goal dropped, 1 measure changed, 2 changes in who answers."
    )
    assert changes.note.text() == "Priorities not compared: the later one has not voted yet."


def test_any_two_workshops_can_be_picked_and_swapped(
    qtbot, window: MainWindow, store: Store, linked
):
    other = store.duplicate_workshop(linked["before"], "Re-run for the shops")
    assert other.id is not None
    store.remove_goal(other.id, other.goals[0].id)
    changes = open_changes(qtbot, window)
    make_active(qtbot, changes)
    # Pick the re-run as the earlier one, from the keyboard, as the facilitator would.
    picker = changes.before_picker
    picker.setFocus()
    target = picker.findText("Re-run for the shops", Qt.MatchFlag.MatchStartsWith)
    assert target > 0
    while picker.currentIndex() != target:
        key = Qt.Key.Key_Down if picker.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(picker, key)
    first_goal = store.workshop(linked["before"]).goals[0].title
    shown = rows(changes.model)
    # The re-run lacks the first goal, which the later workshop still has.
    assert ("+ Goal added", first_goal, "–", "on the charter") in shown
    assert changes.windowTitle() == (
        "What changed · Re-run for the shops → Q3 2027 — Customer experience charter"
    )

    qtbot.mouseClick(changes.swap_button, Qt.MouseButton.LeftButton)
    assert changes.before_picker.currentData() == linked["after"]
    assert changes.after_picker.currentData() == other.id
    assert ("− Goal dropped", first_goal, "on the charter", "–") in rows(changes.model)

    changes.choose(None, linked["after"])
    assert changes.before_picker.currentText() == CHOOSE
    assert changes.model.rowCount() == 0
    assert not changes.export_button.isEnabled()
    assert "choose one to compare it with" in changes.summary.text()


def test_an_edit_in_the_open_workshop_shows_at_once(qtbot, window: MainWindow, linked):
    changes = open_changes(qtbot, window)
    session = window.session
    assert session is not None
    added = next(g for g in session.workshop.goals if g.title.startswith("Answer every"))
    session.edit(
        "Remove the new goal",
        lambda: session.store.remove_goal(session.workshop_id, added.id),
        lambda removal: session.store.restore(session.workshop_id, removal),
    )
    assert [r[0] for r in rows(changes.model)].count("+ Goal added") == 0
    session.undo_stack.undo()
    assert [r[0] for r in rows(changes.model)].count("+ Goal added") == 1


def test_what_changed_is_exported_as_a_pdf_read_back_row_by_row(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from pypdf import PdfReader

    changes = open_changes(qtbot, window)
    target = tmp_path / "what changed.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(changes.export_button, Qt.MouseButton.LeftButton)
    assert changes.status.text() == f"Saved what changed to {target}."
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "What changed" in text
    for label, goal, before, after in rows(changes.model):
        for cell in (label, goal, before, after):
            assert " ".join(cell.split()) in text, cell
    assert changes.note.text() in text


@pytest.mark.parametrize("typed", ["for the spreadsheet.csv", "for the spreadsheet"])
def test_what_changed_is_exported_as_csv_for_a_spreadsheet(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
):
    import csv

    from cxworkshop.gui.changes import CSV_FILTER

    changes = open_changes(qtbot, window)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / typed), CSV_FILTER)),
    )
    qtbot.mouseClick(changes.export_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "for the spreadsheet.csv"
    assert changes.status.text() == f"Saved what changed to {target}."
    with target.open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.reader(f))
    assert written == [["Change", "Goal", "Before", "After"], *map(list, rows(changes.model))]


def test_an_export_over_the_workshop_file_is_refused_in_one_line(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    changes = open_changes(qtbot, window)
    before = store.path.read_bytes()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(store.path), ""))
    )
    qtbot.mouseClick(changes.export_button, Qt.MouseButton.LeftButton)
    message = changes.status.text()
    assert message and "\n" not in message and "Traceback" not in message
    assert not message.startswith("Saved")
    assert store.path.read_bytes() == before


def test_the_changes_model_is_a_sound_item_model(qtbot, qtmodeltester, window: MainWindow):
    changes = open_changes(qtbot, window)
    assert changes.model.rowCount() > 0
    qtmodeltester.check(changes.model)
    kinds = {changes.model.index(r, 0).data(KIND_ROLE) for r in range(changes.model.rowCount())}
    assert kinds == {"added", "dropped", "measure", "became", "stopped"}
    # Words for a screen reader, without the symbol.
    assert changes.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Change: Goal added"
    )


@pytest.mark.desktop
def test_ctrl_shift_c_opens_what_changed_from_the_workshop_and_from_the_library(
    qtbot, window: MainWindow, linked
):
    make_active(qtbot, window)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.changes_window is not None)
    assert window.changes_window is not None
    qtbot.waitExposed(window.changes_window)
    assert window.changes_window.after_picker.currentData() == linked["after"]
    window.changes_window.close()

    # In the library it compares the selected workshop with what followed it.
    window.show_library()
    window.library_page.select(linked["before"])
    make_active(qtbot, window)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.changes_window is not None and window.changes_window.isVisible())
    shown = window.changes_window
    assert shown is not None
    assert (shown.before_picker.currentData(), shown.after_picker.currentData()) == (
        linked["before"],
        linked["after"],
    )
