"""No store operation, successful or failed, leaves the connection inside a transaction.

A transaction left open is the quiet way SQLite wrappers lose work: every
later write joins it, looks saved on the same connection, and is rolled back
when the connection closes. So every public store operation is watched here:
called successfully, refused by the rules, failing in SQLite, and interrupted
half-way, it must return with ``conn.in_transaction`` False, and what a
second connection reads must match.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cxworkshop.domain import editing
from cxworkshop.domain.errors import WorkshopError
from cxworkshop.domain.model import (
    Ask,
    Assignee,
    Assignment,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Proposal,
    ProposalStatus,
    Role,
    Step,
    VotingMode,
)
from cxworkshop.storage.errors import WriteFailed
from cxworkshop.storage.store import Store

NOT_OPERATIONS = {"close", "take_changes"}
"""Public methods that are not operations on the workshops (closing; handing on what changed)."""

TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every public store method checks, as it returns or raises, that no transaction is open."""
    called: set[str] = set()
    for name, method in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_"):
            continue

        @functools.wraps(method)
        def checked(self: Store, *args: Any, __method: Any = method, **kwargs: Any) -> Any:
            try:
                return __method(self, *args, **kwargs)
            finally:
                called.add(__method.__name__)
                if __method.__name__ != "close":
                    assert not self.conn.in_transaction, f"{__method.__name__} left it open"

        monkeypatch.setattr(Store, name, checked)
    return called


def saved(db_path: Path, workshop_id: int) -> Any:
    """The workshop as another connection reads it: only what was committed."""
    with Store(db_path) as other:
        return dataclasses.replace(other.workshop(workshop_id), updated_at=None)


def shown(store: Store, workshop_id: int) -> Any:
    """The workshop the app shows, as it is now (a copy: edits change the shown one in place)."""
    return dataclasses.replace(copy.deepcopy(store.workshop(workshop_id)), updated_at=None)


