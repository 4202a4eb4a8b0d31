"""Rooms kept for goals without a card stay the height their card takes after edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from cxworkshop.domain import editing
from cxworkshop.domain.model import Assignee, AssigneeKind, Goal, Pillar, Role, Step
from cxworkshop.gui.ops import accountability as acc_ops
from cxworkshop.gui.ops import goals as goal_ops
from cxworkshop.gui.ops import people as people_ops
from cxworkshop.gui.widgets.raci_board import RaciBoard
from cxworkshop.gui.widgets.raci_card import GoalCard
from cxworkshop.storage.store import Store
from tests.gui.test_lazy_board import open_board


def true_height(board: RaciBoard, goal_id: str, width: int) -> int:
    """The height a freshly built card of the goal takes at ``width``."""
    goal = board.model.goal(goal_id)
    assert goal is not None
    card = GoalCard(board, goal, None)
    for role in (Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED):
        card.zones[role].set_chips(board.model.holders(goal_id, role))
    card.ensurePolished()
    height = card.heightForWidth(width)
    card.deleteLater()
    return height


def test_a_participant_renamed_longer_changes_the_room_of_goals_without_a_card(
    qtbot, store: Store, tmp_path: Path
):
    goals = [Goal(Pillar.WIN, f"Win goal {n + 1}") for n in range(60)]
    page = open_board(qtbot, store, tmp_path, goals)
    board = page.board
    session = page.session
    assert session is not None
    qtbot.waitUntil(lambda: len(board.cards) > 0 and board.verticalScrollBar().maximum() > 0)
    far = editing.goals_in(session.workshop, Pillar.WIN)[-1].id
    assert far not in board.cards
    person = people_ops.add_participant(session, "Ann")
    assert person is not None
    who = Assignee(AssigneeKind.PARTICIPANT, person.id)
    assert acc_ops.assign(session, far, who, Role.RESPONSIBLE) is not None
    board.measure_all()
    place = board.place(far)
    assert place is not None
    width = place.width()
    assert board.room(far, width) == true_height(board, far, width)
    assert people_ops.update_participant(
        session, person.id, name="Annabelle Featherstonehaugh-Cholmondeley of Marketing"
    )
    board.measure_all()
    assert board.room(far, width) == true_height(board, far, width)


def assert_board_true(board: RaciBoard) -> None:
    """Every goal's place is as tall as its row's tallest true card; cards sit in their places."""
    board.measure_all()
    for goal_id, pillar in board.pillars.items():
        place = board.place(goal_id)
        assert place is not None
        card = board.cards.get(goal_id)
        truth = true_height(board, goal_id, place.width())
        if card is None:
            assert board.room(goal_id, place.width()) == truth, goal_id
        else:
            assert card.geometry() == board.canvas.sections[pillar].grid.place(goal_id), goal_id
        assert place.height() >= truth, goal_id


def test_the_board_stays_true_through_widths_zoom_and_edits(qtbot, store: Store, tmp_path: Path):

    goals = [
        Goal(pillar, f"{pillar.label} goal {n + 1}" + " with a longer title" * (n % 4))
        for pillar in Pillar
        for n in range(25)
    ]
    page = open_board(qtbot, store, tmp_path, goals)
    board = page.board
    session = page.session
    assert session is not None
    window = board.window()
    qtbot.waitUntil(lambda: len(board.cards) > 0)
    assert_board_true(board)
    for width in (2400, 1900, 1280):
        window.resize(width, 900)
        qtbot.wait(50)
        assert_board_true(board)
    for steps in (1, 1, -1, -1, -1):
        window.zoom_by(steps)  # type: ignore[attr-defined]
        qtbot.wait(50)
        assert_board_true(board)
    window.resize(2400, 900)
    qtbot.wait(50)
    far = editing.goals_in(session.workshop, Pillar.KEEP)[-1].id
    assert goal_ops.edit_goal(session, far, "title", "Short")
    assert_board_true(board)
    window.go_to(Step.GOALS)  # type: ignore[attr-defined]
    assert goal_ops.move_goal(session, far, Pillar.WIN, 1)
    mid = editing.goals_in(session.workshop, Pillar.ADVOCATE)[3].id
    assert goal_ops.delete_goal(session, mid)
    window.go_to(Step.ACCOUNTABILITY)  # type: ignore[attr-defined]
    qtbot.wait(50)
    assert_board_true(board)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert_board_true(board)
    session.undo_stack.redo()
    assert_board_true(board)


def test_undoing_a_goal_that_makes_the_board_short_enough_to_lose_its_bar(
    qtbot, store: Store, tmp_path: Path
):
    """The scroll bar's policy changes in the middle of a rebuild: the board must not crash."""

    page = open_board(qtbot, store, tmp_path, [Goal(Pillar.WIN, "Win goal 1")])
    board = page.board
    session = page.session
    assert session is not None
    screen = board.screen()
    tallest = screen.availableGeometry().height()
    line = board.fontMetrics().height()
    # As many one-column rows as fit under the threshold, then one more.
    rows = tallest // (5 * line)
    columns = board._column_count()
    for n in range(rows * columns - 1):
        assert goal_ops.add_goal(session, Pillar.WIN, f"Win goal {n + 2}") is not None
    qtbot.wait(50)

    assert board.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    last = goal_ops.add_goal(session, Pillar.WIN, "The goal that tips it")
    assert last is not None
    qtbot.wait(50)
    assert board.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    board.select_goal(last.id)  # in view, with its card
    qtbot.wait(50)
    assert last.id in board.cards
    session.undo_stack.undo()
    qtbot.wait(50)
    assert last.id not in board.pillars and last.id not in board.cards
    assert board.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert_board_true(board)


def test_a_goal_added_at_the_very_end_while_away_does_not_move_what_the_board_showed(
    qtbot, store: Store, tmp_path: Path
):
    """At the end of a long board, go to Goals, add a goal after all others, come back:
    nothing above the new goal changed, so the goal that showed is where it was."""

    long = " that takes a much longer title to say, wrapping onto a third line of its card"
    goals = [Goal(Pillar.WIN, "Short")] + [
        Goal(pillar, f"{pillar.label} goal {n + 1}{long}") for pillar in Pillar for n in range(20)
    ]
    page = open_board(qtbot, store, tmp_path, goals)
    board = page.board
    session = page.session
    assert session is not None
    window = board.window()
    qtbot.waitUntil(lambda: len(board.cards) > 0)
    last = board.ordered_goals()[-1]
    board.select_goal(last)
    qtbot.wait(100)
    bar = board.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(50)
    assert bar.value() == bar.maximum() > 0 and last in board.cards
    seen = board.cards[last].mapTo(board.viewport(), board.cards[last].rect().topLeft()).y()

    window.go_to(Step.GOALS)  # type: ignore[attr-defined]
    qtbot.wait(100)
    assert goal_ops.add_goal(session, Pillar.ADVOCATE, "One more") is not None
    qtbot.wait(100)
    window.go_to(Step.ACCOUNTABILITY)  # type: ignore[attr-defined]
    qtbot.wait(200)
    card = board.cards[last]
    assert card.mapTo(board.viewport(), card.rect().topLeft()).y() == seen
