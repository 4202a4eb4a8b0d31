"""Accountability checks: what the room is told before the charter is signed."""

from __future__ import annotations

import copy
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.checks import (
    CODES,
    Finding,
    Limits,
    RoleCounts,
    Severity,
    check,
    counts,
    coverage,
)
from cxworkshop.domain.model import (
    Assignee,
    AssigneeKind,
    Assignment,
    Function,
    Goal,
    Participant,
    Pillar,
    Role,
    Workshop,
)
from tests.helpers.builders import (
    as_function,
    as_person,
    function_named,
    goal_titled,
    small_workshop,
    sound_workshop,
)
from tests.helpers.strategies import workshops

CHURN = "Lower monthly churn"
NPS = "Raise NPS from 21 to 35"


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# ----------------------------------------------------------------- a clean board


def test_a_sound_workshop_raises_nothing() -> None:
    assert check(sound_workshop()) == []


def test_an_empty_workshop_only_asks_for_goals_in_each_pillar() -> None:
    ws = editing.new_workshop("Blank")
    findings = check(ws)
    assert codes(findings) == ["empty-pillar"] * 3
    assert [f.severity for f in findings] == [Severity.WARNING] * 3


def test_checking_never_changes_the_workshop() -> None:
    ws = small_workshop()
    before = copy.deepcopy(ws)
    check(ws)
    coverage(ws)
    assert ws == before


# ----------------------------------------------------------- one Accountable, some Responsible


def test_goal_without_accountable_is_an_error_naming_the_goal() -> None:
    ws = sound_workshop()
    churn = goal_titled(ws, CHURN)
    editing.unassign(ws, churn.id, as_person(ws, "Ana Silva"))
    [finding] = check(ws)
    assert finding.severity is Severity.ERROR
    assert finding.code == "no-accountable"
    assert finding.goal_ids == (churn.id,)
    assert CHURN in finding.message


def test_two_accountables_from_imported_data_is_an_error_naming_both() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS)
    # editing.assign would replace the first; an imported file can still hold two.
    ws.assignments.append(Assignment(nps.id, as_function(ws, "Finance"), Role.ACCOUNTABLE))
    [finding] = check(ws)
    assert finding.severity is Severity.ERROR
    assert finding.code == "several-accountable"
    assert finding.goal_ids == (nps.id,)
    assert set(finding.assignees) == {
        as_function(ws, "Executive leadership"),
        as_function(ws, "Finance"),
    }
    assert "Executive leadership" in finding.message
    assert "Finance" in finding.message


def test_goal_without_responsible_is_an_error() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS)
    editing.unassign(ws, nps.id, as_function(ws, "Marketing"))
    [finding] = check(ws)
    assert (finding.severity, finding.code, finding.goal_ids) == (
        Severity.ERROR,
        "no-responsible",
        (nps.id,),
    )
    assert NPS in finding.message


def test_a_new_goal_needs_both_an_accountable_and_a_responsible() -> None:
    ws = sound_workshop()
    new = editing.add_goal(ws, Goal(Pillar.ADVOCATE, "Double the number of reviews"))
    findings = check(ws)
    assert codes(findings) == ["no-accountable", "no-responsible"]
    assert all(f.goal_ids == (new.id,) for f in findings)


# ----------------------------------------------------------------- silos


def test_function_with_no_role_anywhere_is_a_silo() -> None:
    ws = sound_workshop()
    finance = function_named(ws, "Finance")
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    [finding] = check(ws)
    assert (finding.severity, finding.code) == (Severity.WARNING, "silo")
    assert finding.assignees == (Assignee.function(finance.id),)
    assert "Finance" in finding.message


def test_a_participant_brings_their_function_to_the_goal() -> None:
    ws = sound_workshop()
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    editing.assign(ws, cost.id, as_person(ws, "Dev Patel"), Role.CONSULTED)
    assert check(ws) == []


def test_a_participant_without_function_saves_no_function_from_silo() -> None:
    ws = sound_workshop()
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    editing.update_participant(ws, as_person(ws, "Dev Patel").id, function_id=None)
    editing.assign(ws, cost.id, as_person(ws, "Dev Patel"), Role.CONSULTED)
    assert codes(check(ws)) == ["silo"]


def test_no_silo_warnings_before_the_first_goal() -> None:
    ws = small_workshop()
    for g in list(ws.goals):
        editing.remove_goal(ws, g.id)
    assert "silo" not in codes(check(ws))
    editing.add_goal(ws, Goal(Pillar.WIN, "Raise conversion"))
    assert codes(check(ws)).count("silo") == len(ws.functions)


