"""Starting next quarter's workshop from this one: the dialog that names it (the edit is
:func:`cxworkshop.gui.ops.library.start_next_workshop`).

The new workshop carries on from the old (see :func:`cxworkshop.domain.review.next_workshop`):
goals with their latest readings as baselines, people, functions and accountability,
with the last review's decisions applied and voting fresh. In the library it is one
undo step, like a new or duplicated workshop.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..domain import editing, review
from ..domain.errors import WorkshopError
from ..domain.model import ReviewDecision, Workshop
from ..forms.next_workshop import Ui_NextWorkshopDialog


def carried_over(previous: Workshop) -> str:
    """What the new workshop will hold, counted, so the choice is not a leap in the dark."""
    last = previous.reviews[-1] if previous.reviews else None
    decided = [e.decision for e in last.goals] if last else []
    dropped = decided.count(ReviewDecision.DROP)
    kept = len(previous.goals) - dropped
    goals = f"{kept} goal{'s' if kept != 1 else ''}"
    people = (
        f"{len(previous.participants)} {'person' if len(previous.participants) == 1 else 'people'}"
    )
    functions = f"{len(previous.functions)} function{'s' if len(previous.functions) != 1 else ''}"
    lines = [
        f"Carried over: {goals} with their measures, {people}, {functions}, "
        "and who is Accountable, Responsible, Consulted and Informed for each goal."
    ]
    if last is None:
        lines.append("No progress review yet: every goal comes over as it is.")
    else:
        applied = []
        for decision, words in (
            (ReviewDecision.DROP, "dropped"),
            (ReviewDecision.RETARGET, "given a new target"),
            (ReviewDecision.REASSIGN, "given a new Accountable"),
        ):
            n = decided.count(decision)
            if n:
                applied.append(f"{n} {'goal' if n == 1 else 'goals'} {words}")
        held = f"{last.held_on.day} {last.held_on:%B %Y}"
        if applied:
            lines.append(f"From the review of {held}: " + ", ".join(applied) + ".")
        else:
            lines.append(f"The review of {held} kept every goal as it was.")
        lines.append("Each goal's latest reading becomes its new baseline.")
    lines.append("Voting starts afresh; the old workshop stays as it is.")
    return "\n".join(lines)


class NextWorkshopDialog(QDialog):
    """Asks when the next workshop is held and what it is called (a title is suggested)."""

    def __init__(self, previous: Workshop, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("next-workshop")
        self.ui = Ui_NextWorkshopDialog()
        self.ui.setupUi(self)
        self.previous = previous
        self._suggested = ""
        self.ui.headingLabel.setText(f"Carry on from “{previous.title}”")
        self.ui.summaryLabel.setText(carried_over(previous))
        self.ui.summaryLabel.setObjectName("carried-over")
        self.date_edit = self.ui.dateEdit
        self.date_edit.setObjectName("next-date")
        self.title_edit = self.ui.titleEdit
        self.title_edit.setObjectName("next-title")
        self.problem = self.ui.problemLabel
        self.problem.setForegroundRole(QPalette.ColorRole.BrightText)  # the theme's error colour
        self.problem.hide()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Start the next workshop")
        self.ui.buttonBox.accepted.connect(self.accept)

        on = review.next_date(previous, today)
        self.date_edit.setDate(QDate(on.year, on.month, on.day))
        self.date_edit.dateChanged.connect(self._date_changed)
        self.title_edit.textChanged.connect(self._title_changed)
        self._date_changed()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once the theme's (zoomed) font is in place, so nothing is cut off.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.adjustSize()
        super().showEvent(event)

    def date(self) -> dt.date:
        q = self.date_edit.date()
        return dt.date(q.year(), q.month(), q.day())

    def title(self) -> str:
        return self.title_edit.text().strip()

    def _date_changed(self) -> None:
        # The suggestion follows the date until the facilitator types a title of their own.
        if self.title_edit.text() in ("", self._suggested):
            self._suggested = review.next_title(self.previous.title, self.date())
            self.title_edit.setText(self._suggested)

    def _title_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))
        self.problem.hide()

    def accept(self) -> None:
        # The workshop's own rules, here, so a title too long is explained before closing.
        try:
            editing.new_workshop(self.title(), date=self.date())
        except WorkshopError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.title_edit.setFocus()
            return
        super().accept()
