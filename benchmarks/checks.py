"""The accountability checks at 30, 300 and 3,000 goals: the time per goal should stay flat.

The accountability step runs the checks (and each function's coverage)
whenever the board changes, and the charter runs them again. Each workshop
is a big organisation's (see ``pdf_export.large_workshop``: every goal with
an Accountable, two Responsibles, a Consulted and an Informed; 40 people).
Side by side, the baseline is one bare pass over the same workshop that
files every assignment under its goal: the least any check of every goal
must do. The ratio says what the checks cost on top of reading the board
once; the last row says whether the time per goal grows with the workshop.

    python benchmarks/checks.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from common import Row
from pdf_export import large_workshop

from cxworkshop.domain import checks
from cxworkshop.domain.model import Workshop

SIZES = (30, 300, 3000)


def one_pass(ws: Workshop) -> dict[str, list[object]]:
    """The baseline: every assignment filed under its goal, once."""
    by_goal: dict[str, list[object]] = {g.id: [] for g in ws.goals}
    for a in ws.assignments:
        by_goal[a.goal_id].append(a.assignee)
    return by_goal


def the_checks(ws: Workshop) -> None:
    """What the accountability step runs on each change: the findings and the coverage."""
    checks.check(ws)
    checks.coverage(ws)


def per_goal_us(runs: int, ws: Workshop) -> tuple[float, float]:
    """Median microseconds per goal of the checks and of the baseline, taken in turn."""
    timed: dict[str, list[float]] = {"checks": [], "baseline": []}
    calls: dict[str, Callable[[Workshop], object]] = {"checks": the_checks, "baseline": one_pass}
    # Enough repeats that even the 30-goal workshop takes a measurable time.
    repeat = max(1, 3000 // len(ws.goals))
    for _ in range(runs):
        for name, call in calls.items():
            start = time.perf_counter()
            for _ in range(repeat):
                call(ws)
            timed[name].append((time.perf_counter() - start) / repeat / len(ws.goals) * 1e6)
    return statistics.median(timed["checks"]), statistics.median(timed["baseline"])


def measure(runs: int = 15) -> list[Row]:
    rows = []
    per_goal = {}
    for n in SIZES:
        ws = large_workshop(n)
        value, baseline = per_goal_us(runs, ws)
        per_goal[n] = value
        rows.append(Row("checks", f"{n} goals, per goal", value, "us", baseline))
    growth = per_goal[SIZES[-1]] / per_goal[SIZES[0]]
    rows.append(
        Row(
            "checks",
            f"per goal at {SIZES[-1]} over at {SIZES[0]}",
            growth,
            "x",
            aim="<= 2x",
            met=growth <= 2,
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for row in measure(args.runs):
        ratio = ""
        if row.ratio:
            ratio = f"  {row.ratio:.2f}x the baseline ({row.baseline:.2f} {row.unit})"
        aim = f"  aim {row.aim}: {'met' if row.met else 'MISSED'}" if row.aim else ""
        print(f"{row.what:32}{row.value:10.2f} {row.unit}{ratio}{aim}")


if __name__ == "__main__":
    main()
