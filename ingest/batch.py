"""Ingesting many files into one database.

Files are hashed and skipped when unchanged; the rest are extracted by an
executor (boardpapers.ingest.executors): worker processes with a time limit after which a
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

from boardpapers.db.store import record_alias, record_failure, restore_if_stale, stored_sha, write_document
from boardpapers.ingest import executors
from boardpapers.ingest.errors import IngestError, UnreadableFile
from boardpapers.ingest.pipeline import SUFFIX_FORMATS
from boardpapers.ingest.reconcile import dangling
from boardpapers.ingest.reconcile.owners import same_person
from boardpapers.ingest.reconcile.tracking import update_tracking
from boardpapers.schema.models import DocumentResult

# Suffixes picked up when walking a folder (the formats the pipeline reads); files named on
# the command line are always tried.
PAPER_SUFFIXES = tuple(SUFFIX_FORMATS)
DEFAULT_TIMEOUT = 300.0  # seconds one document may take before its worker is killed


@dataclass
class FileOutcome:
    path: str
    status: str  # "stored", "unchanged", "failed" or "skipped" (a link not followed)
    same_as: Optional[str] = None  # unchanged because these bytes are stored under this other path
    plans: int = 0
    items: int = 0
    pages: int = 0
    pages_read_fully: int = 0  # of them, read by the full table reader (the rest passed the screen)
    error: Optional[str] = None
    error_kind: Optional[str] = None
    traceback: Optional[str] = None
    dangling: list[tuple[Optional[str], str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    write_seconds: float = 0.0

    def summary(self, verbose: bool = False) -> str:
        """One line for the file (names escaped so they cannot forge lines or move the cursor)."""
        path = printable(self.path)
        if self.status == "failed":
            text = f"FAILED {path}: {printable(self.error or '')} [{self.error_kind}]"
            if verbose and self.traceback:
                text += "\n" + self.traceback.rstrip()
            return text
        if self.status == "skipped":
            return f"skipped {path}: {printable(self.error or '')}"
        if self.status == "unchanged":
            return f"unchanged {path}" + (f" (the same paper as {printable(self.same_as)})" if self.same_as else "")
        text = f"stored {path}: {plural(self.items, 'item')} in {plural(self.plans, 'plan')}"
        if self.dangling:
            refs = ", ".join(f"{ref or '?'} -> '{raw}'" for ref, raw in self.dangling)
            text += f"; dangling references: {printable(refs)}"
        for kind, message in self.warnings:
            text += f"; warning [{kind}]: {printable(message)}"
        return text


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def printable(text: str) -> str:
    """Text safe for a terminal line: control characters and undecodable bytes shown escaped."""
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte the file name held that is not UTF-8
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


@dataclass
class Skipped:
    """A file or link met while walking a folder and deliberately not read."""

    path: Path
    reason: str
    for_type: bool = False  # not a paper's file type (as opposed to a link not followed)


def iter_paper_paths(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Files named, and papers found in folders named (recursively, in a stable order).

    Links inside a folder are followed only where they stay inside it; a link
    that leaves the folder, loops back on a folder being walked, or points at
    nothing is yielded as Skipped, so the user sees it.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path | Skipped]:
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        folder_path = Path(folder)
        for name in sorted(dirs):
            child = folder_path / name
            if name.startswith("."):
                dirs.remove(name)
            elif child.is_symlink():  # never followed: its target is outside, or walked already
                dirs.remove(name)
                yield Skipped(child, _link_problem(child, real_root) or "a link to a folder inside this one "
                                                                       "(its papers are read where they are)")
        dirs.sort()
        for name in sorted(files):
            child = folder_path / name
            if name.startswith("."):
                continue
            if child.suffix.lower() not in PAPER_SUFFIXES:
                yield Skipped(child, f"not a paper's file type ({child.suffix or 'no extension'})", for_type=True)
                continue
            reason = _link_problem(child, real_root) if child.is_symlink() else None
            yield Skipped(child, reason) if reason else child


def _link_problem(link: Path, real_root: Path) -> Optional[str]:
    """Why a link met in a walk is not followed (None when it stays inside the folder)."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "a link to nothing (dangling)"
    except (RuntimeError, OSError):
        return "a link that loops"
    if target != real_root and real_root not in target.parents:
        return f"a link leading out of the folder (to {target}); name the target to read it"
    parent = link.parent.resolve()
    if link.is_dir() and (target == parent or target in parent.parents):
        return "a link to a folder being walked (a loop)"
    return None


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
        record_failure(db, path, sha, result.kind, result.message, result.traceback)
        return FileOutcome(path, "failed", error=result.message, error_kind=result.kind,
                           traceback=result.traceback, write_seconds=time.perf_counter() - started)
    write_document(db, result, same_person=same_person)
    loose = [d for plan in result.plans for d in dangling(plan)]
    return FileOutcome(path, "stored", plans=len(result.plans), items=result.item_count, pages=result.pages,
                       pages_read_fully=result.pages_read_fully,
                       dangling=loose, warnings=[(w.kind, w.message) for w in result.warnings],
                       write_seconds=time.perf_counter() - started)


