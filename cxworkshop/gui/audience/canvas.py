"""Painting the audience screen at a type floor: text that wraps or ends in "…", never shrinks.

Every size is a multiple of the floor, the smallest type the back row of a
room can read: 28 px on a 720-line projector, 42 px at 1080 and 84 px at 4K.
What does not fit at that size goes to the next page (:func:`column_pages`);
a text that must be shortened ends in "…" and shows in full in the focus view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

FLOOR_PX_AT_720 = 28
"""The smallest text on the audience screen on a 720-line screen; it scales with the height."""

MIN_PREVIEW_PX = 8
"""Below this a preview window's text would be no more than a texture."""

ELLIPSIS = "…"

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def floor_px_for(height: int) -> int:
    """The smallest type on an audience screen ``height`` pixels tall: 28 px at 720 lines.

    A preview window smaller than a projector is a faithful miniature of it, so the
    floor follows the height both ways.
    """
    return max(MIN_PREVIEW_PX, round(height * FLOOR_PX_AT_720 / 720))


def base_px_for(height: int) -> int:
    """The audience's base font size in pixels: the floor, since nothing is drawn smaller."""
    return floor_px_for(height)


_METRICS: dict[str, QFontMetricsF] = {}
_HEIGHTS: dict[tuple[str, str, float], float] = {}
_REMEMBERED = 50_000
"""Heights kept between layouts; past this many the memory starts afresh."""


def metrics_of(font: QFont) -> QFontMetricsF:
    """The font's metrics, made once per font: a layout asks for them thousands of times."""
    key = font.key()
    found = _METRICS.get(key)
    if found is None:
        found = _METRICS[key] = QFontMetricsF(font)
    return found


def wrapped_height(text: str, font: QFont, width: float) -> float:
    """The height of ``text`` wrapped at ``width``; remembered, since every repaint lays the
    step out again."""
    key = (font.key(), text, round(width, 2))
    found = _HEIGHTS.get(key)
    if found is None:
        if len(_HEIGHTS) > _REMEMBERED:
            _HEIGHTS.clear()
        rect = QRectF(0, 0, max(1.0, width), 1e6)
        found = _HEIGHTS[key] = metrics_of(font).boundingRect(rect, _WRAP, text).height()
    return found


def elide_words(font: QFont, text: str, width: float) -> str:
    """``text`` on one line ``width`` wide: whole, or whole words and "…" (a single word too
    long for the line is the only thing cut inside a word)."""
    metrics = metrics_of(font)
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        shown = " ".join(words).rstrip(" ,;:·-–—") + ELLIPSIS
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class Canvas:
    """Lays out (and, given a painter, draws) text and shapes in multiples of the floor.

    Without a painter it only measures, so a view can count its pages; either way
    it remembers every text it drew, as shown (shortened ones with their "…").
    """

    def __init__(self, painter: QPainter | None, family: str, floor_px: float) -> None:
        self.painter = painter
        self.family = family
        self.unit = float(floor_px)
        """The floor, in pixels: every length is a multiple of it."""
        self.texts: list[str] = []
        self.marks: list[str] = []
        """The goals drawn (by id), so a view can tell which page shows a goal."""

    def px(self, factor: float) -> float:
        return self.unit * factor

    def font(self, factor: float = 1.0, *, bold: bool = False, italic: bool = False) -> QFont:
        """The family at ``factor`` times the floor; never below the floor."""
        f = QFont(self.family)
        f.setPixelSize(max(round(self.unit), round(self.unit * factor)))
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def line_height(self, font: QFont) -> float:
        return metrics_of(font).lineSpacing()

    def height_of(self, text: str, font: QFont, width: float) -> float:
        return wrapped_height(text, font, width)

    def shorten(self, text: str, font: QFont, width: float, max_lines: int) -> str:
        """``text`` as it fits in ``max_lines`` lines ``width`` wide: whole words and "…"."""
        room = metrics_of(font).lineSpacing() * max_lines + 1
        if self.height_of(text, font, width) <= room:
            return text
        words = text.split()
        low, high = 0, len(words) - 1
        # The most words that fit with the ellipsis after them.
        while low < high:
            mid = (low + high + 1) // 2
            if self.height_of(" ".join(words[:mid]) + ELLIPSIS, font, width) <= room:
                low = mid
            else:
                high = mid - 1
        if low == 0:
            return elide_words(font, text, width)
        return " ".join(words[:low]).rstrip(" ,;:·-–—") + ELLIPSIS

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
        max_lines: int | None = None,
    ) -> float:
        """Wrapped text at (x, y), ``width`` wide, at most ``max_lines``; the height it took."""
        if not text:
            return 0.0
        shown = text if max_lines is None else self.shorten(text, font, width, max_lines)
        height = self.height_of(shown, font, width)
        self.texts.append(shown)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor(colour))
            flags = Qt.TextFlag.TextWordWrap | align | Qt.AlignmentFlag.AlignTop
            self.painter.drawText(QRectF(x, y, width, height + 2), flags, shown)
        return height

    def text_height(self, text: str, font: QFont, width: float, max_lines: int | None) -> float:
        """What :meth:`text` will take, without drawing."""
        if not text:
            return 0.0
        shown = text if max_lines is None else self.shorten(text, font, width, max_lines)
        return self.height_of(shown, font, width)

    def line_text(
        self, rect: QRectF, text: str, font: QFont, colour: str, align: Qt.AlignmentFlag
    ) -> None:
        """One line of text inside ``rect``, vertically centred, ending in … if long."""
        shown = elide_words(font, text, rect.width())
        self.texts.append(shown)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor(colour))
            self.painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)

    def rounded(
        self,
        rect: QRectF,
        fill: str | QBrush | None,
        radius: float,
        *,
        edge: str | None = None,
        edge_width: float = 1.0,
    ) -> None:
        if self.painter is None:
            return
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


