"""The facilitator's inbox of goals proposed from phones, as it reads now.

The edits on it (accept, merge, set aside) are in :mod:`cxworkshop.gui.ops.phones`.
"""

from __future__ import annotations

from ...domain import proposals
from ...domain.model import Proposal
from ..session import Session


def pending(session: Session | None) -> list[Proposal]:
    """The proposals waiting for the facilitator, in the order they arrived."""
    return [] if session is None else proposals.pending(session.workshop)
