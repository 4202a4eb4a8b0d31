"""The workshop's vocabulary: pillars, functions, people, goals, RACI roles, voting rounds."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import StrEnum


class Pillar(StrEnum):
    """The three outcomes every CX goal serves."""

    WIN = "win"
    KEEP = "keep"
    ADVOCATE = "advocate"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        return _PILLAR_MEANINGS[self]


_PILLAR_MEANINGS = {
    Pillar.WIN: "Attract and convert new customers",
    Pillar.KEEP: "Keep customers happy so they stay and grow",
    Pillar.ADVOCATE: "Turn customers into advocates who bring others",
}


class Role(StrEnum):
    """RACI: who answers for a goal, does the work, is asked, or is told."""

    ACCOUNTABLE = "A"
    RESPONSIBLE = "R"
    CONSULTED = "C"
    INFORMED = "I"

    @property
    def label(self) -> str:
        return self.name.capitalize()


class Status(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    DONE = "done"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Step(StrEnum):
    """The workshop's steps, in the order the room walks them."""

    SETUP = "setup"
    VISION = "vision"
    GOALS = "goals"
    ACCOUNTABILITY = "accountability"
    PRIORITIES = "priorities"
    CHARTER = "charter"

    @property
    def label(self) -> str:
        return "Set up" if self is Step.SETUP else self.value.capitalize()


DEFAULT_TIMEBOXES = {
    Step.SETUP: 10,
    Step.VISION: 20,
    Step.GOALS: 40,
    Step.ACCOUNTABILITY: 45,
    Step.PRIORITIES: 30,
    Step.CHARTER: 20,
}
"""Minutes planned for each step of a new workshop: about two and three-quarter hours."""


def default_timeboxes() -> dict[Step, int]:
    """A fresh copy of :data:`DEFAULT_TIMEBOXES`, one entry per step in step order."""
    return {step: DEFAULT_TIMEBOXES[step] for step in Step}


class VotingMode(StrEnum):
    SECRET = "secret"
    TALLY = "tally"

    @property
    def label(self) -> str:
        return "Secret ballot" if self is VotingMode.SECRET else "Room tally"


class AssigneeKind(StrEnum):
    FUNCTION = "function"
    PARTICIPANT = "participant"


class TieBreak(StrEnum):
    """How a tie among the top goals was settled."""

    RUNOFF = "runoff"
    SPONSOR = "sponsor"


def new_id() -> str:
    """A short random identifier, unique within a workshop: 48 random bits, as hex."""
    return os.urandom(6).hex()


@dataclass(frozen=True, slots=True)
class Assignee:
    """A reference to whoever takes a RACI role: a function or a participant."""

    kind: AssigneeKind
    id: str

    @classmethod
    def function(cls, function_id: str) -> Assignee:
        return cls(AssigneeKind.FUNCTION, function_id)

    @classmethod
    def participant(cls, participant_id: str) -> Assignee:
        return cls(AssigneeKind.PARTICIPANT, participant_id)


@dataclass(slots=True)
class Function:
    """A function at the table (Marketing, IT, ...), front office or back office."""

    name: str
    customer_facing: bool = True
    colour: str = "#4C78A8"
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Participant:
    """A person in the room."""

    name: str
    function_id: str | None = None
    role_title: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Goal:
    """A CX goal under one pillar, with the measure that makes it more than a wish."""

    pillar: Pillar
    title: str
    description: str = ""
    metric: str = ""
    baseline: str = ""
    target: str = ""
    due: str = ""
    id: str = field(default_factory=new_id)


GOAL_DETAIL_FIELDS = ("title", "description", "metric", "baseline", "target", "due")


@dataclass(frozen=True, slots=True)
class Assignment:
    """One RACI role held by one assignee on one goal."""

    goal_id: str
    assignee: Assignee
    role: Role


@dataclass(slots=True)
class Principle:
    """A principle the team may commit to; ``custom`` ones were written in the room."""

    text: str
    committed: bool = False
    custom: bool = False
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Commitment:
    """A next step the team commits to: what, who, by when."""

    text: str
    owner: str = ""
    due: str = ""
    id: str = field(default_factory=new_id)


class AskKind(StrEnum):
    """What the team needs from the sponsor."""

    DECISION = "decision"
    BUDGET = "budget"
    PEOPLE = "people"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(slots=True)
class Ask:
    """Something the team asks of the sponsor: a decision, budget or people, and by when.

    ``due`` is written as the room says it, like a commitment's: a date or "before launch".
    """

    text: str
    kind: AskKind = AskKind.DECISION
    due: str = ""
    id: str = field(default_factory=new_id)


class ProposalStatus(StrEnum):
    """What the facilitator did with a goal proposed from a phone."""

    NEW = "new"
    ACCEPTED = "accepted"
    MERGED = "merged"
    SET_ASIDE = "set_aside"

    @property
    def label(self) -> str:
        return "Set aside" if self is ProposalStatus.SET_ASIDE else self.value.capitalize()


@dataclass(slots=True)
class Proposal:
    """A goal someone proposed from their phone, waiting in the facilitator's inbox.

    ``participant_id`` says who sent it, for the facilitator's bookkeeping only:
    nothing the room sees names the sender. ``goal_id`` is the card it became
    (accepted) or was merged into (merged).
    """

    pillar: Pillar
    title: str
    metric: str = ""
    participant_id: str | None = None
    status: ProposalStatus = ProposalStatus.NEW
    goal_id: str | None = None
    id: str = field(default_factory=new_id)


