"""One document, start to finish and free of side effects: bytes in, a `DocumentResult` out.

read (format -> blocks) -> find (plans and rows) -> interpret (dates, owners,
ratings, references) -> reconcile (references within each plan).  Any engine
that can call a function (a process pool, a cluster) can run `extract_document`.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Optional

from extractors.interpret import interpret_item
from extractors.paperdate import find_paper_date
from extractors.records import find_records
from extractors.tables import find_table_plans
from extractors.text import read_text
from ingest.errors import EmptyFile, ExtractionFailed, UnsupportedFormat
from ingest.reconcile import resolve_plan_references
from schema.models import DocumentResult, Paragraph, Plan, PlanDraft, ReadDocument, Table

Reader = Callable[[bytes, str], ReadDocument]
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def sniff_format(data: bytes, name: str) -> str:
    """The format a file's content shows (magic bytes first, the name's suffix last)."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    if b"\x00" in data[:4096]:
        return "binary"
    return "text"


def readers() -> dict[str, Reader]:
    """Format -> reader.  Later formats register here."""
    return {"text": read_text, "markdown": read_text}


def read_document(data: bytes, name: str, path: str = "") -> ReadDocument:
    if not data.strip():
        raise EmptyFile(path or name, "the file is empty")
    fmt = sniff_format(data, name)
    reader = readers().get(fmt)
    if reader is None:
        raise UnsupportedFormat(path or name, f"{fmt} files are not supported yet")
    return reader(data, name)


def find_plans(document: ReadDocument) -> list[PlanDraft]:
    """Every plan in a document: plan tables first, then labelled-record plans."""
    plans: list[PlanDraft] = []
    heading: Optional[str] = None
    for block in document.blocks:
        if isinstance(block, Paragraph):
            heading = block.text if len(block.text) < 200 else heading
        elif isinstance(block, Table):
            plans += find_table_plans(block, document.name, title=heading)
    plans += find_records(document.blocks, document.name)
    return plans


def interpret_plan(draft: PlanDraft, document: ReadDocument) -> Plan:
    items = [interpret_item(raw, document.paper_date) for raw in draft.items]
    plan = Plan(title=draft.title, shape=draft.shape, provenance=draft.provenance, items=items)
    return resolve_plan_references(plan)


def extract_document(data: bytes, name: str, path: str = "") -> DocumentResult:
    """Everything boardpapers extracts from one file's bytes."""
    document = read_document(data, name, path)
    try:
        document = document.model_copy(update={"paper_date": find_paper_date(document)})
        plans = [interpret_plan(d, document) for d in find_plans(document)]
    except Exception as exc:  # a parser bug must not end the batch; say which file it hit
        raise ExtractionFailed(path or name, f"{type(exc).__name__}: {exc}") from exc
    return DocumentResult(
        name=name, path=path or name, sha256=hashlib.sha256(data).hexdigest(),
        format=document.format, title=document.title, paper_date=document.paper_date,
        pages=document.pages, plans=plans,
    )


def extract_path(path: Path) -> DocumentResult:
    return extract_document(path.read_bytes(), path.name, str(path))
