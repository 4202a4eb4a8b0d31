"""The store: every edit saved in one transaction, read back exactly, newer files refused."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import BudgetExceeded, NotFound, RuleError
from cxworkshop.domain.model import (
    Assignee,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    Status,
    Step,
    VotingMode,
)
from cxworkshop.storage import schema
from cxworkshop.storage.errors import DamagedDatabase, NewerDatabase, WriteFailed
from cxworkshop.storage.store import Store


def reread(db_path: Path, workshop_id: int):
    """The workshop as a freshly started app would see it."""
    with Store(db_path) as other:
        return other.workshop(workshop_id)


def content(ws):
    """A workshop's content, leaving out when it was last edited."""
    return dataclasses.replace(ws, updated_at=None)


def small(store: Store):
    ws = store.create_workshop(editing.new_workshop("Quarterly CX review", organisation="Acme"))
    sales = store.add_function(ws.id, Function("Sales"))
    it = store.add_function(ws.id, Function("IT", customer_facing=False, colour="#009E73"))
    ann = store.add_participant(ws.id, Participant("Ann Lee", sales.id, "VP Sales"))
    bo = store.add_participant(ws.id, Participant("Bo Øster", it.id, "CIO"))
    win = store.add_goal(ws.id, Goal(Pillar.WIN, "Lift trial conversion", metric="Conversion"))
    keep = store.add_goal(ws.id, Goal(Pillar.KEEP, "Cut churn"))
    return ws, sales, it, ann, bo, win, keep


def test_a_new_store_has_the_latest_schema(store: Store, db_path: Path):
    assert schema.user_version(store.db) == schema.SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db_path.exists()