# ----------------------------------------------------------------- bottlenecks


def _accountable_everywhere(ws: Workshop, who: Assignee, n: int) -> list[str]:
    ids = [g.id for g in ws.goals[:n]]
    for goal_id in ids:
        editing.assign(ws, goal_id, who, Role.ACCOUNTABLE)
    return ids


def test_accountable_for_three_goals_is_not_yet_a_bottleneck() -> None:
    ws = sound_workshop()
    _accountable_everywhere(ws, as_function(ws, "Marketing"), 3)
    assert "bottleneck" not in codes(check(ws))


def test_function_accountable_for_more_than_three_goals_is_a_bottleneck() -> None:
    ws = sound_workshop()
    marketing = as_function(ws, "Marketing")
    held = _accountable_everywhere(ws, marketing, 4)
    bottlenecks = only(check(ws), "bottleneck")
    assert len(bottlenecks) == 1
    [finding] = bottlenecks
    assert finding.assignees == (marketing,)
    assert set(finding.goal_ids) == set(held)
    assert "Marketing" in finding.message
    assert "4" in finding.message


def test_participant_accountable_for_too_many_goals_is_a_bottleneck() -> None:
    ws = small_workshop()
    ana = as_person(ws, "Ana Silva")
    held = _accountable_everywhere(ws, ana, 4)
    [finding] = only(check(ws), "bottleneck")
    assert finding.assignees == (ana,)
    assert finding.goal_ids == tuple(held)
    assert "Ana Silva" in finding.message


def test_bottleneck_limit_can_be_tightened() -> None:
    ws = sound_workshop()
    exec_ = as_function(ws, "Executive leadership")
    assert only(check(ws, Limits(max_accountable_per_assignee=2)), "bottleneck")[0].assignees == (
        exec_,
    )
    assert only(check(ws, Limits(max_accountable_per_assignee=3)), "bottleneck") == []


# ----------------------------------------------------------------- crowded goals


def _give(ws: Workshop, goal_id: str, role: Role, people: list[Assignee]) -> None:
    for who in people:
        editing.assign(ws, goal_id, who, role)


def test_more_than_three_consulted_slows_a_goal() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS)
    # Customer Service is already consulted; three more make four.
    _give(
        ws,
        nps.id,
        Role.CONSULTED,
        [as_function(ws, "Finance"), as_function(ws, "IT"), as_person(ws, "Dev Patel")],
    )
    [finding] = check(ws)
    assert (finding.severity, finding.code, finding.goal_ids) == (
        Severity.WARNING,
        "many-consulted",
        (nps.id,),
    )
    assert len(finding.assignees) == 4
    assert NPS in finding.message


def test_exactly_three_consulted_is_fine() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS)
    _give(ws, nps.id, Role.CONSULTED, [as_function(ws, "Finance"), as_function(ws, "IT")])
    assert check(ws) == []


def test_more_than_five_informed_is_a_warning_and_five_is_not() -> None:
    ws = sound_workshop()
    nps = goal_titled(ws, NPS)
    five = [
        as_function(ws, "Finance"),
        as_function(ws, "IT"),
        as_person(ws, "Ben Okafor"),
        as_person(ws, "Chloe Martin"),
        as_person(ws, "Dev Patel"),
    ]
    _give(ws, nps.id, Role.INFORMED, five)
    assert check(ws) == []
    _give(ws, nps.id, Role.INFORMED, [as_person(ws, "Ana Silva")])
    [finding] = check(ws)
    assert (finding.code, finding.goal_ids, len(finding.assignees)) == (
        "many-informed",
        (nps.id,),
        6,
    )


# ----------------------------------------------------------------- pillars and the back office


def test_pillar_without_goal_is_a_warning() -> None:
    ws = sound_workshop()
    editing.remove_goal(ws, goal_titled(ws, NPS).id)
    [finding] = check(ws)
    assert (finding.severity, finding.code) == (Severity.WARNING, "empty-pillar")
    assert "Advocate" in finding.message


def test_no_back_office_role_is_a_note() -> None:
    ws = sound_workshop()
    editing.update_function(ws, function_named(ws, "Finance").id, customer_facing=True)
    editing.update_function(ws, function_named(ws, "IT").id, customer_facing=True)
    assert codes(check(ws)) == ["no-back-office"]
    [finding] = check(ws)
    assert finding.severity is Severity.INFO
    assert finding.severity.label == "Note"


