import pytest

from boardpapers.extractors.interpret.refs import fill_ref_gaps, is_section_heading, ref_cell, split_heading, split_leading_ref, split_list_number, split_numbered, split_sub_letter


@pytest.mark.parametrize("text, ref, rest", [
    ("4.10 Public Health should assist", "4.10", "Public Health should assist"),
    ("5.2The NST recommends", "5.2", "The NST recommends"),
    ("2. Capacity and Leadership 2.1 To build capacity", "2.1", "To build capacity"),
    ("Partnership with the Acute Trust 4.10 Public Health", "4.10", "Public Health"),
    ("Rates fell by 2.5 percent last year.", None, "Rates fell by 2.5 percent last year."),
    ("The council spent a lot. It then agreed 3.1 More money for roads", None,
     "The council spent a lot. It then agreed 3.1 More money for roads"),
])
def test_split_leading_ref(text, ref, rest):
    assert split_leading_ref(text) == (ref, rest)


def test_split_numbered_only_follows_the_sequence():
    assert split_numbered("4.1 Link the groups. 4.2 Add acute members.") == [
        ("4.1", "Link the groups."), ("4.2", "Add acute members.")]
    assert split_numbered("4.1 Link the groups. 7.2 Other.") == [("4.1", "Link the groups. 7.2 Other.")]


@pytest.mark.parametrize("text, ref", [("1", "1"), ("4.10", "4.10"), ("R3", "R3"), ("BOD 24/18(b)", "BOD 24/18(b)"),
                                       ("3.2.", "3.2"), ("and Rep 3.1", None), ("Ongoing", None)])
def test_ref_cell(text, ref):
    assert ref_cell(text) == ref


def test_fill_ref_gaps_only_where_one_number_fits():
    assert fill_ref_gaps([None, "1.2", None, "1.4"]) == ["1.1", "1.2", "1.3", "1.4"]
    assert fill_ref_gaps(["1.2", None, "1.5"]) == ["1.2", None, "1.5"]
    assert fill_ref_gaps([None, "2.3"]) == [None, "2.3"]


def test_headings():
    assert is_section_heading("7. Community Development")
    assert not is_section_heading("7. The board agreed the plan.")
    assert split_heading("Tobacco Control We recommend a new alliance") == "We recommend a new alliance"
    assert split_heading("Leeds City Council should act") == "Leeds City Council should act"


@pytest.mark.parametrize("text, ref, rest", [
    ("1. Review the policy", "1", "Review the policy"),
    ("12) Report to the board", "12", "Report to the board"),
    ("(3) Confirm the funding", "3", "Confirm the funding"),
    ("2025. A year, not an entry", None, "2025. A year, not an entry"),
    ("1.2 A dotted number", None, "1.2 A dotted number"),
    ("3. lower case runs on", None, "3. lower case runs on"),
])
def test_split_list_number(text, ref, rest):
    assert split_list_number(text) == (ref, rest)


@pytest.mark.parametrize("text, ref, rest", [
    ("a) Add the form", "a", "Add the form"), ("(b) Brief the practices", "b", "Brief the practices"),
    ("ii. Review the data", "ii", "Review the data"), ("an idea", None, "an idea"), ("A) Capital", None, "A) Capital"),
])
def test_split_sub_letter(text, ref, rest):
    assert split_sub_letter(text) == (ref, rest)


@pytest.mark.parametrize("text", ["TB-101", "INQ-01", "A-3", "REC 04"])
def test_a_code_joined_by_a_hyphen_is_a_ref(text):
    assert ref_cell(text) == text
