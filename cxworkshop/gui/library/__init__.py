"""The start screen, one module per job: ``page`` shows every workshop in the
library, ``actions`` holds the library's edits and their undo history, ``views``
and ``delegate`` are the page's parts.

The heading the first frame shows is apart, in ``gui/library_frame.py``, so the
window's first paint imports none of this.
"""
