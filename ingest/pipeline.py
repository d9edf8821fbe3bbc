"""One document, start to finish and free of side effects: bytes in, a `DocumentResult` out.

read (format -> blocks) -> find (plans and rows) -> interpret (dates, owners,
ratings, references) -> reconcile (references within each plan).  Any engine
that can call a function (a process pool, a cluster) can run `extract_document`.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from functools import partial
from pathlib import Path
from typing import Callable, Optional

from boardpapers.extractors.read.docx import read_docx
from boardpapers.extractors.errors import ReadError, raised_in_our_code
from boardpapers.extractors.read.html import read_html
from boardpapers.extractors.interpret.item import interpret_item, recommendation_groups
from boardpapers.extractors.read.legacy import read_legacy_word
from boardpapers.extractors.find.minutes import find_minute_actions
from boardpapers.extractors.interpret.owners import find_initials
from boardpapers.extractors.read.pdf import read_pdf
from boardpapers.extractors.read.spreadsheet import read_csv
from boardpapers.extractors.find.action_column import find_action_column_minutes
from boardpapers.extractors.find.cited import fill_cited_recommendations
from boardpapers.extractors.find.flattened import unflatten_tables
from boardpapers.extractors.find.labelled import find_labelled_records
from boardpapers.extractors.find.spans import find_delimited_rows, find_span_rows
from boardpapers.extractors.find.status_records import find_status_records
from boardpapers.extractors.find.headers import header_to_fields
from boardpapers.extractors.interpret.paperdate import find_paper_date
from boardpapers.extractors.interpret.publisher import find_publisher
from boardpapers.extractors.find.records import find_records
from boardpapers.extractors.find.tables import find_table_plans, join_split_tables, number_rows
from boardpapers.extractors.find.transposed import turn_side_tables
from boardpapers.extractors.read.text import read_text
from boardpapers.ingest.errors import (
    EmptyFile, IngestError, InternalError, ReaderFailed, TooLarge, UnreadableFile, UnsupportedFormat,
)
from boardpapers.ingest.reconcile import link_initials, resolve_plan_references
from boardpapers.schema.models import DocumentResult, Notice, Paragraph, Plan, PlanDraft, ReadDocument, Table

Reader = Callable[[bytes, str], ReadDocument]


MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # a Word file larger than this unpacked is refused (a zip bomb, or worse)
MAX_WORD_XML_BYTES = 48 * 1024 * 1024  # a Word file's XML parts: lxml needs many times this in memory
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """Bytes that are not text: NULs, or many control characters, early on."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text carries NULs
        return False
    return b"\x00" in head or sum(head.count(bytes([c])) for c in _CONTROL) > 0.05 * max(len(head), 1)


def sniff_format(data: bytes, name: str) -> str:
    """The format a file's content shows (magic bytes first, the name's suffix last)."""
    head = data[:1024].lstrip()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole_format(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if looks_binary(data):
        return "binary"
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    if name.lower().endswith(".csv"):
        return "csv"
    return "text"


def _zip_format(data: bytes) -> str:
    """docx, odt, or what else a zip holds (xlsx, pptx, ods, odp: not paper formats)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
        return "docx"  # a damaged Word file: let the Word reader say what is wrong
    if mimetype == "application/vnd.oasis.opendocument.text":
        return "odt"
    if "xl/workbook.xml" in names or "spreadsheet" in mimetype:
        return "spreadsheet"
    if "ppt/presentation.xml" in names or "presentation" in mimetype:
        return "presentation"
    return "zip"


def _ole_format(data: bytes) -> str:
    """An OLE compound file is a Word .doc only when it holds a WordDocument stream."""
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "spreadsheet"
    if "PowerPoint Document".encode("utf-16-le") in data:
        return "presentation"
    return "doc"  # let the converter decide


def check_unzipped_size(data: bytes, where: str) -> None:
    """Refuse a Word file whose parts expand past the limits, counting the bytes as they
    are really unpacked (a zip's headers can lie about sizes), before the Word reader loads it.

    Two limits: all parts together (images included), and the XML the reader
    parses, which costs many times its size in memory.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # the Word reader says what is wrong
    total = xml = 0
    with archive:
        for info in archive.infolist():
            is_xml = info.filename.endswith((".xml", ".rels"))
            try:
                with archive.open(info) as member:
                    for chunk in iter(lambda: member.read(1 << 20), b""):
                        total += len(chunk)
                        xml += len(chunk) if is_xml else 0
                        if total > MAX_UNZIPPED_BYTES or xml > MAX_WORD_XML_BYTES:
                            raise TooLarge(where, _too_large_message(total, xml))
            except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, OSError,
                    zlib.error):
                return  # a damaged member: the Word reader reports the file


def _too_large_message(total: int, xml: int) -> str:
    if xml > MAX_WORD_XML_BYTES:
        return (f"the Word file's XML expands to over {MAX_WORD_XML_BYTES / 2**20:,.0f} MB "
                f"(the limit a worker can parse)")
    return f"the Word file expands to over {MAX_UNZIPPED_BYTES / 2**20:,.0f} MB unpacked"


# What a file's suffix promises; content that disagrees is read as what it is, with a warning.
# Its keys are also the suffixes a folder walk picks up.
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf",
    ".docx": "docx", ".doc": "doc", ".rtf": "rtf", ".odt": "odt", ".html": "html", ".htm": "html",
    ".csv": "csv",
}
MAX_FIELD_CHARS = 100_000  # a stored text field is cut here (a runaway cell, not a plan row)


