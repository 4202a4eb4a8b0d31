"""The start screen: every workshop in the library, and the edits made to the library itself.

:class:`LibraryPage` is the view: a search field, the table of workshops, a
row of action buttons and the recently opened workshops. :class:`Library` is
its controller: it holds the store, the library's own undo history and the
actions (New, Open, Duplicate, Rename, Delete, Import, Export) that the main
window also puts in its File menu.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WorkshopError
from ..domain.model import Status, Step, Workshop
from ..domain.wording import and_join
from ..storage.store import Store, WorkshopSummary
from .roles import EDITED_ROLE, ORGANISATION_ROLE, WORKSHOP_ID_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ..storage.interchange import ImportProblems
from ..domain.wording import plural, size_text
from . import theme
from .library_frame import LibraryFrame, role_label
from .models.library import LibraryModel, last_edited, status_text
from .ops import library as library_ops
from .options import start_folder

JSON_FILTER = "CX Workshop JSON (*.json)"
MAX_RECENT_SHOWN = 8

Index = QModelIndex | QPersistentModelIndex

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def deletion_warning(ws: Workshop) -> str:
    """What deleting ``ws`` loses, in the words of the confirmation question."""
    lost = []
    if ws.goals:
        lost.append(plural(len(ws.goals), "goal"))
    if ws.participants:
        lost.append(plural(len(ws.participants), "participant"))
    if ws.assignments:
        lost.append("assignments")
    if any(r.ballots or r.tallies for r in ws.rounds):
        lost.append("votes")
    what = f" Its {and_join(lost)} will be deleted." if lost else ""
    return f"Delete '{ws.title}'?{what} You can undo this."


def export_file_name(title: str) -> str:
    """A file name made from the title, without the characters file systems refuse."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "Workshop"
    return f"{stem}.json"


# ----------------------------------------------------------------- the page's parts


_WIDEST = {
    LibraryModel.DATE: ("28 Sep 2026",),
    LibraryModel.STATUS: tuple(status_text(s) for s in Status),
    LibraryModel.EDITED: ("Today 23:59", "Yesterday", "28 Sep 2026"),
}


