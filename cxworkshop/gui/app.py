"""Start the app: one QApplication, one store, one main window, and the safety nets around them.

One app per workshop file (a second launch brings the first forward), the
window on screen at once and the file opened just after its first paint (a
damaged file dealt with before any workshop is shown), a log, rolling
backups, and a checked close at quit.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from .. import __version__

if TYPE_CHECKING:
    from ..storage.store import Store
    from .main_window import MainWindow
    from .options import Options
    from .recovery import AutoBackup

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, created once with the app's names."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("CX Workshop")
    app.setApplicationDisplayName("CX Workshop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CX Workshop")
    app.setDesktopFileName("io.github.cxworkshop.CXWorkshop")
    return app


def open_store(db_path: Path, parent: QWidget | None = None) -> Store | None:
    """The store on ``db_path``; a damaged file is dealt with first. None: the user quit.

    ``parent``: the window the questions and messages belong to.
    """
    from ..domain.errors import WorkshopError
    from ..storage import safety
    from ..storage.errors import DamagedDatabase
    from ..storage.store import Store

    try:
        return Store(db_path)
    except DamagedDatabase as exc:
        damage = exc
    except WorkshopError as exc:
        from PySide6.QtWidgets import QMessageBox

        log.error("Could not open the workshop file: %s", type(exc).__name__)
        QMessageBox.critical(parent, "CX Workshop", str(exc))
        return None
    except Exception as exc:
        # Whatever else opening the file trips over says the file is damaged (the same
        # offer of a backup or a new file, never "could not start"), unless it is about
        # where the file is (busy, no permission, a failing disk): then it is left alone.
        if not safety.is_damage(exc):
            from PySide6.QtWidgets import QMessageBox

            log.error("Could not open the workshop file: %s", type(exc).__name__)
            QMessageBox.critical(parent, "CX Workshop", safety.cannot_write_message(db_path, exc))
            return None
        damage = safety.unreadable(db_path, exc)
    from .recovery import recover_damaged

    return recover_damaged(db_path, damage, parent)


def start(
    db_path: Path,
    options: Options | None = None,
    *,
    demo: bool = False,
    prepare: Callable[[], None] | None = None,
    then: Callable[[MainWindow], None] | None = None,
) -> MainWindow:
    """Show the main window now; open ``db_path`` and fill the window after its first paint.

    Until the file is open the window shows the library's heading (nothing, when
    a workshop is about to open). After the first paint, ``prepare`` runs and
    the app takes its icon; then the file is opened, the window lists the
    library, or opens the demo (``demo``) or the workshop left open at the last
    quit; ``then`` is called as soon as the library is there. If the file
    cannot be opened (the user chose to quit), or anything unforeseen goes
    wrong on the way, the app says so and exits with 1.
    """
    from .main_window import MainWindow
    from .options import Options

    options = options or Options()
    window = MainWindow(None, options, heading=not demo and options.last_workshop is None)

    def open_file() -> None:
        if prepare is not None:
            prepare()
        from .theme import app_icon

        # Loading the icon (an SVG) need not hold up the first frame.
        QApplication.setWindowIcon(app_icon())
        store = open_store(db_path, window)
        if store is None:
            QApplication.exit(1)
            return
        window.attach(store)
        if then is not None:
            then(window)
        if demo:
            from .ops.library import find_or_create_demo

            window.open_workshop(find_or_create_demo(store))
        elif options.last_workshop is not None:
            window.open_workshop(options.last_workshop)

    def open_file_or_quit() -> None:
        # Run from the event loop, an exception would otherwise leave a window
        # that never fills: say what happened and stop, as a failed start does.
        try:
            open_file()
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            from ..logging_setup import describe

            log.exception("Could not start: %s", describe(exc))
            QMessageBox.critical(
                window, "CX Workshop", f"CX Workshop could not start: {describe(exc)}"
            )
            QApplication.exit(1)

    window.call_after_first_paint(open_file_or_quit)
    window.show()
    return window


def close_store(store: Store) -> None:
    """Close the store at quit, checked: a sound file need not be checked at the next start."""
    from ..storage import safety

    try:
        # The library is read too: the next start trusts a file that matches the note.
        sound = store.is_sound()
    except Exception:
        sound = False
    store.close()
    if sound:
        safety.remember_clean_close(store.path)
    else:
        log.error(
            "The workshop file failed its check at quit; it will be checked at the next start"
        )


def _quit_on_termination(window: QWidget) -> None:
    """Close the window as if by Quit when the system asks the app to stop (SIGTERM, Ctrl+C).

    Python runs signal handlers only between its own instructions, so a light
    timer lets them in while Qt's event loop waits; the store is then closed
    cleanly and the next start skips the full check an unclean stop needs.
    """
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: QTimer.singleShot(0, window, window.close))
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def run(db_path: Path, *, demo: bool = False) -> int:
    """Open the main window on ``db_path``: the demo, the workshop left open, or the library.

    A second launch on the same file (by whatever path) brings the first
    window forward and exits with 0 without touching the file.
    """
    app = application()
    from .single_instance import Claim, SingleInstance, bring_to_front

    instance = SingleInstance(db_path)
    claim = instance.claim()
    if claim is Claim.ANSWERED:
        return 0
    if claim is Claim.SILENT:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            None,
            "CX Workshop",
            "CX Workshop is already open on this workshop file but does not answer. "
            "Close it (or wait until it responds) and try again.",
        )
        return 1

    def after_first_frame() -> None:
        # Setting up the log loads more than the window does; a second launch
        # is answered from now on, while the file is opened.
        from .. import logging_setup

        logging_setup.configure()
        log.info("CX Workshop %s starting", __version__)
        instance.listen()

    backups: list[AutoBackup] = []

    def start_backups(window: MainWindow) -> None:
        from .recovery import AutoBackup

        auto_backup = AutoBackup(lambda: window.store, window)
        auto_backup.sig_failed.connect(window.show_error)
        auto_backup.start()
        backups.append(auto_backup)

    def opened(window: MainWindow) -> None:
        if not take_the_file():
            return
        # Queued behind the library's paint: loading the backups' code need not
        # hold up the list.
        QTimer.singleShot(0, window, lambda: start_backups(window))

    def take_the_file() -> bool:
        # The file may have been made (a first start) or replaced (a recovery,
        # a restore) since the claim: the lock goes with the file now there.
        if instance.follow() is Claim.FIRST:
            log.info("This app holds the workshop file")
            return True
        # Another app took the file meanwhile: it keeps it, this one leaves.
        log.warning("Another app has this workshop file; this one closes")
        QTimer.singleShot(0, window, window.close)
        return False

    window = start(db_path, demo=demo, prepare=after_first_frame, then=opened)
    instance.sig_activation_requested.connect(lambda: bring_to_front(window))
    window.sig_file_replaced.connect(take_the_file)
    _quit_on_termination(window)
    code = app.exec()
    for auto_backup in backups:
        auto_backup.stop()
        # The file as the room left it, whatever happened in between.
        auto_backup.back_up_if_changed()
    if window.is_attached():
        close_store(window.store)
    instance.release()
    log.info("CX Workshop closed")
    return int(code)
