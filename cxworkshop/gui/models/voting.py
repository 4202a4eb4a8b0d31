"""Dot voting: the item models of the Priorities step, and the edits it makes.

Set-up, budget, close, reveal, tally and decision edits are each one store
operation wrapped in one undo step by :meth:`Session.edit`. A confirmed
ballot is saved at once and is deliberately *not* an undo step (see
:func:`confirm_ballot`).

The facilitator's models say who has voted and never how: nothing here hands
out a ballot's contents, and the results model stays empty until the round
is closed and its totals are revealed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from ...domain import voting
from ...domain.model import Goal, Participant, TieBreak, VotingMode, VotingRound, Workshop
from ...domain.wording import dots_text, ordinal
from ..ops.naming import round_name
from ..ops.voting import find_round, set_tally
from ..roles import (
    DOTS_ROLE,
    ID_ROLE,
    LIMIT_ROLE,
    PILLAR_ROLE,
    PLACE_ROLE,
    RANK_ROLE,
    SETTLED_ROLE,
    TAG_ROLE,
    TIED_ROLE,
    VOTED_ROLE,
)
from ..session import Session
from ..theme import PILLAR_SYMBOLS
from .base import DRAGGABLE_ROW, Index, SyncedTableModel
from .mime import json_mime, read_json_mime

NO_PLACE = "–"
"""The place of a goal nobody put a dot on: it was not ranked."""

DECISION_MIME_TYPE = "application/x-cxworkshop-decision"
"""The drag payload in the sponsor's order: JSON with the dragged goal's id."""

VOTED_TEXT = "✓ Voted"
WAITING_TEXT = "○ Not yet"


def round_title(ws: Workshop, r: VotingRound) -> str:
    """The round selector's line: 'Round 2 · Run-off of round 1 · Secret ballot · Open'."""
    parts = [f"Round {r.number}"]
    if r.runoff_of is not None:
        parent = next((o for o in ws.rounds if o.id == r.runoff_of), None)
        parts.append(f"Run-off of round {parent.number}" if parent else "Run-off")
    parts.append(r.mode.label)
    parts.append("Open" if r.is_open else "Closed")
    return " · ".join(parts)


def settled_text(how: TieBreak | None) -> str:
    """How a tied goal got its place, in words ('' for a goal that never tied)."""
    if how is TieBreak.RUNOFF:
        return "run-off"
    if how is TieBreak.SPONSOR:
        return "sponsor"
    return ""


def shared_places(order: Sequence[voting.Priority]) -> set[int]:
    """The places two or more ranked goals still share (ties not settled yet)."""
    ranks = [p.rank for p in order if p.ranked]
    return {rank for rank in ranks if ranks.count(rank) > 1}


def place_text(p: voting.Priority, shared: bool) -> str:
    """'1', '=3' while the place is shared, or '–' for a goal without dots."""
    if not p.ranked:
        return NO_PLACE
    return f"={p.rank}" if shared else str(p.rank)


def place_words(p: voting.Priority, shared: bool) -> str:
    """The place for a screen reader: '1st', 'tied 3rd', 'no place, no dots'."""
    if not p.ranked:
        return "no place, no dots"
    return f"{'tied ' if shared else ''}{ordinal(p.rank)}"


# ----------------------------------------------------------------- models on a round


class RoundModel(SyncedTableModel):
    """A table about one voting round of the session's workshop (none: no rows)."""

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.round_id: str | None = None
        self.sync()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.round_id = None
        self.sync()

    def set_round(self, round_id: str | None) -> None:
        """Show round ``round_id`` (None: no round)."""
        if round_id != self.round_id:
            self.round_id = round_id
            self.sync()

    def voting_round(self) -> VotingRound | None:
        return find_round(self.session, self.round_id)

    def goals(self) -> dict[str, Goal]:
        return {} if self.session is None else {g.id: g for g in self.session.workshop.goals}


