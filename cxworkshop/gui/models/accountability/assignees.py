"""Who can be assigned on the Accountability step, the four roles, and what each means."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt

from ....domain.model import Assignee, AssigneeKind, Goal, Role, Workshop
from ...roles import (
    ASSIGNEE_ROLE,
    COLOUR_ROLE,
    DETAIL_ROLE,
    FRONT_OFFICE_ROLE,
    INITIALS_ROLE,
    KIND_ROLE,
)
from ..base import Index
from ..people import BACK_OFFICE, FRONT_OFFICE

ROLES = (Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED)
"""The zones of a goal card, top to bottom, and the rows under each goal in the tree."""

CYCLE = (None, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED, Role.ACCOUNTABLE)
"""What a click on a matrix cell moves through: the common roles first, A last."""

NO_FUNCTION_COLOUR = "#7A828C"
"""The mark of a person who has no function at the table."""


def item_data(index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """What ``index.data(role)`` gives, asked of the Python model behind any proxies.

    The views of this step read their items through here: the value comes
    straight from the model, without a round trip through a C++ QVariant
    (which PySide6 6.12.0 got wrong for empty values).
    """
    if not index.isValid():
        return None
    model = index.model()
    # A persistent index converts too, though the stubs do not say so.
    source = QModelIndex(index)  # type: ignore[arg-type]
    while isinstance(model, QAbstractProxyModel):
        source = model.mapToSource(source)
        model = model.sourceModel()
    return None if model is None else model.data(source, role)


_ROLE_WORDS = {
    Role.ACCOUNTABLE: "answers for the outcome",
    Role.RESPONSIBLE: "does the work",
    Role.CONSULTED: "is asked before decisions",
    Role.INFORMED: "is told of progress",
}


def role_meaning(role: Role) -> str:
    """What holding ``role`` means, in a few words."""
    return _ROLE_WORDS[role]


@dataclass(frozen=True, slots=True)
class AssigneeInfo:
    """What a chip shows of a function or a person."""

    assignee: Assignee
    name: str
    colour: str
    detail: str
    front_office: bool | None
    role_title: str = ""

    @property
    def is_person(self) -> bool:
        return self.assignee.kind is AssigneeKind.PARTICIPANT

    @property
    def initials(self) -> str:
        if not self.is_person:
            return ""
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        if not words:
            return self.name[:1].upper()
        if len(words) == 1:
            return words[0][:1].upper()
        return (words[0][:1] + words[-1][:1]).upper()

    @property
    def search_text(self) -> str:
        return " ".join(part for part in (self.name, self.detail, self.role_title) if part)

    @property
    def tooltip(self) -> str:
        if self.is_person:
            title = f", {self.role_title}" if self.role_title else ""
            return f"{self.name}{title} ({self.detail})"
        return f"{self.name} ({self.detail.lower()})"


ASSIGNEE_DATA: dict[int, Callable[[AssigneeInfo], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda info: info.name,
    ASSIGNEE_ROLE: lambda info: info.assignee,
    KIND_ROLE: lambda info: info.assignee.kind,
    COLOUR_ROLE: lambda info: info.colour,
    DETAIL_ROLE: lambda info: info.detail,
    INITIALS_ROLE: lambda info: info.initials,
    FRONT_OFFICE_ROLE: lambda info: info.front_office,
}
"""What a function's or person's item answers, wherever it is listed: palette, picker, zone."""


def assignees(ws: Workshop) -> list[AssigneeInfo]:
    """Everyone who can take a role: the functions in table order, then the people."""
    functions = {f.id: f for f in ws.functions}
    out = [
        AssigneeInfo(
            Assignee.function(f.id),
            f.name,
            f.colour,
            FRONT_OFFICE if f.customer_facing else BACK_OFFICE,
            f.customer_facing,
        )
        for f in ws.functions
    ]
    for p in ws.participants:
        function = functions.get(p.function_id or "")
        out.append(
            AssigneeInfo(
                Assignee.participant(p.id),
                p.name,
                function.colour if function else NO_FUNCTION_COLOUR,
                function.name if function else "No function",
                None,
                p.role_title,
            )
        )
    return out


def goal_snapshot(goal: Goal) -> tuple[Any, ...]:
    return (goal.title, goal.pillar, goal.metric, goal.baseline, goal.target, goal.due)


def function_colours(ws: Workshop) -> dict[str, str]:
    return {f.id: f.colour for f in ws.functions}
