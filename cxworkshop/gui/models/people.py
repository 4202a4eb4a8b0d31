"""Item models for the people in the room and the functions at the table.

Both read the open session's workshop and make every change through
:meth:`Session.edit`, so an edit typed into a cell is one saved transaction
and one undo step, and undo or redo moves the rows back in every view.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette, QPixmap

from ...domain.changes import ChangeSet
from ...domain.model import Function, Participant, Workshop, new_id
from ..ops import people as people_ops
from ..roles import ID_ROLE, SUBTITLE_ROLE
from ..session import Session
from .base import Index, SyncedTableModel
from .mime import json_mime, workshop_payload

FUNCTION_MIME_TYPE = "application/x-cxworkshop-function"
"""What a dragged function carries: its workshop and its id, as JSON."""


FRONT_OFFICE = "Front office"
BACK_OFFICE = "Back office"
NO_FUNCTION = "—"
NEW_PERSON_PROMPT = "Add a person…"


class WorkshopModel(SyncedTableModel):
    """A synced model bound to a session: it follows the change sets that concern its rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop (None: show nothing)."""
        if self.session is not None:
            self.session.sig_changes.disconnect(self.apply_changes)
        self.session = session
        if session is not None:
            session.sig_changes.connect(self.apply_changes)
        self.sync()

    def concerns(self, changes: ChangeSet) -> bool:
        """Whether ``changes`` may change these rows (a subclass narrows it)."""
        return True

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one edit: re-read the rows only when the change concerns them."""
        if changes.everything or self.concerns(changes):
            self.sync()

    @property
    def workshop(self) -> Workshop | None:
        return None if self.session is None else self.session.workshop


# ----------------------------------------------------------------- participants


@cache
def swatch(colour: str) -> QIcon:
    """A function's colour as the icon a row shows, made once for each colour.

    Handed a bare colour, Qt's item delegate makes a new pixmap and icon of it
    on every paint, and what Qt keeps of each for drawing it again is never
    reused: the Setup step grew by some 14 kB every time it was shown.
    """
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(colour))
        icon.addPixmap(pixmap)
    return icon


@dataclass(frozen=True)
class NewPersonRow:
    """The blank row under the last person, where typing a name adds someone.

    Its ``id`` is the id the next person added there will get, so the row
    simply *becomes* that person: the view's current cell stays put and Tab
    goes on to the new person's function.
    """

    id: str


class ParticipantsModel(WorkshopModel):
    """The people in the room, one row each, plus a blank row for adding the next one."""

    columns: Sequence[str] = ("Name", "Function", "Role title")
    NAME, FUNCTION, ROLE_TITLE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending_id = new_id()

    # -- rows ------------------------------------------------------------------

    def rows(self) -> list[Any]:
        ws = self.workshop
        if ws is None:
            return []
        people: list[Any] = list(ws.participants)
        if any(p.id == self._pending_id for p in people):
            self._pending_id = new_id()
        return [*people, NewPersonRow(self._pending_id)]

    def concerns(self, changes: ChangeSet) -> bool:
        return changes.people

    def row_key(self, item: Any) -> Hashable:
        return item.id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        if isinstance(item, NewPersonRow):
            return None
        f = self._function(item.function_id)
        return (item.name, f and (f.name, f.colour), item.role_title)

    def _function(self, function_id: str | None) -> Function | None:
        ws = self.workshop
        if ws is None or function_id is None:
            return None
        return next((f for f in ws.functions if f.id == function_id), None)

    def is_new_row(self, index: Index) -> bool:
        """Whether ``index`` is on the blank row for adding a person."""
        return isinstance(self.item_at(index), NewPersonRow)

    def new_row(self) -> int:
        """The row number of the blank new-person row (-1 with no workshop)."""
        return self.rowCount() - 1

    def participant_at(self, index: Index) -> Participant | None:
        item = self.item_at(index)
        return item if isinstance(item, Participant) else None

    # -- the item model ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None or not 0 <= index.column() < len(self.columns):
            return None
        column = index.column()
        if isinstance(item, NewPersonRow):
            return self._new_row_data(column, role)
        if role == ID_ROLE:
            return item.id
        if column == self.NAME and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return item.name
        if column == self.ROLE_TITLE and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return item.role_title
        if column == self.FUNCTION:
            f = self._function(item.function_id)
            if role == Qt.ItemDataRole.DisplayRole:
                return f.name if f else NO_FUNCTION
            if role == Qt.ItemDataRole.EditRole:
                return item.function_id
            if role == Qt.ItemDataRole.DecorationRole and f is not None:
                return swatch(f.colour)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f.name if f else "No function"
        return None

    def _new_row_data(self, column: int, role: int) -> Any:
        if column != self.NAME:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return NEW_PERSON_PROMPT
        if role == Qt.ItemDataRole.EditRole:
            return ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "New person: type a name and press Enter to add them"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        item = self.item_at(index)
        if item is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(item, NewPersonRow) and index.column() != self.NAME:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None or role != Qt.ItemDataRole.EditRole:
            return False
        session = self.session
        if session is None:
            return False
        if isinstance(item, NewPersonRow):
            if index.column() != self.NAME or not str(value or "").strip():
                return False
            added = people_ops.add_participant(session, str(value), participant_id=item.id)
            return added is not None
        if index.column() == self.NAME:
            return people_ops.update_participant(session, item.id, name=str(value or ""))
        if index.column() == self.FUNCTION:
            return people_ops.update_participant(session, item.id, function_id=value or None)
        if index.column() == self.ROLE_TITLE:
            return people_ops.update_participant(session, item.id, role_title=str(value or ""))
        return False


