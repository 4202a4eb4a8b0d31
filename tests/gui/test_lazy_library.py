"""The library's page is built the first time it is shown or asked for.

A start that reopens a workshop never builds it; the library's File-menu edits
then act on the open workshop exactly as they do when the page is there, and
closing the workshop shows the library as it would have looked all along.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from cxworkshop.gui.app import start
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
from tests.helpers.gui import demo_workshops, run_probe

TITLES = ("Spring CX workshop", "Autumn re-run", "Winter review")


def _workshops(store: Store) -> list[int]:
    """Three workshops; the library lists the last one made first."""
    return demo_workshops(store, list(TITLES))


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    """The windows a test made, closed at its end."""
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.close()


def _opened(  # type: ignore[no-untyped-def]
    qtbot, windows: list[MainWindow], store: Store, path: Path, workshop_id: int, *, page: bool
) -> MainWindow:
    """A window on ``store`` with ``workshop_id`` open; ``page``: its library page built
    first (as the library shows before a workshop is opened from it), else never."""
    window = MainWindow(store, Options(path))
    qtbot.addWidget(window)
    windows.append(window)
    if page:
        window.show()
        qtbot.waitExposed(window)
    window.open_workshop(workshop_id)
    if not page:
        window.show()
        qtbot.waitExposed(window)
    assert window.library.has_page() is page
    return window


def _file_menu_state(window: MainWindow) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in window.file_menu.actions() if a.text()}


def _tab_stops(window: MainWindow, presses: int = 14) -> list[str]:
    """Where Tab takes the keyboard, press after press, by accessible name."""
    seen = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        seen.append(focus.accessibleName() or type(focus).__name__)
    return seen


REOPEN = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from cxworkshop.gui.app import application, start
from cxworkshop.gui.options import Options

PAGE = ("cxworkshop.gui.library.page", "cxworkshop.gui.library.views",
        "cxworkshop.gui.library.delegate")
app = application()
options = Options(Path(sys.argv[2]))
options.last_workshop = int(sys.argv[3])
window = start(Path(sys.argv[1]), options)

def look():
    if window.session is None:
        QTimer.singleShot(10, look)
        return
    def report():
        print(window.session.workshop.title, window.library.has_page(),
              sorted(m for m in PAGE if m in sys.modules))
        app.exit(0)
    # Long enough for the workshop to have painted and the loop to have settled.
    QTimer.singleShot(300, report)

look()
app.exec()
"""


def test_a_start_that_reopens_a_workshop_neither_builds_nor_imports_the_library_page(
    store: Store, db_path: Path, tmp_path: Path
):
    ids = _workshops(store)
    out = run_probe(REOPEN, str(db_path), str(tmp_path / "settings.ini"), str(ids[1]))
    assert out == "Autumn re-run False []"


def test_a_start_whose_workshop_is_gone_shows_the_library(
    qtbot, store: Store, db_path: Path, tmp_path: Path
):
    ids = _workshops(store)
    options = Options(tmp_path / "settings.ini")
    options.last_workshop = ids[0]
    store.delete_workshop(ids[0])
    window = start(db_path, options)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_ready, timeout=5000):
        pass
    assert window.session is None
    assert window.library.has_page()
    assert window.pages.currentWidget() is window.library_page
    assert window.library_page.model.rowCount() == 2
    window.close()


@pytest.mark.desktop
def test_closing_a_workshop_reopened_at_start_shows_the_library_as_if_built_before(
    qtbot, store: Store, db_path: Path, tmp_path: Path
):
    ids = _workshops(store)
    # The reference: a window that showed its library, then opened and closed the workshop.
    before = MainWindow(store, Options(tmp_path / "before.ini"))
    qtbot.addWidget(before)
    before.show()
    qtbot.waitExposed(before)
    before.open_workshop(ids[1])
    before.show_library()
    before.activateWindow()
    qtbot.waitUntil(before.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before.library_page.search)
    qtbot.wait(50)
    expected = before.grab().toImage()
    expected_stops = _tab_stops(before)
    before.close()

    options = Options(tmp_path / "settings.ini")
    options.last_workshop = ids[1]
    window = start(db_path, options)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session is not None, timeout=5000)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.library.has_page()
    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    page = window.library_page
    assert window.session is None and window.pages.currentWidget() is page
    assert page.title_label.isVisible() and page.title_label.text() == "CX Workshop"
    assert window.windowTitle() == "CX Workshop"
    # The heading, the list with the closed workshop selected, the recent list.
    assert page.selected_id() == ids[1]
    assert [page.recent.item(r).text() for r in range(page.recent.count())] == ["Autumn re-run"]
    assert page.count_label.text() == "3 workshops"
    # The keyboard is ready to search.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    qtbot.wait(50)
    assert window.grab().toImage() == expected
    # Tab runs through the same controls in the same order.
    assert _tab_stops(window) == expected_stops
    assert "Search workshops" in expected_stops and "Workshops" in expected_stops
    window.close()


