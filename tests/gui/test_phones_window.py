"""Phones as the facilitator runs them: on and off, who joined, the inbox, the audience screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cxworkshop.domain.model import Participant, Pillar, ProposalStatus, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.phones.network import CANNOT_CONNECT
from cxworkshop.storage.store import Store
from tests.gui.test_voting_flow import GOALS, VOTERS
from tests.helpers.gui import reopened
from tests.helpers.phones import Phone, off_thread

MARKUP_NAME = "<b>Bold</b> & Co"


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from cxworkshop.domain import editing
    from cxworkshop.domain.model import Goal

    ws = editing.new_workshop("Spring CX workshop")
    for name in (*VOTERS, MARKUP_NAME):
        editing.add_participant(ws, Participant(name))
    for pillar, title in GOALS:
        editing.add_goal(ws, Goal(pillar, title))
    ws.current_step = Step.GOALS
    created = store.create_workshop(ws)
    win = MainWindow(store, Options(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    assert created.id is not None
    win.open_workshop(created.id)
    yield win
    win.close()


def local(window: MainWindow) -> Phone:
    """A phone on the laptop itself: the server listens on every address, loopback too."""
    server = window.phones.bridge.server  # type: ignore[union-attr]
    return Phone(f"http://127.0.0.1:{server.port}{server.path()}")


def joined_rows(window: MainWindow) -> list[str]:
    """Each row of who joined: the name, and when they joined (the row's tooltip)."""
    joined = window.phones.panel.joined
    return [f"{joined.item(r).text()} — {joined.item(r).toolTip()}" for r in range(joined.count())]


def test_phones_are_off_until_turned_on_and_the_goals_button_turns_them_on(qtbot, window):
    phones = window.phones
    assert not phones.is_on and not phones.action.isChecked()
    goals_page = window.workshop_view.pages[Step.GOALS]
    button = goals_page.phones_button
    assert button.isVisible() and not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert phones.is_on and phones.action.isChecked() and button.isChecked()
    priorities_button = window.workshop_view.pages[Step.PRIORITIES].phones_button
    assert priorities_button.isChecked()
    assert phones.dock.isVisible()
    url = phones.url()
    assert url is None or url.endswith(phones.bridge.server.path())
    # The address is new each time: off and on again, the old key no longer works.
    old = local(window)
    assert off_thread(qtbot, old.state)["view"] == "join"
    phones.action.trigger()
    assert not phones.is_on and not button.isChecked()
    phones.action.trigger()
    status, text = off_thread(qtbot, lambda: old.request("api/state"))
    assert status == 404 and text == "Not Found.\n"
    assert off_thread(qtbot, local(window).state)["view"] == "join"


def test_the_audience_screen_shows_the_address_and_how_many_joined_never_who(qtbot, window):
    window.phones.action.trigger()
    audience = window.room.audience
    phone = local(window)
    status, _ = off_thread(qtbot, lambda: phone.join("Ben Okafor"))
    assert status == 200
    qtbot.waitUntil(lambda: joined_rows(window) == ["Ben Okafor — Joined during Goals"])
    status, _ = off_thread(
        qtbot, lambda: phone.request("api/propose", {"pillar": "keep", "title": "Loyalty card"})
    )
    assert status == 200
    url = window.phones.url()
    shown = audience.rendered_text()
    if url is not None:
        assert url in shown
        assert "1 joined · 1 goal proposed" in shown
    assert not any("Ben Okafor" in text for text in shown)
    # The facilitator sees it in the inbox, as plain words, with no sender.
    inbox = window.phones.inbox
    assert [inbox.list.item(r).text() for r in range(inbox.list.count())] == ["Keep · Loyalty card"]
    assert window.phones.panel.help.text() == CANNOT_CONNECT


def test_accepting_a_proposal_makes_a_card_in_one_undo_step(qtbot, window):
    window.phones.action.trigger()
    session = window.session
    phone = local(window)
    off_thread(qtbot, lambda: phone.join("Chloe Martin"))
    for title in ("Loyalty card", "Answer every email within a day", "Free returns"):
        status, _ = off_thread(
            qtbot, lambda t=title: phone.request("api/propose", {"pillar": "keep", "title": t})
        )
        assert status == 200
    inbox = window.phones.inbox
    assert inbox.list.count() == 3
    steps = session.undo_stack.count()

    inbox.list.setCurrentRow(0)
    qtbot.mouseClick(inbox.accept_button, Qt.MouseButton.LeftButton)
    assert session.undo_stack.count() == steps + 1
    keep_titles = [g.title for g in reopened(session).goals if g.pillar is Pillar.KEEP]
    assert keep_titles[-1] == "Loyalty card"
    assert inbox.list.count() == 2
    session.undo_stack.undo()
    fresh = reopened(session)
    assert "Loyalty card" not in [g.title for g in fresh.goals]
    assert fresh.proposals[0].status is ProposalStatus.NEW
    assert inbox.list.count() == 3
    session.undo_stack.redo()
    assert "Loyalty card" in [g.title for g in reopened(session).goals]

    # Merge the second into an existing card; set the third aside; each undoable.
    inbox.list.setCurrentRow(0)
    churn = inbox.merge_box.findText("Keep · Lower monthly churn")
    inbox.merge_box.setCurrentIndex(churn)
    qtbot.mouseClick(inbox.merge_button, Qt.MouseButton.LeftButton)
    inbox.list.setCurrentRow(0)
    qtbot.mouseClick(inbox.aside_button, Qt.MouseButton.LeftButton)
    statuses = {p.title: p.status for p in reopened(session).proposals}
    assert statuses == {
        "Loyalty card": ProposalStatus.ACCEPTED,
        "Answer every email within a day": ProposalStatus.MERGED,
        "Free returns": ProposalStatus.SET_ASIDE,
    }
    assert inbox.list.count() == 0
    session.undo_stack.undo()
    assert {p.title: p.status for p in reopened(session).proposals}["Free returns"] is (
        ProposalStatus.NEW
    )


def test_a_name_taken_by_mistake_is_freed_and_a_person_added_from_the_laptop(qtbot, window):
    window.phones.action.trigger()
    panel = window.phones.panel
    wrong, right = local(window), local(window)
    assert off_thread(qtbot, lambda: wrong.join(MARKUP_NAME))[0] == 200
    qtbot.waitUntil(lambda: joined_rows(window) == [f"{MARKUP_NAME} — Joined during Goals"])
    panel.joined.setCurrentRow(0)
    qtbot.mouseClick(panel.free_button, Qt.MouseButton.LeftButton)
    assert joined_rows(window) == []
    assert off_thread(qtbot, wrong.state)["view"] == "join"
    assert off_thread(qtbot, lambda: right.join(MARKUP_NAME))[0] == 200

    # Someone not on the list: the facilitator adds them (one undo step); the phone sees them.
    qtbot.keyClicks(panel.add_edit, "Farah Haddad")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.add_edit.text() == ""
    names = [p["name"] for p in off_thread(qtbot, local(window).state)["people"]]
    assert "Farah Haddad" in names
    window.session.undo_stack.undo()
    names = [p["name"] for p in off_thread(qtbot, local(window).state)["people"]]
    assert "Farah Haddad" not in names


def test_phones_stop_when_the_workshop_closes_and_when_the_app_quits(qtbot, window):
    window.phones.action.trigger()
    phone = local(window)
    assert off_thread(qtbot, phone.state)["view"] == "join"
    window.show_library()
    assert not window.phones.is_on and not window.phones.action.isEnabled()
    with pytest.raises(OSError):
        phone.request("api/state")
    window.open_workshop(window.store.list_workshops()[0].id)
    assert not window.phones.is_on, "off by default, every time a workshop opens"
    window.phones.action.trigger()
    phone = local(window)
    assert off_thread(qtbot, phone.state)["view"] == "join"
    window.close()
    assert not window.phones.is_on
    with pytest.raises(OSError):
        phone.request("api/state")


def test_the_address_is_the_default_routes_with_the_others_to_pick(qtbot, window, monkeypatch):
    from cxworkshop.gui import phones as phones_module

    monkeypatch.setattr(phones_module, "laptop_addresses", lambda: ["192.168.1.20", "10.5.0.2"])
    window.phones.action.trigger()
    panel, server = window.phones.panel, window.phones.bridge.server
    assert [panel.addresses.itemText(i) for i in range(panel.addresses.count())] == [
        "192.168.1.20",
        "10.5.0.2",
    ]
    assert panel.address.text() == f"http://192.168.1.20:{server.port}{server.path()}"
    panel.addresses.setCurrentIndex(1)
    panel.addresses.activated.emit(1)
    url = f"http://10.5.0.2:{server.port}{server.path()}"
    assert panel.address.text() == url
    window.phones.attach_audience(window.room.audience)
    assert url in window.room.audience.rendered_text()


def test_without_a_network_the_panel_says_so_in_one_line(qtbot, window, monkeypatch):
    from cxworkshop.gui import phones as phones_module
    from cxworkshop.phones.network import NO_NETWORK

    monkeypatch.setattr(phones_module, "laptop_addresses", list)
    window.phones.action.trigger()
    panel = window.phones.panel
    assert window.phones.url() is None
    assert panel.no_network.isVisible() and panel.no_network.text() == NO_NETWORK
    assert "hotspot" in NO_NETWORK and "\n" not in NO_NETWORK
    assert not panel.qr.isVisible() and not window.phones.on_screen.isVisibleTo(
        window.room.audience
    )


@pytest.mark.desktop
def test_ctrl_shift_p_turns_phones_on_and_off_from_the_window(qtbot, window):
    from tests.helpers.gui import make_active

    make_active(qtbot, window)
    page = window.workshop_view.pages[Step.GOALS]
    page.focus_first()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_P, CTRL_SHIFT)
    assert window.phones.is_on and page.phones_button.isChecked()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_P, CTRL_SHIFT)
    assert not window.phones.is_on and not page.phones_button.isChecked()


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_voter_at_the_laptop_can_neither_see_nor_switch_the_phones(qtbot, window):
    window.phones.action.trigger()
    window.go_to(Step.PRIORITIES)
    page = window.workshop_view.pages[Step.PRIORITIES]
    assert window.phones.dock.isVisible()
    page.start_setup()
    qtbot.mouseClick(page.setup.open_button, Qt.MouseButton.LeftButton)
    # The facilitator hands the laptop to the voters.
    qtbot.mouseClick(page.round_view.next_button, Qt.MouseButton.LeftButton)
    assert not window.phones.dock.isVisible() and not window.phones.action.isEnabled()
    assert window.phones.is_on, "phones keep working while someone votes at the laptop"
    assert off_thread(qtbot, local(window).state)["view"] == "join"
    qtbot.mouseClick(page.pass_card.done_button, Qt.MouseButton.LeftButton)
    assert window.phones.dock.isVisible() and window.phones.action.isEnabled()


