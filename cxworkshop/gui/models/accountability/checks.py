"""What the accountability checks found, and how each function's roles add up."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ....domain.checks import Coverage, Finding, Severity
from ....domain.model import Assignee, Role
from ...roles import ASSIGNEE_ROLE, FINDING_ROLE, FRONT_OFFICE_ROLE, NOTE_ROLE, SEVERITY_ROLE
from ..base import Index, SyncedTableModel
from .assignees import NO_FUNCTION_COLOUR, ROLES


class FindingsModel(SyncedTableModel):
    """What the checks found, errors first; each row knows the goals and people it concerns."""

    columns = ("Finding",)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self._findings = list(findings)
        self.sync()

    def rows(self) -> list[Any]:
        seen: dict[Hashable, int] = {}
        out = []
        for f in self._findings:
            base = (f.code, f.goal_ids, f.assignees, "" if f.goal_ids or f.assignees else f.message)
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.append((base, n, f))
        return out

    def row_key(self, item: Any) -> Hashable:
        return (item[0], item[1])

    def row_snapshot(self, item: Any) -> Any:
        return item[2]

    def finding_at(self, index: Index) -> Finding | None:
        item = self.item_at(index)
        return None if item is None else item[2]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding_at(index)
        if finding is None or index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{finding.severity.label}: {finding.message}"
        return None


def counts_text(counts: dict[Severity, int]) -> str:
    """'2 errors, 3 warnings, 1 note' (zeros left out), or 'No gaps found'."""
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    parts = [f"{n} {words[s]}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "No gaps found"


COVERAGE_COLUMNS = ("Function", "A", "R", "C", "I")
_COUNT_COLUMNS = {1: Role.ACCOUNTABLE, 2: Role.RESPONSIBLE, 3: Role.CONSULTED, 4: Role.INFORMED}
SILO = "Silo"
BOTTLENECK = "Bottleneck"


def coverage_note(c: Coverage) -> str:
    """A function's trouble in words: silo, bottleneck, or nothing."""
    notes = []
    if c.is_silo:
        notes.append(SILO)
    if c.is_bottleneck:
        notes.append(BOTTLENECK)
    return " · ".join(notes)


class CoverageModel(SyncedTableModel):
    """What each function takes on: A, R, C and I counts (its people included) and a note."""

    columns = COVERAGE_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._coverage: list[Coverage] = []
        self._colours: dict[str, str] = {}

    def set_coverage(self, coverage: list[Coverage], colours: dict[str, str]) -> None:
        self._coverage = list(coverage)
        self._colours = dict(colours)
        self.sync()

    def rows(self) -> list[Any]:
        return [(c, self._colours.get(c.function_id, NO_FUNCTION_COLOUR)) for c in self._coverage]

    def row_key(self, item: Any) -> Hashable:
        return item[0].function_id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return item

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            counted = _COUNT_COLUMNS.get(section)
            if counted is not None:
                return f"Goals where the function or one of its people is {counted.label}"
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        c, colour = item
        column = index.column()
        counted = _COUNT_COLUMNS.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return c.name
            if counted is not None:
                return str(c.total.of(counted))
            return None
        if role == NOTE_ROLE and column == 0:
            return coverage_note(c)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and counted is not None:
            return Qt.AlignmentFlag.AlignCenter
        if role == ASSIGNEE_ROLE:
            return Assignee.function(c.function_id)
        if role == FRONT_OFFICE_ROLE:
            return c.customer_facing
        if role == Qt.ItemDataRole.ToolTipRole:
            return coverage_tooltip(c)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{c.name}: {coverage_tooltip(c)}"
        return None


def coverage_tooltip(c: Coverage) -> str:
    """A function's roles in full: how many of each, direct and through its people."""
    parts = []
    for role in ROLES:
        total, direct = c.total.of(role), c.direct.of(role)
        if total:
            through = f" ({total - direct} through its people)" if total != direct else ""
            parts.append(f"{role.label} {total}{through}")
    held = "; ".join(parts) if parts else "no role on any goal"
    goals = f"takes part in {c.goals} goal{'s' if c.goals != 1 else ''}" if c.goals else ""
    notes = []
    if c.is_silo:
        notes.append("a silo: it takes no part in any goal")
    if c.is_bottleneck:
        notes.append("a bottleneck: accountable for more goals than one can carry")
    sentence = f"{held}" + (f"; {goals}" if goals else "")
    if notes:
        sentence += ". " + "; ".join(notes).capitalize()
    return sentence + "."


def silo_and_bottleneck_sentence(coverage: list[Coverage]) -> str:
    """The coverage summary in words: who works alone, who holds too many As."""
    silos = [c.name for c in coverage if c.is_silo]
    bottlenecks = [c.name for c in coverage if c.is_bottleneck]
    parts = []
    if silos:
        parts.append(f"Silo{'s' if len(silos) > 1 else ''}: {', '.join(silos)}")
    if bottlenecks:
        parts.append(f"Bottleneck{'s' if len(bottlenecks) > 1 else ''}: {', '.join(bottlenecks)}")
    if not parts:
        return "Every function takes part, and nobody holds too many As."
    return ". ".join(parts) + "."
