"""The command line says what is true, in one line: run for real, as a user types it.

No note of an unclean shutdown while the app merely has the file open; a
read-only file read as it is, with nothing left beside it; reading commands
that never make a file or folder; a device refused before SQLite touches it;
errors that name the user's own target; one line for every refusal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cxworkshop.domain import editing
from cxworkshop.domain.model import Goal, Pillar
from cxworkshop.storage import safety
from cxworkshop.storage.store import Store
from tests.unit.test_damaged_files import crash_while_open, damage_bytes, filled

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "cxworkshop.cli", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def lines(text: str) -> list[str]:
    return text.splitlines()


def beside(path: Path) -> list[str]:
    """What SQLite keeps beside the file, if anything."""
    return [p.name for p in safety.sidecars(path) if p.exists()]


def a_workshop_file(path: Path) -> Path:
    with Store(path) as store:
        ws = store.create_workshop(editing.new_workshop("Charter 2027", organisation="Acme"))
        assert ws.id is not None
        store.add_goal(ws.id, Goal(Pillar.KEEP, "Cut churn"))
    return path


def without_override() -> tuple[str, ...]:
    """A prefix that makes the command obey file permissions (root would write regardless)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only file is no test")
    return (setpriv, "--bounding-set", "-dac_override,-dac_read_search")


# ----------------------------------------------------------------- unclean shutdown


def test_a_command_while_the_app_has_the_file_open_does_not_claim_an_unclean_shutdown(
    db_path: Path,
):
    a_workshop_file(db_path)
    with Store(db_path) as open_elsewhere:
        open_elsewhere.create_workshop(editing.new_workshop("Added while open"))
        assert safety.wal_of(db_path).exists(), "the live session's -wal is there"
        done = cli("--db", str(db_path), "list")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Added while open" in done.stdout


def test_a_real_unclean_shutdown_is_noted_in_one_line(db_path: Path):
    a_workshop_file(db_path)
    crash_while_open(db_path)
    done = cli("--db", str(db_path), "list")
    assert done.returncode == 0
    assert len(lines(done.stderr)) == 1
    assert "not closed cleanly" in done.stderr
    assert "Written before the crash" in done.stdout


# ----------------------------------------------------------------- read-only file


def test_a_read_only_file_is_read_as_it_is_and_nothing_is_left_beside_it(db_path: Path):
    prefix = without_override()
    a_workshop_file(db_path)
    os.chmod(db_path, 0o444)
    before = db_path.read_bytes()

    first = cli("--db", str(db_path), "list", prefix=prefix)
    assert first.returncode == 0, first.stderr
    assert "Charter 2027" in first.stdout
    assert lines(first.stderr) == [
        f"cxworkshop: note: {db_path} is read-only; opened for reading only."
    ]
    assert beside(db_path) == []
    again = cli("--db", str(db_path), "export-json", "1", "-", prefix=prefix)
    assert again.returncode == 0
    assert "unclean" not in again.stderr and "not closed cleanly" not in again.stderr
    assert '"Charter 2027"' in again.stdout
    assert beside(db_path) == []
    assert db_path.read_bytes() == before


def test_a_command_that_writes_refuses_a_read_only_file_in_one_line(db_path: Path):
    prefix = without_override()
    a_workshop_file(db_path)
    os.chmod(db_path, 0o444)
    before = db_path.read_bytes()
    done = cli("--db", str(db_path), "demo", prefix=prefix)
    assert done.returncode == 1
    assert lines(done.stderr) == [
        f"cxworkshop: {db_path} could not be opened for writing: the file is read-only. "
        "The file has not been changed."
    ]
    assert beside(db_path) == []
    assert db_path.read_bytes() == before


# ----------------------------------------------------------------- nothing made by reading


def test_list_at_a_path_that_does_not_exist_makes_no_folder_and_no_database(tmp_path: Path):
    missing = tmp_path / "no" / "such" / "folders" / "workshops.sqlite3"
    done = cli("--db", str(missing), "list")
    assert done.returncode == 0
    assert "No workshops yet" in done.stdout and str(missing) in done.stdout
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
def test_an_export_from_a_path_that_does_not_exist_makes_nothing_and_says_so(
    tmp_path: Path, command: str
):
    missing = tmp_path / "no" / "workshops.sqlite3"
    done = cli("--db", str(missing), command, "1", str(tmp_path / "out"))
    assert done.returncode == 1
    assert lines(done.stderr) == [f"cxworkshop: There is no workshop file at {missing}."]
    assert not (tmp_path / "no").exists()
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------- a device


def test_a_device_given_as_the_database_is_refused_in_one_line_and_left_alone():
    journal = Path("/dev/null-journal")
    if not Path("/dev/null").exists() or journal.exists():
        pytest.skip("needs a /dev/null with nothing beside it")
    for command in ("list", "demo"):
        done = cli("--db", "/dev/null", command)
        assert done.returncode == 1
        assert lines(done.stderr) == [
            "cxworkshop: /dev/null is a device, not a workshop file; choose a file instead."
        ]
        assert not journal.exists()


# ----------------------------------------------------------------- the user's own target


def test_an_export_error_names_the_file_asked_for_not_a_temporary_one(
    db_path: Path, tmp_path: Path
):
    a_workshop_file(db_path)
    for command, name in (("export-json", "charter.json"), ("export-pdf", "charter.pdf")):
        target = tmp_path / "no-such-folder" / name
        done = cli("--db", str(db_path), command, "1", str(target))
        assert done.returncode == 1
        assert len(lines(done.stderr)) == 1, done.stderr
        assert str(target) in done.stderr
        assert ".tmp" not in done.stderr and ".part" not in done.stderr


# ----------------------------------------------------------------- one line


def test_refusing_a_damaged_file_takes_one_line(db_path: Path):
    damage_bytes(filled(db_path))
    done = cli("--db", str(db_path), "list")
    assert done.returncode == 1
    assert len(lines(done.stderr)) == 1, done.stderr
    assert "is damaged" in done.stderr
