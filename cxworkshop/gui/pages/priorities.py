"""Priorities: dot voting by secret ballot or room tally, the reveal, and settling ties.

The page has four faces. The facilitator sets up a round, then watches it:
who has voted (never how), or the counts typed in off the wall. Voters take
the laptop in turn: each gets a clean ballot, confirms it, and the screen
turns to a neutral card that asks them to pass the laptop on. Once the round
is closed the facilitator reveals the ranked results, and settles any tie by
a run-off or by recording the sponsor's order.

Set-up, budget, close, reveal, tally and decision changes are undo steps; a
confirmed ballot is saved at once and is not (see ``confirm_ballot``). While a
ballot or the pass card is on screen the undo history is switched off, so the
next person at the laptop cannot undo anything, least of all a ballot.
"""

from __future__ import annotations

import itertools
from enum import Enum

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedLayout,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import editing, voting
from ...domain.model import Goal, Step, TieBreak, VotingMode, VotingRound, Workshop
from ...domain.wording import dots_text, ordinal
from ..models.base import Index
from ..models.voting import (
    NO_PLACE,
    VOTED_TEXT,
    WAITING_TEXT,
    BallotModel,
    DecisionModel,
    FinalOrderModel,
    GoalChoiceModel,
    ResultsModel,
    TallyModel,
    VoterChoiceModel,
    VoterStatusModel,
    round_title,
)
from ..ops.voting import (
    change_budget,
    close_round,
    confirm_ballot,
    discard_round,
    open_round,
    record_decision,
    reopen_round,
    set_revealed,
)
from ..roles import ID_ROLE, PILLAR_ROLE, PLACE_ROLE, TAG_ROLE, TIED_ROLE, VOTED_ROLE
from ..session import Session
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mark_content
from ..widgets.ballot import BallotView, BudgetMeter
from ..widgets.checklist import ChecklistDelegate
from ..widgets.keys import enter_presses, modifiers
from ..widgets.page_parts import ErrorLine, FittingScrollArea
from ..widgets.results_chart import ResultsChart
from .base import StepPage

_CTRL = Qt.KeyboardModifier.ControlModifier


def _label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("cxRole", role)
    label.setWordWrap(wrap)
    return label


def _panel() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("cxRole", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 20)
    layout.setSpacing(10)
    return frame, layout


def _people(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def _goals(n: int) -> str:
    return f"{n} goal{'s' if n != 1 else ''}"


def _ballots(n: int) -> str:
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


# ----------------------------------------------------------------- small views


class TitleDelegate(QStyledItemDelegate):
    """A goal title with its pillar's symbol in the pillar's colour, wrapped."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pillar = index.data(PILLAR_ROLE)
        rect = QRectF(opt.rect).adjusted(10, 4, -8, -4)
        painter.save()
        painter.setFont(opt.font)
        symbol = PILLAR_SYMBOLS.get(pillar, "")
        width = QFontMetrics(opt.font).horizontalAdvance(symbol + "  ")
        if symbol:
            painter.setPen(QColor(PILLAR_COLOURS[pillar]))
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, symbol
            )
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            rect.adjusted(width, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = option.widget
        width = 300
        if isinstance(view, QTableView):
            width = view.columnWidth(index.column())
        elif isinstance(view, QListView):
            width = view.viewport().width() - 2 * view.spacing()
        metrics = QFontMetrics(option.font)
        symbol = metrics.horizontalAdvance("♥  ")
        # Measured as it is drawn: wrapped in the width left beside the symbol.
        room = QRect(0, 0, max(40, width - 22 - symbol), 100000)
        text = str(index.data() or "")
        height = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(width, max(height, metrics.height()) + 18)


class TallyDelegate(QStyledItemDelegate):
    """The dots-counted cell: a spin box from 0 to the largest tally."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, editing.MAX_TALLY)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setAccessibleName("Dots counted")
        spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        return spin

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        # Counts read from across the room, as the chart will.
        option.font.setBold(True)
        option.font.setPointSizeF(option.font.pointSizeF() * 1.2)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        index.model().setData(index, editor.value(), Qt.ItemDataRole.EditRole)  # type: ignore[union-attr]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), QFontMetrics(option.font).height() + 18))


class TallyTable(QTableView):
    """The goals and their counted dots; type a number and press Enter for the next goal."""

    def __init__(self, model: TallyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Dots counted on the wall")
        self.setItemDelegateForColumn(0, TitleDelegate(self))
        self.setItemDelegateForColumn(1, TallyDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 180)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def focusInEvent(self, event: object) -> None:  # type: ignore[override]
        super().focusInEvent(event)  # type: ignore[arg-type]
        index = self.currentIndex()
        if self.model().rowCount() and (not index.isValid() or index.column() != 1):
            # The counts are what gets typed here, so the cursor lives in that column.
            self.setCurrentIndex(self.model().index(max(0, index.row()), 1))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            # Enter moves on to the next goal, as counting along the wall does.
            row = self.currentIndex().row() + 1
            if row < self.model().rowCount():
                self.setCurrentIndex(self.model().index(row, 1))


class FinalOrderList(QWidget):
    """The priorities in order, drawn from a final-order model: one line per goal.

    Each line: the place ("=6" while still tied), the pillar's symbol, the
    title (shortened to fit, whole in the tooltip) and, for a tie that was
    settled, how: "sponsor's call" or "run-off".
    """

    ROW_PAD = 9

    def __init__(self, model: FinalOrderModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._rows: list[tuple[str, str, object, str]] = []
        self.setAccessibleName("The priorities in order")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for signal in (
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._reload)
        self._reload()

    def rows(self) -> list[tuple[str, str, object, str]]:
        """(place, title, pillar, note) as shown, first place first."""
        return list(self._rows)

    def _reload(self, *_: object) -> None:
        rows = []
        for row in range(self.model.rowCount()):
            first = self.model.index(row, 0)
            note = str(self.model.index(row, 3).data() or "")
            note = f"by {note}" if note else ""
            if first.data(TIED_ROLE):
                note = "still tied"
            elif first.data(PLACE_ROLE) == NO_PLACE:
                note = "no dots"
            title = str(self.model.index(row, 1).data() or "")
            rows.append((str(first.data()), title, first.data(PILLAR_ROLE), note))
        self._rows = rows
        self.setAccessibleDescription(
            "; ".join(f"{p}: {t}{', ' + n if n else ''}" for p, t, _, n in rows)
        )
        self.setToolTip("\n".join(f"{p}. {t}" for p, t, _, _ in rows))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.ROW_PAD

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self._rows)) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, len(self._rows) * self._row_height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = QGuiApplication.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        metrics, small_metrics = QFontMetrics(font), QFontMetrics(small)
        place_w = QFontMetrics(bold).horizontalAdvance("=88")
        symbol_w = metrics.horizontalAdvance("♥ ")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        h = self._row_height()
        middle = Qt.AlignmentFlag.AlignVCenter
        for i, (place, title, pillar, note) in enumerate(self._rows):
            top = i * h
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, place_w, h), Qt.AlignmentFlag.AlignRight | middle, place
            )
            x = place_w + 12
            if pillar in PILLAR_SYMBOLS:
                painter.setFont(font)
                painter.setPen(QColor(PILLAR_COLOURS[pillar]))
                painter.drawText(
                    QRectF(x, top, symbol_w, h),
                    Qt.AlignmentFlag.AlignLeft | middle,
                    PILLAR_SYMBOLS[pillar],
                )
            x += symbol_w
            note_w = small_metrics.horizontalAdvance(note) + 8 if note else 0
            painter.setFont(font)
            painter.setPen(text)
            room = max(20, self.width() - x - note_w - 6)
            painter.drawText(
                QRectF(x, top, room, h),
                Qt.AlignmentFlag.AlignLeft | middle,
                metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room)),
            )
            if note:
                painter.setFont(small)
                painter.setPen(muted)
                painter.drawText(
                    QRectF(self.width() - note_w, top, note_w, h),
                    Qt.AlignmentFlag.AlignRight | middle,
                    note,
                )
        painter.end()


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


