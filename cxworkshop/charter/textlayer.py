"""What a reader copies out of a line: the line as typed, whatever its script.

A line is drawn in visual order (see :mod:`.scripts`). Readers of the PDF do
not take its text in the order it was typed either: they collect the glyphs
left to right and then put right-to-left runs back by rules of their own,
which get a whole line wrong as soon as it mixes directions ("אמנת חוויית
הלקוח 2027", "Signed by יוסי כהן on 25 March 2027"). So each line with
right-to-left text carries its text as /ActualText, written for each reader
in the order its own rules turn back into what was typed:

* Poppler (pdftotext, Evince, Okular) takes /ActualText only from a ``/Span``
  with the property list written inline. It spreads the text over the
  span's width as one word, then reorders every line of the page one way,
  chosen by counting the page's left-to-right and right-to-left letters
  (``TextPage::coalesce``, ``primaryLR``; ``reorderText`` in
  poppler/TextOutputDev.cc). That direction is known only once the page is
  drawn, so the span is written then (:class:`PageText`).
* PDFium (Chrome's viewer, pypdfium2) takes /ActualText from the innermost
  marked content that has one, whatever its tag, and ignores the glyphs
  after the first of the span. It cuts each line into runs of one direction
  class, reverses the runs' order when the line has more right-to-left runs
  than left-to-right ones, and mirrors brackets in runs it reads right to
  left (``CPDF_TextPage::CloseTempLine`` in core/fpdftext/cpdf_textpage.cpp,
  ``CFX_BidiString`` in core/fxcrt/fx_bidi.cpp). It collects the actual text
  backwards when the span's first glyphs read right to left, or when the
  text before them did and the line does; the build pypdfium2 5.15 ships
  (PDFium 8149) was measured to do so, and :func:`pdfium_reading` is that
  measure.

Both are inverted exactly: the text handed to each is the one its rules map
onto the line as typed. Poppler's text may carry left-to-right or
right-to-left marks (invisible, as its own output already has direction
marks) where a space must not be swept into the wrong run. Around both, the
outermost span holds the line as typed: the format says the outer /ActualText
stands for all it holds, so that is what a screen reader should say. The
glyphs, and so what the page looks like, do not change.

PDFium's rule spans all the text on one baseline, so a table row whose cells
share a baseline with a right-to-left cell can come out with its cells in the
other order; Poppler reads a table's columns apart.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bidi.mirror import MIRRORED  # type: ignore[import-untyped]

from .direction import FSI, PDI, has_rtl

LRM = "\u200e"
RLM = "\u200f"
INNER_TAG = "ReadingOrder"
"""The tag of the innermost sequence, PDFium's: Poppler, as the format says, reads
/ActualText only in a Span, and takes the innermost Span."""


@cache
def poppler_kind(ch: str) -> str:
    """How Poppler sorts a character: "R" right to left, "L" left to right or a
    number (digits and their signs and separators), "N" anything else."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "ES", "ET", "CS", "AN"):
        return "L"
    return "N"


@cache
def pdfium_kind(ch: str) -> str:
    """How PDFium sorts a character: "R", "L", "W" (weak: numbers, marks, separators)
    or "N" (neutral)."""
    kind = unicodedata.bidirectional(ch)
    if kind == "L":
        return "L"
    if kind in ("R", "AL"):
        return "R"
    if kind in ("AN", "EN", "NSM", "CS", "ES", "ET", "BN"):
        return "W"
    return "N"


