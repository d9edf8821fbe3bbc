"""What a reader raises when a file cannot be read as the format it claims to be.

The ingest pipeline turns these into per-file errors (with the path) and the
batch goes on.  `kind` is the short name stored in the database.
"""
from __future__ import annotations


class ReadError(Exception):
    kind = "unreadable"


class CorruptDocument(ReadError):
    kind = "corrupt"


class EncryptedDocument(ReadError):
    kind = "encrypted"


class NoTextLayer(ReadError):
    kind = "no_text_layer"


class NotWordDocument(ReadError):
    kind = "not_word"


class ConverterMissing(ReadError):
    kind = "converter_missing"


# Top-level packages whose code is ours: an exception raised there is our bug, not the file's.
OUR_PACKAGES = frozenset({"boardpapers", "extractors", "ingest", "db", "schema"})


def raised_in_our_code(exc: BaseException) -> bool:
    """Was exc raised by a line of boardpapers (rather than inside a library reading the file)?

    Only a library's own error on a malformed file says the file is damaged; a
    TypeError in our code is a bug of ours and must never be reported as a corrupt file.
    """
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    if last is None:
        return False
    module = str(last.tb_frame.f_globals.get("__name__", ""))
    return module.split(".")[0] in OUR_PACKAGES