def _plan(db: sqlite_utils.Database, paths: list[Path], force: bool,
          on_outcome: Callable[[FileOutcome], None]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(path, sha) of the files to extract, and of the files whose bytes another file of this
    batch holds; report the unreadable and unchanged ones (the same bytes known under any
    path) at once.  A paper is its content: one read, however many names it has."""
    todo, repeats = [], []
    first_of: dict[str, str] = {}
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
            restore_if_stale(db, key)
            on_outcome(FileOutcome(key, "unchanged"))
            continue
        if sha in first_of:
            repeats.append((key, sha))
            continue
        other = None if force else record_alias(db, key, sha)
        if other is not None and other != key:
            on_outcome(FileOutcome(key, "unchanged", same_as=other))
            continue
        first_of[sha] = key
        todo.append((key, sha))
    return todo, repeats


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[Path], force: bool = False,
                 workers: int = 0, timeout: float = DEFAULT_TIMEOUT,
                 on_outcome: Optional[Callable[[FileOutcome], None]] = None,
                 on_start: Optional[Callable[[int], None]] = None,
                 executor: str = "local", scheduler: Optional[str] = None,
                 max_memory_mb: int = executors.DEFAULT_MAX_MEMORY_MB,
                 on_ignored: Optional[Callable[[Skipped], None]] = None) -> list[FileOutcome]:
    """Extract and store every paper under paths; never raises for a bad file.

    executor "local": workers=0 extracts in this process (no time limit: for
    tests and small jobs), workers>=1 in that many worker processes with the
    time limit.  executor "dask": on the Dask cluster at `scheduler` ("local"
    starts one on this machine).  Either way one process writes, in input
    order.  Files in the folders that are not papers by their type go to on_ignored.  A file that failed before is tried again (its cause may have been fixed).
    """
    outcomes: list[FileOutcome] = []

    def report(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    found = []
    for item in iter_paper_paths(paths):
        if isinstance(item, Skipped) and item.for_type:
            if on_ignored:
                on_ignored(item)
        else:
            found.append(item)
    if on_start:
        on_start(len(found))
    candidates = []
    for item in found:
        if isinstance(item, Skipped):
            report(FileOutcome(str(item.path), "skipped", error=item.reason))
        else:
            candidates.append(item)
    todo, repeats = _plan(db, candidates, force, report)
    if executor == "dask":
        results = executors.dask_cluster(todo, scheduler or "local", timeout)
    elif workers <= 0:
        results = executors.in_process(todo)
    else:
        results = executors.process_pool(todo, workers, timeout, max_memory_mb)
    for path, sha, result in results:
        report(_store(db, path, sha, result))
    for path, sha in repeats:  # the same bytes twice in this batch: the second is another name
        other = record_alias(db, path, sha)
        report(FileOutcome(path, "unchanged", same_as=other) if other else
               FileOutcome(path, "skipped", error="the same content as a file of this batch that was not stored"))
    update_tracking(db)  # where this batch stored papers, or an earlier one died before tracking
    return outcomes
