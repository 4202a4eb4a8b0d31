"""Going from step to step all day holds no more memory at the end than after the first hour.

A workshop's steps are shown again and again in the room; whatever a step
makes each time it is painted must be let go or reused, or the app grows
until the laptop slows. Measured as the process's resident memory, with
Python's garbage collected and the C library's free memory handed back first.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cxworkshop.domain.model import Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store
from tests.unit.test_charter import large_workshop

SWITCHES = 500
WARM_UP = 50


def resident_bytes() -> int:
    """Resident memory after collecting garbage and returning free heap pages to the system."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and glibc")
def test_switching_steps_500_times_on_a_300_goal_workshop_levels_off(
    qtbot, store: Store, tmp_path: Path
):
    ws = store.create_workshop(large_workshop(300, people=12))
    assert ws.id is not None
    window = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.open_workshop(ws.id)
    # Set-up (people, functions, principles) and the vision: the steps a
    # facilitator goes back to most, and quick enough to show 500 times here.
    steps = [Step.SETUP, Step.VISION]

    def switch(times: int) -> None:
        for i in range(times):
            # Not remembered in the file: 500 commits would only slow the test.
            window.go_to(steps[i % 2], remember=False)
            QApplication.processEvents()  # painted, as on screen

    switch(WARM_UP)
    start = resident_bytes()
    half = (SWITCHES - WARM_UP) // 2
    switch(half)
    middle = resident_bytes()
    switch(half)
    end = resident_bytes()
    first, second = middle - start, end - middle
    assert second < 256 * 1024, (
        f"memory still grows: {first // 1024} KiB over the first {half} switches, "
        f"{second // 1024} KiB over the next {half}"
    )
