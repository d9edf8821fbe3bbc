"""Tables in text dumps whose columns are laid out with spaces, not tabs.

Two layouts: columns aligned to fixed positions, with cells wrapped onto the
lines below (the text copy of a printed tracker), and columns merely separated
by runs of two or more spaces.  In both, the columns are found from the gutters:
character positions that are blank on every line that spreads across the table
(a line with two or more runs of spaces inside it).  Each line is cut at the
gutters; a line whose first column is empty carries on the row above (a wrapped
cell, or the second line of a two-line header); a line with only its first column
filled is a heading row ("May 2012").  The block comes back as tab-separated
lines, so the text reader treats it like any other table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_INNER_GAP = re.compile(r"\S {2,}(?=\S)")
_MIN_WIDE_LINES = 3  # lines spread across the table before a block counts as one
_MIN_GUTTER = 2  # blank positions that separate two columns


@dataclass
class Line:
    """A line of the dump as the text reader will see it: its number, text, and whether
    it is a heading row of a table found here."""

    number: int
    text: str
    heading: bool = False


def gaps(line: str) -> int:
    """Runs of two or more spaces inside the line (not its indentation)."""
    return len(_INNER_GAP.findall(line.strip()))


def _is_wide(line: str) -> bool:
    return "\t" not in line and gaps(line) >= 2


def column_starts(wide: list[str]) -> list[int]:
    """Where each column starts: after every run of positions that lie in a gap of two or more
    spaces on all the wide lines.  Each line needs its own gap there, not the same two blank
    positions: a hand-typed column a space out of line on one row still parts from its neighbour."""
    width = max(len(line) for line in wide)
    in_gap = [_gap_positions(line, width) for line in wide]
    gutter = [all(line[i] for line in in_gap) for i in range(width)]
    starts, run = [], _MIN_GUTTER  # the left margin counts as a gutter
    for i, is_gutter in enumerate(gutter):
        if is_gutter:
            run += 1
        else:
            if run >= 1 and (starts or run >= _MIN_GUTTER):
                starts.append(i)
            run = 0
    return starts


def _gap_positions(line: str, width: int) -> list[bool]:
    """For each position up to width: is it inside a run of two or more spaces, in the line's
    indentation, or past its end?"""
    marks = [False] * len(line) + [True] * (width - len(line))
    for i in range(len(line) - len(line.lstrip(" "))):
        marks[i] = True
    for gap in re.finditer(r" {%d,}" % _MIN_GUTTER, line):
        for i in range(gap.start(), gap.end()):
            marks[i] = True
    return marks


def cut(line: str, starts: list[int]) -> list[str]:
    """The line's cells between the column starts; a word across a start stays whole, with
    the column it begins in."""
    cells, begin = [], 0
    for start in starts[1:] + [None]:
        end = len(line) if start is None else start
        while start is not None and 0 < end < len(line) and line[end - 1] != " " and line[end] != " ":
            end += 1  # on to the end of the word that crosses the column start
        cells.append(line[begin:end].strip())
        begin = end
    return cells


def _block_end(lines: list[str], first: int) -> int:
    """The line after a fixed-width block that starts at `first`.  It runs over wide lines,
    over indented lines (wrapped cells) and over lines a wide line soon follows (headings);
    one blank line may sit inside it if a wide line follows."""
    i = first
    while i < len(lines):
        soon_wide = any(_is_wide(line) for line in lines[i + 1:i + 3])
        if lines[i].strip() and "\t" not in lines[i] and (_is_wide(lines[i]) or lines[i][:1].isspace() or soon_wide):
            i += 1
        elif not lines[i].strip() and i + 1 < len(lines) and _is_wide(lines[i + 1]):
            i += 1
        else:
            break
    return i


def _rows(block: list[tuple[int, str]], starts: list[int]) -> list[Line]:
    rows: list[tuple[int, list[str]]] = []
    for number, text in block:
        if not text.strip():
            continue
        cells = cut(text, starts)
        if gaps(text) == 0 and cells[0]:  # one run of words from the first column: a heading line
            cells = [text.strip()] + [""] * (len(starts) - 1)
        if rows and not cells[0]:
            for i, value in enumerate(cells):
                if value:
                    rows[-1][1][i] = f"{rows[-1][1][i]} {value}".strip()
        else:
            rows.append((number, cells))
    out = []
    for index, (number, cells) in enumerate(rows):
        heading = index > 0 and bool(cells[0]) and not any(cells[1:])
        out.append(Line(number, "\t".join(cells), heading=heading))
    return out


def fixed_width_to_tabs(lines: list[str]) -> list[Line]:
    """The dump's lines, with every table laid out by spaces turned into tab-separated rows
    (wrapped lines joined into their rows)."""
    out: list[Line] = []
    known: dict[str, list[int]] = {}  # a table's first line -> its columns, for its header repeated after a break
    i = 0
    while i < len(lines):
        if not _is_wide(lines[i]):
            out.append(Line(i + 1, lines[i]))
            i += 1
            continue
        end = _block_end(lines, i)
        block = [(n + 1, lines[n]) for n in range(i, end)]
        wide = [text for _, text in block if _is_wide(text)]
        starts = column_starts(wide) if len(wide) >= _MIN_WIDE_LINES else known.get(wide[0].strip(), [])
        if len(starts) >= 3:
            known.setdefault(wide[0].strip(), starts)
        if len(starts) < 3:
            out.extend(Line(n, text) for n, text in block)
        else:
            out.extend(_rows(block, starts))
        i = end
    return out
