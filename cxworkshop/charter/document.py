"""The charter as a PDF: page one for the sponsor, then the detail behind it.

1. Summary (page one, always exactly one page): organisation, title, date,
   whether the sponsor has signed, sponsor, facilitator, the review date and
   its cadence, the vision, the top three priorities with their Accountable,
   and the contents (each entry a link). While there is room without shortening
   anything, a line on what the team asks of the sponsor and the accountability
   check join them. A vision too long for it is shortened at a word and given
   whole at the top of page two.
2. What we ask of the sponsor: each ask, its kind and by when.
   Goals by pillar, with metric, baseline, target, due date, rank and votes.
3. The accountability matrix on landscape pages: goals down the side,
   functions and then people across the top. Long matrices continue onto
   further pages with the header repeated; when more functions and people
   take part than fit across a page, the columns come in parts, each repeating
   the goals. Then the same roles goal by goal, for reading on a phone, and
   the accountability checks, with a warning wherever a whole function is
   Accountable.
4. The priorities chart and how ties were settled.
5. Principles, next steps, who was in the room, and the sign-off block.
6. The appendix: the agenda as planned and the time spent.

Every page says "Page x of y" and every page after the first carries the
organisation and title. Each section and the appendix is a bookmark that keeps
the reader's zoom. Tables break with at least two rows on each side of a page
break, and headings stay with what they head. While steps are incomplete, a
band on page one and a faint diagonal mark on every page say "Draft". All text
is real text in embedded fonts: selectable and searchable.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .. import __version__
from ..domain.model import Assignee, Pillar, Role, Workshop
from ..domain.wording import and_join, in_quotes, ordinal, plural
from . import content
from .charts import ELLIPSIS, UprightLabel, dots_bar, fit_lines, role_chip
from .fonts import BOLD, REGULAR, Text, nfc, register, writing_in
from .paper import Paper
from .scripts import Paragraph, TextObject, workshop_language
from .styles import (
    ACCENT,
    ACCENT_TINT,
    DRAFT_INK,
    DRAFT_TINT,
    HAIRLINE,
    INK,
    MUTED,
    PILLAR_COLOURS,
    PILLAR_SYMBOLS,
    ROLE_FILLS,
    ROLE_MEANINGS,
    ROLE_TEXT,
    RULE,
    STRIPE,
    STYLES,
    WATERMARK,
    Layout,
    landscape,
    layout,
)
from .tagging import About, Described, Node, TableTags, Tagged, Tags, finish, tag_story, tag_table
from .textlayer import PageText

SECTIONS = {
    "summary": "Summary",
    "asks": "What we ask of the sponsor",
    "goals": "Goals by pillar",
    "matrix": "Accountability matrix",
    "roles": "Who answers for each goal",
    "priorities": "Priorities",
    "principles": "Principles we commit to",
    "next": "Commitments and next steps",
    "people": "Who was in the room",
    "signoff": "Sign-off",
}
"""Each section's key and heading; the heading is also its bookmark."""

APPENDIX = "Appendix: agenda and time spent"
"""The appendix's heading, the last bookmark: the record behind the charter."""

MATRIX_COLUMN = 24.0
"""Width of one function's or person's column in the matrix, in points."""
MATRIX_GOAL_MIN = 230.0
"""The goal column never gets narrower than this; more columns start a new part."""
HEADER_MAX = 104.0
"""Tallest an upright column name may be before it wraps to a second line."""
HEADER_SIZE = 9.0

CREATOR = f"CX Workshop {__version__}"


@dataclass(frozen=True)
class _Fit:
    """One way of setting page one, from as designed to as tight as it goes."""

    tight: bool = False
    """Spacing closed up."""
    shorten: bool = False
    """The vision may be shortened (and given whole on page two)."""
    clip: bool = False
    """The organisation, the facilitator, the sponsor's title and each priority's measure
    take a line or two (they are in full elsewhere); a long title is set smaller."""
    small: int = 0
    """How much smaller the type of the title, the facts and the priorities is: 0, 1 or 2."""
    contents: bool = True
    squeeze: bool = False
    """The last resort, for text no real words make (hundreds of W's in a row): the title,
    the sponsor, and each priority's title and Accountable are cut to a few lines."""


FIT_STEPS = (
    _Fit(),
    _Fit(tight=True),
    _Fit(tight=True, shorten=True),
    _Fit(tight=True, shorten=True, clip=True),
    _Fit(tight=True, shorten=True, clip=True, small=1),
    _Fit(tight=True, shorten=True, clip=True, small=2),
    _Fit(tight=True, shorten=True, clip=True, small=2, contents=False),
    _Fit(tight=True, shorten=True, clip=True, small=2, squeeze=True),
    _Fit(tight=True, shorten=True, clip=True, small=2, contents=False, squeeze=True),
)
"""Page one tries each in turn and takes the first that holds everything on one page."""
FIT_SLACK = 2.0
"""Points page one keeps spare, so rounding never pushes its last line over."""
MEASURE = 1e9
"""An available height that never limits a flowable that is only being measured."""


@dataclass(frozen=True)
class Built:
    """A finished PDF in memory, and what a facilitator should know about it."""

    data: bytes
    pages: int
    draft: bool
    replaced: frozenset[str]
    """Characters no font could draw, shown as U+FFFD in the PDF."""


def _hex(colour: Color) -> str:
    return "#" + str(colour.hexval())[2:]


# ----------------------------------------------------------------- the page furniture


class _Heading(Paragraph):
    """A heading that becomes a bookmark in the PDF's outline (and a link target)."""

    def __init__(self, text: str, style: Any, outline: str, level: int, key: str = "") -> None:
        super().__init__(text, style)
        self.outline = outline
        self.level = level
        self.key = key


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds each page back until the end, so it can say "Page x of y".

    What can only be known at the end is drawn then: the page count, and the
    page numbers page one refers to (its contents, where a long tie continues).
    Bookmarks made on a page are held with it, because a bookmark must point at
    the page object the page finally becomes, which exists only once it is written.
    """

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.total_pages = 0
        self.section_pages: dict[str, int] = {}
        self.contents_slots: list[tuple[int, float, float, str, bool]] = []
        """Where a section's page number goes: page, x, baseline, section, right-aligned."""
        self._held: list[dict[str, Any]] = []
        self._marks: list[tuple[str, dict[str, Any]]] = []
        self.tags = Tags()
        self.page_text = PageText()

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> TextObject:
        return TextObject(self, x, y, direction=direction)

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        self._marks.append((key, kwargs))

    def linkRect(self, *args: Any, **kwargs: Any) -> None:
        self.tags.link(self)
        super().linkRect(*args, **kwargs)

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()
        self._marks = []
        self.page_text = PageText()

    def save(self) -> None:
        held = self._held
        total = len(held)
        for number, state in enumerate(held, start=1):
            self.__dict__.update(state)
            for key, kwargs in self._marks:
                Canvas.bookmarkPage(self, key, **kwargs)
            self.tags.begin_artifact(self, "Pagination")
            self._draw_late(number, total)
            self.tags.end(self)
            # Poppler's text for each line can be written now that the page is whole.
            self.page_text.resolve(self)
            Canvas.showPage(self)
        Canvas.save(self)
        self.total_pages = total

    def _draw_late(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(REGULAR, 9)
        self.setFillColor(MUTED)
        self.drawRightString(width - 54, 30, f"Page {number} of {total}")
        if self.footer_left:
            self.drawString(54, 30, self.footer_left)
        self.setFont(BOLD, 11)
        self.setFillColor(INK)
        for page, x, y, key, right in self.contents_slots:
            if page == number and key in self.section_pages:
                draw = self.drawRightString if right else self.drawString
                draw(x, y, str(self.section_pages[key]))
        self.restoreState()


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, page: Layout, **info: Any) -> None:
        super().__init__(
            buffer,
            pagesize=(page.width, page.height),
            leftMargin=page.left,
            rightMargin=page.right,
            topMargin=page.top,
            bottomMargin=page.bottom,
            **info,
        )
        self._marks = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Tagged):
            flowable = flowable.inner
        if not isinstance(flowable, _Heading):
            return
        self._marks += 1
        key = flowable.key or f"part-{self._marks}"
        # /XYZ with no zoom: the reader keeps its zoom (a phone is not zoomed out to the
        # whole page, as /Fit would) and scrolls to the heading.
        top = self.frame._y + flowable.height + 8
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=round(top, 1), zoom=None)
        self.canv.addOutlineEntry(flowable.outline, key, flowable.level, closed=True)
        self.canv.section_pages.setdefault(key, self.page)


