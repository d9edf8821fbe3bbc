"""Rows read by typing their spans: no tab, gutter or cell boundary says where a field ends.

Two layouts are read this way.  Lines cut into parts by a dash, a bar or a
semicolon, or ending in brackets ("Extend the pilot – Practice Lead – by December
2024 – Green", "Publish the data (Director of Primary Care, April 2025)"): each
part is typed on its own (`type_span`: a ref, a rating, a date or a deadline's
status, an owner, prose) or by its label ("Lead: Town Clerk"), and two or more
lines in a row cut the same way, with something to do and who or when, are
rows (`find_delimited_rows`).

And rows whose columns nothing but single spaces part: a web tracker copied as
text, one line per row, read by typing its spans with the same recognisers and
laying them against the header's order of fields (`find_span_rows`).  The header (one line, or a few) names the fields in order
("Ref Source Action Lead Due Date Status ..."); each row opens with a ref and
runs over the lines below until the next ref.  Inside a row the spans that can
be recognised pin the rest: the ref at its start; the owner, a short run of
initials or capitalised words that closes the prose before it and is followed
by a date or by a new sentence; the deadline, a date right after the owner;
progress, what follows; a lone letter closing the row fills a column we do not
read (Open / Close).  The prose between the ref and the owner is what the row is
about; when the header names both a recommendation and an action, the action
starts at the first capitalised word that opens a run of lower-case words (a
new sentence) after the recommendation's own words.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from boardpapers.extractors.cleaning import strip_markup
from boardpapers.extractors.find.columns import is_rating
from boardpapers.extractors.find.headers import ABOUT_FIELDS, LABEL_PHRASES, label_field, normalise_label
from boardpapers.extractors.find.labelled import split_label
from boardpapers.extractors.find.tables import is_lifecycle_heading
from boardpapers.extractors.interpret.dates import parse_deadline, sentence_periods
from boardpapers.extractors.interpret.owners import names_a_post, names_only
from boardpapers.extractors.interpret.refs import ref_cell, split_list_number
from boardpapers.extractors.vocabulary import DEADLINE_STATUS_WORDS, NAME_JOINERS, NOT_OWNERS, RECORD_STATUS_WORDS
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem

_MAX_HEADER_LINES = 5
_MAX_HEADER_LINE_WORDS = 16
_MAX_LABEL_WORDS = 3
_MIN_FIELDS = 3
# A span of initials or a role code: two capitals or more, joined by - / & ("NED-WT/DoN", "DoCAP", "HR").
_INITIALS = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]*(?:[-/&][A-Z][A-Za-z]*)*[,;]?$")
_TITLE_WORD = re.compile(r"^[A-Z][a-z'’-]+[,;]?$")
_CONNECTORS = frozenset(NAME_JOINERS)
_MAX_OWNER_WORDS = 5
_FLAG = re.compile(r"\s+[A-Z]$")  # a lone capital closing the row: an Open / Close column


@dataclass
class _Row:
    ref: Optional[str]
    text: str
    page: int
    line: Optional[int]
    blocks: list[int] = field(default_factory=list)


def header_fields(text: str) -> list[Optional[str]]:
    """The fields a header line names, in order (None for a stretch of words naming nothing we read).

    The words are cut into labels so as to name the most fields, a label running on into the
    same field counting once: "Action Owner By" is action, owner, deadline (not "Action Owner"
    and "By"), "Due Date" one deadline.  Words in brackets explain the label before them.
    """
    words = re.sub(r"\([^)]*\)?", " ", text).split()
    best: list[tuple[int, tuple[Optional[str], ...]]] = [(0, ())] * (len(words) + 1)
    for i in range(len(words) - 1, -1, -1):  # the best cut of words[i:], from the end back
        score, rest = best[i + 1]
        options = [(score, 0, (None,) + rest if rest[:1] != (None,) else rest)]
        for n in range(1, min(_MAX_LABEL_WORDS, len(words) - i) + 1):
            phrase = " ".join(words[i:i + n])
            known = normalise_label(phrase) in LABEL_PHRASES or (n == 1 and phrase[:1].isupper())
            name = label_field(phrase) if known else None
            if name:
                score, rest = best[i + n]
                options.append((score + (not rest or rest[0] != name), n, (name,) + rest))
        top = max(options, key=lambda o: (o[0], o[1]))
        best[i] = (top[0], top[2])

    merged: list[Optional[str]] = []
    for name in best[0][1]:
        if not merged or merged[-1] != name:
            merged.append(name)
    return merged


def _header(paragraphs: list[tuple[int, Paragraph]], start: int) -> Optional[tuple[list[Optional[str]], int]]:
    """The fields of a header that starts at paragraphs[start] (up to a few lines), and the index
    after it; None unless it names what a row is about and who or when, in a row of labels."""
    text = ""
    for end in range(start, min(start + _MAX_HEADER_LINES, len(paragraphs))):
        if len(paragraphs[end][1].text.split()) > _MAX_HEADER_LINE_WORDS or _reads_as_prose(paragraphs[end][1].text):
            return None  # prose, not a line of labels
        text = f"{text} {paragraphs[end][1].text}".strip()
        fields = header_fields(text)
        named = [f for f in fields if f]
        if len(set(named)) < _MIN_FIELDS or not set(named) & ABOUT_FIELDS or not {"owner", "deadline"} & set(named) \
                or end + 1 >= len(paragraphs):
            continue
        following = paragraphs[end + 1][1].text
        if named[0] == "ref" and _row_ref(following):
            return fields, end + 1
        if named[0] in ABOUT_FIELDS and "ref" not in named and len(following.split()) > len(text.split()):
            return fields, end + 1  # rows without refs: a line each
    return None


_LOWER_WORDS_IN_LABELS = 0.5  # a line of labels is mostly capitalised words ("Action Owner By Update")
_SENTENCE_PUNCTUATION = re.compile(r",\s|[.;]$")


def _reads_as_prose(text: str) -> bool:
    """A line of a sentence, not of labels: commas between its words, a closing full stop, or
    mostly words in lower case ("considered to be operating in a very person-centred way")."""
    words = [w for w in re.sub(r"\([^)]*\)?", " ", text).split() if w.casefold() not in _CONNECTORS]
    lower = sum(1 for w in words if w[:1].islower())
    return bool(_SENTENCE_PUNCTUATION.search(text.strip())) or bool(words) and lower / len(words) > _LOWER_WORDS_IN_LABELS


def _row_ref(text: str) -> Optional[str]:
    first = text.split(maxsplit=1)
    return ref_cell(first[0]) if len(first) == 2 and any(ch.isdigit() for ch in first[0]) else None


def find_span_rows(blocks: list[Block], document: str, paper_date: Optional[dt.date] = None,
                   ) -> tuple[list[PlanDraft], set[int]]:
    """Plans of single-space rows under a header of labels, and the blocks they used."""
    paragraphs = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    plans, used = [], set()
    k = 0
    while k < len(paragraphs):
        found = _header(paragraphs, k)
        if found is None:
            k += 1
            continue
        fields, k = found
        if "ref" in fields:
            rows, k = _rows(paragraphs, k)
            items = [item for row in rows if (item := _item(row, fields, document, paper_date))]
        else:
            rows, items, k = _lines_as_rows(paragraphs, k, fields, document, paper_date)
        if len(items) >= 2:
            plans.append(PlanDraft(title=None, shape="table", provenance=items[0].provenance, items=items))
            used |= {i for row in rows for i in row.blocks}
    return plans, used


def _lines_as_rows(paragraphs: list[tuple[int, Paragraph]], k: int, fields: list[Optional[str]], document: str,
                   paper_date: Optional[dt.date]) -> tuple[list[_Row], list[RawItem], int]:
    """Rows with no ref, a line each, for as long as each line reads as a row (an owner in it)."""
    rows, items = [], []
    while k < len(paragraphs):
        index, paragraph = paragraphs[k]
        row = _Row(None, paragraph.text.strip(), paragraph.page, paragraph.line, [index])
        item = None if paragraph.heading else _item(row, fields, document, paper_date)
        if item is None:
            break
        rows.append(row)
        items.append(item)
        k += 1
    return rows, items, k


def _rows(paragraphs: list[tuple[int, Paragraph]], k: int) -> tuple[list[_Row], int]:
    """The rows from paragraphs[k] on: each opens with a ref; lines without one carry it on; a
    grouping line ("Proposed for Closure") is passed over; anything else before a first row ends it."""
    rows: list[_Row] = []
    while k < len(paragraphs):
        index, paragraph = paragraphs[k]
        text = paragraph.text.strip()
        ref = _row_ref(text)
        if ref:
            rows.append(_Row(ref, text, paragraph.page, paragraph.line, [index]))
        elif is_lifecycle_heading(text):
            pass
        elif rows:
            rows[-1].text += "\n" + text
            rows[-1].blocks.append(index)
        else:
            break
        k += 1
    return rows, k


def _item(row: _Row, fields: list[Optional[str]], document: str, paper_date: Optional[dt.date]) -> Optional[RawItem]:
    body = row.text.split(maxsplit=1)[1] if row.ref else row.text
    dates = {p.span[0]: p.span[1] for p in sentence_periods(body, paper_date)}  # start -> end of each date
    owner = _owner_span(body, dates)
    if owner is None:
        return None
    start, end = owner
    about, after = body[:start].strip(), body[end:].strip()
    values: dict[str, Optional[str]] = {"ref": row.ref, "owner": body[start:end].strip(" ,;")}
    date_start = len(body) - len(body[end:].lstrip())
    if "deadline" in fields and date_start in dates:  # a date right after the owner
        values["deadline"], after = body[date_start:dates[date_start]], body[dates[date_start]:].strip()
    if fields and fields[-1] is None:
        after = _FLAG.sub("", after)
    slots = _prose_slots(fields)
    if len(slots) == 2:  # two columns of prose: the second opens with a new sentence
        first, second = _split_about(about)
        if slots[0]:
            values[slots[0]] = first
        values[slots[1] or "action"] = second
    else:
        values[slots[0] if slots and slots[0] else "action"] = about
    if "progress" in fields and after:
        values["progress"] = after
    values = {k: " ".join(v.split()) if v else None for k, v in values.items()}
    return RawItem(**values, provenance=Provenance(document=document, page=row.page, line=row.line))


def _prose_slots(fields: list[Optional[str]]) -> list[Optional[str]]:
    """The columns between the ref and the owner, in order: the prose a row opens with.  A column
    we do not read ("Raised at") keeps its place, so the action is still the second."""
    start = fields.index("ref") + 1 if "ref" in fields else 0
    end = fields.index("owner") if "owner" in fields else len(fields)
    slots = [f for f in fields[start:end] if f in ABOUT_FIELDS or f is None]
    return slots[-2:] if any(s in ABOUT_FIELDS for s in slots[-2:]) else [s for s in slots if s] or ["action"]


def _tokens(text: str) -> list[re.Match]:
    return list(re.finditer(r"\S+", text))


def _owner_span(body: str, dates: dict[int, int]) -> Optional[tuple[int, int]]:
    """Where the owner stands: the first run of initials that ends the prose before it (a
    lower-case word or a line's end precedes it) and is followed by a date or a new sentence;
    else the first short run of capitalised words ("Kim Rowe", "Head of Parking") closing the
    prose and followed by a date (`dates`: where each date in the body starts, and ends)."""
    tokens = _tokens(body)

    def closes_prose(i: int) -> bool:
        before = body[tokens[i - 1].end():tokens[i].start()]
        return "\n" in before or tokens[i - 1].group()[:1].islower()

    for i, token in enumerate(tokens):
        if i == 0 or not _INITIALS.match(token.group()) or not closes_prose(i):
            continue
        end = i  # initials and a name run on to a date: "PC Adeyemi 31/08/2024"
        while end + 1 < len(tokens) and end - i + 1 < _MAX_OWNER_WORDS and tokens[end + 1].start() not in dates \
                and _TITLE_WORD.match(tokens[end + 1].group()):
            end += 1
        if end > i and not (end + 1 < len(tokens) and tokens[end + 1].start() in dates):
            end = i
        nxt = tokens[end + 1] if end + 1 < len(tokens) else None
        if nxt is None or nxt.start() in dates or nxt.group()[:1].isupper():
            return token.start(), tokens[end].end()
    for i in range(1, len(tokens)):
        if not _TITLE_WORD.match(tokens[i].group()) or not closes_prose(i) or tokens[i].start() in dates:
            continue
        j = i
        while j + 1 < len(tokens) and j - i + 1 < _MAX_OWNER_WORDS and tokens[j + 1].start() not in dates \
                and (_TITLE_WORD.match(tokens[j + 1].group()) or tokens[j + 1].group() in _CONNECTORS):
            j += 1
        if j + 1 < len(tokens) and tokens[j + 1].start() in dates and tokens[j].group() not in _CONNECTORS:
            return tokens[i].start(), tokens[j].end()
    return None


def _split_about(text: str) -> tuple[Optional[str], Optional[str]]:
    """A recommendation and the action after it, in one run of words: the action opens at the
    first capitalised word followed by a lower-case one (a new sentence), after the first word."""
    tokens = _tokens(text)
    for i in range(1, len(tokens) - 1):
        word, nxt = tokens[i].group(), tokens[i + 1].group()
        if word[:1].isupper() and not word.endswith(",") and nxt[:1].islower():
            return text[:tokens[i].start()].strip() or None, text[tokens[i].start():].strip()
    return None, text.strip() or None


# Rows with no header at all, their parts set off by a dash or a bar (see the module's docstring).
_DELIMITERS = (" – ", " — ", " | ", " - ", "; ")
_SPAN_FIELDS = {"prose": "action", "owner": "owner", "date": "deadline", "rating": "rag", "ref": "ref",
                "status": "progress"}
_MAX_SHORT_SPAN_WORDS = 6
_STATUS_WORDS = frozenset(NOT_OWNERS) | frozenset(RECORD_STATUS_WORDS)
_STATUS_OPENER = re.compile(r"^(?:(?:by|at|for|before|to|until)\s+)?(?:the\s+)?")
_MIN_PARTS = 2
_MAX_PARTS = 10  # a row has a few fields; a line cut into more is a list of something else


def type_span(text: str, paper_date: Optional[dt.date] = None) -> Optional[str]:
    """What a part of a row is, by the interpret stage's recognisers: a ref, a rating, a date (or
    a deadline's status, "ongoing"), a status ("Open", "On track"), an owner (a short run of
    names), prose; None for none of them."""
    text = text.strip()
    words = text.split()
    if not words:
        return None
    if ref_cell(text):
        return "ref"
    if is_rating(text):
        return "rating"
    status = parse_deadline(text, paper_date).status if len(words) <= _MAX_SHORT_SPAN_WORDS else "none"
    if status == "date" or status != "none" and _STATUS_OPENER.sub("", text.casefold()).startswith(
            DEADLINE_STATUS_WORDS[status]):
        return "date"  # "by March 2025"; "Ongoing", "TBC", "by the next meeting" (not "review data monthly")
    if text.casefold().rstrip(".") in _STATUS_WORDS:
        return "status"  # "Open", "On track": where it stands, no one's name
    if names_only(text):
        return "owner"
    if len(words) >= 3 and any(w[:1].islower() for w in words):
        return "prose"
    return None


_TRAILER = re.compile(r"^(?P<head>.+?)\s*\((?P<inside>[^()]+)\)\s*\.?$")
_INSIDE_DELIMITERS = (", ", "; ", " – ", " / ")


def _delimited_parts(text: str) -> Optional[tuple[str, list[str]]]:
    """(delimiter, parts) for a line cut into a few parts by one delimiter, or ending in
    brackets that hold the rest ("Publish the data (Director of Primary Care, April 2025)").  A
    list's own number opening the line is a part of its own."""
    number, text = split_list_number(text)
    lead = [number] if number else []
    trailer = _TRAILER.match(text)  # brackets closing the line first: "… (Lead: X; due May)" holds a "; "
    for delimiter in _INSIDE_DELIMITERS if trailer else ():
        parts = [trailer.group("head")] + [p.strip() for p in trailer.group("inside").split(delimiter)]
        if _MIN_PARTS < len(parts) <= _MAX_PARTS and all(parts):
            return f"({delimiter})", lead + parts
    for delimiter in _DELIMITERS:
        parts = [p.strip() for p in text.split(delimiter)]
        if _MIN_PARTS <= len(parts) <= _MAX_PARTS and all(parts):
            return delimiter, lead + parts
    return None


