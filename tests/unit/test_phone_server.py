"""The phones' server on its own: a write the window does not take in time is not lost silently.

Each test runs twice: against the server in this process, and against the
server in a process of its own as the app runs it, where whether a write may
still be cancelled is settled across the pipe.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from typing import Any

import pytest

from cxworkshop.domain import editing
from cxworkshop.domain.model import VotingMode
from cxworkshop.phones.process import PhoneProcess
from cxworkshop.phones.room import snapshot
from cxworkshop.phones.server import PhoneServer
from tests.helpers.builders import small_workshop
from tests.helpers.phones import Phone


@pytest.fixture(params=["in this process", "in a process of its own"])
def waiting(request):  # type: ignore[no-untyped-def]
    """A server whose window never answers (its futures stay pending), on a secret ballot."""
    ws = small_workshop()
    ws.id = 7
    r = editing.open_round(
        ws,
        goal_ids=[g.id for g in ws.goals],
        dots_per_voter=2,
        max_per_goal=1,
        mode=VotingMode.SECRET,
    )
    handed: list[Future[str]] = []

    def write(what: str, participant_id: str, values: dict[str, Any]) -> Future[str]:
        outcome: Future[str] = Future()
        handed.append(outcome)
        return outcome

    seconds = request.node.get_closest_marker("write_seconds")
    write_seconds = seconds.args[0] if seconds else 0.3
    server: Any
    if request.param == "in this process":
        server = PhoneServer(write, write_seconds=write_seconds)
    else:
        server = PhoneProcess(write, write_seconds=write_seconds)
    server.write_seconds = write_seconds
    server.publish(snapshot(ws))
    server.start()
    yield server, ws, r, handed
    server.stop()


def test_a_write_the_window_does_not_take_in_time_asks_the_phone_to_try_again(waiting):
    server, ws, r, handed = waiting
    phone = Phone(f"http://127.0.0.1:{server.port}{server.path()}")
    assert phone.join(ws.participants[0].name)[0] == 200
    status, answer = phone.request("api/vote", {"round": r.id, "dots": {ws.goals[0].id: 1}})
    assert status == 503 and answer == {"error": "The laptop is busy; please try again."}
    # The window will not run it late: the phone was told it did not happen.
    assert len(handed) == 1 and handed[0].cancelled()


@pytest.mark.write_seconds(5.0)
def test_a_write_cancelled_as_phones_are_turned_off_is_answered_too(waiting):
    server, ws, r, handed = waiting
    phone = Phone(f"http://127.0.0.1:{server.port}{server.path()}")
    assert phone.join(ws.participants[1].name)[0] == 200

    def cancel_when_handed() -> None:
        while not handed:
            time.sleep(0.01)
        handed[0].cancel()

    canceller = threading.Thread(target=cancel_when_handed)
    canceller.start()
    status, _ = phone.request("api/vote", {"round": r.id, "dots": {ws.goals[0].id: 1}})
    canceller.join()
    assert status == 503


def test_a_write_already_being_saved_when_time_runs_out_reports_what_really_happened(waiting):
    server, ws, r, handed = waiting
    phone = Phone(f"http://127.0.0.1:{server.port}{server.path()}")
    assert phone.join(ws.participants[2].name)[0] == 200

    def save_slowly() -> None:
        while not handed:
            time.sleep(0.01)
        assert handed[0].set_running_or_notify_cancel()
        time.sleep(server.write_seconds * 1.5)
        handed[0].set_result("")

    saver = threading.Thread(target=save_slowly)
    saver.start()
    status, _ = phone.request("api/vote", {"round": r.id, "dots": {ws.goals[0].id: 1}})
    saver.join()
    assert status == 200, "saved, so the phone must not be told to try again"


@pytest.mark.write_seconds(5.0)
def test_phones_turned_off_while_a_write_waits_tell_that_phone_to_try_again(waiting):
    server, ws, r, handed = waiting
    phone = Phone(f"http://127.0.0.1:{server.port}{server.path()}")
    assert phone.join(ws.participants[3].name)[0] == 200
    answers: list[Any] = []
    voting = threading.Thread(
        target=lambda: answers.append(
            phone.request("api/vote", {"round": r.id, "dots": {ws.goals[0].id: 1}})
        )
    )
    voting.start()
    while not handed:
        time.sleep(0.01)
    server.stop()
    for outcome in handed:
        outcome.cancel()
    voting.join(10)
    # An answer, not a dropped connection: the page can say what to do.
    assert answers == [(503, {"error": "The laptop is busy; please try again."})]
