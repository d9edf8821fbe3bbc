"""Plans written as labelled records: "Action: … / Owner: … / Due: …", in any format.

An e-mailed action list, a Word table of two columns per action (label | value),
an HTML card or definition list, a markdown list whose sub-items are "Owner: …"
and "Due: …": each is a run of label and value pairs, and the labels go through
the same column vocabulary as table headers (`headers.label_field`), so "Lead",
"Responsible Officer" and "By when" mean what they mean in a table; and a label's
value is weighed as a column's cells are (`columns.values_field`), so "Priority:
High" names no recommendation and "Management response: Agreed." is progress.  A
record runs while its lines are labelled (unlabelled text carries on the value
above); it ends where a label comes round again, at a numbered label
("Recommendation 2", "Finding 3: …"), where a two-column table ends, or at a line
that is neither.  A short line just before a record with no action of its own is
its title (a card's heading, a list item in bold); a heading over each labelled
action is what it is about; lettered records ("a) …") under a numbered line
answer it.  A record is an item when it says what is to be done (an action or a
recommendation) and who, when or how it stands (an owner, a deadline, progress
or a rating).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.find.columns import MOST, is_rating, values_field
from boardpapers.extractors.find.headers import (
    ABOUT_FIELDS, FOLLOW_UP_FIELDS, LABEL_PHRASES, label_field, normalise_label)
from boardpapers.extractors.interpret.dates import deadline_in_sentence
from boardpapers.extractors.interpret.refs import (
    MINUTE_NUMBER, ref_cell, split_code_prefix, split_leading_ref, split_list_number, split_sub_letter)
from boardpapers.extractors.vocabulary import RAG_COLOURS, RAG_WORDS
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem, Table

_LABEL_AT_START = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z()/&' ]{0,40}?)(?:\s+(?P<ref>[A-Z]{0,4}\s?\d[\w./-]{0,12}))?"
                             r"\s*[:–—]\s*(?P<value>.*)$", re.S)
_COLON = re.compile(r"\s*:\s+")
_YEAR = re.compile(r"(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?")  # "2025", "2015-20": no ref
_MAX_LABEL_WORDS = 3
_TITLE_WORDS = 16
_PAIR_CELLS = 2  # a row of a key-value table: the label and its value
_CARD_LINES = 3  # a record laid out a field a line (a card), whose update may follow unlabelled
# Labels a paper's own details use ("Date: 8 May 2014", "Title: …"): in a record they name nothing.
# So do an e-mail's headers ("Subject: Actions from the panel").
_METADATA_LABELS = frozenset({"date", "title", "no", "number", "version", "id", "subject", "from", "to", "cc",
                              "sent", "re"})
_FIELDS = ("ref", "recommendation", "action", "owner", "deadline", "progress", "outcome", "rag")
_IGNORED = "ignored"  # a label whose values say it is none of the fields ("Priority: High")
# "Recommendation 1", "Finding 2", "Action 24/31" alone on a line: a numbered record opens.
_NUMBERED_OPENER = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ]{0,30}?)\s+(?P<ref>[A-Z]{0,4}\s?\d[\w./-]{0,12})\s*:?\s*$")
_OPENER_NARRATIVE_LINES = 8  # lines of narrative a numbered record's opener may stand above its labels
# Rating words that say a thing is done rather than give a colour: under a Status label they are
# progress, unless that label gives ratings in most records.
_DONE_RATINGS = frozenset(w for w, rating in RAG_WORDS.items() if rating == "blue" and w not in RAG_COLOURS
                          and len(w) > 1)
_SHORT_VALUE_FIELDS = ("owner", "deadline", "rag")  # values whose closing full stop is punctuation


@dataclass
class _Record:
    fields: dict[str, str] = field(default_factory=dict)
    page: int = 1
    line: Optional[int] = None
    titled: bool = False  # its action is the line printed above it, not a labelled value
    last: Optional[str] = None  # the field the next unlabelled line carries on
    pending: bool = False  # a label printed alone ("Owner"), its value on the next line
    opened: int = 0  # opened by a numbered label ("Finding 1: …"): narrative lines passed over since
    status_rated: Optional[bool] = None  # whether its status label gave a rating word
    headed: bool = False  # its recommendation is the heading printed over it
    heading_ref: Optional[str] = None  # the number that heading opened with, taken as its ref
    blocks: list[int] = field(default_factory=list)

    @property
    def is_item(self) -> bool:
        """What is to be done, and who, when or how it stands; a record whose action is only the
        line above it must say two of these, or when or how it is rated (progress alone is a
        note; a name alone under a line is a list of who does what, "Partnership Lead: …")."""
        followed = set(self.fields) & FOLLOW_UP_FIELDS
        if self.titled:
            return len(followed) >= 2 or bool(followed & {"deadline", "rag"})
        return bool(set(self.fields) & ABOUT_FIELDS and followed)

    def put(self, name: str, value: str) -> None:
        self.fields[name] = collapse(f"{self.fields.get(name, '')} {value}")
        self.last, self.pending = name, False

    @property
    def only_opened(self) -> bool:
        """Opened by a numbered label and holding nothing yet but that label's number and title."""
        own = set(self.fields) - {"ref"}
        return bool(self.opened) and len(own) <= 1 and own <= ABOUT_FIELDS


