"""The agenda editor in Set up: a start time and each step's timebox, with its clock times.

Compact on purpose: a link in the details panel's heading says how long the
agenda runs ("Agenda: 2 h 45 min ▸") and opens one strip of fields under the
details, so the people and functions below keep their height until the
facilitator wants the agenda. Each change is one undo step through the
session ("Set the Goals timebox to 45 minutes"); the timer on the console
and on the audience screen counts down from these.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from ...domain import agenda
from ...domain.model import Step
from ..ops.agenda import set_start, set_timebox
from ..session import Session

DEFAULT_START = dt.time(9, 0)
"""The start time offered when the facilitator first ticks "Starts at"."""


class AgendaPanel(QWidget):
    """The steps' timeboxes and the agenda's start, with each step's planned clock times.

    ``toggle`` is the link that opens and closes it; the page puts it where it
    fits (the details panel's heading row).
    """

    sig_changed = Signal()
    """The facilitator changed the agenda (after the edit was made)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Agenda")
        self.session: Session | None = None
        self._showing = False
        self._per_row = 6

        self.toggle = QToolButton()
        self.toggle.setObjectName("agenda_toggle")
        self.toggle.setProperty("cxRole", "link")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show the agenda")
        self.toggle.setToolTip("The steps' timeboxes and the start time")
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.toggled.connect(self.setVisible)
        self.toggle.toggled.connect(self._show_times)
        self.setVisible(False)

        self.start_check = QCheckBox("Starts at")
        self.start_check.setAccessibleName("The agenda has a start time")
        self.start_check.toggled.connect(self._start_toggled)
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.start_edit.editingFinished.connect(self._commit_start)

        self.spins: dict[Step, QSpinBox] = {}
        self.names: dict[Step, QLabel] = {}
        for step in Step:
            spin = QSpinBox()
            spin.setRange(agenda.MIN_TIMEBOX, agenda.MAX_TIMEBOX)
            spin.setSuffix(" min")
            spin.setKeyboardTracking(False)
            spin.setAccessibleName(f"{step.label} timebox in minutes")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.editingFinished.connect(lambda s=step: self._commit_timebox(s))
            self.spins[step] = spin
            name = QLabel(step.label)
            name.setBuddy(spin)
            self.names[step] = name

        # Two rows: names over fields, the start time first.
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 8, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(4)
        self.grid.addWidget(self.start_check, 0, 0)
        self.grid.addWidget(self.start_edit, 1, 0)
        self._lay_out(6)
        self.refresh()

    # -- layout ------------------------------------------------------------------

    def _lay_out(self, per_row: int) -> None:
        """Six steps across, or three when the window is narrow (zoomed in)."""
        self._per_row = per_row
        for step in Step:
            self.grid.removeWidget(self.names[step])
            self.grid.removeWidget(self.spins[step])
        for i, step in enumerate(Step):
            row, column = divmod(i, per_row)
            self.grid.addWidget(self.names[step], 2 * row, column + 1)
            self.grid.addWidget(self.spins[step], 2 * row + 1, column + 1)
        for column in range(6):
            self.grid.setColumnStretch(column + 1, 1 if column < per_row else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        widest = max(
            max(self.names[s].sizeHint().width(), self.spins[s].sizeHint().width()) for s in Step
        )
        lead = max(self.start_check.sizeHint().width(), self.start_edit.sizeHint().width())
        needed = 6 * widest + lead + 6 * self.grid.horizontalSpacing()
        per_row = 6 if self.width() >= needed else 3
        if per_row != self._per_row:
            self._lay_out(per_row)

    def tab_chain(self) -> list[QWidget]:
        """The panel's inputs in reading order, for the page's tab order."""
        return [self.toggle, self.start_check, self.start_edit, *self.spins.values()]

    # -- following the session ---------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        self._showing = True
        try:
            for step, spin in self.spins.items():
                value = agenda.DEFAULT_TIMEBOXES[step] if ws is None else agenda.timebox(ws, step)
                # Never overwrite a number someone is typing.
                if not spin.hasFocus() and spin.value() != value:
                    spin.setValue(value)
            start = None if ws is None else ws.agenda_start
            self.start_check.setChecked(start is not None)
            self.start_edit.setEnabled(start is not None)
            if not self.start_edit.hasFocus():
                shown = start or DEFAULT_START
                self.start_edit.setTime(QTime(shown.hour, shown.minute))
        finally:
            self._showing = False
        self.toggle.setEnabled(ws is not None)
        self._show_times()

    def _show_times(self, *_: object) -> None:
        ws = None if self.session is None else self.session.workshop
        arrow = "▾" if self.toggle.isChecked() else "▸"
        if ws is None:
            self.toggle.setText(f"Agenda {arrow}")
            return
        slots = agenda.agenda(ws)
        for slot in slots:
            label = slot.step.label
            if slot.start is not None:
                label = f"{agenda.clock_text(slot.start)}  {label}"
            self.names[slot.step].setText(label)
        total = agenda.duration_text(agenda.total_minutes(ws) * 60)
        start, end = ws.agenda_start, agenda.end_time(ws)
        span = f"{agenda.clock_text(start)}–{agenda.clock_text(end)}, " if start and end else ""
        self.toggle.setText(f"Agenda: {span}{total} {arrow}")

    # -- edits -----------------------------------------------------------------------

    def _commit_timebox(self, step: Step) -> None:
        if self._showing or self.session is None:
            return
        if set_timebox(self.session, step, self.spins[step].value()):
            self.sig_changed.emit()
        self.refresh()

    def _start_toggled(self, checked: bool) -> None:
        if self._showing or self.session is None:
            return
        self.start_edit.setEnabled(checked)
        chosen = self._chosen_start() if checked else None
        if set_start(self.session, chosen):
            self.sig_changed.emit()
        if checked:
            self.start_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def _commit_start(self) -> None:
        if self._showing or self.session is None or not self.start_check.isChecked():
            return
        if set_start(self.session, self._chosen_start()):
            self.sig_changed.emit()
        self.refresh()

    def _chosen_start(self) -> dt.time:
        t = self.start_edit.time()
        return dt.time(t.hour(), t.minute())


__all__ = ["AgendaPanel"]
