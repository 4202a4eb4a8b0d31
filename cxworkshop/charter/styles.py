"""How the charter looks: paper, margins, type sizes and colours.

Type is generous (11 pt body, 20 pt section headings) so a page read on a
phone needs little zooming, and the hierarchy is clear at a glance: page
one's title, the vision and the three priorities are the largest things in
the document. Colours are the app's own; each one comes with a word or a
symbol, so the charter reads the same printed in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4, LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]

from ..domain.model import Pillar, Role
from .fonts import BOLD, OBLIQUE, REGULAR
from .paper import Paper

INK = HexColor("#15191E")
MUTED = HexColor("#555F6B")
ACCENT = HexColor("#1F5BC4")
ACCENT_TINT = HexColor("#EAF0FB")
RULE = HexColor("#CDD3DA")
HAIRLINE = HexColor("#E3E7EC")
STRIPE = HexColor("#F6F7F9")
DRAFT_INK = HexColor("#8A5300")
DRAFT_TINT = HexColor("#FFF3D6")
WATERMARK = Color(0.55, 0.33, 0.0, alpha=0.07)
WHITE = HexColor("#FFFFFF")

# The app's pillar colours (Okabe–Ito: told apart with every common colour-vision
# deficiency) and symbols; the symbol and the pillar's name always go with the colour.
PILLAR_COLOURS = {
    Pillar.WIN: HexColor("#0072B2"),
    Pillar.KEEP: HexColor("#D55E00"),
    Pillar.ADVOCATE: HexColor("#009E73"),
}
PILLAR_SYMBOLS = {Pillar.WIN: "▲", Pillar.KEEP: "●", Pillar.ADVOCATE: "♥"}

# RACI cells carry their letter; the fill only makes an Accountable stand out.
ROLE_FILLS = {
    Role.ACCOUNTABLE: HexColor("#B3261E"),
    Role.RESPONSIBLE: HexColor("#DCEBF7"),
    Role.CONSULTED: None,
    Role.INFORMED: None,
}
ROLE_TEXT = {
    Role.ACCOUNTABLE: WHITE,
    Role.RESPONSIBLE: HexColor("#0B5A8C"),
    Role.CONSULTED: HexColor("#7A4A00"),
    Role.INFORMED: HexColor("#555F6B"),
}
ROLE_MEANINGS = {
    Role.ACCOUNTABLE: "answers for the outcome; exactly one per goal",
    Role.RESPONSIBLE: "does the work; at least one per goal",
    Role.CONSULTED: "asked before decisions are made",
    Role.INFORMED: "kept up to date on progress",
}


@dataclass(frozen=True)
class Layout:
    """A page's size and the margins the content keeps to, in points."""

    width: float
    height: float
    left: float = 54.0
    right: float = 54.0
    top: float = 64.0
    bottom: float = 60.0

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def layout(paper: Paper) -> Layout:
    """Portrait pages: every section but the matrix."""
    width, height = A4 if paper is Paper.A4 else LETTER
    return Layout(width, height)


def landscape(paper: Paper) -> Layout:
    """Landscape pages for the accountability matrix: room for twenty columns and the goals."""
    width, height = A4 if paper is Paper.A4 else LETTER
    return Layout(height, width, top=58, bottom=50)


def _style(name: str, size: float, leading: float, **more: object) -> ParagraphStyle:
    options: dict[str, object] = {"fontName": REGULAR, "textColor": INK}
    options.update(more)
    return ParagraphStyle(name, fontSize=size, leading=leading, **options)


