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
from .wording import and_join, in_quotes


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
    """The workshop as the checks see it: valid assignments only, indexed.

    Every question the checks ask is answered from indexes built in one pass
    over the goals and one over the assignments, so checking a workshop takes
    time in proportion to its size, not to goals times assignees.
    """

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws
        self.functions: dict[str, Function] = {f.id: f for f in ws.functions}
        self.participants: dict[str, Participant] = {p.id: p for p in ws.participants}
        self.goals: dict[str, Goal] = {g.id: g for g in ws.goals}
        self.assignments: list[Assignment] = [
            a for a in ws.assignments if a.goal_id in self.goals and self.exists(a.assignee)
        ]
        self._columns: dict[Pillar, list[Goal]] = {pillar: [] for pillar in Pillar}
        for goal in ws.goals:
            self._columns[goal.pillar].append(goal)
        # By goal and role; by assignee; by the function an assignee brings.
        self._holders: dict[tuple[str, Role], list[Assignee]] = {}
        self._of_assignee: dict[Assignee, list[Assignment]] = {}
        self._through_function: dict[str, list[Assignment]] = {}
        for a in self.assignments:
            self._holders.setdefault((a.goal_id, a.role), []).append(a.assignee)
            self._of_assignee.setdefault(a.assignee, []).append(a)
            function_id = self.function_of(a.assignee)
            if function_id is not None:
                self._through_function.setdefault(function_id, []).append(a)
        # Goals each assignee is Accountable for in their own name, in board order.
        self._accountable: dict[Assignee, list[str]] = {}
        for _, column in self.columns():
            for goal in column:
                for who in dict.fromkeys(self._holders.get((goal.id, Role.ACCOUNTABLE), ())):
                    self._accountable.setdefault(who, []).append(goal.id)

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
            yield pillar, list(self._columns[pillar])

    def holders(self, goal_id: str, role: Role) -> list[Assignee]:
        return list(self._holders.get((goal_id, role), ()))

    def accountable_for(self, who: Assignee) -> list[str]:
        """Goals ``who`` is Accountable for in their own name, in board order."""
        return list(self._accountable.get(who, ()))

    def assignments_of(self, who: Assignee) -> list[Assignment]:
        """The roles ``who`` holds in their own name, in the workshop's order."""
        return list(self._of_assignee.get(who, ()))

    def assignments_through(self, function_id: str) -> list[Assignment]:
        """The roles a function holds, itself or through its people, in the workshop's order."""
        return list(self._through_function.get(function_id, ()))

    def involved_functions(self) -> set[str]:
        return set(self._through_function)


def _names(board: _Board, people: list[Assignee]) -> str:
    return and_join([board.name(p) for p in people])


def _goal_findings(board: _Board, goal: Goal, limits: Limits) -> Iterator[Finding]:
    ids = (goal.id,)
    accountable = board.holders(goal.id, Role.ACCOUNTABLE)
    if not accountable:
        yield Finding(
            Severity.ERROR,
            NO_ACCOUNTABLE,
            f"Nobody is accountable for {in_quotes(goal.title)}; "
            "name the one person or function who answers for it.",
            ids,
        )
    elif len(accountable) > 1:
        yield Finding(
            Severity.ERROR,
            SEVERAL_ACCOUNTABLE,
            f"{in_quotes(goal.title)} has {len(accountable)} Accountables "
            f"({_names(board, accountable)}); keep one, so it is clear who answers for it.",
            ids,
            tuple(accountable),
        )
    if not board.holders(goal.id, Role.RESPONSIBLE):
        yield Finding(
            Severity.ERROR,
            NO_RESPONSIBLE,
            f"Nobody is responsible for the work on {in_quotes(goal.title)}; "
            "give it at least one Responsible.",
            ids,
        )
    consulted = board.holders(goal.id, Role.CONSULTED)
    if len(consulted) > limits.max_consulted:
        yield Finding(
            Severity.WARNING,
            MANY_CONSULTED,
            f"{in_quotes(goal.title)} has {len(consulted)} to consult before each decision; "
            f"more than {limits.max_consulted} tends to slow it down.",
            ids,
            tuple(consulted),
        )
    informed = board.holders(goal.id, Role.INFORMED)
    if len(informed) > limits.max_informed:
        yield Finding(
            Severity.WARNING,
            MANY_INFORMED,
            f"{in_quotes(goal.title)} keeps {len(informed)} informed; "
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
    out: list[Coverage] = []
    for function in ws.functions:
        own = Assignee.function(function.id)
        direct = board.assignments_of(own)
        through = board.assignments_through(function.id)
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
