"""Per-edit commit latency on a database holding 1,000 workshops.

Each edit is a real store operation (one transaction, committed with
synchronous=FULL in WAL mode). Side by side, the same number of bare
single-row UPDATE commits on a raw sqlite3 connection with the same pragmas
give the baseline: the ratio says what the store adds on top of SQLite.

    python benchmarks/commit_latency.py [--workshops 1000] [--edits 600]
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common import Row

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Assignee, Pillar, Role
from cxworkshop.storage.store import Store


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fill(store: Store, count: int) -> int:
    """Store ``count`` demo workshops; return the id of the last one."""
    template = demo_workshop()
    last = 0
    for _ in range(count):
        last = store.create_workshop(template).id or 0
    return last


def store_edits(store: Store, workshop_id: int) -> list[Callable[[], object]]:
    """A mix of the edits a facilitator makes most: text, moves, assignments."""
    ws = store.workshop(workshop_id)
    goals = [g.id for g in ws.goals]
    functions = [f.id for f in ws.functions]
    counter = iter(range(10**9))

    def retitle() -> object:
        return store.update_goal(workshop_id, goals[0], target=f"{next(counter)}%")

    def move() -> object:
        n = next(counter)
        return store.move_goal(workshop_id, goals[n % len(goals)], list(Pillar)[n % 3], 0)

    def assign() -> object:
        n = next(counter)
        who = Assignee.function(functions[n % len(functions)])
        return store.assign(workshop_id, goals[n % len(goals)], who, list(Role)[1 + n % 3])

    return [retitle, move, assign]


def time_calls(calls: list[Callable[[], object]], edits: int) -> list[float]:
    samples = []
    for i in range(edits):
        call = calls[i % len(calls)]
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bare_commits(path: Path, edits: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")
    samples = []
    for i in range(edits):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("UPDATE t SET v = ? WHERE id = 1", [str(i)])
        conn.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
    conn.close()
    return samples


@dataclass(frozen=True)
class Latency:
    """Per-edit times, in milliseconds, of the store and of bare commits."""

    workshops: int
    filled_s: float
    store: list[float]
    bare: list[float]


def run(workshops: int = 1000, edits: int = 600) -> Latency:
    """Time ``edits`` store edits on a database of ``workshops``, interleaved with bare commits."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite3") as store:
        start = time.perf_counter()
        workshop_id = fill(store, workshops)
        filled = time.perf_counter() - start
        calls = store_edits(store, workshop_id)
        time_calls(calls, 30)  # warm the page cache
        # Interleave the two so both see the same machine conditions.
        app, bare = [], []
        for _ in range(6):
            app += time_calls(calls, edits // 6)
            bare += bare_commits(Path(tmp) / f"bare{len(bare)}.sqlite3", edits // 6)
    return Latency(workshops, filled, app, bare)


def measure() -> list[Row]:
    """The summary rows: median and p99 of a store edit, beside a bare SQLite commit."""
    result = run()
    name = f"commit, {result.workshops} workshops"
    median, p99 = statistics.median(result.store), percentile(result.store, 0.99)
    return [
        Row(
            name,
            "store edit, median",
            median,
            "ms",
            statistics.median(result.bare),
            "<= 2 ms",
            median <= 2,
        ),
        Row(
            name, "store edit, p99", p99, "ms", percentile(result.bare, 0.99), "<= 10 ms", p99 <= 10
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=600)
    args = parser.parse_args()
    result = run(args.workshops, args.edits)
    app, bare = result.store, result.bare
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print(f"database: {args.workshops} workshops (filled in {result.filled_s:.1f} s)")
    print(f"{'':24}{'median ms':>10}{'p99 ms':>10}")
    for name, samples in (("store edit", app), ("bare sqlite commit", bare)):
        print(f"{name:24}{statistics.median(samples):10.3f}{percentile(samples, 0.99):10.3f}")
    print(
        f"ratio (store / bare): median {statistics.median(app) / statistics.median(bare):.2f}x, "
        f"p99 {percentile(app, 0.99) / percentile(bare, 0.99):.2f}x"
    )
    print("aim: median <= 2 ms, p99 <= 10 ms")


if __name__ == "__main__":
    main()
