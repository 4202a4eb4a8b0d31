"""Exporting a workshop to JSON and importing it again: lossless, strict, and unbreakable."""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxworkshop.domain import text, voting
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import WorkshopError
from cxworkshop.domain.model import AssigneeKind, Role, VotingMode, Workshop
from cxworkshop.storage import interchange
from cxworkshop.storage.interchange import (
    FORMAT,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    ImportProblems,
    Problem,
    dumps,
    from_document,
    loads,
    read,
    to_document,
    write,
)
from tests.helpers.strategies import workshops

DOCS = Path(__file__).resolve().parents[2] / "docs"

Doc = dict[str, Any]


def problems_of(doc: object) -> list[Problem]:
    with pytest.raises(ImportProblems) as caught:
        from_document(doc)
    return caught.value.problems


def demo_document() -> Doc:
    """The demo, carried on from an earlier workshop and reviewed once: every key written."""
    from cxworkshop.domain import review
    from cxworkshop.domain.model import Assignee, ReviewDecision, ReviewStatus

    ws = demo_workshop()
    ws.follows = 3
    r = review.add_review(ws, dt.date(2027, 6, 17))
    review.record(
        ws,
        r.id,
        ws.goals[0].id,
        reading="2.1%",
        read_on=dt.date(2027, 6, 10),
        status=ReviewStatus.ON_TRACK,
        note="Ahead of plan.",
        decision=ReviewDecision.REASSIGN,
        new_target="2.8%",
        new_accountable=Assignee.participant(ws.participants[1].id),
    )
    return to_document(ws)


# ----------------------------------------------------------------- lossless round trip


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_any_workshop_comes_back_from_its_document_unchanged(ws: Workshop) -> None:
    assert from_document(to_document(ws)) == ws


@pytest.mark.slow
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_any_workshop_comes_back_from_its_json_text_unchanged(ws: Workshop) -> None:
    assert loads(dumps(ws)) == ws


@pytest.mark.slow
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_the_same_workshop_always_exports_the_same_text(ws: Workshop) -> None:
    first = dumps(ws)
    assert dumps(copy.deepcopy(ws)) == first
    assert dumps(loads(first)) == first
    assert json.dumps(to_document(ws), indent=2, ensure_ascii=False) + "\n" == first


def test_ballots_are_written_in_voter_order_whatever_order_they_were_cast_in() -> None:
    ws = demo_workshop()
    r = ws.rounds[0]
    shuffled = copy.deepcopy(ws)
    s = shuffled.rounds[0]
    s.ballots = {v: dict(reversed(s.ballots[v].items())) for v in reversed(list(s.ballots))}
    assert shuffled == ws
    assert dumps(shuffled) == dumps(ws)
    assert list(to_document(ws)["workshop"]["rounds"][0]["ballots"]) == r.voted()


def test_the_export_keeps_accents_readable_and_ends_with_a_newline() -> None:
    ws = demo_workshop()
    exported = dumps(ws)
    accented = next(p.name for p in ws.participants if not p.name.isascii())
    assert accented in exported
    assert exported.endswith("}\n")


def test_the_document_says_what_it_is_and_which_version() -> None:
    doc = demo_document()
    assert list(doc) == ["format", "version", "workshop"]
    assert (doc["format"], doc["version"]) == (FORMAT, FORMAT_VERSION)


def test_dates_and_moments_are_written_as_iso_text() -> None:
    ws = demo_workshop()
    ws.date = dt.date(2027, 3, 18)
    ws.created_at = dt.datetime(2027, 3, 18, 8, 55, 12, tzinfo=dt.UTC)
    ws.updated_at = None
    doc = to_document(ws)["workshop"]
    assert doc["date"] == "2027-03-18"
    assert doc["created_at"] == "2027-03-18T08:55:12+00:00"
    assert doc["updated_at"] is None


# ----------------------------------------------------------------- files


def test_a_written_file_reads_back_as_the_same_workshop(tmp_path: Path) -> None:
    ws = demo_workshop()
    target = tmp_path / "charter.json"
    write(ws, target)
    assert read(target) == ws
    assert target.read_text(encoding="utf-8") == dumps(ws)


