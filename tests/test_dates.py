"""parse_deadline, table-driven: (text as printed, paper date, status, due date, granularity)."""
import datetime as dt

import pytest

from boardpapers.extractors.interpret.dates import deadline_in_sentence, financial_year_of, parse_deadline

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
    # the year before the quarter; the middle of a year; several dates with a revision said
    ("FY25/26 Q1", P23, "date", D(2025, 6, 30), "quarter"),
    ("2025/26 Q2", P23, "date", D(2025, 9, 30), "quarter"),
    ("Mid-2025", P23, "date", D(2025, 6, 30), "month"),
    ("March 2025 (revised from Dec 2024)", P23, "date", D(2025, 3, 31), "month"),
    ("June 2024 / September 2024", P23, "date", D(2024, 9, 30), "month"),  # several dates: the latest
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

P19 = dt.date(2019, 11, 20)  # a November 2019 paper: financial year 2019/20
P24 = dt.date(2024, 2, 7)    # a February 2024 paper: financial year 2023/24

MORE_CASES = [
    # days, all the common UK spellings
    ("1 April 2020", P19, "date", D(2020, 4, 1), "day"),
    ("1st April 2020", P19, "date", D(2020, 4, 1), "day"),
    ("2nd Feb 2021", P19, "date", D(2021, 2, 2), "day"),
    ("3rd of March 2022", P19, "date", D(2022, 3, 3), "day"),
    ("22nd June", P19, "date", D(2019, 6, 22), "day"),
    ("31 Dec 2019", P19, "date", D(2019, 12, 31), "day"),
    ("31 December, 2019", P19, "date", D(2019, 12, 31), "day"),
    ("Sept 5 2020", P19, "date", D(2020, 9, 5), "day"),
    ("September 5, 2020", P19, "date", D(2020, 9, 5), "day"),
    ("5 Sept 2020", P19, "date", D(2020, 9, 5), "day"),
    ("01/04/2020", P19, "date", D(2020, 4, 1), "day"),
    ("1/4/20", P19, "date", D(2020, 4, 1), "day"),
    ("31/01/2020", P19, "date", D(2020, 1, 31), "day"),
    ("31.01.2020", P19, "date", D(2020, 1, 31), "day"),
    ("2020-01-31", P19, "date", D(2020, 1, 31), "day"),
    ("12/13/2020", P19, "date", D(2020, 12, 13), "day"),
    ("29/02/2020", P19, "date", D(2020, 2, 29), "day"),
    ("By 31 March 2020", P19, "date", D(2020, 3, 31), "day"),
    ("Before 1 June 2020", P19, "date", D(2020, 6, 1), "day"),
    ("no later than 15 January 2020", P19, "date", D(2020, 1, 15), "day"),
    ("Report due 14 February 2020", P19, "date", D(2020, 2, 14), "day"),
    ("Board on 28 May", P19, "date", D(2019, 5, 28), "day"),
    ("Fri 6 March 2020", P19, "date", D(2020, 3, 6), "day"),
    ("30th September 2021 (revised)", P19, "date", D(2021, 9, 30), "day"),
    ("9 Jan 24", P24, "date", D(2024, 1, 9), "day"),
    # months
    ("January 2020", P19, "date", D(2020, 1, 31), "month"),
    ("Jan 2020", P19, "date", D(2020, 1, 31), "month"),
    ("Jan. 2020", P19, "date", D(2020, 1, 31), "month"),
    ("JANUARY 2020", P19, "date", D(2020, 1, 31), "month"),
    ("February 2020", P19, "date", D(2020, 2, 29), "month"),
    ("Feb 21", P19, "date", D(2019, 2, 21), "day"),
    ("Feb-21", P19, "date", D(2021, 2, 28), "month"),
    ("Apr-20", P19, "date", D(2020, 4, 30), "month"),
    ("Oct 19", P19, "date", D(2019, 10, 19), "day"),
    ("End Dec 19", P19, "date", D(2019, 12, 31), "month"),  # the end of a month: the number is its year
    ("end of May 21", P19, "date", D(2021, 5, 31), "month"),
    ("End May 2nd", P19, "date", D(2019, 5, 2), "day"),
    ("Nov '20", P19, "date", D(2020, 11, 30), "month"),
    ("December", P19, "date", D(2019, 12, 31), "month"),
    ("March", P19, "date", D(2019, 3, 31), "month"),
    ("May", P19, "date", D(2019, 5, 31), "month"),
    ("end of March", P19, "date", D(2019, 3, 31), "month"),
    ("End March 2020", P19, "date", D(2020, 3, 31), "month"),
    ("end-March 2020", P19, "date", D(2020, 3, 31), "month"),
    ("beginning of April 2020", P19, "date", D(2020, 4, 10), "month"),
    ("start of May 2020", P19, "date", D(2020, 5, 10), "month"),
    ("early 2020 February", P19, "date", D(2020, 2, 29), "month"),
    ("mid June 2020", P19, "date", D(2020, 6, 20), "month"),
    ("middle of June 2020", P19, "date", D(2020, 6, 20), "month"),
    ("late September 2020", P19, "date", D(2020, 9, 30), "month"),
    ("By September 2020", P19, "date", D(2020, 9, 30), "month"),
    ("by end of October 2020", P19, "date", D(2020, 10, 31), "month"),
    ("From April 2020", P19, "ongoing", None, None),  # a start and no end: ongoing from then
    ("September 2020 meeting", P19, "date", D(2020, 9, 30), "month"),
    ("July Board", P19, "date", D(2019, 7, 31), "month"),
    ("To report to the March Board", P19, "date", D(2019, 3, 31), "month"),
    ("Completed by the end of June 2020", P19, "date", D(2020, 6, 30), "month"),
    ("Timeline: October 2020", P19, "date", D(2020, 10, 31), "month"),
    ("January – March 2020", P19, "date", D(2020, 3, 31), "month"),
    ("Jan-Mar 2020", P19, "date", D(2020, 3, 31), "month"),
    ("June to August 2020", P19, "date", D(2020, 8, 31), "month"),
    ("Oct 2019 – Jan 2020", P19, "date", D(2020, 1, 31), "month"),
    ("2020 review due in June", P19, "date", D(2020, 6, 30), "month"),
    # financial years
    ("2019/20", P19, "date", D(2020, 3, 31), "financial_year"),
    ("2019-20", P19, "date", D(2020, 3, 31), "financial_year"),
    ("2019/2020", P19, "date", D(2020, 3, 31), "financial_year"),
    ("FY2019/20", P19, "date", D(2020, 3, 31), "financial_year"),
    ("FY 19/20", P19, "date", D(2020, 3, 31), "financial_year"),
    ("FY20/21", P19, "date", D(2021, 3, 31), "financial_year"),
    ("financial year 2020/21", P19, "date", D(2021, 3, 31), "financial_year"),
    ("During 2020/21", P19, "date", D(2021, 3, 31), "financial_year"),
    ("By the end of 2020/21", P19, "date", D(2021, 3, 31), "financial_year"),
    ("In the 2021/22 plan", P19, "date", D(2022, 3, 31), "financial_year"),
    # quarters
    ("Q1 2020/21", P19, "date", D(2020, 6, 30), "quarter"),
    ("Q2 2020/21", P19, "date", D(2020, 9, 30), "quarter"),
    ("Q3 2020/21", P19, "date", D(2020, 12, 31), "quarter"),
    ("Q4 2020/21", P19, "date", D(2021, 3, 31), "quarter"),
    ("Q4 FY20/21", P19, "date", D(2021, 3, 31), "quarter"),
    ("Q1 FY 2024/25", P24, "date", D(2024, 6, 30), "quarter"),
    ("Q1", P19, "date", D(2019, 6, 30), "quarter"),
    ("Q2", P19, "date", D(2019, 9, 30), "quarter"),
    ("Q3", P19, "date", D(2019, 12, 31), "quarter"),
    ("Q4", P19, "date", D(2020, 3, 31), "quarter"),
    ("Q4", P24, "date", D(2024, 3, 31), "quarter"),
    ("end of Q2", P24, "date", D(2023, 9, 30), "quarter"),
    ("by end Q1", P24, "date", D(2023, 6, 30), "quarter"),
    ("Q1 2021", P19, "date", D(2021, 3, 31), "quarter"),
    ("Q2 2021", P19, "date", D(2021, 6, 30), "quarter"),
    ("Q4 2021", P19, "date", D(2021, 12, 31), "quarter"),
    ("q3 2020/21", P19, "date", D(2020, 12, 31), "quarter"),
    ("Quarter 2 2020/21", P19, "date", D(2020, 9, 30), "quarter"),
    ("Progress report in Q3 2020/21", P19, "date", D(2020, 12, 31), "quarter"),
    # halves
    ("H1 2020/21", P19, "date", D(2020, 9, 30), "half"),
    ("H2 2020/21", P19, "date", D(2021, 3, 31), "half"),
    ("H2", P19, "date", D(2020, 3, 31), "half"),
    # seasons
    ("Spring 2020", P19, "date", D(2020, 5, 31), "season"),
    ("spring", P19, "date", D(2019, 5, 31), "season"),
    ("Summer 2020", P19, "date", D(2020, 8, 31), "season"),
    ("summer 2021", P19, "date", D(2021, 8, 31), "season"),
    ("Autumn", P19, "date", D(2019, 11, 30), "season"),
    ("autumn 2020", P19, "date", D(2020, 11, 30), "season"),
    ("Winter 2019", P19, "date", D(2020, 2, 29), "season"),
    ("Winter 2020", P19, "date", D(2021, 2, 28), "season"),
    ("by Autumn 2020", P19, "date", D(2020, 11, 30), "season"),
    ("Consultation planned for the summer of 2023", P23, "date", D(2023, 8, 31), "season"),
    # weeks
    ("w/c 6 January 2020", P19, "date", D(2020, 1, 10), "week"),
    ("W/C 13 January 2020", P19, "date", D(2020, 1, 17), "week"),
    ("w/c 4 March", P19, "date", D(2019, 3, 8), "week"),
    ("wc 20 April 2020", P19, "date", D(2020, 4, 24), "week"),
    # years
    ("2020", P19, "date", D(2020, 12, 31), "year"),
    ("By 2025", P19, "date", D(2025, 12, 31), "year"),
    ("End of 2021", P19, "date", D(2021, 12, 31), "year"),
    # statuses: ongoing
    ("ongoing", P19, "ongoing", None, None),
    ("ONGOING", P19, "ongoing", None, None),
    ("On going", P19, "ongoing", None, None),
    ("Ongoing - reviewed monthly", P19, "ongoing", None, None),
    ("Continuous", P19, "ongoing", None, None),
    ("Continuing", P19, "ongoing", None, None),
    ("Annually", P19, "ongoing", None, None),
    ("Annual", P19, "ongoing", None, None),
    ("Weekly", P19, "ongoing", None, None),
    ("Bi-monthly", P19, "ongoing", None, None),
    ("Rolling programme", P19, "ongoing", None, None),
    ("As required", P19, "ongoing", None, None),
    # statuses: tba
    ("tba", P19, "tba", None, None),
    ("TBC", P19, "tba", None, None),
    ("T.B.C.", P19, "tba", None, None),
    ("TBD", P19, "tba", None, None),
    ("To be confirmed", P19, "tba", None, None),
    ("To be determined", P19, "tba", None, None),
    ("Date to be agreed", P19, "tba", None, None),
    ("Timing to be arranged", P19, "tba", None, None),
    ("ТВС", P19, "tba", None, None),  # Cyrillic Т, В, С
    ("tbс", P19, "tba", None, None),  # Cyrillic с
    # statuses: relative
    ("Next meeting", P19, "relative", None, None),
    ("At the next meeting", P19, "relative", None, None),
    ("Next Board meeting", P19, "relative", None, None),
    ("Verbal update at the meeting", P19, "relative", None, None),
    ("On publication of the national guidance", P19, "relative", None, None),
    ("Following the review", P19, "relative", None, None),
    ("Following Cabinet approval", P19, "relative", None, None),
    ("In line with the programme plan", P19, "relative", None, None),
    ("Subject to funding", P19, "relative", None, None),
    ("Once the post is filled", P19, "relative", None, None),
    ("Dependent on the outcome of the bid", P19, "relative", None, None),
    ("When available", P19, "relative", None, None),
    # statuses: none
    ("complete", P19, "none", None, None),
    ("Completed", P19, "none", None, None),
    ("COMPLETE", P19, "none", None, None),
    ("In place", P19, "none", None, None),
    ("n/a", P19, "none", None, None),
    ("Not applicable", P19, "none", None, None),
    ("Done", P19, "none", None, None),
    ("Achieved", P19, "none", None, None),
    ("Closed", P19, "none", None, None),
    ("-", P19, "none", None, None),
    ("   ", P19, "none", None, None),
    # things that are not dates
    ("Phase 3", P19, "none", None, None),
    ("Stage 2 of 4", P19, "none", None, None),
    ("Item 4.10", P19, "none", None, None),
    ("Recommendation 12.3", P19, "none", None, None),
    ("250 homes", P19, "none", None, None),
    ("£1,500", P19, "none", None, None),
    ("45%", P19, "none", None, None),
    ("Rod Moore", P19, "none", None, None),
    ("Chief Executive", P19, "none", None, None),
    ("See action 3", P19, "none", None, None),
    ("Ward 12", P19, "none", None, None),
    ("The team may need more time", P19, "none", None, None),
    ("We will march on", P19, "none", None, None),
    ("Version 2.1", P19, "none", None, None),
    ("Room 2020", P19, "date", D(2020, 12, 31), "year"),  # a bare year is read as a year, even here
]