def test_every_kind_of_edit_survives_reopening(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    store.update_details(
        ws.id,
        sponsor_name="Dana Cruz",
        sponsor_title="COO",
        vision="Every customer feels known.",
        date="2026-11-23",
        review_date="2027-03-01",
        status=Status.RUNNING,
        current_step=Step.GOALS,
    )
    store.update_function(ws.id, sales.id, name="Sales & Partnerships", colour="#d55e00")
    store.move_function(ws.id, it.id, 0)
    store.update_participant(ws.id, ann.id, role_title="Chief Revenue Officer")
    store.move_participant(ws.id, bo.id, 0)
    store.update_goal(ws.id, win.id, target="35%", baseline="21%", due="Q4 2027")
    extra = store.add_goal(ws.id, Goal(Pillar.ADVOCATE, "Grow referrals"))
    store.move_goal(ws.id, keep.id, Pillar.WIN, 0)
    store.assign(ws.id, win.id, Assignee.participant(ann.id), Role.ACCOUNTABLE)
    store.assign(ws.id, win.id, Assignee.function(it.id), Role.RESPONSIBLE)
    store.assign(ws.id, extra.id, Assignee.function(sales.id), Role.CONSULTED)
    store.add_principle(ws.id, Principle("We listen to complaints first", committed=True))
    store.add_commitment(ws.id, Commitment("Share the charter", "Dana", "next week"))
    r = store.open_round(
        ws.id, goal_ids=[win.id, keep.id, extra.id], dots_per_voter=3, max_per_goal=2
    )
    store.cast_ballot(ws.id, r.id, ann.id, {win.id: 2, extra.id: 1})
    store.cast_ballot(ws.id, r.id, bo.id, {})
    store.close_round(ws.id, r.id)
    store.set_revealed(ws.id, r.id, True)
    store.record_decision(ws.id, r.id, [keep.id, extra.id], "Sponsor's call")

    in_memory = store.workshop(ws.id)
    assert reread(db_path, ws.id) == in_memory
    assert [g.title for g in editing.goals_in(in_memory, Pillar.WIN)] == [
        "Cut churn",
        "Lift trial conversion",
    ]


def test_removal_and_restore_round_trip_through_the_file(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    store.assign(ws.id, win.id, Assignee.function(sales.id), Role.ACCOUNTABLE)
    store.assign(ws.id, keep.id, Assignee.participant(ann.id), Role.RESPONSIBLE)
    r = store.open_round(ws.id, goal_ids=[win.id, keep.id], dots_per_voter=2, max_per_goal=2)
    store.cast_ballot(ws.id, r.id, ann.id, {win.id: 1, keep.id: 1})
    before = reread(db_path, ws.id)

    for remove, item_id in (
        (store.remove_function, sales.id),
        (store.remove_participant, ann.id),
        (store.remove_goal, win.id),
    ):
        removal = remove(ws.id, item_id)
        assert removal.is_consequential
        assert reread(db_path, ws.id) == store.workshop(ws.id)
        store.restore(ws.id, removal)
        assert content(reread(db_path, ws.id)) == content(before)


def test_a_refused_edit_changes_neither_memory_nor_file(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    r = store.open_round(ws.id, goal_ids=[win.id, keep.id], dots_per_voter=2, max_per_goal=1)
    before = reread(db_path, ws.id)
    with pytest.raises(BudgetExceeded):
        store.cast_ballot(ws.id, r.id, ann.id, {win.id: 2})
    with pytest.raises(RuleError):
        store.add_function(ws.id, Function("sales"))
    with pytest.raises(NotFound):
        store.update_goal(ws.id, "no-such-goal", title="x")
    assert store.workshop(ws.id) == before
    assert reread(db_path, ws.id) == before
    assert not store.db.conn.in_transaction


def test_a_failed_write_rolls_back_and_memory_follows_the_file(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    before = reread(db_path, ws.id)
    # Sabotage the file's schema so the write of a goal fails half-way.
    store.db.execute(
        "CREATE TRIGGER refuse BEFORE UPDATE ON goals BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(WriteFailed, match="not made"):
        store.move_goal(ws.id, keep.id, Pillar.WIN, 0)
    assert not store.db.conn.in_transaction
    assert store.workshop(ws.id) == before
    assert reread(db_path, ws.id) == before


def test_the_database_never_holds_two_accountables(store: Store):
    ws, sales, it, ann, bo, win, keep = small(store)
    store.assign(ws.id, win.id, Assignee.function(sales.id), Role.ACCOUNTABLE)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO assignments VALUES (?, ?, 'function', ?, 'A', 99)", [ws.id, win.id, it.id]
        )


def test_second_accountable_replaces_the_first_in_the_file(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    store.assign(ws.id, win.id, Assignee.function(sales.id), Role.ACCOUNTABLE)
    outcome = store.assign(ws.id, win.id, Assignee.participant(bo.id), Role.ACCOUNTABLE)
    assert outcome.replaced is not None and outcome.replaced.assignee == Assignee.function(sales.id)
    saved = reread(db_path, ws.id)
    assert editing.accountable(saved, win.id) == Assignee.participant(bo.id)
    store.set_assignments(ws.id, win.id, [outcome.replaced])
    assert editing.accountable(reread(db_path, ws.id), win.id) == Assignee.function(sales.id)


def test_library_lists_newest_first_and_searches_title_and_organisation(store: Store):
    first = store.create_workshop(editing.new_workshop("Kick-off", organisation="Zoë's Bakery"))
    second = store.create_workshop(editing.new_workshop("ZOË follow-up", organisation="Other"))
    store.update_details(first.id, vision="touch it so it becomes the newest")
    assert [s.id for s in store.list_workshops()] == [first.id, second.id]
    assert {s.id for s in store.list_workshops("zoë")} == {first.id, second.id}
    assert [s.id for s in store.list_workshops("bakery")] == [first.id]
    assert store.list_workshops("nothing like it") == []


def test_duplicate_keeps_the_team_and_goals_but_not_the_votes(store: Store):
    ws, sales, it, ann, bo, win, keep = small(store)
    store.assign(ws.id, win.id, Assignee.function(sales.id), Role.ACCOUNTABLE)
    r = store.open_round(ws.id, goal_ids=[win.id, keep.id], dots_per_voter=1, max_per_goal=1)
    store.cast_ballot(ws.id, r.id, ann.id, {win.id: 1})
    copy = store.duplicate_workshop(ws.id)
    original = store.workshop(ws.id)
    assert copy.id != original.id
    assert copy.title == "Quarterly CX review (copy)"
    assert copy.goals == original.goals and copy.assignments == original.assignments
    assert copy.rounds == [] and original.rounds != []


def test_rename_delete_and_restore_a_workshop(store: Store, db_path: Path):
    ws, *_ = small(store)
    assert store.rename_workshop(ws.id, "Renamed") == "Quarterly CX review"
    saved = reread(db_path, ws.id)
    deleted = store.delete_workshop(ws.id)
    assert store.list_workshops() == []
    assert store.db.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
    store.restore_workshop(deleted)
    assert reread(db_path, ws.id) == saved


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(db_path: Path):
    with Store(db_path) as s:
        s.create_workshop(editing.new_workshop("Kept safe"))
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
        conn.execute("PRAGMA journal_mode = DELETE")
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabase) as refused:
        Store(db_path)
    message = str(refused.value)
    assert "\n" not in message
    assert f"version {schema.SCHEMA_VERSION + 5}" in message
    assert f"up to version {schema.SCHEMA_VERSION}" in message
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(db_path: Path):
    db_path.write_bytes(b"these are my meeting notes, not a database" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase, match="not a readable workshop database"):
        Store(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("start", range(schema.SCHEMA_VERSION))
def test_migrations_reach_the_latest_schema_from_every_earlier_version(db_path: Path, start: int):
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(db_path, isolation_level=None))
    schema.migrate(db, target=start)
    assert schema.user_version(db) == start
    db.close()
    with Store(db_path) as s:
        assert schema.user_version(s.db) == schema.SCHEMA_VERSION
        ws = s.create_workshop(editing.new_workshop("After migration"))
        s.add_goal(ws.id, Goal(Pillar.KEEP, "Cut churn"))
    assert len(reread(db_path, ws.id).goals) == 1


def test_a_migration_that_fails_half_way_leaves_schema_and_version_as_they_were(db_path: Path):
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(db_path, isolation_level=None))
    schema.migrate(db)
    tables_before = db.table_names()

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("ALTER TABLE goals ADD COLUMN colour TEXT")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        schema.migrate(db, schema.SCHEMA_VERSION + 1, [*schema.MIGRATIONS, broken])
    assert schema.user_version(db) == schema.SCHEMA_VERSION
    assert db.table_names() == tables_before
    assert "colour" not in db["goals"].columns_dict


def test_a_participant_added_mid_round_gets_a_ballot_in_the_file(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    r = store.open_round(ws.id, goal_ids=[win.id, keep.id], dots_per_voter=2, max_per_goal=2)
    late = store.add_participant(ws.id, Participant("Late Comer", sales.id))
    store.cast_ballot(ws.id, r.id, late.id, {keep.id: 2})
    saved = reread(db_path, ws.id)
    assert late.id in saved.rounds[0].voter_ids
    assert saved.rounds[0].ballots[late.id] == {keep.id: 2}


def test_room_tally_and_budget_change_are_saved(store: Store, db_path: Path):
    ws, sales, it, ann, bo, win, keep = small(store)
    r = store.open_round(
        ws.id, goal_ids=[win.id, keep.id], dots_per_voter=3, max_per_goal=2, mode=VotingMode.TALLY
    )
    assert store.set_tally(ws.id, r.id, win.id, 7) == 0
    assert store.set_tally(ws.id, r.id, keep.id, 4) == 0
    store.change_round_budget(ws.id, r.id, 4, 3)
    saved = reread(db_path, ws.id).rounds[0]
    assert saved.tallies == {win.id: 7, keep.id: 4}
    assert (saved.dots_per_voter, saved.max_per_goal) == (4, 3)


def test_counts_are_the_workshops_goals_and_participants_and_nothing_once_it_is_gone(
    store: Store,
):
    demo = store.create_workshop(demo_workshop())
    other = store.create_workshop(editing.new_workshop("Empty one"))
    assert demo.id is not None and other.id is not None
    assert store.counts(demo.id) == (len(demo.goals), len(demo.participants))
    assert store.counts(demo.id) != (0, 0)
    assert store.counts(other.id) == (0, 0)
    store.delete_workshop(demo.id)
    assert store.counts(demo.id) == (0, 0)
