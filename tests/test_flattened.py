"""Tables copied as text one cell per line, including column by column within each row."""
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document

COLUMN_BY_COLUMN = b"""Plan for the libraries

Changes needed

What we will do

Who

Update

1. Longer opening hours at the two busiest branches

1. Open until eight on Thursdays at Hillside.

2. Open on Sunday afternoons at Market Square.

Abi Fenwick, Branch Manager

Tom Reyes, Operations Lead

Jan 2021

Ongoing

Thursday evenings began in November.

Sunday opening agreed with the union.

2. A home delivery service for housebound readers

Recruit twelve volunteer drivers

Volunteer Coordinator

April 2021

Eight drivers recruited so far.
"""


def test_a_table_copied_column_by_column_is_read_row_by_row():
    result = extract_document(COLUMN_BY_COLUMN, "libraries.txt")
    items = document_records(result)
    assert [(i["ref"], i["action"], i["owners"], i["deadline_text"], i["progress"]) for i in items] == [
        ("1", "Open until eight on Thursdays at Hillside.", ["Abi Fenwick"], "Jan 2021",
         "Thursday evenings began in November."),
        ("1", "Open on Sunday afternoons at Market Square.", ["Tom Reyes"], "Ongoing",
         "Sunday opening agreed with the union."),
        ("2", "Recruit twelve volunteer drivers", ["Volunteer Coordinator"], "April 2021",
         "Eight drivers recruited so far.")]
    assert items[0]["recommendation"] == "Longer opening hours at the two busiest branches"
    assert [i.provenance.row for i in result.plans[0].items] == [1, 2, 3]


def test_numbered_narrative_after_label_lines_is_not_a_table():
    text = b"""Our priorities

Aims

Actions

1. We want every child to be ready for school.

This means working with families from birth and with nurseries.

2. We want fewer people to smoke.

Smoking is the largest cause of early death in the borough.
"""
    assert document_records(extract_document(text, "strategy.txt")) == []
