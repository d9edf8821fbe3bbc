"""parse_deadline, table-driven: (text as printed, paper date, status, due date, granularity)."""
import datetime as dt

import pytest

from extractors.dates import financial_year_of, parse_deadline

P07 = dt.date(2007, 7, 25)   # a July 2007 paper
P23 = dt.date(2023, 5, 31)
D = dt.date

CASES = [
    # days
    ("16 May 2007", P07, "date", D(2007, 5, 16), "day"),
    ("16th May", P07, "date", D(2007, 5, 16), "day"),
    ("May 21 CMT", P07, "date", D(2007, 5, 21), "day"),
    ("16/05/2007", P07, "date", D(2007, 5, 16), "day"),
    ("16.05.07", P07, "date", D(2007, 5, 16), "day"),
    ("2007-05-16", P07, "date", D(2007, 5, 16), "day"),
    ("05/16/2007", P07, "date", D(2007, 5, 16), "day"),  # day-first unless impossible
    ("30.06.19", P07, "date", D(2019, 6, 30), "day"),
    ("By 1st March 2024", P23, "date", D(2024, 3, 1), "day"),
    # months
    ("September 2007", P07, "date", D(2007, 9, 30), "month"),
    ("Sept 07", P07, "date", D(2007, 9, 30), "month"),
    ("Mar-14", P07, "date", D(2014, 3, 31), "month"),
    ("Dec 09", P07, "date", D(2009, 12, 31), "month"),
    ("June", P07, "date", D(2007, 6, 30), "month"),
    ("End of May 2007", P07, "date", D(2007, 5, 31), "month"),
    ("End May 2007", P07, "date", D(2007, 5, 31), "month"),
    ("Launch late June", P07, "date", D(2007, 6, 30), "month"),
    ("early June 2010", P07, "date", D(2010, 6, 10), "month"),
    ("mid-July 2010", P07, "date", D(2010, 7, 20), "month"),
    ("February 2024", P23, "date", D(2024, 2, 29), "month"),
    ("August 2007 board meeting", P07, "date", D(2007, 8, 31), "month"),
    ("for the September meeting", P07, "date", D(2007, 9, 30), "month"),
    ("September Health and Wellbeing Partnership", P07, "date", D(2007, 9, 30), "month"),
    ("April 2010 onwards", P07, "date", D(2010, 4, 30), "month"),
    ("2010 conference planned for March", P07, "date", D(2010, 3, 31), "month"),
    # financial years, quarters, halves
    ("2010/11", P07, "date", D(2011, 3, 31), "financial_year"),
    ("2010-11", P07, "date", D(2011, 3, 31), "financial_year"),
    ("FY 2010/11", P07, "date", D(2011, 3, 31), "financial_year"),
    ("FY23/24", P23, "date", D(2024, 3, 31), "financial_year"),
    ("end of 2019/20", P07, "date", D(2020, 3, 31), "financial_year"),
    ("Q3 2010/11", P07, "date", D(2010, 12, 31), "quarter"),
    ("Q4 2010/11", P07, "date", D(2011, 3, 31), "quarter"),
    ("Q1 2023/24", P23, "date", D(2023, 6, 30), "quarter"),
    ("Q3 2023", P23, "date", D(2023, 9, 30), "quarter"),
    ("by the end of Q3", P07, "date", D(2007, 12, 31), "quarter"),
    ("Q4", P07, "date", D(2008, 3, 31), "quarter"),
    ("H1 2024/25", P23, "date", D(2024, 9, 30), "half"),
    ("H2 2024/25", P23, "date", D(2025, 3, 31), "half"),
    # seasons, weeks, ranges
    ("Spring 2021", P07, "date", D(2021, 5, 31), "season"),
    ("summer", P23, "date", D(2023, 8, 31), "season"),
    ("Autumn 2022", P07, "date", D(2022, 11, 30), "season"),
    ("winter 2023", P23, "date", D(2024, 2, 29), "season"),
    ("w/c 15 April 2024", P23, "date", D(2024, 4, 19), "week"),
    ("w/c 9 September 2019", P23, "date", D(2019, 9, 13), "week"),
    ("April–June 2010", P07, "date", D(2010, 6, 30), "month"),
    ("April to June 2010", P07, "date", D(2010, 6, 30), "month"),
    # in a sentence
    ("First pilot by June 2010", P07, "date", D(2010, 6, 30), "month"),
    ("Neighbourhood Index completed by January 2010", P07, "date", D(2010, 1, 31), "month"),
    ("no later than 31 March 2024", P23, "date", D(2024, 3, 31), "day"),
    # statuses
    ("Ongoing", P07, "ongoing", None, None),
    ("On-going", P07, "ongoing", None, None),
    ("Ongoing – building on successful 2009 programme", P07, "ongoing", None, None),
    ("Monthly", P07, "ongoing", None, None),
    ("Quarterly", P07, "ongoing", None, None),
    ("continuous", P07, "ongoing", None, None),
    ("TBA", P07, "tba", None, None),
    ("ТВА", P07, "tba", None, None),  # Cyrillic letters
    ("TBC", P07, "tba", None, None),
    ("To be agreed", P07, "tba", None, None),
    ("Timescale to be agreed", P07, "tba", None, None),
    ("To be arranged", P07, "tba", None, None),
    ("next meeting", P07, "relative", None, None),
    ("Verbal update", P07, "relative", None, None),
    ("In line with above timetable", P07, "relative", None, None),
    ("On publication of the guidance", P07, "relative", None, None),
    ("Complete", P07, "none", None, None),
    ("In place", P07, "none", None, None),
    ("N/A", P07, "none", None, None),
    ("", P07, "none", None, None),
    (None, P07, "none", None, None),
    # must not parse
    ("Phase 2", P07, "none", None, None),
    ("Section 4.3", P07, "none", None, None),
    ("100 staff", P07, "none", None, None),
    ("See recommendation 2.1", P07, "none", None, None),
    ("£2010 budget line", P07, "none", None, None),
]


@pytest.mark.parametrize("text, paper, status, due, granularity", CASES)
def test_parse_deadline(text, paper, status, due, granularity):
    deadline = parse_deadline(text, paper)
    assert deadline.status == status
    assert deadline.due == due
    assert deadline.granularity == granularity
    if due is not None:
        assert deadline.start <= deadline.due


def test_text_is_kept_as_printed():
    assert parse_deadline("  End of   May 2007 ", P07).text == "End of May 2007"
    assert parse_deadline("ТВА", P07).text == "ТВА"


def test_revised_date_wins_and_original_is_kept():
    d = parse_deadline("Dec 2007, revised to March 2008", P07)
    assert d.due == D(2008, 3, 31)
    assert d.original is not None and d.original.due == D(2007, 12, 31)


def test_span_points_at_the_date():
    text = "First pilot by June 2010"
    d = parse_deadline(text, P07)
    assert text[d.span[0]: d.span[1]] == "June 2010"


def test_year_left_out_without_a_paper_date_gives_no_date():
    assert parse_deadline("June", None).due is None


@pytest.mark.parametrize("day, fy", [(D(2023, 3, 31), 2022), (D(2023, 4, 1), 2023), (D(2024, 1, 5), 2023)])
def test_financial_year_of(day, fy):
    assert financial_year_of(day) == fy
