"""What the charter says, worked out from the workshop: the priorities, who signs, what is missing.

The PDF and the Charter step's review page read the same facts from here, so
the page flags exactly the gaps the reader of the PDF would otherwise find.
Nothing here draws or imports reportlab; it is cheap to call on every edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import agenda, checks, voting
from ..domain.model import (
    Assignee,
    AssigneeKind,
    Goal,
    Participant,
    Pillar,
    Role,
    Step,
    TieBreak,
    VotingMode,
    VotingRound,
    Workshop,
)
from ..domain.progress import completed_steps
from ..domain.text import same_name
from ..domain.wording import and_join, in_quotes, ordinal, plural
from .direction import isolate

TOP = 3
"""How many priorities page one shows."""


def long_date(date: dt.date) -> str:
    """17 June 2027: unambiguous on both sides of the Atlantic."""
    return f"{date.day} {date:%B %Y}"


def set_apart_in_quotes(text: str) -> str:
    # The marks stay outside a right-to-left title, where an English sentence puts them.
    return in_quotes(isolate(text))


def names_sentence(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' (each name a right-to-left reader keeps in its place)."""
    return and_join([isolate(n) for n in names])


# ----------------------------------------------------------------- who holds what


def _name(ws: Workshop, who: Assignee) -> str | None:
    items = ws.functions if who.kind is AssigneeKind.FUNCTION else ws.participants
    return next((item.name for item in items if item.id == who.id), None)


def holders(ws: Workshop, goal_id: str, role: Role) -> list[str]:
    """Names holding ``role`` on a goal, in the order the roles were given."""
    found = (
        _name(ws, a.assignee) for a in ws.assignments if a.goal_id == goal_id and a.role is role
    )
    return [name for name in found if name is not None]


@dataclass(frozen=True)
class Column:
    """One column of the accountability matrix: a function or a person."""

    assignee: Assignee
    name: str

    @property
    def is_function(self) -> bool:
        return self.assignee.kind is AssigneeKind.FUNCTION


def matrix_columns(ws: Workshop) -> tuple[list[Column], list[Column]]:
    """The matrix's columns: every function (a silo shows as an empty column), then the
    people who hold a role in their own name."""
    functions = [Column(Assignee.function(f.id), f.name) for f in ws.functions]
    holding = {a.assignee for a in ws.assignments}
    people = [
        Column(Assignee.participant(p.id), p.name)
        for p in ws.participants
        if Assignee.participant(p.id) in holding
    ]
    return functions, people


def roles_by_goal(ws: Workshop) -> dict[str, dict[Assignee, Role]]:
    """For each goal id, the role each assignee holds on it."""
    out: dict[str, dict[Assignee, Role]] = {g.id: {} for g in ws.goals}
    for a in ws.assignments:
        if a.goal_id in out:
            out[a.goal_id][a.assignee] = a.role
    return out


# ----------------------------------------------------------------- priorities


@dataclass(frozen=True)
class Place:
    """A goal's place in the priorities, as the charter prints it."""

    goal: Goal
    rank: int
    dots: int
    shared: bool
    settled_by: TieBreak | None
    ranked: bool = True
    """False for a goal nobody put a dot on: it has no place."""

    @property
    def label(self) -> str:
        """'1', '3=' when the place is still shared, or '–' for a goal without dots."""
        if not self.ranked:
            return "–"
        return f"{self.rank}=" if self.shared else str(self.rank)


def places(ws: Workshop) -> list[Place]:
    """Every goal voted on, in the team's final order; those without dots last, unranked."""
    goals = {g.id: g for g in ws.goals}
    order = [p for p in voting.final_order(ws) if p.goal_id in goals]
    ranks = [p.rank for p in order if p.ranked]
    return [
        Place(
            goals[p.goal_id],
            p.rank,
            p.dots,
            p.ranked and ranks.count(p.rank) > 1,
            p.settled_by,
            p.ranked,
        )
        for p in order
    ]


def top_places(ws: Workshop) -> list[Place]:
    """The top three, and any goal still tied with the third (never a goal without dots)."""
    return [p for p in places(ws) if p.ranked and p.rank <= TOP]


def reading_order(ws: Workshop) -> list[Goal]:
    """Goals in priority order, then those not voted on in board order (pillar by pillar)."""
    ranked = [p.goal for p in places(ws)]
    seen = {g.id for g in ranked}
    rest = [g for pillar in Pillar for g in ws.goals if g.pillar is pillar and g.id not in seen]
    return ranked + rest


