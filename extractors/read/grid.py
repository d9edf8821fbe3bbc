"""Merged cells to a plain grid: shared by the HTML and Word readers.

A cell merged down over several rows (HTML rowspan, Word vMerge) is carried to
every row it spans, so each action keeps the owner or recommendation printed
once beside it.  A cell merged across columns keeps its text in its first
column.  A row that is one cell across the whole table is a heading.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from boardpapers.schema.models import Cell, Row


@dataclass
class SpanCell:
    paragraphs: list[str] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1
    continues_above: bool = False  # Word's vMerge="continue": the text is the cell's above
    fill: Optional[str] = None  # the cell's background colour as printed


def real_width(source: list[list[SpanCell]]) -> int:
    """The most cells any row holds: no merge can make a table wider than this
    by much, whatever span a (hostile or broken) file declares."""
    return max((len(row) for row in source), default=0)


def spans_to_rows(source: list[list[SpanCell]], page: int = 1) -> list[Row]:
    """Rows of spanning cells -> rows of equal width with merged text carried down.

    A span is capped at the table's real width, so colspan=999999999 costs no
    more than colspan=1 (a merge wider than every row adds no columns of text).
    """
    real = real_width(source)
    for row in source:
        for cell in row:
            cell.colspan = min(max(cell.colspan, 1), max(real, 1))
    width = min(max((sum(c.colspan for c in row) for row in source), default=0), 2 * real)
    carried: dict[int, tuple[int, list[str]]] = {}  # column -> (rows still to fill, paragraphs)
    rows: list[Row] = []
    for source_row in source:
        grid: list[list[str] | None] = [None] * width
        fills: list[Optional[str]] = [None] * width
        for col, (left, paragraphs) in list(carried.items()):
            grid[col] = list(paragraphs)
            carried[col] = (left - 1, paragraphs)
            if left - 1 <= 0:
                del carried[col]
        col = 0
        for cell in source_row:
            while col < width and grid[col] is not None:
                col += 1
            if col >= width:
                break
            paragraphs = cell.paragraphs
            if cell.continues_above and rows and col < len(rows[-1].cells):
                paragraphs = list(rows[-1].cells[col].paragraphs)
            grid[col] = list(paragraphs)
            fills[col] = cell.fill
            for extra in range(1, max(cell.colspan, 1)):
                if col + extra < width:
                    grid[col + extra] = []
            if cell.rowspan > 1:
                carried[col] = (cell.rowspan - 1, paragraphs)
            col += max(cell.colspan, 1)
        heading = width > 1 and len(source_row) == 1 and source_row[0].colspan >= width
        rows.append(Row(cells=[Cell(paragraphs=p or [], fill=f) for p, f in zip(grid, fills)], page=page,
                        heading=heading))
    return rows
