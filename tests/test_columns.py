"""Column meaning from the cells where the header is silent or misleading, and heading rows."""
import pytest

from boardpapers.extractors.find.columns import split_who_and_when, type_columns, values_field
from boardpapers.extractors.find.tables import find_table_plans
from boardpapers.schema.models import Cell, Row, Table


def _table(*rows, headings=()) -> Table:
    return Table(rows=[Row(cells=[Cell(paragraphs=[c] if c else []) for c in r], heading=i in headings)
                       for i, r in enumerate(rows)])


def _items(table):
    (plan,) = find_table_plans(table, "t.html")
    return [(i.ref, i.recommendation, i.action, i.owner, i.deadline, i.progress, i.rag) for i in plan.items]


def test_a_status_column_of_colours_is_the_rating():
    table = _table(["Action", "Lead", "Status"], ["Fix the roof.", "Estates", "Amber"],
                   ["Paint the hall.", "Estates", "Green"])
    assert [i[6] for i in _items(table)] == ["Amber", "Green"]
    assert [i[5] for i in _items(table)] == [None, None]


def test_an_unnamed_column_of_dates_is_the_deadline_and_of_numbers_the_ref():
    columns = type_columns([None, "action", "owner", None],
                             _table(["1.1", "Fix.", "Estates", "March 2024"], ["1.2", "Paint.", "Estates", "Q3 2024/25"]).rows)
    assert columns == ["ref", "action", "owner", "deadline"]


def test_a_priority_column_is_not_the_recommendation():
    table = _table(["Issue", "Action", "Lead"], ["High", "Fix the roof.", "Estates"], ["Low", "Paint.", "Estates"])
    assert [(i[1], i[2]) for i in _items(table)] == [(None, "Fix the roof."), (None, "Paint.")]


def test_a_decision_column_is_progress_only_without_a_progress_column():
    rows = [["Recommendation", "Management response", "Decision"],
            ["Review the contracts.", "We will review them.", "Accepted"],
            ["Close the depot.", "Not affordable.", "Declined"]]
    assert [i[5] for i in _items(_table(*rows))] == ["Accepted", "Declined"]
    with_progress = [r + [u] for r, u in zip(rows, ["Update", "Done in May.", "None"])]
    assert [i[5] for i in _items(_table(*with_progress))] == ["Done in May.", "None"]


def test_a_heading_row_gives_its_theme_to_the_rows_below():
    table = _table(["Action", "Lead", "By when"], ["Storage and handling", "", ""],
                   ["Label every shelf.", "Stores", "May 2024"], ["Open actions", "", ""],
                   ["Fit new locks.", "Estates", "June 2024"], ["Aim 3: safer discharge", "", ""],
                   ["Call patients within two days.", "Wards", "July 2024"], headings={1, 3, 5})
    assert [(i[1], i[2]) for i in _items(table)] == [
        ("Storage and handling", "Label every shelf."),
        ("Storage and handling", "Fit new locks."),  # "Open actions" sorts rows; it is no theme
        ("Aim 3: safer discharge", "Call patients within two days."),
    ]


def test_a_table_of_counts_is_not_a_plan():
    table = _table(["Theme", "Respondents", "Lead"], ["Housing", "484", "565"], ["Income", "130", "132"])
    assert find_table_plans(table, "t.html") == []


def test_a_header_on_two_rows_maps_each_sub_column():
    table = _table(["Ref", "Action", "Progress", "", "Lead"], ["", "", "Update", "RAG", ""],
                   ["1.1", "Fix the roof.", "Surveyed.", "Amber", "Estates"])
    assert _items(table) == [("1.1", None, "Fix the roof.", "Estates", None, "Surveyed.", "Amber")]


def test_a_table_split_by_a_page_break_with_its_header_again_is_one_table():
    from boardpapers.extractors.find.tables import join_split_tables

    first = _table(["Ref", "Action", "Lead"], ["1.1", "Survey the roof of", "Estates"])
    second = _table(["Ref", "Action", "Lead"], ["", "the day centre.", ""], ["1.2", "Paint the hall.", "Parks"])
    (joined,) = join_split_tables([first, second])
    assert _items(joined) == [("1.1", None, "Survey the roof of the day centre.", "Estates", None, None, None),
                              ("1.2", None, "Paint the hall.", "Parks", None, None, None)]


