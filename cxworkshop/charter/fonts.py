"""The charter's typeface: DejaVu Sans, embedded, with a fallback for what it cannot draw.

DejaVu Sans covers Latin (Vietnamese included), Greek and Cyrillic, so names
such as "Zoë Ødegård", "Ελένη Παππά" and "Дмитрий Орлов" are drawn and
embedded as they were typed. Chinese, Japanese and Korean are set in the
standard CID fonts every PDF reader knows (not embedded: the reader supplies
the glyphs), which keeps them searchable. Anything else the fonts lack, such
as emoji, becomes U+FFFD, the replacement character, instead of failing the
export; :class:`Text` remembers which characters were replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from .. import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}

CHINESE_JAPANESE = "STSong-Light"
KOREAN = "HYSMyeongJo-Medium"
REPLACEMENT = "\ufffd"

# Code points set in the CID fonts rather than replaced: (first, last, font).
_CID_RANGES = (
    (0x1100, 0x11FF, KOREAN),  # Hangul Jamo
    (0x2E80, 0x2FDF, CHINESE_JAPANESE),  # CJK radicals
    (0x3000, 0x30FF, CHINESE_JAPANESE),  # CJK punctuation, Hiragana, Katakana
    (0x3130, 0x318F, KOREAN),  # Hangul compatibility Jamo
    (0x3400, 0x4DBF, CHINESE_JAPANESE),  # CJK extension A
    (0x4E00, 0x9FFF, CHINESE_JAPANESE),  # CJK unified ideographs
    (0xAC00, 0xD7AF, KOREAN),  # Hangul syllables
    (0xF900, 0xFAFF, CHINESE_JAPANESE),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF, CHINESE_JAPANESE),  # full-width forms
)


@cache
def register() -> frozenset[int]:
    """Register the charter's fonts once per process; return the code points DejaVu draws."""
    fonts = {name: TTFont(name, str(resources.path("fonts", file))) for name, file in FILES.items()}
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    # <b> and <i> in paragraphs pick the matching face; there is no bold oblique,
    # so bold wins (emphasis inside emphasis is rare, and bold reads better).
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, OBLIQUE)
    addMapping(REGULAR, 1, 1, BOLD)
    for cid in (CHINESE_JAPANESE, KOREAN):
        pdfmetrics.registerFont(UnicodeCIDFont(cid))
    # The three faces cover the same characters; the regular one speaks for all.
    return frozenset(fonts[REGULAR].face.charToGlyph)


def _cid_font(code: int) -> str | None:
    for first, last, font in _CID_RANGES:
        if first <= code <= last:
            return font
    return None


Run = tuple[str | None, str]
"""A stretch of text and the CID font it needs (None: the charter's own face)."""


@dataclass
class Text:
    """Turns workshop text into what the charter can draw, noting what it had to replace."""

    replaced: set[str] = field(default_factory=set)

    def runs(self, text: str) -> list[Run]:
        """``text`` cut where the font changes; characters no font has become U+FFFD."""
        covered = register()
        out: list[Run] = []
        for ch in text:
            font: str | None = None
            if ord(ch) not in covered and ch not in "\n\t":
                font = _cid_font(ord(ch))
                if font is None:
                    self.replaced.add(ch)
                    ch = REPLACEMENT
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def markup(self, text: str) -> str:
        """``text`` as paragraph markup: escaped, line breaks kept, other scripts in their font."""
        out = []
        for font, chunk in self.runs(text):
            escaped = escape(chunk).replace("\n", "<br/>")
            out.append(f'<font name="{font}">{escaped}</font>' if font else escaped)
        return "".join(out)

    def join(self, parts: Iterable[str], sep: str = ", ") -> str:
        """Several texts as markup, joined by ``sep`` (itself plain text)."""
        return escape(sep).join(self.markup(p) for p in parts)

    def width(self, text: str, font: str, size: float) -> float:
        """How wide ``text`` is drawn in ``font`` (with its fallbacks) at ``size``."""
        return sum(float(stringWidth(chunk, cid or font, size)) for cid, chunk in self.runs(text))

    def draw(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
        """Draw ``text`` on a canvas from (x, y), switching fonts where a script needs it."""
        for cid, chunk in self.runs(text):
            canvas.setFont(cid or font, size)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, cid or font, size)