def split_label(text: str) -> Optional[tuple[str, Optional[str], str]]:
    """(field, ref, value) for "Owner: Estates", "ACTION 12/25: Fix it", or None."""
    m = _LABEL_AT_START.match(text)
    if not m or normalise_label(m.group("label")) in _METADATA_LABELS:
        return None
    name = label_field(m.group("label"))
    if name is None:
        return None
    ref = m.group("ref")
    if ref and _YEAR.fullmatch(ref.strip()):
        return None  # "By 2025 – over a million people …", "Carers 2015-20 – …": a year, not a label
    return name, (ref_cell(ref.strip()) or ref.strip()) if ref else None, m.group("value").strip()


def inline_pairs(text: str) -> list[tuple[str, Optional[str], str]]:
    """A line that strings several labels together ("ACTION 3: Fix it. Owner: JB Due: May") -> its pairs."""
    first = split_label(text)
    if first is None:
        return _titled_pairs(text)
    name, ref, rest = first
    labels = _inline_labels(rest)
    head = rest[:labels[0][0]] if labels else rest
    return [(name, ref, head.strip())] + _labelled_values(rest, labels)


def _titled_pairs(text: str) -> list[tuple[str, Optional[str], str]]:
    """A record printed as one run of text, its title first: "1.1 Safer routes Lead(s): Highways
    Target date: March 2025 RATING: AMBER" -> the title (a numbered section's, as the
    recommendation) and each labelled value."""
    labels = _inline_labels(text)
    if len(labels) < 2 or len({name for _, _, name in labels}) < len(labels):
        return []
    title = text[:labels[0][0]].strip()
    if not title or len(title.split()) > _TITLE_WORDS:
        return []
    ref, rest = split_leading_ref(title)
    if ref:  # a numbered section's title
        return [("recommendation", ref, rest.strip() or title)] + _labelled_values(text, labels)
    ref, rest = _title_ref(title)  # an entry of a list of actions
    return [("action", ref, rest)] + _labelled_values(text, labels)


def _labelled_values(text: str, labels: list[tuple[int, int, str]]) -> list[tuple[str, Optional[str], str]]:
    """(field, None, value) for each label found inside a line: its value runs to the next label."""
    ends = [start for start, _, _ in labels[1:]] + [len(text)]
    return [(name, None, text[end:stop].strip()) for (_, end, name), stop in zip(labels, ends)]


