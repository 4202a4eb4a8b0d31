"""Run every benchmark and print one table of figures, with the machine they came from.

    python benchmarks/run_all.py [--only startup memory ...]

Each benchmark runs in a fresh Python process of its own (through its
``measure()``), so none inherits another's Qt state, caches or memory. A
benchmark that fails is reported in its row and the others still run; the
exit status is then 1. The whole run takes about two minutes on a two-core
laptop. Each benchmark can also be run alone for its detailed output, e.g.
``python benchmarks/startup.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import Row, machine

HERE = Path(__file__).resolve().parent

BENCHMARKS = {
    "startup": "start-up: the main window and the library, against a bare window",
    "commit_latency": "per-edit commit latency with 1,000 workshops",
    "open_big_workshop": "opening a 300-goal workshop: load, both boards painted",
    "drop_to_repaint": "drop to repaint on the accountability board",
    "edit_with_workshop_open": "one edit with the whole workshop open, 9 and 300 goals",
    "pdf_export": "PDF charter: the demo and 100 goals, against bare reportlab",
    "checks": "accountability checks at 30, 300 and 3,000 goals, per goal",
    "memory": "resident memory with the 300-goal workshop open",
    "audience_pages": "turning a page of the audience screen, 30 and 300 goals",
    "phones_burst": "30 phones voting at once while the window runs",
    "import_workshop": "importing a workshop JSON with 3,000 and with 21,000 assignments",
}


def run_child(name: str) -> int:
    """In a fresh process: run one benchmark's ``measure()`` and print its rows as JSON."""
    sys.path.insert(0, str(HERE))
    rows = importlib.import_module(name).measure()
    print(json.dumps([row.to_json() for row in rows]), flush=True)
    return 0


def measure(name: str) -> tuple[list[Row], str | None, float]:
    """Rows of one benchmark, why it failed (or None), and how long it took."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", name],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("["):
        errors = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return [], errors[-1] if errors else f"exit status {done.returncode}", seconds
    return [Row.from_json(item) for item in json.loads(lines[-1])], None, seconds


def figure(value: float, unit: str) -> str:
    if unit == "MiB":
        return f"{value:.0f} {unit}"
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f} {unit}"


def table(results: list[tuple[str, list[Row], str | None]]) -> list[str]:
    """The rows as aligned text: value, baseline, ratio, aim and whether it is met."""
    header = ("benchmark", "measured", "value", "baseline", "ratio", "aim", "")
    cells: list[tuple[str, ...]] = [header]
    failures: dict[int, str] = {}
    for name, rows, failure in results:
        if failure is not None:
            failures[len(cells)] = f"{name}  FAILED: {failure}"
            cells.append(("",) * 7)
        for row in rows:
            ratio = row.ratio
            verdict = "" if row.met is None else "met" if row.met else "MISSED"
            cells.append(
                (
                    row.benchmark,
                    row.what,
                    figure(row.value, row.unit),
                    figure(row.baseline, row.unit) if row.baseline else "",
                    f"{ratio:.2f}x" if ratio is not None else "",
                    row.aim,
                    verdict,
                )
            )
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    right = {2, 3, 4}
    out = []
    for n, line in enumerate(cells):
        if n in failures:
            out.append(failures[n])
            continue
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("  ".join(parts).rstrip())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", nargs="+", choices=list(BENCHMARKS), help="run only these benchmarks"
    )
    parser.add_argument("--child", choices=list(BENCHMARKS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return run_child(args.child)

    sys.path.insert(0, str(HERE.parent))
    from cxworkshop import __version__

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = args.only or list(BENCHMARKS)
    # Other work on the machine skews every figure: say how busy it was.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    started = time.perf_counter()
    results = []
    for name in names:
        print(f"running {name}: {BENCHMARKS[name]} ...", file=sys.stderr, flush=True)
        rows, failure, seconds = measure(name)
        note = f"failed: {failure}" if failure else f"{seconds:.0f} s"
        print(f"  {note}", file=sys.stderr, flush=True)
        results.append((name, rows, failure))
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"CX Workshop {__version__} benchmarks, {when}")
    print(f"machine: {machine()}")
    if load is not None:
        print(f"load average when the run began: {load:.2f} (1 minute)")
    print()
    for line in table(results):
        print(line)
    total = time.perf_counter() - started
    missed = sum(1 for _, rows, _ in results for row in rows if row.met is False)
    failed = sum(1 for _, _, failure in results if failure)
    print()
    print(
        f"{len(names)} benchmarks in {total:.0f} s; "
        f"{missed} aim{'s' if missed != 1 else ''} missed"
        + (f"; {failed} failed" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
