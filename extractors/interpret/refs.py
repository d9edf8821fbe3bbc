"""Row numbers: reading "4.10", "12.1" or "R3" off the start of a cell, and filling gaps."""
from __future__ import annotations

import re
from typing import Optional

_REF = r"(?:[A-Z]{1,4}[\s-]?|[A-Z]\.)?\d{1,4}(?:\.\d{1,3}){0,2}[a-z]?"
_DOTTED = r"\d{1,3}\.\d{1,3}(?:\.\d{1,3})?[a-z]?"
# A dotted number opening a sentence: "4.10 Public Health ..." or "5.2The NST".
_LEADING_REF = re.compile(r"(?P<ref>" + _DOTTED + r")\.?(?=\s*[A-Z(“\"'‘])")
_HEADING_NUMBER = re.compile(r"^\s*\d{1,2}\.\s+[A-Z]")
_REF_CELL = re.compile(r"^\s*(?P<ref>" + _REF + r"|[A-Z]{2,5}\s?\d{1,3}/\d{1,3}(?:\([a-z]\))?)\s*\.?\s*$")
_SENTENCE_STARTERS = frozenset(
    "we the there this these it its a an in to all each our their that following as "
    "further where when given".split()
)
_MAX_PREFIX_WORDS = 14


def ref_cell(text: str) -> Optional[str]:
    """The ref printed in a ref column ("1", "4.10", "R3", "BOD 24/18(b)"), or None."""
    m = _REF_CELL.match(text or "")
    return m.group("ref").strip() if m else None


def _is_heading_prefix(prefix: str) -> bool:
    """Text before a leading number that reads as a section heading, not as prose."""
    words = prefix.split()
    if len(words) > _MAX_PREFIX_WORDS:
        return False
    return not re.search(r"[a-z][.!?]\s+[A-Z]", prefix)


def split_leading_ref(text: str) -> tuple[Optional[str], str]:
    """("4.10", rest) when text opens (perhaps after a heading) with a dotted number."""
    for m in _LEADING_REF.finditer(text):
        prefix = text[: m.start()]
        if prefix.strip() and not _is_heading_prefix(prefix):
            break
        return m.group("ref"), text[m.end():].strip()
    return None, text


def split_numbered(text: str) -> list[tuple[Optional[str], str]]:
    """One cell holding several numbered entries ("4.1 ... 4.2 ...") -> [(ref, text), ...].

    Only numbers that continue the sequence (same section, next number) and
    follow the end of a sentence split the cell, so a figure like "2.5" inside
    a sentence does not.
    """
    ref, rest = split_leading_ref(text)
    if ref is None:
        return [(None, text)]
    parts = [(ref, rest)]
    while True:
        cur_ref, cur_text = parts[-1]
        nxt = next_ref(cur_ref)
        if nxt is None:
            break
        m = re.search(r"(?<=[.;:)])\s+" + re.escape(nxt) + r"\.?\s+(?=[A-Z])", cur_text)
        if not m:
            break
        parts[-1] = (cur_ref, cur_text[: m.start()].strip())
        parts.append((nxt, cur_text[m.end():].strip()))
    return parts


def next_ref(ref: Optional[str]) -> Optional[str]:
    """'4.9' -> '4.10'; None for refs that are not dotted numbers."""
    m = re.fullmatch(r"(\d+(?:\.\d+)*)\.(\d+)", ref or "")
    return f"{m.group(1)}.{int(m.group(2)) + 1}" if m else None


def previous_ref(ref: Optional[str]) -> Optional[str]:
    m = re.fullmatch(r"(\d+(?:\.\d+)*)\.(\d+)", ref or "")
    if not m or int(m.group(2)) < 2:
        return None
    return f"{m.group(1)}.{int(m.group(2)) - 1}"


def is_section_heading(text: str) -> bool:
    """'7. Community Development': a numbered heading row inside a plan table."""
    return bool(_HEADING_NUMBER.match(text)) and len(text.split()) <= 10 and not text.rstrip().endswith(".")


