"""Backups and damaged files in the window: restoring a backup, the damaged-file choice, the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from cxworkshop.domain import editing
from cxworkshop.domain.model import Goal, Pillar
from cxworkshop.gui import recovery
from cxworkshop.gui.app import open_store
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.recovery import AutoBackup, Choice, DamagedFileDialog, RestoreDialog
from cxworkshop.storage import backup, safety
from cxworkshop.storage.backup import Backup, BackupFailed, Reason
from cxworkshop.storage.store import Store

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def titles(store: Store) -> list[str]:
    return sorted(s.title for s in store.list_workshops())


def add(store: Store, title: str) -> int:
    ws = store.create_workshop(editing.new_workshop(title, organisation="Acme"))
    assert ws.id is not None
    return ws.id


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def menu_texts(window: MainWindow, menu_title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return [a.text() for a in menu.actions()]


# ----------------------------------------------------------------- the restore dialog


def test_the_restore_dialog_lists_backups_newest_first_with_dates_and_workshop_counts(
    qtbot, store: Store, db_path: Path
):
    add(store, "Kick-off")
    older = backup.take(store.conn, db_path, now=T0)
    add(store, "Follow-up")
    newer = backup.take(store.conn, db_path, now=T0 + dt.timedelta(days=1))
    dialog = RestoreDialog(backup.list_backups(db_path), backup.folder(db_path))
    qtbot.addWidget(dialog)
    rows = [
        [dialog.list.topLevelItem(r).text(c) for c in range(3)]
        for r in range(dialog.list.topLevelItemCount())
    ]
    assert rows == [
        [recovery.when_made(newer.taken_at), "2 workshops", "Automatic"],
        [recovery.when_made(older.taken_at), "1 workshop", "Automatic"],
    ]
    assert dialog.chosen() == backup.list_backups(db_path)[0]
    assert dialog.restore_button.isEnabled() and dialog.restore_button.isDefault()


def test_an_unreadable_backup_is_shown_but_cannot_be_chosen(qtbot, store: Store, db_path: Path):
    good = backup.take(store.conn, db_path, now=T0)
    bad = backup.take(store.conn, db_path, now=T0 + dt.timedelta(hours=1))
    bad.path.write_bytes(b"garbage" * 1000)
    dialog = RestoreDialog(backup.list_backups(db_path), backup.folder(db_path))
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItem(0).text(1) == "⚠ cannot be read"
    assert not dialog.list.topLevelItem(0).flags() & Qt.ItemFlag.ItemIsEnabled
    chosen = dialog.chosen()
    assert chosen is not None and chosen.path == good.path


def test_with_no_backups_the_dialog_says_when_they_are_made(qtbot, db_path: Path):
    dialog = RestoreDialog([], backup.folder(db_path))
    qtbot.addWidget(dialog)
    assert "no backups yet" in dialog.explanation.text()
    assert dialog.chosen() is None and not dialog.restore_button.isVisible()


def test_dates_read_today_yesterday_or_the_day():
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC).astimezone()
    assert recovery.when_made(now, now).startswith("Today ")
    assert recovery.when_made(now - dt.timedelta(days=1), now).startswith("Yesterday ")
    assert "2026" in recovery.when_made(now - dt.timedelta(days=9), now)


# ----------------------------------------------------------------- restoring from the window


def test_file_menu_restores_a_backup_and_keeps_the_current_workshops_as_one(
    qtbot, window: MainWindow, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert "Restore from &Backup…" in menu_texts(window, "&File")
    add(store, "Kick-off")
    backup.take(store.conn, db_path, now=T0)
    later = add(store, "Made after the backup")
    window.open_workshop(later)
    window.session.edit(  # type: ignore[union-attr]
        "Add goal 'Cut churn'",
        lambda: store.add_goal(later, Goal(Pillar.KEEP, "Cut churn")),
        lambda g: store.remove_goal(later, g.id),
    )

    def choose_the_oldest(dialog: RestoreDialog) -> int:
        dialog.list.setCurrentItem(dialog.list.topLevelItem(dialog.list.topLevelItemCount() - 1))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", choose_the_oldest)
    window.restore_backup_action.trigger()

    assert window.session is None, "back to the library"
    assert window.store is not store and titles(window.store) == ["Kick-off"]
    assert window.library_page.model.rowCount() == 1
    assert window.library.undo_stack.count() == 0
    assert "Restored the backup" in window.statusBar().currentMessage()
    kept = [b for b in backup.list_backups(db_path) if b.reason is Reason.BEFORE_RESTORE]
    assert len(kept) == 1 and kept[0].workshops == 2
    with Store(db_path) as reopened:
        assert titles(reopened) == ["Kick-off"]


def test_cancelling_the_restore_changes_nothing(
    window: MainWindow, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    add(store, "Kick-off")
    backup.take(store.conn, db_path)
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.restore_backup_action.trigger()
    assert window.store is store and titles(store) == ["Kick-off"]


def test_a_restore_that_fails_says_why_and_the_window_goes_on_with_the_file_as_it_was(
    window: MainWindow, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    add(store, "Kick-off")
    made = backup.take(store.conn, db_path)
    add(store, "Still here")
    made.path.write_bytes(b"\0" * 4096)
    chosen = Backup(made.path, made.taken_at, made.reason, workshops=1)

    class Dialog(RestoreDialog):
        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

        def chosen(self) -> Backup | None:
            return chosen

    monkeypatch.setattr(recovery, "RestoreDialog", Dialog)
    window.restore_backup_action.trigger()
    assert "cannot be restored" in window.statusBar().currentMessage()
    assert titles(window.store) == ["Kick-off", "Still here"]
    add(window.store, "Still usable")


# ----------------------------------------------------------------- a damaged file at start


def damage(db_path: Path) -> None:
    conn = safety.read_only(db_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'goals'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db_path.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\x0a\xff\xff\x00\x07\xff\xff")


@pytest.fixture
def damaged_with_a_backup(db_path: Path) -> Path:
    with Store(db_path) as s:
        for i in range(20):
            wid = add(s, f"Workshop {i}")
            s.add_goal(wid, Goal(Pillar.KEEP, f"Goal {i}"))
        backup.take(s.conn, db_path, now=T0)
        add(s, "Not in the backup")
    damage(db_path)
    return db_path


def answer(choice: Choice):  # type: ignore[no-untyped-def]
    def exec_(dialog: DamagedFileDialog) -> int:
        dialog.choose(choice)
        return int(dialog.result())

    return exec_


def test_a_damaged_file_at_start_offers_the_newest_good_backup_and_keeps_the_file(
    qtbot, damaged_with_a_backup: Path, monkeypatch: pytest.MonkeyPatch
):
    db_path = damaged_with_a_backup
    damaged_bytes = db_path.read_bytes()
    offered: list[str] = []

    def restore(dialog: DamagedFileDialog) -> int:
        assert dialog.restore_button is not None
        offered.append(dialog.restore_button.text())
        dialog.choose(Choice.RESTORE)
        return int(dialog.result())

    monkeypatch.setattr(DamagedFileDialog, "exec", restore)
    store = open_store(db_path)
    assert store is not None
    try:
        assert len(titles(store)) == 20 and "Not in the backup" not in titles(store)
    finally:
        store.close()
    assert offered == [f"Restore the backup of {recovery.when_made(T0)} (20 workshops)"]
    [kept] = (db_path.parent / "damaged").iterdir()
    assert (kept / db_path.name).read_bytes() == damaged_bytes


def test_a_damaged_file_can_give_way_to_a_new_empty_one(
    qtbot, damaged_with_a_backup: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(DamagedFileDialog, "exec", answer(Choice.NEW_FILE))
    store = open_store(damaged_with_a_backup)
    assert store is not None
    try:
        assert store.list_workshops() == []
    finally:
        store.close()
    assert len(list((damaged_with_a_backup.parent / "damaged").iterdir())) == 1


def test_quitting_at_the_damaged_file_leaves_everything_as_it_was(
    qtbot, damaged_with_a_backup: Path, monkeypatch: pytest.MonkeyPatch
):
    before = damaged_with_a_backup.read_bytes()
    monkeypatch.setattr(DamagedFileDialog, "exec", answer(Choice.QUIT))
    assert open_store(damaged_with_a_backup) is None
    assert damaged_with_a_backup.read_bytes() == before
    assert not (damaged_with_a_backup.parent / "damaged").exists()


def test_the_damaged_file_dialog_says_what_is_wrong_and_escape_quits(qtbot, tmp_path: Path):
    newest = Backup(tmp_path / "b.sqlite3", T0, Reason.REGULAR, workshops=3)
    dialog = DamagedFileDialog(tmp_path / "workshops.sqlite3", "the check found a problem.", newest)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.restore_button is not None and dialog.restore_button.isDefault()
    assert "(3 workshops)" in dialog.restore_button.text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is Choice.QUIT


def test_without_a_good_backup_only_a_new_file_or_quit_is_offered(qtbot, tmp_path: Path):
    dialog = DamagedFileDialog(tmp_path / "workshops.sqlite3", "it is damaged.", None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert dialog.new_button.isDefault()


# ----------------------------------------------------------------- automatic backups


def test_automatic_backups_are_made_only_when_something_changed(qtbot, store: Store, db_path: Path):
    auto = AutoBackup(lambda: store)
    add(store, "Kick-off")
    assert auto.back_up_if_changed() is not None
    assert auto.back_up_if_changed() is None
    add(store, "Follow-up")
    made = auto.back_up_if_changed()
    assert made is not None and made.workshops == 2
    # A new run of the app finds the newest backup already up to date.
    assert AutoBackup(lambda: store).back_up_if_changed() is None


def test_a_failed_automatic_backup_is_reported_in_the_status_bar(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
):
    def full(*args: object, **kwargs: object) -> None:
        raise BackupFailed("No backup was made: the disk is full.")

    monkeypatch.setattr(backup, "take", full)
    auto = AutoBackup(lambda: window.store, window)
    auto.sig_failed.connect(window.show_error)
    add(store, "Kick-off")
    assert auto.back_up_if_changed() is None
    assert window.statusBar().currentMessage() == "⚠ No backup was made: the disk is full."


# ----------------------------------------------------------------- the log


def test_help_opens_the_log_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "logs"
    monkeypatch.setenv("CXWORKSHOP_LOG_DIR", str(folder))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert "Open &Log Folder" in menu_texts(window, "&Help")
    window.open_log_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(folder))]
    assert folder.is_dir()


def test_at_start_the_damaged_file_question_belongs_to_the_window(
    qtbot, damaged_with_a_backup: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    # Brought to the front by a second launch, the window brings the question too.
    from cxworkshop.gui.app import start
    from cxworkshop.gui.options import Options

    parents: list[object] = []

    def quit_(dialog: DamagedFileDialog) -> int:
        parents.append(dialog.parentWidget())
        dialog.choose(Choice.QUIT)
        return int(dialog.result())

    monkeypatch.setattr(DamagedFileDialog, "exec", quit_)
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    window = start(damaged_with_a_backup, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: codes == [1], timeout=5000)
    assert parents == [window]


# ----------------------------------------------------------------- damage of every kind


def test_damage_that_keeps_the_size_time_and_inode_still_gets_the_recovery_offer(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import os

    with Store(db_path) as s:
        for i in range(20):
            s.add_goal(add(s, f"Workshop {i}"), Goal(Pillar.KEEP, f"Goal {i}"))
        backup.take(s.conn, db_path, now=T0)
    assert safety.remember_clean_close(db_path)
    stamp = db_path.stat()
    damage(db_path)
    os.utime(db_path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert (db_path.stat().st_size, db_path.stat().st_mtime_ns, db_path.stat().st_ino) == (
        stamp.st_size,
        stamp.st_mtime_ns,
        stamp.st_ino,
    )
    damaged_bytes = db_path.read_bytes()
    monkeypatch.setattr(DamagedFileDialog, "exec", answer(Choice.RESTORE))
    store = open_store(db_path)
    assert store is not None
    try:
        assert len(titles(store)) == 20
    finally:
        store.close()
    [kept] = (db_path.parent / "damaged").iterdir()
    assert (kept / db_path.name).read_bytes() == damaged_bytes


def test_a_schema_that_is_not_utf8_gets_the_recovery_offer_not_could_not_start(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    import sqlite3

    from cxworkshop.gui.app import start
    from cxworkshop.gui.options import Options

    with Store(db_path) as s:
        add(s, "Kick-off")
        backup.take(s.conn, db_path, now=T0)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET name = CAST(X'676f616c73ff' AS TEXT), "
        "sql = 'CREATE TABLE goals (' WHERE name = 'goals'"
    )
    conn.commit()
    conn.close()
    offered: list[str] = []

    def restore(dialog: DamagedFileDialog) -> int:
        assert dialog.restore_button is not None
        offered.append(dialog.restore_button.text())
        dialog.choose(Choice.RESTORE)
        return int(dialog.result())

    criticals: list[str] = []
    monkeypatch.setattr(DamagedFileDialog, "exec", restore)
    monkeypatch.setattr(
        recovery.QMessageBox, "critical", lambda parent, title, text: criticals.append(text)
    )
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    window = start(db_path, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_attached, timeout=5000)
    try:
        assert offered == [f"Restore the backup of {recovery.when_made(T0)} (1 workshop)"]
        assert criticals == [] and codes == []
        assert titles(window.store) == ["Kick-off"]
    finally:
        window.store.close()
    assert len(list((db_path.parent / "damaged").iterdir())) == 1


GUI_SAMPLE = 24


@pytest.mark.slow
def test_a_sample_of_randomly_damaged_files_opens_or_gets_the_recovery_offer(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The same damage as tests/unit/test_damage_fuzz.py, through the window's own start.
    import random

    from cxworkshop.gui.app import start
    from cxworkshop.gui.options import Options
    from tests.helpers.damage import library, make_damaged

    template = library(tmp_path / "template.sqlite3")
    rng = random.Random(20261206)
    offers: list[str] = []
    criticals: list[str] = []
    codes: list[int] = []

    def quit_(dialog: DamagedFileDialog) -> int:
        offers.append(dialog.windowTitle())
        dialog.choose(Choice.QUIT)
        return int(dialog.result())

    monkeypatch.setattr(DamagedFileDialog, "exec", quit_)
    monkeypatch.setattr(
        recovery.QMessageBox, "critical", lambda parent, title, text: criticals.append(text)
    )
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    outcomes = {"offered": 0, "opened": 0}
    opened: list[tuple[MainWindow, list[bool]]] = []
    for n in range(GUI_SAMPLE):
        path = tmp_path / f"{n}" / "workshops.sqlite3"
        path.parent.mkdir()
        make_damaged(path, template, rng)
        before = path.read_bytes()
        offers.clear(), codes.clear()
        window = start(path, Options(tmp_path / f"{n}" / "settings.ini"))
        qtbot.addWidget(window)
        ready: list[bool] = []
        window.sig_ready.connect(lambda ready=ready: ready.append(True))
        qtbot.waitUntil(lambda w=window: w.is_attached() or bool(codes), timeout=5000)
        assert criticals == [], f"file {n}: {criticals}"
        if window.is_attached():
            outcomes["opened"] += 1
            assert offers == [] and codes == []
            opened.append((window, ready))
        else:
            outcomes["offered"] += 1
            assert offers == ["CX Workshop"] and codes == [1], f"file {n}"
            assert path.read_bytes() == before, f"file {n}: a damaged file was written to"
            window.close()
    # Closed once whole: a window's menus and room mode come after its first paint.
    qtbot.waitUntil(lambda: all(ready for _, ready in opened), timeout=5000)
    for window, _ in opened:
        window.close()
        window.store.close()
    assert outcomes["offered"] >= GUI_SAMPLE // 4 and outcomes["opened"] >= 1, outcomes
