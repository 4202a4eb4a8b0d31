"""A finished example workshop, for trying the app and for screenshots.

It is built with the same edit operations the app uses, so it obeys every
rule a real workshop does. Nothing in it is random except the ids.
"""

from __future__ import annotations

import datetime as dt

from . import editing
from .defaults import default_functions, default_principles
from .model import (
    Ask,
    AskKind,
    Assignee,
    Cadence,
    Commitment,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    Status,
    Step,
    VotingMode,
    Workshop,
)

_PARTICIPANTS = (
    # key, name, function, role title
    ("amara", "Amara Okonkwo", "Executive leadership", "Chief Executive Officer"),
    ("zoe", "Zoë Ødegård", "Marketing", "Chief Marketing Officer"),
    ("mateo", "Mateo Hernández", "Sales", "Vice President, Sales"),
    ("siobhan", "Siobhán Ní Bhriain", "Customer Service", "Head of Customer Care"),
    ("kenji", "Kenji Watanabe", "UX Design", "Lead UX Designer"),
    ("lukas", "Lukas Schäfer", "Product Management", "Head of Product"),
    ("fatima", "Fatima Al-Sayed", "Operations", "Chief Operating Officer"),
    ("lan", "Nguyễn Thị Lan", "IT", "Chief Digital Officer"),
)

_GOALS = (
    # key, pillar, title, metric, baseline, target, due
    (
        "convert",
        Pillar.WIN,
        "Turn more first-time visitors into buyers",
        "Online conversion rate",
        "1.8%",
        "2.6%",
        "Q4 2027",
    ),
    (
        "cac",
        Pillar.WIN,
        "Win each new customer for less",
        "Cost of acquiring a customer",
        "€58",
        "€45",
        "Q2 2028",
    ),
    (
        "referrals",
        Pillar.WIN,
        "Grow the share of customers who come to us by referral",
        "New customers from referrals",
        "12%",
        "20%",
        "Q1 2028",
    ),
    (
        "churn",
        Pillar.KEEP,
        "Cut monthly churn of Trail Club members",
        "Monthly churn rate",
        "3.1%",
        "2.0%",
        "Q4 2027",
    ),
    (
        "effort",
        Pillar.KEEP,
        "Make getting help effortless",
        "Customer effort score (1–7, higher is easier)",
        "4.2",
        "5.5",
        "Q3 2027",
    ),
    (
        "delivery",
        Pillar.KEEP,
        "Deliver every order on the day we promised",
        "Orders delivered on the promised day",
        "88%",
        "97%",
        "Q4 2027",
    ),
    (
        "nps",
        Pillar.ADVOCATE,
        "Raise our Net Promoter Score",
        "NPS",
        "21",
        "35",
        "Q4 2027",
    ),
    (
        "reviews",
        Pillar.ADVOCATE,
        "Earn more five-star reviews",
        "Average rating on review sites",
        "4.1",
        "4.6",
        "Q2 2028",
    ),
    (
        "ambassadors",
        Pillar.ADVOCATE,
        "Build a community of trail ambassadors",
        "Active community members",
        "350",
        "1,500",
        "Q1 2028",
    ),
)

_A, _R, _C, _I = Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED

# Per goal: (role, participant key or function name). Accountability sits with
# the executives; every function carries some of the work somewhere.
_RACI: dict[str, tuple[tuple[Role, str], ...]] = {
    "convert": (
        (_A, "zoe"),
        (_R, "Marketing"),
        (_R, "UX Design"),
        (_R, "IT"),
        (_C, "Product Management"),
        (_C, "Sales"),
        (_I, "Finance"),
    ),
    "cac": (
        (_A, "Executive leadership"),
        (_R, "Marketing"),
        (_R, "Sales"),
        (_C, "Finance"),
        (_I, "Product Management"),
    ),
    "referrals": (
        (_A, "mateo"),
        (_R, "Sales"),
        (_R, "Marketing"),
        (_R, "Customer Service"),
        (_C, "Product Management"),
        (_I, "Finance"),
    ),
    "churn": (
        (_A, "amara"),
        (_R, "Customer Service"),
        (_R, "Product Management"),
        (_R, "Operations"),
        (_C, "Finance"),
        (_C, "IT"),
        (_I, "HR"),
    ),
    "effort": (
        (_A, "fatima"),
        (_R, "siobhan"),
        (_R, "Customer Service"),
        (_R, "UX Design"),
        (_R, "IT"),
        (_R, "HR"),
        (_C, "Product Management"),
        (_I, "Marketing"),
    ),
    "delivery": (
        (_A, "fatima"),
        (_R, "Operations"),
        (_R, "IT"),
        (_C, "Customer Service"),
        (_C, "Finance"),
        (_I, "Sales"),
        (_I, "Marketing"),
    ),
    "nps": (
        (_A, "amara"),
        (_R, "Customer Service"),
        (_R, "Marketing"),
        (_R, "Product Management"),
        (_C, "UX Design"),
        (_I, "Executive leadership"),
        (_I, "HR"),
    ),
    "reviews": (
        (_A, "lan"),
        (_R, "kenji"),
        (_R, "Marketing"),
        (_R, "Customer Service"),
        (_R, "IT"),
        (_C, "UX Design"),
        (_I, "Product Management"),
    ),
    "ambassadors": (
        (_A, "zoe"),
        (_R, "Marketing"),
        (_R, "Customer Service"),
        (_C, "HR"),
        (_C, "Sales"),
        (_I, "Finance"),
    ),
}

