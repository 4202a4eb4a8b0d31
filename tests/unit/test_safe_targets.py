"""Exports never write over what they must not; imports read only regular files; no leftovers.

An export (JSON or PDF) onto the workshop database, a file kept beside it, a
backup, a folder, a named pipe, a socket or a device is refused in one line
and leaves the target exactly as it was, however it is reached (a link
counts as the file). A named pipe given to import is refused at once, never
waited on. A temporary file left by an export killed half-way is removed by
the next export into the same folder; nothing else is.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.charter import export_pdf
from cxworkshop.domain import editing
from cxworkshop.storage import backup, safety
from cxworkshop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def one_workshop(db_path: Path) -> str:
    with Store(db_path) as s:
        ws = s.create_workshop(editing.new_workshop("Spring CX workshop", organisation="Acme"))
    return str(ws.id)


def state_of(path: Path) -> tuple[object, ...]:
    """What a target is, as far as a test can see: its kind, identity and content."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return ("missing",)
    kind = stat.S_IFMT(found.st_mode)
    if stat.S_ISLNK(found.st_mode):
        return (kind, found.st_ino, os.readlink(path), state_of(path.resolve()))
    if stat.S_ISREG(found.st_mode):
        return (kind, found.st_ino, path.read_bytes())
    if stat.S_ISDIR(found.st_mode):
        return (kind, found.st_ino, sorted(os.listdir(path)))
    return (kind, found.st_ino, found.st_rdev)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".tmp")))


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@contextlib.contextmanager
def listening_socket(path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        yield path
    finally:
        server.close()


def device(path: Path) -> Path:
    """A character device of our own (the same one as /dev/full), if we may make one."""
    if os.geteuid() != 0:
        pytest.skip("only root can make a device node")
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("this system does not let even root make device nodes")
    return path


TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "the database": lambda db, tmp: db,
    "a hard link to the database": lambda db, tmp: (
        os.link(db, tmp / "hard.json"),
        tmp / "hard.json",
    )[1],
    "a symbolic link to the database": lambda db, tmp: (
        (tmp / "soft.json").symlink_to(db),
        tmp / "soft.json",
    )[1],
    "its journal, not there now": lambda db, tmp: db.with_name(db.name + "-journal"),
    "its backup": lambda db, tmp: backup.list_backups(db)[0].path,
    "a folder": lambda db, tmp: (tmp / "folder").mkdir() or tmp / "folder",
    "a named pipe": lambda db, tmp: make_fifo(tmp / "pipe"),
    "a link to a named pipe": lambda db, tmp: (
        make_fifo(tmp / "pipe"),
        (tmp / "to-pipe.json").symlink_to(tmp / "pipe"),
        tmp / "to-pipe.json",
    )[2],
    "a device node": lambda db, tmp: device(tmp / "full"),
}


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert cli.main(list(argv)) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxworkshop: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("make", TARGETS.values(), ids=TARGETS.keys())
@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
def test_an_export_onto_what_it_must_not_replace_is_refused_and_changes_nothing(
    db_path: Path,
    one_workshop: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    make: Callable[[Path, Path], Path],
):
    with Store(db_path) as s:
        backup.take(s.conn, db_path)
    target = make(db_path, tmp_path)
    before = {p: state_of(p) for p in [target, *safety.protected_files(db_path)]}
    err = refused(capsys, "--db", str(db_path), command, one_workshop, str(target))
    assert "Nothing was written" in err
    assert {p: state_of(p) for p in before} == before
    assert leftovers(tmp_path) == [] and leftovers(backup.folder(db_path)) == []


@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
def test_an_export_onto_the_wal_of_the_open_database_is_refused(
    db_path: Path, one_workshop: str, capsys: pytest.CaptureFixture[str], command: str
):
    # The window has the file open: its -wal holds edits not yet in the file.
    with Store(db_path) as open_in_the_window:
        open_in_the_window.rename_workshop(int(one_workshop), "Renamed in the window")
        wal = safety.wal_of(db_path)
        before = {p: state_of(p) for p in [db_path, wal]}
        assert before[wal] != ("missing",)
        capsys.readouterr()
        assert cli.main(["--db", str(db_path), command, one_workshop, str(wal)]) == 1
        err = capsys.readouterr().err.splitlines()
        # In one process the open window cannot be told from a crash (POSIX locks are
        # per process), so a note on the -wal may come first; the refusal is one line.
        assert all(line.startswith("cxworkshop: note: ") for line in err[:-1]), err
        assert err[-1].startswith("cxworkshop: ") and "Nothing was written" in err[-1]
        assert {p: state_of(p) for p in before} == before
    with Store(db_path) as s:
        assert s.workshop(int(one_workshop)).title == "Renamed in the window"


