"""Upgrades and newer files: a backup before each upgrade, nothing half-done, newer files untouched.

tests/unit/test_store.py already shows that ``schema.migrate`` rolls a failed
step back and that a newer database is refused; these tests go through the
store's opening path and the command line, with the file's ``-wal`` too.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.storage import backup, interchange, safety, schema
from cxworkshop.storage.backup import BackupFailed, Reason
from cxworkshop.storage.errors import NewerDatabase
from cxworkshop.storage.interchange import FORMAT_VERSION, ImportProblems
from cxworkshop.storage.safety import UpgradeFailed
from cxworkshop.storage.store import Store


def schema_of(path: Path) -> tuple[int, list[tuple[str, str]]]:
    """The file's version and every table, index and trigger in it, as SQLite keeps them."""
    conn = safety.read_only(path)
    try:
        version = schema.version_of(conn)
        objects = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()
    return version, objects


@pytest.fixture
def one_more_migration(monkeypatch: pytest.MonkeyPatch):
    """Pretend this app is one schema version ahead; returns a setter for that migration."""

    def install(step: schema.Migration) -> int:
        migrations = [*schema.MIGRATIONS, step]
        monkeypatch.setattr(schema, "MIGRATIONS", migrations)
        monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations))
        return len(migrations)

    return install


def a_file_at_this_version(db_path: Path) -> int:
    with Store(db_path) as s:
        ws = s.create_workshop(demo_workshop())
    assert ws.id is not None
    return ws.id


def test_an_upgrade_is_preceded_by_a_checked_backup_of_the_file_as_it_was(
    db_path: Path, one_more_migration
):
    workshop_id = a_file_at_this_version(db_path)
    old_version, old_schema = schema_of(db_path)

    def add_a_column(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE goals ADD COLUMN colour TEXT")

    new_version = one_more_migration(add_a_column)
    with Store(db_path) as upgraded:
        assert schema.version_of(upgraded.conn) == new_version
        assert upgraded.workshop(workshop_id).title == demo_workshop().title

    [made] = backup.list_backups(db_path)
    assert made.reason is Reason.BEFORE_UPGRADE
    assert (made.version, made.workshops) == (old_version, 1)
    assert schema_of(made.path) == (old_version, old_schema)
    assert backup.problems_of(made.path) == [], "checked, and restorable"


def test_a_migration_that_fails_half_way_through_the_store_leaves_the_file_as_it_was(
    db_path: Path, one_more_migration
):
    a_file_at_this_version(db_path)
    before = schema_of(db_path)

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE half_done (x)")
        db.execute("ALTER TABLE goals ADD COLUMN colour TEXT")
        raise RuntimeError("power cut")

    target = one_more_migration(broken)
    with pytest.raises(UpgradeFailed) as failed:
        Store(db_path)
    message = str(failed.value)
    assert "\n" not in message
    assert f"from version {before[0]} to {target}" in message
    assert "left as it was" in message
    assert schema_of(db_path) == before
    assert not safety.wal_of(db_path).exists(), "the store closed its connection"


def test_a_failed_upgrade_keeps_every_workshop_readable_by_this_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, one_more_migration
):
    workshop_id = a_file_at_this_version(db_path)

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("UPDATE workshops SET title = 'half-migrated'")
        raise sqlite3.OperationalError("database or disk is full")

    one_more_migration(broken)
    with pytest.raises(UpgradeFailed, match="disk is full"):
        Store(db_path)
    monkeypatch.undo()
    with Store(db_path) as s:
        assert s.workshop(workshop_id).title == demo_workshop().title


def test_no_upgrade_without_a_backup_first(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, one_more_migration
):
    a_file_at_this_version(db_path)
    before = schema_of(db_path)
    ran: list[str] = []
    one_more_migration(lambda db: ran.append("migrated"))

    def no_room(*args: object, **kwargs: object) -> None:
        raise BackupFailed("No backup was made: the disk is full.")

    monkeypatch.setattr(backup, "take", no_room)
    with pytest.raises(UpgradeFailed) as refused:
        Store(db_path)
    assert ran == []
    assert "no backup could be made first (the disk is full.)" in str(refused.value)
    assert schema_of(db_path) == before


def test_a_new_file_needs_no_backup_before_its_schema_is_made(db_path: Path):
    Store(db_path).close()
    assert backup.list_backups(db_path) == []


# ----------------------------------------------------------------- newer files


