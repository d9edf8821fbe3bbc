"""Column meaning from what the cells hold, where the header is silent or misleading.

A header gives each column its first meaning (`headers.header_to_fields`); the
cells under it then confirm or correct it with the interpret stage's own
recognisers: a column of rating words is the rating whatever it is called; a
column of dates with no header of its own is the deadline; a column of bare
numbers is the ref; a column of High / Medium / Low is a priority, not the
recommendation; a column of Accepted / Declined is a decision, read as progress
only where the table has no progress column of its own.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.interpret.dates import parse_deadline
from boardpapers.extractors.interpret.rag import fill_rating, parse_rag
from boardpapers.extractors.interpret.refs import next_ref, ref_cell
from boardpapers.extractors.vocabulary import DECISION_VALUES, PRIORITY_VALUES
from boardpapers.schema.models import Row

MOST = 0.6  # the share of a column's filled cells that must agree for the cells to decide
SAMPLE_ROWS = 60  # rows looked at: enough to know a column, and a 10,000-row table costs no more
_SHORT_WORDS = 4  # a rating, priority or decision cell is a word or two, not prose


def _values(rows: list[Row], col: int) -> list[str]:
    return [collapse(r.cells[col].text) for r in rows[:SAMPLE_ROWS]
            if not r.heading and col < len(r.cells) and not r.cells[col].is_empty]


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def is_rating(text: str) -> bool:
    return len(text.split()) <= _SHORT_WORDS and parse_rag(text) is not None


def is_date(text: str) -> bool:
    return len(text.split()) <= 6 and parse_deadline(text).status == "date"


def is_ref(text: str) -> bool:
    return len(text) <= 12 and ref_cell(text) is not None


def _in(values: tuple[str, ...]):
    table = frozenset(values)
    return lambda text: text.casefold().rstrip(".") in table


def _fills(rows: list[Row], col: int) -> list[Optional[str]]:
    """The ratings the column's empty cells show by colour alone (None for an uncoloured one)."""
    return [fill_rating(r.cells[col].fill) for r in rows[:SAMPLE_ROWS]
            if not r.heading and col < len(r.cells) and r.cells[col].is_empty]


def refine_columns(columns: list[Optional[str]], rows: list[Row]) -> list[Optional[str]]:
    """The header's fields, corrected by the cells of the rows under it."""
    out = list(columns)
    for col, field in enumerate(columns):
        values = _values(rows, col)
        fills = _fills(rows, col)
        if field in ("progress", "outcome", None) and "rag" not in columns and fills \
                and sum(1 for f in fills if f) >= MOST * (len(fills) + len(values)):
            out[col] = "rag"  # a column of coloured cells with nothing written in them
            continue
        if not values:
            continue
        if field in ("progress", "outcome", None) and _share(values, is_rating) >= MOST and "rag" not in columns:
            out[col] = "rag"
        elif field == "recommendation" and col == 0 and "ref" not in columns and _numbers_in_turn(values):
            out[col] = "ref"  # 1, 2, 3 under "Recommendation": the recommendations cited by number
        elif field == "recommendation" and _share(values, _in(PRIORITY_VALUES)) >= MOST:
            out[col] = None
        elif field in ("progress", "action", None) and _share(values, _in(DECISION_VALUES)) >= MOST:
            others = [f for i, f in enumerate(columns) if i != col]
            out[col] = None if "progress" in others else "progress"
        elif field is None and "deadline" not in columns and _share(values, is_date) >= MOST:
            out[col] = "deadline"
        elif field is None and col == 0 and "ref" not in columns and _share(values, is_ref) >= MOST:
            out[col] = "ref"
        elif field in ("owner", "action", "recommendation") and _share(values, is_figure) >= MOST:
            out[col] = None  # counts and amounts: a table of figures, not who or what
    return out


def _numbers_in_turn(values: list[str]) -> bool:
    """Numbers that each follow the one before (1, 2, 3 or 4.1, 4.2): a column of refs, not of
    priorities (1, 3, 1, 2)."""
    refs = [v.strip().rstrip(".") for v in values]
    if len(refs) < 2 or _share(refs, is_ref) < MOST:
        return False
    return all(next_ref(a) == b or (a.isdigit() and b == str(int(a) + 1)) for a, b in zip(refs, refs[1:]))


_FIGURE = re.compile(r"^[£$€]?\s*\d[\d,.\s%]*(?:[kmb]n?|%)?$", re.I)


def is_figure(text: str) -> bool:
    """A number, a percentage, an amount: "484 565", "12%", "£1.2m"."""
    return bool(_FIGURE.match(text.strip()))


_MIN_HEADERLESS_ROWS = 3
_PROSE_WORDS = 5  # an action is written as a phrase or a sentence


def is_owner_like(text: str) -> bool:
    """A short cell that names someone: initials, a name, a role or a body, not a sentence."""
    words = text.split()
    return 0 < len(words) <= 6 and text[:1].isupper() and not text.rstrip().endswith(".") \
        and not is_date(text) and not is_rating(text) and not is_figure(text)


def columns_from_cells(rows: list[Row]) -> Optional[list[Optional[str]]]:
    """Fields for a table printed with no header row, from what its cells hold: a first column
    of refs, a column of prose (the action), and a column of dates or of names.  None unless
    all three are there: a table of prose and dates alone is not taken for a plan."""
    body = [r for r in rows if not r.heading]
    if len(body) < _MIN_HEADERLESS_ROWS:
        return None
    width = max(len(r.cells) for r in body)
    columns: list[Optional[str]] = [None] * width
    if _share(_values(body, 0), is_ref) < MOST:
        return None
    columns[0] = "ref"
    prose = [c for c in range(1, width)
             if _share(_values(body, c), lambda t: len(t.split()) >= _PROSE_WORDS) >= MOST]
    if not prose:
        return None
    columns[prose[0]] = "action"
    for c in range(1, width):
        if columns[c] is not None:
            continue
        values = _values(body, c)
        if len(values) < MOST * min(len(body), SAMPLE_ROWS):
            continue  # a column filled on a few rows only (the initials beside minutes) types nothing
        if "deadline" not in columns and _share(values, is_date) >= MOST:
            columns[c] = "deadline"
        elif "rag" not in columns and _share(values, is_rating) >= MOST:
            columns[c] = "rag"
        elif "owner" not in columns and _share(values, is_owner_like) >= MOST:
            columns[c] = "owner"
        elif c in prose and "progress" not in columns:
            columns[c] = "progress"
    return columns if {"owner", "deadline"} & set(columns) else None
