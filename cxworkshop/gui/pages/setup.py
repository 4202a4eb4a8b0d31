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
    QResizeEvent,
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
    QLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...domain import language
from ...domain.editing import Removal
from ...domain.model import Step
from ...domain.wording import quoted
from ...forms.workshop_details import Ui_WorkshopDetailsForm
from ..models.base import Index
from ..models.people import NO_FUNCTION, FunctionsModel, ParticipantsModel
from ..ops import details
from ..ops import people as people_ops
from ..roles import SUBTITLE_ROLE
from ..session import Session
from ..theme import TITLE_SCALE
from ..widgets.agenda import AgendaPanel
from .base import StepPage

LONG_DATE = "d MMMM yyyy"
SHORT_DATE = "d MMM yyyy"

QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size: no maximum."""

NO_DATE = QDate(1900, 1, 1)
"""The date edit's lowest value, shown as "No date set" while the workshop has none."""


LANGUAGE_SEPARATOR = " — "
"""Between a tag and its name in the language list ("en-GB — English (United Kingdom)")."""


def typed_language(text: str) -> str:
    """The tag in what the language field holds: a list entry, or a tag typed in."""
    return text.split(LANGUAGE_SEPARATOR)[0].strip()


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


class FittingScrollArea(QScrollArea):
    """A scroll area whose content fills the view, and scrolls only below its minimum height.

    QScrollArea's own resizing takes wrapped text at its preferred height as the
    least the content needs, so the page scrolled while its lists could still
    have given up some rows. Here the content's lists shrink first.

    It fits the content when it is resized, and whenever the content's layout
    asks again (the zoom, a message, the details rearranged).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None
        # What has the keyboard stays in sight: a field reached by a click or a
        # shortcut, a table's editor opened by Enter on the next row down.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.fit()

    def _inside(self, widget: QWidget | None) -> bool:
        content = self.widget()
        return widget is not None and content is not None and content.isAncestorOf(widget)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if not self._inside(new):
            return
        assert new is not None
        self._watched = new
        new.installEventFilter(self)
        selection = new.selectionModel() if isinstance(new, QAbstractItemView) else None
        if selection is not None and not selection.property("followedByScrollArea"):
            # Moving about a table or list moves its current cell, not the focus:
            # the page follows that too.
            selection.setProperty("followedByScrollArea", True)
            selection.currentChanged.connect(self._current_changed)
        self._bring_focus_into_view()

    def _current_changed(self, *_: object) -> None:
        self._bring_focus_into_view()

    def _bring_focus_into_view(self) -> None:
        # After the layout has settled: a new row may have grown the content.
        QTimer.singleShot(0, self, self.show_focus)

    def show_focus(self) -> None:
        """Scroll so that the focused field, or a focused list's current cell, is in view."""
        content = self.widget()
        focus = QApplication.focusWidget()
        if content is None or focus is None or not self._inside(focus):
            return
        if isinstance(focus, QAbstractItemView) and focus.currentIndex().isValid():
            # A table or list: its current cell, as much of it as the table shows.
            shown = focus.viewport()
            part = focus.visualRect(focus.currentIndex()).intersected(shown.rect())
            if part.isEmpty():
                part = shown.rect()
        else:
            # A field, or a table's editor in a cell; a tall text shows where its cursor is.
            shown, part = focus, focus.rect()
            if part.height() > self.viewport().height():
                cursor = focus.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
                # A QRectF from most fields, a QRect from some.
                part = cursor.toRect() if isinstance(cursor, QRectF) else QRect(cursor)
        rect = QRect(shown.mapTo(content, part.topLeft()), part.size())
        margin = 8
        visible = QRect(-content.pos(), self.viewport().size())
        if visible.contains(rect):
            return
        centre = rect.center()
        self.ensureVisible(
            centre.x(),
            centre.y(),
            min(rect.width() // 2 + margin, visible.width() // 2),
            min(rect.height() // 2 + margin, visible.height() // 2),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Move, QEvent.Type.Resize)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        elif moved and watched in (self._watched, self.widget()):
            # A table's editor is placed once its new row is laid out, after it has the
            # focus; and the page grows for the row after that.
            self._bring_focus_into_view()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Size the content to the view, or to its least height if that is more."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.width()
        least = self._least_height(layout, width) if layout is not None else 0
        if least > self.height():
            # It will scroll: the scroll bar takes its width from the content.
            width -= bar
            least = self._least_height(layout, width) if layout is not None else 0
        size = QSize(width, max(self.height(), least))
        if content.size() != size:
            content.resize(size)

    @staticmethod
    def _least_height(layout: QLayout, width: int) -> int:
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return layout.totalMinimumSize().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout of its content.

    At the usual zoom everything fits and nothing scrolls, the lists taking what
    height there is; zoomed far in for a projector, or on a small screen, the
    page scrolls instead of squeezing its lists below a few rows.
    """
    scroll = FittingScrollArea(page)
    scroll.setWidgetResizable(False)
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
    # Flush with the workshop's title and step bar above; a little air below the bar.
    body.setContentsMargins(0, 6, 0, 2)
    body.setSpacing(10)
    return body


class PageHeader(QWidget):
    """The page's name and one short line on what happens here, side by side.

    The line sits on the name's baseline; in a narrow window it wraps below that.
    """

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setProperty("cxRole", "title")
        self.note = QLabel(intro)
        self.note.setProperty("cxRole", "muted")
        self.note.setWordWrap(True)
        # Narrow windows wrap the line; wide ones keep it beside the name.
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(16)
        self.row.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addWidget(self.note, 1, Qt.AlignmentFlag.AlignTop)
        self._align()

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` on the row too, on the same baseline as the note."""
        self.row.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)
        self._align()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._align()

    def _align(self) -> None:
        # Top-aligned labels of different sizes: push the smaller text down to the
        # name's baseline. The name's font is the page's, as the theme scales it.
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * TITLE_SCALE)
        title_font.setBold(True)
        drop = QFontMetrics(title_font).ascent() - QFontMetrics(self.font()).ascent()
        for i in range(1, self.row.count()):
            widget = self.row.itemAt(i).widget()
            if widget is not None:
                widget.setContentsMargins(0, max(0, drop), 0, 0)


def page_header(title: str, intro: str, error_line: ErrorLine | None = None) -> PageHeader:
    """The page's header: its name and a short intro line.

    The main window already shows the workshop and the step bar above, so the
    header stays small and leaves the height to the work. ``error_line``, if
    given, takes the intro's place while it has something to say.
    """
    header = PageHeader(title, intro)
    if error_line is not None:
        error_line.stands_in_for(header.note)
        error_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.add_beside(error_line)
    return header


def panel(title: str, hint: str) -> tuple[QFrame, QVBoxLayout]:
    """A bordered panel with a subheading and a hint; returns it and its layout."""
    frame = QFrame()
    frame.setProperty("cxRole", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 14, 20, 16)
    layout.setSpacing(8)
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


class ErrorLine(QLabel):
    """One line saying why the last change was refused; the next saved change clears it.

    Its space is kept while it is empty, so the page does not jump when it shows;
    or, after :meth:`stands_in_for`, it takes another widget's place while it shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._stand_in_for: QWidget | None = None
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

    def stands_in_for(self, other: QWidget) -> None:
        """Show in ``other``'s place while there is a message (so no space is kept for it)."""
        self._stand_in_for = other
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(False)
        self.setSizePolicy(policy)

    def show_message(self, message: str) -> None:
        self.setText(f"⚠  {message}")
        if self._stand_in_for is not None:
            self._stand_in_for.hide()
        self.show()

    def clear_message(self) -> None:
        self.setText(" ")
        self.hide()
        if self._stand_in_for is not None:
            self._stand_in_for.show()


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
            # Typed, not searched: a name typed here picks that function, completing as it
            # is typed; Space and letters stay in the field (a list that searched as keys
            # came opened on Space and picked by the title typed next).
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # Editors do not pick up the zoomed content font by themselves.
            combo.setFont(option.font)
            # Its list is a window of its own: it needs the font too.
            combo.view().setFont(option.font)
            swatch = round(option.fontMetrics.height() * 0.7)
            combo.setIconSize(QSize(swatch, swatch))
            combo.setAccessibleName("Function")
            combo.addItem(NO_FUNCTION, None)
            ws = self._model.workshop
            for f in ws.functions if ws else []:
                combo.addItem(swatch_icon(f.colour, swatch), f.name, f.id)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setFont(option.font)
        editor.setAccessibleName(ParticipantsModel.columns[index.column()])
        if isinstance(editor, QLineEdit) and self._model.is_new_row(index):
            editor.setPlaceholderText("Name of the next person")
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        # The whole cell: the style would leave the swatch's room uncovered at the left.
        editor.setGeometry(option.rect)

    def setEditorData(self, editor: QWidget, index: QModelIndex | Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = editor.findData(value) if value else 0
            editor.setCurrentIndex(max(0, found))
            # Typing replaces the function shown.
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | Index
    ) -> None:
        if isinstance(editor, QComboBox):
            known, function_id = self.function_named(editor.currentText())
            if not known:
                self._say_unknown(editor.currentText())
                return
            model.setData(index, function_id, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def function_named(self, text: str) -> tuple[bool, str | None]:
        """Which function ``text`` names: (True, its id), (True, None) for none, or
        (False, None) when no function has that name. Case does not matter, and the
        start of a name is enough when only one function's name starts so."""
        wanted = " ".join(text.split()).casefold()
        if wanted in ("", NO_FUNCTION):
            return True, None
        ws = self._model.workshop
        functions = ws.functions if ws else []
        exact = [f for f in functions if f.name.casefold() == wanted]
        starting = [f for f in functions if f.name.casefold().startswith(wanted)]
        match = exact or (starting if len(starting) == 1 else [])
        return (True, match[0].id) if match else (False, None)

    def _say_unknown(self, text: str) -> None:
        session = self._model.session
        if session is not None:
            session.sig_error.emit(
                f"No function is called {quoted(text)}: pick one from the list "
                "or add it under Functions at the table."
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab or Enter on a function name nobody has: say so and stay, with what was typed.
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.function_named(watched.currentText())[0]
        ):
            self._say_unknown(watched.currentText())
            line = watched.lineEdit()
            if line is not None:
                line.selectAll()
            return True
        return super().eventFilter(watched, event)

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
        return QSize(base.width() + 16, max(base.height() + 8, option.fontMetrics.height() + 10))


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
        # Names are shorter than functions and role titles, so they get a smaller share.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        self.base_row = self.fontMetrics().height() + 12
        # Rows wrap at the width the table gets; the least height follows them.
        self.verticalHeader().sectionResized.connect(lambda *_: self.fit_least_height())
        model.rowsInserted.connect(lambda *_: self.fit_least_height())
        model.rowsRemoved.connect(lambda *_: self.fit_least_height())
        model.modelReset.connect(self.fit_least_height)

    LEAST_PEOPLE = 3
    """People shown in full before the page itself scrolls, however their rows wrap."""

    def fit_least_height(self) -> None:
        """Room for the first few people as their rows wrap now, or for single-line rows."""
        rows = min(self.LEAST_PEOPLE, self._model.rowCount())
        wrapped = sum(self.rowHeight(row) for row in range(rows))
        needed = max(wrapped + (self.LEAST_PEOPLE - rows) * self.base_row, 3 * self.base_row)
        height = needed + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    SHARES = (0.27, 0.36)
    """The Name and Function columns' shares of the width; Role title takes the rest."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        for column, share in enumerate(self.SHARES):
            self.horizontalHeader().resizeSection(column, round(width * share))

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
        self._scroll: FittingScrollArea | None = None
        self._showing_date = False
        self.participants_model = ParticipantsModel(self)
        self.functions_model = FunctionsModel(self)

        self.error_line = ErrorLine()
        header = page_header(
            "Set up the workshop",
            "Who is in the room, which functions sit at the table, and who sponsors the work.",
            self.error_line,
        )

        details_panel = self._build_details()
        # The agenda opens under the details from a link beside their heading.
        self.agenda_panel = AgendaPanel()
        details_layout = details_panel.layout()
        heading_row = QHBoxLayout()
        heading_row.addWidget(details_layout.takeAt(0).widget())
        heading_row.addStretch(1)
        # The language sits beside the heading, not in a row of its own: the details
        # keep to two rows, so the people list still shows three people at 1280×720.
        self.form.grid.removeItem(self.form.languageRow)
        heading_row.addLayout(self.form.languageRow)
        heading_row.addSpacing(24)
        heading_row.addWidget(self.agenda_panel.toggle)
        details_layout.insertLayout(0, heading_row)
        details_layout.addWidget(self.agenda_panel)
        people_panel = self._build_people()
        functions_panel = self._build_functions()

        columns = QHBoxLayout()
        columns.setSpacing(20)
        # The people table has three columns to the functions list's one.
        columns.addWidget(people_panel, 5)
        columns.addWidget(functions_panel, 3)

        layout = scrolling_body(self)
        self._scroll = self.findChild(FittingScrollArea)
        layout.addWidget(header)
        layout.addWidget(details_panel)
        layout.addSpacing(4)
        layout.addLayout(columns, 1)
        self._set_tab_order()
        self.refresh()

    # -- building --------------------------------------------------------------

    def _build_details(self) -> QFrame:
        frame, layout = panel("Workshop details", "")
        self.details = QWidget()
        self.form = Ui_WorkshopDetailsForm()
        self.form.setupUi(self.details)
        self.form.grid.setVerticalSpacing(8)
        self.form.grid.setHorizontalSpacing(10)
        self._details_per_row = 2
        # The form's widgets in reading (and tab) order, each with its label.
        self._detail_pairs: list[tuple[QLabel, QWidget | QHBoxLayout]] = [
            (self.form.titleLabel, self.form.titleEdit),
            (self.form.organisationLabel, self.form.organisationEdit),
            (self.form.dateLabel, self.form.dateRow),
            (self.form.facilitatorLabel, self.form.facilitatorEdit),
            (self.form.sponsorNameLabel, self.form.sponsorNameEdit),
            (self.form.sponsorTitleLabel, self.form.sponsorTitleEdit),
        ]
        sponsor_note = (
            "The senior leader who answers for customer experience across the organisation; "
            "the charter is addressed to them."
        )
        self.form.sponsorNameEdit.setToolTip(sponsor_note)
        self.form.sponsorNameEdit.setAccessibleDescription(sponsor_note)
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
        self._build_language()
        layout.addSpacing(2)
        layout.addWidget(self.details)
        return frame

    def _build_language(self) -> None:
        """A short list of languages to pick from; any other tag can be typed."""
        combo = self.form.languageCombo
        for tag, name in language.COMMON:
            combo.addItem(f"{tag}{LANGUAGE_SEPARATOR}{name}", tag)
        # The field shows the tag alone ("en-GB"); the list shows the names too.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)
        combo.view().setMinimumWidth(combo.fontMetrics().averageCharWidth() * 34)
        combo.setCurrentIndex(-1)
        combo.lineEdit().setAccessibleName(combo.accessibleName())
        combo.lineEdit().editingFinished.connect(self._commit_language)
        combo.activated.connect(lambda _index: self._commit_language())

    def _details_fit_three_a_row(self) -> bool:
        """Whether the details are wide enough for three fields a row, each still roomy."""
        char = QFontMetrics(self.font()).averageCharWidth()
        spacing = self.form.grid.horizontalSpacing()
        needed = 5 * spacing
        # Room for a typical title, organisation, and date or sponsor's role.
        for column, chars in enumerate((30, 20, 0)):
            pairs = (self._detail_pairs[column], self._detail_pairs[column + 3])
            label = max(lbl.sizeHint().width() for lbl, _ in pairs) + (12 if column else 0)
            field = max(
                (f.minimumSize() if isinstance(f, QHBoxLayout) else f.minimumSizeHint()).width()
                for _, f in pairs
            )
            needed += label + max(field, chars * char)
        # The page's width, not the form's: an outer scroll bar coming and going must
        # not flip the arrangement back and forth.
        panel_margins = self.details.parentWidget().contentsMargins()
        available = self.width() - panel_margins.left() - panel_margins.right() - 4
        return available >= needed

    def _lay_out_details(self, per_row: int) -> None:
        """Arrange the details three fields a row (two rows: wide windows) or two (three rows).

        Two rows leave the people and functions lists the height to show everyone.
        """
        if per_row == self._details_per_row:
            return
        self._details_per_row = per_row
        grid = self.form.grid
        for label, field in self._detail_pairs:
            grid.removeWidget(label)
            if isinstance(field, QHBoxLayout):
                grid.removeItem(field)
                field.setParent(None)  # type: ignore[call-overload]
            else:
                grid.removeWidget(field)
        rows = len(self._detail_pairs) // per_row
        for i, (label, field) in enumerate(self._detail_pairs):
            # Wide: row by row. Narrow: down the first column, then the second.
            row, column = divmod(i, per_row) if per_row == 3 else (i % rows, i // rows)
            # A clear gap between one column of fields and the next label.
            label.setContentsMargins(12 if column else 0, 0, 0, 0)
            grid.addWidget(label, row, 2 * column)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, 2 * column + 1)
            else:
                grid.addWidget(field, row, 2 * column + 1)
        self._fit_date_width()
        # The title is the longest text: its column gets a larger share.
        stretches = (3, 2, 0) if per_row == 3 else (1, 1, 0)
        for column in range(3):
            grid.setColumnStretch(2 * column, 0)
            grid.setColumnStretch(2 * column + 1, stretches[column])

    def _fit_date_width(self) -> None:
        """Room for the longest date and the drop-down arrow; the style's own guess is wider.

        Three fields a row, the date is shorter ("18 Mar 2027") and keeps to its
        width, so the title gets the room.
        """
        metrics = QFontMetrics(self.font())
        date_edit = self.form.dateEdit
        compact = self._details_per_row == 3
        date_edit.setDisplayFormat(SHORT_DATE if compact else LONG_DATE)
        longest = "28 Sep 2027" if compact else "28 September 2027"
        # Text, the padding either side, and the drop-down arrow.
        least = metrics.horizontalAdvance(longest) + round(metrics.height() * 1.5) + 24
        role = self.form.sponsorTitleEdit
        if compact:
            # The sponsor's role shares the column: room for a typical one, and the date
            # as wide as it, so the two fields' right edges line up.
            role_width = metrics.horizontalAdvance("Chief Executive Officer") + 24
            beside = self.form.hasDateCheck.sizeHint().width() + self.form.dateRow.spacing()
            least = max(least, role_width - beside)
            role.setMinimumWidth(role_width)
        else:
            role.setMinimumWidth(0)
        date_edit.setMinimumWidth(least)
        date_edit.setMaximumWidth(least if compact else QWIDGETSIZE_MAX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_details()

    def _fit_details(self) -> None:
        """Three fields a row when they fit, else two; then fit the page to what it needs."""
        before = self._details_per_row
        self._lay_out_details(3 if self._details_fit_three_a_row() else 2)
        if self._details_per_row != before and self._scroll is not None:
            self._scroll.fit()

    def _build_people(self) -> QFrame:
        frame, layout = panel(
            "People in the room",
            "Type in the last row: Tab moves across, Enter starts the next person.",
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
            "Tick customer-facing ones. Drag or Ctrl+↑/↓ to reorder.",
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
            # Then the heading's row: the language, and the agenda's link.
            self.form.languageCombo,
            *self.agenda_panel.tab_chain(),
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
        self.agenda_panel.set_session(session)
        for edit in (*self._line_edits.values(), self.form.languageCombo.lineEdit()):
            edit.setModified(False)
        super().set_session(session)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        for field, edit in self._line_edits.items():
            value = "" if ws is None else str(getattr(ws, field))
            # Never overwrite what someone is in the middle of typing.
            if not edit.isModified() and edit.text() != value:
                self._show_text(edit, value)
        date_edit = self.form.dateEdit
        shown = None if ws is None else ws.date
        typing_date = date_edit.hasFocus() and date_edit.date() != self._qdate(shown)
        if not typing_date:
            self._show_date(shown)
        # Never overwrite a language being typed, or one refused and left to correct.
        if not self.form.languageCombo.lineEdit().isModified():
            self._show_language(None if ws is None else ws.language)
        n = 0 if ws is None else len(ws.participants)
        self.people_count.setText(f"{n} {'person' if n == 1 else 'people'}")
        self.agenda_panel.refresh()
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
        details.set_detail(self.session, field, edit.text())
        # Saved or refused, the field now shows what is stored.
        self._show_text(edit, str(getattr(self.session.workshop, field)))
        edit.setModified(False)

    @staticmethod
    def _show_text(edit: QLineEdit, value: str) -> None:
        if edit.text() != value:
            edit.setText(value)
        if not edit.hasFocus():
            # A long title in a narrow field shows its beginning, not its end.
            edit.setCursorPosition(0)

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
        details.set_date(self.session, date)
        self._show_date(self.session.workshop.date)

    def _show_language(self, tag: str | None) -> None:
        combo = self.form.languageCombo
        shown = tag or ""
        if combo.currentText() != shown:
            combo.setEditText(shown)
        combo.lineEdit().setModified(False)
        combo.setToolTip(
            f"{language.name(shown)}. The charter and the progress report tell screen "
            "readers they are in this language. Pick one or type a tag such as en-GB."
            if shown
            else ""
        )

    def _commit_language(self) -> None:
        if self.session is None:
            return
        combo = self.form.languageCombo
        typed = combo.currentText()
        tag = typed_language(typed)
        if tag == self.session.workshop.language:
            self._show_language(tag)
            return
        if not details.set_language(self.session, tag, typed):
            # Refused (the line above the page says why): keep the typing to correct.
            combo.setEditText(typed)
            combo.lineEdit().setModified(True)
            combo.lineEdit().selectAll()
            return
        self._show_language(self.session.workshop.language)

    # -- people ------------------------------------------------------------------

    def _removal_confirmed(self, name: str, removal: Removal | None) -> bool:
        """Whether to go ahead: asks only when more than the item itself would go."""
        if removal is None or not consequences(removal):
            return True
        answer = QMessageBox.question(
            self,
            f"Remove {name}?",
            f"{consequence_sentence(name, removal)}\n\nYou can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def add_person(self) -> None:
        """Open the new-person row's name for typing."""
        self.participants_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.participants_view.edit_name(self.participants_model.new_row())

    def remove_selected_participant(self) -> None:
        """Remove the current person, asking first if assignments or ballots go with them."""
        person = self.participants_model.participant_at(self.participants_view.currentIndex())
        if person is None:
            return
        if self.session is None:
            return
        preview = people_ops.participant_removal_preview(self.session, person.id)
        if self._removal_confirmed(person.name, preview):
            people_ops.remove_participant(self.session, person.id)

    # -- functions ---------------------------------------------------------------

    def add_function(self) -> None:
        """Add the function named in the entry (or go to the entry if it is empty)."""
        name = self.function_entry.text()
        if not name.strip():
            self.function_entry.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        added = None if self.session is None else people_ops.add_function(self.session, name)
        if added is not None:
            # Clear only on success, so a refused name can be corrected.
            self.function_entry.clear()
            self.functions_view.select_function(added.id)

    def move_selected_function(self, step: int) -> None:
        """Move the current function ``step`` places (one undo step)."""
        function_id = self.functions_view.current_function_id()
        if (
            function_id is not None
            and self.session is not None
            and people_ops.move_function_by(self.session, function_id, step)
        ):
            self.functions_view.select_function(function_id)

    def choose_colour(self) -> None:
        """Let the facilitator pick the current function's colour."""
        f = self.functions_model.function_at(self.functions_view.currentIndex())
        if f is None:
            return
        colour = QColorDialog.getColor(QColor(f.colour), self, f"Colour for {f.name}")
        if colour.isValid() and self.session is not None:
            people_ops.update_function(
                self.session, f.id, colour=colour.name(QColor.NameFormat.HexRgb).upper()
            )

    def remove_selected_function(self) -> None:
        """Remove the current function, asking first if people or assignments depend on it."""
        f = self.functions_model.function_at(self.functions_view.currentIndex())
        if f is None:
            return
        if self.session is None:
            return
        if self._removal_confirmed(f.name, people_ops.function_removal_preview(self.session, f.id)):
            people_ops.remove_function(self.session, f.id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._follow_font()

    def _follow_font(self) -> None:
        """Sizes that depend on the zoomed font."""
        self.participants_view.resizeRowsToContents()
        metrics = QFontMetrics(self.font())
        self.function_entry.setMinimumWidth(metrics.horizontalAdvance("Add a function…") + 40)
        swatch = round(metrics.height() * 0.7)
        self.participants_view.setIconSize(QSize(swatch, swatch))
        self._fit_date_width()
        # Enough rows to work with before the page itself starts to scroll; a laptop
        # screen shows these and scrolls the lists, a larger one shows everyone.
        row = metrics.height() + 12
        self.participants_view.base_row = row
        self.participants_view.fit_least_height()
        self.functions_view.setMinimumHeight(3 * row)
        self._fit_details()
        if self._scroll is not None:
            self._scroll.fit()
