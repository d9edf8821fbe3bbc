"""The column typer: each column's field from what its header means and what its cells hold.

A header gives each column its first evidence (`headers.header_to_fields`); the
cells under it add theirs through the interpret stage's own recognisers, each
kind of evidence weighted for or against fields in one table (COLUMN_EVIDENCE):
a column of rating words is the rating whatever it is called, and never
progress; a column of dates with no header of its own is the deadline; a first
column of numbers in turn is the ref; a column of High / Medium / Low is a
priority, not the recommendation; a column of Accepted / Declined is a decision,
read as progress only where no header names a progress column; counts and
amounts are nobody and nothing to do.  `type_columns` takes the best
consistent assignment over the table.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.find.headers import is_unmapped_header, left_action_answers
from boardpapers.extractors.interpret.dates import parse_deadline
from boardpapers.extractors.interpret.owners import names_only
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
    """A cell that is a rating, opening with it ("Amber", "G", "Green - on track"), not a phrase
    that holds a rating letter ("Agree a single"), a code that starts with one ("R1") or a
    sub-item's lower-case letter."""
    words = text.split()
    if len(text.strip("().")) == 1 and text.strip("().").islower():
        return False  # "a", "(b)": a sub-item's letter; a rating letter is a capital (R, A, G)
    return 0 < len(words) <= _SHORT_WORDS and not any(ch.isdigit() for ch in text) \
        and parse_rag(text) is not None and parse_rag(words[0]) is not None


_DATE_COVER = 0.5  # of a cell's characters a date must take to make it a date ("by 30 June", not "Fix it by June")


def is_date(text: str) -> bool:
    if len(text.split()) > 6:
        return False
    deadline = parse_deadline(text)
    if deadline.status != "date":
        return False
    printed = re.sub(r"\([^)]*\)", "", text).strip()  # a note in brackets: "Sept 2025 (revised)"
    return deadline.span is None or (deadline.span[1] - deadline.span[0]) >= _DATE_COVER * len(printed)


# A cell under "Lead / Date" or "Owner and timescale": who, then when (or when, then who), set off
# by a slash, a dash, a comma or a line break.
_WHO_THEN_WHEN = re.compile(r"^(?P<a>.+?)\s*(?:\s/\s|/(?=\D)|[;,\n–—]|\s-\s)\s*(?P<b>[^;,\n–—]+)$", re.S)


def split_who_and_when(text: Optional[str]) -> Optional[tuple[str, str]]:
    """(owner, deadline) for a cell that names both ("Chief Nurse / June 2025"), else None."""
    m = _WHO_THEN_WHEN.match((text or "").strip())
    if not m:
        return None
    a, b = collapse(m.group("a")), collapse(m.group("b"))
    for who, when in ((a, b), (b, a)):
        if names_only(who) and parse_deadline(when).status != "none" and parse_deadline(who).status == "none":
            return who, when
    return None


def is_ref(text: str) -> bool:
    return len(text) <= 12 and ref_cell(text) is not None


def _in(values: tuple[str, ...]):
    table = frozenset(values)
    return lambda text: text.casefold().rstrip(".") in table


def _fills(rows: list[Row], col: int) -> list[Optional[str]]:
    """The ratings the column's empty cells show by colour alone (None for an uncoloured one)."""
    return [fill_rating(r.cells[col].fill) for r in rows[:SAMPLE_ROWS]
            if not r.heading and col < len(r.cells) and r.cells[col].is_empty]


# What each kind of evidence says of a column's field.  A column's score for a field is the sum,
# over the evidence it shows, of weight x strength: strength 1 for the field its header names,
# and for what its cells hold the share of its filled cells that hold it (counted once a clear
# majority, MOST, do).  A header is evidence of weight 1, so cells outweigh it only where they
# speak with one voice and the table below says so.
HEADER_WEIGHT = 1.0
COLUMN_EVIDENCE: dict[str, dict[str, float]] = {
    "ratings": {"rag": 2.0, "progress": -2.0, "outcome": -2.0},   # Red / Amber / Green / Complete
    "colours": {"rag": 2.0, "progress": -2.0, "outcome": -2.0},   # empty cells shaded in a rating
    "refs_in_turn": {"ref": 2.0, "recommendation": -2.0},          # 1, 2, 3 or 4.1, 4.2 (first column)
    "codes": {"ref": 0.9, "recommendation": -1.0, "action": -1.0},  # W1, CRR0012 (first column): no prose
    "dates": {"deadline": 0.9, "recommendation": -2.0, "action": -2.0},  # a column of dates: nothing to do
    "priorities": {"recommendation": -2.0, "action": -2.0},        # High / Medium / Low, 1 / 3 / 1
    "decisions": {"progress": 1.5, "action": -2.0},                # Accepted / Partly agreed / Declined
    "figures": {"owner": -2.0, "action": -2.0, "recommendation": -2.0, "deadline": -2.0},  # 484 565, 12%, £1.2m
}


