"""Rolling backups of the workshop file, made and checked by SQLite itself.

A backup is never a raw copy of the live file (which could catch it half-way
through a write): SQLite's online backup API copies a consistent snapshot
from the open connection. No backup is made from a file that fails its quick
check. Each new backup is written under a temporary name, opened again and
given the full integrity check, and only then takes its name and lets older
backups be rotated out, so there is always at least one good backup.

Backups live in a ``backups`` folder beside the database, one file each,
named after the database, the moment (UTC) and the reason::

    backups/workshops-20261123-101500-000000-regular.sqlite3

Kept: the newest :data:`KEEP_RECENT`, the newest of each of the last
:data:`KEEP_DAYS` days, and the newest made before a schema upgrade (the only
way back to an older version of the app).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import logging
import os
import re
import sqlite3
from enum import StrEnum
from pathlib import Path

from . import safety, schema
from .errors import StoreError

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_RECENT = 10
KEEP_DAYS = 14
_STAMP = "%Y%m%d-%H%M%S-%f"


class Reason(StrEnum):
    """Why a backup was made; part of its file name."""

    REGULAR = "regular"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"

    @property
    def label(self) -> str:
        return {
            Reason.REGULAR: "Automatic",
            Reason.BEFORE_UPGRADE: "Before an upgrade",
            Reason.BEFORE_RESTORE: "Before a restore",
        }[self]


class BackupFailed(StoreError):
    """No backup could be made; nothing else was changed."""


class RestoreFailed(StoreError):
    """A backup could not be restored; the workshop file is as it was."""


@dataclasses.dataclass(frozen=True)
class Backup:
    """One backup file, as the restore dialog lists it."""

    path: Path
    taken_at: dt.datetime
    """When it was made (UTC)."""
    reason: Reason
    workshops: int | None = None
    """How many workshops it holds; None if it could not be read."""
    version: int | None = None
    """Its schema version; None if it could not be read."""
    size: int = 0

    @property
    def readable(self) -> bool:
        return self.workshops is not None


def folder(db_path: Path) -> Path:
    """Where the backups of ``db_path`` are kept."""
    return db_path.parent / FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(r.value) for r in Reason)
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-({reasons})\.sqlite3$"
    )


def _file_name(db_path: Path, taken_at: dt.datetime, reason: Reason) -> str:
    return f"{db_path.stem}-{taken_at.strftime(_STAMP)}-{reason.value}.sqlite3"


def _on_file(db_path: Path) -> list[Backup]:
    """The backups of ``db_path`` known by their names alone, newest first."""
    pattern = _pattern(db_path)
    found: list[Backup] = []
    with contextlib.suppress(OSError):
        for entry in folder(db_path).iterdir():
            match = pattern.match(entry.name)
            if match is None:
                continue
            taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
            found.append(Backup(entry, taken, Reason(match[2])))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _describe(backup: Backup) -> Backup:
    """The backup with what it holds, read without changing it."""
    try:
        size = backup.path.stat().st_size
        conn = safety.read_only(backup.path)
        try:
            version = schema.version_of(conn)
            workshops = int(conn.execute("SELECT count(*) FROM workshops").fetchone()[0])
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return backup
    return dataclasses.replace(backup, workshops=workshops, version=version, size=size)


def list_backups(db_path: Path) -> list[Backup]:
    """Every backup of ``db_path``, newest first, with its date and how many workshops it holds."""
    return [_describe(b) for b in _on_file(db_path)]


def latest(db_path: Path) -> Backup | None:
    """The newest backup of ``db_path`` by its name, unread; None if there is none."""
    found = _on_file(db_path)
    return found[0] if found else None


def problems_of(path: Path) -> list[str]:
    """What the full integrity check finds in a backup file; empty when it is sound."""
    try:
        conn = safety.read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        problems = safety.integrity_problems(conn)
        if not problems:
            version = schema.version_of(conn)
            if version > schema.SCHEMA_VERSION:
                problems = [f"it was made by a newer version of the app (version {version})"]
            elif version < 1:
                problems = ["it holds no workshops table"]
        return problems
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def newest_good(db_path: Path) -> Backup | None:
    """The newest backup that passes the full integrity check, described; None if none does."""
    for backup in _on_file(db_path):
        if not problems_of(backup.path):
            return _describe(backup)
        log.warning("Backup %s fails its check; skipped", backup.path.name)
    return None


def _reason_text(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        if exc.errno == errno.EROFS:
            return "the disk is read-only"
        return (exc.strerror or str(exc)).rstrip(".").lower()
    text = str(exc)
    if "full" in text:
        return "the disk is full"
    return safety.one_line(text)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent snapshot of ``source`` into a new file, in rollback-journal mode.

    The backup copies the source's header, WAL flag included; switching the
    copy to a rollback journal makes it one self-contained file.
    """
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    descriptor = os.open(target, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def take(
    conn: sqlite3.Connection,
    db_path: Path,
    reason: Reason = Reason.REGULAR,
    *,
    now: dt.datetime | None = None,
) -> Backup:
    """Back up the database open on ``conn`` (the file ``db_path``); returns the new backup.

    Raises :class:`BackupFailed` if the source fails its quick check or the
    backup cannot be written or fails its own check; older backups are then
    left as they are.
    """
    if conn.in_transaction:
        raise BackupFailed("No backup was made: an edit is still being saved.")
    problems = safety.integrity_problems(conn, quick=True)
    if problems:
        log.error("No backup of %s: its quick check found %d problems", db_path, len(problems))
        raise BackupFailed(
            f"No backup was made: the workshop file fails its check "
            f"({safety.one_line(problems[0])})."
        )
    taken_at = now or dt.datetime.now(dt.UTC)
    target_folder = folder(db_path)
    final = target_folder / _file_name(db_path, taken_at, reason)
    while final.exists():
        taken_at += dt.timedelta(microseconds=1)
        final = target_folder / _file_name(db_path, taken_at, reason)
    partial = target_folder / f".{final.name}.part"
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        for leftover in [partial, *safety.sidecars(partial)]:
            leftover.unlink(missing_ok=True)
        _copy(conn, partial)
        problems = problems_of(partial)
        if problems:
            raise BackupFailed(
                f"No backup was made: the copy failed its check ({safety.one_line(problems[0])})."
            )
        os.replace(partial, final)
        safety.sync_folder(target_folder)
    except (OSError, sqlite3.Error) as exc:
        log.error("Backup of %s failed: %s", db_path.name, type(exc).__name__)
        raise BackupFailed(f"No backup was made: {_reason_text(exc)}.") from exc
    finally:
        for leftover in [partial, *safety.sidecars(partial)]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    made = _describe(Backup(final, taken_at, reason))
    log.info("Backup made: %s (%s workshops)", final.name, made.workshops)
    rotate(db_path, now=taken_at)
    return made


def rotate(db_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove backups no longer kept (see the module's docstring); returns those removed."""
    found = _on_file(db_path)
    keep = {b.path for b in found[:KEEP_RECENT]}
    today = (now or dt.datetime.now(dt.UTC)).date()
    days_seen: set[dt.date] = set()
    for b in found:
        day = b.taken_at.date()
        if (today - day).days < KEEP_DAYS and day not in days_seen:
            days_seen.add(day)
            keep.add(b.path)
    upgrades = [b for b in found if b.reason is Reason.BEFORE_UPGRADE]
    if upgrades:
        keep.add(upgrades[0].path)
    removed = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.warning("Could not remove old backup %s: %s", b.path.name, exc.strerror)
    return removed


def restore(db_path: Path, chosen: Backup | Path) -> Backup | None:
    """Put a backup in the place of ``db_path``; returns the backup made of the file it replaced.

    The caller closes its store first. The backup is checked, copied by
    SQLite to a temporary file beside the database, checked again, and only
    then takes the database's name in one step (``os.replace``), so at every
    moment the name holds either the old file or the restored one. The file
    it replaces is kept as a "before restore" backup, or, if it cannot even
    be read, moved aside into the ``damaged`` folder.
    """
    source = chosen.path if isinstance(chosen, Backup) else chosen
    problems = problems_of(source)
    if problems:
        raise RestoreFailed(
            f"That backup cannot be restored: {safety.one_line(problems[0])}. Nothing was changed."
        )
    if safety.wal_of(db_path).exists():
        raise RestoreFailed(
            "The workshop file is still open in another CX Workshop window or command; "
            "close it and try again. Nothing was changed."
        )
    partial = db_path.with_name(f".{db_path.name}.restoring")
    kept: Backup | None = None
    try:
        for leftover in [partial, *safety.sidecars(partial)]:
            leftover.unlink(missing_ok=True)
        backup_conn = safety.read_only(source)
        try:
            _copy(backup_conn, partial)
        finally:
            backup_conn.close()
        problems = problems_of(partial)
        if problems:
            raise RestoreFailed(
                f"The restored copy failed its check ({safety.one_line(problems[0])}). "
                "Nothing was changed."
            )
        if db_path.exists():
            kept = _keep_current(db_path)
        os.replace(partial, db_path)
        safety.sync_folder(db_path.parent)
    except (OSError, sqlite3.Error) as exc:
        raise RestoreFailed(
            f"The backup could not be restored: {_reason_text(exc)}. Nothing was changed."
        ) from exc
    finally:
        for leftover in [partial, *safety.sidecars(partial)]:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    safety.forget_clean_close(db_path)
    log.info("Restored the backup %s", source.name)
    return kept


def _keep_current(db_path: Path) -> Backup | None:
    """Keep the file about to be replaced: as a backup if it is sound, else moved aside."""
    try:
        conn = safety.read_only(db_path)
        try:
            if not safety.integrity_problems(conn, quick=True):
                return take(conn, db_path, Reason.BEFORE_RESTORE)
        finally:
            conn.close()
    except BackupFailed as exc:
        raise RestoreFailed(
            f"The current workshop file could not be kept before restoring, "
            f"so nothing was changed. {exc}"
        ) from exc
    except sqlite3.Error:
        pass
    safety.move_aside(db_path)
    return None
