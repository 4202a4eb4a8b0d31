"""The Accountability step's item models, drag payload and undoable RACI edits.

Every edit is one store operation wrapped in one undo step by
:meth:`Session.edit`; undo puts the goal's assignments back exactly as they
were with :meth:`Store.set_assignments`. The models only read the workshop and
follow it through ``sync()``, announcing precisely what changed, so a drop on
one goal repaints that goal's zones and nothing else.

- :class:`AssigneesModel`: the functions and people to choose from (the
  palette, and the keyboard picker, which also shows each one's role on a goal).
- :class:`GoalAssignmentsModel`: a tree of goal → role (A, R, C, I) →
  assignees; the board's drop zones are views onto its role rows.
- :class:`RaciMatrixModel`: goals × assignees with a role letter in each cell.
- :class:`FindingsModel` and :class:`CoverageModel`: what the checks found.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from ...domain import editing
from ...domain.changes import ChangeSet
from ...domain.checks import Coverage, Finding, Severity
from ...domain.model import (
    Assignee,
    AssigneeKind,
    Goal,
    Role,
    Workshop,
)
from ...domain.wording import quoted_title as quoted
from ..roles import (
    ASSIGNEE_ROLE,
    COLOUR_ROLE,
    DETAIL_ROLE,
    FINDING_ROLE,
    FRONT_OFFICE_ROLE,
    GOAL_ID_ROLE,
    GOAL_ROLE,
    INITIALS_ROLE,
    KIND_ROLE,
    NOTE_ROLE,
    PILLAR_ROLE,
    SEARCH_ROLE,
    SEVERITY_ROLE,
)
from ..session import Session
from .base import DRAGGABLE_ROW, Index, SyncedTableModel, apply_diff
from .mime import json_mime, workshop_payload
from .people import BACK_OFFICE, FRONT_OFFICE

if TYPE_CHECKING:
    from ..ops.accountability import Edits

ASSIGNEE_MIME_TYPE = "application/x-cxworkshop-assignee"
"""A dragged chip: JSON with the workshop id, the assignee's kind and id, and,
when the chip was dragged off a goal, that goal's id and the role it held."""

ROLES = (Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED)
"""The zones of a goal card, top to bottom, and the rows under each goal in the tree."""

CYCLE = (None, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED, Role.ACCOUNTABLE)
"""What a click on a matrix cell moves through: the common roles first, A last."""

NO_FUNCTION_COLOUR = "#7A828C"
"""The mark of a person who has no function at the table."""


