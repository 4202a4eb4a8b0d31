"""A workshop's status: Draft while it is prepared, Running once the room works in it,
Done once the final charter goes out; only the facilitator ever moves it back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing
from cxworkshop.domain.model import Status
from cxworkshop.domain.progress import moves_forward, status_after_export, status_when_room_starts


def workshop_at(status: Status):  # type: ignore[no-untyped-def]
    return editing.new_workshop("Spring CX workshop", status=status)


def test_a_draft_starts_running_when_the_room_starts() -> None:
    assert status_when_room_starts(workshop_at(Status.DRAFT)) is Status.RUNNING


def test_the_room_starting_again_changes_nothing() -> None:
    assert status_when_room_starts(workshop_at(Status.RUNNING)) is None
    assert status_when_room_starts(workshop_at(Status.DONE)) is None


def test_the_final_charter_makes_a_workshop_done() -> None:
    assert status_after_export(workshop_at(Status.DRAFT), final=True) is Status.DONE
    assert status_after_export(workshop_at(Status.RUNNING), final=True) is Status.DONE
    assert status_after_export(workshop_at(Status.DONE), final=True) is None


def test_a_draft_charter_changes_nothing() -> None:
    for status in Status:
        assert status_after_export(workshop_at(status), final=False) is None


@given(st.sampled_from(Status), st.booleans(), st.booleans())
def test_the_status_only_ever_moves_forward_on_its_own(
    status: Status, room_started: bool, final: bool
) -> None:
    ws = workshop_at(status)
    new = status_when_room_starts(ws) if room_started else status_after_export(ws, final=final)
    if new is not None:
        assert moves_forward(status, new)
        editing.update_details(ws, status=new)
    # Applying the same trigger again is never a second change.
    again = status_when_room_starts(ws) if room_started else status_after_export(ws, final=final)
    assert again is None


@given(st.sampled_from(Status), st.sampled_from(Status))
def test_moving_forward_is_the_order_draft_running_done(old: Status, new: Status) -> None:
    order = [Status.DRAFT, Status.RUNNING, Status.DONE]
    assert moves_forward(old, new) == (order.index(new) > order.index(old))
    assert not (moves_forward(old, new) and moves_forward(new, old))
