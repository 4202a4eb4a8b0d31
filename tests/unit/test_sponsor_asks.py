"""What the charter asks of the sponsor, their signature and the review cadence: the rules,
the file (schema version 4 and its migration) and the JSON format (version 3)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing, review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import InvalidValue, RuleError
from cxworkshop.domain.model import Ask, AskKind, Cadence, Workshop
from cxworkshop.storage import interchange, schema
from cxworkshop.storage.interchange import ImportProblems, from_document, to_document
from cxworkshop.storage.store import Store
from tests.helpers.old_schemas import as_version


def reread(db_path: Path, workshop_id: int) -> Workshop:
    with Store(db_path) as fresh:
        return fresh.workshop(workshop_id)


# ----------------------------------------------------------------- the rules


def test_an_ask_is_cleaned_and_takes_its_place_in_the_list():
    ws = editing.new_workshop("Charter")
    editing.add_ask(ws, Ask("  Approve the CRM budget ", AskKind.BUDGET, " 30 April "))
    first = editing.add_ask(ws, Ask("Name a data owner", AskKind.PEOPLE), index=0)
    assert [a.text for a in ws.asks] == ["Name a data owner", "Approve the CRM budget"]
    assert ws.asks[1].due == "30 April" and first.kind is AskKind.PEOPLE


def test_an_empty_ask_or_an_unknown_kind_is_refused_in_one_sentence():
    ws = editing.new_workshop("Charter")
    with pytest.raises(InvalidValue, match=r"^Ask cannot be empty.$"):
        editing.add_ask(ws, Ask("   "))
    with pytest.raises(InvalidValue, match=r"^Kind of ask 'favour' is not one of"):
        editing.add_ask(ws, Ask("Approve it", kind="favour"))  # type: ignore[arg-type]
    assert ws.asks == []


def test_an_ask_edit_returns_what_undo_needs():
    ws = editing.new_workshop("Charter")
    a = editing.add_ask(ws, Ask("Approve the CRM budget"))
    previous = editing.update_ask(ws, a.id, kind="budget", due="May")
    assert previous == {"kind": AskKind.DECISION, "due": ""}
    editing.update_ask(ws, a.id, **previous)
    assert (a.kind, a.due) == (AskKind.DECISION, "")
    removal = editing.remove_ask(ws, a.id)
    editing.restore(ws, removal)
    assert ws.asks == [a]


@given(st.integers(0, editing.MAX_ASKS + 5))
def test_the_charter_never_asks_for_more_than_the_limit(n: int):
    ws = editing.new_workshop("Charter")
    refused = 0
    for i in range(n):
        try:
            editing.add_ask(ws, Ask(f"Ask {i}"))
        except RuleError as e:
            assert "remove or merge one first" in str(e)
            refused += 1
    assert len(ws.asks) == min(n, editing.MAX_ASKS)
    assert refused == max(0, n - editing.MAX_ASKS)


@given(st.sampled_from([*Cadence, *(c.value for c in Cadence), None, ""]))
def test_a_cadence_is_one_of_the_choices_or_none(value: object):
    ws = editing.new_workshop("Charter")
    editing.update_details(ws, review_cadence=value)
    assert ws.review_cadence is (None if value in (None, "") else Cadence(str(value)))


def test_an_unknown_cadence_or_a_bad_signature_date_is_refused():
    ws = editing.new_workshop("Charter")
    with pytest.raises(InvalidValue, match=r"^Cadence 'weekly' is not one of"):
        editing.update_details(ws, review_cadence="weekly")
    with pytest.raises(InvalidValue, match=r"^Date the sponsor signed '31/03' is not a date"):
        editing.update_details(ws, signed_on="31/03")
    assert (ws.review_cadence, ws.signed_on) == (None, None)


# ----------------------------------------------------------------- the file


def test_each_edit_is_saved_at_once_and_read_back_by_another_store(store: Store, db_path: Path):
    ws = store.create_workshop(editing.new_workshop("Charter", sponsor_name="Amara Okonkwo"))
    assert ws.id is not None
    a = store.add_ask(ws.id, Ask("Approve the CRM budget", AskKind.BUDGET, "30 April 2027"))
    store.add_ask(ws.id, Ask("Lend two analysts", AskKind.PEOPLE))
    store.update_ask(ws.id, a.id, text="Approve the CRM budget of £180k")
    store.update_details(
        ws.id,
        review_cadence=Cadence.SIX_WEEKLY,
        sign_by=dt.date(2027, 3, 31),
        signed_on=dt.date(2027, 3, 25),
    )
    again = reread(db_path, ws.id)
    assert [(x.text, x.kind, x.due) for x in again.asks] == [
        ("Approve the CRM budget of £180k", AskKind.BUDGET, "30 April 2027"),
        ("Lend two analysts", AskKind.PEOPLE, ""),
    ]
    assert again.review_cadence is Cadence.SIX_WEEKLY
    assert (again.signed_on, again.sign_by) == (dt.date(2027, 3, 25), dt.date(2027, 3, 31))
    removal = store.remove_ask(ws.id, a.id)
    assert [x.text for x in reread(db_path, ws.id).asks] == ["Lend two analysts"]
    store.restore(ws.id, removal)
    assert reread(db_path, ws.id).asks == store.workshop(ws.id).asks
    assert reread(db_path, ws.id).asks[0].id == a.id


def test_a_refused_ask_leaves_the_file_and_the_workshop_as_they_were(store: Store, db_path: Path):
    ws = store.create_workshop(editing.new_workshop("Charter"))
    assert ws.id is not None
    a = store.add_ask(ws.id, Ask("Approve the budget"))
    with pytest.raises(InvalidValue):
        store.update_ask(ws.id, a.id, text="")
    assert store.workshop(ws.id).asks[0].text == "Approve the budget"
    assert reread(db_path, ws.id).asks[0].text == "Approve the budget"


def test_a_rerun_copy_keeps_the_asks_but_is_not_signed(store: Store):
    created = store.create_workshop(demo_workshop())
    assert created.id is not None and created.signed_on is not None
    copy_ = store.duplicate_workshop(created.id)
    assert [a.text for a in copy_.asks] == [a.text for a in created.asks]
    assert copy_.signed_on is None and copy_.review_cadence is Cadence.QUARTERLY


def test_next_quarters_workshop_keeps_the_cadence_but_asks_afresh_and_is_unsigned():
    done = demo_workshop()
    done.id = 7
    following = review.next_workshop(done, "Charter 2027 Q3")
    assert following.review_cadence is Cadence.QUARTERLY
    assert following.asks == [] and following.signed_on is None and following.sign_by is None


def test_a_version_3_file_is_migrated_and_keeps_every_workshop_identical(db_path: Path):
    with Store(db_path) as store:
        blank = editing.new_workshop("Blank")
        demo = demo_workshop()
        demo.asks, demo.review_cadence, demo.signed_on = [], None, None
        ids = [store.create_workshop(ws).id for ws in (demo, blank, demo)]
        before = [store.workshop(i) for i in ids if i is not None]
    as_version(db_path, 3)
    with Store(db_path) as store:
        assert schema.user_version(store.db) == schema.SCHEMA_VERSION
        after = [store.workshop(w.id) for w in before if w.id is not None]
        assert after == before
        assert before[0].id is not None
        # The migrated file takes asks and a signature at once.
        store.add_ask(before[0].id, Ask("Approve the budget"))
        store.update_details(before[0].id, signed_on="2027-03-25")
    again = reread(db_path, before[0].id)
    assert [a.text for a in again.asks] == ["Approve the budget"]
    assert again.signed_on == dt.date(2027, 3, 25)


def test_the_file_itself_refuses_an_unknown_kind_of_ask(store: Store, db_path: Path):
    ws = store.create_workshop(editing.new_workshop("Charter"))
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO asks (workshop_id, id, position, kind, text) VALUES (?, 'x', 0, ?, 'a')",
            [ws.id, "favour"],
        )


# ----------------------------------------------------------------- the JSON format


def test_asks_signature_and_cadence_survive_export_and_import():
    ws = demo_workshop()
    ws.sign_by = dt.date(2027, 3, 31)
    doc = to_document(ws)
    assert doc["version"] == interchange.FORMAT_VERSION >= 3
    written = doc["workshop"]
    assert written["review_cadence"] == "quarterly" and written["signed_on"] == "2027-03-25"
    assert written["asks"][0]["kind"] == "budget"
    assert from_document(doc) == ws


@pytest.mark.parametrize(
    ("where", "value", "path", "message"),
    [
        ("review_cadence", "weekly", "$.workshop.review_cadence", "'weekly' is not one of"),
        ("signed_on", "25/03/2027", "$.workshop.signed_on", "is not a date of the form"),
        ("sign_by", 20270331, "$.workshop.sign_by", "is not a date of the form"),
        ("kind", "favour", "$.workshop.asks[1].kind", "'favour' is not one of"),
        ("text", "", "$.workshop.asks[1].text", "Ask cannot be empty"),
        ("due", "x" * 201, "$.workshop.asks[1].due", "the limit is 200"),
    ],
)
def test_a_bad_value_is_refused_with_its_path(where: str, value: object, path: str, message):
    doc = to_document(demo_workshop())
    if where in ("kind", "text", "due"):
        doc["workshop"]["asks"][1][where] = value
    else:
        doc["workshop"][where] = value
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    [problem] = refused.value.problems
    assert problem.path == path and message in problem.message


def test_too_many_asks_are_refused_with_the_path_of_the_list():
    doc = to_document(demo_workshop())
    doc["workshop"]["asks"] = [
        {"id": f"a{i}", "text": f"Ask {i}"} for i in range(editing.MAX_ASKS + 1)
    ]
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    assert [p.path for p in refused.value.problems] == ["$.workshop.asks"]


def test_a_version_2_document_is_read_without_asks_and_cannot_carry_them():
    doc = to_document(demo_workshop())
    doc["version"] = 2
    # Format 3's and 4's too, with tests of their own.
    for key in ("follows", "reviews", *interchange.LANGUAGE_KEYS):
        del doc["workshop"][key]
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    assert {p.path for p in refused.value.problems} == {
        f"$.workshop.{k}" for k in interchange.SPONSOR_KEYS
    }
    for key in interchange.SPONSOR_KEYS:
        del doc["workshop"][key]
    ws = from_document(doc)
    assert ws.asks == [] and ws.signed_on is None and ws.review_cadence is None
