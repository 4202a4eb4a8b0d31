"""Hypothesis strategies for workshops, built through the same edits the app uses.

Because every workshop here is the result of a sequence of edits (adding,
assigning, voting, removing), it obeys every rule a real one does, and it
reaches the states a real one can: rounds that lost a goal or a voter, goals
without roles, run-offs, open rounds, ballots with no dots at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from cxworkshop.domain import editing, language, review, text
from cxworkshop.domain.errors import WorkshopError
from cxworkshop.domain.model import (
    Assignee,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    ReviewDecision,
    ReviewStatus,
    Role,
    Status,
    Step,
    VotingMode,
    Workshop,
)

_LETTERS = st.characters(exclude_categories=("Cs", "Cc"))
"""Any character people can type: accents, scripts, emoji; no control characters."""


def line(max_size: int = 40, *, required: bool = False) -> st.SearchStrategy[str]:
    """Single-line text as people type it, untrimmed; the edits turn tabs into spaces."""
    strategy = st.text(st.one_of(_LETTERS, st.sampled_from(" \t")), max_size=max_size)
    if required:
        strategy = strategy.filter(lambda s: s.replace("\t", " ").strip() != "")
    return strategy


def paragraph(max_size: int = 80, *, required: bool = False) -> st.SearchStrategy[str]:
    """Multi-line text: the vision, a goal's description, a commitment."""
    strategy = st.text(st.one_of(_LETTERS, st.sampled_from(" \t\n")), max_size=max_size)
    if required:
        strategy = strategy.filter(lambda s: s.strip() != "")
    return strategy


colours = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
time_zones = st.one_of(
    st.none(),
    st.just(dt.UTC),
    st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
)
moments = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=time_zones
)


def _attempt(edit: Any, *args: Any, **kwargs: Any) -> Any:
    """Make an edit if the rules allow it; a refused edit leaves the workshop as it was."""
    try:
        return edit(*args, **kwargs)
    except WorkshopError:
        return None


languages = st.sampled_from(
    [tag for tag, _name in language.COMMON] + ["sr-Latn-RS", "es-419", "de-CH-1901", "x-cx"]
)
"""Language tags as the app keeps them: from the short list, and longer ones typed in."""


