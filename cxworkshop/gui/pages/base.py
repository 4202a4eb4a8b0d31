"""What every step's page has in common: the open session, and following its change sets."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ...domain.changes import ChangeSet
from ...domain.model import Step
from ..session import Session


class StepPage(QWidget):
    """A page of the workshop; shows the open session's workshop and edits it through gui/ops.

    After each edit, undo or redo the page is handed the change set: a page on
    screen applies it (:meth:`apply_changes`); a hidden page only notes that
    it is behind, and catches up (:meth:`refresh`) when it is shown.
    """

    step: Step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._behind = False

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop (None: no workshop open)."""
        if self.session is not None:
            self.session.sig_changes.disconnect(self._changes_arrived)
            self.session.sig_goal_revisited.disconnect(self._goal_revisited)
        self.session = session
        if session is not None:
            session.sig_changes.connect(self._changes_arrived)
            session.sig_goal_revisited.connect(self._goal_revisited)
        self._behind = False
        self.refresh()

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if not self.isVisible():
            self._behind = True
            return
        self.apply_changes(changes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            self._behind = False
            self.refresh()

    def apply_changes(self, changes: ChangeSet) -> None:
        """Show what ``changes`` changed; pages that can do less than a refresh say so."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read the whole workshop (on opening it, and on catching up when shown)."""

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
