"""Set up: the workshop's details, the people in the room, and the functions at the table.

Everything here is edited in place and saved as the facilitator goes: a
details field when editing finishes, a table cell when its editor closes, a
function when it is ticked, renamed, recoloured or dragged. Each change is
one undo step.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDropEvent,
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
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.editing import Removal
from ...domain.model import Step
from ...forms.workshop_details import Ui_WorkshopDetailsForm
from ..models.base import Index
from ..models.people import (
    NO_FUNCTION,
    SUBTITLE_ROLE,
    FunctionsModel,
    ParticipantsModel,
    quoted,
)
from ..session import Session
from .base import StepPage

_DETAIL_TEXTS = {
    # field: (undo text when set, undo text when cleared)
    "title": ("Rename the workshop to {}", "Clear the workshop title"),
    "organisation": ("Set organisation to {}", "Clear organisation"),
    "facilitator": ("Set facilitator to {}", "Clear facilitator"),
    "sponsor_name": ("Set sponsor to {}", "Clear sponsor"),
    "sponsor_title": ("Set sponsor's title to {}", "Clear sponsor's title"),
}

NO_DATE = QDate(1900, 1, 1)
"""The date edit's lowest value, shown as "No date set" while the workshop has none."""


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def swatch_icon(colour: str, size: int = 16) -> QIcon:
    """A small square of ``colour`` with a thin dark edge, so pale colours still show."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def consequences(removal: Removal) -> list[str]:
    """What else a removal takes, in words; a person's ballot counts even with no dots on it."""
    phrases = removal.consequences()
    person = removal.removed.id if removal.kind == "participant" else None
    if not removal.dots and any(person in r.ballots for r in removal.rounds_before):
        phrases.append("their cast ballot")
    return phrases


