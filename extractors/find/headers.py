"""Mapping printed column headers and record labels to canonical fields."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from boardpapers.extractors.vocabulary import (
    HEADER_QUALIFIERS, HEADER_SYNONYMS, HEADER_WORDS, MONTHS, ORIGINAL_DEADLINE_WORDS, QUESTION_DOING_WORDS,
    QUESTION_FIELDS, QUESTION_OUTCOME_WORDS, QUESTION_PAST_WORDS, QUESTION_STANDING_WORDS, REVISED_DEADLINE_WORDS,
    UNMAPPED_HEADERS,
)

_LOOKUP = {syn: field for field, syns in HEADER_SYNONYMS.items() for syn in syns}
LABEL_PHRASES = frozenset(_LOOKUP)  # the headers and labels known word for word
_WORD_FIELD = {word: field for field, words in HEADER_WORDS.items() for word in words}
_UNMAPPED = frozenset(UNMAPPED_HEADERS)
_MAX_HEADER_WORDS = 8
_MAX_HEAD_WORDS = 3  # words before a qualifier in a header read by its head word
_MAX_HEADING_WORDS = 6  # words in a header read by its head word
_MIN_KNOWN_SHARE = 0.6  # a header may carry columns we do not read ("Date raised", "Risk score")
_ALTERNATIVES = re.compile(r"/|\s+or\s+")  # a header naming one column two ways
# A period qualifying a header ("Update October 2025", "Q2 update", "Position 2025/26").
_PERIOD_WORD = re.compile(r"^(?:q[1-4]|h[12]|fy\d{0,4}|(?:19|20)\d{2}(?:/\d{2,4})?|\d{2}/\d{2}|"
                          + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")$")


def normalise_label(text: str) -> str:
    """'Progress & next steps' -> 'progress and next steps'; 'Contact(s):' -> 'contact'."""
    text = text.casefold().replace("&", " and ").replace("(s)", "").replace("#", " no ")
    text = re.sub(r"[^\w\s/]", " ", text)
    text = text.replace("/", " ")
    return " ".join(text.split())


@lru_cache(maxsize=16384)  # asked of every word of every line when pages are screened
def label_field(text: str) -> Optional[str]:
    """The canonical field a header or label names, or None.

    A known phrase first ("by when", "rag status"); then the header's meaning
    from its head word (`head_field`).  Headers of columns we do not read
    ("Date raised", "Priority") name nothing.
    """
    pieces = [piece for piece in _ALTERNATIVES.split(text) if piece.strip()]
    if len(pieces) > 1 and not text.startswith("/"):  # "Management response / agreed action", "Action taken or planned"
        if normalise_label(pieces[0]) in _UNMAPPED:
            return None  # "Date raised / logged": a column we do not read
        halves = {label_field(piece) for piece in pieces}
        if len(halves - {None}) == 1:
            return (halves - {None}).pop()
    key = normalise_label(text)
    if not key or len(key.split()) > _MAX_HEADER_WORDS or key in _UNMAPPED:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    words = key.split()
    if words[0] in ORIGINAL_DEADLINE_WORDS + REVISED_DEADLINE_WORDS and " ".join(words[1:]) in _LOOKUP:
        return _LOOKUP[" ".join(words[1:])]
    if key.endswith("s") and key[:-1] in _LOOKUP:
        return _LOOKUP[key[:-1]]
    if text.rstrip().endswith("?"):
        return question_field(key)
    if not looks_like_heading(text):
        return None
    unbracketed = normalise_label(re.sub(r"\([^)]*\)?", " ", text)).split()  # "Source (agenda item / date)"
    return head_field(unbracketed or words)


def question_field(key: str) -> Optional[str]:
    """The field a header asked as a question names ("what is the issue" -> recommendation, "who
    is responsible" -> owner, "when will it be done" -> deadline, "how will we know" -> outcome,
    "where are we now" / "what has been done so far" -> progress)."""
    words = key.split()
    if not words or words[0] not in QUESTION_FIELDS or len(words) > _MAX_HEADER_WORDS:
        return None
    padded = f" {key} "
    if words[0] in ("what", "where") and any(f" {w} " in padded for w in QUESTION_PAST_WORDS):
        return "progress"
    if words[0] == "how" and any(f" {w} " in padded for w in QUESTION_OUTCOME_WORDS):
        return "outcome"
    named = [_WORD_FIELD.get(w) or _WORD_FIELD.get(_singular(w)) for w in words[1:]
             if w not in _PROSE_WORDS and w not in QUESTION_FIELDS]
    field = next((f for f in reversed(named) if f), None)
    if field:
        return field
    if words[0] in ("what", "how") and not any(f" {w} " in padded for w in QUESTION_DOING_WORDS):
        return None  # "What is the IDACI?" asks what a thing is
    if words[0] == "where" and not any(f" {w} " in padded for w in QUESTION_STANDING_WORDS):
        return None
    return QUESTION_FIELDS[words[0]]


def is_unmapped_header(text: str) -> bool:
    """A header of a column we know and do not read ("Date raised", "Risk score", "Priority")."""
    return normalise_label(text) in _UNMAPPED


_SENTENCE_MARKS = re.compile(r"[.;,!•‘’“”\"]\s*\S")  # punctuation with more text after it
_PROSE_WORDS = frozenset({"i", "we", "you", "they", "it", "he", "she", "the", "a", "an", "these", "those",
                          "is", "are", "was", "were", "be", "will", "should", "can"})
_ALLOWED_PROSE = frozenset({"who is responsible", "who is accountable", "what we will do", "who will do it"})


def looks_like_heading(text: str) -> bool:
    """Printed like a column heading, not like a line of prose: a few words, opening with a
    capital, no sentence punctuation inside, no pronoun, article or verb of being.  Only
    headers read by their head word must pass; the known phrases are trusted as printed."""
    text = re.sub(r"\([^)]*\)?", " ", text).strip().rstrip("?:.")
    text = text.replace("’s ", " ").replace("'s ", " ")
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or not text[0].isupper():
        return False
    if " ".join(w.casefold() for w in words) in _ALLOWED_PROSE:
        return True
    return not _SENTENCE_MARKS.search(text) and not any(w.casefold() in _PROSE_WORDS for w in words)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def head_field(words: list[str]) -> Optional[str]:
    """The field a header's head word names: "Main tasks this period" -> action,
    "Lead organisation" -> owner, "Update at 30 June" -> progress, "Success measure" -> outcome.

    The header is cut at its first qualifier (at, for, this, ...), then read from
    its last word back: the first word that names a field decides.
    """
    words = [w.replace("followup", "follow") for w in words if w != "s" and not _PERIOD_WORD.match(w)]
    # ("auditor's" -> "auditor"; "Update October 2025", "Q2 update": the period qualifies the head)
    if words[:1] != ["by"]:  # "by when" is a phrase of its own; elsewhere "by" qualifies
        words = words[:next((i for i, w in enumerate(words) if w in HEADER_QUALIFIERS + ("by",) and i > 0),
                            len(words))]
    if len(words) > _MAX_HEAD_WORDS or any(ch.isdigit() for w in words for ch in w):
        return None  # a heading's words are few, and carry no numbers before a qualifier
    if " ".join(words[-2:]) in _LOOKUP:
        return _LOOKUP[" ".join(words[-2:])]
    for word in reversed(words):
        field = _WORD_FIELD.get(word) or _WORD_FIELD.get(_singular(word))
        if field:
            return field
    return None


_SINGLE_FIELDS = ("recommendation", "action")
# What a row is about, and what follows it up (who, when, how it stands): a plan names both.
ABOUT_FIELDS = frozenset({"recommendation", "action"})
FOLLOW_UP_FIELDS = frozenset({"owner", "deadline", "progress", "rag"})


def _one_column_each(fields: list[Optional[str]], cells: list[str]) -> list[Optional[str]]:
    """Where two columns name what a row is about ("Recommendation" and "Section"), the one
    headed with the field's own name keeps it; the other is read as nothing.  (A header
    word broken over two cells names one field twice, and keeps both.)"""
    out = list(fields)
    for field in _SINGLE_FIELDS:
        columns = [i for i, f in enumerate(fields) if f == field]
        own = [i for i in columns if normalise_label(cells[i]).startswith(field)]
        if len(columns) > 1 and len(own) == 1 and not any(b - a == 1 for a, b in zip(columns, columns[1:])):
            for i in columns:
                if i != own[0]:
                    out[i] = None
    return left_action_answers(out, cells)


def left_action_answers(fields: list[Optional[str]], cells: list[str]) -> list[Optional[str]]:
    """Two columns that both read as the action, neither headed "Action" and no recommendation
    column beside them ("What needs to change" | "Steps agreed"): the left one is what the
    action answers, the recommendation.  (Not a header word broken over two cells.)"""
    columns = [i for i, f in enumerate(fields) if f == "action"]
    if len(columns) != 2 or "recommendation" in fields:
        return fields
    if any(normalise_label(cells[i]).startswith("action") for i in columns):
        return fields
    if any(label_field(cells[i]) != "action" for i in columns):  # read as one word only when joined
        return fields
    out = list(fields)
    out[columns[0]] = "recommendation"
    return out


def is_plan_header(named: set) -> bool:
    """Do these fields make a plan?  What a row is about (a recommendation or an action)
    with something that follows it up (an owner, a deadline, progress, or the action
    itself); or progress with an owner or a deadline.  A risk register (risk, impact)
    or a KPI table (indicator, rating) is not a plan."""
    about = named & ABOUT_FIELDS
    followed = named & {"owner", "deadline", "progress", "action"}
    if about and (followed - about or about == ABOUT_FIELDS):
        return True
    return "progress" in named and bool(named & {"owner", "deadline"})


def is_revised_deadline(text: str) -> bool:
    return normalise_label(text).split()[:1] in ([w] for w in REVISED_DEADLINE_WORDS)


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
    if not is_plan_header(named):
        return None
    fields = _one_column_each(fields, cells)
    if fields and fields[0] is None and not cells[0].strip():
        fields[0] = "ref"
    return fields
