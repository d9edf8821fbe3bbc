"""Errors boardpapers reports for one file; each carries the file's path and a kind.

The kind is the short name stored in `ingest_errors.kind` and listed in the
README's "When things go wrong".
"""
from __future__ import annotations


class IngestError(Exception):
    """A file that could not be read or extracted.  The batch records it and goes on."""

    kind = "error"

    def __init__(self, path: str, message: str, kind: str | None = None):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        if kind:
            self.kind = kind

    def __reduce__(self):  # errors cross from worker processes to the writer
        return (self.__class__, (self.path, self.message, self.kind))


class UnsupportedFormat(IngestError):
    kind = "unsupported_format"


class EmptyFile(IngestError):
    kind = "empty_file"


class UnreadableFile(IngestError):
    kind = "unreadable"


class TooLarge(IngestError):
    kind = "too_large"


class ExtractionFailed(IngestError):
    kind = "extraction_failed"


class ReaderFailed(IngestError):
    """The reader for the file's format could not read it; `kind` says why (encrypted, corrupt, ...)."""

    kind = "corrupt"


class TimedOut(IngestError):
    kind = "timeout"


class WorkerCrashed(IngestError):
    kind = "worker_crashed"
