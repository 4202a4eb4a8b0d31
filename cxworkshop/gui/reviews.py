"""Progress reviews: after the workshop, how each goal stands and what the room decides.

A window of its own beside the workshop (Go → Progress Reviews…, Ctrl+Shift+R): pick
a review or start one, then type each goal's reading, choose its status and the
room's decision. Every edit is saved at once and undoable, here as in the window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import NotFound
from ..domain.model import Review
from . import file_dialogs
from .models.reviews import ReviewModel
from .ops import reviews as review_ops
from .roles import CHOICE_ROLE
from .session import Session
from .widgets.page_parts import ErrorLine

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the cells that offer a choice (status, decision, new Accountable)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(CHOICE_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("choice")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(0, at))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class ReviewsWindow(QDialog):
    """The progress reviews of the open workshop."""

    sig_next_requested = Signal(int)
    """Start next quarter's workshop from this one (its id), with the last review's decisions."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviews")
        self.session = session
        self.setWindowTitle(f"Progress reviews · {session.workshop.title}")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.model = ReviewModel(self)

        heading = QLabel("Progress reviews")
        heading.setProperty("cxRole", "subheading")
        intro = QLabel(
            "At each review, type every goal's latest reading as measured, how it stands, "
            "and what the room decides. Progress shows where baseline, reading and target "
            "are numbers in one unit."
        )
        intro.setWordWrap(True)
        intro.setProperty("cxRole", "hint")

        self.picker = QComboBox()
        self.picker.setObjectName("review-picker")
        self.picker.setAccessibleName("Review")
        self.picker.currentIndexChanged.connect(self._picked)
        picked_label = QLabel("&Review held on")
        picked_label.setBuddy(self.picker)
        self.new_date = QDateEdit(QDate.currentDate())
        self.new_date.setObjectName("new-review-date")
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("d MMMM yyyy")
        self.new_date.setAccessibleName("Date of the new review")
        self.new_button = QPushButton("&New review")
        self.new_button.setObjectName("new-review")
        self.new_button.clicked.connect(self.add_review)
        self.remove_button = QPushButton("Remove this review")
        self.remove_button.setObjectName("remove-review")
        self.remove_button.clicked.connect(self.remove_review)
        self.report_button = QPushButton("Export progress &report…")
        self.report_button.setObjectName("export-report")
        self.report_button.clicked.connect(self.export_report)
        self.next_button = QPushButton("Start ne&xt workshop…")
        self.next_button.setObjectName("start-next")
        self.next_button.setToolTip(
            "Start next quarter's workshop from this one, with the last review's decisions"
        )
        self.next_button.clicked.connect(
            lambda: self.sig_next_requested.emit(self.session.workshop_id)
        )

        top = QHBoxLayout()
        top.addWidget(picked_label)
        top.addWidget(self.picker, 1)
        top.addWidget(self.remove_button)
        top.addSpacing(24)
        top.addWidget(self.new_date)
        top.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("review-table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ReviewModel.GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReviewModel.NOTE, QHeaderView.ResizeMode.Stretch)
        # Sized by what they hold and their heading, in the fonts the theme gives them.
        for column in (
            ReviewModel.READING,
            ReviewModel.STATUS,
            ReviewModel.PROGRESS,
            ReviewModel.DECISION,
            ReviewModel.CHANGE,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Goals at this review")

        self.error_line = ErrorLine()
        self.status = QLabel("")
        self.status.setProperty("cxRole", "hint")
        self.status.setWordWrap(True)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.error_line)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        # The workshop's undo and redo, here as in the main window.
        for keys, slot in (
            ([QKeySequence(QKeySequence.StandardKey.Undo)], session.undo_stack.undo),
            (
                [
                    QKeySequence(QKeySequence.StandardKey.Redo),
                    QKeySequence("Ctrl+Shift+Z"),
                    QKeySequence("Ctrl+Y"),
                ],
                session.undo_stack.redo,
            ),
        ):
            seen: set[str] = set()
            for key in keys:
                if key.isEmpty() or key.toString() in seen:
                    continue
                seen.add(key.toString())
                QShortcut(key, self).activated.connect(slot)

        self.error_line.follow(session)
        session.sig_changed.connect(self.refresh)
        self.resize(1100, 640)
        self.refresh()

    # -- following the workshop ---------------------------------------------------------

    def reviews(self) -> list[Review]:
        return list(self.session.workshop.reviews)

    def refresh(self) -> None:
        current = self.model.review_id
        reviews = self.reviews()
        self.picker.blockSignals(True)
        self.picker.clear()
        for r in reviews:
            self.picker.addItem(f"{r.held_on.day} {r.held_on:%B %Y}", r.id)
        at = self.picker.findData(current)
        if at < 0 and reviews:
            at = len(reviews) - 1  # the newest, on opening
        self.picker.setCurrentIndex(at)
        self.picker.blockSignals(False)
        chosen = self.picker.currentData() or ""
        self.model.set_review(self.session, chosen)
        has = bool(chosen)
        self.remove_button.setEnabled(has)
        self.table.setEnabled(has)
        self.table.resizeRowsToContents()
        if not reviews:
            self.status.setText("No review yet: choose its date and press New review.")
        else:
            self.status.setText("")

    def _picked(self, _: int) -> None:
        self.model.set_review(self.session, self.picker.currentData() or "")
        self.table.resizeRowsToContents()

    # -- edits --------------------------------------------------------------------------

    def add_review(self) -> Review | None:
        """Start a review held on the chosen date (one undo step) and show it."""
        q = self.new_date.date()
        held_on = dt.date(q.year(), q.month(), q.day())
        added = review_ops.add_review(self.session, held_on)
        if added is not None:
            self.model.review_id = added.id
            self.refresh()
            self.table.setCurrentIndex(self.model.index(0, ReviewModel.READING))
            self.table.setFocus()
        return added

    def remove_review(self) -> bool:
        """Remove the review shown (one undo step: undo brings it back whole)."""
        r = self.model.review
        if r is None:
            return False
        return review_ops.remove_review(self.session, r.id)

    def export_report(self) -> Path | None:
        """Ask where to save the progress report, then save it there."""
        from ..charter import ExportFailed
        from ..charter import export_report as write_report
        from ..storage.safety import protected_files

        ws = self.session.workshop
        start = Path.home() / f"Progress report - {ws.title}.pdf"
        path, _ = file_dialogs.save_file_name(
            self, "Export progress report", str(start), "PDF files (*.pdf)"
        )
        if not path:
            return None
        previous = None
        if ws.follows is not None:
            try:
                previous = self.session.store.workshop(ws.follows)
            except NotFound:  # deleted since: nothing to compare with
                previous = None
        try:
            done = write_report(
                ws, path, previous, protect=protected_files(self.session.store.path)
            )
        except ExportFailed as exc:
            self.status.setText(str(exc))
            return None
        self.status.setText(f"Saved the progress report to {done.path}.")
        return done.path
