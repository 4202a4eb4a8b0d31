"""Dot voting as a room does it: set up, vote in turn at the laptop, reveal, settle ties."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from cxworkshop.domain import voting
from cxworkshop.domain.errors import BudgetExceeded
from cxworkshop.domain.model import Goal, Participant, Pillar, Step, TieBreak, VotingMode
from cxworkshop.gui.audience import AudienceWindow
from cxworkshop.gui.pages.priorities.page import PrioritiesPage
from cxworkshop.gui.pages.priorities.parts import Face
from cxworkshop.gui.room_timer import RoomClock
from cxworkshop.gui.session import Session
from tests.helpers.gui import reopened, show_page

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier

VOTERS = ("Ana Silva", "Ben Okafor", "Chloe Martin", "Dev Patel", "Eva Novak")
GOALS = (
    (Pillar.WIN, "Raise trial-to-paid conversion"),
    (Pillar.KEEP, "Lower monthly churn"),
    (Pillar.KEEP, "Raise CSAT after support calls"),
    (Pillar.ADVOCATE, "Raise NPS from 21 to 35"),
)


# ----------------------------------------------------------------- helpers


def make_page(qtbot, session: Session) -> PrioritiesPage:  # type: ignore[no-untyped-def]
    page = PrioritiesPage()
    # Tests press the pass card's buttons at once; the pause is for people's fingers.
    page.PASS_CARD_DELAY_MS = 0
    page.set_session(session)
    return show_page(qtbot, page, 1500, 900)


@pytest.fixture
def team(blank_session: Session) -> Session:
    """Five people in the room and four goals, nothing voted yet."""
    store, wid = blank_session.store, blank_session.workshop_id
    for name in VOTERS:
        store.add_participant(wid, Participant(name))
    for pillar, title in GOALS:
        store.add_goal(wid, Goal(pillar, title))
    return blank_session


@pytest.fixture
def page(qtbot, team: Session) -> PrioritiesPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, team)


def goal_id(session: Session, title: str) -> str:
    return next(g.id for g in session.workshop.goals if g.title == title)


def person_id(session: Session, name: str) -> str:
    return next(p.id for p in session.workshop.participants if p.name == name)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def open_secret_vote(qtbot, page: PrioritiesPage, extra_dots: int = 0) -> str:  # type: ignore[no-untyped-def]
    """Open a secret ballot on every goal from the set-up, adding ``extra_dots`` per voter."""
    assert page.face is Face.SETUP
    spin = page.setup.dots_spin
    spin.setFocus()
    for _ in range(extra_dots):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    click(qtbot, page.setup.open_button)
    assert page.face is Face.ROUND
    r = page.current_round()
    assert r is not None and r.is_open
    return r.id


def row_of(page: PrioritiesPage, title: str) -> int:
    model = page.ballot_model
    return next(row for row in range(model.rowCount()) if model.index(row, 0).data() == title)


def place_by_keys(qtbot, page: PrioritiesPage, titles: Iterable[str]) -> None:  # type: ignore[no-untyped-def]
    """Walk to each goal with Up/Down and add a dot with Right (or + and Space)."""
    view = page.ballot_screen.view
    assert view.hasFocus()
    adds = [Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Space]
    for i, title in enumerate(titles):
        target = row_of(page, title)
        while view.currentIndex().row() < target:
            qtbot.keyClick(view, Qt.Key.Key_Down)
        while view.currentIndex().row() > target:
            qtbot.keyClick(view, Qt.Key.Key_Up)
        qtbot.keyClick(view, adds[i % len(adds)])


def place_by_clicks(qtbot, page: PrioritiesPage, titles: Iterable[str]) -> None:  # type: ignore[no-untyped-def]
    """Click each goal's + button."""
    view = page.ballot_screen.view
    delegate = view.itemDelegate()
    for title in titles:
        index = page.ballot_model.index(row_of(page, title), 0)
        parts = delegate.parts(QRectF(view.visualRect(index)), view.font(), index)
        centre = parts.plus.center()
        qtbot.mouseClick(view.viewport(), LEFT, pos=QPoint(int(centre.x()), int(centre.y())))


