"""The Accountability step by keyboard, in the matrix, and through its live checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView

from cxworkshop.domain import checks, editing
from cxworkshop.domain.checks import Severity
from cxworkshop.domain.model import Assignee, AssigneeKind, Goal, Participant, Pillar, Role
from cxworkshop.gui.models.accountability.assignees import item_data
from cxworkshop.gui.models.accountability.board import AssigneesModel, GoalAssignmentsModel
from cxworkshop.gui.models.accountability.checks import CoverageModel, FindingsModel
from cxworkshop.gui.models.accountability.matrix import RaciMatrixModel
from cxworkshop.gui.ops.accountability import Edits
from cxworkshop.gui.pages.accountability import AccountabilityPage
from cxworkshop.gui.roles import ASSIGNEE_ROLE, NOTE_ROLE
from cxworkshop.gui.session import Session
from tests.helpers.accountability import add_goals_and_two_people, show_accountability
from tests.helpers.gui import (
    function,
    goal_titled,
    person,
    reopened,
    roles_by_name,
    roles_on,
)

A, R, C, INF = Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


# ----------------------------------------------------------------- helpers


def roles_after_reopening(session: Session, goal_id: str) -> dict[str, Role]:
    return roles_by_name(reopened(session), goal_id)


def codes(page: AccountabilityPage) -> list[str]:
    """The findings the checks panel lists, by code, top to bottom."""
    model = page.checks.findings_model
    return [model.finding_at(model.index(r, 0)).code for r in range(model.rowCount())]  # type: ignore[union-attr]


@pytest.fixture
def workshop(blank_session: Session) -> Session:
    """Ten functions, two people, three goals (one per pillar) and no roles yet."""
    return add_goals_and_two_people(blank_session, ("Zoë Ødegård", "CMO"))


def make_page(qtbot, session: Session | None) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return show_accountability(qtbot, session, active=True)


@pytest.fixture
def page(qtbot, workshop: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, workshop)


@pytest.fixture
def demo_page(qtbot, demo_session: Session) -> AccountabilityPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, demo_session)


def open_picker(qtbot, page: AccountabilityPage, goal: Goal):  # type: ignore[no-untyped-def]
    """Select a goal with the keyboard focus on the board and press Enter."""
    page.select_goal(goal.id)
    page.board.setFocus()
    qtbot.keyClick(page.board, Qt.Key.Key_Return)
    picker = page.picker
    assert picker is not None and picker.isVisible()
    assert picker.goal_id == goal.id
    return picker


# ----------------------------------------------------------------- the page itself


def test_the_page_starts_empty_and_shows_a_workshop_once_given_one(qtbot, workshop: Session):
    page = make_page(qtbot, None)
    assert page.board.cards == {}
    assert page.checks.findings_model.rowCount() == 0
    page.set_session(workshop)
    page.update_checks()
    assert {c.goal_id for c in page.board.cards.values()} == {g.id for g in workshop.workshop.goals}
    assert page.palette_panel.models[AssigneeKind.FUNCTION].rowCount() == 10
    assert page.palette_panel.models[AssigneeKind.PARTICIPANT].rowCount() == 2
    page.set_session(None)
    assert page.board.cards == {}


def test_a_hidden_page_catches_up_with_edits_made_elsewhere_when_shown(
    qtbot, page: AccountabilityPage
):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    page.hide()
    wid = session.workshop_id
    who = function(session, "Operations")
    session.edit(
        "Make Operations Responsible",
        lambda: session.store.assign(wid, churn.id, who, R),
        lambda _outcome: session.store.set_assignments(wid, churn.id, []),
    )
    assert page.board.zone(churn.id, R).chips == [], "a hidden page does no work"
    page.show()
    assert [c.name for c in page.board.zone(churn.id, R).chips] == ["Operations"]
    qtbot.waitUntil(lambda: codes(page).count(checks.NO_RESPONSIBLE) == 2)


def test_goal_cards_are_grouped_by_pillar_with_four_zones_each(page: AccountabilityPage):
    sections = page.board.canvas.sections
    for pillar in Pillar:
        grid = sections[pillar].grid
        titles = [grid.itemAt(i).widget().title.text() for i in range(grid.count())]
        assert titles == [g.title for g in editing.goals_in(page.session.workshop, pillar)]
    card = next(iter(page.board.cards.values()))
    assert list(card.zones) == [A, R, C, INF]
    assert card.zones[A].accessibleName() == "Accountable: nobody"


def test_the_palette_lists_functions_by_office_and_people_with_their_function(
    page: AccountabilityPage,
):
    groups = {g.key: g for g in page.palette_panel.groups}
    ws = page.session.workshop
    front = [
        groups["front"].proxy.index(r, 0).data() for r in range(groups["front"].proxy.rowCount())
    ]
    back = [groups["back"].proxy.index(r, 0).data() for r in range(groups["back"].proxy.rowCount())]
    assert front == [f.name for f in ws.functions if f.customer_facing]
    assert back == [f.name for f in ws.functions if not f.customer_facing]
    people = groups["people"].proxy
    first = people.index(0, 0)
    assert first.data() == "Ana Silva"
    assert item_data(first, Qt.ItemDataRole.AccessibleTextRole) == (
        f"Ana Silva, {ws.functions[0].name}"
    )


def test_the_filter_box_narrows_every_group_and_ignores_accents(qtbot, page: AccountabilityPage):
    groups = {g.key: g for g in page.palette_panel.groups}
    page.focus_filter()
    qtbot.keyClicks(page.palette_panel.filter, "zoe")
    assert groups["people"].proxy.rowCount() == 1
    assert groups["people"].proxy.index(0, 0).data() == "Zoë Ødegård"
    # Zoë's function (Marketing) matches through her, but only people are listed by person.
    assert groups["front"].proxy.rowCount() == 0
    page.palette_panel.filter.setText("market")
    assert [
        groups["front"].proxy.index(r, 0).data() for r in range(groups["front"].proxy.rowCount())
    ] == ["Marketing"]
    assert groups["people"].proxy.rowCount() == 1, "Zoë works in Marketing"
    page.palette_panel.filter.setText("nobody by this name")
    assert page.palette_panel.nothing.isVisibleTo(page)
    page.palette_panel.filter.clear()
    assert groups["back"].proxy.rowCount() == 6


# ----------------------------------------------------------------- the keyboard path


def test_enter_opens_the_picker_and_letters_give_roles(qtbot, page: AccountabilityPage):
    session = page.session
    nps = goal_titled(session, "Raise NPS to 35")
    picker = open_picker(qtbot, page, nps)
    assert picker.filter.hasFocus()
    assert "Raise NPS to 35" in picker.heading.text()

    qtbot.keyClicks(picker.filter, "ana")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.list.hasFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_A)
    assert roles_on(session, nps.id) == {"Ana Silva": A}
    assert session.undo_stack.undoText() == "Make Ana Silva Accountable for 'Raise NPS to 35'"
    # Ready for the next one: what was typed is selected, so typing replaces it.
    assert picker.filter.hasFocus() and picker.filter.selectedText() == "ana"

    qtbot.keyClicks(picker.filter, "customer")
    qtbot.keyClick(picker.filter, Qt.Key.Key_R, ALT)
    assert roles_on(session, nps.id)["Customer Service"] is R

    qtbot.keyClicks(picker.filter, "it")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_I)
    qtbot.keyClicks(picker.filter, "hr")
    qtbot.keyClick(picker.filter, Qt.Key.Key_C, ALT)
    assert roles_on(session, nps.id) == {
        "Ana Silva": A,
        "Customer Service": R,
        "IT": INF,
        "HR": C,
    }
    assert roles_after_reopening(session, nps.id) == roles_on(session, nps.id)
    assert [c.name for c in page.board.zone(nps.id, INF).chips] == ["IT"]

    # The list shows each one's role on the goal; Delete takes the highlighted one off.
    qtbot.keyClicks(picker.filter, "it")
    assert item_data(picker.list.currentIndex(), Qt.ItemDataRole.DisplayRole) == "IT"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_Delete)
    assert "IT" not in roles_on(session, nps.id)
    assert session.undo_stack.undoText() == "Take IT off 'Raise NPS to 35'"

    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert session.undo_stack.count() == 5


def test_ctrl_z_in_the_picker_undoes_the_last_role_not_the_typing(qtbot, page: AccountabilityPage):
    session = page.session
    undo = QAction("Undo", page)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.triggered.connect(session.undo_stack.undo)
    page.addAction(undo)
    churn = goal_titled(session, "Lower monthly churn")
    picker = open_picker(qtbot, page, churn)
    qtbot.keyClicks(picker.filter, "sales")
    qtbot.keyClick(picker.filter, Qt.Key.Key_R, ALT)
    assert roles_on(session, churn.id) == {"Sales": R}
    qtbot.keyClick(picker.filter, Qt.Key.Key_Z, CTRL)
    assert roles_on(session, churn.id) == {}
    assert picker.filter.text() == "sales"


def test_the_picker_arrows_move_through_the_list_while_typing(qtbot, page: AccountabilityPage):
    churn = goal_titled(page.session, "Lower monthly churn")
    picker = open_picker(qtbot, page, churn)
    first = picker.current_assignee()
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    second = picker.current_assignee()
    assert first is not None and second is not None and first != second
    assert picker.filter.hasFocus()
    qtbot.keyClick(picker.filter, Qt.Key.Key_Up)
    assert picker.current_assignee() == first


def test_a_letter_typed_in_the_picker_list_that_is_no_role_goes_to_the_search(
    qtbot, page: AccountabilityPage
):
    picker = open_picker(qtbot, page, goal_titled(page.session, "Lower monthly churn"))
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.list.hasFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_S)
    assert picker.filter.hasFocus() and picker.filter.text() == "s"
    assert page.session.undo_stack.count() == 0


def test_a_chip_clicked_on_the_board_takes_a_new_role_by_letter_and_goes_with_delete(
    qtbot, page: AccountabilityPage
):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    sales = function(session, "Sales")
    session.store.assign(session.workshop_id, churn.id, sales, R)
    page.refresh()
    zone = page.board.zone(churn.id, R)
    rect = zone.chip_rect(sales)
    QTest.mouseClick(
        zone, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center().toPoint()
    )
    assert page.board.selected_chip == (churn.id, sales)
    assert page.board.hasFocus()
    qtbot.keyClick(page.board, Qt.Key.Key_C)
    assert roles_on(session, churn.id) == {"Sales": C}
    assert page.board.selected_chip == (churn.id, sales), "the chip stays selected in its new zone"
    qtbot.keyClick(page.board, Qt.Key.Key_Delete)
    assert roles_on(session, churn.id) == {}
    assert page.board.selected_chip is None
    session.undo_stack.undo()
    assert roles_on(session, churn.id) == {"Sales": C}


def test_arrow_keys_walk_the_cards_in_board_order(qtbot, page: AccountabilityPage):
    order = page.board.ordered_goals()
    page.board.setFocus()
    page.select_goal(order[0])
    qtbot.keyClick(page.board, Qt.Key.Key_Right)
    assert page.selected_goal_id() == order[1]
    qtbot.keyClick(page.board, Qt.Key.Key_End)
    assert page.selected_goal_id() == order[-1]
    qtbot.keyClick(page.board, Qt.Key.Key_Home)
    assert page.selected_goal_id() == order[0]
    qtbot.keyClick(page.board, Qt.Key.Key_Down)
    assert page.selected_goal_id() != order[0]


def test_keyboard_help_is_in_the_tooltips(page: AccountabilityPage):
    assert "Enter" in page.board.toolTip() and "Delete" in page.board.toolTip()
    assert "Ctrl+M" in page.matrix_button.toolTip()
    assert "Ctrl+F" in page.palette_panel.filter.toolTip()
    picker_tip = page.open_picker(next(iter(page.board.cards))).list.toolTip()  # type: ignore[union-attr]
    assert "A, R, C or I" in picker_tip and "Delete" in picker_tip
    assert "Delete" in page.matrix.toolTip()


def test_a_full_assignment_round_by_keyboard_on_the_demo_survives_reopening(
    qtbot, demo_page: AccountabilityPage
):
    session = demo_page.session
    wid = session.workshop_id
    for goal in session.workshop.goals:
        session.store.set_assignments(wid, goal.id, [])
    demo_page.refresh()
    demo_page.board.setFocus()
    demo_page.select_goal(demo_page.board.ordered_goals()[0])
    plan = [("amara", "Marketing"), ("zoe", "Sales"), ("mateo", "Customer Service")]
    done = {}
    for n, goal_id in enumerate(demo_page.board.ordered_goals()):
        assert demo_page.selected_goal_id() == goal_id
        qtbot.keyClick(demo_page.board, Qt.Key.Key_Return)
        picker = demo_page.picker
        leader, doer = plan[n % len(plan)]
        qtbot.keyClicks(picker.filter, leader)
        qtbot.keyClick(picker.filter, Qt.Key.Key_A, ALT)
        qtbot.keyClicks(picker.filter, doer)
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
        qtbot.keyClick(picker.list, Qt.Key.Key_R)
        qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
        assert demo_page.board.hasFocus()
        done[goal_id] = roles_on(session, goal_id)
        qtbot.keyClick(demo_page.board, Qt.Key.Key_Right)
    assert len(done) == 9
    for goal_id, roles in done.items():
        assert sorted(roles.values()) == sorted([A, R])
        assert roles_after_reopening(session, goal_id) == roles
    qtbot.waitUntil(lambda: codes(demo_page).count(checks.NO_ACCOUNTABLE) == 0)
    assert checks.NO_RESPONSIBLE not in codes(demo_page)


# ----------------------------------------------------------------- the matrix


def test_ctrl_m_switches_to_the_matrix_and_back_keeping_the_goal(qtbot, page: AccountabilityPage):
    churn = goal_titled(page.session, "Lower monthly churn")
    page.select_goal(churn.id)
    page.board.setFocus()
    qtbot.keyClick(page.board, Qt.Key.Key_M, CTRL)
    assert page.matrix_shown() and page.matrix.hasFocus()
    assert not page.palette_panel.isVisible()
    assert page.matrix_button.isChecked()
    assert page.matrix.currentIndex().row() == page.matrix_model.goal_row(churn.id)
    qtbot.keyClick(page.matrix, Qt.Key.Key_M, CTRL)
    assert not page.matrix_shown() and page.palette_panel.isVisible()
    assert page.selected_goal_id() == churn.id


def test_matrix_headers_are_the_goals_and_the_assignees_and_stay_put(page: AccountabilityPage):
    page.show_matrix(True)
    model = page.matrix_model
    ws = page.session.workshop
    assert model.rowCount() == len(ws.goals)
    assert model.columnCount() == len(ws.functions) + len(ws.participants)
    titles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert titles == [g.title for g in ws.goals]
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert names == [f.name for f in ws.functions] + [p.name for p in ws.participants]
    # The titles and names are the table's own headers: they never scroll away.
    assert isinstance(page.matrix.verticalHeader(), QHeaderView)
    assert page.matrix.verticalHeader().isVisible() and page.matrix.horizontalHeader().isVisible()
    side = page.matrix.rowHeight(0)
    assert side >= page.matrix.fontMetrics().height() * 1.8, "cells big enough for a projector"


def test_typing_letters_into_the_matrix_gives_roles_and_delete_clears(
    qtbot, qtmodeltester, page: AccountabilityPage
):
    session = page.session
    model = page.matrix_model
    page.show_matrix(True)
    qtmodeltester.check(model)
    churn = goal_titled(session, "Lower monthly churn")
    row = model.goal_row(churn.id)
    marketing = model.assignee_column(function(session, "Marketing"))
    sales = model.assignee_column(function(session, "Sales"))
    page.matrix.setCurrentIndex(model.index(row, marketing))
    qtbot.keyClick(page.matrix, Qt.Key.Key_A)
    page.matrix.setCurrentIndex(model.index(row, sales))
    qtbot.keyClick(page.matrix, Qt.Key.Key_R)
    assert roles_on(session, churn.id) == {"Marketing": A, "Sales": R}
    assert model.index(row, marketing).data() == "A"
    assert session.undo_stack.undoText() == "Make Sales Responsible for 'Lower monthly churn'"
    # A second A in the row replaces the first.
    page.matrix.setCurrentIndex(model.index(row, sales))
    qtbot.keyClick(page.matrix, Qt.Key.Key_A)
    assert roles_on(session, churn.id) == {"Sales": A}
    assert model.index(row, marketing).data() == ""
    assert "in place of Marketing" in page.notice.text()
    qtbot.keyClick(page.matrix, Qt.Key.Key_Delete)
    assert roles_on(session, churn.id) == {}
    assert roles_after_reopening(session, churn.id) == {}
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert roles_on(session, churn.id) == {"Marketing": A, "Sales": R}
    assert model.index(row, sales).data() == "R"


def test_clicking_a_matrix_cell_moves_it_through_the_roles(qtbot, page: AccountabilityPage):
    session = page.session
    model = page.matrix_model
    page.show_matrix(True)
    nps = goal_titled(session, "Raise NPS to 35")
    index = model.index(model.goal_row(nps.id), model.assignee_column(function(session, "HR")))
    centre = page.matrix.visualRect(index).center()
    seen = []
    for _ in range(5):
        QTest.mouseClick(
            page.matrix.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            centre,
        )
        seen.append(roles_on(session, nps.id).get("HR"))
    assert seen == [R, C, INF, A, None]
    assert session.undo_stack.count() == 5


def test_the_matrix_follows_edits_made_on_the_board(page: AccountabilityPage):
    session = page.session
    page.show_matrix(True)
    churn = goal_titled(session, "Lower monthly churn")
    page.edits.assign(churn.id, function(session, "IT"), INF)
    model = page.matrix_model
    cell = model.index(model.goal_row(churn.id), model.assignee_column(function(session, "IT")))
    assert cell.data() == "I"


# ----------------------------------------------------------------- checks and coverage


def test_checks_follow_every_edit_and_every_undo(qtbot, page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    before = codes(page)
    assert before.count(checks.NO_ACCOUNTABLE) == 3
    assert before.count(checks.NO_RESPONSIBLE) == 3
    assert (
        "3 errors" not in page.checks.badge.toolTip() and "6 errors" in page.checks.badge.toolTip()
    )
    page.edits.assign(churn.id, person(session, "Ana Silva"), A)
    qtbot.waitUntil(lambda: codes(page).count(checks.NO_ACCOUNTABLE) == 2)
    assert "5 errors" in page.checks.badge.toolTip()
    page.edits.assign(churn.id, function(session, "Customer Service"), R)
    qtbot.waitUntil(lambda: codes(page).count(checks.NO_RESPONSIBLE) == 2)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: codes(page).count(checks.NO_RESPONSIBLE) == 3)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: codes(page) == before)


def test_each_finding_says_its_severity_in_words_and_a_symbol_as_well_as_colour(
    page: AccountabilityPage,
):
    model = page.checks.findings_model
    first = model.index(0, 0)
    assert item_data(first, Qt.ItemDataRole.ToolTipRole).startswith("Error: ")
    badge = page.checks.badge.text()
    assert "✖" in badge and "errors" in badge
    severities = {model.finding_at(model.index(r, 0)).severity for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert Severity.ERROR in severities and Severity.WARNING in severities


def test_clicking_a_finding_selects_the_goal_it_is_about(qtbot, page: AccountabilityPage):
    session = page.session
    view = page.checks.findings
    model = page.checks.findings_model
    row = codes(page).index(checks.NO_ACCOUNTABLE)
    finding = model.finding_at(model.index(row, 0))
    assert finding is not None
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(model.index(row, 0)).center(),
    )
    assert page.selected_goal_id() == finding.goal_ids[0]
    assert session.undo_stack.count() == 0


def test_a_silo_finding_picks_out_the_function_in_the_palette(qtbot, page: AccountabilityPage):
    session = page.session
    churn = goal_titled(session, "Lower monthly churn")
    page.edits.assign(churn.id, function(session, "Marketing"), R)
    page.update_checks()
    model = page.checks.findings_model
    row = codes(page).index(checks.SILO)
    finding = model.finding_at(model.index(row, 0))
    assert finding is not None
    view = page.checks.findings
    view.setCurrentIndex(model.index(row, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.board.highlighted == finding.assignees[0]
    selected = [
        g.view.currentIndex()
        for g in page.palette_panel.groups
        if g.view.selectionModel().hasSelection()
    ]
    assert len(selected) == 1
    assert item_data(selected[0], ASSIGNEE_ROLE) == finding.assignees[0]


def test_coverage_counts_each_functions_roles_and_names_silos_and_bottlenecks(
    qtbot, page: AccountabilityPage
):
    session = page.session
    wid = session.workshop_id
    leader = session.workshop.functions[0]
    session.store.add_goal(wid, Goal(Pillar.WIN, "Win customers for less"))
    for goal in session.workshop.goals:
        session.store.assign(wid, goal.id, Assignee.function(leader.id), A)
    for goal in session.workshop.goals[:3]:
        page.edits.assign(goal.id, function(session, "Marketing"), R)
    qtbot.waitUntil(lambda: checks.BOTTLENECK in codes(page))
    page.checks.show_coverage(True)
    model = page.checks.coverage_model
    by_name = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    assert model.index(by_name["Marketing"], 2).data() == "3", "Responsible on three goals"
    assert model.index(by_name[leader.name], 1).data() == "4", "Accountable for all four goals"
    note = NOTE_ROLE
    assert item_data(model.index(by_name[leader.name], 0), note) == "Bottleneck"
    assert item_data(model.index(by_name["HR"], 0), note) == "Silo"
    assert item_data(model.index(by_name["Marketing"], 0), note) == ""
    summary = page.checks.coverage_summary.text()
    assert "Silos:" in summary and "HR" in summary
    assert f"Bottleneck: {leader.name}" in summary


# ----------------------------------------------------------------- the models


def test_every_model_of_the_step_passes_the_model_tester(qtmodeltester, demo_session: Session):
    edits = Edits()
    edits.session = demo_session
    for kinds in ((AssigneeKind.FUNCTION,), (AssigneeKind.PARTICIPANT,), tuple(AssigneeKind)):
        palette = AssigneesModel(kinds)
        palette.set_session(demo_session, edits)
        qtmodeltester.check(palette, force_py=True)
    picker = AssigneesModel()
    picker.set_session(demo_session, edits)
    picker.set_goal(demo_session.workshop.goals[0].id)
    qtmodeltester.check(picker, force_py=True)
    tree = GoalAssignmentsModel()
    tree.set_session(demo_session, edits)
    qtmodeltester.check(tree, force_py=True)
    matrix = RaciMatrixModel()
    matrix.set_session(demo_session, edits)
    qtmodeltester.check(matrix, force_py=True)
    ws = demo_session.workshop
    findings = FindingsModel()
    findings.set_findings(checks.check(ws))
    qtmodeltester.check(findings, force_py=True)
    coverage = CoverageModel()
    coverage.set_coverage(checks.coverage(ws), {f.id: f.colour for f in ws.functions})
    qtmodeltester.check(coverage, force_py=True)
    assert tree.rowCount() == 9 and tree.rowCount(tree.index(0, 0)) == 4


def test_the_matrix_and_checks_models_stay_well_behaved_while_the_workshop_changes(
    qtmodeltester, workshop: Session
):
    edits = Edits()
    edits.session = workshop
    matrix = RaciMatrixModel()
    matrix.set_session(workshop, edits)
    findings = FindingsModel()
    coverage = CoverageModel()
    for model in (matrix, findings, coverage):
        qtmodeltester.check(model)

    def follow() -> None:
        matrix.sync()
        ws = workshop.workshop
        findings.set_findings(checks.check(ws))
        coverage.set_coverage(checks.coverage(ws), {f.id: f.colour for f in ws.functions})

    workshop.sig_changed.connect(follow)
    follow()
    wid = workshop.workshop_id
    churn = goal_titled(workshop, "Lower monthly churn")
    matrix.setData(matrix.index(matrix.goal_row(churn.id), 0), "A")
    matrix.setData(matrix.index(matrix.goal_row(churn.id), 1), "r")
    workshop.edit(
        "Add a person",
        lambda: workshop.store.add_participant(wid, Participant("Mo Farah"), 0),
        lambda p: workshop.store.remove_participant(wid, p.id),
    )
    workshop.edit(
        "Remove a goal",
        lambda: workshop.store.remove_goal(wid, churn.id),
        lambda removal: workshop.store.restore(wid, removal),
    )
    assert matrix.rowCount() == 2
    while workshop.undo_stack.canUndo():
        workshop.undo_stack.undo()
    assert matrix.rowCount() == 3 and matrix.columnCount() == 12
    assert not matrix.setData(matrix.index(0, 0), "X"), "only A, R, C and I are roles"
    assert matrix.setData(QModelIndex(), "A") is False


def test_letters_typed_in_the_picker_stay_in_the_picker(qtbot, demo_page):
    from cxworkshop.gui.room import takes_letters

    goal = demo_page.session.workshop.goals[0]
    picker = open_picker(qtbot, demo_page, goal)
    # The room's one-letter shortcuts (B blanks, T times, M adds a minute) must
    # not fire while someone types a name into the picker or moves in its list.
    assert takes_letters(picker.list)
    assert takes_letters(picker.filter)
    assert not takes_letters(demo_page.board)
