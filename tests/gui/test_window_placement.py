"""Windows that fit the screen they open on, frame and all, and stack the way the facilitator
needs: the console, the audience window in front when asked, and the console back after."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.gui.main_window import PREFERRED_SIZE, MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.placement import WindowGeometry, WindowState
from cxworkshop.gui.room import PREVIEW_SIZE
from cxworkshop.storage.store import Store
from tests.helpers.gui import make_active

pytestmark = pytest.mark.desktop

SOME_FRAME = QMargins(1, 24, 1, 4)
"""A frame as a window manager might have drawn it in an earlier run."""


@pytest.fixture
def options(tmp_path: Path) -> Options:
    return Options(tmp_path / "settings.ini")


def opened(qtbot, store: Store, options: Options) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window as the app opens it: no size given, whatever the settings hold."""
    window = MainWindow(store, options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def console(qtbot, store: Store, options: Options) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on the demo workshop, framed and active."""
    window = opened(qtbot, store, options)
    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    window.open_workshop(created.id)
    framed(qtbot, window)
    make_active(qtbot, window)
    yield window
    window.close()


def available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def whole_on_screen(window: QWidget) -> bool:
    """Whether the window's frame lies within the usable part of its screen."""
    screen = window.screen()
    return screen is not None and screen.availableGeometry().contains(window.frameGeometry())


def framed(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window system has drawn the window's frame (it may come late)."""
    qtbot.waitUntil(lambda: window.frameGeometry() != window.geometry())


def stacked() -> bool:
    """Whether the platform keeps windows one above another (offscreen windows are not)."""
    return QGuiApplication.platformName() != "offscreen"


def wait_on_top(qtbot, window: QWidget, where: QWidget, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``window`` is the one seen at ``point`` of ``where``: nothing covers it."""
    if stacked():
        spot = where.mapToGlobal(point)
        qtbot.waitUntil(lambda: QApplication.topLevelAt(spot) is window)


XDOTOOL_KEYS = {"Ctrl": "ctrl", "Shift": "shift", "Alt": "alt", "Esc": "Escape"}


def press(qtbot, keys: str, target: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
    """Press a key where the keyboard is: the focused widget of the active window.

    On a real X server the key goes through the server, as a person's does: the
    window manager then sees the app answer a real key press (it lets a window
    come to the front only for that).
    """
    if target is not None:
        qtbot.waitUntil(target.window().isActiveWindow)
    if QGuiApplication.platformName() == "xcb" and shutil.which("xdotool"):
        parts = QKeySequence(keys).toString().split("+")
        chord = "+".join(XDOTOOL_KEYS.get(p, p.lower() if len(p) == 1 else p) for p in parts)
        subprocess.run(["xdotool", "key", "--clearmodifiers", chord], check=True)
        qtbot.wait(1)
        return
    combo = QKeySequence(keys)[0]
    widget = target or QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())
    qtbot.wait(1)


# ----------------------------------------------------------------- the main window


def test_the_window_first_opens_whole_on_its_screen(qtbot, store: Store, options: Options):
    window = opened(qtbot, store, options)
    framed(qtbot, window)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    frame = window.frameGeometry().size() - window.geometry().size()
    if available().size().boundedTo(PREFERRED_SIZE + frame) == PREFERRED_SIZE + frame:
        # With room to spare it opens at its own size, not stretched to the screen.
        assert window.size() == PREFERRED_SIZE
    window.close()


def test_a_size_saved_on_a_larger_screen_is_fitted_to_this_one(
    qtbot, store: Store, options: Options
):
    room = available()
    options.geometry = WindowGeometry(
        QRect(room.x() + 100, room.y() + 80, room.width() * 3 // 2, room.height() * 3 // 2),
        SOME_FRAME,
        WindowState.NORMAL,
        QGuiApplication.primaryScreen().name(),
    )
    window = opened(qtbot, store, options)
    framed(qtbot, window)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    window.close()


def test_a_window_left_on_a_screen_that_is_gone_comes_back_on_this_one(
    qtbot, store: Store, options: Options
):
    everywhere = QGuiApplication.primaryScreen().virtualGeometry()
    options.geometry = WindowGeometry(
        QRect(everywhere.right() + 400, everywhere.top() + 100, 700, 500),
        SOME_FRAME,
        WindowState.NORMAL,
        "an unplugged projector",
    )
    window = opened(qtbot, store, options)
    framed(qtbot, window)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    assert window.screen() is QGuiApplication.primaryScreen()
    window.close()


def test_a_window_closed_maximized_opens_maximized_and_fits_when_restored(
    qtbot, store: Store, options: Options
):
    room = available()
    options.geometry = WindowGeometry(
        QRect(room.x() - 300, room.y() + 200, room.width() * 2, room.height() * 2),
        SOME_FRAME,
        WindowState.MAXIMIZED,
        QGuiApplication.primaryScreen().name(),
    )
    window = opened(qtbot, store, options)
    qtbot.waitUntil(window.isMaximized)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    # Restored to its normal size, it still fits.
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized())
    framed(qtbot, window)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    window.close()


def test_a_window_closed_full_screen_opens_full_screen_and_f11_gives_a_window_that_fits(
    qtbot, store: Store, options: Options
):
    room = available()
    options.geometry = WindowGeometry(
        QRect(room.x(), room.y(), room.width() * 2, room.height() + 300),
        SOME_FRAME,
        WindowState.FULL_SCREEN,
        QGuiApplication.primaryScreen().name(),
    )
    window = opened(qtbot, store, options)
    qtbot.waitUntil(window.isFullScreen)
    screen = QGuiApplication.primaryScreen().geometry()
    qtbot.waitUntil(lambda: window.frameGeometry() == screen)
    make_active(qtbot, window)
    press(qtbot, "F11", window)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    framed(qtbot, window)
    qtbot.waitUntil(lambda: whole_on_screen(window))
    window.close()


def test_a_window_size_saved_by_an_earlier_version_is_kept(qtbot, store: Store, options: Options):
    room = available()
    earlier = QRect(room.x() + 40, room.y() + 60, 760, 560) & room.adjusted(8, 40, -8, -8)
    sized = QWidget()
    sized.setGeometry(earlier)
    settings = QSettings(str(options.path), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", sized.saveGeometry())
    settings.sync()
    window = opened(qtbot, store, Options(options.path))
    framed(qtbot, window)
    qtbot.waitUntil(lambda: window.geometry() == earlier)
    assert whole_on_screen(window)
    window.close()


def test_a_window_that_fits_opens_where_and_as_it_was_closed(qtbot, store: Store, options: Options):
    first = opened(qtbot, store, options)
    framed(qtbot, first)
    room = available()
    size = first.minimumSizeHint().expandedTo(room.size() * 0.6)
    spare = room.size() - size - (first.frameGeometry().size() - first.geometry().size())
    wanted = QRect(room.topLeft() + QPoint(spare.width() // 3, spare.height() // 2), size)
    first.setGeometry(wanted)
    qtbot.waitUntil(lambda: first.geometry() == wanted)
    first.close()

    second = opened(qtbot, store, Options(options.path))
    framed(qtbot, second)
    qtbot.waitUntil(lambda: second.geometry() == wanted)
    assert whole_on_screen(second)
    second.close()


# ----------------------------------------------------------------- the audience window


def test_the_audience_window_fits_the_screen_it_opens_on(qtbot, console: MainWindow):
    press(qtbot, "Ctrl+Shift+A", console)
    audience = console.room.audience
    qtbot.waitExposed(audience)
    framed(qtbot, audience)
    qtbot.waitUntil(lambda: whole_on_screen(audience))
    assert audience.screen() is console.screen()
    # A projector's picture: its shape, and its size where there is room for it.
    size = audience.size()
    assert abs(size.width() * 9 - size.height() * 16) <= 16
    assert size.width() <= PREVIEW_SIZE.width()
    frame = audience.frameGeometry().size() - size
    if available().size().boundedTo(PREVIEW_SIZE + frame) == PREVIEW_SIZE + frame:
        assert size == PREVIEW_SIZE


def test_on_one_screen_the_audience_window_opens_in_front_and_esc_gives_the_console_back(
    qtbot, console: MainWindow
):
    press(qtbot, "Ctrl+Shift+A", console)
    audience = console.room.audience
    qtbot.waitExposed(audience)
    qtbot.waitUntil(audience.isActiveWindow)
    wait_on_top(qtbot, audience, audience, audience.rect().center())

    # Esc: the console comes back in front with the keyboard; the room's window stays open.
    press(qtbot, "Escape")
    qtbot.waitUntil(console.isActiveWindow)
    wait_on_top(qtbot, console, console.menuBar(), QPoint(4, 4))
    assert audience.isVisible()
    # Ctrl+Shift+A again puts it away.
    press(qtbot, "Ctrl+Shift+A", console)
    assert not audience.isVisible()
    assert not console.room.show_action.isChecked()


def test_leaving_the_presentation_gives_the_console_its_menu_and_step_bar_uncovered(
    qtbot, console: MainWindow
):
    press(qtbot, "Ctrl+Shift+A", console)
    audience = console.room.audience
    qtbot.waitExposed(audience)
    press(qtbot, "F5")
    qtbot.waitUntil(audience.isFullScreen)
    qtbot.waitUntil(audience.isActiveWindow)

    press(qtbot, "Escape")
    qtbot.waitUntil(console.isActiveWindow)
    qtbot.waitUntil(lambda: not audience.isFullScreen())
    assert audience.isVisible()
    bar = console.workshop_view.step_bar
    wait_on_top(qtbot, console, console.menuBar(), QPoint(4, 4))
    wait_on_top(qtbot, console, bar, bar.rect().center())
    wait_on_top(qtbot, console, bar, QPoint(bar.width() - 4, bar.height() // 2))
    # Back to a window of its own that fits the screen, as before presenting.
    qtbot.waitUntil(lambda: whole_on_screen(audience))
    # And the status bar no longer says it is presenting.
    assert not console.statusBar().currentMessage().startswith("Presenting")


def test_presenting_without_the_audience_window_and_leaving_puts_it_away(
    qtbot, console: MainWindow
):
    press(qtbot, "F5", console)
    audience = console.room.audience
    qtbot.waitUntil(audience.isActiveWindow)
    press(qtbot, "Escape")
    qtbot.waitUntil(console.isActiveWindow)
    assert not audience.isVisible()
    wait_on_top(qtbot, console, console.menuBar(), QPoint(4, 4))
    # Shown afterwards, it is a window again, not the full screen it presented at.
    press(qtbot, "Ctrl+Shift+A", console)
    qtbot.waitUntil(audience.isActiveWindow)
    assert audience.windowState() == Qt.WindowState.WindowNoState
    qtbot.waitUntil(lambda: whole_on_screen(audience))
    assert audience.size().width() < QGuiApplication.primaryScreen().size().width()


@pytest.mark.desktop
def test_a_screen_change_while_presenting_keeps_the_presentation_in_front(
    qtbot, console: MainWindow
):
    press(qtbot, "F5", console)
    audience = console.room.audience
    qtbot.waitUntil(audience.isFullScreen)
    qtbot.waitUntil(audience.isActiveWindow)
    # A projector plugged in or out, or the screen chosen again from the View menu.
    console.room._screens_changed()
    console.room.choose_screen(QGuiApplication.primaryScreen())
    qtbot.wait(50)
    assert console.room.present_action.isChecked()
    qtbot.waitUntil(audience.isActiveWindow)
    assert audience.isFullScreen()
    press(qtbot, "Escape")
    qtbot.waitUntil(console.isActiveWindow)
