"""The edit rules: every edit checks first, changes after, and can be put back."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.errors import (
    BudgetExceeded,
    InvalidValue,
    NotFound,
    RoundClosed,
    RuleError,
    WorkshopError,
)
from cxworkshop.domain.model import (
    Assignee,
    Assignment,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    VotingMode,
    Workshop,
)
from tests.helpers.builders import (
    as_function,
    as_person,
    function_named,
    goal_ids,
    goal_titled,
    person_named,
    secret_round,
    small_workshop,
    sound_workshop,
    tally_round,
    voter_ids,
)

NPS = "Raise NPS from 21 to 35"


def roles_on(ws: Workshop, goal_id: str) -> dict[Assignee, Role]:
    return {a.assignee: a.role for a in ws.assignments if a.goal_id == goal_id}


# ----------------------------------------------------------------- one Accountable per goal


def test_second_accountable_replaces_the_first() -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    first = editing.assign(ws, nps, as_function(ws, "Executive leadership"), Role.ACCOUNTABLE)
    second = editing.assign(ws, nps, as_person(ws, "Ben Okafor"), Role.ACCOUNTABLE)
    assert second.replaced == first.assignment
    assert roles_on(ws, nps) == {as_person(ws, "Ben Okafor"): Role.ACCOUNTABLE}
    assert second.undo_list() == [first.assignment]


def test_an_assignee_holds_one_role_per_goal() -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    marketing = as_function(ws, "Marketing")
    before = editing.assign(ws, nps, marketing, Role.CONSULTED)
    after = editing.assign(ws, nps, marketing, Role.RESPONSIBLE)
    assert after.previous == before.assignment
    assert after.replaced is None
    assert roles_on(ws, nps) == {marketing: Role.RESPONSIBLE}


def test_promoting_the_responsible_to_accountable_replaces_both_roles_it_displaces() -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    exec_ = editing.assign(ws, nps, as_function(ws, "Executive leadership"), Role.ACCOUNTABLE)
    was = editing.assign(ws, nps, as_function(ws, "Marketing"), Role.RESPONSIBLE)
    outcome = editing.assign(ws, nps, as_function(ws, "Marketing"), Role.ACCOUNTABLE)
    assert (outcome.previous, outcome.replaced) == (was.assignment, exec_.assignment)
    assert roles_on(ws, nps) == {as_function(ws, "Marketing"): Role.ACCOUNTABLE}


def test_the_accountable_named_again_replaces_nobody() -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    exec_ = as_function(ws, "Executive leadership")
    editing.assign(ws, nps, exec_, Role.ACCOUNTABLE)
    outcome = editing.assign(ws, nps, exec_, Role.ACCOUNTABLE)
    assert outcome.replaced is None
    assert roles_on(ws, nps) == {exec_: Role.ACCOUNTABLE}


def test_assigning_to_a_missing_goal_or_person_changes_nothing() -> None:
    ws = sound_workshop()
    before = copy.deepcopy(ws)
    with pytest.raises(NotFound):
        editing.assign(ws, "no-such-goal", as_function(ws, "IT"), Role.INFORMED)
    with pytest.raises(NotFound):
        editing.assign(ws, ws.goals[0].id, Assignee.participant("gone"), Role.INFORMED)
    with pytest.raises(InvalidValue):
        editing.assign(ws, ws.goals[0].id, as_function(ws, "IT"), "X")  # type: ignore[arg-type]
    assert ws == before


def test_unassign_takes_the_assignee_off_the_goal_only() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS).id
    others = len(ws.assignments) - 1
    removed = editing.unassign(ws, nps, as_function(ws, "Marketing"))
    assert removed == Assignment(nps, as_function(ws, "Marketing"), Role.RESPONSIBLE)
    assert len(ws.assignments) == others
    with pytest.raises(NotFound):
        editing.unassign(ws, nps, as_function(ws, "Marketing"))


def test_set_assignments_refuses_two_accountables_or_two_roles_for_one_assignee() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS).id
    before = copy.deepcopy(ws)
    it, finance = as_function(ws, "IT"), as_function(ws, "Finance")
    with pytest.raises(RuleError, match="only one Accountable"):
        editing.set_assignments(
            ws,
            nps,
            [Assignment(nps, it, Role.ACCOUNTABLE), Assignment(nps, finance, Role.ACCOUNTABLE)],
        )
    with pytest.raises(RuleError, match="one role"):
        editing.set_assignments(
            ws, nps, [Assignment(nps, it, Role.ACCOUNTABLE), Assignment(nps, it, Role.INFORMED)]
        )
    assert ws == before


def test_set_assignments_gives_back_the_old_ones_for_undo() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS).id
    old_roles = roles_on(ws, nps)
    old = editing.set_assignments(
        ws, nps, [Assignment(nps, as_function(ws, "IT"), Role.ACCOUNTABLE)]
    )
    assert roles_on(ws, nps) == {as_function(ws, "IT"): Role.ACCOUNTABLE}
    editing.set_assignments(ws, nps, old)
    assert roles_on(ws, nps) == old_roles


_ASSIGN_STEPS = st.lists(
    st.tuples(
        st.integers(0, 4),  # goal
        st.integers(0, 8),  # 0-4 functions, 5-8 participants
        st.sampled_from([*Role, None]),  # None: take them off the goal
    ),
    max_size=40,
)


def _assignee(ws: Workshop, n: int) -> Assignee:
    if n < len(ws.functions):
        return Assignee.function(ws.functions[n].id)
    return Assignee.participant(ws.participants[n - len(ws.functions)].id)


@given(_ASSIGN_STEPS)
def test_no_sequence_of_assignments_gives_a_goal_two_accountables(
    steps: list[tuple[int, int, Role | None]],
) -> None:
    ws = small_workshop()
    for goal_n, who_n, role in steps:
        goal_id, who = ws.goals[goal_n].id, _assignee(ws, who_n)
        if role is None:
            if editing.role_of(ws, goal_id, who) is not None:
                editing.unassign(ws, goal_id, who)
            continue
        before = editing.accountable(ws, goal_id)
        outcome = editing.assign(ws, goal_id, who, role)
        assert editing.role_of(ws, goal_id, who) is role
        if role is Role.ACCOUNTABLE and before not in (None, who):
            assert outcome.replaced is not None
            assert outcome.replaced.assignee == before
            assert editing.role_of(ws, goal_id, before) is None
        for g in ws.goals:
            on_goal = [a for a in ws.assignments if a.goal_id == g.id]
            assert sum(a.role is Role.ACCOUNTABLE for a in on_goal) <= 1
            assert len({a.assignee for a in on_goal}) == len(on_goal)


# ----------------------------------------------------------------- ballots and budgets


def test_a_ballot_over_the_budget_is_refused_with_the_numbers() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, dots_per_voter=3, max_per_goal=2)
    with pytest.raises(BudgetExceeded, match=r"places 4 dots; each voter has 3"):
        editing.cast_ballot(ws, r.id, voter_ids(ws)[0], {g[0]: 2, g[1]: 2})
    assert r.ballots == {}


def test_too_many_dots_on_one_goal_is_refused() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, dots_per_voter=3, max_per_goal=2)
    with pytest.raises(BudgetExceeded, match=r"At most 2 dots"):
        editing.cast_ballot(ws, r.id, voter_ids(ws)[0], {g[0]: 3})
    assert r.ballots == {}


def test_a_ballot_within_the_rules_is_recorded_without_empty_entries() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)[0]
    r = secret_round(ws, dots_per_voter=3, max_per_goal=2)
    assert editing.cast_ballot(ws, r.id, v, {g[0]: 2, g[1]: 0, g[2]: 1}) is None
    assert r.ballots == {v: {g[0]: 2, g[2]: 1}}
    previous = editing.cast_ballot(ws, r.id, v, {g[3]: 1})
    assert previous == {g[0]: 2, g[2]: 1}
    assert r.voted() == [v]


def test_only_voters_of_the_round_may_cast() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    ana = person_named(ws, "Ana Silva").id
    r = editing.open_round(
        ws, goal_ids=g, dots_per_voter=2, max_per_goal=1, voter_ids=voter_ids(ws)[1:]
    )
    with pytest.raises(RuleError, match="Ana Silva is not a voter"):
        editing.cast_ballot(ws, r.id, ana, {g[0]: 1})


def test_a_tally_round_takes_no_ballots_and_a_secret_round_no_tallies() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    wall = tally_round(ws, {g[0]: 1, g[1]: 2}, close=False)
    with pytest.raises(RuleError):
        editing.cast_ballot(ws, wall.id, voter_ids(ws)[0], {g[0]: 1})
    editing.close_round(ws, wall.id)
    secret = secret_round(ws)
    with pytest.raises(RuleError):
        editing.set_tally(ws, secret.id, g[0], 3)


_BAD_DOTS = st.one_of(st.integers(-3, 8), st.just(True), st.just(1.5), st.just("2"))


@given(st.dictionaries(st.integers(0, 4), _BAD_DOTS, max_size=5))
def test_invalid_ballots_are_refused_and_leave_the_round_unchanged(raw: dict[int, object]) -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, goal_ids=g[:3], dots_per_voter=3, max_per_goal=2)
    v = voter_ids(ws)
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 1})  # something to keep
    ballot = {g[i]: n for i, n in raw.items()}
    whole = all(type(n) is int and n >= 0 for n in ballot.values())
    on_ballot = all(goal_id in r.goal_ids for goal_id in ballot)
    fits = whole and sum(ballot.values()) <= 3 and all(n <= 2 for n in ballot.values())
    assume(not (whole and on_ballot and fits))
    before = copy.deepcopy(r)
    with pytest.raises(WorkshopError) as refused:
        editing.cast_ballot(ws, r.id, v[1], ballot)  # type: ignore[arg-type]
    assert r == before
    if whole and on_ballot:
        assert isinstance(refused.value, BudgetExceeded)


def test_a_closed_round_is_frozen() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws)
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 2})
    editing.close_round(ws, r.id)
    before = copy.deepcopy(r)
    with pytest.raises(RoundClosed):
        editing.cast_ballot(ws, r.id, v[1], {g[1]: 1})
    with pytest.raises(RoundClosed):
        editing.withdraw_ballot(ws, r.id, v[0])
    with pytest.raises(RoundClosed):
        editing.change_round_budget(ws, r.id, 5, 2)
    with pytest.raises(RoundClosed):
        editing.add_voter(ws, r.id, v[0])
    assert r == before


def test_a_closed_tally_is_frozen() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, {g[0]: 4, g[1]: 2})
    with pytest.raises(RoundClosed, match="closed"):
        editing.set_tally(ws, r.id, g[0], 9)
    assert r.tallies == {g[0]: 4, g[1]: 2}


def test_a_round_with_no_votes_cannot_close() -> None:
    ws = small_workshop()
    r = secret_round(ws)
    with pytest.raises(RuleError, match="Nobody has voted"):
        editing.close_round(ws, r.id)
    assert r.is_open


def test_lowering_the_budget_below_cast_ballots_is_refused() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws, dots_per_voter=4, max_per_goal=2)
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 2, g[1]: 2})
    editing.cast_ballot(ws, r.id, v[1], {g[2]: 1})
    before = copy.deepcopy(r)
    with pytest.raises(BudgetExceeded, match="1 ballot already cast"):
        editing.change_round_budget(ws, r.id, 3, 2)
    assert r == before


def test_lowering_the_budget_can_reopen_the_ballots_that_no_longer_fit() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws, dots_per_voter=4, max_per_goal=2)
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 2, g[1]: 2})
    editing.cast_ballot(ws, r.id, v[1], {g[2]: 1})
    editing.cast_ballot(ws, r.id, v[2], {g[3]: 2})
    old_budget, old_most, reopened = editing.change_round_budget(
        ws, r.id, 3, 1, reopen_over_budget=True
    )
    assert (old_budget, old_most) == (4, 2)
    assert reopened == {v[0]: {g[0]: 2, g[1]: 2}, v[2]: {g[3]: 2}}
    assert r.ballots == {v[1]: {g[2]: 1}}
    assert (r.dots_per_voter, r.max_per_goal) == (3, 1)


def test_raising_the_budget_keeps_every_ballot() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws, dots_per_voter=2, max_per_goal=1)
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 1, g[1]: 1})
    assert editing.change_round_budget(ws, r.id, 4, 2)[2] == {}
    assert r.ballots == {v[0]: {g[0]: 1, g[1]: 1}}


@pytest.mark.parametrize(
    ("dots", "most"), [(0, 0), (3, 4), (100, 2), (3, True), ("3", 1), (2.0, 1)]
)
def test_a_round_budget_must_be_sensible(dots: object, most: object) -> None:
    ws = small_workshop()
    with pytest.raises(InvalidValue):
        editing.open_round(
            ws,
            goal_ids=goal_ids(ws),
            dots_per_voter=dots,  # type: ignore[arg-type]
            max_per_goal=most,  # type: ignore[arg-type]
        )
    assert ws.rounds == []


def test_only_one_round_is_open_at_a_time() -> None:
    ws = small_workshop()
    secret_round(ws)
    with pytest.raises(RuleError, match="Close the open voting round"):
        secret_round(ws)
    assert len(ws.rounds) == 1


def test_participant_added_mid_round_gets_a_vote() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    closed = secret_round(ws)
    editing.cast_ballot(ws, closed.id, voter_ids(ws)[0], {g[0]: 1})
    editing.close_round(ws, closed.id)
    running = secret_round(ws)
    late = editing.add_participant(ws, Participant("Eve Novak", role_title="Head of IT"))
    assert running.voter_ids[-1] == late.id
    assert late.id not in closed.voter_ids
    editing.cast_ballot(ws, running.id, late.id, {g[1]: 1})
    assert running.ballots[late.id] == {g[1]: 1}


def test_participant_added_during_a_room_tally_gets_no_ballot() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    wall = tally_round(ws, {g[0]: 1, g[1]: 1}, close=False)
    editing.add_participant(ws, Participant("Eve Novak"))
    assert wall.voter_ids == []


def test_restoring_a_withdrawn_ballot_puts_it_back() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)[0]
    r = secret_round(ws)
    editing.cast_ballot(ws, r.id, v, {g[0]: 2})
    taken = editing.withdraw_ballot(ws, r.id, v)
    assert r.ballots == {}
    editing.restore_ballot(ws, r.id, v, taken)
    assert r.ballots == {v: {g[0]: 2}}
    editing.restore_ballot(ws, r.id, v, None)
    assert r.ballots == {}


def test_a_decision_orders_only_goals_of_a_closed_round() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, {g[0]: 2, g[1]: 2}, close=False)
    with pytest.raises(RuleError):
        editing.record_decision(ws, r.id, [g[1], g[0]])
    editing.close_round(ws, r.id)
    with pytest.raises(InvalidValue):
        editing.record_decision(ws, r.id, [g[1], g[2]])
    with pytest.raises(InvalidValue):
        editing.record_decision(ws, r.id, [g[1], g[1]])
    assert r.decision == []
    assert editing.record_decision(ws, r.id, [g[1], g[0]], "Sponsor's call") == ([], "")
    assert (r.decision, r.decision_note) == ([g[1], g[0]], "Sponsor's call")


# ----------------------------------------------------------------- removals and restore


def _voted(ws: Workshop) -> Workshop:
    """The sound workshop after a closed secret vote and an open run-off."""
    g = goal_ids(ws)
    v = voter_ids(ws)
    main = secret_round(ws, dots_per_voter=3, max_per_goal=2)
    editing.cast_ballot(ws, main.id, v[0], {g[0]: 2, g[4]: 1})
    editing.cast_ballot(ws, main.id, v[1], {g[4]: 2, g[2]: 1})
    editing.cast_ballot(ws, main.id, v[2], {g[0]: 1, g[1]: 1})
    editing.close_round(ws, main.id)
    runoff = editing.open_round(
        ws, goal_ids=[g[0], g[4]], dots_per_voter=1, max_per_goal=1, runoff_of=main.id
    )
    editing.cast_ballot(ws, runoff.id, v[3], {g[4]: 1})
    return ws


def test_removing_a_function_reports_its_assignments_and_people() -> None:
    ws = sound_workshop()
    exec_id = function_named(ws, "Executive leadership").id
    held = [a for a in ws.assignments if a.assignee == Assignee.function(exec_id)]
    removal = editing.remove_function(ws, exec_id)
    assert removal.assignments == held
    assert [p.name for p in removal.participants_before] == ["Ana Silva"]
    assert removal.consequences() == [
        f"{len(held)} assignments",
        "1 participant losing their function",
    ]
    assert person_named(ws, "Ana Silva").function_id is None
    assert all(a.assignee != Assignee.function(exec_id) for a in ws.assignments)


def test_removing_a_participant_reports_their_roles_and_dots() -> None:
    ws = _voted(sound_workshop())
    ana = person_named(ws, "Ana Silva").id
    removal = editing.remove_participant(ws, ana)
    assert removal.consequences() == ["2 assignments", "3 dots of votes"]
    assert removal.is_consequential
    assert all(ana not in r.voter_ids and ana not in r.ballots for r in ws.rounds)


def test_removing_a_goal_reports_its_roles_and_the_dots_it_held() -> None:
    ws = _voted(sound_workshop())
    nps = goal_titled(ws, NPS).id
    roles = len(roles_on(ws, nps))
    removal = editing.remove_goal(ws, nps)
    # 3 dots in the main round, 1 in the run-off.
    assert removal.consequences() == [f"{roles} assignments", "4 dots of votes"]
    assert all(nps not in r.goal_ids for r in ws.rounds)


def test_removing_something_nothing_hangs_on_asks_no_confirmation() -> None:
    ws = small_workshop()
    removal = editing.remove_goal(ws, goal_titled(ws, NPS).id)
    assert removal.consequences() == []
    assert not removal.is_consequential


def test_removing_the_function_of_one_person_says_participant_in_the_singular() -> None:
    ws = small_workshop()
    removal = editing.remove_function(ws, function_named(ws, "Finance").id)
    assert removal.consequences() == ["1 participant losing their function"]


@pytest.mark.parametrize(
    "remove",
    [
        lambda ws: editing.remove_function(ws, function_named(ws, "Executive leadership").id),
        lambda ws: editing.remove_function(ws, function_named(ws, "Finance").id),
        lambda ws: editing.remove_participant(ws, person_named(ws, "Ana Silva").id),
        lambda ws: editing.remove_participant(ws, person_named(ws, "Chloe Martin").id),
        lambda ws: editing.remove_goal(ws, goal_titled(ws, NPS).id),
        lambda ws: editing.remove_goal(ws, goal_titled(ws, "Lower monthly churn").id),
        lambda ws: editing.remove_principle(ws, ws.principles[0].id),
        lambda ws: editing.remove_commitment(ws, ws.commitments[1].id),
        lambda ws: editing.remove_round(ws, ws.rounds[-1].id),
    ],
    ids=[
        "function",
        "back-office function",
        "participant",
        "participant with one role",
        "goal with votes",
        "goal",
        "principle",
        "commitment",
        "round",
    ],
)
def test_restore_puts_the_workshop_back_exactly(
    remove: Callable[[Workshop], editing.Removal],
) -> None:
    ws = _voted(sound_workshop())
    editing.add_principle(ws, Principle("Judge decisions by their effect on the customer"))
    editing.add_commitment(ws, Commitment("Share the charter", owner="Ana"))
    editing.add_commitment(ws, Commitment("Review in March", owner="Ben"))
    before = copy.deepcopy(ws)
    removal = remove(ws)
    assert ws != before
    editing.restore(ws, removal)
    assert ws == before


def test_restore_twice_is_refused() -> None:
    ws = sound_workshop()
    removal = editing.remove_goal(ws, goal_titled(ws, NPS).id)
    editing.restore(ws, removal)
    before = copy.deepcopy(ws)
    with pytest.raises(RuleError):
        editing.restore(ws, removal)
    assert ws == before


def test_a_round_with_a_runoff_cannot_be_removed_first() -> None:
    ws = _voted(sound_workshop())
    with pytest.raises(RuleError, match="run-off"):
        editing.remove_round(ws, ws.rounds[0].id)


_REMOVALS = st.sampled_from(["function", "participant", "goal"])


@given(_ASSIGN_STEPS, _REMOVALS, st.integers(0, 8))
def test_any_removal_then_restore_gives_back_an_equal_workshop(
    steps: list[tuple[int, int, Role | None]], kind: str, n: int
) -> None:
    ws = _voted(small_workshop())
    for goal_n, who_n, role in steps:
        if role is not None:
            editing.assign(ws, ws.goals[goal_n].id, _assignee(ws, who_n), role)
    before = copy.deepcopy(ws)
    if kind == "function":
        removal = editing.remove_function(ws, ws.functions[n % len(ws.functions)].id)
    elif kind == "participant":
        removal = editing.remove_participant(ws, ws.participants[n % len(ws.participants)].id)
    else:
        removal = editing.remove_goal(ws, ws.goals[n % len(ws.goals)].id)
    assert len(removal.assignments) == len(before.assignments) - len(ws.assignments)
    editing.restore(ws, removal)
    assert ws == before


# ----------------------------------------------------------------- text people type


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "Sales\x00", "Sales\nOps", "Bell\x07", "x" * 121, 42, None],
    ids=["empty", "spaces", "nul", "newline", "bell", "too long", "number", "none"],
)
def test_invalid_function_name_is_refused_and_nothing_changes(bad: object) -> None:
    ws = small_workshop()
    before = copy.deepcopy(ws)
    with pytest.raises(InvalidValue):
        editing.add_function(ws, Function(bad))  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        editing.update_function(ws, ws.functions[0].id, name=bad)
    assert ws == before


@pytest.mark.parametrize("bad", ["", "Goal\x1b[31m", "g" * 201])
def test_invalid_goal_title_is_refused_even_alongside_valid_changes(bad: str) -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    before = copy.deepcopy(ws)
    with pytest.raises(InvalidValue):
        editing.update_goal(ws, nps, description="Ask every customer", title=bad)
    with pytest.raises(InvalidValue):
        editing.add_goal(ws, Goal(Pillar.KEEP, bad))
    assert ws == before


def test_too_long_text_is_refused_with_its_length_not_cut_short() -> None:
    ws = small_workshop()
    with pytest.raises(InvalidValue, match="201 characters long; the limit is 200"):
        editing.update_details(ws, title="t" * 201)
    assert ws.title == "Customer experience charter"


def test_text_is_trimmed_and_multiline_only_where_it_belongs() -> None:
    ws = small_workshop()
    nps = goal_titled(ws, NPS).id
    editing.update_goal(ws, nps, title="  Raise NPS to 40  ", description="Line one\nLine two")
    g = editing.goal(ws, nps)
    assert (g.title, g.description) == ("Raise NPS to 40", "Line one\nLine two")
    with pytest.raises(InvalidValue):
        editing.update_goal(ws, nps, metric="NPS\nCSAT")


def test_invalid_details_change_nothing_at_all() -> None:
    ws = small_workshop()
    before = copy.deepcopy(ws)
    with pytest.raises(InvalidValue):
        editing.update_details(ws, organisation="Contoso", review_date="next spring")
    with pytest.raises(InvalidValue):
        editing.update_details(ws, sponsor_name="Ana", colour="#fff")
    with pytest.raises(InvalidValue):
        editing.add_participant(ws, Participant("Eve\tNovak\x00"))
    assert ws == before


def test_duplicate_function_names_are_refused_whatever_the_case() -> None:
    ws = small_workshop()
    before = copy.deepcopy(ws)
    for clash in ("marketing", "MARKETING", "  Marketing ", "customer   service"):
        with pytest.raises(RuleError, match="already a function"):
            editing.add_function(ws, Function(clash))
    with pytest.raises(RuleError):
        editing.update_function(ws, function_named(ws, "IT").id, name="FINANCE")
    assert ws == before


def test_a_function_may_change_the_case_of_its_own_name() -> None:
    ws = small_workshop()
    it = function_named(ws, "IT")
    assert editing.update_function(ws, it.id, name="it") == {"name": "IT"}
    assert it.name == "it"


# ----------------------------------------------------------------- moving goals


def _column(ws: Workshop, pillar: Pillar) -> list[str]:
    return [g.title for g in editing.goals_in(ws, pillar)]


def test_moving_a_goal_to_another_pillar_lands_it_where_it_was_dropped() -> None:
    ws = small_workshop()
    win = _column(ws, Pillar.WIN)
    keep = _column(ws, Pillar.KEEP)
    moving = goal_titled(ws, win[0])
    old = editing.move_goal(ws, moving.id, Pillar.KEEP, 1)
    assert old == (Pillar.WIN, 0)
    assert _column(ws, Pillar.WIN) == win[1:]
    assert _column(ws, Pillar.KEEP) == [keep[0], win[0], *keep[1:]]
    assert moving.pillar is Pillar.KEEP


def test_moving_a_goal_back_restores_both_columns() -> None:
    ws = small_workshop()
    columns = {p: _column(ws, p) for p in Pillar}
    moving = goal_titled(ws, "Raise CSAT after support calls")
    old = editing.move_goal(ws, moving.id, Pillar.ADVOCATE, 0)
    assert _column(ws, Pillar.ADVOCATE)[0] == moving.title
    editing.move_goal(ws, moving.id, *old)
    assert {p: _column(ws, p) for p in Pillar} == columns


def test_moving_within_a_column_and_past_its_end() -> None:
    ws = small_workshop()
    editing.add_goal(ws, Goal(Pillar.WIN, "Halve onboarding time"))
    first, second, third = _column(ws, Pillar.WIN)
    editing.move_goal(ws, goal_titled(ws, first).id, Pillar.WIN, 2)
    assert _column(ws, Pillar.WIN) == [second, third, first]
    editing.move_goal(ws, goal_titled(ws, third).id, Pillar.WIN, 99)
    assert _column(ws, Pillar.WIN) == [second, first, third]
    editing.move_goal(ws, goal_titled(ws, third).id, Pillar.WIN, -5)
    assert _column(ws, Pillar.WIN) == [third, second, first]


def test_moving_into_an_empty_pillar() -> None:
    ws = small_workshop()
    editing.remove_goal(ws, goal_titled(ws, NPS).id)
    moving = goal_titled(ws, "Lower monthly churn")
    editing.move_goal(ws, moving.id, Pillar.ADVOCATE, 0)
    assert _column(ws, Pillar.ADVOCATE) == ["Lower monthly churn"]
    assert _column(ws, Pillar.KEEP) == ["Raise CSAT after support calls"]


def test_adding_a_goal_at_a_position_in_its_column() -> None:
    ws = small_workshop()
    keep = _column(ws, Pillar.KEEP)
    editing.add_goal(ws, Goal(Pillar.KEEP, "Answer within an hour"), index=0)
    assert _column(ws, Pillar.KEEP) == ["Answer within an hour", *keep]


@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(list(Pillar)), st.integers(-1, 6))))
def test_any_moves_keep_every_goal_and_land_each_where_asked(
    moves: list[tuple[int, Pillar, int]],
) -> None:
    ws = small_workshop()
    ids = sorted(goal_ids(ws))
    for goal_n, pillar, index in moves:
        goal_id = sorted(goal_ids(ws))[goal_n]
        others = [g.id for g in editing.goals_in(ws, pillar) if g.id != goal_id]
        editing.move_goal(ws, goal_id, pillar, index)
        column = [g.id for g in editing.goals_in(ws, pillar)]
        expected = min(max(index, 0), len(others))
        assert column.index(goal_id) == expected
        assert [g for g in column if g != goal_id] == others
    assert sorted(goal_ids(ws)) == ids


def test_moving_to_an_unknown_pillar_changes_nothing() -> None:
    ws = small_workshop()
    before = copy.deepcopy(ws)
    with pytest.raises(InvalidValue):
        editing.move_goal(ws, ws.goals[0].id, "delight", 0)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        editing.move_goal(ws, "gone", Pillar.KEEP, 0)
    assert ws == before


def test_secret_ballot_is_the_default_mode() -> None:
    ws = small_workshop()
    assert secret_round(ws).mode is VotingMode.SECRET


def test_adding_the_same_item_twice_is_refused_for_every_kind():
    ws = editing.new_workshop("Twice")
    adds = [
        (editing.add_function, Function("Sales")),
        (editing.add_participant, Participant("Ann")),
        (editing.add_goal, Goal(Pillar.WIN, "Grow trials")),
        (editing.add_principle, Principle("Listen first")),
        (editing.add_commitment, Commitment("Send the charter")),
    ]
    for add, item in adds:
        add(ws, item)
        before = copy.deepcopy(ws)
        with pytest.raises(RuleError, match="already in the workshop"):
            add(ws, item)
        assert ws == before


def test_a_room_tally_round_hands_out_no_ballots():
    ws = editing.new_workshop("Tally")
    goals = [editing.add_goal(ws, Goal(Pillar.WIN, f"Goal {i}")) for i in range(2)]
    person = editing.add_participant(ws, Participant("Ann"))
    r = editing.open_round(
        ws, goal_ids=[g.id for g in goals], dots_per_voter=2, max_per_goal=1, mode=VotingMode.TALLY
    )
    with pytest.raises(RuleError, match="counted off the wall"):
        editing.add_voter(ws, r.id, person.id)
    assert r.voter_ids == []
