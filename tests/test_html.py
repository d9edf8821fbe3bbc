from boardpapers.extractors.read.html import read_html
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_path
from boardpapers.schema.models import Paragraph, Table
from tests.conftest import CORPUS

PAGE = b"""<html><body><h1>Title</h1><div><p>First <b>bold</b> para.</p><p>Second</p></div>
<table><tr><th>Action</th><th>Lead</th></tr>
<tr><td rowspan="2">Fix roof.<br>Paint walls.</td><td>Estates</td></tr><tr><td>Facilities</td></tr>
<tr><td colspan="2">Closed</td></tr></table><script>var x = 1;</script></body></html>"""


def test_blocks_in_order_with_spans():
    doc = read_html(PAGE, "x.html")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table"]
    assert doc.blocks[1].text == "First bold para."
    assert doc.blocks[0].heading
    table = doc.blocks[3]
    assert isinstance(table, Table) and not table.aligned_paragraphs
    assert table.rows[2].cells[0].paragraphs == ["Fix roof.", "Paint walls."]
    assert table.rows[3].heading


def test_report_with_a_budget_table_gives_only_the_plan():
    result = extract_path(CORPUS / "ashbury_food_poverty_report.html")
    assert len(result.plans) == 1
    records = document_records(result)
    assert [r["owners"] for r in records] == [["Jo Bell", "Sam Reid"]] * 2 + [["Head of Revenues and Benefits"]]
    assert not any(isinstance(b, Paragraph) and "var x" in b.text for b in read_html(PAGE, "x").blocks)


def test_ratings_shown_by_colour_image_or_emoji_and_a_plan_in_a_layout_table():
    from boardpapers.ingest.export import document_records
    from boardpapers.ingest.pipeline import extract_document

    page = b"""<html><body><table><tr><td><p>Menu</p></td><td>
      <table><tr><th>Action</th><th>Lead</th><th>Status</th></tr>
      <tr><td>Fix the roof.</td><td>Estates</td><td bgcolor="#FF0000"></td></tr>
      <tr><td>Paint the hall.</td><td>Parks</td><td style="background-color: #00b050">&nbsp;</td></tr>
      <tr><td>Mend the gate.</td><td>Parks</td><td><img src="a.png" alt="Amber"></td></tr>
      <tr><td>Clear the drains.</td><td>Highways</td><td>\xf0\x9f\x9f\xa2</td></tr>
      </table></td></tr></table></body></html>"""
    items = document_records(extract_document(page, "cards.html"))
    assert [(i["action"], i["rag"]) for i in items] == [
        ("Fix the roof.", "red"), ("Paint the hall.", "green"), ("Mend the gate.", "amber"),
        ("Clear the drains.", "green")]


def test_ratings_shown_by_a_style_sheet_class_or_an_rgb_background_are_read():
    from boardpapers.ingest.export import document_records
    from boardpapers.ingest.pipeline import extract_document

    page = b"""<html><head><style>.rag-r, .late { background: #c00 } td.rag-a { background-color: #fc0; }</style></head>
    <body><table><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Status</th></tr>
    <tr><td>H1</td><td>Inspect every block.</td><td>Safety Manager</td><td class="rag-a"></td></tr>
    <tr><td>H2</td><td>Fix the damp.</td><td>Repairs Manager</td><td><span class="late"></span></td></tr>
    <tr><td>H3</td><td>Fit sprinklers.</td><td>Works Manager</td><td style="background-color: rgb(0, 176, 80)"></td></tr>
    </table></body></html>"""
    items = document_records(extract_document(page, "classes.html"))
    assert [(i["ref"], i["rag"]) for i in items] == [("H1", "amber"), ("H2", "red"), ("H3", "green")]


def test_text_an_element_holds_between_its_blocks_is_read_where_it_stands():
    from boardpapers.extractors.read.html import read_html

    page = (b"<html><body><div><h3>Retrofit homes</h3>Owner: Housing<br>Due: May</div>"
            b"<ul><li>Loose item<ul><li>Sub item</li></ul></li></ul><span>Closing words</span></body></html>")
    assert [(b.text, b.heading) for b in read_html(page, "cards.html").blocks] == [
        ("Retrofit homes", True), ("Owner: Housing Due: May", False), ("Loose item", False), ("Sub item", False),
        ("Closing words", False)]
