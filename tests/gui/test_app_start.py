"""The app opens on the library, and on the demo workshop when asked."""

from __future__ import annotations

from cxworkshop.gui.app import find_or_create_demo


def test_demo_is_made_once_and_then_reused(store):
    first = find_or_create_demo(store)
    again = find_or_create_demo(store)
    assert first == again
    assert len(store.list_workshops()) == 1
