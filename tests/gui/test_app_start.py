"""The app opens on the library, and on the demo workshop when asked."""

from __future__ import annotations

from cxworkshop.gui.app import find_or_create_demo
from cxworkshop.gui.main_window import MainWindow


def test_demo_is_made_once_and_then_reused(store):
    first = find_or_create_demo(store)
    again = find_or_create_demo(store)
    assert first == again
    assert len(store.list_workshops()) == 1


def test_window_lists_workshops_and_opens_one(qtbot, store):
    demo_id = find_or_create_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.library.count() == 1
    window.open_workshop(demo_id)
    assert store.workshop(demo_id).title in window.windowTitle()
