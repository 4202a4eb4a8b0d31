"""Test set-up: Qt runs offscreen, so the whole suite works without a display.

The tests marked ``desktop`` run once more on a real X server (see tests/helpers/xserver.py):
the child run starts as soon as collection is done, beside the rest of the suite, and
tests/test_desktop.py waits for it at the end.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The suite shares the machine with the desktop run beside it, and CI machines are
# noisy: how long an example takes says nothing of whether the rules hold.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

pytest_plugins = ["tests.helpers.fixtures"]

DESKTOP_CHECK = "tests/test_desktop.py::test_the_desktop_tests_pass_on_a_real_x_server"
desktop_run_key = pytest.StashKey["object"]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The desktop check waits for its child run: it goes last, so the two run side by side."""
    items.sort(key=lambda item: item.nodeid == DESKTOP_CHECK)


def pytest_collection_finish(session: pytest.Session) -> None:
    if not any(item.nodeid == DESKTOP_CHECK for item in session.items):
        return
    from tests.helpers import xserver

    if xserver.missing() is None:
        session.config.stash[desktop_run_key] = xserver.DesktopRun()


def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(desktop_run_key, None)
    if run is not None:
        run.outcome(timeout=0)  # type: ignore[attr-defined]
        run.cleanup()  # type: ignore[attr-defined]
