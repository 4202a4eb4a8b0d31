"""What the next quarter's workshop must carry over from the last, checked field by field.

Used by the domain test and by the test that starts the next workshop from the app,
so both hold the new workshop to the same list.
"""

from __future__ import annotations

import dataclasses

from cxworkshop.domain.model import ReviewDecision, Role, Status, Step, Workshop

CARRIED_DETAILS = (
    "organisation",
    "facilitator",
    "sponsor_name",
    "sponsor_title",
    "vision",
    "review_cadence",
    "agenda_start",
    "timeboxes",
    "functions",
    "participants",
    "principles",
)
"""What describes the team, copied as it was."""


def check_carried_over(previous: Workshop, new: Workshop) -> None:
    """``new`` carries on from ``previous`` with its last review's decisions applied."""
    assert new.follows == previous.id
    for name in CARRIED_DETAILS:
        assert getattr(new, name) == getattr(previous, name), name

    # Fresh: no voting, commitments, asks, signature, reviews, time or review date.
    assert (new.rounds, new.commitments, new.asks, new.reviews, new.time_spent) == (
        [],
        [],
        [],
        [],
        {},
    )
    assert (new.signed_on, new.sign_by, new.review_date) == (None, None, None)
    assert (new.status, new.current_step) == (Status.DRAFT, Step.SETUP)

    last = previous.reviews[-1] if previous.reviews else None
    decided = {e.goal_id: e for e in last.goals} if last else {}

    def decision(goal_id: str) -> ReviewDecision:
        entry = decided.get(goal_id)
        return ReviewDecision.KEEP if entry is None else entry.decision

    kept = [g for g in previous.goals if decision(g.id) is not ReviewDecision.DROP]
    assert [g.id for g in new.goals] == [g.id for g in kept]
    for old, carried in zip(kept, new.goals, strict=True):
        readings = [
            e.reading
            for r in previous.reviews
            for e in r.goals
            if e.goal_id == old.id and e.reading
        ]
        expected = dataclasses.replace(old, baseline=readings[-1] if readings else old.baseline)
        entry = decided.get(old.id)
        if entry is not None and entry.decision is ReviewDecision.RETARGET and entry.new_target:
            expected = dataclasses.replace(expected, target=entry.new_target)
        assert carried == expected, old.title

    # Accountability as it was, but for a new Accountable where the room chose one.
    for goal in kept:
        was = {(a.assignee, a.role) for a in previous.assignments if a.goal_id == goal.id}
        now = {(a.assignee, a.role) for a in new.assignments if a.goal_id == goal.id}
        entry = decided.get(goal.id)
        who = entry.new_accountable if entry is not None else None
        if entry is not None and entry.decision is ReviewDecision.REASSIGN and who is not None:
            was = {(a, r) for a, r in was if r is not Role.ACCOUNTABLE and a != who}
            was.add((who, Role.ACCOUNTABLE))
        assert now == was, goal.title
    gone = {g.id for g in previous.goals} - {g.id for g in kept}
    assert not [a for a in new.assignments if a.goal_id in gone]
