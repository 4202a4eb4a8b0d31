"""Accountability checks: what a facilitator should look at before the charter is signed.

The checks read a workshop and never change it. Each problem becomes a
:class:`Finding` with a plain sentence the facilitator can read out to the room.

A participant brings their function to the goal: when a person takes a role,
their function counts as involved for the silo and back-office checks. The
bottleneck check, by contrast, counts only the Accountables an assignee holds
in their own name, because it is the named person or team that the decisions
queue behind.

Assignments that point at a goal, function or participant no longer in the
workshop are ignored, so a half-imported file is checked without crashing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from .model import (
    Assignee,
    AssigneeKind,
    Assignment,
    Function,
    Goal,
    Participant,
    Pillar,
    Role,
    Workshop,
)


class Severity(StrEnum):
    """How much a finding matters: errors break the rules, warnings invite a second look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self]

    @property
    def order(self) -> int:
        """Position when findings are listed: errors first, notes last."""
        return _SEVERITY_ORDER[self]


_SEVERITY_LABELS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
_SEVERITY_ORDER = {s: i for i, s in enumerate(Severity)}

NO_ACCOUNTABLE = "no-accountable"
SEVERAL_ACCOUNTABLE = "several-accountable"
NO_RESPONSIBLE = "no-responsible"
SILO = "silo"
BOTTLENECK = "bottleneck"
MANY_CONSULTED = "many-consulted"
MANY_INFORMED = "many-informed"
EMPTY_PILLAR = "empty-pillar"
NO_BACK_OFFICE = "no-back-office"

CODES = (
    NO_ACCOUNTABLE,
    SEVERAL_ACCOUNTABLE,
    NO_RESPONSIBLE,
    SILO,
    BOTTLENECK,
    MANY_CONSULTED,
    MANY_INFORMED,
    EMPTY_PILLAR,
    NO_BACK_OFFICE,
)
"""Every code :func:`check` can report; stable, so storage and the GUI may rely on them."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the checks noticed, with the goals and assignees it concerns."""

    severity: Severity
    code: str
    message: str
    goal_ids: tuple[str, ...] = ()
    assignees: tuple[Assignee, ...] = ()


@dataclass(frozen=True, slots=True)
class Limits:
    """Where "a few" becomes "too many"; a count above a limit earns a warning."""

    max_accountable_per_assignee: int = 3
    max_consulted: int = 3
    max_informed: int = 5


@dataclass(frozen=True, slots=True)
class RoleCounts:
    """How many of each RACI role someone holds, counted per assignment."""

    accountable: int = 0
    responsible: int = 0
    consulted: int = 0
    informed: int = 0

    def of(self, role: Role) -> int:
        return {
            Role.ACCOUNTABLE: self.accountable,
            Role.RESPONSIBLE: self.responsible,
            Role.CONSULTED: self.consulted,
            Role.INFORMED: self.informed,
        }[role]

    @property
    def total(self) -> int:
        return self.accountable + self.responsible + self.consulted + self.informed

    @classmethod
    def of_roles(cls, roles: Iterable[Role]) -> RoleCounts:
        roles = list(roles)
        return cls(
            accountable=roles.count(Role.ACCOUNTABLE),
            responsible=roles.count(Role.RESPONSIBLE),
            consulted=roles.count(Role.CONSULTED),
            informed=roles.count(Role.INFORMED),
        )


@dataclass(frozen=True, slots=True)
class Coverage:
    """What one function takes on across the goals.

    ``direct`` counts the roles given to the function itself; ``total`` adds
    the roles of its participants. A goal where both the function and one of
    its people hold a role counts twice in ``total`` but once in ``goals``,
    the number of distinct goals the function takes part in.
    """

    function_id: str
    name: str
    customer_facing: bool
    direct: RoleCounts
    total: RoleCounts
    goals: int
    is_silo: bool
    is_bottleneck: bool


# ----------------------------------------------------------------- the check


