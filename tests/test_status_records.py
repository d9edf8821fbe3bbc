"""Actions reported under the risk they address, each as a status word, a bold title and a paragraph."""
from boardpapers.extractors.find.status_records import find_status_records
from boardpapers.schema.models import Paragraph


def P(text, bold=False):
    return Paragraph(text=text, bold=bold)


BLOCKS = [
    P("Mitigating actions", bold=True),
    P("The actions below were due for review this quarter."),
    P("RSK0012: Recruitment and retention of care staff", bold=True),
    P("Complete"),
    P("Launch a refer-a-friend scheme", bold=True),
    P("The scheme opened in June and has brought in fourteen staff."),
    P("Partially Complete"),
    P("Pay review for night workers has begun; the completion date has been extended to March 2025."),
    P("RSK0020: Ageing fleet of vehicles", bold=True),
    P("Regular Review The replacement programme is reviewed each quarter."),
]


def test_status_records_under_coded_headings():
    (plan,) = find_status_records(BLOCKS, "report.pdf")
    assert [(i.ref, i.recommendation, i.action, i.progress, i.deadline) for i in plan.items] == [
        ("RSK0012", "Recruitment and retention of care staff", "Launch a refer-a-friend scheme",
         "Complete The scheme opened in June and has brought in fourteen staff.", None),
        ("RSK0012", "Recruitment and retention of care staff", None,
         "Partially Complete Pay review for night workers has begun; the completion date has been extended to "
         "March 2025.", "March 2025"),
        ("RSK0020", "Ageing fleet of vehicles", None,
         "Regular Review The replacement programme is reviewed each quarter.", None),
    ]


def test_a_status_word_in_prose_without_a_coded_heading_is_nothing():
    assert find_status_records([P("Complete"), P("The survey is done."), P("Ongoing"), P("More to do.")],
                               "x.pdf") == []
