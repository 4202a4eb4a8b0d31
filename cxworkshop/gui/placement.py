"""Where windows go: sizes and places that fit the screen they open on, frame included.

The arithmetic (:func:`fit_frame`, :func:`fit_size`, :func:`centred`) works on
plain rectangles and is tested on its own; the rest reads screens and windows.
A window's *frame* is its outer rectangle, title bar and borders included
(``frameGeometry``); its *geometry* is the inside, frame excluded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QWindowStateChangeEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

FRAME_GUESS = QMargins(8, 40, 8, 8)
"""Before a window is first shown its frame is unknown: room for a generous title bar."""


# ----------------------------------------------------------------- the arithmetic


def fit_frame(frame: QRect, available: QRect, minimum: QSize | None = None) -> QRect:
    """``frame`` shrunk and moved just enough to lie within ``available``.

    A frame partly off the area slides back onto it; one entirely off it (its
    screen is gone) is centred. A frame that cannot shrink to fit (its
    ``minimum`` is larger than the area) keeps its top-left corner, and so its
    title bar, on the area.
    """
    least = minimum if minimum is not None else QSize(0, 0)
    width = max(min(frame.width(), available.width()), least.width(), 1)
    height = max(min(frame.height(), available.height()), least.height(), 1)
    if frame.intersects(available):
        x, y = frame.x(), frame.y()
    else:
        x = available.x() + (available.width() - width) // 2
        y = available.y() + (available.height() - height) // 2
    x = max(available.x(), min(x, available.x() + available.width() - width))
    y = max(available.y(), min(y, available.y() + available.height() - height))
    return QRect(x, y, width, height)


def fit_size(size: QSize, room: QSize) -> QSize:
    """``size`` if it fits in ``room``, else the largest size of its shape that does."""
    if size.width() <= room.width() and size.height() <= room.height():
        return QSize(size)
    scaled = size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
    return QSize(max(1, scaled.width()), max(1, scaled.height()))


def centred(size: QSize, available: QRect) -> QRect:
    """A rectangle of ``size`` in the middle of ``available``."""
    x = available.x() + (available.width() - size.width()) // 2
    y = available.y() + (available.height() - size.height()) // 2
    return QRect(x, y, size.width(), size.height())


# ----------------------------------------------------------------- windows and screens


class WindowState(enum.Enum):
    """How a window was shown when it was closed."""

    NORMAL = "normal"
    MAXIMIZED = "maximized"
    FULL_SCREEN = "full-screen"


@dataclass(frozen=True)
class WindowGeometry:
    """Where a window was: its normal geometry (frame excluded), its frame, state and screen."""

    normal: QRect
    frame: QMargins
    state: WindowState = WindowState.NORMAL
    screen: str = ""


def is_normal(window: QWidget) -> bool:
    """Whether ``window`` is shown as a window: not hidden, minimized, maximized or full screen."""
    return window.isVisible() and not (
        window.isMinimized() or window.isMaximized() or window.isFullScreen()
    )


def frame_margins(window: QWidget) -> QMargins | None:
    """The frame around ``window`` as the window system drew it; None unless it is shown
    as a normal window and its frame is known (the window system tells of it late)."""
    if not is_normal(window):
        return None
    outer, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.x() - outer.x(),
        inner.y() - outer.y(),
        outer.x() + outer.width() - inner.x() - inner.width(),
        outer.y() + outer.height() - inner.y() - inner.height(),
    )
    return None if margins.isNull() else margins


def screen_for(rect: QRect, name: str = "") -> QScreen:
    """The screen called ``name`` if it is connected; else the one showing most of ``rect``;
    else the primary screen."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if name and screen.name() == name:
            return screen

    def shown(screen: QScreen) -> int:
        common = screen.geometry().intersected(rect)
        return common.width() * common.height() if common.isValid() else 0

    best = max(screens, key=shown, default=None)
    if best is not None and shown(best) > 0:
        return best
    return QGuiApplication.primaryScreen()


def minimum_frame(window: QWidget, margins: QMargins) -> QSize:
    """The smallest frame ``window`` can have: its minimum size plus its frame."""
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    return QSize(
        max(0, least.width()) + margins.left() + margins.right(),
        max(0, least.height()) + margins.top() + margins.bottom(),
    )