def vote(qtbot, page: PrioritiesPage, name: str, titles: list[str], *, keys: bool = True) -> None:  # type: ignore[no-untyped-def]
    """From the pass card: the named person takes the laptop, places dots, confirms with Enter."""
    card = page.pass_card
    assert page.face is Face.PASS
    if card.next_id == person_id(page.session, name):
        click(qtbot, card.start_button)
    else:
        click(qtbot, card.other_button)
        names = card.names
        row = next(
            r for r in range(names.model().rowCount()) if names.model().index(r, 0).data() == name
        )
        names.setCurrentIndex(names.model().index(row, 0))
        qtbot.keyClick(names, Qt.Key.Key_Return)
    assert page.face is Face.BALLOT
    assert page.ballot_screen.name.text().startswith(name)
    if keys:
        place_by_keys(qtbot, page, titles)
    else:
        place_by_clicks(qtbot, page, titles)
    unplaced = page.ballot_model.remaining()
    qtbot.keyClick(page.ballot_screen.view, Qt.Key.Key_Return)
    if unplaced:
        # Dots left over: the ballot asks once, and Enter again confirms without them.
        assert page.face is Face.BALLOT
        assert f"You still have {unplaced} dot" in page.ballot_screen.message.text()
        qtbot.keyClick(page.ballot_screen.view, Qt.Key.Key_Return)
    assert page.face is Face.PASS, page.ballot_screen.message.text()
    assert card.saved.isVisible()


# ----------------------------------------------------------------- the whole vote


def test_five_voters_vote_in_secret_and_a_runoff_settles_the_tie_at_the_top(qtbot, page, team):
    churn, csat = "Lower monthly churn", "Raise CSAT after support calls"
    nps, trial = "Raise NPS from 21 to 35", "Raise trial-to-paid conversion"
    main_id = open_secret_vote(qtbot, page, extra_dots=1)  # 4 goals: 1 dot, raised to 2
    r = page.current_round()
    assert (r.dots_per_voter, r.max_per_goal, r.mode) == (2, 2, VotingMode.SECRET)
    assert len(r.voter_ids) == 5
    assert team.undo_stack.undoText() == "Open round 1: secret ballot on 4 goals"

    in_progress: list[bool] = []
    page.sig_ballot_in_progress.connect(in_progress.append)
    click(qtbot, page.round_view.next_button)
    assert page.face is Face.PASS and in_progress == [True]
    assert not page.header.isVisible()
    ballots = {
        "Ana Silva": [churn, churn],
        "Ben Okafor": [csat, csat],
        "Chloe Martin": [churn, nps],
        "Dev Patel": [csat, nps],
        "Eva Novak": [trial, trial],
    }
    for i, (name, titles) in enumerate(ballots.items()):
        vote(qtbot, page, name, titles, keys=i % 2 == 0)
    assert page.pass_card.headline.text() == "Everyone has voted"
    # Ballots are saved when confirmed, and none of them is an undo step.
    assert team.undo_stack.count() == 1
    saved = reopened(team).rounds[0].ballots
    assert saved[person_id(team, "Ana Silva")] == {goal_id(team, churn): 2}
    assert saved[person_id(team, "Chloe Martin")] == {
        goal_id(team, churn): 1,
        goal_id(team, nps): 1,
    }

    click(qtbot, page.pass_card.done_button)
    assert page.face is Face.ROUND and in_progress == [True, False]
    assert page.round_view.progress.text() == "5 of 5 have voted"
    click(qtbot, page.round_view.close_button)
    assert page.round_view.body.currentWidget() is page.round_view.hidden_page
    assert page.results_model.rowCount() == 0, "nothing shows before the reveal"

    click(qtbot, page.round_view.reveal_button)
    assert team.undo_stack.undoText() == "Reveal the results of round 1"
    main = page.current_round()
    shown = page.results_model.ranking()
    assert shown == [(x.goal_id, x.dots, x.rank) for x in voting.ranking(main)]
    assert [(b.title, b.dots, b.rank, b.tied) for b in page.round_view.chart.bars()] == [
        (churn, 3, 1, True),
        (csat, 3, 1, True),
        (trial, 2, 3, True),  # equal dots keep the ballot's order
        (nps, 2, 3, True),
    ]

    # The tie at the top goes to a run-off among the two tied goals.
    top_tie = next(b for b in page.round_view.tie_boxes if b.isVisible())
    assert set(top_tie.goal_ids) == {goal_id(team, churn), goal_id(team, csat)}
    click(qtbot, top_tie.runoff_button)
    assert page.face is Face.SETUP
    assert page.setup.goals_model.ticked() == top_tie.goal_ids
    assert page.setup.dots_spin.value() == voting.default_budget(2)
    click(qtbot, page.setup.open_button)
    runoff = page.current_round()
    assert runoff.runoff_of == main_id and runoff.goal_ids == top_tie.goal_ids
    assert team.undo_stack.undoText() == f"Start a run-off between '{churn}' and '{csat}'"

    click(qtbot, page.round_view.next_button)
    for name, pick in zip(VOTERS, [csat, csat, churn, csat, churn], strict=True):
        vote(qtbot, page, name, [pick], keys=name != "Ben Okafor")
    click(qtbot, page.pass_card.done_button)
    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)

    order = voting.final_order(team.workshop)
    titles = {g.id: g.title for g in team.workshop.goals}
    assert [(titles[p.goal_id], p.rank, p.settled_by) for p in order] == [
        (csat, 1, TieBreak.RUNOFF),
        (churn, 2, TieBreak.RUNOFF),
        (trial, 3, None),  # still tied: nobody settled the tie for third
        (nps, 3, None),
    ]
    # What the window shows is what the file holds and what the charter will read.
    fresh = voting.final_order(reopened(team))
    assert fresh == order
    page.show_round(main_id)
    assert page.final_model.order() == [(p.goal_id, p.rank) for p in fresh]


