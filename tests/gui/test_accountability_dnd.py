"""Dragging functions and people onto goals: the models' drag and drop, and the real drop zones."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.model import (
    Assignee,
    AssigneeKind,
    Assignment,
    Goal,
    Pillar,
    Role,
    Workshop,
)
from cxworkshop.gui.models.accountability.board import AssigneesModel, GoalAssignmentsModel
from cxworkshop.gui.models.accountability.payload import ASSIGNEE_MIME_TYPE, Payload, make_mime
from cxworkshop.gui.ops.accountability import Edits
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.session import Session
from cxworkshop.gui.widgets import raci
from cxworkshop.gui.widgets.raci_board import DropZone
from cxworkshop.storage.store import Store
from tests.helpers.accountability import add_goals_and_two_people, show_accountability
from tests.helpers.gui import function, goal_titled, person, reopened, roles_on

# Drag and drop is where platforms differ most: these run on a real X server too.
pytestmark = pytest.mark.desktop

MOVE = Qt.DropAction.MoveAction
COPY = Qt.DropAction.CopyAction
BOTH = MOVE | COPY
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
A, R, C, INF = Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED


# ----------------------------------------------------------------- helpers


def assignments(ws: Workshop) -> list[Assignment]:
    return sorted(ws.assignments, key=lambda a: (a.goal_id, a.assignee.kind, a.assignee.id))


def assert_saved(session: Session) -> None:
    """A fresh open of the file reads the assignments the store holds."""
    assert assignments(reopened(session)) == assignments(session.workshop)


def palette_mime(session: Session, who: Assignee) -> QMimeData:
    model = AssigneesModel((who.kind,))
    model.set_session(session)
    mime = model.mimeData([model.index(model.row_of(who), 0)])
    assert mime is not None
    return mime


def payload_of(mime: QMimeData) -> dict[str, object]:
    return json.loads(bytes(mime.data(ASSIGNEE_MIME_TYPE).data()).decode("utf-8"))


@pytest.fixture
def workshop(blank_session: Session) -> Session:
    """Ten functions, two people, three goals and no roles yet."""
    return add_goals_and_two_people(blank_session, ("Ben Okafor", "Head of marketing"))


@pytest.fixture
def tree(qtmodeltester, workshop: Session) -> GoalAssignmentsModel:
    """The board's model on its own, following the workshop, checked by the model tester."""
    model = GoalAssignmentsModel()
    edits = Edits(model)
    edits.session = workshop
    model.set_session(workshop, edits)
    workshop.sig_changed.connect(model.sync)
    qtmodeltester.check(model)
    return model


