"""Finding action plans in tables and turning their rows into items.

A table is a plan when a row of it maps to canonical fields through the header
vocabulary.  Rows then become items: a numbered row starts a recommendation; a
row whose first cell is empty adds actions to the recommendation above; a row
that a page break split (its cells continuing in lower case, or a single cell)
is joined back; cells of several `<p>` paragraphs give one item per paragraph,
the i-th paragraph of each column going to the i-th action.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from boardpapers.extractors.cleaning import collapse, ends_sentence, starts_lowercase
from boardpapers.extractors.find.action_column import action_column
from boardpapers.extractors.find.columns import columns_from_cells, split_who_and_when, type_columns
from boardpapers.extractors.find.headers import (
    header_to_fields, label_field, is_original_deadline, is_plan_header, is_revised_deadline,
)
from boardpapers.extractors.interpret.refs import (
    fill_ref_gaps, is_section_heading, minute_ref, ref_cell, split_code_prefix, split_heading, split_list_number,
    split_numbered,
)
from boardpapers.extractors.interpret.dates import due_phrase, parse_deadline
from boardpapers.extractors.interpret.rag import fill_rating
from boardpapers.extractors.vocabulary import LIFECYCLE_HEADINGS
from boardpapers.schema.models import Paragraph, PlanDraft, Provenance, RawItem, Row, Table

ITEM_FIELDS = ("action", "owner", "deadline", "original_deadline", "progress", "outcome", "rag")
PROSE_FIELDS = ("action", "progress", "outcome")
_OWNER_OPEN_END = re.compile(r"(?:[/,&]|\band)\s*$", re.I)
_TRAILING_REF = re.compile(r"(\d{1,3}\.\d{1,3})\s*$")


@dataclass
class _Group:
    """One recommendation and the items (actions) recorded under it."""

    ref: Optional[str]
    recommendation: str
    page: int
    items: list[dict[str, str]] = field(default_factory=list)
    last_page: int = 1
    line: Optional[int] = None
    row: Optional[int] = None  # the first row's index in the table
    bbox: Optional[tuple[float, float, float, float]] = None
    item_rows: list[tuple[Optional[int], Optional[tuple]]] = field(default_factory=list)  # each item's (row, box)
    theme: bool = False  # a heading row's theme: an item only through the rows under it

    def note_rows(self, row: Row) -> None:
        """Items added since the last call came from this row."""
        self.item_rows += [(row.index, row.bbox)] * (len(self.items) - len(self.item_rows))


def _join(a: Optional[str], b: Optional[str]) -> str:
    return collapse(f"{a or ''} {b or ''}")


def _is_empty_item(item: dict[str, str]) -> bool:
    return not any(item.get(k) for k in ITEM_FIELDS)


@dataclass
class PlanAssembler:
    """Feeds the data rows of one plan table and builds its recommendations and items."""

    columns: list[Optional[str]]
    document: str
    table_index: int
    aligned_paragraphs: bool = True
    header: list[str] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    theme: Optional[str] = None  # the heading row above, where the table has no recommendation column
    caption: Optional[str] = None  # a full-width row above the header that names the table

    # -- reading a row ----------------------------------------------------
    def row_fields(self, row: Row) -> dict[str, list[str]]:
        """Canonical field -> paragraphs, merging columns that map to one field."""
        out: dict[str, list[str]] = {}
        banded = _banded_fills(row)
        for col, cell in zip(self.columns, row.cells):
            rating = fill_rating(cell.fill) if cell.fill not in banded else None
            if col == "rag" and cell.is_empty and rating:
                cell = cell.model_copy(update={"paragraphs": [rating.title()]})  # colour alone
            elif col in ("progress", "outcome", None) and "rag" not in self.columns and rating:
                out.setdefault("rag", [rating.title()])  # a status cell shaded in its rating
            if col is None or cell.is_empty:
                continue
            paragraphs = list(cell.paragraphs) if self.aligned_paragraphs else ["\n".join(cell.paragraphs)]
            if col in out and col in ("recommendation", "ref"):
                out[col] = [_join(" ".join(out[col]), cell.text)]
            elif col in out and col == "rag":
                out[col] = paragraphs  # "Previous | Current", "Q1 | Q2": the rating further right is the latest
            elif col in out:
                out[col] = [_join(a, b) for a, b in zip(out[col], paragraphs)] or paragraphs
            else:
                out[col] = paragraphs
        return out

    def add(self, row: Row) -> None:
        if row.heading:
            self.take_heading(row)
            return
        fields = self.row_fields(row)
        ref_text = " ".join(fields.pop("ref", []))
        rec_text = " ".join(fields.pop("recommendation", []))
        ref = (ref_cell(ref_text) or minute_ref(ref_text) or _short_code(ref_text)) if ref_text else None
        if ref_text and ref is None:
            m = _TRAILING_REF.search(ref_text)
            if m and not rec_text[:1].isdigit():
                ref = m.group(1)
            else:
                rec_text = _join(ref_text, rec_text)
        items = {k: v for k, v in fields.items() if k in ITEM_FIELDS and any(v)}
        if ref is None and "ref" not in self.columns:
            ref, rec_text, items = self.code_in_text(rec_text, items)
        if not rec_text and not items and ref is None:
            return
        if ref is not None:
            current = self.groups[-1] if self.groups else None
            if current and current.ref == ref and collapse(rec_text) in ("", current.recommendation):
                self.add_to_group(row, items)  # the ref cell merged down over several actions
                return
            if current and rec_text and starts_lowercase(rec_text) and current.recommendation \
                    and not ends_sentence(current.recommendation):
                # "Major trauma" | "accreditation": a title merged over two numbered rows, wrapped
                # across them; both rows answer the whole of it
                current.recommendation = rec_text = _join(current.recommendation, rec_text)
            self.start_groups([(ref, rec_text)], row, items)
            return
        numbered = split_numbered(rec_text) if rec_text else [(None, "")]
        if numbered[0][0] is not None:
            self.start_groups(numbered, row, items)
        elif rec_text and is_section_heading(rec_text) and not items:
            return
        elif rec_text and self.groups and collapse(rec_text) == self.groups[-1].recommendation:
            self.add_to_group(row, items)  # a merged cell carried down to the rows it spans
        elif rec_text and (not self.recommendation_continues(rec_text, bool(items))
                           or self.starts_new_row(items, row.starts_page)):
            self.start_groups([(None, split_heading(rec_text))], row, items)
        else:
            if rec_text:  # the recommendation runs on: this row is the top of a new page
                self.groups[-1].recommendation = _join(self.groups[-1].recommendation, rec_text)
                row = row.model_copy(update={"starts_page": True})
            self.add_to_group(row, items)

    @staticmethod
    def code_in_text(rec_text: str, items: dict[str, list[str]]) -> tuple[Optional[str], str, dict]:
        """A ref printed as the opening code of the recommendation cell ("W1", "CRR0012:"), or of
        the action where there is no recommendation: taken out of the text as the row's ref."""
        if rec_text:
            code, rest = split_code_prefix(rec_text)
            if code is None and items and not _DOTTED_INSIDE.search(rec_text):
                code, rest = split_list_number(rec_text)  # "1. Scheduling" (not "2. Capacity 2.1 To build")
            labelled = _LABELLED_HEADING.match(rec_text) if code is None else None
            if labelled and label_field(labelled.group("label")) == "recommendation":
                code, rest = labelled.group("ref"), labelled.group("text").strip()  # "Recommendation 1: The trust …"
            return (code, rest, items) if code else (None, rec_text, items)
        actions = items.get("action")
        if actions:
            code, rest = split_code_prefix(actions[0])
            if code:
                return code, rec_text, {**items, "action": [rest] + actions[1:]}
        return None, rec_text, items

    def take_heading(self, row: Row) -> None:
        """A full-width row: in a table with no recommendation column, the theme of the rows
        below ("Storage and handling"), unless it only groups them by where they stand ("Closed"),
        which ends the theme above it: the rows below it were grouped by their standing instead."""
        text = collapse(" ".join(c.text for c in row.cells if not c.is_empty))
        if "recommendation" in self.columns or not text:
            return
        if is_lifecycle_heading(text):
            if self.theme is not None and self.groups and self.groups[-1].items:
                self.theme = None
            return
        self.theme = text
        self.groups.append(_Group(ref=None, recommendation=text, page=row.page, last_page=row.page, line=row.line,
                                  row=row.index, bbox=row.bbox, theme=True))

    def recommendation_continues(self, rec_text: str, has_items: bool) -> bool:
        if not self.groups:
            return False
        if not has_items:
            return True
        previous = self.groups[-1].recommendation
        return bool(previous) and starts_lowercase(rec_text) and not ends_sentence(previous)

    # -- building groups and items -----------------------------------------
    def start_groups(self, numbered: list[tuple[Optional[str], str]], row: Row,
                     items: dict[str, list[str]]) -> None:
        for i, (ref, text) in enumerate(numbered):
            group = _Group(ref=ref, recommendation=collapse(text) or self.theme or "", page=row.page,
                           last_page=row.page, line=row.line, row=row.index, bbox=row.bbox)
            if self.groups and not self.groups[-1].items and self.groups[-1].ref is None \
                    and self.groups[-1].recommendation == self.theme:
                self.groups.pop()  # the theme's own group, now taken over by its first numbered row
            self.groups.append(group)
            group.items.extend(self.aligned_items(items if i == 0 else {}))
            group.note_rows(row)

    def add_to_group(self, row: Row, items: dict[str, list[str]]) -> None:
        if not self.groups:
            self.groups.append(_Group(ref=None, recommendation="", page=row.page, line=row.line, row=row.index,
                                      bbox=row.bbox))
        group = self.groups[-1]
        group.last_page = row.page
        if not items:
            return
        last = group.items[-1] if group.items else None
        single = len(items) == 1 and len(next(iter(items.values()))) == 1
        if last is not None and (single or self.item_continues(last, items, row.starts_page)
                                 and not self.collides(last, items)):
            rest = {}
            for key, paragraphs in items.items():
                last[key] = _join(last.get(key), paragraphs[0])
                if paragraphs[1:]:
                    rest[key] = paragraphs[1:]
            new_items = self.aligned_items(rest) if rest.get("action") else []
            if not rest.get("action"):
                for key, paragraphs in rest.items():
                    last[key] = _join(last.get(key), " ".join(paragraphs))
        elif last is not None and row.starts_page:
            new_items = self.aligned_below_continuation(last, items)
        else:
            new_items = self.aligned_items(items)
        if new_items and group.items and _is_empty_item(group.items[-1]):
            group.items[-1] = new_items.pop(0)
            group.item_rows[-1] = (row.index, row.bbox)
        group.items.extend(new_items)
        group.note_rows(row)

    @staticmethod
    def item_continues(last: dict[str, str], items: dict[str, list[str]], starts_page: bool) -> bool:
        """Does the row's first line carry on the item above (cut by a page break)?"""
        lead = next((k for k in PROSE_FIELDS if k in items), next(iter(items)))
        first, previous = items[lead][0], last.get(lead)
        if previous and starts_lowercase(first):
            return True
        if lead == "owner" and previous and _OWNER_OPEN_END.search(previous):
            return True
        if starts_page:
            return any(last.get(k) and starts_lowercase(items[k][0]) for k in PROSE_FIELDS if k in items)
        return False

    def starts_new_row(self, items: dict[str, list[str]], starts_page: bool) -> bool:
        """A row that reads as a continuation but brings its own owner or deadline is a new row."""
        group = self.groups[-1] if self.groups else None
        last = group.items[-1] if group and group.items else None
        return bool(items) and last is not None and self.item_continues(last, items, starts_page) \
            and self.collides(last, items)

    @staticmethod
    def collides(last: dict[str, str], items: dict[str, list[str]]) -> bool:
        """The row fills a one-value field (owner, deadline) the item above has already filled."""
        if items.get("deadline") and last.get("deadline"):
            return True
        owner = last.get("owner")
        return bool(items.get("owner") and owner and not _OWNER_OPEN_END.search(owner))

    def aligned_below_continuation(self, last: dict[str, str], items: dict[str, list[str]]) -> list[dict[str, str]]:
        """New actions at the top of a page, beside text that finishes the item above.

        Where a column's first paragraph carries on the item above (it starts in
        lower case), that paragraph sits beside the first new action; so that
        column's other paragraphs, and any column one paragraph short of the
        actions, belong from the second action down.
        """
        actions = items.get("action") or []
        carried = [k for k in PROSE_FIELDS if k != "action" and k in items and last.get(k)
                   and starts_lowercase(items[k][0])]
        if len(actions) < 2 or not carried:
            return self.aligned_items(items)
        shifted = dict(items)
        for key in carried:
            last[key] = _join(last.get(key), items[key][0])
            shifted[key] = items[key][1:]
        out = [{"action": a} for a in actions]
        for key, paragraphs in shifted.items():
            if key == "action" or not paragraphs:
                continue
            start = 1 if key in carried or len(paragraphs) == len(actions) - 1 else 0
            for i, text in enumerate(paragraphs):
                target = out[min(start + i, len(out) - 1)]
                target[key] = _join(target.get(key), text) if key in target else text
        return out

    @staticmethod
    def aligned_items(items: dict[str, list[str]]) -> list[dict[str, str]]:
        """The i-th paragraph of every column makes the i-th item; spare paragraphs join the last."""
        count = len(items["action"]) if items.get("action") else (1 if items else 1)
        out: list[dict[str, str]] = [{} for _ in range(count)]
        for key, paragraphs in items.items():
            if key != "action" and count == 1:
                out[0][key] = "\n".join(paragraphs).strip()  # line breaks still separate owners
                continue
            for i, text in enumerate(paragraphs):
                target = out[min(i, count - 1)]
                target[key] = _join(target.get(key), text) if i >= count else text
        return out

    # -- output -----------------------------------------------------------------
    def raw_items(self) -> list[RawItem]:
        refs = fill_ref_gaps([g.ref for g in self.groups])
        if sum(1 for g in self.groups if g.ref) < 2:
            refs = [g.ref for g in self.groups]
        out = []
        for number, (group, ref) in enumerate(zip(self.groups, refs)):
            if group.theme and not group.items:
                continue  # a heading with no rows under it names no item
            prov = Provenance(document=self.document, page=group.page, last_page=group.last_page,
                              table=self.table_index, line=group.line, row=group.row, bbox=group.bbox)
            for n, item in enumerate(group.items or [{}]):
                if n and n < len(group.item_rows):  # a later action under the recommendation: its own row
                    row, bbox = group.item_rows[n]
                    item_prov = prov.model_copy(update={"row": row, "bbox": bbox})
                else:
                    item_prov = prov
                item = self.who_and_when(item)
                if "deadline" not in self.columns:  # no deadline column: a due date the row's text sets
                    item = {**item, "deadline": item.get("deadline") or self.due_in_text(item, group.recommendation)}
                out.append(RawItem(ref=ref, recommendation=group.recommendation or None, group=number,
                                   provenance=item_prov, **{k: v or None for k, v in item.items()}))
        return out

    def who_and_when(self, item: dict[str, str]) -> dict[str, str]:
        """A column that names both who and when ("Lead / Date"), read as whichever one its
        header named first: its cells are split into the owner and the deadline."""
        for named, other in (("deadline", "owner"), ("owner", "deadline")):
            if other not in self.columns and item.get(named):
                found = split_who_and_when(item[named])
                if found:
                    return {**item, "owner": found[0], "deadline": found[1]}
        return item

    @staticmethod
    def due_in_text(item: dict[str, str], recommendation: Optional[str]) -> Optional[str]:
        for text in (item.get("action"), recommendation, item.get("progress")):
            found = due_phrase(text)
            if found:
                return found
        return None