def test_writing_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    write(demo_workshop(), tmp_path / "charter.json")
    assert [p.name for p in tmp_path.iterdir()] == ["charter.json"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_export_can_be_shared_like_any_other_file(tmp_path: Path) -> None:
    target = tmp_path / "charter.json"
    mask = os.umask(0o022)
    try:
        write(demo_workshop(), target)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_writing_over_an_older_export_replaces_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "charter.json"
    big = demo_workshop()
    write(big, target)
    small = Workshop(title="Just a title")
    write(small, target)
    assert read(target) == small


def test_a_write_that_fails_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "charter.json"
    write(Workshop(title="The version we keep"), target)
    before = target.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(interchange.os, "replace", disk_full)
    with pytest.raises(OSError):
        write(demo_workshop(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["charter.json"]


def test_files_over_twenty_megabytes_are_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportProblems) as caught:
        read(huge)
    assert caught.value.problems[0].path == "$"
    assert f"{MAX_FILE_BYTES // (1024 * 1024)} MB" in str(caught.value)


def test_a_file_of_exactly_twenty_megabytes_is_read(tmp_path: Path) -> None:
    doc = dumps(Workshop(title="Padded"))
    padded = tmp_path / "padded.json"
    padded.write_bytes(doc.encode() + b" " * (MAX_FILE_BYTES - len(doc.encode())))
    assert read(padded).title == "Padded"


def test_bytes_that_are_not_utf8_are_reported_with_line_and_column(tmp_path: Path) -> None:
    lines = [b"{", b'  "format": "cx\xffworkshop",', b'  "version": 1', b"}"]
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b"\n".join(lines))
    with pytest.raises(ImportProblems) as caught:
        read(bad)
    [problem] = caught.value.problems
    assert problem.path == "$"
    assert "UTF-8" in problem.message
    column = lines[1].index(b"\xff") + 1
    assert f"line 2, column {column}" in problem.message


def test_a_json_syntax_error_is_reported_with_line_and_column(tmp_path: Path) -> None:
    source = '{\n  "format": "cxworkshop",\n  "version" 1\n}\n'
    broken = tmp_path / "broken.json"
    broken.write_text(source, encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        read(broken)
    [problem] = caught.value.problems
    line = source.splitlines()[2]
    assert problem.path == "$"
    assert f"line 3, column {line.index('1') + 1}" in problem.message


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path: Path) -> None:
    ws = demo_workshop()
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + dumps(ws).encode("utf-8"))
    assert read(with_bom) == ws


def test_a_missing_file_is_reported_by_the_system_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(FileNotFoundError) as caught:
        read(missing)
    assert caught.value.filename == str(missing)


# ----------------------------------------------------------------- each kind of problem


def _ws(doc: Doc) -> Doc:
    workshop: Doc = doc["workshop"]
    return workshop


def _round(doc: Doc) -> Doc:
    r: Doc = _ws(doc)["rounds"][0]
    return r


def _accountable_then_other(doc: Doc) -> tuple[int, int]:
    """Positions of a goal's Accountable and of a later non-A role on the same goal."""
    rows = _ws(doc)["assignments"]
    for i, a in enumerate(rows):
        if a["role"] != "A":
            continue
        for j in range(i + 1, len(rows)):
            if rows[j]["goal"] == a["goal"] and rows[j]["role"] != "A":
                return i, j
    raise AssertionError("the demo has no goal with an A and another role")


def _full_ballot(doc: Doc) -> tuple[str, dict[str, int]]:
    """A voter whose ballot places every dot, with one goal below the per-goal maximum."""
    r = _round(doc)
    for voter, ballot in r["ballots"].items():
        if sum(ballot.values()) == r["dots_per_voter"] and any(
            n < r["max_per_goal"] for n in ballot.values()
        ):
            return voter, ballot
    raise AssertionError("the demo has no full ballot")


def _second_round(doc: Doc, **changes: Any) -> Doc:
    second = copy.deepcopy(_round(doc))
    second.update(id="second-round", number=_round(doc)["number"] + 1, decision=[])
    second.update(changes)
    _ws(doc)["rounds"].append(second)
    return second


Breakage = Callable[[Doc], tuple[str, str]]
BREAKAGES: list[Breakage] = []


def breakage(fn: Breakage) -> Breakage:
    BREAKAGES.append(fn)
    return fn


@breakage
def goal_under_a_pillar_that_does_not_exist(doc: Doc) -> tuple[str, str]:
    _ws(doc)["goals"][3]["pillar"] = "wins"
    return "$.workshop.goals[3].pillar", "'wins' is not one of win, keep, advocate"


@breakage
def workshop_without_a_title(doc: Doc) -> tuple[str, str]:
    del _ws(doc)["title"]
    return "$.workshop.title", "missing"


@breakage
def title_that_is_a_number(doc: Doc) -> tuple[str, str]:
    _ws(doc)["title"] = 2027
    return "$.workshop.title", "must be text"


@breakage
def title_over_the_limit(doc: Doc) -> tuple[str, str]:
    _ws(doc)["title"] = "x" * (text.TITLE_MAX + 1)
    return "$.workshop.title", f"the limit is {text.TITLE_MAX}"


@breakage
def participant_with_a_blank_name(doc: Doc) -> tuple[str, str]:
    _ws(doc)["participants"][2]["name"] = "   "
    return "$.workshop.participants[2].name", "cannot be empty"


@breakage
def function_name_with_a_control_character(doc: Doc) -> tuple[str, str]:
    _ws(doc)["functions"][1]["name"] += "\x07"
    return "$.workshop.functions[1].name", "control character"


@breakage
def vision_with_half_a_character(doc: Doc) -> tuple[str, str]:
    _ws(doc)["vision"] = "Half an emoji: \ud83d"
    return "$.workshop.vision", "not valid Unicode"


@breakage
def date_that_never_was(doc: Doc) -> tuple[str, str]:
    _ws(doc)["date"] = "2027-02-30"
    return "$.workshop.date", "YYYY-MM-DD"