def test_back_office_at_the_table_but_without_roles_is_a_note_naming_it() -> None:
    ws = sound_workshop()
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    editing.unassign(ws, goal_titled(ws, CHURN).id, as_function(ws, "IT"))
    csat = goal_titled(ws, "Raise CSAT after support calls")
    editing.unassign(ws, csat.id, as_function(ws, "IT"))
    findings = check(ws)
    assert codes(findings) == ["silo", "silo", "no-back-office"]
    assert set(findings[-1].assignees) == {as_function(ws, "Finance"), as_function(ws, "IT")}


def test_a_back_office_person_counts_for_the_back_office() -> None:
    ws = sound_workshop()
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    editing.unassign(ws, goal_titled(ws, CHURN).id, as_function(ws, "IT"))
    csat = goal_titled(ws, "Raise CSAT after support calls")
    editing.unassign(ws, csat.id, as_function(ws, "IT"))
    editing.assign(ws, cost.id, as_person(ws, "Dev Patel"), Role.CONSULTED)
    assert codes(check(ws)) == ["silo"]  # IT only; Dev brings Finance


def test_no_back_office_note_before_any_role_is_given() -> None:
    ws = small_workshop()
    assert "no-back-office" not in codes(check(ws))


# ----------------------------------------------------------------- order, counts, robustness


def test_findings_come_errors_first_then_warnings_then_notes() -> None:
    ws = small_workshop()
    editing.remove_goal(ws, goal_titled(ws, NPS).id)
    for f in ws.functions:
        editing.update_function(ws, f.id, customer_facing=True)
    editing.assign(ws, goal_titled(ws, CHURN).id, as_function(ws, "Marketing"), Role.CONSULTED)
    findings = check(ws)
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=list(Severity).index)
    assert {Severity.ERROR, Severity.WARNING, Severity.INFO} == set(severities)


def test_goal_findings_follow_the_board_not_the_storage_order() -> None:
    ws = small_workshop()
    # A Keep goal stored before the Win goals must still be reported after them.
    ws.goals.insert(0, ws.goals.pop(ws.goals.index(goal_titled(ws, CHURN))))
    errors = [f for f in check(ws) if f.code == "no-accountable"]
    pillar_order = list(Pillar)
    board = sorted(
        ws.goals,
        key=lambda g: (pillar_order.index(g.pillar), ws.goals.index(g)),
    )
    assert [f.goal_ids[0] for f in errors] == [g.id for g in board]


def test_warnings_list_pillars_then_functions_in_table_order() -> None:
    ws = small_workshop()
    editing.remove_goal(ws, goal_titled(ws, NPS).id)
    findings = [f for f in check(ws) if f.severity is Severity.WARNING]
    assert findings[0].code == "empty-pillar"
    silos = [f.assignees[0].id for f in findings if f.code == "silo"]
    assert silos == [f.id for f in ws.functions]


def test_counts_cover_every_severity() -> None:
    ws = small_workshop()
    findings = check(ws)
    tally = counts(findings)
    by_hand = Counter(f.severity for f in findings)
    assert tally == {s: by_hand[s] for s in Severity}
    assert tally[Severity.INFO] == 0
    assert tally[Severity.ERROR] > 0
    assert counts([]) == dict.fromkeys(Severity, 0)


def test_severity_labels_read_as_words() -> None:
    assert [s.label for s in Severity] == ["Error", "Warning", "Note"]


def test_assignments_to_vanished_goals_or_people_are_ignored() -> None:
    ws = sound_workshop()
    ws.assignments.append(Assignment("gone", as_function(ws, "Marketing"), Role.ACCOUNTABLE))
    ws.assignments.append(
        Assignment(goal_titled(ws, NPS).id, Assignee.participant("gone"), Role.ACCOUNTABLE)
    )
    assert check(ws) == []


def test_every_code_reported_is_a_documented_code() -> None:
    ws = small_workshop()
    ws.assignments.append(
        Assignment(ws.goals[0].id, as_function(ws, "Marketing"), Role.ACCOUNTABLE)
    )
    ws.assignments.append(Assignment(ws.goals[0].id, as_function(ws, "IT"), Role.ACCOUNTABLE))
    assert set(codes(check(ws))) <= set(CODES)


# ----------------------------------------------------------------- coverage


def test_coverage_counts_roles_direct_and_through_people() -> None:
    ws = sound_workshop()
    rows = {c.name: c for c in coverage(ws)}
    assert [c.function_id for c in coverage(ws)] == [f.id for f in ws.functions]
    exec_ = rows["Executive leadership"]
    assert exec_.direct == RoleCounts(accountable=3)
    assert exec_.total == RoleCounts(accountable=5)  # Ana answers for two more
    assert exec_.goals == 5
    service = rows["Customer Service"]
    assert service.direct == RoleCounts(responsible=1, consulted=1)
    assert service.total == RoleCounts(responsible=2, consulted=1)  # Chloe on CSAT
    assert not any(c.is_silo or c.is_bottleneck for c in rows.values())
    assert not rows["Finance"].customer_facing


