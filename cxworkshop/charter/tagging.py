"""A tagged PDF: the structure a screen reader follows, beside what the pages show.

reportlab draws pages but writes no structure tree. While the pages are drawn,
each piece of content is put in a marked-content sequence (``/P <</MCID 3>> BDC
… EMC``) and recorded against the structure element it belongs to: a heading,
a paragraph, a list item, a table cell, a figure. What only decorates a page
(the running head, the page number, the draft mark, a table's rules and
shading) is marked ``/Artifact`` so a reader skips it. Once the PDF is written,
:func:`finish` adds the tree itself (``/StructTreeRoot`` with its
``/ParentTree``), ``/MarkInfo``, ``/Lang`` and XMP metadata, with pikepdf.

The tree is built in reading order: an element joins its parent the first time
something of it is drawn, so elements that never reach a page leave no trace.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import ActionFlowable  # type: ignore[import-untyped]

HEADING_ROLES = ("H1", "H2", "H3")


@dataclass(eq=False)
class Node:
    """One structure element: its standard role and what it holds, in reading order."""

    role: str
    parent: Node | None = None
    alt: str = ""
    """What a figure shows, in words (``/Alt``)."""
    scope: str = ""
    """A header cell's scope: ``Column`` or ``Row``."""
    span: tuple[int, int] = (1, 1)
    """Columns and rows a table cell spans."""
    kids: list[Node | Mark | LinkMark] = field(default_factory=list)
    attached: bool = False


@dataclass(frozen=True)
class Mark:
    """One marked-content sequence: the page (from 0) and its MCID there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class LinkMark:
    """A link annotation: the page (from 0) and which of the page's links it is."""

    page: int
    index: int


class Tags:
    """The structure tree as the pages are drawn, and the marked content that feeds it."""

    def __init__(self) -> None:
        self.root = Node("Document", attached=True)
        self._next: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self._depth = 0
        self._node: Node | None = None

    @property
    def open(self) -> bool:
        """Whether a marked-content sequence is open: what is drawn now belongs to it."""
        return self._depth > 0

    def begin(self, canvas: Any, node: Node) -> None:
        """Open a sequence for ``node``; inside another sequence, the outer one holds it."""
        self._depth += 1
        if self._depth > 1:
            return
        page = canvas.getPageNumber() - 1
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        canvas._code.append(f"/{node.role} <</MCID {mcid}>> BDC")
        self._attach(node)
        node.kids.append(Mark(page, mcid))
        self._node = node

    def link(self, canvas: Any) -> None:
        """A link annotation is being made: a /Link element in what is being drawn."""
        page = canvas.getPageNumber() - 1
        index = self._links.get(page, 0)
        self._links[page] = index + 1
        link = Node("Link", self._node)
        self._attach(link)
        link.kids.append(LinkMark(page, index))

    def begin_artifact(self, canvas: Any, kind: str = "Layout") -> None:
        """Open a sequence a reader skips: page furniture, rules, shading."""
        self._depth += 1
        if self._depth == 1:
            canvas._code.append(f"/Artifact <</Type /{kind}>> BDC")
            self._node = None

    def end(self, canvas: Any) -> None:
        self._depth -= 1
        if self._depth == 0:
            canvas._code.append("EMC")
            self._node = None

    def _attach(self, node: Node) -> None:
        if node.attached:
            return
        parent = node.parent or self.root
        self._attach(parent)
        parent.kids.append(node)
        node.attached = True


def tags_of(canvas: Any) -> Tags | None:
    return getattr(canvas, "tags", None)


# ----------------------------------------------------------------- flowables


class Tagged(Flowable):  # type: ignore[misc]
    """Draws ``inner`` as the content of structure element ``node``.

    The parts of a flowable split over pages stay one element: each part is
    wrapped with the same node.
    """

    def __init__(self, inner: Flowable, node: Node) -> None:
        super().__init__()
        self.inner = inner
        self.node = node
        self.hAlign = getattr(inner, "hAlign", "LEFT")

    def __getattr__(self, name: str) -> Any:
        # Only reached for what Flowable itself lacks (a heading's outline, a table's rows).
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def _share(self) -> None:
        for name in ("canv", "_frame"):
            if name in self.__dict__:
                setattr(self.inner, name, self.__dict__[name])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._share()
        w, h = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = w, h
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._share()
        return [Tagged(part, self.node) for part in self.inner.split(availWidth, availHeight)]

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.inner.getKeepWithNext())

    def minWidth(self) -> float:
        return float(self.inner.minWidth())

    def identity(self, maxLen: int | None = None) -> str:
        return f"Tagged({self.node.role}, {self.inner.identity(maxLen)})"

    def draw(self) -> None:
        tags = tags_of(self.canv)
        if tags is not None:
            tags.begin(self.canv, self.node)
        self.inner.drawOn(self.canv, 0, 0)
        if tags is not None:
            tags.end(self.canv)


