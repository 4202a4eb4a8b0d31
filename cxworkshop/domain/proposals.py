"""Goals proposed from phones: the rules for sending one and for what the facilitator does with it.

A proposal is checked by the same rules as a goal typed on the laptop (the
title and metric of :func:`editing.add_goal`), so what a phone may send is
never more than what the facilitator could type. Accepting one makes a goal
card; merging points it at an existing card; setting it aside keeps it, out
of the way. Every function validates first and mutates after.
"""

from __future__ import annotations

from typing import Any

from . import editing, text
from .errors import InvalidValue, NotFound, RuleError
from .model import Goal, Pillar, Proposal, ProposalStatus, Workshop

MAX_PROPOSALS = 300
"""A room's inbox holds at most this many; more is a flood, not a workshop."""

MAX_PER_PERSON = 20
"""One person may send at most this many: enough for anyone, not enough to drown the inbox."""


def proposal(ws: Workshop, proposal_id: str) -> Proposal:
    for p in ws.proposals:
        if p.id == proposal_id:
            return p
    raise NotFound("That proposal is no longer in the inbox.")


def pending(ws: Workshop) -> list[Proposal]:
    """Proposals the facilitator has not dealt with yet, oldest first."""
    return [p for p in ws.proposals if p.status is ProposalStatus.NEW]


def check_fields(pillar: Any, title: Any, metric: Any) -> tuple[Pillar, str, str]:
    """The pillar, title and metric as a goal would take them, or a one-line error."""
    try:
        checked_pillar = Pillar(pillar)
    except (ValueError, TypeError):
        raise InvalidValue("Pick Win, Keep or Advocate.") from None
    checked_title = text.clean(title, "Goal title", required=True, max_len=text.TITLE_MAX)
    checked_metric = text.clean(metric, "Metric", max_len=text.SHORT_MAX)
    return checked_pillar, checked_title, checked_metric


def add_proposal(ws: Workshop, new: Proposal) -> Proposal:
    """Put a proposal in the inbox, checked like a goal; refused once inbox or sender is full."""
    pillar, title, metric = check_fields(new.pillar, new.title, new.metric)
    if any(p.id == new.id for p in ws.proposals):
        raise RuleError("That proposal is already in the inbox.")
    if new.participant_id is not None:
        editing.participant(ws, new.participant_id)
        sent = sum(1 for p in ws.proposals if p.participant_id == new.participant_id)
        if sent >= MAX_PER_PERSON:
            raise RuleError(f"Each person can propose up to {MAX_PER_PERSON} goals.")
    if len(ws.proposals) >= MAX_PROPOSALS:
        raise RuleError(f"The inbox is full ({MAX_PROPOSALS} proposals).")
    new.pillar, new.title, new.metric = pillar, title, metric
    new.status, new.goal_id = ProposalStatus.NEW, None
    ws.proposals.append(new)
    return new


def goal_from(p: Proposal, goal_id: str | None = None) -> Goal:
    """The goal card a proposal becomes when accepted."""
    card = Goal(p.pillar, p.title, metric=p.metric)
    if goal_id is not None:
        card.id = goal_id
    return card


def set_status(
    ws: Workshop, proposal_id: str, status: Any, goal_id: str | None = None
) -> tuple[ProposalStatus, str | None]:
    """Mark what became of a proposal; returns its previous status and card, for undo.

    Accepted and merged proposals name the card they became or joined; new and
    set-aside ones name none.
    """
    p = proposal(ws, proposal_id)
    try:
        checked = ProposalStatus(status)
    except (ValueError, TypeError):
        raise InvalidValue("That is not something a proposal can become.") from None
    if checked in (ProposalStatus.ACCEPTED, ProposalStatus.MERGED):
        if goal_id is None:
            raise InvalidValue("Say which goal card the proposal goes to.")
        editing.goal(ws, goal_id)
    else:
        goal_id = None
    previous = (p.status, p.goal_id)
    p.status, p.goal_id = checked, goal_id
    return previous


def accept(ws: Workshop, proposal_id: str, card: Goal) -> Goal:
    """Make a new proposal into goal ``card`` at the end of its pillar's column."""
    p = proposal(ws, proposal_id)
    if p.status is not ProposalStatus.NEW:
        raise RuleError("That proposal has already been dealt with.")
    editing.add_goal(ws, card)
    set_status(ws, proposal_id, ProposalStatus.ACCEPTED, card.id)
    return card


def take_back_acceptance(ws: Workshop, proposal_id: str) -> editing.Removal:
    """Undo :func:`accept`: the card goes, the proposal is new again."""
    p = proposal(ws, proposal_id)
    if p.status is not ProposalStatus.ACCEPTED or p.goal_id is None:
        raise RuleError("That proposal was not accepted.")
    removal = editing.remove_goal(ws, p.goal_id)
    p.status, p.goal_id = ProposalStatus.NEW, None
    return removal
