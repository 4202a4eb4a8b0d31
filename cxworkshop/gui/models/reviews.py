"""One progress review as a table: a row per goal, its reading, status, note and decision.

Every cell edit is one undo step and one transaction, like any other edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from ...domain import editing, measures, review
from ...domain.errors import NotFound
from ...domain.model import Assignee, Goal, GoalReview, Review, ReviewDecision, ReviewStatus
from ..ops import reviews as review_ops
from ..roles import CHOICE_ROLE
from ..session import Session
from .base import Index, SyncedTableModel

NO_STATUS = "Not assessed"


class ReviewModel(SyncedTableModel):
    """The goals of the workshop as one review sees them."""

    columns: Sequence[str] = (
        "Goal",
        "Reading",
        "Status",
        "Progress",
        "Note",
        "Decision",
        "New target or Accountable",
    )
    GOAL, READING, STATUS, PROGRESS, NOTE, DECISION, CHANGE = range(7)
    EDITABLE = frozenset({READING, STATUS, NOTE, DECISION, CHANGE})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.review_id = ""

    def set_review(self, session: Session | None, review_id: str) -> None:
        self.session = session
        self.review_id = review_id
        self.sync()

    @property
    def review(self) -> Review | None:
        if self.session is None or not self.review_id:
            return None
        try:
            return review.review(self.session.workshop, self.review_id)
        except NotFound:
            return None

    def rows(self) -> list[Any]:
        if self.review is None or self.session is None:
            return []
        return list(self.session.workshop.goals)

    def entry(self, goal: Goal) -> GoalReview:
        r = self.review
        return GoalReview(goal.id) if r is None else review.goal_review(r, goal.id)

    def row_snapshot(self, item: Any) -> Any:
        return (item.title, item.baseline, item.target, repr(self.entry(item)), self._holder(item))

    def goal_at(self, index: Index) -> Goal | None:
        item = self.item_at(index)
        return item if isinstance(item, Goal) else None

    def _holder(self, goal: Goal) -> str:
        if self.session is None:
            return ""
        ws = self.session.workshop
        who = editing.accountable(ws, goal.id)
        return editing.assignee_name(ws, who) if who else ""

    def assignees(self) -> list[tuple[str, str]]:
        """Everyone who could become Accountable: (a key, a name)."""
        if self.session is None:
            return []
        ws = self.session.workshop
        out = [(f"participant:{p.id}", p.name) for p in ws.participants]
        out += [(f"function:{f.id}", f"{f.name} (function)") for f in ws.functions]
        return out

    # -- the item model -------------------------------------------------------------

    def _shown(self, goal: Goal, column: int) -> str:
        e = self.entry(goal)
        if column == self.GOAL:
            return goal.title
        if column == self.READING:
            return e.reading
        if column == self.STATUS:
            return NO_STATUS if e.status is None else f"{e.status.symbol} {e.status.label}"
        if column == self.PROGRESS:
            if not e.reading:
                return ""
            p = measures.progress(goal.baseline, e.reading, goal.target)
            if p.fraction is None:
                return "–"
            return f"{round(p.fraction * 100)}%".replace("-", "−")
        if column == self.NOTE:
            return e.note
        if column == self.DECISION:
            return e.decision.label
        if e.decision is ReviewDecision.RETARGET:
            return e.new_target
        if (
            e.decision is ReviewDecision.REASSIGN
            and e.new_accountable is not None
            and self.session is not None
        ):
            try:
                return editing.assignee_name(self.session.workshop, e.new_accountable)
            except NotFound:
                return ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self.goal_at(index)
        if goal is None or not 0 <= index.column() < len(self.columns):
            return None
        column = index.column()
        e = self.entry(goal)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(goal, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.STATUS:
                return "" if e.status is None else e.status.value
            if column == self.DECISION:
                return e.decision.value
            if column == self.CHANGE and e.decision is ReviewDecision.REASSIGN:
                who = e.new_accountable
                return "" if who is None else f"{who.kind.value}:{who.id}"
            return self._shown(goal, column)
        if role == CHOICE_ROLE:
            if column == self.STATUS:
                return [("", NO_STATUS)] + [
                    (s.value, f"{s.symbol} {s.label}") for s in ReviewStatus
                ]
            if column == self.DECISION:
                return [(d.value, d.label) for d in ReviewDecision]
            if column == self.CHANGE and e.decision is ReviewDecision.REASSIGN:
                return self.assignees()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.GOAL:
                holder = self._holder(goal) or "nobody yet"
                return (
                    f"{goal.title}\nAccountable: {holder}\n"
                    f"Baseline {goal.baseline or '–'} → target {goal.target or '–'}"
                )
            if column == self.PROGRESS and e.reading:
                p = measures.progress(goal.baseline, e.reading, goal.target)
                return p.why or "Of the way from the baseline to the target."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.columns[column]}: {self._shown(goal, column) or 'not set'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        goal = self.goal_at(index)
        if goal is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column == self.CHANGE and self.entry(goal).decision not in (
            ReviewDecision.RETARGET,
            ReviewDecision.REASSIGN,
        ):
            return base
        if column in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        goal = self.goal_at(index)
        if goal is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        column = index.column()
        if column == self.READING:
            return self._record(goal.id, reading=text)
        if column == self.NOTE:
            return self._record(goal.id, note=text)
        if column == self.STATUS:
            return self._record(goal.id, status=text or None)
        if column == self.DECISION:
            return self._record(goal.id, decision=text)
        if column == self.CHANGE:
            decision = self.entry(goal).decision
            if decision is ReviewDecision.RETARGET:
                return self._record(goal.id, new_target=text)
            if decision is ReviewDecision.REASSIGN:
                kind, _, key = text.partition(":")
                who = Assignee.function(key) if kind == "function" else Assignee.participant(key)
                return self._record(goal.id, new_accountable=who if key else None)
        return False

    def _record(self, goal_id: str, **changes: Any) -> bool:
        """A cell's edit: what this review says of one goal, through gui/ops."""
        if self.session is None or self.review is None:
            return False
        return review_ops.record(self.session, self.review_id, goal_id, **changes)
