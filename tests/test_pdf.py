import pytest

from boardpapers.extractors.errors import CorruptDocument, EncryptedDocument, NoTextLayer
from boardpapers.extractors.read.pdf import read_pdf
from boardpapers.extractors.find.tables import find_table_plans
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document, extract_path
from boardpapers.schema.models import Paragraph, Table
from tests.conftest import CORPUS
from tests.readers import pdf_with, text_page


def test_running_header_footer_and_page_numbers_are_dropped():
    doc = read_pdf(pdf_with(text_page, pages=3), "x.pdf")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["Body text on page 1.", "Body text on page 2.", "Body text on page 3."]
    assert [b.page for b in doc.blocks] == [1, 2, 3]
    assert doc.pages == 3


def test_ruled_table_stitched_across_pages_with_split_row_joined():
    doc = read_pdf((CORPUS / "northshire_housing_plan.pdf").read_bytes(), "x.pdf")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert sum(1 for r in rows if r.repeated) == 1
    (plan,) = find_table_plans(tables[0], "x.pdf")
    split = next(i for i in plan.items if i.ref == "2.1")
    assert split.recommendation.endswith("scrutiny committee each autumn.")
    assert (split.provenance.page, split.provenance.last_page) == (1, 2)


def test_unruled_table_found_by_alignment():
    result = extract_path(CORPUS / "westfold_cabinet_update.pdf")
    items = document_records(result)
    assert [i["ref"] for i in items] == ["4.1", "4.2", "4.3"]
    assert items[0]["action"] == "Survey owners and offer meanwhile leases."


def test_a_scan_has_no_text_layer():
    def draw(c, _):
        c.rect(50, 50, 400, 600, fill=1)
    with pytest.raises(NoTextLayer):
        read_pdf(pdf_with(draw), "scan.pdf")


def test_encrypted_pdf_is_reported():
    with pytest.raises(EncryptedDocument):
        read_pdf(pdf_with(text_page, encrypt="secret"), "locked.pdf")


