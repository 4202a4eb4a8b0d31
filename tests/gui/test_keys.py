"""The keyboard as it reaches the app on a real desktop: shortcuts, typing, Enter and Tab.

Keys are sent where a keyboard sends them: to the widget with the keyboard (the
open popup's, if one is open), so the platform's key bindings and shortcut map
decide what happens, as they do for a person at the laptop. These tests also
run on a real X server (see the ``desktop`` marker).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Goal, Participant, Pillar, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.pages.priorities.parts import Face
from cxworkshop.storage.store import Store
from tests.gui.test_voting_flow import GOALS, VOTERS, make_page, place_by_keys
from tests.helpers.gui import make_active

pytestmark = pytest.mark.desktop


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    make_active(qtbot, win)
    yield win
    win.close()


def open_demo(qtbot, window: MainWindow, store: Store, step: Step) -> int:  # type: ignore[no-untyped-def]
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    store.update_details(created.id, current_step=step)
    window.open_workshop(created.id)
    # The step puts the keyboard in its first field just after it shows.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.wait(10)
    return created.id


def keyboard() -> QWidget:
    """Where a key goes now: the open popup's focus, else the focus widget, else the window."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None
    return widget


def press(qtbot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press a key or a combination where the keyboard is."""
    combo = QKeySequence(keys)[0]
    QTest.keyClick(keyboard(), combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


def type_in(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key, each key going where the keyboard is at that moment."""
    for char in text:
        QTest.keyClicks(keyboard(), char)
        qtbot.wait(1)


def reread(db_path: Path, workshop_id: int):  # type: ignore[no-untyped-def]
    with Store(db_path) as fresh:
        return fresh.workshop(workshop_id)


# ----------------------------------------------------------------- shortcuts


def _scopes(holder: QAction | QShortcut) -> list[QWidget]:
    """The widgets within which ``holder``'s keys answer."""
    if isinstance(holder, QShortcut):
        parent = holder.parent()
        widgets = [parent] if isinstance(parent, QWidget) else []
    else:
        widgets = [o for o in holder.associatedObjects() if isinstance(o, QWidget)]
    context = holder.context() if isinstance(holder, QShortcut) else holder.shortcutContext()
    scopes = []
    for widget in widgets:
        while isinstance(widget, QMenu) and widget.parentWidget() is not None:
            widget = widget.parentWidget()  # a menu's keys answer in the window it opens from
        if context in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            widget = widget.window()
        scopes.append(widget)
    return scopes


def ambiguous_keys(window: MainWindow) -> list[str]:
    """Every key that more than one shortcut (or one shortcut twice) answers in one place."""
    holders: list[QAction | QShortcut] = [
        *window.findChildren(QAction),
        *window.findChildren(QShortcut),
    ]
    # One entry in the shortcut map per key an action or shortcut holds.
    seen: dict[str, list[tuple[str, list[QWidget]]]] = {}
    for holder in holders:
        name = holder.text() if isinstance(holder, QAction) else holder.objectName() or "shortcut"
        keys = holder.shortcuts() if isinstance(holder, QAction) else holder.keys()
        for key in keys:
            seen.setdefault(key.toString(), []).append((name, _scopes(holder)))

    def overlap(a: list[QWidget], b: list[QWidget]) -> bool:
        return any(x is y or x.isAncestorOf(y) or y.isAncestorOf(x) for x in a for y in b)

    clashes = []
    for key, where in seen.items():
        for i, (name, scopes) in enumerate(where):
            for other_name, others in where[i + 1 :]:
                if overlap(scopes, others):
                    clashes.append(f"{key}: {name!r} and {other_name!r}")
    return clashes


def test_no_key_is_claimed_twice_anywhere_in_the_window(qtbot, window, store):  # type: ignore[no-untyped-def]
    assert ambiguous_keys(window) == [], "in the library"
    open_demo(qtbot, window, store, Step.SETUP)
    for step in Step:
        window.go_to(step)
        qtbot.wait(10)  # the step's first field takes the keyboard
        assert ambiguous_keys(window) == [], step.label
    window.room.show_action.setChecked(True)  # the audience window shares the keys
    qtbot.waitExposed(window.room.audience)
    assert ambiguous_keys(window) == [], "with the audience screen shown"
    assert window.redo_action.isEnabled() or not window.undo_group.canRedo()


def test_redo_answers_ctrl_shift_z_and_ctrl_y(qtbot, window, store, db_path):  # type: ignore[no-untyped-def]
    wid = open_demo(qtbot, window, store, Step.GOALS)
    goals = window.workshop_view.pages[Step.GOALS]
    entry = goals.findChild(QLineEdit, "quick_add_keep")
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)
    type_in(qtbot, "Answer every call within a minute")
    press(qtbot, "Return")

    def titles() -> list[str]:
        return [g.title for g in editing.goals_in(reread(db_path, wid), Pillar.KEEP)]

    assert titles()[-1] == "Answer every call within a minute"
    # Keys pressed on the board, where no field holds any typing.
    board = goals.columns[Pillar.KEEP].list
    board.setFocus()
    qtbot.waitUntil(board.hasFocus)
    for redo in ("Ctrl+Shift+Z", "Ctrl+Y"):
        press(qtbot, "Ctrl+Z")
        assert "Answer every call within a minute" not in titles()
        press(qtbot, redo)
        assert titles()[-1] == "Answer every call within a minute", redo


