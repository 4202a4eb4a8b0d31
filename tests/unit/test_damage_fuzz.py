"""Flip bytes of a workshop file at random: each damaged file is refused cleanly or opens soundly.

Each run damages 500 copies of a small library (two demo workshops and a
blank one) with one to eight random bytes, a third of them in the first
page, where the schema is; half of them are first closed cleanly, so the
damage keeps the size, time and inode the clean-close note records. The
command line's ``main`` then lists, exports and adds a workshop on each, in
this process: every refusal is one line on stderr with no traceback and
leaves the file byte for byte as it was; a file that opens stays sound
after the write. ``CXWORKSHOP_LONG_TESTS=1`` makes it 5,000 files.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.storage import safety
from tests.helpers.damage import library, make_damaged

LONG = os.environ.get("CXWORKSHOP_LONG_TESTS") == "1"
FILES = 5000 if LONG else 500
SEED = 20261206


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run(path: Path, *command: str) -> Run:
    """The command line's ``main`` in this process; anything it lets escape fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(["--db", str(path), *command])
        except SystemExit as stop:  # argparse and friends: still an answer, not a crash
            code = stop.code if isinstance(stop.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


def files_of(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in [path, *safety.sidecars(path)[:2]] if p.exists()}


def assert_clean(result: Run, what: str) -> None:
    assert result.code in (0, 1), f"{what}: exit {result.code}"
    assert "Traceback" not in result.err, f"{what}: {result.err}"
    if result.code == 1:
        assert result.err.startswith("cxworkshop: "), f"{what}: {result.err!r}"
        assert result.err.count("\n") == 1, f"{what}: not one line: {result.err!r}"
        assert "could not be opened for writing" not in result.err, f"{what}: {result.err}"


def sound(path: Path) -> bool:
    conn = safety.read_only(path)
    try:
        return safety.integrity_problems(conn) == []
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return library(tmp_path_factory.mktemp("fuzz") / "template.sqlite3")


@pytest.mark.slow
def test_every_damaged_file_is_refused_in_one_line_or_opens_soundly(
    tmp_path: Path, template: bytes
):
    rng = random.Random(SEED)
    path = tmp_path / "workshops.sqlite3"
    outcomes = {"refused": 0, "opened": 0}
    for n in range(FILES):
        make_damaged(path, template, rng)
        what = f"file {n} (seed {SEED})"
        before = files_of(path)
        listed = run(path, "list")
        assert_clean(listed, f"{what}, list")
        if listed.code == 1:
            outcomes["refused"] += 1
            assert files_of(path) == before, f"{what}: a refused file was written to"
            continue
        outcomes["opened"] += 1
        for workshop_id in ("1", "2", "3"):
            assert_clean(run(path, "export-json", workshop_id, "-"), f"{what}, export")
        before = files_of(path)
        added = run(path, "demo")
        assert_clean(added, f"{what}, demo")
        if added.code == 0:
            assert sound(path), f"{what}: written to, and no longer sound"
        elif "damaged" in added.err or "not a readable" in added.err:
            assert files_of(path) == before, f"{what}: a refused file was written to"
    # The damage is varied enough to try both ways.
    assert outcomes["refused"] > FILES // 4 and outcomes["opened"] > FILES // 20, outcomes


def test_a_file_left_sound_by_the_fuzz_is_still_a_workshop_library(tmp_path: Path, template: bytes):
    # The undamaged template goes through the same steps: the test's own yardstick.
    path = tmp_path / "workshops.sqlite3"
    path.write_bytes(template)
    listed = run(path, "list")
    assert listed.code == 0 and listed.out.count("\n") == 4
    assert run(path, "export-json", "1", "-").code == 0
    assert run(path, "demo").code == 0 and sound(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM workshops").fetchone() == (4,)
    finally:
        conn.close()
