"""What a new workshop starts from: functions, colours, principles, example goals, hints."""

from __future__ import annotations

import itertools
import math

import pytest

from cxworkshop.domain import editing, text
from cxworkshop.domain.defaults import (
    PALETTE,
    contrast_ratio,
    default_functions,
    default_principles,
    example_goals,
    metric_hints,
    readable_text_colour,
)
from cxworkshop.domain.model import Pillar, Workshop

FRONT_OFFICE = {"Marketing", "Sales", "Customer Service", "UX Design"}


def test_the_table_starts_with_the_ten_usual_functions() -> None:
    names = [f.name for f in default_functions()]
    assert len(names) == len(set(names)) == 10
    assert names[0] == "Executive leadership"
    for expected in ("Marketing", "Sales", "Customer Service", "UX Design", "Product Management"):
        assert expected in names
    for expected in ("Operations", "IT", "HR", "Finance"):
        assert expected in names


def test_front_office_and_back_office_are_told_apart() -> None:
    functions = default_functions()
    assert {f.name for f in functions if f.customer_facing} == FRONT_OFFICE
    assert sum(not f.customer_facing for f in functions) == len(functions) - len(FRONT_OFFICE)


def test_every_call_gives_fresh_functions_with_fresh_ids() -> None:
    first, second = default_functions(), default_functions()
    assert {f.id for f in first}.isdisjoint(f.id for f in second)
    first[0].name = "Board"
    assert second[0].name != "Board"
    assert default_functions()[0].name != "Board"


def test_the_default_functions_all_fit_into_one_workshop() -> None:
    ws = Workshop(title="Check")
    for f in default_functions():
        editing.add_function(ws, f)
    assert len(ws.functions) == 10


def test_each_function_has_its_own_colour_in_the_app_form() -> None:
    colours = [f.colour for f in default_functions()]
    assert colours == [text.colour(c) for c in colours]
    assert len(set(colours)) == len(colours)
    assert colours == list(PALETTE)


@pytest.mark.parametrize("colour", PALETTE)
def test_each_colour_takes_black_or_white_text_at_four_and_a_half_to_one(colour: str) -> None:
    assert contrast_ratio(colour, readable_text_colour(colour)) >= 4.5


def test_readable_text_is_white_on_dark_and_black_on_light() -> None:
    assert readable_text_colour("#000000") == "#FFFFFF"
    assert readable_text_colour("#FFFFFF") == "#000000"
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


# Machado, Oliveira and Fernandes (2009) matrices for complete colour-vision
# deficiency, applied to linear RGB.
_DEFICIENCIES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(colour: str) -> list[float]:
    out = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("deficiency", _DEFICIENCIES)
def test_function_colours_stay_apart_for_colour_blind_viewers(deficiency: str) -> None:
    matrix = _DEFICIENCIES[deficiency]
    seen = {
        colour: _lab(
            [sum(m * c for m, c in zip(row, _linear(colour), strict=True)) for row in matrix]
        )
        for colour in PALETTE
    }
    closest = min(
        (math.dist(seen[a], seen[b]), a, b) for a, b in itertools.combinations(PALETTE, 2)
    )
    # A CIE76 distance of about 10 is plainly visible side by side on a projector.
    assert closest[0] >= 10, closest


def test_principles_start_uncommitted_and_from_the_app() -> None:
    principles = default_principles()
    assert len(principles) == 7
    assert not any(p.committed or p.custom for p in principles)


def test_each_principle_is_one_short_line_that_a_workshop_accepts() -> None:
    ws = Workshop(title="Check")
    for p in default_principles():
        assert "\n" not in p.text
        assert len(p.text) <= 80
        editing.add_principle(ws, p)
    assert len(ws.principles) == 7


def test_every_call_gives_fresh_principles() -> None:
    first, second = default_principles(), default_principles()
    assert {p.id for p in first}.isdisjoint(p.id for p in second)
    first[0].committed = True
    assert not second[0].committed


def test_every_pillar_has_three_or_four_measured_example_goals() -> None:
    examples = example_goals()
    assert list(examples) == list(Pillar)
    for pillar, goals in examples.items():
        assert 3 <= len(goals) <= 4
        for g in goals:
            assert g.pillar is pillar
            assert g.title and g.metric and g.baseline and g.target and g.due
            assert g.baseline != g.target


def test_example_goals_are_fresh_each_time_and_fit_into_a_workshop() -> None:
    ws = Workshop(title="Check")
    first = [g for goals in example_goals().values() for g in goals]
    second = [g for goals in example_goals().values() for g in goals]
    assert {g.id for g in first}.isdisjoint(g.id for g in second)
    for g in first:
        editing.add_goal(ws, g)
    assert [g.title for g in ws.goals] == [g.title for g in second]


def test_every_pillar_has_a_one_line_hint_of_what_to_measure() -> None:
    hints = metric_hints()
    assert list(hints) == list(Pillar)
    assert all(h and "\n" not in h and len(h) <= text.SHORT_MAX for h in hints.values())
    hints[Pillar.WIN] = "changed"
    assert metric_hints()[Pillar.WIN] != "changed"


@pytest.mark.parametrize("pillar", list(Pillar))
def test_a_pillars_name_and_metric_hint_are_plain_text_shown_as_written(pillar: Pillar) -> None:
    # The goal panel puts them into rich text as they are, without escaping.
    for words in (pillar.label, metric_hints()[pillar]):
        assert not set(words) & set("<>&"), words
