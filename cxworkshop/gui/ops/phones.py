"""Edits that come from phones in the room, and the facilitator's answers to them.

A goal proposed from a phone lands in the inbox; the facilitator accepts it (it
becomes a card), merges it into a card, or sets it aside, each one undo step.
A phone's ballot is :func:`cxworkshop.gui.ops.voting.confirm_ballot`, as at the
laptop. Who sent a proposal is kept for the facilitator and shown nowhere else.
"""

from __future__ import annotations

from typing import Any

from ...domain import proposals
from ...domain.errors import WorkshopError
from ...domain.model import Participant, Pillar, Proposal, ProposalStatus
from ..session import Session
from .naming import quoted
from .people import add_participant


def send_proposal(session: Session, participant_id: str, values: dict[str, Any]) -> str:
    """Put a goal proposed from a phone in the inbox; "" when saved, else why not.

    Not an undo step, like a ballot: the facilitator's Ctrl+Z must never
    silently take back what someone sent from their phone. The facilitator
    accepts, merges or sets it aside, and those are undo steps.
    """
    try:
        session.store.add_proposal(
            session.workshop_id,
            Proposal(Pillar(values["pillar"]), values["title"], values["metric"], participant_id),
        )
    except WorkshopError as exc:
        session.announce()
        return str(exc)
    session.sig_saved.emit()
    session.announce()
    return ""


def accept(session: Session, proposal_id: str) -> bool:
    """Make a proposal a goal card at the end of its pillar: one undo step."""
    p = proposals.proposal(session.workshop, proposal_id)
    card = proposals.goal_from(p)
    wid = session.workshop_id
    done = session.edit(
        f"Accept the proposed goal {quoted(p.title)}",
        lambda: session.store.accept_proposal(wid, proposal_id, proposals.goal_from(p, card.id)),
        lambda _: session.store.take_back_acceptance(wid, proposal_id),
        goal_id=card.id,
    )
    return done is not None


def _mark(
    session: Session,
    text: str,
    proposal_id: str,
    status: ProposalStatus,
    goal_id: str | None = None,
) -> bool:
    wid = session.workshop_id
    done = session.edit(
        text,
        lambda: session.store.set_proposal_status(wid, proposal_id, status, goal_id),
        lambda previous: session.store.set_proposal_status(wid, proposal_id, *previous),
        goal_id=goal_id,
    )
    return done is not None


def merge(session: Session, proposal_id: str, goal_id: str) -> bool:
    """Fold a proposal into an existing card (the card stays as it is): one undo step."""
    ws = session.workshop
    p = proposals.proposal(ws, proposal_id)
    card = next((g for g in ws.goals if g.id == goal_id), None)
    into = quoted(card.title) if card else "a goal"
    return _mark(
        session, f"Merge {quoted(p.title)} into {into}", proposal_id, ProposalStatus.MERGED, goal_id
    )


def set_aside(session: Session, proposal_id: str) -> bool:
    """Keep a proposal out of the way: one undo step."""
    p = proposals.proposal(session.workshop, proposal_id)
    return _mark(session, f"Set aside {quoted(p.title)}", proposal_id, ProposalStatus.SET_ASIDE)


def add_person(session: Session, name: str) -> Participant | None:
    """Add someone who is not on the list yet (the facilitator, never a phone): one undo step."""
    return add_participant(session, name)
