"""Progress reviews in the file: schema version 3, its migration, and every edit saved."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cxworkshop.domain import review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import InvalidValue
from cxworkshop.domain.model import Assignee, ReviewDecision, ReviewStatus, Workshop
from cxworkshop.storage import schema
from cxworkshop.storage.store import Store
from tests.helpers.builders import goal_titled

JUNE = dt.date(2027, 6, 17)


def reread(db_path: Path, workshop_id: int) -> Workshop:
    with Store(db_path) as fresh:
        return fresh.workshop(workshop_id)


def as_version_2(db_path: Path) -> None:
    """Turn a current file back into what version 2 of the schema had."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DROP TABLE asks")
    for column in ("review_cadence", "signed_on", "sign_by", "language"):
        conn.execute(f"ALTER TABLE workshops DROP COLUMN {column}")
    conn.execute("DROP TABLE goal_reviews")
    conn.execute("DROP TABLE reviews")
    conn.execute("ALTER TABLE workshops DROP COLUMN follows")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_version_2_file_is_migrated_and_keeps_every_workshop_identical(db_path: Path):
    with Store(db_path) as store:
        # Without what version 4 added, which a version 2 file cannot hold.
        demo = dataclasses.replace(demo_workshop(), asks=[], review_cadence=None, signed_on=None)
        ids = [store.create_workshop(demo).id for _ in range(2)]
        before = [store.workshop(i) for i in ids if i is not None]
    as_version_2(db_path)
    with Store(db_path) as store:
        assert schema.user_version(store.db) == schema.SCHEMA_VERSION
        after = [store.workshop(w.id) for w in before if w.id is not None]
        assert after == before
        # The migrated file takes reviews at once.
        assert before[0].id is not None
        store.add_review(before[0].id, JUNE)
    assert [r.held_on for r in reread(db_path, before[0].id).reviews] == [JUNE]


def test_each_review_edit_is_saved_at_once(store: Store, db_path: Path):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    churn = goal_titled(ws, "Cut monthly churn of Trail Club members")
    mateo = Assignee.participant(next(p.id for p in ws.participants if p.name.startswith("Mateo")))
    r = store.add_review(ws.id, "2027-06-17")
    store.record_review(ws.id, r.id, churn.id, reading="2.7%", read_on=dt.date(2027, 6, 10))
    store.record_review(
        ws.id,
        r.id,
        churn.id,
        status=ReviewStatus.AT_RISK,
        note="Flat since May.\nNew onboarding lands in July.",
        decision=ReviewDecision.REASSIGN,
        new_accountable=mateo,
    )
    again = reread(db_path, ws.id)
    assert again.reviews == store.workshop(ws.id).reviews
    entry = review.goal_review(again.reviews[0], churn.id)
    assert (entry.reading, entry.read_on, entry.status, entry.decision, entry.new_accountable) == (
        "2.7%",
        dt.date(2027, 6, 10),
        ReviewStatus.AT_RISK,
        ReviewDecision.REASSIGN,
        mateo,
    )
    assert entry.note.splitlines() == ["Flat since May.", "New onboarding lands in July."]


def test_an_edit_undone_with_what_it_returned_leaves_the_file_as_before(
    store: Store, db_path: Path
):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    r = store.add_review(ws.id, JUNE)
    before = reread(db_path, ws.id).reviews
    replaced = store.record_review(ws.id, r.id, ws.goals[0].id, reading="2.0%", status="on_track")
    store.record_review(ws.id, r.id, ws.goals[0].id, **replaced)
    assert reread(db_path, ws.id).reviews == before
    removed = store.remove_review(ws.id, r.id)
    assert reread(db_path, ws.id).reviews == []
    store.restore_review(ws.id, removed)
    assert reread(db_path, ws.id).reviews == before


