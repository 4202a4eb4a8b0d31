"""Dot-voting arithmetic: budgets, totals, ranks, ties and the final priorities."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.model import Goal, Pillar, TieBreak, VotingMode, VotingRound, Workshop
from cxworkshop.domain.voting import (
    Priority,
    Ranked,
    ballot_fits,
    can_add_dot,
    default_budget,
    default_max_per_goal,
    dots_cast,
    final_order,
    main_round,
    ranking,
    remaining,
    round_order,
    runoff_goals,
    runoffs_of,
    ties,
    ties_to_settle,
    totals,
    unranked,
    voters_pending,
)
from tests.helpers.builders import goal_ids, secret_round, small_workshop, tally_round, voter_ids

# ----------------------------------------------------------------- budgets


@pytest.mark.parametrize(
    ("goals", "dots"),
    [(0, 1), (1, 1), (2, 1), (3, 1), (5, 2), (9, 3), (10, 3), (11, 4), (12, 4), (30, 10)],
)
def test_each_voter_gets_about_a_third_of_the_goals_in_dots(goals: int, dots: int) -> None:
    assert default_budget(goals) == dots


@given(st.integers(2, 297))
def test_default_budget_is_a_third_rounded_to_the_nearest_dot(goals: int) -> None:
    budget = default_budget(goals)
    assert abs(budget - goals / 3) <= 0.5
    assert budget >= 1


def test_default_budget_stays_within_what_a_round_accepts() -> None:
    assert default_budget(10_000) == editing.MAX_DOTS


@pytest.mark.parametrize(
    ("budget", "most"), [(1, 1), (2, 2), (3, 2), (4, 2), (5, 3), (6, 3), (9, 5)]
)
def test_default_stacking_limit(budget: int, most: int) -> None:
    assert default_max_per_goal(budget) == most


@given(st.integers(1, editing.MAX_DOTS))
def test_default_stacking_limit_opens_a_valid_round(budget: int) -> None:
    most = default_max_per_goal(budget)
    assert 1 <= most <= budget
    if budget >= 3:
        # Half the dots rounded up: every voter backs at least two goals.
        assert most < budget <= 2 * most
    ws = small_workshop()
    r = secret_round(ws, dots_per_voter=budget, max_per_goal=most)
    assert (r.dots_per_voter, r.max_per_goal) == (budget, most)


# ----------------------------------------------------------------- totals


def test_totals_count_secret_ballots_and_keep_goals_without_dots() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws, goal_ids=g[:4])
    editing.cast_ballot(ws, r.id, v[0], {g[0]: 2, g[1]: 1})
    editing.cast_ballot(ws, r.id, v[1], {g[1]: 2})
    editing.cast_ballot(ws, r.id, v[2], {g[0]: 1, g[3]: 1})
    counted = totals(r)
    assert list(counted) == g[:4]
    assert counted == {g[0]: 2 + 1, g[1]: 1 + 2, g[2]: 0, g[3]: 1}
    assert dots_cast(r) == 2 + 1 + 2 + 1 + 1


def test_totals_of_a_room_tally_come_from_the_wall() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, {g[0]: 7, g[1]: 0, g[2]: 12}, close=False)
    assert totals(r) == {g[0]: 7, g[1]: 0, g[2]: 12}


def test_totals_ignore_dots_on_goals_off_the_ballot() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, goal_ids=g[:2])
    r.ballots["someone"] = {g[0]: 1, g[4]: 3}  # as a damaged file might hold
    assert totals(r) == {g[0]: 1, g[1]: 0}


# ----------------------------------------------------------------- ranking and ties


def _wall(ws: Workshop, counts: list[int]) -> VotingRound:
    """An open tally round whose goals got ``counts`` dots, in goal order."""
    return tally_round(ws, dict(zip(goal_ids(ws), counts, strict=False)), close=False)


def test_equal_dots_share_a_rank_and_the_next_rank_is_skipped() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = _wall(ws, [2, 5, 5, 0, 2])
    assert ranking(r) == [
        Ranked(g[1], 5, 1),
        Ranked(g[2], 5, 1),
        Ranked(g[0], 2, 3),
        Ranked(g[4], 2, 3),
        Ranked(g[3], 0, 5),
    ]


def test_tied_goals_keep_their_ballot_order() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, {g[3]: 1, g[0]: 1, g[2]: 1}, close=False)
    assert [x.goal_id for x in ranking(r)] == [g[3], g[0], g[2]]


def test_ties_are_the_groups_sharing_a_rank_in_rank_order() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = _wall(ws, [2, 5, 5, 0, 2])
    assert ties(ranking(r)) == [[g[1], g[2]], [g[0], g[4]]]
    assert runoff_goals(r) == ties_to_settle(r) == ties(ranking(r))


def test_no_ties_when_every_goal_has_its_own_total() -> None:
    ws = small_workshop()
    r = _wall(ws, [1, 2, 3, 4, 5])
    assert ties(ranking(r)) == []
    assert [x.rank for x in ranking(r)] == [1, 2, 3, 4, 5]


# ----------------------------------------------------------------- drafting a ballot


def test_remaining_dots_go_negative_when_a_draft_places_too_many() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, dots_per_voter=3, max_per_goal=2)
    assert remaining(r, {}) == 3
    assert remaining(r, {g[0]: 2}) == 1
    assert remaining(r, {g[0]: 2, g[1]: 2}) == -1


def test_one_more_dot_fits_only_within_budget_and_stacking_limit() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, goal_ids=g[:3], dots_per_voter=3, max_per_goal=2)
    assert can_add_dot(r, {}, g[0])
    assert not can_add_dot(r, {g[0]: 2}, g[0])  # stacking limit
    assert can_add_dot(r, {g[0]: 2}, g[1])
    assert not can_add_dot(r, {g[0]: 2, g[1]: 1}, g[2])  # budget spent
    assert not can_add_dot(r, {}, g[4])  # not on the ballot


@given(st.dictionaries(st.integers(0, 4), st.integers(0, 4), max_size=5))
def test_a_ballot_fits_exactly_when_casting_it_is_accepted(raw: dict[int, int]) -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = secret_round(ws, goal_ids=g[:4], dots_per_voter=3, max_per_goal=2)
    ballot = {g[i]: n for i, n in raw.items()}
    try:
        editing.cast_ballot(ws, r.id, voter_ids(ws)[0], ballot)
        accepted = True
    except editing.RuleError:
        accepted = False
    assert ballot_fits(r, ballot) == accepted


def test_voters_pending_are_those_without_a_ballot_in_voter_order() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    v = voter_ids(ws)
    r = secret_round(ws)
    editing.cast_ballot(ws, r.id, v[2], {g[0]: 1})
    editing.cast_ballot(ws, r.id, v[0], {g[1]: 1})
    assert voters_pending(r) == [v[1], v[3]]


# ----------------------------------------------------------------- the final order


def _order(ws: Workshop) -> list[tuple[str, int, TieBreak | None]]:
    return [(p.goal_id, p.rank, p.settled_by) for p in final_order(ws)]


def test_no_priorities_before_a_round_closes() -> None:
    ws = small_workshop()
    assert final_order(ws) == []
    g = goal_ids(ws)
    tally_round(ws, {g[0]: 3, g[1]: 1}, close=False)
    assert final_order(ws) == []
    assert main_round(ws) is None


def test_an_untied_vote_gives_the_order_directly() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    tally_round(ws, {g[0]: 1, g[1]: 6, g[2]: 3})
    assert final_order(ws) == [
        Priority(g[1], 1, 6, None),
        Priority(g[2], 2, 3, None),
        Priority(g[0], 3, 1, None),
    ]


def test_a_runoff_settles_the_tie_it_was_held_on() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 1})
    tally_round(ws, {g[0]: 2, g[1]: 5}, runoff_of=main.id)
    assert _order(ws) == [
        (g[1], 1, TieBreak.RUNOFF),
        (g[0], 2, TieBreak.RUNOFF),
        (g[2], 3, None),
    ]
    assert [p.dots for p in final_order(ws)] == [4, 4, 1]  # the main round's dots


def test_an_open_runoff_settles_nothing_yet() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 1})
    tally_round(ws, {g[0]: 2, g[1]: 5}, runoff_of=main.id, close=False)
    assert _order(ws) == [(g[0], 1, None), (g[1], 1, None), (g[2], 3, None)]


def test_the_sponsor_settles_a_tie_nobody_re_voted() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 1, g[1]: 4, g[2]: 4})
    editing.record_decision(ws, main.id, [g[2], g[1]], "Churn first: it costs more.")
    assert _order(ws) == [
        (g[2], 1, TieBreak.SPONSOR),
        (g[1], 2, TieBreak.SPONSOR),
        (g[0], 3, None),
    ]


def test_a_decision_that_leaves_out_a_tied_goal_settles_nothing() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 4})
    editing.record_decision(ws, main.id, [g[2], g[1]])
    assert {p.rank for p in final_order(ws)} == {1}
    assert all(p.settled_by is None for p in final_order(ws))


def test_a_runoff_outweighs_a_sponsor_decision() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4})
    tally_round(ws, {g[0]: 5, g[1]: 2}, runoff_of=main.id)
    editing.record_decision(ws, main.id, [g[1], g[0]])
    assert _order(ws) == [(g[0], 1, TieBreak.RUNOFF), (g[1], 2, TieBreak.RUNOFF)]


def test_a_tied_runoff_can_be_settled_by_the_sponsor() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 2})
    runoff = tally_round(ws, {g[0]: 3, g[1]: 3}, runoff_of=main.id)
    assert _order(ws) == [(g[0], 1, None), (g[1], 1, None), (g[2], 3, None)]
    editing.record_decision(ws, runoff.id, [g[1], g[0]])
    assert _order(ws) == [
        (g[1], 1, TieBreak.SPONSOR),
        (g[0], 2, TieBreak.SPONSOR),
        (g[2], 3, None),
    ]


def test_the_sponsor_may_settle_what_the_runoff_left_tied_on_the_main_round() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4})
    tally_round(ws, {g[0]: 3, g[1]: 3}, runoff_of=main.id)
    editing.record_decision(ws, main.id, [g[1], g[0]])
    assert _order(ws) == [(g[1], 1, TieBreak.SPONSOR), (g[0], 2, TieBreak.SPONSOR)]


def test_a_runoff_of_a_tied_runoff_settles_the_original_tie() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4})
    first = tally_round(ws, {g[0]: 3, g[1]: 3}, runoff_of=main.id)
    tally_round(ws, {g[0]: 1, g[1]: 4}, runoff_of=first.id)
    assert _order(ws) == [(g[1], 1, TieBreak.RUNOFF), (g[0], 2, TieBreak.RUNOFF)]


def test_a_runoff_that_splits_only_part_of_a_tie_leaves_the_rest_sharing_a_rank() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 3, g[1]: 3, g[2]: 3, g[3]: 1})
    tally_round(ws, {g[0]: 2, g[1]: 2, g[2]: 5}, runoff_of=main.id)
    assert _order(ws) == [
        (g[2], 1, TieBreak.RUNOFF),
        (g[0], 2, None),
        (g[1], 2, None),
        (g[3], 4, None),
    ]


def test_a_runoff_on_other_goals_than_the_tie_is_not_used() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 4})
    tally_round(ws, {g[0]: 5, g[1]: 2}, runoff_of=main.id)
    assert [p.rank for p in final_order(ws)] == [1, 1, 1]


def test_both_tied_groups_can_be_settled_separately() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 5, g[1]: 5, g[2]: 2, g[3]: 2, g[4]: 0})
    tally_round(ws, {g[0]: 1, g[1]: 2}, runoff_of=main.id)
    editing.record_decision(ws, main.id, [g[3], g[2]])
    assert _order(ws) == [
        (g[1], 1, TieBreak.RUNOFF),
        (g[0], 2, TieBreak.RUNOFF),
        (g[3], 3, TieBreak.SPONSOR),
        (g[2], 4, TieBreak.SPONSOR),
        (g[4], 5, None),
    ]


def test_the_latest_main_round_counts_and_runoffs_are_never_the_main_round() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    first = tally_round(ws, {g[0]: 4, g[1]: 4})
    second = tally_round(ws, {g[2]: 1, g[3]: 2})
    runoff = tally_round(ws, {g[0]: 1, g[1]: 2}, runoff_of=first.id)
    assert main_round(ws) is second
    assert runoffs_of(ws, first.id) == [runoff]
    assert [p.goal_id for p in final_order(ws)] == [g[3], g[2]]


def test_goals_removed_after_the_vote_drop_out_of_the_order() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    tally_round(ws, {g[0]: 5, g[1]: 3, g[2]: 1})
    editing.remove_goal(ws, g[1])
    assert _order(ws) == [(g[0], 1, None), (g[2], 2, None)]


def test_a_goal_missing_from_the_workshop_is_skipped_even_if_still_on_the_ballot() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 4})
    tally_round(ws, {g[0]: 1, g[1]: 3, g[2]: 2}, runoff_of=main.id)
    del ws.goals[2]  # as a damaged file might leave it
    assert _order(ws) == [(g[1], 1, TieBreak.RUNOFF), (g[0], 2, TieBreak.RUNOFF)]


def test_removing_a_tied_goal_keeps_the_runoff_on_the_rest() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 4})
    tally_round(ws, {g[0]: 1, g[1]: 3, g[2]: 2}, runoff_of=main.id)
    editing.remove_goal(ws, g[1])
    assert _order(ws) == [(g[2], 1, TieBreak.RUNOFF), (g[0], 2, TieBreak.RUNOFF)]


def test_a_runoff_loop_in_a_damaged_file_does_not_hang() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4})
    runoff = tally_round(ws, {g[0]: 2, g[1]: 2}, runoff_of=main.id)
    loop = tally_round(ws, {g[0]: 2, g[1]: 2}, runoff_of=runoff.id)
    loop.id = runoff.id  # two rounds sharing an id: each looks like the other's run-off
    assert [p.rank for p in final_order(ws)] == [1, 1]


# ----------------------------------------------------------------- properties


@st.composite
def secret_votes(draw: st.DrawFn) -> tuple[Workshop, VotingRound, dict[str, dict[str, int]]]:
    """A workshop with an open secret round and ballots that keep every rule."""
    ws = small_workshop()
    n_goals = draw(st.integers(2, len(ws.goals)))
    on_ballot = draw(st.permutations(goal_ids(ws)))[:n_goals]
    budget = draw(st.integers(1, 6))
    most = draw(st.integers(1, budget))
    r = secret_round(ws, goal_ids=on_ballot, dots_per_voter=budget, max_per_goal=most)
    ballots: dict[str, dict[str, int]] = {}
    for voter in draw(st.lists(st.sampled_from(voter_ids(ws)), unique=True)):
        wanted = draw(st.lists(st.integers(0, most), min_size=n_goals, max_size=n_goals))
        left = budget
        ballot: dict[str, int] = {}
        for goal_id, n in zip(on_ballot, wanted, strict=True):
            n = min(n, left)
            left -= n
            if n:
                ballot[goal_id] = n
        ballots[voter] = ballot
    return ws, r, ballots


@given(secret_votes())
def test_ranking_of_any_valid_vote_is_consistent(
    case: tuple[Workshop, VotingRound, dict[str, dict[str, int]]],
) -> None:
    ws, r, ballots = case
    for voter, ballot in ballots.items():
        editing.cast_ballot(ws, r.id, voter, ballot)
    by_hand: dict[str, int] = defaultdict(int)
    for ballot in ballots.values():
        for goal_id, n in ballot.items():
            by_hand[goal_id] += n

    counted = totals(r)
    assert counted == {goal_id: by_hand[goal_id] for goal_id in r.goal_ids}
    assert sum(counted.values()) == sum(sum(b.values()) for b in ballots.values())

    ranked = ranking(r)
    assert sorted(x.goal_id for x in ranked) == sorted(r.goal_ids)
    for x in ranked:
        assert x.dots == by_hand[x.goal_id]
        assert x.rank == 1 + sum(1 for y in ranked if y.dots > x.dots)
    assert [x.dots for x in ranked] == sorted((x.dots for x in ranked), reverse=True)

    groups: dict[int, list[str]] = defaultdict(list)
    for goal_id in r.goal_ids:  # ballot order within each group
        groups[by_hand[goal_id]].append(goal_id)
    expected = [groups[d] for d in sorted(groups, reverse=True) if len(groups[d]) > 1]
    assert ties(ranked) == expected


@given(
    st.lists(st.integers(0, 6), min_size=2, max_size=5),
    st.booleans(),
)
def test_final_order_of_any_tally_ranks_every_live_goal(counts: list[int], decide: bool) -> None:
    ws = small_workshop()
    g = goal_ids(ws)[: len(counts)]
    main = tally_round(ws, dict(zip(g, counts, strict=True)))
    if decide:
        editing.record_decision(ws, main.id, list(reversed(g)))
    order = final_order(ws)
    assert sorted(p.goal_id for p in order) == sorted(g)
    dots = dict(zip(g, counts, strict=True))
    assert [p.dots for p in order] == [dots[p.goal_id] for p in order]
    assert [p.dots for p in order] == sorted(counts, reverse=True)
    for i, p in enumerate(order):
        assert p.rank == (order[i - 1].rank if i and order[i - 1].rank == p.rank else i + 1)
        assert p.ranked == (p.dots > 0)
        shares_rank = sum(1 for q in order if q.ranked and q.rank == p.rank) > 1
        tied_in_vote = p.ranked and counts.count(dots[p.goal_id]) > 1
        if decide:
            assert not shares_rank
            assert p.settled_by == (TieBreak.SPONSOR if tied_in_vote else None)
        else:
            assert shares_rank == tied_in_vote
            assert p.settled_by is None
    if not decide:
        assert [(p.goal_id, p.rank) for p in order] == [(x.goal_id, x.rank) for x in ranking(main)]


def test_goals_without_dots_are_unranked_not_tied() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, {g[0]: 0, g[1]: 5, g[2]: 5, g[3]: 0, g[4]: 2})
    assert ties_to_settle(r) == [[g[1], g[2]]]
    assert runoff_goals(r) == [[g[1], g[2]]]
    assert unranked(r) == [g[0], g[3]]
    editing.record_decision(ws, r.id, [g[2], g[1]])
    assert [(p.goal_id, p.rank, p.ranked) for p in final_order(ws)] == [
        (g[2], 1, True),
        (g[1], 2, True),
        (g[4], 3, True),
        (g[0], 4, False),
        (g[3], 4, False),
    ]


def test_a_vote_where_nobody_placed_a_dot_has_no_tie_to_settle() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    r = tally_round(ws, dict.fromkeys(g, 0))
    assert ties_to_settle(r) == []
    assert all(not p.ranked for p in final_order(ws))


def test_goals_level_on_no_dots_in_a_runoff_are_still_tied() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    main = tally_round(ws, {g[0]: 4, g[1]: 4, g[2]: 4})
    runoff = tally_round(ws, {g[0]: 3, g[1]: 0, g[2]: 0}, runoff_of=main.id)
    # They all tied with dots in the vote; the run-off split off only the first.
    assert unranked(runoff) == []
    assert ties_to_settle(runoff) == [[g[1], g[2]]]
    assert [(p.goal_id, p.rank, p.ranked) for p in final_order(ws)] == [
        (g[0], 1, True),
        (g[1], 2, True),
        (g[2], 2, True),
    ]


@given(st.lists(st.integers(0, 4), min_size=2, max_size=5), st.booleans())
def test_only_goals_with_dots_can_tie_in_a_vote(counts: list[int], runoff: bool) -> None:
    ws = small_workshop()
    g = goal_ids(ws)[: len(counts)]
    r = tally_round(ws, dict(zip(g, counts, strict=True)))
    if runoff:
        r = tally_round(ws, dict(zip(g, counts, strict=True)), runoff_of=r.id)
    dots = totals(r)
    groups = ties_to_settle(r)
    # Each group is goals level on one count, ballot order kept, best count first.
    for group in groups:
        assert len(group) > 1 and len({dots[x] for x in group}) == 1
        assert group == [x for x in r.goal_ids if dots[x] == dots[group[0]]]
    assert [dots[group[0]] for group in groups] == sorted(
        (dots[group[0]] for group in groups), reverse=True
    )
    # Every count two goals share is a tie, except no dots at all outside a run-off.
    shared = {n for n in counts if counts.count(n) > 1}
    expected = shared if runoff else shared - {0}
    assert {dots[group[0]] for group in groups} == expected
    assert unranked(r) == ([] if runoff else [x for x in g if dots[x] == 0])
    # Settling every one of them by the sponsor leaves no ranked goal sharing a place.
    for group in groups:
        editing.record_decision(ws, r.id, [*r.decision, *reversed(group)])
    order = round_order(ws, r)
    ranked = [p.rank for p in order if p.ranked]
    assert len(ranked) == len(set(ranked))
    assert all(p.ranked for p in order[: len(ranked)])  # the unranked come last


def test_a_new_goal_added_after_the_vote_is_not_a_priority() -> None:
    ws = small_workshop()
    g = goal_ids(ws)
    tally_round(ws, {g[0]: 2, g[1]: 1})
    editing.add_goal(ws, Goal(Pillar.KEEP, "Answer every review within a day"))
    assert [p.goal_id for p in final_order(ws)] == [g[0], g[1]]


def test_secret_and_tally_modes_rank_alike() -> None:
    ws = small_workshop()
    g = goal_ids(ws)[:3]
    v = voter_ids(ws)
    r = secret_round(ws, goal_ids=g, dots_per_voter=2, max_per_goal=2)
    editing.cast_ballot(ws, r.id, v[0], {g[2]: 2})
    editing.cast_ballot(ws, r.id, v[1], {g[0]: 1, g[2]: 1})
    editing.close_round(ws, r.id)
    other = small_workshop()
    h = goal_ids(other)[:3]
    wall = tally_round(other, {h[0]: 1, h[1]: 0, h[2]: 3})
    assert wall.mode is VotingMode.TALLY
    assert [(g.index(x.goal_id), x.dots, x.rank) for x in ranking(r)] == [
        (h.index(x.goal_id), x.dots, x.rank) for x in ranking(wall)
    ]