class VoterStatusModel(RoundModel):
    """Who votes in a secret round and whether each has voted; never how."""

    columns = ("Voter", "Ballot")

    def rows(self) -> list[Any]:
        r = self.voting_round()
        if r is None or self.session is None:
            return []
        people = {p.id: p for p in self.session.workshop.participants}
        return [(people[v], v in r.ballots) for v in r.voter_ids if v in people]

    def row_key(self, item: Any) -> Hashable:
        return item[0].id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return (item[0].name, item[1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        person, voted = item
        status = VOTED_TEXT if voted else WAITING_TEXT
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name if index.column() == 0 else status
        if role == ID_ROLE:
            return person.id
        if role == VOTED_ROLE:
            return voted
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{person.name}, {'has voted' if voted else 'has not voted yet'}"
        return None

    def voter_id(self, row: int) -> str:
        return str(self._items[row][0].id)


class ResultsModel(RoundModel):
    """A round's goals in the order the room settled, shown once the round is closed and revealed.

    A tie the room settled (by a run-off or the sponsor's call) shows as the
    decided order, each goal in its own place; a tie not settled yet shares
    its place ("=3"); goals without dots come last, with no place.
    """

    columns = ("Rank", "Goal", "Dots")

    def is_shown(self) -> bool:
        r = self.voting_round()
        return r is not None and r.revealed and not r.is_open

    def rows(self) -> list[Any]:
        r = self.voting_round()
        if r is None or self.session is None or not self.is_shown():
            return []
        order = voting.round_order(self.session.workshop, r)
        shared = shared_places(order)
        return [(p, p.ranked and p.rank in shared) for p in order]

    def row_key(self, item: Any) -> Hashable:
        return item[0].goal_id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        goal = self.goals().get(item[0].goal_id)
        return (item[0], item[1], goal.title if goal else "", goal and goal.pillar)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        p, tied = item
        goal = self.goals().get(p.goal_id)
        title = goal.title if goal else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return (place_text(p, tied), title, dots_text(p.dots))[index.column()]
        if role == ID_ROLE:
            return p.goal_id
        if role == DOTS_ROLE:
            return p.dots
        if role == RANK_ROLE:
            return p.rank
        if role == PLACE_ROLE:
            return place_text(p, tied)
        if role == TIED_ROLE:
            return tied
        if role == SETTLED_ROLE:
            return p.settled_by
        if role == PILLAR_ROLE:
            return goal.pillar if goal else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            how = f", placed by the {settled_text(p.settled_by)}" if p.settled_by else ""
            return f"{place_words(p, tied)}: {title}, {dots_text(p.dots)}{how}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def ranking(self) -> list[tuple[str, int, int]]:
        """What the chart shows: (goal id, dots, place), best first."""
        return [(p.goal_id, p.dots, p.rank) for p, _ in self._items]


class TallyModel(RoundModel):
    """The goals of a room-tally round and the dots counted for each; the count is edited here."""

    columns = ("Goal", "Dots counted")

    def rows(self) -> list[Any]:
        r = self.voting_round()
        if r is None or r.mode is not VotingMode.TALLY:
            return []
        goals = self.goals()
        return [(goals[g], r.tallies.get(g, 0)) for g in r.goal_ids if g in goals]

    def row_key(self, item: Any) -> Hashable:
        return item[0].id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return (item[0].title, item[0].pillar, item[1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        goal, dots = item
        if role == Qt.ItemDataRole.DisplayRole:
            return goal.title if index.column() == 0 else dots
        if role == Qt.ItemDataRole.EditRole:
            return goal.title if index.column() == 0 else dots
        if role == ID_ROLE:
            return goal.id
        if role == DOTS_ROLE:
            return dots
        if role == PILLAR_ROLE:
            return goal.pillar
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{goal.title}: {dots_text(dots)} counted"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        r = self.voting_round()
        if index.column() == 1 and r is not None and r.is_open:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if (
            item is None
            or role != Qt.ItemDataRole.EditRole
            or index.column() != 1
            or self.session is None
            or self.round_id is None
        ):
            return False
        try:
            dots = int(value)
        except (TypeError, ValueError):
            self.session.sig_error.emit("A tally must be a whole number.")
            return False
        return set_tally(self.session, self.round_id, item[0].id, dots)


class FinalOrderModel(RoundModel):
    """The priorities from a round with its ties settled as far as the room did.

    For the main round this is :func:`voting.final_order`: the order the
    charter uses. Empty until the round is closed and revealed.
    """

    columns = ("Place", "Goal", "Dots", "Settled by")

    def rows(self) -> list[Any]:
        r = self.voting_round()
        if r is None or self.session is None or r.is_open or not r.revealed:
            return []
        return voting.round_order(self.session.workshop, r)

    def row_key(self, item: Any) -> Hashable:
        return item.goal_id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        goal = self.goals().get(item.goal_id)
        return (item.rank, item.dots, item.settled_by, goal.title if goal else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.item_at(index)
        if p is None:
            return None
        goal = self.goals().get(p.goal_id)
        title = goal.title if goal else ""
        shared = p.ranked and sum(1 for q in self._items if q.ranked and q.rank == p.rank) > 1
        if role == Qt.ItemDataRole.DisplayRole:
            place = place_text(p, shared)
            return (place, title, dots_text(p.dots), settled_text(p.settled_by))[index.column()]
        if role == ID_ROLE:
            return p.goal_id
        if role == RANK_ROLE:
            return p.rank
        if role == PLACE_ROLE:
            return place_text(p, shared)
        if role == DOTS_ROLE:
            return p.dots
        if role == TIED_ROLE:
            return shared
        if role == SETTLED_ROLE:
            return p.settled_by
        if role == PILLAR_ROLE:
            return goal.pillar if goal else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            how = f", placed by the {settled_text(p.settled_by)}" if p.settled_by else ""
            still = ", still tied" if shared else ""
            if not p.ranked:
                return f"{title}: no place, no dots"
            return f"{ordinal(p.rank)}: {title}{still}{how}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def order(self) -> list[tuple[str, int]]:
        """(goal id, place) as shown, first place first."""
        return [(p.goal_id, p.rank) for p in self._items]


# ----------------------------------------------------------------- a voter's draft ballot


class BallotModel(RoundModel):
    """The goals of a secret round and the dots one voter is placing: a draft until confirmed.

    It starts blank for every voter: it never reads any cast ballot, the
    voter's own earlier one included, so whoever takes the laptop sees nothing
    of anyone's vote.
    """

    columns = ("Goal", "Your dots")

    sig_draft_changed = Signal()
    """A dot was placed or taken off (the remaining budget changed)."""

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        self.draft: dict[str, int] = {}
        super().__init__(session, parent)

    def start(self, round_id: str) -> None:
        """A clean ballot on round ``round_id``."""
        self.draft = {}
        self.round_id = round_id
        self.sync()
        self.sig_draft_changed.emit()

    def rows(self) -> list[Any]:
        r = self.voting_round()
        if r is None:
            return []
        goals = self.goals()
        return [goals[g] for g in r.goal_ids if g in goals]

    def row_snapshot(self, item: Any) -> Any:
        r = self.voting_round()
        limit = r.max_per_goal if r else 0
        return (item.title, item.pillar, self.draft.get(item.id, 0), limit)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self.item_at(index)
        if goal is None:
            return None
        dots = self.draft.get(goal.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return goal.title if index.column() == 0 else dots
        if role == ID_ROLE:
            return goal.id
        if role == DOTS_ROLE:
            return dots
        if role == PILLAR_ROLE:
            return goal.pillar
        if role == LIMIT_ROLE:
            r = self.voting_round()
            return r.max_per_goal if r else 0
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{goal.title}: {dots_text(dots)} from you"
        return None

    def remaining(self) -> int:
        r = self.voting_round()
        return 0 if r is None else voting.remaining(r, self.draft)

    def placed(self) -> int:
        return voting.placed(self.draft)

    def add_dot(self, row: int) -> str:
        """One more dot on the goal in ``row``; returns "" or why it does not fit."""
        r = self.voting_round()
        goal = self.item(row) if r is not None and 0 <= row < self.rowCount() else None
        if r is None or goal is None:
            return ""
        if voting.can_add_dot(r, self.draft, goal.id):
            self.draft[goal.id] = self.draft.get(goal.id, 0) + 1
            self.sync()
            self.sig_draft_changed.emit()
            return ""
        if voting.remaining(r, self.draft) < 1:
            return (
                f"All {dots_text(r.dots_per_voter)} are placed. "
                "Take one off another goal to move it here."
            )
        return f"At most {dots_text(r.max_per_goal)} may go on one goal."

    def remove_dot(self, row: int) -> bool:
        """Take a dot off the goal in ``row``; False if it had none."""
        if not 0 <= row < self.rowCount():
            return False
        goal = self.item(row)
        n = self.draft.get(goal.id, 0)
        if n <= 0:
            return False
        if n == 1:
            del self.draft[goal.id]
        else:
            self.draft[goal.id] = n - 1
        self.sync()
        self.sig_draft_changed.emit()
        return True

    def set_dots(self, row: int, n: int) -> str:
        """Put exactly ``n`` dots on the goal in ``row`` (a click on a dot); "" or why not."""
        if not 0 <= row < self.rowCount():
            return ""
        goal = self.item(row)
        while self.draft.get(goal.id, 0) > n:
            self.remove_dot(row)
        while self.draft.get(goal.id, 0) < n:
            refused = self.add_dot(row)
            if refused:
                return refused
        return ""

    def ballot(self) -> dict[str, int]:
        return dict(self.draft)


# ----------------------------------------------------------------- set-up checklists


class ChoiceModel(SyncedTableModel):
    """A checklist of the workshop's goals or people for a round's set-up; all ticked by default.

    The ticks are the set-up form's own draft until the round is opened: they
    are not workshop edits, so they are not undo steps.
    """

    columns = ("",)

    sig_ticks_changed = Signal()
    """A row was ticked or unticked."""

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unticked: set[str] = set()
        self.only: list[str] | None = None
        self.sync()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.reset()

    def reset(self, only: list[str] | None = None) -> None:
        """Everything ticked again; with ``only``, just those ids, fixed (a run-off's goals)."""
        self.unticked = set()
        self.only = None if only is None else list(only)
        self.sync()
        self.sig_ticks_changed.emit()

    def items(self) -> list[Any]:
        raise NotImplementedError

    def rows(self) -> list[Any]:
        items = self.items()
        if self.only is not None:
            by_id = {i.id: i for i in items}
            return [by_id[i] for i in self.only if i in by_id]
        return items

    def row_snapshot(self, item: Any) -> Any:
        return (self.label(item), self.tag(item), item.id in self.unticked)

    def label(self, item: Any) -> str:
        raise NotImplementedError

    def tag(self, item: Any) -> str:
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(item)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if item.id in self.unticked else Qt.CheckState.Checked
        if role == TAG_ROLE:
            return self.tag(item)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            ticked = "ticked" if item.id not in self.unticked else "not ticked"
            return f"{self.label(item)}, {ticked}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.only is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None or role != Qt.ItemDataRole.CheckStateRole or self.only is not None:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.unticked.discard(item.id)
        else:
            self.unticked.add(item.id)
        self.sync()
        self.sig_ticks_changed.emit()
        return True

    def set_all(self, ticked: bool) -> None:
        """Tick or untick every row."""
        if self.only is not None:
            return
        self.unticked = set() if ticked else {str(i.id) for i in self._items}
        self.sync()
        self.sig_ticks_changed.emit()

    def ticked(self) -> list[str]:
        """The ticked ids, in list order."""
        return [str(i.id) for i in self._items if i.id not in self.unticked]


class GoalChoiceModel(ChoiceModel):
    """Which goals go on the ballot."""

    def items(self) -> list[Any]:
        return [] if self.session is None else list(self.session.workshop.goals)

    def label(self, item: Any) -> str:
        return str(item.title)

    def tag(self, item: Any) -> str:
        return f"{PILLAR_SYMBOLS[item.pillar]} {item.pillar.label}"


class VoterChoiceModel(ChoiceModel):
    """Who votes: everyone in the room unless the facilitator unticks them."""

    def items(self) -> list[Any]:
        return [] if self.session is None else list(self.session.workshop.participants)

    def label(self, item: Any) -> str:
        return str(item.name)

    def tag(self, item: Any) -> str:
        if self.session is None:
            return ""
        p: Participant = item
        return next((f.name for f in self.session.workshop.functions if f.id == p.function_id), "")


# ----------------------------------------------------------------- the sponsor's order


class DecisionModel(QAbstractListModel):
    """Tied goals in the order the sponsor puts them: a draft, reordered by drag or keys.

    Nothing is saved until the decision is recorded (one undo step); moving
    rows here is part of filling in that one decision.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: list[str] = []
        self._titles: dict[str, str] = {}
        self._pillars: dict[str, Any] = {}

    def set_goals(self, goals: Sequence[Goal]) -> None:
        """Start from ``goals`` in this order."""
        self.beginResetModel()
        self._order = [g.id for g in goals]
        self._titles = {g.id: g.title for g in goals}
        self._pillars = {g.id: g.pillar for g in goals}
        self.endResetModel()

    def order(self) -> list[str]:
        return list(self._order)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        goal_id = self._order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}.  {self._titles[goal_id]}"
        if role == ID_ROLE:
            return goal_id
        if role == PILLAR_ROLE:
            return self._pillars[goal_id]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{ordinal(index.row() + 1)}: {self._titles[goal_id]}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return DRAGGABLE_ROW

    def move(self, row: int, to: int) -> bool:
        """Move the goal in ``row`` to position ``to`` (counted without it)."""
        n = len(self._order)
        if not 0 <= row < n or not 0 <= to < n or row == to:
            return False
        # Qt counts the destination before the move: below the row means one further.
        destination = to + 1 if to > row else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._order.insert(to, self._order.pop(row))
        self.endMoveRows()
        # The numbers in front of the titles changed for every row in between.
        low, high = min(row, to), max(row, to)
        self.dataChanged.emit(self.index(low, 0), self.index(high, 0))
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [DECISION_MIME_TYPE]

    # Qt takes a null QMimeData as "no drag"; PySide6's stubs leave out None.
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return None
        return json_mime(DECISION_MIME_TYPE, {"goal": self._order[rows[0]]})

    def _dropped(self, data: QMimeData | None) -> str | None:
        payload = read_json_mime(data, DECISION_MIME_TYPE)
        goal_id = payload.get("goal") if isinstance(payload, dict) else None
        return goal_id if isinstance(goal_id, str) and goal_id in self._order else None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction
            and not parent.isValid()
            and self._dropped(data) is not None
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        goal_id = self._dropped(data)
        assert goal_id is not None
        current = self._order.index(goal_id)
        target = len(self._order) if row < 0 or row > len(self._order) else row
        if current < target:
            target -= 1
        self.move(current, target)
        return True


__all__ = [
    "DECISION_MIME_TYPE",
    "DOTS_ROLE",
    "ID_ROLE",
    "LIMIT_ROLE",
    "NO_PLACE",
    "PILLAR_ROLE",
    "PLACE_ROLE",
    "RANK_ROLE",
    "SETTLED_ROLE",
    "TAG_ROLE",
    "TIED_ROLE",
    "VOTED_ROLE",
    "VOTED_TEXT",
    "WAITING_TEXT",
    "BallotModel",
    "ChoiceModel",
    "DecisionModel",
    "FinalOrderModel",
    "GoalChoiceModel",
    "ResultsModel",
    "RoundModel",
    "TallyModel",
    "VoterChoiceModel",
    "VoterStatusModel",
    "round_name",
    "round_title",
]
