"""The principles checklist: what the team commits to, ticked one row at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ...domain import editing
from ...domain.defaults import default_principles
from ...domain.model import Principle
from ...domain.wording import quoted
from ..roles import ID_ROLE, SUBTITLE_ROLE
from . import undo
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
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.set_committed(p.id, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role == Qt.ItemDataRole.EditRole:
            return self.reword(p.id, str(value or ""))
        return False

    # -- edits -------------------------------------------------------------------

    def set_committed(self, principle_id: str, committed: bool) -> bool:
        """Tick or untick a principle (one undo step)."""
        ws = self.workshop
        if self.session is None or ws is None:
            return False
        p = editing.principle(ws, principle_id)
        if p.committed == committed:
            return True
        verb = "Commit to" if committed else "Withdraw commitment to"
        update = self.session.store.update_principle
        text = f"{verb} {quoted(p.text)}"
        return undo.update_step(self.session, text, update, principle_id, committed=committed)

    def reword(self, principle_id: str, text: str) -> bool:
        """Change a principle's wording (one undo step)."""
        ws = self.workshop
        if self.session is None or ws is None:
            return False
        p = editing.principle(ws, principle_id)
        if text.strip() == p.text:
            return True
        update = self.session.store.update_principle
        what = f"Reword principle {quoted(p.text)}"
        return undo.update_step(self.session, what, update, principle_id, text=text)

    def add_principle(self, text: str) -> Principle | None:
        """Add one of the team's own principles, committed, at the end (one undo step)."""
        if self.session is None:
            return None
        new = Principle(text=text, committed=True, custom=True)
        store = self.session.store
        return undo.add_step(
            self.session,
            f"Add principle {quoted(text)}",
            new,
            store.add_principle,
            store.remove_principle,
        )

    def add_usual_principles(self) -> bool:
        """Add the usual principles, none committed yet, as one undo step."""
        if self.session is None:
            return False
        store = self.session.store
        added = undo.add_all_step(
            self.session,
            "Add the usual principles",
            default_principles(),
            store.add_principle,
            store.remove_principle,
        )
        return added is not None

    def remove_principle(self, principle_id: str) -> bool:
        """Take a principle off the list (one undo step)."""
        ws = self.workshop
        if self.session is None or ws is None:
            return False
        text = editing.principle(ws, principle_id).text
        remove = self.session.store.remove_principle
        return undo.remove_step(
            self.session, f"Remove principle {quoted(text)}", remove, principle_id
        )
