"""Write corpus/series/: two invented plans reported on paper after paper, and the gold links.

Northshire's plan on cardiovascular health: four text papers over two years.
Across the versions items are renumbered and lightly reworded, deadlines slip,
one action is completed and one is dropped without completion; a fifth paper
holds an unrelated plan that must not be linked.

Wexcombe's falls prevention plan: six papers over two and a half years in three
formats (the plan in Word, three updates in PDF, a Word update, a final report
in HTML).  The first update leaves the recommendations out; the third renumbers
every item and rewords one; deadlines slip, one is reprinted unchanged; a lead
changes; an item is dropped without being completed; three are completed.

gold.json names, for every (document, ref), the tracked item it belongs to.
Run: python corpus/build_series.py
"""
from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent / "series"
HEADER = ["Ref", "Recommendation", "Action", "Lead", "Deadline", "Progress", "RAG"]

# tracked item -> its rows per version: (ref, recommendation, action, lead, deadline, progress, rag) or None
ITEMS = {
    "T1": [("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Dr Rod Moore", "March 2022", "Specification drafted.", "Green"),
           ("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Dr Rod Moore", "March 2022", "Twelve pharmacies signed up.", "Green"),
           ("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Rod Moore", "March 2022", "Complete: 21 pharmacies offering checks.", "Blue"),
           None],
    "T2": [("1.2", "Find people with undiagnosed atrial fibrillation.", "Run case-finding searches in every GP practice.",
            "Oli Newbould", "December 2021", "Searches written.", "Amber"),
           ("1.2", "Find people with undiagnosed atrial fibrillation.", "Run case-finding searches in every GP practice.",
            "Oliver Newbould", "June 2022", "Searches run in 30 of 52 practices.", "Amber"),
           ("2.1", "Find people with undiagnosed atrial fibrillation.", "Run case finding searches in all GP practices.",
            "Oliver Newbould", "December 2022", "Searches run in 30 of 52 practices.", "Red"),
           ("2.1", "Find people with undiagnosed atrial fibrillation.", "Run case finding searches in all GP practices.",
            "Oliver Newbould", "September 2023", "Searches run in 48 of 52 practices.", "Amber")],
    "T3": [("1.3", "Support people to stop smoking after a heart attack.", "Offer a specialist adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2021/22", "Adviser recruited.", "Green"),
           ("1.3", "Support people to stop smoking after a heart attack.", "Offer a specialist adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2021/22", "Adviser in post; 40 referrals.", "Green"),
           ("2.2", "Support people to stop smoking after a heart attack.", "Offer a specialist stop smoking adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2022/23", "Adviser in post; 95 referrals.", "Green"),
           ("2.2", "Support people to stop smoking after a heart attack.", "Offer a specialist stop smoking adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2022/23", "Adviser in post; 95 referrals.", "Amber")],
    "T4": [("1.4", "Promote physical activity for people with heart disease.", "Fund a walking group in each locality.",
            "Jo Atkinson", "Summer 2022", "Funding agreed for two groups.", "Amber"),
           ("1.4", "Promote physical activity for people with heart disease.", "Fund a walking group in each locality.",
            "Jo Atkinson", "Summer 2022", "Funding agreed for two groups.", "Amber"),
           None, None],
    "T5": [None, None,
           ("2.3", "Improve the uptake of cardiac rehabilitation.", "Offer home-based rehabilitation as an option.",
            "Hannah Hutchinson", "June 2023", "Pilot agreed with the trust.", "Amber"),
           ("2.3", "Improve the uptake of cardiac rehabilitation.", "Offer home-based rehabilitation as an option.",
            "Hannah Hutchinson", "June 2024", "Pilot running; uptake up by 10%.", "Green")],
}
VERSIONS = [
    ("2021_07_cvd_plan.txt", "Health and Wellbeing Board 14 July 2021", "Cardiovascular health action plan"),
    ("2022_01_cvd_plan_update.txt", "Health and Wellbeing Board 20 January 2022",
     "Cardiovascular health action plan: progress update"),
    ("2022_09_cvd_plan_refresh.txt", "Health and Wellbeing Board 29 September 2022",
     "Cardiovascular health action plan (refreshed)"),
    ("2023_07_cvd_plan_final.txt", "Health and Wellbeing Board 12 July 2023",
     "Cardiovascular health action plan: final report"),
]
UNRELATED = ("2022_09_libraries_plan.txt", "Cabinet 28 September 2022", "Libraries strategy action plan",
             [("1.1", "Extend library opening hours.", "Open three branches on Sundays.", "Head of Libraries",
               "April 2023", "Consultation complete.", "Green"),
              ("1.2", "Grow the home library service.", "Recruit 30 volunteer drivers.", "Volunteer Coordinator",
               "March 2023", "Twelve recruited.", "Amber")])


