"""Reader for plain-text and markdown dumps of papers (.txt, .md).

Such dumps print a table row per line with tab-separated cells (or markdown
pipes), repeat the page's title and header row on every page, and put page
numbers on lines of their own.  This reader turns a dump into paragraphs and
tables, recognising page furniture by repetition rather than by its words, and
marking the first row after each page break so later stages can join rows that
a page break split.
"""
from __future__ import annotations

import codecs
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from boardpapers.extractors.cleaning import cell_paragraphs, collapse, is_page_number, strip_markup
from boardpapers.extractors.read.fixed_width import fixed_width_to_tabs
from boardpapers.schema.models import Cell, Notice, Paragraph, ReadDocument, Row, Table

_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_MIN_REPEATS = 3
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


@dataclass
class _Line:
    number: int
    cells: list[str]
    raw: str = ""
    furniture: bool = False
    repeated: bool = False
    breaks_page: bool = False
    heading: bool = False  # a table's heading row, where the layout shows it (fixed-width dumps)

    @cached_property
    def cleaned(self) -> list[str]:
        return [collapse(strip_markup(c)) for c in self.cells]

    @cached_property
    def filled(self) -> list[str]:
        return [c for c, clean in zip(self.cells, self.cleaned) if clean]

    @property
    def pipe(self) -> bool:
        return "\t" not in self.raw and self.raw.lstrip().startswith("|")

    @property
    def is_blank(self) -> bool:
        return not self.filled

    @property
    def is_tabular(self) -> bool:
        return len(self.cells) > 1

    @cached_property
    def key(self) -> str:
        return " | ".join(clean.casefold() for clean in self.cleaned if clean)


@dataclass
class _Builder:
    """Collects blocks while walking the lines, tracking the page number."""

    blocks: list = field(default_factory=list)
    page: int = 1
    rows: list[Row] = field(default_factory=list)
    page_break_pending: bool = False
    content_since_break: bool = False
    caption: Optional[str] = None  # a running title seen before the table it names

    def page_break(self) -> None:
        if self.content_since_break:
            self.page += 1
            self.content_since_break = False
        self.page_break_pending = True

    def add_row(self, line: _Line) -> None:
        cells = [Cell(paragraphs=cell_paragraphs(c)) for c in line.cells]
        self.rows.append(Row(cells=cells, page=self.page, line=line.number,
                             starts_page=self.page_break_pending, repeated=line.repeated, heading=line.heading))
        if not line.repeated:
            self.page_break_pending = False
            self.content_since_break = True

    def close_table(self) -> None:
        if self.rows:
            tables = sum(1 for b in self.blocks if isinstance(b, Table))
            self.blocks.append(Table(rows=self.rows, page=self.rows[0].page, index=tables, caption=self.caption))
            self.rows = []
            self.caption = None

    def add_paragraph(self, line: _Line) -> None:
        self.close_table()
        heading = _MD_HEADING.match(line.cells[0])
        text = strip_markup(line.cells[0][heading.end():] if heading else line.cells[0])
        if text:
            self.blocks.append(Paragraph(text=text, page=self.page, line=line.number, heading=bool(heading)))
            self.content_since_break = True


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DETECT_BYTES = 200_000


