"""What every benchmark shares: a row of the summary table, and the machine it ran on.

Each benchmark's ``measure()`` returns its figures as :class:`Row` objects;
``benchmarks/run_all.py`` runs them all and prints one table.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Row:
    """One figure: what was measured, its value, the baseline beside it, and the aim."""

    benchmark: str
    what: str
    value: float
    unit: str
    baseline: float | None = None
    """The same measurement of the bare library or toolkit, in the same unit."""
    aim: str = ""
    met: bool | None = None
    """Whether ``value`` meets the aim (None: the row has no aim)."""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        return cls(**data)


def percentile(samples: list[float], q: float) -> float:
    """The ``q`` quantile (0…1) of ``samples``, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cpu_model() -> str:
    """The processor's marketing name where the system says it, else its architecture."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return " ".join(line.split(":", 1)[1].split())
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    """Physical memory, where the system tells it."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return None


def resident_mib() -> float:
    """This process's resident memory now (Linux), or its peak where only that is known."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        pages = int(statm.read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
        ctypes.windll.psapi.GetProcessMemoryInfo(  # type: ignore[attr-defined]
            process, ctypes.byref(counters), counters.cb
        )
        return counters.WorkingSetSize / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # macOS counts bytes, the other Unixes kibibytes.
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def machine() -> str:
    """One line on the machine and the software the figures came from."""
    parts = [f"{cpu_model()}, {os.cpu_count()} cores"]
    memory = memory_gib()
    if memory:
        parts.append(f"{memory:.0f} GiB")
    parts.append(f"{platform.system()} {platform.release()}")
    parts.append(f"Python {platform.python_version()}")
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        parts.append(f"Qt {qVersion()} (PySide6 {PySide6.__version__})")
    except ImportError:
        pass
    parts.append(f"SQLite {sqlite3.sqlite_version}")
    try:
        import reportlab

        parts.append(f"reportlab {reportlab.Version}")
    except ImportError:
        pass
    parts.append(f"Qt platform {os.environ.get('QT_QPA_PLATFORM') or 'default'}")
    return "; ".join(parts)
