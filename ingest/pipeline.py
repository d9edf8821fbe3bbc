"""One document, start to finish and free of side effects: bytes in, a `DocumentResult` out.

read (format -> blocks) -> find (plans and rows) -> interpret (dates, owners,
ratings, references) -> reconcile (references within each plan).  Any engine
that can call a function (a process pool, a cluster) can run `extract_document`.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Callable, Optional

from extractors.docx import read_docx
from extractors.errors import ReadError
from extractors.html import read_html
from extractors.interpret import interpret_item
from extractors.legacy import read_legacy_word
from extractors.minutes import find_minute_actions
from extractors.owners import find_initials
from extractors.pdf import read_pdf
from extractors.paperdate import find_paper_date
from extractors.records import find_records
from extractors.tables import find_table_plans
from extractors.text import read_text
from ingest.errors import (
    EmptyFile, ExtractionFailed, ReaderFailed, TooLarge, UnreadableFile, UnsupportedFormat,
)
from ingest.reconcile import link_initials, resolve_plan_references
from schema.models import DocumentResult, Paragraph, Plan, PlanDraft, ReadDocument, Table

Reader = Callable[[bytes, str], ReadDocument]


MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # a Word file larger than this unpacked is refused (a zip bomb, or worse)
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
        return "docx" if _is_word_zip(data) else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if looks_binary(data):
        return "binary"
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def _is_word_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return True  # a damaged Word file: let the Word reader say what is wrong


def check_unzipped_size(data: bytes, where: str) -> None:
    """Refuse a Word file whose parts would expand past the limit, before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return
    if total > MAX_UNZIPPED_BYTES:
        raise TooLarge(where, f"the Word file expands to {total / 2**20:,.0f} MB unpacked "
                              f"(the limit is {MAX_UNZIPPED_BYTES / 2**20:,.0f} MB)")


READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_text,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
    "doc": lambda data, name: read_legacy_word(data, name, "doc"),
    "rtf": lambda data, name: read_legacy_word(data, name, "rtf"),
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
        what = "a zip archive that is not a Word document" if fmt == "zip" else f"{fmt} content"
        raise UnsupportedFormat(where, f"{what} is not a paper boardpapers can read")
    try:
        return reader(data, name)
    except ReadError as exc:
        raise ReaderFailed(where, str(exc), exc.kind) from exc
    except (MemoryError, RecursionError) as exc:
        raise ReaderFailed(where, f"this {fmt} file is too large or too deeply nested to read",
                           "too_large") from exc
    except Exception as exc:  # a library's own error on a malformed file
        raise ReaderFailed(where, f"cannot read this {fmt} file ({type(exc).__name__}: {exc})",
                           "corrupt") from exc


def find_plans(document: ReadDocument) -> list[PlanDraft]:
    """Every plan in a document: plan tables first, then labelled-record plans."""
    plans: list[PlanDraft] = []
    heading: Optional[str] = None
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.heading or heading is None or len(block.text) < 120:
                heading = block.text if len(block.text) < 200 else heading
        elif isinstance(block, Table):
            plans += find_table_plans(block, document.name, title=heading)
    plans += find_records(document.blocks, document.name)
    plans += find_minute_actions(document.blocks, document.name, document.paper_date)
    return plans


def interpret_plan(draft: PlanDraft, document: ReadDocument, initials: dict[str, str]) -> Plan:
    items = [interpret_item(raw, document.paper_date) for raw in draft.items]
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
        document = document.model_copy(update={"paper_date": find_paper_date(document)})
        initials = find_initials(document_texts(document))
        plans = [interpret_plan(d, document, initials) for d in find_plans(document)]
    except Exception as exc:  # a parser bug must not end the batch; say which file it hit
        raise ExtractionFailed(path or name, f"{type(exc).__name__}: {exc}") from exc
    return DocumentResult(
        name=name, path=path or name, sha256=hashlib.sha256(data).hexdigest(),
        format=document.format, title=document.title, paper_date=document.paper_date,
        pages=document.pages, plans=plans,
    )


def extract_path(path: Path) -> DocumentResult:
    return extract_file(str(path))


def extract_file(path: str) -> DocumentResult:
    """What a worker process runs: read the file, extract it.  Raises IngestError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or str(exc)) from exc
    return extract_document(data, Path(path).name, path)