@pytest.mark.parametrize("text, paper, status, due, granularity", MORE_CASES)
def test_parse_deadline_more(text, paper, status, due, granularity):
    deadline = parse_deadline(text, paper)
    assert (deadline.status, deadline.due, deadline.granularity) == (status, due, granularity)


def test_there_are_over_two_hundred_cases():
    assert len(CASES) + len(MORE_CASES) >= 200


def test_a_range_never_ends_before_it_starts():
    d = parse_deadline("Mar-14 – H2", dt.date(2000, 1, 1))  # found by hypothesis
    assert d.start <= d.due and d.due == D(2014, 3, 31)


@pytest.mark.parametrize("sentence, phrase", [
    ("The plan should be produced by the end of 2008, setting out who leads.", "by the end of 2008"),
    ("Share the handbook with staff by the end of June 2015.", "by the end of June 2015"),
    ("The completion date has been extended to March 2025 after the review.", "March 2025"),
    ("Action target date: 31/03/25", "31/03/25"),
    ("The team will report in May 2025 on progress.", None),  # a date, but not a due date
    ("Reviewed for the next update April 2018.", None),
    (None, None),
])
def test_due_phrase_in_a_sentence(sentence, phrase):
    from boardpapers.extractors.interpret.dates import due_phrase

    assert due_phrase(sentence) == phrase


