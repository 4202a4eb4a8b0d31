"""The audience screen's painted views: one per step, each an overview in pages.

Every view lays its content out as blocks at the type floor (see :mod:`.canvas`)
and cuts them into pages; the window shows one page and says "2 / 3". A view
reads the workshop from the window's :class:`~cxworkshop.gui.session.Session`
and the window's item models, never from the console's widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...charter import content
from ...domain import agenda
from ...domain.model import Role, Step, Workshop
from .canvas import Block, Canvas, Column, Page, column_pages, text_block
from .colours import PROJECTOR

if TYPE_CHECKING:
    from .window import AudienceWindow

STEPS = list(Step)


class PaintedView(QWidget):
    """One screen of the audience window, laid out at the floor and cut into pages."""

    def __init__(self, audience: AudienceWindow) -> None:
        super().__init__(audience)
        self.audience = audience
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def workshop(self) -> Workshop | None:
        session = self.audience.session
        return None if session is None else session.workshop

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        """This view's pages for a ``width`` × ``height`` area (at least one)."""
        raise NotImplementedError

    def _canvas(self, painter: QPainter | None) -> Canvas:
        return Canvas(painter, self.audience.family, self.audience.base_px)

    def _pages(self, canvas: Canvas) -> list[Page]:
        return self.layout_pages(canvas, float(self.width()), float(self.height())) or [
            lambda: None
        ]

    def page_count(self) -> int:
        return len(self._pages(self._canvas(None)))

    def page_of(self, goal_id: str) -> int | None:
        """The page (from 0) that shows ``goal_id``, or None."""
        canvas = self._canvas(None)
        for number, page in enumerate(self._pages(canvas)):
            canvas.marks.clear()
            page()
            if goal_id in canvas.marks:
                return number
        return None

    def texts(self) -> list[str]:
        """Every text this view shows now, as drawn (shortened ones with their "…")."""
        canvas = self._canvas(None)
        pages = self._pages(canvas)
        pages[min(self.audience.page, len(pages) - 1)]()
        return canvas.texts

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pages = self._pages(self._canvas(painter))
        pages[min(self.audience.page, len(pages) - 1)]()
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(1000, 500)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The room has a new size: the pages are cut anew, and "2 / 3" follows.
        if self.audience.stack.currentWidget() is self:
            self.audience.forget_pages()
            self.audience.show_page()


# ----------------------------------------------------------------- small pieces


def kicker(canvas: Canvas, width: float, text: str, *, before: float = 0.0) -> Block:
    """A capitalised label above a block: 'OUR VISION' (at the floor, like all text)."""
    block = text_block(
        canvas,
        width,
        text.upper(),
        canvas.font(1.0, bold=True),
        PROJECTOR.muted,
        max_lines=1,
        space_after=canvas.px(0.2),
    )
    if before:
        draw = block.draw
        return Block(block.height + before, lambda x, y: draw(x, y + before))
    return block


def spacer(height: float) -> Block:
    return Block(height, lambda x, y: None)


def centred_card(canvas: Canvas, width: float, height: float, title: str, lines: list[str]) -> Page:
    """A calm centred message: a title and a line or two under it."""
    block_w = min(width, canvas.px(34))
    x = (width - block_w) / 2
    title_font = canvas.font(1.9, bold=True)
    body_font = canvas.font(1.0)
    centre = Qt.AlignmentFlag.AlignHCenter
    blocks = [
        text_block(
            canvas,
            block_w,
            title,
            title_font,
            PROJECTOR.text,
            max_lines=2,
            space_after=canvas.px(0.5),
            align=centre,
        )
    ]
    blocks += [
        text_block(
            canvas,
            block_w,
            line,
            body_font,
            PROJECTOR.muted,
            max_lines=3,
            space_after=canvas.px(0.4),
            align=centre,
        )
        for line in lines
    ]
    total = sum(b.height for b in blocks)
    top = max(0.0, (height - total) / 2 - canvas.px(0.5))

    def draw() -> None:
        y = top
        for block in blocks:
            block.draw(x, y)
            y += block.height

    return draw


def labelled_pair(canvas: Canvas, width: float, label: str, value: str) -> list[Block]:
    return [
        kicker(canvas, width, label),
        text_block(
            canvas,
            width,
            value,
            canvas.font(1.0, bold=True),
            PROJECTOR.text,
            max_lines=2,
            space_after=canvas.px(0.6),
        ),
    ]


def two_columns(width: float, gap: float, left_share: float = 0.52) -> tuple[float, float, float]:
    """(left width, right x, right width) of a two-column page."""
    left_w = (width - gap) * left_share
    return left_w, left_w + gap, width - left_w - gap


# ----------------------------------------------------------------- set-up, vision, charter


