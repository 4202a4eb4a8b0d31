"""Edits of the library, on workshops as a whole: add, duplicate, import, rename, delete, status.

The library has an undo history of its own (no workshop is open there), so
these edits take the library's :class:`Shelf` (its store, its undo stack and
how it shows a change) instead of a session. Each is one undo step around
one store operation; a refusal is reported in one line and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.errors import WorkshopError
from ...domain.model import Status, Workshop
from ...storage.store import Store


class Shelf(Protocol):
    """What the library's edits need of the library."""

    store: Store
    undo_stack: QUndoStack

    def run_step(self, change: Callable[[], None]) -> None:
        """Run an undo or redo, reporting a refusal."""

    def show_change(self, *, select: int | None = None, deleted: int | None = None) -> None:
        """Show the library as it now is, selecting ``select`` or moving off ``deleted``."""

    def report(self, message: str) -> None:
        """Say in one line why an edit was refused."""


class _Step(QUndoCommand):
    """One undoable library edit. The first redo is skipped: the edit was made before the push."""

    def __init__(
        self,
        shelf: Shelf,
        text: str,
        apply: Callable[[], None],
        revert: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._shelf, self._apply, self._revert = shelf, apply, revert
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._shelf.run_step(self._apply)

    def undo(self) -> None:
        self._shelf.run_step(self._revert)


def _push_added(shelf: Shelf, text: str, workshop_id: int) -> None:
    """An added workshop's undo step: undo deletes it, redo puts that very one back."""
    removed: list[Workshop] = []

    def apply() -> None:
        shelf.store.restore_workshop(removed.pop())
        shelf.show_change(select=workshop_id)

    def revert() -> None:
        removed.append(shelf.store.delete_workshop(workshop_id))
        shelf.show_change(deleted=workshop_id)

    shelf.undo_stack.push(_Step(shelf, text, apply, revert))


def _add(shelf: Shelf, text: str, make: Callable[[], Workshop]) -> int | None:
    try:
        created = make()
    except WorkshopError as exc:
        shelf.report(str(exc))
        return None
    assert created.id is not None
    _push_added(shelf, text, created.id)
    shelf.show_change(select=created.id)
    return created.id


def create_workshop(shelf: Shelf, text: str, ws: Workshop) -> int | None:
    """Add a whole new workshop (blank, from a template, the demo) as one undo step; its id."""
    return _add(shelf, text, lambda: shelf.store.create_workshop(ws))


def import_workshop(shelf: Shelf, ws: Workshop) -> int | None:
    """Add a workshop read from a file as one undo step; its id, or None."""
    return _add(shelf, f"Import workshop '{ws.title}'", lambda: shelf.store.import_workshop(ws))


def duplicate_workshop(shelf: Shelf, source: int, title: str) -> int | None:
    """Copy a workshop for a re-run as one undo step; the copy's id, or None."""
    return _add(
        shelf, f"Duplicate workshop '{title}'", lambda: shelf.store.duplicate_workshop(source)
    )


def start_next_workshop(
    shelf: Shelf, source: int, title: str, on: dt.date | None, previous_title: str
) -> int | None:
    """Start next quarter's workshop, called ``title`` and held ``on``, carrying on from
    ``source`` (see :func:`cxworkshop.domain.review.next_workshop`): one undo step; its id."""
    return _add(
        shelf,
        f"Start '{title}' from '{previous_title}'",
        lambda: shelf.store.create_next_workshop(source, title, date=on),
    )


def rename_workshop(shelf: Shelf, workshop_id: int, new: str) -> bool:
    """Give a workshop a new title as one undo step; False if refused."""
    store = shelf.store
    try:
        old = store.rename_workshop(workshop_id, new)
    except WorkshopError as exc:
        shelf.report(str(exc))
        return False
    new = store.workshop(workshop_id).title

    def rename(title: str) -> Callable[[], None]:
        def run() -> None:
            store.rename_workshop(workshop_id, title)
            shelf.show_change(select=workshop_id)

        return run

    text = f"Rename workshop '{old}' to '{new}'"
    shelf.undo_stack.push(_Step(shelf, text, rename(new), rename(old)))
    shelf.show_change(select=workshop_id)
    return True


def delete_workshop(shelf: Shelf, workshop_id: int) -> bool:
    """Delete a workshop and all it holds as one undo step; undo puts it back under its id."""
    store = shelf.store
    try:
        removed = [store.delete_workshop(workshop_id)]
    except WorkshopError as exc:
        shelf.report(str(exc))
        return False
    title = removed[0].title

    def apply() -> None:
        removed.append(store.delete_workshop(workshop_id))
        shelf.show_change(deleted=workshop_id)

    def revert() -> None:
        store.restore_workshop(removed.pop())
        shelf.show_change(select=workshop_id)

    shelf.undo_stack.push(_Step(shelf, f"Delete workshop '{title}'", apply, revert))
    shelf.show_change(deleted=workshop_id)
    return True


def set_status(shelf: Shelf, workshop_id: int, status: Status, text: str) -> bool:
    """Set a workshop's status by hand as one undo step; True if it has that status now."""
    store = shelf.store
    old = store.workshop(workshop_id).status
    if old is status:
        return True
    try:
        store.update_details(workshop_id, status=status)
    except WorkshopError as exc:
        shelf.report(str(exc))
        return False

    def give(value: Status) -> Callable[[], None]:
        def run() -> None:
            store.update_details(workshop_id, status=value)
            shelf.show_change(select=workshop_id)

        return run

    shelf.undo_stack.push(_Step(shelf, text, give(status), give(old)))
    shelf.show_change(select=workshop_id)
    return True


def find_or_create_demo(store: Store) -> int:
    """The id of the demo workshop, made on first use (not an undo step: nothing is open yet)."""
    from ...domain.demo import demo_workshop

    demo = demo_workshop()
    for summary in store.list_workshops(demo.title):
        if summary.title == demo.title and summary.organisation == demo.organisation:
            return summary.id
    created = store.create_workshop(demo)
    assert created.id is not None
    return created.id
