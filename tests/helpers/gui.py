"""Helpers for the GUI tests: a page shown as the facilitator sees it, things looked up
by name in an open session, and the workshop as a fresh open of the file reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from cxworkshop.domain import editing
from cxworkshop.domain.model import Assignee, Goal, Role, Workshop
from cxworkshop.gui.session import Session
from cxworkshop.storage.store import Store
from tests.helpers import builders

WidgetT = TypeVar("WidgetT", bound=QWidget)


def make_active(qtbot: Any, window: QWidget) -> None:
    """Make ``window`` the active window, as a click on it would, and wait until it is."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def show_page(
    qtbot: Any, page: WidgetT, width: int, height: int, *, active: bool = True
) -> WidgetT:
    """``page`` in a window of its own at ``width`` x ``height``, shown and (by default) active."""
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    if active:
        make_active(qtbot, page)
    return page


def reopened(session: Session) -> Workshop:
    """The workshop as a second connection to the file reads it."""
    with Store(session.store.path) as fresh:
        return fresh.workshop(session.workshop_id)


# ----------------------------------------------------------------- look-ups by name


def goal_titled(session: Session, title: str) -> Goal:
    return builders.goal_titled(session.workshop, title)


def function(session: Session, name: str) -> Assignee:
    """The function called ``name``, as someone who can take a role."""
    return builders.as_function(session.workshop, name)


def person(session: Session, name: str) -> Assignee:
    """The person called ``name``, as someone who can take a role."""
    return builders.as_person(session.workshop, name)


def roles_by_name(ws: Workshop, goal_id: str) -> dict[str, Role]:
    """Who holds what on a goal, by name."""
    return {
        editing.assignee_name(ws, a.assignee): a.role
        for a in ws.assignments
        if a.goal_id == goal_id
    }


def roles_on(session: Session, goal_id: str) -> dict[str, Role]:
    """Who holds what on a goal, by name, as the store holds it."""
    return roles_by_name(session.workshop, goal_id)


def demo_workshops(store: Store, titles: list[str]) -> list[int]:
    """The demo workshop stored once under each title, in this order; their ids."""
    from cxworkshop.domain.demo import demo_workshop

    ids = []
    for title in titles:
        ws = demo_workshop()
        ws.title = title
        created = store.create_workshop(ws)
        assert created.id is not None
        ids.append(created.id)
    return ids


def run_probe(code: str, *args: str, timeout: float = 60) -> str:
    """Run ``code`` in a fresh Python with Qt offscreen; what it printed (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()
