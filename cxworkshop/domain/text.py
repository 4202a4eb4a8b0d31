"""Checks on the text people type or paste: names, titles, notes."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta

from .errors import InvalidValue

NAME_MAX = 120
TITLE_MAX = 200
SHORT_MAX = 200
LONG_MAX = 4000

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _has_control(value: str, multiline: bool) -> bool:
    allowed = {"\n", "\t"} if multiline else {"\t"}
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value)


def clean(
    value: object,
    what: str,
    *,
    required: bool = False,
    max_len: int = SHORT_MAX,
    multiline: bool = False,
) -> str:
    """Return ``value`` without surrounding spaces, or raise a one-line error.

    Text is never cut short: too long is refused, so nothing is lost silently.
    """
    if not isinstance(value, str):
        raise InvalidValue(f"{what} must be text.")
    text = value.strip()
    if not multiline:
        text = text.replace("\t", " ")
    if required and not text:
        raise InvalidValue(f"{what} cannot be empty.")
    if _has_control(text, multiline):
        raise InvalidValue(f"{what} contains a control character; please retype it.")
    if len(text) > max_len:
        raise InvalidValue(f"{what} is {len(text)} characters long; the limit is {max_len}.")
    return text


def colour(value: object) -> str:
    """A colour as #RRGGBB, upper case."""
    if not isinstance(value, str) or not _COLOUR.match(value.strip()):
        raise InvalidValue(f"Colour {value!r} is not of the form #RRGGBB.")
    return value.strip().upper()


def optional_date(value: object, what: str) -> date | None:
    """A date, an ISO date string (YYYY-MM-DD), or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidValue(f"{what} {value!r} is not a date of the form YYYY-MM-DD.")


def same_name(a: str, b: str) -> bool:
    """Names are compared as people read them: case and spacing do not matter."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def shiftable(moment: datetime) -> bool:
    """True if ``moment`` can be shown in any time zone: a day either side of it exists.

    ``9999-12-31T23:59:59-23:59`` parses, but is past the last moment Python
    can hold once put in UTC; shown in the library, it would fail.
    """
    try:
        utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
        utc - timedelta(days=1)
        utc + timedelta(days=1)
    except (OverflowError, OSError, ValueError):
        return False
    return True
