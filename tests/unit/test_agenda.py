"""The agenda and the room's timer: timeboxes, clock times, warnings, pauses and extra minutes."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import agenda, editing
from cxworkshop.domain.agenda import Level, Timer
from cxworkshop.domain.errors import InvalidValue
from cxworkshop.domain.model import DEFAULT_TIMEBOXES, Step


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def five_minutes(clock: FakeClock) -> Timer:
    return Timer(5 * 60, clock)


# ----------------------------------------------------------------- the timer


def test_a_new_timer_shows_the_whole_timebox_and_is_calm(clock: FakeClock):
    timer = five_minutes(clock)
    clock.advance(600)
    assert not timer.running
    assert timer.remaining() == 300
    assert timer.level() is Level.CALM
    assert agenda.countdown_text(timer.remaining()) == "5:00"


def test_the_warning_comes_at_one_minute_left(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(239)
    assert timer.level() is Level.CALM
    assert agenda.countdown_text(timer.remaining()) == "1:01"
    clock.advance(1)
    assert timer.level() is Level.WARNING
    assert agenda.countdown_text(timer.remaining()) == "1:00"


def test_time_is_up_at_zero_and_the_timer_counts_on_past_it(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(299.5)
    assert timer.level() is Level.WARNING
    assert agenda.countdown_text(timer.remaining()) == "0:01"
    clock.advance(0.5)
    assert timer.level() is Level.TIME_UP
    assert agenda.countdown_text(timer.remaining()) == "0:00"
    clock.advance(75)
    assert timer.level() is Level.TIME_UP
    assert agenda.countdown_text(timer.remaining()) == "+1:15"


def test_a_paused_timer_stands_still_and_resumes_where_it_stopped(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(100)
    timer.pause()
    clock.advance(1000)
    assert not timer.running
    assert timer.remaining() == 200
    assert timer.level() is Level.CALM
    assert timer.toggle() is True
    clock.advance(150)
    assert timer.remaining() == 50
    assert timer.level() is Level.WARNING


def test_one_more_minute_takes_the_warning_away_and_it_comes_back_later(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(250)
    assert timer.alert() is Level.WARNING
    timer.add_minute()
    assert timer.remaining() == 110
    assert timer.level() is Level.CALM
    assert timer.alert() is None
    clock.advance(50)
    assert timer.alert() is Level.WARNING, "the warning sounds again a minute before the end"


def test_one_more_minute_after_time_is_up_gives_the_room_that_minute(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(330)
    assert timer.level() is Level.TIME_UP
    timer.add_minute()
    assert timer.remaining() == 30
    assert timer.level() is Level.WARNING


def test_each_alert_sounds_once_as_the_timer_gets_more_urgent(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    heard = []
    for _ in range(40):
        clock.advance(10)
        if (alert := timer.alert()) is not None:
            heard.append(alert)
    assert heard == [Level.WARNING, Level.TIME_UP]


def test_jumping_straight_past_zero_sounds_time_up_only(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(400)
    assert timer.alert() is Level.TIME_UP
    assert timer.alert() is None


def test_reset_brings_back_the_whole_timebox_but_the_time_run_still_counts_as_spent(
    clock: FakeClock,
):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(290)
    timer.add_minute()
    timer.reset()
    assert not timer.running
    assert timer.remaining() == 300
    assert timer.level() is Level.CALM
    assert timer.take_unrecorded() == 290


def test_the_time_run_is_handed_out_for_recording_once(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(61.7)
    assert timer.take_unrecorded() == 61
    assert timer.take_unrecorded() == 0
    clock.advance(0.5)
    assert timer.take_unrecorded() == 1, "the fractions add up to whole seconds"
    timer.pause()
    clock.advance(500)
    assert timer.take_unrecorded() == 0, "a paused timer spends no time"


def test_a_new_timebox_keeps_the_time_run_and_the_minutes_added(clock: FakeClock):
    timer = five_minutes(clock)
    timer.start()
    clock.advance(120)
    timer.add_minute()
    timer.set_planned(10 * 60)
    assert timer.remaining() == 10 * 60 + 60 - 120


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["start", "pause", "toggle", "add_minute", "wait"]),
        st.floats(min_value=0, max_value=400, allow_nan=False),
    ),
    max_size=30,
)


@given(_OPERATIONS)
def test_the_timer_counts_exactly_the_time_it_ran(operations: list[tuple[str, float]]):
    clock = FakeClock()
    timer = Timer(20 * 60, clock)
    running = False
    ran = extra = 0.0
    handed_out = 0
    for name, seconds in operations:
        if name == "wait":
            clock.advance(seconds)
            ran += seconds if running else 0.0
            handed_out += timer.take_unrecorded()
        elif name == "add_minute":
            timer.add_minute()
            extra += 60
        else:
            getattr(timer, name)()
            running = {"start": True, "pause": False, "toggle": not running}[name]
        assert timer.running is running
    assert timer.remaining() == pytest.approx(20 * 60 + extra - ran)
    recorded = handed_out + timer.take_unrecorded()
    # Whole seconds only, never more than ran and never a whole second short.
    assert ran - 1 - 1e-6 <= recorded <= ran + 1e-6


# ----------------------------------------------------------------- the agenda


def test_a_new_workshop_has_the_default_timebox_for_every_step():
    ws = editing.new_workshop("Agenda")
    assert ws.timeboxes == DEFAULT_TIMEBOXES
    assert list(ws.timeboxes) == list(Step)
    assert ws.agenda_start is None and ws.time_spent == {}
    assert all(slot.start is None for slot in agenda.agenda(ws))


def test_the_agenda_gives_each_step_its_clock_times_back_to_back():
    ws = editing.new_workshop("Agenda")
    agenda.set_agenda_start(ws, dt.time(9, 30))
    agenda.set_timebox(ws, Step.GOALS, 50)
    slots = agenda.agenda(ws)
    assert [s.step for s in slots] == list(Step)
    goals = next(s for s in slots if s.step is Step.GOALS)
    expected_start = 9 * 60 + 30 + DEFAULT_TIMEBOXES[Step.SETUP] + DEFAULT_TIMEBOXES[Step.VISION]
    assert goals.start == dt.time(*divmod(expected_start, 60))
    assert goals.end == dt.time(*divmod(expected_start + 50, 60))


@given(
    st.lists(st.integers(agenda.MIN_TIMEBOX, agenda.MAX_TIMEBOX), min_size=6, max_size=6),
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_agenda_times_add_up(minutes: list[int], start: dt.time):
    ws = editing.new_workshop("Agenda")
    for step, n in zip(Step, minutes, strict=True):
        agenda.set_timebox(ws, step, n)
    agenda.set_agenda_start(ws, start)
    slots = agenda.agenda(ws)
    assert slots[0].start == start and slots[0].offset == 0
    for before, after in itertools.pairwise(slots):
        assert before.end == after.start
        assert before.offset_end == after.offset
    assert slots[-1].offset_end == agenda.total_minutes(ws) == sum(minutes)
    start_minute = start.hour * 60 + start.minute
    end_minute = (start_minute + sum(minutes)) % (24 * 60)
    assert agenda.end_time(ws) == slots[-1].end == dt.time(*divmod(end_minute, 60))


@pytest.mark.parametrize("minutes", [0, -5, agenda.MAX_TIMEBOX + 1, 12.5, True, "20"])
def test_a_timebox_out_of_range_is_refused_and_nothing_changes(minutes: object):
    ws = editing.new_workshop("Agenda")
    with pytest.raises(InvalidValue, match="Goals"):
        agenda.set_timebox(ws, Step.GOALS, minutes)  # type: ignore[arg-type]
    assert ws.timeboxes == DEFAULT_TIMEBOXES


def test_setting_a_timebox_returns_the_old_one_for_undo():
    ws = editing.new_workshop("Agenda")
    assert agenda.set_timebox(ws, Step.VISION, 25) == DEFAULT_TIMEBOXES[Step.VISION]
    assert agenda.set_timebox(ws, Step.VISION, DEFAULT_TIMEBOXES[Step.VISION]) == 25
    assert ws.timeboxes == DEFAULT_TIMEBOXES


def test_an_agenda_starts_on_a_whole_minute():
    ws = editing.new_workshop("Agenda")
    with pytest.raises(InvalidValue):
        agenda.set_agenda_start(ws, dt.time(9, 30, 15))
    assert agenda.set_agenda_start(ws, dt.time(9, 0)) is None
    assert agenda.set_agenda_start(ws, None) == dt.time(9, 0)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("9:30", dt.time(9, 30)), ("09.30", dt.time(9, 30)), ("14h05", dt.time(14, 5))],
)
def test_a_start_time_is_read_as_people_type_it(typed: str, expected: dt.time):
    assert agenda.parse_clock(typed) == expected
    assert agenda.parse_clock(agenda.clock_text(expected)) == expected


@pytest.mark.parametrize("typed", ["24:00", "9", "noon", "9:5", ""])
def test_what_is_not_a_time_of_day_is_refused(typed: str):
    with pytest.raises(InvalidValue):
        agenda.parse_clock(typed)


def test_time_spent_adds_up_per_step_in_step_order():
    ws = editing.new_workshop("Agenda")
    assert agenda.add_time_spent(ws, Step.GOALS, 120) == 120
    assert agenda.add_time_spent(ws, Step.SETUP, 0) == 0
    assert agenda.add_time_spent(ws, Step.SETUP, 30) == 30
    assert agenda.add_time_spent(ws, Step.GOALS, 45) == 165
    assert ws.time_spent == {Step.SETUP: 30, Step.GOALS: 165}
    assert list(ws.time_spent) == [Step.SETUP, Step.GOALS]
    with pytest.raises(InvalidValue):
        agenda.add_time_spent(ws, Step.GOALS, -1)
    assert agenda.add_time_spent(ws, Step.GOALS, agenda.MAX_SPENT_SECONDS) == (
        agenda.MAX_SPENT_SECONDS
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "45 s"), (60, "1 min"), (12 * 60 + 20, "12 min"), (7500, "2 h 05 min")],
)
def test_durations_read_as_people_say_them(seconds: int, text: str):
    assert agenda.duration_text(seconds) == text
