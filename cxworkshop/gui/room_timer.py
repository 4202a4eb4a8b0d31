"""The room's timer: one countdown per step, shown on the console and on the audience screen.

:class:`RoomClock` keeps a :class:`~cxworkshop.domain.agenda.Timer` for each
step, so going back to a step finds its countdown where it was left; the
running countdown follows the facilitator from step to step. It beeps once
at one minute left and once at zero, and hands out the seconds each step's
timer ran so the window can record them as time spent.

:class:`RoomTimerWidget` draws it: a pill with a symbol, the countdown and a
word, so the warning reads by shape and by words as well as by colour.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ..domain import agenda
from ..domain.agenda import Level, Timer
from ..domain.model import DEFAULT_TIMEBOXES, Step

TICK_MS = 200
"""How often a running timer repaints: often enough that seconds never skip."""
RECORD_EVERY_S = 60
"""A running timer's time is saved at least this often, so a crash loses at most a minute."""

WARNING_FILL = "#FFC233"
WARNING_TEXT = "#141414"
TIME_UP_FILL = "#A31515"
"""Dark enough for white type at 7:1, as on the projector."""
TIME_UP_TEXT = "#FFFFFF"

SYMBOL_RUNNING = "▶"
SYMBOL_PAUSED = "❚❚"
SYMBOL_WARNING = "⚠"
SYMBOL_TIME_UP = "⚑"


def face(timer: Timer) -> tuple[str, str, str]:
    """What the timer shows: (symbol, countdown, word)."""
    level = timer.level()
    countdown = agenda.countdown_text(timer.remaining())
    if level is Level.TIME_UP:
        return SYMBOL_TIME_UP, countdown, "Time's up"
    if level is Level.WARNING:
        return SYMBOL_WARNING, countdown, "1 minute left"
    if timer.running:
        return SYMBOL_RUNNING, countdown, "left"
    if timer.started():
        return SYMBOL_PAUSED, countdown, "Paused"
    return SYMBOL_PAUSED, countdown, "Ready"


class RoomClock(QObject):
    """The countdowns of a workshop's steps; one step's timer is the current one."""

    sig_changed = Signal()
    """The timer ticked or was started, paused, reset or given a minute: repaint."""

    sig_alert = Signal(object)
    """The current timer reached one minute left (Level.WARNING) or zero (Level.TIME_UP)."""

    sig_time_spent = Signal(str, int)
    """Seconds (int) the timer of a step (its value, str) ran since last reported: record them."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        *,
        beep: Callable[[], None] = QApplication.beep,
    ) -> None:
        super().__init__(parent)
        self.now = clock
        """Seconds from a fixed point: ``time.monotonic``, or a test's fake clock."""
        self._beep = beep
        self._timers: dict[Step, Timer] = {}
        self._timeboxes: dict[Step, int] = dict(DEFAULT_TIMEBOXES)
        self.step = Step.SETUP
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._since_record = 0.0

    # -- which timer ------------------------------------------------------------

    def timer(self, step: Step | None = None) -> Timer:
        """The timer of ``step`` (the current step by default), made on first use."""
        step = self.step if step is None else step
        found = self._timers.get(step)
        if found is None:
            found = Timer(self._timeboxes[step] * 60, self._read_clock)
            self._timers[step] = found
        return found

    def set_timeboxes(self, timeboxes: dict[Step, int]) -> None:
        """Follow the agenda: each step's timer counts down from its (new) timebox."""
        self._timeboxes = {s: timeboxes.get(s, DEFAULT_TIMEBOXES[s]) for s in Step}
        changed = False
        for step, t in self._timers.items():
            seconds = self._timeboxes[step] * 60
            if t.planned != seconds:
                t.set_planned(seconds)
                changed = True
        if changed:
            self.sig_changed.emit()

    def set_step(self, step: Step) -> None:
        """Show ``step``'s timer; a running countdown moves on with the room to the new step."""
        if step is self.step:
            return
        was_running = self.timer().running
        if was_running:
            self.timer().pause()
        self._record(self.step)
        self.step = step
        if was_running:
            self.timer().start()
        self.timer().alert()
        self._follow()

    def forget(self) -> None:
        """Record what ran, then drop every timer (the workshop was closed)."""
        self.flush()
        self._timers.clear()
        self.step = Step.SETUP
        self._follow()

    # -- controls ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.timer().running

    def toggle(self) -> bool:
        """Start or pause the current step's timer; returns whether it now runs."""
        running = self.timer().toggle()
        if not running:
            self._record(self.step)
        self._follow()
        return running

    def start(self) -> None:
        if not self.running:
            self.toggle()

    def pause(self) -> None:
        if self.running:
            self.toggle()

    def reset(self) -> None:
        """The current step's countdown back to its whole timebox, paused."""
        self.timer().reset()
        self._record(self.step)
        self._follow()

    def add_minute(self) -> None:
        self.timer().add_minute()
        self.timer().alert()
        self._follow()

    def tick(self) -> None:
        """Repaint; sound an alert the first time the countdown gets more urgent."""
        alert = self.timer().alert()
        if alert is not None:
            self._beep()
            self.sig_alert.emit(alert)
        if self.now() - self._since_record >= RECORD_EVERY_S:
            self.flush()
        self.sig_changed.emit()

    def flush(self) -> None:
        """Report every step's unrecorded time now (before closing, or periodically)."""
        self._since_record = self.now()
        for step in list(self._timers):
            self._record(step)

    # -- inside --------------------------------------------------------------------

    def _read_clock(self) -> float:
        return self.now()

    def _record(self, step: Step) -> None:
        t = self._timers.get(step)
        if t is None:
            return
        seconds = t.take_unrecorded()
        if seconds > 0:
            self.sig_time_spent.emit(step.value, seconds)

    def _follow(self) -> None:
        if self.timer().running:
            if not self._ticker.isActive():
                self._since_record = self.now()
                self._ticker.start()
        else:
            self._ticker.stop()
        self.sig_changed.emit()


