import datetime as dt

from boardpapers.extractors.interpret.paperdate import find_paper_date
from boardpapers.extractors.read.text import read_text


def test_labelled_date_wins():
    doc = read_text(b"Northshire ICB\n\nData to 31 March 2023 shows a fall.\n\nBoard meeting 12 June 2023\n", "x.txt")
    assert find_paper_date(doc) == dt.date(2023, 6, 12)


def test_the_file_metadata_date_is_not_a_printed_date():
    doc = read_text(b"No dates here.\n", "x.txt").model_copy(update={"metadata_date": dt.date(2020, 1, 2)})
    assert find_paper_date(doc) is None


def test_the_paper_date_falls_back_to_the_file_metadata_and_says_so():
    from boardpapers.ingest.pipeline import extract_document
    from tests.readers import docx_bytes

    def build(document):
        document.core_properties.created = dt.datetime(2020, 1, 2, 9, 0)
        document.add_paragraph("No dates here.")

    result = extract_document(docx_bytes(build), "x.docx")
    assert (result.paper_date, result.paper_date_source, result.metadata_date) == (
        dt.date(2020, 1, 2), "file metadata", dt.date(2020, 1, 2))
    printed = extract_document(b"Board meeting 12 June 2023\n\nNo plan.\n", "y.txt")
    assert (printed.paper_date, printed.paper_date_source) == (dt.date(2023, 6, 12), "printed")
