"""The database schema and its forward migrations, versioned by ``PRAGMA user_version``.

Each migration runs in one transaction with the version bump, so a migration
that fails half-way leaves the schema and the version exactly as they were.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]


def _create_v1(db: sqlite_utils.Database) -> None:
    """The first schema: workshops and everything the room decides."""
    db.execute(
        """
        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            date TEXT,
            facilitator TEXT NOT NULL DEFAULT '',
            sponsor_name TEXT NOT NULL DEFAULT '',
            sponsor_title TEXT NOT NULL DEFAULT '',
            vision TEXT NOT NULL DEFAULT '',
            review_date TEXT,
            status TEXT NOT NULL DEFAULT 'draft',
            current_step TEXT NOT NULL DEFAULT 'setup',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    owned = "workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE"
    db.execute(
        f"""
        CREATE TABLE functions (
            {owned},
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            customer_facing INTEGER NOT NULL,
            colour TEXT NOT NULL,
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE participants (
            {owned},
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            function_id TEXT,
            role_title TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE goals (
            {owned},
            id TEXT NOT NULL,
            pillar TEXT NOT NULL CHECK (pillar IN ('win', 'keep', 'advocate')),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            metric TEXT NOT NULL DEFAULT '',
            baseline TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE assignments (
            {owned},
            goal_id TEXT NOT NULL,
            assignee_kind TEXT NOT NULL CHECK (assignee_kind IN ('function', 'participant')),
            assignee_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('A', 'R', 'C', 'I')),
            seq INTEGER NOT NULL,
            PRIMARY KEY (workshop_id, goal_id, assignee_kind, assignee_id),
            FOREIGN KEY (workshop_id, goal_id) REFERENCES goals (workshop_id, id)
                ON DELETE CASCADE
        )
        """
    )
    # The database itself refuses a second Accountable, whatever writes to it.
    db.execute(
        "CREATE UNIQUE INDEX one_accountable_per_goal "
        "ON assignments (workshop_id, goal_id) WHERE role = 'A'"
    )
    db.execute(
        f"""
        CREATE TABLE principles (
            {owned},
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            committed INTEGER NOT NULL DEFAULT 0,
            custom INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE commitments (
            {owned},
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE rounds (
            {owned},
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            number INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('secret', 'tally')),
            dots_per_voter INTEGER NOT NULL,
            max_per_goal INTEGER NOT NULL,
            is_open INTEGER NOT NULL,
            revealed INTEGER NOT NULL,
            runoff_of TEXT,
            decision TEXT NOT NULL DEFAULT '[]',
            decision_note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    in_round = (
        "FOREIGN KEY (workshop_id, round_id) REFERENCES rounds (workshop_id, id) ON DELETE CASCADE"
    )
    db.execute(
        f"""
        CREATE TABLE round_goals (
            {owned},
            round_id TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            tally INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (workshop_id, round_id, goal_id),
            {in_round}
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE round_voters (
            {owned},
            round_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            voted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (workshop_id, round_id, participant_id),
            {in_round}
        )
        """
    )
    db.execute(
        f"""
        CREATE TABLE ballots (
            {owned},
            round_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            dots INTEGER NOT NULL CHECK (dots > 0),
            PRIMARY KEY (workshop_id, round_id, voter_id, goal_id),
            {in_round}
        )
        """
    )
    db.execute("CREATE INDEX workshops_by_update ON workshops (updated_at)")


def _agenda_v2(db: sqlite_utils.Database) -> None:
    """The agenda: when the workshop starts, each step's timebox, and the time spent in it."""
    db.execute("ALTER TABLE workshops ADD COLUMN agenda_start TEXT")
    db.execute(
        """
        CREATE TABLE step_times (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            step TEXT NOT NULL CHECK (
                step IN ('setup', 'vision', 'goals', 'accountability', 'priorities', 'charter')
            ),
            timebox_minutes INTEGER,
            spent_seconds INTEGER NOT NULL DEFAULT 0 CHECK (spent_seconds >= 0),
            PRIMARY KEY (workshop_id, step)
        )
        """
    )


def _reviews_v3(db: sqlite_utils.Database) -> None:
    """Progress reviews of a workshop's goals, and which workshop a workshop carries on from.

    A review's entries name their goal without a foreign key: a goal removed from the
    workshop (and perhaps put back by undo) keeps what its reviews said of it, and the
    store reads only the entries of goals the workshop still has.
    """
    db.execute("ALTER TABLE workshops ADD COLUMN follows INTEGER")
    db.execute(
        """
        CREATE TABLE reviews (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            held_on TEXT NOT NULL,
            PRIMARY KEY (workshop_id, id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE goal_reviews (
            workshop_id INTEGER NOT NULL,
            review_id TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            reading TEXT NOT NULL DEFAULT '',
            read_on TEXT,
            status TEXT CHECK (status IN ('on_track', 'at_risk', 'off_track')),
            note TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT 'keep'
                CHECK (decision IN ('keep', 'retarget', 'reassign', 'drop')),
            new_target TEXT NOT NULL DEFAULT '',
            new_accountable_kind TEXT CHECK (new_accountable_kind IN ('function', 'participant')),
            new_accountable_id TEXT,
            PRIMARY KEY (workshop_id, review_id, goal_id),
            FOREIGN KEY (workshop_id, review_id) REFERENCES reviews (workshop_id, id)
                ON DELETE CASCADE
        )
        """
    )


def _sponsor_v4(db: sqlite_utils.Database) -> None:
    """What the charter asks of the sponsor, their signature, and how often progress is reviewed."""
    db.execute(
        "ALTER TABLE workshops ADD COLUMN review_cadence TEXT CHECK (review_cadence IN "
        "('monthly', 'six_weekly', 'quarterly', 'half_yearly', 'yearly'))"
    )
    db.execute("ALTER TABLE workshops ADD COLUMN signed_on TEXT")
    db.execute("ALTER TABLE workshops ADD COLUMN sign_by TEXT")
    db.execute(
        """
        CREATE TABLE asks (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('decision', 'budget', 'people', 'other')),
            text TEXT NOT NULL,
            due TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workshop_id, id)
        )
        """
    )


def _proposals_v5(db: sqlite_utils.Database) -> None:
    """Goals proposed from phones in the room, and what the facilitator did with each."""
    db.execute(
        """
        CREATE TABLE proposals (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            pillar TEXT NOT NULL CHECK (pillar IN ('win', 'keep', 'advocate')),
            title TEXT NOT NULL,
            metric TEXT NOT NULL DEFAULT '',
            participant_id TEXT,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'accepted', 'merged', 'set_aside')),
            goal_id TEXT,
            PRIMARY KEY (workshop_id, id)
        )
        """
    )


def _language_v6(db: sqlite_utils.Database) -> None:
    """The workshop's language (a BCP 47 tag), which the PDFs name for screen readers."""
    db.execute("ALTER TABLE workshops ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")


MIGRATIONS: list[Migration] = [
    _create_v1,
    _agenda_v2,
    _reviews_v3,
    _sponsor_v4,
    _proposals_v5,
    _language_v6,
]
"""MIGRATIONS[n] takes a database from version n to version n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: sqlite_utils.Database) -> int:
    return version_of(db.conn)


def version_of(conn: sqlite3.Connection) -> int:
    """The schema version a database file says it has."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    db: sqlite_utils.Database,
    target: int = SCHEMA_VERSION,
    migrations: list[Migration] | None = None,
) -> int:
    """Bring the schema up to ``target``, one transaction per version; returns the start version."""
    steps = MIGRATIONS if migrations is None else migrations
    start = user_version(db)
    for version in range(start, target):
        with db.atomic():
            steps[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return start
