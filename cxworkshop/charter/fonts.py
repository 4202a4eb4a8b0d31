"""The charter's typefaces: DejaVu Sans, embedded, with per-character fallbacks.

DejaVu Sans covers Latin (Vietnamese included), Greek, Cyrillic, Hebrew and
Arabic, so names such as "Zoë Ødegård", "Ελένη Παππά", "דנה לוי" and
"ليلى حداد" are drawn from it. Its oblique face has no Arabic: Arabic in
italic falls back to the upright face, which has it. Chinese, Japanese and
Korean come from TrueType fonts found on the system (:data:`SYSTEM_FONTS`
lists where, and which Debian package installs each); all fonts are embedded
as subsets, none is left for the reader to supply.

Text is cut into runs by which font has each character, checked against each
font's own character map, in the order the face asks for: the face itself,
then the upright face, then the CJK fonts in the order the language asks for
(Japanese text in a Japanese font, Korean in a Korean one, other Han in a
Chinese one). Anything no font has, such as most emoji, becomes U+FFFD, the
replacement character, instead of failing the export; :class:`Text`
remembers which characters were replaced.

Text is drawn in Unicode's composed form (NFC): an accent typed as a separate
combining mark would otherwise be placed by the font's default offset and can
collide with a capital letter. The embedded subsets are put right in ways
reportlab leaves undone: each subset gets its own six-letter tag, as the PDF
format asks; characters beyond U+FFFF (DejaVu's emoji faces, for one) copy
out of the PDF as themselves rather than as a broken code; and a shaped glyph
(an Arabic letter in its joined form, a ligature) copies out as the letters
that were typed, not as a presentation form or a private code.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfdoc, pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from .. import resources
from .direction import INVISIBLE, has_rtl, isolate

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}
REPLACEMENT = "\ufffd"

CHINESE = "zh"
JAPANESE = "ja"
KOREAN = "ko"


@dataclass(frozen=True)
class SystemFont:
    """A CJK face the charter looks for on the system: the files tried, in order."""

    name: str
    language: str
    bold: bool
    files: tuple[tuple[str, int], ...]
    """(path, which font in a collection): Debian's first, then Windows' and macOS's."""
    package: str
    """The Debian package that installs the first file."""


def _windows(file: str) -> str:
    return os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts", file)


SYSTEM_FONTS = (
    SystemFont(
        "CJK-Chinese",
        CHINESE,
        False,
        (
            ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            (_windows("msyh.ttc"), 0),
            (_windows("simsun.ttc"), 0),
            ("/Library/Fonts/Arial Unicode.ttf", 0),
        ),
        "fonts-wqy-microhei",
    ),
    SystemFont(
        "CJK-Japanese",
        JAPANESE,
        False,
        (
            ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
            ("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf", 0),
            (_windows("msgothic.ttc"), 0),
        ),
        "fonts-ipafont-gothic",
    ),
    SystemFont(
        "CJK-Korean",
        KOREAN,
        False,
        (
            ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 0),
            (_windows("malgun.ttf"), 0),
            ("/System/Library/Fonts/AppleSDGothicNeo.ttc", 0),
        ),
        "fonts-nanum",
    ),
    SystemFont(
        "CJK-Korean-Bold",
        KOREAN,
        True,
        (
            ("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf", 0),
            (_windows("malgunbd.ttf"), 0),
        ),
        "fonts-nanum",
    ),
)
"""Where the CJK fonts are looked for: on Debian and Ubuntu, WenQuanYi Micro Hei, IPA
Gothic and Nanum Gothic (regular and bold). Only TrueType outlines can be embedded: a
file with PostScript (CFF) outlines is passed over for the next. No face but the Korean
has a bold, nor any an italic: bold Chinese and Japanese, and all italic CJK, fall back
to the upright face. A font that is not found is no error: the characters only it has
are named by the export as ones no font could draw."""

HAN_ORDER = {
    CHINESE: (CHINESE, JAPANESE, KOREAN),
    JAPANESE: (JAPANESE, CHINESE, KOREAN),
    KOREAN: (KOREAN, CHINESE, JAPANESE),
}
"""Which CJK font is asked first for a character several have, by language."""

_language: ContextVar[str | None] = ContextVar("charter_language", default=None)


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