def _runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into maximal runs of one PDFium class: (class, run)."""
    out: list[tuple[str, str]] = []
    for ch in text:
        k = pdfium_kind(ch)
        if out and out[-1][0] == k:
            out[-1] = (k, out[-1][1] + ch)
        else:
            out.append((k, ch))
    return out


def pdfium_rtl(text: str) -> bool:
    """Whether PDFium takes ``text`` (a line, or the glyphs of one text-showing
    operator) for right to left: it has more right-to-left runs than left-to-right."""
    runs = _runs(text)
    return sum(k == "R" for k, _ in runs) > sum(k == "L" for k, _ in runs)


_PDFIUM_MIRRORED = {**MIRRORED, "‘": "’", "’": "‘", "“": "”", "”": "“", "〈": "〉", "〉": "〈"}
"""The characters PDFium mirrors in what it reads right to left: Unicode's mirrored
pairs and, as measured, curly quotes and angle brackets (it also spells out some
characters there, "…" as "...", which cannot be undone)."""


def _mirror(run: str) -> str:
    return "".join(_PDFIUM_MIRRORED.get(c, c) for c in run)


def _turn(runs: list[tuple[str, str]], rtl: bool) -> list[str]:
    """The runs of a line as PDFium turns them, in the order given: those it reads
    right to left (right-to-left runs, and neutral ones after them) mirrored."""
    now = "R" if rtl else "L"
    out = []
    for k, run in runs:
        if k == "R" or (k == "N" and now == "R"):
            now = "R"
            out.append(_mirror(run))
        else:
            if k != "W":
                now = "L"
            out.append(run)
    return out


def pdfium_reading(actual: str, reversed_in: bool) -> str:
    """What PDFium makes of a line given as ``actual`` text, which it collects
    reversed (``reversed_in``) when the span's first glyphs, or the text met
    before them, read right to left.

    Then it reorders the line:
    the runs' order reversed in a right-to-left line, those read right to left
    mirrored. Unlike glyphs, actual text is not turned round within a run.
    """
    line = actual[::-1] if reversed_in else actual
    runs = _runs(line)
    rtl = pdfium_rtl(line)
    if rtl:
        runs.reverse()
    return "".join(_turn(runs, rtl))


def for_pdfium(typed: str, reversed_in: bool) -> str:
    """The actual text PDFium's reading (:func:`pdfium_reading`) turns into ``typed``."""
    runs = _runs(typed)
    rtl = pdfium_rtl(typed)
    # Mirroring keeps each run's class, so the same walk over the runs as typed
    # decides which are mirrored, and mirroring twice undoes it.
    out = _turn(runs, rtl)
    if rtl:
        out.reverse()
    line = "".join(out)
    return line[::-1] if reversed_in else line


def poppler_reading(line: str, rtl_page: bool) -> str:
    """What Poppler makes of a line whose characters it collected left to right,
    on a page it reads left to right or (``rtl_page``) right to left; without
    the direction marks it adds."""
    kinds = [poppler_kind(c) for c in line]
    out: list[str] = []
    if not rtl_page:
        i = 0
        while i < len(line):
            j = i
            while j < len(line) and kinds[j] != "R":
                j += 1
            out.append(line[i:j])
            i = j
            while j < len(line) and kinds[j] != "L":
                j += 1
            out.append(line[i:j][::-1])
            i = j
        return "".join(out)
    i = len(line) - 1
    while i >= 0:
        j = i
        while j >= 0 and kinds[j] != "L":
            j -= 1
        out.append(line[j + 1 : i + 1][::-1])
        i = j
        while j >= 0 and kinds[j] != "R":
            j -= 1
        out.append(line[j + 1 : i + 1])
        i = j
    return "".join(out)


