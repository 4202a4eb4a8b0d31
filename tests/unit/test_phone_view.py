"""What a phone is shown, for any workshop: its own ballot, never anyone else's, never totals."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain.model import Step
from cxworkshop.phones.room import Joins, open_ballot, phone_state, snapshot
from tests.helpers.builders import small_workshop
from tests.helpers.strategies import workshops


def test_a_phone_not_joined_sees_the_names_and_which_are_taken():
    ws = small_workshop()
    ws.id = 1
    taken = frozenset({ws.participants[0].id})
    state = phone_state(snapshot(ws), None, taken)
    assert state["view"] == "join"
    assert [(p["name"], p["taken"]) for p in state["people"]] == [
        (p.name, p is ws.participants[0]) for p in ws.participants
    ]


@given(ws=workshops(), data=st.data())
def test_a_phone_sees_its_own_ballot_and_nothing_of_anyone_elses(ws, data):
    ws.id = 1
    room = snapshot(ws)
    r = open_ballot(ws)
    for person in ws.participants:
        state = phone_state(room, person.id, frozenset())
        assert state["me"] == person.name
        text = json.dumps(state)
        # No other participant's id ever reaches this phone once it has joined.
        for other in ws.participants:
            if other.id != person.id:
                assert other.id not in text
        if r is not None and person.id in r.voter_ids:
            ballot = state["ballot"]
            assert ballot["mine"] == r.ballots.get(person.id)
            assert [g["id"] for g in ballot["goals"]] == [
                gid for gid in r.goal_ids if any(g.id == gid for g in ws.goals)
            ]
            assert set(ballot) == {"round", "runoff", "budget", "cap", "goals", "mine"}
        else:
            assert state["view"] == ("propose" if ws.current_step is Step.GOALS else "screen")
    # Totals never travel: a snapshot has no place for them.
    assert "tallies" not in repr(room) and "revealed" not in repr(room)


@given(claims=st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("xyz")), max_size=20))
def test_each_name_is_held_by_at_most_one_device(claims):
    joins = Joins()
    for token, person in claims:
        try:
            joins.claim(token, person, Step.SETUP)
        except Exception:
            assert any(joins.who(t) == person for t in "abcd" if t != token)
    held = [joins.who(t) for t in "abcd"]
    people = [p for p in held if p is not None]
    assert len(people) == len(set(people))
