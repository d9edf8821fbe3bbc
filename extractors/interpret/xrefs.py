"""Cross-references between rows of a plan: finding them in text and resolving them.

Finding is textual ("see 4.3", "Items 11.1 – 11.5", "As above"); resolution
needs the plan's refs, so `resolve_references` runs once a plan is whole.
"""
from __future__ import annotations

import re
from typing import Optional

from boardpapers.extractors.interpret.refs import next_ref
from boardpapers.extractors.vocabulary import RANGE_JOINERS
from boardpapers.schema.models import CrossReference

_NUM = r"\d{1,3}\.\d{1,3}(?:\.\d{1,3})?"
_KEYWORD = r"(?:items?|actions?|recommendations?|recs?|rec\.|paras?|paragraphs?|sections?|points?|refs?)"
_RANGE = re.compile(r"(?P<a>" + _NUM + r")\s*(?:" + "|".join(map(re.escape, RANGE_JOINERS)) + r")\s*(?P<b>"
                    + _NUM + r")(?![\d%])")
_BARE = re.compile(r"(?<![\d.£$])(?P<n>" + _NUM + r")(?![\d%]|\.\d)")
_CODE = re.compile(r"(?<![\w.])(?P<n>[A-Z]{1,2}\d{1,3})(?![\w.])")  # "P3", "R12": kept only if such a row exists
_KEYWORD_INT = re.compile(r"\b(?:see\s+)?" + _KEYWORD + r"\s+(?P<n>\d{1,3})\b(?!\.?\d)", re.I)
_AS_ABOVE = re.compile(r"\b(?:as|see)\s+above\b", re.I)
_AS_REF_ABOVE = re.compile(r"\bas\s+(?:" + _KEYWORD + r"\s+)?(?P<n>" + _NUM + r")\s+above\b", re.I)
# A word shortly before a number that makes it a reference even when no such row exists
# ("see item 7.7" dangles; a bare "7.7" that is no row is just a number).
_CUE = re.compile(r"\b(?:see|" + _KEYWORD + r")\b(?:(?!\.\s)[^;])*$", re.I)
_CUE_REACH = 30


def _expand(a: str, b: str) -> list[str]:
    """'11.1', '11.5' -> 11.1 ... 11.5 (same section only)."""
    if a.rsplit(".", 1)[0] != b.rsplit(".", 1)[0]:
        return [a, b]
    out, cur = [a], a
    while cur != b and len(out) < 100:
        cur = next_ref(cur)
        if cur is None:
            break
        out.append(cur)
    return out


def find_references(text: Optional[str], field: Optional[str] = None) -> list[CrossReference]:
    """Every reference to another row printed in text, unresolved."""
    if not text:
        return []
    refs: list[CrossReference] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        raw = m.group(0)
        for target in _expand(m.group("a"), m.group("b")):
            refs.append(CrossReference(raw=raw, kind="range", target_ref=target, field=field, span=m.span()))
        taken.append(m.span())
    for m in _BARE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        window = text[max(0, m.start() - _CUE_REACH): m.start()]
        cue = _CUE.search(window)
        raw = (window[cue.start():] + m.group(0) if cue else m.group(0)).strip()
        refs.append(CrossReference(raw=raw, kind="explicit", target_ref=m.group("n"), field=field,
                                   span=(m.end() - len(raw), m.end())))
    for m in _KEYWORD_INT.finditer(text):
        before = text[: m.start()].rstrip()
        if not m.group(0).lower().startswith("see") and (not before or before[-1] in ".!?:;"):
            continue  # "Action 3 agreed by ..." opens a sentence: a label, not a reference
        refs.append(CrossReference(raw=m.group(0), kind="explicit", target_ref=m.group("n"), field=field,
                                   span=m.span()))
    for m in _CODE.finditer(text):
        refs.append(CrossReference(raw=m.group(0), kind="explicit", target_ref=m.group("n"), field=field,
                                   span=m.span()))
    if _AS_ABOVE.search(text) and not _AS_REF_ABOVE.search(text):
        m = _AS_ABOVE.search(text)
        if re.fullmatch(r"\W*(?:as|see)\s+above\W*", text.strip(), re.I) or m.start() == 0:
            refs.append(CrossReference(raw=m.group(0), kind="anaphoric", field=field, span=m.span()))
    return refs


def resolve_references(refs_by_row: list[list[CrossReference]], row_refs: list[Optional[str]],
                       ) -> list[list[CrossReference]]:
    """Resolve each row's references against the refs of its own plan.

    A numbered reference resolves when that ref exists in the plan; "As above"
    resolves to the nearest row above with a different ref; a row never refers
    to itself.  A bare number that is no row of the plan ("62.6") is dropped,
    while one written as a reference ("see item 9.9") is kept and dangles.
    """
    known = {r for r in row_refs if r}
    out: list[list[CrossReference]] = []
    for i, (refs, own) in enumerate(zip(refs_by_row, row_refs)):
        resolved: list[CrossReference] = []
        seen: set[str] = set()
        ranges_hit = {r.raw for r in refs if r.kind == "range" and r.target_ref in known}
        for ref in refs:
            if ref.kind == "anaphoric":
                above = next((r for r in reversed(row_refs[:i]) if r and r != own), None)
                ref = ref.model_copy(update={"target_ref": above, "resolved": above is not None})
            elif ref.target_ref in known:
                ref = ref.model_copy(update={"resolved": True})
            elif ref.kind == "range" and ref.raw in ranges_hit:
                continue  # a range expands to the rows that exist ("Recs 3.1-3.9" where 3.4 is the last)
            elif ref.kind == "range" or _is_explicit(ref.raw) and (
                    "." in (ref.target_ref or "") or ref.raw.lower().startswith("see")):
                ref = ref.model_copy(update={"resolved": False})
            else:
                continue
            if ref.target_ref is not None and ref.target_ref == own:
                continue
            key = ref.target_ref or ref.raw
            if key in seen:
                continue
            seen.add(key)
            resolved.append(ref)
        out.append(resolved)
    return out


def _is_explicit(raw: str) -> bool:
    """A reference written with a cue word ("see", "item", "action"), not a bare number."""
    return bool(re.search(r"[A-Za-z]", raw))
