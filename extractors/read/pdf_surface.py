"""A PDF page's surface: its words and the edges of what is drawn on it, with positions.

Two sources give the same shapes.  pdfium (through pypdfium2) reads a page's
glyphs and path objects in C, about fifty times faster than pdfminer parses
the content stream in Python; pdfplumber is kept as the fallback for a page
pdfium cannot read, and as the reference the tests compare against.

Positions are pdfplumber's: points from the top-left corner of the page as
displayed (a page with /Rotate is turned upright).  A word is a dict with
text, x0, x1, top, bottom, size, fontname and centres (the x-centre of each of
its characters, so a cell boundary that runs through a word can cut it where
pdfplumber would); an edge is a dict as pdfplumber's table finder takes them.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Callable, Optional

import pypdfium2.raw as pdfium_c

from boardpapers.extractors.read.pdf_settings import PDF_SETTINGS

_FONT_NAME_BYTES = 128
_LINE_END_HYPHEN = "\x02"  # what pdfium gives for a hyphen that breaks a word at the end of a line


@dataclass
class Surface:
    """What the table and line finders need of one page."""

    number: int
    width: float
    height: float
    words: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    # Boxes painted in a colour (not white or grey): {"x0", "top", "x1", "bottom", "colour": "#RRGGBB"}.
    # A table cell shaded red, amber or green carries its rating this way.
    fills: list[dict] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


ToDisplay = Callable[[float, float], tuple[float, float]]


def _to_display(rotation: int, box: tuple[float, float, float, float]) -> tuple[ToDisplay, float, float]:
    """(map from PDF user space to upright top-left coordinates, displayed width, displayed height)."""
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    if rotation == 90:
        return (lambda x, y: (y - bottom, x - left)), height, width
    if rotation == 180:
        return (lambda x, y: (right - x, y - bottom)), width, height
    if rotation == 270:
        return (lambda x, y: (top - y, right - x)), height, width
    return (lambda x, y: (x - left, top - y)), width, height


def pdfium_surface(page, number: int) -> Surface:
    """The page's words and edges from pdfium.  Raises whatever pdfium raises (the caller
    then reads the page through pdfplumber)."""
    to_display, width, height = _to_display(page.get_rotation() % 360, tuple(page.get_cropbox()))
    textpage = page.get_textpage()
    try:
        words = _pdfium_words(textpage, to_display)
    finally:
        textpage.close()
    edges, fills = _pdfium_paths(page, to_display)
    return Surface(number=number, width=width, height=height, words=words, edges=edges, fills=fills)


def _font_name(raw_textpage, index: int, buffer) -> str:
    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(raw_textpage, index, buffer, _FONT_NAME_BYTES, flags)
    return buffer.raw[:max(0, min(length, _FONT_NAME_BYTES) - 1)].decode("utf-8", "replace")


def _pdfium_words(textpage, to_display: ToDisplay) -> list[dict]:
    """Glyphs, in pdfium's order, joined into words as pdfplumber's extract_words joins them:
    a space, a new line or a gap wider than x_tolerance ends a word."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)  # one call for the page's characters
    if len(text) != count:  # characters outside the basic plane: look them up one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20) for i in range(count))
    box = pdfium_c.FS_RECTF()
    char_box = pdfium_c.FPDFText_GetLooseCharBox
    x_tolerance, y_tolerance = PDF_SETTINGS.x_tolerance, PDF_SETTINGS.y_tolerance
    name_buffer = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    words: list[dict] = []
    current: Optional[dict] = None
    for i, char in enumerate(text):
        if char == _LINE_END_HYPHEN:
            char = "-"
        if char.isspace() or char == "\x00" or not char_box(raw, i, box):
            current = None
            continue
        x_a, y_a = to_display(box.left, box.top)
        x_b, y_b = to_display(box.right, box.bottom)
        x0, x1 = (x_a, x_b) if x_a <= x_b else (x_b, x_a)
        top, bottom = (y_a, y_b) if y_a <= y_b else (y_b, y_a)
        if (current is None or abs(top - current["top"]) > y_tolerance
                or x0 > current["x1"] + x_tolerance or x1 < current["x0"]):
            current = {"text": char, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                       "size": round(pdfium_c.FPDFText_GetFontSize(raw, i) or (bottom - top), 1),
                       "fontname": _font_name(raw, i, name_buffer), "centres": [(x0 + x1) / 2]}
            words.append(current)
            continue
        current["text"] += char
        current["centres"].append((x0 + x1) / 2)
        if x1 > current["x1"]:
            current["x1"] = x1
        if bottom > current["bottom"]:
            current["bottom"] = bottom
    return words


def _pdfium_paths(page, to_display: ToDisplay) -> tuple[list[dict], list[dict]]:
    """The horizontal and vertical pieces of every painted path on the page, in forms too, and
    the boxes filled with a colour."""
    edges: list[dict] = []
    fills: list[dict] = []
    raw_page = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    for i in range(count):
        _object_edges(pdfium_c.FPDFPage_GetObject(raw_page, i), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), to_display,
                      edges, 0, fills)
    return edges, fills


