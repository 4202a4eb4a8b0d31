"""A checklist row drawn large enough to read across a room: check box, swatch, text, tag."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..models.base import Index


def paint_check_box(
    painter: QPainter, box: QRect, checked: bool, base: QColor, edge: QColor
) -> None:
    """A check box large enough to read across a room: accent-filled with a tick, or empty."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRectF(box).adjusted(1, 1, -1, -1)
    radius = box.width() * 0.2
    if checked:
        # The app's accent, not a view's: item views use a pale selection colour.
        app_palette = QGuiApplication.palette()
        accent = app_palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(accent, 1.5))
        painter.setBrush(accent)
        painter.drawRoundedRect(area, radius, radius)
        tick = QPainterPath()
        w, x, y = area.width(), area.left(), area.top()
        tick.moveTo(x + w * 0.22, y + w * 0.52)
        tick.lineTo(x + w * 0.42, y + w * 0.72)
        tick.lineTo(x + w * 0.78, y + w * 0.30)
        pen = QPen(app_palette.color(QPalette.ColorRole.HighlightedText), max(2.0, w * 0.13))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    else:
        painter.setPen(QPen(edge, max(1.5, box.width() / 12)))
        painter.setBrush(base)
        painter.drawRoundedRect(area, radius, radius)
    painter.restore()


@dataclass(frozen=True)
class _RowGeometry:
    """Where the parts of one checklist row go."""

    check: QRect | None
    swatch: QRect | None
    text: QRect
    tag: QRect | None
    tag_text: str
    height: int


class ChecklistDelegate(QStyledItemDelegate):
    """Paints a row as a large check box, a colour swatch, wrapped text and a quiet tag.

    Drawn by hand so the check box reads from the back of a room in every
    theme. The tag (from ``tag_role``, e.g. "Front office") says in words what
    colour and tick only hint at. Text is wrapped, never cut short.
    """

    PAD_V = 6
    PAD_H = 12
    GAP = 12

    def __init__(self, tag_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag_role = tag_role

    @staticmethod
    def tag_font(font: QFont) -> QFont:
        smaller = QFont(font)
        smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        return smaller

    def geometry(self, option: QStyleOptionViewItem, index: QModelIndex | Index) -> _RowGeometry:
        """The layout of ``index``'s row within ``option.rect``."""
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        rect = option.rect
        left, right = rect.left() + self.PAD_H, rect.right() - self.PAD_H
        top = rect.top() + self.PAD_V
        middle = top + line // 2
        check = swatch = tag = None
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            # The size of the theme's check boxes: a little over the capital height.
            box = round(line * 0.85)
            check = QRect(left, middle - box // 2, box, box)
            left += box + self.GAP
        if isinstance(index.data(Qt.ItemDataRole.DecorationRole), QColor):
            size = round(line * 0.8)
            swatch = QRect(left, middle - size // 2, size, size)
            left += size + self.GAP
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        # The longest word must fit on a line of its own: wrapping never splits a word.
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        tag_text = str(index.data(self.tag_role) or "")
        tag_w = tag_h = 0
        beside = True
        if tag_text:
            tag_metrics = QFontMetrics(self.tag_font(option.font))
            tag_w = tag_metrics.horizontalAdvance(tag_text) + 20
            tag_h = tag_metrics.height() + 6
            # In a narrow list the tag goes under the text rather than squeeze a word.
            beside = right - left + 1 - tag_w - self.GAP >= longest
            if beside:
                tag = QRect(right - tag_w + 1, middle - tag_h // 2, tag_w, tag_h)
                right = tag.left() - self.GAP
        width = max(40, right - left + 1)
        text_h = max(line, metrics.boundingRect(0, 0, width, 10**6, flags, text).height())
        height = max(text_h, tag_h) + 2 * self.PAD_V
        if tag_text and not beside:
            tag = QRect(left, top + text_h + 4, min(tag_w, width), tag_h)
            height = text_h + 4 + tag_h + 2 * self.PAD_V
        return _RowGeometry(check, swatch, QRect(left, top, width, text_h), tag, tag_text, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        row = self.geometry(opt, index)
        text = opt.text
        checked = opt.checkState == Qt.CheckState.Checked
        # Let the style draw only the row's background, selection and focus.
        opt.text = ""
        opt.icon = QIcon()
        opt.features &= ~(
            QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
            | QStyleOptionViewItem.ViewItemFeature.HasDecoration
        )
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        # The app's muted colour: a view's own placeholder colour is a faded text colour.
        muted = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if row.check is not None:
            # The edge as the theme's check boxes have it: muted, unless the row is selected.
            edge = text_colour if selected else muted
            paint_check_box(
                painter, row.check, checked, palette.color(QPalette.ColorRole.Base), edge
            )
        if row.swatch is not None:
            edge = QColor(text_colour)
            edge.setAlpha(110)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(index.data(Qt.ItemDataRole.DecorationRole))
            painter.drawRoundedRect(QRectF(row.swatch).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setFont(opt.font)
        painter.setPen(text_colour)
        painter.drawText(row.text, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
        if row.tag is not None:
            painter.setFont(self.tag_font(opt.font))
            painter.setPen(QPen(muted, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = row.tag.height() / 2
            painter.drawRoundedRect(QRectF(row.tag).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            painter.drawText(row.tag, Qt.AlignmentFlag.AlignCenter, row.tag_text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        width = 400
        if isinstance(widget, QAbstractItemView):
            # Wrapping needs the width the row will really get, scroll bar or not.
            width = widget.viewport().width()
            if not widget.verticalScrollBar().isVisible():
                width -= widget.verticalScrollBar().sizeHint().width()
        opt.rect = QRect(0, 0, width, 100)
        return QSize(width, self.geometry(opt, index).height)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | Index,
    ) -> bool:
        flags = index.flags()
        if not flags & Qt.ItemFlag.ItemIsUserCheckable or not flags & Qt.ItemFlag.ItemIsEnabled:
            return False
        kind = event.type()
        if kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            assert isinstance(event, QMouseEvent)
            check = self.geometry(option, index).check
            on_box = check is not None and check.adjusted(-4, -4, 4, 4).contains(
                event.position().toPoint()
            )
            if event.button() != Qt.MouseButton.LeftButton or not on_box:
                return False
            if kind != QEvent.Type.MouseButtonRelease:
                # A press or double-click on the box must not start a drag or an edit.
                return True
        elif kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() not in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                return False
        else:
            return False
        state = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        # Editors do not pick up the zoomed content font by themselves.
        editor.setFont(option.font)
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        row = self.geometry(option, index)
        height = editor.sizeHint().height()
        line_middle = row.text.top() + QFontMetrics(option.font).height() // 2
        editor.setGeometry(
            row.text.left() - 6, line_middle - height // 2, row.text.width() + 6, height
        )