def detect_encoding(data: bytes) -> str:
    """The text's encoding: a byte-order mark, UTF-8 if it decodes, else charset-normalizer's guess.

    Western European guesses (Latin-1, Windows-1252 and their kin) are read as
    Windows-1252, which Latin-1 papers decode the same under and which has the
    curly quotes and dashes Word puts in.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_BYTES]).best()
    encoding = best.encoding if best else "cp1252"
    if encoding.replace("-", "_") in ("latin_1", "iso8859_1", "iso8859_15", "cp1252", "cp1250", "iso8859_2",
                                      "mac_roman", "cp850", "cp437", "ascii"):
        return "cp1252"
    return encoding


def decode(data: bytes) -> str:
    """Bytes to text in the encoding they were written in."""
    return data.decode(detect_encoding(data), errors="replace")


# Cells set off by a bar or a semicolon with no bar opening the line ("Ref | Action | Owner",
# "1;Agree the strategy;Director"): a table where a run of lines splits into as many cells.
_SEPARATORS = (re.compile(r"\s*\|\s*"), re.compile(r"\s*;\s*"))
_MIN_SEPARATED_LINES = 3  # a header and two rows
_MIN_SEPARATED_CELLS = 3


def separated_to_tabs(lines: list[str]) -> list[str]:
    """The dump's lines, with every run of lines that a bar or a semicolon parts into the same
    number of cells (three or more), under a line of labels, turned into tab-separated rows."""
    out = list(lines)
    for separator in _SEPARATORS:
        counts = [len(separator.split(l.strip())) if "\t" not in l and not l.lstrip().startswith("|") else 0
                  for l in out]
        i = 0
        while i < len(out):
            j = i
            while j < len(out) and counts[j] >= _MIN_SEPARATED_CELLS and counts[j] == counts[i]:
                j += 1
            if j - i >= _MIN_SEPARATED_LINES and _reads_as_labels(separator.split(out[i].strip())):
                out[i:j] = ["\t".join(separator.split(l.strip())) for l in out[i:j]]
            i = max(j, i + 1)
    return out


_LABEL_WORDS = 4


def _reads_as_labels(cells: list[str]) -> bool:
    """A first line of short labels with no figures: the header of a table.  A run with no such
    line is left as lines (the find stage reads them by what their parts hold)."""
    return all(0 < len(c.split()) <= _LABEL_WORDS and not any(ch.isdigit() for ch in c) for c in cells)


def split_cells(line: str) -> list[str]:
    """One printed line -> its cells (tabs, or markdown pipes)."""
    stripped = line.strip()
    if "\t" in line:
        return line.rstrip("\r\n").split("\t")
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]
    return [line.rstrip("\r\n")]


def is_separator(cells: list[str]) -> bool:
    """Markdown rule rows such as `---|:--:|---` and their tab-separated copies."""
    filled = [c for c in cells if c.strip()]
    return (bool(filled) and all(_SEPARATOR_CELL.match(c) for c in filled)
            and any(c.count("-") >= 2 or ":" in c for c in filled))


def _is_page_number_line(line: _Line) -> bool:
    filled = line.filled
    return len(filled) == 1 and is_page_number(filled[0])


def repeated_titles(lines: list[_Line]) -> set[str]:
    """Texts of single-cell lines printed often enough to be a running page title.

    A line printed twice counts when a table follows it each time; one printed
    three times or more, when a table follows it at least once.  Repeated prose
    labels ("Next steps:") are left alone.
    """
    counts = Counter(l.key for l in lines if len(l.filled) == 1 and len(l.key) >= 8)
    titles = set()
    for key, n in counts.items():
        if n < 2:
            continue
        above_tables = []
        for i, line in enumerate(lines):
            if len(line.filled) == 1 and line.key == key:
                nxt = next((m for m in lines[i + 1:] if not m.is_blank), None)
                above_tables.append(nxt is not None and nxt.is_tabular)
        if all(above_tables) or (n >= _MIN_REPEATS and any(above_tables)):
            titles.add(key)
    return titles


def _similar_prefix(text: str, titles: set[str]) -> bool:
    return any(
        difflib.SequenceMatcher(None, text, title[: len(text)]).ratio() >= 0.8 for title in titles
    )


def is_title_furniture(line: _Line, titles: set[str]) -> bool:
    """A line holding a running title, perhaps beside a truncated copy of it."""
    keys = [clean.casefold() for clean in line.cleaned if clean]
    if not keys or not any(k in titles for k in keys):
        return False
    return all(k in titles or _similar_prefix(k, titles) for k in keys)


def mark_furniture(lines: list[_Line]) -> None:
    """Flag running titles and page numbers as furniture, and multi-cell rows printed again.

    Repeated rows stay in the table (flagged), because a repeated header row
    tells the plan finder which column layout the next page uses.
    """
    titles = repeated_titles(lines)
    row_counts = Counter(l.key for l in lines if len(l.filled) > 1)
    seen_titles: set[str] = set()
    seen_rows: set[str] = set()
    for line in lines:
        if line.is_blank:
            continue
        if _is_page_number_line(line):
            line.furniture = line.breaks_page = True
        elif is_title_furniture(line, titles):
            first = line.key in titles and line.key not in seen_titles
            seen_titles.add(line.key)
            line.furniture = not first or line.is_tabular
            line.breaks_page = not first
        elif len(line.filled) > 1 and row_counts[line.key] >= 2 and len(line.key) >= 12:
            line.repeated = line.breaks_page = line.key in seen_rows
            seen_rows.add(line.key)


def ends_table(previous: _Line, line: _Line) -> bool:
    """After a blank line, does this row start a new table rather than a new page of the same one?

    A markdown table ends at a blank line; a tab-separated one goes on (dumps
    put blank lines at page breaks) unless the number of cells changes.
    """
    if previous.pipe and line.pipe:
        return True
    return len(previous.cells) != len(line.cells)


_MAX_HEADING_WORDS = 12


def _heading_inside(line: _Line, previous: _Line, rest: list[_Line]) -> bool:
    """A short line with no tabs printed between two rows of a table, the next row as wide
    as the last: a row merged across the table ("Aim 2: fewer falls"), not the end of it."""
    following = next((l for l in rest if not l.is_blank and not l.furniture), None)
    return (len(line.filled) == 1 and len(line.filled[0].split()) <= _MAX_HEADING_WORDS
            and following is not None and following.is_tabular and len(following.cells) == len(previous.cells))


def _full_width(line: _Line, width: int) -> _Line:
    """The line as a table row whose one cell spans the table."""
    return _Line(number=line.number, cells=[line.filled[0]] + [""] * (width - 1), raw=line.raw, heading=True)


def read_text(data: bytes, name: str) -> ReadDocument:
    """Read a text or markdown dump into paragraphs and tables."""
    encoding = detect_encoding(data)
    text = data.decode(encoding, errors="replace")
    lines = [_Line(number=line.number, cells=split_cells(line.text), raw=line.text, heading=line.heading)
             for line in fixed_width_to_tabs(separated_to_tabs(text.splitlines()))]
    lines = [l for l in lines if not is_separator(l.cells)]
    mark_furniture(lines)
    builder = _Builder()
    previous: Optional[_Line] = None
    gap = False  # blank lines (and nothing else) since the last row
    for i, line in enumerate(lines):
        if line.is_blank:
            gap = True
            continue
        if line.breaks_page:
            builder.page_break()
            gap = False
        if line.furniture:
            if not line.breaks_page and not _is_page_number_line(line):  # a running title's first print
                builder.caption = builder.caption or collapse(strip_markup(line.filled[0]))
            gap = False
            continue
        if line.is_tabular:
            if gap and previous is not None and ends_table(previous, line):
                builder.close_table()
            builder.add_row(line)
            previous = line
        elif previous is not None and not gap and _heading_inside(line, previous, lines[i + 1:]):
            builder.add_row(_full_width(line, len(previous.cells)))
        else:
            builder.add_paragraph(line)
            previous = None
        gap = False
    builder.close_table()
    title = next((b.text for b in builder.blocks if isinstance(b, Paragraph)), None)
    pages = builder.page if builder.content_since_break or builder.page == 1 else builder.page - 1
    fmt = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    return ReadDocument(name=name, format=fmt, title=title, pages=pages, blocks=builder.blocks,
                        warnings=encoding_warnings(data, encoding, text))


def encoding_warnings(data: bytes, encoding: str, text: str) -> list[Notice]:
    """A warning when the text was not UTF-8 (or marked by a byte-order mark) and had to be guessed."""
    if encoding == "utf-8" or any(data.startswith(bom) for bom, _ in _BOMS):
        return []
    replaced = text.count("\ufffd")
    message = f"not UTF-8; decoded as {encoding} (a best guess: check accented letters and dashes)"
    if replaced:
        message += f"; {replaced} undecodable byte{'s' if replaced != 1 else ''} shown as \ufffd"
    return [Notice(kind="encoding_fallback", message=message)]
