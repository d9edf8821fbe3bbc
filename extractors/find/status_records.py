"""Actions reported as narrative records under the heading of what they address.

Risk registers and performance reports list, under each risk ("CRR0003: Securing
resources …"), the actions taken against it, each as a status word ("Complete",
"Partially Complete", "Regular Review"), an optional title in bold, and a
paragraph.  Each record is an item: the heading's code is its ref and its title
the recommendation; the bold title is the action; the status word and the
paragraph are the progress (the title, when there is none, is left empty); a
date the paragraph sets by revising or extending the deadline is the deadline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.interpret.dates import due_phrase
from boardpapers.extractors.vocabulary import RECORD_STATUS_WORDS
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem, Table

_HEADING = re.compile(r"^(?P<ref>[A-Z]{2,5}\s?\d{2,5}[a-z]?)\s*[:–-]\s*(?P<title>[^.]{3,160})$")
_STATUS = re.compile(r"^(?P<status>" + "|".join(sorted((re.escape(w) for w in RECORD_STATUS_WORDS), key=len,
                                                       reverse=True)) + r")\b[.:]?\s*(?P<rest>.*)$", re.I | re.S)
_MAX_TITLE_WORDS = 30
_MIN_RECORDS = 2


@dataclass
class _Record:
    ref: str
    heading: str
    status: str
    page: int
    title: Optional[str] = None
    body: list[str] = field(default_factory=list)


def _texts(blocks: list[Block]):
    """(text, bold, page) for each paragraph, and for a one-row table (a status in a box)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text, block.bold, block.page
        elif isinstance(block, Table) and len(block.rows) == 1:
            yield collapse(" ".join(c.text for c in block.rows[0].cells)), False, block.page


def find_status_records(blocks: list[Block], document: str) -> list[PlanDraft]:
    """One plan of the status records under coded headings, or none."""
    records: list[_Record] = []
    heading: Optional[tuple[str, str]] = None
    current: Optional[_Record] = None
    for text, bold, page in _texts(blocks):
        head = _HEADING.match(text)
        if head and len(text.split()) <= _MAX_TITLE_WORDS:
            heading, current = (head.group("ref").replace(" ", ""), collapse(head.group("title"))), None
            continue
        status = _STATUS.match(text) if heading else None
        if status and not bold:
            current = _Record(heading[0], heading[1], collapse(status.group("status")), page)
            records.append(current)
            if status.group("rest"):
                current.body.append(status.group("rest"))
            continue
        if current is None:
            continue
        if bold and not current.body and current.title is None and len(text.split()) <= _MAX_TITLE_WORDS:
            current.title = text.rstrip(".")
        elif bold:
            current, heading = None, None  # a bold line after the text: the next section
        else:
            current.body.append(text)
    if len(records) < _MIN_RECORDS:
        return []
    items = []
    for r in records:
        body = collapse(" ".join(r.body))
        items.append(RawItem(ref=r.ref, recommendation=r.heading, action=r.title,
                             progress=collapse(f"{r.status} {body}"), deadline=due_phrase(body),
                             provenance=Provenance(document=document, page=r.page)))
    return [PlanDraft(title="Actions against the risks", shape="rated_sections", provenance=items[0].provenance,
                      items=items)]
