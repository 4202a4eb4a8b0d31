"""The log: a small rotating file that says what went wrong and where, not what a workshop says."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxworkshop import logging_setup
from cxworkshop.domain import editing
from cxworkshop.storage import backup
from cxworkshop.storage.backup import BackupFailed
from cxworkshop.storage.errors import DamagedDatabase
from cxworkshop.storage.store import Store

SECRET = "Project Nightingale: cut 400 jobs"
"""Workshop text of the kind that must never reach a log file."""


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = logging_setup.configure(tmp_path / "logs")
    assert path is not None
    yield path
    for handler in list(logging_setup.log.handlers):
        if handler.get_name() == "cxworkshop-file":
            logging_setup.log.removeHandler(handler)
            handler.close()
    logging_setup.log.setLevel(logging.NOTSET)


def test_the_log_folder_is_in_the_user_data_folder_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(logging_setup.ENV_LOG_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert logging_setup.log_folder() == tmp_path / "data" / "CX Workshop" / "logs"
    monkeypatch.setenv(logging_setup.ENV_LOG_DIR, str(tmp_path / "elsewhere"))
    assert logging_setup.log_folder() == tmp_path / "elsewhere"


def test_an_unexpected_error_is_logged_with_where_it_happened_but_not_its_message(
    log_file: Path, capsys: pytest.CaptureFixture[str]
):
    try:
        raise ValueError(SECRET)
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR" in logged and "Unexpected ValueError" in logged
    assert "test_logging.py" in logged, "the traceback says where"
    assert SECRET not in logged
    assert SECRET in capsys.readouterr().err, "and it is still reported as Python would"


def test_a_refused_file_is_logged_by_name_without_its_content(log_file: Path, db_path: Path):
    with Store(db_path) as s:
        s.create_workshop(editing.new_workshop(SECRET))
    db_path.write_bytes(db_path.read_bytes()[:100] + b"\xff" * 5000)
    with pytest.raises(DamagedDatabase):
        Store(db_path)
    logged = log_file.read_text(encoding="utf-8")
    assert "Refused" in logged and db_path.name in logged
    assert SECRET not in logged


def test_backups_and_their_failures_are_logged(
    log_file: Path, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    store.create_workshop(editing.new_workshop(SECRET))
    made = backup.take(store.conn, db_path)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(BackupFailed):
        backup.take(store.conn, db_path)
    logged = log_file.read_text(encoding="utf-8")
    assert f"Backup made: {made.path.name} (1 workshops)" in logged
    assert "Backup of workshops.sqlite3 failed: OSError" in logged
    assert SECRET not in logged


def test_the_log_rotates_and_keeps_a_few_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    path = logging_setup.configure(tmp_path / "logs")
    assert path is not None
    try:
        for n in range(500):
            logging_setup.log.error("Write failed for workshop %d", n)
        files = sorted(p.name for p in path.parent.iterdir())
        assert files == [
            "cxworkshop.log",
            *(f"cxworkshop.log.{i}" for i in range(1, logging_setup.KEPT_FILES + 1)),
        ]
        assert all(p.stat().st_size <= 2100 for p in path.parent.iterdir())
    finally:
        for handler in list(logging_setup.log.handlers):
            logging_setup.log.removeHandler(handler)
            handler.close()


def test_a_log_folder_that_cannot_be_made_leaves_the_app_without_a_log(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert logging_setup.configure(blocker / "logs") is None