class _Board:
    """The workshop as the checks see it: valid assignments only, indexed."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws
        self.functions: dict[str, Function] = {f.id: f for f in ws.functions}
        self.participants: dict[str, Participant] = {p.id: p for p in ws.participants}
        self.goals: dict[str, Goal] = {g.id: g for g in ws.goals}
        self.assignments: list[Assignment] = [
            a for a in ws.assignments if a.goal_id in self.goals and self.exists(a.assignee)
        ]
        # Indexes, so a workshop of hundreds of goals is checked in linear time.
        self._holders: dict[tuple[str, Role], list[Assignee]] = {}
        self._accountable: dict[Assignee, set[str]] = {}
        for a in self.assignments:
            self._holders.setdefault((a.goal_id, a.role), []).append(a.assignee)
            if a.role is Role.ACCOUNTABLE:
                self._accountable.setdefault(a.assignee, set()).add(a.goal_id)
        self._board_order = [g.id for _, column in self.columns() for g in column]

    def exists(self, who: Assignee) -> bool:
        if who.kind is AssigneeKind.FUNCTION:
            return who.id in self.functions
        return who.id in self.participants

    def name(self, who: Assignee) -> str:
        if who.kind is AssigneeKind.FUNCTION:
            return self.functions[who.id].name
        return self.participants[who.id].name

    def function_of(self, who: Assignee) -> str | None:
        """The function an assignee brings to a goal, if it is still in the workshop."""
        if who.kind is AssigneeKind.FUNCTION:
            return who.id
        function_id = self.participants[who.id].function_id
        return function_id if function_id in self.functions else None

    def columns(self) -> Iterator[tuple[Pillar, list[Goal]]]:
        for pillar in Pillar:
            yield pillar, [g for g in self.ws.goals if g.pillar is pillar]

    def holders(self, goal_id: str, role: Role) -> list[Assignee]:
        return list(self._holders.get((goal_id, role), ()))

    def accountable_for(self, who: Assignee) -> list[str]:
        """Goals ``who`` is Accountable for in their own name, in board order."""
        held = self._accountable.get(who)
        if not held:
            return []
        return [goal_id for goal_id in self._board_order if goal_id in held]

    def involved_functions(self) -> set[str]:
        found = (self.function_of(a.assignee) for a in self.assignments)
        return {f for f in found if f is not None}


def _quoted(goal: Goal) -> str:
    return f"“{goal.title}”"


def _names(board: _Board, people: list[Assignee]) -> str:
    names = [board.name(p) for p in people]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _goal_findings(board: _Board, goal: Goal, limits: Limits) -> Iterator[Finding]:
    ids = (goal.id,)
    accountable = board.holders(goal.id, Role.ACCOUNTABLE)
    if not accountable:
        yield Finding(
            Severity.ERROR,
            NO_ACCOUNTABLE,
            f"Nobody is accountable for {_quoted(goal)}; "
            "name the one person or function who answers for it.",
            ids,
        )
    elif len(accountable) > 1:
        yield Finding(
            Severity.ERROR,
            SEVERAL_ACCOUNTABLE,
            f"{_quoted(goal)} has {len(accountable)} Accountables "
            f"({_names(board, accountable)}); keep one, so it is clear who answers for it.",
            ids,
            tuple(accountable),
        )
    if not board.holders(goal.id, Role.RESPONSIBLE):
        yield Finding(
            Severity.ERROR,
            NO_RESPONSIBLE,
            f"Nobody is responsible for the work on {_quoted(goal)}; "
            "give it at least one Responsible.",
            ids,
        )
    consulted = board.holders(goal.id, Role.CONSULTED)
    if len(consulted) > limits.max_consulted:
        yield Finding(
            Severity.WARNING,
            MANY_CONSULTED,
            f"{_quoted(goal)} has {len(consulted)} to consult before each decision; "
            f"more than {limits.max_consulted} tends to slow it down.",
            ids,
            tuple(consulted),
        )
    informed = board.holders(goal.id, Role.INFORMED)
    if len(informed) > limits.max_informed:
        yield Finding(
            Severity.WARNING,
            MANY_INFORMED,
            f"{_quoted(goal)} keeps {len(informed)} informed; "
            f"more than {limits.max_informed} makes every update a broadcast, "
            "so check who really needs it.",
            ids,
            tuple(informed),
        )


def _empty_pillar(pillar: Pillar) -> Finding:
    return Finding(
        Severity.WARNING,
        EMPTY_PILLAR,
        f"The {pillar.label} pillar has no goal yet "
        f"({pillar.meaning[0].lower()}{pillar.meaning[1:]}); add one or agree to leave it out.",
    )


def _bottleneck(board: _Board, who: Assignee, limits: Limits) -> Finding | None:
    goal_ids = board.accountable_for(who)
    if len(goal_ids) <= limits.max_accountable_per_assignee:
        return None
    return Finding(
        Severity.WARNING,
        BOTTLENECK,
        f"{board.name(who)} is accountable for {len(goal_ids)} goals; "
        f"with more than {limits.max_accountable_per_assignee}, decisions may queue up "
        "waiting for them.",
        tuple(goal_ids),
        (who,),
    )


def _silo(function: Function) -> Finding:
    return Finding(
        Severity.WARNING,
        SILO,
        f"{function.name} takes no part in any goal; "
        "see whether it should do, advise on, or hear about one of them.",
        (),
        (Assignee.function(function.id),),
    )


def _back_office(board: _Board) -> Finding | None:
    if not board.assignments:
        return None
    back_office = [f for f in board.ws.functions if not f.customer_facing]
    if not back_office:
        return Finding(
            Severity.INFO,
            NO_BACK_OFFICE,
            "No back-office function sits at the table; billing, delivery and hiring "
            "shape the customer's experience too.",
        )
    involved = board.involved_functions()
    if any(f.id in involved for f in back_office):
        return None
    return Finding(
        Severity.INFO,
        NO_BACK_OFFICE,
        "No back-office function holds a role on any goal; billing, delivery and hiring "
        "shape the customer's experience too.",
        (),
        tuple(Assignee.function(f.id) for f in back_office),
    )


def check(ws: Workshop, limits: Limits = Limits()) -> list[Finding]:
    """Everything worth a second look, errors first, then warnings, then notes.

    Within a severity, findings follow the board: pillar by pillar and goal by
    goal down each column, then functions in table order, then participants.
    """
    return _check(_Board(ws), limits)


def _check(board: _Board, limits: Limits) -> list[Finding]:
    ws = board.ws
    found: list[Finding] = []
    for pillar, column in board.columns():
        if not column:
            found.append(_empty_pillar(pillar))
        for goal in column:
            found.extend(_goal_findings(board, goal, limits))
    involved = board.involved_functions()
    for function in ws.functions:
        bottleneck = _bottleneck(board, Assignee.function(function.id), limits)
        if bottleneck is not None:
            found.append(bottleneck)
        if ws.goals and function.id not in involved:
            found.append(_silo(function))
    for person in ws.participants:
        bottleneck = _bottleneck(board, Assignee.participant(person.id), limits)
        if bottleneck is not None:
            found.append(bottleneck)
    back_office = _back_office(board)
    if back_office is not None:
        found.append(back_office)
    # sorted() is stable, so the board order survives within each severity.
    return sorted(found, key=lambda f: f.severity.order)


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, every severity present (zero included)."""
    tally = dict.fromkeys(Severity, 0)
    for finding in findings:
        tally[finding.severity] += 1
    return tally


