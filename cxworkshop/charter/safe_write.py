"""Writing a finished file so that a failure never leaves half of it behind.

The bytes go to a temporary file in the target's own folder, are flushed to
disk, and only then take the target's name in one step (``os.replace``). If
anything fails before that step, the temporary file is removed and whatever
was at the target before (an earlier charter, say) is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from ..domain.errors import WorkshopError


class ExportFailed(WorkshopError):
    """The charter could not be saved where the facilitator asked; nothing was written."""


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


def write_atomically(target: Path | str, data: bytes, what: str = "the file") -> Path:
    """Put ``data`` at ``target`` whole, or raise :class:`ExportFailed` and change nothing."""
    target = Path(target).expanduser()
    folder = target.parent
    temp: str | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
        descriptor, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), _mode_for(target))
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise ExportFailed(f"Could not save {what} as {target}: {_reason(exc, target)}.") from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _sync_folder(folder)
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
