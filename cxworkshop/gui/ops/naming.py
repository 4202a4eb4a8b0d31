"""How an undo step names what it changes: goal titles and lists in quotes, rounds, dots.

The same words show in the Edit menu, the undo history and the views, so
views import them from here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.model import VotingRound, Workshop

_TITLE_IN_UNDO = 48
"""Undo texts quote at most this many characters of a title, so menus stay one line."""


def quoted(title: str) -> str:
    """A goal title in quotes for an undo text, shortened if long."""
    if len(title) > _TITLE_IN_UNDO:
        title = title[: _TITLE_IN_UNDO - 1].rstrip() + "…"
    return f"'{title}'"


def and_join(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def quoted_text(text: str, limit: int = 40) -> str:
    """``text`` in single quotes for an undo step's name, shortened if long."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'"


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("'") else f"{name}'s"


def dots_text(n: int) -> str:
    """'1 dot', '3 dots'."""
    return f"{n} dot{'s' if n != 1 else ''}"


def round_name(r: VotingRound) -> str:
    """'round 2', or 'run-off round 3'."""
    return f"run-off round {r.number}" if r.is_runoff else f"round {r.number}"


def goal_titles(ws: Workshop, goal_ids: Sequence[str]) -> list[str]:
    titles = {g.id: g.title for g in ws.goals}
    return [titles.get(g, "") for g in goal_ids]
