"""Showing a batch's progress: a bar on a terminal, plain lines elsewhere, nothing with --quiet.

Every display ends with the same summary table (documents, pages, plans,
items, failures, seconds).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Optional, TextIO

from boardpapers.ingest.batch import FileOutcome


@dataclass
class Progress:
    """Counts a batch as it goes; subclasses decide what to show."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    verbose: bool = False  # failures with their tracebacks
    total: int = 0
    done: int = 0
    pages: int = 0
    plans: int = 0
    items: int = 0
    failed: int = 0
    unchanged: int = 0
    skipped: int = 0
    warnings: int = 0
    write_seconds: float = 0.0
    started: float = field(default_factory=time.monotonic)

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def file_done(self, outcome: FileOutcome) -> None:
        self.done += 1
        self.pages += outcome.pages
        self.plans += outcome.plans
        self.items += outcome.items
        self.write_seconds += outcome.write_seconds
        self.failed += outcome.status == "failed"
        self.unchanged += outcome.status == "unchanged"
        self.skipped += outcome.status == "skipped"
        self.warnings += len(outcome.warnings)
        self.show(outcome)

    def show(self, outcome: FileOutcome) -> None:
        pass

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def finish(self) -> None:
        stored = self.done - self.failed - self.unchanged - self.skipped
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        rows = [("documents", f"{self.done} ({stored} stored, {self.unchanged} unchanged{skipped})"),
                ("pages", f"{self.pages} ({self.pages / max(self.seconds, 1e-9):.1f}/s)"),
                ("plans", str(self.plans)), ("items", str(self.items)), ("failures", str(self.failed)),
                ("warnings", str(self.warnings)),
                ("seconds", f"{self.seconds:.1f} (writing {self.write_seconds:.1f})")]
        width = max(len(k) for k, _ in rows)
        print("\n".join(f"{k:<{width}}  {v}" for k, v in rows), file=self.stream)


class LogProgress(Progress):
    """One plain line per file: for logs, CI and cron."""

    def show(self, outcome: FileOutcome) -> None:
        print(f"[{self.done}/{self.total}] {outcome.summary(self.verbose)}", file=self.stream, flush=True)


class QuietProgress(Progress):
    """Failures only."""

    def show(self, outcome: FileOutcome) -> None:
        if outcome.status == "failed":
            print(outcome.summary(self.verbose), file=self.stream, flush=True)


class BarProgress(Progress):
    """A bar redrawn in place: files done / total, pages per second, failures, the current file."""

    width: int = 30

    def show(self, outcome: FileOutcome) -> None:
        if outcome.status == "failed":
            self._clear()
            print(outcome.summary(self.verbose), file=self.stream)
        filled = int(self.width * self.done / max(self.total, 1))
        rate = self.pages / max(self.seconds, 1e-9)
        name = outcome.path[-40:]
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} files  "
                f"{rate:5.1f} pages/s  {self.failed} failed  {name}")
        self.stream.write("\r" + line[:150].ljust(150))
        self.stream.flush()

    def _clear(self) -> None:
        self.stream.write("\r" + " " * 150 + "\r")

    def finish(self) -> None:
        self._clear()
        super().finish()


def choose(quiet: bool, stream: Optional[TextIO] = None, verbose: bool = False) -> Progress:
    stream = stream or sys.stderr
    if quiet:
        return QuietProgress(stream=stream, verbose=verbose)
    return (BarProgress if stream.isatty() else LogProgress)(stream=stream, verbose=verbose)
