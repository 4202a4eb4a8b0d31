"""One pillar's column of goal cards, and the undoable edits the goals board makes.

Every edit here is one store operation wrapped in one undo step by
:meth:`Session.edit`; the models only read the workshop and follow it through
``sync()``. Drag and drop goes through the model: ``dropMimeData`` performs
the move itself, so the source column never removes rows on its own.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt, Signal

from ...domain import editing
from ...domain.changes import ChangeSet
from ...domain.model import Goal, Pillar
from ..ops.goals import move_goal
from ..roles import (
    GOAL_ID_ROLE,
    MEASURE_ROLE,
    MISSING_ROLE,
    PILLAR_ROLE,
)
from ..session import Session
from .base import DRAGGABLE_ROW, Index, SyncedTableModel
from .mime import json_mime, workshop_payload

GOAL_MIME_TYPE = "application/x-cxworkshop-goal"
"""The drag payload of a goal card: JSON with the workshop id and the goal id."""


def measure_line(goal: Goal) -> str:
    """The card's measure: metric · baseline → target · due, leaving out what is empty."""
    parts = []
    if goal.baseline and goal.target:
        parts.append(f"{goal.baseline} → {goal.target}")
    elif goal.target:
        parts.append(f"target {goal.target}")
    elif goal.baseline:
        parts.append(f"now {goal.baseline}")
    if goal.due:
        parts.append(goal.due)
    # "4.2 → 5.5" and "Q3 2027" never break inside: a card wraps between parts.
    parts = [part.replace(" ", "\u00a0") for part in parts]
    if goal.metric:
        parts.insert(0, goal.metric)
    return " · ".join(parts)


def missing_measure(goal: Goal) -> str:
    """A short note when a goal lacks what makes it measurable, else ""."""
    if not goal.metric and not goal.target:
        return "No metric or target yet"
    if not goal.metric:
        return "No metric yet"
    if not goal.target:
        return "No target yet"
    return ""


# ----------------------------------------------------------------- the model


class PillarGoalsModel(SyncedTableModel):
    """The goal cards of one pillar, in column order; cards are dragged and dropped here."""

    columns = ("Goal",)

    sig_goal_dropped = Signal(str)
    """A goal (its id) was dropped into this column and moved there; the board selects it."""

    def __init__(
        self, pillar: Pillar, session: Session | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.pillar = pillar
        self.session = session
        self.sync()

    def set_session(self, session: Session | None) -> None:
        """Follow ``session``'s workshop (None: show nothing)."""
        self.session = session
        self.sync()

    # -- SyncedTableModel ----------------------------------------------------

    def rows(self) -> list[Goal]:
        if self.session is None:
            return []
        return editing.goals_in(self.session.workshop, self.pillar)

    def row_key(self, item: Any) -> Hashable:
        return item.id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        g: Goal = item
        return (g.title, g.description, g.metric, g.baseline, g.target, g.due)

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one edit: repaint the cards of goals changed in place, else re-read the column."""
        if changes.goal_rows:
            self.sync()
        elif changes.goals_changed:
            self.refresh_rows(changes.goals_changed)

    def goal_at(self, index: Index) -> Goal | None:
        item = self.item_at(index)
        return item if isinstance(item, Goal) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self.goal_at(index)
        if goal is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return goal.title
        if role == GOAL_ID_ROLE:
            return goal.id
        if role == MEASURE_ROLE:
            return measure_line(goal)
        if role == MISSING_ROLE:
            return missing_measure(goal)
        if role == PILLAR_ROLE:
            return goal.pillar
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                part for part in (goal.title, goal.description, measure_line(goal) or None) if part
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            spoken = [goal.title]
            if measure_line(goal):
                spoken.append(measure_line(goal))
            if missing_measure(goal):
                spoken.append(missing_measure(goal))
            return ". ".join(spoken)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Only between cards: a goal is never dropped "onto" another goal.
            return Qt.ItemFlag.ItemIsDropEnabled
        return DRAGGABLE_ROW

    # -- drag and drop -------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [GOAL_MIME_TYPE]

    # Qt takes a null QMimeData as "no drag"; PySide6's stubs leave out None.
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        goals = [g for g in (self.goal_at(i) for i in indexes) if g is not None]
        if not goals or self.session is None:
            return None
        payload = {"workshop": self.session.workshop_id, "goal": goals[0].id}
        return json_mime(GOAL_MIME_TYPE, payload)

    def _dropped_goal(self, data: QMimeData | None) -> str | None:
        """The id of the goal ``data`` carries, if it belongs to this column's workshop."""
        payload = workshop_payload(data, GOAL_MIME_TYPE, self.session)
        if payload is None or self.session is None:
            return None
        goal_id = payload.get("goal")
        if not isinstance(goal_id, str):
            return None
        if not any(g.id == goal_id for g in self.session.workshop.goals):
            return None
        return goal_id

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or parent.isValid():
            return False
        return self._dropped_goal(data) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        goal_id = self._dropped_goal(data)
        assert goal_id is not None and self.session is not None
        rows = self.rowCount()
        target = rows if row < 0 or row > rows else row
        current = self.row_of(goal_id)
        if current != -1 and current < target:
            # The card leaves its old place first, so every row below moves up one.
            target -= 1
        if not move_goal(self.session, goal_id, self.pillar, target):
            return False
        self.sig_goal_dropped.emit(goal_id)
        return True