@pytest.mark.parametrize("text, paper, due", [
    ("the end of the financial year", dt.date(2025, 3, 4), dt.date(2025, 3, 31)),
    ("End of this financial year", dt.date(2024, 6, 1), dt.date(2025, 3, 31)),
    ("Year end", dt.date(2024, 4, 1), dt.date(2025, 3, 31)),
])
def test_the_papers_own_financial_year_end(text, paper, due):
    from boardpapers.extractors.interpret.dates import parse_deadline

    assert parse_deadline(text, paper).due == due


def test_a_date_revised_to_the_year_end_is_due_then():
    from boardpapers.extractors.interpret.dates import due_phrase

    assert due_phrase("Work began, with the target date revised to the end of the financial year.") == \
        "the end of the financial year"


def test_every_pattern_kind_has_its_period_builder():
    from boardpapers.extractors.interpret import dates

    kinds = {kind for kind, _ in dates._PATTERNS} - {"week"}  # a week is built from the day inside it
    assert kinds == set(dates._BUILDERS)


def test_a_status_phrase_in_a_sentence_is_a_whole_phrase():
    assert deadline_in_sentence("Members asked that the next return include the spend.") is None
    assert deadline_in_sentence("Report back at the next meeting.") == "at the next meeting"


@pytest.mark.parametrize("text, status", [
    ("Next HWB meeting", "relative"), ("next Quality Committee", "relative"), ("Next steps agreed", "none"),
    ("July 2025 (next board)", "date"),
])
def test_the_next_meeting_of_any_body_is_a_relative_deadline(text, status):
    assert parse_deadline(text).status == status


@pytest.mark.parametrize("text, status", [
    ("Within 3 months", "relative"), ("6 months from approval", "relative"), ("Within March 2026", "date"),
])
def test_a_span_of_time_from_no_date_is_relative(text, status):
    assert parse_deadline(text).status == status
