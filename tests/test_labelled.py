"""Labelled records in every format: the labels mean what table headers mean."""
import pytest

from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document
from tests.readers import docx_bytes


def _items(data: bytes, name: str):
    return [(i["ref"], i["action"], i["owners"], i["deadline"], i["progress"], i["rag"])
            for i in document_records(extract_document(data, name))]


EMAIL = b"""Subject: actions from the estates group, 3 March 2024

ACTION 12/24: Fix the leaking roof over the day centre. Owner: Facilities Manager Due: 30 April 2024
ACTION 13/24: Order new signs for the car park. Owner: JB Due: May 2024 Status: Quotes in hand
Thanks, and see you next month.
"""


def test_e_mailed_action_lines():
    assert _items(EMAIL, "actions.txt") == [
        ("12/24", "Fix the leaking roof over the day centre.", ["Facilities Manager"], "2024-04-30", None, None),
        ("13/24", "Order new signs for the car park.", ["JB"], "2024-05-31", "Quotes in hand", None),
    ]


def _key_value_tables(document):
    document.add_paragraph("Action log, June 2023")
    for action, lead, when, rating in [("Recruit two health visitors.", "Head of Nursing", "September 2023", "Amber"),
                                       ("Publish the school nurse leaflet.", "Comms Team", "July 2023", "Green")]:
        table = document.add_table(rows=4, cols=2)
        for row, (label, value) in zip(table.rows, [("Action", action), ("Lead", lead), ("By when", when),
                                                    ("RAG", rating)]):
            row.cells[0].text, row.cells[1].text = label, value
        document.add_paragraph("")


def test_a_word_table_of_labels_per_action():
    assert _items(docx_bytes(_key_value_tables), "log.docx") == [
        (None, "Recruit two health visitors.", ["Head of Nursing"], "2023-09-30", None, "amber"),
        (None, "Publish the school nurse leaflet.", ["Comms Team"], "2023-07-31", None, "green"),
    ]


CARDS = """<html><head><meta charset="utf-8"></head><body><h1>Actions</h1>
<article><h3>Open the new clinic on Saturdays</h3>
<dl><dt>Owner</dt><dd>Clinic Manager</dd><dt>Due</dt><dd>Q2 2024/25</dd><dt>Status</dt><dd>Rota drafted</dd></dl></article>
<article><h3>Text patients a day before</h3>
<dl><dt>Owner</dt><dd>Digital Lead</dd><dt>Due</dt><dd>March 2025</dd></dl></article>
</body></html>""".encode()


def test_html_cards_with_definition_lists():
    assert _items(CARDS, "cards.html") == [
        (None, "Open the new clinic on Saturdays", ["Clinic Manager"], "2024-09-30", "Rota drafted", None),
        (None, "Text patients a day before", ["Digital Lead"], "2025-03-31", None, None),
    ]


NESTED = b"""# Delivery actions

- **Map every warm space in the borough**
  - Owner: Community Hubs Lead
  - Due: November 2023
- **Train library staff in money advice**
  - Owner: Libraries Manager
  - Due: January 2024
"""


def test_a_markdown_list_with_labelled_sub_items():
    assert _items(NESTED, "plan.md") == [
        (None, "Map every warm space in the borough", ["Community Hubs Lead"], "2023-11-30", None, None),
        (None, "Train library staff in money advice", ["Libraries Manager"], "2024-01-31", None, None),
    ]


@pytest.mark.parametrize("text", [
    b"Recommendation: That the board notes the report.\n\nThe report sets out the year's work.\n",
    b"Offences by age\n\nNote: numbers are small and have been rounded.\n\nMost incidents were in town.\n",
    b"Actions Required\n\nLead Officer(s)\n\nProgress\n\n1. Devise a policy\n",
])
def test_narrative_and_flattened_headers_are_not_records(text):
    assert _items(text, "note.txt") == []


def test_an_action_record_in_minutes_takes_the_number_of_its_minute():
    from boardpapers.ingest.export import document_records
    from boardpapers.ingest.pipeline import extract_document

    text = b"""Minutes of the Board, 6 March 2024

24/032 Infection control
The report was noted.
Action: Share the learning with every ward.
Responsible Officer: Director of Nursing
Deadline: 30 April 2024

24/033 Finance
Action: Bring a plan on agency spend to the May meeting.
Responsible Officer: Director of Finance
Deadline: May 2024
"""
    items = document_records(extract_document(text, "minutes.txt"))
    assert [(i["ref"], i["owners"], i["deadline"]) for i in items] == [
        ("24/032", ["Director of Nursing"], "2024-04-30"), ("24/033", ["Director of Finance"], "2024-05-31")]


