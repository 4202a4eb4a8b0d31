"""Key presses read the same way in every view that answers to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent


def modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    """The modifiers held with a key, leaving out KeypadModifier.

    Arrow keys carry KeypadModifier on some platforms; it says nothing about intent.
    """
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