_MAX_FURNITURE = 2  # short lines (a running title, a page number) a page break may leave between two pieces
_FURNITURE_WORDS = 15


_DOTTED_INSIDE = re.compile(r"\s\d{1,3}\.\d{1,3}\b")  # a section's own numbered entries after its title


def join_split_tables(blocks: list) -> list:
    """A table split in two (a Word or HTML table broken by a page break, its header printed
    again on the second piece, perhaps a running title between) becomes one again; the
    first row of the second piece is marked, so a row the break cut in two is joined back."""
    out: list = []
    for block in blocks:
        skipped = _furniture_before(out) if isinstance(block, Table) else 0
        previous = out[-1 - skipped] if len(out) > skipped else None
        if isinstance(block, Table) and isinstance(previous, Table) and block.rows and previous.rows \
                and len(block.rows[0].cells) == len(previous.rows[0].cells) \
                and block.rows[0].texts == previous.rows[0].texts and header_to_fields(block.rows[0].texts):
            rest = list(block.rows[1:])
            if rest:
                rest[0] = rest[0].model_copy(update={"starts_page": True})
            out[-1 - skipped] = previous.model_copy(update={"rows": previous.rows + rest})
        else:
            out.append(block)
    return out


def _furniture_before(out: list) -> int:
    """How many short lines end the blocks so far (what a page break leaves between two pieces).
    A heading is no such line: it names the plan in the table that follows it."""
    count = 0
    while count < min(_MAX_FURNITURE, len(out)) and isinstance(out[-1 - count], Paragraph) \
            and not out[-1 - count].heading and len(out[-1 - count].text.split()) <= _FURNITURE_WORDS:
        count += 1
    return count