class VoterGrid(QListView):
    """Who votes, in as many columns as fit, each with whether they have voted."""

    COLUMN_WIDTH = 330

    def __init__(self, model: VoterStatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(VoterDelegate(self))
        self.setAccessibleName("Voters")
        self.setAccessibleDescription("Who has voted. Enter lets the selected person vote.")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListView { background: transparent; border: none; }")
        self.viewport().setAutoFillBackground(False)

    def _fit_grid(self) -> None:
        width = max(1, self.viewport().width() - 2)
        columns = max(1, width // self.COLUMN_WIDTH)
        height = QFontMetrics(self.font()).height() + 22
        self.setGridSize(QSize(width // columns, height))

    LEAST_ROWS = 2
    """Rows of voters shown before the page itself scrolls."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        model = self.model()
        count = model.rowCount() if model is not None else 0
        columns = max(1, max(1, self.viewport().width() - 2) // self.COLUMN_WIDTH)
        rows = min(self.LEAST_ROWS, -(-count // columns))
        row = QFontMetrics(self.font()).height() + 22
        return QSize(hint.width(), max(hint.height(), rows * row + 2 * self.frameWidth()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_grid()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_grid()


class VoteProgress(QWidget):
    """How many have voted, as one segment per voter: filled with a tick, or hollow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._voted = 0
        self._total = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Ballots in")

    def set_counts(self, voted: int, total: int) -> None:
        self._voted, self._total = voted, total
        self.setAccessibleDescription(f"{voted} of {total} have voted")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, int(QFontMetrics(self.font()).height() * 0.9))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._total <= 0:
            return
        palette = QGuiApplication.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        edge = palette.color(QPalette.ColorRole.Mid)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 6.0
        width = (self.width() - gap * (self._total - 1)) / self._total
        height = float(self.height())
        for i in range(self._total):
            box = QRectF(i * (width + gap), 0, width, height).adjusted(0.75, 0.75, -0.75, -0.75)
            radius = min(height / 2, 6.0)
            if i < self._voted:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            else:
                painter.setPen(QPen(edge, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, radius, radius)
        painter.end()


class ReorderList(QListView):
    """The sponsor's order: drag a goal, or Ctrl+Up / Ctrl+Down to move it."""

    sig_move_requested = Signal(int)
    """Move the current goal up (-1) or down (+1)."""

    def __init__(self, model: DecisionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("The sponsor's order")
        self.setAccessibleDescription("Ctrl+Up and Ctrl+Down move the selected goal.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(TitleDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = modifiers(event)
        if mods == _CTRL and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.sig_move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceDelegate(ChecklistDelegate):
    """The set-up's checklist rows, measured at the width they are drawn at.

    Measuring and drawing at the same width keeps a title that fits on one
    line from getting the height of two.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 400
        opt.rect = QRect(0, 0, width, 100)
        return QSize(width, self.geometry(opt, index).height)


class ChoiceList(QListView):
    """A checklist for a round's set-up: Space or a click ticks."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setItemDelegate(ChoiceDelegate(TAG_ROLE, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Rows wrap to the width they get: measure them again.
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.scheduleDelayedItemsLayout()


# ----------------------------------------------------------------- set-up


class RoundSetup(QWidget):
    """A new round's settings: the goals on the ballot, who votes, how, and the dots."""

    sig_open_requested = Signal()
    """Open the vote with these settings."""

    sig_cancelled = Signal()
    """Back to the rounds without opening one."""

    def __init__(
        self, goals: GoalChoiceModel, voters: VoterChoiceModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.goals_model = goals
        self.voters_model = voters
        self.runoff_of: str | None = None
        self._budget_edited = False
        self._limit_edited = False
        self._quiet = False

        # -- goals
        goals_frame, goals_layout = _panel()
        self.goals_heading = _label("Goals on the ballot", "subheading")
        self.goals_hint = _label("Untick any goal the room should not vote on.", "hint")
        self.goals_list = ChoiceList("Goals on the ballot")
        self.goals_list.setModel(goals)
        self.goals_count = _label("", "muted")
        self.all_goals_button = QPushButton("All")
        self.all_goals_button.setAccessibleName("Put every goal on the ballot")
        self.all_goals_button.clicked.connect(lambda: goals.set_all(True))
        self.no_goals_button = QPushButton("None")
        self.no_goals_button.setAccessibleName("Take every goal off the ballot")
        self.no_goals_button.clicked.connect(lambda: goals.set_all(False))
        row = QHBoxLayout()
        row.addWidget(self.goals_count, 1)
        row.addWidget(self.all_goals_button)
        row.addWidget(self.no_goals_button)
        goals_layout.addWidget(self.goals_heading)
        goals_layout.addWidget(self.goals_hint)
        goals_layout.addWidget(self.goals_list, 1)
        goals_layout.addLayout(row)

        # -- voters
        voters_frame, voters_layout = _panel()
        voters_layout.addWidget(_label("Who votes", "subheading"))
        self.voters_hint = _label(
            "Everyone in the room, unless you untick someone (the facilitator, say).", "hint"
        )
        self.voters_list = ChoiceList("Who votes")
        self.voters_list.setModel(voters)
        self.voters_count = _label("", "muted")
        self.all_voters_button = QPushButton("All")
        self.all_voters_button.setAccessibleName("Everyone votes")
        self.all_voters_button.clicked.connect(lambda: voters.set_all(True))
        self.no_voters_button = QPushButton("None")
        self.no_voters_button.setAccessibleName("Untick everyone")
        self.no_voters_button.clicked.connect(lambda: voters.set_all(False))
        row = QHBoxLayout()
        row.addWidget(self.voters_count, 1)
        row.addWidget(self.all_voters_button)
        row.addWidget(self.no_voters_button)
        voters_layout.addWidget(self.voters_hint)
        voters_layout.addWidget(self.voters_list, 1)
        voters_layout.addLayout(row)
        self.voters_frame = voters_frame

        # -- how
        rules_frame, rules_layout = _panel()
        rules_layout.addWidget(_label("How the room votes", "subheading"))
        self.secret_radio = QRadioButton("Secret ballot")
        self.secret_radio.setAccessibleName("Secret ballot")
        self.secret_radio.setAccessibleDescription(
            "People take turns at this laptop; nobody sees anyone's dots until you reveal them."
        )
        self.tally_radio = QRadioButton("Room tally")
        self.tally_radio.setAccessibleName("Room tally")
        self.tally_radio.setAccessibleDescription(
            "People stick dots on the wall; you type in how many each goal got."
        )
        for radio in (self.secret_radio, self.tally_radio):
            radio.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.secret_radio)
        self.mode_group.addButton(self.tally_radio)
        self.secret_radio.setChecked(True)
        secret_hint = _label(
            "People take turns at this laptop. Nobody sees anyone's dots until you reveal them.",
            "hint",
        )
        tally_hint = _label(
            "People put sticky dots on the wall; you type in how many each goal got.", "hint"
        )
        for hint in (secret_hint, tally_hint):
            hint.setIndent(34)
        self.secret_radio.toggled.connect(self._mode_changed)

        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, editing.MAX_DOTS)
        self.dots_spin.setAccessibleName("Dots per voter")
        self.dots_spin.valueChanged.connect(self._budget_changed)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, editing.MAX_DOTS)
        self.limit_spin.setAccessibleName("Most dots on one goal")
        self.limit_spin.valueChanged.connect(self._limit_changed)
        dots_label = QLabel("&Dots per voter")
        dots_label.setBuddy(self.dots_spin)
        limit_label = QLabel("&Most on one goal")
        limit_label.setBuddy(self.limit_spin)
        self.budget_hint = _label("", "hint")
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.addWidget(dots_label, 0, 0)
        grid.addWidget(self.dots_spin, 0, 1)
        grid.addWidget(limit_label, 1, 0)
        grid.addWidget(self.limit_spin, 1, 1)
        grid.setColumnStretch(2, 1)

        self.open_button = QPushButton("Open the vote")
        self.open_button.setProperty("cxRole", "primary")
        self.open_button.setAccessibleName("Open the vote")
        self.open_button.clicked.connect(self.sig_open_requested)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Back to the rounds without opening a vote")
        self.cancel_button.clicked.connect(self.sig_cancelled)
        self.problem = _label("", "hint")
        self.problem.setForegroundRole(QPalette.ColorRole.BrightText)

        rules_layout.addSpacing(4)
        rules_layout.addWidget(self.secret_radio)
        rules_layout.addWidget(secret_hint)
        rules_layout.addWidget(self.tally_radio)
        rules_layout.addWidget(tally_hint)
        rules_layout.addSpacing(14)
        rules_layout.addLayout(grid)
        rules_layout.addWidget(self.budget_hint)
        rules_layout.addStretch(1)
        rules_layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        rules_layout.addLayout(buttons)

        self.heading = _label("Set up the vote", "subheading")
        self.intro = _label(
            "Each person gets a few dots to put on the goals that matter most. "
            "Choose what is on the ballot, who votes and how.",
            "muted",
        )
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(goals_frame, 5)
        columns.addWidget(voters_frame, 4)
        columns.addWidget(rules_frame, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)

        goals.sig_ticks_changed.connect(self._ticks_changed)
        voters.sig_ticks_changed.connect(self._ticks_changed)
        for first, second in itertools.pairwise(
            [
                self.goals_list,
                self.all_goals_button,
                self.no_goals_button,
                self.voters_list,
                self.all_voters_button,
                self.no_voters_button,
                self.secret_radio,
                self.tally_radio,
                self.dots_spin,
                self.limit_spin,
                self.cancel_button,
                self.open_button,
            ]
        ):
            QWidget.setTabOrder(first, second)

    def least_height_for_width(self, width: int) -> int:
        """The height the form needs at ``width``: every hint with all its lines.

        Squeezed to its plain minimum, a wrapped hint keeps one line and loses the rest.
        """
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else 0

    # -- the form ------------------------------------------------------------

    def prepare(
        self,
        *,
        runoff_of: str | None = None,
        goal_ids: list[str] | None = None,
        voter_ids: list[str] | None = None,
        mode: VotingMode = VotingMode.SECRET,
        can_cancel: bool = True,
    ) -> None:
        """A fresh form: a new round on every goal, or a run-off on ``goal_ids``."""
        self.runoff_of = runoff_of
        self._budget_edited = self._limit_edited = False
        self._quiet = True
        try:
            self.goals_model.reset(goal_ids if runoff_of is not None else None)
            self.voters_model.reset()
            if voter_ids is not None:
                ticked = set(voter_ids)
                self.voters_model.unticked = {
                    str(p.id) for p in self.voters_model.items() if p.id not in ticked
                }
                self.voters_model.sync()
            (self.secret_radio if mode is VotingMode.SECRET else self.tally_radio).setChecked(True)
        finally:
            self._quiet = False
        runoff = runoff_of is not None
        self.heading.setText("Run-off between tied goals" if runoff else "Set up the vote")
        self.intro.setText(
            "Only the tied goals are on this ballot; its result puts them in order."
            if runoff
            else "Choose what is on the ballot, who votes and how. "
            "Each voter gets a few dots to put on the goals that matter most."
        )
        self.goals_hint.setText(
            "The goals that tied." if runoff else "Untick any goal the room should not vote on."
        )
        self.open_button.setText("Open the run-off" if runoff else "Open the vote")
        self.all_goals_button.setVisible(not runoff)
        self.no_goals_button.setVisible(not runoff)
        self.cancel_button.setVisible(can_cancel)
        self._follow_defaults()
        self._ticks_changed()

    def refresh(self) -> None:
        """Follow the workshop's goals and people (new ones arrive ticked)."""
        self.goals_model.sync()
        self.voters_model.sync()
        self._ticks_changed()

    def mode(self) -> VotingMode:
        return VotingMode.SECRET if self.secret_radio.isChecked() else VotingMode.TALLY

    def settings(self) -> dict[str, object]:
        """What :func:`open_round` needs."""
        mode = self.mode()
        return {
            "goal_ids": self.goals_model.ticked(),
            "dots_per_voter": self.dots_spin.value(),
            "max_per_goal": self.limit_spin.value(),
            "mode": mode,
            "voter_ids": self.voters_model.ticked() if mode is VotingMode.SECRET else None,
            "runoff_of": self.runoff_of,
        }

    def _follow_defaults(self) -> None:
        n = len(self.goals_model.ticked())
        self._quiet = True
        try:
            if not self._budget_edited:
                self.dots_spin.setValue(voting.default_budget(n))
            self.limit_spin.setMaximum(self.dots_spin.value())
            if not self._limit_edited:
                self.limit_spin.setValue(voting.default_max_per_goal(self.dots_spin.value()))
        finally:
            self._quiet = False
        budget = self.dots_spin.value()
        self.budget_hint.setText(
            f"About a third of the {_goals(n)} on the ballot. With {dots_text(budget)}, "
            f"at most {self.limit_spin.value()} on one goal keeps any one voice from deciding."
            if n
            else "Tick at least two goals."
        )

    def _budget_changed(self) -> None:
        if not self._quiet:
            self._budget_edited = True
            self._follow_defaults()

    def _limit_changed(self) -> None:
        if not self._quiet:
            self._limit_edited = True
            self._follow_defaults()

    def _mode_changed(self) -> None:
        secret = self.mode() is VotingMode.SECRET
        self.voters_list.setEnabled(secret)
        self.all_voters_button.setEnabled(secret)
        self.no_voters_button.setEnabled(secret)
        self.voters_hint.setText(
            "Everyone in the room, unless you untick someone (the facilitator, say)."
            if secret
            else "A room tally has no voter list: everyone with dots votes on the wall."
        )
        if not self._quiet:
            self._ticks_changed()

    def _ticks_changed(self) -> None:
        goals = len(self.goals_model.ticked())
        total_goals = self.goals_model.rowCount()
        voters = len(self.voters_model.ticked())
        self.goals_count.setText(f"{goals} of {_goals(total_goals)} on the ballot")
        self.voters_count.setText(f"{voters} of {_people(self.voters_model.rowCount())} vote")
        self._follow_defaults()
        problem = ""
        if goals < 2:
            problem = "A vote needs at least two goals on the ballot."
        elif self.mode() is VotingMode.SECRET and voters == 0:
            problem = "Tick at least one person to vote."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.open_button.setEnabled(not problem)


# ----------------------------------------------------------------- a round, for the facilitator


class TieBox(QFrame):
    """One tied group: who tied, where it stands, and the two ways to settle it."""

    sig_runoff_requested = Signal(list)
    """Start a run-off on these goal ids."""

    sig_decision_requested = Signal(list)
    """Record the sponsor's order for these goal ids."""

    sig_show_round = Signal(str)
    """Show the round with this id (the run-off that settled the tie)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_ids: list[str] = []
        self._runoff_id: str | None = None
        self.setObjectName("tie_box")
        # Made after the page was styled: it carries the content mark so its text zooms.
        mark_content(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(6)
        self.what = _label("", "")
        self.what.setTextFormat(Qt.TextFormat.RichText)
        self.status = _label("", "muted")
        self.runoff_button = QPushButton("Run-off")
        self.runoff_button.setAccessibleName("Start a run-off vote on these tied goals")
        self.runoff_button.clicked.connect(lambda: self.sig_runoff_requested.emit(self.goal_ids))
        self.decide_button = QPushButton("Sponsor decides…")
        self.decide_button.setAccessibleName("Record the sponsor's order for these tied goals")
        self.decide_button.clicked.connect(lambda: self.sig_decision_requested.emit(self.goal_ids))
        self.show_button = QPushButton("Show run-off")
        self.show_button.clicked.connect(
            lambda: self._runoff_id and self.sig_show_round.emit(self._runoff_id)
        )
        row = QHBoxLayout()
        row.addWidget(self.runoff_button)
        row.addWidget(self.decide_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addWidget(self.what)
        layout.addWidget(self.status)
        layout.addLayout(row)
        enter_presses(self)

    def show_tie(self, ws: Workshop, r: VotingRound, group: list[str]) -> None:
        self.goal_ids = list(group)
        goals = {g.id: g for g in ws.goals}
        totals = voting.totals(r)
        ranked = {x.goal_id: x.rank for x in voting.ranking(r)}
        rank = ranked.get(group[0], 0)
        # The chart beside names the goals ("=3"); here the tie is one line, and what to do.
        self.what.setText(
            f"<b>={rank} · Tied for {ordinal(rank)}</b>: {len(group)} goals with "
            f"{dots_text(totals.get(group[0], 0))} each"
        )
        titles = [goals[g].title for g in group if g in goals]
        self.what.setToolTip("\n".join(titles))
        self.setAccessibleDescription(f"Tied for {ordinal(rank)}: {', '.join(titles)}")
        order = [p for p in voting.round_order(ws, r) if p.goal_id in set(group)]
        places = {p.rank for p in order}
        hows = {p.settled_by for p in order}
        wanted = set(group)
        runoffs = [
            o for o in ws.rounds if o.runoff_of == r.id and set(o.goal_ids) & set(goals) == wanted
        ]
        latest = max(runoffs, key=lambda o: o.number, default=None)
        self._runoff_id = latest.id if latest else None
        settled = len(places) == len(order)
        where = f"round {latest.number}" if latest else "a later round"
        if settled and TieBreak.RUNOFF in hows and TieBreak.SPONSOR in hows:
            status = f"✓ Settled by the run-off in {where} and the sponsor."
        elif settled and TieBreak.RUNOFF in hows:
            status = f"✓ Settled by the run-off in {where}."
        elif settled:
            status = "✓ Settled by the sponsor."
        elif latest is not None and latest.is_open:
            status = f"Run-off under way in round {latest.number}."
        elif latest is not None:
            status = f"The run-off in round {latest.number} tied too."
        else:
            status = "Not settled yet."
        self.status.setText(status)
        any_open = any(o.is_open for o in ws.rounds)
        self.runoff_button.setVisible(latest is None and not settled)
        self.runoff_button.setEnabled(not any_open)
        self.runoff_button.setToolTip("Close the open round first." if any_open else "")
        self.show_button.setVisible(latest is not None)
        self.show_button.setText(f"Show round {latest.number}" if latest else "")
        by_sponsor = settled and TieBreak.SPONSOR in hows
        self.decide_button.setText(
            "Change the sponsor's order…" if by_sponsor else "Sponsor decides…"
        )
        # A settled run-off outweighs any decision, so there is nothing for the sponsor to do.
        self.decide_button.setVisible(not settled or by_sponsor)


class RoundView(QWidget):
    """One round for the facilitator: the vote's state on the left, its controls on the right."""

    def __init__(
        self,
        voters: VoterStatusModel,
        results: ResultsModel,
        tally: TallyModel,
        final: FinalOrderModel,
        decision: DecisionModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.voters_model = voters
        self.results_model = results
        self.final_model = final
        self.decision_model = decision

        # ---- left: what the round shows
        self.body = FaceStack()

        # Secret ballot under way: who has voted, never how.
        status_frame, status = _panel()
        self.status_heading = _label("Voting in progress", "subheading")
        self.progress = _label("", "heading")
        self.progress.setAccessibleName("How many have voted")
        self.progress_bar = VoteProgress()
        self.status_hint = _label("", "muted")
        self.voters_list = VoterGrid(voters)
        self.next_button = QPushButton("Start the ballot ›")
        self.next_button.setProperty("cxRole", "primary")
        self.next_button.setAccessibleName("Hand the laptop to the next voter")
        self.vote_as_button = QPushButton("Let the selected person vote")
        self.vote_as_button.setAccessibleName("Let the selected person vote")
        buttons = ButtonRow(self.vote_as_button, self.next_button)
        status.addWidget(self.status_heading)
        status.addWidget(self.progress)
        status.addWidget(self.progress_bar)
        status.addSpacing(4)
        status.addWidget(self.status_hint)
        status.addSpacing(10)
        status.addWidget(self.voters_list, 1)
        status.addWidget(buttons)
        self.status_page = status_frame

        # Room tally under way: the counts typed in off the wall.
        tally_frame, tally_layout = _panel()
        tally_layout.addWidget(_label("Count the dots on the wall", "subheading"))
        tally_layout.addWidget(
            _label(
                "Type how many dots each goal got and press Enter for the next. "
                "Each count can be undone.",
                "muted",
            )
        )
        self.tally_table = TallyTable(tally)
        self.tally_total = _label("", "muted")
        tally_layout.addWidget(self.tally_table, 1)
        tally_layout.addWidget(self.tally_total)
        self.tally_page = tally_frame

        # Closed, not revealed: the suspense.
        hidden_frame, hidden = _panel()
        self.hidden_heading = _label("The results are hidden", "heading")
        self.hidden_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hidden_text = _label("", "muted")
        self.hidden_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_button = QPushButton("Reveal the results")
        self.reveal_button.setProperty("cxRole", "primary")
        self.reveal_button.setAccessibleName("Reveal the results to the room")
        self.reveal_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.reveal_button.setStyleSheet("QPushButton { padding: 12px 30px; }")
        hidden.addStretch(2)
        hidden.addWidget(self.hidden_heading)
        hidden.addWidget(self.hidden_text)
        hidden.addSpacing(18)
        hidden.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignHCenter)
        hidden.addStretch(3)
        self.hidden_page = hidden_frame

        # Revealed: the ranked chart.
        results_frame, chart_layout = _panel()
        self.hide_button = QPushButton("Hide")
        self.hide_button.setAccessibleName("Hide the results again")
        self.hide_button.setToolTip("Hide the results again (the room sees nothing of them)")
        self.results_heading = _label("", "subheading")
        self.results_summary = _label("", "muted", wrap=False)
        self.chart = ResultsChart()
        self.chart.setModel(results)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(self.results_heading, 1)
        head.addWidget(self.results_summary)
        head.addWidget(self.hide_button)
        chart_layout.addLayout(head)
        chart_layout.addSpacing(6)
        chart_layout.addWidget(self.chart, 1)
        self.results_page = results_frame

        for page in (self.status_page, self.tally_page, self.hidden_page, self.results_page):
            self.body.addWidget(page)

        # ---- right: the round's facts and controls, then ties and the priorities
        self.facts_frame, facts = _panel()
        self.round_heading = _label("", "subheading")
        self.facts = _label("", "muted")
        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, editing.MAX_DOTS)
        self.dots_spin.setAccessibleName("Dots per voter")
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, editing.MAX_DOTS)
        self.limit_spin.setAccessibleName("Most dots on one goal")
        self.apply_budget_button = QPushButton("Change")
        self.apply_budget_button.setAccessibleName("Change the dots per voter")
        dots_label = QLabel("&Dots per voter")
        dots_label.setBuddy(self.dots_spin)
        limit_label = QLabel("&Most on one goal")
        limit_label.setBuddy(self.limit_spin)
        self.budget_box = QWidget()
        grid = QGridLayout(self.budget_box)
        grid.setContentsMargins(0, 6, 0, 2)
        grid.setHorizontalSpacing(12)
        grid.addWidget(dots_label, 0, 0)
        grid.addWidget(self.dots_spin, 0, 1)
        grid.addWidget(limit_label, 1, 0)
        grid.addWidget(self.limit_spin, 1, 1)
        grid.addWidget(self.apply_budget_button, 1, 2)
        grid.setColumnStretch(3, 1)
        self.close_button = QPushButton("Close voting")
        self.close_button.setProperty("cxRole", "primary")
        self.close_button.setAccessibleName("Close voting: freeze the ballots")
        self.reopen_button = QPushButton("Reopen voting")
        self.reopen_button.setAccessibleName("Reopen voting")
        self.discard_button = QPushButton("Discard round")
        self.discard_button.setAccessibleName("Discard this round")
        actions = QHBoxLayout()
        actions.addWidget(self.discard_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        facts.addWidget(self.round_heading)
        facts.addWidget(self.facts)
        facts.addWidget(self.budget_box)
        facts.addSpacing(4)
        facts.addLayout(actions)

        # Ties, and the priorities, or the sponsor's decision being made.
        self.ties_frame, ties = _panel()
        self.ties_heading = _label("Ties", "subheading")
        ties_hint = _label("Settle each with a run-off vote or by the sponsor's call.", "hint")
        self.ties_box = QVBoxLayout()
        self.ties_box.setSpacing(10)
        ties.addWidget(self.ties_heading)
        ties.addWidget(ties_hint)
        ties.addLayout(self.ties_box)
        self.tie_boxes: list[TieBox] = []

        self.final_frame, final_layout = _panel()
        self.final_heading = _label("Priorities", "subheading")
        self.final_note = _label("", "hint")
        self.final_list = FinalOrderList(final)
        final_layout.addWidget(self.final_heading)
        final_layout.addWidget(self.final_note)
        final_layout.addWidget(self.final_list)

        self.decision_frame, decide = _panel()
        decide.addWidget(_label("The sponsor's order", "subheading"))
        decide.addWidget(
            _label(
                "Put the tied goals in the order the sponsor chose: drag them, or "
                "Ctrl+↑ / Ctrl+↓. The charter records that the sponsor decided.",
                "hint",
            )
        )
        self.decision_list = ReorderList(decision)
        self.up_button = QPushButton("Move up")
        self.up_button.setAccessibleName("Move the selected goal up")
        self.down_button = QPushButton("Move down")
        self.down_button.setAccessibleName("Move the selected goal down")
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        note_label = QLabel("&Why, in a sentence (for the charter)")
        note_label.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Why the sponsor chose this order")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            "e.g. Support comes first: every customer we win needs it."
        )
        self.note_edit.setFixedHeight(QFontMetrics(self.note_edit.font()).lineSpacing() * 4 + 20)
        note_label.setBuddy(self.note_edit)
        self.record_button = QPushButton("Record this order")
        self.record_button.setProperty("cxRole", "primary")
        self.record_button.setAccessibleName("Record the sponsor's order")
        self.cancel_decision_button = QPushButton("Cancel")
        self.cancel_decision_button.setAccessibleName("Cancel the sponsor's decision")
        row = QHBoxLayout()
        row.addWidget(self.cancel_decision_button)
        row.addStretch(1)
        row.addWidget(self.record_button)
        decide.addWidget(self.decision_list)
        decide.addLayout(moves)
        decide.addSpacing(6)
        decide.addWidget(note_label)
        decide.addWidget(self.note_edit)
        decide.addLayout(row)

        side = QWidget()
        side.setAutoFillBackground(False)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 6, 0)
        side_layout.setSpacing(14)
        side_layout.addWidget(self.facts_frame)
        side_layout.addWidget(self.ties_frame)
        side_layout.addWidget(self.decision_frame)
        side_layout.addWidget(self.final_frame)
        side_layout.addStretch(1)
        self.side = QScrollArea()
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side.setStyleSheet("QScrollArea { background: transparent; border: none; }")
        self.side.viewport().setAutoFillBackground(False)
        self.side.setWidget(side)
        # The panel's content changes (tie boxes, the budget row, a theme's padding):
        # its width follows, so nothing is cut off at the right where it cannot scroll.
        side.installEventFilter(self)
        self._fit_side()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.side, 0)

    def _fit_side(self) -> None:
        """The side panel is as wide as some 34 to 44 characters, and never clips its buttons."""
        em = QFontMetrics(self.font()).averageCharWidth()
        inner = self.side.widget()
        needed = inner.minimumSizeHint().width() if inner is not None else 0
        bar = self.side.verticalScrollBar().sizeHint().width()
        self.side.setMinimumWidth(max(em * 34 + 40, needed + bar))
        self.side.setMaximumWidth(max(em * 44 + 40, needed + bar))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_side()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.side.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_side()
        return super().eventFilter(watched, event)


