"""The progress report: how each goal stands since the workshop, for the sponsor.

1. Page one: every goal's status (a word and a symbol, never colour alone), its
   Accountable, its latest reading against the target, and how far it has come,
   as of the latest review.
2. Progress by goal: for each goal the baseline, every reading with its date and
   the target on one line, drawn where the three are numbers in one unit, and
   said plainly where they are not; the Accountable's note and the room's decision.
3. What changed since the workshop this one carries on from.

The same standards as the charter: embedded fonts, "Page x of y", bookmarks that
keep the reader's zoom, written safely (see :func:`cxworkshop.charter.export_report`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Line, Rect  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from ..domain import editing, measures, review
from ..domain.model import GoalReview, ReviewStatus, Workshop
from . import content
from .charts import _drawing
from .direction import isolate
from .document import Built, _Heading, _hex, _table, render
from .fonts import Text, register
from .paper import Paper
from .scripts import Paragraph
from .styles import ACCENT, HAIRLINE, MUTED, PILLAR_COLOURS, PILLAR_SYMBOLS, RULE, STYLES, layout
from .tagging import Described

SECTIONS = {
    "summary": "Where each goal stands",
    "progress": "Progress by goal",
    "changes": "What changed since the last workshop",
}

NOT_ASSESSED = "– Not assessed"


def short_date(date: dt.date) -> str:
    """17 Jun 2027: a date that fits a table's cell on one line."""
    return f"{date.day} {date:%b %Y}"


@dataclass(frozen=True)
class GoalStanding:
    """One goal as the report shows it: its latest reading and what it means."""

    title: str
    accountable: str
    status: ReviewStatus | None
    reading: str
    read_on: dt.date | None
    target: str
    progress: measures.Progress
    readings: list[tuple[dt.date, GoalReview]]


def status_text(status: ReviewStatus | None) -> str:
    """A status as the report writes it: its symbol and its word."""
    return NOT_ASSESSED if status is None else f"{status.symbol} {status.label}"


def progress_text(p: measures.Progress) -> str:
    """How far a goal has come, in words: a share of the way, or why that cannot be said."""
    if p.fraction is None:
        return p.why or "No reading yet."
    if p.fraction >= 1:
        return "Target reached"
    if p.fraction < 0:
        return "Further from the target than at the start"
    return f"{round(p.fraction * 100)}% of the way"


def standings(ws: Workshop) -> list[GoalStanding]:
    """Every goal of ``ws``, in the charter's order, as its reviews leave it."""
    out = []
    for goal in ws.goals:
        holder = editing.accountable(ws, goal.id)
        readings = [
            (r.held_on, review.goal_review(r, goal.id))
            for r in ws.reviews
            if review.goal_review(r, goal.id).reading
        ]
        latest = review.latest(ws, goal.id)
        entry = latest[1] if latest else None
        statuses = [review.goal_review(r, goal.id).status for r in ws.reviews]
        status = next((s for s in reversed(statuses) if s is not None), None)
        reading = entry.reading if entry else ""
        out.append(
            GoalStanding(
                title=goal.title,
                accountable=editing.assignee_name(ws, holder) if holder else "",
                status=status,
                reading=reading,
                read_on=(entry.read_on or (latest[0].held_on if latest else None))
                if entry
                else None,
                target=goal.target,
                progress=measures.progress(goal.baseline, reading, goal.target)
                if reading
                else measures.Progress(measures.Comparison.NOT_A_NUMBER, why="No reading yet."),
                readings=readings,
            )
        )
    return out


