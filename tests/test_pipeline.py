"""Each fixture in tests/fixtures extracts to exactly the items in the .expected.json beside it."""
import json

import pytest

from ingest.errors import EmptyFile, IngestError, UnsupportedFormat
from ingest.export import document_records
from ingest.pipeline import extract_document, extract_path, sniff_format
from tests.conftest import FIXTURES

PAPERS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name for p in PAPERS])
def test_fixture_matches_expected(paper):
    expected = json.loads((paper.parent / f"{paper.name}.expected.json").read_text(encoding="utf-8"))
    result = extract_path(paper)
    assert (result.paper_date.isoformat() if result.paper_date else None) == expected["paper_date"]
    assert result.pages == expected["pages"]
    items = [{k: v for k, v in r.items() if k != "document"} for r in document_records(result)]
    assert items == expected["items"]


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
    import extractors.legacy

    monkeypatch.setattr(extractors.legacy, "soffice", lambda: None)
    with pytest.raises(IngestError) as err:
        extract_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"old word" * 100, "minutes.doc", "minutes.doc")
    assert err.value.kind == "converter_missing" and "LibreOffice" in err.value.message