# ----------------------------------------------------------------- functions


class FunctionsModel(WorkshopModel):
    """The functions at the table, in display order; renamed, ticked and dragged in place."""

    columns: Sequence[str] = ("Function",)

    def rows(self) -> list[Any]:
        ws = self.workshop
        return [] if ws is None else list(ws.functions)

    def concerns(self, changes: ChangeSet) -> bool:
        return changes.people

    def row_snapshot(self, item: Any) -> Any:
        return (item.name, item.customer_facing, item.colour)

    def function_at(self, index: Index) -> Function | None:
        item = self.item_at(index)
        return item if isinstance(item, Function) else None

    # -- the item model ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        f = self.function_at(index)
        if f is None or index.column() != 0:
            return None
        office = FRONT_OFFICE if f.customer_facing else BACK_OFFICE
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(f.colour)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if f.customer_facing else Qt.CheckState.Unchecked
        if role == SUBTITLE_ROLE:
            return office
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{f.name}, {office.lower()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            serves = "serves customers directly" if f.customer_facing else "supports the front line"
            return f"{f.name} {serves} ({office.lower()}). Space or a click on the box changes it."
        if role == ID_ROLE:
            return f.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows, never on one.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        f = self.function_at(index)
        if f is None:
            return False
        if self.session is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return people_ops.update_function(self.session, f.id, customer_facing=checked)
        if role == Qt.ItemDataRole.EditRole:
            return people_ops.update_function(self.session, f.id, name=str(value or ""))
        return False

    # -- drag and drop: a move is one store operation, never remove-and-insert ------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [FUNCTION_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        for index in sorted(indexes, key=lambda i: i.row()):
            f = self.function_at(index)
            if f is not None and f.id not in ids:
                ids.append(f.id)
        payload = {"workshop": self.session.workshop_id if self.session else None, "ids": ids}
        return json_mime(FUNCTION_MIME_TYPE, payload)

    def _dragged_function(self, data: QMimeData) -> str | None:
        """The id of the one function ``data`` carries, if it is from this workshop."""
        payload = workshop_payload(data, FUNCTION_MIME_TYPE, self.session)
        if payload is None:
            return None
        ids = payload.get("ids")
        if not isinstance(ids, list) or len(ids) != 1 or self.row_of(ids[0]) < 0:
            return None
        return str(ids[0])

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged_function(data) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        function_id = self._dragged_function(data)
        if action != Qt.DropAction.MoveAction or function_id is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        old = self.row_of(function_id)
        # ``row`` counts the dragged row itself; the store's index is after taking it out.
        target = row - 1 if row > old else row
        if target == old or self.session is None:
            return False
        return people_ops.move_function(self.session, function_id, target)


__all__ = [
    "FUNCTION_MIME_TYPE",
    "ID_ROLE",
    "SUBTITLE_ROLE",
    "FunctionsModel",
    "NewPersonRow",
    "ParticipantsModel",
    "WorkshopModel",
]
