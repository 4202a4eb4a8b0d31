"""The app's drags and text fields, and boards that scroll under a drag."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QGuiApplication, QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Goal, Pillar, Role, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.accountability.payload import Payload, make_mime
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.pages.goals import GoalListView
from cxworkshop.gui.session import Session
from cxworkshop.gui.widgets.dragging import own_drag
from cxworkshop.gui.widgets.raci_board import DropZone
from cxworkshop.storage.store import Store
from tests.helpers import builders
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
from tests.helpers.gui import function, goal_titled, make_active, reopened, roles_by_name

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


@pytest.mark.parametrize("where", ["filter box", "heading", "hint"])
def test_a_chip_dropped_anywhere_on_the_palette_comes_off_its_goal(
    qtbot, page: AccountabilityPage, monkeypatch, where: str
):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    finance = function(session, "Finance")
    session.store.assign(session.workshop_id, churn.id, finance, C)
    page.refresh()
    palette = page.palette_panel
    field = {
        "filter box": palette.filter,
        "heading": palette.groups[0].heading,
        "hint": palette.hint,
    }[where]
    answers: list[tuple[bool, object]] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        _enter, move = drag_to(field, mime, middle_of(field), actions)
        answers.append((move.isAccepted(), move.dropAction()))
        drop = drop_on(field, mime, middle_of(field), actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    press_and_drag_chip(page, churn.id, C, finance)

    assert answers == [(True, MOVE)], f"over the {where} the palette takes the chip"
    assert palette.filter.text() == "", "no name is typed into the filter"
    assert roles_by_name(reopened(session), churn.id) == {}
    assert session.undo_stack.undoText() == "Take Finance off 'Lower monthly churn'"
    session.undo_stack.undo()
    assert roles_by_name(reopened(session), churn.id) == {"Finance": C}
    assert palette.filter.text() == ""


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


# ----------------------------------------------------------------- scrolling under a drag


def accountability_window(qtbot, store: Store, tmp_path: Path, workshop_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window at 1280 x 720 on the Accountability step of a workshop."""
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.open_workshop(workshop_id)
    window.go_to(Step.ACCOUNTABILITY)
    return window


def thirty_goals(store: Store) -> int:
    ws = editing.new_workshop("Thirty goals", organisation="Acme Outdoor")
    ws.functions = default_functions()
    ws.goals = [
        Goal(pillar, f"{pillar.label} goal {n + 1}") for pillar in Pillar for n in range(10)
    ]
    created = store.create_workshop(ws)
    assert created.id is not None
    return created.id


