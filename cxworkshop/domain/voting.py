"""Dot-voting arithmetic: budgets, totals, ranking, ties and the final priorities.

Everything here reads rounds and never changes them; the edits that cast
ballots and close rounds live in :mod:`cxworkshop.domain.editing`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .editing import MAX_DOTS
from .model import TieBreak, VotingMode, VotingRound, Workshop


def default_budget(n_options: int) -> int:
    """Dots per voter for ``n_options`` goals: about a third of them, at least one.

    A third rounded to the nearest whole dot: 2 goals give 1 dot, 9 and 10 give 3,
    11 and 12 give 4.
    """
    return max(1, min(MAX_DOTS, (n_options + 1) // 3))


def default_max_per_goal(budget: int) -> int:
    """How many of a voter's dots may go on one goal.

    With one or two dots a voter may put them all on the goal they care about;
    with more, at most half of them (rounded up), so each voter backs at least
    two goals and a single enthusiast cannot decide the result alone.
    """
    budget = max(1, budget)
    return budget if budget <= 2 else math.ceil(budget / 2)


@dataclass(frozen=True, slots=True)
class Ranked:
    """A goal's place in one round: its dots and its competition rank (1, 1, 3)."""

    goal_id: str
    dots: int
    rank: int


@dataclass(frozen=True, slots=True)
class Priority:
    """A goal's place in the workshop's final order.

    ``settled_by`` says how a goal that tied in the main round got its own
    place: by a run-off vote or by the sponsor. It is None for a goal that did
    not tie, and for goals still tied, which share a rank.

    ``ranked`` is False for a goal nobody put a dot on in a vote (see
    :func:`ties_to_settle`): it has no place of its own and is listed last,
    after every goal the room ranked; ``rank`` is then the place after theirs.
    """

    goal_id: str
    rank: int
    dots: int
    settled_by: TieBreak | None = None
    ranked: bool = True


# ----------------------------------------------------------------- one round


def totals(r: VotingRound) -> dict[str, int]:
    """Dots per goal on the ballot, in ballot order, zero included.

    Dots on goals that are not on the ballot (which the edits never allow) are
    ignored rather than trusted.
    """
    out = dict.fromkeys(r.goal_ids, 0)
    if r.mode is VotingMode.SECRET:
        for ballot in r.ballots.values():
            for goal_id, dots in ballot.items():
                if goal_id in out:
                    out[goal_id] += dots
    else:
        for goal_id, dots in r.tallies.items():
            if goal_id in out:
                out[goal_id] += dots
    return out


def _rank(counted: Mapping[str, int]) -> list[Ranked]:
    """Competition ranking of ``counted``; equal totals keep the mapping's order."""
    order = sorted(counted.items(), key=lambda item: -item[1])  # stable
    out: list[Ranked] = []
    for position, (goal_id, dots) in enumerate(order, start=1):
        rank = out[-1].rank if out and out[-1].dots == dots else position
        out.append(Ranked(goal_id, dots, rank))
    return out


def ranking(r: VotingRound) -> list[Ranked]:
    """The round's goals by dots, most first; equal dots share a rank (1, 1, 3)."""
    return _rank(totals(r))


def ties(ranked: list[Ranked]) -> list[list[str]]:
    """Groups of two or more goals sharing a rank, in rank order."""
    groups: dict[int, list[str]] = {}
    for entry in ranked:
        groups.setdefault(entry.rank, []).append(entry.goal_id)
    return [group for _, group in sorted(groups.items()) if len(group) > 1]


def unranked(r: VotingRound) -> list[str]:
    """Goals that got no place from round ``r``, in ballot order.

    A goal nobody put a dot on in a vote was not chosen at all: it is not
    "tied" with the other goals left without dots, and ordering them would
    mean nothing. A run-off is different: every goal on its ballot tied with
    dots in the round before, so a goal with none in the run-off is simply
    last among them.
    """
    if r.is_runoff:
        return []
    counted = totals(r)
    return [goal_id for goal_id in r.goal_ids if counted.get(goal_id) == 0]


def ties_to_settle(r: VotingRound) -> list[list[str]]:
    """The tied groups worth settling, in rank order: goals level on at least one dot.

    Goals without dots in a vote are left out (see :func:`unranked`); every
    other shared place is a tie the room may settle by a run-off or the
    sponsor's call.
    """
    left_out = set(unranked(r))
    return ties([x for x in ranking(r) if x.goal_id not in left_out])


def runoff_goals(r: VotingRound) -> list[list[str]]:
    """The tied groups a run-off could settle; the facilitator picks which to re-vote."""
    return ties_to_settle(r)


def dots_cast(r: VotingRound) -> int:
    """All the dots placed in the round so far."""
    return sum(totals(r).values())


def placed(ballot: Mapping[str, int]) -> int:
    """Dots a ballot places in all."""
    return sum(ballot.values())


def remaining(r: VotingRound, ballot: Mapping[str, int]) -> int:
    """Dots a voter still has to place; negative when a draft places too many."""
    return r.dots_per_voter - placed(ballot)


