"""Each store operation reports what it changed, so the views update just that."""

from __future__ import annotations

import pytest

from cxworkshop.domain.changes import EVERYTHING, ChangeSet
from cxworkshop.domain.errors import WorkshopError
from cxworkshop.domain.model import Assignee, Commitment, Goal, Pillar, Role
from cxworkshop.storage.errors import WriteFailed
from cxworkshop.storage.store import Store
from tests.unit.test_store import small


def test_retitling_a_goal_reports_that_goal_changed_and_nothing_else(store: Store):
    ws, *_, win, keep = small(store)
    store.take_changes()
    store.update_goal(ws.id, win.id, title="Lift trial conversion to 12%")
    assert store.take_changes() == ChangeSet(goals_changed=frozenset({win.id}))
    assert not store.take_changes(), "taken once, the change set is gone"


def test_adding_moving_and_assigning_report_their_goal(store: Store):
    ws, sales, _it, ann, _bo, win, keep = small(store)
    store.take_changes()
    new = store.add_goal(ws.id, Goal(Pillar.ADVOCATE, "Get reviews"))
    assert store.take_changes() == ChangeSet(goals_added=frozenset({new.id}))
    store.move_goal(ws.id, keep.id, Pillar.WIN, 0)
    assert store.take_changes() == ChangeSet(goals_moved=frozenset({keep.id}))
    store.assign(ws.id, win.id, Assignee.participant(ann.id), Role.ACCOUNTABLE)
    store.assign(ws.id, keep.id, Assignee.function(sales.id), Role.RESPONSIBLE)
    assert store.take_changes() == ChangeSet(assignments=frozenset({win.id, keep.id}))


def test_a_removal_and_its_undo_report_all_it_took_along(store: Store):
    ws, sales, _it, ann, _bo, win, keep = small(store)
    store.assign(ws.id, win.id, Assignee.participant(ann.id), Role.ACCOUNTABLE)
    store.assign(ws.id, keep.id, Assignee.participant(ann.id), Role.RESPONSIBLE)
    store.take_changes()
    removal = store.remove_participant(ws.id, ann.id)
    gone = store.take_changes()
    assert gone.people and gone.assignments == {win.id, keep.id}
    assert not gone.goal_rows
    store.restore(ws.id, removal)
    assert store.take_changes() == gone

    removal = store.remove_goal(ws.id, win.id)
    assert store.take_changes() == ChangeSet(
        goals_removed=frozenset({win.id}), assignments=frozenset({win.id})
    )
    store.restore(ws.id, removal)
    back = store.take_changes()
    assert back.goals_added == {win.id} and back.goal_rows


def test_details_and_lists_say_which_part_changed(store: Store):
    ws, *_ = small(store)
    store.take_changes()
    store.update_details(ws.id, vision="Customers feel known.", sponsor_name="Dee")
    store.add_commitment(ws.id, Commitment("Share the charter"))
    changes = store.take_changes()
    assert changes == ChangeSet(details=frozenset({"vision", "sponsor_name"}), charter=True)
    assert not changes.goals and not changes.goal_rows


def test_a_refused_or_failed_edit_asks_for_a_full_reread(store: Store):
    ws, *_, win, keep = small(store)
    store.take_changes()
    with pytest.raises(WorkshopError):
        store.update_goal(ws.id, win.id, title="")
    assert store.take_changes() == EVERYTHING
    store.db.execute(
        "CREATE TRIGGER refuse BEFORE UPDATE ON goals BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(WriteFailed):
        store.move_goal(ws.id, keep.id, Pillar.WIN, 0)
    assert store.take_changes() == EVERYTHING


def test_change_sets_merge_part_by_part():
    a = ChangeSet(goals_changed=frozenset({"g1"}), people=True)
    b = ChangeSet(goals_changed=frozenset({"g2"}), assignments=frozenset({"g1"}))
    merged = a | b
    assert merged.goals_changed == {"g1", "g2"} and merged.people
    assert merged.goals == {"g1", "g2"}
    assert not ChangeSet() and merged
