"""Word's automatic numbering (`numbering.xml`), rendered as a reader sees it.

python-docx gives a paragraph's text without its list label, so a plan whose
recommendations are numbered by Word ("1.", "2.3", "(a)") would lose its refs.
Each numbered paragraph (its own `w:numPr`, or its style's) advances the
counter of its list and level, resets the deeper levels, and gets the level's
`lvlText` ("%1.%2.") with every "%n" in that level's format.  Bullets get no
label (the text is what matters, and bullet glyphs are dropped from cells anyway).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from docx.oxml.ns import qn

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters, "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _val(el, tag: str) -> Optional[str]:
    found = el.find(qn(tag)) if el is not None else None
    return found.get(qn("w:val")) if found is not None else None


@dataclass
class Numbering:
    """Labels for a document's numbered paragraphs, in reading order (call `label` in order)."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId (counters are shared)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> "Numbering":
        out = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return out
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            num_id, abstract_id = num.get(qn("w:numId")), _val(num, "w:abstractNumId")
            definition = abstract.get(abstract_id)
            if num_id is None or definition is None:
                continue
            out.abstract_of[num_id] = abstract_id
            out.levels[num_id] = {}
            for lvl in definition.findall(qn("w:lvl")):
                try:
                    ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                    start = int(_val(lvl, "w:start") or 1)
                except ValueError:
                    continue
                out.levels[num_id][ilvl] = _Level(start, _val(lvl, "w:numFmt") or "decimal",
                                                  _val(lvl, "w:lvlText") or "")
        for style in document.styles.element.findall(qn("w:style")):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            num_id = _val(num_pr, "w:numId")
            if num_id:
                out.style_numbers[style.get(qn("w:styleId"))] = (num_id, int(_val(num_pr, "w:ilvl") or 0))
        return out

    def _number_of(self, p) -> Optional[tuple[str, int]]:
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(num_pr, "w:numId")
        if num_id is not None:
            return (num_id, int(_val(num_pr, "w:ilvl") or 0)) if num_id != "0" else None
        style = _val(ppr, "w:pStyle")
        return self.style_numbers.get(style) if style else None

    def label(self, p) -> str:
        """The label Word prints before this paragraph ("2.3 "), advancing the list; "" if none."""
        found = self._number_of(p)
        if not found or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for n in range(9):
            if f"%{n + 1}" in text:
                shown = levels.get(n, _Level())
                count = counters.get(n, shown.start)
                text = text.replace(f"%{n + 1}", FORMATS.get(shown.fmt, str)(count))
        return text + " "