def consequence_sentence(name: str, removal: Removal) -> str:
    """'Removing HR also means: 3 participants losing their function, 2 assignments.'"""
    return f"Removing {name} also means: {', '.join(consequences(removal))}."


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout of its content.

    At the usual zoom everything fits and nothing scrolls; zoomed far in for a
    projector, the page scrolls instead of squeezing its lists to nothing.
    """
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Tab goes to the inputs inside, never to the scrolling frame itself.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    content = QWidget()
    # The page's background shows through, in every theme.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    body = QVBoxLayout(content)
    body.setContentsMargins(32, 24, 32, 24)
    body.setSpacing(8)
    return body


def panel(title: str, hint: str) -> tuple[QFrame, QVBoxLayout]:
    """A bordered panel with a subheading and a hint; returns it and its layout."""
    frame = QFrame()
    frame.setProperty("cxRole", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 18, 20, 20)
    layout.setSpacing(10)
    heading = QLabel(title)
    heading.setProperty("cxRole", "subheading")
    layout.addWidget(heading)
    if hint:
        note = QLabel(hint)
        note.setProperty("cxRole", "hint")
        note.setWordWrap(True)
        layout.addWidget(note)
    return frame, layout


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


class LargeCheckStyle(QProxyStyle):
    """Draws a check box's indicator as :func:`paint_check_box`, sized to the widget's font."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight):
            font = widget.font() if widget is not None else QApplication.font()
            return QFontMetrics(font).height()
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            rect, palette = option.rect, option.palette
            side = min(rect.width(), rect.height())
            box = QRect(rect.left(), rect.center().y() - side // 2, side, side)
            paint_check_box(
                painter,
                box,
                bool(option.state & QStyle.StateFlag.State_On),
                palette.color(QPalette.ColorRole.Base),
                palette.color(QPalette.ColorRole.Text),
            )
            return
        super().drawPrimitive(element, option, painter, widget)


class ErrorLine(QLabel):
    """One line saying why the last change was refused; the next saved change clears it.

    Its space is kept while it is empty, so the page does not jump when it shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.setWordWrap(True)
        # The theme maps BrightText to its error colour.
        self.setForegroundRole(QPalette.ColorRole.BrightText)
        self.setAccessibleName("Problem with the last change")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def follow(self, session: Session | None) -> None:
        """Show ``session``'s refusals from now on."""
        if self._session is not None:
            self._session.sig_error.disconnect(self.show_message)
            self._session.sig_saved.disconnect(self.clear_message)
        self._session = session
        self.clear_message()
        if session is not None:
            session.sig_error.connect(self.show_message)
            session.sig_saved.connect(self.clear_message)

    def show_message(self, message: str) -> None:
        self.setText(f"⚠  {message}")
        self.show()

    def clear_message(self) -> None:
        self.setText(" ")
        self.hide()


# ----------------------------------------------------------------- delegates


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

    PAD_V = 7
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
            box = line
            check = QRect(left, middle - box // 2, box, box)
            left += box + self.GAP
        if isinstance(index.data(Qt.ItemDataRole.DecorationRole), QColor):
            size = round(line * 0.8)
            swatch = QRect(left, middle - size // 2, size, size)
            left += size + self.GAP
        tag_text = str(index.data(self.tag_role) or "")
        tag_h = 0
        if tag_text:
            tag_metrics = QFontMetrics(self.tag_font(option.font))
            tag_w = tag_metrics.horizontalAdvance(tag_text) + 20
            tag_h = tag_metrics.height() + 6
            tag = QRect(right - tag_w + 1, middle - tag_h // 2, tag_w, tag_h)
            right = tag.left() - self.GAP
        width = max(40, right - left + 1)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        text_h = max(line, metrics.boundingRect(0, 0, width, 10**6, flags, text).height())
        height = max(text_h, tag_h) + 2 * self.PAD_V
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
            paint_check_box(
                painter, row.check, checked, palette.color(QPalette.ColorRole.Base), text_colour
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

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        row = self.geometry(option, index)
        height = editor.sizeHint().height()
        line_middle = row.text.top() + QFontMetrics(option.font).height() // 2
        editor.setGeometry(
            row.text.left() - 6, line_middle - height // 2, row.text.width() + 6, height
        )


class ParticipantDelegate(QStyledItemDelegate):
    """Cells of the people table: text editors, and a list of functions for Function."""

    INDENT = 6

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> QWidget:
        if index.column() == ParticipantsModel.FUNCTION:
            combo = QComboBox(parent)
            combo.setAccessibleName("Function")
            combo.addItem(NO_FUNCTION, None)
            ws = self._model.workshop
            for f in ws.functions if ws else []:
                combo.addItem(swatch_icon(f.colour), f.name, f.id)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(ParticipantsModel.columns[index.column()])
        if isinstance(editor, QLineEdit) and self._model.is_new_row(index):
            editor.setPlaceholderText("Name of the next person")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = editor.findData(value) if value else 0
            editor.setCurrentIndex(max(0, found))
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        # Indent the text to line up with the header's padding; the whole cell still
        # shows the selection.
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        inset = QStyleOptionViewItem(option)
        inset.rect = option.rect.adjusted(self.INDENT, 0, -2, 0)
        super().paint(painter, inset, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | Index) -> QSize:
        # Measured at the inset width the text is painted at, and tall enough for
        # an open editor, so typing never clips the text.
        inset = QStyleOptionViewItem(option)
        inset.rect = option.rect.adjusted(self.INDENT, 0, -2, 0)
        base = super().sizeHint(inset, index)
        return QSize(base.width() + 16, max(base.height() + 10, option.fontMetrics.height() + 16))


# ----------------------------------------------------------------- views


class ParticipantsTable(QTableView):
    """The people table, built for typing a whole list from the keyboard.

    Name, Tab, function, Tab, role title, Enter: the next person's name. Enter
    on a cell that is not being edited starts editing it; Delete removes.
    """

    sig_remove_requested = Signal()
    """Delete (or Backspace) was pressed on a person while no cell was being edited."""

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._added_person = False
        self.setModel(model)
        self.setItemDelegate(ParticipantDelegate(model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab leaves the table unless a cell is being edited, so the page's tab
        # order still reaches the buttons; while typing, Tab goes cell to cell.
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        # Long names and titles wrap onto a second line rather than being cut short.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Fixed shares of the width: columns do not jump about as people are typed in.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def edit_name(self, row: int) -> None:
        """Make ``row``'s Name cell current and open it for typing."""
        index = self._model.index(row, ParticipantsModel.NAME)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)

    def commitData(self, editor: QWidget) -> None:
        index = self.currentIndex()
        on_new_name = self._model.is_new_row(index) and index.column() == ParticipantsModel.NAME
        super().commitData(editor)
        # The new row becomes the person just added (same row, same current cell).
        self._added_person = on_new_name and not self._model.is_new_row(self.currentIndex())

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index = self.currentIndex()
        added, self._added_person = self._added_person, False
        last_column = index.column() == ParticipantsModel.ROLE_TITLE
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and (added or last_column):
            # Enter: on to the next person's name, ready to type.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.edit_name(index.row() + 1)
            return
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self._model.is_new_row(index):
            # Tab on an empty new row: the list is done, move on to the buttons.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.focusNextChild()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        key = event.key()
        if (
            not editing
            and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(index)
            event.accept()
            return
        if (
            not editing
            and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self._model.participant_at(index) is not None
        ):
            self.sig_remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FunctionsList(QListView):
    """The functions, one per row, reordered by dragging or with Ctrl+Up / Ctrl+Down."""

    sig_move_requested = Signal(int)
    """Move the current function by this many places (-1: up, +1: down)."""

    sig_remove_requested = Signal()
    """Delete (or Backspace) was pressed on a function."""

    def __init__(self, model: FunctionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegate(ChecklistDelegate(SUBTITLE_ROLE, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(18, 18))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap to the width they get, so there is never anything to the side.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Row heights depend on the font; lay the rows out again.
            self.scheduleDelayedItemsLayout()

    def current_function_id(self) -> str | None:
        f = self._model.function_at(self.currentIndex())
        return None if f is None else f.id

    def select_function(self, function_id: str | None) -> None:
        row = self._model.row_of(function_id) if function_id else -1
        if row >= 0:
            index = self._model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.current_function_id()
        super().dropEvent(event)
        # The move re-inserts the row; keep the dragged function selected.
        self.select_function(moving)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not editing and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.sig_move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.sig_remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


# ----------------------------------------------------------------- the page


class SetupPage(StepPage):
    """The first step: workshop details, the people in the room, the functions at the table."""

    step = Step.SETUP

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing_date = False
        self.participants_model = ParticipantsModel(self)
        self.functions_model = FunctionsModel(self)

        heading = QLabel("Set up the workshop")
        heading.setProperty("cxRole", "heading")
        intro = QLabel(
            "Who is in the room, which functions sit at the table, and who sponsors the work. "
            "Everything is saved as you type, and every change can be undone."
        )
        intro.setProperty("cxRole", "muted")
        intro.setWordWrap(True)
        self.error_line = ErrorLine()

        details_panel = self._build_details()
        people_panel = self._build_people()
        functions_panel = self._build_functions()

        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(people_panel, 3)
        columns.addWidget(functions_panel, 2)

        layout = scrolling_body(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.error_line)
        layout.addWidget(details_panel)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)
        self._set_tab_order()
        self.refresh()

    # -- building --------------------------------------------------------------

    def _build_details(self) -> QFrame:
        frame, layout = panel(
            "Workshop details",
            "The sponsor is the senior leader who answers for customer experience across "
            "the organisation; the charter is addressed to them.",
        )
        self.details = QWidget()
        self.form = Ui_WorkshopDetailsForm()
        self.form.setupUi(self.details)
        self._line_edits: dict[str, QLineEdit] = {
            "title": self.form.titleEdit,
            "organisation": self.form.organisationEdit,
            "facilitator": self.form.facilitatorEdit,
            "sponsor_name": self.form.sponsorNameEdit,
            "sponsor_title": self.form.sponsorTitleEdit,
        }
        for field, edit in self._line_edits.items():
            edit.editingFinished.connect(lambda field=field: self._commit_detail(field))
        self.form.dateEdit.setMinimumDate(NO_DATE)
        self.form.dateEdit.editingFinished.connect(self._commit_date_edit)
        calendar = self.form.dateEdit.calendarWidget()
        calendar.clicked.connect(self._commit_date_edit)
        calendar.activated.connect(self._commit_date_edit)
        self.form.hasDateCheck.toggled.connect(self._on_has_date_toggled)
        self._check_style = LargeCheckStyle()
        self._check_style.setParent(self)
        self.form.hasDateCheck.setStyle(self._check_style)
        layout.addSpacing(6)
        layout.addWidget(self.details)
        return frame

    def _build_people(self) -> QFrame:
        frame, layout = panel(
            "People in the room",
            "Type a name in the last row. Tab moves on to function and role title; "
            "Enter starts the next person.",
        )
        self.people_count = QLabel()
        self.people_count.setProperty("cxRole", "muted")
        self.participants_view = ParticipantsTable(self.participants_model)
        self.participants_view.setAccessibleName("People in the room")
        self.participants_view.sig_remove_requested.connect(self.remove_selected_participant)
        self.participants_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.add_person_button = QPushButton("Add person")
        self.add_person_button.setAccessibleName("Add person")
        self.add_person_button.clicked.connect(self.add_person)
        self.remove_person_button = QPushButton("Remove")
        self.remove_person_button.setAccessibleName("Remove person")
        self.remove_person_button.clicked.connect(self.remove_selected_participant)
        buttons = QHBoxLayout()
        buttons.addWidget(self.people_count)
        buttons.addStretch(1)
        buttons.addWidget(self.add_person_button)
        buttons.addWidget(self.remove_person_button)
        layout.addWidget(self.participants_view, 1)
        layout.addLayout(buttons)
        return frame

    def _build_functions(self) -> QFrame:
        frame, layout = panel(
            "Functions at the table",
            "Tick the functions that serve customers directly. "
            "Drag, or press Ctrl+↑ / Ctrl+↓, to reorder.",
        )
        self.functions_view = FunctionsList(self.functions_model)
        self.functions_view.setAccessibleName("Functions at the table")
        self.functions_view.sig_move_requested.connect(self.move_selected_function)
        self.functions_view.sig_remove_requested.connect(self.remove_selected_function)
        self.functions_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.function_entry = QLineEdit()
        self.function_entry.setPlaceholderText("Add a function…")
        self.function_entry.setAccessibleName("New function's name")
        self.function_entry.returnPressed.connect(self.add_function)
        self.add_function_button = QPushButton("Add")
        self.add_function_button.setAccessibleName("Add function")
        self.add_function_button.clicked.connect(self.add_function)
        self.colour_button = QPushButton("Colour…")
        self.colour_button.setAccessibleName("Choose the function's colour")
        self.colour_button.clicked.connect(self.choose_colour)
        self.remove_function_button = QPushButton("Remove")
        self.remove_function_button.setAccessibleName("Remove function")
        self.remove_function_button.clicked.connect(self.remove_selected_function)
        buttons = QHBoxLayout()
        buttons.addWidget(self.function_entry, 1)
        buttons.addWidget(self.add_function_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.colour_button)
        buttons.addWidget(self.remove_function_button)
        layout.addWidget(self.functions_view, 1)
        layout.addLayout(buttons)
        return frame

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.form.titleEdit,
            self.form.organisationEdit,
            self.form.hasDateCheck,
            self.form.dateEdit,
            self.form.facilitatorEdit,
            self.form.sponsorNameEdit,
            self.form.sponsorTitleEdit,
            self.participants_view,
            self.add_person_button,
            self.remove_person_button,
            self.functions_view,
            self.function_entry,
            self.add_function_button,
            self.colour_button,
            self.remove_function_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- following the session ---------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.error_line.follow(session)
        # Models first, so they have caught up by the time refresh() reads them.
        self.participants_model.set_session(session)
        self.functions_model.set_session(session)
        for edit in self._line_edits.values():
            edit.setModified(False)
        super().set_session(session)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        for field, edit in self._line_edits.items():
            value = "" if ws is None else str(getattr(ws, field))
            # Never overwrite what someone is in the middle of typing.
            if not edit.isModified() and edit.text() != value:
                edit.setText(value)
        date_edit = self.form.dateEdit
        shown = None if ws is None else ws.date
        typing_date = date_edit.hasFocus() and date_edit.date() != self._qdate(shown)
        if not typing_date:
            self._show_date(shown)
        n = 0 if ws is None else len(ws.participants)
        self.people_count.setText(f"{n} {'person' if n == 1 else 'people'}")
        self._update_buttons()

    def focus_first(self) -> None:
        ws = None if self.session is None else self.session.workshop
        if ws is not None and not ws.participants:
            self.participants_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.participants_view.setCurrentIndex(
                self.participants_model.index(self.participants_model.new_row(), 0)
            )
        else:
            self.form.titleEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        person = self.participants_model.participant_at(self.participants_view.currentIndex())
        self.remove_person_button.setEnabled(person is not None)
        has_function = self.functions_view.current_function_id() is not None
        self.colour_button.setEnabled(has_function)
        self.remove_function_button.setEnabled(has_function)

    # -- details -----------------------------------------------------------------

    def _commit_detail(self, field: str) -> None:
        edit = self._line_edits[field]
        if self.session is None:
            return
        ws = self.session.workshop
        value = edit.text()
        if value.strip() != getattr(ws, field):
            set_text, clear_text = _DETAIL_TEXTS[field]
            text = set_text.format(quoted(value)) if value.strip() else clear_text
            store, wid = self.session.store, self.session.workshop_id
            self.session.edit(
                text,
                lambda: store.update_details(wid, **{field: value}),
                lambda previous: store.update_details(wid, **previous),
            )
        # Saved or refused, the field now shows what is stored.
        edit.setText(str(getattr(self.session.workshop, field)))
        edit.setModified(False)

    @staticmethod
    def _qdate(date: dt.date | None) -> QDate:
        return NO_DATE if date is None else QDate(date.year, date.month, date.day)

    def _show_date(self, date: dt.date | None) -> None:
        self._showing_date = True
        try:
            self.form.hasDateCheck.setChecked(date is not None)
            self.form.dateEdit.setEnabled(date is not None)
            self.form.dateEdit.setDate(self._qdate(date))
        finally:
            self._showing_date = False

    def _on_has_date_toggled(self, checked: bool) -> None:
        if self._showing_date:
            return
        self._commit_date(dt.date.today() if checked else None)
        if checked:
            self.form.dateEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit_date_edit(self) -> None:
        if self._showing_date or not self.form.hasDateCheck.isChecked():
            return
        chosen = self.form.dateEdit.date()
        if chosen == NO_DATE:
            return
        self._commit_date(dt.date(chosen.year(), chosen.month(), chosen.day()))

    def _commit_date(self, date: dt.date | None) -> None:
        if self.session is None:
            return
        if date != self.session.workshop.date:
            text = f"Set workshop date to {long_date(date)}" if date else "Clear workshop date"
            store, wid = self.session.store, self.session.workshop_id
            self.session.edit(
                text,
                lambda: store.update_details(wid, date=date),
                lambda previous: store.update_details(wid, **previous),
            )
        self._show_date(self.session.workshop.date)

    # -- people ------------------------------------------------------------------

    def add_person(self) -> None:
        """Open the new-person row's name for typing."""
        self.participants_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.participants_view.edit_name(self.participants_model.new_row())

    def remove_selected_participant(self) -> None:
        """Remove the current person, asking first if assignments or ballots go with them."""
        person = self.participants_model.participant_at(self.participants_view.currentIndex())
        if person is None:
            return
        removal = self.participants_model.removal_preview(person.id)
        if removal is not None and consequences(removal):
            answer = QMessageBox.question(
                self,
                f"Remove {person.name}?",
                f"{consequence_sentence(person.name, removal)}\n\nYou can undo this.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.participants_model.remove_participant(person.id)

    # -- functions ---------------------------------------------------------------

    def add_function(self) -> None:
        """Add the function named in the entry (or go to the entry if it is empty)."""
        name = self.function_entry.text()
        if not name.strip():
            self.function_entry.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        added = self.functions_model.add_function(name)
        if added is not None:
            # Clear only on success, so a refused name can be corrected.
            self.function_entry.clear()
            self.functions_view.select_function(added.id)

    def move_selected_function(self, step: int) -> None:
        """Move the current function ``step`` places (one undo step)."""
        function_id = self.functions_view.current_function_id()
        if function_id is not None and self.functions_model.move_by(function_id, step):
            self.functions_view.select_function(function_id)

    def choose_colour(self) -> None:
        """Let the facilitator pick the current function's colour."""
        f = self.functions_model.function_at(self.functions_view.currentIndex())
        if f is None:
            return
        colour = QColorDialog.getColor(QColor(f.colour), self, f"Colour for {f.name}")
        if colour.isValid():
            self.functions_model.update_function(
                f.id, colour=colour.name(QColor.NameFormat.HexRgb).upper()
            )

    def remove_selected_function(self) -> None:
        """Remove the current function, asking first if people or assignments depend on it."""
        f = self.functions_model.function_at(self.functions_view.currentIndex())
        if f is None:
            return
        removal = self.functions_model.removal_preview(f.id)
        if removal is not None and consequences(removal):
            answer = QMessageBox.question(
                self,
                f"Remove {f.name}?",
                f"{consequence_sentence(f.name, removal)}\n\nYou can undo this.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.functions_model.remove_function(f.id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._follow_font()

    def _follow_font(self) -> None:
        """Sizes that depend on the zoomed font."""
        self.participants_view.resizeRowsToContents()
        metrics = QFontMetrics(self.font())
        self.function_entry.setMinimumWidth(metrics.horizontalAdvance("Add a function…") + 24)
        # Enough rows to work with before the page itself starts to scroll.
        rows = 5 * (metrics.height() + 16)
        self.participants_view.setMinimumHeight(rows)
        self.functions_view.setMinimumHeight(rows)