@dataclass(frozen=True)
class Tie:
    """Goals that ended level in the vote, how their order was settled, and why."""

    sentence: str
    note: str = ""
    settled: bool = True


@dataclass(frozen=True)
class VoteSummary:
    """The main round in a sentence, and how each tie in it was settled."""

    sentence: str
    ties: list[Tie]


def _participant_name(ws: Workshop, participant_id: str) -> str:
    return next((p.name for p in ws.participants if p.id == participant_id), "")


def bar_words(dots: int, most: int) -> str:
    """The priorities chart's bar for a goal, in words, for a reader who cannot see it."""
    got = plural(dots, "dot")
    if dots == 0:
        return "A bar of no dots: no one put a dot on this goal."
    if dots == most:
        return f"A bar of {got}, the most any goal received."
    return f"A bar of {got}, against {plural(most, 'dot')} for the goal with the most."


def vote_summary(ws: Workshop) -> VoteSummary | None:
    """How the team voted, or None when no vote has been closed."""
    main = voting.main_round(ws)
    if main is None:
        return None
    cast = voting.dots_cast(main)
    rule = f"{plural(main.dots_per_voter, 'dot')} each, at most {main.max_per_goal} on one goal"
    if main.mode is VotingMode.SECRET:
        how = f"{plural(len(main.voted()), 'voter')} placed {rule}, in a secret ballot"
    else:
        how = f"The room voted with {rule}, and the dots were counted off the wall"
    sentence = f"{how}: {plural(cast, 'dot')} on {plural(len(main.goal_ids), 'goal')} in all."
    return VoteSummary(sentence, _tie_sentences(ws, main))


def _tie_sentences(ws: Workshop, main: VotingRound) -> list[Tie]:
    goals = {g.id: g for g in ws.goals}
    settled = {p.goal_id: p for p in voting.final_order(ws)}
    runoff_notes = [r.decision_note for r in voting.runoffs_of(ws, main.id) if r.decision_note]
    note = main.decision_note or next(iter(runoff_notes), "")
    out: list[Tie] = []
    for group in voting.ties_to_settle(main):
        group = [g for g in group if g in goals and g in settled]
        if len(group) < 2:
            continue
        titles = names_sentence([set_apart_in_quotes(goals[g].title) for g in group])
        tied = f"{titles} tied with {plural(voting.totals(main)[group[0]], 'dot')} each"
        still = [g for g in group if settled[g].settled_by is None]
        if still:
            place = ordinal(settled[still[0]].rank)
            if len(still) == len(group):
                out.append(Tie(f"{tied}; they share {place} place.", settled=False))
            else:
                shared = names_sentence([set_apart_in_quotes(goals[g].title) for g in still])
                out.append(
                    Tie(
                        f"{tied}; the order is only partly settled: {shared} share {place} place.",
                        note,
                        settled=False,
                    )
                )
            continue
        order = names_sentence(
            [
                set_apart_in_quotes(goals[g].title)
                for g in sorted(group, key=lambda g: settled[g].rank)
            ]
        )
        how = {settled[g].settled_by for g in group}
        if how == {TieBreak.RUNOFF}:
            out.append(Tie(f"{tied}; a run-off vote put them in this order: {order}.", note))
        elif how == {TieBreak.SPONSOR}:
            sponsor = f"{ws.sponsor_name}, the sponsor," if ws.sponsor_name else "The sponsor"
            out.append(Tie(f"{tied}. {sponsor} decided the order: {order}.", note))
        else:
            out.append(
                Tie(
                    f"{tied}; a run-off vote and then the sponsor's call set the order: {order}.",
                    note,
                )
            )
    return out


# ----------------------------------------------------------------- people


@dataclass(frozen=True)
class Signatory:
    """Someone who signs the charter: the sponsor, then each Accountable."""

    name: str
    title: str
    duty: str
    """What they sign for: 'Sponsor, accountable for 2 goals'."""