class SetupView(PaintedView):
    """The opening screen: the workshop, its sponsor, who is at the table, and the agenda."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        left_w, right_x, right_w = two_columns(width, canvas.px(1.6))
        left = [
            text_block(
                canvas,
                left_w,
                ws.title,
                canvas.font(1.5, bold=True),
                c.text,
                max_lines=2,
                space_after=canvas.px(0.2),
            )
        ]
        facts = [ws.organisation]
        if ws.date is not None:
            facts.append(content.long_date(ws.date))
        line = " · ".join(f for f in facts if f)
        if line:
            left.append(
                text_block(
                    canvas,
                    left_w,
                    line,
                    canvas.font(1.0),
                    c.muted,
                    max_lines=2,
                    space_after=canvas.px(0.7),
                )
            )
        sponsor = ", ".join(v for v in (ws.sponsor_name, ws.sponsor_title) if v)
        for label, value in (("Sponsor", sponsor), ("Facilitator", ws.facilitator)):
            if value:
                left += labelled_pair(canvas, left_w, label, value)
        people = [(p, team.name) for team in content.teams(ws) for p in team.people]
        if people:
            n = len(people)
            left.append(
                kicker(canvas, left_w, f"In the room · {n} {'person' if n == 1 else 'people'}")
            )
            for person, team in people:
                left.append(
                    text_block(
                        canvas,
                        left_w,
                        f"{person.name} · {team}" if team else person.name,
                        canvas.font(1.0),
                        c.text,
                        max_lines=1,
                    )
                )
        return column_pages(
            [
                Column(0.0, left_w, [], left),
                Column(right_x, right_w, [], self._agenda(canvas, ws, right_w)),
            ],
            0.0,
            height,
        )

    def _agenda(self, canvas: Canvas, ws: Workshop, width: float) -> list[Block]:
        c = PROJECTOR
        blocks = [kicker(canvas, width, "Today's agenda")]
        font = canvas.font(1.0)
        bold = canvas.font(1.0, bold=True)
        metrics = QFontMetricsF(font)
        row_h = metrics.height() * 1.45
        time_w = metrics.horizontalAdvance("88:88 ") if ws.agenda_start else 0.0
        mins_w = metrics.horizontalAdvance("480 min")
        current = self.audience.step
        for slot in agenda.agenda(ws):

            def draw(x: float, y: float, slot: agenda.Slot = slot) -> None:
                here = slot.step is current
                if here:
                    canvas.rounded(
                        QRectF(x - canvas.px(0.3), y, width + canvas.px(0.3), row_h),
                        c.card_focus,
                        canvas.px(0.2),
                    )
                left = x
                if slot.start is not None:
                    canvas.line_text(
                        QRectF(left, y, time_w, row_h),
                        agenda.clock_text(slot.start),
                        font,
                        c.muted,
                        Qt.AlignmentFlag.AlignLeft,
                    )
                    left += time_w + canvas.px(0.3)
                canvas.line_text(
                    QRectF(left, y, x + width - left - mins_w - canvas.px(0.3), row_h),
                    f"{STEPS.index(slot.step) + 1} {slot.step.label}",
                    bold if here else font,
                    c.text,
                    Qt.AlignmentFlag.AlignLeft,
                )
                canvas.line_text(
                    QRectF(x + width - mins_w, y, mins_w, row_h),
                    f"{slot.minutes} min",
                    font,
                    c.muted,
                    Qt.AlignmentFlag.AlignRight,
                )
                canvas.rounded(QRectF(x, y + row_h - 1, width, 1), c.rule, 0)

            blocks.append(Block(row_h, draw))
        end = agenda.end_time(ws)
        total = agenda.duration_text(agenda.total_minutes(ws) * 60)
        closing = f"Ends at {agenda.clock_text(end)} · {total} in all" if end else f"{total} in all"
        blocks.append(spacer(canvas.px(0.3)))
        blocks.append(text_block(canvas, width, closing, font, c.muted, max_lines=2))
        return blocks


class VisionView(PaintedView):
    """The vision in the largest type, and the principles the team committed to."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        inner = min(width, canvas.px(40))
        blocks: list[Block] = []
        if ws.vision:
            blocks.append(
                text_block(
                    canvas,
                    inner,
                    ws.vision,
                    canvas.font(1.8, bold=True),
                    c.text,
                    space_after=canvas.px(1.0),
                )
            )
        else:
            blocks.append(
                text_block(
                    canvas,
                    inner,
                    "The room agrees on one sentence here.",
                    canvas.font(1.3),
                    c.muted,
                    space_after=canvas.px(1.0),
                )
            )
        committed = [p.text for p in ws.principles if p.committed]
        if committed:
            blocks.append(kicker(canvas, inner, "We commit to"))
            font = canvas.font(1.0)
            mark_w = canvas.px(1.3)
            for text in committed:
                body = text_block(
                    canvas, inner - mark_w, text, font, c.text, space_after=canvas.px(0.3)
                )

                def draw(x: float, y: float, body: Block = body) -> None:
                    canvas.text(x, y, mark_w, "✓", canvas.font(1.0, bold=True), c.accent)
                    body.draw(x + mark_w, y)

                blocks.append(Block(body.height, draw))
        x = (width - inner) / 2
        return column_pages([Column(x, inner, [], blocks)], 0.0, height)


