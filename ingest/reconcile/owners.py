"""Owner identity across papers: when two printed names are one person.

Pure functions over names; the writer asks `same_person` when it registers an
owner a paper prints, so "Oli Newbould" in 2022 joins "Oliver Newbould" of 2021.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.vocabulary import NICKNAMES


def _name_parts(name: str) -> tuple[str, str]:
    tokens = re.sub(r"[^\w\s'-]", "", name.casefold()).split()
    return (tokens[0], " ".join(tokens[1:])) if len(tokens) >= 2 else ("", "")


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i + 1:]


def same_person(a: str, b: str) -> Optional[str]:
    """The rule by which two people's names are one person, or None.

    Conservative: one part may vary, never both, and a shared surname alone is
    never enough ("Paul Miller" is not "Peter Miller").
      - "short first name": Oli / Oliver Newbould (a prefix of 3+ letters, or a known nickname);
      - "surname spelling": Clare Neil / Clare Neill (one letter apart, surname of 4+ letters).
    """
    first_a, last_a = _name_parts(a)
    first_b, last_b = _name_parts(b)
    if not first_a or not first_b:
        return None
    if last_a == last_b and first_a != first_b:
        short, long = sorted((first_a, first_b), key=len)
        if len(short) >= 3 and long.startswith(short) or long in NICKNAMES.get(short, ()):
            return "short first name"
        return None
    if first_a == first_b and min(len(last_a), len(last_b)) >= 4 and _one_edit_apart(last_a, last_b):
        return "surname spelling"
    return None