class SearchField(QLineEdit):
    """The search box: filters as you type; Down moves into the list, Escape clears it."""

    sig_down = Signal()
    """The user pressed Down: the list should take the keyboard focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.sig_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class WorkshopTable(QTableView):
    """The workshops, one per row; a double-click or Enter opens the current one."""

    sig_chosen = Signal(int)
    """The user chose this workshop (double-click or Enter) to open it."""

    sig_up_from_top = Signal()
    """Up was pressed on the first row: focus goes back to the search field."""

    sig_menu_requested = Signal(QPoint)
    """The selected workshop's menu was asked for, to show at this point of the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sharing = False
        self._fit_when_shown = False
        self._widths: dict[tuple[int, int, int, int], int] = {}
        self.doubleClicked.connect(self._choose)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click selects the workshop under the pointer; the Menu key keeps the
        current one. Either way its menu opens there."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
            if index.isValid():
                self.selectRow(index.row())
            where = event.globalPos()
        else:
            rect = self.visualRect(self.currentIndex())
            where = self.viewport().mapToGlobal(rect.center() if rect.isValid() else QPoint())
        if self.selectionModel().hasSelection():
            self.sig_menu_requested.emit(where)
        event.accept()

    def _choose(self, index: QModelIndex) -> None:
        workshop_id = index.data(WORKSHOP_ID_ROLE)
        if index.isValid() and workshop_id is not None:
            self.sig_chosen.emit(int(workshop_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.sig_up_from_top.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Polishing a hidden table sends these by the dozen: fit once, when shown.
            if self.isVisible():
                self.fit_rows()
                self.share_width()
            else:
                self._fit_when_shown = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            self.fit_rows()
        # Resizes while hidden were not shared out (see resizeEvent).
        self.share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.share_width()

    def fit_rows(self) -> None:
        """Size rows and the short columns to the font, so the zoom scales them too."""
        fm = self.fontMetrics()
        # No column, the stretched title included, shrinks below a few letters;
        # if the window is narrower than that, the table scrolls sideways.
        self.horizontalHeader().setMinimumSectionSize(fm.averageCharWidth() * 8)
        # Generous rows keep the table calm to read from the back of the room.
        self.verticalHeader().setDefaultSectionSize(int(fm.height() * 2.3))
        header = self.horizontalHeader()
        if self.model() is None or header.count() < len(LibraryModel.columns):
            return
        # Widths fit the longest text each column can hold, not the rows shown now,
        # so the columns stay put while the search narrows the list.
        padding = fm.height() + 8
        for column, samples in _WIDEST.items():
            widest = max(fm.horizontalAdvance(text) for text in samples)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + padding))

    def _widest(self, column: int) -> int:
        """The width the column's longest text needs, measured once per font and content.

        Measuring the strings directly is far cheaper than sizeHintForColumn,
        which builds a size hint for every row: with a thousand workshops that
        was most of the start-up time.
        """
        model = self.model()
        fm = self.fontMetrics()
        key = (column, model.rowCount(), fm.height(), id(model))
        cached = self._widths.get(key)
        if cached is None:
            texts = model.column_texts(column)
            padding = fm.height() + 20
            cached = max((fm.horizontalAdvance(t) for t in texts), default=0) + padding
            self._widths = {k: v for k, v in self._widths.items() if k[1:] == key[1:]}
            self._widths[key] = cached
        return cached

    def forget_widths(self) -> None:
        """The texts changed: measure again next time."""
        self._widths.clear()

    def share_width(self) -> None:
        """Share the width: the organisation what it needs, up to a third; the title the rest.

        When even that leaves the title too little room (a big zoom on a small
        screen), the workshop date and then the organisation step aside; the
        title, status and last edit always stay.
        """
        header = self.horizontalHeader()
        if self.model() is None or header.count() < len(LibraryModel.columns) or self._sharing:
            return
        self._sharing = True
        try:
            chars = self.fontMetrics().averageCharWidth()
            title_needs, org_needs = chars * 24, chars * 14
            optional = (LibraryModel.DATE, LibraryModel.ORGANISATION)
            for c in optional:
                header.setSectionHidden(c, False)
            column = LibraryModel.ORGANISATION
            # The header spans the viewport. (Asking for the viewport itself would
            # make PySide work out its class: some 10 ms the first time.)
            width = header.width()
            fixed = sum(
                header.sectionSize(c)
                for c in (LibraryModel.DATE, LibraryModel.STATUS, LibraryModel.EDITED)
            )
            if width - fixed < title_needs + org_needs:
                fixed -= header.sectionSize(LibraryModel.DATE)  # 0 once hidden
                header.setSectionHidden(LibraryModel.DATE, True)
            if width - fixed < title_needs + org_needs:
                header.setSectionHidden(column, True)
                return
            free = width - fixed
            wanted = max(self._widest(column), header.sectionSizeHint(column))
            title = max(self._widest(LibraryModel.TITLE), title_needs)
            # Both fit: the organisation gets all it needs. Otherwise it gives way,
            # keeping at least a third of the room, and the title gets the rest.
            share = max(header.sectionSizeHint(column), min(wanted, max(free // 3, free - title)))
            if header.sectionSize(column) != share:
                header.resizeSection(column, share)
        finally:
            self._sharing = False


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


class _RecentDelegate(QStyledItemDelegate):
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


class RecentList(QListWidget):
    """The workshops opened last, most recent first; a click or Enter opens one."""

    sig_chosen = Signal(int)
    """The user chose this workshop (click or Enter) to open it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_RecentDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Titles wrap to the list's width, so a resize lays the items out again.
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMouseTracking(True)
        self.clicked.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        workshop_id = index.data(WORKSHOP_ID_ROLE)
        if index.isValid() and workshop_id is not None:
            self.sig_chosen.emit(int(workshop_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)

    def show_workshops(
        self,
        summaries: Sequence[WorkshopSummary],
        size: Callable[[int], str],
    ) -> None:
        """Show these workshops, in this order, keeping the current one if it is still here.

        ``size`` says how big a workshop is (by its id), for its tooltip.
        """
        current = self.currentItem()
        keep = current.data(WORKSHOP_ID_ROLE) if current is not None else None
        self.clear()
        for s in summaries:
            item = QListWidgetItem(s.title)
            item.setData(WORKSHOP_ID_ROLE, s.id)
            item.setData(ORGANISATION_ROLE, s.organisation)
            item.setData(EDITED_ROLE, last_edited(s.updated_at))
            edited = f", last edited {last_edited(s.updated_at)}" if s.updated_at else ""
            org = f", {s.organisation}" if s.organisation else ""
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{s.title}{org}{edited}")
            item.setToolTip(f"{s.title}\n{size(s.id)}")
            self.addItem(item)
            if s.id == keep:
                self.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)

    def ids(self) -> list[int]:
        return [int(self.item(i).data(WORKSHOP_ID_ROLE)) for i in range(self.count())]


class FlowRow(QLayout):
    """Widgets left to right, wrapping onto a new line when the width runs out.

    The action buttons use it, so a large zoom on a small screen wraps them
    rather than forcing the window wider than the screen.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_gap(self, width: int) -> None:
        """A little extra space between groups of widgets (dropped at the start of a line)."""
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        widths = [i.sizeHint().width() for i in self._items]
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(sum(widths) + self._gap * max(0, len(widths) - 1), height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            spacer = item.spacerItem() is not None
            if spacer and x == rect.x():
                continue
            if x + hint.width() > rect.right() + 1 and x > rect.x() and not spacer:
                x, y = rect.x(), y + line_height + self._gap
                line_height = 0
            if move and not spacer:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + (0 if spacer else self._gap)
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class BigButton(QPushButton):
    """A button sized for the first screen: roomy, and growing with the text zoom."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        h = self.fontMetrics().height()
        return QSize(hint.width() + h * 2, max(hint.height(), int(h * 2.8)))


# ----------------------------------------------------------------- the page


class LibraryPage(LibraryFrame):
    """The start screen: find a workshop, open it, or start a new one."""

    sig_open_requested = Signal(int)
    """The facilitator asked to open this workshop."""

    sig_new_requested = Signal()
    """The facilitator asked for a new workshop (from the empty library's button)."""

    sig_demo_requested = Signal()
    """The facilitator asked to open the demo workshop."""

    sig_import_requested = Signal()
    """The facilitator asked to import a workshop file (from the empty library)."""

    sig_selection_changed = Signal()
    """A different workshop (or none) is selected in the table."""

    sig_context_menu_requested = Signal(QPoint)
    """The facilitator asked for the selected workshop's menu (right-click or the Menu key),
    at this point of the screen."""

    WATCH_INTERVAL_MS = 1000
    """How often the shown library looks for workshops added, renamed or deleted elsewhere."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fresh = False
        self.model = model
        # The command line may add workshops while the app runs: while the page
        # is shown, it asks the file (cheaply) whether anyone else wrote to it.
        self._seen_version: int | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(self.WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self._look_for_changes_elsewhere)
        self._recent_ids: list[int] = []
        self._action_buttons: list[QToolButton] = []
        self.setObjectName("libraryPage")
        self.setAccessibleName("Workshop library")

        # Containers first, children after: a widget tree added to its parent in
        # one piece is restyled once more as a whole.
        self.body = QStackedWidget()
        self.set_body(self.body)
        self._build_library()
        # Built the first time it is needed: most starts have workshops, and most
        # searches find some.
        self.empty_view: QWidget | None = None
        self.no_match: QWidget | None = None

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        model.modelReset.connect(self._after_model_change)
        model.dataChanged.connect(self._after_data_change)
        model.rowsInserted.connect(self._after_model_change)
        model.rowsRemoved.connect(self._after_model_change)
        self._tab_order()
        self._fit_to_font()
        self.refresh(reread=False)

    # -- building ------------------------------------------------------------

    def _build_library(self) -> None:
        self.library_view = QWidget()
        self.body.addWidget(self.library_view)
        grid = QGridLayout(self.library_view)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(14)

        self.search = SearchField()
        self.search.setPlaceholderText("Search workshops…")
        self.search.setAccessibleName("Search workshops")
        self.search.setAccessibleDescription(
            "Shows the workshops whose title or organisation contains what you type"
        )
        self.search.setToolTip("Search by title or organisation (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.sig_down.connect(self.focus_table)
        self.search.returnPressed.connect(self._open_from_search)

        self.table = WorkshopTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Workshops")
        self.table.setAccessibleDescription("Double-click or press Enter to open a workshop")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(False)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        # Cells start where their column headings start (the theme pads headings alike).
        self.table.setProperty("cxRole", "library")
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (
            LibraryModel.ORGANISATION,
            LibraryModel.DATE,
            LibraryModel.STATUS,
            LibraryModel.EDITED,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.fit_rows()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.sig_chosen.connect(self.request_open)
        self.table.sig_up_from_top.connect(self.focus_search)
        self.table.sig_menu_requested.connect(self.sig_context_menu_requested)

        self.results = QStackedWidget()
        self.results.addWidget(self.table)

        self.actions_row = FlowRow()
        self.count_label = role_label("", "muted")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.recent_heading = role_label("Recently opened", "subheading")
        self.recent = RecentList()
        self.recent.setAccessibleName("Recently opened workshops")
        self.recent.setAccessibleDescription("Click or press Enter to open a workshop")
        self.recent.sig_chosen.connect(self._open_recent)
        self.recent.currentItemChanged.connect(self._recent_current_changed)
        self.recent_hint = role_label(
            "The workshops you open will be listed here.", "hint", wrap=True
        )
        self.recent_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.recent_box = recent_box = QWidget()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_layout.setSpacing(0)
        recent_layout.addWidget(self.recent, 1)
        recent_layout.addWidget(self.recent_hint, 1)

        search_heading = QWidget()
        search_heading_layout = QHBoxLayout(search_heading)
        search_heading_layout.setContentsMargins(0, 0, 0, 0)
        search_heading_layout.addWidget(role_label("Your workshops", "subheading"))
        search_heading_layout.addStretch(1)
        search_heading_layout.addWidget(self.count_label)
        grid.addWidget(search_heading, 0, 0)
        grid.addWidget(self.recent_heading, 0, 1)
        grid.addWidget(self.search, 1, 0)
        grid.addWidget(self.results, 2, 0)
        grid.addWidget(recent_box, 1, 1, 2, 1)
        # The buttons run under both columns, so a narrow window still fits them all.
        grid.addLayout(self.actions_row, 3, 0, 1, 2)
        # Ignored widths, so the two columns share the width 3 : 1 whatever they hold.
        for column in (self.results, recent_box, search_heading, self.recent_heading):
            policy = column.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            column.setSizePolicy(policy)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)

    def _build_no_match(self) -> QWidget:
        self.no_match = no_match = QWidget()
        # Made after the page was styled: it carries the content's text size itself.
        theme.mark_content(no_match)
        self.results.addWidget(no_match)
        no_match_layout = QVBoxLayout(no_match)
        no_match_layout.setContentsMargins(0, 24, 0, 0)
        no_match_layout.setSpacing(12)
        self.no_match_label = role_label("", "subheading", wrap=True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.clear_search_button = QPushButton("Clear the search")
        self.clear_search_button.setAccessibleName("Clear the search")
        self.clear_search_button.clicked.connect(self._clear_search)
        no_match_layout.addWidget(self.no_match_label)
        no_match_layout.addWidget(self.clear_search_button, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_layout.addStretch(1)
        return no_match

    def _build_empty_state(self) -> QWidget:
        self.empty_view = empty_view = QWidget()
        # Made after the page was styled: it carries the content's text size itself.
        theme.mark_content(empty_view)
        self.body.addWidget(empty_view)
        empty_view.setAccessibleName("The library is empty")
        outer = QVBoxLayout(empty_view)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(2)

        self.empty_panel = panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setSpacing(14)
        heading = role_label("Welcome! Let's set up your first workshop.", "heading", wrap=True)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body = role_label(
            "Start a new workshop for your team, or look around the demo first: a finished "
            "workshop for an outdoor retailer, with goals, accountability and a vote.",
            "muted",
            wrap=True,
        )
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        steps = role_label("  →  ".join(step.label for step in Step), "hint", wrap=True)
        steps.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        steps.setAccessibleName("The steps of a workshop: " + ", ".join(s.label for s in Step))

        self.empty_new_button = BigButton("New workshop…")
        self.empty_new_button.setProperty("cxRole", "primary")
        self.empty_new_button.setAccessibleName("New workshop")
        self.empty_new_button.setToolTip("Start a new workshop (Ctrl+N)")
        self.empty_new_button.clicked.connect(self.sig_new_requested)
        self.demo_button = BigButton("Open the demo workshop")
        self.demo_button.setAccessibleName("Open the demo workshop")
        self.demo_button.setToolTip("A finished example workshop to explore")
        self.demo_button.clicked.connect(self.sig_demo_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        self.empty_import_button = QPushButton("Import a workshop file…")
        self.empty_import_button.setFlat(True)
        # A link-like button: a quieter third choice beside the two big ones.
        self.empty_import_button.setProperty("cxRole", "link")
        self.empty_import_button.setAccessibleName("Import a workshop file")
        self.empty_import_button.setToolTip("Import a workshop exported from CX Workshop (Ctrl+I)")
        self.empty_import_button.clicked.connect(self.sig_import_requested)

        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addWidget(steps)

        # Stretches rather than an alignment flag: an aligned widget gets its size
        # hint, which is too short for wrapped text, and the welcome would be cut off.
        # The panel takes the width up to its maximum; the stretches share the rest.
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(panel, 100)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(3)
        self._fit_to_font()
        return empty_view

    def set_actions(
        self, actions: Sequence[QAction | None], primary: QAction | None = None
    ) -> None:
        """Show ``actions`` as buttons under the table (None: a gap); ``primary`` stands out."""
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._action_buttons = []
        for action in actions:
            if action is None:
                self.actions_row.add_gap(18)
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(action.iconText())
            if action is primary:
                button.setProperty("cxRole", "primary")
            self.actions_row.addWidget(button)
            self._action_buttons.append(button)
        self._tab_order()

    @property
    def action_buttons(self) -> list[QToolButton]:
        return list(self._action_buttons)

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.search, self.table, *self._action_buttons, self.recent]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- what the controller uses --------------------------------------------

    def _after_data_change(self) -> None:
        self.table.forget_widths()
        self.table.share_width()

    def refresh(self, *, reread: bool = True) -> None:
        """Read the library again: the table, the count, the recent list, the empty state.

        ``reread=False`` shows what the model already holds (it was just read).
        """
        if reread:
            self.model.sync()
        self._fresh = True
        self._seen_version = self._data_version()
        # Without a search the table already holds every workshop: no second query.
        everything = (
            list(self.model.summaries())
            if not self.model.search
            else self.model.store.list_workshops()
        )
        self._show_counts(len(everything))
        self._show_recent(everything)
        self.sig_selection_changed.emit()

    def selected_id(self) -> int | None:
        """The workshop selected in the table, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.id_at(rows[0].row())

    def select(self, workshop_id: int) -> bool:
        """Select this workshop in the table (clearing a search that hides it); False if absent."""
        row = self.model.row_of(workshop_id)
        if row < 0 and self.model.search:
            self.search.clear()
            row = self.model.row_of(workshop_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def set_recent(self, ids: list[int], *, reread: bool = True) -> None:
        """Show these workshops as recently opened, most recent first.

        ``reread=False`` uses what the table holds (it was just read).
        """
        self._recent_ids = list(ids)
        self.refresh(reread=reread)

    def request_open(self, workshop_id: int) -> None:
        """Ask for this workshop to be opened."""
        self.sig_open_requested.emit(workshop_id)

    def focus_search(self) -> None:
        """Put the keyboard in the search field, its text selected to type over."""
        if self.body.currentWidget() is self.library_view:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
        else:
            self.empty_new_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_table(self) -> None:
        """Move the keyboard into the table, onto the selected (or else the first) workshop."""
        if self.model.rowCount() == 0:
            return
        if self.selected_id() is None:
            self.select(self.model.id_at(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reacting ------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        if not hasattr(self, "recent_box"):
            return  # a style change while the page is still being built
        # Measured in characters, so the zoom that enlarges the text widens these too.
        chars = self.fontMetrics().averageCharWidth()
        if self.empty_view is not None:
            self.empty_panel.setMaximumWidth(chars * 78)
        self.recent_box.setMinimumWidth(chars * 24)

    def _data_version(self) -> int | None:
        # None while the file is closed for a moment (a restore): look again later.
        return self.model.store.data_version()

    def _look_for_changes_elsewhere(self) -> None:
        version = self._data_version()
        if version is None or version == self._seen_version:
            return
        try:
            self.refresh()
        except WorkshopError as exc:
            # Say it once and stop looking, rather than every second: the file the
            # library cannot read is dealt with when it is next opened.
            self._watch.stop()
            self._seen_version = version
            logging.getLogger(__name__).error(
                "The library could not be read again: %s", type(exc).__name__
            )

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._fresh = False
        self._watch.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch.start()
        # Coming back from a workshop: "Today" may have become "Yesterday",
        # and the keyboard should be ready to search.
        if not self._fresh:
            self.refresh()
        focus = self.focusWidget()
        if focus is None or not focus.isVisible():
            QTimer.singleShot(0, self, self.focus_search)

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._show_counts(len(self.model.store.list_workshops()))
        self.sig_selection_changed.emit()

    def _clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus()

    def _open_from_search(self) -> None:
        # Type a few letters, press Enter: the (selected or else the top) match opens.
        if self.model.rowCount() == 0:
            return
        chosen = self.selected_id()
        self.request_open(chosen if chosen is not None else self.model.id_at(0))

    def _open_recent(self, workshop_id: int) -> None:
        self.select(workshop_id)
        self.request_open(workshop_id)

    def _recent_current_changed(self, current: QListWidgetItem | None) -> None:
        # The actions work on the table's selection; keep it on the workshop the
        # keyboard is on in the recent list, so Delete never hits another one.
        if current is None or not self.recent.hasFocus():
            return
        workshop_id = int(current.data(WORKSHOP_ID_ROLE))
        if self.model.row_of(workshop_id) >= 0:
            self.select(workshop_id)
        else:
            self.table.clearSelection()

    def _selection_changed(self) -> None:
        self.sig_selection_changed.emit()

    def _after_model_change(self) -> None:
        self.table.share_width()
        self.sig_selection_changed.emit()

    def _show_counts(self, total: int) -> None:
        shown = self.model.rowCount()
        empty = total == 0
        if empty:
            self.body.setCurrentWidget(self.empty_view or self._build_empty_state())
        else:
            self.body.setCurrentWidget(self.library_view)
        # Whoever focuses the page lands where work starts: the search, or New workshop.
        self.setFocusProxy(self.empty_new_button if empty else self.search)
        if shown == 0 and self.model.search.strip():
            self.results.setCurrentWidget(self.no_match or self._build_no_match())
            self.no_match_label.setText(f"No workshop matches “{self.model.search.strip()}”.")
        else:
            self.results.setCurrentWidget(self.table)
        if shown == total:
            self.count_label.setText(plural(total, "workshop", "workshops"))
        else:
            self.count_label.setText(f"Showing {shown} of {plural(total, 'workshop', 'workshops')}")

    def _show_recent(self, everything: Sequence[WorkshopSummary]) -> None:
        by_id = {s.id: s for s in everything}
        shown = [by_id[i] for i in self._recent_ids if i in by_id][:MAX_RECENT_SHOWN]
        self.recent.show_workshops(shown, lambda i: size_text(*self.model.store.counts(i)))
        self.recent.setVisible(bool(shown))
        self.recent_hint.setVisible(not shown)


# ----------------------------------------------------------------- the controller


class Library(QObject):
    """The library's controller: its page, its undo history and its File-menu actions."""

    sig_error = Signal(str)
    """Something went wrong or was refused; one sentence for the status bar."""

    sig_status = Signal(str)
    """A short confirmation for the status bar, such as where a workshop was exported to."""

    sig_workshop_deleted = Signal(int)
    """This workshop no longer exists (deleted, or its creation undone); close it if open."""

    sig_library_requested = Signal()
    """Open was asked for with no workshop chosen: show the library so one can be found."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.model = LibraryModel(store, self)
        self.page = LibraryPage(self.model)
        self._folder = str(start_folder())

        self.new_action = self._action(
            "&New Workshop…",
            "New workshop…",
            QKeySequence.StandardKey.New,
            "Start a new workshop",
            self.new_workshop,
        )
        self.open_action = self._action(
            "&Open Workshop",
            "Open",
            QKeySequence.StandardKey.Open,
            "Open the selected workshop",
            self.open_selected,
        )
        self.duplicate_action = self._action(
            "D&uplicate Workshop",
            "Duplicate",
            QKeySequence("Ctrl+D"),
            "Copy the selected workshop for a re-run: same team and goals, no votes",
            self.duplicate,
        )
        self.next_action = self._action(
            "Start Ne&xt Workshop…",
            "Next workshop…",
            QKeySequence("Ctrl+Shift+N"),
            "Start next quarter's workshop from the selected one: its goals, people and "
            "accountability, with the last review's decisions applied",
            self.start_next,
        )
        self.rename_action = self._action(
            "&Rename Workshop…",
            "Rename…",
            QKeySequence(Qt.Key.Key_F2),
            "Give the selected workshop a new title",
            self.rename,
        )
        self.delete_action = self._action(
            "&Delete Workshop…",
            "Delete…",
            QKeySequence.StandardKey.Delete,
            "Delete the selected workshop (you can undo this)",
            self.delete,
        )
        self.import_action = self._action(
            "&Import Workshop…",
            "Import…",
            QKeySequence("Ctrl+I"),
            "Add a workshop from a CX Workshop JSON file",
            self.import_workshop,
        )
        self.export_action = self._action(
            "&Export Workshop…",
            "Export…",
            QKeySequence("Ctrl+Shift+E"),
            "Save the selected workshop as a CX Workshop JSON file",
            self.export_workshop,
        )
        # Keys that act on the selection only work while the library has the
        # keyboard: Delete in a workshop's goal board must never delete the workshop.
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.page.addAction(action)

        self.page.set_actions(
            [
                self.new_action,
                self.open_action,
                None,
                self.duplicate_action,
                self.next_action,
                self.rename_action,
                self.delete_action,
                None,
                self.import_action,
                self.export_action,
            ],
            primary=self.new_action,
        )
        self.page.sig_selection_changed.connect(self._update_actions)
        self.page.sig_context_menu_requested.connect(self._show_context_menu)
        self.page.sig_new_requested.connect(self.new_workshop)
        self.page.sig_demo_requested.connect(self.open_demo)
        self.page.sig_import_requested.connect(self.import_workshop)
        self._update_actions()

    def _action(
        self,
        text: str,
        button_text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        tip: str,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setIconText(button_text)
        action.setShortcut(shortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: slot())
        return action

    def actions(self) -> list[QAction]:
        """The actions for the File menu, in menu order."""
        return [
            self.new_action,
            self.open_action,
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.delete_action,
            self.import_action,
            self.export_action,
        ]

    # -- state ---------------------------------------------------------------

    def _update_actions(self) -> None:
        has = self.page.selected_id() is not None
        for action in (
            self.open_action,
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.delete_action,
            self.export_action,
        ):
            action.setEnabled(has)
        # Open also works without a selection: it takes the user to the search.
        self.open_action.setEnabled(True)

    def refresh(self) -> None:
        """Read the library again (after a workshop was edited elsewhere)."""
        self.page.refresh()

    def show_change(self, *, select: int | None = None, deleted: int | None = None) -> None:
        if deleted is not None:
            neighbour = self._neighbour_of(deleted)
        self.page.refresh()
        if deleted is not None:
            if neighbour is not None:
                self.page.select(neighbour)
            self.sig_workshop_deleted.emit(deleted)
        if select is not None:
            self.page.select(select)

    def _neighbour_of(self, workshop_id: int) -> int | None:
        """The workshop to select once this one is gone: the next row, or else the one above."""
        keys = self.model.keys()
        if workshop_id not in keys:
            return None
        row = keys.index(workshop_id)
        others = keys[row + 1 :] + keys[:row][::-1]
        return int(others[0]) if others else None  # type: ignore[arg-type]

    def report(self, message: str) -> None:
        """Say why a library edit was refused, in one line."""
        self.sig_error.emit(message)

    def run_step(self, change: Callable[[], None]) -> None:
        """Run an undo or redo; if the file refuses it, say so and start the history afresh."""
        try:
            change()
        except WorkshopError as exc:
            self.sig_error.emit(f"{exc} The library's undo history was cleared.")
            # Not from inside the stack's own undo()/redo() call.
            QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)
            self.page.refresh()

    def _target(self, workshop_id: int | None) -> int | None:
        return self.page.selected_id() if workshop_id is None else workshop_id

    def _parent(self) -> QWidget:
        return self.page.window()

    def _title(self, workshop_id: int) -> str:
        return self.store.workshop(workshop_id).title

    # -- the edits -----------------------------------------------------------

    def new_workshop(self) -> int | None:
        """Ask for the details of a new workshop, create it and open it; its id, or None."""
        from PySide6.QtWidgets import QDialog

        from .dialogs.new_workshop import NewWorkshopDialog

        dialog = NewWorkshopDialog(self._parent())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        workshop_id = library_ops.create_workshop(
            self, f"New workshop '{choice.title}'", choice.build()
        )
        if workshop_id is not None:
            self.page.request_open(workshop_id)
        return workshop_id

    def open_demo(self) -> int | None:
        """Open the demo workshop, adding it to the library the first time."""
        from ..domain.demo import demo_workshop

        demo = demo_workshop()
        for s in self.store.list_workshops(demo.title):
            if s.title == demo.title and s.organisation == demo.organisation:
                workshop_id: int | None = s.id
                break
        else:
            workshop_id = library_ops.create_workshop(self, "Add the demo workshop", demo)
        if workshop_id is not None:
            self.page.select(workshop_id)
            self.page.request_open(workshop_id)
        return workshop_id

    def open_selected(self) -> None:
        """Open the selected workshop; with none selected, go to the search to find one."""
        workshop_id = self.page.selected_id()
        if workshop_id is None or not self.page.isVisible():
            self.sig_library_requested.emit()
            self.page.focus_search()
            return
        self.page.request_open(workshop_id)

    def duplicate(self, workshop_id: int | None = None) -> int | None:
        """Copy a workshop for a re-run (same team, goals, assignments; no votes); the copy's id."""
        source = self._target(workshop_id)
        if source is None:
            return None
        return library_ops.duplicate_workshop(self, source, self._title(source))

    def start_next(self, workshop_id: int | None = None) -> int | None:
        """Ask when next quarter's workshop is held and its title, start it from this one
        (one undo step) and open it; its id, or None."""
        source = self._target(workshop_id)
        if source is None:
            return None
        import datetime as dt

        from PySide6.QtWidgets import QApplication, QDialog

        from ..domain import review
        from .next_quarter import NextWorkshopDialog

        previous = self.store.workshop(source)
        try:
            review.check_can_follow(previous)
        except WorkshopError as exc:
            self.sig_error.emit(str(exc))
            return None
        # Over the window it was asked from: the progress reviews' as well as the library's.
        parent = QApplication.activeWindow() or self._parent()
        dialog = NextWorkshopDialog(previous, dt.date.today(), parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            title, on = dialog.title(), dialog.date()
        finally:
            dialog.deleteLater()
        workshop_id = library_ops.start_next_workshop(self, source, title, on, previous.title)
        if workshop_id is not None:
            self.page.request_open(workshop_id)
        return workshop_id

    def rename(self, workshop_id: int | None = None) -> bool:
        """Ask for a new title and rename the workshop; True if it was renamed."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from PySide6.QtWidgets import QInputDialog

        old = self._title(target)
        new, ok = QInputDialog.getText(
            self._parent(), "Rename workshop", "New title:", QLineEdit.EchoMode.Normal, old
        )
        if not ok or new.strip() == old:
            return False
        return library_ops.rename_workshop(self, target, new)

    def delete(self, workshop_id: int | None = None) -> bool:
        """Ask, then delete the workshop and all it holds (undoable); True if deleted."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from PySide6.QtWidgets import QMessageBox

        ws = self.store.workshop(target)
        answer = QMessageBox.question(
            self._parent(),
            "Delete workshop",
            deletion_warning(ws),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return library_ops.delete_workshop(self, target)

    def set_status(self, status: Status, workshop_id: int | None = None) -> bool:
        """Set a workshop's status by hand (undoable); True if it has that status now."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from .status import status_change_text

        old = self.store.workshop(target).status
        text = status_change_text(old, status, title=self._title(target))
        return library_ops.set_status(self, target, status, text)

    def context_menu(self) -> QMenu:
        """The selected workshop's menu: open it, set its status, and the library's edits."""
        from .status import StatusMenu

        menu = QMenu(self._parent())
        menu.addAction(self.open_action)
        statuses = StatusMenu(parent=menu)
        target = self.page.selected_id()
        statuses.set_current(None if target is None else self.store.workshop(target).status)
        statuses.sig_chosen.connect(lambda value: self.set_status(Status(value)))
        menu.addMenu(statuses)
        menu.addSeparator()
        for action in (
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.export_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_context_menu(self, where: QPoint) -> None:
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def import_workshop(self) -> int | None:
        """Ask for a JSON file and add the workshop in it to the library; its id, or None."""
        from . import file_dialogs

        path, _ = file_dialogs.open_file_name(
            self._parent(), "Import workshop", self._folder, JSON_FILTER
        )
        if not path:
            return None
        self._folder = str(Path(path).parent)
        from ..storage import interchange
        from ..storage.interchange import ImportProblems

        try:
            ws = interchange.read(path)
        except ImportProblems as exc:
            self._show_problems(Path(path), exc)
            return None
        except OSError as exc:
            self._warn("Import workshop", f"{Path(path).name} could not be read: {_reason(exc)}.")
            return None
        workshop_id = library_ops.import_workshop(self, ws)
        if workshop_id is not None:
            self.sig_status.emit(f"Imported '{ws.title}' from {Path(path).name}.")
        return workshop_id

    def export_workshop(self, workshop_id: int | None = None) -> bool:
        """Ask where to save the workshop as JSON and write it there; True if written."""
        target = self._target(workshop_id)
        if target is None:
            return False
        ws = self.store.workshop(target)
        from . import file_dialogs

        suggested = str(Path(self._folder) / export_file_name(ws.title))
        path, _ = file_dialogs.save_file_name(
            self._parent(), "Export workshop", suggested, JSON_FILTER
        )
        if not path:
            return False
        file = Path(path)
        if file.suffix.lower() != ".json":
            file = file.with_name(file.name + ".json")
        from ..storage import interchange, safety

        try:
            interchange.write(ws, file, protect=safety.protected_files(self.store.path))
        except OSError as exc:
            self._warn(
                "Export workshop", f"'{ws.title}' could not be saved to {file}: {_reason(exc)}."
            )
            return False
        except WorkshopError as exc:
            self._warn("Export workshop", str(exc))
            return False
        self._folder = str(file.parent)
        self.sig_status.emit(f"Exported '{ws.title}' to {file}.")
        return True

    # -- telling the user ----------------------------------------------------

    def _warn(self, title: str, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._parent(), title, sentence)

    def _show_problems(self, path: Path, problems: ImportProblems) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Import workshop",
            problems.summary(),
            QMessageBox.StandardButton.Ok,
            self._parent(),
        )
        box.setInformativeText(
            f"{path.name} was not imported, so nothing was added to the library. "
            "Show Details lists every problem."
        )
        box.setDetailedText("\n".join(str(p) for p in problems.problems))
        box.exec()
        box.deleteLater()


def _reason(exc: OSError) -> str:
    """Why a file operation failed, in plain words, lower case, without a full stop."""
    # strerror leaves out the file name, which may be a temporary one the user never chose.
    reason = (exc.strerror or type(exc).__name__).rstrip(".")
    return reason[:1].lower() + reason[1:]
