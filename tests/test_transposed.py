"""Tables laid on their side: the fields down the first column, a record to each column."""
from boardpapers.extractors.find.transposed import names_fields_down, turn_side_tables
from boardpapers.schema.models import Cell, Paragraph, Row, Table


def _table(*rows):
    return Table(rows=[Row(cells=[Cell(paragraphs=[t] if t else []) for t in r]) for r in rows])


SIDEWAYS = _table(["", "Objective 1", "Objective 2"],
                  ["What we will do", "Open a hub", "Train staff"],
                  ["Who", "Hubs Lead", "HR Manager"],
                  ["When", "May 2025", "June 2025"])


def test_a_table_with_its_fields_down_the_first_column_is_turned():
    assert names_fields_down(SIDEWAYS)
    turned = turn_side_tables([Paragraph(text="Plan"), SIDEWAYS])[1]
    assert [r.texts for r in turned.rows] == [["", "What we will do", "Who", "When"],
                                              ["Objective 1", "Open a hub", "Hubs Lead", "May 2025"],
                                              ["Objective 2", "Train staff", "HR Manager", "June 2025"]]


def test_an_upright_table_or_one_record_of_labels_is_left_alone():
    upright = _table(["Action", "Lead", "Due"], ["Open a hub", "Hubs Lead", "May 2025"],
                     ["Train staff", "HR Manager", "June 2025"], ["Audit the files", "Head of IT", "July 2025"])
    one_record = _table(["Action", "Open a hub"], ["Lead", "Hubs Lead"], ["Due", "May 2025"])
    assert not names_fields_down(upright) and not names_fields_down(one_record)
    assert turn_side_tables([upright, one_record]) == [upright, one_record]
