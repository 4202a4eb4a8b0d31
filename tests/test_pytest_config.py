"""The suite's own settings: misspelt ones refused, hung tests dump stacks, a fast loop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_a_misspelt_setting_or_marker_is_an_error(request: pytest.FixtureRequest):
    assert request.config.option.strict_config
    assert request.config.option.strict_markers


def test_a_hung_test_has_its_stacks_dumped_well_before_ci_gives_up(request: pytest.FixtureRequest):
    timeout = float(request.config.getini("faulthandler_timeout"))
    assert 60 <= timeout <= 600


@pytest.mark.slow
def test_the_fast_loop_leaves_out_the_slow_tests_and_only_them():
    """``pytest -m "not slow"`` collects every test but those marked slow."""

    def collecting(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "--collect-only",
                "-q",
                *args,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def collected(run: subprocess.Popen[str]) -> set[str]:
        out, _ = run.communicate()
        assert run.returncode == 0, out
        return {line for line in out.splitlines() if "::" in line}

    folders = ("tests/unit", "tests/gui")
    # The three collections run side by side.
    runs = [collecting(*m, *folders) for m in ((), ("-m", "slow"), ("-m", "not slow"))]
    everything, slow, fast = (collected(run) for run in runs)
    assert slow, "no test is marked slow"
    assert fast | slow == everything and not fast & slow
