"""The library's controller: it holds the store, the library's own undo history and
the actions (New, Open, Duplicate, Rename, Delete, Import, Export) that the main
window also puts in its File menu.

The page is built (and its module imported) the first time it is shown or asked
for: a start that reopens a workshop never needs it, and the actions work
without it, on the workshop that is open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QWidget,
)

from ...domain.errors import WorkshopError
from ...domain.model import Status, Workshop
from ...domain.wording import and_join, plural
from ...storage.store import Store
from ..models.library import LibraryModel
from ..ops import library as library_ops
from ..options import start_folder

if TYPE_CHECKING:
    from ...storage.interchange import ImportProblems
    from .page import LibraryPage

JSON_FILTER = "CX Workshop JSON (*.json)"


def deletion_warning(ws: Workshop) -> str:
    """What deleting ``ws`` loses, in the words of the confirmation question."""
    lost = []
    if ws.goals:
        lost.append(plural(len(ws.goals), "goal"))
    if ws.participants:
        lost.append(plural(len(ws.participants), "participant"))
    if ws.assignments:
        lost.append("assignments")
    if any(r.ballots or r.tallies for r in ws.rounds):
        lost.append("votes")
    what = f" Its {and_join(lost)} will be deleted." if lost else ""
    return f"Delete '{ws.title}'?{what} You can undo this."


def export_file_name(title: str) -> str:
    """A file name made from the title, without the characters file systems refuse."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "Workshop"
    return f"{stem}.json"


