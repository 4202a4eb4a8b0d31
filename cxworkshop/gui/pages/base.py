"""What every step's page has in common: the open session and a refresh on change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.model import Step
from ..session import Session


class StepPage(QWidget):
    """A page of the workshop; shows the open session's workshop and edits it through it."""

    step: Step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop (None: no workshop open)."""
        if self.session is not None:
            self.session.sig_changed.disconnect(self.refresh)
            self.session.sig_goal_revisited.disconnect(self._goal_revisited)
        self.session = session
        if session is not None:
            session.sig_changed.connect(self.refresh)
            session.sig_goal_revisited.connect(self._goal_revisited)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the workshop (after any edit, undo or redo)."""

    def _goal_revisited(self, goal_id: str) -> None:
        if self.isVisible():
            self.reveal_goal(goal_id)

    def reveal_goal(self, goal_id: str) -> None:
        """An undo or redo on this page changed a goal: select it and bring it into view.

        Pages that show goals do; a goal no longer there leaves the page as it is.
        """

    def focus_first(self) -> None:
        """Put keyboard focus where work on this page starts."""
        self.focusNextChild()