def number_rows(blocks: list) -> list:
    """Each table's rows numbered from 0, as the table stands once its pieces are joined: the
    row an item came from is part of its provenance."""
    def numbered(table: Table) -> Table:
        return table.model_copy(update={"rows": [r.model_copy(update={"index": i}) for i, r in enumerate(table.rows)]})
    return [numbered(block) if isinstance(block, Table) else block for block in blocks]


def two_row_header(top: Row, below: Row, alone: Optional[list[Optional[str]]]) -> Optional[list[str]]:
    """The labels of a header printed on two rows, where a group heading spans sub-headings
    ("Progress" over "Update" and "RAG"); None when the rows are not such a header.

    A sub-heading that names a field is the column's label; elsewhere the group
    heading above it (carried right over the columns it spans) is.  The pair is a
    header only when it names more fields than the top row alone (`alone`: the fields the
    top row names by itself, already worked out).
    """
    if len(top.cells) != len(below.cells) or not any(not c.is_empty for c in below.cells):
        return None
    pairs = list(zip(top.cells, below.cells))
    if not any(u.is_empty and not d.is_empty for u, d in pairs) or not any(d.is_empty and not u.is_empty for u, d in pairs):
        return None  # sub-headings sit under a spanning heading, beside headings that span both rows
    if any(not u.is_empty and not label_field(u.text) for u, _ in pairs):
        return None  # the top row is data
    labels, group = [], ""
    for upper, lower in zip(top.cells, below.cells):
        if not upper.is_empty:
            group = upper.text
        elif lower.is_empty:
            group = ""
        sub = lower.text
        labels.append(sub if sub and label_field(sub) else (upper.text or (group if sub else "")))
    combined = header_to_fields(labels)
    if combined is None or len({f for f in combined if f}) <= len({f for f in (alone or []) if f}):
        return None
    if any(not c.is_empty and not label_field(c.text) for c in below.cells):
        return None  # the row below is data, not sub-headings
    return labels


