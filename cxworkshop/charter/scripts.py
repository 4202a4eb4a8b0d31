"""Lines of text in any script the team writes in: right to left, joined, in fonts that have it.

Workshop text is kept as typed (logical order) until a line is drawn. Then each
line is cut into pieces by the font that has each character
(:func:`.fonts.font_runs`) and by direction; the Unicode bidirectional
algorithm (python-bidi) puts the pieces in visual order, and each right-to-left
piece is shaped by HarfBuzz through reportlab's own shaping support, so Arabic
letters join and marks sit where they belong. Shaped glyphs copy out of the PDF
as the letters that were typed (see :class:`.fonts.CharterFont`), and the
reader's text extraction puts the right-to-left runs back in the order typed.

A paragraph whose first strong character is right to left (a Hebrew goal, an
Arabic vision) reads from the right: set flush left, it is set flush right.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bidi import algorithm as uba  # type: ignore[import-untyped]
from bidi.mirror import MIRRORED  # type: ignore[import-untyped]
from reportlab.lib.abag import ABag  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.rl_accel import fp_str  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr  # type: ignore[import-untyped]
from reportlab.pdfgen.textobject import PDFTextObject  # type: ignore[import-untyped]
from reportlab.platypus import paragraph as rl_paragraph  # type: ignore[import-untyped]

from ..domain.model import Workshop
from .direction import FSI, PDI, has_rtl
from .fonts import font_runs, known, language_of
from .textlayer import PageText

_OBJECT = "\ufffc"
"""An isolate seen from outside: one neutral character, as the algorithm treats it."""
_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def workshop_language(ws: Workshop, tag: str | None = None) -> str | None:
    """The language to set a workshop's Han characters in: ``tag`` (the workshop's
    language, such as "ja") when known, else guessed from the kana or Hangul in its text."""
    return language_of(_strings(ws), tag)


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the isolates of one line are: (index of the first character, end); an isolate
    cut by a line break runs to the line's end or from its start."""
    spans = []
    first_fsi, first_pdi = text.find(FSI), text.find(PDI)
    continued = first_pdi != -1 and (first_fsi == -1 or first_pdi < first_fsi)
    start: int | None = 0 if continued else None
    for i, ch in enumerate(text):
        if ch == FSI and start is None:
            start = i + 1
        elif ch == PDI and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _resolve(text: str, rtl: bool | None) -> list[tuple[int, int]]:
    """python-bidi's resolution of one run of text: positions in visual order with levels."""
    # Isolates within isolates count as neutral characters, as they do from outside;
    # a code point Unicode has not assigned is left to right, its default.
    text = "".join(
        _OBJECT if ch in _ISOLATES else ch if unicodedata.bidirectional(ch) else "a" for ch in text
    )
    storage = uba.get_empty_storage()
    level = uba.get_base_level(text) if rtl is None else int(rtl)
    storage["base_level"] = level
    storage["base_dir"] = ("L", "R")[level]
    uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["index"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    return [(ch["index"], ch["level"]) for ch in storage["chars"]]


def reads_rtl(text: str) -> bool:
    """Whether ``text`` is a right-to-left paragraph: its first strong character outside
    isolates is (or, when only isolates have any, the first strong character in them)."""
    outside = text
    for start, end in reversed(_spans(text)):
        outside = outside[: max(start - 1, 0)] + _OBJECT + outside[end + 1 :]
    if any(unicodedata.bidirectional(ch) in ("L", "R", "AL") for ch in outside):
        return bool(uba.get_base_level(outside))
    return bool(uba.get_base_level(text.replace(FSI, "").replace(PDI, "")))


def visual_order(text: str, rtl: bool | None = None) -> list[tuple[int, int, int]]:
    """The positions of ``text``'s characters in the order they are seen, left to right,
    each with its embedding level (odd: right to left) and the isolate it is in (0: none).

    ``rtl`` sets the paragraph's direction; None takes it from ``text``. Each isolate
    (:func:`isolate`) counts as one neutral character in the line and is ordered on
    its own, as the algorithm's isolates are. Direction marks, which draw nothing,
    are left out.
    """
    base = reads_rtl(text) if rtl is None else rtl
    # Rule L1: white space at the line's end, isolates' included, takes the paragraph's
    # level; it draws nothing, but it must not come between the words.
    cut = len(text)
    while cut and (text[cut - 1] in (FSI, PDI) or unicodedata.bidirectional(text[cut - 1]) == "WS"):
        cut -= 1
    tail = [(j, int(base), 0) for j in range(cut, len(text)) if text[j] not in (FSI, PDI)]
    body = _visual_order(text[:cut], base)
    return [*reversed(tail), *body] if base else [*body, *tail]


def _visual_order(text: str, base: bool) -> list[tuple[int, int, int]]:
    spans = _spans(text)
    if not spans:
        return [(i, level, 0) for i, level in _resolve(text, base)]
    outer = ""
    where: list[int | tuple[int, int]] = []
    position = 0
    for start, end in spans:
        before = start - 1 if start > 0 and text[start - 1] == FSI else start
        outer += text[position:before] + _OBJECT
        where += [*range(position, before), (start, end)]
        position = end + 1 if text[end : end + 1] == PDI else end
    outer += text[position:]
    where += list(range(position, len(text)))
    out: list[tuple[int, int, int]] = []
    for n, (i, level) in enumerate(_resolve(outer, base)):
        spot = where[i]
        if isinstance(spot, int):
            out.append((spot, level, 0))
            continue
        start, end = spot
        out += [(start + j, inner, n + 1) for j, inner in _resolve(text[start:end], None)]
    return [(i, level, part) for i, level, part in out if text[i] not in (FSI, PDI)]


@dataclass(frozen=True)
class Piece:
    """A stretch of one line in one font and one direction, ready to draw left to right."""

    font: str
    text: str
    """What is drawn, left to right: for a right-to-left piece, shaped glyphs in visual order."""
    typed: str
    """The same text in the order it was typed."""
    rtl: bool
    width: float
    owner: int = 0
    """Which part of a styled line it comes from."""


def shape(typed: str, font: str, size: float) -> str:
    """A right-to-left run shaped by HarfBuzz: its glyphs in visual order.

    The codes of glyphs that stand for other text than their own character (a
    joined form, a ligature) are recorded with the text they stand for, so the
    PDF's text layer gives back what was typed.
    """
    charter_font = known(font)
    if charter_font is None:
        # A standard font HarfBuzz cannot read: the letters reversed, unjoined.
        return "".join(MIRRORED.get(c, c) for c in reversed(typed))
    shaped = shapeStr(typed, font, size, force=True)
    data = getattr(shaped, "__shapeData__", None)
    if data:
        starts = sorted({d.cluster for d in data if d.cluster >= 0})
        ends = dict(zip(starts, [*starts[1:], len(typed)], strict=True))
        seen: set[int] = set()
        for glyph, d in zip(shaped, data, strict=False):
            if d.cluster in seen or d.cluster not in ends:
                continue
            seen.add(d.cluster)
            meant = typed[d.cluster : ends[d.cluster]]
            # A mirrored bracket is drawn with the other bracket's own glyph, which
            # means itself everywhere else in the font: recording it would turn every
            # later "(" in any document into ")" in the text layer.
            if meant != glyph and MIRRORED.get(meant) != glyph:
                # Readers put a right-to-left line's characters back in the order typed
                # by reversing them, a ligature's letters too: so they are given reversed.
                charter_font.actual.setdefault(ord(glyph), meant[::-1])
    return str(shaped) if not isinstance(shaped, ShapedStr) else shaped


def _width(text: str, font: str, size: float) -> float:
    data = getattr(text, "__shapeData__", None)
    if data is not None:
        return float(sum(d.x_advance for d in data)) * size / 1000
    base = known(font)
    if base is not None:
        return float(TTFont.stringWidth(base, text, size))
    return float(rl_paragraph.stringWidth(text, font, size))


def visual_pieces(
    text: str,
    face: str | list[str],
    size: float,
    rtl: bool | None = None,
    owners: list[int] | None = None,
) -> list[Piece]:
    """One line of ``text`` (in the order typed) as pieces in the order they are drawn.

    ``owners`` marks which part of a styled line each character belongs to; a piece
    never spans two. ``face`` may be one font per owner (a list) or one for all.
    """
    if not text:
        return []
    fonts: list[str] = []
    if isinstance(face, str):
        for font, chunk in font_runs(text, face):
            fonts += [font] * len(chunk)
    else:
        start = 0
        owner_list = owners or [0] * len(text)
        while start < len(text):
            end = start
            while end < len(text) and owner_list[end] == owner_list[start]:
                end += 1
            for font, chunk in font_runs(text[start:end], face[owner_list[start]]):
                fonts += [font] * len(chunk)
            start = end
    owner = owners or [0] * len(text)
    order = visual_order(text, rtl)
    groups: list[list[tuple[int, int, int]]] = []
    for index, level, part in order:
        if groups:
            last_index, last_level, last_part = groups[-1][-1]
            step = -1 if last_level % 2 else 1
            if (
                last_level == level
                and last_part == part
                and index == last_index + step
                and fonts[index] == fonts[last_index]
                and owner[index] == owner[last_index]
            ):
                groups[-1].append((index, level, part))
                continue
        groups.append([(index, level, part)])
    pieces = []
    for group in groups:
        indices = [i for i, _, _ in group]
        first, last = min(indices), max(indices)
        typed = text[first : last + 1]
        font = fonts[first]
        backwards = bool(group[0][1] % 2)
        if not backwards:
            drawn = typed
        elif any(unicodedata.bidirectional(c) in ("R", "AL") for c in typed):
            drawn = shape(typed, font, size)
        else:
            # Only spaces and punctuation: nothing to shape, and HarfBuzz would take
            # them for left to right. Mirrored as the algorithm's rule L4 asks.
            drawn = "".join(MIRRORED.get(c, c) for c in reversed(typed))
        pieces.append(Piece(font, drawn, typed, backwards, _width(drawn, font, size), owner[first]))
    return pieces


def _needs_work(texts: Iterable[tuple[str, str]]) -> bool:
    """Whether any of these (font, text) has right-to-left text or characters the font lacks."""
    for name, text in texts:
        face = known(name)
        if has_rtl(text) or (face is not None and not face.covers.issuperset(map(ord, text))):
            return True
    return False


def page_text(canvas: Any) -> PageText | None:
    """The canvas's record of the page's text for readers, where it keeps one."""
    layer = getattr(canvas, "page_text", None)
    return layer if isinstance(layer, PageText) else None


class TextObject(PDFTextObject):  # type: ignore[misc]
    """reportlab's text object, able to raise the baseline as its first act, and
    counting the letters it draws for the page's text layer (:mod:`.textlayer`).

    A shaped run whose first glyph sits off the baseline (a Hebrew point, an
    Arabic vowel mark) asks for a rise before anything else is written, and
    reportlab's own ``setRise`` looks at the previous operator, which is not there.
    """

    def _formatText(self, text: str) -> Any:
        layer = page_text(self._canvas)
        if layer is not None:
            layer.count(text)
        return super()._formatText(text)

    def setRise(self, rise: float) -> None:
        if self._code:
            super().setRise(rise)
            return
        self._rise = rise
        self._y -= rise
        self._code.append(f"{fp_str(rise)} Ts")


_SPAN = "cxworkshop_text_span"


def _span_mark(like: Any, label: tuple[str, ...]) -> Any:
    """A piece of a line that draws nothing and opens or closes the line's span."""
    return like.clone(text="", cbDefn=ABag(kind="onDraw", name=_SPAN, label=label))


def _span(canvas: Any, kind: str, label: tuple[str, ...]) -> None:
    """Opens or closes a line's span inside the text object drawing it."""
    layer = page_text(canvas)
    assert layer is not None
    tx = canvas._curr_tx_info["tx"]
    tx._code.append(layer.begin(label[1], label[2]) if label[0] == "begin" else layer.end())


class Paragraph(rl_paragraph.Paragraph):  # type: ignore[misc]
    """reportlab's paragraph, its lines drawn in visual order and in fonts that have each script.

    Lines are broken as typed; only drawing changes, so splitting across pages
    and measuring work as before.
    """

    def beginText(self, x: float, y: float) -> Any:
        return TextObject(self.canv, x, y)

    def _frag_lines(self) -> list[Any]:
        bl = self.blPara
        if bl.kind == 1:
            return list(bl.lines)
        frag = self.frags[0]
        ascent = getattr(bl, "ascent", bl.fontSize)
        descent = getattr(bl, "descent", 0)
        return [
            rl_paragraph.FragLine(
                extraSpace=extra,
                wordCount=len(words),
                lineBreak=False,
                words=[frag.clone(text=" ".join(words))],
                fontSize=bl.fontSize,
                ascent=ascent,
                descent=descent,
                maxWidth=self.width,
                sFW=0,
            )
            for extra, words in bl.lines
        ]

    def _visual_line(self, line: Any, rtl: bool) -> Any:
        marks = [w for w in line.words if hasattr(w, "cbDefn")]
        frags = [w for w in line.words if not hasattr(w, "cbDefn")]
        text = "".join(f.text for f in frags)
        owners = [k for k, f in enumerate(frags) for _ in f.text]
        before = sum(float(rl_paragraph.stringWidth(f.text, f.fontName, f.fontSize)) for f in frags)
        # Spaces at the line's end (an isolate's last ones too) would move to its start
        # in a right-to-left line.
        cut = len(text)
        while cut and text[cut - 1] in (" ", FSI, PDI):
            cut -= 1
        kept = [j for j in range(len(text)) if j < cut or text[j] != " "]
        text, owners = "".join(text[j] for j in kept), [owners[j] for j in kept]
        words = []
        after = 0.0
        pieces = visual_pieces(
            text, [f.fontName for f in frags], frags[0].fontSize if frags else 10, rtl, owners
        )
        for piece in pieces:
            source = frags[piece.owner]
            words.append(source.clone(fontName=piece.font, text=piece.text))
            after += _width(piece.text, piece.font, source.fontSize)
        if pieces and has_rtl(text) and page_text(self.canv) is not None:
            # The line's text as typed goes to readers beside its glyphs (:mod:`.textlayer`).
            begin = _span_mark(frags[0], ("begin", text, pieces[0].typed))
            words = [begin, *words, _span_mark(frags[0], ("end",))]
        return line.clone(words=marks + words, extraSpace=line.extraSpace + before - after)

    def _texts(self) -> Iterator[tuple[str, str]]:
        bl = self.blPara
        if bl.kind == 1:
            for line in bl.lines:
                for w in line.words:
                    if getattr(w, "text", "") and not hasattr(w, "cbDefn"):
                        yield w.fontName, w.text
        else:
            for _, words in bl.lines:
                yield bl.fontName, " ".join(words)

    def drawPara(self, debug: int = 0) -> None:
        if not _needs_work(self._texts()):
            super().drawPara(debug)
            return
        lines = self._frag_lines()
        frags = [w for line in lines for w in line.words]
        plain = "".join(getattr(f, "text", "") for f in frags)
        rtl = reads_rtl(plain)
        kept: tuple[Any, Any] = (getattr(self, "blPara"), getattr(self, "style"))  # noqa: B009
        style = kept[1]
        self.blPara = rl_paragraph.ParaLines(
            kind=1, lines=[self._visual_line(line, rtl) for line in lines]
        )
        if page_text(self.canv) is not None:
            self.canv.setNamedCB(_SPAN, _span)
        if rtl and style.alignment in (TA_LEFT, TA_JUSTIFY):
            self.style = style.clone(style.name, alignment=TA_RIGHT)
        try:
            super().drawPara(debug)
        finally:
            self.blPara, self.style = kept
