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
from boardpapers.extractors.find.headers import label_field
from boardpapers.schema.models import Block, Paragraph, PlanDraft

_RECOMMENDATION = re.compile(r"^\s*(?:recommendation|rec\.?|r)\s*(?P<number>\d{1,3}(?:\.\d{1,2})?)\s*[:.)–-]\s*(?P<text>\S.*)$",
                             re.I | re.S)
_SUB_PARAGRAPH = re.compile(r"^\s*\(?[a-z]{1,2}[).]\s+\S")
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,3}(?:\.\d{1,2})?)[.)]\s+(?P<text>\S.*)$", re.S)
_THAT = re.compile(r"^\s*that\s", re.I)  # "That the council …": how a recommendation is worded
_HEADING_WORDS = 8
_QUALIFIED = re.compile(r"\s+(?:of|for|from|to|on|in|made|arising)\b", re.I)


def _opens_section(block: Paragraph) -> Optional[bool]:
    """True for a heading that names the recommendations ("Recommendations of the review"), False
    for another heading, None for a paragraph that is no heading."""
    text = block.text.strip()
    if not (block.heading or (len(text.split()) <= _HEADING_WORDS and not text.endswith("."))):
        return None
    head = _QUALIFIED.split(text, maxsplit=1)[0]  # "Recommendations of the review" -> "Recommendations"
    return label_field(head) == "recommendation"


def recommendations_in_text(blocks: list[Block]) -> dict[str, str]:
    """Number -> text of every "Recommendation N: …" paragraph, with its lettered sub-paragraphs;
    and of every numbered paragraph ("1. That …") under a heading that names the recommendations,
    or worded as one ("That the council …")."""
    found: dict[str, str] = {}
    current: Optional[str] = None
    section = False
    for block in blocks:
        if not isinstance(block, Paragraph):
            current = None
            continue
        m = _RECOMMENDATION.match(block.text)
        numbered = _NUMBERED.match(block.text)
        if not m and numbered and (section or _THAT.match(numbered.group("text"))):
            m = numbered
        sub_paragraph = bool(current and _SUB_PARAGRAPH.match(block.text))
        opens = None if (m or numbered or sub_paragraph) else _opens_section(block)
        if opens is not None:
            section, current = opens, None
            continue
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
