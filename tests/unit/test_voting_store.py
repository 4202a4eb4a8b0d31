"""Voting in the file: undoing a budget change, and where each round's ties stand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.errors import BudgetExceeded
from cxworkshop.domain.model import TieBreak
from cxworkshop.domain.voting import final_order, main_round, round_order
from cxworkshop.storage.store import Store
from tests.helpers.builders import goal_ids, small_workshop, tally_round, voter_ids
from tests.helpers.strategies import workshops


def reread(db_path: Path, workshop_id: int):
    with Store(db_path) as other:
        return other.workshop(workshop_id)


@pytest.fixture
def voting(store: Store):
    """A stored small workshop with an open secret round: 4 dots each, at most 3 on one goal."""
    ws = store.create_workshop(small_workshop())
    g, v = goal_ids(ws), voter_ids(ws)
    r = store.open_round(ws.id, goal_ids=g, dots_per_voter=4, max_per_goal=3)
    return ws, r, g, v


def test_undoing_a_lower_budget_gives_the_reopened_ballots_back(
    store: Store, db_path: Path, voting
):
    ws, r, g, v = voting
    store.cast_ballot(ws.id, r.id, v[0], {g[0]: 3, g[1]: 1})
    store.cast_ballot(ws.id, r.id, v[1], {g[2]: 1})
    old_dots, old_most, reopened = store.change_round_budget(
        ws.id, r.id, 2, 2, reopen_over_budget=True
    )
    assert reopened == {v[0]: {g[0]: 3, g[1]: 1}}
    assert v[0] not in reread(db_path, ws.id).rounds[0].ballots

    store.restore_round_budget(ws.id, r.id, old_dots, old_most, reopened)

    saved = reread(db_path, ws.id).rounds[0]
    assert (saved.dots_per_voter, saved.max_per_goal) == (4, 3)
    assert saved.ballots == {v[0]: {g[0]: 3, g[1]: 1}, v[1]: {g[2]: 1}}
    assert saved.ballots == store.workshop(ws.id).rounds[0].ballots


def test_a_ballot_recast_after_the_budget_change_is_kept_on_undo(
    store: Store, db_path: Path, voting
):
    ws, r, g, v = voting
    store.cast_ballot(ws.id, r.id, v[0], {g[0]: 3, g[1]: 1})
    *old, reopened = store.change_round_budget(ws.id, r.id, 2, 1, reopen_over_budget=True)
    store.cast_ballot(ws.id, r.id, v[0], {g[3]: 1, g[4]: 1})

    store.restore_round_budget(ws.id, r.id, *old, reopened)

    assert reread(db_path, ws.id).rounds[0].ballots == {v[0]: {g[3]: 1, g[4]: 1}}


def test_a_reopened_ballot_loses_only_the_dots_of_a_goal_removed_since(
    store: Store, db_path: Path, voting
):
    ws, r, g, v = voting
    store.cast_ballot(ws.id, r.id, v[0], {g[0]: 3, g[1]: 1})
    *old, reopened = store.change_round_budget(ws.id, r.id, 2, 2, reopen_over_budget=True)
    store.remove_goal(ws.id, g[0])

    store.restore_round_budget(ws.id, r.id, *old, reopened)

    assert reread(db_path, ws.id).rounds[0].ballots == {v[0]: {g[1]: 1}}


def test_restoring_a_budget_that_ballots_cast_since_exceed_is_refused_whole(
    store: Store, db_path: Path, voting
):
    ws, r, g, v = voting
    *old, reopened = store.change_round_budget(ws.id, r.id, 6, 3)
    store.cast_ballot(ws.id, r.id, v[0], {g[0]: 3, g[1]: 3})
    with pytest.raises(BudgetExceeded):
        store.restore_round_budget(ws.id, r.id, 2, 2, reopened)
    saved = reread(db_path, ws.id).rounds[0]
    assert (saved.dots_per_voter, saved.max_per_goal) == (6, 3)
    assert saved.ballots == {v[0]: {g[0]: 3, g[1]: 3}}


# ----------------------------------------------------------------- round_order


def test_a_runoff_shows_its_own_order_and_the_main_round_the_settled_one():
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 5, g[1]: 3, g[2]: 3, g[3]: 1})
    runoff = tally_round(ws, {g[1]: 1, g[2]: 4}, runoff_of=main.id)

    assert [(p.goal_id, p.rank, p.settled_by) for p in round_order(ws, runoff)] == [
        (g[2], 1, None),
        (g[1], 2, None),
    ]
    assert [(p.goal_id, p.rank, p.settled_by) for p in round_order(ws, main)] == [
        (g[0], 1, None),
        (g[2], 2, TieBreak.RUNOFF),
        (g[1], 3, TieBreak.RUNOFF),
        (g[3], 4, None),
    ]


def test_an_older_main_round_keeps_its_own_order_after_a_new_vote():
    ws = small_workshop()
    g = goal_ids(ws)
    first = tally_round(ws, {g[0]: 2, g[1]: 2})
    editing.record_decision(ws, first.id, [g[1], g[0]])
    tally_round(ws, {g[0]: 1, g[1]: 4})
    assert [p.goal_id for p in round_order(ws, first)] == [g[1], g[0]]
    assert [p.settled_by for p in round_order(ws, first)] == [TieBreak.SPONSOR] * 2


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(workshops())
def test_the_main_rounds_order_is_the_final_order(ws):
    main = main_round(ws)
    if main is None:
        assert final_order(ws) == []
    else:
        assert round_order(ws, main) == final_order(ws)


@given(st.lists(st.integers(0, 5), min_size=2, max_size=5))
def test_every_live_goal_of_a_round_has_a_place(counts: list[int]):
    ws = small_workshop()
    g = goal_ids(ws)[: len(counts)]
    r = tally_round(ws, dict(zip(g, counts, strict=True)))
    order = round_order(ws, r)
    assert sorted(p.goal_id for p in order) == sorted(g)
    assert [p.dots for p in order] == sorted(counts, reverse=True)