def many_goals(store: Store, step: Step) -> int:
    """A workshop with ten goals under each pillar, more than a column shows at once."""
    ws = editing.new_workshop("Many goals", organisation="Acme Outdoor")
    ws.goals = [Goal(p, f"{p.label} goal {n + 1}") for p in Pillar for n in range(10)]
    ws.current_step = step
    created = store.create_workshop(ws)
    assert created.id is not None
    return created.id


def test_undo_and_redo_of_a_typed_goal_select_its_card_and_bring_it_into_view(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    wid = many_goals(store, Step.GOALS)
    window.open_workshop(wid)
    # The step puts the keyboard in its first field just after it shows.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.wait(10)
    page = window.workshop_view.pages[Step.GOALS]
    column = page.columns[Pillar.KEEP]
    view = column.list
    column.entry.setFocus()
    qtbot.waitUntil(column.entry.hasFocus)
    type_in(qtbot, "Answer every call within a minute")
    press(qtbot, "Return")
    added = editing.goals_in(reread(db_path, wid), Pillar.KEEP)[-1]
    assert added.title == "Answer every call within a minute"

    def shown() -> bool:
        row = column.model.row_of(added.id)
        if row == -1:
            return False
        rect = view.visualRect(column.model.index(row, 0))
        return view.viewport().rect().contains(rect)

    qtbot.waitUntil(shown)
    press(qtbot, "Tab")  # into the Keep column's cards
    qtbot.waitUntil(view.hasFocus)
    for redo in ("Ctrl+Shift+Z", "Ctrl+Y"):
        press(qtbot, "Home")  # another goal, at the top: the new one scrolls out of view
        qtbot.waitUntil(lambda: page.selected_goal_id() != added.id and not shown())
        press(qtbot, "Ctrl+Z")
        assert added.id not in {g.id for g in reread(db_path, wid).goals}
        press(qtbot, redo)
        assert added.id in {g.id for g in reread(db_path, wid).goals}, redo
        assert page.selected_goal_id() == added.id, f"{redo} selects the goal it brought back"
        assert page.panel.field_text("title") == added.title
        qtbot.waitUntil(shown)
        assert view.hasFocus(), "the keyboard stays on the cards"

    # Undoing a change to a goal (here a move up its column) shows that goal too.
    press(qtbot, "Ctrl+Up")
    assert editing.goals_in(reread(db_path, wid), Pillar.KEEP)[-2].id == added.id
    press(qtbot, "Home")
    qtbot.waitUntil(lambda: page.selected_goal_id() != added.id and not shown())
    press(qtbot, "Ctrl+Z")
    assert editing.goals_in(reread(db_path, wid), Pillar.KEEP)[-1].id == added.id
    assert page.selected_goal_id() == added.id
    qtbot.waitUntil(shown)


# ----------------------------------------------------------------- typing in Set up


def test_a_person_typed_in_set_up_keeps_their_function_and_title_and_the_timer_is_left_alone(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    wid = open_demo(qtbot, window, store, Step.SETUP)
    page = window.workshop_view.pages[Step.SETUP]
    clock = window.room.clock
    before = clock.timer(Step.SETUP).duration
    page.add_person()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))

    type_in(qtbot, "Dana Lee")
    press(qtbot, "Tab")
    type_in(qtbot, "Customer Service")
    press(qtbot, "Tab")
    type_in(qtbot, "Head of CX")
    press(qtbot, "Return")

    ws = reread(db_path, wid)
    dana = next(p for p in ws.participants if p.name == "Dana Lee")
    functions = {f.id: f.name for f in ws.functions}
    assert functions.get(dana.function_id or "") == "Customer Service"
    assert dana.role_title == "Head of CX"
    assert not clock.running, "the T of Customer started the timer"
    assert clock.timer(Step.SETUP).duration == before, "the M of Customer added a minute"
    window.close()
    assert Step.SETUP not in reread(db_path, wid).time_spent


