"""How far the workshop has come: which steps are complete, and its status."""

from __future__ import annotations

from .model import Pillar, Role, Status, Step, Workshop


def step_complete(ws: Workshop, step: Step) -> bool:
    """Whether ``step`` has what the charter needs from it."""
    if step is Step.SETUP:
        return bool(ws.title and ws.sponsor_name and ws.functions and ws.participants)
    if step is Step.VISION:
        return bool(ws.vision) and any(p.committed for p in ws.principles)
    if step is Step.GOALS:
        return all(any(g.pillar is p for g in ws.goals) for p in Pillar)
    if step is Step.ACCOUNTABILITY:
        # One pass over the assignments: this runs after every edit, on every size of board.
        accountables: dict[str, int] = {}
        responsible: set[str] = set()
        for a in ws.assignments:
            if a.role is Role.ACCOUNTABLE:
                accountables[a.goal_id] = accountables.get(a.goal_id, 0) + 1
            elif a.role is Role.RESPONSIBLE:
                responsible.add(a.goal_id)
        return bool(ws.goals) and all(
            accountables.get(g.id) == 1 and g.id in responsible for g in ws.goals
        )
    if step is Step.PRIORITIES:
        return any(not r.is_open for r in ws.rounds)
    return ws.review_date is not None and bool(ws.commitments)


def completed_steps(ws: Workshop) -> set[Step]:
    return {step for step in Step if step_complete(ws, step)}


# The status moves forward on its own; only the facilitator moves it back.
_STATUS_ORDER = list(Status)


def status_when_room_starts(ws: Workshop) -> Status | None:
    """The status once the room starts working in the workshop: Running if it was a draft.

    None means no change: a workshop already running or done stays as it is.
    """
    return Status.RUNNING if ws.status is Status.DRAFT else None


def status_after_export(ws: Workshop, *, final: bool) -> Status | None:
    """The status once the charter is exported: Done when it went out as the final charter.

    A draft charter changes nothing (None); nor does a final one for a
    workshop that is done already.
    """
    if not final or ws.status is Status.DONE:
        return None
    return Status.DONE


def moves_forward(old: Status, new: Status) -> bool:
    """Whether ``new`` is further along than ``old`` (Draft, then Running, then Done)."""
    return _STATUS_ORDER.index(new) > _STATUS_ORDER.index(old)