def item_data(index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """What ``index.data(role)`` gives, asked of the Python model behind any proxies.

    The views of this step read their items through here: the value comes
    straight from the model, without a round trip through a C++ QVariant
    (which PySide6 6.12.0 got wrong for empty values).
    """
    if not index.isValid():
        return None
    model = index.model()
    source = QModelIndex(index)
    while isinstance(model, QAbstractProxyModel):
        source = model.mapToSource(source)
        model = model.sourceModel()
    return None if model is None else model.data(source, role)


_ROLE_WORDS = {
    Role.ACCOUNTABLE: "answers for the outcome",
    Role.RESPONSIBLE: "does the work",
    Role.CONSULTED: "is asked before decisions",
    Role.INFORMED: "is told of progress",
}


def role_meaning(role: Role) -> str:
    """What holding ``role`` means, in a few words."""
    return _ROLE_WORDS[role]


# ----------------------------------------------------------------- who is who


@dataclass(frozen=True, slots=True)
class AssigneeInfo:
    """What a chip shows of a function or a person."""

    assignee: Assignee
    name: str
    colour: str
    detail: str
    front_office: bool | None
    role_title: str = ""

    @property
    def is_person(self) -> bool:
        return self.assignee.kind is AssigneeKind.PARTICIPANT

    @property
    def initials(self) -> str:
        if not self.is_person:
            return ""
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        if not words:
            return self.name[:1].upper()
        if len(words) == 1:
            return words[0][:1].upper()
        return (words[0][:1] + words[-1][:1]).upper()

    @property
    def search_text(self) -> str:
        return " ".join(part for part in (self.name, self.detail, self.role_title) if part)

    @property
    def tooltip(self) -> str:
        if self.is_person:
            title = f", {self.role_title}" if self.role_title else ""
            return f"{self.name}{title} ({self.detail})"
        return f"{self.name} ({self.detail.lower()})"


_ASSIGNEE_DATA: dict[int, Callable[[AssigneeInfo], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda info: info.name,
    ASSIGNEE_ROLE: lambda info: info.assignee,
    KIND_ROLE: lambda info: info.assignee.kind,
    COLOUR_ROLE: lambda info: info.colour,
    DETAIL_ROLE: lambda info: info.detail,
    INITIALS_ROLE: lambda info: info.initials,
    FRONT_OFFICE_ROLE: lambda info: info.front_office,
}
"""What a function's or person's item answers, wherever it is listed: palette, picker, zone."""


def assignees(ws: Workshop) -> list[AssigneeInfo]:
    """Everyone who can take a role: the functions in table order, then the people."""
    functions = {f.id: f for f in ws.functions}
    out = [
        AssigneeInfo(
            Assignee.function(f.id),
            f.name,
            f.colour,
            FRONT_OFFICE if f.customer_facing else BACK_OFFICE,
            f.customer_facing,
        )
        for f in ws.functions
    ]
    for p in ws.participants:
        function = functions.get(p.function_id or "")
        out.append(
            AssigneeInfo(
                Assignee.participant(p.id),
                p.name,
                function.colour if function else NO_FUNCTION_COLOUR,
                function.name if function else "No function",
                None,
                p.role_title,
            )
        )
    return out


# ----------------------------------------------------------------- the drag payload


@dataclass(frozen=True, slots=True)
class Payload:
    """What a dragged chip carries: who, and where it was taken from (if off a goal)."""

    workshop: int
    assignee: Assignee
    goal_id: str | None = None
    role: Role | None = None


def make_mime(payload: Payload, name: str = "") -> QMimeData:
    """The QMimeData for a drag; plain text is the name, for drops outside the app."""
    body: dict[str, Any] = {
        "workshop": payload.workshop,
        "kind": payload.assignee.kind.value,
        "id": payload.assignee.id,
    }
    if payload.goal_id is not None and payload.role is not None:
        body["goal"] = payload.goal_id
        body["role"] = payload.role.value
    return json_mime(ASSIGNEE_MIME_TYPE, body, name)


def read_mime(data: QMimeData | None, session: Session | None) -> Payload | None:
    """The payload of ``data`` if it is a chip of ``session``'s workshop that still exists."""
    body = workshop_payload(data, ASSIGNEE_MIME_TYPE, session)
    if body is None or session is None:
        return None
    try:
        who = Assignee(AssigneeKind(body["kind"]), str(body["id"]))
        goal_id = body.get("goal")
        role = Role(body["role"]) if goal_id is not None else None
    except (KeyError, TypeError, ValueError):
        return None
    ws = session.workshop
    known = ws.functions if who.kind is AssigneeKind.FUNCTION else ws.participants
    if not any(item.id == who.id for item in known):
        return None
    if goal_id is not None and (
        not isinstance(goal_id, str) or not any(g.id == goal_id for g in ws.goals)
    ):
        return None
    return Payload(session.workshop_id, who, goal_id, role)


def drop_effect(session: Session, payload: Payload, goal_id: str, role: Role) -> str | None:
    """What dropping ``payload`` on a goal's zone would do: "assign", "move", "copy", "replace".

    None when the drop would change nothing (the chip is already there).
    """
    ws = session.workshop
    held = editing.role_of(ws, goal_id, payload.assignee)
    return zone_effect(payload, goal_id, role, held, editing.accountable(ws, goal_id))


def zone_effect(
    payload: Payload, goal_id: str, role: Role, held: Role | None, accountable: Assignee | None
) -> str | None:
    """What a drop on a goal's zone would do, as :func:`drop_effect` says.

    ``held`` is the dragged assignee's role on that goal now and ``accountable``
    the goal's Accountable: the board works these out once for all its zones.
    """
    return editing.drop_effect(payload.assignee, payload.goal_id, goal_id, role, held, accountable)


def can_remove(session: Session, payload: Payload) -> bool:
    """Whether ``payload`` is a chip taken off a goal that still holds it."""
    if payload.goal_id is None:
        return False
    return editing.role_of(session.workshop, payload.goal_id, payload.assignee) is not None


# ----------------------------------------------------------------- the palette


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
        if role in _ASSIGNEE_DATA:
            return _ASSIGNEE_DATA[role](info)
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

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
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


def _goal_snapshot(goal: Goal) -> tuple[Any, ...]:
    return (goal.title, goal.pillar, goal.metric, goal.baseline, goal.target, goal.due)


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
        if role in _ASSIGNEE_DATA:
            return _ASSIGNEE_DATA[role](info)
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

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
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

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        payload = read_mime(data, self.session)
        return payload is not None and self.can_drop(payload, row, parent)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        payload = read_mime(data, self.session)
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
            row = self._rows[key]
            node = self._nodes[row]
            node.goal = goal
            snap = _goal_snapshot(goal)
            if snap != node.snap:
                node.snap = snap
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
            for role_row, new_cell in enumerate(cells[goal_id]):
                if new_cell != node.cells[role_row]:
                    self._sync_cell(row, node, role_row, new_cell)

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
                _GoalNode(self._new_key(), g, _goal_snapshot(g), cells[g.id]) for g in goals[b0:b1]
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
            snap = _goal_snapshot(goal)
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


# ----------------------------------------------------------------- the matrix


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
            self._goal_snaps[at:at] = [_goal_snapshot(g) for g in goals[b0:b1]]
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
        snaps = [_goal_snapshot(g) for g in goals]
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


# ----------------------------------------------------------------- checks


class FindingsModel(SyncedTableModel):
    """What the checks found, errors first; each row knows the goals and people it concerns."""

    columns = ("Finding",)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self._findings = list(findings)
        self.sync()

    def rows(self) -> list[Any]:
        seen: dict[Hashable, int] = {}
        out = []
        for f in self._findings:
            base = (f.code, f.goal_ids, f.assignees, "" if f.goal_ids or f.assignees else f.message)
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.append((base, n, f))
        return out

    def row_key(self, item: Any) -> Hashable:
        return (item[0], item[1])  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return item[2]

    def finding_at(self, index: Index) -> Finding | None:
        item = self.item_at(index)
        return None if item is None else item[2]  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding_at(index)
        if finding is None or index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{finding.severity.label}: {finding.message}"
        return None


def counts_text(counts: dict[Severity, int]) -> str:
    """'2 errors, 3 warnings, 1 note' (zeros left out), or 'No gaps found'."""
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    parts = [f"{n} {words[s]}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "No gaps found"


COVERAGE_COLUMNS = ("Function", "A", "R", "C", "I")
_COUNT_COLUMNS = {1: Role.ACCOUNTABLE, 2: Role.RESPONSIBLE, 3: Role.CONSULTED, 4: Role.INFORMED}
SILO = "Silo"
BOTTLENECK = "Bottleneck"


def coverage_note(c: Coverage) -> str:
    """A function's trouble in words: silo, bottleneck, or nothing."""
    notes = []
    if c.is_silo:
        notes.append(SILO)
    if c.is_bottleneck:
        notes.append(BOTTLENECK)
    return " · ".join(notes)


class CoverageModel(SyncedTableModel):
    """What each function takes on: A, R, C and I counts (its people included) and a note."""

    columns = COVERAGE_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._coverage: list[Coverage] = []
        self._colours: dict[str, str] = {}

    def set_coverage(self, coverage: list[Coverage], colours: dict[str, str]) -> None:
        self._coverage = list(coverage)
        self._colours = dict(colours)
        self.sync()

    def rows(self) -> list[Any]:
        return [(c, self._colours.get(c.function_id, NO_FUNCTION_COLOUR)) for c in self._coverage]

    def row_key(self, item: Any) -> Hashable:
        return item[0].function_id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return item

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            counted = _COUNT_COLUMNS.get(section)
            if counted is not None:
                return f"Goals where the function or one of its people is {counted.label}"
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        c, colour = item
        column = index.column()
        counted = _COUNT_COLUMNS.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return c.name
            if counted is not None:
                return str(c.total.of(counted))
            return None
        if role == NOTE_ROLE and column == 0:
            return coverage_note(c)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and counted is not None:
            return Qt.AlignmentFlag.AlignCenter
        if role == ASSIGNEE_ROLE:
            return Assignee.function(c.function_id)
        if role == FRONT_OFFICE_ROLE:
            return c.customer_facing
        if role == Qt.ItemDataRole.ToolTipRole:
            return coverage_tooltip(c)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{c.name}: {coverage_tooltip(c)}"
        return None


def coverage_tooltip(c: Coverage) -> str:
    """A function's roles in full: how many of each, direct and through its people."""
    parts = []
    for role in ROLES:
        total, direct = c.total.of(role), c.direct.of(role)
        if total:
            through = f" ({total - direct} through its people)" if total != direct else ""
            parts.append(f"{role.label} {total}{through}")
    held = "; ".join(parts) if parts else "no role on any goal"
    goals = f"takes part in {c.goals} goal{'s' if c.goals != 1 else ''}" if c.goals else ""
    notes = []
    if c.is_silo:
        notes.append("a silo: it takes no part in any goal")
    if c.is_bottleneck:
        notes.append("a bottleneck: accountable for more goals than one can carry")
    sentence = f"{held}" + (f"; {goals}" if goals else "")
    if notes:
        sentence += ". " + "; ".join(notes).capitalize()
    return sentence + "."


def silo_and_bottleneck_sentence(coverage: list[Coverage]) -> str:
    """The coverage summary in words: who works alone, who holds too many As."""
    silos = [c.name for c in coverage if c.is_silo]
    bottlenecks = [c.name for c in coverage if c.is_bottleneck]
    parts = []
    if silos:
        parts.append(f"Silo{'s' if len(silos) > 1 else ''}: {', '.join(silos)}")
    if bottlenecks:
        parts.append(f"Bottleneck{'s' if len(bottlenecks) > 1 else ''}: {', '.join(bottlenecks)}")
    if not parts:
        return "Every function takes part, and nobody holds too many As."
    return ". ".join(parts) + "."


def function_colours(ws: Workshop) -> dict[str, str]:
    return {f.id: f.colour for f in ws.functions}


__all__ = [
    "ASSIGNEE_MIME_TYPE",
    "ROLES",
    "AssigneeInfo",
    "AssigneesModel",
    "CoverageModel",
    "FindingsModel",
    "GoalAssignmentsModel",
    "Payload",
    "RaciMatrixModel",
    "assignees",
    "make_mime",
    "read_mime",
]
