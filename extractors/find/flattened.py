"""Tables flattened to one cell per line: a web page's table copied as text.

The header comes first, one label per line ("No." / "Recommendation" / "Lead" /
"Section"), then each row's cells, one per line, in the same order.  The run of
header lines is found by the column vocabulary; each row starts at a line that
is a ref (the first column is the ref), and its lines are the row's cells.  A
line that opens with a bullet or in lower case carries on the cell above; a row
with more lines than columns gives its spare lines to its longest cell, and the
cut-off last row of an excerpt keeps what it has.  The table is rebuilt as a
`Table`, so it is read like any other.

A table copied column by column within each row reads differently: a
numbered recommendation ("2. To ensure ..."), its actions (numbered again from
1, or the lines up to the first name), then each other column's cells in turn,
one per action: the leads, the dates, the progress.  Those are told apart by
what they hold (names, dates, prose), not by position.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from boardpapers.extractors.cleaning import starts_lowercase
from boardpapers.extractors.find.columns import is_owner_like, is_ref
from boardpapers.extractors.find.headers import header_to_fields
from boardpapers.extractors.find.tables import is_lifecycle_heading
from boardpapers.extractors.interpret.dates import parse_deadline
from boardpapers.extractors.interpret.refs import minute_ref
from boardpapers.schema.models import Cell, Paragraph, Row, Table

_MAX_COLUMNS = 10
_MAX_LABEL_WORDS = 6
_BULLETS = "•◦▪-–*"


def _label_lines(blocks: list, start: int, ends: Callable[[Paragraph, list[str]], bool]) -> list[str]:
    """The short lines opening at `start` that may be a flattened header's labels, up to the
    first that `ends` it (given the labels so far)."""
    labels: list[str] = []
    for block in blocks[start:start + _MAX_COLUMNS]:
        if not isinstance(block, Paragraph) or len(block.text.split()) > _MAX_LABEL_WORDS or ends(block, labels):
            break
        labels.append(block.text)
    return labels


def _header_at(blocks: list, start: int) -> Optional[tuple[int, list[Optional[str]]]]:
    """(columns, their fields) for the longest run of label lines starting at `start`."""
    labels = _label_lines(blocks, start, lambda block, labels: bool(labels) and _is_ref(block))
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


_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,3})[.)]\s+(?P<text>\S.*)$", re.S)
_MAX_OWNER_WORDS = 10
_MAX_DATE_WORDS = 4
_COLUMN_MAJOR_HEADER = ["Ref", "Recommendation", "Action", "Lead", "Target date", "Progress"]


def _numbered(block) -> tuple[Optional[int], str]:
    m = _NUMBERED.match(block.text) if isinstance(block, Paragraph) else None
    return (int(m.group("n")), m.group("text").strip()) if m else (None, "")


def _owner_cell(text: str) -> bool:
    """A lead cell: a name, a role or a body, perhaps "Name, Job title" or two names joined."""
    words = text.split()
    return is_owner_like(text) or (len(words) <= _MAX_OWNER_WORDS and text[:1].isupper()
                                   and not text.rstrip().endswith(".") and " and " in text and "," in text)


def _date_cell(text: str) -> bool:
    """A short cell that sets when: a date, or "From Oct 03", "Ongoing", "TBC"."""
    return len(text.split()) <= _MAX_DATE_WORDS and parse_deadline(text).status in ("date", "ongoing", "tba")


def _take(blocks: list, i: int, end: int, test, most: int) -> tuple[list[str], int]:
    """Up to `most` paragraphs from i that pass the test."""
    taken: list[str] = []
    while i < end and len(taken) < most and test(blocks[i].text):
        taken.append(blocks[i].text)
        i += 1
    return taken, i


def _column_major_row(blocks: list, i: int, ref: int) -> tuple[list[list[str]], int]:
    """The rows of one recommendation copied column by column, starting at its numbered line."""
    _, recommendation = _numbered(blocks[i])
    i += 1
    actions: list[str] = []
    while i < len(blocks) and _numbered(blocks[i])[0] == len(actions) + 1:  # its actions, numbered from 1
        actions.append(_numbered(blocks[i])[1])
        i += 1
    end = i  # the row runs to the next recommendation's number
    while end < len(blocks) and isinstance(blocks[end], Paragraph) and not blocks[end].heading \
            and _numbered(blocks[end])[0] != ref + 1:
        end += 1
    if not actions and i < end:  # one action, not numbered: the line after the recommendation
        actions.append(blocks[i].text)
        i += 1
    owners, i = _take(blocks, i, end, _owner_cell, len(actions))
    dates, i = _take(blocks, i, end, _date_cell, len(actions))
    progress, _ = _take(blocks, i, end, lambda t: not _owner_cell(t) and not _date_cell(t), len(actions))
    if not actions or not (owners or dates):
        return [], end

    def nth(cells: list[str], n: int) -> str:  # a lead or date printed once serves every action
        return cells[min(n, len(cells) - 1)] if cells else ""
    return [[str(ref), recommendation, action, nth(owners, n), nth(dates, n), progress[n] if n < len(progress) else ""]
            for n, action in enumerate(actions)], end


def _column_major_rows(blocks: list, start: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    i = start
    ref, _ = _numbered(blocks[i]) if i < len(blocks) else (None, "")
    while ref is not None and i < len(blocks) and _numbered(blocks[i])[0] == ref:
        found, i = _column_major_row(blocks, i, ref)
        if not found:
            break
        rows += found
        ref += 1
    return rows, i


def _label_run(blocks: list, start: int) -> int:
    """How many short label lines (a flattened header naming plan fields) open at `start`."""
    labels = _label_lines(blocks, start, lambda block, _: _numbered(block)[0] is not None)
    return len(labels) if len(labels) >= 2 and header_to_fields(labels) else 0


def unflatten_column_major(blocks: list) -> list:
    """The blocks, with a table copied column by column within each row (after its header
    labels, one per line) rebuilt as a Table."""
    out: list = []
    i = 0
    while i < len(blocks):
        width = _label_run(blocks, i) if isinstance(blocks[i], Paragraph) else 0
        if width:
            rows, end = _column_major_rows(blocks, i + width)
            if len(rows) >= 2:
                out += blocks[i:i + width]
                out.append(_rebuilt(_COLUMN_MAJOR_HEADER, rows, blocks[i]))
                i = end
                continue
        out.append(blocks[i])
        i += 1
    return out


def _rebuilt(header: list[str], rows: list[list[str]], first: Paragraph) -> Table:
    """A Table of the header labels and the rows' cells, on the page of the line it starts at."""
    head = Row(cells=[Cell(paragraphs=[h]) for h in header], page=first.page, line=first.line)
    body = [Row(cells=[Cell(paragraphs=[c] if c else []) for c in cells], page=first.page) for cells in rows]
    return Table(rows=[head] + body, page=first.page, aligned_paragraphs=False)


def unflatten_tables(blocks: list) -> list:
    """The blocks, with every table flattened to one cell per line (or to " / "-joined lines,
    or column by column) rebuilt as a Table."""
    blocks = unflatten_column_major(unflatten_slashed(blocks))
    out: list = []
    i = 0
    while i < len(blocks):
        found = _header_at(blocks, i) if isinstance(blocks[i], Paragraph) else None
        if found:
            width, _ = found
            rows, end = _rows_after(blocks, i + width, width)
            if len(rows) >= 2:
                out.append(_rebuilt([b.text for b in blocks[i:i + width]], rows, blocks[i]))
                i = end
                continue
        out.append(blocks[i])
        i += 1
    return out
