"""The workshop's language, as a BCP 47 tag ("en-GB", "de", "zh-Hant-TW").

The PDFs name it (``/Lang``) so a screen reader speaks the charter in the
right voice. A tag is checked for its form (RFC 5646), not against the full
registry: "de-CH" and "sr-Latn" pass, "english" does not. A primary language
of four to eight letters is reserved and none is registered, so it is refused:
it is nearly always a language's name typed instead of its tag. "en_GB", as
locales write it, is taken as "en-GB".
"""

from __future__ import annotations

import locale
import re

from .errors import InvalidValue

DEFAULT = "en"
"""The language when nothing better is known."""

COMMON: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("en-GB", "English (United Kingdom)"),
    ("en-US", "English (United States)"),
    ("de", "German"),
    ("de-CH", "German (Switzerland)"),
    ("fr", "French"),
    ("fr-CA", "French (Canada)"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("nl", "Dutch"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("nb", "Norwegian Bokmål"),
    ("fi", "Finnish"),
    ("pl", "Polish"),
    ("ja", "Japanese"),
    ("zh-Hans", "Chinese (Simplified)"),
    ("ar", "Arabic"),
    ("he", "Hebrew"),
)
"""Tags offered to pick from, with their names; any other well-formed tag may be typed."""

MAX_LENGTH = 35

_LANGTAG = re.compile(
    r"""
    (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
    (?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
    (?P<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)
    (?:-x(?:-[a-z0-9]{1,8})+)?
    """,
    re.VERBOSE,
)
_PRIVATE = re.compile(r"x(?:-[a-z0-9]{1,8})+")


def name(tag: str) -> str:
    """The tag's name from the common list, or the tag itself."""
    return dict(COMMON).get(tag, tag)


def check(value: str, what: str = "Language") -> str:
    """``value`` as a well-formed BCP 47 tag in its usual case ("en-gb" becomes "en-GB").

    Raises :class:`InvalidValue` with one line a facilitator understands otherwise.
    """
    typed = value.strip()
    if not typed:
        raise InvalidValue(f"{what} is needed: pick one or type a tag such as en-GB.")
    tag = typed.replace("_", "-")
    lower = tag.lower()
    if len(tag) > MAX_LENGTH or not (_LANGTAG.fullmatch(lower) or _PRIVATE.fullmatch(lower)):
        shown = " ".join(typed.split())  # the message stays on one line
        if len(shown) > 40:
            shown = shown[:39] + "…"
        raise InvalidValue(
            f"{what} “{shown}” is not a language tag: type one such as en, en-GB, de or pt-BR."
        )
    return _cased(lower)


def _cased(lower: str) -> str:
    parts = lower.split("-")
    out = [parts[0]]
    private = parts[0] == "x"
    for i, part in enumerate(parts[1:], start=1):
        after_singleton = len(parts[i - 1]) == 1
        if part == "x" or private:
            private = True
            out.append(part)
        elif after_singleton or len(part) == 1:
            out.append(part)
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part)
    return "-".join(out)


def from_locale(name: str | None) -> str:
    """A tag from a locale's name ("de_CH.UTF-8", "en-GB"); :data:`DEFAULT` if it has none."""
    if not name:
        return DEFAULT
    base = name.split(".")[0].split("@")[0]
    # The C locale: Qt calls it "en-POSIX", which says nothing about the room's language.
    if base in ("C", "POSIX", "") or base.lower().endswith("-posix"):
        return DEFAULT
    try:
        return check(base)
    except InvalidValue:
        return DEFAULT


def system_default() -> str:
    """The language the computer is set to, as a tag (Python's locale settings)."""
    try:
        found = locale.getlocale()[0]
    except ValueError:
        found = None
    return from_locale(found)
