import pytest

from boardpapers.extractors.find.headers import header_to_fields, label_field, normalise_label


@pytest.mark.parametrize("printed, field", [
    ("Recommendations", "recommendation"), ("Objective", "recommendation"), ("Issue", "recommendation"),
    ("Action(s)", "action"), ("Action Proposed", "action"), ("Management action", "action"),
    ("Responsibility", "owner"), ("Lead", "owner"), ("Contact(s)", "owner"), ("Responsible officer", "owner"),
    ("Deadline", "deadline"), ("Timescales", "deadline"), ("By when", "deadline"), ("Target date", "deadline"),
    ("Due date", "deadline"), ("Revised deadline", "deadline"),
    ("Progress", "progress"), ("Progress & next steps", "progress"), ("Update", "progress"), ("Status", "progress"),
    ("Outcomes", "outcome"), ("RAG", "rag"), ("Rating", "rag"), ("Ref", "ref"), ("No.", "ref"), ("#", "ref"),
    ("Indicator", None), ("Baseline", None), ("Notes on the weather", None),
])
def test_label_field(printed, field):
    assert label_field(printed) == field


def test_normalise_label():
    assert normalise_label(" Progress &  Next Steps: ") == "progress and next steps"


def test_plan_header_maps_columns():
    assert header_to_fields(["Recommendations", "Action Proposed", "Responsibility", "Deadline", ""]) == [
        "recommendation", "action", "owner", "deadline", None]


def test_header_broken_over_two_cells():
    fields = header_to_fields(["Recom", "mendations", "Action Proposed", "Responsibility"])
    assert fields == ["recommendation", "recommendation", "action", "owner"]


def test_empty_first_header_over_numbers_is_the_ref():
    assert header_to_fields(["", "Action", "Lead"]) == ["ref", "action", "owner"]


def test_unknown_columns_are_tolerated_but_not_a_majority():
    assert header_to_fields(["Action No", "Meeting date", "Action", "Owner", "Due", "Status"])[2:] == [
        "action", "owner", "deadline", "progress"]
    assert header_to_fields(["Indicator", "Baseline", "Latest", "Notes", "Action"]) is None


@pytest.mark.parametrize("row", [
    ["Indicator", "Target", "Actual", "Trend"],
    ["Present", "Role"],
    ["Red", "Little or no progress has been made.", "0"],
    ["Lead", "Deadline"],  # nothing says what the row is about
])
def test_rows_that_are_not_plan_headers(row):
    assert header_to_fields(row) is None
