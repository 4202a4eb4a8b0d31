"""An edit the disk refuses: said in one line, not shown as done, and the window carries on.

The disk's refusal is injected with a trigger that fails every write the way
a full disk does; tests/unit/test_full_disk.py fills a real (small) disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cxworkshop.domain.model import Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store

FULL = "SELECT RAISE(ABORT, 'database or disk is full')"


def refuse_writes(store: Store) -> None:
    """Every write to the workshop's own row fails, as on a full disk (this connection only)."""
    store.conn.executescript(
        f"CREATE TEMP TRIGGER full_disk BEFORE UPDATE ON main.workshops BEGIN {FULL}; END;"
    )


def allow_writes(store: Store) -> None:
    store.conn.execute("DROP TRIGGER temp.full_disk")


def saved_sponsor(db_path: Path, workshop_id: int) -> str:
    with Store(db_path) as other:
        return other.workshop(workshop_id).sponsor_name


@pytest.fixture
def window(qtbot, blank_session, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(blank_session.store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_workshop(blank_session.workshop_id)
    win.go_to(Step.SETUP)
    yield win
    win.close()


def type_sponsor(window: MainWindow, name: str) -> None:
    field = window.workshop_view.pages[Step.SETUP].form.sponsorNameEdit  # type: ignore[attr-defined]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, name)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_an_edit_the_disk_refuses_is_not_shown_as_done_and_the_window_carries_on(
    qtbot, window: MainWindow, db_path: Path
):
    session = window.session
    assert session is not None
    wid = session.workshop_id
    page = window.workshop_view.pages[Step.SETUP]
    field = page.form.sponsorNameEdit  # type: ignore[attr-defined]
    type_sponsor(window, "Ana Silva")
    assert saved_sponsor(db_path, wid) == "Ana Silva"

    refuse_writes(session.store)
    with qtbot.waitSignal(session.sig_error) as refused:
        type_sponsor(window, "Dana Cruz")
    message = refused.args[0]
    assert message == (
        "The change could not be saved, so it was not made: database or disk is full."
    )
    assert field.text() == "Ana Silva", "the field shows what is saved, not the refused text"
    assert session.workshop.sponsor_name == "Ana Silva"
    assert saved_sponsor(db_path, wid) == "Ana Silva", "nothing saved was lost"
    assert session.undo_stack.count() == 1, "the refused edit is no undo step"
    assert window.statusBar().currentMessage() == f"⚠ {message}"
    assert window.saved_label.text() == "✓ All changes saved"
    assert not session.store.conn.in_transaction

    allow_writes(session.store)
    type_sponsor(window, "Dana Cruz")
    assert saved_sponsor(db_path, wid) == "Dana Cruz"
    window.undo_action.trigger()
    assert saved_sponsor(db_path, wid) == "Ana Silva"


def test_an_undo_the_disk_refuses_keeps_screen_and_file_in_step(
    qtbot, window: MainWindow, db_path: Path
):
    session = window.session
    assert session is not None
    wid = session.workshop_id
    type_sponsor(window, "Ana Silva")
    refuse_writes(session.store)
    with qtbot.waitSignal(session.sig_error) as refused:
        window.undo_action.trigger()
    assert "could not be saved" in refused.args[0]
    assert "undo history was cleared" in refused.args[0]
    qtbot.waitUntil(lambda: session.undo_stack.count() == 0)
    assert session.workshop.sponsor_name == saved_sponsor(db_path, wid) == "Ana Silva"
    allow_writes(session.store)
    type_sponsor(window, "Dana Cruz")
    assert saved_sponsor(db_path, wid) == "Dana Cruz"


# ----------------------------------------------------------------- exports aimed at the file itself


def test_exports_onto_the_open_workshop_file_are_refused_and_edits_still_reach_it(
    qtbot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from cxworkshop.storage import safety

    workshop_id = window.session.workshop_id  # type: ignore[union-attr]
    wal = safety.wal_of(db_path)
    before = {p: p.read_bytes() for p in (db_path, wal)}
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text))
    )
    # The window adds .pdf or .json to a name without it: links with those names
    # lead to the workshop file and its -wal.
    for n, target in enumerate((db_path, wal)):
        for suffix in (".pdf", ".json"):
            (db_path.parent / f"link{n}{suffix}").symlink_to(target)
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            staticmethod(lambda *a, n=n: (f"{db_path.parent}/link{n}", "")),
        )
        charter = window.workshop_view.pages[Step.CHARTER]
        assert charter.export_pdf() is None  # type: ignore[attr-defined]
        assert window.library.export_workshop(workshop_id) is False
        assert {p: p.read_bytes() for p in before} == before
    assert len(warnings) == 2 and all("Nothing was written" in w for w in warnings)
    assert "\n" not in "".join(warnings)
    assert "Nothing was written" in window.statusBar().currentMessage()
    type_sponsor(window, "Dana Reyes")
    assert saved_sponsor(db_path, workshop_id) == "Dana Reyes"
