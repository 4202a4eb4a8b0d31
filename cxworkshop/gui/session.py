"""The open workshop, its undo history, and the signal every view listens to.

Every edit the facilitator makes goes through :meth:`Session.edit`: it calls
one store operation (one transaction), pushes one undo step, and tells the
models that the workshop changed. Undo and redo call store operations too, so
they are saved like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.errors import WorkshopError
from ..domain.model import Workshop
from ..storage.store import Store

T = TypeVar("T")


class Edit(QUndoCommand, Generic[T]):
    """One undo step: ``apply`` makes the change, ``revert`` undoes it given what apply returned.

    ``goal_id`` is the goal the step changes (adds, edits, moves, removes, or
    gives someone a role on), if any: after undoing or redoing it, the pages
    that show goals select that goal and bring it into view.
    """

    def __init__(
        self,
        session: Session,
        text: str,
        apply: Callable[[], T],
        revert: Callable[[T], object],
        goal_id: str | None = None,
    ) -> None:
        super().__init__(text)
        self.goal_id = goal_id
        self._session = session
        self._apply = apply
        self._revert = revert
        self._result: T | None = None
        self._first = True

    def run_first(self) -> T:
        self._result = self._apply()
        return self._result

    def redo(self) -> None:
        if self._first:
            # The change was made (and checked) before the step was pushed.
            self._first = False
            return
        self._session._run(lambda: self._set_result(self._apply()), self.goal_id)

    def undo(self) -> None:
        result = self._result
        self._session._run(lambda: self._revert(result), self.goal_id)  # type: ignore[arg-type]

    def _set_result(self, value: T) -> None:
        self._result = value


class Session(QObject):
    """A workshop open in the window: the store, the undo stack, and change signals."""

    sig_changes = Signal(object)
    """The workshop changed (an edit, an undo or a redo): what changed, as a ``ChangeSet``.

    Each view updates just what the change set names; a view that is hidden
    notes that it is behind and catches up when shown. Sent before
    :attr:`sig_changed`.
    """

    sig_changed = Signal()
    """The workshop changed (sent after :attr:`sig_changes`), for views that re-read it all."""

    sig_error = Signal(str)
    """An edit was refused or could not be saved; the one-line message for the user."""

    sig_saved = Signal()
    """An edit reached the database."""

    sig_goal_revisited = Signal(str)
    """An undo or redo changed this goal (its id; an undone add took it away again).

    Sent after :attr:`sig_changed`, once the views show the workshop as it now
    is: the pages that show goals select this one and scroll it into view, so
    what the undo or redo did shows.
    """

    def __init__(self, store: Store, workshop_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id = workshop_id
        self.undo_stack = QUndoStack(self)

    @property
    def workshop(self) -> Workshop:
        return self.store.workshop(self.workshop_id)

    def edit(
        self,
        text: str,
        apply: Callable[[], T],
        revert: Callable[[T], object],
        *,
        goal_id: str | None = None,
    ) -> T | None:
        """Make one change as one undo step; on a refusal, report it and change nothing.

        ``goal_id`` names the goal the change is about, if any (see :class:`Edit`).
        """
        step: Edit[T] = Edit(self, text, apply, revert, goal_id)
        try:
            result = step.run_first()
        except WorkshopError as exc:
            self.sig_error.emit(str(exc))
            self.announce()
            return None
        self.undo_stack.push(step)
        self.sig_saved.emit()
        self.announce()
        return result

    def announce(self) -> None:
        """Tell every view what the store's edits since the last announcement changed."""
        self.sig_changes.emit(self.store.take_changes())
        self.sig_changed.emit()

    def _run(self, change: Callable[[], Any], goal_id: str | None = None) -> None:
        """Undo or redo a step (``change``) that changed ``goal_id``, if any."""
        try:
            change()
        except WorkshopError as exc:
            # The file and the screen still agree (the store rolled back), but
            # the history no longer matches them: start it afresh.
            self.sig_error.emit(f"{exc} The undo history was cleared.")
            # Not from inside the stack's own undo()/redo() call.
            QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)
            self.announce()
            return
        self.sig_saved.emit()
        self.announce()
        if goal_id is not None:
            self.sig_goal_revisited.emit(goal_id)