def make_page(qtbot, session: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return show_accountability(qtbot, session, active=False)


@pytest.fixture
def page(qtbot, workshop: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, workshop)


@pytest.fixture
def demo_page(qtbot, demo_session: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, demo_session)


# ----------------------------------------------------------------- the models


def test_a_palette_chip_carries_the_workshop_and_who_it_is(workshop: Session):
    marketing = function(workshop, "Marketing")
    mime = palette_mime(workshop, marketing)
    assert mime.formats()[0] == ASSIGNEE_MIME_TYPE
    assert payload_of(mime) == {
        "workshop": workshop.workshop_id,
        "kind": "function",
        "id": marketing.id,
    }
    assert mime.text() == "Marketing"


def test_a_chip_dragged_off_a_goal_also_says_where_it_came_from(tree, workshop: Session):
    churn = goal_titled(workshop, "Lower monthly churn")
    sales = function(workshop, "Sales")
    workshop.store.assign(workshop.workshop_id, churn.id, sales, C)
    tree.sync()
    mime = tree.mimeData([tree.holder_index(churn.id, sales)])
    assert mime is not None
    assert payload_of(mime) == {
        "workshop": workshop.workshop_id,
        "kind": "function",
        "id": sales.id,
        "goal": churn.id,
        "role": "C",
    }


def test_dropping_a_palette_chip_on_a_zone_assigns_that_role(tree, workshop: Session):
    nps = goal_titled(workshop, "Raise NPS to 35")
    mime = palette_mime(workshop, function(workshop, "Marketing"))
    zone = tree.role_index(nps.id, R)
    assert tree.canDropMimeData(mime, COPY, -1, -1, zone)
    assert tree.dropMimeData(mime, COPY, -1, -1, zone)
    assert roles_on(workshop, nps.id) == {"Marketing": R}
    assert [h.name for h in tree.holders(nps.id, R)] == ["Marketing"]
    assert workshop.undo_stack.undoText() == "Make Marketing Responsible for 'Raise NPS to 35'"
    assert_saved(workshop)
    workshop.undo_stack.undo()
    assert roles_on(workshop, nps.id) == {}
    assert tree.holders(nps.id, R) == []
    assert_saved(workshop)


def test_moving_a_chip_to_another_zone_changes_its_role(tree, workshop: Session):
    churn = goal_titled(workshop, "Lower monthly churn")
    it = function(workshop, "IT")
    workshop.store.assign(workshop.workshop_id, churn.id, it, R)
    tree.sync()
    mime = tree.mimeData([tree.holder_index(churn.id, it)])
    assert mime is not None
    assert tree.dropMimeData(mime, MOVE, -1, -1, tree.role_index(churn.id, C))
    assert roles_on(workshop, churn.id) == {"IT": C}
    assert tree.holders(churn.id, R) == [] and [h.name for h in tree.holders(churn.id, C)] == ["IT"]
    assert workshop.undo_stack.undoText() == (
        "Change IT from Responsible to Consulted on 'Lower monthly churn'"
    )
    workshop.undo_stack.undo()
    assert roles_on(workshop, churn.id) == {"IT": R}
    assert_saved(workshop)


def test_a_chip_dropped_on_another_goal_is_given_there_too(tree, workshop: Session):
    churn = goal_titled(workshop, "Lower monthly churn")
    nps = goal_titled(workshop, "Raise NPS to 35")
    hr = function(workshop, "HR")
    workshop.store.assign(workshop.workshop_id, churn.id, hr, INF)
    tree.sync()
    mime = tree.mimeData([tree.holder_index(churn.id, hr)])
    assert tree.dropMimeData(mime, COPY, -1, -1, tree.role_index(nps.id, C))
    assert roles_on(workshop, churn.id) == {"HR": INF}
    assert roles_on(workshop, nps.id) == {"HR": C}


@pytest.mark.parametrize("where", ["outside every goal", "the palette"])
def test_a_chip_dragged_off_its_goal_comes_off_it(tree, workshop: Session, where: str):
    churn = goal_titled(workshop, "Lower monthly churn")
    finance = function(workshop, "Finance")
    workshop.store.assign(workshop.workshop_id, churn.id, finance, C)
    tree.sync()
    mime = tree.mimeData([tree.holder_index(churn.id, finance)])
    assert mime is not None
    if where == "the palette":
        palette = AssigneesModel((AssigneeKind.FUNCTION,))
        palette.set_session(workshop, tree.edits)
        assert palette.canDropMimeData(mime, MOVE, -1, -1, QModelIndex())
        assert palette.dropMimeData(mime, MOVE, -1, -1, QModelIndex())
    else:
        assert tree.canDropMimeData(mime, MOVE, -1, -1, QModelIndex())
        assert tree.dropMimeData(mime, MOVE, -1, -1, QModelIndex())
    assert roles_on(workshop, churn.id) == {}
    assert tree.holders(churn.id, C) == []
    assert workshop.undo_stack.undoText() == "Take Finance off 'Lower monthly churn'"
    workshop.undo_stack.undo()
    assert roles_on(workshop, churn.id) == {"Finance": C}
    assert_saved(workshop)


def test_second_accountable_replaces_the_first(qtbot, tree, workshop: Session):
    churn = goal_titled(workshop, "Lower monthly churn")
    ana, ben = person(workshop, "Ana Silva"), person(workshop, "Ben Okafor")
    workshop.store.assign(workshop.workshop_id, churn.id, ana, A)
    tree.sync()
    mime = palette_mime(workshop, ben)
    with qtbot.waitSignal(tree.edits.sig_replaced) as replaced:
        assert tree.dropMimeData(mime, COPY, -1, -1, tree.role_index(churn.id, A))
    assert roles_on(workshop, churn.id) == {"Ben Okafor": A}
    assert [h.name for h in tree.holders(churn.id, A)] == ["Ben Okafor"]
    goal_id, sentence = replaced.args
    assert goal_id == churn.id
    assert "Ben Okafor" in sentence and "Ana Silva" in sentence
    assert workshop.undo_stack.undoText() == (
        "Make Ben Okafor Accountable for 'Lower monthly churn' in place of Ana Silva"
    )
    assert_saved(workshop)
    workshop.undo_stack.undo()
    assert roles_on(workshop, churn.id) == {"Ana Silva": A}
    assert_saved(workshop)
    workshop.undo_stack.redo()
    assert roles_on(workshop, churn.id) == {"Ben Okafor": A}
    assert sum(1 for a in workshop.workshop.assignments if a.role is A) == 1


def test_drops_that_would_change_nothing_or_come_from_elsewhere_are_refused(
    tree, workshop: Session, store: Store
):
    churn = goal_titled(workshop, "Lower monthly churn")
    sales = function(workshop, "Sales")
    workshop.store.assign(workshop.workshop_id, churn.id, sales, R)
    tree.sync()
    on_r = tree.role_index(churn.id, R)
    # Already there.
    assert not tree.canDropMimeData(palette_mime(workshop, sales), COPY, -1, -1, on_r)
    assert not tree.dropMimeData(palette_mime(workshop, sales), COPY, -1, -1, on_r)
    # A palette chip cannot be "removed" anywhere.
    palette_chip = palette_mime(workshop, function(workshop, "IT"))
    assert not tree.canDropMimeData(palette_chip, MOVE, -1, -1, QModelIndex())
    # A goal itself is no zone.
    assert not tree.canDropMimeData(palette_chip, COPY, -1, -1, tree.goal_index(churn.id))
    assert not tree.canDropMimeData(palette_chip, Qt.DropAction.LinkAction, -1, -1, on_r)
    # Another workshop's chip, and a forged one.
    other = Session(store, store.create_workshop(editing.new_workshop("Other")).id or 0)
    foreign = make_mime(Payload(other.workshop_id, sales))
    assert not tree.canDropMimeData(foreign, COPY, -1, -1, tree.role_index(churn.id, C))
    forged = make_mime(Payload(workshop.workshop_id, Assignee.function("nobody")))
    assert not tree.dropMimeData(forged, COPY, -1, -1, tree.role_index(churn.id, C))
    assert workshop.undo_stack.count() == 0


def test_the_board_model_stays_well_behaved_through_edits_undo_and_new_goals(
    tree, workshop: Session
):
    churn = goal_titled(workshop, "Lower monthly churn")
    wid = workshop.workshop_id
    marketing, sales = function(workshop, "Marketing"), function(workshop, "Sales")
    for who, role in ((marketing, A), (sales, R), (marketing, C), (sales, A)):
        tree.dropMimeData(
            palette_mime(workshop, who), COPY, -1, -1, tree.role_index(churn.id, role)
        )
    workshop.edit(
        "Add goal",
        lambda: workshop.store.add_goal(wid, Goal(Pillar.WIN, "Win customers for less"), 0),
        lambda goal: workshop.store.remove_goal(wid, goal.id),
    )
    workshop.edit(
        "Move goal",
        lambda: workshop.store.move_goal(wid, churn.id, Pillar.WIN, 0),
        lambda old: workshop.store.move_goal(wid, churn.id, *old),
    )
    while workshop.undo_stack.canUndo():
        workshop.undo_stack.undo()
    assert tree.goal_ids() == [g.id for g in workshop.workshop.goals]
    assert all(tree.rowCount(tree.role_index(churn.id, role)) == 0 for role in Role)


# ----------------------------------------------------------------- the drop zones


def drag_event(kind, pos: QPoint, actions, mime: QMimeData):  # type: ignore[no-untyped-def]
    """A real drag event; newer Qt for Python takes a QPointF, older ones only a QPoint."""
    try:
        return kind(QPointF(pos), actions, mime, LEFT, NO_KEYS)
    except TypeError:
        return kind(pos, actions, mime, LEFT, NO_KEYS)


def drag_to(widget: QWidget, mime: QMimeData, pos: QPoint, actions=BOTH):  # type: ignore[no-untyped-def]
    """Enter and move over ``widget`` at ``pos``; the two events, answered."""
    enter = drag_event(QDragEnterEvent, pos, actions, mime)
    QApplication.sendEvent(widget, enter)
    move = drag_event(QDragMoveEvent, pos, actions, mime)
    QApplication.sendEvent(widget, move)
    return enter, move


def drop_on(widget: QWidget, mime: QMimeData, pos: QPoint, actions=BOTH) -> QDropEvent:  # type: ignore[no-untyped-def]
    drop = QDropEvent(QPointF(pos), actions, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, drop)
    return drop


def zone_of(page: AccountabilityPage, goal: Goal, role: Role) -> DropZone:
    zone = page.board.zone(goal.id, role)
    assert zone is not None
    return zone


def middle(widget: QWidget) -> QPoint:
    return widget.rect().center()


def test_a_zone_takes_a_palette_chip_and_lights_up_while_it_hovers(page: AccountabilityPage):
    session = page.session
    nps = goal_titled(session, "Raise NPS to 35")
    zone = zone_of(page, nps, C)
    mime = palette_mime(session, function(session, "Customer Service"))
    enter, move = drag_to(zone, mime, middle(zone), COPY)
    assert enter.isAccepted() and move.isAccepted()
    assert move.dropAction() == COPY
    assert zone.hovered and zone.effect == "assign"
    # Every other zone the chip may land in is outlined too.
    assert zone_of(page, goal_titled(session, "Lower monthly churn"), A).effect == "assign"
    drop = drop_on(zone, mime, middle(zone), COPY)
    assert drop.isAccepted()
    assert roles_on(session, nps.id) == {"Customer Service": C}
    assert [c.name for c in zone.chips] == ["Customer Service"]
    assert not zone.hovered and zone.effect is None
    assert session.undo_stack.count() == 1
    assert_saved(session)


def test_a_zone_refuses_the_chip_it_already_holds(page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    sales = function(session, "Sales")
    session.store.assign(session.workshop_id, churn.id, sales, R)
    page.refresh()
    zone = zone_of(page, churn, R)
    mime = palette_mime(session, sales)
    _enter, move = drag_to(zone, mime, middle(zone), COPY)
    assert not move.isAccepted(), "the forbidden cursor shows"
    assert not zone.hovered
    drop = drop_on(zone, mime, middle(zone), COPY)
    assert not drop.isAccepted()
    assert session.undo_stack.count() == 0


def test_a_chip_moved_between_zones_of_one_card_changes_role(page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    ops = function(session, "Operations")
    session.store.assign(session.workshop_id, churn.id, ops, INF)
    page.refresh()
    mime = make_mime(Payload(session.workshop_id, ops, churn.id, INF), "Operations")
    target = zone_of(page, churn, R)
    _enter, move = drag_to(target, mime, middle(target))
    assert move.isAccepted() and move.dropAction() == MOVE
    drop = drop_on(target, mime, middle(target))
    assert drop.isAccepted() and drop.dropAction() == MOVE
    assert roles_on(session, churn.id) == {"Operations": R}
    assert zone_of(page, churn, INF).chips == []
    assert [c.name for c in target.chips] == ["Operations"]


def test_dropping_on_a_filled_accountable_slot_replaces_the_holder_visibly(
    qtbot, page: AccountabilityPage
):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    ana, ben = person(session, "Ana Silva"), person(session, "Ben Okafor")
    session.store.assign(session.workshop_id, churn.id, ana, A)
    page.refresh()
    slot = zone_of(page, churn, A)
    mime = palette_mime(session, ben)
    _enter, move = drag_to(slot, mime, middle(slot), COPY)
    assert move.isAccepted() and slot.effect == "replace"
    with qtbot.waitSignal(page.sig_status) as status:
        drop_on(slot, mime, middle(slot), COPY)
    assert [c.name for c in slot.chips] == ["Ben Okafor"]
    assert "in place of Ana Silva" in status.args[0]
    assert page.notice.isVisible() and "Ana Silva" in page.notice.text()
    assert slot._flash > 0, "the slot lights up briefly"
    session.undo_stack.undo()
    assert [c.name for c in slot.chips] == ["Ana Silva"]
    assert_saved(session)


def test_a_card_outside_its_zones_refuses_every_chip(page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    card = page.board.cards[churn.id]
    mime = palette_mime(session, function(session, "HR"))
    title = card.title.mapTo(card, card.title.rect().center())
    enter, move = drag_to(card, mime, title)
    assert enter.isAccepted(), "the card takes the drag, so it never falls through to the board"
    assert not move.isAccepted()
    drop_on(card, mime, title)
    assert session.undo_stack.count() == 0


def test_empty_space_around_the_cards_takes_a_chip_off_its_goal(page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    hr = function(session, "HR")
    session.store.assign(session.workshop_id, churn.id, hr, C)
    page.refresh()
    canvas = page.board.canvas
    gap = QPoint(canvas.width() - 5, canvas.height() - 5)
    from_palette = palette_mime(session, hr)
    _enter, move = drag_to(canvas, from_palette, gap, COPY)
    assert not move.isAccepted(), "a chip from the palette has nothing to come off"
    off_the_goal = make_mime(Payload(session.workshop_id, hr, churn.id, C), "HR")
    _enter, move = drag_to(canvas, off_the_goal, gap)
    assert move.isAccepted() and move.dropAction() == MOVE
    drop = drop_on(canvas, off_the_goal, gap)
    assert drop.isAccepted()
    assert roles_on(session, churn.id) == {}
    assert zone_of(page, churn, C).chips == []
    assert session.undo_stack.undoText() == "Take HR off 'Lower monthly churn'"


def test_the_palette_takes_a_chip_off_its_goal(page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    it = function(session, "IT")
    session.store.assign(session.workshop_id, churn.id, it, R)
    page.refresh()
    view = page.palette_panel.groups[1].view  # back office
    viewport = view.viewport()
    mime = make_mime(Payload(session.workshop_id, it, churn.id, R), "IT")
    _enter, move = drag_to(viewport, mime, middle(viewport))
    assert move.isAccepted()
    drop_on(viewport, mime, middle(viewport))
    assert roles_on(session, churn.id) == {}
    assert_saved(session)


def test_a_chip_from_another_workshop_lands_nowhere(page: AccountabilityPage, store: Store):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    other = store.create_workshop(editing.new_workshop("Another workshop"))
    foreign = make_mime(Payload(other.id or 0, function(session, "Sales")), "Sales")
    zone = zone_of(page, churn, R)
    enter = drag_event(QDragEnterEvent, middle(zone), COPY, foreign)
    QApplication.sendEvent(zone, enter)
    move = drag_event(QDragMoveEvent, middle(zone), COPY, foreign)
    QApplication.sendEvent(zone, move)
    assert not move.isAccepted()
    drop_on(zone, foreign, middle(zone), COPY)
    assert session.undo_stack.count() == 0


def test_pressing_and_dragging_a_chip_outlines_the_zones_it_may_land_in(
    qtbot, page: AccountabilityPage, monkeypatch
):
    """A chip picked up with the mouse: every valid zone is outlined; dropped, it moves."""
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    nps = goal_titled(session, "Raise NPS to 35")
    marketing = function(session, "Marketing")
    session.store.assign(session.workshop_id, churn.id, marketing, R)
    page.refresh()
    source = zone_of(page, churn, R)
    target = zone_of(page, churn, A)
    seen: dict[str, object] = {}

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        mime = drag.mimeData()
        seen["effects"] = {
            (goal.title, role): zone_of(page, goal, role).effect
            for goal in (churn, nps)
            for role in Role
        }
        seen["dimmed"] = page.board.dragged_from
        drag_to(target, mime, middle(target))
        drop = drop_on(target, mime, middle(target))
        return drop.dropAction()

    monkeypatch.setattr(raci, "exec_drag", pointer)
    monkeypatch.setattr("cxworkshop.gui.widgets.raci_board.exec_drag", pointer)
    chip = source.chip_rect(marketing)
    assert chip is not None
    start = chip.center().toPoint()
    QTest.mousePress(source, LEFT, NO_KEYS, start)
    QTest.mouseMove(source, start + QPoint(QApplication.startDragDistance() + 8, 4))
    QTest.mouseRelease(source, LEFT, NO_KEYS, start)

    effects = seen["effects"]
    assert isinstance(effects, dict)
    assert effects[(churn.title, R)] is None, "not where it already is"
    assert effects[(churn.title, A)] == "move"
    assert effects[(nps.title, R)] == "copy"
    assert seen["dimmed"] == (churn.id, marketing)
    assert roles_on(session, churn.id) == {"Marketing": A}
    assert all(zone_of(page, churn, role).effect is None for role in Role)
    assert page.board.dragged_from is None


def test_a_palette_chip_dragged_with_the_mouse_lands_where_dropped(
    qtbot, page: AccountabilityPage, monkeypatch
):
    session = page.session
    nps = goal_titled(session, "Raise NPS to 35")
    view = page.palette_panel.groups[0].view  # front office
    target = zone_of(page, nps, R)
    outlined: list[str | None] = []

    def pointer(drag, actions, default):  # type: ignore[no-untyped-def]
        assert actions == COPY
        outlined.append(zone_of(page, nps, A).effect)
        drag_to(target, drag.mimeData(), middle(target), actions)
        return drop_on(target, drag.mimeData(), middle(target), actions).dropAction()

    monkeypatch.setattr("cxworkshop.gui.widgets.raci_palette.exec_drag", pointer)
    index = view.model().index(0, 0)
    name = index.data()
    rect = view.visualRect(index)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, rect.center())
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(40, 6))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(80, 12))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, rect.center() + QPoint(80, 12))
    assert outlined == ["assign"]
    assert roles_on(session, nps.id) == {name: R}
    assert zone_of(page, nps, A).effect is None


# ----------------------------------------------------------------- a whole round by mouse


def test_a_full_assignment_round_by_mouse_on_the_demo_survives_reopening(
    demo_page: AccountabilityPage,
):
    """Clear the demo's roles, then give every goal an A and an R by dragging chips."""
    session = demo_page.session
    wid = session.workshop_id
    for goal in session.workshop.goals:
        session.store.set_assignments(wid, goal.id, [])
    demo_page.refresh()
    people = [p for p in session.workshop.participants]
    functions = [f for f in session.workshop.functions]
    plan = {}
    for n, goal in enumerate(session.workshop.goals):
        leader = Assignee.participant(people[n % len(people)].id)
        doer = Assignee.function(functions[1 + n % (len(functions) - 1)].id)
        plan[goal.id] = {leader: A, doer: R}
        for who, role in ((leader, A), (doer, R)):
            zone = zone_of(demo_page, goal, role)
            mime = palette_mime(session, who)
            _enter, move = drag_to(zone, mime, middle(zone), COPY)
            assert move.isAccepted()
            assert drop_on(zone, mime, middle(zone), COPY).isAccepted()
    assert session.undo_stack.count() == 2 * len(plan)
    ws = reopened(session)
    got = {
        goal.id: {a.assignee: a.role for a in ws.assignments if a.goal_id == goal.id}
        for goal in ws.goals
    }
    assert got == plan
    for goal in session.workshop.goals:
        assert [c.assignee for c in zone_of(demo_page, goal, A).chips] == [
            who for who, role in plan[goal.id].items() if role is A
        ]


@pytest.fixture
def payload_reads(monkeypatch: pytest.MonkeyPatch) -> list[QMimeData | None]:
    """Every time a chip's drag payload is read (parsed from its MIME data and checked)."""
    from cxworkshop.gui.models.accountability import payload

    reads: list[QMimeData | None] = []
    parse = payload.workshop_payload

    def counted(data, mime_type, session):  # type: ignore[no-untyped-def]
        reads.append(data)
        return parse(data, mime_type, session)

    monkeypatch.setattr(payload, "workshop_payload", counted)
    return reads


@pytest.mark.desktop
def test_a_chip_dropped_on_a_zone_is_read_once(
    page: AccountabilityPage, payload_reads: list[QMimeData | None]
):
    session = page.session
    nps = goal_titled(session, "Raise NPS to 35")
    zone = zone_of(page, nps, R)
    mime = palette_mime(session, function(session, "Sales"))
    drag_to(zone, mime, middle(zone), COPY)
    payload_reads.clear()
    assert drop_on(zone, mime, middle(zone), COPY).isAccepted()
    assert roles_on(session, nps.id) == {"Sales": R}
    assert payload_reads == [mime]


def test_a_chip_dropped_through_the_model_is_read_once(
    tree: GoalAssignmentsModel, workshop: Session, payload_reads: list[QMimeData | None]
):
    nps = goal_titled(workshop, "Raise NPS to 35")
    mime = palette_mime(workshop, function(workshop, "Sales"))
    assert tree.dropMimeData(mime, COPY, -1, 0, tree.role_index(nps.id, R))
    assert roles_on(workshop, nps.id) == {"Sales": R}
    assert payload_reads == [mime]