def suffix_warning(name: str, fmt: str) -> list[Notice]:
    """A warning when the name's suffix promises another format than the content shows."""
    suffix = Path(name).suffix.lower()
    expected = SUFFIX_FORMATS.get(suffix)
    if expected is None or fmt == expected:
        return []
    return [Notice(kind="extension_mismatch",
                   message=f"named {suffix} but its content is {fmt}; read as {fmt}")]


READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_text,
    "html": read_html,
    "csv": read_csv,
    "docx": read_docx,
    "pdf": partial(read_pdf, header_fields=header_to_fields),  # the find stage's header test screens pages
    "doc": lambda data, name: read_legacy_word(data, name, "doc"),
    "rtf": lambda data, name: read_legacy_word(data, name, "rtf"),
    "odt": lambda data, name: read_legacy_word(data, name, "odt"),
}
# What content that is not a paper is, said in words.
NOT_PAPERS = {
    "zip": "a zip archive that is not a Word document",
    "spreadsheet": "a spreadsheet (Excel or similar), not a paper format: save the sheet as PDF or "
                   "copy its table into a Word paper",
    "presentation": "a slide deck (PowerPoint or similar), not a paper format: save it as PDF",
}


def read_document(data: bytes, name: str, path: str = "") -> ReadDocument:
    """Bytes -> blocks, through the reader for the format the content shows."""
    where = path or name
    if not data.strip():
        raise EmptyFile(where, "the file is empty")
    fmt = sniff_format(data, name)
    if fmt == "docx":
        check_unzipped_size(data, where)
    reader = READERS.get(fmt)
    if reader is None:
        if fmt in NOT_PAPERS:
            raise UnsupportedFormat(where, NOT_PAPERS[fmt])
        raise UnsupportedFormat(where, f"{fmt} content is not a paper boardpapers can read")
    try:
        document = reader(data, name)
    except ReadError as exc:
        raise ReaderFailed(where, str(exc), exc.kind) from exc
    except (MemoryError, RecursionError) as exc:
        raise ReaderFailed(where, f"this {fmt} file is too large or too deeply nested to read",
                           "too_large") from exc
    except IngestError:
        raise
    except Exception as exc:
        if raised_in_our_code(exc):
            raise InternalError.from_exception(where, exc) from exc
        # a library's own error on a malformed file
        raise ReaderFailed(where, f"cannot read this {fmt} file ({type(exc).__name__}: {exc})",
                           "corrupt") from exc
    warnings = suffix_warning(name, fmt) + document.warnings
    return document.model_copy(update={"warnings": warnings})


def _names_the_table_below(paragraph: Paragraph, heading: Optional[str], marked: bool) -> bool:
    """Whether a paragraph takes over as the title of the next plan: a marked heading does; a short
    plain line does unless a marked heading stands (the meeting's date or a sentence printed under
    an <h1> is text under the heading, not a title of its own)."""
    if paragraph.heading or heading is None:
        return True
    return not marked and len(paragraph.text) < 120


def find_plans(document: ReadDocument) -> list[PlanDraft]:
    """Every plan in a document: plan tables first, then labelled-record plans."""
    plans: list[PlanDraft] = []
    heading: Optional[str] = None
    marked = False  # the heading is one the document marks as such (a Word heading, an <h1>)
    under: list[str] = []  # what is printed between the heading and the table below it
    blocks = number_rows(join_split_tables(turn_side_tables(unflatten_tables(document.blocks))))
    for block in blocks:
        if isinstance(block, Paragraph):
            if _names_the_table_below(block, heading, marked):
                heading, marked = (block.text if len(block.text) < 200 else heading), block.heading
                under = []
            else:
                under.append(block.text)
        elif isinstance(block, Table):
            plans += find_table_plans(block, document.name, title=heading, lead_in=" ".join(under) or None)
            marked, under = False, []
    for find_rows in (find_span_rows, find_delimited_rows):
        rows, used = find_rows(blocks, document.name, document.paper_date)
        plans += rows
        blocks = [b for i, b in enumerate(blocks) if i not in used]
    records = find_records(blocks, document.name)
    labelled, used = find_labelled_records(blocks, document.name, document.paper_date)
    if _fields_read(labelled) > _fields_read(records):  # two readings of one run of labels: the fuller
        plans += labelled
        blocks = [b for i, b in enumerate(blocks) if i not in used]
    else:
        plans += records
    plans += find_minute_actions(blocks, document.name, document.paper_date)
    plans += find_action_column_minutes(blocks, document.name, document.paper_date)
    plans += find_status_records(blocks, document.name)
    return fill_cited_recommendations(plans, blocks)