def coverage(ws: Workshop, limits: Limits = Limits()) -> list[Coverage]:
    """What each function takes on, in table order, directly and through its people."""
    return _coverage(_Board(ws), limits)


def check_with_coverage(
    ws: Workshop, limits: Limits = Limits()
) -> tuple[list[Finding], list[Coverage]]:
    """:func:`check` and :func:`coverage` together, reading the board once (after every edit)."""
    board = _Board(ws)
    return _check(board, limits), _coverage(board, limits)


def _coverage(board: _Board, limits: Limits) -> list[Coverage]:
    ws = board.ws
    # Each assignment sorted once by the function it counts for: linear in the board's size.
    by_function: dict[str | None, list[Assignment]] = {}
    for a in board.assignments:
        by_function.setdefault(board.function_of(a.assignee), []).append(a)
    out: list[Coverage] = []
    for function in ws.functions:
        own = Assignee.function(function.id)
        through = by_function.get(function.id, [])
        direct = [a for a in through if a.assignee == own]
        goals = {a.goal_id for a in through}
        out.append(
            Coverage(
                function_id=function.id,
                name=function.name,
                customer_facing=function.customer_facing,
                direct=RoleCounts.of_roles(a.role for a in direct),
                total=RoleCounts.of_roles(a.role for a in through),
                goals=len(goals),
                is_silo=bool(ws.goals) and not goals,
                is_bottleneck=_bottleneck(board, own, limits) is not None,
            )
        )
    return out
