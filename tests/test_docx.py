import datetime as dt

from boardpapers.extractors.read.docx import read_docx
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document, extract_path
from boardpapers.schema.models import Paragraph, Table
from tests.conftest import CORPUS
from tests.readers import docx_bytes


def _merged(document):
    document.core_properties.title = "Merged cells"
    document.core_properties.created = dt.datetime(2021, 5, 3)
    document.add_heading("Plan", 1)
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Action", "Owner", "Deadline"]):
        cell.text = text
    table.cell(1, 0).text = "Audit files."
    table.cell(2, 0).text = "Train staff."
    owner = table.cell(1, 1).merge(table.cell(2, 1))
    owner.text = "Records Manager\nIT Lead"
    table.cell(1, 2).text = "June"
    table.cell(2, 2).text = "July"
    heading = table.cell(3, 0).merge(table.cell(3, 2))
    heading.text = "Closed actions"


def test_vertical_merge_is_carried_and_full_width_row_is_a_heading():
    doc = read_docx(docx_bytes(_merged), "x.docx")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows[2].cells[1].paragraphs == ["Records Manager", "IT Lead"]
    assert table.rows[3].heading and not table.rows[1].heading
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].heading
    assert doc.title == "Merged cells" and doc.metadata_date == dt.date(2021, 5, 3) and doc.paper_date is None


def test_two_plans_in_one_paper_resolve_their_own_refs():
    result = extract_path(CORPUS / "kelby_quality_plans.docx")
    assert [len(p.items) for p in result.plans] == [3, 2]
    assert result.plans[1].title == "Appendix B: Patient safety plan"
    b2 = result.plans[1].items[1]
    assert [(r.target_ref, r.resolved) for r in b2.cross_refs] == [("1", True)]
    records = document_records(result)
    assert records[0]["owners"] == ["Outpatients Manager"] and records[1]["ref"] == "1"


# --- Word as people write it: numbering, content controls, tracked changes, layout tables, shading

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from boardpapers.ingest.pipeline import extract_document  # noqa: E402


def _numbered(document):
    """Recommendations numbered by Word itself (numbering.xml), two levels: 1. / 1.1 / 1.2 / 2."""
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    for text, level in [("Improve discharge.", 0), ("Call patients.", 1), ("Share letters.", 1),
                        ("in two days", 2), ("Cut waits.", 0)]:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>'))


def test_automatic_numbering_is_rendered_into_the_text():
    doc = read_docx(docx_bytes(_numbered), "n.docx")
    assert [b.text for b in doc.blocks] == ["1. Improve discharge.", "1.1 Call patients.", "1.2 Share letters.",
                                            "(a) in two days", "2. Cut waits."]


def _controls_and_changes(document):
    """A table inside a content control; a cell whose text was inserted and deleted with tracking on."""
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ["Action", "Owner"]):
        cell.text = text
    table.cell(1, 0).text = "Fix the roof."
    owner = table.cell(1, 1).paragraphs[0]._p
    owner.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="x"><w:r><w:t>Estates Team</w:t></w:r></w:ins>'))
    owner.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="x"><w:r><w:delText>Parks</w:delText></w:r></w:del>'))
    tbl = table._tbl
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent/></w:sdt>')
    tbl.addprevious(sdt)
    sdt[1].append(tbl)


def test_tables_in_content_controls_and_tracked_insertions_are_read():
    items = document_records(extract_document(docx_bytes(_controls_and_changes), "c.docx"))
    assert [(i["action"], i["owners"]) for i in items] == [("Fix the roof.", ["Estates Team"])]


def _layout_and_shading(document):
    """A one-row layout table holding the plan in its second cell; ratings shown only by shading."""
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "Sidebar: contact the team."
    inner = layout.cell(0, 1).add_table(rows=3, cols=3)
    for cell, text in zip(inner.rows[0].cells, ["Action", "Lead", "RAG"]):
        cell.text = text
    for r, (action, lead, fill) in enumerate([("Fix the roof.", "Estates", "00B050"),
                                             ("Paint the hall.", "Parks", "FFC000")], start=1):
        inner.cell(r, 0).text, inner.cell(r, 1).text = action, lead
        inner.cell(r, 2)._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def test_a_plan_inside_a_layout_table_with_ratings_shown_by_shading():
    result = extract_document(docx_bytes(_layout_and_shading), "l.docx")
    items = document_records(result)
    assert [(i["action"], i["owners"], i["rag"]) for i in items] == [
        ("Fix the roof.", ["Estates"], "green"), ("Paint the hall.", ["Parks"], "amber")]


def test_each_action_keeps_its_own_row_under_a_merged_recommendation():
    """Two actions under one recommendation cell merged down: rows 1 and 2 of the table."""
    from boardpapers.ingest.pipeline import extract_path
    from tests.conftest import CORPUS

    result = extract_path(CORPUS / "kelby_quality_plans.docx")
    assert [(i.ref, i.provenance.table, i.provenance.row) for p in result.plans for i in p.items] == [
        ("1", 0, 1), ("1", 0, 2), ("2", 0, 3), ("1", 1, 1), ("2", 1, 2)]


def _plan_with_milestones_in_a_cell(document):
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(table.rows, [["Ref", "Action", "Lead", "Due"],
                                        ["E1", "Sell the old clinic", "Estates Director", "March 2026"],
                                        ["E2", "Refurbish the health centre", "Project Manager", "December 2025"]]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    inner = table.rows[2].cells[1].add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text, inner.rows[0].cells[1].text = "Design signed off", "July 2025"


def test_a_small_table_inside_one_cell_leaves_the_plan_a_table():
    blocks = read_docx(docx_bytes(_plan_with_milestones_in_a_cell), "plan.docx").blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    assert tables[0].rows[2].cells[1].paragraphs == ["Refurbish the health centre", "Design signed off – July 2025"]


def _page_laid_out_in_a_table(document):
    outer = document.add_table(rows=1, cols=2)
    for cell, text in zip(outer.rows[0].cells, ["Left column", "Right column"]):
        cell.paragraphs[0].text = text
        cell.add_table(rows=1, cols=1).rows[0].cells[0].text = f"{text} box"


def test_a_table_that_lays_out_tables_is_read_through():
    blocks = read_docx(docx_bytes(_page_laid_out_in_a_table), "page.docx").blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["Left column", "Right column"]
    assert sum(isinstance(b, Table) for b in blocks) == 2


def _recommendation_titles_with_their_text_below(document):
    for number, title, text, action in [(1, "Youth club funding", "The council should protect the youth club budget "
                                         "for three years.", "Set a three-year youth budget"),
                                        (2, "Detached youth work", "Detached youth work should be extended to the "
                                         "three rural wards.", "Recruit two detached youth workers")]:
        document.add_heading(f"Recommendation {number} – {title}", 2)
        document.add_paragraph(text)
        table = document.add_table(rows=2, cols=3)
        for row, values in zip(table.rows, [["Action", "Lead", "Date"], [action, "Head of Youth Services", "April 2026"]]):
            for cell, value in zip(row.cells, values):
                cell.text = value


def test_a_recommendation_named_by_its_heading_takes_the_sentence_below_as_its_text():
    records = document_records(extract_document(docx_bytes(_recommendation_titles_with_their_text_below), "plan.docx"))
    assert [(r["ref"], r["recommendation"], r["action"]) for r in records] == [
        ("1", "The council should protect the youth club budget for three years.", "Set a three-year youth budget"),
        ("2", "Detached youth work should be extended to the three rural wards.", "Recruit two detached youth workers"),
    ]
