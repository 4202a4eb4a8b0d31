"""Backups and damaged files, as the facilitator meets them.

- :class:`RestoreDialog`: File → Restore from Backup…, listing each backup
  with when it was made and how many workshops it holds.
- :class:`DamagedFileDialog`: at start-up, when the workshop file cannot be
  used: restore the newest good backup, start a new file, or quit. Either
  way the damaged file is moved aside, never deleted.
- :class:`AutoBackup`: the rolling backups while the app runs: soon after
  start, every ten minutes if anything changed, and at quit.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WorkshopError
from ..storage import backup, safety
from ..storage.backup import Backup
from ..storage.errors import DamagedDatabase
from ..storage.store import Store, change_signature_of
from .roles import PATH_ROLE

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

BACKUP_INTERVAL_MS = 10 * 60 * 1000
FIRST_BACKUP_DELAY_MS = 3000
"""The first backup waits until the window is up and the room has started."""


def when_made(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """A backup's moment in local time: ``Today 14:05``, ``Yesterday 18:30``, or the date."""
    local = moment.astimezone()
    today = (now or dt.datetime.now(dt.UTC)).astimezone().date()
    if local.date() == today:
        return f"Today {local:%H:%M}"
    if local.date() == today - dt.timedelta(days=1):
        return f"Yesterday {local:%H:%M}"
    return f"{local:%a} {local.day} {local:%b %Y %H:%M}"


def workshops_text(n: int | None) -> str:
    if n is None:
        return "⚠ cannot be read"
    return f"{n} workshop" if n == 1 else f"{n} workshops"