# ----------------------------------------------------------------- the voter's faces


class BallotScreen(QWidget):
    """One voter's ballot: their name, the dots left, the goals, and Confirm."""

    sig_confirm_requested = Signal()
    """The voter confirms (button or Enter)."""

    sig_cancelled = Signal()
    """The voter leaves without voting (button or Escape)."""

    def __init__(self, model: BallotModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.kicker = _label("", "muted")
        self.name = _label("", "heading")
        self.name.setAccessibleName("Whose ballot this is")
        self.rules = _label("", "muted")
        self.meter = BudgetMeter()
        self.view = BallotView()
        self.view.setModel(model)
        self.message = _label("", "")
        self.message.setForegroundRole(QPalette.ColorRole.BrightText)
        self.message.setAccessibleName("Why that dot did not go there")
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.keys = _label(BallotView.KEYS_TEXT, "hint")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Leave without voting")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.confirm_button = QPushButton("Confirm my vote")
        self.confirm_button.setProperty("cxRole", "primary")
        self.confirm_button.setAccessibleName("Confirm my vote")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cancel_button.clicked.connect(self.sig_cancelled)
        self.confirm_button.clicked.connect(self.sig_confirm_requested)
        self.view.sig_confirm_requested.connect(self.sig_confirm_requested)
        self.view.sig_cancel_requested.connect(self.sig_cancelled)
        self.view.sig_refused.connect(self.show_message)
        model.sig_draft_changed.connect(self._draft_changed)

        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.kicker)
        names.addWidget(self.name)
        names.addWidget(self.rules)
        top = QHBoxLayout()
        top.addLayout(names, 1)
        top.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignBottom)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addSpacing(8)
        bottom.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.warned = False

    def start(self, r: VotingRound, voter_name: str, voted_before: bool) -> None:
        """A clean ballot for ``voter_name`` on round ``r``."""
        self.model.start(r.id)
        self.kicker.setText(f"Secret ballot · Round {r.number}")
        self.name.setText(f"{voter_name}, place your dots")
        rules = (
            f"You have {dots_text(r.dots_per_voter)}; at most {r.max_per_goal} on one goal. "
            "Nobody sees your ballot."
        )
        if voted_before:
            rules += " You voted before: confirming replaces that ballot, which is not shown here."
        self.rules.setText(rules)
        self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.scrollToTop()
        self.clear_message()
        self._draft_changed()

    def show_message(self, text: str) -> None:
        self.message.setText(f"⚠  {text}")
        self.message.show()

    def clear_message(self) -> None:
        self.message.setText(" ")
        self.message.hide()

    def _draft_changed(self) -> None:
        r = self.model.voting_round()
        self.meter.set_budget(r.dots_per_voter if r else 0, self.model.remaining())
        # A dot that went where it was asked answers any earlier warning.
        self.warned = False
        self.clear_message()
        self.confirm_button.setText("Confirm my vote")
        self.view.viewport().update()

    def warn_unplaced(self) -> None:
        """Ask once before a ballot with dots left is confirmed."""
        left = self.model.remaining()
        self.warned = True
        self.show_message(
            f"You still have {dots_text(left)} to place. Confirm again to vote without "
            f"{'it' if left == 1 else 'them'}."
        )
        self.confirm_button.setText(f"Confirm with {dots_text(left)} unused")


