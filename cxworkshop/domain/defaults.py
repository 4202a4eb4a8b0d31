"""What a new workshop starts from: the usual functions, principles and example goals.

Every call returns fresh objects with fresh ids, so a caller may edit what it
gets without touching anyone else's copy.
"""

from __future__ import annotations

from .model import Function, Goal, Pillar, Principle

PALETTE = (
    "#332288",  # indigo
    "#E69F00",  # orange
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#882255",  # wine
    "#661100",  # dark brown
)
"""Ten function colours that stay apart for colour-blind viewers.

The Okabe–Ito palette with its black swapped for indigo, plus wine and dark
brown, all three from Paul Tol's colour-blind-safe sets: no chip is lost on a
dark theme, and no two merge for viewers with red-green or blue-yellow colour
blindness.
Each colour reaches a contrast of at least 4.5:1 with black or with white
text; :func:`readable_text_colour` says which.
"""

_FUNCTIONS = (
    # name, customer-facing
    ("Executive leadership", False),
    ("Marketing", True),
    ("Sales", True),
    ("Customer Service", True),
    ("UX Design", True),
    # Product managers shape what customers get, but rarely serve them directly.
    ("Product Management", False),
    ("Operations", False),
    ("IT", False),
    ("HR", False),
    ("Finance", False),
)


def default_functions() -> list[Function]:
    """The ten functions most leadership teams bring to the table, each with its colour."""
    return [
        Function(name=name, customer_facing=facing, colour=colour)
        for (name, facing), colour in zip(_FUNCTIONS, PALETTE, strict=True)
    ]


_PRINCIPLES = (
    "Customer experience sits at the heart of our mission and strategy.",
    "Our leaders, starting with the CEO, champion it where everyone can see.",
    "We tear down silos between teams and build no new ones.",
    "Front office and back office back each other up.",
    "Our systems share what they know, so the whole customer journey is in view.",
    "We watch customer feedback, the bad with the good, and act on it.",
    "We judge every decision by what it does for the customer, not the product.",
)


def default_principles() -> list[Principle]:
    """The principles teams usually commit to, none of them committed yet."""
    return [Principle(text=text) for text in _PRINCIPLES]


_EXAMPLE_GOALS: dict[Pillar, tuple[tuple[str, str, str, str, str], ...]] = {
    Pillar.WIN: (
        # title, metric, baseline, target, due
        ("Turn more visitors into buyers", "Website conversion rate", "1.8%", "2.5%", "Q4 2027"),
        ("Win customers for less", "Cost of acquiring a customer", "€62", "€48", "Q2 2028"),
        (
            "Grow referrals into new business",
            "Share of new customers who were referred",
            "11%",
            "20%",
            "Q1 2028",
        ),
        (
            "Answer every sales enquiry the same day",
            "Enquiries answered within 8 hours",
            "64%",
            "95%",
            "Q3 2027",
        ),
    ),
    Pillar.KEEP: (
        ("Cut monthly churn", "Monthly churn rate", "3.1%", "2.0%", "Q4 2027"),
        (
            "Make help effortless",
            "Customer effort score (1–7, higher is easier)",
            "4.3",
            "5.6",
            "Q3 2027",
        ),
        (
            "Lift customer satisfaction after support",
            "CSAT after a support contact",
            "78%",
            "88%",
            "Q4 2027",
        ),
        (
            "Bring customers back for more",
            "Repeat purchase rate within 12 months",
            "27%",
            "35%",
            "Q2 2028",
        ),
    ),
    Pillar.ADVOCATE: (
        ("Raise our Net Promoter Score", "NPS", "21", "35", "Q4 2027"),
        ("Earn more five-star reviews", "Average review rating", "4.1", "4.6", "Q2 2028"),
        (
            "Build a community customers want to join",
            "Active community members",
            "350",
            "1,500",
            "Q1 2028",
        ),
    ),
}


def example_goals() -> dict[Pillar, list[Goal]]:
    """A few realistic goals per pillar, each with metric, baseline, target and date."""
    return {
        pillar: [
            Goal(
                pillar=pillar, title=title, metric=metric, baseline=baseline, target=target, due=due
            )
            for title, metric, baseline, target, due in examples
        ]
        for pillar, examples in _EXAMPLE_GOALS.items()
    }


_METRIC_HINTS = {
    Pillar.WIN: "Conversion rate, cost to win a customer, share of new customers referred.",
    Pillar.KEEP: "Churn or retention, CSAT, customer effort score, repeat purchases, revenue kept.",
    Pillar.ADVOCATE: "Net Promoter Score, referrals made, review ratings, community activity.",
}


def metric_hints() -> dict[Pillar, str]:
    """Typical measures of success for each pillar, as a one-line hint."""
    return dict(_METRIC_HINTS)


def _luminance(colour: str) -> float:
    """Relative luminance of a #RRGGBB colour, as WCAG 2 defines it."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours, from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    black, white = "#000000", "#FFFFFF"
    if contrast_ratio(background, black) >= contrast_ratio(background, white):
        return black
    return white