def _part_field(part: str, paper_date: Optional[dt.date]) -> Optional[tuple[str, str]]:
    """(field, value) of one part of a row: what its label names ("Lead: Town Clerk"), else
    what its type says; None for a part that is none of them."""
    labelled = split_label(part)
    if labelled and labelled[2]:
        return labelled[0], labelled[2]
    kind = type_span(part, paper_date)
    return (_SPAN_FIELDS[kind], part) if kind else None


_SHORT_INITIALS = re.compile(r"^[A-Z]{2,3}(?:\s*[/,&]\s*[A-Z]{2,3})*$")
_SENTENCE_INSIDE = re.compile(r"[.;:]\s+\S")


def _task_and_who(typed: list[tuple[str, str]]) -> bool:
    """A line of two parts is a row only as a task and who does it ("Circulate the terms – JB"):
    one sentence opening in capitals, then a person's initials or a post, not an organisation's
    acronym after a citation ("… Framework. Data from 2021 – OHID") nor a theme's name."""
    (first, task), (second, who) = typed
    return first == "action" and second == "owner" and task[:1].isupper() and not _SENTENCE_INSIDE.search(task) \
        and (bool(_SHORT_INITIALS.match(who)) or names_a_post(who))


_BRACKETED_END = re.compile(r"^(?P<rest>.*\S)\s*[\[(](?P<inside>[^\[\]()]+)[\])]$")


