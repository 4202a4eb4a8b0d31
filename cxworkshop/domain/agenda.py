"""The workshop's agenda and the room's timer: timeboxes, planned clock times, time spent.

Each step has a timebox in minutes; from a start time the agenda gives every
step a planned start and end on the clock. The :class:`Timer` counts one
step's timebox down against an injectable clock, so its logic is tested
without waiting; it warns at one minute left and again at zero, and keeps
count of the seconds it ran so the time actually spent can be recorded.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .errors import InvalidValue
from .model import DEFAULT_TIMEBOXES, Step, Workshop, default_timeboxes

__all__ = [
    "DEFAULT_TIMEBOXES",
    "MAX_SPENT_SECONDS",
    "MAX_TIMEBOX",
    "MIN_TIMEBOX",
    "WARNING_SECONDS",
    "Level",
    "Slot",
    "Timer",
    "add_time_spent",
    "agenda",
    "clock_text",
    "countdown_text",
    "default_timeboxes",
    "duration_text",
    "end_time",
    "parse_clock",
    "set_agenda_start",
    "set_timebox",
    "timebox",
    "total_minutes",
]

MIN_TIMEBOX = 1
MAX_TIMEBOX = 480
"""The longest timebox, in minutes: a whole working day for one step."""
MAX_SPENT_SECONDS = 10_000_000
"""Time spent in a step is counted up to this (about four months): a laptop left running
over a holiday still leaves a number the charter can print."""
WARNING_SECONDS = 60
"""The timer warns when this much of the timebox is left."""

_CLOCK = re.compile(r"\s*([01]?[0-9]|2[0-3])\s*[:.h]\s*([0-5][0-9])\s*")


# ----------------------------------------------------------------- timeboxes and the agenda


def timebox(ws: Workshop, step: Step) -> int:
    """Minutes planned for ``step``."""
    return ws.timeboxes.get(step, DEFAULT_TIMEBOXES[step])


def check_timebox(minutes: object, step: Step) -> int:
    """``minutes`` as a timebox for ``step``, or InvalidValue saying what is allowed."""
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise InvalidValue(f"The timebox of {step.label} must be a whole number of minutes.")
    if not MIN_TIMEBOX <= minutes <= MAX_TIMEBOX:
        raise InvalidValue(
            f"The timebox of {step.label} must be {MIN_TIMEBOX} to {MAX_TIMEBOX} minutes, "
            f"not {minutes}."
        )
    return minutes


def set_timebox(ws: Workshop, step: Step, minutes: int) -> int:
    """Plan ``minutes`` for ``step``; returns the minutes planned before."""
    step = Step(step)
    minutes = check_timebox(minutes, step)
    previous = timebox(ws, step)
    boxes = {s: timebox(ws, s) for s in Step}
    boxes[step] = minutes
    ws.timeboxes = boxes
    return previous


def check_start(start: object) -> dt.time | None:
    """``start`` as an agenda start (hours and minutes), or InvalidValue."""
    if start is None:
        return None
    if not isinstance(start, dt.time):
        raise InvalidValue("The agenda's start must be a time of day, such as 09:30.")
    if start.second or start.microsecond or start.tzinfo is not None:
        raise InvalidValue("The agenda starts on a whole minute, such as 09:30.")
    return start


def set_agenda_start(ws: Workshop, start: dt.time | None) -> dt.time | None:
    """Start the agenda at ``start`` (None: no clock times); returns the previous start."""
    start = check_start(start)
    previous = ws.agenda_start
    ws.agenda_start = start
    return previous


def check_spent(seconds: object, what: str) -> int:
    if not isinstance(seconds, int) or isinstance(seconds, bool):
        raise InvalidValue(f"{what} must be a whole number of seconds.")
    if not 0 <= seconds <= MAX_SPENT_SECONDS:
        raise InvalidValue(f"{what} must be 0 to {MAX_SPENT_SECONDS} seconds, not {seconds}.")
    return seconds


def add_time_spent(ws: Workshop, step: Step, seconds: int) -> int:
    """Count ``seconds`` more in ``step``; returns the step's new total (capped, never less)."""
    step = Step(step)
    seconds = check_spent(seconds, "Time spent")
    total = min(MAX_SPENT_SECONDS, ws.time_spent.get(step, 0) + seconds)
    if total:
        spent = {s: ws.time_spent[s] for s in Step if s in ws.time_spent}
        spent[step] = total
        ws.time_spent = {s: spent[s] for s in Step if s in spent}
    return total


