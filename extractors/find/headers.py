"""Mapping printed column headers and record labels to canonical fields."""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.vocabulary import HEADER_SYNONYMS, ORIGINAL_DEADLINE_WORDS, REVISED_DEADLINE_WORDS

_LOOKUP = {syn: field for field, syns in HEADER_SYNONYMS.items() for syn in syns}
_MAX_HEADER_WORDS = 8
_MIN_KNOWN_SHARE = 0.6  # a header may carry columns we do not read ("Date raised", "Risk score")


def normalise_label(text: str) -> str:
    """'Progress & next steps' -> 'progress and next steps'; 'Contact(s):' -> 'contact'."""
    text = text.casefold().replace("&", " and ").replace("(s)", "").replace("#", " no ")
    text = re.sub(r"[^\w\s/]", " ", text)
    text = text.replace("/", " ")
    return " ".join(text.split())


def label_field(text: str) -> Optional[str]:
    """The canonical field a header or label names, or None."""
    key = normalise_label(text)
    if not key or len(key.split()) > _MAX_HEADER_WORDS:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    words = key.split()
    if words[0] in ORIGINAL_DEADLINE_WORDS + REVISED_DEADLINE_WORDS and " ".join(words[1:]) in _LOOKUP:
        return _LOOKUP[" ".join(words[1:])]
    if key.endswith("s") and key[:-1] in _LOOKUP:
        return _LOOKUP[key[:-1]]
    return None


def is_original_deadline(text: str) -> bool:
    return normalise_label(text).split()[:1] == [ORIGINAL_DEADLINE_WORDS[0]]


def header_to_fields(cells: list[str]) -> Optional[list[Optional[str]]]:
    """Column -> canonical field for a header row, or None when the row is not a plan header.

    A header names at least two different fields, one of them what the row is
    about (recommendation, action or progress), and most of its printed cells
    are known headers (unknown columns are ignored).  A header word broken over two cells ("Recom" | "mendations")
    is read whole.  An empty first header cell over a numbered column is the ref.
    """
    fields: list[Optional[str]] = [label_field(c) if c.strip() else None for c in cells]
    for i in range(len(cells) - 1):
        if cells[i].strip() and cells[i + 1].strip() and fields[i] is None and fields[i + 1] is None:
            joined = label_field(cells[i].strip() + cells[i + 1].strip())
            if joined:
                fields[i] = fields[i + 1] = joined
    printed = [i for i, c in enumerate(cells) if c.strip()]
    known = [i for i in printed if fields[i] is not None]
    if not printed or len(known) < _MIN_KNOWN_SHARE * len(printed):
        return None
    if any(len(cells[i].split()) > _MAX_HEADER_WORDS for i in printed):
        return None
    named = {fields[i] for i in known}
    if len(named) < 2 or not named & {"recommendation", "action", "progress"}:
        return None
    if fields and fields[0] is None and not cells[0].strip():
        fields[0] = "ref"
    return fields
