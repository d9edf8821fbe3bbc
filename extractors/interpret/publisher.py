"""The body that publishes a paper, as it names itself at the top ("Riverdale Council")."""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.interpret.paperdate import head_texts
from boardpapers.extractors.vocabulary import PUBLISHER_HEADS
from boardpapers.schema.models import ReadDocument

_MAX_WORDS = 10  # a body's name is a short line, not a sentence that happens to end in "board"
_NOT_A_NAME_START = ("the", "this", "that", "our", "a", "an", "all", "each", "every")
_PARTS = re.compile(r"\s+[–—|-]\s+|:\s+")  # where a running header joins the body's name to more
_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*")


def find_publisher(document: ReadDocument) -> Optional[str]:
    """The first short line of the paper's opening blocks that is a body's name: capitalised,
    ending in a word such as Council, Trust, Board or Partnership.  None when there is none.

    Plan tracking compares it between papers: two versions of a plan come from one body.
    """
    for text in head_texts(document):
        for line in text.splitlines():
            for part in _PARTS.split(line):  # "Northshire Council – Housing Scrutiny Committee action plan"
                name = _as_body_name(part) or _leading_body_name(part)
                if name:
                    return name
    return None


def _leading_body_name(text: str) -> Optional[str]:
    """A body's name opening a longer line: a PDF joins a masthead's lines into one paragraph
    ("Wexcombe Health and Care Partnership Partnership Board, 18 October 2023")."""
    words = text.split()
    if not words or words[0].casefold() in _NOT_A_NAME_START:
        return None
    for end in range(2, min(len(words), _MAX_WORDS) + 1):
        name = _as_body_name(" ".join(words[:end]))
        if name:
            return name
    return None


def _as_body_name(line: str) -> Optional[str]:
    name = " ".join(line.split()).strip(" .:;,-–")
    words = _WORD.findall(name)
    if not words or len(words) > _MAX_WORDS or not name[:1].isupper():
        return None
    if words[-1].casefold() not in PUBLISHER_HEADS:
        return None
    if sum(w[0].isupper() for w in words) < len(words) / 2:  # a title-cased name, not a sentence
        return None
    return name
