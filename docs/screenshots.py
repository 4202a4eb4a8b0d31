"""Regenerate the README's screenshots from the demo workshop, offscreen, at 1600×1000.

    python docs/screenshots.py [--out docs/screenshots] [--theme light]

Each screenshot is the real main window, driven the way a facilitator would.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Status, Step
from cxworkshop.gui.app import application
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.theme import ThemeName
from cxworkshop.storage.store import Store

SIZE = (1600, 1000)

OTHER_WORKSHOPS = [
    ("Onboarding experience sprint", "Northwind Outdoor Co.", "2027-01-20", Status.RUNNING),
    ("Contact centre reset", "Harbour Mutual Insurance", "2026-11-09", Status.DONE),
    ("Advocacy programme kick-off", "Lumen Health", "2027-02-03", Status.DRAFT),
    ("Retail journey review", "Copperleaf Home", "2026-10-14", Status.DONE),
    ("B2B renewal workshop", "Tessera Software", "2026-12-01", Status.RUNNING),
]


def fill(store: Store) -> int:
    """The demo workshop and a few others, as a facilitator's library might hold."""
    for title, organisation, date, status in OTHER_WORKSHOPS:
        ws = editing.new_workshop(title, organisation=organisation, date=date, status=status)
        store.create_workshop(ws)
    demo = store.create_workshop(demo_workshop())
    assert demo.id is not None
    return demo.id


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(window: MainWindow, app: QApplication, path: Path) -> None:
    settle(app)
    window.grab().save(str(path))
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument(
        "--theme", default=ThemeName.LIGHT.value, choices=[t.value for t in ThemeName]
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "workshops.sqlite3")
        demo_id = fill(store)
        options = Options(Path(tmp) / "settings.ini")
        options.theme = ThemeName(args.theme)
        options.add_recent(demo_id)
        window = MainWindow(store, options)
        window.resize(*SIZE)
        window.show()
        window.library_page.select(demo_id)

        scenes: list[tuple[str, Callable[[], object]]] = [
            ("library", lambda: None),
            ("setup", lambda: (window.open_workshop(demo_id), window.go_to(Step.SETUP))),
            ("vision", lambda: window.go_to(Step.VISION)),
            ("goals", lambda: select_goal(window, store, demo_id)),
        ]
        for name, prepare in scenes:
            prepare()
            shoot(window, app, args.out / f"{name}.png")
        window.close()
        store.close()
    return 0


def select_goal(window: MainWindow, store: Store, demo_id: int) -> None:
    window.go_to(Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    keep = editing.goals_in(store.workshop(demo_id), Pillar.KEEP)
    page.select_goal(keep[0].id)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
