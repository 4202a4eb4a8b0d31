"""The RACI matrix: goals down the side, functions and people across, a role in each cell."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ....domain.model import Assignee, Goal, Role
from ....domain.wording import quoted_title as quoted
from ...roles import (
    ASSIGNEE_ROLE,
    COLOUR_ROLE,
    GOAL_ID_ROLE,
    GOAL_ROLE,
    INITIALS_ROLE,
    KIND_ROLE,
    PILLAR_ROLE,
)
from ...session import Session
from ..base import Index, apply_diff
from .assignees import CYCLE, AssigneeInfo, assignees, goal_snapshot

if TYPE_CHECKING:
    from ...ops.accountability import Edits


class RaciMatrixModel(QAbstractTableModel):
    """Goals down the side, functions then people across, a role letter in each cell.

    Typing a letter into a cell (setData with "A", "R", "C" or "I") gives the
    role; an empty value takes the assignee off the goal. Each is one undo step.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.edits: Edits | None = None
        self._goals: list[Goal] = []
        self._people: list[AssigneeInfo] = []
        self._roles: dict[tuple[str, Assignee], Role] = {}
        self._goal_snaps: list[tuple[Any, ...]] = []

    def set_session(self, session: Session | None, edits: Edits | None = None) -> None:
        self.session = session
        self.edits = edits
        self.sync()

    def goal_at(self, row: int) -> Goal | None:
        return self._goals[row] if 0 <= row < len(self._goals) else None

    def assignee_at(self, column: int) -> AssigneeInfo | None:
        return self._people[column] if 0 <= column < len(self._people) else None

    def goal_row(self, goal_id: str) -> int:
        return next((r for r, g in enumerate(self._goals) if g.id == goal_id), -1)

    def assignee_column(self, who: Assignee) -> int:
        return next((c for c, p in enumerate(self._people) if p.assignee == who), -1)

    def function_count(self) -> int:
        """How many of the columns are functions (they come first)."""
        return sum(1 for p in self._people if not p.is_person)

    def role_at(self, row: int, column: int) -> Role | None:
        goal, info = self.goal_at(row), self.assignee_at(column)
        if goal is None or info is None:
            return None
        return self._roles.get((goal.id, info.assignee))

    # -- the item model ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._goals)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        goal, info = self.goal_at(index.row()), self.assignee_at(index.column())
        if goal is None or info is None:
            return None
        held = self._roles.get((goal.id, info.assignee))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return held.value if held is not None else ""
        if role == GOAL_ROLE:
            return held
        if role == GOAL_ID_ROLE:
            return goal.id
        if role == ASSIGNEE_ROLE:
            return info.assignee
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            what = held.label if held is not None else "No role"
            return (
                f"{info.name} on {quoted(goal.title)}: {what}\n"
                "Type A, R, C or I to set; Delete clears; a click moves to the next role."
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{info.name}: {held.label if held is not None else 'no role'}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            info = self.assignee_at(section)
            if info is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return info.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return info.tooltip
            if role == COLOUR_ROLE:
                return info.colour
            if role == KIND_ROLE:
                return info.assignee.kind
            if role == INITIALS_ROLE:
                return info.initials
            if role == ASSIGNEE_ROLE:
                return info.assignee
            return None
        goal = self.goal_at(section)
        if goal is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return goal.title
        if role == PILLAR_ROLE:
            return goal.pillar
        if role == GOAL_ID_ROLE:
            return goal.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edits is None:
            return False
        goal, info = self.goal_at(index.row()), self.assignee_at(index.column())
        if goal is None or info is None:
            return False
        letter = str(value or "").strip().upper()
        if letter and letter not in {r.value for r in Role}:
            return False
        new = Role(letter) if letter else None
        if new is self._roles.get((goal.id, info.assignee)):
            return True
        return self.edits.set_role(goal.id, info.assignee, new)

    def cycle(self, index: Index) -> bool:
        """Move a cell to the next role: none → R → C → I → A → none."""
        if not index.isValid():
            return False
        held = self.role_at(index.row(), index.column())
        after = CYCLE[(CYCLE.index(held) + 1) % len(CYCLE)]
        return self.setData(index, after.value if after is not None else "")

    # -- following the workshop ----------------------------------------------------

    def sync(self) -> None:
        """Bring rows, columns and cells in line with the workshop, precisely."""
        if self.session is None:
            goals: list[Goal] = []
            people: list[AssigneeInfo] = []
            roles: dict[tuple[str, Assignee], Role] = {}
        else:
            ws = self.session.workshop
            goals = list(ws.goals)
            people = assignees(ws)
            roles = {(a.goal_id, a.assignee): a.role for a in ws.assignments}

        def remove_rows(first: int, last: int) -> None:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._goals[first : last + 1], self._goal_snaps[first : last + 1]
            self.endRemoveRows()

        def insert_rows(at: int, b0: int, b1: int) -> None:
            self.beginInsertRows(QModelIndex(), at, at + (b1 - b0) - 1)
            self._goals[at:at] = goals[b0:b1]
            self._goal_snaps[at:at] = [goal_snapshot(g) for g in goals[b0:b1]]
            self.endInsertRows()

        def remove_columns(first: int, last: int) -> None:
            self.beginRemoveColumns(QModelIndex(), first, last)
            del self._people[first : last + 1]
            self.endRemoveColumns()

        def insert_columns(at: int, b0: int, b1: int) -> None:
            self.beginInsertColumns(QModelIndex(), at, at + (b1 - b0) - 1)
            self._people[at:at] = people[b0:b1]
            self.endInsertColumns()

        old_roles = self._roles
        # Cells of rows and columns that come and go are announced by the
        # insertions themselves; read the new roles before inserting.
        apply_diff([g.id for g in self._goals], [g.id for g in goals], remove_rows, lambda *a: None)
        apply_diff(
            [p.assignee for p in self._people],
            [p.assignee for p in people],
            remove_columns,
            lambda *a: None,
        )
        self._roles = roles
        apply_diff([g.id for g in self._goals], [g.id for g in goals], lambda *a: None, insert_rows)
        apply_diff(
            [p.assignee for p in self._people],
            [p.assignee for p in people],
            lambda *a: None,
            insert_columns,
        )
        self._goals = goals

        changed_heads = [
            c for c, (a, b) in enumerate(zip(self._people, people, strict=True)) if a != b
        ]
        self._people = people
        if changed_heads:
            self.headerDataChanged.emit(
                Qt.Orientation.Horizontal, changed_heads[0], changed_heads[-1]
            )
        snaps = [goal_snapshot(g) for g in goals]
        changed_goals = [
            r for r, (a, b) in enumerate(zip(self._goal_snaps, snaps, strict=True)) if a != b
        ]
        self._goal_snaps = snaps
        if changed_goals:
            self.headerDataChanged.emit(
                Qt.Orientation.Vertical, changed_goals[0], changed_goals[-1]
            )
        if old_roles == roles or not people:
            return
        touched = {
            key for key in old_roles.keys() | roles.keys() if old_roles.get(key) != roles.get(key)
        }
        columns = {p.assignee: c for c, p in enumerate(self._people)}
        by_row: dict[int, list[int]] = {}
        rows = {g.id: r for r, g in enumerate(self._goals)}
        for goal_id, who in touched:
            r, c = rows.get(goal_id), columns.get(who)
            if r is not None and c is not None:
                by_row.setdefault(r, []).append(c)
        for r in sorted(by_row):
            cols = by_row[r]
            self.dataChanged.emit(self.index(r, min(cols)), self.index(r, max(cols)))
