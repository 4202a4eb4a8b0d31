"""Progress reviews in the window: start one, type readings, choose statuses and decisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFileDialog

from cxworkshop.domain import review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Assignee, ReviewDecision, ReviewStatus
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.reviews import ReviewModel
from cxworkshop.gui.options import Options
from cxworkshop.gui.reviews import ReviewsWindow
from cxworkshop.storage.store import Store
from tests.helpers.gui import make_active, reopened


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    main = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    main.open_workshop(ws.id)
    qtbot.waitUntil(lambda: main.session is not None)
    return main


def open_reviews(qtbot, window: MainWindow) -> ReviewsWindow:  # type: ignore[no-untyped-def]
    window.reviews_action.trigger()
    reviews = window.reviews_window
    assert reviews is not None
    qtbot.waitExposed(reviews)
    make_active(qtbot, reviews)
    return reviews


def start_review(qtbot, reviews: ReviewsWindow, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    reviews.new_date.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(reviews.new_button, Qt.MouseButton.LeftButton)


def type_into(qtbot, reviews: ReviewsWindow, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table = reviews.table
    table.setCurrentIndex(reviews.model.index(row, column))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    assert editor is not table, "no editor opened"
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits what was typed once the key press is done (a queued call).
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def choose(qtbot, reviews: ReviewsWindow, row: int, column: int, label: str) -> None:  # type: ignore[no-untyped-def]
    table = reviews.table
    table.setCurrentIndex(reviews.model.index(row, column))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.focusWidget()
    assert isinstance(combo, QComboBox), combo
    at = combo.findText(label)
    assert at >= 0, f"no choice {label!r}"
    combo.setCurrentIndex(at)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


@pytest.mark.desktop
def test_a_review_recorded_in_the_window_survives_quit_and_reopen(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
):
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    qtmodel = reviews.model
    assert reviews.status.text().startswith("No review yet")
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    goals = session.workshop.goals
    type_into(qtbot, reviews, 0, ReviewModel.READING, "2.1%")
    choose(qtbot, reviews, 0, ReviewModel.STATUS, "✓ On track")
    type_into(qtbot, reviews, 0, ReviewModel.NOTE, "Checkout redesign shipped in May.")
    choose(qtbot, reviews, 3, ReviewModel.DECISION, "Change who is accountable")
    person = session.workshop.participants[2]
    choose(qtbot, reviews, 3, ReviewModel.CHANGE, person.name)
    choose(qtbot, reviews, 6, ReviewModel.DECISION, "Change the target")
    type_into(qtbot, reviews, 6, ReviewModel.CHANGE, "40")
    choose(qtbot, reviews, 2, ReviewModel.STATUS, "✗ Off track")
    type_into(qtbot, reviews, 2, ReviewModel.NOTE, "No budget for the referral scheme.")
    choose(qtbot, reviews, 2, ReviewModel.DECISION, "Drop")

    assert qtmodel.index(0, ReviewModel.PROGRESS).data() == "38%"
    saved = reopened(session)
    [held] = saved.reviews
    assert held.held_on == dt.date(2027, 6, 17)
    first = review.goal_review(held, goals[0].id)
    assert (first.reading, first.status, first.note) == (
        "2.1%",
        ReviewStatus.ON_TRACK,
        "Checkout redesign shipped in May.",
    )
    churn = review.goal_review(held, goals[3].id)
    assert (churn.decision, churn.new_accountable) == (
        ReviewDecision.REASSIGN,
        Assignee.participant(person.id),
    )
    nps = review.goal_review(held, goals[6].id)
    assert (nps.decision, nps.new_target) == (ReviewDecision.RETARGET, "40")
    referral = review.goal_review(held, goals[2].id)
    assert (referral.status, referral.note, referral.decision) == (
        ReviewStatus.OFF_TRACK,
        "No budget for the referral scheme.",
        ReviewDecision.DROP,
    )
    # Every field of every goal, as the window holds it, is what the file holds.
    assert saved.reviews == session.workshop.reviews

    # Quit and reopen: the same review, read by a fresh store, shows the same rows.
    def table(model: ReviewModel) -> list[list[str]]:
        return [
            [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    shown = table(qtmodel)
    reviews.close()
    window.close()
    with Store(store.path) as again:
        second = MainWindow(again, Options(tmp_path / "settings.ini"))
        qtbot.addWidget(second)
        second.show()
        assert session.workshop_id is not None
        second.open_workshop(session.workshop_id)
        qtbot.waitUntil(lambda: second.session is not None)
        shown_again = open_reviews(qtbot, second)
        qtbot.addWidget(shown_again)
        model = shown_again.model
        assert table(model) == shown
        assert again.workshop(session.workshop_id).reviews == saved.reviews
        second.close()


@pytest.mark.desktop
def test_every_review_edit_is_undone_with_ctrl_z_in_the_reviews_window(qtbot, window: MainWindow):
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    goal = session.workshop.goals[1]
    type_into(qtbot, reviews, 1, ReviewModel.READING, "55 EUR")
    assert review.goal_review(reopened(session).reviews[0], goal.id).reading == "55 EUR"
    reviews.table.setFocus()
    qtbot.keyClick(reviews.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.goal_review(reopened(session).reviews[0], goal.id).reading == ""
    qtbot.keyClick(reviews.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert review.goal_review(reopened(session).reviews[0], goal.id).reading == "55 EUR"
    # Undo past the reading takes back the review itself.
    qtbot.keyClick(reviews.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reviews.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reopened(session).reviews == []
    assert not reviews.table.isEnabled()


def test_removing_a_review_is_one_undo_step(qtbot, window: MainWindow):
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    start_review(qtbot, reviews, dt.date(2027, 9, 16))
    assert reviews.picker.currentText() == "16 September 2027"
    type_into(qtbot, reviews, 0, ReviewModel.READING, "2.4%")
    qtbot.mouseClick(reviews.remove_button, Qt.MouseButton.LeftButton)
    assert [r.held_on for r in reopened(session).reviews] == [dt.date(2027, 6, 17)]
    assert reviews.picker.count() == 1
    session.undo_stack.undo()
    again = reopened(session).reviews
    assert [r.held_on for r in again] == [dt.date(2027, 6, 17), dt.date(2027, 9, 16)]
    assert review.goal_review(again[1], session.workshop.goals[0].id).reading == "2.4%"


def test_a_bad_reading_is_refused_in_one_line_and_nothing_changes(qtbot, window: MainWindow):
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    before = reopened(session).reviews
    reviews.model.setData(reviews.model.index(0, ReviewModel.READING), "x" * 201)
    assert reviews.error_line.isVisible()
    assert "the limit is 200" in reviews.error_line.text()
    assert reopened(session).reviews == before


def test_the_review_model_is_a_sound_item_model(qtbot, qtmodeltester, window: MainWindow):
    session = window.session
    assert session is not None
    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    qtmodeltester.check(reviews.model)


def test_the_progress_report_is_exported_from_the_reviews_window(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from pypdf import PdfReader

    reviews = open_reviews(qtbot, window)
    qtbot.addWidget(reviews)
    start_review(qtbot, reviews, dt.date(2027, 6, 17))
    type_into(qtbot, reviews, 0, ReviewModel.READING, "2.1%")
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(reviews.report_button, Qt.MouseButton.LeftButton)
    assert reviews.status.text() == f"Saved the progress report to {target}."
    first = PdfReader(target).pages[0].extract_text()
    assert "Progress report" in first and "2.1%" in first
