"""What changed between two workshops: a window beside the workshop (Go → What Changed…,
Ctrl+Shift+C).

By default it compares a workshop with the one it carries on from; the facilitator can
pick any two. Goals added, dropped and retargeted, who became or stopped being
Accountable or Responsible for what, and priorities that moved, one row each with a
symbol and words; saved as a PDF laid out like the progress report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import review
from ..domain.errors import WorkshopError
from ..domain.model import Workshop
from ..storage.store import Store, WorkshopSummary
from . import file_dialogs
from .models.changes import ChangesModel
from .session import Session

CHOOSE = "Choose a workshop…"
PDF_FILTER = "PDF files (*.pdf)"
CSV_FILTER = "CSV files for a spreadsheet (*.csv)"


def default_pair(store: Store, workshop_id: int) -> tuple[int | None, int]:
    """The two workshops to compare first: this one and the one it carries on from; else
    this one and the newest that carries on from it; else this one alone (the later)."""
    ws = store.workshop(workshop_id)
    known = {s.id for s in store.list_workshops()}
    if ws.follows is not None and ws.follows in known:
        return ws.follows, workshop_id
    followers = store.followers(workshop_id)
    if followers:
        return workshop_id, followers[0]
    return None, workshop_id


def _label(summary: WorkshopSummary) -> str:
    when = f" · {summary.date.day} {summary.date:%b %Y}" if summary.date else ""
    return f"{summary.title}{when}"


class ChangesWindow(QDialog):
    """Two workshops side by side in time: what changed from the earlier to the later."""

    def __init__(
        self,
        store: Store,
        workshop_id: int,
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changes")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle("What changed")
        self.store = store
        self.workshop_id = workshop_id
        self.session = session
        self.model = ChangesModel(self)

        heading = QLabel("What changed")
        heading.setProperty("cxRole", "subheading")
        intro = QLabel(
            "Goals added, dropped or given a new measure, who became or stopped being "
            "Accountable or Responsible, and priorities that moved, from the earlier "
            "workshop to the later. Any two workshops can be compared."
        )
        intro.setWordWrap(True)
        intro.setProperty("cxRole", "hint")

        self.before_picker = QComboBox()
        self.before_picker.setObjectName("before-picker")
        self.before_picker.setAccessibleName("Earlier workshop")
        self.after_picker = QComboBox()
        self.after_picker.setObjectName("after-picker")
        self.after_picker.setAccessibleName("Later workshop")
        for picker in (self.before_picker, self.after_picker):
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            picker.setMinimumContentsLength(24)
        before_label = QLabel("&From")
        before_label.setBuddy(self.before_picker)
        after_label = QLabel("&To")
        after_label.setBuddy(self.after_picker)
        self._labels = (before_label, after_label)
        self.swap_button = QPushButton("⇄ S&wap")
        self.swap_button.setObjectName("swap")
        self.swap_button.setToolTip("Compare the other way round")
        self.swap_button.clicked.connect(self.swap)

        pickers = QHBoxLayout()
        pickers.addWidget(before_label)
        pickers.addWidget(self.before_picker, 1)
        pickers.addWidget(self.swap_button)
        pickers.addSpacing(8)
        pickers.addWidget(after_label)
        pickers.addWidget(self.after_picker, 1)

        self.summary = QLabel("")
        self.summary.setObjectName("changes-summary")
        self.summary.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("changes-table")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("What changed, one row per change")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ChangesModel.CHANGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChangesModel.GOAL, QHeaderView.ResizeMode.Stretch)
        # Names and measures whole, on one line where they fit: the goal takes what is left.
        header.setSectionResizeMode(ChangesModel.BEFORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChangesModel.AFTER, QHeaderView.ResizeMode.ResizeToContents)

        self.note = QLabel("")
        self.note.setObjectName("changes-note")
        self.note.setWordWrap(True)
        self.note.setProperty("cxRole", "hint")
        self.status = QLabel("")
        self.status.setObjectName("changes-status")
        self.status.setWordWrap(True)
        self.status.setProperty("cxRole", "hint")
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save what changed as a PDF, or as CSV for a spreadsheet")
        self.export_button.setObjectName("export-changes")
        self.export_button.clicked.connect(self.export_pdf)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(pickers)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(bottom)

        before, after = default_pair(store, workshop_id)
        self._fill_pickers(before, after)
        self.before_picker.currentIndexChanged.connect(self.refresh)
        self.after_picker.currentIndexChanged.connect(self.refresh)
        if session is not None:
            session.sig_changed.connect(self.refresh)
        self.resize(1100, 640)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Whole beside the pickers in the theme's (zoomed) font, however long the titles.
        for label in self._labels:
            text = label.text().replace("&", "")
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text) + 6)
        super().showEvent(event)

    # -- choosing the two ---------------------------------------------------------------

    def _fill_pickers(self, before: int | None, after: int | None) -> None:
        everything = self.store.list_workshops()
        for picker, chosen in ((self.before_picker, before), (self.after_picker, after)):
            picker.blockSignals(True)
            picker.clear()
            picker.addItem(CHOOSE, None)
            for summary in everything:
                picker.addItem(_label(summary), summary.id)
            picker.setCurrentIndex(max(0, picker.findData(chosen)))
            picker.blockSignals(False)

    def choose(self, before: int | None, after: int | None) -> None:
        """Compare workshop ``before`` with workshop ``after`` (ids; None: not chosen)."""
        self._fill_pickers(before, after)
        self.refresh()

    def swap(self) -> None:
        self.choose(self.after_picker.currentData(), self.before_picker.currentData())

    def _workshop(self, picker: QComboBox) -> Workshop | None:
        chosen = picker.currentData()
        if chosen is None:
            return None
        try:
            return self.store.workshop(int(chosen))
        except WorkshopError:
            return None  # deleted since the list was read

    def pair(self) -> tuple[Workshop | None, Workshop | None]:
        return self._workshop(self.before_picker), self._workshop(self.after_picker)

    # -- showing it ---------------------------------------------------------------------

    def refresh(self) -> None:
        before, after = self.pair()
        self.model.set_pair(before, after)
        self.table.resizeRowsToContents()
        self.status.setText("")
        both = before is not None and after is not None
        self.export_button.setEnabled(both)
        if not both:
            self.summary.setText(
                "This workshop does not carry on from another: choose one to compare it with."
            )
            self.note.setText("")
            return
        assert before is not None and after is not None and self.model.changes is not None
        changes = self.model.changes
        if before.id == after.id:
            self.summary.setText("The same workshop is chosen twice: nothing to compare.")
        elif changes.nothing:
            self.summary.setText(review.describe(changes)[0])
        else:
            self.summary.setText(summary_text(changes))
        self.note.setText(review.unvoted_text(changes))
        if after.follows == before.id:
            self.setWindowTitle(f"What changed · {after.title}")
        else:
            self.setWindowTitle(f"What changed · {before.title} → {after.title}")

    # -- saving it ----------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        """Ask where to save the comparison (a PDF, or CSV for a spreadsheet), then save it."""
        from ..charter import ExportFailed, export_changes, export_changes_csv
        from ..storage.safety import protected_files

        before, after = self.pair()
        if before is None or after is None:
            return None
        start = Path.home() / f"What changed - {after.title}.pdf"
        path, chosen = file_dialogs.save_file_name(
            self, "Export what changed", str(start), f"{PDF_FILTER};;{CSV_FILTER}"
        )
        if not path:
            return None
        suffix = Path(path).suffix.lower()
        as_csv = suffix == ".csv" or (chosen == CSV_FILTER and suffix != ".pdf")
        if as_csv and suffix != ".csv":
            path += ".csv"
        protect = protected_files(self.store.path)
        try:
            if as_csv:
                saved = export_changes_csv(before, after, path, protect=protect)
            else:
                saved = export_changes(before, after, path, protect=protect).path
        except ExportFailed as exc:
            self.status.setText(str(exc))
            return None
        self.status.setText(f"Saved what changed to {saved}.")
        return saved


def summary_text(changes: review.Changes) -> str:
    """The changes counted, in one line: "2 goals added, 1 goal dropped"."""
    return ", ".join(f"{n} {words}" for n, words in review.counts(changes)) + "."
