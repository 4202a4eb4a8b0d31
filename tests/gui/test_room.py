"""Running a workshop from the keyboard alone, and planning its agenda in Set up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import DEFAULT_TIMEBOXES, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store


class FakeClock:
    def __init__(self) -> None:
        self.now = 10.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def keyboard() -> QWidget:
    """Where a key goes now: the focused widget, else the active window."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "the keyboard went nowhere"
    return widget


def press(qtbot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        combo = QKeySequence(key)[0]
        QTest.keyClick(keyboard(), combo.key(), combo.keyboardModifiers())
        qtbot.wait(1)


def test_a_whole_demo_workshop_runs_from_the_keyboard_alone(qtbot, window, store, db_path):  # type: ignore[no-untyped-def]
    created = store.create_workshop(demo_workshop())
    store.update_details(created.id, current_step=Step.SETUP)
    window.library_page.set_recent(window.options.recent)
    window.show_library()
    clock = FakeClock()
    window.room.clock.now = clock

    # Open it from the library: down to the list, Enter.
    window.library_page.search.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, "Down", "Return")
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.current_step() is Step.SETUP

    # Put the room's view up, present it, and come back.
    press(qtbot, "Ctrl+Shift+A")
    audience = window.room.audience
    qtbot.waitExposed(audience)
    assert audience.showing() == "setup"
    press(qtbot, "F5")
    qtbot.waitUntil(audience.isActiveWindow)
    assert audience.isFullScreen()
    press(qtbot, "Escape")
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.room.present_action.isChecked()

    spent: dict[Step, int] = {}
    for number, step in enumerate(Step, start=1):
        if number > 1:
            press(qtbot, "Alt+Right")
        qtbot.wait(5)  # each page puts the keyboard in its first field
        assert window.current_step() is step
        assert audience.showing() == step.value
        # A few minutes on the clock in each step, then a pause.
        press(qtbot, "Ctrl+T")
        assert window.room.clock.running
        clock.now += 60 * number
        press(qtbot, "Ctrl+T")
        assert not window.room.clock.running
        spent[step] = 60 * number
        # Blank the room's screen for a moment, and bring it back.
        press(qtbot, "Ctrl+B")
        assert audience.showing() == "blank"
        press(qtbot, "Ctrl+B")
        assert audience.showing() == step.value

    # Presenting from the last step, a clicker's Page Up and Page Down walk the steps.
    press(qtbot, "F5")
    qtbot.waitUntil(audience.isActiveWindow)
    press(qtbot, "PgUp")
    assert window.current_step() is Step.PRIORITIES
    assert audience.showing() == "priorities"
    press(qtbot, "PgUp", "PgDown")
    assert window.current_step() is Step.PRIORITIES
    press(qtbot, "Alt+Left")
    assert window.current_step() is Step.ACCOUNTABILITY
    press(qtbot, "F5")
    qtbot.waitUntil(window.isActiveWindow)
    # Back on the console; the room's window stays up, as it was before presenting.
    assert audience.isVisible() and not audience.isFullScreen()

    press(qtbot, "Ctrl+W")
    assert window.session is None
    with Store(db_path) as fresh:
        assert fresh.workshop(created.id).time_spent == spent


def test_the_agenda_is_planned_from_the_keyboard_and_undone(qtbot, window, store):  # type: ignore[no-untyped-def]
    created = store.create_workshop(demo_workshop())
    window.open_workshop(created.id)
    window.go_to(Step.SETUP)
    qtbot.wait(5)
    page = window.workshop_view.pages[Step.SETUP]
    panel = page.agenda_panel  # type: ignore[attr-defined]
    assert not panel.isVisible()

    # From the last detail, Tab reaches the language beside the heading, then the
    # agenda's link; Space opens it.
    page.form.sponsorTitleEdit.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(page.form.sponsorTitleEdit.hasFocus)  # type: ignore[attr-defined]
    press(qtbot, "Tab")
    assert keyboard() is page.form.languageCombo  # type: ignore[attr-defined]
    press(qtbot, "Tab")
    assert keyboard() is panel.toggle
    press(qtbot, "Space")
    assert panel.isVisible()
    press(qtbot, "Tab")
    assert keyboard() is panel.start_check
    press(qtbot, "Space")
    assert store.workshop(created.id).agenda_start == dt.time(9, 0)

    # Ticked, the time is ready for typing.
    assert keyboard() is panel.start_edit
    qtbot.keyClicks(panel.start_edit, "0930")
    press(qtbot, "Tab")
    assert store.workshop(created.id).agenda_start == dt.time(9, 30)
    assert keyboard() is panel.spins[Step.SETUP]
    QTest.keyClick(keyboard(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(keyboard(), "15")
    press(qtbot, "Tab")
    ws = store.workshop(created.id)
    assert ws.timeboxes == {**DEFAULT_TIMEBOXES, Step.SETUP: 15}
    stack = window.session.undo_stack  # type: ignore[union-attr]
    assert stack.undoText() == "Set the Set up timebox to 15 minutes"
    # The plan shows on the link, the room's screen, and the timer.
    assert panel.toggle.text().startswith("Agenda: 09:30–12:20")
    press(qtbot, "Ctrl+Shift+A")
    text = "\n".join(window.room.audience.rendered_text())
    assert "09:30" in text and "15 min" in text and "Ends at 12:20" in text
    assert window.room.clock.timer(Step.SETUP).remaining() == 15 * 60

    stack.undo()
    assert store.workshop(created.id).timeboxes[Step.SETUP] == DEFAULT_TIMEBOXES[Step.SETUP]
    assert panel.spins[Step.SETUP].value() == DEFAULT_TIMEBOXES[Step.SETUP]
    assert stack.undoText() == "Start the agenda at 09:30"
    stack.undo()
    stack.undo()
    assert store.workshop(created.id).agenda_start is None
    assert not panel.start_check.isChecked()
