"""The accountability board's cards and what they sit on: a card per goal, the pillar
sections, and the canvas whose empty space takes chips off goals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Goal, Pillar, Role
from ..models.accountability.assignees import ROLES
from ..models.accountability.payload import ASSIGNEE_MIME_TYPE, Payload, read_mime
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mark_content
from .goal_card import app_palette, blend
from .raci import (
    scaled,
    theme_colours,
)
from .raci_zone import DropZone

if TYPE_CHECKING:
    from .raci_board import RaciBoard


# ----------------------------------------------------------------- a card


class GoalCard(QWidget):
    """One goal: its title, a button to open the picker, and its four zones."""

    def __init__(self, board: RaciBoard, goal: Goal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.goal_id = goal.id
        self.pillar = goal.pillar
        self.selected = False
        self.setAcceptDrops(True)
        # A widget made after the theme reached its parent does not inherit the
        # content font; marked as content, it takes it (and the zoom) itself.
        mark_content(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("goal_title")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.assign_button = QToolButton()
        self.assign_button.setText("Assign…")
        self.assign_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.assign_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.assign_button.setToolTip(
            "Choose who takes which role on this goal, by keyboard (Enter)"
        )
        # Dressed by the app's style sheet: one of its own would cost every card a parse.
        self.assign_button.setProperty("cxRole", "assign")
        self.assign_button.clicked.connect(lambda: board.sig_picker_requested.emit(self.goal_id))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        header.addWidget(self.title, 1)
        header.addWidget(self.assign_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header = header

        self.zones: dict[Role, DropZone] = {}
        layout = QVBoxLayout(self)
        stripe = board.STRIPE
        layout.setContentsMargins(int(stripe) + 12, 12, 10, 10)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addSpacing(4)
        for role in ROLES:
            zone = DropZone(board, goal.id, role, self)
            self.zones[role] = zone
            layout.addWidget(zone)
        # A card in a row of taller ones keeps its zones together at the top.
        layout.addStretch(1)
        self.set_goal(goal)

    def set_goal(self, goal: Goal) -> None:
        self.pillar = goal.pillar
        if self.title.text() != goal.title:
            self.title.setText(goal.title)
        self.setAccessibleName(f"{goal.pillar.label} goal: {goal.title}")
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.title.setFont(scaled(self.font(), 1.06, bold=True))

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update_ring()

    def update_ring(self) -> None:
        """Repaint only the card's edge, where the selection shows; its zones stay as they are."""
        inner = self.rect().adjusted(5, 5, -5, -5)
        self.update(QRegion(self.rect()).subtracted(QRegion(inner)))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = 10.0
        path = QPainterPath()
        path.addRoundedRect(card, radius, radius)
        fill = base
        if base == window:
            fill = blend(fill, text, 0.05)
        painter.fillPath(path, fill)
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(
            QRectF(card.left(), card.top(), self.board.STRIPE, card.height()),
            QColor(PILLAR_COLOURS[self.pillar]),
        )
        painter.restore()
        if self.selected:
            width = 3.0 if self.board.hasFocus() else 2.0
            colour = accent if self.board.hasFocus() else blend(accent, border, 0.35)
            painter.setPen(QPen(colour, width))
            inner = card.adjusted(width / 2, width / 2, -width / 2, -width / 2)
            painter.drawRoundedRect(inner, radius - width / 2, radius - width / 2)
        else:
            painter.setPen(QPen(border, theme_colours().border_width))
            painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.board.select_goal(self.goal_id)
        self.board.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.board.sig_picker_requested.emit(self.goal_id)

    # A card takes every chip that reaches it, so none falls through to the
    # board behind (where it would come off its goal); only its zones accept.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ASSIGNEE_MIME_TYPE):
            event.acceptProposedAction()
            self.board.drag_over(event, self)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.board.drag_over(event, self)
        event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.board.drag_left()

    def dropEvent(self, event: QDropEvent) -> None:
        event.ignore()


# ----------------------------------------------------------------- a pillar's cards


