"""The agenda in the file: schema version 2, its migration, and the JSON format that carries it."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cxworkshop.domain import agenda, editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import InvalidValue
from cxworkshop.domain.model import DEFAULT_TIMEBOXES, Pillar, Role, Step, Workshop
from cxworkshop.storage import interchange, schema
from cxworkshop.storage.interchange import ImportProblems, from_document, to_document
from cxworkshop.storage.store import Store


def reread(db_path: Path, workshop_id: int) -> Workshop:
    with Store(db_path) as fresh:
        return fresh.workshop(workshop_id)


def version_1_file(db_path: Path) -> None:
    """A file as the first released version wrote it: one workshop, a function, a goal, an A."""
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(db_path, isolation_level=None))
    schema.migrate(db, target=1)
    now = "2027-03-18T09:00:00+00:00"
    db.execute(
        "INSERT INTO workshops (id, title, organisation, current_step, created_at, updated_at) "
        "VALUES (7, 'Spring workshop', 'Northwind', 'goals', ?, ?)",
        [now, now],
    )
    db.execute(
        "INSERT INTO functions (workshop_id, id, position, name, customer_facing, colour) "
        "VALUES (7, 'f1', 0, 'Customer Service', 1, '#56B4E9')"
    )
    db.execute(
        "INSERT INTO goals (workshop_id, id, pillar, position, title, metric) "
        "VALUES (7, 'g1', 'keep', 0, 'Cut monthly churn', 'Monthly churn rate')"
    )
    db.execute(
        "INSERT INTO assignments (workshop_id, goal_id, assignee_kind, assignee_id, role, seq) "
        "VALUES (7, 'g1', 'function', 'f1', 'A', 1)"
    )
    db.conn.close()


def test_a_version_1_file_is_migrated_and_keeps_everything(db_path: Path):
    version_1_file(db_path)
    with Store(db_path) as store:
        assert schema.user_version(store.db) == schema.SCHEMA_VERSION >= 2
        ws = store.workshop(7)
        assert (ws.title, ws.organisation, ws.current_step) == (
            "Spring workshop",
            "Northwind",
            Step.GOALS,
        )
        assert [g.title for g in ws.goals] == ["Cut monthly churn"]
        assert ws.goals[0].pillar is Pillar.KEEP and ws.goals[0].metric == "Monthly churn rate"
        assert [a.role for a in ws.assignments] == [Role.ACCOUNTABLE]
        assert ws.timeboxes == DEFAULT_TIMEBOXES
        assert ws.agenda_start is None and ws.time_spent == {}
        # The migrated file takes the new edits at once.
        store.set_timebox(7, Step.GOALS, 55)
        store.add_time_spent(7, Step.GOALS, 90)
    again = reread(db_path, 7)
    assert again.timeboxes[Step.GOALS] == 55 and again.time_spent == {Step.GOALS: 90}
    assert [g.title for g in again.goals] == ["Cut monthly churn"]


def test_the_agenda_is_saved_by_each_edit_and_read_back(store: Store, db_path: Path):
    ws = store.create_workshop(editing.new_workshop("Agenda"))
    assert ws.id is not None
    assert (
        store.set_timebox(ws.id, Step.ACCOUNTABILITY, 60) == DEFAULT_TIMEBOXES[Step.ACCOUNTABILITY]
    )
    assert store.set_agenda_start(ws.id, dt.time(9, 15)) is None
    assert store.add_time_spent(ws.id, Step.SETUP, 400) == 400
    assert store.add_time_spent(ws.id, Step.SETUP, 200) == 600
    saved = reread(db_path, ws.id)
    assert saved.timeboxes == {**DEFAULT_TIMEBOXES, Step.ACCOUNTABILITY: 60}
    assert saved.agenda_start == dt.time(9, 15)
    assert saved.time_spent == {Step.SETUP: 600}
    assert saved == store.workshop(ws.id)


def test_a_refused_timebox_changes_neither_the_file_nor_the_screen(store: Store, db_path: Path):
    ws = store.create_workshop(editing.new_workshop("Agenda"))
    assert ws.id is not None
    with pytest.raises(InvalidValue):
        store.set_timebox(ws.id, Step.GOALS, 0)
    assert store.workshop(ws.id).timeboxes == DEFAULT_TIMEBOXES
    assert reread(db_path, ws.id).timeboxes == DEFAULT_TIMEBOXES


def agenda_demo() -> Workshop:
    ws = demo_workshop()
    agenda.set_agenda_start(ws, dt.time(13, 45))
    agenda.set_timebox(ws, Step.PRIORITIES, 35)
    agenda.add_time_spent(ws, Step.VISION, 1500)
    agenda.add_time_spent(ws, Step.CHARTER, 61)
    return ws


def test_a_whole_workshop_with_its_agenda_comes_back_from_the_file(store: Store, db_path: Path):
    created = store.create_workshop(agenda_demo())
    assert created.id is not None
    saved = reread(db_path, created.id)
    assert saved.agenda_start == dt.time(13, 45)
    assert saved.timeboxes[Step.PRIORITIES] == 35
    assert saved.time_spent == {Step.VISION: 1500, Step.CHARTER: 61}
    assert saved == created


def test_a_duplicate_for_a_rerun_keeps_the_plan_but_not_the_time_spent(store: Store):
    created = store.create_workshop(agenda_demo())
    assert created.id is not None
    copy_ = store.duplicate_workshop(created.id)
    assert copy_.timeboxes == created.timeboxes and copy_.agenda_start == created.agenda_start
    assert copy_.time_spent == {}


def test_the_agenda_survives_export_and_import():
    ws = agenda_demo()
    doc = to_document(ws)
    assert doc["version"] == interchange.FORMAT_VERSION >= 2
    written = doc["workshop"]
    assert written["agenda_start"] == "13:45"
    assert list(written["timeboxes"]) == [s.value for s in Step]
    assert written["time_spent"] == {"vision": 1500, "charter": 61}
    assert from_document(doc) == ws


def test_a_version_1_document_is_still_read_with_the_default_agenda():
    doc = to_document(demo_workshop())
    doc["version"] = 1
    for key in ("agenda_start", "timeboxes", "time_spent", "follows", "reviews"):
        del doc["workshop"][key]
    for key in interchange.SPONSOR_KEYS | interchange.LANGUAGE_KEYS:
        del doc["workshop"][key]
    ws = from_document(doc)
    assert ws.title == demo_workshop().title
    assert ws.timeboxes == DEFAULT_TIMEBOXES and ws.time_spent == {}


def test_a_version_1_document_cannot_carry_agenda_keys():
    doc = to_document(agenda_demo())
    doc["version"] = 1
    # (format 3's and 4's)
    for key in ("follows", "reviews", *interchange.SPONSOR_KEYS, *interchange.LANGUAGE_KEYS):
        del doc["workshop"][key]
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    paths = {p.path for p in refused.value.problems}
    assert paths == {f"$.workshop.{k}" for k in ("agenda_start", "timeboxes", "time_spent")}


def test_timeboxes_left_out_of_a_document_take_their_defaults():
    doc = to_document(agenda_demo())
    del doc["workshop"]["timeboxes"]["priorities"]
    assert from_document(doc).timeboxes[Step.PRIORITIES] == DEFAULT_TIMEBOXES[Step.PRIORITIES]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda w: w.update(agenda_start="9:30"), "$.workshop.agenda_start"),
        (lambda w: w.update(agenda_start="25:00"), "$.workshop.agenda_start"),
        (lambda w: w["timeboxes"].update(goals=0), '$.workshop.timeboxes["goals"]'),
        (lambda w: w["timeboxes"].update(lunch=30), '$.workshop.timeboxes["lunch"]'),
        (lambda w: w["time_spent"].update(vision=-1), '$.workshop.time_spent["vision"]'),
        (lambda w: w.update(time_spent=[1, 2]), "$.workshop.time_spent"),
    ],
)
def test_a_damaged_agenda_is_refused_at_its_path(change, path: str):  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(to_document(agenda_demo()))
    change(doc["workshop"])
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    assert [p.path for p in refused.value.problems] == [path]


def test_the_charter_appendix_shows_the_plan_and_the_time_spent():
    from io import BytesIO

    from pypdf import PdfReader

    from cxworkshop.charter import content, pdf_bytes
    from cxworkshop.charter.document import APPENDIX

    ws = agenda_demo()
    rows = {row.step: row for row in content.time_rows(ws)}
    assert rows[Step.VISION].spent == "25 min" and rows[Step.VISION].over
    assert rows[Step.CHARTER].spent == "1 min" and not rows[Step.CHARTER].over
    assert rows[Step.GOALS].spent == "–"
    assert rows[Step.SETUP].planned == "13:45–13:55 · 10 min"
    last = PdfReader(BytesIO(pdf_bytes(ws))).pages[-1].extract_text()
    assert APPENDIX in last
    assert "25 min" in last and "13:45–13:55" in last
