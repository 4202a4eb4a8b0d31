"""What the app's drags share: text fields keep out of them, and the view under them scrolls.

A chip carries its name as plain text too, so it can be dropped into a mail
or a document outside the app. Inside the app a text field would take that
text like any other, and type a name into a filter box; while one of the
app's own drags runs, text fields refuse it instead, and it falls through
to whatever holds the field (over the palette's filter, the palette, where
a chip comes off its goal).

Qt's platform drag loop (X11 and the others built on QBasicDrag) eats the
mouse wheel while it runs. The app's drags take the wheel first and scroll
the view under the pointer, then let the widgets under the pointer know the
content moved under it; :class:`EdgeScroller` does the same for a drag that
rests near a view's edge.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QDragMoveEvent,
    QDropEvent,
    QFontMetricsF,
    QMouseEvent,
    QWheelEvent,
    QWindow,
)
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
    mime: QMimeData | None,
    actions: Qt.DropAction,
    buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
    keys: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Tell ``widget``'s window the drag is at ``pos`` (in ``widget``) again.

    The content moved under a pointer that did not: the window finds the widget
    now under it, tells the old one the drag left and the new one it came, and
    a drop then lands there, as if the pointer had moved.
    """
    if _running is not None and _running.pointer_window is not None:
        _running.replay_pointer()
        return
    top = widget.window()
    if mime is None:
        return
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
        self.pointer = QPointF()
        self.pointer_window: QWindow | None = None
        """Where the pointer's moves reach the platform's drag loop as mouse events (X11)."""

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
        elif kind == QEvent.Type.MouseMove and isinstance(watched, QWindow):
            assert isinstance(event, QMouseEvent)
            self.pointer = event.globalPosition()
            self.pointer_window = watched
        return False

    def replay_pointer(self) -> None:
        """Move the pointer to where it is, for the platform's drag loop to ask again.

        It asks what is under the pointer only when the pointer moves, and
        not at all for a spot it was just told about; one pixel away and back
        makes it ask afresh (the pointer on screen stays put).
        """
        window = self.pointer_window
        if window is None:
            return
        keys = QApplication.keyboardModifiers()
        for at in (self.pointer + QPointF(0, 1), QPointF(self.pointer)):
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                window.mapFromGlobal(at),
                at,
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                keys,
            )
            QApplication.sendEvent(window, move)

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
            if bar.value() != before and under is not None:
                replay_drag_move(
                    under,
                    under.mapFromGlobal(where),
                    self.mime,
                    self.actions,
                    event.buttons() or Qt.MouseButton.LeftButton,
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


_running: _OwnDrag | None = None
"""The app's drag under way, if any."""


@contextmanager
def own_drag(
    mime: QMimeData | None = None, actions: Qt.DropAction = Qt.DropAction.IgnoreAction
) -> Iterator[None]:
    """Run one of the app's drags inside this: fields refuse it, the wheel scrolls under it.

    ``mime`` and ``actions`` are the drag's, if known before it starts.
    """
    app = QApplication.instance()
    if app is None:
        yield
        return
    global _running
    guard = _OwnDrag(mime, actions)
    outer, _running = _running, guard
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
        _running = outer
        guard.active = False
        app.removeEventFilter(guard)
        guard.deleteLater()


class EdgeScroller(QObject):
    """Scrolls a view while a drag rests near its edge: faster the closer it is.

    The band along each edge is thin, and the view scrolls only once the drag
    has dwelt in it for a moment: a chip aimed at a spot near the edge, and let
    go there, lands on that spot, as it showed, instead of somewhere the view
    scrolled to meanwhile. Held there, the view scrolls on to what lies beyond.

    The view's drop targets call :meth:`hover` with every drag event they get,
    :meth:`leave` when the drag leaves one of them, and :meth:`stop` when the
    drag ends.
    """

    INTERVAL_MS = 16
    DWELL_MS = 500
    """How long a drag rests in an edge's band before the view scrolls."""
    SLOWEST = 90.0
    """Pixels a second at the inner line of the edge band."""
    FASTEST = 2400.0
    """Pixels a second with the pointer on the edge itself."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._step)
        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.timeout.connect(self._dwelt)
        self._dwelling: tuple[bool, ...] | None = None
        """Which ways the drag in the band would scroll, while it dwells (or scrolls) there."""
        self._leaving = False
        self._clock = QElapsedTimer()
        self._carry = [0.0, 0.0]
        self._pos: QPoint | None = None
        self._mime: QMimeData | None = None
        self._actions = Qt.DropAction.IgnoreAction
        self._buttons = Qt.MouseButton.LeftButton
        self._keys = Qt.KeyboardModifier.NoModifier

    def band(self) -> int:
        """How deep the band along each edge is where a drag scrolls the view."""
        line = QFontMetricsF(self.view.font()).height()
        height = self.view.viewport().height()
        return max(12, min(round(line), height // 8))

    def _speeds(self, pos: QPoint) -> tuple[float, float]:
        """Pixels a second along x and y for a drag at ``pos`` (in the viewport)."""
        band = self.band()
        rect = self.view.viewport().rect()
        if not rect.contains(pos):
            return 0.0, 0.0

        def speed(low: int, high: int, at: int) -> float:
            if at < low + band:
                depth = (low + band - at) / band
                return -(self.SLOWEST + (self.FASTEST - self.SLOWEST) * depth * depth)
            if at > high - band:
                depth = (at - (high - band)) / band
                return self.SLOWEST + (self.FASTEST - self.SLOWEST) * depth * depth
            return 0.0

        return (
            speed(rect.left(), rect.right(), pos.x()),
            speed(rect.top(), rect.bottom(), pos.y()),
        )

    def _bars(self) -> tuple[QScrollBar, QScrollBar]:
        return self.view.horizontalScrollBar(), self.view.verticalScrollBar()

    def _ways(self, pos: QPoint) -> tuple[bool, ...] | None:
        """Which ways the view would scroll for a drag at ``pos``; None if it cannot."""
        ways: list[bool] = []
        for bar, speed in zip(self._bars(), self._speeds(pos), strict=True):
            if speed < 0 and bar.value() > bar.minimum():
                ways += [True, False]
            elif speed > 0 and bar.value() < bar.maximum():
                ways += [False, True]
            else:
                ways += [False, False]
        return tuple(ways) if any(ways) else None

    def _can_scroll(self, pos: QPoint) -> bool:
        return self._ways(pos) is not None

    def hover(self, event: QDropEvent, widget: QWidget) -> None:
        """A drag is at ``event``'s position in ``widget``, one of the view's drop targets."""
        pos = widget.mapTo(self.view.viewport(), event.position().toPoint())
        self._leaving = False
        self._pos = pos
        self._mime = event.mimeData()
        self._actions = event.possibleActions()
        self._buttons = event.buttons()
        self._keys = event.modifiers()
        ways = self._ways(pos)
        if ways is None:
            # Out of the bands (or at the end there): the next stay there starts afresh.
            self._dwelling = None
            self._dwell.stop()
            self._timer.stop()
        elif ways != self._dwelling:
            # Into a band, or from one edge's band into another's: dwell there first.
            self._dwelling = ways
            self._timer.stop()
            self._dwell.start(self.DWELL_MS)
        elif not self._dwell.isActive() and not self._timer.isActive():
            self._start()

    def _dwelt(self) -> None:
        if self._pos is not None and not self._leaving and self._can_scroll(self._pos):
            self._start()

    def _start(self) -> None:
        self._clock.start()
        self._carry = [0.0, 0.0]
        self._timer.start()

    def leave(self) -> None:
        """The drag left one of the view's drop targets: for another, or out of the view.

        Moving between the view's targets, the drag leaves one and at once
        enters the next, which calls :meth:`hover`; when none does, the drag
        left the view, and it stops scrolling.
        """
        self._leaving = True
        QTimer.singleShot(0, self, self._left)

    def _left(self) -> None:
        if self._leaving:
            self.stop()

    def stop(self) -> None:
        """The drag left the view, or ended: no more scrolling."""
        self._timer.stop()
        self._dwell.stop()
        self._dwelling = None
        self._leaving = False
        self._pos = None
        self._mime = None

    def is_scrolling(self) -> bool:
        return self._timer.isActive() and not self._leaving

    def _step(self) -> None:
        pos = self._pos
        if pos is None or not self.view.isVisible():
            self.stop()
            return
        if self._leaving:
            return
        seconds = min(self._clock.restart(), 100) / 1000
        moved = False
        for axis, (bar, speed) in enumerate(zip(self._bars(), self._speeds(pos), strict=True)):
            if speed == 0:
                continue
            self._carry[axis] += speed * seconds
            whole = int(self._carry[axis])
            self._carry[axis] -= whole
            before = bar.value()
            bar.setValue(before + whole)
            moved = moved or bar.value() != before
        if not self._can_scroll(pos):
            self._timer.stop()
        if moved and self._mime is not None:
            replay_drag_move(
                self.view.viewport(), pos, self._mime, self._actions, self._buttons, self._keys
            )


__all__ = [
    "EdgeScroller",
    "is_text_field",
    "own_drag",
    "replay_drag_move",
]
