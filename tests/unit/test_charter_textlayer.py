"""The text each reader is given for a line with right-to-left text.

The readers' reorderings are modelled from their sources (and, for PDFium's
actual text, measured; see cxworkshop/charter/textlayer.py); the export tests
in test_charter_scripts.py check the charter against the real pdftotext and
PDFium. Here: for any line a team can type, what each reader is given turns
back into that line, and the spans sit where a tagged PDF allows them.
"""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from cxworkshop.charter import Paper, pdf_bytes
from cxworkshop.charter.fonts import REGULAR, register
from cxworkshop.charter.textlayer import (
    INNER_TAG,
    LRM,
    RLM,
    PageText,
    for_pdfium,
    for_poppler,
    pdfium_reading,
    poppler_reading,
)
from cxworkshop.domain.demo_scripts import workshop_in

LINES = st.text(
    st.sampled_from(list("אבגד שלום ابتث ليلى ٣٤ abc NPS 0123 42% .,:;-+#$/()[]«»“”‘’·→✓")),
    max_size=30,
)


def without_marks(text: str) -> str:
    return text.replace(LRM, "").replace(RLM, "")


@settings(max_examples=400)
@given(line=LINES, rtl_page=st.booleans())
def test_poppler_reads_back_any_line_as_typed(line: str, rtl_page: bool):
    given_text = for_poppler(line, rtl_page)
    assert without_marks(poppler_reading(given_text, rtl_page)) == line


@settings(max_examples=400)
@given(left=LINES, line=LINES, right=LINES, rtl_page=st.booleans())
def test_text_beside_a_line_in_poppler_keeps_to_itself(
    left: str, line: str, right: str, rtl_page: bool
):
    # Another span on the same line (a table cell beside it) is read with it.
    parts = [for_poppler(p, rtl_page) for p in (left, line, right)]
    if rtl_page:
        # On a right-to-left page the first text is the rightmost.
        parts.reverse()
    read = without_marks(poppler_reading(" ".join(parts), rtl_page))
    assert read == f"{left} {line} {right}"


@settings(max_examples=400)
@given(line=LINES, reversed_in=st.booleans())
def test_pdfium_reads_back_any_line_as_typed(line: str, reversed_in: bool):
    assert pdfium_reading(for_pdfium(line, reversed_in), reversed_in) == line


def test_a_right_to_left_title_ending_in_a_year_is_given_to_each_reader_its_way():
    title = "אמנת חוויית הלקוח 2027"
    # Poppler on a page it reads left to right takes the year for the line's start
    # unless the Hebrew is given turned round and set apart from the year.
    assert for_poppler(title, False) == f"{LRM}חוקלה תייווח תנמא{LRM} 2027{LRM}"
    assert poppler_reading("2027 חוקלה תייווח תנמא", False) != title
    # PDFium reverses the runs of a right-to-left line: it is given them reversed.
    assert for_pdfium(title, False) == "2027 הלקוח חוויית אמנת"


def _line_pdf(glyphs: list[str], typed: str, before: str | None) -> bytes:
    """One line drawn as ``glyphs`` (left to right) in a span for ``typed``, after a
    line ``before`` (drawn without a span) if given."""
    register()
    out = io.BytesIO()
    canvas = Canvas(out)
    layer = PageText()
    if before is not None:
        canvas.setFont(REGULAR, 12)
        canvas.drawString(50, 740, before)
        layer.count(before)
    canvas._code.append(layer.begin(typed, glyphs[0]))
    text = canvas.beginText(50, 700)
    for piece in glyphs:
        text.setFont(REGULAR, 12)
        text.textOut(piece)
    canvas.drawText(text)
    canvas._code.append(layer.end())
    layer.resolve(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_pdfium_reads_a_span_as_typed_whatever_came_before_it():
    # What PDFium met before a span changes how it collects the span's text.
    typed = "אמנת חוויית הלקוח 2027"
    for before in (None, "Agreed", "תשר"):
        data = _line_pdf(["2027", " חוקלה תייווח תנמא"], typed, before)
        read = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
        assert read.splitlines()[-1] == typed, before


def test_spans_nest_inside_the_tagged_content_and_resolve_fully():
    ws = workshop_in("he")
    data = pdf_bytes(ws, Paper.LETTER)
    outermost: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        spans = 0
        for page in pdf.pages:
            # Every span's text for Poppler was written in once the page was whole.
            assert b"\x00" not in page.Contents.read_bytes()
            stack: list[tuple[str, bool]] = []  # (tag, holds an MCID)
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "BDC":
                    tag, props = str(operands[0]), operands[1]
                    if tag == "/Span" and "/ActualText" in props:
                        spans += 1
                        # Inside what the structure tree knows (or page furniture).
                        assert stack and (stack[0][1] or stack[0][0] == "/Artifact"), stack
                        if stack[-1][0] != "/Span":
                            outermost.append(str(props.ActualText))
                    if tag == f"/{INNER_TAG}":
                        assert stack[-1][0] == "/Span"
                    stack.append((tag, "/MCID" in props))
                elif op == "BMC":
                    stack.append((str(operands[0]), False))
                elif op == "EMC":
                    stack.pop()
            assert stack == []
        assert spans > 20
    # What the format says a reader takes, and a screen reader says: the line as typed.
    assert ws.title in outermost
    assert any(t.startswith(f"✓ Signed by {ws.sponsor_name} on ") for t in outermost)
