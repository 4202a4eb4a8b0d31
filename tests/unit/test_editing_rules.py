"""The rules the boards follow, now in the domain: where a moved goal lands, what a drop does."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.model import Assignee, AssigneeKind, Goal, Pillar, Role, Workshop


def board(sizes: tuple[int, int, int]) -> Workshop:
    ws = editing.new_workshop("Rules")
    for pillar, n in zip(Pillar, sizes, strict=True):
        for i in range(n):
            editing.add_goal(ws, Goal(pillar, f"{pillar.label} {i}"))
    return ws


_SIZES = st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)).filter(any)


@given(_SIZES, st.data())
def test_a_moved_goal_lands_within_the_column_and_never_where_it_already_is(
    sizes: tuple[int, int, int], data: st.DataObject
) -> None:
    ws = board(sizes)
    goal = data.draw(st.sampled_from(ws.goals))
    pillar = data.draw(st.sampled_from(list(Pillar)))
    asked = data.draw(st.integers(-3, 9))
    place = editing.goal_move_place(ws, goal.id, pillar, asked)
    before = editing.goal_position(ws, goal.id)
    if place is None:
        # Nothing to do: after clamping, the goal is already there.
        others = len(editing.goals_in(ws, pillar)) - (pillar is goal.pillar)
        assert before == (pillar, max(0, min(asked, others)))
        return
    moved = copy.deepcopy(ws)
    editing.move_goal(moved, goal.id, pillar, place)
    assert editing.goal_position(moved, goal.id) == (pillar, place)
    assert editing.goal_position(moved, goal.id) != before
    assert sorted(g.id for g in moved.goals) == sorted(g.id for g in ws.goals)


def test_a_drop_past_the_end_lands_last() -> None:
    ws = board((3, 2, 0))
    first = editing.goals_in(ws, Pillar.WIN)[0]
    assert editing.goal_move_place(ws, first.id, Pillar.WIN, 99) == 2
    assert editing.goal_move_place(ws, first.id, Pillar.ADVOCATE, 99) == 0
    assert editing.goal_move_place(ws, first.id, Pillar.WIN, -5) is None


_WHO = st.builds(Assignee, st.sampled_from(list(AssigneeKind)), st.sampled_from(["a", "b", "c"]))
_ROLE = st.sampled_from(list(Role))


@given(
    _WHO,
    st.sampled_from([None, "g1", "g2"]),
    st.sampled_from(["g1", "g2"]),
    _ROLE,
    st.none() | _ROLE,
    st.none() | _WHO,
)
def test_what_a_drop_does_follows_where_the_chip_came_from_and_who_holds_the_a(
    who: Assignee,
    from_goal: str | None,
    goal_id: str,
    role: Role,
    held: Role | None,
    accountable: Assignee | None,
) -> None:
    effect = editing.drop_effect(who, from_goal, goal_id, role, held, accountable)
    if held is role:
        assert effect is None
    elif role is Role.ACCOUNTABLE and accountable not in (None, who):
        assert effect == "replace"
    elif from_goal is None:
        assert effect == "assign"
    else:
        assert effect == ("move" if from_goal == goal_id else "copy")