class Styles:
    """Every paragraph style the charter uses (shared, never changed)."""

    body: ParagraphStyle = _style("body", 11, 16)
    body_muted: ParagraphStyle = _style("body-muted", 11, 16, textColor=MUTED)
    body_spaced: ParagraphStyle = _style("body-spaced", 11, 16, spaceBefore=4, spaceAfter=6)
    quote: ParagraphStyle = _style("quote", 10.5, 15, fontName=OBLIQUE, textColor=MUTED)
    tick: ParagraphStyle = _style("tick", 11, 16, fontName=BOLD, textColor=ACCENT)
    small: ParagraphStyle = _style("small", 9.5, 13, textColor=MUTED)
    kicker: ParagraphStyle = _style("kicker", 9.5, 13, fontName=BOLD, textColor=MUTED)
    title: ParagraphStyle = _style("title", 28, 34, fontName=BOLD)
    subtitle: ParagraphStyle = _style("subtitle", 13, 18, textColor=MUTED)
    fact: ParagraphStyle = _style("fact", 13, 17, fontName=BOLD)
    fact_compact: ParagraphStyle = _style("fact-compact", 11, 14, fontName=BOLD)
    fact_small: ParagraphStyle = _style("fact-small", 10, 12.5, fontName=BOLD)
    fact_note: ParagraphStyle = _style("fact-note", 10, 13, textColor=MUTED)
    vision: ParagraphStyle = _style("vision", 17, 24.5, fontName=OBLIQUE)
    vision_full: ParagraphStyle = _style("vision-full", 12.5, 19, fontName=OBLIQUE)
    h1: ParagraphStyle = _style(
        "h1", 20, 25, fontName=BOLD, spaceBefore=26, spaceAfter=4, keepWithNext=1
    )
    h2: ParagraphStyle = _style("h2", 14, 19, fontName=BOLD, spaceBefore=14, spaceAfter=6)
    intro: ParagraphStyle = _style("intro", 11, 16, textColor=MUTED, spaceAfter=10)
    priority_title: ParagraphStyle = _style("priority-title", 15, 20, fontName=BOLD)
    priority_title_compact: ParagraphStyle = _style(
        "priority-title-compact", 12, 15.5, fontName=BOLD
    )
    priority_title_small: ParagraphStyle = _style("priority-title-small", 10.5, 13, fontName=BOLD)
    priority_rank: ParagraphStyle = _style(
        "priority-rank", 24, 28, fontName=BOLD, textColor=ACCENT, alignment=TA_CENTER
    )
    priority_rank_compact: ParagraphStyle = _style(
        "priority-rank-compact", 18, 22, fontName=BOLD, textColor=ACCENT, alignment=TA_CENTER
    )
    cell: ParagraphStyle = _style("cell", 10.5, 14)
    cell_bold: ParagraphStyle = _style("cell-bold", 10.5, 14, fontName=BOLD)
    cell_muted: ParagraphStyle = _style("cell-muted", 9.5, 13, textColor=MUTED)
    cell_hanging: ParagraphStyle = _style(
        "cell-hanging", 10.5, 14, leftIndent=15, firstLineIndent=-15
    )
    cell_hanging_bold: ParagraphStyle = _style(
        "cell-hanging-bold", 10.5, 14, fontName=BOLD, leftIndent=15, firstLineIndent=-15
    )
    cell_small: ParagraphStyle = _style("cell-small", 9.5, 12.5)
    cell_centre: ParagraphStyle = _style("cell-centre", 10.5, 14, alignment=TA_CENTER)
    cell_rank_top: ParagraphStyle = _style(
        "cell-rank-top", 10.5, 14, fontName=BOLD, textColor=ACCENT, alignment=TA_CENTER
    )
    list_rank: ParagraphStyle = _style(
        "list-rank", 15, 18, fontName=BOLD, textColor=ACCENT, alignment=TA_LEFT
    )
    cell_head: ParagraphStyle = _style("cell-head", 9, 12, fontName=BOLD, textColor=MUTED)
    cell_head_centre: ParagraphStyle = _style(
        "cell-head-centre", 9, 12, fontName=BOLD, textColor=MUTED, alignment=TA_CENTER
    )
    band: ParagraphStyle = _style("band", 10.5, 14, textColor=DRAFT_INK, alignment=TA_LEFT)


STYLES = Styles()
