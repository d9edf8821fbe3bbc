from boardpapers.extractors.read.text import decode, read_text, split_cells
from boardpapers.schema.models import Paragraph, Table
from tests.conftest import FIXTURES


def _tables(document):
    return [b for b in document.blocks if isinstance(b, Table)]


def test_running_title_header_and_page_numbers_are_furniture():
    doc = read_text((FIXTURES / "page_furniture_split_row.txt").read_bytes(), "x.txt")
    rows = [r for t in _tables(doc) for r in t.rows]
    texts = [" ".join(r.texts) for r in rows]
    assert not any("Leisure Review Action Plan" in t for t in texts)
    assert sum(1 for r in rows if r.repeated) == 1  # the header printed again on page 2
    assert doc.pages == 2
    split = next(r for r in rows if r.texts[0].startswith("three bands"))
    assert split.starts_page and split.page == 2


def test_paragraph_cells_keep_their_paragraphs_and_drop_tags():
    doc = read_text((FIXTURES / "paragraph_cells.txt").read_bytes(), "x.txt")
    first_data = _tables(doc)[0].rows[1]
    assert first_data.cells[1].paragraphs == ["Train volunteers as digital champions.",
                                              "Lend tablets to people on low incomes."]
    second = _tables(doc)[0].rows[2]
    assert second.cells[1].paragraphs == ["Run courses in community venues."]


def test_markdown_pipes_and_separator_rows():
    assert split_cells("| a | b \\| c | d |") == [" a ", " b | c ", " d "]
    doc = read_text((FIXTURES / "pipe_table_beside_kpis.md").read_bytes(), "x.md")
    tables = _tables(doc)
    assert len(tables) == 2
    assert not any(set("".join(r.texts).strip()) <= set("-: ") for t in tables for r in t.rows)
    assert tables[1].rows[0].texts[:3] == ["#", "Priority", "Action"]


def test_single_hyphen_cells_are_values_not_separators():
    doc = read_text(b"Action\tLead\tDeadline\nFix the roof.\tEstates\t-\n", "x.txt")
    assert _tables(doc)[0].rows[1].texts == ["Fix the roof.", "Estates", "-"]


def test_windows_1252_is_decoded_not_rejected():
    data = "Action\tLead\nReview the caf\u00e9 contract \u2013 urgently.\tFinance\n".encode("cp1252")
    assert "café contract – urgently" in decode(data)
    doc = read_text(data, "x.txt")
    assert "café" in _tables(doc)[0].rows[1].texts[0]


def test_repeated_prose_label_is_not_furniture():
    text = "Priority: One\n\nSome text.\n\nNext steps:\n\nMore.\n\nPriority: Two\n\nNext steps:\n\nLater.\n\nNext steps:\n"
    doc = read_text(text.encode(), "x.txt")
    labels = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text == "Next steps:"]
    assert len(labels) == 3


def test_a_heading_line_between_rows_of_a_tab_table_is_a_row_across_it():
    from boardpapers.extractors.read.text import read_text
    from boardpapers.schema.models import Table

    text = ("Ref\tAction\tLead\n1\tOpen the hub\tHousing Team\nTheme two: staying well\n"
            "2\tTrain the wardens\tPublic Health Team\n\nEnd of the table.\n").encode()
    (table,) = [b for b in read_text(text, "x.txt").blocks if isinstance(b, Table)]
    assert [r.texts for r in table.rows][2] == ["Theme two: staying well", "", ""]
    assert [r.heading for r in table.rows] == [False, False, True, False]


def test_bars_or_semicolons_under_a_line_of_labels_are_a_table_and_without_one_stay_lines():
    from boardpapers.extractors.read.text import separated_to_tabs

    table = ["Ref | Action | Owner", "1 | Agree the strategy | Director of Estates", "2 | Refresh the register | Secretary"]
    assert separated_to_tabs(table) == ["Ref\tAction\tOwner", "1\tAgree the strategy\tDirector of Estates",
                                        "2\tRefresh the register\tSecretary"]
    lines = ["Open a new hub in the town centre | Hubs Lead | by May 2025",
             "Train the staff in money advice | HR Manager | June 2025", "Audit the case files | Head of IT | July 2025"]
    assert separated_to_tabs(lines) == lines
    prose = ["We met; we talked; we agreed.", "Then we left."]
    assert separated_to_tabs(prose) == prose
