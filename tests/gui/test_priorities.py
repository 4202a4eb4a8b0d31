"""The Priorities page: its models, the secrecy of the ballot, and the facilitator's controls."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from cxworkshop.domain import editing, voting
from cxworkshop.domain.model import Goal, Participant, VotingMode
from cxworkshop.gui.models.voting import (
    BallotModel,
    DecisionModel,
    FinalOrderModel,
    GoalChoiceModel,
    ResultsModel,
    TallyModel,
    VoterChoiceModel,
    VoterStatusModel,
)
from cxworkshop.gui.ops.goals import removal_preview
from cxworkshop.gui.pages.priorities.page import PrioritiesPage
from cxworkshop.gui.pages.priorities.parts import Face
from cxworkshop.gui.session import Session
from tests.gui.test_voting_flow import (
    GOALS,
    VOTERS,
    click,
    goal_id,
    open_secret_vote,
    person_id,
    place_by_keys,
    vote,
)
from tests.helpers.builders import goal_ids, small_workshop, voter_ids
from tests.helpers.gui import reopened

pytest_plugins = ["tests.gui.test_voting_flow"]

MOVE = Qt.DropAction.MoveAction


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person could read on screen under ``root``: labels, buttons, lists, names."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    for role in (
                        Qt.ItemDataRole.DisplayRole,
                        Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole,
                    ):
                        texts.append(str(index.data(role) or ""))
    return [t for t in texts if t]


# ----------------------------------------------------------------- the models


def test_every_model_passes_the_model_tester_while_a_vote_runs(qtbot, qtmodeltester, page, team):
    for model in (
        page.goal_choice,
        page.voter_choice,
        page.voters_model,
        page.results_model,
        page.tally_model,
        page.final_model,
        page.ballot_model,
        page.decision_model,
    ):
        qtmodeltester.check(model)
    # The testers stay attached: every signal the vote causes is checked too.
    click(qtbot, page.setup.no_goals_button)
    click(qtbot, page.setup.all_goals_button)
    open_secret_vote(qtbot, page)
    click(qtbot, page.round_view.next_button)
    for name, (_, title) in zip(VOTERS, [*GOALS, GOALS[0]], strict=True):
        vote(qtbot, page, name, [title])
    click(qtbot, page.pass_card.done_button)
    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)
    assert page.results_model.rowCount() == len(GOALS)
    tie = next(b for b in page.round_view.tie_boxes if b.isVisible())
    click(qtbot, tie.decide_button)
    page.round_view.decision_list.setCurrentIndex(page.decision_model.index(0, 0))
    click(qtbot, page.round_view.down_button)
    click(qtbot, page.round_view.record_button)
    team.undo_stack.undo()
    team.undo_stack.undo()
    team.undo_stack.redo()


@pytest.mark.parametrize(
    "model_class",
    [
        VoterStatusModel,
        ResultsModel,
        TallyModel,
        FinalOrderModel,
        BallotModel,
        GoalChoiceModel,
        VoterChoiceModel,
    ],
)
def test_each_model_on_its_own_passes_the_model_tester(qtmodeltester, demo_session, model_class):
    model = model_class(demo_session)
    if hasattr(model, "set_round"):
        model.set_round(demo_session.workshop.rounds[0].id)
    qtmodeltester.check(model)


def test_the_sponsors_order_moves_by_drag_and_drop_through_the_model(qtmodeltester, demo_session):
    model = DecisionModel()
    model.set_goals(demo_session.workshop.goals[:3])
    qtmodeltester.check(model)
    first, second, third = model.order()
    mime = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(mime, MOVE, 3, 0, QModelIndex())
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, 3, 0, QModelIndex())
    assert model.dropMimeData(mime, MOVE, 3, 0, QModelIndex())
    assert model.order() == [second, third, first]
    assert model.index(2, 0).data().startswith("3.")
    assert model.dropMimeData(model.mimeData([model.index(2, 0)]), MOVE, 0, 0, QModelIndex())
    assert model.order() == [first, second, third]


# ----------------------------------------------------------------- what the room sees


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_ranking_shown_is_the_domains_ranking_for_any_ballots(qtbot, store, data):
    ws = small_workshop()
    g = goal_ids(ws)
    on_ballot = data.draw(st.lists(st.sampled_from(g), min_size=2, max_size=len(g), unique=True))
    budget = data.draw(st.integers(1, 4))
    most = data.draw(st.integers(1, budget))
    mode = data.draw(st.sampled_from(VotingMode))
    r = editing.open_round(
        ws, goal_ids=on_ballot, dots_per_voter=budget, max_per_goal=most, mode=mode
    )
    if mode is VotingMode.SECRET:
        for voter in voter_ids(ws):
            left, ballot = budget, {}
            for goal in on_ballot:
                n = data.draw(st.integers(0, min(most, left)))
                ballot[goal], left = n, left - n
            editing.cast_ballot(ws, r.id, voter, ballot)
    else:
        for goal in on_ballot:
            editing.set_tally(ws, r.id, goal, data.draw(st.integers(0, 30)))
    if mode is VotingMode.SECRET and not r.ballots:
        return
    editing.close_round(ws, r.id)
    editing.set_revealed(ws, r.id, True)
    created = store.create_workshop(ws)
    session = Session(store, created.id)
    page = PrioritiesPage()
    qtbot.addWidget(page)
    page.set_session(session)

    expected = [(x.goal_id, x.dots, x.rank) for x in voting.ranking(session.workshop.rounds[0])]
    assert page.results_model.ranking() == expected
    titles = {goal.id: goal.title for goal in ws.goals}
    # Only goals level on some dots are tied; goals without dots have no place.
    tied = {goal for group in voting.ties_to_settle(r) for goal in group}
    assert [(b.title, b.dots, b.rank, b.tied) for b in page.round_view.chart.bars()] == [
        (titles[goal], dots, rank, goal in tied) for goal, dots, rank in expected
    ]
    assert [b.place == "–" for b in page.round_view.chart.bars()] == [
        dots == 0 for _, dots, _ in expected
    ]
    assert page.final_model.order() == [
        (p.goal_id, p.rank) for p in voting.final_order(session.workshop)
    ]


def test_the_facilitators_screen_never_shows_how_anyone_voted(qtbot, page, team):
    open_secret_vote(qtbot, page, extra_dots=1)
    titles = [title for _, title in GOALS]
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [titles[0], titles[0]])
    vote(qtbot, page, "Ben Okafor", [titles[1], titles[3]], keys=False)
    click(qtbot, page.pass_card.done_button)
    assert page.face is Face.ROUND

    shown = visible_texts(page)
    assert "2 of 5 have voted" in shown
    assert any("Ana Silva" in t for t in shown), "who has voted is shown"
    leaks = [t for t in shown for title in titles if title in t]
    assert leaks == [], "no goal, let alone its dots, appears while the ballot is secret"
    assert page.results_model.rowCount() == 0
    assert page.final_model.rowCount() == 0
    assert page.round_view.chart.bars() == []

    # Closed but not revealed: still nothing.
    click(qtbot, page.round_view.close_button)
    shown = visible_texts(page)
    assert [t for t in shown for title in titles if title in t] == []
    assert any("2 ballots with 4 dots are in" in t for t in shown)


def test_each_voter_gets_a_clean_ballot_even_when_voting_again(qtbot, page, team):
    open_secret_vote(qtbot, page, extra_dots=1)
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [GOALS[0][1], GOALS[1][1]])
    click(qtbot, page.pass_card.start_button)  # Ben is next
    assert page.ballot_model.ballot() == {}
    assert [page.ballot_model.index(r, 1).data() for r in range(4)] == [0, 0, 0, 0]
    assert page.ballot_screen.meter.text() == "2 dots left of 2"
    qtbot.keyClick(page.ballot_screen.view, Qt.Key.Key_Escape)
    assert page.face is Face.PASS and not page.pass_card.saved.isVisible()

    # Ana comes back to change her mind: her earlier ballot is not shown, and is replaced.
    vote(qtbot, page, "Ana Silva", [GOALS[3][1]])
    assert "You voted before" in page.ballot_screen.rules.text()
    ana = person_id(team, "Ana Silva")
    assert reopened(team).rounds[0].ballots[ana] == {goal_id(team, GOALS[3][1]): 1}


def test_no_undo_while_voters_have_the_laptop(qtbot, page, team):
    group = QUndoGroup()
    group.addStack(team.undo_stack)
    group.setActiveStack(team.undo_stack)
    open_secret_vote(qtbot, page)
    signals: list[bool] = []
    page.sig_ballot_in_progress.connect(signals.append)

    click(qtbot, page.round_view.next_button)
    assert page.ballot_in_progress() and signals == [True]
    assert group.activeStack() is None and not group.canUndo()
    vote(qtbot, page, "Ana Silva", [GOALS[0][1]])
    assert group.activeStack() is None
    assert team.undo_stack.count() == 1, "a confirmed ballot is not an undo step"

    click(qtbot, page.pass_card.done_button)
    assert signals == [True, False]
    assert group.activeStack() is team.undo_stack
    assert group.undoText() == "Open round 1: secret ballot on 4 goals"


def test_leaving_the_step_mid_ballot_drops_the_draft_and_gives_undo_back(qtbot, page, team):
    group = QUndoGroup()
    group.addStack(team.undo_stack)
    group.setActiveStack(team.undo_stack)
    open_secret_vote(qtbot, page)
    click(qtbot, page.round_view.next_button)
    click(qtbot, page.pass_card.start_button)
    place_by_keys(qtbot, page, [GOALS[1][1]])
    signals: list[bool] = []
    page.sig_ballot_in_progress.connect(signals.append)

    page.hide()
    assert signals == [False] and group.activeStack() is team.undo_stack
    assert reopened(team).rounds[0].ballots == {}, "an unconfirmed ballot is never saved"
    page.show()
    assert page.face is Face.ROUND
    assert page.ballot_model.ballot() == {}


def test_the_pass_card_ignores_presses_for_a_moment_after_a_vote(qtbot, page, team):
    page.PASS_CARD_DELAY_MS = 200
    open_secret_vote(qtbot, page)
    click(qtbot, page.round_view.next_button)
    assert page.pass_card.start_button.isEnabled(), "no pause before the first voter"
    click(qtbot, page.pass_card.start_button)
    place_by_keys(qtbot, page, [GOALS[0][1]])
    qtbot.keyClick(page.ballot_screen.view, Qt.Key.Key_Return)
    assert page.face is Face.PASS
    assert not page.pass_card.start_button.isEnabled()
    qtbot.waitUntil(page.pass_card.start_button.isEnabled, timeout=2000)
    assert page.pass_card.start_button.hasFocus()
    assert page.pass_card.next_line.text() == "Next: Ben Okafor"


# ----------------------------------------------------------------- set-up and the steps that follow


def test_the_budget_follows_the_goals_on_the_ballot_until_the_facilitator_sets_it(qtbot, page):
    setup = page.setup
    assert setup.goals_model.ticked() == goal_ids(page.session.workshop)
    assert setup.dots_spin.value() == voting.default_budget(4)
    page.session.store.add_goal(page.session.workshop_id, Goal(GOALS[0][0], "Win back members"))
    page.session.announce()
    assert setup.goals_model.rowCount() == 5, "a goal added meanwhile arrives ticked"
    assert setup.dots_spin.value() == voting.default_budget(5)
    setup.goals_list.setFocus()
    setup.goals_list.setCurrentIndex(setup.goals_model.index(0, 0))
    qtbot.keyClick(setup.goals_list, Qt.Key.Key_Space)
    assert len(setup.goals_model.ticked()) == 4
    assert "4 of 5 goals" in setup.goals_count.text()

    setup.dots_spin.setFocus()
    for _ in range(4):
        qtbot.keyClick(setup.dots_spin, Qt.Key.Key_Up)
    assert setup.limit_spin.value() == voting.default_max_per_goal(setup.dots_spin.value())
    click(qtbot, setup.no_goals_button)
    assert not setup.open_button.isEnabled()
    assert setup.problem.text() == "A vote needs at least two goals on the ballot."
    assert setup.dots_spin.value() == 5, "a budget the facilitator chose stays"


def test_unticked_people_do_not_vote_and_undo_of_opening_keeps_the_ballots_for_redo(
    qtbot, page, team
):
    setup = page.setup
    setup.voters_list.setFocus()
    setup.voters_list.setCurrentIndex(setup.voters_model.index(4, 0))
    qtbot.keyClick(setup.voters_list, Qt.Key.Key_Space)  # Eva facilitates
    open_secret_vote(qtbot, page)
    r = page.current_round()
    assert person_id(team, "Eva Novak") not in r.voter_ids
    assert page.voters_model.rowCount() == 4
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [GOALS[2][1]])
    click(qtbot, page.pass_card.done_button)

    team.undo_stack.undo()
    assert reopened(team).rounds == []
    assert page.face is Face.SETUP
    team.undo_stack.redo()
    assert reopened(team).rounds[0].ballots == {
        person_id(team, "Ana Silva"): {goal_id(team, GOALS[2][1]): 1}
    }
    assert page.face is Face.ROUND and page.round_view.progress.text() == "1 of 4 have voted"


def test_a_person_who_joins_mid_round_gets_a_ballot(qtbot, page, team):
    open_secret_vote(qtbot, page)
    team.store.add_participant(team.workshop_id, Participant("Femi Adeyemi"))
    team.announce()
    names = [page.voters_model.index(r, 0).data() for r in range(page.voters_model.rowCount())]
    assert names[-1] == "Femi Adeyemi"
    assert page.voters_model.index(len(names) - 1, 1).data() == "○ Not yet"
    assert page.round_view.progress.text() == "0 of 6 have voted"


def test_close_reveal_and_reopen_are_undo_steps_and_earlier_rounds_stay(qtbot, page, team):
    open_secret_vote(qtbot, page)
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [GOALS[0][1]])
    click(qtbot, page.pass_card.done_button)
    click(qtbot, page.round_view.close_button)
    assert team.undo_stack.undoText() == "Close round 1"
    assert not reopened(team).rounds[0].is_open
    click(qtbot, page.round_view.reopen_button)
    assert reopened(team).rounds[0].is_open
    team.undo_stack.undo()
    assert not reopened(team).rounds[0].is_open
    click(qtbot, page.round_view.reveal_button)
    team.undo_stack.undo()
    assert not reopened(team).rounds[0].revealed
    team.undo_stack.redo()
    assert reopened(team).rounds[0].revealed

    # A second vote keeps the first as history, one choice away.
    click(qtbot, page.new_button)
    assert page.face is Face.SETUP
    click(qtbot, page.setup.cancel_button)
    click(qtbot, page.new_button)
    click(qtbot, page.setup.tally_radio)
    click(qtbot, page.setup.open_button)
    combo = page.rounds_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Round 1 · Secret ballot · Closed",
        "Round 2 · Room tally · Open",
    ]
    assert not page.new_button.isEnabled(), "one open round at a time"
    combo.setCurrentIndex(0)
    assert page.current_round().number == 1
    assert page.round_view.body.currentWidget() is page.round_view.results_page


def test_discarding_a_round_with_ballots_asks_first(qtbot, page, team, monkeypatch):
    open_secret_vote(qtbot, page)
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [GOALS[0][1]])
    click(qtbot, page.pass_card.done_button)
    asked: list[str] = []

    def no(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    click(qtbot, page.round_view.discard_button)
    assert asked == ["Discard round 1 and the 1 ballot in it? Undo brings everything back."]
    assert len(reopened(team).rounds) == 1

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    click(qtbot, page.round_view.discard_button)
    assert reopened(team).rounds == []
    assert team.undo_stack.undoText() == "Discard round 1"
    team.undo_stack.undo()
    assert len(reopened(team).rounds[0].ballots) == 1


def test_deleting_a_goal_that_holds_votes_says_how_many_dots_go_with_it(team):
    store, wid = team.store, team.workshop_id
    g = goal_ids(team.workshop)
    r = store.open_round(wid, goal_ids=g, dots_per_voter=3, max_per_goal=2)
    store.cast_ballot(wid, r.id, person_id(team, "Ana Silva"), {g[1]: 2, g[2]: 1})
    store.cast_ballot(wid, r.id, person_id(team, "Ben Okafor"), {g[1]: 1})
    preview = removal_preview(team, g[1])
    assert preview is not None and preview.is_consequential
    assert "3 dots of votes" in preview.consequences()