class Cadence(StrEnum):
    """How often progress is reviewed after the next review."""

    MONTHLY = "monthly"
    SIX_WEEKLY = "six_weekly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        """'Every six weeks', as a choice in a list."""
        return self.phrase[0].upper() + self.phrase[1:]

    @property
    def phrase(self) -> str:
        """'every six weeks', as it reads in a sentence."""
        return _CADENCE_PHRASES[self]


_CADENCE_PHRASES = {
    Cadence.MONTHLY: "monthly",
    Cadence.SIX_WEEKLY: "every six weeks",
    Cadence.QUARTERLY: "quarterly",
    Cadence.HALF_YEARLY: "every six months",
    Cadence.YEARLY: "yearly",
}


class ReviewStatus(StrEnum):
    """How a goal stands at a progress review, said with a word and a symbol."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"

    @property
    def label(self) -> str:
        return _REVIEW_STATUS_LABELS[self]

    @property
    def symbol(self) -> str:
        """A mark that tells the statuses apart without colour."""
        return _REVIEW_STATUS_SYMBOLS[self]


_REVIEW_STATUS_LABELS = {
    ReviewStatus.ON_TRACK: "On track",
    ReviewStatus.AT_RISK: "At risk",
    ReviewStatus.OFF_TRACK: "Off track",
}
_REVIEW_STATUS_SYMBOLS = {
    ReviewStatus.ON_TRACK: "✓",
    ReviewStatus.AT_RISK: "!",
    ReviewStatus.OFF_TRACK: "✗",
}


class ReviewDecision(StrEnum):
    """What the room decides for a goal at a review, applied to the next workshop."""

    KEEP = "keep"
    RETARGET = "retarget"
    REASSIGN = "reassign"
    DROP = "drop"

    @property
    def label(self) -> str:
        return _REVIEW_DECISION_LABELS[self]


_REVIEW_DECISION_LABELS = {
    ReviewDecision.KEEP: "Keep",
    ReviewDecision.RETARGET: "Change the target",
    ReviewDecision.REASSIGN: "Change who is accountable",
    ReviewDecision.DROP: "Drop",
}


@dataclass(slots=True)
class GoalReview:
    """One goal at one review: its latest reading, how it stands, and what the room decided.

    ``reading`` is the metric's value as written, like the baseline and target;
    ``new_target`` goes with :attr:`ReviewDecision.RETARGET` and ``new_accountable``
    with :attr:`ReviewDecision.REASSIGN`.
    """

    goal_id: str
    reading: str = ""
    read_on: dt.date | None = None
    status: ReviewStatus | None = None
    note: str = ""
    decision: ReviewDecision = ReviewDecision.KEEP
    new_target: str = ""
    new_accountable: Assignee | None = None


@dataclass(slots=True)
class Review:
    """A progress review of a workshop's goals, held on one day."""

    held_on: dt.date
    goals: list[GoalReview] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class VotingRound:
    """A round of dot voting on some of the goals.

    ``ballots`` maps voter id to {goal id: dots} (secret ballot mode);
    ``tallies`` maps goal id to dots counted off the wall (room tally mode).
    ``decision`` is the sponsor's order for goals that stayed tied.
    """

    number: int
    mode: VotingMode
    goal_ids: list[str]
    dots_per_voter: int
    max_per_goal: int
    voter_ids: list[str] = field(default_factory=list)
    is_open: bool = True
    revealed: bool = False
    runoff_of: str | None = None
    ballots: dict[str, dict[str, int]] = field(default_factory=dict)
    tallies: dict[str, int] = field(default_factory=dict)
    decision: list[str] = field(default_factory=list)
    decision_note: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_runoff(self) -> bool:
        return self.runoff_of is not None

    def voted(self) -> list[str]:
        """Voters who have confirmed a ballot, in voter order."""
        return [v for v in self.voter_ids if v in self.ballots]


@dataclass(slots=True)
class Workshop:
    """One workshop: its details and everything the room decided.

    Lists are kept in display order: ``goals`` in one list whose order within
    each pillar is the order of the cards in that pillar's column.
    """

    title: str
    organisation: str = ""
    date: dt.date | None = None
    facilitator: str = ""
    sponsor_name: str = ""
    sponsor_title: str = ""
    vision: str = ""
    review_date: dt.date | None = None
    status: Status = Status.DRAFT
    current_step: Step = Step.SETUP
    functions: list[Function] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    principles: list[Principle] = field(default_factory=list)
    rounds: list[VotingRound] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    agenda_start: dt.time | None = None
    """When the first step starts (hours and minutes); None: no clock times planned."""
    timeboxes: dict[Step, int] = field(default_factory=default_timeboxes)
    """Minutes planned for each step; every step has one."""
    time_spent: dict[Step, int] = field(default_factory=dict)
    """Seconds the room actually spent in each step, as the timer measured; 0 is left out."""
    reviews: list[Review] = field(default_factory=list)
    """Progress reviews held since the workshop, oldest first."""
    follows: int | None = None
    """The id of the workshop this one carries on from (last quarter's), if any."""
    review_cadence: Cadence | None = None
    """How often progress is reviewed after ``review_date``; None: not agreed."""
    signed_on: dt.date | None = None
    """When the sponsor signed the charter; None: not signed yet."""
    sign_by: dt.date | None = None
    """When the sponsor is to sign it by, while unsigned; None: no date agreed."""
    asks: list[Ask] = field(default_factory=list)
    """What the team asks of the sponsor, in the order the charter lists it."""
    proposals: list[Proposal] = field(default_factory=list)
    """Goals people proposed from their phones, in the order they arrived."""
    language: str = "en"
    """The workshop's language as a BCP 47 tag ("en-GB", "de"): the PDFs say it to readers."""
    id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
