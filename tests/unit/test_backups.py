"""Rolling backups: made by SQLite from the live file, checked before old ones go, restorable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cxworkshop.domain import editing
from cxworkshop.domain.model import Goal, Pillar
from cxworkshop.storage import backup, safety
from cxworkshop.storage.backup import Backup, BackupFailed, Reason, RestoreFailed
from cxworkshop.storage.store import Store

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def add_workshops(store: Store, *titles: str) -> list[int]:
    ids = []
    for title in titles:
        ws = store.create_workshop(editing.new_workshop(title, organisation="Northwind"))
        assert ws.id is not None
        ids.append(ws.id)
    return ids


def titles_in(path: Path) -> list[str]:
    with Store(path) as s:
        return sorted(w.title for w in s.list_workshops())


def test_a_backup_holds_the_workshops_as_they_were_and_says_how_many(store: Store, db_path: Path):
    add_workshops(store, "Kick-off", "Follow-up")
    made = backup.take(store.conn, db_path)
    add_workshops(store, "After the backup")

    assert made.path.parent == db_path.parent / "backups"
    assert made.workshops == 2 and made.reason is Reason.REGULAR
    assert titles_in(made.path) == ["Follow-up", "Kick-off"]
    [listed] = backup.list_backups(db_path)
    assert (listed.path, listed.workshops) == (made.path, 2)
    assert abs(listed.taken_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_backup_is_one_self_contained_file_that_passes_the_full_check(
    store: Store, db_path: Path
):
    add_workshops(store, "Kick-off")
    made = backup.take(store.conn, db_path)
    conn = safety.read_only(made.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_edits_still_in_the_write_ahead_log_are_in_the_backup(store: Store, db_path: Path):
    # A raw copy of the main file would miss these: they are only in the -wal so far.
    [wid] = add_workshops(store, "Kick-off")
    store.add_goal(wid, Goal(Pillar.KEEP, "Cut churn"))
    assert safety.wal_of(db_path).stat().st_size > 0
    made = backup.take(store.conn, db_path)
    with Store(made.path) as copy:
        assert [g.title for g in copy.workshop(wid).goals] == ["Cut churn"]


def test_no_backup_is_taken_from_a_file_that_fails_its_quick_check(tmp_path: Path):
    db = tmp_path / "workshops.sqlite3"
    with Store(db) as s:
        add_workshops(s, *[f"Workshop {i}" for i in range(30)])
    # Break a page of the workshops table: the kind of damage quick_check finds.
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'workshops'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * 12)
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(BackupFailed, match="fails its check"):
            backup.take(conn, db)
    finally:
        conn.close()
    assert backup.list_backups(db) == []


def test_older_backups_are_rotated_out_only_after_the_new_one_is_checked(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    add_workshops(store, "Kick-off")
    for minute in range(backup.KEEP_RECENT):
        backup.take(store.conn, db_path, now=T0 + dt.timedelta(minutes=minute))
    before = [b.path for b in backup.list_backups(db_path)]

    # A copy that fails its own check never replaces the oldest good one.
    monkeypatch.setattr(backup, "problems_of", lambda path: ["page 3: btree damaged"])
    with pytest.raises(BackupFailed, match="copy failed its check"):
        backup.take(store.conn, db_path, now=T0 + dt.timedelta(minutes=30))
    monkeypatch.undo()
    assert [b.path for b in backup.list_backups(db_path)] == before

    newest = backup.take(store.conn, db_path, now=T0 + dt.timedelta(minutes=31))
    after = [b.path for b in backup.list_backups(db_path)]
    assert len(after) == backup.KEEP_RECENT
    assert after[0] == newest.path
    assert before[-1] not in after, "the oldest was rotated out"


@pytest.mark.slow
def test_one_backup_a_day_is_kept_for_two_weeks_and_the_last_before_an_upgrade_for_good(
    store: Store, db_path: Path
):
    add_workshops(store, "Kick-off")
    long_ago = T0 - dt.timedelta(days=90)
    upgrade = backup.take(store.conn, db_path, Reason.BEFORE_UPGRADE, now=long_ago)
    for day in range(20):
        for hour in (9, 12, 17):
            moment = T0 + dt.timedelta(days=day, hours=hour - 9)
            backup.take(store.conn, db_path, now=moment)
    kept = backup.list_backups(db_path)
    last_day = (T0 + dt.timedelta(days=19)).date()
    days = {b.taken_at.date() for b in kept if b.reason is Reason.REGULAR}
    assert days == {last_day - dt.timedelta(days=n) for n in range(backup.KEEP_DAYS)}
    assert upgrade.path in {b.path for b in kept}
    assert sum(b.taken_at.date() == last_day for b in kept) == 3


def test_a_full_disk_makes_no_backup_and_leaves_no_partial_file(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    add_workshops(store, "Kick-off")
    good = backup.take(store.conn, db_path, now=T0)

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(BackupFailed) as refused:
        backup.take(store.conn, db_path)
    assert str(refused.value) == "No backup was made: the disk is full."
    assert [p.name for p in backup.folder(db_path).iterdir()] == [good.path.name]


def test_a_backup_is_never_taken_in_the_middle_of_an_edit(store: Store, db_path: Path):
    store.conn.execute("BEGIN")
    try:
        with pytest.raises(BackupFailed):
            backup.take(store.conn, db_path)
    finally:
        store.conn.execute("ROLLBACK")


def test_backups_of_another_database_in_the_same_folder_are_not_listed(tmp_path: Path):
    with Store(tmp_path / "workshops.sqlite3") as a, Store(tmp_path / "workshops-2.sqlite3") as b:
        backup.take(a.conn, a.path)
        backup.take(b.conn, b.path)
        assert len(backup.list_backups(a.path)) == 1
        assert len(backup.list_backups(b.path)) == 1


def test_an_unreadable_backup_is_listed_as_such_and_skipped_as_the_newest_good(
    store: Store, db_path: Path
):
    add_workshops(store, "Kick-off")
    good = backup.take(store.conn, db_path, now=T0)
    bad = backup.take(store.conn, db_path, now=T0 + dt.timedelta(hours=1))
    bad.path.write_bytes(b"not a database at all" * 100)
    listed = backup.list_backups(db_path)
    assert [(b.path, b.readable) for b in listed] == [(bad.path, False), (good.path, True)]
    newest = backup.newest_good(db_path)
    assert newest is not None and newest.path == good.path and newest.workshops == 1


# ----------------------------------------------------------------- restore


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file_as_a_backup(
    db_path: Path,
):
    with Store(db_path) as s:
        add_workshops(s, "Kick-off")
        chosen = backup.take(s.conn, db_path, now=T0)
        add_workshops(s, "Made after the backup")
    kept = backup.restore(db_path, chosen)
    assert titles_in(db_path) == ["Kick-off"]
    assert kept is not None and kept.reason is Reason.BEFORE_RESTORE
    assert titles_in(kept.path) == ["Kick-off", "Made after the backup"]
    # The restore can itself be undone, from the same list.
    backup.restore(db_path, kept)
    assert titles_in(db_path) == ["Kick-off", "Made after the backup"]


def test_a_damaged_backup_is_not_restored_and_nothing_changes(db_path: Path):
    with Store(db_path) as s:
        add_workshops(s, "Kick-off")
        chosen = backup.take(s.conn, db_path)
    chosen.path.write_bytes(b"\0" * 4096)
    before = db_path.read_bytes()
    with pytest.raises(RestoreFailed, match="Nothing was changed"):
        backup.restore(db_path, chosen)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(".*restoring*"))


def test_a_restore_that_fails_half_way_leaves_the_current_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with Store(db_path) as s:
        add_workshops(s, "Kick-off")
        chosen = backup.take(s.conn, db_path, now=T0)
        add_workshops(s, "Still here")
    real_replace = backup.os.replace

    def refuse_the_last_step(src: object, dst: object) -> None:
        if Path(str(dst)) == db_path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(backup.os, "replace", refuse_the_last_step)
    with pytest.raises(RestoreFailed, match="the disk is full"):
        backup.restore(db_path, chosen)
    monkeypatch.undo()
    assert titles_in(db_path) == ["Kick-off", "Still here"]
    assert not list(db_path.parent.glob(".*restoring*"))


def test_a_file_still_open_elsewhere_is_not_replaced(store: Store, db_path: Path):
    add_workshops(store, "Kick-off")
    chosen = backup.take(store.conn, db_path)
    with pytest.raises(RestoreFailed, match="still open"):
        backup.restore(db_path, chosen)
    assert [w.title for w in store.list_workshops()] == ["Kick-off"]


def test_a_backup_from_a_newer_app_is_not_restored(db_path: Path):
    with Store(db_path) as s:
        chosen = backup.take(s.conn, db_path)
    conn = sqlite3.connect(chosen.path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(RestoreFailed, match="newer version"):
        backup.restore(db_path, Backup(chosen.path, chosen.taken_at, chosen.reason))