def _label(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("cxRole", role)
    return label


# ----------------------------------------------------------------- restore dialog


class RestoreDialog(QDialog):
    """Choose a backup to put back in place of every workshop."""

    COLUMNS = ("Made", "Workshops", "Why")

    def __init__(self, backups: list[Backup], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.backups = backups
        self.folder = folder
        heading = _label("Restore from a backup", "heading")
        if backups:
            text = (
                "Restoring puts back every workshop as it was when the backup was made. "
                "Your workshops as they are now are kept as a backup first, so you can "
                "come back to them from this list."
            )
        else:
            text = (
                "There are no backups yet. CX Workshop makes one soon after it starts, "
                "every ten minutes while you work, and when you quit."
            )
        self.explanation = _label(text, "hint")

        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups, newest first")
        self.list.setColumnCount(len(self.COLUMNS))
        self.list.setHeaderLabels(list(self.COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._items: list[QTreeWidgetItem] = []
        """The list's rows, one per backup, in the order shown."""
        for b in backups:
            item = QTreeWidgetItem(
                [when_made(b.taken_at), workshops_text(b.workshops), b.reason.label]
            )
            item.setData(0, PATH_ROLE, str(b.path))
            item.setToolTip(0, b.path.name)
            if not b.readable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addTopLevelItem(item)
            self._items.append(item)
        self.list.setVisible(bool(backups))
        self.list.itemDoubleClicked.connect(lambda *_: self._restore_if_chosen())

        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton("Restore this backup")
        self.restore_button.setProperty("cxRole", "primary")
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.folder_button = QPushButton("Show backups folder")
        self.folder_button.setAccessibleName("Show the folder the backups are in")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if not backups:
            cancel.setText("Close")
        self.restore_button.setVisible(bool(backups))
        self.restore_button.setDefault(bool(backups))
        self.buttons.accepted.connect(self._restore_if_chosen)
        self.buttons.rejected.connect(self.reject)
        self.folder_button.clicked.connect(self.show_folder)
        self.list.currentItemChanged.connect(lambda *_: self._update_button())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        if not backups:
            layout.addStretch(1)
        layout.addWidget(self.buttons)

        first = next((i for i, b in enumerate(backups) if b.readable), None)
        if first is not None:
            self.list.setCurrentItem(self._items[first])
        self._update_button()
        self.list.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized by the (zoomed) font, so the list and its words are never cut off,
        # with a clear gap between the columns.
        m = self.list.fontMetrics()
        gap = m.averageCharWidth() * 4
        widths = []
        for column in range(len(self.COLUMNS)):
            texts = [self.list.headerItem().text(column)] + [
                item.text(column) for item in self._items
            ]
            widths.append(max(m.horizontalAdvance(t) for t in texts) + gap)
        for column, width in enumerate(widths[:-1]):
            self.list.setColumnWidth(column, width)
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        needed = sum(widths) + margins.left() + margins.right() + 2 * self.list.frameWidth()
        self.setMinimumSize(
            max(needed, m.averageCharWidth() * 64), m.height() * 16 if self.backups else 0
        )
        if not self.backups:
            self.adjustSize()
        super().showEvent(event)

    def chosen(self) -> Backup | None:
        """The backup chosen in the list, or None."""
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        path = Path(str(item.data(0, PATH_ROLE)))
        return next((b for b in self.backups if b.path == path), None)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _restore_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def show_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def use_store(window: MainWindow, store: Store) -> None:
    """Show ``store`` in ``window`` instead of the one it had (after a restore).

    The library and its undo history start afresh: what they held belongs to
    the file that was replaced.
    """
    window.store = store
    window.library.store = store
    window.library.model.store = store
    window.library.undo_stack.clear()
    window.show_library()
    window.sig_file_replaced.emit()


def restore_from_backup(window: MainWindow) -> bool:
    """File → Restore from Backup…: choose a backup and put it in place; True if restored."""
    path = window.store.path
    dialog = RestoreDialog(backup.list_backups(path), backup.folder(path), window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
    finally:
        dialog.deleteLater()
    if chosen is None:
        return False
    window.show_library()
    window.store.close()
    try:
        kept = backup.restore(path, chosen)
    except WorkshopError as exc:
        log.error("Restore of %s failed: %s", chosen.path.name, type(exc).__name__)
        if _reopen(window, path):
            window.show_error(str(exc))
        return False
    if not _reopen(window, path):
        return False
    note = (
        f" Your workshops as they were are kept as the backup of {when_made(kept.taken_at)}."
        if kept
        else ""
    )
    window.statusBar().showMessage(
        f"Restored the backup of {when_made(chosen.taken_at)}: "
        f"{workshops_text(chosen.workshops)}.{note}",
        15000,
    )
    return True


def _reopen(window: MainWindow, path: Path) -> bool:
    """Open the file again in ``window``; if even that fails, say so and close the window."""
    try:
        use_store(window, Store(path))
    except WorkshopError as exc:
        log.error("Could not reopen the workshop file after a restore: %s", type(exc).__name__)
        QMessageBox.critical(window, "CX Workshop", f"{exc} CX Workshop will close.")
        window.close()
        return False
    return True


# ----------------------------------------------------------------- damaged file


class Choice(Enum):
    """What to do about a damaged workshop file."""

    RESTORE = "restore"
    NEW_FILE = "new"
    QUIT = "quit"


class DamagedFileDialog(QDialog):
    """Says plainly that the file is damaged and offers the ways on."""

    def __init__(
        self,
        path: Path,
        reason: str,
        newest: Backup | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("CX Workshop")
        self.choice = Choice.QUIT
        heading = _label("The workshop file is damaged", "heading")
        problem = _label(
            f"CX Workshop cannot use {path.name}: {reason} Nothing has been written to it."
        )
        problem.setAccessibleName("What is wrong")
        kept = _label(
            "If you restore a backup or start a new file, the damaged file is moved, "
            f"with the files beside it, into {safety.damaged_folder(path)} and kept there "
            "for rescue.",
            "hint",
        )
        if newest is not None:
            self.restore_button: QPushButton | None = QPushButton(
                f"Restore the backup of {when_made(newest.taken_at)} "
                f"({workshops_text(newest.workshops)})"
            )
            self.restore_button.setProperty("cxRole", "primary")
            self.restore_button.setAccessibleName("Restore the newest good backup")
            self.restore_button.clicked.connect(lambda: self.choose(Choice.RESTORE))
        else:
            self.restore_button = None
        self.new_button = QPushButton("Start with a new, empty file")
        self.new_button.setAccessibleName("Start with a new, empty workshop file")
        self.new_button.clicked.connect(lambda: self.choose(Choice.NEW_FILE))
        self.quit_button = QPushButton("Quit")
        self.quit_button.setAccessibleName("Quit and leave the file as it is")
        self.quit_button.clicked.connect(lambda: self.choose(Choice.QUIT))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(problem)
        if newest is None:
            layout.addWidget(_label("There is no good backup to restore.", "muted"))
        layout.addWidget(kept)
        layout.addSpacing(4)
        for button in (self.restore_button, self.new_button, self.quit_button):
            if button is not None:
                layout.addWidget(button)
        first = self.restore_button or self.new_button
        first.setDefault(True)
        first.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.adjustSize()
        super().showEvent(event)

    def choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.QUIT:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        # Escape and the window's close button mean Quit.
        self.choice = Choice.QUIT
        super().reject()


def damaged_reason(error: DamagedDatabase) -> str:
    """The part of the error that says what is wrong, without the path the dialog already names."""
    text = str(error)
    for cut in (" is damaged: ", " is not a readable workshop database "):
        if cut in text:
            rest = text.split(cut, 1)[1]
            if cut.startswith(" is not"):
                return f"it is not a readable workshop database {rest}"
            return rest.replace(" The file has not been changed.", "")
    return text


def recover_damaged(
    path: Path, error: DamagedDatabase, parent: QWidget | None = None
) -> Store | None:
    """Ask what to do about a damaged file, do it, and return the store to use (None: quit)."""
    log.error("Damaged workshop file at start-up: %s", path.name)
    while True:
        newest = backup.newest_good(path)
        dialog = DamagedFileDialog(path, damaged_reason(error), newest, parent)
        try:
            dialog.exec()
            choice = dialog.choice
        finally:
            dialog.deleteLater()
        if choice is Choice.QUIT:
            return None
        try:
            kept_in = safety.move_aside(path)
            if choice is Choice.RESTORE and newest is not None:
                backup.restore(path, newest)
                log.info(
                    "Restored %s after damage; damaged file kept in %s", newest.path.name, kept_in
                )
            else:
                log.info("Started a new file after damage; damaged file kept in %s", kept_in)
            return Store(path)
        except (OSError, WorkshopError) as exc:
            log.error("Recovery from damage failed: %s", type(exc).__name__)
            QMessageBox.warning(parent, "CX Workshop", _failure_text(exc))
            if path.exists():
                try:
                    return Store(path)
                except DamagedDatabase as again:
                    error = again


def _failure_text(exc: OSError | WorkshopError) -> str:
    if isinstance(exc, OSError):
        return f"The damaged file could not be moved aside: {exc.strerror or exc}."
    return str(exc)


# ----------------------------------------------------------------- automatic backups


class AutoBackup(QObject):
    """Rolling backups while the app runs: soon after start, then every ten minutes if changed."""

    sig_failed = Signal(str)
    """A backup could not be made; the one-line reason (the file itself is untouched)."""

    def __init__(
        self,
        store_of: Callable[[], Store],
        parent: QObject | None = None,
        interval_ms: int = BACKUP_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._store_of = store_of
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.back_up_if_changed)
        self._backed_up: tuple[str, object] | None = None

    def start(self, first_delay_ms: int = FIRST_BACKUP_DELAY_MS) -> None:
        QTimer.singleShot(first_delay_ms, self, self.back_up_if_changed)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def changed(self) -> bool:
        """True if the workshops differ from those in the newest backup."""
        store = self._store_of()
        now = store.change_signature()
        if self._backed_up is not None and self._backed_up[0] == str(store.path):
            return self._backed_up[1] != now
        newest = backup.latest(store.path)
        return newest is None or change_signature_of(newest.path) != now

    def back_up_if_changed(self) -> Backup | None:
        """Make a backup if anything changed since the last one; the backup, or None."""
        store = self._store_of()
        try:
            if store.saving or not self.changed():
                return None
            signature = store.change_signature()
            made = store.back_up()
        except WorkshopError as exc:
            self.sig_failed.emit(str(exc))
            return None
        except Exception as exc:  # a closed store, say: never let a timer bring the app down
            log.error("Automatic backup skipped: %s", type(exc).__name__)
            return None
        self._backed_up = (str(store.path), signature)
        return made