def in_view(board, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    """Whether all of ``widget`` shows in the board's viewport."""
    top_left = widget.mapTo(board.viewport(), QPoint(0, 0))
    return board.viewport().rect().contains(QRect(top_left, widget.size()))


def goal_in_view(board, goal_id: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether all of the goal's place on the board (its card, built or not) shows in its view."""
    place = board.place(goal_id)
    assert place is not None, "the goal is on the board"
    top_left = board.canvas.mapTo(board.viewport(), place.topLeft())
    return board.viewport().rect().contains(QRect(top_left, place.size()))


def send_to_window(widget: QWidget, kind, pos: QPoint, mime: QMimeData, actions):  # type: ignore[no-untyped-def]
    """A drag event at ``pos`` in ``widget``, given to its window as the platform gives it."""
    top = widget.window()
    at = widget.mapTo(top, pos)
    if kind is QDropEvent:
        event = QDropEvent(QPointF(at), actions, mime, LEFT, NO_KEYS)
    else:
        event = kind(at, actions, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(top.windowHandle(), event)
    return event


@pytest.mark.slow
@pytest.mark.parametrize("workshop", ["demo", "thirty goals"])
def test_a_chip_held_near_the_boards_bottom_edge_scrolls_to_the_goals_below(
    qtbot, store: Store, tmp_path: Path, monkeypatch, workshop: str
):
    wid = store.create_workshop(demo_workshop()).id if workshop == "demo" else thirty_goals(store)
    assert wid is not None
    window = accountability_window(qtbot, store, tmp_path, wid)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    session = page.session
    board = page.board
    bar = board.verticalScrollBar()
    last = board.ordered_goals()[-1]
    qtbot.waitUntil(lambda: bar.maximum() > 0 and board.place(last).height() > 100)
    assert bar.value() == 0 and not goal_in_view(board, last), "the last goal starts out of view"
    if workshop == "thirty goals":
        assert last not in board.cards, "a card far out of view is not built yet"
    values: list[int] = []
    bar.valueChanged.connect(values.append)
    view = page.palette_panel.groups[1].view  # back office
    index = view.model().index(0, 0)
    name = index.data()
    edge = QPoint(board.viewport().width() // 2, board.viewport().height() - 3)

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        send_to_window(board.viewport(), QDragMoveEvent, edge, mime, actions)
        qtbot.waitUntil(lambda: bar.value() > 0)
        # Off the board, over the palette: the board stops.
        palette = page.palette_panel
        send_to_window(palette, QDragMoveEvent, middle_of(palette), mime, actions)
        assert not board.edge_scroller.is_scrolling()
        stopped = bar.value()
        qtbot.wait(60)
        assert bar.value() == stopped
        # Back at the edge, it goes on until the last goal shows.
        send_to_window(board.viewport(), QDragMoveEvent, edge, mime, actions)
        qtbot.waitUntil(lambda: goal_in_view(board, last), timeout=15000)
        assert board.edge_scroller.is_scrolling() or bar.value() == bar.maximum()
        assert last in board.cards, "scrolled into view during the drag, the card was built"
        zone = board.zone(last, R)
        assert zone is not None
        assert zone.effect is not None, "built during the drag, it shows where the chip may go"
        send_to_window(zone, QDragMoveEvent, middle_of(zone), mime, actions)
        assert zone.hovered
        drop = send_to_window(zone, QDropEvent, middle_of(zone), mime, actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))

    assert len(values) >= 5, "the board scrolled in steps, not in one jump"
    assert values == sorted(values) and values[-1] > values[0]
    assert roles_by_name(reopened(session), last)[name] is R
    assert not board.edge_scroller.is_scrolling(), "the drag ended: the board stands still"
    settled = bar.value()
    qtbot.wait(50)
    assert bar.value() == settled


def zone_under(board, pos: QPoint):  # type: ignore[no-untyped-def]
    """The drop zone at ``pos`` in the board's viewport, if any."""
    widget = board.viewport().childAt(pos)
    while widget is not None and not isinstance(widget, DropZone):
        widget = widget.parentWidget()
    return widget


def wheel_at(widget: QWidget, pos: QPoint, notches: int) -> None:
    """Turn the wheel ``notches`` towards the user at ``pos`` in ``widget``, given to its window."""
    top = widget.window()
    local = QPointF(widget.mapTo(top, pos))
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(pos)),
        QPoint(),
        QPoint(0, -120 * notches),
        LEFT,
        NO_KEYS,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(top.windowHandle(), event)


def test_the_wheel_scrolls_the_board_during_a_drag_and_the_drop_lands_under_the_pointer(
    qtbot, store: Store, tmp_path: Path, monkeypatch
):
    window = accountability_window(qtbot, store, tmp_path, thirty_goals(store))
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    session = page.session
    board = page.board
    bar = board.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(0, 0)
    name = index.data()
    spot = board.viewport().rect().center()
    under: list[DropZone] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        send_to_window(board.viewport(), QDragMoveEvent, spot, mime, actions)
        first = zone_under(board, spot)
        assert first is not None and first.hovered
        now = first
        for _turn in range(40):
            # A notch at a time, until another goal's zone is under the pointer.
            before = bar.value()
            wheel_at(board.viewport(), spot, 1)
            assert bar.value() > before, "the wheel scrolls the board under the chip"
            now = zone_under(board, spot)
            if now is not None and now.goal_id != first.goal_id:
                break
        assert now is not None and now.goal_id != first.goal_id
        assert now.hovered and not first.hovered
        under[:] = [first, now]
        drop = send_to_window(board.viewport(), QDropEvent, spot, mime, actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))

    first, now = under
    stored = reopened(session)
    assert roles_by_name(stored, now.goal_id) == {name: now.role}
    assert roles_by_name(stored, first.goal_id) == {}


# ----------------------------------------------------------------- a real pointer on X11


def real_pointer() -> None:
    """Skip unless a real X server takes the pointer (xcb, with xdotool to move it)."""
    if QGuiApplication.platformName() != "xcb" or shutil.which("xdotool") is None:
        pytest.skip("needs a real X server and xdotool to drive the platform's drag loop")


def move_the_pointer(qtbot, steps: list[tuple[str, ...]], ask) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Drive the real pointer through ``steps`` while the app runs (and drags).

    ``("ask", label)`` notes what ``ask[label]()`` answers at that moment, on the
    GUI thread; ``("moveto", label)`` moves the pointer to the point it answered.
    """
    done = threading.Event()
    asked: list[str] = []
    answers: dict[str, object] = {}

    def run() -> None:
        try:
            for step in steps:
                if step[0] == "wait":
                    time.sleep(float(step[1]))
                elif step[0] == "ask":
                    asked.append(step[1])
                    while step[1] not in answers:
                        time.sleep(0.01)
                elif step[0] == "moveto":
                    point = answers[step[1]]
                    if not isinstance(point, QPoint):
                        continue
                    command = ("mousemove", str(point.x()), str(point.y()))
                    subprocess.run(["xdotool", *command], check=True, timeout=10)
                else:
                    subprocess.run(["xdotool", *step], check=True, timeout=10)
                    time.sleep(0.05)
        finally:
            done.set()

    def answer() -> None:
        # On the GUI thread, inside the drag's own loop while it runs; a question
        # that fails still lets the pointer finish (and the drag end).
        while asked:
            label = asked.pop(0)
            try:
                answers[label] = ask[label]()
            except Exception as exc:
                answers[label] = exc

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(10)
    threading.Thread(target=run, daemon=True).start()
    qtbot.waitUntil(done.is_set, timeout=30000)
    timer.stop()
    for value in answers.values():
        if isinstance(value, Exception):
            raise value
    return answers


def drag_path(start: QPoint, end: QPoint, count: int = 10) -> list[tuple[str, ...]]:
    """Press at ``start`` and move to ``end`` in small steps, as a hand does."""
    steps: list[tuple[str, ...]] = [("mousemove", str(start.x()), str(start.y())), ("wait", "0.2")]
    steps.append(("mousedown", "1"))
    for i in range(1, count + 1):
        x = start.x() + (end.x() - start.x()) * i // count
        y = start.y() + (end.y() - start.y()) * i // count
        steps.append(("mousemove", str(x), str(y)))
    return steps


def maximised_window(qtbot, store: Store, tmp_path: Path, workshop_id: int, step: Step):  # type: ignore[no-untyped-def]
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    window.open_workshop(workshop_id)
    window.go_to(step)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_on_x11_a_real_drag_scrolls_the_board_with_the_wheel_and_at_its_edge(
    qtbot, store: Store, tmp_path: Path
):
    real_pointer()
    window = maximised_window(qtbot, store, tmp_path, thirty_goals(store), Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    board = page.board
    bar = board.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    values: list[int] = []
    bar.valueChanged.connect(values.append)
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(0, 0)
    name = index.data()
    chip = view.viewport().mapToGlobal(view.visualRect(index).center())
    viewport = board.viewport()
    middle = viewport.rect().center()
    edge = QPoint(middle.x(), viewport.height() - 4)
    assert viewport.mapToGlobal(edge).y() < board.screen().geometry().bottom()

    target: list[DropZone] = []

    def zone_in_view() -> QPoint:
        """A zone now in view clear of the edges (where the board would scroll), to drop on."""
        clear = board.edge_scroller.band() + 4
        inner = viewport.rect().adjusted(0, clear, 0, -clear)
        for goal_id in board.ordered_goals():
            for role in Role:
                zone = board.zone(goal_id, role)
                assert zone is not None
                centre = zone.mapTo(viewport, zone.rect().center())
                if inner.contains(centre):
                    target[:] = [zone]
                    return viewport.mapToGlobal(centre)
        raise AssertionError("no zone in view")

    edge_global = viewport.mapToGlobal(edge)
    steps = drag_path(chip, viewport.mapToGlobal(middle))
    steps += [("wait", "0.3"), *[("click", "5")] * 4, ("wait", "0.3"), ("ask", "wheeled")]
    steps += [("mousemove", str(edge_global.x()), str(edge_global.y())), ("wait", "0.8")]
    steps += [("mousemove", str(edge_global.x()), str(edge_global.y() - viewport.height() // 3))]
    steps += [("ask", "held"), ("ask", "zone"), ("moveto", "zone"), ("wait", "0.3")]
    steps += [("mouseup", "1")]
    marks = move_the_pointer(
        qtbot, steps, {"wheeled": bar.value, "held": bar.value, "zone": zone_in_view}
    )
    assert isinstance(marks["wheeled"], int) and isinstance(marks["held"], int)
    assert marks["wheeled"] > 0, "the wheel scrolled the board during the drag"
    assert marks["held"] > marks["wheeled"], "held near the bottom edge, the board scrolled on"
    assert values == sorted(values)
    zone = target[0]
    assert roles_by_name(reopened(page.session), zone.goal_id) == {name: zone.role}


def test_on_x11_the_wheel_scrolls_a_goal_lane_while_a_card_is_dragged_into_it(
    qtbot, store: Store, tmp_path: Path
):
    real_pointer()
    wid = thirty_goals(store)
    window = maximised_window(qtbot, store, tmp_path, wid, Step.GOALS)
    lanes = {lane.pillar: lane for lane in window.findChildren(GoalListView)}
    win, keep = lanes[Pillar.WIN], lanes[Pillar.KEEP]
    bar = keep.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    card = win.viewport().mapToGlobal(win.visualRect(win.model().index(0, 0)).center())
    middle = keep.viewport().mapToGlobal(keep.viewport().rect().center())
    steps = drag_path(card, middle)
    steps += [("wait", "0.3"), *[("click", "5")] * 6, ("wait", "0.3"), ("ask", "wheeled")]
    steps += [("mouseup", "1")]
    marks = move_the_pointer(qtbot, steps, {"wheeled": bar.value})
    assert isinstance(marks["wheeled"], int)
    assert marks["wheeled"] > 0, "the wheel scrolled the Keep lane during the drag"
    stored = reopened(window.session)
    moved = next(g for g in stored.goals if g.title == "Win goal 1")
    keep_titles = [g.title for g in stored.goals if g.pillar is Pillar.KEEP]
    assert moved.pillar is Pillar.KEEP
    assert keep_titles.index("Win goal 1") >= 3, "it landed among the goals scrolled into view"


def test_on_x11_a_chip_dragged_onto_the_filter_box_with_the_real_pointer_comes_off(
    qtbot, store: Store, tmp_path: Path
):
    real_pointer()
    wid = thirty_goals(store)
    ws = store.workshop(wid)
    first = ws.goals[0]
    store.assign(wid, first.id, builders.as_function(ws, "Finance"), C)
    window = maximised_window(qtbot, store, tmp_path, wid, Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    session = page.session
    qtbot.waitUntil(lambda: page.board.verticalScrollBar().maximum() > 0)
    zone = page.board.zone(first.id, C)
    assert zone is not None
    rect = zone.chip_rect(function(session, "Finance"))
    assert rect is not None
    chip = zone.mapToGlobal(rect.center().toPoint())
    field = page.palette_panel.filter
    box = field.mapToGlobal(field.rect().center())
    steps = drag_path(chip, box)
    steps += [("wait", "0.3"), ("ask", "outlined"), ("mouseup", "1")]
    outlined = {"outlined": lambda: getattr(page.palette_panel, "_removing", None)}
    answers = move_the_pointer(qtbot, steps, outlined)
    assert field.text() == "", "no name is typed into the filter"
    assert roles_by_name(reopened(session), first.id) == {}
    assert answers["outlined"] is True, "the palette said it takes the chip"
    session.undo_stack.undo()
    assert roles_by_name(reopened(session), first.id) == {"Finance": C}


def zone_at_the_bottom(board) -> tuple[DropZone, QPoint]:  # type: ignore[no-untyped-def]
    """Scroll so a goal's lowest zone ends just above the board's bottom edge.

    The zone and a spot in it inside the band where a held chip scrolls the board.
    """
    viewport = board.viewport()
    bar = board.verticalScrollBar()
    band = board.edge_scroller.band()
    for goal_id in board.ordered_goals():
        zone = board.zone(goal_id, Role.INFORMED)
        assert zone is not None
        bottom = zone.mapTo(board.widget(), QPoint(0, zone.height())).y()
        value = bottom - viewport.height() + 2
        if bar.minimum() < value < bar.maximum():
            bar.setValue(value)
            break
    else:
        raise AssertionError("no goal's zone can sit at the bottom edge")
    spot = QPoint(zone.width() // 2, zone.height() - 2 - band // 2)
    at = zone.mapTo(viewport, spot)
    assert viewport.height() - band <= at.y() < viewport.height(), "inside the band"
    assert zone_under(board, at) is zone
    return zone, at


def test_a_chip_dropped_promptly_on_a_zone_at_the_boards_bottom_edge_lands_there(
    qtbot, store: Store, tmp_path: Path, monkeypatch
):
    wid = store.create_workshop(demo_workshop()).id
    assert wid is not None
    window = accountability_window(qtbot, store, tmp_path, wid)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    board = page.board
    bar = board.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    zone, at = zone_at_the_bottom(board)
    settled = bar.value()
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(2, 0)
    name = index.data()
    assert name not in roles_by_name(page.session.workshop, zone.goal_id)
    hovered: list[bool] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        viewport = board.viewport()
        # Coming down onto the zone, and letting go as soon as it shows it takes the chip.
        for dy in (-30, -12, -4, 0):
            send_to_window(viewport, QDragMoveEvent, at + QPoint(0, dy), mime, actions)
        qtbot.wait(200)
        hovered.append(zone.hovered)
        drop = send_to_window(viewport, QDropEvent, at, mime, actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))

    assert hovered == [True], "the zone aimed at stays under the chip"
    assert bar.value() == settled, "a prompt drop does not scroll the board"
    assert roles_by_name(reopened(page.session), zone.goal_id)[name] is Role.INFORMED


def test_on_x11_a_chip_let_go_promptly_on_a_zone_at_the_boards_bottom_edge_lands_there(
    qtbot, store: Store, tmp_path: Path
):
    real_pointer()
    wid = store.create_workshop(demo_workshop()).id
    assert wid is not None
    window = maximised_window(qtbot, store, tmp_path, wid, Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    board = page.board
    bar = board.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    zone, at = zone_at_the_bottom(board)
    settled = bar.value()
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(2, 0)
    name = index.data()
    assert name not in roles_by_name(page.session.workshop, zone.goal_id)
    chip = view.viewport().mapToGlobal(view.visualRect(index).center())
    spot = board.viewport().mapToGlobal(at)
    steps = drag_path(chip, spot)
    steps += [("wait", "0.2"), ("ask", "hovered"), ("mouseup", "1")]
    marks = move_the_pointer(qtbot, steps, {"hovered": lambda: zone.hovered})
    assert marks["hovered"] is True, "the zone aimed at showed it takes the chip"
    assert bar.value() == settled, "a prompt drop does not scroll the board"
    assert roles_by_name(reopened(page.session), zone.goal_id)[name] is Role.INFORMED


def test_undo_and_redo_of_a_dropped_chip_select_its_goal_and_bring_the_card_into_view(
    qtbot, store: Store, tmp_path: Path, monkeypatch
):
    window = accountability_window(qtbot, store, tmp_path, thirty_goals(store))
    make_active(qtbot, window)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    board = page.board
    bar = board.verticalScrollBar()
    first = board.ordered_goals()[0]
    card = board.cards[first]
    qtbot.waitUntil(lambda: bar.maximum() > 0 and in_view(board, card))
    zone = board.zone(first, R)
    assert zone is not None
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(0, 0)
    name = index.data()

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        send_to_window(zone, QDragMoveEvent, middle_of(zone), mime, actions)
        drop = send_to_window(zone, QDropEvent, middle_of(zone), mime, actions)
        return drop.dropAction() if drop.isAccepted() else IGNORE

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))
    assert roles_by_name(reopened(page.session), first) == {name: R}

    board.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(board.hasFocus)
    for undo, redo in (("Ctrl+Z", "Ctrl+Shift+Z"), ("Ctrl+Z", "Ctrl+Y")):
        for keys, expected in ((undo, {}), (redo, {name: R})):
            QTest.keyClick(board, Qt.Key.Key_End)  # the last goal: the first scrolls away
            qtbot.waitUntil(lambda: board.selected_goal != first and not in_view(board, card))
            combo = QKeySequence(keys)[0]
            QTest.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())
            assert roles_by_name(reopened(page.session), first) == expected, keys
            assert board.selected_goal == first, f"{keys} selects the goal it changed"
            qtbot.waitUntil(lambda: in_view(board, card))
            assert board.hasFocus()
