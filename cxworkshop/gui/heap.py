"""Short pauses for Python's garbage collector while a big workshop is open.

A full collection walks every object the app holds: with a 300-goal
workshop open that is some 20-25 ms, long enough to make an edit that would
take one frame take two. Once a workshop (or a step's page) is on screen,
what is alive then lives as long as the workshop stays open, so it is left
out of later collections (:func:`gc.freeze`); they walk only what came
after. Nothing is collected first: that would cost the same 10-25 ms just
after the first frame, to free a few hundred objects, which instead wait
until the workshop closes. Closing it hands everything back to the
collector, so nothing of it outlives the workshop.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Leave everything alive now out of later collections."""
    gc.freeze()


def release() -> None:
    """Let the collector see every object again (a workshop is closing)."""
    gc.unfreeze()
