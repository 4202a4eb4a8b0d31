"""What changed between two workshops, as a table: a row per change, each told by a
symbol and words (never by colour alone). Read-only."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from ...domain import review
from ...domain.model import Workshop
from .base import Index, SyncedTableModel

KIND_ROLE = Qt.ItemDataRole.UserRole + 41
"""The kind of change a row shows (a :class:`review.ChangeKind` value)."""


class ChangesModel(SyncedTableModel):
    """The changes from one workshop (``before``) to another (``after``)."""

    columns: Sequence[str] = ("Change", "Goal", "Before", "After")
    CHANGE, GOAL, BEFORE, AFTER = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.before: Workshop | None = None
        self.after: Workshop | None = None
        self.changes: review.Changes | None = None

    def set_pair(self, before: Workshop | None, after: Workshop | None) -> None:
        """Compare ``before`` with ``after`` (nothing to show until both are chosen)."""
        self.before, self.after = before, after
        self.sync()

    def rows(self) -> list[Any]:
        if self.before is None or self.after is None:
            self.changes = None
            return []
        self.changes = review.compare(self.before, self.after)
        return review.change_rows(self.changes)

    def row_key(self, item: Any) -> Hashable:
        return (item.kind, item.goal, item.before, item.after)

    def row_snapshot(self, item: Any) -> Any:
        return item

    def row_at(self, row: int) -> review.ChangeRow:
        return self.item(row)  # type: ignore[no-any-return]

    def _shown(self, row: review.ChangeRow, column: int) -> str:
        if column == self.CHANGE:
            return row.label
        if column == self.GOAL:
            return row.goal
        if column == self.BEFORE:
            return row.before
        return row.after

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.what}: {row.goal} ({row.before} → {row.after})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._shown(row, column)
            if column == self.CHANGE:
                shown = row.what  # the words without the symbol, for a screen reader
            return f"{self.columns[column]}: {'none' if shown == review.NONE_SHOWN else shown}"
        if role == KIND_ROLE:
            return row.kind.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.item_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