class PassCard(QWidget):
    """The neutral card between voters: nothing of anyone's vote, only who is next."""

    sig_next_requested = Signal(str)
    """The next voter (their id) takes the laptop."""

    sig_done = Signal()
    """Back to the facilitator."""

    def __init__(self, voters: VoterStatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voters_model = voters
        self.next_id: str | None = None
        self.saved = _label("", "subheading")
        self.saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = _label("", "vision")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_line = _label("", "heading")
        self.next_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = _label("", "muted")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton()
        self.start_button.setProperty("cxRole", "primary")
        self.start_button.setAccessibleName("Start my ballot")
        self.start_button.clicked.connect(self._start_next)
        self.other_button = QPushButton("Someone else? Choose your name")
        self.other_button.setAccessibleName("Choose your name from the list")
        self.other_button.clicked.connect(self.show_names)
        self.done_button = QPushButton("Back to the facilitator")
        self.done_button.setAccessibleName("Back to the facilitator")
        self.done_button.clicked.connect(self.sig_done)
        self.names = QListView()
        self.names.setModel(voters)
        self.names.setItemDelegate(VoterDelegate(self.names))
        self.names.setAccessibleName("Choose your name")
        self.names.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.names.activated.connect(self._start_chosen)
        self.names.hide()
        self.names.setMinimumHeight(QFontMetrics(self.names.font()).height() * 6)

        card = QFrame()
        card.setProperty("cxRole", "panel")
        card.setMaximumWidth(980)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 40, 48, 36)
        column.setSpacing(14)
        column.addWidget(self.saved)
        column.addWidget(self.headline)
        column.addWidget(self.next_line)
        column.addSpacing(18)
        self.start_button.setStyleSheet("QPushButton { padding: 12px 30px; }")
        for button in (self.start_button, self.other_button, self.done_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.names, 1)
        column.addSpacing(8)
        column.addWidget(self.count)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 5)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.card = card
        self.setAccessibleName("Pass the laptop on")

    def show_state(self, ws: Workshop, r: VotingRound, *, after_vote: bool) -> None:
        pending = voting.voters_pending(r)
        names = {p.id: p.name for p in ws.participants}
        pending = [v for v in pending if v in names]
        self.next_id = pending[0] if pending else None
        self.saved.setText("✓  Your vote is saved" if after_vote else "")
        self.saved.setVisible(after_vote)
        voted, total = len(r.voted()), len(r.voter_ids)
        self.count.setText(f"{voted} of {total} have voted")
        self.names.hide()
        if self.next_id is None:
            self.headline.setText("Everyone has voted")
            self.next_line.setText("Please hand the laptop back to the facilitator.")
            self.start_button.hide()
            self.other_button.setText("Vote again? Choose your name")
            self.done_button.setProperty("cxRole", "primary")
        else:
            self.headline.setText(
                "Pass the laptop to the next voter"
                if after_vote
                else "Hand the laptop to the first voter"
            )
            self.next_line.setText(f"Next: {names[self.next_id]}")
            self.start_button.setText(f"I'm {names[self.next_id]}: start my ballot")
            self.start_button.show()
            self.other_button.setText("Someone else? Choose your name")
            self.done_button.setProperty("cxRole", "")
        # A changed cxRole needs the style sheet applied again.
        self.done_button.style().unpolish(self.done_button)
        self.done_button.style().polish(self.done_button)

    def set_ready(self, ready: bool) -> None:
        """Buttons off for a moment after a vote, so a second press of Enter does nothing."""
        for button in (self.start_button, self.other_button, self.done_button):
            button.setEnabled(ready)
        self.names.setEnabled(ready)
        if ready:
            target = self.start_button if self.start_button.isVisible() else self.done_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_names(self) -> None:
        self.names.show()
        self.other_button.hide()
        self.names.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.voters_model.rowCount():
            self.names.setCurrentIndex(self.voters_model.index(0, 0))

    def _start_next(self) -> None:
        if self.next_id is not None:
            self.sig_next_requested.emit(self.next_id)

    def _start_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_next_requested.emit(str(index.data(ID_ROLE)))


