"""Tables laid on their side: the fields down the first column, one action to a column.

Delivery plans are sometimes printed with the labels of a record as row headers
("What we will do", "Who", "When") and each objective or action as a column
beside them.  Read as printed, the first row would be taken for the header and
each row for an action.  A table whose first column names the fields a plan's
header would (what is to be done, and who or when) and whose first row names
none is turned so that its columns become rows; the column finder then reads it
like any other plan.  A table of two columns is one record (label | value) and
is left to the labelled-record finder.
"""
from __future__ import annotations

from boardpapers.extractors.find.headers import ABOUT_FIELDS, FOLLOW_UP_FIELDS, label_field
from boardpapers.schema.models import Block, Cell, Row, Table

_MIN_COLUMNS = 3  # the label column and at least two records


def _fields(texts: list[str]) -> list[str]:
    return [f for f in (label_field(t) for t in texts if t.strip()) if f]


def names_fields_down(table: Table) -> bool:
    """Whether the table's first column names a record's fields and its first row does not."""
    rows = [r for r in table.rows if r.cells]
    if len(rows) < 3 or min(len(r.cells) for r in rows) < _MIN_COLUMNS:
        return False
    down = _fields([r.cells[0].text for r in rows[1:]])
    across = _fields([c.text for c in rows[0].cells[1:]])
    named = set(down)
    return len(named) == len(down) >= 3 and bool(named & ABOUT_FIELDS) and bool(named & FOLLOW_UP_FIELDS) \
        and len(across) < 2


def turn_table(table: Table) -> Table:
    """The table with its rows as columns: each record printed down a column becomes a row."""
    rows = [r for r in table.rows if r.cells]
    width = min(len(r.cells) for r in rows)
    turned = [Row(cells=[r.cells[col] if col < len(r.cells) else Cell() for r in rows],
                  page=rows[0].page, line=rows[0].line, bbox=None) for col in range(width)]
    return table.model_copy(update={"rows": turned})


def turn_side_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with every table laid on its side turned upright."""
    return [turn_table(b) if isinstance(b, Table) and names_fields_down(b) else b for b in blocks]
