"""The Accountability step's item models, drag payload and undoable RACI edits.

Every edit is one store operation wrapped in one undo step by
:meth:`Session.edit`; undo puts the goal's assignments back exactly as they
were with :meth:`Store.set_assignments`. The models only read the workshop and
follow it through ``sync()``, announcing precisely what changed, so a drop on
one goal repaints that goal's zones and nothing else.

- :class:`AssigneesModel`: the functions and people to choose from (the
  palette, and the keyboard picker, which also shows each one's role on a goal).
- :class:`GoalAssignmentsModel`: a tree of goal → role (A, R, C, I) →
  assignees; the board's drop zones are views onto its role rows.
- :class:`RaciMatrixModel`: goals × assignees with a role letter in each cell.
- :class:`FindingsModel` and :class:`CoverageModel`: what the checks found.

The models live in one module each:

- :mod:`.assignees`: who can be assigned, the roles and what they mean;
- :mod:`.payload`: a dragged chip's payload, and what dropping it would do;
- :mod:`.board`: the palette and the board's tree;
- :mod:`.matrix`: the matrix;
- :mod:`.checks`: the findings and the coverage.
"""
