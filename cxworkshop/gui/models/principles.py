"""The principles checklist: what the team commits to, ticked one row at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ...domain.changes import ChangeSet
from ...domain.model import Principle
from ..ops import vision as vision_ops
from ..roles import ID_ROLE, SUBTITLE_ROLE
from .base import Index
from .people import WorkshopModel

OUR_OWN = "Our own"


class PrinciplesModel(WorkshopModel):
    """The workshop's principles in order; checked means the team commits to it."""

    columns: Sequence[str] = ("Principle",)

    def rows(self) -> list[Any]:
        ws = self.workshop
        return [] if ws is None else list(ws.principles)

    def row_snapshot(self, item: Any) -> Any:
        return (item.text, item.committed, item.custom)

    def concerns(self, changes: ChangeSet) -> bool:
        return changes.principles

    def principle_at(self, index: Index) -> Principle | None:
        item = self.item_at(index)
        return item if isinstance(item, Principle) else None

    def committed_count(self) -> int:
        ws = self.workshop
        return 0 if ws is None else sum(1 for p in ws.principles if p.committed)

    # -- the item model ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.principle_at(index)
        if p is None or index.column() != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return p.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if p.committed else Qt.CheckState.Unchecked
        if role == SUBTITLE_ROLE:
            return OUR_OWN if p.custom else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            own = ", our own principle" if p.custom else ""
            return f"{p.text}{own}"
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "The team commits to this." if p.committed else "Not committed yet."
            return f"{state} Space ticks or unticks; F2 rewords it."
        if role == ID_ROLE:
            return p.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.principle_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        p = self.principle_at(index)
        if p is None:
            return False
        if self.session is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return vision_ops.set_committed(self.session, p.id, checked)
        if role == Qt.ItemDataRole.EditRole:
            return vision_ops.reword_principle(self.session, p.id, str(value or ""))
        return False
