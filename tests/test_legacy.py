"""Legacy formats for real: .doc, .rtf and .odt papers made by LibreOffice itself from a
Word plan, then read back through LibreOffice; spreadsheets and slide decks get a plain message.

Skipped where soffice is not installed, except in CI (which installs it).
"""
import os
import subprocess
import io
import zipfile

import pytest

from boardpapers.extractors.read.legacy import soffice
from boardpapers.ingest.errors import UnsupportedFormat
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document, read_document
from tests.readers import docx_bytes


def _plan(document):
    document.add_paragraph("Library service improvement plan")
    table = document.add_table(rows=3, cols=3)
    texts = ["Action", "Owner", "Deadline", "Open two more evenings.", "Branch Manager", "March 2024",
             "Train volunteers.", "Volunteer Lead", "June 2024"]
    for cell, text in zip([c for row in table.rows for c in row.cells], texts):
        cell.text = text


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice (soffice) for the legacy-format tests")
        pytest.skip("soffice is not installed")
    folder = tmp_path_factory.mktemp("legacy")
    (folder / "plan.docx").write_bytes(docx_bytes(_plan))
    # .odt first, and the others from it: LibreOffice drops python-docx's table going straight to .doc
    for suffix, filter_name in (("odt", "odt"), ("doc", "doc:MS Word 97"), ("rtf", "rtf")):
        source = folder / ("plan.docx" if suffix == "odt" else "plan.odt")
        subprocess.run([soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", filter_name, "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=180)
    return {suffix: (folder / f"plan.{suffix}").read_bytes() for suffix in ("doc", "rtf", "odt")}


@pytest.mark.parametrize("suffix", ["doc", "rtf", "odt"])
def test_a_legacy_paper_is_converted_and_read(converted, suffix):
    result = extract_document(converted[suffix], f"plan.{suffix}")
    assert result.format == suffix
    items = document_records(result)
    assert [(i["action"], i["owners"], i["deadline"]) for i in items] == [
        ("Open two more evenings.", ["Branch Manager"], "2024-03-31"),
        ("Train volunteers.", ["Volunteer Lead"], "2024-06-30"),
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, says", [
    ("sheet.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "spreadsheet"),
    ("deck.pptx", _zip({"ppt/presentation.xml": b"<presentation/>"}), "slide deck"),
    ("sheet.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 600, "spreadsheet"),
])
def test_spreadsheets_and_slides_are_not_paper_formats(name, data, says):
    with pytest.raises(UnsupportedFormat) as caught:
        read_document(data, name)
    assert says in caught.value.message and "not a paper format" in caught.value.message
