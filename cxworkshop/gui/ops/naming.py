"""How an undo step names what it changes: goal titles and lists in quotes, rounds, dots.

The same words show in the Edit menu, the undo history and the views, so
views import them from here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.model import VotingRound, Workshop
from ...domain.wording import and_join, dots_text, quoted_title
from ...domain.wording import quoted as quoted_text

quoted = quoted_title
"""A goal title in quotes for an undo text, shortened if long."""

__all__ = [
    "and_join",
    "dots_text",
    "goal_titles",
    "possessive",
    "quoted",
    "quoted_text",
    "round_name",
]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("'") else f"{name}'s"


def round_name(r: VotingRound) -> str:
    """'round 2', or 'run-off round 3'."""
    return f"run-off round {r.number}" if r.is_runoff else f"round {r.number}"


def goal_titles(ws: Workshop, goal_ids: Sequence[str]) -> list[str]:
    titles = {g.id: g.title for g in ws.goals}
    return [titles.get(g, "") for g in goal_ids]
