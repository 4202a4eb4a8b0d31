"""Resident memory after opening a 300-goal workshop, beside a bare PySide6 window.

Each run is a fresh Python process, started as a double-click would:

- bare: an empty QMainWindow, shown at 1600×1000, after its first paint;
- app, at Goals: the app opened on the 300-goal workshop of
  ``open_big_workshop.py`` (left at the Goals step), after the goals board's
  first paint;
- app, both boards: the same process after going on to Accountability and
  painting that board too: every goal is then a card on both boards.

Resident memory is what the process holds in RAM (VmRSS on Linux; the
working set on Windows; the peak on macOS, which tells no more). Each figure
is the median of the runs.

    python benchmarks/memory.py [--runs 3] [--goals 300]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from common import Row
from open_big_workshop import child_env, launch_app, make_database

from cxworkshop.domain.model import Step

CHILD_BARE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from common import resident_mib

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    print(json.dumps({"rss_mib": resident_mib()}), flush=True)
    QApplication.instance().exit(0)

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1600, 1000)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


@dataclass(frozen=True)
class Memory:
    """Medians of resident memory, in MiB."""

    runs: int
    goals: int
    bare: float
    at_goals: float
    both_boards: float


def bare_window() -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD_BARE],
        capture_output=True,
        text=True,
        env=child_env(),
        check=True,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["rss_mib"])


def run(runs: int = 3, goals: int = 300) -> Memory:
    """Start the bare window and the app on the big workshop ``runs`` times each."""
    with tempfile.TemporaryDirectory() as tmp:
        at_goals, _at_accountability, workshop_id = make_database(Path(tmp), goals)
        settings = str(Path(tmp) / "settings.ini")
        bare, opened, both = [], [], []
        for _ in range(runs):
            bare.append(bare_window())
            _seconds, report = launch_app(at_goals, settings, workshop_id, Step.GOALS, "switch")
            opened.append(report["rss_opened_mib"])
            both.append(report["rss_mib"])
    return Memory(
        runs,
        goals,
        statistics.median(bare),
        statistics.median(opened),
        statistics.median(both),
    )


AIM_RATIO = 3.0
"""The app with a big workshop on both boards holds at most this many times a bare window."""


def measure() -> list[Row]:
    """The summary rows: resident memory with the big workshop open, beside a bare window."""
    r = run()
    name = f"memory, {r.goals} goals"
    return [
        Row(name, "bare QMainWindow, painted", r.bare, "MiB"),
        Row(name, "app, open at Goals", r.at_goals, "MiB", r.bare),
        Row(
            name,
            "app, after Accountability too",
            r.both_boards,
            "MiB",
            r.bare,
            f"<= {AIM_RATIO:g}x",
            r.both_boards <= AIM_RATIO * r.bare,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--goals", type=int, default=300)
    args = parser.parse_args()
    r = run(args.runs, args.goals)
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"median of {args.runs} runs each"
    )
    print(f"{'resident memory':40}{'MiB':>8}{'ratio':>8}")
    print(f"{'bare QMainWindow, painted':40}{r.bare:8.0f}{1:8.2f}")
    print(
        f"{f'app, {args.goals} goals open at Goals':40}{r.at_goals:8.0f}{r.at_goals / r.bare:8.2f}"
    )
    print(f"{'app, after Accountability too':40}{r.both_boards:8.0f}{r.both_boards / r.bare:8.2f}")
    print(f"aim: <= {AIM_RATIO:g}x a bare window with both boards built")


if __name__ == "__main__":
    main()
