"""Ingesting many files into one database: walk, skip what is unchanged, extract, store, report."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import sqlite_utils

from db.store import record_failure, stored_sha, write_document
from ingest.errors import IngestError, UnreadableFile
from ingest.pipeline import extract_document
from ingest.reconcile import dangling

# Suffixes picked up when walking a folder; files named on the command line are always tried.
PAPER_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".doc", ".rtf", ".html", ".htm")


@dataclass
class FileOutcome:
    path: str
    status: str  # "stored", "unchanged" or "failed"
    plans: int = 0
    items: int = 0
    error: Optional[str] = None
    error_kind: Optional[str] = None
    dangling: list[tuple[Optional[str], str]] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "failed":
            return f"FAILED {self.path}: {self.error}"
        if self.status == "unchanged":
            return f"unchanged {self.path}"
        text = f"stored {self.path}: {self.items} items in {self.plans} plans"
        if self.dangling:
            refs = ", ".join(f"{ref or '?'} -> '{raw}'" for ref, raw in self.dangling)
            text += f"; dangling references: {refs}"
        return text


def iter_paper_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and papers found in folders named (recursively, in a stable order)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in PAPER_SUFFIXES and not _hidden(child, path):
                    yield child
        else:
            yield path


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def ingest_file(db: sqlite_utils.Database, path: Path, force: bool = False) -> FileOutcome:
    """Extract and store one file; never raises for a bad file, reports it instead."""
    key = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        error = UnreadableFile(key, exc.strerror or str(exc))
        record_failure(db, key, path.name, None, error.message)
        return FileOutcome(key, "failed", error=error.message, error_kind=error.kind)
    sha = hashlib.sha256(data).hexdigest()
    if not force and stored_sha(db, key) == sha:
        return FileOutcome(key, "unchanged")
    try:
        result = extract_document(data, path.name, key)
    except IngestError as exc:
        record_failure(db, key, path.name, sha, exc.message)
        return FileOutcome(key, "failed", error=exc.message, error_kind=exc.kind)
    write_document(db, result)
    loose = [d for plan in result.plans for d in dangling(plan)]
    return FileOutcome(key, "stored", plans=len(result.plans), items=result.item_count, dangling=loose)


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[Path], force: bool = False,
                 on_outcome: Optional[Callable[[FileOutcome], None]] = None) -> list[FileOutcome]:
    outcomes = []
    for path in iter_paper_paths(paths):
        outcome = ingest_file(db, path, force=force)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes
