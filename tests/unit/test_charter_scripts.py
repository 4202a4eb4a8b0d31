"""The charter and the progress report in the scripts teams write in.

An Arabic, a Hebrew, a Chinese, a Japanese and a Korean workshop are exported
and read back as a reader would: pdffonts-like checks of the font
dictionaries (every font embedded), Poppler's pdftotext and PDFium (pypdfium2)
for the text layer (each text whole, in the order typed), and each character
checked against the character map of the font that draws it, then each line of
text rendered by PDFium and checked for ink.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from io import BytesIO
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from bidi import get_display
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from cxworkshop.charter import Paper, export_changes, export_report, pdf_bytes
from cxworkshop.charter.document import build
from cxworkshop.charter.fonts import (
    BOLD,
    FILES,
    OBLIQUE,
    REGULAR,
    SYSTEM_FONTS,
    chain,
    charter_font,
    drawable,
    known,
    register,
)
from cxworkshop.charter.scripts import has_rtl, reads_rtl, visual_order, visual_pieces
from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.demo_scripts import TEXTS, workshop_in
from cxworkshop.domain.model import Commitment, Workshop

LANGUAGES = tuple(TEXTS)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def skip_or_fail(why: str) -> None:
    """Skip where the system lacks what a test needs; in CI, which installs it all
    (.ci/run), fail instead, so a missing package cannot pass unnoticed."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test, but it {why}")
    pytest.skip(why)


@pytest.fixture(autouse=True)
def _pdftotext() -> None:
    if shutil.which("pdftotext") is None:
        skip_or_fail("needs pdftotext (poppler-utils)")


def skip_without_fonts_for(language: str) -> None:
    """Skip where the system lacks the CJK fonts (CI installs them: .ci/run)."""
    packages = {f.package for f in SYSTEM_FONTS if f.language == language and known(f.name) is None}
    if packages:
        skip_or_fail(f"needs the fonts of {', '.join(sorted(packages))}")


def typed(ws: Workshop) -> list[str]:
    """Everything the team typed that the charter prints."""
    out = [ws.title, ws.organisation, ws.facilitator, ws.sponsor_name, ws.sponsor_title, ws.vision]
    out += [f.name for f in ws.functions]
    out += [p.name for p in ws.participants] + [p.role_title for p in ws.participants]
    out += [g.title for g in ws.goals] + [g.metric for g in ws.goals]
    out += [a.text for a in ws.asks] + [a.due for a in ws.asks]
    out += [c.text for c in ws.commitments]
    return [t for t in out if t]


def squeeze(text: str) -> str:
    """Text with bidi marks and all white space gone: lines wrap anywhere, CJK without spaces."""
    return "".join(BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", text)).split())


def extracted(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdfium_extracted(data: bytes) -> str:
    """The text PDFium gives, as Chrome's viewer copies it: page by page."""
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))


def reads_as_typed(text: str, extraction: str) -> bool:
    """Whether ``text`` comes out of ``extraction`` whole and in the order typed, or,
    where PDFium reads a table row across its cells (the other cells of the row
    after a wrapped cell's first line), as a line that holds its first part and
    the next line, which starts with the rest."""
    wanted, lines = squeeze(text), [squeeze(line) for line in extraction.splitlines()]
    if wanted in "".join(lines):
        return True
    return any(
        wanted[:cut] in line and after.startswith(wanted[cut:])
        for line, after in pairwise(lines)
        for cut in range(1, len(wanted))
    )


def fonts_of(data: bytes) -> dict[str, dict]:
    """Each font the PDF uses, by base name, with its descriptor."""
    found = {}
    for page in PdfReader(BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def to_unicode(font: dict) -> dict[int, str]:
    cmap = font["/ToUnicode"].get_object().get_data().decode()
    return {
        int(code, 16): bytes.fromhex(text).decode("utf-16-be")
        for code, text in re.findall(r"<([0-9A-F]{2})> <((?:[0-9A-F]{4})+)>", cmap)
    }


@pytest.fixture(scope="module", params=[(lang, paper) for lang in LANGUAGES for paper in Paper])
def exported(request: pytest.FixtureRequest) -> tuple[str, Workshop, bytes]:
    language, paper = request.param
    skip_without_fonts_for(language)
    ws = workshop_in(language)
    return language, ws, pdf_bytes(ws, paper)


def test_every_font_is_embedded(exported: tuple[str, Workshop, bytes], tmp_path: Path):
    _, _, data = exported
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = listed.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        # name, type, encoding, then "emb sub uni" as yes/no, then the object.
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row
    for name, font in fonts_of(data).items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, name
        assert str(font["/Subtype"]) == "/TrueType", name


def test_every_text_extracts_in_the_order_it_was_typed(
    exported: tuple[str, Workshop, bytes], tmp_path: Path
):
    _, ws, data = exported
    poppler = squeeze(extracted(data, tmp_path))
    pdfium_text = pdfium_extracted(data)
    for text in typed(ws):
        # Whole texts: numbers and Latin inside right-to-left ones, right-to-left
        # names inside English lines, each in the place it was typed.
        assert squeeze(text) in poppler, text
        assert reads_as_typed(text, pdfium_text), text


def rtl_letters(text: str) -> str:
    return "".join(ch for ch in squeeze(text) if unicodedata.bidirectional(ch) in ("R", "AL"))


def only_letters(text: str) -> str:
    return "".join(ch for ch in squeeze(text) if unicodedata.category(ch)[0] in "LM")


@pytest.mark.parametrize("paper", list(Paper))
def test_a_right_to_left_title_ending_in_a_year_extracts_in_the_order_typed(
    paper: Paper, tmp_path: Path
):
    ws = workshop_in("he")
    assert ws.title == "אמנת חוויית הלקוח 2027"
    data = pdf_bytes(ws, paper)
    assert squeeze(ws.title) in squeeze(extracted(data, tmp_path))
    assert squeeze(ws.title) in squeeze(pdfium_extracted(data))


@pytest.mark.parametrize("language", ["he", "ar"])
def test_a_right_to_left_name_in_an_english_line_extracts_in_the_order_typed(
    language: str, tmp_path: Path
):
    ws = workshop_in(language)
    data = pdf_bytes(ws)
    line = squeeze(f"Signed by {ws.sponsor_name} on")
    assert line in squeeze(extracted(data, tmp_path))
    assert line in squeeze(pdfium_extracted(data))


def test_the_document_title_reads_as_typed(exported: tuple[str, Workshop, bytes]):
    """The title a reader's window and bookmarks show is plain text in the order typed."""
    _, ws, data = exported
    reader = PdfReader(BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == ws.title


def test_japanese_is_set_in_a_japanese_font_and_korean_in_a_korean_one(
    exported: tuple[str, Workshop, bytes],
):
    language, _, data = exported
    names = " ".join(fonts_of(data))
    expected = {"zh": "WenQuanYi", "ja": "IPAGothic", "ko": "NanumGothic"}
    for lang, font in expected.items():
        assert (font in names) == (lang == language), (language, names)
    if language == "ko":
        # Bold Korean (the names of the Accountables, the title) has a face of its own.
        assert "NanumGothicBold" in names


def test_every_drawn_character_is_in_the_font_that_draws_it(
    exported: tuple[str, Workshop, bytes],
):
    _, _, data = exported
    loaded = [known(n) for n in (*FILES, *(f.name for f in SYSTEM_FONTS))]
    ours = {f.face.name.decode(): f for f in loaded if f is not None}
    for base, pdf_font in fonts_of(data).items():
        loaded = ours[re.sub(r"-\d+$", "", base.split("+", 1)[1])]
        for text in to_unicode(pdf_font).values():
            if len(text) == 1 and unicodedata.category(text)[0] != "C":
                # Either the font has the character, or a glyph of its own (a joined
                # form) was drawn for it, and the character is what it copies out as.
                assert ord(text) in loaded.covers or text in loaded.actual.values(), (base, text)


def test_the_quick_look_for_right_to_left_text_misses_no_character():
    for code in range(0x110000):
        if unicodedata.bidirectional(chr(code)) in ("R", "AL", "AN", "RLE", "RLO", "RLI"):
            assert has_rtl(chr(code)), hex(code)


def test_every_line_of_text_has_ink(exported: tuple[str, Workshop, bytes]):
    _, _, data = exported
    document = pdfium.PdfDocument(data)
    for page in document:
        scale = 2
        image = page.render(scale=scale, grayscale=True).to_pil()
        height = page.get_height()
        text = page.get_textpage()
        for i in range(text.count_rects()):
            left, bottom, right, top = text.get_rect(i)
            if right - left < 2 or top - bottom < 2:
                continue
            box = image.crop(
                (
                    int(left * scale),
                    int((height - top) * scale),
                    int(right * scale) + 1,
                    int((height - bottom) * scale) + 1,
                )
            )
            darkest, _ = box.getextrema()
            assert darkest < 160, (i, text.get_text_bounded(left, bottom, right, top))


@pytest.mark.parametrize("face", [REGULAR, BOLD, OBLIQUE])
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_face_draws_each_script_from_a_font_that_has_it(face: str, language: str):
    skip_without_fonts_for(language)
    register()
    ws = workshop_in(language)
    for text in typed(ws):
        for piece in visual_pieces(text, face, 10):
            assert all(ord(ch) in charter_font(piece.font).covers for ch in piece.typed), (
                face,
                text,
            )
            assert piece.font in chain(face, None) or piece.font in chain(face, language)


def test_italic_arabic_falls_back_to_the_upright_face():
    register()
    pieces = visual_pieces("Ask ليلى حداد", OBLIQUE, 10)
    assert [p.font for p in pieces] == [OBLIQUE, REGULAR]
    assert pieces[1].rtl


def test_a_hebrew_goal_with_a_figure_reads_right_to_left_with_the_figure_left_to_right():
    text = "להעלות NPS 42% עכשיו"
    order = [i for i, _, _ in visual_order(text)]
    seen = "".join(text[i] for i in order)
    # The Latin and the number keep their order; the Hebrew words run right to left.
    assert "NPS 42%" in seen
    assert seen.index("עכשיו"[::-1]) < seen.index("NPS") < seen.index("להעלות"[::-1])


def test_the_progress_report_in_arabic_and_japanese(tmp_path: Path):
    for language in ("ar", "ja"):
        skip_without_fonts_for(language)
        ws = workshop_in(language)
        path = tmp_path / f"report-{language}.pdf"
        export_report(ws, path)
        data = path.read_bytes()
        poppler, pdfium_text = extracted(data, tmp_path), pdfium_extracted(data)
        for text in (ws.title, ws.goals[0].title, ws.participants[0].name):
            assert squeeze(text) in squeeze(poppler), text
            assert reads_as_typed(text, pdfium_text), text
        for name, font in fonts_of(data).items():
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


WORDS = st.sampled_from(
    [
        *("ليلى", "حداد", "خدمة", "שלום", "עולם", "NPS", "42%", "Zoë", "客户", "体验", "고객"),
        *("顧客", "(2027)", "“נטישה”", "ל-55%", "٣٤", "3.5", "x:", "،", "«שלום»"),
    ]
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(WORDS, min_size=1, max_size=6))
def test_mixed_scripts_export_and_extract_in_the_order_typed(words: list[str], tmp_path: Path):
    ws = workshop_in("he")
    ws.title = " ".join(words)
    data = pdf_bytes(ws)
    assert squeeze(ws.title) in squeeze(extracted(data, tmp_path))
    assert squeeze(ws.title) in squeeze(pdfium_extracted(data))


PLAIN = st.text(st.sampled_from(list("אבגדابتثabcXY012 .,:%-")), max_size=12)
ISOLATED = PLAIN.map(lambda t: f"\u2068{t}\u2069")


@settings(max_examples=300)
@given(parts=st.lists(st.one_of(PLAIN, ISOLATED), max_size=5))
def test_the_visual_order_agrees_with_the_reference_implementation(parts: list[str]):
    """python-bidi's own display order, from its Rust implementation of the algorithm
    (isolates included), is what each line is drawn in. The paragraph's direction is
    the charter's choice: a line with nothing strong but a name reads in the name's."""
    text = "".join(parts)
    drawn = "".join(text[i] for i, _, _ in visual_order(text))
    direction = "R" if reads_rtl(text) else "L"
    expected = get_display(text, base_dir=direction)
    assert drawn == expected.replace("\u2068", "").replace("\u2069", "")


MIXED = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs", "Cc")),
        st.sampled_from(list("ابتثجحخ لا ّ َ אבגד ְ 客户体验 かなカナ 고객 NPS 42% ()،.")),
    ),
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=25, deadline=None)
@given(title=MIXED, name=MIXED, goal=MIXED)
def test_anything_a_team_can_type_exports_and_names_what_no_font_has(
    title: str, name: str, goal: str
):
    ws = workshop_in("he")
    editing.update_details(ws, title=title)
    editing.update_participant(ws, ws.participants[0].id, name=name)
    editing.update_goal(ws, ws.goals[0].id, title=goal)
    built = build(ws)
    assert built.pages >= 1
    assert built.replaced <= set(unicodedata.normalize("NFC", title + name + goal))
    for ch in built.replaced:
        assert not drawable(ord(ch))


def test_what_changed_between_two_hebrew_workshops(tmp_path: Path):
    before, after = workshop_in("he"), workshop_in("he")
    editing.update_details(after, title="אמנת חוויית הלקוח 2028")
    editing.update_goal(after, after.goals[0].id, title="להעלות את שיעור ההמרה מהר יותר")
    path = tmp_path / "changes.pdf"
    export_changes(before, after, path)
    data = path.read_bytes()
    poppler, pdfium_text = squeeze(extracted(data, tmp_path)), pdfium_extracted(data)
    for text in (before.title, after.title, after.goals[0].title):
        assert squeeze(text) in poppler, text
        assert reads_as_typed(text, pdfium_text), text


def test_arabic_letters_are_joined_and_copy_out_as_typed():
    register()
    typed_name = "ليلى حداد"
    [piece] = visual_pieces(typed_name, REGULAR, 10)
    assert piece.rtl
    # Joined: the glyphs drawn are the letters' initial, medial and final forms,
    # not the letters themselves read backwards.
    assert piece.text != typed_name[::-1]
    actual = charter_font(REGULAR).actual
    back = "".join(actual.get(ord(glyph), glyph) for glyph in piece.text)
    # A reader reverses the glyphs of a right-to-left run: it gets what was typed.
    assert back[::-1] == typed_name


def test_brackets_in_a_right_to_left_charter_leave_later_charters_brackets_alone(
    tmp_path: Path,
):
    # A right-to-left line draws "(" with the glyph of ")"; the fonts outlive one
    # export, so what a glyph stands for must not carry the mirror into the next.
    hebrew = workshop_in("he")
    editing.update_details(hebrew, title="תוכנית (2027) לקוחות")
    pdf_bytes(hebrew, Paper.A4)
    english = demo_workshop()
    editing.update_details(english, title="Customer plan (2027) for the year")
    assert "Customer plan (2027) for the year" in extracted(pdf_bytes(english, Paper.A4), tmp_path)


def test_a_pointed_hebrew_letter_first_in_a_table_cell_exports(tmp_path: Path):
    # A point (dagesh) sits above the baseline, so the cell's first glyph asks for
    # a rise before anything else is drawn; reportlab's own text object could not.
    ws = demo_workshop()
    named = next(a.assignee.id for a in ws.assignments if a.assignee.kind.value == "participant")
    editing.update_participant(ws, named, name="דָּנָה")
    editing.add_commitment(ws, Commitment(text="Aוּ"))
    editing.update_goal(ws, ws.goals[0].id, title="וּ")
    data = pdf_bytes(ws, Paper.A4)
    letters = rtl_letters(extracted(data, tmp_path))
    assert "ו" in letters
    assert rtl_letters("דָּנָה") in letters