class CharterView(PaintedView):
    """The charter's summary: the vision, the top priorities and their Accountables, next steps."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        left_w, right_x, right_w = two_columns(width, canvas.px(1.6), 0.55)
        left: list[Block] = []
        if ws.vision:
            left.append(kicker(canvas, left_w, "Our vision"))
            left.append(
                text_block(
                    canvas,
                    left_w,
                    ws.vision,
                    canvas.font(1.2, bold=True),
                    c.text,
                    max_lines=4,
                    space_after=canvas.px(0.8),
                )
            )
        left.append(kicker(canvas, left_w, "Our top priorities"))
        places = content.top_places(ws) if results_public(ws) else []
        if not places:
            left.append(
                text_block(
                    canvas, left_w, "The vote sets the priorities.", canvas.font(1.0), c.muted
                )
            )
        number_font = canvas.font(1.3, bold=True)
        number_w = QFontMetricsF(number_font).horizontalAdvance("88 ")
        for place in places:
            holders = content.holders(ws, place.goal.id, Role.ACCOUNTABLE)
            title = text_block(
                canvas,
                left_w - number_w,
                place.goal.title,
                canvas.font(1.0, bold=True),
                c.text,
                max_lines=2,
            )
            owner = text_block(
                canvas,
                left_w - number_w,
                f"Accountable: {holders[0]}" if holders else "No Accountable yet",
                canvas.font(1.0),
                c.muted,
                max_lines=1,
                space_after=canvas.px(0.4),
            )

            def draw(
                x: float,
                y: float,
                label: str = place.label,
                title: Block = title,
                owner: Block = owner,
            ) -> None:
                canvas.text(x, y, number_w, label, number_font, c.accent)
                title.draw(x + number_w, y)
                owner.draw(x + number_w, y + title.height)

            left.append(
                Block(max(title.height + owner.height, QFontMetricsF(number_font).height()), draw)
            )

        right: list[Block] = []
        if ws.review_date is not None:
            right.append(kicker(canvas, right_w, "We review progress on"))
            right.append(
                text_block(
                    canvas,
                    right_w,
                    content.long_date(ws.review_date),
                    canvas.font(1.2, bold=True),
                    c.text,
                    space_after=canvas.px(0.8),
                )
            )
        right.append(kicker(canvas, right_w, "Next steps"))
        if not ws.commitments:
            right.append(
                text_block(
                    canvas, right_w, "The next steps are agreed here.", canvas.font(1.0), c.muted
                )
            )
        mark_w = canvas.px(1.2)
        for i, commitment in enumerate(ws.commitments, start=1):
            owner_due = " · ".join(v for v in (commitment.owner, commitment.due) if v)
            text = text_block(
                canvas, right_w - mark_w, commitment.text, canvas.font(1.0), c.text, max_lines=2
            )
            who = text_block(
                canvas,
                right_w - mark_w,
                owner_due,
                canvas.font(1.0),
                c.muted,
                max_lines=1,
                space_after=canvas.px(0.4),
            )

            def draw_step(
                x: float, y: float, i: int = i, text: Block = text, who: Block = who
            ) -> None:
                canvas.text(x, y, mark_w, f"{i}.", canvas.font(1.0, bold=True), c.accent)
                text.draw(x + mark_w, y)
                who.draw(x + mark_w, y + text.height)

            right.append(Block(text.height + who.height, draw_step))
        return column_pages(
            [Column(0.0, left_w, [], left), Column(right_x, right_w, [], right)], 0.0, height
        )


def results_public(ws: Workshop) -> bool:
    """Whether every closed round has been revealed: only then may the order be shown."""
    closed = [r for r in ws.rounds if not r.is_open]
    return bool(closed) and all(r.revealed for r in closed)


class BlankCard(PaintedView):
    """The neutral card: the workshop's name and nothing else, or a word that voting is on."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        if self.audience.ballot_in_progress:
            return [
                centred_card(
                    canvas,
                    width,
                    height,
                    "Voting in progress",
                    ["The screen stays blank while each person votes in private."],
                )
            ]
        ws = self.workshop()
        title = ws.title if ws is not None else "CX Workshop"
        lines = [ws.organisation] if ws is not None and ws.organisation else []
        return [centred_card(canvas, width, height, title, lines)]


__all__ = ["BlankCard", "CharterView", "PaintedView", "SetupView", "VisionView", "results_public"]
