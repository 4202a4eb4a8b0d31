"""Goals proposed from phones: the rules, the inbox in the file, and what the facilitator does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import proposals
from cxworkshop.domain.errors import InvalidValue, NotFound, RuleError
from cxworkshop.domain.model import Pillar, Proposal, ProposalStatus, Workshop
from cxworkshop.storage import schema
from cxworkshop.storage.interchange import to_document
from cxworkshop.storage.store import Store
from tests.helpers.builders import goal_titled, person_named, small_workshop
from tests.helpers.old_schemas import as_version
from tests.helpers.strategies import line


def reread(db_path: Path, workshop_id: int) -> Workshop:
    with Store(db_path) as fresh:
        return fresh.workshop(workshop_id)


# ----------------------------------------------------------------- the rules


def test_a_proposal_is_cleaned_like_a_goal_and_lands_in_the_inbox():
    ws = small_workshop()
    ben = person_named(ws, "Ben Okafor")
    sent = proposals.add_proposal(
        ws, Proposal(Pillar.KEEP, "  Answer every complaint within a day ", " CES ", ben.id)
    )
    assert (sent.title, sent.metric, sent.status) == (
        "Answer every complaint within a day",
        "CES",
        ProposalStatus.NEW,
    )
    assert proposals.pending(ws) == [sent]


@pytest.mark.parametrize(
    ("pillar", "title", "metric"),
    [
        ("growth", "A goal", ""),
        (None, "A goal", ""),
        ("win", "   ", ""),
        ("win", 42, ""),
        ("win", "x" * 201, ""),
        ("win", "A goal", "m" * 201),
        ("win", "Line\x00break", ""),
        ("win", "A goal", ["not", "text"]),
    ],
)
def test_a_proposal_a_goal_could_not_be_is_refused_in_one_sentence(pillar, title, metric):
    ws = small_workshop()
    with pytest.raises(InvalidValue) as refused:
        proposals.add_proposal(ws, Proposal(pillar, title, metric))
    assert "\n" not in str(refused.value)
    assert ws.proposals == []


def test_a_proposal_from_someone_not_in_the_workshop_is_refused():
    ws = small_workshop()
    with pytest.raises(NotFound):
        proposals.add_proposal(ws, Proposal(Pillar.WIN, "Faster checkout", "", "nobody"))
    assert ws.proposals == []


def test_one_person_cannot_flood_the_inbox():
    ws = small_workshop()
    ana = person_named(ws, "Ana Silva")
    for n in range(proposals.MAX_PER_PERSON):
        proposals.add_proposal(ws, Proposal(Pillar.WIN, f"Idea {n}", "", ana.id))
    with pytest.raises(RuleError):
        proposals.add_proposal(ws, Proposal(Pillar.WIN, "One more", "", ana.id))
    ben = person_named(ws, "Ben Okafor")
    proposals.add_proposal(ws, Proposal(Pillar.WIN, "Ben's idea", "", ben.id))
    assert len(ws.proposals) == proposals.MAX_PER_PERSON + 1


def test_accepting_makes_a_card_and_taking_it_back_removes_it():
    ws = small_workshop()
    sent = proposals.add_proposal(ws, Proposal(Pillar.ADVOCATE, "Ask for reviews", "Reviews"))
    card = proposals.accept(ws, sent.id, proposals.goal_from(sent))
    assert goal_titled(ws, "Ask for reviews").metric == "Reviews"
    assert (sent.status, sent.goal_id) == (ProposalStatus.ACCEPTED, card.id)
    with pytest.raises(RuleError):
        proposals.accept(ws, sent.id, proposals.goal_from(sent))
    proposals.take_back_acceptance(ws, sent.id)
    assert all(g.id != card.id for g in ws.goals)
    assert (sent.status, sent.goal_id) == (ProposalStatus.NEW, None)


def test_merging_needs_a_card_that_is_on_the_board():
    ws = small_workshop()
    sent = proposals.add_proposal(ws, Proposal(Pillar.KEEP, "Fewer cancellations"))
    with pytest.raises(InvalidValue):
        proposals.set_status(ws, sent.id, ProposalStatus.MERGED)
    with pytest.raises(NotFound):
        proposals.set_status(ws, sent.id, ProposalStatus.MERGED, "gone")
    churn = goal_titled(ws, "Lower monthly churn")
    before = proposals.set_status(ws, sent.id, ProposalStatus.MERGED, churn.id)
    assert before == (ProposalStatus.NEW, None)
    assert (sent.status, sent.goal_id) == (ProposalStatus.MERGED, churn.id)
    proposals.set_status(ws, sent.id, ProposalStatus.SET_ASIDE, churn.id)
    assert (sent.status, sent.goal_id) == (ProposalStatus.SET_ASIDE, None)


@given(
    sends=st.lists(
        st.tuples(st.sampled_from([*Pillar, "other", ""]), line(220), line(220)), max_size=12
    )
)
def test_the_inbox_only_ever_holds_what_a_goal_card_could_hold(sends):
    ws = small_workshop()
    for pillar, title, metric in sends:
        before = list(ws.proposals)
        try:
            proposals.add_proposal(ws, Proposal(pillar, title, metric))
        except (InvalidValue, RuleError):
            assert ws.proposals == before
    for p in ws.proposals:
        assert isinstance(p.pillar, Pillar)
        assert p.title == p.title.strip() and 0 < len(p.title) <= 200
        assert len(p.metric) <= 200 and "\t" not in p.title
        card = proposals.goal_from(p)
        assert (card.pillar, card.title, card.metric) == (p.pillar, p.title, p.metric)


# ----------------------------------------------------------------- the file


@pytest.fixture
def stored(store: Store) -> tuple[Store, int]:
    ws = store.create_workshop(small_workshop())
    assert ws.id is not None
    return store, ws.id


def test_a_proposal_and_its_fate_are_in_the_file(stored, db_path):
    store, wid = stored
    ana = person_named(store.workshop(wid), "Ana Silva")
    first = store.add_proposal(wid, Proposal(Pillar.WIN, "Referral scheme", "Referrals", ana.id))
    second = store.add_proposal(wid, Proposal(Pillar.KEEP, "Loyalty card"))
    card = store.accept_proposal(wid, first.id, proposals.goal_from(first))
    churn = goal_titled(store.workshop(wid), "Lower monthly churn")
    store.set_proposal_status(wid, second.id, ProposalStatus.MERGED, churn.id)
    again = reread(db_path, wid)
    assert [(p.title, p.status, p.goal_id, p.participant_id) for p in again.proposals] == [
        ("Referral scheme", ProposalStatus.ACCEPTED, card.id, ana.id),
        ("Loyalty card", ProposalStatus.MERGED, churn.id, None),
    ]
    assert goal_titled(again, "Referral scheme").metric == "Referrals"


def test_taking_back_an_acceptance_is_one_transaction_in_the_file(stored, db_path):
    store, wid = stored
    sent = store.add_proposal(wid, Proposal(Pillar.WIN, "Referral scheme"))
    card = store.accept_proposal(wid, sent.id, proposals.goal_from(sent))
    store.take_back_acceptance(wid, sent.id)
    again = reread(db_path, wid)
    assert all(g.id != card.id for g in again.goals)
    assert again.proposals[0].status is ProposalStatus.NEW


def test_a_refused_proposal_writes_nothing(stored, db_path):
    store, wid = stored
    with pytest.raises(InvalidValue):
        store.add_proposal(wid, Proposal(Pillar.WIN, ""))
    assert reread(db_path, wid).proposals == []


def test_a_file_from_before_proposals_gains_an_empty_inbox(db_path):
    with Store(db_path) as store:
        wid = store.create_workshop(small_workshop()).id
    as_version(db_path, 4)
    assert wid is not None
    with Store(db_path) as store:
        assert schema.user_version(store.db) == schema.SCHEMA_VERSION
        assert store.workshop(wid).proposals == []
        store.add_proposal(wid, Proposal(Pillar.KEEP, "Loyalty card"))
    assert [p.title for p in reread(db_path, wid).proposals] == ["Loyalty card"]


def test_a_duplicated_workshop_starts_with_an_empty_inbox_and_json_leaves_it_out(stored):
    store, wid = stored
    store.add_proposal(wid, Proposal(Pillar.KEEP, "Loyalty card"))
    copy = store.duplicate_workshop(wid)
    assert copy.proposals == []
    assert "Loyalty card" not in str(to_document(store.workshop(wid)))
