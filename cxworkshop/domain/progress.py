"""How far the workshop has come: which steps are complete."""

from __future__ import annotations

from .model import Pillar, Role, Step, Workshop


def step_complete(ws: Workshop, step: Step) -> bool:
    """Whether ``step`` has what the charter needs from it."""
    if step is Step.SETUP:
        return bool(ws.title and ws.sponsor_name and ws.functions and ws.participants)
    if step is Step.VISION:
        return bool(ws.vision) and any(p.committed for p in ws.principles)
    if step is Step.GOALS:
        return all(any(g.pillar is p for g in ws.goals) for p in Pillar)
    if step is Step.ACCOUNTABILITY:
        return bool(ws.goals) and all(
            sum(1 for a in ws.assignments if a.goal_id == g.id and a.role is Role.ACCOUNTABLE) == 1
            and any(a.goal_id == g.id and a.role is Role.RESPONSIBLE for a in ws.assignments)
            for g in ws.goals
        )
    if step is Step.PRIORITIES:
        return any(not r.is_open for r in ws.rounds)
    return ws.review_date is not None and bool(ws.commitments)


def completed_steps(ws: Workshop) -> set[Step]:
    return {step for step in Step if step_complete(ws, step)}
