"""RAG ratings: 'Amber', 'A', 'Amber/Green' (the worse: amber), 'Complete' (blue), 'RATING Green'."""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.vocabulary import CSS_COLOURS, RAG_COLOURS, RAG_EMOJI, RAG_SEVERITY, RAG_SHADES, RAG_WORDS

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
    for emoji, rating in RAG_EMOJI.items():
        text = text.replace(emoji, f" {rating} ")
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


def colour_only(text: Optional[str]) -> Optional[str]:
    """The rating when a status cell prints nothing but colours ("Amber", "Green/Amber"), else None.

    A status of words like Done or Complete stays progress, as the format says.
    """
    words = [w.casefold() for w in _WORD.findall(collapse(text))]
    if not words or len(words) > 2 or not all(w in RAG_COLOURS for w in words):
        return None
    return parse_rag(text)


_MAX_SHADE_DISTANCE = 110  # how far (in RGB) a fill may be from a rating's shade and still be it


def fill_rating(fill: Optional[str]) -> Optional[str]:
    """The rating a cell's colour shows ("#00B050" -> "green"), or None for white, grey,
    pale or other fills.  Takes "#RRGGBB", "RRGGBB", "#RGB" or a CSS colour name."""
    rgb = _rgb(fill)
    if rgb is None or max(rgb) - min(rgb) < 60:  # greys and whites show no rating
        return None
    best, distance = None, float("inf")
    for rating, shades in RAG_SHADES.items():
        for shade in shades:
            d = sum((a - b) ** 2 for a, b in zip(rgb, shade)) ** 0.5
            if d < distance:
                best, distance = rating, d
    return best if distance <= _MAX_SHADE_DISTANCE else None


def _rgb(fill: Optional[str]) -> Optional[tuple[int, int, int]]:
    value = (fill or "").strip().casefold()
    value = CSS_COLOURS.get(value, value).casefold().lstrip("#")
    if re.fullmatch(r"[0-9a-f]{3}", value):
        value = "".join(ch * 2 for ch in value)
    if not re.fullmatch(r"[0-9a-f]{6}", value):
        return None
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
