"""Real drag events for the GUI tests, and a stand-in for the pointer during the app's drags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.gui.widgets import raci

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
MOVE = Qt.DropAction.MoveAction
COPY = Qt.DropAction.CopyAction
BOTH = MOVE | COPY

Pointer = Callable[[QDrag, Qt.DropAction, Qt.DropAction], Qt.DropAction]


def drag_to(
    widget: QWidget, mime: QMimeData, pos: QPoint, actions: Qt.DropAction = BOTH
) -> tuple[QDragEnterEvent, QDragMoveEvent]:
    """Enter and move over ``widget`` at ``pos``, as Qt delivers them; the two events, answered."""
    enter = QDragEnterEvent(pos, actions, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, actions, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, move)
    return enter, move


def drop_on(
    widget: QWidget, mime: QMimeData, pos: QPoint, actions: Qt.DropAction = BOTH
) -> QDropEvent:
    drop = QDropEvent(QPointF(pos), actions, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, drop)
    return drop


def stand_in_for_the_pointer(monkeypatch: Any, pointer: Pointer) -> None:
    """Run the app's own drags (with all they do around the platform's loop) with ``pointer``
    moving instead of the platform's drag loop."""
    monkeypatch.setattr(raci, "platform_drag", pointer)
