"""The main window as a facilitator uses it: open, walk the steps, undo, quit and come back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Step
from cxworkshop.gui import theme
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
from tests.helpers.gui import run_probe


@pytest.fixture
def options(tmp_path: Path) -> Options:
    return Options(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, store: Store, options: Options):
    win = MainWindow(store, options)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def demo_id(store: Store) -> int:
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    return created.id


def press(qtbot, window: MainWindow, keys: str) -> None:
    """Press a shortcut the way a person does, at the window."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    combo = QKeySequence(keys)[0]
    QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


def test_the_app_starts_on_the_library(window: MainWindow, store: Store):
    assert window.pages.currentWidget() is window.library_page
    assert window.session is None
    assert not window.close_action.isEnabled()


def test_opening_a_workshop_lands_on_its_stored_step(window: MainWindow, store: Store):
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.GOALS)
    window.open_workshop(wid)
    assert window.current_step() is Step.GOALS
    assert window.workshop_view.stack.currentWidget() is window.workshop_view.pages[Step.GOALS]
    assert store.workshop(wid).title in window.windowTitle()


def test_keyboard_walks_every_step_and_each_is_remembered(
    qtbot, window: MainWindow, store: Store, db_path: Path
):
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.SETUP)
    window.open_workshop(wid)
    seen = [window.current_step()]
    for _ in range(len(Step) - 1):
        press(qtbot, window, "Alt+Right")
        seen.append(window.current_step())
    assert seen == list(Step)
    press(qtbot, window, "Alt+Right")  # already at the last step: stays
    assert window.current_step() is Step.CHARTER
    press(qtbot, window, "Ctrl+3")
    assert window.current_step() is Step.GOALS
    press(qtbot, window, "Alt+Left")
    assert window.current_step() is Step.VISION
    with Store(db_path) as other:
        assert other.workshop(wid).current_step is Step.VISION


def test_step_bar_click_goes_to_that_step(qtbot, window: MainWindow, store: Store):
    window.open_workshop(demo_id(store))
    button = window.workshop_view.step_bar.buttons[Step.PRIORITIES]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_step() is Step.PRIORITIES
    assert "Priorities" in window.workshop_view.position.text()


def test_step_bar_marks_complete_steps(window: MainWindow, store: Store):
    wid = demo_id(store)
    window.open_workshop(wid)
    buttons = window.workshop_view.step_bar.buttons
    assert buttons[Step.GOALS].complete
    assert buttons[Step.ACCOUNTABILITY].complete
    assert "complete" in buttons[Step.GOALS].accessibleDescription()
    blank = store.create_workshop(editing.new_workshop("Blank"))
    window.open_workshop(blank.id)
    assert not any(b.complete for b in buttons.values())


def test_edits_are_undone_and_redone_with_the_standard_keys(
    qtbot, window: MainWindow, store: Store, db_path: Path
):
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.GOALS)
    window.open_workshop(wid)
    goals = window.workshop_view.pages[Step.GOALS]
    entry = goals.findChild(QLineEdit, "quick_add_keep")
    assert entry is not None
    entry.setFocus()
    qtbot.keyClicks(entry, "Answer every call within a minute")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    titles = lambda: [g.title for g in editing.goals_in(store.workshop(wid), Pillar.KEEP)]  # noqa: E731
    assert titles()[-1] == "Answer every call within a minute"
    assert "Answer every call" in window.undo_action.text()

    press(qtbot, window, "Ctrl+Z")
    assert "Answer every call within a minute" not in titles()
    with Store(db_path) as other:
        assert len(other.workshop(wid).goals) == len(store.workshop(wid).goals)
    press(qtbot, window, "Ctrl+Shift+Z")
    assert titles()[-1] == "Answer every call within a minute"


