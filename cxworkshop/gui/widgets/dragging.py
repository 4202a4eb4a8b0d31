"""What every drag the app starts shares: text fields keep out of it, the wheel still scrolls.

A chip carries its name as plain text too, so it can be dropped into a mail
or a document outside the app. Inside the app a text field would take that
text like any other, and type a name into a filter box; while one of the
app's own drags runs, text fields refuse it instead, and it falls through
to whatever holds the field (over the palette's filter, the palette, where
a chip comes off its goal).

Qt's platform drag loop (X11 and the others built on QBasicDrag) eats the
mouse wheel while it runs. The app's drags take the wheel first and scroll
the view under the pointer, then let the widgets under the pointer know the
content moved under it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from ..models.mime import is_own_mime

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def is_text_field(widget: QObject) -> bool:
    """Whether ``widget`` is (the typing area of) a field that takes dropped text."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)):
        return True
    parent = widget.parent()
    return isinstance(parent, (QTextEdit, QPlainTextEdit)) and widget is parent.viewport()


def views_holding(widget: QWidget | None) -> Iterator[QAbstractScrollArea]:
    """The scrolling views that hold ``widget``, innermost first."""
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea):
            yield widget
        widget = widget.parentWidget()


def replay_drag_move(
    widget: QWidget,
    pos: QPoint,
    mime: QMimeData,
    actions: Qt.DropAction,
    buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
    keys: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Tell ``widget``'s window the drag is at ``pos`` (in ``widget``) again.

    The content moved under a pointer that did not: the window finds the widget
    now under it, tells the old one the drag left and the new one it came, and
    a drop then lands there, as if the pointer had moved.
    """
    top = widget.window()
    handle = top.windowHandle()
    if handle is None:
        return
    at = widget.mapTo(top, pos)
    QApplication.sendEvent(handle, QDragMoveEvent(at, actions, mime, buttons, keys))


class _OwnDrag(QObject):
    """The application's event filter while one of the app's drags runs."""

    def __init__(self, mime: QMimeData | None, actions: Qt.DropAction) -> None:
        super().__init__()
        self.mime = mime
        self.actions = actions
        self.active = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _DRAG_EVENTS and is_text_field(watched):
            assert isinstance(event, QDropEvent)
            if is_own_mime(event.mimeData()):
                # Refused here, the drag goes on to the field's holder (see QApplication::notify).
                event.ignore()
                return True
        elif kind == QEvent.Type.Wheel and watched.isWindowType():
            assert isinstance(event, QWheelEvent)
            return self._wheel(event)
        return False

    def _wheel(self, event: QWheelEvent) -> bool:
        where = event.globalPosition().toPoint()
        under = QApplication.widgetAt(where)
        for view in views_holding(under):
            vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())
            bar = view.verticalScrollBar() if vertical else view.horizontalScrollBar()
            if bar.maximum() <= bar.minimum():
                continue
            before = bar.value()
            bar.setValue(before - _wheel_pixels(event, bar, vertical))
            if bar.value() != before and self.mime is not None and under is not None:
                replay_drag_move(
                    under,
                    under.mapFromGlobal(where),
                    self.mime,
                    self.actions,
                    event.buttons(),
                    event.modifiers(),
                )
            return True
        return False


def _wheel_pixels(event: QWheelEvent, bar: QScrollBar, vertical: bool) -> int:
    """How far a turn of the wheel scrolls ``bar``, as the bar itself would take it."""
    pixels = event.pixelDelta()
    if not pixels.isNull():
        return pixels.y() if vertical else pixels.x()
    delta = event.angleDelta().y() if vertical else event.angleDelta().x()
    if event.inverted():
        delta = -delta
    return round(delta / 120 * QApplication.wheelScrollLines() * bar.singleStep())


@contextmanager
def own_drag(mime: QMimeData | None, actions: Qt.DropAction) -> Iterator[None]:
    """Run one of the app's drags inside this: fields refuse it, the wheel scrolls under it."""
    app = QApplication.instance()
    if app is None:
        yield
        return
    guard = _OwnDrag(mime, actions)
    app.installEventFilter(guard)

    def to_the_front() -> None:
        # The platform's drag loop puts its own filter in front once it runs; the
        # filter installed last goes first, so ours goes in again, ahead of it.
        if guard.active:
            app.installEventFilter(guard)

    QTimer.singleShot(0, guard, to_the_front)
    try:
        yield
    finally:
        guard.active = False
        app.removeEventFilter(guard)
        guard.deleteLater()


__all__ = [
    "is_text_field",
    "own_drag",
    "replay_drag_move",
]
