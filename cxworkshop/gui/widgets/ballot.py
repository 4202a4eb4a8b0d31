"""A voter's ballot: one large row per goal with its dots, and the dots still to place.

Dots are placed with the mouse (the + and − buttons, or a click on a dot)
or the keys: Up and Down pick a goal; +, Right or Space add a dot; −, Left,
Backspace or Delete take one off; a digit puts exactly that many; Enter
confirms and Escape cancels. Filled and hollow circles say placed and free
by shape as well as colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.wording import dots_text
from ..models.base import Index
from ..models.voting import BallotModel
from ..roles import DOTS_ROLE, LIMIT_ROLE, PILLAR_ROLE
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, scaled_font
from .goal_card import app_palette, blend

MOST_SLOTS = 6
"""Above this many dots per goal a row shows a count instead of one circle per dot."""

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def paint_dot(
    painter: QPainter, centre: QPointF, radius: float, filled: bool, colour: QColor
) -> None:
    """A dot: a solid disc when placed, a ring when free."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if filled:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
    else:
        width = max(1.5, radius * 0.16)
        painter.setPen(QPen(colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius - width / 2, radius - width / 2)
    painter.restore()


@dataclass(frozen=True)
class _RowParts:
    card: QRectF
    title: QRectF
    minus: QRectF
    plus: QRectF
    slots: list[QRectF]
    count: QRectF | None


class BallotDelegate(QStyledItemDelegate):
    """Paints a goal on the ballot as a card: pillar, title, − / dots / + on the right."""

    GAP = 4.0
    PAD_X = 20.0
    PAD_Y = 8.0
    STRIPE = 7.0
    RADIUS = 12.0

    def __init__(self, view: BallotView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def title_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.15)
        font.setBold(True)
        return font

    def _dot_size(self, base: QFont) -> float:
        return QFontMetricsF(base).height() * 1.45

    def parts(self, rect: QRectF, base: QFont, index: Index) -> _RowParts:
        """Where the card, its title, its buttons and its dots go in ``rect``."""
        card = rect.adjusted(0, self.GAP, 0, -self.GAP)
        size = self._dot_size(base)
        limit = int(index.data(LIMIT_ROLE) or 0)
        slots_n = limit if limit <= MOST_SLOTS else 0
        spacing = size * 0.35
        middle = card.center().y()
        right = card.right() - self.PAD_X
        plus = QRectF(right - size, middle - size / 2, size, size)
        x = plus.left() - spacing * 1.6
        count = None
        slots: list[QRectF] = []
        if slots_n:
            for _ in range(slots_n):
                slot = QRectF(x - size, middle - size / 2, size, size)
                slots.insert(0, slot)
                x = slot.left() - spacing
            x -= spacing * 0.6
        else:
            width = QFontMetricsF(self.title_font(base)).horizontalAdvance("88 dots") + spacing
            count = QRectF(x - width, middle - size / 2, width, size)
            x = count.left() - spacing
        minus = QRectF(x - size, middle - size / 2, size, size)
        left = card.left() + self.STRIPE + self.PAD_X
        title = QRectF(left, card.top() + self.PAD_Y, minus.left() - 2 * self.PAD_X - left, 0)
        title.setBottom(card.bottom() - self.PAD_Y)
        return _RowParts(card, title, minus, plus, slots, count)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = float(self._view.viewport().width() or option.rect.width() or 800)
        base = option.font
        parts = self.parts(QRectF(0, 0, width, 100), base, index)
        font = self.title_font(base)
        text = f"{PILLAR_SYMBOLS.get(index.data(PILLAR_ROLE), '')}  {index.data() or ''}"
        height = (
            QFontMetricsF(font)
            .boundingRect(QRectF(0, 0, max(60.0, parts.title.width()), 1e6), _WRAP, text)
            .height()
        )
        height = max(height, self._dot_size(base))
        return QSize(int(width), int(height + 2 * self.PAD_Y + 2 * self.GAP + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)
        current = self._view.currentIndex().row() == index.row() and self._view.hasFocus()
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        pillar = index.data(PILLAR_ROLE)
        colour = QColor(PILLAR_COLOURS.get(pillar, accent.name()))
        dots = int(index.data(DOTS_ROLE) or 0)
        limit = int(index.data(LIMIT_ROLE) or 0)
        parts = self.parts(QRectF(option.rect), option.font, index)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        path = QPainterPath()
        path.addRoundedRect(parts.card, self.RADIUS, self.RADIUS)
        fill = blend(base, accent, 0.08) if dots else base
        if base == window:
            fill = blend(fill, text, 0.04)
        painter.fillPath(path, fill)
        painter.save()
        painter.setClipPath(path)
        stripe = QRectF(parts.card.left(), parts.card.top(), self.STRIPE, parts.card.height())
        painter.fillRect(stripe, colour)
        painter.restore()
        if current:
            w = 3.0
            painter.setPen(QPen(accent, w))
            inner = parts.card.adjusted(w / 2, w / 2, -w / 2, -w / 2)
            painter.drawRoundedRect(inner, self.RADIUS - w / 2, self.RADIUS - w / 2)
        else:
            edge = blend(border, accent, 0.6) if hovered else border
            painter.setPen(QPen(edge, 1.0))
            card = parts.card.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(card, self.RADIUS, self.RADIUS)

        # Title, with the pillar's symbol in its colour: colour is never the only sign.
        font = self.title_font(option.font)
        painter.setFont(font)
        symbol = PILLAR_SYMBOLS.get(pillar, "")
        metrics = QFontMetricsF(font)
        symbol_w = metrics.horizontalAdvance(symbol + "  ")
        painter.setPen(colour)
        first_line = QRectF(parts.title.left(), parts.title.top(), symbol_w, parts.title.height())
        title_text = str(index.data() or "")
        line_h = metrics.boundingRect(
            QRectF(0, 0, parts.title.width() - symbol_w, 1e6), _WRAP, title_text
        ).height()
        top = parts.title.center().y() - line_h / 2
        first_line.moveTop(top)
        first_line.setHeight(metrics.height())
        painter.drawText(first_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, symbol)
        painter.setPen(text)
        body = QRectF(parts.title.left() + symbol_w, top, parts.title.width() - symbol_w, line_h)
        painter.drawText(body, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, title_text)

        # − and +: round buttons, greyed when they would do nothing.
        can_remove = dots > 0
        can_add = dots < limit and self._view.remaining() > 0
        for rect, sign, enabled in ((parts.minus, "−", can_remove), (parts.plus, "+", can_add)):
            edge = accent if enabled else blend(muted, fill, 0.5)
            painter.setPen(QPen(edge, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
            pen = QPen(edge, max(2.5, rect.width() * 0.09))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            c, arm = rect.center(), rect.width() * 0.22
            painter.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()))
            if sign == "+":
                painter.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm))

        # The dots themselves: filled for placed, rings for what may still go here.
        for i, slot in enumerate(parts.slots):
            placed = i < dots
            colour_dot = accent if placed else blend(muted, fill, 0.35)
            paint_dot(painter, slot.center(), slot.width() * 0.4, placed, colour_dot)
        if parts.count is not None:
            painter.setPen(text)
            painter.drawText(parts.count, Qt.AlignmentFlag.AlignCenter, dots_text(dots))
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return False
        assert isinstance(event, QMouseEvent)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position()
        parts = self.parts(QRectF(option.rect), option.font, index)
        row = index.row()
        if parts.plus.adjusted(-6, -6, 6, 6).contains(pos):
            self._view.add_dot(row)
            return True
        if parts.minus.adjusted(-6, -6, 6, 6).contains(pos):
            self._view.remove_dot(row)
            return True
        for i, slot in enumerate(parts.slots):
            if slot.adjusted(-3, -6, 3, 6).contains(pos):
                dots = int(index.data(DOTS_ROLE) or 0)
                # A click on the last placed dot takes it off again.
                self._view.set_dots(row, i if dots == i + 1 else i + 1)
                return True
        return False