def for_poppler(typed: str, rtl_page: bool) -> str:
    """The text Poppler's reordering (:func:`poppler_reading`) turns into ``typed``,
    with direction marks where a space would otherwise join the wrong run, and at
    both ends so that text beside it on the line keeps to itself."""
    kinds = [poppler_kind(c) for c in typed]
    # Cut into runs that Poppler turns round (from a right-to-left letter to the
    # last one before the next left-to-right letter or number) and runs it keeps,
    # or on a right-to-left page the other way about.
    pieces: list[tuple[bool, str]] = []  # (kept in its order, text)
    # The runs that lead: right-to-left ones on a left-to-right page, and the
    # other way about; a leading run is kept in its order on a right-to-left page.
    lead, other = ("L", "R") if rtl_page else ("R", "L")
    i = 0
    n = len(typed)
    while i < n:
        if kinds[i] == lead:
            j = last = i
            while j < n and kinds[j] != other:
                if kinds[j] == lead:
                    last = j
                j += 1
            pieces.append((rtl_page, typed[i : last + 1]))
            i = last + 1
        else:
            j = i
            while j < n and kinds[j] != lead:
                j += 1
            pieces.append((not rtl_page, typed[i:j]))
            i = j
    out: list[str] = []
    for k, (forward, text) in enumerate(pieces):
        if not rtl_page:
            # A kept run after a turned one must start with a letter or number, or
            # its first spaces would be swept into the turned run.
            if forward and k and poppler_kind(text[0]) == "N":
                text = LRM + text
            out.append(text if forward else text[::-1])
        else:
            # A turned run after a kept one must start with a right-to-left letter,
            # or its first spaces would be swept into the kept run.
            if not forward and k and poppler_kind(text[0]) != "R":
                text = RLM + text
            out.append(text if forward else text[::-1])
    if rtl_page:
        out.reverse()
    mark = RLM if rtl_page else LRM
    return mark + "".join(out) + mark


def _pdf_text(text: str) -> str:
    """``text`` as a PDF text string: UTF-16 with its byte order mark, in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def plain(text: str) -> str:
    """A line's text without the isolates the charter adds around right-to-left names."""
    return text.replace(FSI, "").replace(PDI, "")


@dataclass
class PageText:
    """One page's lines with right-to-left text, and what the readers' rules depend
    on beyond the line itself: the count Poppler reads the page's direction from
    (left-to-right letters less right-to-left ones), and whether the text PDFium
    met last reads right to left."""

    lines: list[str] = field(default_factory=list)
    balance: int = 0
    last_rtl: bool = False
    _inside: int = 0

    def _tally(self, text: str) -> None:
        if text.isascii():
            self.balance += sum(map(str.isalpha, text))
            return
        for ch in text:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                self.balance += 1
            elif kind in ("R", "AL"):
                self.balance -= 1

    def count(self, text: str) -> None:
        """Text drawn by one text-showing operator; inside a span, the span's text
        stands for it."""
        if self._inside or not text:
            return
        self._tally(text)
        self.last_rtl = has_rtl(text) and pdfium_rtl(text)

    def begin(self, typed: str, first: str) -> str:
        """The operators that open a span for a line that reads ``typed``, whose
        first (leftmost) glyphs copy out as ``first``; its glyphs follow, then
        :meth:`end`. Poppler's text is filled in by :meth:`resolve`."""
        typed = plain(typed)
        self._tally(typed)
        self._inside += 1
        self.lines.append(typed)
        token = f"\x00{len(self.lines) - 1}\x00"
        # PDFium collects the actual text reversed when the span's first glyphs read
        # right to left, or when the text before them did and the line does.
        first_rtl = pdfium_rtl(first)
        reversed_in = first_rtl or (self.last_rtl and pdfium_rtl(typed))
        inner = _pdf_text(for_pdfium(typed, reversed_in))
        self.last_rtl = first_rtl
        return (
            f"/Span <</ActualText {_pdf_text(typed)}>> BDC "
            f"/Span <</ActualText {token}>> BDC /{INNER_TAG} <</ActualText {inner}>> BDC"
        )

    def end(self) -> str:
        self._inside -= 1
        return "EMC EMC EMC"

    def resolve(self, canvas: Any) -> None:
        """Writes Poppler's text into the page's operators on ``canvas``, now that
        the direction Poppler will read the page in is known."""
        if not self.lines:
            return
        rtl_page = self.balance < 0
        texts = [_pdf_text(for_poppler(t, rtl_page)) for t in self.lines]
        code: list[str] = canvas._code
        for n, part in enumerate(code):
            if "\x00" in part:
                pieces = part.split("\x00")
                for k in range(1, len(pieces), 2):
                    pieces[k] = texts[int(pieces[k])]
                code[n] = "".join(pieces)