@dataclasses.dataclass
class Every:
    """Each store operation once, in an order in which each one succeeds."""

    store: Store
    c: SimpleNamespace = dataclasses.field(default_factory=SimpleNamespace)

    def steps(self) -> Iterator[tuple[str, Callable[[], object]]]:
        s, c = self.store, self.c
        first = editing.new_workshop("Quarterly review", organisation="Acme")
        yield "create_workshop", lambda: setattr(c, "ws", s.create_workshop(first))
        yield (
            "import_workshop",
            lambda: setattr(c, "imported", s.import_workshop(editing.new_workshop("Imported"))),
        )
        yield "list_workshops", lambda: s.list_workshops("quarterly")
        yield "counts", lambda: s.counts(c.ws.id)
        yield "followers", lambda: s.followers(c.ws.id)
        yield "data_version", s.data_version
        yield "change_signature", s.change_signature
        yield "is_sound", s.is_sound
        yield "back_up", s.back_up
        yield "workshop", lambda: s.workshop(c.ws.id)
        yield "reload", lambda: s.reload(c.ws.id)
        yield "update_details", lambda: s.update_details(c.ws.id, vision="Every customer known")
        yield "rename_workshop", lambda: s.rename_workshop(c.ws.id, "Quarterly CX review")
        yield (
            "add_function",
            lambda: setattr(c, "sales", s.add_function(c.ws.id, Function("Sales"))),
        )
        yield (
            "add_function",
            lambda: setattr(
                c, "it", s.add_function(c.ws.id, Function("IT", customer_facing=False))
            ),
        )
        yield "update_function", lambda: s.update_function(c.ws.id, c.sales.id, name="Sales team")
        yield "move_function", lambda: s.move_function(c.ws.id, c.it.id, 0)
        yield (
            "add_participant",
            lambda: setattr(
                c, "ann", s.add_participant(c.ws.id, Participant("Ann Lee", c.sales.id))
            ),
        )
        yield (
            "add_participant",
            lambda: setattr(c, "bo", s.add_participant(c.ws.id, Participant("Bo Park", c.it.id))),
        )
        yield "update_participant", lambda: s.update_participant(c.ws.id, c.ann.id, role_title="VP")
        yield "move_participant", lambda: s.move_participant(c.ws.id, c.bo.id, 0)
        yield "add_goal", lambda: setattr(c, "win", s.add_goal(c.ws.id, Goal(Pillar.WIN, "Lift")))
        yield "add_goal", lambda: setattr(c, "keep", s.add_goal(c.ws.id, Goal(Pillar.KEEP, "Cut")))
        yield "update_goal", lambda: s.update_goal(c.ws.id, c.win.id, target="35%")
        yield "move_goal", lambda: s.move_goal(c.ws.id, c.keep.id, Pillar.WIN, 0)
        yield (
            "assign",
            lambda: s.assign(c.ws.id, c.win.id, Assignee.function(c.sales.id), Role.ACCOUNTABLE),
        )
        yield (
            "assign",
            lambda: s.assign(c.ws.id, c.win.id, Assignee.participant(c.bo.id), Role.RESPONSIBLE),
        )
        yield "unassign", lambda: s.unassign(c.ws.id, c.win.id, Assignee.participant(c.bo.id))
        yield (
            "set_assignments",
            lambda: s.set_assignments(
                c.ws.id,
                c.keep.id,
                [Assignment(c.keep.id, Assignee.function(c.it.id), Role.ACCOUNTABLE)],
            ),
        )
        yield (
            "add_principle",
            lambda: setattr(c, "principle", s.add_principle(c.ws.id, Principle("We listen first"))),
        )
        yield (
            "update_principle",
            lambda: s.update_principle(c.ws.id, c.principle.id, committed=True),
        )
        yield (
            "add_commitment",
            lambda: setattr(
                c, "commitment", s.add_commitment(c.ws.id, Commitment("Share the charter", "Ann"))
            ),
        )
        yield (
            "update_commitment",
            lambda: s.update_commitment(c.ws.id, c.commitment.id, due="Friday"),
        )
        yield (
            "add_ask",
            lambda: setattr(c, "ask", s.add_ask(c.ws.id, Ask("Approve the CRM budget"))),
        )
        yield "update_ask", lambda: s.update_ask(c.ws.id, c.ask.id, kind="budget", due="May")
        yield (
            "add_proposal",
            lambda: setattr(
                c, "idea", s.add_proposal(c.ws.id, Proposal(Pillar.KEEP, "Loyalty", "", c.bo.id))
            ),
        )
        yield (
            "accept_proposal",
            lambda: s.accept_proposal(c.ws.id, c.idea.id, Goal(Pillar.KEEP, "Loyalty")),
        )
        yield "take_back_acceptance", lambda: s.take_back_acceptance(c.ws.id, c.idea.id)
        yield (
            "set_proposal_status",
            lambda: s.set_proposal_status(c.ws.id, c.idea.id, ProposalStatus.MERGED, c.win.id),
        )
        yield (
            "update_details",
            lambda: s.update_details(
                c.ws.id, review_cadence="quarterly", signed_on=dt.date(2027, 3, 20)
            ),
        )
        yield (
            "open_round",
            lambda: setattr(
                c,
                "round",
                s.open_round(
                    c.ws.id,
                    goal_ids=[c.win.id, c.keep.id],
                    dots_per_voter=2,
                    max_per_goal=2,
                    voter_ids=[c.ann.id],
                ),
            ),
        )
        yield "add_voter", lambda: s.add_voter(c.ws.id, c.round.id, c.bo.id)
        yield "cast_ballot", lambda: s.cast_ballot(c.ws.id, c.round.id, c.ann.id, {c.win.id: 2})
        yield "withdraw_ballot", lambda: s.withdraw_ballot(c.ws.id, c.round.id, c.ann.id)
        yield "cast_ballot", lambda: s.cast_ballot(c.ws.id, c.round.id, c.ann.id, {c.win.id: 2})
        yield (
            "change_round_budget",
            lambda: setattr(
                c,
                "budget",
                s.change_round_budget(c.ws.id, c.round.id, 1, 1, reopen_over_budget=True),
            ),
        )
        yield "restore_round_budget", lambda: s.restore_round_budget(c.ws.id, c.round.id, *c.budget)
        yield "close_round", lambda: s.close_round(c.ws.id, c.round.id)
        yield "reopen_round", lambda: s.reopen_round(c.ws.id, c.round.id)
        yield "close_round", lambda: s.close_round(c.ws.id, c.round.id)
        yield "set_revealed", lambda: s.set_revealed(c.ws.id, c.round.id, True)
        yield (
            "record_decision",
            lambda: s.record_decision(
                c.ws.id, c.round.id, [c.keep.id, c.win.id], "The sponsor's call"
            ),
        )
        yield (
            "open_round",
            lambda: setattr(
                c,
                "tally",
                s.open_round(
                    c.ws.id,
                    goal_ids=[c.win.id, c.keep.id],
                    dots_per_voter=3,
                    max_per_goal=3,
                    mode=VotingMode.TALLY,
                ),
            ),
        )
        yield "set_tally", lambda: s.set_tally(c.ws.id, c.tally.id, c.win.id, 7)
        yield "remove_round", lambda: setattr(c, "r1", s.remove_round(c.ws.id, c.tally.id))
        yield "restore", lambda: s.restore(c.ws.id, c.r1)
        for kind in ("ask", "commitment", "principle", "goal", "participant", "function"):
            item = {
                "ask": "ask",
                "commitment": "commitment",
                "principle": "principle",
                "goal": "keep",
            }.get(kind, "ann" if kind == "participant" else "it")
            yield f"remove_{kind}", functools.partial(self._remove_and_restore, kind, item)
        if hasattr(Store, "set_timebox"):
            yield "set_timebox", lambda: s.set_timebox(c.ws.id, Step.GOALS, 30)
            yield "set_agenda_start", lambda: s.set_agenda_start(c.ws.id, dt.time(9, 30))
            yield "add_time_spent", lambda: s.add_time_spent(c.ws.id, Step.GOALS, 90)
        yield (
            "add_review",
            lambda: setattr(c, "review", s.add_review(c.ws.id, dt.date(2027, 6, 17))),
        )
        yield (
            "record_review",
            lambda: s.record_review(
                c.ws.id, c.review.id, c.win.id, reading="31%", status="at_risk"
            ),
        )
        yield (
            "remove_review",
            lambda: setattr(c, "old_review", s.remove_review(c.ws.id, c.review.id)),
        )
        yield "restore_review", lambda: s.restore_review(c.ws.id, c.old_review)
        yield (
            "create_next_workshop",
            lambda: setattr(c, "next", s.create_next_workshop(c.ws.id, "Next quarter")),
        )
        yield "duplicate_workshop", lambda: setattr(c, "copy", s.duplicate_workshop(c.ws.id))
        yield "delete_workshop", lambda: setattr(c, "deleted", s.delete_workshop(c.copy.id))
        yield "restore_workshop", lambda: s.restore_workshop(c.deleted)

    def _remove_and_restore(self, kind: str, item: str) -> None:
        s, c = self.store, self.c
        removal = getattr(s, f"remove_{kind}")(c.ws.id, getattr(c, item).id)
        s.restore(c.ws.id, removal)