# ----------------------------------------------------------------- the page


class PrioritiesPage(StepPage):
    """The Priorities step: set up a vote, run it, reveal it, and settle its ties."""

    step = Step.PRIORITIES

    sig_ballot_in_progress = Signal(bool)
    """True while a ballot or the pass card is on screen (an audience view blanks); False after."""

    PASS_CARD_DELAY_MS = 900
    """How long the pass card ignores presses after a vote, so a held Enter starts nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = Face.SETUP
        self.round_id: str | None = None
        self._known_rounds: list[str] | None = None
        self._setting_up = False
        self._voter_id: str | None = None
        self._undo_was_active = True
        self._decision_round: str | None = None
        self._filling_rounds = False

        self.voters_model = VoterStatusModel(parent=self)
        self.results_model = ResultsModel(parent=self)
        self.tally_model = TallyModel(parent=self)
        self.final_model = FinalOrderModel(parent=self)
        self.ballot_model = BallotModel(parent=self)
        self.goal_choice = GoalChoiceModel(parent=self)
        self.voter_choice = VoterChoiceModel(parent=self)
        self.decision_model = DecisionModel(self)

        self.title = _label("Priorities", "heading", wrap=False)
        self.intro = _label(
            "Where the room puts its dots sets the order of priorities in the charter.",
            "muted",
        )
        self.rounds_combo = QComboBox()
        self.rounds_combo.setAccessibleName("Voting round")
        self.rounds_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rounds_combo.currentIndexChanged.connect(self._round_chosen)
        self.new_button = QPushButton("New vote…")
        self.new_button.setAccessibleName("Set up a new vote")
        self.new_button.clicked.connect(self.start_setup)
        self.error_line = ErrorLine()

        self.setup = RoundSetup(self.goal_choice, self.voter_choice)
        self.setup.sig_open_requested.connect(self.open_vote)
        self.setup.sig_cancelled.connect(self.cancel_setup)
        self.round_view = RoundView(
            self.voters_model,
            self.results_model,
            self.tally_model,
            self.final_model,
            self.decision_model,
        )
        self.ballot_screen = BallotScreen(self.ballot_model)
        self.ballot_screen.sig_confirm_requested.connect(self.confirm_vote)
        self.ballot_screen.sig_cancelled.connect(self.cancel_ballot)
        self.pass_card = PassCard(self.voters_model)
        self.pass_card.sig_next_requested.connect(self.start_ballot)
        self.pass_card.sig_done.connect(self.end_ballots)
        self._ready_timer = QTimer(self)
        self._ready_timer.setSingleShot(True)
        self._ready_timer.timeout.connect(lambda: self.pass_card.set_ready(True))

        self.faces = FaceStack()
        for face in (self.setup, self.round_view, self.ballot_screen, self.pass_card):
            self.faces.addWidget(face)

        # The facilitator's header: hidden as a whole while a voter has the laptop.
        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 6)
        header_layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.intro)
        head.addLayout(titles, 1)
        head.addWidget(self.rounds_combo, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        # Voting from phones (see gui/phones.py); hidden with the header during a ballot.
        self.phones_button = QPushButton("Phones")
        self.phones_button.setToolTip("Let people vote from their phones (Ctrl+Shift+P)")
        head.addWidget(self.phones_button, 0, Qt.AlignmentFlag.AlignBottom)
        header_layout.addLayout(head)
        header_layout.addWidget(self.error_line)

        # Zoomed far in for a projector, the page scrolls rather than squeezing its parts.
        self.scroll = FaceScrollArea()
        self.scroll.setWidgetResizable(False)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet("QScrollArea { background: transparent; border: none; }")
        self.scroll.viewport().setAutoFillBackground(False)
        self.faces.setAutoFillBackground(False)
        self.scroll.setWidget(self.faces)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        enter_presses(self)

        self._wire_round_view()

    def _wire_round_view(self) -> None:
        v = self.round_view
        v.next_button.clicked.connect(self.hand_over)
        v.vote_as_button.clicked.connect(self._vote_as_selected)
        v.voters_list.activated.connect(lambda index: self.start_ballot(str(index.data(ID_ROLE))))
        v.voters_list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        v.close_button.clicked.connect(self.close_vote)
        v.reopen_button.clicked.connect(self.reopen_vote)
        v.reveal_button.clicked.connect(lambda: self.reveal(True))
        v.hide_button.clicked.connect(lambda: self.reveal(False))
        v.discard_button.clicked.connect(self.discard)
        v.apply_budget_button.clicked.connect(self.apply_budget)
        v.dots_spin.valueChanged.connect(self._budget_edited)
        v.limit_spin.valueChanged.connect(self._budget_edited)
        v.record_button.clicked.connect(self.record_sponsor_order)
        v.cancel_decision_button.clicked.connect(self.cancel_decision)
        v.up_button.clicked.connect(lambda: self._move_decision(-1))
        v.down_button.clicked.connect(lambda: self._move_decision(1))
        v.decision_list.sig_move_requested.connect(self._move_decision)

    # -- the page's public face ----------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self.face in (Face.BALLOT, Face.PASS):
            self._leave_voter_faces()
        self.error_line.follow(session)
        self._known_rounds = None
        self.round_id = None
        self._setting_up = False
        self._decision_round = None
        for model in (
            self.voters_model,
            self.results_model,
            self.tally_model,
            self.final_model,
            self.ballot_model,
        ):
            model.set_session(session)
        self.goal_choice.set_session(session)
        self.voter_choice.set_session(session)
        super().set_session(session)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous() and self.ballot_in_progress():
            # Someone went to another step mid-ballot: an unconfirmed ballot is dropped
            # and the facilitator's view (with undo) is what comes back.
            self._leave_voter_faces()
            self.refresh()

    def ballot_in_progress(self) -> bool:
        """Whether a voter's ballot or the pass card is on screen."""
        return self.face in (Face.BALLOT, Face.PASS)

    def current_round(self) -> VotingRound | None:
        """The round the page shows."""
        if self.session is None or self.round_id is None:
            return None
        return next((r for r in self.session.workshop.rounds if r.id == self.round_id), None)

    def focus_first(self) -> None:
        if self.face is Face.SETUP:
            self.setup.goals_list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.face is Face.BALLOT:
            self.ballot_screen.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.face is Face.PASS:
            self.pass_card.set_ready(self.pass_card.start_button.isEnabled())
        else:
            v = self.round_view
            page = v.body.currentWidget()
            target: QWidget
            if page is v.status_page:
                # Everyone has voted: the next step is closing the vote, never a number
                # field that a stray key would change.
                target = v.next_button if v.next_button.isEnabled() else v.close_button
            elif page is v.tally_page:
                target = v.tally_table
            elif page is v.hidden_page:
                target = v.reveal_button
            else:
                target = v.chart
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        self._follow_rounds(ws)
        for model in (self.voters_model, self.results_model, self.tally_model, self.final_model):
            model.set_round(self.round_id)
            model.sync()
        r = self.current_round()
        if self.face in (Face.BALLOT, Face.PASS):
            if r is None or not r.is_open or r.mode is not VotingMode.SECRET:
                self._leave_voter_faces()
                if self.session is not None:
                    self.session.sig_error.emit("The round closed, so the ballot was put away.")
            else:
                self.ballot_model.sync()
                if self.face is Face.PASS and ws is not None:
                    self.pass_card.show_state(ws, r, after_vote=self.pass_card.saved.isVisible())
                return
        if ws is None or self._setting_up or not ws.rounds:
            self._show_face(Face.SETUP)
            if not self._setting_up:
                self._prepare_plain_setup(can_cancel=False)
            self.setup.refresh()
        else:
            self._show_face(Face.ROUND)
            assert r is not None
            self._show_round(ws, r)
        self._fill_rounds(ws)
        self._update_buttons()

    # -- which round -----------------------------------------------------------

    def _follow_rounds(self, ws: Workshop | None) -> None:
        ids = [] if ws is None else [r.id for r in ws.rounds]
        if self._known_rounds is not None:
            new = [i for i in ids if i not in self._known_rounds]
            if new:
                # A round just opened (or came back with redo): show it.
                self.round_id = new[-1]
                self._setting_up = False
        if self.round_id not in ids:
            self.round_id = ids[-1] if ids else None
            self._decision_round = None
        self._known_rounds = ids

    def show_round(self, round_id: str) -> None:
        """Show round ``round_id`` (from the round selector, or a tie's run-off)."""
        self.round_id = round_id
        self._setting_up = False
        self._decision_round = None
        self.refresh()

    def _fill_rounds(self, ws: Workshop | None) -> None:
        rounds = [] if ws is None else ws.rounds
        titles = [round_title(ws, r) for r in rounds] if ws is not None else []
        current = [self.rounds_combo.itemText(i) for i in range(self.rounds_combo.count())]
        self._filling_rounds = True
        try:
            if titles != current:
                self.rounds_combo.clear()
                for r, title in zip(rounds, titles, strict=True):
                    self.rounds_combo.addItem(title, r.id)
            row = next((i for i, r in enumerate(rounds) if r.id == self.round_id), -1)
            self.rounds_combo.setCurrentIndex(row)
        finally:
            self._filling_rounds = False
        self.rounds_combo.setVisible(len(rounds) > 0 and self.face is not Face.SETUP)

    def _round_chosen(self, row: int) -> None:
        if self._filling_rounds or row < 0:
            return
        round_id = self.rounds_combo.itemData(row)
        if isinstance(round_id, str) and round_id != self.round_id:
            self.show_round(round_id)

    def _show_face(self, face: Face) -> None:
        was_voting = self.ballot_in_progress()
        self.face = face
        widget = {
            Face.SETUP: self.setup,
            Face.ROUND: self.round_view,
            Face.BALLOT: self.ballot_screen,
            Face.PASS: self.pass_card,
        }[face]
        self.faces.setCurrentWidget(widget)
        voting_now = self.ballot_in_progress()
        # Nothing of the facilitator's screen shows while a voter has the laptop.
        self.header.setVisible(not voting_now)
        if voting_now != was_voting:
            self.sig_ballot_in_progress.emit(voting_now)

    # -- the facilitator's view of a round --------------------------------------

    def _show_round(self, ws: Workshop, r: VotingRound) -> None:
        v = self.round_view
        secret = r.mode is VotingMode.SECRET
        name = "Run-off" if r.is_runoff else "Round"
        v.round_heading.setText(
            f"{name} {r.number} · {r.mode.label} · {'open' if r.is_open else 'closed'}"
        )
        facts = [f"{_goals(len(r.goal_ids))} on the ballot"]
        if secret:
            facts.append(f"{len(r.voted())} of {_people(len(r.voter_ids))} voted")
        facts.append(f"{dots_text(r.dots_per_voter)} each, at most {r.max_per_goal} on one goal")
        if r.runoff_of is not None:
            parent = next((o for o in ws.rounds if o.id == r.runoff_of), None)
            if parent is not None:
                facts.append(f"a run-off of round {parent.number}")
        v.facts.setText(" · ".join(facts[:2]) + "\n" + " · ".join(facts[2:]))

        v.budget_box.setVisible(r.is_open and secret)
        if r.is_open and secret and not (v.dots_spin.hasFocus() or v.limit_spin.hasFocus()):
            for spin, value in ((v.dots_spin, r.dots_per_voter), (v.limit_spin, r.max_per_goal)):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        v.close_button.setVisible(r.is_open)
        can_reopen = (
            not r.is_open
            and ws.rounds
            and ws.rounds[-1] is r
            and not any(o.is_open for o in ws.rounds)
        )
        v.reopen_button.setVisible(bool(can_reopen) and not r.revealed)
        v.hide_button.setVisible(not r.is_open and r.revealed)
        v.discard_button.setVisible(r.is_open)
        # Once the results are out, the chart's header says what the facts panel would.
        v.facts_frame.setVisible(r.is_open or not r.revealed)

        if r.is_open and secret:
            voted, total = len(r.voted()), len(r.voter_ids)
            v.progress.setText(f"{voted} of {total} have voted")
            v.progress_bar.set_counts(voted, total)
            v.status_hint.setText(
                "Hand the laptop to the first voter. Each person sees a clean ballot; "
                "this screen only ever shows who has voted, never how."
                if voted == 0
                else "Everyone has voted. Close voting to freeze the ballots, then reveal."
                if voted == total
                else "Each person sees a clean ballot; this screen only ever shows who has "
                "voted, never how. Anyone may vote again until voting closes."
            )
            pending = voting.voters_pending(r)
            names = {p.id: p.name for p in ws.participants}
            v.next_button.setText(
                f"Next voter: {names.get(pending[0], '')} ›" if pending else "Start the ballot ›"
            )
            v.next_button.setEnabled(bool(pending))
            v.body.setCurrentWidget(v.status_page)
        elif r.is_open:
            counted = sum(r.tallies.values())
            v.tally_total.setText(f"{dots_text(counted)} counted so far")
            v.body.setCurrentWidget(v.tally_page)
        elif not r.revealed:
            cast = voting.dots_cast(r)
            if secret:
                v.hidden_text.setText(
                    f"{_ballots(len(r.ballots))} with {dots_text(cast)} are in. Reveal them when "
                    "the room is ready: everyone sees the ranking at the same moment."
                )
            else:
                v.hidden_text.setText(
                    f"{dots_text(cast)} counted. Reveal the ranking when the room is ready."
                )
            v.body.setCurrentWidget(v.hidden_page)
        else:
            v.results_heading.setText(
                f"Results of the run-off, round {r.number}"
                if r.is_runoff
                else f"Results of round {r.number}"
            )
            cast = voting.dots_cast(r)
            summary = dots_text(cast)
            if secret:
                summary = f"{_ballots(len(r.ballots))} · {summary}"
            v.results_summary.setText(summary)
            v.results_summary.setToolTip(
                f"{r.mode.label}: {dots_text(r.dots_per_voter)} per voter, "
                f"at most {r.max_per_goal} on one goal"
            )
            v.body.setCurrentWidget(v.results_page)
        self._show_outcome(ws, r)

    def _show_outcome(self, ws: Workshop, r: VotingRound) -> None:
        v = self.round_view
        shown = not r.is_open and r.revealed
        deciding = shown and self._decision_round == r.id
        if not shown:
            self._decision_round = None
        groups = voting.runoff_goals(r) if shown else []
        present = {g.id for g in ws.goals}
        groups = [[g for g in group if g in present] for group in groups]
        groups = [g for g in groups if len(g) > 1]
        while len(v.tie_boxes) < len(groups):
            box = TieBox()
            box.sig_runoff_requested.connect(self.start_runoff)
            box.sig_decision_requested.connect(self.start_decision)
            box.sig_show_round.connect(self.show_round)
            v.ties_box.addWidget(box)
            v.tie_boxes.append(box)
        for i, box in enumerate(v.tie_boxes):
            if i < len(groups):
                box.show_tie(ws, r, groups[i])
            box.setVisible(i < len(groups))
        v.ties_heading.setText("Ties" if len(groups) != 1 else "A tie")
        v.ties_frame.setVisible(bool(groups) and not deciding)
        v.decision_frame.setVisible(deciding)
        v.final_frame.setVisible(shown)
        main = voting.main_round(ws)
        if r.is_runoff:
            note = "This run-off orders the goals that tied in an earlier round."
        elif main is r:
            note = "The charter lists the priorities in this order."
        elif main is not None:
            note = f"A later vote (round {main.number}) sets the charter's priorities."
        else:
            note = ""
        v.final_heading.setText("Order of this run-off" if r.is_runoff else "Priorities")
        v.final_note.setText(note)

    def _update_buttons(self) -> None:
        ws = None if self.session is None else self.session.workshop
        open_round_ = ws is not None and any(r.is_open for r in ws.rounds)
        self.new_button.setEnabled(ws is not None and not open_round_ and bool(ws.goals))
        self.new_button.setToolTip("Close the open round first." if open_round_ else "")
        self.new_button.setVisible(self.face is not Face.SETUP and bool(ws and ws.rounds))
        v = self.round_view
        v.vote_as_button.setEnabled(v.voters_list.currentIndex().isValid())
        r = self.current_round()
        changed = r is not None and (v.dots_spin.value(), v.limit_spin.value()) != (
            r.dots_per_voter,
            r.max_per_goal,
        )
        v.apply_budget_button.setEnabled(changed)
        v.limit_spin.setMaximum(v.dots_spin.value())

    # -- set-up ----------------------------------------------------------------

    def _prepare_plain_setup(self, *, can_cancel: bool) -> None:
        self.setup.prepare(can_cancel=can_cancel)

    def start_setup(self) -> None:
        """Set up a new vote on the goals (the New vote button)."""
        if self.session is None:
            return
        self._setting_up = True
        self._prepare_plain_setup(can_cancel=True)
        self.refresh()
        self.focus_first()

    def start_runoff(self, goal_ids: list[str]) -> None:
        """Set up a run-off among tied goals of the round shown."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        voters = r.voter_ids if r.mode is VotingMode.SECRET else None
        self._setting_up = True
        self.setup.prepare(runoff_of=r.id, goal_ids=goal_ids, voter_ids=voters, mode=r.mode)
        self.refresh()
        self.focus_first()

    def cancel_setup(self) -> None:
        self._setting_up = False
        self.refresh()
        self.focus_first()

    def open_vote(self) -> None:
        """Open a round with the set-up's settings (one undo step)."""
        if self.session is None:
            return
        settings = self.setup.settings()
        opened = open_round(self.session, **settings)  # type: ignore[arg-type]
        if opened is None:
            return
        self._setting_up = False
        self.round_id = opened.id
        self.refresh()
        self.focus_first()

    # -- the facilitator's controls -------------------------------------------

    def close_vote(self) -> None:
        r = self.current_round()
        if self.session is not None and r is not None and close_round(self.session, r.id):
            self.focus_first()

    def reopen_vote(self) -> None:
        r = self.current_round()
        if self.session is not None and r is not None:
            reopen_round(self.session, r.id)

    def reveal(self, revealed: bool) -> None:
        r = self.current_round()
        if (
            self.session is not None
            and r is not None
            and set_revealed(self.session, r.id, revealed)
        ):
            self.focus_first()

    def discard(self) -> None:
        """Discard the open round, asking first if anything was cast in it."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        cast = len(r.ballots) if r.mode is VotingMode.SECRET else sum(r.tallies.values())
        if cast:
            what = _ballots(cast) if r.mode is VotingMode.SECRET else f"{dots_text(cast)} counted"
            answer = QMessageBox.question(
                self,
                "Discard round?",
                f"Discard round {r.number} and the {what} in it? Undo brings everything back.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        discard_round(self.session, r.id)

    def _budget_edited(self) -> None:
        self._update_buttons()

    def apply_budget(self) -> None:
        """Change the open round's budget; asks before reopening ballots that would not fit."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        v = self.round_view
        dots, most = v.dots_spin.value(), min(v.limit_spin.value(), v.dots_spin.value())
        misfits = editing.over_budget(r, dots, most)
        reopen = False
        if misfits:
            n = len(misfits)
            answer = QMessageBox.question(
                self,
                "Reopen ballots?",
                f"{_ballots(n)} already cast {'places' if n == 1 else 'place'} more dots than "
                f"{dots_text(dots)} with at most {most} on one goal.\n\n"
                "Nothing is ever trimmed: "
                f"{'that person votes' if n == 1 else 'those people vote'} "
                "again with the new budget. Reopen "
                f"{'that ballot' if n == 1 else 'those ballots'}?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.refresh_budget(r)
                return
            reopen = True
        if not change_budget(self.session, r.id, dots, most, reopen=reopen):
            self.refresh_budget(r)

    def refresh_budget(self, r: VotingRound) -> None:
        """Show the round's budget again, dropping what was typed."""
        v = self.round_view
        for spin, value in ((v.dots_spin, r.dots_per_voter), (v.limit_spin, r.max_per_goal)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._update_buttons()

    # -- the sponsor's decision -------------------------------------------------

    def start_decision(self, goal_ids: list[str]) -> None:
        """Let the facilitator put tied goals in the sponsor's order."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        goals = {g.id: g for g in self.session.workshop.goals}
        chosen: list[Goal] = [goals[g] for g in goal_ids if g in goals]
        if all(g.id in r.decision for g in chosen):
            chosen.sort(key=lambda g: r.decision.index(g.id))
        self.decision_model.set_goals(chosen)
        v = self.round_view
        v.note_edit.setPlainText(r.decision_note)
        self._decision_round = r.id
        self.refresh()
        v.decision_list.setFocus(Qt.FocusReason.OtherFocusReason)
        v.decision_list.setCurrentIndex(self.decision_model.index(0, 0))

    def _move_decision(self, step: int) -> None:
        v = self.round_view
        row = v.decision_list.currentIndex().row()
        if row < 0:
            return
        if self.decision_model.move(row, row + step):
            v.decision_list.setCurrentIndex(self.decision_model.index(row + step, 0))

    def record_sponsor_order(self) -> None:
        r = self.current_round()
        if self.session is None or r is None:
            return
        note = self.round_view.note_edit.toPlainText()
        if record_decision(self.session, r.id, self.decision_model.order(), note):
            self._decision_round = None
            self.refresh()

    def cancel_decision(self) -> None:
        self._decision_round = None
        self.refresh()

    # -- voters at the laptop ---------------------------------------------------

    def hand_over(self) -> None:
        """Show the pass card for the next voter in line (the facilitator hands the laptop over)."""
        r = self.current_round()
        if self.session is None or r is None or not r.is_open or r.mode is not VotingMode.SECRET:
            return
        self._enter_voter_faces()
        self._show_pass_card(after_vote=False)

    def _vote_as_selected(self) -> None:
        index = self.round_view.voters_list.currentIndex()
        if index.isValid():
            self.start_ballot(str(index.data(ID_ROLE)))

    def start_ballot(self, voter_id: str) -> None:
        """A clean ballot for ``voter_id`` on the open round."""
        r = self.current_round()
        if self.session is None or r is None or not r.is_open or r.mode is not VotingMode.SECRET:
            return
        names = {p.id: p.name for p in self.session.workshop.participants}
        if voter_id not in r.voter_ids or voter_id not in names:
            return
        self._enter_voter_faces()
        self._voter_id = voter_id
        self.ballot_screen.start(r, names[voter_id], voted_before=voter_id in r.ballots)
        self._show_face(Face.BALLOT)
        self.ballot_screen.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_vote(self) -> None:
        """Save the ballot on screen (not an undo step), then show the pass card."""
        r = self.current_round()
        if self.session is None or r is None or self._voter_id is None:
            return
        screen = self.ballot_screen
        if self.ballot_model.remaining() > 0 and not screen.warned:
            screen.warn_unplaced()
            return
        refused = confirm_ballot(self.session, r.id, self._voter_id, self.ballot_model.ballot())
        if refused:
            screen.show_message(refused)
            return
        self._voter_id = None
        # Clear the draft before anything else is drawn: the next person must not see it.
        self.ballot_model.start(r.id)
        self._show_pass_card(after_vote=True)

    def cancel_ballot(self) -> None:
        """Leave the ballot without saving it."""
        self._voter_id = None
        r = self.current_round()
        if r is not None:
            self.ballot_model.start(r.id)
        self._show_pass_card(after_vote=False)

    def end_ballots(self) -> None:
        """Back to the facilitator's view of the round."""
        self._leave_voter_faces()
        self.refresh()
        self.focus_first()

    def _show_pass_card(self, *, after_vote: bool) -> None:
        r = self.current_round()
        if self.session is None or r is None:
            return
        self.pass_card.show_state(self.session.workshop, r, after_vote=after_vote)
        self._show_face(Face.PASS)
        if after_vote and self.PASS_CARD_DELAY_MS > 0:
            self.pass_card.set_ready(False)
            self._ready_timer.start(self.PASS_CARD_DELAY_MS)
        else:
            self.pass_card.set_ready(True)

    def _enter_voter_faces(self) -> None:
        if self.ballot_in_progress() or self.session is None:
            return
        stack = self.session.undo_stack
        self._undo_was_active = stack.isActive()
        # No undo or redo while voters have the laptop: a voter's secret must never be
        # undone by the next person's Ctrl+Z, nor any of the facilitator's steps.
        stack.setActive(False)

    def _leave_voter_faces(self) -> None:
        self._ready_timer.stop()
        self._voter_id = None
        r = self.current_round()
        self.ballot_model.start(r.id if r is not None else "")
        if self.session is not None and self._undo_was_active:
            self.session.undo_stack.setActive(True)
        self._show_face(Face.ROUND)


__all__ = [
    "BallotScreen",
    "Face",
    "PassCard",
    "PrioritiesPage",
    "RoundSetup",
    "RoundView",
    "TieBox",
]
