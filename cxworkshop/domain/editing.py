"""Edits to a workshop, each checked against the rules before anything changes.

Every function here validates first and mutates after, so an edit that raises
leaves the workshop exactly as it was. Removals return a :class:`Removal` that
says how much hung on what was removed, and holds enough to put it all back.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from . import language, text
from .errors import BudgetExceeded, InvalidValue, NotFound, RoundClosed, RuleError
from .model import (
    GOAL_DETAIL_FIELDS,
    Ask,
    AskKind,
    Assignee,
    AssigneeKind,
    Assignment,
    Cadence,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    Status,
    Step,
    VotingMode,
    VotingRound,
    Workshop,
)

MAX_DOTS = 99
"""No voter gets more dots than this; keeps a slip of the keyboard harmless."""

MAX_TALLY = 9999


# ----------------------------------------------------------------- look-ups


def function(ws: Workshop, function_id: str) -> Function:
    for f in ws.functions:
        if f.id == function_id:
            return f
    raise NotFound("That function is no longer in the workshop.")


def participant(ws: Workshop, participant_id: str) -> Participant:
    for p in ws.participants:
        if p.id == participant_id:
            return p
    raise NotFound("That participant is no longer in the workshop.")


def goal(ws: Workshop, goal_id: str) -> Goal:
    for g in ws.goals:
        if g.id == goal_id:
            return g
    raise NotFound("That goal is no longer in the workshop.")


def voting_round(ws: Workshop, round_id: str) -> VotingRound:
    for r in ws.rounds:
        if r.id == round_id:
            return r
    raise NotFound("That voting round is no longer in the workshop.")


def principle(ws: Workshop, principle_id: str) -> Principle:
    for p in ws.principles:
        if p.id == principle_id:
            return p
    raise NotFound("That principle is no longer in the workshop.")


def commitment(ws: Workshop, commitment_id: str) -> Commitment:
    for c in ws.commitments:
        if c.id == commitment_id:
            return c
    raise NotFound("That commitment is no longer in the workshop.")


def ask(ws: Workshop, ask_id: str) -> Ask:
    for a in ws.asks:
        if a.id == ask_id:
            return a
    raise NotFound("That ask of the sponsor is no longer in the workshop.")


def assignee_name(ws: Workshop, who: Assignee) -> str:
    if who.kind is AssigneeKind.FUNCTION:
        return function(ws, who.id).name
    return participant(ws, who.id).name


def goals_in(ws: Workshop, pillar: Pillar) -> list[Goal]:
    """The goals of one pillar, in column order."""
    return [g for g in ws.goals if g.pillar is pillar]


def assignments_of(ws: Workshop, goal_id: str) -> list[Assignment]:
    return [a for a in ws.assignments if a.goal_id == goal_id]


def role_of(ws: Workshop, goal_id: str, who: Assignee) -> Role | None:
    for a in ws.assignments:
        if a.goal_id == goal_id and a.assignee == who:
            return a.role
    return None


def accountable(ws: Workshop, goal_id: str) -> Assignee | None:
    for a in ws.assignments:
        if a.goal_id == goal_id and a.role is Role.ACCOUNTABLE:
            return a.assignee
    return None


def _require_assignee(ws: Workshop, who: Assignee) -> None:
    if who.kind is AssigneeKind.FUNCTION:
        function(ws, who.id)
    else:
        participant(ws, who.id)


def _index(items: list[Any], item_id: str) -> int:
    for i, item in enumerate(items):
        if item.id == item_id:
            return i
    raise NotFound("That item is no longer in the workshop.")


def _require_new(items: list[Any], new: Any, what: str) -> None:
    """Refuse to add something whose id is already in the list (a double add, a stale undo)."""
    if any(item.id == new.id for item in items):
        raise RuleError(f"That {what} is already in the workshop.")


def replace_fields(item: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Set checked ``values`` on ``item``; returns what they replaced, for undo."""
    previous = {name: getattr(item, name) for name in values}
    for name, value in values.items():
        setattr(item, name, value)
    return previous


def _clamp(index: int | None, length: int) -> int:
    if index is None or index > length:
        return length
    return max(0, index)


# ----------------------------------------------------------------- removals


