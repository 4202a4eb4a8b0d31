"""apply_diff: the removals and insertions it calls turn the old rows into the new."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.gui.models.base import apply_diff

keys = st.lists(st.integers(0, 30), unique=True, max_size=20)


@given(old=keys, new=keys)
def test_the_calls_turn_the_old_rows_into_the_new(old: list[int], new: list[int]):
    rows = list(old)

    def remove(first: int, last: int) -> None:
        assert 0 <= first <= last < len(rows)
        del rows[first : last + 1]

    def insert(at: int, b0: int, b1: int) -> None:
        assert 0 <= at <= len(rows) and 0 <= b0 < b1 <= len(new)
        rows[at:at] = new[b0:b1]

    apply_diff(old, new, remove, insert)
    assert rows == new


def test_a_first_fill_is_one_insertion_and_emptying_one_removal():
    calls: list[tuple[str, int, int]] = []
    apply_diff(
        [],
        [1, 2, 3],
        lambda a, b: calls.append(("remove", a, b)),
        lambda at, b0, b1: calls.append(("insert", b0, b1)),
    )
    apply_diff(
        [1, 2, 3],
        [],
        lambda a, b: calls.append(("remove", a, b)),
        lambda at, b0, b1: calls.append(("insert", b0, b1)),
    )
    assert calls == [("insert", 0, 3), ("remove", 0, 2)]
