"""Rows whose columns nothing but single spaces part, read by typed spans in the header's order."""
import datetime as dt

from boardpapers.extractors.find.spans import find_delimited_rows, find_span_rows, header_fields, type_span
from boardpapers.schema.models import Paragraph


def test_header_labels_are_cut_to_name_the_most_fields():
    assert header_fields("Item Action Owner By Update") == ["ref", "action", "owner", "deadline", "progress"]
    assert header_fields("Ref Source (agenda title / item) Action Lead Due Date Status Open/ Close") == [
        "ref", "recommendation", "action", "owner", "deadline", "progress", None]
    assert header_fields("No Raised at (meeting / date) Action Lead Due Date") == [
        "ref", None, "action", "owner", "deadline"]


def _rows(*lines):
    blocks = [Paragraph(text=t, page=1, line=n) for n, t in enumerate(lines, 1)]
    plans, used = find_span_rows(blocks, "log.txt", dt.date(2024, 10, 2))
    return [(i.ref, i.recommendation, i.action, i.owner, i.deadline, i.progress, i.provenance.line)
            for p in plans for i in p.items], used


def test_the_owner_closes_the_prose_and_a_date_or_a_new_sentence_follows():
    rows, used = _rows(
        "Ref Source Action Lead Due Date Status",
        "3.1 Board, 03.07.2024, Finance Report Provide a breakdown of spend by ward DoF 02.10.2024 In the report.",
        "3.2 Board, 03.07.2024, quality account Ask the AD to confirm the priorities CN/DoQ Verbal update",
        "to follow.",
    )
    assert rows == [
        ("3.1", "Board, 03.07.2024, Finance Report", "Provide a breakdown of spend by ward", "DoF", "02.10.2024",
         "In the report.", 2),
        # "AD" inside the action is not the owner: a capitalised word precedes it
        ("3.2", "Board, 03.07.2024, quality account", "Ask the AD to confirm the priorities", "CN/DoQ", None,
         "Verbal update to follow.", 3),
    ]
    assert used == {1, 2, 3}


def test_names_and_roles_before_a_date_are_owners():
    rows, _ = _rows("Item Action Owner By Update",
                    "1 Map the routes used after school Kim Rowe July 2024 Started",
                    "2 Run a knife amnesty PC Adeyemi 31/08/2024 Bins ordered")
    assert [(r[2], r[3], r[4], r[5]) for r in rows] == [
        ("Map the routes used after school", "Kim Rowe", "July 2024", "Started"),
        ("Run a knife amnesty", "PC Adeyemi", "31/08/2024", "Bins ordered")]


def test_no_header_of_labels_no_rows():
    rows, used = _rows("The board met on 3 July.", "1 member was absent and DoF 02.10.2024 sent apologies.",
                       "2 items were deferred.")
    assert rows == [] and used == set()


def test_rows_without_refs_are_a_line_each_while_they_read_as_rows():
    rows, used = _rows("Action Owner By Update",
                       "Map the routes used after school Kim Rowe July 2024 Mapping started",
                       "Run a knife amnesty in the town PC Adeyemi 31/08/2024 Bins ordered",
                       "The partnership thanked the police for their work.")
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in rows] == [
        (None, "Map the routes used after school", "Kim Rowe", "July 2024", "Mapping started"),
        (None, "Run a knife amnesty in the town", "PC Adeyemi", "31/08/2024", "Bins ordered")]
    assert used == {1, 2}


def test_a_span_is_typed_by_the_interpret_stage_recognisers():
    kinds = {text: type_span(text) for text in ["4.2", "Amber", "by March 2025", "Ongoing", "Digital Lead",
                                               "Extend the pilot to all practices", "review data monthly",
                                               ]}
    assert kinds == {"4.2": "ref", "Amber": "rating", "by March 2025": "date", "Ongoing": "date",
                     "Digital Lead": "owner", "Extend the pilot to all practices": "prose",
                     "review data monthly": "prose"}


