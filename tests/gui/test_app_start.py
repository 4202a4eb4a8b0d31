"""How the app starts: the window at once, then the file, the library or the workshop left open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step
from cxworkshop.gui.app import start
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.ops.library import find_or_create_demo
from cxworkshop.gui.options import Options
from cxworkshop.storage import schema
from cxworkshop.storage.store import Store
from tests.helpers.gui import demo_workshops, run_probe


@pytest.fixture
def options(tmp_path: Path) -> Options:
    return Options(tmp_path / "settings.ini")


@pytest.fixture
def fresh_process():
    """Qt's settings as a fresh process has them at start.

    Earlier tests let stylesheet fonts pass from parent to child, which the app
    turns on only after its first frame; a steady text cursor makes pictures
    of the window comparable.
    """
    propagation = Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles
    flash = QApplication.cursorFlashTime()
    QApplication.setAttribute(propagation, False)
    QApplication.setCursorFlashTime(0)
    yield
    QApplication.setCursorFlashTime(flash)
    QApplication.setAttribute(propagation, True)


def _started(qtbot, db_path: Path, options: Options, **kwargs) -> MainWindow:
    window = start(db_path, options, **kwargs)
    qtbot.addWidget(window)
    return window


def _two_workshops(db_path: Path) -> list[int]:
    with Store(db_path) as store:
        return demo_workshops(store, ["Spring CX workshop", "Autumn re-run"])


def test_demo_is_made_once_and_then_reused(store):
    first = find_or_create_demo(store)
    again = find_or_create_demo(store)
    assert first == again
    assert len(store.list_workshops()) == 1


def test_the_window_shows_the_heading_first_then_lists_the_library_in_place(
    qtbot, db_path: Path, options: Options, fresh_process
):
    _two_workshops(db_path)
    window = _started(qtbot, db_path, options)
    # Shown, but the file is not open yet: only the library's heading.
    assert window.isVisible()
    assert not window.is_attached()
    placeholder = window.pages.currentWidget()
    first_title = placeholder.title_label.mapTo(window, QPoint(0, 0))
    assert first_title.x() > 0 and first_title.y() > window.menuBar().height()
    first_heading = placeholder.header.grab().toImage()

    with qtbot.waitSignal(window.sig_ready, timeout=5000):
        pass
    page = window.library_page
    assert window.pages.currentWidget() is page
    # The icon came just after the first frame.
    assert not window.windowIcon().isNull()
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "2 workshops"
    # The heading has not moved: the page took the frame's place.
    qtbot.waitUntil(lambda: page.title_label.isVisible())
    assert page.title_label.mapTo(window, QPoint(0, 0)) == first_title
    assert page.header.grab().toImage() == first_heading
    # The menus are filled and their keys work: Ctrl+F, then typing, searches.
    assert window.library.new_action in window.file_menu.actions()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "autumn")
    assert page.model.rowCount() == 1


def test_the_app_reopens_the_workshop_left_open_without_showing_the_library_first(
    qtbot, db_path: Path, options: Options
):
    ids = _two_workshops(db_path)
    with Store(db_path) as store:
        store.update_details(ids[1], current_step=Step.GOALS)
    options.last_workshop = ids[1]
    window = _started(qtbot, db_path, options)
    assert not hasattr(window.pages.currentWidget(), "title_label")
    qtbot.waitUntil(lambda: window.session is not None, timeout=5000)
    assert window.session.workshop_id == ids[1]
    assert window.current_step() is Step.GOALS


def test_the_app_opens_the_demo_when_asked(qtbot, db_path: Path, options: Options):
    window = _started(qtbot, db_path, options, demo=True)
    qtbot.waitUntil(lambda: window.session is not None, timeout=5000)
    assert window.session.workshop.title == demo_workshop().title


def test_a_file_that_cannot_be_opened_ends_the_app_with_1_and_stays_untouched(
    qtbot, db_path: Path, options: Options, monkeypatch: pytest.MonkeyPatch
):
    with Store(db_path) as store:
        store.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: told.append(a[2])))
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    window = _started(qtbot, db_path, options)
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    assert not window.is_attached()
    assert len(told) == 1 and "newer" in told[0]
    assert db_path.read_bytes() == before
    # Closing the window now forgets nothing the options knew.
    options.last_workshop = None
    window.close()
    assert options.geometry is None


FIRST_FRAME = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from cxworkshop.gui.app import application, start
from cxworkshop.gui.options import Options

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            late = [m for m in sys.modules if any(m == x or m.startswith(x + ".") for x in LATE)]
            print(sorted(late))
            app.exit(0)
        return False

LATE = (
    "cxworkshop.storage",
    "cxworkshop.domain",
    "cxworkshop.gui.library",
    "cxworkshop.gui.room",
    "sqlite_utils",
)
app = application()
window = start(Path(sys.argv[1]), Options(Path(sys.argv[2])))
probe = FirstPaint()
window.installEventFilter(probe)
app.exec()
"""


