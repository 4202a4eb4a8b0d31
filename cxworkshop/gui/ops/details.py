"""Edits of the workshop's own details: title, organisation, people in charge, date, status.

Each is one undo step around one store operation, except where the room is
(the current step), which is saved but is not an edit to undo.
"""

from __future__ import annotations

import datetime as dt

from ...charter.content import long_date
from ...domain.model import Status, Step
from ..session import Session
from . import steps
from .naming import quoted_text as quoted

DETAIL_TEXTS = {
    # field: (undo text when set, undo text when cleared)
    "title": ("Rename the workshop to {}", "Clear the workshop title"),
    "organisation": ("Set organisation to {}", "Clear organisation"),
    "facilitator": ("Set facilitator to {}", "Clear facilitator"),
    "sponsor_name": ("Set sponsor to {}", "Clear sponsor"),
    "sponsor_title": ("Set sponsor's title to {}", "Clear sponsor's title"),
}
"""The text fields of the workshop's details, with the names of their undo steps."""


def set_detail(session: Session, field: str, value: str) -> bool:
    """Set one of :data:`DETAIL_TEXTS`' fields (one undo step); True if it now holds ``value``."""
    if value.strip() == getattr(session.workshop, field):
        return True
    set_text, clear_text = DETAIL_TEXTS[field]
    text = set_text.format(quoted(value)) if value.strip() else clear_text
    return steps.update_step(session, text, session.store.update_details, **{field: value})


def set_date(session: Session, date: dt.date | None) -> bool:
    """Set or clear the date the workshop is held (one undo step)."""
    if date == session.workshop.date:
        return True
    text = f"Set workshop date to {long_date(date)}" if date else "Clear workshop date"
    return steps.update_step(session, text, session.store.update_details, date=date)


def set_language(session: Session, tag: str, typed: str) -> bool:
    """Set the workshop's language to the BCP 47 ``tag`` (one undo step); False if refused.

    ``typed`` is what the facilitator entered, named in the undo step when it is no tag.
    """
    if tag == session.workshop.language:
        return True
    text = f"Set language to {quoted(tag or typed)}"
    return steps.update_step(session, text, session.store.update_details, language=tag)


def set_status(session: Session, status: Status, text: str) -> bool:
    """Give the workshop ``status`` as one undo step named ``text``; True if it has it now."""
    if session.workshop.status is status:
        return True
    return steps.update_step(session, text, session.store.update_details, status=status)


def remember_step(session: Session, step: Step) -> None:
    """Save the step the room is at, so the workshop reopens there.

    Not an undo step: where the room is is not an edit. Raises the store's
    WorkshopError when it cannot be saved.
    """
    if session.workshop.current_step is not step:
        session.store.update_details(session.workshop_id, current_step=step)
