"""Tables flattened to one cell per line: a web page's table copied as text.

The header comes first, one label per line ("No." / "Recommendation" / "Lead" /
"Section"), then each row's cells, one per line, in the same order.  The run of
header lines is found by the column vocabulary; each row starts at a line that
is a ref (the first column is the ref), and its lines are the row's cells.  A
line that opens with a bullet or in lower case carries on the cell above; a row
with more lines than columns gives its spare lines to its longest cell, and the
cut-off last row of an excerpt keeps what it has.  The table is rebuilt as a
`Table`, so it is read like any other.
"""
from __future__ import annotations

from typing import Optional

from boardpapers.extractors.cleaning import starts_lowercase
from boardpapers.extractors.find.headers import header_to_fields
from boardpapers.extractors.interpret.refs import ref_cell
from boardpapers.schema.models import Cell, Paragraph, Row, Table

_MAX_COLUMNS = 10
_MAX_LABEL_WORDS = 6
_BULLETS = "•◦▪-–*"


def _header_at(blocks: list, start: int) -> Optional[tuple[int, list[Optional[str]]]]:
    """(columns, their fields) for the longest run of label lines starting at `start`."""
    labels: list[str] = []
    for block in blocks[start:start + _MAX_COLUMNS]:
        if not isinstance(block, Paragraph) or len(block.text.split()) > _MAX_LABEL_WORDS \
                or (labels and _is_ref(block)):
            break
        labels.append(block.text)
    for count in range(len(labels), 2, -1):
        fields = header_to_fields(labels[:count])
        if fields and fields[0] == "ref":
            return count, fields
    return None


def _is_ref(block) -> bool:
    return isinstance(block, Paragraph) and len(block.text) <= 12 and ref_cell(block.text.rstrip(".")) is not None


def _continues(text: str) -> bool:
    return text.lstrip()[:1] in _BULLETS or starts_lowercase(text)


def _row_cells(lines: list[str], width: int) -> list[str]:
    cells: list[str] = []
    for text in lines:
        if cells and len(cells) > 1 and _continues(text):
            cells[-1] = f"{cells[-1]} {text}"
        else:
            cells.append(text)
    while len(cells) > width:  # spare lines: two long lines side by side are one cell that ran on
        joined = max(range(2, len(cells)), key=lambda i: min(len(cells[i - 1]), len(cells[i])))
        cells[joined - 1] = f"{cells[joined - 1]} {cells.pop(joined)}"
    return cells + [""] * (width - len(cells))


def _rows_after(blocks: list, start: int, width: int) -> tuple[list[list[str]], int]:
    """The rows that follow a header at `start`, and where they end."""
    rows: list[list[str]] = []
    i = start
    while i < len(blocks) and _is_ref(blocks[i]):
        lines = [blocks[i].text]
        i += 1
        while i < len(blocks) and isinstance(blocks[i], Paragraph) and not _is_ref(blocks[i]) \
                and len(lines) < 3 * width and not blocks[i].heading:
            lines.append(blocks[i].text)
            i += 1
        rows.append(_row_cells(lines, width))
    return rows, i


def unflatten_tables(blocks: list) -> list:
    """The blocks, with every table flattened to one cell per line rebuilt as a Table."""
    out: list = []
    i = 0
    while i < len(blocks):
        found = _header_at(blocks, i) if isinstance(blocks[i], Paragraph) else None
        if found:
            width, _ = found
            rows, end = _rows_after(blocks, i + width, width)
            if len(rows) >= 2:
                page = blocks[i].page
                header = Row(cells=[Cell(paragraphs=[b.text]) for b in blocks[i:i + width]], page=page,
                             line=blocks[i].line)
                body = [Row(cells=[Cell(paragraphs=[c] if c else []) for c in cells], page=page)
                        for cells in rows]
                out.append(Table(rows=[header] + body, page=page, aligned_paragraphs=False))
                i = end
                continue
        out.append(blocks[i])
        i += 1
    return out
