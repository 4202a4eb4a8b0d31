"""A workshop's status as the facilitator sees it: beside the title, set by hand, moved on
by the room starting and by the final charter going out; every change one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Status, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.storage.store import Store


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def saved_status(store: Store, workshop_id: int) -> Status:
    """The status as a fresh open of the file reads it."""
    with Store(store.path) as fresh:
        return fresh.workshop(workshop_id).status


def new_draft(store: Store) -> int:
    ws = editing.new_workshop("Spring CX workshop", organisation="Acme Outdoor")
    ws.functions = default_functions()
    created = store.create_workshop(ws)
    assert created.id is not None
    return created.id


def finished(store: Store, status: Status) -> int:
    """The demo workshop, every step complete, at ``status``."""
    ws = demo_workshop()
    ws.status = status
    created = store.create_workshop(ws)
    assert created.id is not None
    return created.id


def menu_action(window: MainWindow, status: Status) -> Any:
    return window.workshop_view.status_menu.status_actions[status]


def test_the_status_shows_beside_the_title_and_is_set_by_hand(window, store):  # type: ignore[no-untyped-def]
    wid = new_draft(store)
    window.open_workshop(wid)
    button = window.workshop_view.status_button
    assert button.text() == "Status: ○ Draft  ▾"
    assert menu_action(window, Status.DRAFT).isChecked()

    menu_action(window, Status.DONE).trigger()
    assert saved_status(store, wid) is Status.DONE
    assert button.text() == "Status: ✓ Done  ▾"
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Mark workshop as Done"
    assert window.undo_action.text() == "&Undo Mark workshop as Done"

    window.undo_action.trigger()
    assert saved_status(store, wid) is Status.DRAFT
    assert button.text() == "Status: ○ Draft  ▾"
    window.redo_action.trigger()
    assert saved_status(store, wid) is Status.DONE

    menu_action(window, Status.RUNNING).trigger()
    assert session.undo_stack.undoText() == "Move workshop back to Running"
    assert saved_status(store, wid) is Status.RUNNING


def test_walking_the_steps_alone_leaves_a_draft_a_draft(window, store):  # type: ignore[no-untyped-def]
    wid = new_draft(store)
    window.open_workshop(wid)
    for step in Step:
        window.go_to(step)
    assert saved_status(store, wid) is Status.DRAFT
    assert window.session is not None and window.session.undo_stack.count() == 0


def test_showing_the_audience_screen_starts_the_workshop_as_its_own_undo_step(window, store):  # type: ignore[no-untyped-def]
    wid = new_draft(store)
    window.open_workshop(wid)
    window.go_to(Step.VISION)
    window.room.show_action.trigger()  # View > Show Audience Screen
    assert saved_status(store, wid) is Status.RUNNING
    assert window.workshop_view.status_button.text() == "Status: ◐ Running  ▾"
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Mark workshop as Running (audience screen shown)"
    assert "now Running" in window.statusBar().currentMessage()

    # Hiding and showing it again is no second change.
    window.room.show_action.trigger()
    window.room.show_action.trigger()
    assert session.undo_stack.count() == 1

    window.undo_action.trigger()
    assert saved_status(store, wid) is Status.DRAFT
    window.room.show_action.trigger()  # hidden


def test_starting_the_timer_starts_the_workshop(window, store):  # type: ignore[no-untyped-def]
    wid = new_draft(store)
    window.open_workshop(wid)
    window.room.timer_action.trigger()  # View > Start Timer
    assert saved_status(store, wid) is Status.RUNNING
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Mark workshop as Running (timer started)"
    window.room.timer_action.trigger()  # paused: it saves what it ran, and stops ticking
    assert not window.room.clock.running


def test_the_room_starting_leaves_a_done_workshop_done(window, store):  # type: ignore[no-untyped-def]
    wid = finished(store, Status.DONE)
    window.open_workshop(wid)
    window.room.show_action.trigger()
    window.room.timer_action.trigger()
    assert saved_status(store, wid) is Status.DONE
    assert window.session is not None and window.session.undo_stack.count() == 0
    window.room.show_action.trigger()
    window.room.timer_action.trigger()  # paused: it stops ticking
    assert not window.room.clock.running


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The save dialog answers with a path; the PDF viewer opens what it is given."""
    target = tmp_path / "charter.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    return target


@pytest.mark.slow
def test_exporting_the_final_charter_makes_the_workshop_done(window, store, save_to):  # type: ignore[no-untyped-def]
    wid = finished(store, Status.RUNNING)
    window.open_workshop(wid)
    window.export_pdf_action.trigger()  # File > Export PDF Charter…
    assert save_to.exists()
    assert saved_status(store, wid) is Status.DONE
    assert window.workshop_view.status_button.text() == "Status: ✓ Done  ▾"
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Mark workshop as Done (final charter exported)"
    # The PDF stays; undo takes back only the status.
    window.undo_action.trigger()
    assert saved_status(store, wid) is Status.RUNNING
    assert save_to.exists()


@pytest.mark.slow
def test_exporting_a_draft_charter_leaves_the_status_alone(window, store, save_to):  # type: ignore[no-untyped-def]
    wid = new_draft(store)
    window.open_workshop(wid)
    window.export_pdf_action.trigger()
    assert save_to.exists()
    assert saved_status(store, wid) is Status.DRAFT
    assert window.session is not None and window.session.undo_stack.count() == 0


@pytest.mark.slow
def test_the_library_lists_the_new_status_in_words(window, store, save_to):  # type: ignore[no-untyped-def]
    from cxworkshop.gui.models.library import LibraryModel

    wid = finished(store, Status.DRAFT)
    window.open_workshop(wid)
    window.export_pdf_action.trigger()
    window.show_library()
    model = window.library.model
    row = model.keys().index(wid)
    assert model.index(row, LibraryModel.STATUS).data() == "✓ Done"