def test_a_refused_review_edit_changes_neither_the_file_nor_the_screen(store: Store, db_path: Path):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    r = store.add_review(ws.id, JUNE)
    with pytest.raises(InvalidValue):
        store.record_review(ws.id, r.id, ws.goals[0].id, reading="2%", read_on="soon")
    assert store.workshop(ws.id).reviews == reread(db_path, ws.id).reviews == [r]
    assert review.goal_review(r, ws.goals[0].id).reading == ""


def test_what_a_review_said_of_a_removed_goal_comes_back_with_the_goal(store: Store, db_path: Path):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    goal = ws.goals[3]
    r = store.add_review(ws.id, JUNE)
    store.record_review(ws.id, r.id, goal.id, reading="2.4%")
    removal = store.remove_goal(ws.id, goal.id)
    assert reread(db_path, ws.id).reviews[0].goals == []
    store.restore(ws.id, removal)
    restored = reread(db_path, ws.id)
    assert review.goal_review(restored.reviews[0], goal.id).reading == "2.4%"


def test_the_next_workshop_is_stored_linked_to_the_last(store: Store, db_path: Path):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    r = store.add_review(ws.id, JUNE)
    dropped = ws.goals[0]
    store.record_review(ws.id, r.id, dropped.id, decision=ReviewDecision.DROP)
    store.record_review(ws.id, r.id, ws.goals[1].id, reading="€52")
    new = store.create_next_workshop(ws.id, "Q3 charter", date=dt.date(2027, 7, 1))
    assert new.id is not None and new.id != ws.id
    again = reread(db_path, new.id)
    assert again.follows == ws.id
    assert dropped.id not in {g.id for g in again.goals}
    assert goal_titled(again, ws.goals[1].title).baseline == "€52"
    expected = review.next_workshop(store.workshop(ws.id), "Q3 charter", date=dt.date(2027, 7, 1))
    for name in ("goals", "functions", "participants", "assignments", "principles", "reviews"):
        assert getattr(again, name) == getattr(expected, name), name


def test_a_copy_for_a_rerun_leaves_the_reviews_behind(store: Store):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    store.add_review(ws.id, JUNE)
    assert store.duplicate_workshop(ws.id).reviews == []


def test_deleting_a_workshop_deletes_its_reviews(store: Store):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    r = store.add_review(ws.id, JUNE)
    store.record_review(ws.id, r.id, ws.goals[0].id, reading="2%")
    store.delete_workshop(ws.id)
    left = store.conn.execute("SELECT count(*) FROM goal_reviews").fetchone()[0]
    assert left == 0
    assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_editing_a_review_while_a_goal_is_removed_keeps_what_it_said_of_that_goal(
    store: Store, db_path: Path
):
    ws = store.create_workshop(demo_workshop())
    assert ws.id is not None
    gone, kept = ws.goals[0], ws.goals[1]
    r = store.add_review(ws.id, JUNE)
    store.record_review(ws.id, r.id, gone.id, reading="2.2%", note="Ahead of plan")
    store.record_review(ws.id, r.id, kept.id, reading="€55")
    removal = store.remove_goal(ws.id, gone.id)
    store.record_review(ws.id, r.id, kept.id, status="at_risk")
    store.restore(ws.id, removal)
    back = review.goal_review(reread(db_path, ws.id).reviews[0], gone.id)
    assert (back.reading, back.note) == ("2.2%", "Ahead of plan")


def test_the_workshops_that_carry_on_from_one_are_found_newest_first(store: Store):
    first = store.create_workshop(demo_workshop())
    assert first.id is not None
    assert store.followers(first.id) == []
    q2 = store.create_next_workshop(first.id, "Q2")
    q3 = store.create_next_workshop(first.id, "Q3")
    assert q2.id is not None and q3.id is not None
    store.rename_workshop(q2.id, "Q2 again")  # edited last: now the newest
    assert store.followers(first.id) == [q2.id, q3.id]
    assert store.followers(q2.id) == []
    store.delete_workshop(q2.id)
    assert store.followers(first.id) == [q3.id]
