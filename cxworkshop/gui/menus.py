"""The main window's menus: File, Edit, View, Go and Help, and the keys of their actions.

Loaded with the menus' contents, after the window's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import theme

if TYPE_CHECKING:
    from .main_window import MainWindow


def shortcut_keys(
    *keys: QKeySequence | QKeySequence.StandardKey | str | None,
) -> list[QKeySequence]:
    """The keys for an action: standard keys as the platform binds them, then the others,
    each once (a key an action holds twice is ambiguous: Qt then ignores it)."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            expanded = QKeySequence.keyBindings(key)
        elif key is None:
            expanded = []
        else:
            expanded = [QKeySequence(key)]
        for sequence in expanded:
            if not sequence.isEmpty():
                found.setdefault(sequence.toString(), sequence)
    return list(found.values())


def make_action(
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *more: QKeySequence | str,
) -> QAction:
    """An action of ``window`` that calls ``slot``, with its keys (see :func:`shortcut_keys`)."""
    action = QAction(text, window)
    keys = shortcut_keys(shortcut, *more)
    if keys:
        action.setShortcuts(keys)
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    """Fill the window's menus; their titles are there from the first frame."""
    from .workshop_view import STEPS

    lib = window.library
    file_menu = window.file_menu
    for action in (lib.new_action, lib.open_action):
        file_menu.addAction(action)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    file_menu.addSeparator()
    for action in (
        lib.duplicate_action,
        lib.next_action,
        lib.rename_action,
        lib.delete_action,
    ):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(lib.import_action)
    file_menu.addAction(lib.export_action)
    window.export_pdf_action = make_action(
        window, "Export &PDF Charter…", window.export_pdf, "Ctrl+E"
    )
    file_menu.addAction(window.export_pdf_action)
    file_menu.addSeparator()
    # Explicit keys beside the standard ones: some platforms bind none for these.
    window.close_action = make_action(
        window, "&Close Workshop", window.show_library, QKeySequence.StandardKey.Close, "Ctrl+W"
    )
    file_menu.addAction(window.close_action)
    quit_action = make_action(
        window, "&Quit", window.close, QKeySequence.StandardKey.Quit, "Ctrl+Q"
    )
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    edit_menu = window.edit_menu
    window.undo_action = window.undo_group.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = window.undo_group.createRedoAction(window, "&Redo")
    # Both common redo keys, whichever the platform binds: each only once, as a key
    # given twice is ambiguous and then does nothing.
    window.redo_action.setShortcuts(
        shortcut_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y")
    )
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    # The keys undo the last edit from any field, unless it holds typing not yet saved.
    from .undo_keys import UndoKeys

    UndoKeys(window, window.undo_action, window.redo_action, window.undo_group)
    from .widgets.keys import EnterPresses

    EnterPresses(window)

    view_menu = window.view_menu
    window.zoom_in_action = make_action(
        window, "Zoom &In", lambda: window.zoom_by(1), QKeySequence.StandardKey.ZoomIn, "Ctrl+="
    )
    window.zoom_out_action = make_action(
        window, "Zoom &Out", lambda: window.zoom_by(-1), QKeySequence.StandardKey.ZoomOut
    )
    window.zoom_reset_action = make_action(window, "&Actual Size", window.zoom_reset, "Ctrl+0")
    for action in (window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    group = QActionGroup(window)
    for name in theme.ThemeName:
        action = make_action(window, name.label, lambda _=False, n=name: window.set_theme(n))
        action.setCheckable(True)
        group.addAction(action)
        theme_menu.addAction(action)
        window.theme_actions[name] = action
    view_menu.addSeparator()
    window.full_screen_action = make_action(
        window,
        "&Full Screen",
        window.toggle_full_screen,
        QKeySequence.StandardKey.FullScreen,
        "F11",
    )
    view_menu.addAction(window.full_screen_action)
    window.room.add_to_menu(view_menu)
    view_menu.addSeparator()
    view_menu.addAction(window.phones.action)

    go_menu = window.go_menu
    window.back_action = make_action(window, "&Back", window.go_back, "Alt+Left")
    window.next_action = make_action(window, "&Next", window.go_next, "Alt+Right")
    go_menu.addAction(window.back_action)
    go_menu.addAction(window.next_action)
    go_menu.addSeparator()
    window.step_actions = {}
    for number, step in enumerate(STEPS, start=1):
        action = make_action(
            window,
            f"&{number} {step.label}",
            lambda _=False, s=step: window.go_to(s),
            f"Ctrl+{number}",
        )
        go_menu.addAction(action)
        window.step_actions[step] = action
    go_menu.addSeparator()
    window.library_action = make_action(window, "&Library", window.show_library, "Ctrl+L")
    # Presenting on the only screen, the audience window has the keyboard: walking
    # the steps works from there too.
    window.room.share_actions(window.back_action, window.next_action, window.step_actions.values())
    go_menu.addAction(window.library_action)
    go_menu.addSeparator()
    window.reviews_action = make_action(
        window, "Progress &Reviews…", window.show_reviews, "Ctrl+Shift+R"
    )
    go_menu.addAction(window.reviews_action)
    window.changes_action = make_action(
        window, "What &Changed…", window.show_changes, "Ctrl+Shift+C"
    )
    go_menu.addAction(window.changes_action)
    # From the library too, for the workshop selected there.
    window.library.sig_selection_changed.connect(window._update_actions)

    # The menus a voter must not reach while casting a secret ballot.
    window.locked_menus = [file_menu, edit_menu, go_menu, window.recent_menu]

    help_menu = window.help_menu
    help_menu.addAction(make_action(window, "&About CX Workshop", window.show_about))

    # Safety nets: put a backup back (locked with the File menu during a
    # ballot), and the log to send with a fault report.
    window.restore_backup_action = make_action(
        window, "Restore from &Backup…", window.restore_from_backup
    )
    file_menu.insertAction(window.close_action, window.restore_backup_action)
    file_menu.insertSeparator(window.close_action)
    window.open_log_action = make_action(window, "Open &Log Folder", window.open_log_folder)
    help_menu.addAction(window.open_log_action)


def fill_recent_menu(window: MainWindow) -> None:
    """The File menu's recent workshops, read as the menu opens."""
    window.recent_menu.clear()
    known = {s.id: s for s in window.store.list_workshops()}
    for workshop_id in window.options.recent:
        summary = known.get(workshop_id)
        if summary is None:
            continue
        action = window.recent_menu.addAction(summary.title)
        action.triggered.connect(lambda _=False, i=workshop_id: window.open_workshop(i))
    if window.recent_menu.isEmpty():
        window.recent_menu.addAction("No recent workshops").setEnabled(False)
