"""Reader for HTML papers: tables (caption, thead/tbody, rowspan/colspan, <br> and <p> in
cells) and the page's other text as paragraphs, in document order.  Parsed with lxml."""
from __future__ import annotations

import re
from typing import Iterator, Optional

import lxml.html
from lxml import etree

from boardpapers.extractors.cleaning import collapse, strip_markup
from boardpapers.extractors.read.grid import SpanCell, spans_to_rows
from boardpapers.schema.models import Notice, Paragraph, ReadDocument, Table

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "caption", "div",
           "td", "th", "section", "article", "header", "footer", "address", "summary", "figcaption", "legend"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "noscript", "template", "head", "nav"}


def _int(value: Optional[str]) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(int(m.group(1)), 1) if m else 1


def element_lines(el) -> list[str]:
    """An element's text split at <br> and block children, each line cleaned."""
    parts: list[str] = []
    current: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            return
        if node.tag == "br":
            parts.append("".join(current))
            current.clear()
        elif node.tag in _BLOCKS and node is not el:
            parts.append("".join(current))
            current.clear()
        if node.tag == "img" and node.get("alt"):
            current.append(f" {node.get('alt')} ")  # a rating drawn as an image says what it is in its alt text
        if node.text and node.tag != "br":
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if node.tag in _BLOCKS and node is not el:
            parts.append("".join(current))
            current.clear()

    walk(el)
    parts.append("".join(current))
    return [line for line in (strip_markup(p) for p in parts) if line]


def _table(el, index: int, class_fills: Optional[dict[str, str]] = None) -> Table:
    source: list[list[SpanCell]] = []
    for tr in el.iter("tr"):
        if _nearest_table(tr) is not el:
            continue
        cells = [SpanCell(paragraphs=element_lines(td), colspan=_int(td.get("colspan")),
                          rowspan=_int(td.get("rowspan")), fill=_fill(td, class_fills or {}))
                 for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
        if cells:
            source.append(cells)
    caption = el.find("caption")
    return Table(rows=spans_to_rows(source), index=index, aligned_paragraphs=False,
                 caption=collapse(caption.text_content()) if caption is not None else None)


_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-f]{3,6}\b|rgba?\([^)]*\)|[a-z]+)", re.I)
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})", re.I)
_CLASS_RULE = re.compile(r"((?:[\w-]*\.[\w-]+\s*,?\s*)+)\{([^}]*)\}")


def _colour(css: str) -> Optional[str]:
    """The background a piece of CSS sets, as "#RRGGBB" or a colour name."""
    m = _BACKGROUND.search(css or "")
    if not m:
        return None
    rgb = _RGB.match(m.group(1))
    return "#%02X%02X%02X" % tuple(min(255, int(v)) for v in rgb.groups()) if rgb else m.group(1)


def class_colours(root) -> dict[str, str]:
    """Class -> background colour, from the page's own style sheets (".rag-red { background: #c00 }")."""
    out: dict[str, str] = {}
    for style in root.iter("style"):
        for selectors, body in _CLASS_RULE.findall(style.text or ""):
            colour = _colour(body)
            if colour:
                for selector in selectors.split(","):
                    out[selector.strip().split(".")[-1]] = colour
    return out


def _fill(td, class_fills: dict[str, str]) -> Optional[str]:
    """A cell's background colour: its bgcolor, a background in its style, or the background its
    class (or its one element's class) has in the page's style sheet."""
    if td.get("bgcolor"):
        return td.get("bgcolor")
    colour = _colour(td.get("style") or "")
    if colour:
        return colour
    children = [c for c in td if isinstance(c.tag, str)]
    for element in [td] + children[:1]:
        for name in (element.get("class") or "").split():
            if name in class_fills:
                return class_fills[name]
    return None


def is_layout_table(el) -> bool:
    """A table used to lay out a page: one of its own cells holds another table."""
    return any(_nearest_table(inner) is el for inner in el.iter("table") if inner is not el)


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _holding_blocks(root) -> set:
    """Every element with a block or a table somewhere inside it (a <div> round paragraphs, a
    <span> or <ul> wrapped round them), found in one pass up from each block."""
    holding: set = set()
    for el in root.iter():
        if isinstance(el.tag, str) and (el.tag in _BLOCKS or el.tag in ("table", "ul", "ol")):
            parent = el.getparent()
            while parent is not None and parent not in holding:
                holding.add(parent)
                parent = parent.getparent()
    return holding


# Elements that only wrap others for layout: set aside when a page nests past the parser's limit.
_WRAPPER_TAGS = re.compile(rb"</?(?:div|span|section|article|font|center|b|i|u|em|strong)\b[^>]*>", re.I)


