"""Plans written as labelled records rather than as a table.

Two shapes share this finder:
- rated sections: "Section 1.1 Title / Contact(s) names / statement / RATING Amber";
- narrative priorities: "Priority: statement", progress paragraphs, "Next steps: ...".
A record opens at a start label and runs to the next one (or, once rated, ends
at its rating).  Records with neither owner, rating nor next steps are not
plans (a "Priority 2" heading over a chart is not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpapers.extractors.cleaning import collapse, strip_markup
from boardpapers.extractors.interpret.refs import split_numbered
from boardpapers.extractors.find.headers import label_field
from boardpapers.extractors.vocabulary import RAG_WORDS, RECORD_FIELD_LABELS, RECORD_LABEL_MEANINGS, RECORD_START_LABELS
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem

# "Section<TAB>1.1 Title", "Objective 1.1: Title", "Priority 2: Title", "Priority: Title".  A dotted
# number is the record's ref; a plain one ("Priority 2") only counts the priorities.
_START = re.compile(
    r"^\s*\**(?P<label>" + "|".join(RECORD_START_LABELS) + r")\**"
    r"(?:\s*(?P<ref>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)|\s*(?P<num>\d{1,2}))?"
    r"\s*(?::|\t|$|(?<=\d)\s)\s*(?P<rest>.*)$",
    re.I | re.S)
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_SUBPART = re.compile(r"^(?P<label>[A-Z][\w()'’ &]{0,40}?)\s+[-–]\s+\S")


@dataclass
class _Line:
    text: str
    page: int
    line: Optional[int]
    label: Optional[str] = None  # cell printed as a label column beside the text


@dataclass
class _Record:
    ref: Optional[str]
    title: str
    page: int
    line: Optional[int]
    extra: str = ""
    owners: list[str] = field(default_factory=list)
    rag: Optional[str] = None
    body: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    has_next_steps: bool = False
    closed: bool = False
    last_page: int = 1

    @property
    def is_plan_record(self) -> bool:
        return bool(self.owners or self.rag or self.has_next_steps)


def block_lines(blocks: list[Block]) -> list[_Line]:
    """The blocks as labelled lines: a two-cell row is label + text, a paragraph is text."""
    lines: list[_Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(_Line(block.text, block.page, block.line))
            continue
        for row in block.rows:
            filled = [c for c in row.cells if not c.is_empty]
            if not filled:
                continue
            first = row.cells[0]
            if len(row.cells) >= 2 and not first.is_empty and len(first.text.split()) <= 4:
                rest = " ".join(c.text for c in row.cells[1:] if not c.is_empty)
                lines.append(_Line(rest, row.page, row.line, label=first.text))
            else:
                lines.append(_Line(" ".join(c.text for c in filled), row.page, row.line))
    return lines


def label_of(text: str) -> tuple[Optional[str], str]:
    """('owner', 'Clare Mills ...') for 'Contact(s): Clare Mills ...'; (None, text) otherwise."""
    clean = text.strip().strip("*").strip()
    for label in sorted(RECORD_FIELD_LABELS, key=len, reverse=True):
        m = re.match(r"(?i)" + re.escape(label).replace(r"\ ", r"\s+") + r"(?:\(s\)|s)?\**\s*(?::|$|\s)", clean)
        if not m:
            continue
        rest = clean[m.end():].strip().strip("*").strip()
        kind = RECORD_LABEL_MEANINGS.get(label) or label_field(label)
        if clean[m.end() - 1: m.end()] == ":" or not rest:
            return kind, rest
        if kind == "rag" and rest.split()[0].casefold().strip("*.") in RAG_WORDS:
            return kind, rest
    return None, text


def _is_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and text[0].isupper() and text.rstrip()[-1] not in ".:;,!?"


def _start_of(line: _Line, following: list[_Line]) -> Optional[tuple[str, str]]:
    """(label, title) when the line opens a record."""
    text = f"{line.label}\t{line.text}" if line.label else line.text
    m = _START.match(text)
    if not m:
        return None
    rest = collapse(f"{m.group('ref') or ''} {m.group('rest')}".replace("\t", " "))
    if not rest and following and re.match(r"^\d{1,2}\.\d", following[0].text):
        return m.group("label"), ""
    return (m.group("label"), rest) if rest else None


def find_records(blocks: list[Block], document: str) -> list[PlanDraft]:
    """Rated-section and narrative-priority plans among the blocks."""
    lines = [l for l in block_lines(blocks) if not _FOOTNOTE.match(l.text)]
    records: list[_Record] = []
    current: Optional[_Record] = None
    awaiting: Optional[str] = None
    i = 0
    while i < len(lines):
        line = lines[i]
        start = _start_of(line, lines[i + 1: i + 2])
        if start is not None:
            label, title = start
            if not title:
                i += 1
                title = lines[i].text
            current = _new_record(title, line)
            records.append(current)
            awaiting = None
            i += 1
            continue
        if current is None or current.closed:
            i += 1
            continue
        kind, value = label_of(line.label) if line.label else label_of(line.text)
        if kind is None and not line.label and _is_heading(line.text) and i + 1 < len(lines) \
                and _start_of(lines[i + 1], lines[i + 2: i + 3]):
            current.closed = True  # the title of the next section
            i += 1
            continue
        if line.label and kind is not None:
            value = collapse(f"{value} {line.text}")
        elif line.label:
            value = collapse(f"{line.label} {line.text}")
        current.last_page = line.page
        if kind == "owner":
            if value:
                current.owners.append(value)
            awaiting = "owner" if not value else None
        elif kind == "rag":
            if value:
                current.rag = value.split()[0].strip("*.")
                current.closed = True
            else:
                awaiting = "rag"
        elif kind == "next_steps":
            current.has_next_steps = True
            current.next_steps.append(collapse(f"{line.text.split(':')[0].strip('* ')}: {value}")
                                      if ":" in line.text else line.text)
        elif awaiting == "rag":
            current.rag = strip_markup(value).split()[0].strip("*.") if value else None
            current.closed = True
        elif awaiting == "owner" and _looks_like_contact(value):
            current.owners.append(value)
        else:
            awaiting = None
            target = current.next_steps if current.has_next_steps else current.body
            if value:
                target.append(value)
        i += 1
    return _plans(records, document)


def _looks_like_contact(text: str) -> bool:
    return len(text.split()) <= 20 and not text.rstrip().endswith(".")


def _new_record(title: str, line: _Line) -> _Record:
    parts = split_numbered(title)
    ref, text = parts[0]
    extra = " ".join(f"{r} {t}" for r, t in parts[1:])
    tail = re.search(r"\s(\d{1,2}\.\d{1,2})\s+[A-Z]", text) if ref else None
    if tail:
        text, extra = text[: tail.start()], collapse(f"{text[tail.start():]} {extra}")
    return _Record(ref=ref, title=collapse(text), page=line.page, line=line.line, extra=extra,
                   last_page=line.page)


def share_bodies(records: list[_Record]) -> None:
    """Priorities listed together ("Priority 1: ...", "Priority 2: ...") share the text below them.

    When the shared text falls into as many labelled parts ("CYP - ...",
    "Adults - ...") as there are priorities, each takes its part.
    """
    i = 0
    while i < len(records):
        j = i
        while j + 1 < len(records) and not records[j].body and not records[j].next_steps:
            j += 1
        run = records[i: j + 1]
        if len(run) > 1:
            body, steps = _split_parts(run[-1].body, len(run)), _split_parts(run[-1].next_steps, len(run), 1)
            if body and steps:
                for rec, b, s in zip(run, body, steps):
                    rec.body, rec.next_steps, rec.has_next_steps = b, s, True
        i = j + 1


def _split_parts(paragraphs: list[str], count: int, skip: int = 0) -> Optional[list[list[str]]]:
    starts = [k for k, p in enumerate(paragraphs) if k >= skip and _SUBPART.match(p)]
    if len(starts) != count:
        return None
    parts = [paragraphs[a:b] for a, b in zip(starts, starts[1:] + [len(paragraphs)])]
    if skip and parts:
        label = paragraphs[0].split(":")[0] + ":"
        parts = [[label] + p for p in parts]
    return parts


def _plans(records: list[_Record], document: str) -> list[PlanDraft]:
    share_bodies(records)
    kept = [r for r in records if r.is_plan_record]
    plans: list[PlanDraft] = []
    for shape, members in (("rated_sections", [r for r in kept if r.owners or r.rag]),
                           ("priorities", [r for r in kept if not (r.owners or r.rag)])):
        if not members:
            continue
        items = []
        for r in members:
            progress = collapse(" ".join(r.body + r.next_steps)) or None
            prov = Provenance(document=document, page=r.page, last_page=r.last_page, line=r.line)
            items.append(RawItem(ref=r.ref, recommendation=r.title or None, owner="; ".join(r.owners) or None,
                                 progress=progress, rag=r.rag, provenance=prov, extra=r.extra or None))
        plans.append(PlanDraft(title=None, shape=shape, provenance=items[0].provenance, items=items))
    return plans
