"""Cold start of the app, as ratios to a bare PySide6 QMainWindow started the same way.

Each run is a fresh Python process. The parent notes the wall-clock time just
before starting it; the child prints the wall-clock time of the moment measured:
- bare: the first paint of an empty QMainWindow;
- app, first paint: the first paint of the main window, started the way the
  app starts (``cxworkshop.gui.app.start``: the window first, the file
  opened just after its first paint), on an empty database;
- app, library listed: the first paint of the library's table holding all
  workshops of a database of 1,000.
Runs alternate (bare, app, app with 1,000, bare, ...) so all three see the
same machine conditions; each figure is the median of the runs.

The app's modules are compiled to bytecode first, as installing the app does;
each app child closes its database the way the app does at Quit, so every run
is the ordinary start after a clean quit.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import Row

import cxworkshop
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.gui.app import close_store
from cxworkshop.storage.store import Store

CHILD_BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1600, 1000)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

CHILD_APP = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from cxworkshop.gui.app import application, close_store, start
from cxworkshop.gui.options import Options

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            app.exit(0)
        return False

def watch_library(window):
    # The table and its rows are painted in one pass; the probe watches the
    # table (the viewport would cost a type lookup of its own to reach).
    window.library_page.table.installEventFilter(probe)

app = application()
probe = FirstPaint()
# The app's own start: the window first, the file opened after its first paint.
library = sys.argv[3] == "library"
then = watch_library if library else None
window = start(Path(sys.argv[1]), Options(Path(sys.argv[2])), then=then)
if not library:
    window.installEventFilter(probe)
app.exec()
if window.is_attached():
    close_store(window.store)
"""


def launch(code: str, *args: str) -> float:
    """Seconds from starting a child process to the moment it reports."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


@dataclass(frozen=True)
class Startup:
    """Medians, in milliseconds from process start, of each kind of start."""

    runs: int
    workshops: int
    bare: float
    first_paint: float
    listed: float
    paired_first_paint: float
    """The median of each run's own ratio to the bare run just before it."""
    paired_listed: float


def run(runs: int = 15, workshops: int = 1000) -> Startup:
    """Start the bare window and the app ``runs`` times each, alternating; the medians."""
    compileall.compile_dir(Path(cxworkshop.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp) / "empty.sqlite3", Path(tmp) / "full.sqlite3"
        # Closed the way the app closes at Quit, so each start is the ordinary
        # one after a clean quit, not the first start after a crash.
        close_store(Store(empty))
        store = Store(full)
        demo = demo_workshop()
        for _ in range(workshops):
            store.create_workshop(demo)
        close_store(store)
        settings = str(Path(tmp) / "settings.ini")
        bare, first, listed = [], [], []
        launch(CHILD_BARE)  # warm the file cache once, unmeasured
        for _ in range(runs):
            bare.append(launch(CHILD_BARE))
            first.append(launch(CHILD_APP, str(empty), settings, "window"))
            listed.append(launch(CHILD_APP, str(full), settings, "library"))
    b, f, li = (statistics.median(x) * 1000 for x in (bare, first, listed))

    def paired(app: list[float]) -> float:
        return statistics.median(a / base for a, base in zip(app, bare, strict=True))

    return Startup(runs, workshops, b, f, li, paired(first), paired(listed))


def measure() -> list[Row]:
    """The summary rows: the app's first paints as ratios to a bare window's."""
    result = run()
    b = result.bare
    return [
        Row("start-up", "bare QMainWindow, first paint", b, "ms"),
        Row(
            "start-up",
            "main window, first paint",
            result.first_paint,
            "ms",
            b,
            "<= 1.5x",
            result.first_paint <= 1.5 * b,
        ),
        Row(
            "start-up",
            f"library listed, {result.workshops} workshops",
            result.listed,
            "ms",
            b,
            "<= 2x",
            result.listed <= 2 * b,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--workshops", type=int, default=1000)
    args = parser.parse_args()
    result = run(args.runs, args.workshops)
    b, f, li = result.bare, result.first_paint, result.listed
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"median of {args.runs} runs each"
    )
    print(f"{'':38}{'ms':>8}{'ratio':>8}{'paired':>8}")
    print(f"{'bare QMainWindow, first paint':38}{b:8.0f}{1:8.2f}")
    print(f"{'main window, first paint':38}{f:8.0f}{f / b:8.2f}{result.paired_first_paint:8.2f}")
    listed = f"library listed, {args.workshops} workshops"
    print(f"{listed:38}{li:8.0f}{li / b:8.2f}{result.paired_listed:8.2f}")
    print("ratio: of the medians; paired: the median of each run's ratio to the bare run beside it")
    print("aim: first paint <= 1.5x, library listed <= 2x")


if __name__ == "__main__":
    main()
