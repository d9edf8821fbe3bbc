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
