"""A drop zone of the accountability board: one role on one goal, its holders as chips.

A zone lays out and paints its own chips (no child widgets), so a card costs
four light widgets. Its height follows from its holders and its width alone
(:func:`zone_height`), which lets the board reserve room for a card it has not
built yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from ...domain.model import Assignee, Role
from ..models.accountability.assignees import ROLES, AssigneeInfo, role_meaning
from ..models.accountability.payload import ASSIGNEE_MIME_TYPE, read_mime
from .goal_card import app_palette, blend
from .raci import (
    ChipMetrics,
    paint_chip,
    paint_role_label,
    scaled,
    theme_colours,
)

if TYPE_CHECKING:
    from .raci_board import RaciBoard

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


def _flow(
    m: BoardMetrics,
    widths: list[float],
    width: int,
    places: list[tuple[float, float, float]] | None,
) -> float:
    """Chips of ``widths`` in a zone ``width`` wide, wrapped onto lines: the height the zone
    then needs, and each chip's left, top and width into ``places`` if given."""
    chips = m.chips
    left = m.label_width
    avail = max(chips.height * 2, width - left - m.pad)
    x, y = float(left), float(m.pad)
    for w in widths:
        w = min(w, avail)
        if x > left and x + w > left + avail:
            x = float(left)
            y += chips.height + chips.gap
        if places is not None:
            places.append((x, y, w))
        x += w + chips.gap
    bottom = y + chips.height
    label = 2 * m.badge_radius + m.pad
    return max(bottom, label) + m.pad


def lay_out_chips(
    m: BoardMetrics, role: Role, holders: list[AssigneeInfo], width: int
) -> tuple[list[QRectF], float]:
    """Where a zone ``width`` wide puts each holder's chip, and the height it then needs."""
    places: list[tuple[float, float, float]] = []
    height = _flow(m, chip_widths(m, role, holders), width, places)
    return [QRectF(x, y, w, m.chips.height) for x, y, w in places], height


def zone_height(m: BoardMetrics, role: Role, holders: list[AssigneeInfo], width: int) -> int:
    """The height a zone ``width`` wide needs for these holders."""
    return zone_height_of(m, chip_widths(m, role, holders), width)


def chip_widths(m: BoardMetrics, role: Role, holders: list[AssigneeInfo]) -> list[float]:
    """The widths of the holders' chips in a zone of ``role``, as :func:`lay_out_chips` has them."""
    bold = role is Role.ACCOUNTABLE
    return [m.chip_width(info.name, bold=bold) for info in holders]


def zone_height_of(m: BoardMetrics, widths: list[float], width: int) -> int:
    """:func:`zone_height` from the chips' widths alone, as the board asks it for every card
    it has not built: the same wrapping, without placing a chip."""
    return int(_flow(m, widths, width, None) + 0.999)


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
        self._height_for = (-1, 0)
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
        self._height_for = (-1, 0)
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
        return lay_out_chips(self.board.metrics, self.role, self.chips, width)

    def forget_sizes(self) -> None:
        """The board's sizes changed (a zoom): lay the chips out afresh."""
        self._laid_width = -1
        self._height_for = (-1, 0)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Layouts ask again and again for the same width; the answer changes with the chips.
        if self._height_for[0] != width:
            height = zone_height(self.board.metrics, self.role, self.chips, width)
            self._height_for = (width, height)
        return self._height_for[1]

    def sizeHint(self) -> QSize:
        width = max(round(self.board.metrics.min_card_width) - 40, 100)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        m = self.board.metrics
        return QSize(round(m.label_width + m.chips.height * 2), int(m.chips.height + 2 * m.pad))

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
            self._height_for = (-1, 0)

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
