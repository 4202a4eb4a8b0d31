"""The RACI matrix: goals down the side, functions then people across, a letter per cell.

The headers are the table's own header views, so the goal titles and the
names stay put while the grid scrolls. Names run upwards to keep columns
narrow enough for a whole team to fit on a projector. A cell takes a role by
its letter (A, R, C, I), loses it with Delete, Backspace or Space, and moves
to the next role on a click.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ...domain.model import Pillar, Role
from ..models.accountability.assignees import NO_FUNCTION_COLOUR, AssigneeInfo, item_data
from ..models.accountability.matrix import RaciMatrixModel
from ..models.base import Index
from ..roles import ASSIGNEE_ROLE, COLOUR_ROLE, GOAL_ROLE, KIND_ROLE, PILLAR_ROLE
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS
from .goal_card import app_palette, blend
from .keys import modifiers
from .raci import paint_mark, paint_role_badge, paint_role_label, scaled
from .raci_board import ROLE_KEYS

MATRIX_KEYS_TEXT = (
    "Type A, R, C or I to give the role; Delete or Space clears it; "
    "a click moves a cell to the next role (R, C, I, A, none)."
)

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space)


def _ends_functions(model: QAbstractItemModel | None, column: int) -> bool:
    """Whether ``column`` is the last function's, with people after it: a heavier line follows."""
    if not isinstance(model, RaciMatrixModel):
        return False
    functions = model.function_count()
    return 0 < functions < model.columnCount() and column == functions - 1


def _starts_pillar(model: QAbstractItemModel, row: int) -> bool:
    """Whether ``row`` is a pillar's first goal after another pillar's: a heavier line above."""
    pillar = model.headerData(row, Qt.Orientation.Vertical, PILLAR_ROLE)
    return row > 0 and model.headerData(row - 1, Qt.Orientation.Vertical, PILLAR_ROLE) is not pillar


def _heavy_pen() -> QPen:
    """The line between functions and people, and between pillars."""
    return QPen(app_palette().color(QPalette.ColorRole.Text), 2.0)


