"""A goal drawn as a card on the goals board: big title, its measure, a pillar stripe.

Painting is in logical pixels with QRectF and antialiasing, so QPainter maps
it to the screen's device pixel ratio and borders stay crisp on high-DPI
screens and projectors alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.base import Index
from ..roles import MEASURE_ROLE, MISSING_ROLE

TITLE_SCALE = 1.12
"""Titles a little larger than the content font: the room reads the cards first."""
NOTE_SCALE = 0.9

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def app_palette() -> QPalette:
    """The theme's palette, for custom painting.

    Views made transparent through a local stylesheet have their own palette
    blanked (Base too); what they paint takes the theme's colours instead.
    """
    return QGuiApplication.palette()


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` mixed with ``amount`` (0..1) of ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class GoalCardDelegate(QStyledItemDelegate):
    """Paints one goal as a card in a pillar's column, sized to the column's width."""

    GAP = 7.0
    """Half the space between two cards."""
    INSET = 0.0
    """Room left and right of a card; the selection border is drawn inside it instead."""
    PAD_X = 18.0
    PAD_Y = 14.0
    STRIPE = 6.0
    RADIUS = 10.0
    SELECTED_BORDER = 3.0

    SIZES_KEPT = 4096
    """How many card sizes are remembered before the memory starts afresh."""

    def __init__(self, view: QAbstractItemView, colour: str) -> None:
        super().__init__(view)
        self._view = view
        self.colour = QColor(colour)
        self._font_sets: dict[str, tuple[QFont, QFont, QFont]] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._sizes: dict[tuple[int, str, str, str, str], QSize] = {}
        """Card sizes worked out, by column width, font and the card's three texts:
        a column of 300 goals is measured whole each time the list lays itself out."""

    # -- fonts and layout ----------------------------------------------------

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        key = base.key()
        fonts = self._font_sets.get(key)
        if fonts is None:
            title = QFont(base)
            title.setPointSizeF(base.pointSizeF() * TITLE_SCALE)
            title.setBold(True)
            measure = QFont(base)
            note = QFont(base)
            note.setPointSizeF(base.pointSizeF() * NOTE_SCALE)
            note.setItalic(True)
            fonts = self._font_sets[key] = (title, measure, note)
        return fonts

    def _font_metrics(self, font: QFont) -> QFontMetricsF:
        key = font.key()
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = self._metrics[key] = QFontMetricsF(font)
        return metrics

    def _text_width(self, card_width: float) -> float:
        return max(40.0, card_width - self.STRIPE - 2 * self.PAD_X)

    @staticmethod
    def _texts(index: Index) -> tuple[str, str, str]:
        """The card's title, measure and note."""
        return (
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            str(index.data(MEASURE_ROLE) or ""),
            str(index.data(MISSING_ROLE) or ""),
        )

    def _blocks(
        self, base: QFont, width: float, texts: tuple[str, str, str]
    ) -> list[tuple[QFont, str, float, str]]:
        """The card's text blocks as (font, text, height, kind), top to bottom."""
        title_font, measure_font, note_font = self._fonts(base)
        blocks = []
        for font, text, kind in zip(
            (title_font, measure_font, note_font), texts, ("title", "measure", "note"), strict=True
        ):
            if not text:
                continue
            if kind == "note":
                text = f"◇ {text}"
            rect = self._font_metrics(font).boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text)
            blocks.append((font, text, rect.height(), kind))
        return blocks

    def _card_width(self, option: QStyleOptionViewItem) -> float:
        width = float(option.rect.width())
        viewport = self._view.viewport()
        if viewport is not None and viewport.width() > 0:
            # The list lays cards out one per row, as wide as the column.
            width = float(viewport.width())
        return width - 2 * self.INSET

    def _spacing(self, base: QFont) -> float:
        return self._font_metrics(base).height() * 0.3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card_width = self._card_width(option)
        texts = self._texts(index)
        key = (round(card_width * 64), option.font.key(), *texts)
        size = self._sizes.get(key)
        if size is None:
            blocks = self._blocks(option.font, self._text_width(card_width), texts)
            text_height = sum(b[2] for b in blocks) + self._spacing(option.font) * max(
                0, len(blocks) - 1
            )
            height = text_height + 2 * self.PAD_Y + 2 * self.GAP
            size = QSize(int(card_width + 2 * self.INSET), int(height + 0.999))
            if len(self._sizes) >= self.SIZES_KEPT:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)

    # -- painting ------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = app_palette()
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)

        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)

        card = QRectF(option.rect).adjusted(self.INSET, self.GAP, -self.INSET, -self.GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        path = QPainterPath()
        path.addRoundedRect(card, self.RADIUS, self.RADIUS)
        fill = blend(base, accent, 0.10) if selected else base
        if base == window:
            # Dark and high-contrast boards: lift the cards off the lane a touch.
            fill = blend(fill, text, 0.04)
        painter.fillPath(path, fill)

        # The pillar stripe, clipped to the card's rounded corners.
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(card.left(), card.top(), self.STRIPE, card.height()), self.colour)
        painter.restore()

        if selected:
            # Thickness, not just colour, says "selected" from across the room.
            w = self.SELECTED_BORDER
            painter.setPen(QPen(accent, w))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = card.adjusted(w / 2, w / 2, -w / 2, -w / 2)
            painter.drawRoundedRect(inner, self.RADIUS - w / 2, self.RADIUS - w / 2)
        else:
            edge = blend(border, accent, 0.6) if hovered else border
            painter.setPen(QPen(edge, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), self.RADIUS, self.RADIUS)
            if focused:
                pen = QPen(accent, 2.0, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), self.RADIUS, self.RADIUS)

        width = self._text_width(card.width())
        x = card.left() + self.STRIPE + self.PAD_X
        y = card.top() + self.PAD_Y
        spacing = self._spacing(option.font)
        for font, line, height, kind in self._blocks(option.font, width, self._texts(index)):
            painter.setFont(font)
            painter.setPen(text if kind == "title" else muted)
            painter.drawText(QRectF(x, y, width, height), _WRAP, line)
            y += height + spacing
        painter.restore()