def _delimited(*lines):
    blocks = [Paragraph(text=t, page=1, line=n) for n, t in enumerate(lines, 1)]
    plans, used = find_delimited_rows(blocks, "list.txt")
    return [(i.action, i.owner, i.deadline, i.rag, i.progress, i.provenance.line) for p in plans for i in p.items], used


def test_lines_cut_the_same_way_into_typed_parts_are_rows():
    rows, used = _delimited("Actions:", "Open a hub – Hubs Lead – by May 2025 – Green",
                            "Train the staff in advice – HR Manager – June 2025 – Red", "Thanks to all.")
    assert rows == [("Open a hub", "Hubs Lead", "by May 2025", "Green", None, 2),
                    ("Train the staff in advice", "HR Manager", "June 2025", "Red", None, 3)]
    assert used == {1, 2}


def test_one_such_line_or_lines_cut_differently_are_no_rows():
    assert _delimited("Open a hub – Hubs Lead – by May 2025")[0] == []
    assert _delimited("Open a hub – Hubs Lead – by May 2025", "Train the staff – June 2025 – HR Manager")[0] == []
    assert _delimited("The council – with its partners – will act by 2030",
                      "Our vision – healthier lives – for everyone by 2030")[0] == []


def test_a_numbered_line_with_its_owner_and_date_in_brackets_is_a_row():
    rows, _ = _delimited("1. Publish the waiting data (Director of Primary Care, April 2025)",
                         "2. Review the referral pathway (Chief Pharmacist, June 2025)",
                         "3. See the appendix (page 4)")
    assert rows == [("Publish the waiting data", "Director of Primary Care", "April 2025", None, None, 1),
                    ("Review the referral pathway", "Chief Pharmacist", "June 2025", None, None, 2)]


def test_a_row_may_open_with_who_and_label_its_parts():
    rows, _ = _delimited("JB – circulate the revised terms – 30 September 2025",
                         "All – send comments on the plan – next meeting")
    assert rows == [("circulate the revised terms", "JB", "30 September 2025", None, None, 1),
                    ("send comments on the plan", "All", "next meeting", None, None, 2)]
    rows, _ = _delimited("Replace the bins (Lead: Town Clerk, by November 2025)",
                         "Survey the trees (Lead: Groundsman, by January 2026)")
    assert [r[:3] for r in rows] == [("Replace the bins", "Town Clerk", "by November 2025"),
                                     ("Survey the trees", "Groundsman", "by January 2026")]


def test_a_task_and_who_does_it_is_a_row_of_two_parts_but_a_theme_s_name_is_not():
    rows, _ = _delimited("Circulate the revised terms – JB", "Book the room for the briefing – Practice Manager")
    assert [r[:2] for r in rows] == [("Circulate the revised terms", "JB"),
                                     ("Book the room for the briefing", "Practice Manager")]
    assert _delimited("Giving every child the best start – Starting Well",
                      "Helping people stay healthy at work – Living Well")[0] == []
    assert _delimited("70 Outcomes Framework. Data from 2021 to 2023 – OHID",
                      "71 Outcomes Framework. Data from 2018 to 2020 – OHID")[0] == []
    assert _delimited("Life expectancy increased from 77.3 years – 2001-2003",
                      "Life expectancy rose to 80.5 years – 2015-2017")[0] == []


def test_a_status_word_is_where_a_row_stands_not_who_owns_it():
    assert type_span("Open") == "status" and type_span("On track") == "status"
    rows, _ = _delimited("Open a new hub | Hubs Lead | by May 2025 | Open",
                         "Train the staff in advice | HR Manager | June 2025 | Closed")
    assert [(r[1], r[4]) for r in rows] == [("Hubs Lead", "Open"), ("HR Manager", "Closed")]


def test_a_rating_in_brackets_closing_a_part_is_a_part_of_its_own():
    rows, _ = _delimited("Open a new hub – Hubs Lead – March 2026 [Amber]",
                         "Train the staff in advice – HR Manager – June 2026 (G)")
    assert [(r[2], r[3]) for r in rows] == [("March 2026", "Amber"), ("June 2026", "G")]
