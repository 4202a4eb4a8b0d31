"""Every text the audience screen paints is read from the back row: at the type floor
(28 px at 720 lines, 42 px at 1080) and at 7:1 against what is behind it.

Each screen is painted into a recording device (tests/helpers/paint_recorder.py):
the widgets' own paint code runs, and the test sees each glyph run as drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step, Workshop
from cxworkshop.gui.audience import AudienceWindow, floor_px_for
from cxworkshop.gui.audience.colours import MIN_CONTRAST
from cxworkshop.gui.room_timer import RoomClock
from cxworkshop.gui.session import Session
from cxworkshop.storage.store import Store
from tests.helpers.builders import large_workshop
from tests.helpers.paint_recorder import DrawnText, record

SIZES = [(1280, 720), (1920, 1080)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Room:
    session: Session
    audience: AudienceWindow
    clock: RoomClock
    time: FakeClock


@pytest.fixture(params=["demo", "30 goals"])
def room(request, qtbot, store: Store) -> Iterator[Room]:  # type: ignore[no-untyped-def]
    ws = demo_workshop() if request.param == "demo" else large_workshop()
    created = store.create_workshop(ws)
    assert created.id is not None
    # A review with readings, so the progress board has statuses to show.
    june = store.add_review(created.id, dt.date(2027, 6, 17))
    for goal, reading, status in zip(
        created.goals[:6],
        ("2.1%", "€55", "14%", "3.4%", "4.9", "91%"),
        ("on_track", "at_risk", "off_track", "on_track", "at_risk", "on_track"),
        strict=True,
    ):
        store.record_review(created.id, june.id, goal.id, reading=reading, status=status)
    session = Session(store, created.id)
    time = FakeClock()
    clock = RoomClock(time, beep=lambda: None)
    clock.set_timeboxes({step: 2 for step in Step})
    audience = AudienceWindow(clock)
    qtbot.addWidget(audience)
    audience.set_session(session)
    audience.set_round(session.workshop.rounds[-1].id)
    audience.show()
    yield Room(session, audience, clock, time)
    audience.close_from_console()


def screens(room: Room) -> Iterator[str]:
    """Put up every screen the room can see, one after another; yields each one's name."""
    a, ws = room.audience, room.session.workshop
    goal = ws.goals[2].id
    for step in Step:
        a.set_step(step)
        room.clock.set_step(step)
        yield f"{step.value} overview"
        if step in (Step.GOALS, Step.ACCOUNTABILITY):
            a.set_selected_goal(goal)
            yield f"{step.value} focus"
            a.set_selected_goal(None)
    a.set_step(Step.PRIORITIES)
    a.set_ballot_in_progress(True)
    yield "ballot in progress"
    a.set_ballot_in_progress(False)
    a.set_blanked(True)
    yield "blank"
    a.set_blanked(False)
    a.set_step(Step.GOALS)
    room.clock.set_step(Step.GOALS)
    room.clock.start()
    yield "timer running"
    room.time.now += 61
    room.clock.tick()
    yield "timer warning"
    room.time.now += 60
    room.clock.tick()
    yield "timer time's up"
    room.clock.reset()
    yield "timer ready"
    a.set_progress_board(True)
    yield "progress overview"
    a.set_selected_goal(goal)
    yield "progress focus"
    a.set_selected_goal(None)
    a.set_progress_board(False)


def every_page(room: Room) -> Iterator[int]:
    yield 1
    page = 1
    while room.audience.turn_page(1):
        page += 1
        yield page


def faults(drawn: list[DrawnText], floor: float, width: int, height: int) -> list[str]:
    out = []
    for t in drawn:
        if not t.text.strip():
            continue
        if t.pixel_size < floor - 0.01:
            out.append(f"under {floor:.0f} px: {t}")
        if t.contrast < MIN_CONTRAST:
            out.append(f"under {MIN_CONTRAST}:1: {t}")
        r = t.rect
        if r.left() < -1 or r.top() < -1 or r.right() > width + 1 or r.bottom() > height + 1:
            out.append(f"off the screen at {r.toRect()}: {t}")
    return out


