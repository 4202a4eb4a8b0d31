"""Edits of the Vision step: the vision statement and the principles the team commits to.

Each is one undo step around one store operation.
"""

from __future__ import annotations

from ...domain import editing
from ...domain.defaults import default_principles
from ...domain.model import Principle
from ..session import Session
from . import steps
from .naming import quoted_text as quoted


def set_vision(session: Session, value: str) -> bool:
    """Set (or, with blank text, clear) the vision statement; True if it is now stored."""
    if value.strip() == session.workshop.vision:
        return True
    text = f"Set the vision to {quoted(value)}" if value.strip() else "Clear the vision"
    return steps.update_step(session, text, session.store.update_details, vision=value)


def set_committed(session: Session, principle_id: str, committed: bool) -> bool:
    """Tick or untick a principle (one undo step)."""
    p = steps.found(session, editing.principle, principle_id)
    if p is None:
        return False
    if p.committed == committed:
        return True
    verb = "Commit to" if committed else "Withdraw commitment to"
    update = session.store.update_principle
    return steps.update_step(
        session, f"{verb} {quoted(p.text)}", update, principle_id, committed=committed
    )


def reword_principle(session: Session, principle_id: str, text: str) -> bool:
    """Change a principle's wording (one undo step)."""
    p = steps.found(session, editing.principle, principle_id)
    if p is None:
        return False
    if text.strip() == p.text:
        return True
    update = session.store.update_principle
    what = f"Reword principle {quoted(p.text)}"
    return steps.update_step(session, what, update, principle_id, text=text)


def add_principle(session: Session, text: str) -> Principle | None:
    """Add one of the team's own principles, committed, at the end (one undo step)."""
    new = Principle(text=text, committed=True, custom=True)
    store = session.store
    return steps.add_step(
        session, f"Add principle {quoted(text)}", new, store.add_principle, store.remove_principle
    )


def add_usual_principles(session: Session) -> bool:
    """Add the usual principles, none committed yet, as one undo step."""
    store = session.store
    added = steps.add_all_step(
        session,
        "Add the usual principles",
        default_principles(),
        store.add_principle,
        store.remove_principle,
    )
    return added is not None


def remove_principle(session: Session, principle_id: str) -> bool:
    """Take a principle off the list (one undo step)."""
    p = steps.found(session, editing.principle, principle_id)
    if p is None:
        return False
    remove = session.store.remove_principle
    return steps.remove_step(session, f"Remove principle {quoted(p.text)}", remove, principle_id)
