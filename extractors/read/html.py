"""Reader for HTML papers: tables (caption, thead/tbody, rowspan/colspan, <br> and <p> in
cells) and the page's other text as paragraphs, in document order.  Parsed with lxml."""
from __future__ import annotations

import re
from typing import Optional

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


def _has_block_child(el) -> bool:
    return any(isinstance(c.tag, str) and (c.tag in _BLOCKS or c.tag in ("table", "ul", "ol")) for c in el)


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
    blocks = []
    tables = 0
    layout = {el for el in root.iter("table") if is_layout_table(el)}
    class_fills = class_colours(root)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP or _inside_data_table(el, layout) or _inside_skipped(el):
            continue
        if el.tag == "table" and el not in layout:
            blocks.append(_table(el, tables, class_fills))
            tables += 1
        elif el.tag in ("td", "th") and not _has_block_child(el):  # a layout table's cell
            text = " ".join(element_lines(el))
            if text:
                blocks.append(Paragraph(text=text))
        elif el.tag in _BLOCKS - {"td", "th", "caption"} and not _has_block_child(el):
            text = " ".join(element_lines(el))
            if text:
                blocks.append(Paragraph(text=text, heading=el.tag in _HEADINGS))
    title_el = root.find(".//title")
    title = collapse(title_el.text_content()) if title_el is not None else None
    if not title:
        title = next((b.text for b in blocks if isinstance(b, Paragraph)), None)
    return ReadDocument(name=name, format="html", title=title, blocks=blocks, warnings=warnings)


def _inside_data_table(el, layout: set) -> bool:
    """Inside a table that is read as a table (not one that only lays out the page)."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag == "table":
            return parent not in layout
        parent = parent.getparent()
    return False


def _inside_skipped(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False


__all__ = ["read_html", "element_lines"]
_ = etree  # lxml.etree is the parser behind lxml.html
