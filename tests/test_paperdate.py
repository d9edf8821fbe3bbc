import datetime as dt

from boardpapers.extractors.interpret.paperdate import find_paper_date
from boardpapers.extractors.read.text import read_text


def test_labelled_date_wins():
    doc = read_text(b"Northshire ICB\n\nData to 31 March 2023 shows a fall.\n\nBoard meeting 12 June 2023\n", "x.txt")
    assert find_paper_date(doc) == dt.date(2023, 6, 12)


def test_no_date_falls_back_to_reader_metadata():
    doc = read_text(b"No dates here.\n", "x.txt").model_copy(update={"paper_date": dt.date(2020, 1, 2)})
    assert find_paper_date(doc) == dt.date(2020, 1, 2)