@pytest.mark.parametrize("action", ["duplicate", "next", "rename", "delete", "export"])
def test_the_library_edits_in_the_file_menu_are_enabled_alike_with_or_without_the_page(
    qtbot, windows, store: Store, tmp_path: Path, action: str
):
    ids = _workshops(store)
    lazy = _opened(qtbot, windows, store, tmp_path / "lazy.ini", ids[0], page=False)
    eager = _opened(qtbot, windows, store, tmp_path / "eager.ini", ids[0], page=True)
    assert getattr(lazy.library, f"{action}_action").isEnabled()
    assert _file_menu_state(lazy) == _file_menu_state(eager)
    assert lazy.library.selected_id() == eager.library.selected_id() == ids[0]
    assert not lazy.library.has_page()


@pytest.mark.parametrize("page", [False, True], ids=["page not built", "page built"])
def test_duplicate_from_the_file_menu_copies_the_open_workshop_and_the_library_selects_it(
    qtbot, windows, store: Store, tmp_path: Path, page: bool
):
    ids = _workshops(store)
    window = _opened(qtbot, windows, store, tmp_path / "s.ini", ids[0], page=page)
    window.library.duplicate_action.trigger()
    copies = [s for s in store.list_workshops() if s.id not in ids]
    assert [c.title for c in copies] == ["Spring CX workshop (copy)"]
    assert window.session is not None and window.session.workshop_id == ids[0]
    assert window.library.has_page() is page
    window.show_library()
    assert window.library_page.selected_id() == copies[0].id
    assert window.library_page.model.rowCount() == 4


@pytest.mark.parametrize("page", [False, True], ids=["page not built", "page built"])
def test_rename_from_the_file_menu_renames_the_open_workshop(
    qtbot, windows, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: bool
):
    ids = _workshops(store)
    window = _opened(qtbot, windows, store, tmp_path / "s.ini", ids[1], page=page)
    asked: list[str] = []

    def get_text(parent, title, label, echo, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Autumn re-run, day 2", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    window.library.rename_action.trigger()
    assert asked == ["Autumn re-run"]
    assert store.workshop(ids[1]).title == "Autumn re-run, day 2"
    assert window.library.has_page() is page
    window.show_library()
    assert window.library_page.selected_id() == ids[1]
    assert window.library_page.model.summary(ids[1]).title == "Autumn re-run, day 2"


@pytest.mark.parametrize("page", [False, True], ids=["page not built", "page built"])
def test_deleting_the_open_workshop_from_the_file_menu_shows_the_library_on_its_neighbour(
    qtbot, windows, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: bool
):
    ids = _workshops(store)
    window = _opened(qtbot, windows, store, tmp_path / "s.ini", ids[1], page=page)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes)
    )
    window.library.delete_action.trigger()
    assert [s.id for s in store.list_workshops()] == [ids[2], ids[0]]
    assert window.session is None
    assert window.pages.currentWidget() is window.library_page
    # The next row down, as the list showed them: newest first.
    assert window.library_page.selected_id() == ids[0]
    window.library.undo_stack.undo()
    assert window.library_page.selected_id() == ids[1]
    assert window.library_page.model.rowCount() == 3


def test_open_from_the_file_menu_with_a_workshop_open_goes_to_the_librarys_search(
    qtbot, windows, store: Store, tmp_path: Path
):
    ids = _workshops(store)
    window = _opened(qtbot, windows, store, tmp_path / "s.ini", ids[0], page=False)
    window.library.open_action.trigger()
    assert window.session is None
    assert window.pages.currentWidget() is window.library_page
    assert window.library_page.selected_id() == ids[0]