def is_lifecycle_heading(text: str) -> bool:
    """ "Open actions", "Proposed for Closure", "May 2012": a heading that sorts rows by
    their standing or date, not by their theme."""
    key = collapse(text).casefold().rstrip(":.")
    if key in LIFECYCLE_HEADINGS or any(key.startswith(h + " ") for h in LIFECYCLE_HEADINGS if len(h) > 8):
        return True
    deadline = parse_deadline(key)
    return deadline.status == "date" and len(key.split()) <= 3


def strip_glued_header(text: str, header: str) -> str:
    """'Progress & next stepsCVD analysis' -> 'CVD analysis' (a header printed into its first row)."""
    header = collapse(header)
    if header and text.casefold().startswith(header.casefold()):
        rest = text[len(header):]
        if not rest:
            return ""
        if rest[0].isspace() or rest[0].isupper():
            return rest.strip()
    return text


def header_glued(row: Row, header: list[str]) -> Optional[Row]:
    """A header printed again with the text under it run into it -> that text, as a row.

    Every printed cell starts with its column's header (at least two of them);
    what follows the header words continues the row cut by the page break.
    """
    labelled = 0
    for cell, head in zip(row.cells, header):
        if cell.is_empty:
            continue
        if not head.strip() or not cell.text.casefold().startswith(collapse(head).casefold()):
            return None
        labelled += 1
    if labelled < 2:
        return None
    return _unglue(row, header).model_copy(update={"starts_page": True})


