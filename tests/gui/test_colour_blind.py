"""Pillars and roles read apart without colour: each has its own symbol or letter, and those
stay visible to people with protanopia or deuteranopia (Machado et al. 2009 simulation)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from cxworkshop.domain.model import Pillar, Role, Step
from cxworkshop.gui.audience import AudienceWindow
from cxworkshop.gui.audience.colours import contrast
from cxworkshop.gui.theme import PILLAR_SYMBOLS, ROLE_COLOURS
from tests.helpers.colour_vision import MACHADO, delta_e, simulate
from tests.helpers.paint_recorder import DrawnText, record

DEFICIENCIES = sorted(MACHADO)
SEEN_APART = 4.5
"""A symbol or letter still stands 4.5:1 from its background as the deficiency sees them."""
ROLES_APART = 10.0
"""The console's role colours stay at least this far apart (CIE76) for every viewer."""


@pytest.fixture
def audience(qtbot, demo_session) -> Iterator[AudienceWindow]:  # type: ignore[no-untyped-def]
    window = AudienceWindow()
    qtbot.addWidget(window)
    window.set_session(demo_session)
    window.set_round(demo_session.workshop.rounds[-1].id)
    window.resize(1280, 720)
    window.show()
    yield window
    window.close_from_console()


def visible_to(text: DrawnText, deficiency: str) -> float:
    return contrast(simulate(text.colour, deficiency), simulate(text.background, deficiency))


def symbols(drawn: list[DrawnText]) -> list[DrawnText]:
    return [t for t in drawn if t.text in PILLAR_SYMBOLS.values()]


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_every_goal_card_carries_its_pillars_symbol_seen_by_all(qtbot, audience, deficiency):  # type: ignore[no-untyped-def]
    ws = audience.session.workshop
    audience.set_step(Step.GOALS)
    drawn = record(audience).texts
    marks = symbols(drawn)
    # One in each column's heading and one on each card.
    assert len(marks) == len(ws.goals) + len(Pillar)
    for pillar in Pillar:
        count = sum(1 for t in marks if t.text == PILLAR_SYMBOLS[pillar])
        assert count == 1 + sum(1 for g in ws.goals if g.pillar is pillar)
    assert len(set(PILLAR_SYMBOLS.values())) == len(Pillar), "three shapes, not three colours"
    faint = [str(t) for t in marks if visible_to(t, deficiency) < SEEN_APART]
    assert not faint


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_role_letters_and_result_symbols_stay_readable(qtbot, audience, deficiency):  # type: ignore[no-untyped-def]
    ws = audience.session.workshop
    audience.set_step(Step.ACCOUNTABILITY)
    audience.set_selected_goal(ws.goals[0].id)
    drawn = record(audience).texts
    letters = [t for t in drawn if t.text in {r.value for r in Role}]
    assert sorted(t.text for t in letters) == sorted(r.value for r in Role)
    assert not [str(t) for t in letters if visible_to(t, deficiency) < SEEN_APART]
    # Each letter sits beside its role written out.
    assert all(role.label in [t.text for t in drawn] for role in Role)

    audience.set_selected_goal(None)
    audience.set_step(Step.PRIORITIES)
    marks = symbols(record(audience).texts)
    assert {t.text for t in marks} == set(PILLAR_SYMBOLS.values())
    assert not [str(t) for t in marks if visible_to(t, deficiency) < SEEN_APART]


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_consoles_role_colours_never_collapse(deficiency):  # type: ignore[no-untyped-def]
    def seen(colour: str) -> object:
        return colour if deficiency is None else simulate(colour, deficiency)

    for a, b in itertools.combinations(ROLE_COLOURS, 2):
        difference = delta_e(seen(ROLE_COLOURS[a]), seen(ROLE_COLOURS[b]))  # type: ignore[arg-type]
        assert difference > ROLES_APART, f"{a} and {b}: {difference:.1f} for {deficiency}"


def test_the_simulation_merges_what_it_should():
    """The check can fail: red and green that a deuteranope cannot tell apart are caught."""
    assert delta_e(simulate("#D03030", "deuteranopia"), simulate("#6B8E23", "deuteranopia")) < 10
    assert delta_e("#D03030", "#6B8E23") > 40
