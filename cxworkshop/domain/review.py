"""After the workshop: progress reviews, the next quarter's workshop, and what changed.

Edits here follow :mod:`.editing`: each checks everything first and changes the
workshop only when nothing is wrong, and returns what it replaced so it can be undone.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from . import editing, text, voting
from .errors import InvalidValue, NotFound, RuleError
from .model import (
    Assignee,
    AssigneeKind,
    Goal,
    GoalReview,
    Review,
    ReviewDecision,
    ReviewStatus,
    Role,
    Status,
    Step,
    Workshop,
)

# ----------------------------------------------------------------- reviews


def review(ws: Workshop, review_id: str) -> Review:
    for r in ws.reviews:
        if r.id == review_id:
            return r
    raise NotFound("That review is no longer in the workshop.")


def add_review(ws: Workshop, held_on: object) -> Review:
    """A new review on ``held_on``, kept in date order among the others."""
    when = text.optional_date(held_on, "The review's date")
    if when is None:
        raise InvalidValue("A review needs the date it was held.")
    new = Review(held_on=when)
    ws.reviews.append(new)
    ws.reviews.sort(key=lambda r: r.held_on)
    return new


def restore_review(ws: Workshop, removed: Review) -> None:
    """Put back a review taken out by :func:`remove_review`."""
    ws.reviews.append(removed)
    ws.reviews.sort(key=lambda r: r.held_on)


def remove_review(ws: Workshop, review_id: str) -> Review:
    removed = review(ws, review_id)
    ws.reviews.remove(removed)
    return removed


def goal_review(r: Review, goal_id: str) -> GoalReview:
    """What review ``r`` says of a goal; a blank entry where it says nothing yet."""
    for entry in r.goals:
        if entry.goal_id == goal_id:
            return entry
    return GoalReview(goal_id)


_FIELDS = ("reading", "read_on", "status", "note", "decision", "new_target", "new_accountable")


def _check_entry(ws: Workshop, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidValue(f"A review has no field called {sorted(unknown)[0]!r}.")
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "reading":
            out[name] = text.clean(value, "The reading", max_len=text.SHORT_MAX)
        elif name == "new_target":
            out[name] = text.clean(value, "The new target", max_len=text.SHORT_MAX)
        elif name == "note":
            out[name] = text.clean(value, "The note", max_len=text.LONG_MAX, multiline=True)
        elif name == "read_on":
            out[name] = text.optional_date(value, "The reading's date")
        elif name == "status":
            out[name] = None if value is None else _enum(ReviewStatus, value, "status")
        elif name == "decision":
            out[name] = _enum(ReviewDecision, value, "decision")
        elif name == "new_accountable":
            if value is not None:
                if not isinstance(value, Assignee):
                    raise InvalidValue("The new Accountable must be a function or a person.")
                editing.assignee_name(ws, value)  # raises NotFound for someone gone
            out[name] = value
    return out


def _enum(kind: Any, value: Any, what: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise InvalidValue(f"{value!r} is not a {what} a review knows.") from None


def record(ws: Workshop, review_id: str, goal_id: str, **changes: Any) -> dict[str, Any]:
    """Change what a review says of one goal; returns the values it replaced."""
    r = review(ws, review_id)
    editing.goal(ws, goal_id)
    checked = _check_entry(ws, changes)
    entry = goal_review(r, goal_id)
    if entry not in r.goals:
        r.goals.append(entry)
    before = editing.replace_fields(entry, checked)
    if entry == GoalReview(goal_id):
        r.goals.remove(entry)  # a review keeps only the goals it says something of
    return before


def latest(ws: Workshop, goal_id: str) -> tuple[Review, GoalReview] | None:
    """The newest review that records a reading of the goal, with what it recorded."""
    for r in reversed(ws.reviews):
        entry = goal_review(r, goal_id)
        if entry.reading:
            return r, entry
    return None


# ----------------------------------------------------------------- the next quarter


def next_workshop(ws: Workshop, title: str, *, date: dt.date | None = None) -> Workshop:
    """A new workshop that carries on from ``ws``, with its last review's decisions applied.

    Carried over: the details that describe the team (organisation, facilitator,
    sponsor, vision, principles, agenda, review cadence), functions, people, goals
    with their measures (the latest reading becomes the new baseline) and
    accountability. Applied from the last review: dropped goals are left out, new
    targets set, the new Accountable put in place. Fresh: voting, commitments, the
    asks of the sponsor and their signature, reviews, time spent, the review date and
    the status. Goals, functions and people keep their ids, so the two workshops can
    be compared goal by goal.
    """
    last = ws.reviews[-1] if ws.reviews else None
    decided = {e.goal_id: e for e in last.goals} if last else {}
    new = editing.new_workshop(
        title,
        organisation=ws.organisation,
        date=date,
        facilitator=ws.facilitator,
        sponsor_name=ws.sponsor_name,
        sponsor_title=ws.sponsor_title,
        vision=ws.vision,
        language=ws.language,
    )
    new.follows = ws.id
    new.review_cadence = ws.review_cadence
    new.agenda_start = ws.agenda_start
    new.timeboxes = dict(ws.timeboxes)
    new.functions = copy.deepcopy(ws.functions)
    new.participants = copy.deepcopy(ws.participants)
    new.principles = copy.deepcopy(ws.principles)
    kept: list[Goal] = []
    for goal in ws.goals:
        entry = decided.get(goal.id)
        if entry is not None and entry.decision is ReviewDecision.DROP:
            continue
        carried = copy.deepcopy(goal)
        reading = latest(ws, goal.id)
        if reading is not None:
            carried.baseline = reading[1].reading
        if entry is not None and entry.decision is ReviewDecision.RETARGET and entry.new_target:
            carried.target = entry.new_target
        kept.append(carried)
    new.goals = kept
    present = {g.id for g in kept}
    new.assignments = [copy.copy(a) for a in ws.assignments if a.goal_id in present]
    for goal_id, entry in decided.items():
        if (
            goal_id in present
            and entry.decision is ReviewDecision.REASSIGN
            and entry.new_accountable is not None
        ):
            editing.assign(new, goal_id, entry.new_accountable, Role.ACCOUNTABLE)
    new.status = Status.DRAFT
    new.current_step = Step.SETUP
    return new


def quarter(day: dt.date) -> str:
    """The calendar quarter ``day`` falls in, as people say it: "Q3 2027"."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