def signatories(ws: Workshop) -> list[Signatory]:
    """The sponsor, then the Accountables in board order, each name once."""
    holders: dict[str, list[Assignee]] = {}
    for a in ws.assignments:
        if a.role is Role.ACCOUNTABLE:
            holders.setdefault(a.goal_id, []).append(a.assignee)
    accountable: dict[str, tuple[Assignee, int]] = {}
    for pillar in Pillar:
        for goal in ws.goals:
            if goal.pillar is not pillar:
                continue
            for holder in holders.get(goal.id, ()):
                name = _name(ws, holder)
                if name is not None:
                    who, n = accountable.get(name, (holder, 0))
                    accountable[name] = (who, n + 1)

    def is_sponsor(name: str) -> bool:
        return bool(ws.sponsor_name) and same_name(name, ws.sponsor_name)

    out: list[Signatory] = []
    if ws.sponsor_name:
        held = sum(n for name, (_, n) in accountable.items() if is_sponsor(name))
        duty = "Sponsor" + (f", accountable for {plural(held, 'goal')}" if held else "")
        out.append(Signatory(ws.sponsor_name, ws.sponsor_title, duty))
    for name, (who, n) in accountable.items():
        if is_sponsor(name):
            continue
        if who.kind is AssigneeKind.FUNCTION:
            title = "Signed by the head of the function"
        else:
            person = next(p for p in ws.participants if p.id == who.id)
            title = person.role_title or _function_name(ws, person)
        out.append(Signatory(name, title, f"Accountable for {plural(n, 'goal')}"))
    return out


def _function_name(ws: Workshop, person: Participant) -> str:
    return next((f.name for f in ws.functions if f.id == person.function_id), "")


@dataclass(frozen=True)
class Team:
    """A function and the people in the room from it."""

    name: str
    customer_facing: bool | None
    people: list[Participant]


def teams(ws: Workshop) -> list[Team]:
    """The functions in table order with their people; people without one come last."""
    out = [
        Team(f.name, f.customer_facing, [p for p in ws.participants if p.function_id == f.id])
        for f in ws.functions
    ]
    known = {f.id for f in ws.functions}
    loose = [p for p in ws.participants if p.function_id not in known]
    if loose:
        out.append(Team("No function given", None, loose))
    return out


# ----------------------------------------------------------------- the sponsor


def signed(ws: Workshop) -> bool:
    """Whether the sponsor has signed the charter."""
    return ws.signed_on is not None


def subtitle(ws: Workshop) -> str:
    """The line under the title: 'Agreed' only once the sponsor has signed."""
    if not ws.date:
        return "Our customer experience charter"
    verb = "Agreed" if signed(ws) else "Drawn up"
    return f"{verb} at the workshop on {long_date(ws.date)}"


def sign_off_line(ws: Workshop) -> str:
    """'Signed by Amara Okonkwo on 25 March 2027', or who is to sign and by when."""
    sponsor = ws.sponsor_name or "the sponsor"
    if ws.signed_on is not None:
        return f"Signed by {sponsor} on {long_date(ws.signed_on)}"
    if ws.sign_by is not None:
        return f"To be signed by {sponsor} by {long_date(ws.sign_by)}"
    return f"To be signed by {sponsor}"


def review_line(ws: Workshop) -> str:
    """'17 June 2027, then quarterly'; '' with no review date."""
    if ws.review_date is None:
        return ""
    then = f", then {ws.review_cadence.phrase}" if ws.review_cadence else ""
    return f"{long_date(ws.review_date)}{then}"


_DUE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def due_date(due: str) -> dt.date | None:
    """The date a 'by when' names, if it names one: '30 April 2027', '2027-04-30'."""
    for pattern in _DUE_FORMATS:
        try:
            return dt.datetime.strptime(due.strip(), pattern).date()
        except ValueError:
            continue
    return None


def asks_by(ws: Workshop) -> str:
    """When every ask is due: the latest of their dates, or their one shared wording; '' else."""
    dues = [a.due for a in ws.asks]
    if not dues or not all(dues):
        return ""
    dates = [due_date(d) for d in dues]
    if all(d is not None for d in dates):
        return long_date(max(d for d in dates if d is not None))
    return dues[0] if len(set(dues)) == 1 else ""


def asks_summary(ws: Workshop) -> str:
    """'3 asks of the sponsor, by 30 April 2027'; '' when there are none."""
    if not ws.asks:
        return ""
    by = asks_by(ws)
    return plural(len(ws.asks), "ask") + " of the sponsor" + (f", by {by}" if by else "")


