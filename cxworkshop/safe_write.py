"""Writing a finished file whole, or not at all, and never over the wrong file.

The bytes go to a temporary file in the target's own folder, are flushed to
disk, and only then take the target's name in one step (``os.replace``). If
anything fails before that step, the temporary file is removed and whatever
was at the target before (an earlier charter, say) is untouched.

Before a byte is written the target is judged: a folder, a device, a named
pipe or a socket is refused, and so is any of the files ``protect`` names
(the open workshop database, the files SQLite keeps beside it, its backups),
compared by file identity so that a link to one counts as the file itself.

A writer killed half-way leaves its temporary file behind. Those are named
recognisably (``.charter.pdf.k3x9q2ab.cxworkshop.part``) and locked while
written, so the next export into the same folder removes the ones no live
writer holds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .domain.errors import WorkshopError

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".cxworkshop.part"
_LEFTOVER = re.compile(
    r"\..+\.[a-z0-9_]{8}"
    + re.escape(PART_SUFFIX)
    # What exports of earlier versions left: a charter's, and a JSON export's.
    + r"|\..+\.pdf\.[a-z0-9_]{8}\.part|\..+\.json\.[0-9a-f]{8}\.tmp"
)


class ExportFailed(WorkshopError):
    """An export could not be saved where the facilitator asked; nothing was written."""


def _reason(exc: OSError, target: Path) -> str:
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return "that is a folder"
    if isinstance(exc, NotADirectoryError):
        return "part of the path is a file, not a folder"
    if isinstance(exc, FileNotFoundError):
        return "the folder does not exist"
    if isinstance(exc, PermissionError):
        if target.exists():
            return "permission denied (is the file open in another program?)"
        return "permission denied"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones for the user."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular one is ("a folder", "a device", ...); None for a
    regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for is_kind, what in _KINDS if is_kind(mode)), "some other kind of file")


def unsafe_target(target: Path, protect: Iterable[Path] = ()) -> str | None:
    """Why nothing may be written at ``target`` (words for a message), or None if it may.

    Links are followed: a link to the workshop database is the database.
    """
    try:
        found: os.stat_result | None = os.stat(target)
    except OSError:
        found = None
    if found is not None:
        kind = kind_of(found.st_mode)
        if kind is not None:
            return f"that is {kind}, not a regular file"
    where = os.path.realpath(target)
    for kept in protect:
        if os.path.realpath(kept) == where:
            return "that is the workshop database or a file kept with it"
        if found is None:
            continue
        try:
            same = os.stat(kept)
        except OSError:
            continue
        if (same.st_dev, same.st_ino) == (found.st_dev, found.st_ino):
            return "that is the workshop database or a file kept with it"
    return None


def check_target(target: Path, what: str, protect: Iterable[Path] = ()) -> None:
    """Raise :class:`ExportFailed` if ``target`` must not be written to; nothing is written."""
    reason = unsafe_target(target, protect)
    if reason is not None:
        raise ExportFailed(f"Could not save {what} as {target}: {reason}. Nothing was written.")


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove what exports killed half-way left in ``folder``; the files removed.

    Only files named as this app names them, and only those no live writer
    holds: a writer locks its temporary file for as long as it writes.
    """
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and _LEFTOVER.fullmatch(n)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue
            if fcntl is None:
                os.unlink(path)
            else:
                descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    # Taken only if the writer is gone; held while the file goes.
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    os.unlink(path)
                finally:
                    os.close(descriptor)
            removed.append(path)
    return removed


def replace_atomically(target: Path, data: bytes) -> None:
    """Put ``data`` at ``target`` whole, or raise :class:`OSError` and change nothing."""
    folder = target.parent
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    remove_leftovers(folder)
    try:
        descriptor, temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=PART_SUFFIX, dir=folder
        )
    except OSError as exc:
        # The error names the file the user asked for, not the temporary one.
        raise type(exc)(exc.errno, exc.strerror, str(target)) from exc
    try:
        with os.fdopen(descriptor, "wb") as out:
            if fcntl is not None:
                fcntl.flock(out.fileno(), fcntl.LOCK_EX)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), _mode_for(target))
            os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise type(exc)(exc.errno, exc.strerror, str(target)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def write_atomically(
    target: Path | str, data: bytes, what: str = "the file", protect: Iterable[Path] = ()
) -> Path:
    """Put ``data`` at ``target`` whole, or raise :class:`ExportFailed` and change nothing.

    ``protect``: files never to be written over (see :func:`unsafe_target`).
    """
    target = Path(target).expanduser()
    check_target(target, what, protect)
    try:
        replace_atomically(target, data)
    except OSError as exc:
        raise ExportFailed(f"Could not save {what} as {target}: {_reason(exc, target)}.") from exc
    return target


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); not possible, nor needed, everywhere."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