def _unglue(row: Row, header: list[str]) -> Row:
    """The row with header words printed into its cells removed (the row itself if none were)."""
    cells = []
    for cell, head in zip(row.cells, header + [""] * len(row.cells)):
        paragraphs = [strip_glued_header(p, head) for p in cell.paragraphs]
        cells.append(cell.model_copy(update={"paragraphs": paragraphs}))
    return row.model_copy(update={"cells": cells})


def _deadline_columns(columns: list[Optional[str]], header: list[str]) -> list[Optional[str]]:
    """Two deadline columns: the one headed 'original' keeps the first date, the other is the
    deadline; or, where one is headed 'revised' or 'new', that one is the deadline and the
    other ("Target date") the original."""
    if columns.count("deadline") < 2:
        return columns
    if any(col == "deadline" and is_original_deadline(text) for col, text in zip(columns, header)):
        return ["original_deadline" if col == "deadline" and is_original_deadline(text) else col
                for col, text in zip(columns, header)]
    revised = [i for i, (col, text) in enumerate(zip(columns, header)) if col == "deadline" and is_revised_deadline(text)]
    if not revised:
        return columns
    return ["original_deadline" if col == "deadline" and i not in revised else col for i, col in enumerate(columns)]


def find_table_plans(table: Table, document: str, title: Optional[str] = None,
                     lead_in: Optional[str] = None) -> list[PlanDraft]:
    """Every plan in one table: a header row starts one, a different header row the next.  `title`
    is the heading it is printed under, `lead_in` the text between that heading and the table."""
    plans: list[PlanDraft] = []
    assembler: Optional[PlanAssembler] = None
    pending: list[Row] = []
    page_top = False
    headers = [header_to_fields([c.text for c in row.cells]) for row in table.rows]
    two_row = {}  # index of a group-heading row -> the labels it and the row below make together
    own = list(headers)  # what each row names by itself, before pairs of rows are joined
    for index in range(len(table.rows) - 1):
        combined = two_row_header(table.rows[index], table.rows[index + 1], own[index])
        if combined is not None:
            two_row[index] = combined
            headers[index], headers[index + 1] = header_to_fields(combined), None
    skip_next = False
    for index, row in enumerate(table.rows):
        if skip_next:
            skip_next = False
            continue
        header = two_row.get(index) or [c.text for c in row.cells]
        skip_next = index in two_row
        columns = headers[index]
        if columns:
            below = next((j for j in range(index + 1, len(headers)) if headers[j]), len(headers))
            columns = type_columns(columns, table.rows[index + 1:below], header)
            if not is_plan_header(set(columns) - {None}):
                columns = None
        if row.repeated and not columns:
            continue
        if page_top and not row.starts_page:
            row = row.model_copy(update={"starts_page": True})
        page_top = bool(columns) and assembler is not None
        if columns:
            columns = _deadline_columns(columns, header)
            if assembler is not None and set(columns) - {None} == set(assembler.columns) - {None}:
                assembler.columns = columns
                continue
            if assembler is not None:
                plans.append(_draft(assembler, document, title, table))
            assembler = PlanAssembler(columns=columns, document=document, table_index=table.index,
                                      aligned_paragraphs=table.aligned_paragraphs, header=header,
                                      caption=_caption_row(pending))
            for early in pending:
                unglued = _unglue(early, header)
                if len(early.cells) == len(row.cells) and unglued != early:
                    assembler.add(unglued)
            pending = []
            continue
        if assembler is None:
            pending.append(row)
            continue
        glued = header_glued(row, assembler.header)
        assembler.add(glued if glued is not None else row)
    if assembler is not None:
        plans.append(_draft(assembler, document, title, table))
    elif not any(headers):
        plans += _headerless_plan(table, document, title)
    return [_answering(p, title, lead_in) for p in plans if p.items]