# Each voter's three dots, at most two on one goal. Two goals end level in
# third place, and the sponsor settles the order.
_BALLOTS: dict[str, dict[str, int]] = {
    "amara": {"churn": 2, "nps": 1},
    "zoe": {"convert": 2, "nps": 1},
    "mateo": {"convert": 1, "cac": 1, "referrals": 1},
    "siobhan": {"effort": 2, "churn": 1},
    "kenji": {"effort": 1, "convert": 1, "reviews": 1},
    "lukas": {"churn": 2, "nps": 1},
    "fatima": {"delivery": 2, "effort": 1},
    "lan": {"nps": 2, "churn": 1},
}
_TIE_ORDER = ("effort", "convert")
_TIE_NOTE = (
    "Amara put effortless help ahead of conversion: every customer we win "
    "will need us sooner or later, so support comes first."
)

_UNCOMMITTED_PRINCIPLES = 1
_CUSTOM_PRINCIPLE = "We answer every customer review within two working days."

_COMMITMENTS = (
    (
        "Share the charter with every employee and pin it in each team's channel.",
        "Amara Okonkwo",
        "25 March 2027",
    ),
    (
        "Build one CX dashboard that shows all nine measures against their baselines.",
        "Nguyễn Thị Lan",
        "30 April 2027",
    ),
    (
        "Hold the first quarterly review of progress against the charter.",
        "Fatima Al-Sayed",
        "17 June 2027",
    ),
)


_ASKS = (
    (
        AskKind.BUDGET,
        "Fund the new member onboarding journey: the welcome calls and the app's first-week flow.",
        "30 April 2027",
    ),
    (
        AskKind.PEOPLE,
        "Lend two IT analysts to the feedback squad for six months.",
        "15 April 2027",
    ),
    (
        AskKind.DECISION,
        "Decide whether store targets count customer effort as well as sales.",
        "30 April 2027",
    ),
)


def demo_workshop() -> Workshop:
    """A finished workshop for an invented outdoor retailer: goals, RACI, a vote, next steps."""
    ws = editing.new_workshop(
        "Customer experience charter 2027",
        organisation="Northwind Outdoor Co.",
        date=dt.date(2027, 3, 18),
        facilitator="Rahul Mehta",
        sponsor_name="Amara Okonkwo",
        sponsor_title="Chief Executive Officer",
        vision=(
            "Everyone who trusts us with their time outdoors feels looked after "
            "at every step, comes back, and brings a friend."
        ),
        review_date=dt.date(2027, 6, 17),
    )

    functions = {}
    for f in default_functions():
        functions[f.name] = editing.add_function(ws, f)

    people = {}
    for key, name, function_name, title in _PARTICIPANTS:
        people[key] = editing.add_participant(
            ws,
            Participant(name=name, function_id=functions[function_name].id, role_title=title),
        )

    goals = {}
    for key, pillar, title, metric, baseline, target, due in _GOALS:
        goals[key] = editing.add_goal(
            ws,
            Goal(
                pillar=pillar, title=title, metric=metric, baseline=baseline, target=target, due=due
            ),
        )

    for goal_key, roles in _RACI.items():
        for role, who in roles:
            assignee = (
                Assignee.participant(people[who].id)
                if who in people
                else Assignee.function(functions[who].id)
            )
            editing.assign(ws, goals[goal_key].id, assignee, role)

    principles = default_principles()
    for p in principles[: len(principles) - _UNCOMMITTED_PRINCIPLES]:
        p.committed = True
    principles.append(Principle(text=_CUSTOM_PRINCIPLE, committed=True, custom=True))
    for p in principles:
        editing.add_principle(ws, p)

    voting = editing.open_round(
        ws,
        goal_ids=[g.id for g in ws.goals],
        dots_per_voter=3,
        max_per_goal=2,
        mode=VotingMode.SECRET,
    )
    for voter, dots in _BALLOTS.items():
        editing.cast_ballot(
            ws, voting.id, people[voter].id, {goals[k].id: n for k, n in dots.items()}
        )
    editing.close_round(ws, voting.id)
    editing.set_revealed(ws, voting.id, True)
    editing.record_decision(ws, voting.id, [goals[k].id for k in _TIE_ORDER], _TIE_NOTE)

    for text, owner, due in _COMMITMENTS:
        editing.add_commitment(ws, Commitment(text=text, owner=owner, due=due))
    for kind, text, due in _ASKS:
        editing.add_ask(ws, Ask(text=text, kind=kind, due=due))

    editing.update_details(
        ws,
        review_cadence=Cadence.QUARTERLY,
        signed_on=dt.date(2027, 3, 25),
        status=Status.DONE,
        current_step=Step.CHARTER,
    )
    return ws
