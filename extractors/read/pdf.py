"""Reader for PDF papers: pdfium's words and rules, pdfplumber's table finder.

Each page's surface (words and drawn edges) comes from pdfium, or from
pdfplumber where pdfium cannot read it (pdf_surface).  A cheap screen sends a
page to the table finders only if it may hold a plan.  Per page: ruled tables
through pdfplumber's line finder run over the page's edges (merged cells carried
down to the rows they span); where a page has no ruled table, an unruled plan
table found by text alignment under a header line; the other text as lines,
grouped into paragraphs in reading order.  Across pages: running headers and
footers (lines repeated page after page) and page numbers are dropped, and a
table that goes on over a page break is stitched into one, its first row on
the new page marked so a row the break split can be joined.  Each page is
closed once read, so memory stays flat however long the paper.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

import pdfplumber
from pdfplumber.table import TableFinder
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from boardpapers.extractors.cleaning import collapse, is_page_number
from boardpapers.extractors.errors import CorruptDocument, EncryptedDocument, NoTextLayer, raised_in_our_code
from boardpapers.extractors.read.pdf_settings import PDF_SETTINGS
from boardpapers.extractors.read.pdf_surface import Surface, pdfium_surface, plumber_surface
from boardpapers.schema.models import Cell, Notice, Paragraph, ReadDocument, Row, Table

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    size: float
    words: list[dict] = field(default_factory=list)
    kept_bold: Optional[bool] = None

    @property
    def bold(self) -> bool:
        """Every word in a bold face (known where the words carry their font's name)."""
        if self.kept_bold is not None:
            return self.kept_bold
        return bool(self.words) and all(_BOLD.search(str(w.get("fontname", ""))) for w in self.words)

    def slim(self) -> None:
        """Keep what paragraphs need and let the words go: a long paper's pages wait in
        memory for the running headers to be known, and their words would fill it."""
        self.kept_bold = self.bold
        self.words = []


@dataclass
class _Page:
    number: int
    height: float = 842.0
    items: list[tuple[float, object]] = field(default_factory=list)  # (top, _Line | Table)
    layout: Optional[list[float]] = None  # column starts of an unruled table still open at the page end
    layout_fields: Optional[list[Optional[str]]] = None


# --- words and lines ---------------------------------------------------------

def _words_to_lines(words: list[dict]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) <= 3:
            lines[-1].words.append(word)
        else:
            lines.append(_Line("", word["top"], word["bottom"], word["x0"], word.get("size", 0), [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.text = collapse(" ".join(w["text"] for w in line.words))
        line.x0 = line.words[0]["x0"]
        line.bottom = max(w["bottom"] for w in line.words)
        line.size = max(w.get("size", 0) for w in line.words)
    return lines


def _phrases(line: _Line) -> list[tuple[float, float, str]]:
    """Words of a line grouped into phrases wherever a wide gap separates them."""
    out: list[list] = []
    for word in line.words:
        if out and word["x0"] - out[-1][1] < PDF_SETTINGS.column_gap:
            out[-1][1] = word["x1"]
            out[-1][2] += " " + word["text"]
        else:
            out.append([word["x0"], word["x1"], word["text"]])
    return [(a, b, t) for a, b, t in out]


def _join_lines(lines: list[str]) -> str:
    """Wrapped lines of one cell back into one string ("imple-" + "mentation")."""
    text = ""
    for line in lines:
        if text.endswith("-") and line[:1].islower() and text[-2:-1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}".strip()
    return collapse(text)


# --- ruled tables --------------------------------------------------------------

def _closing_rules(edges: list[dict]) -> list[float]:
    """Where vertical rules start and end: a table cut by the page bottom has no closing
    horizontal rule there, so one is supplied at the ends of its vertical rules."""
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 5]
    if not verticals:
        return []
    return [min(e["top"] for e in verticals), max(e["bottom"] for e in verticals)]


def _column_spans(rows_meta, width: int) -> list[Optional[tuple[float, float]]]:
    """Each grid column's left and right, from the cells pdfplumber did find in it."""
    spans: list[Optional[tuple[float, float]]] = []
    for c in range(width):
        boxes = [m.cells[c] for m in rows_meta if c < len(m.cells) and m.cells[c] is not None]
        spans.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else None)
    return spans


def _centred_in(word: dict, box, slack: float = 0.0) -> bool:
    """Does the word's centre lie in the box (x0, top, x1, bottom), give or take slack points?"""
    return (box[0] - slack <= (word["x0"] + word["x1"]) / 2 <= box[2] + slack
            and box[1] - slack <= (word["top"] + word["bottom"]) / 2 <= box[3] + slack)


def _cell_words(words: list[dict], box) -> list[dict]:
    """The words, or the parts of words, whose characters' centres lie in the cell.

    Characters are assigned one by one, as pdfplumber assigns them, so a rule
    drawn through a word cuts it (which is how a grid that is no table shows itself).
    """
    x0, top, x1, bottom = box
    out = []
    for word in words:
        if not top <= (word["top"] + word["bottom"]) / 2 < bottom or word["x1"] < x0 or word["x0"] > x1:
            continue
        centres = word.get("centres") or []
        if len(centres) != len(word["text"]):  # a ligature expanded: place the word whole
            if x0 <= (word["x0"] + word["x1"]) / 2 < x1:
                out.append(word)
            continue
        inside = [i for i, centre in enumerate(centres) if x0 <= centre < x1]
        if len(inside) == len(centres):
            out.append(word)
        elif inside:
            out.append({**word, "text": "".join(word["text"][i] for i in inside), "x0": max(word["x0"], x0),
                        "x1": min(word["x1"], x1), "centres": [centres[i] for i in inside]})
    return out


def _cell_lines(words: list[dict], box) -> list[_Line]:
    return _words_to_lines(_cell_words(words, box))


def cuts_words(texts: list[list[Optional[str]]]) -> bool:
    """Does this "table" cut words in two between its cells ("use o" | "f KCC's")?  Lines drawn
    under or round each word of a paragraph make pdfplumber see a grid of word fragments; the
    words are then read as the text they are."""
    pairs = cut = 0
    for row in texts:
        cells = [c for c in row if c]
        for left, right in zip(cells, cells[1:]):
            pairs += 1
            cut += left[-1:].isalpha() and right[:1].islower()
    return pairs >= 5 and cut >= PDF_SETTINGS.words_cut * pairs


def _ruled_tables(surface: Surface) -> list[tuple[tuple, list[Row]]]:
    """Ruled tables by pdfplumber's line finder, over the page's edges.  Where a rule is
    missing, the finder has no cell at a grid position; the words printed there are taken
    back from the page by the column's span and the row's band."""
    found = []
    words = surface.words
    settings = dict(PDF_SETTINGS.ruled, explicit_horizontal_lines=_closing_rules(surface.edges))
    for table in TableFinder(surface, settings).tables:
        rows_meta = table.rows
        grid = []
        for meta in rows_meta:
            band = [w for w in words if meta.bbox[1] <= (w["top"] + w["bottom"]) / 2 < meta.bbox[3]]
            grid.append([_cell_lines(band, box) if box is not None else None for box in meta.cells])
        texts = [[None if lines is None else "\n".join(line.text for line in lines) for lines in row]
                 for row in grid]
        if not texts or max(len(r) for r in texts) < 2 or cuts_words(texts) or not holds_words(texts):
            continue
        if len(texts) < 2 and table.bbox[1] > surface.height * PDF_SETTINGS.continuation_top:
            continue  # one row is a table only where it carries on a table from the page before
        spans = _column_spans(rows_meta, max(len(r) for r in texts))
        rows: list[Row] = []
        previous_cells: list[Optional[tuple]] = [None] * len(texts[0])
        for cells, lines_of, meta in zip(texts, grid, rows_meta):
            out: list[Cell] = []
            for c, text in enumerate(cells):
                bbox = meta.cells[c] if c < len(meta.cells) else None
                if text is None and bbox is None:
                    above = previous_cells[c] if c < len(previous_cells) else None
                    if above is not None and above[0][3] > meta.bbox[1] + 1:  # merged down into this row
                        out.append(Cell(paragraphs=list(above[1])))
                        continue
                    lost = [line.text for line in _cell_lines(words, (spans[c][0], meta.bbox[1], spans[c][1],
                                                                      meta.bbox[3]))] \
                        if c < len(spans) and spans[c] else []
                    out.append(Cell(paragraphs=[_join_lines(lost)] if lost else []))
                    continue
                paragraphs = [_join_lines((text or "").split("\n"))] if text else []
                lines = [(round(line.top, 1), line.text) for line in lines_of[c]] if text else []
                out.append(Cell(paragraphs=paragraphs, lines=lines, fill=_fill_of(bbox, surface.fills)))
                if c < len(previous_cells):
                    previous_cells[c] = (bbox, paragraphs)
            filled = sum(1 for cell in out if not cell.is_empty)
            starts = sum(1 for b in meta.cells if b is not None)
            rows.append(Row(cells=out, page=surface.number, heading=filled == 1 and starts == 1 and len(out) > 1,
                            bbox=_box(meta.bbox)))
        found.append((table.bbox, rows))
    return found


def _fill_of(bbox, fills: list[dict]) -> Optional[str]:
    """The colour a cell is shaded in: the smallest coloured box that holds the cell's centre."""
    if bbox is None or not fills:
        return None
    x, y = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    holding = [f for f in fills if f["x0"] <= x <= f["x1"] and f["top"] <= y <= f["bottom"]]
    if not holding:
        return None
    return min(holding, key=lambda f: (f["x1"] - f["x0"]) * (f["bottom"] - f["top"]))["colour"]


def _box(bbox) -> tuple[float, float, float, float]:
    """A row's box, rounded to a tenth of a point (x0, top, x1, bottom)."""
    return tuple(round(float(v), 1) for v in bbox)


def holds_words(texts: list[list[Optional[str]]]) -> bool:
    """Does a ruled grid hold words in at least two of its cells?  A chart's bars, axes and
    gridlines make a grid of empty boxes; a logo or a coloured panel, one box."""
    return sum(1 for row in texts for text in row if text and text.strip()) >= 2


# --- unruled tables -------------------------------------------------------------

# Told by the find stage: the fields a line of header cells names, or None when it is no header.
# The reader needs it to find where an unruled table starts, and to screen pages; it holds no
# vocabulary of its own.  Without one, only ruled tables are found and only rules pass the screen.
HeaderFields = Callable[[list[str]], Optional[list[Optional[str]]]]


def _no_header(_: list[str]) -> None:
    return None


def _header_layout(line: _Line, header_fields: HeaderFields) -> Optional[tuple[list[float], list[Optional[str]]]]:
    phrases = _phrases(line)
    if len(phrases) < 2:
        return None
    fields = header_fields([p[2] for p in phrases])
    if not fields:
        return None
    return [p[0] for p in phrases], fields


def _column_of(x: float, starts: list[float]) -> int:
    col = 0
    for i, start in enumerate(starts):
        if x >= start - 4:
            col = i
    return col


def _fits(line: _Line, starts: list[float]) -> bool:
    """A line belongs to the table when no word straddles a column boundary."""
    for word in line.words:
        for start in starts[1:]:
            if word["x0"] < start - 4 < word["x1"] - 2:
                return False
    return True


def _unruled_rows(lines: list[_Line], starts: list[float], page_number: int,
                  fills: Optional[list[dict]] = None) -> list[Row]:
    """Lines under a header -> rows, a new row wherever the gap is wider than the leading.  An
    empty cell takes the colour of a shape drawn in it (a rating shown as a coloured dot)."""
    if not lines:
        return []
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    leading = min(gaps) if gaps else 12.0
    groups: list[list[_Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        if line.top - previous.top > leading * PDF_SETTINGS.row_gap_factor:
            groups.append([line])
        else:
            groups[-1].append(line)
    if len(groups) == 1:  # evenly spaced: a row to each line that fills the first column again
        groups = _rows_by_first_column(lines, starts)
    rows = []
    for group in groups:
        columns: list[list[str]] = [[] for _ in starts]
        for line in group:
            parts: dict[int, list[str]] = {}
            for word in line.words:
                parts.setdefault(_column_of(word["x0"], starts), []).append(word["text"])
            for col, words in parts.items():
                columns[col].append(" ".join(words))
        cells = [Cell(paragraphs=[_join_lines(c)] if c else [],
                      fill=None if c else _dot_in(fills or [], starts, col, group)) for col, c in enumerate(columns)]
        box = (min(l.x0 for l in group), group[0].top, max(l.words[-1]["x1"] for l in group), group[-1].bottom)
        rows.append(Row(cells=cells, page=page_number, line=None, bbox=_box(box)))
    return rows


def _dot_in(fills: list[dict], starts: list[float], col: int, group: list[_Line]) -> Optional[str]:
    """The colour of a shape drawn in a column of an unruled row, level with the row's lines."""
    x0, x1 = starts[col], starts[col + 1] if col + 1 < len(starts) else float("inf")
    slack = PDF_SETTINGS.dot_slack
    top, bottom = group[0].top - slack, group[-1].bottom + slack
    for f in fills:
        x, y = (f["x0"] + f["x1"]) / 2, (f["top"] + f["bottom"]) / 2
        if x0 - slack <= x < x1 and top <= y <= bottom:
            return f["colour"]
    return None


def _rows_by_first_column(lines: list[_Line], starts: list[float]) -> list[list[_Line]]:
    """Lines spaced evenly give no gap to part rows by; where the first column is filled on
    several of them (a ref to each row), each such line starts a row."""
    opening = [any(_column_of(w["x0"], starts) == 0 for w in line.words) for line in lines]
    if sum(opening) < 2 or not opening[0]:
        return [lines]
    groups: list[list[_Line]] = []
    for line, opens in zip(lines, opening):
        if opens or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _take_unruled(lines: list[_Line], starts: list[float]) -> tuple[list[_Line], list[_Line]]:
    """Split lines into those of the table (from the top, while they fit) and the rest."""
    taken: list[_Line] = []
    for i, line in enumerate(lines):
        if not _fits(line, starts) or (taken and line.top - taken[-1].bottom > 40):
            return taken, lines[i:]
        taken.append(line)
    return taken, []


# --- a page --------------------------------------------------------------------

def _read_page(surface: Surface, lines: list[_Line], open_layout: Optional[tuple[list[float], list]],
               header_fields: HeaderFields) -> _Page:
    """The full reader: ruled tables, else an unruled plan table under a header line; the rest as lines.
    `lines` are the page's lines, made once from all its words."""
    out = _Page(number=surface.number, height=surface.height)
    words = surface.words
    ruled = _ruled_tables(surface) if len(surface.edges) >= 4 else []
    boxes = [bbox for bbox, _ in ruled]
    outside = [w for w in words if not any(_centred_in(w, b, 1) for b in boxes)]
    for bbox, rows in ruled:
        out.items.append((bbox[1], Table(rows=rows, page=surface.number, aligned_paragraphs=False)))
    if ruled:  # the lines outside the tables
        lines = _words_to_lines(outside)
    else:
        lines = _find_unruled(lines, open_layout, out, header_fields, surface.fills)
    if not out.items:  # no table on the page: text laid out in two columns is read column by column
        out.items = lines_in_reading_order(outside, surface.width, out.height, lines)
        return out
    for line in lines:
        out.items.append((line.top, line))
    out.items.sort(key=lambda item: item[0])
    return out


def _read_text(surface: Surface, lines: list[_Line]) -> _Page:
    """A page the screen passed over: its text as lines in reading order, nothing more."""
    out = _Page(number=surface.number, height=surface.height)
    out.items = lines_in_reading_order(surface.words, surface.width, surface.height, lines)
    return out


def column_gutter(words: list[dict], width: float) -> Optional[float]:
    """The x of the white gutter between two columns of text, or None for a page in one column.

    Looked for in the middle of the page: a band at least min_gutter_width points wide
    that no word crosses, with lines of text on both sides of it down most of the page.
    """
    if len(words) < 2 * PDF_SETTINGS.min_column_lines:
        return None
    lo, hi = int(width * 0.3), int(width * 0.7)
    covered = [False] * (hi - lo + 1)
    for w in words:
        for x in range(max(lo, int(w["x0"])), min(hi, int(w["x1"])) + 1):
            covered[x - lo] = True
    best, run, start = None, 0, lo
    for i, c in enumerate(covered + [True]):
        if not c:
            if run == 0:
                start = lo + i
            run += 1
        else:
            if run >= PDF_SETTINGS.min_gutter_width and (best is None or run > best[1]):
                best = (start, run)
            run = 0
    if best is None:
        return None
    gutter = best[0] + best[1] / 2
    left = {round(w["top"]) for w in words if w["x1"] <= gutter}
    right = {round(w["top"]) for w in words if w["x0"] >= gutter}
    if len(left) < PDF_SETTINGS.min_column_lines or len(right) < PDF_SETTINGS.min_column_lines:
        return None
    return gutter


def lines_in_reading_order(words: list[dict], width: float, height: float,
                           lines: list["_Line"]) -> list[tuple[float, "_Line"]]:
    """(sort key, line) for a page's text: its lines (made from these words) top to bottom,
    or, on a page in two columns, the left column top to bottom and then the right."""
    gutter = column_gutter(words, width)
    if gutter is None:
        return [(line.top, line) for line in lines]
    left = _words_to_lines([w for w in words if (w["x0"] + w["x1"]) / 2 < gutter])
    right = _words_to_lines([w for w in words if (w["x0"] + w["x1"]) / 2 >= gutter])
    return [(line.top, line) for line in left] + [(height + line.top, line) for line in right]


def _find_unruled(lines: list[_Line], open_layout, out: _Page, header_fields: HeaderFields,
                  fills: Optional[list[dict]] = None) -> list[_Line]:
    """Pull an unruled plan table out of the page's lines; return the lines left over."""
    rest: list[_Line] = []
    i = 0
    layout = open_layout
    while i < len(lines):
        found = _header_layout(lines[i], header_fields)
        if found is None and layout is not None and i == 0:
            starts, fields = layout
            body, after = _take_unruled(lines, starts)
            if body:
                rows = _unruled_rows(body, starts, out.number, fills)
                out.items.append((body[0].top, Table(rows=rows, page=out.number, aligned_paragraphs=False)))
                out.layout, out.layout_fields = starts, fields
                lines, i = after, 0
                layout = None
                continue
        if found is None:
            rest.append(lines[i])
            i += 1
            layout = None
            continue
        starts, fields = found
        header = Row(cells=[Cell(paragraphs=[p[2]]) for p in _phrases(lines[i])], page=out.number)
        body, after = _take_unruled(lines[i + 1:], starts)
        rows = [header] + _unruled_rows(body, starts, out.number, fills)
        out.items.append((lines[i].top, Table(rows=rows, page=out.number, aligned_paragraphs=False)))
        out.layout = starts if not after else None
        out.layout_fields = fields
        lines, i = after, 0
        layout = None
    return rest


# --- the whole document ----------------------------------------------------------

def _furniture(pages: list[_Page]) -> set[str]:
    """Lines printed at the top or bottom of most pages (running headers, footers)."""
    if len(pages) < 2:
        return set()
    counts: Counter = Counter()
    for page in pages:
        lines = [item for _, item in page.items if isinstance(item, _Line)]
        margin = page.height * PDF_SETTINGS.margin
        edge = {_key(l.text) for l in lines[:2] + lines[-2:]
                if l.top < margin or l.bottom > page.height - margin}
        counts.update(edge)
    need = max(2, int(0.4 * len(pages)))
    return {key for key, n in counts.items() if n >= need}


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _paragraphs(lines: list[_Line], page: int, body_size: float) -> list[Paragraph]:
    out: list[Paragraph] = []
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.bottom]
    # the usual gap between lines: the lower quartile, so that a page of short paragraphs (more
    # gaps between paragraphs than within them) still shows its line spacing
    normal = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 4 else (statistics.median(gaps) if gaps else 2.0)
    current: list[_Line] = []

    def flush() -> None:
        if current:
            heading = current[0].size > body_size * 1.15 and len(current) <= 2
            out.append(Paragraph(text=_join_lines([l.text for l in current]), page=page, heading=heading,
                                 bold=all(l.bold for l in current)))
            current.clear()

    for line in lines:
        if current and (line.top - current[-1].bottom > max(normal * PDF_SETTINGS.paragraph_gap_factor, 3)
                        or line.top < current[-1].top  # back up the page: the next column
                        or abs(line.size - current[-1].size) > 1 or line.bold != current[-1].bold):
            flush()
        current.append(line)
    flush()
    return out


def _stitch(blocks: list) -> list:
    """A table continued at the top of the next page becomes one table."""
    out: list = []
    for block in blocks:
        previous = out[-1] if out else None
        if (isinstance(block, Table) and isinstance(previous, Table) and block.page == previous.page + 1
                and len(block.rows[0].cells) == len(previous.rows[0].cells)):
            rows = list(block.rows)
            if rows and [c.text for c in rows[0].cells] == [c.text for c in previous.rows[0].cells]:
                rows[0] = rows[0].model_copy(update={"repeated": True})
            if rows:
                rows[0] = rows[0].model_copy(update={"starts_page": True})
            if len(rows) > 1 and rows[0].repeated:
                rows[1] = rows[1].model_copy(update={"starts_page": True})
            out[-1] = previous.model_copy(update={"rows": previous.rows + rows})
        else:
            out.append(block)
    tables = 0
    for i, block in enumerate(out):
        if isinstance(block, Table):
            out[i] = block.model_copy(update={"index": tables})
            tables += 1
    return out


def _open_pdfium(data: bytes, pages: int):
    """pdfium's copy of the document, or None where pdfium cannot open it or counts other pages
    than pdfplumber (a damaged file: pdfplumber then reads, or reports, it page by page)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None
    if len(document) != pages:
        document.close()
        return None
    return document


def _pdfium_page(document, index: int) -> Optional[Surface]:
    """The page's surface from pdfium, or None where pdfium fails on it.

    pdfium only saves time: on any error here (a quirk of the file, or a bug of
    ours in this fast path) the page is read through pdfplumber instead, so it
    never fails a document.
    """
    if document is None:
        return None
    try:
        page = document[index]
    except Exception:
        return None
    try:
        return pdfium_surface(page, index + 1)
    except Exception:
        return None
    finally:
        page.close()


def _recovered(pdf) -> bool:
    """Did pdfminer rebuild the cross-reference table by scanning the file (a damaged PDF)?"""
    from pdfminer.pdfdocument import PDFXRefFallback

    return any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))


def _char_sizes(words: list[dict]) -> list[int]:
    """The type size of each character (of the first few thousand on the page): what the body text is set in."""
    sizes: list[int] = []
    for word in words:
        sizes += [round(word.get("size") or 0)] * len(word["text"])
        if len(sizes) >= PDF_SETTINGS.sizes_per_page:
            break
    return sizes


def _ends_in_table(page: _Page) -> bool:
    """Does the page's last block, above the footer margin, sit in a table (which may go on
    over the page)?  A running footer printed below a table does not end it."""
    foot = page.height * (1 - PDF_SETTINGS.margin)
    body = [item for top, item in page.items if isinstance(item, Table) or top < foot]
    return bool(body) and isinstance(body[-1], Table)


def _metadata_date(metadata: dict) -> Optional[dt.date]:
    raw = str(metadata.get("CreationDate") or "")
    m = re.search(r"(\d{4})(\d{2})(\d{2})", raw)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


# --- screening: which pages could hold a plan ------------------------------------


def encloses_words(edges: list[dict], words: list[dict]) -> bool:
    """Do the page's rules box in words on all four sides, as a table's grid does?

    A chart's axes and gridlines run past its labels without closing round them,
    and a logo encloses no words, so neither sends a page to the table finder.
    """
    across = [e for e in edges if e["orientation"] == "h" and e["width"] >= 3]
    down = [e for e in edges if e["orientation"] == "v" and e["height"] >= 3]
    if len(across) < 2 or len(down) < 2:
        return False
    enclosed = 0
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        if (any(e["x0"] - 1 <= x <= e["x1"] + 1 and e["top"] < y for e in across)
                and any(e["x0"] - 1 <= x <= e["x1"] + 1 and e["top"] > y for e in across)
                and any(e["top"] - 1 <= y <= e["bottom"] + 1 and e["x0"] < x for e in down)
                and any(e["top"] - 1 <= y <= e["bottom"] + 1 and e["x0"] > x for e in down)):
            enclosed += 1
            if enclosed >= PDF_SETTINGS.min_enclosed_words:
                return True
    return False


def may_hold_plan(surface: Surface, lines: list[_Line], after_table: bool,
                  header_fields: HeaderFields = _no_header) -> bool:
    """Should the table finders look at this page?

    Yes when a line names two or more plan fields (a header row, ruled or
    not), when its rules box in words as a table's grid does, or when a table
    ran to the foot of the page before and this page has rules or columns of its own.
    `lines` are the page's lines, made from its words.
    """
    for line in lines:
        if header_fields([w["text"] for w in line.words]) or _header_layout(line, header_fields):
            return True
    if encloses_words(surface.edges, surface.words):
        return True
    if after_table:
        return bool(surface.edges) or sum(1 for line in lines if len(_phrases(line)) >= 3) >= 3
    return False


def read_pdf(data: bytes, name: str, screen: bool = True, header_fields: HeaderFields = _no_header,
             engine: str = "pdfium") -> ReadDocument:
    """Read a PDF paper into paragraphs and tables: open → read the pages (each screened) →
    drop the running headers and footers → paragraphs → stitch tables across pages.

    Each page's words and rules come from pdfium (engine "pdfium", the
    default), or from pdfplumber where pdfium cannot read the page or
    engine="pdfplumber" asks for it.  With screen (the default) the table
    finders run only on pages that may hold a plan; screen=False runs them on
    every page (the reference the tests compare the screen against).
    """
    pdf = _open_pdf(data)
    with pdf:
        run = _read_pages(pdf, data, screen, header_fields, engine)
        metadata = _pdf_metadata(pdf)
        recovered = _recovered(pdf)
    warnings = _page_warnings(run, recovered)
    if run.chars == 0:
        raise NoTextLayer("the PDF has no text layer (a scan?); run OCR first")
    blocks = _blocks(run.pages, _furniture(run.pages), run.body_size)
    return ReadDocument(name=name, format="pdf", title=_title(metadata, blocks), metadata_date=_metadata_date(metadata),
                        pages=len(run.pages), pages_read_fully=run.read_fully, blocks=_stitch(blocks),
                        warnings=warnings)


def _open_pdf(data: bytes):
    """pdfplumber's view of the file, or the reason it cannot be opened."""
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer's many error types in its own
        causes = (exc, *getattr(exc, "args", ()))
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise EncryptedDocument("the PDF is encrypted and no password was given") from exc
        detail = next((type(c).__name__ for c in causes if isinstance(c, Exception) and c is not exc),
                      type(exc).__name__)
        raise CorruptDocument(f"the PDF cannot be parsed ({detail})") from exc


@dataclass
class _Run:
    """What reading the pages gave: the pages, and what was counted on the way."""

    pages: list[_Page] = field(default_factory=list)
    sizes: Counter = field(default_factory=Counter)
    chars: int = 0
    unreadable: list[int] = field(default_factory=list)
    read_fully: int = 0

    @property
    def body_size(self) -> int:
        return self.sizes.most_common(1)[0][0] if self.sizes else 10


def _read_pages(pdf, data: bytes, screen: bool, header_fields: HeaderFields, engine: str) -> _Run:
    """Every page in turn: its surface, the screen, then the full reader or the text alone."""
    run = _Run()
    open_layout = None
    after_table = False
    try:
        plumber_pages = pdf.pages
        fast = _open_pdfium(data, len(plumber_pages)) if engine == "pdfium" else None
        try:
            for index, page in enumerate(plumber_pages):
                surface = _surface(fast, index, page, run)
                lines = _words_to_lines(surface.words)  # once: the screen and either reader share them
                if not screen or open_layout is not None or may_hold_plan(surface, lines, after_table,
                                                                          header_fields):
                    run.read_fully += 1
                    read = _read_page(surface, lines, open_layout, header_fields)
                else:
                    read = _read_text(surface, lines)
                for _, item in read.items:
                    if isinstance(item, _Line):
                        item.slim()
                open_layout = (read.layout, read.layout_fields) if read.layout else None
                after_table = _ends_in_table(read)
                run.chars += sum(len(w["text"]) for w in surface.words)
                run.sizes.update(_char_sizes(surface.words))
                run.pages.append(read)
        finally:
            if fast is not None:
                fast.close()
    except (PDFSyntaxError, KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
        if raised_in_our_code(exc):
            raise
        raise CorruptDocument(f"the PDF cannot be parsed ({type(exc).__name__}: {exc})") from exc
    return run


def _surface(fast, index: int, page, run: _Run) -> Surface:
    """The page's surface from pdfium, else pdfplumber; a page neither can read is noted and left empty."""
    surface = _pdfium_page(fast, index)
    try:
        if surface is None:
            surface = plumber_surface(page)
    except Exception as exc:  # one damaged page: say so, read the others
        if raised_in_our_code(exc):
            raise
        run.unreadable.append(index + 1)
        surface = Surface(number=index + 1, width=float(page.width), height=float(page.height))
    finally:
        page.close()
    return surface


def _page_warnings(run: _Run, recovered: bool) -> list[Notice]:
    warnings = [Notice(kind="pdf_recovered", message="the PDF is damaged (its cross-reference table "
                                                     "was rebuilt); what could be read was read")] if recovered else []
    unreadable = run.unreadable
    if unreadable and len(unreadable) == len(run.pages):
        raise CorruptDocument(f"no page of the PDF can be parsed ({len(run.pages)} tried)")
    if unreadable:
        warnings.append(Notice(kind="page_unreadable", message=(
            f"page{'s' if len(unreadable) > 1 else ''} {', '.join(map(str, unreadable))} could not be "
            f"parsed and {'were' if len(unreadable) > 1 else 'was'} left out")))
    return warnings


def _blocks(pages: list[_Page], furniture: set[str], body_size: float) -> list:
    """The pages' lines, running headers, footers and page numbers dropped, as paragraphs
    between the tables, in reading order."""
    blocks: list = []
    for page in pages:
        lines: list[_Line] = []
        for _, item in page.items:
            if isinstance(item, _Line):
                if _key(item.text) in furniture or is_page_number(item.text):
                    continue
                lines.append(item)
                continue
            blocks += _paragraphs(lines, page.number, body_size)
            lines = []
            blocks.append(item)
        blocks += _paragraphs(lines, page.number, body_size)
    return blocks


_PLACEHOLDER_TITLES = ("(anonymous)", "untitled", "anonymous", "microsoft word")


def _title(metadata: dict, blocks: list) -> Optional[str]:
    """The title the file's properties give, unless it is a placeholder; else the first paragraph."""
    title = str(metadata.get("Title") or "")
    if title.strip().casefold() in _PLACEHOLDER_TITLES:
        title = ""
    return collapse(title) or next((b.text for b in blocks if isinstance(b, Paragraph)), None)


def _pdf_metadata(pdf) -> dict:
    """The document information dictionary; a damaged one reads as empty rather than failing."""
    try:
        return dict(pdf.metadata or {})
    except Exception as exc:
        if raised_in_our_code(exc):
            raise
        return {}
