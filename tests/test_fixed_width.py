from boardpapers.extractors.read.fixed_width import column_starts, cut, fixed_width_to_tabs

LOG = """Title of the log
 NO    ITEM         ACTION                       LEAD   DUE
 Spring 2020
 1.1   Estates      Fix the roof of the          KD     May
                    day centre
 1.2   Staff        Run the survey               HR     June
 1.3   Finance      Agree the budget             CF     July
Closing words."""


def test_columns_come_from_the_gutters_of_the_wide_lines():
    wide = [line for line in LOG.splitlines() if line.count("  ") >= 2 and "Title" not in line][:1]
    wide += [" 1.2   Staff        Run the survey               HR     June"]
    assert column_starts(wide) == [1, 7, 20, 49, 56]


def test_a_word_across_a_column_start_stays_in_the_column_it_begins_in():
    assert cut(" Spring 2020 x", [1, 7, 12]) == ["Spring", "2020", "x"]
    assert cut(" Springtime x", [1, 7, 12]) == ["Springtime", "", "x"]


def test_wrapped_cells_join_their_row_and_a_lone_first_cell_is_a_heading():
    lines = fixed_width_to_tabs(LOG.splitlines())
    assert [(l.number, l.heading, l.text.split("\t")) for l in lines] == [
        (1, False, ["Title of the log"]),
        (2, False, ["NO", "ITEM", "ACTION", "LEAD", "DUE"]),
        (3, True, ["Spring 2020", "", "", "", ""]),
        (4, False, ["1.1", "Estates", "Fix the roof of the day centre", "KD", "May"]),
        (6, False, ["1.2", "Staff", "Run the survey", "HR", "June"]),
        (7, False, ["1.3", "Finance", "Agree the budget", "CF", "July"]),
        (8, False, ["Closing words."]),
    ]


def test_prose_with_double_spaces_is_left_alone():
    prose = ["The board met.  It agreed the plan.", "Members asked  for a report.", "Nothing else."]
    assert [l.text for l in fixed_width_to_tabs(prose)] == prose


def test_a_column_a_space_out_of_line_on_one_row_still_parts_from_its_neighbour():
    lines = ["Item   Action                 Owner       By          Update",
             "1      Map the school routes  Sgt Rowe    July 2024   Mapping started",
             "2      Fund the lighting      Highways    Autumn      Bid submitted",
             "3      Run an amnesty          PC Adeyemi  31/08/2024  Bins ordered"]  # typed one space over
    rows = [line.text.split("\t") for line in fixed_width_to_tabs(lines)]
    assert rows[0] == ["Item", "Action", "Owner", "By", "Update"]
    assert rows[3] == ["3", "Run an amnesty", "PC Adeyemi", "31/08/2024", "Bins ordered"]