def column_evidence(rows: list[Row], col: int) -> dict[str, float]:
    """What the cells of one column show: evidence -> strength (the share of cells showing it)."""
    values, fills = _values(rows, col), _fills(rows, col)
    found: dict[str, float] = {}
    coloured = sum(1 for f in fills if f) / (len(fills) + len(values)) if fills else 0.0
    if coloured >= MOST:
        found["colours"] = coloured
    if values:
        found.update(values_evidence(values, first_column=col == 0))
    return found


def values_evidence(values: list[str], first_column: bool = False) -> dict[str, float]:
    """What a run of values shows (a column's cells, or the values one label takes in record
    after record): evidence -> the share of the values showing it, where a clear majority do."""
    shares = {"ratings": _share(values, is_rating), "dates": _share(values, is_date),
              "priorities": _share(values, _in(PRIORITY_VALUES)), "decisions": _share(values, _in(DECISION_VALUES)),
              "figures": _share(values, lambda v: is_figure(v) and not is_date(v))}  # "2025" is a year
    if first_column:
        shares["refs_in_turn"] = 1.0 if _numbers_in_turn(values) else 0.0
        if shares["priorities"] < MOST:  # 1, 3, 1, 2 under "Recommendation": priorities, not refs
            shares["codes"] = _share(values, is_ref)
    return {kind: share for kind, share in shares.items() if share >= MOST}


def values_field(named: Optional[str], values: list[str]) -> Optional[str]:
    """The field a label or header naming `named` holds, given the values under it: the one
    the evidence scores best, or None when none scores above zero ("Priority: High")."""
    scores = field_scores(named, values_evidence([collapse(v) for v in values if v.strip()]))
    best = max(scores, key=scores.get, default=None)
    return best if best is not None and scores[best] > 0 else None


NOTHING = "nothing"  # the field of a column a header names as one we do not read ("Date raised")


def field_scores(header_field: Optional[str], evidence: dict[str, float]) -> dict[str, float]:
    """A column's score for each field, from its header and its cells (COLUMN_EVIDENCE)."""
    scores: dict[str, float] = {header_field: HEADER_WEIGHT} if header_field else {}
    for kind, strength in evidence.items():
        for field, weight in COLUMN_EVIDENCE[kind].items():
            scores[field] = scores.get(field, 0.0) + weight * strength
    return scores


def type_columns(header_fields: list[Optional[str]], rows: list[Row],
                 header_cells: Optional[list[str]] = None) -> list[Optional[str]]:
    """Each column's field, from what its header means and what the cells under it hold.

    Each column takes the field it scores best (nothing, when no field scores above
    zero).  A header that names a column we do not read ("Date raised", "Risk score")
    is evidence for nothing, as strong as any header.  Cells never give a column a field
    another column's header names: that column keeps its header's field, if it still
    scores above zero, or reads as nothing.
    """
    cells = header_cells or [""] * len(header_fields)
    scored = [field_scores(header_field, column_evidence(rows, col)) for col, header_field in enumerate(header_fields)]
    best: list[Optional[str]] = []
    for col, (header_field, scores) in enumerate(zip(header_fields, scored)):
        if header_field is None and col < len(cells) and is_unmapped_header(cells[col]):
            scores = {**scores, NOTHING: HEADER_WEIGHT}
        top = max(scores.items(), key=lambda kv: (kv[1], kv[0] == header_field), default=(None, 0.0))
        best.append(top[0] if top[1] > 0 and top[0] != NOTHING else None)
    named = set(header_fields)
    typed = []
    for field, header_field, scores in zip(best, header_fields, scored):
        if field is not None and field != header_field and field in named:
            field = header_field if header_field and scores.get(header_field, 0.0) > 0 else None
        typed.append(field)
    return left_action_answers(typed, cells) if header_cells else typed


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
