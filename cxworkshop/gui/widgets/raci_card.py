"""The accountability board's cards and what they sit on: a card per goal, the pillar
sections, and the canvas whose empty space takes chips off goals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
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
    QGridLayout,
    QHBoxLayout,
    QLabel,
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
        self.assign_button.setStyleSheet(
            "QToolButton { border: 1px solid transparent; background: transparent;"
            " color: palette(placeholder-text); padding: 2px 6px; border-radius: 6px; }"
            " QToolButton:hover { border-color: palette(mid); color: palette(link); }"
        )
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


# ----------------------------------------------------------------- room for a card


class CardPlaceholder(QWidget):
    """The room a goal's card will take, kept until the card comes near the view.

    It paints nothing and takes no drops (a chip over it is over the board).
    Its height is the card's, measured on a card the board keeps hidden for
    the purpose, so building the card moves nothing.
    """

    def __init__(self, board: RaciBoard, goal: Goal, parent: QWidget) -> None:
        super().__init__(parent)
        self.board = board
        self.goal_id = goal.id
        self.pillar = goal.pillar
        self.title = goal.title
        self._heights: dict[int, int] = {}
        """The room worked out so far: how tall at each width asked about."""
        self._chips: list[list[float]] | None = None
        """The widths of the goal's chips, role by role, once asked for."""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # It shows nothing, so the app's style sheet has nothing to dress: marked as
        # dressed, it is not matched against every rule the first time it is shown.
        self.setAttribute(Qt.WidgetAttribute.WA_WState_Polished, True)

    def set_goal(self, goal: Goal) -> None:
        self.pillar = goal.pillar
        if goal.title != self.title:
            self.title = goal.title
            self.refresh()

    def refresh(self) -> None:
        """The goal's title or holders changed: work the room out again."""
        self._heights.clear()
        self._chips = None
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width < self.board.metrics.min_card_width // 2:
            # Asked for the board's least size, or while the window settles: at a
            # width no card is shown at. The least any card takes answers that,
            # rather than every goal measured for a layout no one sees.
            return self.board.least_card_height()
        height = self._heights.get(width)
        if height is None:
            if self._chips is None:
                self._chips = self.board.chip_widths(self.goal_id)
            height = self.board.card_height(self.goal_id, width, self._chips)
            self._heights[width] = height
        return height

    def sizeHint(self) -> QSize:
        # The room a layout gives the card comes from heightForWidth at its column's
        # width; the hint's height is only a floor, which needs no measuring.
        return QSize(self.board.metrics.min_card_width, self.board.least_card_height())


# ----------------------------------------------------------------- the canvas


class _Section:
    """One pillar's part of the board: a heading and a grid of cards."""

    def __init__(self, pillar: Pillar, parent: QWidget) -> None:
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
        self.grid_host = QWidget(parent)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(16)
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
            section = _Section(pillar, self)
            self.sections[pillar] = section
            layout.addWidget(section.header)
            layout.addWidget(section.empty)
            layout.addWidget(section.grid_host)
            layout.addSpacing(14)
        layout.addStretch(1)

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
