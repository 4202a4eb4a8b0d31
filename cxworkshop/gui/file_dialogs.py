"""Asking for a file to open or save, in a dialog that fits the screen it opens on.

Where the platform has a native file dialog it is used, as the static
``QFileDialog`` functions do. Where Qt draws its own, that dialog takes the size
it likes (with a large font, taller than a 720-line screen, its file type and
Cancel off the bottom): here it is fitted to its screen, frame included, before
it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from . import placement


class _FitOnShow(QObject):
    """Fits each file dialog that shows, meanwhile, to its parent's screen."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__()
        self._parent = parent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and watched.isWindow()
        ):
            fit_to_screen(watched, self._parent)
        return False


def fit_to_screen(dialog: QWidget, parent: QWidget | None = None) -> None:
    """Shrink ``dialog``, about to show, just enough to fit whole on the screen of
    ``parent`` (else its own), frame included.

    Only its size: Qt then centres it over its parent, on that screen, as it
    places every dialog that has not been moved.
    """
    screen = parent.window().screen() if parent is not None else None
    screen = screen or dialog.screen() or QGuiApplication.primaryScreen()
    margins = placement.frame_margins(dialog) or placement.FRAME_GUESS
    frame = QRect(QPoint(0, 0), dialog.size()).marginsAdded(margins)
    available = screen.availableGeometry()
    fitted = placement.fit_frame(
        frame.translated(available.topLeft()),
        available,
        placement.minimum_frame(dialog, margins),
    )
    if fitted.size() != frame.size():
        dialog.resize(fitted.marginsRemoved(margins).size())


@contextmanager
def fitting(parent: QWidget | None) -> Iterator[None]:
    """Meanwhile, every file dialog that shows fits the screen of ``parent``."""
    app = QApplication.instance()
    watcher = _FitOnShow(parent)
    if app is not None:
        app.installEventFilter(watcher)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(watcher)


def _ask(
    static: Callable[..., tuple[str, str]],
    parent: QWidget | None,
    caption: str,
    start: str,
    filters: str,
) -> tuple[str, str]:
    with fitting(parent):
        return static(parent, caption, start, filters)


def save_file_name(
    parent: QWidget | None, caption: str, start: str, filters: str
) -> tuple[str, str]:
    """The file the user chose to save to and the filter chosen; ("", "") if cancelled."""
    return _ask(QFileDialog.getSaveFileName, parent, caption, start, filters)


def open_file_name(
    parent: QWidget | None, caption: str, start: str, filters: str
) -> tuple[str, str]:
    """The file the user chose to open and the filter chosen; ("", "") if cancelled."""
    return _ask(QFileDialog.getOpenFileName, parent, caption, start, filters)


__all__ = ["fit_to_screen", "fitting", "open_file_name", "save_file_name"]
