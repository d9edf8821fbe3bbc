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

import re
from typing import Optional

from boardpapers.extractors.cleaning import starts_lowercase
from boardpapers.extractors.find.columns import is_ref
from boardpapers.extractors.find.headers import header_to_fields
from boardpapers.extractors.find.tables import is_lifecycle_heading
from boardpapers.extractors.interpret.refs import minute_ref
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
    return isinstance(block, Paragraph) and is_ref(block.text.rstrip("."))


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


_SLASH = " / "


def _slashed_header(block) -> Optional[list[Optional[str]]]:
    """The fields of a header line whose cells are joined by " / " ("Relevant Item / Action / Lead")."""
    if not isinstance(block, Paragraph) or block.text.count(_SLASH) < 1:
        return None
    return header_to_fields(block.text.split(_SLASH))


def _slashed_rows(blocks: list, start: int, width: int) -> tuple[list[list[str]], int]:
    """Rows copied as lines with their cells joined by " / ": each opens with a minute number
    (stacked numbers: the first is the row's), carries its title after " / ", its text on the
    lines below, and its last cell after the last " / " of its last line."""
    rows: list[list[str]] = []
    i = start
    while i < len(blocks) and isinstance(blocks[i], Paragraph):
        head = blocks[i].text.split(_SLASH)
        ref = minute_ref(head[0])
        if ref is None:
            if rows or is_lifecycle_heading(blocks[i].text):  # a section line between rows ("Actions held over …")
                i += 1
                continue
            break
        i += 1
        title = _SLASH.join(head[1:])
        while not title and i < len(blocks) and isinstance(blocks[i], Paragraph):
            more = blocks[i].text.split(_SLASH)
            if minute_ref(more[0]) is None:
                break
            title = _SLASH.join(more[1:])  # stacked numbers: earlier minutes the action was carried from
            i += 1
        body: list[str] = []
        last = ""
        while i < len(blocks) and isinstance(blocks[i], Paragraph) and minute_ref(blocks[i].text.split(_SLASH)[0]) is None:
            text = blocks[i].text
            i += 1
            if _SLASH in text:
                text, last = text.rsplit(_SLASH, 1)
                body.append(text)
                break
            body.append(text)
        text, status = _split_status(" ".join(body))
        rows.append([ref, title, text, last][: width + 1] + [status])
    return rows, i


_STATUS_LABEL = re.compile(r"\s*\bStatus\s*:\s*", re.I)


def _split_status(text: str) -> tuple[str, str]:
    """("To update …", "in progress – …") from "To update … Status: in progress – …"."""
    parts = _STATUS_LABEL.split(text, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (text, "")


def unflatten_slashed(blocks: list) -> list:
    """The blocks, with a table copied as " / "-joined lines (ref and title / text / owner) rebuilt."""
    out: list = []
    i = 0
    while i < len(blocks):
        fields = _slashed_header(blocks[i])
        if fields and "ref" not in fields:
            rows, end = _slashed_rows(blocks, i + 1, len(fields))
            if len(rows) >= 2:
                page = blocks[i].page
                header = ["Ref"] + blocks[i].text.split(_SLASH) + ["Status"]
                table_rows = [Row(cells=[Cell(paragraphs=[h]) for h in header], page=page, line=blocks[i].line)]
                table_rows += [Row(cells=[Cell(paragraphs=[c] if c else []) for c in row + [""] * (len(header) - len(row))],
                                   page=page) for row in rows]
                out.append(Table(rows=table_rows, page=page, aligned_paragraphs=False))
                i = end
                continue
        out.append(blocks[i])
        i += 1
    return out


def unflatten_tables(blocks: list) -> list:
    """The blocks, with every table flattened to one cell per line (or to " / "-joined lines)
    rebuilt as a Table."""
    blocks = unflatten_slashed(blocks)
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
