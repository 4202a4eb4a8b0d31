"""Phones in the room, end to end: real HTTP clients join, propose and vote as the window runs."""

from __future__ import annotations

import json

import pytest

from cxworkshop.domain import voting
from cxworkshop.domain.model import ProposalStatus, Step, TieBreak
from cxworkshop.gui.models.voting import VOTED_TEXT
from cxworkshop.gui.pages.priorities.page import PrioritiesPage
from cxworkshop.gui.pages.priorities.parts import Face
from cxworkshop.gui.phones_bridge import PhonesBridge
from cxworkshop.gui.session import Session
from tests.gui.test_voting_flow import (
    VOTERS,
    click,
    goal_id,
    make_page,
    open_secret_vote,
    person_id,
    team,  # noqa: F401  (the fixture)
    vote,
)
from tests.helpers.gui import reopened
from tests.helpers.phones import Phone, all_off_thread, off_thread

CHURN, CSAT = "Lower monthly churn", "Raise CSAT after support calls"
NPS, TRIAL = "Raise NPS from 21 to 35", "Raise trial-to-paid conversion"
ON_PHONES = VOTERS[:4]
"""Ana, Ben, Chloe and Dev vote from their phones; Eva at the laptop."""


@pytest.fixture
def phones(qtbot, team: Session):  # type: ignore[no-untyped-def]  # noqa: F811
    bridge = PhonesBridge(team)
    bridge.start()
    yield bridge
    bridge.stop()


def base(bridge: PhonesBridge) -> str:
    return f"http://127.0.0.1:{bridge.server.port}/{bridge.server.key}/"


def go_to(session: Session, step: Step) -> None:
    """The facilitator moves the room to ``step`` (as the step bar does)."""
    session.store.update_details(session.workshop_id, current_step=step)
    session.announce()


