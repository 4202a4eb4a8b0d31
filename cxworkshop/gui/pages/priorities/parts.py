"""Small parts the priorities page's faces share: styled labels, panels, the
stack of faces and its scroll area, a row of buttons, and a voter's name with
whether they have voted (never how).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QListView,
    QPushButton,
    QStackedLayout,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...models.base import Index
from ...models.voting import VOTED_TEXT, WAITING_TEXT
from ...roles import VOTED_ROLE
from ...widgets.page_parts import FittingScrollArea


def styled_label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("cxRole", role)
    label.setWordWrap(wrap)
    return label


def panel() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("cxRole", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 20)
    layout.setSpacing(10)
    return frame, layout


def people_text(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def goals_text(n: int) -> str:
    return f"{n} goal{'s' if n != 1 else ''}"


def ballots_text(n: int) -> str:
    return f"{n} ballot{'s' if n != 1 else ''}"


class FaceStack(QStackedWidget):
    """A stack sized by the face it shows, not the largest of its faces."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # The page's scroll area asks this. Wrapped text in every face, hidden ones
        # too, would make it scroll early; the shown face's minimum size is enough.
        return -1


class ButtonRow(QWidget):
    """Buttons side by side, the first at the left and the last at the right; stacked
    one above the other where the row is too narrow for their whole text.

    A button's text changes (the next voter's name): the row checks again.
    """

    SPACING = 10

    def __init__(self, *buttons: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(self.SPACING)
        for i, button in enumerate(buttons):
            if i:
                self._layout.addStretch(1)
            self._layout.addWidget(button)

    def _side_by_side_width(self) -> int:
        widths = [b.sizeHint().width() for b in self.buttons if not b.isHidden()]
        return sum(widths) + self.SPACING * max(0, len(widths) - 1)

    def _stacked(self, width: int) -> bool:
        return width < self._side_by_side_width()

    def _height_at(self, width: int) -> int:
        shown = [b for b in self.buttons if not b.isHidden()]
        if not shown:
            return 0
        if self._stacked(width):
            return sum(b.sizeHint().height() for b in shown) + self.SPACING * (len(shown) - 1)
        return max(b.sizeHint().height() for b in shown)

    def minimumSizeHint(self) -> QSize:
        shown = [b for b in self.buttons if not b.isHidden()]
        if not shown:
            return QSize(0, 0)
        width = max(b.minimumSizeHint().width() for b in shown)
        return QSize(width, self._height_at(self.width()))

    def sizeHint(self) -> QSize:
        return QSize(self._side_by_side_width(), self.minimumSizeHint().height())

    def _arrange(self) -> None:
        direction = (
            QBoxLayout.Direction.TopToBottom
            if self._stacked(self.width())
            else QBoxLayout.Direction.LeftToRight
        )
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        # Stacked, the row is as high as its buttons one above the other.
        height = self._height_at(self.width())
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().event(event)


class FaceScrollArea(FittingScrollArea):
    """The page's scroll area: the face shown fills the view, and scrolls only below
    the least height that face needs. Hidden faces don't count.

    A face with wrapped text that must keep its lines says how high it must be at a
    width (``least_height_for_width``); the others squeeze to their minimum size.
    """

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        if isinstance(widget, QStackedWidget):
            widget.currentChanged.connect(lambda _: self.fit())

    @staticmethod
    def _least_height(layout: QLayout, width: int) -> int:
        current = layout.currentWidget() if isinstance(layout, QStackedLayout) else None
        if current is None:
            return 0
        least = getattr(current, "least_height_for_width", None)
        if least is not None:
            return int(least(width))
        return current.minimumSizeHint().height()


class Face(Enum):
    """What the page shows."""

    SETUP = "setup"
    ROUND = "round"
    BALLOT = "ballot"
    PASS = "pass"


class VoterDelegate(QStyledItemDelegate):
    """A voter: the name, and a pill saying whether they have voted (never how)."""

    PAD_H = 14

    def _pill_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(option.font.pointSizeF() * 0.85)
        font.setBold(True)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height() + 22
        width = 280
        view = option.widget
        if isinstance(view, QListView):
            grid = view.gridSize()
            # In a grid each name gets its cell's width; in a list, the whole row.
            width = grid.width() - 16 if grid.isValid() else view.viewport().width()
        return QSize(max(120, width), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        palette = QGuiApplication.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        on_accent = palette.color(QPalette.ColorRole.HighlightedText)
        voted = bool(index.data(VOTED_ROLE))
        rect = QRectF(opt.rect).adjusted(self.PAD_H, 0, -self.PAD_H, 0)
        pill_font = self._pill_font(opt)
        metrics = QFontMetrics(pill_font)
        word = VOTED_TEXT if voted else WAITING_TEXT
        pill_w = max(metrics.horizontalAdvance(VOTED_TEXT), metrics.horizontalAdvance(WAITING_TEXT))
        pill_w += 26
        pill_h = metrics.height() + 8
        pill = QRectF(rect.right() - pill_w, rect.center().y() - pill_h / 2, pill_w, pill_h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(opt.font)
        painter.setPen(text)
        painter.drawText(
            rect.adjusted(0, 0, -pill_w - 10, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(opt.font).elidedText(
                name, Qt.TextElideMode.ElideRight, int(rect.width() - pill_w - 10)
            ),
        )
        painter.setFont(pill_font)
        if voted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
            painter.setPen(on_accent)
        else:
            painter.setPen(QPen(muted, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill_h / 2, pill_h / 2)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, word)
        painter.restore()
