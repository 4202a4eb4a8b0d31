"""Damaged files are refused untouched, checked in full after a crash, moved aside for rescue."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Goal, Pillar
from cxworkshop.storage import safety
from cxworkshop.storage.errors import DamagedDatabase
from cxworkshop.storage.safety import ForeignDatabase
from cxworkshop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


def filled(path: Path, workshops: int = 40) -> Path:
    """A cleanly closed file with enough workshops to span many pages."""
    with Store(path) as s:
        for i in range(workshops):
            ws = s.create_workshop(editing.new_workshop(f"Workshop {i}", organisation="Acme"))
            assert ws.id is not None
            s.add_goal(ws.id, Goal(Pillar.KEEP, f"Cut churn by {i} points"))
    return path


def snapshot(path: Path) -> dict[str, bytes]:
    """The file and the journals beside it, byte for byte.

    The ``-shm`` is left out: it only indexes the ``-wal`` and is rebuilt from it.
    """
    return {p.name: p.read_bytes() for p in [path, *safety.sidecars(path)[:2]] if p.exists()}


def page_of(path: Path, table: str) -> tuple[int, int]:
    """Where a table's root page starts in the file, and the page size."""
    conn = safety.read_only(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return (root[0] - 1) * size, size


def damage_bytes(path: Path) -> None:
    """Scribble over the header of the goals table's root page, as a failing disk might."""
    offset, _ = page_of(path, "goals")
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(bytes([0x0A, 0xFF, 0xFF, 0x00, 0x07, 0xFF, 0xFF, 0x42]))


def damage_index(path: Path) -> None:
    """Make an index disagree with its table: only the full integrity check sees this."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX workshops_by_update ON workshops (title)' "
        "WHERE name = 'workshops_by_update'"
    )
    conn.commit()
    conn.close()


def assert_refused_untouched(path: Path, match: str) -> DamagedDatabase:
    before = snapshot(path)
    with pytest.raises(DamagedDatabase, match=match) as refused:
        Store(path)
    assert snapshot(path) == before, "a damaged file is never written to"
    message = str(refused.value)
    assert "\n" not in message and "has not been changed" in message
    return refused.value


def test_index_damage_is_found_by_the_full_check_only(db_path: Path):
    damage_index(filled(db_path))
    conn = safety.read_only(db_path)
    try:
        assert safety.integrity_problems(conn, quick=True) == []
        assert safety.integrity_problems(conn) != []
    finally:
        conn.close()
    error = assert_refused_untouched(db_path, "integrity check found")
    assert "workshops_by_update" in str(error)


def test_byte_damage_is_refused_and_the_file_left_untouched(db_path: Path):
    damage_bytes(filled(db_path))
    assert_refused_untouched(db_path, "damaged|not a readable")


def test_a_truncated_file_is_refused_and_left_untouched(db_path: Path):
    filled(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(db_path, "damaged|not a readable")


def test_a_file_of_garbage_after_a_valid_header_is_refused(db_path: Path):
    filled(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + os.urandom(len(data) - 100))
    assert_refused_untouched(db_path, "damaged|not a readable")


def test_damage_after_a_checked_clean_close_is_still_found(db_path: Path):
    filled(db_path)
    assert safety.remember_clean_close(db_path)
    assert safety.is_verified(db_path)
    damage_index(db_path)
    assert not safety.is_verified(db_path)
    assert_refused_untouched(db_path, "integrity check found")


def test_a_file_left_as_checked_at_a_clean_close_opens_without_a_second_check(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    filled(db_path)
    assert safety.remember_clean_close(db_path)
    checks: list[bool] = []
    real = safety.integrity_problems
    monkeypatch.setattr(
        safety, "integrity_problems", lambda conn, quick=False: checks.append(quick) or real(conn)
    )
    with Store(db_path) as s:
        assert checks == []
        # Edited, then closed without the app's check: the next start checks.
        s.create_workshop(editing.new_workshop("Edited from the command line"))
    Store(db_path).close()
    assert checks == [False]


def keeping_size_time_and_inode(path: Path, damage: Callable[[Path], None]) -> None:
    """Damage ``path`` in place, then put its time back: as a bad sector or bit rot would."""
    before = path.stat()
    damage(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )


def refused_on_the_command_line(
    path: Path, capsys: pytest.CaptureFixture[str], *command: str
) -> str:
    """Run a command on a damaged file: one line on stderr, exit 1, the file untouched."""
    before = snapshot(path)
    capsys.readouterr()
    assert cli.main(["--db", str(path), *command]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("cxworkshop: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert snapshot(path) == before, "a damaged file is never written to"
    return captured.err


def test_damage_that_keeps_the_size_time_and_inode_is_caught_before_any_write(
    db_path: Path, capsys: pytest.CaptureFixture[str]
):
    filled(db_path)
    assert safety.remember_clean_close(db_path)
    keeping_size_time_and_inode(db_path, damage_bytes)
    assert not safety.is_verified(db_path)
    assert_refused_untouched(db_path, "damaged|not a readable")
    err = refused_on_the_command_line(db_path, capsys, "demo")
    assert "has not been changed" in err


def test_an_old_copy_put_back_with_the_same_size_and_time_is_checked_in_full(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    filled(db_path, workshops=3)
    old = db_path.read_bytes()
    with Store(db_path) as s:
        s.rename_workshop(s.list_workshops()[0].id, "Renamed")
    assert len(db_path.read_bytes()) == len(old)
    assert safety.remember_clean_close(db_path)
    keeping_size_time_and_inode(db_path, lambda path: path.write_bytes(old))
    checks: list[bool] = []
    real = safety.integrity_problems
    monkeypatch.setattr(
        safety, "integrity_problems", lambda conn, quick=False: checks.append(quick) or real(conn)
    )
    with Store(db_path) as s:
        assert "Renamed" not in [w.title for w in s.list_workshops()]
    assert checks == [False], "the full check ran before the file was used"


def schema_name_not_utf8(path: Path) -> None:
    """A damaged schema whose table name is not UTF-8: SQLite's own message quotes it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET name = CAST(X'676f616c73ff' AS TEXT), "
        "sql = 'CREATE TABLE goals (' WHERE name = 'goals'"
    )
    conn.commit()
    conn.close()


