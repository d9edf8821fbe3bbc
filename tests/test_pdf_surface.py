"""A page's words and edges from pdfium, against pdfplumber's reading of the same page."""
import io

import pdfplumber
import pypdfium2
import pytest

from boardpapers.extractors.read.pdf_surface import pdfium_surface, plumber_surface
from tests.readers import pdf_with


def _both(data: bytes, index: int = 0):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plumber = plumber_surface(pdf.pages[index])
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[index]
        fast = pdfium_surface(page, index + 1)
        page.close()
    finally:
        document.close()
    return fast, plumber


def _same_places(a, b, slack: float = 3.0) -> bool:
    """The same words, each within slack points of where the other reader put it."""
    def key(w):
        return (w["text"], round(w["x0"] / 20), round(w["top"] / 20))
    a, b = sorted(a, key=key), sorted(b, key=key)
    return [w["text"] for w in a] == [w["text"] for w in b] and all(
        abs(p[k] - q[k]) <= slack for p, q in zip(a, b) for k in ("x0", "x1", "top", "bottom"))


def _ruled_grid(c, _):
    """A two-by-two table drawn as rectangles (one inside a form XObject) and a lone line."""
    c.setFont("Helvetica", 10)
    for row, y in enumerate((700, 680)):
        for col, x in enumerate((60, 220)):
            c.rect(x, y, 160, 20)
            c.drawString(x + 4, y + 6, f"cell {row}{col}")
    c.beginForm("box")
    c.rect(60, 600, 320, 30)
    c.endForm()
    c.doForm("box")
    c.line(60, 560, 380, 560)


_UPRIGHT = {  # how to draw on a page with /Rotate so the text reads upright when displayed
    0: lambda c: None,
    90: lambda c: (c.translate(595, 0), c.rotate(90)),
    180: lambda c: (c.translate(595, 842), c.rotate(180)),
    270: lambda c: (c.translate(0, 842), c.rotate(-90)),
}


@pytest.mark.parametrize("rotation", sorted(_UPRIGHT))
def test_words_sit_where_pdfplumber_puts_them_on_a_turned_page(rotation):
    """A landscape page printed as a portrait one turned by /Rotate reads upright."""
    def draw(c, _):
        c.setPageRotation(rotation)
        _UPRIGHT[rotation](c)
        c.setFont("Helvetica", 10)
        for y, text in ((400, "Action Lead officer Target date"), (380, "Open two hubs Director of Housing")):
            c.drawString(60, y, text)

    fast, plumber = _both(pdf_with(draw))
    assert (fast.width, fast.height) == pytest.approx((plumber.width, plumber.height))
    assert _same_places(fast.words, plumber.words)
    assert [w["text"] for w in fast.words][:3] == ["Action", "Lead", "officer"]


def test_edges_of_rectangles_forms_and_lines_match_pdfplumber():
    fast, plumber = _both(pdf_with(_ruled_grid))

    def edges(surface):
        return sorted((e["orientation"], round(e["x0"]), round(e["top"]), round(e["x1"]), round(e["bottom"]))
                      for e in surface.edges if max(e["width"], e["height"]) >= 1)
    assert edges(fast) == edges(plumber)
    assert ("h", 60, 212, 380, 212) in edges(fast)  # the form XObject's box, placed on the page


def test_each_character_keeps_its_centre_so_a_rule_can_cut_a_word():
    fast, _ = _both(pdf_with(_ruled_grid))
    word = next(w for w in fast.words if w["text"] == "cell")
    assert len(word["centres"]) == 4 and word["x0"] < word["centres"][0] < word["centres"][-1] < word["x1"]


def test_a_diagonal_stroke_is_no_rule():
    fast, _ = _both(pdf_with(lambda c, _: (c.drawString(50, 700, "chart"), c.line(60, 500, 300, 640))))
    assert fast.edges == []