def can_add_dot(r: VotingRound, ballot: Mapping[str, int], goal_id: str) -> bool:
    """Whether one more dot on ``goal_id`` keeps the draft ballot within the rules."""
    return (
        goal_id in r.goal_ids
        and remaining(r, ballot) >= 1
        and ballot.get(goal_id, 0) < r.max_per_goal
    )


def ballot_fits(r: VotingRound, ballot: Mapping[str, int]) -> bool:
    """Whether a ballot stays within the budget and the per-goal maximum."""
    return (
        all(goal_id in r.goal_ids and 0 <= n <= r.max_per_goal for goal_id, n in ballot.items())
        and remaining(r, ballot) >= 0
    )


def voters_pending(r: VotingRound) -> list[str]:
    """Voters who have not confirmed a ballot yet, in voter order."""
    return [v for v in r.voter_ids if v not in r.ballots]


# ----------------------------------------------------------------- the workshop


def main_round(ws: Workshop) -> VotingRound | None:
    """The latest closed round that is not a run-off: the vote the priorities come from."""
    closed = [r for r in ws.rounds if not r.is_open and r.runoff_of is None]
    return max(closed, key=lambda r: r.number, default=None)


def runoffs_of(ws: Workshop, round_id: str) -> list[VotingRound]:
    """Closed run-offs of a round, latest first."""
    found = [r for r in ws.rounds if r.runoff_of == round_id and not r.is_open]
    return sorted(found, key=lambda r: r.number, reverse=True)


# A place is a list of (goal id, how it got there); more than one goal means still tied.
_Place = list[tuple[str, TieBreak | None]]


def _places(
    ws: Workshop, r: VotingRound, goal_ids: set[str], visited: frozenset[str]
) -> list[_Place]:
    """``goal_ids`` of round ``r`` in order, tied groups settled as far as the rounds allow."""
    counted = {g: n for g, n in totals(r).items() if g in goal_ids}
    groups: list[list[str]] = []
    for entry in _rank(counted):
        if groups and counted[groups[-1][0]] == entry.dots:
            groups[-1].append(entry.goal_id)
        else:
            groups.append([entry.goal_id])
    out: list[_Place] = []
    for group in groups:
        if len(group) == 1:
            out.append([(group[0], None)])
            continue
        for place in _by_runoff(ws, r, group, visited | {r.id}):
            out.extend(_by_decision(r, place))
    return out


def _by_runoff(
    ws: Workshop, r: VotingRound, group: list[str], visited: frozenset[str]
) -> list[_Place]:
    """A tied group ordered by the latest closed run-off on exactly those goals, if any."""
    wanted = set(group)
    present = {g.id for g in ws.goals}
    for runoff in runoffs_of(ws, r.id):
        if runoff.id in visited or set(runoff.goal_ids) & present != wanted:
            continue
        return [
            [(goal_id, how or TieBreak.RUNOFF) for goal_id, how in place]
            if len(place) == 1
            else [(goal_id, None) for goal_id, _ in place]
            for place in _places(ws, runoff, wanted, visited)
        ]
    return [[(goal_id, None) for goal_id in group]]


def _by_decision(r: VotingRound, place: _Place) -> list[_Place]:
    """A place still tied, ordered by the sponsor's decision on ``r`` if it covers it."""
    if len(place) == 1:
        return [place]
    goal_ids = [goal_id for goal_id, _ in place]
    if not all(goal_id in r.decision for goal_id in goal_ids):
        return [place]
    ordered = sorted(goal_ids, key=r.decision.index)
    return [[(goal_id, TieBreak.SPONSOR)] for goal_id in ordered]


def final_order(ws: Workshop) -> list[Priority]:
    """The workshop's priorities from its main round, with ties settled where the room did.

    A tied group is settled by the latest closed run-off whose ballot is exactly
    that group (a run-off may itself tie and have its own run-off or decision),
    else by the main round's recorded decision if it orders every goal of the
    group; otherwise the goals stay tied and share a rank. Goals nobody put a
    dot on come last, unranked. Goals removed from the workshop are left out.
    No closed round means no priorities yet.
    """
    main = main_round(ws)
    if main is None:
        return []
    return _order(ws, main)


def round_order(ws: Workshop, r: VotingRound) -> list[Priority]:
    """One round's goals in order, its ties settled as far as the room did.

    The same rules as :func:`final_order`, for any round: the main round gives
    the final order itself; a run-off or an older round shows where its own
    ties stand. Goals removed from the workshop are left out.
    """
    return _order(ws, r)


def _order(ws: Workshop, r: VotingRound) -> list[Priority]:
    """Round ``r``'s goals still in the workshop: ranked goals in order, then the unranked."""
    present = {g.id for g in ws.goals}
    dots = totals(r)
    left_out = [goal_id for goal_id in unranked(r) if goal_id in present]
    out: list[Priority] = []
    for place in _places(ws, r, (present & set(r.goal_ids)) - set(left_out), frozenset()):
        rank = len(out) + 1
        out.extend(Priority(goal_id, rank, dots[goal_id], how) for goal_id, how in place)
    rank = len(out) + 1
    out.extend(Priority(goal_id, rank, 0, None, ranked=False) for goal_id in left_out)
    return out