class CardGrid(QLayout):
    """One pillar's goals in rows of equal columns, each goal in the place its card takes.

    Only the goals in or near the board's view have a card; the others take
    the room their card will take, worked out without building it (``room``,
    for a goal at a width), so building a card moves nothing. A row is as
    tall as its tallest goal, and a card fills its place. Goals without a
    card cost no widget: a 300-goal board holds only the cards it shows.

    As a board opens, rooms are worked out only as far down as its view
    reaches (:meth:`estimate_below`, :meth:`measure_to`); the rows below take
    an estimate until the board asks for them all, after its first frame.
    What shows is always exact.
    """

    SPACING = 16

    def __init__(
        self, room: Callable[[str, int], int], least: Callable[[], int], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._room = room
        self._least = least
        self._goals: list[str] = []
        self._at: dict[str, int] = {}
        """Where each goal comes in :attr:`_goals`."""
        self._columns = 1
        self._card_width = 0
        self._items: dict[str, QLayoutItem] = {}
        """The cards, by goal."""
        self._listed: list[tuple[str, QLayoutItem]] | None = None
        """The cards in the goals' order (those of goals no longer listed last)."""
        self._by_row: dict[int, list[tuple[int, str, QLayoutItem]]] | None = None
        """The cards of each row, with their column."""
        self._rooms: dict[int, list[int]] = {}
        """For each grid width asked about: each row's tallest room among goals without a card."""
        self._heights: dict[int, int] = {}
        """How tall the grid is at each width asked about since it was last invalidated."""
        self._measured_to: int | None = None
        """Rows starting below this (in the grid's widget) take an estimate; None: none do."""
        self._rows: list[tuple[int, int]] = []
        """Each row's top and height, as last laid out."""
        self._lefts: list[int] = []
        self._widths: list[int] = []
        """Each column's left and width, as last laid out."""
        self.setContentsMargins(0, 0, 0, 0)

    # -- what it holds ---------------------------------------------------------------

    def set_goals(self, goals: list[str], columns: int, card_width: int) -> None:
        """Hold ``goals``, in this order, ``columns`` to a row (``card_width``: the least)."""
        columns = max(1, columns)
        if goals != self._goals or columns != self._columns or card_width != self._card_width:
            self._goals = list(goals)
            self._at = {goal_id: at for at, goal_id in enumerate(goals)}
            self._columns = columns
            self._card_width = card_width
            self._held_changed()

    def estimate_below(self, bottom: int) -> None:
        """From now, work rooms out only down to ``bottom``; the rows below take an estimate."""
        if bottom != self._measured_to:
            self._measured_to = bottom
            self._resized()

    def measure_to(self, bottom: int | None) -> None:
        """Work the rooms out exactly down to ``bottom`` at least (None: all the way)."""
        if self._measured_to is not None and (bottom is None or bottom > self._measured_to):
            self._measured_to = bottom
            self._resized()

    def measured_to(self, bottom: int) -> bool:
        """Whether every row starting above ``bottom`` has its exact room."""
        return self._measured_to is None or bottom <= self._measured_to

    def fully_measured(self) -> bool:
        return self._measured_to is None

    def forget_rooms(self) -> None:
        """Every goal's room may have changed (goals came or went, the font): ask again."""
        self._rooms.clear()
        self._resized()

    def goals(self) -> list[str]:
        return list(self._goals)

    def place(self, goal_id: str) -> QRect | None:
        """Where the goal's card is or will be, in the grid's widget (None: not laid out)."""
        at = self._at.get(goal_id)
        if at is None:
            return None
        row, column = divmod(at, self._columns)
        if row >= len(self._rows) or column >= len(self._widths):
            return None
        top, height = self._rows[row]
        return QRect(self._lefts[column], top, self._widths[column], height)

    def goals_between(self, top: int, bottom: int) -> list[str]:
        """The goals whose row reaches between ``top`` and ``bottom`` (as last laid out)."""
        columns = self._columns
        return [
            goal_id
            for row, (row_top, height) in enumerate(self._rows)
            if row_top <= bottom and row_top + height >= top
            for goal_id in self._goals[row * columns : (row + 1) * columns]
        ]

    def _held_changed(self) -> None:
        self._listed = None
        self._by_row = None
        self._rooms.clear()
        self._resized()

    def forget_room(self, goal_id: str) -> None:
        """The goal's room changed (its card came or went, its title or holders changed):
        its row's rooms, and only those, are worked out again."""
        at = self._at.get(goal_id)
        if at is not None:
            row = at // self._columns
            for rooms in self._rooms.values():
                rooms[row] = -1  # worked out again when next asked
        self._resized()

    def _card_changed(self, goal_id: str) -> None:
        """The goal's card came or went."""
        self._listed = None
        self._by_row = None
        self.forget_room(goal_id)

    def _resized(self) -> None:
        """Its rows changed: lay them out again, and tell the canvas, which caches its height."""
        self.invalidate()
        host = self.parentWidget()
        if host is not None:
            host.updateGeometry()

    def _in_order(self) -> list[tuple[str, QLayoutItem]]:
        listed = self._listed
        if listed is None:
            order = [(g, self._items[g]) for g in self._goals if g in self._items]
            held = {g for g, _item in order}
            order += [(g, item) for g, item in self._items.items() if g not in held]
            listed = self._listed = order
        return listed

    def _cards_by_row(self) -> dict[int, list[tuple[int, str, QLayoutItem]]]:
        by_row = self._by_row
        if by_row is None:
            by_row = self._by_row = {}
            if self._items:
                for at, goal_id in enumerate(self._goals):
                    item = self._items.get(goal_id)
                    if item is not None:
                        row, column = divmod(at, self._columns)
                        by_row.setdefault(row, []).append((column, goal_id, item))
        return by_row

    def _row_rooms(self, width: int) -> list[int]:
        """Each row's tallest room among its goals without a card, at ``width`` (-1: not yet)."""
        rows = -(-len(self._goals) // self._columns)
        rooms = self._rooms.get(width)
        if rooms is None or len(rooms) != rows:
            rooms = self._rooms[width] = [-1] * rows
        return rooms

    def _estimate(self, rooms: list[int]) -> int:
        """The room of a row not measured yet: as the rows measured so far, on average."""
        known = [room for room in rooms if room > 0]
        return round(sum(known) / len(known)) if known else self._least()

    def _row_room(self, row: int, widths: list[int]) -> int:
        columns, room, items = self._columns, self._room, self._items
        first = row * columns
        return max(
            (
                room(goal_id, widths[c])
                for c, goal_id in enumerate(self._goals[first : first + columns])
                if goal_id not in items
            ),
            default=0,
        )

    # -- QLayout -------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        goal_id = getattr(item.widget(), "goal_id", None)
        # Only goal cards have a place. Anything else is held (Qt takes it back as it
        # would from any layout) but never placed: raising here would end the app.
        key = goal_id if isinstance(goal_id, str) else f"not a card {id(item)}"
        self._items[key] = item
        self._card_changed(key)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        listed = self._in_order()
        return listed[index][1] if 0 <= index < len(listed) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        listed = self._in_order()
        if not 0 <= index < len(listed):
            return None
        goal_id, item = listed[index]
        del self._items[goal_id]
        self._card_changed(goal_id)
        return item

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), keep=False)
        return height

    def sizeHint(self) -> QSize:
        # Heights come from heightForWidth at the width the grid is given; the hint
        # asks for room for each row at the least a card takes, which needs no measuring.
        goals = len(self._goals)
        if not goals:
            return QSize(0, 0)
        columns = min(self._columns, goals)
        rows = -(-goals // columns)
        width = columns * self._card_width + (columns - 1) * self.SPACING
        return QSize(width, rows * self._least() + (rows - 1) * self.SPACING)

    def minimumSize(self) -> QSize:
        return QSize(0, 0)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, keep=True)
        for goal_id, item in self._items.items():
            place = self.place(goal_id)
            if place is not None:
                item.setGeometry(place)

    def _arrange(self, rect: QRect, *, keep: bool) -> int:
        """Lay the goals out in ``rect`` (kept for :meth:`place` if ``keep``); the height."""
        goals = self._goals
        if not goals:
            if keep:
                self._rows, self._lefts, self._widths = [], [], []
            return 0
        columns, spacing = self._columns, self.SPACING
        base, extra = divmod(max(0, rect.width() - (columns - 1) * spacing), columns)
        widths = [base + (1 if c < extra else 0) for c in range(columns)]
        rooms = self._row_rooms(rect.width())
        cards = self._cards_by_row()
        limit = self._measured_to
        estimate: int | None = None
        rows = []
        top = rect.y()
        for row, known in enumerate(rooms):
            height = known
            if height < 0:
                first = row * columns
                if (limit is None or top - rect.y() <= limit) or all(
                    goal_id in self._items for goal_id in goals[first : first + columns]
                ):
                    height = rooms[row] = self._row_room(row, widths)
                else:
                    if estimate is None:
                        estimate = self._estimate(rooms)
                    height = estimate
            for column, goal_id, item in cards.get(row, ()):
                width = widths[column]
                if item.isEmpty():  # not shown yet: it takes its room
                    height = max(height, self._room(goal_id, width))
                elif item.hasHeightForWidth():
                    height = max(height, item.heightForWidth(width))
                else:
                    height = max(height, item.sizeHint().height())
            rows.append((top, height))
            top += height + spacing
        if keep:
            self._rows = rows
            self._widths = widths
            self._lefts = [rect.x() + sum(widths[:c]) + c * spacing for c in range(columns)]
        return top - spacing - rect.y()


