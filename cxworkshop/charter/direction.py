"""Which way text runs, without reportlab: marks that set a right-to-left name apart.

Kept apart from the fonts so the app's windows can quote a goal the way the
charter does without loading the PDF library.
"""

from __future__ import annotations

import re
import unicodedata

FSI = "\u2068"
"""First strong isolate: what follows, up to :data:`PDI`, is set in its own direction
and moves as one unit in the line around it."""
PDI = "\u2069"
INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
"""Direction marks: they steer the bidirectional algorithm and take no room."""
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})


_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufeff"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Every block with right-to-left characters (and the marks that start right-to-left text):
most text has none, and one search says so."""


def has_rtl(text: str) -> bool:
    """Whether ``text`` has anything the bidirectional algorithm sets right to left."""
    return _MAYBE_RTL.search(text) is not None and any(
        unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text
    )


def isolate(text: str) -> str:
    """``text`` set apart from the line around it when it has anything right to left:
    "Accountable: דנה לוי · 4 votes" keeps "· 4 votes" after the name, not before it.
    Text that already has isolates (a quoted title in a sentence) is left as it is."""
    return f"{FSI}{text}{PDI}" if has_rtl(text) and FSI not in text else text
