"""Reading the number out of a measure as the room wrote it, and progress towards a target."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.measures import Comparison, parse, progress

# Amounts as a measure states them: up to nine digits, up to two decimals.
amounts = st.decimals(min_value=0, max_value=Decimal("999999999.99"), places=2)


def plain(value: Decimal) -> str:
    """``value`` as digits, never in exponent form."""
    return format(value, "f")


def grouped(value: Decimal, separator: str) -> str:
    """``value`` written with thousands grouped, as many people write it."""
    whole, _, fraction = format(value, "f").partition(".")
    groups = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    text = separator.join([whole, *groups])
    return f"{text}.{fraction}" if fraction else text


@given(amounts, st.sampled_from([",", " ", "\u202f", "\u00a0"]))
def test_a_number_with_its_thousands_grouped_reads_back_as_written(value, separator):
    written = grouped(value, separator)
    quantity = parse(written)
    assert quantity is not None, written
    assert quantity.value == value
    assert quantity.unit == ""


@given(
    amounts,
    st.sampled_from(["€{}", "{} EUR", "{}€", "EUR {}", "{} eur"]),
)
def test_a_currency_before_or_after_the_number_is_the_unit(value, form):
    quantity = parse(form.format(plain(value)))
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (value, "EUR")


@given(amounts, st.sampled_from(["{}%", "{} %", "{} percent", "{} per cent", "{} pct"]))
def test_every_way_of_writing_a_percentage_means_percent(value, form):
    quantity = parse(form.format(plain(value)))
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (value, "%")


@given(amounts, st.sampled_from(["", "%", "EUR", "days", "minutes"]))
def test_a_quantity_written_plainly_reads_back_the_same(value, unit):
    from cxworkshop.domain.measures import Quantity

    original = Quantity(value, unit)
    again = parse(original.as_text())
    assert again is not None
    assert (again.value, again.unit) == (original.value, original.unit)


@pytest.mark.parametrize(
    ("written", "value", "unit", "comparator"),
    [
        ("3,1%", "3.1", "%", ""),
        ("1,5001", "1.5001", "", ""),
        ("12k", "12000", "", ""),
        ("€2m", "2000000", "EUR", ""),
        ("12km", "12", "km", ""),
        ("< 2 days", "2", "days", "<"),
        ("under 24 hours", "24", "hours", "<"),
        ("≥ 95%", "95", "%", "≥"),
        ("about 5 min", "5", "minutes", "≈"),
        ("−5", "-5", "", ""),
    ],
)
def test_how_a_measure_is_read(written, value, unit, comparator):
    quantity = parse(written)
    assert quantity is not None
    assert (quantity.value, quantity.unit, quantity.comparator) == (
        Decimal(value),
        unit,
        comparator,
    )
    assert quantity.text == written


@pytest.mark.parametrize(
    "written", ["", "Q4 2027", "4.2/7", "2 to 3 days", "NPS of about 40", "€5 EUR", "€5%", "tbc"]
)
def test_text_without_one_single_number_is_left_as_text(written):
    assert parse(written) is None


def test_every_baseline_and_target_of_the_demo_is_a_number():
    for goal in demo_workshop().goals:
        assert parse(goal.baseline) is not None, goal.baseline
        assert parse(goal.target) is not None, goal.target


finite = st.decimals(min_value=-1_000_000, max_value=1_000_000, places=2)


@given(finite, finite, st.sampled_from(["", "%", "€"]))
def test_the_baseline_is_no_progress_and_the_target_is_all_of_it(start, goal, unit):
    assume(start != goal)

    def written(value: Decimal) -> str:
        return f"€{plain(value)}" if unit == "€" else f"{plain(value)}{unit}"

    assert progress(written(start), written(start), written(goal)).fraction == 0
    assert progress(written(start), written(goal), written(goal)).fraction == 1


@given(finite, finite, st.integers(0, 100), st.integers(0, 100))
def test_a_reading_further_towards_the_target_is_further_along_whichever_way_it_lies(
    start, goal, one, other
):
    assume(start != goal)
    readings = [start + (goal - start) * Decimal(step) / 100 for step in (one, other)]
    first, second = (
        progress(plain(start), plain(reading), plain(goal)).fraction for reading in readings
    )
    assert first is not None and second is not None
    assert (first < second) == (one < other)
    assert first == pytest.approx(one / 100)


def test_a_falling_churn_rate_moves_towards_its_target():
    halfway = progress("3.0%", "2.5%", "2.0%")
    assert halfway.comparable
    assert halfway.fraction == pytest.approx(0.5)
    assert progress("3.0%", "3.5%", "2.0%").fraction == pytest.approx(-0.5)


def test_a_bare_reading_takes_the_unit_of_the_baseline_and_target():
    assert progress("€58", "50", "€45").unit == "EUR"


def test_progress_says_why_it_cannot_be_charted():
    different = progress("12%", "€3", "20%")
    assert different.comparison is Comparison.DIFFERENT_UNITS
    assert "%" in different.why and "EUR" in different.why
    words = progress("tbc", "3", "Q4")
    assert words.comparison is Comparison.NOT_A_NUMBER
    assert words.why == "The baseline and target are not a single number."
    same = progress("5", "6", "5")
    assert same.comparison is Comparison.NO_CHANGE_ASKED
    assert same.fraction is None
