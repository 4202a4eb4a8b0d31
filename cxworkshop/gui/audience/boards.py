"""The goals and accountability screens: an overview of the three pillars, and a focus view.

The overview shows each goal's title under its pillar (with the Accountable
on the accountability screen), every card marked with its pillar's symbol,
titles cut at two lines with "…". The focus view shows the goal the
facilitator has selected in full: its measure, or all four roles and who
holds them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ...charter import content
from ...domain.model import Goal, Pillar, Role
from ..models.goals import GOAL_ID_ROLE, MEASURE_ROLE
from ..theme import PILLAR_SYMBOLS
from .canvas import Block, Canvas, Column, Page, column_pages, text_block
from .colours import PROJECTOR
from .views import PaintedView, kicker, spacer

ROLE_ORDER = (Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED)
TITLE_LINES = 2
"""A card's title in the overview wraps to this many lines, then ends in "…"."""


def chip(canvas: Canvas, x: float, y: float, role: Role, font: QFont) -> float:
    """The role's letter, black on the role's colour; returns the width it took."""
    bold = QFont(font)
    bold.setBold(True)
    size = QFontMetricsF(bold).height()
    box = QRectF(x, y, size * 1.1, size)
    canvas.rounded(box, PROJECTOR.roles[role], size * 0.2)
    canvas.line_text(box, role.value, bold, PROJECTOR.role_letter, Qt.AlignmentFlag.AlignHCenter)
    return box.width()


def pillar_header(canvas: Canvas, width: float, pillar: Pillar) -> list[Block]:
    """The pillar's coloured rule, symbol and name at the top of its column."""
    c = PROJECTOR
    colour = c.pillars[pillar]
    head = canvas.font(1.3, bold=True)
    symbol_w = QFontMetricsF(head).horizontalAdvance(PILLAR_SYMBOLS[pillar] + " ")
    line = QFontMetricsF(head).height()

    def draw(x: float, y: float) -> None:
        canvas.rounded(QRectF(x, y, width, canvas.px(0.18)), colour, canvas.px(0.09))
        canvas.text(x, y + canvas.px(0.35), symbol_w, PILLAR_SYMBOLS[pillar], head, colour)
        canvas.line_text(
            QRectF(x + symbol_w, y + canvas.px(0.35), width - symbol_w, line),
            pillar.label,
            head,
            c.text,
            Qt.AlignmentFlag.AlignLeft,
        )

    return [Block(canvas.px(0.35) + line + canvas.px(0.45), draw)]


