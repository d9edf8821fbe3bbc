"""Minutes printed as a ruled table with an Action column of initials beside the text."""
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document
from tests.readers import pdf_with

COLUMNS = (40, 80, 460, 540)


def _minutes(c, _, initials=True):
    """Two minutes; the initials stand level with the line that sets each task."""
    c.setFont("Helvetica", 10)
    rows = [(780, 760), (760, 650), (650, 580)]
    for top, bottom in rows:
        c.line(COLUMNS[0], top, COLUMNS[-1], top)
        c.line(COLUMNS[0], bottom, COLUMNS[-1], bottom)
    for x in COLUMNS:
        c.line(x, rows[0][0], x, rows[-1][1])
    c.drawString(465, 766, "Action")
    c.drawString(45, 745, "1.")
    for y, text in [(745, "Library opening hours"), (731, "The Board agreed the new hours for the summer."),
                    (717, "The Branch Manager will write to every branch"),
                    (703, "by the end of May 2024 to confirm them."), (689, "No other comments were made.")]:
        c.drawString(85, y, text)
    if initials:
        c.drawString(465, 717, "JS")
    c.drawString(45, 635, "2.")
    for y, text in [(635, "Budget"), (621, "The Treasurer will bring a revised budget to the next meeting."),
                    (607, "Members thanked the Treasurer.")]:
        c.drawString(85, y, text)
    if initials:
        c.drawString(465, 621, "TR/AB")


def test_each_line_of_initials_is_an_item_with_the_sentence_beside_it():
    items = document_records(extract_document(pdf_with(_minutes), "minutes.pdf"))
    assert [(i["ref"], i["action"], i["owners"], i["deadline"]) for i in items] == [
        ("1", "The Branch Manager will write to every branch by the end of May 2024 to confirm them.", ["JS"],
         "2024-05-31"),
        ("2", "The Treasurer will bring a revised budget to the next meeting.", ["TR", "AB"], None),
    ]


def test_minutes_with_an_empty_action_column_give_nothing():
    """Prose such as "The Treasurer will bring a revised budget" is no item without initials."""
    empty = pdf_with(lambda c, n: _minutes(c, n, initials=False))
    assert document_records(extract_document(empty, "minutes.pdf")) == []


def test_a_numbered_sub_item_starts_a_new_sentence_and_its_heading_is_left_out():
    from boardpapers.extractors.find.action_column import _sentence_beside

    lines = [(100.0, "1. Terms of Reference"), (112.0, "The Board accepted them subject to a change of name."),
             (124.0, "2. Complaints Policy"), (136.0, "The Board accepted it.")]
    assert _sentence_beside(lines, 112.0) == "The Board accepted them subject to a change of name."


def test_initials_in_a_margin_action_column_with_no_table_drawn_are_items():
    from boardpapers.ingest.pipeline import extract_path
    from tests.conftest import CORPUS

    items = document_records(extract_path(CORPUS / "ashby_parish_minutes_margin_initials.pdf"))
    assert [(i["ref"], i["action"], i["owners"]) for i in items] == [
        ("25/31", "The clerk will arrange repairs before the summer.", ["CLK"]),
        ("25/32", "Cllr Bates will ask the county council to cut it back.", ["JB"])]  # 25/33 sets no task


def _word_minutes(document):
    """Minutes as a Word table: no geometry, so each line of initials answers the closing
    sentence of the discussion beside it."""
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Item", "Discussion", "Action"]):
        cell.text = text
    minutes = [("QC25/41", ["Infection control", "Two cases of C. difficile were noted on Ward 7.",
                            "The Director of Infection Prevention will bring a root cause analysis in October."], "DIPC"),
               ("QC25/42", ["Complaints", "Complaints fell by a tenth on the quarter before.",
                            "The committee asked that complaint themes are added to the quarterly report."], "HoPE"),
               ("QC25/43", ["Any other business", "There was none, and the meeting closed at noon today."], "")]
    for row, (ref, paragraphs, initials) in zip(table.rows[1:], minutes):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = ref, paragraphs[0], initials
        for text in paragraphs[1:]:
            row.cells[1].add_paragraph(text)


def test_a_word_minutes_table_gives_each_initials_the_closing_sentence():
    from tests.readers import docx_bytes

    records = document_records(extract_document(docx_bytes(_word_minutes), "minutes.docx"))
    assert [(r["ref"], r["action"], r["owners"]) for r in records] == [
        ("QC25/41", "The Director of Infection Prevention will bring a root cause analysis in October.", ["DIPC"]),
        ("QC25/42", "The committee asked that complaint themes are added to the quarterly report.", ["HoPE"]),
    ]


def _kpi_tables(document):
    """A performance report's KPI tables: a 'DoT' (direction of travel) header is nobody's initials."""
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(table.rows, [["Customer Services KPIs", "Latest", "Previous", "DoT"],
                                        ["% of callers who rated the advisor who dealt with their call as good",
                                         "GREEN", "GREEN", ""],
                                        ["% of complaints responded to within the timescale set by the policy",
                                         "RED", "RED", ""]]):
        for cell, value in zip(row.cells, values):
            cell.text = value


def test_a_kpi_table_with_a_short_header_is_no_minutes():
    from tests.readers import docx_bytes

    assert document_records(extract_document(docx_bytes(_kpi_tables), "kpis.docx")) == []