def test_phones_join_propose_vote_change_and_run_off_while_the_window_runs(
    qtbot,
    phones: PhonesBridge,
    team: Session,  # noqa: F811
):
    page: PrioritiesPage = make_page(qtbot, team)
    devices = {name: Phone(base(phones)) for name in ON_PHONES}
    joined: list[bool] = []
    phones.sig_joined.connect(lambda: joined.append(True))

    # Join: each phone sees the workshop's names, picks its own, and is tied to it.
    first = off_thread(qtbot, devices["Ana Silva"].state)
    assert first["view"] == "join"
    assert [p["name"] for p in first["people"]] == list(VOTERS)
    answers = all_off_thread(qtbot, [lambda d=d, n=n: d.join(n) for n, d in devices.items()])
    assert [status for status, _ in answers] == [200] * 4
    assert [state["me"] for _, state in answers] == list(ON_PHONES)
    qtbot.waitUntil(lambda: len(joined) == 4)
    assert set(phones.server.joins.taken()) == {person_id(team, n) for n in ON_PHONES}
    # A second device cannot take a name that is taken; the list shows it as taken.
    stranger = Phone(base(phones))
    status, refusal = off_thread(qtbot, lambda: stranger.join("Ana Silva"))
    assert status == 409 and "taken" in refusal["error"]
    listed = {p["name"]: p["taken"] for p in off_thread(qtbot, stranger.state)["people"]}
    assert listed == {**dict.fromkeys(ON_PHONES, True), "Eva Novak": False}

    # Propose: during the Goals step the phones switch to the proposal form by themselves.
    assert off_thread(qtbot, devices["Ben Okafor"].state)["view"] == "screen"
    go_to(team, Step.GOALS)
    assert off_thread(qtbot, devices["Ben Okafor"].state)["view"] == "propose"
    sent = all_off_thread(
        qtbot,
        [
            lambda: devices["Ben Okafor"].request(
                "api/propose", {"pillar": "keep", "title": "Call back within an hour"}
            ),
            lambda: devices["Chloe Martin"].request(
                "api/propose",
                {
                    "pillar": "advocate",
                    "title": "Ask happy customers for reviews",
                    "metric": "Reviews",
                },
            ),
        ],
    )
    assert [status for status, _ in sent] == [200, 200]
    inbox = reopened(team).proposals
    assert sorted((p.title, p.metric, p.status) for p in inbox) == [
        ("Ask happy customers for reviews", "Reviews", ProposalStatus.NEW),
        ("Call back within an hour", "", ProposalStatus.NEW),
    ]
    assert {p.participant_id for p in inbox} == {
        person_id(team, "Ben Okafor"),
        person_id(team, "Chloe Martin"),
    }
    assert team.undo_stack.count() == 0, "a phone's proposal is not the facilitator's undo step"

    # Vote: the facilitator opens a secret ballot at the laptop; the phones follow.
    go_to(team, Step.PRIORITIES)
    main_id = open_secret_vote(qtbot, page, extra_dots=1)  # 2 dots, at most 2 on one goal
    shown = off_thread(qtbot, devices["Dev Patel"].state)
    assert shown["view"] == "ballot"
    assert {k: shown["ballot"][k] for k in ("round", "runoff", "budget", "cap", "mine")} == {
        "round": main_id,
        "runoff": False,
        "budget": 2,
        "cap": 2,
        "mine": None,
    }
    assert [g["title"] for g in shown["ballot"]["goals"]] == [g.title for g in team.workshop.goals]
    ballots = {
        "Ana Silva": {CHURN: 2},
        "Ben Okafor": {CSAT: 2},
        "Chloe Martin": {CHURN: 1, NPS: 1},
        "Dev Patel": {CSAT: 1, NPS: 1},
    }
    told = all_off_thread(qtbot, [lambda d=devices[n], b=b: d.vote(b) for n, b in ballots.items()])
    assert [status for status, _ in told] == [200] * 4
    qtbot.waitUntil(lambda: page.round_view.progress.text() == "4 of 5 have voted")
    # Ana changes her mind while the round is open; the phone shows her new ballot.
    status, after = off_thread(qtbot, lambda: devices["Ana Silva"].vote({CHURN: 1, CSAT: 1}))
    assert status == 200
    assert after["ballot"]["mine"] == {goal_id(team, CHURN): 1, goal_id(team, CSAT): 1}
    ballots["Ana Silva"] = {CHURN: 1, CSAT: 1}
    # Eva votes at the laptop, in the same round.
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Eva Novak", [TRIAL, TRIAL])
    click(qtbot, page.pass_card.done_button)
    assert page.round_view.progress.text() == "5 of 5 have voted"

    # The window shows who voted, never how; each phone sees its own ballot and no totals.
    status_model = page.voters_model
    rows = [
        [status_model.index(r, c).data() for c in range(status_model.columnCount())]
        for r in range(status_model.rowCount())
    ]
    assert rows == [[name, VOTED_TEXT] for name in VOTERS]
    for name in ON_PHONES:
        state = off_thread(qtbot, devices[name].state)
        mine = {goal_id(team, t): n for t, n in ballots[name].items()}
        assert state["ballot"]["mine"] == mine
        assert set(state["ballot"]) == {"round", "runoff", "budget", "cap", "goals", "mine"}
        assert all(set(g) == {"id", "pillar", "title"} for g in state["ballot"]["goals"])
    # A second connection to the file holds exactly what each phone was told.
    saved = reopened(team).rounds[0].ballots
    for name in ON_PHONES:
        told_now = off_thread(qtbot, devices[name].state)["ballot"]["mine"]
        assert saved[person_id(team, name)] == told_now
    assert saved[person_id(team, "Eva Novak")] == {goal_id(team, TRIAL): 2}

    # Close and reveal at the laptop: the phones stop showing the ballot.
    click(qtbot, page.round_view.close_button)
    assert off_thread(qtbot, devices["Ana Silva"].state)["view"] == "screen"
    late = {"round": main_id, "dots": {goal_id(team, CHURN): 1}}
    status, closed = off_thread(qtbot, lambda: devices["Ana Silva"].request("api/vote", late))
    assert status == 409 and closed["error"] == "Voting on this ballot has closed."
    click(qtbot, page.round_view.reveal_button)
    # churn 2, csat 4, nps 2, trial 2: a three-way tie for second goes to a run-off.
    tie = next(b for b in page.round_view.tie_boxes if b.isVisible())
    assert set(tie.goal_ids) == {goal_id(team, t) for t in (CHURN, NPS, TRIAL)}
    click(qtbot, tie.runoff_button)
    click(qtbot, page.setup.open_button)
    runoff = page.current_round()
    assert runoff.runoff_of == main_id

    on_phone = off_thread(qtbot, devices["Chloe Martin"].state)["ballot"]
    assert on_phone["runoff"] is True and on_phone["round"] == runoff.id
    assert {g["title"] for g in on_phone["goals"]} == {CHURN, NPS, TRIAL}
    picks = {"Ana Silva": CHURN, "Ben Okafor": CHURN, "Chloe Martin": NPS, "Dev Patel": CHURN}
    told = all_off_thread(
        qtbot, [lambda d=devices[n], t=t: d.vote({t: 1}) for n, t in picks.items()]
    )
    assert [status for status, _ in told] == [200] * 4
    click(qtbot, page.round_view.next_button)
    vote(qtbot, page, "Eva Novak", [TRIAL])
    click(qtbot, page.pass_card.done_button)
    click(qtbot, page.round_view.close_button)
    click(qtbot, page.round_view.reveal_button)
    assert page.face is Face.ROUND

    fresh = reopened(team)
    order = voting.final_order(fresh)
    titles = {g.id: g.title for g in fresh.goals}
    assert [(titles[p.goal_id], p.rank, p.settled_by) for p in order][:2] == [
        (CSAT, 1, None),
        (CHURN, 2, TieBreak.RUNOFF),
    ]
    assert fresh.rounds[1].ballots[person_id(team, "Dev Patel")] == {goal_id(team, CHURN): 1}
    # Nothing a phone was ever shown names another person's ballot or a total.
    final = json.dumps(off_thread(qtbot, devices["Ben Okafor"].state))
    assert "dots" not in final and "Eva" not in final.replace("Eva Novak", "")


def test_a_freed_name_can_be_taken_by_another_phone(qtbot, phones: PhonesBridge, team: Session):  # noqa: F811
    mistaken, right = Phone(base(phones)), Phone(base(phones))
    assert off_thread(qtbot, lambda: mistaken.join("Dev Patel"))[0] == 200
    assert off_thread(qtbot, lambda: right.join("Dev Patel"))[0] == 409
    assert phones.free(person_id(team, "Dev Patel"))
    assert off_thread(qtbot, mistaken.state)["view"] == "join"
    status, state = off_thread(qtbot, lambda: right.join("Dev Patel"))
    assert status == 200 and state["me"] == "Dev Patel"


def test_phones_stop_answering_when_turned_off(qtbot, team: Session):  # noqa: F811
    bridge = PhonesBridge(team)
    bridge.start()
    phone = Phone(base(bridge))
    assert off_thread(qtbot, phone.state)["view"] == "join"
    bridge.stop()
    with pytest.raises(OSError):
        phone.request("api/state")
