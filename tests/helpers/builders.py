"""Small workshops for tests, built through the same edits the app uses."""

from __future__ import annotations

from cxworkshop.domain import editing
from cxworkshop.domain.model import (
    Assignee,
    Assignment,
    Function,
    Goal,
    Participant,
    Pillar,
    Role,
    VotingMode,
    VotingRound,
    Workshop,
)

FUNCTIONS = (
    ("Executive leadership", True),
    ("Marketing", True),
    ("Customer Service", True),
    ("Finance", False),
    ("IT", False),
)
"""(name, customer-facing): three front-office functions and two back-office ones."""

PARTICIPANTS = (
    ("Ana Silva", "Executive leadership", "Chief executive"),
    ("Ben Okafor", "Marketing", "Head of marketing"),
    ("Chloe Martin", "Customer Service", "Contact centre lead"),
    ("Dev Patel", "Finance", "Finance director"),
)

GOALS = (
    (Pillar.WIN, "Raise trial-to-paid conversion"),
    (Pillar.WIN, "Cut the cost of acquiring a customer"),
    (Pillar.KEEP, "Lower monthly churn"),
    (Pillar.KEEP, "Raise CSAT after support calls"),
    (Pillar.ADVOCATE, "Raise NPS from 21 to 35"),
)
"""Two goals to win customers, two to keep them, one to turn them into advocates."""


def small_workshop() -> Workshop:
    """Five functions (two back office), four people, five goals, no roles yet."""
    ws = editing.new_workshop("Customer experience charter", organisation="Northwind")
    for name, customer_facing in FUNCTIONS:
        editing.add_function(ws, Function(name, customer_facing=customer_facing))
    for name, function_name, title in PARTICIPANTS:
        editing.add_participant(ws, Participant(name, function_named(ws, function_name).id, title))
    for pillar, title in GOALS:
        editing.add_goal(ws, Goal(pillar, title))
    return ws


def sound_workshop() -> Workshop:
    """The small workshop with roles that pass every check.

    Every goal has one Accountable and a Responsible, every function takes
    part, the back office included, and nobody answers for more than three goals.
    """
    ws = small_workshop()
    exec_ = as_function(ws, "Executive leadership")
    ana = as_person(ws, "Ana Silva")
    plan = {
        "Raise trial-to-paid conversion": [
            (exec_, Role.ACCOUNTABLE),
            (as_function(ws, "Marketing"), Role.RESPONSIBLE),
        ],
        "Cut the cost of acquiring a customer": [
            (exec_, Role.ACCOUNTABLE),
            (as_function(ws, "Marketing"), Role.RESPONSIBLE),
            (as_function(ws, "Finance"), Role.CONSULTED),
        ],
        "Lower monthly churn": [
            (ana, Role.ACCOUNTABLE),
            (as_function(ws, "Customer Service"), Role.RESPONSIBLE),
            (as_function(ws, "IT"), Role.RESPONSIBLE),
        ],
        "Raise CSAT after support calls": [
            (ana, Role.ACCOUNTABLE),
            (as_person(ws, "Chloe Martin"), Role.RESPONSIBLE),
            (as_function(ws, "IT"), Role.INFORMED),
        ],
        "Raise NPS from 21 to 35": [
            (exec_, Role.ACCOUNTABLE),
            (as_function(ws, "Marketing"), Role.RESPONSIBLE),
            (as_function(ws, "Customer Service"), Role.CONSULTED),
        ],
    }
    for title, roles in plan.items():
        for who, role in roles:
            editing.assign(ws, goal_titled(ws, title).id, who, role)
    return ws


# ----------------------------------------------------------------- look-ups by name


def function_named(ws: Workshop, name: str) -> Function:
    return next(f for f in ws.functions if f.name == name)


def person_named(ws: Workshop, name: str) -> Participant:
    return next(p for p in ws.participants if p.name == name)


def goal_titled(ws: Workshop, title: str) -> Goal:
    return next(g for g in ws.goals if g.title == title)


def as_function(ws: Workshop, name: str) -> Assignee:
    return Assignee.function(function_named(ws, name).id)


def as_person(ws: Workshop, name: str) -> Assignee:
    return Assignee.participant(person_named(ws, name).id)


def goal_ids(ws: Workshop) -> list[str]:
    return [g.id for g in ws.goals]


def voter_ids(ws: Workshop) -> list[str]:
    return [p.id for p in ws.participants]


# ----------------------------------------------------------------- voting


def tally_round(
    ws: Workshop,
    dots: dict[str, int],
    *,
    runoff_of: str | None = None,
    close: bool = True,
) -> VotingRound:
    """A room-tally round on the goals in ``dots`` (in that order), counted and closed."""
    ballot = list(dots)
    budget = 3
    r = editing.open_round(
        ws,
        goal_ids=ballot,
        dots_per_voter=budget,
        max_per_goal=budget,
        mode=VotingMode.TALLY,
        runoff_of=runoff_of,
    )
    for goal_id, n in dots.items():
        editing.set_tally(ws, r.id, goal_id, n)
    if close:
        editing.close_round(ws, r.id)
    return r


def secret_round(
    ws: Workshop,
    *,
    goal_ids: list[str] | None = None,
    dots_per_voter: int = 3,
    max_per_goal: int = 2,
) -> VotingRound:
    """An open secret ballot on ``goal_ids`` (every goal by default), everyone voting."""
    return editing.open_round(
        ws,
        goal_ids=goal_ids if goal_ids is not None else [g.id for g in ws.goals],
        dots_per_voter=dots_per_voter,
        max_per_goal=max_per_goal,
    )


WORDS = (
    "Answer every customer question on the first contact, whatever the channel they use",
    "Halve the time a new customer waits for their first delivery",
    "Make the returns process something customers recommend",
    "Give every store manager the week's complaints by Monday morning",
    "Reach the people who leave before they decide to leave",
)


def large_workshop() -> Workshop:
    """The demo grown to 30 goals and 20 people: more than any screen holds at the floor."""
    from cxworkshop.domain.demo import demo_workshop

    ws = demo_workshop()
    pillars = list(Pillar)
    for i in range(len(ws.goals), 30):
        ws.goals.append(
            Goal(
                pillars[i % 3],
                f"{WORDS[i % len(WORDS)]} ({i + 1})",
                metric="Share of customers",
                baseline=f"{20 + i}%",
                target=f"{40 + i}%",
                due="Q4 2027",
            )
        )
    functions = [f.id for f in ws.functions]
    for i in range(len(ws.participants), 20):
        ws.participants.append(
            Participant(f"Alexandrina Montgomery-Whitfield {i}", functions[i % len(functions)])
        )
    for i, goal in enumerate(ws.goals[9:]):
        person = ws.participants[i % len(ws.participants)]
        ws.assignments.append(
            Assignment(goal.id, Assignee.participant(person.id), Role.ACCOUNTABLE)
        )
        for function in functions[:4]:
            ws.assignments.append(Assignment(goal.id, Assignee.function(function), Role.CONSULTED))
    return ws
