"""Start the app: one QApplication, one store, one main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..domain.errors import WorkshopError
from ..storage.store import Store


def find_or_create_demo(store: Store) -> int:
    """The id of the demo workshop, made on first use."""
    from ..domain.demo import demo_workshop

    demo = demo_workshop()
    for summary in store.list_workshops(demo.title):
        if summary.title == demo.title and summary.organisation == demo.organisation:
            return summary.id
    created = store.create_workshop(demo)
    assert created.id is not None
    return created.id


def application() -> QApplication:
    """The QApplication, created once with the app's names."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("CX Workshop")
    app.setApplicationDisplayName("CX Workshop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CX Workshop")
    app.setDesktopFileName("cxworkshop")
    from .theme import app_icon

    app.setWindowIcon(app_icon())
    return app


def run(db_path: Path, *, demo: bool = False) -> int:
    """Open the main window on ``db_path``: the demo, the workshop left open, or the library."""
    app = application()
    try:
        store = Store(db_path)
    except WorkshopError as exc:
        QMessageBox.critical(None, "CX Workshop", str(exc))
        return 1
    from .main_window import MainWindow

    window = MainWindow(store)
    if demo:
        window.open_workshop(find_or_create_demo(store))
    elif window.options.last_workshop is not None:
        window.open_workshop(window.options.last_workshop)
    window.show()
    code = app.exec()
    store.close()
    return int(code)
