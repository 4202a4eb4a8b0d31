"""The indexed checks give exactly what scanning every assignment for every question gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import checks
from cxworkshop.domain.checks import Limits
from cxworkshop.domain.model import Assignee, Assignment, Goal, Pillar, Role, Workshop
from tests.helpers.strategies import workshops


class ScanningBoard(checks._Board):
    """The straightforward board: every answer is a fresh scan of the workshop."""

    def columns(self) -> Iterator[tuple[Pillar, list[Goal]]]:
        for pillar in Pillar:
            yield pillar, [g for g in self.ws.goals if g.pillar is pillar]

    def holders(self, goal_id: str, role: Role) -> list[Assignee]:
        return [a.assignee for a in self.assignments if a.goal_id == goal_id and a.role is role]

    def accountable_for(self, who: Assignee) -> list[str]:
        held = {
            a.goal_id for a in self.assignments if a.assignee == who and a.role is Role.ACCOUNTABLE
        }
        return [g.id for _, column in self.columns() for g in column if g.id in held]

    def assignments_of(self, who: Assignee) -> list[Assignment]:
        return [a for a in self.assignments if a.assignee == who]

    def assignments_through(self, function_id: str) -> list[Assignment]:
        return [a for a in self.assignments if self.function_of(a.assignee) == function_id]

    def involved_functions(self) -> set[str]:
        found = (self.function_of(a.assignee) for a in self.assignments)
        return {f for f in found if f is not None}


@st.composite
def half_imported(draw: st.DrawFn) -> Workshop:
    """A workshop the edits made, then assignments written straight in, as a file might hold.

    Several Accountables, the same role twice, and roles of goals, functions
    and people that are no longer there.
    """
    ws = draw(workshops(max_items=8))
    goal_ids = [g.id for g in ws.goals] + ["gone-goal"]
    assignees = (
        [Assignee.function(f.id) for f in ws.functions]
        + [Assignee.participant(p.id) for p in ws.participants]
        + [Assignee.function("gone-function"), Assignee.participant("gone-person")]
    )
    extra = draw(
        st.lists(
            st.builds(
                Assignment,
                st.sampled_from(goal_ids),
                st.sampled_from(assignees),
                st.sampled_from(Role),
            ),
            max_size=25,
        )
    )
    ws.assignments.extend(extra)
    if ws.assignments:  # the same role written twice
        ws.assignments.extend(draw(st.lists(st.sampled_from(ws.assignments), max_size=5)))
    if ws.goals and draw(st.booleans()):
        ws.goals.append(draw(st.sampled_from(ws.goals)))  # a goal listed twice
    return ws


limits = st.builds(Limits, st.integers(0, 4), st.integers(0, 4), st.integers(0, 6))


@pytest.mark.slow
@given(half_imported(), limits)
def test_the_indexed_checks_find_what_scanning_finds(ws: Workshop, limits: Limits) -> None:
    indexed = (checks.check(ws, limits), checks.coverage(ws, limits))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "_Board", ScanningBoard)
        scanned = (checks.check(ws, limits), checks.coverage(ws, limits))
    assert indexed == scanned


def test_the_reference_is_the_one_being_compared() -> None:
    """The comparison above means something only if the scanning board is the one used."""
    used: list[type] = []

    class Watched(ScanningBoard):
        def __init__(self, ws: Workshop) -> None:
            used.append(type(self))
            super().__init__(ws)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "_Board", Watched)
        checks.check(Workshop(title="Empty"))
    assert used == [Watched]
