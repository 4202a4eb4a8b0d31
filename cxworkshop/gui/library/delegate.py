"""How a recently opened workshop is drawn: its title on up to two lines, then
its organisation and when it was last edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
)

from ..models.base import Index
from ..roles import EDITED_ROLE, ORGANISATION_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem


def _two_lines(fm: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` wrapped at word breaks into at most two lines of ``width``, the second elided."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words = text.split()
    first = ""
    for i, word in enumerate(words):
        candidate = f"{first} {word}".strip()
        if first and fm.horizontalAdvance(candidate) > width:
            rest = " ".join(words[i:])
            return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = candidate
    # One long word: it cannot wrap, so it is cut short.
    return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]


def _inner_width(view: QAbstractItemView) -> int:
    """The width of the view's viewport, without asking for the viewport (see share_width)."""
    bar = view.verticalScrollBar()
    return view.maximumViewportSize().width() - (bar.width() if bar.isVisible() else 0)


class RecentDelegate(QStyledItemDelegate):
    """A recent workshop: its title in bold (up to two lines), then where and when, muted."""

    @staticmethod
    def _layout(option: QStyleOptionViewItem, index: Index) -> tuple[QFont, list[str], int]:
        bold = QFont(option.font)
        bold.setBold(True)
        pad = option.fontMetrics.height() // 2
        view = option.widget
        width = (_inner_width(view) if isinstance(view, QAbstractItemView) else 300) - 2 * pad
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return bold, _two_lines(QFontMetrics(bold), title, max(width, 40)), pad

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        bold, lines, pad = self._layout(option, index)
        height = QFontMetrics(bold).lineSpacing() * len(lines) + option.fontMetrics.lineSpacing()
        return QSize(option.fontMetrics.height() * 10, height + 3 * pad)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Loaded here: the style's classes are costly to load and start-up has no recents to paint.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            # The usual selection and focus background, without the usual text.
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        bold, lines, pad = self._layout(option, index)
        rect = option.rect.adjusted(pad, pad + pad // 2, -pad, -pad)
        pal = option.palette
        painter.save()
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        y = rect.top()
        step = QFontMetrics(bold).lineSpacing()
        for line in lines:
            painter.drawText(
                QRect(rect.left(), y, rect.width(), step), Qt.AlignmentFlag.AlignLeft, line
            )
            y += step
        fm = option.fontMetrics
        painter.setFont(option.font)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        # When space is short the organisation gives way, never the time.
        edited = str(index.data(EDITED_ROLE) or "")
        organisation = str(index.data(ORGANISATION_ROLE) or "")
        if organisation and edited:
            tail = f" · {edited}"
            room = rect.width() - fm.horizontalAdvance(tail)
            detail = fm.elidedText(organisation, Qt.TextElideMode.ElideRight, room) + tail
        else:
            detail = organisation or edited
        painter.drawText(
            QRect(rect.left(), y, rect.width(), fm.lineSpacing()),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