@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
def test_an_export_onto_a_socket_is_refused(
    db_path: Path, one_workshop: str, capsys: pytest.CaptureFixture[str], command: str
):
    with listening_socket(db_path.parent / "s") as target:
        before = state_of(target)
        refused(capsys, "--db", str(db_path), command, one_workshop, str(target))
        assert state_of(target) == before


def test_an_export_onto_an_ordinary_file_still_replaces_it(
    db_path: Path, one_workshop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    target = tmp_path / "spring.json"
    target.write_text("an earlier export")
    assert cli.main(["--db", str(db_path), "export-json", one_workshop, str(target)]) == 0
    assert '"Spring CX workshop"' in target.read_text(encoding="utf-8")


# ----------------------------------------------------------------- imports


def import_in_a_thread(db_path: Path, source: Path) -> tuple[threading.Thread, list[int]]:
    codes: list[int] = []
    worker = threading.Thread(
        target=lambda: codes.append(cli.main(["--db", str(db_path), "import", str(source)])),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=10)
    return worker, codes


@pytest.mark.parametrize("through_a_link", [False, True], ids=["pipe", "link to a pipe"])
def test_importing_a_named_pipe_is_refused_at_once_not_waited_on(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], through_a_link: bool
):
    pipe = make_fifo(tmp_path / "pipe.json")
    source = pipe
    if through_a_link:
        source = tmp_path / "link.json"
        source.symlink_to(pipe)
    worker, codes = import_in_a_thread(db_path, source)
    if worker.is_alive():
        # Let the blocked import go before failing: open the other end.
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
        pytest.fail("the import waited on a named pipe")
    assert codes == [1]
    err = capsys.readouterr().err
    assert err == f"cxworkshop: Is a named pipe, not a file: {source}\n"
    with Store(db_path) as s:
        assert s.list_workshops() == []


def test_importing_a_folder_or_a_device_is_refused_in_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert cli.main(["--db", str(db_path), "import", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"cxworkshop: Is a folder, not a file: {tmp_path}\n"
    assert cli.main(["--db", str(db_path), "import", "/dev/null"]) == 1
    assert capsys.readouterr().err == "cxworkshop: Is a device, not a file: /dev/null\n"


# ----------------------------------------------------------------- leftovers

KILLED_EXPORT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from cxworkshop import safe_write

    def stop_here(descriptor):
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = stop_here
    safe_write.write_atomically(Path(sys.argv[1]), b"%PDF" + bytes(1_200_000), "the charter")
    """
)


def killed_export(target: Path) -> Path:
    """An export killed with SIGKILL half-way: the temporary file it leaves behind."""
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
        child.wait()
    [left] = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    assert left.stat().st_size > 1_000_000
    return left


def test_what_a_killed_export_left_is_removed_by_the_next_export_and_nothing_else(
    db_path: Path, one_workshop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "charters"
    folder.mkdir()
    left = killed_export(folder / "charter.pdf")
    assert left.name.startswith(".charter.pdf.")
    # Files that only look alike, and the temporary file of an export still under way.
    others = [folder / ".charter.pdf.part", folder / "holiday.part", folder / "notes.tmp"]
    for other in others:
        other.write_bytes(b"not ours")
    under_way = folder / ".other.pdf.abcd1234.cxworkshop.part"
    under_way.write_bytes(b"being written")
    with under_way.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        argv = ["--db", str(db_path), "export-json", one_workshop, str(folder / "spring.json")]
        assert cli.main(argv) == 0
    assert not left.exists()
    assert all(other.read_bytes() == b"not ours" for other in others)
    assert under_way.read_bytes() == b"being written"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "holiday.part",
        "notes.tmp",
        "spring.json",
    ]


def test_a_charter_export_removes_a_killed_exports_leftover_too(tmp_path: Path):
    left = killed_export(tmp_path / "charter.pdf")
    export_pdf(editing.new_workshop("A small charter"), tmp_path / "charter.pdf")
    assert not left.exists() and leftovers(tmp_path) == []
