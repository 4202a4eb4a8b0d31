"""The results of a vote and the progress board, as ranked rows in pages at the type floor."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF

from ...domain import review
from ...domain.model import Goal, Pillar, ReviewStatus, TieBreak, VotingMode, Workshop
from ..models.voting import (
    DOTS_ROLE,
    PILLAR_ROLE,
    PLACE_ROLE,
    RANK_ROLE,
    SETTLED_ROLE,
    TIED_ROLE,
    dots_text,
    settled_text,
)
from ..theme import PILLAR_SYMBOLS
from .boards import PillarBoard
from .canvas import Block, Canvas, Column, Page, column_pages, text_block
from .colours import PROJECTOR
from .views import PaintedView, centred_card, kicker


def _tag(index: QModelIndex | QPersistentModelIndex) -> str:
    """The word beside a result's count: TIED, or how its tie was settled; "" for neither."""
    if index.data(TIED_ROLE):
        return "TIED"
    settled = index.data(SETTLED_ROLE)
    return settled_text(TieBreak(settled)).upper() if settled else ""


def _pillar(value: object) -> Pillar | None:
    """A pillar read back from a model (Qt hands a StrEnum back as a plain str)."""
    try:
        return Pillar(str(value)) if value else None
    except ValueError:
        return None


class PrioritiesView(PaintedView):
    """The revealed results of the round the console shows, ranked, a page at a time."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        model = self.audience.results_model
        r = model.voting_round()
        if r is None:
            return [
                centred_card(
                    canvas,
                    width,
                    height,
                    "No vote yet",
                    ["The room puts its dots on the goals here."],
                )
            ]
        name = f"{'Run-off' if r.is_runoff else 'Round'} {r.number} · {r.mode.label}"
        if not model.is_shown():
            return self._waiting(canvas, ws, width, height, name)
        header = [
            kicker(
                canvas,
                width,
                f"{name} · results",
            )
        ]
        return column_pages(
            [Column(0.0, width, header, self._rows(canvas, width), gap=canvas.px(0.25))],
            0.0,
            height,
        )

    def _waiting(
        self, canvas: Canvas, ws: Workshop, width: float, height: float, name: str
    ) -> list[Page]:
        r = self.audience.results_model.voting_round()
        assert r is not None
        c = PROJECTOR
        if r.is_open:
            how = (
                "Each person votes in private on the laptop."
                if r.mode is VotingMode.SECRET
                else "Put your dots on the wall; they are counted when voting closes."
            )
            lines, title = [how, "The results appear here for everyone at once."], "Voting is open"
        else:
            lines, title = ["The results appear here for everyone at once."], "Voting has closed"
        inner = min(width, canvas.px(40))
        blocks = [
            kicker(canvas, inner, name),
            text_block(
                canvas,
                inner,
                title,
                canvas.font(1.7, bold=True),
                c.text,
                max_lines=1,
                space_after=canvas.px(0.3),
            ),
        ]
        blocks += [
            text_block(
                canvas,
                inner,
                line,
                canvas.font(1.0),
                c.muted,
                max_lines=2,
                space_after=canvas.px(0.2),
            )
            for line in lines
        ]
        if r.is_open:
            titles = {g.id: g for g in ws.goals}
            on_ballot = [titles[g] for g in r.goal_ids if g in titles]
            if on_ballot:
                blocks.append(kicker(canvas, inner, "On the ballot", before=canvas.px(0.6)))
                blocks += [symbol_line(canvas, inner, goal) for goal in on_ballot]
        return column_pages([Column((width - inner) / 2, inner, [], blocks)], 0.0, height)

    def _rows(self, canvas: Canvas, width: float) -> list[Block]:
        c = PROJECTOR
        model = self.audience.results_model
        rows = model.rowCount()
        rank_font = canvas.font(1.3, bold=True)
        title_font = canvas.font(1.0, bold=True)
        count_font = canvas.font(1.0, bold=True)
        tag_font = canvas.font(1.0, bold=True)
        rank_w = QFontMetricsF(rank_font).horizontalAdvance("=88") + canvas.px(0.4)
        symbol_w = QFontMetricsF(title_font).horizontalAdvance("▲ ")
        count_w = QFontMetricsF(count_font).horizontalAdvance("888 dots") + canvas.px(0.4)
        tags = {_tag(model.index(i, 0)) for i in range(rows)} - {""}
        tag_w = max(
            (QFontMetricsF(tag_font).horizontalAdvance(t) + canvas.px(1.0) for t in tags),
            default=0.0,
        )
        title_w = width * 0.42
        bar_room = width - rank_w - symbol_w - title_w - count_w - tag_w - canvas.px(1.0)
        if bar_room < canvas.px(3):
            title_w -= canvas.px(3) - bar_room
            bar_room = canvas.px(3)
        most = (
            max((int(model.index(i, 0).data(DOTS_ROLE) or 0) for i in range(rows)), default=0) or 1
        )
        blocks = []
        for i in range(rows):
            first = model.index(i, 0)
            dots = int(first.data(DOTS_ROLE) or 0)
            tied = bool(first.data(TIED_ROLE))
            pillar = _pillar(first.data(PILLAR_ROLE))
            place = str(first.data(PLACE_ROLE) or first.data(RANK_ROLE) or "")
            word = _tag(first)
            title = text_block(
                canvas,
                title_w,
                str(model.index(i, 1).data() or ""),
                title_font,
                c.text,
            )
            # Results have no focus view to show a shortened title in full: it wraps whole,
            # and a long one takes a taller row (or the next page).
            row_h = max(title.height, QFontMetricsF(rank_font).height()) + canvas.px(0.3)

            def draw(
                x: float,
                y: float,
                dots: int = dots,
                tied: bool = tied,
                pillar: Pillar | None = pillar,
                place: str = place,
                word: str = word,
                title: Block = title,
                row_h: float = row_h,
            ) -> None:
                if tied:
                    # A tie still open sits in a band, so the eye groups the tied goals.
                    canvas.rounded(QRectF(x, y, width, row_h), c.card, canvas.px(0.25))
                mid = y + row_h / 2
                line = QFontMetricsF(title_font).height()
                canvas.line_text(
                    QRectF(x, y, rank_w - canvas.px(0.4), row_h),
                    place,
                    rank_font,
                    c.text,
                    Qt.AlignmentFlag.AlignRight,
                )
                tx = x + rank_w
                if pillar is not None:
                    canvas.line_text(
                        QRectF(tx, mid - line / 2, symbol_w, line),
                        PILLAR_SYMBOLS[pillar],
                        title_font,
                        c.pillars[pillar],
                        Qt.AlignmentFlag.AlignLeft,
                    )
                title.draw(tx + symbol_w, mid - title.height / 2)
                bar_left = tx + symbol_w + title_w + canvas.px(0.5)
                bar_h = canvas.px(0.9)
                length = max(canvas.px(0.15), bar_room * dots / most)
                bar = QRectF(bar_left, mid - bar_h / 2, length, bar_h)
                if dots:
                    canvas.rounded(bar, c.accent, bar_h * 0.18)
                    if tied:
                        hatch = QBrush(QColor(c.background), Qt.BrushStyle.BDiagPattern)
                        canvas.rounded(bar, hatch, bar_h * 0.18)
                else:
                    canvas.rounded(bar, None, 2, edge=c.muted, edge_width=2)
                count_x = bar.right() + canvas.px(0.4)
                canvas.line_text(
                    QRectF(count_x, y, count_w, row_h),
                    dots_text(dots),
                    count_font,
                    c.text,
                    Qt.AlignmentFlag.AlignLeft,
                )
                if word:
                    used = QFontMetricsF(count_font).horizontalAdvance(dots_text(dots))
                    ink = c.accent if tied else c.muted
                    tag_h = QFontMetricsF(tag_font).height() * 1.3
                    tag = QRectF(count_x + used + canvas.px(0.4), mid - tag_h / 2, tag_w, tag_h)
                    canvas.rounded(tag, None, tag.height() / 2, edge=ink, edge_width=2)
                    canvas.line_text(tag, word, tag_font, ink, Qt.AlignmentFlag.AlignHCenter)

            blocks.append(Block(row_h, draw))
        return blocks


def symbol_line(canvas: Canvas, width: float, goal: Goal) -> Block:
    """A goal's title after its pillar's symbol, on one line ending in "…" if long."""
    c = PROJECTOR
    font = canvas.font(1.0)
    symbol_w = QFontMetricsF(font).horizontalAdvance("▲ ")
    title = text_block(
        canvas, width - symbol_w, goal.title, font, c.text, max_lines=1, space_after=canvas.px(0.15)
    )

    def draw(x: float, y: float) -> None:
        canvas.text(x, y, symbol_w, PILLAR_SYMBOLS[goal.pillar], font, c.pillars[goal.pillar])
        title.draw(x + symbol_w, y)

    return Block(title.height, draw)


# ----------------------------------------------------------------- the progress board


def status_text(status: ReviewStatus | None) -> str:
    """How a goal stands, as a symbol and a word: never colour alone."""
    return f"{status.symbol} {status.label}" if status is not None else "– Not reviewed"


class ProgressView(PillarBoard):
    """After the workshop: each goal's status, and its baseline → latest reading → target."""

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        focused = self.audience.focused_goal()
        goal = next((g for g in ws.goals if g.id == focused), None)
        if goal is not None:
            return self.focus_pages(canvas, goal, width, height)
        c = PROJECTOR
        reviewed = [r for r in ws.reviews if r.goals]
        when = (
            f"Latest review: {reviewed[-1].held_on.day} {reviewed[-1].held_on:%B %Y}"
            if reviewed
            else "No review recorded yet"
        )
        header = [
            kicker(
                canvas,
                width,
                when,
            )
        ]
        status_font = canvas.font(1.0, bold=True)
        status_w = max(
            QFontMetricsF(status_font).horizontalAdvance(status_text(s))
            for s in (*ReviewStatus, None)
        ) + canvas.px(0.8)
        title_w = (width - status_w) * 0.5
        numbers_w = width - status_w - title_w
        rows = []
        for goal in ws.goals:
            found = review.latest(ws, goal.id)
            entry = found[1] if found else None
            title = symbol_title(canvas, title_w - canvas.px(0.6), goal)
            numbers = text_block(
                canvas,
                numbers_w,
                self.numbers(goal, entry.reading if entry else ""),
                canvas.font(1.0),
                c.text,
                max_lines=2,
            )
            status = entry.status if entry else None
            row_h = max(title.height, numbers.height) + canvas.px(0.35)

            def draw(
                x: float,
                y: float,
                goal_id: str = goal.id,
                title: Block = title,
                numbers: Block = numbers,
                status: ReviewStatus | None = status,
                row_h: float = row_h,
            ) -> None:
                canvas.marks.append(goal_id)
                canvas.rounded(QRectF(x, y + row_h - 1, width, 1), c.rule, 0)
                title.draw(x, y)
                canvas.text(
                    x + title_w,
                    y,
                    status_w,
                    status_text(status),
                    status_font,
                    c.text if status is not None else c.muted,
                    max_lines=1,
                )
                numbers.draw(x + title_w + status_w, y)

            rows.append(Block(row_h, draw))
        return column_pages([Column(0.0, width, header, rows, gap=canvas.px(0.25))], 0.0, height)

    @staticmethod
    def numbers(goal: Goal, reading: str) -> str:
        return " → ".join(v or "–" for v in (goal.baseline, reading, goal.target))

    def focus_blocks(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        found = review.latest(ws, goal.id)
        entry = found[1] if found else None
        label_font = canvas.font(1.0, bold=True)
        out = [
            text_block(
                canvas,
                width,
                status_text(entry.status if entry else None),
                canvas.font(1.3, bold=True),
                c.text,
                space_after=canvas.px(0.5),
            )
        ]
        label_w = QFontMetricsF(label_font).horizontalAdvance("Latest reading") + canvas.px(0.8)
        reading = entry.reading if entry else ""
        if found and reading:
            held = found[0].held_on
            reading = f"{reading} ({held.day} {held:%B %Y})"
        for label, value in (
            ("Baseline", goal.baseline),
            ("Latest reading", reading),
            ("Target", goal.target),
        ):
            value_block = text_block(
                canvas, width - label_w, value or "–", canvas.font(1.0), c.text
            )

            def draw(
                x: float, y: float, label: str = label, value_block: Block = value_block
            ) -> None:
                canvas.text(x, y, label_w, label, label_font, c.muted, max_lines=1)
                value_block.draw(x + label_w, y)

            out.append(Block(value_block.height + canvas.px(0.3), draw))
        if entry is not None and entry.note:
            out.append(kicker(canvas, width, "Note", before=canvas.px(0.4)))
            out.append(text_block(canvas, width, entry.note, canvas.font(1.0), c.text))
        return out


def symbol_title(canvas: Canvas, width: float, goal: Goal) -> Block:
    """A goal's pillar symbol and its title, bold, cut at two lines with "…"."""
    c = PROJECTOR
    font = canvas.font(1.0, bold=True)
    symbol_w = QFontMetricsF(font).horizontalAdvance("▲ ")
    title = text_block(canvas, width - symbol_w, goal.title, font, c.text, max_lines=2)

    def draw(x: float, y: float) -> None:
        canvas.text(x, y, symbol_w, PILLAR_SYMBOLS[goal.pillar], font, c.pillars[goal.pillar])
        title.draw(x + symbol_w, y)

    return Block(title.height, draw)


__all__ = ["PrioritiesView", "ProgressView", "status_text"]
