"""Checks made before a workshop file is opened for writing, and what to do with a bad one.

A file is judged through a read-only connection before the store writes a
single byte to it. A file from a newer app, a file that is not a workshop
database, and a damaged file are all refused as they are; a damaged file can
then be moved aside, with the files SQLite keeps beside it, into a
``damaged`` folder where it stays for rescue.

After an unclean shutdown (a ``-wal`` file left beside the database) the
full check (``PRAGMA integrity_check`` and ``foreign_key_check``) runs before
the file is used. So it does for any file the app has not itself checked and
closed cleanly: a clean close records the file's size, time and a CRC-32 of
its bytes in a small note beside it, and only a file whose bytes still match
that note on the next start is known to be as the app left it. Damage that
keeps the size and time (a bad sector, bit rot, a copy put back with its old
times) changes the checksum, so the full check runs.

Whatever goes wrong while a file is judged, of whatever kind, counts as
damage: the file is refused as it is, never half-opened.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import os
import re
import sqlite3
import stat
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from . import schema
from .errors import DamagedDatabase, NewerDatabase, StoreError

log = logging.getLogger(__name__)

DAMAGED_FOLDER = "damaged"
SIDECAR_SUFFIXES = ("-wal", "-journal", "-shm")
"""The files SQLite keeps beside a database; they belong with it wherever it goes."""

MAX_PROBLEMS = 20
"""Enough of an integrity check's findings to know a file is damaged and where."""


class ForeignDatabase(StoreError):
    """The file is an SQLite database, but some other program's: it is left alone."""


class UpgradeFailed(StoreError):
    """The file could not be brought up to this version's schema; it was left as it was."""


class CannotWrite(StoreError):
    """The file is sound but cannot be written where it is (a read-only place, say)."""


def sidecars(path: Path) -> list[Path]:
    """The ``-wal``, ``-journal`` and ``-shm`` files SQLite may keep beside ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def protected_files(path: Path) -> list[Path]:
    """Files no export may write over: the database, its sidecars, its note and its backups."""
    from .backup import folder

    backups = folder(path)
    try:
        kept = sorted(backups.iterdir()) if backups.is_dir() else []
    except OSError:
        kept = []
    return [path, *sidecars(path), _note_of(path), *kept]


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


DEAD_MAN_SWITCH = 128
"""The byte of the ``-shm`` file that every connection to a WAL database holds a shared lock on.

See "the wal-index" in SQLite's file format notes (https://sqlite.org/walformat.html).
"""


def in_use(path: Path) -> bool:
    """Whether some process has the database open now: its ``-wal`` is live, not left behind.

    Asked, as SQLite itself asks, by whether anyone holds a lock on the
    ``-shm`` file's dead-man switch; only where that question can be put
    (Linux), else False. Ask it before this process opens the file: closing
    the probe would let go of this process's own locks on the ``-shm``.
    """
    if not sys.platform.startswith("linux"):
        return False
    import fcntl
    import struct

    try:
        descriptor = os.open(path.with_name(path.name + "-shm"), os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        # struct flock on Linux: type, whence, start, length, pid (and padding).
        query = struct.pack("hhqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, DEAD_MAN_SWITCH, 1, 0)
        answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, query)
        kind: int = struct.unpack("hhqqixxxx", answer)[0]
        return kind != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(descriptor)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the file and leaves no trace beside a closed one.

    Even a read-only connection makes a ``-wal`` and ``-shm`` beside a WAL
    database, and cannot remove them: the next start would take them for an
    unclean shutdown. With no ``-wal`` there, everything is in the main file,
    so it is opened as immutable: read as it is, with nothing made beside it.
    """
    mode = "mode=ro" if wal_of(path).exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True, isolation_level=None)