class _MatrixHeader(QHeaderView):
    """A header of the matrix: fixed sections on a raised ground, the current one tinted."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(True)
        self.setSectionsClickable(True)

    def _on_current(self, section: int) -> bool:
        """Whether ``section`` holds the current cell (it is tinted and its text bold)."""
        current = self.selectionModel().currentIndex() if self.selectionModel() else QModelIndex()
        if not current.isValid():
            return False
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        return (current.column() if horizontal else current.row()) == section

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        if model is None or not rect.isValid():
            return
        palette = app_palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        on_current = self._on_current(section)
        raised = palette.color(QPalette.ColorRole.AlternateBase)
        fill = (
            blend(raised, palette.color(QPalette.ColorRole.Highlight), 0.18)
            if on_current
            else raised
        )
        painter.fillRect(rect, fill)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        self._paint_label(painter, rect, section, model, on_current)
        painter.restore()

    def _paint_label(
        self,
        painter: QPainter,
        rect: QRect,
        section: int,
        model: QAbstractItemModel,
        on_current: bool,
    ) -> None:
        """Draw what ``section`` shows over its ground (the painter is saved and restored)."""
        raise NotImplementedError


class AssigneeHeader(_MatrixHeader):
    """Names across the top, written upwards over each one's mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def sizeHint(self) -> QSize:
        # Measured in bold: the current column's name is drawn bold.
        fm = QFontMetricsF(scaled(self.font(), 1.0, bold=True))
        model = self.model()
        longest = 0.0
        if model is not None:
            for c in range(model.columnCount()):
                name = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                longest = max(longest, fm.horizontalAdvance(name))
        cap = fm.height() * 11
        height = min(longest, cap) + fm.height() * 2.4
        return QSize(super().sizeHint().width(), int(height))

    def _paint_label(
        self,
        painter: QPainter,
        rect: QRect,
        section: int,
        model: QAbstractItemModel,
        on_current: bool,
    ) -> None:
        selected = self.selectionModel() is not None and self.selectionModel().isColumnSelected(
            section, QModelIndex()
        )
        if _ends_functions(model, section):
            painter.setPen(_heavy_pen())
            painter.drawLine(rect.topRight(), rect.bottomRight())

        fm = QFontMetricsF(self.font())
        mark_size = fm.height() * 0.95
        mark = QRectF(
            rect.center().x() - mark_size / 2,
            rect.bottom() - mark_size - fm.height() * 0.4,
            mark_size,
            mark_size,
        )
        info = AssigneeInfo(
            model.headerData(section, Qt.Orientation.Horizontal, ASSIGNEE_ROLE),
            str(model.headerData(section, Qt.Orientation.Horizontal) or ""),
            str(
                model.headerData(section, Qt.Orientation.Horizontal, COLOUR_ROLE)
                or NO_FUNCTION_COLOUR
            ),
            "",
            None
            if str(model.headerData(section, Qt.Orientation.Horizontal, KIND_ROLE)) == "participant"
            else True,
        )
        if info.assignee is not None:
            paint_mark(painter, mark, info)
        # The name, written upwards from just above the mark.
        text = info.name
        space = mark.top() - rect.top() - fm.height() * 0.4
        font = scaled(self.font(), 1.0, bold=on_current or selected)
        painter.setFont(font)
        painter.setPen(app_palette().color(QPalette.ColorRole.Text))
        shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, space)
        painter.translate(rect.center().x(), mark.top() - fm.height() * 0.3)
        painter.rotate(-90)
        painter.drawText(
            QRectF(0, -fm.height() / 2, space, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            shown,
        )


class GoalHeader(_MatrixHeader):
    """Goal titles down the side, each after its pillar's symbol in the pillar's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        model = self.model()
        longest = 0.0
        if model is not None:
            for r in range(model.rowCount()):
                title = str(model.headerData(r, Qt.Orientation.Vertical) or "")
                longest = max(longest, fm.horizontalAdvance(title))
        width = min(longest, fm.height() * 15) + fm.height() * 2.6
        return QSize(int(width), super().sizeHint().height())

    def _paint_label(
        self,
        painter: QPainter,
        rect: QRect,
        section: int,
        model: QAbstractItemModel,
        on_current: bool,
    ) -> None:
        pillar = model.headerData(section, Qt.Orientation.Vertical, PILLAR_ROLE)
        fm = QFontMetricsF(self.font())
        pad = fm.height() * 0.5
        x = rect.left() + pad
        if isinstance(pillar, Pillar):
            if _starts_pillar(model, section):
                painter.setPen(_heavy_pen())
                painter.drawLine(rect.topLeft(), rect.topRight())
            painter.setPen(QColor(PILLAR_COLOURS[pillar]))
            painter.drawText(
                QRectF(x, rect.top(), fm.height() * 1.2, rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                PILLAR_SYMBOLS[pillar],
            )
            x += fm.height() * 1.4
        font = scaled(self.font(), 1.0, bold=on_current)
        painter.setFont(font)
        painter.setPen(app_palette().color(QPalette.ColorRole.Text))
        title = str(model.headerData(section, Qt.Orientation.Vertical) or "")
        width = rect.right() - pad - x
        painter.drawText(
            QRectF(x, rect.top(), width, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, width),
        )


class RoleCellDelegate(QStyledItemDelegate):
    """A cell: the role's letter in its coloured badge, or nothing."""

    def __init__(self, view: RaciMatrixView) -> None:
        super().__init__(view)
        self._view = view

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = self._view.currentIndex()
        in_line = current.isValid() and (
            current.row() == index.row() or current.column() == index.column()
        )
        fill = base
        if in_line:
            fill = blend(base, accent, 0.07)
        if selected:
            fill = blend(base, accent, 0.22)
        painter.fillRect(rect, fill)
        painter.setPen(QPen(border, 1.0))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        model = index.model()
        if _ends_functions(model, index.column()):
            painter.setPen(_heavy_pen())
            painter.drawLine(rect.topRight(), rect.bottomRight())
        if isinstance(model, RaciMatrixModel) and _starts_pillar(model, index.row()):
            painter.setPen(_heavy_pen())
            painter.drawLine(rect.topLeft(), rect.topRight())
        role = item_data(index, GOAL_ROLE)
        if isinstance(role, Role):
            radius = min(rect.width(), rect.height()) * 0.34
            paint_role_badge(painter, QPointF(rect.center()), radius, role)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(accent, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        side = int(QFontMetricsF(option.font).height() * 2.0)
        return QSize(side, side)


class RoleLegend(QWidget):
    """What the letters mean, in the matrix's empty top-left corner."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(
            "A: Accountable, answers for it. R: Responsible, does the work. "
            "C: Consulted, asked first. I: Informed, kept told."
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = app_palette()
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.drawLine(self.rect().bottomLeft(), self.rect().bottomRight())
        painter.drawLine(self.rect().topRight(), self.rect().bottomRight())
        fm = QFontMetricsF(self.font())
        line = fm.height() * 1.45
        radius = fm.height() * 0.5
        pad = fm.height() * 0.7
        small = scaled(self.font(), 0.85)
        top = self.height() - pad - line * len(_LEGEND)
        for n, (role, meaning) in enumerate(_LEGEND):
            y = top + n * line
            paint_role_label(painter, QPointF(pad, y), role, radius, fm.height() * 0.5, self.font())
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            x = (
                pad
                + 2 * radius
                + fm.height() * 0.5
                + QFontMetricsF(self.font()).horizontalAdvance("Accountable")
                + fm.height() * 0.6
            )
            painter.drawText(
                QRectF(x, y, self.width() - x - 4, 2 * radius + 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                meaning,
            )
        painter.end()


_LEGEND = (
    (Role.ACCOUNTABLE, "answers for it"),
    (Role.RESPONSIBLE, "does the work"),
    (Role.CONSULTED, "asked first"),
    (Role.INFORMED, "kept told"),
)


class RaciMatrixView(QTableView):
    """Goals × assignees, edited by letters, Delete and clicks; headers stay put."""

    def __init__(self, model: RaciMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed = QPersistentModelIndex()
        self.setObjectName("raci_matrix")
        self.setAccessibleName("RACI matrix")
        self.setAccessibleDescription(MATRIX_KEYS_TEXT)
        self.setToolTip(MATRIX_KEYS_TEXT)
        self.setHorizontalHeader(AssigneeHeader(self))
        self.setVerticalHeader(GoalHeader(self))
        self.setModel(model)
        self.setItemDelegate(RoleCellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(False)
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        model.columnsInserted.connect(self.fit)
        model.headerDataChanged.connect(self.fit)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.legend = RoleLegend(self)
        self.fit()

    @property
    def matrix(self) -> RaciMatrixModel:
        model = self.model()
        assert isinstance(model, RaciMatrixModel)
        return model

    def fit(self, *args: object) -> None:
        """Size cells and headers to the font: square cells, whole names where they fit."""
        fm = QFontMetricsF(self.font())
        side = int(fm.height() * 2.0)
        self.horizontalHeader().setDefaultSectionSize(side)
        self.horizontalHeader().setMinimumSectionSize(side)
        self.verticalHeader().setDefaultSectionSize(side)
        self.verticalHeader().setMinimumSectionSize(side)
        self.horizontalHeader().setFixedHeight(self.horizontalHeader().sizeHint().height())
        self.verticalHeader().setFixedWidth(self.verticalHeader().sizeHint().width())
        self._place_legend()

    def _place_legend(self) -> None:
        if not hasattr(self, "legend"):
            return
        frame = self.frameWidth()
        self.legend.setGeometry(
            frame,
            frame,
            self.verticalHeader().width(),
            self.horizontalHeader().height(),
        )
        self.legend.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            for header in (self.horizontalHeader(), self.verticalHeader()):
                header.setFont(self.font())
            self.fit()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # The current row and column are tinted, and their headers drawn bold.
        self.viewport().update()
        self.horizontalHeader().viewport().update()
        self.verticalHeader().viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = modifiers(event)
        index = self.currentIndex()
        if mods == Qt.KeyboardModifier.NoModifier and index.isValid():
            if key in ROLE_KEYS:
                self.matrix.setData(index, ROLE_KEYS[key].value)
                event.accept()
                return
            if key in _CLEAR_KEYS:
                self.matrix.setData(index, "")
                event.accept()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = QPersistentModelIndex(self.indexAt(event.position().toPoint()))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and self._pressed == index
        ):
            self.matrix.cycle(index)
        self._pressed = QPersistentModelIndex()