@breakage
def date_written_the_local_way(doc: Doc) -> tuple[str, str]:
    _ws(doc)["review_date"] = "17/06/2027"
    return "$.workshop.review_date", "YYYY-MM-DD"


@breakage
def moment_that_is_not_a_moment(doc: Doc) -> tuple[str, str]:
    _ws(doc)["created_at"] = "yesterday"
    return "$.workshop.created_at", "not a date and time"


@breakage
def status_the_app_does_not_know(doc: Doc) -> tuple[str, str]:
    _ws(doc)["status"] = "finished"
    return "$.workshop.status", "'finished' is not one of draft, running, done"


@breakage
def workshop_number_written_as_text(doc: Doc) -> tuple[str, str]:
    _ws(doc)["id"] = "7"
    return "$.workshop.id", "must be a whole number"


@breakage
def workshop_number_too_large_for_any_database(doc: Doc) -> tuple[str, str]:
    _ws(doc)["id"] = 2**70
    return "$.workshop.id", "a very large number"


@breakage
def commitments_that_are_not_a_list(doc: Doc) -> tuple[str, str]:
    _ws(doc)["commitments"] = "call Amara"
    return "$.workshop.commitments", "must be a list"


@breakage
def principle_that_is_not_an_object(doc: Doc) -> tuple[str, str]:
    _ws(doc)["principles"][1] = "Be nice"
    return "$.workshop.principles[1]", "must be an object"


@breakage
def misspelt_key(doc: Doc) -> tuple[str, str]:
    _ws(doc)["goals"][0]["pilar"] = "win"
    return "$.workshop.goals[0].pilar", "did you mean 'pillar'"


@breakage
def key_no_version_has_had(doc: Doc) -> tuple[str, str]:
    doc["comment"] = "exported for the board"
    return "$.comment", "no key of this name"


@breakage
def commitment_without_an_id(doc: Doc) -> tuple[str, str]:
    del _ws(doc)["commitments"][0]["id"]
    return "$.workshop.commitments[0].id", "missing"


@breakage
def id_with_spaces(doc: Doc) -> tuple[str, str]:
    _ws(doc)["principles"][0]["id"] = "first principle"
    return "$.workshop.principles[0].id", "not an id"


@breakage
def two_principles_with_one_id(doc: Doc) -> tuple[str, str]:
    principles = _ws(doc)["principles"]
    principles[1]["id"] = principles[0]["id"]
    return "$.workshop.principles[1].id", "already used by $.workshop.principles[0]"


@breakage
def two_functions_with_one_name(doc: Doc) -> tuple[str, str]:
    functions = _ws(doc)["functions"]
    functions[2]["name"] = "  " + functions[1]["name"].upper()
    return "$.workshop.functions[2].name", "is already at $.workshop.functions[1]"


@breakage
def the_same_principle_twice(doc: Doc) -> tuple[str, str]:
    principles = _ws(doc)["principles"]
    principles[3]["text"] = principles[0]["text"].lower()
    return "$.workshop.principles[3].text", "is already at $.workshop.principles[0]"


@breakage
def participant_in_a_function_that_is_not_there(doc: Doc) -> tuple[str, str]:
    _ws(doc)["participants"][0]["function_id"] = "gone"
    return "$.workshop.participants[0].function_id", "no function has the id 'gone'"


@breakage
def role_on_a_goal_that_is_not_there(doc: Doc) -> tuple[str, str]:
    _ws(doc)["assignments"][0]["goal"] = "gone"
    return "$.workshop.assignments[0].goal", "no goal has the id 'gone'"


@breakage
def role_held_by_a_team_rather_than_a_function_or_person(doc: Doc) -> tuple[str, str]:
    _ws(doc)["assignments"][0]["assignee"]["kind"] = "team"
    return "$.workshop.assignments[0].assignee.kind", "not one of function, participant"


@breakage
def role_held_by_someone_who_left(doc: Doc) -> tuple[str, str]:
    rows = _ws(doc)["assignments"]
    i = next(i for i, a in enumerate(rows) if a["assignee"]["kind"] == "participant")
    rows[i]["assignee"]["id"] = "left-the-company"
    return f"$.workshop.assignments[{i}].assignee.id", "no participant has the id"


@breakage
def second_accountable_on_one_goal(doc: Doc) -> tuple[str, str]:
    first, second = _accountable_then_other(doc)
    _ws(doc)["assignments"][second]["role"] = "A"
    return (
        f"$.workshop.assignments[{second}].role",
        f"already has its Accountable at $.workshop.assignments[{first}]",
    )


@breakage
def one_assignee_with_two_roles_on_a_goal(doc: Doc) -> tuple[str, str]:
    rows = _ws(doc)["assignments"]
    again = copy.deepcopy(rows[1])
    again["role"] = "I" if again["role"] != "I" else "C"
    rows.append(again)
    return f"$.workshop.assignments[{len(rows) - 1}].assignee", "one role per assignee per goal"


@breakage
def role_that_is_not_raci(doc: Doc) -> tuple[str, str]:
    _ws(doc)["assignments"][4]["role"] = "X"
    return "$.workshop.assignments[4].role", "'X' is not one of A, R, C, I"


