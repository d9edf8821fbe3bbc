"""Minutes laid out as a table with an Action column of initials beside the text.

Board minutes are often a two- or three-column table: the minute's number, what
was said, and a narrow Action column where the initials of whoever must act are
printed level with the line that sets the task.  Each line of initials is an
item: its owners are the initials, its action the sentence the initials stand
beside, its ref the number of the minute it falls under (carried from table to
table, since a minute runs over pages), and its deadline a due date that
sentence sets for itself.  Needs each line's place on the page, so it works where
the reader kept it (PDF).
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import SENTENCE_END, collapse, sentences
from boardpapers.extractors.interpret.dates import due_phrase
from boardpapers.extractors.interpret.owners import is_initials_list
from boardpapers.extractors.interpret.refs import MINUTE_NUMBER, ref_cell
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem, Row, Table

_MIN_TEXT_CHARS = 60  # the minutes' own column holds prose
_MOST = 0.6  # the share of the column's filled cells that must be initials
_RUN_IN_WORDS = 8  # a line this short with no closing stop, before a capital, is a run-in heading
_GLYPHS = re.compile(r"[\uf0b7\uf0a7\uf076]|\(cid:\d+\)")
_SUB_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)])\s+")


def action_column(table: Table) -> Optional[int]:
    """The column of initials beside the minutes' text, or None when the table has none."""
    width = max((len(r.cells) for r in table.rows), default=0)
    for col in range(width - 1, 0, -1):
        rows = [r for r in _below_action_header(table.rows, col) if _beside_prose(r, col)]
        cells = [r.cells[col] for r in rows if col < len(r.cells) and not r.cells[col].is_empty]
        entries = [c for c in cells if c.text.casefold() not in _ACTION_HEADERS]
        if not entries:
            continue
        initialled = [c for c in entries if all(is_initials_list(t) for t in _texts(c))]
        if len(initialled) < _MOST * len(entries):  # a few stray cells (a list of attendees run over) are allowed
            return None
        return col  # its entries stand beside the minutes' prose (`_beside_prose`)
    return None


_ACTION_HEADERS = ("action", "actions", "action by")


def _beside_prose(row: Row, col: int) -> bool:
    """Initials stand beside the minutes' prose; a header row's short labels ("DoT", a KPI
    table's direction of travel) are no initials of anyone."""
    return max((len(c.text) for c in row.cells[:col]), default=0) >= _MIN_TEXT_CHARS


def _initials_and_sentences(initials_cell, text_cell) -> list[tuple[str, str]]:
    """Each line of initials with the sentence it stands for: the one printed level with it where
    the page's geometry is kept, else the closing sentences of the minute."""
    if initials_cell.lines and text_cell.lines:
        return [(t, _sentence_beside(text_cell.lines, top)) for top, t in initials_cell.lines if is_initials_list(t)]
    initials = [t for t in _texts(initials_cell) if is_initials_list(t)]
    return list(zip(initials, _sentences_answered(text_cell.paragraphs, len(initials))))


def _below_action_header(rows: list[Row], col: int) -> list[Row]:
    """The rows under the column's "Action" heading, where it has one (the rows above are the
    meeting's details: title, date, attendees)."""
    for i, row in enumerate(rows):
        if col < len(row.cells) and row.cells[col].text.casefold().strip() in _ACTION_HEADERS:
            return rows[i + 1:]
    return rows


def _texts(cell) -> list[str]:
    """A cell's lines as printed (PDF), else its paragraphs (Word, HTML)."""
    return [t for _, t in cell.lines] if cell.lines else [p for p in cell.paragraphs if p.strip()]


def _text_column(row: Row, action: int) -> Optional[int]:
    widest = max(range(action), key=lambda c: len(row.cells[c].text), default=None)
    return widest if widest is not None and _texts(row.cells[widest]) else None


def _sentences_answered(paragraphs: list[str], count: int) -> list[str]:
    """Without the page's geometry, the sentences `count` lines of initials stand for: the last
    sentence of each of the last `count` paragraphs (minutes end a discussion with what is to be
    done), the initials in order."""
    chosen = [p for p in paragraphs if p.strip()][-count:]
    return [sentences(p)[-1] for p in chosen]


