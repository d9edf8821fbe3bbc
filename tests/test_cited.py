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