# The offscreen platform says this of every menu it opens: not ours to fix.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_rooms_letter_keys_never_act_while_the_keyboard_is_typing(qtbot, window, store):  # type: ignore[no-untyped-def]
    """T, M and B are the room's keys on a board or a button; in anything that takes
    letters (a list to pick from, a table that starts editing on a key, a cell being
    edited, a menu) they are typing."""
    wid = open_demo(qtbot, window, store, Step.PRIORITIES)
    clock, room = window.room.clock, window.room

    def untouched() -> bool:
        return not clock.running and clock.timer().extra == 0 and not room.blank_action.isChecked()

    rounds = window.workshop_view.pages[Step.PRIORITIES].rounds_combo
    rounds.setFocus()
    qtbot.waitUntil(rounds.hasFocus)
    type_in(qtbot, "tmb")
    assert untouched(), "a list picked from by typing"

    window.go_to(Step.SETUP)
    qtbot.wait(10)  # the step's first field takes the keyboard
    people = window.workshop_view.pages[Step.SETUP].participants_view
    people.setFocus()
    qtbot.waitUntil(people.hasFocus)
    people.setCurrentIndex(people.model().index(0, 0))
    type_in(qtbot, "Tom")
    assert untouched(), "a table that starts editing on a key"
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    press(qtbot, "Escape")

    window.view_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(window.view_menu)
    press(qtbot, "t")
    assert untouched(), "a menu"
    window.view_menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)

    # Where nothing types, the letters are the room's: T starts the timer, M adds a minute.
    window.workshop_view.next_button.setFocus()
    qtbot.waitUntil(window.workshop_view.next_button.hasFocus)
    press(qtbot, "t")
    press(qtbot, "m")
    assert clock.running and clock.timer().extra == 60
    assert wid


def test_a_function_nobody_has_is_refused_in_one_line_and_what_was_typed_stays(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    wid = open_demo(qtbot, window, store, Step.SETUP)
    page = window.workshop_view.pages[Step.SETUP]
    page.add_person()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_in(qtbot, "Dana Lee")
    press(qtbot, "Tab")
    type_in(qtbot, "Custmer Care")
    press(qtbot, "Tab")

    assert page.error_line.isVisible()
    assert "No function is called 'Custmer Care'" in page.error_line.text()
    editor = keyboard()
    assert isinstance(editor, QComboBox) and editor.currentText() == "Custmer Care"
    dana = next(p for p in reread(db_path, wid).participants if p.name == "Dana Lee")
    assert dana.function_id is None

    # Put right, the row goes on as typed.
    editor.lineEdit().selectAll()
    type_in(qtbot, "customer s")
    press(qtbot, "Tab")
    type_in(qtbot, "Head of CX")
    press(qtbot, "Return")
    ws = reread(db_path, wid)
    dana = next(p for p in ws.participants if p.name == "Dana Lee")
    functions = {f.id: f.name for f in ws.functions}
    assert (functions.get(dana.function_id or ""), dana.role_title) == (
        "Customer Service",
        "Head of CX",
    )


# ----------------------------------------------------------------- the vote


@pytest.fixture
def team(blank_session):  # type: ignore[no-untyped-def]
    """Five people in the room and four goals, nothing voted yet."""
    store, wid = blank_session.store, blank_session.workshop_id
    for name in VOTERS:
        store.add_participant(wid, Participant(name))
    for pillar, title in GOALS:
        store.add_goal(wid, Goal(pillar, title))
    return blank_session


def test_enter_presses_the_focused_button_all_through_a_vote(qtbot, team, db_path):  # type: ignore[no-untyped-def]
    page = make_page(qtbot, team)
    goals = [g.title for g in team.workshop.goals]
    page.setup.open_button.setFocus()
    qtbot.waitUntil(page.setup.open_button.hasFocus)
    press(qtbot, "Return")
    assert page.face is Face.ROUND
    page.round_view.next_button.setFocus()
    qtbot.waitUntil(page.round_view.next_button.hasFocus)
    press(qtbot, "Enter")  # the keypad's Enter
    assert page.face is Face.PASS

    card = page.pass_card
    for voter in range(len(team.workshop.participants)):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is card.start_button)
        press(qtbot, "Return" if voter % 2 else "Enter")
        assert page.face is Face.BALLOT, card.start_button.text()
        place_by_keys(qtbot, page, [goals[voter % len(goals)]])
        press(qtbot, "Return")
        assert page.face is Face.PASS
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.done_button)
    press(qtbot, "Return")
    assert page.face is Face.ROUND
    r = reread(db_path, team.workshop_id).rounds[0]
    assert len(r.voted()) == len(team.workshop.participants)


