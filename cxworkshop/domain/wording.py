"""The small pieces of English the app, the charter and the checks share: counts, lists, quotes.

Plain functions of plain values, no Qt, so the window, the PDF and the
command line word things the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

QUOTE_LIMIT = 40
"""Undo texts and one-line messages quote at most this many characters of a name."""

TITLE_QUOTE_LIMIT = 48
"""A goal title may run a little longer in an undo text and still keep the menu to one line."""


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun that goes with it: ``1 goal``, ``3 goals``, ``2 people``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def and_join(parts: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` (no comma before "and")."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def dots_text(n: int) -> str:
    """``1 dot``, ``3 dots``."""
    return plural(n, "dot")


def size_text(goals: int, participants: int) -> str:
    """How big a workshop is: ``9 goals, 8 participants``."""
    return f"{plural(goals, 'goal')}, {plural(participants, 'participant')}"


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line in single quotes, for an undo step or a message; shortened if long."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'"


def quoted_title(title: str) -> str:
    """A goal's title in single quotes for an undo step, shortened if long."""
    return quoted(title, TITLE_QUOTE_LIMIT)


def in_quotes(text: str) -> str:
    """``text`` whole, in typographic quotes, for a sentence read out or printed: “Cut churn”."""
    return f"“{text}”"
