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


# Headers nobody listed, read by their head word and its modifiers.
@pytest.mark.parametrize("printed, field", [
    ("Main tasks this period", "action"), ("Steps agreed by managers", "action"), ("Our commitment", "action"),
    ("Key actions", "action"),
    ("Lead organisation", "owner"), ("Lead partner", "owner"), ("Who?", "owner"), ("Accountable officer", "owner"),
    ("Who is responsible", "owner"), ("Action by", "owner"),
    ("Update and evidence", "progress"), ("Update at 30 June", "progress"), ("Position at Q2", "progress"),
    ("Closing position", "progress"), ("Auditor's follow-up", "progress"),
    ("Success measure", "outcome"), ("Expected impact", "outcome"), ("Measures of success", "outcome"),
    ("Measure", "recommendation"),  # bare, the intervention an air quality plan lists
    ("What we will do", "action"), ("You said", "recommendation"), ("We did", "action"),
    ("Rec.", "ref"), ("No.", "ref"), ("Ref", "ref"),
    ("By when", "deadline"), ("Target date", "deadline"), ("Revised target date", "deadline"),
    ("Date of completion", "deadline"),
    ("Source (agenda title / item / date)", "recommendation"),
    # columns read as nothing, whatever their words say
    ("Date raised", None), ("Date added", None), ("Date logged", None),
    # prose is not a header, even when a word of it names a field
    ("• Work with head teachers and", None), ("The findings of the needs assessment", None),
    ("respondents who", None), ("How do I get this strategy to", None), ("Theme and sub-theme", None),
])
def test_label_field_by_head_word(printed, field):
    assert label_field(printed) == field


@pytest.mark.parametrize("row", [
    ["Risk", "Cause", "Consequence", "Likelihood", "Impact", "Exposure"],  # a risk register
    ["Indicator", "Target", "Actual", "RAG"],  # a KPI table
])
def test_tables_of_risks_and_figures_are_not_plans(row):
    assert header_to_fields(row) is None


def test_of_two_columns_read_as_the_action_the_left_is_what_it_answers():
    from boardpapers.extractors.find.headers import header_to_fields

    assert header_to_fields(["No.", "Problem to solve", "Steps agreed by managers", "Who?", "By when"]) == [
        "ref", "recommendation", "action", "owner", "deadline"]
    # a column headed "Action" keeps the action; a real recommendation column is left alone
    assert header_to_fields(["Task", "Action", "Lead"]) == ["action", "action", "owner"]
    assert header_to_fields(["Recommendation", "Activity", "Task", "Lead"])[0] == "recommendation"


def test_a_header_of_two_names_for_one_column_is_read_by_either():
    from boardpapers.extractors.find.headers import label_field

    assert label_field("Management response / agreed action") == "action"
    assert label_field("Lead / Owner") == "owner"
    assert label_field("Date raised / logged") is None  # a column we do not read, by either name


@pytest.mark.parametrize("printed, field", [
    ("What is the issue?", "recommendation"), ("What will we do?", "action"), ("Who is responsible?", "owner"),
    ("When will it be done?", "deadline"), ("How will we know?", "outcome"), ("Where are we now?", "progress"),
    ("What has been done so far?", "progress"), ("How will we do it?", "action"), ("Why does it matter?", None),
    ("What is the IDACI?", None), ("Where is the service?", None),
])
def test_headers_asked_as_questions(printed, field):
    assert label_field(printed) == field


@pytest.mark.parametrize("printed, field", [
    ("Update October 2025", "progress"), ("Q2 update", "progress"), ("Position at Q3", "progress"),
    ("Workstream", "recommendation"), ("SRO", "owner"),
])
def test_a_period_in_a_header_qualifies_its_head(printed, field):
    assert label_field(printed) == field


def test_evidence_of_impact_is_the_outcome_and_evidence_of_progress_the_progress():
    assert label_field("Evidence of impact") == "outcome"
    assert label_field("Evidence of progress") == "progress"


@pytest.mark.parametrize("printed, field", [
    ("Observation", "recommendation"), ("Steps to be taken", "action"), ("Assigned to", "owner"),
    ("Date to be completed by", "deadline"), ("Delivery confidence", "rag"), ("KPI", "outcome"),
    ("Next step", "progress"), ("Next steps", "progress"),
])
def test_more_ways_plans_head_their_columns(printed, field):
    assert label_field(printed) == field


@pytest.mark.parametrize("printed, field", [
    ("Action taken or planned", "action"), ("Owner or delegate", "owner"), ("Date raised / logged", None),
])
def test_a_header_naming_its_column_two_ways(printed, field):
    assert label_field(printed) == field
