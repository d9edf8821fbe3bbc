"""Actions recorded inline in minutes: "ACTION: PS to circulate the revised terms by 30 June 2023".

Each labelled action is an item: the minute's number (when the paragraph opens
with one) is its ref, the words before "to" name its owners (initials, names or
roles, as printed), and a date or status phrase in the sentence is its deadline.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.cleaning import collapse, sentences
from boardpapers.extractors.interpret.dates import deadline_in_sentence, sentence_periods
from boardpapers.extractors.interpret.owners import names_only
from boardpapers.extractors.interpret.refs import MINUTE_NUMBER, split_leading_ref
from boardpapers.extractors.vocabulary import MINUTE_ACTION_LABELS
from boardpapers.schema.models import Block, Paragraph, PlanDraft, Provenance, RawItem

# "Action:" opening a paragraph or a sentence, or "ACTION" in capitals anywhere.
_LABEL = re.compile(r"(?:^|(?<=[.;:)]\s))(?:" + "|".join(l.capitalize() for l in MINUTE_ACTION_LABELS)
                    + r")\s*[:\-–]\s+")
_UPPER_LABEL = re.compile(r"(?:^|(?<=[\s.;:)]))(?:" + "|".join(l.upper() for l in MINUTE_ACTION_LABELS)
                          + r")\s*[:\-–]?\s+(?=[A-Z])")
_OWNER_THEN_TO = re.compile(r"^(?P<owner>[A-Z][\w.'’&/, -]{0,60}?)\s+(?:to|will|should)\s+(?P<rest>.+)$", re.S)
_MAX_OWNER_WORDS = 7
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "these", "those", "any", "all"})


def _labels(text: str) -> list[tuple[int, int]]:
    """(start, end) of every action label in a paragraph, in order."""
    spans = {m.span() for m in _UPPER_LABEL.finditer(text)}
    spans |= {m.span() for m in _LABEL.finditer(text) if not any(a <= m.start() < b for a, b in spans)}
    return sorted(spans)


def _owner(action: str) -> Optional[str]:
    """Who the sentence opens with, before "to" or "will" ("JB and KL to report …"); never the
    subject of a passive sentence ("A briefing note to be provided …")."""
    m = _OWNER_THEN_TO.match(action)
    if not m or len(m.group("owner").split()) > _MAX_OWNER_WORDS:
        return None
    owner = m.group("owner").strip(" ,")
    if owner.split()[0].casefold() in _ARTICLES or re.match(r"\s*(?:to\s+)?be\s", m.group("rest")):
        return None
    return owner


# A line that is only an action label ("Actions:", "ACTION POINTS"): a list of actions follows.
_LIST_LABEL = re.compile(r"^\s*(?:" + "|".join(MINUTE_ACTION_LABELS) + r")\s*:?\s*$", re.I)
def _sentence_before(text: str, said: str) -> str:
    """The last sentence before an "Action: PL" label: in its own paragraph, else in the one above."""
    return (sentences(text if text.strip() else said) or [""])[-1]


_PAST_VERB_SOON = re.compile(r"(?:\S+\s+){1,8}?(?:[a-z]{3,}ed|was|were|had)\b")
_PAST_OPENER = re.compile(r"^(?:in|during|since|on|over|throughout)\s+", re.I)


def reports_the_past(action: str, paper_date) -> bool:
    """An "Action:" paragraph that opens by dating itself before the paper ("In February 2019
    Transport for London implemented a ban …") reports what was done: an example, not an action."""
    opener = _PAST_OPENER.match(action)
    if not opener:
        return False
    if paper_date is None:  # no date to compare with: a verb in the past tense soon after the date
        return bool(_PAST_VERB_SOON.match(action, opener.end()))
    periods = sentence_periods(action[:opener.end() + 30], paper_date)
    first = periods[0] if periods else None
    return first is not None and first.span[0] == opener.end() and first.end is not None and first.end < paper_date


def find_minute_actions(blocks: list[Block], document: str, paper_date=None) -> list[PlanDraft]:
    """One plan of every labelled action in the paper's paragraphs, or none."""
    items: list[RawItem] = []
    minute: Optional[str] = None  # the number of the minute the paragraphs below fall under
    said = ""  # the text of the minute before the paragraph: what an "Action: PL" after it asks for
    listing = False  # under an "Actions:" line: each entry naming who is to act is an action
    for block in blocks:
        if isinstance(block, Paragraph) and _LIST_LABEL.match(block.text):
            listing, said = True, ""
            continue
        listed = _owner(block.text) if listing and isinstance(block, Paragraph) \
            and not MINUTE_NUMBER.match(block.text) else None
        if listed:
            items.append(RawItem(ref=minute, action=collapse(block.text), owner=listed,
                                 deadline=deadline_in_sentence(block.text, paper_date),
                                 provenance=Provenance(document=document, page=block.page, line=block.line)))
            continue
        listing = False
        if not isinstance(block, Paragraph) or block.text.isupper():  # a title in capitals is no action
            said = ""
            continue
        labels = _labels(block.text)
        heading = MINUTE_NUMBER.match(block.text)
        if heading and (not labels or labels[0][0] > heading.end()):
            minute = heading.group("ref")
        if not labels:
            said = "" if block.heading or heading and len(block.text.split()) <= _MAX_OWNER_WORDS else block.text
            continue
        ref, _ = split_leading_ref(block.text)
        ref = ref or minute
        for (start, end), following in zip(labels, labels[1:] + [(len(block.text), 0)]):
            action, owner = collapse(block.text[end: following[0]]), None
            if names_only(action):  # "… by provider. Action: PL": the sentence before names the task
                action, owner = _sentence_before(block.text[:start], said), action
            if len(action.split()) < 2 or reports_the_past(action, paper_date):
                continue
            items.append(RawItem(
                ref=ref, action=action, owner=owner or _owner(action), deadline=deadline_in_sentence(action, paper_date),
                provenance=Provenance(document=document, page=block.page, line=block.line)))
        said = ""
    if not items:
        return []
    return [PlanDraft(title="Actions from the minutes", shape="minutes", provenance=items[0].provenance, items=items)]
