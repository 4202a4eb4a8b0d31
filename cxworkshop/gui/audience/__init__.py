"""The audience screen: what the room sees on the projector while the laptop stays the console.

:mod:`.window` holds the window, :mod:`.canvas` the type floor and the pages,
:mod:`.views`, :mod:`.boards` and :mod:`.results` what each step shows, and
:mod:`.colours` the projector theme.
"""

from .canvas import base_px_for, floor_px_for
from .colours import PROJECTOR, contrast
from .window import HEADINGS, PROGRESS, AudienceWindow, render_png

__all__ = [
    "HEADINGS",
    "PROGRESS",
    "PROJECTOR",
    "AudienceWindow",
    "base_px_for",
    "contrast",
    "floor_px_for",
    "render_png",
]
