"""The paper sizes the charter comes in, and which one a place uses."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    """A4 for most of the world; US Letter for the Americas' Letter countries."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "US Letter"


LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "CR", "GT", "PA", "DO", "SV", "NI"}
)
"""Countries and territories (ISO 3166 codes) where offices print on US Letter."""


def for_territory(code: str) -> Paper:
    """The usual paper where ``code`` (e.g. "US", "de_DE", "en_CA.UTF-8") is."""
    territory = code.split(".")[0].split("@")[0].split("_")[-1].upper()
    return Paper.LETTER if territory in LETTER_TERRITORIES else Paper.A4
