"""The charter and the progress report as tagged PDFs, read back with pikepdf and pypdf:
the structure tree a screen reader follows, its marked content, /Lang, XMP, bookmarks.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from cxworkshop.charter import content
from cxworkshop.charter.document import APPENDIX, SECTIONS, build
from cxworkshop.charter.report import build_report
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Workshop
from tests.helpers.builders import large_workshop
from tests.helpers.strategies import workshops

TODAY = dt.date(2027, 3, 20)
HEADINGS = ("/H1", "/H2", "/H3")


# ----------------------------------------------------------------- reading the file


def elements(node: Any) -> Iterator[Any]:
    """The structure elements under ``node``, depth first, in reading order."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def children(elem: Any) -> list[Any]:
    return [k for k in elem.K if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def marks(pdf: pikepdf.Pdf, elem: Any) -> list[tuple[int, int]]:
    """(page, MCID) of the marked content ``elem`` holds itself, in order."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    out = []
    for kid in elem.K:
        if isinstance(kid, int):
            out.append((pages[elem.Pg.objgen], int(kid)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            out.append((pages[kid.Pg.objgen], int(kid.MCID)))
    return out


class _MarkedText:
    """Collects the text pypdf reads inside each marked-content sequence of one page."""

    def __init__(self, page: int, found: dict[tuple[int, int], list[str]]) -> None:
        self.page, self.found = page, found
        self.stack: list[int | None] = []

    def operator(self, op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"BDC":
            props = args[1]
            self.stack.append(props.get("/MCID") if hasattr(props, "get") else None)
        elif op == b"BMC":
            self.stack.append(None)
        elif op == b"EMC":
            self.stack.pop()

    def text(self, t: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if self.stack and self.stack[0] is not None:
            self.found.setdefault((self.page, int(self.stack[0])), []).append(t)


def texts_by_mark(data: bytes) -> dict[tuple[int, int], str]:
    """The text drawn in each marked-content sequence, as pypdf reads it."""
    found: dict[tuple[int, int], list[str]] = {}
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        reader = _MarkedText(number, found)
        page.extract_text(visitor_operand_before=reader.operator, visitor_text=reader.text)
    return {k: " ".join("".join(v).split()) for k, v in found.items()}


def text_of(pdf: pikepdf.Pdf, elem: Any, texts: dict[tuple[int, int], str]) -> str:
    """All the text ``elem`` and its descendants hold, in reading order."""
    parts = [texts.get(m, "") for m in marks(pdf, elem)]
    parts += [text_of(pdf, kid, texts) for kid in children(elem)]
    return " ".join(p for p in parts if p)


def content_marks(pdf: pikepdf.Pdf) -> tuple[set[tuple[int, int]], list[str]]:
    """Every MCID in the page streams, and any text drawn outside marked content."""
    found: set[tuple[int, int]] = set()
    untagged: list[str] = []
    for number, page in enumerate(pdf.pages):
        depth = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                depth += 1
                props = operands[1]
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    assert depth == 1, "marked content with an MCID inside another"
                    found.add((number, int(props.MCID)))
            elif op == "BMC":
                depth += 1
            elif op == "EMC":
                depth -= 1
                assert depth >= 0
            elif op in ("Tj", "TJ", "'", '"', "Do", "re", "l", "c") and depth == 0:
                untagged.append(f"page {number + 1}: {op}")
        assert depth == 0, f"page {number + 1} leaves marked content open"
    return found, untagged


def parent_tree(pdf: pikepdf.Pdf) -> dict[tuple[int, int], Any]:
    """(page, MCID) to the structure element the ParentTree names for it."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    out = {}
    for number, page in enumerate(pdf.pages):
        for mcid, elem in enumerate(by_key[int(page.obj.StructParents)]):
            out[(number, mcid)] = elem
    return out


def heading_texts(data: bytes) -> list[tuple[str, str]]:
    texts = texts_by_mark(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            (str(e.S), text_of(pdf, e, texts))
            for e in elements(pdf.Root.StructTreeRoot)
            if str(e.S) in HEADINGS
        ]


def table_after(pdf: pikepdf.Pdf, heading: str, texts: dict[tuple[int, int], str]) -> Any:
    """The first /Table after the heading that says ``heading``."""
    seen = False
    for elem in elements(pdf.Root.StructTreeRoot):
        if str(elem.S) in HEADINGS and text_of(pdf, elem, texts) == heading:
            seen = True
        elif seen and str(elem.S) == "/Table":
            return elem
    raise AssertionError(f"no table after {heading!r}")


@pytest.fixture(scope="module")
def demo() -> Workshop:
    ws = demo_workshop()
    ws.language = "de-CH"
    return ws


@pytest.fixture(scope="module")
def charter(demo: Workshop) -> bytes:
    return build(demo, today=TODAY).data


# ----------------------------------------------------------------- the structure


def test_the_headings_in_the_tree_are_the_headings_drawn_in_order(demo, charter):
    headings = heading_texts(charter)
    top = [text for role, text in headings if role == "/H1"]
    expected = [demo.title, *(v for k, v in SECTIONS.items() if k != "summary"), APPENDIX]
    assert top == expected
    second = [text for role, text in headings if role == "/H2"]
    for pillar in Pillar:
        assert any(pillar.label in text for text in second), pillar
    assert "How ties were settled" in second


def test_the_matrix_is_a_table_whose_header_rows_are_column_headers(demo, charter):
    texts = texts_by_mark(charter)
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        table = table_after(pdf, SECTIONS["matrix"], texts)
        rows = children(table)
        assert {str(r.S) for r in rows} == {"/TR"}
        for header in rows[:2]:
            cells = children(header)
            assert cells and all(str(c.S) == "/TH" for c in cells)
            assert all(c.A.Scope == "/Column" for c in cells)
        names = [text_of(pdf, c, texts) for c in children(rows[1])]
        functions, people = content.matrix_columns(demo)
        assert names == ["Goal", *(c.name for c in functions + people)]
        # Each goal heads its row; under each name, the role it holds on that goal.
        read: dict[str, list[str]] = {}
        for row in rows[2:]:
            cells = children(row)
            assert cells[0].A.Scope == "/Row"
            if len(cells) > 1:  # not a pillar's row
                assert {str(c.S) for c in cells[1:]} == {"/TD"}
                title = text_of(pdf, cells[0], texts).split(" ", 1)[1]
                read[title] = [text_of(pdf, c, texts) for c in cells]
        assert set(read) == {g.title for g in demo.goals}
        for assignment in demo.assignments:
            goal = next(g for g in demo.goals if g.id == assignment.goal_id)
            column = next(
                i
                for i, c in enumerate(functions + people, start=1)
                if c.assignee == assignment.assignee
            )
            assert read[goal.title][column] == assignment.role.value


def test_a_matrix_over_several_pages_reads_its_header_once_and_its_rows_all(demo):
    ws = large_workshop()
    data = build(ws, today=TODAY).data
    texts = texts_by_mark(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        table = next(
            e
            for e in elements(pdf.Root.StructTreeRoot)
            if str(e.S) == "/Table"
            and any(text_of(pdf, c, texts) == "Goal" for r in children(e) for c in children(r))
        )
        pages = {p for e in elements(table) for p, _ in marks(pdf, e)}
        assert len(pages) >= 2, "the test needs a matrix longer than a page"
        rows = children(table)
        headed = [
            r for r in rows if any(c.get("/A", {}).get("/Scope") == "/Column" for c in children(r))
        ]
        assert headed == rows[:2], "the header is read once, not again on each page"
        titles = [
            text_of(pdf, children(r)[0], texts).split(" ", 1)[1]
            for r in rows[2:]
            if len(children(r)) > 1
        ]
        assert titles == [g.title for p in Pillar for g in ws.goals if g.pillar is p]


def test_the_priorities_table_has_headers_and_each_bar_says_what_it_shows(charter):
    texts = texts_by_mark(charter)
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        table = table_after(pdf, SECTIONS["priorities"], texts)
        first, *rest = children(table)
        assert [text_of(pdf, c, texts) for c in children(first)] == ["Rank", "Goal", "Votes"]
        assert all(str(c.S) == "/TH" and c.A.Scope == "/Column" for c in children(first))
        figures = [e for e in elements(table) if str(e.S) == "/Figure"]
        assert len(figures) == len([r for r in rest if len(children(r)) == 3])
        alts = [str(f.Alt) for f in figures]
        assert all(alt.startswith("A bar of") for alt in alts)
        assert "the most any goal received" in alts[0]


def test_lists_are_lists_of_items(charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        lists = [e for e in elements(pdf.Root.StructTreeRoot) if str(e.S) == "/L"]
        assert len(lists) >= 3  # the top three, the roles goal by goal, the principles
        for listing in lists:
            items = children(listing)
            assert items and all(str(i.S) == "/LI" for i in items)
            for item in items:
                assert {str(k.S) for k in children(item)} <= {"/Lbl", "/LBody"}


def test_every_mcid_is_in_the_parent_tree_and_each_entry_holds_its_mcid(charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        drawn, untagged = content_marks(pdf)
        assert untagged == [], "content neither tagged nor an artifact"
        tree = parent_tree(pdf)
        assert set(tree) == drawn
        for (page, mcid), elem in tree.items():
            assert (page, mcid) in marks(pdf, elem)
        held = [m for e in elements(pdf.Root.StructTreeRoot) for m in marks(pdf, e)]
        assert sorted(held) == sorted(drawn), "each MCID belongs to one element"


def test_every_link_is_a_link_element_in_what_it_is_drawn_in(charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert len(annotations) >= len(SECTIONS), "the contents link to every section"
        for annotation in annotations:
            link = by_key[int(annotation.StructParent)]
            assert str(link.S) == "/Link"
            [objr] = link.K
            assert objr.Type == "/OBJR" and objr.Obj.objgen == annotation.objgen
            assert str(link.P.S) == "/P"  # the contents' paragraph, read with it
        assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(by_key) + 1


def test_the_tree_reads_each_page_in_the_order_it_is_drawn(charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        held = [m for e in elements(pdf.Root.StructTreeRoot) for m in marks(pdf, e)]
    for page in {p for p, _ in held}:
        on_page = [mcid for p, mcid in held if p == page]
        assert on_page == sorted(on_page)


def test_the_file_names_its_language_title_and_maker(demo, charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        assert str(pdf.Root.Lang) == "de-CH"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.check_pdf_syntax() == []
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == demo.title
            assert set(xmp["dc:language"]) == {"de-CH"}
            assert xmp["dc:creator"] == [demo.facilitator]
            assert xmp["pdf:Producer"].startswith("CX Workshop")
            assert dt.datetime.fromisoformat(xmp["xmp:CreateDate"]).tzinfo is not None


def test_page_furniture_is_an_artifact(charter):
    texts = texts_by_mark(charter)
    assert not any(t.startswith("Page ") and " of " in t for t in texts.values())
    with pikepdf.open(io.BytesIO(charter)) as pdf:
        streams = [page.Contents.read_bytes() for page in pdf.pages]
    assert all(b"/Artifact <</Type /Pagination>> BDC" in s for s in streams)


def test_bookmarks_keep_the_zoom_and_the_appendix_is_one(charter):
    with pikepdf.open(io.BytesIO(charter)) as pdf, pdf.open_outline() as outline:
        items = []
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            items.append(item)
            stack[:0] = item.children
        assert APPENDIX in [i.title for i in items]
        for item in items:
            dest = item.destination
            assert dest[1] == "/XYZ" and dest[4] is None, item.title


def test_the_progress_report_is_tagged_in_the_workshops_language(demo):
    data = build_report(demo, today=TODAY).data
    headings = heading_texts(data)
    assert headings[0][0] == "/H1"
    assert [g.title for g in demo.goals if (("/H2", g.title) in headings)]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "de-CH"
        drawn, untagged = content_marks(pdf)
        assert untagged == []
        assert set(parent_tree(pdf)) == drawn


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_any_workshops_charter_tags_everything_it_draws(ws: Workshop) -> None:
    data = build(ws, today=TODAY).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        drawn, untagged = content_marks(pdf)
        assert untagged == []
        assert set(parent_tree(pdf)) == drawn
        assert str(pdf.Root.Lang) == ws.language
