"""Ingesting many files into one database.

Files are hashed and skipped when unchanged; the rest are extracted by an
executor (ingest.executors): worker processes with a time limit after which a
worker is killed and replaced, so one pathological paper cannot hang the
batch, or a Dask cluster.  One process writes, a transaction per document, in
the order the files were given, so any number of workers gives the same database.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import sqlite_utils

from db.store import record_failure, stored_sha, write_document
from ingest import executors
from ingest.errors import IngestError, UnreadableFile
from ingest.reconcile import dangling
from ingest.tracking import rebuild_tracking
from schema.models import DocumentResult

# Suffixes picked up when walking a folder; files named on the command line are always tried.
PAPER_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".doc", ".rtf", ".html", ".htm")
DEFAULT_TIMEOUT = 300.0  # seconds one document may take before its worker is killed


@dataclass
class FileOutcome:
    path: str
    status: str  # "stored", "unchanged" or "failed"
    plans: int = 0
    items: int = 0
    pages: int = 0
    error: Optional[str] = None
    error_kind: Optional[str] = None
    dangling: list[tuple[Optional[str], str]] = field(default_factory=list)
    write_seconds: float = 0.0

    def summary(self) -> str:
        if self.status == "failed":
            return f"FAILED {self.path}: {self.error} [{self.error_kind}]"
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


def file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _store(db: sqlite_utils.Database, path: str, sha: str, result: DocumentResult | Exception) -> FileOutcome:
    """Write one worker's answer: the document, or the failure it met."""
    started = time.perf_counter()
    if isinstance(result, IngestError):
        record_failure(db, path, sha, result.kind, result.message)
        return FileOutcome(path, "failed", error=result.message, error_kind=result.kind,
                           write_seconds=time.perf_counter() - started)
    write_document(db, result)
    loose = [d for plan in result.plans for d in dangling(plan)]
    return FileOutcome(path, "stored", plans=len(result.plans), items=result.item_count, pages=result.pages,
                       dangling=loose, write_seconds=time.perf_counter() - started)


def _plan(db: sqlite_utils.Database, paths: list[Path], force: bool,
          on_outcome: Callable[[FileOutcome], None]) -> list[tuple[str, str]]:
    """(path, sha) of the files to extract; report the unreadable and unchanged ones at once."""
    todo = []
    for path in paths:
        key = str(path)
        try:
            sha = file_sha(path)
        except OSError as exc:
            error = UnreadableFile(key, exc.strerror or str(exc))
            record_failure(db, key, None, error.kind, error.message)
            on_outcome(FileOutcome(key, "failed", error=error.message, error_kind=error.kind))
            continue
        if not force and stored_sha(db, key) == sha:
            on_outcome(FileOutcome(key, "unchanged"))
            continue
        todo.append((key, sha))
    return todo


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[Path], force: bool = False,
                 workers: int = 0, timeout: float = DEFAULT_TIMEOUT,
                 on_outcome: Optional[Callable[[FileOutcome], None]] = None,
                 on_start: Optional[Callable[[int], None]] = None,
                 executor: str = "local", scheduler: Optional[str] = None) -> list[FileOutcome]:
    """Extract and store every paper under paths; never raises for a bad file.

    executor "local": workers=0 extracts in this process (no time limit: for
    tests and small jobs), workers>=1 in that many worker processes with the
    time limit.  executor "dask": on the Dask cluster at `scheduler` ("local"
    starts one on this machine).  Either way one process writes, in input
    order.  A file that failed before is tried again (its cause may have been fixed).
    """
    outcomes: list[FileOutcome] = []

    def report(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    candidates = list(iter_paper_paths(paths))
    if on_start:
        on_start(len(candidates))
    todo = _plan(db, candidates, force, report)
    if executor == "dask":
        results = executors.dask_cluster(todo, scheduler or "local", timeout)
    elif workers <= 0:
        results = executors.in_process(todo)
    else:
        results = executors.process_pool(todo, workers, timeout)
    for path, sha, result in results:
        report(_store(db, path, sha, result))
    if any(o.status == "stored" for o in outcomes):
        rebuild_tracking(db)
    return outcomes