def test_the_sponsor_orders_a_tie_by_keys_with_a_note_and_undo_takes_it_back(qtbot, page, team):
    open_secret_vote(qtbot, page)  # one dot each
    click(qtbot, page.round_view.next_button)
    for name, pick in zip(
        VOTERS, [GOALS[0][1], GOALS[1][1], GOALS[2][1], GOALS[0][1], GOALS[1][1]], strict=True
    ):
        vote(qtbot, page, name, [pick])
    click(qtbot, page.pass_card.done_button)
    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)
    tie = next(b for b in page.round_view.tie_boxes if b.isVisible())
    first, second = tie.goal_ids
    click(qtbot, tie.decide_button)
    view = page.round_view
    assert view.decision_frame.isVisible() and not view.ties_frame.isVisible()
    assert page.decision_model.order() == [first, second]

    # The sponsor puts the second goal first: Ctrl+Down on the first one.
    assert view.decision_list.hasFocus()
    qtbot.keyClick(view.decision_list, Qt.Key.Key_Down, CTRL)
    assert page.decision_model.order() == [second, first]
    view.note_edit.setFocus()
    qtbot.keyClicks(view.note_edit, "Churn costs us more this year.")
    click(qtbot, view.record_button)

    r = page.current_round()
    assert r.decision == [second, first]
    assert r.decision_note == "Churn costs us more this year."
    assert team.undo_stack.undoText().startswith("Record the sponsor's order for ")
    order = voting.final_order(reopened(team))
    assert [p.goal_id for p in order[:2]] == [second, first]
    assert {p.settled_by for p in order[:2]} == {TieBreak.SPONSOR}
    assert tie.status.text() == "✓ Settled by the sponsor."
    assert page.final_model.order()[:2] == [(second, 1), (first, 2)]
    assert "by sponsor" in [note for *_, note in view.final_list.rows()]

    team.undo_stack.undo()
    assert voting.final_order(reopened(team))[0].rank == voting.final_order(reopened(team))[1].rank
    assert tie.status.text() == "Not settled yet."
    team.undo_stack.redo()
    assert [p.goal_id for p in voting.final_order(reopened(team))[:2]] == [second, first]


def count_wall(qtbot, page: PrioritiesPage, counts: Iterable[int]) -> None:  # type: ignore[no-untyped-def]
    """Open a room tally on every goal, type each goal's count, close it and reveal it."""
    click(qtbot, page.setup.tally_radio)
    click(qtbot, page.setup.open_button)
    table = page.round_view.tally_table
    table.setFocus()
    editing = QAbstractItemView.State.EditingState
    for count in counts:
        qtbot.keyClicks(table, str(count))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != editing)
    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)