def _for_checking(path: Path) -> sqlite3.Connection:
    """:func:`read_only`, after SQLite's own recovery of a hot rollback journal if there is one."""
    journal = path.with_name(path.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        # Only a rollback makes the file readable again, and that needs a
        # writing connection; it puts back what the file held before.
        log.warning("Rolling back a transaction left in %s-journal", path.name)
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    return read_only(path)


def one_line(text: str, limit: int = 160) -> str:
    """SQLite's own words for a problem, fit for a one-line message."""
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds; empty when the file is sound.

    The full check also runs ``PRAGMA foreign_key_check``: a row pointing at
    nothing (a vote for a round that is gone) is damage the store never
    makes. An error while checking counts as a problem: a file too damaged
    to check is damaged.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
        found = [str(row[0]) for row in rows]
        if found == ["ok"]:
            found = []
        if not found and not quick:
            found = [
                f"a row of {table} points at a missing row of {parent}"
                for table, _, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchmany(
                    MAX_PROBLEMS
                )
            ]
    except Exception as exc:  # whatever the check trips over is damage
        return [what_went_wrong(exc)]
    return found


PLACE_CODES = frozenset({3, 5, 6, 7, 8, 9, 10, 13, 14, 23})
"""SQLite's PERM, BUSY, LOCKED, NOMEM, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN and AUTH:
about where the file is or who else has it, not about what it holds."""


def what_went_wrong(exc: BaseException) -> str:
    """SQLite's words for a problem, or what kind of value a damaged file held.

    Python's own errors (a schema that is not UTF-8 text, a value out of
    place) would quote the file's content, so only their kind is named.
    """
    coded = getattr(exc, "sqlite_errorcode", None) is not None
    if coded or isinstance(exc, OSError):
        return one_line(str(exc)) or type(exc).__name__
    if isinstance(exc, UnicodeError) or "UTF-8" in str(exc):
        # (The sqlite3 module's "Could not decode to UTF-8" quotes the text.)
        return "some of its text is not valid UTF-8"
    return f"a value CX Workshop did not write there ({type(exc).__name__})"


def is_damage(exc: BaseException) -> bool:
    """True if an error met while opening a file says the file is damaged.

    SQLite's "busy", "read-only", "cannot open" or "disk full" are about
    where the file is, not what it holds; anything else, of any kind (a
    schema that names a missing column, text that is not UTF-8), is taken
    for damage.
    """
    if isinstance(exc, StoreError | OSError):
        return isinstance(exc, DamagedDatabase)
    code = getattr(exc, "sqlite_errorcode", None)
    return code is None or code & 0xFF not in PLACE_CODES


def unreadable(path: Path, exc: BaseException) -> DamagedDatabase:
    """The one-line refusal of a file that could not be read as a workshop database."""
    return DamagedDatabase(
        f"{path} is not a readable workshop database ({what_went_wrong(exc)}). "
        "The file has not been changed."
    )


def damaged_message(path: Path, problems: list[str]) -> str:
    count = f"{len(problems)} problems" if len(problems) > 1 else "a problem"
    return (
        f"{path} is damaged: SQLite's integrity check found {count} "
        f"(first: {one_line(problems[0])}). The file has not been changed."
    )


@dataclasses.dataclass(frozen=True)
class Opening:
    """What the checks found out about a file about to be opened."""

    path: Path
    is_new: bool
    """No database there yet (or an empty file): the store will make one."""
    version: int = 0
    unclean: bool = False
    """A ``-wal`` file was left beside it by a session that did not close the file."""
    fully_checked: bool = False


def check_before_open(
    path: Path, probe: Callable[[sqlite3.Connection], object] | None = None
) -> Opening:
    """Judge ``path`` read-only; raise if it must not be written to, else say what was found.

    Raises :class:`NewerDatabase`, :class:`ForeignDatabase` or
    :class:`DamagedDatabase`, and never changes the file. ``probe`` reads
    what the app reads first (the library) on the read-only connection
    whenever the full check runs: a value the app cannot read is damage too.
    """
    wal = wal_of(path)
    if path.is_dir():
        raise CannotWrite(f"{path} is a folder, not a workshop file; choose a file instead.")
    if not path.exists():
        _move_orphans_aside(path)
        return Opening(path, is_new=True)
    if not path.is_file():
        kind = "a device" if stat.S_ISCHR(path.stat().st_mode) else "not a regular file"
        raise CannotWrite(f"{path} is {kind}, not a workshop file; choose a file instead.")
    # A -wal beside the file is left behind only if no one has the file open.
    unclean = wal.exists() and not in_use(path)
    if path.stat().st_size == 0 and not (unclean and wal.stat().st_size > 0):
        return Opening(path, is_new=True)
    try:
        conn = _for_checking(path)
        try:
            version = schema.version_of(conn)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if version > schema.SCHEMA_VERSION:
                raise NewerDatabase(
                    f"{path} was saved by a newer CX Workshop (database version {version}); "
                    f"this version reads up to version {schema.SCHEMA_VERSION}. "
                    "The file has not been changed."
                )
            if version == 0 and tables:
                raise ForeignDatabase(
                    f"{path} is a database of some other program, not a workshop file. "
                    "The file has not been changed; choose another file with --db."
                )
            full = unclean or version < schema.SCHEMA_VERSION or not is_verified(path)
            if unclean:
                log.warning("Unclean shutdown: %s-wal was left behind; checking the file", path)
            problems = integrity_problems(conn) if full else []
            if full and not problems and probe is not None:
                probe(conn)
        finally:
            conn.close()
    except StoreError:
        raise
    except Exception as exc:  # of any kind: a file that trips the check is damaged,
        log.error("Refused %s: %s", path, what_went_wrong(exc))
        if not is_damage(exc):  # unless the error is about where it is, not what it holds
            raise CannotWrite(cannot_write_message(path, exc)) from exc
        raise unreadable(path, exc) from exc
    if problems:
        log.error("Refused %s: integrity check found %d problems", path, len(problems))
        raise DamagedDatabase(damaged_message(path, problems))
    return Opening(path, is_new=False, version=version, unclean=unclean, fully_checked=full)


# ----------------------------------------------------------------- moving aside


def damaged_folder(path: Path) -> Path:
    """Where damaged files beside ``path`` are kept for rescue."""
    return path.parent / DAMAGED_FOLDER


def move_aside(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Move a damaged database and its sidecar files into a folder of their own.

    Each move is a rename, so nothing is copied and nothing is lost; the
    files keep their names, so SQLite (or a rescue tool) finds the ``-wal``
    beside the database. Returns the folder they are now in.
    """
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S-%f")
    target = damaged_folder(path) / f"{path.stem}-{moment}"
    target.mkdir(parents=True, exist_ok=False)
    # The database first: should the move stop half-way, a sidecar left
    # behind without its database is moved aside at the next start.
    for item in [path, *sidecars(path)]:
        if item.exists():
            os.replace(item, target / item.name)
    sync_folder(path.parent)
    sync_folder(target)
    log.warning("Moved %s and its sidecar files aside to %s", path.name, target)
    return target


def _move_orphans_aside(path: Path) -> None:
    """A ``-wal`` or ``-journal`` with no database would be applied to a new one: move it."""
    orphans = [p for p in sidecars(path)[:2] if p.exists()]
    if not orphans:
        return
    moment = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = damaged_folder(path) / f"{path.stem}-{moment}"
    target.mkdir(parents=True, exist_ok=False)
    for item in sidecars(path):
        if item.exists():
            os.replace(item, target / item.name)
    log.warning("Moved sidecar files of a missing %s aside to %s", path.name, target)


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX); not possible, nor needed, everywhere."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


# ----------------------------------------------------------------- clean close


def _note_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.checked")


CHUNK = 1024 * 1024


def _checksum(path: Path) -> int:
    """The CRC-32 of the file's bytes (some 6 ms for 15 MB; zlib is loaded already)."""
    crc = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _stamp(path: Path) -> str:
    st = path.stat()
    return f'{{"size": {st.st_size}, "mtime_ns": {st.st_mtime_ns}, "inode": {st.st_ino}'


def _fingerprint(path: Path) -> str:
    """The file's size, modification time, inode and CRC-32, as one line of JSON.

    Written out by hand (the same text ``json.dumps`` gives), so that checking
    it at start does not load the json module.
    """
    return f'{_stamp(path)}, "crc32": {_checksum(path)}}}'


def is_verified(path: Path) -> bool:
    """True when ``path`` is byte for byte as the app left it after checking it at a clean close.

    The size, time and inode are compared first, so a file changed the usual
    way is not read twice; then its checksum, which catches damage that
    keeps them.
    """
    if wal_of(path).exists():
        return False
    try:
        note = _note_of(path).read_text(encoding="utf-8").strip()
        if not note.startswith(_stamp(path) + ", "):
            return False
        if note == _fingerprint(path):
            return True
    except (OSError, ValueError):
        return False
    log.warning("%s changed since its clean close though its size and time did not", path.name)
    return False


def check_live(conn: sqlite3.Connection) -> list[str]:
    """The full integrity check of an open store's connection (outside any transaction)."""
    return integrity_problems(conn)


def remember_clean_close(path: Path) -> bool:
    """Note that ``path``, just checked and closed, is sound; False if it could not be noted.

    Call it after closing the last connection, and only if the check before
    closing passed. If another connection still has the file open (its
    ``-wal`` is still there) nothing is noted, so the next start checks.
    """
    note = _note_of(path)
    try:
        if wal_of(path).exists() or not path.exists():
            note.unlink(missing_ok=True)
            return False
        note.write_text(_fingerprint(path), encoding="utf-8")
        return True
    except OSError:
        return False


def forget_clean_close(path: Path) -> None:
    """Make the next opening of ``path`` check it in full."""
    with contextlib.suppress(OSError):
        _note_of(path).unlink(missing_ok=True)


# ----------------------------------------------------------------- messages


def read_only_place(path: Path) -> bool:
    """True if the file, or the folder it is (to be) in, cannot be written to."""
    return _read_only_place(path)


def _read_only_place(path: Path) -> bool:
    """True if the file, or the folder it is (to be) in, cannot be written to."""
    folder = path.parent if path.parent.exists() else path.parent.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(folder, os.W_OK)


def cannot_write_message(path: Path, exc: BaseException) -> str:
    """One line for a sound file that cannot be opened for writing where it is."""
    if path.is_file() and not os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        why = "the file is read-only"
    elif _read_only_place(path):
        why = "it is on a read-only disk or in a folder you cannot write to"
    elif isinstance(exc, OSError):
        why = (exc.strerror or str(exc)).rstrip(".").lower()
    else:
        why = one_line(str(exc)).rstrip(".")
    return f"{path} could not be opened for writing: {why}. The file has not been changed."


def upgrade_message(path: Path, version: int, exc: BaseException) -> str:
    """One line for a schema upgrade that did not happen (the file is as it was)."""
    from .backup import BackupFailed

    if isinstance(exc, BackupFailed):
        why = f"no backup could be made first ({str(exc).removeprefix('No backup was made: ')})"
    else:
        why = one_line(str(exc) or type(exc).__name__).rstrip(".")
    return (
        f"{path} could not be upgraded from version {version} to {schema.SCHEMA_VERSION}: "
        f"{why}. The file was left as it was."
    )