@dataclass(frozen=True)
class Health:
    """How sound the accountability is, from the live checks, in a line and its warnings."""

    line: str
    sound: bool
    function_accountable: list[str]
    """'Accountable is a whole function: Marketing for “Grow referrals”', one per function."""


def health(ws: Workshop) -> Health:
    """The accountability checks in one line, and where a whole function is Accountable."""
    findings = checks.check(ws)

    def with_code(*codes: str) -> list[checks.Finding]:
        return [f for f in findings if f.code in codes]

    unclear = {
        g for f in with_code(checks.NO_ACCOUNTABLE, checks.SEVERAL_ACCOUNTABLE) for g in f.goal_ids
    }
    overloaded = [
        n for f in with_code(checks.BOTTLENECK) for who in f.assignees if (n := _name(ws, who))
    ]
    silos = [n for f in with_code(checks.SILO) for who in f.assignees if (n := _name(ws, who))]
    parts = []
    if ws.goals:
        parts.append(
            f"{plural(len(unclear), 'goal')} without exactly one Accountable"
            if unclear
            else "one Accountable for every goal"
        )
    parts.append(f"overloaded: {names_sentence(overloaded)}" if overloaded else "nobody overloaded")
    if ws.functions:
        parts.append(
            f"{plural(len(silos), 'function')} left out: {names_sentence(silos)}"
            if silos
            else "no function left out"
        )
    by_function: dict[str, list[str]] = {}
    for goal in reading_order(ws):
        for a in ws.assignments:
            if (
                a.goal_id == goal.id
                and a.role is Role.ACCOUNTABLE
                and a.assignee.kind is AssigneeKind.FUNCTION
                and (name := _name(ws, a.assignee))
            ):
                by_function.setdefault(name, []).append(set_apart_in_quotes(goal.title))
    warnings = [
        f"Accountable is a whole function: {isolate(name)} for {names_sentence(titles)}"
        for name, titles in by_function.items()
    ]
    line = " · ".join(parts)
    return Health(
        line[0].upper() + line[1:],
        not (unclear or overloaded or silos or warnings),
        warnings,
    )


# ----------------------------------------------------------------- completeness


def incomplete_steps(ws: Workshop) -> list[Step]:
    """The steps still missing something the charter needs, in workshop order."""
    done = completed_steps(ws)
    return [step for step in Step if step not in done]


def is_draft(ws: Workshop) -> bool:
    """Whether the charter still carries its draft mark."""
    return bool(incomplete_steps(ws))


@dataclass(frozen=True)
class Gap:
    """Something the charter would show as missing, and the step where it is put right."""

    step: Step
    message: str


def _goal_gaps(goal: Goal) -> str | None:
    missing = [
        what for what, value in (("metric", goal.metric), ("target", goal.target)) if not value
    ]
    if not missing:
        return None
    return f"{set_apart_in_quotes(goal.title)} has no {' or '.join(missing)} yet."


def gaps(ws: Workshop) -> list[Gap]:
    """What to fill in before the charter goes to the sponsor, step by step."""
    out: list[Gap] = []
    if not ws.sponsor_name:
        out.append(Gap(Step.SETUP, "No sponsor is named; the charter is addressed to them."))
    if not ws.vision:
        out.append(Gap(Step.VISION, "The vision sentence is still empty."))
    if not any(p.committed for p in ws.principles):
        out.append(Gap(Step.VISION, "The team has not committed to any principle yet."))
    if not ws.goals:
        out.append(Gap(Step.GOALS, "There are no goals yet."))
    for pillar in Pillar:
        for goal in ws.goals:
            if goal.pillar is pillar:
                message = _goal_gaps(goal)
                if message:
                    out.append(Gap(Step.GOALS, message))
    out.extend(
        Gap(Step.ACCOUNTABILITY, finding.message)
        for finding in checks.check(ws)
        if finding.severity is checks.Severity.ERROR
    )
    if voting.main_round(ws) is None:
        out.append(Gap(Step.PRIORITIES, "No vote has been taken, so there are no priorities."))
    else:
        top = top_places(ws)
        shared = [p for p in top if p.shared]
        if shared:
            titles = names_sentence([set_apart_in_quotes(p.goal.title) for p in shared])
            out.append(
                Gap(
                    Step.PRIORITIES,
                    f"{titles} are still tied for {ordinal(shared[0].rank)} place; settle it "
                    "with a run-off or the sponsor's call.",
                )
            )
    if ws.review_date is None:
        out.append(
            Gap(Step.CHARTER, "No review date is set; the charter says when progress is checked.")
        )
    if not ws.commitments:
        out.append(Gap(Step.CHARTER, "There are no next steps yet."))
    return out