@pytest.mark.parametrize("size", SIZES, ids=["720p", "1080p"])
def test_every_audience_screen_is_at_the_floor_and_7_to_1(qtbot, room: Room, size) -> None:  # type: ignore[no-untyped-def]
    room.audience.resize(*size)
    floor = floor_px_for(size[1])
    found: list[str] = []
    texts = 0
    seen_screens = []
    for name in screens(room):
        for page in every_page(room):
            qtbot.wait(1)
            drawn = record(room.audience).texts
            texts += len(drawn)
            assert drawn, f"{name} page {page} drew no text at all"
            found += [f"{name} p{page}: {f}" for f in faults(drawn, floor, *size)]
            seen_screens.append(name)
    assert len(set(seen_screens)) == 16
    assert texts > 200
    assert not found, f"{len(found)} of {texts} texts fail:\n" + "\n".join(found[:40])


def test_the_recorder_catches_small_and_faint_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself can fail: a label at 14 px in grey on near-black is caught."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    label = QLabel("Fourteen pixels")
    qtbot.addWidget(label)
    font = QFont()
    font.setPixelSize(14)
    label.setFont(font)
    label.setStyleSheet("color: #555555; background: #07080A;")
    label.resize(400, 60)
    label.show()
    drawn = record(label).texts
    problems = faults(drawn, 28, 400, 60)
    assert any("under 28 px" in p for p in problems)
    assert any("under 7.0:1" in p for p in problems)


def sources(ws: Workshop) -> list[str]:
    """Every text of the workshop the screen may have to shorten."""
    out = [ws.title, ws.organisation, f"{ws.organisation} · {ws.title}", ws.vision]
    out += [g.title for g in ws.goals] + [p.name for p in ws.participants]
    out += [c.text for c in ws.commitments] + [f.name for f in ws.functions]
    names = {f.id: f.name for f in ws.functions}
    out += [f"{p.name} · {names.get(p.function_id or '', '')}" for p in ws.participants]
    return [s for s in out if s]


def test_shortened_text_ends_in_an_ellipsis_after_a_whole_word(qtbot, room: Room) -> None:  # type: ignore[no-untyped-def]
    room.audience.resize(1280, 720)
    ws = room.session.workshop
    full = sources(ws)
    shortened = 0
    for name in screens(room):
        for _ in every_page(room):
            for shown in room.audience.rendered_text():
                if not shown.endswith("…"):
                    continue
                shortened += 1
                stem = shown[:-1]
                # The text goes on after the shown words with a space or a mark, not a letter.
                assert any(
                    s.startswith(stem) and len(s) > len(stem) and not s[len(stem)].isalnum()
                    for s in full
                ), f"{name}: {shown!r} is cut inside a word"
    assert shortened > 0, "the long titles of these workshops are shortened somewhere"


# The longest address a phone may be shown: the longest IPv4 address, the port and the key.
PHONES_URL = "http://192.168.100.200:49152/" + "k" * 22 + "/"


@pytest.mark.parametrize("size", SIZES, ids=["720p", "1080p"])
def test_with_phones_on_the_qr_address_and_count_are_at_the_floor_and_7_to_1(  # type: ignore[no-untyped-def]
    qtbot, room: Room, size
) -> None:
    """Phones on: under each step's view, the QR code, the address typed out, how many joined."""
    from cxworkshop.gui.widgets.phones_panel import PhonesOnScreen

    on_screen = PhonesOnScreen()
    room.audience.add_phones_panel(on_screen)
    room.audience.resize(*size)
    on_screen.show_room(PHONES_URL, 28, 3)
    floor = floor_px_for(size[1])
    found: list[str] = []
    for step in (Step.GOALS, Step.PRIORITIES):
        room.audience.set_step(step)
        for page in every_page(room):
            qtbot.wait(1)
            drawn = record(room.audience).texts
            found += [f"{step.value} p{page}: {f}" for f in faults(drawn, floor, *size)]
            # The address typed out whole (over lines if it must), and how many joined.
            address = [t.text for t in drawn if len(t.text) > 3 and t.text in PHONES_URL]
            assert "".join(address) == PHONES_URL, f"{step.value} p{page}: {address}"
            assert any(t.text == "28 joined · 3 goals proposed" for t in drawn)
    assert not found, f"{len(found)} texts fail:\n" + "\n".join(found[:40])
