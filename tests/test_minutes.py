import datetime as dt

from boardpapers.extractors.find.minutes import find_minute_actions
from boardpapers.schema.models import Paragraph


def actions(*texts):
    plans = find_minute_actions([Paragraph(text=t) for t in texts], "m.txt", dt.date(2023, 5, 10))
    return [(i.ref, i.action, i.owner, i.deadline) for p in plans for i in p.items]


def test_inline_actions_with_owner_and_deadline():
    assert actions("4.2 Terms agreed. ACTION: PS to circulate the terms by 30 June 2023.") == [
        ("4.2", "PS to circulate the terms by 30 June 2023.", "PS", "by 30 June 2023")]  # the whole anchored phrase
    assert actions("Action: Director of Estates to report to the next meeting.") == [
        (None, "Director of Estates to report to the next meeting.", "Director of Estates", "to the next meeting")]


def test_two_actions_in_one_minute():
    found = actions("6.1 Noted. ACTION: JW to review risks in July. ACTION: CFO to publish the plan.")
    assert [f[1] for f in found] == ["JW to review risks in July.", "CFO to publish the plan."]


def test_prose_about_actions_is_not_an_action():
    assert actions("The chair thanked members for their actions.", "Recommended action: to note the report.") == []


MINUTES = b"""Trust Board minutes, 7 March 2024

24/118 Finance report

Action: A briefing note on agency spend to be provided for the May meeting.

Action: JB and KL to report back on the capital programme by the end of Q2.

24/119 Any other business

ACTION: PS to circulate the revised terms of reference by Tuesday 4 April.
"""


def test_minute_numbers_passive_subjects_and_anchored_deadlines():
    from boardpapers.ingest.export import document_records
    from boardpapers.ingest.pipeline import extract_document

    items = document_records(extract_document(MINUTES, "minutes.txt"))
    assert [(i["ref"], i["owners"], i["deadline_text"], i["deadline"]) for i in items] == [
        ("24/118", [], "for the May meeting", "2024-05-31"),  # "A briefing note … to be provided": nobody is named
        ("24/118", ["JB", "KL"], "by the end of Q2", "2023-09-30"),
        ("24/119", ["PS"], "by Tuesday 4 April", "2024-04-04"),
    ]


def test_the_deadline_is_the_whole_anchored_phrase():
    import datetime as dt

    from boardpapers.extractors.interpret.dates import deadline_in_sentence

    paper = dt.date(2025, 3, 4)
    phrases = {"JM and RP to meet the society before the next meeting.": "before the next meeting",
               "Treasurer to report back for the May meeting.": "for the May meeting",
               "Clerk to write to the owner by Tuesday 4 April.": "by Tuesday 4 April",
               "AB to circulate the policy by the end of Q2.": "by the end of Q2"}
    for sentence, phrase in phrases.items():
        assert deadline_in_sentence(sentence, paper) == phrase, sentence


def test_an_action_label_over_a_report_of_the_past_is_no_action():
    import datetime as dt

    from boardpapers.extractors.find.minutes import reports_the_past

    paper = dt.date(2021, 5, 1)
    assert reports_the_past("In February 2019 the city banned junk food adverts on buses.", paper)
    assert not reports_the_past("In June 2021 the board will review the ban.", paper)  # after the paper: a plan
    assert not reports_the_past("JB to report in February 2019.", paper)  # the date is no opener
    assert actions("Action: In February 2019 the city banned junk food adverts on buses.") == []


def test_a_date_that_names_what_the_action_is_about_is_no_deadline():
    import datetime as dt

    from boardpapers.extractors.interpret.dates import deadline_in_sentence

    paper = dt.date(2025, 3, 4)
    assert deadline_in_sentence("CFO to present the 2024/25 accounts to the committee.", paper) is None
    assert deadline_in_sentence("Clerk to circulate the minutes of 12 February.", paper) is None
    assert deadline_in_sentence("Clerk to bring the 2025/26 budget to the May meeting.", paper) == "to the May meeting"
    assert deadline_in_sentence("AB to write to the owner, 14 March.", paper) == "14 March"


def test_an_action_reported_in_the_past_is_no_action_even_without_the_paper_s_date():
    blocks = [Paragraph(text="Action: In February 2019 the city council implemented a ban on junk food adverts.",
                        page=1, line=1)]
    assert find_minute_actions(blocks, "chapter.txt", None) == []


def test_an_actions_line_lists_the_actions_below_it_while_they_name_who_acts():
    lines = ["5. Finance report", "The committee noted the position.", "Actions:",
             "JB to circulate the revised savings plan by 31 October 2025",
             "KL to meet the auditors before the next meeting", "The meeting closed at noon."]
    blocks = [Paragraph(text=t, page=1, line=n) for n, t in enumerate(lines, 1)]
    plans = find_minute_actions(blocks, "minutes.txt", dt.date(2025, 10, 22))
    assert [(i.ref, i.owner, i.deadline, i.provenance.line) for p in plans for i in p.items] == [
        ("5", "JB", "by 31 October 2025", 4), ("5", "KL", "before the next meeting", 5)]
