"""A workshop opens with only its step's page built; the others come when they are first shown.

A page built late must look and behave as though it had been there all
along: it shows the edits made before it existed, its selections reach the
audience screen, undo and redo on it select the goal they changed, and the
Tab order runs from its last control on to Back and Next.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QListView, QTableView

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Goal, Pillar, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.pages.goals import GoalsPage
from cxworkshop.storage.store import Store
from tests.helpers.gui import make_active, reopened


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_at(window: MainWindow, store: Store, step: Step, goals: int = 0) -> int:
    ws = demo_workshop()
    ws.goals += [Goal(Pillar.WIN, f"Extra goal {n + 1}") for n in range(goals)]
    ws.current_step = step
    created = store.create_workshop(ws)
    assert created.id is not None
    window.open_workshop(created.id)
    return created.id


def press(qtbot, window: MainWindow, keys: str) -> None:  # type: ignore[no-untyped-def]
    combo = QKeySequence(keys)[0]
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


def test_a_workshop_opens_with_only_its_steps_page_built_and_the_next_comes_when_shown(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.GOALS)
    view = window.workshop_view
    assert set(view.pages.built()) == {Step.GOALS}
    assert view.stack.currentWidget() is view.pages.built()[Step.GOALS]
    press(qtbot, window, "Alt+Right")
    assert window.current_step() is Step.ACCOUNTABILITY
    assert set(view.pages.built()) == {Step.GOALS, Step.ACCOUNTABILITY}
    assert view.stack.currentWidget() is view.pages.built()[Step.ACCOUNTABILITY]


def test_a_page_built_late_shows_what_was_typed_before_and_undo_there_selects_the_goal(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.GOALS)
    goals = window.workshop_view.pages[Step.GOALS]
    assert isinstance(goals, GoalsPage)
    entry = goals.columns[Pillar.KEEP].entry
    make_active(qtbot, window)
    entry.setFocus()
    QTest.keyClicks(entry, "Answer every complaint within a day")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    session = window.session
    assert session is not None
    added = next(g for g in reopened(session).goals if g.title.startswith("Answer every"))
    assert Step.ACCOUNTABILITY not in window.workshop_view.pages.built()

    press(qtbot, window, "Alt+Right")
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    assert added.id in page.board.pillars, "the goal typed before the page existed is on it"
    assert page.board.ordered_goals() == [
        g.id for pillar in Pillar for g in session.workshop.goals if g.pillar is pillar
    ]

    # Its selection reaches the room, as the pages built at the start did.
    page.board.select_goal(added.id)
    assert window.room.selected_goal == added.id
    page.board.select_goal(page.board.ordered_goals()[0])
    assert window.room.selected_goal != added.id

    # Undo here takes the goal off the board; redo brings it back, selected.
    press(qtbot, window, "Ctrl+Z")
    assert added.id not in page.board.pillars
    assert all(g.id != added.id for g in reopened(session).goals)
    press(qtbot, window, "Ctrl+Shift+Z")
    assert added.id in page.board.pillars
    assert page.board.selected_goal == added.id
    assert window.room.selected_goal == added.id


def test_a_hidden_page_built_earlier_catches_up_on_edits_made_elsewhere(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.ACCOUNTABILITY)
    press(qtbot, window, "Alt+Left")
    goals = window.workshop_view.pages[Step.GOALS]
    assert isinstance(goals, GoalsPage)
    session = window.session
    assert session is not None
    goal = session.workshop.goals[0]
    goals.select_goal(goal.id)
    title = goals.panel.fields["title"]
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Make every first visit effortless")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert editing.goal(reopened(session), goal.id).title == "Make every first visit effortless"
    press(qtbot, window, "Alt+Right")
    board = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(board, AccountabilityPage)
    card = board.board.card(goal.id)
    assert card is not None and card.title.text() == "Make every first visit effortless"


def test_a_card_far_down_a_long_column_grows_when_its_title_does(
    qtbot, window: MainWindow, store: Store
):
    # The cards' sizes are remembered by their text: a longer title is measured anew.
    open_at(window, store, Step.GOALS, goals=120)
    goals = window.workshop_view.pages[Step.GOALS]
    assert isinstance(goals, GoalsPage)
    session = window.session
    assert session is not None
    column = goals.columns[Pillar.WIN]
    view: QListView = column.list
    last = column.model.index(column.model.rowCount() - 1, 0)
    goal_id = [g.id for g in session.workshop.goals if g.pillar is Pillar.WIN][-1]
    assert not view.viewport().rect().intersects(view.visualRect(last)), "out of sight at first"
    goals.select_goal(goal_id, focus=True)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)))
    before = view.visualRect(last).height()
    QTest.keyClick(view, Qt.Key.Key_Return)
    title = goals.panel.fields["title"]
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    longer = "Extra goal 120: " + "every customer hears back the same day, whatever they asked " * 3
    QTest.keyClicks(title, longer)
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert editing.goal(reopened(session), goal_id).title == longer.strip()
    qtbot.waitUntil(lambda: view.visualRect(last).height() > before)
    # And it is still the card a click on it selects.
    goals.select_goal(None)
    rect = view.visualRect(last)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert goals.selected_goal_id() == goal_id
    assert goals.panel.fields["title"].text() == longer.strip()


def test_a_long_column_is_measured_once_at_open_and_a_short_one_keeps_its_full_width(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.GOALS, goals=120)
    goals = window.workshop_view.pages[Step.GOALS]
    assert isinstance(goals, GoalsPage)
    win = goals.columns[Pillar.WIN].list
    qtbot.waitUntil(lambda: win.viewport().width() > 0)
    qtbot.wait(50)
    # The long column shows its scroll bar from the start, so its cards are laid out
    # at one width only, not first as wide as the column and then again narrower.
    assert win.verticalScrollBar().isVisible()
    measured: dict[str, set[int]] = {}
    for width, _font, title, *_ in win.itemDelegate()._sizes:
        measured.setdefault(title, set()).add(width)
    assert all(len(measured[f"Extra goal {n + 1}"]) == 1 for n in range(120))
    # A short column shows its scroll bar only when its cards need one.
    keep = goals.columns[Pillar.KEEP].list
    assert keep.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    first = keep.model().index(0, 0)
    assert keep.visualRect(first).width() == keep.viewport().width()


def test_what_an_open_workshop_holds_is_set_aside_from_the_collector_until_it_closes(
    qtbot, window: MainWindow, store: Store
):
    gc.unfreeze()
    open_at(window, store, Step.ACCOUNTABILITY)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    window.show_library()
    assert gc.get_freeze_count() == 0


def test_the_collector_waits_while_a_workshop_opens_and_runs_once_it_is_on_screen(
    qtbot, window: MainWindow, store: Store
):
    gc.unfreeze()
    ws = demo_workshop()
    ws.goals += [Goal(Pillar.WIN, f"Extra goal {n + 1}") for n in range(60)]
    ws.current_step = Step.ACCOUNTABILITY
    created = store.create_workshop(ws)
    assert created.id is not None
    collections: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(note)
    try:
        window.open_workshop(created.id)
        # Everything opening made (pages, models, cards) was made without a collection.
        assert not gc.isenabled() and collections == []
        qtbot.waitUntil(gc.isenabled)
        assert gc.get_freeze_count() > 0, "on screen: what it holds is set aside"
        # A workshop that cannot be opened lets the collector go at once.
        window.show_library()
        window.open_workshop(10_000)
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(note)
        gc.enable()


def test_the_collector_waits_too_while_a_workshop_opens_from_another_open_one(
    qtbot, window: MainWindow, store: Store
):
    # File > Open Recent with a workshop open: the old one closes inside the opening.
    first = open_at(window, store, Step.ACCOUNTABILITY, goals=10)
    qtbot.waitUntil(gc.isenabled)
    second = open_at(window, store, Step.GOALS, goals=10)
    try:
        assert window.session is not None and window.session.workshop_id == second != first
        assert not gc.isenabled(), "opened without a collection, as from the library"
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable()


def test_the_phones_panel_is_made_when_phones_are_first_turned_on(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.GOALS)
    assert window.findChild(QDockWidget, "phones") is None, "no phones, no panel"
    goals = window.workshop_view.pages[Step.GOALS]
    assert isinstance(goals, GoalsPage)
    assert goals.phones_button.isEnabled() and not goals.phones_button.isChecked()
    try:
        QTest.mouseClick(goals.phones_button, Qt.MouseButton.LeftButton)
        assert window.phones.is_on
        dock = window.findChild(QDockWidget, "phones")
        assert dock is not None and dock.isVisible()
        assert goals.phones_button.isChecked() and goals.phones_button.text() == "Phones on"
    finally:
        window.phones.turn_off()
    assert not goals.phones_button.isChecked()


def test_the_matrix_is_built_when_first_shown_in_the_zoomed_font_with_every_goal(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    assert page.findChild(QTableView, "raci_matrix") is None, "the board is what shows first"
    window.zoom_by(2)
    make_active(qtbot, window)
    page.board.setFocus()
    press(qtbot, window, "Ctrl+M")
    matrix = page.findChild(QTableView, "raci_matrix")
    assert matrix is not None and matrix.isVisible() and matrix.hasFocus()
    session = window.session
    assert session is not None
    assert matrix.model().rowCount() == len(session.workshop.goals)
    # Built after the zoom reached the page, it still takes the page's content font.
    assert matrix.font().pointSizeF() == page.board.font().pointSizeF()
    assert matrix.horizontalHeader().font().pointSizeF() == page.board.font().pointSizeF()
    press(qtbot, window, "Ctrl+M")
    assert page.board.hasFocus() and not matrix.isVisible()


def test_the_coverage_table_comes_with_the_first_checks_in_the_zoomed_font(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    assert page.findChild(QTableView, "coverage") is None, "the first frame goes without it"
    window.zoom_by(2)
    qtbot.waitUntil(lambda: page.findChild(QTableView, "coverage") is not None)
    QTest.mouseClick(page.checks.coverage_button, Qt.MouseButton.LeftButton)
    table = page.findChild(QTableView, "coverage")
    assert table is not None and table.isVisible()
    session = window.session
    assert session is not None
    assert table.model().rowCount() == len(session.workshop.functions)
    assert table.font().pointSizeF() == page.checks.findings.font().pointSizeF()
    summary = page.findChild(QLabel, "coverage_summary")
    assert summary is not None and summary.isVisible() and summary.text()
    assert summary.font().pointSizeF() == page.checks.all_clear.font().pointSizeF()


@pytest.mark.desktop
def test_tab_reaches_the_matrix_and_the_coverage_table_where_it_always_did(
    qtbot, window: MainWindow, store: Store
):
    open_at(window, store, Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    make_active(qtbot, window)

    # The coverage table comes after the findings: between the board and the switch above it.
    QTest.mouseClick(page.checks.coverage_button, Qt.MouseButton.LeftButton)
    page.board.setFocus()
    qtbot.waitUntil(page.board.hasFocus)
    for _ in range(3):
        press(qtbot, window, "Tab")
        if not page.board.isAncestorOf(QApplication.focusWidget()):
            break
    assert page.checks.coverage.hasFocus()
    press(qtbot, window, "Tab")
    assert page.board_button.hasFocus()

    # The matrix takes the board's place: Tab goes on from it to the checks, and back.
    QTest.mouseClick(page.matrix_button, Qt.MouseButton.LeftButton)
    assert page.matrix.hasFocus()
    press(qtbot, window, "Tab")
    assert page.checks.coverage.hasFocus()
    press(qtbot, window, "Shift+Tab")
    assert page.matrix.hasFocus()