def _inline_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of each label inside a line: the capitalised word or words just
    before a colon that name a field ("… Manager Due: May" -> "Due"; "Responsible Officer: …")."""
    found = []
    for colon in _COLON.finditer(text):
        words = list(re.finditer(r"\S+", text[:colon.start()]))
        best = None
        for n in range(1, min(_MAX_LABEL_WORDS, len(words)) + 1):
            first = words[-n]
            phrase = text[first.start():colon.start()]
            if not phrase[:1].isupper():
                continue
            name = label_field(phrase)
            if name and (best is None or normalise_label(phrase) in LABEL_PHRASES):
                best = (first.start(), colon.end(), name)
        if best and best[0] > 0:
            found.append(best)
    return found


def _labelled_lines(blocks: list[Block]):
    """(block index, pairs or None, text, is_table_row, table index) for each line of the blocks."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            alone = None if block.heading else _label_alone(block.text)  # "# Actions" heads a list
            pairs = inline_pairs(block.text) or ([(alone, None, "")] if alone else _numbered_opener(block.text))
            yield index, pairs, block.text, None
        elif isinstance(block, Table):
            for row in block.rows:
                filled = [c for c in row.cells if not c.is_empty]
                name = label_field(row.cells[0].text) if len(row.cells) >= 2 and 2 <= len(filled) <= _PAIR_CELLS \
                    and not row.cells[0].is_empty else None  # a label and its value, not a header of many
                if name:
                    value = " ".join(c.text for c in row.cells[1:] if not c.is_empty)
                    yield index, [(name, None, value)], row.cells[0].text, id(block)
                elif len(filled) == 1 and len(filled[0].paragraphs) > 1:  # a box of lines: "Action: …", "Owner: …"
                    for line in filled[0].paragraphs:
                        yield index, inline_pairs(line) or None, line, id(block)
                else:
                    yield index, None, " ".join(c.text for c in filled), id(block)


def _label_alone(text: str) -> Optional[str]:
    """The field a line names when the line is nothing but a known label ("Owner", "Due:"), the
    value printed below it (a definition list, a card).  A value such as "Clinic Manager" is
    not taken for a label: only the labels known word for word stand alone."""
    key = normalise_label(text)
    if text.rstrip().endswith("?"):
        return None  # "When?": a survey's question, not a label
    if len(key.split()) > 4 or key in _METADATA_LABELS or (key not in LABEL_PHRASES and key.rstrip("s") not in LABEL_PHRASES):
        return None
    return label_field(text.rstrip(": "))


def _numbered_opener(text: str) -> Optional[list[tuple[str, Optional[str], str]]]:
    """[(field, ref, "")] for a line that is a label of what a record is about and a number and
    nothing else ("Recommendation 1", "Action 24/31"): the record's text follows below."""
    m = _NUMBERED_OPENER.match(text)
    known = m and normalise_label(m.group("label")) in LABEL_PHRASES  # "Finding 2", not "International standard ISO 20252"
    name = label_field(m.group("label")) if known and not _YEAR.fullmatch(m.group("ref").strip()) else None
    if name not in ABOUT_FIELDS:
        return None
    return [(name, ref_cell(m.group("ref")) or m.group("ref").strip(), "")]


def _is_title(text: str) -> bool:
    """A short line that can name the record below it; a line that is itself a header
    ("Actions Required") is a flattened table's header, not a title."""
    return 0 < len(text.split()) <= _TITLE_WORDS and not text.rstrip().endswith(":") and label_field(text) is None \
        and not text.lstrip()[:1].islower()  # the tail of a sentence ("… hear from you.") is no title


def _title_ref(title: str) -> tuple[Optional[str], str]:
    """A record's title with the number or code it opens with taken out as its ref
    ("Q1. Publish the audit." -> "Q1", "Publish the audit.")."""
    ref, rest = split_leading_ref(title)
    for split in (split_code_prefix, split_list_number, split_sub_letter):
        if ref is None:
            ref, rest = split(title)
    return ref, rest or title


