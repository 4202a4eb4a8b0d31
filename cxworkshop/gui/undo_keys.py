"""Ctrl+Z and the redo keys undo the workshop's last edit wherever the keyboard is.

A text field takes the undo keys for its own typing, even once that typing has
been saved (or the field emptied for the next goal): Ctrl+Z then put the typed
letters back instead of undoing the edit they made. :class:`UndoKeys` gives the
keys to the window's Undo and Redo while the field with the keyboard holds
nothing typed since the workshop last changed; typing not saved yet is undone
in the field first, as anyone expects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid


def field_text(widget: QWidget | None) -> str | None:
    """What a field that types text holds; None for anything else."""
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.currentText()
    return None


class UndoKeys(QObject):
    """Hands the undo and redo keys to ``undo`` and ``redo`` when the focused field in
    ``window`` has nothing of its own to undo: nothing typed since it got the keyboard
    or since the workshop last changed."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction, group: QUndoGroup) -> None:
        super().__init__(window)
        self._window = window
        self._actions = (undo, redo)
        self._field: QWidget | None = None
        self._saved_text: str | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())
        # Undo, redo and every new edit: what the field shows afterwards is saved. The
        # page puts the stored text back in the field after the signal, so look then.
        group.indexChanged.connect(self._workshop_changed)
        group.activeStackChanged.connect(self._workshop_changed)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        # A cell's editor loses the keyboard while it is being deleted: leave it be then.
        if self._field is not None and isValid(self._field):
            self._field.removeEventFilter(self)
            self._field.destroyed.disconnect(self._field_gone)
        ours = now is not None and now.window() is self._window
        self._field = now if ours and field_text(now) is not None else None
        if self._field is not None:
            self._saved_text = field_text(self._field)
            self._field.installEventFilter(self)
            self._field.destroyed.connect(self._field_gone)

    def _field_gone(self) -> None:
        self._field = None

    def _workshop_changed(self) -> None:
        QTimer.singleShot(0, self, self._take_saved_text)

    def _take_saved_text(self) -> None:
        if self._field is not None:
            self._saved_text = field_text(self._field)

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions:
            if any(
                key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for key in action.shortcuts()
            ):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and watched is self._field
            and isinstance(event, QKeyEvent)
        ):
            action = self._action_for(event)
            if (
                action is not None
                and action.isEnabled()
                and field_text(self._field) == self._saved_text
            ):
                # Not the field's to take: the shortcut goes to the window's Undo or Redo.
                event.ignore()
                return True
        return False


__all__ = ["UndoKeys", "field_text"]
