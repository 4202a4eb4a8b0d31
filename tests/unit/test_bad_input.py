"""A catalogue of bad and odd input, where it enters (store, JSON, command line) and leaves (PDF).

The rules themselves are tested in test_editing.py and the JSON checks in
test_interchange.py; this catalogue follows each kind of input across the
boundaries: text the app accepts comes back from the file exactly, never
cut short; text it refuses is refused in one line and changes nothing; and
neither the command line nor the charter ever crashes on any of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from cxworkshop import cli
from cxworkshop.charter import export_pdf
from cxworkshop.domain import editing, text
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.errors import BudgetExceeded, RuleError, WorkshopError
from cxworkshop.domain.model import (
    Assignee,
    Function,
    Goal,
    Participant,
    Pillar,
    Role,
    Workshop,
)
from cxworkshop.storage import interchange
from cxworkshop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]

ACCEPTED = {
    "emoji": "Delight 🎉 every customer 👩🏽‍💻",
    "hebrew": "שירות לקוחות מצוין",
    "arabic": "تجربة العملاء أولاً",
    "mixed direction": "NPS ≥ 40 — לקוחות 2027",
    "chinese": "提升客户满意度",
    "japanese": "顧客体験を向上させる",
    "korean": "고객 경험 개선",
    "combining accents": "Cafe\u0301 de\u0301cor",
    "zero-width joiner": "Family 👨‍👩‍👧 plan",
    "longest title": "T" * text.TITLE_MAX,
}
"""Text the app takes as it is: every script, emoji, and titles at the very limit."""

REFUSED = {
    "empty": ("", "cannot be empty"),
    "only spaces": ("   \t  ", "cannot be empty"),
    "five thousand characters": ("x" * 5000, "5000 characters long; the limit is"),
    "nul byte": ("Sales\x00Ops", "control character"),
    "escape sequence": ("Goal\x1b[31mred", "control character"),
    "bell": ("Ding\x07", "control character"),
    "line break in a title": ("Two\nlines", "control character"),
    "carriage return": ("Two\rlines", "control character"),
}
"""Text the app refuses, with the words the refusal must contain."""


def reread(path: Path, workshop_id: int) -> Workshop:
    with Store(path) as other:
        return other.workshop(workshop_id)


def new(store: Store, title: str = "Catalogue") -> Workshop:
    ws = store.create_workshop(editing.new_workshop(title, organisation="Acme"))
    assert ws.id is not None
    return ws


# ----------------------------------------------------------------- through the store


@pytest.mark.parametrize("value", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_text_in_any_script_comes_back_from_the_file_exactly(
    store: Store, db_path: Path, value: str
):
    ws = new(store)
    store.update_details(ws.id, title=value, vision=f"{value}\n{value}")
    goal = store.add_goal(ws.id, Goal(Pillar.WIN, value, description=value))
    person = store.add_participant(ws.id, Participant(value[: text.NAME_MAX], None))
    saved = reread(db_path, ws.id)
    assert saved.title == value and saved.vision == f"{value}\n{value}"
    assert editing.goal(saved, goal.id).title == value
    assert editing.participant(saved, person.id).name == value[: text.NAME_MAX]
    assert [s.title for s in store.list_workshops(value[:3])] == [value]


@pytest.mark.parametrize(("value", "words"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_text_is_one_clear_line_and_changes_nothing(
    store: Store, db_path: Path, value: str, words: str
):
    ws = new(store)
    before = reread(db_path, ws.id)
    refusals = [
        lambda: store.update_details(ws.id, title=value),
        lambda: store.add_goal(ws.id, Goal(Pillar.KEEP, value)),
        lambda: store.add_function(ws.id, Function(value)),
        lambda: store.rename_workshop(ws.id, value),
    ]
    for refuse in refusals:
        with pytest.raises(WorkshopError) as refused:
            refuse()
        message = str(refused.value)
        assert words in message
        assert "\n" not in message and len(message) < 200, "one short line, never the text echoed"
    assert reread(db_path, ws.id) == before
    assert not store.conn.in_transaction


def test_leading_and_trailing_spaces_are_trimmed_and_nothing_else(store: Store, db_path: Path):
    ws = new(store)
    store.update_details(ws.id, title="  Spring  CX  review \t")
    goal = store.add_goal(ws.id, Goal(Pillar.KEEP, "\t Cut churn  ", description="  a\n  b  "))
    saved = reread(db_path, ws.id)
    assert saved.title == "Spring  CX  review"
    assert editing.goal(saved, goal.id).title == "Cut churn"
    assert editing.goal(saved, goal.id).description == "a\n  b"


def test_duplicate_function_names_are_refused_but_two_people_may_share_a_name(
    store: Store, db_path: Path
):
    ws = new(store)
    store.add_function(ws.id, Function("Customer Service"))
    with pytest.raises(RuleError, match="already a function") as refused:
        store.add_function(ws.id, Function("  customer   SERVICE "))
    assert "\n" not in str(refused.value)
    first = store.add_participant(ws.id, Participant("Sam Lee", None))
    second = store.add_participant(ws.id, Participant("Sam Lee", None))
    saved = reread(db_path, ws.id)
    assert [f.name for f in saved.functions] == ["Customer Service"]
    assert [p.id for p in saved.participants] == [first.id, second.id]


def test_votes_over_the_budget_are_refused_in_one_line(store: Store, db_path: Path):
    ws = new(store)
    a = store.add_goal(ws.id, Goal(Pillar.WIN, "A"))
    b = store.add_goal(ws.id, Goal(Pillar.KEEP, "B"))
    voter = store.add_participant(ws.id, Participant("Ana", None))
    r = store.open_round(ws.id, goal_ids=[a.id, b.id], dots_per_voter=3, max_per_goal=2)
    for dots in ({a.id: 2, b.id: 2}, {a.id: 3}, {a.id: 10**12}):
        with pytest.raises(BudgetExceeded) as refused:
            store.cast_ballot(ws.id, r.id, voter.id, dots)
        assert "\n" not in str(refused.value)
    with pytest.raises(WorkshopError):
        store.cast_ballot(ws.id, r.id, voter.id, {a.id: -1})
    assert reread(db_path, ws.id).rounds[0].ballots == {}


# ----------------------------------------------------------------- a large workshop


def large_workshop() -> Workshop:
    """300 goals and 60 people: far beyond any real workshop."""
    ws = editing.new_workshop("A very large workshop", organisation="Enormous Holdings")
    ws.functions = default_functions()
    for i in range(60):
        fid = ws.functions[i % len(ws.functions)].id
        editing.add_participant(ws, Participant(f"Person {i:02d} 山田", fid, f"Role {i}"))
    pillars = list(Pillar)
    for i in range(300):
        editing.add_goal(ws, Goal(pillars[i % 3], f"Goal {i:03d} — שירות 🎯", metric=f"M{i}"))
    for i, goal in enumerate(ws.goals):
        who = Assignee.participant(ws.participants[i % 60].id)
        editing.assign(ws, goal.id, who, Role.ACCOUNTABLE)
        editing.assign(ws, goal.id, Assignee.function(ws.functions[i % 10].id), Role.RESPONSIBLE)
    return ws


@pytest.fixture(scope="module")
def large() -> Workshop:
    return large_workshop()


def test_a_workshop_of_300_goals_and_60_people_is_saved_and_read_back_whole(
    store: Store, db_path: Path, large: Workshop
):
    created = store.create_workshop(large)
    assert created.id is not None
    saved = reread(db_path, created.id)
    assert len(saved.goals) == 300 and len(saved.participants) == 60
    assert saved.goals == created.goals and saved.assignments == created.assignments
    assert interchange.loads(interchange.dumps(saved)) == saved


@pytest.mark.slow
def test_the_charter_of_a_workshop_of_300_goals_and_60_people_is_whole(
    tmp_path: Path, large: Workshop
):
    done = export_pdf(large, tmp_path / "charter.pdf")
    document = pdfium.PdfDocument(done.path)
    try:
        assert len(document) == done.pages > 10
        whole = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    for i in (0, 149, 299):
        assert f"Goal {i:03d}" in whole


def test_the_charter_lays_out_every_script_and_the_longest_texts_without_failing(
    tmp_path: Path,
):
    ws = editing.new_workshop(ACCEPTED["longest title"], organisation=ACCEPTED["hebrew"])
    ws.vision = "\n".join(ACCEPTED.values())
    for i, value in enumerate(ACCEPTED.values()):
        editing.add_goal(ws, Goal(list(Pillar)[i % 3], value, description=value))
        editing.add_participant(ws, Participant(value[: text.NAME_MAX], None))
    done = export_pdf(ws, tmp_path / "charter.pdf")
    whole = " ".join(p.extract_text() for p in PdfReader(done.path).pages)
    for key in ("chinese", "japanese", "korean"):
        assert ACCEPTED[key] in whole.replace("\n", "")
    assert "T" * 60 in whole.replace("\n", ""), "the longest title is shown, wrapped if need be"


# ----------------------------------------------------------------- the command line and JSON


def test_a_50_megabyte_file_is_refused_in_one_line_and_nothing_is_imported(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert cli.main(["--db", str(db_path), "import", str(huge)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "50.0 MB" in err
    with Store(db_path) as s:
        assert s.list_workshops() == []


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nest too deeply"),
        ('{"format": "cxworkshop", "version": 1, "workshop": {"title": "A\\u0000B"}}', "control"),
        ('{"format": "cxworkshop", "version": 1, "workshop": {"title": 42}}', "text"),
        ('{"format": "cxworkshop", "version": 1}', "workshop"),
        ('{"format": "cxworkshop", "version": 1e999, "workshop": {}}', "version"),
        ("\x00\x00\x00", "Not valid JSON"),
    ],
    ids=["deep nesting", "nul in a string", "wrong type", "missing field", "huge number", "nul"],
)
def test_hostile_json_on_the_command_line_is_refused_and_imports_nothing(
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: str,
    words: str,
):
    file = tmp_path / "hostile.json"
    file.write_text(source, encoding="utf-8")
    assert cli.main(["--db", str(db_path), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxworkshop: ") and words in err
    assert "Traceback" not in err
    with Store(db_path) as s:
        assert s.list_workshops() == []


def test_a_title_of_5000_characters_in_json_is_refused_not_cut_short(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
):
    document = interchange.to_document(editing.new_workshop("Short"))
    document["workshop"]["title"] = "y" * 5000
    file = tmp_path / "long.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["--db", str(db_path), "import", str(file)]) == 1
    assert "5000 characters long; the limit is 200" in capsys.readouterr().err


def test_the_command_line_lists_every_script_even_without_a_utf8_locale(db_path: Path):
    with Store(db_path) as s:
        for value in ACCEPTED.values():
            s.create_workshop(editing.new_workshop(value[:40], organisation=value[:40]))
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "CXWORKSHOP_DB": str(db_path)}
    env.pop("PYTHONIOENCODING", None)
    listed = subprocess.run(
        [sys.executable, "-m", "cxworkshop.cli", "list"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr.decode(errors="replace")
    out = listed.stdout.decode("utf-8")
    assert ACCEPTED["chinese"] in out and ACCEPTED["hebrew"] in out


# ----------------------------------------------------------------- every field within range


def import_refused_with_path(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], source: str, path: str
) -> str:
    file = tmp_path / "hostile.json"
    file.write_text(source, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["--db", str(db_path), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxworkshop: 1 problem in the file: ") and err.count("\n") == 1
    assert f": {path}: " in err and "Traceback" not in err
    # Nothing was imported (not even an empty file made), and the library still lists.
    assert cli.main(["--db", str(db_path), "list"]) == 0
    assert capsys.readouterr().out.startswith("No workshops yet.")
    return err


HOSTILE_VALUES = {
    "a moment past the calendar once in UTC": (
        "updated_at",
        "9999-12-31T23:59:59-23:59",
        "beyond the calendar",
    ),
    "a moment before the calendar once in UTC": (
        "created_at",
        "0001-01-01T00:00:00+23:59",
        "beyond the calendar",
    ),
    "a workshop id of 2**63": ("id", 2**63, "must be a whole number"),
    "a workshop id of 2**64": ("id", 2**64, "must be a whole number"),
}


@pytest.mark.parametrize(("key", "value", "words"), HOSTILE_VALUES.values(), ids=HOSTILE_VALUES)
def test_a_value_out_of_range_is_refused_with_its_path_and_the_library_still_lists(
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    key: str,
    value: object,
    words: str,
):
    document = interchange.to_document(editing.new_workshop("Hostile"))
    document["workshop"][key] = value
    err = import_refused_with_path(
        tmp_path, db_path, capsys, json.dumps(document), f"$.workshop.{key}"
    )
    assert words in err


def _goal_document() -> str:
    ws = editing.new_workshop("Twice")
    editing.add_goal(ws, Goal(Pillar.WIN, "Cut churn"))
    return json.dumps(interchange.to_document(ws))


REPEATED_KEYS = {
    "at the top": (
        '{"format": "cxworkshop", "format": "cxworkshop", "version": 2, '
        '"workshop": {"title": "A"}}',
        "$.format",
    ),
    "in the workshop": (
        '{"format": "cxworkshop", "version": 2, "workshop": {"title": "A", "title": "B"}}',
        "$.workshop.title",
    ),
    "in a goal": (
        _goal_document().replace('"title": "Cut churn"', '"title": "Cut churn", "title": "X"'),
        "$.workshop.goals[0].title",
    ),
}


@pytest.mark.parametrize(("source", "path"), REPEATED_KEYS.values(), ids=REPEATED_KEYS)
def test_a_key_given_twice_is_refused_with_its_path_not_silently_the_last_one(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], source: str, path: str
):
    err = import_refused_with_path(tmp_path, db_path, capsys, source, path)
    assert "more than once" in err


@pytest.mark.parametrize(
    "value", [str(2**63), str(2**64), "0", "-1", "1" + "0" * 5000], ids=str.__len__
)
@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
def test_a_workshop_id_out_of_range_on_the_command_line_is_refused_in_one_line(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], command: str, value: str
):
    with Store(db_path) as s:
        new(s)
    target = tmp_path / "out.file"
    assert cli.main(["--db", str(db_path), command, value, str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxworkshop: ") and err.count("\n") == 1
    assert "is not a workshop id" in err and len(err) < 200
    assert not target.exists()


@settings(max_examples=200, deadline=None)
@example(moment=dt.datetime(9999, 12, 31, 23, 59, 59), offset=-(24 * 60 - 1))
@example(moment=dt.datetime(1, 1, 1), offset=24 * 60 - 1)
@example(moment=dt.datetime(9999, 12, 31, 12), offset=0)
@given(
    moment=st.datetimes(),
    offset=st.integers(-(24 * 60 - 1), 24 * 60 - 1),
)
def test_any_imported_moment_is_refused_with_its_path_or_can_be_shown_anywhere(
    moment: dt.datetime, offset: int
):
    value = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset))).isoformat()
    document = interchange.to_document(editing.new_workshop("Moments"))
    document["workshop"]["updated_at"] = value
    try:
        ws = interchange.loads(json.dumps(document))
    except interchange.ImportProblems as refused:
        assert [p.path for p in refused.problems] == ["$.workshop.updated_at"]
        return
    assert ws.updated_at is not None
    for zone in (dt.UTC, dt.timezone(dt.timedelta(hours=14)), dt.timezone(-dt.timedelta(hours=12))):
        ws.updated_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