@dataclass(frozen=True)
class Section:
    """One section of the charter as the review page lists it: what it will hold."""

    title: str
    detail: str
    ready: bool


def _summary_section(ws: Workshop) -> Section:
    top = top_places(ws)
    parts = ["the vision" if ws.vision else "no vision yet"]
    parts.append(f"the top {TOP} priorities" if top else "no priorities yet")
    parts.append(f"review on {long_date(ws.review_date)}" if ws.review_date else "no review date")
    ready = bool(ws.vision and top and ws.review_date and ws.sponsor_name)
    return Section("Summary", ", ".join(parts), ready)


def _goals_section(ws: Workshop) -> Section:
    if not ws.goals:
        return Section("Goals by pillar", "no goals yet", False)
    counts = ", ".join(f"{sum(1 for g in ws.goals if g.pillar is p)} {p.label}" for p in Pillar)
    measured = all(g.metric and g.target for g in ws.goals)
    return Section("Goals by pillar", f"{plural(len(ws.goals), 'goal')}: {counts}", measured)


def _accountability_section(ws: Workshop) -> Section:
    if not ws.goals:
        return Section("Accountability", "no goals yet", False)
    errors = [f for f in checks.check(ws) if f.severity is checks.Severity.ERROR]
    if errors:
        return Section("Accountability", f"{plural(len(errors), 'problem')} to settle", False)
    return Section("Accountability", "one Accountable and a Responsible for every goal", True)


def _priorities_section(ws: Workshop) -> Section:
    main = voting.main_round(ws)
    summary = vote_summary(ws)
    if main is None or summary is None:
        return Section("Priorities", "no vote yet", False)
    detail = f"{plural(voting.dots_cast(main), 'dot')} cast"
    settled = sum(1 for tie in summary.ties if tie.settled)
    if settled:
        detail += f"; {plural(settled, 'tie')} settled"
    return Section("Priorities", detail, not any(p.shared for p in top_places(ws)))


def sections(ws: Workshop) -> list[Section]:
    """Each section of the PDF with a line on what it will show, and whether it is complete."""
    committed = sum(1 for p in ws.principles if p.committed)
    present = sum(1 for t in teams(ws) if t.people)
    people = len(ws.participants)
    names = len(signatories(ws))
    return [
        _summary_section(ws),
        _goals_section(ws),
        _accountability_section(ws),
        _priorities_section(ws),
        Section("Principles", f"{committed} committed", committed > 0),
        Section("Next steps", plural(len(ws.commitments), "next step"), bool(ws.commitments)),
        Section(
            "Who was in the room",
            f"{plural(people, 'person', 'people')} from {plural(present, 'function')}",
            people > 0,
        ),
        Section("Sign-off", plural(names, "name"), names > 0),
    ]


# ----------------------------------------------------------------- the appendix


@dataclass(frozen=True)
class TimeRow:
    """One step in the appendix: what was planned and what the room spent."""

    step: Step
    planned: str
    """'40 min', or '09:30–10:10 · 40 min' with a start time."""
    spent: str
    """'42 min', or '–' when the timer never ran in the step."""
    over: bool
    """Whether the room spent more than the timebox."""


def time_rows(ws: Workshop) -> list[TimeRow]:
    """Each step's plan and the time spent in it, for the charter's appendix."""
    rows = []
    for slot in agenda.agenda(ws):
        planned = f"{slot.minutes} min"
        if slot.start is not None and slot.end is not None:
            planned = f"{agenda.clock_text(slot.start)}–{agenda.clock_text(slot.end)} · {planned}"
        seconds = ws.time_spent.get(slot.step, 0)
        spent = agenda.duration_text(seconds) if seconds else "–"
        rows.append(TimeRow(slot.step, planned, spent, seconds > slot.minutes * 60))
    return rows


def time_totals(ws: Workshop) -> tuple[str, str]:
    """The whole agenda's planned length and the time spent in all."""
    spent = sum(ws.time_spent.values())
    return (
        agenda.duration_text(agenda.total_minutes(ws) * 60),
        agenda.duration_text(spent) if spent else "–",
    )