class _Writer:
    def __init__(self, ws: Workshop, previous: Workshop | None, width: float) -> None:
        self.ws = ws
        self.previous = previous
        self.width = width
        self.text = Text()
        self.s = STYLES

    def m(self, text: str) -> str:
        return self.text.markup(text)

    def heading(self, key: str) -> _Heading:
        return _Heading(self.m(SECTIONS[key]), self.s.h1, SECTIONS[key], 0, key)

    def masthead(self) -> list[Flowable]:
        ws = self.ws
        last = ws.reviews[-1].held_on if ws.reviews else None
        when = (
            f"As of the review on {content.long_date(last)}"
            if last
            else "No progress review has been held yet"
        )
        out: list[Flowable] = []
        if ws.organisation:
            out.append(Paragraph(self.m(ws.organisation.upper()), self.s.kicker))
        out += [
            _Heading("Progress report", self.s.title, SECTIONS["summary"], 0, "summary"),
            Paragraph(self.m(f"{isolate(ws.title)} · {when}"), self.s.subtitle),
            Spacer(0, 10),
        ]
        return out

    def counts(self, rows: list[GoalStanding]) -> Paragraph:
        parts = []
        for status in ReviewStatus:
            n = sum(1 for r in rows if r.status is status)
            if n:
                parts.append(f"<b>{n}</b> {self.m(status_text(status).lower())}")
        unassessed = sum(1 for r in rows if r.status is None)
        if unassessed:
            parts.append(f"<b>{unassessed}</b> not assessed")
        goals = f"{len(rows)} goal{'s' if len(rows) != 1 else ''}"
        return Paragraph(f"{goals}: " + ", ".join(parts) + ".", self.s.body_spaced)

    def summary(self) -> list[Flowable]:
        rows = standings(self.ws)
        out = [*self.masthead(), self.counts(rows)]
        if not rows:
            return [*out, Paragraph("The workshop has no goals.", self.s.body)]
        head = [
            Paragraph(label, self.s.cell_head)
            for label in ("GOAL", "STATUS", "LATEST READING", "TARGET", "PROGRESS")
        ]
        body = []
        for goal, row in zip(self.ws.goals, rows, strict=True):
            colour = _hex(PILLAR_COLOURS[goal.pillar])
            symbol = f'<font color="{colour}">{PILLAR_SYMBOLS[goal.pillar]}</font>'
            who = f"<br/><font color='{_hex(MUTED)}'>{self.m(row.accountable)}</font>"
            when = (
                f"<br/><font color='{_hex(MUTED)}'>{short_date(row.read_on)}</font>"
                if row.read_on
                else ""
            )
            body.append(
                [
                    Paragraph(
                        f"{symbol} {self.m(row.title)}{who if row.accountable else ''}",
                        self.s.cell,
                    ),
                    Paragraph(self.m(status_text(row.status)), self.s.cell_bold),
                    Paragraph(
                        self.m(row.reading) + when if row.reading else "–",
                        self.s.cell,
                    ),
                    Paragraph(self.m(row.target) or "–", self.s.cell),
                    Paragraph(self.m(progress_text(row.progress)), self.s.cell_small),
                ]
            )
        w = self.width
        widths = [w * 0.32, w * 0.17, w * 0.18, w * 0.12, w * 0.21]
        table = _table(
            [head, *body],
            widths,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, HAIRLINE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
            repeatRows=1,
        )
        return [*out, table]

    def track(self, p: measures.Progress, row: GoalStanding, goal_baseline: str) -> Flowable:
        """Baseline at the left, target at the right, a dot for each reading; drawn only
        where every reading lies on that one scale."""
        width, height = self.width * 0.6, 22.0
        drawing = _drawing(width, height)
        left, right = 8.0, width - 8.0
        span = right - left

        def x(fraction: float) -> float:
            return left + span * max(-0.15, min(1.15, fraction)) / 1.3 + span * 0.15 / 1.3

        y = height / 2
        drawing.add(Line(x(0), y, x(1), y, strokeColor=HAIRLINE, strokeWidth=6))
        if p.fraction is not None:
            start, end = sorted((x(0), x(p.fraction)))
            drawing.add(Rect(start, y - 3, end - start, 6, fillColor=ACCENT, strokeColor=None))
        for edge in (0.0, 1.0):
            drawing.add(Line(x(edge), y - 8, x(edge), y + 8, strokeColor=MUTED, strokeWidth=1.2))
        for _, entry in row.readings:
            step = measures.progress(goal_baseline, entry.reading, row.target)
            if step.fraction is not None:
                drawing.add(
                    Circle(x(step.fraction), y, 3.5, fillColor=ACCENT, strokeColor=HAIRLINE)
                )
        return drawing

    def progress(self) -> list[Flowable]:
        # Page one is the summary whole; the detail starts on a page of its own.
        out: list[Flowable] = [PageBreak(), self.heading("progress")]
        for goal, row in zip(self.ws.goals, standings(self.ws), strict=True):
            # Each value the team typed is set apart, so a right-to-left one keeps its place.
            steps = [f"Baseline {isolate(goal.baseline or '–')}"]
            steps += [
                f"{isolate(entry.reading)} ({short_date(entry.read_on or held_on)})"
                for held_on, entry in row.readings
            ]
            steps.append(
                f"target {isolate(goal.target or '–')}"
                + (f" by {isolate(goal.due)}" if goal.due else "")
            )
            title = Paragraph(self.m(goal.title), self.s.h2)
            title.role = "H2"  # a heading for a screen reader, though not a bookmark
            block: list[Flowable] = [
                title,
                Paragraph(
                    self.m(
                        f"{status_text(row.status)} · Accountable: "
                        f"{isolate(row.accountable or '–')}"
                    ),
                    self.s.body,
                ),
                Paragraph(self.m(" → ".join(steps)), self.s.body_muted),
            ]
            if row.progress.comparable:
                track = Described(
                    self.track(row.progress, row, goal.baseline),
                    "A line from the baseline at the left to the target at the right, with a "
                    f"dot for each reading: {progress_text(row.progress).lower()}.",
                )
                block += [track, Spacer(0, 2)]
            block.append(Paragraph(self.m(progress_text(row.progress)), self.s.small))
            last = self.ws.reviews[-1] if self.ws.reviews else None
            entry = review.goal_review(last, goal.id) if last else None
            if entry is not None and entry.note:
                block.append(Paragraph(self.m(f"Note: {isolate(entry.note)}"), self.s.quote))
            if entry is not None and entry.decision is not entry.decision.KEEP:
                decided = entry.decision.label
                if entry.new_target:
                    decided += f": {isolate(entry.new_target)}"
                if entry.new_accountable is not None:
                    name = editing.assignee_name(self.ws, entry.new_accountable)
                    decided += f": {isolate(name)}"
                block.append(Paragraph(self.m(f"Decided: {decided}"), self.s.body))
            out.append(KeepTogether(block))
        return out

    def changes(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("changes")]
        if self.previous is None:
            return [
                *out,
                Paragraph("This workshop does not carry on from another.", self.s.body_muted),
            ]
        out.append(
            Paragraph(
                self.m(f"Since {content.set_apart_in_quotes(self.previous.title)}."), self.s.intro
            ),
        )
        for line in review.describe(review.compare(self.previous, self.ws)):
            style = self.s.body if line.startswith("  ") else self.s.cell_bold
            out.append(Paragraph(self.m(line.strip()), style))
        return out

    def story(self) -> list[Flowable]:
        return [*self.summary(), *self.progress(), *self.changes()]


