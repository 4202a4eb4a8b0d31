"""The audience screen as the room sees it: it follows the console, and keeps secrets secret."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.agenda import Level
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Role, Step
from cxworkshop.gui.audience import HEADINGS, PROJECTOR, AudienceWindow, base_px_for, render_png
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.room_timer import TIME_UP_FILL, RoomClock, RoomTimerWidget
from cxworkshop.storage.store import Store
from tests.helpers.builders import large_workshop


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def demo(window: MainWindow, store: Store) -> int:
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    window.open_workshop(created.id)
    return created.id


def press(qtbot, keys: str, target: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
    """Press a key where the keyboard is: the focused widget of the active window."""
    combo = QKeySequence(keys)[0]
    widget = target or QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


def audience_shown(qtbot, window: MainWindow) -> AudienceWindow:  # type: ignore[no-untyped-def]
    """The audience window put up and the console back in front: on the console's own
    screen the audience window opens in front, and Esc gives the console back."""
    press(qtbot, "Ctrl+Shift+A", window)
    audience = window.room.audience
    qtbot.waitExposed(audience)
    if not window.room.second_screen():
        qtbot.waitUntil(audience.isActiveWindow)
        press(qtbot, "Escape")
        qtbot.waitUntil(window.isActiveWindow)
    return audience


def seen(audience: AudienceWindow) -> str:
    return "\n".join(audience.rendered_text())


def count_colour(image: QImage, colour: str) -> int:
    target = QColor(colour).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == target
    )


# ----------------------------------------------------------------- following the console


def test_the_audience_screen_follows_the_facilitators_step(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    ws = store.workshop(demo)
    for number, step in enumerate(Step, start=1):
        press(qtbot, f"Ctrl+{number}", window)
        assert window.current_step() is step
        assert audience.showing() == step.value
        assert audience.heading.text() == HEADINGS[step]
        assert f"Step {number} of {len(Step)}" in seen(audience)
    text = seen(audience)  # the charter's summary
    assert "17 June 2027" in text
    press(qtbot, "Ctrl+3", window)
    # The overview shows each title, or its first words and "…" where two lines are not enough.
    text = seen(audience)
    for g in ws.goals:
        assert g.title in text or any(
            line.endswith("…") and g.title.startswith(line[:-1].split()[0])
            for line in text.splitlines()
        ), g.title
    assert "Make getting help effortless" in text
    press(qtbot, "Ctrl+4", window)
    # The console selects a goal on the board, and the room sees it in focus...
    focused = audience.focused_goal()
    assert focused is not None
    assert next(g.title for g in ws.goals if g.id == focused) in seen(audience)
    # ...until the facilitator puts up the overview: each goal with its Accountable.
    press(qtbot, "Ctrl+Shift+O", window)
    assert audience.focused_goal() is None
    text = seen(audience)
    churn = next(g for g in ws.goals if g.title.startswith("Cut monthly churn"))
    accountable = next(
        a for a in ws.assignments if a.goal_id == churn.id and a.role is Role.ACCOUNTABLE
    )
    name = next(p.name for p in ws.participants if p.id == accountable.assignee.id)
    assert name in text


def test_the_selected_goal_shows_in_focus_on_the_audience_screen(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    window.go_to(Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    assert audience.selected_goal is None
    assert audience.focused_goal() is None

    keep = editing.goals_in(store.workshop(demo), Pillar.KEEP)[1]
    page.select_goal(keep.id, focus=True)  # type: ignore[attr-defined]
    assert audience.focused_goal() == keep.id
    text = seen(audience)
    # The goal alone, whole, with its measure; the other goals are one step away.
    assert keep.title in text and keep.metric in text
    others = [g.title for g in store.workshop(demo).goals if g.id != keep.id]
    assert not any(title in text for title in others)

    # The keyboard moves the selection on the console; the room's focus follows.
    press(qtbot, "Down")
    below = editing.goals_in(store.workshop(demo), Pillar.KEEP)[2]
    assert audience.focused_goal() == below.id
    assert below.title in seen(audience)

    # The facilitator can put the overview back up, and the selected card stands out there.
    window.room.overview_action.trigger()
    assert audience.focused_goal() is None
    board = audience.views[Step.GOALS]
    assert count_colour(board.grab().toImage(), PROJECTOR.accent) > 50
    page.select_goal(None)  # type: ignore[attr-defined]
    assert audience.selected_goal is None
    assert count_colour(board.grab().toImage(), PROJECTOR.accent) == 0


def test_an_edit_on_the_console_shows_on_the_audience_screen(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    window.go_to(Step.VISION)
    session = window.session
    assert session is not None
    new_vision = "Every customer feels known, from the first visit to the tenth."
    session.edit(
        "Change the vision",
        lambda: store.update_details(demo, vision=new_vision),
        lambda previous: store.update_details(demo, **previous),
    )
    assert new_vision in seen(audience)
    session.undo_stack.undo()
    assert new_vision not in seen(audience)


# ----------------------------------------------------------------- secrets


FORBIDDEN_CLASSES = ("Ballot", "Voter", "Tally", "PassCard", "FinalOrder", "Decision")


def widget_tree(audience: AudienceWindow) -> list[str]:
    return [type(o).__name__ for o in audience.findChildren(QObject)]


def test_a_secret_ballot_never_reaches_the_audience_screen(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    window.go_to(Step.PRIORITIES)
    page = window.workshop_view.pages[Step.PRIORITIES]
    page.PASS_CARD_DELAY_MS = 0  # type: ignore[attr-defined]
    page.start_setup()  # type: ignore[attr-defined]
    page.setup.secret_radio.setChecked(True)  # type: ignore[attr-defined]
    page.open_vote()  # type: ignore[attr-defined]
    r = page.current_round()  # type: ignore[attr-defined]
    ws = store.workshop(demo)
    people = [p for p in ws.participants if p.id in r.voter_ids]
    # Two people have voted already; the third is at the laptop, placing dots.
    for voter, goal in zip(people[:2], r.goal_ids, strict=False):
        store.cast_ballot(demo, r.id, voter.id, {goal: r.max_per_goal})
    window.session.announce()  # type: ignore[union-attr]
    assert audience.showing() == "priorities"
    assert "dot" not in seen(audience).lower(), "an open round shows no totals"

    page.start_ballot(people[2].id)  # type: ignore[attr-defined]
    page.ballot_screen.view.add_dot(0)  # type: ignore[attr-defined]
    assert audience.showing() == "ballot"
    text = seen(audience)
    assert "Voting in progress" in text
    assert "dot" not in text.lower()
    assert not any(p.name in text for p in ws.participants)
    assert not any(g.title in text for g in ws.goals)
    # Not hidden but absent: nothing in the window could show a ballot or a count.
    tree = widget_tree(audience)
    assert not [name for name in tree if any(word in name for word in FORBIDDEN_CLASSES)]

    # Unblanking by B is ignored while a voter has the laptop.
    press(qtbot, "Ctrl+B", window)
    press(qtbot, "Ctrl+B", window)
    assert audience.showing() == "ballot"

    page.confirm_vote()  # type: ignore[attr-defined]
    assert audience.showing() == "ballot", "the pass card between voters keeps it blank"
    page.end_ballots()  # type: ignore[attr-defined]
    assert audience.showing() == "priorities"
    assert "dot" not in seen(audience).lower()

    page.close_vote()  # type: ignore[attr-defined]
    assert "dot" not in seen(audience).lower(), "closed but not revealed: still no totals"
    page.reveal(True)  # type: ignore[attr-defined]
    assert "dots" in seen(audience), "revealed: the room sees the results together"


def test_blank_toggles_to_a_neutral_card_and_back(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    window.go_to(Step.GOALS)
    qtbot.wait(10)  # the page puts the keyboard in its first field
    cards = window.workshop_view.pages[Step.GOALS].columns[Pillar.WIN].list  # type: ignore[attr-defined]
    cards.setFocus()
    qtbot.waitUntil(cards.hasFocus)
    press(qtbot, "B")
    assert audience.showing() == "blank"
    assert window.room.blank_action.isChecked()
    text = seen(audience)
    assert store.workshop(demo).title in text
    assert not any(g.title in text for g in store.workshop(demo).goals)
    press(qtbot, "B")
    assert audience.showing() == "goals"

    # In a field, B and T are letters being typed, not the room's keys.
    entry = window.workshop_view.pages[Step.GOALS].columns[Pillar.WIN].entry  # type: ignore[attr-defined]
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)
    qtbot.keyClicks(entry, "bt")
    assert entry.text() == "bt"
    assert audience.showing() == "goals"
    assert not window.room.clock.running


# ----------------------------------------------------------------- presenting


def test_f5_presents_full_screen_and_esc_returns_to_the_console(qtbot, window, demo):  # type: ignore[no-untyped-def]
    press(qtbot, "F5", window)
    audience = window.room.audience
    qtbot.waitExposed(audience)
    assert audience.isVisible() and audience.isFullScreen()
    assert window.room.present_action.isChecked()
    qtbot.waitUntil(audience.isActiveWindow)
    # The steps answer from the audience window too, as a presenter's clicker would.
    press(qtbot, "Alt+Right")
    assert window.current_step() is not None
    press(qtbot, "Escape")
    assert not audience.isVisible()
    assert not window.room.present_action.isChecked()
    qtbot.waitUntil(window.isActiveWindow)


def test_showing_the_audience_screen_on_the_only_screen_opens_a_window(qtbot, window, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    assert audience.isVisible() and not audience.isFullScreen()
    press(qtbot, "Ctrl+Shift+A", window)
    assert not audience.isVisible()
    # Closed from its own title bar, the menu follows.
    audience = audience_shown(qtbot, window)
    assert window.room.show_action.isChecked()
    audience.close()
    assert not window.room.show_action.isChecked()


def test_with_a_second_screen_the_audience_opens_full_screen_there(
    qtbot, window, monkeypatch, demo
):  # type: ignore[no-untyped-def]
    # The offscreen platform has one screen; the console is made to sit on "another".
    monkeypatch.setattr(window.room, "console_screen", lambda: None)
    audience = audience_shown(qtbot, window)
    assert window.room.second_screen()
    assert audience.isFullScreen()
    assert audience.screen() is QApplication.primaryScreen()
    # The facilitator keeps the keyboard on the console.
    assert not audience.isActiveWindow()
    press(qtbot, "Ctrl+Shift+A", window)
    assert not audience.isVisible()


def test_the_chosen_screen_is_remembered(qtbot, window, tmp_path: Path):  # type: ignore[no-untyped-def]
    screen = QApplication.primaryScreen()
    menu = window.room.screens_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert len(actions) == len(QApplication.screens())
    assert actions[0].isChecked()
    actions[0].trigger()
    window.options.sync()
    assert Options(tmp_path / "settings.ini").audience_screen == screen.name()


# ----------------------------------------------------------------- the timer


def test_the_timer_keys_start_pause_add_a_minute_and_reset(qtbot, window, demo):  # type: ignore[no-untyped-def]
    audience = audience_shown(qtbot, window)
    clock = FakeClock()
    window.room.clock.now = clock
    window.go_to(Step.GOALS)
    timer = window.room.clock
    full = 40 * 60
    press(qtbot, "Ctrl+T", window)
    assert timer.running
    clock.now += 100
    press(qtbot, "Ctrl+T", window)
    assert not timer.running
    assert timer.timer().remaining() == full - 100
    press(qtbot, "Ctrl+Shift+M", window)
    assert timer.timer().remaining() == full - 40
    # The same countdown on both screens.
    assert window.console_timer.face.text() == audience.timer.text()
    assert "39:20" in audience.timer.text()
    press(qtbot, "Ctrl+Shift+T", window)
    assert timer.timer().remaining() == full and not timer.running


def test_the_time_spent_in_each_step_is_saved(qtbot, window, store, db_path, demo):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    window.room.clock.now = clock
    window.go_to(Step.GOALS)
    press(qtbot, "Ctrl+T", window)
    clock.now += 125
    # The countdown moves on with the room to the next step.
    press(qtbot, "Alt+Right", window)
    assert window.room.clock.running
    clock.now += 30
    press(qtbot, "Ctrl+T", window)
    assert store.workshop(demo).time_spent == {Step.GOALS: 125, Step.ACCOUNTABILITY: 30}
    with Store(db_path) as fresh:
        assert fresh.workshop(demo).time_spent == {Step.GOALS: 125, Step.ACCOUNTABILITY: 30}
    # Time spent is a record, not an edit: nothing to undo.
    assert window.session.undo_stack.count() == 0  # type: ignore[union-attr]


def test_the_timer_warns_at_one_minute_and_at_zero_with_colour_symbol_words_and_a_beep(qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    beeps: list[int] = []
    room = RoomClock(clock, beep=lambda: beeps.append(1))
    room.set_timeboxes({step: 2 for step in Step})
    alerts: list[object] = []
    room.sig_alert.connect(alerts.append)
    widget = RoomTimerWidget(room)
    qtbot.addWidget(widget)
    room.start()
    clock.now += 59
    room.tick()
    assert widget.level() is Level.CALM and beeps == []
    clock.now += 1
    room.tick()
    room.tick()
    symbol, countdown, word = widget.face()
    assert (symbol, countdown, word) == ("⚠", "1:00", "1 minute left")
    assert widget.level() is Level.WARNING and beeps == [1]
    clock.now += 60
    room.tick()
    symbol, countdown, word = widget.face()
    assert (symbol, word) == ("⚑", "Time's up")
    assert alerts == [Level.WARNING, Level.TIME_UP] and beeps == [1, 1]
    image = widget.grab().toImage()
    assert count_colour(image, TIME_UP_FILL) > 20, "time's up fills the pill red"


# ----------------------------------------------------------------- the projector theme


@pytest.mark.parametrize(("height", "floor"), [(720, 28), (1080, 42), (2160, 84)])
def test_the_type_floor_scales_with_the_audience_screen(height: int, floor: int):
    assert base_px_for(height) == floor


def test_a_4k_screen_shows_the_same_layout_twice_as_large(qtbot, demo_session, tmp_path: Path):  # type: ignore[no-untyped-def]
    small = render_png(demo_session, Step.GOALS, tmp_path / "small.png", (1280, 720))
    large = render_png(demo_session, Step.GOALS, tmp_path / "large.png", (2560, 1440))
    a, b = QImage(str(small)), QImage(str(large))
    assert (a.width(), b.width()) == (1280, 2560)
    # The same scene at twice the pixels: the card fill covers about four times the area.
    card_a, card_b = count_colour(a, PROJECTOR.card), count_colour(b, PROJECTOR.card)
    assert card_a > 0 and 3.2 < card_b / card_a < 4.8


def test_readme_pictures_render_the_goals_board_and_the_results(qtbot, demo_session, tmp_path):  # type: ignore[no-untyped-def]
    goal = demo_session.workshop.goals[3].id
    path = render_png(demo_session, Step.GOALS, tmp_path / "goals.png", goal_id=goal, overview=True)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    assert count_colour(image, PROJECTOR.accent) > 100, "the selected card's frame"
    results = render_png(demo_session, Step.PRIORITIES, tmp_path / "results.png")
    assert count_colour(QImage(str(results)), PROJECTOR.accent) > 1000, "the bars are drawn"


def test_the_audience_window_is_not_made_until_it_is_wanted(window):  # type: ignore[no-untyped-def]
    assert window.room.audience_if_made() is None
    assert window.findChildren(AudienceWindow) == []


# ----------------------------------------------------------------- pages and the progress board


@pytest.fixture
def crowded(window: MainWindow, store: Store) -> int:
    """30 goals and 20 people: more than one page of every board."""
    created = store.create_workshop(large_workshop())
    assert created.id is not None
    window.open_workshop(created.id)
    return created.id


@pytest.mark.desktop
def test_a_clicker_turns_the_pages_then_the_steps_and_the_console_turns_them_too(
    qtbot, window, store, crowded
):  # type: ignore[no-untyped-def]
    window.go_to(Step.GOALS)
    press(qtbot, "F5", window)
    audience = window.room.audience
    qtbot.waitExposed(audience)
    qtbot.waitUntil(audience.isActiveWindow)
    pages = audience.page_count()
    assert pages > 1, "30 goals do not fit one page at the floor"
    assert audience.pager.text() == f"1 / {pages}"
    first = seen(audience)

    press(qtbot, "PgDown")
    assert audience.pager.text() == f"2 / {pages}"
    assert seen(audience) != first
    assert window.current_step() is Step.GOALS
    press(qtbot, "PgUp")
    assert audience.pager.text() == f"1 / {pages}"
    assert seen(audience) == first
    # Before the first page, the clicker goes back a step, as a slide show would.
    press(qtbot, "PgUp")
    assert window.current_step() is Step.VISION
    for _ in range(audience.page_count()):
        press(qtbot, "PgDown")
    assert window.current_step() is Step.GOALS
    for _ in range(pages - 1):
        press(qtbot, "PgDown")
    assert audience.pager.text() == f"{pages} / {pages}"
    press(qtbot, "PgDown")
    assert window.current_step() is Step.ACCOUNTABILITY
    assert audience.page == 0

    # Back on the console, its own keys turn the room's pages.
    press(qtbot, "Escape")
    window.room.show_action.setChecked(True)
    qtbot.waitExposed(audience)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # The accountability board has a goal selected: the overview is what has pages.
    assert audience.page_count() == 1
    press(qtbot, "Ctrl+Shift+O", window)
    assert audience.page_count() > 1
    press(qtbot, "Ctrl+Shift+PgDown", window)
    assert audience.page == 1
    assert window.statusBar().currentMessage() == (
        f"The audience screen shows page 2 of {audience.page_count()}."
    )
    press(qtbot, "Ctrl+Shift+PgUp", window)
    assert audience.page == 0


def test_the_progress_board_shows_while_the_progress_reviews_are_open(qtbot, window, store, demo):  # type: ignore[no-untyped-def]
    ws = store.workshop(demo)
    june = store.add_review(demo, "2027-06-17")
    churn = next(g for g in ws.goals if g.title.startswith("Cut monthly churn"))
    store.record_review(demo, june.id, churn.id, reading="2.9%", status="at_risk")
    window.session.sig_changed.emit()  # type: ignore[union-attr]
    audience = audience_shown(qtbot, window)
    window.go_to(Step.GOALS)
    press(qtbot, "Ctrl+Shift+R", window)
    assert audience.showing() == "progress"
    text = seen(audience)
    assert "! At risk" in text, "a status is a symbol and a word, never colour alone"
    assert f"{churn.baseline} → 2.9% → {churn.target}" in text
    assert "Latest review: 17 June 2027".upper() in text
    assert "Step 3 of 6" not in text

    # The selected goal comes into focus, with its reading's date.
    audience.set_selected_goal(churn.id)
    text = seen(audience)
    assert churn.title in text and "2.9% (17 June 2027)" in text
    window.reviews_window.close()  # type: ignore[union-attr]
    assert audience.showing() == "goals"


def test_the_overview_opens_on_the_page_with_the_selected_goal(qtbot, store):  # type: ignore[no-untyped-def]
    from cxworkshop.gui.session import Session

    created = store.create_workshop(large_workshop())
    audience = AudienceWindow()
    qtbot.addWidget(audience)
    audience.set_session(Session(store, created.id))
    audience.resize(1280, 720)
    audience.show()
    audience.set_step(Step.ACCOUNTABILITY)
    pages = audience.page_count()
    assert pages > 1
    last = created.goals[-1]
    audience.set_selected_goal(last.id)
    assert audience.page_count() == 1, "in focus: the goal alone"
    audience.set_overview(True)
    assert audience.page == pages - 1
    assert audience.pager.text() == f"{pages} / {pages}"
    first_words = " ".join(last.title.split()[:2])
    assert any(line.startswith(first_words) for line in audience.rendered_text())


def test_results_show_every_title_whole(qtbot, demo_session):  # type: ignore[no-untyped-def]
    ws = demo_session.workshop
    audience = AudienceWindow()
    qtbot.addWidget(audience)
    audience.set_session(demo_session)
    audience.set_step(Step.PRIORITIES)
    audience.set_round(ws.rounds[-1].id)
    audience.resize(1280, 720)
    audience.show()
    shown: list[str] = []
    shown += audience.rendered_text()
    while audience.turn_page(1):
        shown += audience.rendered_text()
    voted = [g.title for g in ws.goals if g.id in ws.rounds[-1].goal_ids]
    assert voted and all(title in shown for title in voted)