def _utf16_hex(text: str) -> str:
    """Text as the UTF-16BE hex a ToUnicode CMap expects: surrogate pairs past U+FFFF."""
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, subset: list[int], actual: dict[int, str] | None = None) -> str:
    """The CMap that turns a subset's one-byte codes back into text when copied or searched.

    ``actual`` gives the typed text of codes that stand for a shaped glyph.
    """
    actual = actual or {}
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
            *(
                f"<{i:02X}> <{_utf16_hex(actual.get(code, chr(code)))}>"
                for i, code in enumerate(subset)
            ),
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
    Shaping draws glyphs that have no character of their own (or only a
    presentation form); :attr:`actual` records the typed text each stands for.
    """

    def __init__(self, name: str, path: str, subfont: int = 0) -> None:
        super().__init__(name, path, subfontIndex=subfont)
        self.covers = frozenset(self.face.charToGlyph)
        """The characters this face has, read from its character map when loaded."""
        self.actual: dict[int, str] = {}

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
            doc.idToObject["toUnicodeCMap:" + made].content = to_unicode_cmap(
                name, subset, self.actual
            )

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        """How wide ``text`` is drawn from this face, each character in the font that has it."""
        if self.covers.issuperset(map(ord, text)) or self.fontName not in FILES:
            return float(super().stringWidth(text, size, encoding))
        return sum(
            float(TTFont.stringWidth(charter_font(name), chunk, size, encoding))
            for name, chunk in font_runs(text.translate(INVISIBLE), self.fontName)
        )


@cache
def _bundled() -> dict[str, CharterFont]:
    """The faces the app ships: DejaVu Sans, upright, bold and oblique."""
    return {
        name: CharterFont(name, str(resources.path("fonts", file))) for name, file in FILES.items()
    }


@cache
def _found() -> dict[str, SystemFont]:
    """The system fonts one of whose files is there (not loaded yet), by name."""
    return {f.name: f for f in SYSTEM_FONTS if any(os.path.isfile(path) for path, _ in f.files)}


@cache
def _load(name: str) -> CharterFont | None:
    bundled = _bundled()
    if name in bundled:
        return bundled[name]
    system = _found().get(name)
    if system is None:
        return None  # not one of the charter's fonts: a standard one, with no fallbacks
    for path, index in system.files:
        if not os.path.isfile(path):
            continue
        try:
            loaded = CharterFont(name, path, index)
        except TTFError:
            continue  # PostScript outlines, or a damaged file: try the next
        pdfmetrics.registerFont(loaded)
        return loaded
    return None


def charter_font(name: str) -> CharterFont:
    """One of the charter's fonts by name, loaded (and registered) the first time it is asked for.

    The CJK fonts are large: a charter with no Chinese, Japanese or Korean never loads them.
    """
    loaded = _load(name)
    if loaded is None:
        raise KeyError(name)
    return loaded


def _covers(name: str, code: int) -> bool:
    loaded = _load(name)
    return loaded is not None and code in loaded.covers


def known(name: str) -> CharterFont | None:
    """The charter's font called ``name``, or None for another font (a standard one)."""
    return _load(name) if name in FILES or name in _found() else None


@cache
def register() -> frozenset[int]:
    """Register the bundled faces once per process; return the code points they draw."""
    fonts = _bundled()
    for face in fonts.values():
        pdfmetrics.registerFont(face)
    # <b> and <i> in paragraphs pick the matching face; there is no bold oblique,
    # so bold wins (emphasis inside emphasis is rare, and bold reads better).
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, OBLIQUE)
    addMapping(REGULAR, 1, 1, BOLD)
    return frozenset().union(*(face.covers for face in fonts.values()))


@cache
def drawable(code: int) -> bool:
    """Whether some font the charter has draws the character ``code``."""
    return code in register() or any(_covers(name, code) for name in _found())


def available(language: str) -> list[str]:
    """The names of the system fonts found for ``language``, bold first."""
    return [
        f.name
        for f in sorted(SYSTEM_FONTS, key=lambda f: not f.bold)
        if f.language == language and f.name in _found()
    ]


_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def language_of(texts: Iterable[str], tag: str | None = None) -> str | None:
    """The CJK language to set Han characters for: from ``tag`` (a language tag such as
    "ja-JP") when given, else Japanese where kana are typed, Korean where Hangul are."""
    if tag:
        primary = tag.split("-")[0].lower()
        return primary if primary in HAN_ORDER else None
    hangul = False
    for text in texts:
        if _KANA.search(text):
            return JAPANESE
        hangul = hangul or _HANGUL.search(text) is not None
    return KOREAN if hangul else None


