"""Set up: the workshop's details, the people in the room, and the functions at the table.

Everything here is edited in place and saved as the facilitator goes: a
details field when editing finishes, a table cell when its editor closes, a
function when it is ticked, renamed, recoloured or dragged. Each change is
one undo step.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QDate, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import language
from ...domain.editing import Removal
from ...domain.model import Step
from ...forms.workshop_details import Ui_WorkshopDetailsForm
from ..models.people import FunctionsModel, ParticipantsModel
from ..ops import details
from ..ops import people as people_ops
from ..session import Session
from ..widgets.agenda import AgendaPanel
from ..widgets.entry_row import EntryRow
from ..widgets.page_parts import ErrorLine, FittingScrollArea, page_header, panel, scrolling_body
from .base import StepPage
from .setup_lists import FunctionsList, ParticipantsTable

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
        assert isinstance(details_layout, QVBoxLayout)
        heading_item = details_layout.takeAt(0)
        heading = None if heading_item is None else heading_item.widget()
        assert heading is not None
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
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
        line = combo.lineEdit()
        assert line is not None  # the form makes the combo editable
        self._language_edit = line
        line.setAccessibleName(combo.accessibleName())
        line.editingFinished.connect(self._commit_language)
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
        details_panel = self.details.parentWidget()
        assert details_panel is not None
        panel_margins = details_panel.contentsMargins()
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
                field.setParent(None)
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
        buttons = EntryRow(
            "Add a function…", "New function's name", "Add function", "Remove function"
        )
        buttons.sig_add.connect(self.add_function)
        buttons.sig_remove.connect(self.remove_selected_function)
        self.function_entry = buttons.entry
        self.add_function_button = buttons.add_button
        self.remove_function_button = buttons.remove_button
        self.colour_button = QPushButton("Colour…")
        self.colour_button.setAccessibleName("Choose the function's colour")
        self.colour_button.clicked.connect(self.choose_colour)
        buttons.add_before_remove(self.colour_button)
        self._function_row = buttons
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
        for edit in (*self._line_edits.values(), self._language_edit):
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
        if not self._language_edit.isModified():
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
        self._language_edit.setModified(False)
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
            self._language_edit.setModified(True)
            self._language_edit.selectAll()
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
        name = self._function_row.typed()
        if name is None:
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