class Described(Flowable):  # type: ignore[misc]
    """A chart with what it shows in words: a figure whose ``/Alt`` a screen reader reads."""

    def __init__(self, inner: Flowable, alt: str) -> None:
        super().__init__()
        self.inner = inner
        self.alt = alt
        self.hAlign = getattr(inner, "hAlign", "LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = w, h
        return w, h

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def _alt(value: Any) -> str | None:
    """What a chart shows, if ``value`` is one."""
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]  # reportlab holds a cell's flowable in a tuple of one
    if isinstance(value, Described):
        return value.alt
    if isinstance(value, Drawing):
        return "A chart"
    return None


class TableTags:
    """Tags a table's cells as it draws them (reportlab's ``renderCB`` hook).

    ``kind``: ``"table"`` (rows and cells, header cells in the first ``header``
    rows and in column ``row_header``), ``"list"`` (each row an item: the first
    cell its label, the rest its body) or ``"layout"`` (a grid that only places
    blocks of text: each cell a paragraph). A header repeated on a later page is
    an artifact: the reader has heard it.
    """

    def __init__(
        self,
        kind: str = "table",
        *,
        header: int = 0,
        row_header: int | None = None,
        node: Node | None = None,
        parent: Node | None = None,
    ) -> None:
        self.kind = kind
        self.header = header
        self.row_header = row_header
        self.node = node or Node(
            {"table": "Table", "list": "L", "layout": "Div"}[kind], parent=parent
        )
        self._parts = 0
        self._nested = False
        self._repeat = 0
        self._row: Node | None = None
        self._skip_row = False

    def __call__(self, table: Table, event: str, *args: Any) -> None:
        canvas = table.canv
        tags = tags_of(canvas)
        if tags is None:
            return
        if event == "startTable":
            # A table inside another's cell is read as part of that cell.
            self._nested = tags.open
            if not self._nested:
                self._parts += 1
                repeat = table.repeatRows
                self._repeat = repeat if self._parts > 1 and isinstance(repeat, int) else 0
            return
        if self._nested:
            return
        if event in ("startBG", "startLines"):
            tags.begin_artifact(canvas)
        elif event in ("endBG", "endLines"):
            tags.end(canvas)
        elif event == "startRow":
            self._start_row(args[0])
        elif event == "startCell":
            self._start_cell(table, tags, *args[:3])
        elif event == "endCell":
            tags.end(canvas)

    def _start_row(self, row: int) -> None:
        self._skip_row = row < self._repeat
        if self.kind == "table":
            self._row = Node("TR", self.node)
        elif self.kind == "list":
            self._row = Node("LI", self.node)
        else:
            self._row = self.node

    def _start_cell(self, table: Table, tags: Tags, row: int, column: int, value: Any) -> None:
        canvas = table.canv
        if self._skip_row or self._row is None:
            tags.begin_artifact(canvas)
            return
        span = (1, 1)
        ranges = getattr(table, "_spanRanges", None) or {}
        extent = ranges.get((column, row))
        if extent:
            span = (extent[2] - extent[0] + 1, extent[3] - extent[1] + 1)
        if self.kind == "table":
            # Header rows are read once, on the table's first page (see _start_row).
            if self._parts == 1 and row < self.header:
                cell = Node("TH", self._row, scope="Column", span=span)
            elif column == self.row_header:
                cell = Node("TH", self._row, scope="Row", span=span)
            else:
                cell = Node("TD", self._row, span=span)
        elif self.kind == "list":
            cell = Node("Lbl" if column == 0 else "LBody", self._row)
        else:
            cell = Node("P", self._row)
        alt = _alt(value)
        if alt is not None:
            cell = Node("Figure", cell, alt=alt)
        tags.begin(canvas, cell)


def tag_table(table: Table, tagger: TableTags) -> Table:
    """``table``, drawn with its cells tagged by ``tagger``."""
    table._renderCB = tagger
    return table


def tag_story(story: Iterable[Flowable]) -> list[Flowable]:
    """The story with each flowable set to draw as its structure element."""
    out: list[Flowable] = []
    for flowable in story:
        out.append(_tagged(flowable))
    return out