def test_a_code_opening_the_recommendation_cell_is_the_ref():
    table = _table(["Recommendation", "Action", "Lead"], ["W1 Improve hand hygiene audits.", "Audit monthly.", "IPC"],
                   ["CRR0012: Cyber resilience", "Test the backups.", "Head of IT"],
                   ["TB 24/107 Recruit nurses", "Advertise.", "HR"],
                   ["NHS 111 services should be promoted.", "Run a campaign.", "Comms"])
    assert [(i[0], i[1]) for i in _items(table)] == [
        ("W1", "Improve hand hygiene audits."), ("CRR0012", "Cyber resilience"), ("TB 24/107", "Recruit nurses"),
        (None, "NHS 111 services should be promoted.")]


def test_a_table_with_no_header_row_is_read_by_what_its_columns_hold():
    table = _table(["1.1", "Survey the roof of the day centre.", "Estates Team", "May 2024"],
                   ["1.2", "Repaint the main hall before the summer.", "Parks", "July 2024"],
                   ["1.3", "Fit new locks to the side gates.", "Estates Team", "Q3 2024/25"])
    assert [(i[0], i[2], i[3], i[4]) for i in _items(table)] == [
        ("1.1", "Survey the roof of the day centre.", "Estates Team", "May 2024"),
        ("1.2", "Repaint the main hall before the summer.", "Parks", "July 2024"),
        ("1.3", "Fit new locks to the side gates.", "Estates Team", "Q3 2024/25")]


def test_a_headerless_table_of_prose_and_figures_is_not_a_plan():
    table = _table(["1", "Adults who are physically inactive in the borough.", "24.8%"],
                   ["2", "Children meeting the activity guidelines each week.", "41.0%"],
                   ["3", "Adults cycling at least once a week for travel.", "6.1%"])
    assert find_table_plans(table, "t.html") == []


def _column(*values):
    return [Row(cells=[Cell(paragraphs=[v]), Cell(paragraphs=["Do the thing"])]) for v in values]


def test_numbers_in_turn_under_recommendation_are_the_refs_it_cites_but_priorities_are_not():
    assert type_columns(["recommendation", "action"], _column("1", "2", "3")) == ["ref", "action"]
    assert type_columns(["recommendation", "action"], _column("4.1", "4.2")) == ["ref", "action"]
    assert type_columns(["recommendation", "action"], _column("1", "3", "1", "2")) == [None, "action"]


def test_cells_decide_against_a_misleading_header_and_years_stay_deadlines():
    # "Target" over figures is a KPI's target, not a deadline; over years it is a deadline
    assert type_columns(["action", "deadline"], _rows(("Cut waits", "18"), ("Hire staff", "12%"), ("Open ward", "£1.2m"))) \
        == ["action", None]
    assert type_columns(["action", "deadline"], _rows(("Cut waits", "2025"), ("Hire staff", "2026"), ("Open", "2025"))) \
        == ["action", "deadline"]
    # a code starting with a rating letter is a ref, and a phrase holding "a" is not a rating
    assert type_columns(["ref", "recommendation", "action"],
                        _rows(("R1", "Agree a plan", "Do it"), ("R2", "Agree a fee", "Pay it"))) \
        == ["ref", "recommendation", "action"]


def test_ratings_never_join_progress_when_a_rating_column_is_named():
    typed = type_columns(["action", "progress", "rag"],
                         _rows(("Fix roof", "Green", "Green"), ("Paint", "Amber", "Red"), ("Clean", "Red", "Red")))
    assert typed == ["action", None, "rag"]


def _rows(*rows):
    return [Row(cells=[Cell(paragraphs=[c]) for c in r]) for r in rows]


def test_a_lifecycle_heading_ends_the_theme_above_it():
    table = _table(["Ref", "Action", "Lead", "RAG"], ["Open actions", "", "", ""], ["Storage", "", "", ""],
                   ["S1", "Check fridges.", "Pharmacist", "A"], ["Closed", "", "", ""],
                   ["S0", "Lock the store.", "Site Manager", "B"], headings=(1, 2, 4))
    assert [(i[0], i[1]) for i in _items(table)] == [("S1", "Storage"), ("S0", None)]


def test_a_header_we_do_not_read_keeps_its_dates_from_being_the_deadline():
    rows = _rows(("Fix the roof.", "12/03/2025"), ("Paint the hall.", "14/03/2025"), ("Clean.", "02/04/2025"))
    assert type_columns(["action", None], rows, ["Action", "Date raised"]) == ["action", None]
    assert type_columns(["action", None], rows, ["Action", ""]) == ["action", "deadline"]


