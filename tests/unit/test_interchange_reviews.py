"""Progress reviews in the JSON format (version 3): written whole, read back, checked on import."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.domain import review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Assignee, ReviewDecision, ReviewStatus, Workshop
from cxworkshop.storage import interchange
from cxworkshop.storage.interchange import ImportProblems, from_document, to_document
from cxworkshop.storage.store import Store


def reviewed() -> Workshop:
    ws = demo_workshop()
    ws.follows = 12
    june = review.add_review(ws, dt.date(2027, 6, 17))
    review.record(ws, june.id, ws.goals[0].id, reading="2.1%", status=ReviewStatus.ON_TRACK)
    review.record(
        ws,
        june.id,
        ws.goals[4].id,
        reading="4.0",
        status=ReviewStatus.OFF_TRACK,
        note="Worse since the new phone menu.\nWe undo it in July.",
        decision=ReviewDecision.REASSIGN,
        new_accountable=Assignee.function(ws.functions[3].id),
    )
    review.add_review(ws, dt.date(2027, 9, 16))
    return ws


def refused_paths(doc: dict) -> set[str]:  # type: ignore[type-arg]
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    return {p.path for p in refused.value.problems}


def test_reviews_come_back_from_the_document_unchanged():
    ws = reviewed()
    doc = to_document(ws)
    assert doc["version"] == interchange.FORMAT_VERSION >= 3
    assert [r["held_on"] for r in doc["workshop"]["reviews"]] == ["2027-06-17", "2027-09-16"]
    assert from_document(doc) == ws


def test_a_version_2_document_is_read_as_a_workshop_without_reviews():
    source = demo_workshop()
    doc = to_document(source)
    doc["version"] = 2
    del doc["workshop"]["reviews"], doc["workshop"]["follows"]
    for key in interchange.SPONSOR_KEYS | interchange.LANGUAGE_KEYS:  # format 3's and 4's too
        del doc["workshop"][key]
    source.asks, source.review_cadence, source.signed_on = [], None, None
    assert from_document(doc) == source


def test_a_version_2_document_cannot_carry_reviews():
    doc = to_document(reviewed())
    doc["version"] = 2
    # Format 3's and 4's too, with tests of their own.
    for key in interchange.SPONSOR_KEYS | interchange.LANGUAGE_KEYS:
        del doc["workshop"][key]
    assert refused_paths(doc) == {"$.workshop.reviews", "$.workshop.follows"}


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r.update(held_on="midsummer"), "$.workshop.reviews[0].held_on"),
        (lambda r: r["goals"][0].update(goal="nosuchgoal"), "$.workshop.reviews[0].goals[0].goal"),
        (lambda r: r["goals"][0].update(status="fine"), "$.workshop.reviews[0].goals[0].status"),
        (
            lambda r: r["goals"][1].update(decision="postpone"),
            "$.workshop.reviews[0].goals[1].decision",
        ),
        (
            lambda r: r["goals"][1]["new_accountable"].update(id="nobody"),
            "$.workshop.reviews[0].goals[1].new_accountable.id",
        ),
        (
            lambda r: r["goals"][0].update(read_on="2027-02-30"),
            "$.workshop.reviews[0].goals[0].read_on",
        ),
        (
            lambda r: r["goals"][0].update(reading="x" * 201),
            "$.workshop.reviews[0].goals[0].reading",
        ),
        (
            lambda r: r["goals"][1].update(goal=r["goals"][0]["goal"]),
            "$.workshop.reviews[0].goals[1].goal",
        ),
        (lambda r: r["goals"][0].update(mood="grim"), "$.workshop.reviews[0].goals[0].mood"),
    ],
)
def test_a_bad_review_is_refused_at_its_path(change, path):  # type: ignore[no-untyped-def]
    doc = to_document(reviewed())
    change(doc["workshop"]["reviews"][0])
    assert path in refused_paths(doc)


def test_a_link_to_another_workshop_is_refused_out_of_range():
    doc = to_document(reviewed())
    doc["workshop"]["follows"] = 0
    assert refused_paths(doc) == {"$.workshop.follows"}


def test_an_import_keeps_the_reviews_but_not_the_link_to_a_workshop_of_another_library(
    tmp_path: Path, db_path: Path
):
    ws = reviewed()
    file = tmp_path / "reviewed.json"
    interchange.write(ws, file)
    assert cli.main(["--db", str(db_path), "import", str(file)]) == 0
    with Store(db_path) as store:
        [summary] = store.list_workshops()
        imported = store.workshop(summary.id)
    assert imported.follows is None
    expected = copy.deepcopy(ws.reviews)
    assert imported.reviews == expected