def _tagged(flowable: Flowable) -> Flowable:
    if isinstance(flowable, (Spacer, PageBreak, CondPageBreak, ActionFlowable)):
        return flowable
    if isinstance(flowable, KeepTogether):
        flowable._content = tag_story(flowable._content)
        return flowable
    if isinstance(flowable, Table):
        if getattr(flowable, "_renderCB", None) is None:
            kind = "table" if flowable.repeatRows else "layout"
            tag_table(flowable, TableTags(kind, header=flowable.repeatRows or 0))
        return flowable
    level = getattr(flowable, "level", None)
    if isinstance(flowable, Paragraph) and isinstance(level, int) and hasattr(flowable, "outline"):
        return Tagged(flowable, Node(HEADING_ROLES[min(level, 2)]))
    alt = _alt(flowable)
    if alt is not None:
        return Tagged(flowable, Node("Figure", alt=alt))
    role = getattr(flowable, "role", "P")
    return Tagged(flowable, Node(role))


# ----------------------------------------------------------------- the finished file


@dataclass(frozen=True)
class About:
    """What the file says about itself: in /Info, in XMP, and as /Lang."""

    title: str
    author: str
    language: str
    producer: str
    created: dt.datetime


def finish(data: bytes, tags: Tags, about: About) -> bytes:
    """``data`` with the structure tree, /MarkInfo, /Lang and XMP metadata added."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _write_tree(pdf, tags)
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.Lang = pikepdf.String(about.language)
        prefs = pdf.Root.get("/ViewerPreferences", pikepdf.Dictionary())
        prefs.DisplayDocTitle = True
        pdf.Root.ViewerPreferences = prefs
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = about.title
            meta["dc:creator"] = [about.author]
            meta["dc:language"] = [about.language]
            meta["pdf:Producer"] = about.producer
            meta["xmp:CreatorTool"] = about.producer
            meta["xmp:CreateDate"] = about.created.isoformat()
            meta["xmp:ModifyDate"] = about.created.isoformat()
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _write_tree(pdf: pikepdf.Pdf, tags: Tags) -> None:
    pages = pdf.pages
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    parents: dict[int, dict[int, pikepdf.Object]] = {}
    objects: list[pikepdf.Object] = []
    """The /Link element of each link annotation, by its /StructParent less the pages."""
    page_links = [
        [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"] for page in pages
    ]

    def element(node: Node, parent: pikepdf.Object) -> pikepdf.Object:
        elem = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + node.role))
        )
        elem.P = parent
        marks = [k for k in node.kids if isinstance(k, Mark)]
        links = [k for k in node.kids if isinstance(k, LinkMark)]
        if marks or links:
            elem.Pg = pages[(marks or links)[0].page].obj
        if node.alt:
            elem.Alt = pikepdf.String(node.alt)
        attributes: dict[str, Any] = {}
        if node.scope:
            attributes["Scope"] = pikepdf.Name("/" + node.scope)
        if node.span[0] > 1:
            attributes["ColSpan"] = node.span[0]
        if node.span[1] > 1:
            attributes["RowSpan"] = node.span[1]
        if attributes:
            elem.A = pikepdf.Dictionary(O=pikepdf.Name.Table, **attributes)
        kids = pikepdf.Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(element(kid, elem))
            elif isinstance(kid, LinkMark):
                annotation = page_links[kid.page][kid.index]
                annotation.StructParent = len(pages) + len(objects)
                objects.append(elem)
                kids.append(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.OBJR, Pg=pages[kid.page].obj, Obj=annotation
                    )
                )
            elif kid.page == marks[0].page:
                kids.append(kid.mcid)
                parents.setdefault(kid.page, {})[kid.mcid] = elem
            else:
                kids.append(
                    pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[kid.page].obj, MCID=kid.mcid)
                )
                parents.setdefault(kid.page, {})[kid.mcid] = elem
        elem.K = kids
        return elem

    root.K = element(tags.root, root)
    nums = pikepdf.Array()
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        if "/Annots" in page.obj:
            page.obj.Tabs = pikepdf.Name.S
        held = parents.get(index, {})
        nums.append(index)
        nums.append(pdf.make_indirect(pikepdf.Array([held[m] for m in sorted(held)])))
    for n, elem in enumerate(objects):
        nums.append(len(pages) + n)
        nums.append(elem)
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = len(pages) + len(objects)
    pdf.Root.StructTreeRoot = root
