"""Short pauses for Python's garbage collector while a big workshop opens and is open.

A full collection walks every object the app holds: with a 300-goal
workshop open that is some 20-25 ms, long enough to make an edit that would
take one frame take two. Once a workshop (or a step's page) is on screen,
what is alive then lives as long as the workshop stays open, so it is left
out of later collections (:func:`gc.freeze`); they walk only what came
after. Nothing is collected first: that would cost the same 10-25 ms just
after the first frame, to free a few hundred objects, which instead wait
until the workshop closes. Closing it hands everything back to the
collector, so nothing of it outlives the workshop.

While a workshop opens, the collector waits (:func:`pause`): everything made
on the way to its first frame (its pages, models and cards) is what it will
hold, and collections halfway through would walk it again and again for
nothing (some 7 ms of a 300-goal opening). The first frame lets it go again
(:func:`settle`), as does a window closed before it came (:func:`resume`).
"""

from __future__ import annotations

import gc


def pause() -> None:
    """Hold the collector off until :func:`settle` or :func:`resume` (a workshop is opening)."""
    gc.disable()


def resume() -> None:
    """Let the collector run again, freezing nothing (the opening was given up)."""
    gc.enable()


def settle() -> None:
    """Leave everything alive now out of later collections, and let the collector run."""
    gc.freeze()
    gc.enable()


def release() -> None:
    """Let the collector see every object again (a workshop is closing).

    Whether it runs is left as it is: closed as another opens (File > Open
    Recent), it still waits for the new one's first frame.
    """
    gc.unfreeze()
