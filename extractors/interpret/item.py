"""From a row's printed text to an interpreted `Item`: deadline, owners, rating, references."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.interpret.dates import parse_deadline
from boardpapers.extractors.interpret.owners import split_owners
from boardpapers.extractors.interpret.rag import colour_only, parse_rag
from boardpapers.extractors.interpret.xrefs import find_references
from boardpapers.extractors.vocabulary import DONE_WORDS
from boardpapers.schema.models import Item, RawItem

TEXT_FIELDS_SCANNED = ("recommendation", "action", "progress", "outcome", "extra")


PLACEHOLDERS = frozenset({"", "-", "–", "—", "n/a", "na", "tbc", "tba", "none", "nil", "?", "tbd"})


def is_placeholder(text: Optional[str]) -> bool:
    """A cell that holds a mark rather than a value: empty, a dash, N/A, TBC."""
    return collapse(text).casefold().strip(". ") in PLACEHOLDERS


def interpret_item(raw: RawItem, paper_date: Optional[dt.date], group: int = 0) -> Item:
    """Interpret one row (the group-th recommendation's).  Cross-references come back unresolved
    (see boardpapers.ingest.reconcile)."""
    deadline = parse_deadline(raw.deadline, paper_date)
    owner_text = raw.owner
    if not owner_text and deadline.status == "none" and deadline.text:
        misplaced = split_owners(deadline.text)
        if misplaced and all(o.kind == "person" for o in misplaced):
            owner_text, deadline = deadline.text, parse_deadline(None)
    if raw.original_deadline:
        original = parse_deadline(raw.original_deadline, paper_date)
        if is_placeholder(deadline.text):  # "–", "N/A", "TBC" in the revised-date cell
            deadline = original
        else:
            deadline = deadline.model_copy(update={"original": original})
    rag_text, progress = raw.rag, raw.progress
    if rag_text is None and colour_only(progress):  # a "Status" column holding ratings
        rag_text, progress = progress, None
    refs = []
    for field in TEXT_FIELDS_SCANNED:
        refs += find_references(collapse(getattr(raw, field)) or None, field)  # spans in the text as stored
    return Item(
        ref=raw.ref,
        recommendation=collapse(raw.recommendation) or None,
        action=collapse(raw.action) or None,
        owners=split_owners(owner_text),
        owner_text=owner_text,
        deadline=deadline,
        progress=collapse(progress) or None,
        rag=parse_rag(rag_text),
        rag_text=rag_text,
        outcome=collapse(raw.outcome) or None,
        cross_refs=refs,
        completed=is_completed(parse_rag(rag_text), progress),
        group=group,
        provenance=raw.provenance,
    )


def recommendation_groups(raws: list[RawItem]) -> list[int]:
    """Which recommendation each row of a plan answers, decided once, here.

    A finder that saw the grouping (a recommendation cell merged down over its
    actions) says so in RawItem.group; elsewhere a row answers the same
    recommendation as the row above when it prints the same ref and recommendation.
    """
    groups: list[int] = []
    for i, raw in enumerate(raws):
        previous = raws[i - 1] if i else None
        if previous is None:
            same = False
        elif raw.group is not None or previous.group is not None:
            same = raw.group == previous.group
        else:
            same = (raw.ref, collapse(raw.recommendation)) == (previous.ref, collapse(previous.recommendation))
        groups.append(groups[-1] if same else len(set(groups)))
    return groups


def is_completed(rag: Optional[str], progress: Optional[str]) -> bool:
    """Marked done: a blue (complete) rating, or progress that opens with a done word."""
    return rag == "blue" or collapse(progress).casefold().startswith(DONE_WORDS)