class Library(QObject):
    """The library's controller: its page, its undo history and its File-menu actions.

    Its edits act on the workshop selected in the page; until the page is built,
    on the one :meth:`select` was last given (the open workshop).
    """

    sig_error = Signal(str)
    """Something went wrong or was refused; one sentence for the status bar."""

    sig_status = Signal(str)
    """A short confirmation for the status bar, such as where a workshop was exported to."""

    sig_workshop_deleted = Signal(int)
    """This workshop no longer exists (deleted, or its creation undone); close it if open."""

    sig_library_requested = Signal()
    """Open was asked for with no workshop chosen: show the library so one can be found."""

    sig_open_requested = Signal(int)
    """The facilitator asked to open this workshop (from the page, or a new one just made)."""

    sig_selection_changed = Signal()
    """A different workshop (or none) is selected: the one the edits act on."""

    sig_page_built = Signal(QWidget)
    """The page was just built (see :attr:`page`): put it where it shows."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.model = LibraryModel(store, self)
        self._page: LibraryPage | None = None
        self._selected: int | None = None
        """The selection while there is no page."""
        self._folder = str(start_folder())

        self.new_action = self._action(
            "&New Workshop…",
            "New workshop…",
            QKeySequence.StandardKey.New,
            "Start a new workshop",
            self.new_workshop,
        )
        self.open_action = self._action(
            "&Open Workshop",
            "Open",
            QKeySequence.StandardKey.Open,
            "Open the selected workshop",
            self.open_selected,
        )
        self.duplicate_action = self._action(
            "D&uplicate Workshop",
            "Duplicate",
            QKeySequence("Ctrl+D"),
            "Copy the selected workshop for a re-run: same team and goals, no votes",
            self.duplicate,
        )
        self.next_action = self._action(
            "Start Ne&xt Workshop…",
            "Next workshop…",
            QKeySequence("Ctrl+Shift+N"),
            "Start next quarter's workshop from the selected one: its goals, people and "
            "accountability, with the last review's decisions applied",
            self.start_next,
        )
        self.rename_action = self._action(
            "&Rename Workshop…",
            "Rename…",
            QKeySequence(Qt.Key.Key_F2),
            "Give the selected workshop a new title",
            self.rename,
        )
        self.delete_action = self._action(
            "&Delete Workshop…",
            "Delete…",
            QKeySequence.StandardKey.Delete,
            "Delete the selected workshop (you can undo this)",
            self.delete,
        )
        self.import_action = self._action(
            "&Import Workshop…",
            "Import…",
            QKeySequence("Ctrl+I"),
            "Add a workshop from a CX Workshop JSON file",
            self.import_workshop,
        )
        self.export_action = self._action(
            "&Export Workshop…",
            "Export…",
            QKeySequence("Ctrl+Shift+E"),
            "Save the selected workshop as a CX Workshop JSON file",
            self.export_workshop,
        )
        # Keys that act on the selection only work while the library has the
        # keyboard: Delete in a workshop's goal board must never delete the workshop.
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_actions()

    @property
    def page(self) -> LibraryPage:
        """The library's page, built the first time it is shown or asked for."""
        if self._page is None:
            self._build_page()
        assert self._page is not None
        return self._page

    def has_page(self) -> bool:
        """Whether the page has been built (asking for :attr:`page` builds it)."""
        return self._page is not None

    def _build_page(self) -> None:
        from .page import LibraryPage

        page = self._page = LibraryPage(self.model)
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            page.addAction(action)
        page.set_actions(
            [
                self.new_action,
                self.open_action,
                None,
                self.duplicate_action,
                self.next_action,
                self.rename_action,
                self.delete_action,
                None,
                self.import_action,
                self.export_action,
            ],
            primary=self.new_action,
        )
        page.sig_open_requested.connect(self.sig_open_requested)
        page.sig_selection_changed.connect(self._page_selection_changed)
        page.sig_context_menu_requested.connect(self._show_context_menu)
        page.sig_new_requested.connect(self.new_workshop)
        page.sig_demo_requested.connect(self.open_demo)
        page.sig_import_requested.connect(self.import_workshop)
        self.sig_page_built.emit(page)
        # The page takes over the selection kept until now.
        selected, self._selected = self._selected, None
        if selected is not None:
            page.select(selected)
        self._page_selection_changed()

    def _action(
        self,
        text: str,
        button_text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        tip: str,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setIconText(button_text)
        action.setShortcut(shortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda: slot())
        return action

    def actions(self) -> list[QAction]:
        """The actions for the File menu, in menu order."""
        return [
            self.new_action,
            self.open_action,
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.delete_action,
            self.import_action,
            self.export_action,
        ]

    # -- state ---------------------------------------------------------------

    def selected_id(self) -> int | None:
        """The workshop the edits act on: the one selected in the page, or else the one
        last given to :meth:`select`; None if none."""
        return self._page.selected_id() if self._page is not None else self._selected

    def select(self, workshop_id: int) -> None:
        """Select this workshop (in the page, if it is built)."""
        if self._page is not None:
            self._page.select(workshop_id)
        elif workshop_id != self._selected:
            self._selected = workshop_id
            self._page_selection_changed()

    def _page_selection_changed(self) -> None:
        self._update_actions()
        self.sig_selection_changed.emit()

    def _request_open(self, workshop_id: int) -> None:
        if self._page is not None:
            self._page.request_open(workshop_id)  # the page says so, and so the library
        else:
            self.sig_open_requested.emit(workshop_id)

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        for action in (
            self.open_action,
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.delete_action,
            self.export_action,
        ):
            action.setEnabled(has)
        # Open also works without a selection: it takes the user to the search.
        self.open_action.setEnabled(True)

    def refresh(self) -> None:
        """Read the library again (after a workshop was edited elsewhere)."""
        if self._page is not None:
            self._page.refresh()
        else:
            self.model.sync()

    def show_change(self, *, select: int | None = None, deleted: int | None = None) -> None:
        if deleted is not None:
            neighbour = self._neighbour_of(deleted)
        self.refresh()
        if deleted is not None:
            if neighbour is not None:
                self.select(neighbour)
            elif self._page is None and self._selected == deleted:
                self._selected = None
                self._page_selection_changed()
            self.sig_workshop_deleted.emit(deleted)
        if select is not None:
            self.select(select)

    def _neighbour_of(self, workshop_id: int) -> int | None:
        """The workshop to select once this one is gone: the next row, or else the one above."""
        rows = self.model.keys()
        keys = [k for k in rows if isinstance(k, int)]
        if workshop_id not in keys:
            return None
        row = keys.index(workshop_id)
        others = keys[row + 1 :] + keys[:row][::-1]
        return others[0] if others else None

    def report(self, message: str) -> None:
        """Say why a library edit was refused, in one line."""
        self.sig_error.emit(message)

    def run_step(self, change: Callable[[], None]) -> None:
        """Run an undo or redo; if the file refuses it, say so and start the history afresh."""
        try:
            change()
        except WorkshopError as exc:
            self.sig_error.emit(f"{exc} The library's undo history was cleared.")
            # Not from inside the stack's own undo()/redo() call.
            QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)
            self.refresh()

    def _target(self, workshop_id: int | None) -> int | None:
        return self.selected_id() if workshop_id is None else workshop_id

    def _parent(self) -> QWidget:
        # The window the library belongs to, whether or not its page is built.
        owner = self.parent()
        return owner.window() if isinstance(owner, QWidget) else self.page.window()

    def _title(self, workshop_id: int) -> str:
        return self.store.workshop(workshop_id).title

    # -- the edits -----------------------------------------------------------

    def new_workshop(self) -> int | None:
        """Ask for the details of a new workshop, create it and open it; its id, or None."""
        from PySide6.QtWidgets import QDialog

        from ..dialogs.new_workshop import NewWorkshopDialog

        dialog = NewWorkshopDialog(self._parent())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        workshop_id = library_ops.create_workshop(
            self, f"New workshop '{choice.title}'", choice.build()
        )
        if workshop_id is not None:
            self._request_open(workshop_id)
        return workshop_id

    def open_demo(self) -> int | None:
        """Open the demo workshop, adding it to the library the first time."""
        from ...domain.demo import demo_workshop

        demo = demo_workshop()
        for s in self.store.list_workshops(demo.title):
            if s.title == demo.title and s.organisation == demo.organisation:
                workshop_id: int | None = s.id
                break
        else:
            workshop_id = library_ops.create_workshop(self, "Add the demo workshop", demo)
        if workshop_id is not None:
            self.select(workshop_id)
            self._request_open(workshop_id)
        return workshop_id

    def open_selected(self) -> None:
        """Open the selected workshop; with none selected, go to the search to find one."""
        workshop_id = self.selected_id()
        if workshop_id is None or self._page is None or not self._page.isVisible():
            self.sig_library_requested.emit()
            self.page.focus_search()
            return
        self.page.request_open(workshop_id)

    def duplicate(self, workshop_id: int | None = None) -> int | None:
        """Copy a workshop for a re-run (same team, goals, assignments; no votes); the copy's id."""
        source = self._target(workshop_id)
        if source is None:
            return None
        return library_ops.duplicate_workshop(self, source, self._title(source))

    def start_next(self, workshop_id: int | None = None) -> int | None:
        """Ask when next quarter's workshop is held and its title, start it from this one
        (one undo step) and open it; its id, or None."""
        source = self._target(workshop_id)
        if source is None:
            return None
        import datetime as dt

        from PySide6.QtWidgets import QApplication, QDialog

        from ...domain import review
        from ..next_quarter import NextWorkshopDialog

        previous = self.store.workshop(source)
        try:
            review.check_can_follow(previous)
        except WorkshopError as exc:
            self.sig_error.emit(str(exc))
            return None
        # Over the window it was asked from: the progress reviews' as well as the library's.
        parent = QApplication.activeWindow() or self._parent()
        dialog = NextWorkshopDialog(previous, dt.date.today(), parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            title, on = dialog.title(), dialog.date()
        finally:
            dialog.deleteLater()
        workshop_id = library_ops.start_next_workshop(self, source, title, on, previous.title)
        if workshop_id is not None:
            self._request_open(workshop_id)
        return workshop_id

    def rename(self, workshop_id: int | None = None) -> bool:
        """Ask for a new title and rename the workshop; True if it was renamed."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from PySide6.QtWidgets import QInputDialog

        old = self._title(target)
        new, ok = QInputDialog.getText(
            self._parent(), "Rename workshop", "New title:", QLineEdit.EchoMode.Normal, old
        )
        if not ok or new.strip() == old:
            return False
        return library_ops.rename_workshop(self, target, new)

    def delete(self, workshop_id: int | None = None) -> bool:
        """Ask, then delete the workshop and all it holds (undoable); True if deleted."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from PySide6.QtWidgets import QMessageBox

        ws = self.store.workshop(target)
        answer = QMessageBox.question(
            self._parent(),
            "Delete workshop",
            deletion_warning(ws),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return library_ops.delete_workshop(self, target)

    def set_status(self, status: Status, workshop_id: int | None = None) -> bool:
        """Set a workshop's status by hand (undoable); True if it has that status now."""
        target = self._target(workshop_id)
        if target is None:
            return False
        from ..status import status_change_text

        old = self.store.workshop(target).status
        text = status_change_text(old, status, title=self._title(target))
        return library_ops.set_status(self, target, status, text)

    def context_menu(self) -> QMenu:
        """The selected workshop's menu: open it, set its status, and the library's edits."""
        from ..status import StatusMenu

        menu = QMenu(self._parent())
        menu.addAction(self.open_action)
        statuses = StatusMenu(parent=menu)
        target = self.selected_id()
        statuses.set_current(None if target is None else self.store.workshop(target).status)
        statuses.sig_chosen.connect(lambda value: self.set_status(Status(value)))
        menu.addMenu(statuses)
        menu.addSeparator()
        for action in (
            self.duplicate_action,
            self.next_action,
            self.rename_action,
            self.export_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_context_menu(self, where: QPoint) -> None:
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def import_workshop(self) -> int | None:
        """Ask for a JSON file and add the workshop in it to the library; its id, or None."""
        from .. import file_dialogs

        path, _ = file_dialogs.open_file_name(
            self._parent(), "Import workshop", self._folder, JSON_FILTER
        )
        if not path:
            return None
        self._folder = str(Path(path).parent)
        from ...storage import interchange
        from ...storage.interchange import ImportProblems

        try:
            ws = interchange.read(path)
        except ImportProblems as exc:
            self._show_problems(Path(path), exc)
            return None
        except OSError as exc:
            self._warn("Import workshop", f"{Path(path).name} could not be read: {_reason(exc)}.")
            return None
        workshop_id = library_ops.import_workshop(self, ws)
        if workshop_id is not None:
            self.sig_status.emit(f"Imported '{ws.title}' from {Path(path).name}.")
        return workshop_id

    def export_workshop(self, workshop_id: int | None = None) -> bool:
        """Ask where to save the workshop as JSON and write it there; True if written."""
        target = self._target(workshop_id)
        if target is None:
            return False
        ws = self.store.workshop(target)
        from .. import file_dialogs

        suggested = str(Path(self._folder) / export_file_name(ws.title))
        path, _ = file_dialogs.save_file_name(
            self._parent(), "Export workshop", suggested, JSON_FILTER
        )
        if not path:
            return False
        file = Path(path)
        if file.suffix.lower() != ".json":
            file = file.with_name(file.name + ".json")
        from ...storage import interchange, safety

        try:
            interchange.write(ws, file, protect=safety.protected_files(self.store.path))
        except OSError as exc:
            self._warn(
                "Export workshop", f"'{ws.title}' could not be saved to {file}: {_reason(exc)}."
            )
            return False
        except WorkshopError as exc:
            self._warn("Export workshop", str(exc))
            return False
        self._folder = str(file.parent)
        self.sig_status.emit(f"Exported '{ws.title}' to {file}.")
        return True

    # -- telling the user ----------------------------------------------------

    def _warn(self, title: str, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._parent(), title, sentence)

    def _show_problems(self, path: Path, problems: ImportProblems) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Import workshop",
            problems.summary(),
            QMessageBox.StandardButton.Ok,
            self._parent(),
        )
        box.setInformativeText(
            f"{path.name} was not imported, so nothing was added to the library. "
            "Show Details lists every problem."
        )
        box.setDetailedText("\n".join(str(p) for p in problems.problems))
        box.exec()
        box.deleteLater()


def _reason(exc: OSError) -> str:
    """Why a file operation failed, in plain words, lower case, without a full stop."""
    # strerror leaves out the file name, which may be a temporary one the user never chose.
    reason = (exc.strerror or type(exc).__name__).rstrip(".")
    return reason[:1].lower() + reason[1:]
