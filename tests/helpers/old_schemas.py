"""Files of an earlier schema, made by taking back what each later migration added."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cxworkshop.storage import schema

TAKEN_BACK: dict[int, tuple[str, ...]] = {
    # version: what undoes the migration that brought the file to it
    3: (
        "DROP TABLE goal_reviews",
        "DROP TABLE reviews",
        "ALTER TABLE workshops DROP COLUMN follows",
    ),
    4: (
        "DROP TABLE asks",
        "ALTER TABLE workshops DROP COLUMN review_cadence",
        "ALTER TABLE workshops DROP COLUMN signed_on",
        "ALTER TABLE workshops DROP COLUMN sign_by",
    ),
    5: ("DROP TABLE proposals",),
    6: ("ALTER TABLE workshops DROP COLUMN language",),
}


def as_version(db_path: Path, version: int) -> None:
    """Turn a current file back into what ``version`` of the schema had."""
    assert max(TAKEN_BACK) == schema.SCHEMA_VERSION, "a new migration needs its undoing here"
    conn = sqlite3.connect(db_path, isolation_level=None)
    for later in range(schema.SCHEMA_VERSION, version, -1):
        for statement in TAKEN_BACK[later]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
