"""Edits of the Charter step: next steps, the asks of the sponsor, sign-off and review dates.

Each is one undo step around one store operation; an unchanged value is no
edit (and no undo step).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...charter.content import long_date
from ...domain import editing
from ...domain.model import Ask, AskKind, Cadence, Commitment
from ..session import Session
from . import steps
from .naming import quoted_text as quoted

# ----------------------------------------------------------------- next steps


def add_commitment(
    session: Session, text: str, owner: str = "", due: str = ""
) -> Commitment | None:
    """Add a next step at the end (one undo step)."""
    store = session.store
    return steps.add_step(
        session,
        f"Add next step {quoted(text)}",
        Commitment(text=text, owner=owner, due=due),
        store.add_commitment,
        store.remove_commitment,
    )


def update_commitment(session: Session, commitment_id: str, field: str, value: str) -> bool:
    """Change one field of a next step (one undo step); unchanged text is no edit."""
    c = steps.found(session, editing.commitment, commitment_id)
    if c is None:
        return False
    if value.strip() == getattr(c, field):
        return True
    what = quoted(c.text)
    if field == "text":
        text = f"Reword next step {what}"
    elif field == "owner":
        text = (
            f"Set who does {what} to {quoted(value)}" if value.strip() else f"Clear who does {what}"
        )
    elif value.strip():
        text = f"Set when {what} is due to {quoted(value)}"
    else:
        text = f"Clear when {what} is due"
    update = session.store.update_commitment
    return steps.update_step(session, text, update, commitment_id, **{field: value})


def remove_commitment(session: Session, commitment_id: str) -> bool:
    """Take a next step off the list (one undo step)."""
    step = steps.found(session, editing.commitment, commitment_id)
    if step is None:
        return False
    text = step.text
    remove = session.store.remove_commitment
    return steps.remove_step(session, f"Remove next step {quoted(text)}", remove, commitment_id)


# ----------------------------------------------------------------- asks of the sponsor


def add_ask(
    session: Session, text: str, kind: AskKind = AskKind.DECISION, due: str = ""
) -> Ask | None:
    """Add an ask at the end (one undo step)."""
    store = session.store
    return steps.add_step(
        session,
        f"Add ask of the sponsor {quoted(text)}",
        Ask(text=text, kind=kind, due=due),
        store.add_ask,
        store.remove_ask,
    )


def update_ask(session: Session, ask_id: str, field: str, value: str) -> bool:
    """Change one field of an ask (one undo step); an unchanged value is no edit."""
    a = steps.found(session, editing.ask, ask_id)
    if a is None:
        return False
    current = getattr(a, field)
    if value.strip() == (current.value if isinstance(current, AskKind) else current):
        return True
    what = quoted(a.text)
    if field == "text":
        text = f"Reword ask {what}"
    elif field == "kind":
        label = AskKind(value).label if value in {k.value for k in AskKind} else value
        text = f"Make ask {what} a {label.lower()}"
    elif value.strip():
        text = f"Set when ask {what} is due to {quoted(value)}"
    else:
        text = f"Clear when ask {what} is due"
    return steps.update_step(session, text, session.store.update_ask, ask_id, **{field: value})


def remove_ask(session: Session, ask_id: str) -> bool:
    """Take an ask off the list (one undo step)."""
    ask = steps.found(session, editing.ask, ask_id)
    if ask is None:
        return False
    text = ask.text
    remove = session.store.remove_ask
    return steps.remove_step(session, f"Remove ask {quoted(text)}", remove, ask_id)


# ----------------------------------------------------------------- sign-off and reviews


def set_sign_off(session: Session, field: str, date: dt.date | None) -> bool:
    """Record when the sponsor signed (``signed_on``) or is to sign by (``sign_by``)."""
    if date == getattr(session.workshop, field):
        return True
    what = "the sponsor signed" if field == "signed_on" else "the sponsor is to sign by"
    text = f"Set when {what} to {long_date(date)}" if date else f"Clear when {what}"
    changes: dict[str, Any] = {field: date}
    return steps.update_step(session, text, session.store.update_details, **changes)


def set_cadence(session: Session, cadence: Cadence | None) -> bool:
    """Set how often progress is reviewed after the next review (one undo step)."""
    if cadence == session.workshop.review_cadence:
        return True
    text = (
        f"Review progress {cadence.phrase} after the next review"
        if cadence
        else "Clear how often progress is reviewed"
    )
    return steps.update_step(session, text, session.store.update_details, review_cadence=cadence)


def set_review_date(session: Session, date: dt.date | None) -> bool:
    """Set or clear the date of the progress review (one undo step)."""
    if date == session.workshop.review_date:
        return True
    text = f"Set review date to {long_date(date)}" if date else "Clear review date"
    return steps.update_step(session, text, session.store.update_details, review_date=date)
