"""The facilitator's inbox of goals proposed from phones: accept, merge or set aside.

Each is one store operation wrapped in one undo step by :meth:`Session.edit`.
Who sent a proposal is kept for the facilitator and shown nowhere else.
"""

from __future__ import annotations

from ...domain import proposals
from ...domain.model import Participant, Proposal, ProposalStatus
from ..session import Session
from . import undo
from .goals import quoted


def pending(session: Session | None) -> list[Proposal]:
    return [] if session is None else proposals.pending(session.workshop)


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
    store = session.store
    return undo.add_step(
        session,
        f"Add participant {quoted(name)}",
        Participant(name),
        store.add_participant,
        store.remove_participant,
    )