@pytest.mark.slow
def test_close_and_reopen_shows_the_same_workshop_and_step(
    qtbot, store: Store, db_path: Path, options: Options
):
    wid = demo_id(store)
    first = MainWindow(store, options)
    qtbot.addWidget(first)
    first.show()
    first.open_workshop(wid)
    first.go_to(Step.ACCOUNTABILITY)
    store.add_goal(wid, editing.Goal(Pillar.WIN, "Halve time to first value"))
    before = store.workshop(wid)
    first.close()

    with Store(db_path) as reopened_store:
        assert options.last_workshop == wid
        second = MainWindow(reopened_store, Options(options.path))
        qtbot.addWidget(second)
        second.open_workshop(options.last_workshop)
        assert second.current_step() is Step.ACCOUNTABILITY
        again = reopened_store.workshop(wid)
        assert dataclasses.replace(again, updated_at=None) == dataclasses.replace(
            before, updated_at=None
        )
        second.close()


@pytest.mark.slow
def test_zoom_scales_the_content_and_is_remembered(
    qtbot, window: MainWindow, store: Store, options: Options
):
    window.open_workshop(demo_id(store))
    QApplication.processEvents()
    label = window.workshop_view.position
    base = label.font().pointSizeF()
    press(qtbot, window, "Ctrl+=")
    QApplication.processEvents()
    assert label.font().pointSizeF() > base
    assert options.zoom > 1.0
    press(qtbot, window, "Ctrl+0")
    QApplication.processEvents()
    assert label.font().pointSizeF() == pytest.approx(base)
    press(qtbot, window, "Ctrl+-")
    QApplication.processEvents()
    assert label.font().pointSizeF() < base
    assert Options(options.path).zoom < 1.0
    assert base >= theme.BASE_POINT_SIZE


@pytest.mark.slow
def test_themes_switch_from_the_view_menu(window: MainWindow, options: Options):
    window.theme_actions[theme.ThemeName.HIGH_CONTRAST].trigger()
    palette = QApplication.instance().palette()
    assert palette.color(palette.ColorRole.Window).name() == "#000000"
    assert options.theme is theme.ThemeName.HIGH_CONTRAST
    window.theme_actions[theme.ThemeName.LIGHT].trigger()
    palette = QApplication.instance().palette()
    assert (
        palette.color(palette.ColorRole.Window).name().upper()
        == theme.THEMES[theme.ThemeName.LIGHT].window
    )


def test_close_workshop_returns_to_the_library(qtbot, window: MainWindow, store: Store):
    window.open_workshop(demo_id(store))
    press(qtbot, window, "Ctrl+W")
    assert window.session is None
    assert window.pages.currentWidget() is window.library_page


def test_every_menu_action_with_a_shortcut_has_a_distinct_one(window: MainWindow):
    seen: dict[str, str] = {}
    for menu in window.menuBar().findChildren(type(window.recent_menu)):
        for action in menu.actions():
            for key in action.shortcuts():
                text = key.toString()
                assert text not in seen or seen[text] == action.text(), (
                    f"{text} is both {seen.get(text)} and {action.text()}"
                )
                seen[text] = action.text()
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+N", "Ctrl+O", "Ctrl+Q"} <= set(seen)


PROBE = """
import sys
from pathlib import Path
from cxworkshop.gui.app import application
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
app = application()
window = MainWindow(Store(Path(sys.argv[1])), Options(Path(sys.argv[2])))
window.show()
app.processEvents()
late = ("reportlab", "cxworkshop.charter")
print(sorted(name for name in sys.modules if name.startswith(late)))
"""


def test_start_up_does_not_load_the_charter_or_reportlab(db_path: Path, tmp_path: Path):
    assert run_probe(PROBE, str(db_path), str(tmp_path / "settings.ini")) == "[]"


