import datetime as dt

from boardpapers.extractors.read.docx import read_docx
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_path
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
    assert doc.title == "Merged cells" and doc.paper_date == dt.date(2021, 5, 3)


def test_two_plans_in_one_paper_resolve_their_own_refs():
    result = extract_path(CORPUS / "kelby_quality_plans.docx")
    assert [len(p.items) for p in result.plans] == [3, 2]
    assert result.plans[1].title == "Appendix B: Patient safety plan"
    b2 = result.plans[1].items[1]
    assert [(r.target_ref, r.resolved) for r in b2.cross_refs] == [("1", True)]
    records = document_records(result)
    assert records[0]["owners"] == ["Outpatients Manager"] and records[1]["ref"] == "1"
