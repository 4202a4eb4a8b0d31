"""A table edited in place from the keyboard, as the people, next steps and asks are."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..models.base import Index


class InsetDelegate(QStyledItemDelegate):
    """A cell whose text is set in from its edges while the whole cell shows the selection."""

    INDENT = 6
    """Room left of the text, to line up with the header's padding."""
    RIGHT = 2
    """Room right of the text."""

    def _inset(self, option: QStyleOptionViewItem) -> QStyleOptionViewItem:
        inset = QStyleOptionViewItem(option)
        inset.rect = option.rect.adjusted(self.INDENT, 0, -self.RIGHT, 0)
        return inset

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        super().paint(painter, self._inset(option), index)


class EditableTable(QTableView):
    """A table whose cells are typed into: one cell selected at a time, rows that wrap.

    Typing, a double-click, F2 or a click on the selected cell edits it; Enter on a
    cell that is not being edited opens it; Delete (or Backspace) asks for the row
    to go (:attr:`sig_remove_requested`). Tab leaves the table unless a cell is
    being edited, so the page's tab order still reaches the buttons below it.
    """

    sig_remove_requested = Signal()
    """Delete (or Backspace) was pressed on a row while no cell was being edited."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        # Long texts wrap onto a second line rather than being cut short.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def removable(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether Delete on ``index`` asks for its row to go."""
        return index.isValid()

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
            and self.removable(index)
        ):
            self.sig_remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