def test_coverage_marks_silos_and_bottlenecks_like_the_check() -> None:
    ws = sound_workshop()
    cost = goal_titled(ws, "Cut the cost of acquiring a customer")
    editing.unassign(ws, cost.id, as_function(ws, "Finance"))
    _accountable_everywhere(ws, as_function(ws, "Marketing"), 4)
    findings = check(ws)
    silos = {f.assignees[0].id for f in findings if f.code == "silo"}
    bottlenecks = {f.assignees[0].id for f in findings if f.code == "bottleneck"}
    rows = coverage(ws)
    assert {c.function_id for c in rows if c.is_silo} == silos == {function_named(ws, "Finance").id}
    assert {c.function_id for c in rows if c.is_bottleneck} == bottlenecks


def test_role_counts_read_by_role() -> None:
    counted = RoleCounts.of_roles([Role.CONSULTED, Role.CONSULTED, Role.INFORMED])
    assert [counted.of(r) for r in Role] == [0, 0, 2, 1]
    assert counted.total == 3


# ----------------------------------------------------------------- properties


def _board() -> Workshop:
    ws = editing.new_workshop("Random board")
    for i in range(4):
        editing.add_function(ws, Function(f"Function {i}", customer_facing=i % 2 == 0))
    for i in range(3):
        editing.add_participant(ws, Participant(f"Person {i}", ws.functions[i].id))
    for i in range(4):
        editing.add_goal(ws, Goal(list(Pillar)[i % 3], f"Goal {i}"))
    return ws


_ROLE_PLAN = st.lists(
    st.tuples(
        st.integers(0, 3),  # goal
        st.integers(0, 6),  # assignee: 0-3 functions, 4-6 participants
        st.sampled_from(list(Role)),
    ),
    max_size=30,
)


def _assignee(ws: Workshop, n: int) -> Assignee:
    if n < len(ws.functions):
        return Assignee.function(ws.functions[n].id)
    return Assignee.participant(ws.participants[n - len(ws.functions)].id)


@given(_ROLE_PLAN)
def test_rule_errors_match_the_roles_on_each_goal(plan: list[tuple[int, int, Role]]) -> None:
    ws = _board()
    # Written straight into the list, as an import might: several As are possible.
    for goal_n, who_n, role in plan:
        ws.assignments.append(Assignment(ws.goals[goal_n].id, _assignee(ws, who_n), role))
    findings = check(ws)
    for g in ws.goals:
        roles = [a.role for a in ws.assignments if a.goal_id == g.id]
        on_goal = {f.code for f in findings if f.goal_ids == (g.id,)}
        assert ("no-accountable" in on_goal) == (roles.count(Role.ACCOUNTABLE) == 0)
        assert ("several-accountable" in on_goal) == (roles.count(Role.ACCOUNTABLE) > 1)
        assert ("no-responsible" in on_goal) == (Role.RESPONSIBLE not in roles)


@given(_ROLE_PLAN)
def test_silos_are_exactly_the_functions_nobody_brings(plan: list[tuple[int, int, Role]]) -> None:
    ws = _board()
    for goal_n, who_n, role in plan:
        editing.assign(ws, ws.goals[goal_n].id, _assignee(ws, who_n), role)
    brought = set()
    for a in ws.assignments:
        if a.assignee.kind is AssigneeKind.FUNCTION:
            brought.add(a.assignee.id)
        else:
            brought.add(editing.participant(ws, a.assignee.id).function_id)
    silos = {f.assignees[0].id for f in check(ws) if f.code == "silo"}
    assert silos == {f.id for f in ws.functions} - brought
    assert {c.function_id for c in coverage(ws) if c.is_silo} == silos


@given(_ROLE_PLAN)
def test_findings_are_always_sorted_by_severity(plan: list[tuple[int, int, Role]]) -> None:
    ws = _board()
    for goal_n, who_n, role in plan:
        ws.assignments.append(Assignment(ws.goals[goal_n].id, _assignee(ws, who_n), role))
    order = [list(Severity).index(f.severity) for f in check(ws)]
    assert order == sorted(order)


@given(workshops())
def test_checks_and_coverage_read_together_say_what_each_says_alone(ws: Workshop) -> None:
    from cxworkshop.domain import checks

    assert checks.check_with_coverage(ws) == (checks.check(ws), checks.coverage(ws))
