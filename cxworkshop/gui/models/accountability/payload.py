"""A dragged chip's payload, and what dropping it on a goal's role would do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QMimeData

from ....domain import editing
from ....domain.model import Assignee, AssigneeKind, Role
from ...session import Session
from ..mime import json_mime, workshop_payload

ASSIGNEE_MIME_TYPE = "application/x-cxworkshop-assignee"
"""A dragged chip: JSON with the workshop id, the assignee's kind and id, and,
when the chip was dragged off a goal, that goal's id and the role it held."""


@dataclass(frozen=True, slots=True)
class Payload:
    """What a dragged chip carries: who, and where it was taken from (if off a goal)."""

    workshop: int
    assignee: Assignee
    goal_id: str | None = None
    role: Role | None = None


def make_mime(payload: Payload, name: str = "") -> QMimeData:
    """The QMimeData for a drag; plain text is the name, for drops outside the app."""
    body: dict[str, Any] = {
        "workshop": payload.workshop,
        "kind": payload.assignee.kind.value,
        "id": payload.assignee.id,
    }
    if payload.goal_id is not None and payload.role is not None:
        body["goal"] = payload.goal_id
        body["role"] = payload.role.value
    return json_mime(ASSIGNEE_MIME_TYPE, body, name)


def read_mime(data: QMimeData | None, session: Session | None) -> Payload | None:
    """The payload of ``data`` if it is a chip of ``session``'s workshop that still exists."""
    body = workshop_payload(data, ASSIGNEE_MIME_TYPE, session)
    if body is None or session is None:
        return None
    try:
        who = Assignee(AssigneeKind(body["kind"]), str(body["id"]))
        goal_id = body.get("goal")
        role = Role(body["role"]) if goal_id is not None else None
    except (KeyError, TypeError, ValueError):
        return None
    ws = session.workshop
    known = ws.functions if who.kind is AssigneeKind.FUNCTION else ws.participants
    if not any(item.id == who.id for item in known):
        return None
    if goal_id is not None and (
        not isinstance(goal_id, str) or not any(g.id == goal_id for g in ws.goals)
    ):
        return None
    return Payload(session.workshop_id, who, goal_id, role)


def drop_effect(session: Session, payload: Payload, goal_id: str, role: Role) -> str | None:
    """What dropping ``payload`` on a goal's zone would do: "assign", "move", "copy", "replace".

    None when the drop would change nothing (the chip is already there).
    """
    ws = session.workshop
    held = editing.role_of(ws, goal_id, payload.assignee)
    return zone_effect(payload, goal_id, role, held, editing.accountable(ws, goal_id))


def zone_effect(
    payload: Payload, goal_id: str, role: Role, held: Role | None, accountable: Assignee | None
) -> str | None:
    """What a drop on a goal's zone would do, as :func:`drop_effect` says.

    ``held`` is the dragged assignee's role on that goal now and ``accountable``
    the goal's Accountable: the board works these out once for all its zones.
    """
    return editing.drop_effect(payload.assignee, payload.goal_id, goal_id, role, held, accountable)


def can_remove(session: Session, payload: Payload) -> bool:
    """Whether ``payload`` is a chip taken off a goal that still holds it."""
    if payload.goal_id is None:
        return False
    return editing.role_of(session.workshop, payload.goal_id, payload.assignee) is not None
