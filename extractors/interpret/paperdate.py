"""The date a paper carries: its meeting or report date, printed near the top."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from boardpapers.extractors.interpret.dates import find_periods
from boardpapers.schema.models import Paragraph, ReadDocument, Table

_HEAD_BLOCKS = 25
_HEAD_CHARS = 400  # a paper's date is printed near the start of a block, not deep inside a long one
_DATE_LABEL = re.compile(r"\b(?:date|meeting|report|board|committee|dated|held on)\b", re.I)


def find_paper_date(document: ReadDocument) -> Optional[dt.date]:
    """The first full date (day, month and year) printed in the paper's opening blocks, or None.

    A date beside a word such as "meeting", "date" or "report" wins over one
    that merely appears first.  The date the file's own properties give is
    kept apart (ReadDocument.metadata_date): it is when the file was made.
    """
    candidates: list[tuple[int, dt.date]] = []
    for position, text in enumerate(head_texts(document)):
        for period in find_periods(text):
            if period.granularity == "day" and 1990 <= period.start.year <= 2100:
                labelled = bool(_DATE_LABEL.search(text)) or len(text.split()) <= 6
                candidates.append((0 if labelled else 1, position, period.start))
    if candidates:
        return min(candidates)[2]
    return None


def head_texts(document: ReadDocument) -> list[str]:
    """The texts of a paper's opening blocks (a table's first rows too), each cut short."""
    texts: list[str] = []
    for block in document.blocks[:_HEAD_BLOCKS]:
        if isinstance(block, Paragraph):
            texts.append(block.text[:_HEAD_CHARS])
        elif isinstance(block, Table):
            texts.extend(" ".join(c.text[:_HEAD_CHARS] for c in row.cells) for row in block.rows[:5])
    return texts