def find_labelled_records(blocks: list[Block], document: str, paper_date: Optional[dt.date] = None,
                          ) -> tuple[list[PlanDraft], set[int]]:
    """Plans of labelled records among the blocks, and the indexes of the blocks they used.
    The paper's date lets a deadline the action's own sentence names ("by Tuesday 4 April") be found."""
    records: list[_Record] = []
    current: Optional[_Record] = None
    previous_text: Optional[tuple[int, str]] = None
    table_of_current = None
    minute: Optional[str] = None  # the number of the minute the lines below fall under
    numbered: Optional[tuple[str, str]] = None  # the last numbered line ("1. Agencies should …"): its
    # lettered records ("a) Add …") are the actions it asks for
    lines = list(_labelled_lines(blocks))
    for position, (index, pairs, text, table) in enumerate(lines):
        if current is not None and table_of_current is not None and table != table_of_current:
            current = None  # a two-column table is one record
        if pairs is None:
            heading = MINUTE_NUMBER.match(text) if table is None and "/" in (text.split() or [""])[0] else None
            if heading:
                minute, current = heading.group("ref"), None  # a new minute: its actions follow
                previous_text = None
                continue
            if current is not None and "rag" not in current.fields and is_rating(text):
                current.put("rag", text)  # a card's rating badge, printed without a label
                current.blocks.append(index)
                continue
            if current is not None and table is None and current.last and \
                    (current.pending or len(text.split()) > _TITLE_WORDS):
                current.put(current.last, text)  # a label's value below it, or prose carrying on the value
                current.blocks.append(index)
                continue
            following = lines[position + 1] if position + 1 < len(lines) else None
            next_heading = following is None or getattr(blocks[following[0]], "heading", False)
            if current is not None and table is None and current.is_item and "progress" not in current.fields \
                    and len(current.blocks) >= _CARD_LINES and not getattr(blocks[index], "heading", False) \
                    and next_heading:
                current.put("progress", text)  # a card's update, printed without a label under its fields
                current.blocks.append(index)
                current = None
                continue
            if current is not None and table is None and current.only_opened \
                    and current.opened <= _OPENER_NARRATIVE_LINES:
                current.opened += 1  # a finding's narrative, between its number and its labels
                continue
            current = None
            previous_text = (index, text) if table is None else None
            entry = split_list_number(text) if table is None else (None, text)
            numbered = entry if entry[0] else numbered
            continue
        for name, ref, value in pairs:
            if current is not None and current.pending and not value:
                records.remove(current)  # labels one under another: a table's header flattened, not a record
                current = None
                break
            printed, name = name, _value_field(name, value or _next_text(lines, position))
            if current is not None and name in current.fields and current.only_opened and not ref and value:
                current.fields[name] = ""  # "Finding 1: title" then "Recommendation: …": the record's own text
            elif _opens_record(current, name, ref):
                current = _Record(page=getattr(blocks[index], "page", 1), line=getattr(blocks[index], "line", None))
                records.append(current)
                table_of_current = table
                if previous_text and previous_text[0] == index - 1 and _is_title(previous_text[1]):
                    _take_line_above(current, previous_text, blocks, name, printed, value)
            if ref and _is_sub_letter(ref) and numbered:  # "a) Add …" under "1. Agencies should …"
                ref = numbered[0]
                current.fields.setdefault("recommendation", numbered[1])
            if (ref or minute) and "ref" not in current.fields:
                current.fields["ref"] = ref or minute
                current.opened = int(bool(ref) and name in ABOUT_FIELDS and not value[:1].islower())
            if name == "progress" and value and current.status_rated is None:
                current.status_rated = is_rating(value)
            if name in ("progress", "outcome") and is_rating(value) and "rag" not in current.fields \
                    and not _says_done(value):
                name = "rag"  # "Status: Amber": a rating, whatever its label (as in a table's column)
            if value:
                current.put(name, value)
            else:
                current.last, current.pending = name, True
            current.blocks.append(index)
        previous_text = None
    items = [r for r in records if r.is_item]
    if not items:
        return [], set()
    _rate_done_statuses(items)
    _drop_lone_heading(items)
    for r in items:  # no deadline label: the date or event the action itself names
        if "deadline" not in r.fields and r.fields.get("action"):
            r.fields["deadline"] = deadline_in_sentence(r.fields["action"], paper_date)
    for r in items:
        for name in _SHORT_VALUE_FIELDS:
            if r.fields.get(name):
                r.fields[name] = r.fields[name].rstrip(" .;,")
    raw = [RawItem(**{k: r.fields.get(k) or None for k in _FIELDS},
                   provenance=Provenance(document=document, page=r.page, line=r.line)) for r in items]
    used = {i for r in items for i in r.blocks}
    return [PlanDraft(title=None, shape="actions_log", provenance=raw[0].provenance, items=raw)], used


