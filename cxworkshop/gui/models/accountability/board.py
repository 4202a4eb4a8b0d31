"""The Accountability step's palette of functions and people, and the board's tree of goals."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from ....domain.changes import ChangeSet
from ....domain.model import Assignee, AssigneeKind, Goal, Role, Workshop
from ...roles import GOAL_ID_ROLE, GOAL_ROLE, PILLAR_ROLE, SEARCH_ROLE
from ...session import Session
from ..base import DRAGGABLE_ROW, Index, SyncedTableModel, apply_diff
from .assignees import ASSIGNEE_DATA, ROLES, AssigneeInfo, assignees, goal_snapshot, role_meaning
from .payload import ASSIGNEE_MIME_TYPE, Payload, can_remove, drop_effect, make_mime, read_mime

if TYPE_CHECKING:
    from ...ops.accountability import Edits


class AssigneesModel(SyncedTableModel):
    """Functions and people to drag onto goals (the palette) or to pick by keyboard.

    ``kinds`` says which of the two the model lists. With a goal set (the
    picker), each row also tells the role its assignee holds on that goal.
    Dropping a chip that was dragged off a goal here takes it off that goal.
    """

    columns = ("Assignee",)

    def __init__(
        self,
        kinds: Sequence[AssigneeKind] = (AssigneeKind.FUNCTION, AssigneeKind.PARTICIPANT),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kinds = tuple(kinds)
        self.session: Session | None = None
        self.edits: Edits | None = None
        self.goal_id: str | None = None
        self._roles: dict[Assignee, Role] = {}

    def set_session(self, session: Session | None, edits: Edits | None = None) -> None:
        """Follow ``session``'s workshop, editing through ``edits`` (None: show nothing)."""
        self.session = session
        self.edits = edits
        self.sync()

    def set_goal(self, goal_id: str | None) -> None:
        """Show each assignee's role on this goal (None: no goal)."""
        self.goal_id = goal_id
        self.sync()

    # -- SyncedTableModel ----------------------------------------------------

    def sync(self) -> None:
        self._roles = {}
        if self.session is not None and self.goal_id is not None:
            self._roles = {
                a.assignee: a.role
                for a in self.session.workshop.assignments
                if a.goal_id == self.goal_id
            }
        super().sync()

    def rows(self) -> list[Any]:
        if self.session is None:
            return []
        return [i for i in assignees(self.session.workshop) if i.assignee.kind in self.kinds]

    def row_key(self, item: Any) -> Hashable:
        return item.assignee  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return (item, self._roles.get(item.assignee))

    def info_at(self, index: Index) -> AssigneeInfo | None:
        item = self.item_at(index)
        return item if isinstance(item, AssigneeInfo) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.info_at(index)
        if info is None or index.column() != 0:
            return None
        if role in ASSIGNEE_DATA:
            return ASSIGNEE_DATA[role](info)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(info.colour)
        if role == SEARCH_ROLE:
            return info.search_text
        if role == GOAL_ROLE:
            return self._roles.get(info.assignee)
        if role == Qt.ItemDataRole.ToolTipRole:
            held = self._roles.get(info.assignee)
            now = f"\nNow {held.label} on this goal." if held is not None else ""
            return f"{info.tooltip}{now}\nDrag onto a goal's A, R, C or I zone."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            held = self._roles.get(info.assignee)
            return f"{info.name}, {info.detail}" + (f", {held.label}" if held else "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Anywhere on the palette takes a chip dragged off a goal: it comes off.
            return Qt.ItemFlag.ItemIsDropEnabled
        return DRAGGABLE_ROW

    # -- drag and drop -------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        # The palette keeps its chips: dragging one out hands out a copy.
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ASSIGNEE_MIME_TYPE]

    # None (no drag) where Qt takes a null pointer, though the stubs say it never is.
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        infos = [i for i in (self.info_at(ix) for ix in indexes) if i is not None]
        if not infos or self.session is None:
            return None
        info = infos[0]
        return make_mime(Payload(self.session.workshop_id, info.assignee), info.name)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        payload = read_mime(data, self.session)
        return (
            payload is not None and self.session is not None and can_remove(self.session, payload)
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self.edits is None or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        # Read once; taking the chip off its goal checks that it is still there.
        payload = read_mime(data, self.session)
        return payload is not None and self.edits.remove(payload)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # A drop changes the workshop itself; the palette never drops rows on request.
        return False


# ----------------------------------------------------------------- the board's tree


@dataclass(slots=True)
class _GoalNode:
    key: int
    goal: Goal
    snap: tuple[Any, ...]
    cells: list[list[AssigneeInfo]]


_LEVEL_BITS = 3


class GoalAssignmentsModel(QAbstractItemModel):
    """Goals → their four roles → who holds each, in board order.

    The top level lists the goals; under each goal sit four rows, one per role
    (A, R, C, I, always in that order); under each role, its holders in the
    order they were given it. ``sync()`` inserts and removes exactly the rows
    that changed, so a view redraws only the goal (and role) an edit touched.

    Chips are dragged from holder rows and dropped on role rows: a drop
    assigns, changes a role, copies to another goal or replaces the
    Accountable. Dropped on the top level (outside every goal), a chip dragged
    off a goal comes off it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.edits: Edits | None = None
        self._nodes: list[_GoalNode] = []
        self._rows: dict[int, int] = {}
        self._keys: dict[str, int] = {}
        self._next_key = 1

    def set_session(self, session: Session | None, edits: Edits | None = None) -> None:
        """Follow ``session``'s workshop, editing through ``edits`` (None: show nothing)."""
        self.session = session
        self.edits = edits
        self.sync()

    # -- ids ------------------------------------------------------------------

    def _new_key(self) -> int:
        # A goal that moves is removed and inserted; for a moment it is in two
        # rows, so every inserted row gets a key of its own.
        key = self._next_key
        self._next_key += 1
        return key

    def _node(self, key: int) -> _GoalNode | None:
        row = self._rows.get(key)
        return None if row is None else self._nodes[row]

    @staticmethod
    def _split(index: Index) -> tuple[int, int]:
        """(goal key, level) of an index: level 0 goal, 1 role, 2 holder."""
        ident = int(index.internalId())
        if ident == 0:
            return 0, 0
        low = ident & ((1 << _LEVEL_BITS) - 1)
        return ident >> _LEVEL_BITS, 1 if low == 0 else 2

    # -- looking things up ----------------------------------------------------

    def goal_ids(self) -> list[str]:
        return [n.goal.id for n in self._nodes]

    def goal_row(self, goal_id: str) -> int:
        """The top-level row of a goal, or -1."""
        key = self._keys.get(goal_id)
        row = self._rows.get(key) if key is not None else None
        return -1 if row is None else row

    def goal_index(self, goal_id: str) -> QModelIndex:
        row = self.goal_row(goal_id)
        return QModelIndex() if row < 0 else self.index(row, 0)

    def role_index(self, goal_id: str, role: Role) -> QModelIndex:
        """The row of ``role`` under a goal: where its chips are dropped."""
        parent = self.goal_index(goal_id)
        return QModelIndex() if not parent.isValid() else self.index(ROLES.index(role), 0, parent)

    def holder_index(self, goal_id: str, who: Assignee) -> QModelIndex:
        """The row of ``who`` on a goal, whatever the role, or an invalid index."""
        row = self.goal_row(goal_id)
        if row < 0:
            return QModelIndex()
        for r, cell in enumerate(self._nodes[row].cells):
            for i, info in enumerate(cell):
                if info.assignee == who:
                    return self.index(i, 0, self.index(r, 0, self.index(row, 0)))
        return QModelIndex()

    def holders(self, goal_id: str, role: Role) -> list[AssigneeInfo]:
        """Who holds ``role`` on a goal, as the model last saw it."""
        row = self.goal_row(goal_id)
        return [] if row < 0 else list(self._nodes[row].cells[ROLES.index(role)])

    def goal(self, goal_id: str) -> Goal | None:
        row = self.goal_row(goal_id)
        return None if row < 0 else self._nodes[row].goal

    def place_of(self, index: Index) -> tuple[str | None, Role | None, AssigneeInfo | None]:
        """(goal id, role, holder) an index stands for; parts it does not have are None."""
        if not index.isValid():
            return None, None, None
        key, level = self._split(index)
        if level == 0:
            node = self._nodes[index.row()] if 0 <= index.row() < len(self._nodes) else None
            return (node.goal.id if node else None), None, None
        node = self._node(key)
        if node is None:
            return None, None, None
        if level == 1:
            return node.goal.id, ROLES[index.row()], None
        role_row = (int(index.internalId()) & ((1 << _LEVEL_BITS) - 1)) - 1
        cell = node.cells[role_row]
        info = cell[index.row()] if 0 <= index.row() < len(cell) else None
        return node.goal.id, ROLES[role_row], info

    # -- the item model --------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._nodes):
                return QModelIndex()
            return self.createIndex(row, 0, 0)
        key, level = self._split(parent)
        if level == 0:
            if row >= len(ROLES) or not 0 <= parent.row() < len(self._nodes):
                return QModelIndex()
            return self.createIndex(row, 0, self._nodes[parent.row()].key << _LEVEL_BITS)
        if level == 1:
            node = self._node(key)
            if node is None or row >= len(node.cells[parent.row()]):
                return QModelIndex()
            return self.createIndex(row, 0, (key << _LEVEL_BITS) | (parent.row() + 1))
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        key, level = self._split(index)
        if level == 0:
            return QModelIndex()
        row = self._rows.get(key)
        if row is None:
            return QModelIndex()
        if level == 1:
            return self.createIndex(row, 0, 0)
        role_row = (int(index.internalId()) & ((1 << _LEVEL_BITS) - 1)) - 1
        return self.createIndex(role_row, 0, key << _LEVEL_BITS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._nodes)
        if parent.column() != 0:
            return 0
        key, level = self._split(parent)
        if level == 0:
            return len(ROLES) if 0 <= parent.row() < len(self._nodes) else 0
        if level == 1:
            node = self._node(key)
            return 0 if node is None else len(node.cells[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal_id, zone, info = self.place_of(index)
        if goal_id is None:
            return None
        if role == GOAL_ID_ROLE:
            return goal_id
        if info is not None:
            return self._holder_data(info, zone, role)
        if zone is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return zone.label
            if role == GOAL_ROLE:
                return zone
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{zone.label}: who {role_meaning(zone)}"
            return None
        goal = self._nodes[index.row()].goal
        if role == Qt.ItemDataRole.DisplayRole:
            return goal.title
        if role == PILLAR_ROLE:
            return goal.pillar
        if role == Qt.ItemDataRole.ToolTipRole:
            return goal.title
        return None

    @staticmethod
    def _holder_data(info: AssigneeInfo, zone: Role | None, role: int) -> Any:
        if role in ASSIGNEE_DATA:
            return ASSIGNEE_DATA[role](info)
        if role == GOAL_ROLE:
            return zone
        if role == Qt.ItemDataRole.ToolTipRole:
            held = f" — {zone.label}" if zone is not None else ""
            return f"{info.tooltip}{held}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Outside every goal: a chip dragged off a goal is dropped here to remove it.
            return Qt.ItemFlag.ItemIsDropEnabled
        _goal, zone, info = self.place_of(index)
        if info is not None:
            return DRAGGABLE_ROW
        if zone is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- drag and drop -----------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ASSIGNEE_MIME_TYPE]

    # None (no drag) where Qt takes a null pointer, though the stubs say it never is.
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        if self.session is None:
            return None
        for index in indexes:
            goal_id, zone, info = self.place_of(index)
            if info is not None and goal_id is not None:
                payload = Payload(self.session.workshop_id, info.assignee, goal_id, zone)
                return make_mime(payload, info.name)
        return None

    def drop_target(self, row: int, parent: Index) -> tuple[str, Role] | None:
        """The (goal, role) zone a drop at ``row`` under ``parent`` lands in, if any.

        On a role row, or between its holders; on a holder, into that holder's role.
        """
        goal_id, zone, _holder = self.place_of(parent)
        if goal_id is None or zone is None:
            return None
        return goal_id, zone

    def can_drop(self, payload: Payload, row: int, parent: Index) -> bool:
        """Whether a chip (its payload, read once) may land at ``row`` under ``parent``.

        Under no parent: whether it may come off its goal.
        """
        if self.session is None:
            return False
        if not parent.isValid():
            return can_remove(self.session, payload)
        target = self.drop_target(row, parent)
        if target is None:
            return False
        return drop_effect(self.session, payload, *target) is not None

    def drop(self, payload: Payload, row: int, parent: Index) -> bool:
        """Carry out a chip dropped at ``row`` under ``parent``; True if something changed.

        The edit itself checks the drop (:meth:`Edits.drop`), so a caller need
        not ask :meth:`can_drop` first.
        """
        if self.edits is None:
            return False
        if not parent.isValid():
            return self.edits.remove(payload)
        target = self.drop_target(row, parent)
        return target is not None and self.edits.drop(payload, *target)

    def _payload(self, data: QMimeData, action: Qt.DropAction) -> Payload | None:
        """What a drag carries, if it is one of ours and moves or copies."""
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return None
        return read_mime(data, self.session)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        payload = self._payload(data, action)
        return payload is not None and self.can_drop(payload, row, parent)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        payload = self._payload(data, action)
        return payload is not None and self.drop(payload, row, parent)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # After a move-drag Qt may ask the source to remove what it sent; the drop
        # already changed the workshop, so nothing is removed on request.
        return False

    # -- following the workshop ------------------------------------------------

    def _cells(self, ws: Workshop) -> dict[str, list[list[AssigneeInfo]]]:
        infos = {i.assignee: i for i in assignees(ws)}
        cells: dict[str, list[list[AssigneeInfo]]] = {g.id: [[], [], [], []] for g in ws.goals}
        order = {role: n for n, role in enumerate(ROLES)}
        for a in ws.assignments:
            row = cells.get(a.goal_id)
            info = infos.get(a.assignee)
            if row is not None and info is not None:
                row[order[a.role]].append(info)
        return cells

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one edit: re-read only the goals it touched, unless goals or people changed."""
        if self.session is None or changes.goal_rows or changes.people:
            self.sync()
            return
        touched = changes.goals_changed | changes.assignments
        if not touched:
            return
        ws = self.session.workshop
        goals = {g.id: g for g in ws.goals if g.id in touched}
        infos = {i.assignee: i for i in assignees(ws)}
        cells: dict[str, list[list[AssigneeInfo]]] = {g: [[], [], [], []] for g in goals}
        order = {role: n for n, role in enumerate(ROLES)}
        for a in ws.assignments:
            row = cells.get(a.goal_id)
            info = infos.get(a.assignee)
            if row is not None and info is not None:
                row[order[a.role]].append(info)
        for goal_id, goal in goals.items():
            key = self._keys.get(goal_id)
            if key is None:
                continue
            at = self._rows[key]
            node = self._nodes[at]
            node.goal = goal
            snap = goal_snapshot(goal)
            if snap != node.snap:
                node.snap = snap
                index = self.index(at, 0)
                self.dataChanged.emit(index, index)
            for role_row, new_cell in enumerate(cells[goal_id]):
                if new_cell != node.cells[role_row]:
                    self._sync_cell(at, node, role_row, new_cell)

    def sync(self) -> None:
        """Bring the tree in line with the workshop, announcing each difference."""
        if self.session is None:
            goals: list[Goal] = []
            cells: dict[str, list[list[AssigneeInfo]]] = {}
        else:
            ws = self.session.workshop
            goals = list(ws.goals)
            cells = self._cells(ws)
        fresh: set[int] = set()

        def remove(first: int, last: int) -> None:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._nodes[first : last + 1]
            self._reindex()
            self.endRemoveRows()

        def insert(at: int, b0: int, b1: int) -> None:
            nodes = [
                _GoalNode(self._new_key(), g, goal_snapshot(g), cells[g.id]) for g in goals[b0:b1]
            ]
            fresh.update(n.key for n in nodes)
            self.beginInsertRows(QModelIndex(), at, at + len(nodes) - 1)
            self._nodes[at:at] = nodes
            self._reindex()
            self.endInsertRows()

        apply_diff([n.goal.id for n in self._nodes], [g.id for g in goals], remove, insert)
        for row, goal in enumerate(goals):
            node = self._nodes[row]
            node.goal = goal
            if node.key in fresh:
                continue
            snap = goal_snapshot(goal)
            if snap != node.snap:
                node.snap = snap
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
            for role_row, new_cell in enumerate(cells[goal.id]):
                if new_cell != node.cells[role_row]:
                    self._sync_cell(row, node, role_row, new_cell)

    def _reindex(self) -> None:
        self._rows = {n.key: r for r, n in enumerate(self._nodes)}
        self._keys = {n.goal.id: n.key for n in self._nodes}

    def _sync_cell(self, row: int, node: _GoalNode, role_row: int, new: list[AssigneeInfo]) -> None:
        parent = self.index(role_row, 0, self.index(row, 0))
        old = node.cells[role_row]

        def remove(first: int, last: int) -> None:
            self.beginRemoveRows(parent, first, last)
            del old[first : last + 1]
            self.endRemoveRows()

        def insert(at: int, b0: int, b1: int) -> None:
            self.beginInsertRows(parent, at, at + (b1 - b0) - 1)
            old[at:at] = new[b0:b1]
            self.endInsertRows()

        apply_diff([i.assignee for i in old], [i.assignee for i in new], remove, insert)
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        node.cells[role_row] = list(new)
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], 0, parent), self.index(changed[-1], 0, parent)
            )