def parse_clock(text: str) -> dt.time:
    """'9:30', '09.30' or '14h05' as a time of day; InvalidValue for anything else."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        raise InvalidValue(f"{text.strip()!r} is not a time of day such as 09:30.")
    return dt.time(int(found[1]), int(found[2]))


def clock_text(t: dt.time) -> str:
    """'09:30'."""
    return f"{t.hour:02d}:{t.minute:02d}"


@dataclass(frozen=True, slots=True)
class Slot:
    """One step on the agenda: its timebox and, with a start time, its planned clock times."""

    step: Step
    minutes: int
    offset: int
    """Minutes from the start of the agenda to the start of this step."""
    start: dt.time | None
    end: dt.time | None

    @property
    def offset_end(self) -> int:
        return self.offset + self.minutes


def _after(start: dt.time, minutes: int) -> dt.time:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)
    return moment.time()


def agenda(ws: Workshop) -> list[Slot]:
    """Every step in order with its timebox, back to back from the agenda's start."""
    slots = []
    offset = 0
    for step in Step:
        minutes = timebox(ws, step)
        start = end = None
        if ws.agenda_start is not None:
            start = _after(ws.agenda_start, offset)
            end = _after(ws.agenda_start, offset + minutes)
        slots.append(Slot(step, minutes, offset, start, end))
        offset += minutes
    return slots


def total_minutes(ws: Workshop) -> int:
    """The whole agenda's length in minutes."""
    return sum(timebox(ws, step) for step in Step)


def end_time(ws: Workshop) -> dt.time | None:
    """When the agenda ends on the clock (None without a start time)."""
    if ws.agenda_start is None:
        return None
    return _after(ws.agenda_start, total_minutes(ws))


def duration_text(seconds: int) -> str:
    """A length of time for people: '45 s', '12 min', '2 h 05 min'."""
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min"


def countdown_text(seconds: float) -> str:
    """The timer's face: '12:05' left, '0:00' at zero, '+1:30' over time."""
    over = seconds < 0
    # Whole seconds, rounded towards "more time left", so 0:00 shows only at zero.
    whole = math.floor(-seconds) if over else math.ceil(seconds)
    minutes, secs = divmod(whole, 60)
    text = f"{minutes}:{secs:02d}"
    return f"+{text}" if over and whole else text


# ----------------------------------------------------------------- the timer


class Level(Enum):
    """How urgent the timer looks."""

    CALM = "calm"
    WARNING = "warning"
    """One minute or less is left."""
    TIME_UP = "time_up"
    """The timebox has run out."""


_URGENCY = {Level.CALM: 0, Level.WARNING: 1, Level.TIME_UP: 2}


class Timer:
    """A countdown of one timebox that can be started, paused, reset and given a minute more.

    ``clock`` returns seconds from any fixed point (``time.monotonic`` by
    default); tests pass a fake one. Past zero the timer keeps counting, so
    ``remaining()`` goes negative and the face shows how far over the room is.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.planned = float(seconds)
        self.extra = 0.0
        self._elapsed = 0.0
        """Seconds counted down since the last reset, up to the last pause."""
        self._run = 0.0
        """Seconds run in all, up to the last pause or reset; never reset."""
        self._recorded = 0
        self._since: float | None = None
        self._seen = Level.CALM

    # -- state ----------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def duration(self) -> float:
        """The timebox with the minutes added to it."""
        return self.planned + self.extra

    def _span(self) -> float:
        return 0.0 if self._since is None else max(0.0, self._clock() - self._since)

    def elapsed(self) -> float:
        """Seconds counted since the last reset."""
        return self._elapsed + self._span()

    def remaining(self) -> float:
        """Seconds left; negative once the timebox has run out."""
        return self.duration - self.elapsed()

    def started(self) -> bool:
        """Whether the timer has run at all since the last reset."""
        return self.running or self._elapsed > 0

    def level(self) -> Level:
        """Calm, a warning at one minute left, or time up at zero."""
        if not self.started():
            return Level.CALM
        left = self.remaining()
        if left <= 0:
            return Level.TIME_UP
        if left <= WARNING_SECONDS:
            return Level.WARNING
        return Level.CALM

    # -- controls -------------------------------------------------------------

    def start(self) -> None:
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        if self._since is not None:
            span = self._span()
            self._elapsed += span
            self._run += span
            self._since = None

    def toggle(self) -> bool:
        """Start if paused, pause if running; returns whether it now runs."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def reset(self) -> None:
        """Back to the full timebox, paused; the time already run still counts as spent."""
        self.pause()
        self._elapsed = 0.0
        self.extra = 0.0
        self._seen = Level.CALM

    def add_minute(self) -> None:
        """One more minute on the clock."""
        self.extra += 60.0

    def set_planned(self, seconds: float) -> None:
        """A new timebox (the agenda changed); minutes added and time run are kept."""
        self.planned = float(seconds)

    # -- what the room and the record need --------------------------------------

    def alert(self) -> Level | None:
        """The new level if the timer just became more urgent since the last call, else None.

        A calmer level (after +1 minute or a reset) is noted silently, so the
        warning sounds again when the timer next gets there.
        """
        now = self.level()
        before, self._seen = self._seen, now
        return now if _URGENCY[now] > _URGENCY[before] else None

    def run_total(self) -> float:
        """Seconds the timer has run in all, across resets."""
        return self._run + self._span()

    def take_unrecorded(self) -> int:
        """Whole seconds run since the last call: what is still to be recorded as spent."""
        whole = int(self.run_total()) - self._recorded
        self._recorded += whole
        return whole
