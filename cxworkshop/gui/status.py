"""A workshop's status: the menu that sets it by hand, and the edit that changes it.

Draft while the facilitator prepares; Running once the room starts working
in it (room mode: the audience screen or the timer); Done once the final
charter is exported. Those two move it forward on their own; the facilitator
can set any status by hand. Every change is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ..domain.model import Status
from ..domain.progress import moves_forward
from .models.library import STATUS_SYMBOLS, status_text

if TYPE_CHECKING:
    from .session import Session

_KEYS = {Status.DRAFT: "&Draft", Status.RUNNING: "&Running", Status.DONE: "D&one"}


def status_change_text(old: Status, new: Status, why: str = "", title: str = "") -> str:
    """The undo step's name: 'Mark workshop as Done (final charter exported)'.

    ``title`` names the workshop (in the library, where several are listed).
    """
    workshop = f"workshop '{title}'" if title else "workshop"
    if moves_forward(old, new):
        text = f"Mark {workshop} as {new.label}"
    else:
        text = f"Move {workshop} back to {new.label}"
    return f"{text} ({why})" if why else text


def set_status(session: Session, status: Status, why: str = "") -> bool:
    """Give the open workshop ``status`` as one undo step (``why``: what set it on its own).

    True if the workshop has that status now; a workshop that had it already
    makes no undo step.
    """
    from .ops import details  # (the library's menu needs none of the editing code)

    text = status_change_text(session.workshop.status, status, why)
    return details.set_status(session, status, text)


class StatusMenu(QMenu):
    """Draft, Running, Done: the current one checked; choosing one asks for it."""

    sig_chosen = Signal(str)
    """The facilitator chose this status (a ``Status`` value)."""

    def __init__(self, title: str = "&Status", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        group = QActionGroup(self)
        self.status_actions: dict[Status, QAction] = {}
        for status in Status:
            action = QAction(f"{STATUS_SYMBOLS[status]}  {_KEYS[status]}", self)
            action.setCheckable(True)
            action.setToolTip(f"Mark the workshop as {status.label}")
            action.triggered.connect(lambda _=False, s=status: self.sig_chosen.emit(s.value))
            group.addAction(action)
            self.addAction(action)
            self.status_actions[status] = action

    def set_current(self, status: Status | None) -> None:
        """Check ``status`` (None: nothing to check, and nothing to choose)."""
        for each, action in self.status_actions.items():
            action.setChecked(each is status)
            action.setEnabled(status is not None)


__all__ = ["StatusMenu", "set_status", "status_change_text", "status_text"]