class RoomTimerWidget(QWidget):
    """The countdown as a pill: symbol, time and a word; amber at one minute, red at zero.

    Squeezed (a small screen), it leaves out the word: the colour, the tooltip and
    the screen reader's description still say it.
    """

    def __init__(self, clock: RoomClock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock: RoomClock | None = None
        self.setAccessibleName("Timer")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_clock(clock)

    def set_clock(self, clock: RoomClock | None) -> None:
        if self._clock is not None:
            self._clock.sig_changed.disconnect(self._changed)
        self._clock = clock
        if clock is not None:
            clock.sig_changed.connect(self._changed)
        self._changed()

    def face(self) -> tuple[str, str, str]:
        """(symbol, countdown, word) as drawn now."""
        if self._clock is None:
            return "", "", ""
        return face(self._clock.timer())

    def level(self) -> Level:
        return Level.CALM if self._clock is None else self._clock.timer().level()

    def text(self) -> str:
        """The timer in words, as a screen reader says it."""
        _, countdown, word = self.face()
        return f"{countdown} {word}".strip()

    def _changed(self) -> None:
        self.setAccessibleDescription(self.text())
        self.setToolTip(self.text())
        self.update()

    # -- layout -------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        digits = QFont(self.font())
        digits.setBold(True)
        digits.setPointSizeF(max(6.0, self.font().pointSizeF() * 1.15))
        if self.font().pixelSize() > 0:
            digits.setPixelSize(max(8, round(self.font().pixelSize() * 1.15)))
        # Tabular figures: the countdown does not jiggle as its digits change.
        digits.setFeature(QFont.Tag("tnum"), 1)
        word = QFont(self.font())
        return digits, word

    def _parts(self) -> tuple[float, float, float, float, float]:
        """Widths of symbol, countdown and word, the gap, and the height."""
        digits, word = self._fonts()
        dm, wm = QFontMetricsF(digits), QFontMetricsF(word)
        gap = wm.horizontalAdvance(" ") * 1.2
        symbol_w = dm.horizontalAdvance(SYMBOL_PAUSED)
        # Room for the widest face it will show, so the pill never changes width mid-count.
        count_w = dm.horizontalAdvance("+88:88")
        longest = max(("1 minute left", "Time's up", "Paused", "Ready"), key=len)
        word_w = wm.horizontalAdvance(longest)
        height = dm.height() * 1.5
        return symbol_w, count_w, word_w, gap, height

    def sizeHint(self) -> QSize:
        symbol_w, count_w, word_w, gap, height = self._parts()
        pad = height * 0.45
        return QSize(round(pad * 2 + symbol_w + count_w + word_w + gap * 2), round(height))

    def minimumSizeHint(self) -> QSize:
        symbol_w, count_w, _, gap, height = self._parts()
        pad = height * 0.45
        return QSize(round(pad * 2 + symbol_w + count_w + gap), round(height))

    def shows_word(self) -> bool:
        """Whether it is wide enough to show the word after the time, as it reads now."""
        symbol_w, _, _, gap, height = self._parts()
        digits, word = self._fonts()
        _, countdown, text = self.face()
        needed = (
            height * 0.45 * 1.5
            + symbol_w
            + QFontMetricsF(digits).horizontalAdvance(countdown)
            + gap * 2
            + QFontMetricsF(word).horizontalAdvance(text)
        )
        return self.width() >= needed

    # -- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._clock is None:
            return
        symbol, countdown, word = self.face()
        level = self.level()
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        edge = palette.color(QPalette.ColorRole.Mid)
        if level is Level.WARNING:
            fill, ink = QColor(WARNING_FILL), QColor(WARNING_TEXT)
        elif level is Level.TIME_UP:
            fill, ink = QColor(TIME_UP_FILL), QColor(TIME_UP_TEXT)
        else:
            fill, ink = QColor(Qt.GlobalColor.transparent), text
        digits, word_font = self._fonts()
        symbol_w, count_w, _, gap, _ = self._parts()

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.fillPath(path, fill)
        if level is Level.CALM:
            painter.setPen(QPen(edge, max(1.0, box.height() / 22)))
            painter.drawPath(path)
        pad = box.height() * 0.45
        x = box.left() + pad
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.setPen(ink)
        painter.setFont(digits)
        painter.drawText(
            QRectF(x, box.top(), symbol_w, box.height()),
            middle | Qt.AlignmentFlag.AlignHCenter,
            symbol,
        )
        x += symbol_w + gap
        painter.drawText(QRectF(x, box.top(), count_w, box.height()), middle, countdown)
        x += QFontMetricsF(digits).horizontalAdvance(countdown) + gap
        if not self.shows_word():
            painter.end()
            return
        painter.setFont(word_font)
        painter.drawText(
            QRectF(x, box.top(), box.right() - x - pad / 2, box.height()), middle, word
        )
        painter.end()


class ConsoleTimer(QWidget):
    """The timer in the console's footer, with its buttons: start or pause, +1 min, reset."""

    def __init__(
        self,
        clock: RoomClock,
        toggle: QAction,
        add_minute: QAction,
        reset: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.face = RoomTimerWidget(clock)
        self._actions = (toggle, add_minute, reset)
        self.toggle_button = self._button(toggle, "Start", "Start or pause the timer")
        self.minute_button = self._button(add_minute, "+1 min", "Add one minute")
        self.reset_button = self._button(reset, "Reset", "Reset the timer")
        for action in self._actions:
            action.changed.connect(self._follow)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.face)
        layout.addSpacing(4)
        for button in (self.toggle_button, self.minute_button, self.reset_button):
            layout.addWidget(button)
        clock.sig_changed.connect(self._follow)
        self._follow()

    @staticmethod
    def _button(action: QAction, text: str, name: str) -> QToolButton:
        # A short word on the button; the menu's longer text would crowd the footer.
        button = QToolButton()
        button.setText(text)
        button.clicked.connect(action.trigger)
        button.setAccessibleName(name)
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        button.setToolTip(f"{name} ({keys})" if keys else name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _follow(self) -> None:
        self.toggle_button.setText("Pause" if self.clock.running else "Start")
        buttons = (self.toggle_button, self.minute_button, self.reset_button)
        for button, action in zip(buttons, self._actions, strict=True):
            button.setEnabled(action.isEnabled())


__all__ = ["ConsoleTimer", "RoomClock", "RoomTimerWidget", "face"]
