"""Edits of accountability: give someone a RACI role on a goal, take it away, drop a chip.

Each is one undo step around one store operation; undo puts back the goal's
assignments as they were (so a replaced Accountable returns). :class:`Edits`
is the one place the board, the picker and the matrix make these edits
through, so the page hears of every replaced Accountable the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...domain import editing
from ...domain.editing import AssignOutcome
from ...domain.errors import WorkshopError
from ...domain.model import Assignee, Assignment, Role, Workshop
from ..models.accountability.payload import Payload, can_remove, drop_effect
from ..session import Session
from .naming import quoted


def _role_phrase(role: Role, name: str, title: str) -> str:
    return {
        Role.ACCOUNTABLE: f"Make {name} Accountable for {title}",
        Role.RESPONSIBLE: f"Make {name} Responsible for {title}",
        Role.CONSULTED: f"Consult {name} on {title}",
        Role.INFORMED: f"Keep {name} informed of {title}",
    }[role]


def assign_text(ws: Workshop, goal_id: str, who: Assignee, role: Role) -> str:
    """The undo text of giving ``who`` ``role`` on a goal, as things stand now."""
    title = quoted(editing.goal(ws, goal_id).title)
    name = editing.assignee_name(ws, who)
    current = editing.role_of(ws, goal_id, who)
    if current is None:
        text = _role_phrase(role, name, title)
    else:
        text = f"Change {name} from {current.label} to {role.label} on {title}"
    holder = editing.accountable(ws, goal_id) if role is Role.ACCOUNTABLE else None
    if holder is not None and holder != who:
        text += f" in place of {editing.assignee_name(ws, holder)}"
    return text


def replacement_notice(ws: Workshop, outcome: AssignOutcome) -> str:
    """One sentence saying who lost the Accountable role to whom (for the status line)."""
    if outcome.replaced is None:
        return ""
    goal = editing.goal(ws, outcome.assignment.goal_id)
    new = editing.assignee_name(ws, outcome.assignment.assignee)
    try:
        old = editing.assignee_name(ws, outcome.replaced.assignee)
    except WorkshopError:
        old = "the previous holder"
    return f"{new} now answers for {quoted(goal.title)} in place of {old}. Undo puts {old} back."


def _restore(session: Session, goal_id: str, old: list[Assignment]) -> Callable[[object], object]:
    wid = session.workshop_id
    return lambda _result: session.store.set_assignments(wid, goal_id, list(old))


def assign(session: Session, goal_id: str, who: Assignee, role: Role) -> AssignOutcome | None:
    """Give ``who`` ``role`` on a goal as one undo step; None if refused or already so."""
    ws = session.workshop
    try:
        if editing.role_of(ws, goal_id, who) is role:
            return None
        text = assign_text(ws, goal_id, who, role)
    except WorkshopError as exc:
        session.sig_error.emit(str(exc))
        return None
    old = editing.assignments_of(ws, goal_id)
    wid = session.workshop_id
    return session.edit(
        text,
        lambda: session.store.assign(wid, goal_id, who, role),
        _restore(session, goal_id, old),
        goal_id=goal_id,
    )


def unassign(session: Session, goal_id: str, who: Assignee) -> bool:
    """Take ``who`` off a goal as one undo step; False if refused or not on it."""
    ws = session.workshop
    try:
        title = quoted(editing.goal(ws, goal_id).title)
        name = editing.assignee_name(ws, who)
    except WorkshopError as exc:
        session.sig_error.emit(str(exc))
        return False
    if editing.role_of(ws, goal_id, who) is None:
        return False
    old = editing.assignments_of(ws, goal_id)
    wid = session.workshop_id
    result = session.edit(
        f"Take {name} off {title}",
        lambda: session.store.unassign(wid, goal_id, who),
        _restore(session, goal_id, old),
        goal_id=goal_id,
    )
    return result is not None


class Edits(QObject):
    """The RACI edits of one page, with word of an Accountable being replaced.

    Every view that edits (the board, the picker, the matrix) goes through one
    instance, so the page hears about every replacement the same way.
    """

    sig_replaced = Signal(str, str)
    """A goal's Accountable was replaced: the goal's id and a sentence saying who by whom."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None

    def assign(self, goal_id: str, who: Assignee, role: Role) -> AssignOutcome | None:
        if self.session is None:
            return None
        outcome = assign(self.session, goal_id, who, role)
        if outcome is not None and outcome.replaced is not None:
            self.sig_replaced.emit(goal_id, replacement_notice(self.session.workshop, outcome))
        return outcome

    def unassign(self, goal_id: str, who: Assignee) -> bool:
        return self.session is not None and unassign(self.session, goal_id, who)

    def set_role(self, goal_id: str, who: Assignee, role: Role | None) -> bool:
        """Give ``who`` ``role`` on a goal, or take them off it (None); True if it changed."""
        if role is None:
            return self.unassign(goal_id, who)
        return self.assign(goal_id, who, role) is not None

    def drop(self, payload: Payload, goal_id: str, role: Role) -> bool:
        """Carry out a chip dropped on a goal's zone; True if something changed."""
        if self.session is None or drop_effect(self.session, payload, goal_id, role) is None:
            return False
        return self.assign(goal_id, payload.assignee, role) is not None

    def remove(self, payload: Payload) -> bool:
        """Carry out a chip dragged off its goal (onto the palette or empty space)."""
        if self.session is None or payload.goal_id is None:
            return False
        if not can_remove(self.session, payload):
            return False
        return self.unassign(payload.goal_id, payload.assignee)