@breakage
def assignment_without_a_role(doc: Doc) -> tuple[str, str]:
    del _ws(doc)["assignments"][2]["role"]
    return "$.workshop.assignments[2].role", "missing"


@breakage
def colour_by_name(doc: Doc) -> tuple[str, str]:
    _ws(doc)["functions"][0]["colour"] = "red"
    return "$.workshop.functions[0].colour", "#RRGGBB"


@breakage
def customer_facing_as_yes(doc: Doc) -> tuple[str, str]:
    _ws(doc)["functions"][0]["customer_facing"] = "yes"
    return "$.workshop.functions[0].customer_facing", "must be true or false"


@breakage
def round_on_a_goal_that_is_not_there(doc: Doc) -> tuple[str, str]:
    goal_ids = _round(doc)["goal_ids"]
    goal_ids.append("gone")
    return f"$.workshop.rounds[0].goal_ids[{len(goal_ids) - 1}]", "no goal has the id 'gone'"


@breakage
def goal_twice_on_one_ballot(doc: Doc) -> tuple[str, str]:
    goal_ids = _round(doc)["goal_ids"]
    goal_ids.append(goal_ids[0])
    return f"$.workshop.rounds[0].goal_ids[{len(goal_ids) - 1}]", "appears twice"


@breakage
def voter_who_is_not_a_participant(doc: Doc) -> tuple[str, str]:
    voter_ids = _round(doc)["voter_ids"]
    voter_ids.append("stranger")
    return f"$.workshop.rounds[0].voter_ids[{len(voter_ids) - 1}]", "no participant"


@breakage
def ballot_over_budget(doc: Doc) -> tuple[str, str]:
    voter, ballot = _full_ballot(doc)
    goal = next(g for g, n in ballot.items() if n < _round(doc)["max_per_goal"])
    ballot[goal] += 1
    budget = _round(doc)["dots_per_voter"]
    return (
        f'$.workshop.rounds[0].ballots["{voter}"]',
        f"places {budget + 1} dots; each voter has {budget}",
    )


