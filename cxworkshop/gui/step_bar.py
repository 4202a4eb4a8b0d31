"""The step bar: where the room is in the workshop, and what is already done.

The bar shares out its width itself, so the six steps always fit in one row:
equal tabs when there is room, tabs as wide as their names when there is
less (a laptop, a large zoom), then smaller markers, and only as a last
resort names shortened with "…" (the tooltip and accessible name keep them
whole).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ..domain.model import Step


class StepButton(QAbstractButton):
    """One step: a marker (its number, or a tick when complete), its name, a bar under the current.

    ``compact`` draws a smaller marker with less space around it, for narrow windows.
    """

    def __init__(self, step: Step, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.number = number
        self.complete = False
        self.compact = False
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
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

    # -- measures ------------------------------------------------------------

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(self.isChecked())
        return font

    def _parts(self, compact: bool) -> tuple[int, int, int]:
        """(marker diameter, padding at each end, gap between marker and name)."""
        line = self.fontMetrics().height()
        if compact:
            return round(line * 1.1), round(line * 0.3), round(line * 0.3)
        return round(line * 1.4), round(line * 0.55), round(line * 0.45)

    def bar_height(self) -> int:
        """The thickness of the bar under the current step."""
        return max(3, round(self.fontMetrics().height() * 0.16))

    def natural_width(self, compact: bool) -> int:
        """The width that shows the whole name (measured bold, as when it is current)."""
        bold = QFont(self.font())
        bold.setBold(True)
        d, pad, gap = self._parts(compact)
        return 2 * pad + d + gap + QFontMetrics(bold).horizontalAdvance(self.step.label) + 1

    def marker_width(self) -> int:
        """The narrowest useful width: the compact marker alone."""
        d, pad, _ = self._parts(True)
        return d + 2 * pad

    def sizeHint(self) -> QSize:
        return QSize(self.natural_width(self.compact), round(self.fontMetrics().height() * 2.3))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.marker_width(), self.sizeHint().height())

    # -- painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = pal.color(pal.ColorRole.Highlight)
        on_accent = pal.color(pal.ColorRole.HighlightedText)
        text = pal.color(pal.ColorRole.WindowText)
        muted = pal.color(pal.ColorRole.PlaceholderText)
        current = self.isChecked()
        bar = self.bar_height()
        body = QRectF(self.rect()).adjusted(0, 0, 0, -bar)
        d, pad, gap = self._parts(self.compact)

        if self.underMouse() and not current:
            hover = QColor(accent)
            hover.setAlphaF(0.10)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(hover)
            p.drawRoundedRect(body.adjusted(1, 3, -1, -3), 8, 8)

        # The marker: filled for the current step, a tick for complete ones, else the number.
        marker = QRectF(pad, body.center().y() - d / 2, d, d)
        if current:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(accent)
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(accent if self.complete else muted, max(1.5, d / 14)))
        p.drawEllipse(marker.adjusted(1, 1, -1, -1))
        if self.complete and not current:
            self._paint_tick(p, marker, accent)
        else:
            number_font = QFont(self.font())
            number_font.setBold(True)
            number_font.setPointSizeF(self.font().pointSizeF() * (0.8 if self.compact else 0.9))
            p.setFont(number_font)
            p.setPen(on_accent if current else muted)
            p.drawText(marker, Qt.AlignmentFlag.AlignCenter, str(self.number))

        # The name, whole. Only the current step's is ever shortened; the others
        # leave just their marker (the tooltip and accessible name keep the name).
        left = pad + d + gap
        room = self.width() - left - pad
        font = self._label_font()
        metrics = QFontMetrics(font)
        name = self.step.label
        if metrics.horizontalAdvance(name) > room:
            name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) if current else ""
            if len(name) < 3:  # "…" or one letter says nothing; the marker has to do.
                name = ""
        p.setFont(font)
        p.setPen(text if current or self.complete else muted)
        p.drawText(
            QRectF(left, body.top(), max(0, room), body.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            name,
        )

        if current:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(accent)
            p.drawRoundedRect(QRectF(0, self.height() - bar, self.width(), bar), bar / 2, bar / 2)
        if self.hasFocus():
            # A solid ring: the keyboard user sees where they are from across the room.
            p.setPen(QPen(accent, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(body.adjusted(1, 1, -1, -1), 8, 8)
        p.end()

    @staticmethod
    def _paint_tick(p: QPainter, box: QRectF, colour: QColor) -> None:
        w, x, y = box.width(), box.left(), box.top()
        tick = QPainterPath(QPointF(x + w * 0.28, y + w * 0.52))
        tick.lineTo(x + w * 0.44, y + w * 0.67)
        tick.lineTo(x + w * 0.73, y + w * 0.36)
        pen = QPen(colour, max(1.8, w * 0.1))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(tick)


class StepBar(QWidget):
    """A clickable row of the workshop's steps, on a quiet line the current step's bar sits on."""

    sig_step_chosen = Signal(str)
    """The facilitator chose a step (its ``Step`` value)."""

    SPACING = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Workshop steps")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.buttons: dict[Step, StepButton] = {}
        for number, step in enumerate(Step, start=1):
            button = StepButton(step, number, self)
            button.clicked.connect(lambda _=False, s=step: self._choose(s))
            self.buttons[step] = button
        self._arrange()

    def _choose(self, step: Step) -> None:
        self.set_current(step)
        self.sig_step_chosen.emit(step.value)

    def set_current(self, step: Step) -> None:
        for s, button in self.buttons.items():
            button.setChecked(s is step)
        # In a narrow bar the current step's name gets the room.
        self._arrange()

    def set_complete(self, done: set[Step]) -> None:
        for s, button in self.buttons.items():
            button.set_complete(s in done)

    def current(self) -> Step:
        for s, button in self.buttons.items():
            if button.isChecked():
                return s
        return Step.SETUP

    # -- sharing out the width -------------------------------------------------

    def widths(self, available: int) -> tuple[list[int], bool]:
        """Each step's width within ``available`` pixels, and whether markers are compact."""
        buttons = list(self.buttons.values())
        n = len(buttons)
        room = max(0, available - self.SPACING * (n - 1))
        for compact in (False, True):
            needs = [b.natural_width(compact) for b in buttons]
            if max(needs) * n <= room:
                # Equal tabs: the calmest row, when every name fits.
                return self._share([room // n] * n, room), compact
            if sum(needs) <= room:
                # Tabs as wide as their names, the spare room shared equally.
                spare = (room - sum(needs)) // n
                return self._share([w + spare for w in needs], room), compact
        # Too narrow even so: every step keeps its marker, the current one its name
        # if it can; the others share what is left, shortening their names.
        widths = [b.marker_width() for b in buttons]
        current = next((i for i, b in enumerate(buttons) if b.isChecked()), None)
        if current is not None:
            wanted = buttons[current].natural_width(True) - widths[current]
            widths[current] += max(0, min(wanted, room - sum(widths)))
        others = [i for i in range(n) if i != current]
        spare = max(0, room - sum(widths))
        for i in others:
            widths[i] += spare // len(others)
        return widths, True

    @staticmethod
    def _share(widths: list[int], room: int) -> list[int]:
        # Rounding leftovers go to the last tab, so the row ends flush with the page.
        widths[-1] += max(0, room - sum(widths))
        return widths

    def _arrange(self) -> None:
        widths, compact = self.widths(self.width())
        height = self.height() or self.sizeHint().height()
        x = 0
        for button, width in zip(self.buttons.values(), widths, strict=True):
            button.compact = compact
            button.setGeometry(x, 0, width, height)
            x += width + self.SPACING

    def sizeHint(self) -> QSize:
        buttons = list(self.buttons.values())
        width = sum(b.natural_width(False) for b in buttons) + self.SPACING * (len(buttons) - 1)
        return QSize(width, max(b.sizeHint().height() for b in buttons))

    def minimumSizeHint(self) -> QSize:
        buttons = list(self.buttons.values())
        width = sum(b.marker_width() for b in buttons) + self.SPACING * (len(buttons) - 1)
        return QSize(width, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The zoom changed the names' widths (the steps follow the bar's font,
            # and have it already) and the bar's height.
            self.updateGeometry()
            self._arrange()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        line = self.palette().color(self.palette().ColorRole.Mid)
        p.fillRect(0, self.height() - 1, self.width(), 1, line)
        p.end()
