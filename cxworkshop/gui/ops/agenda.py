"""Edits of the agenda: each step's timebox, the start time, and the time the room spent.

Timeboxes and the start are undo steps; the time spent is a record the
room's timer keeps, saved but never undone.
"""

from __future__ import annotations

import datetime as dt

from ...domain import agenda
from ...domain.model import Step
from ..session import Session


def timebox_undo_text(step: Step, minutes: int) -> str:
    return f"Set the {step.label} timebox to {minutes} minute{'s' if minutes != 1 else ''}"


def start_undo_text(start: dt.time | None) -> str:
    if start is None:
        return "Remove the agenda's start time"
    return f"Start the agenda at {agenda.clock_text(start)}"


def set_timebox(session: Session, step: Step, minutes: int) -> bool:
    """Plan ``minutes`` for ``step`` as one undo step; False when refused or unchanged."""
    if agenda.timebox(session.workshop, step) == minutes:
        return False
    store, wid = session.store, session.workshop_id
    result = session.edit(
        timebox_undo_text(step, minutes),
        lambda: store.set_timebox(wid, step, minutes),
        lambda previous: store.set_timebox(wid, step, previous),
    )
    return result is not None


def set_start(session: Session, start: dt.time | None) -> bool:
    """Start the agenda at ``start`` (None: no clock times) as one undo step."""
    if session.workshop.agenda_start == start:
        return False
    store, wid = session.store, session.workshop_id
    result = session.edit(
        start_undo_text(start),
        lambda: store.set_agenda_start(wid, start),
        lambda previous: store.set_agenda_start(wid, previous),
    )
    # The first start of all returns None, which is also "refused": ask the workshop.
    return result is not None or session.workshop.agenda_start == start


def record_time_spent(session: Session, step: Step, seconds: int) -> None:
    """Add the seconds a step's timer ran: a record, not an edit, so not an undo step.

    Raises the store's WorkshopError when it cannot be saved.
    """
    session.store.add_time_spent(session.workshop_id, step, seconds)