class _Contents(Flowable):  # type: ignore[misc]
    """Page one's list of sections in two columns, each with its page number and a link."""

    gap = 28.0

    def __init__(self, entries: list[tuple[str, str]], line: float = 19.0) -> None:
        super().__init__()
        self.entries = entries
        self.line = line

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = math.ceil(len(self.entries) / 2) * self.line
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        rows = math.ceil(len(self.entries) / 2)
        column = (self.width - self.gap) / 2
        canvas.setFont(REGULAR, 11)
        for i, (key, title) in enumerate(self.entries):
            x = (column + self.gap) * (i // rows)
            y = self.height - (i % rows + 1) * self.line + 6
            canvas.setFillColor(INK)
            canvas.drawString(x, y, title)
            canvas.setStrokeColor(HAIRLINE)
            canvas.setLineWidth(0.5)
            canvas.line(x, y - 6, x + column, y - 6)
            right, base = canvas.absolutePosition(x + column, y)
            canvas.contents_slots.append((canvas.getPageNumber(), right, base, key, True))
            canvas.linkRect("", key, (x, y - 6, x + column, y + 14), relative=1)


class _PageReference(Flowable):  # type: ignore[misc]
    """One line that ends in the page a section starts on ("… is on page 8"), as a link.

    The number is drawn once the whole document is laid out, as the contents' are.
    """

    size = 11.0
    leading = 16.0

    def __init__(self, words: str, key: str) -> None:
        super().__init__()
        self.words = words
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.leading - self.size
        canvas.setFont(REGULAR, self.size)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, y, self.words)
        x = stringWidth(self.words, REGULAR, self.size) + stringWidth(" ", REGULAR, self.size)
        left, base = canvas.absolutePosition(x, y)
        canvas.contents_slots.append((canvas.getPageNumber(), left, base, self.key, False))
        canvas.linkRect("", self.key, (0, 0, x + 24, self.leading), relative=1)


class _Indented(Flowable):  # type: ignore[misc]
    """A flowable drawn ``indent`` points in from the left."""

    def __init__(self, inner: Flowable, indent: float) -> None:
        super().__init__()
        self.inner = inner
        self.indent = indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.inner.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = w + self.indent, h
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.indent, 0)


class _Rule(Flowable):  # type: ignore[misc]
    """The line to sign on."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.length = min(self.length, availWidth)
        return self.length, 1

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.75)
        self.canv.line(0, 0, self.length, 0)


def _height(flowables: list[Flowable], width: float) -> float:
    """How tall ``flowables`` stand one after another in a frame ``width`` wide."""
    return float(
        sum(f.wrap(width, MEASURE)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)
    )


def _lines(markup: str, style: ParagraphStyle, width: float) -> int:
    """How many lines ``markup`` takes in ``style`` at ``width``."""
    height = float(Paragraph(markup, style).wrap(width, MEASURE)[1])
    return math.ceil(height / float(style.leading) - 0.01)


def _most(limit: int, fits: Callable[[int], bool]) -> int:
    """The largest n from 1 to ``limit`` that ``fits`` (which holds up to some n), else 0."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _shortened(words: list[str], n: int) -> str:
    """The first ``n`` words, ending in "…"."""
    return " ".join(words[:n]).rstrip(",;:.–—-") + ELLIPSIS


