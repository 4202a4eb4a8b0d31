"""The charter's two lists: the next steps the team agrees, and what it asks of the sponsor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ...domain.changes import ChangeSet
from ...domain.model import Ask, Commitment
from ..ops import charter as charter_ops
from .base import Index
from .people import WorkshopModel


class CommitmentsModel(WorkshopModel):
    """The workshop's next steps: what, who, by when. Each cell edit is one undo step."""

    columns: Sequence[str] = ("Next step", "Who", "By when")
    TEXT, OWNER, DUE = range(3)
    FIELDS = ("text", "owner", "due")

    def rows(self) -> list[Any]:
        ws = self.workshop
        return [] if ws is None else list(ws.commitments)

    def row_snapshot(self, item: Any) -> Any:
        return (item.text, item.owner, item.due)

    def concerns(self, changes: ChangeSet) -> bool:
        return changes.charter

    def commitment_at(self, index: Index) -> Commitment | None:
        item = self.item_at(index)
        return item if isinstance(item, Commitment) else None

    # -- the item model ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.commitment_at(index)
        if c is None or not 0 <= index.column() < len(self.FIELDS):
            return None
        value = str(getattr(c, self.FIELDS[index.column()]))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.columns[index.column()]}: {value or 'not set'}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return "Double-click or press F2 to change it; Delete removes it."
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.commitment_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        c = self.commitment_at(index)
        if c is None or role != Qt.ItemDataRole.EditRole:
            return False
        if self.session is None:
            return False
        field, text = self.FIELDS[index.column()], str(value or "")
        return charter_ops.update_commitment(self.session, c.id, field, text)


# ----------------------------------------------------------------- the asks of the sponsor


class AsksModel(WorkshopModel):
    """What the team asks of the sponsor: what, which kind, by when. Each edit is one undo step.

    The columns sit where the next steps' do (text, then a short column, then by when), so
    both lists share one kind of table.
    """

    columns: Sequence[str] = ("What we ask", "Kind", "By when")
    TEXT, KIND, DUE = range(3)
    FIELDS = ("text", "kind", "due")

    def rows(self) -> list[Any]:
        ws = self.workshop
        return [] if ws is None else list(ws.asks)

    def row_snapshot(self, item: Any) -> Any:
        return (item.text, item.kind, item.due)

    def concerns(self, changes: ChangeSet) -> bool:
        return changes.charter

    def ask_at(self, index: Index) -> Ask | None:
        item = self.item_at(index)
        return item if isinstance(item, Ask) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.ask_at(index)
        if a is None or not 0 <= index.column() < len(self.FIELDS):
            return None
        if index.column() == self.KIND:
            shown, edited = a.kind.label, a.kind.value
        else:
            shown = edited = str(getattr(a, self.FIELDS[index.column()]))
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.EditRole:
            return edited
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.columns[index.column()]}: {shown or 'not set'}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            return "Double-click or press F2 to change it; Delete removes it."
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.ask_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        a = self.ask_at(index)
        if a is None or role != Qt.ItemDataRole.EditRole:
            return False
        if self.session is None:
            return False
        return charter_ops.update_ask(
            self.session, a.id, self.FIELDS[index.column()], str(value or "")
        )
