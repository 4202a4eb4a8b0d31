"""On a small screen the page scrolls to whatever the keyboard is on.

At 1280×720 the Set up page shows about one row of its people table: typing a
list of people, each Enter opens the next person's name below the fold, and
the page must scroll to it rather than leave the typing out of sight.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step, Workshop
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store

pytestmark = pytest.mark.desktop


def small_window(qtbot, tmp_path: Path, ws: Workshop) -> Iterator[MainWindow]:
    store = Store(tmp_path / "workshops.sqlite3")
    created = store.create_workshop(ws)
    assert created.id is not None
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.open_workshop(created.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()
    store.close()


@pytest.fixture
def blank_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    ws = editing.new_workshop("Spring CX workshop", organisation="Acme Outdoor")
    ws.functions = default_functions()
    yield from small_window(qtbot, tmp_path, ws)


@pytest.fixture
def demo_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    yield from small_window(qtbot, tmp_path, demo_workshop())


def scroll_area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None, "the page scrolls"
    return parent


def in_view(widget: QWidget, rect: QRect) -> bool:
    """Whether ``rect`` (in ``widget``'s coordinates) shows whole in its page's scrolling view."""
    viewport = scroll_area_of(widget).viewport()
    shown = QRect(widget.mapTo(viewport, rect.topLeft()), rect.size())
    return viewport.rect().contains(shown)


def focus_in_view() -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and in_view(focus, focus.rect())


def cell_in_view(view) -> bool:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.currentIndex())
    return in_view(view.viewport(), rect)


def test_typing_people_in_keeps_the_next_person_in_view(qtbot, blank_window: MainWindow):
    window = blank_window
    page = window.workshop_view.pages[Step.SETUP]
    table = page.participants_view  # type: ignore[attr-defined]
    area = scroll_area_of(table)
    assert area.verticalScrollBar().maximum() > 0, "at 1280×720 the page scrolls"
    # A new workshop opens on Set up with the keyboard in the people table.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.waitUntil(lambda: table.currentIndex().row() == 0)
    QTest.keyClicks(table, "A")
    people = [
        ("Alice Archer", "Customer Service", "Head of Service"),
        ("Bilal Haddad", "Sales", "Sales Director"),
        ("Chen Wei", "Marketing", "Brand Lead"),
    ]

    def editing(row: int, column: int) -> QWidget:
        def ready() -> None:
            assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)
            focus = QApplication.focusWidget()
            assert focus is not table and table.isAncestorOf(focus)

        qtbot.waitUntil(ready)
        editor = QApplication.focusWidget()
        while editor.parentWidget() is not table.viewport():
            editor = editor.parentWidget()
        return editor

    for row, (name, function, title) in enumerate(people):
        QTest.keyClicks(editing(row, 0), name[1:] if row == 0 else name)
        QTest.keyClick(editing(row, 0), Qt.Key.Key_Tab)
        QTest.keyClicks(editing(row, 1), function)
        QTest.keyClick(editing(row, 1), Qt.Key.Key_Tab)
        QTest.keyClicks(editing(row, 2), title)
        QTest.keyClick(editing(row, 2), Qt.Key.Key_Return)
        editing(row + 1, 0)
        # The next person's name, open for typing, is in sight.
        qtbot.waitUntil(lambda: focus_in_view(), timeout=1000)
    ws = window.session.workshop  # type: ignore[union-attr]
    saved = [(p.name, p.role_title) for p in ws.participants]
    assert saved == [(name, title) for name, _f, title in people]


@pytest.mark.slow
def test_moving_through_the_functions_brings_the_current_one_into_view(
    qtbot, blank_window: MainWindow
):
    window = blank_window
    page = window.workshop_view.pages[Step.SETUP]
    view = page.functions_view  # type: ignore[attr-defined]
    area = scroll_area_of(view)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # Zoomed in for the room to read, the page scrolls a long way.
    for _ in range(3):
        window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > area.viewport().height() // 2)
    last = view.model().index(view.model().rowCount() - 1, 0)
    view.scrollTo(last)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(last).center())
    qtbot.waitUntil(lambda: view.currentIndex() == last)
    # The page scrolled back up with the wheel or the scroll bar.
    bar = area.verticalScrollBar()
    bar.setValue(bar.minimum())
    QTest.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.currentIndex().row() == last.row() - 1)
    qtbot.waitUntil(lambda: cell_in_view(view), timeout=1000)
    bar.setValue(bar.maximum())
    QTest.keyClick(view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: view.currentIndex().row() == 0)
    qtbot.waitUntil(lambda: cell_in_view(view), timeout=1000)


def test_a_next_step_opened_for_editing_is_in_view(qtbot, demo_window: MainWindow):
    window = demo_window
    window.go_to(Step.CHARTER)
    page = window.workshop_view.pages[Step.CHARTER]
    view = page.commitments_view  # type: ignore[attr-defined]
    area = scroll_area_of(view)
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    assert view.model().rowCount() > 1
    first = view.model().index(0, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center()
    )
    qtbot.waitUntil(lambda: view.currentIndex() == first)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "at 1280×720 the charter page scrolls"
    # The page scrolled on to what follows, the table's first row out of sight.
    bar.setValue(bar.maximum())
    QTest.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    qtbot.waitUntil(lambda: focus_in_view(), timeout=1000)


def test_tab_from_a_goals_due_date_lands_only_on_controls_that_show_it(
    qtbot, demo_window: MainWindow
):
    """After a goal's last field, each Tab stop is a control the user can see has the keyboard."""
    window = demo_window
    window.go_to(Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    goal = window.session.workshop.goals[0]  # type: ignore[union-attr]
    page.select_goal(goal.id, focus=True)  # type: ignore[attr-defined]
    card_list = QApplication.focusWidget()
    assert isinstance(card_list, QAbstractItemView)
    # Enter on a card edits it: the keyboard goes to its title.
    QTest.keyClick(card_list, Qt.Key.Key_Return)
    due = page.panel.fields["due"]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.panel.fields["title"].hasFocus())  # type: ignore[attr-defined]
    # Tab down the goal's fields to its due date.
    while QApplication.focusWidget() is not due:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert page.panel.isAncestorOf(QApplication.focusWidget())  # type: ignore[attr-defined]
    next_button = window.workshop_view.next_button
    stops = []
    while QApplication.focusWidget() is not next_button and len(stops) < 6:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        stops.append(focus)
        assert isinstance(focus, (QAbstractButton, QLineEdit, QAbstractItemView)), (
            f"Tab stopped on a {type(focus).__name__} that shows no focus"
        )
        assert focus.isVisible() and not focus.visibleRegion().isEmpty()
    assert stops[-1] is next_button, "Tab from Due reaches the next step's button"
