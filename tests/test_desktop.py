"""The tests marked ``desktop`` pass on a real X server too, not only offscreen.

Offscreen Qt has no platform key bindings (on X11 Redo is Ctrl+Shift+Z as well as Ctrl+Y),
no window manager placing and stacking windows, and no real keyboard focus. The marked
tests (shortcuts, focus, popups, drag and drop, window geometry, the audience window) run
a second time in a child pytest on Qt's xcb platform, on Xvfb at 1280×720 with a window
manager; this test reports each of their failures by name.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import desktop_run_key
from tests.helpers import xserver

#: Long enough for every desktop test on a slow machine, short of CI's own limit.
TIMEOUT = 900


@pytest.mark.slow
def test_the_desktop_tests_pass_on_a_real_x_server(request: pytest.FixtureRequest) -> None:
    why_not = xserver.missing()
    if why_not is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the desktop tests, but {why_not}")
        pytest.skip(why_not)
    run = request.config.stash[desktop_run_key]
    outcome = run.outcome(timeout=TIMEOUT)  # type: ignore[attr-defined]
    summary = outcome.output[-4000:]
    if outcome.failed:
        lines = [f"{len(outcome.failed)} desktop test(s) failed on xcb:"]
        lines += [
            f"  {name}: {why.splitlines()[0] if why else ''}"
            for name, why in outcome.failed.items()
        ]
        pytest.fail("\n".join([*lines, "", "The child run's output ends:", summary]), pytrace=False)
    assert outcome.passed, f"no desktop test ran on xcb:\n{summary}"
    assert outcome.returncode == 0, summary
