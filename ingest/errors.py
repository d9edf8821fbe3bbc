"""Errors boardpapers reports for one file; each carries the file's path and a kind.

The kind is the short name stored in `ingest_errors.kind` and listed in the
README's "When things go wrong".
"""
from __future__ import annotations


class IngestError(Exception):
    """A file that could not be read or extracted.  The batch records it and goes on."""

    kind = "error"

    def __init__(self, path: str, message: str, kind: str | None = None, traceback: str | None = None):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.traceback = traceback  # set for internal errors: where in our code it broke
        if kind:
            self.kind = kind

    def __reduce__(self):  # errors cross from worker processes to the writer
        return (self.__class__, (self.path, self.message, self.kind, self.traceback))


class UnsupportedFormat(IngestError):
    kind = "unsupported_format"


class EmptyFile(IngestError):
    kind = "empty_file"


class UnreadableFile(IngestError):
    kind = "unreadable"


class TooLarge(IngestError):
    kind = "too_large"


class InternalError(IngestError):
    """A bug in boardpapers met on this file, not a fault of the file: stored with its traceback."""

    kind = "internal_error"

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> "InternalError":
        import traceback

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return cls(path, f"boardpapers failed on this file ({type(exc).__name__}: {exc}); "
                         f"please report it", traceback=text)


class ReaderFailed(IngestError):
    """The reader for the file's format could not read it; `kind` says why (encrypted, corrupt, ...)."""

    kind = "corrupt"


class TimedOut(IngestError):
    kind = "timeout"


class WorkerCrashed(IngestError):
    kind = "worker_crashed"
