"""Key presses read the same way in every view that answers to them; where Tab stops in a part."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from shiboken6 import isValid


def modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    """The modifiers held with a key, leaving out KeypadModifier.

    Arrow keys carry KeypadModifier on some platforms; it says nothing about intent.
    """
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def chain_of(widget: QWidget) -> list[QWidget]:
    """What Tab stops at in ``widget`` (itself and its descendants), in Tab order."""

    def takes_tab(w: QWidget) -> bool:
        return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)

    stops = [widget] if takes_tab(widget) else []
    stop = widget.nextInFocusChain()
    while stop is not None and stop is not widget and widget.isAncestorOf(stop):
        if takes_tab(stop):
            stops.append(stop)
        stop = stop.nextInFocusChain()
    return stops


def chain_end(widget: QWidget) -> QWidget:
    """The last Tab stop in ``widget`` (``widget`` itself if it has none)."""
    stops = chain_of(widget)
    return stops[-1] if stops else widget


def enter_presses(root: QWidget) -> None:
    """Return and the keypad's Enter press whichever of ``root``'s push buttons has the keyboard.

    Qt gives Enter only to a dialog's buttons; the voting flow is a page, where a
    voter who tabs to a button expects Enter to press it, as Space does.
    """
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)


class EnterPresses(QObject):
    """Return and the keypad's Enter press the push button that has the keyboard, anywhere in
    ``window``, as Space does: a facilitator who tabs to a button expects Enter to press it.

    Qt gives Enter only to a dialog's buttons and to those marked auto-default (see
    :func:`enter_presses`); this follows the keyboard and answers for the rest.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._button: QPushButton | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if self._button is not None and isValid(self._button):
            self._button.removeEventFilter(self)
        self._button = None
        if (
            isinstance(now, QPushButton)
            and isValid(self._window)
            and now.window() is self._window
            and not now.autoDefault()
        ):
            self._button = now
            now.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._button
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and modifiers(event) == Qt.KeyboardModifier.NoModifier
            and not event.isAutoRepeat()
            and self._button.isEnabled()
        ):
            self._button.click()
            return True
        return super().eventFilter(watched, event)
