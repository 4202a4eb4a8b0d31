"""The New workshop dialog: a title, a few details, and what to start from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain import editing, language
from ...domain.defaults import default_functions, default_principles, example_goals
from ...domain.errors import WorkshopError
from ...domain.model import Workshop
from ...forms.new_workshop import Ui_NewWorkshopDialog


@dataclass(frozen=True)
class NewWorkshopChoice:
    """What the facilitator filled in: the details and whether to start from the usual content."""

    title: str
    organisation: str
    date: dt.date | None
    prefilled: bool
    language: str = language.DEFAULT
    """The computer's language, to start with; changed in Set up."""

    def build(self) -> Workshop:
        """The new workshop, blank or with the usual functions, principles and example goals."""
        ws = editing.new_workshop(
            self.title, organisation=self.organisation, date=self.date, language=self.language
        )
        if self.prefilled:
            ws.functions = default_functions()
            ws.principles = default_principles()
            ws.goals = [g for goals in example_goals().values() for g in goals]
        return ws


def system_language() -> str:
    """The language the computer is set to, as a tag ("en-GB"); "en" if it cannot say."""
    return language.from_locale(QLocale.system().bcp47Name())


def _starting_content() -> str:
    """What 'the usual' means, counted, so the choice is not a leap in the dark."""
    goals = sum(len(g) for g in example_goals().values())
    return (
        f"{len(default_functions())} functions, {len(default_principles())} principles and "
        f"{goals} example goals with metrics. Everything can be edited or removed later."
    )


class NewWorkshopDialog(QDialog):
    """Asks for the new workshop's title (required), organisation, date and starting content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewWorkshopDialog()
        self.ui.setupUi(self)
        self.ui.prefilledHint.setText(_starting_content())
        self.ui.dateEdit.setDate(QDate.currentDate())
        self.ui.problemLabel.hide()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create workshop")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.titleEdit.textChanged.connect(self._title_changed)
        self._title_changed(self.ui.titleEdit.text())
        self.ui.titleEdit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once the theme's (zoomed) font is in place, so nothing is cut off.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.adjustSize()
        super().showEvent(event)

    def _title_changed(self, text: str) -> None:
        # A workshop without a title cannot be found in the library again.
        self.ok_button.setEnabled(bool(text.strip()))
        self.ui.problemLabel.hide()

    def choice(self) -> NewWorkshopChoice:
        """What has been filled in so far."""
        date = self.ui.dateEdit.date()
        return NewWorkshopChoice(
            title=self.ui.titleEdit.text().strip(),
            organisation=self.ui.organisationEdit.text().strip(),
            date=dt.date(date.year(), date.month(), date.day()) if date.isValid() else None,
            prefilled=self.ui.prefilledRadio.isChecked(),
            language=system_language(),
        )

    def accept(self) -> None:
        # Check the details with the workshop's own rules before closing, so a
        # too-long title is explained here rather than after the dialog is gone.
        try:
            self.choice().build()
        except WorkshopError as exc:
            self.ui.problemLabel.setText(str(exc))
            self.ui.problemLabel.show()
            self.ui.titleEdit.setFocus()
            return
        super().accept()
