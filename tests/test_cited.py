"""Recommendations set out in the body and answered in a table that cites their numbers."""
from boardpapers.ingest.export import document_records
from boardpapers.ingest.pipeline import extract_document

AUDIT = """Internal audit report: payroll controls, 12 September 2023

Recommendation 1: That overtime claims are approved by a manager before they are paid.

Recommendation 2: That leavers are removed from the payroll in the month they leave.
(a) HR should send leaver forms within five days.
(b) Payroll should check the forms each month.

Management response

Rec\tResponse\tResponsible officer\tImplementation date
1\tAgreed. A new approval step will be added.\tPayroll Manager\tDecember 2023
2\tAgreed in part; forms will be sent within ten days.\tHR Business Partner\tMarch 2024
""".encode()


def test_rows_citing_a_number_take_the_recommendation_from_the_body():
    items = document_records(extract_document(AUDIT, "audit.txt"))
    assert [(i["ref"], i["recommendation"], i["action"], i["owners"]) for i in items] == [
        ("1", "That overtime claims are approved by a manager before they are paid.",
         "Agreed. A new approval step will be added.", ["Payroll Manager"]),
        ("2", "That leavers are removed from the payroll in the month they leave. (a) HR should send leaver "
              "forms within five days. (b) Payroll should check the forms each month.",
         "Agreed in part; forms will be sent within ten days.", ["HR Business Partner"]),
    ]


def test_numbered_paragraphs_under_a_recommendations_heading_or_worded_as_one_are_cited():
    from boardpapers.extractors.find.cited import recommendations_in_text
    from boardpapers.schema.models import Paragraph

    blocks = [Paragraph(text="Recommendations of the review", heading=True),
              Paragraph(text="1. Trial weekly food waste collections."),
              Paragraph(text="2. Sell garden waste permits online."),
              Paragraph(text="Background", heading=True),
              Paragraph(text="3. The service collects 40,000 bins a week."),
              Paragraph(text="4. That every school receives a recycling visit."),
              Paragraph(text="(a) primary schools first;")]
    assert recommendations_in_text(blocks) == {
        "1": "Trial weekly food waste collections.", "2": "Sell garden waste permits online.",
        "4": "That every school receives a recycling visit. (a) primary schools first;"}