_QUARTER_IN_FRONT = re.compile(r"^\s*Q[1-4]\s+\d{4}\s*[—–:-]?\s*", re.IGNORECASE)
_WHEN_AT_THE_END = re.compile(
    r"(?:[\s,–—-]*(?:Q[1-4]\s+\d{4}|(?:19|20)\d\d|Q[1-4]|\(next\)))+\s*$", re.IGNORECASE
)
NEXT_TITLE_FALLBACK = "CX accountability"


def next_title(previous_title: str, on: dt.date) -> str:
    """A title for the workshop that carries on from one called ``previous_title``, held
    on ``on``: its quarter in front, and the old title without the quarter or year it
    named ("Customer experience charter 2027" → "Q3 2027 — Customer experience charter")."""
    base = _QUARTER_IN_FRONT.sub("", " ".join(previous_title.split()))
    base = _WHEN_AT_THE_END.sub("", base).strip(" ,–—-:") or NEXT_TITLE_FALLBACK
    front = f"{quarter(on)} — "
    return front + base[: text.TITLE_MAX - len(front)].rstrip()


def next_date(ws: Workshop, today: dt.date) -> dt.date:
    """When the workshop after ``ws`` is likely held: at its last review, else on the
    review date it agreed, else ``today``."""
    if ws.reviews:
        return ws.reviews[-1].held_on
    return ws.review_date or today


# ----------------------------------------------------------------- what changed


@dataclass(frozen=True, slots=True)
class Retarget:
    """A goal kept from one workshop to the next whose measure changed."""

    title: str
    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class RoleChange:
    """Someone who became, or stopped being, Accountable or Responsible for a goal."""

    title: str
    name: str
    role: Role
    became: bool


@dataclass(frozen=True, slots=True)
class RankMove:
    """A goal's place in the priorities, before and after; None where it had none."""

    title: str
    before: int | None
    after: int | None


