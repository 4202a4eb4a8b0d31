"""Read-only summaries for the Accountability, Priorities and Charter steps."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain import checks, editing, voting
from ...domain.model import Pillar, Role, Step, Workshop
from ..theme import PILLAR_SYMBOLS
from .base import StepPage


class OverviewPage(StepPage):
    """A step shown as a readable summary of what the workshop holds so far."""

    heading = ""
    intro = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.heading)
        title.setProperty("cxRole", "heading")
        intro = QLabel(self.intro)
        intro.setProperty("cxRole", "muted")
        intro.setWordWrap(True)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body.setAccessibleName(self.heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        self.body.setText("" if self.session is None else self.summary(self.session.workshop))

    def summary(self, ws: Workshop) -> str:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.body.setFocus()


def _names(ws: Workshop, goal_id: str, role: Role) -> str:
    names = [
        editing.assignee_name(ws, a.assignee)
        for a in ws.assignments
        if a.goal_id == goal_id and a.role is role
    ]
    return escape(", ".join(names)) if names else "<i>nobody yet</i>"


class AccountabilityOverview(OverviewPage):
    step = Step.ACCOUNTABILITY
    heading = "Accountability"
    intro = "Who answers for each goal, who delivers it, and what the checks found."

    def summary(self, ws: Workshop) -> str:
        parts = []
        for pillar in Pillar:
            goals = editing.goals_in(ws, pillar)
            if not goals:
                continue
            parts.append(f"<h3>{PILLAR_SYMBOLS[pillar]} {pillar.label}</h3><ul>")
            for g in goals:
                parts.append(
                    f"<li><b>{escape(g.title)}</b><br>Accountable: "
                    f"{_names(ws, g.id, Role.ACCOUNTABLE)} · Responsible: "
                    f"{_names(ws, g.id, Role.RESPONSIBLE)}</li>"
                )
            parts.append("</ul>")
        findings = checks.check(ws)
        parts.append("<h3>Checks</h3>")
        if not findings:
            parts.append("<p>✓ No gaps, silos or bottlenecks found.</p>")
        else:
            parts.append("<ul>")
            parts.extend(
                f"<li><b>{f.severity.label}:</b> {escape(f.message)}</li>" for f in findings
            )
            parts.append("</ul>")
        return "".join(parts)


class PrioritiesOverview(OverviewPage):
    step = Step.PRIORITIES
    heading = "Priorities"
    intro = "The order the team chose by dot voting."

    def summary(self, ws: Workshop) -> str:
        order = voting.final_order(ws)
        if not order:
            return "<p>No vote has been closed yet.</p>"
        titles = {g.id: g.title for g in ws.goals}
        rows = []
        for p in order:
            settled = {None: "", "runoff": " (run-off)", "sponsor": " (sponsor's call)"}[
                p.settled_by.value if p.settled_by else None
            ]
            rows.append(
                f"<li><b>{p.rank}.</b> {escape(titles.get(p.goal_id, ''))} — "
                f"{p.dots} dot{'s' if p.dots != 1 else ''}{settled}</li>"
            )
        return f"<ol style='list-style:none'>{''.join(rows)}</ol>"


class CharterOverview(OverviewPage):
    step = Step.CHARTER
    heading = "Charter"
    intro = "What the sponsor will read: the vision, the top priorities, and when to review."

    def summary(self, ws: Workshop) -> str:
        parts = [f"<h3>Vision</h3><p>{escape(ws.vision) or '<i>not agreed yet</i>'}</p>"]
        top = voting.final_order(ws)[:3]
        titles = {g.id: g.title for g in ws.goals}
        if top:
            parts.append("<h3>Top priorities</h3><ol>")
            for p in top:
                parts.append(
                    f"<li>{escape(titles.get(p.goal_id, ''))} — Accountable: "
                    f"{_names(ws, p.goal_id, Role.ACCOUNTABLE)}</li>"
                )
            parts.append("</ol>")
        review = ws.review_date.strftime("%d %B %Y") if ws.review_date else "<i>not set</i>"
        parts.append(f"<h3>Review</h3><p>{review}</p>")
        if ws.commitments:
            parts.append("<h3>Next steps</h3><ul>")
            parts.extend(
                f"<li>{escape(c.text)}"
                + (f" — {escape(c.owner)}" if c.owner else "")
                + (f", {escape(c.due)}" if c.due else "")
                + "</li>"
                for c in ws.commitments
            )
            parts.append("</ul>")
        return "".join(parts)