class _Table(Table):  # type: ignore[misc]
    """A table that breaks between pages with at least two rows on each side of the break.

    A page holding one leftover row, or a header with a single row under it, reads as
    a mistake. Only at the top of a page, where the rows must break somewhere (a row
    taller than half a page), may a break leave one row alone.
    """

    tail = 0
    """Rows at the end (a total, a key) that go with at least two rows before them."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        header = self.repeatRows
        rows = len(self._cellvalues)
        # reportlab honours a split range on a table's first break only; the rest of a
        # long table is a new table, so the range is worked out again at every break.
        guarded = rows - header - self.tail >= 2
        self._rowSplitRange = (header + 2, rows - 2 - self.tail) if guarded else None
        parts: list[Flowable] = super().split(availWidth, availHeight)
        frame = self._doctemplateAttr("frame")
        if not parts and guarded and getattr(frame, "_atTop", False):
            self._rowSplitRange = None
            parts = super().split(availWidth, availHeight)
        for part in parts:
            part.tail = self.tail
        return parts


def _table(
    rows: list[list[Any]],
    widths: list[float],
    commands: list[Any],
    *,
    tail: int = 0,
    tags: TableTags | None = None,
    **kw: Any,
) -> _Table:
    """A table in the charter's face; one of two rows or more never leaves a row alone on a page.

    ``tail`` rows at the end (a total, a key) go with at least two rows before them.
    ``tags``: how a screen reader reads it (by default a table with its repeated rows
    as column headers, or a layout grid when it repeats none).
    """
    table = _Table(rows, colWidths=widths, hAlign="LEFT", **kw)
    table.tail = tail
    if tags is not None:
        tag_table(table, tags)
    # The charter's face from the start, or reportlab would name Helvetica in the file.
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 10), *commands]))
    return table


class _RoomFor(CondPageBreak):  # type: ignore[misc]
    """A page break, unless there is room below for ``lead`` (a heading, an introduction)
    and the start of ``table``: a heading never stands at a page's foot without what it heads.

    The start is the header and ``rows`` rows, or the whole of a table too short to
    break (see :class:`_Table`). Keeping a heading with a whole long table instead
    would push the table's first page out blank.
    """

    def __init__(self, lead: list[Flowable], table: _Table | None = None, rows: int = 2) -> None:
        super().__init__(0)
        self.lead = lead
        self.table = table
        self.rows = rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if getattr(self._doctemplateAttr("frame"), "_atTop", False):
            return 0, 0  # A new page already: another break would only leave a blank one.
        need = _height(self.lead, availWidth)
        if self.table is not None:
            self.table.wrap(availWidth, availHeight)
            heights = self.table._rowHeights
            header = self.table.repeatRows
            short = len(heights) - header - self.table.tail < 4
            need += sum(heights if short else heights[: header + self.rows])
        self.height = need
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


# ----------------------------------------------------------------- the sections


class _Writer:
    """Builds the charter's flowables for one workshop."""

    def __init__(self, ws: Workshop, page: Layout, wide: Layout) -> None:
        self.ws = ws
        self.width = page.frame_width
        self.height = page.frame_height
        self.vision_continued = False
        self.wide_width = wide.frame_width
        self.text = Text()
        self.s = STYLES
        self.places = content.places(ws)
        self.place_of = {p.goal.id: p for p in self.places}

    # -- text -------------------------------------------------------------------

    def m(self, text: str) -> str:
        """Workshop text as paragraph markup."""
        return self.text.markup(text)

    def heading(self, key: str) -> _Heading:
        title = SECTIONS[key]
        return _Heading(self.m(title), self.s.h1, title, 0, key)

    def subheading(self, markup: str, outline: str, room: float = 120) -> list[Flowable]:
        """A second-level heading, on a new page unless ``room`` points are left below it.

        Not kept with what follows: what follows is often a table longer than a page,
        and keeping the two together would push the heading's page out blank.
        """
        return [CondPageBreak(room), _Heading(markup, self.s.h2, outline, 1)]

    def intro(self, markup: str) -> Paragraph:
        return Paragraph(markup, self.s.intro)

    def muted(self, markup: str) -> Paragraph:
        return Paragraph(markup, self.s.body_muted)

    def pillar_tag(self, pillar: Pillar) -> str:
        colour = _hex(PILLAR_COLOURS[pillar])
        return f'<font color="{colour}">{PILLAR_SYMBOLS[pillar]}</font> {pillar.label}'

    def pillar_heading(self, pillar: Pillar) -> _Heading:
        markup = (
            f"{self.pillar_tag(pillar)}"
            f'<font name="{REGULAR}" size="11" color="{_hex(MUTED)}">'
            f"   {pillar.meaning}</font>"
        )
        return _Heading(markup, self.s.h2, pillar.label, 1)

    def rank_width(self, style: ParagraphStyle, padding: float, least: float) -> float:
        """A rank column wide enough for the widest place on one line ("181=" included)."""
        widest = max(
            (self.text.width(p.label, style.fontName, style.fontSize) for p in self.places),
            default=0.0,
        )
        return max(least, math.ceil(widest + padding + 1))

    def measure(self, metric: str, baseline: str, target: str, due: str) -> str:
        """'Online conversion rate: 1.8% → 2.6% by Q4 2027', as markup, with what is known."""
        change = ""
        if baseline and target:
            change = f"{self.m(baseline)} → <b>{self.m(target)}</b>"
        elif target:
            change = f"target <b>{self.m(target)}</b>"
        elif baseline:
            change = f"from {self.m(baseline)}"
        if due:
            change = f"{change} by {self.m(due)}" if change else f"by {self.m(due)}"
        return ": ".join(part for part in (self.m(metric), change) if part)

    def rank(self, goal_id: str) -> content.Place | None:
        return self.place_of.get(goal_id)

    # -- page one -----------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        """Page one: always one page, always with the title, the sponsor, the review date and
        the top three with their Accountable.

        What must be there is laid out first, tighter step by step when it is long; the
        contents come next; the vision takes the room that is left, shortened at a word
        with "…" when it is longer, and is then given whole at the top of page two.
        """
        # The notes (the asks in a line, the accountability's health) come along only
        # while they cost the page nothing it must show: they go before anything is cut.
        noted = [fit for fit in FIT_STEPS if not (fit.clip or fit.shorten)]
        tries = [(fit, 2) for fit in noted] + [(fit, 1) for fit in noted]
        tries += [(fit, 0) for fit in FIT_STEPS]
        for fit, how_many in tries:
            head = self.masthead(fit)
            top = self.top_priorities(fit)
            notes = self.notes(fit, how_many)
            contents = self.contents(fit) if fit.contents else []
            room = self.height - _height([*head, *top, *notes, *contents], self.width) - FIT_SLACK
            vision = self.vision_block(room, fit)
            if vision is not None:
                return [*head, *vision, *top, *notes, *contents]
        # Cannot happen with what the app accepts; laid out anyway, over two pages if need be.
        return [*head, *(self.vision_block(0, fit, pointer_only=True) or []), *top]

    def masthead(self, fit: _Fit) -> list[Flowable]:
        """The draft band, the organisation, the title, the date and the three facts."""
        ws = self.ws
        out: list[Flowable] = []
        if content.is_draft(ws):
            out += [self.draft_band(), Spacer(1, 8 if fit.tight else 16)]
        if ws.organisation:
            organisation = ws.organisation.upper()
            if fit.clip:
                organisation = self.clip(organisation, self.s.kicker, 1)
            out += [Paragraph(self.m(organisation), self.s.kicker), Spacer(1, 4)]
        title = self.title_style(fit)
        shown = self.clip(ws.title, title, 3) if fit.squeeze else ws.title
        out.append(_Heading(self.m(shown), title, SECTIONS["summary"], 0, "summary"))
        out += [Spacer(1, 4), Paragraph(content.subtitle(ws), self.s.subtitle)]
        # The sign-off line takes part of the space under the subtitle.
        out += [Spacer(1, 1), self.sign_off_status(fit), Spacer(1, 6 if fit.tight else 12)]
        out += [self.facts(fit), Spacer(1, 12 if fit.tight else 20)]
        return out

    def sign_off_status(self, fit: _Fit) -> Paragraph:
        """'✓ Signed by … on …', or who is to sign and by when: a line, two at most."""
        style = self.s.fact_note
        line = content.sign_off_line(self.ws)
        if not content.signed(self.ws):
            return Paragraph(self.m(self.clip(line, style, 1 if fit.clip else 2)), style)
        mark = "✓  "
        width = self.width - stringWidth(mark, REGULAR, style.fontSize)
        line = self.clip(line, style, 1 if fit.clip else 2, width)
        return Paragraph(f'<font color="{_hex(ACCENT)}">{mark}</font>{self.m(line)}', style)

    def notes(self, fit: _Fit, how_many: int) -> list[Flowable]:
        """Page one's notes, the first ``how_many`` of: the asks of the sponsor in a line,
        and the accountability check (where a whole function is Accountable, said too)."""
        notes: list[Flowable] = []
        summary = content.asks_summary(self.ws)
        if summary:
            words = self.clip(summary, self.s.body_muted, 1, self.width - 80)
            notes.append(_PageReference(f"{words}: see page", "asks"))
        health = content.health(self.ws)
        line = " · ".join([health.line, *health.function_accountable])
        lead = "Accountability check: "
        shown = self.clip(lead + line, self.s.small, 2 if health.function_accountable else 1)
        notes.append(Paragraph(f"<b>{self.m(lead)}</b>{self.m(shown[len(lead) :])}", self.s.small))
        if not how_many:
            return []
        return [Spacer(1, 4 if fit.tight else 8), *notes[:how_many]]

    def title_style(self, fit: _Fit) -> ParagraphStyle:
        """The title's type: 28 pt, or smaller until a long title takes three lines at most."""
        smallest = (16.0 if fit.clip else 20.0, 14.0, 12.0)[fit.small]
        size = float(self.s.title.fontSize)
        while True:
            style = ParagraphStyle(
                f"title-{size:g}", self.s.title, fontSize=size, leading=size * 1.2
            )
            if size <= smallest or _lines(self.m(self.ws.title), style, self.width) <= 3:
                return style
            size = max(smallest, size - 2)

    def clip(self, text: str, style: ParagraphStyle, lines: int, width: float = 0) -> str:
        """``text``, or as much of it as fits in ``lines`` lines, cut at a word with "…"."""
        width = width or self.width

        def fits(candidate: str) -> bool:
            return _lines(self.m(candidate), style, width) <= lines

        if fits(text):
            return text
        words = text.split()
        n = _most(len(words) - 1, lambda n: fits(_shortened(words, n)))
        if n:
            return _shortened(words, n)
        # A first word longer than the room: cut it where it must be cut.
        cut = _most(len(text) - 1, lambda k: fits(text[:k] + ELLIPSIS))
        return text[:cut] + ELLIPSIS

    def draft_band(self) -> Flowable:
        steps = [step.label for step in content.incomplete_steps(self.ws)]
        markup = (
            f"<b>DRAFT</b>   Still to complete: {and_join(steps)}. "
            "This charter shows what the workshop holds so far."
        )
        return _table(
            [[Paragraph(markup, self.s.band)]],
            [self.width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), DRAFT_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 4, DRAFT_INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ],
        )

    def facts(self, fit: _Fit) -> Flowable:
        """Sponsor, facilitator and review date side by side; the sponsor's name always whole."""
        ws = self.ws
        # Clipped, the facilitator and the date need less room than a long sponsor's name.
        widths = [self.width * share for share in ((0.5, 0.25, 0.25) if fit.clip else (1 / 3,) * 3)]
        value_style = (self.s.fact, self.s.fact_compact, self.s.fact_small)[fit.small]

        def fact(
            label: str, value: str, width: float, note: str = "", clip_at: int = 0
        ) -> list[Flowable]:
            if value and clip_at:
                value = self.clip(value, value_style, clip_at, width - 12)
            if note and fit.clip:
                note = self.clip(note, self.s.fact_note, 2, width - 12)
            shown = self.m(value) or f'<font color="{_hex(MUTED)}">Not set yet</font>'
            cell: list[Flowable] = [
                Paragraph(label, self.s.kicker),
                Spacer(1, 3),
                Paragraph(shown, value_style),
            ]
            if note:
                cell.append(Paragraph(self.m(note), self.s.fact_note))
            return cell

        review = content.long_date(ws.review_date) if ws.review_date else ""
        cadence = f"then {ws.review_cadence.phrase}" if ws.review_date and ws.review_cadence else ""
        row = [
            fact("SPONSOR", ws.sponsor_name, widths[0], ws.sponsor_title, 3 if fit.squeeze else 0),
            fact("FACILITATOR", ws.facilitator, widths[1], clip_at=2 if fit.clip else 0),
            fact("PROGRESS REVIEW", review, widths[2], cadence),
        ]
        return _table(
            [row],
            widths,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 6 if fit.tight else 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7 if fit.tight else 12),
                ("LINEABOVE", (0, 0), (-1, 0), 0.75, RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, RULE),
            ],
        )

    def vision_box(self, markup: str, style: ParagraphStyle) -> Flowable:
        return _table(
            [[Paragraph(markup, style)]],
            [self.width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 16),
                ("RIGHTPADDING", (0, 0), (-1, -1), 16),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ],
            splitInRow=1,
        )

    def vision_block(
        self, room: float, fit: _Fit, *, pointer_only: bool = False
    ) -> list[Flowable] | None:
        """The vision in at most ``room`` points: whole, shortened with a pointer to page two
        (when ``fit`` allows), or only the pointer; None when none of these fits."""
        self.vision_continued = False
        kicker: list[Flowable] = [Paragraph("OUR VISION", self.s.kicker), Spacer(1, 6)]
        after = Spacer(1, 14 if fit.tight else 22)
        vision = self.ws.vision
        if not vision:
            empty = [*kicker, self.muted("The team has not agreed its vision yet."), after]
            return empty if _height(empty, self.width) <= room else None
        whole = [*kicker, self.vision_box(self.m(vision), self.s.vision), after]
        if not pointer_only and _height(whole, self.width) <= room:
            return whole
        if not (fit.shorten or pointer_only):
            return None
        self.vision_continued = True
        pointer = Paragraph(
            f'<a href="#vision" color="{_hex(ACCENT)}">The whole vision is on page 2.</a>',
            self.s.small,
        )
        words = vision.split()

        def shortened(n: int) -> list[Flowable]:
            excerpt = self.vision_box(self.m(_shortened(words, n)), self.s.vision)
            return [*kicker, excerpt, Spacer(1, 4), pointer, after]

        n = (
            0
            if pointer_only
            else _most(len(words) - 1, lambda n: _height(shortened(n), self.width) <= room)
        )
        if n:
            return shortened(n)
        only = [
            Paragraph(
                f'OUR VISION   <a href="#vision" color="{_hex(ACCENT)}">is on page 2</a>',
                self.s.kicker,
            ),
            after,
        ]
        return only if pointer_only or _height(only, self.width) <= room else None

    def vision_in_full(self) -> list[Flowable]:
        """The whole vision at the top of page two, when page one had to shorten it."""
        if not self.vision_continued:
            return []
        return [
            _Heading("Our vision", self.s.h2, "Our vision", 1, "vision"),
            self.vision_box(self.m(self.ws.vision), self.s.vision_full),
            Spacer(1, 6),
        ]

    def accountable_markup(self, goal_id: str, clip: float = 0) -> str:
        """'Accountable: <b>name</b>'; each name cut to one line ``clip`` points wide if given."""
        names = content.holders(self.ws, goal_id, Role.ACCOUNTABLE)
        if clip:
            names = [self.clip(name, self.s.cell_bold, 1, clip) for name in names]
        if names:
            return f"Accountable: <b>{self.text.join(names)}</b>"
        colour = _hex(ROLE_TEXT[Role.INFORMED])
        return f'Accountable: <font color="{colour}"><i>nobody named yet</i></font>'

    def top_priorities(self, fit: _Fit = _Fit()) -> list[Flowable]:
        """The top three, each with its Accountable; others tied with the third in one line."""
        top = content.top_places(self.ws)
        shown, rest = top[: content.TOP], top[content.TOP :]
        three = len(top) in (0, content.TOP)
        kicker = "OUR TOP THREE PRIORITIES" if three else "OUR TOP PRIORITIES"
        out: list[Flowable] = [Paragraph(kicker, self.s.kicker), Spacer(1, 2)]
        if not top:
            out.append(
                self.muted(
                    "No vote has been taken yet; the team's three priorities will appear here."
                )
            )
            return out
        title_style = (
            self.s.priority_title,
            self.s.priority_title_compact,
            self.s.priority_title_small,
        )[fit.small]
        rank_style = self.s.priority_rank_compact if fit.small else self.s.priority_rank
        line_style = self.s.cell_small if fit.small == 2 else self.s.body
        rank_width = 36.0 if fit.small else 48.0
        rows = []
        for place in shown:
            goal = place.goal
            measure = self.measure(goal.metric, goal.baseline, goal.target, goal.due)
            about = self.pillar_tag(goal.pillar) + (f"  ·  {measure}" if measure else "")
            if fit.clip and not fit.small:
                # The measure is in full under Goals; here it gets one line.
                about = self.clip_markup(about, self.s.body_muted, self.width - rank_width - 8)
            votes = plural(place.dots, "vote")
            inner = self.width - rank_width - 8
            who = self.accountable_markup(goal.id, inner * 0.6 if fit.squeeze else 0)
            accountable = f"{who}  ·  {votes}"
            title = self.clip(goal.title, title_style, 3, inner) if fit.squeeze else goal.title
            cell: list[Flowable] = [Paragraph(self.m(title), title_style)]
            if fit.small:
                # The measure is left to Goals by pillar; the pillar joins the Accountable.
                tag = self.pillar_tag(goal.pillar)
                cell += [Spacer(1, 1), Paragraph(f"{tag}  ·  {accountable}", line_style)]
            else:
                cell += [
                    Spacer(1, 3),
                    Paragraph(about, self.s.body_muted),
                    Spacer(1, 2),
                    Paragraph(accountable, self.s.body),
                ]
            rows.append([Paragraph(place.label, rank_style), cell])
        padding = (5, 6) if fit.tight else (9, 10)
        out.append(
            _table(
                rows,
                [rank_width, self.width - rank_width],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), padding[0]),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), padding[1]),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, HAIRLINE),
                ],
                splitInRow=1,
                tags=TableTags("list"),
            )
        )
        if rest:
            out += [Spacer(1, 6), *self.tied_with_the_third(shown, rest)]
        return out

    def clip_markup(self, markup: str, style: ParagraphStyle, width: float) -> str:
        """Markup on one line, cut with "…" where it would wrap (tags kept whole)."""
        if _lines(markup, style, width) <= 1:
            return markup
        pieces = re.split(r"(<[^>]+>|&[a-z#0-9]+;)", markup)
        text = [(i, piece) for i, piece in enumerate(pieces) if not piece.startswith(("<", "&"))]
        spaces = [(i, k) for i, piece in text for k, ch in enumerate(piece) if ch == " "]
        letters = spaces or [(i, k) for i, piece in text for k in range(1, len(piece))]
        if not letters:
            return markup

        def upto(n: int) -> str:
            i, k = letters[n]
            head = [*pieces[:i], pieces[i][:k]]
            opened = re.findall(r"<(b|i|font)\b", "".join(head))
            closed = re.findall(r"</(b|i|font)>", "".join(head))
            tail = "".join(f"</{tag}>" for tag in reversed(opened[len(closed) :]))
            return "".join(head).rstrip() + ELLIPSIS + tail

        n = _most(len(letters), lambda n: _lines(upto(n - 1), style, width) <= 1)
        return upto(max(n - 1, 0))

    def tied_with_the_third(
        self, shown: list[content.Place], rest: list[content.Place]
    ) -> list[Flowable]:
        """'5 goals share 1st place: the three above, “D” and “E”.' in two lines at most,
        and the page where Priorities gives the full order."""
        rank = rest[0].rank
        above = sum(1 for p in shown if p.rank == rank)
        lead = (
            f"<b>{above + len(rest)} goals share {ordinal(rank)} place</b>: the "
            f"{('one', 'two', 'three')[above - 1]} above"
        )
        titles: dict[int, str] = {}

        def title(i: int) -> str:
            if i not in titles:
                short = self.clip(rest[i].goal.title, self.s.body_muted, 1, 150)
                titles[i] = self.m(in_quotes(short))
            return titles[i]

        def sentence(n: int) -> str:
            named = [title(i) for i in range(n)]
            if len(rest) > n:
                named.append(f"{len(rest) - n} more")
            return and_join([lead, *named]) + "."

        n = _most(len(rest), lambda n: _lines(sentence(n), self.s.body_muted, self.width) <= 2)
        return [
            Paragraph(sentence(n), self.s.body_muted),
            _PageReference("The full order is on page", "priorities"),
        ]

    def contents(self, fit: _Fit) -> list[Flowable]:
        entries = [(key, title) for key, title in SECTIONS.items() if key != "summary"]
        entries.append(("appendix", APPENDIX))
        return [
            Spacer(1, 12 if fit.tight else 18),
            Paragraph("IN THIS CHARTER", self.s.kicker),
            Spacer(1, 6),
            _Contents(entries, 15.0 if fit.small else 17.0 if fit.tight else 19.0),
        ]

    # -- the asks -------------------------------------------------------------------

    def asks(self) -> list[Flowable]:
        """What the team asks of the sponsor: each ask, its kind and by when."""
        ws = self.ws
        out: list[Flowable] = [self.heading("asks")]
        if not ws.asks:
            out.append(self.muted("The team asks nothing further of the sponsor for now."))
            return [_RoomFor(out), *out]
        by = content.asks_by(ws)
        sponsor = ws.sponsor_name or "the sponsor"
        out.append(
            self.intro(
                f"To deliver this charter the team needs {self.m(sponsor)} to give "
                + (f"the following, by <b>{self.m(by)}</b>." if by else "the following.")
            )
        )
        widths = [26.0, 74.0, 0.0, 110.0]
        widths[2] = self.width - sum(widths)
        table = self._numbered_table(
            ["Kind", "What we ask", "By when"],
            widths,
            [
                [
                    Paragraph(a.kind.label, self.s.cell_bold),
                    Paragraph(self.m(a.text), self.s.cell),
                    Paragraph(self.m(a.due) or "–", self.s.cell),
                ]
                for a in ws.asks
            ],
        )
        return [_RoomFor(out, table), *out, table, Spacer(1, 6)]

    def _numbered_table(
        self, headings: list[str], widths: list[float], cells: list[list[Any]]
    ) -> _Table:
        """A numbered list as a table under ``headings``: the asks, the next steps."""
        rows: list[list[Any]] = [["", *(Paragraph(h, self.s.cell_head) for h in headings)]]
        rows += [
            [Paragraph(f"{i}.", self.s.cell_bold), *row] for i, row in enumerate(cells, start=1)
        ]
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, HAIRLINE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 1), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
        ]
        table = _table(rows, widths, commands, repeatRows=1, splitInRow=1)
        return table

    # -- goals ----------------------------------------------------------------------

    def goals(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("goals"),
            self.intro(
                "Each goal names its measure of success, where we start and where we aim to "
                "be. <b>Rank</b> is the goal's place in the team's vote; <b>Votes</b> are "
                "the dots it received."
            ),
        ]
        head = ["Rank", "Goal and measure", "Baseline", "Target", "Due", "Votes"]
        widths = [self.rank_width(self.s.cell_rank_top, 8, 40), 0.0, 66.0, 66.0, 66.0, 44.0]
        widths[1] = self.width - sum(widths)
        for pillar in Pillar:
            goals = [g for g in self.ws.goals if g.pillar is pillar]
            heading = self.pillar_heading(pillar)
            if not goals:
                empty = self.muted("No goals under this pillar yet.")
                out += [_RoomFor([heading, empty]), heading, empty]
                continue
            rows: list[list[Any]] = [
                [
                    Paragraph(h, self.s.cell_head if i == 1 else self.s.cell_head_centre)
                    for i, h in enumerate(head)
                ]
            ]
            commands: list[Any] = [
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, HAIRLINE),
                ("TOPPADDING", (0, 1), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
            for goal in goals:
                place = self.rank(goal.id)
                about: list[Flowable] = [Paragraph(self.m(goal.title), self.s.cell_bold)]
                metric = self.m(goal.metric) if goal.metric else "<i>No metric yet</i>"
                about.append(Paragraph(metric, self.s.cell_muted))
                if goal.description:
                    about += [Spacer(1, 2), Paragraph(self.m(goal.description), self.s.cell_muted)]
                top = place is not None and place.rank <= content.TOP
                rank_style = self.s.cell_rank_top if top else self.s.cell_centre
                target = f"<b>{self.m(goal.target)}</b>" if goal.target else "–"
                rows.append(
                    [
                        Paragraph(place.label if place else "–", rank_style),
                        about,
                        Paragraph(self.m(goal.baseline) or "–", self.s.cell_centre),
                        Paragraph(target, self.s.cell_centre),
                        Paragraph(self.m(goal.due) or "–", self.s.cell_centre),
                        Paragraph(str(place.dots) if place else "–", self.s.cell_centre),
                    ]
                )
            table = _table(rows, widths, commands, repeatRows=1, splitInRow=1)
            out += [_RoomFor([heading], table), heading, table]
        return out

    # -- accountability ---------------------------------------------------------------

    @staticmethod
    def role_cell(cell: tuple[int, int], role: Role) -> list[Any]:
        commands: list[Any] = [("TEXTCOLOR", cell, cell, ROLE_TEXT[role])]
        fill = ROLE_FILLS[role]
        if fill is not None:
            commands.append(("BACKGROUND", cell, cell, fill))
        if role in (Role.CONSULTED, Role.INFORMED):
            commands.append(("FONT", cell, cell, REGULAR, 10))
        return commands

    def legend(self) -> Flowable:
        row: list[Any] = []
        widths: list[float] = []
        chip_width = 26.0
        meaning_width = (self.wide_width - 4 * chip_width) / 4
        for role in Role:
            bold = role in (Role.ACCOUNTABLE, Role.RESPONSIBLE)
            chip = Described(
                role_chip(role.value, ROLE_TEXT[role], ROLE_FILLS[role], RULE, bold=bold),
                f"{role.value}, as the matrix marks it",
            )
            meaning = Paragraph(f"<b>{role.label}</b>: {ROLE_MEANINGS[role]}", self.s.cell_small)
            row += [chip, meaning]
            widths += [chip_width, meaning_width]
        return _table(
            [row],
            widths,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                ("RIGHTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ],
        )

    def matrix(self) -> list[Flowable]:
        functions, people = content.matrix_columns(self.ws)
        out: list[Flowable] = [
            self.heading("matrix"),
            self.intro(
                "Goals down the side; across the top, the functions and then the people who "
                "hold a role in their own name."
            ),
            self.legend(),
            Spacer(1, 10),
        ]
        if not self.ws.goals:
            return [*out, self.muted("There are no goals yet.")]
        columns = functions + people
        if not columns:
            return [*out, self.muted("There are no functions or people at the table yet.")]
        most = max(1, int((self.wide_width - MATRIX_GOAL_MIN) // MATRIX_COLUMN))
        parts = math.ceil(len(columns) / most)
        size = math.ceil(len(columns) / parts)
        roles = content.roles_by_goal(self.ws)
        for i in range(parts):
            part = columns[i * size : (i + 1) * size]
            table = self.matrix_table(part, roles)
            if parts > 1:
                title = f"Part {i + 1} of {parts}: {part[0].name} to {part[-1].name}"
                heading = _Heading(self.m(title), self.s.h2, f"Part {i + 1} of {parts}", 1)
                out += [_RoomFor([heading], table, rows=3), heading]
            out.append(table)
        return out

    def health(self) -> list[Flowable]:
        """The live accountability checks in a line, and a warning per function Accountable."""
        health = content.health(self.ws)
        mark = "✓" if health.sound else "!"
        out: list[Flowable] = [
            Paragraph(
                f'<font color="{_hex(ACCENT)}"><b>{mark}</b></font>  '
                f"<b>Accountability check:</b> {self.m(health.line)}",
                self.s.body,
            )
        ]
        for warning in health.function_accountable:
            out.append(
                Paragraph(
                    f'<font color="{_hex(DRAFT_INK)}"><b>!</b></font>  {self.m(warning)}.',
                    self.s.body,
                )
            )
        if health.function_accountable:
            out.append(
                self.muted(
                    "When a whole function is Accountable, name the one person in it who "
                    "answers for the goal and signs for it."
                )
            )
        return out

    def matrix_table(
        self, columns: list[content.Column], roles: dict[str, dict[Assignee, Role]]
    ) -> Flowable:
        n_functions = sum(1 for c in columns if c.is_function)
        goal_width = self.wide_width - MATRIX_COLUMN * len(columns)
        groups: list[Any] = [""] * (len(columns) + 1)
        commands: list[Any] = [
            ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
            ("FONT", (1, 2), (-1, -1), BOLD, 10),
            ("LINEBELOW", (0, 1), (-1, 1), 1, INK),
            ("LEFTPADDING", (1, 0), (-1, -1), 1),
            ("RIGHTPADDING", (1, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (0, -1), 4),
            ("TOPPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("TOPPADDING", (0, 2), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 2), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            # Faint column rules help the eye down a long column.
            ("LINEAFTER", (0, 1), (-2, -1), 0.5, HAIRLINE),
        ]
        for label, first, last in (
            ("Functions", 1, n_functions),
            ("People", n_functions + 1, len(columns)),
        ):
            if last < first:
                continue
            groups[first] = Paragraph(label, self.s.cell_head_centre)
            commands += [
                ("SPAN", (first, 0), (last, 0)),
                ("LINEBELOW", (first, 0), (last, 0), 0.75, MUTED),
            ]
        if 0 < n_functions < len(columns):
            commands.append(("LINEAFTER", (n_functions, 0), (n_functions, -1), 1, MUTED))
        header: list[Any] = [Paragraph("Goal", self.s.cell_head)]
        for column in columns:
            lines = fit_lines(column.name, BOLD, HEADER_SIZE, HEADER_MAX, self.text)
            header.append(UprightLabel(lines, self.text, size=HEADER_SIZE))
        rows: list[list[Any]] = [groups, header]
        blank = [""] * len(columns)
        for pillar in Pillar:
            goals = [g for g in self.ws.goals if g.pillar is pillar]
            if not goals:
                continue
            r = len(rows)
            rows.append([Paragraph(self.pillar_tag(pillar), self.s.cell_head), *blank])
            commands += [
                # The pillar's row never ends a page: it goes with its first two goals.
                ("NOSPLIT", (0, r), (-1, r + min(2, len(goals)))),
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), STRIPE),
                ("TOPPADDING", (0, r), (-1, r), 3),
                ("BOTTOMPADDING", (0, r), (-1, r), 3),
            ]
            for goal in goals:
                r = len(rows)
                held = roles.get(goal.id, {})
                # The pillar's symbol on every row keeps its place on a continued page.
                symbol = (
                    f'<font color="{_hex(PILLAR_COLOURS[pillar])}">{PILLAR_SYMBOLS[pillar]}</font>'
                )
                row: list[Any] = [Paragraph(f"{symbol} {self.m(goal.title)}", self.s.cell_hanging)]
                for c, column in enumerate(columns, start=1):
                    role = held.get(column.assignee)
                    row.append(role.value if role else "")
                    if role:
                        commands += self.role_cell((c, r), role)
                rows.append(row)
                commands.append(("LINEBELOW", (0, r), (-1, r), 0.5, HAIRLINE))
        # Read as a table: the column names head their columns, each goal heads its row, so a
        # screen reader says "Marketing, Accountable" rather than a run of letters.
        return _table(
            rows,
            [goal_width] + [MATRIX_COLUMN] * len(columns),
            commands,
            repeatRows=2,
            tags=TableTags("table", header=2, row_header=0),
        )

    def roles_list(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("roles"),
            self.intro(
                "The same roles goal by goal, in order of priority, for reading on a phone."
            ),
        ]
        if not self.ws.goals:
            return [*out, self.muted("There are no goals yet.")]
        label_width = 92.0
        rank_width = self.rank_width(self.s.list_rank, 8, 40)
        # The goals one after another are one list, each goal's table an item of it.
        listing = Node("L")
        inner = self.width - rank_width
        for goal in content.reading_order(self.ws):
            place = self.rank(goal.id)
            lines: list[list[Any]] = []
            for role in Role:
                names = content.holders(self.ws, goal.id, role)
                if not names and role in (Role.CONSULTED, Role.INFORMED):
                    continue
                main = role in (Role.ACCOUNTABLE, Role.RESPONSIBLE)
                value = self.text.join(names) if names else "<i>nobody yet</i>"
                if role is Role.ACCOUNTABLE and names:
                    value = f"<b>{value}</b>"
                lines.append(
                    [
                        Paragraph(role.label, self.s.cell_muted),
                        Paragraph(value, self.s.cell if main else self.s.cell_muted),
                    ]
                )
            who = _table(
                lines,
                [label_width, inner - label_width],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ],
            )
            title = Paragraph(
                f"{self.m(goal.title)}  "
                f'<font name="{REGULAR}" size="9.5" color="{_hex(MUTED)}">'
                f"{self.pillar_tag(goal.pillar)}</font>",
                self.s.cell_bold,
            )
            rank = Paragraph(place.label if place else "–", self.s.list_rank)
            out.append(
                _table(
                    [[rank, [title, Spacer(1, 4), who]]],
                    [rank_width, inner],
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HAIRLINE),
                    ],
                    tags=TableTags("list", node=listing),
                )
            )
        # After the goals it speaks of: the checks, as the app ran them at export.
        return [*out, Spacer(1, 10), KeepTogether(self.health())]

    # -- priorities -----------------------------------------------------------------

    def priorities(self) -> list[Flowable]:
        heading = self.heading("priorities")
        summary = content.vote_summary(self.ws)
        if summary is None:
            empty = self.muted(
                "No vote has been taken yet. Once the team has voted, the goals appear here "
                "in the order it chose."
            )
            return [_RoomFor([heading, empty]), heading, empty]
        intro = self.intro(self.m(summary.sentence))
        out: list[Flowable] = []
        most = max((p.dots for p in self.places), default=0)
        rank_w, bar_w = self.rank_width(self.s.cell_rank_top, 10, 44), 150.0
        rows: list[list[Any]] = [
            [
                Paragraph("Rank", self.s.cell_head_centre),
                Paragraph("Goal", self.s.cell_head),
                Paragraph("Votes", self.s.cell_head),
            ]
        ]
        commands: list[Any] = [
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
            ("TOPPADDING", (0, 1), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ]
        for i, place in enumerate(self.places):
            top = place.ranked and place.rank <= content.TOP
            goal = place.goal
            colour = PILLAR_COLOURS[goal.pillar]
            bar = Described(
                dots_bar(place.dots, most, bar_w - 8, colour, strong=top),
                content.bar_words(place.dots, most),
            )
            rows.append(
                [
                    Paragraph(place.label, self.s.cell_rank_top if top else self.s.cell_centre),
                    Paragraph(
                        f'<font color="{_hex(colour)}">{PILLAR_SYMBOLS[goal.pillar]}</font> '
                        f"{self.m(goal.title)}",
                        self.s.cell_hanging_bold if top else self.s.cell_hanging,
                    ),
                    bar,
                ]
            )
            following = self.places[i + 1] if i + 1 < len(self.places) else None
            if (
                top
                and following is not None
                and (following.rank > content.TOP or not following.ranked)
            ):
                commands.append(("LINEBELOW", (0, i + 1), (-1, i + 1), 0.75, RULE))
        # The key is the chart's last row, so it is never on a page apart from the bars.
        key = "   ".join(self.pillar_tag(p) for p in Pillar)
        rows.append([Paragraph(f"Bar colours follow the pillars:   {key}", self.s.small), "", ""])
        commands += [
            ("SPAN", (0, -1), (-1, -1)),
            ("TOPPADDING", (0, -1), (-1, -1), 10),
            ("LEFTPADDING", (0, -1), (-1, -1), 0),
        ]
        widths = [rank_w, self.width - rank_w - bar_w, bar_w]
        chart = _table(
            rows,
            widths,
            commands,
            repeatRows=1,
            tail=1,
            tags=TableTags("table", header=1, row_header=1),
        )
        out += [_RoomFor([heading, intro], chart), heading, intro, chart]
        out += self.subheading("How ties were settled", "How ties were settled")
        if not summary.ties:
            out.append(
                Paragraph(
                    "There were no ties: every place came straight from the vote.", self.s.body
                )
            )
        for tie in summary.ties:
            out.append(Paragraph(self.m(tie.sentence), self.s.body_spaced))
            if tie.note:
                out.append(
                    _table(
                        [[Paragraph(self.m(tie.note), self.s.quote)]],
                        [self.width],
                        [
                            ("LINEBEFORE", (0, 0), (0, -1), 2, RULE),
                            ("LEFTPADDING", (0, 0), (-1, -1), 12),
                            ("TOPPADDING", (0, 0), (-1, -1), 1),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                        ],
                        splitInRow=1,
                        spaceAfter=10,
                    )
                )
        return out

    # -- principles, next steps, people, sign-off --------------------------------------

    def principles(self) -> list[Flowable]:
        committed = [p for p in self.ws.principles if p.committed]
        out: list[Flowable] = [self.heading("principles")]
        if not committed:
            out.append(self.muted("The team has not committed to any principle yet."))
            return [_RoomFor(out), *out]
        rows = []
        for p in committed:
            own = f'  <font color="{_hex(MUTED)}" size="9.5">(our own)</font>' if p.custom else ""
            rows.append([Paragraph("✓", self.s.tick), Paragraph(self.m(p.text) + own, self.s.body)])
        table = _table(
            rows,
            [22, self.width - 22],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
            splitInRow=1,
            tags=TableTags("list"),
        )
        return [_RoomFor(out, table), *out, table]

    def next_steps(self) -> list[Flowable]:
        ws = self.ws
        out: list[Flowable] = [self.heading("next")]
        if ws.review_date:
            out.append(
                self.intro(
                    "The team reviews progress against this charter on "
                    f"<b>{content.long_date(ws.review_date)}</b>"
                    + (f", then {ws.review_cadence.phrase}." if ws.review_cadence else ".")
                )
            )
        else:
            out.append(self.intro("No date has been set yet for reviewing progress."))
        if not ws.commitments:
            out.append(self.muted("No next steps have been agreed yet."))
            return [_RoomFor(out), *out]
        widths = [26.0, 0.0, 124.0, 96.0]
        widths[1] = self.width - sum(widths)
        table = self._numbered_table(
            ["Next step", "Who", "By when"],
            widths,
            [
                [
                    Paragraph(self.m(c.text), self.s.cell),
                    Paragraph(self.m(c.owner) or "–", self.s.cell_bold),
                    Paragraph(self.m(c.due) or "–", self.s.cell),
                ]
                for c in ws.commitments
            ],
        )
        return [_RoomFor(out, table), *out, table]

    def people(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("people")]
        teams = content.teams(self.ws)
        if not teams:
            out.append(self.muted("No functions or people have been added yet."))
            return [_RoomFor(out), *out]
        n = len(self.ws.participants)
        out.append(
            self.intro(
                f"{plural(n, 'person', 'people')} from "
                f"{plural(sum(1 for t in teams if t.people), 'function')}, "
                "front office and back office."
            )
        )
        rows = []
        for team in teams:
            kind = {True: "Front office", False: "Back office", None: ""}[team.customer_facing]
            left: list[Flowable] = [Paragraph(self.m(team.name), self.s.cell_bold)]
            if kind:
                left.append(Paragraph(kind, self.s.cell_muted))
            right: list[Flowable] = [
                Paragraph(
                    self.m(p.name)
                    + (
                        f'<font color="{_hex(MUTED)}">  ·  {self.m(p.role_title)}</font>'
                        if p.role_title
                        else ""
                    ),
                    self.s.cell,
                )
                for p in team.people
            ] or [Paragraph("<i>Nobody from this function in the room</i>", self.s.cell_muted)]
            rows.append([left, right])
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, HAIRLINE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
        table = _table(rows, [170, self.width - 170], commands, splitInRow=1)
        return [_RoomFor(out, table), *out, table]

    def sign_off(self) -> list[Flowable]:
        ws = self.ws
        people = content.signatories(ws)
        review = (
            f", and we review progress together on {content.long_date(ws.review_date)}"
            if ws.review_date
            else ""
        )
        intro = self.intro(
            "By signing, we commit to this charter: each Accountable answers for their goals, "
            f"every function plays its part{review}."
        )
        block: list[Flowable] = [self.heading("signoff"), intro]
        if not people:
            block.append(self.muted("Name a sponsor and the Accountables, and they sign here."))
            return [_RoomFor(block), *block]
        half = self.width / 2
        cells: list[list[Flowable]] = []
        for person in people:
            cell: list[Flowable] = [Spacer(1, 36), _Rule(half - 28), Spacer(1, 5)]
            cell.append(Paragraph(self.m(person.name), self.s.cell_bold))
            if person.title:
                cell.append(Paragraph(self.m(person.title), self.s.cell_muted))
            date = "Date   ________________________"
            if person is people[0] and ws.sponsor_name and ws.signed_on is not None:
                date = f"Signed on {content.long_date(ws.signed_on)}"
            cell += [
                Paragraph(person.duty, self.s.cell_muted),
                Spacer(1, 12),
                Paragraph(date, self.s.cell_muted),
            ]
            cells.append(cell)
        if len(cells) % 2:
            cells.append([])
        grid = _table(
            [cells[i : i + 2] for i in range(0, len(cells), 2)],
            [half, half],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 28),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ],
        )
        return [_RoomFor(block, grid), *block, grid]

    def appendix(self) -> list[Flowable]:
        """The agenda as planned beside the time the room spent in each step."""
        ws = self.ws
        out: list[Flowable] = [_Heading(APPENDIX, self.s.h1, APPENDIX, 0, "appendix")]
        if ws.time_spent:
            out.append(
                self.intro(
                    "The agenda as planned, and the time the room spent in each step "
                    "as the workshop's timer measured it."
                )
            )
        else:
            out.append(self.intro("The agenda as planned; the workshop's timer recorded no time."))
        widths = [0.0, 190.0, 110.0]
        widths[0] = self.width - sum(widths)
        rows: list[list[Any]] = [
            [
                Paragraph("Step", self.s.cell_head),
                Paragraph("Planned", self.s.cell_head),
                Paragraph("Time spent", self.s.cell_head),
            ]
        ]
        for row in content.time_rows(ws):
            spent = self.m(row.spent) + (
                f'<font color="{_hex(MUTED)}">  · over</font>' if row.over else ""
            )
            rows.append(
                [
                    Paragraph(self.m(row.step.label), self.s.cell_bold),
                    Paragraph(self.m(row.planned), self.s.cell),
                    Paragraph(spent, self.s.cell),
                ]
            )
        planned, spent = content.time_totals(ws)
        rows.append(
            [
                Paragraph("In all", self.s.cell_bold),
                Paragraph(self.m(planned), self.s.cell_bold),
                Paragraph(self.m(spent), self.s.cell_bold),
            ]
        )
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
            ("LINEBELOW", (0, 1), (-1, -3), 0.5, HAIRLINE),
            ("LINEABOVE", (0, -1), (-1, -1), 1, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 1), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
        ]
        # Eight short rows: kept on one page with their heading.
        return [KeepTogether([*out, _table(rows, widths, commands, repeatRows=1)])]

    # -- the whole ------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        return [
            *self.summary(),
            PageBreak(),
            *self.vision_in_full(),
            *self.asks(),
            *self.goals(),
            NextPageTemplate("wide"),
            PageBreak(),
            *self.matrix(),
            NextPageTemplate("later"),
            PageBreak(),
            *self.roles_list(),
            *self.priorities(),
            *self.principles(),
            *self.next_steps(),
            *self.people(),
            *self.sign_off(),
            *self.appendix(),
        ]