def _rating_apart(part: str) -> list[str]:
    """A rating in brackets closing a part is a part of its own ("March 2026 [Amber]")."""
    m = _BRACKETED_END.match(part)
    return [m.group("rest"), m.group("inside")] if m and is_rating(m.group("inside")) else [part]


def _typed_row(text: str, paper_date: Optional[dt.date]) -> Optional[tuple[str, tuple[str, ...], list[str]]]:
    """(delimiter, fields, values) for a line that reads as a row: every part typed or labelled,
    each field once but for prose after the first (progress), what is to be done first (after a
    ref, or after who is to do it: "JB – circulate the terms – 30 June"), and an owner or a date."""
    found = _delimited_parts(strip_markup(text))
    if found is None:
        return None
    delimiter, parts = found
    parts = [piece for part in parts for piece in _rating_apart(part)]
    typed = []
    for part in parts:
        typed.append(_part_field(part, paper_date))
        if typed[-1] is None:
            return None
    fields = tuple(f for f, _ in typed)
    if len(fields) == 2 and not _task_and_who(typed):
        return None  # "Giving every child the best start – Starting Well": a theme's name, not an owner
    opening = fields[1:] if fields[0] == "ref" else fields
    if opening[:1] != ("action",) and opening[:2] != ("owner", "action") or not {"owner", "deadline"} & set(fields):
        return None
    if any(fields.count(f) > 1 for f in set(fields) - {"action"}):
        return None
    return delimiter, fields, [v for _, v in typed]


