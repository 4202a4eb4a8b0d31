"""Charter: review what the sponsor will receive, fill the gaps, and export the PDF.

The page shows each section of the charter with what it will hold, flags the
gaps a reader would otherwise find (a goal without a measure, a goal nobody
answers for, no vote, no review date), and edits the two things only this
step decides: the next steps and the date of the progress review. Export PDF
(Ctrl+E) saves the charter as it stands at any step; until every step is
complete it is marked as a draft.

The PDF library is loaded by the first export, not when the page is built, so
opening a workshop stays quick.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QLocale,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFontMetrics,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...charter import ExportFailed, Paper, for_territory
from ...charter.content import (
    Gap,
    incomplete_steps,
    sections,
    sign_off_line,
    signatories,
)
from ...charter.content import gaps as charter_gaps
from ...domain import editing
from ...domain.model import AskKind, Cadence, Step, Workshop
from ...domain.progress import status_after_export
from .. import file_dialogs
from ..models.charter import AsksModel, CommitmentsModel
from ..ops import charter as charter_ops
from ..options import Options, start_folder
from ..roles import STEP_ROLE
from ..session import Session
from ..status import set_status
from ..theme import mark_content
from ..widgets.charter_lists import NO_DATE, AskKindDelegate, CommitmentsTable, OptionalDate
from ..widgets.entry_row import EntryRow
from ..widgets.page_parts import ErrorLine, page_header, panel, scrolling_body
from .base import StepPage

EXPORT_SHORTCUT = QKeySequence("Ctrl+E")
READY = "✓"
MISSING = "⚠"
REVIEW_AFTER_MONTHS = 3


def default_paper(locale: QLocale | None = None) -> Paper:
    """US Letter where the locale measures in US units or prints on Letter; A4 elsewhere."""
    locale = locale or QLocale()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return for_territory(QLocale.territoryToCode(locale.territory()))


def file_name(title: str) -> str:
    """A file name for the charter of a workshop called ``title``."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    cleaned = " ".join(cleaned.split()).strip(" .")
    return f"{cleaned or 'Charter'}.pdf"


