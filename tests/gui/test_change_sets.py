"""Edits, undo and redo hand the views a change set; each view updates just what it names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from cxworkshop.domain.changes import ChangeSet
from cxworkshop.domain.model import Role
from cxworkshop.gui.models.accountability.board import GoalAssignmentsModel
from cxworkshop.gui.models.goals import PillarGoalsModel
from cxworkshop.gui.ops import accountability, goals
from cxworkshop.gui.ops.accountability import Edits
from cxworkshop.gui.pages.base import StepPage
from cxworkshop.gui.session import Session
from tests.helpers.accountability import add_goals_and_two_people
from tests.helpers.gui import function, goal_titled


@pytest.fixture
def workshop(blank_session: Session) -> Session:
    """Three goals and two people, made straight in the store and then announced."""
    session = add_goals_and_two_people(blank_session, ("Ben Okafor", "Head of marketing"))
    session.announce()
    return session


def heard(session: Session) -> list[ChangeSet]:
    got: list[ChangeSet] = []
    session.sig_changes.connect(got.append)
    return got


def test_an_edit_its_undo_and_its_redo_each_say_what_they_changed(workshop: Session):
    got = heard(workshop)
    nps = goal_titled(workshop, "Raise NPS to 35")
    assert goals.edit_goal(workshop, nps.id, "title", "Raise NPS to 40")
    workshop.undo_stack.undo()
    workshop.undo_stack.redo()
    assert got == [ChangeSet(goals_changed=frozenset({nps.id}))] * 3


def test_a_drop_of_a_role_names_its_goal_and_nothing_else(workshop: Session):
    got = heard(workshop)
    nps = goal_titled(workshop, "Raise NPS to 35")
    accountability.assign(workshop, nps.id, function(workshop, "Sales"), Role.RESPONSIBLE)
    workshop.undo_stack.undo()
    assert got == [ChangeSet(assignments=frozenset({nps.id}))] * 2


def test_a_refused_edit_asks_every_view_to_read_the_workshop_again(workshop: Session):
    got, errors = heard(workshop), []
    workshop.sig_error.connect(errors.append)
    nps = goal_titled(workshop, "Raise NPS to 35")
    assert not goals.edit_goal(workshop, nps.id, "title", "   ")
    assert errors and got == [ChangeSet(everything=True)]


def test_a_retitle_repaints_one_card_and_moves_no_row(qtmodeltester, workshop: Session):
    nps = goal_titled(workshop, "Raise NPS to 35")
    column = PillarGoalsModel(nps.pillar, workshop)
    workshop.sig_changes.connect(column.apply_changes)
    qtmodeltester.check(column)
    changed, moved = [], []
    column.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    for signal in (column.rowsInserted, column.rowsRemoved, column.modelReset):
        signal.connect(lambda *args: moved.append(args))
    row = column.row_of(nps.id)
    assert goals.edit_goal(workshop, nps.id, "title", "Raise NPS to 40")
    assert changed == [(row, row)] and moved == []
    assert column.index(row, 0).data() == "Raise NPS to 40"
    workshop.undo_stack.undo()
    assert column.index(row, 0).data() == "Raise NPS to 35"
    assert moved == []
    qtmodeltester.check(column)


def test_the_board_model_follows_a_drop_on_one_goal_only(qtmodeltester, workshop: Session):
    model = GoalAssignmentsModel()
    edits = Edits(model)
    edits.session = workshop
    model.set_session(workshop, edits)
    workshop.sig_changes.connect(model.apply_changes)
    qtmodeltester.check(model)
    nps = goal_titled(workshop, "Raise NPS to 35")
    other = next(g for g in workshop.workshop.goals if g.id != nps.id)
    inserted: list[str | None] = []
    model.rowsInserted.connect(lambda parent, *_: inserted.append(model.place_of(parent)[0]))
    edits.assign(nps.id, function(workshop, "Sales"), Role.CONSULTED)
    assert inserted == [nps.id]
    assert [h.name for h in model.holders(nps.id, Role.CONSULTED)] == ["Sales"]
    assert model.holders(other.id, Role.CONSULTED) == []
    workshop.undo_stack.undo()
    assert model.holders(nps.id, Role.CONSULTED) == []
    qtmodeltester.check(model)


class CountingPage(StepPage):
    """A page that counts how often it reads the whole workshop."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0
        QLabel("page", self)

    def refresh(self) -> None:
        self.refreshes += 1


def test_a_hidden_page_reads_nothing_until_it_is_shown(qtbot, workshop: Session):
    holder = QWidget()
    qtbot.addWidget(holder)
    page = CountingPage()
    page.setParent(holder)
    page.set_session(workshop)
    holder.show()
    qtbot.waitExposed(holder)
    page.hide()
    before = page.refreshes
    nps = goal_titled(workshop, "Raise NPS to 35")
    for n in range(3):
        goals.edit_goal(workshop, nps.id, "title", f"Raise NPS to {40 + n}")
    assert page.refreshes == before, "hidden, it only notes that it is behind"
    page.show()
    assert page.refreshes == before + 1, "shown, it catches up once"
    goals.edit_goal(workshop, nps.id, "title", "Raise NPS to 50")
    assert page.refreshes == before + 2, "on screen, it follows each edit"
