"""The app's drags and text fields, and boards that scroll under a drag."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Role, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.accountability import Payload, make_mime
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.session import Session
from cxworkshop.gui.widgets.dragging import own_drag
from cxworkshop.storage.store import Store
from tests.helpers.accountability import add_goals_and_two_people, show_accountability
from tests.helpers.dragging import (
    BOTH,
    COPY,
    LEFT,
    MOVE,
    NO_KEYS,
    drag_to,
    drop_on,
    stand_in_for_the_pointer,
)
from tests.helpers.gui import function, goal_titled, reopened, roles_by_name

pytestmark = pytest.mark.desktop

R, C = Role.RESPONSIBLE, Role.CONSULTED
IGNORE = Qt.DropAction.IgnoreAction


@pytest.fixture
def page(qtbot, blank_session: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    session = add_goals_and_two_people(blank_session, ("Ben Okafor", "Head of marketing"))
    return show_accountability(qtbot, session, active=False)


def press_and_drag_chip(page: AccountabilityPage, goal_id: str, role: Role, who) -> None:  # type: ignore[no-untyped-def]
    """Press on a chip on the board and pull it past the drag distance, as a hand would."""
    zone = page.board.zone(goal_id, role)
    assert zone is not None
    chip = zone.chip_rect(who)
    assert chip is not None
    start = chip.center().toPoint()
    QTest.mousePress(zone, LEFT, NO_KEYS, start)
    QTest.mouseMove(zone, start + QPoint(QApplication.startDragDistance() + 8, 4))
    QTest.mouseRelease(zone, LEFT, NO_KEYS, start)


def middle_of(widget) -> QPoint:  # type: ignore[no-untyped-def]
    return widget.rect().center()


# ----------------------------------------------------------------- text fields


def test_a_chip_dropped_on_the_palette_filter_comes_off_its_goal(
    qtbot, page: AccountabilityPage, monkeypatch
):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    finance = function(session, "Finance")
    session.store.assign(session.workshop_id, churn.id, finance, C)
    page.refresh()
    field = page.palette_panel.filter
    answers: list[tuple[bool, object]] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        _enter, move = drag_to(field, mime, middle_of(field), actions)
        answers.append((move.isAccepted(), move.dropAction()))
        drop = drop_on(field, mime, middle_of(field), actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    press_and_drag_chip(page, churn.id, C, finance)

    assert answers == [(True, MOVE)], "over the filter box the palette takes the chip"
    assert field.text() == "", "no name is typed into the filter"
    assert roles_by_name(reopened(session), churn.id) == {}
    assert session.undo_stack.undoText() == "Take Finance off 'Lower monthly churn'"
    session.undo_stack.undo()
    assert roles_by_name(reopened(session), churn.id) == {"Finance": C}
    assert field.text() == ""


def test_a_palette_chip_over_the_filter_is_refused_and_types_nothing(
    qtbot, page: AccountabilityPage, monkeypatch
):
    session = page.session
    view = page.palette_panel.groups[0].view
    field = page.palette_panel.filter
    answers: list[bool] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        _enter, move = drag_to(field, mime, middle_of(field), actions)
        answers.append(move.isAccepted())
        drop = drop_on(field, mime, middle_of(field), actions)
        answers.append(drop.isAccepted())
        return COPY if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))

    assert answers == [False, False], "nothing to take off, and no text to type"
    assert field.text() == ""
    assert session.undo_stack.count() == 0


def test_plain_text_from_outside_still_drops_into_the_filter(page: AccountabilityPage):
    field = page.palette_panel.filter
    text = QMimeData()
    text.setText("Ana")
    _enter, move = drag_to(field, text, middle_of(field), COPY)
    assert move.isAccepted()
    assert drop_on(field, text, middle_of(field), COPY).isAccepted()
    assert field.text() == "Ana"


def typed_text(field: QWidget) -> str:
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText()
    assert isinstance(field, QLineEdit)
    return field.text()


def test_no_text_field_of_any_step_types_a_chips_name(qtbot, store: Store, tmp_path: Path):
    """A chip carries its name as text, for drops outside the app; no field inside types it."""
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    window.open_workshop(created.id)
    session = window.session
    assert session is not None
    ws = session.workshop
    marketing = function(session, "Marketing")
    chip = make_mime(Payload(ws.id or 0, marketing, ws.goals[0].id, R), "Marketing")
    seen, typed = 0, []
    for step in Step:
        window.go_to(step)
        page = window.workshop_view.pages[step]
        fields = [
            f
            for f in page.findChildren(QWidget)
            if isinstance(f, (QLineEdit, QPlainTextEdit, QTextEdit))
            and f.isVisible()
            and not f.isReadOnly()
        ]
        for field in fields:
            target = field.viewport() if isinstance(field, (QPlainTextEdit, QTextEdit)) else field
            before = typed_text(field)
            with own_drag(chip, BOTH):
                drag_to(target, chip, middle_of(target))
                drop_on(target, chip, middle_of(target))
            seen += 1
            if typed_text(field) != before:
                typed.append(f"{step.name}: {field.accessibleName() or field.objectName()}")
    assert seen >= 6, "the steps' fields were all tried"
    assert typed == []
