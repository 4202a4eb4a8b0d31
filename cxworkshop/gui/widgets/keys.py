"""Key presses read the same way in every view that answers to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget


def modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    """The modifiers held with a key, leaving out KeypadModifier.

    Arrow keys carry KeypadModifier on some platforms; it says nothing about intent.
    """
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def enter_presses(root: QWidget) -> None:
    """Return and the keypad's Enter press whichever of ``root``'s push buttons has the keyboard.

    Qt gives Enter only to a dialog's buttons; the voting flow is a page, where a
    voter who tabs to a button expects Enter to press it, as Space does.
    """
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)
