"""The accountability board builds the cards in and near its view, and the rest as they come."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.model import Assignee, Goal, Pillar, Role, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.models.accountability.assignees import AssigneeInfo
from cxworkshop.gui.ops import goals as goal_ops
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.widgets.raci_board import RaciBoard
from cxworkshop.gui.widgets.raci_zone import BoardMetrics, chip_widths, zone_height, zone_height_of
from cxworkshop.storage.store import Store
from tests.helpers.dragging import LEFT, NO_KEYS, stand_in_for_the_pointer
from tests.helpers.gui import make_active, reopened, roles_by_name

R = Role.RESPONSIBLE
GOALS_PER_PILLAR = 40


def open_big_board(qtbot, store: Store, tmp_path: Path) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    """A 120-goal workshop at Accountability in a 1280 x 720 window."""
    page = open_board(
        qtbot,
        store,
        tmp_path,
        [
            Goal(pillar, f"{pillar.label} goal {n + 1}" + (" and a longer title" * (n % 3)))
            for pillar in Pillar
            for n in range(GOALS_PER_PILLAR)
        ],
    )
    bar = page.board.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and len(page.board.cards) > 0)
    return page


def open_board(qtbot, store: Store, tmp_path: Path, goals: list[Goal]) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    """A workshop of ``goals`` at Accountability in a 1280 x 720 window."""
    ws = editing.new_workshop("A big organisation", organisation="Acme Outdoor")
    ws.functions = default_functions()
    ws.goals = goals
    created = store.create_workshop(ws)
    assert created.id is not None
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.open_workshop(created.id)
    window.go_to(Step.ACCOUNTABILITY)
    page = window.workshop_view.pages[Step.ACCOUNTABILITY]
    assert isinstance(page, AccountabilityPage)
    return page


def cells_in_view(board: RaciBoard) -> list[str]:
    """The goals whose place (their card's, built or not) shows in the board's viewport."""
    view = board.viewport().rect()
    shown = []
    for goal_id in board.pillars:
        place = board.place(goal_id)
        assert place is not None, "every goal on a laid-out board has its place"
        top_left = board.canvas.mapTo(board.viewport(), place.topLeft())
        if view.intersects(QRect(top_left, place.size())):
            shown.append(goal_id)
    return shown


def scroll_to_the_end(qtbot, board: RaciBoard) -> list[int]:  # type: ignore[no-untyped-def]
    """Page down the board's scroll bar to its end, as clicks below its handle do."""
    bar = board.verticalScrollBar()
    values = []
    while bar.value() < bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        qtbot.wait(1)
        values.append(bar.value())
    return values


def test_only_the_cards_near_the_view_are_built_and_scrolling_builds_the_rest(
    qtbot, store: Store, tmp_path: Path, qtmodeltester
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    assert len(board.pillars) == 3 * GOALS_PER_PILLAR
    shown = cells_in_view(board)
    assert shown and all(g in board.cards for g in shown), "every goal in view has its card"
    assert len(board.cards) < len(board.pillars) // 3, "goals far out of view wait for their card"
    last = board.ordered_goals()[-1]
    assert last not in board.cards
    kept = board.place(last)
    assert kept is not None and kept.height() > 100

    seen: set[str] = set()
    for _value in scroll_to_the_end(qtbot, board):
        in_view = cells_in_view(board)
        assert all(g in board.cards for g in in_view), "no empty room shows"
        seen.update(in_view)
    assert last in seen and last in board.cards
    card = board.cards[last]
    # The room kept was the card's: building it and those above moved nothing.
    assert QRect(card.mapTo(board.canvas, QPoint(0, 0)), card.size()) == kept
    assert card.title.text() == board.model.goal(last).title  # type: ignore[union-attr]
    qtmodeltester.check(page.model, force_py=True)


def test_a_chip_dropped_on_a_card_built_by_scrolling_lands_on_that_goal_only(
    qtbot, store: Store, tmp_path: Path, monkeypatch
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    scroll_to_the_end(qtbot, board)
    last = board.ordered_goals()[-1]
    zone = board.zone(last, R)
    assert zone is not None and zone.chips == []
    built = dict(board.cards)
    view = page.palette_panel.groups[0].view  # front office
    index = view.model().index(0, 0)
    name = index.data()

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        top = zone.window()
        at = zone.mapTo(top, zone.rect().center())
        move = QDragMoveEvent(at, actions, mime, LEFT, NO_KEYS)
        QApplication.sendEvent(top.windowHandle(), move)
        assert zone.hovered, "the card built by scrolling takes the chip"
        drop = QDropEvent(at.toPointF(), actions, mime, LEFT, NO_KEYS)
        QApplication.sendEvent(top.windowHandle(), drop)
        return drop.dropAction() if drop.isAccepted() else Qt.DropAction.IgnoreAction

    stand_in_for_the_pointer(monkeypatch, pointer)
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))

    assert roles_by_name(reopened(page.session), last) == {name: R}  # type: ignore[arg-type]
    assert [c.name for c in zone.chips] == [name]
    assert board.cards == built, "the drop changed one goal: no card was built or rebuilt"
    assert board.selected_goal == last

    # Back at the top, an undo of the drop brings the goal it changed back into view.
    board.select_goal(board.ordered_goals()[0])
    qtbot.waitUntil(lambda: last not in cells_in_view(board))
    page.session.undo_stack.undo()
    assert roles_by_name(reopened(page.session), last) == {}
    assert board.selected_goal == last
    qtbot.waitUntil(lambda: last in cells_in_view(board))
    assert zone.chips == []


@pytest.mark.desktop
def test_the_keys_reach_goals_whose_cards_were_not_built_and_bring_them_into_view(
    qtbot, store: Store, tmp_path: Path
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    make_active(qtbot, board.window())
    board.setFocus()
    qtbot.waitUntil(board.hasFocus)
    order = board.ordered_goals()
    assert order[-1] not in board.cards
    QTest.keyClick(board, Qt.Key.Key_End)
    assert board.selected_goal == order[-1]
    qtbot.waitUntil(lambda: order[-1] in cells_in_view(board))
    QTest.keyClick(board, Qt.Key.Key_Up)
    above = board.selected_goal
    assert above is not None and above != order[-1]
    assert board.pillars[above] is Pillar.ADVOCATE
    qtbot.waitUntil(lambda: above in cells_in_view(board))
    assert all(g in board.cards for g in cells_in_view(board))
    QTest.keyClick(board, Qt.Key.Key_Home)
    assert board.selected_goal == order[0]
    qtbot.waitUntil(lambda: order[0] in cells_in_view(board))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(st.text(min_size=1, max_size=40), max_size=12),
    role=st.sampled_from(list(Role)),
    width=st.integers(min_value=0, max_value=1200),
)
def test_the_room_kept_for_a_zone_is_the_height_the_zone_takes_for_any_holders(
    qtbot, names: list[str], role: Role, width: int
):
    # The board keeps room for cards not built from their chips' widths alone; a
    # zone, once built, lays its chips out itself. The two must agree to the pixel.
    host = QWidget()
    qtbot.addWidget(host)
    metrics = BoardMetrics(host)
    holders = [
        AssigneeInfo(Assignee.function(f"f{i}"), name, "#336699", "", True)
        for i, name in enumerate(names)
    ]
    assert zone_height_of(metrics, chip_widths(metrics, role, holders), width) == zone_height(
        metrics, role, holders, width
    )


def assert_every_goal_in_its_place(qtbot, board: RaciBoard) -> None:  # type: ignore[no-untyped-def]
    """Each pillar holds its goals in the workshop's order, and every card sits in its place."""
    session = board.session
    assert session is not None
    for pillar in Pillar:
        goals = [g.id for g in editing.goals_in(session.workshop, pillar)]
        assert board.canvas.sections[pillar].grid.goals() == goals
        assert board.canvas.sections[pillar].grid_host.isVisibleTo(board.canvas) == bool(goals)
        assert board.canvas.sections[pillar].empty.isVisibleTo(board.canvas) == (not goals)

    def cards_placed() -> bool:
        return all(
            QRect(card.mapTo(board.canvas, QPoint(0, 0)), card.size()) == board.place(goal_id)
            and card.isVisible()
            for goal_id, card in list(board.cards.items())
        )

    qtbot.waitUntil(cards_placed)


def test_goals_that_come_go_or_change_pillar_take_their_place_and_undo_puts_them_back(
    qtbot, store: Store, tmp_path: Path
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    session = page.session
    assert session is not None
    far = editing.goals_in(session.workshop, Pillar.KEEP)[-1].id
    assert far not in board.cards, "a goal far down the board has no card yet"

    # Moved to the top of Win, it comes into view with its card.
    assert goal_ops.move_goal(session, far, Pillar.WIN, 0)
    assert board.pillars[far] is Pillar.WIN and board.ordered_goals()[0] == far
    qtbot.waitUntil(lambda: far in board.cards)
    assert board.cards[far].pillar is Pillar.WIN
    assert_every_goal_in_its_place(qtbot, board)

    session.undo_stack.undo()
    assert board.pillars[far] is Pillar.KEEP and board.ordered_goals()[0] != far
    assert_every_goal_in_its_place(qtbot, board)

    # A goal with its card on screen is deleted: its card goes, and comes back with undo.
    first = board.ordered_goals()[0]
    assert first in board.cards
    assert goal_ops.delete_goal(session, first)
    assert first not in board.pillars and first not in board.cards
    assert_every_goal_in_its_place(qtbot, board)
    session.undo_stack.undo()
    assert first in board.pillars
    qtbot.waitUntil(lambda: first in board.cards)
    assert_every_goal_in_its_place(qtbot, board)


def test_a_pillar_with_no_goals_says_so_until_its_first_goal_comes(
    qtbot, store: Store, tmp_path: Path
):
    goals = [Goal(Pillar.WIN, f"Win goal {n + 1}") for n in range(3)]
    page = open_board(qtbot, store, tmp_path, goals)
    board, session = page.board, page.session
    assert session is not None
    assert_every_goal_in_its_place(qtbot, board)

    added = goal_ops.add_goal(session, Pillar.ADVOCATE, "Turn fans into referrers")
    assert added is not None
    assert board.pillars[added.id] is Pillar.ADVOCATE
    board.select_goal(added.id)  # as a click on its finding does: built, and scrolled to
    qtbot.waitUntil(lambda: added.id in cells_in_view(board))
    assert board.cards[added.id].title.text() == "Turn fans into referrers"
    assert_every_goal_in_its_place(qtbot, board)
    section = board.canvas.sections[Pillar.ADVOCATE]
    assert section.count.text() == "1 goal"

    session.undo_stack.undo()
    assert added.id not in board.pillars
    assert_every_goal_in_its_place(qtbot, board)
    assert section.count.text() == "0 goals"


def test_a_long_board_works_out_its_goals_rooms_at_one_width_and_a_short_one_has_no_bar(
    qtbot, store: Store, tmp_path: Path
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    qtbot.wait(50)
    # Its scroll bar shows from the start, so the goals not built are measured at
    # the width they are shown at only, not first as wide as the board and then again.
    assert board.verticalScrollBar().isVisible()
    unbuilt = [g for g in board.pillars if g not in board.cards]
    assert len(unbuilt) > 60
    widths = {g: set(board._rooms.get(g, {})) for g in unbuilt}
    assert all(len(w) == 1 for w in widths.values()), widths
    # With fewer goals than fill the screen, the bar comes only if they need it.
    session = page.session
    assert session is not None
    for goal in list(session.workshop.goals)[3:]:
        assert goal_ops.delete_goal(session, goal.id)
    assert len(board.pillars) == 3
    assert board.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert_every_goal_in_its_place(qtbot, board)


def test_rooms_below_the_view_are_worked_out_after_the_frame_and_nothing_in_view_moves(
    qtbot, store: Store, tmp_path: Path
):
    page = open_big_board(qtbot, store, tmp_path)
    board = page.board
    grids = [section.grid for section in board.canvas.sections.values()]
    qtbot.waitUntil(lambda: all(grid.fully_measured() for grid in grids))
    session = page.session
    assert session is not None

    def shown() -> dict[str, QRect]:
        return {
            goal_id: QRect(card.mapTo(board.canvas, QPoint(0, 0)), card.size())
            for goal_id, card in board.cards.items()
            if card.isVisible()
        }

    # Goals come or go: the board is laid out again, measuring only what its view needs.
    far = editing.goals_in(session.workshop, Pillar.ADVOCATE)[-1].id
    assert goal_ops.delete_goal(session, far)
    assert not all(grid.fully_measured() for grid in grids), "the goals far below wait"
    before = shown()
    assert before, "the cards in view are there"
    for goal_id, rect in before.items():
        section = board.canvas.sections[board.pillars[goal_id]]
        place = section.grid.place(goal_id)
        assert place is not None and place.translated(section.grid_host.pos()) == rect
    # After the next frame, the rest are worked out, and nothing on screen moved.
    qtbot.waitUntil(lambda: all(grid.fully_measured() for grid in grids))
    assert shown() == before
    assert_every_goal_in_its_place(qtbot, board)
