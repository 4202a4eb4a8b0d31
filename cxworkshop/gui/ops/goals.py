"""Edits of the goals board: add, retitle and detail, move, delete.

Each is one undo step around one store operation; ``goal_id`` on the step
lets an undo or redo show the goal it changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...domain import editing
from ...domain.editing import Removal
from ...domain.errors import WorkshopError
from ...domain.model import Goal, Pillar
from ..session import Session
from . import steps
from .naming import quoted


def add_goals(session: Session, goals: Sequence[Goal], text: str) -> list[Goal] | None:
    """Add ``goals`` (each at the end of its pillar) as ONE undo step; None if refused.

    The goals given are templates: each run adds fresh copies with the same
    ids, so redo after undo brings back the very same cards.
    """
    store = session.store
    # Redone, the step shows the (first) goal it brings back.
    first = goals[0].id if goals else None
    if len(goals) == 1:
        # One goal: one store call each way, the simplest undo step there is.
        added = steps.add_step(
            session, text, goals[0], store.add_goal, store.remove_goal, goal_id=first
        )
        return None if added is None else [added]
    return steps.add_all_step(
        session, text, goals, store.add_goal, store.remove_goal, goal_id=first
    )


def add_goal(session: Session, pillar: Pillar, title: str) -> Goal | None:
    """Add a goal titled ``title`` at the end of ``pillar``'s column; None if refused."""
    added = add_goals(session, [Goal(pillar=pillar, title=title)], f"Add goal {quoted(title)}")
    return added[0] if added else None


def move_goal(session: Session, goal_id: str, pillar: Pillar, index: int) -> bool:
    """Move a goal to ``index`` in ``pillar``'s column (counted without the goal itself).

    One undo step; False when refused or when the goal is already there.
    """
    ws = session.workshop
    try:
        goal = editing.goal(ws, goal_id)
        place = editing.goal_move_place(ws, goal_id, pillar, index)
    except WorkshopError as exc:
        session.sig_error.emit(str(exc))
        return False
    if place is None:
        return False
    index = place
    if pillar is goal.pillar:
        text = f"Reorder goal {quoted(goal.title)}"
    else:
        text = f"Move goal {quoted(goal.title)} to {pillar.label}"
    wid = session.workshop_id
    result = session.edit(
        text,
        lambda: session.store.move_goal(wid, goal_id, pillar, index),
        lambda old: session.store.move_goal(wid, goal_id, *old),
        goal_id=goal_id,
    )
    return result is not None


_FIELD_NAMES = {
    "description": "description",
    "metric": "metric",
    "baseline": "baseline",
    "target": "target",
    "due": "due date",
}


def edit_goal(session: Session, goal_id: str, field: str, value: str) -> bool:
    """Change one detail of a goal as one undo step, if it changed; False when refused."""
    goal = steps.found(session, editing.goal, goal_id)
    if goal is None:
        return False
    if getattr(goal, field) == value:
        return True
    if field == "title":
        text = f"Rename goal {quoted(goal.title)} to {quoted(value.strip())}"
    else:
        text = f"Edit {_FIELD_NAMES[field]} of {quoted(goal.title)}"
    return steps.update_step(
        session, text, session.store.update_goal, goal_id, goal_id=goal_id, **{field: value}
    )


def removal_preview(session: Session, goal_id: str) -> Removal | None:
    """What deleting a goal would take with it, worked out on a copy (nothing changes)."""
    try:
        return steps.removal_preview(session.workshop, editing.remove_goal, goal_id)
    except WorkshopError:
        return None


def delete_goal(session: Session, goal_id: str) -> bool:
    """Delete a goal with its assignments and votes, as one undo step."""
    goal = steps.found(session, editing.goal, goal_id)
    if goal is None:
        return False
    text = f"Delete goal {quoted(goal.title)}"
    return steps.remove_step(session, text, session.store.remove_goal, goal_id, goal_id=goal_id)