def render(meeting: str, title: str, rows: list[tuple]) -> str:
    lines = ["Northshire Health and Wellbeing Board", "", meeting, "", title, "", "\t".join(HEADER)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


# --- Wexcombe falls prevention: six papers, three formats ------------------------------------------------

FALLS_BODY = "Wexcombe Health and Care Partnership"
FALLS_TITLE = "Falls prevention action plan"
_STRONG = "Help older people stay strong and steady."
_MEDICINES = "Reduce falls caused by medicines."
_HOMES = "Make homes safer after a hospital stay."
_CARE_HOMES = "Cut falls in care homes."
_DATA = "Know where falls happen."
_FRACTURE = "Prevent a second fracture."
# tracked item -> its row in each of the six papers: (ref, recommendation, action, lead, deadline, progress, rag)
FALLS = {
    "F1": [("1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "March 2024", "", "Green"),
           ("1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "March 2024",
            "Classes running in three of five localities.", "Green"),
           ("FP1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "September 2024",
            "Four localities; a venue found in the fifth.", "Amber"),
           ("FP1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "September 2024",
            "The fifth locality starts in November.", "Amber"),
           ("FP1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "September 2024",
            "Complete: classes run in all five localities.", "Blue"),
           ("FP1", _STRONG, "Offer strength and balance classes in every locality.", "Dr Helen Marsh", "September 2024",
            "Complete.", "Blue")],
    "F2": [("2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Medicines Optimisation Lead", "December 2023", "", "Amber"),
           ("2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Medicines Optimisation Lead", "December 2023", "Reviews started in 20 practices.", "Amber"),
           ("FP2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Chief Pharmacist", "June 2024", "Reviews under way in 34 practices.", "Amber"),
           ("FP2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Chief Pharmacist", "December 2024", "Reviews under way in 41 practices.", "Red"),
           ("FP2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Chief Pharmacist", "December 2024", "Reviews done in 50 practices.", "Amber"),
           ("FP2", _MEDICINES, "Review the medicines of everyone over 75 who takes four or more.",
            "Chief Pharmacist", "March 2026", "Reviews done in 52 of 55 practices.", "Green")],
    "F3": [("3", _HOMES, "Fit grab rails within a week of discharge.", "Home Improvement Agency", "September 2023", "",
            "Green"),
           ("3", _HOMES, "Fit grab rails within a week of discharge.", "Home Improvement Agency", "September 2023",
            "The average wait is now nine days.", "Amber"),
           ("FP3", _HOMES, "Fit grab rails within a week of discharge.", "Home Improvement Agency", "March 2024",
            "The average wait is eight days.", "Amber"),
           None, None, None],
    "F4": [("4", _CARE_HOMES, "Train care home staff in falls risk assessment.", "Care Homes Quality Team", "June 2024",
            "", "Green"),
           ("4", _CARE_HOMES, "Train care home staff in falls risk assessment.", "Care Homes Quality Team", "June 2024",
            "Training booked for 12 homes.", "Green"),
           ("FP5", _CARE_HOMES, "Train the staff of every care home to assess the risk of a fall.",
            "Care Homes Quality Team", "June 2024", "30 of 60 homes trained.", "Green"),
           ("FP5", _CARE_HOMES, "Train the staff of every care home to assess the risk of a fall.",
            "Care Homes Quality Team", "December 2024", "45 of 60 homes trained.", "Amber"),
           ("FP5", _CARE_HOMES, "Train the staff of every care home to assess the risk of a fall.",
            "Care Homes Quality Team", "December 2024", "58 of 60 homes trained.", "Amber"),
           ("FP5", _CARE_HOMES, "Train the staff of every care home to assess the risk of a fall.",
            "Care Homes Quality Team", "December 2024", "Complete: all 60 homes trained.", "Blue")],
    "F5": [None,
           ("5", _DATA, "Publish a falls dashboard for each locality.", "Business Intelligence Manager", "January 2024",
            "Data sources agreed.", "Amber"),
           ("FP4", _DATA, "Publish a falls dashboard for each locality.", "Business Intelligence Manager",
            "January 2024", "The first release is live.", "Green"),
           ("FP4", _DATA, "Publish a falls dashboard for each locality.", "Business Intelligence Manager",
            "January 2024", "Complete: the dashboard is live and updated monthly.", "Blue"),
           ("FP4", _DATA, "Publish a falls dashboard for each locality.", "Business Intelligence Manager",
            "January 2024", "Complete.", "Blue"),
           None],
    "F6": [("5", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "March 2024", "", "Amber"),
           ("6", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "March 2024", "The business case is approved.", "Amber"),
           ("FP6", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "October 2024", "Nurses being recruited.", "Amber"),
           ("FP6", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "April 2025", "Two nurses in post.", "Amber"),
           ("FP6", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "April 2025", "The service is open; 120 patients seen.", "Green"),
           ("FP6", _FRACTURE, "Set up a fracture liaison service at the district hospital.", "Dr Amir Haddad",
            "April 2025", "The service is running; 410 patients seen.", "Green")],
}
# (file, meeting line, plan heading, columns): the first update prints no recommendations.
FALLS_PAPERS = [
    ("2023_04_falls_plan.docx", "Partnership Board, 19 April 2023", FALLS_TITLE,
     ("Ref", "Recommendation", "Action", "Lead", "Target date", "Progress", "RAG")),
    ("2023_10_falls_update.pdf", "Partnership Board, 18 October 2023", f"{FALLS_TITLE}: six-month update",
     ("Ref", "Action", "Lead", "Target date", "Update", "RAG")),
    ("2024_04_falls_update.pdf", "Partnership Board, 17 April 2024", f"{FALLS_TITLE}: update (renumbered)",
     ("Ref", "Recommendation", "Action", "Lead", "Target date", "Update", "RAG")),
    ("2024_10_falls_update.pdf", "Partnership Board, 16 October 2024", f"{FALLS_TITLE}: update",
     ("Ref", "Recommendation", "Action", "Lead", "Target date", "Update", "RAG")),
    ("2025_04_falls_update.docx", "Partnership Board, 16 April 2025", f"{FALLS_TITLE}: update",
     ("Ref", "Recommendation", "Action", "Lead", "Revised date", "Progress", "RAG")),
    ("2025_10_falls_final.html", "Partnership Board, 15 October 2025", f"{FALLS_TITLE}: final report",
     ("Ref", "Recommendation", "Action", "Lead", "Target date", "Progress", "RAG")),
]
_FIELDS = {"Ref": 0, "Recommendation": 1, "Action": 2, "Lead": 3, "Target date": 4, "Revised date": 4,
           "Progress": 5, "Update": 5, "RAG": 6}


def _corpus_builder():
    """corpus/build_corpus.py, for its deterministic Word helpers."""
    spec = importlib.util.spec_from_file_location("build_corpus", Path(__file__).parent / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_corpus", module)  # its dataclasses look their module up
    spec.loader.exec_module(sys.modules["build_corpus"] if sys.modules["build_corpus"] is module else module)
    return sys.modules["build_corpus"]


def falls_word(meeting: str, title: str, columns: tuple, rows: list[tuple], created: tuple) -> bytes:
    builder = _corpus_builder()
    document = builder._word_document(title, "Partnership Secretary", created)
    document.add_paragraph(FALLS_BODY)
    document.add_paragraph(meeting)
    document.add_heading(title, 1)
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns):
        cell.text = name
    for row in rows:
        for cell, name in zip(table.add_row().cells, columns):
            cell.text = row[_FIELDS[name]]
    document.add_paragraph("The board is asked to note the progress made.")
    return builder._word_bytes(document)


def falls_pdf(meeting: str, title: str, columns: tuple, rows: list[tuple]) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8.5, leading=10.5)
    widths = {"Ref": 35, "Recommendation": 150, "Action": 190, "Lead": 110, "Target date": 75, "Update": 150,
              "RAG": 45}
    data = [[Paragraph(f"<b>{c}</b>", cell) for c in columns]]
    data += [[Paragraph(row[_FIELDS[c]], cell) for c in columns] for row in rows]
    table = Table(data, colWidths=[widths[c] for c in columns], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=title, author=FALLS_BODY,
                                 invariant=1, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36)
    document.build([Paragraph(FALLS_BODY, styles["Normal"]), Paragraph(meeting, styles["Normal"]),
                    Paragraph(title, styles["Heading2"]), Spacer(1, 6), table])
    return buffer.getvalue()


def falls_html(meeting: str, title: str, columns: tuple, rows: list[tuple]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(row[_FIELDS[c]])}</td>" for c in columns) + "</tr>\n"
                   for row in rows)
    return (f"<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"</head>\n<body>\n<header><p>{escape(FALLS_BODY)}</p></header>\n<main>\n<h1>{escape(title)}</h1>\n"
            f"<p>{escape(meeting)}</p>\n<p>This final report closes the plan. Items not complete pass to the "
            f"ageing well programme.</p>\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n"
            f"</table>\n</main>\n</body></html>\n")


