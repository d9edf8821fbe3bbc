"""Each fixture in tests/fixtures extracts to exactly the items in the .expected.json beside it."""
import json

import pytest

from boardpapers.ingest.errors import EmptyFile, IngestError, UnsupportedFormat
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document, extract_path, sniff_format
from tests.conftest import CORPUS, FIXTURES

PAPERS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html", ".csv"))


def expected_items(result) -> list[dict]:
    """The items as the fixtures record them: the export's fields and where each row was printed."""
    provenance = [item.provenance for plan in result.plans for item in plan.items]
    return [{**{k: v for k, v in r.items() if k != "document"}, "page": where.page, "line": where.line}
            for r, where in zip(document_records(result), provenance)]


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name for p in PAPERS])
def test_fixture_matches_expected(paper):
    expected = json.loads((paper.parent / f"{paper.name}.expected.json").read_text(encoding="utf-8"))
    result = extract_path(paper)
    assert (result.paper_date.isoformat() if result.paper_date else None) == expected["paper_date"]
    assert result.pages == expected["pages"]
    assert expected_items(result) == expected["items"]


def test_every_item_keeps_its_provenance():
    result = extract_path(FIXTURES / "page_furniture_split_row.txt")
    for plan in result.plans:
        for item in plan.items:
            assert item.provenance.document == "page_furniture_split_row.txt"
            assert item.provenance.page >= 1 and item.provenance.table is not None


@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.7\n...", "pdf"), (b"PK\x03\x04....", "docx"), (b"<!DOCTYPE html><html>", "html"),
    (b"\xd0\xcf\x11\xe0rest", "doc"), (b"{\\rtf1 hello", "rtf"), (b"Action\tLead\n", "text"),
])
def test_sniff_format_reads_content_not_names(data, fmt):
    assert sniff_format(data, "misleading.txt") == fmt


def test_bad_inputs_raise_their_own_errors():
    with pytest.raises(EmptyFile):
        extract_document(b"   \n", "empty.txt")
    with pytest.raises(UnsupportedFormat) as err:
        extract_document(b"\x00\x01\x02binary", "x.bin")
    assert "x.bin" in str(err.value)


def test_legacy_word_without_libreoffice_is_reported(monkeypatch):
    import boardpapers.extractors.read.legacy

    monkeypatch.setattr(boardpapers.extractors.read.legacy, "soffice", lambda: None)
    with pytest.raises(IngestError) as err:
        extract_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"old word" * 100, "minutes.doc", "minutes.doc")
    assert err.value.kind == "converter_missing" and "LibreOffice" in err.value.message


# --- our bugs are ours; warnings say what was not read as it stands ----------------

def test_a_bug_in_a_reader_is_an_internal_error_not_a_corrupt_file(monkeypatch, tmp_path):
    import boardpapers.extractors.read.pdf
    from boardpapers.db.store import open_db
    from boardpapers.ingest.batch import ingest_paths

    paper = tmp_path / "plan.pdf"
    paper.write_bytes((CORPUS / "northshire_housing_plan.pdf").read_bytes())
    monkeypatch.setattr(boardpapers.extractors.read.pdf, "_words_to_lines", None)  # our code now raises TypeError
    db = open_db(str(tmp_path / "t.db"))
    (outcome,) = ingest_paths(db, [paper])
    assert outcome.error_kind == "internal_error"
    assert "please report it" in outcome.error
    kind, traceback = db.execute("select kind, traceback from ingest_errors").fetchone()
    assert kind == "internal_error"
    assert "read/pdf.py" in traceback and "TypeError" in traceback
    assert "Traceback" in outcome.summary(verbose=True) and "Traceback" not in outcome.summary()