@dataclass
class Removal:
    """What a removal took away, for the confirmation and for undo.

    ``kind``, ``index`` and ``removed`` describe the thing removed itself; the
    other fields hold what hung on it, as copies from before the removal
    (``assignment_positions`` are where the assignments stood in the list).
    """

    kind: str
    index: int
    removed: Any
    assignments: list[Assignment] = field(default_factory=list)
    participants_before: list[Participant] = field(default_factory=list)
    rounds_before: list[VotingRound] = field(default_factory=list)
    dots: int = 0
    assignment_positions: list[int] = field(default_factory=list)
    """Where each of ``assignments`` stood in the workshop's list, so undo keeps the order."""

    def consequences(self) -> list[str]:
        """Plain phrases for what else goes, e.g. ['3 assignments', '7 dots']."""
        out = []
        if self.assignments:
            n = len(self.assignments)
            out.append(f"{n} assignment{'s' if n != 1 else ''}")
        if self.participants_before:
            n = len(self.participants_before)
            out.append(f"{n} participant{'s' if n != 1 else ''} losing their function")
        if self.dots:
            out.append(f"{self.dots} dot{'s' if self.dots != 1 else ''} of votes")
        return out

    @property
    def is_consequential(self) -> bool:
        return bool(self.assignments or self.participants_before or self.dots)


def restore(ws: Workshop, removal: Removal) -> None:
    """Put back what ``removal`` took away, exactly where it was."""
    lists: dict[str, list[Any]] = {
        "function": ws.functions,
        "participant": ws.participants,
        "goal": ws.goals,
        "principle": ws.principles,
        "commitment": ws.commitments,
        "ask": ws.asks,
        "round": ws.rounds,
    }
    target = lists[removal.kind]
    if any(item.id == removal.removed.id for item in target):
        raise RuleError("That item is already back in the workshop.")
    target.insert(_clamp(removal.index, len(target)), copy.deepcopy(removal.removed))
    for before in removal.participants_before:
        ws.participants[_index(ws.participants, before.id)] = copy.deepcopy(before)
    for round_before in removal.rounds_before:
        ws.rounds[_index(ws.rounds, round_before.id)] = copy.deepcopy(round_before)
    if len(removal.assignment_positions) == len(removal.assignments):
        placed = zip(removal.assignment_positions, removal.assignments, strict=True)
        for position, assignment in sorted(placed, key=lambda pair: pair[0]):
            ws.assignments.insert(position, assignment)
    else:
        ws.assignments.extend(removal.assignments)


def _positions(ws: Workshop, taken: list[Assignment]) -> list[int]:
    """Indices in ``ws.assignments`` of the assignments a removal takes away."""
    ids = {id(a) for a in taken}
    return [i for i, a in enumerate(ws.assignments) if id(a) in ids]


def _strip_from_rounds(
    ws: Workshop, *, goal_id: str | None = None, voter_id: str | None = None
) -> tuple[list[VotingRound], int]:
    """Remove a goal or a voter from every round; return copies from before and dots lost."""
    before: list[VotingRound] = []
    dots = 0
    for r in ws.rounds:
        touched = False
        if goal_id is not None and (
            goal_id in r.goal_ids or goal_id in r.tallies or goal_id in r.decision
        ):
            touched = True
        if voter_id is not None and (voter_id in r.voter_ids or voter_id in r.ballots):
            touched = True
        if not touched:
            continue
        before.append(copy.deepcopy(r))
        if goal_id is not None:
            dots += r.tallies.pop(goal_id, 0)
            for ballot in r.ballots.values():
                dots += ballot.pop(goal_id, 0)
            r.goal_ids = [g for g in r.goal_ids if g != goal_id]
            r.decision = [g for g in r.decision if g != goal_id]
        if voter_id is not None:
            dots += sum(r.ballots.pop(voter_id, {}).values())
            r.voter_ids = [v for v in r.voter_ids if v != voter_id]
    return before, dots


# ----------------------------------------------------------------- details

_DETAIL_LIMITS = {
    "title": text.TITLE_MAX,
    "organisation": text.NAME_MAX,
    "facilitator": text.NAME_MAX,
    "sponsor_name": text.NAME_MAX,
    "sponsor_title": text.NAME_MAX,
    "vision": text.LONG_MAX,
}
_DETAIL_LABELS = {
    "title": "Workshop title",
    "organisation": "Organisation",
    "facilitator": "Facilitator",
    "sponsor_name": "Sponsor's name",
    "sponsor_title": "Sponsor's title",
    "vision": "Vision",
    "date": "Workshop date",
    "review_date": "Review date",
    "signed_on": "Date the sponsor signed",
    "sign_by": "Date to sign by",
    "language": "Language",
}
_DETAIL_DATES = ("date", "review_date", "signed_on", "sign_by")
DETAIL_FIELDS = (
    *_DETAIL_LIMITS,
    *_DETAIL_DATES,
    "review_cadence",
    "status",
    "current_step",
    "language",
)