def audience_texts(qtbot, session: Session, round_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What the room reads on the audience screen's results, page after page."""
    audience = AudienceWindow(RoomClock())
    qtbot.addWidget(audience)
    audience.set_session(session)
    audience.set_step(Step.PRIORITIES)
    audience.set_round(round_id)
    audience.resize(1280, 720)
    audience.show()
    qtbot.waitExposed(audience)
    seen = audience.rendered_text()
    while audience.turn_page(1):
        seen += audience.current_view().texts()
    return seen


def test_a_tie_the_sponsor_settled_shows_in_the_decided_order_on_every_screen(qtbot, page, team):
    count_wall(qtbot, page, [4, 4, 1, 2])
    chart = page.round_view.chart
    assert [(b.place, b.tag) for b in chart.bars()][:2] == [("=1", "tied"), ("=1", "tied")]
    tie = next(b for b in page.round_view.tie_boxes if b.isVisible())
    first, second = tie.goal_ids
    click(qtbot, tie.decide_button)
    view = page.round_view
    qtbot.keyClick(view.decision_list, Qt.Key.Key_Down, CTRL)  # the second goal goes first
    click(qtbot, view.record_button)

    titles = {g.id: g.title for g in reopened(team).goals}
    decided = [titles[second], titles[first], GOALS[3][1], GOALS[2][1]]
    # The results chart: the decided order, a place each, and how it was settled.
    assert [(b.title, b.place, b.tied) for b in chart.bars()] == [
        (decided[0], "1", False),
        (decided[1], "2", False),
        (decided[2], "3", False),
        (decided[3], "4", False),
    ]
    assert [b.tag for b in chart.bars()] == ["sponsor", "sponsor", "", ""]
    assert "tied" not in chart.spoken()
    # The small list agrees.
    assert [t for _, t, _, _ in view.final_list.rows()] == decided

    # The audience screen: the same order, nothing left "tied".
    r = page.current_round()
    assert r is not None
    seen = audience_texts(qtbot, team, r.id)
    places = [t for t in seen if t in ("1", "2", "3", "4", "=1")]
    assert places == ["1", "2", "3", "4"]
    assert "TIED" not in seen and "SPONSOR" in seen
    at = [next(i for i, t in enumerate(seen) if t == title) for title in decided]
    assert at == sorted(at)

    # Undo the decision: the tie is back everywhere.
    team.undo_stack.undo()
    assert [(b.place, b.tag) for b in chart.bars()][:2] == [("=1", "tied"), ("=1", "tied")]
    assert "TIED" in audience_texts(qtbot, team, r.id)


def test_goals_nobody_voted_for_are_not_a_tie_to_settle(qtbot, blank_session):  # type: ignore[no-untyped-def]
    store, wid = blank_session.store, blank_session.workshop_id
    titles = [f"Goal number {n}" for n in range(1, 13)]
    for n, title in enumerate(titles):
        store.add_goal(wid, Goal(list(Pillar)[n % 3], title))
    page = make_page(qtbot, blank_session)
    # The wall: a clear first, two level on 2 dots, ten goals with none.
    count_wall(qtbot, page, [5, 2, 2])

    boxes = [b for b in page.round_view.tie_boxes if b.isVisible()]
    assert len(boxes) == 1, "one tie to settle: the goals level on 2 dots"
    assert "Tied for 2nd" in boxes[0].what.text()
    assert boxes[0].runoff_button.isVisible() and boxes[0].decide_button.isVisible()
    bars = page.round_view.chart.bars()
    assert [b.place for b in bars] == ["1", "=2", "=2"] + ["–"] * 9
    assert [b.tied for b in bars] == [False, True, True] + [False] * 9
    assert [note for *_, note in page.round_view.final_list.rows()][3:] == ["no dots"] * 9
    r = page.current_round()
    assert r is not None
    seen = audience_texts(qtbot, blank_session, r.id)
    assert seen.count("TIED") == 2
    assert seen.count("–") == 9


def test_a_room_tally_is_typed_in_goal_after_goal_each_count_its_own_undo_step(qtbot, page, team):
    click(qtbot, page.setup.tally_radio)
    assert not page.setup.voters_list.isEnabled(), "a wall of sticky dots has no voter list"
    click(qtbot, page.setup.open_button)
    r = page.current_round()
    assert r.mode is VotingMode.TALLY and r.voter_ids == []
    table = page.round_view.tally_table
    assert page.round_view.body.currentWidget() is page.round_view.tally_page
    table.setFocus()
    assert table.currentIndex().column() == 1
    editing = QAbstractItemView.State.EditingState
    for count in ("4", "7", "0", "7"):
        qtbot.keyClicks(table, count)  # typing a digit opens the cell's editor
        assert table.state() == editing
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        # The view commits and closes the editor from the event loop, as it would for a user.
        qtbot.waitUntil(lambda: table.state() != editing)
    counted = {g.title: r.tallies.get(g.id, 0) for g in team.workshop.goals}
    assert counted == dict(zip([t for _, t in GOALS], [4, 7, 0, 7], strict=True))
    assert team.undo_stack.count() == 1 + 3  # opening, and three counts (a 0 changes nothing)
    assert team.undo_stack.undoText() == f"Count 7 dots for '{GOALS[3][1]}'"
    assert page.round_view.tally_total.text() == "18 dots counted so far"

    team.undo_stack.undo()
    assert page.tally_model.index(3, 1).data() == 0
    team.undo_stack.redo()
    assert reopened(team).rounds[0].tallies == r.tallies

    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)
    assert page.results_model.ranking() == [
        (x.goal_id, x.dots, x.rank) for x in voting.ranking(page.current_round())
    ]
    assert [b.rank for b in page.round_view.chart.bars()] == [1, 1, 3, 4]


