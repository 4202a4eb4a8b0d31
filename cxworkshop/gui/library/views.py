"""The library page's parts: the search field, the table of workshops, the list
of recent ones, and the row of big buttons that wraps to the width it gets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QWidget,
)

from ...domain.model import Status
from ...storage.store import WorkshopSummary
from ..models.library import LibraryModel, last_edited, status_text
from ..roles import EDITED_ROLE, ORGANISATION_ROLE, WORKSHOP_ID_ROLE
from .delegate import RecentDelegate

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
        assert isinstance(model, LibraryModel)
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


class RecentList(QListWidget):
    """The workshops opened last, most recent first; a click or Enter opens one."""

    sig_chosen = Signal(int)
    """The user chose this workshop (click or Enter) to open it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(RecentDelegate(self))
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

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
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
