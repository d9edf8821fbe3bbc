"""Recommendations written in the body and answered in a table that cites only their numbers.

Audit and review reports set out "Recommendation 3: That the council …" (with
lettered sub-paragraphs) in their text, then answer each in a table whose rows
give the number, the response, the owner and the date.  A table row that cites
a number and prints no recommendation of its own takes the text printed for that
number in the body.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.schema.models import Block, Paragraph, PlanDraft

_RECOMMENDATION = re.compile(r"^\s*(?:recommendation|rec\.?|r)\s*(?P<number>\d{1,3}(?:\.\d{1,2})?)\s*[:.)–-]\s*(?P<text>\S.*)$",
                             re.I | re.S)
_SUB_PARAGRAPH = re.compile(r"^\s*\(?[a-z]{1,2}[).]\s+\S")


def recommendations_in_text(blocks: list[Block]) -> dict[str, str]:
    """Number -> text of every "Recommendation N: …" paragraph, with its lettered sub-paragraphs."""
    found: dict[str, str] = {}
    current: Optional[str] = None
    for block in blocks:
        if not isinstance(block, Paragraph):
            current = None
            continue
        m = _RECOMMENDATION.match(block.text)
        if m:
            current = m.group("number")
            found.setdefault(current, collapse(m.group("text")))
        elif current and _SUB_PARAGRAPH.match(block.text):
            found[current] = collapse(f"{found[current]} {block.text}")
        else:
            current = None
    return found


def fill_cited_recommendations(plans: list[PlanDraft], blocks: list[Block]) -> list[PlanDraft]:
    """Plans whose rows cite a recommendation by number alone, given its text from the body."""
    cited = recommendations_in_text(blocks)
    if not cited:
        return plans
    out = []
    for plan in plans:
        items = [item.model_copy(update={"recommendation": cited[_number(item.ref)]})
                 if not item.recommendation and item.ref and _number(item.ref) in cited else item
                 for item in plan.items]
        out.append(plan.model_copy(update={"items": items}))
    return out


def _number(ref: str) -> str:
    return re.sub(r"^(?:recommendation|rec\.?|r)\s*", "", ref.strip(), flags=re.I).rstrip(".")