@dataclass(slots=True)
class Changes:
    """What changed from one workshop to another, goal by goal."""

    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    retargeted: list[Retarget] = field(default_factory=list)
    roles: list[RoleChange] = field(default_factory=list)
    ranks: list[RankMove] = field(default_factory=list)
    unvoted: list[str] = field(default_factory=list)
    """Which of the two ("before", "after") has no priorities yet: then ranks are not compared."""

    @property
    def nothing(self) -> bool:
        return not (self.added or self.dropped or self.retargeted or self.roles or self.ranks)


MEASURE_FIELDS = ("metric", "target", "due")
"""The parts of a goal's measure whose change counts as a new target."""


def _folded(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def matched_goals(before: Workshop, after: Workshop) -> list[tuple[Goal, Goal]]:
    """Goals that are the same goal in both: by id first (a carried-on workshop keeps
    its goals' ids), then by title, ignoring case, spacing and accents' encoding."""
    pairs: list[tuple[Goal, Goal]] = []
    later = {g.id: g for g in after.goals}
    unmatched_before: list[Goal] = []
    for goal in before.goals:
        twin = later.pop(goal.id, None)
        if twin is None:
            unmatched_before.append(goal)
        else:
            pairs.append((goal, twin))
    by_title: dict[str, list[Goal]] = {}
    for goal in later.values():
        by_title.setdefault(_folded(goal.title), []).append(goal)
    for goal in unmatched_before:
        candidates = by_title.get(_folded(goal.title))
        if candidates:
            pairs.append((goal, candidates.pop(0)))
    return pairs


def _holders(ws: Workshop, goal_id: str, role: Role) -> set[tuple[AssigneeKind, str]]:
    """Who holds ``role`` on a goal, by name: ids differ between unrelated workshops."""
    return {
        (a.assignee.kind, editing.assignee_name(ws, a.assignee))
        for a in ws.assignments
        if a.goal_id == goal_id and a.role is role
    }


def _ranks(ws: Workshop) -> dict[str, int]:
    return {p.goal_id: p.rank for p in voting.final_order(ws)}


def compare(before: Workshop, after: Workshop) -> Changes:
    """Goals added, dropped and retargeted; who became or stopped being Accountable or
    Responsible for which goal; and priorities that moved, from ``before`` to ``after``."""
    pairs = matched_goals(before, after)
    kept_before = {old.id for old, _ in pairs}
    kept_after = {new.id for _, new in pairs}
    changes = Changes(
        added=[g.title for g in after.goals if g.id not in kept_after],
        dropped=[g.title for g in before.goals if g.id not in kept_before],
    )
    ranks_before, ranks_after = _ranks(before), _ranks(after)
    changes.unvoted = [
        side for side, ranks in (("before", ranks_before), ("after", ranks_after)) if not ranks
    ]
    for old, new in pairs:
        for name in MEASURE_FIELDS:
            if getattr(old, name) != getattr(new, name):
                changes.retargeted.append(
                    Retarget(new.title, name, getattr(old, name), getattr(new, name))
                )
        for role in (Role.ACCOUNTABLE, Role.RESPONSIBLE):
            was, now = _holders(before, old.id, role), _holders(after, new.id, role)
            for _, name in sorted(now - was):
                changes.roles.append(RoleChange(new.title, name, role, True))
            for _, name in sorted(was - now):
                changes.roles.append(RoleChange(new.title, name, role, False))
        rank_before, rank_after = ranks_before.get(old.id), ranks_after.get(new.id)
        if rank_before != rank_after and not changes.unvoted:
            changes.ranks.append(RankMove(new.title, rank_before, rank_after))
    return changes


def check_can_follow(previous: Workshop) -> None:
    """Refuse, in one line, to carry on from a workshop with nothing to carry."""
    if not previous.goals:
        raise RuleError("That workshop has no goals to carry into a new one.")


def _place(rank: int | None) -> str:
    if rank is None:
        return "no place"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


_FIELD_WORDS = {"metric": "metric", "target": "target", "due": "due"}


def describe(changes: Changes) -> list[str]:
    """What changed, as lines to read: a heading per kind of change, an indented line each."""
    lines: list[str] = []
    if changes.nothing:
        lines.append("Nothing changed in the goals or who answers for them.")

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.append(f"{heading} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)

    section("Goals added", [f"+ {title}" for title in changes.added])
    section("Goals dropped", [f"− {title}" for title in changes.dropped])
    section(
        "Measures changed",
        [
            f"{c.title}: {_FIELD_WORDS[c.field]} {c.before or '(none)'} → {c.after or '(none)'}"
            for c in changes.retargeted
        ],
    )
    section(
        "Who answers for what",
        [
            f"{c.name} became {c.role.label} for “{c.title}”"
            if c.became
            else f"{c.name} is no longer {c.role.label} for “{c.title}”"
            for c in changes.roles
        ],
    )
    section(
        "Priorities",
        [f"{m.title}: {_place(m.before)} → {_place(m.after)}" for m in changes.ranks],
    )
    if changes.unvoted:
        lines.append(unvoted_text(changes))
    elif not changes.ranks:
        lines.append("The priorities are in the same order.")
    return lines


class ChangeKind(StrEnum):
    """Each kind of line in a comparison, with the symbol and words it is shown by."""

    ADDED = "added"
    DROPPED = "dropped"
    MEASURE = "measure"
    BECAME = "became"
    STOPPED = "stopped"
    ROSE = "rose"
    FELL = "fell"


_KIND_SYMBOLS = {
    ChangeKind.ADDED: "+",
    ChangeKind.DROPPED: "−",
    ChangeKind.MEASURE: "✎",
    ChangeKind.BECAME: "▲",
    ChangeKind.STOPPED: "▽",
    ChangeKind.ROSE: "↑",
    ChangeKind.FELL: "↓",
}


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One line of a comparison, as a table shows it: what happened to which goal, and
    what it was before and is after ("–" for nothing)."""

    kind: ChangeKind
    what: str
    goal: str
    before: str
    after: str

    @property
    def symbol(self) -> str:
        return _KIND_SYMBOLS[self.kind]

    @property
    def label(self) -> str:
        """The symbol and the words: never a colour alone."""
        return f"{self.symbol} {self.what}"


NONE_SHOWN = "–"
ON_CHARTER = "on the charter"


def change_rows(changes: Changes) -> list[ChangeRow]:
    """Every change as a row: goals added, dropped, measures changed, who answers for
    what, then priorities that moved, in the order :func:`describe` says them."""
    rows = [
        ChangeRow(ChangeKind.ADDED, "Goal added", t, NONE_SHOWN, ON_CHARTER) for t in changes.added
    ]
    rows += [
        ChangeRow(ChangeKind.DROPPED, "Goal dropped", t, ON_CHARTER, NONE_SHOWN)
        for t in changes.dropped
    ]
    rows += [
        ChangeRow(
            ChangeKind.MEASURE,
            f"New {_FIELD_WORDS[c.field]}",
            c.title,
            c.before or NONE_SHOWN,
            c.after or NONE_SHOWN,
        )
        for c in changes.retargeted
    ]
    for c in changes.roles:
        if c.became:
            rows.append(
                ChangeRow(ChangeKind.BECAME, f"Became {c.role.label}", c.title, NONE_SHOWN, c.name)
            )
        else:
            rows.append(
                ChangeRow(
                    ChangeKind.STOPPED, f"No longer {c.role.label}", c.title, c.name, NONE_SHOWN
                )
            )
    for m in changes.ranks:
        up = m.before is None or (m.after is not None and m.after < m.before)
        rows.append(
            ChangeRow(
                ChangeKind.ROSE if up else ChangeKind.FELL,
                "Moved up" if up else "Moved down",
                m.title,
                _place(m.before),
                _place(m.after),
            )
        )
    return rows


def unvoted_text(changes: Changes) -> str:
    """Why priorities are not compared, or "" when they are."""
    if not changes.unvoted:
        return ""
    which = " and ".join(
        {"before": "the earlier workshop", "after": "the later one"}[side]
        for side in changes.unvoted
    )
    return f"Priorities not compared: {which} has not voted yet."


def counts(changes: Changes) -> list[tuple[int, str]]:
    """Each kind of change there is, counted, with its words: (2, "goals added")."""
    out = []
    for n, one, more in (
        (len(changes.added), "goal added", "goals added"),
        (len(changes.dropped), "goal dropped", "goals dropped"),
        (len(changes.retargeted), "measure changed", "measures changed"),
        (len(changes.roles), "change in who answers for a goal", "changes in who answers"),
        (len(changes.ranks), "priority moved", "priorities moved"),
    ):
        if n:
            out.append((n, one if n == 1 else more))
    return out
