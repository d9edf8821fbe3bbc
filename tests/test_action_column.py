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
