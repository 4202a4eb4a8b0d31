"""Edits of who is at the table: participants and functions, added, changed, moved, removed.

Each is one undo step around one store operation; a removal takes along the
person's or function's roles and ballots, and its undo brings them back.
"""

from __future__ import annotations

from typing import Any

from ...domain import editing
from ...domain.defaults import PALETTE
from ...domain.editing import Removal
from ...domain.errors import WorkshopError
from ...domain.model import Function, Participant, Workshop
from ..session import Session
from . import steps
from .naming import possessive
from .naming import quoted_text as quoted

# ----------------------------------------------------------------- participants


def add_participant(
    session: Session,
    name: str,
    function_id: str | None = None,
    role_title: str = "",
    *,
    participant_id: str | None = None,
) -> Participant | None:
    """Add a person at the end of the list (one undo step); None if refused."""
    person = Participant(name=name, function_id=function_id, role_title=role_title)
    if participant_id is not None:
        person.id = participant_id
    store = session.store
    return steps.add_step(
        session,
        f"Add participant {quoted(name)}",
        person,
        store.add_participant,
        store.remove_participant,
    )


def _participant_text(ws: Workshop, person: Participant, field: str, value: Any) -> str:
    who = possessive(person.name)
    if field == "name":
        return f"Rename participant {quoted(person.name)} to {quoted(str(value))}"
    if field == "function_id":
        f = next((f for f in ws.functions if f.id == value), None)
        return f"Change {who} function to {f.name}" if f else f"Clear {who} function"
    if str(value).strip():
        return f"Set {who} role title to {quoted(str(value))}"
    return f"Clear {who} role title"


def update_participant(session: Session, participant_id: str, **changes: Any) -> bool:
    """Change one of a person's fields (one undo step); False if refused."""
    if len(changes) != 1:
        return False
    ws = session.workshop
    person = steps.found(session, editing.participant, participant_id)
    if person is None:
        return False
    ((field, value),) = changes.items()
    current = getattr(person, field)
    if field in ("name", "role_title") and str(value).strip() == current:
        return True
    if field == "function_id" and value == current:
        return True
    text = _participant_text(ws, person, field, value)
    update = session.store.update_participant
    return steps.update_step(session, text, update, participant_id, **changes)


def participant_removal_preview(session: Session, participant_id: str) -> Removal | None:
    """What removing this person would take with them, worked out on a copy."""
    try:
        return steps.removal_preview(session.workshop, editing.remove_participant, participant_id)
    except WorkshopError:
        return None


def remove_participant(session: Session, participant_id: str) -> bool:
    """Remove a person with their assignments and ballots (one undo step)."""
    person = steps.found(session, editing.participant, participant_id)
    if person is None:
        return False
    name = person.name
    text = f"Remove participant {quoted(name)}"
    return steps.remove_step(session, text, session.store.remove_participant, participant_id)


# ----------------------------------------------------------------- functions


def next_colour(ws: Workshop | None) -> str:
    """The first palette colour no function wears yet (cycling when all are taken)."""
    used = {f.colour.upper() for f in ws.functions} if ws else set()
    for colour in PALETTE:
        if colour.upper() not in used:
            return colour
    return PALETTE[len(used) % len(PALETTE)]


def add_function(session: Session, name: str, *, customer_facing: bool = True) -> Function | None:
    """Add a function at the end of the list (one undo step); None if refused."""
    new = Function(name=name, customer_facing=customer_facing, colour=next_colour(session.workshop))
    store = session.store
    return steps.add_step(
        session, f"Add function {quoted(name)}", new, store.add_function, store.remove_function
    )


def update_function(session: Session, function_id: str, **changes: Any) -> bool:
    """Rename, recolour or re-mark one function (one undo step); False if refused."""
    if len(changes) != 1:
        return False
    f = steps.found(session, editing.function, function_id)
    if f is None:
        return False
    ((field, value),) = changes.items()
    current = getattr(f, field)
    if field == "name" and str(value).strip() == current:
        return True
    if field == "colour" and str(value).upper() == current.upper():
        return True
    if field == "customer_facing" and value == current:
        return True
    if field == "name":
        text = f"Rename function {quoted(f.name)} to {quoted(str(value))}"
    elif field == "colour":
        text = f"Change the colour of {f.name}"
    elif value:
        text = f"Mark {f.name} as customer-facing"
    else:
        text = f"Mark {f.name} as back office"
    return steps.update_step(session, text, session.store.update_function, function_id, **changes)


def move_function(session: Session, function_id: str, index: int, text: str = "") -> bool:
    """Move a function to ``index`` in the list (one undo step)."""
    f = steps.found(session, editing.function, function_id)
    if f is None:
        return False
    name = f.name
    store, wid = session.store, session.workshop_id
    done = session.edit(
        text or f"Move function {quoted(name)}",
        lambda: store.move_function(wid, function_id, index),
        lambda old: store.move_function(wid, function_id, old),
    )
    return done is not None


def move_function_by(session: Session, function_id: str, step: int) -> bool:
    """Move a function ``step`` places down the list (negative: up); False at either end."""
    functions = session.workshop.functions
    row = next((n for n, f in enumerate(functions) if f.id == function_id), -1)
    target = row + step
    if row < 0 or not 0 <= target < len(functions):
        return False
    direction = "up" if step < 0 else "down"
    text = f"Move function {quoted(functions[row].name)} {direction}"
    return move_function(session, function_id, target, text)


def function_removal_preview(session: Session, function_id: str) -> Removal | None:
    """What removing this function would take with it, worked out on a copy."""
    try:
        return steps.removal_preview(session.workshop, editing.remove_function, function_id)
    except WorkshopError:
        return None


def remove_function(session: Session, function_id: str) -> bool:
    """Remove a function with its assignments and memberships (one undo step)."""
    f = steps.found(session, editing.function, function_id)
    if f is None:
        return False
    name = f.name
    remove = session.store.remove_function
    return steps.remove_step(session, f"Remove function {quoted(name)}", remove, function_id)
