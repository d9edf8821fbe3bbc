"""Reader for Word papers (.docx), over python-docx's XML.

Paragraphs and tables come in document order, including those inside content
controls (`w:sdt`) and text inside tracked insertions (`w:ins`), but not deleted
text.  Automatic numbering (`numbering.xml`) is rendered into the text, so
"1.", "2.3" and "(a)" are there as a reader sees them.  A table whose cells hold
tables is a layout table: its cells' paragraphs and tables are read as blocks in
their own right.  Cells are read from `w:tc` (python-docx's `row.cells` repeats a
merged cell at every grid position): gridSpan keeps text in its first column,
vMerge="continue" carries the text down, and a cell's shading is kept (a rating
shown only as colour).  Core properties give a title and date when the text has none.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Iterator, Optional

import docx
from docx.oxml.ns import qn

from boardpapers.extractors.cleaning import collapse, strip_markup
from boardpapers.extractors.read.grid import SpanCell, spans_to_rows
from boardpapers.extractors.read.numbering import Numbering
from boardpapers.schema.models import Paragraph, ReadDocument, Table

_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}


def paragraph_text(p) -> str:
    """A w:p's text as printed: runs anywhere inside it (hyperlinks, insertions, content
    controls, fields), tabs as spaces, breaks as new lines; deleted text left out."""
    parts: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        if any(a.tag in _DELETED for a in el.iterancestors()):
            continue
        fixed = _TEXT_TAGS[el.tag]
        parts.append(el.text or "" if fixed is None else fixed)
    return "".join(parts)


def _through_controls(element, tags: frozenset) -> Iterator:
    """The children of an element with one of these tags, looking through content controls
    (`w:sdt`) and other wrappers that hold them."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _through_controls(child, tags)


_BLOCK_TAGS = frozenset({qn("w:p"), qn("w:tbl")})


def _children(container) -> Iterator:
    """The w:p and w:tbl children of a body or cell."""
    return _through_controls(container, _BLOCK_TAGS)


def _cell_lines(tc, numbering: Numbering) -> list[str]:
    """A cell's lines: its paragraphs', and a table inside it a line to each of its rows."""
    lines: list[str] = []
    for p in _children(tc):
        if p.tag == qn("w:p"):
            text = numbering.label(p) + paragraph_text(p)
            lines += [strip_markup(line) for line in text.split("\n")]
        elif p.tag == qn("w:tbl"):
            lines += [" – ".join(filter(None, (" ".join(_cell_lines(cell, numbering)) for cell in _cells(tr))))
                      for tr in _rows(p)]
    return [line for line in lines if line]


def _fill(tc) -> Optional[str]:
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    fill = shd.get(qn("w:fill")) if shd is not None else None
    return fill if fill and fill.casefold() != "auto" else None


def _grid_columns(tbl) -> int:
    """The columns the table declares (w:tblGrid), or the most cells in a row when it declares none."""
    grid = tbl.find(qn("w:tblGrid"))
    declared = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    return declared or max((len(tr.findall(qn("w:tc"))) for tr in tbl.iter(qn("w:tr"))), default=1)


def _int_attr(el, path: str, default: int) -> int:
    found = el.find(path)
    try:
        return int(found.get(qn("w:val"))) if found is not None else default
    except (TypeError, ValueError):
        return default


def _rows(tbl) -> Iterator:
    return _through_controls(tbl, frozenset({qn("w:tr")}))


def _cells(tr) -> Iterator:
    return _through_controls(tr, frozenset({qn("w:tc")}))


def _table(tbl, numbering: Numbering, index: int) -> Table:
    """A w:tbl as a grid; skipped grid columns (gridBefore) and spans are capped at the
    table's declared width, so a file declaring gridBefore=5000000 costs nothing extra."""
    columns = _grid_columns(tbl)
    source: list[list[SpanCell]] = []
    for tr in _rows(tbl):
        before = _int_attr(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}", 0)
        cells: list[SpanCell] = [SpanCell() for _ in range(min(max(before, 0), columns))]
        for tc in _cells(tr):
            span = _int_attr(tc, f"{qn('w:tcPr')}/{qn('w:gridSpan')}", 1)
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continues = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            cells.append(SpanCell(paragraphs=_cell_lines(tc, numbering), colspan=min(max(span, 1), columns),
                                  continues_above=continues, fill=_fill(tc)))
        source.append(cells)
    return Table(rows=spans_to_rows(source), index=index, aligned_paragraphs=False)


_LAYOUT_SHARE = 0.25  # of a table's cells holding tables, from which the table only lays them out


def _is_layout_table(tbl) -> bool:
    """A table used to lay out the page (its cells hold tables of their own), not a table of data
    with a small table of milestones inside one cell."""
    rows = list(_rows(tbl))
    cells = [tc for tr in rows for tc in _cells(tr)]
    holding = sum(1 for tc in cells if any(child.tag == qn("w:tbl") for child in _children(tc)))
    return holding > 0 and (holding >= _LAYOUT_SHARE * len(cells) or len(rows) <= 2)


class _Reader:
    def __init__(self, document):
        self.numbering = Numbering.from_document(document)
        self.styles = {s.style_id: (s.name or "") for s in document.styles if s.style_id}
        self.blocks: list = []
        self.tables = 0

    def read(self, container) -> None:
        for child in _children(container):
            if child.tag == qn("w:p"):
                text = collapse(strip_markup(self.numbering.label(child) + paragraph_text(child)))
                if text:
                    self.blocks.append(Paragraph(text=text, heading=self.is_heading(child)))
            elif _is_layout_table(child):
                for tr in _rows(child):
                    for tc in _cells(tr):
                        self.read(tc)
            else:
                self.blocks.append(_table(child, self.numbering, self.tables))
                self.tables += 1

    def is_heading(self, p) -> bool:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = self.styles.get(style.get(qn("w:val")), "") if style is not None else ""
        return name.lower().startswith(("heading", "title"))


def read_docx(data: bytes, name: str) -> ReadDocument:
    """Read a .docx paper into paragraphs and tables."""
    document = docx.Document(io.BytesIO(data))
    reader = _Reader(document)
    reader.read(document.element.body)
    blocks = reader.blocks
    props = document.core_properties
    created: Optional[dt.date] = props.created.date() if props.created else None
    title = collapse(props.title) or next((b.text for b in blocks if isinstance(b, Paragraph)), None)
    return ReadDocument(name=name, format="docx", title=title, metadata_date=created, blocks=blocks)
