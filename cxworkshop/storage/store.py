"""The one SQLite file that holds all of a user's workshops.

The public API is one method per user-level operation. Each runs the domain
rule first, then writes in one transaction that is committed before the
method returns; the in-memory workshop it hands out is updated to match.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..domain.changes import EVERYTHING, ChangeSet, removal_changes
from ..domain.errors import NotFound, WorkshopError
from ..domain.model import (
    Ask,
    AskKind,
    Assignee,
    AssigneeKind,
    Assignment,
    Cadence,
    Commitment,
    Function,
    Goal,
    GoalReview,
    Participant,
    Pillar,
    Principle,
    Proposal,
    ProposalStatus,
    Review,
    ReviewDecision,
    ReviewStatus,
    Role,
    Status,
    Step,
    VotingMode,
    VotingRound,
    Workshop,
)
from ..domain.text import TITLE_MAX, shiftable
from ..lazy import lazy_module
from . import safety, schema
from .errors import DamagedDatabase, NoDatabase, StoreError, WriteFailed

if TYPE_CHECKING:
    import sqlite_utils

    from ..domain import agenda, editing, proposals, review
    from ..domain.editing import AssignOutcome, Removal
    from . import backup
else:
    # Listing the library needs none of these; editing a workshop loads them.
    agenda = lazy_module("cxworkshop.domain.agenda")
    editing = lazy_module("cxworkshop.domain.editing")
    review = lazy_module("cxworkshop.domain.review")
    proposals = lazy_module("cxworkshop.domain.proposals")
    backup = lazy_module("cxworkshop.storage.backup")

_log = logging.getLogger(__name__)

APP_NAME = "CX Workshop"
DB_FILENAME = "workshops.sqlite3"
COPY_SUFFIX = " (copy)"
ENV_DB = "CXWORKSHOP_DB"


def default_path() -> Path:
    """Where workshops live unless ``--db`` or ``CXWORKSHOP_DB`` says otherwise."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> dt.date | None:
    return None if not value else dt.date.fromisoformat(value)


def _datetime(value: str | None) -> dt.datetime | None:
    return None if not value else dt.datetime.fromisoformat(value)


def _moment(value: str | None) -> dt.datetime | None:
    """A stored moment that can be shown in local time; any other is damage."""
    moment = _datetime(value)
    if moment is not None and not shiftable(moment):
        raise OverflowError("a moment beyond the calendar")
    return moment


class WorkshopSummary(NamedTuple):
    """One line of the library: enough to find and recognise a workshop.

    A named tuple, not a dataclass: the library makes one per workshop at start.
    """

    id: int
    title: str
    organisation: str
    date: dt.date | None
    status: Status
    updated_at: dt.datetime | None


_STATUSES = {s.value: s for s in Status}
"""Each status by its stored value (quicker than ``Status(value)`` for a whole library)."""


def _casefold(value: object) -> str:
    return str(value or "").casefold()


def _read_library(conn: sqlite3.Connection, search: str = "") -> list[WorkshopSummary]:
    """The library's lines, as :meth:`Store.list_workshops` gives them.

    Also run on the read-only connection when a file is checked in full, so
    a library the app could not list is found before anything is written.
    """
    where, params = "", {}
    if search.strip():
        where = "WHERE instr(cx_fold(w.title), :q) > 0 OR instr(cx_fold(w.organisation), :q) > 0"
        params = {"q": search.strip().casefold()}
    cursor = conn.execute(
        f"""
        SELECT w.id, w.title, w.organisation, w.date, w.status, w.updated_at
        FROM workshops w {where}
        ORDER BY w.updated_at DESC, w.id DESC
        """,
        params,
    )
    return [
        WorkshopSummary(id, title, org, _date(date), _STATUSES[status], _moment(updated))
        for id, title, org, date, status, updated in cursor.fetchall()
    ]


_CHANGE_SIGNATURE = "SELECT count(*), max(updated_at) FROM workshops"


def change_signature(conn: sqlite3.Connection) -> tuple[object, ...]:
    """What changes whenever a workshop is added, edited or deleted: count and latest edit."""
    return tuple(conn.execute(_CHANGE_SIGNATURE).fetchone())