def _ref_order(ref: str) -> tuple:
    digits = "".join(ch for ch in ref if ch.isdigit())
    return (int(digits) if digits else 0, ref)


def build_falls(target: Path, gold: dict) -> list[Path]:
    written = []
    for v, (name, meeting, title, columns) in enumerate(FALLS_PAPERS):
        rows = sorted(((rows[v], tid) for tid, rows in FALLS.items() if rows[v] is not None),
                      key=lambda pair: _ref_order(pair[0][0]))
        printed = [r for r, _ in rows]
        path = target / name
        if name.endswith(".docx"):
            year, month = int(name[:4]), int(name[5:7])
            path.write_bytes(falls_word(meeting, title, columns, printed, (year, month, 1, 9, 0)))
        elif name.endswith(".pdf"):
            path.write_bytes(falls_pdf(meeting, title, columns, printed))
        else:
            path.write_text(falls_html(meeting, title, columns, printed), encoding="utf-8")
        gold[name] = {r[0]: tid for r, tid in rows}
        written.append(path)
    return written


def build(target: Path = HERE) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    gold: dict[str, dict[str, str]] = {}
    written = []
    for v, (name, meeting, title) in enumerate(VERSIONS):
        rows = sorted((rows[v], tid) for tid, rows in ITEMS.items() if rows[v] is not None)
        (target / name).write_text(render(meeting, title, [r for r, _ in rows]), encoding="utf-8")
        gold[name] = {r[0]: tid for r, tid in rows}
        written.append(target / name)
    name, meeting, title, rows = UNRELATED
    (target / name).write_text(render(meeting, title, rows).replace("Health and Wellbeing Board", "Council", 1),
                               encoding="utf-8")
    gold[name] = {r[0]: f"L{k}" for k, r in enumerate(rows, 1)}
    written.append(target / name)
    written += build_falls(target, gold)
    (target / "gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