def test_a_heading_row_with_no_rows_under_it_names_no_item():
    table = _table(["Ref", "Action", "Lead"], ["1", "Fix the roof.", "Estates"], ["Signed off by", "", ""],
                   headings=(2,))
    assert [(i[0], i[2]) for i in _items(table)] == [("1", "Fix the roof.")]


def test_a_table_of_actions_under_a_recommendation_s_heading_answers_it():
    table = _table(["Action", "Lead", "By when"], ["Introduce a visits tracker.", "Head of Service", "November 2025"],
                   ["Audit 40 cases a month.", "QA Manager", "Monthly"])
    (plan,) = find_table_plans(table, "t.docx", title="Recommendation 3: Improve the timeliness of visits.")
    assert [(i.ref, i.recommendation) for i in plan.items] == [("3", "Improve the timeliness of visits.")] * 2
    (plain,) = find_table_plans(table, "t.docx", title="3. Action plan")  # a numbered section is no recommendation
    assert [(i.ref, i.recommendation) for i in plain.items] == [(None, None)] * 2


def test_letters_in_a_ref_column_are_refs_not_recommendation_text():
    table = _table(["#", "Action", "Lead"], ["a", "Recruit surveyors.", "HR"], ["(b)", "Buy a van.", "Fleet Manager"])
    assert [(i[0], i[1], i[2]) for i in _items(table)] == [("a", None, "Recruit surveyors."), ("b", None, "Buy a van.")]


def test_a_first_column_of_codes_is_the_ref_whatever_its_header_and_the_description_is_what_is_answered():
    table = _table(["Risk", "Description", "Score", "Mitigating actions", "Owner", "Review date"],
                   ["BAF1", "Workforce shortages in theatres", "16", "Recruit 12 theatre nurses", "Chief People Officer",
                    "January 2025"],
                   ["BAF2", "Estates backlog", "20", "Bid for capital funding", "Director of Estates", "March 2025"])
    assert [(i[0], i[1], i[2], i[3]) for i in _items(table)] == [
        ("BAF1", "Workforce shortages in theatres", "Recruit 12 theatre nurses", "Chief People Officer"),
        ("BAF2", "Estates backlog", "Bid for capital funding", "Director of Estates")]


def test_a_row_banded_in_one_colour_carries_no_rating():
    def row(cells, fills):
        return Row(cells=[Cell(paragraphs=[c] if c else [], fill=f) for c, f in zip(cells, fills)])
    table = Table(rows=[
        Row(cells=[Cell(paragraphs=[c]) for c in ("Ref", "Action", "Lead", "Notes")]),
        row(("1", "Fix the roof.", "Estates", ""), ("#8EA9DB",) * 4),  # a blue band across the row
        row(("2", "Paint the hall.", "Estates", ""), (None, None, None, "#FF0000")),  # a red notes cell
    ])
    assert [i[6] for i in _items(table)] == [None, "Red"]


def test_a_full_width_row_above_the_header_names_the_plan():
    table = _table(["Appendix B – Action plan after the inspection", "", ""], ["Action", "Lead", "Target"],
                   ["Recruit six social workers.", "Head of Social Work", "December 2025"], headings=(0,))
    (plan,) = find_table_plans(table, "t.html", title="Kirkton Council")
    assert plan.title == "Appendix B – Action plan after the inspection" and len(plan.items) == 1


def test_the_values_under_a_label_confirm_or_overrule_it():
    assert values_field("recommendation", ["High"]) is None  # "Priority: High" is no recommendation
    assert values_field("recommendation", ["Keep one register of contracts."]) == "recommendation"
    assert values_field("progress", ["Amber", "Green", "Red"]) == "rag"
    assert values_field("progress", ["On track", "Not started", "Complete"]) == "progress"
    assert values_field(None, ["31 March 2025", "June 2025"]) == "deadline"


@pytest.mark.parametrize("text, expected", [
    ("Chief Nurse / June 2025", ("Chief Nurse", "June 2025")),
    ("June 2025 - Chief Nurse", ("Chief Nurse", "June 2025")),
    ("Head of IT, 30/06/2025", ("Head of IT", "30/06/2025")),
    ("Chief Nurse\nQ2 2025/26", ("Chief Nurse", "Q2 2025/26")),
    ("30/06/2025", None), ("Chief Nurse", None), ("Review the policy / June 2025", None),
])
def test_a_cell_naming_who_and_when_is_split(text, expected):
    assert split_who_and_when(text) == expected


def test_a_column_of_dates_is_nothing_to_do():
    assert values_field("action", ["17 June 2025"]) == "deadline"
    assert values_field("action", ["Fix the roof by June 2025"]) == "action"