def test_the_first_frame_waits_for_neither_the_file_nor_the_modules_that_read_it(
    db_path: Path, tmp_path: Path
):
    _two_workshops(db_path)
    assert run_probe(FIRST_FRAME, str(db_path), str(tmp_path / "settings.ini")) == "[]"


def test_the_window_started_the_apps_way_looks_like_one_built_at_once(
    qtbot, db_path: Path, tmp_path: Path, fresh_process
):
    # The first frame is dressed before stylesheet fonts pass from parent to
    # child, the rest after: the window must still come out exactly the same.
    _two_workshops(db_path)
    staged = _started(qtbot, db_path, Options(tmp_path / "staged.ini"))
    with qtbot.waitSignal(staged.sig_ready, timeout=5000):
        pass
    qtbot.wait(50)
    seen_staged = staged.grab().toImage()
    staged.hide()
    at_once = MainWindow(staged.store, Options(tmp_path / "at-once.ini"))
    qtbot.addWidget(at_once)
    at_once.show()
    qtbot.waitExposed(at_once)
    qtbot.wait(50)
    assert at_once.grab().toImage() == seen_staged


def test_the_first_frame_follows_the_desktop_scheme_last_seen(
    qtbot, db_path: Path, options: Options
):
    from cxworkshop.gui import theme

    options.system_scheme = theme.ThemeName.DARK
    window = _started(qtbot, db_path, options)
    # Dressed dark before the desktop was asked (offscreen it says light)...
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() < 128
    with qtbot.waitSignal(window.sig_ready, timeout=5000):
        pass
    # ...and dressed again once it answered; the answer is kept for next time.
    assert options.system_scheme is theme.system_scheme()
    expected = theme.THEMES[theme.system_scheme()].window
    window_colour = QApplication.palette().color(QApplication.palette().ColorRole.Window)
    assert window_colour.name().lower() == expected.lower()


def test_an_unforeseen_error_while_opening_ends_the_app_with_a_message(
    qtbot, db_path: Path, options: Options, monkeypatch: pytest.MonkeyPatch
):
    def broken(self: MainWindow, store: Store) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(MainWindow, "attach", broken)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: told.append(a[2])))
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    window = _started(qtbot, db_path, options)
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    assert told == ["CX Workshop could not start: RuntimeError"]
    assert not window.is_attached()


def test_a_workshop_opened_before_the_librarys_first_paint_finishes_the_window(
    qtbot, db_path: Path, options: Options
):
    ids = _two_workshops(db_path)
    window = MainWindow(None, options)
    qtbot.addWidget(window)
    window.show()
    window.attach(Store(db_path))
    # No paint yet: the menus and the room mode come at once for the workshop.
    window.open_workshop(ids[0])
    assert window.session is not None and window.session.workshop_id == ids[0]
    assert window.step_actions and window.room is not None
    assert window._waiting is None
    qtbot.wait(50)
    window.close()