def refuse_every_write(conn: sqlite3.Connection) -> None:
    """Triggers that make every write to every table fail, as a full disk would."""
    tables = [row[0] for row in conn.execute(TABLES_SQL)]
    statements = [
        f"CREATE TEMP TRIGGER refuse_{what.lower()}_{table} BEFORE {what} ON main.{table} "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"
        for table in tables
        for what in ("INSERT", "UPDATE", "DELETE")
    ]
    conn.executescript("\n".join(statements))


def allow_writes(conn: sqlite3.Connection) -> None:
    names = [r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master WHERE type='trigger'")]
    conn.executescript("\n".join(f"DROP TRIGGER temp.{name};" for name in names))


def test_every_operation_leaves_no_transaction_open_when_it_succeeds(
    watched: set[str], store: Store, db_path: Path
):
    every = Every(store)
    for _, step in every.steps():
        step()
    workshop_id = every.c.ws.id
    assert saved(db_path, workshop_id) == shown(store, workshop_id)
    operations = {n for n, f in inspect.getmembers(Store, inspect.isfunction) if n[0] != "_"}
    missing = operations - NOT_OPERATIONS - watched
    assert not missing, f"add the new store operations to Every.steps: {sorted(missing)}"


def test_every_operation_that_fails_in_sqlite_leaves_no_transaction_and_changes_nothing(
    watched: set[str], store: Store, db_path: Path
):
    every = Every(store)
    failed = set()
    for name, step in every.steps():
        ws = getattr(every.c, "ws", None)
        before = shown(store, ws.id) if ws else None
        refuse_every_write(store.conn)
        try:
            step()
        except WriteFailed:
            failed.add(name)
        finally:
            allow_writes(store.conn)
        assert not store.conn.in_transaction
        if ws is not None:
            assert shown(store, ws.id) == before, f"{name} failed but shows a change"
            assert saved(db_path, ws.id) == before, f"{name} failed but saved a change"
        step()  # and now for real, so the next step finds what it needs
    assert "create_workshop" in failed and "cast_ballot" in failed and "remove_goal" in failed


def test_operations_the_rules_refuse_leave_no_transaction_open(
    watched: set[str], store: Store, db_path: Path
):
    every = Every(store)
    for _, step in every.steps():
        step()
    c, s = every.c, store
    refused: list[Callable[[], object]] = [
        lambda: s.add_function(c.ws.id, Function("sales team")),
        lambda: s.update_goal(c.ws.id, "no-such-goal", title="x"),
        lambda: s.update_goal(c.ws.id, c.win.id, title=" "),
        lambda: s.add_participant(c.ws.id, Participant("\x00", None)),
        lambda: s.cast_ballot(c.ws.id, c.round.id, c.bo.id, {c.win.id: 2}),
        lambda: s.open_round(c.ws.id, goal_ids=[c.win.id], dots_per_voter=1, max_per_goal=1),
        lambda: s.set_tally(c.ws.id, c.round.id, c.win.id, -1),
        lambda: s.rename_workshop(c.ws.id, "x" * 5000),
        lambda: s.workshop(10_000),
        lambda: s.delete_workshop(10_000),
    ]
    before = saved(db_path, c.ws.id)
    for call in refused:
        with pytest.raises(WorkshopError):
            call()
        assert not store.conn.in_transaction
    assert saved(db_path, c.ws.id) == before


def test_an_edit_interrupted_half_way_leaves_no_transaction_and_no_half_edit(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    ws = store.create_workshop(editing.new_workshop("Quarterly review"))
    store.add_goal(ws.id, Goal(Pillar.WIN, "Lift"))
    before = saved(db_path, ws.id)
    real = Store._write_positions

    def interrupted(self: Store, *args: Any) -> None:
        real(self, *args)
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_write_positions", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.remove_goal(ws.id, store.workshop(ws.id).goals[0].id)
    assert not store.conn.in_transaction
    assert shown(store, ws.id) == before == saved(db_path, ws.id)


def test_the_connection_never_opens_a_transaction_behind_the_stores_back(store: Store):
    # Python's sqlite3 would otherwise BEGIN before each write on its own; the
    # store's transactions are all its own (sqlite-utils' atomic()).
    assert store.conn.isolation_level is None


def test_a_failed_write_through_sqlite_utils_is_rolled_back_so_later_writes_are_kept(
    store: Store, db_path: Path
):
    """What pins sqlite-utils to 4.x (see pyproject.toml).

    A statement that fails outside a transaction must not leave one open:
    sqlite-utils' ``execute()`` rolls back what the failed statement began,
    and nested ``atomic()`` blocks release their savepoints.
    """
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO workshops (id, title) VALUES (1, NULL)")
    assert not store.conn.in_transaction
    with pytest.raises(sqlite3.IntegrityError), store.db.atomic(), store.db.atomic():
        store.db.execute("INSERT INTO workshops (title) VALUES (NULL)")
    assert not store.conn.in_transaction
    ws = store.create_workshop(editing.new_workshop("Written after the failures"))
    store.close()
    with Store(db_path) as reopened:
        assert [w.id for w in reopened.list_workshops()] == [ws.id]