def find_delimited_rows(blocks: list[Block], document: str, paper_date: Optional[dt.date] = None,
                        ) -> tuple[list[PlanDraft], set[int]]:
    """Plans of two or more lines in a row cut the same way into typed parts, and the blocks used."""
    plans, used = [], set()
    run: list[tuple[int, Paragraph, list[str], tuple[str, ...]]] = []
    shape = None
    for index, block in enumerate(blocks + [None]):
        typed = _typed_row(block.text, paper_date) if isinstance(block, Paragraph) and not block.heading else None
        if typed and run and (typed[0], typed[1]) == shape:
            run.append((index, block, typed[2], typed[1]))
            continue
        if len(run) >= 2:
            items = [_delimited_item(p, values, fields, document) for _, p, values, fields in run]
            plans.append(PlanDraft(title=None, shape="table", provenance=items[0].provenance, items=items))
            used |= {i for i, *_ in run}
        run, shape = ([(index, block, typed[2], typed[1])], (typed[0], typed[1])) if typed else ([], None)
    return plans, used


def _delimited_item(paragraph: Paragraph, parts: list[str], fields: tuple[str, ...], document: str) -> RawItem:
    values: dict[str, str] = {}
    for part, name in zip(parts, fields):
        name = "progress" if name == "action" and "action" in values else name
        values[name] = f"{values[name]} {part}" if name in values else part
    return RawItem(**values, provenance=Provenance(document=document, page=paragraph.page, line=paragraph.line))
