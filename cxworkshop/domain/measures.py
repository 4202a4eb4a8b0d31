"""Numbers in the measures people write: "3.1%", "€58", "1,500", "< 2 days".

A goal's baseline, target and readings stay the text the room wrote; this module
reads the number and unit out of that text where the text allows, so progress can
be charted where baseline, reading and target are comparable, and said plainly
where they are not.

How a number is read, in order to be predictable rather than clever:
- a point is a decimal point ("4.2");
- a comma followed by exactly three digits groups thousands ("1,500", "12,000,000"),
  and so do thin and ordinary spaces between groups of three ("1 500");
- any other comma is a decimal comma ("3,1%");
- a currency sign or code may come before or after the number ("€58", "58 EUR");
- a unit may follow ("%", "days", "min", "per order"), and "k", "m" or "bn" just
  after the digits multiply ("12k" is 12,000);
- a comparison in front ("<", "under", "≥", "about") is kept but does not change
  the number.
Text with anything else around the number, or with two numbers ("4.2/7",
"2 to 3 days"), has no single number, and is left as text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

_CURRENCIES = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "₽": "RUB",
    "₪": "ILS",
    "₫": "VND",
    "CHF": "CHF",
    "EUR": "EUR",
    "USD": "USD",
    "GBP": "GBP",
    "JPY": "JPY",
    "AUD": "AUD",
    "CAD": "CAD",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "INR": "INR",
}

_MULTIPLIERS = {"k": Decimal(1_000), "m": Decimal(1_000_000), "bn": Decimal(1_000_000_000)}

_UNIT_SYNONYMS = {
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "pc": "%",
    "%": "%",
    "pts": "points",
    "pt": "points",
    "point": "points",
    "points": "points",
    "d": "days",
    "day": "days",
    "days": "days",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "seconds": "seconds",
}

_COMPARATORS = {
    "<": "<",
    "<=": "≤",
    "≤": "≤",
    ">": ">",
    ">=": "≥",
    "≥": "≥",
    "~": "≈",
    "≈": "≈",
    "under": "<",
    "below": "<",
    "less than": "<",
    "over": ">",
    "above": ">",
    "more than": ">",
    "at least": "≥",
    "at most": "≤",
    "about": "≈",
    "around": "≈",
    "approx": "≈",
    "approx.": "≈",
}

_COMPARATOR = "|".join(re.escape(word) for word in sorted(_COMPARATORS, key=len, reverse=True))
_CURRENCY = "|".join(re.escape(sign) for sign in sorted(_CURRENCIES, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:(?:,\d{3})+|(?:[ ]\d{3})+)(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_PATTERN = re.compile(
    rf"""^
    (?:(?P<comparator>{_COMPARATOR})\s*)?
    (?:(?P<pre>{_CURRENCY})\s*)?
    (?P<sign>[-+−])?
    (?P<number>{_NUMBER})
    (?:(?P<multiplier>k|m|bn)(?![^\W\d_]))?
    (?:\s*(?P<post>{_CURRENCY}))?
    (?:\s*(?P<unit>%|[^\W\d_]+(?:\s[^\W\d_]+){{0,2}}\.?))?
    $""",
    re.VERBOSE | re.IGNORECASE,
)

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """The number in a measure as written, with its unit ("%" , "EUR", "days" or "")."""

    value: Decimal
    unit: str = ""
    comparator: str = ""
    text: str = ""

    def as_text(self) -> str:
        """The number in a plain form, for when no text was written (as the room would)."""
        number = format(self.value.normalize(), "f")
        if self.unit == "%":
            return f"{number}%"
        return f"{number} {self.unit}".strip()


def parse(text: str) -> Quantity | None:
    """The single number (and unit) ``text`` states, or None where it states none."""
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    match = _PATTERN.match(cleaned)
    if match is None:
        return None
    pre, post = match["pre"], match["post"]
    if pre and post:
        return None
    value = _number(match["number"])
    if value is None:
        return None
    if match["multiplier"]:
        value *= _MULTIPLIERS[match["multiplier"].lower()]
    if match["sign"] in ("-", "−"):
        value = -value
    currency = _CURRENCIES.get((pre or post or "").upper()) or _CURRENCIES.get(pre or post or "")
    unit = _unit(match["unit"])
    if currency and unit:
        return None
    comparator = _COMPARATORS[match["comparator"].lower()] if match["comparator"] else ""
    return Quantity(value, currency or unit, comparator, text)


def _number(digits: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?", digits):
        digits = digits.replace(",", "").replace(" ", "")
    else:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def _unit(word: str | None) -> str:
    if not word:
        return ""
    folded = word.lower().rstrip(".")
    return _UNIT_SYNONYMS.get(folded, folded)


class Comparison(StrEnum):
    """Whether a baseline, a reading and a target can be set on one scale."""

    COMPARABLE = "comparable"
    NOT_A_NUMBER = "not a number"
    DIFFERENT_UNITS = "different units"
    NO_CHANGE_ASKED = "target equals baseline"


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a reading has come from the baseline towards the target.

    ``fraction`` is 0 at the baseline and 1 at the target, whichever way the target
    lies (a churn rate that should fall moves forward as it falls); below 0 the
    reading has gone backwards, above 1 it has passed the target.
    """

    comparison: Comparison
    fraction: float | None = None
    unit: str = ""
    why: str = ""

    @property
    def comparable(self) -> bool:
        return self.comparison is Comparison.COMPARABLE


def progress(baseline: str, reading: str, target: str) -> Progress:
    """The progress of ``reading`` from ``baseline`` to ``target``, or why there is none."""
    written = {"baseline": baseline, "reading": reading, "target": target}
    parsed = {name: parse(value) for name, value in written.items()}
    missing = [name for name, quantity in parsed.items() if quantity is None]
    if missing:
        names = " and ".join(missing)
        verb = "is" if len(missing) == 1 else "are"
        return Progress(Comparison.NOT_A_NUMBER, why=f"The {names} {verb} not a single number.")
    quantities = [q for q in parsed.values() if q is not None]
    units = {q.unit for q in quantities if q.unit}
    if len(units) > 1:
        listed = ", ".join(f"{name} in {q.unit}" for name, q in parsed.items() if q and q.unit)
        return Progress(Comparison.DIFFERENT_UNITS, why=f"The units differ: {listed}.")
    start, now, goal = (q.value for q in quantities)
    unit = units.pop() if units else ""
    if goal == start:
        return Progress(
            Comparison.NO_CHANGE_ASKED, unit=unit, why="The target is the same as the baseline."
        )
    return Progress(Comparison.COMPARABLE, float((now - start) / (goal - start)), unit)