def test_truncated_pdf_is_corrupt():
    data = pdf_with(text_page, pages=2)
    with pytest.raises((CorruptDocument, NoTextLayer)):
        read_pdf(data[: len(data) // 3], "cut.pdf")


def _mixed_paper() -> bytes:
    """Narrative pages, a ruled plan over two pages, and an unruled plan: every screening case."""

    from benchmarks.make_papers import long_pdf

    return long_pdf(pages=6, seed=3, plan_every=2)


@pytest.mark.parametrize("source", ["northshire_housing_plan.pdf", "westfold_cabinet_update.pdf", "generated"])
def test_screening_loses_nothing_the_full_pass_finds(source):
    from boardpapers.schema.models import Paragraph

    data = _mixed_paper() if source == "generated" else (CORPUS / source).read_bytes()
    from boardpapers.extractors.find.headers import header_to_fields

    full = read_pdf(data, "x.pdf", screen=False, header_fields=header_to_fields)
    screened = read_pdf(data, "x.pdf", screen=True, header_fields=header_to_fields)
    def summary(doc):
        return [(b.page, b.text, b.heading) if isinstance(b, Paragraph) else (b.page, [r.texts for r in b.rows])
                for b in doc.blocks]
    assert summary(screened) == summary(full)


def _bold_label_then_spaced_run(c, _):
    """A bold label, then a regular run that opens with a space: pdfium finds no glyph
    under the probe point at the start of the second run's text rectangle."""
    text = c.beginText(50, 700)
    text.setFont("Helvetica-Bold", 11)
    text.textOut("Lead officer:")
    text.setFont("Helvetica", 11)
    text.textOut("   Director of Adult Services")
    c.drawText(text)
    c.setFont("Helvetica", 11)
    c.drawString(50, 680, " A line that itself starts with a space.")


def test_a_run_that_starts_with_a_space_reads():
    doc = read_pdf(pdf_with(_bold_label_then_spaced_run), "spaced.pdf")
    texts = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "Lead officer:" in texts and "Director of Adult Services" in texts
    assert "A line that itself starts with a space." in texts


def test_an_error_in_pdfium_reads_the_page_through_pdfplumber(monkeypatch):
    import boardpapers.extractors.read.pdf as pdf

    data = (CORPUS / "northshire_housing_plan.pdf").read_bytes()
    expected = [b.model_dump() for b in pdf.read_pdf(data, "x.pdf", engine="pdfplumber").blocks]

    def broken(*args):
        raise TypeError("a bug in the fast path")

    monkeypatch.setattr(pdf, "pdfium_surface", broken)
    assert [b.model_dump() for b in pdf.read_pdf(data, "x.pdf").blocks] == expected


def _two_columns(c, _):
    """Two rated records side by side, each in its own column."""
    c.setFont("Helvetica", 10)
    for x, (ref, title, lead, rating) in [(50, ("1.1", "Safer walking routes", "Highways Team", "AMBER")),
                                          (320, ("1.2", "More school streets", "Schools Team", "GREEN"))]:
        y = 760
        for text in [f"{ref} {title}", f"Lead(s): {lead}", "Target date: March 2025",
                     "Progress: work on the first", "three sites has begun and", "the rest follow in spring.",
                     f"RATING: {rating}"]:
            c.drawString(x, y, text)
            y -= 14


def test_a_page_in_two_columns_is_read_column_by_column():
    doc = read_pdf(pdf_with(_two_columns), "columns.pdf")
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert text.index("1.1 Safer walking routes") < text.index("RATING: AMBER") < text.index("1.2 More school streets")
    assert "Highways Team" in text[: text.index("1.2 More")] and "Schools Team" not in text[: text.index("1.2 More")]


def test_records_in_two_columns_become_items():
    from boardpapers.ingest.export import document_records
    from boardpapers.ingest.pipeline import extract_document

    items = document_records(extract_document(pdf_with(_two_columns), "columns.pdf"))
    assert [(i["ref"], i["recommendation"], i["owners"], i["deadline"], i["rag"]) for i in items] == [
        ("1.1", "Safer walking routes", ["Highways Team"], "2025-03-31", "amber"),
        ("1.2", "More school streets", ["Schools Team"], "2025-03-31", "green")]


def _fails_on_page_two(real):
    def read(page, *args):
        if page.page_number == 2:
            raise ValueError("damaged content stream")  # as pdfminer would, from outside our code
        return real(page, *args)
    return read


def test_a_page_that_cannot_be_parsed_is_left_out_with_a_warning(monkeypatch):
    import boardpapers.extractors.read.pdf as pdf

    monkeypatch.setattr(pdf, "plumber_surface", _fails_on_page_two(pdf.plumber_surface))
    doc = read_pdf(pdf_with(text_page, pages=3), "x.pdf", engine="pdfplumber")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Body text on page 1.", "Body text on page 3."]
    assert [(w.kind, w.message) for w in doc.warnings] == [
        ("page_unreadable", "page 2 could not be parsed and was left out")]


def _pdf_papers() -> list:
    from tests.conftest import SHARED

    real = SHARED / "real" / "docs"
    return sorted(CORPUS.glob("**/*.pdf")) + (sorted(real.glob("*.pdf")) if real.is_dir() else [])


def _records_with(monkeypatch, path, **reader_options) -> list[dict]:
    from functools import partial

    import boardpapers.ingest.pipeline as pipeline
    from boardpapers.extractors.find.headers import header_to_fields
    from boardpapers.ingest.pipeline import extract_document

    monkeypatch.setitem(pipeline.READERS, "pdf", partial(read_pdf, header_fields=header_to_fields, **reader_options))
    return document_records(extract_document(path.read_bytes(), path.name, str(path)))


@pytest.mark.parametrize("path", _pdf_papers(), ids=lambda p: p.name)
def test_screening_loses_no_item_against_a_full_read(monkeypatch, path):
    """Every PDF of the corpus and of the real papers: the table finders run on every page
    (screen=False) and find no item the screened read does not."""
    full = _records_with(monkeypatch, path, screen=False)
    assert _records_with(monkeypatch, path) == full


@pytest.mark.parametrize("path", sorted(CORPUS.glob("**/*.pdf")), ids=lambda p: p.name)
def test_pdfium_reads_the_corpus_as_pdfplumber_does(monkeypatch, path):
    """The fast surface (pdfium's glyphs and paths) gives the items pdfminer's parse gives."""
    assert _records_with(monkeypatch, path) == _records_with(monkeypatch, path, engine="pdfplumber")


def test_items_keep_the_row_and_its_box_they_came_from():
    """Provenance down to the row: the header is row 0; on page 2 the header printed again is
    row 5 and the rest of 2.1 row 6, so 2.2 is row 7.  The box is the row's first piece."""
    result = extract_path(CORPUS / "northshire_housing_plan.pdf")
    found = {i.ref: i.provenance for i in result.plans[0].items}
    assert [(ref, p.page, p.last_page, p.row) for ref, p in found.items()] == [
        ("1.1", 1, 1, 1), ("1.2", 1, 1, 2), ("1.3", 1, 1, 3), ("2.1", 1, 2, 4), ("2.2", 2, 2, 7),
        ("2.3", 2, 2, 8), ("3.1", 2, 2, 9)]
    assert found["2.1"].bbox == (40.0, 189.0, 800.0, 263.0)
    assert found["2.2"].bbox == (40.0, 109.0, 800.0, 139.0)


def test_rows_of_an_unruled_table_have_boxes_too():
    items = extract_path(CORPUS / "westfold_cabinet_update.pdf").plans[0].items
    assert [i.provenance.row for i in items] == [1, 2, 3]
    tops = [i.provenance.bbox[1] for i in items]
    assert tops == sorted(tops) and all(i.provenance.bbox[0] == 50.0 for i in items)


def _shaded_ratings(c, _):
    """A ruled table whose RAG cells hold no word, only a fill colour, and a pale banded row."""
    rows = [("No", "Action", "Lead", "RAG"), ("1", "Recruit two dietitians.", "Nutrition Lead", ""),
            ("2", "Run a weight course.", "Health Manager", ""), ("3", "Publish the strategy.", "Director", "")]
    xs, top, height = [40, 70, 300, 420, 480], 760, 20
    fills = {1: (1, 0.75, 0), 2: (0, 0.69, 0.31), 3: (1, 0, 0)}
    for r, row in enumerate(rows):
        y = top - r * height
        if r in fills:
            c.setFillColorRGB(*fills[r])
            c.rect(xs[3], y - height, xs[4] - xs[3], height, stroke=0, fill=1)
        if r == 2:
            c.setFillColorRGB(0.93, 0.95, 0.98)  # a pale band: no colour of a rating
            c.rect(xs[0], y - height, xs[3] - xs[0], height, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for x, text in zip(xs, row):
            c.drawString(x + 3, y - 14, text)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * height, xs[-1], top - r * height)
    for x in xs:
        c.line(x, top, x, top - len(rows) * height)


def test_a_rating_shown_only_by_a_cell_s_colour_is_read():
    items = document_records(extract_document(pdf_with(_shaded_ratings), "shaded.pdf"))
    assert [(i["ref"], i["rag"]) for i in items] == [("1", "amber"), ("2", "green"), ("3", "red")]


def _sparse_minutes(c, _):
    c.setFont("Helvetica", 10)
    c.drawString(50, 780, "Ashby Parish Council")
    c.drawString(480, 750, "Action")
    for n, text in enumerate(["25/31 Playground. Two loose fittings were found.", "The clerk will arrange repairs.",
                              "", "25/33 Finance. The accounts were approved."]):
        c.drawString(50, 720 - n * 14, text)


def test_a_page_of_short_paragraphs_still_parts_them_by_its_line_spacing():
    texts = [b.text for b in read_pdf(pdf_with(_sparse_minutes), "m.pdf").blocks]
    assert texts == ["Ashby Parish Council", "Action",
                     "25/31 Playground. Two loose fittings were found. The clerk will arrange repairs.",
                     "25/33 Finance. The accounts were approved."]


def _evenly_spaced_log_with_rating_dots(c, _):
    from reportlab.lib import colors

    c.setFont("Helvetica-Bold", 10)
    for x, label in zip((40, 80, 330, 470), ("Ref", "Action", "Lead", "RAG")):
        c.drawString(x, 760, label)
    c.setFont("Helvetica", 10)
    for n, (ref, action, lead, colour) in enumerate([("C1", "Open a diagnostic centre", "Programme Director", colors.green),
                                                     ("C2", "Cut the 62-day backlog", "Chief Operating Officer", colors.red),
                                                     ("C3", "Roll out the FIT test", "GP Cancer Lead", colors.orange)]):
        y = 735 - 25 * n
        for x, text in zip((40, 80, 330), (ref, action, lead)):
            c.drawString(x, y, text)
        c.setFillColor(colour)
        c.circle(478, y + 3, 5, fill=1, stroke=0)
        c.setFillColor(colors.black)


def test_evenly_spaced_rows_part_at_each_ref_and_a_coloured_dot_is_the_rating():
    records = document_records(extract_document(pdf_with(_evenly_spaced_log_with_rating_dots), "log.pdf"))
    assert [(r["ref"], r["action"], r["owners"], r["rag"]) for r in records] == [
        ("C1", "Open a diagnostic centre", ["Programme Director"], "green"),
        ("C2", "Cut the 62-day backlog", ["Chief Operating Officer"], "red"),
        ("C3", "Roll out the FIT test", ["GP Cancer Lead"], "amber"),
    ]