def test_after_the_last_ballot_the_keyboard_lands_on_closing_the_vote_not_on_a_number(
    qtbot, team, db_path
):  # type: ignore[no-untyped-def]
    page = make_page(qtbot, team)
    goals = [g.title for g in team.workshop.goals]
    page.setup.open_button.setFocus()
    press(qtbot, "Return")
    view = page.round_view
    dots = reread(db_path, team.workshop_id).rounds[0].dots_per_voter
    view.next_button.click()
    card = page.pass_card
    for voter in range(len(team.workshop.participants)):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is card.start_button)
        press(qtbot, "Return")
        place_by_keys(qtbot, page, [goals[voter % len(goals)]])
        press(qtbot, "Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.done_button)
    press(qtbot, "Return")
    assert page.face is Face.ROUND
    qtbot.wait(10)
    assert QApplication.focusWidget() is view.close_button
    # A stray key changes nothing; Enter closes the vote.
    type_in(qtbot, "9")
    assert reread(db_path, team.workshop_id).rounds[0].dots_per_voter == dots
    press(qtbot, "Return")
    assert not reread(db_path, team.workshop_id).rounds[0].is_open
    assert QApplication.focusWidget() is view.reveal_button


# ----------------------------------------------------------------- goals


def test_tab_out_of_a_goals_last_field_does_not_land_on_delete_which_alt_l_still_reaches(
    qtbot, window, store, db_path, monkeypatch
):  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    wid = open_demo(qtbot, window, store, Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    goal = editing.goals_in(reread(db_path, wid), Pillar.KEEP)[0]
    page.select_goal(goal.id, focus=True)
    due = page.panel.fields["due"]
    due.setFocus()
    qtbot.waitUntil(due.hasFocus)
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is not page.panel.delete_button
    assert not due.hasFocus()
    # Backwards from the next stop, too, the fields come before any Delete.
    press(qtbot, "Shift+Tab")
    assert due.hasFocus()

    press(qtbot, "Alt+L")
    qtbot.waitUntil(lambda: asked == ["Delete goal?"])  # a button's mnemonic clicks it shortly
    assert goal.id not in {g.id for g in reread(db_path, wid).goals}


# ----------------------------------------------------------------- undo from any field


def test_ctrl_z_undoes_the_last_edit_from_the_field_that_made_it(qtbot, window, store, db_path):  # type: ignore[no-untyped-def]
    wid = open_demo(qtbot, window, store, Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]

    def keep_titles() -> list[str]:
        return [g.title for g in editing.goals_in(reread(db_path, wid), Pillar.KEEP)]

    # A pillar's entry, right after the goal typed there was added.
    entry = page.columns[Pillar.KEEP].entry
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)
    type_in(qtbot, "Answer every call within a minute")
    press(qtbot, "Return")
    assert keep_titles()[-1] == "Answer every call within a minute"
    assert entry.hasFocus()
    press(qtbot, "Ctrl+Z")
    assert "Answer every call within a minute" not in keep_titles()
    assert entry.text() == ""
    press(qtbot, "Ctrl+Shift+Z")
    assert keep_titles()[-1] == "Answer every call within a minute"
    press(qtbot, "Ctrl+Z")
    press(qtbot, "Ctrl+Y")
    assert keep_titles()[-1] == "Answer every call within a minute"

    # A goal's field, after what was typed there was saved.
    goal = editing.goals_in(reread(db_path, wid), Pillar.KEEP)[0]
    page.select_goal(goal.id)
    metric = page.panel.fields["metric"]
    metric.setFocus()
    qtbot.waitUntil(metric.hasFocus)
    metric.selectAll()
    type_in(qtbot, "Calls answered within 60 s")
    press(qtbot, "Return")
    assert editing.goal(reread(db_path, wid), goal.id).metric == "Calls answered within 60 s"
    press(qtbot, "Ctrl+Z")
    assert editing.goal(reread(db_path, wid), goal.id).metric == goal.metric
    assert metric.text() == goal.metric

    # Set up's facilitator, the same.
    window.go_to(Step.SETUP)
    qtbot.wait(10)  # the step's first field takes the keyboard
    facilitator = window.workshop_view.pages[Step.SETUP].form.facilitatorEdit
    facilitator.setFocus()
    qtbot.waitUntil(facilitator.hasFocus)
    before = reread(db_path, wid).facilitator
    facilitator.selectAll()
    type_in(qtbot, "Sam Reyes")
    press(qtbot, "Return")
    assert reread(db_path, wid).facilitator == "Sam Reyes"
    press(qtbot, "Ctrl+Z")
    assert reread(db_path, wid).facilitator == before
    assert facilitator.text() == before
    press(qtbot, "Ctrl+Shift+Z")
    assert reread(db_path, wid).facilitator == "Sam Reyes"

    # The next person's name, open and empty after the one just added.
    people = window.workshop_view.pages[Step.SETUP]
    people.add_person()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_in(qtbot, "Dana Lee")
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: keyboard() is not None and keyboard().property("text") == "")

    def names() -> list[str]:
        return [p.name for p in reread(db_path, wid).participants]

    assert names()[-1] == "Dana Lee"
    press(qtbot, "Ctrl+Z")
    assert "Dana Lee" not in names()
    press(qtbot, "Ctrl+Y")
    assert names()[-1] == "Dana Lee"