def months_later(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month = date.month - 1 + months
    year, month = date.year + month // 12, month % 12 + 1
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


# ----------------------------------------------------------------- the page


class CharterPage(StepPage):
    """The last step: what the charter will hold, its gaps, next steps, review date, export.

    The main window should put :attr:`export_action` in its File menu rather than
    make an action of its own: it carries Ctrl+E, and one action cannot clash with
    itself. :meth:`export_pdf` works at any step.
    """

    step = Step.CHARTER

    sig_step_requested = Signal(str)
    """The facilitator chose a gap: show this step (a ``Step`` value) to fill it."""

    sig_exported = Signal(str)
    """The charter was saved as a PDF at this path."""

    sig_notice = Signal(str)
    """Something about an export the user must know, in one line (the PDF could not be opened)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Workshop content: its text follows the zoom wherever the page is shown.
        mark_content(self)
        self._showing_date = False
        self._last_folder: Path | None = None
        self._saved_at: Path | None = None
        self.options: Options | None = None
        """Where the folder of the last export is remembered (None: only while the page lives)."""
        self.commitments_model = CommitmentsModel(self)
        self.asks_model = AsksModel(self)

        self.export_action = QAction("Export PDF…", self)
        self.export_action.setShortcut(EXPORT_SHORTCUT)
        self.export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.export_action.setStatusTip("Save the charter as a PDF for the sponsor")
        self.export_action.triggered.connect(self.export_pdf)
        self.addAction(self.export_action)

        self.error_line = ErrorLine()
        header = page_header(
            "Charter",
            "What the sponsor receives: check each section, fill the gaps, agree the next "
            "steps and the review date, then export the PDF.",
            self.error_line,
        )

        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._build_export())
        right.addWidget(self._build_next_steps(), 1)
        right.addWidget(self._build_asks(), 1)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(self._build_review(), 1)
        columns.addLayout(right, 1)

        layout = scrolling_body(self)
        layout.addWidget(header)
        layout.addLayout(columns, 1)
        self._set_tab_order()
        self.refresh()

    # -- building --------------------------------------------------------------

    def _build_review(self) -> QFrame:
        frame, layout = panel(
            "What the charter holds",
            "Each section of the PDF, and anything missing from it. Enter on a gap, or a "
            "double-click, goes to the step where it is filled in.",
        )
        self.sections_grid = QGridLayout()
        self.sections_grid.setHorizontalSpacing(14)
        self.sections_grid.setVerticalSpacing(6)
        self.section_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for row in range(len(sections(editing.new_workshop("—")))):
            mark, title, detail = QLabel(), QLabel(), QLabel()
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            detail.setProperty("cxRole", "muted")
            detail.setWordWrap(True)
            self.sections_grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            self.sections_grid.addWidget(title, row, 1, Qt.AlignmentFlag.AlignTop)
            self.sections_grid.addWidget(detail, row, 2)
            self.section_rows.append((mark, title, detail))
        self.sections_grid.setColumnStretch(2, 1)
        layout.addLayout(self.sections_grid)

        self.gaps_heading = QLabel()
        self.gaps_heading.setProperty("cxRole", "subheading")
        # "Nothing missing: …" is a sentence: it wraps rather than set the column's width.
        self.gaps_heading.setWordWrap(True)
        self.gaps_list = QListWidget()
        self.gaps_list.setAccessibleName("Gaps to fill before export")
        self.gaps_list.setWordWrap(True)
        self.gaps_list.setSpacing(3)
        self.gaps_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gaps_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.gaps_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gaps_list.itemActivated.connect(self._gap_chosen)
        layout.addSpacing(6)
        layout.addWidget(self.gaps_heading)
        layout.addWidget(self.gaps_list)

        sign_off = QLabel("Who signs")
        sign_off.setProperty("cxRole", "subheading")
        sign_off_hint = QLabel("The sponsor and each Accountable sign the charter's last page.")
        sign_off_hint.setProperty("cxRole", "hint")
        sign_off_hint.setWordWrap(True)
        self.sign_off_list = QLabel()
        self.sign_off_list.setTextFormat(Qt.TextFormat.RichText)
        self.sign_off_list.setWordWrap(True)
        self.sign_off_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sign_off_list.setAccessibleName("Names for sign-off")
        self.signed_date = OptionalDate(
            "The sponsor signed on", "date the sponsor signed", dt.date.today
        )
        self.signed_date.sig_chosen.connect(lambda d: self.set_sign_off("signed_on", d))
        self.sign_by_date = OptionalDate(
            "To be signed by", "date the sponsor is to sign by", self._suggested_sign_by
        )
        self.sign_by_date.sig_chosen.connect(lambda d: self.set_sign_off("sign_by", d))
        self.sign_off_status = QLabel()
        self.sign_off_status.setWordWrap(True)
        self.sign_off_status.setAccessibleName("Sign-off status")
        layout.addSpacing(10)
        layout.addWidget(sign_off)
        layout.addWidget(sign_off_hint)
        layout.addWidget(self.sign_off_list)
        layout.addWidget(self.sign_off_status)
        layout.addWidget(self.signed_date)
        layout.addWidget(self.sign_by_date)
        layout.addStretch(1)
        return frame

    def _build_next_steps(self) -> QFrame:
        frame, layout = panel(
            "Next steps and progress review",
            "What happens next, who does it and by when, and when the team checks progress. "
            "Double-click a cell to change it; Delete removes the selected step.",
        )
        self.review_check = QCheckBox("Review progress on")
        self.review_check.setAccessibleName("Set a date to review progress")
        self.review_check.toggled.connect(self._on_review_toggled)
        self.review_edit = QDateEdit()
        self.review_edit.setAccessibleName("Progress review date")
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat("d MMMM yyyy")
        self.review_edit.setMinimumDate(NO_DATE)
        self.review_edit.setSpecialValueText("No date set")
        self.review_edit.editingFinished.connect(self._commit_review_edit)
        calendar = self.review_edit.calendarWidget()
        calendar.clicked.connect(self._commit_review_edit)
        calendar.activated.connect(self._commit_review_edit)
        self.quarter_button = QPushButton(f"In {REVIEW_AFTER_MONTHS} months")
        self.quarter_button.setAccessibleName(
            f"Review progress {REVIEW_AFTER_MONTHS} months after the workshop"
        )
        self.quarter_button.clicked.connect(self.review_in_three_months)
        review = QHBoxLayout()
        review.addWidget(self.review_check)
        review.addWidget(self.review_edit)
        review.addStretch(1)
        cadence_label = QLabel("And then")
        self.cadence_combo = QComboBox()
        self.cadence_combo.setAccessibleName("How often progress is reviewed after that")
        self.cadence_combo.addItem("No cadence agreed", "")
        for cadence in Cadence:
            self.cadence_combo.addItem(cadence.label, cadence.value)
        cadence_label.setBuddy(self.cadence_combo)
        self.cadence_combo.activated.connect(self._cadence_chosen)
        cadence_row = QHBoxLayout()
        cadence_row.addWidget(self.quarter_button)
        cadence_row.addSpacing(12)
        cadence_row.addWidget(cadence_label)
        cadence_row.addWidget(self.cadence_combo)
        cadence_row.addStretch(1)

        self.commitments_view = CommitmentsTable(self.commitments_model)
        self.commitments_view.setAccessibleName("Next steps")
        self.commitments_view.sig_remove_requested.connect(self.remove_selected_commitment)
        self.commitments_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.commitments_model.rowsInserted.connect(self.commitments_view.resizeRowsToContents)
        self.commitments_model.dataChanged.connect(self.commitments_view.resizeRowsToContents)
        entry = EntryRow("Add a next step…", "New next step", "Add next step", "Remove next step")
        entry.sig_add.connect(self.add_commitment)
        entry.sig_remove.connect(self.remove_selected_commitment)
        self._commitment_row = entry
        self.commitment_entry = entry.entry
        self.add_commitment_button = entry.add_button
        self.remove_commitment_button = entry.remove_button
        layout.addLayout(review)
        layout.addLayout(cadence_row)
        layout.addWidget(self.commitments_view, 1)
        layout.addLayout(entry)
        return frame

    def _build_asks(self) -> QFrame:
        frame, layout = panel(
            "What we ask of the sponsor",
            "The decisions, budget or people the team needs from the sponsor, and by when. "
            "Type an ask and press Enter; double-click a cell to change it.",
        )
        self.asks_view = CommitmentsTable(self.asks_model)
        self.asks_view.setItemDelegateForColumn(AsksModel.KIND, AskKindDelegate(self.asks_view))
        self.asks_view.setAccessibleName("Asks of the sponsor")
        self.asks_view.sig_remove_requested.connect(self.remove_selected_ask)
        self.asks_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.asks_model.rowsInserted.connect(self.asks_view.resizeRowsToContents)
        self.asks_model.dataChanged.connect(self.asks_view.resizeRowsToContents)
        entry = EntryRow(
            "Add an ask of the sponsor…",
            "New ask of the sponsor",
            "Add ask of the sponsor",
            "Remove ask of the sponsor",
        )
        entry.sig_add.connect(self.add_ask)
        entry.sig_remove.connect(self.remove_selected_ask)
        self._ask_row = entry
        self.ask_entry = entry.entry
        self.add_ask_button = entry.add_button
        self.remove_ask_button = entry.remove_button
        self.ask_kind_combo = QComboBox()
        self.ask_kind_combo.setAccessibleName("Kind of the new ask")
        for kind in AskKind:
            self.ask_kind_combo.addItem(kind.label, kind.value)
        entry.add_beside_entry(self.ask_kind_combo)
        layout.addWidget(self.asks_view, 1)
        layout.addLayout(entry)
        return frame

    def _build_export(self) -> QFrame:
        frame, layout = panel("Export the charter", "")
        self.draft_note = QLabel()
        self.draft_note.setProperty("cxRole", "hint")
        self.draft_note.setWordWrap(True)
        paper_label = QLabel("Paper")
        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName("Paper size")
        for paper in Paper:
            self.paper_combo.addItem(paper.label, paper.value)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper().value))
        paper_label.setBuddy(self.paper_combo)
        self.open_check = QCheckBox("Open the PDF when it is saved")
        self.open_check.setAccessibleName("Open the PDF when it is saved")
        self.open_check.setChecked(True)
        self.export_button = QPushButton(
            f"Export PDF…   {EXPORT_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)}"
        )
        self.export_button.setProperty("cxRole", "primary")
        self.export_button.setAccessibleName("Export PDF")
        self.export_button.setToolTip("Save the charter as a PDF (Ctrl+E)")
        self.export_button.clicked.connect(self.export_action.trigger)
        self.export_status = QLabel()
        self.export_status.setProperty("cxRole", "hint")
        self.export_status.setWordWrap(True)
        self.export_status.hide()
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton("Open Folder")
        self.folder_button.setAccessibleName("Open the folder the PDF was saved in")
        self.folder_button.setToolTip("Show the folder holding the PDF")
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.hide()
        paper_row = QHBoxLayout()
        paper_row.addWidget(paper_label)
        paper_row.addWidget(self.paper_combo)
        paper_row.addSpacing(20)
        paper_row.addWidget(self.open_check)
        paper_row.addStretch(1)
        layout.addWidget(self.draft_note)
        layout.addLayout(paper_row)
        layout.addSpacing(2)
        layout.addWidget(self.export_button)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.export_status, 1)
        saved_row.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(saved_row)
        return frame

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.gaps_list,
            self.signed_date.check,
            self.signed_date.edit,
            self.sign_by_date.check,
            self.sign_by_date.edit,
            self.review_check,
            self.review_edit,
            self.quarter_button,
            self.cadence_combo,
            self.commitments_view,
            self.commitment_entry,
            self.add_commitment_button,
            self.remove_commitment_button,
            self.asks_view,
            self.ask_entry,
            self.ask_kind_combo,
            self.add_ask_button,
            self.remove_ask_button,
            self.paper_combo,
            self.open_check,
            self.export_button,
            self.folder_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- following the session ---------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.error_line.follow(session)
        self.commitments_model.set_session(session)
        self.asks_model.set_session(session)
        self._show_status("")
        super().set_session(session)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        self.export_action.setEnabled(ws is not None)
        if ws is None:
            return
        for (mark, title, detail), section in zip(self.section_rows, sections(ws), strict=True):
            mark.setText(READY if section.ready else MISSING)
            # The theme maps BrightText to its warning red; the symbol says it too.
            mark.setForegroundRole(
                QPalette.ColorRole.WindowText if section.ready else QPalette.ColorRole.BrightText
            )
            title.setText(section.title)
            detail.setText(section.detail)
            state = "complete" if section.ready else "incomplete"
            mark.setAccessibleName(f"{section.title}: {state}")
        self._show_gaps(charter_gaps(ws))
        missing = [step.label for step in incomplete_steps(ws)]
        self.draft_note.setText(
            "The PDF is marked as a draft until every step is complete; still to do: "
            f"{', '.join(missing)}."
            if missing
            else "Every step is complete: the PDF goes out as the final charter."
        )
        self._show_sign_off(ws)
        if not (self.review_edit.hasFocus() and self._shown_date() != ws.review_date):
            self._show_date(ws.review_date)
        self.cadence_combo.setCurrentIndex(
            max(
                0, self.cadence_combo.findData(ws.review_cadence.value if ws.review_cadence else "")
            )
        )
        self.signed_date.show_date(ws.signed_on)
        self.sign_by_date.show_date(ws.sign_by)
        self.sign_off_status.setText(
            f"{READY if ws.signed_on else MISSING}  {escape(sign_off_line(ws))}."
        )
        self.commitments_view.resizeRowsToContents()
        self.asks_view.resizeRowsToContents()
        self._update_buttons()

    def focus_first(self) -> None:
        self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_gaps(self, found: list[Gap]) -> None:
        self.gaps_list.clear()
        for gap in found:
            item = QListWidgetItem(f"{MISSING}  {gap.step.label}: {gap.message}")
            item.setData(STEP_ROLE, gap.step.value)
            item.setToolTip(f"Enter or double-click to go to {gap.step.label}")
            self.gaps_list.addItem(item)
        n = len(found)
        if n:
            self.gaps_heading.setText(f"{n} gap{'s' if n != 1 else ''} to fill before export")
        else:
            self.gaps_heading.setText(f"{READY}  Nothing missing: the charter is ready to send.")
        self.gaps_list.setVisible(bool(found))
        metrics = QFontMetrics(self.gaps_list.font())
        rows = min(n, 5)
        self.gaps_list.setFixedHeight(rows * (metrics.height() * 2 + 8) + 8 if rows else 0)

    def _show_sign_off(self, ws: Workshop) -> None:
        people = signatories(ws)
        if not people:
            self.sign_off_list.setText(
                "<i>Name a sponsor in Set up and an Accountable for each goal; "
                "they will sign here.</i>"
            )
            return
        rows = "".join(
            f"<tr><td style='padding:2px 18px 2px 0'><b>{escape(p.name)}</b></td>"
            f"<td style='padding:2px 0'>{escape(p.duty)}</td></tr>"
            for p in people
        )
        self.sign_off_list.setText(f"<table cellspacing='0'>{rows}</table>")

    def _gap_chosen(self, item: QListWidgetItem) -> None:
        self.sig_step_requested.emit(str(item.data(STEP_ROLE)))

    def _update_buttons(self) -> None:
        selected = self.commitments_model.commitment_at(self.commitments_view.currentIndex())
        self.remove_commitment_button.setEnabled(selected is not None)
        ask = self.asks_model.ask_at(self.asks_view.currentIndex())
        self.remove_ask_button.setEnabled(ask is not None)

    # -- next steps --------------------------------------------------------------

    def add_commitment(self) -> None:
        """Add the next step typed in the entry (or go to the entry if it is empty)."""
        text = self._commitment_row.typed()
        if text is None:
            return
        added = None if self.session is None else charter_ops.add_commitment(self.session, text)
        if added is not None:
            # Clear only on success, so refused wording can be corrected.
            self.commitment_entry.clear()
            row = self.commitments_model.row_of(added.id)
            index = self.commitments_model.index(row, CommitmentsModel.OWNER)
            # On to who does it: the usual next thing to type.
            self.commitments_view.setCurrentIndex(index)
            self.commitments_view.scrollTo(index)

    def remove_selected_commitment(self) -> None:
        """Take the selected next step off the list (one undo step)."""
        c = self.commitments_model.commitment_at(self.commitments_view.currentIndex())
        if c is not None and self.session is not None:
            charter_ops.remove_commitment(self.session, c.id)

    # -- the asks of the sponsor ----------------------------------------------------

    def add_ask(self) -> None:
        """Add the ask typed in the entry, of the kind chosen beside it (one undo step)."""
        text = self._ask_row.typed()
        if text is None:
            return
        kind = AskKind(self.ask_kind_combo.currentData())
        added = None if self.session is None else charter_ops.add_ask(self.session, text, kind)
        if added is not None:
            self.ask_entry.clear()
            index = self.asks_model.index(self.asks_model.row_of(added.id), AsksModel.DUE)
            # On to by when: the usual next thing to say of an ask.
            self.asks_view.setCurrentIndex(index)
            self.asks_view.scrollTo(index)

    def remove_selected_ask(self) -> None:
        """Take the selected ask off the list (one undo step)."""
        a = self.asks_model.ask_at(self.asks_view.currentIndex())
        if a is not None and self.session is not None:
            charter_ops.remove_ask(self.session, a.id)

    # -- the sign-off and the cadence ------------------------------------------------

    def _suggested_sign_by(self) -> dt.date:
        ws = None if self.session is None else self.session.workshop
        start = ws.date if ws is not None and ws.date else dt.date.today()
        return start + dt.timedelta(days=14)

    def set_sign_off(self, field: str, date: dt.date | None) -> None:
        """Record when the sponsor signed, or is to sign by (one undo step); None clears it."""
        if self.session is None:
            return
        charter_ops.set_sign_off(self.session, field, date)
        self.refresh()

    def _cadence_chosen(self, _index: int) -> None:
        self.set_cadence(Cadence(value) if (value := self.cadence_combo.currentData()) else None)

    def set_cadence(self, cadence: Cadence | None) -> None:
        """Set how often progress is reviewed after the next review (one undo step)."""
        if self.session is None:
            return
        charter_ops.set_cadence(self.session, cadence)
        self.refresh()

    # -- the review date -----------------------------------------------------------

    def _shown_date(self) -> dt.date | None:
        if not self.review_check.isChecked():
            return None
        d = self.review_edit.date()
        return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())

    def _show_date(self, date: dt.date | None) -> None:
        self._showing_date = True
        try:
            self.review_check.setChecked(date is not None)
            self.review_edit.setEnabled(date is not None)
            shown = NO_DATE if date is None else QDate(date.year, date.month, date.day)
            self.review_edit.setDate(shown)
        finally:
            self._showing_date = False

    def _on_review_toggled(self, checked: bool) -> None:
        if self._showing_date:
            return
        self.set_review_date(self._suggested_review() if checked else None)
        if checked:
            self.review_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit_review_edit(self) -> None:
        if self._showing_date or not self.review_check.isChecked():
            return
        chosen = self._shown_date()
        if chosen is not None:
            self.set_review_date(chosen)

    def _suggested_review(self) -> dt.date:
        ws = None if self.session is None else self.session.workshop
        start = ws.date if ws is not None and ws.date else dt.date.today()
        return months_later(start, REVIEW_AFTER_MONTHS)

    def review_in_three_months(self) -> None:
        """Set the review three months after the workshop (or after today, with no date)."""
        self.set_review_date(self._suggested_review())

    def set_review_date(self, date: dt.date | None) -> None:
        """Set or clear the date of the progress review (one undo step)."""
        if self.session is None:
            return
        charter_ops.set_review_date(self.session, date)
        self._show_date(self.session.workshop.review_date)

    # -- export --------------------------------------------------------------------

    def _show_status(self, text: str, saved_at: Path | None = None) -> None:
        """Say how the last export went; ``saved_at``: the PDF whose folder can be opened."""
        self.export_status.setText(text)
        self.export_status.setVisible(bool(text))
        self._saved_at = saved_at
        self.folder_button.setVisible(saved_at is not None)

    def open_folder(self) -> None:
        """Show the folder the last PDF was saved in, in the system's file manager."""
        if self._saved_at is None:
            return
        folder = self._saved_at.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._show_status(
                f"{MISSING}  The folder could not be opened; the PDF is at {self._saved_at}.",
                self._saved_at,
            )

    def paper(self) -> Paper:
        """The paper size chosen for the PDF."""
        return Paper(self.paper_combo.currentData())

    def export_pdf(self) -> Path | None:
        """Ask where to save the charter, then save it as a PDF; returns where, or None.

        Works at any step: an unfinished workshop gives a charter marked as a draft.
        A failure is reported in one sentence and leaves any earlier file untouched.
        """
        if self.session is None:
            return None
        ws = self.session.workshop
        remembered = self.options.export_folder if self.options else self._last_folder
        folder = start_folder(remembered)
        chosen, _ = file_dialogs.save_file_name(
            self,
            "Export the charter as PDF",
            str(folder / file_name(ws.title)),
            "PDF documents (*.pdf)",
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        # The PDF library loads here, on first use, not when the app starts.
        from ...charter import export_pdf
        from ...storage import safety

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = export_pdf(
                ws,
                target,
                self.paper(),
                protect=safety.protected_files(self.session.store.path),
            )
        except ExportFailed as exc:
            self.session.sig_error.emit(str(exc))
            self._show_status("")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._last_folder = done.path.parent
        if self.options is not None:
            self.options.export_folder = done.path.parent
        # The final charter has gone out: the workshop is done (its own undo step).
        new_status = status_after_export(ws, final=not done.draft)
        if new_status is not None:
            set_status(self.session, new_status, "final charter exported")
        pages = f"{done.pages} page{'s' if done.pages != 1 else ''}"
        draft = ", marked as a draft" if done.draft else ""
        status = f"{READY}  Saved {done.path.name} ({pages}{draft}) in {done.path.parent}"
        if done.replaced:
            status += (
                f". Its fonts lack {' '.join(sorted(done.replaced))}, shown as \ufffd in the PDF."
            )
        if self.open_check.isChecked() and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(done.path))
        ):
            # No app for PDFs (or it failed to start): the file is safe, say where it is.
            notice = (
                f"The PDF was saved at {done.path} but could not be opened: "
                "no app for PDF files is set up."
            )
            status = f"{MISSING}  {notice}"
            self.sig_notice.emit(notice)
        self._show_status(status, done.path)
        self.sig_exported.emit(str(done.path))
        return done.path