@st.composite
def workshops(draw: st.DrawFn, *, max_items: int = 6) -> Workshop:
    """Any workshop the app's edits can produce."""
    ws = editing.new_workshop(
        draw(line(text.TITLE_MAX // 4, required=True)),
        organisation=draw(line()),
        date=draw(st.none() | dates),
        facilitator=draw(line()),
        sponsor_name=draw(line()),
        sponsor_title=draw(line()),
        vision=draw(paragraph()),
        review_date=draw(st.none() | dates),
        status=draw(st.sampled_from(Status)),
        current_step=draw(st.sampled_from(Step)),
        language=draw(languages),
    )
    ws.id = draw(st.none() | st.integers(-(2**63), 2**63 - 1))
    ws.created_at = draw(st.none() | moments)
    ws.updated_at = draw(st.none() | moments)

    for _ in range(draw(st.integers(0, max_items))):
        new = Function(
            draw(line(30, required=True)),
            customer_facing=draw(st.booleans()),
            colour=draw(colours),
        )
        _attempt(editing.add_function, ws, new, draw(st.none() | st.integers(0, max_items)))

    for _ in range(draw(st.integers(0, max_items))):
        function_id = draw(st.none() | st.sampled_from([f.id for f in ws.functions] or [None]))
        new_person = Participant(
            draw(line(30, required=True)), function_id=function_id, role_title=draw(line())
        )
        editing.add_participant(ws, new_person, draw(st.none() | st.integers(0, max_items)))

    for _ in range(draw(st.integers(0, max_items + 2))):
        new_goal = Goal(
            draw(st.sampled_from(Pillar)),
            draw(line(30, required=True)),
            description=draw(paragraph()),
            metric=draw(line()),
            baseline=draw(line(10)),
            target=draw(line(10)),
            due=draw(line(10)),
        )
        editing.add_goal(ws, new_goal, draw(st.none() | st.integers(0, max_items)))

    assignees = [Assignee.function(f.id) for f in ws.functions] + [
        Assignee.participant(p.id) for p in ws.participants
    ]
    if ws.goals and assignees:
        for _ in range(draw(st.integers(0, 3 * max_items))):
            editing.assign(
                ws,
                draw(st.sampled_from([g.id for g in ws.goals])),
                draw(st.sampled_from(assignees)),
                draw(st.sampled_from(Role)),
            )

    for _ in range(draw(st.integers(0, 4))):
        new_principle = Principle(
            draw(line(60, required=True)), committed=draw(st.booleans()), custom=draw(st.booleans())
        )
        _attempt(editing.add_principle, ws, new_principle)

    for _ in range(draw(st.integers(0, 3))):
        _vote(draw, ws)

    if ws.goals and draw(st.booleans()):
        editing.remove_goal(ws, draw(st.sampled_from([g.id for g in ws.goals])))
    if ws.participants and draw(st.booleans()):
        editing.remove_participant(ws, draw(st.sampled_from([p.id for p in ws.participants])))

    for _ in range(draw(st.integers(0, 3))):
        new_commitment = Commitment(
            draw(paragraph(60, required=True)), owner=draw(line()), due=draw(line(12))
        )
        editing.add_commitment(ws, new_commitment)
    _review(draw, ws)
    ws.follows = draw(st.none() | st.integers(1, 2**63 - 1))
    return ws


def _review(draw: st.DrawFn, ws: Workshop) -> None:
    """Progress reviews, each saying something of some of the goals."""
    assignees = [Assignee.function(f.id) for f in ws.functions] + [
        Assignee.participant(p.id) for p in ws.participants
    ]
    for _ in range(draw(st.integers(0, 2))):
        r = review.add_review(ws, draw(dates))
        for goal in (
            draw(st.lists(st.sampled_from(ws.goals), unique_by=lambda g: g.id)) if ws.goals else []
        ):
            review.record(
                ws,
                r.id,
                goal.id,
                reading=draw(line(12)),
                read_on=draw(st.none() | dates),
                status=draw(st.none() | st.sampled_from(ReviewStatus)),
                note=draw(paragraph(40)),
                decision=draw(st.sampled_from(ReviewDecision)),
                new_target=draw(line(12)),
                new_accountable=draw(st.none() | st.sampled_from(assignees)) if assignees else None,
            )


def _vote(draw: st.DrawFn, ws: Workshop) -> None:
    """Open a round (a run-off, sometimes), vote in it, and perhaps close and settle it."""
    if len(ws.goals) < 2:
        return
    goal_ids = draw(
        st.lists(st.sampled_from([g.id for g in ws.goals]), min_size=2, max_size=6, unique=True)
    )
    budget = draw(st.integers(1, 6))
    per_goal = draw(st.integers(1, budget))
    mode = draw(st.sampled_from(VotingMode))
    voter_ids = None
    if ws.participants and draw(st.booleans()):
        voter_ids = draw(st.lists(st.sampled_from([p.id for p in ws.participants]), unique=True))
    closed = [r.id for r in ws.rounds if not r.is_open]
    runoff_of = draw(st.none() | st.sampled_from(closed)) if closed else None
    r = _attempt(
        editing.open_round,
        ws,
        goal_ids=goal_ids,
        dots_per_voter=budget,
        max_per_goal=per_goal,
        mode=mode,
        voter_ids=voter_ids,
        runoff_of=runoff_of,
    )
    if r is None:
        return
    if mode is VotingMode.SECRET:
        for voter in r.voter_ids:
            if draw(st.booleans()):
                editing.cast_ballot(ws, r.id, voter, draw(_ballot(goal_ids, budget, per_goal)))
    else:
        for goal_id in goal_ids:
            editing.set_tally(ws, r.id, goal_id, draw(st.integers(0, editing.MAX_TALLY)))
    if draw(st.booleans()):
        return
    _attempt(editing.close_round, ws, r.id)  # refused while nobody has voted
    if r.is_open:
        return
    editing.set_revealed(ws, r.id, draw(st.booleans()))
    if draw(st.booleans()):
        order = draw(st.lists(st.sampled_from(goal_ids), unique=True))
        editing.record_decision(ws, r.id, order, draw(paragraph(40)))


@st.composite
def _ballot(draw: st.DrawFn, goal_ids: list[str], budget: int, per_goal: int) -> dict[str, int]:
    """A ballot within budget; it may leave dots unplaced or place none at all."""
    left = budget
    ballot: dict[str, int] = {}
    for goal_id in draw(st.permutations(goal_ids)):
        n = draw(st.integers(0, min(per_goal, left)))
        ballot[goal_id] = n
        left -= n
    return ballot
