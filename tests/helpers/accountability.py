"""The set-up the Accountability step's tests share: a small workshop and the page on it."""

from __future__ import annotations

from typing import Any

from cxworkshop.domain.model import Goal, Participant, Pillar
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.session import Session
from tests.helpers.gui import make_active, show_page

GOALS = (
    (Pillar.WIN, "Raise trial-to-paid conversion"),
    (Pillar.KEEP, "Lower monthly churn"),
    (Pillar.ADVOCATE, "Raise NPS to 35"),
)
"""One goal per pillar."""


def add_goals_and_two_people(session: Session, second: tuple[str, str]) -> Session:
    """Add :data:`GOALS` and two people, and no roles yet.

    Ana Silva, chief executive, works in the first function; ``second`` (a
    name and a role title) in the second.
    """
    store, wid = session.store, session.workshop_id
    for pillar, title in GOALS:
        store.add_goal(wid, Goal(pillar=pillar, title=title))
    ws = session.workshop
    store.add_participant(wid, Participant("Ana Silva", ws.functions[0].id, "Chief executive"))
    name, role_title = second
    store.add_participant(wid, Participant(name, ws.functions[1].id, role_title))
    return session


def show_accountability(qtbot: Any, session: Session | None, *, active: bool) -> AccountabilityPage:
    """The Accountability page at 1600 x 1000 on ``session``, its checks up to date."""
    page = show_page(qtbot, AccountabilityPage(), 1600, 1000, active=False)
    page.set_session(session)
    if active:
        make_active(qtbot, page)
    page.update_checks()
    return page