# ----------------------------------------------------------------- the rules


def test_a_dot_over_budget_is_refused_with_a_message_and_nothing_is_placed(qtbot, page, team):
    open_secret_vote(qtbot, page, extra_dots=2)  # 3 dots, at most 2 on one goal
    click(qtbot, page.round_view.next_button)
    click(qtbot, page.pass_card.start_button)
    view, screen = page.ballot_screen.view, page.ballot_screen
    first, second, third = (goal_id(team, title) for _, title in GOALS[:3])
    assert not screen.message.isVisible()
    place_by_keys(qtbot, page, [GOALS[0][1]] * 3)
    assert page.ballot_model.ballot() == {first: 2}
    assert screen.message.isVisible()
    assert "At most 2 dots may go on one goal" in screen.message.text()

    place_by_keys(qtbot, page, [GOALS[1][1]])
    assert not screen.message.isVisible(), "a dot that fits clears the warning"
    assert screen.meter.text() == "All 3 dots placed"
    place_by_keys(qtbot, page, [GOALS[2][1]])
    assert page.ballot_model.ballot() == {first: 2, second: 1}
    assert "All 3 dots are placed. Take one off another goal" in screen.message.text()

    # Taking one off makes room for it elsewhere; a click on a dot sets the count.
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert screen.meter.text() == "1 dot left of 3"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert "At most" not in screen.message.text()
    assert page.ballot_model.ballot() == {first: 2, third: 1}, "only the dot in hand went on"

    # The store refuses an overrun too, whatever the screen allowed.
    refused = page.session.store
    with pytest.raises(BudgetExceeded, match="each voter has 3"):
        refused.cast_ballot(
            team.workshop_id,
            page.current_round().id,
            person_id(team, "Ana Silva"),
            {first: 2, second: 2},
        )

    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.face is Face.BALLOT, "a dot left over is asked about first"
    assert screen.confirm_button.text() == "Confirm with 1 dot unused"
    click(qtbot, screen.confirm_button)
    assert page.face is Face.PASS
    saved = reopened(team).rounds[0].ballots
    assert saved == {person_id(team, "Ana Silva"): {first: 2}}


def test_lowering_the_budget_after_votes_asks_then_reopens_the_ballots_that_do_not_fit(
    qtbot, page, team, monkeypatch
):
    open_secret_vote(qtbot, page, extra_dots=2)  # 3 dots, at most 2 on one goal
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Ana Silva", [GOALS[0][1], GOALS[0][1], GOALS[1][1]])
    vote(qtbot, page, "Ben Okafor", [GOALS[2][1]])
    click(qtbot, page.pass_card.done_button)
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    view = page.round_view
    view.dots_spin.setFocus()
    qtbot.keyClick(view.dots_spin, Qt.Key.Key_Down)  # 3 → 2 dots per voter
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    click(qtbot, view.apply_budget_button)
    assert "1 ballot already cast places more dots" in asked[-1]
    assert "Nothing is ever trimmed" in asked[-1]
    assert page.current_round().dots_per_voter == 3, "keeping the budget changes nothing"
    assert len(page.current_round().ballots) == 2

    view.dots_spin.setFocus()
    qtbot.keyClick(view.dots_spin, Qt.Key.Key_Down)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    click(qtbot, view.apply_budget_button)
    r = page.current_round()
    assert r.dots_per_voter == 2
    ana, ben = person_id(team, "Ana Silva"), person_id(team, "Ben Okafor")
    assert set(r.ballots) == {ben}, "Ana's ballot is reopened, never trimmed"
    assert page.voters_model.index(0, 1).data() == "○ Not yet"
    assert team.undo_stack.undoText().endswith("reopening 1 ballot")

    team.undo_stack.undo()
    saved = reopened(team).rounds[0]
    assert saved.dots_per_voter == 3
    assert saved.ballots[ana] == {goal_id(team, GOALS[0][1]): 2, goal_id(team, GOALS[1][1]): 1}
    assert page.voters_model.index(0, 1).data() == "✓ Voted"