def _banded_fills(row: Row) -> set[Optional[str]]:
    """Fills that shade more than one cell of the row: a banded or highlighted row, no rating
    (a rating colours its own cell)."""
    fills = [c.fill for c in row.cells if c.fill]
    return {f for f in fills if fills.count(f) > 1}


def _short_code(text: str) -> Optional[str]:
    """A ref column's entry that is no number: a letter or a short code ("a", "(b)", "iv")."""
    token = text.strip().strip("().")
    if not token or " " in token or not token[:1].isalnum() or len(token) > _LONG_CODE:
        return None
    return token if len(token) <= _SHORT_CODE or any(ch.isdigit() for ch in token) else None


_SHORT_CODE = 6  # a code of letters alone ("iv", "a")
_LONG_CODE = 14  # a code with a number in it ("IA/24/01", "CRR-0012")
_LABELLED_HEADING = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ]{2,30}?)\s+(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?)"
                               r"\s*[:.–—-]\s+(?P<text>\S.*)$")


_TITLE_WORDS = 8  # a heading this short that does not end as a sentence only names its recommendation


def _answering(plan: PlanDraft, heading: Optional[str], lead_in: Optional[str] = None) -> PlanDraft:
    """A table of actions printed under a recommendation's own heading ("Recommendation 1: Improve
    …"), with no recommendation column: each row answers that recommendation, under its number
    where the row has none of its own.  Where the heading only names the recommendation ("…
    – Youth club funding") and a sentence below it sets it out, that sentence is its text."""
    m = _LABELLED_HEADING.match(heading or "")
    if not m or label_field(m.group("label")) != "recommendation" or any(i.recommendation for i in plan.items):
        return plan
    text = collapse(m.group("text"))
    if lead_in and not ends_sentence(text) and len(text.split()) <= _TITLE_WORDS and ends_sentence(lead_in) \
            and len(lead_in.split()) > _TITLE_WORDS:
        text = collapse(lead_in)
    items = [i.model_copy(update={"recommendation": text, "ref": i.ref or m.group("ref")}) for i in plan.items]
    return plan.model_copy(update={"items": items})


def _headerless_plan(table: Table, document: str, title: Optional[str]) -> list[PlanDraft]:
    """A table with no header row read by what its columns hold (see columns_from_cells).
    Minutes with an Action column of initials are left to their own finder."""
    if action_column(table) is not None:
        return []
    columns = columns_from_cells(table.rows)
    if columns is None:
        return []
    assembler = PlanAssembler(columns=columns, document=document, table_index=table.index,
                              aligned_paragraphs=table.aligned_paragraphs)
    for row in table.rows:
        assembler.add(row)
    return [_draft(assembler, document, title, table)]


def _caption_row(rows: list[Row]) -> Optional[str]:
    """The text of the last full-width row above a table's header ("Appendix B – Action plan …")."""
    for row in reversed(rows):
        filled = [c for c in row.cells if not c.is_empty]
        if filled and (row.heading or (len(filled) == 1 and len(row.cells) > 1 and filled[0] is row.cells[0])):
            return collapse(filled[0].text)
    return None


def _draft(assembler: PlanAssembler, document: str, title: Optional[str], table: Table) -> PlanDraft:
    return PlanDraft(title=table.caption or assembler.caption or title, shape="table",
                     provenance=Provenance(document=document, page=table.page, table=table.index),
                     items=assembler.raw_items())
