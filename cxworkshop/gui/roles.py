"""Every item-data role the app's models and item widgets use, each with a value of its own.

A view or delegate that reads a role from the wrong model then gets None,
not another model's data under the same number. Qt's own roles (display,
tool tip, ...) are used as they are; these start at ``UserRole``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

# ------------------------------------------------------------------ ids
ID_ROLE = _USER + 1
"""The id of the item a row shows: a goal, a voter, a person, a function (str; None for
the new-person row)."""
GOAL_ID_ROLE = _USER + 2
"""The id of the goal a row, card, cell or tree item belongs to (str)."""
WORKSHOP_ID_ROLE = _USER + 3
"""The workshop a library row or recent-list item stands for (int)."""
PATH_ROLE = _USER + 4
"""The file an item stands for, such as a backup in the restore dialog (str)."""
STEP_ROLE = _USER + 5
"""The step an item leads to, such as a gap on the Charter step (the Step's value, str)."""

# ------------------------------------------------------------------ goals
PILLAR_ROLE = _USER + 10
"""The goal's pillar (Pillar)."""
MEASURE_ROLE = _USER + 11
"""A goal card's second line: "metric · baseline → target · due", or ""."""
MISSING_ROLE = _USER + 12
"""What the goal still lacks to be measurable ("No metric yet", ...), or ""."""

# ------------------------------------------------------------------ people, functions
SUBTITLE_ROLE = _USER + 20
"""A quieter second line under the item's text, e.g. "Front office"."""
ASSIGNEE_ROLE = _USER + 21
"""The Assignee an item shows."""
KIND_ROLE = _USER + 22
"""The assignee's kind (AssigneeKind)."""
COLOUR_ROLE = _USER + 23
"""The assignee's colour, "#RRGGBB": a function's own, a person's function's."""
DETAIL_ROLE = _USER + 24
"""A function's "Front office" / "Back office"; a person's function name."""
SEARCH_ROLE = _USER + 25
"""Everything the filter box matches against, in one string."""
INITIALS_ROLE = _USER + 26
"""A person's initials, for the round mark on their chip ("" for a function)."""
FRONT_OFFICE_ROLE = _USER + 27
"""True for a customer-facing function, False for a back-office one, None for a person."""

# ------------------------------------------------------------------ accountability
GOAL_ROLE = _USER + 30
"""On the picker: the assignee's role on the chosen goal (Role or None).
On the tree: the role a role row stands for (Role)."""
SEVERITY_ROLE = _USER + 31
"""A finding's Severity."""
FINDING_ROLE = _USER + 32
"""The Finding itself."""
NOTE_ROLE = _USER + 33
"""On the coverage table: a function's trouble in words ("Silo: …"), or ""."""

# ------------------------------------------------------------------ voting
DOTS_ROLE = _USER + 40
"""Dots (int): a goal's total, a tally, or the dots on a draft ballot."""
RANK_ROLE = _USER + 41
"""A goal's competition rank in the round (int: 1, 1, 3)."""
TIED_ROLE = _USER + 42
"""Whether the goal shares its rank with another (bool)."""
VOTED_ROLE = _USER + 43
"""Whether the voter has confirmed a ballot (bool). Never how."""
LIMIT_ROLE = _USER + 44
"""The most dots one goal may take on a ballot (int)."""
TAG_ROLE = _USER + 45
"""A short word beside a checklist row: the goal's pillar, the person's function."""
SETTLED_ROLE = _USER + 46
"""How a tied goal got its place in the final order (TieBreak or None)."""
PLACE_ROLE = _USER + 47
"""The place as shown: "1", "=3" while still tied, "–" for a goal without dots (str)."""

# ------------------------------------------------------------------ library, reviews
SUMMARY_ROLE = _USER + 50
"""A library row's WorkshopSummary."""
ORGANISATION_ROLE = _USER + 51
"""A recent workshop's organisation (str)."""
EDITED_ROLE = _USER + 52
"""When a recent workshop was last edited, in words (str)."""
CHOICE_ROLE = _USER + 53
"""The choices a cell's editor offers: a list of (value, label); value "" is none."""
CHANGE_KIND_ROLE = _USER + 54
"""The kind of change a row of What changed shows (a ``review.ChangeKind`` value)."""