# ----------------------------------------------------------------- blocks and pages


@dataclass
class Block:
    """A piece of a page that is never split: its height, and how to draw it at (x, y)."""

    height: float
    draw: Callable[[float, float], None]


Page = Callable[[], None]


def text_block(
    canvas: Canvas,
    width: float,
    text: str,
    font: QFont,
    colour: str,
    *,
    max_lines: int | None = None,
    space_after: float = 0.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> Block:
    """A wrapped text as a block, shortened to ``max_lines`` with "…"."""
    # Shortened once, when measured: the block draws what it measured.
    shown = text if max_lines is None or not text else canvas.shorten(text, font, width, max_lines)
    height = canvas.height_of(shown, font, width) if shown else 0.0

    def draw(x: float, y: float) -> None:
        canvas.text(x, y, width, shown, font, colour, align=align)

    return Block(height + space_after, draw)


def draw_stack(blocks: Sequence[Block], x: float, y: float) -> float:
    for block in blocks:
        block.draw(x, y)
        y += block.height
    return y


def split(blocks: Sequence[Block], room: float, gap: float = 0.0) -> list[list[Block]]:
    """``blocks`` in order, cut into pages of at most ``room`` high (a block never splits)."""
    pages: list[list[Block]] = [[]]
    used = 0.0
    for block in blocks:
        needed = block.height + (gap if pages[-1] else 0.0)
        if pages[-1] and used + needed > room + 0.5:
            pages.append([])
            used = 0.0
            needed = block.height
        pages[-1].append(block)
        used += needed
    return pages


@dataclass
class Column:
    """One column of a paged layout: a header on every page, and a body that flows on."""

    x: float
    width: float
    header: list[Block]
    body: list[Block]
    gap: float = 0.0
    empty: Block | None = None
    """Drawn on the first page when the body is empty (a note such as "No goals yet")."""


def column_pages(columns: Sequence[Column], top: float, height: float) -> list[Page]:
    """Pages of side-by-side columns: the headers repeat, the bodies flow to the next page."""
    header_h = max((sum(b.height for b in c.header) for c in columns), default=0.0)
    room = max(1.0, height - top - header_h)
    chunks: list[list[list[Block]]] = [
        split(c.body, room, c.gap) if c.body else [[]] for c in columns
    ]
    count = max(len(c) for c in chunks)

    def page(n: int) -> Page:
        def draw() -> None:
            for column, parts in zip(columns, chunks, strict=True):
                draw_stack(column.header, column.x, top)
                y = top + header_h
                if not column.body and n == 0 and column.empty is not None:
                    column.empty.draw(column.x, y)
                for block in parts[n] if n < len(parts) else []:
                    block.draw(column.x, y)
                    y += block.height + column.gap

        return draw

    return [page(n) for n in range(count)]


__all__ = [
    "ELLIPSIS",
    "FLOOR_PX_AT_720",
    "Block",
    "Canvas",
    "Column",
    "Page",
    "base_px_for",
    "column_pages",
    "draw_stack",
    "elide_words",
    "floor_px_for",
    "split",
    "text_block",
]
