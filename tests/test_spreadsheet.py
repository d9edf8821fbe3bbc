"""Comma-separated exports of a tracker: the lines above the table, then the table."""
from boardpapers.extractors.read.spreadsheet import read_csv
from boardpapers.schema.models import Paragraph, Table


def test_title_lines_then_a_table_with_quoted_cells_and_line_breaks():
    data = ('Action log\nUpdated 20 November 2025\n\nRef,Action,Lead\n'
            'QC1,"Review the policy, with the protocol",Deputy Chief Nurse\nQC2,"Audit letters\nmonthly",Director\n'
            ).encode()
    document = read_csv(data, "log.csv")
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == ["Action log", "Updated 20 November 2025"]
    table = next(b for b in document.blocks if isinstance(b, Table))
    assert [r.texts for r in table.rows] == [["Ref", "Action", "Lead"],
                                             ["QC1", "Review the policy, with the protocol", "Deputy Chief Nurse"],
                                             ["QC2", "Audit letters monthly", "Director"]]
    assert table.rows[2].cells[1].paragraphs == ["Audit letters", "monthly"]


def test_semicolons_are_sniffed_and_a_byte_order_mark_dropped():
    data = "\ufeffRef;Action;Lead\n1;Fix the roof;Estates\n2;Paint the hall;Facilities\n".encode("utf-8")
    table = read_csv(data, "log.csv").blocks[0]
    assert table.rows[0].texts == ["Ref", "Action", "Lead"] and table.rows[2].texts == ["2", "Paint the hall", "Facilities"]
