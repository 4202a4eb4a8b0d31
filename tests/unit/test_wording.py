"""The shared pieces of English: counts, lists, places and quotes, worded one way everywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cxworkshop
from cxworkshop.domain.wording import (
    QUOTE_LIMIT,
    TITLE_QUOTE_LIMIT,
    and_join,
    dots_text,
    in_quotes,
    ordinal,
    plural,
    quoted,
    quoted_title,
    size_text,
)

words = st.text(st.characters(categories=["L"]), min_size=1, max_size=12)


def test_counts_read_as_people_say_them():
    assert plural(1, "goal") == "1 goal"
    assert plural(0, "goal") == "0 goals"
    assert plural(2, "person", "people") == "2 people"
    assert plural(1, "person", "people") == "1 person"
    assert dots_text(1) == "1 dot"
    assert dots_text(5) == "5 dots"
    assert size_text(9, 1) == "9 goals, 1 participant"


def test_lists_end_in_and_without_a_comma():
    assert and_join([]) == ""
    assert and_join(["Sales"]) == "Sales"
    assert and_join(["Sales", "IT"]) == "Sales and IT"
    assert and_join(["Sales", "IT", "HR"]) == "Sales, IT and HR"


@given(st.lists(words, max_size=8))
def test_a_joined_list_gives_back_its_parts_in_order(parts: list[str]):
    joined = and_join(parts)
    if len(parts) >= 2:
        head, last = joined.rsplit(" and ", 1)
        assert [*head.split(", "), last] == parts
    else:
        assert joined == "".join(parts)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_places_are_ordinals(n: int, text: str):
    assert ordinal(n) == text


@given(st.integers(0, 10_000))
def test_every_place_has_its_number_and_one_english_suffix(n: int):
    text = ordinal(n)
    number, suffix = text[: len(str(n))], text[len(str(n)) :]
    assert number == str(n)
    if n % 100 in (11, 12, 13) or n % 10 not in (1, 2, 3):
        assert suffix == "th"
    else:
        assert suffix == {1: "st", 2: "nd", 3: "rd"}[n % 10]


def test_quotes_keep_an_undo_text_to_one_short_line():
    assert quoted("Ann Lee") == "'Ann Lee'"
    assert quoted("Every customer\nknown") == "'Every customer known'"
    long = "Every customer feels known, helped and valued at every step"
    assert quoted(long) == "'Every customer feels known, helped and…'"
    assert quoted_title(long) == "'Every customer feels known, helped and valued a…'"
    assert in_quotes("Cut churn") == "“Cut churn”"


@given(st.text(max_size=200), st.integers(2, 80))
def test_a_quote_is_one_line_within_its_limit_and_whole_when_it_fits(text: str, limit: int):
    out = quoted(text, limit)
    inner = out[1:-1]
    assert out[0] == out[-1] == "'"
    assert "\n" not in inner and len(inner) <= limit
    folded = " ".join(text.split())
    if len(folded) <= limit:
        assert inner == folded
    else:
        assert inner.endswith("…") and folded.startswith(inner[:-1])


def test_the_limits_suit_names_and_titles():
    assert QUOTE_LIMIT < TITLE_QUOTE_LIMIT


SHARED = {"plural", "and_join", "ordinal", "dots_text", "size_text", "quoted", "in_quotes"}


def test_no_module_keeps_a_copy_of_its_own():
    package = Path(cxworkshop.__file__).parent
    copies = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "domain" / "wording.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in SHARED:
                copies.append(f"{path.relative_to(package)}:{node.lineno} {node.name}")
    assert copies == []
