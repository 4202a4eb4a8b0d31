"""Phones' ballots arriving together: each its own committed save, the window told once.

And the phones' snapshot follows the change sets: rebuilt for what phones
see (the title, a ballot), left alone for what they do not (the agenda).
"""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from cxworkshop.domain.changes import ChangeSet
from cxworkshop.domain.model import Pillar, Step, VotingMode
from cxworkshop.gui import phones_bridge
from cxworkshop.gui.phones_bridge import PhonesBridge
from cxworkshop.gui.session import Session
from cxworkshop.storage.store import Store
from tests.gui.test_voting_flow import (
    VOTERS,
    make_page,
    person_id,
    team,  # noqa: F401  (the fixture)
)
from tests.helpers.phones import Phone, all_off_thread, off_thread


@pytest.fixture
def bridge(qtbot, team: Session):  # type: ignore[no-untyped-def]  # noqa: F811
    running = PhonesBridge(team)
    running.start()
    yield running
    running.stop()


def open_secret_round(session: Session) -> str:
    ws = session.workshop
    r = session.store.open_round(
        session.workshop_id,
        goal_ids=[g.id for g in ws.goals],
        dots_per_voter=2,
        max_per_goal=2,
        mode=VotingMode.SECRET,
        voter_ids=[p.id for p in ws.participants],
    )
    session.announce()
    return r.id


def test_ballots_queued_together_are_saved_one_by_one_and_shown_once(
    qtbot,
    bridge: PhonesBridge,
    team: Session,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(phones_bridge, "SHOW_EVERY_MS", 60_000)
    round_id = open_secret_round(team)
    page = make_page(qtbot, team)
    goals = [g.id for g in team.workshop.goals]
    commits: list[str] = []
    team.store.conn.set_trace_callback(
        lambda sql: commits.append(sql) if sql.strip().upper().startswith("COMMIT") else None
    )
    told: list[ChangeSet] = []
    saved: list[bool] = []
    team.sig_changes.connect(told.append)
    team.sig_saved.connect(lambda: saved.append(True))
    # Every voter confirms, then changes their mind: ten writes queued before the window turns.
    ballots = [
        (person_id(team, name), {goals[(n + wave) % len(goals)]: 2})
        for wave in range(2)
        for n, name in enumerate(VOTERS)
    ]
    outcomes: list[Future[str]] = [
        bridge._submit("ballot", voter, {"round": round_id, "dots": dots})
        for voter, dots in ballots
    ]
    qtbot.waitUntil(lambda: all(o.done() for o in outcomes))
    qtbot.waitUntil(lambda: bool(told))
    qtbot.wait(20)
    team.store.conn.set_trace_callback(None)
    assert [o.result() for o in outcomes] == [""] * len(ballots)
    assert len(commits) == len(ballots), "one committed transaction per ballot"
    assert len(told) == 1 and told[0].rounds == frozenset({round_id})
    assert saved == [True]
    assert page.round_view.progress.text() == f"{len(VOTERS)} of {len(VOTERS)} have voted"
    last = dict(ballots[len(VOTERS) :])
    with Store(team.store.path) as second:
        assert second.workshop(team.workshop_id).rounds[-1].ballots == last
    assert team.undo_stack.count() == 0, "a phone's ballot is never the facilitator's undo step"


def test_a_long_burst_shows_on_the_window_while_it_lasts(
    qtbot,
    bridge: PhonesBridge,
    team: Session,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(phones_bridge, "SHOW_EVERY_MS", 0)
    monkeypatch.setattr(phones_bridge, "TURN_MS", 0)  # one save a turn
    round_id = open_secret_round(team)
    goals = [g.id for g in team.workshop.goals]
    told: list[ChangeSet] = []
    team.sig_changes.connect(told.append)
    voters = [person_id(team, name) for name in VOTERS]
    outcomes = [
        bridge._submit("ballot", voter, {"round": round_id, "dots": {goals[0]: 1}})
        for voter in voters
    ]
    qtbot.waitUntil(lambda: all(o.done() for o in outcomes))
    qtbot.waitUntil(lambda: not bridge._behind)
    # Past the limit the window catches up between saves, not only at the end.
    assert len(told) == len(voters)


def test_each_phone_reads_its_own_ballot_as_soon_as_it_is_saved(
    qtbot,
    bridge: PhonesBridge,
    team: Session,  # noqa: F811
) -> None:
    open_secret_round(team)
    phones = {
        name: Phone(f"http://127.0.0.1:{bridge.server.port}/{bridge.server.key}/")
        for name in VOTERS
    }
    joined = all_off_thread(qtbot, [lambda p=p, n=n: p.join(n) for n, p in phones.items()])
    assert [status for status, _ in joined] == [200] * len(VOTERS)
    title = team.workshop.goals[1].title
    answers = all_off_thread(
        qtbot, [lambda p=p: (p.vote({title: 2}), p.state()) for p in phones.values()]
    )
    mine = {team.workshop.goals[1].id: 2}
    for (status, answer), state in answers:
        assert status == 200
        assert answer["ballot"]["mine"] == mine
        assert state["ballot"]["mine"] == mine


def test_the_phones_snapshot_follows_only_what_phones_see(
    qtbot,
    bridge: PhonesBridge,
    team: Session,  # noqa: F811
) -> None:
    team.announce()  # the people and goals the fixture added
    before = bridge.server.room()
    team.store.set_timebox(team.workshop_id, Step.GOALS, 25)
    team.announce()
    assert bridge.server.room() is before, "the agenda is not shown on phones"
    team.store.update_details(team.workshop_id, title="Retention summit")
    team.announce()
    assert bridge.server.room().title == "Retention summit"
    phone = Phone(f"http://127.0.0.1:{bridge.server.port}/{bridge.server.key}/")
    assert off_thread(qtbot, phone.state)["title"] == "Retention summit"
    # A goal moved to another pillar: the ballot shows its new pillar.
    round_id = open_secret_round(team)
    goal = team.workshop.goals[0]
    team.store.move_goal(team.workshop_id, goal.id, Pillar.ADVOCATE, 0)
    team.announce()
    room = bridge.server.room()
    assert room.ballot is not None and room.ballot.round_id == round_id
    assert (goal.id, Pillar.ADVOCATE.value, goal.title) in room.ballot.goals


def test_a_turn_saves_the_ballots_waiting_and_each_phone_hears_back_after_its_own(
    qtbot,
    bridge: PhonesBridge,
    team: Session,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A whole second a turn: every ballot waiting is saved in one turn of the loop.
    monkeypatch.setattr(phones_bridge, "TURN_MS", 1000)
    round_id = open_secret_round(team)
    goal = team.workshop.goals[0].id
    voters = [person_id(team, name) for name in VOTERS]
    heard: list[bool] = []

    def on_answer(outcome: Future[str], voter: str) -> None:
        # When a phone hears back, the phones' snapshot already holds its ballot.
        room = bridge.server.room()
        heard.append(room is not None and dict(room.own_ballots.get(voter, {})) == {goal: 1})

    outcomes = []
    for voter in voters:
        outcome = bridge._submit("ballot", voter, {"round": round_id, "dots": {goal: 1}})
        outcome.add_done_callback(lambda o, v=voter: on_answer(o, v))
        outcomes.append(outcome)
    turns = 0
    while not all(o.done() for o in outcomes):
        bridge._run_one()
        turns += 1
    assert turns == 1 and [o.result() for o in outcomes] == [""] * len(voters)
    assert heard == [True] * len(voters)
    assert set(team.workshop.rounds[-1].ballots) == set(voters)