class _WindowSpy(QObject):
    """Notes every top-level window that appears."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


def test_opening_a_workshop_keeps_the_keyboard_in_the_window(
    qtbot, window: MainWindow, store: Store
):
    spy = _WindowSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        window.open_workshop(demo_id(store))
        for step in Step:
            window.go_to(step)
            qtbot.wait(1)
    finally:
        QApplication.instance().removeEventFilter(spy)
    # A widget shown before it has a parent flashes up as a window of its own
    # and takes the keyboard away from the facilitator.
    assert spy.shown == []
    assert QApplication.activeWindow() is window


def test_ctrl_e_exports_the_charter_from_any_step(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch
):
    from pypdf import PdfReader
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "charter.pdf"
    opened: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.GOALS)
    window.open_workshop(wid)
    window.activateWindow()
    press(qtbot, window, "Ctrl+E")
    qtbot.waitUntil(target.exists, timeout=10000)
    text = PdfReader(target).pages[0].extract_text()
    assert store.workshop(wid).title.split()[0] in text
    assert window.current_step() is Step.GOALS
    assert opened == [str(target)]


def test_a_pdf_exported_from_any_step_that_cannot_be_opened_says_where_it_is(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "charter.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.GOALS)
    window.open_workshop(wid)
    window.export_pdf_action.trigger()  # File > Export PDF Charter…
    assert target.exists()
    message = window.statusBar().currentMessage()
    assert f"saved at {target}" in message and "could not be opened" in message


def test_while_a_voter_has_the_laptop_the_window_answers_only_the_ballot(
    qtbot, window: MainWindow, store: Store
):
    wid = demo_id(store)
    store.update_details(wid, current_step=Step.PRIORITIES)
    window.open_workshop(wid)
    window.activateWindow()
    page = window.workshop_view.pages[Step.PRIORITIES]
    page.start_setup()
    page.open_vote()
    voter = store.workshop(wid).participants[0].id
    page.start_ballot(voter)
    assert page.ballot_in_progress()
    rounds_before = len(store.workshop(wid).rounds)

    for keys in ("Ctrl+1", "Alt+Left", "Ctrl+Z", "Ctrl+W", "Ctrl+L"):
        press(qtbot, window, keys)
    assert window.current_step() is Step.PRIORITIES
    assert window.session is not None
    assert len(store.workshop(wid).rounds) == rounds_before
    assert not window.workshop_view.step_bar.isEnabled()
    assert not window.workshop_view.back_button.isVisible()

    page.cancel_ballot()  # the pass card: still the voters' screen
    assert not window.workshop_view.step_bar.isEnabled()
    page.end_ballots()
    assert window.workshop_view.step_bar.isEnabled()
    press(qtbot, window, "Ctrl+1")
    assert window.current_step() is Step.SETUP


def test_a_long_title_shortens_instead_of_widening_the_window(
    qtbot, window: MainWindow, store: Store
):
    long_title = "Quarterly review of every customer journey " * 4
    ws = store.create_workshop(editing.new_workshop(long_title.strip(), organisation="Acme"))
    window.resize(1000, 700)
    window.open_workshop(ws.id)
    QApplication.processEvents()
    title = window.workshop_view.title
    assert title.full_text().startswith(long_title.strip())
    assert title.text().endswith("…")
    assert window.width() <= 1000
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())


@pytest.mark.slow
def test_the_welcome_shown_after_the_last_workshop_goes_has_the_same_text_size(
    qtbot, tmp_path: Path, options: Options
):
    def welcome_size(window: MainWindow) -> float:
        page = window.library_page
        assert page.body.currentWidget() is page.empty_view
        return page.empty_new_button.font().pointSizeF()

    with Store(tmp_path / "empty.sqlite3") as empty:
        first = MainWindow(empty, options)
        qtbot.addWidget(first)
        first.show()
        qtbot.waitExposed(first)
        at_start = welcome_size(first)
        first.close()
    with Store(tmp_path / "one.sqlite3") as store:
        only = demo_id(store)
        window = MainWindow(store, options)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.library_page.empty_view is None
        # The welcome is built only now, long after the page was first styled.
        store.delete_workshop(only)
        window.library.refresh()
        assert welcome_size(window) == at_start
        window.close()


@pytest.mark.slow
def test_a_window_closed_right_after_opening_a_workshop_leaves_no_late_calls(
    qtbot, store: Store, options: Options
):
    # Focus and undo clean-ups run a moment after a step is shown; with their
    # widgets gone by then they must simply not run (pytest-qt fails the test
    # on an exception raised in any Qt callback).
    import shiboken6

    window = MainWindow(store, options)
    window.show()
    window.open_workshop(demo_id(store))
    window.close()
    shiboken6.delete(window)
    qtbot.wait(100)
