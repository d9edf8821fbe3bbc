"""Turning printed cell text into clean strings: tags, bullets, emphasis, whitespace.

Kept apart from the readers because every format needs it: HTML cells, markdown
dumps and PDF text all carry the same debris.
"""
from __future__ import annotations

import html
import re
import unicodedata

from boardpapers.extractors.vocabulary import PAGE_NUMBER_PATTERN

# A tag stops at the next "<" too: "<<<<…" with no ">" is then read in linear time.
_PARAGRAPH_TAG = re.compile(r"</?p\b[^<>]*>", re.I)
_TAG = re.compile(r"<[^<>]+>")
_BULLET_GLYPHS = "•◦▪▫●○■□➢►‣⁃·"
_LEADING_BULLET = re.compile(r"^\s*(?:[-*+]|[" + _BULLET_GLYPHS + r"])\s+")
_INNER_BULLET = re.compile(r"\s[" + _BULLET_GLYPHS + r"]\s")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_SPACES = re.compile(r"\s+")
# Where one sentence ends and the next opens: a stop, then a capital, a bullet, a quote or a bracket.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z•\"“(])")


_PAGE_NUMBER = re.compile(PAGE_NUMBER_PATTERN, re.I)


def is_page_number(text: str) -> bool:
    """Is the line only a page number (page furniture every reader drops)?"""
    return bool(_PAGE_NUMBER.match(collapse(text)))


def collapse(text: str | None) -> str:
    """Whitespace folded to single spaces, ends trimmed."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def strip_markup(text: str) -> str:
    """Text without HTML tags, entities, markdown emphasis or bullet glyphs."""
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _LEADING_BULLET.sub("", text)
    text = _INNER_BULLET.sub(" ", text)
    text = text.strip(_BULLET_GLYPHS + " ")
    return collapse(unicodedata.normalize("NFC", text))


def cell_paragraphs(raw: str) -> list[str]:
    """Split one printed cell into its paragraphs.

    A cell written as `<p>a</p> <p>b</p>` holds two paragraphs, which in plan
    tables line up across columns (the i-th action with the i-th owner); list
    items inside one paragraph stay in it.
    """
    if _PARAGRAPH_TAG.search(raw):
        parts = _PARAGRAPH_TAG.split(raw)
        paragraphs = [strip_markup(p) for p in parts]
        return [p for p in paragraphs if p]
    text = strip_markup(raw)
    return [text] if text else []


def starts_lowercase(text: str) -> bool:
    """True when text reads as the middle of a sentence (its first letter is lower case)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def ends_sentence(text: str) -> bool:
    """True when text ends like a finished sentence or list entry."""
    text = text.rstrip()
    return bool(text) and text[-1] in ".!?;:)\"'’”"


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, in order (empty ones left out)."""
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]