# ----------------------------------------------------------------- the document


def _decorate(
    ws: Workshop, text: Text, draft: bool
) -> tuple[Callable[[Canvas, Any], None], Callable[[Canvas, Any], None]]:
    """The first page's and the other pages' background: the draft mark and the running head."""
    head = " · ".join(x for x in (ws.organisation, ws.title) if x)

    def watermark(canvas: Canvas) -> None:
        if not draft:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(BOLD, 130)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        canvas.drawCentredString(0, -45, "DRAFT")
        canvas.restoreState()

    def first(canvas: Canvas, doc: Any) -> None:
        # Open with the bookmarks showing, where the reader supports it.
        canvas.showOutline()
        canvas.tags.begin_artifact(canvas, "Pagination")
        watermark(canvas)
        canvas.tags.end(canvas)

    def later(canvas: Canvas, doc: Any) -> None:
        # The draft mark and the running head are page furniture: a reader skips them.
        canvas.tags.begin_artifact(canvas, "Pagination")
        watermark(canvas)
        width, height = canvas._pagesize
        left, right = 54, width - 54
        y = height - 36
        room = right - left - (50 if draft else 0)
        canvas.saveState()
        canvas.setFont(REGULAR, 9)
        canvas.setFillColor(MUTED)
        if head:
            text.draw(canvas, left, y, fit_lines(head, REGULAR, 9, room, text, 1)[0], REGULAR, 9)
        if draft:
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(DRAFT_INK)
            canvas.drawRightString(right, y, "DRAFT")
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 7, right, y - 7)
        canvas.restoreState()
        canvas.tags.end(canvas)

    return first, later


