"""The charter's typeface: DejaVu Sans, embedded, with a fallback for what it cannot draw.

DejaVu Sans covers Latin (Vietnamese included), Greek and Cyrillic, so names
such as "Zoë Ødegård", "Ελένη Παππά" and "Дмитрий Орлов" are drawn and
embedded as they were typed. Chinese, Japanese and Korean are set in the
standard CID fonts every PDF reader knows (not embedded: the reader supplies
the glyphs), which keeps them searchable. Anything else the fonts lack, such
as emoji, becomes U+FFFD, the replacement character, instead of failing the
export; :class:`Text` remembers which characters were replaced.

Text is drawn in Unicode's composed form (NFC): an accent typed as a separate
combining mark would otherwise be placed by the font's default offset and can
collide with a capital letter. The embedded subsets are put right in two ways
reportlab leaves undone: each subset gets its own six-letter tag, as the PDF
format asks, and characters beyond U+FFFF (DejaVu's emoji faces, for one) copy
out of the PDF as themselves rather than as a broken code.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfdoc, pdfmetrics  # type: ignore[import-untyped]
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


def nfc(text: str) -> str:
    """``text`` in Unicode's composed form, as the charter draws it."""
    return unicodedata.normalize("NFC", text)


def subset_tag(font: str, subset: int) -> str:
    """The six capital letters that name one embedded subset of ``font``.

    Derived from the font's name and the subset's number, so every subset in a
    file has its own tag and the same charter always gets the same tags.
    """
    digest = int.from_bytes(hashlib.sha256(f"{font}/{subset}".encode()).digest()[:8], "big")
    letters = []
    for _ in range(6):
        digest, letter = divmod(digest, 26)
        letters.append(chr(ord("A") + letter))
    return "".join(letters)


def _utf16_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode CMap expects: a surrogate pair past U+FFFF."""
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, subset: list[int]) -> str:
    """The CMap that turns a subset's one-byte codes back into text when copied or searched."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            "<< /Registry (Adobe)",
            "/Ordering (UCS)",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class CharterFont(TTFont):  # type: ignore[misc]
    """A TrueType face embedded in subsets, each with its own tag and a correct ToUnicode map.

    reportlab tags every font's first subset AAAAAA and writes a code past
    U+FFFF into the ToUnicode map as five hex digits, which readers cannot
    read; both are put right once reportlab has made the subsets' objects.
    """

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        internal = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            font = doc.idToObject[internal[n]]
            made = str(font.BaseFont)
            name = subset_tag(self.fontName, n) + made[made.index("+") :]
            font.BaseFont = name
            descriptor = doc.idToObject["fontDescriptor:" + made]
            descriptor.dict["FontName"] = pdfdoc.PDFName(name)
            doc.idToObject["toUnicodeCMap:" + made].content = to_unicode_cmap(name, subset)


@cache
def register() -> frozenset[int]:
    """Register the charter's fonts once per process; return the code points DejaVu draws."""
    fonts = {
        name: CharterFont(name, str(resources.path("fonts", file))) for name, file in FILES.items()
    }
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
        for ch in nfc(text):
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