@contextmanager
def writing_in(language: str | None) -> Iterator[None]:
    """Set Han characters for ``language`` (None: Chinese first) while a PDF is laid out."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


@cache
def chain(face: str, language: str | None = None) -> tuple[str, ...]:
    """The fonts asked, in order, for a character drawn in ``face``.

    The face itself; then, for bold and italic, the upright face (italic Arabic is
    set upright: the oblique face has none); then the CJK fonts, bold before regular
    in a bold face, in the order ``language`` asks for.
    """
    found = _found()
    order: list[str] = [face]
    if face != REGULAR and face in FILES:
        order.append(REGULAR)
    if face in FILES:
        for lang in HAN_ORDER[language or CHINESE]:
            # Bold before regular within each language: Nanum's bold, then its regular.
            for bold in (True, False) if face == BOLD else (False,):
                order += [
                    f.name
                    for f in SYSTEM_FONTS
                    if f.language == lang and f.bold == bold and f.name in found
                ]
    return tuple(order)


def font_for(ch: str, face: str, language: str | None = None) -> str | None:
    """The first font in ``face``'s chain that has ``ch``; None when none has it."""
    code = ord(ch)
    if language is None:
        language = _language.get()
    # Kana are Japanese and Hangul Korean whatever the workshop's language.
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        language = JAPANESE
    elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        language = KOREAN
    for name in chain(face, language):
        if _covers(name, code):
            return name
    return None


_NEUTRAL = frozenset({"WS", "CS", "ON", "S"})

Run = tuple[str, str]
"""A stretch of text and the font that draws it."""


def font_runs(text: str, face: str, language: str | None = None) -> list[Run]:
    """``text`` cut where the font that has its characters changes, in the order typed.

    Spaces, line breaks and tabs stay with the run around them; a character no font
    has is left in ``face`` (:meth:`Text.markup` has replaced it by then).
    """
    out: list[Run] = []
    for ch in text:
        if out and (
            ch in " \n\t"
            or (
                unicodedata.bidirectional(ch) in _NEUTRAL
                and ord(ch) in charter_font(out[-1][0]).covers
            )
        ):
            # Spaces and punctuation stay in the font of the run they follow.
            font = out[-1][0]
        else:
            font = font_for(ch, face, language) or face
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


@dataclass
class Text:
    """Turns workshop text into what the charter can draw, noting what it had to replace."""

    replaced: set[str] = field(default_factory=set)

    def clean(self, text: str) -> str:
        """``text`` in NFC, each character no font has replaced by U+FFFD (and noted)."""
        text = nfc(text)
        if register().issuperset(map(ord, text)):
            return text
        out = []
        for ch in text:
            if not drawable(ord(ch)) and ch not in "\n\t" and ord(ch) not in INVISIBLE:
                self.replaced.add(ch)
                ch = REPLACEMENT
            out.append(ch)
        return "".join(out)

    def markup(self, text: str) -> str:
        """``text`` as paragraph markup: cleaned, escaped, line breaks kept, and set
        apart from the words around it when it has right-to-left text (:func:`isolate`).

        Fonts for other scripts and right-to-left order are chosen as each line is
        drawn (:class:`.scripts.Paragraph`), in the face the line is set in.
        """
        return escape(isolate(self.clean(text))).replace("\n", "<br/>")

    def join(self, parts: Iterable[str], sep: str = ", ") -> str:
        """Several texts as markup, joined by ``sep`` (itself plain text)."""
        return escape(sep).join(self.markup(p) for p in parts)

    def width(self, text: str, font: str, size: float) -> float:
        """How wide ``text`` is drawn in ``font`` (with its fallbacks) at ``size``."""
        return float(pdfmetrics.stringWidth(self.clean(text), font, size))

    def draw(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
        """Draw one line of ``text`` from (x, y): each script in a font that has it,
        right-to-left runs in visual order and shaped."""
        from .scripts import page_text, visual_pieces

        text = self.clean(text)
        face = known(font)
        if face is not None and not has_rtl(text) and face.covers.issuperset(map(ord, text)):
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
            return
        pieces = visual_pieces(text, font, size)
        layer = page_text(canvas) if pieces and has_rtl(text) else None
        if layer is not None:
            canvas._code.append(layer.begin(text, pieces[0].typed))
        for piece in pieces:
            canvas.setFont(piece.font, size)
            canvas.drawString(x, y, piece.text)
            x += piece.width
        if layer is not None:
            canvas._code.append(layer.end())