@breakage
def too_many_dots_on_one_goal(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter = next(iter(r["ballots"]))
    goal = r["goal_ids"][0]
    r["ballots"][voter] = {goal: r["max_per_goal"] + 1}
    return (
        f'$.workshop.rounds[0].ballots["{voter}"]["{goal}"]',
        f"from 0 to {r['max_per_goal']}",
    )


@breakage
def negative_dots(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter, ballot = next(iter(r["ballots"].items()))
    goal = next(iter(ballot))
    ballot[goal] = -1
    return f'$.workshop.rounds[0].ballots["{voter}"]["{goal}"]', "not -1"


@breakage
def half_a_dot(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter, ballot = next(iter(r["ballots"].items()))
    goal = next(iter(ballot))
    ballot[goal] = 0.5
    return f'$.workshop.rounds[0].ballots["{voter}"]["{goal}"]', "must be a whole number"


@breakage
def ballot_that_is_not_a_map(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter = next(iter(r["ballots"]))
    r["ballots"][voter] = 3
    return f'$.workshop.rounds[0].ballots["{voter}"]', "must be an object of goal ids"


@breakage
def ballot_from_someone_not_voting(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter = next(iter(r["ballots"]))
    r["voter_ids"].remove(voter)
    return f'$.workshop.rounds[0].ballots["{voter}"]', "is not a voter in this round"


@breakage
def dots_on_a_goal_taken_off_the_ballot(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    voter, goal = next(
        (v, g)
        for v, b in r["ballots"].items()
        for g in b
        if g not in r["decision"] and sum(g in other for other in r["ballots"].values()) == 1
    )
    r["goal_ids"].remove(goal)
    return (
        f'$.workshop.rounds[0].ballots["{voter}"]["{goal}"]',
        "is not a goal on this round's ballot",
    )


@breakage
def per_goal_maximum_above_the_budget(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    r["max_per_goal"] = r["dots_per_voter"] + 1
    return "$.workshop.rounds[0].max_per_goal", "cannot exceed the dots per voter"


@breakage
def budget_of_true(doc: Doc) -> tuple[str, str]:
    _round(doc)["dots_per_voter"] = True
    return "$.workshop.rounds[0].dots_per_voter", "must be a whole number, not true"


@breakage
def budget_beyond_the_most_dots_allowed(doc: Doc) -> tuple[str, str]:
    from cxworkshop.domain.editing import MAX_DOTS

    _round(doc)["dots_per_voter"] = MAX_DOTS + 1
    return "$.workshop.rounds[0].dots_per_voter", f"from 1 to {MAX_DOTS}"


@breakage
def wall_tallies_in_a_secret_ballot(doc: Doc) -> tuple[str, str]:
    r = _round(doc)
    r["tallies"] = {r["goal_ids"][0]: 4}
    return "$.workshop.rounds[0].tallies", "takes no tallies"


@breakage
def ballots_in_a_round_counted_off_the_wall(doc: Doc) -> tuple[str, str]:
    _round(doc)["mode"] = VotingMode.TALLY.value
    return "$.workshop.rounds[0].ballots", "holds no ballots"


@breakage
def decision_on_a_goal_not_on_the_ballot(doc: Doc) -> tuple[str, str]:
    decision = _round(doc)["decision"]
    decision.append("gone")
    return f"$.workshop.rounds[0].decision[{len(decision) - 1}]", "no goal on this ballot"


@breakage
def decision_note_over_the_limit(doc: Doc) -> tuple[str, str]:
    _round(doc)["decision_note"] = "because " * text.LONG_MAX
    return "$.workshop.rounds[0].decision_note", f"the limit is {text.LONG_MAX}"


@breakage
def runoff_of_a_round_that_is_not_there(doc: Doc) -> tuple[str, str]:
    _round(doc)["runoff_of"] = "gone"
    return "$.workshop.rounds[0].runoff_of", "no voting round has the id 'gone'"


@breakage
def runoff_before_the_round_it_settles(doc: Doc) -> tuple[str, str]:
    _second_round(doc, is_open=False)
    _round(doc)["runoff_of"] = "second-round"
    return "$.workshop.rounds[0].runoff_of", "must follow the round"


@breakage
def two_rounds_with_one_number(doc: Doc) -> tuple[str, str]:
    _second_round(doc, is_open=False, number=_round(doc)["number"])
    return "$.workshop.rounds[1].number", "already used by $.workshop.rounds[0]"


@breakage
def two_rounds_open_at_once(doc: Doc) -> tuple[str, str]:
    _round(doc)["is_open"] = True
    _second_round(doc, is_open=True)
    return "$.workshop.rounds[1].is_open", "only one round is open at a time"


@breakage
def round_number_of_a_trillion(doc: Doc) -> tuple[str, str]:
    _round(doc)["number"] = 10**12
    return "$.workshop.rounds[0].number", "must be a whole number from 1 to"


@breakage
def workshop_that_is_a_list(doc: Doc) -> tuple[str, str]:
    doc["workshop"] = []
    return "$.workshop", "must be an object, not a list"


@breakage
def no_format_marker(doc: Doc) -> tuple[str, str]:
    del doc["format"]
    return "$.format", "not a CX Workshop file"


@breakage
def someone_elses_format(doc: Doc) -> tuple[str, str]:
    doc["format"] = "trello-board"
    return "$.format", "not a CX Workshop file"


@breakage
def version_as_text(doc: Doc) -> tuple[str, str]:
    doc["version"] = "1"
    return "$.version", "is not a format version"


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda b: b.__name__)
def test_each_problem_is_reported_at_the_path_of_the_value_at_fault(breakage: Breakage) -> None:
    doc = demo_document()
    path, words = breakage(doc)
    problems = problems_of(doc)
    assert [p.path for p in problems] == [path], problems
    assert words in problems[0].message


def test_the_untouched_demo_document_imports() -> None:
    # Without this, every breakage above could pass on a document that never imported.
    assert isinstance(from_document(demo_document()), Workshop)


def test_every_problem_in_a_file_is_reported_not_just_the_first() -> None:
    doc = demo_document()
    chosen = [
        goal_under_a_pillar_that_does_not_exist,
        colour_by_name,
        ballot_over_budget,
        second_accountable_on_one_goal,
    ]
    expected = [b(doc)[0] for b in chosen]
    with pytest.raises(ImportProblems) as caught:
        from_document(doc)
    problems = caught.value.problems
    assert sorted(p.path for p in problems) == sorted(expected)
    assert str(caught.value) == f"{len(expected)} problems in the file; first: {problems[0]}"


def test_one_problem_reads_as_one_line() -> None:
    doc = demo_document()
    path, _ = goal_under_a_pillar_that_does_not_exist(doc)
    with pytest.raises(ImportProblems) as caught:
        from_document(doc)
    assert str(caught.value) == f"1 problem in the file: {caught.value.problems[0]}"
    assert str(caught.value.problems[0]).startswith(f"{path}: ")


def test_import_problems_are_workshop_errors_the_app_already_reports() -> None:
    assert issubclass(ImportProblems, WorkshopError)


def test_a_file_from_a_newer_version_is_refused_naming_both_versions() -> None:
    doc = demo_document()
    newer = FORMAT_VERSION + 2
    doc["version"] = newer
    doc["workshop"]["a_key_from_the_future"] = {"anything": True}
    [problem] = problems_of(doc)
    assert problem.path == "$.version"
    assert f"newer CX Workshop (format {newer})" in problem.message
    assert f"reads format {FORMAT_VERSION} and older" in problem.message


@pytest.mark.parametrize("top", [[], "cxworkshop", 1, None, True, 1.5])
def test_a_document_that_is_not_an_object_is_refused(top: object) -> None:
    [problem] = problems_of(top)
    assert problem.path == "$"


def test_text_is_imported_trimmed_as_the_app_would_store_it() -> None:
    doc = demo_document()
    _ws(doc)["title"] = "  Charter 2027\t"
    _ws(doc)["functions"][0]["colour"] = _ws(doc)["functions"][0]["colour"].lower()
    ws = from_document(doc)
    assert ws.title == "Charter 2027"
    assert ws.functions[0].colour == demo_document()["workshop"]["functions"][0]["colour"]


def test_goals_without_dots_are_left_out_of_an_imported_ballot() -> None:
    doc = demo_document()
    r = _round(doc)
    voter = next(iter(r["ballots"]))
    r["ballots"][voter] = {g: 0 for g in r["goal_ids"]}
    ws = from_document(doc)
    assert ws.rounds[0].ballots[voter] == {}
    assert voter in ws.rounds[0].voted()


def test_a_hand_written_file_needs_only_the_required_keys() -> None:
    doc = {"format": FORMAT, "version": FORMAT_VERSION, "workshop": {"title": "Charter"}}
    assert from_document(doc) == Workshop(title="Charter")


# ----------------------------------------------------------------- hostile input


def _nested(depth: int) -> object:
    value: object = "bottom"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_json_nested_ten_thousand_levels_deep_is_refused_calmly(depth: int) -> None:
    with pytest.raises(ImportProblems):
        loads("[" * depth + "]" * depth)
    deep_object = '{"a": ' * depth + "1" + "}" * depth
    with pytest.raises(ImportProblems):
        loads(f'{{"format": "cxworkshop", "version": 1, "workshop": {deep_object}}}')


@pytest.mark.parametrize(
    "where",
    [
        lambda doc, deep: doc.__setitem__("workshop", deep),
        lambda doc, deep: _ws(doc).__setitem__("title", deep),
        lambda doc, deep: _ws(doc)["goals"].__setitem__(0, deep),
        lambda doc, deep: _round(doc)["ballots"].__setitem__("x", deep),
        lambda doc, deep: _ws(doc)["assignments"][0].__setitem__("assignee", deep),
    ],
)
def test_deeply_nested_values_anywhere_are_refused_calmly(
    where: Callable[[Doc, object], None],
) -> None:
    doc = demo_document()
    where(doc, _nested(10_000))
    assert problems_of(doc)
    assert problems_of(_nested(10_000))


def test_numbers_too_big_for_any_budget_are_refused_calmly() -> None:
    doc = demo_document()
    source = dumps(demo_workshop())
    r = _round(doc)
    r["dots_per_voter"] = 10**400
    assert problems_of(doc)[0].path == "$.workshop.rounds[0].dots_per_voter"
    with pytest.raises(ImportProblems):
        loads(source.replace('"dots_per_voter": 3', '"dots_per_voter": 1e400'))
    with pytest.raises(ImportProblems):
        loads(source.replace('"dots_per_voter": 3', '"dots_per_voter": NaN'))
    with pytest.raises(ImportProblems):
        loads(source.replace('"dots_per_voter": 3', '"dots_per_voter": ' + "9" * 5000))
    assert math.isinf(json.loads("1e400"))  # why 1e400 reaches the checks as a float


def test_a_huge_text_value_is_described_briefly_not_echoed() -> None:
    doc = demo_document()
    _ws(doc)["status"] = "d" * 1_000_000
    [problem] = problems_of(doc)
    assert len(str(problem)) < 200


def test_keys_that_are_not_text_are_refused_when_called_from_python() -> None:
    doc = demo_document()
    _ws(doc)["goals"][0] = {1: "one"}
    assert problems_of(doc)[0].path == "$.workshop.goals[0]"


_KEYS = st.sampled_from(
    [
        k
        for keys in (interchange.WORKSHOP_KEYS, interchange.ROUND_KEYS, interchange.GOAL_KEYS)
        for k, _ in keys
    ]
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["", "A", "R", "win", "secret", "tally", "#FFFFFF", "2027-01-01", "x y"]),
)
json_values = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8) | _KEYS, inner, max_size=3)
    ),
    max_leaves=8,
)


def _places(value: object, here: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every position in a document, as the keys and indices leading to it."""
    out = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _places(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _places(v, (*here, i))
    return out


def _at(doc: object, place: tuple[object, ...]) -> Any:
    for step in place:
        doc = doc[step]  # type: ignore[index]
    return doc


@st.composite
def damaged_documents(draw: st.DrawFn) -> object:
    """A valid document with a few random changes: values swapped, replaced, removed, added."""
    doc: object = to_document(draw(workshops(max_items=4)))
    for _ in range(draw(st.integers(1, 4))):
        places = _places(doc)
        place = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["replace", "swap", "delete", "add", "duplicate"]))
        if not place:
            if action == "replace":
                doc = draw(json_values)
            continue
        parent, last = _at(doc, place[:-1]), place[-1]
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "swap":
            other = draw(st.sampled_from([p for p in places if p]))
            other_parent = _at(doc, other[:-1])
            parent[last], other_parent[other[-1]] = (
                copy.deepcopy(other_parent[other[-1]]),
                copy.deepcopy(parent[last]),
            )
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(_KEYS | st.text(max_size=8))] = draw(json_values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return doc


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_documents())
def test_a_damaged_document_imports_cleanly_or_is_refused_with_import_problems(
    doc: object,
) -> None:
    try:
        ws = from_document(doc)
    except ImportProblems as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.path.startswith("$")
            assert "\n" not in str(problem)
        return
    # Whatever got through obeys the rules and survives another round trip.
    assert from_document(to_document(ws)) == ws
    for g in ws.goals:
        roles = [a.role for a in ws.assignments if a.goal_id == g.id]
        assert roles.count(Role.ACCOUNTABLE) <= 1
    for r in ws.rounds:
        assert all(voting.ballot_fits(r, b) for b in r.ballots.values())
        assert set(r.ballots) <= set(r.voter_ids)
    known = {AssigneeKind.FUNCTION: {f.id for f in ws.functions}}
    known[AssigneeKind.PARTICIPANT] = {p.id for p in ws.participants}
    assert all(a.assignee.id in known[a.assignee.kind] for a in ws.assignments)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60) | st.binary(max_size=60).map(lambda b: b.decode("latin-1")))
def test_any_text_at_all_is_imported_or_refused_with_import_problems(source: str) -> None:
    with pytest.raises(ImportProblems):
        loads(source)


# ----------------------------------------------------------------- the format's documentation


_HEADING = re.compile(r"^### `(?P<path>[^`]+)`")
_ROW = re.compile(r"^\| `(?P<key>[a-z_]+)` \| (?P<type>[^|]+) \| (?P<required>[^|]+) \|")


def documented_keys() -> dict[str, dict[str, tuple[str, bool]]]:
    """For each object path on the format page: key -> (type, required)."""
    out: dict[str, dict[str, tuple[str, bool]]] = {}
    section: dict[str, tuple[str, bool]] | None = None
    for raw in (DOCS / "json-format.md").read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(raw)
        if heading:
            section = out.setdefault(heading["path"], {})
            continue
        if raw.startswith("#"):
            section = None
        row = _ROW.match(raw)
        if row and section is not None:
            section[row["key"]] = (row["type"].strip(), row["required"].strip() == "yes")
    return out


def written_keys(
    doc: Doc, documented: dict[str, dict[str, tuple[str, bool]]]
) -> dict[str, list[str]]:
    """For each object path in an exported document, the keys written, in order."""
    out: dict[str, list[str]] = {}

    def walk(value: object, path: str) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item, path + "[]")
        elif isinstance(value, dict):
            out.setdefault(path, list(value))
            for key, child in value.items():
                kind = documented.get(path, {}).get(key, ("",))[0]
                if not kind.startswith("map"):
                    walk(child, f"{path}.{key}")

    walk(doc, "$")
    return out


def test_the_format_page_documents_every_key_the_export_writes_and_no_other() -> None:
    documented = documented_keys()
    written = written_keys(demo_document(), documented)
    assert written, "the export wrote nothing"
    assert set(written) == set(documented)
    for path, keys in written.items():
        assert keys == list(documented[path]), path


def test_the_format_page_says_which_keys_an_import_needs() -> None:
    documented = documented_keys()
    # For each object: where to find one in the demo document, and its JSON path.
    samples: dict[str, tuple[Callable[[Doc], Doc], str]] = {
        "$": (lambda d: d, "$"),
        "$.workshop": (_ws, "$.workshop"),
        "$.workshop.functions[]": (lambda d: _ws(d)["functions"][0], "$.workshop.functions[0]"),
        "$.workshop.participants[]": (
            lambda d: _ws(d)["participants"][0],
            "$.workshop.participants[0]",
        ),
        "$.workshop.goals[]": (lambda d: _ws(d)["goals"][0], "$.workshop.goals[0]"),
        "$.workshop.assignments[]": (
            lambda d: _ws(d)["assignments"][0],
            "$.workshop.assignments[0]",
        ),
        "$.workshop.assignments[].assignee": (
            lambda d: _ws(d)["assignments"][0]["assignee"],
            "$.workshop.assignments[0].assignee",
        ),
        "$.workshop.principles[]": (lambda d: _ws(d)["principles"][0], "$.workshop.principles[0]"),
        "$.workshop.rounds[]": (_round, "$.workshop.rounds[0]"),
        "$.workshop.commitments[]": (
            lambda d: _ws(d)["commitments"][0],
            "$.workshop.commitments[0]",
        ),
        "$.workshop.reviews[]": (lambda d: _ws(d)["reviews"][0], "$.workshop.reviews[0]"),
        "$.workshop.reviews[].goals[]": (
            lambda d: _ws(d)["reviews"][0]["goals"][0],
            "$.workshop.reviews[0].goals[0]",
        ),
        "$.workshop.reviews[].goals[].new_accountable": (
            lambda d: _ws(d)["reviews"][0]["goals"][0]["new_accountable"],
            "$.workshop.reviews[0].goals[0].new_accountable",
        ),
        "$.workshop.asks[]": (lambda d: _ws(d)["asks"][0], "$.workshop.asks[0]"),
    }
    assert set(samples) == set(documented)
    for path, keys in documented.items():
        find, concrete = samples[path]
        for key, (_, required) in keys.items():
            doc = demo_document()
            del find(doc)[key]
            try:
                from_document(doc)
                paths = []
            except ImportProblems as refused:
                paths = [p.path for p in refused.problems]
            assert (f"{concrete}.{key}" in paths) == required, f"{path}.{key}: {paths}"


def _example_on_the_format_page() -> Doc:
    page = (DOCS / "json-format.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```json\n(.*?)```", page, re.S)
    example: Doc = json.loads(block)
    return example


def test_the_example_on_the_format_page_imports_and_round_trips() -> None:
    example = _example_on_the_format_page()
    ws = from_document(example)
    assert from_document(to_document(ws)) == ws
    assert ws.title == example["workshop"]["title"]


# A small validator for the part of JSON Schema the format's schema uses; no
# schema library is a dependency, and an unknown keyword fails the test.
_SCHEMA_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties",
    "required", "additionalProperties", "propertyNames", "items", "enum", "const",
    "pattern", "minLength", "maxLength", "minimum", "maximum", "anyOf", "uniqueItems",
    "format",
}  # fmt: skip
_TYPES: dict[str, Callable[[object], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def schema_errors(value: object, schema: Doc, root: Doc, path: str = "$") -> list[str]:
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_errors(value, target, root, path)
    errors: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[k](value) for k in kinds):
            return [f"{path}: not {kinds}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: not in {schema['enum']}")
    if "anyOf" in schema and all(schema_errors(value, s, root, path) for s in schema["anyOf"]):
        errors.append(f"{path}: matches none of anyOf")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            errors.append(f"{path}: wrong length")
    if _TYPES["integer"](value):
        assert isinstance(value, int)
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            errors.append(f"{path}: out of range")
    if isinstance(value, list):
        if schema.get("uniqueItems") and len({json.dumps(v) for v in value}) != len(value):
            errors.append(f"{path}: items repeat")
        for i, item in enumerate(value):
            errors += schema_errors(item, schema.get("items", {}), root, f"{path}[{i}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [f"{path}.{k}: missing" for k in schema.get("required", []) if k not in value]
        for key, child in value.items():
            errors += schema_errors(key, schema.get("propertyNames", {}), root, f"{path} key")
            if key in properties:
                errors += schema_errors(child, properties[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}.{key}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(
                    child, schema["additionalProperties"], root, f"{path}.{key}"
                )
    return errors


def load_schema() -> Doc:
    schema: Doc = json.loads((DOCS / "cxworkshop.schema.json").read_text(encoding="utf-8"))
    return schema


def test_the_schema_uses_only_keywords_the_test_validator_understands() -> None:
    def keywords(node: object, in_properties: bool = False) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            for key, child in node.items():
                if not in_properties:
                    found.add(key)
                found |= keywords(child, key in ("properties", "$defs") and not in_properties)
        elif isinstance(node, list):
            for child in node:
                found |= keywords(child)
        return found

    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert keywords(schema) <= _SCHEMA_KEYWORDS


def test_the_demo_document_satisfies_the_schema() -> None:
    schema = load_schema()
    assert schema_errors(demo_document(), schema, schema) == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_every_exported_document_satisfies_the_schema(ws: Workshop) -> None:
    schema = load_schema()
    assert schema_errors(to_document(ws), schema, schema) == []


@pytest.mark.parametrize(
    "breakage",
    [
        goal_under_a_pillar_that_does_not_exist,
        workshop_without_a_title,
        misspelt_key,
        colour_by_name,
        negative_dots,
        version_as_text,
        id_with_spaces,
        half_a_dot,
    ],
    ids=lambda b: b.__name__,
)
def test_the_schema_refuses_what_the_import_refuses(breakage: Breakage) -> None:
    schema = load_schema()
    doc = demo_document()
    breakage(doc)
    assert schema_errors(doc, schema, schema)


def test_the_schema_lists_the_same_keys_and_required_keys_as_the_format_page() -> None:
    schema = load_schema()
    defs = schema["$defs"]
    by_path = {
        "$": schema,
        "$.workshop": defs["workshop"],
        "$.workshop.functions[]": defs["function"],
        "$.workshop.participants[]": defs["participant"],
        "$.workshop.goals[]": defs["goal"],
        "$.workshop.assignments[]": defs["assignment"],
        "$.workshop.assignments[].assignee": defs["assignee"],
        "$.workshop.principles[]": defs["principle"],
        "$.workshop.rounds[]": defs["round"],
        "$.workshop.commitments[]": defs["commitment"],
        "$.workshop.reviews[]": defs["review"],
        "$.workshop.reviews[].goals[]": defs["goal_review"],
        "$.workshop.reviews[].goals[].new_accountable": defs["assignee"],
        "$.workshop.asks[]": defs["ask"],
    }
    documented = documented_keys()
    assert set(by_path) == set(documented)
    for path, keys in documented.items():
        assert list(by_path[path]["properties"]) == list(keys), path
        assert set(by_path[path]["required"]) == {k for k, (_, req) in keys.items() if req}, path
        assert by_path[path]["additionalProperties"] is False, path