def test_ctrl_z_in_a_field_with_typing_not_saved_undoes_the_typing_first(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    wid = open_demo(qtbot, window, store, Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    entry = page.columns[Pillar.WIN].entry
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)
    type_in(qtbot, "Win back lapsed members")
    press(qtbot, "Return")
    saved = reread(db_path, wid).goals
    type_in(qtbot, "Half typed")
    press(qtbot, "Ctrl+Z")
    assert entry.text() != "Half typed", "the field's own undo took the typing back"
    assert reread(db_path, wid).goals == saved, "the workshop is untouched"


# ----------------------------------------------------------------- a real X keyboard


def xdotool(*args: str) -> None:
    """Send keys through the X server itself, as a keyboard does (XTEST)."""
    subprocess.run(["xdotool", *args], check=True, timeout=30)


@pytest.mark.skipif(
    shutil.which("xdotool") is None, reason="xdotool is not installed (apt-get install xdotool)"
)
def test_on_x11_real_key_presses_type_a_person_add_a_goal_undo_and_redo_it(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    if QApplication.platformName() != "xcb":
        pytest.skip("needs a real X server: run with QT_QPA_PLATFORM=xcb (e.g. under xvfb-run)")
    wid = open_demo(qtbot, window, store, Step.SETUP)
    make_active(qtbot, window)

    # Set up: a person typed in one go, Tab to Tab, as the room does it.
    page = window.workshop_view.pages[Step.SETUP]
    page.add_person()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    xdotool("type", "--delay", "20", "Dana Lee\tCustomer Service\tHead of CX")
    xdotool("key", "Return")

    def dana() -> tuple[str | None, str] | None:
        ws = reread(db_path, wid)
        names = {f.id: f.name for f in ws.functions}
        found = [p for p in ws.participants if p.name == "Dana Lee"]
        return (names.get(found[0].function_id or ""), found[0].role_title) if found else None

    qtbot.waitUntil(lambda: dana() == ("Customer Service", "Head of CX"))
    assert not window.room.clock.running and window.room.clock.timer().extra == 0

    # Goals: add one from a pillar's entry, then undo and redo it from there.
    window.go_to(Step.GOALS)
    qtbot.wait(10)  # the step's first field takes the keyboard
    entry = window.workshop_view.pages[Step.GOALS].columns[Pillar.KEEP].entry
    entry.setFocus()
    qtbot.waitUntil(entry.hasFocus)

    def added() -> bool:
        titles = [g.title for g in editing.goals_in(reread(db_path, wid), Pillar.KEEP)]
        return "Answer every call" in titles

    xdotool("type", "--delay", "20", "Answer every call")
    xdotool("key", "Return")
    qtbot.waitUntil(added)
    for redo in ("ctrl+shift+z", "ctrl+y"):
        xdotool("key", "ctrl+z")
        qtbot.waitUntil(lambda: not added())
        xdotool("key", redo)
        qtbot.waitUntil(added)


@pytest.mark.desktop
def test_enter_presses_the_focused_button_on_the_welcome_and_on_every_step(
    qtbot, window, store, db_path
):  # type: ignore[no-untyped-def]
    page = window.library_page
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.empty_view)
    page.demo_button.setFocus()
    qtbot.waitUntil(page.demo_button.hasFocus)
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session.workshop.title == demo_workshop().title

    # A button on a step: the Set up page's button that adds a function.
    window.go_to(Step.SETUP)
    setup = window.workshop_view.pages[Step.SETUP]
    button = next(b for b in setup.findChildren(QPushButton) if b.isVisible() and b.isEnabled())
    pressed: list[bool] = []
    button.clicked.connect(lambda *_: pressed.append(True))
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    press(qtbot, "Enter")
    assert pressed == [True]
