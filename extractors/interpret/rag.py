"""RAG ratings: 'Amber', 'A', 'Amber/Green' (the worse: amber), 'Complete' (blue), 'RATING Green'."""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.vocabulary import RAG_SEVERITY, RAG_WORDS

_LABEL = re.compile(r"^\s*(?:rag(?:\s+rating|\s+status)?|rating|status)\s*[:\-]?\s*", re.I)
_WORD = re.compile(r"[A-Za-z]+")


def parse_rag(text: Optional[str]) -> Optional[str]:
    """The rating a cell prints, or None when it prints none.

    Only a cell that is a rating (a word or letter, perhaps two joined by '/' or
    '-') is read; prose that happens to contain 'green' is not a rating.
    """
    text = collapse(text)
    if not text:
        return None
    body = _LABEL.sub("", text)
    words = [w.casefold() for w in _WORD.findall(body)]
    if not words:
        return None
    ratings = [RAG_WORDS[w] for w in words[:3] if w in RAG_WORDS]
    if not ratings or len(words) > 3 and len(ratings) < len(words[:2]):
        return None
    if len(words) > 3 and words[0] not in RAG_WORDS:
        return None
    return min(ratings, key=RAG_SEVERITY.index)


_COLOURS = {"red", "amber", "green", "blue", "yellow"}


def colour_only(text: Optional[str]) -> Optional[str]:
    """The rating when a status cell prints nothing but colours ("Amber", "Green/Amber"), else None.

    A status of words like Done or Complete stays progress, as the format says.
    """
    words = [w.casefold() for w in _WORD.findall(collapse(text))]
    if not words or len(words) > 2 or not all(w in _COLOURS for w in words):
        return None
    return parse_rag(text)
