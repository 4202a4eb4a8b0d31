"""The demo workshop: a finished charter that shows every part of the app, by the rules."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from cxworkshop.domain import checks, editing, voting
from cxworkshop.domain.defaults import default_functions, default_principles
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import (
    Assignee,
    AssigneeKind,
    Pillar,
    Role,
    Status,
    Step,
    TieBreak,
    VotingMode,
    Workshop,
)
from cxworkshop.storage.interchange import dumps, from_document, to_document


@pytest.fixture(scope="module")
def demo() -> Workshop:
    return demo_workshop()


def _executive(ws: Workshop, who: Assignee) -> bool:
    """An executive function, or a person with a C-suite or vice-president title."""
    if who.kind is AssigneeKind.FUNCTION:
        return editing.function(ws, who.id).name == "Executive leadership"
    title = editing.participant(ws, who.id).role_title
    return title.startswith("Chief ") or "President" in title


def test_demo_seats_the_ten_default_functions_in_their_order(demo: Workshop) -> None:
    expected = [(f.name, f.customer_facing, f.colour) for f in default_functions()]
    assert [(f.name, f.customer_facing, f.colour) for f in demo.functions] == expected
    assert len(demo.functions) == 10


def test_demo_has_eight_people_from_several_cultures_each_with_function_and_title(
    demo: Workshop,
) -> None:
    assert len(demo.participants) == 8
    assert len({p.name for p in demo.participants}) == 8
    for person in demo.participants:
        assert person.role_title
        assert editing.function(demo, person.function_id or "") is not None
    assert sum(not p.name.isascii() for p in demo.participants) >= 3


def test_demo_sponsor_is_an_executive_in_the_room(demo: Workshop) -> None:
    sponsor = next(p for p in demo.participants if p.name == demo.sponsor_name)
    assert sponsor.role_title == demo.sponsor_title
    assert _executive(demo, Assignee.participant(sponsor.id))


def test_demo_details_are_filled_in_for_the_charter(demo: Workshop) -> None:
    assert demo.title and demo.organisation and demo.facilitator and demo.vision
    assert demo.date is not None and demo.review_date is not None
    assert demo.review_date > demo.date
    assert demo.status in (Status.DONE, Status.RUNNING)
    assert demo.current_step is Step.CHARTER


def test_demo_has_three_measured_goals_under_each_pillar(demo: Workshop) -> None:
    assert len(demo.goals) == 9
    assert Counter(g.pillar for g in demo.goals) == dict.fromkeys(Pillar, 3)
    for g in demo.goals:
        assert g.metric and g.baseline and g.target and g.due, g.title
        assert g.baseline != g.target, g.title


def test_every_demo_goal_has_one_accountable_and_someone_responsible(demo: Workshop) -> None:
    for g in demo.goals:
        roles = Counter(a.role for a in editing.assignments_of(demo, g.id))
        assert roles[Role.ACCOUNTABLE] == 1, g.title
        assert roles[Role.RESPONSIBLE] >= 1, g.title


def test_demo_accountability_sits_with_the_executives(demo: Workshop) -> None:
    accountable = [editing.accountable(demo, g.id) for g in demo.goals]
    assert all(who is not None and _executive(demo, who) for who in accountable)
    by_holder = Counter(accountable)
    assert max(by_holder.values()) <= 2, "nobody should become a bottleneck"
    assert len(by_holder) >= 5


def test_demo_uses_every_raci_role_and_leaves_no_function_out(demo: Workshop) -> None:
    assert {a.role for a in demo.assignments} == set(Role)
    involved = {a.assignee.id for a in demo.assignments if a.assignee.kind is AssigneeKind.FUNCTION}
    assert involved == {f.id for f in demo.functions}
    assert any(a.assignee.kind is AssigneeKind.PARTICIPANT for a in demo.assignments)
    back_office = {f.id for f in demo.functions if not f.customer_facing}
    responsible = {a.assignee.id for a in demo.assignments if a.role is Role.RESPONSIBLE}
    assert back_office & responsible, "the back office should carry some of the work"


def test_demo_charter_has_no_accountability_errors(demo: Workshop) -> None:
    errors = [f for f in checks.check(demo) if f.severity is checks.Severity.ERROR]
    assert errors == []


def test_demo_charter_is_sound_enough_to_raise_no_warnings_either(demo: Workshop) -> None:
    warnings = [f for f in checks.check(demo) if f.severity is checks.Severity.WARNING]
    assert [w.message for w in warnings] == []


def test_demo_vote_is_a_closed_revealed_secret_ballot_everyone_cast(demo: Workshop) -> None:
    [r] = demo.rounds
    assert r.mode is VotingMode.SECRET
    assert not r.is_open and r.revealed
    assert r.goal_ids == [g.id for g in demo.goals]
    assert (r.dots_per_voter, r.max_per_goal) == (3, 2)
    assert r.voted() == [p.id for p in demo.participants]
    assert voting.voters_pending(r) == []
    for ballot in r.ballots.values():
        assert voting.ballot_fits(r, ballot)
        assert voting.placed(ballot) == r.dots_per_voter


def test_demo_tie_is_settled_by_the_sponsor(demo: Workshop) -> None:
    [r] = demo.rounds
    tied = voting.runoff_goals(r)
    assert [group for group in tied if set(group) == set(r.decision)], (tied, r.decision)
    assert r.decision_note
    settled = [p for p in voting.final_order(demo) if p.settled_by is TieBreak.SPONSOR]
    assert [p.goal_id for p in settled] == r.decision
    assert len({p.rank for p in settled}) == len(settled)


def test_demo_principles_are_the_defaults_mostly_committed_plus_one_of_their_own(
    demo: Workshop,
) -> None:
    defaults = [p.text for p in default_principles()]
    assert [p.text for p in demo.principles if not p.custom] == defaults
    [custom] = [p for p in demo.principles if p.custom]
    assert custom.committed
    committed = sum(p.committed for p in demo.principles)
    assert len(demo.principles) / 2 < committed < len(demo.principles)


def test_demo_ends_with_next_steps_that_have_owners_and_dates(demo: Workshop) -> None:
    assert 2 <= len(demo.commitments) <= 3
    names = {p.name for p in demo.participants}
    for c in demo.commitments:
        assert c.text and c.due
        assert c.owner in names


def test_demo_ids_are_unique_across_the_workshop(demo: Workshop) -> None:
    ids = [
        item.id
        for items in (
            demo.functions,
            demo.participants,
            demo.goals,
            demo.principles,
            demo.rounds,
            demo.commitments,
            demo.asks,
        )
        for item in items
    ]
    assert len(ids) == len(set(ids))


def _without_ids(ws: Workshop) -> str:
    """The exported text with every id replaced by where its object sits."""
    exported = dumps(ws)
    lists = (
        ws.functions,
        ws.participants,
        ws.goals,
        ws.principles,
        ws.rounds,
        ws.commitments,
        ws.asks,
    )
    for n, items in enumerate(lists):
        for i, item in enumerate(items):
            exported = exported.replace(item.id, f"<{n}.{i}>")
    return exported


def test_demo_is_the_same_every_time_but_for_its_ids() -> None:
    first, second = demo_workshop(), demo_workshop()
    assert {f.id for f in first.functions}.isdisjoint(f.id for f in second.functions)
    assert _without_ids(first) == _without_ids(second)
    assert not re.search(r"[0-9a-f]{12}", _without_ids(first))


def test_demo_survives_export_and_import(demo: Workshop) -> None:
    assert from_document(to_document(demo)) == demo