def _parse(data: bytes) -> tuple[object, list[Notice]]:
    """The HTML's tree, parsed past libxml2's default depth of 256.

    lxml's recover mode silently drops everything nested deeper than its limit,
    so the error log is checked: a page nested too deep for even the raised
    limit is parsed again with its layout wrappers set aside, and a warning says so.
    """
    encoding = _utf8_or_none(data)
    parser = lxml.html.HTMLParser(huge_tree=True, encoding=encoding)
    root = lxml.html.document_fromstring(data, parser=parser)
    if not _too_deep(parser):
        return root, []
    parser = lxml.html.HTMLParser(huge_tree=True, encoding=encoding)
    root = lxml.html.document_fromstring(_WRAPPER_TAGS.sub(b" ", data), parser=parser)
    message = "the HTML nests deeper than the parser's limit; it was read with its layout wrappers set aside"
    if _too_deep(parser):
        message += ", and text nested past the limit was still lost"
    return root, [Notice(kind="html_depth_limit", message=message)]


def _utf8_or_none(data: bytes) -> Optional[str]:
    """ "utf-8" when the bytes are UTF-8 (libxml2 assumes Latin-1 for a page that does not
    say), else None: the page's own declaration, or libxml2's guess."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _too_deep(parser) -> bool:
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def read_html(data: bytes, name: str) -> ReadDocument:
    """Read an HTML paper into paragraphs and tables."""
    root, warnings = _parse(data)
    walker = _Walker(root, {el for el in root.iter("table") if is_layout_table(el)}, class_colours(root))
    walker.walk(root)
    blocks = walker.blocks
    title_el = root.find(".//title")
    title = collapse(title_el.text_content()) if title_el is not None else None
    if not title:
        title = next((b.text for b in blocks if isinstance(b, Paragraph)), None)
    return ReadDocument(name=name, format="html", title=title, blocks=blocks, warnings=warnings)


class _Walker:
    """The page's blocks in document order: a data table is a table; a block element with no
    block inside it is a paragraph; an element holding blocks is walked into, and the text it
    holds between them ("<div><h3>Title</h3>Owner: Estates<br>Due: May</div>") is paragraphs of
    its own, where it stands."""

    def __init__(self, root, layout: set, class_fills: dict[str, str]):
        self.layout, self.class_fills = layout, class_fills
        self.blocks: list = []
        self.tables = 0
        self.holding = _holding_blocks(root)

    def walk(self, root) -> None:
        """Walk the tree with a stack of its own (a page may nest hundreds deep)."""
        stack: list[tuple[Iterator, _Loose]] = []
        self.enter(root, stack)
        while stack:
            children, loose = stack[-1]
            child = next(children, None)
            if child is None:
                self.paragraphs(loose.lines())
                stack.pop()
                continue
            if isinstance(child.tag, str) and child.tag not in _SKIP and (
                    child.tag in _BLOCKS or child.tag == "table" or child in self.holding):
                self.paragraphs(loose.lines())
                self.enter(child, stack)
            else:
                loose.add(child)
            loose.text(child.tail)  # read after the child's own blocks: they come first

    def enter(self, el, stack: list) -> None:
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            return
        if el.tag == "table" and el not in self.layout:
            self.blocks.append(_table(el, self.tables, self.class_fills))
            self.tables += 1
        elif el.tag in _BLOCKS - {"caption"} and el not in self.holding:
            self.paragraphs(element_lines(el), heading=el.tag in _HEADINGS)
        else:
            stack.append((iter(el), _Loose(el.text)))

    def paragraphs(self, lines: list[str], heading: bool = False) -> None:
        text = " ".join(lines)
        if text:
            self.blocks.append(Paragraph(text=text, heading=heading))


class _Loose:
    """Text an element holds between its block children, its lines parted at <br>."""

    def __init__(self, text: Optional[str]):
        self.parts: list[str] = [text or ""]

    def text(self, text: Optional[str]) -> None:
        self.parts[-1] += text or ""

    def add(self, inline) -> None:
        if not isinstance(inline.tag, str) or inline.tag in _SKIP:
            return
        if inline.tag == "br":
            self.parts.append("")
            return
        lines = element_lines(inline)
        if lines:
            self.parts[-1] += " " + lines[0]
            self.parts += lines[1:]

    def lines(self) -> list[str]:
        out = [line for line in (strip_markup(p) for p in self.parts) if line]
        self.parts = [""]
        return out


__all__ = ["read_html", "element_lines"]
_ = etree  # lxml.etree is the parser behind lxml.html