def _compose(outer: tuple, inner: tuple) -> tuple:
    """The matrix that applies inner, then outer (PDF's a b c d e f)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _object_edges(obj, parent: tuple, to_display: ToDisplay, edges: list[dict], depth: int,
                  fills: list[dict]) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
        return
    fs = pdfium_c.FS_MATRIX()
    own = (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f) if pdfium_c.FPDFPageObj_GetMatrix(obj, fs) else (1, 0, 0, 1, 0, 0)
    matrix = _compose(parent, own)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        if depth < PDF_SETTINGS.max_form_depth:
            for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                _object_edges(pdfium_c.FPDFFormObj_GetObject(obj, i), matrix, to_display, edges, depth + 1, fills)
        return
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        if not fill.value and not stroke.value:
            return  # drawn with neither fill nor stroke: invisible
        many = pdfium_c.FPDFPath_CountSegments(obj) > PDF_SETTINGS.max_box_segments
        if fill.value and many and _small(obj):
            _note_fill(obj, parent, to_display, fills)  # a coloured dot or badge: a rating drawn, not written
            return
        if not stroke.value and many and not _thin(obj):
            return  # a filled shape that is no box or rule: an area of a map or chart, a letter in outline
        if fill.value and not many:
            _note_fill(obj, parent, to_display, fills)
    edges.extend(_path_edges(obj, matrix, to_display))


def _bounds(obj) -> Optional[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of a page object, in the space of what holds it; None where
    pdfium cannot tell."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def _size(obj) -> Optional[tuple[float, float]]:
    """(width, height) of a page object, or None where pdfium cannot tell."""
    bounds = _bounds(obj)
    return (bounds[2] - bounds[0], bounds[3] - bounds[1]) if bounds else None


def _small(obj) -> bool:
    size = _size(obj)
    return size is not None and max(size) <= PDF_SETTINGS.max_dot


def _note_fill(obj, parent: tuple, to_display: ToDisplay, fills: list[dict]) -> None:
    """A box filled with a colour (white, greys and see-through fills left out).  Its bounds are
    given in the space of what holds it (the page, or a form), so the form's matrix maps them."""
    r, g, b, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, alpha) or alpha.value < 128:
        return
    colour = _coloured((r.value, g.value, b.value))
    if colour is None:
        return
    bounds = _bounds(obj)
    if bounds is None:
        return
    left, bottom, right, top = bounds
    a, b_, c, d, e, f = parent
    corners = [to_display(a * x + c * y + e, b_ * x + d * y + f) for x in (left, right) for y in (bottom, top)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    fills.append({"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys), "colour": colour})


def _coloured(rgb: tuple[int, int, int]) -> Optional[str]:
    """ "#RRGGBB" for a colour; None for white, black and greys (channels too close to tell a hue)."""
    return "#%02X%02X%02X" % rgb if max(rgb) - min(rgb) >= PDF_SETTINGS.min_fill_chroma else None


def _thin(obj) -> bool:
    size = _size(obj)
    return size is None or min(size) <= PDF_SETTINGS.thin  # not known: keep it


def _path_edges(obj, matrix: tuple, to_display: ToDisplay) -> list[dict]:
    """Each straight piece of the path between consecutive points that runs across or down the page."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    last: Optional[tuple[float, float]] = None  # the pen's position
    start: Optional[tuple[float, float]] = None  # where the subpath began (a close returns there)
    out: list[dict] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = to_display(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO or last is None:
            start = point
        else:
            _add_edge(out, last, point)
        last = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(out, last, start)
            last = start
    return out


def _add_edge(out: list[dict], p0: tuple[float, float], p1: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p0, p1
    if abs(x0 - x1) <= PDF_SETTINGS.axis_slack:
        orientation = "v"
        x0 = x1 = (x0 + x1) / 2
    elif abs(y0 - y1) <= PDF_SETTINGS.axis_slack:
        orientation = "h"
        y0 = y1 = (y0 + y1) / 2
    else:
        return
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    out.append({"object_type": "path_edge", "x0": left, "x1": right, "top": top, "bottom": bottom,
                "width": right - left, "height": bottom - top, "orientation": orientation})


def plumber_surface(page) -> Surface:
    """The same surface from pdfplumber (pdfminer's parse of the content stream): the fallback."""
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=False,
                               return_chars=True)
    for word in words:
        word["centres"] = [(ch["x0"] + ch["x1"]) / 2 for ch in word.pop("chars")]
    return Surface(number=page.page_number, width=float(page.width), height=float(page.height), words=words,
                   edges=list(page.edges), fills=_plumber_fills(page))


def _plumber_fills(page) -> list[dict]:
    """The page's boxes filled with a colour, as pdfminer reads them (RGB fills only)."""
    out = []
    for rect in page.rects:
        colour = rect.get("non_stroking_color")
        if not rect.get("fill") or not isinstance(colour, (tuple, list)) or len(colour) != 3:
            continue
        hue = _coloured(tuple(round(float(v) * 255) for v in colour))
        if hue is not None:
            out.append({"x0": rect["x0"], "x1": rect["x1"], "top": rect["top"], "bottom": rect["bottom"],
                        "colour": hue})
    return out
