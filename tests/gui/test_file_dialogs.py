"""File dialogs that fit the screen they open on, where Qt draws its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store

pytestmark = pytest.mark.desktop


TESTER_SIZE = QSize(788, 763)
"""The size Qt's own file dialog once came up at on a 1280×720 screen."""


class _Tall(QObject):
    """Gives each file dialog, as Qt makes it ready, the size it came up at that time."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WinIdChange and isinstance(watched, QFileDialog):
            watched.resize(TESTER_SIZE)
        return False


@pytest.fixture
def qt_dialogs() -> Iterator[None]:
    """Qt's own file dialog, as on a desktop with no native one, taller than a 720-line
    screen as it once came up."""
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = QCoreApplication.testAttribute(attribute)
    QCoreApplication.setAttribute(attribute, True)
    tall = _Tall()
    QApplication.instance().installEventFilter(tall)
    yield
    QApplication.instance().removeEventFilter(tall)
    QCoreApplication.setAttribute(attribute, before)


def test_the_first_export_dialog_fits_the_screen_whole(qtbot, tmp_path: Path, qt_dialogs):
    store = Store(tmp_path / "workshops.sqlite3")
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_workshop(created.id)
    window.go_to(Step.CHARTER)
    seen: list[tuple[QRect, QRect, QRect]] = []

    def measure() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        qtbot.waitExposed(dialog)
        # The frame as the window system drew it, once it has.
        qtbot.waitUntil(lambda: dialog.frameGeometry() != dialog.geometry(), timeout=2000)
        screen = dialog.screen().availableGeometry()
        seen.append((QRect(dialog.frameGeometry()), screen, window.screen().availableGeometry()))
        dialog.reject()

    qtbot.waitUntil(lambda: window.isActiveWindow())
    timer = qtbot_timer(measure)
    QTest.keySequence(window, QKeySequence("Ctrl+E"))
    timer.stop()
    window.close()
    store.close()
    assert seen, "no file dialog came up"
    frame, screen, window_screen = seen[0]
    assert screen == window_screen
    assert screen.contains(frame), f"the dialog's frame {frame} is not whole on {screen}"


def qtbot_timer(then):  # type: ignore[no-untyped-def]
    """Call ``then`` once the modal dialog about to open is up."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(then)
    timer.start(200)
    return timer
