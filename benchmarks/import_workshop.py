"""Importing a workshop JSON file: time per assignment with 3,000 and with 21,000 assignments.

Issue 16 measured 34-50 s for 21,000 assignments against about 1 s for
3,000: import grew faster than the workshop. Here both files are the same
organisation (10 functions, 40 people, every one of them holding a role on
every goal), one with 60 goals and one with 420, so the big one is seven times
the small one in every part. Each run reads the file (parse and check, as
``cxworkshop import`` does) and stores it in a fresh library (one
transaction). The figure is the median time per assignment; the ratio of the
big file's to the small file's says whether import is linear (1.0x) or not.

    python benchmarks/import_workshop.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import Row

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.model import Assignee, Goal, Participant, Pillar, Role, Workshop
from cxworkshop.storage import interchange
from cxworkshop.storage.store import Store

SIZES = (3_000, 21_000)
ASSIGNEES = 50
"""10 functions and 40 people: each holds one role on every goal."""
AIM = 2.0
"""The big file's time per assignment is at most this many times the small file's."""


def workshop(assignments: int) -> Workshop:
    """A workshop with ``assignments`` assignments: 50 on each goal, one Accountable."""
    ws = editing.new_workshop(
        "Group customer experience charter", organisation="Meridian Group", date=dt.date(2027, 5, 4)
    )
    for f in default_functions():
        editing.add_function(ws, f)
    for i in range(ASSIGNEES - len(ws.functions)):
        function = ws.functions[i % len(ws.functions)]
        editing.add_participant(ws, Participant(f"Participant {i + 1:02d}", function.id))
    everyone = [Assignee.function(f.id) for f in ws.functions]
    everyone += [Assignee.participant(p.id) for p in ws.participants]
    roles = [Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED]
    for i in range(assignments // ASSIGNEES):
        goal = editing.add_goal(
            ws, Goal(list(Pillar)[i % 3], f"Customer goal {i + 1:03d}", metric="CES")
        )
        for n, who in enumerate(everyone):
            role = Role.ACCOUNTABLE if n == i % ASSIGNEES else roles[(i + n) % 3]
            editing.assign(ws, goal.id, who, role)
    assert len(ws.assignments) == assignments
    return ws


def import_seconds(path: Path, folder: Path, run: int) -> float:
    """Read ``path`` and store it in a new library, as ``cxworkshop import`` does."""
    start = time.perf_counter()
    ws = interchange.read(path)
    with Store(folder / f"library-{run}.sqlite3") as store:
        stored = store.import_workshop(ws)
    seconds = time.perf_counter() - start
    assert stored.id is not None
    return seconds


def run(repeat: int = 5) -> dict[int, list[float]]:
    """Seconds per import of each size; the runs alternate sizes so both see the same load."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {}
        for size in SIZES:
            files[size] = folder / f"workshop-{size}.json"
            interchange.write(workshop(size), files[size])
        times: dict[int, list[float]] = {size: [] for size in SIZES}
        for n in range(repeat):
            for size in SIZES:
                times[size].append(import_seconds(files[size], folder, n * 10 + size))
    return times


def measure() -> list[Row]:
    times = run()
    small, big = (statistics.median(times[size]) / size * 1e6 for size in SIZES)
    return [
        Row("import", f"JSON import, {SIZES[0]:,} assignments", small, "µs/assignment"),
        Row(
            "import",
            f"JSON import, {SIZES[1]:,} assignments (ratio to {SIZES[0]:,})",
            big,
            "µs/assignment",
            small,
            f"<= {AIM:.0f}x per assignment",
            big <= AIM * small,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    times = run(args.repeat)
    print(f"{'assignments':>12}{'median s':>10}{'µs/assignment':>15}")
    for size in SIZES:
        median = statistics.median(times[size])
        print(f"{size:12,}{median:10.2f}{median / size * 1e6:15.1f}")
    small, big = (statistics.median(times[s]) / s for s in SIZES)
    print(f"ratio per assignment, {SIZES[1]:,} to {SIZES[0]:,}: {big / small:.2f}x (aim <= {AIM}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
