"""The accountability board: goal cards grouped by pillar, each with four drop zones.

The board is a view onto :class:`GoalAssignmentsModel`. Each card shows one
goal and owns four :class:`DropZone` widgets (Accountable, Responsible,
Consulted, Informed) that paint their own chips. The board listens to the
model's precise signals and hands each change to the one zone it concerns,
which repaints itself (and asks for a new height only when its chips wrap
onto another line). Cards are rebuilt only when goals come, go or move.

Dragging: a chip from the palette or from a zone carries the app's MIME
type. While a drag is under way every zone it may land in is outlined; the
zone under the pointer fills; anywhere else shows the forbidden cursor,
except the empty space around the cards (and the palette), where a chip
dragged off a goal comes off it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Assignee, Goal, Pillar, Role
from ..models.accountability.assignees import ROLES, AssigneeInfo, role_meaning
from ..models.accountability.board import GoalAssignmentsModel
from ..models.accountability.payload import (
    ASSIGNEE_MIME_TYPE,
    Payload,
    make_mime,
    read_mime,
    zone_effect,
)
from ..session import Session
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mark_content
from .dragging import EdgeScroller
from .goal_card import app_palette, blend
from .keys import modifiers
from .raci import (
    ChipMetrics,
    chip_pixmap,
    exec_drag,
    make_quiet,
    paint_chip,
    paint_role_label,
    scaled,
    theme_colours,
)

_PLAIN = Qt.KeyboardModifier.NoModifier
ROLE_KEYS = {
    Qt.Key.Key_A: Role.ACCOUNTABLE,
    Qt.Key.Key_R: Role.RESPONSIBLE,
    Qt.Key.Key_C: Role.CONSULTED,
    Qt.Key.Key_I: Role.INFORMED,
}
"""The letter keys that give a role, on the board, in the picker and in the matrix."""

_PLACEHOLDERS = {
    Role.ACCOUNTABLE: "Needs one",
    Role.RESPONSIBLE: "Needs at least one",
    Role.CONSULTED: "Nobody",
    Role.INFORMED: "Nobody",
}

BOARD_KEYS_TEXT = (
    "Arrow keys choose a goal; Enter opens the picker to give roles by keyboard. "
    "Click a chip, then A, R, C or I changes its role and Delete takes it off."
)


# ----------------------------------------------------------------- shared sizes


class BoardMetrics:
    """Sizes every zone of the board shares, worked out once per font (zoom)."""

    def __init__(self, widget: QWidget) -> None:
        font = widget.font()
        fm = QFontMetricsF(font)
        self.chips = ChipMetrics.for_font(font)
        self.label_font = scaled(font, 0.8)
        self.placeholder_font = scaled(font, 0.9)
        self.placeholder_font.setItalic(True)
        label_fm = QFontMetricsF(self.label_font)
        self.badge_radius = round(fm.height() * 0.56)
        self.pad = round(fm.height() * 0.3)
        words = max(label_fm.horizontalAdvance(r.label) for r in ROLES)
        self.label_width = round(2 * self.badge_radius + self.pad * 1.6 + words + self.pad * 2.5)
        self.min_card_width = round(fm.height() * 17)
        self._widths: dict[tuple[str, bool], float] = {}

    def chip_width(self, name: str, *, bold: bool) -> float:
        key = (name, bold)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.chips.width(name, bold=bold)
        return width


# ----------------------------------------------------------------- a drop zone


class DropZone(QWidget):
    """One role on one goal: its label, and its holders as chips; drop a chip here to assign."""

    def __init__(self, board: RaciBoard, goal_id: str, role: Role, parent: QWidget) -> None:
        super().__init__(parent)
        self.board = board
        self.goal_id = goal_id
        self.role = role
        self.chips: list[AssigneeInfo] = []
        self.effect: str | None = None
        """While a chip is dragged: what dropping it here would do (None: nothing)."""
        self.hovered = False
        self._flash = 0.0
        self._animation: QVariantAnimation | None = None
        self._rects: list[QRectF] = []
        self._laid_width = -1
        self._press: tuple[QPoint, AssigneeInfo] | None = None
        self.setAcceptDrops(True)
        self.setObjectName(f"zone_{role.value}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(False)
        self._describe()
        self.setToolTip(
            f"{role.label}: who {role_meaning(role)}. Drag a chip here"
            + (", or onto the holder to replace them." if role is Role.ACCOUNTABLE else ".")
        )

    # -- what it shows ---------------------------------------------------------

    def set_chips(self, chips: list[AssigneeInfo]) -> None:
        """Show these holders; a new height is asked for only if the chips wrap differently."""
        if chips == self.chips:
            return
        old_height = self.heightForWidth(self.width()) if self.width() > 0 else -1
        self.chips = list(chips)
        self._laid_width = -1
        self._describe()
        if self.width() <= 0 or self.heightForWidth(self.width()) != old_height:
            self.updateGeometry()
        self.update()

    def _describe(self) -> None:
        names = ", ".join(c.name for c in self.chips) or "nobody"
        self.setAccessibleName(f"{self.role.label}: {names}")

    def set_effect(self, effect: str | None) -> None:
        if effect != self.effect:
            self.effect = effect
            self.update()

    def flash(self) -> None:
        """Fill briefly with the accent, so the room sees what just changed."""
        if self._animation is None:
            self._animation = QVariantAnimation(self)
            self._animation.setStartValue(1.0)
            self._animation.setEndValue(0.0)
            self._animation.setDuration(1600)
            self._animation.valueChanged.connect(self._set_flash)
        self._animation.stop()
        self._set_flash(1.0)
        self._animation.start()

    def _set_flash(self, value: object) -> None:
        self._flash = float(value)  # type: ignore[arg-type]
        self.update()

    # -- layout ------------------------------------------------------------------

    def _layout(self, width: int) -> tuple[list[QRectF], float]:
        m = self.board.metrics
        chips = m.chips
        left = m.label_width
        avail = max(chips.height * 2, width - left - m.pad)
        x, y = float(left), float(m.pad)
        rects = []
        bold = self.role is Role.ACCOUNTABLE
        for info in self.chips:
            w = min(m.chip_width(info.name, bold=bold), avail)
            if x > left and x + w > left + avail:
                x = float(left)
                y += chips.height + chips.gap
            rects.append(QRectF(x, y, w, chips.height))
            x += w + chips.gap
        bottom = y + chips.height
        label = 2 * m.badge_radius + m.pad
        return rects, max(bottom, label) + m.pad

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self._layout(width)[1] + 0.999)

    def sizeHint(self) -> QSize:
        width = max(self.board.metrics.min_card_width - 40, 100)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        m = self.board.metrics
        return QSize(m.label_width + m.chips.height * 2, int(m.chips.height + 2 * m.pad))

    def _chip_rects(self) -> list[QRectF]:
        if self._laid_width != self.width():
            self._rects = self._layout(self.width())[0]
            self._laid_width = self.width()
        return self._rects

    def chip_at(self, pos: QPointF) -> AssigneeInfo | None:
        for info, rect in zip(self.chips, self._chip_rects(), strict=False):
            if rect.contains(pos):
                return info
        return None

    def chip_rect(self, who: Assignee) -> QRectF | None:
        for info, rect in zip(self.chips, self._chip_rects(), strict=False):
            if info.assignee == who:
                return rect
        return None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid_width = -1

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            info = self.chip_at(QPointF(event.pos()))
            if info is not None:
                # Over a chip: who it is in full, even when the chip shows the name cut short.
                QToolTip.showText(
                    event.globalPos(),
                    f"{info.tooltip}\n{self.role.label} — drag to another zone to change,"
                    " off the card to remove; Delete removes the selected chip.",
                    self,
                )
                return True
        return super().event(event)

    # -- painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        m = self.board.metrics
        palette = app_palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        base = palette.color(QPalette.ColorRole.Base)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        drop_area = area.adjusted(m.label_width - m.pad * 1.5, 0, 0, 0)
        radius = m.chips.height / 2 + m.pad

        if self._flash > 0:
            fill = QColor(accent)
            fill.setAlphaF(0.30 * self._flash)
            path = QPainterPath()
            path.addRoundedRect(area, radius, radius)
            painter.fillPath(path, fill)
        if self.effect is not None:
            if self.hovered:
                fill = blend(base, accent, 0.16)
                path = QPainterPath()
                path.addRoundedRect(drop_area, radius, radius)
                painter.fillPath(path, fill)
                painter.setPen(QPen(accent, 2.5))
            else:
                painter.setPen(QPen(accent, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(drop_area.adjusted(1, 1, -1, -1), radius, radius)

        # The label: the role's letter in its colour, and its word.
        paint_role_label(
            painter, QPointF(0, m.pad), self.role, m.badge_radius, m.pad * 1.6, m.label_font
        )

        board = self.board
        rects = self._chip_rects()
        replacing = self.hovered and self.effect == "replace"
        for info, rect in zip(self.chips, rects, strict=False):
            dragged = board.dragged_from == (self.goal_id, info.assignee)
            paint_chip(
                painter,
                rect,
                info,
                m.chips,
                bold=self.role is Role.ACCOUNTABLE,
                selected=board.selected_chip == (self.goal_id, info.assignee),
                highlighted=board.highlighted == info.assignee,
                struck=replacing or (dragged and board.removing),
                dimmed=dragged and not board.removing,
            )
        if not self.chips:
            text_rect = QRectF(
                m.label_width, m.pad, max(0.0, area.width() - m.label_width), m.chips.height
            )
            painter.setFont(m.placeholder_font)
            if self.effect is not None:
                painter.setPen(accent)
                text = "Drop here"
            elif self.role in (Role.ACCOUNTABLE, Role.RESPONSIBLE):
                painter.setPen(QColor(theme_colours().warning))
                text = f"! {_PLACEHOLDERS[self.role]}"
            else:
                painter.setPen(muted)
                text = _PLACEHOLDERS[self.role]
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )
        elif replacing and rects:
            # Say it in words too: the holder is about to be replaced.
            painter.setFont(m.placeholder_font)
            painter.setPen(accent)
            last = rects[-1]
            left = last.right() + m.chips.gap
            spare = QRectF(left, last.top(), area.right() - m.pad - left, last.height())
            fm = QFontMetricsF(m.placeholder_font)
            for words in ("⇄ replaces", "⇄"):
                if fm.horizontalAdvance(words) <= spare.width():
                    painter.drawText(
                        spare, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, words
                    )
                    break
        painter.end()

    # -- the mouse ---------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        info = self.chip_at(event.position())
        if info is not None:
            self._press = (event.position().toPoint(), info)
            self.board.select_chip(self.goal_id, info.assignee)
        else:
            self._press = None
            self.board.select_goal(self.goal_id)
        self.board.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, info = self._press
        if (
            event.position().toPoint() - start
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        self.board.drag_chip(self, info)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.board.sig_picker_requested.emit(self.goal_id)

    # -- drops -------------------------------------------------------------------

    def role_index(self) -> QModelIndex:
        return self.board.model.role_index(self.goal_id, self.role)

    def _answer(self, event: QDragMoveEvent) -> None:
        self.board.drag_over(event, self)
        payload = read_mime(event.mimeData(), self.board.session)
        if payload is None or not self.board.model.can_drop(payload, -1, self.role_index()):
            # The forbidden cursor: the chip is already here, or not of this workshop.
            event.ignore()
            self._set_hovered(False)
            return
        copy = payload.goal_id is None or payload.goal_id != self.goal_id
        wanted = Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction
        if event.possibleActions() & wanted:
            event.setDropAction(wanted)
        event.accept(self.rect())
        if self.effect is None and payload is not None:
            self.board.begin_drag(payload)
        self._set_hovered(True)

    def _set_hovered(self, hovered: bool) -> None:
        if hovered != self.hovered:
            self.hovered = hovered
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not event.mimeData().hasFormat(ASSIGNEE_MIME_TYPE):
            event.ignore()
            return
        if read_mime(event.mimeData(), self.board.session) is None:
            # Of another workshop: let the card above say no.
            event.ignore()
            return
        # Take the drag, so every move over this zone comes here to be answered.
        event.acceptProposedAction()
        self._answer(event)
        if not event.isAccepted():
            # Accepted on entering, refused for this spot: the forbidden cursor shows.
            event.setAccepted(True)
            event.setDropAction(Qt.DropAction.IgnoreAction)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._answer(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_hovered(False)
        self.board.drag_left()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hovered(False)
        # Read once; the edit checks it once (a refused drop changes nothing).
        payload = read_mime(event.mimeData(), self.board.session)
        if payload is None:
            event.ignore()
            return
        copy = payload.goal_id != self.goal_id
        event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
        event.accept()
        self.board.end_drag()
        if not self.board.drop_on(self, payload):
            event.ignore()


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


# ----------------------------------------------------------------- the board


class RaciBoard(QScrollArea):
    """All goals as cards by pillar, with drop zones; selection and keys live here."""

    STRIPE = 6.0

    sig_goal_selected = Signal(str)
    """The selected goal changed: its id, or "" for none."""

    sig_picker_requested = Signal(str)
    """Open the keyboard picker on this goal (Enter, a double click, or Assign…)."""

    sig_drag_started = Signal()
    """A chip is being dragged off the board."""

    def __init__(self, model: GoalAssignmentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.session: Session | None = None
        self.cards: dict[str, GoalCard] = {}
        self.selected_goal: str | None = None
        self.selected_chip: tuple[str, Assignee] | None = None
        self.highlighted: Assignee | None = None
        self.dragged_from: tuple[str, Assignee] | None = None
        self.removing = False
        self.drag_payload: Payload | None = None
        self._outlined: list[DropZone] = []
        self._columns = 0
        self.metrics = BoardMetrics(self)
        self.on_role_key: Callable[[str, Assignee, Role], object] | None = None
        self.on_remove_key: Callable[[str, Assignee], object] | None = None

        self.setObjectName("raci_board")
        self.setAccessibleName("Accountability board")
        self.setAccessibleDescription(BOARD_KEYS_TEXT)
        self.setToolTip(BOARD_KEYS_TEXT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        make_quiet(self)
        self.canvas = BoardCanvas(self)
        self.canvas.setAutoFillBackground(False)
        self.setWidget(self.canvas)
        self.edge_scroller = EdgeScroller(self)
        """Scrolls the board while a chip rests near its top or bottom edge."""

        model.rowsInserted.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.dataChanged.connect(self._data_changed)
        model.modelReset.connect(self.rebuild)
        model.layoutChanged.connect(self.rebuild)

    # -- following the model ---------------------------------------------------------

    def zone(self, goal_id: str, role: Role) -> DropZone | None:
        card = self.cards.get(goal_id)
        return None if card is None else card.zones[role]

    def _refresh_zone_of(self, parent: QModelIndex) -> bool:
        """Give the zone of a role row its holders again; False if ``parent`` is no role row."""
        goal_id, role, _info = self.model.place_of(parent)
        if goal_id is None or role is None:
            return False
        zone = self.zone(goal_id, role)
        if zone is not None:
            zone.set_chips(self.model.holders(goal_id, role))
        return True

    def _rows_changed(self, parent: QModelIndex, first: int, last: int) -> None:
        """Goals came or went: rebuild the cards; holders did: refresh their zone."""
        if not parent.isValid():
            self.rebuild()
        else:
            self._refresh_zone_of(parent)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: object = None) -> None:
        parent = top.parent()
        if not parent.isValid():
            for row in range(top.row(), bottom.row() + 1):
                goal_id = self.model.goal_ids()[row]
                goal = self.model.goal(goal_id)
                card = self.cards.get(goal_id)
                if card is not None and goal is not None:
                    card.set_goal(goal)
        else:
            self._refresh_zone_of(parent)

    def rebuild(self) -> None:
        """Make a card for every goal (and only those) and lay them out by pillar."""
        ids = self.model.goal_ids()
        for goal_id in [g for g in self.cards if g not in ids]:
            card = self.cards.pop(goal_id)
            card.hide()
            card.deleteLater()
        for goal_id in ids:
            goal = self.model.goal(goal_id)
            assert goal is not None
            card = self.cards.get(goal_id)
            if card is None:
                card = GoalCard(self, goal, self.canvas)
                self.cards[goal_id] = card
            else:
                card.set_goal(goal)
            for role in ROLES:
                card.zones[role].set_chips(self.model.holders(goal_id, role))
        if self.selected_goal not in self.cards:
            self.selected_goal = None
            self.selected_chip = None
        self._place_cards(force=True)
        for goal_id, card in self.cards.items():
            card.set_selected(goal_id == self.selected_goal)

    def _column_count(self) -> int:
        width = self.viewport().width() - 14
        spacing = 16
        m = self.metrics
        return max(1, (width + spacing) // (m.min_card_width + spacing))

    def _place_cards(self, *, force: bool = False) -> None:
        columns = self._column_count()
        if not force and columns == self._columns:
            return
        self._columns = columns
        order = self.model.goal_ids()
        for pillar, section in self.canvas.sections.items():
            grid = section.grid
            while grid.count():
                grid.takeAt(0)
            ids = [g for g in order if self.cards[g].pillar is pillar]
            for i, goal_id in enumerate(ids):
                card = self.cards[goal_id]
                grid.addWidget(card, i // columns, i % columns)
                card.show()
            for c in range(max(columns, grid.columnCount())):
                grid.setColumnStretch(c, 1 if c < columns else 0)
                grid.setColumnMinimumWidth(c, 0)
            section.count.setText(f"{len(ids)} goal{'s' if len(ids) != 1 else ''}")
            section.empty.setVisible(not ids and self.session is not None)
            section.grid_host.setVisible(bool(ids))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(
            self, "canvas"
        ):
            self.metrics = BoardMetrics(self)
            for card in self.cards.values():
                for zone in card.zones.values():
                    zone.updateGeometry()
            self._place_cards(force=True)

    def ordered_goals(self) -> list[str]:
        """The goals in the order the board shows them: pillar by pillar, row by row."""
        order = self.model.goal_ids()
        return [
            g
            for pillar in Pillar
            for g in order
            if g in self.cards and self.cards[g].pillar is pillar
        ]

    # -- selection ---------------------------------------------------------------

    def select_goal(self, goal_id: str | None, *, scroll: bool = True) -> None:
        """Select a goal's card (and scroll to it); None clears the selection."""
        if goal_id is not None and goal_id not in self.cards:
            goal_id = None
        chip = self.selected_chip
        if chip is not None and chip[0] != goal_id:
            self._set_chip(None)
        if goal_id != self.selected_goal:
            old = self.cards.get(self.selected_goal or "")
            if old is not None:
                old.set_selected(False)
            self.selected_goal = goal_id
            if goal_id is not None:
                self.cards[goal_id].set_selected(True)
            self.sig_goal_selected.emit(goal_id or "")
        if goal_id is not None and scroll:
            self.ensureWidgetVisible(self.cards[goal_id], 0, 24)

    def select_chip(self, goal_id: str, who: Assignee) -> None:
        """Select one chip (and its goal): Delete or a role letter then acts on it."""
        self.select_goal(goal_id, scroll=False)
        self._set_chip((goal_id, who))

    def clear_chip(self) -> None:
        """Select no chip (the goal stays selected)."""
        self._set_chip(None)

    def _set_chip(self, chip: tuple[str, Assignee] | None) -> None:
        old = self.selected_chip
        if old == chip:
            return
        self.selected_chip = chip
        for place in (old, chip):
            if place is not None:
                self._update_holder(*place)

    def _update_holder(self, goal_id: str, who: Assignee) -> None:
        card = self.cards.get(goal_id)
        if card is None:
            return
        for zone in card.zones.values():
            if any(c.assignee == who for c in zone.chips):
                zone.update()

    def highlight(self, who: Assignee | None) -> None:
        """Fill the chips of one assignee with the accent everywhere on the board."""
        if who == self.highlighted:
            return
        self.highlighted = who
        for card in self.cards.values():
            for zone in card.zones.values():
                zone.update()

    def chip_still_there(self) -> bool:
        chip = self.selected_chip
        return chip is not None and self.model.holder_index(*chip).isValid()

    # -- the keyboard ---------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.selected_goal is None and event.reason() != Qt.FocusReason.MouseFocusReason:
            order = self.ordered_goals()
            if order:
                self.select_goal(order[0])
        card = self.cards.get(self.selected_goal or "")
        if card is not None:
            card.update_ring()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        card = self.cards.get(self.selected_goal or "")
        if card is not None:
            card.update_ring()

    def _neighbour(self, key: int) -> str | None:
        order = self.ordered_goals()
        if not order:
            return None
        current = self.selected_goal
        if current not in order:
            return order[0]
        i = order.index(current)
        if key == Qt.Key.Key_Left:
            return order[max(0, i - 1)]
        if key == Qt.Key.Key_Right:
            return order[min(len(order) - 1, i + 1)]
        if key == Qt.Key.Key_Home:
            return order[0]
        if key == Qt.Key.Key_End:
            return order[-1]
        here = self.cards[current]
        origin = here.mapTo(self.canvas, QPoint(0, 0))
        best: tuple[float, str] | None = None
        for goal_id in order:
            if goal_id == current:
                continue
            pos = self.cards[goal_id].mapTo(self.canvas, QPoint(0, 0))
            dy = pos.y() - origin.y()
            if (key == Qt.Key.Key_Down and dy <= 0) or (key == Qt.Key.Key_Up and dy >= 0):
                continue
            score = abs(dy) * 4 + abs(pos.x() - origin.x())
            if best is None or score < best[0]:
                best = (score, goal_id)
        return best[1] if best else current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), modifiers(event)
        moves = (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
        if mods == _PLAIN and key in moves:
            self.select_goal(self._neighbour(key))
        elif mods == _PLAIN and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.selected_goal is not None:
                self.sig_picker_requested.emit(self.selected_goal)
        elif mods == _PLAIN and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            chip = self.selected_chip
            if chip is not None and self.on_remove_key is not None:
                self._set_chip(None)
                self.on_remove_key(*chip)
        elif mods == _PLAIN and key in ROLE_KEYS and self.selected_chip is not None:
            if self.on_role_key is not None:
                self.on_role_key(*self.selected_chip, ROLE_KEYS[key])
        elif mods == _PLAIN and key == Qt.Key.Key_Escape and self.selected_chip is not None:
            self._set_chip(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- dragging ------------------------------------------------------------------

    def begin_drag(self, payload: Payload) -> None:
        """Outline every zone the chip may land in (once per drag)."""
        if self.drag_payload == payload or self.session is None:
            return
        self.drag_payload = payload
        ws = self.session.workshop
        roles = {(a.goal_id, a.assignee): a.role for a in ws.assignments}
        accountable = {a.goal_id: a.assignee for a in ws.assignments if a.role is Role.ACCOUNTABLE}
        for goal_id, card in self.cards.items():
            held = roles.get((goal_id, payload.assignee))
            for role, zone in card.zones.items():
                zone.set_effect(zone_effect(payload, goal_id, role, held, accountable.get(goal_id)))
                if zone.effect is not None:
                    self._outlined.append(zone)

    def drag_over(self, event: QDropEvent, target: QWidget) -> None:
        """A chip is over ``target`` (a zone, a card or the space between): near an edge, scroll."""
        self.edge_scroller.hover(event, target)

    def drag_left(self) -> None:
        """The chip left a zone, a card or the space between: for another, or off the board."""
        self.edge_scroller.leave()

    def end_drag(self) -> None:
        """Take the outlines away again."""
        self.edge_scroller.stop()
        if self.drag_payload is None and self.dragged_from is None:
            return
        self.drag_payload = None
        dragged = self.dragged_from
        self.dragged_from = None
        self.removing = False
        # Only the zones the drag outlined need their outline taken away (of cards still there).
        outlined, self._outlined = self._outlined, []
        for zone in outlined:
            card = self.cards.get(zone.goal_id)
            if card is not None and card.zones.get(zone.role) is zone:
                zone.set_effect(None)
        for card in self.cards.values():
            for zone in card.zones.values():
                zone.hovered = False
        if dragged is not None:
            self._update_holder(*dragged)

    def set_removing(self, removing: bool) -> None:
        """Show the dragged chip struck through while it hovers where it would come off."""
        if removing != self.removing:
            self.removing = removing
            if self.dragged_from is not None:
                self._update_holder(*self.dragged_from)

    def drag_chip(self, zone: DropZone, info: AssigneeInfo) -> Qt.DropAction:
        """Drag a chip off a zone: to another zone, to the palette, or off the goal."""
        if self.session is None:
            return Qt.DropAction.IgnoreAction
        payload = Payload(self.session.workshop_id, info.assignee, zone.goal_id, zone.role)
        drag = QDrag(zone)
        drag.setMimeData(make_mime(payload, info.name))
        pixmap = chip_pixmap(zone, info, bold=zone.role is Role.ACCOUNTABLE)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // (2 * max(1, round(pixmap.devicePixelRatio()))), 8))
        self.dragged_from = (zone.goal_id, info.assignee)
        self.begin_drag(payload)
        self._update_holder(zone.goal_id, info.assignee)
        self.sig_drag_started.emit()
        try:
            return exec_drag(
                drag,
                Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                Qt.DropAction.MoveAction,
            )
        finally:
            self.end_drag()

    def drop_on(self, zone: DropZone, payload: Payload) -> bool:
        """Carry out a chip dropped on ``zone``, then select it there; True if it changed."""
        if not self.model.drop(payload, -1, zone.role_index()):
            return False
        self.select_goal(zone.goal_id, scroll=False)
        if self.model.holder_index(zone.goal_id, payload.assignee).isValid():
            self._set_chip((zone.goal_id, payload.assignee))
        return True

    # -- painting ------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