def update_details(ws: Workshop, **changes: Any) -> dict[str, Any]:
    """Change workshop details; returns the previous values of what changed."""
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name in _DETAIL_LIMITS:
            cleaned[name] = text.clean(
                value,
                _DETAIL_LABELS[name],
                required=name == "title",
                max_len=_DETAIL_LIMITS[name],
                multiline=name == "vision",
            )
        elif name in _DETAIL_DATES:
            cleaned[name] = text.optional_date(value, _DETAIL_LABELS[name])
        elif name == "review_cadence":
            cleaned[name] = None if value in (None, "") else _enum(Cadence, value, "Cadence")
        elif name == "status":
            cleaned[name] = _enum(Status, value, "Status")
        elif name == "current_step":
            cleaned[name] = _enum(Step, value, "Step")
        elif name == "language":
            cleaned[name] = language.check(str(value), _DETAIL_LABELS[name])
        else:
            raise InvalidValue(f"A workshop has no detail called {name!r}.")
    return replace_fields(ws, cleaned)


def _enum(kind: Any, value: Any, what: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        raise InvalidValue(f"{what} {value!r} is not one of: {choices}.") from None


# ----------------------------------------------------------------- functions


def _check_function_name(ws: Workshop, name: str, exclude: str | None = None) -> str:
    name = text.clean(name, "Function name", required=True, max_len=text.NAME_MAX)
    for f in ws.functions:
        if f.id != exclude and text.same_name(f.name, name):
            raise RuleError(f"There is already a function called {f.name!r}.")
    return name


def add_function(ws: Workshop, new: Function, index: int | None = None) -> Function:
    """Add a function to the table; names are unique within a workshop."""
    _require_new(ws.functions, new, "function")
    name, colour = _check_function_name(ws, new.name), text.colour(new.colour)
    new.name, new.colour = name, colour
    ws.functions.insert(_clamp(index, len(ws.functions)), new)
    return new


def update_function(ws: Workshop, function_id: str, **changes: Any) -> dict[str, Any]:
    """Rename a function, recolour it, or mark it customer-facing or back-office."""
    f = function(ws, function_id)
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "name":
            cleaned[name] = _check_function_name(ws, value, exclude=function_id)
        elif name == "colour":
            cleaned[name] = text.colour(value)
        elif name == "customer_facing":
            if not isinstance(value, bool):
                raise InvalidValue("Customer-facing must be yes or no.")
            cleaned[name] = value
        else:
            raise InvalidValue(f"A function has no field called {name!r}.")
    return replace_fields(f, cleaned)


def _move(items: list[Any], item_id: str, index: int) -> int:
    old = _index(items, item_id)
    item = items.pop(old)
    items.insert(_clamp(index, len(items)), item)
    return old


def move_function(ws: Workshop, function_id: str, index: int) -> int:
    """Move a function to ``index`` in the list; returns its old index."""
    return _move(ws.functions, function_id, index)


def remove_function(ws: Workshop, function_id: str) -> Removal:
    """Remove a function, its assignments, and its membership of participants."""
    index = _index(ws.functions, function_id)
    who = Assignee.function(function_id)
    removal = Removal(
        "function",
        index,
        copy.deepcopy(ws.functions[index]),
        assignments=[a for a in ws.assignments if a.assignee == who],
        participants_before=[
            copy.deepcopy(p) for p in ws.participants if p.function_id == function_id
        ],
    )
    removal.assignment_positions = _positions(ws, removal.assignments)
    del ws.functions[index]
    ws.assignments = [a for a in ws.assignments if a.assignee != who]
    for p in ws.participants:
        if p.function_id == function_id:
            p.function_id = None
    return removal


# ----------------------------------------------------------------- participants


def _check_participant(ws: Workshop, changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "name":
            cleaned[name] = text.clean(
                value, "Participant's name", required=True, max_len=text.NAME_MAX
            )
        elif name == "role_title":
            cleaned[name] = text.clean(value, "Role title", max_len=text.NAME_MAX)
        elif name == "function_id":
            if value is not None:
                function(ws, value)
            cleaned[name] = value
        else:
            raise InvalidValue(f"A participant has no field called {name!r}.")
    return cleaned


def add_participant(ws: Workshop, new: Participant, index: int | None = None) -> Participant:
    """Add a person; anyone added while a round is open gets a ballot in it."""
    cleaned = _check_participant(
        ws,
        {"name": new.name, "role_title": new.role_title, "function_id": new.function_id},
    )
    _require_new(ws.participants, new, "participant")
    replace_fields(new, cleaned)
    ws.participants.insert(_clamp(index, len(ws.participants)), new)
    for r in ws.rounds:
        if r.is_open and r.mode is VotingMode.SECRET and new.id not in r.voter_ids:
            r.voter_ids.append(new.id)
    return new


def update_participant(ws: Workshop, participant_id: str, **changes: Any) -> dict[str, Any]:
    p = participant(ws, participant_id)
    cleaned = _check_participant(ws, changes)
    return replace_fields(p, cleaned)


def move_participant(ws: Workshop, participant_id: str, index: int) -> int:
    return _move(ws.participants, participant_id, index)


def remove_participant(ws: Workshop, participant_id: str) -> Removal:
    """Remove a person with their assignments and their ballots."""
    index = _index(ws.participants, participant_id)
    who = Assignee.participant(participant_id)
    removed = copy.deepcopy(ws.participants[index])
    assignments = [a for a in ws.assignments if a.assignee == who]
    positions = _positions(ws, assignments)
    rounds_before, dots = _strip_from_rounds(ws, voter_id=participant_id)
    del ws.participants[index]
    ws.assignments = [a for a in ws.assignments if a.assignee != who]
    return Removal(
        "participant",
        index,
        removed,
        assignments=assignments,
        rounds_before=rounds_before,
        dots=dots,
        assignment_positions=positions,
    )


# ----------------------------------------------------------------- goals


def _check_goal_fields(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            cleaned[name] = text.clean(value, "Goal title", required=True, max_len=text.TITLE_MAX)
        elif name == "description":
            cleaned[name] = text.clean(value, "Description", max_len=text.LONG_MAX, multiline=True)
        elif name in GOAL_DETAIL_FIELDS:
            cleaned[name] = text.clean(value, name.capitalize(), max_len=text.SHORT_MAX)
        elif name == "pillar":
            cleaned[name] = _enum(Pillar, value, "Pillar")
        else:
            raise InvalidValue(f"A goal has no field called {name!r}.")
    return cleaned


PILLAR_ORDER = tuple(Pillar)


def _goal_list_index(ws: Workshop, pillar: Pillar, index: int | None) -> int:
    """Where in ``ws.goals`` a goal lands to be at ``index`` in its pillar's column.

    ``ws.goals`` stays grouped by pillar (Win, Keep, Advocate), so a pillar and
    a place in its column say everything about the order.
    """
    column = goals_in(ws, pillar)
    index = _clamp(index, len(column))
    if index < len(column):
        return ws.goals.index(column[index])
    rank = PILLAR_ORDER.index(pillar)
    for i, g in enumerate(ws.goals):
        if PILLAR_ORDER.index(g.pillar) > rank:
            return i
    return len(ws.goals)


def add_goal(ws: Workshop, new: Goal, index: int | None = None) -> Goal:
    """Add a goal at ``index`` within its pillar (at the end by default)."""
    cleaned = _check_goal_fields(
        {"pillar": new.pillar, **{n: getattr(new, n) for n in GOAL_DETAIL_FIELDS}}
    )
    _require_new(ws.goals, new, "goal")
    replace_fields(new, cleaned)
    ws.goals.insert(_goal_list_index(ws, new.pillar, index), new)
    return new


def update_goal(ws: Workshop, goal_id: str, **changes: Any) -> dict[str, Any]:
    """Edit a goal's title, description, metric, baseline, target or due date."""
    if "pillar" in changes:
        raise InvalidValue("Use move_goal to move a goal to another pillar.")
    g = goal(ws, goal_id)
    cleaned = _check_goal_fields(changes)
    return replace_fields(g, cleaned)


def goal_position(ws: Workshop, goal_id: str) -> tuple[Pillar, int]:
    g = goal(ws, goal_id)
    return g.pillar, goals_in(ws, g.pillar).index(g)


def goal_move_place(ws: Workshop, goal_id: str, pillar: Pillar, index: int) -> int | None:
    """Where a move of a goal to ``index`` in ``pillar``'s column really lands, or None.

    ``index`` counts the column without the goal itself and is brought within
    the column; None when the goal is already at that place (the move would
    change nothing).
    """
    old_pillar, old_index = goal_position(ws, goal_id)
    others = len(goals_in(ws, pillar)) - (1 if pillar is old_pillar else 0)
    index = max(0, min(index, others))
    if pillar is old_pillar and index == old_index:
        return None
    return index


def move_goal(ws: Workshop, goal_id: str, pillar: Pillar, index: int) -> tuple[Pillar, int]:
    """Move a goal to ``index`` in ``pillar``'s column; returns where it was."""
    pillar = _enum(Pillar, pillar, "Pillar")
    old = goal_position(ws, goal_id)
    g = ws.goals.pop(_index(ws.goals, goal_id))
    g.pillar = pillar
    ws.goals.insert(_goal_list_index(ws, pillar, index), g)
    return old


def remove_goal(ws: Workshop, goal_id: str) -> Removal:
    """Remove a goal with its assignments and the votes it held."""
    index = _index(ws.goals, goal_id)
    removed = copy.deepcopy(ws.goals[index])
    assignments = assignments_of(ws, goal_id)
    positions = _positions(ws, assignments)
    rounds_before, dots = _strip_from_rounds(ws, goal_id=goal_id)
    del ws.goals[index]
    ws.assignments = [a for a in ws.assignments if a.goal_id != goal_id]
    return Removal(
        "goal",
        index,
        removed,
        assignments=assignments,
        rounds_before=rounds_before,
        dots=dots,
        assignment_positions=positions,
    )


# ----------------------------------------------------------------- accountability


def drop_effect(
    who: Assignee,
    from_goal: str | None,
    goal_id: str,
    role: Role,
    held: Role | None,
    accountable: Assignee | None,
) -> str | None:
    """What giving ``who`` ``role`` on a goal by dragging would do, or None if nothing.

    ``from_goal`` is the goal the chip was taken off (None: from the list of
    people), ``held`` the role ``who`` has on the target goal now, and
    ``accountable`` that goal's Accountable. The answer is "replace" (the
    Accountable changes hands), "assign" (from the list), "move" (to another
    role on the same goal) or "copy" (the same person onto another goal).
    """
    if held is role:
        return None
    if role is Role.ACCOUNTABLE and accountable is not None and accountable != who:
        return "replace"
    if from_goal is None:
        return "assign"
    return "move" if from_goal == goal_id else "copy"


@dataclass(frozen=True)
class AssignOutcome:
    """What an assignment displaced: the assignee's earlier role, a replaced Accountable."""

    assignment: Assignment
    previous: Assignment | None = None
    replaced: Assignment | None = None

    def undo_list(self) -> list[Assignment]:
        return [a for a in (self.previous, self.replaced) if a is not None]


def assign(ws: Workshop, goal_id: str, who: Assignee, role: Role) -> AssignOutcome:
    """Give ``who`` ``role`` on a goal.

    An assignee holds one role per goal, so this also changes a role. A second
    Accountable replaces the first: a goal never has two.
    """
    goal(ws, goal_id)
    _require_assignee(ws, who)
    role = _enum(Role, role, "Role")
    previous = next((a for a in ws.assignments if a.goal_id == goal_id and a.assignee == who), None)
    replaced = None
    if role is Role.ACCOUNTABLE:
        replaced = next(
            (
                a
                for a in ws.assignments
                if a.goal_id == goal_id and a.role is Role.ACCOUNTABLE and a.assignee != who
            ),
            None,
        )
    new = Assignment(goal_id, who, role)
    ws.assignments = [a for a in ws.assignments if a is not previous and a is not replaced]
    ws.assignments.append(new)
    return AssignOutcome(new, previous, replaced)


def unassign(ws: Workshop, goal_id: str, who: Assignee) -> Assignment:
    """Take ``who`` off a goal; returns the assignment removed."""
    for a in ws.assignments:
        if a.goal_id == goal_id and a.assignee == who:
            ws.assignments.remove(a)
            return a
    raise NotFound("That assignment is no longer on the goal.")


def set_assignments(ws: Workshop, goal_id: str, assignments: list[Assignment]) -> list[Assignment]:
    """Replace a goal's assignments wholesale (used by undo); returns the old ones."""
    goal(ws, goal_id)
    if sum(1 for a in assignments if a.role is Role.ACCOUNTABLE) > 1:
        raise RuleError("A goal can have only one Accountable.")
    seen: set[Assignee] = set()
    for a in assignments:
        if a.goal_id != goal_id:
            raise InvalidValue("An assignment belongs to a different goal.")
        if a.assignee in seen:
            raise RuleError("An assignee can hold only one role on a goal.")
        seen.add(a.assignee)
        _require_assignee(ws, a.assignee)
    old = assignments_of(ws, goal_id)
    ws.assignments = [a for a in ws.assignments if a.goal_id != goal_id] + list(assignments)
    return old


# ----------------------------------------------------------------- principles and commitments


def add_principle(ws: Workshop, new: Principle, index: int | None = None) -> Principle:
    _require_new(ws.principles, new, "principle")
    cleaned = text.clean(new.text, "Principle", required=True, max_len=text.SHORT_MAX)
    if any(text.same_name(p.text, cleaned) for p in ws.principles):
        raise RuleError("That principle is already on the list.")
    new.text = cleaned
    ws.principles.insert(_clamp(index, len(ws.principles)), new)
    return new


def update_principle(ws: Workshop, principle_id: str, **changes: Any) -> dict[str, Any]:
    p = principle(ws, principle_id)
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "text":
            cleaned[name] = text.clean(value, "Principle", required=True, max_len=text.SHORT_MAX)
            if any(
                o.id != principle_id and text.same_name(o.text, cleaned[name])
                for o in ws.principles
            ):
                raise RuleError("That principle is already on the list.")
        elif name == "committed":
            if not isinstance(value, bool):
                raise InvalidValue("Committed must be yes or no.")
            cleaned[name] = value
        else:
            raise InvalidValue(f"A principle has no field called {name!r}.")
    return replace_fields(p, cleaned)


def remove_principle(ws: Workshop, principle_id: str) -> Removal:
    index = _index(ws.principles, principle_id)
    return Removal("principle", index, ws.principles.pop(index))


def _check_commitment(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "text":
            cleaned[name] = text.clean(
                value, "Commitment", required=True, max_len=text.LONG_MAX, multiline=True
            )
        elif name == "owner":
            cleaned[name] = text.clean(value, "Owner", max_len=text.NAME_MAX)
        elif name == "due":
            cleaned[name] = text.clean(value, "Due", max_len=text.SHORT_MAX)
        else:
            raise InvalidValue(f"A commitment has no field called {name!r}.")
    return cleaned


def add_commitment(ws: Workshop, new: Commitment, index: int | None = None) -> Commitment:
    _require_new(ws.commitments, new, "commitment")
    cleaned = _check_commitment({"text": new.text, "owner": new.owner, "due": new.due})
    replace_fields(new, cleaned)
    ws.commitments.insert(_clamp(index, len(ws.commitments)), new)
    return new


def update_commitment(ws: Workshop, commitment_id: str, **changes: Any) -> dict[str, Any]:
    c = commitment(ws, commitment_id)
    cleaned = _check_commitment(changes)
    return replace_fields(c, cleaned)


def remove_commitment(ws: Workshop, commitment_id: str) -> Removal:
    index = _index(ws.commitments, commitment_id)
    return Removal("commitment", index, ws.commitments.pop(index))


# ----------------------------------------------------------------- asks of the sponsor

MAX_ASKS = 10
"""A charter asks the sponsor for a few things; a long list is a plan, not an ask."""


def _check_ask(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "text":
            cleaned[name] = text.clean(
                value, "Ask", required=True, max_len=text.LONG_MAX, multiline=True
            )
        elif name == "kind":
            cleaned[name] = _enum(AskKind, value, "Kind of ask")
        elif name == "due":
            cleaned[name] = text.clean(value, "Due", max_len=text.SHORT_MAX)
        else:
            raise InvalidValue(f"An ask has no field called {name!r}.")
    return cleaned


def add_ask(ws: Workshop, new: Ask, index: int | None = None) -> Ask:
    """Add something the team asks of the sponsor; at most :data:`MAX_ASKS` of them."""
    _require_new(ws.asks, new, "ask")
    if len(ws.asks) >= MAX_ASKS:
        raise RuleError(
            f"The charter already asks the sponsor for {MAX_ASKS} things; "
            "remove or merge one first."
        )
    cleaned = _check_ask({"text": new.text, "kind": new.kind, "due": new.due})
    replace_fields(new, cleaned)
    ws.asks.insert(_clamp(index, len(ws.asks)), new)
    return new


def update_ask(ws: Workshop, ask_id: str, **changes: Any) -> dict[str, Any]:
    a = ask(ws, ask_id)
    cleaned = _check_ask(changes)
    return replace_fields(a, cleaned)


def remove_ask(ws: Workshop, ask_id: str) -> Removal:
    index = _index(ws.asks, ask_id)
    return Removal("ask", index, ws.asks.pop(index))


# ----------------------------------------------------------------- voting


def _check_round_numbers(dots_per_voter: Any, max_per_goal: Any) -> None:
    for value, what in (
        (dots_per_voter, "Dots per voter"),
        (max_per_goal, "Maximum dots on one goal"),
    ):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidValue(f"{what} must be a whole number.")
        if not 1 <= value <= MAX_DOTS:
            raise InvalidValue(f"{what} must be between 1 and {MAX_DOTS}.")
    if max_per_goal > dots_per_voter:
        raise InvalidValue("The maximum on one goal cannot exceed the dots per voter.")


def open_round(
    ws: Workshop,
    *,
    goal_ids: list[str],
    dots_per_voter: int,
    max_per_goal: int,
    mode: VotingMode = VotingMode.SECRET,
    voter_ids: list[str] | None = None,
    runoff_of: str | None = None,
    round_id: str | None = None,
) -> VotingRound:
    """Open a voting round on some goals; voters default to every participant."""
    mode = _enum(VotingMode, mode, "Voting mode")
    if len(goal_ids) < 2:
        raise RuleError("A vote needs at least two goals on the ballot.")
    if len(set(goal_ids)) != len(goal_ids):
        raise InvalidValue("A goal appears twice on the ballot.")
    for gid in goal_ids:
        goal(ws, gid)
    _check_round_numbers(dots_per_voter, max_per_goal)
    voters = [p.id for p in ws.participants] if voter_ids is None else list(voter_ids)
    if len(set(voters)) != len(voters):
        raise InvalidValue("A voter appears twice in the round.")
    for vid in voters:
        participant(ws, vid)
    if mode is VotingMode.SECRET and not voters:
        raise RuleError("A secret ballot needs at least one voter.")
    if runoff_of is not None:
        parent = voting_round(ws, runoff_of)
        if parent.is_open:
            raise RuleError("Close the round before starting a run-off.")
    if any(r.is_open for r in ws.rounds):
        raise RuleError("Close the open voting round before starting another.")
    new = VotingRound(
        number=max((r.number for r in ws.rounds), default=0) + 1,
        mode=mode,
        goal_ids=list(goal_ids),
        dots_per_voter=dots_per_voter,
        max_per_goal=max_per_goal,
        voter_ids=voters if mode is VotingMode.SECRET else [],
        runoff_of=runoff_of,
    )
    if round_id is not None:
        new.id = round_id
    ws.rounds.append(new)
    return new


def _open(ws: Workshop, round_id: str) -> VotingRound:
    r = voting_round(ws, round_id)
    if not r.is_open:
        raise RoundClosed(f"Round {r.number} is closed; its results are frozen.")
    return r


def over_budget(r: VotingRound, dots_per_voter: int, max_per_goal: int) -> list[str]:
    """Voters whose ballots would break a lower budget or per-goal maximum."""
    return [
        voter
        for voter, ballot in r.ballots.items()
        if sum(ballot.values()) > dots_per_voter or any(d > max_per_goal for d in ballot.values())
    ]


def change_round_budget(
    ws: Workshop,
    round_id: str,
    dots_per_voter: int,
    max_per_goal: int,
    *,
    reopen_over_budget: bool = False,
) -> tuple[int, int, dict[str, dict[str, int]]]:
    """Change an open round's budget; returns the old budget and the ballots reopened.

    Ballots that no longer fit are never trimmed: without ``reopen_over_budget``
    the change is refused; with it, those ballots are withdrawn for recasting.
    """
    r = _open(ws, round_id)
    _check_round_numbers(dots_per_voter, max_per_goal)
    misfits = over_budget(r, dots_per_voter, max_per_goal)
    if misfits and not reopen_over_budget:
        n = len(misfits)
        raise BudgetExceeded(
            f"{n} ballot{'s' if n != 1 else ''} already cast would not fit the new "
            "budget; reopen them for recasting or keep the budget."
        )
    reopened = {voter: r.ballots.pop(voter) for voter in misfits}
    old = (r.dots_per_voter, r.max_per_goal)
    r.dots_per_voter, r.max_per_goal = dots_per_voter, max_per_goal
    return old[0], old[1], reopened


def cast_ballot(
    ws: Workshop, round_id: str, voter_id: str, dots: dict[str, int]
) -> dict[str, int] | None:
    """Record (or replace) a voter's confirmed ballot; returns their previous one."""
    r = _open(ws, round_id)
    if r.mode is not VotingMode.SECRET:
        raise RuleError("This round is counted off the wall; it takes no ballots.")
    if voter_id not in r.voter_ids:
        participant(ws, voter_id)
        raise RuleError(f"{participant(ws, voter_id).name} is not a voter in this round.")
    ballot: dict[str, int] = {}
    for gid, n in dots.items():
        if gid not in r.goal_ids:
            raise RuleError("A dot was placed on a goal that is not on this ballot.")
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise InvalidValue("Dots must be whole numbers, zero or more.")
        if n > r.max_per_goal:
            raise BudgetExceeded(
                f"At most {r.max_per_goal} dot{'s' if r.max_per_goal != 1 else ''} "
                "may go on one goal."
            )
        if n:
            ballot[gid] = n
    total = sum(ballot.values())
    if total > r.dots_per_voter:
        raise BudgetExceeded(f"This ballot places {total} dots; each voter has {r.dots_per_voter}.")
    previous = r.ballots.get(voter_id)
    r.ballots[voter_id] = ballot
    return previous


def withdraw_ballot(ws: Workshop, round_id: str, voter_id: str) -> dict[str, int] | None:
    """Take back a voter's ballot so they can vote again; returns it."""
    r = _open(ws, round_id)
    return r.ballots.pop(voter_id, None)


def restore_ballot(
    ws: Workshop, round_id: str, voter_id: str, ballot: dict[str, int] | None
) -> None:
    """Put a voter's ballot back as it was (None: not voted); used by undo."""
    if ballot is None:
        withdraw_ballot(ws, round_id, voter_id)
    else:
        cast_ballot(ws, round_id, voter_id, ballot)


def add_voter(ws: Workshop, round_id: str, voter_id: str) -> None:
    r = _open(ws, round_id)
    participant(ws, voter_id)
    if r.mode is not VotingMode.SECRET:
        raise RuleError("This round is counted off the wall; it has no ballots to hand out.")
    if voter_id in r.voter_ids:
        raise RuleError("That person already votes in this round.")
    r.voter_ids.append(voter_id)


def set_tally(ws: Workshop, round_id: str, goal_id: str, dots: int) -> int:
    """Record the dots a goal received on the wall; returns the previous count."""
    r = _open(ws, round_id)
    if r.mode is not VotingMode.TALLY:
        raise RuleError("This round is a secret ballot; its dots come from ballots.")
    if goal_id not in r.goal_ids:
        raise RuleError("That goal is not on this round's ballot.")
    if not isinstance(dots, int) or isinstance(dots, bool) or not 0 <= dots <= MAX_TALLY:
        raise InvalidValue(f"A tally must be a whole number from 0 to {MAX_TALLY}.")
    previous = r.tallies.get(goal_id, 0)
    if dots:
        r.tallies[goal_id] = dots
    else:
        r.tallies.pop(goal_id, None)
    return previous


def close_round(ws: Workshop, round_id: str) -> None:
    """Close a round: from now on its ballots and tallies are frozen."""
    r = _open(ws, round_id)
    if r.mode is VotingMode.SECRET and not r.ballots:
        raise RuleError("Nobody has voted yet; there is nothing to close.")
    r.is_open = False


def reopen_round(ws: Workshop, round_id: str) -> None:
    """Undo a close: only the latest round, and only while no other is open."""
    r = voting_round(ws, round_id)
    if r.is_open:
        return
    if any(o.is_open for o in ws.rounds) or ws.rounds[-1] is not r:
        raise RoundClosed(f"Round {r.number} can no longer be reopened.")
    r.is_open = True


def set_revealed(ws: Workshop, round_id: str, revealed: bool) -> bool:
    """Show or hide a round's totals; returns the previous state."""
    r = voting_round(ws, round_id)
    previous = r.revealed
    r.revealed = bool(revealed)
    return previous


def record_decision(
    ws: Workshop, round_id: str, order: list[str], note: str = ""
) -> tuple[list[str], str]:
    """Record the sponsor's order for goals left tied in a closed round."""
    r = voting_round(ws, round_id)
    if r.is_open:
        raise RuleError("Close the round before recording how a tie was settled.")
    if len(set(order)) != len(order) or any(g not in r.goal_ids for g in order):
        raise InvalidValue("The decision must order goals from this round's ballot.")
    note = text.clean(note, "Decision note", max_len=text.LONG_MAX, multiline=True)
    previous = (list(r.decision), r.decision_note)
    r.decision = list(order)
    r.decision_note = note
    return previous


def remove_round(ws: Workshop, round_id: str) -> Removal:
    """Remove a round and everything cast in it (used to undo opening it)."""
    index = _index(ws.rounds, round_id)
    r = ws.rounds[index]
    if any(o.runoff_of == round_id for o in ws.rounds):
        raise RuleError("Remove the run-off of this round first.")
    dots = sum(sum(b.values()) for b in r.ballots.values()) + sum(r.tallies.values())
    del ws.rounds[index]
    return Removal("round", index, r, dots=dots)


def new_workshop(title: str, **details: Any) -> Workshop:
    """A blank workshop with a checked title and details."""
    ws = Workshop(title="Untitled")
    update_details(ws, title=title, **details)
    return ws
