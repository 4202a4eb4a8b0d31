"""Starting next quarter's workshop from the app: after a review, from the reviews window
or the library, one undo step, and it opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit

from cxworkshop.domain import review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.reviews import ReviewModel
from cxworkshop.gui.next_quarter import NextWorkshopDialog
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
from tests.gui.test_reviews import choose, open_reviews, start_review, type_into
from tests.helpers.gui import make_active
from tests.helpers.next_quarter import check_carried_over


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    main = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    return main


def answer_next_dialog(qtbot, monkeypatch, *, title: str | None = None, on: dt.date | None = None):  # type: ignore[no-untyped-def]
    """Answer the next Start-the-next-workshop dialog by typing into it; what it showed."""
    seen: list[dict[str, str]] = []

    def exec_(dialog: NextWorkshopDialog) -> int:
        parent = dialog.parentWidget()
        shown = {
            "suggested": dialog.title_edit.text(),
            "over": parent.objectName() if parent else "",
        }
        if on is not None:
            dialog.date_edit.setFocus()
            dialog.date_edit.setDate(QDate(on.year, on.month, on.day))
            shown["after the date"] = dialog.title_edit.text()
        if title is not None:
            dialog.title_edit.setFocus()
            dialog.title_edit.selectAll()
            qtbot.keyClicks(dialog.title_edit, title)
        shown["summary"] = dialog.findChild(QLabel, "carried-over").text()
        seen.append(shown)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NextWorkshopDialog, "exec", exec_)
    return seen


@pytest.mark.desktop
def test_after_a_review_in_the_window_the_next_workshop_carries_over_what_the_room_kept(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    [summary] = store.list_workshops()
    window.open_workshop(summary.id)
    qtbot.waitUntil(lambda: window.session is not None)
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    start_review(qtbot, reviews, dt.date(2027, 9, 16))
    goals = session.workshop.goals
    type_into(qtbot, reviews, 0, ReviewModel.READING, "2.1%")
    type_into(qtbot, reviews, 1, ReviewModel.READING, "55 EUR")
    choose(qtbot, reviews, 2, ReviewModel.DECISION, "Drop")
    choose(qtbot, reviews, 3, ReviewModel.DECISION, "Change the target")
    type_into(qtbot, reviews, 3, ReviewModel.CHANGE, "1.5%")
    choose(qtbot, reviews, 5, ReviewModel.DECISION, "Change who is accountable")
    person = session.workshop.participants[4]
    choose(qtbot, reviews, 5, ReviewModel.CHANGE, person.name)

    seen = answer_next_dialog(qtbot, monkeypatch)
    qtbot.mouseClick(reviews.next_button, Qt.MouseButton.LeftButton)

    # The new workshop is open, named for the quarter of the review it follows.
    qtbot.waitUntil(lambda: window.session is not None and window.session is not session)
    opened = window.session
    assert opened is not None and opened.workshop_id != summary.id
    assert seen[0]["suggested"] == "Q3 2027 — Customer experience charter"
    assert seen[0]["over"] == "reviews"  # over the window it was asked from
    assert (
        "1 goal dropped, 1 goal given a new target, 1 goal given a new Accountable"
        in (seen[0]["summary"])
    )
    assert window.windowTitle().startswith("Q3 2027 — Customer experience charter")
    assert window.current_step() is Step.SETUP
    assert window.reviews_window is None

    with Store(store.path) as second:
        previous = second.workshop(summary.id)
        new = second.workshop(opened.workshop_id)
        assert (new.title, new.date) == (seen[0]["suggested"], dt.date(2027, 9, 16))
        check_carried_over(previous, new)
        assert [g.id for g in new.goals] == [g.id for g in goals if g.id != goals[2].id]
        assert new.goals[0].baseline == "2.1%" and new.goals[1].baseline == "55 EUR"
    # The old workshop is as it was: its review is still there.
    assert review.goal_review(previous.reviews[0], goals[0].id).reading == "2.1%"


def test_starting_the_next_workshop_is_one_step_the_library_undoes_and_redoes(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    [summary] = store.list_workshops()
    window.library_page.select(summary.id)
    answer_next_dialog(qtbot, monkeypatch, title="Autumn charter", on=dt.date(2027, 10, 4))
    window.library.next_action.trigger()
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session is not None
    new_id = window.session.workshop_id
    with Store(store.path) as second:
        new = second.workshop(new_id)
        assert (new.title, new.date, new.follows) == (
            "Autumn charter",
            dt.date(2027, 10, 4),
            summary.id,
        )
        check_carried_over(second.workshop(summary.id), new)

    window.show_library()
    window.undo_action.trigger()
    assert [s.id for s in Store(store.path).list_workshops()] == [summary.id]
    window.redo_action.trigger()
    with Store(store.path) as second:
        assert second.workshop(new_id).title == "Autumn charter"
        assert window.library_page.selected_id() == new_id


def test_the_suggested_title_follows_the_date_until_one_is_typed(qtbot, store: Store):
    ws = store.create_workshop(demo_workshop())
    dialog = NextWorkshopDialog(ws, dt.date(2027, 4, 2))
    qtbot.addWidget(dialog)
    edit = dialog.findChild(QLineEdit, "next-title")
    assert edit.text() == "Q2 2027 — Customer experience charter"
    dialog.date_edit.setDate(QDate(2027, 11, 30))
    assert edit.text() == "Q4 2027 — Customer experience charter"
    edit.selectAll()
    qtbot.keyClicks(edit, "Winter review")
    dialog.date_edit.setDate(QDate(2028, 2, 1))
    assert edit.text() == "Winter review"
    # A title the workshop refuses is explained in the dialog, which stays open.
    edit.setText("x" * 201)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "200" in dialog.problem.text() and not dialog.problem.isHidden()
    edit.clear()
    assert not dialog.ok_button.isEnabled()


def test_a_workshop_without_goals_is_refused_in_one_line(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    from cxworkshop.domain import editing

    empty = store.create_workshop(editing.new_workshop("Empty"))
    assert empty.id is not None
    window.library.refresh()
    assert window.library_page.select(empty.id)
    asked = answer_next_dialog(qtbot, monkeypatch)
    errors: list[str] = []
    window.library.sig_error.connect(errors.append)
    window.library.next_action.trigger()
    assert asked == []
    assert errors == ["That workshop has no goals to carry into a new one."]
    assert len(store.list_workshops()) == 2


@pytest.mark.desktop
def test_ctrl_shift_n_in_the_library_starts_the_next_workshop_from_the_selected_one(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    [summary] = store.list_workshops()
    window.library_page.select(summary.id)
    menu = window.library.context_menu()
    assert window.library.next_action in menu.actions()
    assert window.library.next_action in window.file_menu.actions()
    menu.deleteLater()
    make_active(qtbot, window)
    window.library_page.focus_table()
    answer_next_dialog(qtbot, monkeypatch, title="From the keyboard")
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session is not None
    assert window.session.workshop.title == "From the keyboard"
    assert window.session.workshop.follows == summary.id


def test_a_next_workshop_the_disk_refuses_is_said_in_one_line_and_leaves_no_trace(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    [summary] = store.list_workshops()
    before = store.workshop(summary.id)
    window.library_page.select(summary.id)
    # Half-way through writing the new workshop, as on a full disk.
    store.conn.executescript(
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON main.goals "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"
    )
    errors: list[str] = []
    window.library.sig_error.connect(errors.append)
    answer_next_dialog(qtbot, monkeypatch, title="Autumn charter")
    window.library.next_action.trigger()
    [message] = errors
    assert "\n" not in message and "full" in message
    assert window.session is None
    assert not window.library.undo_stack.canUndo()
    with Store(store.path) as second:
        assert [s.id for s in second.list_workshops()] == [summary.id]
        assert second.workshop(summary.id) == before