def build_report(
    ws: Workshop,
    previous: Workshop | None = None,
    paper: Paper = Paper.A4,
    *,
    today: dt.date | None = None,
) -> Built:
    """Lay out the progress report of ``ws`` (``previous``: the workshop it carries on from)."""
    register()
    page = layout(paper)
    writer = _Writer(ws, previous, page.frame_width)
    story = writer.story()
    of = f" of {ws.organisation}" if ws.organisation else ""
    return render(
        ws,
        page,
        story,
        writer.text,
        draft=False,
        title=f"Progress report: {ws.title}",
        subject=f"How the customer experience goals{of} stand against their targets",
        keywords=["customer experience", "progress review", "accountability"],
        today=today,
    )


# ----------------------------------------------------------------- what changed


def _when(ws: Workshop) -> str:
    return f" ({content.long_date(ws.date)})" if ws.date else ""


def changes_story(before: Workshop, after: Workshop, width: float, text: Text) -> list[Flowable]:
    """What changed from ``before`` to ``after``: a line of counts, then a row per change,
    each with its symbol and its words."""
    s = STYLES

    def m(value: str) -> str:
        return text.markup(value)

    changes = review.compare(before, after)
    rows = review.change_rows(changes)
    story: list[Flowable] = []
    if after.organisation:
        story.append(Paragraph(m(after.organisation.upper()), s.kicker))
    story += [
        _Heading("What changed", s.title, "What changed", 0, "changes"),
        Paragraph(
            m(
                f"From {content.set_apart_in_quotes(before.title)}{_when(before)} "
                f"to {content.set_apart_in_quotes(after.title)}{_when(after)}"
            ),
            s.subtitle,
        ),
        Spacer(0, 10),
    ]
    said = [f"<b>{n}</b> {m(words)}" for n, words in review.counts(changes)]
    if changes.nothing:
        story.append(Paragraph(m(review.describe(changes)[0]), s.body_spaced))
    else:
        story.append(Paragraph(", ".join(said) + ".", s.body_spaced))
        head = [Paragraph(label, s.cell_head) for label in ("CHANGE", "GOAL", "BEFORE", "AFTER")]
        body = [
            [
                Paragraph(m(row.label), s.cell_bold),
                Paragraph(m(row.goal), s.cell),
                Paragraph(m(row.before), s.cell),
                Paragraph(m(row.after), s.cell),
            ]
            for row in rows
        ]
        story.append(
            _table(
                [head, *body],
                [width * 0.25, width * 0.37, width * 0.19, width * 0.19],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, HAIRLINE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ],
                repeatRows=1,
            )
        )
    note = review.unvoted_text(changes)
    if note:
        story += [Spacer(0, 8), Paragraph(m(note), s.body_muted)]
    return story


def build_changes(
    before: Workshop,
    after: Workshop,
    paper: Paper = Paper.A4,
    *,
    today: dt.date | None = None,
) -> Built:
    """Lay out what changed from ``before`` to ``after``, in the progress report's style."""
    register()
    page = layout(paper)
    text = Text()
    story = changes_story(before, after, page.frame_width, text)
    of = f" of {after.organisation}" if after.organisation else ""
    return render(
        after,
        page,
        story,
        text,
        draft=False,
        title=f"What changed: {before.title} to {after.title}",
        subject=f"Customer experience goals{of}: added, dropped, retargeted, and who answers",
        keywords=["customer experience", "accountability", "comparison"],
        today=today,
    )