def _fields_read(plans: list[PlanDraft]) -> int:
    """How many values a reading of the paper's labelled records filled: of two readings of the
    same lines (rated sections, label records), the one that explains more of them is right."""
    return sum(1 for plan in plans for item in plan.items
               for name in ("ref", "recommendation", "action", "owner", "deadline", "progress", "rag")
               if getattr(item, name))


def titled(drafts: list[PlanDraft], document: ReadDocument) -> list[PlanDraft]:
    """Plans found with no heading of their own (a log of labelled records, actions in minutes)
    take the paper's first marked heading, else its title, so that every plan can be named."""
    heading = next((b.text for b in document.blocks if isinstance(b, Paragraph) and b.heading and b.text.strip()),
                   None) or document.title
    return [d if d.title or not heading else d.model_copy(update={"title": heading}) for d in drafts]


def interpret_plan(draft: PlanDraft, document: ReadDocument, initials: dict[str, str]) -> Plan:
    groups = recommendation_groups(draft.items)
    items = [interpret_item(raw, document.paper_date, group) for raw, group in zip(draft.items, groups)]
    plan = Plan(title=draft.title, shape=draft.shape, provenance=draft.provenance, items=items)
    return link_initials(resolve_plan_references(plan), initials)


def document_texts(document: ReadDocument) -> list[str]:
    """Every paragraph and cell of a paper, for paper-wide look-ups such as defined initials."""
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            texts.extend(cell.text for row in block.rows for cell in row.cells if not cell.is_empty)
    return texts


def extract_document(data: bytes, name: str, path: str = "") -> DocumentResult:
    """Everything boardpapers extracts from one file's bytes."""
    document = read_document(data, name, path)
    try:
        printed = find_paper_date(document)
        document = document.model_copy(update={"paper_date": printed or document.metadata_date})
        initials = find_initials(document_texts(document))
        plans = [interpret_plan(d, document, initials) for d in titled(find_plans(document), document)]
    except MemoryError as exc:
        raise TooLarge(path or name, "the paper needs more memory than a worker may use") from exc
    except Exception as exc:  # our bug must not end the batch, nor be blamed on the file
        raise InternalError.from_exception(path or name, exc) from exc
    plans, cut = cap_fields(plans)
    warnings = list(document.warnings)
    if cut:
        warnings.append(Notice(kind="field_truncated", message=(
            f"{cut} text field{'s' if cut != 1 else ''} longer than {MAX_FIELD_CHARS:,} characters "
            f"{'were' if cut != 1 else 'was'} cut to that length")))
    if not plans:
        warnings.append(Notice(kind="no_plan", message="read, but no action plan was found in it"))
    return DocumentResult(
        name=name, path=path or name, sha256=hashlib.sha256(data).hexdigest(),
        format=document.format, title=document.title, publisher=find_publisher(document),
        paper_date=document.paper_date,
        paper_date_source="printed" if printed else "file metadata" if document.metadata_date else None,
        metadata_date=document.metadata_date,
        pages=document.pages, pages_read_fully=document.pages_read_fully, plans=plans, warnings=warnings,
    )


_CAPPED_FIELDS = ("recommendation", "action", "progress", "outcome", "owner_text", "rag_text")


def cap_fields(plans: list[Plan]) -> tuple[list[Plan], int]:
    """Plans with every stored text field cut at MAX_FIELD_CHARS, and how many were cut."""
    cut = 0
    capped = []
    for plan in plans:
        items = []
        for item in plan.items:
            long = {f: getattr(item, f)[:MAX_FIELD_CHARS] for f in _CAPPED_FIELDS
                    if getattr(item, f) and len(getattr(item, f)) > MAX_FIELD_CHARS}
            cut += len(long)
            items.append(item.model_copy(update=long) if long else item)
        capped.append(plan.model_copy(update={"items": items}))
    return capped, cut


def extract_path(path: Path) -> DocumentResult:
    return extract_file(str(path))


def extract_file(path: str) -> DocumentResult:
    """What a worker process runs: read the file, extract it.  Raises IngestError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or str(exc)) from exc
    return extract_document(data, Path(path).name, path)