# ----------------------------------------------------------------- the canvas


class _CardsHost(QWidget):
    """What a pillar's cards sit on: the widget of its :class:`CardGrid`."""

    def sizeHint(self) -> QSize:
        # The grid's own hint. Qt's default would ask the grid's height at the hint's
        # width, a width the cards are never shown at: every goal's room measured for it.
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()


class _Section:
    """One pillar's part of the board: a heading and its goals' cards."""

    def __init__(
        self,
        pillar: Pillar,
        parent: QWidget,
        room: Callable[[str, int], int],
        least: Callable[[], int],
    ) -> None:
        self.pillar = pillar
        colour = PILLAR_COLOURS[pillar]
        self.header = QWidget(parent)
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        symbol = QLabel(PILLAR_SYMBOLS[pillar])
        symbol.setProperty("cxRole", "subheading")
        symbol.setStyleSheet(f"color: {colour};")
        symbol.setAccessibleName(f"{pillar.label} symbol")
        name = QLabel(pillar.label)
        name.setProperty("cxRole", "subheading")
        self.count = QLabel()
        self.count.setProperty("cxRole", "muted")
        row.addWidget(symbol)
        row.addWidget(name)
        row.addWidget(self.count)
        row.addStretch(1)
        self.grid_host = _CardsHost(parent)
        self.grid = CardGrid(room, least, self.grid_host)
        self.empty = QLabel(
            f"No {pillar.label} goals yet. Add them in the Goals step, or agree to leave "
            f"{pillar.label} out."
        )
        self.empty.setProperty("cxRole", "muted")
        self.empty.setWordWrap(True)
        self.empty.setParent(parent)