def change_signature_of(path: Path) -> tuple[object, ...] | None:
    """The change signature of the workshop file (or backup) at ``path``; None if unreadable."""
    try:
        conn = safety.read_only(path)
        try:
            return change_signature(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


class Store:
    """All of a user's workshops in one SQLite file, edited one transaction at a time."""

    def __init__(self, path: Path | str, *, reading: bool = False) -> None:
        """Open the file at ``path`` for editing, made if there is none yet.

        ``reading``: only to read it (listing, exporting): no file or folder is
        made, and a file that cannot be written to is opened read-only, with
        nothing written beside it (see :attr:`read_only`).
        """
        self.path = Path(path)
        # Judged read-only before a byte is written: a newer, foreign or damaged
        # file is refused as it is; after an unclean shutdown, or when it is not
        # byte for byte as a clean close left it, it is checked in full.
        self.opening = opening = safety.check_before_open(self.path, probe=_read_library)
        self.read_only = False
        """Opened only to read, as the file cannot be written to; every edit is refused."""
        if reading and opening.is_new:
            raise NoDatabase(f"There is no workshop file at {self.path}.")
        if not opening.is_new and safety.read_only_place(self.path):
            # SQLite would open it read-only without a word and leave a -wal and
            # -shm beside it that no one can remove.
            if not reading:
                raise safety.CannotWrite(safety.cannot_write_message(self.path, PermissionError()))
            self._open_read_only()
            return
        try:
            if opening.is_new:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = conn = sqlite3.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise self._refusal(exc) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            # WAL with synchronous=FULL: an acknowledged edit survives a power cut.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            version = schema.version_of(conn)
        except Exception as exc:
            conn.close()
            raise self._refusal(exc) from exc
        if version < schema.SCHEMA_VERSION:
            try:
                if version > 0:
                    # The way back, should the upgrade or the new version disappoint.
                    backup.take(conn, self.path, backup.Reason.BEFORE_UPGRADE)
                schema.migrate(self.db, schema.SCHEMA_VERSION)
            except Exception as exc:
                conn.close()
                raise safety.UpgradeFailed(safety.upgrade_message(self.path, version, exc)) from exc
        conn.create_function("cx_fold", 1, _casefold, deterministic=True)
        self._cache: dict[int, Workshop] = {}
        self._changes = ChangeSet()

    def _refusal(self, exc: BaseException) -> WorkshopError:
        """Damage if the error says the file is damaged; else the file cannot be written here."""
        if safety.is_damage(exc):
            _log.error("Refused %s: %s", self.path, type(exc).__name__)
            return safety.unreadable(self.path, exc)
        return safety.CannotWrite(safety.cannot_write_message(self.path, exc))

    @contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        """Reading ``what`` back: a value the store never wrote means the file is damaged.

        The error names the file and what could not be read, in one line,
        never the text it found.
        """
        try:
            yield
        except WorkshopError:
            raise
        except Exception as exc:
            if not safety.is_damage(exc):
                raise StoreError(
                    f"{what[0].upper()}{what[1:]} could not be read from {self.path}: "
                    f"{safety.one_line(str(exc))}."
                ) from exc
            raise self._damaged(what, exc) from exc

    def _damaged(self, what: str, exc: Exception) -> DamagedDatabase:
        _log.error("Could not read %s from %s: %s", what, self.path, type(exc).__name__)
        return DamagedDatabase(
            f"{self.path} is damaged: {what} cannot be read ({safety.what_went_wrong(exc)}). "
            "The file has not been changed."
        )

    def _open_read_only(self) -> None:
        self.read_only = True
        self.conn = conn = safety.read_only(self.path)
        conn.execute("PRAGMA busy_timeout = 5000")
        version = schema.version_of(conn)
        if version < schema.SCHEMA_VERSION:
            conn.close()
            raise safety.CannotWrite(
                f"{self.path} is read-only and was saved by an older CX Workshop: it can be "
                "read once it is upgraded, in a place you can write to. "
                "The file has not been changed."
            )
        conn.create_function("cx_fold", 1, _casefold, deterministic=True)
        self._cache = {}
        self._changes = ChangeSet()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the same connection: transactions, schema and migrations.

        Made on first use: reading the library needs only the connection, so
        the app can list workshops before this library is even imported.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query, as dictionaries."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ library

    def list_workshops(self, search: str = "") -> list[WorkshopSummary]:
        """Workshops, most recently edited first; ``search`` matches title or organisation."""
        with self._reading("the list of workshops"):
            return _read_library(self.conn, search)

    def followers(self, workshop_id: int) -> list[int]:
        """The workshops that carry on from this one, most recently edited first."""
        with self._reading("the workshops that carry on from this one"):
            rows = self.conn.execute(
                "SELECT id FROM workshops WHERE follows = ? ORDER BY updated_at DESC, id DESC",
                [workshop_id],
            ).fetchall()
        return [int(row[0]) for row in rows]

    def data_version(self) -> int | None:
        """A number that changes when another connection (another process) commits to the file.

        Cheap enough to ask every second: SQLite answers from the WAL index,
        without reading the database. None while the file cannot be asked (it
        is closed for a moment, during a restore): ask again later.
        """
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    # ------------------------------------------------------------ soundness, backups

    @property
    def saving(self) -> bool:
        """True while an edit is being written: no backup or check can be made until it ends."""
        return self.conn.in_transaction

    def change_signature(self) -> tuple[object, ...]:
        """A value that changes whenever a workshop is added, edited or deleted."""
        return change_signature(self.conn)

    def is_sound(self) -> bool:
        """True if the file passes SQLite's full integrity check and its library reads back.

        False while an edit is being written, or if the file cannot be read.
        """
        try:
            return (
                not self.conn.in_transaction
                and not safety.check_live(self.conn)
                and isinstance(self.list_workshops(), list)
            )
        except (sqlite3.Error, WorkshopError):
            return False

    def back_up(self) -> backup.Backup:
        """A regular backup of the file as it is now; raises BackupFailed if none could be made."""
        return backup.take(self.conn, self.path)

    def counts(self, workshop_id: int) -> tuple[int, int]:
        """How many goals and participants the workshop has ((0, 0) once it is gone).

        Asked for when a tooltip shows them, not for every line of the library.
        """
        with self._reading(f"workshop {workshop_id}"):
            row = self.conn.execute(
                "SELECT (SELECT count(*) FROM goals WHERE workshop_id = :id),"
                " (SELECT count(*) FROM participants WHERE workshop_id = :id)",
                {"id": workshop_id},
            ).fetchone()
            return int(row[0]), int(row[1])

    def workshop(self, workshop_id: int) -> Workshop:
        """The workshop with this id; the same object every time until it is deleted."""
        ws = self._cache.get(workshop_id)
        if ws is None:
            ws = self._read(workshop_id)
            self._cache[workshop_id] = ws
        return ws

    def _read(self, workshop_id: int) -> Workshop:
        with self._reading(f"workshop {workshop_id}"):
            return self._load(workshop_id)

    def reload(self, workshop_id: int) -> Workshop:
        """Read the workshop again from the file, into the same object."""
        fresh = self._read(workshop_id)
        ws = self._cache.get(workshop_id)
        if ws is None:
            self._cache[workshop_id] = fresh
            return fresh
        for f in dataclasses.fields(Workshop):
            setattr(ws, f.name, getattr(fresh, f.name))
        self._changes = EVERYTHING
        return ws

    def create_workshop(self, ws: Workshop, *, keep_id: bool = False) -> Workshop:
        """Store a whole new workshop (blank, imported, demo or duplicated); gives it an id.

        With ``keep_id`` the workshop keeps the id it has (undoing a delete).
        """
        ws = copy.deepcopy(ws)
        order = list(Pillar)
        ws.goals.sort(key=lambda g: order.index(g.pillar))
        now = _now()
        ws.created_at = ws.created_at or now
        ws.updated_at = ws.updated_at or now
        if not keep_id:
            ws.id = None
        try:
            with self.db.atomic():
                cur = self.db.execute(
                    "INSERT INTO workshops (id, title, organisation, date, facilitator, "
                    "sponsor_name, sponsor_title, vision, review_date, status, current_step, "
                    "follows, review_cadence, signed_on, sign_by, language, created_at, "
                    "updated_at) "
                    "VALUES (:id, :title, :organisation, :date, "
                    ":facilitator, :sponsor_name, :sponsor_title, :vision, :review_date, "
                    ":status, :current_step, :follows, :review_cadence, :signed_on, :sign_by, "
                    ":language, :created_at, :updated_at)",
                    self._workshop_row(ws),
                )
                ws.id = int(cur.lastrowid or 0)
                self._write_all(ws)
        except sqlite3.Error as exc:
            raise WriteFailed(f"The workshop could not be saved: {exc}.") from exc
        self._cache[ws.id] = ws
        return ws

    def import_workshop(self, ws: Workshop) -> Workshop:
        """Store a workshop read from a file, under a new id.

        The workshop it carried on from (``follows``) is an id in the library the
        file came from, which may name another workshop here, so it is not kept.
        """
        ws = copy.copy(ws)
        ws.follows = None
        return self.create_workshop(ws)

    def duplicate_workshop(self, workshop_id: int, title: str | None = None) -> Workshop:
        """A copy for a re-run: same team, goals and assignments; no votes, back to set-up."""
        source = copy.deepcopy(self.workshop(workshop_id))
        if title is None:
            title = f"{source.title[: TITLE_MAX - len(COPY_SUFFIX)]}{COPY_SUFFIX}"
        editing.update_details(source, title=title)
        source.rounds = []
        source.reviews = []
        source.proposals = []
        source.time_spent = {}
        # A re-run's charter is a new one: the sponsor has not signed it.
        source.signed_on = source.sign_by = None
        source.status = Status.DRAFT
        source.current_step = Step.SETUP
        source.created_at = source.updated_at = None
        return self.create_workshop(source)

    def rename_workshop(self, workshop_id: int, title: str) -> str:
        """Give a workshop a new title; returns the old one."""
        with self._edit(workshop_id, ChangeSet(details=frozenset({"title"}))) as ws:
            previous = editing.update_details(ws, title=title)
            self._write_details(ws)
        return str(previous["title"])

    def delete_workshop(self, workshop_id: int) -> Workshop:
        """Delete a workshop and all it holds; returns it so it can be put back."""
        ws = copy.deepcopy(self.workshop(workshop_id))
        try:
            with self.db.atomic():
                self.db.execute("DELETE FROM workshops WHERE id = ?", [workshop_id])
        except sqlite3.Error as exc:
            raise WriteFailed(f"The workshop could not be deleted: {exc}.") from exc
        self._cache.pop(workshop_id, None)
        return ws

    def restore_workshop(self, ws: Workshop) -> Workshop:
        """Put back a deleted workshop under its old id."""
        return self.create_workshop(ws, keep_id=True)

    # ------------------------------------------------------------------ edits

    @contextmanager
    def _edit(self, workshop_id: int, changes: ChangeSet | None = None) -> Iterator[Workshop]:
        """One edit: the domain rule, then the writes, in one committed transaction.

        ``changes`` is what the edit changes (more may be noted inside with
        :meth:`_note`); once it commits, :meth:`take_changes` hands it on. If
        anything fails the transaction rolls back and the in-memory workshop is
        read again from the file, so what is shown is always what is saved (and
        the change set asks every view to re-read it all).
        """
        ws = self.workshop(workshop_id)
        if changes is not None:
            self._note(changes)
        try:
            with self.db.atomic():
                yield ws
                ws.updated_at = _now()
                self.db.execute(
                    "UPDATE workshops SET updated_at = ? WHERE id = ?",
                    [_iso(ws.updated_at), workshop_id],
                )
        except BaseException as exc:
            self.reload(workshop_id)
            self._changes = EVERYTHING
            if isinstance(exc, sqlite3.Error):
                # Ids and the kind of error only: never what the workshop says.
                _log.error("Write failed for workshop %s: %s", workshop_id, type(exc).__name__)
                raise WriteFailed(
                    f"The change could not be saved, so it was not made: {exc}."
                ) from exc
            raise

    def _note(self, changes: ChangeSet) -> None:
        """Add to what the edit under way changed."""
        self._changes = self._changes | changes

    def take_changes(self) -> ChangeSet:
        """What the edits since the last call changed (and forget it): the views' cue."""
        changes, self._changes = self._changes, ChangeSet()
        return changes

    def update_details(self, workshop_id: int, **changes: Any) -> dict[str, Any]:
        """Change title, organisation, dates, sponsor, vision, status or current step."""
        with self._edit(workshop_id, ChangeSet(details=frozenset(changes))) as ws:
            previous = editing.update_details(ws, **changes)
            self._write_details(ws)
        return previous

    def add_function(self, workshop_id: int, new: Function, index: int | None = None) -> Function:
        with self._edit(workshop_id, ChangeSet(people=True)) as ws:
            editing.add_function(ws, new, index)
            self._write_items("functions", ws, ws.functions)
        return new

    def update_function(self, workshop_id: int, function_id: str, **changes: Any) -> dict[str, Any]:
        with self._edit(workshop_id, ChangeSet(people=True)) as ws:
            previous = editing.update_function(ws, function_id, **changes)
            self._write_one("functions", ws, ws.functions, editing.function(ws, function_id))
        return previous

    def move_function(self, workshop_id: int, function_id: str, index: int) -> int:
        with self._edit(workshop_id, ChangeSet(people=True)) as ws:
            old = editing.move_function(ws, function_id, index)
            self._write_positions("functions", ws, ws.functions)
        return old

    def remove_function(self, workshop_id: int, function_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_function(ws, function_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    def add_participant(
        self, workshop_id: int, new: Participant, index: int | None = None
    ) -> Participant:
        with self._edit(
            workshop_id,
            ChangeSet(people=True, rounds=_rounds_with_voter(self.workshop(workshop_id), new.id)),
        ) as ws:
            editing.add_participant(ws, new, index)
            self._write_items("participants", ws, ws.participants)
            for r in ws.rounds:
                if new.id in r.voter_ids:
                    self._write_round(ws, r)
        return new

    def update_participant(
        self, workshop_id: int, participant_id: str, **changes: Any
    ) -> dict[str, Any]:
        with self._edit(workshop_id, ChangeSet(people=True)) as ws:
            previous = editing.update_participant(ws, participant_id, **changes)
            p = editing.participant(ws, participant_id)
            self._write_one("participants", ws, ws.participants, p)
        return previous

    def move_participant(self, workshop_id: int, participant_id: str, index: int) -> int:
        with self._edit(workshop_id, ChangeSet(people=True)) as ws:
            old = editing.move_participant(ws, participant_id, index)
            self._write_positions("participants", ws, ws.participants)
        return old

    def remove_participant(self, workshop_id: int, participant_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_participant(ws, participant_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    def add_goal(self, workshop_id: int, new: Goal, index: int | None = None) -> Goal:
        with self._edit(workshop_id, ChangeSet(goals_added=frozenset({new.id}))) as ws:
            editing.add_goal(ws, new, index)
            self._write_items("goals", ws, editing.goals_in(ws, new.pillar))
        return new

    def update_goal(self, workshop_id: int, goal_id: str, **changes: Any) -> dict[str, Any]:
        with self._edit(workshop_id, ChangeSet(goals_changed=frozenset({goal_id}))) as ws:
            previous = editing.update_goal(ws, goal_id, **changes)
            g = editing.goal(ws, goal_id)
            self._write_one("goals", ws, editing.goals_in(ws, g.pillar), g)
        return previous

    def move_goal(
        self, workshop_id: int, goal_id: str, pillar: Pillar, index: int
    ) -> tuple[Pillar, int]:
        """Move a goal within its column or to another pillar; returns where it was."""
        with self._edit(workshop_id, ChangeSet(goals_moved=frozenset({goal_id}))) as ws:
            old = editing.move_goal(ws, goal_id, pillar, index)
            for p in {old[0], Pillar(pillar)}:
                self._write_items("goals", ws, editing.goals_in(ws, p))
        return old

    def remove_goal(self, workshop_id: int, goal_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_goal(ws, goal_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    def restore(self, workshop_id: int, removal: Removal) -> None:
        """Put back what a removal took away (undo of any remove)."""
        with self._edit(workshop_id) as ws:
            editing.restore(ws, removal)
            self._note(removal_changes(removal, restored=True))
            table = _TABLES[removal.kind]
            if removal.kind == "goal":
                self._write_items("goals", ws, editing.goals_in(ws, removal.removed.pillar))
            elif removal.kind == "round":
                self._write_round(ws, editing.voting_round(ws, removal.removed.id))
            else:
                self._write_items(table, ws, getattr(ws, table))
            if removal.participants_before:
                self._write_items("participants", ws, ws.participants)
            for r in removal.rounds_before:
                self._write_round(ws, editing.voting_round(ws, r.id))
            if removal.assignments:
                self._rewrite_assignments(ws)

    def assign(self, workshop_id: int, goal_id: str, who: Assignee, role: Role) -> AssignOutcome:
        """Give an assignee a RACI role on a goal (replacing any earlier role, or Accountable)."""
        with self._edit(workshop_id, ChangeSet(assignments=frozenset({goal_id}))) as ws:
            outcome = editing.assign(ws, goal_id, who, role)
            for old in outcome.undo_list():
                self._delete_assignment(ws, old)
            self._insert_assignment(ws, outcome.assignment)
        return outcome

    def unassign(self, workshop_id: int, goal_id: str, who: Assignee) -> Assignment:
        with self._edit(workshop_id, ChangeSet(assignments=frozenset({goal_id}))) as ws:
            removed = editing.unassign(ws, goal_id, who)
            self._delete_assignment(ws, removed)
        return removed

    def set_assignments(
        self, workshop_id: int, goal_id: str, assignments: list[Assignment]
    ) -> list[Assignment]:
        """Replace a goal's assignments wholesale (undo of an assignment); returns the old ones."""
        with self._edit(workshop_id, ChangeSet(assignments=frozenset({goal_id}))) as ws:
            old = editing.set_assignments(ws, goal_id, assignments)
            self.db.execute(
                "DELETE FROM assignments WHERE workshop_id = ? AND goal_id = ?",
                [ws.id, goal_id],
            )
            for a in assignments:
                self._insert_assignment(ws, a)
        return old

    def add_principle(
        self, workshop_id: int, new: Principle, index: int | None = None
    ) -> Principle:
        with self._edit(workshop_id, ChangeSet(principles=True)) as ws:
            editing.add_principle(ws, new, index)
            self._write_items("principles", ws, ws.principles)
        return new

    def update_principle(
        self, workshop_id: int, principle_id: str, **changes: Any
    ) -> dict[str, Any]:
        with self._edit(workshop_id, ChangeSet(principles=True)) as ws:
            previous = editing.update_principle(ws, principle_id, **changes)
            self._write_items("principles", ws, ws.principles)
        return previous

    def remove_principle(self, workshop_id: int, principle_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_principle(ws, principle_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    def add_commitment(
        self, workshop_id: int, new: Commitment, index: int | None = None
    ) -> Commitment:
        with self._edit(workshop_id, ChangeSet(charter=True)) as ws:
            editing.add_commitment(ws, new, index)
            self._write_items("commitments", ws, ws.commitments)
        return new

    def update_commitment(
        self, workshop_id: int, commitment_id: str, **changes: Any
    ) -> dict[str, Any]:
        with self._edit(workshop_id, ChangeSet(charter=True)) as ws:
            previous = editing.update_commitment(ws, commitment_id, **changes)
            self._write_items("commitments", ws, ws.commitments)
        return previous

    def remove_commitment(self, workshop_id: int, commitment_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_commitment(ws, commitment_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    # asks of the sponsor

    def add_ask(self, workshop_id: int, new: Ask, index: int | None = None) -> Ask:
        """Add something the team asks of the sponsor."""
        with self._edit(workshop_id, ChangeSet(charter=True)) as ws:
            editing.add_ask(ws, new, index)
            self._write_items("asks", ws, ws.asks)
        return new

    def update_ask(self, workshop_id: int, ask_id: str, **changes: Any) -> dict[str, Any]:
        """Change an ask's text, kind or due date; returns the previous values."""
        with self._edit(workshop_id, ChangeSet(charter=True)) as ws:
            previous = editing.update_ask(ws, ask_id, **changes)
            self._write_one("asks", ws, ws.asks, editing.ask(ws, ask_id))
        return previous

    def remove_ask(self, workshop_id: int, ask_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_ask(ws, ask_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    # proposals from phones

    def add_proposal(self, workshop_id: int, new: Proposal) -> Proposal:
        """Put a goal proposed from a phone in the inbox."""
        with self._edit(workshop_id, ChangeSet(proposals=True)) as ws:
            proposals.add_proposal(ws, new)
            self._write_one("proposals", ws, ws.proposals, new)
        return new

    def accept_proposal(self, workshop_id: int, proposal_id: str, card: Goal) -> Goal:
        """Make a proposal into a goal card, in one transaction."""
        with self._edit(
            workshop_id, ChangeSet(proposals=True, goals_added=frozenset({card.id}))
        ) as ws:
            proposals.accept(ws, proposal_id, card)
            self._write_items("goals", ws, editing.goals_in(ws, card.pillar))
            p = proposals.proposal(ws, proposal_id)
            self._write_one("proposals", ws, ws.proposals, p)
        return card

    def take_back_acceptance(self, workshop_id: int, proposal_id: str) -> None:
        """Undo an acceptance: the card goes and the proposal is back in the inbox."""
        with self._edit(workshop_id, ChangeSet(proposals=True)) as ws:
            removal = proposals.take_back_acceptance(ws, proposal_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
            p = proposals.proposal(ws, proposal_id)
            self._write_one("proposals", ws, ws.proposals, p)

    def set_proposal_status(
        self, workshop_id: int, proposal_id: str, status: ProposalStatus, goal_id: str | None = None
    ) -> tuple[ProposalStatus, str | None]:
        """Merge a proposal into a card, set it aside, or put it back; returns what it was."""
        with self._edit(workshop_id, ChangeSet(proposals=True)) as ws:
            previous = proposals.set_status(ws, proposal_id, status, goal_id)
            p = proposals.proposal(ws, proposal_id)
            self._write_one("proposals", ws, ws.proposals, p)
        return previous

    # voting

    def open_round(self, workshop_id: int, **settings: Any) -> VotingRound:
        """Open a voting round (see :func:`editing.open_round` for the settings)."""
        with self._edit(workshop_id) as ws:
            r = editing.open_round(ws, **settings)
            self._note(ChangeSet(rounds=frozenset({r.id})))
            self._write_round(ws, r)
        return r

    def change_round_budget(
        self,
        workshop_id: int,
        round_id: str,
        dots_per_voter: int,
        max_per_goal: int,
        *,
        reopen_over_budget: bool = False,
    ) -> tuple[int, int, dict[str, dict[str, int]]]:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            result = editing.change_round_budget(
                ws, round_id, dots_per_voter, max_per_goal, reopen_over_budget=reopen_over_budget
            )
            self._write_round(ws, editing.voting_round(ws, round_id))
        return result

    def restore_round_budget(
        self,
        workshop_id: int,
        round_id: str,
        dots_per_voter: int,
        max_per_goal: int,
        reopened: dict[str, dict[str, int]],
    ) -> None:
        """Undo a budget change in one transaction: the old budget and the ballots it reopened.

        A voter who has cast a new ballot since keeps the new one; a voter no
        longer in the round gets nothing back. Dots on goals that have left the
        ballot since are dropped, as removing the goal dropped everyone's.
        """
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            editing.change_round_budget(ws, round_id, dots_per_voter, max_per_goal)
            r = editing.voting_round(ws, round_id)
            for voter, ballot in reopened.items():
                if voter in r.voter_ids and voter not in r.ballots:
                    kept = {g: n for g, n in ballot.items() if g in r.goal_ids}
                    editing.cast_ballot(ws, round_id, voter, kept)
            self._write_round(ws, r)

    def cast_ballot(
        self, workshop_id: int, round_id: str, voter_id: str, dots: dict[str, int]
    ) -> dict[str, int] | None:
        """Save a voter's confirmed ballot; returns the one it replaced."""
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            previous = editing.cast_ballot(ws, round_id, voter_id, dots)
            self._write_ballot(ws, editing.voting_round(ws, round_id), voter_id)
        return previous

    def withdraw_ballot(
        self, workshop_id: int, round_id: str, voter_id: str
    ) -> dict[str, int] | None:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            previous = editing.withdraw_ballot(ws, round_id, voter_id)
            self._write_ballot(ws, editing.voting_round(ws, round_id), voter_id)
        return previous

    def add_voter(self, workshop_id: int, round_id: str, voter_id: str) -> None:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            editing.add_voter(ws, round_id, voter_id)
            self._write_round(ws, editing.voting_round(ws, round_id))

    def set_tally(self, workshop_id: int, round_id: str, goal_id: str, dots: int) -> int:
        """Record the dots counted on the wall for one goal; returns the previous count."""
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            previous = editing.set_tally(ws, round_id, goal_id, dots)
            self.db.execute(
                "UPDATE round_goals SET tally = ? "
                "WHERE workshop_id = ? AND round_id = ? AND goal_id = ?",
                [dots, ws.id, round_id, goal_id],
            )
        return previous

    def close_round(self, workshop_id: int, round_id: str) -> None:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            editing.close_round(ws, round_id)
            self._write_round_row(ws, editing.voting_round(ws, round_id))

    def reopen_round(self, workshop_id: int, round_id: str) -> None:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            editing.reopen_round(ws, round_id)
            self._write_round_row(ws, editing.voting_round(ws, round_id))

    def set_revealed(self, workshop_id: int, round_id: str, revealed: bool) -> bool:
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            previous = editing.set_revealed(ws, round_id, revealed)
            self._write_round_row(ws, editing.voting_round(ws, round_id))
        return previous

    def record_decision(
        self, workshop_id: int, round_id: str, order: list[str], note: str = ""
    ) -> tuple[list[str], str]:
        """Record the sponsor's call on a tie; returns the previous decision."""
        with self._edit(workshop_id, ChangeSet(rounds=frozenset({round_id}))) as ws:
            previous = editing.record_decision(ws, round_id, order, note)
            self._write_round_row(ws, editing.voting_round(ws, round_id))
        return previous

    def remove_round(self, workshop_id: int, round_id: str) -> Removal:
        with self._edit(workshop_id) as ws:
            removal = editing.remove_round(ws, round_id)
            self._note(removal_changes(removal))
            self._write_removal(ws, removal)
        return removal

    # ------------------------------------------------------------------ writing

    @staticmethod
    def _workshop_row(ws: Workshop) -> dict[str, Any]:
        return {
            "id": ws.id,
            "title": ws.title,
            "organisation": ws.organisation,
            "date": _iso(ws.date),
            "facilitator": ws.facilitator,
            "sponsor_name": ws.sponsor_name,
            "sponsor_title": ws.sponsor_title,
            "vision": ws.vision,
            "review_date": _iso(ws.review_date),
            "status": ws.status.value,
            "current_step": ws.current_step.value,
            "follows": ws.follows,
            "review_cadence": None if ws.review_cadence is None else ws.review_cadence.value,
            "signed_on": _iso(ws.signed_on),
            "sign_by": _iso(ws.sign_by),
            "language": ws.language,
            "created_at": _iso(ws.created_at),
            "updated_at": _iso(ws.updated_at),
        }

    def _write_details(self, ws: Workshop) -> None:
        row = self._workshop_row(ws)
        del row["id"], row["created_at"], row["updated_at"]
        sets = ", ".join(f"{name} = :{name}" for name in row)
        self.db.execute(f"UPDATE workshops SET {sets} WHERE id = :id", {**row, "id": ws.id})

    def _write_all(self, ws: Workshop) -> None:
        for table in ("functions", "participants", "principles", "commitments", "asks"):
            self._write_items(table, ws, getattr(ws, table))
        self._write_items("proposals", ws, ws.proposals)
        for p in Pillar:
            self._write_items("goals", ws, editing.goals_in(ws, p))
        self._insert_assignments(ws, ws.assignments)
        for r in ws.rounds:
            self._write_round(ws, r)
        self._write_agenda(ws)
        for rv in ws.reviews:
            self._write_review(ws, rv)

    def _write_items(self, table: str, ws: Workshop, items: list[Any], start: int = 0) -> None:
        """Insert or update rows; ``items`` are at positions ``start``, ``start + 1``, ...

        A full list (or a whole pillar's column) passed from position 0 also
        rewrites every position, which is what a move or an insert needs.
        """
        to_row = _ROWS[table]
        for position, item in enumerate(items, start):
            row = {"workshop_id": ws.id, "id": item.id, "position": position, **to_row(item)}
            columns = ", ".join(row)
            values = ", ".join(f":{c}" for c in row)
            updates = ", ".join(
                f"{c} = excluded.{c}" for c in row if c not in ("workshop_id", "id")
            )
            self.db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({values}) "
                f"ON CONFLICT (workshop_id, id) DO UPDATE SET {updates}",
                row,
            )

    def _write_one(self, table: str, ws: Workshop, items: list[Any], item: Any) -> None:
        """Write one item of ``items`` (a list or a pillar's column) at its own position."""
        self._write_items(table, ws, [item], start=items.index(item))

    def _write_positions(self, table: str, ws: Workshop, items: list[Any]) -> None:
        for position, item in enumerate(items):
            self.db.execute(
                f"UPDATE {table} SET position = ? WHERE workshop_id = ? AND id = ?",
                [position, ws.id, item.id],
            )

    def _write_removal(self, ws: Workshop, removal: Removal) -> None:
        table = _TABLES[removal.kind]
        self.db.execute(
            f"DELETE FROM {table} WHERE workshop_id = ? AND id = ?", [ws.id, removal.removed.id]
        )
        if removal.kind == "goal":
            self._write_positions("goals", ws, editing.goals_in(ws, removal.removed.pillar))
        elif removal.kind != "round":
            self._write_positions(table, ws, getattr(ws, table))
        for a in removal.assignments:
            self._delete_assignment(ws, a)
        for before in removal.participants_before:
            p = editing.participant(ws, before.id)
            self._write_one("participants", ws, ws.participants, p)
        for r in removal.rounds_before:
            self._write_round(ws, editing.voting_round(ws, r.id))

    def _insert_assignment(self, ws: Workshop, a: Assignment) -> None:
        self.db.execute(
            "INSERT INTO assignments (workshop_id, goal_id, assignee_kind, assignee_id, role, seq) "
            "VALUES (?, ?, ?, ?, ?, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM assignments WHERE workshop_id = ?))",
            [ws.id, a.goal_id, a.assignee.kind.value, a.assignee.id, a.role.value, ws.id],
        )

    def _insert_assignments(self, ws: Workshop, assignments: list[Assignment]) -> None:
        """Write all of a workshop's assignments, none yet written, numbered in list order.

        Numbered here rather than each from the highest number so far, which reads
        every row written before it: a 21,000-assignment import took minutes.
        """
        for seq, a in enumerate(assignments, start=1):
            self.db.execute(
                "INSERT INTO assignments "
                "(workshop_id, goal_id, assignee_kind, assignee_id, role, seq) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [ws.id, a.goal_id, a.assignee.kind.value, a.assignee.id, a.role.value, seq],
            )

    def _rewrite_assignments(self, ws: Workshop) -> None:
        """Write every assignment again, in list order (after a restore in the middle)."""
        self.db.execute("DELETE FROM assignments WHERE workshop_id = ?", [ws.id])
        self._insert_assignments(ws, ws.assignments)

    def _delete_assignment(self, ws: Workshop, a: Assignment) -> None:
        self.db.execute(
            "DELETE FROM assignments WHERE workshop_id = ? AND goal_id = ? "
            "AND assignee_kind = ? AND assignee_id = ?",
            [ws.id, a.goal_id, a.assignee.kind.value, a.assignee.id],
        )

    def _write_round_row(self, ws: Workshop, r: VotingRound) -> None:
        import json  # (not needed to list the library at start)

        row = {
            "workshop_id": ws.id,
            "id": r.id,
            "position": ws.rounds.index(r),
            "number": r.number,
            "mode": r.mode.value,
            "dots_per_voter": r.dots_per_voter,
            "max_per_goal": r.max_per_goal,
            "is_open": int(r.is_open),
            "revealed": int(r.revealed),
            "runoff_of": r.runoff_of,
            "decision": json.dumps(r.decision),
            "decision_note": r.decision_note,
        }
        columns = ", ".join(row)
        values = ", ".join(f":{c}" for c in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c not in ("workshop_id", "id"))
        self.db.execute(
            f"INSERT INTO rounds ({columns}) VALUES ({values}) "
            f"ON CONFLICT (workshop_id, id) DO UPDATE SET {updates}",
            row,
        )

    def _write_round(self, ws: Workshop, r: VotingRound) -> None:
        """Write a round with its ballot, voters, tallies and ballots."""
        self._write_round_row(ws, r)
        key = [ws.id, r.id]
        for table in ("round_goals", "round_voters", "ballots"):
            self.db.execute(f"DELETE FROM {table} WHERE workshop_id = ? AND round_id = ?", key)
        for position, gid in enumerate(r.goal_ids):
            self.db.execute(
                "INSERT INTO round_goals (workshop_id, round_id, goal_id, position, tally) "
                "VALUES (?, ?, ?, ?, ?)",
                [*key, gid, position, r.tallies.get(gid, 0)],
            )
        for position, vid in enumerate(r.voter_ids):
            self.db.execute(
                "INSERT INTO round_voters (workshop_id, round_id, participant_id, position, voted)"
                " VALUES (?, ?, ?, ?, ?)",
                [*key, vid, position, int(vid in r.ballots)],
            )
        for vid in r.ballots:
            self._insert_ballot_dots(ws, r, vid)

    def _insert_ballot_dots(self, ws: Workshop, r: VotingRound, voter_id: str) -> None:
        for gid, dots in r.ballots.get(voter_id, {}).items():
            self.db.execute(
                "INSERT INTO ballots (workshop_id, round_id, voter_id, goal_id, dots) "
                "VALUES (?, ?, ?, ?, ?)",
                [ws.id, r.id, voter_id, gid, dots],
            )

    def _write_ballot(self, ws: Workshop, r: VotingRound, voter_id: str) -> None:
        key = [ws.id, r.id, voter_id]
        self.db.execute(
            "DELETE FROM ballots WHERE workshop_id = ? AND round_id = ? AND voter_id = ?", key
        )
        self._insert_ballot_dots(ws, r, voter_id)
        self.db.execute(
            "UPDATE round_voters SET voted = ? "
            "WHERE workshop_id = ? AND round_id = ? AND participant_id = ?",
            [int(voter_id in r.ballots), *key],
        )

    # ------------------------------------------------------------------ reading

    def _rows(self, table: str, workshop_id: int, order: str = "position") -> list[dict[str, Any]]:
        return self._query(
            f"SELECT * FROM {table} WHERE workshop_id = ? ORDER BY {order}", [workshop_id]
        )

    def _load(self, workshop_id: int) -> Workshop:
        rows = self._query("SELECT * FROM workshops WHERE id = ?", [workshop_id])
        if not rows:
            raise NotFound(f"There is no workshop with id {workshop_id}.")
        w = rows[0]
        ws = Workshop(
            id=w["id"],
            title=w["title"],
            organisation=w["organisation"],
            date=_date(w["date"]),
            facilitator=w["facilitator"],
            sponsor_name=w["sponsor_name"],
            sponsor_title=w["sponsor_title"],
            vision=w["vision"],
            review_date=_date(w["review_date"]),
            status=Status(w["status"]),
            current_step=Step(w["current_step"]),
            created_at=_moment(w["created_at"]),
            updated_at=_moment(w["updated_at"]),
        )
        ws.functions = [
            Function(r["name"], bool(r["customer_facing"]), r["colour"], r["id"])
            for r in self._rows("functions", workshop_id)
        ]
        ws.participants = [
            Participant(r["name"], r["function_id"], r["role_title"], r["id"])
            for r in self._rows("participants", workshop_id)
        ]
        goals = [
            Goal(
                Pillar(r["pillar"]),
                r["title"],
                r["description"],
                r["metric"],
                r["baseline"],
                r["target"],
                r["due"],
                r["id"],
            )
            for r in self._rows("goals", workshop_id)
        ]
        order = list(Pillar)
        ws.goals = sorted(goals, key=lambda g: order.index(g.pillar))
        ws.assignments = [
            Assignment(
                r["goal_id"],
                Assignee(AssigneeKind(r["assignee_kind"]), r["assignee_id"]),
                Role(r["role"]),
            )
            for r in self._rows("assignments", workshop_id, "seq")
        ]
        ws.principles = [
            Principle(r["text"], bool(r["committed"]), bool(r["custom"]), r["id"])
            for r in self._rows("principles", workshop_id)
        ]
        ws.commitments = [
            Commitment(r["text"], r["owner"], r["due"], r["id"])
            for r in self._rows("commitments", workshop_id)
        ]
        ws.asks = [
            Ask(r["text"], AskKind(r["kind"]), r["due"], r["id"])
            for r in self._rows("asks", workshop_id)
        ]
        ws.proposals = [
            Proposal(
                Pillar(r["pillar"]),
                r["title"],
                r["metric"],
                r["participant_id"],
                ProposalStatus(r["status"]),
                r["goal_id"],
                r["id"],
            )
            for r in self._rows("proposals", workshop_id)
        ]
        ws.review_cadence = Cadence(w["review_cadence"]) if w["review_cadence"] else None
        ws.signed_on = _date(w["signed_on"])
        ws.sign_by = _date(w["sign_by"])
        ws.language = w["language"]
        ws.rounds = self._load_rounds(workshop_id)
        self._load_agenda(ws, w)
        ws.follows = w["follows"]
        ws.reviews = self._load_reviews(workshop_id, {g.id for g in ws.goals})
        return ws

    def _load_reviews(self, workshop_id: int, goal_ids: set[str]) -> list[Review]:
        reviews = {
            r["id"]: Review(dt.date.fromisoformat(r["held_on"]), id=r["id"])
            for r in self._query(
                "SELECT * FROM reviews WHERE workshop_id = ? ORDER BY held_on, rowid",
                [workshop_id],
            )
        }
        for r in self._rows("goal_reviews", workshop_id, "review_id, position"):
            if r["goal_id"] not in goal_ids:
                continue  # the goal was removed; its entries wait for an undo
            who = None
            if r["new_accountable_kind"]:
                kind = AssigneeKind(r["new_accountable_kind"])
                who = Assignee(kind, r["new_accountable_id"])
            reviews[r["review_id"]].goals.append(
                GoalReview(
                    r["goal_id"],
                    r["reading"],
                    _date(r["read_on"]),
                    ReviewStatus(r["status"]) if r["status"] else None,
                    r["note"],
                    ReviewDecision(r["decision"]),
                    r["new_target"],
                    who,
                )
            )
        return list(reviews.values())

    def _write_review(self, ws: Workshop, rv: Review) -> None:
        """Write a review and every entry it holds, replacing what the file had of it."""
        self.db.execute(
            "INSERT INTO reviews (workshop_id, id, held_on) VALUES (?, ?, ?) "
            "ON CONFLICT (workshop_id, id) DO UPDATE SET held_on = excluded.held_on",
            [ws.id, rv.id, _iso(rv.held_on)],
        )
        present = {g.id for g in ws.goals}
        # Only the present goals' entries are rewritten: a removed goal's stay in the
        # file for the undo that puts the goal back.
        for (goal_id,) in self.db.execute(
            "SELECT goal_id FROM goal_reviews WHERE workshop_id = ? AND review_id = ?",
            [ws.id, rv.id],
        ).fetchall():
            if goal_id in present:
                self.db.execute(
                    "DELETE FROM goal_reviews WHERE workshop_id = ? AND review_id = ? "
                    "AND goal_id = ?",
                    [ws.id, rv.id, goal_id],
                )
        for position, e in enumerate(rv.goals):
            if e.goal_id not in present:
                continue
            who = e.new_accountable
            self.db.execute(
                "INSERT INTO goal_reviews (workshop_id, review_id, goal_id, position, reading, "
                "read_on, status, note, decision, new_target, new_accountable_kind, "
                "new_accountable_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    ws.id,
                    rv.id,
                    e.goal_id,
                    position,
                    e.reading,
                    _iso(e.read_on),
                    e.status.value if e.status else None,
                    e.note,
                    e.decision.value,
                    e.new_target,
                    who.kind.value if who else None,
                    who.id if who else None,
                ],
            )

    # ------------------------------------------------------------------ reviews

    def add_review(self, workshop_id: int, held_on: dt.date | str) -> Review:
        """A new progress review, held on ``held_on``."""
        with self._edit(workshop_id, ChangeSet(reviews=True)) as ws:
            new = review.add_review(ws, held_on)
            self._write_review(ws, new)
        return new

    def record_review(
        self, workshop_id: int, review_id: str, goal_id: str, **changes: Any
    ) -> dict[str, Any]:
        """Change what a review says of one goal; returns the values it replaced."""
        with self._edit(workshop_id, ChangeSet(reviews=True)) as ws:
            previous = review.record(ws, review_id, goal_id, **changes)
            self._write_review(ws, review.review(ws, review_id))
        return previous

    def remove_review(self, workshop_id: int, review_id: str) -> Review:
        with self._edit(workshop_id, ChangeSet(reviews=True)) as ws:
            removed = review.remove_review(ws, review_id)
            self.db.execute(
                "DELETE FROM reviews WHERE workshop_id = ? AND id = ?", [ws.id, review_id]
            )
        return removed

    def restore_review(self, workshop_id: int, removed: Review) -> None:
        with self._edit(workshop_id, ChangeSet(reviews=True)) as ws:
            review.restore_review(ws, removed)
            self._write_review(ws, removed)

    def create_next_workshop(
        self, workshop_id: int, title: str, *, date: dt.date | None = None
    ) -> Workshop:
        """A new workshop carrying on from this one (see :func:`review.next_workshop`)."""
        previous = self.workshop(workshop_id)
        review.check_can_follow(previous)
        return self.create_workshop(review.next_workshop(previous, title, date=date))

    def _load_rounds(self, workshop_id: int) -> list[VotingRound]:
        import json  # (not needed to list the library at start)

        rounds: dict[str, VotingRound] = {}
        for r in self._rows("rounds", workshop_id):
            rounds[r["id"]] = VotingRound(
                number=r["number"],
                mode=VotingMode(r["mode"]),
                goal_ids=[],
                dots_per_voter=r["dots_per_voter"],
                max_per_goal=r["max_per_goal"],
                is_open=bool(r["is_open"]),
                revealed=bool(r["revealed"]),
                runoff_of=r["runoff_of"],
                decision=list(json.loads(r["decision"])),
                decision_note=r["decision_note"],
                id=r["id"],
            )
        for r in self._rows("round_goals", workshop_id, "round_id, position"):
            vr = rounds[r["round_id"]]
            vr.goal_ids.append(r["goal_id"])
            if r["tally"]:
                vr.tallies[r["goal_id"]] = r["tally"]
        dots: dict[tuple[str, str], dict[str, int]] = {}
        for r in self._query(
            "SELECT b.* FROM ballots b JOIN round_goals g ON g.workshop_id = b.workshop_id "
            "AND g.round_id = b.round_id AND g.goal_id = b.goal_id "
            "WHERE b.workshop_id = ? ORDER BY g.position",
            [workshop_id],
        ):
            dots.setdefault((r["round_id"], r["voter_id"]), {})[r["goal_id"]] = r["dots"]
        for r in self._rows("round_voters", workshop_id, "round_id, position"):
            vr = rounds[r["round_id"]]
            vr.voter_ids.append(r["participant_id"])
            if r["voted"]:
                vr.ballots[r["participant_id"]] = dots.get((vr.id, r["participant_id"]), {})
        return list(rounds.values())

    # ------------------------------------------------------------------ agenda

    def set_timebox(self, workshop_id: int, step: Step, minutes: int) -> int:
        """Plan ``minutes`` for a step; returns the minutes planned before."""
        with self._edit(workshop_id, ChangeSet(agenda=True)) as ws:
            previous = agenda.set_timebox(ws, step, minutes)
            self._write_step_time(ws, Step(step))
        return previous

    def set_agenda_start(self, workshop_id: int, start: dt.time | None) -> dt.time | None:
        """Start the agenda at ``start`` (None: no clock times); returns the previous start."""
        with self._edit(workshop_id, ChangeSet(agenda=True)) as ws:
            previous = agenda.set_agenda_start(ws, start)
            self.db.execute(
                "UPDATE workshops SET agenda_start = ? WHERE id = ?",
                [_clock(ws.agenda_start), ws.id],
            )
        return previous

    def add_time_spent(self, workshop_id: int, step: Step, seconds: int) -> int:
        """Count ``seconds`` more spent in a step (the timer's record); returns the new total."""
        with self._edit(workshop_id, ChangeSet(agenda=True)) as ws:
            total = agenda.add_time_spent(ws, step, seconds)
            self._write_step_time(ws, Step(step))
        return total

    def _write_step_time(self, ws: Workshop, step: Step) -> None:
        self.db.execute(
            "INSERT INTO step_times (workshop_id, step, timebox_minutes, spent_seconds) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (workshop_id, step) DO UPDATE SET "
            "timebox_minutes = excluded.timebox_minutes, spent_seconds = excluded.spent_seconds",
            [ws.id, step.value, agenda.timebox(ws, step), ws.time_spent.get(step, 0)],
        )

    def _write_agenda(self, ws: Workshop) -> None:
        """Write a whole workshop's agenda (a new, imported or duplicated workshop)."""
        self.db.execute(
            "UPDATE workshops SET agenda_start = ? WHERE id = ?", [_clock(ws.agenda_start), ws.id]
        )
        for step in Step:
            self._write_step_time(ws, step)

    def _load_agenda(self, ws: Workshop, row: dict[str, Any]) -> None:
        start = row.get("agenda_start")
        ws.agenda_start = agenda.parse_clock(start) if start else None
        boxes = agenda.default_timeboxes()
        spent: dict[Step, int] = {}
        for r in self._query(
            "SELECT step, timebox_minutes, spent_seconds FROM step_times WHERE workshop_id = ?",
            [ws.id],
        ):
            step = Step(r["step"])
            if r["timebox_minutes"] is not None:
                boxes[step] = int(r["timebox_minutes"])
            if r["spent_seconds"]:
                spent[step] = int(r["spent_seconds"])
        ws.timeboxes = boxes
        ws.time_spent = {s: spent[s] for s in Step if s in spent}


def _rounds_with_voter(ws: Workshop, participant_id: str) -> frozenset[str]:
    """The rounds that count ``participant_id`` among their voters."""
    return frozenset(r.id for r in ws.rounds if participant_id in r.voter_ids)


def _clock(value: dt.time | None) -> str | None:
    return None if value is None else agenda.clock_text(value)


_TABLES = {
    "function": "functions",
    "participant": "participants",
    "goal": "goals",
    "principle": "principles",
    "commitment": "commitments",
    "ask": "asks",
    "round": "rounds",
}

_ROWS: dict[str, Any] = {
    "functions": lambda f: {
        "name": f.name,
        "customer_facing": int(f.customer_facing),
        "colour": f.colour,
    },
    "participants": lambda p: {
        "name": p.name,
        "function_id": p.function_id,
        "role_title": p.role_title,
    },
    "goals": lambda g: {
        "pillar": g.pillar.value,
        "title": g.title,
        "description": g.description,
        "metric": g.metric,
        "baseline": g.baseline,
        "target": g.target,
        "due": g.due,
    },
    "principles": lambda p: {
        "text": p.text,
        "committed": int(p.committed),
        "custom": int(p.custom),
    },
    "commitments": lambda c: {"text": c.text, "owner": c.owner, "due": c.due},
    "asks": lambda a: {"kind": a.kind.value, "text": a.text, "due": a.due},
    "proposals": lambda p: {
        "pillar": p.pillar.value,
        "title": p.title,
        "metric": p.metric,
        "participant_id": p.participant_id,
        "status": p.status.value,
        "goal_id": p.goal_id,
    },
}


__all__ = ["Store", "WorkshopError", "WorkshopSummary", "default_path"]
