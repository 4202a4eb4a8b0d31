"""Drawn pieces of the charter: the priorities' bars and the matrix's upright column names."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String  # type: ignore[import-untyped]
from reportlab.lib.colors import Color  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from .fonts import BOLD, REGULAR, Text
from .styles import HAIRLINE, INK, MUTED

ELLIPSIS = "…"


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # Start in the charter's face, so the file names no font it does not embed.
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 10
    return drawing


def dots_bar(dots: int, most: int, width: float, colour: Color, *, strong: bool = False) -> Drawing:
    """One goal's dots as a bar scaled to the most any goal got, with the count at its end.

    The count is text, so the chart is read (and searched) by number, not by length alone.
    """
    height = 18.0
    label_room = 30.0
    drawing = _drawing(width, height)
    length = 0.0 if most <= 0 else (width - label_room) * dots / most
    if length > 0:
        drawing.add(Rect(0, 4, length, 10, fillColor=colour, strokeColor=None))
    else:
        drawing.add(Line(0.5, 3, 0.5, 15, strokeColor=HAIRLINE, strokeWidth=1))
    drawing.add(
        String(
            length + 6,
            5.5,
            str(dots),
            fontName=BOLD if strong else REGULAR,
            fontSize=10.5,
            fillColor=INK if strong else MUTED,
        )
    )
    return drawing


def fit_lines(
    text: str, font: str, size: float, room: float, measure: Text, max_lines: int = 2
) -> list[str]:
    """``text`` broken at spaces into lines no longer than ``room``; the last is shortened
    with an ellipsis if the text will not fit in ``max_lines``."""

    def width(line: str) -> float:
        return measure.width(line, font, size)

    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and width(f"{line} {words[0]}") <= room:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    if lines and width(lines[-1]) > room:
        last = lines[-1]
        while last and width(last + ELLIPSIS) > room:
            last = last[:-1]
        lines[-1] = last.rstrip() + ELLIPSIS
    return lines


class UprightLabel(Flowable):  # type: ignore[misc]
    """A column heading written bottom to top, so a narrow column can carry a long name."""

    def __init__(
        self, lines: list[str], text: Text, *, size: float = 9.0, colour: Color = INK
    ) -> None:
        super().__init__()
        self.lines = lines
        self.text = text
        self.size = size
        self.colour = colour
        self.font = BOLD
        self.leading = size * 1.2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.leading * len(self.lines)
        self.height = max(
            (self.text.width(line, self.font, self.size) for line in self.lines), default=0
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.rotate(90)
        for i, line in enumerate(self.lines):
            # Rotated a quarter turn, x runs up the page and y runs to the left.
            self.text.draw(
                canvas, 0, -(i * self.leading + self.size * 0.95), line, self.font, self.size
            )
        canvas.restoreState()


def role_chip(
    letter: str, text: Color, fill: Color | None, edge: Color, *, bold: bool = True
) -> Drawing:
    """A RACI letter in a small square, as the matrix shows it: the legend's key."""
    size = 18.0
    drawing = _drawing(size, size)
    drawing.add(
        Rect(
            0.5,
            0.5,
            size - 1,
            size - 1,
            fillColor=fill,
            strokeColor=None if fill else edge,
            strokeWidth=0.75,
        )
    )
    drawing.add(
        String(
            size / 2,
            size * 0.3,
            letter,
            fontName=BOLD if bold else REGULAR,
            fontSize=size * 0.55,
            fillColor=text,
            textAnchor="middle",
        )
    )
    return drawing