def test_an_email_subject_is_no_recommendation_and_a_title_s_code_is_the_ref():
    email = ("From: Clerk\nSubject: Actions from the panel, 3 October 2024\n\n"
             "ACTION 24/31: Circulate the fees schedule.\nOwner: Finance Manager\nDue: 17 October 2024\n")
    (item,) = document_records(extract_document(email.encode(), "actions.txt"))
    assert (item["ref"], item["recommendation"]) == ("24/31", None)
    listed = ("# Actions\n\n- **Q1. Publish the ulcer audit.**\n  - Owner: Deputy Chief Nurse\n  - Due: February 2025\n"
              "- **Q2. Agree a falls policy.**\n  - Owner: Chief Nurse\n  - Due: March 2025\n")
    assert [(i[0], i[1]) for i in _items(listed.encode(), "actions.md")] == [
        ("Q1", "Publish the ulcer audit."), ("Q2", "Agree a falls policy.")]


def test_a_rating_under_a_status_label_or_alone_in_a_card_is_the_rating():
    record = ("Garside Council\n\nReference: AUD-07\nAgreed action: Reconcile the rents ledger.\n"
              "Officer responsible: Rents Manager\nLatest position: Two done.\nStatus: Amber\n")
    (item,) = _items(record.encode(), "actions.txt")
    assert item[4:] == ("Two done.", "amber")
    card = ("<html><body><article><h3>C-01 Switch the fleet to electric vans</h3><p>Lead: Fleet Manager</p>"
            "<p>Due: March 2027</p><p><span class='badge'>Amber</span></p></article></body></html>")
    (item,) = _items(card.encode(), "cards.html")
    assert (item[0], item[1], item[5]) == ("C-01", "Switch the fleet to electric vans", "amber")


def test_a_log_of_records_takes_the_paper_s_heading_as_its_plan_title():
    page = (b"<html><body><h1>Climate action tracker</h1><h3>C-01 Switch the fleet</h3><p>Lead: Fleet Manager</p>"
            b"<p>Due: March 2027</p></body></html>")
    (plan,) = extract_document(page, "cards.html").plans
    assert plan.title == "Climate action tracker"


def test_a_card_s_unlabelled_update_is_its_progress_but_an_email_s_closing_line_is_not():
    cards = (b"<html><body><h1>Tracker</h1><h3>C-01 Switch the fleet</h3><p>Lead: Fleet Manager</p>"
             b"<p>Due: March 2027</p><p>Twelve of forty vans replaced.</p>"
             b"<h3>C-02 Insulate homes</h3><p>Lead: Housing</p><p>Due: 2030</p></body></html>")
    assert [(i[0], i[4]) for i in _items(cards, "cards.html")] == [("C-01", "Twelve of forty vans replaced."),
                                                                   ("C-02", None)]
    email = (b"ACTION 24/09: Write to tenants. Owner: JT Due: TBC\n\nThe next meeting is on 8 April.\n\n"
             b"Regards,\nGovernance Office\n")
    assert [i[4] for i in _items(email, "actions.txt")] == [None]


def test_a_year_opening_a_sentence_is_no_labelled_record():
    from boardpapers.extractors.find.labelled import split_label

    assert split_label("By 2025 – over one million people could have dementia.") is None
    assert split_label("ACTION 24/31: Circulate the fees schedule.")[:2] == ("action", "24/31")


def test_a_year_beside_a_label_is_no_ref_and_opens_no_record():
    text = (b"Joint Commitment to Carers 2015-20 \xe2\x80\x93 states the priorities for carers.\n"
            b"It will be refreshed during this strategy.\n"
            b"Note: The Commission presents a new model of risk.\n")
    assert _items(text, "strategy.txt") == []


def test_a_label_naming_the_paper_s_own_date_is_no_deadline():
    text = (b"Internal Audit Report: Payroll\nDate of report: 12 February 2025\n\n"
            b"Recommendation 1\nKeep one register.\nResponsible officer\nHead of HR\n")
    assert _items(text, "audit.txt") == [("1", None, ["Head of HR"], None, None, None)]


@pytest.mark.parametrize("text", [
    # a list of who does what: a line above a name is no action
    b"The partnership is supported by these roles:\nPartnership Lead: Dan Smith, Public Health Lead\n"
    b"Data Lead: Rob White, Research Officer\n",
    # a survey's questions are no labels, and a sentence is nobody's name
    b"SECTION 2: 5 minutes\nWhen?\nIn what types of situations?\n",
    b"parent\nKey worker/Lead professional role:\nParents often looked for a key person to help them through services\n",
    # a standard's number beside words that only look like a label
    b"International standard ISO 20252\nTitle: Residents Survey\nReport status: 1\n",
])
def test_narrative_that_looks_like_labels_is_no_record(text):
    assert _items(text, "report.txt") == []