def test_a_library_error_on_a_damaged_file_is_still_corrupt(tmp_path):
    from boardpapers.ingest.errors import ReaderFailed
    from boardpapers.ingest.pipeline import read_document
    from tests.readers import pdf_with, text_page

    data = pdf_with(text_page, pages=2)
    with pytest.raises(ReaderFailed) as caught:
        read_document(data[: len(data) // 3], "cut.pdf")
    assert caught.value.kind in ("corrupt", "no_text_layer")


def _warnings(data: bytes, name: str) -> dict[str, str]:
    from boardpapers.ingest.pipeline import extract_document

    return {w.kind: w.message for w in extract_document(data, name).warnings}


def test_text_named_docx_warns_of_the_mismatch():
    found = _warnings(b"Action\tLead\nFix the roof.\tEstates\n", "plan.docx")
    assert found == {"extension_mismatch": "named .docx but its content is text; read as text"}


def test_a_fallback_encoding_is_named():
    found = _warnings("Action\tLead\nReview the caf\u00e9 contract.\tFinance\n".encode("cp1252"), "plan.txt")
    assert "cp1252" in found["encoding_fallback"]
    assert _warnings("Action\tLead\nReview the caf\u00e9.\tFinance\n".encode("utf-8"), "plan.txt") == {}


def test_a_paper_with_no_plan_says_so():
    assert set(_warnings(b"Minutes of the meeting.\n\nThe board noted the report.\n", "notes.txt")) == {"no_plan"}


def test_a_field_past_the_size_cap_is_cut_with_a_warning(monkeypatch):
    import boardpapers.ingest.pipeline
    from boardpapers.ingest.pipeline import extract_document

    monkeypatch.setattr(boardpapers.ingest.pipeline, "MAX_FIELD_CHARS", 1000)
    result = extract_document(("Action\tLead\n" + "word " * 1000 + "\tFinance\n").encode(), "long.txt")
    (item,) = result.plans[0].items
    assert len(item.action) == 1000
    assert [w.kind for w in result.warnings] == ["field_truncated"]


def test_a_pdf_with_a_broken_cross_reference_table_is_read_and_flagged():
    from tests.readers import pdf_with, text_page

    data = pdf_with(text_page, pages=2)
    damaged = data.replace(b"startxref", b"startxref\n9").replace(b"xref\n0 ", b"xref\n9 ", 1)
    found = _warnings(damaged, "damaged.pdf")
    assert "pdf_recovered" in found


def test_html_nested_past_the_parser_limit_is_read_with_a_warning():
    from boardpapers.extractors.read.html import read_html

    depth = 5000
    data = ("<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "<p>After.</p>"
            "</body></html>").encode()
    document = read_html(data, "deep.html")
    assert [b.text for b in document.blocks] == ["Deep text.", "After."]
    assert [w.kind for w in document.warnings] == ["html_depth_limit"]
    shallow = read_html(b"<html><body>" + b"<div>" * 600 + b"<p>Deep.</p>" + b"</div>" * 600 + b"</body></html>",
                        "x.html")
    assert [b.text for b in shallow.blocks] == ["Deep."] and shallow.warnings == []


def test_warnings_are_stored_and_counted(tmp_path):
    from boardpapers.db.store import open_db
    from boardpapers.ingest.batch import ingest_paths

    (tmp_path / "notes.txt").write_text("The board noted the report.\n")
    db = open_db(str(tmp_path / "t.db"))
    (outcome,) = ingest_paths(db, [tmp_path / "notes.txt"])
    assert "warning [no_plan]" in outcome.summary()
    assert db.execute("select kind from ingest_warnings").fetchall() == [("no_plan",)]
    assert db.execute("select warnings from documents").fetchone() == (1,)


def test_recommendation_groups_are_decided_once_from_the_finder_or_the_rows():
    from boardpapers.extractors.interpret.item import recommendation_groups
    from boardpapers.schema.models import Provenance, RawItem

    def raw(ref, rec, group=None):
        return RawItem(ref=ref, recommendation=rec, group=group, provenance=Provenance(document="x"))

    # the finder saw two recommendations that print alike: it is believed
    assert recommendation_groups([raw("1", "Fund it", 0), raw("1", "Fund it", 1), raw("2", "Staff it", 1)]) == [0, 1, 1]
    # no finder grouping: the same ref and recommendation as the row above answer one recommendation
    assert recommendation_groups([raw("1", "Fund it"), raw("1", "Fund  it"), raw("2", "Staff it"),
                                  raw("1", "Fund it")]) == [0, 0, 1, 2]


def test_the_writer_stores_the_plan_s_recommendations_as_grouped(tmp_path):
    from boardpapers.db.store import open_db, write_document
    from boardpapers.ingest.pipeline import extract_path
    from tests.conftest import CORPUS

    result = extract_path(CORPUS / "kelby_quality_plans.docx")
    db = open_db(str(tmp_path / "k.db"))
    write_document(db, result)
    stored = db.execute("select r.position, count(*) from actions a join recommendations r "
                        "on r.id = a.recommendation_id where r.plan_id = (select min(id) from plans) "
                        "group by r.id order by r.position").fetchall()
    assert stored == [(i, len(group)) for i, group in enumerate(result.plans[0].recommendations)] == [(0, 2), (1, 1)]
