"""Errors boardpapers reports for one file; each carries the file's path and a kind."""
from __future__ import annotations


class IngestError(Exception):
    """A file that could not be read or extracted.  The batch records it and goes on."""

    kind = "error"

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class UnsupportedFormat(IngestError):
    kind = "unsupported_format"


class EmptyFile(IngestError):
    kind = "empty_file"


class UnreadableFile(IngestError):
    kind = "unreadable"


class ExtractionFailed(IngestError):
    kind = "extraction_failed"


class ReaderFailed(IngestError):
    """The reader for the file's format could not read it; `kind` says why (encrypted, corrupt, ...)."""

    def __init__(self, path: str, message: str, kind: str):
        super().__init__(path, message)
        self.kind = kind
