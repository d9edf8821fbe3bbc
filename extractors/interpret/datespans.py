"""Finding where a date sits in a longer sentence, with spaCy.

A blank English pipeline (no model to download) tokenises the text and a
Matcher, whose patterns are built from the vocabulary tables, marks spans
such as "by 30 June 2023", "end of Q3" or "w/c 15 April 2024".  The date
grammar (boardpapers.extractors.interpret.dates) then normalises each span; spaCy only finds it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from boardpapers.extractors.vocabulary import MONTH_PARTS, MONTHS, RANGE_DASHES, RANGE_JOINERS, SEASONS

_DAY = {"TEXT": {"REGEX": r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(?:19|20)\d{2}$"}}
_SHORT_YEAR = {"TEXT": {"REGEX": r"^'?\d{2}$"}}
_FY = {"TEXT": {"REGEX": r"^(?:FY)?(?:19|20)?\d{2}[/-]\d{2,4}$"}}
_MONTH = {"LOWER": {"IN": sorted(MONTHS) + [m + "." for m in MONTHS]}}
_MONTH_YY = {"TEXT": {"REGEX": r"^(?i:" + "|".join(MONTHS) + r")-\d{2}$"}}
_NUMERIC = {"TEXT": {"REGEX": r"^\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})$"}}
_QUARTER = {"TEXT": {"REGEX": r"^[Qq][1-4]$"}}
_HALF = {"TEXT": {"REGEX": r"^[Hh][12]$"}}
_SEASON = {"LOWER": {"IN": sorted(SEASONS)}}
_PART_WORDS = sorted({w for part in MONTH_PARTS for w in part.split() if w != "of"})
_PART = {"LOWER": {"IN": _PART_WORDS}}
_OF = {"LOWER": "of", "OP": "?"}
_DASH = {"TEXT": {"IN": list(RANGE_DASHES)}, "OP": "?"}
_RANGE = {"LOWER": {"IN": list(RANGE_JOINERS)}}

PATTERNS: dict[str, list[list[dict]]] = {
    "DAY": [[_DAY, _OF, _MONTH, {**_YEAR, "OP": "?"}], [_MONTH, _DAY, {**_YEAR, "OP": "?"}], [_NUMERIC],
            [_YEAR, {"TEXT": "-"}, {"TEXT": {"REGEX": r"^\d{2}$"}}, {"TEXT": "-"}, {"TEXT": {"REGEX": r"^\d{2}$"}}]],
    "WEEK": [[{"LOWER": "w"}, {"TEXT": "/"}, {"LOWER": "c"}, _DAY, _MONTH, {**_YEAR, "OP": "?"}],
             [{"LOWER": {"IN": ["w/c", "wc"]}}, _DAY, _MONTH, {**_YEAR, "OP": "?"}]],
    "MONTH": [[{**_PART, "OP": "?"}, _OF, _DASH, _MONTH, {"TEXT": {"IN": [",", "-"]}, "OP": "?"},
               {**_YEAR, "OP": "?"}],
              [_MONTH, _SHORT_YEAR], [_MONTH_YY],
              [_MONTH, _RANGE, _MONTH, {**_YEAR, "OP": "?"}]],
    "QUARTER": [[_QUARTER, _OF, {"LOWER": "fy", "OP": "?"}, {"TEXT": {"REGEX": r"^(?:FY)?(?:19|20)?\d{2}(?:[/-]\d{2,4})?$"}, "OP": "?"}],
                [_HALF, {"LOWER": "fy", "OP": "?"}, {**_FY, "OP": "?"}]],
    "SEASON": [[_SEASON, {**_YEAR, "OP": "?"}]],
    "FINANCIAL_YEAR": [[{"LOWER": "fy", "OP": "?"}, _FY]],
}


@lru_cache(maxsize=1)
def _pipeline():
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return nlp, matcher


# Runs of punctuation (a form's "________", "((((("): spaCy's tokenizer splits them a
# character at a time, in time quadratic in the run.  No date holds one.
_PUNCTUATION_RUN = re.compile(r"[^A-Za-z0-9\s]{8,}")


def blank_punctuation_runs(text: str) -> str:
    """text with every long run of punctuation turned into as many spaces (offsets unchanged)."""
    return _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), text)


_WINDOW = 50_000  # characters tokenised at a time: spaCy refuses a text past its max_length


def _windows(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of text cut at white space into pieces of at most about _WINDOW characters."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + _WINDOW)
        if end < len(text):
            space = text.rfind(" ", start + _WINDOW // 2, end)
            end = space if space > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def find_date_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) character spans of the date expressions in text, longest first wins."""
    found = []
    for offset, piece in _windows(text):
        found += [(offset + a, offset + b, kind) for a, b, kind in _spans(piece)]
    return found


def _spans(text: str) -> list[tuple[int, int, str]]:
    from spacy.util import filter_spans

    nlp, matcher = _pipeline()
    doc = nlp(blank_punctuation_runs(text))
    spans = [doc[start:end] for _, start, end in matcher(doc)]
    labels = {(doc[s:e].start_char, doc[s:e].end_char): nlp.vocab.strings[m] for m, s, e in matcher(doc)}
    return [(span.start_char, span.end_char, labels[(span.start_char, span.end_char)])
            for span in sorted(filter_spans(spans), key=lambda s: s.start)]
