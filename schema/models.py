"""The data that passes between stages.

Readers produce a `ReadDocument` (paragraphs and tables, each with its page);
finders turn its blocks into `PlanDraft`s of `RawItem`s (cell text per canonical
field, as printed); interpreters turn those into `Item`s with parsed deadlines,
owners, ratings and cross-references; the store writes a `DocumentResult`.
Every model downstream of the reader keeps a `Provenance`.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, Field

FIELDS = ("ref", "recommendation", "action", "owner", "deadline", "progress", "outcome", "rag")
# The ratings an item can carry, most severe first (blue: complete).
RATINGS = ("red", "amber", "green", "blue")
DeadlineStatus = Literal["date", "ongoing", "tba", "relative", "none"]
Granularity = Literal["day", "week", "month", "quarter", "season", "half", "financial_year", "year"]


class Provenance(BaseModel):
    """Where a thing came from, so a person can check it against the paper."""

    document: str
    page: Optional[int] = None
    last_page: Optional[int] = None
    table: Optional[int] = None
    line: Optional[int] = None
    row: Optional[int] = None  # the item's first row in its table, counted from 0 (header rows too)
    bbox: Optional[tuple[float, float, float, float]] = None  # PDF: that row's box (x0, top, x1, bottom), points


class Notice(BaseModel):
    """Something a person should know about how a file was read: it was read, but not
    quite as it stands (a fallback encoding, a recovered PDF, a field cut short, no plan).
    `kind` is the short name stored in `ingest_warnings.kind`."""

    kind: str
    message: str


# --- what a reader produces -------------------------------------------------

class Cell(BaseModel):
    """One table cell: its paragraphs in order (a `<p>` each, or one line each), and its
    background colour as printed ("#00B050"), where a rating is shown only as colour."""

    paragraphs: list[str] = Field(default_factory=list)
    fill: Optional[str] = None
    # Each printed line with where it stands on the page (the top of the line, in points),
    # where the format has geometry (PDF): what sits level with what across a row.
    lines: list[tuple[float, str]] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(p for p in self.paragraphs if p)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


class Row(BaseModel):
    cells: list[Cell]
    page: int = 1
    line: Optional[int] = None
    index: Optional[int] = None  # position in its table, once split tables are joined (find stage)
    bbox: Optional[tuple[float, float, float, float]] = None  # PDF: x0, top, x1, bottom on its page
    starts_page: bool = False  # first row after a page break (furniture removed)
    repeated: bool = False  # printed before: a running header or other page furniture
    heading: bool = False  # one cell merged across the whole table: a section heading

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


class Table(BaseModel):
    kind: Literal["table"] = "table"
    rows: list[Row]
    page: int = 1
    index: int = 0
    caption: Optional[str] = None
    # True where several paragraphs in one cell are the rows of a flattened table
    # (text dumps: the i-th <p> of each column belongs together); False where a
    # cell's paragraphs are simply its lines (HTML, Word, PDF).
    aligned_paragraphs: bool = True


class Paragraph(BaseModel):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    page: int = 1
    line: Optional[int] = None
    heading: bool = False
    bold: bool = False  # printed in a bold face throughout, where the format says (PDF)


Block = Union[Table, Paragraph]


class ReadDocument(BaseModel):
    """A paper as a reader sees it: blocks in reading order, plus what it says of itself."""

    name: str
    format: str
    title: Optional[str] = None
    paper_date: Optional[dt.date] = None  # the paper's own date (set once found in its text, or from metadata_date)
    metadata_date: Optional[dt.date] = None  # what the file's properties say (when the file was made)
    pages: int = 1
    pages_read_fully: int = 0  # pages the screen passed to the full table reader (PDF)
    blocks: list[Block] = Field(default_factory=list)
    warnings: list[Notice] = Field(default_factory=list)


# --- what the finders produce ------------------------------------------------

class RawItem(BaseModel):
    """One row of a plan, each canonical field's text as printed."""

    ref: Optional[str] = None
    recommendation: Optional[str] = None
    action: Optional[str] = None
    owner: Optional[str] = None
    deadline: Optional[str] = None
    original_deadline: Optional[str] = None
    progress: Optional[str] = None
    outcome: Optional[str] = None
    rag: Optional[str] = None
    extra: Optional[str] = None  # text printed in the row that no field took; scanned for references
    group: Optional[int] = None  # the finder's recommendation group: rows with one answer the same recommendation
    provenance: Provenance