def restore(window: QWidget, saved: WindowGeometry | None, preferred: QSize) -> None:
    """Before ``window`` is first shown: put it where it was, or centre it at ``preferred``
    size on the primary screen; either way fitted to the screen, frame included.

    A window that was maximized or full screen opens so again, on a screen that
    exists, and its normal geometry underneath fits that screen too.
    """
    window.setWindowState(Qt.WindowState.WindowNoState)
    if saved is None:
        screen = QGuiApplication.primaryScreen()
        margins = FRAME_GUESS
        frame = centred(preferred.grownBy(margins), screen.availableGeometry())
        state = WindowState.NORMAL
    else:
        screen = screen_for(saved.normal, saved.screen)
        margins = saved.frame
        frame = saved.normal.marginsAdded(margins)
        state = saved.state
    fitted = fit_frame(frame, screen.availableGeometry(), minimum_frame(window, margins))
    window.setScreen(screen)
    window.setGeometry(fitted.marginsRemoved(margins))
    if state is WindowState.MAXIMIZED:
        window.setWindowState(Qt.WindowState.WindowMaximized)
    elif state is WindowState.FULL_SCREEN:
        window.setWindowState(Qt.WindowState.WindowFullScreen)


class Placement(QObject):
    """Keeps a top-level window whole on its screen, frame included: where it first opens,
    and each time it comes back from maximized or full screen.

    Made before the window is first shown, it puts the window where it was
    (``saved``), or in the middle of the primary screen at ``preferred`` size.
    The window system frames and places a window a moment after it is shown
    (and tells of its frame later still, without an event), so for a second
    after that the window is fitted again now and then as it settles, unless
    something else gives it a size of its own meanwhile.
    """

    SETTLE_MS = 1000
    SETTLE_STEP_MS = 50

    def __init__(self, window: QWidget, saved: WindowGeometry | None, preferred: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._frame = saved.frame if saved is not None else FRAME_GUESS
        restore(window, saved, preferred)
        self._normal = QRect(window.normalGeometry())
        self._placed_size = QSize(window.size())
        self._shown = False
        self._steps_left = 0
        self._settling = QTimer(self)
        self._settling.setInterval(self.SETTLE_STEP_MS)
        self._settling.timeout.connect(self._settle_step)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            self._settle()
        elif event.type() == QEvent.Type.WindowStateChange:
            assert isinstance(event, QWindowStateChangeEvent)
            self._state_changed(event.oldState())
        return False

    def _settle(self) -> None:
        self._steps_left = self.SETTLE_MS // self.SETTLE_STEP_MS
        self._settling.start()

    def _settle_step(self) -> None:
        self._steps_left -= 1
        if self._steps_left <= 0:
            self._settling.stop()
        self._fit()

    def _state_changed(self, old: Qt.WindowState) -> None:
        window = self._window
        enlarged = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if not old & enlarged and window.windowState() & enlarged:
            self._normal = QRect(window.normalGeometry())
        elif old & enlarged and is_normal(window):
            # The window system puts it back at a size of its own (the whole screen, for a
            # window first shown maximized): back where it was instead, fitted to the screen.
            self._fit(self._normal, screen_for(self._normal))
            self._settle()

    def _fit(self, geometry: QRect | None = None, screen: QScreen | None = None) -> None:
        """Fit ``geometry`` (the window's own) to ``screen`` (the window's), with the frame
        the window system drew if it is known yet, else the one known before."""
        window = self._window
        screen = screen or window.screen()
        if not is_normal(window) or screen is None:
            return
        if geometry is None and window.size() != self._placed_size:
            # Sized since by the app or the window system: theirs to keep.
            self._settling.stop()
            return
        margins = frame_margins(window)
        if margins is not None:
            self._frame = margins
        inner = geometry if geometry is not None else window.geometry()
        frame = inner.marginsAdded(self._frame)
        fitted = fit_frame(frame, screen.availableGeometry(), minimum_frame(window, self._frame))
        if fitted != frame or inner != window.geometry():
            window.setGeometry(fitted.marginsRemoved(self._frame))
        self._placed_size = QSize(window.size())

    def saved(self) -> WindowGeometry:
        """Where the window is now, to put it back there next time."""
        return geometry_of(self._window, self._frame)


def geometry_of(window: QWidget, known_frame: QMargins | None = None) -> WindowGeometry:
    """Where ``window`` is now, to put it back there next time.

    A maximized or full-screen window has no frame to measure: ``known_frame``
    (the one it had when last restored) stands in, else a guess.
    """
    if window.isFullScreen():
        state = WindowState.FULL_SCREEN
    elif window.isMaximized():
        state = WindowState.MAXIMIZED
    else:
        state = WindowState.NORMAL
    margins = frame_margins(window)
    if margins is None:
        margins = known_frame if known_frame is not None else FRAME_GUESS
    screen = window.screen()
    return WindowGeometry(
        normal=QRect(window.normalGeometry()),
        frame=QMargins(margins),
        state=state,
        screen=screen.name() if screen is not None else "",
    )


__all__ = [
    "FRAME_GUESS",
    "Placement",
    "WindowGeometry",
    "WindowState",
    "centred",
    "fit_frame",
    "fit_size",
    "frame_margins",
    "geometry_of",
    "is_normal",
    "restore",
    "screen_for",
]
