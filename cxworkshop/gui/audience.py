"""The audience screen: what the room sees on the projector while the laptop stays the console.

A second top-level window, read-only, in a projector theme of its own: near
black, white type and bright accents, with every size derived from the
window's height (the base font is height / 40), so a 1280×720 projector and
a 4K screen show the same layout, only sharper. Each step's view is painted
from the same workshop the console edits, and shrinks its type to fit rather
than scroll, since nobody scrolls a projector.

It follows the facilitator's step and selection, and it is built so that it
cannot show what the room must not see: it holds no ballot widget and no
ballot model, reads totals only through :class:`ResultsModel` (empty until a
round is closed and revealed), and shows none of the console's hints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..charter import content
from ..domain import agenda
from ..domain.changes import ChangeSet
from ..domain.model import Pillar, Role, Step, TieBreak, VotingMode, Workshop
from .models.goals import GOAL_ID_ROLE, MEASURE_ROLE, PillarGoalsModel
from .models.voting import (
    DOTS_ROLE,
    PILLAR_ROLE,
    PLACE_ROLE,
    RANK_ROLE,
    SETTLED_ROLE,
    TIED_ROLE,
    ResultsModel,
    dots_text,
    settled_text,
)
from .room_timer import RoomClock, RoomTimerWidget
from .session import Session
from .theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mix

STEPS = list(Step)
HEADINGS = {step: step.label for step in Step} | {Step.SETUP: "Welcome"}
"""The room's name for each step: the console's "Set up" is the room's welcome."""
HEIGHT_PER_BASE = 40
"""The base font is the window's height divided by this: 27 px on a 1080-line projector."""
MIN_BASE_PX = 12


# ----------------------------------------------------------------- the projector theme


@dataclass(frozen=True)
class ProjectorColours:
    """High contrast for a washed-out projector: white on near-black, bright accents."""

    background: str = "#07080A"
    card: str = "#171A1F"
    card_focus: str = "#262B33"
    text: str = "#FFFFFF"
    muted: str = "#C8CED6"
    """Secondary text: still above 11:1 on the background."""
    rule: str = "#3D434C"
    accent: str = "#FFD60A"
    """The selected goal and the results' bars: yellow reads from anywhere in a room."""
    accent_text: str = "#000000"
    pillars: dict[Pillar, str] = field(
        default_factory=lambda: {p: mix(c, "#FFFFFF", 0.28) for p, c in PILLAR_COLOURS.items()}
    )
    roles: dict[Role, str] = field(
        default_factory=lambda: {
            Role.ACCOUNTABLE: "#FF6B6B",
            Role.RESPONSIBLE: "#5CB8FF",
            Role.CONSULTED: "#FFB547",
            Role.INFORMED: "#C8CED6",
        }
    )


PROJECTOR = ProjectorColours()


def projector_palette(c: ProjectorColours = PROJECTOR) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.background),
        (role.Base, c.card),
        (role.AlternateBase, c.card_focus),
        (role.Text, c.text),
        (role.WindowText, c.text),
        (role.ButtonText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text),
        (role.Mid, c.rule),
        (role.Dark, c.rule),
    ):
        p.setColor(r, QColor(value))
    return p


def base_px_for(height: int) -> int:
    """The audience's base font size in pixels for a window ``height`` pixels tall."""
    return max(MIN_BASE_PX, round(height / HEIGHT_PER_BASE))


# ----------------------------------------------------------------- painting that fits


