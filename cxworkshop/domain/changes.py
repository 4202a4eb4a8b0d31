"""What one edit changed in a workshop: a change set, so each view updates only that.

A store operation reports one; undo and redo, being store operations too,
report theirs. Views read it to decide what to re-read: a retitled goal
repaints one card, not the board. ``everything`` asks for a full re-read (the
workshop was read again from the file, as after a refused write).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .editing import Removal

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ChangeSet:
    """The parts of a workshop an edit changed. Empty: nothing changed."""

    goals_added: frozenset[str] = _NONE
    goals_changed: frozenset[str] = _NONE
    """Goals whose own fields changed (title, measure, description), in place."""
    goals_moved: frozenset[str] = _NONE
    """Goals that changed place: another position in their column, or another pillar."""
    goals_removed: frozenset[str] = _NONE
    assignments: frozenset[str] = _NONE
    """Goals whose RACI assignments changed."""
    rounds: frozenset[str] = _NONE
    """Voting rounds opened, changed, voted in or removed."""
    details: frozenset[str] = _NONE
    """Fields of the workshop itself (title, dates, vision, status, current step, ...)."""
    people: bool = False
    """Participants or functions (added, changed, moved, removed)."""
    principles: bool = False
    charter: bool = False
    """Next steps or asks of the sponsor."""
    reviews: bool = False
    proposals: bool = False
    """Goals proposed from phones: one arrived, or the facilitator answered one."""
    agenda: bool = False
    """Timeboxes, the agenda's start, or time spent."""
    everything: bool = False
    """The workshop was read again as a whole: re-read all of it."""

    def __or__(self, other: ChangeSet) -> ChangeSet:
        merged = {}
        for f in dataclasses.fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = mine | theirs
        return ChangeSet(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))

    @property
    def goal_rows(self) -> bool:
        """Whether the goals' list itself changed: one added, removed or moved (or all re-read)."""
        return self.everything or bool(self.goals_added or self.goals_moved or self.goals_removed)

    @property
    def goals(self) -> frozenset[str]:
        """Every goal the change touched in any way (its fields, place or roles)."""
        return (
            self.goals_added
            | self.goals_changed
            | self.goals_moved
            | self.goals_removed
            | self.assignments
        )


EVERYTHING = ChangeSet(everything=True)
"""A change set that asks every view to re-read the whole workshop."""


def removal_changes(removal: Removal, *, restored: bool = False) -> ChangeSet:
    """What removing something (or, ``restored``, putting it back) changed, with all it took."""
    goals = frozenset({removal.removed.id}) if removal.kind == "goal" else _NONE
    return ChangeSet(
        goals_added=goals if restored else _NONE,
        goals_removed=_NONE if restored else goals,
        assignments=frozenset(a.goal_id for a in removal.assignments),
        rounds=frozenset(r.id for r in removal.rounds_before)
        | (frozenset({removal.removed.id}) if removal.kind == "round" else _NONE),
        people=removal.kind in ("participant", "function") or bool(removal.participants_before),
        principles=removal.kind == "principle",
        charter=removal.kind in ("commitment", "ask"),
    )
