"""A real X server for the desktop tests: Xvfb with a window manager on it.

Offscreen Qt has no platform key bindings, no window manager and no real focus, so the
tests marked ``desktop`` run a second time in a child pytest on Qt's xcb platform, on a
virtual screen the size of a small projector. This module starts that screen and that
child; tests/test_desktop.py reports what the child found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The screen the desktop tests run on: the smallest a facilitator's projector offers.
SCREEN = (1280, 720)

#: Debian's names for what the desktop tests need, as .ci/run installs them.
PACKAGES = "xvfb openbox xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"

WINDOW_MANAGERS = ("openbox",)


def missing() -> str | None:
    """Why the desktop tests cannot run here, or None when they can."""
    if not sys.platform.startswith("linux"):
        return "the desktop tests need an X server (Xvfb), which only Linux has"
    if shutil.which("Xvfb") is None:
        return f"Xvfb is not installed (Debian and Ubuntu: apt-get install {PACKAGES})"
    if not any(shutil.which(wm) for wm in WINDOW_MANAGERS):
        return f"no window manager is installed (Debian and Ubuntu: apt-get install {PACKAGES})"
    return None


class XServer:
    """Xvfb on a free display with a window manager, for as long as the ``with`` lasts."""

    def __init__(self, width: int = SCREEN[0], height: int = SCREEN[1]) -> None:
        self.size = (width, height)
        self.display = ""
        self._processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> XServer:
        read_end, write_end = os.pipe()
        width, height = self.size
        server = subprocess.Popen(
            [
                *("Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-noreset"),
                *("-screen", "0", f"{width}x{height}x24"),
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        self._processes.append(server)
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        wm = next(shutil.which(name) for name in WINDOW_MANAGERS if shutil.which(name))
        self._processes.append(
            subprocess.Popen(
                [wm],
                env={**os.environ, "DISPLAY": self.display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        self._wait_for_window_manager()
        return self

    def _wait_for_window_manager(self) -> None:
        """Wait until the window manager answers for the root window (EWMH)."""
        xdotool = shutil.which("xdotool")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if xdotool is None:
                time.sleep(1)
                return
            answer = subprocess.run(
                [xdotool, "get_num_desktops"],
                env={**os.environ, "DISPLAY": self.display},
                capture_output=True,
                check=False,
            )
            if answer.returncode == 0:
                return
            time.sleep(0.05)
        raise RuntimeError("the window manager did not start on the virtual screen")

    def __exit__(self, *_: object) -> None:
        for process in reversed(self._processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._processes.clear()


@dataclass
class Outcome:
    """What the child run of the desktop tests found."""

    returncode: int
    output: str
    passed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


class DesktopRun:
    """The desktop tests in a child pytest on xcb, started now and read when done."""

    def __init__(self, node_ids: list[str] | None = None) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="cxworkshop-desktop-"))
        self._report = self._folder / "report.xml"
        self._log = self._folder / "output.txt"
        self._server = XServer()
        self._server.__enter__()
        env = {
            **os.environ,
            "DISPLAY": self._server.display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_CONFIG_HOME": str(self._folder / "config"),
            "XDG_DATA_HOME": str(self._folder / "data"),
            "XDG_RUNTIME_DIR": str(self._folder / "runtime"),
        }
        env.pop("WAYLAND_DISPLAY", None)
        (self._folder / "runtime").mkdir(mode=0o700)
        command = [sys.executable, "-m", "pytest", "-m", "desktop", "-p", "no:cacheprovider"]
        command += ["-q", f"--junitxml={self._report}", *(node_ids or ["tests"])]
        with self._log.open("wb") as log:
            self._child = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def outcome(self, timeout: float) -> Outcome:
        """Wait for the child (killing it after ``timeout`` seconds) and read its report."""
        try:
            returncode = self._child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._child.kill()
            returncode = self._child.wait()
        finally:
            self._server.__exit__()
        found = Outcome(returncode, self._log.read_text(errors="replace"))
        if not self._report.exists():
            return found
        for case in ET.parse(self._report).getroot().iter("testcase"):
            name = f"{case.get('classname', '')}::{case.get('name', '')}"
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            skipped = case.find("skipped")
            if problem is not None:
                found.failed[name] = problem.get("message", "") or (problem.text or "")
            elif skipped is not None:
                found.skipped[name] = skipped.get("message", "")
            else:
                found.passed.append(name)
        return found

    def cleanup(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)