@pytest.mark.desktop
def test_at_1280x720_the_panel_reads_well_and_leaves_the_board_its_room(qtbot, window):
    """Six names in view at the window's own text size, the address whole, the board wide."""
    from PySide6.QtGui import QFontInfo

    window.phones.action.trigger()
    people = window.session.workshop.participants
    # Every person joins from a phone of their own.
    for person in people:
        status, _ = off_thread(qtbot, lambda name=person.name: local(window).join(name))
        assert status == 200
    qtbot.waitUntil(lambda: len(joined_rows(window)) == len(people))
    panel = window.phones.panel
    qtbot.wait(50)
    # Names one a line, none cut, at least six in view without scrolling.
    joined = panel.joined
    rows = [joined.visualItemRect(joined.item(r)) for r in range(joined.count())]
    in_view = [r for r in rows if joined.viewport().rect().contains(r)]
    assert len(in_view) >= 6, f"{len(in_view)} names in view"
    assert all(r.height() < 2 * joined.fontMetrics().lineSpacing() for r in rows)
    # The panel's type is the window's own (menus, status bar), not a smaller default.
    status_px = QFontInfo(window.statusBar().font()).pixelSize()
    assert QFontInfo(joined.font()).pixelSize() >= status_px
    # The address is shown whole inside its box (a key may break anywhere).
    address = panel.address
    height = address.document().size().height() * address.fontMetrics().lineSpacing()
    assert address.text() == window.phones.url()
    assert height <= address.viewport().height() + 1
    # However wide the key's letters: the widest letters on the longest address.
    address.setText("http://255.255.255.255:65535/" + "W" * 22 + "/")
    qtbot.wait(20)
    height = address.document().size().height() * address.fontMetrics().lineSpacing()
    assert height <= address.viewport().height() + 1
    # The goals board keeps more than 72 % of the window's width (the panel is 300 px).
    board = window.workshop_view.pages[Step.GOALS]
    assert board.width() >= 0.72 * window.width(), board.width()


def test_a_server_that_dies_shows_phones_off_and_says_so(qtbot, window):
    """The phones' server runs in a process of its own; if it is killed, the window says so."""
    phones = window.phones
    phones.action.trigger()
    assert off_thread(qtbot, local(window).state)["view"] == "join"
    phones.bridge.server._process.kill()
    qtbot.waitUntil(lambda: not phones.is_on, timeout=5000)
    assert not phones.action.isChecked()
    assert "Phones stopped" in window.statusBar().currentMessage()
    # Turned on again, phones work as before.
    phones.action.trigger()
    assert phones.is_on
    assert off_thread(qtbot, local(window).state)["view"] == "join"