class BallotView(QListView):
    """The goals on one voter's ballot, each a card with its dots."""

    sig_refused = Signal(str)
    """A dot could not go where asked (budget spent, or the goal is full): why, in a sentence."""

    sig_confirm_requested = Signal()
    """Enter: the voter is done."""

    sig_cancel_requested = Signal()
    """Escape: leave the ballot without saving it."""

    KEYS_TEXT = (
        "↑ ↓ choose a goal   ·   + or → adds a dot   ·   − or ← takes one off   ·   Enter confirms"
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Ballot")
        self.setAccessibleDescription(
            "Up and Down choose a goal. Plus, Right or Space add a dot; Minus, Left or "
            "Backspace take one off; a number puts that many. Enter confirms the ballot."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        # The cards draw their own focus and selection; the list itself stays quiet.
        self.setStyleSheet("QListView { background: transparent; border: none; }")
        self.viewport().setAutoFillBackground(False)
        self.setItemDelegate(BallotDelegate(self))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def ballot_model(self) -> BallotModel | None:
        model = self.model()
        return model if isinstance(model, BallotModel) else None

    def remaining(self) -> int:
        model = self.ballot_model()
        return 0 if model is None else model.remaining()

    def _current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def _after_change(self, row: int) -> None:
        self.setCurrentIndex(self.model().index(row, 0))
        # Every row's + button may have changed (the budget is shared).
        self.viewport().update()

    def add_dot(self, row: int) -> None:
        model = self.ballot_model()
        if model is None or row < 0:
            return
        refused = model.add_dot(row)
        if refused:
            self.sig_refused.emit(refused)
        self._after_change(row)

    def remove_dot(self, row: int) -> None:
        model = self.ballot_model()
        if model is None or row < 0:
            return
        model.remove_dot(row)
        self._after_change(row)

    def set_dots(self, row: int, n: int) -> None:
        model = self.ballot_model()
        if model is None or row < 0:
            return
        refused = model.set_dots(row, n)
        if refused:
            self.sig_refused.emit(refused)
        self._after_change(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        row = self._current_row()
        if row < 0 and self.model() is not None and self.model().rowCount():
            row = 0
        add = (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Right, Qt.Key.Key_Space)
        remove = (Qt.Key.Key_Minus, Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        if key in add:
            self.add_dot(row)
        elif key in remove:
            self.remove_dot(row)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.set_dots(row, int(key) - int(Qt.Key.Key_0))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_confirm_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.sig_cancel_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Titles wrap to the width the cards get.
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.scheduleDelayedItemsLayout()


class BudgetMeter(QWidget):
    """The dots a voter still has to place: a big number, the words, and one disc per dot."""

    PAD = 18.0
    MOST_DISCS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._left = 0
        self.setAccessibleName("Dots left to place")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_budget(self, total: int, left: int) -> None:
        self._total, self._left = total, left
        self.setAccessibleDescription(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """What the meter says, in words."""
        if self._left <= 0:
            return f"All {dots_text(self._total)} placed"
        return f"{dots_text(self._left)} left of {self._total}"

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return (
            scaled_font(self, 3.0, bold=True),
            scaled_font(self, 1.2, bold=True),
            scaled_font(self, 0.95),
        )

    def _disc(self) -> float:
        return QFontMetricsF(self.font()).height() * 0.9

    def _words(self) -> tuple[str, str]:
        left = max(0, self._left)
        if not left:
            return "all placed", f"{dots_text(self._total)} on the ballot"
        return f"{'dot' if left == 1 else 'dots'} left", f"of {self._total}"

    def sizeHint(self) -> QSize:
        number_font, words_font, small_font = self._fonts()
        number_w = QFontMetricsF(number_font).horizontalAdvance("88")
        top, bottom = self._words()
        words_w = QFontMetricsF(words_font).horizontalAdvance(max("dots left", top, key=len))
        discs = min(self._total, self.MOST_DISCS) * self._disc() * 1.3
        bottom_w = discs + QFontMetricsF(small_font).horizontalAdvance(bottom) + 12
        width = self.PAD * 2 + number_w + 16 + max(words_w, bottom_w)
        height = QFontMetricsF(number_font).height() + self.PAD
        return QSize(int(width + 0.999), int(height + 0.999))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = app_palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        number_font, words_font, small_font = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        left = max(0, self._left)
        # Accent edge while dots remain; a calm one when all are placed.
        painter.setPen(QPen(accent if left else border, 2.0))
        painter.setBrush(base)
        painter.drawRoundedRect(box, 14, 14)

        number_w = QFontMetricsF(number_font).horizontalAdvance("88")
        inner = box.adjusted(self.PAD, 0, -self.PAD, 0)
        painter.setFont(number_font)
        painter.setPen(accent if left else text)
        painter.drawText(
            QRectF(inner.left(), inner.top(), number_w, inner.height()),
            Qt.AlignmentFlag.AlignCenter,
            str(left) if left else "✓",
        )
        x = inner.left() + number_w + 16
        top, bottom = self._words()
        words_h = QFontMetricsF(words_font).height()
        small_h = max(QFontMetricsF(small_font).height(), self._disc())
        y = inner.center().y() - (words_h + small_h + 4) / 2
        painter.setFont(words_font)
        painter.setPen(text)
        painter.drawText(
            QRectF(x, y, inner.right() - x, words_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            top,
        )
        y += words_h + 4
        disc = self._disc()
        cx = x + disc / 2
        if self._total <= self.MOST_DISCS:
            # Dots still in hand solid, placed ones as rings: shape says it, not colour.
            for i in range(self._total):
                in_hand = i < left
                colour = accent if in_hand else muted
                paint_dot(painter, QPointF(cx, y + small_h / 2), disc * 0.42, in_hand, colour)
                cx += disc * 1.3
        painter.setFont(small_font)
        painter.setPen(muted)
        painter.drawText(
            QRectF(cx - disc / 2 + 6, y, inner.right() - cx, small_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bottom,
        )
        painter.end()
