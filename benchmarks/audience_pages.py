"""Turning a page of the audience screen: from the clicker's key to the page painted.

The audience screen lays each step out at the type floor and cuts it into
pages; every repaint lays the whole step out again (measuring every title, so a
shortened one ends at a whole word) and draws one page. This measures, at
1920×1080, a page turn until the window has repainted, on the goals and the
accountability overviews of a 30-goal and a 300-goal workshop; the baseline is
a repaint of a bare widget of the same size. Both are synchronous repaints
(``QWidget.repaint``), taken in turn.

    python benchmarks/audience_pages.py [--turns 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Row, percentile
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import (
    Assignee,
    Assignment,
    Goal,
    Participant,
    Pillar,
    Role,
    Step,
    Workshop,
)
from cxworkshop.gui.audience import AudienceWindow
from cxworkshop.gui.session import Session
from cxworkshop.storage.store import Store

SIZE = (1920, 1080)
INSTANT_MS = 100.0
"""A slide that changes within a tenth of a second reads as changing at once."""


def workshop(goals: int) -> Workshop:
    """The demo grown to ``goals`` goals, each with a measure and an Accountable."""
    ws = demo_workshop()
    for i in range(len(ws.goals), goals):
        ws.goals.append(
            Goal(
                list(Pillar)[i % 3],
                f"Answer every customer question on the first contact, channel {i + 1}",
                metric="Share of customers",
                baseline=f"{i % 50}%",
                target=f"{i % 50 + 20}%",
            )
        )
    while len(ws.participants) < 20:
        ws.participants.append(Participant(f"Person {len(ws.participants) + 1}"))
    for i, goal in enumerate(ws.goals[9:]):
        person = ws.participants[i % len(ws.participants)]
        ws.assignments.append(
            Assignment(goal.id, Assignee.participant(person.id), Role.ACCOUNTABLE)
        )
    return ws


class Bare(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#07080A"))
        painter.end()


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def run(goals: int, step: Step, turns: int) -> tuple[list[float], list[float], int]:
    """(page turn ms, bare repaint ms, pages) for ``step`` of a ``goals``-goal workshop."""
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        created = store.create_workshop(workshop(goals))
        assert created.id is not None
        window = AudienceWindow()
        window.set_session(Session(store, created.id))
        window.set_step(step)
        window.resize(*SIZE)
        window.show()
        bare = Bare()
        bare.resize(*SIZE)
        bare.show()
        for _ in range(3):
            app.processEvents()
        pages = window.page_count()
        turned, plain = [], []
        for i in range(turns):

            def turn(i: int = i) -> None:
                # Forward through the pages and back to the first, as a facilitator would.
                if not window.turn_page(1):
                    window.page = 0
                    window.show_page()
                window.repaint()

            turned.append(timed(turn))
            plain.append(timed(bare.repaint))
        window.close()
        bare.close()
        store.close()
        return turned, plain, pages


def measure(turns: int = 60) -> list[Row]:
    rows = []
    for goals, step in ((30, Step.GOALS), (30, Step.ACCOUNTABILITY), (300, Step.ACCOUNTABILITY)):
        turned, plain, pages = run(goals, step, turns)
        median = statistics.median(turned)
        rows.append(
            Row(
                f"audience, {goals} goals",
                f"{step.label}: page turn -> painted ({pages} pages)",
                median,
                "ms",
                statistics.median(plain),
                "<= 100 ms",
                median <= INSTANT_MS,
            )
        )
        rows.append(
            Row(
                f"audience, {goals} goals",
                f"{step.label}: page turn, p99",
                percentile(turned, 0.99),
                "ms",
                percentile(plain, 0.99),
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=100)
    args = parser.parse_args()
    for row in measure(args.turns):
        ratio = f"{row.ratio:.2f}x" if row.ratio else ""
        bare = row.baseline or 0.0
        print(
            f"{row.benchmark:20} {row.what:52} {row.value:8.2f} ms  bare {bare:6.2f} ms"
            f"  {ratio:>7}  {row.aim}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