def stored_status(path: Path, status: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE workshops SET status = ?", [status])
    conn.commit()
    conn.close()


def vote_for_a_missing_round(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM rounds")
    conn.commit()
    conn.close()


def updated_beyond_the_calendar(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE workshops SET updated_at = '9999-12-31T23:59:59-23:59'")
    conn.commit()
    conn.close()


DAMAGE = {
    "a schema name that is not UTF-8": schema_name_not_utf8,
    "a status the app never wrote": lambda path: stored_status(path, "bogus"),
    "votes for a round that is gone": vote_for_a_missing_round,
    "a moment beyond the calendar": updated_beyond_the_calendar,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
@pytest.mark.parametrize("command", [["list"], ["export-json", "1", "-"], ["demo"]])
def test_whatever_the_damage_the_command_line_refuses_it_in_one_line(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[Path], None],
    command: list[str],
):
    with Store(db_path) as s:
        s.create_workshop(demo_workshop())
    damage(db_path)
    err = refused_on_the_command_line(db_path, capsys, *command)
    assert "damaged" in err or "not a readable workshop database" in err
    assert "could not be opened for writing" not in err
    with pytest.raises(DamagedDatabase):
        Store(db_path)


def test_a_workshop_damaged_in_a_way_the_check_cannot_see_is_refused_when_read(
    db_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store(db_path) as s:
        first = s.create_workshop(demo_workshop())
        s.create_workshop(editing.new_workshop("Sound"))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE rounds SET decision = '[not json' WHERE workshop_id = ?", [first.id])
    conn.commit()
    conn.close()
    with Store(db_path) as s:
        assert len(s.list_workshops()) == 2
        with pytest.raises(DamagedDatabase, match=f"workshop {first.id} cannot be read"):
            s.workshop(first.id)
    err = refused_on_the_command_line(db_path, capsys, "export-json", str(first.id), "-")
    assert f"workshop {first.id} cannot be read" in err


def test_another_programs_database_is_refused_untouched(db_path: Path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE expenses (amount REAL)")
    conn.commit()
    conn.close()
    before = snapshot(db_path)
    with pytest.raises(ForeignDatabase, match="some other program"):
        Store(db_path)
    assert snapshot(db_path) == before


# ----------------------------------------------------------------- after a crash

CRASHING_WRITER = textwrap.dedent(
    """
    import sys
    from cxworkshop.domain import editing
    from cxworkshop.storage.store import Store

    store = Store(sys.argv[1])
    ws = store.create_workshop(editing.new_workshop("Written before the crash"))
    print(ws.id, flush=True)
    sys.stdin.read()
    """
)


def crash_while_open(db_path: Path) -> int:
    """A writer that is killed (SIGKILL) with the file open: its -wal is left behind."""
    with subprocess.Popen(
        [sys.executable, "-c", CRASHING_WRITER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as child:
        assert child.stdout is not None
        workshop_id = int(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert safety.wal_of(db_path).exists()
    return workshop_id


def test_after_an_unclean_shutdown_the_full_check_runs_before_anything_is_written(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    filled(db_path, workshops=3)
    safety.remember_clean_close(db_path)
    workshop_id = crash_while_open(db_path)
    seen: list[tuple[bool, dict[str, bytes]]] = []
    real = safety.integrity_problems
    before = snapshot(db_path)

    def spy(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
        seen.append((quick, snapshot(db_path)))
        return real(conn, quick=quick)

    monkeypatch.setattr(safety, "integrity_problems", spy)
    with Store(db_path) as s:
        assert s.workshop(workshop_id).title == "Written before the crash"
    [(quick, files_when_checked)] = seen
    assert quick is False
    assert files_when_checked[db_path.name] == before[db_path.name]
    assert files_when_checked[db_path.name + "-wal"] == before[db_path.name + "-wal"]


def test_damage_found_after_a_crash_leaves_the_file_and_its_wal_untouched(db_path: Path):
    filled(db_path, workshops=3)
    crash_while_open(db_path)
    damage_bytes(db_path)
    before = snapshot(db_path)
    assert db_path.name + "-wal" in before
    with pytest.raises(DamagedDatabase):
        Store(db_path)
    assert snapshot(db_path) == before


# ----------------------------------------------------------------- moving aside


def test_a_damaged_file_moves_aside_with_its_wal_and_keeps_what_the_wal_holds(db_path: Path):
    filled(db_path, workshops=3)
    workshop_id = crash_while_open(db_path)
    before = snapshot(db_path)

    kept_in = safety.move_aside(db_path)

    assert kept_in.parent == db_path.parent / "damaged"
    assert snapshot(kept_in / db_path.name) == before, "moved whole, names kept, bytes unchanged"
    assert not any(p.exists() for p in [db_path, *safety.sidecars(db_path)])
    # The edit only in the -wal is still there for whoever rescues the file.
    conn = sqlite3.connect(kept_in / db_path.name)
    try:
        row = conn.execute("SELECT title FROM workshops WHERE id = ?", [workshop_id]).fetchone()
    finally:
        conn.close()
    assert row == ("Written before the crash",)


def test_a_wal_left_without_its_database_is_moved_aside_not_applied_to_a_new_one(
    db_path: Path,
):
    filled(db_path, workshops=3)
    crash_while_open(db_path)
    wal = safety.wal_of(db_path).read_bytes()
    db_path.unlink()
    with Store(db_path) as fresh:
        assert fresh.list_workshops() == []
    [kept] = list((db_path.parent / "damaged").iterdir())
    assert (kept / (db_path.name + "-wal")).read_bytes() == wal


def test_a_folder_given_as_the_file_is_refused_in_one_line(tmp_path: Path):
    with pytest.raises(safety.CannotWrite, match="is a folder"):
        Store(tmp_path)


def test_a_transaction_left_in_a_rollback_journal_is_rolled_back_not_taken_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # A file in rollback-journal mode (as a restored backup is until the store
    # opens it), left by a crash in the middle of a large transaction.
    original = tmp_path / "original.sqlite3"
    filled(original, workshops=30)
    conn = sqlite3.connect(original, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    titles = conn.execute("SELECT title FROM workshops ORDER BY id").fetchall()
    conn.execute("PRAGMA cache_size = 1")
    conn.execute("BEGIN")
    conn.execute("UPDATE workshops SET title = 'half-way'")
    conn.execute("UPDATE goals SET description = hex(randomblob(2000))")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    copy = crashed / "workshops.sqlite3"
    copy.write_bytes(original.read_bytes())
    journal = original.with_name(original.name + "-journal")
    assert journal.stat().st_size > 0, "the transaction spilled to the file: the journal is hot"
    copy.with_name(copy.name + "-journal").write_bytes(journal.read_bytes())
    conn.execute("ROLLBACK")
    conn.close()
    checked: list[list[tuple[str]]] = []
    real = safety.integrity_problems

    def spy(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
        checked.append(conn.execute("SELECT title FROM workshops ORDER BY id").fetchall())
        return real(conn, quick=quick)

    monkeypatch.setattr(safety, "integrity_problems", spy)
    with Store(copy) as s:
        assert [(w.title,) for w in sorted(s.list_workshops(), key=lambda w: w.id)] == titles
    assert checked == [titles], "the check saw the file as it was before the transaction"


def test_a_file_that_cannot_be_opened_is_not_called_damaged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """No permission, busy, a failing disk: about where the file is, not what it holds."""
    import sqlite3

    from cxworkshop.storage import safety
    from cxworkshop.storage.errors import DamagedDatabase

    with Store(db_path) as s:
        s.create_workshop(editing.new_workshop("Spring"))
    before = db_path.read_bytes()

    def cannot_open(path: Path) -> sqlite3.Connection:
        exc = sqlite3.OperationalError("unable to open database file")
        exc.sqlite_errorcode = sqlite3.SQLITE_CANTOPEN  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(safety, "_for_checking", cannot_open)
    monkeypatch.setattr(safety, "is_verified", lambda path: False)
    with pytest.raises(safety.CannotWrite) as refused:
        Store(db_path)
    assert not isinstance(refused.value, DamagedDatabase)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "damaged").exists()