def _frame(page: Layout, name: str) -> Frame:
    return Frame(
        page.left,
        page.bottom,
        page.frame_width,
        page.frame_height,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def render(
    ws: Workshop,
    page: Layout,
    story: list[Flowable],
    text: Text,
    *,
    draft: bool,
    title: str,
    subject: str,
    keywords: list[str],
    today: dt.date | None,
    wide: Layout | None = None,
) -> Built:
    """Lay ``story`` out as one of the app's PDFs: the running head, "Page x of y", the
    bookmarks, the draft mark, embedded fonts only (``wide``: landscape pages too)."""
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        page,
        title=nfc(title),
        author=nfc(ws.facilitator or ws.organisation or "CX Workshop"),
        subject=nfc(subject),
        creator=CREATOR,
        keywords=keywords,
        lang=ws.language,
        displayDocTitle=1,
        # Every page starts in the charter's own face: no unembedded Helvetica in the file.
        initialFontName=REGULAR,
        initialFontSize=11,
    )
    first, later = _decorate(ws, text, draft)
    templates = [
        PageTemplate("first", [_frame(page, "first")], onPage=first, autoNextPageTemplate="later"),
        PageTemplate("later", [_frame(page, "later")], onPage=later),
    ]
    if wide is not None:
        templates.append(
            PageTemplate(
                "wide", [_frame(wide, "wide")], onPage=later, pagesize=(wide.width, wide.height)
            )
        )
    doc.addPageTemplates(templates)
    exported = content.long_date(today or dt.date.today())
    canvas_class = type(
        "_AppCanvas",
        (_NumberedCanvas,),
        {"footer_left": f"Exported {exported} with CX Workshop"},
    )
    # The workshop's language orders the CJK fonts when it is Chinese, Japanese or
    # Korean; otherwise the kana or Hangul in its text decide, as before it had one.
    with writing_in(workshop_language(ws, ws.language) or workshop_language(ws)):
        doc.build(tag_story(story), canvasmaker=canvas_class)
    about = About(
        title=nfc(title),
        author=nfc(ws.facilitator or ws.organisation or "CX Workshop"),
        language=ws.language,
        producer=CREATOR,
        created=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    data = finish(buffer.getvalue(), doc.canv.tags, about)
    return Built(data, doc.canv.total_pages, draft, frozenset(text.replaced))


def build(ws: Workshop, paper: Paper = Paper.A4, *, today: dt.date | None = None) -> Built:
    """Lay out the charter for ``ws`` and return the PDF's bytes."""
    register()
    page = layout(paper)
    wide = landscape(paper)
    writer = _Writer(ws, page, wide)
    story = writer.story()
    of = f" of {ws.organisation}" if ws.organisation else ""
    return render(
        ws,
        page,
        story,
        writer.text,
        draft=content.is_draft(ws),
        title=ws.title,
        subject=(
            f"The customer experience charter{of}: who is accountable for which goal, "
            "what comes first, and when progress is reviewed"
        ),
        keywords=["customer experience", "CX charter", "accountability", "RACI"],
        today=today,
        wide=wide,
    )