_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class Canvas:
    """Lays out (and, given a painter, draws) text and shapes at one scale of the base font.

    Without a painter it only measures, so a view can try smaller scales until
    its content fits; either way it remembers every text it placed.
    """

    def __init__(self, painter: QPainter | None, family: str, base_px: float, scale: float) -> None:
        self.painter = painter
        self.family = family
        self.unit = base_px * scale
        """One "em" at this scale, in pixels: every length is a multiple of it."""
        self.bottom = 0.0
        self.texts: list[str] = []

    def px(self, factor: float) -> float:
        return self.unit * factor

    def font(self, factor: float = 1.0, *, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont(self.family)
        f.setPixelSize(max(6, round(self.unit * factor)))
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def height_of(self, text: str, font: QFont, width: float) -> float:
        return (
            QFontMetricsF(font)
            .boundingRect(QRectF(0, 0, max(1.0, width), 1e6), _WRAP, text)
            .height()
        )

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        font: QFont,
        colour: str,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Wrapped text at (x, y), ``width`` wide; returns the height it took."""
        if not text:
            return 0.0
        height = self.height_of(text, font, width)
        self.texts.append(text)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor(colour))
            flags = Qt.TextFlag.TextWordWrap | align | Qt.AlignmentFlag.AlignTop
            self.painter.drawText(QRectF(x, y, width, height + 2), flags, text)
        self.reach(y + height)
        return height

    def line_text(
        self, rect: QRectF, text: str, font: QFont, colour: str, align: Qt.AlignmentFlag
    ) -> None:
        """One line of text inside ``rect``, vertically centred, cut short with … if long."""
        self.texts.append(text)
        if self.painter is not None:
            metrics = QFontMetricsF(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            self.painter.setFont(font)
            self.painter.setPen(QColor(colour))
            self.painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)
        self.reach(rect.bottom())

    def block_text(
        self, rect: QRectF, text: str, font: QFont, colour: str, max_lines: int = 2
    ) -> None:
        """Text wrapped to at most ``max_lines`` in ``rect``, vertically centred; the last line
        ends in … when the text is longer."""
        metrics = QFontMetricsF(font)
        room = min(rect.height(), metrics.lineSpacing() * max_lines + 1)
        shown = text
        words = text.split()
        while self.height_of(shown, font, rect.width()) > room and len(words) > 1:
            words.pop()
            shown = " ".join(words) + "…"
        if self.height_of(shown, font, rect.width()) > room:
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.texts.append(text)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor(colour))
            flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
            self.painter.drawText(rect, flags | Qt.AlignmentFlag.AlignVCenter, shown)
        self.reach(rect.bottom())

    def rounded(
        self,
        rect: QRectF,
        fill: str | QBrush | None,
        radius: float,
        *,
        edge: str | None = None,
        edge_width: float = 1.0,
    ) -> None:
        if self.painter is not None:
            path = QPainterPath()
            path.addRoundedRect(rect, radius, radius)
            if fill is not None:
                self.painter.fillPath(path, QColor(fill) if isinstance(fill, str) else fill)
            if edge is not None:
                inset = edge_width / 2
                inner = QPainterPath()
                inner.addRoundedRect(
                    rect.adjusted(inset, inset, -inset, -inset), radius - inset, radius - inset
                )
                self.painter.setPen(QPen(QColor(edge), edge_width))
                self.painter.setBrush(Qt.BrushStyle.NoBrush)
                self.painter.drawPath(inner)
        self.reach(rect.bottom())

    def clipped_fill(self, clip: QRectF, radius: float, rect: QRectF, colour: str) -> None:
        """Fill ``rect`` inside the rounded ``clip`` (a card's stripe)."""
        if self.painter is not None:
            path = QPainterPath()
            path.addRoundedRect(clip, radius, radius)
            self.painter.save()
            self.painter.setClipPath(path)
            self.painter.fillRect(rect, QColor(colour))
            self.painter.restore()

    def reach(self, y: float) -> None:
        self.bottom = max(self.bottom, y)


class PaintedView(QWidget):
    """One step's view on the audience screen: composed at the largest scale that fits."""

    SCALES: tuple[float, ...] = (
        1.3,
        1.2,
        1.1,
        1.0,
        0.92,
        0.85,
        0.78,
        0.72,
        0.66,
        0.6,
        0.55,
        0.5,
        0.45,
        0.4,
    )
    """Larger than the base when there is room (a short list reads from further away),
    smaller when a long one would not fit: a projector cannot scroll."""

    def __init__(self, audience: AudienceWindow) -> None:
        super().__init__(audience)
        self.audience = audience
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @property
    def colours(self) -> ProjectorColours:
        return PROJECTOR

    def workshop(self) -> Workshop | None:
        session = self.audience.session
        return None if session is None else session.workshop

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        """Place this view's content in a ``width`` × ``height`` area."""
        raise NotImplementedError

    def _canvas(self, painter: QPainter | None, scale: float) -> Canvas:
        return Canvas(painter, self.audience.family, self.audience.base_px, scale)

    def fitting_scale(self) -> float:
        width, height = float(self.width()), float(self.height())
        for scale in self.SCALES:
            trial = self._canvas(None, scale)
            self.compose(trial, width, height)
            if trial.bottom <= height + 0.5:
                return scale
        return self.SCALES[-1]

    def texts(self) -> list[str]:
        """Every text this view shows now, as drawn."""
        canvas = self._canvas(None, self.fitting_scale())
        self.compose(canvas, float(self.width()), float(self.height()))
        return canvas.texts

    def paintEvent(self, event: QPaintEvent) -> None:
        scale = self.fitting_scale()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.compose(self._canvas(painter, scale), float(self.width()), float(self.height()))
        painter.end()


def _kicker(canvas: Canvas, x: float, y: float, width: float, text: str) -> float:
    """A small capitalised label above a block: 'OUR VISION'."""
    return canvas.text(
        x, y, width, text.upper(), canvas.font(0.62, bold=True), PROJECTOR.muted
    ) + canvas.px(0.35)


def _note(canvas: Canvas, x: float, y: float, width: float, text: str) -> float:
    return canvas.text(x, y, width, text, canvas.font(0.85), PROJECTOR.muted)


def _centred_card(
    canvas: Canvas, width: float, height: float, title: str, lines: list[str]
) -> None:
    """A calm centred message: a title and a line or two under it."""
    block_w = min(width, canvas.px(32))
    x = (width - block_w) / 2
    title_font = canvas.font(1.9, bold=True)
    body_font = canvas.font(1.0)
    total = canvas.height_of(title, title_font, block_w)
    total += sum(canvas.height_of(line, body_font, block_w) + canvas.px(0.5) for line in lines)
    y = max(0.0, (height - total) / 2 - canvas.px(1))
    centre = Qt.AlignmentFlag.AlignHCenter
    y += canvas.text(x, y, block_w, title, title_font, PROJECTOR.text, align=centre)
    y += canvas.px(0.5)
    for line in lines:
        y += canvas.text(x, y, block_w, line, body_font, PROJECTOR.muted, align=centre)
        y += canvas.px(0.5)


# ----------------------------------------------------------------- each step's view


class SetupView(PaintedView):
    """The opening screen: the workshop, its sponsor, who is at the table, and the agenda."""

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        ws = self.workshop()
        if ws is None:
            return
        c = PROJECTOR
        gap = canvas.px(2.2)
        left_w = (width - gap) * 0.52
        right_x = left_w + gap
        right_w = width - right_x

        y = 0.0
        y += canvas.text(0, y, left_w, ws.title, canvas.font(1.7, bold=True), c.text)
        facts = [ws.organisation]
        if ws.date is not None:
            facts.append(content.long_date(ws.date))
        line = "  ·  ".join(f for f in facts if f)
        if line:
            y += canvas.px(0.3)
            y += canvas.text(0, y, left_w, line, canvas.font(1.0), c.muted)
        y += canvas.px(1.3)
        for label, value in (
            ("Sponsor", ", ".join(v for v in (ws.sponsor_name, ws.sponsor_title) if v)),
            ("Facilitator", ws.facilitator),
        ):
            if value:
                y += _kicker(canvas, 0, y, left_w, label)
                y += canvas.text(0, y, left_w, value, canvas.font(1.0, bold=True), c.text)
                y += canvas.px(0.9)
        people = [(p, team.name) for team in content.teams(ws) for p in team.people]
        if people:
            n = len(people)
            y += _kicker(
                canvas, 0, y, left_w, f"In the room · {n} {'person' if n == 1 else 'people'}"
            )
            # Two to a row, in table order: a name and, under it, the function.
            col_gap = canvas.px(1.0)
            col_w = (left_w - col_gap) / 2
            for i in range(0, n, 2):
                row_h = 0.0
                for j, (person, team) in enumerate(people[i : i + 2]):
                    x = j * (col_w + col_gap)
                    h = canvas.text(x, y, col_w, person.name, canvas.font(0.85, bold=True), c.text)
                    h += canvas.text(x, y + h, col_w, team, canvas.font(0.72), c.muted)
                    row_h = max(row_h, h)
                y += row_h + canvas.px(0.45)

        self._agenda(canvas, ws, right_x, right_w)

    def _agenda(self, canvas: Canvas, ws: Workshop, x: float, width: float) -> None:
        c = PROJECTOR
        y = _kicker(canvas, x, 0.0, width, "Today's agenda")
        font = canvas.font(1.0)
        bold = canvas.font(1.0, bold=True)
        row_h = QFontMetricsF(font).height() * 1.7
        time_w = QFontMetricsF(font).horizontalAdvance("88:88 ") if ws.agenda_start else 0.0
        mins_w = QFontMetricsF(font).horizontalAdvance("480 min")
        current = self.audience.step
        for slot in agenda.agenda(ws):
            row = QRectF(x, y, width, row_h)
            here = slot.step is current
            if here:
                canvas.rounded(row.adjusted(-canvas.px(0.5), 0, 0, 0), c.card_focus, canvas.px(0.3))
            left = x
            if slot.start is not None:
                canvas.line_text(
                    QRectF(left, y, time_w, row_h),
                    agenda.clock_text(slot.start),
                    font,
                    c.muted,
                    Qt.AlignmentFlag.AlignLeft,
                )
                left += time_w + canvas.px(0.6)
            name = f"{STEPS.index(slot.step) + 1}  {slot.step.label}"
            canvas.line_text(
                QRectF(left, y, x + width - left - mins_w, row_h),
                name,
                bold if here else font,
                c.text,
                Qt.AlignmentFlag.AlignLeft,
            )
            canvas.line_text(
                QRectF(x + width - mins_w - canvas.px(0.4), y, mins_w, row_h),
                f"{slot.minutes} min",
                font,
                c.muted,
                Qt.AlignmentFlag.AlignRight,
            )
            y += row_h
            canvas.rounded(QRectF(x, y - 1, width, 1), c.rule, 0)
        end = agenda.end_time(ws)
        total = agenda.duration_text(agenda.total_minutes(ws) * 60)
        y += canvas.px(0.5)
        closing = f"Ends at {agenda.clock_text(end)} · {total} in all" if end else f"{total} in all"
        canvas.text(x, y, width, closing, canvas.font(0.85), c.muted)


class VisionView(PaintedView):
    """The vision in the largest type, and the principles the team committed to."""

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        ws = self.workshop()
        if ws is None:
            return
        c = PROJECTOR
        inner = min(width, canvas.px(44))
        x = (width - inner) / 2
        y = canvas.px(0.5)
        if ws.vision:
            y += canvas.text(x, y, inner, ws.vision, canvas.font(2.0, bold=True), c.text)
        else:
            y += canvas.text(
                x, y, inner, "The room agrees on one sentence here.", canvas.font(1.4), c.muted
            )
        committed = [p.text for p in ws.principles if p.committed]
        if committed:
            y += canvas.px(1.8)
            y += _kicker(canvas, x, y, inner, "We commit to")
            font = canvas.font(1.0)
            mark_w = canvas.px(1.3)
            for text in committed:
                canvas.text(x, y, mark_w, "✓", canvas.font(1.0, bold=True), c.accent)
                y += canvas.text(x + mark_w, y, inner - mark_w, text, font, c.text)
                y += canvas.px(0.45)


class PillarColumns(PaintedView):
    """Three pillar columns of cards, as on the console's board; the selected goal stands out."""

    def card_lines(self, canvas: Canvas, goal_id: str) -> list[tuple[str, QFont, str, str]]:
        """The lines of a card below its title: (text, font, colour, chip letter or "")."""
        return []

    def goals(self, pillar: Pillar) -> list[tuple[str, str]]:
        """(goal id, title) of the pillar's goals in column order."""
        raise NotImplementedError

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        self.columns(canvas, width, 0.0)

    def columns(self, canvas: Canvas, width: float, top: float) -> None:
        """The three columns, from ``top`` down."""
        if self.workshop() is None:
            return
        c = PROJECTOR
        gap = canvas.px(1.1)
        col_w = (width - 2 * gap) / 3
        selected = self.audience.selected_goal
        head = canvas.font(1.25, bold=True)
        meaning = canvas.font(0.7)
        # The cards of all three columns start on one line, however the meanings wrap.
        cards_top = top + canvas.px(0.55) + QFontMetricsF(head).height()
        cards_top += max(canvas.height_of(p.meaning, meaning, col_w) for p in Pillar)
        cards_top += canvas.px(0.6)
        for i, pillar in enumerate(Pillar):
            x = i * (col_w + gap)
            colour = c.pillars[pillar]
            canvas.rounded(QRectF(x, top, col_w, canvas.px(0.2)), colour, canvas.px(0.1))
            y = top + canvas.px(0.55)
            symbol_w = QFontMetricsF(head).horizontalAdvance(PILLAR_SYMBOLS[pillar] + " ")
            canvas.text(x, y, symbol_w, PILLAR_SYMBOLS[pillar], head, colour)
            y += canvas.text(x + symbol_w, y, col_w - symbol_w, pillar.label, head, c.text)
            canvas.text(x, y, col_w, pillar.meaning, meaning, c.muted)
            y = cards_top
            goals = self.goals(pillar)
            if not goals:
                _note(canvas, x, y, col_w, f"No {pillar.label} goals yet")
            for goal_id, title in goals:
                y += self._card(canvas, x, y, col_w, goal_id, title, colour, goal_id == selected)
                y += canvas.px(0.45)

    def _card(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        width: float,
        goal_id: str,
        title: str,
        colour: str,
        focused: bool,
    ) -> float:
        c = PROJECTOR
        pad = canvas.px(0.55)
        stripe = canvas.px(0.22)
        text_x = x + stripe + pad
        text_w = width - stripe - 2 * pad
        title_font = canvas.font(0.95, bold=True)
        lines = self.card_lines(canvas, goal_id)
        chip_w = canvas.px(1.25)
        # Measure first, so the card's fill goes under its text.
        height = pad + canvas.height_of(title, title_font, text_w)
        for text, font, _, chip in lines:
            height += canvas.px(0.2) + canvas.height_of(
                text, font, text_w - (chip_w if chip else 0)
            )
        height += pad
        card = QRectF(x, y, width, height)
        radius = canvas.px(0.35)
        canvas.rounded(card, c.card_focus if focused else c.card, radius)
        canvas.clipped_fill(card, radius, QRectF(x, y, stripe, height), colour)
        if focused:
            # A thick frame, not only a colour, marks the goal being talked about.
            canvas.rounded(card, None, radius, edge=c.accent, edge_width=canvas.px(0.18))
        ty = y + pad
        ty += canvas.text(text_x, ty, text_w, title, title_font, c.text)
        for text, font, colour_, chip in lines:
            ty += canvas.px(0.2)
            if chip:
                self._chip(canvas, text_x, ty, chip, font)
                ty += canvas.text(text_x + chip_w, ty, text_w - chip_w, text, font, colour_)
            else:
                ty += canvas.text(text_x, ty, text_w, text, font, colour_)
        return height

    def _chip(self, canvas: Canvas, x: float, y: float, letter: str, font: QFont) -> None:
        role = Role(letter)
        size = QFontMetricsF(font).height()
        box = QRectF(x, y, size * 1.05, size)
        canvas.rounded(box, PROJECTOR.roles[role], size * 0.22)
        bold = QFont(font)
        bold.setBold(True)
        canvas.line_text(box, letter, bold, "#000000", Qt.AlignmentFlag.AlignHCenter)


class GoalsView(PillarColumns):
    """The goals board: every goal under its pillar with its measure."""

    def goals(self, pillar: Pillar) -> list[tuple[str, str]]:
        model = self.audience.goal_models[pillar]
        return [
            (str(model.index(row, 0).data(GOAL_ID_ROLE)), str(model.index(row, 0).data()))
            for row in range(model.rowCount())
        ]

    def card_lines(self, canvas: Canvas, goal_id: str) -> list[tuple[str, QFont, str, str]]:
        for model in self.audience.goal_models.values():
            row = model.row_of(goal_id)
            if row != -1:
                measure = str(model.index(row, 0).data(MEASURE_ROLE) or "")
                if measure:
                    return [(measure, canvas.font(0.72), PROJECTOR.muted, "")]
        return []


ROLE_ORDER = (Role.ACCOUNTABLE, Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED)


class AccountabilityView(PillarColumns):
    """Who answers for each goal (A), who does the work (R), who is asked (C) and told (I)."""

    def goals(self, pillar: Pillar) -> list[tuple[str, str]]:
        ws = self.workshop()
        return [] if ws is None else [(g.id, g.title) for g in ws.goals if g.pillar is pillar]

    def card_lines(self, canvas: Canvas, goal_id: str) -> list[tuple[str, QFont, str, str]]:
        ws = self.workshop()
        if ws is None:
            return []
        out = []
        font = canvas.font(0.72)
        for role in ROLE_ORDER:
            names = content.holders(ws, goal_id, role)
            if names:
                shown = canvas.font(0.72, bold=True) if role is Role.ACCOUNTABLE else font
                out.append((", ".join(names), shown, PROJECTOR.text, role.value))
            elif role in (Role.ACCOUNTABLE, Role.RESPONSIBLE):
                # The gap is the point of the step: the room sees it.
                out.append(
                    (
                        f"No {role.label} yet",
                        canvas.font(0.72, italic=True),
                        PROJECTOR.muted,
                        role.value,
                    )
                )
        return out

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        if self.workshop() is None:
            return
        self.columns(canvas, width, self._legend(canvas, width))

    def _legend(self, canvas: Canvas, width: float) -> float:
        font = canvas.font(0.72)
        x = 0.0
        size = QFontMetricsF(font).height()
        for role in ROLE_ORDER:
            self._chip(canvas, x, 0, role.value, font)
            x += size * 1.05 + canvas.px(0.35)
            label = role.label
            w = QFontMetricsF(font).horizontalAdvance(label)
            canvas.line_text(
                QRectF(x, 0, w + 2, size), label, font, PROJECTOR.muted, Qt.AlignmentFlag.AlignLeft
            )
            x += w + canvas.px(1.2)
        return size + canvas.px(0.8)


class PrioritiesView(PaintedView):
    """The revealed results of the round the console shows, or a neutral card until then."""

    # The bars fill the height whatever the scale; past 1.0 only the titles would grow
    # and wrap, so the chart stops there.
    SCALES = tuple(s for s in PaintedView.SCALES if s <= 1.0)

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        ws = self.workshop()
        if ws is None:
            return
        model = self.audience.results_model
        r = model.voting_round()
        if r is None:
            _centred_card(
                canvas,
                width,
                height,
                "No vote yet",
                ["The room puts its dots on the goals here, and the results show together."],
            )
            return
        name = f"{'Run-off' if r.is_runoff else 'Round'} {r.number} · {r.mode.label}"
        if not model.is_shown():
            self._waiting(canvas, ws, width, height, name)
            return
        y = _kicker(canvas, 0, 0, width, f"{name} · results")
        self._bars(canvas, 0, y, width, height - y)

    def _waiting(
        self, canvas: Canvas, ws: Workshop, width: float, height: float, name: str
    ) -> None:
        r = self.audience.results_model.voting_round()
        assert r is not None
        if r.is_open:
            how = (
                "Each person votes in private on the laptop."
                if r.mode is VotingMode.SECRET
                else "Put your dots on the wall; they are counted in when voting closes."
            )
            lines = [how, "The results appear here for everyone at once."]
            title = "Voting is open"
        else:
            lines = ["The results appear here for everyone at once."]
            title = "Voting has closed"
        c = PROJECTOR
        inner = min(width, canvas.px(40))
        x = (width - inner) / 2
        y = _kicker(canvas, x, 0, inner, name)
        y += canvas.text(x, y, inner, title, canvas.font(1.9, bold=True), c.text)
        for line in lines:
            y += canvas.px(0.3)
            y += canvas.text(x, y, inner, line, canvas.font(1.0), c.muted)
        if r.is_open:
            titles = {g.id: g for g in ws.goals}
            on_ballot = [titles[g] for g in r.goal_ids if g in titles]
            if on_ballot:
                y += canvas.px(1.2)
                y += _kicker(canvas, x, y, inner, "On the ballot")
                font = canvas.font(0.9)
                for goal in on_ballot:
                    symbol_w = QFontMetricsF(font).horizontalAdvance("▲  ")
                    canvas.text(
                        x, y, symbol_w, PILLAR_SYMBOLS[goal.pillar], font, c.pillars[goal.pillar]
                    )
                    y += canvas.text(x + symbol_w, y, inner - symbol_w, goal.title, font, c.text)
                    y += canvas.px(0.2)

    def _bars(self, canvas: Canvas, x0: float, y0: float, width: float, height: float) -> None:
        c = PROJECTOR
        model = self.audience.results_model
        rows = model.rowCount()
        if not rows:
            return
        gap = canvas.px(0.35)
        row_h = min(canvas.px(2.4), (height - gap * (rows - 1)) / rows)
        row_h = max(row_h, canvas.px(1.3))
        rank_font = canvas.font(1.5, bold=True)
        title_font = canvas.font(0.95, bold=True)
        count_font = canvas.font(1.0, bold=True)
        tag_font = canvas.font(0.6, bold=True)
        rank_w = QFontMetricsF(rank_font).horizontalAdvance("=88") + canvas.px(0.6)
        title_w = width * 0.42
        count_w = QFontMetricsF(count_font).horizontalAdvance("888 dots") + canvas.px(0.5)
        tags = {_tag(model.index(i, 0)) for i in range(rows)} - {""}
        tag_w = max(
            QFontMetricsF(tag_font).horizontalAdvance(t) + canvas.px(1.0) for t in tags | {"TIED"}
        )
        bar_left = x0 + rank_w + title_w + canvas.px(0.8)
        bar_room = max(canvas.px(2), width - (bar_left - x0) - count_w - tag_w - canvas.px(1.2))
        most = (
            max((int(model.index(i, 0).data(DOTS_ROLE) or 0) for i in range(rows)), default=0) or 1
        )
        bar_h = min(row_h * 0.62, canvas.px(1.3))
        for i in range(rows):
            first = model.index(i, 0)
            dots = int(first.data(DOTS_ROLE) or 0)
            rank = int(first.data(RANK_ROLE) or 0)
            tied = bool(first.data(TIED_ROLE))
            pillar = _pillar(first.data(PILLAR_ROLE))
            title = str(model.index(i, 1).data() or "")
            top = y0 + i * (row_h + gap)
            if tied and (i == 0 or int(model.index(i - 1, 0).data(RANK_ROLE) or 0) != rank):
                # The tied goals share one band, so the eye groups them before reading.
                members = sum(
                    1 for k in range(i, rows) if int(model.index(k, 0).data(RANK_ROLE) or 0) == rank
                )
                band = QRectF(x0, top - gap / 2, width, members * (row_h + gap))
                canvas.rounded(band, c.card, canvas.px(0.3), edge=c.rule, edge_width=2)
            canvas.line_text(
                QRectF(x0, top, rank_w - canvas.px(0.5), row_h),
                str(first.data(PLACE_ROLE) or rank),
                rank_font,
                c.text,
                Qt.AlignmentFlag.AlignRight,
            )
            tx = x0 + rank_w
            if pillar is not None:
                symbol_w = QFontMetricsF(title_font).horizontalAdvance("▲  ")
                canvas.line_text(
                    QRectF(tx, top, symbol_w, row_h),
                    PILLAR_SYMBOLS[pillar],
                    title_font,
                    c.pillars[pillar],
                    Qt.AlignmentFlag.AlignLeft,
                )
                tx += symbol_w
            canvas.block_text(
                QRectF(tx, top, x0 + rank_w + title_w - tx, row_h), title, title_font, c.text
            )
            length = max(canvas.px(0.15), bar_room * dots / most)
            bar = QRectF(bar_left, top + (row_h - bar_h) / 2, length, bar_h)
            if dots:
                canvas.rounded(bar, c.accent, bar_h * 0.18)
                if tied:
                    hatch = QBrush(QColor(c.background), Qt.BrushStyle.BDiagPattern)
                    canvas.rounded(bar, hatch, bar_h * 0.18)
            else:
                canvas.rounded(bar, None, 2, edge=c.muted, edge_width=2)
            count_rect = QRectF(bar.right() + canvas.px(0.5), top, count_w, row_h)
            canvas.line_text(
                count_rect, dots_text(dots), count_font, c.text, Qt.AlignmentFlag.AlignLeft
            )
            word = _tag(first)
            if word:
                used = QFontMetricsF(count_font).horizontalAdvance(dots_text(dots))
                tag_h = QFontMetricsF(tag_font).height() * 1.5
                tag = QRectF(
                    count_rect.left() + used + canvas.px(0.5),
                    top + (row_h - tag_h) / 2,
                    tag_w,
                    tag_h,
                )
                # A tie still open stands out; how a settled one was settled is a quiet note.
                ink = c.accent if tied else c.muted
                canvas.rounded(tag, None, tag_h / 2, edge=ink, edge_width=2)
                canvas.line_text(tag, word, tag_font, ink, Qt.AlignmentFlag.AlignHCenter)


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


class CharterView(PaintedView):
    """The charter's summary: the vision, the top priorities and their Accountables, next steps."""

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        ws = self.workshop()
        if ws is None:
            return
        c = PROJECTOR
        gap = canvas.px(2.2)
        left_w = (width - gap) * 0.55
        right_x = left_w + gap
        right_w = width - right_x

        y = 0.0
        if ws.vision:
            y += _kicker(canvas, 0, y, left_w, "Our vision")
            y += canvas.text(0, y, left_w, ws.vision, canvas.font(1.25, bold=True), c.text)
            y += canvas.px(1.4)
        y += _kicker(canvas, 0, y, left_w, "Our top priorities")
        places = content.top_places(ws) if self._results_public(ws) else []
        if not places:
            y += _note(canvas, 0, y, left_w, "The vote sets the priorities.")
        number_font = canvas.font(1.6, bold=True)
        number_w = QFontMetricsF(number_font).horizontalAdvance("88 ")
        for place in places:
            canvas.text(0, y, number_w, place.label, number_font, c.accent)
            top = y
            y += canvas.text(
                number_w,
                y,
                left_w - number_w,
                place.goal.title,
                canvas.font(1.0, bold=True),
                c.text,
            )
            who = content.holders(ws, place.goal.id, Role.ACCOUNTABLE)
            y += canvas.text(
                number_w,
                y,
                left_w - number_w,
                f"Accountable: {who[0]}" if who else "No Accountable yet",
                canvas.font(0.8),
                c.muted,
            )
            y = max(y, top + QFontMetricsF(number_font).height())
            y += canvas.px(0.6)

        y = 0.0
        if ws.review_date is not None:
            y += _kicker(canvas, right_x, y, right_w, "We review progress on")
            y += canvas.text(
                right_x,
                y,
                right_w,
                content.long_date(ws.review_date),
                canvas.font(1.25, bold=True),
                c.text,
            )
            y += canvas.px(1.4)
        y += _kicker(canvas, right_x, y, right_w, "Next steps")
        if not ws.commitments:
            _note(canvas, right_x, y, right_w, "The next steps are agreed here.")
        for i, commitment in enumerate(ws.commitments, start=1):
            mark_w = canvas.px(1.2)
            canvas.text(right_x, y, mark_w, f"{i}.", canvas.font(0.9, bold=True), c.accent)
            y += canvas.text(
                right_x + mark_w, y, right_w - mark_w, commitment.text, canvas.font(0.9), c.text
            )
            owner_due = " · ".join(v for v in (commitment.owner, commitment.due) if v)
            if owner_due:
                y += canvas.text(
                    right_x + mark_w, y, right_w - mark_w, owner_due, canvas.font(0.75), c.muted
                )
            y += canvas.px(0.6)

    @staticmethod
    def _results_public(ws: Workshop) -> bool:
        """Whether every closed round has been revealed: only then may the order be shown."""
        closed = [r for r in ws.rounds if not r.is_open]
        return bool(closed) and all(r.revealed for r in closed)


class BlankCard(PaintedView):
    """The neutral card: the workshop's name and nothing else, or a word that voting is on."""

    def compose(self, canvas: Canvas, width: float, height: float) -> None:
        if self.audience.ballot_in_progress:
            _centred_card(
                canvas,
                width,
                height,
                "Voting in progress",
                ["The screen stays blank while each person votes in private."],
            )
            return
        ws = self.workshop()
        title = ws.title if ws is not None else "CX Workshop"
        lines = [ws.organisation] if ws is not None and ws.organisation else []
        _centred_card(canvas, width, height, title, lines)


# ----------------------------------------------------------------- the window


class AudienceWindow(QWidget):
    """The projector's window: the current step, read-only, large, in the projector theme."""

    sig_closed = Signal()
    """The window was closed from its title bar (not by the console)."""

    sig_move_requested = Signal(int)
    """A presenter's clicker or arrow key asked for the next (1) or previous (-1) step."""

    def __init__(self, clock: RoomClock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audience")
        # The desktop adds the app's name after it ("Audience screen — CX Workshop").
        self.setWindowTitle("Audience screen")
        self.setAccessibleName("Audience screen")
        self.session: Session | None = None
        self.step = Step.SETUP
        self.selected_goal: str | None = None
        self.blanked = False
        self.ballot_in_progress = False
        self.base_px = base_px_for(720)
        app_font = QApplication.font()
        self.family = app_font.family()
        self._closing_from_console = False

        self.setPalette(projector_palette())
        self.setAutoFillBackground(True)
        # The app's stylesheet styles the console; this window sets its own look.
        self.setStyleSheet(
            f"#audience, #audience QWidget {{ background: {PROJECTOR.background};"
            f" color: {PROJECTOR.text}; }}"
        )

        self.goal_models = {p: PillarGoalsModel(p, parent=self) for p in Pillar}
        self.results_model = ResultsModel(parent=self)

        self.context = QLabel()
        self.context.setAccessibleName("Workshop")
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.position = QLabel()
        self.position.setAccessibleName("Step number")
        for label in (self.context, self.position):
            label.setStyleSheet(f"color: {PROJECTOR.muted};")
        self.timer = RoomTimerWidget(clock)
        self.heading = QLabel()
        self.heading.setAccessibleName("Step")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.views: dict[Step, PaintedView] = {
            Step.SETUP: SetupView(self),
            Step.VISION: VisionView(self),
            Step.GOALS: GoalsView(self),
            Step.ACCOUNTABILITY: AccountabilityView(self),
            Step.PRIORITIES: PrioritiesView(self),
            Step.CHARTER: CharterView(self),
        }
        self.blank_card = BlankCard(self)
        self.stack = QStackedWidget()
        for view in (*self.views.values(), self.blank_card):
            self.stack.addWidget(view)

        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.context, 1)
        top.addWidget(self.position)
        top.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignVCenter)
        self._top = top
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.stack, 1)

        # Presenting on the only screen, Esc gives the console back, and a presenter's
        # clicker (Page Down / Page Up) or the arrow keys walk the steps.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        for key, delta in (
            (Qt.Key.Key_PageDown, 1),
            (Qt.Key.Key_Right, 1),
            (Qt.Key.Key_PageUp, -1),
            (Qt.Key.Key_Left, -1),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda d=delta: self.sig_move_requested.emit(d))

        self.resize(1280, 720)
        self._rescale()
        self.refresh()

    # -- what it follows -----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop (None: a blank card)."""
        if self.session is not None:
            self.session.sig_changes.disconnect(self._follow)
        self.session = session
        self.selected_goal = None
        for model in self.goal_models.values():
            model.set_session(session)
        self.results_model.set_session(session)
        if session is not None:
            session.sig_changes.connect(self._follow)
        self.refresh()

    def _follow(self, changes: ChangeSet) -> None:
        """Show what one edit changed: the same change set the facilitator's window follows."""
        if changes.everything:
            self.refresh()
            return
        for model in self.goal_models.values():
            model.apply_changes(changes)
        if changes.rounds or changes.goal_rows or changes.goals_changed:
            self.results_model.sync()
        if changes.details:
            self.refresh()
            return
        if changes:
            self.stack.currentWidget().update()

    def set_step(self, step: Step) -> None:
        if step is not self.step:
            self.step = step
            self.refresh()

    def set_selected_goal(self, goal_id: str | None) -> None:
        """Highlight ``goal_id`` on the goals and accountability boards ("" or None: none)."""
        goal_id = goal_id or None
        if goal_id != self.selected_goal:
            self.selected_goal = goal_id
            for step in (Step.GOALS, Step.ACCOUNTABILITY):
                self.views[step].update()

    def set_round(self, round_id: str | None) -> None:
        """Show the results of the round the console shows (once it is closed and revealed)."""
        self.results_model.set_round(round_id)
        self.views[Step.PRIORITIES].update()

    def set_blanked(self, blanked: bool) -> None:
        if blanked != self.blanked:
            self.blanked = blanked
            self.refresh()

    def set_ballot_in_progress(self, voting: bool) -> None:
        """While a voter has the laptop the room sees only a neutral card, whatever else is set."""
        if voting != self.ballot_in_progress:
            self.ballot_in_progress = voting
            self.refresh()

    def showing(self) -> str:
        """What the room sees: "ballot", "blank", or the step's value."""
        if self.ballot_in_progress:
            return "ballot"
        if self.blanked or self.session is None:
            return "blank"
        return self.step.value

    # -- showing it ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the workshop and show what the room may see now."""
        for model in self.goal_models.values():
            model.sync()
        self.results_model.sync()
        ws = None if self.session is None else self.session.workshop
        if ws is not None:
            self.context.setText(" · ".join(v for v in (ws.organisation, ws.title) if v))
        else:
            self.context.setText("")
        showing = self.showing()
        covered = showing in ("ballot", "blank")
        self.heading.setVisible(not covered)
        self.position.setVisible(not covered)
        if not covered:
            i = STEPS.index(self.step)
            self.heading.setText(HEADINGS[self.step])
            self.position.setText(f"Step {i + 1} of {len(STEPS)}")
        widget = self.blank_card if covered else self.views[self.step]
        self.stack.setCurrentWidget(widget)
        widget.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        """Every size from the window's height, so a projector and a 4K screen look alike."""
        base = base_px_for(self.height())
        self.base_px = base

        def font(factor: float, bold: bool = False) -> QFont:
            f = QFont(self.family)
            f.setPixelSize(max(6, round(base * factor)))
            f.setBold(bold)
            return f

        self.setFont(font(1.0))
        self.context.setFont(font(0.75))
        self.position.setFont(font(0.75))
        self.heading.setFont(font(1.9, bold=True))
        self.timer.setFont(font(0.9))
        self.timer.updateGeometry()
        margin = round(base * 1.6)
        self._layout.setContentsMargins(margin, round(base * 0.9), margin, round(base * 1.1))
        self._layout.setSpacing(round(base * 0.6))
        self._top.setSpacing(round(base * 0.8))
        for view in (*self.views.values(), self.blank_card):
            view.update()

    # -- what the tests and the screenshots read ----------------------------------

    def rendered_text(self) -> list[str]:
        """Every text the room can see now: labels, painted views and the timer."""
        out = []
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                out.append(label.text())
        view = self.stack.currentWidget()
        if isinstance(view, PaintedView):
            out += view.texts()
        if self.timer.isVisibleTo(self):
            out.append(self.timer.text())
        return out

    # -- closing -------------------------------------------------------------------

    def close_from_console(self) -> None:
        """Hide without reporting a close by the user."""
        self._closing_from_console = True
        try:
            self.hide()
        finally:
            self._closing_from_console = False

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._closing_from_console:
            self.sig_closed.emit()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)


# ----------------------------------------------------------------- pictures for the README


def render_png(
    session: Session,
    step: Step,
    path: Path | str,
    size: tuple[int, int] = (1920, 1080),
    *,
    goal_id: str | None = None,
    round_id: str | None = None,
    clock: RoomClock | None = None,
) -> Path:
    """Save the audience view of ``step`` at ``size`` as a PNG, as the room would see it.

    ``goal_id`` is the selected goal; ``round_id`` the round whose results show
    (default: the workshop's latest round). Needs a QApplication.
    """
    window = AudienceWindow(clock)
    try:
        window.set_session(session)
        window.set_step(step)
        window.set_selected_goal(goal_id)
        rounds = session.workshop.rounds
        window.set_round(round_id or (rounds[-1].id if rounds else None))
        window.resize(*size)
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        target = Path(path)
        window.grab().save(str(target))
        return target
    finally:
        window.close_from_console()
        window.deleteLater()


__all__ = [
    "PROJECTOR",
    "AudienceWindow",
    "base_px_for",
    "render_png",
]
