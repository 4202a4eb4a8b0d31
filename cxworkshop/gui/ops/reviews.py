"""Edits of progress reviews: start one, record what it says of a goal, remove it.

Each is one undo step around one store operation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain import editing, review
from ...domain.model import Review, ReviewDecision, ReviewStatus
from ..session import Session
from . import steps
from .naming import quoted

_WORDS = {
    "reading": "reading",
    "note": "note",
    "status": "status",
    "decision": "decision",
    "new_target": "new target",
    "new_accountable": "new Accountable",
}


def _normal(name: str, value: Any) -> Any:
    """A value as the domain keeps it, to tell an unchanged cell from an edit."""
    try:
        if name == "status":
            return None if not value else ReviewStatus(value)
        if name == "decision":
            return ReviewDecision(value)
    except ValueError:
        return value  # not one the domain knows: it refuses the edit in one line
    if isinstance(value, str):
        return value.strip()
    return value


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def add_review(session: Session, held_on: dt.date) -> Review | None:
    """Start a review held on ``held_on`` (one undo step); None if refused."""
    wid, store = session.workshop_id, session.store
    return session.edit(
        f"Start the review of {_long_date(held_on)}",
        lambda: store.add_review(wid, held_on),
        lambda new: store.remove_review(wid, new.id),
    )


def remove_review(session: Session, review_id: str) -> bool:
    """Remove a review (one undo step: undo brings it back whole)."""
    r = next((r for r in session.workshop.reviews if r.id == review_id), None)
    if r is None:
        return False
    wid, store = session.workshop_id, session.store
    done = session.edit(
        f"Remove the review of {_long_date(r.held_on)}",
        lambda: store.remove_review(wid, review_id),
        lambda removed: store.restore_review(wid, removed),
    )
    return done is not None


def record(session: Session, review_id: str, goal_id: str, **changes: Any) -> bool:
    """Change what a review says of one goal, as one undo step; True if unchanged."""
    ws = session.workshop
    r = next((r for r in ws.reviews if r.id == review_id), None)
    goal = steps.found(session, editing.goal, goal_id)
    if goal is None:
        return False
    if r is None:
        return False
    current = review.goal_review(r, goal_id)
    if all(getattr(current, k) == _normal(k, v) for k, v in changes.items()):
        return True
    what = ", ".join(_WORDS.get(k, k) for k in changes)
    return steps.update_step(
        session,
        f"Record the {what} of {quoted(goal.title)}",
        session.store.record_review,
        review_id,
        goal_id,
        **changes,
    )