def split_heading(text: str) -> str:
    """Drop a Title Case heading glued before a sentence ("Tobacco Control We recommend ...")."""
    words = text.split()
    for i in range(2, min(len(words) - 1, _MAX_PREFIX_WORDS)):
        word, after = words[i], words[i + 1]
        if word.casefold() in _SENTENCE_STARTERS and word[0].isupper() and after[:1].islower():
            head = words[:i]
            if all(w[0].isupper() or w.casefold() in {"and", "of", "the", "for", "in", "&", "-", "–"} for w in head):
                return " ".join(words[i:])
            return text
        if not (word[0].isupper() or word.casefold() in {"and", "of", "the", "for", "in", "&"}):
            return text
    return text


def fill_ref_gaps(refs: list[Optional[str]]) -> list[Optional[str]]:
    """Give an unnumbered entry the one number its neighbours leave for it.

    Between "1.2" and "1.4" an unnumbered row is "1.3"; before "1.2" at the
    start it is "1.1".  Nothing is guessed where more than one number could fit.
    """
    out = list(refs)
    for i, ref in enumerate(out):
        if ref is not None:
            continue
        before = out[i - 1] if i > 0 else None
        after = refs[i + 1] if i + 1 < len(refs) else None
        if after is None:
            continue
        candidate = previous_ref(after)
        if candidate is None:
            continue
        if before is None and i == 0 and candidate.endswith(".1"):
            out[i] = candidate
        elif before is not None and next_ref(before) == candidate:
            out[i] = candidate
    return out


# A list's own number opening an entry: "1. Review …", "12) Report …", "(3) Confirm …".
_LIST_NUMBER = re.compile(r"^\s*\(?(?P<ref>\d{1,3}[a-z]?)[.)]\s+(?=[A-Z(“\"‘])")


# A sub-item's letter or roman numeral: "a) Add …", "(b) Brief …", "ii. Review …".
_SUB_LETTER = re.compile(r"^\s*\(?(?P<ref>[a-h]|[ivx]{1,4})[.)]\s+(?=[A-Z(“\"‘])")


def split_sub_letter(text: str) -> tuple[Optional[str], str]:
    """("a", "Add the form") from "a) Add the form": an entry under a numbered one."""
    m = _SUB_LETTER.match(text or "")
    if not m:
        return None, text
    return m.group("ref"), text[m.end():].strip()


def split_list_number(text: str) -> tuple[Optional[str], str]:
    """("1", "Review the policy") from "1. Review the policy", where the text is known to be an
    entry of a list (a record's title); a section heading looks the same, so only callers that
    know they hold an entry use this."""
    m = _LIST_NUMBER.match(text or "")
    if not m:
        return None, text
    return m.group("ref"), text[m.end():].strip()


# A code that opens a recommendation or action cell: "W1", "K3", "M1.2", "CRR0012:", "TB 24/107".
_CODE_PREFIX = re.compile(r"^\s*(?P<ref>[A-Z]{1,4}[\s-]?\d{1,4}(?:[./]\d{1,4})*(?:\([a-z]\))?)\s*[:.)–-]?\s+(?=[A-Z(“\"‘])")


def split_code_prefix(text: str) -> tuple[Optional[str], str]:
    """("CRR0012", "Cyber resilience") from "CRR0012: Cyber resilience"; (None, text) when the
    cell opens with no code.  A code has capital letters and a number; the text after it
    opens with a capital."""
    m = _CODE_PREFIX.match(text or "")
    if not m:
        return None, text
    return m.group("ref").strip(), text[m.end():].strip()


# A minute or action number as boards print them: "BOD 60/17(h)", "BOD 180/17(b)-(c)", "TB 24/18", "24/118".
_MINUTE_REF = re.compile(r"^\s*(?P<ref>(?:[A-Z]{1,5}\s?)?\d{1,4}/\d{1,4}\s?(?:\([a-z0-9]{1,3}\)(?:\s?-\s?\([a-z0-9]{1,3}\))?)?)\s*$")


# A minute's own number at the head of its paragraph: "24/118 Finance report", "TB 24/18", "Min 12".
MINUTE_NUMBER = re.compile(r"^\s*(?:min(?:ute)?\.?\s*)?(?P<ref>(?:[A-Z]{1,4}\s?)?\d{1,3}/\d{1,4}(?:\([a-z]\))?|\d{1,3})"
                           r"(?=[.:]?\s+[A-Z])", re.I)


def minute_ref(text: str) -> Optional[str]:
    """The minute or action number a line holds and nothing else, or None."""
    m = _MINUTE_REF.match(text or "")
    return m.group("ref").strip() if m else None
