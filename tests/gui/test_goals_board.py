"""The goals board: capture, arrange, measure and delete goals the way a facilitator does."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import example_goals
from cxworkshop.domain.model import Goal, Pillar, Workshop
from cxworkshop.gui import theme
from cxworkshop.gui.models.goals import GOAL_MIME_TYPE, PillarGoalsModel
from cxworkshop.gui.ops.goals import edit_goal
from cxworkshop.gui.pages.goals import GoalsPage
from cxworkshop.gui.roles import MEASURE_ROLE
from cxworkshop.gui.session import Session
from cxworkshop.storage.store import Store
from tests.helpers.gui import goal_titled, reopened, show_page

MOVE = Qt.DropAction.MoveAction
CTRL = Qt.KeyboardModifier.ControlModifier


# ----------------------------------------------------------------- helpers


def on_screen(page: GoalsPage) -> dict[Pillar, list[str]]:
    """The card titles in each column, as the board shows them."""
    return {
        pillar: [
            column.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
            for row in range(column.model.rowCount())
        ]
        for pillar, column in page.columns.items()
    }


def in_workshop(ws: Workshop) -> dict[Pillar, list[str]]:
    return {pillar: [g.title for g in editing.goals_in(ws, pillar)] for pillar in Pillar}


def assert_screen_matches_file(page: GoalsPage, session: Session) -> None:
    """What the board shows is what the store holds, and what a fresh open of the file reads."""
    ws = session.workshop
    assert on_screen(page) == in_workshop(ws)
    reread = reopened(session)
    assert in_workshop(reread) == in_workshop(ws)
    assert reread.goals == ws.goals
    assert reread.assignments == ws.assignments
    assert reread.rounds == ws.rounds


def card(page: GoalsPage, pillar: Pillar, row: int) -> QModelIndex:
    return page.columns[pillar].model.index(row, 0)


def make_board(qtbot, session: Session) -> GoalsPage:  # type: ignore[no-untyped-def]
    page = GoalsPage()
    page.set_session(session)
    return show_page(qtbot, page, 1600, 1000)


@pytest.fixture
def board(qtbot, demo_session):  # type: ignore[no-untyped-def]
    return make_board(qtbot, demo_session)


@pytest.fixture
def small_board(qtbot, blank_session):  # type: ignore[no-untyped-def]
    """A board with two Win goals and one Keep goal, none assigned or voted on."""
    for pillar, title in (
        (Pillar.WIN, "Raise trial-to-paid conversion"),
        (Pillar.WIN, "Cut the cost of acquiring a customer"),
        (Pillar.KEEP, "Lower monthly churn"),
    ):
        blank_session.store.add_goal(blank_session.workshop_id, Goal(pillar=pillar, title=title))
    return make_board(qtbot, blank_session)


def drag_payload(page: GoalsPage, pillar: Pillar, row: int) -> QMimeData:
    mime = page.columns[pillar].model.mimeData([card(page, pillar, row)])
    assert mime is not None
    return mime


# ----------------------------------------------------------------- the models


def test_each_pillar_column_is_a_well_behaved_model_while_the_board_is_edited(
    qtbot, qtmodeltester, board
):
    session = board.session
    for column in board.columns.values():
        assert column.model.rowCount() > 0
        qtmodeltester.check(column.model)
    # The testers stay attached: every signal the edits cause is checked too.
    nps = goal_titled(session, "Raise our Net Promoter Score")
    board.columns[Pillar.WIN].model.dropMimeData(
        drag_payload(board, Pillar.ADVOCATE, 0), MOVE, 1, 0, QModelIndex()
    )
    assert editing.goal_position(session.workshop, nps.id) == (Pillar.WIN, 1)
    assert edit_goal(session, nps.id, "metric", "Net Promoter Score")
    board.select_goal(nps.id, focus=True)
    qtbot.keyClick(board.columns[Pillar.WIN].list, Qt.Key.Key_Down, CTRL)
    assert session.undo_stack.count() == 3
    for _ in range(3):
        session.undo_stack.undo()
    assert editing.goal_position(session.workshop, nps.id) == (Pillar.ADVOCATE, 0)
    for _ in range(3):
        session.undo_stack.redo()
    assert editing.goal_position(session.workshop, nps.id) == (Pillar.WIN, 2)
    board.columns[Pillar.KEEP].entry.setText("Answer every complaint within a day")
    board.columns[Pillar.KEEP].entry.returnPressed.emit()
    session.undo_stack.undo()
    assert_screen_matches_file(board, session)


def test_columns_offer_goals_for_dragging_and_take_drops_only_between_cards(board):
    model = board.columns[Pillar.KEEP].model
    assert model.mimeTypes() == [GOAL_MIME_TYPE]
    assert model.supportedDropActions() == MOVE
    assert model.supportedDragActions() == MOVE
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    item_flags = model.flags(card(board, Pillar.KEEP, 0))
    assert item_flags & Qt.ItemFlag.ItemIsDragEnabled
    assert not item_flags & Qt.ItemFlag.ItemIsDropEnabled
    mime = drag_payload(board, Pillar.WIN, 0)
    assert not model.canDropMimeData(mime, MOVE, -1, -1, card(board, Pillar.KEEP, 0))
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert model.canDropMimeData(mime, MOVE, 0, 0, QModelIndex())


# ----------------------------------------------------------------- capturing goals


@pytest.mark.parametrize("pillar", list(Pillar))
def test_typing_a_title_and_pressing_enter_adds_a_card_at_the_end_of_that_column(
    qtbot, small_board, pillar
):
    session = small_board.session
    entry = small_board.columns[pillar].entry
    assert entry.placeholderText().startswith("Add a")
    assert pillar.label in entry.placeholderText()
    before = on_screen(small_board)
    entry.setFocus()
    qtbot.keyClicks(entry, "Raise NPS to 35")
    qtbot.keyClick(entry, Qt.Key.Key_Return)

    assert on_screen(small_board)[pillar] == [*before[pillar], "Raise NPS to 35"]
    assert entry.text() == ""
    assert entry.hasFocus(), "the entry stays ready for the next goal"
    assert small_board.selected_goal_id() == goal_titled(session, "Raise NPS to 35").id
    assert small_board.panel.field_text("title") == "Raise NPS to 35"
    assert session.undo_stack.undoText() == "Add goal 'Raise NPS to 35'"
    assert_screen_matches_file(small_board, session)

    session.undo_stack.undo()
    assert on_screen(small_board) == before
    assert small_board.selected_goal_id() is None
    assert_screen_matches_file(small_board, session)
    session.undo_stack.redo()
    assert on_screen(small_board)[pillar][-1] == "Raise NPS to 35"
    assert_screen_matches_file(small_board, session)


def test_goals_typed_one_after_another_land_in_order_each_its_own_undo_step(qtbot, small_board):
    session = small_board.session
    entry = small_board.columns[Pillar.ADVOCATE].entry
    entry.setFocus()
    for title in ("Earn more five-star reviews", "Grow a community of fans"):
        qtbot.keyClicks(entry, title)
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert on_screen(small_board)[Pillar.ADVOCATE] == [
        "Earn more five-star reviews",
        "Grow a community of fans",
    ]
    assert session.undo_stack.count() == 2


def test_a_blank_title_adds_nothing(qtbot, small_board):
    session = small_board.session
    entry = small_board.columns[Pillar.WIN].entry
    entry.setFocus()
    qtbot.keyClicks(entry, "   ")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert session.undo_stack.count() == 0
    assert len(on_screen(small_board)[Pillar.WIN]) == 2


# ----------------------------------------------------------------- the detail panel


def test_details_typed_in_the_panel_are_saved_each_as_one_undo_step(qtbot, small_board):
    session = small_board.session
    churn = goal_titled(session, "Lower monthly churn")
    small_board.select_goal(churn.id, focus=True)
    panel = small_board.panel
    assert "Typical Keep metrics" in panel.hint.text()

    for name, typed in (
        ("metric", "Monthly churn rate"),
        ("baseline", "3.1%"),
        ("target", "2.0%"),
        ("due", "Q4 2027"),
        ("description", "Members who leave rarely come back."),
    ):
        field = panel.fields[name]
        field.setFocus()
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Tab)  # moving on finishes the edit
        assert not field.hasFocus()
        assert getattr(goal_titled(session, "Lower monthly churn"), name) == typed

    assert session.undo_stack.count() == 5
    assert session.undo_stack.undoText() == "Edit description of 'Lower monthly churn'"
    assert session.undo_stack.text(0) == "Edit metric of 'Lower monthly churn'"
    index = card(small_board, Pillar.KEEP, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Lower monthly churn"
    measure = index.data(MEASURE_ROLE).replace("\N{NO-BREAK SPACE}", " ")
    assert measure == "Monthly churn rate · 3.1% → 2.0% · Q4 2027"
    assert_screen_matches_file(small_board, session)

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert panel.field_text("due") == ""
    assert panel.field_text("description") == ""
    assert panel.field_text("target") == "2.0%"
    assert_screen_matches_file(small_board, session)


def test_leaving_a_field_unchanged_makes_no_undo_step(qtbot, small_board):
    session = small_board.session
    small_board.select_goal(goal_titled(session, "Lower monthly churn").id)
    metric = small_board.panel.fields["metric"]
    metric.setFocus()
    qtbot.keyClick(metric, Qt.Key.Key_Tab)
    assert session.undo_stack.count() == 0


def test_an_empty_title_is_refused_and_the_field_shows_the_title_again(qtbot, small_board):
    session = small_board.session
    churn = goal_titled(session, "Lower monthly churn")
    small_board.select_goal(churn.id, focus=True)
    qtbot.keyClick(small_board.columns[Pillar.KEEP].list, Qt.Key.Key_Return)
    title = small_board.panel.fields["title"]
    assert title.hasFocus(), "Enter on a card goes to its title"
    assert isinstance(title, QLineEdit)
    with qtbot.waitSignal(session.sig_error) as error:
        title.selectAll()
        qtbot.keyClick(title, Qt.Key.Key_Delete)
        qtbot.keyClick(title, Qt.Key.Key_Return)
    assert "empty" in error.args[0]
    assert title.text() == "Lower monthly churn"
    assert session.undo_stack.count() == 0
    assert_screen_matches_file(small_board, session)


def test_renaming_in_the_panel_renames_the_card(qtbot, small_board):
    session = small_board.session
    small_board.select_goal(goal_titled(session, "Lower monthly churn").id, focus=True)
    qtbot.keyClick(small_board.columns[Pillar.KEEP].list, Qt.Key.Key_F2)
    title = small_board.panel.fields["title"]
    assert title.hasFocus()
    qtbot.keyClicks(title, "Halve monthly churn")  # F2 selected the old title
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert on_screen(small_board)[Pillar.KEEP] == ["Halve monthly churn"]
    assert session.undo_stack.undoText() == (
        "Rename goal 'Lower monthly churn' to 'Halve monthly churn'"
    )
    session.undo_stack.undo()
    assert on_screen(small_board)[Pillar.KEEP] == ["Lower monthly churn"]
    assert title.text() == "Lower monthly churn"


def test_panel_follows_undo_but_never_overwrites_what_is_being_typed(qtbot, small_board):
    session = small_board.session
    churn = goal_titled(session, "Lower monthly churn")
    small_board.select_goal(churn.id)
    panel = small_board.panel
    metric, baseline = panel.fields["metric"], panel.fields["baseline"]
    metric.setFocus()
    qtbot.keyClicks(metric, "Churn rate")
    qtbot.keyClick(metric, Qt.Key.Key_Tab)
    assert baseline.hasFocus()
    qtbot.keyClicks(baseline, "3.1%")  # still typing, not yet committed
    session.undo_stack.undo()
    assert panel.field_text("metric") == ""
    assert panel.field_text("baseline") == "3.1%"
    qtbot.keyClick(baseline, Qt.Key.Key_Tab)
    assert goal_titled(session, "Lower monthly churn").baseline == "3.1%"


def test_with_nothing_selected_the_panel_says_how_to_add_a_goal(small_board):
    small_board.select_goal(None)
    panel = small_board.panel
    assert panel.goal_id is None
    shown = " ".join(label.text() for label in panel.stack.currentWidget().findChildren(QLabel))
    assert "press Enter" in shown
    assert not panel.fields["title"].isVisible()


def test_tab_walks_each_column_from_entry_to_cards_then_the_details(qtbot, small_board):
    small_board.select_goal(goal_titled(small_board.session, "Lower monthly churn").id)
    small_board.focus_first()
    visited = [QApplication.focusWidget()]
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    columns = small_board.columns
    assert visited[:2] == [columns[Pillar.WIN].entry, columns[Pillar.WIN].list]
    assert visited[3:5] == [columns[Pillar.KEEP].entry, columns[Pillar.KEEP].list]
    assert visited[6:8] == [columns[Pillar.ADVOCATE].entry, columns[Pillar.ADVOCATE].list]
    assert visited[9] is small_board.panel.fields["title"]
    assert columns[Pillar.WIN].list.accessibleName() == "Win goals"
    assert columns[Pillar.KEEP].entry.accessibleName() == "New Keep goal"


# ----------------------------------------------------------------- moving goals


def test_goal_dragged_to_keep_moves_there_and_undo_brings_it_back(board):
    session = board.session
    convert = goal_titled(session, "Turn more first-time visitors into buyers")
    before = on_screen(board)
    mime = drag_payload(board, Pillar.WIN, 0)
    keep = board.columns[Pillar.KEEP].model
    assert keep.dropMimeData(mime, MOVE, 1, 0, QModelIndex())

    assert editing.goal_position(session.workshop, convert.id) == (Pillar.KEEP, 1)
    assert on_screen(board)[Pillar.KEEP][1] == convert.title
    assert convert.title not in on_screen(board)[Pillar.WIN]
    assert session.undo_stack.undoText() == (
        "Move goal 'Turn more first-time visitors into buyers' to Keep"
    )
    assert board.selected_goal_id() == convert.id
    assert board.columns[Pillar.KEEP].list.hasFocus()
    assert_screen_matches_file(board, session)

    session.undo_stack.undo()
    assert on_screen(board) == before
    assert board.selected_goal_id() == convert.id, "the selection follows the card back"
    assert board.columns[Pillar.WIN].list.selectionModel().isSelected(card(board, Pillar.WIN, 0))
    assert_screen_matches_file(board, session)

    session.undo_stack.redo()
    assert on_screen(board)[Pillar.KEEP][1] == convert.title
    assert_screen_matches_file(board, session)


def test_dropping_a_card_lower_in_its_own_column_lands_it_where_it_was_dropped(small_board):
    session = small_board.session
    win = small_board.columns[Pillar.WIN].model
    # Row 2 is below the last card: the card leaves row 0, so it lands at the end.
    assert win.dropMimeData(drag_payload(small_board, Pillar.WIN, 0), MOVE, 2, 0, QModelIndex())
    assert on_screen(small_board)[Pillar.WIN] == [
        "Cut the cost of acquiring a customer",
        "Raise trial-to-paid conversion",
    ]
    assert session.undo_stack.undoText() == "Reorder goal 'Raise trial-to-paid conversion'"
    assert_screen_matches_file(small_board, session)
    # Dropping a card just below itself changes nothing and adds no step.
    assert not win.dropMimeData(drag_payload(small_board, Pillar.WIN, 0), MOVE, 1, 0, QModelIndex())
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert on_screen(small_board)[Pillar.WIN][0] == "Raise trial-to-paid conversion"
    assert_screen_matches_file(small_board, session)


def test_dropping_on_empty_space_puts_the_card_at_the_end(small_board):
    advocate = small_board.columns[Pillar.ADVOCATE].model
    assert advocate.dropMimeData(
        drag_payload(small_board, Pillar.KEEP, 0), MOVE, -1, -1, QModelIndex()
    )
    assert on_screen(small_board)[Pillar.ADVOCATE] == ["Lower monthly churn"]
    assert on_screen(small_board)[Pillar.KEEP] == []


def other_workshops_card(board: GoalsPage, store: Store) -> tuple[Session, QMimeData]:
    """A card dragged from a copy of this workshop (a re-run): same goal ids, other workshop."""
    copy_id = store.duplicate_workshop(board.session.workshop_id).id
    other = Session(store, copy_id)
    other_model = PillarGoalsModel(Pillar.WIN, other)
    mime = other_model.mimeData([other_model.index(0, 0)])
    assert mime is not None
    assert other.workshop.goals[0].id == board.session.workshop.goals[0].id
    return other, mime


def test_a_card_from_another_workshop_is_refused(qtbot, board, store):
    session = board.session
    other, mime = other_workshops_card(board, store)
    other_before = in_workshop(other.workshop)
    before = on_screen(board)
    keep = board.columns[Pillar.KEEP].model
    assert not keep.canDropMimeData(mime, MOVE, 0, 0, QModelIndex())
    assert not keep.dropMimeData(mime, MOVE, 0, 0, QModelIndex())
    # Forged: the right workshop, but a goal that is not in it.
    forged = QMimeData()
    forged.setData(GOAL_MIME_TYPE, b'{"workshop": %d, "goal": "nope"}' % session.workshop_id)
    assert not keep.dropMimeData(forged, MOVE, 0, 0, QModelIndex())
    assert on_screen(board) == before
    assert session.undo_stack.count() == 0
    assert in_workshop(other.workshop) == other_before


def _drag_events_to(view, mime: QMimeData, pos: QPoint) -> QDropEvent:  # type: ignore[no-untyped-def]
    viewport = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, MOVE, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, MOVE, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    assert view._drop_y is not None, "the board shows where the card will land"
    drop = QDropEvent(QPointF(pos), MOVE, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop


def test_card_dropped_on_the_keep_view_moves_there_and_nothing_is_deleted_from_win(board):
    session = board.session
    win_view = board.columns[Pillar.WIN].list
    keep_view = board.columns[Pillar.KEEP].list
    moved = card(board, Pillar.WIN, 1).data(Qt.ItemDataRole.DisplayRole)
    win_before = on_screen(board)[Pillar.WIN]
    win_view.setCurrentIndex(card(board, Pillar.WIN, 1))
    mime = drag_payload(board, Pillar.WIN, 1)

    top_of_first = keep_view.visualRect(card(board, Pillar.KEEP, 0)).topLeft() + QPoint(20, 3)
    drop = _drag_events_to(keep_view, mime, top_of_first)

    assert drop.isAccepted() and drop.dropAction() == MOVE
    assert on_screen(board)[Pillar.KEEP][0] == moved
    assert on_screen(board)[Pillar.WIN] == [t for t in win_before if t != moved]
    # After a move-drag Qt asks the source to remove the rows it sent; it must decline,
    # because the drop already moved the goal.
    win = board.columns[Pillar.WIN].model
    assert not win.removeRows(0, win.rowCount())
    assert len(session.workshop.goals) == 9
    assert session.undo_stack.count() == 1
    assert_screen_matches_file(board, session)


def test_a_foreign_card_dragged_over_the_board_is_not_accepted(board, store):
    _other, mime = other_workshops_card(board, store)
    keep_view = board.columns[Pillar.KEEP].list
    pos = keep_view.visualRect(card(board, Pillar.KEEP, 0)).topLeft() + QPoint(20, 3)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt accepts any drag of the right type on entering; the move over a spot decides.
    QApplication.sendEvent(keep_view.viewport(), QDragEnterEvent(pos, MOVE, mime, buttons, mods))
    move = QDragMoveEvent(pos, MOVE, mime, buttons, mods)
    QApplication.sendEvent(keep_view.viewport(), move)
    assert not move.isAccepted()
    assert keep_view._drop_y is None
    drop = QDropEvent(
        QPointF(pos), MOVE, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(keep_view.viewport(), drop)
    assert board.session.undo_stack.count() == 0


def test_ctrl_right_moves_the_card_to_the_next_pillar_and_ctrl_up_reorders(qtbot, board):
    session = board.session
    effort = goal_titled(session, "Make getting help effortless")
    board.select_goal(effort.id, focus=True)
    keep_view = board.columns[Pillar.KEEP].list
    assert keep_view.hasFocus()

    qtbot.keyClick(keep_view, Qt.Key.Key_Right, CTRL)
    assert editing.goal_position(session.workshop, effort.id) == (Pillar.ADVOCATE, 1)
    assert session.undo_stack.undoText() == "Move goal 'Make getting help effortless' to Advocate"
    advocate_view = board.columns[Pillar.ADVOCATE].list
    assert advocate_view.hasFocus()
    assert board.selected_goal_id() == effort.id

    qtbot.keyClick(advocate_view, Qt.Key.Key_Up, CTRL)
    assert editing.goal_position(session.workshop, effort.id) == (Pillar.ADVOCATE, 0)
    assert session.undo_stack.undoText() == "Reorder goal 'Make getting help effortless'"
    qtbot.keyClick(advocate_view, Qt.Key.Key_Up, CTRL)  # already at the top
    qtbot.keyClick(advocate_view, Qt.Key.Key_Right, CTRL)  # no pillar beyond Advocate
    assert session.undo_stack.count() == 2
    qtbot.keyClick(advocate_view, Qt.Key.Key_Down, CTRL)
    assert editing.goal_position(session.workshop, effort.id) == (Pillar.ADVOCATE, 1)
    qtbot.keyClick(advocate_view, Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(board.columns[Pillar.KEEP].list, Qt.Key.Key_Left, CTRL)
    assert editing.goal_position(session.workshop, effort.id) == (Pillar.WIN, 1)
    assert_screen_matches_file(board, session)

    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert editing.goal_position(session.workshop, effort.id) == (Pillar.KEEP, 1)
    assert board.selected_goal_id() == effort.id
    assert_screen_matches_file(board, session)


def test_left_and_right_arrows_walk_between_columns(qtbot, board):
    session = board.session
    board.select_goal(goal_titled(session, "Win each new customer for less").id, focus=True)
    win_view = board.columns[Pillar.WIN].list
    qtbot.keyClick(win_view, Qt.Key.Key_Right)
    keep_view = board.columns[Pillar.KEEP].list
    assert keep_view.hasFocus()
    assert board.selected_goal_id() == goal_titled(session, "Make getting help effortless").id
    assert not win_view.selectionModel().hasSelection(), "one card is selected on the board"
    qtbot.keyClick(keep_view, Qt.Key.Key_Left)
    assert win_view.hasFocus()
    assert session.undo_stack.count() == 0


# ----------------------------------------------------------------- deleting goals


def test_delete_key_removes_an_unassigned_goal_at_once_and_undo_restores_it(
    qtbot, small_board, monkeypatch
):
    session = small_board.session

    def must_not_ask(*args: object) -> QMessageBox.StandardButton:
        raise AssertionError("nothing hangs on this goal; no question needed")

    monkeypatch.setattr(QMessageBox, "question", must_not_ask)
    first = goal_titled(session, "Raise trial-to-paid conversion")
    small_board.select_goal(first.id, focus=True)
    win_view = small_board.columns[Pillar.WIN].list
    qtbot.keyClick(win_view, Qt.Key.Key_Delete)

    assert on_screen(small_board)[Pillar.WIN] == ["Cut the cost of acquiring a customer"]
    assert session.undo_stack.undoText() == "Delete goal 'Raise trial-to-paid conversion'"
    # The neighbour takes the selection, so Delete again goes on down the column.
    neighbour = goal_titled(session, "Cut the cost of acquiring a customer")
    assert small_board.selected_goal_id() == neighbour.id
    assert win_view.hasFocus()
    assert_screen_matches_file(small_board, session)

    session.undo_stack.undo()
    assert on_screen(small_board)[Pillar.WIN][0] == "Raise trial-to-paid conversion"
    assert_screen_matches_file(small_board, session)
    session.undo_stack.redo()
    assert "Raise trial-to-paid conversion" not in on_screen(small_board)[Pillar.WIN]
    assert_screen_matches_file(small_board, session)


def test_deleting_an_assigned_goal_asks_first_and_names_what_goes(qtbot, board, monkeypatch):
    session = board.session
    nps = goal_titled(session, "Raise our Net Promoter Score")
    assignments = len(editing.assignments_of(session.workshop, nps.id))
    assert assignments > 0
    before_ws = copy.deepcopy(session.workshop)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        # Asked before anything changed.
        assert session.workshop.goals == before_ws.goals
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    board.select_goal(nps.id, focus=True)
    advocate_view = board.columns[Pillar.ADVOCATE].list
    qtbot.keyClick(advocate_view, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert "Raise our Net Promoter Score" in asked[0]
    assert f"{assignments} assignments" in asked[0]
    assert session.undo_stack.count() == 0
    assert nps.title in on_screen(board)[Pillar.ADVOCATE]

    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.keyClick(advocate_view, Qt.Key.Key_Delete)
    assert nps.title not in on_screen(board)[Pillar.ADVOCATE]
    assert editing.assignments_of(session.workshop, nps.id) == []
    assert_screen_matches_file(board, session)

    session.undo_stack.undo()
    assert session.workshop.goals == before_ws.goals
    assert session.workshop.assignments == before_ws.assignments
    assert session.workshop.rounds == before_ws.rounds
    assert_screen_matches_file(board, session)


# ----------------------------------------------------------------- examples


def _action(page: GoalsPage, pillar: Pillar, text: str):  # type: ignore[no-untyped-def]
    menu = page.columns[pillar].examples_menu
    page.fill_examples_menu(pillar)
    return next(a for a in menu.actions() if a.text().startswith(text))


def test_all_win_examples_arrive_in_one_step_and_leave_in_one_step(small_board):
    session = small_board.session
    before = on_screen(small_board)
    titles = [g.title for g in example_goals()[Pillar.WIN]]
    _action(small_board, Pillar.WIN, "Add all examples for Win").trigger()

    assert on_screen(small_board)[Pillar.WIN] == before[Pillar.WIN] + titles
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Add 4 example goals to Win"
    added = goal_titled(session, titles[0])
    assert added.metric and added.baseline and added.target and added.due
    assert small_board.selected_goal_id() == added.id
    assert not _action(small_board, Pillar.WIN, "Add all examples for Win").isEnabled()
    assert not _action(small_board, Pillar.WIN, titles[0]).isEnabled()
    assert_screen_matches_file(small_board, session)

    session.undo_stack.undo()
    assert on_screen(small_board) == before
    assert_screen_matches_file(small_board, session)
    session.undo_stack.redo()
    assert on_screen(small_board)[Pillar.WIN] == before[Pillar.WIN] + titles
    assert_screen_matches_file(small_board, session)


def test_an_example_already_on_the_board_is_not_added_again(qtbot, small_board):
    session = small_board.session
    first, *rest = [g.title for g in example_goals()[Pillar.KEEP]]
    entry = small_board.columns[Pillar.KEEP].entry
    entry.setFocus()
    qtbot.keyClicks(entry, first.upper())  # the same goal, typed in capitals
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert not _action(small_board, Pillar.KEEP, first).isEnabled()

    _action(small_board, Pillar.KEEP, rest[0]).trigger()
    assert session.undo_stack.undoText() == f"Add goal '{rest[0]}'"
    _action(small_board, Pillar.KEEP, "Add all examples for Keep").trigger()
    keep = on_screen(small_board)[Pillar.KEEP]
    assert keep == ["Lower monthly churn", first.upper(), *rest]
    assert session.undo_stack.count() == 3


def test_a_goals_details_and_hint_fit_the_panel_on_a_large_screen(qtbot, demo_session):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    sheet, palette = app.styleSheet(), app.palette()
    theme.apply(app, theme.ThemeName.LIGHT)
    try:
        page = GoalsPage()
        theme.mark_content(page)
        qtbot.addWidget(page)
        page.set_session(demo_session)
        # The room a 1600×1000 window leaves below the workshop's title and step bar.
        page.resize(1552, 740)
        page.show()
        qtbot.waitExposed(page)
        keep = editing.goals_in(demo_session.workshop, Pillar.KEEP)[0]
        page.select_goal(keep.id)
        QApplication.processEvents()
        panel = page.panel
        description = panel.fields["description"]
        lines = description.height() / description.fontMetrics().lineSpacing()
        assert 3 <= lines < 4.5
        # Nothing to scroll to: the hint on typical metrics and Delete are in view.
        scroller = panel.stack.currentWidget()
        assert not scroller.verticalScrollBar().isVisible()
        area = scroller.viewport().rect()
        for widget in (panel.hint, panel.delete_button):
            top_left = widget.mapTo(scroller.viewport(), QPoint(0, 0))
            assert area.contains(top_left) and area.contains(
                top_left + QPoint(widget.width() - 1, widget.height() - 1)
            )
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