class BoardCanvas(QWidget):
    """What the board scrolls: the pillar sections. Its empty space takes chips off goals."""

    def __init__(self, board: RaciBoard) -> None:
        super().__init__()
        self.board = board
        self.setAcceptDrops(True)
        self.sections: dict[Pillar, _Section] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 14, 12)
        layout.setSpacing(10)
        for pillar in Pillar:
            section = _Section(pillar, self, board.room, board.least_card_height)
            self.sections[pillar] = section
            layout.addWidget(section.header)
            layout.addWidget(section.empty)
            layout.addWidget(section.grid_host)
            layout.addSpacing(14)
        layout.addStretch(1)

    def sizeHint(self) -> QSize:
        # The sections' own hints; Qt's default would measure every goal at the hint's
        # width, one the board is never shown at (see _CardsHost).
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def lay_out(self) -> bool:
        """Lay the sections out now if they wait for it; True if they did."""
        # The canvas first: it gives each section its width, at which its grid then
        # asks its cards' heights (a grid laid out first would ask at its old width).
        layout = self.layout()
        done = layout is not None and layout.activate()
        grids = [section.grid.activate() for section in self.sections.values()]
        return done or any(grids)

    def laid_out(self) -> bool:
        """Lay the sections out now if they wait for it; True if every child then has its place.

        Not while the canvas is shorter than its content needs: until the
        scroll area gives it its new height, the layout squeezes the cards.
        """
        self.lay_out()
        layout = self.layout()
        if layout is None:
            return False
        width = self.width()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(width)
        else:
            needed = layout.totalSizeHint().height()
        return self.height() >= needed - 1

    def event(self, event: QEvent) -> bool:
        done = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            # Laid out anew (the children have their places now): build what came into view.
            self.board.fill_view()
        return done

    def _removable(self, event: QDropEvent) -> Payload | None:
        """The chip ``event`` carries, if it may come off its goal here."""
        payload = read_mime(event.mimeData(), self.board.session)
        if payload is None or not self.board.model.can_drop(payload, -1, QModelIndex()):
            return None
        return payload

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not event.mimeData().hasFormat(ASSIGNEE_MIME_TYPE):
            event.ignore()
            return
        event.acceptProposedAction()
        self.dragMoveEvent(event)
        if not event.isAccepted():
            event.setAccepted(True)
            event.setDropAction(Qt.DropAction.IgnoreAction)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.board.drag_over(event, self)
        if (
            self._removable(event) is not None
            and event.possibleActions() & Qt.DropAction.MoveAction
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.board.set_removing(True)
        else:
            event.ignore()
            self.board.set_removing(False)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.board.set_removing(False)
        self.board.drag_left()

    def dropEvent(self, event: QDropEvent) -> None:
        self.board.set_removing(False)
        payload = self._removable(event)
        if payload is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.board.end_drag()
        self.board.model.drop(payload, -1, QModelIndex())
