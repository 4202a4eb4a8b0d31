"""A scripted sequence of edits, for the crash tests to run in a child process and kill.

Run as ``python -m tests.helpers.crash_writer DB``: it makes the edits of
:func:`script` one by one on the store at DB and prints the number of each
edit the store has acknowledged (committed and returned), flushed at once.
Every id is fixed, so the same script run in the test's own process gives
the state after each edit to compare a killed child's file with.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from cxworkshop.domain import editing
from cxworkshop.domain.model import (
    Assignee,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    Step,
    VotingMode,
)
from cxworkshop.storage.store import Store

TEMPLATE_ID = 1


def template(store: Store) -> int:
    """The workshop each run starts from (by duplicating it): a team, goals, no votes."""
    ws = editing.new_workshop("Crash-test template", organisation="Northwind")
    for fid, name, front in (("f-exec", "Executive", True), ("f-ops", "Operations", False)):
        editing.add_function(ws, Function(name, customer_facing=front, id=fid))
    for pid, name, fid in (("p-ana", "Ana", "f-exec"), ("p-ben", "Ben", "f-ops")):
        editing.add_participant(ws, Participant(name, fid, id=pid))
    for gid, pillar, title in (
        ("g-conv", Pillar.WIN, "Raise conversion"),
        ("g-churn", Pillar.KEEP, "Cut churn"),
        ("g-nps", Pillar.ADVOCATE, "Raise NPS"),
    ):
        editing.add_goal(ws, Goal(pillar, title, id=gid))
    created = store.create_workshop(ws)
    assert created.id == TEMPLATE_ID
    return created.id


Edit = Callable[[], object]


def script(store: Store) -> list[Edit]:
    """The edits, each one store operation (one transaction), in order."""
    c = SimpleNamespace()

    def w() -> int:
        return int(c.id)

    def start() -> None:
        c.id = store.duplicate_workshop(TEMPLATE_ID, title="A run of edits").id

    def remove_and_keep(goal_id: str) -> Edit:
        return lambda: setattr(c, "removal", store.remove_goal(w(), goal_id))

    edits: list[Edit] = [
        start,
        lambda: store.update_details(
            w(), vision="Every customer feels known.", sponsor_name="Dana"
        ),
        lambda: store.add_function(w(), Function("Marketing", id="f-mkt")),
        lambda: store.add_participant(w(), Participant("Chloe", "f-mkt", "CMO", id="p-chloe")),
        lambda: store.add_goal(w(), Goal(Pillar.WIN, "Cut acquisition cost", id="g-cac"), 0),
        lambda: store.update_goal(w(), "g-churn", metric="Monthly churn", target="2%"),
        lambda: store.move_goal(w(), "g-nps", Pillar.KEEP, 0),
        lambda: store.assign(w(), "g-conv", Assignee.function("f-exec"), Role.ACCOUNTABLE),
        lambda: store.assign(w(), "g-conv", Assignee.participant("p-chloe"), Role.RESPONSIBLE),
        lambda: store.assign(w(), "g-churn", Assignee.participant("p-ana"), Role.ACCOUNTABLE),
        lambda: store.assign(w(), "g-churn", Assignee.function("f-ops"), Role.RESPONSIBLE),
        lambda: store.assign(w(), "g-conv", Assignee.participant("p-ben"), Role.ACCOUNTABLE),
        lambda: store.add_principle(w(), Principle("We act on complaints first", id="pr-1")),
        lambda: store.update_principle(w(), "pr-1", committed=True),
        lambda: store.move_function(w(), "f-mkt", 0),
        lambda: store.update_participant(w(), "p-ben", role_title="COO"),
        lambda: store.open_round(
            w(),
            goal_ids=["g-conv", "g-churn", "g-nps", "g-cac"],
            dots_per_voter=3,
            max_per_goal=2,
            round_id="r-1",
        ),
        lambda: store.cast_ballot(w(), "r-1", "p-ana", {"g-conv": 2, "g-nps": 1}),
        lambda: store.cast_ballot(w(), "r-1", "p-ben", {"g-churn": 2, "g-conv": 1}),
        lambda: store.cast_ballot(w(), "r-1", "p-chloe", {"g-cac": 1}),
        lambda: store.withdraw_ballot(w(), "r-1", "p-chloe"),
        remove_and_keep("g-cac"),
        lambda: store.restore(w(), c.removal),
        lambda: store.cast_ballot(w(), "r-1", "p-chloe", {"g-cac": 2, "g-nps": 1}),
        lambda: store.close_round(w(), "r-1"),
        lambda: store.set_revealed(w(), "r-1", True),
        lambda: store.record_decision(w(), "r-1", ["g-conv", "g-churn"], "Sponsor's call"),
        lambda: store.add_commitment(w(), Commitment("Share the charter", "Dana", id="c-1")),
        lambda: store.open_round(
            w(),
            goal_ids=["g-conv", "g-churn"],
            dots_per_voter=5,
            max_per_goal=5,
            mode=VotingMode.TALLY,
            round_id="r-2",
        ),
        lambda: store.set_tally(w(), "r-2", "g-conv", 11),
        lambda: store.set_tally(w(), "r-2", "g-churn", 7),
        lambda: store.remove_participant(w(), "p-ben"),
        lambda: setattr(c, "copy", store.duplicate_workshop(w(), title="A copy to delete")),
        lambda: store.delete_workshop(c.copy.id),
        lambda: store.update_details(w(), current_step=Step.CHARTER),
    ]
    return edits


def main(argv: list[str]) -> int:
    store = Store(Path(argv[0]))
    for number, edit in enumerate(script(store), start=1):
        edit()
        # Printed only once the store has returned: the edit is acknowledged.
        sys.stdout.write(f"{number}\n")
        sys.stdout.flush()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
