"""The step bar: where the room is in the workshop, and what is already done."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from ..domain.model import Step


class StepButton(QAbstractButton):
    """One step: its number (or a tick when complete), its name, and a bar under the current one."""

    def __init__(self, step: Step, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.number = number
        self.complete = False
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._describe()

    def set_complete(self, complete: bool) -> None:
        if complete != self.complete:
            self.complete = complete
            self._describe()
            self.update()

    def _describe(self) -> None:
        state = "complete" if self.complete else "not complete yet"
        self.setAccessibleName(f"Step {self.number}: {self.step.label}")
        self.setAccessibleDescription(state)
        self.setToolTip(f"{self.step.label} ({state}) — Ctrl+{self.number}")
        self.setText(self.step.label)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.step.label) + fm.height() * 3, fm.height() * 3)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = pal.color(pal.ColorRole.Highlight)
        text = pal.color(pal.ColorRole.WindowText)
        muted = pal.color(pal.ColorRole.PlaceholderText)
        current = self.isChecked()
        h = self.height()
        fm = self.fontMetrics()
        d = int(fm.height() * 1.5)
        x = int(fm.height() * 0.5)
        y = (h - d) // 2 - 2
        # The marker: a filled circle for the current step, a tick for complete ones.
        if current:
            p.setBrush(accent)
            p.setPen(Qt.PenStyle.NoPen)
        elif self.complete:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(accent, 2))
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(muted, 1.5))
        p.drawEllipse(x, y, d, d)
        marker = "✓" if self.complete and not current else str(self.number)
        mark_font = QFont(self.font())
        mark_font.setBold(True)
        p.setFont(mark_font)
        p.setPen(
            pal.color(pal.ColorRole.HighlightedText)
            if current
            else (accent if self.complete else muted)
        )
        p.drawText(x, y, d, d, Qt.AlignmentFlag.AlignCenter, marker)
        label_font = QFont(self.font())
        label_font.setBold(current)
        p.setFont(label_font)
        p.setPen(text if current or self.complete else muted)
        p.drawText(
            x + d + int(fm.height() * 0.5),
            0,
            self.width() - x - d,
            h - 4,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.step.label,
        )
        if current:
            p.fillRect(0, h - 4, self.width(), 4, accent)
        if self.hasFocus():
            pen = QPen(accent, 2, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 6, 6)
        p.end()


class StepBar(QWidget):
    """A clickable row of the workshop's steps."""

    sig_step_chosen = Signal(str)
    """The facilitator chose a step (its ``Step`` value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Workshop steps")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[Step, StepButton] = {}
        for number, step in enumerate(Step, start=1):
            button = StepButton(step, number, self)
            button.clicked.connect(lambda _=False, s=step: self._choose(s))
            layout.addWidget(button)
            self.buttons[step] = button

    def _choose(self, step: Step) -> None:
        self.set_current(step)
        self.sig_step_chosen.emit(step.value)

    def set_current(self, step: Step) -> None:
        for s, button in self.buttons.items():
            button.setChecked(s is step)

    def set_complete(self, done: set[Step]) -> None:
        for s, button in self.buttons.items():
            button.set_complete(s in done)

    def current(self) -> Step:
        for s, button in self.buttons.items():
            if button.isChecked():
                return s
        return Step.SETUP
