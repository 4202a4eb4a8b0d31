"""The charter page's tables of next steps and asks, and a date that may be left unset."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.model import AskKind
from ..models.base import Index
from ..models.charter import CommitmentsModel
from ..models.people import WorkshopModel
from .editable_table import EditableTable, InsetDelegate

NO_DATE = QDate(1900, 1, 1)
"""The date edit's lowest value, shown while no date is set."""


class CommitmentDelegate(InsetDelegate):
    """A next step's cell: its text set in from the edge, with room above and below."""

    INDENT = 8
    RIGHT = INDENT // 2
    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | Index) -> QSize:
        base = super().sizeHint(self._inset(option), index)
        least = option.fontMetrics.height() + 2 * self.PAD
        return QSize(base.width() + self.INDENT * 2, max(base.height() + self.PAD, least))


class AskKindDelegate(CommitmentDelegate):
    """An ask's kind, chosen from a list: Decision, Budget, People or Other."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Kind of ask")
        for kind in AskKind:
            combo.addItem(kind.label, kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CommitmentsTable(EditableTable):
    """The next steps (or the asks), edited in place; Delete removes the current one."""

    def __init__(self, model: WorkshopModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setItemDelegate(CommitmentDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(CommitmentsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (CommitmentsModel.OWNER, CommitmentsModel.DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._follow_font()

    def _follow_font(self) -> None:
        metrics = QFontMetrics(self.font())
        self.horizontalHeader().resizeSection(
            CommitmentsModel.OWNER, metrics.horizontalAdvance("Fatima Al-Sayed") + 28
        )
        self.horizontalHeader().resizeSection(
            CommitmentsModel.DUE, metrics.horizontalAdvance("25 March 2027") + 28
        )
        self.setMinimumHeight(4 * (metrics.height() + 16))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._follow_font()
            self.resizeRowsToContents()


# ----------------------------------------------------------------- a date that may be unset


class OptionalDate(QWidget):
    """A check box that sets a date or clears it, beside the date it sets.

    Ticking it proposes ``suggest()``; each change of the date is handed to ``sig_chosen``
    once editing finishes (None when the box is cleared).
    """

    sig_chosen = Signal(object)
    """A date (``datetime.date``) or None was chosen."""

    def __init__(self, text: str, name: str, suggest: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self._showing = False
        self.check = QCheckBox(text)
        self.check.setAccessibleName(f"Set {name}")
        self.check.toggled.connect(self._toggled)
        self.edit = QDateEdit()
        self.edit.setAccessibleName(name[0].upper() + name[1:])
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText("No date set")
        self.edit.editingFinished.connect(self._commit)
        calendar = self.edit.calendarWidget()
        calendar.clicked.connect(self._commit)
        calendar.activated.connect(self._commit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def shown(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        d = self.edit.date()
        return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())

    def show_date(self, date: dt.date | None) -> None:
        """Show ``date`` (None: unticked) without handing it on."""
        if date is not None and self.edit.hasFocus() and self.shown() != date:
            return  # mid-edit: the facilitator's typing wins until they finish
        self._showing = True
        try:
            self.check.setChecked(date is not None)
            self.edit.setEnabled(date is not None)
            shown = NO_DATE if date is None else QDate(date.year, date.month, date.day)
            self.edit.setDate(shown)
        finally:
            self._showing = False

    def _toggled(self, checked: bool) -> None:
        if self._showing:
            return
        self.sig_chosen.emit(self._suggest() if checked else None)
        if checked:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self) -> None:
        if self._showing or not self.check.isChecked():
            return
        chosen = self.shown()
        if chosen is not None:
            self.sig_chosen.emit(chosen)