def _opens_record(current: Optional[_Record], name: str, ref: Optional[str]) -> bool:
    """A record opens at the first label, where a label comes round again, and at a numbered
    label ("Recommendation 2") once the record before holds anything of its own."""
    if current is None or name in current.fields and name not in ("progress", _IGNORED):
        return True
    return bool(ref) and name in ABOUT_FIELDS and bool(set(current.fields) - {"ref"}) and not current.only_opened


def _take_line_above(record: _Record, above: tuple[int, str], blocks: list[Block], name: str, printed: str,
                     value: str) -> None:
    """The short line printed just over a new record: a heading over a labelled action is what it
    is about; over a record with no action of its own it is the action (a card's title), unless
    the label below only looked like one of what a record is about ("Response — 17 June 2025")."""
    index, text = above
    if name == "action" and value and getattr(blocks[index], "heading", False):
        code, title = _title_ref(text)  # "### 3. Use data better"
        record.put("recommendation", title)
        if code:
            record.fields["ref"] = record.heading_ref = code
        record.headed = True
    elif name not in ABOUT_FIELDS and printed not in ABOUT_FIELDS:
        code, title = _title_ref(text)
        record.put("action", title)
        if code:
            record.fields["ref"] = code
        record.titled = True
    else:
        return
    record.blocks.append(index)


def _next_text(lines: list, position: int) -> str:
    """The text of the line after `position`: the value of a label printed alone above it."""
    return lines[position + 1][2] if position + 1 < len(lines) and lines[position + 1][1] is None else ""


def _value_field(name: str, value: str) -> str:
    """The field a label's value goes to: what the label names, unless the value says it is
    none of what a record is about ("Priority: High" is no recommendation), as a column's
    cells would (`columns.values_field`)."""
    if name in ABOUT_FIELDS and value:
        # "Priority: High" is none; "Management response: Agreed." a decision (progress, as in a table)
        return values_field(name, [value]) or _IGNORED
    if name in _SHORT_VALUE_FIELDS and value and _reads_as_sentence(value):
        return _IGNORED  # "Lead professional role: Parents often looked for a key person …" names nobody
    return name


_SENTENCE_WORDS = 8


def _reads_as_sentence(value: str) -> bool:
    """A question, or a run of words mostly in lower case: a sentence, not who or when."""
    words = value.split()
    lower = sum(1 for w in words if w[:1].islower())
    return value.rstrip().endswith("?") or len(words) >= _SENTENCE_WORDS and lower > len(words) / 2


def _says_done(value: str) -> bool:
    return value.split()[0].casefold().strip(".,;:") in _DONE_RATINGS


def _rate_done_statuses(records: list[_Record]) -> None:
    """"Status: Complete" is a rating (blue) where the status label gives rating words in most
    records, and progress where it mostly gives words of its own ("On track", "Not started")."""
    labelled = [r for r in records if r.status_rated is not None]
    if not labelled or sum(1 for r in labelled if r.status_rated) / len(labelled) < MOST:
        return
    for r in labelled:
        if "rag" not in r.fields and r.fields.get("progress") and is_rating(r.fields["progress"]):
            r.fields["rag"] = r.fields.pop("progress")


def _is_sub_letter(ref: str) -> bool:
    return ref.isalpha() and ref.islower()


def _drop_lone_heading(records: list[_Record]) -> None:
    """A heading over each record names what it is about; a heading over the first record only
    is the paper's or the plan's title."""
    headed = [r for r in records if r.headed]
    if len(headed) == 1 and headed[0] is records[0]:
        headed[0].fields.pop("recommendation", None)
        if headed[0].heading_ref and headed[0].fields.get("ref") == headed[0].heading_ref:
            headed[0].fields.pop("ref")