class PlanDraft(BaseModel):
    title: Optional[str] = None
    shape: Literal["table", "actions_log", "rated_sections", "priorities", "minutes"] = "table"
    provenance: Provenance
    items: list[RawItem] = Field(default_factory=list)


# --- what the interpreters produce -------------------------------------------

class Deadline(BaseModel):
    """A deadline as printed and what it means.

    `due` is the last day of the period named; `status` says whether a date was
    found at all; `span` is where in `text` the date was found.
    """

    text: Optional[str] = None
    status: DeadlineStatus = "none"
    start: Optional[dt.date] = None
    due: Optional[dt.date] = None
    granularity: Optional[Granularity] = None
    span: Optional[tuple[int, int]] = None
    original: Optional["Deadline"] = None


class Owner(BaseModel):
    name: str  # as printed, honorific removed ("PS", "Priya Shah", "Director of Finance")
    kind: Literal["person", "role", "organisation", "initials"] = "person"
    honorific: Optional[str] = None
    raw: Optional[str] = None
    person: Optional[str] = None  # the full name the paper gives for these initials ("Priya Shah")
    holder: Optional[str] = None  # for a role, the person the paper names as holding it
    span: Optional[tuple[int, int]] = None  # where in the responsibility cell's text (owner_text) the name is


class CrossReference(BaseModel):
    raw: str
    kind: Literal["explicit", "range", "anaphoric"] = "explicit"
    target_ref: Optional[str] = None
    field: Optional[str] = None
    span: Optional[tuple[int, int]] = None  # where in that field's text (as stored) it is printed
    resolved: bool = False


class Item(BaseModel):
    ref: Optional[str] = None
    recommendation: Optional[str] = None
    action: Optional[str] = None
    owners: list[Owner] = Field(default_factory=list)
    owner_text: Optional[str] = None
    deadline: Deadline = Field(default_factory=Deadline)
    progress: Optional[str] = None
    rag: Optional[str] = None
    rag_text: Optional[str] = None
    outcome: Optional[str] = None
    cross_refs: list[CrossReference] = Field(default_factory=list)
    completed: bool = False  # marked done: a blue rating, or progress that opens with a done word
    group: int = 0  # which of the plan's recommendations it answers (Plan.recommendations)
    provenance: Provenance


class Plan(BaseModel):
    title: Optional[str] = None
    shape: str = "table"
    provenance: Provenance
    items: list[Item] = Field(default_factory=list)

    @property
    def recommendations(self) -> list[list[Item]]:
        """The items grouped by the recommendation they answer, in order (see Item.group)."""
        groups: dict[int, list[Item]] = {}
        for item in self.items:
            groups.setdefault(item.group, []).append(item)
        return list(groups.values())


class DocumentResult(BaseModel):
    """Everything extracted from one paper, ready to store."""

    name: str
    path: str
    sha256: str
    format: str
    title: Optional[str] = None
    publisher: Optional[str] = None  # the body the paper names at its top ("Riverdale Council")
    paper_date: Optional[dt.date] = None
    paper_date_source: Optional[Literal["printed", "file metadata"]] = None
    metadata_date: Optional[dt.date] = None
    pages: int = 1
    pages_read_fully: int = 0
    plans: list[Plan] = Field(default_factory=list)
    warnings: list[Notice] = Field(default_factory=list)

    @property
    def item_count(self) -> int:
        return sum(len(p.items) for p in self.plans)
