"""Reader for Word papers (.docx) with python-docx.

Paragraphs and tables come in document order; a heading style marks headings,
which name the plans below them.  Table cells are read from `w:tc` (python-docx's
`row.cells` repeats a merged cell at every grid position, which would hide
where merges are): gridSpan keeps text in its first column, vMerge="continue"
carries the text down.  Core properties give a title and date when the text has none.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Optional

import docx
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from boardpapers.extractors.cleaning import collapse, strip_markup
from boardpapers.extractors.read.grid import SpanCell, spans_to_rows
from boardpapers.schema.models import Paragraph, ReadDocument, Table


def _cell_paragraphs(tc, parent) -> list[str]:
    cell = _Cell(tc, parent)
    lines: list[str] = []
    for p in cell.paragraphs:
        lines += [strip_markup(line) for line in p.text.split("\n")]
    return [line for line in lines if line]


def _grid_columns(tbl) -> int:
    """The columns the table declares (w:tblGrid), or the most cells in a row when it declares none."""
    declared = len(tbl.tblGrid.gridCol_lst) if tbl.tblGrid is not None else 0
    return declared or max((len(tr.tc_lst) for tr in tbl.tr_lst), default=1)


def _table(tbl, parent, index: int) -> Table:
    """A w:tbl as a grid; skipped grid columns (gridBefore) and spans are capped at the
    table's declared width, so a file declaring gridBefore=5000000 costs nothing extra."""
    columns = _grid_columns(tbl)
    source: list[list[SpanCell]] = []
    for tr in tbl.tr_lst:
        cells: list[SpanCell] = [SpanCell() for _ in range(min(tr.grid_before, columns))]
        for tc in tr.tc_lst:
            cells.append(SpanCell(paragraphs=_cell_paragraphs(tc, parent), colspan=min(tc.grid_span, columns),
                                  continues_above=tc.vMerge == "continue"))
        source.append(cells)
    return Table(rows=spans_to_rows(source), index=index, aligned_paragraphs=False)


def _is_heading(paragraph: DocxParagraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return style.lower().startswith(("heading", "title"))


def read_docx(data: bytes, name: str) -> ReadDocument:
    """Read a .docx paper into paragraphs and tables."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    blocks = []
    tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = DocxParagraph(child, document)
            text = collapse(strip_markup(paragraph.text))
            if text:
                blocks.append(Paragraph(text=text, heading=_is_heading(paragraph)))
        elif child.tag == qn("w:tbl"):
            blocks.append(_table(child, document, tables))
            tables += 1
    props = document.core_properties
    created: Optional[dt.date] = props.created.date() if props.created else None
    title = collapse(props.title) or next((b.text for b in blocks if isinstance(b, Paragraph)), None)
    return ReadDocument(name=name, format="docx", title=title, paper_date=created, blocks=blocks)