class PillarBoard(PaintedView):
    """Three pillar columns of cards in the overview; the selected goal in focus."""

    def goals(self, pillar: Pillar) -> list[Goal]:
        ws = self.workshop()
        return [] if ws is None else [g for g in ws.goals if g.pillar is pillar]

    def card_lines(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        """What a card shows under its title in the overview."""
        return []

    def focus_blocks(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        """What the focus view shows under the goal's title."""
        return []

    def layout_pages(self, canvas: Canvas, width: float, height: float) -> list[Page]:
        ws = self.workshop()
        if ws is None:
            return []
        focused = self.audience.focused_goal()
        goal = next((g for g in ws.goals if g.id == focused), None)
        if goal is not None:
            return self.focus_pages(canvas, goal, width, height)
        gap = canvas.px(0.9)
        col_w = (width - 2 * gap) / 3
        columns = []
        for i, pillar in enumerate(Pillar):
            x = i * (col_w + gap)
            cards = [self.card(canvas, col_w, g) for g in self.goals(pillar)]
            empty = text_block(
                canvas,
                col_w,
                f"No {pillar.label} goals yet",
                canvas.font(1.0),
                PROJECTOR.muted,
                max_lines=2,
            )
            columns.append(
                Column(
                    x,
                    col_w,
                    pillar_header(canvas, col_w, pillar),
                    cards,
                    gap=canvas.px(0.35),
                    empty=empty,
                )
            )
        return column_pages(columns, 0.0, height)

    def card(self, canvas: Canvas, width: float, goal: Goal) -> Block:
        """A goal's card: its pillar's symbol and title, and the view's lines under it."""
        c = PROJECTOR
        pad = canvas.px(0.4)
        stripe = canvas.px(0.2)
        inner = width - stripe - 2 * pad
        title_font = canvas.font(1.0, bold=True)
        symbol = PILLAR_SYMBOLS[goal.pillar]
        symbol_w = QFontMetricsF(title_font).horizontalAdvance(symbol + " ")
        title = text_block(
            canvas, inner - symbol_w, goal.title, title_font, c.text, max_lines=TITLE_LINES
        )
        lines = self.card_lines(canvas, goal, inner)
        height = pad + title.height + sum(b.height for b in lines) + pad
        selected = goal.id == self.audience.selected_goal

        def draw(x: float, y: float) -> None:
            canvas.marks.append(goal.id)
            card = QRectF(x, y, width, height)
            radius = canvas.px(0.3)
            canvas.rounded(card, c.card_focus if selected else c.card, radius)
            canvas.rounded(QRectF(x, y, stripe, height), c.pillars[goal.pillar], stripe / 2)
            if selected:
                # A thick frame, not only a colour, marks the goal being talked about.
                canvas.rounded(card, None, radius, edge=c.accent, edge_width=canvas.px(0.15))
            tx, ty = x + stripe + pad, y + pad
            canvas.text(tx, ty, symbol_w, symbol, title_font, c.pillars[goal.pillar])
            title.draw(tx + symbol_w, ty)
            ty += title.height
            for line in lines:
                line.draw(tx, ty)
                ty += line.height

        return Block(height, draw)

    def focus_pages(self, canvas: Canvas, goal: Goal, width: float, height: float) -> list[Page]:
        """The selected goal alone, in large type, with everything the overview leaves out."""
        c = PROJECTOR
        inner = min(width, canvas.px(42))
        head = canvas.font(1.0, bold=True)
        symbol = PILLAR_SYMBOLS[goal.pillar]
        symbol_w = QFontMetricsF(head).horizontalAdvance(symbol + " ")
        pillar_line = text_block(
            canvas,
            inner - symbol_w,
            f"{goal.pillar.label} · {goal.pillar.meaning}",
            head,
            c.muted,
            max_lines=2,
        )

        def draw_pillar(x: float, y: float) -> None:
            canvas.text(x, y, symbol_w, symbol, head, c.pillars[goal.pillar])
            pillar_line.draw(x + symbol_w, y)

        blocks = [Block(pillar_line.height + canvas.px(0.4), draw_pillar)]
        blocks.append(
            text_block(
                canvas,
                inner,
                goal.title,
                canvas.font(1.6, bold=True),
                c.text,
                space_after=canvas.px(0.7),
            )
        )
        blocks += self.focus_blocks(canvas, goal, inner)
        return column_pages([Column((width - inner) / 2, inner, [], blocks)], 0.0, height)


class GoalsView(PillarBoard):
    """The goals board: every goal under its pillar; in focus, with its measure."""

    def goals(self, pillar: Pillar) -> list[Goal]:
        # The board's order is the goals model's (the console's columns), not the file's.
        model = self.audience.goal_models[pillar]
        ws = self.workshop()
        by_id = {} if ws is None else {g.id: g for g in ws.goals}
        ids = [str(model.index(row, 0).data(GOAL_ID_ROLE)) for row in range(model.rowCount())]
        return [by_id[i] for i in ids if i in by_id]

    def focus_blocks(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        c = PROJECTOR
        out: list[Block] = []
        model = self.audience.goal_models[goal.pillar]
        row = model.row_of(goal.id)
        measure = str(model.index(row, 0).data(MEASURE_ROLE) or "") if row != -1 else ""
        if measure:
            out.append(kicker(canvas, width, "How we measure it"))
            out.append(
                text_block(
                    canvas, width, measure, canvas.font(1.2), c.text, space_after=canvas.px(0.6)
                )
            )
        else:
            out.append(
                text_block(
                    canvas,
                    width,
                    "No measure yet",
                    canvas.font(1.0, italic=True),
                    c.muted,
                    space_after=canvas.px(0.6),
                )
            )
        if goal.description:
            out.append(text_block(canvas, width, goal.description, canvas.font(1.0), c.muted))
        return out


class AccountabilityView(PillarBoard):
    """Who answers for each goal: the Accountable in the overview, all four roles in focus."""

    def card_lines(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        names = content.holders(ws, goal.id, Role.ACCOUNTABLE)
        font = canvas.font(1.0, bold=True) if names else canvas.font(1.0, italic=True)
        colour = c.text if names else c.muted
        text = ", ".join(names) if names else "No Accountable yet"
        chip_w = QFontMetricsF(canvas.font(1.0, bold=True)).height() * 1.1 + canvas.px(0.3)
        line = text_block(canvas, width - chip_w, text, font, colour, max_lines=1)

        def draw(x: float, y: float) -> None:
            chip(canvas, x, y, Role.ACCOUNTABLE, canvas.font(1.0))
            line.draw(x + chip_w, y)

        top = canvas.px(0.25)
        return [spacer(top), Block(max(line.height, QFontMetricsF(font).height()), draw)]

    def focus_blocks(self, canvas: Canvas, goal: Goal, width: float) -> list[Block]:
        ws = self.workshop()
        if ws is None:
            return []
        c = PROJECTOR
        out: list[Block] = []
        label_font = canvas.font(1.0, bold=True)
        chip_w = QFontMetricsF(label_font).height() * 1.1 + canvas.px(0.4)
        label_w = QFontMetricsF(label_font).horizontalAdvance("Accountable") + canvas.px(0.8)
        for role in ROLE_ORDER:
            names = content.holders(ws, goal.id, role)
            if names:
                who = text_block(
                    canvas, width - chip_w - label_w, ", ".join(names), canvas.font(1.0), c.text
                )
            else:
                who = text_block(
                    canvas,
                    width - chip_w - label_w,
                    f"No {role.label} yet",
                    canvas.font(1.0, italic=True),
                    c.muted,
                )

            def draw(x: float, y: float, role: Role = role, who: Block = who) -> None:
                chip(canvas, x, y, role, label_font)
                canvas.text(x + chip_w, y, label_w, role.label, label_font, c.text, max_lines=1)
                who.draw(x + chip_w + label_w, y)

            out.append(
                Block(max(who.height, QFontMetricsF(label_font).height()) + canvas.px(0.5), draw)
            )
        return out


__all__ = ["ROLE_ORDER", "AccountabilityView", "GoalsView", "PillarBoard", "chip"]
