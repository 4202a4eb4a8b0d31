"""Cold start of the app, as ratios to a bare PySide6 QMainWindow started the same way.

Each run is a fresh Python process. The parent notes the wall-clock time just
before starting it; the child prints the wall-clock time of the moment measured:
- bare: the first paint of an empty QMainWindow;
- app, first paint: the first paint of the main window on an empty database;
- app, library listed: the first paint of the library's table holding all
  workshops of a database of 1,000.
Runs alternate (bare, app, app with 1,000, bare, ...) so all three see the
same machine conditions; each figure is the median of the runs.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cxworkshop.domain.demo import demo_workshop
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
from cxworkshop.gui.app import application
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            app.exit(0)
        return False

app = application()
store = Store(Path(sys.argv[1]))
window = MainWindow(store, Options(Path(sys.argv[2])))
probe = FirstPaint()
target = window if sys.argv[3] == "window" else window.library_page.table.viewport()
target.installEventFilter(probe)
window.show()
app.exec()
"""


def launch(code: str, *args: str) -> float:
    """Seconds from starting a child process to the moment it reports."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workshops", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp) / "empty.sqlite3", Path(tmp) / "full.sqlite3"
        Store(empty).close()
        with Store(full) as store:
            demo = demo_workshop()
            for _ in range(args.workshops):
                store.create_workshop(demo)
        settings = str(Path(tmp) / "settings.ini")
        bare, first, listed = [], [], []
        launch(CHILD_BARE)  # warm the file cache once, unmeasured
        for _ in range(args.runs):
            bare.append(launch(CHILD_BARE))
            first.append(launch(CHILD_APP, str(empty), settings, "window"))
            listed.append(launch(CHILD_APP, str(full), settings, "library"))
    b, f, li = (statistics.median(x) * 1000 for x in (bare, first, listed))
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"median of {args.runs} runs each"
    )
    print(f"{'':38}{'ms':>8}{'ratio':>8}")
    print(f"{'bare QMainWindow, first paint':38}{b:8.0f}{1:8.2f}")
    print(f"{'main window, first paint':38}{f:8.0f}{f / b:8.2f}")
    print(f"{f'library listed, {args.workshops} workshops':38}{li:8.0f}{li / b:8.2f}")
    print("aim: first paint <= 1.5x, library listed <= 2x")


if __name__ == "__main__":
    main()
