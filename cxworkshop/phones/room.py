"""What the phones may see of a workshop, and which phone speaks for whom.

:func:`snapshot` turns the workshop into an immutable view that holds only
what a phone may be shown: the people's names, the current step, the open
ballot's goals and rules, each voter's own ballot (handed only to that voter),
and how many proposals arrived. Never another person's ballot, never totals,
nothing of any other workshop. The server answers every read from the latest
snapshot, so a read never waits for the window.

:class:`Joins` is the in-memory bookkeeping of which device token speaks for
which participant; it lives as long as phones are on.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..domain.errors import RuleError
from ..domain.model import Pillar, Step, VotingMode, VotingRound, Workshop

_EMPTY: Mapping[str, Mapping[str, int]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Ballot:
    """The open secret round as a phone sees it: its goals and rules, never its totals."""

    round_id: str
    runoff: bool
    dots_per_voter: int
    max_per_goal: int
    goals: tuple[tuple[str, str, str], ...]
    """(goal id, pillar, title) in ballot order."""
    voter_ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One moment of the room, already filtered for phones."""

    workshop_id: int
    title: str
    step: Step
    people: tuple[tuple[str, str], ...]
    """(participant id, name) in the workshop's order."""
    ballot: Ballot | None
    own_ballots: Mapping[str, Mapping[str, int]] = field(default_factory=lambda: _EMPTY)
    """Voter id -> their own confirmed ballot in the open round; each is handed only to them."""
    proposals_in: int = 0
    """How many goals were proposed from phones (never who sent them)."""

    def person(self, participant_id: str | None) -> str | None:
        """The name of a participant of this workshop, or None."""
        return next((name for pid, name in self.people if pid == participant_id), None)


def open_ballot(ws: Workshop) -> VotingRound | None:
    """The secret round phones vote in: the latest one open (a run-off opens after its round)."""
    rounds = [r for r in ws.rounds if r.is_open and r.mode is VotingMode.SECRET]
    return max(rounds, key=lambda r: r.number, default=None)


def snapshot(ws: Workshop) -> Snapshot:
    """The workshop as phones may see it."""
    titles = {g.id: (g.pillar.value, g.title) for g in ws.goals}
    r = open_ballot(ws)
    ballot = None
    own: Mapping[str, Mapping[str, int]] = _EMPTY
    if r is not None:
        ballot = Ballot(
            r.id,
            r.is_runoff,
            r.dots_per_voter,
            r.max_per_goal,
            tuple((gid, *titles[gid]) for gid in r.goal_ids if gid in titles),
            frozenset(r.voter_ids),
        )
        own = MappingProxyType({v: MappingProxyType(dict(b)) for v, b in r.ballots.items()})
    assert ws.id is not None
    return Snapshot(
        ws.id,
        ws.title,
        ws.current_step,
        tuple((p.id, p.name) for p in ws.participants),
        ballot,
        own,
        len(ws.proposals),
    )


def phone_state(
    room: Snapshot, participant_id: str | None, taken: frozenset[str]
) -> dict[str, Any]:
    """What one phone is shown: the JSON the page polls.

    ``participant_id`` is who the asking device speaks for (None: not joined);
    ``taken`` the names other devices hold, so the join list can grey them out.
    """
    state: dict[str, Any] = {"title": room.title, "step": room.step.label}
    name = room.person(participant_id)
    if name is None:
        state["view"] = "join"
        state["people"] = [{"id": pid, "name": n, "taken": pid in taken} for pid, n in room.people]
        return state
    state["me"] = name
    b = room.ballot
    if b is not None and participant_id in b.voter_ids:
        assert participant_id is not None
        mine = room.own_ballots.get(participant_id)
        state["view"] = "ballot"
        state["ballot"] = {
            "round": b.round_id,
            "runoff": b.runoff,
            "budget": b.dots_per_voter,
            "cap": b.max_per_goal,
            "goals": [{"id": gid, "pillar": p, "title": t} for gid, p, t in b.goals],
            "mine": dict(mine) if mine is not None else None,
        }
    elif room.step is Step.GOALS:
        state["view"] = "propose"
        state["pillars"] = [{"id": p.value, "name": p.label} for p in Pillar]
    else:
        state["view"] = "screen"
    return state


@dataclass(frozen=True, slots=True)
class Joined:
    """A phone that speaks for a participant, and the step the room was on when it joined."""

    participant_id: str
    step: Step


class Joins:
    """Which device token speaks for which participant; each name can be taken once.

    Safe to use from the server's threads and the window's at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_token: dict[str, Joined] = {}

    @staticmethod
    def new_token() -> str:
        """A device token: 128 random bits."""
        return secrets.token_urlsafe(16)

    def who(self, token: str | None) -> str | None:
        """The participant a device speaks for, or None."""
        if token is None:
            return None
        with self._lock:
            joined = self._by_token.get(token)
        return None if joined is None else joined.participant_id

    def claim(self, token: str, participant_id: str, step: Step) -> None:
        """Tie ``token`` to a participant; refused if another device holds the name."""
        with self._lock:
            for other, joined in self._by_token.items():
                if joined.participant_id == participant_id and other != token:
                    raise RuleError(
                        "That name is taken on another phone; ask the facilitator to free it."
                    )
            self._by_token[token] = Joined(participant_id, step)

    def free(self, participant_id: str) -> bool:
        """Let go of a name taken by mistake; the phone that held it has to join again."""
        with self._lock:
            tokens = [t for t, j in self._by_token.items() if j.participant_id == participant_id]
            for t in tokens:
                del self._by_token[t]
        return bool(tokens)

    def taken(self) -> frozenset[str]:
        with self._lock:
            return frozenset(j.participant_id for j in self._by_token.values())

    def joined(self) -> dict[str, Step]:
        """Participant id -> the step the room was on when their phone joined."""
        with self._lock:
            return {j.participant_id: j.step for j in self._by_token.values()}

    def forget_all(self) -> None:
        with self._lock:
            self._by_token.clear()