def _sentence_beside(lines: list[tuple[float, str]], top: float) -> str:
    """The sentence the initials printed level with `top` stand for: the one that starts on
    that line, else the one the line is part of."""
    nearest = min(range(len(lines)), key=lambda i: abs(lines[i][0] - top))
    text, starts, headings = "", [], []
    for i, (_, line) in enumerate(lines):
        starts.append(len(text) + (1 if text else 0))
        if i and _SUB_NUMBER.match(line):
            headings.append(starts[-1])  # a numbered sub-item ("2. Governance …") starts a new one
        text = f"{text} {line}" if text else line
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        if _is_run_in_heading(line, following):
            headings.append(len(text) + 1)  # a sub-heading line ends where the next line starts
    line_start = starts[nearest]
    line_end = starts[nearest + 1] if nearest + 1 < len(starts) else len(text)
    bounds = sorted({0, *headings, *(m.end() for m in SENTENCE_END.finditer(text)), len(text) + 1})
    spans = list(zip(bounds, bounds[1:]))
    starting_here = [(a, b) for a, b in spans if line_start <= a < line_end]
    a, b = starting_here[0] if starting_here else next((a, b) for a, b in spans if a <= line_start < b)
    return text[a:b].strip()


def _is_run_in_heading(line: str, following: str) -> bool:
    """ "Staff Advisory Group" (or "1. Terms of Reference") on a line of its own, then the
    minute's text: a sub-heading."""
    line = _SUB_NUMBER.sub("", line)
    words = line.split()
    return (0 < len(words) <= _RUN_IN_WORDS and line.rstrip()[-1:] not in ".,;:!?" and line[:1].isupper()
            and following[:1].isupper())


_RUN_IN_LABEL = re.compile(r"^[A-Z][^.:;]{2,60}:\s+(?=\S)")


def _clean(sentence: str) -> str:
    """Without bullet glyphs, a sub-item number, or a run-in label ("AGM Update: ...")."""
    text = collapse(_SUB_NUMBER.sub("", _GLYPHS.sub(" ", sentence)))
    label = _RUN_IN_LABEL.match(text)
    if label and len(text) - label.end() > 20:
        text = text[label.end():]
    return text


def _margin_initials(blocks: list[Block], document: str, paper_date=None) -> list[RawItem]:
    """The same minutes with no table drawn: under an "Action" column heading printed on its own,
    a minute's paragraph that ends with initials set apart ("… before the summer. CLK") is an
    item: its last sentence, by those initials, under the minute's number."""
    items: list[RawItem] = []
    column = False
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if text.casefold() in _ACTION_HEADERS:
            column = True
            continue
        words = text.split()
        if not column or len(words) < 3 or not is_initials_list(words[-1]) or words[-2][-1:] not in ".!?":
            continue
        body = " ".join(words[:-1])
        said = sentences(body)
        action = _clean(said[-1]) if said else None
        number = MINUTE_NUMBER.match(text)
        items.append(RawItem(ref=number.group("ref") if number else None, action=action, owner=words[-1],
                             deadline=due_phrase(action, paper_date),
                             provenance=Provenance(document=document, page=block.page, line=block.line)))
    return items


def find_action_column_minutes(blocks: list[Block], document: str, paper_date=None) -> list[PlanDraft]:
    """One plan of every initialled action in minutes tables with an Action column (or in
    minutes whose Action column is set in the margin with no table drawn), or none."""
    items: list[RawItem] = []
    minute: Optional[str] = None
    for block in blocks:
        if not isinstance(block, Table):
            continue
        col = action_column(block)
        for row in block.rows:
            number = ref_cell(row.cells[0].text.strip()) if row.cells and row.cells[0].text.strip() else None
            if number:
                minute = number.rstrip(".")
            if col is None or col >= len(row.cells) or row.cells[col].is_empty:
                continue
            text_col = _text_column(row, col)
            if text_col is None:
                continue
            for initials, sentence in _initials_and_sentences(row.cells[col], row.cells[text_col]):
                action = _clean(sentence)
                items.append(RawItem(ref=minute, action=action or None, owner=initials.replace(" ", ""),
                                     deadline=due_phrase(action, paper_date),
                                     provenance=Provenance(document=document, page=row.page, table=block.index,
                                                           row=row.index, bbox=row.bbox)))
    items = items or _margin_initials(blocks, document, paper_date)
    if not items:
        return []
    return [PlanDraft(title="Actions from the minutes", shape="minutes", provenance=items[0].provenance, items=items)]