def newer_database(db_path: Path, *, leave_wal: bool) -> int:
    """A file a newer app wrote; with ``leave_wal``, that app crashed with edits in its -wal."""
    a_file_at_this_version(db_path)
    newer = schema.SCHEMA_VERSION + 3
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {newer}")
    if leave_wal:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE workshops SET organisation = 'edited by the newer app'")
        # Copy the three files while the connection is open: the -wal stays, like after a crash.
        crashed = {p: p.read_bytes() for p in [db_path, *safety.sidecars(db_path)] if p.exists()}
        conn.close()
        for p in safety.sidecars(db_path):
            p.unlink(missing_ok=True)
        for p, data in crashed.items():
            p.write_bytes(data)
    else:
        conn.close()
    return newer


@pytest.mark.parametrize("leave_wal", [False, True], ids=["closed", "crashed"])
def test_a_database_from_a_newer_app_is_refused_naming_both_versions_untouched(
    db_path: Path, leave_wal: bool
):
    newer = newer_database(db_path, leave_wal=leave_wal)
    files = [p for p in [db_path, *safety.sidecars(db_path)[:2]] if p.exists()]
    assert (safety.wal_of(db_path) in files) is leave_wal
    before = {p: p.read_bytes() for p in files}
    with pytest.raises(NewerDatabase) as refused:
        Store(db_path)
    message = str(refused.value)
    assert f"database version {newer}" in message
    assert f"up to version {schema.SCHEMA_VERSION}" in message
    assert {p: p.read_bytes() for p in files} == before
    assert backup.list_backups(db_path) == [], "no backup is made of a file it cannot read"


def test_the_command_line_refuses_a_newer_database_in_one_line_untouched(
    db_path: Path, capsys: pytest.CaptureFixture[str]
):
    newer = newer_database(db_path, leave_wal=True)
    before = db_path.read_bytes()
    assert cli.main(["--db", str(db_path), "demo"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"version {newer}" in err
    assert db_path.read_bytes() == before


def test_a_json_file_from_a_newer_version_is_refused_naming_both_and_left_as_it_was(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    document = interchange.to_document(editing.new_workshop("From the future"))
    document["version"] = FORMAT_VERSION + 1
    file = tmp_path / "future.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    before = file.read_bytes()

    with pytest.raises(ImportProblems) as refused:
        interchange.read(file)
    summary = refused.value.summary()
    assert str(FORMAT_VERSION + 1) in summary and str(FORMAT_VERSION) in summary

    assert cli.main(["--db", str(db_path), "import", str(file)]) == 1
    assert str(FORMAT_VERSION + 1) in capsys.readouterr().err
    assert file.read_bytes() == before
    with Store(db_path) as s:
        assert s.list_workshops() == []


def test_a_file_of_the_previous_schema_keeps_every_workshop_reviews_and_links_identical(
    db_path: Path,
):
    """Version 3 held reviews and the link to last quarter's workshop; version 4 must
    bring them over untouched, beside a workshop without either."""
    import datetime as dt

    from cxworkshop.domain.model import ReviewDecision, ReviewStatus
    from tests.unit.test_sponsor_asks import as_version_3

    with Store(db_path) as s:
        demo = demo_workshop()
        demo.asks, demo.review_cadence, demo.signed_on = [], None, None
        first = s.create_workshop(demo)
        assert first.id is not None
        june = s.add_review(first.id, dt.date(2027, 6, 17))
        goals = first.goals
        s.record_review(
            first.id,
            june.id,
            goals[0].id,
            reading="2.1%",
            status=ReviewStatus.ON_TRACK,
            note="Checkout redesign shipped.",
        )
        s.record_review(first.id, june.id, goals[2].id, decision=ReviewDecision.DROP)
        s.record_review(
            first.id, june.id, goals[3].id, decision=ReviewDecision.RETARGET, new_target="1.5%"
        )
        following = s.create_next_workshop(first.id, "Q3 2027 — Customer experience charter")
        blank = s.create_workshop(editing.new_workshop("Blank"))
        before = [s.workshop(w.id) for w in (first, following, blank) if w.id is not None]
    as_version_3(db_path)
    assert schema_of(db_path)[0] == 3
    with Store(db_path) as s:
        assert schema.user_version(s.db) == schema.SCHEMA_VERSION
        after = [s.workshop(w.id) for w in before if w.id is not None]
    assert after == before
    assert after[1].follows == after[0].id
    assert [r.held_on for r in after[0].reviews] == [dt.date(2027, 6, 17)]
